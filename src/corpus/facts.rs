//! What the corpus rules need to know about one document, taken while it is parsed.

use super::citations::Reference;
use crate::extract::fields::months_in;
use crate::extract::{Extraction, Value};
use crate::finding::Position;
use crate::pack::{Check, CorpusCheck, Pack};
use crate::parse::Document;
use std::collections::BTreeSet;

#[derive(Debug, Clone, Default)]
pub struct Facts {
    /// The protocol's number as an integer, for citations.
    pub number: Option<i64>,
    /// The pack's fields, by index.
    pub fields: Vec<Option<FieldFact>>,
    pub items: Vec<ItemFact>,
    /// Citations of earlier decisions.
    pub references: Vec<Reference>,
    /// For sections the corpus rules ask about: the months they name.
    pub section_months: Vec<(usize, BTreeSet<u32>)>,
    /// The document's words with names and numbers masked, for near-duplicate detection.
    pub words: Option<super::words::Wording>,
}

#[derive(Debug, Clone)]
pub struct FieldFact {
    pub value: Value,
    pub at: Position,
}

#[derive(Debug, Clone)]
pub struct ItemFact {
    pub item_type: usize,
    pub number: Option<String>,
    /// How messages name it (see [`crate::extract::Item::label`]).
    pub label: String,
    pub at: Position,
    pub classes: Vec<String>,
    pub fields: Vec<Option<Value>>,
    /// The text with numbers, punctuation and case folded away: equal keys mean a copy.
    pub text_key: String,
    /// The decision itself says it was carried out.
    pub executed: bool,
}

impl Facts {
    pub fn field(&self, index: usize) -> Option<&FieldFact> {
        self.fields.get(index).and_then(Option::as_ref)
    }

    pub fn months_of(&self, section: usize) -> Option<&BTreeSet<u32>> {
        self.section_months
            .iter()
            .find(|(s, _)| *s == section)
            .map(|(_, months)| months)
    }
}

pub fn collect(document: &Document, extraction: &Extraction, pack: &Pack) -> Facts {
    let position = |offset: usize| document.index.position(&document.source, offset);
    let fields = extraction
        .fields
        .iter()
        .map(|found| {
            found.as_ref().map(|f| FieldFact {
                value: f.value.clone(),
                at: position(f.span.start),
            })
        })
        .collect();
    let items = extraction
        .items
        .iter()
        .map(|item| {
            let texts: Vec<&str> = document.lines[item.lines.clone()]
                .iter()
                .map(|l| l.text())
                .collect();
            let executed = pack
                .follow_ups
                .executed
                .as_ref()
                .is_some_and(|re| texts.iter().any(|t| re.is_match(t)));
            ItemFact {
                item_type: item.item_type,
                number: item.number.clone(),
                label: item.label.clone(),
                at: position(item.span.start),
                classes: item.classes.clone(),
                fields: item
                    .fields
                    .iter()
                    .map(|f| f.as_ref().map(|f| f.value.clone()))
                    .collect(),
                text_key: text_key(&texts.join(" ")),
                executed,
            }
        })
        .collect();
    let kind = extraction.kind_id(pack);
    let default_year = extraction.date.map(|d| chrono::Datelike::year(&d));
    let mut section_months = Vec::new();
    let mut copies = false;
    for rule in pack.active_rules() {
        let Check::Corpus(check) = &rule.check else {
            continue;
        };
        if !rule.applies_to_kind(kind) {
            continue;
        }
        match check {
            CorpusCheck::PlannedSessionsHeld { section, .. }
                if !section_months.iter().any(|(s, _)| s == section) =>
            {
                let texts: Vec<String> = extraction
                    .hits_of(*section)
                    .flat_map(|hit| {
                        document.lines[hit.lines.clone()]
                            .iter()
                            .map(|l| l.text().to_string())
                    })
                    .collect();
                section_months.push((*section, months_in(pack, &texts, default_year)));
            }
            CorpusCheck::DuplicateDocuments { .. } => copies = true,
            _ => {}
        }
    }
    let words = copies.then(|| super::words::masked(document, &pack.commissions));
    let number = pack
        .follow_ups
        .number
        .and_then(|f| extraction.fields.get(f))
        .and_then(Option::as_ref)
        .and_then(|found| match &found.value {
            Value::Integer(n) => Some(*n),
            Value::Text(text) => crate::extract::value::first_integer(text),
            _ => None,
        });
    Facts {
        number,
        fields,
        items,
        references: super::citations::references(document, pack, default_year),
        section_months,
        words,
    }
}

/// Letters only, single spaces: "1.2. Отделу образования (Иванова) — до 30.04.2026" and
/// "2.1. Отделу образования (Петрова) до 15.05.2026" differ only in the name.
pub fn text_key(text: &str) -> String {
    let mut key = String::with_capacity(text.len());
    for word in text
        .split(|c: char| !c.is_alphabetic())
        .filter(|w| !w.is_empty())
    {
        if !key.is_empty() {
            key.push(' ');
        }
        key.push_str(word);
    }
    key
}
