use super::*;
use hits::{scan_each, scan_together};
use regex::Regex;

/// The parser as the extraction calls it: on folded text (lower case, dashes and quotes
/// made one), its ranges mapped back to the text as written.
trait OnSource {
    fn find_dates_in(&self, text: &str, default: Option<i32>) -> Vec<FoundDate>;
    fn first_date_in(&self, text: &str, default: Option<i32>) -> Option<FoundDate>;
    fn first_period_in(&self, text: &str, default: Option<i32>) -> Option<FoundPeriod>;
}

impl OnSource for DateParser {
    fn find_dates_in(&self, text: &str, default: Option<i32>) -> Vec<FoundDate> {
        let folded = crate::parse::normalize::fold(text, 0);
        self.find_dates(&folded.text, default)
            .into_iter()
            .map(|found| FoundDate {
                range: folded.source_range(found.range.clone()),
                ..found
            })
            .collect()
    }

    fn first_date_in(&self, text: &str, default: Option<i32>) -> Option<FoundDate> {
        let folded = crate::parse::normalize::fold(text, 0);
        let found = self.first_date(&folded.text, default)?;
        Some(FoundDate {
            range: folded.source_range(found.range.clone()),
            ..found
        })
    }

    fn first_period_in(&self, text: &str, default: Option<i32>) -> Option<FoundPeriod> {
        let folded = crate::parse::normalize::fold(text, 0);
        let found = self.first_period(&folded.text, default)?;
        Some(FoundPeriod {
            range: folded.source_range(found.range.clone()),
            ..found
        })
    }
}

fn words() -> CalendarWords {
    let months: [&[&str]; 12] = [
        &["январ", "қаңтар"],
        &["феврал", "ақпан"],
        &["март", "наурыз"],
        &["апрел", "сәуір"],
        &["май", "мая", "мае", "маю", "маем", "мамыр"],
        &["июн", "маусым"],
        &["июл", "шілде"],
        &["август", "тамыз"],
        &["сентябр", "қыркүйек"],
        &["октябр", "қазан"],
        &["ноябр", "қараша"],
        &["декабр", "желтоқсан"],
    ];
    let owned = |l: &[&str]| l.iter().map(|s| s.to_string()).collect::<Vec<_>>();
    CalendarWords {
        months: months.iter().map(|m| owned(m)).collect(),
        quarter: owned(&["квартал", "тоқсан"]),
        half_year: owned(&["полугоди", "жартыжылдық", "жарты жыл"]),
        year: owned(&["года", "год", "г", "жылғы", "жыл", "ж"]),
        month_word: owned(&["месяц", "ай"]),
        range_from: owned(&["с", "со"]),
        range_to: owned(&["по"]),
        until: owned(&["дейін", "шейін"]),
        ablative_endings: owned(&["дан", "ден", "тан", "тен", "нан", "нен"]),
    }
}

fn parser() -> DateParser {
    match DateParser::new(&words()) {
        Ok(p) => p,
        Err(e) => panic!("test lexicon rejected: {e}"),
    }
}

fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("valid test date")
}

/// Asserts that `text` holds exactly one date, equal to `expected`, and that its range covers
/// `matched`.
fn assert_date(
    p: &DateParser,
    text: &str,
    default: Option<i32>,
    expected: NaiveDate,
    matched: &str,
) {
    let found = p.find_dates_in(text, default);
    assert_eq!(found.len(), 1, "{text:?}: {found:?}");
    assert_eq!(found[0].date, expected, "{text:?}");
    assert_eq!(&text[found[0].range.clone()], matched, "{text:?}");
}

fn assert_period(
    p: &DateParser,
    text: &str,
    default: Option<i32>,
    first: NaiveDate,
    last: NaiveDate,
    matched: &str,
) {
    let found = p.first_period_in(text, default);
    let Some(found) = found else {
        panic!("{text:?}: no period")
    };
    assert_eq!((found.first_day, found.last_day), (first, last), "{text:?}");
    assert_eq!(&text[found.range.clone()], matched, "{text:?}");
}

#[test]
fn numeric_dates() {
    let p = parser();
    let d = ymd(2026, 3, 12);
    for text in [
        "12.03.2026",
        "12.3.2026",
        "12.03.26",
        "12/03/2026",
        "2026-03-12",
        "2026.03.12",
        "12-03-2026",
        "2026/03/12",
    ] {
        assert_date(&p, text, None, d, text);
    }
    assert_date(&p, "от 12.03.2026 г. №5", None, d, "12.03.2026 г.");
    assert_date(&p, "12.03.2026ж.", None, d, "12.03.2026ж.");
    assert_date(&p, "1.2.2026", None, ymd(2026, 2, 1), "1.2.2026");
    assert!(!p.find_dates_in("12.03.2026", None)[0].year_inferred);
}

#[test]
fn russian_text_dates() {
    let p = parser();
    let d = ymd(2026, 3, 12);
    for text in [
        "12 марта 2026 г.",
        "12 марта 2026 года",
        "«12» марта 2026 года",
        "\"12\" марта 2026г.",
        "12-го марта 2026",
        "12 марта 2026",
        "“12” марта 2026 г.",
    ] {
        assert_date(&p, text, None, d, text);
    }
    assert_date(
        &p,
        "в срок до 12 марта 2026 года.",
        None,
        d,
        "12 марта 2026 года",
    );
}

#[test]
fn kazakh_text_dates() {
    let p = parser();
    let d = ymd(2026, 3, 12);
    for text in [
        "2026 жылғы 12 наурыз",
        "2026 жылғы «12» наурыздағы",
        "2026 ж. 12 наурызда",
        "12 наурыз 2026 ж.",
        "2026 жылғы 12-ші наурыз",
    ] {
        assert_date(&p, text, None, d, text);
    }
    assert_date(&p, "1-ші қазан", Some(2026), ymd(2026, 10, 1), "1-ші қазан");
    assert_date(
        &p,
        "2026 жылғы 30 сәуірге дейін",
        None,
        ymd(2026, 4, 30),
        "2026 жылғы 30 сәуірге",
    );
}

#[test]
fn year_from_default() {
    let p = parser();
    for (text, expected, matched) in [
        ("12 наурыздағы", ymd(2026, 3, 12), "12 наурыздағы"),
        ("до 25 февраля", ymd(2026, 2, 25), "25 февраля"),
        ("30 сәуірге дейін", ymd(2026, 4, 30), "30 сәуірге"),
        ("6 наурыздағы", ymd(2026, 3, 6), "6 наурыздағы"),
    ] {
        assert_date(&p, text, Some(2026), expected, matched);
        assert!(p.find_dates_in(text, Some(2026))[0].year_inferred);
        assert!(
            p.find_dates_in(text, None).is_empty(),
            "{text:?} without default year"
        );
    }
}

#[test]
fn may_in_all_its_forms() {
    let p = parser();
    for text in [
        "1 мая 2026 г.",
        "1 май 2026",
        "1 мае 2026",
        "2026 жылғы 1 мамыр",
        "1 мамырдан 2026",
    ] {
        let found = p.find_dates_in(text, None);
        assert_eq!(found.len(), 1, "{text:?}");
        assert_eq!(found[0].date, ymd(2026, 5, 1), "{text:?}");
    }
    // `март` must not be taken for May because both start with `ма`.
    assert_date(&p, "1 марта 2026", None, ymd(2026, 3, 1), "1 марта 2026");
    assert_period(
        &p,
        "в мае",
        Some(2026),
        ymd(2026, 5, 1),
        ymd(2026, 5, 31),
        "мае",
    );
}

#[test]
fn not_dates() {
    let p = parser();
    for text in [
        "12.03",
        "№ 12",
        "протокол № 12 марта",
        "10.30",
        "15:00",
        "в 10.30 часов",
        "110514500123",
        "2026",
        "31.02.2026",
        "30 февраля 2026 г.",
        "«___» ______ 20__ г.",
        "\"___\" ____ 20__ г. N ___",
        "99.99.99999",
        "00.00.0000",
        "32.01.2026",
        "12.13.2026",
        "1.1.12",
        "п. 2.2",
        "12 материалов",
        "",
        " ",
        "3 ай",
        "5 числа",
        "1.12.03.2026",
        "12.03.2026.5",
    ] {
        assert!(
            p.find_dates_in(text, Some(2026)).is_empty(),
            "{text:?}: {:?}",
            p.find_dates_in(text, Some(2026))
        );
    }
    assert_eq!(p.first_date_in("", Some(2026)), None);
}

#[test]
fn case_spacing_and_spelling_variants() {
    let p = parser();
    let d = ymd(2026, 3, 12);
    assert_date(&p, "12 МАРТА 2026 Г.", None, d, "12 МАРТА 2026 Г.");
    assert_date(
        &p,
        "12\u{a0}марта\u{a0}2026\u{a0}г.",
        None,
        d,
        "12\u{a0}марта\u{a0}2026\u{a0}г.",
    );
    // Latin `i` in a Kazakh word, as in old exports.
    assert_date(&p, "30 сәуiрге", Some(2026), ymd(2026, 4, 30), "30 сәуiрге");
    assert_date(&p, "2026 ЖЫЛҒЫ 12 НАУРЫЗ", None, d, "2026 ЖЫЛҒЫ 12 НАУРЫЗ");
}

#[test]
fn offsets_slice_back_to_the_text() {
    let p = parser();
    let text = "Отделу образования до 30.04.2026 представить информацию, \
                ЮП — до «15» мая 2026 г.; 2026 жылғы 22 сәуірдегі № 4 хаттаманың 2.3-тармағы.";
    let found = p.find_dates_in(text, None);
    let got: Vec<(&str, NaiveDate)> = found
        .iter()
        .map(|f| (&text[f.range.clone()], f.date))
        .collect();
    assert_eq!(
        got,
        vec![
            ("30.04.2026", ymd(2026, 4, 30)),
            ("«15» мая 2026 г.", ymd(2026, 5, 15)),
            ("2026 жылғы 22 сәуірдегі", ymd(2026, 4, 22)),
        ]
    );
    let first = p.first_date_in(text, None).expect("a date");
    assert_eq!(first, found[0]);
}

#[test]
fn mixed_sentences() {
    let p = parser();
    let text = "Отделу образования до 30.04.2026 представить информацию";
    assert_date(&p, text, None, ymd(2026, 4, 30), "30.04.2026");
    let text = "п. 2.2 протокола № 1 от 28.01.2026 снять с контроля";
    assert_date(&p, text, None, ymd(2026, 1, 28), "28.01.2026");
    let text = "Срок: до 1 февраля 2025 года, повторно 10.03.2025";
    let found = p.find_dates_in(text, None);
    assert_eq!(
        found.iter().map(|f| f.date).collect::<Vec<_>>(),
        vec![ymd(2025, 2, 1), ymd(2025, 3, 10)]
    );
    let text = "с 01.02.2026 по 28.02.2026 провести рейды в 15:00";
    assert_eq!(p.find_dates_in(text, None).len(), 2);
    let text = "период 12.03.2026-15.03.2026, затем 16.03.2026–20.03.2026";
    assert_eq!(p.find_dates_in(text, None).len(), 4);
    let text = "Заседание 12.03.26 в 10.30, № 12";
    assert_date(&p, text, None, ymd(2026, 3, 12), "12.03.26");
}

#[test]
fn quarters_and_half_years() {
    let p = parser();
    let (q1s, q1e) = (ymd(2026, 1, 1), ymd(2026, 3, 31));
    assert_period(&p, "I квартал 2026", None, q1s, q1e, "I квартал 2026");
    assert_period(&p, "1 квартал", Some(2026), q1s, q1e, "1 квартал");
    assert_period(&p, "І тоқсан", Some(2026), q1s, q1e, "І тоқсан");
    assert_period(
        &p,
        "в течение I квартала",
        Some(2026),
        q1s,
        q1e,
        "I квартала",
    );
    assert_period(&p, "1-тоқсан", Some(2026), q1s, q1e, "1-тоқсан");
    assert_period(
        &p,
        "1-й квартал 2026 г.",
        None,
        q1s,
        q1e,
        "1-й квартал 2026 г.",
    );
    assert_period(
        &p,
        "2-ші тоқсан",
        Some(2026),
        ymd(2026, 4, 1),
        ymd(2026, 6, 30),
        "2-ші тоқсан",
    );
    assert_period(
        &p,
        "II квартал",
        Some(2026),
        ymd(2026, 4, 1),
        ymd(2026, 6, 30),
        "II квартал",
    );
    assert_period(
        &p,
        "III квартал",
        Some(2026),
        ymd(2026, 7, 1),
        ymd(2026, 9, 30),
        "III квартал",
    );
    assert_period(
        &p,
        "IV квартал 2026 г.",
        None,
        ymd(2026, 10, 1),
        ymd(2026, 12, 31),
        "IV квартал 2026 г.",
    );
    assert_period(
        &p,
        "ІV тоқсан",
        Some(2026),
        ymd(2026, 10, 1),
        ymd(2026, 12, 31),
        "ІV тоқсан",
    );
    assert_period(
        &p,
        "2026 жылғы ІІ тоқсанда",
        None,
        ymd(2026, 4, 1),
        ymd(2026, 6, 30),
        "2026 жылғы ІІ тоқсанда",
    );
    assert_period(
        &p,
        "I-II кварталы",
        Some(2026),
        q1s,
        ymd(2026, 6, 30),
        "I-II кварталы",
    );
    assert_period(
        &p,
        "I полугодие 2026",
        None,
        q1s,
        ymd(2026, 6, 30),
        "I полугодие 2026",
    );
    assert_period(
        &p,
        "1-жартыжылдық",
        Some(2026),
        q1s,
        ymd(2026, 6, 30),
        "1-жартыжылдық",
    );
    assert_period(
        &p,
        "2-ші жарты жылдық",
        Some(2026),
        ymd(2026, 7, 1),
        ymd(2026, 12, 31),
        "2-ші жарты жылдық",
    );
    assert_period(
        &p,
        "во II полугодии",
        Some(2025),
        ymd(2025, 7, 1),
        ymd(2025, 12, 31),
        "II полугодии",
    );
    assert!(p.first_period_in("I квартал", None).is_none());
    assert!(p.first_period_in("5 квартал 2026", None).is_none());
    assert!(p.first_period_in("тоқсан сайын", Some(2026)).is_none());
    assert!(p.first_period_in("III полугодие 2026", None).is_none());
}

#[test]
fn months() {
    let p = parser();
    let (s, e) = (ymd(2026, 3, 1), ymd(2026, 3, 31));
    assert_period(&p, "март", Some(2026), s, e, "март");
    assert_period(&p, "в марте", Some(2026), s, e, "марте");
    assert_period(&p, "наурыз", Some(2026), s, e, "наурыз");
    assert_period(&p, "наурыз айы", Some(2026), s, e, "наурыз айы");
    assert_period(&p, "в марте месяце", Some(2026), s, e, "марте месяце");
    assert_period(&p, "март 2026 г.", None, s, e, "март 2026 г.");
    assert_period(&p, "2026 жылғы наурыз", None, s, e, "2026 жылғы наурыз");
    assert_period(
        &p,
        "февраль 2028",
        None,
        ymd(2028, 2, 1),
        ymd(2028, 2, 29),
        "февраль 2028",
    );
    assert_period(
        &p,
        "Октябрь, январь, апрель",
        Some(2026),
        ymd(2026, 10, 1),
        ymd(2026, 10, 31),
        "Октябрь",
    );
    assert!(p.first_period_in("март", None).is_none());
    for text in ["маусымдық жұмыс", "майские праздники", "мартовский пленум"]
    {
        assert_eq!(p.first_period_in(text, Some(2026)), None, "{text:?}");
    }
}

#[test]
fn month_ranges() {
    let p = parser();
    let (s, e) = (ymd(2026, 9, 1), ymd(2026, 12, 31));
    assert_period(&p, "сентябрь–декабрь", Some(2026), s, e, "сентябрь–декабрь");
    assert_period(
        &p,
        "сентябрь-декабрь 2026",
        None,
        s,
        e,
        "сентябрь-декабрь 2026",
    );
    assert_period(
        &p,
        "сентябрь — декабрь",
        Some(2026),
        s,
        e,
        "сентябрь — декабрь",
    );
    assert_period(
        &p,
        "қыркүйек-желтоқсан",
        Some(2026),
        s,
        e,
        "қыркүйек-желтоқсан",
    );
    assert_period(
        &p,
        "қыркүйек−желтоқсан айлары",
        Some(2026),
        s,
        e,
        "қыркүйек−желтоқсан айлары",
    );
    assert_period(
        &p,
        "с сентября по декабрь 2026 года",
        None,
        s,
        e,
        "с сентября по декабрь 2026 года",
    );
    assert_period(
        &p,
        "қыркүйектен желтоқсанға дейін",
        Some(2026),
        s,
        e,
        "қыркүйектен желтоқсанға дейін",
    );
    assert_period(
        &p,
        "2026 жылғы қыркүйек-желтоқсан",
        None,
        s,
        e,
        "2026 жылғы қыркүйек-желтоқсан",
    );
    // A school year crosses New Year.
    assert_period(
        &p,
        "сентябрь-май",
        Some(2025),
        ymd(2025, 9, 1),
        ymd(2026, 5, 31),
        "сентябрь-май",
    );
    assert_period(
        &p,
        "сентябрь-май 2026",
        None,
        ymd(2025, 9, 1),
        ymd(2026, 5, 31),
        "сентябрь-май 2026",
    );
    assert_period(
        &p,
        "сентябрь 2025 - май 2026",
        None,
        ymd(2025, 9, 1),
        ymd(2026, 5, 31),
        "сентябрь 2025 - май 2026",
    );
    assert!(
        p.first_period_in("сентябрь 2026 - май 2025", None)
            .is_none()
    );
}

#[test]
fn years() {
    let p = parser();
    let (s, e) = (ymd(2026, 1, 1), ymd(2026, 12, 31));
    assert_period(&p, "2026 год", None, s, e, "2026 год");
    assert_period(&p, "2026 жыл", None, s, e, "2026 жыл");
    assert_period(&p, "План на 2026 год", None, s, e, "2026 год");
    assert_period(&p, "2026 жылға", None, s, e, "2026 жылға");
    assert_period(&p, "в 2026 году", None, s, e, "2026 году");
    assert_period(&p, "2026г.", None, s, e, "2026г.");
    assert_period(
        &p,
        "на 2026-2028 годы",
        None,
        s,
        ymd(2028, 12, 31),
        "2026-2028 годы",
    );
    // A deadline cell holding only the year.
    assert_period(&p, " 2026 ", None, s, e, "2026");
    assert_period(&p, "2026–2027", None, s, ymd(2027, 12, 31), "2026–2027");
    assert!(p.first_period_in("выделено 2026 тенге", None).is_none());
    assert!(p.first_period_in("500 г сахара", None).is_none());
}

#[test]
fn dates_win_over_periods() {
    let p = parser();
    for text in [
        "12 марта 2026",
        "12 марта 2026 года",
        "2026 жылғы 12 наурыз",
        "12.03.2026 г.",
        "12 марта",
        "2026 жылғы 22 сәуірдегі № 4 хаттама",
        "31 февраля 2026 г.",
    ] {
        assert_eq!(p.first_period_in(text, Some(2026)), None, "{text:?}");
    }
    // The period after a date is still found.
    assert_period(
        &p,
        "от 12.03.2026: исполнить в I квартале",
        Some(2025),
        ymd(2025, 1, 1),
        ymd(2025, 3, 31),
        "I квартале",
    );
    assert_period(
        &p,
        "12 марта 2026 г., далее ежемесячно в течение 2027 года",
        None,
        ymd(2027, 1, 1),
        ymd(2027, 12, 31),
        "2027 года",
    );
    // A period whose year is unknown is skipped; a later one with a year is returned.
    assert_period(
        &p,
        "в марте и в апреле 2026",
        None,
        ymd(2026, 4, 1),
        ymd(2026, 4, 30),
        "апреле 2026",
    );
}

#[test]
fn public_patterns_have_no_groups_and_embed() {
    let p = parser();
    for pattern in [p.date_pattern(), p.period_pattern()] {
        let re = Regex::new(pattern).expect("public pattern compiles");
        assert_eq!(re.captures_len(), 1, "capture groups in {pattern}");
        // Rules compiled in verbose mode (`(?x)`) would drop whitespace and treat `#` as a
        // comment.
        assert!(!pattern.contains(|c: char| c.is_whitespace() || c == '#'));
    }
    let rule =
        Regex::new(&format!(r"(?i)до\s+(?P<deadline>{})", p.date_pattern())).expect("embeds");
    let caps = rule
        .captures("Представить ДО 30.04.2026 отчёт")
        .expect("rule matches");
    assert_eq!(
        caps.name("deadline").map(|m| m.as_str()),
        Some("30.04.2026")
    );
    let caps = rule.captures("до «15» мая 2026 г.").expect("rule matches");
    assert_eq!(
        caps.name("deadline").map(|m| m.as_str()),
        Some("«15» мая 2026 г.")
    );
    let rule = Regex::new(&format!(r"(?i)^(?:{})$", p.period_pattern())).expect("embeds");
    for text in [
        "I квартал 2026",
        "сентябрь–декабрь",
        "наурыз айы",
        "2026 жылға",
        "1-жартыжылдық",
    ] {
        assert!(rule.is_match(text), "{text:?}");
    }
}

#[test]
fn lexicon_errors() {
    let mut w = words();
    w.months.pop();
    assert!(DateParser::new(&w).is_err());
    let mut w = words();
    w.months[4] = vec!["ма[йяе]".to_string()];
    let err = DateParser::new(&w).err().expect("regex syntax rejected");
    assert!(err.to_string().contains("literal"), "{err}");
    let mut w = words();
    w.months[4] = vec!["ма".to_string()];
    assert!(DateParser::new(&w).is_err());
    let mut w = words();
    w.months[0].clear();
    assert!(DateParser::new(&w).is_err());
    let mut w = words();
    w.year = vec![String::new()];
    assert!(DateParser::new(&w).is_err());
    // Empty optional lists only switch their forms off.
    let mut w = words();
    w.quarter.clear();
    w.half_year.clear();
    w.year.clear();
    let p = DateParser::new(&w).expect("parser without optional words");
    assert!(p.first_period_in("I квартал 2026", None).is_none());
    assert_eq!(p.find_dates_in("12.03.2026", None).len(), 1);
    assert_eq!(p.find_dates_in("12 марта 2026", None).len(), 1);
}

#[test]
fn extreme_default_years_do_not_panic() {
    let p = parser();
    for year in [i32::MIN, -1, 0, 262_143, 262_144, i32::MAX] {
        let _ = p.find_dates_in("до 25 февраля, сентябрь-май, I квартал", Some(year));
        let _ = p.first_period_in("сентябрь-май", Some(year));
        let _ = p.first_period_in("I квартал", Some(year));
    }
}

/// A tiny deterministic generator, so the property loops need no extra crate and are
/// reproducible.
struct Lcg(u64);
impl Lcg {
    fn next(&mut self) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        self.0 >> 33
    }
    fn below(&mut self, n: usize) -> usize {
        usize::try_from(self.next()).unwrap_or(0) % n.max(1)
    }
}

/// A date that does not resolve (the 31st of June) still keeps a period off its text (June
/// 2026): the one scan for a date hands on its place.
#[test]
fn a_date_that_does_not_resolve_keeps_its_place_from_periods() {
    let p = parser();
    for text in [
        "31 июня 2026 г.",
        "срок: 31 июня 2026 г., затем февраль 2026 года",
    ] {
        let Err(places) = p.first_date_or_places(text, Some(2026)) else {
            panic!("{text:?} holds no date that resolves");
        };
        let period = p.first_period_besides(text, Some(2026), &places);
        assert_eq!(period, p.first_period(text, Some(2026)), "{text:?}");
        assert!(
            period
                .as_ref()
                .is_none_or(|found| found.range.start >= "срок: 31 июня 2026 г.".len()),
            "{text:?}: {period:?}"
        );
    }
}

fn check_invariants(p: &DateParser, text: &str, whole_date: &Regex, whole_period: &Regex) {
    // On folded text, as the extraction calls the parser and as the public patterns run.
    let folded = crate::parse::normalize::fold(text, 0).text;
    let text = folded.as_str();
    let found = p.find_dates(text, Some(2026));
    let mut last_end = 0;
    for f in &found {
        assert!(
            f.range.start >= last_end && f.range.start < f.range.end,
            "{text:?}: {found:?}"
        );
        let slice = text.get(f.range.clone()).expect("range on char boundaries");
        assert!(
            whole_date.is_match(slice),
            "{slice:?} from {text:?} not matched by date_pattern"
        );
        last_end = f.range.end;
    }
    assert_eq!(p.first_date(text, Some(2026)), found.first().cloned());
    // One scan for a date, or for the places a period must keep clear of, as two scans find.
    for year in [Some(2026), None] {
        match p.first_date_or_places(text, year) {
            Ok(date) => assert_eq!(Some(date), p.first_date(text, year), "{text:?}"),
            Err(places) => {
                assert_eq!(p.first_date(text, year), None, "{text:?}");
                assert_eq!(
                    p.first_period_besides(text, year, &places),
                    p.first_period(text, year),
                    "{text:?}"
                );
            }
        }
    }
    if let Some(period) = p.first_period(text, Some(2026)) {
        let slice = text
            .get(period.range.clone())
            .expect("range on char boundaries");
        assert!(period.first_day <= period.last_day);
        assert!(
            whole_period.is_match(slice) || p.bare_year(text).is_some(),
            "{slice:?} from {text:?} not matched by period_pattern"
        );
        assert!(
            !found
                .iter()
                .any(|d| d.range.start < period.range.end && period.range.start < d.range.end)
        );
    }
}

#[test]
fn random_strings_never_panic() {
    let p = parser();
    let whole_date = Regex::new(&format!("^(?:{})$", p.date_pattern())).expect("compiles");
    let whole_period = Regex::new(&format!("^(?:{})$", p.period_pattern())).expect("compiles");
    let pieces = [
        "1",
        "2",
        "3",
        "0",
        "9",
        "12",
        "31",
        "2026",
        "26",
        "99999",
        ".",
        "/",
        "-",
        "–",
        ":",
        " ",
        "\u{a0}",
        "«",
        "»",
        "\"",
        "_",
        "№",
        "марта",
        "мая",
        "май",
        "наурыз",
        "сәуірге",
        "сәуiр",
        "дейін",
        "г.",
        "года",
        "жылғы",
        "ж.",
        "жыл",
        "квартал",
        "тоқсан",
        "І",
        "I",
        "V",
        "полугодие",
        "жарты жыл",
        "-ші",
        "-го",
        "айы",
        "с",
        "по",
        "дан",
        "😀",
        "é",
        "İ",
        "ǅ",
        "\u{301}",
        "\n",
    ];
    let mut rng = Lcg(0x5eed);
    for _ in 0..4000 {
        let len = rng.below(12);
        let text: String = (0..len).map(|_| pieces[rng.below(pieces.len())]).collect();
        check_invariants(&p, &text, &whole_date, &whole_period);
    }
    // Raw characters, including ones whose lowercase form has a different byte length.
    let chars = [
        '1', '2', '0', '.', ' ', 'м', 'а', 'р', 'т', 'İ', 'ẞ', 'Ⱥ', 'і', 'i', '-', '«', '»', 'г',
    ];
    for _ in 0..4000 {
        let len = rng.below(24);
        let text: String = (0..len).map(|_| chars[rng.below(chars.len())]).collect();
        check_invariants(&p, &text, &whole_date, &whole_period);
    }
}

#[test]
fn generated_dates_round_trip() {
    let p = parser();
    let ru = [
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
    let kk = [
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
    let mut rng = Lcg(42);
    for _ in 0..3000 {
        let year = 2000 + i32::try_from(rng.below(40)).unwrap_or(0);
        let month = u32::try_from(rng.below(12) + 1).unwrap_or(1);
        let day = u32::try_from(rng.below(31) + 1).unwrap_or(1);
        let Some(date) = NaiveDate::from_ymd_opt(year, month, day) else {
            continue;
        };
        let mi = usize::try_from(month - 1).unwrap_or(0);
        let texts = [
            format!("{day}.{month}.{year}"),
            format!("{day:02}.{month:02}.{:02}", year % 100),
            format!("{year}-{month:02}-{day:02}"),
            format!("«{day}» {} {year} г.", ru[mi]),
            format!("{year} жылғы {day} {}", kk[mi]),
            format!("{day} {}ға дейін", kk[mi]),
        ];
        for text in &texts {
            let sentence = format!("Срок исполнения: {text}; отв. отдел");
            let found = p.find_dates_in(&sentence, Some(year));
            assert_eq!(found.len(), 1, "{sentence:?}");
            assert_eq!(found[0].date, date, "{sentence:?}");
        }
    }
}

#[test]
fn no_word_boundary_assertions_in_any_pattern() {
    let mut lexicons = vec![words()];
    let mut sparse = words();
    sparse.quarter.clear();
    sparse.half_year.clear();
    sparse.year.clear();
    lexicons.push(sparse);
    for w in &lexicons {
        let p = DateParser::new(w).expect("test lexicon");
        for public in [p.date_pattern(), p.period_pattern()] {
            Regex::new(public).expect("the public pattern compiles");
        }
        let bare_years = bare_years_source();
        let mut patterns = vec![p.date_pattern(), p.period_pattern(), bare_years.as_str()];
        patterns.extend(p.date_forms.list.iter().map(|f| f.source.as_str()));
        patterns.extend(p.period_forms.list.iter().map(|f| f.source.as_str()));
        assert_eq!(patterns.len(), 3 + 10 + 7);
        for pattern in patterns {
            assert!(
                !pattern.contains(r"\b") && !pattern.contains(r"\B"),
                "look-around in {pattern}"
            );
        }
    }
}

#[test]
fn word_edges_follow_unicode_word_characters() {
    let p = parser();
    // Letters, digits, `_` and combining marks are word characters: a date glued to one is
    // not a date. (Zero-width joiners are word characters too, but folding removes them.)
    for text in [
        "12.03.2026_",
        "_12.03.2026",
        "x12.03.2026",
        "12.03.2026x",
        "от12.03.2026",
        "12 марта\u{301}",
        // (`q`, not `x`: a Latin `x` after Cyrillic letters folds to Cyrillic `х`.)
        "2026 жылғы 12 наурызq",
        "«12» марта_",
        "12 мартаq 2026",
    ] {
        assert!(p.find_dates_in(text, Some(2026)).is_empty(), "{text:?}");
    }
    // Any other character ends a word, ASCII or not.
    for (text, matched) in [
        ("№12.03.2026", "12.03.2026"),
        ("12.03.2026…", "12.03.2026"),
        ("12 марта\u{a0}", "12 марта"),
        ("12 марта 2026x", "12 марта"),
        ("12 марта 2026 гx", "12 марта 2026"),
        ("2026 г.12 марта", "2026 г.12 марта"),
    ] {
        let found = p.find_dates_in(text, Some(2026));
        assert_eq!(found.len(), 1, "{text:?}: {found:?}");
        assert_eq!(&text[found[0].range.clone()], matched, "{text:?}");
    }
    assert!(p.first_period_in("2026 жыл_", None).is_none());
    assert!(p.first_period_in("мартq", Some(2026)).is_none());
}

#[test]
fn an_edge_character_may_start_the_next_match() {
    let p = parser();
    for (text, expected) in [
        (
            "12.03.2026«15» мая 2026 г.",
            &["12.03.2026", "«15» мая 2026 г."][..],
        ),
        ("12.03.2026 г.«15» мая", &["12.03.2026 г.", "«15» мая"][..]),
        (
            "до 25 февраля,26 февраля",
            &["25 февраля", "26 февраля"][..],
        ),
        ("1 мая-2 мая", &["1 мая", "2 мая"][..]),
        ("30.04.2026—15.05.2026", &["30.04.2026", "15.05.2026"][..]),
    ] {
        let found: Vec<&str> = p
            .find_dates_in(text, Some(2026))
            .into_iter()
            .map(|f| &text[f.range])
            .collect();
        assert_eq!(found, expected, "{text:?}");
    }
    let text = "12.03.2026,I квартал";
    let period = p.first_period_in(text, Some(2026)).expect("a period");
    assert_eq!(&text[period.range], "I квартал");
    let text = "в марте,апреле";
    let period = p.first_period_in(text, Some(2026)).expect("a period");
    assert_eq!(&text[period.range], "марте");
}

#[test]
fn public_pattern_edges() {
    let p = parser();
    let value = |pattern: &str, text: &str| {
        Regex::new(&format!("(?i)(?P<v>{pattern})"))
            .expect("compiles")
            .captures(text)
            .and_then(|c| c.name("v"))
            .map(|m| m.as_str().to_string())
    };
    let (date, period) = (p.date_pattern(), p.period_pattern());
    // After a word the next non-word character is part of the match; after a number nothing
    // is checked, but a number is never cut short.
    assert_eq!(value(date, "до 15 мая, далее").as_deref(), Some("15 мая,"));
    assert_eq!(value(date, "до 15 мая").as_deref(), Some("15 мая"));
    assert_eq!(
        value(date, "12 марта 2026 г. отчёт").as_deref(),
        Some("12 марта 2026 г.")
    );
    assert_eq!(
        value(date, "до 30.04.2026 отчёт").as_deref(),
        Some("30.04.2026")
    );
    assert_eq!(
        value(date, "date: 2026-05-13").as_deref(),
        Some("2026-05-13")
    );
    // Word edges inside the pattern still hold: `гг` is no year word.
    assert_eq!(value(period, "на 2026-2028 гг."), None);
    assert_eq!(value(period, "12 материалов"), None);
    // The start is not consumed, so a single space before the pattern is enough...
    assert_eq!(
        value(&format!(r"до\s+{period}"), "до сентября 2026 года").as_deref(),
        Some("до сентября 2026 года")
    );
    // ...and not checked either: a rule that needs a word start says so itself.
    assert_eq!(
        value(
            &format!(r"(?:^|[^\p{{L}}\p{{N}}_]){period}"),
            "екінші тоқсан"
        ),
        None
    );
}

#[test]
fn lexicon_words_begin_and_end_with_letters() {
    let with = |edit: &dyn Fn(&mut CalendarWords)| {
        let mut w = words();
        edit(&mut w);
        DateParser::new(&w)
    };
    let errors = [
        with(&|w| w.months[4] = vec!["-май".to_string()]),
        with(&|w| w.months[4] = vec!["май-".to_string()]),
        with(&|w| w.quarter = vec!["-тоқсан".to_string()]),
        with(&|w| w.half_year = vec!["жарты-".to_string()]),
        with(&|w| w.year = vec!["жыл-".to_string()]),
    ];
    for result in errors {
        let err = result.err().expect("edge hyphen rejected");
        assert!(err.to_string().contains("with a letter"), "{err}");
    }
    // A year word follows its number directly, so it may start with a hyphen.
    let p = with(&|w| w.year.push("-жылғы".to_string())).expect("accepted");
    assert_eq!(p.find_dates_in("2026-жылғы 12 наурыз", None).len(), 1);
}

#[test]
fn values_carry_days_as_iso_and_messages_show_them_as_people_write_them() {
    let day = NaiveDate::from_ymd_opt(2026, 6, 4).unwrap();
    assert_eq!(super::show_day(day), "04.06.2026");
    assert_eq!(super::show_iso_day(&day.to_string()), "04.06.2026");
    // Anything that is not a day passes through: a deadline's own words, an empty value.
    assert_eq!(super::show_iso_day("до конца года"), "до конца года");
    assert_eq!(super::show_iso_day(""), "");
    assert_eq!(super::parse_day("04.06.2026"), Some(day));
}

/// The fixtures' lines, folded, and texts made to trip the search: each a text the forms are
/// run over, searching alone and searching together.
fn texts_to_scan() -> Vec<String> {
    let mut texts: Vec<String> = [
        "12.03.2026 и 5.04.2026, 1.12.03.2026, № 12 марта",
        "2026 жылғы 12 наурызда, 2026 жылғы наурыз, «12» марта 2026 г.",
        "до 31.02.2026, 2026-05-13, 12/03/26, в і тоқсанда 2026 года",
        "x12.03.2026 12.03.2026.5 2026г. 1-2 квартал, январь-март 2026",
        "екінші тоқсан бармайтын ii полугодие 2025-2026 учебного года",
    ]
    .map(str::to_string)
    .to_vec();
    let mut files = vec![std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("fixtures")];
    while let Some(path) = files.pop() {
        if path.is_dir() {
            let entries = std::fs::read_dir(&path).unwrap();
            files.extend(entries.map(|entry| entry.unwrap().path()));
        } else if let Ok(text) = std::fs::read_to_string(&path) {
            texts.extend(
                text.lines()
                    .map(|line| crate::parse::normalize::fold(line, 0).text),
            );
        }
    }
    texts
}

fn found_by<K: Copy>(
    scan: impl FnOnce(&mut dyn FnMut(&Hit<'_, '_, K>) -> bool),
) -> Vec<(K, Range<usize>)> {
    let mut found = Vec::new();
    scan(&mut |hit| {
        found.push((hit.kind(), hit.range.clone()));
        true
    });
    found
}

#[test]
fn forms_searching_together_find_what_each_finds_alone() {
    let p = parser();
    let texts = texts_to_scan();
    assert!(texts.len() > 1000, "{} texts", texts.len());
    let dates = p.date_forms.all_at_once().unwrap();
    let periods = p.period_forms.all_at_once().unwrap();
    let mut matched = 0;
    for text in &texts {
        let accept = |kind: DateForm, r: &Range<usize>| match kind {
            DateForm::Numeric => !glued_to_numbers(text, r),
            DateForm::DayFirstText => !after_number_sign(text, r.start),
            DateForm::YearFirstText => true,
        };
        let each = found_by(|visit| scan_each(&p.date_forms.list, text, &accept, visit));
        let together = found_by(|visit| scan_together(&p.date_forms, dates, text, &accept, visit));
        assert_eq!(each, together, "dates in {text:?}");
        matched += each.len();
        let accept = |_: PeriodForm, _: &Range<usize>| true;
        let each = found_by(|visit| scan_each(&p.period_forms.list, text, &accept, visit));
        let together =
            found_by(|visit| scan_together(&p.period_forms, periods, text, &accept, visit));
        assert_eq!(each, together, "periods in {text:?}");
        matched += each.len();
    }
    assert!(matched > 100, "{matched} matches");
}
