//! Word documents (`.docx`), and OpenDocument text (`.odt`, see [`odt`]) which reads into the
//! same blocks, read directly: the ZIP archive is opened with the `zip` crate, its
//! XML parts with quick-xml, and the body is written as Markdown (see [`markdown`]) for the
//! same parser as `.md` files, with a map from each line to the paragraph it came from.
//!
//! Page headers and footers are kept apart from the text, as margins: some secretaries put the
//! protocol's number and date there, and only fields that allow it are read from them.
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

use std::io::{Read, Seek};

/// The most the parts read from one archive may unpack to together: a protocol's
/// `document.xml` is well under a megabyte, and 64 MiB of XML is some 5,000 pages of text.
const MAX_UNPACKED_BYTES: u64 = 64 * 1024 * 1024;

/// How many times its packed size a part may unpack to. Word's XML packs about ten to one,
/// repetitive text up to some fifty; a ZIP bomb packs a thousand to one or more.
const MAX_RATIO: u64 = 100;

/// Below this a part is not held to [`MAX_RATIO`]: a short part of repeated markup may pack
/// better than that without being a bomb, and a megabyte costs nothing.
const RATIO_FREE_BYTES: u64 = 1024 * 1024;

/// The first bytes of an OLE compound file: Word 97–2003 documents, and also `.docx` files
/// saved with a password, which Word encrypts into such a container.
const COMPOUND_FILE: &[u8] = &[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

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
    /// The parts unpack past [`MAX_UNPACKED_BYTES`], or one past [`MAX_RATIO`] times its
    /// packed size.
    TooLarge,
    /// Saved with a password: Word encrypts the whole package.
    Protected,
    /// A Word 97–2003 document under a `.docx` name.
    OldFormat,
}

/// True when `bytes` start like a ZIP archive (`PK\x03\x04`).
pub fn looks_like_zip(bytes: &[u8]) -> bool {
    bytes.starts_with(b"PK\x03\x04")
}

/// Converts a `.docx` file's bytes to Markdown with its paragraph map.
pub fn convert(bytes: &[u8]) -> Result<Converted, DocxError> {
    if bytes.starts_with(COMPOUND_FILE) {
        return Err(compound_file(bytes));
    }
    convert_archive(std::io::Cursor::new(bytes))
}

/// Converts a `.docx` (or `.odt`) ZIP archive read from `reader`, a file opened in place:
/// only the parts needed are unpacked, never the pictures that make most of a large file.
pub fn convert_archive<R: Read + Seek>(reader: R) -> Result<Converted, DocxError> {
    let mut archive = Archive {
        zip: zip::ZipArchive::new(reader).map_err(|_| DocxError::NotZip)?,
        unpacked: 0,
    };
    let Some(document) = archive.part("word/document.xml")? else {
        // LibreOffice's own format is a ZIP archive too, with the text in content.xml.
        let content = archive.part("content.xml")?.ok_or(DocxError::NoDocument)?;
        let styles = archive.part("styles.xml")?.unwrap_or_default();
        return Ok(from_odf_parts(&content, &styles));
    };
    let styles = archive.part("word/styles.xml")?.unwrap_or_default();
    let numbering = archive.part("word/numbering.xml")?.unwrap_or_default();
    let mut margins = Vec::new();
    for name in archive.margin_parts() {
        margins.extend(archive.part(&name)?);
    }
    Ok(from_word_parts(&document, &margins, &styles, &numbering))
}

/// The most page header and footer parts read: Word writes up to three of each per section.
const MAX_MARGIN_PARTS: usize = 12;

/// Tells an encrypted `.docx` from an old binary Word file: only the first has an
/// `EncryptionInfo` stream, whose name the container's directory holds in UTF-16.
fn compound_file(bytes: &[u8]) -> DocxError {
    let name: Vec<u8> = "EncryptionInfo"
        .encode_utf16()
        .flat_map(|unit| unit.to_le_bytes())
        .collect();
    if bytes.windows(name.len()).any(|window| window == name) {
        DocxError::Protected
    } else {
        DocxError::OldFormat
    }
}

/// Converts the XML of a document's body, styles and numbering parts.
pub fn from_parts(document: &str, styles: &str, numbering: &str) -> Converted {
    from_word_parts(document, &[], styles, numbering)
}

/// Converts the body, with the page header and footer parts (`w:hdr`, `w:ftr`) as margins.
fn from_word_parts(document: &str, margins: &[String], styles: &str, numbering: &str) -> Converted {
    let styles = styles::Styles::parse(styles);
    let numbering = numbering::Numbering::parse(numbering);
    let tree = |xml: &str| xml::parse_tree_with(xml, |name| !LOOKS_ONLY.contains(&name));
    let Some(root) = tree(document) else {
        return Converted::default();
    };
    let body = root.child("body").unwrap_or(&root);
    let mut converted = markdown::write(&body::Walker::new(&styles, &numbering).blocks(body));
    let margins: Vec<String> = margins
        .iter()
        .filter_map(|part| tree(part))
        .map(|root| body::margin_text(&body::Walker::new(&styles, &numbering).blocks(&root)))
        .filter(|text| !text.is_empty())
        .collect();
    converted.margins = margins.join("\n");
    converted
}

/// Converts the XML of an OpenDocument text's `content.xml` and `styles.xml`.
pub fn from_odf_parts(content: &str, styles: &str) -> Converted {
    let tree = |xml: &str| xml::parse_tree_with(xml, |name| !LOOKS_ONLY.contains(&name));
    let styles = tree(styles);
    let mut named = odt::OdfStyles::default();
    if let Some(root) = &styles {
        named.add(root);
    }
    let Some(root) = tree(content) else {
        return Converted::default();
    };
    named.add(&root);
    let Some(text) = root.child("body").and_then(|b| b.child("text")) else {
        return Converted::default();
    };
    let blocks = odt::OdfWalker::new(&named).blocks(text);
    let mut converted = markdown::write(&blocks);
    // Page headers and footers live in styles.xml, in the master pages.
    let margins: Vec<String> = styles
        .iter()
        .flat_map(|root| root.children_named("master-styles"))
        .flat_map(|masters| masters.children_named("master-page"))
        .flat_map(|page| page.elements())
        .filter(|part| part.local().starts_with("header") || part.local().starts_with("footer"))
        .map(|part| body::margin_text(&odt::OdfWalker::new(&named).blocks(part)))
        .filter(|text| !text.is_empty())
        .collect();
    converted.margins = margins.join("\n");
    converted
}

/// An open archive with what has been unpacked from it so far.
struct Archive<R> {
    zip: zip::ZipArchive<R>,
    unpacked: u64,
}

impl<R: Read + Seek> Archive<R> {
    /// A part as text; None when the archive has no such part. Reading stops at the caps
    /// rather than after them: the sizes an archive declares may be lies.
    fn part(&mut self, name: &str) -> Result<Option<String>, DocxError> {
        let file = match self.zip.by_name(name) {
            Ok(file) => file,
            Err(zip::result::ZipError::FileNotFound) => return Ok(None),
            Err(_) => return Err(DocxError::NotZip),
        };
        let by_ratio = file
            .compressed_size()
            .saturating_mul(MAX_RATIO)
            .max(RATIO_FREE_BYTES);
        let limit = by_ratio.min(MAX_UNPACKED_BYTES - self.unpacked);
        let mut bytes = Vec::new();
        file.take(limit + 1)
            .read_to_end(&mut bytes)
            .map_err(|_| DocxError::NotZip)?;
        if bytes.len() as u64 > limit {
            return Err(DocxError::TooLarge);
        }
        self.unpacked += bytes.len() as u64;
        // Word writes UTF-8; a part in another encoding keeps what decodes.
        Ok(Some(String::from_utf8_lossy(&bytes).into_owned()))
    }

    /// The page header and footer parts, headers first, in the order of their numbers.
    fn margin_parts(&self) -> Vec<String> {
        let mut names: Vec<(bool, usize, String)> = self
            .zip
            .file_names()
            .filter_map(|name| {
                let name = name.ok()?;
                let rest = name.strip_prefix("word/")?.strip_suffix(".xml")?;
                let (footer, number) = match rest.strip_prefix("header") {
                    Some(number) => (false, number),
                    None => (true, rest.strip_prefix("footer")?),
                };
                let number = if number.is_empty() {
                    0
                } else {
                    number.parse().ok()?
                };
                Some((footer, number, name.to_string()))
            })
            .collect();
        names.sort();
        names.truncate(MAX_MARGIN_PARTS);
        names.into_iter().map(|(_, _, name)| name).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    fn docx(parts: &[(&str, &str)]) -> Vec<u8> {
        zipped(parts, zip::CompressionMethod::Deflated)
    }

    fn zipped(parts: &[(&str, &str)], method: zip::CompressionMethod) -> Vec<u8> {
        let mut buffer = std::io::Cursor::new(Vec::new());
        let mut writer = zip::ZipWriter::new(&mut buffer);
        let options = zip::write::SimpleFileOptions::default()
            .compression_method(method)
            .large_file(true);
        for (name, text) in parts {
            writer.start_file(*name, options).unwrap();
            writer.write_all(text.as_bytes()).unwrap();
        }
        writer.finish().unwrap();
        buffer.into_inner()
    }

    const BODY: &str = r#"<w:document xmlns:w="w"><w:body><w:p><w:r><w:t>Протокол № 1</w:t></w:r></w:p></w:body></w:document>"#;

    #[test]
    fn bombs_stop_at_the_caps() {
        // Two megabytes of one letter pack to a few kilobytes: a thousand to one.
        let filler = format!("<w:p><w:r><w:t>{}</w:t></w:r></w:p>", "а".repeat(1 << 20));
        let bomb = docx(&[(
            "word/document.xml",
            &BODY.replace("</w:body>", &format!("{filler}</w:body>")),
        )]);
        assert!(bomb.len() < 64 * 1024);
        assert_eq!(convert(&bomb), Err(DocxError::TooLarge));
        // Stored without packing, no ratio is exceeded, but 65 MiB is past the total.
        let big = "x".repeat(65 << 20);
        let stored = zipped(
            &[("word/document.xml", BODY), ("word/styles.xml", &big)],
            zip::CompressionMethod::Stored,
        );
        assert_eq!(convert(&stored), Err(DocxError::TooLarge));
        // A megabyte of repeated markup is no bomb.
        let paragraphs = "<w:p><w:r><w:t>Слушали:</w:t></w:r></w:p>".repeat(20_000);
        let long = docx(&[(
            "word/document.xml",
            &BODY.replace("</w:body>", &format!("{paragraphs}</w:body>")),
        )]);
        assert!(convert(&long).unwrap().text.contains("Слушали:"));
    }

    #[test]
    fn truncated_encrypted_and_old_files() {
        let whole = docx(&[("word/document.xml", BODY)]);
        for cut in [whole.len() / 2, whole.len() - 10, 30] {
            assert_eq!(
                convert(&whole[..cut]),
                Err(DocxError::NotZip),
                "cut at {cut}"
            );
        }
        let mut encrypted = COMPOUND_FILE.to_vec();
        encrypted.extend([0; 504]);
        encrypted.extend("EncryptionInfo".encode_utf16().flat_map(u16::to_le_bytes));
        assert_eq!(convert(&encrypted), Err(DocxError::Protected));
        let mut old = COMPOUND_FILE.to_vec();
        old.extend("WordDocument".encode_utf16().flat_map(u16::to_le_bytes));
        assert_eq!(convert(&old), Err(DocxError::OldFormat));
    }

    #[test]
    fn no_entities_no_dtd_no_markup() {
        let secret = std::env::temp_dir().join("hattama-entity-target.txt");
        std::fs::write(&secret, "SECRET").unwrap();
        let hostile = format!(
            r#"<?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY e SYSTEM "file://{}"><!ENTITY l "lol">]>
            <w:document xmlns:w="w"><w:body><w:p><w:r><w:t>А&e;&l;Б</w:t></w:r></w:p></w:body></w:document>"#,
            secret.display()
        );
        let text = convert(&docx(&[("word/document.xml", &hostile)]))
            .unwrap()
            .text;
        assert!(!text.contains("SECRET") && !text.contains("lol"), "{text}");
        assert!(text.contains('А') && text.contains('Б'), "{text}");
        let not_xml = convert(&docx(&[("word/document.xml", "Протокол без разметки")])).unwrap();
        assert!(not_xml.text.len() < 100);
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
    fn page_headers_and_footers_are_margins_not_text() {
        let bytes = docx(&[
            ("word/document.xml", BODY),
            (
                "word/footer2.xml",
                r#"<w:ftr xmlns:w="w"><w:p><w:r><w:t>стр. 1</w:t></w:r></w:p></w:ftr>"#,
            ),
            (
                "word/header1.xml",
                r#"<w:hdr xmlns:w="w"><w:p><w:r><w:t>ПРОТОКОЛ № 7</w:t></w:r></w:p><w:p/><w:p><w:r><w:t>от 12.03.2026</w:t></w:r></w:p></w:hdr>"#,
            ),
            (
                "word/headerX.xml",
                r#"<w:hdr xmlns:w="w"><w:p><w:r><w:t>not a header part</w:t></w:r></w:p></w:hdr>"#,
            ),
        ]);
        let converted = convert(&bytes).unwrap();
        assert_eq!(converted.text, "Протокол № 1\n");
        assert_eq!(converted.margins, "ПРОТОКОЛ № 7\nот 12.03.2026\nстр. 1");
        let styles = r#"<office:document-styles xmlns:office="o" xmlns:style="s" xmlns:text="t">
            <office:master-styles><style:master-page style:name="Standard">
            <style:header><text:p>ХАТТАМА № 4</text:p></style:header>
            <style:footer-left><text:p>2026 жылғы 5 наурыз</text:p></style:footer-left>
            </style:master-page></office:master-styles></office:document-styles>"#;
        let content = r#"<office:document-content xmlns:office="o" xmlns:text="t"><office:body><office:text>
            <text:p>Отырыс</text:p></office:text></office:body></office:document-content>"#;
        let odt = from_odf_parts(content, styles);
        assert_eq!(odt.text, "Отырыс\n");
        assert_eq!(odt.margins, "ХАТТАМА № 4\n2026 жылғы 5 наурыз");
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
