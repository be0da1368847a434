//! The help of `hattama-generate` (`--help`, `CMD --help`, `-h`, `help CMD`) in Kazakh, Russian
//! and English: the texts, one file per language (`help/kk.rs`, `help/ru.rs`, `help/en.rs`),
//! keyed by the names cli.rs gives its commands and arguments; hattama's
//! `command_line::help` puts them on the command, as it does hattama's own. The English of the
//! values of `--format` is the doc comments of [`DocumentFormat`]; the translations are here.

use clap::{Arg, Command};
use hattama::command_line::help::{self as kit, with_values};
use hattama::lang::Lang;
use hattama_generate::DocumentFormat;

pub use kit::{Page, Texts, help};

mod en;
mod kk;
mod ru;

pub fn texts(lang: Lang) -> &'static Texts {
    match lang {
        Lang::Kk => &kk::TEXTS,
        Lang::Ru => &ru::TEXTS,
        Lang::En => &en::TEXTS,
    }
}

/// The command with every text in `lang`.
pub fn localize(command: Command, lang: Lang) -> Command {
    kit::localize(command, texts(lang), lang, values_of)
}

/// The enums whose values the texts give help for, by argument id.
fn values_of(id: &str, arg: Arg, help: &'static [(&'static str, &'static str)]) -> Arg {
    match id {
        "document_format" => with_values::<DocumentFormat>(arg, help),
        _ => arg,
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn every_text_exists_in_every_language() {
        hattama::command_line::help::assert_complete(crate::cli::command, super::texts);
    }
}
