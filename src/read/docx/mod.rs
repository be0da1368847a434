//! Word documents (`.docx`), and OpenDocument text (`.odt`, see [`odt`]) which reads into the
//! same blocks, read directly: the ZIP archive is opened with the `zip` crate, its
//! XML parts with quick-xml, and the body is written as Markdown (see [`markdown`]) for the
//! same parser as `.md` files, with a map from each line to the paragraph it came from.
//!
//! A `.docx` is a ZIP archive, so its size on disk says little about what it unpacks to: every
//! part is read through a cap, and a part that unpacks past it makes the file unreadable rather
//! than filling the memory.

mod body;
mod markdown;
mod numbering;
mod odt;
mod styles;
mod xml;

pub use markdown::Converted;

use std::io::Read;

/// The most one XML part may unpack to: a protocol's `document.xml` is well under a megabyte;
/// a 16 MiB file full of text unpacks to about ten times its size.
const MAX_PART_BYTES: u64 = 256 * 1024 * 1024;

/// Elements of the body that only say how text looks (fonts, sizes, spacing, borders) or
/// mark places (bookmarks, proofing): left out of the tree.
const LOOKS_ONLY: &[&str] = &[
    "rFonts",
    "sz",
    "szCs",
    "color",
    "lang",
    "spacing",
    "ind",
    "jc",
    "shd",
    "kern",
    "noProof",
    "bookmarkStart",
    "bookmarkEnd",
    "proofErr",
    "lastRenderedPageBreak",
    "tblBorders",
    "tcBorders",
    "tcW",
    "tblW",
    "tblGrid",
    "tblLook",
    "sectPr",
    "rsid",
    "highlight",
    "u",
    "i",
    "iCs",
    "bCs",
    "vertAlign",
    "position",
    "w",
    "effect",
    "keepNext",
    "keepLines",
    "widowControl",
];

/// Why a Word file could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DocxError {
    /// Not a ZIP archive, or a damaged one.
    NotZip,
    /// A ZIP archive without `word/document.xml`: not a Word document.
    NoDocument,
    /// A part unpacks past [`MAX_PART_BYTES`].
    TooLarge,
}

/// True when `bytes` start like a ZIP archive (`PK\x03\x04`).
pub fn looks_like_zip(bytes: &[u8]) -> bool {
    bytes.starts_with(b"PK\x03\x04")
}

/// Converts a `.docx` file's bytes to Markdown with its paragraph map.
pub fn convert(bytes: &[u8]) -> Result<Converted, DocxError> {
    let mut archive =
        zip::ZipArchive::new(std::io::Cursor::new(bytes)).map_err(|_| DocxError::NotZip)?;
    let Some(document) = read_part(&mut archive, "word/document.xml")? else {
        // LibreOffice's own format is a ZIP archive too, with the text in content.xml.
        let content = read_part(&mut archive, "content.xml")?.ok_or(DocxError::NoDocument)?;
        let styles = read_part(&mut archive, "styles.xml")?.unwrap_or_default();
        return Ok(from_odf_parts(&content, &styles));
    };
    let styles = read_part(&mut archive, "word/styles.xml")?.unwrap_or_default();
    let numbering = read_part(&mut archive, "word/numbering.xml")?.unwrap_or_default();
    Ok(from_parts(&document, &styles, &numbering))
}

/// Converts the XML of a document's body, styles and numbering parts.
pub fn from_parts(document: &str, styles: &str, numbering: &str) -> Converted {
    let styles = styles::Styles::parse(styles);
    let numbering = numbering::Numbering::parse(numbering);
    let Some(root) = xml::parse_tree_with(document, |name| !LOOKS_ONLY.contains(&name)) else {
        return Converted::default();
    };
    let body = root.child("body").unwrap_or(&root);
    let blocks = body::Walker::new(&styles, &numbering).blocks(body);
    markdown::write(&blocks)
}

/// Converts the XML of an OpenDocument text's `content.xml` and `styles.xml`.
pub fn from_odf_parts(content: &str, styles: &str) -> Converted {
    let mut named = odt::OdfStyles::default();
    if let Some(root) = xml::parse_tree_with(styles, |name| !LOOKS_ONLY.contains(&name)) {
        named.add(&root);
    }
    let Some(root) = xml::parse_tree_with(content, |name| !LOOKS_ONLY.contains(&name)) else {
        return Converted::default();
    };
    named.add(&root);
    let Some(text) = root.child("body").and_then(|b| b.child("text")) else {
        return Converted::default();
    };
    let blocks = odt::OdfWalker::new(&named).blocks(text);
    markdown::write(&blocks)
}

/// A part of the archive as text; None when the archive has no such part.
fn read_part(
    archive: &mut zip::ZipArchive<std::io::Cursor<&[u8]>>,
    name: &str,
) -> Result<Option<String>, DocxError> {
    let file = match archive.by_name(name) {
        Ok(file) => file,
        Err(zip::result::ZipError::FileNotFound) => return Ok(None),
        Err(_) => return Err(DocxError::NotZip),
    };
    let mut bytes = Vec::new();
    file.take(MAX_PART_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|_| DocxError::NotZip)?;
    if bytes.len() as u64 > MAX_PART_BYTES {
        return Err(DocxError::TooLarge);
    }
    // Word writes UTF-8; a part in another encoding keeps what decodes.
    Ok(Some(String::from_utf8_lossy(&bytes).into_owned()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    fn docx(parts: &[(&str, &str)]) -> Vec<u8> {
        let mut buffer = std::io::Cursor::new(Vec::new());
        let mut writer = zip::ZipWriter::new(&mut buffer);
        for (name, text) in parts {
            writer
                .start_file(*name, zip::write::SimpleFileOptions::default())
                .unwrap();
            writer.write_all(text.as_bytes()).unwrap();
        }
        writer.finish().unwrap();
        buffer.into_inner()
    }

    #[test]
    fn a_whole_archive() {
        let bytes = docx(&[
            (
                "word/document.xml",
                r#"<?xml version="1.0"?><w:document xmlns:w="w"><w:body>
                <w:p><w:pPr><w:pStyle w:val="Title"/></w:pPr><w:r><w:t>ПРОТОКОЛ № 4</w:t></w:r></w:p>
                <w:p><w:r><w:t>Секретарь: Ким Е.В.</w:t></w:r></w:p></w:body></w:document>"#,
            ),
            (
                "word/styles.xml",
                r#"<w:styles xmlns:w="w"><w:style w:styleId="Title"><w:name w:val="Title"/></w:style></w:styles>"#,
            ),
        ]);
        assert!(looks_like_zip(&bytes));
        let converted = convert(&bytes).unwrap();
        assert_eq!(converted.text, "# ПРОТОКОЛ № 4\n\nСекретарь: Ким Е.В.\n");
        assert_eq!(converted.paragraphs, [1, 0, 2]);
    }

    #[test]
    fn not_word() {
        assert_eq!(convert(b"PK\x03\x04garbage"), Err(DocxError::NotZip));
        assert_eq!(convert(b"plain text"), Err(DocxError::NotZip));
        let other = docx(&[("mimetype", "application/zip")]);
        assert_eq!(convert(&other), Err(DocxError::NoDocument));
        let broken = docx(&[(
            "word/document.xml",
            "<w:document><w:body><w:p><w:r><w:t>Текст",
        )]);
        assert_eq!(convert(&broken).unwrap().text, "Текст\n");
    }
}
