//! The snippet of a finding: the line it is on, masked, or around the finding when the line is
//! very long.
//!
//! Masking and copying the whole line for every finding made thousands of findings on one long
//! line quadratic in time and in output (10,000 ИИН on a 130 KB line: 1.3 GB of snippets). A
//! line longer than [`WHOLE_LINE_CHARS`] is cut to a window of at most [`WINDOW_CHARS`]
//! characters around the finding, marked with `…` where it was cut; every real paragraph stays
//! whole, so baselines (matched on the snippet's text) are unaffected.
//!
//! A window cut at its start begins with `…` and then exactly [`WINDOW_LEAD`] characters before
//! the finding. It is cut there only when the finding's column lies past the window's own length,
//! so a reader of the snippet (the report's `excerpt`) tells a cut window from a whole line by
//! the column alone: see [`column_in_snippet`].

use crate::parse::line_index::floor_char_boundary;
use crate::privacy::Masker;

/// Lines up to this many characters are the snippet whole.
pub const WHOLE_LINE_CHARS: usize = 1000;
/// Characters of a long line shown before the finding.
pub const WINDOW_LEAD: usize = 60;
/// Characters of a long line shown from the finding on.
const WINDOW_TAIL: usize = 100;
/// The most characters a window holds, its `…` marks included.
pub const WINDOW_CHARS: usize = WINDOW_LEAD + WINDOW_TAIL + 2;
/// Characters masked beyond each end of the window, so that the masker sees a whole ИИН or a
/// whole name with a birth date that overlaps the window; then on to the next whitespace.
const MASK_MARGIN: usize = 100;

/// The masked snippet of a finding at byte `at` of `line`, `column` (1-based) being its column.
pub fn snippet(masker: &Masker, line: &str, at: usize, column: usize) -> String {
    if line.chars().nth(WHOLE_LINE_CHARS).is_none() {
        return masker.mask(line);
    }
    let at = floor_char_boundary(line, at.min(line.len()));
    // Cut before the finding only where the column tells the reader so (see the module).
    let cut_start = column.saturating_sub(1) > WINDOW_CHARS;
    let start = if cut_start {
        back(line, at, WINDOW_LEAD)
    } else {
        0
    };
    let end = forward(line, at, WINDOW_TAIL);
    let outer_start = to_space_back(line, back(line, start, MASK_MARGIN));
    let outer_end = to_space_forward(line, forward(line, end, MASK_MARGIN));
    let masked = masker.mask(&line[outer_start..outer_end]);
    // Masking keeps the character count, so the window is found again by counting.
    let skip = line[outer_start..start].chars().count();
    let take = line[start..end].chars().count();
    let mut window: String = masked.chars().skip(skip).take(take).collect();
    if cut_start {
        window.insert(0, '…');
    }
    if end < line.len() {
        window.push('…');
    }
    window
}

/// Where the finding at 1-based `column` starts in a snippet of `snippet_chars` characters, as a
/// 0-based character index.
pub fn column_in_snippet(snippet_chars: usize, starts_with_ellipsis: bool, column: usize) -> usize {
    let from = column.saturating_sub(1);
    // A whole line has its finding at most one past its end; only a cut window has it beyond.
    if from > snippet_chars && starts_with_ellipsis {
        1 + WINDOW_LEAD
    } else {
        from
    }
}

/// The byte offset `chars` characters before `at` (or the line's start).
fn back(line: &str, at: usize, chars: usize) -> usize {
    line[..at]
        .char_indices()
        .rev()
        .nth(chars.saturating_sub(1))
        .map_or(0, |(i, _)| i)
        .min(at)
}

/// The byte offset `chars` characters after `at` (or the line's end).
fn forward(line: &str, at: usize, chars: usize) -> usize {
    line[at..]
        .char_indices()
        .nth(chars)
        .map_or(line.len(), |(i, _)| at + i)
}

/// Back from `at` to just after a whitespace, at most [`MASK_MARGIN`] characters further.
fn to_space_back(line: &str, at: usize) -> usize {
    line[..at]
        .char_indices()
        .rev()
        .take(MASK_MARGIN)
        .find(|(_, c)| c.is_whitespace())
        .map_or_else(|| back(line, at, MASK_MARGIN), |(i, c)| i + c.len_utf8())
}

/// On from `at` to a whitespace, at most [`MASK_MARGIN`] characters further.
fn to_space_forward(line: &str, at: usize) -> usize {
    line[at..]
        .char_indices()
        .take(MASK_MARGIN)
        .find(|(_, c)| c.is_whitespace())
        .map_or_else(|| forward(line, at, MASK_MARGIN), |(i, _)| at + i)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn masker() -> Masker {
        Masker::new(&[]).unwrap()
    }

    #[test]
    fn ordinary_lines_are_whole() {
        let line = "2.2. Отделу образования 123456789012 организовать";
        let at = line.find("организовать").unwrap();
        let column = line[..at].chars().count() + 1;
        assert_eq!(
            snippet(&masker(), line, at, column),
            "2.2. Отделу образования ************ организовать"
        );
        assert_eq!(
            column_in_snippet(line.chars().count(), false, column),
            column - 1
        );
    }

    #[test]
    fn a_long_line_is_a_window_around_the_finding() {
        let line = format!("{}ПОСТАНОВИЛИ{}", "а".repeat(5000), "б".repeat(5000));
        let at = line.find("ПОСТАНОВИЛИ").unwrap();
        let shown = snippet(&masker(), &line, at, 5001);
        assert!(shown.chars().count() <= WINDOW_CHARS, "{shown}");
        assert!(shown.starts_with('…') && shown.ends_with('…'));
        let from = column_in_snippet(shown.chars().count(), true, 5001);
        let hit: String = shown.chars().skip(from).take(11).collect();
        assert_eq!(hit, "ПОСТАНОВИЛИ");
    }

    #[test]
    fn a_finding_near_the_start_of_a_long_line_keeps_the_start() {
        let line = format!("Решение: {}", "в".repeat(5000));
        let shown = snippet(&masker(), &line, 0, 1);
        assert!(shown.starts_with("Решение: ") && shown.ends_with('…'));
        assert_eq!(column_in_snippet(shown.chars().count(), false, 1), 0);
    }

    #[test]
    fn no_part_of_an_iin_shows_whatever_the_cut() {
        // ИИН everywhere, so that every cut of the window falls somewhere in one.
        for shift in 0..13 {
            let line = format!("{}{}", "x".repeat(shift), " 123456789012".repeat(400));
            for at in (0..line.len()).step_by(37) {
                let column = at + 1;
                let shown = snippet(&masker(), &line, at, column);
                assert!(!shown.chars().any(|c| c.is_ascii_digit()), "{shown}");
            }
        }
    }
}
