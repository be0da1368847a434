//! `word/styles.xml`: Times New Roman 14 pt, as Kazakh official papers are typed, and the
//! styles the body uses. Headings are set apart by size, not weight: like Word's own heading
//! styles, they carry no bold, so a heading reads as a heading and not as bold text too.

use super::xml::{W, Xml};
use std::io;

/// A paragraph style the body uses.
struct ParagraphStyle {
    id: &'static str,
    /// The name Word and readers know it by.
    name: &'static str,
    /// `w:outlineLvl`: the heading's level less one.
    outline: Option<&'static str>,
    /// In half-points.
    size: Option<&'static str>,
    centred: bool,
}

const fn style(
    id: &'static str,
    name: &'static str,
    outline: Option<&'static str>,
    size: Option<&'static str>,
    centred: bool,
) -> ParagraphStyle {
    ParagraphStyle {
        id,
        name,
        outline,
        size,
        centred,
    }
}

const PARAGRAPH_STYLES: [ParagraphStyle; 6] = [
    style("Title", "Title", None, Some("32"), true),
    style("Heading1", "heading 1", Some("0"), Some("30"), false),
    style("Heading2", "heading 2", Some("1"), Some("28"), false),
    style("Heading3", "heading 3", Some("2"), Some("28"), false),
    style("ListNumber", "List Number", None, None, false),
    style("ListBullet", "List Bullet", None, None, false),
];

pub fn write() -> io::Result<Vec<u8>> {
    let mut xml = Xml::part();
    xml.open("w:styles", &[("xmlns:w", W)])?;
    defaults(&mut xml)?;

    xml.open(
        "w:style",
        &[
            ("w:type", "paragraph"),
            ("w:default", "1"),
            ("w:styleId", "Normal"),
        ],
    )?;
    xml.empty("w:name", &[("w:val", "Normal")])?;
    xml.empty("w:qFormat", &[])?;
    xml.close("w:style")?;

    for ParagraphStyle {
        id,
        name,
        outline,
        size,
        centred,
    } in PARAGRAPH_STYLES
    {
        xml.open("w:style", &[("w:type", "paragraph"), ("w:styleId", id)])?;
        xml.empty("w:name", &[("w:val", name)])?;
        xml.empty("w:basedOn", &[("w:val", "Normal")])?;
        xml.empty("w:next", &[("w:val", "Normal")])?;
        xml.empty("w:qFormat", &[])?;
        if outline.is_some() || centred {
            xml.open("w:pPr", &[])?;
            if outline.is_some() {
                xml.empty("w:keepNext", &[])?;
                xml.empty("w:spacing", &[("w:before", "240")])?;
            }
            if centred {
                xml.empty("w:jc", &[("w:val", "center")])?;
            }
            if let Some(level) = outline {
                xml.empty("w:outlineLvl", &[("w:val", level)])?;
            }
            xml.close("w:pPr")?;
        }
        if let Some(size) = size {
            xml.open("w:rPr", &[])?;
            xml.empty("w:sz", &[("w:val", size)])?;
            xml.empty("w:szCs", &[("w:val", size)])?;
            xml.close("w:rPr")?;
        }
        xml.close("w:style")?;
    }

    table_styles(&mut xml)?;
    xml.close("w:styles")?;
    Ok(xml.finish())
}

fn defaults(xml: &mut Xml) -> io::Result<()> {
    let font = "Times New Roman";
    xml.open("w:docDefaults", &[])?;
    xml.open("w:rPrDefault", &[])?;
    xml.open("w:rPr", &[])?;
    xml.empty(
        "w:rFonts",
        &[
            ("w:ascii", font),
            ("w:hAnsi", font),
            ("w:eastAsia", font),
            ("w:cs", font),
        ],
    )?;
    xml.empty("w:sz", &[("w:val", "28")])?;
    xml.empty("w:szCs", &[("w:val", "28")])?;
    xml.empty("w:lang", &[("w:val", "ru-RU"), ("w:eastAsia", "en-US")])?;
    xml.close("w:rPr")?;
    xml.close("w:rPrDefault")?;
    xml.open("w:pPrDefault", &[])?;
    xml.open("w:pPr", &[])?;
    xml.empty(
        "w:spacing",
        &[
            ("w:after", "120"),
            ("w:line", "240"),
            ("w:lineRule", "auto"),
        ],
    )?;
    xml.close("w:pPr")?;
    xml.close("w:pPrDefault")?;
    xml.close("w:docDefaults")
}

/// Word's default table style and "Table Grid", the bordered table secretaries insert.
fn table_styles(xml: &mut Xml) -> io::Result<()> {
    xml.open(
        "w:style",
        &[
            ("w:type", "table"),
            ("w:default", "1"),
            ("w:styleId", "TableNormal"),
        ],
    )?;
    xml.empty("w:name", &[("w:val", "Normal Table")])?;
    xml.open("w:tblPr", &[])?;
    xml.open("w:tblCellMar", &[])?;
    xml.empty("w:left", &[("w:w", "108"), ("w:type", "dxa")])?;
    xml.empty("w:right", &[("w:w", "108"), ("w:type", "dxa")])?;
    xml.close("w:tblCellMar")?;
    xml.close("w:tblPr")?;
    xml.close("w:style")?;

    xml.open(
        "w:style",
        &[("w:type", "table"), ("w:styleId", "TableGrid")],
    )?;
    xml.empty("w:name", &[("w:val", "Table Grid")])?;
    xml.empty("w:basedOn", &[("w:val", "TableNormal")])?;
    xml.open("w:pPr", &[])?;
    xml.empty("w:spacing", &[("w:after", "0")])?;
    xml.close("w:pPr")?;
    xml.open("w:tblPr", &[])?;
    xml.open("w:tblBorders", &[])?;
    for side in [
        "w:top",
        "w:left",
        "w:bottom",
        "w:right",
        "w:insideH",
        "w:insideV",
    ] {
        xml.empty(
            side,
            &[
                ("w:val", "single"),
                ("w:sz", "4"),
                ("w:space", "0"),
                ("w:color", "auto"),
            ],
        )?;
    }
    xml.close("w:tblBorders")?;
    xml.close("w:tblPr")?;
    xml.close("w:style")
}
