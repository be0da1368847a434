//! The Word and OpenDocument reader: a whole `.docx` (the ZIP layer, with its cap on what a part unpacks to) and,
//! since random bytes are seldom a ZIP archive, the XML parts themselves: the input split at
//! its first two NUL bytes into `word/document.xml`, `styles.xml` and `numbering.xml`. Any input
//! must give Markdown whose every line has its paragraph, or an error, never a panic.

#![no_main]

use hattama::read::docx;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(converted) = docx::convert(data) {
        check(&converted);
    }
    let text = String::from_utf8_lossy(data);
    let mut parts = text.splitn(3, '\0');
    let document = parts.next().unwrap_or_default();
    let styles = parts.next().unwrap_or_default();
    let numbering = parts.next().unwrap_or_default();
    check(&docx::from_parts(document, styles, numbering));
    // The same parts read as OpenDocument text (content.xml, styles.xml).
    check(&docx::from_odf_parts(document, styles));
});

/// The paragraph map has one entry per line, and the Markdown's lines are the map's lines.
fn check(converted: &docx::Converted) {
    let lines = converted.text.bytes().filter(|&b| b == b'\n').count();
    assert_eq!(lines, converted.paragraphs.len());
    assert!(!converted.text.contains('\r'));
}
