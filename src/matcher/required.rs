//! Bytes a pattern cannot match without: a quick look for them answers most searches of text
//! that holds no match before the engine is asked at all.
//!
//! The engine has a prefilter of its own, for patterns that begin with or hold a literal; the
//! date grammar's forms begin with digits and the engine has none for them, so each of the
//! dozens of searches a document needs ran the lazy DFA over the text. Here every match of the
//! pattern must hold one of at most three bytes (`.` for `12.03.2026`, a letter's second byte
//! for a word), found with `memchr` at many bytes a cycle. The set is chosen from the syntax
//! tree, preferring bytes that are rare in protocols.

use regex_syntax::hir::{Class, Hir, HirKind};

/// Up to three bytes, one of which every match holds.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RequiredBytes(Vec<u8>);

impl RequiredBytes {
    /// The rarest such set for `hir`, if there is one worth looking for: a set of common bytes
    /// (a space, the lead byte every Cyrillic letter shares) would rule out no text.
    pub fn of(hir: &Hir) -> Option<RequiredBytes> {
        let set = required(hir)?;
        (cost(&set) < WORTH_LOOKING).then_some(RequiredBytes(set))
    }

    /// Whether `text` holds one of the bytes: `false` means no match can be found in it.
    pub fn in_text(&self, text: &[u8]) -> bool {
        match *self.0.as_slice() {
            [a] => memchr::memchr(a, text).is_some(),
            [a, b] => memchr::memchr2(a, b, text).is_some(),
            [a, b, c] => memchr::memchr3(a, b, c, text).is_some(),
            _ => true,
        }
    }
}

/// A set costing this much or more is not looked for (see [`byte_cost`]).
const WORTH_LOOKING: u32 = 10;

/// A set of at most three bytes one of which every match of `hir` holds, the cheapest found.
fn required(hir: &Hir) -> Option<Vec<u8>> {
    match hir.kind() {
        HirKind::Empty | HirKind::Look(_) => None,
        // The whole literal is in every match: its rarest byte will do.
        HirKind::Literal(literal) => literal
            .0
            .iter()
            .min_by_key(|&&byte| byte_cost(byte))
            .map(|&byte| vec![byte]),
        HirKind::Class(class) => class_bytes(class),
        HirKind::Repetition(repetition) if repetition.min > 0 => required(&repetition.sub),
        HirKind::Repetition(_) => None,
        HirKind::Capture(capture) => required(&capture.sub),
        HirKind::Concat(parts) => parts
            .iter()
            .filter_map(required)
            .min_by_key(|set| (cost(set), set.len())),
        HirKind::Alternation(branches) => {
            let mut union: Vec<u8> = Vec::new();
            for branch in branches {
                union.extend(required(branch)?);
                union.sort_unstable();
                union.dedup();
                if union.len() > 3 {
                    return None;
                }
            }
            Some(union)
        }
    }
}

/// For a class of at most three characters, one byte of each: its last, which for a Cyrillic
/// letter tells it apart where the first byte does not.
fn class_bytes(class: &Class) -> Option<Vec<u8>> {
    let mut bytes: Vec<u8> = match class {
        Class::Unicode(class) => {
            let mut chars = Vec::new();
            for range in class.ranges() {
                for c in range.start()..=range.end() {
                    chars.push(c);
                    if chars.len() > 3 {
                        return None;
                    }
                }
            }
            chars
                .into_iter()
                .map(|c| {
                    let mut buf = [0u8; 4];
                    let encoded = c.encode_utf8(&mut buf);
                    encoded.as_bytes()[encoded.len() - 1]
                })
                .collect()
        }
        Class::Bytes(class) => {
            let mut bytes = Vec::new();
            for range in class.ranges() {
                for byte in range.start()..=range.end() {
                    bytes.push(byte);
                    if bytes.len() > 3 {
                        return None;
                    }
                }
            }
            bytes
        }
    };
    bytes.sort_unstable();
    bytes.dedup();
    (!bytes.is_empty()).then_some(bytes)
}

fn cost(set: &[u8]) -> u32 {
    set.iter().map(|&byte| byte_cost(byte)).sum()
}

/// How often a byte turns up in a protocol, roughly: punctuation is rare, a particular letter
/// (an ASCII one, or the second byte of a Cyrillic one) uncommon, digits and spaces everywhere,
/// and the first byte of a Cyrillic letter in nearly every word.
fn byte_cost(byte: u8) -> u32 {
    match byte {
        b' ' | b'\n' | b'\t' => 20,
        b'0'..=b'9' => 6,
        b'a'..=b'z' | b'A'..=b'Z' => 4,
        0x80..=0xBF => 4,
        0xD0..=0xD3 => 50,
        0xC0..=0xFF => 20,
        _ => 1,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn of(pattern: &str) -> Option<Vec<u8>> {
        RequiredBytes::of(&regex_syntax::parse(pattern).unwrap()).map(|set| set.0)
    }

    #[test]
    fn the_rarest_bytes_every_match_holds() {
        assert_eq!(of(r"\d{1,2}\.\d{2}\.\d{4}"), Some(vec![b'.']));
        assert_eq!(of(r"\d+(?:\.|/|-)\d+"), Some(vec![b'-', b'.', b'/']));
        assert_eq!(
            of(r"(?:до|по)\s+\d+"),
            Some(vec!["до".as_bytes()[1], "по".as_bytes()[1]])
        );
        assert_eq!(of(r"№\s*\d+"), Some(vec!["№".as_bytes()[1]]));
    }

    #[test]
    fn no_set_where_a_match_may_hold_none_or_only_common_bytes() {
        for pattern in [
            r"\d*",
            r"\w+",
            r"(?:\.|\w)\d",
            r"\s+\d+",
            r"\d+",
            r"a|b|c|d",
            r"\b",
        ] {
            assert_eq!(of(pattern), None, "{pattern}");
        }
    }

    #[test]
    fn text_without_the_bytes_is_ruled_out() {
        let set = RequiredBytes::of(&regex_syntax::parse(r"\d{2}\.\d{2}").unwrap()).unwrap();
        assert!(set.in_text(b"12.03"));
        assert!(!set.in_text("до 12 марта".as_bytes()));
    }
}
