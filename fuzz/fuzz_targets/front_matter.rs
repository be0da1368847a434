//! Front matter: finding the `---` fences and parsing the YAML between them (the YAML parser
//! meets hostile input here, so this is where time and depth bounds matter).

#![no_main]

use hattama::read::split_front_matter;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    // The reader hands this function decoded text; anything not UTF-8 tests nothing new.
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let (front, error, body_start) = split_front_matter(text);
    assert!(text.is_char_boundary(body_start));
    assert!(
        front.is_none() || error.is_none(),
        "both a value and an error"
    );
    if let Some(front) = front {
        assert!(text.get(front.range.clone()).is_some());
        assert!(front.range.end <= body_start);
    }
    if let Some(error) = error {
        // Positions are printed to the user as `file:line:column`, 1-based.
        assert!(error.line >= 1 && error.column >= 1);
    }
});
