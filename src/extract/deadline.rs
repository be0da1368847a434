//! Decides what a deadline text sets: a date, a period, a recurrence, or nothing definite.

use super::value::{Deadline, DeadlineKind};
use crate::calendar::DateParser;
use crate::pack::DeadlineWords;

pub fn classify(
    text: &str,
    words: &DeadlineWords,
    calendar: &DateParser,
    default_year: Option<i32>,
) -> Deadline {
    let (kind, due) = if let Some(found) = calendar.first_date(text, default_year) {
        (DeadlineKind::Date, Some(found.date))
    } else if words.vague.as_ref().is_some_and(|re| re.is_match(text)) {
        (DeadlineKind::Vague, None)
    } else if words.recurring.as_ref().is_some_and(|re| re.is_match(text)) {
        (DeadlineKind::Recurring, None)
    } else if let Some(period) = calendar.first_period(text, default_year) {
        (DeadlineKind::Period, Some(period.last_day))
    } else {
        (DeadlineKind::Unclear, None)
    };
    Deadline {
        kind,
        due,
        text: text.trim().to_string(),
    }
}
