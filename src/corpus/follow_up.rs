//! `overdue-decision`: a decision whose deadline has passed with nothing reporting it
//! executed: no mark in the decision itself, and no later protocol of the commission that
//! cites it ("п. 2.2 протокола № 1 от 28.01.2026 снять с контроля") as closed. A later
//! citation that extends the deadline moves it. With `within_days`, the decisions due soon.

use super::citations::Said;
use super::{Hit, Record, show_date};
use crate::extract::Value;
use chrono::NaiveDate;
use std::collections::BTreeMap;

/// What later protocols said about one decision.
#[derive(Default, Clone, Copy)]
struct Status {
    closed: bool,
    extended_to: Option<NaiveDate>,
}

pub fn run(
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
            let Some(Some(Value::Deadline(written))) = item.fields.get(deadline) else {
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
                hits.push(
                    Hit::new(&protocol.path, item.at)
                        .with("number", item.label.clone())
                        .with("due", show_date(due))
                        .with("days", days.abs())
                        .with("deadline", written.text.clone()),
                );
            }
        }
    }
    hits
}

/// For each (protocol index, decision number), what later protocols said of it.
fn statuses(protocols: &[&Record]) -> BTreeMap<(usize, String), Status> {
    let mut status: BTreeMap<(usize, String), Status> = BTreeMap::new();
    for citing in protocols {
        let Some(citing_date) = citing.date else {
            continue;
        };
        for reference in &citing.facts.references {
            let target = protocols
                .iter()
                .enumerate()
                .filter(|(_, p)| p.date.is_some_and(|d| d < citing_date))
                .filter(|(_, p)| reference.date.is_none_or(|d| p.date == Some(d)))
                .filter(|(_, p)| p.facts.number == Some(reference.protocol))
                .max_by_key(|(_, p)| p.date);
            let Some((index, _)) = target else {
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
