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

use crate::parse::narrow::Narrower;
use chrono::{Months, NaiveDate};
use regex::{Captures, Match, Regex, RegexBuilder};
use std::cell::RefCell;
use std::cmp::Reverse;
use std::collections::HashMap;
use std::fmt;
use std::ops::Range;

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
    /// Capture group indices by name. A name used in several branches of one pattern is numbered
    /// there (`n2`, `n2_1`, ...); the value is the one that took part in the match.
    groups: HashMap<String, Vec<usize>>,
    /// The unnamed groups that consume the character after the match (see the module comment).
    edges: Vec<usize>,
}

/// One accepted match of a form: its captures and the range of the date or period proper.
struct Hit<'t, 'f, K> {
    form: &'f Form<K>,
    caps: Captures<'t>,
    range: Range<usize>,
}

impl<'t, K: Copy> Hit<'t, '_, K> {
    fn kind(&self) -> K {
        self.form.kind
    }

    fn get(&self, name: &str) -> Option<Match<'t>> {
        self.form
            .groups
            .get(name)?
            .iter()
            .find_map(|&i| self.caps.get(i))
    }
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
// The same days, longest first: where a public pattern ends with the day and checks nothing after
// it, `2026-05-13` must not stop at `2026-05-1`.
const DAY_LONGEST_FIRST: &str = "(?:3[01]|[12][0-9]|0?[1-9])";
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
// A Cyrillic block class keeps the compiled automaton far smaller than `\p{L}`. The block's only
// non-word character, U+0482 `҂` (thousands sign), is left out, so that every ending is made of
// word characters and a word edge after it always wants a non-word character next.
const ENDING: &str = r"[\x{0400}-\x{0481}\x{0483}-\x{04FF}i]";
const NOUN_ENDING: &str = r"[\x{0400}-\x{0481}\x{0483}-\x{04FF}]";
const NEVER: &str = r"[^\s\S]";
const QUARTER_NUM: &str = "(?:[1-4]|[iі]v|[iі]{1,3})";
const HALF_NUM: &str = "(?:[12]|[iі]{1,2})";
// Kazakh ablative endings: `қыркүйектен желтоқсанға дейін` is a range, `қыркүйек желтоқсан` not.
const ABLATIVE: &str = "(?:дан|ден|тан|тен|нан|нен)";
// What a word edge after the match asks of the next character, in the internal patterns.
const EDGE: &str = r"(\W|$)";
// The same without a capture group, for the public patterns.
const PUBLIC_EDGE: &str = r"(?:\W|$)";

/// The regex pieces built from the lexicon; each is a complete non-capturing unit without word
/// edges, which [`Build`] adds according to what stands around it.
struct Fragments {
    /// A month stem with its case ending.
    month: String,
    /// A month in the Kazakh ablative (`қыркүйектен`).
    month_ablative: String,
    quarter: String,
    half_year: String,
    /// A year word of three letters or more, with its case ending.
    year_long: String,
    /// A year abbreviation (`г`, `ж`), without the dot.
    year_short: String,
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

/// `letter_start`: the entry must begin with a letter, because the grammar puts a word edge
/// before it; every entry must end with one, because a word edge follows it.
fn checked_word(
    list: &str,
    raw: &str,
    min_letters: usize,
    letter_start: bool,
) -> Result<String, CalendarError> {
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
    let starts_badly = letter_start && !word.chars().next().is_some_and(char::is_alphabetic);
    if starts_badly || !word.chars().next_back().is_some_and(char::is_alphabetic) {
        let ends = if letter_start { "begin and end" } else { "end" };
        return Err(CalendarError(format!(
            "{list}: {raw:?} must {ends} with a letter"
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

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Mode {
    /// Named groups for the values and unnamed ones for the edge after the match.
    Internal,
    /// No capture groups, for embedding in the rule pack's patterns.
    Public,
}

/// Writes one form's pattern.
///
/// Each `\b` of the grammar is replaced by a restriction on its neighbours, and which neighbours
/// a `\b` has depends on where it stands; so the pieces below are named after their context.
/// Nearly every edge sits next to a letter or digit (number shapes, lexicon words, which begin and
/// end with letters, and endings, which are word characters only), so an edge means "the other
/// neighbour is a non-word character". Alternatives keep the order of the `\b` pattern they
/// replace, which leftmost-first matching depends on.
struct Build<'a> {
    f: &'a Fragments,
    mode: Mode,
    /// How often each group name has been used in this form.
    used: RefCell<HashMap<&'static str, usize>>,
}

impl<'a> Build<'a> {
    fn new(f: &'a Fragments, mode: Mode) -> Self {
        Build {
            f,
            mode,
            used: RefCell::new(HashMap::new()),
        }
    }

    fn g(&self, name: &'static str, body: &str) -> String {
        if self.mode == Mode::Public {
            return format!("(?:{body})");
        }
        let mut used = self.used.borrow_mut();
        let count = used.entry(name).or_insert(0);
        let full = if *count == 0 {
            name.to_string()
        } else {
            format!("{name}_{count}")
        };
        *count += 1;
        format!("(?P<{full}>{body})")
    }

    /// The end of the match after a word: the next character must not be a word character.
    fn edge_after_word(&self) -> &'static str {
        match self.mode {
            Mode::Internal => EDGE,
            Mode::Public => PUBLIC_EDGE,
        }
    }

    /// The end of the match after a number. The public patterns leave it unchecked: embedded as
    /// `до\s+(?P<deadline>{date})`, the group has to hold just `30.04.2026` in `30.04.2026 отчёт`.
    fn edge_after_number(&self) -> &'static str {
        match self.mode {
            Mode::Internal => EDGE,
            Mode::Public => "",
        }
    }

    /// A year word that ends the match. An abbreviation's dot ends the word itself; without one,
    /// the next character must not be a word character. In a public pattern the edge character
    /// is part of the match anyway, and a dot is one, so there `г.` needs no branch of its own.
    fn year_word_last(&self) -> String {
        let (long, short) = (&self.f.year_long, &self.f.year_short);
        let edge = || self.edge_after_word();
        match self.mode {
            Mode::Internal => format!(r"(?:{long}{}|{short}(?:\.|{}))", edge(), edge()),
            Mode::Public => format!(r"(?:{long}|{short}){}", edge()),
        }
    }

    /// What may follow a year number that ends the match: a year word, or nothing.
    fn year_tail_last(&self) -> String {
        format!(
            r"(?:\s*{}|{})",
            self.year_word_last(),
            self.edge_after_number()
        )
    }

    /// An optional year after a word, ending the match (`марта 2026 г.`, `I квартал 2026`).
    fn year_after_last(&self, name: &'static str) -> String {
        format!(
            r"(?:\s+{}{}|{})",
            self.g(name, TEXT_YEAR),
            self.year_tail_last(),
            self.edge_after_word()
        )
    }

    /// An optional year after a word, followed by whitespace or a dash (`сентябрь 2025 - май`),
    /// which satisfies every edge in it.
    fn year_after_inner(&self, name: &'static str) -> String {
        let (long, short) = (&self.f.year_long, &self.f.year_short);
        format!(
            r"(?:\s+{}(?:\s*(?:{long}|{short}\.?))?)?",
            self.g(name, TEXT_YEAR)
        )
    }

    /// An optional year and year word before a word (`2026 жылғы наурыз`, `2026 ж. I тоқсан`):
    /// the word needs a non-word character before it, so without a dot there must be whitespace.
    fn year_before(&self, name: &'static str) -> String {
        let (long, short) = (&self.f.year_long, &self.f.year_short);
        format!(
            r"(?:{}\s*(?:{long}\s+|{short}(?:\.\s*|\s+)))?",
            self.g(name, TEXT_YEAR)
        )
    }

    /// Between a day number and its month: a closing quote, an ordinal (`12-го`, `1-ші`), or
    /// whitespace, but something (`12марта` is no date), and whitespace after an ordinal.
    fn day_month_gap(&self) -> String {
        let ordinal = format!(r"\s*{DASH}\s*(?:{ORDINAL}\s+)?");
        format!(r"(?:{CLOSE_QUOTE}(?:{ordinal})?\s*|{ordinal}\s*|\s+)")
    }

    /// `наурыз айы`, `в марте месяце`: the word for "month" belongs to the period, and it is
    /// grammar rather than vocabulary, so it lives here and not in the lexicon. Its end edge is
    /// left to what follows.
    fn month_noun(&self) -> String {
        format!(r"(?:\s+(?:ай|месяц){NOUN_ENDING}{{0,5}})?")
    }

    fn day_first(&self) -> Source {
        let body = format!(
            "(?:{OPEN_QUOTE})?{}{}{}",
            self.g("d", DAY),
            self.day_month_gap(),
            self.g("m", &self.f.month),
        );
        (body, self.year_after_last("y"))
    }

    fn year_first(&self) -> Source {
        let (long, short) = (&self.f.year_long, &self.f.year_short);
        let quote = format!("(?:{OPEN_QUOTE})?");
        // The year word needs a non-word character after it unless it ends with a dot: whitespace
        // or the day's opening quote.
        let year_word = format!(
            r"\s*(?:{long}(?:\s+{quote}|{OPEN_QUOTE})|{short}(?:\.\s*{quote}|\s+{quote}|{OPEN_QUOTE}))"
        );
        let body = format!(
            "{}{year_word}{}{}{}",
            self.g("y", TEXT_YEAR),
            self.g("d", DAY),
            self.day_month_gap(),
            self.g("m", &self.f.month),
        );
        (body, self.edge_after_word().to_string())
    }

    fn numeric(&self, day: &str, month: &str, year: &str, sep: &str, year_first: bool) -> Source {
        let day = if year_first && self.mode == Mode::Public {
            DAY_LONGEST_FIRST
        } else {
            day
        };
        let (d, m, y) = (self.g("d", day), self.g("m", month), self.g("y", year));
        let body = if year_first {
            format!("{y}{sep}{m}{sep}{d}")
        } else {
            format!("{d}{sep}{m}{sep}{y}")
        };
        (body, self.year_tail_last())
    }

    /// `I квартал`, `1-2 тоқсан`, `2026 жылғы ІІ тоқсанда`, `1-жартыжылдық`.
    fn numbered(&self, num: &str, word: &str) -> Source {
        // `-II` after the first number, with its own ordinal and the whitespace before the word.
        let second = || {
            format!(
                r"\s*{DASH}\s*{}(?:\s*{DASH}\s*(?:{ORDINAL}\s+|\s*)|\s+)",
                self.g("n2", num)
            )
        };
        // After the first number: an ordinal tail (`1-ші`, `1-`), the second number, or
        // whitespace; a number or an ordinal needs a non-word character after it.
        let after_first = format!(
            r"(?:\s*{DASH}\s*(?:{ORDINAL}(?:{}|\s+)|{}|\s*)|{}|\s+)",
            second(),
            second(),
            second()
        );
        let body = format!(
            "{}{}{after_first}{word}",
            self.year_before("y1"),
            self.g("n1", num),
        );
        (body, self.year_after_last("y2"))
    }

    fn month_range(&self) -> Source {
        let body = format!(
            r"{}{}{}\s*{DASH}\s*{}{}",
            self.year_before("y1"),
            self.g("m1", &self.f.month),
            self.year_after_inner("y2"),
            self.g("m2", &self.f.month),
            self.month_noun(),
        );
        (body, self.year_after_last("y3"))
    }

    fn month_range_from_to(&self) -> Source {
        let body = format!(
            r"со?\s+{}{}\s+по\s+{}{}",
            self.g("m1", &self.f.month),
            self.year_after_inner("y2"),
            self.g("m2", &self.f.month),
            self.month_noun(),
        );
        (body, self.year_after_last("y3"))
    }

    fn month_range_until(&self) -> Source {
        let body = format!(
            r"{}{}\s+{}\s+(?:дейін|шейін)",
            self.year_before("y1"),
            self.g("m1", &self.f.month_ablative),
            self.g("m2", &self.f.month),
        );
        (body, self.edge_after_word().to_string())
    }

    fn month(&self) -> Source {
        let body = format!(
            "{}{}{}",
            self.year_before("y1"),
            self.g("m1", &self.f.month),
            self.month_noun(),
        );
        (body, self.year_after_last("y2"))
    }

    fn years(&self) -> Source {
        let body = format!(
            r"{}(?:\s*{DASH}\s*{})?\s*",
            self.g("y1", TEXT_YEAR),
            self.g("y2", TEXT_YEAR),
        );
        (body, self.year_word_last())
    }
}

/// A form's pattern in two parts: the body, and the tail from the last word or number on, which
/// holds the end edges. [`public_pattern`] writes a tail shared by neighbouring forms only once.
type Source = (String, String);

fn date_sources(f: &Fragments, mode: Mode) -> Vec<(DateForm, Source)> {
    let b = || Build::new(f, mode);
    let mut forms = vec![
        (DateForm::DayFirstText, b().day_first()),
        (DateForm::YearFirstText, b().year_first()),
    ];
    for sep in [r"\.", "/", DASH] {
        forms.push((
            DateForm::Numeric,
            b().numeric(DAY, MONTH_NUM, "[0-9]{4}", sep, false),
        ));
        forms.push((
            DateForm::Numeric,
            b().numeric(DAY, MONTH_NUM, "[0-9]{4}", sep, true),
        ));
    }
    // Two-digit years only with two-digit day and month: `1.1.12` is far more often a clause
    // number than 1 January 2012, and `12-03-26` a phone number.
    for sep in [r"\.", "/"] {
        forms.push((
            DateForm::Numeric,
            b().numeric(DAY2, MONTH_NUM2, "[0-9]{2}", sep, false),
        ));
    }
    forms
}

fn period_sources(f: &Fragments, mode: Mode) -> Vec<(PeriodForm, Source)> {
    let b = || Build::new(f, mode);
    vec![
        (PeriodForm::Quarter, b().numbered(QUARTER_NUM, &f.quarter)),
        (PeriodForm::HalfYear, b().numbered(HALF_NUM, &f.half_year)),
        (PeriodForm::MonthRange, b().month_range()),
        (PeriodForm::MonthRange, b().month_range_from_to()),
        (PeriodForm::MonthRange, b().month_range_until()),
        (PeriodForm::Month, b().month()),
        (PeriodForm::Years, b().years()),
    ]
}

/// Compiles a pattern for folded text, as the pack's patterns are (`parse::narrow`): every
/// caller passes folded text, which is lower case and made of a known alphabet.
fn compile(source: &str, narrower: &mut Narrower) -> Result<Regex, CalendarError> {
    let failed =
        |e: &dyn fmt::Display| CalendarError(format!("internal pattern failed to compile: {e}"));
    let hir = regex_syntax::ParserBuilder::new()
        .case_insensitive(true)
        .build()
        .parse(source)
        .map_err(|e| failed(&e))?;
    let narrowed = narrower.narrow(&hir).map_err(|e| failed(&e))?;
    RegexBuilder::new(&narrowed.to_string())
        .build()
        .map_err(|e| failed(&e))
}

/// Checks a pattern's syntax without building a matcher, which would cost as much as all the
/// forms together.
fn validate(source: &str) -> Result<(), CalendarError> {
    regex_syntax::ParserBuilder::new()
        .case_insensitive(true)
        .build()
        .parse(source)
        .map(drop)
        .map_err(|e| CalendarError(format!("internal pattern failed to compile: {e}")))
}

/// All forms as one alternation. Neighbouring forms with the same tail share it, `(?:a|b)t`
/// being `at|bt` for leftmost-first matching: every `\W` in a pattern costs compile time and
/// memory in each rule that embeds it.
fn public_pattern<K>(sources: Vec<(K, Source)>) -> String {
    let mut branches: Vec<String> = Vec::new();
    let mut run: Vec<String> = Vec::new();
    let mut sources = sources.into_iter().map(|(_, source)| source).peekable();
    while let Some((body, tail)) = sources.next() {
        run.push(body);
        if sources.peek().is_some_and(|(_, next)| *next == tail) {
            continue;
        }
        branches.push(match run.len() {
            1 => format!("{}{tail}", run[0]),
            _ => format!("(?:{}){tail}", run.join("|")),
        });
        run.clear();
    }
    format!("(?i:{})", branches.join("|"))
}

fn compile_forms<K: Copy>(
    sources: Vec<(K, Source)>,
    narrower: &mut Narrower,
) -> Result<Vec<Form<K>>, CalendarError> {
    sources
        .into_iter()
        .map(|(kind, (body, tail))| {
            let re = compile(&format!("{body}{tail}"), narrower)?;
            let mut groups: HashMap<String, Vec<usize>> = HashMap::new();
            let mut edges = Vec::new();
            for (index, name) in re.capture_names().enumerate().skip(1) {
                match name {
                    // `n2_1` is another branch's `n2`.
                    Some(name) => {
                        let base = name.split('_').next().unwrap_or(name);
                        groups.entry(base.to_string()).or_default().push(index);
                    }
                    None => edges.push(index),
                }
            }
            Ok(Form {
                kind,
                re,
                groups,
                edges,
            })
        })
        .collect()
}

fn number<K: Copy>(hit: &Hit<'_, '_, K>, name: &str) -> Option<u32> {
    hit.get(name)?.as_str().parse().ok()
}

fn year_in<K: Copy>(hit: &Hit<'_, '_, K>, names: &[&str]) -> Option<i32> {
    names
        .iter()
        .find_map(|n| hit.get(n))
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

/// Whether `at` lies inside a word: a word character on both sides. Every form starts either with
/// a word character, which then needs a non-word character (or nothing) before it, or with an
/// opening quote, which needs nothing; so this is the whole test for a match's start.
fn inside_word(text: &str, at: usize) -> bool {
    // Unicode's word characters, as `\w` has them: a character test, not a regex per character.
    let is_word = |c: Option<char>| c.is_some_and(regex_syntax::is_word_character);
    let before = text.get(..at).and_then(|s| s.chars().next_back());
    let after = text.get(at..).and_then(|s| s.chars().next());
    is_word(before) && is_word(after)
}

fn overlaps(spans: &[Range<usize>], r: &Range<usize>) -> bool {
    spans.iter().any(|s| s.start < r.end && r.start < s.end)
}

/// The leftmost match of one form at or after `from` that starts at a word edge and that
/// `accept` lets through. A rejected match only moves the search one character on, so a shorter
/// match inside it can still be found.
fn next_in_form<'t, 'f, K: Copy>(
    form: &'f Form<K>,
    text: &'t str,
    mut from: usize,
    accept: &dyn Fn(K, &Range<usize>) -> bool,
) -> Option<Hit<'t, 'f, K>> {
    while from <= text.len() {
        let caps = form.re.captures_at(text, from)?;
        let whole = caps.get(0)?.range();
        // The match proper ends where the consumed edge character begins.
        let end = form
            .edges
            .iter()
            .find_map(|&i| caps.get(i))
            .map_or(whole.end, |m| m.start());
        let range = whole.start..end;
        if !range.is_empty() && !inside_word(text, range.start) && accept(form.kind, &range) {
            return Some(Hit { form, caps, range });
        }
        from = whole.start + char_len_at(text, whole.start);
    }
    None
}

/// Runs all forms over `text` together and hands `visit` their matches left to right without
/// overlaps; where several start at the same place the longest wins, so `2026 жылғы наурыз` is a
/// month rather than the year `2026 жылғы` followed by a stray word. `visit` returns false to stop.
/// Each form's next search starts where the last visited match proper ended, not after the edge
/// character it consumed, which may begin the next match.
fn scan<'t, 'f, K: Copy>(
    forms: &'f [Form<K>],
    text: &'t str,
    accept: &dyn Fn(K, &Range<usize>) -> bool,
    visit: &mut dyn FnMut(&Hit<'t, 'f, K>) -> bool,
) {
    let mut pending: Vec<Option<Hit<'t, 'f, K>>> = forms
        .iter()
        .map(|f| next_in_form(f, text, 0, accept))
        .collect();
    let mut pos = 0;
    loop {
        let best = pending
            .iter()
            .enumerate()
            .filter_map(|(i, h)| h.as_ref().map(|h| (i, h.range.clone())))
            .min_by_key(|(i, r)| (r.start, Reverse(r.end), *i));
        let Some((index, range)) = best else { return };
        let Some(hit) = pending[index].take() else {
            return;
        };
        if !visit(&hit) {
            return;
        }
        pos = pos.max(range.end);
        for (i, slot) in pending.iter_mut().enumerate() {
            let stale = match slot {
                Some(h) => h.range.start < pos,
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

        let stems: Vec<String> = month_stems.iter().map(|(s, _)| s.clone()).collect();
        let month_alt = alternation(&stems);
        let (long_year, short_year): (Vec<String>, Vec<String>) =
            year.into_iter().partition(|w| w.chars().count() >= 3);
        let fragments = Fragments {
            month: format!(r"(?:{month_alt}){ENDING}{{0,8}}"),
            month_ablative: format!(r"(?:{month_alt}){ENDING}{{0,5}}?{ABLATIVE}"),
            quarter: format!(r"(?:{}){ENDING}{{0,6}}", alternation(&quarter)),
            half_year: format!(r"(?:{}){ENDING}{{0,6}}", alternation(&half_year)),
            year_long: format!(r"(?:{}){ENDING}{{0,6}}", alternation(&long_year)),
            year_short: format!(r"(?:{})", alternation(&short_year)),
        };

        let date_pattern = public_pattern(date_sources(&fragments, Mode::Public));
        let period_pattern = public_pattern(period_sources(&fragments, Mode::Public));
        // Parsing the public patterns here means a caller never receives one that fails later;
        // they are compiled only inside the pack patterns that embed them.
        validate(&date_pattern)?;
        validate(&period_pattern)?;
        let mut narrower = Narrower::default();
        Ok(DateParser {
            month_stems,
            date_forms: compile_forms(date_sources(&fragments, Mode::Internal), &mut narrower)?,
            period_forms: compile_forms(period_sources(&fragments, Mode::Internal), &mut narrower)?,
            bare_years: compile(
                &format!(r"^\s*(?P<y1>{TEXT_YEAR})(?:\s*{DASH}\s*(?P<y2>{TEXT_YEAR}))?\s*$"),
                &mut narrower,
            )?,
            date_pattern,
            period_pattern,
        })
    }

    /// A regex source matching any calendar date the parser recognises, with no capture groups
    /// (only `(?:...)` and `(?i:...)`), to be embedded in other regexes of the rule pack as
    /// `{date}`. It is a textual approximation: it cannot reject `31.02.2026`, a date after `№`,
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
        let mut first = None;
        self.scan_dates(text, &mut |hit| {
            first = self.resolve_date(hit, default_year);
            first.is_none()
        });
        first
    }

    /// The first period (not a single date) in `text`. A period without a written year takes
    /// `default_year`; with none it is skipped and the search goes on.
    pub fn first_period(&self, text: &str, default_year: Option<i32>) -> Option<FoundPeriod> {
        let mut date_spans = Vec::new();
        self.scan_dates(text, &mut |hit| {
            date_spans.push(hit.range.clone());
            true
        });
        let mut first = None;
        scan(
            &self.period_forms,
            text,
            &|_, r| !overlaps(&date_spans, r),
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

#[cfg(test)]
mod tests {
    use super::*;

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
            let mut patterns = vec![p.date_pattern(), p.period_pattern(), p.bare_years.as_str()];
            patterns.extend(p.date_forms.iter().map(|f| f.re.as_str()));
            patterns.extend(p.period_forms.iter().map(|f| f.re.as_str()));
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
}
