//! Renders a [`Report`] through a minijinja template: the built-in one of the format
//! (templates/*.jinja, compiled into the binary) or one the user gives with `--template FILE`.
//!
//! A template sees `report` (the data, exactly what `--format json` prints), `t` (every label
//! of templates/labels.yaml in the run's language, plus the sentences made in code:
//! `t.summary_line`, `t.clean`), `options` (`details`), `categories` (category id → name) and
//! `groups` (findings by commission and document, cut to a readable number in large audits). Filters and functions it can use
//! are listed in docs/report.md.

use super::model::Report;
use crate::finding::Severity;
use crate::lang::Lang;
use minijinja::value::{Kwargs, Value};
use minijinja::{Environment, Error, ErrorKind, syntax::SyntaxConfig};
use serde::Serialize;
use std::collections::BTreeMap;
use std::io::Write;

/// A template's source and the name errors call it by (a file path for the user's).
#[derive(Debug, Clone)]
pub struct TemplateSource {
    pub name: String,
    pub text: String,
}

impl TemplateSource {
    /// Reads the user's template; errors name the file.
    pub fn from_file(path: &std::path::Path) -> std::io::Result<TemplateSource> {
        let text = std::fs::read_to_string(path).map_err(|e| {
            std::io::Error::new(e.kind(), format!("template {}: {e}", path.display()))
        })?;
        Ok(TemplateSource {
            name: path.display().to_string(),
            text,
        })
    }
}

/// How a report is rendered beyond its data.
#[derive(Debug, Clone, Default)]
pub struct RenderOptions {
    /// Audit text: print every finding, not only those about the commissions as a whole.
    pub details: bool,
    /// The user's template instead of the format's own.
    pub template: Option<TemplateSource>,
    /// Where each document opens, by its path as the report shows it (`hattama serve DIR`:
    /// the document with its findings in place); empty, documents are named without links.
    pub links: BTreeMap<String, String>,
    /// Where each commission's documents are listed, by its id (`hattama serve DIR`).
    pub commission_links: BTreeMap<String, String>,
}

/// How a template's output is escaped: HTML needs it; what goes to a terminal has its control
/// and bidi characters shown as codes (`report::terminal`); the rest print text as it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Escape {
    Html,
    Terminal,
    None,
}

/// The instructions a user's template may run, beyond [`FUEL_PER_FINDING`] for each finding:
/// far more than any report needs, and still an end for one that loops without one (nested
/// `range(100000)`). The built-in templates are ours and need no limit.
const USER_TEMPLATE_FUEL: u64 = 100_000_000;
const FUEL_PER_FINDING: u64 = 1_000;

/// Renders `report` with `builtin` (or the user's template) to `out`.
pub fn render(
    report: &Report<'_>,
    builtin: (&str, &str),
    escape: Escape,
    groups_cap: Option<usize>,
    options: &RenderOptions,
    out: &mut dyn Write,
) -> std::io::Result<()> {
    let (name, text) = match &options.template {
        Some(source) => (source.name.as_str(), source.text.as_str()),
        None => builtin,
    };
    let mut env = environment(report.lang, escape).map_err(|e| template_error(name, &e))?;
    if options.template.is_some() {
        let findings = u64::try_from(report.findings.len()).unwrap_or(u64::MAX);
        env.set_fuel(Some(
            USER_TEMPLATE_FUEL.saturating_add(FUEL_PER_FINDING.saturating_mul(findings)),
        ));
    }
    let template = env
        .template_from_named_str(name, text)
        .map_err(|e| template_error(name, &e))?;
    let context = minijinja::context! {
        report => serde_value(report),
        t => serde_value(labels(report)),
        options => minijinja::context! { details => options.details },
        links => serde_value(&options.links),
        commission_links => serde_value(&options.commission_links),
        groups => serde_value(super::groups::group(report, groups_cap)),
        categories => serde_value(
            report
                .categories
                .iter()
                .map(|c| (c.id.as_str(), c.name.as_str()))
                .collect::<BTreeMap<_, _>>()
        ),
        // What a person reads for a commission id: the name its documents give it.
        names => serde_value(
            report
                .commissions
                .iter()
                .map(|c| (c.id.as_str(), if c.name.is_empty() { c.id.as_str() } else { c.name.as_str() }))
                .collect::<BTreeMap<_, _>>()
        ),
    };
    let rendered = template.render(context).map_err(|e| {
        if e.kind() == ErrorKind::OutOfFuel {
            std::io::Error::other(crate::messages::template_out_of_fuel(report.lang, name))
        } else {
            template_error(name, &e)
        }
    })?;
    out.write_all(rendered.as_bytes())
}

/// Any serialisable value as a template value.
fn serde_value(value: impl Serialize) -> Value {
    Value::from(minijinja::value::Serde(value))
}

/// A template that does not compile or fails while rendering: the template's name and line.
fn template_error(name: &str, error: &Error) -> std::io::Error {
    let mut message = format!("template {name}");
    if let Some(line) = error.line() {
        message.push_str(&format!(":{line}"));
    }
    message.push_str(&format!(
        ": {}",
        error.detail().unwrap_or(&error.to_string())
    ));
    let mut source = std::error::Error::source(error);
    while let Some(cause) = source {
        message.push_str(&format!(": {cause}"));
        source = cause.source();
    }
    std::io::Error::other(message)
}

fn labels(report: &Report<'_>) -> BTreeMap<String, String> {
    let mut labels = super::labels::labels(report.lang);
    let summary = &report.summary;
    labels.insert(
        "summary_line".into(),
        crate::messages::summary(
            report.lang,
            report.documents,
            summary.errors,
            summary.warnings,
            summary.infos,
        ),
    );
    labels.insert(
        "clean".into(),
        crate::messages::clean(report.lang).to_string(),
    );
    labels
}

fn environment(lang: Lang, escape: Escape) -> Result<Environment<'static>, Error> {
    let mut env = Environment::new();
    env.set_syntax(
        SyntaxConfig::builder()
            .trim_blocks(true)
            .lstrip_blocks(true)
            .keep_trailing_newline(true)
            .build()?,
    );
    env.set_auto_escape_callback(move |_| match escape {
        Escape::Html => minijinja::AutoEscape::Html,
        // An escaping mode of its own, so that what is already escaped (a macro's output,
        // `style`'s) is marked safe and not escaped twice.
        Escape::Terminal => minijinja::AutoEscape::Custom("terminal".into()),
        Escape::None => minijinja::AutoEscape::None,
    });
    if escape == Escape::Terminal {
        env.set_formatter(|out, _state, value| {
            let text = value.to_string();
            let text = if value.is_safe() {
                text.into()
            } else {
                super::terminal::escape(&text)
            };
            out.write_str(&text).map_err(Error::from)
        });
    }
    env.add_filter("style", move |value: Value, name: &str| {
        style(value, name, escape)
    });
    env.add_filter("fixed", fixed);
    // `{{ "2026-11-30"|date }}` → `30.11.2026`, as messages show days.
    env.add_filter("date", crate::calendar::show_iso_day);
    env.add_filter("num", move |value: f64| {
        crate::messages::number(lang, value)
    });
    env.add_filter("csv_row", csv_row);
    env.add_filter("md", markdown_cell);
    env.add_filter("json", json);
    env.add_filter("anchor", anchor);
    env.add_function("excerpt", excerpt);
    env.add_function("align", align);
    env.add_function("sparkline", super::sparkline::sparkline);
    Ok(env)
}

/// `{{ text|style("error") }}`: terminal colour and weight (bold, dim, error, warning, info).
/// The escapes are dropped again on the way out where the terminal does not want them
/// (not a TTY, NO_COLOR), so templates need not care.
fn style(value: Value, name: &str, escape: Escape) -> Result<Value, Error> {
    use anstyle::{AnsiColor, Style};
    let text = value.to_string();
    let style = match name {
        "bold" => Style::new().bold(),
        "dim" => Style::new().dimmed(),
        _ => {
            let colour = match Severity::parse(name) {
                Some(Severity::Error) => AnsiColor::Red,
                Some(Severity::Warning) => AnsiColor::Yellow,
                Some(Severity::Info) => AnsiColor::Cyan,
                None => {
                    return Err(Error::new(
                        ErrorKind::InvalidOperation,
                        format!("style `{name}`: use bold, dim, error, warning or info"),
                    ));
                }
            };
            Style::new().bold().fg_color(Some(colour.into()))
        }
    };
    Ok(if escape == Escape::Terminal {
        let text = super::terminal::escape(&text);
        Value::from_safe_string(format!("{style}{text}{style:#}"))
    } else {
        Value::from(format!("{style}{text}{style:#}"))
    })
}

/// `{{ 2.456|fixed(1) }}` → `2.5`: a number with a fixed count of decimals.
fn fixed(value: f64, digits: Option<usize>) -> String {
    format!("{value:.*}", digits.unwrap_or(0))
}

/// `{{ cells|csv_row(";") }}`: one CSV line, each cell quoted where it must be. A cell that
/// a spreadsheet would run as a formula (`=`, `+`, `-`, `@`, tab or CR first) gets a leading
/// apostrophe.
fn csv_row(cells: Vec<Value>, separator: Option<String>) -> String {
    let separator = separator.unwrap_or_else(|| ",".into());
    cells
        .iter()
        .map(|cell| {
            let mut text = if cell.is_none() || cell.is_undefined() {
                String::new()
            } else {
                cell.to_string()
            };
            if text.starts_with(['=', '+', '-', '@', '\t', '\r']) {
                text.insert(0, '\'');
            }
            let quote = text.contains(separator.as_str())
                || text.contains(['"', '\n', '\r'])
                || text.starts_with(' ');
            if quote {
                format!("\"{}\"", text.replace('"', "\"\""))
            } else {
                text
            }
        })
        .collect::<Vec<_>>()
        .join(&separator)
}

/// `{{ text|md }}`: text safe in a Markdown table cell: no pipes, no line breaks, and no raw
/// HTML for a Markdown viewer to run.
fn markdown_cell(value: Value) -> String {
    if value.is_none() || value.is_undefined() {
        return String::new();
    }
    let mut cell = String::new();
    for c in value.to_string().chars() {
        match c {
            '|' => cell.push_str("\\|"),
            '\n' | '\r' => cell.push(' '),
            '<' => cell.push_str("&lt;"),
            '>' => cell.push_str("&gt;"),
            '&' => cell.push_str("&amp;"),
            '`' | '*' | '_' | '[' | ']' | '\\' => {
                cell.push('\\');
                cell.push(c);
            }
            _ => cell.push(c),
        }
    }
    cell
}

/// `{{ id|anchor }}`: an HTML id (and `#` link target) for a commission: `c-` and the id with
/// anything but letters, digits, `-` and `_` made `-` (`oblast/Алга район` → `c-oblast-Алга-район`),
/// so a folder path with spaces or slashes still links and needs no escaping.
fn anchor(value: Value) -> String {
    let id: String = value
        .to_string()
        .chars()
        .map(|c| {
            if c.is_alphanumeric() || c == '_' {
                c
            } else {
                '-'
            }
        })
        .collect();
    format!("c-{id}")
}

/// `{{ value|json }}`: pretty JSON, two-space indent, keys in the order the report has them.
fn json(value: Value) -> Result<String, Error> {
    serde_json::to_string_pretty(&value)
        .map_err(|e| Error::new(ErrorKind::InvalidOperation, format!("json: {e}")))
}

/// The part of a finding's line a terminal shows, and where the caret goes under it.
#[derive(Serialize)]
struct Excerpt {
    /// The line number, and as many spaces, for the gutter.
    gutter: String,
    pad: String,
    /// Absent when the finding has no line to show.
    text: Option<String>,
    caret_pad: String,
    caret: String,
    /// The shown text split around the offending part, for a page to highlight it.
    before: String,
    hit: String,
    after: String,
}

/// Word paragraphs run to hundreds of characters and a terminal line is about a hundred: the
/// excerpt is a window of this width around the finding.
const EXCERPT_WIDTH: usize = 100;
const EXCERPT_BEFORE: usize = 30;

/// `excerpt(finding)`: the snippet cut to a terminal's width around the finding, and the
/// underline (`^^^^`) beneath the offending text.
fn excerpt(finding: Value, _kwargs: Kwargs) -> Result<Value, Error> {
    let number = |key: &str| -> Result<usize, Error> {
        let value = finding.get_attr(key)?;
        Ok(usize::try_from(value.as_i64().unwrap_or(0)).unwrap_or(0))
    };
    let line = number("line")?;
    let gutter = line.to_string();
    let pad = " ".repeat(gutter.len());
    let snippet = finding.get_attr("snippet")?;
    let Some(snippet) = snippet.as_str() else {
        return Ok(serde_value(Excerpt {
            gutter,
            pad,
            text: None,
            caret_pad: String::new(),
            caret: String::new(),
            before: String::new(),
            hit: String::new(),
            after: String::new(),
        }));
    };
    let chars: Vec<char> = snippet
        .chars()
        .map(|c| if c == '\t' { ' ' } else { c })
        .collect();
    // A window of a very long line starts short of the line's start (check::snippet).
    let column = number("column")?;
    let from =
        crate::check::snippet::column_in_snippet(chars.len(), chars.first() == Some(&'…'), column);
    let shift = column.saturating_sub(1) - from;
    let from = from.min(chars.len());
    let to = if number("end_line")? == line {
        number("end_column")?
            .saturating_sub(1)
            .saturating_sub(shift)
    } else {
        chars.len()
    };
    let window = Window::around(chars.len(), from);
    let text: String = chars[window.start..window.end].iter().collect();
    let hit_end = to.clamp(from, window.end);
    let before: String = chars[window.start..from].iter().collect();
    let hit: String = chars[from..hit_end].iter().collect();
    let after: String = chars[hit_end..window.end].iter().collect();
    let caret_from = from - window.start + window.lead.chars().count();
    let caret_width = to.min(window.end).saturating_sub(from).max(1);
    Ok(serde_value(Excerpt {
        gutter,
        pad,
        text: Some(format!("{}{text}{}", window.lead, window.tail)),
        caret_pad: " ".repeat(caret_from),
        caret: "^".repeat(caret_width),
        before: format!("{}{before}", window.lead),
        hit,
        after: format!("{after}{}", window.tail),
    }))
}

/// The part of a long line shown around a column.
struct Window {
    start: usize,
    end: usize,
    lead: &'static str,
    tail: &'static str,
}

impl Window {
    fn around(len: usize, from: usize) -> Window {
        if len <= EXCERPT_WIDTH {
            return Window {
                start: 0,
                end: len,
                lead: "",
                tail: "",
            };
        }
        let start = from.saturating_sub(EXCERPT_BEFORE).min(len - EXCERPT_WIDTH);
        let end = start + EXCERPT_WIDTH;
        Window {
            start,
            end,
            lead: if start > 0 { "…" } else { "" },
            tail: if end < len { "…" } else { "" },
        }
    }
}

#[derive(Serialize)]
struct Aligned {
    lines: Vec<String>,
    /// The width of the widest line, for a rule under the heading.
    width: usize,
}

/// `align(rows)`: rows of cells as lines of a plain-text table, the first column left-aligned
/// and the others right-aligned, two spaces apart.
fn align(rows: Vec<Vec<Value>>) -> Value {
    let cells: Vec<Vec<String>> = rows
        .iter()
        .map(|row| row.iter().map(|c| c.to_string()).collect())
        .collect();
    let columns = cells.iter().map(Vec::len).max().unwrap_or(0);
    let mut widths = vec![0usize; columns];
    for row in &cells {
        for (i, cell) in row.iter().enumerate() {
            widths[i] = widths[i].max(cell.chars().count());
        }
    }
    let lines = cells
        .iter()
        .map(|row| {
            let mut line = String::new();
            for (i, cell) in row.iter().enumerate() {
                let pad = " ".repeat(widths[i].saturating_sub(cell.chars().count()));
                if i == 0 {
                    line.push_str(cell);
                    line.push_str(&pad);
                } else {
                    line.push_str("  ");
                    line.push_str(&pad);
                    line.push_str(cell);
                }
            }
            line.trim_end().to_string()
        })
        .collect();
    let width = widths.iter().sum::<usize>() + 2 * columns.saturating_sub(1);
    serde_value(Aligned { lines, width })
}

#[cfg(test)]
mod tests {
    use super::*;

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

    #[test]
    fn csv_cells_are_quoted_and_formulas_defused() {
        let row = csv_row(
            vec![
                Value::from("a;b"),
                Value::from("say \"hi\""),
                Value::from("=SUM(A1)"),
                Value::from("Иванов"),
                Value::from(()),
            ],
            Some(";".into()),
        );
        assert_eq!(row, "\"a;b\";\"say \"\"hi\"\"\";'=SUM(A1);Иванов;");
    }

    #[test]
    fn markdown_cells_cannot_break_the_table_or_inject_html() {
        assert_eq!(
            markdown_cell(Value::from("a|b\n<script>x</script>")),
            "a\\|b &lt;script&gt;x&lt;/script&gt;"
        );
    }

    #[test]
    fn tables_align_numbers_right() {
        let table = align(vec![
            vec![Value::from("Комиссия"), Value::from("Балл")],
            vec![Value::from("a"), Value::from(7)],
        ]);
        let lines: Vec<String> = table
            .get_attr("lines")
            .unwrap()
            .try_iter()
            .unwrap()
            .map(|v| v.to_string())
            .collect();
        assert_eq!(lines, ["Комиссия  Балл", "a            7"]);
    }
}
