//! The syntax trees of the built-in pack's patterns, narrowed to folded text (or, for the few
//! that read text as written, as parsed), made ahead of time.
//!
//! Checking one protocol parsed the hundred-odd patterns it needs and the date grammar, and
//! narrowed them to folded text (`parse::narrow`): a third of its cost, most of it spent
//! building and taking apart again the Unicode classes behind `\w`, `\W` and `\s`. A tree
//! depends only on the pattern's text, how it is parsed and the narrowing code, so the trees
//! of the built-in pack are made when the pack changes rather than at every start:
//! `trees.bin` holds them, and a pattern found there is read back instead of parsed. Any
//! other pattern (a user's pack, a pattern a configuration changed) is parsed and narrowed as
//! before, and so is every pattern when `trees.bin` was made by other narrowing code than the
//! program's own (see [`fingerprint`]).
//!
//! The test that compiles the built-in pack as a user's pack is compiled (in `rulebook`) fails
//! while the committed file is out of date, and writes it again when asked:
//! `HATTAMA_UPDATE_PREBUILT=1 cargo test --lib every_built_in_pattern`.

mod tree;

use super::narrow::Narrower;
use regex_syntax::hir::{ClassUnicode, Hir};
use serde::{Deserialize, Serialize};
use std::sync::LazyLock;

/// How a pattern is parsed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Syntax {
    pub case_insensitive: bool,
    pub multi_line: bool,
}

/// The key's bit for a tree of text as written, not narrowed.
const AS_WRITTEN: u8 = 1 << 2;

impl Syntax {
    fn code(self) -> u8 {
        u8::from(self.case_insensitive) | (u8::from(self.multi_line) << 1)
    }
}

/// `source` parsed as `syntax` says and narrowed to folded text: read back from the trees made
/// ahead of time when they hold it, else parsed and narrowed now. The error is the parser's or
/// the narrower's message.
pub fn narrowed_tree(source: &str, syntax: Syntax, narrower: &mut Narrower) -> Result<Hir, String> {
    made_ahead_or(syntax.code(), source, || {
        narrower.narrow(&parse(source, syntax)?)
    })
}

/// `source` parsed as `syntax` says, for text as written (the few patterns that read it): read
/// back when made ahead of time, else parsed now.
pub fn parsed_tree(source: &str, syntax: Syntax) -> Result<Hir, String> {
    made_ahead_or(syntax.code() | AS_WRITTEN, source, || parse(source, syntax))
}

fn made_ahead_or(
    code: u8,
    source: &str,
    make: impl FnOnce() -> Result<Hir, String>,
) -> Result<Hir, String> {
    #[cfg(test)]
    if recording::is_on() {
        let tree = make()?;
        recording::add(code, source, &tree);
        return Ok(tree);
    }
    if let Some(tree) = PREBUILT
        .as_ref()
        .and_then(|prebuilt| prebuilt.tree(code, source))
    {
        return Ok(tree);
    }
    make()
}

fn parse(source: &str, syntax: Syntax) -> Result<Hir, String> {
    regex_syntax::ParserBuilder::new()
        .case_insensitive(syntax.case_insensitive)
        .multi_line(syntax.multi_line)
        .build()
        .parse(source)
        .map_err(|error| error.to_string())
}

/// The file as written: trees by syntax and source, in that order, each its own bytes so that
/// only the trees a run needs are read.
#[derive(Serialize, Deserialize)]
struct File<'a> {
    fingerprint: u64,
    /// The standard library's Unicode version, whose lower-casing decides which characters
    /// folded text holds.
    unicode: (u8, u8, u8),
    classes: Vec<Vec<(u32, u32)>>,
    #[serde(borrow)]
    trees: Vec<Entry<'a>>,
}

#[derive(Serialize, Deserialize)]
struct Entry<'a> {
    syntax: u8,
    source: &'a str,
    steps: &'a [u8],
}

struct Prebuilt<'a> {
    trees: Vec<Entry<'a>>,
    classes: Vec<ClassUnicode>,
}

impl<'a> Prebuilt<'a> {
    /// The trees in `bytes`; `None` when they do not read, or were made by other narrowing
    /// code than this program's.
    fn read(bytes: &'a [u8]) -> Option<Prebuilt<'a>> {
        let file: File<'a> = postcard::from_bytes(bytes).ok()?;
        if file.fingerprint != fingerprint() || file.unicode != char::UNICODE_VERSION {
            return None;
        }
        Some(Prebuilt {
            trees: file.trees,
            classes: tree::unicode_classes(&file.classes)?,
        })
    }

    fn tree(&self, syntax: u8, source: &str) -> Option<Hir> {
        let at = self
            .trees
            .binary_search_by(|entry| (entry.syntax, entry.source).cmp(&(syntax, source)))
            .ok()?;
        let steps: Vec<tree::Step> = postcard::from_bytes(self.trees[at].steps).ok()?;
        tree::hir(&steps, &self.classes)
    }
}

/// The trees as committed, written by [`assert_current`].
const TREES: &[u8] = include_bytes!("trees.bin");

static PREBUILT: LazyLock<Option<Prebuilt<'static>>> = LazyLock::new(|| Prebuilt::read(TREES));

/// What the trees were made with besides their source and the Unicode version: the narrowing
/// code and tables, and the version of the parser. Trees made otherwise are not used.
fn fingerprint() -> u64 {
    let lock = include_str!("../../../Cargo.lock");
    let parser = lock
        .split("\n[[package]]\n")
        .find(|package| package.starts_with("name = \"regex-syntax\"\n"))
        .unwrap_or_default();
    let made_with = [
        include_str!("../narrow.rs"),
        include_str!("../alphabet.rs"),
        include_str!("../normalize.rs"),
        include_str!("tree.rs"),
        parser,
    ]
    .join("\0");
    xxhash_rust::xxh3::xxh3_64(made_with.as_bytes())
}

/// The file for `trees`, by syntax code and source.
#[cfg(test)]
fn encode(trees: &std::collections::BTreeMap<(u8, String), Hir>) -> Vec<u8> {
    let mut classes = tree::ClassTable::default();
    let encoded: Vec<(u8, &str, Vec<u8>)> = trees
        .iter()
        .map(|((syntax, source), hir)| {
            let mut steps = Vec::new();
            tree::steps(hir, &mut classes, &mut steps);
            let steps = postcard::to_allocvec(&steps).expect("encodes");
            (*syntax, source.as_str(), steps)
        })
        .collect();
    let file = File {
        fingerprint: fingerprint(),
        unicode: char::UNICODE_VERSION,
        classes: classes.classes,
        trees: encoded
            .iter()
            .map(|(syntax, source, steps)| Entry {
                syntax: *syntax,
                source,
                steps,
            })
            .collect(),
    };
    postcard::to_allocvec(&file).expect("encodes")
}

/// Panics unless `trees.bin` holds exactly `trees` (those a compilation of the built-in pack
/// parsed, see [`record`]), each read back as it was made; with `HATTAMA_UPDATE_PREBUILT` set,
/// writes the file instead.
#[cfg(test)]
pub fn assert_current(trees: &recording::Trees) {
    assert!(trees.len() > 100, "{} trees", trees.len());
    let bytes = encode(trees);
    let committed = TREES;
    let committed_unicode = postcard::from_bytes::<File>(committed)
        .ok()
        .map(|file| file.unicode);
    if committed_unicode.is_some_and(|unicode| unicode != char::UNICODE_VERSION) {
        // Made with another toolchain's Unicode: this build parses every pattern instead, and
        // the file is the business of the toolchain the project is built with.
        eprintln!("trees.bin is for Unicode {committed_unicode:?}, this build has another");
    } else if bytes != committed {
        if std::env::var_os("HATTAMA_UPDATE_PREBUILT").is_some() {
            let path = concat!(env!("CARGO_MANIFEST_DIR"), "/src/parse/prebuilt/trees.bin");
            std::fs::write(path, &bytes).unwrap();
        } else {
            panic!(
                "src/parse/prebuilt/trees.bin is out of date with the built-in pack or the \
                 narrowing code: write it again with \
                 `HATTAMA_UPDATE_PREBUILT=1 cargo test --lib every_built_in_pattern`"
            );
        }
    }
    let prebuilt = Prebuilt::read(&bytes).expect("reads back");
    for ((syntax, source), tree) in trees {
        assert_eq!(
            prebuilt.tree(*syntax, source).as_ref(),
            Some(tree),
            "{source}"
        );
    }
}

#[cfg(test)]
pub use recording::record;

/// Test support: the trees this thread parses while recording is on, parsed rather than read.
#[cfg(test)]
mod recording {
    use regex_syntax::hir::Hir;
    use std::cell::RefCell;
    use std::collections::BTreeMap;

    pub type Trees = BTreeMap<(u8, String), Hir>;

    thread_local! {
        static RECORDED: RefCell<Option<Trees>> = const { RefCell::new(None) };
    }

    pub fn is_on() -> bool {
        RECORDED.with(|recorded| recorded.borrow().is_some())
    }

    pub fn add(syntax: u8, source: &str, tree: &Hir) {
        RECORDED.with(|recorded| {
            if let Some(trees) = recorded.borrow_mut().as_mut() {
                trees.insert((syntax, source.to_string()), tree.clone());
            }
        });
    }

    /// The trees parsed by `run`.
    pub fn record(run: impl FnOnce()) -> Trees {
        RECORDED.with(|recorded| *recorded.borrow_mut() = Some(Trees::new()));
        run();
        RECORDED
            .with(|recorded| recorded.borrow_mut().take())
            .unwrap_or_default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_pattern_not_made_ahead_is_parsed() {
        let syntax = Syntax {
            case_insensitive: true,
            multi_line: false,
        };
        let tree = narrowed_tree(r"ПРОТОКОЛ\s+№", syntax, &mut Narrower::default()).unwrap();
        let expected = Narrower::default().narrow(&parse(r"ПРОТОКОЛ\s+№", syntax).unwrap());
        assert_eq!(Ok(tree), expected);
        assert!(narrowed_tree("(unclosed", syntax, &mut Narrower::default()).is_err());
    }

    #[test]
    fn trees_from_other_narrowing_code_are_not_used() {
        let file = |fingerprint, unicode| File {
            fingerprint,
            unicode,
            classes: Vec::new(),
            trees: Vec::new(),
        };
        let read = |file: File| Prebuilt::read(&postcard::to_allocvec(&file).unwrap()).is_some();
        assert!(read(file(fingerprint(), char::UNICODE_VERSION)));
        assert!(!read(file(fingerprint() ^ 1, char::UNICODE_VERSION)));
        assert!(!read(file(fingerprint(), (1, 0, 0))));
        assert!(Prebuilt::read(b"not a file").is_none());
    }
}
