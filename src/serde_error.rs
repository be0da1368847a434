//! What the YAML and JSON readers (serde_yaml_ng for `hattama.yml`, serde_json for baselines)
//! say is wrong with a file, read back from their English text into data, so that hattama can
//! say it in the user's language. The wording of these messages is serde's own ("unknown field
//! `x`, expected one of `a`, `b`", "invalid type: integer `5`, expected a sequence", "missing
//! field `x`"); a message in any other wording (a syntax error) is kept as the library wrote it.

use crate::lang::Lang;
use crate::messages;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum SerdeError {
    /// A key the structure does not have; `expected` lists the keys it has.
    UnknownKey {
        key: String,
        expected: Vec<String>,
    },
    /// A value that is not one of the allowed words (`fail_level: sometimes`).
    UnknownValue {
        value: String,
        expected: Vec<String>,
    },
    /// A value of the wrong kind or out of range, in serde's words: what was written
    /// (`integer \`5\``, `sequence`) and what was expected (`a sequence`, `a nonzero usize`).
    WrongValue {
        found: String,
        expected: String,
    },
    MissingKey(String),
    DuplicateKey(String),
    /// Anything else (syntax errors above all), as the library wrote it.
    Other(String),
}

impl SerdeError {
    /// A JSON error's line, column and what went wrong.
    pub fn of_json(error: &serde_json::Error) -> (usize, usize, SerdeError) {
        let (line, column) = (error.line(), error.column());
        let text = error.to_string();
        let suffix = format!(" at line {line} column {column}");
        let message = text.strip_suffix(&suffix).unwrap_or(&text);
        (line, column, SerdeError::parse(message))
    }

    /// Reads a serde message (without the library's " at line N column M").
    pub fn parse(text: &str) -> SerdeError {
        let text = text.trim();
        if let Some(rest) = text.strip_prefix("unknown field `")
            && let Some((key, expected)) = rest.split_once('`')
        {
            return SerdeError::UnknownKey {
                key: key.to_string(),
                expected: quoted(expected),
            };
        }
        if let Some(rest) = text.strip_prefix("unknown variant `")
            && let Some((value, expected)) = rest.split_once('`')
        {
            return SerdeError::UnknownValue {
                value: value.to_string(),
                expected: quoted(expected),
            };
        }
        for prefix in ["invalid type: ", "invalid value: "] {
            if let Some(rest) = text.strip_prefix(prefix)
                && let Some((found, expected)) = rest.rsplit_once(", expected ")
            {
                return SerdeError::WrongValue {
                    found: found.to_string(),
                    expected: expected.to_string(),
                };
            }
        }
        for (prefix, make) in [
            (
                "missing field `",
                SerdeError::MissingKey as fn(String) -> SerdeError,
            ),
            ("duplicate field `", SerdeError::DuplicateKey),
        ] {
            if let Some(key) = text
                .strip_prefix(prefix)
                .and_then(|rest| rest.strip_suffix('`'))
            {
                return make(key.to_string());
            }
        }
        SerdeError::Other(text.to_string())
    }

    /// Splits serde_yaml_ng's `params.quorum: invalid type: …` into the path of the entry
    /// (`params.quorum`, when there is one) and what is wrong with it. The path is the first
    /// part after which a message serde writes begins.
    pub fn with_path(text: &str) -> (Option<String>, SerdeError) {
        let whole = SerdeError::parse(text);
        if !matches!(whole, SerdeError::Other(_)) {
            return (None, whole);
        }
        for (at, _) in text.match_indices(": ") {
            let rest = SerdeError::parse(&text[at + 2..]);
            if !matches!(rest, SerdeError::Other(_)) {
                return (Some(text[..at].to_string()), rest);
            }
        }
        (None, whole)
    }

    /// The message in `lang`. `Other` is kept as the library wrote it: the caller says what
    /// kind of file could not be read.
    pub fn message(&self, lang: Lang) -> String {
        match self {
            SerdeError::UnknownKey { key, expected } => {
                messages::data::unknown_key(lang, key, expected, closest(key, expected))
            }
            SerdeError::UnknownValue { value, expected } => {
                messages::data::unknown_value(lang, value, expected, closest(value, expected))
            }
            SerdeError::WrongValue { found, expected } => messages::data::wrong_value(
                lang,
                &messages::data::found(lang, found),
                &messages::data::expected(lang, expected),
            ),
            SerdeError::MissingKey(key) => messages::data::missing_key(lang, key),
            SerdeError::DuplicateKey(key) => messages::data::duplicate_key(lang, key),
            SerdeError::Other(text) => text.clone(),
        }
    }
}

/// The names serde lists in backquotes: "one of `a`, `b`", "`a` or `b`", "there are no fields".
fn quoted(text: &str) -> Vec<String> {
    text.split('`')
        .skip(1)
        .step_by(2)
        .map(str::to_string)
        .collect()
}

/// The allowed name most like a misspelt one, if one is close enough to be meant: a few edits
/// (a swap of two letters is one), and fewer than half the name's letters.
pub fn closest<'a>(name: &str, allowed: &'a [String]) -> Option<&'a str> {
    let letters = name.chars().count();
    allowed
        .iter()
        .map(|candidate| (strsim::osa_distance(name, candidate), candidate.as_str()))
        .filter(|&(distance, _)| distance <= 2.max(letters / 5) && 2 * distance < letters)
        .min()
        .map(|(_, candidate)| candidate)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn serde_messages_are_read_into_their_parts() {
        assert_eq!(
            SerdeError::parse("unknown field `colour`, expected one of `rules`, `lang`"),
            SerdeError::UnknownKey {
                key: "colour".into(),
                expected: vec!["rules".into(), "lang".into()]
            }
        );
        assert_eq!(
            SerdeError::parse("unknown field `x`, there are no fields"),
            SerdeError::UnknownKey {
                key: "x".into(),
                expected: vec![]
            }
        );
        assert_eq!(
            SerdeError::parse("invalid value: integer `0`, expected a nonzero usize"),
            SerdeError::WrongValue {
                found: "integer `0`".into(),
                expected: "a nonzero usize".into()
            }
        );
        assert_eq!(
            SerdeError::parse("missing field `findings`"),
            SerdeError::MissingKey("findings".into())
        );
        assert_eq!(
            SerdeError::parse("trailing comma"),
            SerdeError::Other("trailing comma".into())
        );
        let (path, error) = SerdeError::with_path(
            "params.session-gap: invalid type: string \"a: b\", expected a map",
        );
        assert_eq!(path.as_deref(), Some("params.session-gap"));
        assert!(matches!(error, SerdeError::WrongValue { .. }));
        assert_eq!(
            SerdeError::with_path("fail_level: unknown variant `x`, expected `a` or `b`").0,
            Some("fail_level".into())
        );
        assert_eq!(SerdeError::with_path("duplicate field `lang`").0, None);
    }

    #[test]
    fn a_close_name_is_suggested() {
        let keys = vec!["fail_level".to_string(), "lang".to_string()];
        assert_eq!(closest("fail-level", &keys), Some("fail_level"));
        assert_eq!(closest("lnag", &keys), Some("lang"));
        assert_eq!(closest("colour", &keys), None);
        let languages = vec!["kk".to_string(), "ru".to_string(), "en".to_string()];
        assert_eq!(closest("de", &languages), None);
    }
}
