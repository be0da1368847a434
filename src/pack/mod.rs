//! Rule packs: YAML folders that say how to read the documents (kinds, sections, fields,
//! items) and what to require of them (rules). Loaded and compiled once, before any document
//! is read, so a bad pack is an error up front.

mod case;
mod compile;
pub mod index;
pub mod kind;
mod lazy_regex;
pub mod load;
pub use crate::matcher::{Captures, Match, Matcher};
pub use lazy_regex::LazyRegex;
pub mod model;
pub mod patterns;
pub mod schema;
mod splice;

pub use compile::OTHER_CATEGORY;
pub use index::{FILES_CATEGORY, RuleIndex};
pub use kind::{Compiled, Kind, KindCompiler, NoKinds, Registration, RuleContext, ScopeDef};
pub use load::{LoadedPack, Origin, PackError};
pub use model::*;

use std::path::Path;

/// The default pack alone, its rules' kinds not compiled: what reads documents without
/// running rules needs no more (the stages that run rules compile them, `crate::rulebook`).
pub fn default_pack() -> Result<Pack, PackError> {
    Ok(compile(vec![load::builtin()?], &NoKinds)?.pack)
}

/// The definitions [`compile`] compiles, as read, layered: the configuration adjusts rule
/// parameters here, before they are compiled.
pub fn read_packs(
    dirs: &[impl AsRef<Path>],
    without_default: bool,
) -> Result<Vec<LoadedPack>, PackError> {
    let mut packs = Vec::new();
    if !without_default {
        packs.push(load::builtin()?);
    }
    for dir in dirs {
        packs.push(load::from_dir(dir.as_ref())?);
    }
    Ok(load::layer(packs))
}

/// Compiles layered definitions into a pack, and each rule's kind with `kinds` (each compiled
/// rule with its index in the pack's rules).
pub fn compile<K: KindCompiler>(
    packs: Vec<LoadedPack>,
    kinds: &K,
) -> Result<Compiled<K::Check>, PackError> {
    compile::compile(packs, kinds)
}
