//! What a pattern cannot match without: a quick look for it answers most searches of text that
//! holds no match before the engine is asked at all.
//!
//! The engine has a prefilter of its own, for patterns that begin with a literal, or hold one it
//! finds fast enough to look for. The date grammar's forms begin with digits, and many of the
//! pack's patterns begin with a class or an optional word before the word they need (`п. 2.1
//! протокола № 1`), so each of the dozens of searches a document needs ran the lazy DFA over
//! the text. Here, from the pattern's syntax tree: words one of which every match holds
//! (`протокол`, `хаттам`), looked for with `memmem`; failing that, at most three bytes (`.`
//! for `12.03.2026`), looked for with `memchr`. Both read many bytes a cycle.
//!
//! Text that holds none of them is not searched, and a pattern none of whose searches got past
//! this look is never compiled: a protocol's decisions are tried against some twenty patterns
//! for deadlines, sanctions and their like, several of which list a few dozen words
//! (`ежемесячно`, `ежеквартально`, … `по итогам`). Looking for up to 64 words rather than 12
//! spared compiling the ones no decision could match: 6% of checking one protocol.

use memchr::memmem::Finder;
use regex_syntax::hir::{Class, Hir, HirKind};

/// What every match holds.
#[derive(Clone, Debug)]
pub enum Required {
    /// One of these words (at least [`MIN_WORD_BYTES`] long each).
    Words(Words),
    /// One of up to three bytes.
    Bytes(Vec<u8>),
}

/// Words shorter than this are too common to rule text out (`п.`, `№`).
const MIN_WORD_BYTES: usize = 5;
/// Up to this many words are looked for before every search; more only until the pattern is
/// compiled.
const FEW_WORDS: usize = 12;
/// A pattern that may hold any of more words than this is not worth a look: nearly every text
/// holds one.
const MAX_WORDS: usize = 64;

/// Words one of which every match holds, each looked for with `memmem`.
#[derive(Clone, Debug)]
pub struct Words {
    finders: Vec<Finder<'static>>,
}

impl Words {
    fn new(words: &[Vec<u8>]) -> Words {
        Words {
            finders: words
                .iter()
                .map(|word| Finder::new(word).into_owned())
                .collect(),
        }
    }

    fn in_text(&self, text: &[u8]) -> bool {
        self.finders
            .iter()
            .any(|finder| finder.find(text).is_some())
    }

    /// Few enough to look for before every search, rather than only until a pattern is
    /// compiled (see [`Required::is_cheap`]).
    fn are_few(&self) -> bool {
        self.finders.len() <= FEW_WORDS
    }

    /// The words, for tests.
    #[cfg(test)]
    pub fn listed(&self) -> Vec<String> {
        self.finders
            .iter()
            .map(|finder| String::from_utf8_lossy(finder.needle()).into_owned())
            .collect()
    }
}

impl Required {
    /// What `hir` needs, if anything is worth looking for: a set of common bytes (a space, the
    /// lead byte every Cyrillic letter shares) would rule out no text.
    pub fn of(hir: &Hir) -> Option<Required> {
        if let Some(words) = words(hir)
            && words.len() <= MAX_WORDS
            && words.iter().all(|word| word.len() >= MIN_WORD_BYTES)
        {
            return Some(Required::Words(Words::new(&words)));
        }
        let set = required_bytes(hir)?;
        (cost(&set) < WORTH_LOOKING).then_some(Required::Bytes(set))
    }

    /// Every place in `text` where a word every match holds begins, in no particular order:
    /// what [`WordPlaces`] is held against in tests.
    #[cfg(test)]
    pub fn word_offsets(&self, text: &[u8]) -> Option<Vec<usize>> {
        match self {
            Required::Words(words) if words.are_few() => Some(
                words
                    .finders
                    .iter()
                    .flat_map(|finder| finder.find_iter(text))
                    .collect(),
            ),
            Required::Words(_) | Required::Bytes(_) => None,
        }
    }

    /// The places of the words every match holds in `text`, asked for left to right
    /// ([`WordPlaces`]); `None` for a pattern that needs bytes rather than words, which are too
    /// common for their places to narrow a search much, or one of many words, whose every
    /// place costs about a search.
    pub fn word_places<'r, 't>(&'r self, text: &'t [u8]) -> Option<WordPlaces<'r, 't>> {
        match self {
            Required::Words(words) if words.are_few() => Some(WordPlaces {
                next: words
                    .finders
                    .iter()
                    .map(|finder| finder.find(text))
                    .collect(),
                finders: &words.finders,
                text,
            }),
            Required::Words(_) | Required::Bytes(_) => None,
        }
    }

    /// Whether looking for it costs much less than a search: not for many words, each of
    /// which is one more pass over the text.
    pub fn is_cheap(&self) -> bool {
        match self {
            Required::Words(words) => words.are_few(),
            Required::Bytes(_) => true,
        }
    }

    /// Whether `text` holds what every match needs: `false` means no match can be found in it.
    pub fn in_text(&self, text: &[u8]) -> bool {
        match self {
            Required::Words(words) => words.in_text(text),
            Required::Bytes(bytes) => match *bytes.as_slice() {
                [a] => memchr::memchr(a, text).is_some(),
                [a, b] => memchr::memchr2(a, b, text).is_some(),
                [a, b, c] => memchr::memchr3(a, b, c, text).is_some(),
                _ => true,
            },
        }
    }
}

/// The places of the required words in a text, found as far as asked: the first place at or
/// after a point, then one further on. A caller after the first line that matches reads the
/// text up to it, not every place of every word in the whole text.
pub struct WordPlaces<'r, 't> {
    finders: &'r [Finder<'static>],
    text: &'t [u8],
    /// Each word's next place at or after the last point asked (or before it, until asked
    /// again); `None` once it has none.
    next: Vec<Option<usize>>,
}

impl WordPlaces<'_, '_> {
    /// The first place of any word at or after `from`, which never decreases from one call
    /// to the next.
    pub fn first_from(&mut self, from: usize) -> Option<usize> {
        let rest = self.text.get(from..).unwrap_or_default();
        for (next, finder) in self.next.iter_mut().zip(self.finders) {
            if next.is_some_and(|at| at < from) {
                *next = finder.find(rest).map(|at| from + at);
            }
        }
        self.next.iter().flatten().min().copied()
    }
}

/// Literal words one of which every match of `hir` holds whole, the longest found; `None` when
/// the tree offers none (a class, an optional part).
fn words(hir: &Hir) -> Option<Vec<Vec<u8>>> {
    match hir.kind() {
        HirKind::Literal(literal) => Some(vec![literal.0.to_vec()]),
        HirKind::Repetition(repetition) if repetition.min > 0 => words(&repetition.sub),
        HirKind::Capture(capture) => words(&capture.sub),
        // The part whose words are few enough to look for before every search, then whose
        // shortest word is the longest: the likeliest to rule text out.
        HirKind::Concat(parts) => parts.iter().filter_map(words).max_by_key(|set| {
            (
                set.len() <= FEW_WORDS,
                shortest(set),
                std::cmp::Reverse(set.len()),
            )
        }),
        HirKind::Alternation(branches) => {
            let mut union: Vec<Vec<u8>> = Vec::new();
            for branch in branches {
                union.extend(words(branch)?);
                if union.len() > MAX_WORDS {
                    return None;
                }
            }
            union.sort_unstable();
            union.dedup();
            Some(union)
        }
        HirKind::Empty | HirKind::Look(_) | HirKind::Class(_) | HirKind::Repetition(_) => None,
    }
}

fn shortest(words: &[Vec<u8>]) -> usize {
    words.iter().map(Vec::len).min().unwrap_or(0)
}

/// A set costing this much or more is not looked for (see [`byte_cost`]).
const WORTH_LOOKING: u32 = 10;

/// A set of at most three bytes one of which every match of `hir` holds, the cheapest found.
fn required_bytes(hir: &Hir) -> Option<Vec<u8>> {
    match hir.kind() {
        HirKind::Empty | HirKind::Look(_) => None,
        // The whole literal is in every match: its rarest byte will do.
        HirKind::Literal(literal) => literal
            .0
            .iter()
            .min_by_key(|&&byte| byte_cost(byte))
            .map(|&byte| vec![byte]),
        HirKind::Class(class) => class_bytes(class),
        HirKind::Repetition(repetition) if repetition.min > 0 => required_bytes(&repetition.sub),
        HirKind::Repetition(_) => None,
        HirKind::Capture(capture) => required_bytes(&capture.sub),
        HirKind::Concat(parts) => parts
            .iter()
            .filter_map(required_bytes)
            .min_by_key(|set| (cost(set), set.len())),
        HirKind::Alternation(branches) => {
            let mut union: Vec<u8> = Vec::new();
            for branch in branches {
                union.extend(required_bytes(branch)?);
                union.sort_unstable();
                union.dedup();
                if union.len() > 3 {
                    return None;
                }
            }
            Some(union)
        }
    }
}

/// For a class of at most three characters, one byte of each: its last, which for a Cyrillic
/// letter tells it apart where the first byte does not.
fn class_bytes(class: &Class) -> Option<Vec<u8>> {
    let mut bytes: Vec<u8> = match class {
        Class::Unicode(class) => {
            at_most_three(class.ranges().iter().flat_map(|r| r.start()..=r.end()))?
                .into_iter()
                .map(|c| {
                    let mut buf = [0u8; 4];
                    let encoded = c.encode_utf8(&mut buf);
                    encoded.as_bytes()[encoded.len() - 1]
                })
                .collect()
        }
        Class::Bytes(class) => {
            at_most_three(class.ranges().iter().flat_map(|r| r.start()..=r.end()))?
        }
    };
    bytes.sort_unstable();
    bytes.dedup();
    (!bytes.is_empty()).then_some(bytes)
}

/// The items, if there are no more than three.
fn at_most_three<T>(items: impl Iterator<Item = T>) -> Option<Vec<T>> {
    let items: Vec<T> = items.take(4).collect();
    (items.len() <= 3).then_some(items)
}

fn cost(set: &[u8]) -> u32 {
    set.iter().map(|&byte| byte_cost(byte)).sum()
}

/// How often a byte turns up in a protocol, roughly: punctuation is rare, a particular letter
/// (an ASCII one, or the second byte of a Cyrillic one) uncommon, digits and spaces everywhere,
/// and the first byte of a Cyrillic letter in nearly every word.
fn byte_cost(byte: u8) -> u32 {
    match byte {
        b' ' | b'\n' | b'\t' => 20,
        b'0'..=b'9' => 6,
        b'a'..=b'z' | b'A'..=b'Z' => 4,
        0x80..=0xBF => 4,
        0xD0..=0xD3 => 50,
        0xC0..=0xFF => 20,
        _ => 1,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn of(pattern: &str) -> Option<Required> {
        Required::of(&regex_syntax::parse(pattern).unwrap())
    }

    fn bytes(pattern: &str) -> Option<Vec<u8>> {
        match of(pattern)? {
            Required::Bytes(bytes) => Some(bytes),
            Required::Words(_) => None,
        }
    }

    fn words(pattern: &str) -> Option<Vec<String>> {
        match of(pattern)? {
            Required::Words(words) => Some(words.listed()),
            Required::Bytes(_) => None,
        }
    }

    #[test]
    fn the_longest_words_every_match_holds() {
        assert_eq!(
            words(r"(?:п\.|пункт\w*)\s*\d+\s+протокол\w*\s+№\s*\d+"),
            Some(vec!["протокол".to_string()])
        );
        assert_eq!(
            words(r"\d+\s+(?:хаттам|протокол)"),
            Some(vec!["протокол".to_string(), "хаттам".to_string()])
        );
        // Too short to rule much out: bytes instead, or nothing.
        assert_eq!(words(r"п\.\s*\d+"), None);
    }

    /// Up to sixty-four words make a requirement; past twelve it is not cheap to look for, and
    /// a concatenation prefers a part with few words to one with many, even shorter ones.
    #[test]
    fn many_words_are_required_but_not_cheap() {
        let months = "январ|феврал|март|апрел|май|мая|июн|июл|август|сентябр|октябр|ноябр|декабр";
        let many = of(&format!(r"(?:{months})\w*")).unwrap();
        assert_eq!(words(&format!(r"(?:{months})\w*")).unwrap().len(), 13);
        assert!(!many.is_cheap());
        assert!(many.in_text("до 5 марта".as_bytes()));
        assert!(!many.in_text("до конца года".as_bytes()));
        assert_eq!(many.word_offsets("5 марта".as_bytes()), None);
        let periodic = "ежедневно|еженедельно|ежемесячно|ежеквартально|ежегодно|постоянно|\
                        регулярно|систематически|апта сайын|ай сайын|тоқсан сайын|жыл сайын|үнемі";
        let few = of(&format!(r"срок\w*\s+(?:{periodic})")).unwrap();
        assert!(few.is_cheap());
        assert_eq!(
            words(&format!(r"срок\w*\s+(?:{periodic})")),
            Some(vec!["срок".to_string()])
        );
        let too_many: Vec<String> = (0..65).map(|n| format!("слово{n}")).collect();
        assert!(words(&too_many.join("|")).is_none());
    }

    #[test]
    fn the_rarest_bytes_every_match_holds() {
        assert_eq!(bytes(r"\d{1,2}\.\d{2}\.\d{4}"), Some(vec![b'.']));
        assert_eq!(bytes(r"\d+(?:\.|/|-)\d+"), Some(vec![b'-', b'.', b'/']));
        assert_eq!(
            bytes(r"(?:до|по)\s+\d+"),
            Some(vec!["до".as_bytes()[1], "по".as_bytes()[1]])
        );
        assert_eq!(bytes(r"№\s*\d+"), Some(vec!["№".as_bytes()[1]]));
    }

    #[test]
    fn nothing_where_a_match_may_hold_none_or_only_common_bytes() {
        for pattern in [
            r"\d*",
            r"\w+",
            r"(?:\.|\w)\d",
            r"\s+\d+",
            r"\d+",
            r"a|b|c|d",
            r"\b",
        ] {
            assert!(of(pattern).is_none(), "{pattern}");
        }
    }

    #[test]
    fn the_places_of_every_required_word() {
        let required = of(r"(?:протокол|хаттама)\w*\s+№").unwrap();
        let text = "хаттама № 1, протокол № 2 и протокол № 3";
        let mut offsets = required.word_offsets(text.as_bytes()).unwrap();
        offsets.sort_unstable();
        let words: Vec<&str> = offsets.iter().map(|&at| &text[at..at + 4]).collect();
        assert_eq!(words, ["ха", "пр", "пр"]);
        assert_eq!(of(r"\d\d\.\d\d").unwrap().word_offsets(b"12.03"), None);
    }

    #[test]
    fn the_places_of_words_found_as_far_as_asked() {
        let required = of(r"(?:протокол|хаттама)\w*\s+№").unwrap();
        let text = "хаттама № 1, протокол № 2 и протокол № 3";
        let mut places = required.word_places(text.as_bytes()).unwrap();
        let mut all = required.word_offsets(text.as_bytes()).unwrap();
        all.sort_unstable();
        let mut found = Vec::new();
        let mut from = 0;
        while let Some(at) = places.first_from(from) {
            found.push(at);
            from = at + 1;
        }
        assert_eq!(found, all);
        assert_eq!(places.first_from(text.len()), None);
        assert!(of(r"\d\d\.\d\d").unwrap().word_places(b"12.03").is_none());
    }

    #[test]
    fn text_without_them_is_ruled_out() {
        let dots = of(r"\d{2}\.\d{2}").unwrap();
        assert!(dots.in_text(b"12.03"));
        assert!(!dots.in_text("до 12 марта".as_bytes()));
        let word = of(r"\d+\s+протокол\w*").unwrap();
        assert!(word.in_text("3 протокола".as_bytes()));
        assert!(!word.in_text("3 протеста".as_bytes()));
    }
}
