//! Shrinks a pattern's character classes to the characters folded text can hold.
//!
//! Folded text is lower case and made of the common characters plus one stand-in per kind of
//! uncommon character (`parse::alphabet`). A class only has to agree with the original on
//! those: `\w` becomes a few dozen ranges instead of some 700, capitals drop out of
//! case-insensitive classes, and ranges merge across characters folded text never holds. The
//! rewritten pattern matches folded text exactly as the original does, and compiles several
//! times faster: compiling the pack's classes was most of the cost of checking one file.
//! Used for the rule pack's patterns and the date parser's.

use super::alphabet;
use super::normalize;
use regex_syntax::hir::{
    Capture, Class, ClassUnicode, ClassUnicodeRange, Hir, HirKind, Repetition,
};
use std::collections::HashMap;

/// Characters (of a private-use plane, which folded text never holds) that stand in a pattern
/// for a fragment grafted in after narrowing (`pack::splice`): a narrower lets them through.
pub const SPLICE_POINTS: std::ops::RangeInclusive<char> = '\u{10FF00}'..='\u{10FFFD}';

/// A class as narrowed, or why it cannot be.
type Narrowed = Result<ClassUnicode, String>;

/// Rewrites patterns' classes; remembers the classes it has seen, since the same few (`\w`,
/// `\W`, `\s`, `[^\p{L}\p{N}_]`) come back in nearly every pattern.
#[derive(Default)]
pub struct Narrower {
    /// By a quick digest of the class's ranges; the ranges themselves tell apart two classes
    /// with the same digest.
    seen: HashMap<u64, Vec<(ClassUnicode, Narrowed)>>,
}

impl Narrower {
    /// `hir` with every class narrowed. An error when a class or a letter asks for something
    /// folded text cannot answer: a particular character of an uncommon script.
    pub fn narrow(&mut self, hir: &Hir) -> Result<Hir, String> {
        Ok(match hir.kind() {
            HirKind::Empty | HirKind::Look(_) | HirKind::Class(Class::Bytes(_)) => hir.clone(),
            HirKind::Literal(literal) => {
                let text = String::from_utf8_lossy(&literal.0);
                if let Some(c) = text
                    .chars()
                    .find(|&c| !folded_text_may_hold(c) && !SPLICE_POINTS.contains(&c))
                {
                    return Err(uncommon(&c.to_string()));
                }
                hir.clone()
            }
            HirKind::Class(Class::Unicode(class)) => Hir::class(Class::Unicode(self.class(class)?)),
            HirKind::Repetition(repetition) => Hir::repetition(Repetition {
                min: repetition.min,
                max: repetition.max,
                greedy: repetition.greedy,
                sub: Box::new(self.narrow(&repetition.sub)?),
            }),
            HirKind::Capture(capture) => Hir::capture(Capture {
                index: capture.index,
                name: capture.name.clone(),
                sub: Box::new(self.narrow(&capture.sub)?),
            }),
            HirKind::Concat(parts) => Hir::concat(self.narrow_all(parts)?),
            HirKind::Alternation(branches) => Hir::alternation(self.narrow_all(branches)?),
        })
    }

    fn narrow_all(&mut self, hirs: &[Hir]) -> Result<Vec<Hir>, String> {
        hirs.iter().map(|hir| self.narrow(hir)).collect()
    }

    fn class(&mut self, class: &ClassUnicode) -> Narrowed {
        // Hashing the ranges with the standard hasher cost more than narrowing small classes.
        let digest = class
            .iter()
            .fold(class.ranges().len() as u64, |digest, range| {
                (digest.rotate_left(5)
                    ^ (u64::from(u32::from(range.start())) << 21)
                    ^ u64::from(u32::from(range.end())))
                .wrapping_mul(0x9E37_79B9_7F4A_7C15)
            });
        let same = self.seen.entry(digest).or_default();
        if let Some((_, narrowed)) = same.iter().find(|(seen, _)| seen == class) {
            return narrowed.clone();
        }
        let narrowed = narrow_class(class);
        same.push((class.clone(), narrowed.clone()));
        narrowed
    }
}

/// A letter of a pattern that folded text may hold: a common character (a capital is fine,
/// it simply never matches, as before) or a stand-in.
fn folded_text_may_hold(c: char) -> bool {
    alphabet::is_common(c) || alphabet::stand_ins().any(|stand_in| stand_in == c)
}

fn uncommon(what: &str) -> String {
    format!(
        "`{what}` is a particular character of a script documents are not folded with: in \
         folded text every letter, digit or symbol outside Latin, Greek, Cyrillic and common \
         punctuation stands for its kind only, so match it with `\\w`, `\\p{{L}}`, `\\d`, \
         `\\s` or `\\W`"
    )
}

fn narrow_class(class: &ClassUnicode) -> Narrowed {
    let alphabet = normalize::alphabet();
    let mut kept: Vec<(char, char)> = Vec::new();
    // The common characters: the class's ranges cut to the alphabet's.
    for range in class.ranges() {
        let first = alphabet.partition_point(|&(_, end)| end < range.start());
        for &(start, end) in &alphabet[first..] {
            if start > range.end() {
                break;
            }
            if alphabet::is_common(start) {
                kept.push((start.max(range.start()), end.min(range.end())));
            }
        }
    }
    // The uncommon ones: a whole kind or none of it, as its stand-in.
    if class
        .iter()
        .any(|range| !alphabet::is_common_range(range.start(), range.end()))
    {
        for (members, stand_in) in alphabet::uncommon_kinds() {
            let mut shared = class.clone();
            shared.intersect(members);
            if shared.ranges().is_empty() {
                continue;
            }
            if shared != *members {
                let sample = shared.ranges()[0].start();
                return Err(uncommon(&sample.to_string()));
            }
            kept.push((*stand_in, *stand_in));
        }
    }
    kept.sort_unstable();
    // Ranges merge across gaps that hold nothing folded text can hold: fewer ranges, smaller
    // automata.
    let mut merged: Vec<(char, char)> = Vec::new();
    for (start, end) in kept {
        match merged.last_mut() {
            Some(last) if !any_between(alphabet, last.1, start) => last.1 = last.1.max(end),
            _ => merged.push((start, end)),
        }
    }
    Ok(ClassUnicode::new(
        merged
            .into_iter()
            .map(|(start, end)| ClassUnicodeRange::new(start, end)),
    ))
}

/// True when the alphabet holds a character strictly between `low` and `high`.
fn any_between(alphabet: &[(char, char)], low: char, high: char) -> bool {
    let (low, high) = (low as u32, high as u32);
    if high <= low + 1 {
        return false;
    }
    let at = alphabet.partition_point(|&(_, end)| end as u32 <= low);
    alphabet
        .get(at)
        .is_some_and(|&(start, end)| (start as u32).max(low + 1) <= (end as u32).min(high - 1))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::normalize::fold;

    fn narrowed(pattern: &str, case_insensitive: bool) -> Result<String, String> {
        let hir = regex_syntax::ParserBuilder::new()
            .case_insensitive(case_insensitive)
            .build()
            .parse(pattern)
            .unwrap();
        Narrower::default().narrow(&hir).map(|hir| hir.to_string())
    }

    /// The narrowed pattern finds on folded text exactly what the original finds.
    #[test]
    fn matches_stay_the_same_on_folded_text() {
        let text = fold(
            "ПРОТОКОЛ № 4 заседания КДН, Өскемен қ. 漢字 ٣ ① Ⅻ\u{3000}😀 — «итоги»; Кiрiспе, \
             срок: до 12.03.2026 г., н/л Әлібек_7 ñ ß λ ё ℕ™ x² H₂O ΄˘҂ ά",
            0,
        )
        .text;
        for (pattern, case_insensitive) in [
            (r"\w+", false),
            (r"\W+", false),
            (r"[^\p{L}\p{N}_]+", false),
            (r"\p{L}+\s+\p{N}", false),
            (r"\d+|\s+", false),
            (r"[^.;\n]{0,40}", false),
            (r"(?s).{3}", false),
            (r"\S+", false),
            (r"ПРОТОКОЛ\s*№\s*(?P<n>\d+)", true),
            (r"[А-ЯЁ][а-я]+\s+[А-Я]", true),
            (r"(?m)^\W*(?:протокол|хаттама)(?:[^\p{L}\p{N}_]|$)", false),
            (r"\bкдн\b", false),
        ] {
            let original = regex::RegexBuilder::new(pattern)
                .case_insensitive(case_insensitive)
                .build()
                .unwrap();
            let rewritten =
                regex::Regex::new(&narrowed(pattern, case_insensitive).unwrap()).unwrap();
            let spans =
                |re: &regex::Regex| re.find_iter(&text).map(|m| m.range()).collect::<Vec<_>>();
            assert_eq!(spans(&original), spans(&rewritten), "{pattern}");
            assert_eq!(
                original.capture_names().collect::<Vec<_>>(),
                rewritten.capture_names().collect::<Vec<_>>()
            );
        }
    }

    #[test]
    fn word_classes_shrink() {
        let word = narrowed(r"\w", false).unwrap();
        assert!(word.len() < 200, "{word}");
        assert_eq!(
            narrowed("[А-Я]", true).unwrap(),
            narrowed("[а-я]", false).unwrap()
        );
    }

    #[test]
    fn particular_uncommon_characters_are_refused() {
        assert!(
            narrowed(r"\p{Han}", false)
                .unwrap_err()
                .contains("particular")
        );
        assert!(narrowed("漢", false).is_err());
        assert!(narrowed(r"[\x{4E00}-\x{9FFF}]", false).is_err());
        assert!(narrowed(r"[^漢]", false).is_err());
        // Case-insensitive, it is every cased letter: Georgian, but not Chinese.
        assert!(narrowed(r"\p{Lu}", true).is_err());
        assert!(narrowed(r"[\p{L}\d]", false).is_ok());
    }
}
