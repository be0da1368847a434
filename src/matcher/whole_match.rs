//! Patterns whose every group spans the whole match: `(?P<value>…)` around all of it, perhaps
//! with `^` or `$` beside it. Where such a pattern matches tells its groups too, so a search for
//! them is a search for the match: the engine that finds groups (a backtracker over the match,
//! its visited set cleared for every search) need not run. Field patterns are often written so
//! (`(?P<value>(?:до|не\s+позднее)\s+{date})`), and finding groups was a tenth of an audit.

use regex_automata::Match;
use regex_automata::util::captures::Captures as Slots;
use regex_automata::util::primitives::NonMaxUsize;
use regex_syntax::hir::{Hir, HirKind};

/// Whether every explicit group of `hir` spans exactly the whole match, so that the match's
/// place is every group's. True for a pattern with no group at all.
pub fn groups_span_the_match(hir: &Hir) -> bool {
    let explicit = hir.properties().explicit_captures_len();
    explicit == 0 || spanning_groups(hir) == Some(explicit)
}

/// How many groups span the whole match of `hir`, if no other group is inside it; `None` when
/// some group may span less.
fn spanning_groups(hir: &Hir) -> Option<usize> {
    match hir.kind() {
        HirKind::Capture(capture) => Some(1 + spanning_groups(&capture.sub)?),
        HirKind::Concat(parts) => {
            // Parts that match no text (`^`, `$`, `\b`) stand beside the one that does.
            let (wide, narrow): (Vec<&Hir>, Vec<&Hir>) = parts
                .iter()
                .partition(|part| part.properties().maximum_len() != Some(0));
            let no_group = |part: &&Hir| part.properties().explicit_captures_len() == 0;
            match wide.as_slice() {
                [one] if narrow.iter().all(no_group) => spanning_groups(one),
                _ => (hir.properties().explicit_captures_len() == 0).then_some(0),
            }
        }
        _ => (hir.properties().explicit_captures_len() == 0).then_some(0),
    }
}

/// Sets every group of `slots` to `found`, the match of a pattern whose groups all span it.
pub fn fill(slots: &mut Slots, found: Match) {
    slots.set_pattern(Some(found.pattern()));
    let (start, end) = (
        NonMaxUsize::new(found.start()),
        NonMaxUsize::new(found.end()),
    );
    for pair in slots.slots_mut().chunks_exact_mut(2) {
        pair[0] = start;
        pair[1] = end;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::matcher::parsed_multi_line as parsed;

    #[test]
    fn only_groups_around_the_whole_match_qualify() {
        for pattern in [
            r"до\s+\d+",
            r"(?P<value>до\s+\d+)",
            r"^(?P<value>до\s+\d+)$",
            r"(?P<value>(?P<inner>до\s+\d+))",
            r"\b(?P<value>(?:до|не\s+позднее)\s+\d+)",
            r"(?:(?P<value>x|y))",
        ] {
            assert!(groups_span_the_match(&parsed(pattern)), "{pattern}");
        }
        for pattern in [
            r"срок:\s*(?P<value>\d+)",
            r"(?P<value>\d+)\s*член",
            r"(?P<value>до\s+(?P<d>\d+))",
            r"(?P<a>x)|(?P<b>y)",
            r"(?P<value>x)+",
            r"(?P<value>x)?",
            r"(?:^|\s)(?P<value>\d+)",
            r"(?P<empty>)(?P<value>x)",
        ] {
            assert!(!groups_span_the_match(&parsed(pattern)), "{pattern}");
        }
    }
}
