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

/// `hattama bench` could not find its own program to run `audit` with.
pub fn no_own_binary(lang: Lang) -> String {
    pick(
        lang,
        "hattama бағдарламасының өз файлы табылмады".into(),
        "не удалось найти исполняемый файл самой hattama".into(),
        "cannot find the hattama binary".into(),
    )
}

/// `hattama bench` failed on one corpus.
pub fn benchmark_failed(lang: Lang, dir: &str) -> String {
    pick(
        lang,
        format!("{dir} корпусындағы өлшеу сәтсіз аяқталды"),
        format!("замер на корпусе {dir} не удался"),
        format!("benchmark on {dir}"),
    )
}

/// A measurement `hattama bench` could not take (peak memory, where the system does not say).
pub fn not_available(lang: Lang) -> &'static str {
    match lang {
        Lang::Kk => "жоқ",
        Lang::Ru => "н/д",
        Lang::En => "n/a",
    }
}
