//! The synthetic oblast: every planted defect is found where it was planted, and nothing else
//! (recall and precision 100% on generated data); a corpus generated without defects is clean.

use chrono::NaiveDate;
use hattama::audit::{self, AuditSettings};
use hattama::corpus::commission::FolderLevel;
use hattama::engine::Settings;
use hattama::generate::{GenerateOptions, generate};
use hattama::lang::Lang;
use hattama::pack;
use std::collections::BTreeSet;

fn as_of() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 30).unwrap()
}

/// (rule, path below the corpus folder) pairs.
type Places = BTreeSet<(String, String)>;

/// What the audit found and what the generator planted.
fn run(defects: bool) -> (Places, Places) {
    let dir = tempfile::tempdir().unwrap();
    let truth = generate(&GenerateOptions {
        out: dir.path().to_path_buf(),
        districts: 4,
        years: vec![2025, 2026],
        seed: 7,
        as_of: as_of(),
        defects,
    })
    .unwrap();
    let pack = pack::default_pack().unwrap();
    let settings = AuditSettings {
        files: Settings::new(Lang::En, as_of()),
        level: FolderLevel::Deepest,
    };
    let outcome = audit::audit(dir.path(), &pack, &settings);
    let root = format!("{}/", dir.path().display());
    let found: Places = outcome
        .findings
        .iter()
        .map(|f| {
            (
                f.rule.clone(),
                f.path.strip_prefix(&root).unwrap_or(&f.path).to_string(),
            )
        })
        .collect();
    let planted: Places = truth
        .planted
        .iter()
        .map(|p| (p.rule.clone(), p.path.clone()))
        .collect();
    (found, planted)
}

#[test]
fn every_planted_defect_is_found_and_nothing_else() {
    let (found, planted) = run(true);
    assert!(planted.len() >= 10, "too few planted defects: {planted:#?}");
    let missed: Vec<_> = planted.difference(&found).collect();
    let unexpected: Vec<_> = found.difference(&planted).collect();
    assert!(
        missed.is_empty() && unexpected.is_empty(),
        "missed: {missed:#?}\nunexpected: {unexpected:#?}"
    );
}

#[test]
fn a_corpus_without_defects_is_clean() {
    let (found, planted) = run(false);
    assert!(planted.is_empty());
    assert!(found.is_empty(), "findings on a clean corpus: {found:#?}");
}
