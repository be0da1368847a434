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
//!
//! No pattern here uses `\b` or any other look-around. A Unicode word boundary makes the regex
//! crate give up its lazy DFA on non-ASCII text and fall back to a backtracker, which on Cyrillic
//! documents costs several times the search itself. The grammar still has word edges, with the
//! regex crate's meaning of a word character (`\w`); they are kept without assertions:
//!
//! - inside a form, each edge is folded into what stands next to it: `12 марта` needs at least
//!   one non-word character between the number and the month, so the gap is `\s+` rather than
//!   `\s*`, and so on;
//! - at the start of a match, [`next_in_form`] looks at the character before it in Rust (every
//!   form starts with a word character, which needs a non-word one before it, or with an opening
//!   quote, which needs nothing);
//! - at the end, the pattern consumes the following non-word character (or matches at the end
//!   of the text) in an unnamed group, and the match proper stops where that group starts.

mod grammar;
mod hits;
#[cfg(test)]
mod tests;

use crate::matcher::Matcher;
use crate::parse::narrow::Narrower;
use chrono::NaiveDate;
use std::cmp::Reverse;
use std::fmt;
use std::ops::Range;

use grammar::{
    Built, DateForm, Forms, Fragments, Mode, PeriodForm, RangeWords, bare_years_source,
    checked_word, compile, compile_forms, date_sources, normalise, period_sources, public_pattern,
};
use hits::{
    Hit, after_number_sign, glued_to_numbers, month_end, month_start, number, overlaps, scan,
    small_ordinal, year_in,
};

/// Words the parser needs, supplied by the rule pack's lexicon.
///
/// Every entry is a literal word or stem (letters, spaces and hyphens only, compared
/// case-insensitively, `ё` = `е`, Latin `i` = Cyrillic `і`), not a regex. A stem matches at a word
/// start and may be followed by a case ending (`марта`, `марте`, `наурызға`, `наурыздағы`,
/// `сәуірге`, `мамырдан`). Russian May changes its stem, so list its forms: `май`, `мая`, `мае`,
/// `маю`, `маем`. Month, quarter and half-year stems need at least three letters, so that a short
/// stem such as `ма` cannot turn `12 материалов` into a date. Month, quarter and half-year entries
/// begin and end with a letter; year words end with one.
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
    /// The noun "month" that may follow a month's name and belongs to the period (`наурыз айы`,
    /// `в марте месяце`), with its case ending: e.g. `["месяц", "ай"]`.
    pub month_word: Vec<String>,
    /// The words around a range of months named in the nominative and the accusative:
    /// `с сентября по декабрь` → `["с", "со"]` and `["по"]`.
    pub range_from: Vec<String>,
    pub range_to: Vec<String>,
    /// The postpositions after a range whose first month takes the ablative and the second the
    /// dative: `қыркүйектен желтоқсанға дейін` → `["дейін", "шейін"]`.
    pub until: Vec<String>,
    /// The ablative endings of that first month (`қыркүйек-тен`): `["дан", "ден", "тан", …]`.
    pub ablative_endings: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FoundDate {
    pub range: Range<usize>,
    pub date: NaiveDate,
    /// The text had no year and `default_year` supplied it.
    pub year_inferred: bool,
}

/// Where the dates of a text lie, whether or not they resolve: a period found there must not
/// overlap them (see [`DateParser::first_date_or_places`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DatePlaces(Vec<Range<usize>>);

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

pub struct DateParser {
    /// Normalised stem and month number, longest stem first so that the most specific stem
    /// decides when one stem is a prefix of another.
    month_stems: Vec<(String, u32)>,
    date_forms: Forms<DateForm>,
    period_forms: Forms<PeriodForm>,
    bare_years: Matcher,
    date_pattern: String,
    period_pattern: String,
}

/// A day as people in Kazakhstan write it: `30.11.2026`. Values carry days as `2026-11-30`
/// (templates compare them, JSON reports sort them); this is how messages and tables show them.
pub fn show_day(date: NaiveDate) -> String {
    date.format("%d.%m.%Y").to_string()
}

/// A value written `2026-11-30` shown as [`show_day`] does; any other text as it is. The
/// templates' `date` filter (`{{ due | date }}`).
pub fn show_iso_day(text: &str) -> String {
    match NaiveDate::parse_from_str(text, "%Y-%m-%d") {
        Ok(date) => show_day(date),
        Err(_) => text.to_string(),
    }
}

/// A day as a person gives one to the program (`--as-of`): `2026-11-30` or `30.11.2026`.
pub fn parse_day(text: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(text, "%Y-%m-%d")
        .or_else(|_| NaiveDate::parse_from_str(text, "%d.%m.%Y"))
        .ok()
}

impl DateParser {
    /// The parser for `words`, its forms compiled at once: words that make a form too large
    /// are an error here.
    pub fn new(words: &CalendarWords) -> Result<DateParser, CalendarError> {
        DateParser::with(words, Built::Now)
    }

    /// The parser for words known to compile (the built-in pack's), each form compiled at its
    /// first search of text that may hold it: a form no text of the run needs costs nothing.
    pub fn known_valid(words: &CalendarWords) -> Result<DateParser, CalendarError> {
        DateParser::with(words, Built::AtFirstUse)
    }

    fn with(words: &CalendarWords, built: Built) -> Result<DateParser, CalendarError> {
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
                month_stems.push((checked_word("months", stem, 3, true)?, month));
            }
        }
        month_stems.sort_by_key(|(s, _)| Reverse(s.chars().count()));
        let checked = |list: &str, raw: &[String], min: usize, letter_start: bool| {
            raw.iter()
                .map(|w| checked_word(list, w, min, letter_start))
                .collect::<Result<Vec<_>, _>>()
        };
        let quarter = checked("quarter", &words.quarter, 3, true)?;
        let half_year = checked("half_year", &words.half_year, 3, true)?;
        // A year word follows its number without a word edge (`2026г.`), so it may start with a
        // hyphen (`-жылғы`).
        let year = checked("year", &words.year, 1, false)?;
        let range = RangeWords {
            month_word: checked("month_word", &words.month_word, 2, true)?,
            from: checked("range_from", &words.range_from, 1, true)?,
            to: checked("range_to", &words.range_to, 1, true)?,
            until: checked("until", &words.until, 2, true)?,
            ablative_endings: checked("ablative_endings", &words.ablative_endings, 2, true)?,
        };

        let stems: Vec<String> = month_stems.iter().map(|(s, _)| s.clone()).collect();
        let fragments = Fragments::new(&stems, &quarter, &half_year, year, &range);

        let date_pattern = public_pattern(date_sources(&fragments, Mode::Public));
        let period_pattern = public_pattern(period_sources(&fragments, Mode::Public));
        // The public patterns are made of the same pieces as the forms compiled below, which
        // would fail first: they are compiled only inside the pack patterns that embed them
        // (the tests compile them for sparse lexicons too).
        let mut narrower = Narrower::default();
        Ok(DateParser {
            month_stems,
            date_forms: compile_forms(
                date_sources(&fragments, Mode::Internal),
                &mut narrower,
                built,
            )?,
            period_forms: compile_forms(
                period_sources(&fragments, Mode::Internal),
                &mut narrower,
                built,
            )?,
            bare_years: compile(&bare_years_source(), &mut narrower, built)?,
            date_pattern,
            period_pattern,
        })
    }

    /// A regex source matching any calendar date the parser recognises, with no capture groups
    /// (only `(?:...)`), to be embedded in other regexes of the rule pack as `{date}`. Like the
    /// parser it is written for folded text, which is lower case: inside `(?i:...)` it matches
    /// text as written (`12 МАРТА`). It is a textual approximation: it cannot reject `31.02.2026`, a date after `№`,
    /// or one glued into a longer chain of numbers, which [`DateParser::find_dates`] does.
    ///
    /// It contains no `\b` or other look-around, which would slow every pattern it is embedded
    /// in. So its edges work differently from the parser's:
    /// - it neither checks nor consumes the character before the date, which a rule such as
    ///   `до\s+{date}` has already consumed; so `x12.03.2026` matches from `12`, and a rule whose
    ///   text before the date is not constrained should put a word start (the pack's `{sow}`)
    ///   before it;
    /// - after a date that ends in a word (`12 марта`, `2026 г`) it consumes the next character
    ///   when that is not a word character (`12 марта,`), or matches at the end of the text, so a
    ///   value group around it may end with one neighbouring character to trim, and a rule
    ///   continuing after it should go on with `\s*` rather than `\s+`;
    /// - after a date that ends in a number (`30.04.2026`) nothing is checked or consumed, so
    ///   that `до\s+(?P<deadline>{date})` holds just `30.04.2026` in `до 30.04.2026 отчёт`; a
    ///   number there is matched as long as it goes.
    pub fn date_pattern(&self) -> &str {
        &self.date_pattern
    }

    /// Same for periods (`{period}`), with the same edges. It also matches the month inside
    /// `12 марта`, which [`DateParser::first_period`] skips because dates win. Because the start
    /// is not checked, `{period}` alone also matches `і тоқсан` at the end of `екінші тоқсан` and
    /// `майтын` in `бармайтын`; put a word start before it where the text is not constrained.
    pub fn period_pattern(&self) -> &str {
        &self.period_pattern
    }

    /// Every date in `text`, left to right, non-overlapping; `default_year` fills a date written
    /// without year. Text shaped like a date that is not one (`31.02.2026`, or no year and no
    /// default) is skipped, and nothing inside it is reported either.
    pub fn find_dates(&self, text: &str, default_year: Option<i32>) -> Vec<FoundDate> {
        let mut found = Vec::new();
        self.scan_dates(text, &mut |hit| {
            if let Some(d) = self.resolve_date(hit, default_year) {
                found.push(d);
            }
            true
        });
        found
    }

    pub fn first_date(&self, text: &str, default_year: Option<i32>) -> Option<FoundDate> {
        self.first_date_or_places(text, default_year).ok()
    }

    /// The first date in `text` as [`DateParser::first_date`] finds it, or, when there is none,
    /// where the dates written there lie (none of which resolves), for
    /// [`DateParser::first_period_besides`]: a text without a date is searched for dates once,
    /// not once for a date and again for the dates a period must not overlap.
    pub fn first_date_or_places(
        &self,
        text: &str,
        default_year: Option<i32>,
    ) -> Result<FoundDate, DatePlaces> {
        let mut first = None;
        let mut places = Vec::new();
        self.scan_dates(text, &mut |hit| {
            places.push(hit.range.clone());
            first = self.resolve_date(hit, default_year);
            first.is_none()
        });
        first.ok_or(DatePlaces(places))
    }

    /// The first period (not a single date) in `text`. A period without a written year takes
    /// `default_year`; with none it is skipped and the search goes on.
    pub fn first_period(&self, text: &str, default_year: Option<i32>) -> Option<FoundPeriod> {
        let mut date_spans = Vec::new();
        self.scan_dates(text, &mut |hit| {
            date_spans.push(hit.range.clone());
            true
        });
        self.first_period_besides(text, default_year, &DatePlaces(date_spans))
    }

    /// [`DateParser::first_period`] where the dates of `text` are known to lie at `dates`.
    pub fn first_period_besides(
        &self,
        text: &str,
        default_year: Option<i32>,
        dates: &DatePlaces,
    ) -> Option<FoundPeriod> {
        let date_spans = &dates.0;
        let mut first = None;
        scan(
            &self.period_forms,
            text,
            &|_, r| !overlaps(date_spans, r),
            &mut |hit| {
                first = self.resolve_period(hit, default_year);
                first.is_none()
            },
        );
        first.or_else(|| self.bare_year(text))
    }

    fn scan_dates<'s, 't>(
        &'s self,
        text: &'t str,
        visit: &mut dyn FnMut(&Hit<'t, 's, DateForm>) -> bool,
    ) {
        // Every date form starts from a day written in ASCII digits: a text without one (most
        // lines of a protocol) holds no date, and is not searched form by form.
        if !text.bytes().any(|b| b.is_ascii_digit()) {
            return;
        }
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
        hit: &Hit<'_, '_, DateForm>,
        default_year: Option<i32>,
    ) -> Option<FoundDate> {
        let kind = hit.kind();
        let day = number(hit, "d")?;
        let month = match kind {
            DateForm::Numeric => number(hit, "m")?,
            DateForm::DayFirstText | DateForm::YearFirstText => {
                self.month_of(hit.get("m")?.as_str())?
            }
        };
        let (year, year_inferred) = match hit.get("y") {
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
            range: hit.range.clone(),
            date: NaiveDate::from_ymd_opt(year, month, day)?,
            year_inferred,
        })
    }

    fn resolve_period(
        &self,
        hit: &Hit<'_, '_, PeriodForm>,
        default_year: Option<i32>,
    ) -> Option<FoundPeriod> {
        let kind = hit.kind();
        let (first_day, last_day) = match kind {
            PeriodForm::Quarter | PeriodForm::HalfYear => {
                let (months_per, count) = if kind == PeriodForm::Quarter {
                    (3, 4)
                } else {
                    (6, 2)
                };
                let n1 = small_ordinal(hit.get("n1")?.as_str())?;
                let n2 = match hit.get("n2") {
                    Some(m) => small_ordinal(m.as_str())?,
                    None => n1,
                };
                if n1 > n2 || n2 > count {
                    return None;
                }
                let year = year_in(hit, &["y1", "y2"]).or(default_year)?;
                (
                    month_start(year, (n1 - 1) * months_per + 1)?,
                    month_end(year, n2 * months_per)?,
                )
            }
            PeriodForm::Month => {
                let month = self.month_of(hit.get("m1")?.as_str())?;
                let year = year_in(hit, &["y1", "y2"]).or(default_year)?;
                (month_start(year, month)?, month_end(year, month)?)
            }
            PeriodForm::MonthRange => {
                let m1 = self.month_of(hit.get("m1")?.as_str())?;
                let m2 = self.month_of(hit.get("m2")?.as_str())?;
                // `сентябрь–май` is a school year: the range crosses New Year.
                let wraps = m2 < m1;
                let next = |y: i32| if wraps { y.checked_add(1) } else { Some(y) };
                let start = year_in(hit, &["y1", "y2"]);
                let end = year_in(hit, &["y3"]);
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
                let y1 = year_in(hit, &["y1"])?;
                let y2 = year_in(hit, &["y2"]).unwrap_or(y1);
                (month_start(y1, 1)?, month_end(y2, 12)?)
            }
        };
        (first_day <= last_day).then(|| FoundPeriod {
            range: hit.range.clone(),
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
