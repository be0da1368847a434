//! Baselines (`--baseline`, `--write-baseline`): what was hidden or written, and why a file
//! cannot be used.

use super::{pick, plural};
use crate::lang::Lang;

/// How many findings a baseline hid (printed on stderr, so the report stays the new findings).
pub fn hidden(lang: Lang, hidden: usize, file: &str) -> String {
    match lang {
        Lang::Kk => format!("{file} базалық файлы бойынша {hidden} ескерту жасырылды"),
        // «замечание» is neuter, so «скрыто» agrees with every number.
        Lang::Ru => format!(
            "Скрыто {hidden} {} из базового файла {file}",
            plural(lang, hidden, ["замечание", "замечания", "замечаний"])
        ),
        Lang::En => format!(
            "{hidden} {} hidden by the baseline {file}",
            plural(lang, hidden, ["finding", "findings", ""])
        ),
    }
}

/// Baseline entries that no finding matches any more.
pub fn stale(lang: Lang, stale: usize, file: &str) -> String {
    match lang {
        Lang::Kk => format!(
            "{file} базалық файлындағы {stale} жазбаға енді бірде-бір ескерту сәйкес келмейді; файлды --write-baseline арқылы қайта жазыңыз"
        ),
        Lang::Ru => format!(
            "{stale} {} базового файла {file} больше не {} ни одному замечанию; перезапишите его с --write-baseline",
            plural(lang, stale, ["запись", "записи", "записей"]),
            plural(
                lang,
                stale,
                ["соответствует", "соответствуют", "соответствуют"]
            ),
        ),
        Lang::En => format!(
            "Entries of the baseline {file} no longer found: {stale}; write it again with --write-baseline"
        ),
    }
}

/// The run's language is not the one the baseline was written in.
pub fn language(lang: Lang, file: &str, written: Lang) -> String {
    pick(
        lang,
        format!(
            "{file} базалық файлы --lang {written} тілінде жазылған: жолы жоқ ескертулер (бүкіл құжат туралы) тек сол тілде сәйкестендіріледі"
        ),
        format!(
            "Базовый файл {file} записан с --lang {written}: замечания без строки текста (о документе в целом) сопоставляются только на этом языке"
        ),
        format!(
            "The baseline {file} was written with --lang {written}: findings without a line of text (about a whole document) match only in that language"
        ),
    )
}

/// What `--write-baseline` wrote.
pub fn written(lang: Lang, entries: usize, file: &str) -> String {
    match lang {
        Lang::Kk => format!("{file} базалық файлына {entries} ескерту жазылды"),
        Lang::Ru => format!(
            "В базовый файл {file} записано {entries} {}",
            plural(lang, entries, ["замечание", "замечания", "замечаний"])
        ),
        Lang::En => format!(
            "Wrote {entries} {} to the baseline {file}",
            plural(lang, entries, ["finding", "findings", ""])
        ),
    }
}

pub fn unreadable(lang: Lang, path: &str, reason: &str) -> String {
    pick(
        lang,
        format!("{path}: базалық файл оқылмады: {reason}"),
        format!("{path}: не удалось прочитать базовый файл: {reason}"),
        format!("{path}: cannot read the baseline: {reason}"),
    )
}

pub fn unwritable(lang: Lang, path: &str, reason: &str) -> String {
    pick(
        lang,
        format!("{path}: базалық файлды жазу мүмкін болмады: {reason}"),
        format!("{path}: не удалось записать базовый файл: {reason}"),
        format!("{path}: cannot write the baseline: {reason}"),
    )
}

/// `place` is `path:line:column`.
pub fn malformed(lang: Lang, place: &str, reason: &str) -> String {
    pick(
        lang,
        format!("{place}: hattama базалық файлы қате: {reason}"),
        format!("{place}: неверный базовый файл hattama: {reason}"),
        format!("{place}: not a valid hattama baseline: {reason}"),
    )
}

pub fn version(lang: Lang, path: &str, found: u32, read: u32) -> String {
    pick(
        lang,
        format!(
            "{path}: базалық файлдың нұсқасы — {found}, ал hattama-ның бұл нұсқасы {read} нұсқасын оқиды; файлды --write-baseline арқылы қайта жазыңыз"
        ),
        format!(
            "{path}: версия базового файла — {found}, а эта версия hattama читает версию {read}; перезапишите его с --write-baseline"
        ),
        format!(
            "{path}: baseline version {found}, this hattama reads version {read}; write it again with --write-baseline"
        ),
    )
}

/// A JSON syntax error, from serde_json's (English) words.
pub fn json_syntax(lang: Lang, serde: &str) -> String {
    let (kk, ru, en) = match serde {
        "EOF while parsing a list" => (
            "файл тізімнің ішінде үзіліп қалған (`]` жетіспейді)",
            "файл обрывается внутри списка (не хватает `]`)",
            "the file ends inside a list (a `]` is missing)",
        ),
        "EOF while parsing an object" => (
            "файл объектінің ішінде үзіліп қалған (`}` жетіспейді)",
            "файл обрывается внутри объекта (не хватает `}`)",
            "the file ends inside an object (a `}` is missing)",
        ),
        "EOF while parsing a string" => (
            "файл мәтін жолының ішінде үзіліп қалған (`\"` жетіспейді)",
            "файл обрывается внутри строки (не хватает `\"`)",
            "the file ends inside a string (a `\"` is missing)",
        ),
        "EOF while parsing a value" => (
            "файл мән күтілген жерде үзіліп қалған",
            "файл обрывается там, где ожидается значение",
            "the file ends where a value is expected",
        ),
        "expected value" | "expected ident" => (
            "мұнда JSON мәні күтілген",
            "здесь ожидается значение JSON",
            "a JSON value is expected here",
        ),
        "expected `:`" => (
            "мұнда `:` күтілген",
            "здесь ожидается `:`",
            "a `:` is expected here",
        ),
        "expected `,` or `]`" => (
            "мұнда `,` немесе `]` күтілген",
            "здесь ожидается `,` или `]`",
            "a `,` or `]` is expected here",
        ),
        "expected `,` or `}`" => (
            "мұнда `,` немесе `}` күтілген",
            "здесь ожидается `,` или `}`",
            "a `,` or `}` is expected here",
        ),
        "key must be a string" => (
            "кілт қос тырнақшадағы мәтін болуы керек",
            "ключ должен быть строкой в двойных кавычках",
            "a key must be a string in double quotes",
        ),
        "trailing comma" => (
            "жабатын жақшаның алдында артық үтір тұр",
            "лишняя запятая перед закрывающей скобкой",
            "a comma before a closing bracket",
        ),
        "trailing characters" => (
            "JSON аяқталғаннан кейін артық мәтін бар",
            "после конца JSON есть лишний текст",
            "more text after the end of the JSON",
        ),
        "invalid number" => ("жарамсыз сан", "неверное число", "an invalid number"),
        "number out of range" => (
            "сан тым үлкен",
            "число слишком велико",
            "the number is too large",
        ),
        _ => {
            return pick(
                lang,
                format!("JSON қатесі: {serde}"),
                format!("ошибка JSON: {serde}"),
                format!("JSON error: {serde}"),
            );
        }
    };
    pick(lang, kk.into(), ru.into(), en.into())
}
