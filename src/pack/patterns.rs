//! Turns the pack's pattern strings into regexes: `{term}` references are expanded from the
//! lexicon, spelling variants are folded the way document text is, and matching ignores case.

use super::lazy_regex::LazyRegex;
use super::splice::Fragments;
use crate::parse::narrow::Narrower;
use std::cell::RefCell;
use std::collections::{BTreeMap, HashMap};
use std::sync::Arc;

/// References nest at most this deep, so a term that names itself is an error, not a hang.
const MAX_NESTING: usize = 8;

pub struct PatternCompiler {
    terms: BTreeMap<String, String>,
    /// The engine's fragments: pasted as text where text is matched as written, grafted in
    /// after narrowing where it is folded (`pack::splice`).
    fragments: Arc<Fragments>,
    /// Patterns for folded text are checked and narrowed now, or (`None`) at first use: see
    /// [`PatternCompiler::deferring_checks`].
    narrower: Option<RefCell<Narrower>>,
    /// Every pattern for folded text compiled so far, by its expanded text: rules that write a
    /// pattern alike (a marker of minors named in several rules) share one regex, parsed and
    /// built once.
    compiled: RefCell<HashMap<String, LazyRegex>>,
}

impl PatternCompiler {
    /// `terms` are the lexicon's fragments; `builtins` are fragments the engine supplies
    /// (`{date}`, `{period}`), written for lower-case text.
    pub fn new(
        terms: &BTreeMap<String, Vec<String>>,
        builtins: &[(&str, &str)],
    ) -> PatternCompiler {
        let terms: BTreeMap<String, String> = terms
            .iter()
            .filter(|(name, _)| !builtins.iter().any(|(builtin, _)| builtin == name))
            .map(|(name, alternatives)| (name.clone(), alternatives.join("|")))
            .collect();
        PatternCompiler {
            terms,
            fragments: Arc::new(Fragments::new(builtins, fold_pattern)),
            narrower: Some(RefCell::default()),
            compiled: RefCell::default(),
        }
    }

    /// Leaves the parsing and narrowing of patterns for folded text to their first use, for
    /// packs whose patterns are known to be valid (the built-in pack as shipped): checking the
    /// whole pack cost more than checking a document.
    pub fn deferring_checks(self) -> PatternCompiler {
        PatternCompiler {
            narrower: None,
            ..self
        }
    }

    /// Whether patterns are left unchecked until first used ([`PatternCompiler::deferring_checks`]).
    pub fn defers_checks(&self) -> bool {
        self.narrower.is_none()
    }

    /// Expands references and folds spelling, without compiling: for patterns matched
    /// against folded document text.
    /// The engine's fragments stand as placeholders, for [`Fragments::splice`] to replace.
    fn expand(&self, pattern: &str) -> Result<String, String> {
        Ok(fold_pattern(&self.expand_at(pattern, 0, true)?))
    }

    /// Expands references only: for patterns matched against the original text (masks).
    pub fn expand_raw(&self, pattern: &str) -> Result<String, String> {
        self.expand_at(pattern, 0, false)
    }

    fn expand_at(&self, pattern: &str, depth: usize, folded: bool) -> Result<String, String> {
        if depth > MAX_NESTING {
            return Err("lexicon terms refer to each other in a circle".into());
        }
        let mut out = String::with_capacity(pattern.len());
        let mut rest = pattern;
        while let Some(open) = rest.find('{') {
            let escaped = rest[..open].ends_with('\\') && !rest[..open].ends_with("\\\\");
            let after = &rest[open + 1..];
            let name_len = after
                .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
                .unwrap_or(after.len());
            let name = &after[..name_len];
            let closes = after[name_len..].starts_with('}');
            let is_reference =
                !escaped && closes && name.chars().next().is_some_and(|c| c.is_ascii_lowercase());
            if !is_reference {
                out.push_str(&rest[..=open]);
                rest = after;
                continue;
            }
            out.push_str(&rest[..open]);
            if let Some(placeholder) = self.fragments.placeholder(name).filter(|_| folded) {
                out.push(placeholder);
            } else if let Some(source) = self.fragments.source(name) {
                // Written for lower-case text: as written, text may be in capitals.
                out.push_str("(?i:");
                out.push_str(source);
                out.push(')');
            } else {
                let Some(body) = self.terms.get(name) else {
                    return Err(format!(
                        "`{{{name}}}` names no lexicon term (known: {})",
                        self.known().join(", ")
                    ));
                };
                out.push_str("(?:");
                out.push_str(&self.expand_at(body, depth + 1, folded)?);
                out.push(')');
            }
            rest = &after[name_len + 1..];
        }
        out.push_str(rest);
        Ok(out)
    }

    fn known(&self) -> Vec<String> {
        let mut names: Vec<String> = self.terms.keys().cloned().collect();
        names.extend(self.fragments.names().map(str::to_string));
        names.sort();
        names
    }

    /// Compiles a pattern for folded (lower-case) text: written in lower case where that is
    /// certain to match the same, which compiles many times faster than case-insensitivity.
    pub fn compile(&self, pattern: &str) -> Result<LazyRegex, String> {
        let expanded = self.expand(pattern)?;
        if let Some(compiled) = self.compiled.borrow().get(&expanded) {
            return Ok(compiled.clone());
        }
        let case_insensitive = super::case::needs_case_insensitivity(&expanded);
        let compiled = match &self.narrower {
            Some(narrower) => LazyRegex::for_folded_text(
                &expanded,
                case_insensitive,
                &self.fragments,
                &mut narrower.borrow_mut(),
            ),
            None => Ok(LazyRegex::for_folded_text_deferred(
                expanded.clone(),
                case_insensitive,
                Arc::clone(&self.fragments),
            )),
        }?;
        self.compiled
            .borrow_mut()
            .insert(expanded, compiled.clone());
        Ok(compiled)
    }

    /// Many patterns as one alternation (each kept in its own group so flags do not leak).
    pub fn compile_any(&self, patterns: &[String]) -> Result<Option<LazyRegex>, String> {
        if patterns.is_empty() {
            return Ok(None);
        }
        self.compile(&alternation(patterns)).map(Some)
    }

    /// Many patterns as one alternation matched against the original text, as the masks are:
    /// references expanded, nothing folded, case as written.
    pub fn compile_any_source(&self, patterns: &[String]) -> Result<Option<LazyRegex>, String> {
        if patterns.is_empty() {
            return Ok(None);
        }
        let expanded = self.expand_raw(&alternation(patterns))?;
        LazyRegex::new(expanded, false).map(Some)
    }
}

fn alternation(patterns: &[String]) -> String {
    patterns
        .iter()
        .map(|p| format!("(?:{p})"))
        .collect::<Vec<_>>()
        .join("|")
}

/// Documents are folded before matching (see `parse::normalize`); patterns get the same folds
/// that cannot change regex syntax.
fn fold_pattern(pattern: &str) -> String {
    pattern
        .chars()
        .map(|c| match c {
            'ё' => 'е',
            'Ё' => 'Е',
            '«' | '»' | '“' | '”' | '„' | '‟' | '″' => '"',
            '‘' | '’' | '‚' | '‛' => '\'',
            '\u{2010}'..='\u{2015}' | '\u{2212}' => '-',
            '\u{00A0}' => ' ',
            other => other,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn compiler() -> PatternCompiler {
        let mut terms = BTreeMap::new();
        terms.insert(
            "vague".to_string(),
            vec!["постоянно".into(), "тұрақты".into()],
        );
        terms.insert("deadline".to_string(), vec!["{vague}|до {date}".into()]);
        PatternCompiler::new(&terms, &[("date", r"\d\d\.\d\d\.\d{4}")])
    }

    #[test]
    fn references_expand_and_nest() {
        // Patterns run on folded text, which is in lower case.
        let regex = compiler().compile("Срок: {deadline}").unwrap();
        assert!(regex.is_match("срок: постоянно"));
        assert!(regex.is_match("срок: до 30.04.2026"));
        assert!(!regex.is_match("срок: скоро"));
    }

    #[test]
    fn repetition_counts_are_not_references() {
        let regex = compiler().compile(r"\d{2}-x{1,3}").unwrap();
        assert!(regex.is_match("12-xx"));
    }

    #[test]
    fn unknown_references_and_cycles_are_errors() {
        assert!(
            compiler()
                .compile("{nothing}")
                .unwrap_err()
                .contains("nothing")
        );
        let mut terms = BTreeMap::new();
        terms.insert("a".to_string(), vec!["{a}".to_string()]);
        let looped = PatternCompiler::new(&terms, &[]);
        assert!(looped.compile("{a}").is_err());
    }

    #[test]
    fn a_pattern_written_alike_twice_is_compiled_once() {
        for compiler in [compiler(), compiler().deferring_checks()] {
            let first = compiler.compile("до {date}").unwrap();
            let again = compiler.compile("до {date}").unwrap();
            let other = compiler.compile("после {date}").unwrap();
            assert!(first.is_shared_with(&again));
            assert!(!first.is_shared_with(&other));
            assert!(again.is_match("до 30.04.2026"));
        }
    }

    #[test]
    fn spelling_is_folded_like_documents() {
        let regex = compiler().compile("«отчёт»").unwrap();
        assert!(regex.is_match("\"отчет\""));
    }
}
