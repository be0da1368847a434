//! Masking a minor's personal data in everything a report prints.
//!
//! Reports go to CI logs, HTML files and spreadsheets that travel far beyond the commission, so
//! every snippet passes through a `Masker` first. Masking keeps the character count, so the
//! columns a finding points at stay right in the masked snippet.

use std::ops::Range;

use regex::Regex;

/// Length of a Kazakh individual/business identification number (ИИН/БИН).
const IIN_LEN: usize = 12;

/// True when `digits` is 12 ASCII digits whose 12th digit is the valid Kazakh ИИН/БИН check digit:
/// weights 1..=11 over the first 11 digits, sum mod 11; if that is 10, weights 3,4,5,6,7,8,9,10,11,1,2,
/// sum mod 11; if that is 10 too the number is invalid; otherwise it must equal the 12th digit.
pub fn is_valid_iin(digits: &str) -> bool {
    const FIRST_WEIGHTS: [u32; 11] = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11];
    const SECOND_WEIGHTS: [u32; 11] = [3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2];

    let bytes = digits.as_bytes();
    if bytes.len() != IIN_LEN || !bytes.iter().all(u8::is_ascii_digit) {
        return false;
    }
    let value: Vec<u32> = bytes.iter().map(|b| u32::from(b - b'0')).collect();
    let checksum =
        |weights: [u32; 11]| value.iter().zip(weights).map(|(v, w)| v * w).sum::<u32>() % 11;

    let mut check = checksum(FIRST_WEIGHTS);
    if check == 10 {
        check = checksum(SECOND_WEIGHTS);
    }
    check != 10 && check == value[11]
}

/// Byte ranges of every ASCII digit run of exactly `len` digits.
fn digit_runs(text: &str, len: usize) -> impl Iterator<Item = Range<usize>> + '_ {
    let bytes = text.as_bytes();
    let mut pos = 0;
    std::iter::from_fn(move || {
        while pos < bytes.len() {
            let start = pos;
            while pos < bytes.len() && bytes[pos].is_ascii_digit() {
                pos += 1;
            }
            if pos - start == len {
                return Some(start..pos);
            }
            if pos == start {
                pos += 1;
            }
        }
        None
    })
}

/// Every 12-digit run in `text` (not part of a longer digit run, nothing between the digits) that
/// is a valid ИИН, as byte ranges.
pub fn find_iins(text: &str) -> Vec<Range<usize>> {
    digit_runs(text, IIN_LEN)
        .filter(|range| is_valid_iin(&text[range.clone()]))
        .collect()
}

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
#[derive(Debug, Clone)]
pub struct Masker {
    phone: Regex,
    extra: Vec<ExtraPattern>,
}

#[derive(Debug, Clone)]
struct ExtraPattern {
    regex: Regex,
    has_mask_group: bool,
}

impl Masker {
    /// `extra` are regexes from the rule pack (each may have a named group `mask`; then only that
    /// group is masked, otherwise the whole match).
    pub fn new(extra: &[String]) -> Result<Masker, regex::Error> {
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
        Ok(Masker { phone, extra })
    }

    /// Masks every 12-digit run (valid ИИН or not: a report never needs one), phone numbers
    /// (all but their first two characters' digits) and the matches of the extra patterns.
    ///
    /// Every masked character becomes one `*`, so the result has as many characters as `text`.
    /// Line breaks are never masked, so a multi-line snippet keeps its lines. All patterns look at
    /// the original text, so one mask cannot hide what another pattern needs to see.
    pub fn mask(&self, text: &str) -> String {
        let mut masked: Vec<Range<usize>> = digit_runs(text, IIN_LEN).collect();
        self.mask_phones(text, &mut masked);
        for pattern in &self.extra {
            if pattern.has_mask_group {
                masked.extend(
                    pattern
                        .regex
                        .captures_iter(text)
                        .filter_map(|caps| caps.name(MASK_GROUP))
                        .map(|m| m.range()),
                );
            } else {
                masked.extend(pattern.regex.find_iter(text).map(|m| m.range()));
            }
        }
        apply(text, masked)
    }

    fn mask_phones(&self, text: &str, masked: &mut Vec<Range<usize>>) {
        let bytes = text.as_bytes();
        let mut from = 0;
        while let Some(found) = self.phone.find_at(text, from) {
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

    /// The check digit by the published algorithm, written out independently of the code under
    /// test; None when both weight sets give 10.
    fn check_digit(first11: &str) -> Option<u32> {
        let d: Vec<u32> = first11.chars().map(|c| c.to_digit(10).unwrap()).collect();
        let first = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11];
        let second = [3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2];
        let sum = |w: [u32; 11]| d.iter().zip(w).map(|(a, b)| a * b).sum::<u32>() % 11;
        match sum(first) {
            10 => match sum(second) {
                10 => None,
                c => Some(c),
            },
            c => Some(c),
        }
    }

    fn complete(first11: &str) -> String {
        format!("{first11}{}", check_digit(first11).unwrap())
    }

    fn masker() -> Masker {
        Masker::new(&[]).unwrap()
    }

    #[test]
    fn valid_iins() {
        for iin in ["900101300017", "050715601231", "101201500455"] {
            assert!(is_valid_iin(iin), "{iin}");
            assert_eq!(complete(&iin[..11]), iin);
        }
        for first11 in ["08052760012", "12113040567", "99123199999"] {
            if check_digit(first11).is_some() {
                assert!(is_valid_iin(&complete(first11)));
            }
        }
    }

    #[test]
    fn second_weight_set() {
        // 08031550001: first weights give 10, the second give 1.
        assert_eq!(check_digit("08031550001"), Some(1));
        assert!(is_valid_iin("080315500011"));
        let found = (0..1000)
            .map(|n| format!("0903155{n:04}"))
            .find(|p| {
                let d: Vec<u32> = p.chars().map(|c| c.to_digit(10).unwrap()).collect();
                let s: u32 = d.iter().enumerate().map(|(i, v)| v * (i as u32 + 1)).sum();
                s % 11 == 10 && check_digit(p).is_some()
            })
            .unwrap();
        assert!(is_valid_iin(&complete(&found)));
    }

    #[test]
    fn both_weight_sets_giving_ten_is_never_valid() {
        assert_eq!(check_digit("08031550000"), None);
        for last in 0..10 {
            assert!(!is_valid_iin(&format!("08031550000{last}")));
        }
    }

    #[test]
    fn invalid_iins() {
        for bad in [
            "900101300018",
            "90010130001",
            "9001013000170",
            "90010130001a",
            "",
            "９００１０１３０００１７",
            "900101 300017",
            "+90101300017",
        ] {
            assert!(!is_valid_iin(bad), "{bad}");
        }
    }

    #[test]
    fn find_iins_takes_only_standalone_valid_runs() {
        let text = "ИИН900101300017, ИИН 900101300018; 1900101300017 и 050715601231.";
        let found: Vec<&str> = find_iins(text).into_iter().map(|r| &text[r]).collect();
        assert_eq!(found, ["900101300017", "050715601231"]);
        assert!(find_iins("").is_empty());
        assert!(find_iins("90010130001").is_empty());
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
        assert_eq!(m.mask("ФИО: А\r\nБ; ok"), "******\r\n** ok");
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
