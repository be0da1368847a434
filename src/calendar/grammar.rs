//! The regex grammar around the lexicon's words: the pieces every form is built from, the
//! forms of dates and periods, and their compilation on folded text.

use super::CalendarError;
use crate::matcher::Matcher;
use crate::parse::narrow::Narrower;
use crate::parse::prebuilt::{self, Syntax};
use regex_syntax::hir::{Hir, HirKind, Repetition};
use std::cell::RefCell;
use std::cmp::Reverse;
use std::collections::HashMap;
use std::fmt;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, OnceLock};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum DateForm {
    /// `12 марта 2026 г.`, `«12» марта`, `30 сәуірге`, `1-ші қазан`.
    DayFirstText,
    /// `2026 жылғы 12 наурыз`.
    YearFirstText,
    /// `12.03.2026`, `2026-03-12`, `12.03.26`.
    Numeric,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum PeriodForm {
    Quarter,
    HalfYear,
    Month,
    MonthRange,
    Years,
}

pub(super) struct Form<K> {
    pub(super) kind: K,
    pub(super) re: Matcher,
    /// Capture group indices by name. A name used in several branches of one pattern is numbered
    /// there (`n2`, `n2_1`, ...); the value is the one that took part in the match.
    pub(super) groups: HashMap<String, Vec<usize>>,
    /// The unnamed groups that consume the character after the match (see the module comment).
    pub(super) edges: Vec<usize>,
    /// The pattern as written, for tests that read it.
    #[cfg(test)]
    pub(super) source: String,
}

// Number shapes are restricted in the regex itself, not only by chrono, so that the public
// patterns embedded in other rules do not match `45.17.2026` or a quarter `7`.
pub(super) const DAY: &str = "(?:0?[1-9]|[12][0-9]|3[01])";
pub(super) const DAY2: &str = "(?:0[1-9]|[12][0-9]|3[01])";
// The same days, longest first: where a public pattern ends with the day and checks nothing after
// it, `2026-05-13` must not stop at `2026-05-1`.
pub(super) const DAY_LONGEST_FIRST: &str = "(?:3[01]|[12][0-9]|0?[1-9])";
pub(super) const MONTH_NUM: &str = "(?:0?[1-9]|1[0-2])";
pub(super) const MONTH_NUM2: &str = "(?:0[1-9]|1[0-2])";
// A year written next to words has to look like a year of this era (`500 г` is grams), while
// the numeric date shapes are unambiguous enough to take any four digits.
pub(super) const TEXT_YEAR: &str = "(?:19|20|21)[0-9]{2}";
// Word processors turn hyphens into en or em dashes, and PDF exports into minus signs.
pub(super) const DASH: &str = r"[\-\x{2010}-\x{2015}\x{2212}]";
// No whitespace inside the quotes: a stray closing quote before a date must not join it.
pub(super) const OPEN_QUOTE: &str = r#"[«"“„'‘]"#;
pub(super) const CLOSE_QUOTE: &str = r#"[»"”“'’]"#;
// Ordinal suffixes after a number: Russian `12-го`, `1-й`, `1-е`; Kazakh `1-ші`, `6-шы`, `2-нші`.
pub(super) const ORDINAL: &str = r"(?:н?ш[іiы]|го|ое|ый|ой|й|е|[іiы])";
// Case endings are Cyrillic; Latin `i` stays in because old Kazakh exports use it for `і`.
// A Cyrillic block class keeps the compiled automaton far smaller than `\p{L}`. The block's only
// non-word character, U+0482 `҂` (thousands sign), is left out, so that every ending is made of
// word characters and a word edge after it always wants a non-word character next.
pub(super) const ENDING: &str = r"[\x{0400}-\x{0481}\x{0483}-\x{04FF}i]";
pub(super) const NOUN_ENDING: &str = r"[\x{0400}-\x{0481}\x{0483}-\x{04FF}]";
pub(super) const NEVER: &str = r"[^\s\S]";
pub(super) const QUARTER_NUM: &str = "(?:[1-4]|[iі]v|[iі]{1,3})";
pub(super) const HALF_NUM: &str = "(?:[12]|[iі]{1,2})";
// What a word edge after the match asks of the next character, in the internal patterns.
pub(super) const EDGE: &str = r"(\W|$)";
// The same without a capture group, for the public patterns.
pub(super) const PUBLIC_EDGE: &str = r"(?:\W|$)";

/// The regex pieces built from the lexicon; each is a complete non-capturing unit without word
/// edges, which [`Build`] adds according to what stands around it.
pub(super) struct Fragments {
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
    /// The noun "month" after a month's name, with its case ending.
    month_word: String,
    range_from: String,
    range_to: String,
    until: String,
}

/// The lexicon's words of month ranges (see [`super::CalendarWords`]), checked and normalised.
pub(super) struct RangeWords {
    pub(super) month_word: Vec<String>,
    pub(super) from: Vec<String>,
    pub(super) to: Vec<String>,
    pub(super) until: Vec<String>,
    pub(super) ablative_endings: Vec<String>,
}

impl Fragments {
    /// The pieces for checked, normalised words: month stems longest first, and the year words
    /// split into long ones (which take case endings) and abbreviations.
    pub(super) fn new(
        month_stems: &[String],
        quarter: &[String],
        half_year: &[String],
        year: Vec<String>,
        range: &RangeWords,
    ) -> Fragments {
        let month_alt = alternation(month_stems);
        let (long_year, short_year): (Vec<String>, Vec<String>) =
            year.into_iter().partition(|w| w.chars().count() >= 3);
        Fragments {
            month: format!(r"(?:{month_alt}){ENDING}{{0,8}}"),
            // `қыркүйектен желтоқсанға дейін` is a range, `қыркүйек желтоқсан` not.
            month_ablative: format!(
                r"(?:{month_alt}){ENDING}{{0,5}}?(?:{})",
                alternation(&range.ablative_endings)
            ),
            quarter: format!(r"(?:{}){ENDING}{{0,6}}", alternation(quarter)),
            half_year: format!(r"(?:{}){ENDING}{{0,6}}", alternation(half_year)),
            year_long: format!(r"(?:{}){ENDING}{{0,6}}", alternation(&long_year)),
            year_short: format!(r"(?:{})", alternation(&short_year)),
            month_word: format!(
                r"(?:{}){NOUN_ENDING}{{0,5}}",
                alternation(&range.month_word)
            ),
            range_from: format!(r"(?:{})", alternation(&range.from)),
            range_to: format!(r"(?:{})", alternation(&range.to)),
            until: format!(r"(?:{})", alternation(&range.until)),
        }
    }
}

/// A deadline cell that is only a year or a range of years (`2026`, `2025–2026`).
pub(super) fn bare_years_source() -> String {
    format!(r"^\s*(?P<y1>{TEXT_YEAR})(?:\s*{DASH}\s*(?P<y2>{TEXT_YEAR}))?\s*$")
}

pub(super) fn normalise(s: &str) -> String {
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
pub(super) fn checked_word(
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
pub(super) fn word_source(word: &str) -> String {
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

pub(super) fn alternation(words: &[String]) -> String {
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
pub(super) enum Mode {
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
pub(super) struct Build<'a> {
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

    /// `наурыз айы`, `в марте месяце`: the word for "month" belongs to the period. Its end edge
    /// is left to what follows.
    fn month_noun(&self) -> String {
        format!(r"(?:\s+{})?", self.f.month_word)
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
            r"{}\s+{}{}\s+{}\s+{}{}",
            self.f.range_from,
            self.g("m1", &self.f.month),
            self.year_after_inner("y2"),
            self.f.range_to,
            self.g("m2", &self.f.month),
            self.month_noun(),
        );
        (body, self.year_after_last("y3"))
    }

    fn month_range_until(&self) -> Source {
        let body = format!(
            r"{}{}\s+{}\s+{}",
            self.year_before("y1"),
            self.g("m1", &self.f.month_ablative),
            self.g("m2", &self.f.month),
            self.f.until,
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
pub(super) type Source = (String, String);

pub(super) fn date_sources(f: &Fragments, mode: Mode) -> Vec<(DateForm, Source)> {
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

pub(super) fn period_sources(f: &Fragments, mode: Mode) -> Vec<(PeriodForm, Source)> {
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
///
/// Parsed case-sensitively: the lexicon's words are lower-cased (`normalise`) and the grammar
/// names no capital and no class about case, so on lower-case text case-insensitivity would
/// find nothing more (`pack::case`), while it turned every letter into a class of its cases
/// for the narrower to take apart again: a third of the cost of building the forms.
pub(super) fn compile(
    source: &str,
    narrower: &mut Narrower,
    built: Built,
) -> Result<Matcher, CalendarError> {
    let narrowed = narrowed(source, narrower)?;
    matcher(&narrowed, built, SIZE_LIMIT)
}

fn failed(e: &dyn fmt::Display) -> CalendarError {
    CalendarError(format!("internal pattern failed to compile: {e}"))
}

/// A form's source parsed and narrowed to folded text (or read back from the prebuilt trees).
fn narrowed(source: &str, narrower: &mut Narrower) -> Result<Arc<Hir>, CalendarError> {
    let syntax = Syntax {
        case_insensitive: false,
        multi_line: false,
    };
    let tree = prebuilt::narrowed_tree(source, syntax, narrower).map_err(|e| failed(&e))?;
    Ok(Arc::new(tree))
}

fn matcher(tree: &Arc<Hir>, built: Built, size_limit: usize) -> Result<Matcher, CalendarError> {
    match built {
        Built::Now => Matcher::build(tree, size_limit).map_err(|e| failed(&e)),
        Built::AtFirstUse => Ok(Matcher::deferred(Arc::clone(tree), size_limit)),
    }
}

/// When the forms' matchers are built: at once, so that words from a pack that make a form
/// too large are an error when it loads; or at a form's first search of text that may hold
/// it, for the built-in pack's words, which its tests build.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Built {
    Now,
    AtFirstUse,
}

/// The regex crate's default bound on one compiled pattern, which these forms were made to fit.
const SIZE_LIMIT: usize = 10 << 20;

/// All forms as one alternation, for lower-case text as the forms are. Neighbouring forms with
/// the same tail share it, `(?:a|b)t` being `at|bt` for leftmost-first matching: every `\W` in
/// a pattern costs compile time and memory in each rule that embeds it.
pub(super) fn public_pattern<K>(sources: Vec<(K, Source)>) -> String {
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
    format!("(?:{})", branches.join("|"))
}

/// A language's forms of dates or periods, searched for together (`hits::scan`).
///
/// Two ways find the same matches. At first every form searches the text on its own. Once the
/// forms have been run over [`TOGETHER_AFTER_BYTES`] of text, one search for all of them finds
/// the next place where any matches, and only there is each form asked for its match: fewer
/// passes over the text, but the automaton of all forms at once costs more to build and warm
/// than checking a few files saves: searching together from the start took 7% more
/// instructions for the 36 files of `fixtures/check` and 1% more for an oblast of 603
/// documents, and 2% fewer for one of 4,825, where the forms search some 3 MB.
pub(super) struct Forms<K> {
    pub(super) list: Vec<Form<K>>,
    /// The forms' trees, for the pattern of all of them, made when first needed.
    trees: Vec<Arc<Hir>>,
    built: Built,
    /// Any form, without its groups: where the next match of some form starts. `None` if it
    /// could not be built, which leaves every form searching on its own.
    any: OnceLock<Option<Matcher>>,
    /// Bytes the forms have been run over so far.
    scanned: AtomicUsize,
}

/// How much text the forms search on their own before they search together: about what
/// building and warming the automaton of all of them costs (the 603-document oblast stays
/// below it).
pub(super) const TOGETHER_AFTER_BYTES: usize = 512 << 10;

impl<K> Forms<K> {
    /// The pattern of all forms once they have searched enough text to pay for it, counting
    /// `len` more bytes; `None` before, when every form is to search on its own.
    pub(super) fn together(&self, len: usize) -> Option<&Matcher> {
        if self.scanned.fetch_add(len, Ordering::Relaxed) + len < TOGETHER_AFTER_BYTES {
            return None;
        }
        self.all_at_once()
    }

    /// The pattern of all forms, whatever has been searched.
    pub(super) fn all_at_once(&self) -> Option<&Matcher> {
        self.any
            .get_or_init(|| {
                let any = Hir::alternation(self.trees.iter().map(|t| without_groups(t)).collect());
                // Each form fits the size limit, so all of them together fit as many times it.
                let limit = SIZE_LIMIT * self.trees.len().max(1);
                matcher(&Arc::new(any), self.built, limit).ok()
            })
            .as_ref()
    }
}

pub(super) fn compile_forms<K: Copy>(
    sources: Vec<(K, Source)>,
    narrower: &mut Narrower,
    built: Built,
) -> Result<Forms<K>, CalendarError> {
    let mut trees = Vec::new();
    let list = sources
        .into_iter()
        .map(|(kind, (body, tail))| {
            let source = format!("{body}{tail}");
            let tree = narrowed(&source, narrower)?;
            let re = matcher(&tree, built, SIZE_LIMIT)?;
            trees.push(tree);
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
                #[cfg(test)]
                source,
            })
        })
        .collect::<Result<Vec<_>, CalendarError>>()?;
    Ok(Forms {
        list,
        trees,
        built,
        any: OnceLock::new(),
        scanned: AtomicUsize::new(0),
    })
}

/// `hir` with its groups dissolved into what they hold: several forms' groups cannot share one
/// pattern, and finding where a match starts needs none of them.
fn without_groups(hir: &Hir) -> Hir {
    match hir.kind() {
        HirKind::Capture(capture) => without_groups(&capture.sub),
        HirKind::Repetition(repetition) => Hir::repetition(Repetition {
            min: repetition.min,
            max: repetition.max,
            greedy: repetition.greedy,
            sub: Box::new(without_groups(&repetition.sub)),
        }),
        HirKind::Concat(parts) => Hir::concat(parts.iter().map(without_groups).collect()),
        HirKind::Alternation(branches) => {
            Hir::alternation(branches.iter().map(without_groups).collect())
        }
        HirKind::Empty | HirKind::Literal(_) | HirKind::Class(_) | HirKind::Look(_) => hir.clone(),
    }
}
