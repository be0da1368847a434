//! What changed since an earlier audit (`hattama audit --compare PREVIOUS.json`), as the reports
//! show it: per commission and for the oblast, the score then and now, the findings that are new,
//! resolved or still open, the decisions that fell overdue or were closed, and the sessions held
//! since. `crate::compare` works it out; this is the data every format renders.

use crate::privacy::{Mask, Masker};
use serde::Serialize;

/// The change of one commission, or of the oblast (its scores are the commissions' mean).
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Change {
    pub score_then: Option<f64>,
    pub score_now: Option<f64>,
    /// `score_now − score_then`, when both are known.
    pub score_change: Option<f64>,
    pub rank_then: Option<usize>,
    pub rank_now: Option<usize>,
    /// Findings now that the earlier audit did not have (matched by rule, path and the
    /// line-shift-stable fingerprint, so an edit elsewhere in a document makes none new).
    pub new_findings: usize,
    /// Findings of the earlier audit that are gone.
    pub resolved_findings: usize,
    /// Findings in both.
    pub open_findings: usize,
    /// Decisions overdue now that were not overdue then.
    pub newly_overdue: usize,
    /// Decisions overdue then that are not now: executed, reported, or taken off control.
    pub overdue_closed: usize,
    /// Session days now minus session days then.
    pub sessions_since: usize,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CommissionChange {
    pub id: String,
    /// What its documents call it (masked), as in `commissions[]`.
    pub name: String,
    /// `both`, `new` (not in the earlier audit) or `gone` (only in it).
    pub status: &'static str,
    #[serde(flatten)]
    pub change: Change,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Changes {
    /// The earlier audit's day, `YYYY-MM-DD`.
    pub since: String,
    pub oblast: Change,
    /// By id.
    pub commissions: Vec<CommissionChange>,
    /// For each finding of this audit, in its order: whether the earlier one lacked it (the
    /// reports mark each finding `new` or `open`).
    #[serde(skip)]
    pub new: Vec<bool>,
}

impl Mask for Changes {
    /// Ids and names may come from the earlier report, a file from outside this run.
    fn mask_with(&mut self, masker: &Masker) {
        let Changes {
            since,
            oblast: _,
            commissions,
            new: _,
        } = self;
        since.mask_with(masker);
        for commission in commissions {
            let CommissionChange {
                id,
                name,
                status: _,
                change: _,
            } = commission;
            id.mask_with(masker);
            name.mask_with(masker);
        }
    }
}

/// Each commission's score and overdue decisions over the earlier audits and this one
/// (`hattama audit --history DIR`), oldest first, and the oblast's.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct History {
    /// The audit days, `YYYY-MM-DD`, this audit's last.
    pub days: Vec<String>,
    /// The commissions' mean score and their overdue decisions together, on each day.
    pub oblast: Vec<Point>,
    /// By id; `None` on a day the commission was not audited.
    pub commissions: Vec<Series>,
}

#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Point {
    pub score: f64,
    pub overdue: usize,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Series {
    pub id: String,
    pub name: String,
    pub points: Vec<Option<Point>>,
}

impl Mask for History {
    fn mask_with(&mut self, masker: &Masker) {
        let History {
            days,
            oblast: _,
            commissions,
        } = self;
        days.mask_with(masker);
        for series in commissions {
            let Series {
                id,
                name,
                points: _,
            } = series;
            id.mask_with(masker);
            name.mask_with(masker);
        }
    }
}
