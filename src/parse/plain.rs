//! Plain text as Word saves it: one paragraph per line, table cells separated by tabs.

use super::model::{Cell, Line, Row, Style};
use super::normalize::{Folder, fold};

/// A line with at least this many tabs is a table row (a numbered paragraph has one tab).
const TABS_IN_A_ROW: usize = 2;

pub fn lines(source: &str, body_start: usize) -> Vec<Line> {
    let raw_lines: Vec<(usize, &str)> = {
        let mut offset = body_start;
        source[body_start..]
            .split_inclusive('\n')
            .map(|raw| {
                let start = offset;
                offset += raw.len();
                (start, raw.trim_end_matches(['\n', '\r']))
            })
            .collect()
    };
    // Each line is asked about three times (itself and as its neighbours' neighbour).
    let tabbed: Vec<bool> = raw_lines
        .iter()
        .map(|(_, content)| memchr::memchr_iter(b'\t', content.as_bytes()).count() >= TABS_IN_A_ROW)
        .collect();
    let is_row = |index: usize| tabbed.get(index).copied().unwrap_or(false);
    let mut lines = Vec::new();
    let mut tables = 0usize;
    let mut in_table = false;
    for (index, &(start, content)) in raw_lines.iter().enumerate() {
        if content.trim().is_empty() {
            in_table = false;
            continue;
        }
        // A table is two or more tabbed lines in a row; one tabbed line alone is text that
        // Word aligned with tabs ("19 февраля 2026 г.<TAB><TAB>г. Алга").
        let table_neighbour = (index > 0 && is_row(index - 1)) || is_row(index + 1);
        if is_row(index) && table_neighbour {
            let header = !in_table;
            if header {
                tables += 1;
            }
            in_table = true;
            lines.push(table_row(content, start, tables - 1, header));
            continue;
        }
        in_table = false;
        let leading = content.len() - content.trim_start().len();
        let text = content.trim();
        let line_start = start + leading;
        lines.push(Line {
            folded: fold(text, line_start),
            span: line_start..line_start + text.len(),
            style: Style {
                caps: super::is_caps(text),
                ..Style::default()
            },
            row: None,
        });
    }
    lines
}

fn table_row(content: &str, start: usize, table: usize, header: bool) -> Line {
    let mut cells = Vec::new();
    let mut joined = Folder::new(start);
    let mut cell_start = start;
    for (index, piece) in content.split('\t').enumerate() {
        let leading = piece.len() - piece.trim_start().len();
        let text = piece.trim();
        let at = cell_start + leading;
        if index > 0 {
            joined.push_synthetic(" | ", cell_start.saturating_sub(1)..cell_start);
        }
        // Folded once: the row takes the cell's folding, which maps to the same places.
        let folded = fold(text, at);
        joined.push_folded(&folded);
        cells.push(Cell {
            folded,
            span: at..at + text.len(),
        });
        cell_start += piece.len() + 1;
    }
    let trimmed_start = start + (content.len() - content.trim_start().len());
    Line {
        folded: joined.finish(),
        span: trimmed_start..start + content.trim_end().len(),
        style: Style::default(),
        row: Some(Row {
            table,
            header,
            cells,
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tab_separated_lines_become_table_rows() {
        let text = "ПЛАН\r\n№\tМероприятие\tСрок\tОтветственные\r\n1\tСеминар\tмарт\tОО\r\n\r\n1.\tТекст\n";
        let lines = lines(text, 0);
        assert_eq!(lines.len(), 4);
        assert!(lines[0].style.caps);
        let header = lines[1].row.as_ref().unwrap();
        assert!(header.header);
        assert_eq!(header.cells.len(), 4);
        assert_eq!(&text[header.cells[3].span.clone()], "Ответственные");
        assert!(!lines[2].row.as_ref().unwrap().header);
        assert!(lines[3].row.is_none());
        assert_eq!(lines[3].text(), "1. текст");
    }

    /// A row takes its cells' folding rather than folding their text again: the same folded
    /// text, mapping to the same places, as folding the row's pieces in one go.
    #[test]
    fn a_row_folded_from_its_cells_is_the_row_folded_whole() {
        for content in [
            "Aкимат\tКiрiспе\t—— срок\u{a0}до 1 мая",
            "\t ОО «Әділет» \t\t12.03.2026 ---\t",
            "x\tCОЖ-e\tПОСТОЯННО\te",
        ] {
            let start = 7;
            let row = table_row(content, start, 0, false);
            let mut whole = Folder::new(start);
            let mut cell_start = start;
            for (index, piece) in content.split('\t').enumerate() {
                let at = cell_start + piece.len() - piece.trim_start().len();
                if index > 0 {
                    whole.push_synthetic(" | ", cell_start - 1..cell_start);
                }
                whole.push(piece.trim(), at);
                cell_start += piece.len() + 1;
            }
            let whole = whole.finish();
            assert_eq!(row.folded.text, whole.text, "{content:?}");
            for from in 0..=whole.text.len() {
                for to in from..=whole.text.len() {
                    assert_eq!(
                        row.folded.source_range(from..to),
                        whole.source_range(from..to),
                        "{content:?} {from}..{to}"
                    );
                }
            }
        }
    }
}
