//! A compiled rule pack: every pattern a regex, every reference an index, ready to run.

use super::LazyRegex as Regex;
use super::schema::{FieldType, PackMeta};
use crate::calendar::DateParser;
use crate::finding::Severity;
use crate::lang::{Lang, Localized};
use crate::matcher::LineStartSet;
use crate::privacy::Masker;

pub struct Pack {
    pub metas: Vec<PackMeta>,
    pub scoring: super::schema::ScoringDef,
    /// The groups findings are reported under, in the pack's order.
    pub categories: Vec<Category>,
    /// Topics reported per commission as covered in N of M documents.
    pub coverage: Vec<Coverage>,
    /// The document kind that records a session.
    pub session_kind: String,
    /// The fields naming who answers for a commission (chair, secretary).
    pub responsible: Vec<usize>,
    /// The field that dates a document.
    pub date_field: Option<usize>,
    /// The field that names the year a document is for.
    pub year_field: Option<usize>,
    pub calendar: DateParser,
    pub kinds: Vec<Kind>,
    pub sections: Vec<Section>,
    /// Every section's heading pattern, in `sections` order, to test a line against all at once.
    pub section_headings: LineStartSet,
    pub columns: Vec<Column>,
    pub fields: Vec<Field>,
    pub items: Vec<ItemType>,
    pub rules: Vec<Rule>,
    pub follow_ups: FollowUps,
    pub commissions: CommissionNames,
    pub masker: Masker,
    /// Message, fix and condition templates of every rule, compiled once.
    pub templates: minijinja::Environment<'static>,
}

/// Compiled [`super::schema::FollowUpDef`]; empty when no pack defines it.
#[derive(Default)]
pub struct FollowUps {
    /// The field holding a protocol's number.
    pub number: Option<usize>,
    pub references: Vec<Regex>,
    pub closed: Option<Regex>,
    pub kept: Option<Regex>,
    pub extended: Option<Regex>,
    pub executed: Option<Regex>,
}

/// Compiled [`super::schema::CommissionsDef`]: how a document names its commission.
#[derive(Default)]
pub struct CommissionNames {
    pub front_matter: Vec<String>,
    pub first_lines: usize,
    pub names: Vec<CommissionName>,
    /// All of `names` in one regex without their groups: one pass over a header finds where
    /// the first name starts.
    pub any_name: Option<Regex>,
    /// Each letter and what it folds to when place names are compared.
    pub letters: Vec<(char, String)>,
    /// Endings stripped from a place's name, longest first.
    pub endings: Vec<String>,
}

pub struct CommissionName {
    /// Has a named group `place`.
    pub regex: Regex,
    /// The name it gives, `{place}` standing for the place as written.
    pub name: String,
    pub lang: Option<Lang>,
}

#[derive(Debug, Clone)]
pub struct Category {
    pub id: String,
    pub name: Localized,
}

#[derive(Debug, Clone)]
pub struct Coverage {
    pub id: String,
    pub name: Localized,
    /// Full rule id (`pack/rule`): documents it applies to without its findings are covered.
    pub rule: String,
}

pub struct Kind {
    pub id: String,
    pub name: Localized,
    pub title: Regex,
    pub within_lines: usize,
    pub signals: Vec<KindSignal>,
}

/// A title counts this much towards its kind's score; signals count their weight.
pub const TITLE_WEIGHT: u32 = 3;
/// The least score that makes a document of a kind: a title, or two signals' worth.
pub const KIND_THRESHOLD: u32 = 2;

pub struct KindSignal {
    pub id: String,
    pub pattern: Regex,
    pub within_lines: Option<usize>,
    pub weight: u32,
}

pub struct Section {
    pub id: String,
    pub name: Localized,
    pub kinds: Vec<String>,
    /// Anchored at the line start, after an optional number (`1.`, `II.`).
    pub heading: Regex,
    pub any_line: bool,
    pub starts_question: bool,
}

pub struct Column {
    pub id: String,
    pub header: Regex,
}

/// Where a field is looked for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Region {
    Document,
    FirstLines(usize),
    LastLines(usize),
    Section(usize),
}

pub struct FieldPattern {
    pub regex: Regex,
    /// The value a match gives, instead of the matched text.
    pub value: Option<serde_yaml_ng::Value>,
}

pub struct Field {
    pub id: String,
    /// The region ends at the first section heading.
    pub header: bool,
    /// Also read in a Word document's page headers and footers, when the text lacks it.
    pub margins: bool,
    pub name: Localized,
    pub kinds: Vec<String>,
    pub field_type: FieldType,
    pub front_matter: Vec<String>,
    pub patterns: Vec<FieldPattern>,
    pub region: Region,
    pub deadline: DeadlineWords,
}

/// Phrases that decide what kind of deadline a text gives, beyond dates and periods.
#[derive(Default)]
pub struct DeadlineWords {
    pub vague: Option<Regex>,
    pub recurring: Option<Regex>,
}

pub struct ItemType {
    pub id: String,
    pub name: Localized,
    pub kinds: Vec<String>,
    pub sections: Vec<usize>,
    pub table_rows: bool,
    pub classes: Vec<(String, Regex)>,
    pub fields: Vec<ItemField>,
}

pub struct ItemField {
    pub id: String,
    pub name: Localized,
    pub field_type: FieldType,
    pub column: Option<usize>,
    pub patterns: Vec<Regex>,
    pub deadline: DeadlineWords,
}

/// Which part of a document a rule looks at.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    Document,
    FirstLines(usize),
    LastLines(usize),
    Section(usize),
    /// Each agenda question (from one `starts_question` heading to the next), optionally
    /// narrowed to one section inside it.
    Question(Option<usize>),
    Item(usize),
}

/// Whether a rule judges one document or a commission's documents together, as its kind says
/// when it is compiled.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Role {
    #[default]
    Document,
    Corpus,
}

impl Role {
    pub fn is_corpus(self) -> bool {
        self == Role::Corpus
    }
}

pub struct Rule {
    /// `pack/rule`.
    pub id: String,
    pub kind: String,
    pub severity: Severity,
    /// One of the pack's categories, or `other`.
    pub category: String,
    pub documents: Vec<String>,
    pub since: Option<chrono::NaiveDate>,
    pub requirement: Localized,
    /// Where the requirement comes from.
    pub basis: Option<Localized>,
    pub message: Localized,
    pub fix: Localized,
    pub why: Localized,
    pub example: Option<Localized>,
    pub params: minijinja::Value,
    /// Said by the kind when the rule is compiled.
    pub role: Role,
    /// The kind's own keys as written (`fields`, `scope`, `when`…).
    pub keys: std::collections::BTreeMap<String, serde_yaml_ng::Value>,
    /// False when the configuration turned the rule off: it stays listed, but never runs.
    pub enabled: bool,
}

/// In a rule's `documents`, every document, including those of no known kind.
pub const ANY_DOCUMENT: &str = "*";

impl Rule {
    /// Whether the rule is about documents of this kind: listed in its `documents`, or `*` there.
    /// `None` is a document of no known kind, which only `*` takes in.
    pub fn applies_to_kind(&self, kind: Option<&str>) -> bool {
        self.documents
            .iter()
            .any(|d| d == ANY_DOCUMENT || kind == Some(d.as_str()))
    }

    /// Whether the rule judges a document of this kind and date: its kind is one the rule is
    /// about, and it is not dated before the rule's `since` (an undated document is held to it).
    pub fn applies(&self, kind: Option<&str>, date: Option<chrono::NaiveDate>) -> bool {
        self.applies_to_kind(kind)
            && self
                .since
                .is_none_or(|since| date.is_none_or(|date| date >= since))
    }

    pub fn template_name(&self, part: &str, lang: Lang) -> String {
        format!("{}#{part}.{lang}", self.id)
    }

    pub fn condition_name(&self) -> String {
        format!("{}#condition", self.id)
    }
}

impl Pack {
    /// The rules that run: all but those the configuration turned off.
    pub fn active_rules(&self) -> impl Iterator<Item = &Rule> {
        self.rules.iter().filter(|rule| rule.enabled)
    }

    pub fn rule(&self, id: &str) -> Option<&Rule> {
        self.rules
            .iter()
            .find(|rule| rule.id == id || rule.id.rsplit('/').next() == Some(id))
    }

    pub fn section_index(&self, id: &str) -> Option<usize> {
        self.sections.iter().position(|s| s.id == id)
    }

    pub fn field_index(&self, id: &str) -> Option<usize> {
        self.fields.iter().position(|f| f.id == id)
    }

    pub fn kind(&self, id: &str) -> Option<&Kind> {
        self.kinds.iter().find(|k| k.id == id)
    }
}
