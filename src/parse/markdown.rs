//! Markdown (as pandoc writes it from Word) into lines, with pulldown-cmark.

use super::model::{Cell, Line, Row, Style};
use super::normalize::Folder;
use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};
use std::ops::Range;

pub fn lines(source: &str, body_start: usize) -> Vec<Line> {
    let body = &source[body_start..];
    let mut builder = Builder::new(source);
    let options = Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH;
    for (event, range) in Parser::new_ext(body, options).into_offset_iter() {
        let range = range.start + body_start..range.end + body_start;
        builder.event(event, range);
    }
    builder.flush_line();
    builder.lines
}

/// The line being assembled from inline events.
#[derive(Default)]
struct Pending {
    folder: Option<Folder>,
    span: Option<Range<usize>>,
    plain_text: bool,
    bold_text: bool,
    /// Capitals counted up to the first lower-case letter, which alone rules capitals out.
    upper: usize,
    lower_seen: bool,
    /// Characters on the current source line, and its last non-space character.
    chars: usize,
    last: Option<char>,
}

struct Builder<'a> {
    source: &'a str,
    lines: Vec<Line>,
    pending: Pending,
    heading: Option<u8>,
    strong_depth: usize,
    /// Next number of each open list (None for bullet lists).
    lists: Vec<Option<u64>>,
    /// Number of the list item whose first line has not been emitted yet.
    item_number: Option<String>,
    /// A list item has started and its first line has not been emitted yet.
    item_start: bool,
    in_code_block: bool,
    /// A source line ended inside a paragraph; the next text decides whether it was a wrap.
    soft_break: bool,
    table: Option<TableState>,
    tables: usize,
}

struct TableState {
    index: usize,
    header: bool,
    cells: Vec<Cell>,
    cell: Option<(Folder, Option<Range<usize>>)>,
}

impl<'a> Builder<'a> {
    fn new(source: &'a str) -> Builder<'a> {
        Builder {
            source,
            lines: Vec::new(),
            pending: Pending::default(),
            heading: None,
            strong_depth: 0,
            lists: Vec::new(),
            item_number: None,
            item_start: false,
            in_code_block: false,
            soft_break: false,
            table: None,
            tables: 0,
        }
    }

    fn event(&mut self, event: Event<'_>, range: Range<usize>) {
        match event {
            Event::Start(tag) => self.start(tag),
            Event::End(tag) => self.end(tag),
            Event::Text(text) => {
                if self.in_code_block {
                    self.code_text(range);
                } else {
                    self.text(&text, range);
                }
            }
            Event::Code(text) => {
                // The event's range holds the backticks too. The content stands inside them as
                // written (unless the span breaks a line): mapped there character by character,
                // a match in it points at its own words, not at the whole span.
                let inner = self
                    .source
                    .get(range.clone())
                    .and_then(|written| written.find(&*text))
                    .map_or(range.clone(), |at| {
                        range.start + at..range.start + at + text.len()
                    });
                self.text(&text, inner);
            }
            Event::SoftBreak => self.soft_break = true,
            Event::HardBreak => self.flush_line(),
            _ => {}
        }
    }

    fn start(&mut self, tag: Tag<'_>) {
        match tag {
            Tag::Heading { level, .. } => {
                self.flush_line();
                self.heading = Some(level as u8);
            }
            Tag::Paragraph | Tag::BlockQuote(_) | Tag::HtmlBlock => self.flush_line(),
            Tag::CodeBlock(_) => {
                self.flush_line();
                self.in_code_block = true;
            }
            Tag::List(first) => {
                self.flush_line();
                self.lists.push(first);
            }
            Tag::Item => {
                self.flush_line();
                self.item_start = true;
                let own = self.lists.last_mut().and_then(|next| {
                    let number = *next;
                    if let Some(n) = next {
                        *n += 1;
                    }
                    number
                });
                self.item_number = own.map(|n| n.to_string());
            }
            Tag::Strong => self.strong_depth += 1,
            Tag::Table(_) => {
                self.flush_line();
                self.table = Some(TableState {
                    index: self.tables,
                    header: false,
                    cells: Vec::new(),
                    cell: None,
                });
                self.tables += 1;
            }
            Tag::TableHead => {
                if let Some(table) = &mut self.table {
                    table.header = true;
                    table.cells.clear();
                }
            }
            Tag::TableRow => {
                if let Some(table) = &mut self.table {
                    table.header = false;
                    table.cells.clear();
                }
            }
            Tag::TableCell => {
                if let Some(table) = &mut self.table {
                    table.cell = Some((Folder::new(0), None));
                }
            }
            _ => {}
        }
    }

    fn end(&mut self, tag: TagEnd) {
        match tag {
            TagEnd::Heading(_) => {
                self.flush_line();
                self.heading = None;
            }
            TagEnd::Paragraph | TagEnd::Item | TagEnd::BlockQuote(_) => self.flush_line(),
            TagEnd::CodeBlock => self.in_code_block = false,
            TagEnd::List(_) => {
                self.flush_line();
                self.lists.pop();
            }
            TagEnd::Strong => self.strong_depth = self.strong_depth.saturating_sub(1),
            TagEnd::TableCell => self.finish_cell(),
            TagEnd::TableHead | TagEnd::TableRow => self.finish_row(),
            TagEnd::Table => self.table = None,
            _ => {}
        }
    }

    fn text(&mut self, text: &str, range: Range<usize>) {
        let exact = self.source.get(range.clone()) == Some(text);
        if let Some(table) = &mut self.table
            && let Some((folder, span)) = &mut table.cell
        {
            push_piece(folder, text, &range, exact);
            *span = Some(extend(span.take(), &range));
            return;
        }
        if std::mem::take(&mut self.soft_break) {
            if self.is_new_line(text) {
                self.flush_line();
            } else if let Some(folder) = &mut self.pending.folder {
                folder.push_synthetic(" ", range.start..range.start);
                self.pending.chars = 0;
            }
        }
        if text.trim().is_empty() && self.pending.folder.is_none() {
            return;
        }
        let pending = &mut self.pending;
        let folder = pending
            .folder
            .get_or_insert_with(|| Folder::new(range.start));
        push_piece(folder, text, &range, exact);
        pending.span = Some(extend(pending.span.take(), &range));
        if !text.trim().is_empty() {
            if self.strong_depth > 0 {
                pending.bold_text = true;
            } else {
                pending.plain_text = true;
            }
        }
        if let Some(last) = text.chars().rev().find(|c| !c.is_whitespace()) {
            pending.last = Some(last);
        }
        pending.chars += text.chars().count();
        // A line in capitals has no lower-case letter: the first one settles it, and most
        // lines have one within a few characters.
        if !pending.lower_seen {
            for c in text.chars() {
                let (upper, lower) = letter_case(c);
                if lower {
                    pending.lower_seen = true;
                    break;
                }
                pending.upper += usize::from(upper);
            }
        }
    }

    /// Tells a line Word ended (one paragraph per line, as secretaries type and as Word saves)
    /// from a long paragraph that pandoc wrapped at about 72 columns.
    fn is_new_line(&self, next: &str) -> bool {
        const WRAP_WIDTH: usize = 60;
        let pending = &self.pending;
        let short = pending.chars < WRAP_WIDTH;
        let ended = matches!(pending.last, Some('.' | ':' | ';' | '!' | '?'));
        let numbered = next.trim_start().starts_with(|c: char| c.is_ascii_digit());
        short || ended || numbered
    }

    /// Code blocks keep their lines as they are in the source.
    fn code_text(&mut self, range: Range<usize>) {
        let Some(block) = self.source.get(range.clone()) else {
            return;
        };
        let mut offset = range.start;
        for raw in block.split_inclusive('\n') {
            let content = raw.trim_end_matches(['\n', '\r']);
            if !content.trim().is_empty() {
                self.text(content, offset..offset + content.len());
                self.flush_line();
            }
            offset += raw.len();
        }
    }

    fn flush_line(&mut self) {
        let pending = std::mem::take(&mut self.pending);
        let (Some(folder), Some(span)) = (pending.folder, pending.span) else {
            return;
        };
        let folded = folder.finish();
        if folded.text.trim().is_empty() {
            return;
        }
        let style = Style {
            heading: self.heading,
            bold: pending.bold_text && !pending.plain_text,
            caps: pending.upper >= 3 && !pending.lower_seen,
            list_number: self.item_number.take(),
            list_item: std::mem::take(&mut self.item_start),
        };
        self.lines.push(Line {
            folded,
            span,
            style,
            row: None,
        });
    }

    fn finish_cell(&mut self) {
        let Some(table) = &mut self.table else {
            return;
        };
        if let Some((folder, span)) = table.cell.take() {
            let folded = folder.finish();
            let span = span.unwrap_or(0..0);
            table.cells.push(Cell { folded, span });
        }
    }

    fn finish_row(&mut self) {
        let Some(table) = &mut self.table else {
            return;
        };
        let cells = std::mem::take(&mut table.cells);
        if cells.iter().all(|cell| cell.folded.text.trim().is_empty()) {
            return;
        }
        let mut joined = Folder::new(cells.first().map_or(0, |c| c.span.start));
        let mut span: Option<Range<usize>> = None;
        for (index, cell) in cells.iter().enumerate() {
            if index > 0 {
                joined.push_synthetic(" | ", cell.span.start..cell.span.start);
            }
            // The cell's own folding: its pieces keep their places, so a match in a cell with
            // markup or a code span still points at its words.
            joined.push_folded(&cell.folded);
            if !cell.span.is_empty() {
                span = Some(extend(span, &cell.span));
            }
        }
        let row = Row {
            table: table.index,
            header: table.header,
            cells,
        };
        self.lines.push(Line {
            folded: joined.finish(),
            span: span.unwrap_or(0..0),
            style: Style::default(),
            row: Some(row),
        });
    }
}

fn push_piece(folder: &mut Folder, text: &str, range: &Range<usize>, exact: bool) {
    if exact {
        folder.push(text, range.start);
    } else {
        folder.push_synthetic(text, range.clone());
    }
}

fn extend(span: Option<Range<usize>>, with: &Range<usize>) -> Range<usize> {
    match span {
        Some(span) => span.start.min(with.start)..span.end.max(with.end),
        None => with.clone(),
    }
}

/// Whether `c` is an upper-case letter and whether a lower-case one, as Unicode says; its
/// tables are asked only for letters outside ASCII and basic Cyrillic, which showed in profiles.
fn letter_case(c: char) -> (bool, bool) {
    match c {
        'A'..='Z' | 'А'..='Я' => (true, false),
        'a'..='z' | 'а'..='я' => (false, true),
        c if c.is_ascii() => (false, false),
        c => (c.is_uppercase(), c.is_lowercase()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(source: &str) -> Vec<String> {
        lines(source, 0)
            .into_iter()
            .map(|l| l.folded.text)
            .collect()
    }

    #[test]
    fn letter_case_is_unicodes() {
        for c in ('\u{0}'..='\u{052F}').chain(['Ё', 'ё', 'Ә', 'ә', 'İ', 'ß']) {
            assert_eq!(
                letter_case(c),
                (c.is_uppercase(), c.is_lowercase()),
                "{c:?}"
            );
        }
    }

    #[test]
    fn soft_breaks_split_paragraph_lines() {
        let source = "Секретарь: Омарова Г.\nПрисутствовали: 7 из 9\n";
        assert_eq!(
            texts(source),
            vec!["секретарь: омарова г.", "присутствовали: 7 из 9"]
        );
    }

    #[test]
    fn wrapped_paragraph_lines_join() {
        let source = "Отделу образования района обеспечить проведение диагностики учащихся\nна предмет суицидальных рисков до 30.04.2026.\n";
        let lines = lines(source, 0);
        assert_eq!(lines.len(), 1);
        assert!(lines[0].text().contains("учащихся на предмет"));
    }

    #[test]
    fn bold_and_caps_lines_are_marked() {
        let source = "**Повестка дня:**\n\nПОСТАНОВИЛИ:\n\nтекст **жирный**\n";
        let lines = lines(source, 0);
        assert!(lines[0].style.bold);
        assert!(lines[1].style.caps);
        assert!(!lines[2].style.bold);
        assert_eq!(&source[lines[0].span.clone()], "Повестка дня:");
    }

    /// Capitals are counted across a line's pieces (emphasis splits it), and one lower-case
    /// letter anywhere, in any piece, rules them out.
    #[test]
    fn a_line_is_in_capitals_only_without_a_lower_case_letter() {
        let caps = |source: &str| lines(source, 0)[0].style.caps;
        assert!(caps("ПРОТОКОЛ **№ 3** ЗАСЕДАНИЯ\n"));
        assert!(caps("**ПР**О\n"));
        assert!(!caps("ПРОТОКОЛ **заседания**\n"));
        assert!(!caps("ПРОТОКОЛ ЗАСЕДАНИЯ комиссии\n"));
        assert!(!caps("ПРОТОКОЛ **№ 3** ЗАСЕДАНИЯ и\n"));
        assert!(!caps("ПР **12** 3\n"));
    }

    #[test]
    fn words_in_a_code_span_map_to_themselves_not_to_the_span() {
        let source = "Шапка (`commission: КДН при акимате Темирского района`) ниже\n";
        let line = &lines(source, 0)[0];
        let at = line.folded.text.find("темирского").unwrap();
        let range = line.folded.source_range(at..at + "темирского".len());
        assert_eq!(&source[range], "Темирского");
    }

    #[test]
    fn words_in_a_table_cell_with_markup_map_to_themselves() {
        let source = "| a | b |\n|---|---|\n| `names/` | **Темир**: (`КДН при акимате Темирского района`) |\n";
        let line = &lines(source, 0)[1];
        let at = line.folded.text.find("темирского").unwrap();
        let range = line.folded.source_range(at..at + "темирского".len());
        assert_eq!(&source[range], "Темирского");
    }

    #[test]
    fn ordered_lists_keep_their_numbers() {
        let source = "3. Первый\n4. Второй\n";
        let lines = lines(source, 0);
        assert_eq!(lines[0].style.list_number.as_deref(), Some("3"));
        assert_eq!(lines[1].style.list_number.as_deref(), Some("4"));
    }

    #[test]
    fn pipe_tables_become_rows_with_cells() {
        let source = "| № | Мероприятие | Срок |\n|---|---|---|\n| 1 | Семинар | до 30.04.2026 |\n";
        let lines = lines(source, 0);
        assert_eq!(lines.len(), 2);
        let header = lines[0].row.as_ref().unwrap();
        assert!(header.header);
        let row = lines[1].row.as_ref().unwrap();
        assert!(!row.header);
        assert_eq!(&source[row.cells[2].span.clone()], "до 30.04.2026");
        assert_eq!(lines[1].text(), "1 | семинар | до 30.04.2026");
    }

    #[test]
    fn escapes_map_to_their_source() {
        let source = "1\\. СЛУШАЛИ:\n";
        let lines = lines(source, 0);
        assert_eq!(lines[0].text(), "1. слушали:");
        assert_eq!(lines[0].span, 0..source.len() - 1);
    }
}
