//! The Markdown and plain-text parsers, each followed by extraction with the default pack: kind,
//! sections, header fields, dates, decisions and measures. A `.txt` and a `.md` export of one
//! protocol differ only in the name, so any text may go to either: a hash of the input picks the
//! parser (one parse per execution, twice as fast as both), and the corpus holds inputs for
//! both.

#![no_main]

mod common;

use hattama::engine;
use hattama::read;
use libfuzzer_sys::fuzz_target;
use std::path::Path;

// Compile the pack before the first input, whose 1 s timeout would otherwise include it.
fuzz_target!(init: common::init(), |data: &[u8]| {
    let Ok(source) = read::from_bytes(data) else {
        return;
    };
    let name = if common::fnv(data) & 1 == 0 {
        "protocol.md"
    } else {
        "protocol.txt"
    };
    let (document, extraction) = engine::analyse(Path::new(name), source, &common::PACK);
    // Every span later becomes a line and column in a report, and a snippet sliced from
    // the source: it must lie inside it.
    for line in &document.lines {
        assert!(
            document.source.get(line.span.clone()).is_some(),
            "{:?}",
            line.span
        );
    }
    for item in &extraction.items {
        assert!(
            document.source.get(item.span.clone()).is_some(),
            "{:?}",
            item.span
        );
        assert!(item.lines.end <= document.lines.len());
    }
    for hit in &extraction.sections {
        assert!(hit.lines.end <= document.lines.len());
    }
});
