//! Numbers and bullets typed at the start of a paragraph ("2.1. Информацию принять…",
//! "1) …", "- н/л …"): a secretary's Word file has these as automatic numbering, which is what
//! the writer makes of them where Word can show the very same number.

use super::model::Label;

/// Parts of a number the writer's lists can show: `1.2.3.`.
const MAX_PARTS: usize = super::numbering::DOTTED_LEVELS;

/// The label typed at the start of `text` and the byte offset where the text after it (and the
/// spaces or tab after it) starts; None when `text` does not start with one, or when nothing
/// follows it.
pub fn label(text: &str) -> Option<(Label, usize)> {
    let (label, end) = number(text).or_else(|| bullet(text))?;
    let rest = &text[end..];
    let gap = rest.len() - rest.trim_start_matches([' ', '\t']).len();
    // "1.Text" is not a list item in Word either, and a number alone is not an item.
    if gap == 0 || rest[gap..].trim().is_empty() {
        return None;
    }
    Some((label, end + gap))
}

/// `N.`, `N.M.`, `N.M.K.` or `N)`, every part 1–999 written without a leading zero, so that
/// Word's decimal number shows it exactly.
fn number(text: &str) -> Option<(Label, usize)> {
    let mut parts = Vec::new();
    let mut at = 0;
    loop {
        let digits = text[at..].bytes().take_while(u8::is_ascii_digit).count();
        if digits == 0 || digits > 3 || text[at..].starts_with('0') {
            return None;
        }
        parts.push(text[at..at + digits].parse().ok()?);
        at += digits;
        let delimiter = text[at..].chars().next()?;
        match delimiter {
            ')' if parts.len() == 1 => {
                return Some((
                    Label::Number {
                        parts,
                        delimiter: ')',
                    },
                    at + 1,
                ));
            }
            '.' => {
                at += 1;
                let more = text[at..].starts_with(|c: char| c.is_ascii_digit());
                if !more {
                    return (parts.len() <= MAX_PARTS).then_some((
                        Label::Number {
                            parts,
                            delimiter: '.',
                        },
                        at,
                    ));
                }
            }
            _ => return None,
        }
    }
}

/// A hyphen typed as a bullet, as Word's text export writes a bulleted item.
fn bullet(text: &str) -> Option<(Label, usize)> {
    text.starts_with('-').then_some((Label::Bullet, 1))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parts(text: &str) -> Option<(Vec<u32>, char, &str)> {
        let (label, at) = label(text)?;
        match label {
            Label::Number { parts, delimiter } => Some((parts, delimiter, &text[at..])),
            Label::Bullet => Some((Vec::new(), '-', &text[at..])),
        }
    }

    #[test]
    fn typed_numbers_and_bullets() {
        assert_eq!(parts("1. Текст"), Some((vec![1], '.', "Текст")));
        assert_eq!(parts("2.1.\tТекст"), Some((vec![2, 1], '.', "Текст")));
        assert_eq!(parts("3.2.1. x"), Some((vec![3, 2, 1], '.', "x")));
        assert_eq!(parts("4) x"), Some((vec![4], ')', "x")));
        assert_eq!(parts("- н/л x"), Some((vec![], '-', "н/л x")));
    }

    #[test]
    fn what_is_not_a_list_item() {
        for text in [
            "1.Текст",
            "1. ",
            "01. x",
            "1.1.1.1. x",
            "1.1) x",
            "2026 г.",
            "10.02.2026 x",
            "1234. x",
            "а) x",
            "-x",
            "x",
            "",
        ] {
            assert_eq!(parts(text), None, "{text:?}");
        }
    }
}
