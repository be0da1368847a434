//! How often a commission meets: gaps between sessions (`session-gap`), months without the
//! required sessions (`sessions-per-month`), and months the plan set for a session that
//! passed without one (`planned-sessions-held`).

use super::{Commission, Hit, Record, show_date, show_month};
use crate::extract::Value;
use crate::finding::Position;
use chrono::{Datelike, NaiveDate};
use std::collections::{BTreeMap, BTreeSet};

/// Session days up to `as_of`, in order, each with the protocol held that day.
fn sessions<'a>(protocols: &[&'a Record], as_of: NaiveDate) -> Vec<(NaiveDate, &'a Record)> {
    let mut days: Vec<(NaiveDate, &Record)> = protocols
        .iter()
        .filter_map(|p| p.date.filter(|d| *d <= as_of).map(|d| (d, *p)))
        .collect();
    days.sort_by(|a, b| (a.0, &a.1.path).cmp(&(b.0, &b.1.path)));
    days.dedup_by_key(|(day, _)| *day);
    days
}

pub fn gaps(
    commission: &Commission<'_>,
    protocols: &[&Record],
    max_gap_days: i64,
    as_of: NaiveDate,
) -> Vec<Hit> {
    let days = sessions(protocols, as_of);
    let mut hits: Vec<Hit> = days
        .windows(2)
        .filter(|pair| (pair[1].0 - pair[0].0).num_days() > max_gap_days)
        .map(|pair| {
            Hit::new(&pair[1].1.path, Position::START)
                .with("days", (pair[1].0 - pair[0].0).num_days())
                .with("from", show_date(pair[0].0))
                .with("to", show_date(pair[1].0))
        })
        .collect();
    // A commission that stopped meeting: the gap runs to the audit day.
    if let Some((last, _)) = days.last()
        && (as_of - *last).num_days() > max_gap_days
    {
        hits.push(
            Hit::new(commission.path, Position::START)
                .with("days", (as_of - *last).num_days())
                .with("from", show_date(*last))
                .with("to", show_date(as_of)),
        );
    }
    hits
}

/// Whole months from the first session's month up to the month before `as_of`.
fn months_to_check(first: NaiveDate, as_of: NaiveDate) -> Vec<(i32, u32)> {
    let mut months = Vec::new();
    let (mut year, mut month) = (first.year(), first.month());
    while (year, month) < (as_of.year(), as_of.month()) {
        months.push((year, month));
        (year, month) = if month == 12 {
            (year + 1, 1)
        } else {
            (year, month + 1)
        };
    }
    months
}

pub fn per_month(
    commission: &Commission<'_>,
    protocols: &[&Record],
    min_per_month: usize,
    as_of: NaiveDate,
) -> Vec<Hit> {
    let days = sessions(protocols, as_of);
    let Some((first, _)) = days.first() else {
        return Vec::new();
    };
    let mut held: BTreeMap<(i32, u32), usize> = BTreeMap::new();
    for (day, _) in &days {
        *held.entry((day.year(), day.month())).or_default() += 1;
    }
    let mut short: BTreeMap<i32, Vec<String>> = BTreeMap::new();
    for (year, month) in months_to_check(*first, as_of) {
        if held.get(&(year, month)).copied().unwrap_or(0) < min_per_month {
            short.entry(year).or_default().push(show_month(year, month));
        }
    }
    short
        .into_iter()
        .map(|(year, months)| {
            Hit::new(commission.path, Position::START)
                .with("year", year)
                .with("count", months.len())
                .with("months", months.join(", "))
        })
        .collect()
}

pub fn planned_held(
    commission: &Commission<'_>,
    plans: &[&Record],
    section: usize,
    year_field: usize,
    sessions_kind: &str,
    as_of: NaiveDate,
) -> Vec<Hit> {
    let protocols: Vec<&Record> = commission
        .records
        .iter()
        .copied()
        .filter(|r| r.kind.as_deref() == Some(sessions_kind))
        .collect();
    let held: BTreeSet<(i32, u32)> = sessions(&protocols, as_of)
        .iter()
        .map(|(d, _)| (d.year(), d.month()))
        .collect();
    let mut hits = Vec::new();
    for plan in plans {
        let Some(year) = plan_year(plan, year_field) else {
            continue;
        };
        let Some(months) = plan.facts.months_of(section) else {
            continue;
        };
        let missed: Vec<String> = months
            .iter()
            .filter(|&&month| (year, month) < (as_of.year(), as_of.month()))
            .filter(|&&month| !held.contains(&(year, month)))
            .map(|&month| show_month(year, month))
            .collect();
        if !missed.is_empty() {
            hits.push(
                Hit::new(&plan.path, Position::START)
                    .with("year", year)
                    .with("count", missed.len())
                    .with("months", missed.join(", ")),
            );
        }
    }
    hits
}

/// The year a plan is for: its year field, else the year after an approval in December, else
/// its date's year.
pub fn plan_year(plan: &Record, year_field: usize) -> Option<i32> {
    match plan.facts.field(year_field).map(|f| &f.value) {
        Some(Value::Integer(year)) => i32::try_from(*year).ok(),
        Some(Value::Text(text)) => {
            crate::extract::value::first_integer(text).and_then(|y| i32::try_from(y).ok())
        }
        _ => plan.date.map(|d| {
            if d.month() == 12 {
                d.year() + 1
            } else {
                d.year()
            }
        }),
    }
}
