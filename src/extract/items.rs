//! Decisions and measures: numbered entries of the sections an item type names, and rows of
//! tables whose header names the pack's columns; each with its responsible, deadline and the
//! other fields the pack defines.

use super::deadline;
use super::value::{Extracted, Value, first_integer};
use super::{Extraction, Item};
use crate::pack::schema::FieldType;
use crate::pack::{ItemField, ItemType, LazyRegex, Pack};
use crate::parse::{Document, Line, Row};
use std::collections::{BTreeMap, BTreeSet};
use std::ops::Range;

/// A table is a table of items when its header names at least this many known columns.
const MIN_KNOWN_COLUMNS: usize = 2;

pub fn extract(
    document: &Document,
    pack: &Pack,
    extraction: &Extraction,
    applies: &dyn Fn(&[String]) -> bool,
    default_year: Option<i32>,
) -> Vec<Item> {
    let question_starts: BTreeSet<usize> =
        extraction.questions.iter().map(|q| q.lines.start).collect();
    let mut items = Vec::new();
    for (type_index, item_type) in pack.items.iter().enumerate() {
        if !applies(&item_type.kinds) {
            continue;
        }
        let context = Context {
            document,
            pack,
            extraction,
            item_type,
            type_index,
            default_year,
        };
        for hit in &extraction.sections {
            if item_type.sections.contains(&hit.section) {
                context.numbered(
                    hit.lines.clone(),
                    hit.content_from,
                    &question_starts,
                    &mut items,
                );
            }
        }
        if item_type.table_rows {
            context.table_rows(&mut items);
        }
    }
    items.sort_by_key(|item| item.lines.start);
    items
}

struct Context<'a> {
    document: &'a Document,
    pack: &'a Pack,
    extraction: &'a Extraction,
    item_type: &'a ItemType,
    type_index: usize,
    default_year: Option<i32>,
}

/// `1.`, `1)`, `2.3`, `2.3.` at the start of a line: the number, if any.
pub fn leading_number(text: &str) -> Option<String> {
    let text = text.trim_start();
    let mut parts = Vec::new();
    let mut rest = text;
    loop {
        let digits = rest.chars().take_while(|c| c.is_ascii_digit()).count();
        if digits == 0 || digits > 3 {
            break;
        }
        parts.push(&rest[..digits]);
        rest = &rest[digits..];
        if let Some(after) = rest.strip_prefix('.')
            && after.starts_with(|c: char| c.is_ascii_digit())
        {
            rest = after;
            continue;
        }
        break;
    }
    if parts.is_empty() {
        return letter_label(rest);
    }
    // A date such as 12.03.2026 at the start of a line is not a number.
    if rest
        .strip_prefix('.')
        .is_some_and(|after| after.starts_with(|c: char| c.is_ascii_digit()))
    {
        return None;
    }
    let closed = rest.starts_with(['.', ')']);
    let spaced = rest.starts_with(char::is_whitespace);
    (closed || (parts.len() > 1 && spaced)).then(|| parts.join("."))
}

/// "а)", "б)", "a)" at the start of a line: lettered items as Word numbers sub-decisions.
fn letter_label(text: &str) -> Option<String> {
    let mut chars = text.chars();
    let letter = chars
        .next()
        .filter(|c| c.is_alphabetic() && c.is_lowercase())?;
    (chars.next() == Some(')') && chars.next().is_some_and(char::is_whitespace))
        .then(|| letter.to_string())
}

fn number_of(line: &Line) -> Option<String> {
    line.style
        .list_number
        .clone()
        .or_else(|| leading_number(line.text()))
        .or_else(|| line.style.list_item.then(String::new))
}

impl Context<'_> {
    fn numbered(
        &self,
        lines: Range<usize>,
        content_from: usize,
        question_starts: &BTreeSet<usize>,
        out: &mut Vec<Item>,
    ) {
        let heading = lines.start;
        let heading_has_text = self.document.lines[heading].text().len() > content_from;
        let mut entries: Vec<(Option<String>, Range<usize>)> = Vec::new();
        let mut preamble: Option<Range<usize>> = heading_has_text.then(|| heading..heading + 1);
        for index in lines.start + 1..lines.end {
            if question_starts.contains(&index) {
                break;
            }
            let line = &self.document.lines[index];
            if line.row.is_some() {
                continue;
            }
            match number_of(line) {
                Some(number) => {
                    entries.push((Some(number).filter(|n| !n.is_empty()), index..index + 1))
                }
                None => match entries.last_mut() {
                    Some((_, range)) => range.end = index + 1,
                    None => {
                        let range = preamble.get_or_insert(index..index + 1);
                        range.end = index + 1;
                    }
                },
            }
        }
        // Text before the first numbered entry is a decision only when nothing is numbered,
        // and when the section holds no table (whose rows are the decisions).
        let has_table =
            (lines.start..lines.end).any(|index| self.document.lines[index].row.is_some());
        if entries.is_empty()
            && !has_table
            && let Some(range) = preamble
        {
            entries.push((None, range));
        }
        for (number, range) in entries {
            let texts: Vec<&str> = self.document.lines[range.clone()]
                .iter()
                .enumerate()
                .map(|(offset, line)| {
                    if offset == 0 && range.start == heading {
                        &line.text()[content_from.min(line.text().len())..]
                    } else {
                        line.text()
                    }
                })
                .collect();
            let fields = self
                .item_type
                .fields
                .iter()
                .map(|field| {
                    self.field_from_patterns(field, &range, range.start == heading, content_from)
                })
                .collect();
            let (mut joined, _) = self.document.text_of(range.clone());
            if range.start == heading {
                let first = self.document.lines[heading].text().len();
                joined = joined.get(content_from.min(first)..).unwrap_or_default();
            }
            out.push(self.item(number, range, (joined, &texts), fields));
        }
    }

    fn item(
        &self,
        number: Option<String>,
        lines: Range<usize>,
        (joined, texts): (&str, &[&str]),
        fields: Vec<Option<Extracted>>,
    ) -> Item {
        // An item of several lines is searched whole first: most classes match none of them,
        // and one search of the joined text tells that where one per line would read them all.
        let in_some_line = |regex: &LazyRegex| {
            (texts.len() < 2 || regex.may_match_a_line_of(joined))
                && texts.iter().any(|t| regex.is_match(t))
        };
        let classes = self
            .item_type
            .classes
            .iter()
            .filter(|(_, regex)| in_some_line(regex))
            .map(|(name, _)| name.clone())
            .collect();
        let question = self
            .extraction
            .questions
            .iter()
            .position(|q| q.lines.contains(&lines.start));
        let first_line = &self.document.lines[lines.start];
        Item {
            item_type: self.type_index,
            // A numbered item is named by its number: its text is read only for one without.
            label: match number.as_deref() {
                Some(number) => number.to_string(),
                None => unnumbered_label(&self.document.display(first_line.span.clone())),
            },
            number,
            span: lead_span(first_line),
            lines,
            classes,
            fields,
            question,
        }
    }

    fn field_from_patterns(
        &self,
        field: &ItemField,
        lines: &Range<usize>,
        skip_heading: bool,
        content_from: usize,
    ) -> Option<Extracted> {
        let (text, base) = self.document.text_of(lines.clone());
        let first_line = self.document.lines[lines.start].text().len();
        let from = if skip_heading {
            content_from.min(first_line)
        } else {
            0
        };
        for pattern in &field.patterns {
            for captures in pattern.captures_iter(&text[from..]) {
                let Some(chosen) = captures.name("value").or_else(|| captures.get(0)) else {
                    continue;
                };
                let at = base + from + chosen.start();
                let span = self.document.source_range(at..at + chosen.len());
                if let Some(value) = self.value(field, chosen.as_str(), span.clone()) {
                    return Some(Extracted { value, span });
                }
            }
        }
        None
    }

    fn value(&self, field: &ItemField, folded: &str, span: Range<usize>) -> Option<Value> {
        let trimmed = folded
            .trim()
            .trim_matches(|c: char| c == '-' || c == '.' || c == ',' || c.is_whitespace());
        if trimmed.is_empty() {
            return None;
        }
        Some(match field.field_type {
            FieldType::Deadline => Value::Deadline(deadline::classify(
                trimmed,
                &field.deadline,
                &self.pack.calendar,
                self.default_year,
            )),
            FieldType::Date => Value::Date(
                self.pack
                    .calendar
                    .first_date(trimmed, self.default_year)?
                    .date,
            ),
            FieldType::Integer | FieldType::Count => Value::Integer(first_integer(trimmed)?),
            FieldType::Text | FieldType::Months => Value::Text(self.document.display(span)),
        })
    }

    fn table_rows(&self, out: &mut Vec<Item>) {
        // Decisions come from tables inside their sections only; measures from any table.
        let inside = |index: usize| {
            self.item_type.sections.is_empty()
                || self.extraction.sections.iter().any(|hit| {
                    self.item_type.sections.contains(&hit.section) && hit.lines.contains(&index)
                })
        };
        let mut tables: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
        for (index, line) in self.document.lines.iter().enumerate() {
            if !inside(index) {
                continue;
            }
            if let Some(row) = &line.row {
                tables.entry(row.table).or_default().push(index);
            }
        }
        for rows in tables.values() {
            let Some((&header_index, body)) = rows.split_first() else {
                continue;
            };
            let Some(header) = &self.document.lines[header_index].row else {
                continue;
            };
            let columns = self.column_map(header);
            if columns.len() < MIN_KNOWN_COLUMNS {
                continue;
            }
            for &index in body {
                let line = &self.document.lines[index];
                let Some(row) = &line.row else {
                    continue;
                };
                if is_divider_row(row) {
                    continue;
                }
                let fields = self
                    .item_type
                    .fields
                    .iter()
                    .map(|field| self.field_from_row(field, row, &columns, index))
                    .collect();
                let number = row.cells.first().and_then(|c| {
                    leading_number(&format!("{}.", c.folded.text.trim().trim_end_matches('.')))
                });
                out.push(self.item(
                    number,
                    index..index + 1,
                    (line.text(), &[line.text()]),
                    fields,
                ));
            }
        }
    }

    /// Pack column index → cell index, from the header row.
    fn column_map(&self, header: &Row) -> BTreeMap<usize, usize> {
        let mut map = BTreeMap::new();
        for (cell_index, cell) in header.cells.iter().enumerate() {
            if let Some(column) = self
                .pack
                .columns
                .iter()
                .position(|c| c.header.is_match(&cell.folded.text))
            {
                map.entry(column).or_insert(cell_index);
            }
        }
        map
    }

    fn field_from_row(
        &self,
        field: &ItemField,
        row: &Row,
        columns: &BTreeMap<usize, usize>,
        line: usize,
    ) -> Option<Extracted> {
        if let Some(column) = field.column
            && let Some(&cell_index) = columns.get(&column)
        {
            let cell = row.cells.get(cell_index)?;
            let value = self.value(field, &cell.folded.text, cell.span.clone())?;
            return Some(Extracted {
                value,
                span: cell.span.clone(),
            });
        }
        self.field_from_patterns(field, &(line..line + 1), false, 0)
    }
}

/// Words of an unnumbered item's text that name it in a message.
const LABEL_WORDS: usize = 6;

/// An unnumbered item's first words in quotes: "Decision «Усилить профилактическую работу
/// среди подростков» sets no deadline" names a decision nobody numbered.
fn unnumbered_label(first_line: &str) -> String {
    let words: Vec<&str> = first_line
        .split_whitespace()
        .skip_while(|w| !w.chars().any(char::is_alphabetic) || w.ends_with(')') && w.len() <= 3)
        .collect();
    let shown = words[..words.len().min(LABEL_WORDS)]
        .join(" ")
        .trim_end_matches([',', ';', ':', '.'])
        .to_string();
    let more = if words.len() > LABEL_WORDS { "…" } else { "" };
    format!("«{shown}{more}»")
}

/// Where an item's findings point: its number ("2.2.") or, unnumbered, its first word.
fn lead_span(line: &Line) -> Range<usize> {
    let text = line.text();
    let start = text.len() - text.trim_start().len();
    let rest = &text[start..];
    let end = rest
        .find(char::is_whitespace)
        .map_or(text.len(), |at| start + at);
    let span = line.folded.source_range(start..end);
    if span.is_empty() {
        line.span.clone()
    } else {
        span
    }
}

/// Section titles spanning the table ("Раздел II. Профилактика…") and rows that only number the
/// columns ("1 | 2 | 3 | 4") are not measures.
fn is_divider_row(row: &Row) -> bool {
    let filled: Vec<&str> = row
        .cells
        .iter()
        .map(|c| c.folded.text.trim())
        .filter(|t| !t.is_empty())
        .collect();
    if filled.len() <= 1 {
        return true;
    }
    if filled.iter().all(|t| *t == filled[0]) {
        return true;
    }
    filled
        .iter()
        .all(|t| t.chars().all(|c| c.is_ascii_digit() || c == '.'))
}

#[cfg(test)]
mod tests {
    use super::leading_number;

    #[test]
    fn numbers_at_line_start() {
        assert_eq!(leading_number("1. Текст").as_deref(), Some("1"));
        assert_eq!(leading_number("1.1. Текст").as_deref(), Some("1.1"));
        assert_eq!(leading_number("2.3 Текст").as_deref(), Some("2.3"));
        assert_eq!(leading_number("3) Текст").as_deref(), Some("3"));
        assert_eq!(leading_number("10 марта").as_deref(), None);
        assert_eq!(leading_number("2026 год").as_deref(), None);
        assert_eq!(leading_number("12.03.2026 г.").as_deref(), None);
        assert_eq!(leading_number("Текст"), None);
        assert_eq!(leading_number("а) отделу").as_deref(), Some("а"));
        assert_eq!(leading_number("2.1) Текст").as_deref(), Some("2.1"));
        assert_eq!(leading_number("в)отделу"), None);
    }
}
