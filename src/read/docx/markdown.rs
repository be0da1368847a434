//! The blocks of a Word document written as Markdown, for the same parser as `.md` files: a
//! heading style becomes `#`, bold runs `**…**`, an automatic number its text (`1\.`, `2.1.`),
//! a bullet `- `, and a table a pipe table. Every line remembers which paragraph of the
//! document it came from, so findings can name the paragraph a user finds in Word.

use super::body::{Block, Paragraph, Run, Table};
use super::numbering::Label;

/// Markdown text and, for each of its lines, the paragraph (1-based: non-empty paragraphs and
/// table rows, in reading order) it came from; 0 for the blank lines between blocks.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Converted {
    pub text: String,
    pub paragraphs: Vec<u32>,
    /// The page headers and footers, a line per paragraph: not part of the text, but where
    /// some secretaries put the protocol's number and date.
    pub margins: String,
}

impl Converted {
    fn line(&mut self, text: &str, paragraph: u32) {
        self.text.push_str(text);
        self.text.push('\n');
        self.paragraphs.push(paragraph);
    }

    fn blank(&mut self) {
        if !self.text.is_empty() && !self.text.ends_with("\n\n") {
            self.line("", 0);
        }
    }
}

pub fn write(blocks: &[Block]) -> Converted {
    let mut out = Converted::default();
    let mut number = 0u32;
    // The last item of the ordered list the Markdown is in: its number and delimiter.
    let mut list: Option<(u32, char)> = None;
    for block in blocks {
        match block {
            Block::Paragraph(paragraph) => {
                let (lines, item) = paragraph_lines(paragraph, list);
                if lines.is_empty() {
                    continue;
                }
                list = item;
                number += 1;
                out.blank();
                for line in lines {
                    out.line(&line, number);
                }
            }
            Block::Table(table) => {
                if table.rows.is_empty() {
                    continue;
                }
                list = None;
                out.blank();
                write_table(table, &mut out, &mut number);
            }
        }
    }
    out
}

/// A label that can be a Markdown ordered list marker: `3.` or `3)`.
fn list_marker(label: &str) -> Option<(u32, char)> {
    let delimiter = label.chars().last().filter(|c| matches!(c, '.' | ')'))?;
    let digits = &label[..label.len() - 1];
    if digits.is_empty() || digits.len() > 9 || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    Some((digits.parse().ok()?, delimiter))
}

/// How a numbered paragraph's label is written: as a Markdown list item where the Markdown
/// parser will give it the same number (a new list, or the next item of the list before), the
/// way a `.md` file writes numbered questions; else as escaped text (`3\.`), which the
/// parser reads as typed numbering.
fn label_prefix(label: &Label, list: Option<(u32, char)>) -> (String, Option<(u32, char)>) {
    match label {
        Label::Bullet => ("- ".to_string(), None),
        Label::Number(text) => match list_marker(text) {
            Some((number, delimiter))
                if list.is_none_or(|(last, d)| d != delimiter || last + 1 == number) =>
            {
                (format!("{number}{delimiter} "), Some((number, delimiter)))
            }
            _ => (format!("{} ", escape_label(text)), None),
        },
    }
}

/// The paragraph's Markdown lines (several when it has line breaks; none when it is empty)
/// and, for a list item, its number and delimiter.
fn paragraph_lines(
    paragraph: &Paragraph,
    list: Option<(u32, char)>,
) -> (Vec<String>, Option<(u32, char)>) {
    let text = inline(&paragraph.runs);
    let lines: Vec<&str> = text
        .split('\n')
        .map(|l| l.trim())
        .filter(|l| !l.is_empty())
        .collect();
    if lines.is_empty() {
        return (Vec::new(), list);
    }
    if let Some(level) = paragraph.heading {
        let hashes = "#".repeat(usize::from(level.clamp(1, 6)));
        return (vec![format!("{hashes} {}", lines.join(" "))], None);
    }
    let (prefix, item) = match &paragraph.label {
        Some(label) => label_prefix(label, list),
        None => (String::new(), None),
    };
    let last = lines.len() - 1;
    let lines = lines
        .iter()
        .enumerate()
        .map(|(i, line)| {
            let head = if i == 0 { prefix.as_str() } else { "" };
            // A line break inside a paragraph is a Markdown hard break.
            let tail = if i < last { "\\" } else { "" };
            format!("{head}{}{tail}", escape_line_start(line))
        })
        .collect();
    (lines, item)
}

/// Runs as Markdown: bold runs between `**`, the spaces at their edges outside the marks
/// (CommonMark ignores `** text**`), every character Markdown would read as syntax escaped.
fn inline(runs: &[Run]) -> String {
    let mut out = String::new();
    for run in runs {
        let escaped = escape(&run.text);
        if !run.bold || run.text.trim().is_empty() {
            out.push_str(&escaped);
            continue;
        }
        let core = escaped.trim();
        let leading = &escaped[..escaped.len() - escaped.trim_start().len()];
        let trailing = &escaped[escaped.trim_end().len()..];
        // Each line of a bold run is bold on its own: `**` cannot span a hard break.
        let bolded: Vec<String> = core
            .split('\n')
            .map(|part| {
                let part = part.trim();
                if part.is_empty() {
                    String::new()
                } else {
                    format!("**{part}**")
                }
            })
            .collect();
        out.push_str(leading);
        out.push_str(&bolded.join("\n"));
        out.push_str(trailing);
    }
    out
}

/// Backslash before every character that could start Markdown syntax inside a line.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if matches!(
            c,
            '\\' | '*' | '_' | '`' | '[' | ']' | '<' | '>' | '#' | '|' | '~'
        ) {
            out.push('\\');
        }
        // Tabs and other control characters (a CR would end a Markdown line) as spaces; line
        // breaks stay, for the caller to make hard breaks of.
        out.push(if c.is_control() && c != '\n' { ' ' } else { c });
    }
    out
}

/// Typed text that Markdown would read as block syntax at the start of a line, escaped: a typed
/// `5. ` or `2) ` would become an item of the list before it and take that list's next number,
/// `- ` or `+ ` a bullet, and a line of `---` or `===` would make the line above a heading.
fn escape_line_start(line: &str) -> std::borrow::Cow<'_, str> {
    let digits = line.bytes().take_while(u8::is_ascii_digit).count();
    let after = &line[digits..];
    if (1..=9).contains(&digits)
        && (after.starts_with(". ") || after.starts_with(") ") || after == "." || after == ")")
    {
        return format!("{}\\{after}", &line[..digits]).into();
    }
    if line.starts_with(['-', '+', '=']) {
        return format!("\\{line}").into();
    }
    line.into()
}

/// A number like `1.` or `2)` would start a Markdown list and lose its text: escape its mark.
fn escape_label(label: &str) -> String {
    let escaped = escape(label);
    let digits = escaped.chars().take_while(char::is_ascii_digit).count();
    let rest = &escaped[digits..];
    if digits > 0 && (rest == "." || rest == ")") {
        format!("{}\\{rest}", &escaped[..digits])
    } else {
        escaped
    }
}

fn write_table(table: &Table, out: &mut Converted, number: &mut u32) {
    let columns = table.rows.iter().map(Vec::len).max().unwrap_or(0).max(1);
    let row_line = |cells: &[String]| {
        let mut line = String::from("|");
        for index in 0..columns {
            let cell = cells.get(index).map_or("", String::as_str);
            line.push(' ');
            line.push_str(&escape(cell.trim()));
            line.push_str(" |");
        }
        line
    };
    let mut rows = table.rows.iter();
    if table.header {
        *number += 1;
        let header = rows.next().map(Vec::as_slice).unwrap_or_default();
        out.line(&row_line(header), *number);
    } else {
        // Markdown tables need a header; a Word table without one gets an empty one, so its
        // first row still counts as a row (a member in an attendance list).
        out.line(&row_line(&[]), 0);
    }
    let separator = format!("|{}", " --- |".repeat(columns));
    out.line(&separator, 0);
    for row in rows {
        *number += 1;
        out.line(&row_line(row), *number);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn paragraph(label: Option<Label>, runs: &[(&str, bool)]) -> Block {
        Block::Paragraph(Paragraph {
            heading: None,
            label,
            runs: runs
                .iter()
                .map(|(text, bold)| Run {
                    text: (*text).into(),
                    bold: *bold,
                })
                .collect(),
        })
    }

    #[test]
    fn paragraphs_numbers_bold_and_breaks() {
        let converted = write(&[
            paragraph(None, &[("Повестка дня:", true)]),
            paragraph(None, &[]),
            paragraph(
                Some(Label::Number("1.".into())),
                &[
                    ("О работе ", false),
                    ("ПДН ", true),
                    ("\nДокладчик: Ким Е.В.", false),
                ],
            ),
            paragraph(Some(Label::Number("1.1.".into())), &[("___ *x*", false)]),
            paragraph(Some(Label::Bullet), &[("пункт", false)]),
        ]);
        assert_eq!(
            converted.text,
            "**Повестка дня:**\n\n1. О работе **ПДН**\\\nДокладчик: Ким Е.В.\n\n1.1. \\_\\_\\_ \\*x\\*\n\n- пункт\n"
        );
        assert_eq!(converted.paragraphs, [1, 0, 2, 2, 0, 3, 0, 4]);
    }

    #[test]
    fn typed_text_that_looks_like_block_syntax_stays_text() {
        let typed = |text: &str| paragraph(None, &[(text, false)]);
        let converted = write(&[
            paragraph(Some(Label::Number("1.".into())), &[("Первый", false)]),
            paragraph(Some(Label::Number("2.".into())), &[("Второй", false)]),
            typed("5. Пятый"),
            typed("1986. год"),
            typed("+ плюс\n- минус\n3) три"),
            typed("Слушали"),
            typed("-----"),
            typed("1.1. Принять к сведению"),
        ]);
        assert_eq!(
            converted.text,
            "1. Первый\n\n2. Второй\n\n5\\. Пятый\n\n1986\\. год\n\n\\+ плюс\\\n\\- минус\\\n3\\) три\n\nСлушали\n\n\\-----\n\n1.1. Принять к сведению\n"
        );
    }

    #[test]
    fn numbers_are_list_items_only_where_markdown_keeps_them() {
        let numbered = |label: &str| paragraph(Some(Label::Number(label.into())), &[("x", false)]);
        let converted = write(&[
            numbered("1."),
            numbered("2."),
            numbered("5."),
            numbered("2)"),
            numbered("а)"),
            numbered("7."),
        ]);
        assert_eq!(
            converted.text,
            "1. x\n\n2. x\n\n5\\. x\n\n2) x\n\nа) x\n\n7. x\n"
        );
    }

    #[test]
    fn tables_with_and_without_a_header() {
        let table = |header| {
            Block::Table(Table {
                rows: vec![
                    vec!["Иванов И.И.".into(), "председатель".into()],
                    vec!["a|b".into()],
                ],
                header,
            })
        };
        let with = write(&[table(true)]);
        assert_eq!(
            with.text,
            "| Иванов И.И. | председатель |\n| --- | --- |\n| a\\|b |  |\n"
        );
        assert_eq!(with.paragraphs, [1, 0, 2]);
        let without = write(&[table(false)]);
        assert!(
            without
                .text
                .starts_with("|  |  |\n| --- | --- |\n| Иванов И.И. |")
        );
        assert_eq!(without.paragraphs, [0, 0, 1, 2]);
    }
}
