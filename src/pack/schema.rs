//! The rule pack's YAML as written by rule authors, deserialised as it stands.
//! Unknown keys are errors so a misspelt key never silently does nothing.

use crate::lang::Localized;
use serde::Deserialize;
use std::collections::BTreeMap;

/// One YAML file of a pack; every section is optional so a pack can be split across files.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PackFile {
    pub pack: Option<PackMeta>,
    pub lexicon: Option<LexiconDef>,
    #[serde(default)]
    pub kinds: Vec<KindDef>,
    #[serde(default)]
    pub sections: Vec<SectionDef>,
    #[serde(default)]
    pub columns: Vec<ColumnDef>,
    #[serde(default)]
    pub fields: Vec<FieldDef>,
    #[serde(default)]
    pub items: Vec<ItemDef>,
    pub follow_ups: Option<FollowUpDef>,
    pub commissions: Option<CommissionsDef>,
    #[serde(default)]
    pub rules: Vec<RuleDef>,
}

/// How a document names the commission it belongs to, so that `hattama audit` can show each
/// commission by its name and notice a document filed with the wrong commission.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CommissionsDef {
    /// Front-matter keys whose value names the commission.
    #[serde(default = "default_commission_keys")]
    pub front_matter: Vec<String>,
    /// How many lines at the top of a document are its header, where the name stands.
    #[serde(default = "default_commission_lines")]
    pub first_lines: usize,
    /// Patterns that find the name, each with a named group `place` (the district or city as
    /// written) and the name it gives, `{place}` standing for that group.
    #[serde(default)]
    pub names: Vec<CommissionNameDef>,
    /// Letters one language writes where the other writes another (`қ: к`), so the two
    /// spellings of a place compare equal.
    #[serde(default)]
    pub letters: BTreeMap<String, String>,
    /// Endings of a place's adjective that are not part of its name (`ского` in `Мартукского`).
    #[serde(default)]
    pub endings: Vec<String>,
}

impl Default for CommissionsDef {
    fn default() -> CommissionsDef {
        CommissionsDef {
            front_matter: default_commission_keys(),
            first_lines: default_commission_lines(),
            names: Vec::new(),
            letters: BTreeMap::new(),
            endings: Vec::new(),
        }
    }
}

fn default_commission_keys() -> Vec<String> {
    vec!["commission".into(), "district".into()]
}

fn default_commission_lines() -> usize {
    20
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CommissionNameDef {
    pub pattern: String,
    pub name: String,
    /// The language the name is written in: names of one language are compared with each
    /// other, and with the other language's only where the letters fold to the same place.
    #[serde(default)]
    pub lang: Option<crate::lang::Lang>,
}

/// How a later protocol refers to an earlier decision and reports on it.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FollowUpDef {
    /// The field that holds a protocol's number, which citations name.
    pub number_field: String,
    /// Patterns with named groups `items` (or `item`) and `protocol`, optionally `date`, that
    /// cite decisions: "п. 2.2, 3.1 протокола № 1 от 28.01.2026".
    pub references: Vec<String>,
    /// Words on the citing line that close the decision ("снять с контроля", "орындалды").
    pub closed: Vec<String>,
    /// Words that keep it open ("оставить на контроле", "не исполнено"): a citation nearer to
    /// these than to a closing word stays open.
    #[serde(default)]
    pub kept: Vec<String>,
    /// Words that extend its deadline to a date on the same line ("продлить срок до …").
    #[serde(default)]
    pub extended: Vec<String>,
    /// Words in a decision itself that mark it executed.
    #[serde(default)]
    pub executed: Vec<String>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PackMeta {
    /// Namespace of the pack's rule ids (`kz-kdn` gives `kz-kdn/decision-deadline`).
    pub id: String,
    pub name: Localized,
    #[serde(default)]
    pub description: Option<Localized>,
    /// The field that dates a document (for `since` and for dates written without a year).
    #[serde(default)]
    pub date_field: Option<String>,
    /// Extra masking patterns for personal data in snippets (named group `mask` optional).
    #[serde(default)]
    pub mask: Vec<String>,
    /// The field that names the year a document is for (a plan's year): it, not the date the
    /// document was signed, gives the year of dates and periods written without one.
    #[serde(default)]
    pub year_field: Option<String>,
    /// The document kind that records a session (counted in audit summaries).
    #[serde(default)]
    pub session_kind: Option<String>,
    /// Fields that name the persons who answer for a commission (its chair, its secretary):
    /// the audit shows each commission's values from its latest document that gives them.
    #[serde(default)]
    pub responsible: Option<Vec<String>>,
    /// How a commission's score is computed from its findings.
    #[serde(default)]
    pub scoring: Option<ScoringDef>,
    /// The groups rules are reported under (the columns of the report's heat map).
    #[serde(default)]
    pub categories: Vec<CategoryDef>,
    /// Topics the report shows per commission as "covered in N of M documents", each judged
    /// by one rule: a document the rule applies to covers the topic when the rule found nothing.
    #[serde(default)]
    pub coverage: Vec<CoverageDef>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CategoryDef {
    pub id: String,
    pub name: Localized,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CoverageDef {
    pub id: String,
    pub name: Localized,
    /// The rule whose absence of findings means "covered" (id without the pack prefix).
    pub rule: String,
}

/// score = max(0, 100 − points_per_finding × (weighted document findings ÷ documents)
///                  − points_per_commission_finding × weighted commission findings);
/// the weight of a finding is its rule's entry in `rules`, else its severity's in `weights`.
/// Document findings are averaged so a large commission is not punished for its size;
/// findings about the commission as a whole (overdue decisions, gaps, copies) are not.
#[derive(Debug, Clone, PartialEq, Deserialize, serde::Serialize)]
#[serde(deny_unknown_fields)]
pub struct ScoringDef {
    #[serde(default = "default_points")]
    pub points_per_finding: f64,
    #[serde(default = "default_commission_points")]
    pub points_per_commission_finding: f64,
    #[serde(default)]
    pub weights: SeverityWeights,
    #[serde(default)]
    pub rules: BTreeMap<String, f64>,
}

fn default_points() -> f64 {
    10.0
}

fn default_commission_points() -> f64 {
    2.0
}

impl Default for ScoringDef {
    fn default() -> ScoringDef {
        ScoringDef {
            points_per_finding: default_points(),
            points_per_commission_finding: default_commission_points(),
            weights: SeverityWeights::default(),
            rules: BTreeMap::new(),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Deserialize, serde::Serialize)]
#[serde(deny_unknown_fields)]
pub struct SeverityWeights {
    pub error: f64,
    pub warning: f64,
    pub info: f64,
}

impl Default for SeverityWeights {
    fn default() -> SeverityWeights {
        SeverityWeights {
            error: 1.0,
            warning: 0.3,
            info: 0.0,
        }
    }
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LexiconDef {
    pub calendar: Option<CalendarDef>,
    /// Named regex fragments usable as `{name}` in every pattern of the pack.
    #[serde(default)]
    pub terms: BTreeMap<String, Vec<String>>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CalendarDef {
    pub months: Vec<Vec<String>>,
    pub quarter: Vec<String>,
    pub half_year: Vec<String>,
    pub year: Vec<String>,
    // The words of month ranges; without them, a form that needs them never matches.
    #[serde(default)]
    pub month_word: Vec<String>,
    #[serde(default)]
    pub range_from: Vec<String>,
    #[serde(default)]
    pub range_to: Vec<String>,
    #[serde(default)]
    pub until: Vec<String>,
    #[serde(default)]
    pub ablative_endings: Vec<String>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct KindDef {
    pub id: String,
    pub name: Localized,
    /// Patterns for the title line, searched in the first `within_lines` lines.
    pub titles: Vec<String>,
    #[serde(default = "default_title_lines")]
    pub within_lines: usize,
    /// Other evidence of the kind (an approval stamp, a table of measures, the headings of a
    /// session): each adds its weight to the kind's score, as a title adds
    /// [`TITLE_WEIGHT`](crate::pack::TITLE_WEIGHT).
    #[serde(default)]
    pub signals: Vec<KindSignalDef>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct KindSignalDef {
    /// Named in `inspect`, which says what decided a document's kind.
    pub id: String,
    pub patterns: Vec<String>,
    /// Search only this many first lines (default: the whole document).
    #[serde(default)]
    pub within_lines: Option<usize>,
    #[serde(default = "default_signal_weight")]
    pub weight: u32,
}

fn default_signal_weight() -> u32 {
    1
}

fn default_title_lines() -> usize {
    15
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SectionDef {
    pub id: String,
    pub name: Localized,
    #[serde(default)]
    pub kinds: Vec<String>,
    /// Patterns for the heading words, matched at the start of the line.
    pub headings: Vec<String>,
    /// A matching line is this section's heading however it is set (not only bold, CAPS, `#` or
    /// followed by a colon).
    #[serde(default)]
    pub any_line: bool,
    /// This heading opens a new agenda question (`СЛУШАЛИ` / `ТЫҢДАЛДЫ`).
    #[serde(default)]
    pub starts_question: bool,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ColumnDef {
    pub id: String,
    /// Patterns for the column's header cell.
    pub headers: Vec<String>,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum FieldType {
    #[default]
    Text,
    Integer,
    Date,
    Deadline,
    /// How many entries a section lists (members present listed by name).
    Count,
    /// How many distinct months a region names (sessions planned by month).
    Months,
}

/// A pattern, or a pattern with the constant value a match gives the field.
#[derive(Debug, Clone, Deserialize)]
#[serde(untagged)]
pub enum PatternDef {
    Plain(String),
    Valued {
        pattern: String,
        value: serde_yaml_ng::Value,
    },
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FieldDef {
    pub id: String,
    pub name: Localized,
    #[serde(default)]
    pub kinds: Vec<String>,
    #[serde(default, rename = "type")]
    pub field_type: FieldType,
    /// Front matter keys that give this field (front matter wins over the text).
    #[serde(default)]
    pub front_matter: Vec<String>,
    #[serde(default)]
    pub patterns: Vec<PatternDef>,
    /// Where to look: the first N lines, the last N lines, or one section.
    #[serde(default)]
    pub first_lines: Option<usize>,
    #[serde(default)]
    pub last_lines: Option<usize>,
    #[serde(default)]
    pub section: Option<String>,
    /// Stop looking at the first section heading (the protocol's header ends there).
    #[serde(default)]
    pub header: bool,
    /// Also look in a Word document's page headers and footers when the text lacks it.
    #[serde(default)]
    pub margins: bool,
    /// For deadlines: phrases that fix no date at all, and legitimate recurrences.
    #[serde(default)]
    pub vague: Vec<String>,
    #[serde(default)]
    pub recurring: Vec<String>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ItemDef {
    pub id: String,
    pub name: Localized,
    #[serde(default)]
    pub kinds: Vec<String>,
    /// Numbered entries of these sections are items.
    #[serde(default)]
    pub sections: Vec<String>,
    /// Rows of tables whose header names at least two known columns are items.
    #[serde(default)]
    pub table_rows: bool,
    /// Named classes of items, e.g. informational decisions that need no deadline.
    #[serde(default)]
    pub classes: BTreeMap<String, Vec<String>>,
    #[serde(default)]
    pub fields: Vec<ItemFieldDef>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ItemFieldDef {
    pub id: String,
    pub name: Localized,
    #[serde(default, rename = "type")]
    pub field_type: FieldType,
    /// The table column that holds the field, for table rows.
    #[serde(default)]
    pub column: Option<String>,
    #[serde(default)]
    pub patterns: Vec<String>,
    #[serde(default)]
    pub vague: Vec<String>,
    #[serde(default)]
    pub recurring: Vec<String>,
}

/// One rule: the keys every rule has, and its kind's own keys, which the kind reads into its
/// definition when it is compiled (and refuses those it does not know).
#[derive(Debug, Clone, Deserialize)]
pub struct RuleDef {
    pub id: String,
    pub kind: String,
    pub severity: String,
    /// Document kinds the rule applies to.
    pub documents: Vec<String>,
    /// The requirement the rule enforces, in its own words: written once, or in
    /// `kk`, `ru` and `en` so `explain` shows it in the reader's language.
    #[serde(with = "crate::lang::one_or_each")]
    pub requirement: Localized,
    /// Where the requirement comes from (a law, a regulation's clause, an order, an audit), for
    /// `hattama explain`; the self-check page shows the requirement alone.
    #[serde(default, deserialize_with = "crate::lang::one_or_each::optional")]
    pub basis: Option<Localized>,
    /// One of the pack's `categories` (the report groups findings by it).
    #[serde(default)]
    pub category: Option<String>,
    /// Documents dated before this day are not held to the rule.
    #[serde(default)]
    pub since: Option<String>,
    pub message: Localized,
    pub fix: Localized,
    /// For `hattama explain`: why it matters and an example of a document that passes
    /// (written once, or in `kk`, `ru` and `en`).
    pub why: Localized,
    #[serde(default, deserialize_with = "crate::lang::one_or_each::optional")]
    pub example: Option<Localized>,
    #[serde(default)]
    pub params: BTreeMap<String, serde_yaml_ng::Value>,
    /// The keys of the rule's kind (`fields`, `scope`, `forbid`…).
    #[serde(flatten)]
    pub keys: BTreeMap<String, serde_yaml_ng::Value>,
}
