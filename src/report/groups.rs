//! Findings by commission, then by document, as the HTML and Markdown reports list them.
//! A large audit would make a report nobody opens, so each commission shows at most `cap`
//! document findings (its findings as a whole are always shown) and says how many it left out.

use super::model::Report;
use serde::Serialize;
use std::collections::BTreeMap;

#[derive(Debug, Serialize)]
pub struct Group {
    /// The commission's id; empty in a check report, which has one group.
    pub id: String,
    /// The commission's folder, for the command that lists what was left out.
    pub path: String,
    /// Indexes into `report.findings` of findings about the commission as a whole.
    pub commission: Vec<usize>,
    pub documents: Vec<DocumentGroup>,
    /// Document findings listed, and those left out because of the cap.
    pub shown: usize,
    pub hidden: usize,
}

#[derive(Debug, Serialize)]
pub struct DocumentGroup {
    pub path: String,
    /// Indexes into `report.findings`, in line order.
    pub findings: Vec<usize>,
}

pub fn group(report: &Report<'_>, cap: Option<usize>) -> Vec<Group> {
    let path_of: BTreeMap<&str, &str> = report
        .commissions
        .iter()
        .map(|c| (c.id.as_str(), c.path.as_str()))
        .collect();
    let mut groups: BTreeMap<&str, Group> = BTreeMap::new();
    for (index, finding) in report.findings.iter().enumerate() {
        let id = finding.commission.unwrap_or("");
        let group = groups.entry(id).or_insert_with(|| Group {
            id: id.to_string(),
            path: path_of.get(id).copied().unwrap_or("").to_string(),
            commission: Vec::new(),
            documents: Vec::new(),
            shown: 0,
            hidden: 0,
        });
        if finding.scope == "commission" {
            group.commission.push(index);
            continue;
        }
        if cap.is_some_and(|cap| group.shown >= cap) {
            group.hidden += 1;
            continue;
        }
        group.shown += 1;
        match group.documents.last_mut() {
            Some(document) if document.path == finding.path => document.findings.push(index),
            _ => group.documents.push(DocumentGroup {
                path: finding.path.to_string(),
                findings: vec![index],
            }),
        }
    }
    groups.into_values().collect()
}
