//! What the targets share: the default rule pack, compiled once per process (compiling it takes
//! most of a second, and every execution would otherwise pay for it).

#![allow(dead_code)] // each target uses only some of these

use hattama::engine::Settings;
use hattama::lang::Lang;
use hattama::rulebook::Rulebook;
use std::sync::LazyLock;

pub static PACK: LazyLock<Rulebook> =
    LazyLock::new(|| Rulebook::builtin().expect("the built-in rule pack compiles"));

/// A fixed "today", so that a crash found on one day reproduces on any other.
pub fn settings(lang: Lang) -> Settings {
    let as_of = chrono::NaiveDate::from_ymd_opt(2026, 11, 22).expect("a valid date");
    Settings::new(lang, as_of)
}

/// Compiles the pack up front (`init:` of `fuzz_target!`), outside any input's timeout: under a
/// sanitizer or on a slow CI machine it takes more than the 1 s an input is allowed.
pub fn init() {
    LazyLock::force(&PACK);
}

/// FNV-1a: a cheap, stable hash of an input (std's hasher is seeded per process), for choices
/// that must replay exactly from a crash file.
pub fn fnv(data: &[u8]) -> u64 {
    data.iter().fold(0xcbf2_9ce4_8422_2325, |h, &b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    })
}
