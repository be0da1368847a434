//! `hattama.yml`: what is wrong with it, and the comments `hattama config` prints.

use super::{GlobFault, ValueKind};
use crate::lang::Lang;
use crate::messages::pick;

pub fn unreadable(lang: Lang, path: &str, reason: &str) -> String {
    pick(
        lang,
        format!("{path}: файл оқылмады: {reason}"),
        format!("{path}: не удалось прочитать файл: {reason}"),
        format!("{path}: cannot read the file: {reason}"),
    )
}

/// A YAML syntax error, in the YAML library's (English) words.
pub fn not_yaml(lang: Lang, error: &str) -> String {
    pick(
        lang,
        format!("файл YAML ретінде оқылмайды: {error}"),
        format!("файл не читается как YAML: {error}"),
        format!("not valid YAML: {error}"),
    )
}

/// `[` or `{` nested deeper than `max` levels.
pub fn too_deep(lang: Lang, max: usize) -> String {
    pick(
        lang,
        format!("`[` және `{{` жақшалары {max} деңгейден терең салынған: файл оқылмады"),
        format!("скобки `[` и `{{` вложены глубже {max} уровней: файл не прочитан"),
        format!("`[` and `{{` are nested more than {max} levels deep: the file was not read"),
    )
}

pub fn no_such_rule(lang: Lang, name: &str, meant: Option<&str>) -> String {
    match meant {
        Some(meant) => pick(
            lang,
            format!(
                "жүктелген жинақтарда `{name}` ережесі жоқ (`{meant}` деп жазбақ болдыңыз ба?)"
            ),
            format!(
                "в загруженных наборах нет правила `{name}` (возможно, имелось в виду `{meant}`?)"
            ),
            format!("`{name}` is no rule of the loaded packs (did you mean `{meant}`?)"),
        ),
        None => pick(
            lang,
            format!(
                "жүктелген жинақтарда `{name}` ережесі жоқ (ережелер тізімін `hattama rules` көрсетеді)"
            ),
            format!(
                "в загруженных наборах нет правила `{name}` (список правил выводит `hattama rules`)"
            ),
            format!("`{name}` is no rule of the loaded packs (`hattama rules` lists them)"),
        ),
    }
}

pub fn no_rule_matches(lang: Lang, glob: &str) -> String {
    pick(
        lang,
        format!(
            "`{glob}` үлгісіне жүктелген жинақтардың бірде-бір ережесі сәйкес келмейді (ережелер тізімін `hattama rules` көрсетеді)"
        ),
        format!(
            "шаблону `{glob}` не соответствует ни одно правило загруженных наборов (список правил выводит `hattama rules`)"
        ),
        format!("`{glob}` matches no rule of the loaded packs (`hattama rules` lists them)"),
    )
}

pub fn bad_glob(lang: Lang, pattern: &str, fault: &GlobFault) -> String {
    let reason = match fault {
        GlobFault::UnclosedClass => pick(
            lang,
            "`[` жақшасы `]` жақшасымен жабылмаған".into(),
            "скобка `[` не закрыта скобкой `]`".into(),
            "a `[` is not closed by `]`".into(),
        ),
        GlobFault::InvalidRange(from, to) => pick(
            lang,
            format!("`{from}-{to}` аралығы кері ретпен берілген"),
            format!("диапазон `{from}-{to}` задан в обратном порядке"),
            format!("the range `{from}-{to}` runs backwards"),
        ),
        GlobFault::UnopenedAlternates => pick(
            lang,
            "`}` жақшасының алдында оны ашатын `{` жоқ".into(),
            "перед скобкой `}` нет открывающей `{`".into(),
            "a `}` has no `{` before it".into(),
        ),
        GlobFault::UnclosedAlternates => pick(
            lang,
            "`{` жақшасы `}` жақшасымен жабылмаған".into(),
            "скобка `{` не закрыта скобкой `}`".into(),
            "a `{` is not closed by `}`".into(),
        ),
        GlobFault::DanglingEscape => pick(
            lang,
            "үлгі `\\` белгісімен аяқталады".into(),
            "шаблон заканчивается на `\\`".into(),
            "the pattern ends in `\\`".into(),
        ),
        GlobFault::Other(reason) => reason.clone(),
    };
    pick(
        lang,
        format!("`{pattern}` — жарамсыз үлгі (glob): {reason}"),
        format!("`{pattern}` — неверный шаблон (glob): {reason}"),
        format!("`{pattern}` is not a valid glob: {reason}"),
    )
}

pub fn unknown_param(lang: Lang, rule: &str, param: &str, known: &[String]) -> String {
    if known.is_empty() {
        return pick(
            lang,
            format!("`{rule}` ережесінде `{param}` параметрі жоқ (оның параметрлері мүлде жоқ)"),
            format!("у правила `{rule}` нет параметра `{param}` (у него вообще нет параметров)"),
            format!("`{rule}` has no parameter `{param}` (it has none)"),
        );
    }
    let known = known.join(", ");
    pick(
        lang,
        format!("`{rule}` ережесінде `{param}` параметрі жоқ (бар параметрлері: {known})"),
        format!("у правила `{rule}` нет параметра `{param}` (есть: {known})"),
        format!("`{rule}` has no parameter `{param}` (it has: {known})"),
    )
}

pub fn param_kind(lang: Lang, rule: &str, param: &str, wanted: ValueKind) -> String {
    // Russian takes the instrumental case after «должен быть».
    let (kk, ru, en) = match wanted {
        ValueKind::Count => (
            "0 не одан үлкен бүтін сан",
            "целым числом не меньше 0",
            "a whole number, 0 or more",
        ),
        ValueKind::WholeNumber => ("бүтін сан", "целым числом", "a whole number"),
        ValueKind::Number => ("сан", "числом", "a number"),
        ValueKind::Text => ("мәтін", "текстом", "text"),
        ValueKind::Boolean => ("true немесе false", "true или false", "true or false"),
        ValueKind::List => ("тізім", "списком", "a list"),
        ValueKind::Mapping => (
            "«кілт: мән» жұптары",
            "набором пар «ключ: значение»",
            "a mapping",
        ),
    };
    pick(
        lang,
        format!("`{rule}` ережесінің `{param}` параметрі {kk} болуы керек"),
        format!("параметр `{param}` правила `{rule}` должен быть {ru}"),
        format!("`{param}` of `{rule}` must be {en}"),
    )
}

/// The pack does not compile with the file's `params`; `error` is the pack's (English) message.
pub fn with_params(lang: Lang, error: &str, file: &str) -> String {
    pick(
        lang,
        format!("{error} ({file} файлындағы `params` мәндерімен)"),
        format!("{error} (с учётом `params` из {file})"),
        format!("{error} (with the `params` of {file})"),
    )
}

/// The first comment of `hattama config`: the file the configuration comes from.
pub fn shown_from(lang: Lang, path: &str) -> String {
    pick(
        lang,
        format!("hattama-ның қолданыстағы баптауы, {path} файлынан"),
        format!("действующая конфигурация hattama, из {path}"),
        format!("hattama configuration in effect, from {path}"),
    )
}

pub fn shown_defaults(lang: Lang, name: &str, searched_from: &str) -> String {
    pick(
        lang,
        format!(
            "{name} {searched_from} қалтасында да, одан жоғары қалталарда да жоқ: әдепкі баптау"
        ),
        format!("{name} нет ни в {searched_from}, ни в папках выше: настройки по умолчанию"),
        format!("no {name} in {searched_from} or any folder above it: the defaults"),
    )
}

pub fn shown_skipped(lang: Lang) -> String {
    pick(
        lang,
        "--no-config: әдепкі баптау".into(),
        "--no-config: настройки по умолчанию".into(),
        "--no-config: the defaults".into(),
    )
}

pub fn shown_paths(lang: Lang) -> String {
    pick(
        lang,
        "`rules` жолдары толық; `ignore` үлгілері файл тұрған қалтаға қатысты".into(),
        "пути в `rules` абсолютные; шаблоны `ignore` — относительно папки файла".into(),
        "`rules` are absolute; `ignore` globs are relative to the file's folder".into(),
    )
}
