//! Text for an XML document: XML 1.0 forbids most control characters (a form feed from a Word
//! export, a stray ESC) even as character references, and a reader refuses the whole file for
//! one of them, so they are left out.

use std::borrow::Cow;

/// Whether XML 1.0 allows `c`: tab, line feed, carriage return and everything from U+0020 on,
/// but U+FFFE and U+FFFF (Rust strings hold no surrogates).
fn allowed(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\r') || (c >= ' ' && !matches!(c, '\u{FFFE}' | '\u{FFFF}'))
}

/// `text` without the characters XML 1.0 forbids.
pub fn text(text: &str) -> Cow<'_, str> {
    if text.chars().all(allowed) {
        Cow::Borrowed(text)
    } else {
        Cow::Owned(text.chars().filter(|&c| allowed(c)).collect())
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn forbidden_characters_are_dropped() {
        assert_eq!(super::text("a\u{c}b\u{1}\tc\u{FFFF}"), "ab\tc");
        assert_eq!(super::text("Хаттама\r\n"), "Хаттама\r\n");
    }
}
