//! Header fields (number, date, chair, attendance…): front matter first, then the pack's
//! patterns in the field's region of the document.

use super::deadline;
use super::value::{Extracted, Value};
use super::{Extraction, SectionHit};
use crate::pack::schema::FieldType;
use crate::pack::{Field, FieldPattern, Pack, Region};
use crate::parse::Document;
use chrono::Datelike;
use std::collections::BTreeSet;
use std::ops::Range;

pub fn extract_all(
    document: &Document,
    pack: &Pack,
    extraction: &mut Extraction,
    applies: &dyn Fn(&[String]) -> bool,
) {
    // The document's date comes first: it supplies the year of dates written without one.
    let mut order: Vec<usize> = (0..pack.fields.len()).collect();
    if let Some(date_field) = pack.date_field {
        order.retain(|&f| f != date_field);
        order.insert(0, date_field);
    }
    let mut default_year = None;
    for index in order {
        let field = &pack.fields[index];
        if !applies(&field.kinds) || extraction.fields[index].is_some() {
            continue;
        }
        let found = from_front_matter(document, field, pack, default_year)
            .or_else(|| from_text(document, pack, extraction, index, default_year));
        if Some(index) == pack.date_field {
            default_year = found
                .as_ref()
                .and_then(|e| e.value.as_date())
                .map(|d| d.year());
        }
        extraction.fields[index] = found;
    }
}

fn from_front_matter(
    document: &Document,
    field: &Field,
    pack: &Pack,
    default_year: Option<i32>,
) -> Option<Extracted> {
    let front = document.front_matter.as_ref()?;
    let raw = field
        .front_matter
        .iter()
        .find_map(|key| front.get(key.as_str()))?;
    let at = document.body_start..document.body_start;
    let value = match raw {
        serde_yaml_ng::Value::String(text) => typed(field, pack, text, default_year)?,
        serde_yaml_ng::Value::Number(n)
            if field.field_type == FieldType::Integer || field.field_type == FieldType::Count =>
        {
            Value::Integer(n.as_i64()?)
        }
        serde_yaml_ng::Value::Number(n) => typed(field, pack, &n.to_string(), default_year)?,
        serde_yaml_ng::Value::Null => return None,
        other => Value::Other(other.clone()),
    };
    Some(Extracted { value, span: at })
}

/// Turns matched text into the field's type; `None` when it does not parse as one.
fn typed(field: &Field, pack: &Pack, text: &str, default_year: Option<i32>) -> Option<Value> {
    let text = text.trim();
    if text.is_empty() {
        return None;
    }
    Some(match field.field_type {
        FieldType::Text => Value::Text(text.to_string()),
        FieldType::Integer | FieldType::Count => {
            let digits: String = text
                .chars()
                .skip_while(|c| !c.is_ascii_digit())
                .take_while(|c| c.is_ascii_digit())
                .collect();
            Value::Integer(digits.parse().ok()?)
        }
        FieldType::Date => {
            if let Ok(date) = chrono::NaiveDate::parse_from_str(text, "%Y-%m-%d") {
                Value::Date(date)
            } else {
                Value::Date(
                    pack.calendar
                        .first_date(&text.to_lowercase(), default_year)?
                        .date,
                )
            }
        }
        FieldType::Deadline => Value::Deadline(deadline::classify(
            &text.to_lowercase(),
            &field.deadline,
            &pack.calendar,
            default_year,
        )),
        FieldType::Months => {
            Value::Integer(months_named(pack, &[text.to_lowercase()], default_year) as i64)
        }
    })
}

/// The document lines a region covers.
pub fn region_lines(
    document: &Document,
    sections: &[SectionHit],
    region: Region,
) -> Vec<Range<usize>> {
    let total = document.lines.len();
    match region {
        Region::Document => std::iter::once(0..total).collect(),
        Region::FirstLines(n) => std::iter::once(0..n.min(total)).collect(),
        Region::LastLines(n) => std::iter::once(total.saturating_sub(n)..total).collect(),
        Region::Section(section) => sections
            .iter()
            .filter(|h| h.section == section)
            .map(|h| h.lines.clone())
            .collect(),
    }
}

fn from_text(
    document: &Document,
    pack: &Pack,
    extraction: &mut Extraction,
    index: usize,
    default_year: Option<i32>,
) -> Option<Extracted> {
    let field = &pack.fields[index];
    let mut ranges = region_lines(document, &extraction.sections, field.region);
    if field.header
        && let Some(first_heading) = extraction.sections.first().map(|hit| hit.lines.start)
    {
        for range in &mut ranges {
            range.end = range.end.min(first_heading).max(range.start);
        }
    }
    for pattern in &field.patterns {
        for range in &ranges {
            for line in &document.lines[range.clone()] {
                if let Some(found) = match_field(
                    document,
                    pack,
                    extraction,
                    field,
                    pattern,
                    line,
                    default_year,
                ) {
                    return Some(found);
                }
            }
        }
    }
    match field.field_type {
        FieldType::Count => count_entries(document, extraction, &ranges),
        FieldType::Months => {
            let texts: Vec<String> = ranges
                .iter()
                .flat_map(|r| {
                    document.lines[r.clone()]
                        .iter()
                        .map(|l| l.text().to_string())
                })
                .collect();
            let count = months_named(pack, &texts, default_year);
            let span = ranges
                .first()
                .and_then(|r| document.lines.get(r.start))
                .map_or(0..0, |l| l.span.clone());
            (count > 0).then_some(Extracted {
                value: Value::Integer(count as i64),
                span,
            })
        }
        _ => None,
    }
}

/// Tries one pattern on one line; named groups that are other fields' ids fill those too.
fn match_field(
    document: &Document,
    pack: &Pack,
    extraction: &mut Extraction,
    field: &Field,
    pattern: &FieldPattern,
    line: &crate::parse::Line,
    default_year: Option<i32>,
) -> Option<Extracted> {
    let captures = pattern.regex.captures(line.text())?;
    let whole = captures.get(0)?;
    let chosen = captures.name("value").unwrap_or(whole);
    let span = line.folded.source_range(chosen.range());
    let value = match &pattern.value {
        Some(constant) => match constant {
            serde_yaml_ng::Value::Number(n) if n.as_i64().is_some() => Value::Integer(n.as_i64()?),
            other => Value::Other(other.clone()),
        },
        None => {
            let text = match field.field_type {
                FieldType::Text => document.display(span.clone()),
                _ => chosen.as_str().to_string(),
            };
            typed(field, pack, &text, default_year)?
        }
    };
    for (other_index, other) in pack.fields.iter().enumerate() {
        if other.id == field.id || extraction.fields[other_index].is_some() {
            continue;
        }
        if let Some(group) = captures.name(&other.id) {
            let other_span = line.folded.source_range(group.range());
            let text = match other.field_type {
                FieldType::Text => document.display(other_span.clone()),
                _ => group.as_str().to_string(),
            };
            if let Some(value) = typed(other, pack, &text, default_year) {
                extraction.fields[other_index] = Some(Extracted {
                    value,
                    span: other_span,
                });
            }
        }
    }
    Some(Extracted { value, span })
}

/// How many entries a section lists: its lines after the heading, or, when the heading line
/// holds them all, its comma-separated parts.
fn count_entries(
    document: &Document,
    extraction: &Extraction,
    ranges: &[Range<usize>],
) -> Option<Extracted> {
    let hit_starts: BTreeSet<usize> = extraction.sections.iter().map(|h| h.lines.start).collect();
    let mut count = 0usize;
    let mut span = None;
    for range in ranges {
        let Some(heading) = document.lines.get(range.start) else {
            continue;
        };
        span.get_or_insert(heading.span.clone());
        let after_heading = range.start + 1..range.end;
        let listed = after_heading
            .clone()
            .filter(|i| !hit_starts.contains(i))
            .count();
        if listed > 0 {
            count += listed;
        } else if let Some(hit) = extraction
            .sections
            .iter()
            .find(|h| h.lines.start == range.start)
        {
            let rest = &heading.text()[hit.content_from.min(heading.text().len())..];
            count += rest
                .split([',', ';'])
                .filter(|part| part.chars().any(char::is_alphabetic))
                .count();
        }
    }
    (count > 0).then(|| Extracted {
        value: Value::Integer(count as i64),
        span: span.unwrap_or(0..0),
    })
}

/// Distinct months named in the texts: dates, periods, and month names on their own.
fn months_named(pack: &Pack, texts: &[String], default_year: Option<i32>) -> usize {
    let year = default_year.unwrap_or(2000);
    let mut months = BTreeSet::new();
    for text in texts {
        for found in pack.calendar.find_dates(text, Some(year)) {
            months.insert(found.date.month());
        }
        let mut rest = text.as_str();
        let mut guard = 0;
        while let Some(period) = pack.calendar.first_period(rest, Some(year)) {
            guard += 1;
            if period.first_day.month() == period.last_day.month() {
                months.insert(period.first_day.month());
            }
            if period.range.end == 0 || period.range.end >= rest.len() || guard > 64 {
                break;
            }
            rest = &rest[period.range.end..];
        }
    }
    months.len()
}
