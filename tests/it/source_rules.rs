//! Rules are data: no domain wording is hard-coded in the Rust sources outside tests, in hattama
//! or in the other crates of the workspace (`crates/`: the generator's wording is YAML too). The
//! help texts (`src/help/` of each program, the manual in three languages) are prose for people
//! that no rule matches, and may name protocols and secretaries.

use std::path::Path;

const DOMAIN_WORDS: [&str; 8] = [
    "суицид",
    "Секретарь",
    "секретар",
    "постановил",
    "ПОСТАНОВИЛИ",
    "хаттама",
    "Повестка",
    "жауапты",
];

fn visit(dir: &Path, out: &mut Vec<String>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.ends_with("src/help") {
            continue;
        }
        if path.is_dir() {
            visit(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            let text = std::fs::read_to_string(&path).unwrap();
            // Unit tests sit at the end of a file behind #[cfg(test)], or in a module file of
            // their own (`tests.rs`, compiled only for tests); they may use any words.
            if path.file_name().is_some_and(|name| name == "tests.rs") {
                continue;
            }
            let code = text.split("#[cfg(test)]").next().unwrap_or("");
            for word in DOMAIN_WORDS {
                if code.contains(word) {
                    out.push(format!("{}: {word}", path.display()));
                }
            }
        }
    }
}

#[test]
fn no_rule_wording_is_hard_coded() {
    let mut found = Vec::new();
    visit(Path::new("src"), &mut found);
    for entry in std::fs::read_dir("crates").unwrap() {
        visit(&entry.unwrap().path().join("src"), &mut found);
    }
    assert!(
        found.is_empty(),
        "domain words in the Rust sources: {found:#?}"
    );
}
