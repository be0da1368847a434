//! The command line's own words: bad option values, and the steps of a command that failed.

use super::pick;
use crate::lang::Lang;

/// `--lang xx`.
pub fn bad_language(lang: Lang, value: &str) -> String {
    pick(
        lang,
        format!("`{value}` тілі жоқ: kk, ru немесе en деп көрсетіңіз"),
        format!("языка `{value}` нет: укажите kk, ru или en"),
        format!("`{value}` is not kk, ru or en"),
    )
}

/// `--as-of 31.02.2026`.
pub fn bad_date(lang: Lang, value: &str) -> String {
    pick(
        lang,
        format!("`{value}` — 2026-11-30 немесе 30.11.2026 түріндегі күн емес"),
        format!("`{value}` — не дата вида 2026-11-30 или 30.11.2026"),
        format!("`{value}` is not a date like 2026-11-30"),
    )
}

/// The words of the command line's usage errors (clap's, said again in `lang`). Names of
/// arguments and values are given as typed, in '…', as clap gives them.
pub struct UsageWords {
    pub error: &'static str,
    pub tip: &'static str,
    pub possible_values: &'static str,
    pub commands: &'static str,
}

pub fn usage_words(lang: Lang) -> UsageWords {
    match lang {
        Lang::Kk => UsageWords {
            error: "қате",
            tip: "кеңес",
            possible_values: "мүмкін мәндер",
            commands: "командалар",
        },
        Lang::Ru => UsageWords {
            error: "ошибка",
            tip: "подсказка",
            possible_values: "допустимые значения",
            commands: "команды",
        },
        Lang::En => UsageWords {
            error: "error",
            tip: "tip",
            possible_values: "possible values",
            commands: "subcommands",
        },
    }
}

pub fn unexpected_argument(lang: Lang, arg: &str) -> String {
    pick(
        lang,
        format!("'{arg}' аргументі белгісіз"),
        format!("неизвестный аргумент '{arg}'"),
        format!("unexpected argument '{arg}' found"),
    )
}

pub fn unknown_command(lang: Lang, name: &str) -> String {
    pick(
        lang,
        format!("'{name}' командасы жоқ"),
        format!("команды '{name}' нет"),
        format!("unrecognized subcommand '{name}'"),
    )
}

pub fn invalid_value(lang: Lang, value: &str, arg: &str) -> String {
    pick(
        lang,
        format!("'{arg}' үшін '{value}' мәні жарамсыз"),
        format!("недопустимое значение '{value}' для '{arg}'"),
        format!("invalid value '{value}' for '{arg}'"),
    )
}

pub fn value_required(lang: Lang, arg: &str) -> String {
    pick(
        lang,
        format!("'{arg}' үшін мән керек, бірақ ол көрсетілмеген"),
        format!("для '{arg}' нужно значение, но оно не указано"),
        format!("a value is required for '{arg}' but none was supplied"),
    )
}

/// Followed by the arguments, one a line.
pub fn missing_required(lang: Lang) -> String {
    pick(
        lang,
        "міндетті аргументтер көрсетілмеген:".into(),
        "не указаны обязательные аргументы:".into(),
        "the following required arguments were not provided:".into(),
    )
}

/// `with` is the other argument, or none when clap does not say which.
pub fn conflict(lang: Lang, arg: &str, with: Option<&str>) -> String {
    match with {
        Some(with) => pick(
            lang,
            format!("'{arg}' аргументін '{with}' аргументімен бірге қолдануға болмайды"),
            format!("аргумент '{arg}' нельзя использовать вместе с '{with}'"),
            format!("the argument '{arg}' cannot be used with '{with}'"),
        ),
        None => pick(
            lang,
            format!("'{arg}' аргументін басқа көрсетілген аргументтермен бірге қолдануға болмайды"),
            format!("аргумент '{arg}' нельзя использовать вместе с другими указанными"),
            format!(
                "the argument '{arg}' cannot be used with one or more of the other specified arguments"
            ),
        ),
    }
}

pub fn used_twice(lang: Lang, arg: &str) -> String {
    pick(
        lang,
        format!("'{arg}' аргументін бірнеше рет көрсетуге болмайды"),
        format!("аргумент '{arg}' нельзя указывать несколько раз"),
        format!("the argument '{arg}' cannot be used multiple times"),
    )
}

pub fn too_many_values(lang: Lang, value: &str, arg: &str) -> String {
    pick(
        lang,
        format!("'{arg}' үшін '{value}' мәні артық: басқа мән күтілмеген"),
        format!("лишнее значение '{value}' для '{arg}': больше значений не ожидалось"),
        format!("unexpected value '{value}' for '{arg}' found; no more were expected"),
    )
}

pub fn no_equals(lang: Lang, arg: &str) -> String {
    pick(
        lang,
        format!("'{arg}' мәнін «=» белгісі арқылы беру керек"),
        format!("значение '{arg}' нужно указывать через «=»"),
        format!("equal sign is needed when assigning values to '{arg}'"),
    )
}

pub fn missing_command(lang: Lang, name: &str) -> String {
    pick(
        lang,
        format!("'{name}' үшін команда керек, бірақ ол көрсетілмеген"),
        format!("для '{name}' нужна команда, но она не указана"),
        format!("'{name}' requires a subcommand but one was not provided"),
    )
}

pub fn invalid_utf8(lang: Lang) -> String {
    pick(
        lang,
        "аргументтерде UTF-8 емес байттар бар".into(),
        "в аргументах есть байты не в UTF-8".into(),
        "invalid UTF-8 was detected in one or more arguments".into(),
    )
}

/// What a suggestion is of.
#[derive(Debug, Clone, Copy)]
pub enum Similar {
    Argument,
    Command,
    Value,
}

/// `names` are one or more, each already in '…'.
pub fn similar(lang: Lang, of: Similar, names: &str) -> String {
    let (kk, ru, en) = match of {
        Similar::Argument => (
            "ұқсас аргумент бар",
            "есть похожий аргумент",
            "a similar argument exists",
        ),
        Similar::Command => (
            "ұқсас команда бар",
            "есть похожая команда",
            "a similar subcommand exists",
        ),
        Similar::Value => (
            "ұқсас мән бар",
            "есть похожее значение",
            "a similar value exists",
        ),
    };
    format!("{}: {names}", pick(lang, kk.into(), ru.into(), en.into()))
}

/// `hattama check -- --x`: how to give a value that looks like an option.
pub fn pass_as_value(lang: Lang, value: &str, written: &str) -> String {
    pick(
        lang,
        format!("'{value}' мән ретінде берілсін десеңіз, '{written}' деп жазыңыз"),
        format!("чтобы передать '{value}' как значение, пишите '{written}'"),
        format!("to pass '{value}' as a value, use '{written}'"),
    )
}

pub fn more_information(lang: Lang, flag: &str) -> String {
    pick(
        lang,
        format!("Толығырақ: '{flag}'."),
        format!("Подробнее: '{flag}'."),
        format!("For more information, try '{flag}'."),
    )
}

/// A path given to check that does not exist or cannot be looked at.
pub fn named_missing(lang: Lang, path: &str, error: &std::io::Error) -> String {
    let reason = super::data::io_error(lang, error);
    pick(
        lang,
        format!("{path} тексерілмейді: {reason}"),
        format!("{path} нельзя проверить: {reason}"),
        format!("cannot check {path}: {reason}"),
    )
}

/// A path given to check that is a pipe, a device or a socket.
pub fn named_not_regular(lang: Lang, path: &str, kind: crate::read::FileKind) -> String {
    let reason = super::not_regular(lang, kind);
    pick(
        lang,
        format!("{path}: {reason}. Құжатты немесе қалтаны көрсетіңіз"),
        format!("{path}: {reason}. Укажите документ или папку"),
        format!("{path}: {reason}. Name a document or a folder"),
    )
}

/// `-o FILE` or `--write-baseline FILE` naming one of the documents being checked.
pub fn output_is_input(lang: Lang, option: &str, path: &str) -> String {
    pick(
        lang,
        format!(
            "{option} {path}: бұл файл тексерілетін құжаттардың бірі, оның үстіне жазылмайды. Басқа файлды көрсетіңіз"
        ),
        format!(
            "{option} {path}: этот файл — один из проверяемых документов, записывать поверх него нельзя. Укажите другой файл"
        ),
        format!(
            "{option} {path}: this file is one of the documents being checked and will not be overwritten. Name another file"
        ),
    )
}
