//! What clap reports about the command line, in the run's language: the help and the version
//! as clap prints them (the command it parsed with is already in that language), and usage
//! errors (an unknown option, a bad value, a missing argument) said again from their parts,
//! in clap's layout. An error of a kind not known here is printed as clap words it.

use super::BadValue;
use crate::lang::Lang;
use crate::messages::cli::{self as text, Similar};
use clap::error::{ContextKind, ContextValue, ErrorKind};
use std::io::Write;

/// Prints the report on the command line; returns the exit code (0 for help and version, 2 for
/// a usage error).
pub fn report(error: &clap::Error, lang: Lang) -> u8 {
    let code = u8::try_from(error.exit_code()).unwrap_or(2);
    let message = match error.kind() {
        ErrorKind::DisplayHelp
        | ErrorKind::DisplayVersion
        | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => None,
        _ => message(error, lang),
    };
    match message {
        Some(message) => {
            let shown = super::stderr::mask(&render(error, &message, lang));
            let _ = write!(anstream::stderr(), "{shown}");
        }
        None => {
            let _ = error.print();
        }
    }
    code
}

/// A string argument of the error.
fn string(error: &clap::Error, kind: ContextKind) -> Option<&str> {
    match error.get(kind) {
        Some(ContextValue::String(value)) => Some(value),
        _ => None,
    }
}

/// A list argument of the error.
fn strings(error: &clap::Error, kind: ContextKind) -> Option<&[String]> {
    match error.get(kind) {
        Some(ContextValue::Strings(values)) => Some(values),
        _ => None,
    }
}

/// The message after `error:`, in `lang`; none for a kind (or a form) not known here.
fn message(error: &clap::Error, lang: Lang) -> Option<String> {
    let arg = string(error, ContextKind::InvalidArg);
    let value = string(error, ContextKind::InvalidValue);
    let words = text::usage_words(lang);
    let listed = |heading: &str, values: Option<&[String]>| match values {
        Some(values) if !values.is_empty() => format!("\n  [{heading}: {}]", values.join(", ")),
        _ => String::new(),
    };
    Some(match error.kind() {
        ErrorKind::UnknownArgument => text::unexpected_argument(lang, arg?),
        ErrorKind::InvalidSubcommand => {
            text::unknown_command(lang, string(error, ContextKind::InvalidSubcommand)?)
        }
        ErrorKind::InvalidValue => {
            let (arg, value) = (arg?, value?);
            let head = if value.is_empty() {
                text::value_required(lang, arg)
            } else {
                text::invalid_value(lang, value, arg)
            };
            let values = strings(error, ContextKind::ValidValue);
            head + &listed(words.possible_values, values)
        }
        ErrorKind::ValueValidation => {
            let head = text::invalid_value(lang, value?, arg?);
            let source = std::error::Error::source(error);
            let reason = match source.and_then(|s| s.downcast_ref::<BadValue>()) {
                Some(bad) => bad.message(lang),
                None => source.map(ToString::to_string)?,
            };
            format!("{head}: {reason}")
        }
        ErrorKind::MissingRequiredArgument => {
            let missing = strings(error, ContextKind::InvalidArg)?;
            let mut text = text::missing_required(lang);
            for arg in missing {
                text.push_str(&format!("\n  {arg}"));
            }
            text
        }
        ErrorKind::ArgumentConflict => {
            let arg = arg?;
            match error.get(ContextKind::PriorArg) {
                Some(ContextValue::String(prior)) if prior == arg => text::used_twice(lang, arg),
                Some(ContextValue::String(prior)) => text::conflict(lang, arg, Some(prior)),
                Some(ContextValue::Strings(prior)) => {
                    let mut text = text::conflict(lang, arg, None);
                    text.push(':');
                    for other in prior {
                        text.push_str(&format!("\n  {other}"));
                    }
                    text
                }
                _ => text::conflict(lang, arg, None),
            }
        }
        ErrorKind::TooManyValues => text::too_many_values(lang, value?, arg?),
        ErrorKind::NoEquals => text::no_equals(lang, arg?),
        ErrorKind::MissingSubcommand => {
            let name = string(error, ContextKind::InvalidSubcommand)?;
            text::missing_command(lang, name)
                + &listed(words.commands, strings(error, ContextKind::ValidSubcommand))
        }
        ErrorKind::InvalidUtf8 => text::invalid_utf8(lang),
        _ => return None,
    })
}

/// The tips clap gives: similar names, and how to pass a value that looks like an option.
fn tips(error: &clap::Error, lang: Lang) -> Vec<String> {
    let quoted = |value: &ContextValue| match value {
        ContextValue::String(name) => Some(format!("'{name}'")),
        ContextValue::Strings(names) => Some(
            names
                .iter()
                .map(|name| format!("'{name}'"))
                .collect::<Vec<_>>()
                .join(", "),
        ),
        _ => None,
    };
    let mut tips = Vec::new();
    for (kind, of) in [
        (ContextKind::SuggestedSubcommand, Similar::Command),
        (ContextKind::SuggestedArg, Similar::Argument),
        (ContextKind::SuggestedValue, Similar::Value),
    ] {
        if let Some(names) = error.get(kind).and_then(quoted) {
            tips.push(text::similar(lang, of, &names));
        }
    }
    if let Some(ContextValue::StyledStrs(suggestions)) = error.get(ContextKind::Suggested) {
        for suggestion in suggestions {
            let plain = suggestion.to_string();
            let as_value = plain
                .strip_prefix("to pass '")
                .and_then(|rest| rest.split_once("' as a value, use '"))
                .and_then(|(value, rest)| Some((value, rest.strip_suffix('\'')?)));
            tips.push(match as_value {
                Some((value, written)) => text::pass_as_value(lang, value, written),
                None => plain,
            });
        }
    }
    tips
}

/// clap's layout: `error: …`, the tips, the usage, where to read more.
fn render(error: &clap::Error, message: &str, lang: Lang) -> String {
    let styles = clap::builder::Styles::default();
    let paint = |style: &anstyle::Style, text: &str| {
        format!("{}{text}{}", style.render(), style.render_reset())
    };
    let words = text::usage_words(lang);
    let mut out = format!(
        "{} {message}\n",
        paint(styles.get_error(), &format!("{}:", words.error))
    );
    let tips = tips(error, lang);
    if !tips.is_empty() {
        out.push('\n');
        for tip in tips {
            let label = paint(styles.get_valid(), &format!("{}:", words.tip));
            out.push_str(&format!("  {label} {tip}\n"));
        }
    }
    if let Some(ContextValue::StyledStr(usage)) = error.get(ContextKind::Usage) {
        let plain = usage.to_string();
        let line = plain.strip_prefix("Usage:").unwrap_or(&plain).trim_start();
        let heading = text::help_words(lang).headings.usage;
        out.push_str(&format!(
            "\n{} {line}\n",
            paint(styles.get_usage(), &format!("{heading}:"))
        ));
    }
    let flag = paint(styles.get_literal(), "--help");
    out.push_str(&format!("\n{}\n", text::more_information(lang, &flag)));
    out
}
