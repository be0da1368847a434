//! `commission-name`: a document whose front matter or header names another commission than
//! the other documents of its folder do: filed in the wrong folder, or a copy whose header
//! was never changed. It stays with its folder's commission; the finding is about it.

use super::naming::{self, Named};
use super::{Commission, CorpusKind, Hit, Record};
use crate::pack::{Kind, RuleContext};
use chrono::NaiveDate;
use serde::Deserialize;
use std::collections::HashSet;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Def {}

#[derive(Debug)]
pub struct CommissionName;

impl Kind for CommissionName {
    const NAME: &'static str = "commission-name";
    type Def = Def;

    fn compile(_: Def, _: &RuleContext<'_>) -> Result<Self, String> {
        Ok(CommissionName)
    }
}

impl CorpusKind for CommissionName {
    fn judge(&self, commission: &Commission<'_>, documents: &[&Record], _: NaiveDate) -> Vec<Hit> {
        run(commission, documents)
    }
}

fn run(commission: &Commission<'_>, documents: &[&Record]) -> Vec<Hit> {
    let names: Vec<Option<&Named>> = commission
        .records
        .iter()
        .map(|r| r.named.as_ref())
        .collect();
    let Some(consensus) = naming::consensus(&names) else {
        return Vec::new();
    };
    // Two places equally often: nothing says which one is the commission's.
    if consensus.tied {
        return Vec::new();
    }
    let agreed: Vec<(&Record, &Named)> = consensus
        .members
        .iter()
        .filter_map(|&m| {
            let record = commission.records[m];
            record.named.as_ref().map(|n| (record, n))
        })
        .collect();
    let agreeing: HashSet<&str> = agreed.iter().map(|(r, _)| r.path.as_str()).collect();
    let witnesses = first_of_each_language(&agreed);
    let mut hits = Vec::new();
    for document in documents {
        let Some(named) = document.named.as_ref() else {
            continue;
        };
        if agreeing.contains(document.path.as_str()) {
            continue;
        }
        // Only a name that could have agreed is a disagreement: one in the same language
        // as the commission's (another language may spell the place beyond recognition).
        let Some((witness, _)) = witnesses.iter().find(|(_, n)| n.comparable(named)) else {
            continue;
        };
        let mut hit = Hit::in_file(&document.path, named.at)
            .with("name", named.name.clone())
            .with("commission", consensus.name.clone())
            .with("documents", agreed.len());
        hit.related.push(crate::finding::Related {
            path: witness.path.clone(),
            line: witness.named.as_ref().map_or(1, |n| n.at.line),
        });
        hits.push(hit);
    }
    hits
}

/// The first agreeing name with a place in each language (and with none told), in the
/// commission's order. Whether a name can be compared with another depends only on these, so
/// the first of them comparable with a document's name is the first agreeing name that is:
/// each disagreeing document looks at a few names, not at every agreeing document.
fn first_of_each_language<'a>(agreed: &[(&'a Record, &'a Named)]) -> Vec<(&'a Record, &'a Named)> {
    let mut firsts: Vec<(&Record, &Named)> = Vec::new();
    for &(record, named) in agreed {
        if !named.stem.is_empty() && !firsts.iter().any(|(_, n)| n.lang == named.lang) {
            firsts.push((record, named));
        }
    }
    firsts
}
