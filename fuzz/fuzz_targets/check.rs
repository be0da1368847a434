//! A whole `check` of one document through the engine with the default pack, as the command
//! line runs it. Besides not crashing, it holds the privacy promise: a valid ИИН planted into the
//! document never reaches a finding's message, fix or snippet once the findings have passed the
//! masking gate (`privacy::Masked`) that every report goes through.

#![no_main]

mod common;

use hattama::engine;
use hattama::lang::Lang;
use hattama::privacy::{Masked, is_valid_iin};
use hattama::read;
use libfuzzer_sys::fuzz_target;
use std::path::Path;

// Compile the pack before the first input, whose 1 s timeout would otherwise include it.
fuzz_target!(init: common::init(), |data: &[u8]| {
    let pack = &*common::PACK;
    // Planting goes into the decoded text, so that an ИИН is never cut into a UTF-16 or
    // Windows-1251 byte sequence; input that does not decode still goes through the engine.
    let Ok(source) = read::from_bytes(data) else {
        let findings =
            engine::check_bytes(Path::new("x.md"), data, pack, &common::settings(Lang::Ru));
        assert!(!findings.is_empty(), "an unreadable file is a finding");
        return;
    };
    // Where and what to plant comes from a hash of the input, so a crash file replays exactly.
    let hash = common::fnv(data);
    let iin = iin_from(hash);
    let label = ["", "ИИН ", "ЖСН: ", "ИИН/"][(hash >> 40) as usize % 4];
    let mut at = (hash % (source.text.len() as u64 + 1)) as usize;
    while !source.text.is_char_boundary(at) {
        at -= 1;
    }
    // Spaces keep it a 12-digit run of its own; glued to other digits it would not be an ИИН.
    let text = format!("{} {label}{iin} {}", &source.text[..at], &source.text[at..]);
    let name = if hash & 1 == 0 { "x.md" } else { "x.txt" };
    let lang = [Lang::Kk, Lang::Ru, Lang::En][(hash >> 8) as usize % 3];
    let findings = engine::check_bytes(
        Path::new(name),
        text.as_bytes(),
        pack,
        &common::settings(lang),
    );
    // What the reports get: findings after the masking gate every renderer requires.
    let findings = Masked::new(findings, &pack.masker);
    for finding in findings.iter() {
        for shown in [
            Some(&finding.message),
            finding.fix.as_ref(),
            finding.snippet.as_ref(),
        ]
        .into_iter()
        .flatten()
        {
            assert!(!shows(shown, &iin), "ИИН {iin} unmasked in {finding:#?}");
        }
    }
});

/// A valid ИИН made from the hash: eleven digits, then the check digit that fits; when no
/// check digit fits (the second checksum is 10 as well), the eleventh digit moves on.
fn iin_from(mut hash: u64) -> String {
    let mut digits: Vec<u8> = (0..11)
        .map(|_| {
            let d = (hash % 10) as u8;
            hash /= 10;
            b'0' + d
        })
        .collect();
    loop {
        for check in b'0'..=b'9' {
            let mut candidate = digits.clone();
            candidate.push(check);
            let candidate = String::from_utf8(candidate).expect("ASCII digits");
            if is_valid_iin(&candidate) {
                return candidate;
            }
        }
        digits[10] = b'0' + (digits[10] - b'0' + 1) % 10;
    }
}

/// True when `iin` stands in `text` as a run of exactly its 12 digits.
fn shows(text: &str, iin: &str) -> bool {
    text.match_indices(iin).any(|(at, _)| {
        let before = text[..at].bytes().next_back();
        let after = text[at + iin.len()..].bytes().next();
        !before.is_some_and(|b| b.is_ascii_digit()) && !after.is_some_and(|b| b.is_ascii_digit())
    })
}
