//! `hattama rules` and `hattama explain`: the rule catalogue, for people.

use super::outline::variants;
use crate::lang::Lang;
use crate::pack::{Pack, Rule};
use anstyle::Style;
use minijinja::Value;
use minijinja::value::ValueKind;
use std::io::Write;

const BOLD: Style = Style::new().bold();

struct Headings {
    what: &'static str,
    why: &'static str,
    fix: &'static str,
    example: &'static str,
    requirement: &'static str,
    basis: &'static str,
    applies: &'static str,
    any_document: &'static str,
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
            basis: "Негізі",
            applies: "Құжаттар",
            any_document: "кез келген құжат",
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
            basis: "Основание",
            applies: "Документы",
            any_document: "любой документ",
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
            basis: "Basis",
            applies: "Documents",
            any_document: "any document",
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
        let severity = if rule.enabled {
            rule.severity.as_str()
        } else {
            "off"
        };
        let documents = rule.documents.join(",");
        let messages = variants(rule.message.get(lang));
        let first = messages.first().map_or("", String::as_str);
        writeln!(
            out,
            "{BOLD}{:width$}{BOLD:#}  {severity:7}  {documents:12}  {first}",
            rule.id,
        )?;
        // A message with alternatives (`{% if %}…{% else %}…`) shows each under the first,
        // in the same column, so no two sentences run together.
        let column = format!("{:width$}  {severity:7}  {documents:12}  ", rule.id)
            .chars()
            .count();
        for other in messages.iter().skip(1) {
            writeln!(out, "{:column$}{other}", "")?;
        }
    }
    Ok(())
}

pub fn explain(pack: &Pack, rule: &Rule, lang: Lang, out: &mut dyn Write) -> std::io::Result<()> {
    let h = headings(lang);
    let kinds: Vec<&str> = rule
        .documents
        .iter()
        .map(|id| match pack.kind(id) {
            Some(kind) => kind.name.get(lang),
            None if id == crate::pack::ANY_DOCUMENT => h.any_document,
            None => id.as_str(),
        })
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
    writeln!(out, "{BOLD}{}{BOLD:#}", h.what)?;
    for message in variants(rule.message.get(lang)) {
        writeln!(out, "  {message}")?;
    }
    writeln!(out)?;
    writeln!(
        out,
        "{BOLD}{}{BOLD:#}\n  {}\n",
        h.why,
        rule.why.get(lang).trim()
    )?;
    writeln!(out, "{BOLD}{}{BOLD:#}", h.fix)?;
    for fix in variants(rule.fix.get(lang)) {
        writeln!(out, "  {fix}")?;
    }
    writeln!(out)?;
    if let Some(example) = &rule.example {
        writeln!(out, "{BOLD}{}{BOLD:#}", h.example)?;
        for line in example.get(lang).trim_end().lines() {
            if line.trim().is_empty() {
                writeln!(out)?;
            } else {
                writeln!(out, "  {line}")?;
            }
        }
        writeln!(out)?;
    }
    writeln!(out, "{BOLD}{}{BOLD:#}: {}", h.applies, kinds.join(", "))?;
    writeln!(
        out,
        "{BOLD}{}{BOLD:#}: {}",
        h.requirement,
        rule.requirement.get(lang).trim()
    )?;
    if let Some(basis) = &rule.basis {
        writeln!(out, "{BOLD}{}{BOLD:#}: {}", h.basis, basis.get(lang).trim())?;
    }
    if let Some(since) = rule.since {
        writeln!(
            out,
            "{BOLD}{}{BOLD:#}: {}",
            h.since,
            since.format("%d.%m.%Y")
        )?;
    }
    let params = parameters(&rule.params);
    if !params.is_empty() {
        writeln!(out, "{BOLD}{}{BOLD:#}:", h.params)?;
        for (name, value) in params {
            writeln!(out, "  {name}: {value}")?;
        }
    }
    Ok(())
}

/// A rule's parameters as `name` and value text, in the pack's (sorted) order: `quorum`, `0.5`.
/// The values are what a configuration writes under `params:`, so they read as YAML does, not
/// as the template engine prints a map (`{'quorum': 0.5}`).
pub fn parameters(params: &Value) -> Vec<(String, String)> {
    let Ok(keys) = params.try_iter() else {
        return Vec::new();
    };
    keys.map(|key| {
        let value = params.get_item(&key).unwrap_or_default();
        (key.to_string(), value_text(&value))
    })
    .collect()
}

/// One parameter's value: a scalar as written, a list as `a, b`, a map as `key: value, …`.
fn value_text(value: &Value) -> String {
    match value.kind() {
        ValueKind::Seq | ValueKind::Iterable => value
            .try_iter()
            .map(|items| {
                items
                    .map(|item| value_text(&item))
                    .collect::<Vec<_>>()
                    .join(", ")
            })
            .unwrap_or_default(),
        ValueKind::Map => parameters(value)
            .into_iter()
            .map(|(name, value)| format!("{name}: {value}"))
            .collect::<Vec<_>>()
            .join(", "),
        ValueKind::None | ValueKind::Undefined => "~".into(),
        _ => value.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parameters_read_as_name_colon_value() {
        let params = Value::from(minijinja::value::Serde(serde_json::json!({
            "quorum": 0.5,
            "max_gap_days": 45,
            "sessions": "protocol",
            "months": [1, 2],
            "nested": {"a": 1},
        })));
        let shown: Vec<String> = parameters(&params)
            .into_iter()
            .map(|(name, value)| format!("{name}: {value}"))
            .collect();
        assert_eq!(
            shown,
            [
                "max_gap_days: 45",
                "months: 1, 2",
                "nested: a: 1",
                "quorum: 0.5",
                "sessions: protocol"
            ]
        );
        assert!(parameters(&Value::from(())).is_empty());
    }
}
