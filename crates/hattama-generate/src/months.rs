//! The same oblast on several days a month apart (`generate --months N`): what an oblast
//! department's monthly audits see. One world is generated up to a month past the last day;
//! each snapshot holds only what was written before its day, so between snapshots sessions are
//! held and decisions fall due and are reported on, as they would be. On top of that, each
//! month some commissions mend a protocol an audit pointed at (the defect is in the earlier
//! snapshots only) and others write a new protocol with a defect (from the month it is written
//! on). `changes.json` records both, month by month.

use super::Planted;
use super::defects::DocDefect;
use super::district::{Doc, Output};
use super::protocol::{self, Class, Deadline, Session};
use super::rng::Dice;
use super::wording::Wording;
use super::world::District;
use chrono::{Duration, Months, NaiveDate};
use std::collections::HashSet;

/// Stream number for [`Dice::from_parts`], apart from the district builder's.
const MONTHS: u64 = 7;

/// How far back a mended protocol may lie: an audit points at the last few sessions.
const MENDED_WITHIN_DAYS: i64 = 120;

/// The snapshot days, oldest first: `as_of`, and a month before it, and so on, `months` in all.
pub fn days(as_of: NaiveDate, months: usize) -> Vec<NaiveDate> {
    let mut days: Vec<NaiveDate> = (0..months.max(1))
        .map_while(|back| as_of.checked_sub_months(Months::new(back as u32)))
        .collect();
    days.reverse();
    days
}

/// What happens to a district in the month after snapshot `step` (between `days[step]` and
/// `days[step + 1]`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Turn {
    /// A protocol written before `days[step]` had a defect that is mended by `days[step + 1]`.
    Mend,
    /// A protocol of the month has a defect.
    Slip,
}

/// Which districts mend and which slip in each month, disjoint: about a third mend and a
/// quarter slip, and at least one of each when there are two districts, so that every
/// comparison shows both. `steps` is the number of months between snapshots.
pub fn assign(seed: u64, districts: usize, steps: usize) -> Vec<Vec<(usize, Turn)>> {
    let mut turns = vec![Vec::new(); districts];
    if districts < 2 {
        return turns;
    }
    for step in 0..steps {
        let mut dice = Dice::from_parts(seed, &[u64::MAX, MONTHS, step as u64]);
        let mending = (districts / 3).max(1);
        let slipping = (districts / 4).max(1);
        let order = dice.sample(districts, mending + slipping);
        for (at, &district) in order.iter().enumerate() {
            let turn = if at < mending { Turn::Mend } else { Turn::Slip };
            turns[district].push((step, turn));
        }
    }
    turns
}

/// One protocol as it stood in some snapshots: with a defect it was mended of later, or with
/// one it was written with.
#[derive(Clone, Debug)]
pub struct Edit {
    pub session: usize,
    pub defect: DocDefect,
    /// The vague wording, for [`DocDefect::VagueDeadline`].
    vague: usize,
    pub step: usize,
    pub turn: Turn,
}

impl Edit {
    /// Whether snapshot `snapshot` shows the edited protocol.
    fn shown_in(&self, snapshot: usize) -> bool {
        match self.turn {
            Turn::Mend => snapshot <= self.step,
            Turn::Slip => snapshot > self.step,
        }
    }

    fn apply(&self, session: &Session) -> Session {
        let mut session = session.clone();
        match self.defect {
            DocDefect::Signature => session.drop_secretary_signature = true,
            DocDefect::NoDeadline | DocDefect::VagueDeadline => {
                let (q, d) = dated_action(&session).expect("chosen for a dated action");
                session.questions[q].decisions[d].deadline = if self.defect == DocDefect::NoDeadline
                {
                    Deadline::Missing
                } else {
                    Deadline::Vague(self.vague)
                };
            }
            DocDefect::Quorum | DocDefect::Iin => unreachable!("never chosen for an edit"),
        }
        session
    }

    /// The record of the defect, named as the generator names planted ones.
    fn planted(&self, session: &Session, path: &str) -> Planted {
        let note = match self.defect {
            DocDefect::Signature => "the secretary's signature is missing".to_string(),
            DocDefect::NoDeadline | DocDefect::VagueDeadline => {
                let (q, d) = dated_action(session).expect("chosen for a dated action");
                let item = format!("{}.{}", q + 1, d + 1);
                if self.defect == DocDefect::NoDeadline {
                    format!("decision {item} orders action with no deadline")
                } else {
                    format!("decision {item} has a deadline that fixes no date")
                }
            }
            DocDefect::Quorum | DocDefect::Iin => unreachable!("never chosen for an edit"),
        };
        Planted {
            rule: self.defect.rule().into(),
            path: path.to_string(),
            note,
        }
    }
}

/// The first action decision with a plain due date and no mark of execution beside it, the
/// one a deadline defect goes to (as in the district builder: the first action).
fn dated_action(session: &Session) -> Option<(usize, usize)> {
    session
        .questions
        .iter()
        .enumerate()
        .flat_map(|(q, question)| {
            question
                .decisions
                .iter()
                .enumerate()
                .map(move |(d, x)| (q, d, x))
        })
        .find(|(_, _, decision)| decision.class == Class::Action && !decision.fixed_layout)
        .filter(|(_, _, decision)| {
            matches!(decision.deadline, Deadline::Date { .. }) && decision.executed.is_none()
        })
        .map(|(q, d, _)| (q, d))
}

/// Picks, for each of a district's turns, the protocol and the defect. A protocol already
/// carrying a planted defect (or named by a corpus one) is never chosen, nor one edited
/// before, so each edit adds exactly one finding of its own. A turn with no protocol to take
/// (no session that month) is dropped.
pub fn edits(
    seed: u64,
    district: usize,
    output: &Output,
    turns: &[(usize, Turn)],
    days: &[NaiveDate],
    wording: &Wording,
) -> Vec<Edit> {
    let mut dice = Dice::from_parts(seed, &[district as u64, MONTHS]);
    let named: HashSet<&str> = output.planted.iter().map(|p| p.path.as_str()).collect();
    let mut used: HashSet<usize> = HashSet::new();
    let mut edits = Vec::new();
    for &(step, turn) in turns {
        let (from, until) = match turn {
            Turn::Mend => (days[step] - Duration::days(MENDED_WITHIN_DAYS), days[step]),
            Turn::Slip => (days[step], days[step + 1]),
        };
        let free: Vec<usize> = output
            .docs
            .iter()
            .filter(|doc| {
                doc.date >= from && doc.date < until && !named.contains(doc.path.as_str())
            })
            .filter_map(|doc| doc.session)
            .filter(|k| !used.contains(k))
            .collect();
        if free.is_empty() {
            continue;
        }
        let session = *dice.pick(&free);
        let mut kinds = vec![DocDefect::Signature];
        if dated_action(&output.sessions[session]).is_some() {
            kinds.extend([DocDefect::NoDeadline, DocDefect::VagueDeadline]);
        }
        let defect = *dice.pick(&kinds);
        used.insert(session);
        edits.push(Edit {
            session,
            defect,
            vague: dice.below(wording.protocols.vague.ru.len()),
            step,
            turn,
        });
    }
    edits
}

/// A district's documents as they stood on `days[snapshot]`: those dated before it, with the
/// protocols edited for it rendered again.
pub fn snapshot<'a>(
    output: &'a Output,
    edits: &[Edit],
    days: &[NaiveDate],
    snapshot: usize,
    wording: &Wording,
    district: &District,
) -> Vec<std::borrow::Cow<'a, Doc>> {
    output
        .docs
        .iter()
        .filter(|doc| doc.date < days[snapshot])
        .map(|doc| {
            let edit = doc.session.and_then(|k| {
                edits
                    .iter()
                    .find(|edit| edit.session == k && edit.shown_in(snapshot))
            });
            match edit {
                None => std::borrow::Cow::Borrowed(doc),
                Some(edit) => {
                    let edited = edit.apply(&output.sessions[edit.session]);
                    std::borrow::Cow::Owned(Doc {
                        bytes: protocol::render(wording, &edited, &output.sessions, district),
                        path: doc.path.clone(),
                        format: doc.format,
                        date: doc.date,
                        session: doc.session,
                    })
                }
            }
        })
        .collect()
}

/// What an edit records: the defect, with the path of the protocol it is in.
pub fn record(output: &Output, edit: &Edit) -> Planted {
    let doc = output
        .docs
        .iter()
        .find(|doc| doc.session == Some(edit.session))
        .expect("every session has its protocol");
    edit.planted(&output.sessions[edit.session], &doc.path)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::calendar::ymd;

    #[test]
    fn days_are_a_month_apart_and_end_on_as_of() {
        assert_eq!(
            days(ymd(2026, 11, 30), 3),
            vec![ymd(2026, 9, 30), ymd(2026, 10, 30), ymd(2026, 11, 30)]
        );
        // A day a shorter month lacks becomes that month's last.
        assert_eq!(
            days(ymd(2026, 3, 31), 2),
            vec![ymd(2026, 2, 28), ymd(2026, 3, 31)]
        );
        assert_eq!(days(ymd(2026, 3, 31), 1), vec![ymd(2026, 3, 31)]);
    }

    #[test]
    fn every_month_some_districts_mend_and_others_slip() {
        for districts in [2, 3, 5, 12, 40] {
            let turns = assign(7, districts, 3);
            for step in 0..3 {
                let of = |turn| turns.iter().filter(|t| t.contains(&(step, turn))).count();
                assert!(of(Turn::Mend) >= 1 && of(Turn::Slip) >= 1, "{districts}");
                assert!(of(Turn::Mend) + of(Turn::Slip) <= districts);
            }
        }
        assert!(assign(7, 1, 3).iter().all(Vec::is_empty));
    }
}
