//! `hattama audit DIR --split-by commission -o OUTDIR`: one report per commission, and none of
//! them names a document or quotes a line of another district's.

use crate::common;

use common::{hattama, stdout};
use serde_json::Value;
use std::collections::BTreeSet;

const OBLAST: &str = "fixtures/audit";
const AS_OF: &str = "2026-11-30";

#[test]
fn each_district_receives_its_own_report_and_nothing_of_another() {
    let whole: Value = serde_json::from_str(&stdout(
        &hattama()
            .args([
                "audit", OBLAST, "--as-of", AS_OF, "--lang", "ru", "--format", "json",
            ])
            .output()
            .unwrap(),
    ))
    .unwrap();
    let findings = whole["findings"].as_array().unwrap();
    let ids: BTreeSet<&str> = whole["commissions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["id"].as_str().unwrap())
        .collect();
    // Findings about a commission as a whole point at its folder, which the oblast's table of
    // commissions names in every report: that is no document.
    let folders: BTreeSet<&str> = whole["commissions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["path"].as_str().unwrap())
        .collect();
    for (format, extension) in [
        ("json", "json"),
        ("markdown", "md"),
        ("html", "html"),
        ("csv", "csv"),
        ("text", "txt"),
    ] {
        let folder = tempfile::tempdir().unwrap();
        let output = hattama()
            .args([
                "audit", OBLAST, "--as-of", AS_OF, "--lang", "ru", "--format", format,
            ])
            .args(["--split-by", "commission", "-o"])
            .arg(folder.path())
            .output()
            .unwrap();
        assert_eq!(output.status.code(), Some(1), "{output:?}");
        assert!(output.stdout.is_empty());
        let written = std::fs::read_dir(folder.path()).unwrap().count();
        assert_eq!(written, ids.len(), "{format}: one report per commission");
        for id in &ids {
            let file = folder
                .path()
                .join(format!("{}.{extension}", id.replace('/', "-")));
            let report = std::fs::read_to_string(&file).unwrap();
            let own: Vec<&Value> = findings
                .iter()
                .filter(|f| f["commission"].as_str() == Some(id))
                .collect();
            let own_text: String = own
                .iter()
                .flat_map(|f| [f["message"].as_str(), f["snippet"].as_str()])
                .flatten()
                .collect::<Vec<_>>()
                .join("\n");
            let own_lines: BTreeSet<&str> =
                own.iter().filter_map(|f| f["snippet"].as_str()).collect();
            for other in findings
                .iter()
                .filter(|f| f["commission"].as_str() != Some(id))
            {
                let path = other["path"].as_str().unwrap();
                // A commission's own folder is a prefix of its documents; another's documents
                // are what must not show.
                if own.iter().any(|f| f["path"] == other["path"]) || folders.contains(path) {
                    continue;
                }
                assert!(
                    !report.contains(path),
                    "{format}: {id}'s report names {path} of another commission"
                );
                if let Some(line) = other["snippet"].as_str()
                    && line.trim().len() > 30
                    && !own_lines.contains(line)
                {
                    assert!(
                        !report.contains(line.trim()),
                        "{format}: {id}'s report quotes {line:?} of another commission"
                    );
                }
            }
            // Who chairs another district, or keeps its minutes, is not named either.
            for other in whole["commissions"]
                .as_array()
                .unwrap()
                .iter()
                .filter(|c| c["id"].as_str() != Some(id))
            {
                for person in other["responsible"].as_object().unwrap().values() {
                    let person = person.as_str().unwrap();
                    // Unless the district's own documents name them too.
                    let own = own_text.contains(person)
                        || whole["commissions"]
                            .as_array()
                            .unwrap()
                            .iter()
                            .filter(|c| c["id"].as_str() == Some(id))
                            .any(|c| {
                                c["responsible"]
                                    .as_object()
                                    .unwrap()
                                    .values()
                                    .any(|p| p == person)
                            });
                    assert!(
                        own || !report.contains(person),
                        "{format}: {id}'s report names {person} of another commission"
                    );
                }
            }
            if format == "json" {
                let part: Value = serde_json::from_str(&report).unwrap();
                let shown = part["findings"].as_array().unwrap().len();
                assert_eq!(shown, own.len(), "{id}: its findings, all of them");
            }
        }
    }
}

#[test]
fn splitting_needs_a_folder_to_write_to() {
    let output = hattama()
        .args(["audit", OBLAST, "--as-of", AS_OF, "--lang", "en"])
        .args(["--split-by", "commission"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains("-o DIR"));
}
