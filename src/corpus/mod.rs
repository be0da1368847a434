//! Stage four, across documents: the rules that look at all documents of a commission at once
//! (follow-ups, session cadence, numbering, secretaries, plans, copies). Each document is
//! reduced to [`facts::Facts`] while it is parsed, in parallel; the rules then judge the facts,
//! so a national corpus never has to be held in memory as parsed documents.

mod align;
mod cadence;
pub mod citations;
pub mod commission;
mod copied;
mod duplicates;
pub mod facts;
mod follow_up;
mod lsh;
mod minhash;
mod misfiled;
pub mod naming;

mod numbering;
mod plans;
pub mod score;
pub mod sessions;
mod turnover;
mod union_find;
pub mod words;

use crate::check::{CheckSettings, render};
use crate::extract::Extraction;
use crate::finding::{Finding, Position, Related, Severity};
use crate::pack::{CorpusCheck, Pack, Rule};
use crate::parse::Document;
use crate::progress::{Progress, Stage};
use chrono::NaiveDate;
use facts::Facts;
use minijinja::Value;
use std::collections::BTreeMap;

/// One document as the corpus rules see it.
#[derive(Debug, Clone)]
pub struct Record {
    pub path: String,
    pub commission: commission::Commission,
    /// The commission the document names itself (front matter or header).
    pub named: Option<naming::Named>,
    pub kind: Option<String>,
    pub date: Option<NaiveDate>,
    pub facts: Facts,
    /// For a Word document, the paragraph of each line (`Document::paragraphs`), so that a
    /// corpus finding points where the document rules' findings do.
    pub paragraphs: Option<Vec<u32>>,
}

impl Record {
    /// What the corpus rules keep of one document, filed under the commission of its folder.
    pub fn of(
        document: &Document,
        extraction: &Extraction,
        commission: commission::Commission,
        pack: &Pack,
    ) -> Record {
        Record {
            path: document.path.clone(),
            commission,
            named: naming::read(document, pack),
            kind: extraction.kind_id(pack).map(str::to_string),
            date: extraction.date,
            facts: facts::collect(document, extraction, pack),
            paragraphs: document.paragraphs.clone(),
        }
    }
}

/// Turns the lines of corpus findings, and of the documents they cite, into paragraphs where
/// the document is a Word file, as [`crate::finding::to_paragraphs`] does for document rules.
pub fn to_paragraphs(findings: &mut [Finding], records: &[Record]) {
    let paragraphs: BTreeMap<&str, &[u32]> = records
        .iter()
        .filter_map(|r| Some((r.path.as_str(), r.paragraphs.as_deref()?)))
        .collect();
    if paragraphs.is_empty() {
        return;
    }
    for finding in findings {
        if let Some(map) = paragraphs.get(finding.path.as_str()) {
            crate::finding::to_paragraphs(std::slice::from_mut(finding), map);
        }
        for related in &mut finding.related {
            if let Some(map) = paragraphs.get(related.path.as_str()) {
                related.line = crate::finding::paragraph_of(related.line, map);
            }
        }
    }
}

/// What a corpus rule reports before it is rendered: where, the values its message uses,
/// and the other documents involved.
#[derive(Debug, Clone)]
pub struct Hit {
    pub path: String,
    pub at: Position,
    pub vars: BTreeMap<&'static str, Value>,
    pub related: Vec<Related>,
}

impl Hit {
    pub fn new(path: &str, at: Position) -> Hit {
        Hit {
            path: path.to_string(),
            at,
            vars: BTreeMap::new(),
            related: Vec::new(),
        }
    }

    pub fn with(mut self, name: &'static str, value: impl Into<Value>) -> Hit {
        self.vars.insert(name, value.into());
        self
    }
}

/// The documents of one commission, in date order (undated last, by path).
pub struct Commission<'a> {
    pub id: &'a str,
    pub path: &'a str,
    /// The name its documents give it; empty when none names it.
    pub name: &'a str,
    pub records: Vec<&'a Record>,
}

/// Groups records by commission, each group sorted by date then path.
pub fn by_commission(records: &[Record]) -> Vec<Commission<'_>> {
    let mut groups: BTreeMap<&str, Commission<'_>> = BTreeMap::new();
    for record in records {
        groups
            .entry(record.commission.id.as_str())
            .or_insert_with(|| Commission {
                id: &record.commission.id,
                path: &record.commission.path,
                name: &record.commission.name,
                records: Vec::new(),
            })
            .records
            .push(record);
    }
    let mut groups: Vec<Commission<'_>> = groups.into_values().collect();
    for group in &mut groups {
        group.records.sort_by(|a, b| {
            (a.date.is_none(), a.date, &a.path).cmp(&(b.date.is_none(), b.date, &b.path))
        });
    }
    groups
}

/// Runs every corpus rule of the pack over the records.
pub fn judge(
    records: &[Record],
    pack: &Pack,
    settings: &CheckSettings,
    progress: &dyn Progress,
) -> Vec<Finding> {
    let commissions = by_commission(records);
    let mut findings = Vec::new();
    let corpus_rules: Vec<(&Rule, &CorpusCheck)> = pack
        .active_rules()
        .filter_map(|rule| match &rule.check {
            crate::pack::Check::Corpus(check) => Some((rule, check)),
            _ => None,
        })
        .collect();
    progress.stage(Stage::Commissions, corpus_rules.len());
    for (rule, check) in corpus_rules {
        progress.step();
        let of_kind = |record: &&Record| rule.applies(record.kind.as_deref(), record.date);
        let hits = match check {
            CorpusCheck::DuplicateDocuments {
                threshold,
                shingle,
                candidate,
                min_words,
            } => {
                let candidates: Vec<&Record> = records.iter().filter(of_kind).collect();
                let outcome = duplicates::run(
                    &candidates,
                    duplicates::Limits {
                        threshold: *threshold,
                        shingle: *shingle,
                        candidate: *candidate,
                        min_words: *min_words,
                    },
                );
                findings.extend(
                    outcome
                        .not_compared
                        .iter()
                        .map(|document| not_compared(rule, document, settings)),
                );
                outcome.hits
            }
            _ => commissions
                .iter()
                .flat_map(|commission| {
                    let documents: Vec<&Record> =
                        commission.records.iter().copied().filter(of_kind).collect();
                    judge_commission(check, commission, &documents, settings)
                })
                .collect(),
        };
        findings.extend(
            hits.into_iter()
                .map(|hit| finding(pack, rule, settings, hit)),
        );
    }
    findings
}

fn judge_commission(
    check: &CorpusCheck,
    commission: &Commission<'_>,
    documents: &[&Record],
    settings: &CheckSettings,
) -> Vec<Hit> {
    match check {
        CorpusCheck::OverdueDecision {
            item,
            deadline,
            unless,
            within_days,
        } => follow_up::run(
            documents,
            *item,
            *deadline,
            unless,
            *within_days,
            settings.as_of,
        ),
        CorpusCheck::SessionGap { max_gap_days } => {
            cadence::gaps(commission, documents, *max_gap_days, settings.as_of)
        }
        CorpusCheck::SessionsPerMonth { min_per_month } => {
            cadence::per_month(commission, documents, *min_per_month, settings.as_of)
        }
        CorpusCheck::PlannedSessionsHeld {
            section,
            year,
            sessions,
        } => cadence::planned_held(
            commission,
            documents,
            *section,
            *year,
            sessions,
            settings.as_of,
        ),
        CorpusCheck::ProtocolNumbering {
            number,
            record_start,
        } => numbering::run(documents, *number, *record_start),
        CorpusCheck::SecretaryTurnover {
            secretary,
            max_secretaries,
            window_days,
        } => turnover::run(
            commission,
            documents,
            *secretary,
            *max_secretaries,
            *window_days,
        ),
        CorpusCheck::PlanPerYear {
            year,
            approval,
            sessions,
        } => plans::per_year(
            commission,
            documents,
            *year,
            *approval,
            sessions,
            settings.as_of,
        ),
        CorpusCheck::CopiedDecisions {
            item,
            unless,
            min_documents,
            min_chars,
        } => copied::run(documents, *item, unless, *min_documents, *min_chars),
        CorpusCheck::CommissionName => misfiled::run(commission, documents),
        CorpusCheck::DuplicateDocuments { .. } => Vec::new(),
    }
}

fn finding(pack: &Pack, rule: &Rule, settings: &CheckSettings, hit: Hit) -> Finding {
    let mut context: BTreeMap<String, Value> = BTreeMap::new();
    context.insert("params".into(), rule.params.clone());
    context.insert("as_of".into(), Value::from(show_date(settings.as_of)));
    let mut facts = BTreeMap::new();
    for (name, value) in hit.vars {
        facts.insert(name.to_string(), fact(&value));
        context.insert(name.to_string(), value);
    }
    let (message, fix) = render(pack, rule, settings.lang, &context);
    Finding {
        rule: rule.id.clone(),
        severity: rule.severity,
        path: hit.path,
        start: hit.at,
        end: hit.at,
        message,
        fix,
        snippet: None,
        related: hit.related,
        facts,
    }
}

/// The engine's own finding for a document the copy check could not compare with every
/// document it shares a bucket with: said, so that nobody takes the silence for "no copy".
const NOT_COMPARED: &str = "hattama/copies-not-compared";

fn not_compared(
    rule: &Rule,
    document: &duplicates::NotCompared,
    settings: &CheckSettings,
) -> Finding {
    Finding {
        rule: NOT_COMPARED.to_string(),
        severity: Severity::Warning,
        path: document.path.clone(),
        start: Position::START,
        end: Position::START,
        message: crate::messages::copies_not_compared(
            settings.lang,
            &rule.id,
            document.others,
            lsh::MAX_PAIRS,
        ),
        fix: None,
        snippet: None,
        related: Vec::new(),
        facts: BTreeMap::new(),
    }
}

/// A message value as JSON for the report's tables (masked with the rest of the finding).
fn fact(value: &Value) -> serde_json::Value {
    match value.as_str() {
        Some(text) => serde_json::Value::String(text.to_string()),
        None => serde_json::to_value(value).unwrap_or(serde_json::Value::Null),
    }
}

/// Dates as people in Kazakhstan write them.
pub fn show_date(date: NaiveDate) -> String {
    date.format("%d.%m.%Y").to_string()
}

/// A year and month as `03.2026`.
pub fn show_month(year: i32, month: u32) -> String {
    format!("{month:02}.{year}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_document_left_unchecked_for_copies_is_a_warning_naming_the_rule() {
        let pack = crate::pack::default_pack().unwrap();
        let rule = pack
            .active_rules()
            .find(|r| {
                matches!(
                    r.check,
                    crate::pack::Check::Corpus(CorpusCheck::DuplicateDocuments { .. })
                )
            })
            .unwrap();
        let settings = CheckSettings {
            lang: crate::lang::Lang::En,
            as_of: NaiveDate::from_ymd_opt(2026, 11, 30).unwrap(),
        };
        let document = duplicates::NotCompared {
            path: "aktobe/alga/2026/plan-2026.md".into(),
            others: 612,
        };
        let finding = not_compared(rule, &document, &settings);
        assert_eq!(finding.rule, NOT_COMPARED);
        assert_eq!(finding.severity, Severity::Warning);
        assert_eq!(finding.path, document.path);
        assert!(finding.message.contains(&rule.id) && finding.message.contains("612"));
    }
}
