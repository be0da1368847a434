//! `session-gap`: too long between two sessions, or since the last one.

use super::{Commission, CorpusKind, Hit, Record, cadence};
use crate::pack::{Kind, RuleContext};
use chrono::NaiveDate;
use serde::Deserialize;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Def {}

#[derive(Deserialize)]
struct Params {
    #[serde(default = "default_max_gap_days")]
    max_gap_days: i64,
}

fn default_max_gap_days() -> i64 {
    45
}

#[derive(Debug)]
pub struct SessionGap {
    max_gap_days: i64,
}

impl Kind for SessionGap {
    const NAME: &'static str = "session-gap";
    type Def = Def;

    fn compile(_: Def, context: &RuleContext<'_>) -> Result<Self, String> {
        Ok(SessionGap {
            max_gap_days: context.params::<Params>()?.max_gap_days,
        })
    }
}

impl CorpusKind for SessionGap {
    fn judge(
        &self,
        commission: &Commission<'_>,
        documents: &[&Record],
        as_of: NaiveDate,
    ) -> Vec<Hit> {
        cadence::gaps(commission, documents, self.max_gap_days, as_of)
    }
}
