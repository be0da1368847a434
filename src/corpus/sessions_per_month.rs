//! `sessions-per-month`: months with fewer sessions than the law requires.

use super::{Commission, CorpusKind, Hit, Record, cadence};
use crate::pack::{Kind, RuleContext};
use chrono::NaiveDate;
use serde::Deserialize;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Def {}

#[derive(Deserialize)]
struct Params {
    #[serde(default = "default_min_per_month")]
    min_per_month: i64,
}

fn default_min_per_month() -> i64 {
    1
}

#[derive(Debug)]
pub struct SessionsPerMonth {
    min_per_month: usize,
}

impl Kind for SessionsPerMonth {
    const NAME: &'static str = "sessions-per-month";
    type Def = Def;

    fn compile(_: Def, context: &RuleContext<'_>) -> Result<Self, String> {
        Ok(SessionsPerMonth {
            min_per_month: context.params::<Params>()?.min_per_month.max(0) as usize,
        })
    }
}

impl CorpusKind for SessionsPerMonth {
    fn judge(
        &self,
        commission: &Commission<'_>,
        documents: &[&Record],
        as_of: NaiveDate,
    ) -> Vec<Hit> {
        cadence::per_month(commission, documents, self.min_per_month, as_of)
    }
}
