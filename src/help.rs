//! The help of the command (`hattama --help`, `hattama CMD --help`, `-h`, `hattama help CMD`) in
//! Kazakh, Russian and English. The texts are data, one file per language (`help/kk.rs`,
//! `help/ru.rs`, `help/en.rs`), each a [`Texts`]: for every command its one-line summary (`-h`),
//! its manual (`--help`: what it does, then examples and exit codes), and the help of each
//! argument, keyed by the names cli.rs gives them. [`localize`] puts one language's texts on the
//! command clap builds from cli.rs, whose definitions carry no text of their own, so each text
//! is written once per language.
//!
//! clap's own headings ("Usage:", "Options:", …) and the help flags' lines are given too. What
//! clap still writes in English: `[default: …]`, `[possible values: …]` and the usage line's
//! `[OPTIONS]`, `<COMMAND>`. The values of `--format` and `--fail-level` have their help here
//! in every language, English too: the library's enums know no clap.

use crate::values::Choice;
use clap::builder::{PossibleValue, PossibleValuesParser, TypedValueParser};
use clap::{Arg, ArgAction, Command};
use hattama::lang::Lang;

mod en;
mod kk;
mod ru;

/// Everything the help says, in one language.
pub struct Texts {
    pub headings: Headings,
    pub flags: Flags,
    pub specs: Specs,
    /// `hattama` itself: `after` follows both `-h` and `--help`.
    pub hattama: Page,
    /// Each command by name.
    pub commands: &'static [(&'static str, Page)],
    /// The arguments several commands share, by id; a command's own `args` come first.
    pub args: &'static [(&'static str, Help)],
    /// The help of the values of an argument (by id): value, help.
    pub values: &'static [(&'static str, &'static [(&'static str, &'static str)])],
}

/// clap's section headings, without the colon.
pub struct Headings {
    pub usage: &'static str,
    pub arguments: &'static str,
    pub options: &'static str,
    pub commands: &'static str,
}

/// What clap adds after an argument's help: `[default: text]`, `[possible values: a, b]`, and
/// the `Possible values:` list of the manual. English keeps clap's own.
pub struct Specs {
    pub default: &'static str,
    pub values: &'static str,
    /// The heading of the list, without the colon.
    pub values_heading: &'static str,
}

/// The lines of `-h, --help` and `-V, --version`.
pub struct Flags {
    /// A command with no manual beyond its summary.
    pub help: &'static str,
    /// In the summary (`-h`) of a command that has a manual.
    pub help_summary: &'static str,
    /// In the manual (`--help`).
    pub help_manual: &'static str,
    pub version: &'static str,
}

/// One command's help.
pub struct Page {
    /// One line, no final full stop: the command list and `-h`.
    pub about: &'static str,
    /// The manual's opening (`--help`); empty: `about`.
    pub long_about: &'static str,
    /// Examples and exit codes, after the options (`--help`); may be empty.
    pub after: &'static str,
    pub args: &'static [(&'static str, Help)],
}

/// One argument's help.
pub struct Help {
    /// One line, no final full stop.
    pub short: &'static str,
    /// The whole text for `--help` when it says more; empty: `short`.
    pub long: &'static str,
}

/// An argument's help with nothing more for `--help`.
pub const fn help(short: &'static str) -> Help {
    Help { short, long: "" }
}

pub fn texts(lang: Lang) -> &'static Texts {
    match lang {
        Lang::Kk => &kk::TEXTS,
        Lang::Ru => &ru::TEXTS,
        Lang::En => &en::TEXTS,
    }
}

impl Texts {
    pub fn command(&self, name: &str) -> Option<&Page> {
        find(self.commands, name)
    }

    /// The help of argument `id` of `page`: the page's own, else the shared one.
    pub fn arg(&self, page: &Page, id: &str) -> Option<&Help> {
        find(page.args, id).or_else(|| find(self.args, id))
    }
}

fn find<'a, T>(entries: &'a [(&str, T)], key: &str) -> Option<&'a T> {
    entries.iter().find(|(k, _)| *k == key).map(|(_, v)| v)
}

/// `text`, or none when it is empty.
fn some(text: &'static str) -> Option<&'static str> {
    (!text.is_empty()).then_some(text)
}

/// The command with every text in `lang`: summaries, manuals, argument help, values, headings
/// and the help and version flags.
pub fn localize(command: Command, lang: Lang) -> Command {
    let texts = texts(lang);
    let names: Vec<String> = command
        .get_subcommands()
        .map(|sub| sub.get_name().to_string())
        .collect();
    let mut command = page(command, &texts.hattama, texts, lang, true)
        .disable_version_flag(true)
        .arg(
            Arg::new("version")
                .short('V')
                .long("version")
                .action(ArgAction::Version)
                .help(texts.flags.version)
                .help_heading(texts.headings.options),
        )
        .subcommand_help_heading(texts.headings.commands);
    // `hattama help COMMAND` takes the names of the commands.
    let commands = texts
        .commands
        .iter()
        .map(|(name, _)| *name)
        .filter(|name| *name != "help" && names.iter().any(|n| n == name));
    let commands: Vec<PossibleValue> = commands.map(PossibleValue::new).collect();
    command = command.mut_subcommand("help", |help| {
        help.mut_args(|arg| match arg.get_id().as_str() {
            "command" => arg.value_parser(PossibleValuesParser::new(commands.clone())),
            _ => arg,
        })
    });
    for name in &names {
        let Some(text) = texts.command(name) else {
            continue;
        };
        command = command.mut_subcommand(name, |sub| page(sub, text, texts, lang, false));
    }
    command
}

/// One command with its page's texts.
fn page(
    mut command: Command,
    page: &Page,
    texts: &'static Texts,
    lang: Lang,
    top: bool,
) -> Command {
    let Headings {
        usage,
        arguments,
        options,
        ..
    } = texts.headings;
    command = command.about(page.about).long_about(some(page.long_about));
    command = if top {
        command.after_help(some(page.after))
    } else {
        command.after_long_help(some(page.after))
    };
    let mut manual = !page.long_about.is_empty() || (!top && !page.after.is_empty());
    manual |= command.get_arguments().any(|arg| {
        let values = arg.get_possible_values();
        texts
            .arg(page, arg.get_id().as_str())
            .is_some_and(|help| !help.long.is_empty())
            || values.iter().any(shows_help)
            || find(texts.values, arg.get_id().as_str()).is_some()
    });
    command = command.mut_args(|arg| {
        let id = arg.get_id().to_string();
        let heading = if arg.is_positional() {
            arguments
        } else {
            options
        };
        let mut arg = arg.help_heading(heading);
        if let Some(help) = texts.arg(page, &id) {
            arg = arg.help(help.short).long_help(some(help.long));
        }
        let arg = match (id.as_str(), find(texts.values, &id)) {
            ("format", Some(values)) => with_values::<hattama::report::Format>(arg, values),
            ("fail_level", Some(values)) => with_values::<hattama::config::FailLevel>(arg, values),
            _ => arg,
        };
        match (lang, texts.arg(page, &id)) {
            (Lang::En, _) | (_, None) => arg,
            (_, Some(help)) => with_specs(arg, help, &texts.specs, manual),
        }
    });
    let (help, long) = if manual {
        (texts.flags.help_summary, Some(texts.flags.help_manual))
    } else {
        (texts.flags.help, None)
    };
    let style = command.get_styles().get_usage();
    let template = format!(
        "{{before-help}}{{about-with-newline}}\n{}{usage}:{} {{usage}}\n\n{{all-args}}{{after-help}}",
        style.render(),
        style.render_reset()
    );
    command.help_template(template).disable_help_flag(true).arg(
        Arg::new("help")
            .short('h')
            .long("help")
            .action(ArgAction::Help)
            .help(help)
            .long_help(long)
            .help_heading(options),
    )
}

/// The argument with its default and possible values written after its help with the words of
/// `specs`, instead of clap's English, as clap lays them out: inline in the summary; in the
/// manual (when the command has one), the values with help as a list, then the rest one a line.
fn with_specs(arg: Arg, help: &Help, specs: &Specs, manual: bool) -> Arg {
    if !arg.get_action().takes_values() {
        return arg;
    }
    let defaults: Vec<String> = arg
        .get_default_values()
        .iter()
        .map(|value| value.to_string_lossy().into_owned())
        .map(|value| {
            if value.contains(char::is_whitespace) {
                format!("{value:?}")
            } else {
                value
            }
        })
        .collect();
    let values: Vec<PossibleValue> = arg
        .get_possible_values()
        .into_iter()
        .filter(|value| !value.is_hide_set())
        .collect();
    if defaults.is_empty() && values.is_empty() {
        return arg;
    }
    let default =
        (!defaults.is_empty()).then(|| format!("[{}: {}]", specs.default, defaults.join(" ")));
    let names: Vec<&str> = values.iter().map(PossibleValue::get_name).collect();
    let inline = (!values.is_empty()).then(|| format!("[{}: {}]", specs.values, names.join(", ")));
    let summary: Vec<&str> = default.iter().chain(&inline).map(String::as_str).collect();
    let short = format!("{} {}", help.short, summary.join(" "));
    if !manual {
        return arg
            .help(short)
            .hide_default_value(true)
            .hide_possible_values(true);
    }
    let mut long = some(help.long).unwrap_or(help.short).to_string();
    let listed = values.iter().any(shows_help);
    if listed {
        let width = names
            .iter()
            .map(|name| name.chars().count())
            .max()
            .unwrap_or(0);
        long.push_str(&format!("\n\n{}:", specs.values_heading));
        for value in &values {
            let name = value.get_name();
            match value.get_help() {
                Some(text) => {
                    let padding = width - name.chars().count();
                    long.push_str(&format!("\n- {name}: {:padding$}{text}", ""));
                }
                None => long.push_str(&format!("\n- {name}")),
            }
        }
    }
    let rest: Vec<&str> = default
        .iter()
        .chain(inline.iter().filter(|_| !listed))
        .map(String::as_str)
        .collect();
    if !rest.is_empty() {
        long.push_str("\n\n");
        long.push_str(&rest.join("\n"));
    }
    arg.help(short)
        .long_help(long)
        .hide_default_value(true)
        .hide_possible_values(true)
}

/// A value clap lists with its help in the manual.
fn shows_help(value: &PossibleValue) -> bool {
    !value.is_hide_set() && value.get_help().is_some()
}

/// The argument with the values of `T`, each with its help in `values` where there is one.
fn with_values<T: Choice>(arg: Arg, values: &'static [(&'static str, &'static str)]) -> Arg {
    let possible = T::all().iter().map(|value| {
        let name = value.name();
        match find(values, name) {
            Some(help) => PossibleValue::new(name).help(*help),
            None => PossibleValue::new(name),
        }
    });
    arg.value_parser(PossibleValuesParser::new(possible).map(|name| T::named(&name)))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The command as cli.rs defines it, in `lang`, built so that every argument is in place.
    fn built(lang: Lang) -> Command {
        let mut command = crate::cli::command(lang);
        command.build();
        command
    }

    #[test]
    fn every_text_exists_in_every_language() {
        let english = built(Lang::En);
        for lang in Lang::ALL {
            let texts = texts(lang);
            for (text, what) in [
                (texts.headings.usage, "usage"),
                (texts.headings.arguments, "arguments"),
                (texts.headings.options, "options"),
                (texts.headings.commands, "commands"),
                (texts.flags.help, "help"),
                (texts.flags.help_summary, "help summary"),
                (texts.flags.help_manual, "help manual"),
                (texts.flags.version, "version"),
                (texts.specs.default, "default"),
                (texts.specs.values, "values"),
                (texts.specs.values_heading, "values heading"),
                (texts.hattama.about, "about"),
                (texts.hattama.after, "after"),
            ] {
                assert!(!text.trim().is_empty(), "{lang}: {what}");
            }
            let command = built(lang);
            for (sub, english_sub) in command.get_subcommands().zip(english.get_subcommands()) {
                let name = sub.get_name();
                let page = texts
                    .command(name)
                    .unwrap_or_else(|| panic!("{lang}: no page for {name}"));
                assert!(!page.about.trim().is_empty(), "{lang}: {name}");
                assert!(
                    !page.about.ends_with('.'),
                    "{lang}: {name}: one line, no full stop"
                );
                let english_page = en::TEXTS.command(name).unwrap();
                assert_eq!(
                    page.long_about.is_empty(),
                    english_page.long_about.is_empty(),
                    "{lang}: {name}: manual"
                );
                assert_eq!(
                    page.after.is_empty(),
                    english_page.after.is_empty(),
                    "{lang}: {name}: examples"
                );
                for (arg, english_arg) in sub.get_arguments().zip(english_sub.get_arguments()) {
                    let id = arg.get_id().as_str();
                    let help = arg.get_help().map(ToString::to_string).unwrap_or_default();
                    assert!(!help.trim().is_empty(), "{lang}: {name} {id}");
                    if id != "help" {
                        let text = texts.arg(page, id).unwrap();
                        let english_text = en::TEXTS.arg(english_page, id).unwrap();
                        assert!(!text.short.ends_with('.'), "{lang}: {name} {id}: full stop");
                        assert_eq!(
                            text.long.is_empty(),
                            english_text.long.is_empty(),
                            "{lang}: {name} {id}: long help"
                        );
                    }
                    for (value, english_value) in arg
                        .get_possible_values()
                        .iter()
                        .zip(english_arg.get_possible_values())
                    {
                        assert_eq!(
                            value.get_help().is_some(),
                            english_value.get_help().is_some(),
                            "{lang}: {name} {id} {}",
                            value.get_name()
                        );
                    }
                }
            }
            // No text for a command or argument that does not exist.
            for (name, page) in texts.commands {
                let sub = command
                    .find_subcommand(name)
                    .unwrap_or_else(|| panic!("{lang}: no command {name}"));
                for (id, _) in page.args {
                    assert!(
                        sub.get_arguments().any(|arg| arg.get_id() == id),
                        "{lang}: {name} has no argument {id}"
                    );
                }
            }
        }
    }

    #[test]
    fn the_languages_have_the_same_texts() {
        let keys = |texts: &Texts| {
            let mut keys: Vec<String> = texts.args.iter().map(|(id, _)| id.to_string()).collect();
            for (name, page) in texts.commands {
                keys.push(name.to_string());
                keys.extend(page.args.iter().map(|(id, _)| format!("{name} {id}")));
            }
            keys
        };
        let english = keys(&en::TEXTS);
        assert_eq!(keys(&kk::TEXTS), english);
        assert_eq!(keys(&ru::TEXTS), english);
        assert_eq!(kk::TEXTS.values.len(), ru::TEXTS.values.len());
    }
}
