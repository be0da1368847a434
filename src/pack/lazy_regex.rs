//! A pack pattern compiled the first time a document needs it.
//!
//! The default pack holds some hundred and fifty patterns for protocols, plans, compositions
//! and the corpus; one protocol needs a fraction of them, and compiling them all was most of
//! the cost of checking one file. Each pattern is parsed when the pack loads, so a pattern
//! with a syntax error is still a pack error naming its file, and built into a matcher only
//! where it is first used.

use crate::parse::narrow::Narrower;
use regex::{Regex, RegexBuilder};
use std::sync::OnceLock;

/// How large one compiled pattern may grow. Pack patterns are the pack author's own, so the
/// limit is there against runaway memory, not to refuse patterns: at 32 MiB the largest
/// pattern of the default pack would have room several times over.
const SIZE_LIMIT: usize = 256 << 20;

pub struct LazyRegex {
    pattern: String,
    case_insensitive: bool,
    compiled: OnceLock<Regex>,
}

impl LazyRegex {
    /// Parses `pattern` (multi-line mode, case-insensitive if asked); the error is the
    /// parser's message.
    pub fn new(pattern: String, case_insensitive: bool) -> Result<LazyRegex, String> {
        regex_syntax::ParserBuilder::new()
            .case_insensitive(case_insensitive)
            .multi_line(true)
            .build()
            .parse(&pattern)
            .map_err(|error| error.to_string())?;
        Ok(LazyRegex {
            pattern,
            case_insensitive,
            compiled: OnceLock::new(),
        })
    }

    /// Parses `pattern` for folded text (`parse::normalize`), with its classes narrowed to what
    /// folded text can hold ([`Narrower`]): the same matches, compiled several times faster.
    pub fn for_folded_text(
        pattern: &str,
        case_insensitive: bool,
        narrower: &mut Narrower,
    ) -> Result<LazyRegex, String> {
        let hir = regex_syntax::ParserBuilder::new()
            .case_insensitive(case_insensitive)
            .multi_line(true)
            .build()
            .parse(pattern)
            .map_err(|error| error.to_string())?;
        Ok(LazyRegex {
            pattern: narrower.narrow(&hir)?.to_string(),
            case_insensitive: false,
            compiled: OnceLock::new(),
        })
    }

    /// The pattern as written for a `RegexSet` of case-sensitive patterns.
    pub fn for_set(&self) -> String {
        if self.case_insensitive {
            format!("(?i:{})", self.pattern)
        } else {
            self.pattern.clone()
        }
    }

    /// The compiled regex. A pattern that parsed but cannot be built (only past
    /// [`SIZE_LIMIT`]) matches nothing rather than stopping the run.
    pub fn regex(&self) -> &Regex {
        self.compiled.get_or_init(|| {
            RegexBuilder::new(&self.pattern)
                .case_insensitive(self.case_insensitive)
                .multi_line(true)
                .size_limit(SIZE_LIMIT)
                .build()
                .unwrap_or_else(|_| never())
        })
    }
}

/// A regex that matches nothing: an empty class.
fn never() -> Regex {
    Regex::new(r"[^\s\S]").unwrap_or_else(|_| unreachable!("a fixed, valid pattern"))
}

impl std::ops::Deref for LazyRegex {
    type Target = Regex;

    fn deref(&self) -> &Regex {
        self.regex()
    }
}

impl std::fmt::Debug for LazyRegex {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_tuple("LazyRegex").field(&self.pattern).finish()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parsed_at_once_compiled_at_first_use() {
        let lazy = LazyRegex::new("протокол\\s*№\\s*(\\d+)".into(), false).unwrap();
        assert!(lazy.compiled.get().is_none());
        assert_eq!(&lazy.captures("протокол № 4").unwrap()[1], "4");
        assert!(lazy.compiled.get().is_some());
        assert!(LazyRegex::new("(unclosed".into(), false).is_err());
        assert!(LazyRegex::new(r"\p{NoSuchClass}".into(), false).is_err());
    }

    #[test]
    fn case_insensitive_ones_say_so_in_a_set() {
        let lazy = LazyRegex::new("ПОСТАНОВИЛИ".into(), true).unwrap();
        assert!(lazy.is_match("постановили"));
        assert_eq!(lazy.for_set(), "(?i:ПОСТАНОВИЛИ)");
    }
}
