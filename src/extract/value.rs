//! Values extracted from a document, and how rule conditions see them.

use chrono::NaiveDate;
use serde::Serialize;
use std::ops::Range;

/// What kind of deadline a decision or measure sets.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum DeadlineKind {
    /// A calendar date ("до 30.04.2026").
    Date,
    /// A bounded period ("I квартал", "март", "2026 год").
    Period,
    /// A legitimate recurrence ("ежемесячно", "тоқсан сайын").
    Recurring,
    /// A phrase that fixes no date at all ("постоянно", "жыл бойы").
    Vague,
    /// Something is written but it is none of the above.
    Unclear,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Deadline {
    pub kind: DeadlineKind,
    /// The last day the deadline allows, when it has one.
    pub due: Option<NaiveDate>,
    pub text: String,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(untagged)]
pub enum Value {
    Text(String),
    Integer(i64),
    Date(NaiveDate),
    Deadline(Deadline),
    Other(serde_yaml_ng::Value),
}

impl Value {
    pub fn as_date(&self) -> Option<NaiveDate> {
        match self {
            Value::Date(date) => Some(*date),
            Value::Deadline(deadline) => deadline.due,
            _ => None,
        }
    }

    /// Short text for messages.
    pub fn display(&self) -> String {
        match self {
            Value::Text(text) => text.clone(),
            Value::Integer(n) => n.to_string(),
            Value::Date(date) => date.format("%d.%m.%Y").to_string(),
            Value::Deadline(deadline) => deadline.text.clone(),
            Value::Other(other) => serde_yaml_ng::to_string(other)
                .unwrap_or_default()
                .trim()
                .to_string(),
        }
    }
}

/// A value and where it was found (an empty span at the body start when it came from front
/// matter).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Extracted {
    pub value: Value,
    #[serde(skip)]
    pub span: Range<usize>,
}

/// The first run of digits in `text` as a number ("8 из 11" gives 8).
pub fn first_integer(text: &str) -> Option<i64> {
    let digits: String = text
        .chars()
        .skip_while(|c| !c.is_ascii_digit())
        .take_while(char::is_ascii_digit)
        .collect();
    digits.parse().ok()
}
