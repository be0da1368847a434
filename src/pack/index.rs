//! What the audit summary and the reports need to know of each rule, looked up once per run
//! instead of by a search through the pack for every finding.

use super::Pack;
use std::collections::{BTreeMap, BTreeSet};

/// The category of the engine's own findings about files (unreadable, not text, encoding,
/// suppression comments): they belong to no rule of a pack.
pub const FILES_CATEGORY: &str = "files";

pub struct RuleIndex<'a> {
    category: BTreeMap<&'a str, &'a str>,
    corpus: BTreeSet<&'a str>,
}

impl<'a> RuleIndex<'a> {
    pub fn of(pack: &'a Pack) -> RuleIndex<'a> {
        let mut index = RuleIndex {
            category: BTreeMap::new(),
            corpus: BTreeSet::new(),
        };
        for rule in &pack.rules {
            index.category.insert(&rule.id, &rule.category);
            if rule.role.is_corpus() {
                index.corpus.insert(&rule.id);
            }
        }
        index
    }

    pub fn category(&self, rule: &str) -> &'a str {
        self.category.get(rule).copied().unwrap_or(FILES_CATEGORY)
    }

    /// A rule about a commission's documents together rather than one document.
    pub fn is_corpus(&self, rule: &str) -> bool {
        self.corpus.contains(rule)
    }
}
