//! Stage five: findings to an output format. The formats people read (text, concise,
//! Markdown, HTML, CSV, JSON) are minijinja templates over one [`model::Report`]; the formats
//! CI tools read (SARIF, GitHub, JUnit, GitLab) follow their own schemas, each in its own file.

pub mod changes;
pub mod fingerprint;
pub mod github;
pub mod gitlab;
mod groups;
pub mod inspect;
pub mod junit;
pub mod labels;
pub mod model;
pub mod outline;
pub mod rules;
pub mod sarif;
mod score_formula;
mod sparkline;
pub mod template;
pub mod terminal;
mod xml;

use crate::audit::AuditOutcome;
use crate::engine::Outcome;
use crate::lang::Lang;
use crate::pack::Pack;
use crate::privacy::Masked;
use chrono::NaiveDate;
pub use template::{RenderOptions, TemplateSource};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// For people at a terminal: each finding with its line and how to fix it (an audit: the
    /// findings about commissions and a table per commission).
    Text,
    /// One line per finding: path:line:col: severity[rule] message.
    Concise,
    /// Markdown: tables to paste into an e-mail, a wiki or a merge request.
    Markdown,
    /// One self-contained HTML page with charts, for the browser or to send by e-mail.
    Html,
    /// One row per finding, for Excel (UTF-8 with BOM; `;` between cells in kk and ru).
    Csv,
    /// Everything, machine-readable, with a schema version (docs/report.md).
    Json,
    /// SARIF 2.1.0, for GitHub code scanning and other SARIF viewers.
    Sarif,
    /// GitHub Actions workflow commands: annotations on the pull request.
    Github,
    /// JUnit XML: a test case per document with findings, a failure per finding.
    Junit,
    /// GitLab Code Quality JSON.
    Gitlab,
}

/// The HTML and Markdown reports list at most about this many document findings inline, so a
/// national audit stays a page that opens in a moment: past it, each commission lists its
/// share (never fewer than `MIN_INLINE_PER_COMMISSION`) and counts the rest, with the command
/// that lists them.
pub const INLINE_FINDINGS_LIMIT: usize = 3000;
pub const MIN_INLINE_PER_COMMISSION: usize = 5;

impl Format {
    /// Every format, in the order `--help` lists them.
    pub const ALL: [Format; 10] = [
        Format::Text,
        Format::Concise,
        Format::Markdown,
        Format::Html,
        Format::Csv,
        Format::Json,
        Format::Sarif,
        Format::Github,
        Format::Junit,
        Format::Gitlab,
    ];

    /// The name `--format` takes.
    pub fn name(self) -> &'static str {
        match self {
            Format::Text => "text",
            Format::Concise => "concise",
            Format::Markdown => "markdown",
            Format::Html => "html",
            Format::Csv => "csv",
            Format::Json => "json",
            Format::Sarif => "sarif",
            Format::Github => "github",
            Format::Junit => "junit",
            Format::Gitlab => "gitlab",
        }
    }

    /// The built-in template (name and text) of a template-rendered format.
    fn template(self) -> Option<(&'static str, &'static str)> {
        Some(match self {
            Format::Text => ("text.jinja", include_str!("../../templates/text.jinja")),
            Format::Concise => (
                "concise.jinja",
                include_str!("../../templates/concise.jinja"),
            ),
            Format::Markdown => (
                "markdown.jinja",
                include_str!("../../templates/markdown.jinja"),
            ),
            Format::Html => ("html.jinja", include_str!("../../templates/html.jinja")),
            Format::Csv => ("csv.jinja", include_str!("../../templates/csv.jinja")),
            Format::Json => ("json.jinja", include_str!("../../templates/json.jinja")),
            Format::Sarif | Format::Github | Format::Junit | Format::Gitlab => return None,
        })
    }

    /// Whether `--template` can replace this format's output.
    pub fn takes_template(self) -> bool {
        self.template().is_some()
    }
}

/// Everything about a report but the findings: what format, which pack and language.
pub struct Rendering<'a> {
    pub format: Format,
    pub pack: &'a Pack,
    pub lang: Lang,
    /// The day date-relative rules counted from.
    pub as_of: NaiveDate,
    pub options: RenderOptions,
}

/// Renders the findings of `hattama check`; only a value that went through the masking gate
/// (`privacy::Masked`) can be rendered.
pub fn render_check(
    outcome: &Masked<Outcome>,
    how: &Rendering<'_>,
    out: &mut dyn std::io::Write,
) -> std::io::Result<()> {
    let (pack, lang) = (how.pack, how.lang);
    match how.format {
        Format::Sarif => sarif::render(outcome, pack, lang, out),
        Format::Github => github::render(outcome, lang, out),
        Format::Junit => junit::render(outcome, lang, out),
        Format::Gitlab => gitlab::render(outcome, out),
        _ => {
            let report = model::of_check(outcome, pack, lang, how.as_of);
            through_template(&report, how, out)
        }
    }
}

/// Renders the report of `hattama audit` over the folder `root`.
pub fn render_audit(
    outcome: &Masked<AuditOutcome>,
    how: &Rendering<'_>,
    out: &mut dyn std::io::Write,
) -> std::io::Result<()> {
    render_audit_since(outcome, Since::default(), how, out)
}

/// What earlier audits add to a report: the changes since the last (`--compare`) and the
/// scores over all (`--history`).
#[derive(Debug, Clone, Copy, Default)]
pub struct Since<'a> {
    pub changes: Option<&'a Masked<changes::Changes>>,
    pub history: Option<&'a Masked<changes::History>>,
}

/// Like [`render_audit`], with what earlier audits add, where the format has room for it (the
/// formats for CI list findings only).
pub fn render_audit_since(
    outcome: &Masked<AuditOutcome>,
    since: Since<'_>,
    how: &Rendering<'_>,
    out: &mut dyn std::io::Write,
) -> std::io::Result<()> {
    if !how.format.takes_template() {
        // The CI formats list findings by document, whatever found them.
        let findings = outcome.project(|audit| Outcome {
            findings: audit.findings.clone(),
            documents: audit.documents,
        });
        return render_check(&findings, how, out);
    }
    let changes = since.changes.map(|changes| &**changes);
    let mut report = model::of_audit(
        outcome,
        how.pack,
        how.lang,
        how.as_of,
        &outcome.root,
        changes,
    );
    report.history = since.history.map(|history| &**history);
    through_template(&report, how, out)
}

fn through_template(
    report: &model::Report<'_>,
    how: &Rendering<'_>,
    out: &mut dyn std::io::Write,
) -> std::io::Result<()> {
    let format = how.format;
    let Some(builtin) = format.template() else {
        return Ok(());
    };
    let escape = match format {
        Format::Html => template::Escape::Html,
        Format::Text | Format::Concise => template::Escape::Terminal,
        _ => template::Escape::None,
    };
    let cap = (matches!(format, Format::Html | Format::Markdown)
        && report.findings.len() > INLINE_FINDINGS_LIMIT)
        .then(|| {
            (INLINE_FINDINGS_LIMIT / report.commissions.len().max(1)).max(MIN_INLINE_PER_COMMISSION)
        });
    template::render(report, builtin, escape, cap, &how.options, out)
}
