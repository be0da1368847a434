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
    if outcome.findings.is_empty() {
        writeln!(out, "{}", messages::clean(lang))?;
    }
    summary(lang, outcome.documents, |s| outcome.count(s), out)
}

/// The closing line: how many documents, and findings of each severity.
pub fn summary(
    lang: Lang,
    documents: usize,
    count: impl Fn(Severity) -> usize,
    out: &mut dyn Write,
) -> std::io::Result<()> {
    let line = messages::summary(
        lang,
        documents,
        count(Severity::Error),
        count(Severity::Warning),
        count(Severity::Info),
    );
    writeln!(out, "{BOLD}{line}{BOLD:#}")
}

/// `path:line:col: severity[rule] message`, the first line of every finding.
pub fn header(finding: &Finding, out: &mut dyn Write) -> std::io::Result<()> {
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
        let chars: Vec<char> = snippet
            .chars()
            .map(|c| if c == '\t' { ' ' } else { c })
            .collect();
        let from = (finding.start.column as usize)
            .saturating_sub(1)
            .min(chars.len());
        let to = if finding.end.line == finding.start.line {
            (finding.end.column as usize).saturating_sub(1)
        } else {
            chars.len()
        };
        let shown = Window::around(chars.len(), from);
        let text: String = chars[shown.start..shown.end].iter().collect();
        let caret_from = from - shown.start + shown.lead.len();
        let caret_width = to.min(shown.end).saturating_sub(from).max(1);
        let style = severity_style(finding.severity);
        writeln!(out, "{DIM}{pad} |{DIM:#}")?;
        writeln!(
            out,
            "{DIM}{gutter} |{DIM:#} {}{text}{}",
            shown.lead, shown.tail
        )?;
        writeln!(
            out,
            "{DIM}{pad} |{DIM:#} {}{style}{}{style:#}",
            " ".repeat(caret_from),
            "^".repeat(caret_width)
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

/// The part of a long line shown around a finding: Word paragraphs run to hundreds of
/// characters, and a terminal line is about a hundred.
struct Window {
    start: usize,
    end: usize,
    lead: &'static str,
    tail: &'static str,
}

impl Window {
    const WIDTH: usize = 100;
    const BEFORE: usize = 30;

    fn around(len: usize, from: usize) -> Window {
        if len <= Self::WIDTH {
            return Window {
                start: 0,
                end: len,
                lead: "",
                tail: "",
            };
        }
        let start = from.saturating_sub(Self::BEFORE).min(len - Self::WIDTH);
        let end = start + Self::WIDTH;
        Window {
            start,
            end,
            lead: if start > 0 { "…" } else { "" },
            tail: if end < len { "…" } else { "" },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::Window;

    #[test]
    fn short_lines_are_shown_whole() {
        let window = Window::around(40, 10);
        assert_eq!(
            (window.start, window.end, window.lead, window.tail),
            (0, 40, "", "")
        );
    }

    #[test]
    fn long_lines_are_cut_around_the_finding() {
        let window = Window::around(400, 200);
        assert_eq!((window.start, window.end), (170, 270));
        assert_eq!((window.lead, window.tail), ("…", "…"));
        let at_end = Window::around(400, 395);
        assert_eq!((at_end.start, at_end.end, at_end.tail), (300, 400, ""));
    }
}
