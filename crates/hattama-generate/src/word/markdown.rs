//! Markdown, as the generator writes it (pandoc's way: `#` headings, `**bold**`, `1.  ` lists,
//! `\` hard breaks, escapes, pipe tables), read with pulldown-cmark into Word blocks: so the text
//! Word shows is the text Markdown means, escapes resolved, lines of one paragraph joined.

use super::model::{Block, Label, Paragraph, Run, Style, Table};
use super::typed;
use pulldown_cmark::{Event, HeadingLevel, Options, Parser, Tag, TagEnd};

pub fn blocks(source: &str) -> Vec<Block> {
    let mut builder = Builder::new(source);
    let options = Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH;
    for (event, range) in Parser::new_ext(source, options).into_offset_iter() {
        builder.event(event, range.start);
    }
    builder.flush();
    builder.blocks
}

struct Builder<'s> {
    source: &'s str,
    blocks: Vec<Block>,
    paragraph: Option<Paragraph>,
    bold: usize,
    /// Whether each open list is numbered (else bulleted).
    lists: Vec<bool>,
    /// The label of the list item whose first paragraph has not started yet.
    item: Option<Label>,
    /// The table being read and its row being read.
    table: Option<(Table, Vec<Vec<Run>>)>,
    code: bool,
    /// A `#` heading has been the title already.
    titled: bool,
}

impl<'s> Builder<'s> {
    fn new(source: &'s str) -> Builder<'s> {
        Builder {
            source,
            blocks: Vec::new(),
            paragraph: None,
            bold: 0,
            lists: Vec::new(),
            item: None,
            table: None,
            code: false,
            titled: false,
        }
    }

    fn event(&mut self, event: Event<'_>, at: usize) {
        match event {
            Event::Start(tag) => self.start(tag, at),
            Event::End(tag) => self.end(tag),
            Event::Text(text) if self.code => {
                // Each line of a code block is a line of its own, as the parser reads it.
                for line in text.lines() {
                    self.open(Style::Normal).push(line, false);
                    self.flush();
                }
            }
            Event::Text(text) | Event::Code(text) | Event::Html(text) | Event::InlineHtml(text) => {
                self.text(&text)
            }
            Event::SoftBreak => self.text(" "),
            Event::HardBreak => self.text("\n"),
            _ => {}
        }
    }

    fn start(&mut self, tag: Tag<'_>, at: usize) {
        match tag {
            Tag::Heading { level, .. } => {
                self.flush();
                let style = match level {
                    HeadingLevel::H1 if !self.titled => {
                        self.titled = true;
                        Style::Title
                    }
                    level => Style::Heading(level as u8),
                };
                self.open(style);
            }
            Tag::Paragraph => {
                self.flush();
                self.open(Style::Normal);
            }
            Tag::List(first) => {
                self.flush();
                self.lists.push(first.is_some());
            }
            Tag::Item => {
                self.flush();
                let ordered = self.lists.last().copied().unwrap_or(false);
                self.item = Some(match self.marker(at) {
                    Some((number, delimiter)) if ordered => Label::Number {
                        parts: vec![number],
                        delimiter,
                    },
                    _ => Label::Bullet,
                });
            }
            Tag::Strong => self.bold += 1,
            Tag::Table(_) => {
                self.flush();
                self.table = Some((Table::default(), Vec::new()));
            }
            Tag::TableCell if self.table.is_some() => {
                self.paragraph = Some(Paragraph::new(Style::Normal));
            }
            Tag::CodeBlock(_) => {
                self.flush();
                self.code = true;
            }
            Tag::BlockQuote(_) | Tag::HtmlBlock => self.flush(),
            _ => {}
        }
    }

    fn end(&mut self, tag: TagEnd) {
        match tag {
            TagEnd::Heading(_) | TagEnd::Paragraph | TagEnd::Item | TagEnd::BlockQuote(_) => {
                self.flush()
            }
            TagEnd::List(_) => {
                self.flush();
                self.lists.pop();
            }
            TagEnd::Strong => self.bold = self.bold.saturating_sub(1),
            TagEnd::TableCell => {
                let cell = self.paragraph.take().map(|p| p.runs).unwrap_or_default();
                if let Some((_, row)) = &mut self.table {
                    row.push(cell);
                }
            }
            TagEnd::TableHead | TagEnd::TableRow => {
                if let Some((table, row)) = &mut self.table {
                    table.rows.push(std::mem::take(row));
                }
            }
            TagEnd::Table => {
                if let Some((table, _)) = self.table.take() {
                    self.blocks.push(Block::Table(table));
                }
            }
            TagEnd::CodeBlock => self.code = false,
            _ => {}
        }
    }

    /// The number typed in the marker of the list item that starts at `at`, and what follows
    /// it (`.` or `)`). Markdown numbers a list's items on from its first, whatever they say;
    /// Word shows what the secretary typed, which the writer keeps.
    fn marker(&self, at: usize) -> Option<(u32, char)> {
        let marker = self.source.get(at..)?.trim_start();
        let digits = marker.bytes().take_while(u8::is_ascii_digit).count();
        let number = marker[..digits].parse().ok()?;
        match marker[digits..].chars().next()? {
            delimiter @ ('.' | ')') => Some((number, delimiter)),
            _ => None,
        }
    }

    fn text(&mut self, text: &str) {
        let bold = self.bold > 0;
        // The text of a tight list item comes without a paragraph around it.
        if self.paragraph.is_none() {
            self.open(Style::Normal);
        }
        if let Some(paragraph) = &mut self.paragraph {
            paragraph.push(text, bold);
        }
    }

    fn open(&mut self, style: Style) -> &mut Paragraph {
        let mut paragraph = Paragraph::new(style);
        if style == Style::Normal {
            paragraph.label = self.item.take();
        }
        self.paragraph.insert(paragraph)
    }

    /// Ends the paragraph being read. Outside tables only: a cell ends with its cell.
    fn flush(&mut self) {
        if self.table.is_some() {
            return;
        }
        let Some(mut paragraph) = self.paragraph.take() else {
            return;
        };
        if paragraph.is_empty() {
            // An empty item keeps its label for the paragraph that follows inside it.
            if paragraph.label.is_some() && self.item.is_none() {
                self.item = paragraph.label;
            }
            return;
        }
        if paragraph.label.is_none() && paragraph.style == Style::Normal {
            number_typed(&mut paragraph);
        }
        self.blocks.push(Block::Paragraph(paragraph));
    }
}

/// A paragraph that starts with a typed `2.1.` gets it as Word numbering. Only numbers of two
/// or more parts: one like `5.` at the start of a Markdown paragraph was escaped (`5\.`), which
/// says it is not a list item.
fn number_typed(paragraph: &mut Paragraph) {
    let Some(first) = paragraph.runs.first_mut().filter(|run| !run.bold) else {
        return;
    };
    let Some((label, at)) = typed::label(&first.text) else {
        return;
    };
    if !matches!(&label, Label::Number { parts, .. } if parts.len() > 1) {
        return;
    }
    first.text.replace_range(..at, "");
    if first.text.is_empty() {
        paragraph.runs.remove(0);
    }
    paragraph.label = Some(label);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn paragraph(block: &Block) -> (&Style, Option<&Label>, Vec<(&str, bool)>) {
        let Block::Paragraph(p) = block else {
            panic!("not a paragraph: {block:?}");
        };
        let runs = p.runs.iter().map(|r| (r.text.as_str(), r.bold)).collect();
        (&p.style, p.label.as_ref(), runs)
    }

    fn number(parts: &[u32]) -> Label {
        Label::Number {
            parts: parts.to_vec(),
            delimiter: '.',
        }
    }

    #[test]
    fn headings_bold_breaks_and_escapes() {
        let blocks = blocks(
            "# Состав\n\n## Члены\n\n# Второй\n\n**Секретарь:** Ким\\\nЕ.В.\n\nПредседатель \\_\\_\\_ Н. Муратбеков\n",
        );
        assert_eq!(blocks.len(), 5);
        assert_eq!(paragraph(&blocks[0]).0, &Style::Title);
        assert_eq!(paragraph(&blocks[1]).0, &Style::Heading(2));
        assert_eq!(paragraph(&blocks[2]).0, &Style::Heading(1));
        assert_eq!(
            paragraph(&blocks[3]).2,
            [("Секретарь:", true), (" Ким\nЕ.В.", false)]
        );
        assert_eq!(
            paragraph(&blocks[4]).2,
            [("Председатель ___ Н. Муратбеков", false)]
        );
    }

    #[test]
    fn lists_and_typed_numbers() {
        let blocks = blocks(
            "1.  Первый\\\n    Докладчик: Ким.\n2.  Второй\n\n1.1. Принять.\n\n**1. СЛУШАЛИ:**\n\n-   н/л А.\n\n3) x\n\n5. y\n\n1. СЛУШАЛИ: Ким\n",
        );
        let (_, label, runs) = paragraph(&blocks[0]);
        assert_eq!(label, Some(&number(&[1])));
        assert_eq!(runs, [("Первый\nДокладчик: Ким.", false)]);
        assert_eq!(paragraph(&blocks[1]).1, Some(&number(&[2])));
        let (_, label, runs) = paragraph(&blocks[2]);
        assert_eq!(label, Some(&number(&[1, 1])));
        assert_eq!(runs, [("Принять.", false)]);
        assert_eq!(paragraph(&blocks[3]).1, None);
        assert_eq!(paragraph(&blocks[4]).1, Some(&Label::Bullet));
        let parenthesised = Label::Number {
            parts: vec![3],
            delimiter: ')',
        };
        assert_eq!(paragraph(&blocks[5]).1, Some(&parenthesised));
        assert_eq!(paragraph(&blocks[6]).1, Some(&number(&[5])));
        // Markdown makes this item 6 of the list that starts at 5; Word shows the 1 typed.
        assert_eq!(paragraph(&blocks[7]).1, Some(&number(&[1])));
    }

    #[test]
    fn pipe_tables() {
        let blocks = blocks("| № | **ФИО** |\n|---|---|\n| 1 | a\\|b |\n");
        let Block::Table(table) = &blocks[0] else {
            panic!("{blocks:?}");
        };
        let texts: Vec<Vec<String>> = table
            .rows
            .iter()
            .map(|row| {
                row.iter()
                    .map(|cell| cell.iter().map(|r| r.text.as_str()).collect())
                    .collect()
            })
            .collect();
        assert_eq!(texts, [["№", "ФИО"], ["1", "a|b"]]);
        assert!(table.rows[0][1][0].bold);
    }
}
