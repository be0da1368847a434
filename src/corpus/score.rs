//! A commission's figures and its score: documents, sessions and coverage from its records,
//! findings counted by severity and category and weighted into a score, and the ranking.

use super::Record;
use super::commission::Commission;
use crate::finding::{Finding, Severity, Tabled};
use crate::pack::{Pack, RuleIndex};
use crate::privacy::{Mask, Masker};
use chrono::{Datelike, NaiveDate};
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet};

/// One commission's figures, as the summary table and the JSON report give them.
#[derive(Debug, Clone, Default, Serialize)]
pub struct CommissionSummary {
    pub id: String,
    pub path: String,
    /// The name its documents give it ("КДН при акимате Мартукского района"), masked like
    /// every text; empty when no document names it.
    pub name: String,
    pub documents: usize,
    /// Documents by kind id (`protocol`, `plan`, …, `other`).
    pub kinds: BTreeMap<String, usize>,
    /// Distinct session days up to the audit day.
    pub sessions: usize,
    pub first_session: Option<NaiveDate>,
    pub last_session: Option<NaiveDate>,
    /// Sessions per month over the months from the first session to the audit day.
    pub sessions_per_month: f64,
    /// Sessions by month, `2026-03` → 2.
    pub months: BTreeMap<String, usize>,
    pub errors: usize,
    pub warnings: usize,
    pub infos: usize,
    /// Overdue decisions (findings of `overdue-decision` rules without `within_days`).
    pub overdue: usize,
    /// Findings by rule category (`protocol`, `follow-up`, …; `files` for unreadable files).
    pub categories: BTreeMap<String, usize>,
    /// Per coverage topic of the pack: how many documents the topic's rule applies to, and how
    /// many of them it found nothing in.
    pub coverage: BTreeMap<String, Coverage>,
    /// 100 minus both deductions, floored at 0.
    pub score: f64,
    /// Points taken for document findings: points_per_finding × weighted findings ÷ documents.
    pub document_deduction: f64,
    /// Points taken for findings about the commission as a whole.
    pub commission_deduction: f64,
    /// 1 for the best score; equal scores share a rank.
    pub rank: usize,
    /// Who answers for it, by the pack's `responsible` field id (`chair`, `secretary`): the
    /// value its latest dated document gives.
    pub responsible: BTreeMap<String, String>,
    /// For each coverage topic, the documents its rule applies to (for counting again).
    #[serde(skip)]
    pub coverage_documents: BTreeMap<String, Vec<String>>,
}

#[derive(Debug, Clone, Copy, Default, Serialize, PartialEq, Eq)]
pub struct Coverage {
    pub documents: usize,
    pub covered: usize,
}

impl Mask for CommissionSummary {
    /// The id, folder and name come from folder names and front matter, which may name a
    /// child; the maps are keyed by the pack's ids and months, which do not.
    fn mask_with(&mut self, masker: &Masker) {
        let CommissionSummary {
            id,
            path,
            name,
            documents: _,
            kinds: _,
            sessions: _,
            first_session: _,
            last_session: _,
            sessions_per_month: _,
            months: _,
            errors: _,
            warnings: _,
            infos: _,
            overdue: _,
            categories: _,
            coverage: _,
            score: _,
            document_deduction: _,
            commission_deduction: _,
            rank: _,
            responsible,
            coverage_documents,
        } = self;
        for person in responsible.values_mut() {
            person.mask_with(masker);
        }
        id.mask_with(masker);
        path.mask_with(masker);
        name.mask_with(masker);
        for paths in coverage_documents.values_mut() {
            paths.mask_with(masker);
        }
    }
}

/// The summary of every commission: its documents, sessions and coverage from the records,
/// and every figure that comes from findings; ranked by score.
pub fn summarise(
    records: &[Record],
    findings: &[Finding],
    owners: &BTreeMap<String, Commission>,
    pack: &Pack,
    as_of: NaiveDate,
) -> Vec<CommissionSummary> {
    let mut summaries: BTreeMap<String, CommissionSummary> = BTreeMap::new();
    let mut session_days: BTreeMap<String, BTreeSet<NaiveDate>> = BTreeMap::new();
    for record in records {
        let summary = summaries
            .entry(record.commission.id.clone())
            .or_insert_with(|| CommissionSummary {
                id: record.commission.id.clone(),
                path: record.commission.path.clone(),
                name: record.commission.name.to_string(),
                ..CommissionSummary::default()
            });
        summary.documents += 1;
        *summary
            .kinds
            .entry(record.kind.clone().unwrap_or_else(|| "other".into()))
            .or_default() += 1;
        if record.kind.as_deref() == Some(pack.session_kind.as_str())
            && let Some(date) = super::sessions::date_of(record).filter(|d| *d <= as_of)
        {
            session_days
                .entry(record.commission.id.clone())
                .or_default()
                .insert(date);
        }
    }
    // Who answers for each commission: each responsible field's value in its latest dated
    // document that gives one (a later protocol chaired by another deputy akim wins).
    let mut latest: BTreeMap<(&str, usize), (NaiveDate, String)> = BTreeMap::new();
    for record in records {
        let Some(date) = record.date.filter(|d| *d <= as_of) else {
            continue;
        };
        for &field in &pack.responsible {
            let Some(value) = record.facts.field(field) else {
                continue;
            };
            let person = value.value.display();
            let person = person.trim();
            if person.is_empty() {
                continue;
            }
            let slot = latest.entry((record.commission.id.as_str(), field));
            let newer = match &slot {
                std::collections::btree_map::Entry::Occupied(known) => date >= known.get().0,
                std::collections::btree_map::Entry::Vacant(_) => true,
            };
            if newer {
                *slot.or_insert((date, String::new())) = (date, person.to_string());
            }
        }
    }
    for ((commission, field), (_, person)) in latest {
        if let Some(summary) = summaries.get_mut(commission) {
            summary
                .responsible
                .insert(pack.fields[field].id.clone(), person);
        }
    }
    for topic in &pack.coverage {
        // A topic whose rule the configuration turned off is not measured: nothing checked it.
        let Some(rule) = pack.active_rules().find(|r| r.id == topic.rule) else {
            continue;
        };
        for record in records {
            let applies = rule.applies(record.kind.as_deref(), record.date);
            if let Some(summary) = summaries.get_mut(&record.commission.id)
                && applies
            {
                summary
                    .coverage_documents
                    .entry(topic.id.clone())
                    .or_default()
                    .push(record.path.clone());
            }
        }
    }
    for summary in summaries.values_mut() {
        let days = session_days.remove(&summary.id).unwrap_or_default();
        sessions(summary, &days, as_of);
    }
    let commission_of_path: BTreeMap<String, (String, String)> = summaries
        .values()
        .map(|s| (s.path.clone(), (s.id.clone(), s.path.clone())))
        .collect();
    count_findings(
        &mut summaries,
        findings,
        |path| {
            owners
                .get(path)
                .map(|c| (c.id.clone(), c.path.clone()))
                .or_else(|| commission_of_path.get(path).cloned())
        },
        pack,
    );
    // Files outside any commission that are no commission document (a README beside the
    // district folders) are not a commission of their own.
    let mut summaries: Vec<CommissionSummary> = summaries
        .into_values()
        .filter(|s| {
            let stray = s.id.is_empty() && s.kinds.keys().all(|k| k == "other");
            !(stray && s.errors + s.warnings + s.infos == 0)
        })
        .collect();
    rank(&mut summaries);
    summaries
}

/// Counts the findings again after some were taken out (by a baseline): every figure that
/// comes from findings, the score and the ranking; documents and sessions stay.
pub fn recount(
    commissions: &mut Vec<CommissionSummary>,
    findings: &[Finding],
    owners: &BTreeMap<String, String>,
    pack: &Pack,
) {
    let mut summaries: BTreeMap<String, CommissionSummary> = std::mem::take(commissions)
        .into_iter()
        .map(|summary| (summary.id.clone(), summary))
        .collect();
    let paths: BTreeMap<String, String> = summaries
        .values()
        .map(|s| (s.id.clone(), s.path.clone()))
        .collect();
    count_findings(
        &mut summaries,
        findings,
        |path| {
            let id = owners.get(path)?;
            Some((id.clone(), paths.get(id).cloned().unwrap_or_default()))
        },
        pack,
    );
    *commissions = summaries.into_values().collect();
    rank(commissions);
}

/// Sessions, their months and the rate per month, from the days a commission met.
fn sessions(summary: &mut CommissionSummary, days: &BTreeSet<NaiveDate>, as_of: NaiveDate) {
    summary.sessions = days.len();
    summary.first_session = days.first().copied();
    summary.last_session = days.last().copied();
    summary.months.clear();
    for day in days {
        *summary
            .months
            .entry(format!("{}-{:02}", day.year(), day.month()))
            .or_default() += 1;
    }
    // Whole months only, as the sessions-per-month rule counts them: the audit day's month
    // is not over yet.
    if let Some(first) = summary.first_session {
        let month_start = NaiveDate::from_ymd_opt(as_of.year(), as_of.month(), 1).unwrap_or(as_of);
        let full_months =
            (as_of.year() - first.year()) * 12 + as_of.month() as i32 - first.month() as i32;
        let held = days.iter().filter(|day| **day < month_start).count();
        summary.sessions_per_month = if full_months > 0 {
            round2(held as f64 / f64::from(full_months))
        } else {
            days.len() as f64
        };
    }
}

/// Every figure of the summaries that comes from findings: counts by severity and category,
/// overdue decisions, coverage, the two deductions and the score. `owner` gives a finding's
/// path its commission (id and folder); a commission seen first here gets a summary.
fn count_findings(
    summaries: &mut BTreeMap<String, CommissionSummary>,
    findings: &[Finding],
    owner: impl Fn(&str) -> Option<(String, String)>,
    pack: &Pack,
) {
    for summary in summaries.values_mut() {
        summary.errors = 0;
        summary.warnings = 0;
        summary.infos = 0;
        summary.overdue = 0;
        summary.categories.clear();
    }
    let rules = RuleIndex::of(pack);
    let mut weighted: BTreeMap<String, (f64, f64)> = BTreeMap::new();
    let mut flagged: BTreeSet<(&str, &str)> = BTreeSet::new();
    for finding in findings {
        let Some((id, path)) = owner(&finding.path) else {
            continue;
        };
        let summary = summaries
            .entry(id.clone())
            .or_insert_with(|| CommissionSummary {
                id: id.clone(),
                path,
                ..CommissionSummary::default()
            });
        match finding.severity {
            Severity::Error => summary.errors += 1,
            Severity::Warning => summary.warnings += 1,
            Severity::Info => summary.infos += 1,
        }
        if matches!(finding.tabled, Some(Tabled::Overdue { .. })) {
            summary.overdue += 1;
        }
        *summary
            .categories
            .entry(rules.category(&finding.rule).to_string())
            .or_default() += 1;
        flagged.insert((finding.path.as_str(), finding.rule.as_str()));
        let entry = weighted.entry(id).or_default();
        if rules.is_corpus(&finding.rule) {
            entry.1 += weight(pack, finding);
        } else {
            entry.0 += weight(pack, finding);
        }
    }
    let scoring = &pack.scoring;
    for summary in summaries.values_mut() {
        summary.coverage = pack
            .coverage
            .iter()
            .filter_map(|topic| {
                let paths = summary.coverage_documents.get(&topic.id)?;
                let covered = paths
                    .iter()
                    .filter(|path| !flagged.contains(&(path.as_str(), topic.rule.as_str())))
                    .count();
                Some((
                    topic.id.clone(),
                    Coverage {
                        documents: paths.len(),
                        covered,
                    },
                ))
            })
            .collect();
        let (documents, commission) = weighted.get(&summary.id).copied().unwrap_or_default();
        summary.document_deduction =
            round2(scoring.points_per_finding * documents / summary.documents.max(1) as f64);
        summary.commission_deduction = round2(scoring.points_per_commission_finding * commission);
        summary.score =
            round2((100.0 - summary.document_deduction - summary.commission_deduction).max(0.0));
    }
}

/// Competition ranking by score as reports print it, in whole points (1, 2, 2, 4): scores
/// that look equal share a place.
fn rank(summaries: &mut [CommissionSummary]) {
    let mut scores: Vec<f64> = summaries.iter().map(|s| s.score.round()).collect();
    scores.sort_by(|a, b| b.total_cmp(a));
    for summary in summaries.iter_mut() {
        let score = summary.score.round();
        summary.rank = 1 + scores.iter().take_while(|s| **s > score).count();
    }
}

fn weight(pack: &Pack, finding: &Finding) -> f64 {
    if let Some(weight) = pack.scoring.rules.get(&finding.rule) {
        return *weight;
    }
    let weights = &pack.scoring.weights;
    match finding.severity {
        Severity::Error => weights.error,
        Severity::Warning => weights.warning,
        Severity::Info => weights.info,
    }
}

fn round2(value: f64) -> f64 {
    (value * 100.0).round() / 100.0
}
