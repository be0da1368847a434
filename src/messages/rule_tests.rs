//! `hattama test-rules`: the lines of its report, what is wrong with an expect comment, and why
//! a run cannot start.

use super::{pick, plural};
use crate::lang::Lang;

/// The words of a `hattama test-rules` report.
pub struct RuleTestLabels {
    pub missed: &'static str,
    pub unexpected: &'static str,
    pub bad_comment: &'static str,
    pub anywhere: &'static str,
}

pub fn labels(lang: Lang) -> RuleTestLabels {
    match lang {
        Lang::Kk => RuleTestLabels {
            missed: "табылмады",
            unexpected: "күтілмеген",
            bad_comment: "expect түсініктемесі қате",
            anywhere: "файлдың кез келген жерінде",
        },
        Lang::Ru => RuleTestLabels {
            missed: "не найдено",
            unexpected: "лишнее",
            bad_comment: "ошибка в комментарии expect",
            anywhere: "в любом месте файла",
        },
        Lang::En => RuleTestLabels {
            missed: "missed",
            unexpected: "unexpected",
            bad_comment: "bad expect comment",
            anywhere: "anywhere in the file",
        },
    }
}

/// The closing line of `hattama test-rules`; `wrong` is missed, unexpected, bad comments.
pub fn summary(lang: Lang, files: usize, expected: usize, wrong: [usize; 3]) -> String {
    let [missed, unexpected, bad] = wrong;
    let passed = missed + unexpected + bad == 0;
    match (lang, passed) {
        (Lang::Kk, true) => {
            format!("{files} файл тексерілді, {expected} ескерту күтілді: бәрі табылды, артығы жоқ")
        }
        (Lang::Kk, false) => format!(
            "{files} файл тексерілді, {expected} ескерту күтілді: табылмағаны — {missed}, күтілмегені — {unexpected}, қате түсініктемелер — {bad}"
        ),
        (Lang::Ru, _) => {
            // «ожидалось» and «проверено» agree with every number of these nouns.
            let head = format!(
                "Проверено {files} {}, ожидалось {expected} {}",
                plural(lang, files, ["файл", "файла", "файлов"]),
                plural(lang, expected, ["замечание", "замечания", "замечаний"]),
            );
            if passed {
                format!("{head}: все найдены, лишних нет")
            } else {
                format!(
                    "{head}: не найдено — {missed}, лишних — {unexpected}, ошибок в комментариях — {bad}"
                )
            }
        }
        (Lang::En, true) => format!(
            "{files} {}, {expected} expected {}: all found, nothing unexpected",
            plural(lang, files, ["file", "files", ""]),
            plural(lang, expected, ["finding", "findings", ""]),
        ),
        (Lang::En, false) => format!(
            "{files} {}, {expected} expected {}: {missed} missed, {unexpected} unexpected, {bad} bad {}",
            plural(lang, files, ["file", "files", ""]),
            plural(lang, expected, ["finding", "findings", ""]),
            plural(lang, bad, ["comment", "comments", ""]),
        ),
    }
}

/// An expect comment that is not closed on its line.
pub fn unclosed(lang: Lang) -> String {
    pick(
        lang,
        "expect түсініктемесі өз жолында жабылуы керек".into(),
        "комментарий expect должен закрываться на той же строке".into(),
        "an expect comment must end on its line".into(),
    )
}

/// An expect comment with text after it on its line.
pub fn not_at_end(lang: Lang) -> String {
    pick(
        lang,
        "expect түсініктемесі жолдың соңында тұруы керек".into(),
        "комментарий expect должен стоять в конце строки".into(),
        "an expect comment must end its line".into(),
    )
}

pub fn not_understood(lang: Lang, body: &str) -> String {
    pick(
        lang,
        format!("`{body}` түсініксіз: `expect: ЕРЕЖЕ` немесе `expect-file: ЕРЕЖЕ` деп жазыңыз"),
        format!("`{body}` не распознано: пишите `expect: ПРАВИЛО` или `expect-file: ПРАВИЛО`"),
        format!("`{body}` is not understood: write `expect: RULE` or `expect-file: RULE`"),
    )
}

pub fn names_no_rule(lang: Lang, body: &str) -> String {
    pick(
        lang,
        format!("`{body}` ішінде бірде-бір ереже аталмаған"),
        format!("в `{body}` не указано ни одного правила"),
        format!("`{body}` names no rule"),
    )
}

pub fn unknown_rule(lang: Lang, name: &str) -> String {
    pick(
        lang,
        format!("жүктелген жинақтарда `{name}` ережесі жоқ"),
        format!("в загруженных наборах нет правила `{name}`"),
        format!("no rule `{name}` in the loaded packs"),
    )
}

pub fn no_line_follows(lang: Lang, rule: &str) -> String {
    pick(
        lang,
        format!("{rule} ережесіне арналған expect түсініктемесінен кейін бірде-бір жол жоқ"),
        format!("после комментария expect для {rule} нет ни одной строки"),
        format!("no line follows the expect comment for {rule}"),
    )
}

/// An audit fixture's `expect.yaml` that cannot be read; `reason` is in `lang` already.
pub fn expect_unreadable(lang: Lang, reason: &str) -> String {
    pick(
        lang,
        format!("expect.yaml файлы оқылмады: {reason}"),
        format!("не удалось прочитать expect.yaml: {reason}"),
        format!("expect.yaml could not be read: {reason}"),
    )
}

/// An `expect.yaml` whose content is wrong; `reason` is in `lang` already.
pub fn expect_invalid(lang: Lang, reason: &str) -> String {
    pick(
        lang,
        format!("expect.yaml файлында қате бар: {reason}"),
        format!("ошибка в expect.yaml: {reason}"),
        format!("expect.yaml is wrong: {reason}"),
    )
}

pub fn missing(lang: Lang, path: &str) -> String {
    pick(
        lang,
        format!("{path}: мұндай файл не қалта жоқ"),
        format!("{path}: нет такого файла или папки"),
        format!("{path}: no such file or folder"),
    )
}

pub fn empty(lang: Lang, path: &str) -> String {
    pick(
        lang,
        format!("{path}: тексеретін құжат жоқ (.md, .markdown, .txt)"),
        format!("{path}: нет документов для проверки (.md, .markdown, .txt)"),
        format!("{path}: no documents (.md, .markdown, .txt) to test"),
    )
}
