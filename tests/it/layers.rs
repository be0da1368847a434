//! The library's stages only look down: a module may use what lies in a layer below its own,
//! never one beside or above it, so data flows read → parse → extract → check → corpus → report
//! and there is no import cycle. The layers are read from `src/` as written (`crate::…` paths
//! outside comments), so a new import that climbs fails here, naming the file.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// The library's top-level modules, lowest first. A module uses only modules of earlier rows.
const LAYERS: &[&[&str]] = &[
    // Counting bytes in vector code.
    &["byte_count"],
    // The pattern engine, and what can be told of a pattern before it is built.
    &["matcher"],
    // Vocabulary every stage shares, depending on nothing of the crate but the above.
    &["lang", "privacy", "yaml_depth", "stages"],
    // Bytes to text (its errors are worded by `messages`, above it); progress bars.
    &["read", "progress"],
    &["messages"],
    &["finding", "serde_error"],
    &["parse"],
    // The date grammar, compiled from the pack's lexicon and used by extraction.
    &["calendar"],
    // The compiled rules.
    &["pack"],
    &["extract"],
    &["check", "suppress"],
    // Documents of a commission together.
    &["corpus"],
    // The pack with each rule compiled by the stage that runs its kind.
    &["rulebook"],
    &["config"],
    // One document through every stage.
    &["engine"],
    &["audit", "changed", "inputs"],
    // `test-rules`: documents by their expect comments, audit fixtures by their expect.yaml.
    &["rule_tests"],
    &["report"],
    &["baseline", "compare", "split"],
    // The self-check page and its API, over everything a check uses.
    &["serve"],
];

/// The binary's own modules (declared in `src/main.rs`): they may use the whole library.
const BINARY: &[&str] = &["main", "cli", "help", "usage", "stderr", "values", "server"];

fn source_files(dir: &Path, files: &mut Vec<PathBuf>) {
    let mut entries: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .collect();
    entries.sort();
    for path in entries {
        if path.is_dir() {
            source_files(&path, files);
        } else if path.extension().is_some_and(|e| e == "rs") {
            files.push(path);
        }
    }
}

/// The top-level module a file belongs to: `src/pack/compile.rs` → `pack`.
fn top_module(src: &Path, file: &Path) -> String {
    let relative = file.strip_prefix(src).unwrap();
    let first = relative.components().next().unwrap().as_os_str();
    first.to_str().unwrap().trim_end_matches(".rs").to_string()
}

/// The code of a line without its comment (`//`, `///`, `//!`). A `//` inside a string literal
/// cuts the line short too, which can only hide an import, never invent one.
fn code_of(line: &str) -> &str {
    line.find("//").map_or(line, |at| &line[..at])
}

/// Every top-level module named by a `crate::` path in the code: `crate::pack::Rule`,
/// `crate::{check, pack}` and `use crate::{check::Input, pack::{Rule}}` alike.
fn modules_named(code: &str) -> BTreeSet<String> {
    let mut named = BTreeSet::new();
    let mut rest = code;
    while let Some(at) = rest.find("crate::") {
        let before = rest[..at].chars().next_back();
        rest = &rest[at + "crate::".len()..];
        if before.is_some_and(|c| c.is_alphanumeric() || c == '_' || c == '$') {
            continue; // `$crate::` or a longer identifier
        }
        if let Some(group) = rest.strip_prefix('{') {
            // The names at depth 0 of the group.
            let mut depth = 0;
            let mut word = String::new();
            let mut expecting = true;
            for c in group.chars() {
                match c {
                    '{' => depth += 1,
                    '}' if depth == 0 => break,
                    '}' => depth -= 1,
                    ',' if depth == 0 => expecting = true,
                    c if depth == 0 && expecting && (c.is_alphanumeric() || c == '_') => {
                        word.push(c)
                    }
                    _ => {
                        if !word.is_empty() {
                            named.insert(std::mem::take(&mut word));
                            expecting = false;
                        }
                    }
                }
            }
            if !word.is_empty() {
                named.insert(word);
            }
        } else {
            let word: String = rest
                .chars()
                .take_while(|c| c.is_alphanumeric() || *c == '_')
                .collect();
            if !word.is_empty() {
                named.insert(word);
            }
        }
    }
    named.remove("self");
    named
}

/// For each library module, the other library modules it uses, with a file that does.
fn imports(src: &Path) -> BTreeMap<String, BTreeMap<String, PathBuf>> {
    let mut files = Vec::new();
    source_files(src, &mut files);
    let mut graph: BTreeMap<String, BTreeMap<String, PathBuf>> = BTreeMap::new();
    for file in files {
        let module = top_module(src, &file);
        if BINARY.contains(&module.as_str()) || module == "lib" {
            continue;
        }
        let text = std::fs::read_to_string(&file).unwrap();
        let code: String = text.lines().map(code_of).collect::<Vec<_>>().join("\n");
        let uses = graph.entry(module.clone()).or_default();
        for named in modules_named(&code) {
            if named != module {
                uses.entry(named).or_insert_with(|| file.clone());
            }
        }
    }
    graph
}

fn layer_of(module: &str) -> Option<usize> {
    LAYERS.iter().position(|row| row.contains(&module))
}

fn src() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("src")
}

#[test]
fn every_library_module_has_a_layer() {
    let graph = imports(&src());
    let unplaced: Vec<&String> = graph.keys().filter(|m| layer_of(m).is_none()).collect();
    assert!(
        unplaced.is_empty(),
        "modules without a layer in tests/it/layers.rs: {unplaced:?}"
    );
}

#[test]
fn modules_use_only_the_layers_below_their_own() {
    let graph = imports(&src());
    let mut climbs = Vec::new();
    for (module, uses) in &graph {
        let Some(own) = layer_of(module) else {
            continue;
        };
        for (used, file) in uses {
            match layer_of(used) {
                Some(layer) if layer < own => {}
                Some(_) => climbs.push(format!("{} uses `{used}`", file.display())),
                None => {} // not a module of the crate (a macro's `crate::` in a string, say)
            }
        }
    }
    assert!(
        climbs.is_empty(),
        "imports from a layer at or above the module's own:\n{}",
        climbs.join("\n")
    );
}

#[test]
fn the_library_does_not_know_the_command_line() {
    let mut files = Vec::new();
    source_files(&src(), &mut files);
    let offenders: Vec<String> = files
        .iter()
        .filter(|file| !BINARY.contains(&top_module(&src(), file).as_str()))
        .filter(|file| {
            std::fs::read_to_string(file)
                .unwrap()
                .lines()
                .map(code_of)
                .any(|code| code.contains("clap::") || code.contains("clap_complete"))
        })
        .map(|file| file.display().to_string())
        .collect();
    assert!(
        offenders.is_empty(),
        "clap belongs to the binary's modules, not the library: {offenders:?}"
    );
}

#[test]
fn grouped_and_nested_crate_paths_are_read() {
    let named = modules_named(
        "use crate::{check::{self, Input}, pack::Rule};\nlet x = crate::report::render(); $crate::nothing",
    );
    let expected: BTreeSet<String> = ["check", "pack", "report"]
        .iter()
        .map(|s| s.to_string())
        .collect();
    assert_eq!(named, expected);
    assert!(modules_named("// crate::audit").contains("audit"));
    assert!(modules_named(code_of("// crate::audit")).is_empty());
}
