//! Text a report prints to a terminal, made harmless: a document's name or text must not move
//! the cursor (CR), reorder what is shown (the bidi controls that can make `x.md` read `dm.x`),
//! start an escape sequence (ESC, CSI U+009B) or begin a line that looks like a finding of its
//! own (a line break in a file name).
//!
//! Each such character is printed as `\u{…}` with its hex code, e.g. `\u{202E}`, `\u{D}`:
//! visible, and still telling what was in the file. Tabs stay.

use std::borrow::Cow;

/// Whether `c` is escaped: C0 and C1 controls but the tab, DEL, and the bidi formatting
/// characters (embeddings, overrides, isolates, marks).
pub fn is_unsafe(c: char) -> bool {
    (c.is_control() && c != '\t')
        || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{200E}' | '\u{200F}' | '\u{061C}')
}

/// `text` with every [`is_unsafe`] character written as `\u{HEX}`.
pub fn escape(text: &str) -> Cow<'_, str> {
    if !text.chars().any(is_unsafe) {
        return Cow::Borrowed(text);
    }
    let mut escaped = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if is_unsafe(c) {
            escaped.push_str(&format!("\\u{{{:X}}}", u32::from(c)));
        } else {
            escaped.push(c);
        }
    }
    Cow::Owned(escaped)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn controls_and_bidi_are_shown_as_codes() {
        assert_eq!(
            escape("a\u{202E}b\rc\u{9B}d\u{1B}[31m"),
            "a\\u{202E}b\\u{D}c\\u{9B}d\\u{1B}[31m"
        );
        assert_eq!(escape("x.md\n1:1: error"), "x.md\\u{A}1:1: error");
        assert!(matches!(escape("Хаттама\tә"), Cow::Borrowed(_)));
    }
}
