//! `protocol-numbering`: protocols are numbered from 1 each calendar year without gaps or
//! repeats. The folder holds a commission's record from some point on: in the record's first
//! year, numbers below the first one on record are protocols from before the folder begins,
//! not missing ones; with `record_start` the rule reports exactly that, as a note.

use super::sessions;
use super::{Commission, CorpusKind, Hit, Needs, Record};
use crate::finding::Position;
use crate::pack::{Kind, RuleContext};
use chrono::NaiveDate;
use serde::Deserialize;
use std::collections::{BTreeMap, BTreeSet, HashMap};

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Def {
    /// The field that holds a protocol's number.
    #[serde(default)]
    fields: Vec<String>,
}

#[derive(Deserialize)]
struct Params {
    #[serde(default)]
    record_start: bool,
}

#[derive(Debug)]
pub struct ProtocolNumbering {
    number: usize,
    /// Report where the record begins (numbers before the first on record) instead of gaps
    /// and repeats.
    record_start: bool,
}

impl Kind for ProtocolNumbering {
    const NAME: &'static str = "protocol-numbering";
    type Def = Def;

    fn compile(def: Def, context: &RuleContext<'_>) -> Result<Self, String> {
        Ok(ProtocolNumbering {
            number: context.field(def.fields.first().ok_or("needs `fields`")?)?,
            record_start: context.params::<Params>()?.record_start,
        })
    }
}

impl CorpusKind for ProtocolNumbering {
    fn needs(&self) -> Needs {
        Needs {
            fields: vec![self.number],
            ..Needs::default()
        }
    }

    fn judge(&self, _: &Commission<'_>, documents: &[&Record], _: NaiveDate) -> Vec<Hit> {
        run(documents, self.number, self.record_start)
    }
}

fn run(protocols: &[&Record], number_field: usize, record_start: bool) -> Vec<Hit> {
    let mut by_year: BTreeMap<i32, Vec<(i64, &Record, Position)>> = BTreeMap::new();
    // Protocols whose year nothing tells: they may fill their number in any year.
    let mut yearless: BTreeSet<i64> = BTreeSet::new();
    for protocol in protocols {
        let Some(field) = protocol.facts.field(number_field) else {
            continue;
        };
        let year = sessions::year_of(protocol);
        let Some(number) = sessions::number_of(&field.value, year) else {
            continue;
        };
        match year {
            Some(year) => by_year
                .entry(year)
                .or_default()
                .push((number, protocol, field.at)),
            None => {
                yearless.insert(number);
            }
        }
    }
    let first_year = by_year.keys().next().copied();
    let mut hits = Vec::new();
    for (year, mut numbered) in by_year {
        // In session order, so a repeat is reported at the later protocol.
        numbered.sort_by(|a, b| {
            (sessions::date_of(a.1), a.0, &a.1.path).cmp(&(sessions::date_of(b.1), b.0, &b.1.path))
        });
        let seen: BTreeSet<i64> = numbered.iter().map(|(n, _, _)| *n).collect();
        // Where each number is first used: a gap or the record's start is reported there.
        let mut first_use: HashMap<i64, (&Record, Position)> = HashMap::new();
        for (number, protocol, at) in &numbered {
            first_use.entry(*number).or_insert((*protocol, *at));
        }
        let lowest = seen.first().copied().unwrap_or(1);
        let begins_later = Some(year) == first_year && lowest > 1;
        if record_start {
            if begins_later && let Some((protocol, at)) = first_use.get(&lowest) {
                hits.push(
                    Hit::in_file(&protocol.path, *at)
                        .with("year", year)
                        .with("number", lowest)
                        .with("problem", "start")
                        .with("missing", span(1, lowest - 1)),
                );
            }
            continue;
        }
        let mut used: BTreeSet<i64> = BTreeSet::new();
        for (number, protocol, at) in &numbered {
            if !used.insert(*number) {
                hits.push(
                    Hit::in_file(&protocol.path, *at)
                        .with("year", year)
                        .with("number", *number)
                        .with("problem", "duplicate"),
                );
            }
        }
        // Gaps: each run of missing numbers is reported at the protocol that follows it.
        let from = if begins_later { lowest } else { 1 };
        let highest = seen.last().copied().unwrap_or(0);
        let mut missing: Vec<i64> = Vec::new();
        for number in from..=highest.min(10_000) {
            if !seen.contains(&number) && !yearless.contains(&number) {
                missing.push(number);
                continue;
            }
            if missing.is_empty() || !seen.contains(&number) {
                continue;
            }
            if let Some((protocol, at)) = first_use.get(&number) {
                hits.push(
                    Hit::in_file(&protocol.path, *at)
                        .with("year", year)
                        .with("number", number)
                        .with("problem", "gap")
                        .with(
                            "missing",
                            missing
                                .iter()
                                .map(i64::to_string)
                                .collect::<Vec<_>>()
                                .join(", "),
                        ),
                );
            }
            missing.clear();
        }
    }
    hits
}

/// "1" or "1–4".
fn span(from: i64, to: i64) -> String {
    if from == to {
        from.to_string()
    } else {
        format!("{from}–{to}")
    }
}
