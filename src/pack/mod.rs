//! Rule packs: YAML folders that say how to read the documents (kinds, sections, fields,
//! items) and what to require of them (rules). Loaded and compiled once, before any document
//! is read, so a bad pack is an error up front.

mod case;
mod compile;
pub mod index;
mod lazy_regex;
pub mod load;
pub use lazy_regex::LazyRegex;
pub mod model;
pub mod patterns;
pub mod schema;

pub use compile::OTHER_CATEGORY;
pub use index::{FILES_CATEGORY, RuleIndex};
pub use load::{LoadedPack, Origin, PackError};
pub use model::*;

use std::path::Path;

/// The default pack alone.
pub fn default_pack() -> Result<Pack, PackError> {
    compile::compile(vec![load::builtin()?])
}

/// The default pack (unless `without_default`) layered with packs read from `dirs`, in order:
/// a pack with the id of an earlier one replaces it.
pub fn load_packs(dirs: &[impl AsRef<Path>], without_default: bool) -> Result<Pack, PackError> {
    compile(read_packs(dirs, without_default)?)
}

/// The definitions [`load_packs`] compiles, as read, layered: the configuration adjusts rule
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

/// Compiles layered definitions into a pack ready to run.
pub fn compile(packs: Vec<LoadedPack>) -> Result<Pack, PackError> {
    compile::compile(packs)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The built-in pack's patterns are parsed and narrowed only at first use (`known_valid`),
    /// which turns a broken one into a pattern that matches nothing. This is the check that
    /// lets them: compiled as a user's pack would be, the built-in pack has no broken pattern.
    #[test]
    fn every_built_in_pattern_passes_the_checks_a_user_pack_gets() {
        let mut builtin = load::builtin().unwrap();
        assert!(builtin.known_valid);
        builtin.known_valid = false;
        if let Err(error) = compile(vec![builtin]) {
            panic!("{error}");
        }
    }
}
