//! Word users sometimes type a whole question in one paragraph: "1. СЛУШАЛИ: … РЕШИЛИ: 1) …;
//! 2) …; 3) …". Such a line is split where a new block starts, so that later stages see the
//! lines a reader sees:
//! - before a word in capitals followed by a colon after the end of a sentence (a heading
//!   typed inline: the same signal [`super::is_caps`] reads for headings on their own line);
//! - before an enumerator ("1)", "2.1)", "а)") that follows a colon or a semicolon, when the
//!   enumerators of the line count on from the first one.
//!
//! No wording is known here: only capitals, colons and enumerators.

use super::is_letter;
use super::model::Line;

/// Shortest run of capitals that counts as a heading typed inline.
const MIN_CAPS_LETTERS: usize = 4;

/// Longest enumerator label before its bracket, in bytes ("12.3.4"); a letter's is shorter.
const MAX_LABEL_BYTES: usize = 6;

pub fn split(lines: Vec<Line>, source: &str) -> Vec<Line> {
    let mut out = Vec::with_capacity(lines.len());
    for line in lines {
        if line.row.is_some() || line.folded.text.len() < 16 {
            out.push(line);
            continue;
        }
        let mut cuts = heading_cuts(&line, source);
        cuts.extend(enumerator_cuts(&line.folded.text));
        cuts.sort_unstable();
        cuts.dedup();
        cuts.retain(|&at| at > 0 && at < line.folded.text.len());
        if cuts.is_empty() {
            out.push(line);
            continue;
        }
        // Cut from the end, so that each cut leaves the offsets of the earlier ones valid.
        let mut pieces = Vec::with_capacity(cuts.len() + 1);
        let mut rest = line;
        for &at in cuts.iter().rev() {
            let (head, tail) = rest.folded.split_at(at);
            let tail_start = tail.source_range(0..0).start;
            pieces.push(Line {
                folded: tail,
                span: tail_start..rest.span.end.max(tail_start),
                style: super::model::Style {
                    list_number: None,
                    list_item: false,
                    ..rest.style.clone()
                },
                row: None,
            });
            rest.span.end = tail_start.max(rest.span.start);
            rest.folded = head;
        }
        pieces.push(rest);
        out.extend(pieces.into_iter().rev());
    }
    out
}

/// Where a heading typed in capitals starts after a sentence's end: ". РЕШИЛИ:".
fn heading_cuts(line: &Line, source: &str) -> Vec<usize> {
    let text = &line.folded.text;
    let mut cuts = Vec::new();
    for (colon, _) in text.match_indices(':') {
        let before = &text[..colon];
        let word_start = before.rfind(|c: char| !is_letter(c)).map_or(0, |at| {
            at + before[at..].chars().next().map_or(1, char::len_utf8)
        });
        let word = &before[word_start..];
        if word.chars().count() < MIN_CAPS_LETTERS || word_start == 0 {
            continue;
        }
        // A heading of two words in capitals ("КОМИССИЯ ПОСТАНОВЛЯЕТ:", "ҚАУЛЫ ЕТЕДІ:") starts
        // at its first word.
        let word_start = match before[..word_start].trim_end().rsplit_once(' ') {
            Some((lead, previous))
                if previous.chars().count() >= 3
                    && previous.chars().all(is_letter)
                    && source
                        .get(
                            line.folded
                                .source_range(lead.len() + 1..lead.len() + 1 + previous.len()),
                        )
                        .is_some_and(super::is_caps) =>
            {
                lead.len() + 1
            }
            _ => word_start,
        };
        // Only after a sentence's end: ". СЛОВО:" or "; СЛОВО:", not after a number ("1. СЛОВО:").
        let lead = before[..word_start].trim_end();
        if !lead.ends_with(['.', ';']) || !lead.chars().any(is_letter) {
            continue;
        }
        let shown = source
            .get(line.folded.source_range(word_start..colon))
            .unwrap_or("");
        if super::is_caps(shown) {
            cuts.push(word_start);
        }
    }
    cuts
}

/// Where enumerators start after a colon or semicolon, when they count on: "…: 1) …; 2) …".
fn enumerator_cuts(text: &str) -> Vec<usize> {
    let mut found: Vec<(usize, String)> = Vec::new();
    for at in memchr::memchr2_iter(b':', b';', text.as_bytes()) {
        let after = &text[at + 1..];
        let trimmed = after.trim_start();
        let start = at + 1 + (after.len() - trimmed.len());
        if let Some(label) = enumerator(trimmed) {
            found.push((start, label));
        }
    }
    // A lone "1)" after a colon is no list; two that count on are.
    let counts_on =
        found.len() >= 2 && found.windows(2).all(|pair| follows(&pair[0].1, &pair[1].1));
    if counts_on {
        found.into_iter().map(|(at, _)| at).collect()
    } else {
        Vec::new()
    }
}

/// "1)", "2.1)", "а)" at the start of `text`: the label without its bracket.
fn enumerator(text: &str) -> Option<String> {
    // A label is at most six bytes: the bracket is looked for there, not along the whole line
    // after every colon and semicolon of it.
    let close = memchr::memchr(
        b')',
        &text.as_bytes()[..text.len().min(MAX_LABEL_BYTES + 1)],
    )?;
    let label = &text[..close];
    let is_number = !label.is_empty()
        && label.len() <= MAX_LABEL_BYTES
        && label.chars().all(|c| c.is_ascii_digit() || c == '.')
        && label.starts_with(|c: char| c.is_ascii_digit());
    let is_letter = label.chars().count() == 1 && label.chars().all(is_letter);
    let spaced = text[close + 1..].starts_with(' ');
    ((is_number || is_letter) && spaced).then(|| label.to_string())
}

/// `next` is the enumerator after `previous`: 1) → 2), 2.1) → 2.2), а) → б).
fn follows(previous: &str, next: &str) -> bool {
    let last = |s: &str| s.rsplit('.').next().unwrap_or("").to_string();
    let head = |s: &str| s.rsplit_once('.').map(|(h, _)| h.to_string());
    if let (Ok(a), Ok(b)) = (last(previous).parse::<u32>(), last(next).parse::<u32>()) {
        return head(previous) == head(next) && b == a + 1;
    }
    let (Some(a), Some(b)) = (previous.chars().next(), next.chars().next()) else {
        return false;
    };
    char::from_u32(a as u32 + 1) == Some(b)
}

#[cfg(test)]
mod tests {
    use super::{enumerator_cuts, follows};

    #[test]
    fn enumerators_that_count_on_are_cut() {
        let text = "решили: 1) принять к сведению; 2) отделу обеспечить; 3) провести";
        assert_eq!(enumerator_cuts(text).len(), 3);
        assert!(enumerator_cuts("см.: 1) первое").is_empty());
        assert!(enumerator_cuts("а: 1) одно; 3) другое").is_empty());
    }

    #[test]
    fn counting_on() {
        assert!(follows("1", "2"));
        assert!(follows("2.1", "2.2"));
        assert!(follows("а", "б"));
        assert!(!follows("1", "3"));
        assert!(!follows("1.1", "2.2"));
    }
}
