//! Individual identification numbers (ИИН/ЖСН) as people actually write them.
//!
//! An ИИН is twelve digits, but a protocol typed in Word rarely keeps them together: groups
//! separated by spaces or no-break spaces (`110312 500120`, `110 312 500 120`), a hyphen, a
//! zero-width space or soft hyphen that Word or a web form slipped in, part of the number in
//! bold (`110312**500120**`) or a Markdown escape. Detection (the `personal-id` rule) and
//! masking (every report) both use [`find_iins`], so whatever the rule flags the reports hide.

use std::ops::Range;

/// Length of a Kazakh individual/business identification number (ИИН/БИН).
pub const IIN_LEN: usize = 12;

/// At most this many characters may stand between two digit groups of one number: enough for
/// `** ` or a space between two emphasis marks, too few to join numbers of separate phrases.
const MAX_GAP_CHARS: usize = 4;

/// Group lengths people type when they split an ИИН with visible separators: 6+6 (birth date,
/// then the rest), 3+3+3+3, 4+4+4, 2+2+2+6 (the date written apart). Other splits by spaces are
/// far more often columns of figures than an ИИН.
const VISIBLE_SPLITS: &[&[usize]] = &[&[6, 6], &[3, 3, 3, 3], &[4, 4, 4], &[2, 2, 2, 6]];

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

/// True when an ИИН's first seven digits read as a birth date and a century-and-sex digit
/// (1–6): a number split into groups must also look like an ИИН, not only pass the checksum.
fn plausible_iin(digits: &str) -> bool {
    let two = |at: usize| digits[at..at + 2].parse::<u32>().unwrap_or(0);
    let century = digits.as_bytes()[6];
    (1..=12).contains(&two(2)) && (1..=31).contains(&two(4)) && (b'1'..=b'6').contains(&century)
}

/// Characters Word, web forms and Markdown leave inside a number without anyone seeing them.
fn is_invisible_joiner(c: char) -> bool {
    matches!(
        c,
        '\u{AD}' | '\u{200B}'..='\u{200D}' | '\u{2060}' | '\u{FEFF}' | '*' | '_' | '\\' | '~' | '`'
    )
}

/// Separators people type between the groups of a long number.
fn is_visible_joiner(c: char) -> bool {
    matches!(
        c,
        ' ' | '\t'
            | '\u{A0}'
            | '\u{2000}'..='\u{200A}'
            | '\u{202F}'
            | '-'
            | '\u{2010}'..='\u{2015}'
            | '\u{2212}'
    )
}

/// A run of ASCII digits and how it is joined to the run before it.
#[derive(Debug, Clone)]
struct Group {
    range: Range<usize>,
    /// Joined to the previous group by a short gap of joiners only.
    joined: bool,
    /// That gap held a space or a dash (not only invisible characters); read only when joined.
    visible_gap: bool,
}

fn digit_groups(text: &str) -> Vec<Group> {
    let bytes = text.as_bytes();
    let mut groups: Vec<Group> = Vec::new();
    let mut at = 0;
    // Digits are found by bytes: the text between two runs is walked as characters only when
    // it is short enough to join them, so a page of prose costs a byte scan.
    while let Some(offset) = bytes[at..].iter().position(u8::is_ascii_digit) {
        let start = at + offset;
        let end = bytes[start..]
            .iter()
            .position(|b| !b.is_ascii_digit())
            .map_or(bytes.len(), |length| start + length);
        let (joined, visible_gap) = match groups.last() {
            Some(previous) => gap_joins(&text[previous.range.end..start]),
            None => (false, false),
        };
        groups.push(Group {
            range: start..end,
            joined,
            visible_gap,
        });
        at = end;
    }
    groups
}

/// Whether the text between two digit runs joins them (a few joiners and nothing else), and
/// whether a visible one is among them.
fn gap_joins(gap: &str) -> (bool, bool) {
    // A character takes at most four bytes: a longer gap has too many characters to join.
    if gap.len() > MAX_GAP_CHARS * 4 {
        return (false, false);
    }
    let (mut count, mut visible) = (0, false);
    for c in gap.chars() {
        count += 1;
        if is_visible_joiner(c) {
            visible = true;
        } else if !is_invisible_joiner(c) {
            return (false, visible);
        }
    }
    ((1..=MAX_GAP_CHARS).contains(&count), visible)
}

/// Every ИИН in `text` as the byte range from its first digit to its last (joiners included):
/// a run of exactly 12 digits with a valid check digit, or consecutive digit groups joined by
/// a few invisible characters or in one of the usual visible splits that together make 12
/// digits, a valid check digit and a birth date.
pub fn find_iins(text: &str) -> Vec<Range<usize>> {
    find(text, false)
}

/// Like [`find_iins`], plus every standalone run of exactly 12 digits whether its check digit
/// holds or not: a report never needs one, and a mistyped ИИН still identifies a child.
pub fn find_to_mask(text: &str) -> Vec<Range<usize>> {
    find(text, true)
}

fn find(text: &str, any_whole_run: bool) -> Vec<Range<usize>> {
    // Most lines hold fewer than twelve digits (none, or a date): a count of them answers
    // those without walking characters.
    if crate::byte_count::count(text.as_bytes(), |b| b.is_ascii_digit()) < IIN_LEN {
        return Vec::new();
    }
    let groups = digit_groups(text);
    let mut found: Vec<Range<usize>> = Vec::new();
    let mut first = 0;
    while first < groups.len() {
        // The chain of joined groups that starts at `first`.
        let mut last = first;
        while last + 1 < groups.len() && groups[last + 1].joined {
            last += 1;
        }
        found.extend(in_chain(text, &groups[first..=last], any_whole_run));
        first = last + 1;
    }
    found
}

/// The numbers inside one chain of joined groups: windows of whole groups holding 12 digits.
fn in_chain(text: &str, chain: &[Group], any_whole_run: bool) -> Vec<Range<usize>> {
    let mut found = Vec::new();
    let mut start = 0;
    while start < chain.len() {
        let mut digits = 0;
        let mut end = start;
        let mut taken = false;
        while end < chain.len() && digits < IIN_LEN {
            digits += chain[end].range.len();
            end += 1;
        }
        if digits == IIN_LEN {
            let window = &chain[start..end];
            let range = window[0].range.start..window[end - start - 1].range.end;
            let number: String = window.iter().map(|g| &text[g.range.clone()]).collect();
            let accepted = if window.len() == 1 {
                any_whole_run || is_valid_iin(&number)
            } else {
                is_valid_iin(&number) && plausible_iin(&number) && usual_split(window)
            };
            if accepted {
                found.push(range);
                taken = true;
            }
        }
        start = if taken { end } else { start + 1 };
    }
    found
}

/// True when the groups are split only by invisible characters, or in a usual visible split.
fn usual_split(window: &[Group]) -> bool {
    if window.iter().skip(1).all(|g| !g.visible_gap) {
        return true;
    }
    let lengths: Vec<usize> = window.iter().map(|g| g.range.len()).collect();
    VISIBLE_SPLITS.contains(&lengths.as_slice())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The check digit by the published algorithm, written out independently of the code under
    /// test; None when both weight sets give 10.
    pub(crate) fn check_digit(first11: &str) -> Option<u32> {
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

    fn found(text: &str) -> Vec<&str> {
        find_iins(text).into_iter().map(|r| &text[r]).collect()
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
    fn standalone_valid_runs() {
        let text = "ИИН900101300017, ИИН 900101300018; 1900101300017 и 050715601231.";
        assert_eq!(found(text), ["900101300017", "050715601231"]);
        assert!(find_iins("").is_empty());
        assert!(find_iins("90010130001").is_empty());
    }

    #[test]
    fn numbers_split_the_way_people_type_them() {
        let iin = complete("11031250012");
        let (date, rest) = iin.split_at(6);
        let spaced = format!("{} {} {} {}", &iin[..3], &iin[3..6], &iin[6..9], &iin[9..]);
        for written in [
            format!("{date} {rest}"),
            format!("{date}-{rest}"),
            format!("{date}\u{a0}{rest}"),
            format!("{date}\u{202f}{rest}"),
            format!("{date}\u{200b}{rest}"),
            format!("{date}\u{ad}{rest}"),
            format!("{date}**{rest}**"),
            format!("**{date}** {rest}"),
            format!("{date}\\-{rest}"),
            spaced,
            format!("{} {} {}", &iin[..4], &iin[4..8], &iin[8..]),
            format!("{} {} {} {}", &iin[..2], &iin[2..4], &iin[4..6], rest),
            format!("{}\u{200b}{}", &iin[..5], &iin[5..]),
        ] {
            let text = format!("ИИН: {written}, ученик 7 класса");
            let hits = found(&text);
            assert_eq!(hits.len(), 1, "{written:?}");
            let digits: String = hits[0].chars().filter(char::is_ascii_digit).collect();
            assert_eq!(digits, iin, "{written:?}");
        }
    }

    #[test]
    fn figures_in_a_row_are_not_an_iin() {
        // Valid check digits, but split unusually by spaces or lacking a birth date.
        let iin = complete("11031250012");
        let odd_split = format!("{} {} {}", &iin[..5], &iin[5..7], &iin[7..]);
        assert!(find_iins(&odd_split).is_empty());
        let no_date = complete("11133250012");
        assert!(find_iins(&format!("{} {}", &no_date[..6], &no_date[6..])).is_empty());
        // Joined across a word: not one number.
        assert!(find_iins(&format!("{} и {}", &iin[..6], &iin[6..])).is_empty());
        // Too long a gap.
        assert!(find_iins(&format!("{}  **  {}", &iin[..6], &iin[6..])).is_empty());
        assert!(find_iins("2025 2026 2027, 12 13 14 15 16 17").is_empty());
    }

    #[test]
    fn a_number_beside_other_figures_is_still_found() {
        let iin = complete("05071560123");
        let text = format!("12 {} {} 7", &iin[..6], &iin[6..]);
        assert_eq!(found(&text).len(), 1);
    }

    #[test]
    fn masking_takes_any_whole_run_of_twelve() {
        let text = "рег. 123456789012 и 1234567890123";
        let masked: Vec<&str> = find_to_mask(text).into_iter().map(|r| &text[r]).collect();
        assert_eq!(masked, ["123456789012"]);
        assert!(find_iins(text).is_empty());
    }
}
