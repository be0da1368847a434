//! Stage three: what the document says, found by the rule pack's definitions (kind, section
//! headings, header fields, decisions and measures with their fields).

pub mod deadline;
pub mod fields;
mod items;
mod kind;
mod sections;
pub mod value;

use crate::pack::Pack;
use crate::parse::Document;
use chrono::{Datelike, NaiveDate};
pub use items::leading_number;
pub use kind::KindSignal;
use std::ops::Range;
pub use value::{Deadline, DeadlineKind, Extracted, Value};

/// A recognised section heading and the lines the section runs over (heading line included).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SectionHit {
    pub section: usize,
    pub lines: Range<usize>,
    /// Byte offset in the heading line's folded text where the heading words end.
    pub content_from: usize,
}

/// One agenda question: from its `СЛУШАЛИ` heading (or its numbered title) to the next.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Question {
    pub lines: Range<usize>,
}

/// A decision of a protocol or a measure of a plan.
#[derive(Debug, Clone, PartialEq)]
pub struct Item {
    pub item_type: usize,
    pub number: Option<String>,
    /// How messages name the item: its number as written, else its first words in quotes.
    pub label: String,
    pub lines: Range<usize>,
    /// Where the item starts in the source (its first line).
    pub span: Range<usize>,
    pub classes: Vec<String>,
    pub fields: Vec<Option<Extracted>>,
    pub question: Option<usize>,
}

/// Everything extraction found in one document.
#[derive(Debug, Clone, Default)]
pub struct Extraction {
    pub kind: Option<usize>,
    /// What decided the kind (for `inspect`).
    pub kind_signals: Vec<KindSignal>,
    pub date: Option<NaiveDate>,
    pub fields: Vec<Option<Extracted>>,
    pub sections: Vec<SectionHit>,
    pub questions: Vec<Question>,
    pub items: Vec<Item>,
}

impl Extraction {
    pub fn kind_id<'a>(&self, pack: &'a Pack) -> Option<&'a str> {
        self.kind.map(|k| pack.kinds[k].id.as_str())
    }

    pub fn hits_of(&self, section: usize) -> impl Iterator<Item = &SectionHit> {
        self.sections
            .iter()
            .filter(move |hit| hit.section == section)
    }
}

pub fn extract(document: &Document, pack: &Pack) -> Extraction {
    let (kind, kind_signals) = kind::detect(document, pack);
    let kind_id = kind.map(|k| pack.kinds[k].id.as_str());
    let applies = |kinds: &[String]| {
        kinds.is_empty() || kind_id.is_some_and(|id| kinds.iter().any(|k| k == id))
    };
    let sections = sections::find(document, pack, &applies);
    let questions = sections::questions(document, pack, &sections);
    let mut extraction = Extraction {
        kind,
        kind_signals,
        date: None,
        fields: vec![None; pack.fields.len()],
        sections,
        questions,
        items: Vec::new(),
    };
    fields::extract_all(document, pack, &mut extraction, &applies);
    extraction.date = pack
        .date_field
        .and_then(|f| extraction.fields[f].as_ref())
        .and_then(|e| e.value.as_date());
    let planned_year = pack
        .year_field
        .and_then(|f| extraction.fields[f].as_ref())
        .and_then(|found| match &found.value {
            Value::Integer(year) => i32::try_from(*year).ok(),
            _ => None,
        });
    let default_year = planned_year.or(extraction.date.map(|d| d.year()));
    extraction.items = items::extract(document, pack, &extraction, &applies, default_year);
    extraction
}
