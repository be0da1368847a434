//! The one finding type every stage produces and every renderer prints.

use crate::privacy::{Mask, Masker};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Info,
    Warning,
    Error,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }

    pub fn parse(text: &str) -> Option<Severity> {
        match text {
            "info" => Some(Severity::Info),
            "warning" => Some(Severity::Warning),
            "error" => Some(Severity::Error),
            _ => None,
        }
    }
}

impl std::fmt::Display for Severity {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A 1-based line and column (columns count characters, not bytes, as editors do).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Position {
    pub line: u32,
    pub column: u32,
}

impl Position {
    pub const START: Position = Position { line: 1, column: 1 };
}

/// One problem in one document.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Finding {
    /// Namespaced rule id, e.g. `kz-kdn/decision-deadline`.
    pub rule: String,
    pub severity: Severity,
    /// The path as the user named it (relative paths stay relative).
    pub path: String,
    pub start: Position,
    pub end: Position,
    /// What is wrong and what is required, in the chosen language.
    pub message: String,
    /// How to fix it, in the chosen language.
    pub fix: Option<String>,
    /// The source line the finding points at, with personal data masked.
    pub snippet: Option<String>,
    /// Other places the finding is about (the original of a copied plan, the other protocols
    /// that repeat a decision).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub related: Vec<Related>,
    /// The values a corpus rule's message was made from (`due`, `days`, `similarity`, …), for
    /// reports that tabulate them; personal data masked like the message.
    #[serde(default, skip_serializing_if = "std::collections::BTreeMap::is_empty")]
    pub facts: std::collections::BTreeMap<String, serde_json::Value>,
    /// What a report's own tables read of it, for the kinds whose findings have one.
    #[serde(skip)]
    pub tabled: Option<Tabled>,
}

/// What a report's tables read of a finding, typed, from the kinds whose findings have a table
/// of their own; the same values are among its `facts` for the JSON report.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Tabled {
    /// A decision past its deadline that nothing reports executed.
    Overdue {
        /// Its number in its protocol (`2.2`).
        decision: String,
        /// The deadline as the protocol wrote it.
        deadline: String,
        due: chrono::NaiveDate,
        /// Days since it fell due.
        days: i64,
    },
    /// A near-copy of another document.
    Copy {
        /// The path of the document it copies.
        original: String,
        /// Per cent of shared word sequences.
        similarity: i64,
        /// Documents in its cluster of near-copies.
        cluster: i64,
    },
}

impl Mask for Tabled {
    fn mask_with(&mut self, masker: &Masker) {
        match self {
            Tabled::Overdue {
                decision,
                deadline,
                due: _,
                days: _,
            } => {
                decision.mask_with(masker);
                deadline.mask_with(masker);
            }
            Tabled::Copy {
                original,
                similarity: _,
                cluster: _,
            } => original.mask_with(masker),
        }
    }
}

impl Mask for Finding {
    /// Every text a finding carries; the rule id too, since `test-rules` repeats ids that
    /// fixtures wrote.
    fn mask_with(&mut self, masker: &Masker) {
        let Finding {
            rule,
            severity: _,
            path,
            start: _,
            end: _,
            message,
            fix,
            snippet,
            related,
            facts,
            tabled,
        } = self;
        rule.mask_with(masker);
        path.mask_with(masker);
        message.mask_with(masker);
        fix.mask_with(masker);
        snippet.mask_with(masker);
        related.mask_with(masker);
        for value in facts.values_mut() {
            value.mask_with(masker);
        }
        if let Some(tabled) = tabled {
            tabled.mask_with(masker);
        }
    }
}

impl Mask for Related {
    fn mask_with(&mut self, masker: &Masker) {
        let Related { path, line: _ } = self;
        path.mask_with(masker);
    }
}

/// Another document a finding involves.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Related {
    pub path: String,
    pub line: u32,
}

impl Finding {
    /// `path:line:col: severity[rule] message`, without styling.
    pub fn headline(&self) -> String {
        format!(
            "{}:{}:{}: {}[{}] {}",
            self.path,
            self.place(),
            self.start.column,
            self.severity,
            self.rule,
            self.message
        )
    }

    /// The start line as people read it: `12`, or `¶12` for a paragraph of a Word document.
    pub fn place(&self) -> String {
        if in_paragraphs(&self.path) {
            format!("¶{}", self.start.line)
        } else {
            self.start.line.to_string()
        }
    }

    /// Orders findings the same way on every run, whatever the thread count.
    pub fn sort_key(&self) -> (&str, Position, &str, Position, &str) {
        (&self.path, self.start, &self.rule, self.end, &self.message)
    }
}

/// Puts every message and fix on one line: a message may quote the document (a comment, a
/// value), and a line break in it would break the one-finding-per-line formats and could
/// pass for a finding of its own.
pub fn one_line(findings: &mut [Finding]) {
    for finding in findings {
        collapse_lines(&mut finding.message);
        if let Some(fix) = &mut finding.fix {
            collapse_lines(fix);
        }
    }
}

/// Line breaks, with the spaces around them, become one space.
fn collapse_lines(text: &mut String) {
    let is_break = |c: char| {
        matches!(
            c,
            '\n' | '\r' | '\u{b}' | '\u{c}' | '\u{85}' | '\u{2028}' | '\u{2029}'
        )
    };
    if text.contains(is_break) {
        *text = text.split_whitespace().collect::<Vec<_>>().join(" ");
    }
}

pub fn sort_findings(findings: &mut [Finding]) {
    findings.sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
}

/// A decision-deadline error at a line, for unit tests of what handles findings.
#[cfg(test)]
pub(crate) fn sample(path: &str, line: u32, snippet: &str) -> Finding {
    Finding {
        rule: "kz-kdn/decision-deadline".into(),
        severity: Severity::Error,
        path: path.into(),
        start: Position { line, column: 1 },
        end: Position { line, column: 5 },
        message: "no deadline".into(),
        fix: None,
        snippet: Some(snippet.into()),
        related: Vec::new(),
        facts: Default::default(),
        tabled: None,
    }
}

/// Whether a document's positions are paragraphs (a Word document) rather than lines.
pub fn in_paragraphs(path: &str) -> bool {
    let lower = path.to_lowercase();
    [".docx", ".docm", ".dotx", ".odt"]
        .iter()
        .any(|e| lower.ends_with(e))
}

/// Turns the line numbers of findings in a Word document (lines of the Markdown made from it)
/// into the numbers of the paragraphs they came from; `paragraphs[i]` is line i+1's paragraph,
/// 0 for a line between paragraphs, which takes the next paragraph's number.
pub fn to_paragraphs(findings: &mut [Finding], paragraphs: &[u32]) {
    for finding in findings {
        finding.start.line = paragraph_of(finding.start.line, paragraphs);
        finding.end.line = paragraph_of(finding.end.line, paragraphs).max(finding.start.line);
    }
}

/// The paragraph a line of a Word document's Markdown came from (see [`to_paragraphs`]).
pub fn paragraph_of(line: u32, paragraphs: &[u32]) -> u32 {
    let index = (line as usize).saturating_sub(1);
    paragraphs
        .get(index..)
        .and_then(|rest| rest.iter().find(|&&p| p > 0))
        .or_else(|| {
            paragraphs
                .get(..index)
                .and_then(|before| before.iter().rev().find(|&&p| p > 0))
        })
        .copied()
        .unwrap_or(1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn messages_and_fixes_are_put_on_one_line() {
        let mut finding = sample("a.md", 1, "x");
        finding.message = "Комментарий «a\r\n  b\u{2028}c» не распознан".into();
        finding.fix = Some("first\nsecond".into());
        one_line(std::slice::from_mut(&mut finding));
        assert_eq!(finding.message, "Комментарий «a b c» не распознан");
        assert_eq!(finding.fix.as_deref(), Some("first second"));
    }
}
