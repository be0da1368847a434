//! Turns byte offsets into the 1-based line and character column an editor shows.

use crate::finding::Position;

#[derive(Debug, Clone)]
pub struct LineIndex {
    /// Byte offset where each line starts; line 1 starts at 0.
    starts: Vec<usize>,
    /// Characters before the first char boundary at or after each multiple of `BLOCK` bytes, so
    /// a column costs at most `BLOCK` bytes of counting however long its line is: counting from
    /// the line start made thousands of findings on one long line quadratic.
    chars_before_block: Vec<usize>,
}

/// Bytes between the checkpoints of [`LineIndex::chars_before_block`].
const BLOCK: usize = 1024;

impl LineIndex {
    pub fn new(text: &str) -> LineIndex {
        let mut starts = vec![0];
        starts.extend(memchr::memchr_iter(b'\n', text.as_bytes()).map(|at| at + 1));
        let mut chars_before_block = Vec::with_capacity(text.len() / BLOCK + 1);
        let mut counted = (0, 0);
        for block in 0..=text.len() / BLOCK {
            let at = ceil_char_boundary(text, block * BLOCK);
            counted = (at, counted.1 + text[counted.0..at].chars().count());
            chars_before_block.push(counted.1);
        }
        LineIndex {
            starts,
            chars_before_block,
        }
    }

    /// The number of characters in `text[..offset]`; `offset` is a char boundary.
    fn chars_before(&self, text: &str, offset: usize) -> usize {
        let block = offset / BLOCK;
        let from = ceil_char_boundary(text, block * BLOCK);
        match self.chars_before_block.get(block) {
            Some(&before) if from <= offset => before + text[from..offset].chars().count(),
            // The offset lies inside the block's first character (only possible at its start).
            _ => text[..offset].chars().count(),
        }
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
        let column = if offset - start <= BLOCK {
            text[start..offset].chars().count() + 1
        } else {
            self.chars_before(text, offset) - self.chars_before(text, start) + 1
        };
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

/// The smallest char boundary at or after `offset`, at most the text's length.
fn ceil_char_boundary(text: &str, offset: usize) -> usize {
    let mut at = offset.min(text.len());
    while !text.is_char_boundary(at) {
        at += 1;
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

    #[test]
    fn columns_on_a_long_line_count_every_character() {
        let text = format!("а\n{}ә{}", "бв".repeat(3000), "x".repeat(5000));
        let index = LineIndex::new(&text);
        for (at, _) in text.char_indices().step_by(97) {
            let line = index.line_of(at);
            let expected = text[index.line_start(line)..at].chars().count() + 1;
            assert_eq!(
                index.position(&text, at).column as usize,
                expected,
                "at {at}"
            );
        }
    }
}
