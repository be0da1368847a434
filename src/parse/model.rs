//! The document model every later stage works on: the document as a sequence of lines of text,
//! each with its source span, its folded form for matching and how it was set (heading, bold,
//! list item, table row).

use super::line_index::LineIndex;
use super::normalize::Folded;
use std::ops::Range;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Markdown,
    PlainText,
}

/// How a line was set in the document; Word exports signal structure only this way.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Style {
    /// Markdown heading level.
    pub heading: Option<u8>,
    /// The whole line is bold.
    pub bold: bool,
    /// All its letters are capitals (at least three of them).
    pub caps: bool,
    /// The number of the Markdown ordered-list item this line starts (its own number only).
    pub list_number: Option<String>,
    /// The line starts an item of a bulleted or numbered Markdown list.
    pub list_item: bool,
}

impl Style {
    /// Set apart from running text the way Word users mark a heading.
    pub fn looks_like_heading(&self) -> bool {
        self.heading.is_some() || self.bold || self.caps
    }
}

/// One cell of a table row.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cell {
    pub folded: Folded,
    pub span: Range<usize>,
}

/// A table row: which table it belongs to and whether it is the table's header.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    pub table: usize,
    pub header: bool,
    pub cells: Vec<Cell>,
}

/// One line of content (a paragraph line, a heading, a list item's line, or a table row).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Line {
    /// Lower-cased, spelling-folded text to match patterns against (table cells joined by ` | `).
    pub folded: Folded,
    /// Where the line's text stands in the source.
    pub span: Range<usize>,
    pub style: Style,
    pub row: Option<Row>,
}

impl Line {
    pub fn text(&self) -> &str {
        &self.folded.text
    }
}

/// A parsed document: its source, its lines, and what locates them.
#[derive(Debug, Clone)]
pub struct Document {
    pub path: String,
    pub source: String,
    pub format: Format,
    /// Where the body starts (after front matter).
    pub body_start: usize,
    pub front_matter: Option<serde_yaml_ng::Mapping>,
    pub lines: Vec<Line>,
    pub index: LineIndex,
    /// Every line's folded text joined by `\n`: patterns search a run of lines in one call.
    pub text: String,
    /// Where each line starts in `text`.
    pub line_starts: Vec<usize>,
    /// For a Word document: the paragraph each source line came from (see `read::SourceText`).
    pub paragraphs: Option<Vec<u32>>,
    /// For a Word document: its page headers and footers, parsed as plain text of their own.
    pub margins: Option<Box<Document>>,
}

impl Document {
    /// Joins the lines' folded texts; called once when the document is built.
    pub fn join_lines(lines: &[Line]) -> (String, Vec<usize>) {
        let mut text = String::with_capacity(lines.iter().map(|l| l.text().len() + 1).sum());
        let mut starts = Vec::with_capacity(lines.len());
        for line in lines {
            starts.push(text.len());
            text.push_str(line.text());
            text.push('\n');
        }
        (text, starts)
    }

    /// The folded text of `lines` (a run of line indices), and where it starts in `text`.
    pub fn text_of(&self, lines: Range<usize>) -> (&str, usize) {
        let start = self
            .line_starts
            .get(lines.start)
            .copied()
            .unwrap_or(self.text.len());
        let end = self
            .line_starts
            .get(lines.end)
            .copied()
            .unwrap_or(self.text.len())
            .max(start);
        (&self.text[start..end], start)
    }

    /// The lines of `lines` (a run of line indices) that a search of each line alone may find a
    /// match in, in order, given `find_at(text, from)`: the start of the first match in `text`
    /// at or after `from`. One search of the lines' joined text goes from one such line to the
    /// next, where a search per line would read them all. A match of the joined text lies in
    /// one line or runs across several; either way the search goes on from the next line's
    /// start, so a line's own match is never passed over. The pattern must not look for the
    /// very start or end of the text (`\A`, `\z`), which a line alone has and the joined text
    /// does not.
    pub fn lines_to_search(
        &self,
        lines: Range<usize>,
        find_at: impl Fn(&str, usize) -> Option<usize>,
    ) -> Vec<usize> {
        let (joined, base) = self.text_of(lines.clone());
        let mut found = Vec::new();
        let mut from = 0;
        while from <= joined.len() {
            let Some(start) = find_at(joined, from) else {
                break;
            };
            let line = self.line_at(base + start).max(lines.start);
            // An empty match just past the last line's break belongs to the line after it.
            if line >= lines.end {
                break;
            }
            found.push(line);
            match self.line_starts.get(line + 1) {
                Some(&next) if line + 1 < lines.end => from = next - base,
                _ => break,
            }
        }
        found
    }

    /// The line that holds byte `offset` of `text`.
    pub fn line_at(&self, offset: usize) -> usize {
        match self.line_starts.binary_search(&offset) {
            Ok(line) => line,
            Err(next) => next.saturating_sub(1),
        }
    }

    /// Maps a range of `text` to the source; a range running past its line's end is cut there.
    pub fn source_range(&self, range: Range<usize>) -> Range<usize> {
        let line_index = self.line_at(range.start);
        let Some(line) = self.lines.get(line_index) else {
            return self.source.len()..self.source.len();
        };
        let base = self.line_starts[line_index];
        let local_end = (range.end.max(range.start) - base).min(line.text().len());
        line.folded.source_range(range.start - base..local_end)
    }

    /// The source text of `range` with Markdown emphasis and escapes trimmed, for messages.
    pub fn display(&self, range: Range<usize>) -> String {
        let start = super::line_index::floor_char_boundary(&self.source, range.start);
        let end = super::line_index::floor_char_boundary(&self.source, range.end).max(start);
        self.source[start..end]
            .replace('\\', "")
            .trim_matches(|c: char| c.is_whitespace() || matches!(c, '*' | '_' | '#' | '|'))
            .to_string()
    }

    /// The 0-based source line holding byte `offset`.
    pub fn source_line_of(&self, offset: usize) -> usize {
        self.index.line_of(offset)
    }
}
