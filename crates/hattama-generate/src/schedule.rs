//! When a district's commission meets: one regular session a month, 20 to 40 days after the
//! previous one, plus up to four extraordinary sessions a year; numbered 1..N within each year.
//! A planted skipped month leaves a gap of 50 to 62 days across it.

use super::calendar::{days_in_month, ymd};
use super::rng::Dice;
use chrono::{Datelike, Duration, NaiveDate};

#[derive(Clone, Debug)]
pub struct Slot {
    pub date: NaiveDate,
    pub extraordinary: bool,
    /// The number printed on the protocol.
    pub number: u32,
    /// File name without extension: "protocol-03", or "protocol-03a" for a repeated number.
    pub stem: String,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NumberingDefect {
    /// The protocol at this position (0-based, within the year) skips a number.
    Skip(usize),
    /// The protocol at this position repeats the previous number.
    Duplicate(usize),
}

/// Session dates over all `years`, strictly before `as_of`. `skip` is a (year, month) with no
/// session.
pub fn dates(
    dice: &mut Dice,
    years: &[i32],
    as_of: NaiveDate,
    skip: Option<(i32, u32)>,
) -> Vec<(NaiveDate, bool)> {
    let mut regular: Vec<NaiveDate> = Vec::new();
    let mut skipped_before = false;
    'years: for &year in years {
        for month in 1..=12u32 {
            if skip == Some((year, month)) {
                skipped_before = true;
                continue;
            }
            // January sessions come after the New Year holidays.
            let lo_day = if month == 1 { 12 } else { 3 };
            let hi_day = 28.min(days_in_month(year, month));
            let mut lo = ymd(year, month, lo_day);
            let mut hi = ymd(year, month, hi_day);
            // In the month of `as_of`, meet before it where the month allows.
            let last_day = as_of - Duration::days(1);
            if last_day.year() == year && last_day.month() == month && last_day >= lo {
                hi = hi.min(last_day);
            }
            if let Some(prev) = regular.last() {
                let (gmin, gmax) = if skipped_before { (50, 62) } else { (20, 40) };
                lo = lo.max(*prev + Duration::days(gmin));
                hi = hi.min(*prev + Duration::days(gmax));
                if lo > hi {
                    // Cannot happen with the ranges above; keep the month anyway.
                    hi = lo;
                }
            }
            skipped_before = false;
            let span = (hi - lo).num_days();
            let date = lo + Duration::days(dice.range(0, span));
            if date >= as_of {
                break 'years;
            }
            regular.push(date);
        }
    }
    // Extraordinary sessions between two regular ones at least 16 days apart, never around a
    // skipped month (they would close the planted gap).
    let mut all: Vec<(NaiveDate, bool)> = regular.iter().map(|d| (*d, false)).collect();
    for &year in years {
        let extra = [0, 1, 2, 3, 4][dice.weighted(&[2, 3, 3, 2, 1])];
        let months = dice.sample(12, extra);
        for m0 in months {
            let month = m0 as u32 + 1;
            if let Some((sy, sm)) = skip {
                let near = sy == year && (month + 1 == sm || month == sm);
                if near {
                    continue;
                }
            }
            let Some(i) = regular
                .iter()
                .position(|d| d.year() == year && d.month() == month)
            else {
                continue;
            };
            let Some(next) = regular.get(i + 1) else {
                continue;
            };
            let gap = (*next - regular[i]).num_days();
            if gap < 16 {
                continue;
            }
            let date = regular[i] + Duration::days(gap / 2 + dice.range(-2, 2));
            if date < as_of {
                all.push((date, true));
            }
        }
    }
    all.sort();
    all.dedup_by_key(|(d, _)| *d);
    all
}

/// Numbers the sessions of each year 1..N in date order, with an optional planted defect in one
/// year. Returns the slots in date order.
pub fn number(sessions: &[(NaiveDate, bool)], defect: Option<(i32, NumberingDefect)>) -> Vec<Slot> {
    let mut slots = Vec::with_capacity(sessions.len());
    let mut year = None;
    let mut position = 0usize;
    for (date, extraordinary) in sessions {
        if year != Some(date.year()) {
            year = Some(date.year());
            position = 0;
        }
        let base = position as u32 + 1;
        let number = match defect {
            Some((y, NumberingDefect::Skip(at))) if y == date.year() && position >= at => base + 1,
            Some((y, NumberingDefect::Duplicate(at))) if y == date.year() && position >= at => {
                base - 1
            }
            _ => base,
        };
        let repeated = matches!(defect, Some((y, NumberingDefect::Duplicate(at))) if y == date.year() && position == at);
        let stem = if repeated {
            format!("protocol-{number:02}a")
        } else {
            format!("protocol-{number:02}")
        };
        slots.push(Slot {
            date: *date,
            extraordinary: *extraordinary,
            number,
            stem,
        });
        position += 1;
    }
    slots
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn monthly_without_long_gaps() {
        let mut dice = Dice::new(3);
        let as_of = ymd(2026, 11, 30);
        let sessions = dates(&mut dice, &[2024, 2025, 2026], as_of, None);
        for pair in sessions.windows(2) {
            let gap = (pair[1].0 - pair[0].0).num_days();
            assert!((5..=40).contains(&gap), "{gap} days between {:?}", pair);
        }
        for year in [2024, 2025] {
            for month in 1..=12 {
                assert!(
                    sessions
                        .iter()
                        .any(|(d, _)| d.year() == year && d.month() == month)
                );
            }
        }
        assert!(sessions.iter().all(|(d, _)| *d < as_of));
    }

    #[test]
    fn skipped_month_leaves_a_long_gap() {
        let mut dice = Dice::new(5);
        let sessions = dates(&mut dice, &[2025], ymd(2026, 1, 1), Some((2025, 6)));
        assert!(!sessions.iter().any(|(d, _)| d.month() == 6));
        let may = sessions
            .iter()
            .filter(|(d, _)| d.month() == 5)
            .map(|(d, _)| *d)
            .max()
            .unwrap();
        let july = sessions
            .iter()
            .filter(|(d, _)| d.month() == 7)
            .map(|(d, _)| *d)
            .min()
            .unwrap();
        assert!((july - may).num_days() > 45);
        let gaps_over = sessions
            .windows(2)
            .filter(|p| (p[1].0 - p[0].0).num_days() > 45)
            .count();
        assert_eq!(gaps_over, 1);
    }

    #[test]
    fn numbering_defects() {
        let sessions: Vec<(NaiveDate, bool)> = (1..=5).map(|m| (ymd(2026, m, 10), false)).collect();
        let skip: Vec<u32> = number(&sessions, Some((2026, NumberingDefect::Skip(3))))
            .iter()
            .map(|s| s.number)
            .collect();
        assert_eq!(skip, [1, 2, 3, 5, 6]);
        let dup = number(&sessions, Some((2026, NumberingDefect::Duplicate(2))));
        let numbers: Vec<u32> = dup.iter().map(|s| s.number).collect();
        assert_eq!(numbers, [1, 2, 2, 3, 4]);
        assert_eq!(dup[2].stem, "protocol-02a");
    }
}
