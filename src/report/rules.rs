//! `hattama rules` and `hattama explain`: the rule catalogue, for people.

use crate::lang::Lang;
use crate::pack::{Pack, Rule};
use anstyle::Style;
use std::io::Write;

const BOLD: Style = Style::new().bold();

struct Headings {
    what: &'static str,
    why: &'static str,
    fix: &'static str,
    example: &'static str,
    requirement: &'static str,
    applies: &'static str,
    since: &'static str,
    params: &'static str,
    disabled: &'static str,
}

fn headings(lang: Lang) -> Headings {
    match lang {
        Lang::Kk => Headings {
            what: "Не тексеріледі",
            why: "Неге маңызды",
            fix: "Қалай түзету керек",
            example: "Дұрыс мысал",
            requirement: "Талап",
            applies: "Құжаттар",
            since: "Қолданылу басы",
            params: "Параметрлер",
            disabled: "конфигурацияда өшірілген",
        },
        Lang::Ru => Headings {
            what: "Что проверяет",
            why: "Почему это важно",
            fix: "Как исправить",
            example: "Правильный пример",
            requirement: "Требование",
            applies: "Документы",
            since: "Действует с",
            params: "Параметры",
            disabled: "отключено в конфигурации",
        },
        Lang::En => Headings {
            what: "What it checks",
            why: "Why it matters",
            fix: "How to fix",
            example: "Example that passes",
            requirement: "Requirement",
            applies: "Documents",
            since: "Applies from",
            params: "Parameters",
            disabled: "turned off in the configuration",
        },
    }
}

pub fn list(pack: &Pack, lang: Lang, out: &mut dyn Write) -> std::io::Result<()> {
    for meta in &pack.metas {
        writeln!(out, "{BOLD}{}{BOLD:#}: {}", meta.id, meta.name.get(lang))?;
        if let Some(description) = &meta.description {
            writeln!(out, "  {}", description.get(lang))?;
        }
    }
    writeln!(out)?;
    let width = pack
        .rules
        .iter()
        .map(|r| r.id.chars().count())
        .max()
        .unwrap_or(0);
    for rule in &pack.rules {
        // A rule the configuration turned off shows `off` where its severity would be.
        writeln!(
            out,
            "{BOLD}{:width$}{BOLD:#}  {:7}  {:12}  {}",
            rule.id,
            if rule.enabled {
                rule.severity.as_str()
            } else {
                "off"
            },
            rule.documents.join(","),
            plain(rule.message.get(lang)),
        )?;
    }
    Ok(())
}

/// A message template with its placeholders shown as `…`, for the catalogue.
pub(crate) fn plain(template: &str) -> String {
    let mut out = String::new();
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        let tag = &rest[open..];
        let (end, shown) = if tag.starts_with("{{") {
            ("}}", true)
        } else if tag.starts_with("{%") {
            ("%}", false)
        } else {
            out.push_str(&rest[..=open]);
            rest = &rest[open + 1..];
            continue;
        };
        out.push_str(&rest[..open]);
        if shown {
            out.push('…');
        }
        rest = tag.find(end).map_or("", |at| &tag[at + end.len()..]);
    }
    out.push_str(rest);
    out.trim().to_string()
}

pub fn explain(pack: &Pack, rule: &Rule, lang: Lang, out: &mut dyn Write) -> std::io::Result<()> {
    let h = headings(lang);
    let kinds: Vec<&str> = rule
        .documents
        .iter()
        .map(|id| pack.kind(id).map_or(id.as_str(), |k| k.name.get(lang)))
        .collect();
    let off = if rule.enabled {
        String::new()
    } else {
        format!(", {}", h.disabled)
    };
    writeln!(
        out,
        "{BOLD}{}{BOLD:#} ({}, {}{off})",
        rule.id, rule.severity, rule.kind
    )?;
    writeln!(out)?;
    writeln!(
        out,
        "{BOLD}{}{BOLD:#}\n  {}\n",
        h.what,
        plain(rule.message.get(lang))
    )?;
    writeln!(
        out,
        "{BOLD}{}{BOLD:#}\n  {}\n",
        h.why,
        rule.why.get(lang).trim()
    )?;
    writeln!(
        out,
        "{BOLD}{}{BOLD:#}\n  {}\n",
        h.fix,
        plain(rule.fix.get(lang))
    )?;
    if let Some(example) = &rule.example {
        writeln!(out, "{BOLD}{}{BOLD:#}", h.example)?;
        for line in example.trim_end().lines() {
            writeln!(out, "  {line}")?;
        }
        writeln!(out)?;
    }
    writeln!(out, "{BOLD}{}{BOLD:#}: {}", h.applies, kinds.join(", "))?;
    writeln!(out, "{BOLD}{}{BOLD:#}: {}", h.requirement, rule.requirement)?;
    if let Some(since) = rule.since {
        writeln!(out, "{BOLD}{}{BOLD:#}: {since}", h.since)?;
    }
    if rule.params.len().is_some_and(|n| n > 0) {
        writeln!(out, "{BOLD}{}{BOLD:#}: {}", h.params, rule.params)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::plain;

    #[test]
    fn templates_show_placeholders_and_hide_statements() {
        assert_eq!(
            plain("{% set n = 1 %}Нет {{ n }} из {{ total }}"),
            "Нет … из …"
        );
        assert_eq!(plain("braces { stay }"), "braces { stay }");
    }
}
