//! Patterns asked together which of them match a line: the section headings, all of which begin
//! at the start of a line (`^` in multi-line mode).

pub use regex_automata::PatternSet;
use regex_automata::meta::{self, Regex};
use regex_automata::{Anchored, Input, MatchKind};
use regex_syntax::hir::{Hir, Look};

#[derive(Debug)]
pub struct LineStartSet {
    regex: Regex,
    /// Every pattern can match only where a line starts.
    at_line_starts: bool,
}

impl LineStartSet {
    /// Compiles the patterns together; `size_limit` bounds the automata in bytes.
    pub fn build(hirs: &[&Hir], size_limit: usize) -> Result<LineStartSet, String> {
        let regex = meta::Builder::new()
            .configure(
                // As the regex crate configures a `RegexSet`.
                meta::Config::new()
                    .match_kind(MatchKind::All)
                    .utf8_empty(true)
                    .nfa_size_limit(Some(size_limit)),
            )
            .build_many_from_hir(hirs)
            .map_err(|error| error.to_string())?;
        let at_line_starts = hirs.iter().all(|hir| {
            let starts = hir.properties().look_set_prefix();
            starts.contains(Look::StartLF) || starts.contains(Look::Start)
        });
        Ok(LineStartSet {
            regex,
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
        PatternSet::new(self.regex.pattern_len())
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
        self.regex.which_overlapping_matches(&input, found);
        found.iter().map(|pattern| pattern.as_usize())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn set(patterns: &[&str]) -> LineStartSet {
        let hirs: Vec<Hir> = patterns
            .iter()
            .map(|p| {
                regex_syntax::ParserBuilder::new()
                    .multi_line(true)
                    .build()
                    .parse(p)
                    .unwrap()
            })
            .collect();
        LineStartSet::build(&hirs.iter().collect::<Vec<_>>(), 1 << 20).unwrap()
    }

    /// The same answers as the regex crate's `RegexSet`, anchored or not.
    #[test]
    fn matches_as_a_regex_set_does() {
        let cases: [&[&str]; 2] = [
            &[
                r"^[\s*_#]*(?:\d+\.\s+)?слушали",
                r"^\W*постановили",
                r"^\s*решили",
            ],
            &[r"^слушали", r"постановили"],
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
