//! The characters folded text is made of.
//!
//! Protocols are written in Cyrillic and Latin, with Greek letters, general punctuation, `№`
//! and the like now and then: the "common" characters, kept as they are (after lower-casing).
//! A character of any other script or block (Georgian, Arabic, CJK, emoji…) stands in folded
//! text for its kind only: every such letter folds to one stand-in letter, every such digit to
//! one stand-in digit, and so on. A rule pattern cannot tell two Chinese letters apart, but it
//! can still tell a letter from a digit, a space or a symbol, which is all a pattern's `\w`,
//! `\W`, `\p{L}`, `\d` or `\s` asks.
//!
//! Why: a pattern's Unicode classes (`\w` alone is some 700 ranges) are compiled into automata
//! over UTF-8, and almost all of their size is in the scripts documents never use. Knowing
//! that folded text holds only common characters and a handful of stand-ins, the pack's
//! patterns compile to a fraction of the size (`parse::narrow`).

use regex_syntax::hir::{Class, ClassUnicode, ClassUnicodeRange, HirKind};
use std::sync::LazyLock;

/// The common characters: ASCII and Latin-1 (U+0000–U+00FF); the letters, marks and digits
/// of Latin Extended, IPA, Greek and Cyrillic with its supplement (to U+052F); Latin Extended
/// Additional (U+1E00–U+1EFF); general punctuation but its three connectors `‿ ⁀ ⁔`; currency
/// signs; `№`; arrows and mathematical operators such as `−` (U+2190–U+22FF).
///
/// Not common, though protocols could hold them: the symbols among those letters (modifier
/// signs such as `˘`, Greek `΄` and `;`, Cyrillic `҂`), super- and subscripts (`ⁿ`, `₂`), the
/// marks that combine with symbols, letterlike symbols (`ℕ`, `™`) and Roman numerals written
/// as one character (`Ⅱ`). Kept, they split `\w` into some forty ranges, half of them of
/// three-byte UTF-8, in every `\w` of every pattern: compiling those was a tenth of checking
/// one protocol (100.5 M instructions against 89.8 M). Now `\w` is a few ranges from `ª` to
/// `ỿ`. As stand-ins they stay what `\w`, `\d` and `\p{L}` ask about, and no pattern of the
/// built-in pack names one.
const COMMON: [(char, char); 23] = [
    ('\0', '\u{02C1}'),
    ('\u{02C6}', '\u{02D1}'),
    ('\u{02E0}', '\u{02E4}'),
    ('\u{02EC}', '\u{02EC}'),
    ('\u{02EE}', '\u{02EE}'),
    ('\u{0300}', '\u{0374}'),
    ('\u{0376}', '\u{0377}'),
    ('\u{037A}', '\u{037D}'),
    ('\u{037F}', '\u{037F}'),
    ('\u{0386}', '\u{0386}'),
    ('\u{0388}', '\u{038A}'),
    ('\u{038C}', '\u{038C}'),
    ('\u{038E}', '\u{03A1}'),
    ('\u{03A3}', '\u{03F5}'),
    ('\u{03F7}', '\u{0481}'),
    ('\u{0483}', '\u{052F}'),
    ('\u{1E00}', '\u{1EFF}'),
    ('\u{2000}', '\u{203E}'),
    ('\u{2041}', '\u{2053}'),
    ('\u{2055}', '\u{206F}'),
    ('\u{20A0}', '\u{20CF}'),
    ('\u{2116}', '\u{2116}'),
    ('\u{2190}', '\u{22FF}'),
];

/// True for a character folded text keeps as it is.
pub fn is_common(c: char) -> bool {
    COMMON
        .iter()
        .any(|&(start, end)| (start..=end).contains(&c))
}

/// Every common character, in order.
pub fn common_chars() -> impl Iterator<Item = char> {
    COMMON.iter().flat_map(|&(start, end)| start..=end)
}

/// True when every character from `start` to `end` is common.
pub fn is_common_range(start: char, end: char) -> bool {
    COMMON
        .iter()
        .any(|&(first, last)| first <= start && end <= last)
}

/// What a pattern can ask of an uncommon character: the Unicode classes `\w`, `\p{L}`,
/// `\p{N}`, `\d` and `\s`. Two uncommon characters of the same kind are in exactly the same
/// of these classes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Kind {
    pub word: bool,
    pub letter: bool,
    pub number: bool,
    pub digit: bool,
    pub space: bool,
}

/// What folded text holds for every digit but `0`–`9`: Arabic-Indic digit three.
pub const DIGIT_STAND_IN: char = '\u{0663}';

/// The kinds uncommon characters come in, each with the character that stands for all of them.
/// A test walks every uncommon character to check that its kind is one of these.
const STAND_INS: [(Kind, char); 7] = [
    (kind(true, true, false, false, false), '\u{10D0}'), // Georgian letter an
    (kind(true, false, true, true, false), DIGIT_STAND_IN),
    (kind(true, false, true, false, false), '\u{3021}'), // Hangzhou numeral one
    (kind(false, false, true, false, false), '\u{2460}'), // circled digit one
    (kind(true, false, false, false, false), '\u{0E31}'), // Thai vowel mark
    (kind(false, false, false, false, true), '\u{3000}'), // ideographic space
    (kind(false, false, false, false, false), '\u{25A1}'), // white square
];

const fn kind(word: bool, letter: bool, number: bool, digit: bool, space: bool) -> Kind {
    Kind {
        word,
        letter,
        number,
        digit,
        space,
    }
}

/// The Unicode classes of [`Kind`], from the tables of the regex crate itself.
struct Tables {
    word: ClassUnicode,
    letter: ClassUnicode,
    number: ClassUnicode,
    digit: ClassUnicode,
    space: ClassUnicode,
}

static TABLES: LazyLock<Tables> = LazyLock::new(|| Tables {
    word: class_of(r"\w"),
    letter: class_of(r"\p{L}"),
    number: class_of(r"\p{N}"),
    digit: class_of(r"\d"),
    space: class_of(r"\s"),
});

fn class_of(pattern: &str) -> ClassUnicode {
    let hir = regex_syntax::parse(pattern).unwrap_or_else(|_| unreachable!("a fixed class"));
    match hir.kind() {
        HirKind::Class(Class::Unicode(class)) => class.clone(),
        _ => unreachable!("a Unicode class"),
    }
}

fn contains(class: &ClassUnicode, c: char) -> bool {
    let ranges = class.ranges();
    let at = ranges.partition_point(|range| range.end() < c);
    ranges.get(at).is_some_and(|range| range.start() <= c)
}

/// The kind of any character.
pub fn kind_of(c: char) -> Kind {
    let tables = &*TABLES;
    Kind {
        word: contains(&tables.word, c),
        letter: contains(&tables.letter, c),
        number: contains(&tables.number, c),
        digit: contains(&tables.digit, c),
        space: contains(&tables.space, c),
    }
}

/// The character folded text holds for `c`, a lower-case character: `c` itself when it is
/// common; the common letter it is a variant of (`ᲀ`, an old form of `в`, gives `в`), so that
/// a case-insensitive `[а-я]` still finds it; else the stand-in of its kind.
pub fn stand_in(c: char) -> char {
    if is_common(c) {
        return c;
    }
    if contains(&CASE.variants, c) {
        return common_equivalent(c);
    }
    let kind = kind_of(c);
    STAND_INS
        .iter()
        .find(|(of, _)| *of == kind)
        .map_or('\u{25A1}', |&(_, stand_in)| stand_in)
}

/// What case does across the common and the uncommon blocks.
struct Case {
    /// Lower-case uncommon characters that are case variants of common lower-case ones.
    variants: ClassUnicode,
    /// Characters that change when lower-cased: folded text never holds them.
    upper: ClassUnicode,
}

static CASE: LazyLock<Case> = LazyLock::new(|| {
    let upper = class_of(r"\p{Changes_When_Lowercased}");
    let common = common_class();
    let mut variants = common.clone();
    variants.difference(&upper);
    variants.case_fold_simple();
    variants.difference(&common);
    variants.difference(&upper);
    Case { variants, upper }
});

fn common_class() -> ClassUnicode {
    ClassUnicode::new(
        COMMON
            .iter()
            .map(|&(start, end)| ClassUnicodeRange::new(start, end)),
    )
}

/// The common lower-case character `c` is a case variant of, of the same kind when there are
/// several (`ι` rather than the combining `ͅ` for U+1FBE).
fn common_equivalent(c: char) -> char {
    let mut orbit = ClassUnicode::new([ClassUnicodeRange::new(c, c)]);
    orbit.case_fold_simple();
    let candidates: Vec<char> = orbit
        .iter()
        .flat_map(|range| range.start()..=range.end())
        .filter(|&other| is_common(other) && !contains(&CASE.upper, other))
        .collect();
    let kind = kind_of(c);
    candidates
        .iter()
        .copied()
        .find(|&other| kind_of(other) == kind)
        .or(candidates.first().copied())
        .unwrap_or(c)
}

/// The characters that stand for uncommon ones.
pub fn stand_ins() -> impl Iterator<Item = char> {
    STAND_INS.iter().map(|&(_, stand_in)| stand_in)
}

/// The uncommon characters of each kind that folded text may hold, with their stand-in, as
/// classes: what a pattern's class is checked against (`parse::narrow`).
pub fn uncommon_kinds() -> &'static [(ClassUnicode, char)] {
    static KINDS: LazyLock<Vec<(ClassUnicode, char)>> = LazyLock::new(|| {
        let tables = &*TABLES;
        // What folded text may hold that is not common: lower case, and not a variant of a
        // common letter.
        let mut uncommon = common_class();
        uncommon.union(&CASE.upper);
        uncommon.union(&CASE.variants);
        uncommon.negate();
        STAND_INS
            .iter()
            .map(|&(kind, stand_in)| {
                let mut members = uncommon.clone();
                for (wanted, table) in [
                    (kind.word, &tables.word),
                    (kind.letter, &tables.letter),
                    (kind.number, &tables.number),
                    (kind.digit, &tables.digit),
                    (kind.space, &tables.space),
                ] {
                    let mut side = table.clone();
                    if !wanted {
                        side.negate();
                    }
                    members.intersect(&side);
                }
                (members, stand_in)
            })
            .collect()
    });
    &KINDS
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_uncommon_character_has_a_stand_in_of_its_kind() {
        let kinds = uncommon_kinds();
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            if is_common(c) || contains(&CASE.upper, c) {
                continue;
            }
            let stand_in = stand_in(c);
            if contains(&CASE.variants, c) {
                assert!(is_common(stand_in), "{c:?} → {stand_in:?}");
                continue;
            }
            assert_eq!(kind_of(stand_in), kind_of(c), "{c:?} → {stand_in:?}");
            // The classes narrowing checks against say the same.
            let (members, of) = kinds
                .iter()
                .find(|(members, _)| contains(members, c))
                .unwrap_or_else(|| panic!("{c:?} in no kind"));
            assert_eq!(*of, stand_in, "{c:?}");
            assert!(members.iter().count() > 0);
        }
    }

    #[test]
    fn stand_ins_are_uncommon_and_of_their_own_kind() {
        for (kind, stand_in) in STAND_INS {
            assert!(!is_common(stand_in), "{stand_in:?}");
            assert_eq!(kind_of(stand_in), kind, "{stand_in:?}");
        }
    }

    #[test]
    fn common_characters_stay() {
        for c in ['а', 'ә', 'ү', 'z', 'é', 'ß', 'λ', '№', '–', '\n'] {
            assert_eq!(stand_in(c), c);
        }
        assert_eq!(stand_in('漢'), '\u{10D0}');
        assert_eq!(stand_in('٧'), '\u{0663}');
        assert_eq!(stand_in('😀'), '\u{25A1}');
        assert_eq!(stand_in('\u{1C80}'), 'в');
        assert_eq!(stand_in('\u{1FBE}'), 'ι');
    }
}
