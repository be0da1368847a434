//! `--compare PREVIOUS.json`: why the earlier audit's report cannot be compared with.

use super::pick;
use crate::lang::Lang;

pub fn unreadable(lang: Lang, path: &str, reason: &str) -> String {
    pick(
        lang,
        format!("{path}: алдыңғы аудиттің есебі оқылмады: {reason}"),
        format!("{path}: не удалось прочитать отчёт прошлого аудита: {reason}"),
        format!("{path}: cannot read the earlier audit's report: {reason}"),
    )
}

/// `place` is `path:line:column`.
pub fn malformed(lang: Lang, place: &str, reason: &str) -> String {
    pick(
        lang,
        format!("{place}: hattama аудитінің JSON есебі қате: {reason}"),
        format!("{place}: неверный JSON-отчёт аудита hattama: {reason}"),
        format!("{place}: not a valid JSON report of a hattama audit: {reason}"),
    )
}

pub fn not_an_audit(lang: Lang, path: &str) -> String {
    pick(
        lang,
        format!(
            "{path}: бұл hattama audit … --format json есебі емес; салыстыру үшін өткен айдағы аудиттің JSON есебін көрсетіңіз"
        ),
        format!(
            "{path}: это не отчёт hattama audit … --format json; для сравнения укажите JSON-отчёт прошлого аудита"
        ),
        format!(
            "{path}: not the report of hattama audit … --format json; to compare, name the JSON report of the earlier audit"
        ),
    )
}

pub fn version(lang: Lang, path: &str, found: u32, read: u32) -> String {
    pick(
        lang,
        format!(
            "{path}: есептің нұсқасы — {found}, ал hattama-ның бұл нұсқасы {read} нұсқасын салыстырады; алдыңғы аудитті осы нұсқамен қайта жасаңыз"
        ),
        format!(
            "{path}: версия отчёта — {found}, а эта версия hattama сравнивает версию {read}; повторите прошлый аудит этой версией"
        ),
        format!(
            "{path}: report version {found}, this hattama compares version {read}; run the earlier audit again with it"
        ),
    )
}

/// The earlier report is in another language: findings about a whole document are matched by
/// their message.
pub fn language(lang: Lang, path: &str, written: Lang) -> String {
    pick(
        lang,
        format!(
            "{path}: есеп --lang {written} тілінде жазылған; сол тілде салыстырыңыз: --lang {written}"
        ),
        format!(
            "{path}: отчёт записан с --lang {written}; сравнивайте на том же языке: --lang {written}"
        ),
        format!(
            "{path}: the report was written with --lang {written}; compare in the same language: --lang {written}"
        ),
    )
}
