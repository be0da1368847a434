//! `overdue-decision`: a decision whose deadline has passed with nothing reporting it
//! executed: no mark in the decision itself, and no later protocol of the commission that
//! cites it ("п. 2.2 протокола № 1 от 28.01.2026 снять с контроля") as closed. A later
//! citation that extends the deadline moves it. With `within_days`, the decisions due soon.

use super::citations::{Reference, Said};
use super::{Commission, CorpusKind, Hit, Needs, Record};
use crate::extract::Value;
use crate::finding::Tabled;
use crate::pack::{Kind, RuleContext};
use chrono::NaiveDate;
use serde::Deserialize;
use std::collections::{BTreeMap, HashMap};

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Def {
    item: Option<String>,
    /// The item's deadline field.
    #[serde(default)]
    fields: Vec<String>,
    #[serde(default)]
    unless: Vec<String>,
}

#[derive(Deserialize)]
struct Params {
    /// Report the decisions due within this many days instead of those overdue.
    #[serde(default)]
    within_days: Option<i64>,
}

/// A decision due before `--as-of` (or, with `within_days`, due within that many days) that
/// nothing reports executed.
#[derive(Debug)]
pub struct OverdueDecision {
    item: usize,
    deadline: usize,
    unless: Vec<String>,
    within_days: Option<i64>,
}

impl Kind for OverdueDecision {
    const NAME: &'static str = "overdue-decision";
    type Def = Def;

    fn compile(def: Def, context: &RuleContext<'_>) -> Result<Self, String> {
        let item = context.item(def.item.as_deref().ok_or("needs `item`")?)?;
        let deadline = context.item_field(
            item,
            def.fields
                .first()
                .ok_or("needs `fields: [deadline field]`")?,
        )?;
        Ok(OverdueDecision {
            item,
            deadline,
            unless: context.classes(item, &def.unless)?,
            within_days: context.params::<Params>()?.within_days,
        })
    }
}

impl CorpusKind for OverdueDecision {
    fn needs(&self) -> Needs {
        Needs {
            items: Some((self.item, vec![self.deadline])),
            ..Needs::default()
        }
    }

    fn judge(&self, _: &Commission<'_>, documents: &[&Record], as_of: NaiveDate) -> Vec<Hit> {
        run(
            documents,
            self.item,
            self.deadline,
            &self.unless,
            self.within_days,
            as_of,
        )
    }
}

/// What later protocols said about one decision.
#[derive(Default, Clone, Copy)]
struct Status {
    closed: bool,
    extended_to: Option<NaiveDate>,
}

fn run(
    protocols: &[&Record],
    item_type: usize,
    deadline: usize,
    unless: &[String],
    within_days: Option<i64>,
    as_of: NaiveDate,
) -> Vec<Hit> {
    let status = statuses(protocols);
    let mut hits = Vec::new();
    for (index, protocol) in protocols.iter().enumerate() {
        for item in &protocol.facts.items {
            if item.item_type != item_type
                || item.executed
                || item.classes.iter().any(|c| unless.contains(c))
            {
                continue;
            }
            let Some(Value::Deadline(written)) = item.field(deadline) else {
                continue;
            };
            let Some(due) = written.due else {
                continue;
            };
            let said = item
                .number
                .as_deref()
                .map(|n| status_of(&status, index, n))
                .unwrap_or_default();
            if said.closed {
                continue;
            }
            let due = said.extended_to.unwrap_or(due);
            let days = (as_of - due).num_days();
            let reported = match within_days {
                None => days > 0,
                Some(window) => days <= 0 && -days <= window,
            };
            if reported {
                let hit = Hit::in_file(&protocol.path, item.at)
                    .with("number", item.label().to_string())
                    .with("due", due.to_string())
                    .with("days", days.abs())
                    .with("deadline", written.text.clone());
                // Past the deadline, not due soon: a row of the report's overdue decisions.
                hits.push(match within_days {
                    None => hit.tabled(Tabled::Overdue {
                        decision: item.label().to_string(),
                        deadline: written.text.clone(),
                        due,
                        days,
                    }),
                    Some(_) => hit,
                });
            }
        }
    }
    hits
}

/// For each (protocol index, decision number), what later protocols said of it.
fn statuses(protocols: &[&Record]) -> BTreeMap<(usize, String), Status> {
    let by_number = ProtocolsByNumber::new(protocols);
    let mut status: BTreeMap<(usize, String), Status> = BTreeMap::new();
    for citing in protocols {
        let Some(citing_date) = citing.date else {
            continue;
        };
        for reference in &citing.facts.references {
            let Some(index) = by_number.cited(reference, citing_date) else {
                continue;
            };
            let entry = status.entry((index, reference.item.clone())).or_default();
            match reference.said {
                Said::Closed => entry.closed = true,
                Said::Extended(date) => {
                    entry.extended_to = Some(entry.extended_to.map_or(date, |d| d.max(date)));
                }
                Said::Open => {}
            }
        }
    }
    status
}

/// A commission's dated protocols by number, each list in date order, so a citation is
/// resolved by a lookup and a binary search: a commission with thousands of protocols costs
/// no more per citation than one with twenty.
struct ProtocolsByNumber {
    /// Number → (date, index in the commission's order), sorted.
    lists: HashMap<i64, Vec<(NaiveDate, usize)>>,
}

impl ProtocolsByNumber {
    fn new(protocols: &[&Record]) -> ProtocolsByNumber {
        let mut lists: HashMap<i64, Vec<(NaiveDate, usize)>> = HashMap::new();
        for (index, protocol) in protocols.iter().enumerate() {
            if let (Some(number), Some(date)) = (protocol.facts.number, protocol.date) {
                lists.entry(number).or_default().push((date, index));
            }
        }
        for list in lists.values_mut() {
            list.sort_unstable();
        }
        ProtocolsByNumber { lists }
    }

    /// The protocol a citation made on `citing_date` means: the latest with the cited number
    /// held before that day, and on the citation's own date when it gives one. Of several held
    /// that day, the last in the commission's order (a repeated number is reported by
    /// `protocol-numbering`; here the later-filed one is taken, as always).
    fn cited(&self, reference: &Reference, citing_date: NaiveDate) -> Option<usize> {
        let list = self.lists.get(&reference.protocol)?;
        let (_, index) = match reference.date {
            None => {
                let before = list.partition_point(|(date, _)| *date < citing_date);
                list[..before].last()?
            }
            Some(cited_date) if cited_date < citing_date => {
                let through = list.partition_point(|(date, _)| *date <= cited_date);
                list[..through]
                    .last()
                    .filter(|(date, _)| *date == cited_date)?
            }
            Some(_) => return None,
        };
        Some(*index)
    }
}

/// What was said of decision `number` of a protocol, or of the whole question it belongs to
/// (a citation of item 2 covers 2.1, 2.2, …).
fn status_of(status: &BTreeMap<(usize, String), Status>, protocol: usize, number: &str) -> Status {
    let mut said = Status::default();
    let mut prefix = number;
    loop {
        if let Some(found) = status.get(&(protocol, prefix.to_string())) {
            said.closed |= found.closed;
            said.extended_to = said.extended_to.max(found.extended_to);
        }
        match prefix.rfind('.') {
            Some(at) => prefix = &prefix[..at],
            None => return said,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::facts::Facts;
    use crate::finding::Position;

    /// The scan the index replaced: every protocol of the commission looked at for each
    /// citation. `max_by_key` keeps the last of equal dates.
    fn cited_by_scan(
        protocols: &[&Record],
        reference: &Reference,
        citing_date: NaiveDate,
    ) -> Option<usize> {
        protocols
            .iter()
            .enumerate()
            .filter(|(_, p)| p.date.is_some_and(|d| d < citing_date))
            .filter(|(_, p)| reference.date.is_none_or(|d| p.date == Some(d)))
            .filter(|(_, p)| p.facts.number == Some(reference.protocol))
            .max_by_key(|(_, p)| p.date)
            .map(|(index, _)| index)
    }

    fn protocol(index: usize, number: Option<i64>, date: Option<NaiveDate>) -> Record {
        Record {
            path: format!("p{index}.md"),
            commission: Default::default(),
            named: None,
            kind: None,
            date,
            facts: Facts {
                number,
                ..Facts::default()
            },
            paragraphs: None,
        }
    }

    fn reference(protocol: i64, date: Option<NaiveDate>) -> Reference {
        Reference {
            protocol,
            item: "1".into(),
            date,
            said: Said::Open,
            at: Position::START,
        }
    }

    #[test]
    fn the_index_cites_the_protocol_the_scan_did() {
        // Few numbers and few days over many protocols, in no particular order: the same
        // number on the same day many times over, undated and unnumbered ones among them.
        let days: Vec<NaiveDate> = (0..8)
            .map(|d| NaiveDate::from_ymd_opt(2026, 1, 1).unwrap() + chrono::Duration::days(d * 3))
            .collect();
        let mut state: u64 = 13;
        let mut next = |limit: u64| {
            state = state
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1_442_695_040_888_963_407);
            ((state >> 33) % limit) as usize
        };
        let records: Vec<Record> = (0..300)
            .map(|i| {
                let number = [None, Some(1), Some(2), Some(3)][next(4)];
                let date = (next(10) > 0).then(|| days[next(days.len() as u64)]);
                protocol(i, number, date)
            })
            .collect();
        let protocols: Vec<&Record> = records.iter().collect();
        let index = ProtocolsByNumber::new(&protocols);
        let mut found = 0;
        for citing_date in &days {
            for number in 0..=4 {
                for cited_date in std::iter::once(None).chain(days.iter().copied().map(Some)) {
                    let reference = reference(number, cited_date);
                    let expected = cited_by_scan(&protocols, &reference, *citing_date);
                    assert_eq!(
                        index.cited(&reference, *citing_date),
                        expected,
                        "№ {number} of {cited_date:?} cited on {citing_date}"
                    );
                    found += usize::from(expected.is_some());
                }
            }
        }
        assert!(found > 50, "the cases must find protocols, found {found}");
    }
}
