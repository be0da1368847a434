//! Why `inspect` says a document is of its kind: the evidence extraction weighed
//! (`Extraction::kind_signals`), so a reader who disagrees sees what to change (a title, a front
//! matter key) and a rule author sees which patterns counted.

use crate::extract::Extraction;
use crate::parse::Document;
use std::ops::Range;

/// One piece of evidence for the kind, ready to show.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Signal {
    /// A front matter key names the kind (`kind: protocol`).
    FrontMatter { key: String, value: String },
    /// The kind's title pattern matched this line (source span, 1-based line number).
    Title { span: Range<usize>, line: u32 },
    /// One of the kind's `signals` in the pack (an approval stamp, a table of measures, a
    /// session's headings), by its id, on this line.
    Evidence {
        id: String,
        span: Range<usize>,
        line: u32,
    },
    /// No kind was recognised: nothing in the document scored enough for any kind.
    NoKind,
}

/// The id extraction gives the title line among the kind signals.
const TITLE: &str = "title";
/// How extraction names a front matter signal: "front matter `kind`".
const FRONT_MATTER: &str = "front matter";

pub fn signals(document: &Document, extraction: &Extraction) -> Vec<Signal> {
    if extraction.kind.is_none() {
        return vec![Signal::NoKind];
    }
    extraction
        .kind_signals
        .iter()
        .filter_map(|signal| {
            if let Some(rest) = signal.id.strip_prefix(FRONT_MATTER) {
                let key = rest.trim().trim_matches('`').to_string();
                let value = document
                    .front_matter
                    .as_ref()
                    .and_then(|front| front.get(key.as_str()))
                    .and_then(|v| v.as_str())
                    .unwrap_or_default()
                    .trim()
                    .to_string();
                return Some(Signal::FrontMatter { key, value });
            }
            let found = document.lines.get(signal.line)?;
            let span = found.span.clone();
            let line = document.index.position(&document.source, span.start).line;
            Some(if signal.id == TITLE {
                Signal::Title { span, line }
            } else {
                Signal::Evidence {
                    id: signal.id.clone(),
                    span,
                    line,
                }
            })
        })
        .collect()
}
