//! A generated document as a Word file (`.docx`), built the way a secretary's is: the text
//! (Markdown or plain text, as [`super::text`] writes it) becomes paragraphs in Word's styles
//! (`Title`, `Heading1`–`Heading3`, `List Number`), bold runs, automatic numbering where the
//! text had typed numbers, and tables with a header row; then the parts are put in a ZIP
//! package. So the same corpus can be written as text or as Word, and read back by
//! [`hattama::read::docx`] to the same findings.

mod document;
mod markdown;
mod model;
mod numbering;
mod package;
mod plain;
mod styles;
mod typed;
mod xml;

use super::text::Format;
use std::io;

/// The `.docx` bytes of a document whose text, in `format`, is `bytes`.
pub fn docx(bytes: &[u8], format: Format) -> io::Result<Vec<u8>> {
    let text = String::from_utf8_lossy(bytes);
    let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
    let blocks = match format {
        Format::Md => markdown::blocks(text),
        Format::Txt => plain::blocks(text),
    };
    let mut numbering = numbering::Numbering::default();
    let document = document::write(&blocks, &mut numbering)?;
    package::archive(&document, &styles::write()?, &numbering.write()?)
}

#[cfg(test)]
mod tests;
