//! A compiled pattern, built straight from the syntax tree already parsed: the pack's patterns
//! and the date grammar's.
//!
//! Patterns are parsed once to narrow their classes to folded text (`parse::narrow`). The regex
//! crate only takes a pattern as a string, so it used to print the narrowed tree and parse it a
//! second time: a sixth of the cost of checking one file. `regex_automata`'s meta regex, the
//! engine inside the regex crate, builds from the tree itself, with the same matching: this is
//! the small part of the regex crate's interface the engine uses, over that regex.

use regex_automata::meta::{self, Regex};
use regex_automata::util::captures::Captures as Slots;
use regex_automata::{Input, PatternID};
use regex_syntax::hir::Hir;
use std::ops::{Range, RangeInclusive};

/// A compiled pattern: leftmost-first matches over UTF-8 text, as `regex::Regex` finds them.
#[derive(Clone, Debug)]
pub struct Matcher {
    regex: Regex,
}

/// Where a match or a group lies in the searched text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Match<'h> {
    text: &'h str,
    start: usize,
    end: usize,
}

impl<'h> Match<'h> {
    pub fn start(&self) -> usize {
        self.start
    }

    pub fn end(&self) -> usize {
        self.end
    }

    pub fn range(&self) -> Range<usize> {
        self.start..self.end
    }

    pub fn as_str(&self) -> &'h str {
        &self.text[self.start..self.end]
    }

    pub fn is_empty(&self) -> bool {
        self.start == self.end
    }

    pub fn len(&self) -> usize {
        self.end - self.start
    }
}

/// The groups of one match, by index (0 is the whole match) or by name.
#[derive(Clone, Debug)]
pub struct Captures<'h> {
    text: &'h str,
    slots: Slots,
}

impl<'h> Captures<'h> {
    pub fn get(&self, index: usize) -> Option<Match<'h>> {
        self.slots.get_group(index).map(|span| Match {
            text: self.text,
            start: span.start,
            end: span.end,
        })
    }

    pub fn name(&self, name: &str) -> Option<Match<'h>> {
        self.slots.get_group_by_name(name).map(|span| Match {
            text: self.text,
            start: span.start,
            end: span.end,
        })
    }

    /// How many groups the pattern has, the whole match included.
    pub fn len(&self) -> usize {
        self.slots.group_len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

impl std::ops::Index<usize> for Captures<'_> {
    type Output = str;

    /// The text of group `index`; panics when it did not take part, as `regex` does.
    fn index(&self, index: usize) -> &str {
        self.get(index)
            .map(|m| m.as_str())
            .unwrap_or_else(|| panic!("no group at index {index}"))
    }
}

impl Matcher {
    /// Compiles `hir`; `size_limit` bounds its automata in bytes, as the regex crate's
    /// `size_limit`. The error says why the engine refused it (only past that limit).
    pub fn build(hir: &Hir, size_limit: usize) -> Result<Matcher, String> {
        meta::Builder::new()
            .configure(
                // As the regex crate configures it.
                meta::Config::new()
                    .match_kind(regex_automata::MatchKind::LeftmostFirst)
                    .utf8_empty(true)
                    .nfa_size_limit(Some(size_limit))
                    .hybrid_cache_capacity(2 << 20),
            )
            .build_from_hir(hir)
            .map(|regex| Matcher { regex })
            .map_err(|error| error.to_string())
    }

    pub fn is_match(&self, text: &str) -> bool {
        self.regex.is_match(text)
    }

    pub fn find<'h>(&self, text: &'h str) -> Option<Match<'h>> {
        self.find_at(text, 0)
    }

    /// The first match starting at or after `start`, with the text before it still seen by
    /// look-arounds such as `^` and `\b`.
    pub fn find_at<'h>(&self, text: &'h str, start: usize) -> Option<Match<'h>> {
        let input = Input::new(text).span(start..text.len());
        self.regex.find(input).map(|m| Match {
            text,
            start: m.start(),
            end: m.end(),
        })
    }

    pub fn find_iter<'r, 'h>(&'r self, text: &'h str) -> impl Iterator<Item = Match<'h>> + 'r
    where
        'h: 'r,
    {
        self.regex.find_iter(text).map(move |m| Match {
            text,
            start: m.start(),
            end: m.end(),
        })
    }

    pub fn captures<'h>(&self, text: &'h str) -> Option<Captures<'h>> {
        self.captures_at(text, 0)
    }

    /// Like [`Matcher::find_at`], with the groups.
    pub fn captures_at<'h>(&self, text: &'h str, start: usize) -> Option<Captures<'h>> {
        let mut slots = self.regex.create_captures();
        let input = Input::new(text).span(start..text.len());
        self.regex.search_captures(&input, &mut slots);
        slots.is_match().then_some(Captures { text, slots })
    }

    pub fn captures_iter<'r, 'h>(&'r self, text: &'h str) -> impl Iterator<Item = Captures<'h>> + 'r
    where
        'h: 'r,
    {
        self.regex
            .captures_iter(text)
            .map(move |slots| Captures { text, slots })
    }

    /// The groups' names in index order, `None` for the whole match and unnamed groups.
    pub fn capture_names(&self) -> impl Iterator<Item = Option<&str>> + '_ {
        self.regex.group_info().pattern_names(PatternID::ZERO)
    }
}

/// Whether every match of `hir` holds an ASCII digit. Text without one need not be searched
/// for such a pattern.
pub fn needs_ascii_digit(hir: &Hir) -> bool {
    needs_one_of(hir, &['0'..='9'])
}

/// Whether every match of `hir` holds one of the characters in `wanted`: a sequence needs one
/// if any part does, an alternation if every branch does. Conservative: `false` when unsure.
pub fn needs_one_of(hir: &Hir, wanted: &[RangeInclusive<char>]) -> bool {
    use regex_syntax::hir::{Class, HirKind};
    let within = |start: char, end: char| {
        wanted
            .iter()
            .any(|w| *w.start() <= start && end <= *w.end())
    };
    match hir.kind() {
        HirKind::Empty | HirKind::Look(_) => false,
        HirKind::Literal(literal) => String::from_utf8_lossy(&literal.0)
            .chars()
            .any(|c| within(c, c)),
        HirKind::Class(Class::Unicode(class)) => {
            !class.ranges().is_empty() && class.ranges().iter().all(|r| within(r.start(), r.end()))
        }
        HirKind::Class(Class::Bytes(class)) => {
            !class.ranges().is_empty()
                && class.ranges().iter().all(|r| {
                    r.end().is_ascii() && within(char::from(r.start()), char::from(r.end()))
                })
        }
        HirKind::Repetition(repetition) => {
            repetition.min > 0 && needs_one_of(&repetition.sub, wanted)
        }
        HirKind::Capture(capture) => needs_one_of(&capture.sub, wanted),
        HirKind::Concat(parts) => parts.iter().any(|part| needs_one_of(part, wanted)),
        HirKind::Alternation(branches) => {
            branches.iter().all(|branch| needs_one_of(branch, wanted))
        }
    }
}

/// Whether `hir` looks for the very start or end of the text searched (`\A`, `\z`): such a
/// pattern may match one line searched alone but not the same line inside a longer text.
pub fn looks_at_text_edges(hir: &Hir) -> bool {
    use regex_syntax::hir::{HirKind, Look};
    match hir.kind() {
        HirKind::Look(look) => matches!(look, Look::Start | Look::End),
        HirKind::Empty | HirKind::Literal(_) | HirKind::Class(_) => false,
        HirKind::Repetition(repetition) => looks_at_text_edges(&repetition.sub),
        HirKind::Capture(capture) => looks_at_text_edges(&capture.sub),
        HirKind::Concat(parts) | HirKind::Alternation(parts) => {
            parts.iter().any(looks_at_text_edges)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_pattern_needs_a_digit_only_when_every_match_has_one() {
        // `\d` is any script's digit, which the check for ASCII digits would miss.
        for pattern in [r"a?[0-9]?", r"(?:[0-9]|b)", r"[0-9]*", r"[0-9a]", r"x\d"] {
            let hir = regex_syntax::parse(pattern).unwrap();
            assert!(!needs_ascii_digit(&hir), "{pattern}");
        }
        for pattern in [
            r"a?[0-9]",
            r"(?:1|b2)",
            r"[0-9]+",
            r"x(?-u:\d)",
            "(?P<mask>7)",
        ] {
            let hir = regex_syntax::parse(pattern).unwrap();
            assert!(needs_ascii_digit(&hir), "{pattern}");
        }
    }

    fn matcher(pattern: &str) -> Matcher {
        let hir = regex_syntax::ParserBuilder::new()
            .multi_line(true)
            .build()
            .parse(pattern)
            .unwrap();
        Matcher::build(&hir, 1 << 20).unwrap()
    }

    /// Every call answers as the regex crate does on the same pattern and text.
    #[test]
    fn matches_as_the_regex_crate_does() {
        let cases = [
            (r"(?P<n>\d+)\s*(марта|апреля)?", "до 12 марта и 3 апреля, 7"),
            (r"^\w+", "первая строка\nвторая строка"),
            (r"\b", "аб вг"),
            (r"x*", "ёxxё"),
            (r"(a)|(b)", "b"),
        ];
        for (pattern, text) in cases {
            let ours = matcher(pattern);
            let theirs = regex::RegexBuilder::new(pattern)
                .multi_line(true)
                .build()
                .unwrap();
            assert_eq!(ours.is_match(text), theirs.is_match(text));
            let found: Vec<_> = ours.find_iter(text).map(|m| m.range()).collect();
            let expected: Vec<_> = theirs.find_iter(text).map(|m| m.range()).collect();
            assert_eq!(found, expected, "{pattern}");
            let groups = |c: &Captures<'_>| {
                (0..c.len())
                    .map(|i| c.get(i).map(|m| m.range()))
                    .collect::<Vec<_>>()
            };
            let found: Vec<_> = ours.captures_iter(text).map(|c| groups(&c)).collect();
            let expected: Vec<_> = theirs
                .captures_iter(text)
                .map(|c| {
                    (0..c.len())
                        .map(|i| c.get(i).map(|m| m.range()))
                        .collect::<Vec<_>>()
                })
                .collect();
            assert_eq!(found, expected, "{pattern}");
            for at in (0..=text.len()).filter(|&at| text.is_char_boundary(at)) {
                assert_eq!(
                    ours.find_at(text, at).map(|m| m.range()),
                    theirs.find_at(text, at).map(|m| m.range()),
                    "{pattern} at {at}"
                );
                assert_eq!(
                    ours.captures_at(text, at).map(|c| groups(&c)),
                    theirs
                        .captures_at(text, at)
                        .map(|c| (0..c.len()).map(|i| c.get(i).map(|m| m.range())).collect()),
                    "{pattern} at {at}"
                );
            }
            let names: Vec<_> = ours.capture_names().collect();
            let expected: Vec<_> = theirs.capture_names().collect();
            assert_eq!(names, expected);
        }
    }

    #[test]
    fn groups_by_name_and_index() {
        let caps = matcher(r"№\s*(?P<number>\d+)(x)?")
            .captures("протокол № 14")
            .unwrap();
        assert_eq!(caps.name("number").unwrap().as_str(), "14");
        assert_eq!(&caps[1], "14");
        assert!(caps.get(2).is_none());
        assert_eq!(
            caps.get(0).unwrap().range(),
            "протокол ".len().."протокол № 14".len()
        );
    }
}
