//! The command as users run it: exit codes, languages, formats, rule-pack errors.

use crate::common;

use common::{hattama, stdout};

#[test]
fn a_clean_protocol_exits_zero() {
    let output = hattama()
        .args([
            "check",
            "fixtures/check/ru-protocol-clean-01.md",
            "--as-of",
            "2026-11-22",
        ])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0), "{}", stdout(&output));
    assert!(stdout(&output).contains("Замечаний нет"));
}

#[test]
fn findings_at_the_fail_level_exit_one_and_show_where_and_how_to_fix() {
    let output = hattama()
        .args([
            "check",
            "fixtures/check/ru-protocol-sloppy-01.txt",
            "--lang",
            "ru",
        ])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    let text = stdout(&output);
    assert!(
        text.contains(
            "fixtures/check/ru-protocol-sloppy-01.txt:39:1: error[kz-kdn/decision-deadline]"
        ),
        "{text}"
    );
    assert!(text.contains("как исправить:"), "{text}");
    assert!(text.contains("39 | 2.2."), "{text}");
}

#[test]
fn the_fail_level_decides_the_exit_code() {
    // This plan has warnings only... check with a file that has only warnings at error level.
    let warnings_only = "fixtures/check/kk-plan-sloppy-02.txt";
    let code = |level: &str| {
        hattama()
            .args(["check", warnings_only, "--fail-level", level])
            .output()
            .unwrap()
            .status
            .code()
    };
    assert_eq!(code("none"), Some(0));
    assert_eq!(code("warning"), Some(1));
}

#[test]
fn messages_come_in_the_language_asked_for_or_the_locale() {
    let file = "fixtures/check/kk-protocol-sloppy-01.md";
    let kk = stdout(
        &hattama()
            .args(["check", file, "--lang", "kk"])
            .output()
            .unwrap(),
    );
    assert!(kk.contains("Хаттаманың нөмірі көрсетілмеген"), "{kk}");
    let en = stdout(
        &hattama()
            .args(["check", file])
            .env("LANG", "en_US.UTF-8")
            .output()
            .unwrap(),
    );
    assert!(en.contains("The protocol has no number"), "{en}");
    let default = stdout(&hattama().args(["check", file]).output().unwrap());
    assert!(default.contains("Не указан номер протокола"), "{default}");
}

#[test]
fn json_output_is_versioned_and_masks_personal_data() {
    let output = hattama()
        .args(["check", "fixtures/check", "--format", "json"])
        .output()
        .unwrap();
    let text = stdout(&output);
    let report: serde_json::Value = serde_json::from_str(&text).unwrap();
    assert_eq!(report["version"], 3);
    assert_eq!(report["kind"], "check");
    let findings = report["findings"].as_array().unwrap();
    assert!(
        findings
            .iter()
            .any(|f| f["rule"] == "kz-kdn/personal-id-number")
    );
    for first in &findings[..1] {
        for key in [
            "rule",
            "severity",
            "path",
            "line",
            "column",
            "end_line",
            "end_column",
            "message",
            "snippet",
        ] {
            assert!(first.get(key).is_some(), "{key} missing in {first}");
        }
    }
    for raw in [
        "110514503212",
        "100303604872",
        "Сейтқалиев Арман",
        "Жұмабаева Аружан",
        "14.05.2011",
        "03.03.2010",
    ] {
        assert!(!text.contains(raw), "{raw} leaked into the JSON report");
    }
}

#[test]
fn text_output_masks_personal_data_too() {
    let text = stdout(
        &hattama()
            .args(["check", "fixtures/check"])
            .output()
            .unwrap(),
    );
    for raw in [
        "110514503212",
        "100303604872",
        "Сейтқалиев Арман",
        "Жұмабаева Аружан",
        "14.05.2011",
    ] {
        assert!(!text.contains(raw), "{raw} leaked into the text report");
    }
}

/// Runs hattama with `args`, then `--rules` naming a folder with one pack file `name` of
/// `yaml`.
fn with_pack(name: &str, yaml: &str, args: &[&str]) -> std::process::Output {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join(name), yaml).unwrap();
    hattama()
        .args(args)
        .arg("--rules")
        .arg(dir.path())
        .output()
        .unwrap()
}

#[test]
fn a_broken_rule_pack_is_an_error_naming_file_line_and_column() {
    let output = with_pack(
        "pack.yaml",
        "pack:\n  id: broken\n  name: {kk: a, ru: b, en: c}\nrules:\n  - id: x\n    kind: pattern\n    severity: fatal\n",
        &["check", "fixtures/check"],
    );
    assert_eq!(output.status.code(), Some(2));
    let error = String::from_utf8(output.stderr).unwrap();
    assert!(error.contains("pack.yaml:"), "{error}");
    assert!(error.contains(":5:") || error.contains(":7:"), "{error}");
}

/// A pattern whose named groups the program reads is refused without them, naming the file:
/// the built-in pack skips this check at start, and a user's pack must not.
#[test]
fn a_user_pack_s_patterns_need_the_groups_the_program_reads() {
    let head = "pack:\n  id: own\n  name: {kk: a, ru: b, en: c}\n";
    for (body, expected) in [
        (
            "follow_ups:\n  number_field: number\n  references: ['протокол\\w*\\s+№\\s*(?P<items>\\d+)']\n  closed: ['снять']\n",
            "`items` (or `item`) and `protocol`",
        ),
        (
            "commissions:\n  names:\n    - pattern: 'кдн\\s+\\w+\\s+района'\n      name: 'КДН'\n      lang: ru\n",
            "a named group `place`",
        ),
    ] {
        let output = with_pack(
            "own.yaml",
            &format!("{head}{body}"),
            &["check", "fixtures/check"],
        );
        assert_eq!(output.status.code(), Some(2), "{body}");
        let error = String::from_utf8(output.stderr).unwrap();
        assert!(error.contains("own.yaml:"), "{error}");
        assert!(error.contains(expected), "{error}");
    }
}

/// An oblast's own pack with one pattern rule, as a user would write it.
const AKTOBE_PACK: &str = r#"pack:
  id: aktobe
  name: {kk: Ақтөбе, ru: Актобе, en: Aktobe}
rules:
  - id: concept-mentioned
    kind: pattern
    severity: warning
    documents: [protocol]
    require: ['қазақстан балалары|дети казахстана']
    requirement: "Oblast order: every protocol relates its work to the concept"
    message: {kk: Тұжырымдама аталмаған, ru: Концепция не упомянута, en: The concept is not mentioned}
    fix: {kk: Атаңыз, ru: Упомяните, en: Mention it}
    why: {kk: Себебі, ru: Потому что, en: Because}
"#;

/// A clean protocol checked with `pack` beside the built-in one, its findings in English, one
/// a line.
fn clean_protocol_checked_with(pack: &str) -> std::process::Output {
    with_pack(
        "extra.yaml",
        pack,
        &[
            "check",
            "fixtures/check/ru-protocol-clean-01.md",
            "--format",
            "concise",
            "--lang",
            "en",
        ],
    )
}

#[test]
fn a_pack_can_add_a_rule_without_touching_rust() {
    let output = clean_protocol_checked_with(AKTOBE_PACK);
    let text = stdout(&output);
    assert!(
        text.contains("warning[aktobe/concept-mentioned] The concept is not mentioned"),
        "{text}"
    );
    assert_eq!(
        output.status.code(),
        Some(0),
        "warnings do not fail at the default level"
    );
}

/// A message reads what docs/rules.md (section 9) says its template sees: a field by its id and
/// in the `fields` map, the document's kind, the rule's parameters.
#[test]
fn a_pack_s_message_reads_the_fields_the_document_and_its_parameters() {
    let pack = AKTOBE_PACK
        .replace(
            "en: The concept is not mentioned}",
            "en: 'No concept in {{ document.kind }} {{ fields.number }}/{{ number }}, {{ params.oblast }}'}",
        )
        .replace("    fix:", "    params: {oblast: Aktobe}\n    fix:");
    let text = stdout(&clean_protocol_checked_with(&pack));
    assert!(
        text.contains("No concept in protocol 3/3, Aktobe"),
        "{text}"
    );
}

/// Folded text keeps only a stand-in for each kind of character of other scripts, so a pattern
/// that picks out one of them could never match: the pack is refused, naming where.
#[test]
fn a_pattern_for_one_character_of_another_script_is_refused() {
    let pack = AKTOBE_PACK.replace("қазақстан балалары|дети казахстана", r"\p{Han}+");
    let output = with_pack(
        "extra.yaml",
        &pack,
        &[
            "check",
            "fixtures/check/ru-protocol-clean-01.md",
            "--lang",
            "en",
        ],
    );
    assert_eq!(output.status.code(), Some(2));
    let error = String::from_utf8(output.stderr).unwrap();
    assert!(error.contains("extra.yaml:"), "{error}");
    assert!(error.contains("particular character"), "{error}");
}

#[test]
fn rules_lists_and_explain_documents_each_rule() {
    let list = stdout(&hattama().args(["rules", "--lang", "en"]).output().unwrap());
    assert!(list.contains("kz-kdn/quorum"));
    let explain = stdout(
        &hattama()
            .args(["explain", "quorum", "--lang", "ru"])
            .output()
            .unwrap(),
    );
    for heading in [
        "Что проверяет",
        "Почему это важно",
        "Как исправить",
        "Требование",
    ] {
        assert!(explain.contains(heading), "{explain}");
    }
    let unknown = hattama()
        .args(["explain", "no-such-rule"])
        .output()
        .unwrap();
    assert_eq!(unknown.status.code(), Some(2));
}

#[test]
fn usage_errors_exit_two() {
    assert_eq!(
        hattama().args(["check"]).output().unwrap().status.code(),
        Some(2)
    );
    assert_eq!(
        hattama()
            .args(["check", "x.md", "--lang", "de"])
            .output()
            .unwrap()
            .status
            .code(),
        Some(2)
    );
    assert_eq!(
        hattama()
            .args(["check", "x.md", "--as-of", "yesterday"])
            .output()
            .unwrap()
            .status
            .code(),
        Some(2)
    );
}

#[test]
fn every_shared_corpus_file_exits_zero_or_one() {
    if !std::path::Path::new("../shared/corpora").is_dir() {
        return;
    }
    let output = hattama()
        .args(["check", "../shared/corpora", "--format", "json"])
        .output()
        .unwrap();
    assert!(
        matches!(output.status.code(), Some(0 | 1)),
        "{:?}",
        output.status
    );
    let report: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert!(report["documents"].as_u64().unwrap() > 1000);
    // Every report format renders whatever Markdown others wrote, and the audit too.
    for (command, format) in [
        ("check", "html"),
        ("check", "markdown"),
        ("check", "csv"),
        ("check", "junit"),
        ("audit", "html"),
        ("audit", "text"),
    ] {
        let output = hattama()
            .args([command, "../shared/corpora", "--format", format])
            .output()
            .unwrap();
        assert!(
            matches!(output.status.code(), Some(0 | 1)),
            "{command} --format {format}: {}",
            String::from_utf8_lossy(&output.stderr)
        );
        assert!(!output.stdout.is_empty(), "{command} --format {format}");
    }
}

#[test]
fn audit_prints_the_commission_table_and_fails_on_errors() {
    let output = hattama()
        .args([
            "audit",
            "fixtures/audit/overdue",
            "--as-of",
            "2026-06-30",
            "--lang",
            "ru",
        ])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    let text = stdout(&output);
    assert!(
        text.contains(
            "error[kz-kdn/overdue-decision] Срок решения 1.3 истёк 04.06.2026 (26 дней назад)"
        ),
        "{text}"
    );
    assert!(
        text.contains("Комиссия") && text.contains("По области"),
        "{text}"
    );
    let clean = hattama()
        .args(["audit", "fixtures/audit/clean", "--as-of", "2026-06-30"])
        .output()
        .unwrap();
    assert_eq!(clean.status.code(), Some(0), "{}", stdout(&clean));
}

#[test]
fn audit_json_gives_commissions_and_related_documents() {
    let output = hattama()
        .args([
            "audit",
            "fixtures/audit/duplicate-plan",
            "--as-of",
            "2026-06-30",
            "--format",
            "json",
        ])
        .output()
        .unwrap();
    let report: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(report["version"], 3);
    assert_eq!(report["kind"], "audit");
    assert_eq!(report["as_of"], "2026-06-30");
    // The copied plan is tabulated with its original and similarity, and costs score.
    let duplicates = report["duplicates"].as_array().unwrap();
    assert_eq!(duplicates.len(), 1, "{duplicates:?}");
    assert_eq!(
        duplicates[0]["original"],
        "fixtures/audit/duplicate-plan/irgiz/2026/plan-2026.md"
    );
    assert!(duplicates[0]["similarity"].as_i64().unwrap() >= 80);
    assert!(
        report["scoring"]["formula"]
            .as_str()
            .unwrap()
            .contains("100")
    );
    let commissions = report["commissions"].as_array().unwrap();
    assert_eq!(commissions.len(), 2);
    assert_eq!(commissions[0]["sessions"], 6);
    let copy = report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["rule"] == "kz-kdn/duplicate-plan")
        .unwrap();
    assert_eq!(
        copy["related"][0]["path"],
        "fixtures/audit/duplicate-plan/irgiz/2026/plan-2026.md"
    );
}

#[test]
fn audit_of_a_missing_folder_is_a_usage_error() {
    let output = hattama()
        .args(["audit", "no/such/oblast"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
}

#[test]
fn completions_cover_every_command_for_each_shell() {
    for shell in ["bash", "zsh", "fish"] {
        let output = hattama().args(["completions", shell]).output().unwrap();
        assert_eq!(output.status.code(), Some(0), "{shell}");
        let script = stdout(&output);
        for command in ["check", "audit", "explain", "inspect"] {
            assert!(
                script.contains(command),
                "{shell} completions lack {command}"
            );
        }
    }
}

/// The synthetic oblast and the benchmark are a program of their own (crates/hattama-generate):
/// the product has no such commands, in its help or its completions.
#[test]
fn the_product_has_no_generator() {
    for command in ["generate", "bench"] {
        let output = hattama()
            .args([command, "/tmp/oblast", "--lang", "en"])
            .output()
            .unwrap();
        assert_eq!(output.status.code(), Some(2), "{command}");
        let said = String::from_utf8_lossy(&output.stderr);
        assert!(said.contains("unrecognized subcommand"), "{said}");
    }
    let help = stdout(&hattama().args(["--help", "--lang", "en"]).output().unwrap());
    let script = stdout(&hattama().args(["completions", "bash"]).output().unwrap());
    for text in [help, script] {
        assert!(
            !text.contains("generate") && !text.contains("bench"),
            "{text}"
        );
    }
}

#[test]
fn a_category_or_coverage_topic_the_pack_does_not_define_is_refused() {
    let rule = |category: &str| {
        format!(
            r#"pack:
  id: aktobe
  name: {{kk: Ақтөбе, ru: Актобе, en: Aktobe}}
rules:
  - id: concept-mentioned
    kind: pattern
    severity: warning
    category: {category}
    documents: [protocol]
    require: ['дети казахстана']
    requirement: "Oblast order"
    message: {{kk: a, ru: b, en: c}}
    fix: {{kk: a, ru: b, en: c}}
    why: {{kk: a, ru: b, en: c}}
"#
        )
    };
    let run = |yaml: String| {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("extra.yaml"), yaml).unwrap();
        let output = hattama()
            .args(["rules", "--rules"])
            .arg(dir.path())
            .output()
            .unwrap();
        (
            output.status.code(),
            String::from_utf8(output.stderr).unwrap(),
        )
    };
    // The default pack's categories are there to use.
    assert_eq!(run(rule("follow-up")).0, Some(0));
    let (code, error) = run(rule("followup"));
    assert_eq!(code, Some(2));
    assert!(
        error.contains("extra.yaml:5:") && error.contains("followup"),
        "{error}"
    );

    let coverage = "pack:\n  id: aktobe\n  name: {kk: a, ru: b, en: c}\n  coverage:\n    - id: x\n      rule: no-such-rule\n      name: {kk: a, ru: b, en: c}\n";
    let (code, error) = run(coverage.to_string());
    assert_eq!(code, Some(2));
    assert!(
        error.contains("extra.yaml:6:") && error.contains("no-such-rule"),
        "{error}"
    );
}
