//! The report as data: one structure for `check` and `audit` that every template renders and
//! that the JSON format prints as it stands. Its fields are the documented schema
//! (docs/report.md, docs/report.schema.json); `version` changes when one changes meaning.

use super::changes::{Changes, History};
use super::fingerprint::fingerprints;
use crate::audit::{AuditOutcome, CommissionSummary};
use crate::engine::Outcome;
use crate::finding::{Finding, Related, Severity, Tabled, in_paragraphs};
use crate::lang::Lang;
use crate::pack::schema::{ScoringDef, SeverityWeights};
use crate::pack::{FILES_CATEGORY, Pack, RuleIndex};
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet};

/// Bumped whenever a field changes meaning or goes away (adding one does not bump it).
pub const SCHEMA_VERSION: u32 = 3;

/// Months the sessions chart shows, ending with the audit day's month.
pub const CHART_MONTHS: u32 = 12;

#[derive(Debug, Serialize)]
pub struct Report<'a> {
    pub version: u32,
    pub tool: &'static str,
    /// `check` or `audit`.
    pub kind: &'static str,
    pub lang: Lang,
    /// The day date-relative rules counted from, `YYYY-MM-DD`.
    pub as_of: String,
    /// The audited folder (audit only).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub root: Option<String>,
    pub documents: usize,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub bytes: Option<u64>,
    pub summary: Totals,
    /// The rule categories, in the pack's order, with their finding counts.
    pub categories: Vec<CategoryView>,
    /// How commission scores are computed (audit only).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub scoring: Option<ScoringView<'a>>,
    /// Topics whose coverage is shown per commission (`commissions[].coverage`).
    pub coverage: Vec<TopicView>,
    /// The months of the sessions chart, `YYYY-MM`, oldest first (audit only).
    pub months: Vec<String>,
    /// For each of `months`: sessions of all commissions, and commissions that held none.
    pub sessions_by_month: Vec<MonthView>,
    /// One entry per commission, ordered by id; `rank` orders them by score.
    pub commissions: &'a [CommissionSummary],
    /// The fields naming who answers for a commission (`commissions[].responsible`), with
    /// their names in the report's language (audit only).
    pub roles: Vec<RoleView>,
    /// Decisions past their deadline with no execution reported, most overdue first.
    pub overdue: Vec<OverdueView<'a>>,
    /// Documents found to be copies of another, grouped by their original, most similar first.
    pub duplicates: Vec<DuplicateView<'a>>,
    /// What changed since an earlier audit (`--compare`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub changes: Option<&'a Changes>,
    /// Scores and overdue decisions over earlier audits and this one (`--history`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub history: Option<&'a History>,
    pub findings: Vec<FindingView<'a>>,
}

#[derive(Debug, Default, Serialize)]
pub struct Totals {
    pub errors: usize,
    pub warnings: usize,
    pub infos: usize,
    /// Documents with at least one finding.
    pub documents_with_findings: usize,
    pub commissions: usize,
    /// Audit only: session days of all commissions, overdue decisions, and the commissions'
    /// mean score and mean sessions per month.
    pub sessions: usize,
    pub overdue: usize,
    pub mean_score: f64,
    pub mean_sessions_per_month: f64,
}

#[derive(Debug, Serialize)]
pub struct CategoryView {
    pub id: String,
    pub name: String,
    pub findings: usize,
}

#[derive(Debug, Serialize)]
pub struct ScoringView<'a> {
    pub points_per_finding: f64,
    pub points_per_commission_finding: f64,
    pub weights: &'a SeverityWeights,
    /// Rules weighed apart from their severity.
    pub rules: &'a BTreeMap<String, f64>,
    /// The formula in words, in the report's language.
    pub formula: String,
}

#[derive(Debug, Serialize)]
pub struct MonthView {
    pub month: String,
    pub sessions: usize,
    pub commissions_without: usize,
}

/// A field that names who answers for a commission, and its name (`председательствующий`).
#[derive(Debug, Serialize)]
pub struct RoleView {
    pub id: String,
    pub name: String,
}

#[derive(Debug, Serialize)]
pub struct TopicView {
    pub id: String,
    pub name: String,
    pub rule: String,
}

#[derive(Debug, Serialize)]
pub struct OverdueView<'a> {
    pub commission: &'a str,
    pub path: &'a str,
    pub line: u32,
    /// The decision's number in its protocol (`2.2`).
    pub decision: String,
    /// The deadline as the protocol wrote it.
    pub deadline: String,
    /// The day it fell due, `DD.MM.YYYY`.
    pub due: String,
    pub days: i64,
}

#[derive(Debug, Serialize)]
pub struct DuplicateView<'a> {
    pub commission: &'a str,
    pub path: &'a str,
    pub original: String,
    pub original_commission: String,
    /// Per cent of shared word sequences.
    pub similarity: i64,
    /// Documents in the cluster of near-copies.
    pub cluster: i64,
}

#[derive(Debug, Serialize)]
pub struct FindingView<'a> {
    pub rule: &'a str,
    pub severity: Severity,
    pub category: &'a str,
    /// `document` for a finding in one document, `commission` for one about the commission's
    /// documents together (corpus rules).
    pub scope: &'static str,
    pub path: &'a str,
    /// In a Word document (`unit` is `paragraph`), the paragraph: non-empty paragraphs and
    /// table rows counted from the top.
    pub line: u32,
    pub column: u32,
    pub end_line: u32,
    pub end_column: u32,
    /// `line`, or `paragraph` for a Word document.
    pub unit: &'static str,
    /// `line` as the text reports show it: `12`, or `¶12` for a paragraph.
    pub place: String,
    pub message: &'a str,
    pub fix: Option<&'a str>,
    pub snippet: Option<&'a str>,
    /// The commission the document belongs to (audit only).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub commission: Option<&'a str>,
    #[serde(skip_serializing_if = "<[Related]>::is_empty")]
    pub related: &'a [Related],
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    pub facts: &'a BTreeMap<String, serde_json::Value>,
    /// Stays the same when lines are added or removed above the finding: baselines and
    /// `--compare` match findings on it, as SARIF and GitLab do.
    pub fingerprint: String,
    /// With `--compare`: `new` since the earlier audit, or `open` (in it too).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub change: Option<&'static str>,
    /// What the report's own tables read of it.
    #[serde(skip)]
    pub tabled: Option<&'a Tabled>,
}

/// The report of `hattama check`.
pub fn of_check<'a>(
    outcome: &'a Outcome,
    pack: &'a Pack,
    lang: Lang,
    as_of: chrono::NaiveDate,
) -> Report<'a> {
    let rules = RuleIndex::of(pack);
    let findings: Vec<FindingView<'a>> = outcome
        .findings
        .iter()
        .zip(fingerprints(&outcome.findings))
        .map(|(f, print)| view(f, &rules, None, print))
        .collect();
    Report {
        version: SCHEMA_VERSION,
        tool: "hattama",
        kind: "check",
        lang,
        as_of: as_of.to_string(),
        root: None,
        documents: outcome.documents,
        bytes: None,
        summary: totals(&outcome.findings, 0),
        categories: categories(pack, &findings, lang),
        scoring: None,
        coverage: Vec::new(),
        months: Vec::new(),
        sessions_by_month: Vec::new(),
        commissions: &[],
        roles: Vec::new(),
        overdue: Vec::new(),
        duplicates: Vec::new(),
        changes: None,
        history: None,
        findings,
    }
}

/// The report of `hattama audit`.
pub fn of_audit<'a>(
    outcome: &'a AuditOutcome,
    pack: &'a Pack,
    lang: Lang,
    as_of: chrono::NaiveDate,
    root: &str,
    changes: Option<&'a Changes>,
) -> Report<'a> {
    let rules = RuleIndex::of(pack);
    let findings: Vec<FindingView<'a>> = outcome
        .findings
        .iter()
        .zip(fingerprints(&outcome.findings))
        .enumerate()
        .map(|(index, (f, print))| {
            let commission = outcome.owners.get(&f.path).map(String::as_str);
            let mut view = view(f, &rules, commission, print);
            view.change = changes
                .and_then(|c| c.new.get(index))
                .map(|&new| if new { "new" } else { "open" });
            view
        })
        .collect();
    let overdue = overdue(&findings);
    let duplicates = duplicates(&findings, &outcome.owners);
    let months = chart_months(as_of);
    let sessions_by_month = months
        .iter()
        .map(|month| MonthView {
            month: month.clone(),
            sessions: outcome
                .commissions
                .iter()
                .filter_map(|c| c.months.get(month))
                .sum(),
            commissions_without: outcome
                .commissions
                .iter()
                .filter(|c| c.months.get(month).is_none_or(|n| *n == 0))
                .count(),
        })
        .collect();
    Report {
        version: SCHEMA_VERSION,
        tool: "hattama",
        kind: "audit",
        lang,
        as_of: as_of.to_string(),
        root: Some(root.to_string()),
        documents: outcome.documents,
        bytes: Some(outcome.bytes),
        summary: audit_totals(outcome),
        categories: categories(pack, &findings, lang),
        scoring: Some(scoring(&pack.scoring, lang)),
        coverage: pack
            .coverage
            .iter()
            .map(|topic| TopicView {
                id: topic.id.clone(),
                name: topic.name.get(lang).to_string(),
                rule: topic.rule.clone(),
            })
            .collect(),
        months,
        sessions_by_month,
        commissions: &outcome.commissions,
        roles: pack
            .responsible
            .iter()
            .map(|&field| RoleView {
                id: pack.fields[field].id.clone(),
                name: pack.fields[field].name.get(lang).to_string(),
            })
            .collect(),
        overdue,
        duplicates,
        changes,
        history: None,
        findings,
    }
}

fn view<'a>(
    finding: &'a Finding,
    rules: &RuleIndex<'a>,
    commission: Option<&'a str>,
    fingerprint: String,
) -> FindingView<'a> {
    FindingView {
        rule: &finding.rule,
        severity: finding.severity,
        category: rules.category(&finding.rule),
        scope: if rules.is_corpus(&finding.rule) {
            "commission"
        } else {
            "document"
        },
        path: &finding.path,
        line: finding.start.line,
        column: finding.start.column,
        end_line: finding.end.line,
        end_column: finding.end.column,
        unit: if in_paragraphs(&finding.path) {
            "paragraph"
        } else {
            "line"
        },
        place: finding.place(),
        message: &finding.message,
        fix: finding.fix.as_deref(),
        snippet: finding.snippet.as_deref(),
        commission,
        related: &finding.related,
        facts: &finding.facts,
        fingerprint,
        change: None,
        tabled: finding.tabled.as_ref(),
    }
}

fn audit_totals(outcome: &AuditOutcome) -> Totals {
    let commissions = &outcome.commissions;
    let mean = |get: fn(&CommissionSummary) -> f64| {
        if commissions.is_empty() {
            0.0
        } else {
            let sum: f64 = commissions.iter().map(get).sum();
            (sum / commissions.len() as f64 * 100.0).round() / 100.0
        }
    };
    Totals {
        sessions: commissions.iter().map(|c| c.sessions).sum(),
        overdue: commissions.iter().map(|c| c.overdue).sum(),
        mean_score: mean(|c| c.score),
        mean_sessions_per_month: mean(|c| c.sessions_per_month),
        ..totals(&outcome.findings, commissions.len())
    }
}

fn totals(findings: &[Finding], commissions: usize) -> Totals {
    let mut totals = Totals {
        commissions,
        ..Totals::default()
    };
    let mut documents = BTreeSet::new();
    for finding in findings {
        match finding.severity {
            Severity::Error => totals.errors += 1,
            Severity::Warning => totals.warnings += 1,
            Severity::Info => totals.infos += 1,
        }
        documents.insert(finding.path.as_str());
    }
    totals.documents_with_findings = documents.len();
    totals
}

/// The pack's categories with their counts, then the engine's own (files) and `other` when
/// any finding falls in them.
fn categories(pack: &Pack, findings: &[FindingView<'_>], lang: Lang) -> Vec<CategoryView> {
    let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
    for finding in findings {
        *counts.entry(finding.category).or_default() += 1;
    }
    let labels = super::labels::labels(lang);
    let mut views: Vec<CategoryView> = pack
        .categories
        .iter()
        .map(|c| CategoryView {
            id: c.id.clone(),
            name: c.name.get(lang).to_string(),
            findings: counts.get(c.id.as_str()).copied().unwrap_or(0),
        })
        .collect();
    for (id, label) in [
        (crate::pack::OTHER_CATEGORY, "category_other"),
        (FILES_CATEGORY, "category_files"),
    ] {
        if let Some(count) = counts.get(id)
            && !views.iter().any(|v| v.id == id)
        {
            views.push(CategoryView {
                id: id.to_string(),
                name: labels.get(label).cloned().unwrap_or_else(|| id.to_string()),
                findings: *count,
            });
        }
    }
    views
}

fn scoring(def: &ScoringDef, lang: Lang) -> ScoringView<'_> {
    ScoringView {
        points_per_finding: def.points_per_finding,
        points_per_commission_finding: def.points_per_commission_finding,
        weights: &def.weights,
        rules: &def.rules,
        formula: super::score_formula::score_formula(lang, def),
    }
}

/// The twelve months up to and including the audit day's.
fn chart_months(as_of: chrono::NaiveDate) -> Vec<String> {
    use chrono::Datelike;
    let last = as_of.year() * 12 + as_of.month0() as i32;
    (last + 1 - CHART_MONTHS as i32..=last)
        .map(|m| format!("{}-{:02}", m.div_euclid(12), m.rem_euclid(12) + 1))
        .collect()
}

fn overdue<'a>(findings: &[FindingView<'a>]) -> Vec<OverdueView<'a>> {
    let mut rows: Vec<OverdueView<'a>> = findings
        .iter()
        .filter_map(|f| match f.tabled {
            Some(Tabled::Overdue {
                decision,
                deadline,
                due,
                days,
            }) => Some(OverdueView {
                commission: f.commission.unwrap_or(""),
                path: f.path,
                line: f.line,
                decision: decision.clone(),
                deadline: deadline.clone(),
                due: crate::calendar::show_day(*due),
                days: *days,
            }),
            _ => None,
        })
        .collect();
    rows.sort_by(|a, b| {
        (b.days, a.commission, a.path, a.line).cmp(&(a.days, b.commission, b.path, b.line))
    });
    rows
}

fn duplicates<'a>(
    findings: &[FindingView<'a>],
    owners: &BTreeMap<String, String>,
) -> Vec<DuplicateView<'a>> {
    let mut rows: Vec<DuplicateView<'a>> = findings
        .iter()
        .filter_map(|f| match f.tabled {
            Some(Tabled::Copy {
                original,
                similarity,
                cluster,
            }) => Some(DuplicateView {
                commission: f.commission.unwrap_or(""),
                path: f.path,
                original_commission: owners.get(original).cloned().unwrap_or_default(),
                original: original.clone(),
                similarity: *similarity,
                cluster: *cluster,
            }),
            _ => None,
        })
        .collect();
    // A cluster's copies together, under their original; the closest copy first.
    rows.sort_by(|a, b| {
        (&a.original, b.similarity, a.path).cmp(&(&b.original, a.similarity, b.path))
    });
    rows
}
