//! What is wrong with a YAML or JSON file hattama reads (`hattama.yml`, a baseline), as
//! `serde_error` reads it out of the library's message; and the operating system's reasons a
//! file cannot be read or written.

use super::pick;
use crate::lang::Lang;

/// `a`, `b`, `c`: names as written in the file.
fn names(list: &[String]) -> String {
    list.iter()
        .map(|name| format!("`{name}`"))
        .collect::<Vec<_>>()
        .join(", ")
}

pub fn unknown_key(lang: Lang, key: &str, known: &[String], meant: Option<&str>) -> String {
    match (meant, known.is_empty()) {
        (Some(meant), _) => pick(
            lang,
            format!("`{key}` кілті белгісіз (`{meant}` деп жазбақ болдыңыз ба?)"),
            format!("неизвестный ключ `{key}` (возможно, имелся в виду `{meant}`?)"),
            format!("unknown key `{key}` (did you mean `{meant}`?)"),
        ),
        (None, true) => pick(
            lang,
            format!("`{key}` кілті белгісіз: мұнда кілттер болмайды"),
            format!("неизвестный ключ `{key}`: здесь ключей не бывает"),
            format!("unknown key `{key}`: there are no keys here"),
        ),
        (None, false) => {
            let known = names(known);
            pick(
                lang,
                format!("`{key}` кілті белгісіз (мүмкін кілттер: {known})"),
                format!("неизвестный ключ `{key}` (допустимые ключи: {known})"),
                format!("unknown key `{key}` (the keys are {known})"),
            )
        }
    }
}

pub fn unknown_value(lang: Lang, value: &str, allowed: &[String], meant: Option<&str>) -> String {
    let allowed = names(allowed);
    let mut text = pick(
        lang,
        format!("`{value}` мәні жарамсыз; мүмкін мәндер: {allowed}"),
        format!("недопустимое значение `{value}`; допустимы: {allowed}"),
        format!("`{value}` is not allowed here; the values are {allowed}"),
    );
    if let Some(meant) = meant {
        text.push_str(&pick(
            lang,
            format!(" (`{meant}` деп жазбақ болдыңыз ба?)"),
            format!(" (возможно, имелось в виду `{meant}`?)"),
            format!(" (did you mean `{meant}`?)"),
        ));
    }
    text
}

/// `found` and `expected` as `found` and `expected` below put them.
pub fn wrong_value(lang: Lang, found: &str, expected: &str) -> String {
    pick(
        lang,
        format!("мұнда {expected} керек, ал жазылғаны: {found}"),
        format!("здесь нужно указать {expected}, а записано: {found}"),
        format!("expected {expected}, found {found}"),
    )
}

pub fn missing_key(lang: Lang, key: &str) -> String {
    pick(
        lang,
        format!("міндетті `{key}` кілті жоқ"),
        format!("нет обязательного ключа `{key}`"),
        format!("the key `{key}` is missing"),
    )
}

pub fn duplicate_key(lang: Lang, key: &str) -> String {
    pick(
        lang,
        format!("`{key}` кілті екі рет жазылған"),
        format!("ключ `{key}` указан дважды"),
        format!("the key `{key}` is given twice"),
    )
}

/// What serde says was written (`integer \`5\``, `string "x"`, `sequence`, …), in `lang`.
pub fn found(lang: Lang, serde: &str) -> String {
    let value = |prefix: &str| serde.strip_prefix(prefix).map(str::to_string);
    if let Some(number) = value("integer ").or_else(|| value("floating point ")) {
        return pick(
            lang,
            format!("{number} саны"),
            format!("число {number}"),
            format!("the number {number}"),
        );
    }
    if let Some(text) = value("string ").or_else(|| value("character ")) {
        return pick(
            lang,
            format!("{text} мәтіні"),
            format!("текст {text}"),
            format!("the text {text}"),
        );
    }
    if let Some(flag) = value("boolean ") {
        return pick(
            lang,
            format!("{flag} мәні"),
            format!("значение {flag}"),
            format!("the value {flag}"),
        );
    }
    match serde {
        "sequence" => pick(lang, "тізім".into(), "список".into(), "a list".into()),
        "map" => pick(
            lang,
            "«кілт: мән» жұптары".into(),
            "набор пар «ключ: значение»".into(),
            "a mapping of keys to values".into(),
        ),
        "unit value" | "null" | "Option value" => pick(
            lang,
            "бос мән".into(),
            "пустое значение".into(),
            "an empty value".into(),
        ),
        other => other.to_string(),
    }
}

/// What serde says was expected (`a sequence`, `a nonzero usize`, `u32`, or what one of
/// hattama's own readers expects), in `lang`. A description not known here is kept.
pub fn expected(lang: Lang, serde: &str) -> String {
    let (kk, ru, en) = match serde {
        "a sequence" => ("тізім", "список", "a list"),
        "a map" | "the keys of hattama.yml" => (
            "«кілт: мән» жұптары",
            "набор пар «ключ: значение»",
            "a mapping of keys to values",
        ),
        s if s.starts_with("struct ") => (
            "«кілт: мән» жұптары",
            "набор пар «ключ: значение»",
            "a mapping of keys to values",
        ),
        "a string" | "a borrowed string" => ("мәтін", "текст", "text"),
        "a boolean" => ("true немесе false", "true или false", "true or false"),
        "a nonzero usize" | "a nonzero u32" | "a nonzero u64" => (
            "0-ден үлкен бүтін сан",
            "целое число больше 0",
            "a whole number above 0",
        ),
        "u8" | "u16" | "u32" | "u64" | "usize" => (
            "0 не одан үлкен бүтін сан",
            "целое число не меньше 0",
            "a whole number, 0 or more",
        ),
        "i8" | "i16" | "i32" | "i64" | "isize" => ("бүтін сан", "целое число", "a whole number"),
        "f32" | "f64" => ("сан", "число", "a number"),
        "a path glob" => ("жол үлгісі (glob)", "шаблон пути (glob)", "a path glob"),
        "a rule id" => ("ереже атауы", "идентификатор правила", "a rule id"),
        "a list of rule ids" => (
            "ереже атауларының тізімі",
            "список идентификаторов правил",
            "a list of rule ids",
        ),
        "rule ids with a severity" => (
            "маңыздылық деңгейі берілген ереже атаулары",
            "идентификаторы правил с уровнями важности",
            "rule ids with a severity",
        ),
        "rule ids with their parameters" => (
            "параметрлері берілген ереже атаулары",
            "идентификаторы правил с их параметрами",
            "rule ids with their parameters",
        ),
        "parameter names with their values" => (
            "мәндері берілген параметр атаулары",
            "имена параметров с их значениями",
            "parameter names with their values",
        ),
        "a parameter name" => ("параметр атауы", "имя параметра", "a parameter name"),
        other => (other, other, other),
    };
    pick(lang, kk.into(), ru.into(), en.into())
}

/// Why the operating system could not read or write a file, in `lang` where the reason is a
/// common one; otherwise as the system says it.
pub fn io_error(lang: Lang, error: &std::io::Error) -> String {
    use std::io::ErrorKind;
    let (kk, ru, en) = match error.kind() {
        ErrorKind::NotFound => (
            "мұндай файл не қалта жоқ",
            "нет такого файла или папки",
            "no such file or folder",
        ),
        ErrorKind::PermissionDenied => (
            "қол жеткізу құқығы жоқ",
            "нет прав доступа",
            "permission denied",
        ),
        ErrorKind::IsADirectory => ("бұл — қалта", "это папка", "it is a folder"),
        ErrorKind::NotADirectory => (
            "жолдың бір бөлігі қалта емес",
            "часть пути не является папкой",
            "a part of the path is not a folder",
        ),
        ErrorKind::StorageFull => ("дискіде орын жоқ", "на диске нет места", "the disk is full"),
        ErrorKind::ReadOnlyFilesystem => (
            "файлдық жүйе тек оқуға арналған",
            "файловая система доступна только для чтения",
            "the file system is read-only",
        ),
        // What `read_to_string` says of bytes that are not UTF-8 (a plain message, no payload).
        ErrorKind::InvalidData if error.get_ref().is_none() => (
            "файл UTF-8 мәтіні емес",
            "файл не является текстом в UTF-8",
            "the file is not UTF-8 text",
        ),
        // The system's own words (English) after a sentence in the language.
        _ => {
            return pick(
                lang,
                format!("операциялық жүйе қатесі: {error}"),
                format!("ошибка операционной системы: {error}"),
                format!("operating system error: {error}"),
            );
        }
    };
    pick(lang, kk.into(), ru.into(), en.into())
}

/// A link that leads back into a folder above it, which a walk would follow for ever.
pub fn folder_loop(lang: Lang, ancestor: &str) -> String {
    pick(
        lang,
        format!("сілтеме жоғарыдағы {ancestor} қалтасына қайта апарады (тұйық шеңбер): өткізілді"),
        format!("ссылка ведёт обратно в папку {ancestor} выше (замкнутый круг): пропущена"),
        format!("the link leads back to the folder {ancestor} above it (a loop): skipped"),
    )
}
