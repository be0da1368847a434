//! `planned-sessions-held`: months a plan's section sets for a session that passed without
//! one.

use super::{Commission, CorpusKind, Hit, Needs, Record, cadence};
use crate::pack::{Kind, RuleContext};
use chrono::NaiveDate;
use serde::Deserialize;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Def {
    /// The plan's section that lists the sessions by month.
    section: Option<String>,
    /// The field that names the plan's year.
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
pub struct PlannedSessionsHeld {
    section: usize,
    year: usize,
    sessions: String,
}

impl Kind for PlannedSessionsHeld {
    const NAME: &'static str = "planned-sessions-held";
    type Def = Def;

    fn compile(def: Def, context: &RuleContext<'_>) -> Result<Self, String> {
        Ok(PlannedSessionsHeld {
            section: context.section(def.section.as_deref().ok_or("needs `section`")?)?,
            year: context.field(def.fields.first().ok_or("needs `fields`")?)?,
            sessions: context.document_kind(&context.params::<Params>()?.sessions)?,
        })
    }
}

impl CorpusKind for PlannedSessionsHeld {
    fn needs(&self) -> Needs {
        Needs {
            fields: vec![self.year],
            section_months: Some(self.section),
            ..Needs::default()
        }
    }

    fn judge(
        &self,
        commission: &Commission<'_>,
        documents: &[&Record],
        as_of: NaiveDate,
    ) -> Vec<Hit> {
        cadence::planned_held(
            commission,
            documents,
            self.section,
            self.year,
            &self.sessions,
            as_of,
        )
    }
}
