//! The shipped fixtures: exact findings (snapshots) in each language, every rule triggered by
//! some fixture and silent on another of the same kind, clean fixtures clean.

use chrono::NaiveDate;
use hattama::engine::{self, Outcome, Settings};
use hattama::lang::Lang;
use hattama::pack::Pack;
use hattama::privacy::Masked;
use hattama::report::{self, Format};
use hattama::rulebook::Rulebook;
use std::collections::{BTreeMap, BTreeSet};
use std::path::PathBuf;

fn as_of() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 22).unwrap()
}

fn check(lang: Lang, pack: &Rulebook) -> Masked<Outcome> {
    let outcome = engine::check_paths(
        &[PathBuf::from("fixtures/check")],
        pack,
        &Settings::new(lang, as_of()),
    );
    Masked::new(outcome, &pack.masker)
}

fn concise(outcome: &Masked<Outcome>, pack: &Pack, lang: Lang) -> String {
    let mut out = Vec::new();
    let how = report::Rendering {
        format: Format::Concise,
        pack,
        lang,
        as_of: as_of(),
        options: Default::default(),
    };
    report::render_check(outcome, &how, &mut out).unwrap();
    // The renderer styles its output; the command strips styles where the stream has no colour.
    anstream::adapter::strip_str(&String::from_utf8(out).unwrap()).to_string()
}

#[test]
fn findings_in_russian() {
    let pack = hattama::rulebook::Rulebook::builtin().unwrap();
    insta::assert_snapshot!(concise(&check(Lang::Ru, &pack), &pack, Lang::Ru));
}

#[test]
fn findings_in_kazakh() {
    let pack = hattama::rulebook::Rulebook::builtin().unwrap();
    insta::assert_snapshot!(concise(&check(Lang::Kk, &pack), &pack, Lang::Kk));
}

#[test]
fn findings_in_english() {
    let pack = hattama::rulebook::Rulebook::builtin().unwrap();
    insta::assert_snapshot!(concise(&check(Lang::En, &pack), &pack, Lang::En));
}

#[test]
fn the_same_places_are_found_in_every_language() {
    let pack = hattama::rulebook::Rulebook::builtin().unwrap();
    let places = |lang| {
        check(lang, &pack)
            .into_inner()
            .findings
            .into_iter()
            .map(|f| (f.path, f.start, f.rule))
            .collect::<Vec<_>>()
    };
    let russian = places(Lang::Ru);
    assert_eq!(russian, places(Lang::Kk));
    assert_eq!(russian, places(Lang::En));
}

#[test]
fn no_message_is_left_unrendered() {
    let pack = hattama::rulebook::Rulebook::builtin().unwrap();
    for lang in Lang::ALL {
        for finding in check(lang, &pack).into_inner().findings {
            for text in std::iter::once(&finding.message).chain(finding.fix.as_ref()) {
                assert!(!text.contains("{{") && !text.contains("{%"), "{text}");
                assert!(!text.trim().is_empty(), "empty text in {finding:?}");
            }
            assert_ne!(finding.rule, "hattama/rule-error", "{finding:?}");
        }
    }
}

#[test]
fn clean_fixtures_have_no_findings() {
    let pack = hattama::rulebook::Rulebook::builtin().unwrap();
    let outcome = check(Lang::En, &pack);
    let noisy: Vec<_> = outcome
        .findings
        .iter()
        .filter(|f| f.path.contains("-clean-"))
        .collect();
    assert!(noisy.is_empty(), "findings in clean fixtures: {noisy:#?}");
}

/// Every rule of the default pack fires on some fixture and stays silent on another fixture
/// of a document kind it applies to.
#[test]
fn every_rule_has_a_fixture_that_triggers_it_and_one_that_must_not() {
    let pack = hattama::rulebook::Rulebook::builtin().unwrap();
    let outcome = check(Lang::En, &pack);
    let mut fired: BTreeMap<&str, BTreeSet<&str>> = BTreeMap::new();
    for finding in &outcome.findings {
        fired
            .entry(finding.rule.as_str())
            .or_default()
            .insert(finding.path.as_str());
    }
    let kind_of = |path: &str| -> Option<&'static str> {
        ["protocol", "plan", "composition"]
            .into_iter()
            .find(|kind| path.contains(&format!("-{kind}-")))
    };
    let files: Vec<String> = std::fs::read_dir("fixtures/check")
        .unwrap()
        .map(|e| e.unwrap().path().display().to_string())
        .filter(|p| p.ends_with(".md") || p.ends_with(".txt"))
        .filter(|p| !p.ends_with("MANIFEST.md"))
        .collect();
    // Corpus rules need a folder of documents: tests/audit.rs covers them.
    let document_rules = pack.rules.iter().filter(|r| !r.role.is_corpus());
    for rule in document_rules {
        let triggered = fired.get(rule.id.as_str()).cloned().unwrap_or_default();
        assert!(!triggered.is_empty(), "no fixture triggers {}", rule.id);
        let silent = files.iter().any(|file| {
            rule.documents
                .iter()
                .any(|d| d == "*" || kind_of(file) == Some(d.as_str()))
                && !triggered.contains(file.as_str())
        });
        assert!(silent, "every fixture of its kinds triggers {}", rule.id);
    }
}
