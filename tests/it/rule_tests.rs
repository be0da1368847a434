//! `hattama test-rules`: the default pack passes its own annotated fixtures
//! (`fixtures/rules/kz-kdn/`) and its audit fixtures (`fixtures/audit/*/expect.yaml`), a wrong
//! expectation fails and is named by its line, and every document rule and every corpus rule of
//! the pack is expected somewhere and silent somewhere else.

use crate::common;

use common::hattama;

use hattama::engine;

use hattama::read;
use hattama::rule_tests::annotate;
use hattama::rule_tests::audit_fixture::{self, ExpectFile};
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

const FIXTURES: &str = "fixtures/rules/kz-kdn";

fn test_rules(path: &Path) -> (Option<i32>, String) {
    let output = hattama()
        .arg("test-rules")
        .arg(path)
        .args(["--as-of", "2026-11-22", "--lang", "en"])
        .output()
        .unwrap();
    let stdout = String::from_utf8(output.stdout).unwrap();
    let stderr = String::from_utf8(output.stderr).unwrap();
    (output.status.code(), stdout + &stderr)
}

fn fixtures() -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(FIXTURES)
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .collect();
    files.sort();
    files
}

#[test]
fn the_default_pack_passes_its_fixtures() {
    let (code, output) = test_rules(Path::new(FIXTURES));
    assert_eq!(code, Some(0), "{output}");
    assert!(output.contains("all found, nothing unexpected"), "{output}");
}

/// A copy of the fixtures with one file changed.
fn copy_with(name: &str, change: impl FnOnce(String) -> String) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for file in fixtures() {
        std::fs::copy(&file, dir.path().join(file.file_name().unwrap())).unwrap();
    }
    let path = dir.path().join(name);
    let before = std::fs::read_to_string(&path).unwrap();
    let after = change(before.clone());
    assert_ne!(before, after);
    std::fs::write(&path, after).unwrap();
    dir
}

#[test]
fn a_missing_finding_fails_and_names_its_line() {
    // Line 39 of this protocol: decision 2.2 without a deadline. Expect one more rule there.
    let dir = copy_with("ru-protocol-sloppy-01.txt", |text| {
        text.replace(
            "<!-- expect: decision-deadline -->",
            "<!-- expect: decision-deadline, decision-responsible -->",
        )
    });
    let (code, output) = test_rules(dir.path());
    assert_eq!(code, Some(1), "{output}");
    assert!(
        output.contains("ru-protocol-sloppy-01.txt:39: missed kz-kdn/decision-responsible"),
        "{output}"
    );
    assert!(output.contains("1 missed, 0 unexpected"), "{output}");
}

#[test]
fn an_unexpected_finding_fails_and_names_its_line() {
    let dir = copy_with("ru-protocol-sloppy-01.txt", |text| {
        text.replace(" <!-- expect: quorum -->", "")
    });
    let (code, output) = test_rules(dir.path());
    assert_eq!(code, Some(1), "{output}");
    assert!(
        output.contains("ru-protocol-sloppy-01.txt:8: unexpected kz-kdn/quorum: No quorum"),
        "{output}"
    );
    assert!(output.contains("0 missed, 1 unexpected"), "{output}");
}

#[test]
fn a_whole_file_expectation_must_be_met_too() {
    let dir = copy_with("kk-plan-sloppy-01.md", |text| {
        format!("{text}<!-- expect-file: plan-year -->\n")
    });
    let (code, output) = test_rules(dir.path());
    assert_eq!(code, Some(1), "{output}");
    assert!(
        output.contains("missed kz-kdn/plan-year (anywhere in the file)"),
        "{output}"
    );
}

#[test]
fn an_unknown_rule_or_a_malformed_comment_fails() {
    let dir = copy_with("ru-plan-clean-01.md", |text| {
        format!(
            "{text}\nend <!-- expect: no-such-rule -->\n\nend <!-- expect decision-deadline -->\n"
        )
    });
    let (code, output) = test_rules(dir.path());
    assert_eq!(code, Some(1), "{output}");
    assert!(output.contains("no rule `no-such-rule`"), "{output}");
    assert!(output.contains("is not understood"), "{output}");
}

#[test]
fn no_folder_is_a_usage_error() {
    let (code, output) = test_rules(Path::new("fixtures/no-such-folder"));
    assert_eq!(code, Some(2), "{output}");
    assert!(output.contains("no such file or folder"), "{output}");
}

/// Every document rule of the default pack is expected in some fixture and is silent in
/// another fixture of a kind it applies to (the pack's tests cover every rule both ways).
#[test]
fn every_document_rule_is_expected_somewhere_and_silent_elsewhere() {
    let pack = hattama::rulebook::Rulebook::builtin().unwrap();
    // For each fixture: its kind and the rules it expects.
    let mut expected: BTreeMap<PathBuf, (String, BTreeSet<String>)> = BTreeMap::new();
    for file in fixtures() {
        let source = read::read_path(&file, &Default::default()).unwrap();
        let annotated = annotate(&source.text, &pack);
        assert!(
            annotated.problems.is_empty(),
            "{file:?}: {:?}",
            annotated.problems
        );
        let stripped = read::from_bytes(annotated.text.as_bytes()).unwrap();
        let (_, extraction) = engine::analyse(&file, stripped, &pack);
        let kind = extraction.kind_id(&pack).unwrap_or("other").to_string();
        let rules = annotated.expectations.into_iter().map(|e| e.rule).collect();
        expected.insert(file, (kind, rules));
    }
    let document_rules = pack.rules.iter().filter(|rule| !rule.role.is_corpus());
    let mut count = 0;
    for rule in document_rules {
        count += 1;
        let applies = |kind: &str| rule.applies_to_kind(Some(kind));
        assert!(
            expected.values().any(|(_, rules)| rules.contains(&rule.id)),
            "no fixture in {FIXTURES} expects {}",
            rule.id
        );
        assert!(
            expected
                .values()
                .any(|(kind, rules)| applies(kind) && !rules.contains(&rule.id)),
            "every fixture of its kinds expects {}: add a clean one",
            rule.id
        );
    }
    assert!(count >= 30, "only {count} document rules");
}

/// The annotated fixtures are `fixtures/check`'s documents with expect comments added: with
/// the comments taken out they must be those documents to the byte, so the two never drift.
#[test]
fn annotated_fixtures_are_the_check_fixtures_plus_comments() {
    let pack = hattama::rulebook::Rulebook::builtin().unwrap();
    let mut compared = 0;
    for annotated_path in fixtures() {
        let plain_path = Path::new("fixtures/check").join(annotated_path.file_name().unwrap());
        let Ok(plain) = std::fs::read(&plain_path) else {
            continue;
        };
        let annotated = std::fs::read_to_string(&annotated_path).unwrap();
        let stripped = annotate(&annotated, &pack).text;
        assert!(
            stripped.as_bytes() == plain.as_slice(),
            "{} is not {} plus expect comments",
            annotated_path.display(),
            plain_path.display()
        );
        compared += 1;
    }
    assert!(compared >= 20, "only {compared} fixtures compared");
}

const AUDIT_FIXTURES: &str = "fixtures/audit";

#[test]
fn the_default_pack_passes_its_audit_fixtures() {
    let (code, output) = test_rules(Path::new(AUDIT_FIXTURES));
    assert_eq!(code, Some(0), "{output}");
    assert!(output.contains("all found, nothing unexpected"), "{output}");
}

fn copy_folder(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let path = entry.unwrap().path();
        let target = to.join(path.file_name().unwrap());
        if path.is_dir() {
            copy_folder(&path, &target);
        } else {
            std::fs::copy(&path, &target).unwrap();
        }
    }
}

/// A copy of one audit fixture with its expect.yaml changed.
fn audit_fixture_with(folder: &str, change: impl FnOnce(String) -> String) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    copy_folder(&Path::new(AUDIT_FIXTURES).join(folder), dir.path());
    let expect = dir.path().join("expect.yaml");
    let before = std::fs::read_to_string(&expect).unwrap();
    let after = change(before.clone());
    assert_ne!(before, after);
    std::fs::write(&expect, after).unwrap();
    dir
}

#[test]
fn a_wrong_line_in_expect_yaml_is_a_miss_and_an_unexpected_finding() {
    let dir = audit_fixture_with("overdue", |text| {
        text.replacen("    line: 30", "    line: 31", 1)
    });
    let (code, output) = test_rules(dir.path());
    assert_eq!(code, Some(1), "{output}");
    assert!(
        output.contains("protocol-05.md:31: missed kz-kdn/overdue-decision"),
        "{output}"
    );
    assert!(
        output.contains("protocol-05.md:30: unexpected kz-kdn/overdue-decision: Decision 1.3"),
        "{output}"
    );
}

#[test]
fn a_folder_that_must_stay_silent_fails_on_any_corpus_finding() {
    // The overdue fixture, told that nothing is wrong there: its three findings are unexpected.
    let dir = audit_fixture_with("overdue", |text| {
        let head = text.split("findings:").next().unwrap().to_string();
        head + "findings: []\n"
    });
    let (code, output) = test_rules(dir.path());
    assert_eq!(code, Some(1), "{output}");
    assert!(output.contains("0 missed, 3 unexpected"), "{output}");
}

#[test]
fn an_expect_yaml_with_an_unknown_key_or_rule_is_named_with_its_line() {
    let dir = audit_fixture_with("clean", |text| {
        text.replace(
            "findings: []",
            "findings:\n  - rule: no-such-rule\n    path: x\nasof: 1",
        )
    });
    let (code, output) = test_rules(dir.path());
    assert_eq!(code, Some(1), "{output}");
    assert!(output.contains("expect.yaml:"), "{output}");
    assert!(output.contains("expect.yaml is wrong"), "{output}");
    assert!(output.contains("asof"), "{output}");
    let dir = audit_fixture_with("clean", |text| {
        text.replace(
            "findings: []",
            "findings:\n  - rule: no-such-rule\n    path: x",
        )
    });
    let (code, output) = test_rules(dir.path());
    assert_eq!(code, Some(1), "{output}");
    assert!(output.contains("no rule `no-such-rule`"), "{output}");
}

/// Every corpus rule of the default pack is expected in some audit fixture, and silent in
/// another that holds documents of a kind it applies to.
#[test]
fn every_corpus_rule_is_expected_somewhere_and_silent_elsewhere() {
    let pack = hattama::rulebook::Rulebook::builtin().unwrap();
    let folders = audit_fixture::folders(&[PathBuf::from(AUDIT_FIXTURES)]);
    assert!(folders.len() >= 10, "only {} audit fixtures", folders.len());
    // For each folder: the kinds of its documents and the rules it expects.
    let mut fixtures: Vec<(BTreeSet<String>, BTreeSet<String>)> = Vec::new();
    for folder in &folders {
        let expect = ExpectFile::read(folder).unwrap_or_else(|m| panic!("{m:?}"));
        let rules = expect
            .findings
            .iter()
            .map(|e| pack.rule(&e.rule).expect("a rule of the pack").id.clone())
            .collect();
        let (files, _) = engine::collect(
            std::slice::from_ref(folder),
            &engine::Settings::new(hattama::lang::Lang::En, expect.as_of),
        );
        let kinds = files
            .iter()
            .map(|file| {
                let source = read::read_path(file, &Default::default()).unwrap();
                let (_, extraction) = engine::analyse(file, source, &pack);
                extraction.kind_id(&pack).unwrap_or("other").to_string()
            })
            .collect();
        fixtures.push((kinds, rules));
    }
    let mut count = 0;
    for rule in pack.rules.iter().filter(|r| r.role.is_corpus()) {
        count += 1;
        assert!(
            fixtures.iter().any(|(_, rules)| rules.contains(&rule.id)),
            "no audit fixture in {AUDIT_FIXTURES} expects {}",
            rule.id
        );
        assert!(
            fixtures.iter().any(|(kinds, rules)| {
                kinds.iter().any(|kind| rule.applies_to_kind(Some(kind)))
                    && !rules.contains(&rule.id)
            }),
            "every audit fixture with documents of its kinds expects {}: add one where it is silent",
            rule.id
        );
    }
    assert!(count >= 10, "only {count} corpus rules");
}
