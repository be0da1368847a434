//! A compiled pattern, built straight from the syntax tree already parsed: the pack's patterns
//! and the date grammar's.
//!
//! Patterns are parsed once to narrow their classes to folded text (`parse::narrow`). The regex
//! crate only takes a pattern as a string, so it used to print the narrowed tree and parse it a
//! second time: a sixth of the cost of checking one file. `regex_automata`'s meta regex, the
//! engine inside the regex crate, builds from the tree itself, with the same matching: this is
//! the small part of the regex crate's interface the engine uses, over that regex.
//!
//! For a small input, such as the one protocol a secretary checks, a pattern is built in two
//! tiers. Its first searches run on the engines that need only the forward NFA (a bounded
//! backtracker and the PikeVM, behind the literal prefilter), which are slower per byte but
//! cheap to build; building the lazy DFA, which also needs the pattern compiled backwards, was a
//! fifth of the cost of checking one protocol. Should a pattern's searches cover
//! [`TIER_UP_BYTES`] all the same, the full engine is built then. Any other run (an audit, a
//! folder, a long-lived server) builds the full engine at once: building the forward NFA twice
//! costs more than the first tier saves as soon as the text runs to a few protocols. The first
//! tier runs those two engines without the meta regex (`first_tier`), which made a new NFA
//! compiler for every pattern; they find the same leftmost-first matches as the meta regex, so
//! the choice changes nothing but speed.
//!
//! Before any engine is asked, the text is looked at for what every match needs (a word or a
//! byte, `required`): text without it holds no match. A deferred matcher (the built-in pack's
//! patterns and date forms) is compiled only at the first text that has it, so a pattern no
//! text of the run could match is never compiled.

mod first_tier;
mod required;
mod set;
mod whole_match;

use either::Either;
use first_tier::FirstTier;
use regex_automata::meta::{self, Regex};
use regex_automata::util::captures::Captures as Slots;
use regex_automata::{Anchored, Input};
use regex_syntax::hir::{Hir, HirKind};
use required::Required;
pub use required::WordPlaces;
pub use set::LineStartSet;
use std::ops::{Range, RangeInclusive};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex, OnceLock};

/// What makes the caches of one thread's searches for a pool of them, in the first tier and in
/// the heading set alike.
type MakeCaches<C> =
    Box<dyn Fn() -> C + Send + Sync + std::panic::UnwindSafe + std::panic::RefUnwindSafe>;

/// How many bytes a pattern searches on its first tier before the full engine is built.
pub const TIER_UP_BYTES: usize = 32 << 10;

/// Up to how many bytes of input a run counts as small (see the module comment): about where
/// searching without a lazy DFA has cost as much as building one would have.
pub const SMALL_INPUT_BYTES: u64 = 24 << 10;

/// Whether patterns built from now on start on the first tier.
static SMALL_INPUT: AtomicBool = AtomicBool::new(false);

/// Tells the patterns built from now on how much text the run will search: `Some(bytes)` when
/// known before it starts (the files named on the command line), `None` when not (a folder,
/// standard input). Only a known small input starts patterns on the first tier.
pub fn expect_input(bytes: Option<u64>) {
    let small = bytes.is_some_and(|bytes| bytes <= SMALL_INPUT_BYTES);
    SMALL_INPUT.store(small, Ordering::Relaxed);
}

/// Whether patterns built now start on the first tier (see [`expect_input`]).
fn small_input() -> bool {
    SMALL_INPUT.load(Ordering::Relaxed)
}

/// A compiled pattern: leftmost-first matches over UTF-8 text, as `regex::Regex` finds them.
/// Clones share the compiled engines.
#[derive(Clone, Debug)]
pub struct Matcher {
    compiled: Arc<Compiled>,
}

#[derive(Debug)]
struct Compiled {
    /// Built with the matcher, or (deferred) at the first search of text that holds what
    /// every match needs.
    engines: OnceLock<Engines>,
    /// For a deferred matcher not yet built: the tree and size limit to build the engines
    /// from, given up to them when they are built. Shared with whoever made the tree (a pack
    /// pattern keeps it), which a copy of a large tree would cost as much as building it.
    deferred: Mutex<Option<(Arc<Hir>, usize)>>,
    /// What every match holds: text without it is not searched (`required`).
    required: Option<Required>,
    /// The groups' names by index: from the tree, so that a deferred matcher need not be
    /// built to tell them.
    names: Vec<Option<String>>,
    /// Every group spans the whole match: a search for groups is a search for the match
    /// (`whole_match`).
    groups_are_the_match: bool,
    /// Some match may be empty: where the search for a match's end alone may stop elsewhere
    /// than `find` (an empty match inside a character), so [`Matcher::end_of_first`] finds.
    matches_empty: bool,
}

#[derive(Debug)]
enum Engines {
    /// Everything the meta regex can use, the lazy DFA included.
    Full(Regex),
    /// For a small input: the forward NFA's engines only, until searches have covered
    /// [`TIER_UP_BYTES`] and the full engine is built from the tree.
    Tiered {
        /// Boxed: far larger than the full engine's handle. It keeps the tree the full engine is
        /// built from.
        first: Box<FirstTier>,
        size_limit: usize,
        searched: AtomicUsize,
        /// `None` when the full engine could not be built: the first tier serves on.
        full: OnceLock<Option<Regex>>,
    },
}

/// The engine a search runs on: a meta regex, or a first tier's engines.
#[derive(Clone, Copy)]
enum Engine<'a> {
    Meta(&'a Regex),
    First(&'a FirstTier),
}

impl<'a> Engine<'a> {
    fn is_match(self, text: &str) -> bool {
        match self {
            Engine::Meta(regex) => regex.is_match(text),
            Engine::First(first) => first.is_match(text),
        }
    }

    fn find(self, input: Input<'_>) -> Option<regex_automata::Match> {
        match self {
            Engine::Meta(regex) => regex.find(input),
            Engine::First(first) => first.find(&input),
        }
    }

    /// Where the first match ends: the meta regex needs no reverse search for where it starts.
    fn end_of_first(self, input: Input<'_>) -> Option<usize> {
        match self {
            Engine::Meta(regex) => regex.search_half(&input).map(|half| half.offset()),
            Engine::First(first) => first.find(&input).map(|found| found.end()),
        }
    }

    fn create_captures(self) -> Slots {
        match self {
            Engine::Meta(regex) => regex.create_captures(),
            Engine::First(first) => first.create_captures(),
        }
    }

    fn search_captures(self, input: &Input<'_>, slots: &mut Slots) {
        match self {
            Engine::Meta(regex) => regex.search_captures(input, slots),
            Engine::First(first) => first.search_captures(input, slots),
        }
    }

    fn find_iter<'h>(
        self,
        text: &'h str,
    ) -> impl Iterator<Item = regex_automata::Match> + use<'a, 'h> {
        match self {
            Engine::Meta(regex) => Either::Left(regex.find_iter(text)),
            Engine::First(first) => Either::Right(first.find_iter(text)),
        }
    }

    fn captures_iter<'h>(self, text: &'h str) -> impl Iterator<Item = Slots> + use<'a, 'h> {
        match self {
            Engine::Meta(regex) => Either::Left(regex.captures_iter(text)),
            Engine::First(first) => Either::Right(first.captures_iter(text)),
        }
    }
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
        Matcher::build_for(hir, size_limit, small_input())
    }

    /// Like [`Matcher::build`], for a small input or not whatever [`expect_input`] was told.
    fn build_for(hir: &Hir, size_limit: usize, small_input: bool) -> Result<Matcher, String> {
        let matcher = Matcher::with(hir, None);
        let engines = Engines::build(Arc::new(hir.clone()), size_limit, small_input)?;
        let _ = matcher.compiled.engines.set(engines);
        Ok(matcher)
    }

    /// Like [`Matcher::build`], but built only when first asked to search text that holds what
    /// every match needs: a pattern that no text of the run could match is never compiled. One
    /// that cannot be built (past `size_limit`) matches nothing, so this is for patterns known
    /// to fit (the built-in pack's, which its tests build) or whose caller takes that.
    pub fn deferred(hir: Arc<Hir>, size_limit: usize) -> Matcher {
        let tree = Arc::clone(&hir);
        Matcher::with(&tree, Some((hir, size_limit)))
    }

    fn with(hir: &Hir, deferred: Option<(Arc<Hir>, usize)>) -> Matcher {
        Matcher {
            compiled: Arc::new(Compiled {
                engines: OnceLock::new(),
                deferred: Mutex::new(deferred),
                required: Required::of(hir),
                names: group_names(hir),
                groups_are_the_match: whole_match::groups_span_the_match(hir),
                matches_empty: hir.properties().minimum_len() == Some(0),
            }),
        }
    }

    /// The engine to search `text` from `start` with; `None` when that part of it holds none
    /// of what every match needs, and so no match.
    fn engine_for(&self, text: &str, start: usize) -> Option<Engine<'_>> {
        let rest = text.as_bytes().get(start..).unwrap_or_default();
        if !self.may_hold_bytes(rest) {
            return None;
        }
        let compiled = &*self.compiled;
        let engines = compiled.engines.get_or_init(|| {
            let deferred = compiled
                .deferred
                .lock()
                .unwrap_or_else(|poisoned| poisoned.into_inner())
                .take();
            let (hir, size_limit) = deferred.unwrap_or_else(|| (Arc::new(never()), 1 << 10));
            Engines::build(hir, size_limit, small_input())
                .or_else(|_| Engines::build(Arc::new(never()), 1 << 10, false))
                .unwrap_or_else(|_| unreachable!("an empty class always builds"))
        });
        Some(engines.engine(rest.len()))
    }

    #[cfg(test)]
    fn on_full_engine(&self) -> bool {
        match self.compiled.engines.get() {
            Some(Engines::Full(_)) => true,
            Some(Engines::Tiered { full, .. }) => full.get().is_some_and(Option::is_some),
            None => false,
        }
    }

    /// The places of the words every match holds in `text`, found as far as asked
    /// ([`WordPlaces`]): a match lies around one of them. `None` when the pattern needs no such
    /// word (see `required`).
    pub fn required_word_places<'r, 't>(&'r self, text: &'t str) -> Option<WordPlaces<'r, 't>> {
        self.compiled
            .required
            .as_ref()?
            .word_places(text.as_bytes())
    }

    /// False when `text` holds none of what every match needs (see `required`), so that no
    /// part of it can match either; true says nothing.
    pub fn may_hold(&self, text: &str) -> bool {
        self.may_hold_bytes(text.as_bytes())
    }

    /// A long list of words is looked for only until the engines are built: each word is one
    /// more pass over the text, which costs more than the engine's own search, and what the
    /// look saves is building the engines for a pattern no text of the run could match.
    fn may_hold_bytes(&self, text: &[u8]) -> bool {
        let compiled = &*self.compiled;
        compiled.required.as_ref().is_none_or(|required| {
            let worth_it = required.is_cheap() || compiled.engines.get().is_none();
            !worth_it || required.in_text(text)
        })
    }

    pub fn is_match(&self, text: &str) -> bool {
        self.engine_for(text, 0)
            .is_some_and(|regex| regex.is_match(text))
    }

    pub fn find<'h>(&self, text: &'h str) -> Option<Match<'h>> {
        self.find_at(text, 0)
    }

    /// Where the first match in `text` ends, as `find` would tell, for a caller that needs no
    /// more: the search for where it starts is spared.
    pub fn end_of_first(&self, text: &str) -> Option<usize> {
        let engine = self.engine_for(text, 0)?;
        if self.compiled.matches_empty {
            return engine.find(Input::new(text)).map(|found| found.end());
        }
        engine.end_of_first(Input::new(text))
    }

    /// The first match starting at or after `start`, with the text before it still seen by
    /// look-arounds such as `^` and `\b`.
    pub fn find_at<'h>(&self, text: &'h str, start: usize) -> Option<Match<'h>> {
        let input = Input::new(text).span(start..text.len());
        self.engine_for(text, start)?.find(input).map(|m| Match {
            text,
            start: m.start(),
            end: m.end(),
        })
    }

    pub fn find_iter<'r, 'h>(&'r self, text: &'h str) -> impl Iterator<Item = Match<'h>> + 'r
    where
        'h: 'r,
    {
        self.engine_for(text, 0)
            .into_iter()
            .flat_map(move |regex| regex.find_iter(text))
            .map(move |m| Match {
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
        self.captures_from(text, start, Anchored::No)
    }

    /// The match that starts exactly at `at`, with its groups; the text before `at` is still
    /// seen by look-arounds.
    pub fn captures_anchored_at<'h>(&self, text: &'h str, at: usize) -> Option<Captures<'h>> {
        self.captures_from(text, at, Anchored::Yes)
    }

    fn captures_from<'h>(
        &self,
        text: &'h str,
        start: usize,
        anchored: Anchored,
    ) -> Option<Captures<'h>> {
        let regex = self.engine_for(text, start)?;
        let mut slots = regex.create_captures();
        let input = Input::new(text).span(start..text.len()).anchored(anchored);
        if self.compiled.groups_are_the_match {
            whole_match::fill(&mut slots, regex.find(input)?);
        } else {
            regex.search_captures(&input, &mut slots);
        }
        slots.is_match().then_some(Captures { text, slots })
    }

    pub fn captures_iter<'r, 'h>(&'r self, text: &'h str) -> impl Iterator<Item = Captures<'h>> + 'r
    where
        'h: 'r,
    {
        let groups_are_the_match = self.compiled.groups_are_the_match;
        self.engine_for(text, 0)
            .into_iter()
            .flat_map(move |regex| {
                if groups_are_the_match {
                    Either::Left(regex.find_iter(text).map(move |found| {
                        let mut slots = regex.create_captures();
                        whole_match::fill(&mut slots, found);
                        slots
                    }))
                } else {
                    Either::Right(regex.captures_iter(text))
                }
            })
            .map(move |slots| Captures { text, slots })
    }

    /// The groups' names in index order, `None` for the whole match and unnamed groups.
    pub fn capture_names(&self) -> impl Iterator<Item = Option<&str>> + '_ {
        self.compiled.names.iter().map(Option::as_deref)
    }
}

impl Engines {
    fn build(hir: Arc<Hir>, size_limit: usize, small_input: bool) -> Result<Engines, String> {
        Ok(if small_input {
            Engines::Tiered {
                first: Box::new(FirstTier::build(hir, size_limit)?),
                size_limit,
                searched: AtomicUsize::new(0),
                full: OnceLock::new(),
            }
        } else {
            Engines::Full(configured(&hir, size_limit)?)
        })
    }

    /// The engine for a search of `len` bytes: the full one if built, else the first tier
    /// until its searches have covered [`TIER_UP_BYTES`]. Should the full one fail to build
    /// (its reverse automaton past the size limit), the first serves on.
    fn engine(&self, len: usize) -> Engine<'_> {
        match self {
            Engines::Full(full) => Engine::Meta(full),
            Engines::Tiered {
                first,
                size_limit,
                searched,
                full,
            } => {
                if let Some(full) = full.get() {
                    return full.as_ref().map_or(Engine::First(first), Engine::Meta);
                }
                if searched.fetch_add(len, Ordering::Relaxed) + len < TIER_UP_BYTES {
                    return Engine::First(first);
                }
                full.get_or_init(|| configured(first.hir(), *size_limit).ok())
                    .as_ref()
                    .map_or(Engine::First(first), Engine::Meta)
            }
        }
    }
}

/// The groups' names by index as the engine numbers them: `None` for the whole match (group 0)
/// and for unnamed groups.
fn group_names(hir: &Hir) -> Vec<Option<String>> {
    fn visit(hir: &Hir, names: &mut Vec<Option<String>>) {
        match hir.kind() {
            HirKind::Capture(capture) => {
                let index = capture.index as usize;
                if names.len() <= index {
                    names.resize(index + 1, None);
                }
                names[index] = capture.name.as_deref().map(str::to_string);
                visit(&capture.sub, names);
            }
            HirKind::Repetition(repetition) => visit(&repetition.sub, names),
            HirKind::Concat(parts) | HirKind::Alternation(parts) => {
                parts.iter().for_each(|part| visit(part, names));
            }
            HirKind::Empty | HirKind::Literal(_) | HirKind::Class(_) | HirKind::Look(_) => {}
        }
    }
    let mut names = vec![None];
    visit(hir, &mut names);
    names
}

/// `pattern` parsed as the pack's patterns are (multi-line mode), for tests.
#[cfg(test)]
pub fn parsed_multi_line(pattern: &str) -> Hir {
    regex_syntax::ParserBuilder::new()
        .multi_line(true)
        .build()
        .parse(pattern)
        .unwrap()
}

/// A pattern that matches nothing: an empty class.
fn never() -> Hir {
    Hir::class(regex_syntax::hir::Class::Unicode(
        regex_syntax::hir::ClassUnicode::empty(),
    ))
}

/// A meta regex over `hir`, configured as the regex crate configures its own: the full tier.
fn configured(hir: &Hir, size_limit: usize) -> Result<Regex, String> {
    meta::Builder::new()
        .configure(
            meta::Config::new()
                .match_kind(regex_automata::MatchKind::LeftmostFirst)
                .utf8_empty(true)
                .nfa_size_limit(Some(size_limit))
                .hybrid_cache_capacity(2 << 20),
        )
        .build_from_hir(hir)
        .map_err(|error| error.to_string())
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
        tiered(pattern, false)
    }

    fn tiered(pattern: &str, small_input: bool) -> Matcher {
        let hir = parsed_multi_line(pattern);
        Matcher::build_for(&hir, 1 << 20, small_input).unwrap()
    }

    /// Every call answers as the regex crate does on the same pattern and text: built for a
    /// large input, and for a small one on its first tier and after tiering up.
    #[test]
    fn matches_as_the_regex_crate_does() {
        let cases = [
            (r"(?P<n>\d+)\s*(марта|апреля)?", "до 12 марта и 3 апреля, 7"),
            (r"^\w+", "первая строка\nвторая строка"),
            (r"\b", "аб вг"),
            (r"x*", "ёxxё"),
            (r"(a)|(b)", "b"),
            (
                r"(?:до|не позднее)\s+(?P<d>\d{1,2}\.\d{2}\.\d{4})",
                "срок: до 01.02.2026; 3.04.2026",
            ),
            // Groups that span the whole match, found by a search for the match alone.
            (
                r"^(?P<value>(?P<when>(?:до|не позднее)\s+\d+)\.?)",
                "до 12.\nне позднее 3 дней\n до 4",
            ),
            (r"\b(?P<value>\d*)", "а 12 б"),
        ];
        for (pattern, text) in cases {
            let theirs = regex::RegexBuilder::new(pattern)
                .multi_line(true)
                .build()
                .unwrap();
            agrees(&matcher(pattern), &theirs, text);
            let ours = tiered(pattern, true);
            assert!(!ours.on_full_engine(), "{pattern}");
            agrees(&ours, &theirs, text);
            // Enough searching to build the full tier, then the same answers again.
            let long = format!("{text}\n").repeat(TIER_UP_BYTES / text.len() + 1);
            assert_eq!(ours.is_match(&long), theirs.is_match(&long));
            assert!(ours.on_full_engine(), "{pattern}");
            agrees(&ours, &theirs, text);
        }
    }

    fn agrees(ours: &Matcher, theirs: &regex::Regex, text: &str) {
        let pattern = theirs.as_str();
        assert_eq!(ours.is_match(text), theirs.is_match(text));
        let found: Vec<_> = ours.find_iter(text).map(|m| m.range()).collect();
        let expected: Vec<_> = theirs.find_iter(text).map(|m| m.range()).collect();
        assert_eq!(found, expected, "{pattern}");
        assert_eq!(
            ours.end_of_first(text),
            theirs.find(text).map(|m| m.end()),
            "{pattern}"
        );
        let groups = |c: &Captures<'_>| {
            (0..c.len())
                .map(|i| c.get(i).map(|m| m.range()))
                .collect::<Vec<_>>()
        };
        let their_groups = |c: &regex::Captures<'_>| {
            (0..c.len())
                .map(|i| c.get(i).map(|m| m.range()))
                .collect::<Vec<_>>()
        };
        let found: Vec<_> = ours.captures_iter(text).map(|c| groups(&c)).collect();
        let expected: Vec<_> = theirs
            .captures_iter(text)
            .map(|c| their_groups(&c))
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
                theirs.captures_at(text, at).map(|c| their_groups(&c)),
                "{pattern} at {at}"
            );
        }
        let names: Vec<_> = ours.capture_names().collect();
        let expected: Vec<_> = theirs.capture_names().collect();
        assert_eq!(names, expected);
    }

    #[test]
    fn a_deferred_matcher_is_built_at_the_first_text_that_may_hold_a_match() {
        let hir = |pattern: &str| regex_syntax::parse(pattern).unwrap();
        let deferred = Matcher::deferred(Arc::new(hir(r"(?P<n>\d+)\s+протокол\w*")), 1 << 20);
        let names: Vec<_> = deferred.capture_names().collect();
        assert_eq!(names, [None, Some("n")]);
        assert!(!deferred.is_match("3 протеста"));
        assert!(deferred.compiled.engines.get().is_none());
        assert_eq!(
            deferred
                .captures("из 3 протоколов")
                .unwrap()
                .name("n")
                .unwrap()
                .as_str(),
            "3"
        );
        assert!(deferred.compiled.engines.get().is_some());
        // Past its size limit it matches nothing.
        let too_large = Matcher::deferred(Arc::new(hir(r"\w{200}протокол")), 1 << 10);
        assert!(!too_large.is_match(&format!("{}протокол", "а".repeat(200))));
    }

    /// A pattern that lists many words (the pack's periodic deadlines, its sanctions) is not
    /// compiled for text that holds none of them, and answers as the regex crate does once it
    /// is.
    #[test]
    fn a_pattern_of_many_words_is_built_only_for_text_holding_one() {
        let words = [
            "ежедневно",
            "еженедельно",
            "ежемесячно",
            "ежеквартально",
            "ежегодно",
            "постоянно",
            "регулярно",
            "систематически",
            "апта сайын",
            "ай сайын",
            "тоқсан сайын",
            "жыл сайын",
            "үнемі",
        ];
        let pattern = format!(r"(?P<value>(?:{})\w*)", words.join("|"));
        let hir = regex_syntax::parse(&pattern).unwrap();
        assert!(!Required::of(&hir).unwrap().is_cheap());
        let deferred = Matcher::deferred(Arc::new(hir), 1 << 20);
        let without = "1.1. информацию принять к сведению";
        assert!(deferred.captures(without).is_none());
        assert!(deferred.compiled.engines.get().is_none());
        let with = "1.2. отделу образования ежемесячно информировать";
        let theirs = regex::Regex::new(&pattern).unwrap();
        for text in [with, without] {
            assert_eq!(
                deferred
                    .captures(text)
                    .map(|c| c.name("value").unwrap().range()),
                theirs
                    .captures(text)
                    .map(|c| c.name("value").unwrap().range())
            );
        }
        assert!(deferred.compiled.engines.get().is_some());
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

    #[test]
    fn an_anchored_match_starts_where_it_is_asked_and_sees_the_text_before() {
        let text = "12.03.2026 и 5.04.2026";
        let date = matcher(r"\b(?P<d>\d{1,2})\.(\d{2})\.\d{4}");
        let at = text.find('5').unwrap();
        let caps = date.captures_anchored_at(text, at).unwrap();
        assert_eq!(caps.name("d").unwrap().as_str(), "5");
        assert_eq!(caps.get(0).unwrap().start(), at);
        // A match further on is not this one's; `\b` sees the digit before `2`.
        assert!(date.captures_anchored_at(text, at - 2).is_none());
        assert!(date.captures_anchored_at(text, 1).is_none());
    }
}
