//! What the targets share: the default rule pack, compiled once per process (compiling it takes
//! most of a second, and every execution would otherwise pay for it).

#![allow(dead_code)] // each target uses only some of these

use hattama::engine::Settings;
use hattama::lang::Lang;
use hattama::pack::{self, Pack};
use std::sync::LazyLock;

pub static PACK: LazyLock<Pack> =
    LazyLock::new(|| pack::default_pack().expect("the built-in rule pack compiles"));

/// A fixed "today", so that a crash found on one day reproduces on any other.
pub fn settings(lang: Lang) -> Settings {
    let as_of = chrono::NaiveDate::from_ymd_opt(2026, 11, 22).expect("a valid date");
    Settings::new(lang, as_of)
}
