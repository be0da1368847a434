//! SARIF 2.1.0, the static-analysis format GitHub code scanning and many viewers read: one run,
//! the pack's rules as the tool's rules, one result per finding.

use crate::engine::Outcome;
use crate::finding::{Finding, Severity};
use crate::lang::Lang;
use crate::pack::Pack;
use crate::privacy::Masked;
use crate::report::fingerprint::{fingerprints, uri_path};
use crate::report::outline::plain;
use serde_json::{Value, json};
use std::collections::HashMap;

pub const SCHEMA: &str =
    "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";

pub fn render(
    outcome: &Masked<Outcome>,
    pack: &Pack,
    lang: Lang,
    out: &mut dyn std::io::Write,
) -> std::io::Result<()> {
    serde_json::to_writer_pretty(&mut *out, &build(outcome, pack, lang))?;
    writeln!(out)
}

pub fn build(outcome: &Outcome, pack: &Pack, lang: Lang) -> Value {
    let mut rules: Vec<Value> = Vec::new();
    let mut index: HashMap<&str, usize> = HashMap::new();
    for rule in &pack.rules {
        index.insert(&rule.id, rules.len());
        let mut properties = json!({ "requirement": rule.requirement.get(lang) });
        if let Some(basis) = &rule.basis {
            properties["basis"] = json!(basis.get(lang));
        }
        rules.push(json!({
            "id": rule.id,
            "shortDescription": { "text": plain(rule.message.get(lang)) },
            "fullDescription": { "text": rule.why.get(lang).trim() },
            "help": { "text": plain(rule.fix.get(lang)) },
            "defaultConfiguration": { "level": level(rule.severity) },
            "properties": properties,
        }));
    }
    // The engine's own rules (an unreadable file, a file too large) are not in any pack.
    for finding in &outcome.findings {
        if !index.contains_key(finding.rule.as_str()) {
            index.insert(&finding.rule, rules.len());
            rules.push(json!({ "id": finding.rule }));
        }
    }
    let results: Vec<Value> = outcome
        .findings
        .iter()
        .zip(fingerprints(&outcome.findings))
        .map(|(finding, fingerprint)| result(finding, index[finding.rule.as_str()], fingerprint))
        .collect();
    json!({
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": { "driver": {
                "name": "hattama",
                "version": env!("CARGO_PKG_VERSION"),
                "language": lang.code(),
                "rules": rules,
            }},
            "language": lang.code(),
            "columnKind": "unicodeCodePoints",
            "results": results,
        }],
    })
}

fn level(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "note",
    }
}

fn result(finding: &Finding, rule_index: usize, fingerprint: String) -> Value {
    let start_line = finding.start.line.max(1);
    let start_column = finding.start.column.max(1);
    let end_line = finding.end.line.max(start_line);
    let end_column = if end_line == start_line {
        finding.end.column.max(start_column)
    } else {
        finding.end.column.max(1)
    };
    let mut result = json!({
        "ruleId": finding.rule,
        "ruleIndex": rule_index,
        "level": level(finding.severity),
        "message": { "text": finding.message },
        "locations": [{ "physicalLocation": {
            "artifactLocation": { "uri": uri(&finding.path) },
            "region": {
                "startLine": start_line,
                "startColumn": start_column,
                "endLine": end_line,
                "endColumn": end_column,
            },
        }}],
        "partialFingerprints": { "hattama/v1": fingerprint },
    });
    if let Some(snippet) = &finding.snippet {
        result["locations"][0]["physicalLocation"]["region"]["snippet"] =
            json!({ "text": snippet });
    }
    if let Some(fix) = &finding.fix {
        result["properties"] = json!({ "fix": fix });
    }
    if !finding.related.is_empty() {
        let related: Vec<Value> = finding
            .related
            .iter()
            .enumerate()
            .map(|(id, related)| {
                let mut location = json!({
                    "id": id,
                    "physicalLocation": { "artifactLocation": { "uri": uri(&related.path) } },
                });
                if related.line > 0 {
                    location["physicalLocation"]["region"] = json!({ "startLine": related.line });
                }
                location
            })
            .collect();
        result["relatedLocations"] = Value::Array(related);
    }
    result
}

/// A relative URI reference for a path: `/` between parts, everything but unreserved
/// characters percent-encoded (Cyrillic and Kazakh names included).
pub fn uri(path: &str) -> String {
    let mut out = String::new();
    for byte in uri_path(path).bytes() {
        if byte.is_ascii_alphanumeric() || b"-._~/".contains(&byte) {
            out.push(byte as char);
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::uri;

    #[test]
    fn paths_become_relative_uris() {
        assert_eq!(uri("fixtures\\check/a b.txt"), "fixtures/check/a%20b.txt");
        assert_eq!(uri("хат.md"), "%D1%85%D0%B0%D1%82.md");
    }
}
