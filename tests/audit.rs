//! `hattama audit` on the fixture oblasts: each corpus rule fires exactly where planted and
//! nowhere else; the clean oblast has no finding at all.

use chrono::NaiveDate;
use hattama::audit::{self, AuditSettings};
use hattama::corpus::commission::FolderLevel;
use hattama::engine::Settings;
use hattama::lang::Lang;
use hattama::pack;
use std::path::Path;

fn audit(folder: &str) -> audit::AuditOutcome {
    let pack = pack::default_pack().unwrap();
    let settings = AuditSettings {
        files: Settings::new(Lang::En, NaiveDate::from_ymd_opt(2026, 6, 30).unwrap()),
        level: FolderLevel::Deepest,
    };
    audit::audit(&Path::new("fixtures/audit").join(folder), &pack, &settings)
}

/// (rule, path below the folder, line) of every finding.
fn found(folder: &str) -> Vec<(String, String, u32)> {
    let prefix = format!("fixtures/audit/{folder}");
    audit(folder)
        .findings
        .into_iter()
        .map(|f| {
            let path = f
                .path
                .strip_prefix(&prefix)
                .unwrap_or(&f.path)
                .trim_start_matches('/')
                .to_string();
            (f.rule, path, f.start.line)
        })
        .collect()
}

fn expect(folder: &str, expected: &[(&str, &str, u32)]) {
    let expected: Vec<(String, String, u32)> = expected
        .iter()
        .map(|(r, p, l)| (format!("kz-kdn/{r}"), p.to_string(), *l))
        .collect();
    assert_eq!(
        found(folder),
        expected,
        "findings of fixtures/audit/{folder}"
    );
}

#[test]
fn a_clean_oblast_has_no_findings() {
    expect("clean", &[]);
    let outcome = audit("clean");
    let khromtau = &outcome.commissions[0];
    assert_eq!(
        (khromtau.id.as_str(), khromtau.sessions, khromtau.score),
        ("khromtau", 6, 100.0)
    );
    assert_eq!(khromtau.months.get("2026-03"), Some(&1));
}

#[test]
fn a_decision_nobody_closes_is_overdue() {
    expect(
        "overdue",
        &[
            ("overdue-decision", "alga/2026/protocol-05.md", 30),
            ("decision-due-soon", "alga/2026/protocol-06.md", 28),
            ("decision-due-soon", "alga/2026/protocol-06.md", 30),
        ],
    );
    assert_eq!(audit("overdue").commissions[0].overdue, 1);
}

/// Control entries as districts write them: several items of a protocol in one entry, a whole
/// question, Kazakh case forms with the date first, a keep and a close in one line, an item kept
/// and then extended past the as-of day, and a protocol saved by Word as text. Only the decision
/// kept on control and never closed (5/1.2, due 14.06) is overdue.
#[test]
fn control_entries_close_keep_and_extend() {
    expect(
        "control",
        &[("overdue-decision", "kobda/2026/protocol-05.md", 28)],
    );
}

#[test]
fn missed_months_make_gaps_and_unheld_planned_sessions() {
    expect(
        "cadence",
        &[
            ("sessions-per-month", "kargaly", 1),
            ("planned-session-not-held", "kargaly/2026/plan-2026.md", 1),
            ("session-gap", "kargaly/2026/protocol-03.md", 1),
        ],
    );
}

#[test]
fn skipped_and_repeated_numbers() {
    expect(
        "numbering",
        &[
            ("protocol-numbering", "martok/2026/protocol-04.md", 1),
            ("protocol-numbering", "martok/2026/protocol-05.md", 1),
        ],
    );
}

#[test]
fn three_secretaries_in_a_year() {
    expect("turnover", &[("secretary-turnover", "shalkar", 1)]);
}

#[test]
fn sessions_without_a_plan() {
    expect("plan-missing", &[("plan-missing-for-year", "baiganin", 1)]);
}

#[test]
fn a_copied_plan_names_its_original() {
    expect(
        "duplicate-plan",
        &[("duplicate-plan", "uil/2026/plan-2026.md", 1)],
    );
    let outcome = audit("duplicate-plan");
    let copy = &outcome.findings[0];
    assert!(
        copy.message.contains("irgiz/2026/plan-2026.md"),
        "{}",
        copy.message
    );
    assert_eq!(
        copy.related[0].path,
        "fixtures/audit/duplicate-plan/irgiz/2026/plan-2026.md"
    );
}

#[test]
fn a_decision_repeated_in_three_protocols() {
    expect(
        "copied",
        &[("copied-decisions", "khobda/2026/protocol-02.md", 30)],
    );
    let outcome = audit("copied");
    assert_eq!(outcome.findings[0].related.len(), 2);
}

#[test]
fn the_audit_is_the_same_whatever_the_thread_count() {
    let run = |threads| {
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(threads)
            .build()
            .unwrap();
        pool.install(|| format!("{:?}", audit("cadence").findings))
    };
    assert_eq!(run(1), run(3));
}

/// Every corpus rule of the default pack fires in some fixture oblast and in none of the clean.
#[test]
fn every_corpus_rule_has_a_fixture_that_triggers_it() {
    let pack = pack::default_pack().unwrap();
    let folders = [
        "overdue",
        "cadence",
        "numbering",
        "turnover",
        "plan-missing",
        "duplicate-plan",
        "copied",
    ];
    let fired: std::collections::BTreeSet<String> = folders
        .iter()
        .flat_map(|folder| found(folder))
        .map(|(rule, _, _)| rule)
        .collect();
    for rule in pack
        .rules
        .iter()
        .filter(|r| matches!(r.check, hattama::pack::Check::Corpus(_)))
    {
        assert!(
            fired.contains(&rule.id),
            "no fixture oblast triggers {}",
            rule.id
        );
    }
}
