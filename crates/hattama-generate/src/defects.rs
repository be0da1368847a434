//! Which defects go where. Defects are spread over districts in turn, each kind with a count
//! proportional to the corpus, and never two that would interfere (a copied plan is never also
//! missing, a skipped month always has a plan listing it, and so on). The district builder then
//! picks the exact protocol and records what it planted.

use super::calendar::ymd;
use super::rng::Dice;
use super::schedule::NumberingDefect;
use chrono::{Datelike, NaiveDate};
use std::collections::HashSet;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DocDefect {
    NoDeadline,
    VagueDeadline,
    Quorum,
    Signature,
    Iin,
}

impl DocDefect {
    pub fn rule(self) -> &'static str {
        match self {
            DocDefect::NoDeadline => "kz-kdn/decision-deadline",
            DocDefect::VagueDeadline => "kz-kdn/decision-vague-deadline",
            DocDefect::Quorum => "kz-kdn/quorum",
            DocDefect::Signature => "kz-kdn/protocol-signatures",
            DocDefect::Iin => "kz-kdn/personal-id-number",
        }
    }
}

/// A plan that copies another: district `source` (index) of `source_year`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PlanCopy {
    pub year: i32,
    pub source: usize,
    pub source_year: i32,
}

#[derive(Clone, Debug, Default)]
pub struct DistrictDefects {
    pub skip_month: Option<(i32, u32)>,
    pub turnover_year: Option<i32>,
    pub numbering: Option<(i32, NumberingDefect)>,
    pub plan_missing: Vec<i32>,
    pub plan_copy: Option<PlanCopy>,
    pub plan_no_suicide: Option<i32>,
    pub overdue: Vec<i32>,
    pub due_soon: bool,
    pub copied: Option<i32>,
    pub documents: Vec<(i32, DocDefect)>,
}

struct Eligibility {
    years: Vec<i32>,
    as_of: NaiveDate,
}

impl Eligibility {
    /// Years with at least two months of sessions.
    fn sessions(&self, y: i32) -> bool {
        ymd(y, 2, 20) < self.as_of
    }
    /// Months that can be skipped: a session before and after them, both before `as_of`.
    fn skippable(&self, y: i32) -> Vec<u32> {
        if y < self.as_of.year() {
            (2..=11).collect()
        } else if y == self.as_of.year() && self.as_of.month() >= 4 {
            (2..=self.as_of.month() - 2).collect()
        } else {
            Vec::new()
        }
    }
    fn after(&self, y: i32, month: u32, day: u32) -> bool {
        ymd(y, month, day) < self.as_of
    }
    fn plan_exists(&self, y: i32) -> bool {
        y <= self.as_of.year()
    }
    fn pick(&self, dice: &mut Dice, ok: impl Fn(i32) -> bool) -> Option<i32> {
        let candidates: Vec<i32> = self.years.iter().copied().filter(|y| ok(*y)).collect();
        if candidates.is_empty() {
            None
        } else {
            Some(*dice.pick(&candidates))
        }
    }
}

/// Decides the defects of every district.
pub fn assign(seed: u64, n: usize, years: &[i32], as_of: NaiveDate) -> Vec<DistrictDefects> {
    let mut out = vec![DistrictDefects::default(); n];
    if n == 0 || years.is_empty() {
        return out;
    }
    let mut dice = Dice::from_parts(seed, &[u64::MAX, 1]);
    let e = Eligibility {
        years: years.to_vec(),
        as_of,
    };
    let mut plan_busy: HashSet<(usize, i32)> = HashSet::new();
    let mut cursor = dice.below(n);
    let scaled = |per: usize| (n / per).max(1);

    // Runs `place` on districts in turn from the cursor until one accepts.
    macro_rules! spread {
        ($count:expr, |$i:ident, $dice:ident| $place:block) => {
            for _ in 0..$count {
                for t in 0..n {
                    let $i = (cursor + t) % n;
                    let $dice = &mut dice;
                    let placed: bool = $place;
                    if placed {
                        cursor = ($i + 1) % n;
                        break;
                    }
                }
            }
        };
    }

    spread!(scaled(6), |i, dice| {
        if out[i].skip_month.is_some() {
            false
        } else if let Some(y) = e.pick(dice, |y| {
            !e.skippable(y).is_empty() && !plan_busy.contains(&(i, y))
        }) {
            let months = e.skippable(y);
            out[i].skip_month = Some((y, *dice.pick(&months)));
            plan_busy.insert((i, y));
            true
        } else {
            false
        }
    });
    spread!(scaled(2), |i, dice| {
        match e.pick(dice, |y| {
            e.after(y, 4, 1) && out[i].overdue.iter().filter(|o| **o == y).count() < 2
        }) {
            Some(y) => {
                out[i].overdue.push(y);
                true
            }
            None => false,
        }
    });
    spread!(scaled(4), |i, _dice| {
        if out[i].due_soon || !e.sessions(as_of.year()) {
            false
        } else {
            out[i].due_soon = true;
            true
        }
    });
    spread!(scaled(6), |i, dice| {
        if out[i].numbering.is_some() {
            false
        } else if let Some(y) = e.pick(dice, |y| e.after(y, 5, 1)) {
            let at = dice.range(1, 3) as usize;
            let kind = if dice.chance(50) {
                NumberingDefect::Skip(at)
            } else {
                NumberingDefect::Duplicate(at)
            };
            out[i].numbering = Some((y, kind));
            true
        } else {
            false
        }
    });
    spread!(scaled(8), |i, dice| {
        if out[i].turnover_year.is_some() {
            false
        } else if let Some(y) = e.pick(dice, |y| e.after(y, 9, 15)) {
            out[i].turnover_year = Some(y);
            true
        } else {
            false
        }
    });
    spread!(scaled(8), |i, dice| {
        match e.pick(dice, |y| e.sessions(y) && !plan_busy.contains(&(i, y))) {
            Some(y) => {
                out[i].plan_missing.push(y);
                plan_busy.insert((i, y));
                true
            }
            None => false,
        }
    });
    let mut copies = 0usize;
    spread!(scaled(8), |i, dice| {
        let cross = copies.is_multiple_of(2) && n >= 2 || years.len() < 2;
        if out[i].plan_copy.is_some() {
            false
        } else if cross {
            let j = (i + 1 + dice.below(n - 1)) % n;
            let ok = |y: i32| {
                e.plan_exists(y) && !plan_busy.contains(&(i, y)) && !plan_busy.contains(&(j, y))
            };
            match (j != i).then(|| e.pick(dice, ok)).flatten() {
                Some(y) => {
                    out[i].plan_copy = Some(PlanCopy {
                        year: y,
                        source: j,
                        source_year: y,
                    });
                    plan_busy.insert((i, y));
                    plan_busy.insert((j, y));
                    copies += 1;
                    true
                }
                None => false,
            }
        } else {
            let ok = |y: i32| {
                e.plan_exists(y)
                    && years.contains(&(y - 1))
                    && !plan_busy.contains(&(i, y))
                    && !plan_busy.contains(&(i, y - 1))
            };
            match e.pick(dice, ok) {
                Some(y) => {
                    out[i].plan_copy = Some(PlanCopy {
                        year: y,
                        source: i,
                        source_year: y - 1,
                    });
                    plan_busy.insert((i, y));
                    plan_busy.insert((i, y - 1));
                    copies += 1;
                    true
                }
                None => false,
            }
        }
    });
    spread!(scaled(6), |i, dice| {
        if out[i].copied.is_some() {
            false
        } else if let Some(y) = e.pick(dice, |y| e.after(y, 7, 1)) {
            out[i].copied = Some(y);
            true
        } else {
            false
        }
    });
    spread!(scaled(12), |i, dice| {
        match e.pick(dice, |y| e.plan_exists(y) && !plan_busy.contains(&(i, y))) {
            Some(y) => {
                out[i].plan_no_suicide = Some(y);
                plan_busy.insert((i, y));
                true
            }
            None => false,
        }
    });
    for kind in [
        DocDefect::NoDeadline,
        DocDefect::VagueDeadline,
        DocDefect::Quorum,
        DocDefect::Signature,
        DocDefect::Iin,
    ] {
        spread!(scaled(12), |i, dice| {
            match e.pick(dice, |y| e.sessions(y)) {
                Some(y) => {
                    out[i].documents.push((y, kind));
                    true
                }
                None => false,
            }
        });
    }
    out
}

/// The check digit of a Kazakh ИИН over its first 11 digits, or `None` when the number cannot
/// have one (both weightings give 10).
pub fn iin_check(digits: &[u32]) -> Option<u32> {
    let first: u32 = digits.iter().zip(1..=11).map(|(d, w)| d * w).sum::<u32>() % 11;
    if first != 10 {
        return Some(first);
    }
    let weights = [3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2];
    let second: u32 = digits.iter().zip(weights).map(|(d, w)| d * w).sum::<u32>() % 11;
    (second != 10).then_some(second)
}

/// A valid ИИН for a person born on `birth`: YYMMDD, the century-and-sex digit, a serial and
/// the check digit.
pub fn iin(dice: &mut Dice, birth: NaiveDate, female: bool) -> String {
    let century = match (birth.year() >= 2000, female) {
        (true, false) => 5,
        (true, true) => 6,
        (false, false) => 3,
        (false, true) => 4,
    };
    loop {
        let serial = dice.range(0, 9999);
        let head = format!(
            "{:02}{:02}{:02}{century}{serial:04}",
            birth.year() % 100,
            birth.month(),
            birth.day()
        );
        let digits: Vec<u32> = head.chars().filter_map(|c| c.to_digit(10)).collect();
        if let Some(check) = iin_check(&digits) {
            return format!("{head}{check}");
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn planted_iins_are_valid() {
        let mut dice = Dice::new(11);
        for i in 0..200 {
            let birth = ymd(2008 + (i % 8), 1 + (i as u32 % 12), 1 + (i as u32 % 28));
            let number = iin(&mut dice, birth, i % 2 == 0);
            assert_eq!(number.len(), 12);
            assert!(hattama::privacy::is_valid_iin(&number), "{number}");
            assert!(number.starts_with(&format!("{:02}", birth.year() % 100)));
        }
        // The fixtures' known values.
        let digits = |s: &str| {
            s.chars()
                .take(11)
                .filter_map(|c| c.to_digit(10))
                .collect::<Vec<u32>>()
        };
        assert_eq!(iin_check(&digits("110514503212")), Some(2));
        assert_eq!(iin_check(&digits("120725503940")), Some(5));
    }

    #[test]
    fn every_kind_is_placed() {
        let defects = assign(7, 4, &[2025, 2026], ymd(2026, 11, 30));
        assert_eq!(defects.iter().map(|d| d.overdue.len()).sum::<usize>(), 2);
        assert!(defects.iter().any(|d| d.skip_month.is_some()));
        assert!(defects.iter().any(|d| d.plan_copy.is_some()));
        assert!(defects.iter().any(|d| d.turnover_year.is_some()));
        assert_eq!(defects.iter().map(|d| d.documents.len()).sum::<usize>(), 5);
    }
}
