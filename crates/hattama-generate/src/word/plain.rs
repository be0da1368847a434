//! Plain text, as Word saves a document as text (and the generator writes one), back into Word
//! blocks: one paragraph per line, typed numbers and hyphens as automatic numbering and
//! bullets, and a table where Word's export left one, as two or more lines in a row of three or
//! more tab-separated cells (one tab alone aligns text on a line; the text parser reads them
//! the same way).

use super::model::{Block, Paragraph, Run, Style, Table};
use super::typed;

/// Tabs on a line that make it a table row.
const TABS_IN_A_ROW: usize = 2;

pub fn blocks(text: &str) -> Vec<Block> {
    let lines: Vec<&str> = text.lines().collect();
    let is_row = |index: usize| {
        lines
            .get(index)
            .is_some_and(|line| line.matches('\t').count() >= TABS_IN_A_ROW)
    };
    let mut blocks = Vec::new();
    let mut table: Option<Table> = None;
    for (index, line) in lines.iter().enumerate() {
        let in_table = is_row(index) && ((index > 0 && is_row(index - 1)) || is_row(index + 1));
        if in_table {
            let row = line
                .split('\t')
                .map(|cell| cell_runs(cell.trim()))
                .collect();
            table.get_or_insert_with(Table::default).rows.push(row);
            continue;
        }
        if let Some(done) = table.take() {
            blocks.push(Block::Table(done));
        }
        let text = line.trim();
        if text.is_empty() {
            continue;
        }
        let mut paragraph = Paragraph::new(Style::Normal);
        match typed::label(text) {
            Some((label, at)) => {
                paragraph.label = Some(label);
                paragraph.push(&text[at..], false);
            }
            None => paragraph.push(text, false),
        }
        blocks.push(Block::Paragraph(paragraph));
    }
    if let Some(done) = table {
        blocks.push(Block::Table(done));
    }
    blocks
}

fn cell_runs(text: &str) -> Vec<Run> {
    if text.is_empty() {
        return Vec::new();
    }
    vec![Run {
        text: text.to_string(),
        bold: false,
    }]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::word::model::Label;

    #[test]
    fn lines_numbers_and_tables() {
        let blocks = blocks(
            "ПРОТОКОЛ № 1\n\n1. Об охране\nДокладчик: Ким.\n№\tМероприятие\tСрок\n1\tСеминар\tмарт\n\nПредседатель\t\t\t____\tН. Муратбеков\n- н/л А.\n",
        );
        let kinds: Vec<String> = blocks
            .iter()
            .map(|block| match block {
                Block::Paragraph(p) => format!(
                    "{:?} {}",
                    p.label,
                    p.runs.iter().map(|r| r.text.as_str()).collect::<String>()
                ),
                Block::Table(t) => format!("table of {}", t.rows.len()),
            })
            .collect();
        assert_eq!(
            kinds,
            [
                "None ПРОТОКОЛ № 1",
                "Some(Number { parts: [1], delimiter: '.' }) Об охране",
                "None Докладчик: Ким.",
                "table of 2",
                "None Председатель\t\t\t____\tН. Муратбеков",
                "Some(Bullet) н/л А.",
            ]
        );
        let Block::Paragraph(bullet) = &blocks[5] else {
            panic!()
        };
        assert_eq!(bullet.label, Some(Label::Bullet));
    }
}
