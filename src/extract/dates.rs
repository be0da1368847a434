//! Calendar dates and periods in Kazakh and Russian commission documents.
//!
//! The rule pack owns the vocabulary (month stems, the words for quarter, half-year and year);
//! this module owns the grammar around it: numeric dates (`12.03.2026`, `2026-03-12`,
//! `12.03.26`), day-first dates (`«12» марта 2026 г.`, `30 сәуірге`), Kazakh year-first dates
//! (`2026 жылғы 12 наурыз`) and periods (`I квартал`, `1-жартыжылдық`, `март`,
//! `сентябрь–декабрь`, `2026 жыл`).
//!
//! Matching runs on the caller's text as it is, case-insensitively, instead of on a lowercased
//! copy: lowercasing can change byte lengths, and every range handed back must slice the
//! caller's string.

use chrono::{Months, NaiveDate};
use regex::{Captures, Regex, RegexBuilder};
use std::cmp::Reverse;
use std::fmt;
use std::ops::Range;

/// Words the parser needs, supplied by the rule pack's lexicon.
///
/// Every entry is a literal word or stem (letters, spaces and hyphens only, compared
/// case-insensitively, `ё` = `е`, Latin `i` = Cyrillic `і`), not a regex. A stem matches at a word
/// start and may be followed by a case ending (`марта`, `марте`, `наурызға`, `наурыздағы`,
/// `сәуірге`, `мамырдан`). Russian May changes its stem, so list its forms: `май`, `мая`, `мае`,
/// `маю`, `маем`. Month, quarter and half-year stems need at least three letters, so that a short
/// stem such as `ма` cannot turn `12 материалов` into a date.
pub struct CalendarWords {
    /// Index 0 = January, e.g. `["январ", "қаңтар"]`. Exactly 12 entries, each non-empty.
    pub months: Vec<Vec<String>>,
    /// e.g. `["квартал", "тоқсан"]`.
    pub quarter: Vec<String>,
    /// e.g. `["полугоди", "жартыжылдық", "жарты жыл"]`.
    pub half_year: Vec<String>,
    /// Words that may follow a year number, e.g. `["года", "год", "г", "жылғы", "жыл", "ж"]`.
    /// Words of three letters or more also take case endings (`году`, `жылға`, `жылдың`); shorter
    /// ones are abbreviations and match only whole, with an optional dot (`г.`, `ж.`).
    pub year: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FoundDate {
    pub range: Range<usize>,
    pub date: NaiveDate,
    /// The text had no year and `default_year` supplied it.
    pub year_inferred: bool,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FoundPeriod {
    pub range: Range<usize>,
    pub first_day: NaiveDate,
    pub last_day: NaiveDate,
}

#[derive(Debug)]
pub struct CalendarError(pub String);

impl fmt::Display for CalendarError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "calendar words: {}", self.0)
    }
}

impl std::error::Error for CalendarError {}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum DateForm {
    /// `12 марта 2026 г.`, `«12» марта`, `30 сәуірге`, `1-ші қазан`.
    DayFirstText,
    /// `2026 жылғы 12 наурыз`.
    YearFirstText,
    /// `12.03.2026`, `2026-03-12`, `12.03.26`.
    Numeric,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum PeriodForm {
    Quarter,
    HalfYear,
    Month,
    MonthRange,
    Years,
}

struct Form<K> {
    kind: K,
    re: Regex,
}

pub struct DateParser {
    /// Normalised stem and month number, longest stem first so that the most specific stem
    /// decides when one stem is a prefix of another.
    month_stems: Vec<(String, u32)>,
    date_forms: Vec<Form<DateForm>>,
    period_forms: Vec<Form<PeriodForm>>,
    bare_years: Regex,
    date_pattern: String,
    period_pattern: String,
}

// Number shapes are restricted in the regex itself, not only by chrono, so that the public
// patterns embedded in other rules do not match `45.17.2026` or a quarter `7`.
const DAY: &str = "(?:0?[1-9]|[12][0-9]|3[01])";
const DAY2: &str = "(?:0[1-9]|[12][0-9]|3[01])";
const MONTH_NUM: &str = "(?:0?[1-9]|1[0-2])";
const MONTH_NUM2: &str = "(?:0[1-9]|1[0-2])";
// A year written next to words has to look like a year of this era (`500 г` is grams), while
// the numeric date shapes are unambiguous enough to take any four digits.
const TEXT_YEAR: &str = "(?:19|20|21)[0-9]{2}";
// Word processors turn hyphens into en or em dashes, and PDF exports into minus signs.
const DASH: &str = r"[\-\x{2010}-\x{2015}\x{2212}]";
// No whitespace inside the quotes: a stray closing quote before a date must not join it.
const OPEN_QUOTE: &str = r#"[«"“„'‘]"#;
const CLOSE_QUOTE: &str = r#"[»"”“'’]"#;
// Ordinal suffixes after a number: Russian `12-го`, `1-й`, `1-е`; Kazakh `1-ші`, `6-шы`, `2-нші`.
const ORDINAL: &str = r"(?:н?ш[іiы]|го|ое|ый|ой|й|е|[іiы])";
// Case endings are Cyrillic; Latin `i` stays in because old Kazakh exports use it for `і`.
// A Cyrillic block class keeps the compiled automaton far smaller than `\p{L}`.
const ENDING: &str = r"[\x{0400}-\x{04FF}i]";
const NEVER: &str = r"[^\s\S]";
const QUARTER_NUM: &str = "(?:[1-4]|[iі]v|[iі]{1,3})";
const HALF_NUM: &str = "(?:[12]|[iі]{1,2})";
// Kazakh ablative endings: `қыркүйектен желтоқсанға дейін` is a range, `қыркүйек желтоқсан` not.
const ABLATIVE: &str = "(?:дан|ден|тан|тен|нан|нен)";

/// The regex pieces built from the lexicon; each is a complete non-capturing unit.
struct Fragments {
    month: String,
    month_ablative: String,
    quarter: String,
    half_year: String,
    year_word: String,
}

fn normalise(s: &str) -> String {
    s.to_lowercase()
        .chars()
        .map(|c| match c {
            'ё' => 'е',
            'i' => 'і',
            c => c,
        })
        .collect()
}

fn checked_word(list: &str, raw: &str, min_letters: usize) -> Result<String, CalendarError> {
    let word = normalise(raw.trim());
    if let Some(bad) = word
        .chars()
        .find(|c| !(c.is_alphabetic() || c.is_whitespace() || *c == '-'))
    {
        return Err(CalendarError(format!(
            "{list}: {raw:?} contains {bad:?}; entries are literal words, not regexes"
        )));
    }
    let letters = word.chars().filter(|c| c.is_alphabetic()).count();
    if letters < min_letters.max(1) {
        return Err(CalendarError(format!(
            "{list}: {raw:?} is too short (at least {} letters)",
            min_letters.max(1)
        )));
    }
    Ok(word)
}

/// Regex source for one normalised word, tolerant of the spellings that normalisation would
/// have removed, in case a caller skipped it.
fn word_source(word: &str) -> String {
    word.split_whitespace()
        .map(|part| {
            let mut out = String::new();
            for c in part.chars() {
                match c {
                    'і' => out.push_str("[іi]"),
                    'е' => out.push_str("[её]"),
                    '-' => out.push_str(DASH),
                    c => {
                        let mut buf = [0u8; 4];
                        out.push_str(&regex::escape(c.encode_utf8(&mut buf)));
                    }
                }
            }
            out
        })
        .collect::<Vec<_>>()
        .join(r"\s+")
}

fn alternation(words: &[String]) -> String {
    let mut sorted: Vec<&String> = words.iter().collect();
    sorted.sort_by_key(|w| Reverse(w.chars().count()));
    sorted.dedup();
    if sorted.is_empty() {
        return NEVER.to_string();
    }
    sorted
        .iter()
        .map(|w| word_source(w))
        .collect::<Vec<_>>()
        .join("|")
}

fn group(capture: bool, name: &str, body: &str) -> String {
    if capture {
        format!("(?P<{name}>{body})")
    } else {
        format!("(?:{body})")
    }
}

fn ordinal_tail() -> String {
    format!(r"(?:\s*{DASH}\s*(?:{ORDINAL}\b)?)?")
}

fn date_sources(f: &Fragments, capture: bool) -> Vec<(DateForm, String)> {
    let g = |name: &str, body: &str| group(capture, name, body);
    let yw = &f.year_word;
    let day = format!(
        r"(?:{OPEN_QUOTE})?\b{}\b(?:{CLOSE_QUOTE})?{}",
        g("d", DAY),
        ordinal_tail()
    );
    let month = g("m", &f.month);
    let year = g("y", TEXT_YEAR);
    let mut forms = vec![
        (
            DateForm::DayFirstText,
            format!(r"{day}\s*{month}(?:\s+{year}(?:\s*{yw}|\b))?"),
        ),
        (
            DateForm::YearFirstText,
            format!(r"\b{year}\s*{yw}\s*{day}\s*{month}"),
        ),
    ];
    let year4 = g("y", "[0-9]{4}");
    for sep in [r"\.", "/", DASH] {
        forms.push((
            DateForm::Numeric,
            format!(
                r"\b{}{sep}{}{sep}{year4}(?:\s*{yw}|\b)",
                g("d", DAY),
                g("m", MONTH_NUM)
            ),
        ));
        forms.push((
            DateForm::Numeric,
            format!(
                r"\b{year4}{sep}{}{sep}{}(?:\s*{yw}|\b)",
                g("m", MONTH_NUM),
                g("d", DAY)
            ),
        ));
    }
    // Two-digit years only with two-digit day and month: `1.1.12` is far more often a clause
    // number than 1 January 2012, and `12-03-26` a phone number.
    for sep in [r"\.", "/"] {
        forms.push((
            DateForm::Numeric,
            format!(
                r"\b{}{sep}{}{sep}{}(?:\s*{yw}|\b)",
                g("d", DAY2),
                g("m", MONTH_NUM2),
                g("y", "[0-9]{2}")
            ),
        ));
    }
    forms
}

fn period_sources(f: &Fragments, capture: bool) -> Vec<(PeriodForm, String)> {
    let g = |name: &str, body: &str| group(capture, name, body);
    let yw = &f.year_word;
    let year_before = |name: &str| format!(r"(?:\b{}\s*{yw}\s*)?", g(name, TEXT_YEAR));
    let year_after = |name: &str| format!(r"(?:\s+{}(?:\s*{yw}|\b))?", g(name, TEXT_YEAR));
    let numbered = |num: &str, word: &str| {
        format!(
            r"{}\b{}\b{ord}(?:\s*{DASH}\s*\b{}\b{ord})?\s*{word}{}",
            year_before("y1"),
            g("n1", num),
            g("n2", num),
            year_after("y2"),
            ord = ordinal_tail(),
        )
    };
    // `наурыз айы`, `в марте месяце`: the word for "month" belongs to the period, and it is
    // grammar rather than vocabulary, so it lives here and not in the lexicon.
    let month_noun = r"(?:\s+(?:ай|месяц)[\x{0400}-\x{04FF}]{0,5}\b)?";
    vec![
        (PeriodForm::Quarter, numbered(QUARTER_NUM, &f.quarter)),
        (PeriodForm::HalfYear, numbered(HALF_NUM, &f.half_year)),
        (
            PeriodForm::MonthRange,
            format!(
                r"{}{}{}\s*{DASH}\s*{}{month_noun}{}",
                year_before("y1"),
                g("m1", &f.month),
                year_after("y2"),
                g("m2", &f.month),
                year_after("y3"),
            ),
        ),
        (
            PeriodForm::MonthRange,
            format!(
                r"\bсо?\s+{}{}\s+по\s+{}{month_noun}{}",
                g("m1", &f.month),
                year_after("y2"),
                g("m2", &f.month),
                year_after("y3"),
            ),
        ),
        (
            PeriodForm::MonthRange,
            format!(
                r"{}{}\s+{}\s+(?:дейін|шейін)\b",
                year_before("y1"),
                g("m1", &f.month_ablative),
                g("m2", &f.month),
            ),
        ),
        (
            PeriodForm::Month,
            format!(
                r"{}{}{month_noun}{}",
                year_before("y1"),
                g("m1", &f.month),
                year_after("y2"),
            ),
        ),
        (
            PeriodForm::Years,
            format!(
                r"\b{}(?:\s*{DASH}\s*{})?\s*{yw}",
                g("y1", TEXT_YEAR),
                g("y2", TEXT_YEAR),
            ),
        ),
    ]
}

fn compile(source: &str) -> Result<Regex, CalendarError> {
    RegexBuilder::new(source)
        .case_insensitive(true)
        .build()
        .map_err(|e| CalendarError(format!("internal pattern failed to compile: {e}")))
}

fn public_pattern<K>(sources: Vec<(K, String)>) -> String {
    let body: Vec<String> = sources.into_iter().map(|(_, s)| s).collect();
    format!("(?i:{})", body.join("|"))
}

fn compile_forms<K: Copy>(sources: Vec<(K, String)>) -> Result<Vec<Form<K>>, CalendarError> {
    sources
        .into_iter()
        .map(|(kind, source)| {
            Ok(Form {
                kind,
                re: compile(&source)?,
            })
        })
        .collect()
}

fn number(caps: &Captures<'_>, name: &str) -> Option<u32> {
    caps.name(name)?.as_str().parse().ok()
}

fn year_in(caps: &Captures<'_>, names: &[&str]) -> Option<i32> {
    names
        .iter()
        .find_map(|n| caps.name(n))
        .and_then(|m| m.as_str().parse().ok())
}

/// Arabic or Roman (Latin or Cyrillic `І`) quarter and half-year numbers.
fn small_ordinal(s: &str) -> Option<u32> {
    match normalise(s).as_str() {
        "1" | "і" => Some(1),
        "2" | "іі" => Some(2),
        "3" | "ііі" => Some(3),
        "4" | "іv" => Some(4),
        _ => None,
    }
}

fn month_start(year: i32, month: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(year, month, 1)
}

fn month_end(year: i32, month: u32) -> Option<NaiveDate> {
    month_start(year, month)?
        .checked_add_months(Months::new(1))?
        .pred_opt()
}

fn char_len_at(text: &str, at: usize) -> usize {
    text.get(at..)
        .and_then(|rest| rest.chars().next())
        .map_or(1, char::len_utf8)
}

/// Whether a numeric date is only a piece of a longer number chain such as `1.12.03.2026` or
/// `12.03.2026.5`, which are clause numbers or versions rather than dates.
fn glued_to_numbers(text: &str, range: &Range<usize>) -> bool {
    let before = text.get(..range.start).unwrap_or("");
    let mut back = before.chars().rev();
    let glued_before = match back.next() {
        Some(c) if c.is_ascii_digit() => true,
        Some('.' | '/' | ':') => back.next().is_some_and(|c| c.is_ascii_digit()),
        _ => false,
    };
    let after = text.get(range.end..).unwrap_or("");
    let mut ahead = after.chars();
    let glued_after = matches!(ahead.next(), Some('.' | '/' | ':'))
        && ahead.next().is_some_and(|c| c.is_ascii_digit());
    glued_before || glued_after
}

/// `№ 12 марта` is a document number followed by a month, not the twelfth of March.
fn after_number_sign(text: &str, start: usize) -> bool {
    let mut back = text.get(..start).unwrap_or("").trim_end().chars().rev();
    match back.next() {
        Some('№') => true,
        // Typewritten protocols use a lone Latin `N` for `№` (`"___" ____ 20__ г. N ___`).
        Some('N' | 'n') => !back.next().is_some_and(char::is_alphanumeric),
        _ => false,
    }
}

fn overlaps(spans: &[Range<usize>], r: &Range<usize>) -> bool {
    spans.iter().any(|s| s.start < r.end && r.start < s.end)
}

/// The leftmost match of one form at or after `from` that `accept` lets through. A rejected match
/// only moves the search one character on, so a shorter match inside it can still be found.
fn next_in_form<'t, K: Copy>(
    form: &Form<K>,
    text: &'t str,
    mut from: usize,
    accept: &dyn Fn(K, &Range<usize>) -> bool,
) -> Option<Captures<'t>> {
    while from <= text.len() {
        let caps = form.re.captures_at(text, from)?;
        let whole = caps.get(0)?.range();
        if !whole.is_empty() && accept(form.kind, &whole) {
            return Some(caps);
        }
        from = whole.start + char_len_at(text, whole.start);
    }
    None
}

fn span(caps: &Captures<'_>) -> Range<usize> {
    caps.get(0).map_or(0..0, |m| m.range())
}

/// Runs all forms over `text` together and hands `visit` their matches left to right without
/// overlaps; where several start at the same place the longest wins, so `2026 жылғы наурыз` is a
/// month rather than the year `2026 жылғы` followed by a stray word. `visit` returns false to stop.
fn scan<'t, K: Copy>(
    forms: &[Form<K>],
    text: &'t str,
    accept: &dyn Fn(K, &Range<usize>) -> bool,
    visit: &mut dyn FnMut(K, &Captures<'t>) -> bool,
) {
    let mut pending: Vec<Option<Captures<'t>>> = forms
        .iter()
        .map(|f| next_in_form(f, text, 0, accept))
        .collect();
    let mut pos = 0;
    loop {
        let best = pending
            .iter()
            .enumerate()
            .filter_map(|(i, c)| c.as_ref().map(|c| (i, span(c))))
            .min_by_key(|(i, r)| (r.start, Reverse(r.end), *i));
        let Some((index, range)) = best else { return };
        let Some(caps) = pending[index].take() else {
            return;
        };
        if !visit(forms[index].kind, &caps) {
            return;
        }
        pos = pos.max(range.end);
        for (i, slot) in pending.iter_mut().enumerate() {
            let stale = match slot {
                Some(c) => span(c).start < pos,
                None => i == index,
            };
            if stale {
                *slot = next_in_form(&forms[i], text, pos, accept);
            }
        }
    }
}

impl DateParser {
    pub fn new(words: &CalendarWords) -> Result<DateParser, CalendarError> {
        if words.months.len() != 12 {
            return Err(CalendarError(format!(
                "months: expected 12 entries, got {}",
                words.months.len()
            )));
        }
        let mut month_stems = Vec::new();
        for (index, stems) in words.months.iter().enumerate() {
            if stems.is_empty() {
                return Err(CalendarError(format!("months[{index}] has no stems")));
            }
            for stem in stems {
                let month = u32::try_from(index + 1)
                    .map_err(|_| CalendarError("month index out of range".to_string()))?;
                month_stems.push((checked_word("months", stem, 3)?, month));
            }
        }
        month_stems.sort_by_key(|(s, _)| Reverse(s.chars().count()));
        let checked = |list: &str, raw: &[String], min: usize| {
            raw.iter()
                .map(|w| checked_word(list, w, min))
                .collect::<Result<Vec<_>, _>>()
        };
        let quarter = checked("quarter", &words.quarter, 3)?;
        let half_year = checked("half_year", &words.half_year, 3)?;
        let year = checked("year", &words.year, 1)?;

        let stems: Vec<String> = month_stems.iter().map(|(s, _)| s.clone()).collect();
        let month_alt = alternation(&stems);
        let (long_year, short_year): (Vec<String>, Vec<String>) =
            year.into_iter().partition(|w| w.chars().count() >= 3);
        let fragments = Fragments {
            month: format!(r"\b(?:{month_alt}){ENDING}{{0,8}}\b"),
            month_ablative: format!(r"\b(?:{month_alt}){ENDING}{{0,5}}?{ABLATIVE}\b"),
            quarter: format!(r"\b(?:{}){ENDING}{{0,6}}\b", alternation(&quarter)),
            half_year: format!(r"\b(?:{}){ENDING}{{0,6}}\b", alternation(&half_year)),
            year_word: format!(
                r"(?:(?:{}){ENDING}{{0,6}}\b|(?:{})\b\.?)",
                alternation(&long_year),
                alternation(&short_year)
            ),
        };

        let date_pattern = public_pattern(date_sources(&fragments, false));
        let period_pattern = public_pattern(period_sources(&fragments, false));
        // Compiling the public patterns here means a caller never receives one that fails later.
        compile(&date_pattern)?;
        compile(&period_pattern)?;
        Ok(DateParser {
            month_stems,
            date_forms: compile_forms(date_sources(&fragments, true))?,
            period_forms: compile_forms(period_sources(&fragments, true))?,
            bare_years: compile(&format!(
                r"^\s*(?P<y1>{TEXT_YEAR})(?:\s*{DASH}\s*(?P<y2>{TEXT_YEAR}))?\s*$"
            ))?,
            date_pattern,
            period_pattern,
        })
    }

    /// A regex source matching any calendar date the parser recognises, with no capture groups
    /// (only `(?:...)` and `(?i:...)`), to be embedded in other regexes of the rule pack as
    /// `{date}`. It is a textual approximation: it cannot reject `31.02.2026`, a date after `№`,
    /// or one glued into a longer chain of numbers, which [`DateParser::find_dates`] does.
    pub fn date_pattern(&self) -> &str {
        &self.date_pattern
    }

    /// Same for periods (`{period}`). It also matches the month inside `12 марта`, which
    /// [`DateParser::first_period`] skips because dates win.
    pub fn period_pattern(&self) -> &str {
        &self.period_pattern
    }

    /// Every date in `text`, left to right, non-overlapping; `default_year` fills a date written
    /// without year. Text shaped like a date that is not one (`31.02.2026`, or no year and no
    /// default) is skipped, and nothing inside it is reported either.
    pub fn find_dates(&self, text: &str, default_year: Option<i32>) -> Vec<FoundDate> {
        let mut found = Vec::new();
        self.scan_dates(text, &mut |kind, caps| {
            if let Some(d) = self.resolve_date(kind, caps, default_year) {
                found.push(d);
            }
            true
        });
        found
    }

    pub fn first_date(&self, text: &str, default_year: Option<i32>) -> Option<FoundDate> {
        let mut first = None;
        self.scan_dates(text, &mut |kind, caps| {
            first = self.resolve_date(kind, caps, default_year);
            first.is_none()
        });
        first
    }

    /// The first period (not a single date) in `text`. A period without a written year takes
    /// `default_year`; with none it is skipped and the search goes on.
    pub fn first_period(&self, text: &str, default_year: Option<i32>) -> Option<FoundPeriod> {
        let mut date_spans = Vec::new();
        self.scan_dates(text, &mut |_, caps| {
            date_spans.push(span(caps));
            true
        });
        let mut first = None;
        scan(
            &self.period_forms,
            text,
            &|_, r| !overlaps(&date_spans, r),
            &mut |kind, caps| {
                first = self.resolve_period(kind, caps, default_year);
                first.is_none()
            },
        );
        first.or_else(|| self.bare_year(text))
    }

    fn scan_dates<'t>(
        &self,
        text: &'t str,
        visit: &mut dyn FnMut(DateForm, &Captures<'t>) -> bool,
    ) {
        let accept = |kind: DateForm, r: &Range<usize>| match kind {
            DateForm::Numeric => !glued_to_numbers(text, r),
            DateForm::DayFirstText => !after_number_sign(text, r.start),
            DateForm::YearFirstText => true,
        };
        scan(&self.date_forms, text, &accept, visit);
    }

    fn month_of(&self, word: &str) -> Option<u32> {
        let word = normalise(word);
        let (stem, month) = self
            .month_stems
            .iter()
            .find(|(stem, _)| word.starts_with(stem.as_str()))?;
        let ending = word.get(stem.len()..).unwrap_or("");
        // Adjectives made from month names name no date or period: `майские праздники`,
        // `маусымдық жұмыс` ("seasonal work", from `маусым`, which is also June).
        let adjective = ending.contains("ск")
            || ["дық", "дік", "тық", "тік", "лық", "лік"]
                .iter()
                .any(|suffix| ending.starts_with(suffix));
        (!adjective).then_some(*month)
    }

    fn resolve_date(
        &self,
        kind: DateForm,
        caps: &Captures<'_>,
        default_year: Option<i32>,
    ) -> Option<FoundDate> {
        let day = number(caps, "d")?;
        let month = match kind {
            DateForm::Numeric => number(caps, "m")?,
            DateForm::DayFirstText | DateForm::YearFirstText => {
                self.month_of(caps.name("m")?.as_str())?
            }
        };
        let (year, year_inferred) = match caps.name("y") {
            Some(y) => {
                let value: i32 = y.as_str().parse().ok()?;
                // Two-digit years in these documents are always this century.
                let value = if y.as_str().len() == 2 {
                    2000 + value
                } else {
                    value
                };
                (value, false)
            }
            None => (default_year?, true),
        };
        Some(FoundDate {
            range: span(caps),
            date: NaiveDate::from_ymd_opt(year, month, day)?,
            year_inferred,
        })
    }

    fn resolve_period(
        &self,
        kind: PeriodForm,
        caps: &Captures<'_>,
        default_year: Option<i32>,
    ) -> Option<FoundPeriod> {
        let (first_day, last_day) = match kind {
            PeriodForm::Quarter | PeriodForm::HalfYear => {
                let (months_per, count) = if kind == PeriodForm::Quarter {
                    (3, 4)
                } else {
                    (6, 2)
                };
                let n1 = small_ordinal(caps.name("n1")?.as_str())?;
                let n2 = match caps.name("n2") {
                    Some(m) => small_ordinal(m.as_str())?,
                    None => n1,
                };
                if n1 > n2 || n2 > count {
                    return None;
                }
                let year = year_in(caps, &["y1", "y2"]).or(default_year)?;
                (
                    month_start(year, (n1 - 1) * months_per + 1)?,
                    month_end(year, n2 * months_per)?,
                )
            }
            PeriodForm::Month => {
                let month = self.month_of(caps.name("m1")?.as_str())?;
                let year = year_in(caps, &["y1", "y2"]).or(default_year)?;
                (month_start(year, month)?, month_end(year, month)?)
            }
            PeriodForm::MonthRange => {
                let m1 = self.month_of(caps.name("m1")?.as_str())?;
                let m2 = self.month_of(caps.name("m2")?.as_str())?;
                // `сентябрь–май` is a school year: the range crosses New Year.
                let wraps = m2 < m1;
                let next = |y: i32| if wraps { y.checked_add(1) } else { Some(y) };
                let start = year_in(caps, &["y1", "y2"]);
                let end = year_in(caps, &["y3"]);
                let (y1, y2) = match (start, end) {
                    (Some(a), Some(b)) => (a, b),
                    (Some(a), None) => (a, next(a)?),
                    (None, Some(b)) => (if wraps { b.checked_sub(1)? } else { b }, b),
                    (None, None) => {
                        let a = default_year?;
                        (a, next(a)?)
                    }
                };
                (month_start(y1, m1)?, month_end(y2, m2)?)
            }
            PeriodForm::Years => {
                let y1 = year_in(caps, &["y1"])?;
                let y2 = year_in(caps, &["y2"]).unwrap_or(y1);
                (month_start(y1, 1)?, month_end(y2, 12)?)
            }
        };
        (first_day <= last_day).then(|| FoundPeriod {
            range: span(caps),
            first_day,
            last_day,
        })
    }

    /// A deadline cell holding nothing but `2026` (or `2026–2028`) means that year; inside a
    /// sentence a bare four-digit number is too often a count or a sum to be taken as one.
    fn bare_year(&self, text: &str) -> Option<FoundPeriod> {
        let caps = self.bare_years.captures(text)?;
        let y1 = caps.name("y1")?;
        let y2 = caps.name("y2").unwrap_or(y1);
        let first_day = month_start(y1.as_str().parse().ok()?, 1)?;
        let last_day = month_end(y2.as_str().parse().ok()?, 12)?;
        (first_day <= last_day).then(|| FoundPeriod {
            range: y1.start()..y2.end(),
            first_day,
            last_day,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
        let found = p.find_dates(text, default);
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
        let found = p.first_period(text, default);
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
        assert!(!p.find_dates("12.03.2026", None)[0].year_inferred);
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
            assert!(p.find_dates(text, Some(2026))[0].year_inferred);
            assert!(
                p.find_dates(text, None).is_empty(),
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
            let found = p.find_dates(text, None);
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
                p.find_dates(text, Some(2026)).is_empty(),
                "{text:?}: {:?}",
                p.find_dates(text, Some(2026))
            );
        }
        assert_eq!(p.first_date("", Some(2026)), None);
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
        let found = p.find_dates(text, None);
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
        let first = p.first_date(text, None).expect("a date");
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
        let found = p.find_dates(text, None);
        assert_eq!(
            found.iter().map(|f| f.date).collect::<Vec<_>>(),
            vec![ymd(2025, 2, 1), ymd(2025, 3, 10)]
        );
        let text = "с 01.02.2026 по 28.02.2026 провести рейды в 15:00";
        assert_eq!(p.find_dates(text, None).len(), 2);
        let text = "период 12.03.2026-15.03.2026, затем 16.03.2026–20.03.2026";
        assert_eq!(p.find_dates(text, None).len(), 4);
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
        assert!(p.first_period("I квартал", None).is_none());
        assert!(p.first_period("5 квартал 2026", None).is_none());
        assert!(p.first_period("тоқсан сайын", Some(2026)).is_none());
        assert!(p.first_period("III полугодие 2026", None).is_none());
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
        assert!(p.first_period("март", None).is_none());
        for text in ["маусымдық жұмыс", "майские праздники", "мартовский пленум"]
        {
            assert_eq!(p.first_period(text, Some(2026)), None, "{text:?}");
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
        assert!(p.first_period("сентябрь 2026 - май 2025", None).is_none());
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
        assert!(p.first_period("выделено 2026 тенге", None).is_none());
        assert!(p.first_period("500 г сахара", None).is_none());
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
            assert_eq!(p.first_period(text, Some(2026)), None, "{text:?}");
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
        let rule = Regex::new(&format!(r"^(?:{})$", p.period_pattern())).expect("embeds");
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
        assert!(p.first_period("I квартал 2026", None).is_none());
        assert_eq!(p.find_dates("12.03.2026", None).len(), 1);
        assert_eq!(p.find_dates("12 марта 2026", None).len(), 1);
    }

    #[test]
    fn extreme_default_years_do_not_panic() {
        let p = parser();
        for year in [i32::MIN, -1, 0, 262_143, 262_144, i32::MAX] {
            let _ = p.find_dates("до 25 февраля, сентябрь-май, I квартал", Some(year));
            let _ = p.first_period("сентябрь-май", Some(year));
            let _ = p.first_period("I квартал", Some(year));
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

    fn check_invariants(p: &DateParser, text: &str, whole_date: &Regex, whole_period: &Regex) {
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
            '1', '2', '0', '.', ' ', 'м', 'а', 'р', 'т', 'İ', 'ẞ', 'Ⱥ', 'і', 'i', '-', '«', '»',
            'г',
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
                let found = p.find_dates(&sentence, Some(year));
                assert_eq!(found.len(), 1, "{sentence:?}");
                assert_eq!(found[0].date, date, "{sentence:?}");
            }
        }
    }
}
