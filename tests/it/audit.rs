//! `hattama audit` on the fixture oblasts: each corpus rule fires exactly where planted and
//! nowhere else; the clean oblast has no finding at all.

use chrono::NaiveDate;
use hattama::audit::{self, AuditSettings};
use hattama::corpus::commission::FolderLevel;
use hattama::engine::Settings;
use hattama::lang::Lang;
use std::path::Path;

fn audit(folder: &str) -> audit::AuditOutcome {
    let pack = hattama::rulebook::Rulebook::builtin().unwrap();
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
    let pack = hattama::rulebook::Rulebook::builtin().unwrap();
    let folders = [
        "overdue",
        "cadence",
        "numbering",
        "turnover",
        "plan-missing",
        "duplicate-plan",
        "copied",
        "names",
        "record-start",
        "undated",
        "copied-plans",
    ];
    let fired: std::collections::BTreeSet<String> = folders
        .iter()
        .flat_map(|folder| found(folder))
        .map(|(rule, _, _)| rule)
        .collect();
    for rule in pack.rules.iter().filter(|r| r.role.is_corpus()) {
        assert!(
            fired.contains(&rule.id),
            "no fixture oblast triggers {}",
            rule.id
        );
    }
}

fn audit_on(folder: &str, as_of: (i32, u32, u32)) -> audit::AuditOutcome {
    let pack = hattama::rulebook::Rulebook::builtin().unwrap();
    let settings = AuditSettings {
        files: Settings::new(
            Lang::En,
            NaiveDate::from_ymd_opt(as_of.0, as_of.1, as_of.2).unwrap(),
        ),
        level: FolderLevel::Deepest,
    };
    audit::audit(&Path::new("fixtures/audit").join(folder), &pack, &settings)
}

/// (rule, path below the folder, line) of the findings of corpus rules (those about a
/// commission's documents together), for fixtures whose documents have findings of their own.
fn corpus_found(folder: &str, as_of: (i32, u32, u32)) -> Vec<(String, String, u32)> {
    let pack = hattama::rulebook::Rulebook::builtin().unwrap();
    let corpus: std::collections::BTreeSet<&str> = pack
        .rules
        .iter()
        .filter(|r| r.role.is_corpus())
        .map(|r| r.id.as_str())
        .collect();
    let prefix = format!("fixtures/audit/{folder}");
    audit_on(folder, as_of)
        .findings
        .into_iter()
        .filter(|f| corpus.contains(f.rule.as_str()))
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

fn expect_corpus(folder: &str, as_of: (i32, u32, u32), expected: &[(&str, &str, u32)]) {
    let expected: Vec<(String, String, u32)> = expected
        .iter()
        .map(|(r, p, l)| (format!("kz-kdn/{r}"), p.to_string(), *l))
        .collect();
    assert_eq!(
        corpus_found(folder, as_of),
        expected,
        "corpus findings of fixtures/audit/{folder}"
    );
}

/// (id, name, documents) of each commission.
fn commissions(folder: &str, as_of: (i32, u32, u32)) -> Vec<(String, String, usize)> {
    audit_on(folder, as_of)
        .commissions
        .into_iter()
        .map(|c| (c.id, c.name, c.documents))
        .collect()
}

#[test]
fn a_commission_is_its_folder_and_named_by_its_documents() {
    // Front matter, a Kazakh header in capitals and Russian headers name Temir's commission
    // alike: one commission, called by the name most of its documents use. Oiyl's Russian
    // and Kazakh spellings share no stem, and still make one commission with no finding.
    assert_eq!(
        commissions("names", (2026, 4, 30)),
        vec![
            (
                "oiyl".to_string(),
                "Ойыл ауданы әкімдігі жанындағы КІІҚҚЖК".to_string(),
                5
            ),
            (
                "temir".to_string(),
                "КДН при акимате Темирского района".to_string(),
                5
            ),
        ]
    );
    // The protocol whose header names another district stays with its folder and is reported.
    expect_corpus(
        "names",
        (2026, 4, 30),
        &[("commission-name", "temir/2026/protokol-04-2026-04-16.md", 2)],
    );
    let outcome = audit_on("names", (2026, 4, 30));
    let finding = outcome
        .findings
        .iter()
        .find(|f| f.rule == "kz-kdn/commission-name")
        .unwrap();
    assert!(
        finding.message.contains("Алгинского") && finding.message.contains("Темирского"),
        "{}",
        finding.message
    );
}

#[test]
fn loose_files_are_grouped_by_the_commission_they_name() {
    assert_eq!(
        commissions("names-loose", (2026, 4, 30)),
        vec![
            (
                "КДН при акимате Хобдинского района".to_string(),
                "КДН при акимате Хобдинского района".to_string(),
                2
            ),
            (
                "Ырғыз ауданы әкімдігі жанындағы КІІҚҚЖК".to_string(),
                "Ырғыз ауданы әкімдігі жанындағы КІІҚҚЖК".to_string(),
                1
            ),
        ]
    );
}

#[test]
fn the_interval_to_the_audit_day_is_a_gap_only_past_the_limit() {
    // 14 days after the last session: nothing; 90 days after: the commission stopped meeting.
    assert!(
        !corpus_found("names", (2026, 4, 30))
            .iter()
            .any(|(rule, _, _)| rule == "kz-kdn/session-gap")
    );
    let late = corpus_found("names", (2026, 7, 15));
    assert!(
        late.contains(&("kz-kdn/session-gap".to_string(), "temir".to_string(), 1)),
        "{late:?}"
    );
}

#[test]
fn a_record_that_starts_with_protocol_five_misses_nothing() {
    // 2025: Nos 5-8 (the folder begins in September); 2026: Nos 1, "2/2026", 3.
    expect_corpus(
        "record-start",
        (2026, 3, 31),
        &[("protocols-before-record", "baiganin/2025/protokol-05.md", 1)],
    );
    let outcome = audit_on("record-start", (2026, 3, 31));
    let note = outcome
        .findings
        .iter()
        .find(|f| f.rule == "kz-kdn/protocols-before-record")
        .unwrap();
    assert_eq!(note.severity, hattama::finding::Severity::Info);
    assert!(note.message.contains("1–4"), "{}", note.message);
}

#[test]
fn a_session_whose_date_was_not_read_is_no_gap() {
    // Aitekebi: No 3 has no date (its folder and number place it), No 5 has its date only in
    // its file name: no gap, no empty month, no missing number. Kargaly: a protocol with
    // neither date nor number cannot fill a four-month gap.
    expect_corpus(
        "undated",
        (2026, 6, 30),
        &[
            ("sessions-per-month", "kargaly", 1),
            ("session-gap", "kargaly/2026/protokol-03.md", 1),
        ],
    );
    let outcome = audit_on("undated", (2026, 6, 30));
    // The session dated by its file name counts; the one nothing dates does not.
    assert_eq!(outcome.commissions[0].sessions, 5);
}

#[test]
fn a_copied_plan_with_its_names_replaced_is_still_a_copy() {
    // Oiyl's plan is Alga's with every name, count and date replaced, three rows reworded, a
    // row dropped and one added; only its goal still says "Алгинского района". Kobda's Kazakh
    // plan is Temir's, names replaced, two rows reworded. Their 5-word shingles share under
    // 60%; word for word they are over 90% the same.
    expect_corpus(
        "copied-plans",
        (2026, 6, 30),
        &[
            ("duplicate-plan", "kobda/2026/zhospar-2026.md", 1),
            ("duplicate-plan", "oiyl/2026/plan-raboty-2026.md", 1),
        ],
    );
    let outcome = audit_on("copied-plans", (2026, 6, 30));
    let copies: Vec<(&str, String, i64)> = outcome
        .findings
        .iter()
        .filter(|f| f.rule == "kz-kdn/duplicate-plan")
        .map(|f| {
            (
                f.path.as_str(),
                f.facts["original"].as_str().unwrap_or("").to_string(),
                f.facts["similarity"].as_i64().unwrap_or(0),
            )
        })
        .collect();
    // Oiyl's plan was approved a week before Alga's; the district it still names makes it
    // the copy.
    assert!(
        copies[1].1.ends_with("alga/2026/plan-raboty-2026.md"),
        "{copies:?}"
    );
    assert!(
        copies[0].1.ends_with("temir/2026/zhospar-2026.md"),
        "{copies:?}"
    );
    assert!(copies.iter().all(|(_, _, s)| *s >= 85), "{copies:?}");
}

#[test]
fn plans_that_share_only_boilerplate_are_no_copies() {
    // The same approval stamp, legal basis, goal, headings and three measures every
    // commission has; the rest their own.
    expect_corpus("different-plans", (2026, 6, 30), &[]);
}

#[test]
fn how_alike_a_copy_must_be_is_the_pack_s_parameter() {
    let audit_with = |params: &str| {
        let config = hattama::config::Config::parse(
            "hattama.yml".into(),
            ".".into(),
            format!("params:\n  duplicate-plan: {params}\n"),
        )
        .unwrap();
        let pack = config.load_pack(&[], false).unwrap();
        let settings = AuditSettings {
            files: Settings::new(Lang::En, NaiveDate::from_ymd_opt(2026, 6, 30).unwrap()),
            level: FolderLevel::Deepest,
        };
        audit::audit(Path::new("fixtures/audit/copied-plans"), &pack, &settings)
            .findings
            .iter()
            .filter(|f| f.rule == "kz-kdn/duplicate-plan")
            .count()
    };
    assert_eq!(audit_with("{threshold: 0.95}"), 0);
    assert_eq!(audit_with("{threshold: 0.85}"), 2);
}
