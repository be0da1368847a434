//! A commission's protocols as the cadence and numbering rules place them in time. A protocol
//! exists whether or not its date could be read; when it could not, what else is known places
//! it: a date in its file name ("protokol-07-2026-07-22.md", "Протокол №3 от 15.03.2026.docx",
//! as archives name their files), else the year folder it sits in and its number. A protocol
//! that exists must never become a gap in the record just because its date was unreadable.

use super::Record;
use crate::extract::Value;
use chrono::{Datelike, NaiveDate};
use std::path::Path;

/// The document kind that records a session, where a rule's `params.sessions` does not say.
pub fn default_kind() -> String {
    "protocol".to_string()
}

/// When the protocol's session was held, as far as anything says.
pub fn date_of(record: &Record) -> Option<NaiveDate> {
    record.date.or_else(|| date_in_file_name(&record.path))
}

/// The year of the protocol's session: its date's, else its year folder's.
pub fn year_of(record: &Record) -> Option<i32> {
    date_of(record)
        .map(|d| d.year())
        .or_else(|| year_folder(&record.path))
}

/// The protocol's number from a field's value: "7", "№ 7", "7/2026", "2026/7", "07-к" all
/// give 7 (a number that is the protocol's year is its year, not its number).
pub fn number_of(value: &Value, year: Option<i32>) -> Option<i64> {
    let text = match value {
        Value::Integer(n) => return Some(*n),
        Value::Text(text) => text.as_str(),
        _ => return None,
    };
    let numbers: Vec<i64> = text
        .split(|c: char| !c.is_ascii_digit())
        .filter(|part| !part.is_empty() && part.len() <= 6)
        .filter_map(|part| part.parse().ok())
        .collect();
    numbers
        .iter()
        .copied()
        .find(|n| year.is_none_or(|y| *n != i64::from(y)) || numbers.len() == 1)
}

/// A date written in a file name: `2026-07-22`, `22.07.2026`, `22_07_2026`.
pub fn date_in_file_name(path: &str) -> Option<NaiveDate> {
    let name = Path::new(path).file_stem()?.to_str()?;
    let runs: Vec<(usize, &str)> = digit_runs(name);
    for window in runs.windows(3) {
        let [(a, x), (b, y), (c, z)] = window else {
            continue;
        };
        // The three runs must be separated by one character each: "2026-07-22", not
        // "07 from 2026 … 22".
        if b - (a + x.len()) != 1 || c - (b + y.len()) != 1 {
            continue;
        }
        let parse = |s: &str| s.parse::<u32>().ok();
        let date = match (x.len(), y.len(), z.len()) {
            (4, 1..=2, 1..=2) => NaiveDate::from_ymd_opt(x.parse().ok()?, parse(y)?, parse(z)?),
            (1..=2, 1..=2, 4) => NaiveDate::from_ymd_opt(z.parse().ok()?, parse(y)?, parse(x)?),
            _ => None,
        };
        if let Some(date) = date.filter(|d| (1990..=2100).contains(&d.year())) {
            return Some(date);
        }
    }
    None
}

fn digit_runs(text: &str) -> Vec<(usize, &str)> {
    let mut runs = Vec::new();
    let mut start = None;
    for (i, ch) in text.char_indices() {
        match (ch.is_ascii_digit(), start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                runs.push((s, &text[s..i]));
                start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = start {
        runs.push((s, &text[s..]));
    }
    runs
}

/// The nearest folder above the file that is a year (`…/2026/x.md`).
fn year_folder(path: &str) -> Option<i32> {
    Path::new(path)
        .parent()?
        .ancestors()
        .filter_map(|p| p.file_name()?.to_str())
        .find(|name| name.len() == 4 && name.chars().all(|c| c.is_ascii_digit()))
        .and_then(|name| name.parse().ok())
        .filter(|y| (1990..=2100).contains(y))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(y, m, d)
    }

    #[test]
    fn dates_in_file_names() {
        assert_eq!(
            date_in_file_name("a/protokol-07-2026-07-22.md"),
            date(2026, 7, 22)
        );
        assert_eq!(
            date_in_file_name("a/Протокол №3 от 15.03.2026.md"),
            date(2026, 3, 15)
        );
        assert_eq!(date_in_file_name("a/protocol-05.md"), None);
        assert_eq!(date_in_file_name("a/plan-2026.md"), None);
        assert_eq!(date_in_file_name("a/x-2026-13-40.md"), None);
    }

    #[test]
    fn year_folders() {
        assert_eq!(year_folder("corpus/temir/2026/x.md"), Some(2026));
        assert_eq!(year_folder("corpus/temir/2026/scans/x.md"), Some(2026));
        assert_eq!(year_folder("corpus/temir/x.md"), None);
    }

    #[test]
    fn numbers_written_with_the_year() {
        let text = |s: &str| Value::Text(s.to_string());
        assert_eq!(number_of(&text("№ 7"), Some(2026)), Some(7));
        assert_eq!(number_of(&text("№7/2026"), Some(2026)), Some(7));
        assert_eq!(number_of(&text("2026/7"), Some(2026)), Some(7));
        assert_eq!(number_of(&text("07-к"), None), Some(7));
        assert_eq!(number_of(&Value::Integer(3), Some(2026)), Some(3));
        assert_eq!(number_of(&text("б/н"), Some(2026)), None);
    }
}
