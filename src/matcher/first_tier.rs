//! The first tier's engines (see the module above) built without the meta regex.
//!
//! The meta regex makes a new NFA compiler for every pattern, and creating and dropping one
//! (its table of UTF-8 suffixes has ten thousand entries) cost a fifth of building the first
//! tier: 15 M of the 74 M instructions that building a protocol's patterns took. Here one
//! compiler per thread builds every first tier, and the two engines the meta regex would have
//! chosen between on that tier, the bounded backtracker and the PikeVM, run straight on the
//! NFA with the same literal prefilter, built only once a haystack long enough to gain from it
//! is searched. Both find leftmost-first matches and step over empty matches that would split a
//! character, as the meta regex does; only the speed differs.

use regex_automata::nfa::thompson::backtrack::{self, BoundedBacktracker};
use regex_automata::nfa::thompson::pikevm::{self, PikeVM};
use regex_automata::nfa::thompson::{self, NFA, WhichCaptures};
use regex_automata::util::captures::Captures;
use regex_automata::util::iter::Searcher;
use regex_automata::util::pool::{Pool, PoolGuard};
use regex_automata::util::prefilter::Prefilter;
use regex_automata::{Input, Match, MatchKind};
use regex_syntax::hir::Hir;
use std::cell::RefCell;
use std::sync::{Arc, OnceLock};

type MakeCaches = super::MakeCaches<Caches>;

pub struct FirstTier {
    /// Without a prefilter: for short haystacks, and for a pattern with no prefix to look for.
    plain: NfaEngines,
    /// With the literal prefilter of the pattern's prefixes, built at the first search of a
    /// haystack of [`PREFILTER_MIN_LEN`] bytes or more.
    filtered: OnceLock<Option<NfaEngines>>,
    hir: Arc<Hir>,
    caches: Pool<Caches, MakeCaches>,
}

/// The two engines over one NFA.
struct NfaEngines {
    backtracker: BoundedBacktracker,
    pikevm: PikeVM,
}

/// Made at a pattern's first search; the PikeVMs' own only once each searches, since each is
/// as large as the NFA and most patterns of a small run never leave the backtracker.
#[derive(Default)]
struct Caches {
    pikevm: Option<pikevm::Cache>,
    filtered_pikevm: Option<pikevm::Cache>,
}

/// Haystacks shorter than this are searched without a prefilter. Building one for several
/// prefixes (Teddy, with an Aho-Corasick automaton beside it) took 7.7 M of the 106 M
/// instructions of checking one protocol, while on a line or a short decision it saves little:
/// the pattern's required words were looked for already. One protocol, by this length: 105.8 M
/// with every pattern's prefilter (built at its first search), 100.6 M at 64 or 128 bytes,
/// 100.5 M at 256, 102.5 M at 512, 104.1 M at 2,048, 106.9 M with none.
const PREFILTER_MIN_LEN: usize = 256;

/// Haystacks longer than this are not searched for the earliest match by the backtracker: it
/// cannot stop early, the PikeVM can. The meta regex draws the line at 128 bytes, where its lazy
/// DFA usually answers first anyway; the first tier has no DFA, and the backtracker stays the
/// faster up to about a kilobyte (one protocol: 125.4 M instructions at 128 bytes, 120.5 M at
/// 512, 120.2 M at 1,024, 120.9 M at 4,096).
const EARLIEST_BACKTRACK_LEN: usize = 1024;

thread_local! {
    /// Reused from pattern to pattern: see the module comment.
    static COMPILER: RefCell<thompson::Compiler> = RefCell::new(thompson::Compiler::new());
    /// The backtracker's visited set, reused from pattern to pattern as well: one per pattern
    /// grew to a few hundred kilobytes each, pages fresh from the system every time, where a
    /// search needs the set only while it runs.
    static BACKTRACK_CACHE: RefCell<Option<backtrack::Cache>> = const { RefCell::new(None) };
}

impl std::fmt::Debug for FirstTier {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("FirstTier").finish_non_exhaustive()
    }
}

/// The forward NFA of `hirs` (one pattern each), from this thread's compiler.
pub fn forward_nfa(hirs: &[&Hir], config: thompson::Config) -> Result<NFA, String> {
    COMPILER.with(|compiler| {
        let mut compiler = compiler.borrow_mut();
        compiler.configure(config);
        compiler
            .build_many_from_hir(hirs)
            .map_err(|error| error.to_string())
    })
}

impl FirstTier {
    /// The engines for `hir`, its NFA bounded by `size_limit` bytes as the meta regex bounds it.
    pub fn build(hir: Arc<Hir>, size_limit: usize) -> Result<FirstTier, String> {
        // As the meta regex configures its forward NFA.
        let config = thompson::Config::new()
            .utf8(true)
            .nfa_size_limit(Some(size_limit))
            .shrink(false)
            .which_captures(WhichCaptures::All);
        let nfa = forward_nfa(&[&hir], config)?;
        let make: MakeCaches = Box::new(Caches::default);
        Ok(FirstTier {
            plain: NfaEngines::build(nfa, None)?,
            filtered: OnceLock::new(),
            hir,
            caches: Pool::new(make),
        })
    }

    /// The tree the engines were built from.
    pub fn hir(&self) -> &Hir {
        &self.hir
    }

    /// The engines for a search of `input`, with the caches of its PikeVM.
    fn engines<'c>(
        &self,
        input: &Input<'_>,
        caches: &'c mut Caches,
    ) -> (&NfaEngines, &'c mut Option<pikevm::Cache>) {
        if input.get_span().len() >= PREFILTER_MIN_LEN
            && let Some(filtered) = self.filtered.get_or_init(|| self.with_prefilter())
        {
            return (filtered, &mut caches.filtered_pikevm);
        }
        (&self.plain, &mut caches.pikevm)
    }

    /// The engines over the same NFA with the prefilter of the pattern's prefixes; `None` when
    /// it has none.
    fn with_prefilter(&self) -> Option<NfaEngines> {
        let prefilter = Prefilter::from_hir_prefix(MatchKind::LeftmostFirst, &self.hir)?;
        let nfa = self.plain.backtracker.get_nfa().clone();
        NfaEngines::build(nfa, Some(prefilter)).ok()
    }

    pub fn create_captures(&self) -> Captures {
        self.plain.pikevm.create_captures()
    }

    pub fn is_match(&self, text: &str) -> bool {
        let input = Input::new(text).earliest(true);
        let mut caches = self.caches.get();
        self.find_with(&mut caches, &input).is_some()
    }

    pub fn find(&self, input: &Input<'_>) -> Option<Match> {
        let mut caches = self.caches.get();
        self.find_with(&mut caches, input)
    }

    pub fn search_captures(&self, input: &Input<'_>, captures: &mut Captures) {
        let mut caches = self.caches.get();
        self.captures_with(&mut caches, input, captures);
    }

    /// Every match in `text`, left to right.
    pub fn find_iter<'r, 'h>(&'r self, text: &'h str) -> impl Iterator<Item = Match> + use<'r, 'h> {
        let mut caches = self.caches.get();
        let mut searcher = Searcher::new(Input::new(text));
        std::iter::from_fn(move || searcher.advance(|input| Ok(self.find_with(&mut caches, input))))
    }

    /// Every match in `text` with its groups, left to right.
    pub fn captures_iter<'r, 'h>(
        &'r self,
        text: &'h str,
    ) -> impl Iterator<Item = Captures> + use<'r, 'h> {
        let mut caches = self.caches.get();
        let mut searcher = Searcher::new(Input::new(text));
        let mut captures = self.create_captures();
        std::iter::from_fn(move || {
            searcher.advance(|input| {
                self.captures_with(&mut caches, input, &mut captures);
                Ok(captures.get_match())
            })?;
            Some(captures.clone())
        })
    }

    fn find_with(
        &self,
        caches: &mut PoolGuard<'_, Caches, MakeCaches>,
        input: &Input<'_>,
    ) -> Option<Match> {
        let (engines, cache) = self.engines(input, caches);
        if engines.backtracks(input) {
            let found = with_backtrack_cache(&engines.backtracker, |cache| {
                engines.backtracker.try_find(cache, input.clone())
            });
            if let Ok(found) = found {
                return found;
            }
        }
        let cache = cache.get_or_insert_with(|| engines.pikevm.create_cache());
        engines.pikevm.find(cache, input.clone())
    }

    fn captures_with(
        &self,
        caches: &mut PoolGuard<'_, Caches, MakeCaches>,
        input: &Input<'_>,
        captures: &mut Captures,
    ) {
        let (engines, cache) = self.engines(input, caches);
        if engines.backtracks(input)
            && with_backtrack_cache(&engines.backtracker, |cache| {
                engines.backtracker.try_search(cache, input, captures)
            })
            .is_ok()
        {
            return;
        }
        let cache = cache.get_or_insert_with(|| engines.pikevm.create_cache());
        engines.pikevm.search(cache, input, captures);
    }
}

impl NfaEngines {
    fn build(nfa: NFA, prefilter: Option<Prefilter>) -> Result<NfaEngines, String> {
        let backtracker = BoundedBacktracker::builder()
            .configure(backtrack::Config::new().prefilter(prefilter.clone()))
            .build_from_nfa(nfa.clone())
            .map_err(|error| error.to_string())?;
        let pikevm = PikeVM::builder()
            .configure(pikevm::Config::new().prefilter(prefilter))
            .build_from_nfa(nfa)
            .map_err(|error| error.to_string())?;
        Ok(NfaEngines {
            backtracker,
            pikevm,
        })
    }

    /// Whether the backtracker takes this search: it is the faster where the haystack is short
    /// enough for its bounded memory.
    fn backtracks(&self, input: &Input<'_>) -> bool {
        if input.get_earliest() && input.haystack().len() > EARLIEST_BACKTRACK_LEN {
            return false;
        }
        input.get_span().len() <= self.backtracker.max_haystack_len()
    }
}

/// `search` with this thread's backtracker cache, made ready for `backtracker`.
fn with_backtrack_cache<T>(
    backtracker: &BoundedBacktracker,
    search: impl FnOnce(&mut backtrack::Cache) -> T,
) -> T {
    BACKTRACK_CACHE.with(|slot| {
        let mut slot = slot.borrow_mut();
        let cache = match slot.as_mut() {
            Some(cache) => {
                cache.reset(backtracker);
                cache
            }
            None => slot.insert(backtracker.create_cache()),
        };
        search(cache)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Short texts go to the backtracker and long ones to the PikeVM: both answer as the regex
    /// crate does, empty matches between the bytes of a character included.
    #[test]
    fn both_engines_answer_as_the_regex_crate_does() {
        let cases = [
            (
                r"(?P<d>\d{1,2})\.(\d{2})\.\d{4}|срок\w*",
                "срок: до 01.02.2026; ё 3.04.2026 ",
            ),
            (r"x*", "ёxxё "),
            (r"\bа\w*", "аб вг ая "),
        ];
        let mut prefiltered = false;
        for (pattern, unit) in cases {
            let hir = crate::matcher::parsed_multi_line(pattern);
            let ours = FirstTier::build(Arc::new(hir), 1 << 20).unwrap();
            let theirs = regex::Regex::new(pattern).unwrap();
            for text in [unit.to_string(), unit.repeat((1 << 20) / unit.len() + 1)] {
                let long = text.len() > ours.plain.backtracker.max_haystack_len();
                assert_eq!(
                    long,
                    text.len() > unit.len(),
                    "{pattern}: a text for each engine"
                );
                assert_eq!(ours.is_match(&text), theirs.is_match(&text), "{pattern}");
                let found: Vec<_> = ours.find_iter(&text).map(|m| m.range()).collect();
                let expected: Vec<_> = theirs.find_iter(&text).map(|m| m.range()).collect();
                assert_eq!(found, expected, "{pattern}, {} bytes", text.len());
                let groups: Vec<Vec<_>> = ours
                    .captures_iter(&text)
                    .map(|c| {
                        (0..c.group_len())
                            .map(|i| c.get_group(i).map(|s| s.range()))
                            .collect()
                    })
                    .collect();
                let expected: Vec<Vec<_>> = theirs
                    .captures_iter(&text)
                    .map(|c| c.iter().map(|m| m.map(|m| m.range())).collect())
                    .collect();
                assert_eq!(groups, expected, "{pattern}, {} bytes", text.len());
                // The short text is searched without a prefilter; the long one builds it.
                let filtered = ours.filtered.get();
                assert_eq!(filtered.is_some(), long, "{pattern}");
                prefiltered |= filtered.is_some_and(Option::is_some);
            }
        }
        assert!(prefiltered, "some pattern has a prefix to look for");
    }
}
