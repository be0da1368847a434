//! The reader: bytes to text (BOM, UTF-8, UTF-16, Windows-1251, binary sniffing) and the split
//! of front matter from the body. Any input must give text or a `ReadError`, never a panic.

#![no_main]

use hattama::read::{self, TextEncoding};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(source) = read::from_bytes(data) else {
        return;
    };
    // Later stages slice the text at these offsets, so they must be valid.
    assert!(source.text.is_char_boundary(source.body_start));
    let _ = source.body();
    if let Some(front) = &source.front_matter {
        assert!(source.text.get(front.range.clone()).is_some());
        assert!(front.range.end <= source.body_start);
    }
    // Text that is already UTF-8 must come back unchanged: no byte of a protocol is lost. The
    // one change is a lone CR (old Mac line ends) made an LF of the same length.
    if source.encoding == TextEncoding::Utf8 {
        if let Ok(text) = std::str::from_utf8(data) {
            assert_eq!(source.text, lone_cr_to_lf(text));
        }
    }
});

fn lone_cr_to_lf(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        out.push(if c == '\r' && chars.peek() != Some(&'\n') {
            '\n'
        } else {
            c
        });
    }
    out
}
