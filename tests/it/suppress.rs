//! Inline suppressions silence exactly the findings they name, on the lines they cover, and
//! report themselves when they silence nothing or cannot be read.

use chrono::NaiveDate;
use hattama::engine::{self, Settings};
use hattama::finding::{Finding, Severity};
use hattama::lang::Lang;
use std::path::Path;

const CLEAN: &str = include_str!("../../fixtures/check/ru-protocol-clean-01.md");
const DECISION_2: &str = "1.2. Отделу образования";
const DECISION_3: &str = "1.3. Хромтауской районной";

/// The clean protocol with the deadlines of decisions 1.2 and 1.3 taken out.
fn sloppy() -> String {
    CLEAN
        .replace(" Срок: до 30.04.2026.", "")
        .replace(" Срок: до 15.05.2026.", "")
}

fn check(name: &str, text: &str) -> Vec<Finding> {
    let pack = hattama::rulebook::Rulebook::builtin().unwrap();
    let settings = Settings::new(Lang::En, NaiveDate::from_ymd_opt(2026, 11, 22).unwrap());
    engine::check_bytes(Path::new(name), text.as_bytes(), &pack, &settings)
}

/// Rule and message, which stay the same when inserted comments shift the lines.
fn summary(findings: &[Finding]) -> Vec<(String, String)> {
    let mut all: Vec<_> = findings
        .iter()
        .map(|f| (f.rule.clone(), f.message.clone()))
        .collect();
    all.sort();
    all
}

/// `text` with `comment` on its own line before the line starting with `before`.
fn insert(text: &str, before: &str, comment: &str) -> String {
    assert!(text.contains(before), "{before}");
    text.replacen(before, &format!("{comment}\n\n{before}"), 1)
}

fn line_of(text: &str, needle: &str) -> u32 {
    text.lines().position(|l| l.contains(needle)).unwrap() as u32 + 1
}

fn deadline(findings: &[Finding], decision: &str) -> bool {
    findings
        .iter()
        .any(|f| f.rule == "kz-kdn/decision-deadline" && f.message.contains(decision))
}

/// The findings of `base` less those of the given (rule, message-fragment) pairs.
fn expected_without(base: &[Finding], gone: &[(&str, &str)]) -> Vec<(String, String)> {
    let kept: Vec<Finding> = base
        .iter()
        .filter(|f| {
            !gone
                .iter()
                .any(|(rule, text)| f.rule == *rule && f.message.contains(text))
        })
        .cloned()
        .collect();
    summary(&kept)
}

#[test]
fn the_baseline_has_both_missing_deadlines() {
    let findings = check("p.md", &sloppy());
    assert!(deadline(&findings, "1.2") && deadline(&findings, "1.3"));
}

#[test]
fn next_line_silences_that_line_only() {
    let base = check("p.md", &sloppy());
    for rule in ["decision-deadline", "kz-kdn/decision-deadline"] {
        let comment = format!("<!-- hattama-disable-next-line {rule} -- agreed with the chair -->");
        let text = insert(&sloppy(), DECISION_3, &comment);
        let findings = check("p.md", &text);
        assert_eq!(
            summary(&findings),
            expected_without(&base, &[("kz-kdn/decision-deadline", "1.3")]),
            "{rule}"
        );
    }
}

#[test]
fn next_line_of_another_rule_silences_nothing_and_says_so() {
    let comment = "<!-- hattama-disable-next-line protocol-chair -->";
    let text = insert(&sloppy(), DECISION_3, comment);
    let findings = check("p.md", &text);
    assert!(deadline(&findings, "1.3"));
    let unused: Vec<_> = findings
        .iter()
        .filter(|f| f.rule == "hattama/unused-suppression")
        .collect();
    assert_eq!(unused.len(), 1, "{findings:#?}");
    assert_eq!(unused[0].severity, Severity::Info);
    assert_eq!(unused[0].start.line, line_of(&text, comment));
    assert_eq!(unused[0].start.column, 1);
}

#[test]
fn a_block_silences_until_enabled() {
    let base = check("p.md", &sloppy());
    let text = insert(
        &sloppy(),
        DECISION_2,
        "<!-- hattama-disable decision-deadline -->",
    );
    let text = insert(
        &text,
        DECISION_3,
        "<!-- hattama-enable decision-deadline -->",
    );
    let findings = check("p.md", &text);
    assert_eq!(
        summary(&findings),
        expected_without(&base, &[("kz-kdn/decision-deadline", "1.2")])
    );
}

#[test]
fn an_unclosed_block_of_all_rules_runs_to_the_end() {
    let base = check("p.md", &sloppy());
    let text = insert(&sloppy(), DECISION_2, "<!-- hattama-disable -- draft -->");
    let findings = check("p.md", &text);
    assert_eq!(
        summary(&findings),
        expected_without(
            &base,
            &[
                ("kz-kdn/decision-deadline", "1.2"),
                ("kz-kdn/decision-deadline", "1.3")
            ]
        )
    );
    let text = insert(&sloppy(), DECISION_2, "<!-- hattama-disable all -->");
    assert_eq!(summary(&check("p.md", &text)), summary(&findings));
}

#[test]
fn enabling_one_rule_in_a_block_of_all_keeps_the_rest_silent() {
    let text = insert(&sloppy(), "1.1. Информацию", "<!-- hattama-disable -->");
    let text = insert(
        &text,
        DECISION_2,
        "<!-- hattama-enable decision-deadline -->",
    );
    let findings = check("p.md", &text);
    assert!(deadline(&findings, "1.2") && deadline(&findings, "1.3"));

    let text = insert(&sloppy(), DECISION_2, "<!-- hattama-disable -->");
    let text = insert(&text, DECISION_3, "<!-- hattama-enable protocol-chair -->");
    let findings = check("p.md", &text);
    assert!(!deadline(&findings, "1.2") && !deadline(&findings, "1.3"));
}

#[test]
fn an_enable_that_ends_nothing_is_unused() {
    let comment = "<!-- hattama-enable -->";
    let text = insert(&sloppy(), DECISION_3, comment);
    let findings = check("p.md", &text);
    let unused: Vec<_> = findings
        .iter()
        .filter(|f| f.rule == "hattama/unused-suppression")
        .collect();
    assert_eq!(unused.len(), 1, "{findings:#?}");
    assert_eq!(unused[0].start.line, line_of(&text, comment));
}

#[test]
fn disable_file_silences_findings_about_the_whole_document() {
    let text = sloppy().replace("**Секретарь:** Омарова Г.К.", "");
    let base = check("p.md", &text);
    assert!(base.iter().any(|f| f.rule == "kz-kdn/protocol-secretary"));
    let with =
        format!("<!-- hattama-disable-file protocol-secretary -- appointed later -->\n{text}");
    let findings = check("p.md", &with);
    assert_eq!(
        summary(&findings),
        expected_without(&base, &[("kz-kdn/protocol-secretary", "")])
    );
}

#[test]
fn unknown_rules_and_forms_are_reported_where_they_stand() {
    let text = insert(
        &sloppy(),
        DECISION_2,
        "<!-- hattama-disable-line decision-deadline -->",
    );
    let text = insert(
        &text,
        DECISION_3,
        "<!-- hattama-disable-next-line no-such-rule -->",
    );
    let findings = check("p.md", &text);
    let bad: Vec<_> = findings
        .iter()
        .filter(|f| f.rule == "hattama/bad-suppression")
        .collect();
    assert_eq!(bad.len(), 2, "{findings:#?}");
    assert!(bad.iter().all(|f| f.severity == Severity::Warning));
    assert_eq!(bad[0].start.line, line_of(&text, "hattama-disable-line"));
    assert_eq!(bad[1].start.line, line_of(&text, "no-such-rule"));
    assert!(bad[1].message.contains("no-such-rule"));
    // Neither silenced anything, and an unknown rule does not turn into "every rule".
    assert!(deadline(&findings, "1.2") && deadline(&findings, "1.3"));
}

#[test]
fn plain_text_and_crlf_documents_work_the_same() {
    let comment = "<!-- hattama-disable-next-line decision-deadline -->";
    let text = insert(&sloppy(), DECISION_3, comment);
    for (name, text) in [
        ("p.txt", text.clone()),
        ("p.md", text.replace('\n', "\r\n")),
    ] {
        let base = check(name, &sloppy());
        let findings = check(name, &text);
        assert_eq!(
            summary(&findings),
            expected_without(&base, &[("kz-kdn/decision-deadline", "1.3")]),
            "{name}"
        );
    }
}

#[test]
fn ordinary_comments_are_left_alone() {
    let text = insert(&sloppy(), DECISION_3, "<!-- checked by the secretary -->");
    assert_eq!(
        summary(&check("p.md", &text)),
        summary(&check("p.md", &sloppy()))
    );
}

/// The audit applies suppressions too, and a reason quoted in a finding has personal data masked.
#[test]
fn audits_honour_suppressions_and_mask_quoted_reasons() {
    let dir = tempfile::tempdir().unwrap();
    let district = dir.path().join("alga/2026");
    std::fs::create_dir_all(&district).unwrap();
    let text = "ПРОТОКОЛ № 1\nот 12.03.2026\n\n<!-- hattama-disable-file protocol-place -->\n<!-- hattama-disable-next-line quorum -- н/л ИИН 110514503212 -->\nПОСТАНОВИЛИ:\n1.1. Отделу образования провести семинар. Срок: до 30.04.2026.\n";
    std::fs::write(district.join("p1.md"), text).unwrap();
    let pack = hattama::rulebook::Rulebook::builtin().unwrap();
    let settings = hattama::audit::AuditSettings {
        files: hattama::engine::Settings::new(
            hattama::lang::Lang::En,
            chrono::NaiveDate::from_ymd_opt(2026, 3, 20).unwrap(),
        ),
        level: hattama::corpus::commission::FolderLevel::Deepest,
    };
    let outcome = hattama::audit::audit(dir.path(), &pack, &settings);
    let rules: Vec<&str> = outcome.findings.iter().map(|f| f.rule.as_str()).collect();
    assert!(!rules.contains(&"kz-kdn/protocol-place"), "{rules:?}");
    let unused = outcome
        .findings
        .iter()
        .find(|f| f.rule == "hattama/unused-suppression")
        .expect("the quorum suppression is unused");
    assert!(
        !unused.message.contains("110514503212"),
        "{}",
        unused.message
    );
}
