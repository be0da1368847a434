//! What the command line's values mean: a language, a date, and the library's named choices
//! (`--format`, `--fail-level`). The library does not know clap: each choice lists its values
//! and names them, and this module turns that into a parser, so clap stays in the binary.

use chrono::NaiveDate;
use clap::builder::{PossibleValuesParser, TypedValueParser};
use hattama::config::FailLevel;
use hattama::lang::Lang;
use hattama::messages;
use hattama::report::Format;

/// A value chosen by name on the command line.
pub trait Choice: Copy + Send + Sync + 'static {
    /// Every value, in the order the help lists them.
    fn all() -> &'static [Self];
    fn name(self) -> &'static str;

    /// The value of a name clap has already checked against [`Choice::all`].
    fn named(name: &str) -> Self {
        *Self::all()
            .iter()
            .find(|value| value.name() == name)
            .expect("clap checked the value against the list")
    }
}

impl Choice for Format {
    fn all() -> &'static [Self] {
        &Format::ALL
    }
    fn name(self) -> &'static str {
        Format::name(self)
    }
}

impl Choice for FailLevel {
    fn all() -> &'static [Self] {
        &FailLevel::ALL
    }
    fn name(self) -> &'static str {
        FailLevel::name(self)
    }
}

/// The parser of an argument that takes one of `T`'s names. `help.rs` replaces it with one
/// whose values carry their help in the run's language; this one is what clap checks without it.
pub fn parser<T: Choice>() -> impl TypedValueParser<Value = T> {
    PossibleValuesParser::new(T::all().iter().map(|value| value.name())).map(|name| T::named(&name))
}

/// A value the command line could not take, worded in the run's language when usage errors
/// are rendered (`usage.rs`).
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

pub fn parse_lang(text: &str) -> Result<Lang, BadValue> {
    Lang::from_code(text).ok_or_else(|| BadValue::Lang(text.to_string()))
}

pub fn parse_date(text: &str) -> Result<NaiveDate, BadValue> {
    hattama::calendar::parse_day(text).ok_or_else(|| BadValue::Date(text.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn round_trips<T: Choice + PartialEq + std::fmt::Debug>() {
        for value in T::all() {
            assert_eq!(T::named(value.name()), *value);
        }
    }

    #[test]
    fn every_value_is_found_by_its_name() {
        round_trips::<Format>();
        round_trips::<FailLevel>();
    }
}
