//! Baselines: the findings a document repository has accepted for now, so that CI fails only on
//! new ones. A baseline is a JSON file with one entry per finding (rule, path, fingerprint and
//! the message, for the reader). Findings are matched on the line-shift-stable fingerprint of
//! `report::fingerprint`, so lines added or removed above a finding do not make it new.
//!
//! Findings about a whole document have no line of text, and their fingerprint is made from
//! their message, which is in the language of the run: so a baseline records its language, and
//! a run against it should use the same one (the command does when `--lang` is not given).
//!
//! Matching counts: when the same rule fires on two lines with the same text, their fingerprints
//! differ by an occurrence number (first, second, … in file order). A baseline holding two of
//! them accepts two; a third such finding is new (the last one in file order is reported).

use crate::finding::Finding;
use crate::lang::Lang;
use crate::report::fingerprint::{fingerprints, uri_path};
use crate::serde_error::SerdeError;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use std::path::{Path, PathBuf};

/// The version of the file format; a file of another version is refused.
pub const VERSION: u32 = 1;

/// The file as written: `{"version": 1, "lang": "ru", "findings": [...]}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BaselineFile {
    pub version: u32,
    /// The language of the messages the fingerprints of line-less findings were made from.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lang: Option<Lang>,
    pub findings: Vec<Entry>,
}

/// One accepted finding. Entries are sorted by path, rule, fingerprint, so the file is the
/// same bytes for the same findings and diffs well.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Entry {
    pub path: String,
    pub rule: String,
    pub fingerprint: String,
    /// For people reading the file; not used for matching (it depends on `--lang`).
    #[serde(default)]
    pub message: String,
}

/// A baseline that cannot be read or written. `message` says it in a language; `Display` in
/// English.
#[derive(Debug, thiserror::Error)]
#[error("{}", self.message(Lang::En))]
pub enum BaselineError {
    Read {
        path: PathBuf,
        error: std::io::Error,
    },
    Write {
        path: PathBuf,
        error: std::io::Error,
    },
    Malformed {
        path: PathBuf,
        line: usize,
        column: usize,
        error: SerdeError,
    },
    Version {
        path: PathBuf,
        found: u32,
    },
}

impl BaselineError {
    pub fn message(&self, lang: Lang) -> String {
        use crate::messages::{baseline as text, data::io_error};
        match self {
            BaselineError::Read { path, error } => {
                text::unreadable(lang, &path.display().to_string(), &io_error(lang, error))
            }
            BaselineError::Write { path, error } => {
                text::unwritable(lang, &path.display().to_string(), &io_error(lang, error))
            }
            BaselineError::Malformed {
                path,
                line,
                column,
                error,
            } => {
                let place = format!("{}:{line}:{column}", path.display());
                let reason = match error {
                    SerdeError::Other(json) => text::json_syntax(lang, json),
                    other => other.message(lang),
                };
                text::malformed(lang, &place, &reason)
            }
            BaselineError::Version { path, found } => {
                text::version(lang, &path.display().to_string(), *found, VERSION)
            }
        }
    }
}

/// The path as the baseline keys it: `/` between parts, no leading `./`, so `hattama check .`
/// and `hattama check docs` agree on `docs/a.md`.
pub fn normal_path(path: &str) -> String {
    let mut path = uri_path(path);
    while let Some(rest) = path.strip_prefix("./") {
        path = rest.to_string();
    }
    path
}

/// The entries for a run's findings (in the engine's order, which numbers repeats), sorted.
pub fn entries(findings: &[Finding]) -> Vec<Entry> {
    let mut entries: Vec<Entry> = keyed(findings)
        .into_iter()
        .zip(findings)
        .map(|((path, rule, fingerprint), finding)| Entry {
            path,
            rule,
            fingerprint,
            message: finding.message.clone(),
        })
        .collect();
    entries.sort();
    entries
}

/// The baseline file's text for these findings (with messages in `lang`): pretty JSON ending
/// in a newline.
pub fn render(findings: &[Finding], lang: Lang) -> String {
    let file = BaselineFile {
        version: VERSION,
        lang: Some(lang),
        findings: entries(findings),
    };
    let mut text = serde_json::to_string_pretty(&file).expect("a baseline always serialises");
    text.push('\n');
    text
}

/// Writes the baseline for `findings` to `path`; returns how many entries it holds.
pub fn write(path: &Path, findings: &[Finding], lang: Lang) -> Result<usize, BaselineError> {
    std::fs::write(path, render(findings, lang)).map_err(|error| BaselineError::Write {
        path: path.to_path_buf(),
        error,
    })?;
    Ok(findings.len())
}

type Key = (String, String, String);

/// (path, rule, fingerprint) of each finding, in order.
fn keyed(findings: &[Finding]) -> Vec<Key> {
    let normal: Vec<Finding> = findings
        .iter()
        .map(|f| Finding {
            path: normal_path(&f.path),
            ..f.clone()
        })
        .collect();
    let prints = fingerprints(&normal);
    normal
        .into_iter()
        .zip(prints)
        .map(|(f, fingerprint)| (f.path, f.rule, fingerprint))
        .collect()
}

/// A loaded baseline: how many findings of each key it accepts.
#[derive(Debug, Clone, Default)]
pub struct Baseline {
    accepted: HashMap<Key, usize>,
    /// The language it was written in, when the file says.
    pub lang: Option<Lang>,
}

/// What applying a baseline left.
#[derive(Debug, Default)]
pub struct Filtered {
    /// The findings the baseline does not accept, in their original order.
    pub new: Vec<Finding>,
    /// How many findings the baseline accepted (and so hid).
    pub hidden: usize,
    /// Baseline entries no finding matched any more (fixed, or their line was edited).
    pub stale: usize,
}

impl Baseline {
    pub fn load(path: &Path) -> Result<Baseline, BaselineError> {
        let text = std::fs::read_to_string(path).map_err(|error| BaselineError::Read {
            path: path.to_path_buf(),
            error,
        })?;
        Baseline::parse(&text).map_err(|error| match error {
            ParseError::Json {
                line,
                column,
                error,
            } => BaselineError::Malformed {
                path: path.to_path_buf(),
                line,
                column,
                error,
            },
            ParseError::Version(found) => BaselineError::Version {
                path: path.to_path_buf(),
                found,
            },
        })
    }

    pub fn parse(text: &str) -> Result<Baseline, ParseError> {
        // The version is read first, so a future format is named as such, not as broken JSON.
        #[derive(Deserialize)]
        struct Versioned {
            version: Option<u32>,
        }
        if let Ok(Versioned {
            version: Some(found),
        }) = serde_json::from_str::<Versioned>(text)
            && found != VERSION
        {
            return Err(ParseError::Version(found));
        }
        let file: BaselineFile = serde_json::from_str(text).map_err(ParseError::from)?;
        let mut baseline = Baseline::from_entries(file.findings);
        baseline.lang = file.lang;
        Ok(baseline)
    }

    pub fn from_entries(entries: impl IntoIterator<Item = Entry>) -> Baseline {
        let mut accepted: HashMap<Key, usize> = HashMap::new();
        for entry in entries {
            *accepted
                .entry((normal_path(&entry.path), entry.rule, entry.fingerprint))
                .or_default() += 1;
        }
        Baseline {
            accepted,
            lang: None,
        }
    }

    /// Splits a run's findings (in the engine's order) into new ones and accepted ones.
    pub fn filter(&self, findings: Vec<Finding>) -> Filtered {
        let mut left = self.accepted.clone();
        let keys = keyed(&findings);
        let mut filtered = Filtered::default();
        for (finding, key) in findings.into_iter().zip(keys) {
            match left.get_mut(&key) {
                Some(count) if *count > 0 => {
                    *count -= 1;
                    filtered.hidden += 1;
                }
                _ => filtered.new.push(finding),
            }
        }
        filtered.stale = left.values().sum();
        filtered
    }
}

/// Why a baseline's text was refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ParseError {
    Json {
        line: usize,
        column: usize,
        error: SerdeError,
    },
    Version(u32),
}

impl From<serde_json::Error> for ParseError {
    fn from(error: serde_json::Error) -> ParseError {
        let (line, column, error) = SerdeError::of_json(&error);
        ParseError::Json {
            line,
            column,
            error,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn finding(path: &str, line: u32, snippet: &str) -> Finding {
        crate::finding::sample(path, line, snippet)
    }

    #[test]
    fn the_file_is_sorted_and_reads_back() {
        let findings = [finding("b.md", 3, "x"), finding("./a.md", 9, "y")];
        let text = render(&findings, Lang::En);
        assert!(text.find("\"a.md\"").unwrap() < text.find("\"b.md\"").unwrap());
        let baseline = Baseline::parse(&text).unwrap();
        assert_eq!(baseline.lang, Some(Lang::En));
        let shifted = vec![finding("a.md", 20, "y"), finding("b.md", 4, "x")];
        let filtered = baseline.filter(shifted);
        assert!(filtered.new.is_empty());
        assert_eq!((filtered.hidden, filtered.stale), (2, 0));
    }

    #[test]
    fn repeats_are_counted() {
        let two = [finding("a.md", 1, "same"), finding("a.md", 5, "same")];
        let baseline = Baseline::parse(&render(&two, Lang::Kk)).unwrap();
        let three = vec![
            finding("a.md", 1, "same"),
            finding("a.md", 5, "same"),
            finding("a.md", 9, "same"),
        ];
        let filtered = baseline.filter(three);
        assert_eq!(filtered.hidden, 2);
        assert_eq!(filtered.new.len(), 1);
        assert_eq!(filtered.new[0].start.line, 9);
        let one = baseline.filter(vec![finding("a.md", 1, "same")]);
        assert_eq!((one.hidden, one.stale), (1, 1));
    }

    #[test]
    fn broken_files_name_the_place() {
        let error =
            Baseline::parse("{\n  \"version\": 1,\n  \"findings\": [\n    {]\n}").unwrap_err();
        assert!(
            matches!(
                error,
                ParseError::Json {
                    line: 4,
                    column: 6,
                    ..
                }
            ),
            "{error:?}"
        );
        assert_eq!(
            Baseline::parse(r#"{"version": 2, "findings": []}"#).unwrap_err(),
            ParseError::Version(2)
        );
        assert!(matches!(
            Baseline::parse(r#"{"findings": []}"#).unwrap_err(),
            ParseError::Json { .. }
        ));
    }
}
