//! `plan-per-year`: every year in which a commission held sessions needs an approved plan.

use super::cadence::plan_year;
use super::{Commission, CorpusKind, Hit, Needs, Record};
use crate::finding::Position;
use crate::pack::{Kind, RuleContext};
use chrono::{Datelike, NaiveDate};
use serde::Deserialize;
use std::collections::BTreeSet;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Def {
    /// The field that names the plan's year, then (optionally) the field of its approval:
    /// a plan without one does not count.
    #[serde(default)]
    fields: Vec<String>,
}

#[derive(Deserialize)]
struct Params {
    /// The document kind that records a session.
    #[serde(default = "super::sessions::default_kind")]
    sessions: String,
}

#[derive(Debug)]
pub struct PlanPerYear {
    year: usize,
    approval: Option<usize>,
    sessions: String,
}

impl Kind for PlanPerYear {
    const NAME: &'static str = "plan-per-year";
    type Def = Def;

    fn compile(def: Def, context: &RuleContext<'_>) -> Result<Self, String> {
        Ok(PlanPerYear {
            year: context.field(def.fields.first().ok_or("needs `fields`")?)?,
            approval: def.fields.get(1).map(|id| context.field(id)).transpose()?,
            sessions: context.document_kind(&context.params::<Params>()?.sessions)?,
        })
    }
}

impl CorpusKind for PlanPerYear {
    fn needs(&self) -> Needs {
        Needs {
            fields: std::iter::once(self.year).chain(self.approval).collect(),
            ..Needs::default()
        }
    }

    fn judge(
        &self,
        commission: &Commission<'_>,
        documents: &[&Record],
        as_of: NaiveDate,
    ) -> Vec<Hit> {
        per_year(
            commission,
            documents,
            self.year,
            self.approval,
            &self.sessions,
            as_of,
        )
    }
}

fn per_year(
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
        .map(|year| Hit::in_file(commission.path, Position::START).with("year", *year))
        .collect()
}
