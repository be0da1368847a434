//! Stage two: text to a document model of lines with spans.

pub mod alphabet;
mod inline_blocks;
pub mod line_index;
pub mod markdown;
pub mod model;
pub mod narrow;
pub mod normalize;
pub mod plain;
pub mod prebuilt;

pub use model::{Cell, Document, Format, Line, Row, Style};

/// `char::is_alphabetic`, answered without Unicode's tables for the letters these documents are
/// mostly made of (Latin, Russian and Kazakh Cyrillic): the table lookups showed in profiles of
/// large audits, in splitting lines, keying decisions' texts and reading place names.
pub fn is_letter(c: char) -> bool {
    match c {
        'a'..='z' | 'A'..='Z' | 'а'..='я' | 'А'..='Я' | 'ё' | 'Ё' => true,
        'ә' | 'ғ' | 'қ' | 'ң' | 'ө' | 'ұ' | 'ү' | 'һ' | 'і' => true,
        'Ә' | 'Ғ' | 'Қ' | 'Ң' | 'Ө' | 'Ұ' | 'Ү' | 'Һ' | 'І' => true,
        c if c.is_ascii() => false,
        c => c.is_alphabetic(),
    }
}

/// Capital letters only, at least three of them: how Word users write a heading by hand.
pub fn is_caps(text: &str) -> bool {
    let mut upper = 0;
    for ch in text.chars() {
        if ch.is_lowercase() {
            return false;
        }
        if ch.is_uppercase() {
            upper += 1;
        }
    }
    upper >= 3
}

/// The format a path is read as: Markdown unless it is a `.txt` file.
pub fn format_of(path: &std::path::Path) -> Format {
    match path.extension().and_then(|e| e.to_str()) {
        Some(ext) if ext.eq_ignore_ascii_case("txt") => Format::PlainText,
        _ => Format::Markdown,
    }
}

pub fn parse(
    path: String,
    source: String,
    body_start: usize,
    front_matter: Option<serde_yaml_ng::Mapping>,
    format: Format,
) -> Document {
    let body_start = line_index::floor_char_boundary(&source, body_start);
    let lines = match format {
        Format::Markdown => markdown::lines(&source, body_start),
        Format::PlainText => plain::lines(&source, body_start),
    };
    let lines = inline_blocks::split(lines, &source);
    let index = line_index::LineIndex::new(&source);
    let (text, line_starts) = Document::join_lines(&lines);
    Document {
        text,
        line_starts,
        path,
        source,
        format,
        body_start,
        front_matter,
        lines,
        index,
        paragraphs: None,
        margins: None,
    }
}

#[cfg(test)]
mod tests {
    use super::is_letter;

    #[test]
    fn the_quick_letter_test_is_unicodes() {
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            assert_eq!(is_letter(c), c.is_alphabetic(), "{c:?} U+{:04X}", c as u32);
        }
    }
}
