//! `protocol-numbering`: protocols are numbered from 1 each year without gaps or repeats.

use super::{Hit, Record};
use crate::extract::Value;
use crate::finding::Position;
use chrono::Datelike;
use std::collections::{BTreeMap, BTreeSet};

pub fn run(protocols: &[&Record], number_field: usize) -> Vec<Hit> {
    let mut by_year: BTreeMap<i32, Vec<(i64, &Record, Position)>> = BTreeMap::new();
    for protocol in protocols {
        let (Some(date), Some(field)) = (protocol.date, protocol.facts.field(number_field)) else {
            continue;
        };
        let number = match &field.value {
            Value::Integer(n) => Some(*n),
            Value::Text(text) => crate::extract::value::first_integer(text),
            _ => None,
        };
        if let Some(number) = number {
            by_year
                .entry(date.year())
                .or_default()
                .push((number, protocol, field.at));
        }
    }
    let mut hits = Vec::new();
    for (year, numbered) in by_year {
        let mut seen: BTreeSet<i64> = BTreeSet::new();
        for (number, protocol, at) in &numbered {
            if !seen.insert(*number) {
                hits.push(
                    Hit::new(&protocol.path, *at)
                        .with("year", year)
                        .with("number", *number)
                        .with("problem", "duplicate"),
                );
            }
        }
        // Gaps: each run of missing numbers is reported at the protocol that follows it.
        let mut missing: Vec<i64> = Vec::new();
        let highest = seen.iter().copied().max().unwrap_or(0);
        for number in 1..=highest.min(10_000) {
            if !seen.contains(&number) {
                missing.push(number);
                continue;
            }
            if missing.is_empty() {
                continue;
            }
            if let Some((_, protocol, at)) = numbered.iter().find(|(n, _, _)| *n == number) {
                hits.push(
                    Hit::new(&protocol.path, *at)
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
