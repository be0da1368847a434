//! Dates as the secretaries write them, in Russian and Kazakh: the five usual ways
//! (`12.03.2026`, `2026-03-12`, `12 марта 2026 г.`, `2026 жылғы 12 наурыз`, `12 наурыз 2026 ж.`)
//! and the case forms deadlines and references need ("30 сәуірге дейін", "28 қаңтардағы").

use chrono::{Datelike, Duration, NaiveDate};

const RU_GENITIVE: [&str; 12] = [
    "января",
    "февраля",
    "марта",
    "апреля",
    "мая",
    "июня",
    "июля",
    "августа",
    "сентября",
    "октября",
    "ноября",
    "декабря",
];
const RU_NOMINATIVE: [&str; 12] = [
    "январь",
    "февраль",
    "март",
    "апрель",
    "май",
    "июнь",
    "июль",
    "август",
    "сентябрь",
    "октябрь",
    "ноябрь",
    "декабрь",
];
const KK_NOMINATIVE: [&str; 12] = [
    "қаңтар",
    "ақпан",
    "наурыз",
    "сәуір",
    "мамыр",
    "маусым",
    "шілде",
    "тамыз",
    "қыркүйек",
    "қазан",
    "қараша",
    "желтоқсан",
];
/// "до" in Kazakh: the dative before "дейін".
const KK_DATIVE: [&str; 12] = [
    "қаңтарға",
    "ақпанға",
    "наурызға",
    "сәуірге",
    "мамырға",
    "маусымға",
    "шілдеге",
    "тамызға",
    "қыркүйекке",
    "қазанға",
    "қарашаға",
    "желтоқсанға",
];
/// "of (date)": the locative with -ғы/-гі, as in "28 қаңтардағы № 1" before a protocol number.
const KK_LOCATIVE: [&str; 12] = [
    "қаңтардағы",
    "ақпандағы",
    "наурыздағы",
    "сәуірдегі",
    "мамырдағы",
    "маусымдағы",
    "шілдедегі",
    "тамыздағы",
    "қыркүйектегі",
    "қазандағы",
    "қарашадағы",
    "желтоқсандағы",
];
const ROMAN: [&str; 4] = ["I", "II", "III", "IV"];
/// Kazakh documents write quarter numerals with the Cyrillic І.
const ROMAN_KK: [&str; 4] = ["І", "ІІ", "ІІІ", "ІV"];

fn m(date: NaiveDate) -> usize {
    date.month0() as usize
}

pub fn ru_month(month: u32) -> &'static str {
    RU_NOMINATIVE[(month as usize + 11) % 12]
}

pub fn kk_month(month: u32) -> &'static str {
    KK_NOMINATIVE[(month as usize + 11) % 12]
}

pub fn capitalize(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// `25.03.2026`
pub fn dmy(date: NaiveDate) -> String {
    date.format("%d.%m.%Y").to_string()
}

/// `2026-03-25`
pub fn iso(date: NaiveDate) -> String {
    date.format("%Y-%m-%d").to_string()
}

/// `25 марта 2026`
pub fn ru_words(date: NaiveDate) -> String {
    format!("{} {} {}", date.day(), RU_GENITIVE[m(date)], date.year())
}

/// `«25» марта 2026`
pub fn ru_quoted(date: NaiveDate) -> String {
    format!("«{}» {} {}", date.day(), RU_GENITIVE[m(date)], date.year())
}

/// `2026 жылғы 22 сәуір`
pub fn kk_words(date: NaiveDate) -> String {
    format!(
        "{} жылғы {} {}",
        date.year(),
        date.day(),
        KK_NOMINATIVE[m(date)]
    )
}

/// `22 сәуір 2026 ж.`
pub fn kk_short(date: NaiveDate) -> String {
    format!(
        "{} {} {} ж.",
        date.day(),
        KK_NOMINATIVE[m(date)],
        date.year()
    )
}

/// `2026 жылғы 30 сәуірге дейін`
pub fn kk_until(date: NaiveDate) -> String {
    format!(
        "{} жылғы {} {} дейін",
        date.year(),
        date.day(),
        KK_DATIVE[m(date)]
    )
}

/// `2026 жылғы 28 қаңтардағы`
pub fn kk_of(date: NaiveDate) -> String {
    format!(
        "{} жылғы {} {}",
        date.year(),
        date.day(),
        KK_LOCATIVE[m(date)]
    )
}

pub fn last_of_month(year: i32, month: u32) -> NaiveDate {
    let (ny, nm) = if month == 12 {
        (year + 1, 1)
    } else {
        (year, month + 1)
    };
    first_of(ny, nm) - Duration::days(1)
}

pub fn first_of(year: i32, month: u32) -> NaiveDate {
    // Months and years here come from valid dates, so the first of the month always exists.
    NaiveDate::from_ymd_opt(year, month, 1).unwrap_or(NaiveDate::MIN)
}

pub fn ymd(year: i32, month: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(year, month, day).unwrap_or_else(|| last_of_month(year, month))
}

pub fn days_in_month(year: i32, month: u32) -> u32 {
    last_of_month(year, month).day()
}

pub fn quarter_of(date: NaiveDate) -> u32 {
    date.month0() / 3 + 1
}

pub fn end_of_quarter(year: i32, quarter: u32) -> NaiveDate {
    last_of_month(year, quarter * 3)
}

pub fn ru_quarter(quarter: u32) -> &'static str {
    ROMAN[(quarter as usize + 3) % 4]
}

pub fn kk_quarter(quarter: u32) -> &'static str {
    ROMAN_KK[(quarter as usize + 3) % 4]
}

/// Months between two dates, counting both ends (`Jan..Mar` is 3).
pub fn month_index(date: NaiveDate) -> i32 {
    date.year() * 12 + date.month0() as i32
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn forms() {
        let d = ymd(2026, 4, 30);
        assert_eq!(dmy(d), "30.04.2026");
        assert_eq!(kk_until(d), "2026 жылғы 30 сәуірге дейін");
        assert_eq!(kk_of(ymd(2026, 1, 28)), "2026 жылғы 28 қаңтардағы");
        assert_eq!(ru_words(ymd(2026, 3, 5)), "5 марта 2026");
        assert_eq!(last_of_month(2024, 2), ymd(2024, 2, 29));
        assert_eq!(end_of_quarter(2026, 2), ymd(2026, 6, 30));
    }
}
