//! `word/document.xml`: the body, paragraph by paragraph and table by table, on an A4 page.

use super::model::{Block, Label, Paragraph, Run, Style, Table};
use super::numbering::Numbering;
use super::xml::{Xml, attrs};
use std::io;

/// A4 in twentieths of a point, with the margins of Kazakh official documents (30 mm left,
/// 15 mm right, 20 mm top and bottom).
const PAGE: (u32, u32) = (11906, 16838);
const MARGINS: [(&str, u32); 7] = [
    ("w:top", 1134),
    ("w:right", 850),
    ("w:bottom", 1134),
    ("w:left", 1701),
    ("w:header", 708),
    ("w:footer", 708),
    ("w:gutter", 0),
];

/// The body's XML; the numbered paragraphs' lists are added to `numbering`.
pub fn write(blocks: &[Block], numbering: &mut Numbering) -> io::Result<Vec<u8>> {
    let mut xml = Xml::part();
    xml.open("w:document", &[("xmlns:w", super::xml::W)])?;
    xml.open("w:body", &[])?;
    for block in blocks {
        match block {
            Block::Paragraph(paragraph) => write_paragraph(&mut xml, paragraph, numbering)?,
            Block::Table(table) => write_table(&mut xml, table)?,
        }
    }
    // Word always ends a body with a paragraph, also after a table.
    if matches!(blocks.last(), Some(Block::Table(_))) {
        xml.empty("w:p", &[])?;
    }
    let width = PAGE.0.to_string();
    let height = PAGE.1.to_string();
    let margins: Vec<(&str, String)> = MARGINS
        .iter()
        .map(|(name, value)| (*name, value.to_string()))
        .collect();
    xml.open("w:sectPr", &[])?;
    xml.empty("w:pgSz", &[("w:w", &width), ("w:h", &height)])?;
    xml.empty("w:pgMar", &attrs(&margins))?;
    xml.close("w:sectPr")?;
    xml.close("w:body")?;
    xml.close("w:document")?;
    Ok(xml.finish())
}

fn write_paragraph(
    xml: &mut Xml,
    paragraph: &Paragraph,
    numbering: &mut Numbering,
) -> io::Result<()> {
    xml.open("w:p", &[])?;
    let style = match (paragraph.style, &paragraph.label) {
        (Style::Title, _) => Some("Title"),
        (Style::Heading(1), _) => Some("Heading1"),
        (Style::Heading(2), _) => Some("Heading2"),
        (Style::Heading(_), _) => Some("Heading3"),
        (Style::Normal, Some(Label::Bullet)) => Some("ListBullet"),
        (Style::Normal, Some(Label::Number { .. })) => Some("ListNumber"),
        (Style::Normal, None) => None,
    };
    let outline = match paragraph.style {
        Style::Heading(level) if level > 3 => Some((level - 1).to_string()),
        _ => None,
    };
    let place = paragraph.label.as_ref().map(|label| numbering.place(label));
    if style.is_some() || place.is_some() {
        xml.open("w:pPr", &[])?;
        if let Some(style) = style {
            xml.empty("w:pStyle", &[("w:val", style)])?;
        }
        if let Some(place) = place {
            xml.open("w:numPr", &[])?;
            xml.empty("w:ilvl", &[("w:val", &place.level.to_string())])?;
            xml.empty("w:numId", &[("w:val", &place.num_id.to_string())])?;
            xml.close("w:numPr")?;
        }
        if let Some(outline) = &outline {
            xml.empty("w:outlineLvl", &[("w:val", outline)])?;
        }
        xml.close("w:pPr")?;
    }
    for run in &paragraph.runs {
        write_run(xml, run)?;
    }
    xml.close("w:p")
}

/// One run: its text in `w:t`, tabs as `w:tab`, line breaks as `w:br`; characters XML 1.0 has
/// no place for are left out.
fn write_run(xml: &mut Xml, run: &Run) -> io::Result<()> {
    xml.open("w:r", &[])?;
    if run.bold {
        xml.open("w:rPr", &[])?;
        xml.empty("w:b", &[])?;
        xml.close("w:rPr")?;
    }
    let mut text = String::new();
    for c in run.text.chars() {
        let mark = match c {
            '\t' => "w:tab",
            '\n' => "w:br",
            c if c.is_control() => continue,
            c => {
                text.push(c);
                continue;
            }
        };
        write_text(xml, &mut text)?;
        xml.empty(mark, &[])?;
    }
    write_text(xml, &mut text)?;
    xml.close("w:r")
}

fn write_text(xml: &mut Xml, text: &mut String) -> io::Result<()> {
    if text.is_empty() {
        return Ok(());
    }
    // Without `preserve`, Word drops the spaces at the ends of the text.
    xml.text_element("w:t", &[("xml:space", "preserve")], text)?;
    text.clear();
    Ok(())
}

/// A table as wide as the page's text, in equal columns, its first row the header.
fn write_table(xml: &mut Xml, table: &Table) -> io::Result<()> {
    let columns = table.rows.iter().map(Vec::len).max().unwrap_or(0).max(1);
    let text_width = PAGE.0 - MARGINS[1].1 - MARGINS[3].1;
    let column = (text_width / columns as u32).to_string();
    xml.open("w:tbl", &[])?;
    xml.open("w:tblPr", &[])?;
    xml.empty("w:tblStyle", &[("w:val", "TableGrid")])?;
    xml.empty("w:tblW", &[("w:w", "0"), ("w:type", "auto")])?;
    xml.close("w:tblPr")?;
    xml.open("w:tblGrid", &[])?;
    for _ in 0..columns {
        xml.empty("w:gridCol", &[("w:w", &column)])?;
    }
    xml.close("w:tblGrid")?;
    for (index, row) in table.rows.iter().enumerate() {
        xml.open("w:tr", &[])?;
        if index == 0 {
            xml.open("w:trPr", &[])?;
            xml.empty("w:tblHeader", &[])?;
            xml.close("w:trPr")?;
        }
        for cell in 0..columns {
            xml.open("w:tc", &[])?;
            xml.open("w:tcPr", &[])?;
            xml.empty("w:tcW", &[("w:w", &column), ("w:type", "dxa")])?;
            xml.close("w:tcPr")?;
            // Every cell holds a paragraph, also an empty one.
            xml.open("w:p", &[])?;
            for run in row.get(cell).map_or(&[][..], Vec::as_slice) {
                write_run(xml, run)?;
            }
            xml.close("w:p")?;
            xml.close("w:tc")?;
        }
        xml.close("w:tr")?;
    }
    xml.close("w:tbl")
}
