//! What the corpus rules need to know about one document, taken while it is parsed.

use super::citations::Reference;
use crate::extract::fields::months_in;
use crate::extract::{Extraction, Value};
use crate::finding::Position;
use crate::pack::Pack;
use crate::parse::Document;
use std::collections::BTreeSet;

#[derive(Debug, Clone, Default)]
pub struct Facts {
    /// The protocol's number as an integer, for citations.
    pub number: Option<i64>,
    /// The pack's fields the corpus rules read, with their index in the pack.
    pub fields: Vec<(usize, FieldFact)>,
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

/// A decision (or another item a corpus rule reads) as the corpus rules see it.
///
/// Boxed strings and slices rather than `String` and `Vec`: an audit holds every decision of an
/// oblast at once, and each saves the spare capacity word.
#[derive(Debug, Clone)]
pub struct ItemFact {
    pub item_type: usize,
    pub number: Option<Box<str>>,
    /// How messages name an item without a number (see [`crate::extract::Item::label`]); a
    /// numbered item is named by its number, which is not kept twice: an oblast's audit holds
    /// hundreds of thousands of decisions.
    unnumbered_label: Option<Box<str>>,
    pub at: Position,
    pub classes: Box<[String]>,
    /// The item's fields the corpus rules read, with their index in the item's definition.
    pub fields: Box<[(usize, Value)]>,
    /// The text with numbers and punctuation left out: equal keys mean a copy.
    pub text_key: TextKey,
    /// The decision itself says it was carried out.
    pub executed: bool,
}

/// An item's text as copy detection compares it: a 128-bit hash of its letters and the number
/// of letters and spaces it had, so that a whole oblast's decisions fit in memory.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct TextKey {
    pub hash: u128,
    pub chars: usize,
}

impl ItemFact {
    /// How messages name it: its number, or the words it begins with.
    pub fn label(&self) -> &str {
        self.unnumbered_label
            .as_deref()
            .or(self.number.as_deref())
            .unwrap_or_default()
    }

    pub fn field(&self, index: usize) -> Option<&Value> {
        self.fields
            .iter()
            .find(|(i, _)| *i == index)
            .map(|(_, value)| value)
    }
}

impl Facts {
    pub fn field(&self, index: usize) -> Option<&FieldFact> {
        self.fields
            .iter()
            .find(|(i, _)| *i == index)
            .map(|(_, fact)| fact)
    }

    pub fn months_of(&self, section: usize) -> Option<&BTreeSet<u32>> {
        self.section_months
            .iter()
            .find(|(s, _)| *s == section)
            .map(|(_, months)| months)
    }
}

pub fn collect(
    document: &Document,
    extraction: &Extraction,
    pack: &Pack,
    rules: &super::Rules,
) -> Facts {
    let position = |offset: usize| document.index.position(&document.source, offset);
    let document_kind = extraction.kind_id(pack);
    let default_year = extraction.date.map(|d| chrono::Datelike::year(&d));
    // What the corpus rules that judge this kind of document read of it: all else is left out.
    let mut document_fields = BTreeSet::new();
    let mut item_fields: Vec<(usize, BTreeSet<usize>)> = Vec::new();
    let mut section_months = Vec::new();
    let mut copies = false;
    // Who answers for the commission, for the audit's summary.
    document_fields.extend(pack.responsible.iter().copied());
    for (rule, kind) in rules.active(pack) {
        if !rule.applies_to_kind(document_kind) {
            continue;
        }
        let needs = kind.needs();
        document_fields.extend(needs.fields);
        if let Some((item_type, fields)) = needs.items {
            match item_fields.iter_mut().find(|(t, _)| *t == item_type) {
                Some((_, known)) => known.extend(fields),
                None => item_fields.push((item_type, fields.into_iter().collect())),
            }
        }
        if let Some(section) = needs.section_months
            && !section_months.iter().any(|(s, _)| *s == section)
        {
            let texts: Vec<String> = extraction
                .hits_of(section)
                .flat_map(|hit| {
                    document.lines[hit.lines.clone()]
                        .iter()
                        .map(|l| l.text().to_string())
                })
                .collect();
            section_months.push((section, months_in(pack, &texts, default_year)));
        }
        copies |= needs.words;
    }
    let fields = extraction
        .fields
        .iter()
        .enumerate()
        .filter(|(index, _)| document_fields.contains(index))
        .filter_map(|(index, found)| {
            let found = found.as_ref()?;
            Some((
                index,
                FieldFact {
                    value: found.value.clone(),
                    at: position(found.span.start),
                },
            ))
        })
        .collect();
    let items = extraction
        .items
        .iter()
        .filter_map(|item| {
            let (_, wanted) = item_fields.iter().find(|(t, _)| *t == item.item_type)?;
            let texts: Vec<&str> = document.lines[item.lines.clone()]
                .iter()
                .map(|l| l.text())
                .collect();
            let executed = pack
                .follow_ups
                .executed
                .as_ref()
                .is_some_and(|re| texts.iter().any(|t| re.is_match(t)));
            Some(ItemFact {
                item_type: item.item_type,
                number: item.number.as_deref().map(Box::from),
                unnumbered_label: (item.number.as_deref() != Some(item.label.as_str()))
                    .then(|| item.label.as_str().into()),
                at: position(item.span.start),
                classes: item.classes.clone().into_boxed_slice(),
                fields: item
                    .fields
                    .iter()
                    .enumerate()
                    .filter(|(index, _)| wanted.contains(index))
                    .filter_map(|(index, f)| Some((index, f.as_ref()?.value.clone())))
                    .collect(),
                text_key: text_key(&texts.join(" ")),
                executed,
            })
        })
        .collect();
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
    let mut facts = Facts {
        number,
        fields,
        items,
        references: super::citations::references(document, pack, default_year),
        section_months,
        words,
    };
    // Kept until every document is read: no spare capacity.
    facts.fields.shrink_to_fit();
    facts.items.shrink_to_fit();
    facts.references.shrink_to_fit();
    facts
}

/// Letters only, single spaces, hashed: "1.2. Отделу образования (Иванова) — до 30.04.2026" and
/// "2.1. Отделу образования (Петрова) до 15.05.2026" differ only in the name.
pub fn text_key(text: &str) -> TextKey {
    // The key is written out and hashed at once: fed to the streaming hasher word by word, a
    // few bytes a call, it cost more than the writing.
    let mut written = String::with_capacity(text.len());
    let mut chars = 0;
    for word in text
        .split(|c: char| !crate::parse::is_letter(c))
        .filter(|w| !w.is_empty())
    {
        if chars > 0 {
            written.push(' ');
            chars += 1;
        }
        written.push_str(word);
        chars += word.chars().count();
    }
    TextKey {
        hash: xxhash_rust::xxh3::xxh3_128(written.as_bytes()),
        chars,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_text_key_is_the_hash_of_its_words_and_single_spaces() {
        let key = text_key("1.2. Отделу  образования (Иванова Ә.) — до 30.04.2026, school");
        let written = "Отделу образования Иванова Ә до school";
        assert_eq!(key.hash, xxhash_rust::xxh3::xxh3_128(written.as_bytes()));
        assert_eq!(key.chars, written.chars().count());
        let empty = text_key(" 1. — ");
        assert_eq!(empty.hash, xxhash_rust::xxh3::xxh3_128(b""));
        assert_eq!(empty.chars, 0);
    }
}
