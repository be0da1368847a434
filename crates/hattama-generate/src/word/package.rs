//! The package around the parts: `[Content_Types].xml`, the relationships that lead from the
//! package to the document and from the document to its styles and numbering, and the ZIP
//! archive that holds them all.

use super::xml::Xml;
use std::io::{self, Cursor, Write};
use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, DateTime, ZipWriter};

const CONTENT_TYPES: &str = "http://schemas.openxmlformats.org/package/2006/content-types";
const RELATIONSHIPS: &str = "http://schemas.openxmlformats.org/package/2006/relationships";
const OFFICE: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const MAIN: &str = "application/vnd.openxmlformats-officedocument.wordprocessingml";

/// The three parts a Word document is here, each with the content type that names it.
pub const DOCUMENT: (&str, &str) = ("word/document.xml", "document.main+xml");
pub const STYLES: (&str, &str) = ("word/styles.xml", "styles+xml");
pub const NUMBERING: (&str, &str) = ("word/numbering.xml", "numbering+xml");

/// The archive of a document whose body, styles and numbering parts are given.
pub fn archive(document: &[u8], styles: &[u8], numbering: &[u8]) -> io::Result<Vec<u8>> {
    let mut zip = ZipWriter::new(Cursor::new(Vec::with_capacity(document.len() / 3)));
    // A fixed time: the same corpus is the same bytes on every run.
    let options = SimpleFileOptions::default()
        .compression_method(CompressionMethod::Deflated)
        .last_modified_time(DateTime::default());
    for (name, bytes) in [
        ("[Content_Types].xml", content_types()?),
        ("_rels/.rels", package_relationships()?),
        ("word/_rels/document.xml.rels", document_relationships()?),
    ] {
        zip.start_file(name, options).map_err(io::Error::other)?;
        zip.write_all(&bytes)?;
    }
    for ((name, _), bytes) in [
        (DOCUMENT, document),
        (STYLES, styles),
        (NUMBERING, numbering),
    ] {
        zip.start_file(name, options).map_err(io::Error::other)?;
        zip.write_all(bytes)?;
    }
    Ok(zip.finish().map_err(io::Error::other)?.into_inner())
}

fn content_types() -> io::Result<Vec<u8>> {
    let mut xml = Xml::part();
    xml.open("Types", &[("xmlns", CONTENT_TYPES)])?;
    xml.empty(
        "Default",
        &[
            ("Extension", "rels"),
            (
                "ContentType",
                "application/vnd.openxmlformats-package.relationships+xml",
            ),
        ],
    )?;
    xml.empty(
        "Default",
        &[("Extension", "xml"), ("ContentType", "application/xml")],
    )?;
    for (name, kind) in [DOCUMENT, STYLES, NUMBERING] {
        let part = format!("/{name}");
        let content_type = format!("{MAIN}.{kind}");
        xml.empty(
            "Override",
            &[("PartName", &part), ("ContentType", &content_type)],
        )?;
    }
    xml.close("Types")?;
    Ok(xml.finish())
}

fn package_relationships() -> io::Result<Vec<u8>> {
    relationships(&[("officeDocument", DOCUMENT.0)])
}

/// Targets are relative to the document's folder, `word/`.
fn document_relationships() -> io::Result<Vec<u8>> {
    relationships(&[("styles", "styles.xml"), ("numbering", "numbering.xml")])
}

fn relationships(targets: &[(&str, &str)]) -> io::Result<Vec<u8>> {
    let mut xml = Xml::part();
    xml.open("Relationships", &[("xmlns", RELATIONSHIPS)])?;
    for (index, (kind, target)) in targets.iter().enumerate() {
        let id = format!("rId{}", index + 1);
        let kind = format!("{OFFICE}/{kind}");
        xml.empty(
            "Relationship",
            &[("Id", &id), ("Type", &kind), ("Target", target)],
        )?;
    }
    xml.close("Relationships")?;
    Ok(xml.finish())
}
