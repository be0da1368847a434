//! The monthly routine of docs/monthly.md, end to end on a generated oblast: three monthly
//! snapshots (`generate --months 3`), each audited to a JSON report kept in a folder, and the
//! last audit compared with the one before (`--compare`) and drawn over all (`--history`).
//! What the generator mended shows as resolved, what it spoilt as new, and an untouched
//! document's finding as still open, although every month lies in a folder of its own.

use chrono::NaiveDate;
use hattama::audit::{self, AuditOutcome, AuditSettings};
use hattama::compare::{self, Previous};
use hattama::corpus::commission::FolderLevel;
use hattama::engine::Settings;
use hattama::lang::Lang;
use hattama::privacy::Masked;
use hattama::report::{self, Format, Rendering, Since};
use hattama::rulebook::Rulebook;
use hattama_generate::{DocumentFormat, GenerateOptions, Monthly, generate_months};
use std::collections::BTreeSet;
use std::path::Path;

fn day(text: &str) -> NaiveDate {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap()
}

/// `hattama audit FOLDER --as-of DAY --format json`, as the command line runs it.
fn audit_to_json(
    folder: &Path,
    as_of: NaiveDate,
    pack: &Rulebook,
    out: &Path,
) -> Masked<AuditOutcome> {
    let settings = AuditSettings {
        files: Settings::new(Lang::En, as_of),
        level: FolderLevel::Deepest,
    };
    let mut outcome = audit::audit(folder, pack, &settings);
    hattama::finding::one_line(&mut outcome.findings);
    let outcome = Masked::new(outcome, &pack.masker);
    let how = Rendering {
        format: Format::Json,
        pack,
        lang: Lang::En,
        as_of,
        options: Default::default(),
    };
    let mut json = Vec::new();
    report::render_audit_since(&outcome, Since::default(), &how, &mut json).unwrap();
    std::fs::write(out, json).unwrap();
    outcome
}

/// (rule, path below the snapshot folder) of every finding.
fn places(outcome: &AuditOutcome) -> BTreeSet<(String, String)> {
    let root = format!("{}/", outcome.root);
    outcome
        .findings
        .iter()
        .map(|f| (f.rule.clone(), f.path.trim_start_matches(&root).to_string()))
        .collect()
}

#[test]
fn a_month_later_the_comparison_shows_every_kind_of_change() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("oblast");
    let reports = dir.path().join("reports");
    std::fs::create_dir_all(&reports).unwrap();
    let Monthly { snapshots, changes } = generate_months(
        &GenerateOptions {
            out: corpus.clone(),
            districts: 10,
            years: vec![2025, 2026],
            seed: 11,
            as_of: day("2026-11-30"),
            defects: true,
            format: DocumentFormat::Text,
        },
        3,
    )
    .unwrap();
    assert_eq!(snapshots.len(), 3);
    assert_eq!(changes.len(), 2);
    let written: Vec<hattama_generate::MonthChanges> =
        serde_json::from_slice(&std::fs::read(corpus.join("changes.json")).unwrap()).unwrap();
    assert_eq!(written.len(), 2);

    let pack = Rulebook::builtin().unwrap();
    let days = ["2026-09-30", "2026-10-30", "2026-11-30"];
    let outcomes: Vec<Masked<AuditOutcome>> = days
        .iter()
        .zip(&snapshots)
        .map(|(d, snapshot)| {
            assert!(snapshot.folder.ends_with(d));
            audit_to_json(
                &snapshot.folder,
                day(d),
                &pack,
                &reports.join(format!("{d}.json")),
            )
        })
        .collect();
    // Each month has more documents than the one before: the month's sessions.
    assert!(outcomes.windows(2).all(|w| w[0].documents < w[1].documents));

    let (before, now) = (&outcomes[1], &outcomes[2]);
    let previous = Previous::load(&reports.join("2026-10-30.json"), Lang::En).unwrap();
    let change = previous.changes(now);
    let month = &changes[1];
    assert_eq!(
        (month.since.as_str(), month.day.as_str()),
        ("2026-10-30", "2026-11-30")
    );
    assert!(
        !month.mended.is_empty() && !month.new.is_empty(),
        "{month:#?}"
    );

    // What was mended was there a month ago and is gone; what slipped is new.
    let (then_places, now_places) = (places(before), places(now));
    for mended in &month.mended {
        let place = (mended.rule.clone(), mended.path.clone());
        assert!(
            then_places.contains(&place),
            "not found before mending: {mended:?}"
        );
        assert!(
            !now_places.contains(&place),
            "still found after mending: {mended:?}"
        );
    }
    let root = format!("{}/", now.root);
    for slipped in &month.new {
        let flagged: Vec<bool> = now
            .findings
            .iter()
            .zip(&change.new)
            .filter(|(f, _)| {
                f.rule == slipped.rule && f.path.trim_start_matches(&root) == slipped.path
            })
            .map(|(_, new)| *new)
            .collect();
        assert_eq!(flagged, vec![true], "{slipped:?}");
    }
    // A protocol nobody touched keeps its findings as they were: still open, not new, though
    // this month's copy of the archive lies in another folder than last month's.
    let touched: BTreeSet<&str> = month
        .mended
        .iter()
        .chain(&month.new)
        .map(|p| p.path.as_str())
        .collect();
    let then_root = format!("{}/", before.root);
    let earlier_paths: BTreeSet<&str> = before
        .findings
        .iter()
        .map(|f| f.path.trim_start_matches(&then_root))
        .collect();
    let steady = [
        "kz-kdn/protocol-signatures",
        "kz-kdn/decision-deadline",
        "kz-kdn/quorum",
    ];
    let mut kept = 0;
    for (finding, new) in now.findings.iter().zip(&change.new) {
        let path = finding.path.trim_start_matches(&root);
        if steady.contains(&finding.rule.as_str())
            && earlier_paths.contains(path)
            && !touched.contains(path)
        {
            assert!(
                !new,
                "an untouched document's finding counted as new: {finding:?}"
            );
            kept += 1;
        }
    }
    assert!(kept > 0, "no untouched document with a finding to check");

    // Every kind of change is there: scores up and down, findings new, resolved and open,
    // decisions newly overdue and closed, sessions held.
    let scores: Vec<f64> = change
        .commissions
        .iter()
        .filter_map(|c| c.change.score_change)
        .collect();
    assert!(
        scores.iter().any(|s| *s > 0.0) && scores.iter().any(|s| *s < 0.0),
        "{scores:?}"
    );
    let oblast = &change.oblast;
    assert!(oblast.new_findings > 0 && oblast.resolved_findings > 0 && oblast.open_findings > 0);
    assert!(
        oblast.newly_overdue > 0 && oblast.overdue_closed > 0,
        "{oblast:?}"
    );
    assert!(oblast.sessions_since >= 10, "{oblast:?}");

    // --history: the two earlier reports and this audit, oldest first.
    let earlier = compare::earlier_audits(&reports, Lang::En).unwrap();
    let history = compare::history(earlier, now, day("2026-11-30"));
    assert_eq!(history.days.len(), 3, "{:?}", history.days);
    assert_eq!(history.commissions.len(), 10);
}

#[test]
fn the_same_options_give_the_same_months_byte_for_byte() {
    let options = |out: &Path| GenerateOptions {
        out: out.to_path_buf(),
        districts: 3,
        years: vec![2026],
        seed: 5,
        as_of: day("2026-11-30"),
        defects: true,
        format: DocumentFormat::Text,
    };
    let (a, b) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    generate_months(&options(a.path()), 2).unwrap();
    generate_months(&options(b.path()), 2).unwrap();
    let files = |root: &Path| -> Vec<(String, Vec<u8>)> {
        let mut files: Vec<(String, Vec<u8>)> = walkdir::WalkDir::new(root)
            .into_iter()
            .map(Result::unwrap)
            .filter(|entry| entry.file_type().is_file())
            .map(|entry| {
                let name = entry
                    .path()
                    .strip_prefix(root)
                    .unwrap()
                    .display()
                    .to_string();
                (name, std::fs::read(entry.path()).unwrap())
            })
            .collect();
        files.sort();
        files
    };
    let written = files(a.path());
    assert!(
        written
            .iter()
            .any(|(name, _)| name.starts_with("2026-10-30/"))
    );
    assert!(written.iter().any(|(name, _)| name == "changes.json"));
    assert!(written == files(b.path()));
}
