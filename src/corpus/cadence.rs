//! How often a commission meets: gaps between sessions (`session-gap`), months without the
//! required sessions (`sessions-per-month`), and months the plan set for a session that
//! passed without one (`planned-sessions-held`).

use super::sessions::{date_of, year_of};
use super::{Commission, Hit, Record, show_month};
use crate::extract::Value;
use crate::finding::Position;
use chrono::{Datelike, NaiveDate};
use std::collections::{BTreeMap, BTreeSet};

/// Session days up to `as_of`, in order, each with the protocol held that day. A protocol
/// whose date could not be read counts on the date its file name gives.
fn sessions<'a>(protocols: &[&'a Record], as_of: NaiveDate) -> Vec<(NaiveDate, &'a Record)> {
    let mut days: Vec<(NaiveDate, &Record)> = protocols
        .iter()
        .filter_map(|p| date_of(p).filter(|d| *d <= as_of).map(|d| (d, *p)))
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
    let undated = Undated::of(protocols);
    let intervals = Intervals::new(&days, &undated, as_of);
    // An interval holding a session whose date is unknown is no gap: the session may have
    // been anywhere in it. A session that could lie in several intervals spares those it
    // could have closed: `k` such sessions close at most (k + 1) × the limit.
    let is_gap = |index: usize, days_between: i64| {
        days_between > max_gap_days
            && !intervals.pinned(index)
            && days_between > (intervals.loose(index) as i64 + 1) * max_gap_days
    };
    let mut hits: Vec<Hit> = days
        .windows(2)
        .enumerate()
        .filter(|(i, pair)| is_gap(i + 1, (pair[1].0 - pair[0].0).num_days()))
        .map(|(_, pair)| {
            Hit::in_file(&pair[1].1.path, Position::START)
                .with("days", (pair[1].0 - pair[0].0).num_days())
                .with("from", pair[0].0.to_string())
                .with("to", pair[1].0.to_string())
        })
        .collect();
    // A commission that stopped meeting: the gap runs to the audit day.
    if let Some((last, _)) = days.last()
        && is_gap(days.len(), (as_of - *last).num_days())
    {
        hits.push(
            Hit::in_file(commission.path, Position::START)
                .with("days", (as_of - *last).num_days())
                .with("from", last.to_string())
                .with("to", as_of.to_string()),
        );
    }
    hits
}

/// A protocol no date places, with what else is known of it.
struct Undated {
    year: Option<i32>,
    number: Option<i64>,
}

impl Undated {
    fn of(protocols: &[&Record]) -> Vec<Undated> {
        protocols
            .iter()
            .filter(|p| date_of(p).is_none())
            .map(|p| Undated {
                year: year_of(p),
                number: p.facts.number,
            })
            .collect()
    }

    /// Whether it may have been held after `prev` and before `next` (`None`: the record's
    /// start, or the audit day).
    fn could_lie(
        &self,
        prev: Option<(NaiveDate, Option<i64>)>,
        next: Option<(NaiveDate, Option<i64>)>,
        as_of: NaiveDate,
    ) -> bool {
        // Within one year the numbers order the protocols; across years the years do.
        let after = |(date, number): (NaiveDate, Option<i64>), year: i32| {
            year > date.year()
                || (year == date.year() && self.number.zip(number).is_none_or(|(n, m)| n > m))
        };
        let before = |(date, number): (NaiveDate, Option<i64>), year: i32| {
            year < date.year()
                || (year == date.year() && self.number.zip(number).is_none_or(|(n, m)| n < m))
        };
        let first = prev.map_or(as_of.year() - 100, |(d, _)| d.year() - 1);
        let last = next.map_or(as_of.year(), |(d, _)| d.year());
        let years = match self.year {
            Some(year) => year..=year,
            None => first..=last,
        };
        years
            .filter(|y| *y <= as_of.year())
            .any(|y| prev.is_none_or(|p| after(p, y)) && next.is_none_or(|n| before(n, y)))
    }
}

impl Undated {
    /// The intervals it may lie in, of those the sessions `bounds` (in date order) make.
    /// One whose year is known can lie only in the intervals that touch that year: between the
    /// sessions of that year and next to them. One that nothing dates is tried everywhere.
    fn places(&self, bounds: &[(NaiveDate, Option<i64>)], as_of: NaiveDate) -> Vec<usize> {
        let tried = match self.year {
            Some(year) => {
                let first = bounds.partition_point(|(date, _)| date.year() < year);
                let last = bounds.partition_point(|(date, _)| date.year() <= year);
                first..last + 1
            }
            None => 0..bounds.len() + 1,
        };
        tried
            .filter(|&i| {
                let prev = i.checked_sub(1).map(|p| bounds[p]);
                let next = bounds.get(i).copied();
                self.could_lie(prev, next, as_of)
            })
            .collect()
    }
}

/// The intervals of a record (before the first session, between sessions, after the last
/// up to the audit day) and, for each, the undated protocols that may lie in it.
struct Intervals {
    /// For interval i: undated protocols that can lie only there, and those that can lie
    /// there among other places.
    pinned: Vec<usize>,
    loose: Vec<usize>,
}

impl Intervals {
    fn new(days: &[(NaiveDate, &Record)], undated: &[Undated], as_of: NaiveDate) -> Intervals {
        let bounds: Vec<(NaiveDate, Option<i64>)> =
            days.iter().map(|(d, r)| (*d, r.facts.number)).collect();
        let count = bounds.len() + 1;
        let mut intervals = Intervals {
            pinned: vec![0; count],
            loose: vec![0; count],
        };
        for protocol in undated {
            match protocol.places(&bounds, as_of).as_slice() {
                [only] => intervals.pinned[*only] += 1,
                many => many.iter().for_each(|&i| intervals.loose[i] += 1),
            }
        }
        intervals
    }

    fn pinned(&self, index: usize) -> bool {
        self.pinned.get(index).is_some_and(|n| *n > 0)
    }

    fn loose(&self, index: usize) -> usize {
        self.loose.get(index).copied().unwrap_or(0)
    }
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
    // The months of an interval that holds an undated session: it was held in one of them,
    // nobody can say which, so none of them is reported.
    let undated = Undated::of(protocols);
    let intervals = Intervals::new(&days, &undated, as_of);
    let mut excused: BTreeSet<(i32, u32)> = BTreeSet::new();
    for index in 1..=days.len() {
        if intervals.pinned(index) {
            let from = days[index - 1].0;
            let to = days.get(index).map_or(as_of, |(d, _)| *d);
            excused.extend(months_to_check(from, to));
            excused.insert((to.year(), to.month()));
        }
    }
    let mut short: BTreeMap<i32, Vec<String>> = BTreeMap::new();
    for (year, month) in months_to_check(*first, as_of) {
        if held.get(&(year, month)).copied().unwrap_or(0) < min_per_month
            && !excused.contains(&(year, month))
        {
            short.entry(year).or_default().push(show_month(year, month));
        }
    }
    short
        .into_iter()
        .map(|(year, months)| {
            Hit::in_file(commission.path, Position::START)
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
                Hit::in_file(&plan.path, Position::START)
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_dated_year_narrows_the_intervals_tried_to_the_same_places() {
        let as_of = NaiveDate::from_ymd_opt(2026, 11, 30).unwrap();
        // Sessions over three years, numbered from 1 each year, some without a number.
        let mut bounds: Vec<(NaiveDate, Option<i64>)> = Vec::new();
        for year in [2023, 2024, 2026] {
            for month in 1..=12u32 {
                let number = (month % 5 != 0).then_some(i64::from(month));
                bounds.push((NaiveDate::from_ymd_opt(year, month, 10).unwrap(), number));
            }
        }
        for year in [
            None,
            Some(2022),
            Some(2023),
            Some(2025),
            Some(2026),
            Some(2027),
        ] {
            for number in [None, Some(0), Some(1), Some(5), Some(7), Some(12), Some(40)] {
                let protocol = Undated { year, number };
                let everywhere: Vec<usize> = (0..bounds.len() + 1)
                    .filter(|&i| {
                        let prev = i.checked_sub(1).map(|p| bounds[p]);
                        protocol.could_lie(prev, bounds.get(i).copied(), as_of)
                    })
                    .collect();
                assert_eq!(
                    protocol.places(&bounds, as_of),
                    everywhere,
                    "year {year:?}, № {number:?}"
                );
            }
        }
    }
}
