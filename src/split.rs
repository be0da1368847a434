//! `hattama audit DIR --split-by commission -o OUTDIR`: one report per commission, for the
//! district that receives it alone. Other districts' cases are none of its business: its report
//! keeps its own findings and the oblast's table of commissions (names, scores, counts), and
//! never a document or a person of another district. Where one of its findings refers to another
//! district's document (the plan it copies, a decision repeated there), that document is named
//! by its commission instead.

use crate::audit::AuditOutcome;
use crate::finding::{Finding, Tabled};
use crate::report::changes::Changes;
use std::collections::BTreeMap;

/// The part of `outcome` that commission `id` receives (`outcome` masked already, so the copy
/// is too: nothing is added but the names of commissions it holds).
pub fn one_commission(outcome: &AuditOutcome, id: &str) -> AuditOutcome {
    let mine = |path: &str| outcome.owners.get(path).is_some_and(|owner| owner == id);
    // Another district's document is shown as its commission: its name, else its id.
    let names: BTreeMap<&str, &str> = outcome
        .commissions
        .iter()
        .map(|c| {
            let shown = if c.name.is_empty() { &c.id } else { &c.name };
            (c.id.as_str(), shown.as_str())
        })
        .collect();
    let stand_in = |path: &str| -> String {
        let owner = outcome.owners.get(path).map_or("", String::as_str);
        names.get(owner).copied().unwrap_or(owner).to_string()
    };
    let findings = outcome
        .findings
        .iter()
        .filter(|f| mine(&f.path))
        .map(|f| without_others(f, outcome, &mine, &stand_in))
        .collect();
    AuditOutcome {
        root: outcome.root.clone(),
        findings,
        owners: keep_mine(&outcome.owners, &mine),
        documents: outcome.documents,
        bytes: outcome.bytes,
        // The oblast's table keeps every commission's figures, but names only this one's
        // people: who chairs another district is that district's report's business.
        commissions: outcome
            .commissions
            .iter()
            .map(|c| {
                let mut summary = c.clone();
                if summary.id != id {
                    summary.responsible.clear();
                }
                summary
            })
            .collect(),
        dates: keep_mine(&outcome.dates, &mine),
    }
}

/// The changes the commission receives: its own row, the oblast's, and which of its findings
/// are new (`outcome` is the whole audit the changes were worked out for).
pub fn changes_of(changes: &Changes, outcome: &AuditOutcome, id: &str) -> Changes {
    let mine = |path: &str| outcome.owners.get(path).is_some_and(|owner| owner == id);
    Changes {
        since: changes.since.clone(),
        oblast: changes.oblast.clone(),
        commissions: changes
            .commissions
            .iter()
            .filter(|c| c.id == id)
            .cloned()
            .collect(),
        new: outcome
            .findings
            .iter()
            .zip(&changes.new)
            .filter(|(f, _)| mine(&f.path))
            .map(|(_, new)| *new)
            .collect(),
    }
}

fn keep_mine<V: Clone>(
    by_path: &BTreeMap<String, V>,
    mine: &impl Fn(&str) -> bool,
) -> BTreeMap<String, V> {
    by_path
        .iter()
        .filter(|(path, _)| mine(path))
        .map(|(path, value)| (path.clone(), value.clone()))
        .collect()
}

/// `finding` with every document of another commission it names replaced by that commission.
fn without_others(
    finding: &Finding,
    outcome: &AuditOutcome,
    mine: &impl Fn(&str) -> bool,
    stand_in: &impl Fn(&str) -> String,
) -> Finding {
    let mut finding = finding.clone();
    // The documents a finding can name: those it relates to, the original it copies, and
    // its facts that are documents (a message names a document only through one of these).
    let mut named: Vec<String> = finding
        .related
        .iter()
        .map(|related| related.path.clone())
        .chain(match &finding.tabled {
            Some(Tabled::Copy { original, .. }) => Some(original.clone()),
            _ => None,
        })
        .chain(
            finding
                .facts
                .values()
                .filter_map(|v| v.as_str())
                .filter(|text| outcome.owners.contains_key(*text))
                .map(str::to_string),
        )
        .filter(|path| !mine(path))
        .collect();
    // Longest first, so that `a/plan.md` is not replaced inside `a/plan.md.bak`.
    named.sort_by_key(|path| std::cmp::Reverse(path.len()));
    named.dedup();
    let replace = |text: &mut String| {
        for path in &named {
            if text.contains(path) {
                *text = text.replace(path, &stand_in(path));
            }
        }
    };
    replace(&mut finding.message);
    if let Some(fix) = &mut finding.fix {
        replace(fix);
    }
    if let Some(snippet) = &mut finding.snippet {
        replace(snippet);
    }
    for value in finding.facts.values_mut() {
        if let serde_json::Value::String(text) = value {
            replace(text);
        }
    }
    if let Some(Tabled::Copy { original, .. }) = &mut finding.tabled {
        replace(original);
    }
    finding.related.retain(|related| mine(&related.path));
    finding
}
