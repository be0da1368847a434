//! GitLab Code Quality: a JSON array of issues GitLab shows in the merge request widget.
//! Severities: error → major, warning → minor, info → info.

use crate::engine::Outcome;
use crate::finding::Severity;
use crate::privacy::Masked;
use crate::report::fingerprint::{fingerprints, uri_path};
use serde::Serialize;

#[derive(Serialize)]
struct Issue<'a> {
    description: &'a str,
    check_name: &'a str,
    fingerprint: String,
    severity: &'static str,
    location: Location,
}

#[derive(Serialize)]
struct Location {
    path: String,
    lines: Lines,
}

#[derive(Serialize)]
struct Lines {
    begin: u32,
}

pub fn severity(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "major",
        Severity::Warning => "minor",
        Severity::Info => "info",
    }
}

pub fn render(outcome: &Masked<Outcome>, out: &mut dyn std::io::Write) -> std::io::Result<()> {
    let issues: Vec<Issue> = outcome
        .findings
        .iter()
        .zip(fingerprints(&outcome.findings))
        .map(|(finding, fingerprint)| Issue {
            description: &finding.message,
            check_name: &finding.rule,
            fingerprint,
            severity: severity(finding.severity),
            location: Location {
                path: uri_path(&finding.path),
                lines: Lines {
                    begin: finding.start.line.max(1),
                },
            },
        })
        .collect();
    serde_json::to_writer_pretty(&mut *out, &issues)?;
    writeln!(out)
}
