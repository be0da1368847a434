//! What a program of this project needs on the command line beyond clap, in the run's language:
//! the help of its commands and arguments (`help`), clap's usage errors said again (`usage`),
//! messages on stderr masked like the reports (`stderr`), and the values every program takes
//! (`--lang`, dates). The `hattama` binary and the generator's (`crates/hattama-generate`) are
//! built on it; each brings its own texts.

use crate::lang::Lang;
use crate::messages;
use chrono::NaiveDate;

pub mod help;
pub mod stderr;
pub mod usage;

/// An option value that is not one: said in the run's language by [`usage::report`].
#[derive(Debug, thiserror::Error)]
#[error("{}", self.message(Lang::En))]
pub enum BadValue {
    Lang(String),
    Date(String),
}

impl BadValue {
    pub fn message(&self, lang: Lang) -> String {
        match self {
            BadValue::Lang(text) => messages::cli::bad_language(lang, text),
            BadValue::Date(text) => messages::cli::bad_date(lang, text),
        }
    }
}

/// `--lang kk|ru|en`.
pub fn parse_lang(text: &str) -> Result<Lang, BadValue> {
    Lang::from_code(text).ok_or_else(|| BadValue::Lang(text.to_string()))
}

/// A day as `2026-11-30` or `30.11.2026`.
pub fn parse_date(text: &str) -> Result<NaiveDate, BadValue> {
    NaiveDate::parse_from_str(text, "%Y-%m-%d")
        .or_else(|_| NaiveDate::parse_from_str(text, "%d.%m.%Y"))
        .map_err(|_| BadValue::Date(text.to_string()))
}

/// The value given to `--NAME` (as `--NAME VALUE` or `--NAME=VALUE`) among `args`, before any
/// `--`, as far as it can be told before clap parses them: for the language of `--help` and of
/// the errors clap reports.
pub fn option_before_parsing<'a>(args: &[&'a str], name: &str) -> Option<&'a str> {
    let args: Vec<&str> = args
        .iter()
        .copied()
        .take_while(|&arg| arg != "--")
        .collect();
    let long = format!("--{name}");
    let joined = format!("--{name}=");
    args.iter().enumerate().find_map(|(at, &arg)| {
        if arg == long {
            args.get(at + 1).copied()
        } else {
            arg.strip_prefix(&joined)
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_option_is_found_in_either_form_before_a_double_dash() {
        let args = [
            "check",
            "--lang",
            "kk",
            "--config=x.yml",
            "--",
            "--as-of",
            "d",
        ];
        assert_eq!(option_before_parsing(&args, "lang"), Some("kk"));
        assert_eq!(option_before_parsing(&args, "config"), Some("x.yml"));
        assert_eq!(option_before_parsing(&args, "as-of"), None);
        assert_eq!(option_before_parsing(&["--lang"], "lang"), None);
    }

    #[test]
    fn dates_are_read_in_two_forms() {
        let day = NaiveDate::from_ymd_opt(2026, 11, 30).unwrap();
        assert_eq!(parse_date("2026-11-30").unwrap(), day);
        assert_eq!(parse_date("30.11.2026").unwrap(), day);
        assert!(matches!(parse_date("31.02.2026"), Err(BadValue::Date(_))));
        assert!(matches!(parse_lang("de"), Err(BadValue::Lang(_))));
    }
}
