//! `copied-decisions`: the same decision, word for word once numbers and punctuation are set
//! aside, in many protocols of one commission: decisions written by habit, not for the case.

use super::facts::TextKey;
use super::{Commission, CorpusKind, Hit, Needs, Record};
use crate::finding::Related;
use crate::pack::{Kind, RuleContext};
use chrono::NaiveDate;
use serde::Deserialize;
use std::collections::BTreeMap;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Def {
    item: Option<String>,
    #[serde(default)]
    unless: Vec<String>,
}

#[derive(Deserialize)]
struct Params {
    #[serde(default = "default_min_documents")]
    min_documents: i64,
    #[serde(default = "default_min_chars")]
    min_chars: i64,
}

fn default_min_documents() -> i64 {
    3
}

fn default_min_chars() -> i64 {
    40
}

#[derive(Debug)]
pub struct CopiedDecisions {
    item: usize,
    unless: Vec<String>,
    min_documents: usize,
    min_chars: usize,
}

impl Kind for CopiedDecisions {
    const NAME: &'static str = "copied-decisions";
    type Def = Def;

    fn compile(def: Def, context: &RuleContext<'_>) -> Result<Self, String> {
        let item = context.item(def.item.as_deref().ok_or("needs `item`")?)?;
        let params: Params = context.params()?;
        Ok(CopiedDecisions {
            item,
            unless: context.classes(item, &def.unless)?,
            min_documents: params.min_documents.max(2) as usize,
            min_chars: params.min_chars.max(0) as usize,
        })
    }
}

impl CorpusKind for CopiedDecisions {
    fn needs(&self) -> Needs {
        Needs {
            items: Some((self.item, Vec::new())),
            ..Needs::default()
        }
    }

    fn judge(&self, _: &Commission<'_>, documents: &[&Record], _: NaiveDate) -> Vec<Hit> {
        run(
            documents,
            self.item,
            &self.unless,
            self.min_documents,
            self.min_chars,
        )
    }
}

fn run(
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
            ..Hit::in_file(&first.path, item.at)
                .with("count", documents.len())
                .with("number", item.label().to_string())
        });
    }
    hits
}
