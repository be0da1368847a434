//! The text `inspect` prints for what extraction read: on one line, in the reader's language,
//! with personal data masked.
//!
//! A value cut from its line can lose what shows it is personal: "Иванов Иван" alone is any
//! name, "Иванов Иван, 12.03.2011 г.р." is a child's. So masking runs over the whole document
//! once, and a value read from the text is shown with the characters masked *there*; the value
//! is then masked again on its own, for what only shows in it (an ИИН, a phone number).

use crate::extract::{Deadline, DeadlineKind, Extracted, Value};
use crate::lang::Lang;
use crate::parse::Document;
use crate::privacy::Masker;
use crate::report::labels::label;
use std::cell::Cell;
use std::ops::Range;

/// Shows values of one document.
pub struct Shown<'a> {
    document: &'a Document,
    masker: &'a Masker,
    lang: Lang,
    /// For each byte of the source: masked in context.
    masked: Vec<bool>,
    /// Something was masked in what was shown (the view then says so).
    pub any_masked: Cell<bool>,
}

impl<'a> Shown<'a> {
    pub fn new(document: &'a Document, masker: &'a Masker, lang: Lang) -> Shown<'a> {
        Shown {
            document,
            masker,
            lang,
            masked: masked_bytes(&document.source, masker),
            any_masked: Cell::new(false),
        }
    }

    /// A found value as text: a date as `30.04.2026`, a deadline with what kind it is, a text
    /// as written in the document.
    pub fn value(&self, found: &Extracted) -> String {
        match &found.value {
            Value::Text(text) => self.text(&found.span, text),
            Value::Integer(n) => n.to_string(),
            Value::Date(date) => date.format("%d.%m.%Y").to_string(),
            Value::Deadline(deadline) => self.deadline(&found.span, deadline),
            Value::Other(_) => self.mask(&one_line(&found.value.display())),
        }
    }

    /// A source span (a title line), masked in context, on one line.
    pub fn span(&self, span: &Range<usize>) -> String {
        self.text(span, "")
    }

    /// `до 30.04.2026 (дата)`, `30 сәуірге дейін (күні: 30.04.2026)`,
    /// `I квартал (период, последний день 31.03.2026)`, `постоянно (неконкретный)`.
    fn deadline(&self, span: &Range<usize>, deadline: &Deadline) -> String {
        // The deadline's own text is folded (lower case); the document's words read better.
        let text = self.text(span, &deadline.text);
        let kind = label(
            self.lang,
            match deadline.kind {
                DeadlineKind::Date => "deadline_date",
                DeadlineKind::Period => "deadline_period",
                DeadlineKind::Recurring => "deadline_recurring",
                DeadlineKind::Vague => "deadline_vague",
                DeadlineKind::Unclear => "deadline_unclear",
            },
        );
        match deadline.due.map(|d| d.format("%d.%m.%Y").to_string()) {
            // A date the text already shows is not repeated; one written in words is shown as
            // read, so a misread is seen.
            Some(due) if text.contains(&due) => format!("{text} ({kind})"),
            Some(due) if deadline.kind == DeadlineKind::Date => format!("{text} ({kind}: {due})"),
            Some(due) => format!(
                "{text} ({kind}, {} {due})",
                label(self.lang, "deadline_last_day")
            ),
            None => format!("{text} ({kind})"),
        }
    }

    /// The document's text at `span` when there is some (a value from front matter has an
    /// empty span), else `fallback`; masked, on one line.
    fn text(&self, span: &Range<usize>, fallback: &str) -> String {
        let source = &self.document.source;
        let inside = span.start < span.end
            && span.end <= source.len()
            && source.is_char_boundary(span.start)
            && source.is_char_boundary(span.end);
        if !inside {
            return self.mask(&one_line(fallback));
        }
        // Trimmed as `Document::display` trims (Markdown emphasis, escapes, table pipes), but
        // by the original characters, so a masked edge is kept.
        let raw = &source[span.clone()];
        let edge = |c: char| c.is_whitespace() || matches!(c, '*' | '_' | '#' | '|');
        let start = raw.len() - raw.trim_start_matches(edge).len();
        let end = raw.trim_end_matches(edge).len().max(start);
        let mut text = String::new();
        for (at, c) in raw[start..end].char_indices() {
            if self.masked[span.start + start + at] {
                text.push('*');
                self.any_masked.set(true);
            } else if c != '\\' {
                text.push(c);
            }
        }
        self.mask(&one_line(&text))
    }

    fn mask(&self, text: &str) -> String {
        let masked = self.masker.mask(text);
        if masked != text {
            self.any_masked.set(true);
        }
        masked
    }
}

/// Which bytes of `source` masking hides. Masking keeps the number of characters, so the
/// masked text lines up with the source character by character.
fn masked_bytes(source: &str, masker: &Masker) -> Vec<bool> {
    let masked = masker.mask(source);
    let mut flags = vec![false; source.len()];
    for ((at, original), shown) in source.char_indices().zip(masked.chars()) {
        if shown == '*' && original != '*' {
            flags[at..at + original.len_utf8()].fill(true);
        }
    }
    flags
}

/// White space (tabs, line breaks, runs of spaces) as single spaces: the view lays out its
/// own columns, and a tab or a line break inside a value would break them.
pub fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tabs_and_line_breaks_become_single_spaces() {
        assert_eq!(
            one_line("Председатель\t\t_____\tБ. Ермекова\n"),
            "Председатель _____ Б. Ермекова"
        );
    }

    #[test]
    fn masked_bytes_follow_the_characters() {
        let masker = Masker::new(&[]).unwrap();
        let source = "ИИН 030412650017 – А";
        let flags = masked_bytes(source, &masker);
        let digits = source.find('0').unwrap();
        assert!(flags[digits..digits + 12].iter().all(|f| *f));
        assert!(!flags[..digits].iter().any(|f| *f));
        assert!(!flags[digits + 12..].iter().any(|f| *f));
    }
}
