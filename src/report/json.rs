//! The JSON report: a stable, versioned document for scripts and other tools.

use crate::engine::Outcome;
use crate::finding::Severity;
use serde::Serialize;

/// Bumped whenever a field changes meaning or goes away.
pub const SCHEMA_VERSION: u32 = 1;

#[derive(Serialize)]
struct Report<'a> {
    version: u32,
    tool: &'static str,
    documents: usize,
    summary: Summary,
    findings: Vec<JsonFinding<'a>>,
}

#[derive(Serialize)]
struct Summary {
    errors: usize,
    warnings: usize,
    infos: usize,
}

#[derive(Serialize)]
struct JsonFinding<'a> {
    rule: &'a str,
    severity: Severity,
    path: &'a str,
    line: u32,
    column: u32,
    end_line: u32,
    end_column: u32,
    message: &'a str,
    fix: Option<&'a str>,
    snippet: Option<&'a str>,
}

pub fn render(
    outcome: &crate::engine::Outcome,
    out: &mut dyn std::io::Write,
) -> std::io::Result<()> {
    let report = build(outcome);
    serde_json::to_writer_pretty(&mut *out, &report)?;
    writeln!(out)
}

fn build(outcome: &Outcome) -> Report<'_> {
    let count = |severity| outcome.count(severity);
    Report {
        version: SCHEMA_VERSION,
        tool: "hattama",
        documents: outcome.documents,
        summary: Summary {
            errors: count(Severity::Error),
            warnings: count(Severity::Warning),
            infos: count(Severity::Info),
        },
        findings: outcome
            .findings
            .iter()
            .map(|f| JsonFinding {
                rule: &f.rule,
                severity: f.severity,
                path: &f.path,
                line: f.start.line,
                column: f.start.column,
                end_line: f.end.line,
                end_column: f.end.column,
                message: &f.message,
                fix: f.fix.as_deref(),
                snippet: f.snippet.as_deref(),
            })
            .collect(),
    }
}
