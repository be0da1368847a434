//! The terminal report: `path:line:col: severity[rule] message`, then the document line with
//! the offending text underlined and the fix hint. Colour only where the stream supports it.

use crate::engine::Outcome;
use crate::finding::{Finding, Severity};
use crate::lang::Lang;
use crate::messages;
use anstyle::{AnsiColor, Style};
use std::io::Write;

const BOLD: Style = Style::new().bold();
const DIM: Style = Style::new().dimmed();

fn severity_style(severity: Severity) -> Style {
    let colour = match severity {
        Severity::Error => AnsiColor::Red,
        Severity::Warning => AnsiColor::Yellow,
        Severity::Info => AnsiColor::Cyan,
    };
    Style::new().bold().fg_color(Some(colour.into()))
}

pub fn render(
    outcome: &Outcome,
    lang: Lang,
    full: bool,
    out: &mut dyn Write,
) -> std::io::Result<()> {
    for finding in &outcome.findings {
        header(finding, out)?;
        if full {
            details(finding, lang, out)?;
        }
    }
    let count = |severity| {
        outcome
            .findings
            .iter()
            .filter(|f| f.severity == severity)
            .count()
    };
    if full && !outcome.findings.is_empty() {
        writeln!(out)?;
    }
    if outcome.findings.is_empty() {
        writeln!(out, "{}", messages::clean(lang))?;
    }
    writeln!(
        out,
        "{BOLD}{}{BOLD:#}",
        messages::summary(
            lang,
            outcome.documents,
            count(Severity::Error),
            count(Severity::Warning),
            count(Severity::Info)
        )
    )
}

fn header(finding: &Finding, out: &mut dyn Write) -> std::io::Result<()> {
    let style = severity_style(finding.severity);
    writeln!(
        out,
        "{BOLD}{}:{}:{}:{BOLD:#} {style}{}{style:#}[{}] {}",
        finding.path,
        finding.start.line,
        finding.start.column,
        finding.severity,
        finding.rule,
        finding.message
    )
}

fn details(finding: &Finding, lang: Lang, out: &mut dyn Write) -> std::io::Result<()> {
    let gutter = finding.start.line.to_string();
    let pad = " ".repeat(gutter.len());
    if let Some(snippet) = &finding.snippet {
        let snippet = snippet.replace('\t', " ");
        writeln!(out, "{DIM}{pad} |{DIM:#}")?;
        writeln!(out, "{DIM}{gutter} |{DIM:#} {snippet}")?;
        let line_chars = snippet.chars().count() as u32;
        let from = finding.start.column.saturating_sub(1).min(line_chars);
        let to = if finding.end.line == finding.start.line {
            finding.end.column.saturating_sub(1)
        } else {
            line_chars
        };
        let width = to
            .saturating_sub(from)
            .clamp(1, line_chars.saturating_sub(from).max(1));
        let style = severity_style(finding.severity);
        writeln!(
            out,
            "{DIM}{pad} |{DIM:#} {}{style}{}{style:#}",
            " ".repeat(from as usize),
            "^".repeat(width as usize)
        )?;
    }
    if let Some(fix) = &finding.fix {
        writeln!(
            out,
            "{DIM}{pad} ={DIM:#} {BOLD}{}:{BOLD:#} {fix}",
            messages::labels(lang).fix
        )?;
    }
    writeln!(out)
}
