//! A pack pattern compiled the first time a document needs it.
//!
//! The default pack holds some hundred and fifty patterns for protocols, plans, compositions
//! and the corpus; one protocol needs a fraction of them, and compiling them all was most of
//! the cost of checking one file. A pattern is built into a matcher only where it is first
//! used. A pack from the user is parsed and narrowed (`parse::narrow`) when it loads, so that a
//! pattern with a syntax error is a pack error naming its file; the built-in pack as shipped,
//! whose every pattern its tests check the same way, is parsed and narrowed at first use too,
//! or rather read back from the trees made ahead of time (`parse::prebuilt`).

use super::splice::Fragments;
use crate::matcher::{Matcher, looks_at_text_edges, needs_one_of};
use crate::parse::Document;
use crate::parse::alphabet::DIGIT_STAND_IN;
use crate::parse::narrow::Narrower;
use crate::parse::prebuilt::{self, Syntax};
use regex_syntax::hir::{Class, ClassUnicode, Hir};
use std::ops::Range;
use std::sync::{Arc, LazyLock, Mutex, OnceLock};

/// How large one compiled pattern may grow. Pack patterns are the pack author's own, so the
/// limit is there against runaway memory, not to refuse patterns: at 32 MiB the largest
/// pattern of the default pack would have room several times over.
const SIZE_LIMIT: usize = 256 << 20;

/// Clones share the pattern, its tree and its matcher: a pattern that several rules write alike
/// is parsed and compiled once ([`super::patterns::PatternCompiler`]).
#[derive(Clone)]
pub struct LazyRegex {
    /// Behind a pointer: rules hold many patterns, most never compiled, and a rule's size is
    /// its largest kind's.
    source: Arc<Source>,
}

struct Source {
    /// The pattern as written: for text as written, or for folded text.
    pattern: String,
    case_insensitive: bool,
    /// For folded text: its classes are narrowed ([`Narrower`]), and the engine's fragments
    /// grafted in where it names them.
    folded: Option<Arc<Fragments>>,
    /// The pattern's syntax tree, as compiled: case already applied, narrowed for folded text.
    /// Set when the pack loads, or at first use for the built-in pack (see the module comment).
    tree: OnceLock<Arc<Hir>>,
    /// Whether every match holds a digit, worked out from the tree when first asked.
    needs_digit: OnceLock<bool>,
    /// Whether the pattern looks for the very start or end of the text, likewise.
    text_edges: OnceLock<bool>,
    compiled: OnceLock<Matcher>,
}

impl LazyRegex {
    fn with(
        pattern: String,
        case_insensitive: bool,
        folded: Option<Arc<Fragments>>,
        tree: Option<Hir>,
    ) -> LazyRegex {
        let parsed = OnceLock::new();
        if let Some(tree) = tree {
            let _ = parsed.set(Arc::new(tree));
        }
        LazyRegex {
            source: Arc::new(Source {
                pattern,
                case_insensitive,
                folded,
                tree: parsed,
                needs_digit: OnceLock::new(),
                text_edges: OnceLock::new(),
                compiled: OnceLock::new(),
            }),
        }
    }

    /// Parses `pattern` (multi-line mode, case-insensitive if asked), for text as written; the
    /// error is the parser's message.
    pub fn new(pattern: String, case_insensitive: bool) -> Result<LazyRegex, String> {
        let tree = parse(&pattern, case_insensitive)?;
        Ok(LazyRegex::with(pattern, case_insensitive, None, Some(tree)))
    }

    /// Parses `pattern` for folded text (`parse::normalize`), with its classes narrowed to what
    /// folded text can hold ([`Narrower`]): the same matches, compiled several times faster.
    pub(super) fn for_folded_text(
        pattern: &str,
        case_insensitive: bool,
        fragments: &Arc<Fragments>,
        narrower: &mut Narrower,
    ) -> Result<LazyRegex, String> {
        let tree = folded_tree(pattern, case_insensitive, fragments, narrower)?;
        Ok(LazyRegex::with(
            pattern.to_string(),
            case_insensitive,
            Some(Arc::clone(fragments)),
            Some(tree),
        ))
    }

    /// Like [`LazyRegex::for_folded_text`], but parsed and narrowed at first use: for patterns
    /// already known to be valid (the built-in pack). One that is not matches nothing.
    pub(super) fn for_folded_text_deferred(
        pattern: String,
        case_insensitive: bool,
        fragments: Arc<Fragments>,
    ) -> LazyRegex {
        LazyRegex::with(pattern, case_insensitive, Some(fragments), None)
    }

    /// The syntax tree to compile: parsed (and, for folded text, narrowed) now if not yet. It
    /// has case applied already, for a set of patterns to be compiled together.
    pub fn tree(&self) -> &Hir {
        self.shared_tree()
    }

    /// The same, to be kept by the matcher built from it without a copy.
    fn shared_tree(&self) -> &Arc<Hir> {
        let source = &*self.source;
        source.tree.get_or_init(|| {
            let Some(fragments) = &source.folded else {
                let tree = parse(&source.pattern, source.case_insensitive);
                return Arc::new(tree.unwrap_or_else(|_| never()));
            };
            // One narrower for the whole process: classes repeat from pattern to pattern.
            static SHARED: LazyLock<Mutex<Narrower>> = LazyLock::new(Mutex::default);
            let mut narrower = SHARED
                .lock()
                .unwrap_or_else(|poisoned| poisoned.into_inner());
            let tree = folded_tree(
                &source.pattern,
                source.case_insensitive,
                fragments,
                &mut narrower,
            );
            Arc::new(tree.unwrap_or_else(|_| never()))
        })
    }

    /// False when `text` cannot hold a match: every match needs a digit and `text` has none.
    /// Far cheaper than a search, and needs no compiled pattern: most lines of a protocol have
    /// no digit. For folded text, a digit is `0`–`9` or the stand-in for every other digit.
    pub fn may_match(&self, text: &str) -> bool {
        let folded = self.source.folded.is_some();
        let needs_digit = *self.source.needs_digit.get_or_init(|| {
            let digits = if folded {
                vec!['0'..='9', DIGIT_STAND_IN..=DIGIT_STAND_IN]
            } else {
                vec!['0'..='9']
            };
            needs_one_of(self.tree(), &digits)
        });
        !needs_digit
            || text.bytes().any(|b| b.is_ascii_digit())
            || (folded && text.contains(DIGIT_STAND_IN))
    }

    /// False when no part of `text` can hold a match: it lacks a digit or a word that every
    /// match needs. No search is made, so this says nothing when true.
    pub fn may_occur_in(&self, text: &str) -> bool {
        self.may_match(text) && self.regex().may_hold(text)
    }

    /// False when no line of `joined` (lines joined by `\n`) can hold a match: one search of the
    /// whole text instead of one per line, which for a document that has no match at all is
    /// many times cheaper. A match within a line is a match within the joined text, as `^`,
    /// `$` and word boundaries see a line's edges there too; only a pattern that looks for the
    /// very start or end of the text (`\A`, `\z`) is always searched line by line.
    pub fn may_match_a_line_of(&self, joined: &str) -> bool {
        self.may_match(joined) && (self.looks_at_text_edges() || self.is_match(joined))
    }

    /// The lines of `lines` in which a search of each line alone may find a match, in order
    /// (`Document::lines_to_search`); every line for a pattern that looks for the very start or
    /// end of the text.
    pub fn lines_to_search(&self, document: &Document, lines: Range<usize>) -> Vec<usize> {
        if let Some(holding) = self.lines_holding_required_words(document, lines.clone()) {
            return holding.collect();
        }
        if self.looks_at_text_edges() {
            return lines.collect();
        }
        document.lines_to_search(lines, |text, from| {
            self.may_match(&text[from..])
                .then(|| self.find_at(text, from).map(|found| found.start()))
                .flatten()
        })
    }

    /// The first of `lines` that the pattern matches, searched alone: only lines that may hold
    /// a match are tried, those holding a word every match needs (found no further than the
    /// line that matches) or else those [`LazyRegex::lines_to_search`] gives.
    pub fn first_line_matching(&self, document: &Document, lines: Range<usize>) -> Option<usize> {
        let matches = |&index: &usize| self.is_match(document.lines[index].text());
        match self.lines_holding_required_words(document, lines.clone()) {
            Some(mut holding) => holding.find(matches),
            None => self
                .lines_to_search(document, lines)
                .into_iter()
                .find(matches),
        }
    }

    /// The lines of `lines` that hold a word every match needs, in order, found as they are
    /// asked for: a line searched alone matches only if it holds one, and a caller after the
    /// first that matches (a heading a kind's signal names, usually the first of them) reads
    /// no further than it. `None` when the pattern needs no such word.
    fn lines_holding_required_words<'s>(
        &'s self,
        document: &'s Document,
        lines: Range<usize>,
    ) -> Option<impl Iterator<Item = usize> + 's> {
        let (joined, base) = document.text_of(lines.clone());
        let mut places = self.regex().required_word_places(joined)?;
        let mut from = 0;
        Some(std::iter::from_fn(move || {
            let at = places.first_from(from)?;
            let line = document.line_at(base + at).max(lines.start);
            if line >= lines.end {
                return None;
            }
            // The next line is looked at from its start: one place in a line is enough.
            from = document
                .line_starts
                .get(line + 1)
                .map_or(joined.len(), |&next| next - base);
            Some(line)
        }))
    }

    /// Whether the pattern looks for the very start or end of the text (`\A`, `\z`): it may
    /// match a line searched alone and not the same line in the text around it.
    pub fn looks_at_text_edges(&self) -> bool {
        *self
            .source
            .text_edges
            .get_or_init(|| looks_at_text_edges(self.tree()))
    }

    /// Whether `other` is this very pattern, sharing its tree and matcher.
    #[cfg(test)]
    pub fn is_shared_with(&self, other: &LazyRegex) -> bool {
        Arc::ptr_eq(&self.source, &other.source)
    }

    /// A number that this pattern and every clone of it share, and no other pattern while it
    /// lives: to remember what a pattern found.
    pub fn id(&self) -> usize {
        Arc::as_ptr(&self.source) as usize
    }

    /// The pattern as a matcher, compiled only when a text first holds what every match needs
    /// (`Matcher::deferred`). One that parsed but cannot be built (only past [`SIZE_LIMIT`])
    /// matches nothing rather than stopping the run.
    pub fn regex(&self) -> &Matcher {
        self.source
            .compiled
            .get_or_init(|| Matcher::deferred(Arc::clone(self.shared_tree()), SIZE_LIMIT))
    }
}

/// A pattern for folded text parsed, narrowed, and with the engine's fragments grafted in.
fn folded_tree(
    pattern: &str,
    case_insensitive: bool,
    fragments: &Fragments,
    narrower: &mut Narrower,
) -> Result<Hir, String> {
    let syntax = Syntax {
        case_insensitive,
        multi_line: true,
    };
    let narrowed = prebuilt::narrowed_tree(pattern, syntax, narrower)?;
    fragments.splice(narrowed, narrower)
}

/// A pattern for text as written, parsed (or read back from the built-in pack's trees).
fn parse(pattern: &str, case_insensitive: bool) -> Result<regex_syntax::hir::Hir, String> {
    let syntax = Syntax {
        case_insensitive,
        multi_line: true,
    };
    prebuilt::parsed_tree(pattern, syntax)
}

/// A pattern that matches nothing: an empty class.
fn never() -> Hir {
    Hir::class(Class::Unicode(ClassUnicode::empty()))
}

impl std::ops::Deref for LazyRegex {
    type Target = Matcher;

    fn deref(&self) -> &Matcher {
        self.regex()
    }
}

impl std::fmt::Debug for LazyRegex {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_tuple("LazyRegex")
            .field(&self.source.pattern)
            .finish()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every line that a search of its own finds a match in is among the lines to search.
    #[test]
    fn lines_to_search_hold_every_line_with_a_match() {
        let source = "Протокол № 3\nслушали: п. 2.1 протокола № 1\nрешили\nп. 3\n\
                      протокола № 2 от 01.02.2026; п. 4 протокола № 5\n\nконец 7";
        let document = crate::parse::parse(
            "x.txt".into(),
            source.into(),
            0,
            None,
            crate::parse::Format::PlainText,
        );
        let patterns = [
            r"протокол\w*\s+№\s*\d+",
            r"п\.\s*\d+(?:\.\d+)?\s+протокол\w*",
            r"№\s*\d+\s+\w+",
            r"\d$",
            r"^\w+",
            r"(?s)п\..*№",
            r"\Aпротокол",
            r"x*",
            r"(?:решили|конец)\s+\d",
            r"^(?:протокол|решили)\w*",
            r"(?:протокола|слушали)\W+\w",
        ];
        for pattern in patterns {
            let lazy = LazyRegex::new(pattern.into(), false).unwrap();
            let all = 0..document.lines.len();
            for range in [all.clone(), 1..4, 2..3, 3..3, 4..all.end] {
                let found = lazy.lines_to_search(&document, range.clone());
                let searched: Vec<usize> = range
                    .clone()
                    .filter(|&index| lazy.is_match(document.lines[index].text()))
                    .collect();
                assert!(
                    searched.iter().all(|line| found.contains(line)),
                    "{pattern} in {range:?}: {found:?} misses some of {searched:?}"
                );
                assert!(found.iter().all(|line| range.contains(line)), "{pattern}");
                assert!(found.windows(2).all(|pair| pair[0] < pair[1]), "{pattern}");
                // The first line matching is the first a search of each line finds, whether
                // the pattern's words are looked for as far as needed or not at all.
                assert_eq!(
                    lazy.first_line_matching(&document, range.clone()),
                    searched.first().copied(),
                    "{pattern} in {range:?}"
                );
            }
        }
    }

    #[test]
    fn parsed_at_once_compiled_at_first_use() {
        let lazy = LazyRegex::new("протокол\\s*№\\s*(\\d+)".into(), false).unwrap();
        assert!(lazy.source.compiled.get().is_none());
        assert_eq!(&lazy.captures("протокол № 4").unwrap()[1], "4");
        assert!(lazy.source.compiled.get().is_some());
        assert!(LazyRegex::new("(unclosed".into(), false).is_err());
        assert!(LazyRegex::new(r"\p{NoSuchClass}".into(), false).is_err());
    }

    #[test]
    fn text_without_a_digit_cannot_match_a_pattern_that_needs_one() {
        let none = || Arc::new(Fragments::new(&[], str::to_string));
        // As written, `\d` is any script's digit: no shortcut.
        let written = LazyRegex::new(r"№\s*(\d+)".into(), false).unwrap();
        assert!(written.may_match("без номера"));
        let ascii = LazyRegex::new(r"№\s*([0-9]+)".into(), false).unwrap();
        assert!(!ascii.may_match("без номера") && ascii.may_match("№ 3"));
        // Folded text holds `0`-`9` and one stand-in for every other digit.
        let folded =
            LazyRegex::for_folded_text(r"№\s*(\d+)", true, &none(), &mut Narrower::default())
                .unwrap();
        assert!(!folded.may_match("без номера"));
        assert!(folded.may_match("№ 3") && folded.may_match("№ \u{663}"));
        assert!(
            folded.source.compiled.get().is_none(),
            "decided without compiling"
        );
        let wordy = LazyRegex::for_folded_text(
            r"№\s*(\d+|первый)",
            true,
            &none(),
            &mut Narrower::default(),
        )
        .unwrap();
        assert!(wordy.may_match("№ первый"));
    }

    #[test]
    fn a_document_with_no_matching_line_is_told_in_one_search() {
        let none = || Arc::new(Fragments::new(&[], str::to_string));
        let folded = |pattern: &str| {
            LazyRegex::for_folded_text(pattern, true, &none(), &mut Narrower::default()).unwrap()
        };
        let joined = "протокол № 4\nснять с контроля\n";
        assert!(folded(r"^снять\s+с\s+контрол\w*$").may_match_a_line_of(joined));
        assert!(!folded(r"бақылаудан\s+алынсын").may_match_a_line_of(joined));
        // Only the first line starts the text: such a pattern is searched line by line.
        assert!(folded(r"\Aснять").may_match_a_line_of(joined));
        // Without a search, only what every match needs is looked for: a word, a digit.
        assert!(folded(r"снять\s+с\s+контрол\w*").may_occur_in(joined));
        assert!(!folded(r"снять\s+с\s+учета").may_occur_in(joined));
        assert!(!folded(r"до\s+\d+").may_occur_in("до конца года"));
    }

    #[test]
    fn deferred_ones_are_narrowed_at_first_use() {
        let pattern = r"(?:^|\W)\w+\s+ПРОТОКОЛ\s*№\s*(\d+)";
        let none = || Arc::new(Fragments::new(&[], str::to_string));
        let deferred = LazyRegex::for_folded_text_deferred(pattern.into(), true, none());
        assert!(deferred.source.tree.get().is_none());
        let eager =
            LazyRegex::for_folded_text(pattern, true, &none(), &mut Narrower::default()).unwrap();
        assert_eq!(deferred.tree(), eager.tree());
        assert_eq!(
            &deferred.captures("выписка из протокол № 4").unwrap()[1],
            "4"
        );
        // Checked when the pack loaded, a broken one would have been refused; deferred, it
        // matches nothing rather than stopping the run.
        let broken = LazyRegex::for_folded_text_deferred("(unclosed".into(), false, none());
        assert!(!broken.is_match("(unclosed"));
        let uncommon = LazyRegex::for_folded_text_deferred(r"\p{Han}".into(), false, none());
        assert!(!uncommon.is_match("\u{10D0}"));
    }

    #[test]
    fn case_insensitive_ones_keep_ignoring_case_in_a_set() {
        let lazy = LazyRegex::new("^ПОСТАНОВИЛИ".into(), true).unwrap();
        assert!(lazy.is_match("постановили"));
        let set = crate::matcher::LineStartSet::build(&[lazy.tree()], 1 << 20).unwrap();
        assert_eq!(set.matching("Постановили"), [0]);
        assert!(set.matching("решили").is_empty());
    }
}
