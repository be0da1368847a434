//! `copied-decisions`: the same decision, word for word once numbers and punctuation are set
//! aside, in many protocols of one commission: decisions written by habit, not for the case.

use super::facts::TextKey;
use super::{Hit, Record};
use crate::finding::Related;
use std::collections::BTreeMap;

pub fn run(
    protocols: &[&Record],
    item_type: usize,
    unless: &[String],
    min_documents: usize,
    min_chars: usize,
) -> Vec<Hit> {
    // Text → the places it stands, in date order (protocols come sorted).
    let mut places: BTreeMap<TextKey, Vec<(&Record, &super::facts::ItemFact)>> = BTreeMap::new();
    let mut order: Vec<TextKey> = Vec::new();
    for protocol in protocols {
        for item in &protocol.facts.items {
            if item.item_type != item_type
                || item.classes.iter().any(|c| unless.contains(c))
                || item.text_key.chars < min_chars
            {
                continue;
            }
            let entry = places.entry(item.text_key).or_default();
            if entry.is_empty() {
                order.push(item.text_key);
            }
            entry.push((protocol, item));
        }
    }
    let mut hits = Vec::new();
    for key in order {
        let occurrences = &places[&key];
        let mut documents: Vec<&str> = occurrences.iter().map(|(p, _)| p.path.as_str()).collect();
        documents.dedup();
        if documents.len() < min_documents {
            continue;
        }
        let (first, item) = occurrences[0];
        hits.push(Hit {
            related: occurrences[1..]
                .iter()
                .map(|(p, i)| Related {
                    path: p.path.clone(),
                    line: i.at.line,
                })
                .collect(),
            ..Hit::new(&first.path, item.at)
                .with("count", documents.len())
                .with("number", item.label.to_string())
        });
    }
    hits
}
