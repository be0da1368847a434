//! The CI formats (`sarif`, `github`, `junit`, `gitlab`) as the command writes them for the
//! shipped fixtures: each parses back, agrees with the JSON report, and keeps personal data masked.

use assert_cmd::Command;
use quick_xml::XmlVersion;
use quick_xml::events::Event;
use serde_json::Value;
use std::collections::HashSet;

const FIXTURES: &str = "fixtures/check";

/// What `hattama check fixtures/check` prints in a format.
fn check(format: &str) -> String {
    let output = Command::cargo_bin("hattama")
        .unwrap()
        .env_remove("LANG")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env("NO_COLOR", "1")
        .args([
            "check",
            FIXTURES,
            "--as-of",
            "2026-11-22",
            "--format",
            format,
        ])
        .output()
        .unwrap();
    // The fixtures have errors, so the command fails the build: that is the point of CI.
    assert_eq!(output.status.code(), Some(1), "{format}");
    String::from_utf8(output.stdout).unwrap()
}

fn json_findings() -> Vec<Value> {
    let report: Value = serde_json::from_str(&check("json")).unwrap();
    report["findings"].as_array().unwrap().clone()
}

/// The SARIF schema from `shared/schemas`, beside the checkout or at `/work/shared`.
fn sarif_schema() -> Value {
    let beside = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../shared/schemas/sarif-schema-2.1.0.json"
    );
    let places = [beside, "/work/shared/schemas/sarif-schema-2.1.0.json"];
    let text = places
        .iter()
        .find_map(|path| std::fs::read_to_string(path).ok())
        .unwrap_or_else(|| panic!("the SARIF schema is in none of {places:?}"));
    serde_json::from_str(&text).unwrap()
}

#[test]
fn sarif_validates_against_the_schema() {
    let schema = sarif_schema();
    // The SARIF 2.1.0 schema is draft-04, which the validator supports.
    assert_eq!(
        schema["$schema"].as_str(),
        Some("http://json-schema.org/draft-04/schema#")
    );
    let validator = jsonschema::draft4::new(&schema).unwrap();
    let sarif: Value = serde_json::from_str(&check("sarif")).unwrap();
    let errors: Vec<String> = validator
        .iter_errors(&sarif)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .collect();
    assert!(errors.is_empty(), "{errors:#?}");

    // The validation can fail: a wrong version and a level SARIF does not know are caught.
    let mut broken = sarif.clone();
    broken["version"] = "2.0.0".into();
    assert!(!validator.is_valid(&broken));
    let mut broken = sarif.clone();
    broken["runs"][0]["results"][0]["level"] = "fatal".into();
    assert!(!validator.is_valid(&broken));
    let mut broken = sarif;
    broken["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["region"]["startLine"] =
        0.into();
    assert!(!validator.is_valid(&broken));
}

#[test]
fn sarif_has_a_result_per_finding_and_each_points_at_its_rule() {
    let findings = json_findings();
    let sarif: Value = serde_json::from_str(&check("sarif")).unwrap();
    assert_eq!(sarif["version"], "2.1.0");
    let run = &sarif["runs"][0];
    assert_eq!(run["tool"]["driver"]["name"], "hattama");
    assert_eq!(run["tool"]["driver"]["version"], env!("CARGO_PKG_VERSION"));
    assert_eq!(run["columnKind"], "unicodeCodePoints");
    let rules = run["tool"]["driver"]["rules"].as_array().unwrap();
    let results = run["results"].as_array().unwrap();
    assert!(!findings.is_empty());
    assert_eq!(results.len(), findings.len());
    for (result, finding) in results.iter().zip(&findings) {
        let index = result["ruleIndex"].as_u64().unwrap() as usize;
        assert_eq!(rules[index]["id"], result["ruleId"]);
        assert_eq!(result["ruleId"], finding["rule"]);
        let region = &result["locations"][0]["physicalLocation"]["region"];
        assert_eq!(region["startLine"], finding["line"]);
        assert_eq!(region["startColumn"], finding["column"]);
        let level = match finding["severity"].as_str().unwrap() {
            "info" => "note",
            other => other,
        };
        assert_eq!(result["level"], level);
    }
    let deadline = rules
        .iter()
        .find(|r| r["id"] == "kz-kdn/decision-deadline")
        .expect("every rule of the pack is listed");
    let short = deadline["shortDescription"]["text"].as_str().unwrap();
    assert!(!short.contains("{{"), "{short}");
    assert!(deadline["properties"]["requirement"].is_string());
    assert!(deadline["fullDescription"]["text"].is_string());
    assert!(deadline["help"]["text"].is_string());
}

/// Splits `::error file=…,line=…::message` into the command, its properties and the message.
fn workflow_command(line: &str) -> (String, Vec<(String, String)>, String) {
    let rest = line.strip_prefix("::").unwrap();
    let (head, message) = rest.split_once("::").unwrap();
    let (command, properties) = head.split_once(' ').unwrap();
    let unescape = |text: &str| {
        text.replace("%2C", ",")
            .replace("%3A", ":")
            .replace("%0A", "\n")
            .replace("%0D", "\r")
            .replace("%25", "%")
    };
    let properties = properties
        .split(',')
        .map(|pair| {
            let (key, value) = pair.split_once('=').unwrap();
            (key.to_string(), unescape(value))
        })
        .collect();
    (command.to_string(), properties, unescape(message))
}

#[test]
fn github_annotations_parse_back() {
    let output = check("github");
    let lines: Vec<&str> = output.lines().collect();
    assert_eq!(lines.len(), json_findings().len());
    let commands: Vec<_> = lines.iter().map(|line| workflow_command(line)).collect();
    for (command, properties, _) in &commands {
        assert!(["error", "warning", "notice"].contains(&command.as_str()));
        let keys: Vec<&str> = properties.iter().map(|(k, _)| k.as_str()).collect();
        assert_eq!(
            keys,
            ["file", "line", "col", "endLine", "endColumn", "title"]
        );
    }
    let get = |properties: &[(String, String)], key: &str| {
        properties
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v.clone())
            .unwrap()
    };
    let deadline = commands.iter().find(|(_, properties, _)| {
        get(properties, "file") == "fixtures/check/ru-protocol-sloppy-01.txt"
            && get(properties, "line") == "39"
    });
    let (command, properties, message) = deadline.expect("the missing deadline at line 39");
    assert_eq!(command, "error");
    assert_eq!(get(properties, "title"), "kz-kdn/decision-deadline");
    assert!(message.contains("2.2"), "{message}");
}

#[test]
fn junit_is_well_formed_with_a_failure_per_finding() {
    let output = check("junit");
    let mut reader = quick_xml::Reader::from_str(&output);
    let mut failures = 0;
    let mut depth = 0usize;
    loop {
        match reader.read_event().unwrap() {
            Event::Start(element) => {
                depth += 1;
                for attribute in element.attributes() {
                    attribute
                        .unwrap()
                        .normalized_value(XmlVersion::Explicit1_0)
                        .unwrap();
                }
                if element.name().as_ref() == "failure" {
                    failures += 1;
                }
            }
            Event::End(_) => depth -= 1,
            Event::Eof => break,
            _ => {}
        }
    }
    assert_eq!(depth, 0, "every element is closed");
    assert_eq!(failures, json_findings().len());
    assert!(output.contains(r#"<testsuite name="hattama""#));
}

#[test]
fn gitlab_issues_have_unique_fingerprints_and_mapped_severities() {
    let findings = json_findings();
    let issues: Value = serde_json::from_str(&check("gitlab")).unwrap();
    let issues = issues.as_array().unwrap();
    assert_eq!(issues.len(), findings.len());
    let fingerprints: HashSet<&str> = issues
        .iter()
        .map(|i| i["fingerprint"].as_str().unwrap())
        .collect();
    assert_eq!(fingerprints.len(), issues.len());
    for (issue, finding) in issues.iter().zip(&findings) {
        let severity = match finding["severity"].as_str().unwrap() {
            "error" => "major",
            "warning" => "minor",
            _ => "info",
        };
        assert_eq!(issue["severity"], severity);
        assert_eq!(issue["check_name"], finding["rule"]);
        assert_eq!(issue["location"]["path"], finding["path"]);
        assert_eq!(issue["location"]["lines"]["begin"], finding["line"]);
        assert_eq!(issue["description"], finding["message"]);
    }
    // The same fingerprints as SARIF, so a finding is one finding in both.
    let sarif: Value = serde_json::from_str(&check("sarif")).unwrap();
    for (issue, result) in issues
        .iter()
        .zip(sarif["runs"][0]["results"].as_array().unwrap())
    {
        assert_eq!(
            issue["fingerprint"],
            result["partialFingerprints"]["hattama/v1"]
        );
    }
}

#[test]
fn personal_data_stays_masked_in_every_ci_format() {
    for format in ["sarif", "github", "junit", "gitlab"] {
        let output = check(format);
        for secret in [
            "110514503212",
            "100303604872",
            "Сейтқалиев Арман",
            "14.05.2011",
        ] {
            assert!(!output.contains(secret), "{format} shows {secret}");
        }
    }
}
