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

use hattama::check::{self, CheckSettings, Input};
use hattama::extract::Extraction;
use hattama::lang::Lang;
use hattama::pack::{Check, Pack, Rule, Scope};
use hattama::parse::Document;
use std::path::Path;

fn pack() -> Pack {
    hattama::pack::default_pack().expect("the default pack loads")
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

fn findings_of(pack: &Pack, rule: &Rule, document: &Document, extraction: &Extraction) -> usize {
    let settings = CheckSettings {
        lang: Lang::En,
        as_of: chrono::NaiveDate::from_ymd_opt(2026, 3, 1).unwrap(),
    };
    let input = Input::new(document, extraction, pack, &settings);
    check::check(&input)
        .iter()
        .filter(|finding| finding.rule == rule.id)
        .count()
}

/// What the example must contain for the rule to have something to judge; `None` when it
/// does, else what is missing.
fn gives_something_to_judge(
    pack: &Pack,
    rule: &Rule,
    document: &Document,
    extraction: &Extraction,
) -> Option<String> {
    let field_found = |field: usize| extraction.fields[field].is_some();
    let items_of = |item: usize, unless: &[String]| {
        extraction
            .items
            .iter()
            .filter(move |found| {
                found.item_type == item && !found.classes.iter().any(|c| unless.contains(c))
            })
            .collect::<Vec<_>>()
    };
    let section_found = |section: usize| extraction.hits_of(section).next().is_some();
    match &rule.check {
        Check::RequiredField { fields } => fields
            .iter()
            .find(|f| !field_found(**f))
            .map(|f| format!("field `{}` is not read", pack.fields[*f].id)),
        Check::RequiredSection { sections } => sections
            .iter()
            .find(|s| !section_found(**s))
            .map(|s| format!("section `{}` is not found", pack.sections[*s].id)),
        Check::ItemField {
            item,
            fields,
            unless,
        } => {
            let complete = items_of(*item, unless)
                .iter()
                .any(|found| fields.iter().all(|f| found.fields[*f].is_some()));
            (!complete).then(|| {
                format!(
                    "no `{}` with all of its fields {:?}",
                    pack.items[*item].id,
                    fields
                        .iter()
                        .map(|f| &pack.items[*item].fields[*f].id)
                        .collect::<Vec<_>>()
                )
            })
        }
        Check::Condition {
            item: Some(item),
            unless,
            at,
        } => {
            let judged = items_of(*item, unless)
                .iter()
                .any(|found| at.is_none_or(|f| found.fields[f].is_some()));
            (!judged).then(|| format!("no `{}` the condition reads", pack.items[*item].id))
        }
        Check::Condition {
            item: None,
            at: Some(field),
            ..
        } => (!field_found(*field))
            .then(|| format!("field `{}` is not read", pack.fields[*field].id)),
        Check::Pattern {
            group: Some(group), ..
        } if !document
            .lines
            .iter()
            .any(|line| group.is_match(line.text())) =>
        {
            Some("the example names no one the rule's `group` gathers".to_string())
        }
        Check::Pattern { scope, .. } => match scope {
            Scope::Item(item) => items_of(*item, &[])
                .is_empty()
                .then(|| format!("no `{}` in the example", pack.items[*item].id)),
            Scope::Question(_) => extraction
                .questions
                .is_empty()
                .then(|| "no agenda question in the example".to_string()),
            Scope::Section(section) => (!section_found(*section))
                .then(|| format!("section `{}` is not found", pack.sections[*section].id)),
            _ => None,
        },
        Check::TopicCoverage {
            when: Some(when), ..
        } => (!document.lines.iter().any(|line| when.is_match(line.text())))
            .then(|| "the example does not mention what the rule looks for".to_string()),
        Check::ItemsAnswered {
            questions_in,
            answered_by,
        } => (!(section_found(*questions_in) && section_found(*answered_by)))
            .then(|| "no agenda with questions answered by decisions".to_string()),
        // A rule that forbids something (personal data) is judged on any text; a condition
        // over the whole document and a topic list are judged by the control below.
        _ => None,
    }
}

/// Rules whose example is judged by running them: every kind but those across documents.
fn document_rules(pack: &Pack) -> impl Iterator<Item = &Rule> {
    pack.rules
        .iter()
        .filter(|rule| !matches!(rule.check, Check::Corpus(_)))
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
fn each_document_rule_accepts_its_own_example() {
    let pack = pack();
    let mut problems = Vec::new();
    for rule in document_rules(&pack) {
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
            if let Some(missing) = gives_something_to_judge(&pack, rule, &document, &extraction) {
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
    for rule in document_rules(&pack) {
        let control = match &rule.check {
            Check::RequiredField { .. } | Check::RequiredSection { .. } => true,
            Check::TopicCoverage { when, .. } => when.is_none(),
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
