//! Turns byte offsets into the 1-based line and character column an editor shows.

use crate::finding::Position;

#[derive(Debug, Clone)]
pub struct LineIndex {
    /// Byte offset where each line starts; line 1 starts at 0.
    starts: Vec<usize>,
}

impl LineIndex {
    pub fn new(text: &str) -> LineIndex {
        let mut starts = vec![0];
        starts.extend(text.match_indices('\n').map(|(at, _)| at + 1));
        LineIndex { starts }
    }

    /// The 0-based line that contains byte `offset`.
    pub fn line_of(&self, offset: usize) -> usize {
        match self.starts.binary_search(&offset) {
            Ok(line) => line,
            Err(next) => next.saturating_sub(1),
        }
    }

    pub fn line_start(&self, line: usize) -> usize {
        self.starts.get(line).copied().unwrap_or(0)
    }

    pub fn line_count(&self) -> usize {
        self.starts.len()
    }

    pub fn position(&self, text: &str, offset: usize) -> Position {
        let offset = floor_char_boundary(text, offset.min(text.len()));
        let line = self.line_of(offset);
        let start = self.line_start(line).min(offset);
        let column = text[start..offset].chars().count() + 1;
        Position {
            line: line as u32 + 1,
            column: column as u32,
        }
    }

    /// The text of the 0-based `line` without its line ending.
    pub fn line_text<'a>(&self, text: &'a str, line: usize) -> &'a str {
        let start = self.line_start(line).min(text.len());
        let end = self
            .starts
            .get(line + 1)
            .copied()
            .unwrap_or(text.len())
            .min(text.len());
        text[start..end.max(start)].trim_end_matches(['\n', '\r'])
    }
}

/// The largest char boundary at or before `offset` (str::floor_char_boundary is not stable yet).
pub fn floor_char_boundary(text: &str, offset: usize) -> usize {
    let mut at = offset.min(text.len());
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions_count_characters_and_survive_crlf() {
        let text = "ПРОТОКОЛ № 5\r\nСекретарь: Омарова\r\n";
        let index = LineIndex::new(text);
        let at = text.find("Омарова").unwrap();
        assert_eq!(
            index.position(text, at),
            Position {
                line: 2,
                column: 12
            }
        );
        assert_eq!(index.line_text(text, 1), "Секретарь: Омарова");
        assert_eq!(index.position(text, text.len()).line, 3);
    }

    #[test]
    fn offsets_inside_a_character_round_down() {
        let text = "әб";
        let index = LineIndex::new(text);
        assert_eq!(index.position(text, 1), Position::START);
    }
}
