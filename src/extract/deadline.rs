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
    // A text without a date is searched for dates once: their places serve the period's search.
    let (kind, due) = match calendar.first_date_or_places(text, default_year) {
        Ok(found) => (DeadlineKind::Date, Some(found.date)),
        Err(_) if words.vague.as_ref().is_some_and(|re| re.is_match(text)) => {
            (DeadlineKind::Vague, None)
        }
        Err(_) if words.recurring.as_ref().is_some_and(|re| re.is_match(text)) => {
            (DeadlineKind::Recurring, None)
        }
        Err(dates) => match calendar.first_period_besides(text, default_year, &dates) {
            Some(period) => (DeadlineKind::Period, Some(period.last_day)),
            None => (DeadlineKind::Unclear, None),
        },
    };
    Deadline {
        kind,
        due,
        text: text.trim().to_string(),
    }
}
