//! `plan-per-year`: every year in which a commission held sessions needs an approved plan.

use super::cadence::plan_year;
use super::{Commission, Hit, Record};
use crate::finding::Position;
use chrono::{Datelike, NaiveDate};
use std::collections::BTreeSet;

pub fn per_year(
    commission: &Commission<'_>,
    plans: &[&Record],
    year_field: usize,
    approval: Option<usize>,
    sessions_kind: &str,
    as_of: NaiveDate,
) -> Vec<Hit> {
    let session_years: BTreeSet<i32> = commission
        .records
        .iter()
        .filter(|r| r.kind.as_deref() == Some(sessions_kind))
        .filter_map(|r| r.date.filter(|d| *d <= as_of).map(|d| d.year()))
        .collect();
    let planned: BTreeSet<i32> = plans
        .iter()
        .filter(|plan| approval.is_none_or(|field| plan.facts.field(field).is_some()))
        .filter_map(|plan| plan_year(plan, year_field))
        .collect();
    session_years
        .difference(&planned)
        .map(|year| Hit::new(commission.path, Position::START).with("year", *year))
        .collect()
}
