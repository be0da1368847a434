//! Patterns asked together which of them match a line: the section headings, all of which begin
//! at the start of a line (`^` in multi-line mode).

pub use regex_automata::PatternSet;
use regex_automata::hybrid::dfa::{self as lazy_dfa, DFA};
use regex_automata::nfa::thompson::{
    self, WhichCaptures,
    pikevm::{self, PikeVM},
};
use regex_automata::util::pool::Pool;
use regex_automata::{Anchored, Input, MatchKind};
use regex_syntax::hir::{Hir, Look};

type MakeCaches = super::MakeCaches<Caches>;

/// The lazy DFA answers, as the regex crate's `RegexSet` has it answer; the PikeVM where the
/// lazy DFA gives up (a Unicode word boundary beside a letter outside ASCII, or a cache it
/// keeps clearing). Both run on the forward NFA alone: the meta regex that `RegexSet` wraps
/// also compiles the patterns backwards, for searches that find where a match starts, which a
/// set never needs. That was half the cost of building the set at every start.
pub struct LineStartSet {
    lazy_dfa: DFA,
    pikevm: PikeVM,
    caches: Pool<Caches, MakeCaches>,
    /// Every pattern can match only where a line starts.
    at_line_starts: bool,
}

/// The PikeVM's cache is made only if the lazy DFA ever gives up.
struct Caches {
    lazy_dfa: lazy_dfa::Cache,
    pikevm: Option<pikevm::Cache>,
}

impl std::fmt::Debug for LineStartSet {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("LineStartSet")
            .field("patterns", &self.pikevm.pattern_len())
            .field("at_line_starts", &self.at_line_starts)
            .finish_non_exhaustive()
    }
}

impl LineStartSet {
    /// Compiles the patterns together; `size_limit` bounds the NFA in bytes.
    pub fn build(hirs: &[&Hir], size_limit: usize) -> Result<LineStartSet, String> {
        // As the meta regex configures them for a `RegexSet`, less the patterns' own groups,
        // which a set never reports.
        let nfa = super::first_tier::forward_nfa(
            hirs,
            thompson::Config::new()
                .utf8(true)
                .nfa_size_limit(Some(size_limit))
                .shrink(false)
                .which_captures(WhichCaptures::Implicit),
        )?;
        let lazy_dfa = DFA::builder()
            .configure(
                DFA::config()
                    .match_kind(MatchKind::All)
                    .unicode_word_boundary(true)
                    .minimum_cache_clear_count(Some(3))
                    .minimum_bytes_per_state(Some(10)),
            )
            .build_from_nfa(nfa.clone())
            .map_err(|error| error.to_string())?;
        let pikevm = PikeVM::builder()
            .configure(PikeVM::config().match_kind(MatchKind::All))
            .build_from_nfa(nfa)
            .map_err(|error| error.to_string())?;
        let for_lazy_dfa = lazy_dfa.clone();
        let make: MakeCaches = Box::new(move || Caches {
            lazy_dfa: for_lazy_dfa.create_cache(),
            pikevm: None,
        });
        let at_line_starts = hirs.iter().all(|hir| {
            let starts = hir.properties().look_set_prefix();
            starts.contains(Look::StartLF) || starts.contains(Look::Start)
        });
        Ok(LineStartSet {
            lazy_dfa,
            pikevm,
            caches: Pool::new(make),
            at_line_starts,
        })
    }

    /// [`LineStartSet::matching_into`] with a set of its own, for tests.
    #[cfg(test)]
    pub fn matching(&self, line: &str) -> Vec<usize> {
        let mut found = self.scratch();
        self.matching_into(line, &mut found).collect()
    }

    /// Room for the answers of [`LineStartSet::matching_into`], made once for many lines.
    pub fn scratch(&self) -> PatternSet {
        PatternSet::new(self.pikevm.pattern_len())
    }

    /// The indices of the patterns that match `line`, in order, answered in `found`, which is
    /// cleared first: a document's lines are asked one after another, and a set made for each
    /// cost more than the search of most. In a line without a line break, a pattern that
    /// begins at a line start can match only at its first byte: the search is anchored there
    /// and stops where no pattern can go on, a few bytes in, instead of reading every line to
    /// its end.
    pub fn matching_into<'s>(
        &self,
        line: &str,
        found: &'s mut PatternSet,
    ) -> impl Iterator<Item = usize> + 's {
        found.clear();
        let mut input = Input::new(line);
        if self.at_line_starts && memchr::memchr2(b'\n', b'\r', line.as_bytes()).is_none() {
            input = input.anchored(Anchored::Yes);
        }
        let mut caches = self.caches.get();
        let answered =
            self.lazy_dfa
                .try_which_overlapping_matches(&mut caches.lazy_dfa, &input, found);
        if answered.is_err() {
            found.clear();
            let cache = caches
                .pikevm
                .get_or_insert_with(|| self.pikevm.create_cache());
            self.pikevm.which_overlapping_matches(cache, &input, found);
        }
        found.iter().map(|pattern| pattern.as_usize())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn set(patterns: &[&str]) -> LineStartSet {
        let hirs: Vec<Hir> = patterns
            .iter()
            .map(|p| crate::matcher::parsed_multi_line(p))
            .collect();
        LineStartSet::build(&hirs.iter().collect::<Vec<_>>(), 1 << 20).unwrap()
    }

    /// The same answers as the regex crate's `RegexSet`, anchored or not.
    #[test]
    fn matches_as_a_regex_set_does() {
        // The third set's word boundaries beside Cyrillic letters make the lazy DFA give up:
        // the PikeVM answers.
        let cases: [&[&str]; 3] = [
            &[
                r"^[\s*_#]*(?:\d+\.\s+)?слушали",
                r"^\W*постановили",
                r"^\s*решили",
            ],
            &[r"^слушали", r"постановили"],
            &[r"^\W*\bслушали\b", r"^решили\b"],
        ];
        let lines = [
            "слушали: иванову",
            "  2. слушали",
            "**постановили:**",
            "мы слушали и постановили",
            "первая\nслушали",
            "",
            "решили",
        ];
        for patterns in cases {
            let ours = set(patterns);
            assert_eq!(
                ours.at_line_starts,
                patterns.iter().all(|p| p.starts_with('^'))
            );
            let theirs = regex::RegexSetBuilder::new(patterns)
                .multi_line(true)
                .build()
                .unwrap();
            for line in lines {
                let expected: Vec<usize> = theirs.matches(line).iter().collect();
                assert_eq!(ours.matching(line), expected, "{patterns:?} on {line:?}");
            }
        }
    }
}
