//! Every rule of the default pack shows an example of a correct text (`hattama explain`), and
//! that example is one the rule accepts.
//!
//! A document rule's example, put in a minimal document of the rule's kind, must not trigger
//! the rule. So that an example cannot pass by saying nothing (a decision rule's example with
//! no decision in it), each kind of rule also checks that the example gives the rule something
//! to judge: the fields a required-field rule wants are read, the item an item rule looks at is
//! there, and so on. Rules across documents (`hattama audit`) judge a commission's documents
//! over months; their example is an illustration of one part (a protocol line closing a
//! decision) and is only checked to exist.

use hattama::check::{self, CheckSettings, DocumentKind, Input};
use hattama::extract::Extraction;
use hattama::lang::Lang;
use hattama::pack::{Pack, Rule};
use hattama::parse::Document;
use hattama::rulebook::Rulebook;
use std::path::Path;

fn pack() -> Rulebook {
    Rulebook::builtin().expect("the default pack loads")
}

/// The kind a rule's example is put in: the rule's first kind (`*` rules read any document).
fn kind_of(rule: &Rule) -> &str {
    rule.documents
        .iter()
        .find(|kind| kind.as_str() != "*")
        .map_or("protocol", String::as_str)
}

/// A minimal document of `kind` holding `body`: the front matter names the kind, so the
/// example need not carry a title of its own.
fn analyse(pack: &Pack, kind: &str, body: &str) -> (Document, Extraction) {
    let text = format!("---\nkind: {kind}\n---\n{body}\n");
    let source = hattama::read::from_bytes(text.as_bytes()).expect("text reads");
    hattama::engine::analyse(Path::new("example.md"), source, pack)
}

const AS_OF: (i32, u32, u32) = (2026, 3, 1);

fn settings() -> CheckSettings {
    CheckSettings {
        lang: Lang::En,
        as_of: chrono::NaiveDate::from_ymd_opt(AS_OF.0, AS_OF.1, AS_OF.2).unwrap(),
    }
}

fn findings_of(
    rulebook: &Rulebook,
    rule: &Rule,
    document: &Document,
    extraction: &Extraction,
) -> usize {
    let settings = settings();
    let input = Input::new(
        document,
        extraction,
        &rulebook.pack,
        &rulebook.document,
        &settings,
    );
    check::check(&input)
        .iter()
        .filter(|finding| finding.rule == rule.id)
        .count()
}

/// What the example lacks for the rule to have something to judge, as the rule's kind says.
fn gives_something_to_judge(
    rulebook: &Rulebook,
    kind: &dyn DocumentKind,
    document: &Document,
    extraction: &Extraction,
) -> Option<String> {
    let settings = settings();
    let input = Input::new(
        document,
        extraction,
        &rulebook.pack,
        &rulebook.document,
        &settings,
    );
    kind.nothing_to_judge(&input)
}

/// Rules whose example is judged by running them: every kind but those across documents.
fn document_rules(rulebook: &Rulebook) -> impl Iterator<Item = (&Rule, &dyn DocumentKind)> {
    rulebook
        .document
        .0
        .iter()
        .map(|(index, kind)| (&rulebook.pack.rules[*index], kind.as_ref()))
}

#[test]
fn every_rule_has_an_example_in_each_language() {
    let pack = pack();
    assert!(pack.rules.len() >= 42, "{} rules", pack.rules.len());
    let mut missing = Vec::new();
    for rule in &pack.rules {
        for lang in Lang::ALL {
            let example = rule.example.as_ref().map_or("", |e| e.get(lang));
            if example.trim().is_empty() {
                missing.push(format!("{} ({lang})", rule.id));
            }
        }
    }
    assert!(missing.is_empty(), "rules without an example: {missing:#?}");
}

#[test]
fn every_rule_states_its_requirement_in_each_language() {
    let pack = pack();
    for rule in &pack.rules {
        for lang in Lang::ALL {
            assert!(
                !rule.requirement.get(lang).trim().is_empty(),
                "{} has no requirement in {lang}",
                rule.id
            );
        }
        // The pack is translated: Kazakh and Russian readers do not get the English text.
        assert_ne!(rule.requirement.kk, rule.requirement.en, "{}", rule.id);
        assert_ne!(rule.requirement.ru, rule.requirement.en, "{}", rule.id);
    }
}

#[test]
fn every_rule_names_its_basis_in_each_language_and_no_file_of_ours() {
    let pack = pack();
    for rule in &pack.rules {
        let basis = rule
            .basis
            .as_ref()
            .unwrap_or_else(|| panic!("{} names no basis", rule.id));
        for lang in Lang::ALL {
            let text = basis.get(lang).trim();
            assert!(!text.is_empty(), "{} has no basis in {lang}", rule.id);
            // A secretary reading `explain` has the law and the orders, not our design notes.
            for said in [rule.requirement.get(lang), text] {
                assert!(
                    !said.contains(".md"),
                    "{} ({lang}) cites a file: {said}",
                    rule.id
                );
            }
        }
        assert_ne!(basis.kk, basis.en, "{}", rule.id);
        assert_ne!(basis.ru, basis.en, "{}", rule.id);
    }
}

#[test]
fn each_document_rule_accepts_its_own_example() {
    let pack = pack();
    let mut problems = Vec::new();
    for (rule, check) in document_rules(&pack) {
        let Some(example) = &rule.example else {
            continue;
        };
        let kind = kind_of(rule);
        for lang in Lang::ALL {
            let (document, extraction) = analyse(&pack, kind, example.get(lang));
            let fired = findings_of(&pack, rule, &document, &extraction);
            if fired > 0 {
                problems.push(format!(
                    "{} ({lang}): the example triggers the rule",
                    rule.id
                ));
            }
            if let Some(missing) = gives_something_to_judge(&pack, check, &document, &extraction) {
                problems.push(format!("{} ({lang}): {missing}", rule.id));
            }
        }
    }
    assert!(problems.is_empty(), "{problems:#?}");
}

/// The control: where an empty document of the kind already breaks the rule (a missing field,
/// section or topic), the example is what satisfies it.
#[test]
fn an_empty_document_breaks_the_rules_the_examples_satisfy() {
    let pack = pack();
    for (rule, _) in document_rules(&pack) {
        let control = match rule.kind.as_str() {
            "required-field" | "required-section" => true,
            "topic-coverage" => !rule.keys.contains_key("when"),
            _ => false,
        };
        if control {
            let (document, extraction) = analyse(&pack, kind_of(rule), "");
            assert!(
                findings_of(&pack, rule, &document, &extraction) > 0,
                "{} does not fire on an empty document",
                rule.id
            );
        }
    }
}

/// An example is a model to copy: none may show what the privacy rules forbid (an ИИН, a
/// child's full name with a birth date), whatever rule it illustrates.
#[test]
fn no_example_shows_personal_data() {
    let pack = pack();
    let privacy: Vec<&Rule> = pack
        .rules
        .iter()
        .filter(|rule| rule.category == "privacy")
        .collect();
    assert!(!privacy.is_empty());
    for rule in &pack.rules {
        let Some(example) = &rule.example else {
            continue;
        };
        for lang in Lang::ALL {
            let (document, extraction) = analyse(&pack, kind_of(rule), example.get(lang));
            for guard in &privacy {
                assert_eq!(
                    findings_of(&pack, guard, &document, &extraction),
                    0,
                    "the example of {} ({lang}) breaks {}",
                    rule.id,
                    guard.id
                );
            }
        }
    }
}
