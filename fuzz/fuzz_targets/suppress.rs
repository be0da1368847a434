//! The suppression comments (`<!-- hattama-disable-next-line RULE -- reason -->` and the block
//! and file forms): scanning a document for them and applying them to findings.

#![no_main]

mod common;

use hattama::finding::{Finding, Position, Severity};
use hattama::lang::Lang;
use hattama::parse::{self, Format};
use hattama::suppress;
use libfuzzer_sys::fuzz_target;

// Compile the pack before the first input, whose 1 s timeout would otherwise include it.
fuzz_target!(init: common::init(), |data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let document = parse::parse(
        "protocol.md".to_string(),
        text.to_string(),
        0,
        None,
        Format::Markdown,
    );
    // A finding of one real rule on every line, so that each grant has something to silence
    // and the unused-suppression bookkeeping runs too.
    let lines = u32::try_from(text.lines().count()).unwrap_or(u32::MAX);
    let findings: Vec<Finding> = (1..=lines.min(500))
        .map(|line| Finding {
            rule: "kz-kdn/decision-deadline".to_string(),
            severity: Severity::Error,
            path: document.path.clone(),
            start: Position { line, column: 1 },
            end: Position { line, column: 1 },
            message: String::new(),
            fix: None,
            snippet: None,
            related: Vec::new(),
            facts: Default::default(),
            tabled: None,
        })
        .collect();
    let before = findings.len();
    let kept = suppress::apply(&document, &common::PACK, Lang::Ru, findings);
    // Suppressions only take findings away; what they add are their own problems.
    let rules_kept = kept
        .iter()
        .filter(|f| f.rule == "kz-kdn/decision-deadline")
        .count();
    assert!(rules_kept <= before);
});
