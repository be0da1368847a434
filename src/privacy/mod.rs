//! Masking a minor's personal data in everything a report prints.
//!
//! Reports go to CI logs, HTML files and spreadsheets that travel far beyond the commission, so
//! every snippet passes through a `Masker` first. Masking keeps the character count, so the
//! columns a finding points at stay right in the masked snippet.

use std::collections::HashMap;
use std::ops::Range;
use std::sync::{Arc, Mutex, OnceLock};

use crate::matcher::needs_ascii_digit;
use regex::Regex;

mod gate;
mod iin;

pub use gate::{Mask, Masked};
pub use iin::{find_iins, is_valid_iin};

/// A Kazakhstan phone number: +7 or 8 and ten more digits, with the separators people type
/// between groups, e.g. `+7 701 234 56 78`, `8(7132)55-12-34`, `87011234567` (Word often puts a
/// no-break space between groups). A 7 without the plus counts only when the next digit or
/// bracket follows at once (`77011234567`, `7(701)...`): "7 " followed by numbers is too often a
/// count or an item number.
const PHONE_PATTERN: &str = concat!(
    r"(?:\+[ \u{A0}]?7|8)(?:[ \u{A0}()\-]{0,2}[0-9]){10}",
    r"|7\(?[0-9](?:[ \u{A0}()\-]{0,2}[0-9]){9}",
);

/// The characters of a phone number left readable, enough to see that a phone was there.
const PHONE_KEPT_CHARS: usize = 2;

/// Name of the capture group that narrows an extra pattern's mask to part of its match.
const MASK_GROUP: &str = "mask";

/// Masks personal data in snippets; compile once and share.
#[derive(Clone)]
pub struct Masker {
    /// The extra patterns as written, for telling what they need without compiling them.
    sources: Vec<String>,
    /// The phone pattern and the extra patterns, compiled by [`Masker::new`], or at the first
    /// text that needs them for [`Masker::known_valid`]: checking a clean protocol masks nothing.
    compiled: OnceLock<Compiled>,
    /// Whether every extra pattern needs an ASCII digit to match, as ИИН and phones do: then a
    /// text without one (most messages, fixes and rule ids) has nothing to mask. Worked out at
    /// first use, so that a run with nothing to report never parses the patterns again.
    extras_need_digit: OnceLock<bool>,
    /// Short texts masked already: a report repeats the same paths and messages finding after
    /// finding. Shared by clones; never printed (its keys are the unmasked texts).
    memo: Arc<Mutex<HashMap<String, String>>>,
}

#[derive(Debug, Clone)]
struct Compiled {
    phone: Regex,
    extra: Vec<ExtraPattern>,
}

impl Compiled {
    fn build(extra: &[String]) -> Result<Compiled, regex::Error> {
        let phone = Regex::new(PHONE_PATTERN)?;
        let extra = extra
            .iter()
            .map(|pattern| {
                let regex = Regex::new(pattern)?;
                let has_mask_group = regex.capture_names().any(|name| name == Some(MASK_GROUP));
                Ok(ExtraPattern {
                    regex,
                    has_mask_group,
                })
            })
            .collect::<Result<Vec<_>, regex::Error>>()?;
        Ok(Compiled { phone, extra })
    }
}

/// Texts longer than this (snippets, mostly unique) are not remembered.
const MEMO_TEXT_LEN: usize = 256;
/// The memo starts over past this many texts, so a long-running server stays bounded.
const MEMO_ENTRIES: usize = 1 << 16;

impl std::fmt::Debug for Masker {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Masker")
            .field("extra", &self.sources)
            .finish_non_exhaustive()
    }
}

#[derive(Debug, Clone)]
struct ExtraPattern {
    regex: Regex,
    has_mask_group: bool,
}

impl Masker {
    /// `extra` are regexes from the rule pack (each may have a named group `mask`; then only that
    /// group is masked, otherwise the whole match). Compiled at once: a pattern that does not
    /// compile is an error here, when the pack loads.
    pub fn new(extra: &[String]) -> Result<Masker, regex::Error> {
        let compiled = Compiled::build(extra)?;
        Ok(Masker {
            compiled: OnceLock::from(compiled),
            ..Masker::known_valid(extra)
        })
    }

    /// Like [`Masker::new`] for patterns known to compile (the built-in pack's, which its
    /// tests compile): compiled only when a text first needs them.
    pub fn known_valid(extra: &[String]) -> Masker {
        Masker {
            sources: extra.to_vec(),
            compiled: OnceLock::new(),
            extras_need_digit: OnceLock::new(),
            memo: Arc::default(),
        }
    }

    fn compiled(&self) -> &Compiled {
        self.compiled.get_or_init(|| {
            Compiled::build(&self.sources)
                .expect("the built-in pack's mask patterns compile: its tests compile them")
        })
    }

    /// Masks every 12-digit run (valid ИИН or not: a report never needs one), phone numbers
    /// (all but their first two characters' digits) and the matches of the extra patterns.
    ///
    /// Every masked character becomes one `*`, so the result has as many characters as `text`.
    /// Line breaks are never masked, so a multi-line snippet keeps its lines. All patterns look at
    /// the original text, so one mask cannot hide what another pattern needs to see.
    pub fn mask(&self, text: &str) -> String {
        if !text.bytes().any(|b| b.is_ascii_digit()) && self.extras_need_digit() {
            return text.to_string();
        }
        if text.len() > MEMO_TEXT_LEN {
            return self.mask_afresh(text);
        }
        let memo = |masked: Option<String>| {
            let mut memo = self
                .memo
                .lock()
                .unwrap_or_else(|poisoned| poisoned.into_inner());
            match masked {
                None => memo.get(text).cloned(),
                Some(masked) => {
                    if memo.len() >= MEMO_ENTRIES {
                        memo.clear();
                    }
                    memo.insert(text.to_string(), masked);
                    None
                }
            }
        };
        if let Some(known) = memo(None) {
            return known;
        }
        let masked = self.mask_afresh(text);
        memo(Some(masked.clone()));
        masked
    }

    /// Whether a text without an ASCII digit never has anything to mask, as for ИИН and
    /// phones: true when every pattern from the pack needs one too.
    pub fn extras_need_digit(&self) -> bool {
        *self.extras_need_digit.get_or_init(|| {
            self.sources.iter().all(|pattern| {
                regex_syntax::parse(pattern).is_ok_and(|hir| needs_ascii_digit(&hir))
            })
        })
    }

    fn mask_afresh(&self, text: &str) -> String {
        let mut masked: Vec<Range<usize>> = iin::find_to_mask(text);
        self.mask_phones(text, &mut masked);
        let view = detection_view(text);
        for pattern in &self.compiled().extra {
            if pattern.has_mask_group {
                masked.extend(
                    pattern
                        .regex
                        .captures_iter(&view)
                        .filter_map(|caps| caps.name(MASK_GROUP))
                        .map(|m| m.range()),
                );
            } else {
                masked.extend(find_trimmed(&view, |text, from| {
                    pattern.regex.find_at(text, from).map(|m| m.range())
                }));
            }
        }
        apply(text, masked)
    }

    fn mask_phones(&self, text: &str, masked: &mut Vec<Range<usize>>) {
        let bytes = text.as_bytes();
        let mut from = 0;
        let phone = &self.compiled().phone;
        while let Some(found) = phone.find_at(text, from) {
            let digit_before = found.start() > 0 && bytes[found.start() - 1].is_ascii_digit();
            let digit_after = bytes.get(found.end()).is_some_and(u8::is_ascii_digit);
            if digit_before || digit_after {
                // Part of a longer number; a phone may still start further in.
                from = found.start() + 1;
                continue;
            }
            let kept_end = found
                .as_str()
                .char_indices()
                .nth(PHONE_KEPT_CHARS)
                .map_or(found.end(), |(i, _)| found.start() + i);
            masked.extend(
                text[kept_end..found.end()]
                    .char_indices()
                    .filter(|(_, c)| c.is_ascii_digit())
                    .map(|(i, _)| kept_end + i..kept_end + i + 1),
            );
            from = found.end();
        }
    }
}

/// Every match of `regex` in `text`, without the characters at its ends that are neither
/// letters nor digits. Patterns find where a word starts or ends by taking the character
/// before or after it (the regex engine has no look-around), so the next search starts on that
/// character again: in `Сейтқали_Айбек_2011_ж.т/Жұмабаев_Ерлан_2011_г.р.md` both names are found.
/// `find_at(text, from)` is the regex's first match at or after `from`.
pub fn find_trimmed(
    text: &str,
    find_at: impl Fn(&str, usize) -> Option<Range<usize>>,
) -> Vec<Range<usize>> {
    let mut found = Vec::new();
    let mut from = 0;
    while from <= text.len() {
        let Some(m) = find_at(text, from) else {
            break;
        };
        let inner = &text[m.clone()];
        let start = m.start + (inner.len() - inner.trim_start_matches(not_word).len());
        let end = m.end - (inner.len() - inner.trim_end_matches(not_word).len());
        if start < end {
            found.push(start..end);
        }
        // Resume on the character that ended the match, unless the match was empty or ended
        // in a letter or digit.
        from = if m.is_empty() {
            text[m.end..]
                .chars()
                .next()
                .map_or(text.len() + 1, |c| m.end + c.len_utf8())
        } else if end < m.end {
            end.max(m.start + 1)
        } else {
            m.end
        };
        while from < text.len() && !text.is_char_boundary(from) {
            from += 1;
        }
    }
    found
}

fn not_word(c: char) -> bool {
    !c.is_alphanumeric()
}

/// The text the pack's patterns look at: Markdown emphasis and escape marks (`*`, `_`, `\\`)
/// read as spaces, so `**Сейтқали Айбек**, 2011 ж.т.` and a file named `Сейтқали_Айбек_2011_ж.т.md`
/// read as a name and a birth year. Byte offsets are those of `text` (ASCII for ASCII), so a
/// match in the view masks the same bytes of the text. Rules that look for the same personal
/// data in a document use this view too, so a rule never flags what the reports would print.
pub fn detection_view(text: &str) -> std::borrow::Cow<'_, str> {
    // The marks are ASCII: looked for, and replaced byte for byte, without decoding characters.
    if memchr::memchr3(b'*', b'_', b'\\', text.as_bytes()).is_none() {
        return std::borrow::Cow::Borrowed(text);
    }
    std::borrow::Cow::Owned(text.replace(['*', '_', '\\'], " "))
}

/// Replaces every character that starts inside one of `ranges` with `*`, line breaks excepted.
fn apply(text: &str, mut ranges: Vec<Range<usize>>) -> String {
    ranges.retain(|r| r.start < r.end);
    ranges.sort_unstable_by_key(|r| r.start);
    let mut out = String::with_capacity(text.len());
    let mut next = ranges.iter().peekable();
    let mut covered_until = 0;
    for (i, c) in text.char_indices() {
        while let Some(r) = next.next_if(|r| r.start <= i) {
            covered_until = covered_until.max(r.end);
        }
        if i < covered_until && c != '\n' && c != '\r' {
            out.push('*');
        } else {
            out.push(c);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn masker() -> Masker {
        Masker::new(&[]).unwrap()
    }

    #[test]
    fn text_without_digits_is_passed_over_only_when_no_pattern_could_mask_it() {
        let dated =
            Masker::new(&[r"(?P<mask>[0-9]{1,2}\.[0-9]{2})\.[0-9]{4}\s*г\.р\.".into()]).unwrap();
        assert!(dated.extras_need_digit());
        assert_eq!(
            dated.mask("родился 03.04.2011 г.р."),
            "родился *****.2011 г.р."
        );
        assert_eq!(dated.mask("без даты"), "без даты");
        // A pattern that can match without a digit is always run.
        let worded = Masker::new(&["секрет|[0-9]+x".into()]).unwrap();
        assert!(!worded.extras_need_digit());
        assert_eq!(worded.mask("это секрет"), "это ******");
    }

    #[test]
    fn a_remembered_text_is_masked_the_same_and_long_ones_are_not_kept() {
        let m = masker();
        let short = "ИИН 900101300017";
        assert_eq!(m.mask(short), m.mask(short));
        assert_eq!(m.mask(short), "ИИН ************");
        let long = format!("{} 900101300017", "слово ".repeat(60));
        assert!(m.mask(&long).ends_with(" ************"));
        let memo = m.memo.lock().unwrap();
        assert!(memo.contains_key(short));
        assert!(!memo.contains_key(long.as_str()));
    }

    #[test]
    fn every_12_digit_run_is_masked_and_others_are_not() {
        let m = masker();
        assert_eq!(
            m.mask("ИИН 900101300017 и 123456789012."),
            "ИИН ************ и ************."
        );
        assert_eq!(m.mask("№ 12345678901"), "№ 12345678901");
        assert_eq!(m.mask("рег. 1234567890123"), "рег. 1234567890123");
        assert_eq!(m.mask("2026-03-05, 5/12"), "2026-03-05, 5/12");
    }

    #[test]
    fn phone_numbers() {
        let m = masker();
        for (input, expected) in [
            ("+7 701 234 56 78", "+7 *** *** ** **"),
            ("8(7132)55-12-34", "8(****)**-**-**"),
            ("87011234567", "87*********"),
            ("+77011234567", "+7**********"),
            ("+7 (701) 234-56-78", "+7 (***) ***-**-**"),
            ("8 701 234 5678", "8 *** *** ****"),
            (
                "тел.:\u{a0}8\u{a0}701\u{a0}234\u{a0}56\u{a0}78.",
                "тел.:\u{a0}8\u{a0}***\u{a0}***\u{a0}**\u{a0}**.",
            ),
        ] {
            assert_eq!(m.mask(input), expected, "{input}");
        }
        for (input, expected) in [
            ("77011234567", "77*********"),
            ("7(701)2345678", "7(***)*******"),
        ] {
            assert_eq!(m.mask(input), expected, "{input}");
        }
        for kept in [
            "870112345",
            "8701123456789",
            "5 701 234 56 78",
            "7 701 234 56 78",
            "дата 8.10.2026",
            "8 2025-2026 гг.",
        ] {
            assert_eq!(m.mask(kept), kept);
        }
        assert_eq!(m.mask("18 701 234 56 78"), "18 701 234 56 78");
    }

    #[test]
    fn character_count_is_preserved() {
        let m = Masker::new(&[r"Иванов\w*".to_owned()]).unwrap();
        let text = "Несовершеннолетний Иванову А., ИИН 900101300017, тел. +7 701 234 56 78, \
                    мать: 8(7132)55-12-34 — Кәмелетке толмаған 🙂";
        let masked = m.mask(text);
        assert_eq!(masked.chars().count(), text.chars().count());
        for (a, b) in text.chars().zip(masked.chars()) {
            assert!(a == b || b == '*', "{a} became {b}");
        }
        assert!(masked.contains("Несовершеннолетний ******* А., ИИН ************, тел. +7 ***"));
    }

    #[test]
    fn extra_pattern_without_mask_group_masks_the_whole_match() {
        let m = Masker::new(&[r"Иванов[а]? [А-ЯЁ]\w+".to_owned()]).unwrap();
        assert_eq!(
            m.mask("Слушали: Иванова Алия, 2010 г.р."),
            "Слушали: ************, 2010 г.р."
        );
    }

    #[test]
    fn extra_pattern_with_mask_group_masks_only_the_group() {
        let birth = r"(?:родил(?:ся|ась)|туған)\s+(?P<mask>\d{2}\.\d{2}\.\d{4})";
        let m = Masker::new(&[birth.to_owned()]).unwrap();
        assert_eq!(
            m.mask("Асанов Б., родился 01.02.2010, учащийся"),
            "Асанов Б., родился **********, учащийся"
        );
        assert_eq!(
            m.mask("Бала 2010 туған 15.09.2010"),
            "Бала 2010 туған **********"
        );

        let optional = r"ученик(?:\s+(?P<mask>\d+)\s+класса)?";
        let m = Masker::new(&[optional.to_owned()]).unwrap();
        assert_eq!(m.mask("ученик школы"), "ученик школы");
        assert_eq!(m.mask("ученик 7 класса"), "ученик * класса");
    }

    #[test]
    fn line_breaks_survive_a_multi_line_match() {
        let m = Masker::new(&[r"(?s)ФИО:.*?;".to_owned()]).unwrap();
        // The `;` ends the match but is no part of the data: a whole-match mask leaves the
        // characters at its ends that are neither letters nor digits.
        assert_eq!(m.mask("ФИО: А\r\nБ; ok"), "******\r\n*; ok");
    }

    #[test]
    fn overlapping_and_empty_matches() {
        let m =
            Masker::new(&[r"\d{6}".to_owned(), "x*".to_owned(), r"ИИН \d+".to_owned()]).unwrap();
        assert_eq!(m.mask("ИИН 900101300017!"), "****************!");
        assert_eq!(m.mask("абв"), "абв");
    }

    #[test]
    fn invalid_extra_pattern_is_an_error() {
        assert!(Masker::new(&["(unclosed".to_owned()]).is_err());
    }

    /// The built-in pack's masker compiles its patterns at the first text that needs them, and
    /// masks what one compiled at once masks; a text without a digit compiles nothing.
    #[test]
    fn a_masker_compiled_at_first_use_masks_the_same() {
        let birth = r"(?P<mask>[А-ЯЁ]\w+ [А-ЯЁ]\w+),? [0-9]{2}\.[0-9]{2}\.[0-9]{4}".to_owned();
        let eager = Masker::new(std::slice::from_ref(&birth)).unwrap();
        let lazy = Masker::known_valid(std::slice::from_ref(&birth));
        assert_eq!(lazy.mask("Замечаний нет."), "Замечаний нет.");
        assert!(lazy.compiled.get().is_none());
        let text = "н/л Сейтқали Айбек, 03.04.2011, ИИН 110403500123, тел. +7 701 234 56 78";
        assert_eq!(lazy.mask(text), eager.mask(text));
        assert!(lazy.compiled.get().is_some());
        assert!(!lazy.mask(text).contains("Айбек"));
    }

    #[test]
    fn arbitrary_text_never_panics_and_keeps_length() {
        const ALPHABET: &[char] = &[
            '0', '1', '7', '8', '9', '+', '(', ')', '-', ' ', '\u{a0}', '\n', '\r', 'а', 'ә', '🙂',
            '.', 'x',
        ];
        let m = Masker::new(&[r"(?P<mask>7\d)|ә+".to_owned()]).unwrap();
        let mut state = 0x853C_49E6_748F_EA9B_u64;
        for _ in 0..20_000 {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            let len = usize::try_from(state % 48).unwrap();
            let text: String = (0..len)
                .map(|i| {
                    let pick = (state >> (i % 48)) as usize + i * 7;
                    ALPHABET[pick % ALPHABET.len()]
                })
                .collect();
            let masked = m.mask(&text);
            assert_eq!(masked.chars().count(), text.chars().count(), "{text:?}");
            for range in find_iins(&text) {
                assert!(is_valid_iin(&text[range]));
            }
        }
    }
}
