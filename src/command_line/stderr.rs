//! What a program says on stderr, masked like the reports: errors and notes quote paths,
//! arguments and input, and a scanned file is often named after the child. Masked first, then
//! escaped for the terminal, so an escape cannot split an ИИН the mask must see whole.

use crate::privacy::Masker;
use std::sync::OnceLock;

static MASKER: OnceLock<Masker> = OnceLock::new();

/// Masks with the run's rule pack from now on (its masks may add to the default pack's).
pub fn use_masker(masker: &Masker) {
    let _ = MASKER.set(masker.clone());
}

/// The run's masker, else the default pack's: an error may come before any pack is loaded,
/// or be the reason none could be.
fn masker() -> &'static Masker {
    MASKER.get_or_init(|| match crate::pack::default_pack() {
        Ok(pack) => pack.masker,
        Err(_) => Masker::new(&[]).expect("the built-in masks compile"),
    })
}

pub fn mask(text: &str) -> String {
    masker().mask(text)
}

/// `PROGRAM: TEXT` on stderr, masked, and with nothing in it that could drive the terminal
/// (its own line breaks stay: standard error holds no findings to forge).
pub fn say(program: &str, text: &str) {
    let lines: Vec<String> = mask(text)
        .split('\n')
        .map(|line| crate::report::terminal::escape(line).into_owned())
        .collect();
    eprintln!("{program}: {}", lines.join("\n"));
}
