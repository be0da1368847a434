//! Stage five: findings to an output format. One renderer per format, each in its own file.

pub mod audit;
pub mod inspect;
pub mod json;
pub mod rules;
pub mod text;

use crate::engine::Outcome;
use crate::lang::Lang;

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// For people: each finding with its line from the document and how to fix it.
    Text,
    /// One line per finding: path:line:col: severity[rule] message.
    Concise,
    /// Machine-readable, with a version field.
    Json,
}

pub fn render(
    outcome: &Outcome,
    format: Format,
    lang: Lang,
    out: &mut dyn std::io::Write,
) -> std::io::Result<()> {
    match format {
        Format::Text => text::render(outcome, lang, true, out),
        Format::Concise => text::render(outcome, lang, false, out),
        Format::Json => json::render(outcome, out),
    }
}
