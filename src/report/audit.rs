//! The audit report: the corpus findings, then a table with one row per commission and the
//! oblast totals (text), or everything machine-readably (JSON).

use crate::audit::{AuditOutcome, CommissionSummary};
use crate::finding::{Finding, Severity};
use crate::lang::Lang;
use crate::messages;
use anstyle::Style;
use serde::Serialize;
use std::io::Write;

const BOLD: Style = Style::new().bold();

pub fn render_text(
    outcome: &AuditOutcome,
    lang: Lang,
    show: impl Fn(&Finding) -> bool,
    out: &mut dyn Write,
) -> std::io::Result<()> {
    let mut shown = 0;
    for finding in outcome.findings.iter().filter(|f| show(f)) {
        super::text::header(finding, out)?;
        shown += 1;
    }
    if shown > 0 {
        writeln!(out)?;
    }
    table(&outcome.commissions, lang, out)?;
    writeln!(out)?;
    super::text::summary(lang, outcome.documents, |s| outcome.count(s), out)
}

fn table(
    commissions: &[CommissionSummary],
    lang: Lang,
    out: &mut dyn Write,
) -> std::io::Result<()> {
    let headings = messages::audit_columns(lang);
    let mut rows: Vec<[String; 8]> = commissions
        .iter()
        .map(|c| {
            [
                if c.id.is_empty() {
                    "—".into()
                } else {
                    c.id.clone()
                },
                c.documents.to_string(),
                c.sessions.to_string(),
                format!("{:.1}", c.sessions_per_month),
                c.errors.to_string(),
                c.warnings.to_string(),
                c.overdue.to_string(),
                format!("{:.0}", c.score),
            ]
        })
        .collect();
    let total = |get: fn(&CommissionSummary) -> usize| {
        commissions.iter().map(get).sum::<usize>().to_string()
    };
    let mean_score = if commissions.is_empty() {
        0.0
    } else {
        commissions.iter().map(|c| c.score).sum::<f64>() / commissions.len() as f64
    };
    let mean_rate = if commissions.is_empty() {
        0.0
    } else {
        commissions
            .iter()
            .map(|c| c.sessions_per_month)
            .sum::<f64>()
            / commissions.len() as f64
    };
    rows.push([
        headings.total.to_string(),
        total(|c| c.documents),
        total(|c| c.sessions),
        format!("{mean_rate:.1}"),
        total(|c| c.errors),
        total(|c| c.warnings),
        total(|c| c.overdue),
        format!("{mean_score:.0}"),
    ]);
    let header: [&str; 8] = headings.columns;
    let mut widths = [0usize; 8];
    for (i, cell) in header.iter().enumerate() {
        widths[i] = cell.chars().count();
    }
    for row in &rows {
        for (i, cell) in row.iter().enumerate() {
            widths[i] = widths[i].max(cell.chars().count());
        }
    }
    let line = |cells: &[String], out: &mut dyn Write| -> std::io::Result<()> {
        let mut text = String::new();
        for (i, cell) in cells.iter().enumerate() {
            let pad = widths[i].saturating_sub(cell.chars().count());
            if i == 0 {
                text.push_str(cell);
                text.push_str(&" ".repeat(pad));
            } else {
                text.push_str("  ");
                text.push_str(&" ".repeat(pad));
                text.push_str(cell);
            }
        }
        writeln!(out, "{}", text.trim_end())
    };
    let header: Vec<String> = header.iter().map(|s| s.to_string()).collect();
    write!(out, "{BOLD}")?;
    line(&header, out)?;
    write!(out, "{BOLD:#}")?;
    let count = rows.len();
    for (i, row) in rows.iter().enumerate() {
        if i + 1 == count {
            writeln!(
                out,
                "{}",
                "-".repeat(widths.iter().sum::<usize>() + 2 * (widths.len() - 1))
            )?;
        }
        line(row, out)?;
    }
    Ok(())
}

#[derive(Serialize)]
struct JsonAudit<'a> {
    version: u32,
    tool: &'static str,
    as_of: String,
    documents: usize,
    bytes: u64,
    summary: JsonTotals,
    commissions: &'a [CommissionSummary],
    findings: &'a [Finding],
}

#[derive(Serialize)]
struct JsonTotals {
    errors: usize,
    warnings: usize,
    infos: usize,
    commissions: usize,
}

pub fn render_json(
    outcome: &AuditOutcome,
    as_of: chrono::NaiveDate,
    out: &mut dyn Write,
) -> std::io::Result<()> {
    let report = JsonAudit {
        version: super::json::SCHEMA_VERSION,
        tool: "hattama",
        as_of: as_of.to_string(),
        documents: outcome.documents,
        bytes: outcome.bytes,
        summary: JsonTotals {
            errors: outcome.count(Severity::Error),
            warnings: outcome.count(Severity::Warning),
            infos: outcome.count(Severity::Info),
            commissions: outcome.commissions.len(),
        },
        commissions: &outcome.commissions,
        findings: &outcome.findings,
    };
    serde_json::to_writer_pretty(&mut *out, &report)?;
    writeln!(out)
}
