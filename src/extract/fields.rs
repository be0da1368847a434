//! Header fields (number, date, chair, attendance…): front matter first, then the pack's
//! patterns in the field's region of the document.

use super::deadline;
use super::value::{Extracted, Value, first_integer};
use super::{Extraction, SectionHit};
use crate::pack::schema::FieldType;
use crate::pack::{Field, FieldPattern, Pack, Region};
use crate::parse::Document;
use crate::parse::normalize::fold;
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
    // Front matter wins: all of it is taken before any pattern can fill a field.
    let mut default_year = None;
    for &index in &order {
        let field = &pack.fields[index];
        if applies(&field.kinds) {
            extraction.fields[index] = from_front_matter(document, field, pack, default_year);
            if Some(index) == pack.date_field {
                default_year = year_of(&extraction.fields[index]);
            }
        }
    }
    for &index in &order {
        let field = &pack.fields[index];
        if !applies(&field.kinds) || extraction.fields[index].is_some() {
            continue;
        }
        let found = from_text(document, pack, extraction, index, default_year, applies);
        if Some(index) == pack.date_field {
            default_year = year_of(&found);
        }
        extraction.fields[index] = found;
    }
    if let Some(margins) = &document.margins {
        from_margins(
            document,
            margins,
            pack,
            extraction,
            &order,
            default_year,
            applies,
        );
    }
}

/// Fills the fields that allow it, and that the text left empty, from a Word document's page
/// headers and footers. What is found there is placed at the start of the body, as front
/// matter is: the margins have no line in the document.
fn from_margins(
    document: &Document,
    margins: &Document,
    pack: &Pack,
    extraction: &mut Extraction,
    order: &[usize],
    mut default_year: Option<i32>,
    applies: &dyn Fn(&[String]) -> bool,
) {
    // The margins have no sections; other fields' named groups found there are not taken.
    let mut scratch = Extraction {
        kind: extraction.kind,
        kind_signals: Vec::new(),
        date: None,
        fields: vec![None; pack.fields.len()],
        sections: Vec::new(),
        questions: Vec::new(),
        items: Vec::new(),
    };
    for &index in order {
        let field = &pack.fields[index];
        if !field.margins || !applies(&field.kinds) || extraction.fields[index].is_some() {
            continue;
        }
        let found =
            from_text(margins, pack, &mut scratch, index, default_year, applies).map(|found| {
                Extracted {
                    value: found.value,
                    span: document.body_start..document.body_start,
                }
            });
        if Some(index) == pack.date_field && found.is_some() {
            default_year = year_of(&found);
        }
        extraction.fields[index] = found;
    }
}

fn year_of(found: &Option<Extracted>) -> Option<i32> {
    found
        .as_ref()
        .and_then(|e| e.value.as_date())
        .map(|d| d.year())
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
        FieldType::Integer | FieldType::Count => Value::Integer(first_integer(text)?),
        FieldType::Date => {
            if let Ok(date) = chrono::NaiveDate::parse_from_str(text, "%Y-%m-%d") {
                Value::Date(date)
            } else {
                Value::Date(
                    pack.calendar
                        .first_date(&fold(text, 0).text, default_year)?
                        .date,
                )
            }
        }
        FieldType::Deadline => Value::Deadline(deadline::classify(
            &fold(text, 0).text,
            &field.deadline,
            &pack.calendar,
            default_year,
        )),
        FieldType::Months => {
            Value::Integer(months_named(pack, &[fold(text, 0).text], default_year) as i64)
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
    applies: &dyn Fn(&[String]) -> bool,
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
    let context = Context {
        document,
        pack,
        default_year,
        applies,
    };
    // Made only once a pattern has missed the lines: most fields are found there first.
    let pairs: std::cell::OnceCell<Vec<LabelledCell>> = std::cell::OnceCell::new();
    for pattern in &field.patterns {
        for range in &ranges {
            let (text, base) = document.text_of(range.clone());
            if let Some(found) = context.match_field(extraction, field, pattern, text, base) {
                return Some(found);
            }
        }
        let pairs = pairs.get_or_init(|| {
            ranges
                .iter()
                .flat_map(|range| labelled_cells(document, range.clone()))
                .collect()
        });
        for pair in pairs {
            if let Some(found) = context.match_cell(field, pattern, pair) {
                return Some(found);
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
/// What matching a field pattern needs besides the pattern and the line.
struct Context<'a> {
    document: &'a Document,
    pack: &'a Pack,
    default_year: Option<i32>,
    applies: &'a dyn Fn(&[String]) -> bool,
}

impl Context<'_> {
    fn match_field(
        &self,
        extraction: &mut Extraction,
        field: &Field,
        pattern: &FieldPattern,
        text: &str,
        base: usize,
    ) -> Option<Extracted> {
        // The first match that gives a value of the field's type wins.
        pattern
            .regex
            .captures_iter(text)
            .find_map(|captures| self.take_match(extraction, field, pattern, &captures, base))
    }

    /// A header table's cell read as "label: value" (see [`labelled_cells`]); only the value
    /// part may be taken.
    fn match_cell(
        &self,
        field: &Field,
        pattern: &FieldPattern,
        pair: &LabelledCell,
    ) -> Option<Extracted> {
        let captures = pattern.regex.captures(&pair.text)?;
        let chosen = captures.name("value").or_else(|| captures.get(0))?;
        if chosen.start() < pair.value_from {
            return None;
        }
        let local = chosen.start() - pair.value_from..chosen.end() - pair.value_from;
        let span = pair.cell.folded.source_range(local);
        let value = match &pattern.value {
            Some(serde_yaml_ng::Value::Number(n)) => Value::Integer(n.as_i64()?),
            Some(other) => Value::Other(other.clone()),
            None => {
                let text = match field.field_type {
                    FieldType::Text => self.document.display(span.clone()),
                    _ => chosen.as_str().to_string(),
                };
                typed(field, self.pack, &text, self.default_year)?
            }
        };
        Some(Extracted { value, span })
    }

    fn take_match(
        &self,
        extraction: &mut Extraction,
        field: &Field,
        pattern: &FieldPattern,
        captures: &crate::pack::Captures<'_>,
        base: usize,
    ) -> Option<Extracted> {
        let Context {
            document,
            pack,
            default_year,
            applies,
        } = *self;
        let whole = captures.get(0)?;
        let chosen = captures.name("value").unwrap_or(whole);
        let in_document = |range: std::ops::Range<usize>| {
            document.source_range(base + range.start..base + range.end)
        };
        let span = in_document(chosen.range());
        let value = match &pattern.value {
            Some(constant) => match constant {
                serde_yaml_ng::Value::Number(n) if n.as_i64().is_some() => {
                    Value::Integer(n.as_i64()?)
                }
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
            if other.id == field.id
                || extraction.fields[other_index].is_some()
                || !applies(&other.kinds)
            {
                continue;
            }
            if let Some(group) = captures.name(&other.id) {
                let other_span = in_document(group.range());
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
}

/// A table cell with the label it stands under, as the text "label: value".
struct LabelledCell<'a> {
    text: String,
    /// Where the value starts in `text`.
    value_from: usize,
    cell: &'a crate::parse::Cell,
}

/// The cells of header tables in `lines`, each with its label, so that header patterns written
/// for "Дата: 21.04.2026" read a table "Дата | Время | Место" over "21.04.2026 | 10:00 | …"
/// too: a small table's body cells under its header cells, and two-cell rows ("Место
/// проведения | с. Бадамша") as label and value.
fn labelled_cells(document: &Document, lines: Range<usize>) -> Vec<LabelledCell<'_>> {
    /// A table with more body rows than this is a list (members, measures), not a header.
    const MAX_HEADER_ROWS: usize = 2;
    let mut out = Vec::new();
    let lines = lines.start.min(document.lines.len())..lines.end.min(document.lines.len());
    let rows: Vec<&crate::parse::Row> = document.lines[lines]
        .iter()
        .filter_map(|line| line.row.as_ref())
        .collect();
    for (index, row) in rows.iter().enumerate() {
        if row.header {
            let body: Vec<&&crate::parse::Row> = rows[index + 1..]
                .iter()
                .take_while(|r| r.table == row.table && !r.header)
                .collect();
            if body.len() <= MAX_HEADER_ROWS {
                for body_row in body {
                    out.extend(
                        row.cells
                            .iter()
                            .zip(&body_row.cells)
                            .filter_map(|(label, cell)| labelled(label, cell)),
                    );
                }
            }
        }
        if let [label, value] = row.cells.as_slice() {
            out.extend(labelled(label, value));
        }
    }
    out
}

fn labelled<'a>(
    label: &crate::parse::Cell,
    cell: &'a crate::parse::Cell,
) -> Option<LabelledCell<'a>> {
    let label = label.folded.text.trim().trim_end_matches(':').trim();
    if label.is_empty() || cell.folded.text.trim().is_empty() {
        return None;
    }
    let prefix = format!("{label}: ");
    Some(LabelledCell {
        value_from: prefix.len(),
        text: prefix + &cell.folded.text,
        cell,
    })
}

/// How many entries a section lists: its list entries after the heading (else its lines), or,
/// when the heading line holds them all, its comma-separated parts.
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
        let after_heading: Vec<&crate::parse::Line> = (range.start + 1..range.end)
            .filter(|i| !hit_starts.contains(i))
            .filter_map(|i| document.lines.get(i))
            .collect();
        // A list counts its entries only: a closing line ("Всего членов комиссии – 11") is
        // not a member.
        let is_entry = |line: &&&crate::parse::Line| {
            line.style.list_item || crate::extract::leading_number(line.text()).is_some()
        };
        let entries = after_heading.iter().filter(is_entry).count();
        // A table of those present counts its body rows; the lines around it ("Кворум
        // имеется.") are no members.
        let rows = after_heading
            .iter()
            .filter(|line| line.row.as_ref().is_some_and(|row| !row.header))
            .count();
        let listed = if rows > 0 {
            rows
        } else if entries > 0 {
            entries
        } else {
            after_heading.len()
        };
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
    months_in(pack, texts, default_year).len()
}

/// The months (1–12) named in the texts.
pub fn months_in(pack: &Pack, texts: &[String], default_year: Option<i32>) -> BTreeSet<u32> {
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
    months
}
