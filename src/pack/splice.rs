//! The engine's fragments (`{date}`, `{period}`), parsed once and grafted into every pattern
//! that names them.
//!
//! The date grammar is some ten kilobytes of pattern. Pasted as text into each of the dozen
//! patterns that name it, it was parsed and narrowed a dozen times, most of the cost of reading
//! those patterns. Instead a pattern for folded text names a fragment by a placeholder character
//! ([`crate::parse::narrow::SPLICE_POINTS`]), which parses as a plain literal; once the pattern
//! is narrowed, each placeholder is replaced by the fragment's own narrowed tree, parsed the
//! first time any pattern needs it. The tree that results is the one the pasted text gave.

use crate::parse::narrow::{Narrower, SPLICE_POINTS};
use crate::parse::prebuilt::{self, Syntax};
use regex_syntax::hir::{Capture, Hir, HirKind, Repetition};
use std::sync::OnceLock;

pub struct Fragments {
    entries: Vec<Fragment>,
}

struct Fragment {
    name: String,
    /// The pattern as written, for lower-case text: the engine writes its fragments so, and
    /// parsing them case-insensitively cost more than anything else in splicing them.
    source: String,
    /// Its spelling folded as document text is (`ё` as `е`, one kind of quote), to parse.
    folded: String,
    placeholder: char,
    /// Parsed and narrowed at first use.
    tree: OnceLock<Result<Hir, String>>,
}

impl Fragments {
    /// `builtins` are (name, pattern) pairs, at most as many as there are splice points; `fold`
    /// spells a pattern as folded text is spelt.
    pub fn new(builtins: &[(&str, &str)], fold: fn(&str) -> String) -> Fragments {
        let entries = builtins
            .iter()
            .zip(SPLICE_POINTS)
            .map(|((name, source), placeholder)| Fragment {
                name: (*name).to_string(),
                source: (*source).to_string(),
                folded: fold(source),
                placeholder,
                tree: OnceLock::new(),
            })
            .collect();
        Fragments { entries }
    }

    pub fn names(&self) -> impl Iterator<Item = &str> {
        self.entries.iter().map(|f| f.name.as_str())
    }

    /// The fragment's pattern as written, for lower-case text.
    pub fn source(&self, name: &str) -> Option<&str> {
        self.find(name).map(|f| f.source.as_str())
    }

    /// The character that stands for the fragment in a pattern for folded text.
    pub fn placeholder(&self, name: &str) -> Option<char> {
        self.find(name).map(|f| f.placeholder)
    }

    fn find(&self, name: &str) -> Option<&Fragment> {
        self.entries.iter().find(|f| f.name == name)
    }

    /// `hir`, narrowed already, with every placeholder replaced by its fragment's narrowed tree.
    pub fn splice(&self, hir: Hir, narrower: &mut Narrower) -> Result<Hir, String> {
        Ok(self.spliced(&hir, narrower)?.unwrap_or(hir))
    }

    /// `hir` with its placeholders replaced, or `None` when it holds none. Only the nodes on the
    /// way to a placeholder are built anew: most patterns name no fragment, and rebuilding every
    /// node of a tree that needs no change cost more than the grafting itself.
    fn spliced(&self, hir: &Hir, narrower: &mut Narrower) -> Result<Option<Hir>, String> {
        Ok(match hir.kind() {
            HirKind::Literal(literal) => {
                let Ok(text) = std::str::from_utf8(&literal.0) else {
                    return Ok(None);
                };
                if !text.chars().any(|c| SPLICE_POINTS.contains(&c)) {
                    return Ok(None);
                }
                let mut parts = Vec::new();
                let mut run = String::new();
                for c in text.chars() {
                    match self.entries.iter().find(|f| f.placeholder == c) {
                        Some(fragment) => {
                            if !run.is_empty() {
                                parts.push(Hir::literal(std::mem::take(&mut run).into_bytes()));
                            }
                            parts.push(fragment.tree(narrower)?);
                        }
                        None => run.push(c),
                    }
                }
                if !run.is_empty() {
                    parts.push(Hir::literal(run.into_bytes()));
                }
                Some(Hir::concat(parts))
            }
            HirKind::Repetition(repetition) => {
                self.spliced(&repetition.sub, narrower)?.map(|sub| {
                    Hir::repetition(Repetition {
                        min: repetition.min,
                        max: repetition.max,
                        greedy: repetition.greedy,
                        sub: Box::new(sub),
                    })
                })
            }
            HirKind::Capture(capture) => self.spliced(&capture.sub, narrower)?.map(|sub| {
                Hir::capture(Capture {
                    index: capture.index,
                    name: capture.name.clone(),
                    sub: Box::new(sub),
                })
            }),
            HirKind::Concat(parts) => self.spliced_all(parts, narrower)?.map(Hir::concat),
            HirKind::Alternation(branches) => {
                self.spliced_all(branches, narrower)?.map(Hir::alternation)
            }
            HirKind::Empty | HirKind::Class(_) | HirKind::Look(_) => None,
        })
    }

    /// `hirs` with their placeholders replaced, the others copied, or `None` when none holds one.
    fn spliced_all(
        &self,
        hirs: &[Hir],
        narrower: &mut Narrower,
    ) -> Result<Option<Vec<Hir>>, String> {
        let mut changed = Vec::with_capacity(hirs.len());
        for hir in hirs {
            changed.push(self.spliced(hir, narrower)?);
        }
        if changed.iter().all(Option::is_none) {
            return Ok(None);
        }
        Ok(Some(
            changed
                .into_iter()
                .zip(hirs)
                .map(|(new, old)| new.unwrap_or_else(|| old.clone()))
                .collect(),
        ))
    }
}

impl Fragment {
    fn tree(&self, narrower: &mut Narrower) -> Result<Hir, String> {
        self.tree
            .get_or_init(|| {
                let syntax = Syntax {
                    case_insensitive: false,
                    multi_line: true,
                };
                prebuilt::narrowed_tree(&self.folded, syntax, narrower)
            })
            .clone()
            .map_err(|e| format!("`{{{}}}`: {e}", self.name))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::matcher::parsed_multi_line as parse;

    #[test]
    fn a_spliced_pattern_is_the_pattern_with_the_text_pasted_in() {
        let fragments = Fragments::new(
            &[("date", r"(?i:\d\d\.\d\d|марта?)"), ("n", "[0-9]+")],
            str::to_string,
        );
        let date = fragments.placeholder("date").unwrap();
        let n = fragments.placeholder("n").unwrap();
        let mut narrower = Narrower::default();
        for (with_placeholders, pasted) in [
            (
                format!(r"до\s+{date}"),
                r"до\s+(?:(?i:\d\d\.\d\d|марта?))".to_string(),
            ),
            (
                format!("\"{date}\"x{n}"),
                r#""(?:(?i:\d\d\.\d\d|марта?))"x(?:[0-9]+)"#.into(),
            ),
            (
                format!("(?P<v>{date})?|{n}"),
                r"(?P<v>(?i:\d\d\.\d\d|марта?))?|[0-9]+".into(),
            ),
        ] {
            let narrowed = narrower.narrow(&parse(&with_placeholders)).unwrap();
            let spliced = fragments.splice(narrowed, &mut narrower).unwrap();
            let expected = narrower.narrow(&parse(&pasted)).unwrap();
            assert_eq!(
                spliced.to_string(),
                expected.to_string(),
                "{with_placeholders}"
            );
        }
    }

    #[test]
    fn a_pattern_naming_no_fragment_comes_back_as_it_was() {
        let fragments = Fragments::new(&[("date", r"\d\d\.\d\d")], str::to_string);
        let mut narrower = Narrower::default();
        let narrowed = narrower
            .narrow(&parse(r"(?P<v>до\s+\w+)|срок[а-я]{0,3}"))
            .unwrap();
        let spliced = fragments.splice(narrowed.clone(), &mut narrower).unwrap();
        assert_eq!(spliced, narrowed);
    }

    #[test]
    fn a_fragment_that_does_not_parse_is_an_error_naming_it() {
        let fragments = Fragments::new(&[("date", "(unclosed")], str::to_string);
        let date = fragments.placeholder("date").unwrap();
        let mut narrower = Narrower::default();
        let narrowed = narrower.narrow(&parse(&format!("до {date}"))).unwrap();
        let error = fragments.splice(narrowed, &mut narrower).unwrap_err();
        assert!(error.contains("{date}"), "{error}");
    }
}
