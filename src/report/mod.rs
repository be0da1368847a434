//! Stage five: findings to an output format. One renderer per format, each in its own file.

pub mod audit;
pub mod fingerprint;
pub mod github;
pub mod gitlab;
pub mod inspect;
pub mod json;
pub mod junit;
pub mod rules;
pub mod sarif;
pub mod text;

use crate::engine::Outcome;
use crate::lang::Lang;
use crate::pack::Pack;

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// For people: each finding with its line from the document and how to fix it.
    Text,
    /// One line per finding: path:line:col: severity[rule] message.
    Concise,
    /// Machine-readable, with a version field.
    Json,
    /// SARIF 2.1.0, for GitHub code scanning and other SARIF viewers.
    Sarif,
    /// GitHub Actions workflow commands: annotations on the pull request.
    Github,
    /// JUnit XML: a test case per document with findings, a failure per finding.
    Junit,
    /// GitLab Code Quality JSON.
    Gitlab,
}

pub fn render(
    outcome: &Outcome,
    format: Format,
    pack: &Pack,
    lang: Lang,
    out: &mut dyn std::io::Write,
) -> std::io::Result<()> {
    match format {
        Format::Text => text::render(outcome, lang, true, out),
        Format::Concise => text::render(outcome, lang, false, out),
        Format::Json => json::render(outcome, out),
        Format::Sarif => sarif::render(outcome, pack, lang, out),
        Format::Github => github::render(outcome, lang, out),
        Format::Junit => junit::render(outcome, lang, out),
        Format::Gitlab => gitlab::render(outcome, out),
    }
}
