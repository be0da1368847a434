//! Why `inspect` says a document is of its kind: what decided it, so a reader who disagrees
//! sees what to change (a title, a front matter key) and a rule author sees which pattern won.
//!
//! Extraction decides the kind by the front matter, else by the title line that comes first
//! (`extract::kind`). It does not yet report what decided; until it does, this finds the same
//! evidence again the same way. When the extraction result carries its kind signals, they
//! replace this module's guess.

use crate::extract::Extraction;
use crate::pack::Pack;
use crate::parse::Document;
use std::ops::Range;

/// The front matter keys that name a document's kind; the same as extraction reads.
const FRONT_MATTER_KEYS: [&str; 3] = ["kind", "type", "document"];

/// What decided the kind.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Signal {
    /// A front matter key names the kind (`kind: protocol`).
    FrontMatter { key: String, value: String },
    /// The kind's title pattern matched this line (source span, 1-based line number).
    Title { span: Range<usize>, line: u32 },
    /// No kind was recognised: no title of any kind in the lines each kind's titles are
    /// looked for in.
    NoTitle,
}

pub fn signals(document: &Document, extraction: &Extraction, pack: &Pack) -> Vec<Signal> {
    let Some(kind) = extraction.kind.map(|k| &pack.kinds[k]) else {
        return vec![Signal::NoTitle];
    };
    if let Some(front) = &document.front_matter {
        for key in FRONT_MATTER_KEYS {
            if let Some(value) = front.get(key).and_then(|v| v.as_str())
                && kind.id.eq_ignore_ascii_case(value.trim())
            {
                return vec![Signal::FrontMatter {
                    key: key.to_string(),
                    value: value.trim().to_string(),
                }];
            }
        }
    }
    document
        .lines
        .iter()
        .take(kind.within_lines)
        .find(|line| kind.title.is_match(line.text()))
        .map(|line| Signal::Title {
            span: line.span.clone(),
            line: document
                .index
                .position(&document.source, line.span.start)
                .line,
        })
        .into_iter()
        .collect()
}
