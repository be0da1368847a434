//! A document's words as the copy detector compares them. A plan copied from another district
//! has every district, school and person name replaced, its dates and figures changed, and
//! perhaps a few rows reworded; what stays is the wording. So names and numbers are masked
//! before anything is compared: each run of names becomes one `NAME` token, each run of
//! numbers one `NUMBER` token.
//!
//! A name is told by its capital letter in the original text (the folded text the patterns
//! see is lower case): a capitalised word that does not begin a sentence, a cell or a line
//! ("Курманова Д.Б.", "школа имени Абая", "Мартукского района"), an initial ("А.", "Т."), and a
//! capitalised word right before initials even where it begins a sentence ("Курманова Д.Б." in a
//! table cell). A word in capitals throughout ("КДН", "ПЛАН") is an abbreviation or a heading,
//! not a name.
//!
//! The places the capitalised words name are kept too, reduced as commission names are
//! ([`super::naming::stem`]): a copy often still names the district it was copied from.

use crate::pack::CommissionNames;
use crate::parse::Document;
use xxhash_rust::xxh3::xxh3_64;

/// What the copy detector keeps of a document.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Wording {
    /// The words in order, names and numbers masked, each word as a hash.
    pub words: Vec<u32>,
    /// Hashes of the stems of its capitalised words, sorted, without repeats.
    pub names: Vec<u64>,
}

impl Wording {
    /// Whether a capitalised word of the document is of this place (a stem).
    pub fn names_place(&self, place: &str) -> bool {
        !place.is_empty() && self.names.binary_search(&xxh3_64(place.as_bytes())).is_ok()
    }
}

/// The token that stands for a run of names.
pub const NAME: u32 = 1;
/// The token that stands for a run of numbers (a date, a count, a phone number).
pub const NUMBER: u32 = 2;

/// The document's words in order, names and numbers masked, and the places it names.
pub fn masked(document: &Document, places: &CommissionNames) -> Wording {
    let mut out = Words::default();
    let mut names: Vec<u64> = Vec::new();
    for line in &document.lines {
        let text = line.text();
        // Every line begins a sentence: a heading, a list item, a table row.
        let mut sentence_start = true;
        let mut after_initial = false;
        let mut word_start: Option<usize> = None;
        let chars = text
            .char_indices()
            .chain(std::iter::once((text.len(), ' ')));
        for (at, ch) in chars {
            if is_word_char(ch) && at < text.len() {
                word_start.get_or_insert(at);
                continue;
            }
            if let Some(start) = word_start.take() {
                let word = &text[start..at];
                let source = line.folded.source_range(start..at);
                let original = document.source.get(source).unwrap_or(word);
                let initial = out.push(word, original, sentence_start);
                // A place a copy still names stands inside a sentence ("на территории
                // Мартукского района") or in a heading in capitals.
                if out.last_was_name || out.last_all_caps {
                    let stem = super::naming::stem(places, original);
                    if stem.chars().count() >= 3 {
                        names.push(xxh3_64(stem.as_bytes()));
                    }
                }
                sentence_start = false;
                after_initial = initial;
            }
            if at >= text.len() {
                break;
            }
            // "Т.В." and "А. Мамырова": the full stop after an initial ends no sentence.
            match ch {
                '.' if after_initial => {}
                '.' | '!' | '?' | ':' | ';' | '|' => sentence_start = true,
                _ => {}
            }
            if !ch.is_whitespace() {
                after_initial = false;
            }
        }
    }
    names.sort_unstable();
    names.dedup();
    // Kept for every plan of the corpus until the audit's end: no spare capacity.
    names.shrink_to_fit();
    let mut words = out.tokens;
    words.shrink_to_fit();
    Wording { words, names }
}

#[derive(Default)]
struct Words {
    tokens: Vec<u32>,
    /// The last token is a capitalised word at a sentence's start, kept as a word: a name
    /// if initials follow it.
    last_capitalised: bool,
    /// The last word pushed was a name, or a word in capitals throughout.
    last_was_name: bool,
    last_all_caps: bool,
}

impl Words {
    /// Adds one word; says whether it was an initial.
    fn push(&mut self, folded: &str, original: &str, sentence_start: bool) -> bool {
        self.last_was_name = false;
        self.last_all_caps = false;
        let capitalised = original.chars().next().is_some_and(char::is_uppercase);
        // Most words are in lower case: only a capitalised one is looked at letter by letter.
        let all_caps = capitalised
            && original
                .chars()
                .filter(|&c| crate::parse::is_letter(c))
                .nth(1)
                .is_some()
            && !original.chars().any(char::is_lowercase);
        if folded.bytes().any(|b| b.is_ascii_digit()) {
            self.mask(NUMBER);
            return false;
        }
        let initial = capitalised && folded.chars().count() == 1;
        if initial {
            if self.last_capitalised {
                self.tokens.pop();
            }
            self.mask(NAME);
            return true;
        }
        if capitalised && !all_caps && !sentence_start {
            self.mask(NAME);
            self.last_was_name = true;
            return false;
        }
        let hash = xxh3_64(folded.as_bytes()) as u32;
        self.tokens.push(hash.max(NUMBER + 1));
        self.last_capitalised = capitalised && !all_caps;
        self.last_all_caps = all_caps;
        false
    }

    /// Adds a masked token, unless the last one is the same mask.
    fn mask(&mut self, token: u32) {
        self.last_capitalised = false;
        if self.tokens.last() != Some(&token) {
            self.tokens.push(token);
        }
    }
}

/// A letter or digit; Cyrillic, most of any text here, without a Unicode table lookup.
fn is_word_char(ch: char) -> bool {
    match ch {
        'а'..='я' | 'А'..='Я' | 'ё' | 'Ё' => true,
        '\u{0400}'..='\u{0481}' | '\u{048A}'..='\u{052F}' => true,
        _ if ch.is_ascii() => ch.is_ascii_alphanumeric(),
        _ => ch.is_alphanumeric(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::{self, Format};

    fn words(text: &str) -> Vec<u32> {
        wording(text).words
    }

    fn wording(text: &str) -> Wording {
        let document = parse::parse("x.md".into(), text.to_string(), 0, None, Format::Markdown);
        let pack = crate::pack::default_pack().unwrap();
        masked(&document, &pack.commissions)
    }

    #[test]
    fn the_places_a_document_names() {
        let text = wording("Цель: профилактика на территории Мартукского района.\n");
        assert!(text.names_place("мартук"));
        assert!(!text.names_place("алга"));
    }

    #[test]
    fn names_and_numbers_are_masked_alike() {
        let a = words(
            "Отделу образования (Курманова Д.Б.) провести семинар в 14 школах Мартукского района до 30.04.2026.\n",
        );
        let b = words(
            "Отделу образования (Байзакова Н.С.) провести семинар в 23 школах Алгинского района до 15.05.2026.\n",
        );
        assert_eq!(a, b);
        assert!(a.contains(&NAME) && a.contains(&NUMBER));
    }

    #[test]
    fn a_name_before_initials_is_masked_at_a_cell_start_too() {
        let a = words("| 1 | Рейды | ежемесячно | Тажибаев Е.М. |\n");
        let b = words("| 1 | Рейды | ежемесячно | Шайхиев А.С. |\n");
        assert_eq!(a, b);
        let c = words("| 1 | Рейды | ежемесячно | Н. Кусманов |\n");
        assert_eq!(a, c);
    }

    #[test]
    fn sentence_starts_and_capitals_are_words() {
        let a = words("Провести рейды. Организовать КДН.\n");
        assert!(!a.contains(&NAME), "{a:?}");
        let b = words("Провести рейды. Организовать работу.\n");
        assert_ne!(a, b);
    }
}
