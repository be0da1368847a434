//! Word's styles (`word/styles.xml`), as far as they change what a reader sees: which
//! paragraphs are headings, which text is bold or shown in capitals, and numbering that comes
//! with a style rather than with the paragraph.

use super::xml::{Element, attribute, parse_tree_with};

/// The elements of the styles part that say anything read here.
const READ: &[&str] = &[
    "styles",
    "style",
    "name",
    "basedOn",
    "pPr",
    "rPr",
    "outlineLvl",
    "numPr",
    "numId",
    "ilvl",
    "b",
    "caps",
];
use std::collections::HashMap;

/// `basedOn` chains longer than this are a loop in a broken file.
const MAX_CHAIN: usize = 16;

#[derive(Debug, Clone, Default)]
struct Style {
    name: String,
    based_on: Option<String>,
    /// `outlineLvl` 0–8: a heading of level + 1.
    outline: Option<u8>,
    numbering: Option<(String, usize)>,
    bold: Option<bool>,
    caps: Option<bool>,
}

/// The styles of one document, by style id.
#[derive(Debug, Default)]
pub struct Styles {
    by_id: HashMap<String, Style>,
}

/// A run or paragraph property that may be switched on (`<w:b/>`, `<w:b w:val="1"/>`) or off
/// (`<w:b w:val="0"/>`, `false`).
pub fn toggle(properties: &Element, name: &str) -> Option<bool> {
    let element = properties.child(name)?;
    Some(attribute(element, "val").is_none_or(|v| !matches!(v.as_str(), "0" | "false" | "off")))
}

impl Styles {
    pub fn parse(xml: &str) -> Styles {
        let mut styles = Styles::default();
        let Some(root) = parse_tree_with(xml, |name| READ.contains(&name)) else {
            return styles;
        };
        for element in root.children_named("style") {
            let Some(id) = attribute(element, "styleId") else {
                continue;
            };
            let value = |name: &str| element.child(name).and_then(|c| attribute(c, "val"));
            let paragraph = element.child("pPr");
            let run = element.child("rPr");
            let style = Style {
                name: value("name").unwrap_or_default().to_lowercase(),
                based_on: value("basedOn"),
                outline: paragraph
                    .and_then(|p| p.child("outlineLvl"))
                    .and_then(|o| attribute(o, "val"))
                    .and_then(|v| v.parse().ok())
                    .filter(|&level: &u8| level < 9),
                numbering: paragraph.and_then(numbering_of),
                bold: run.and_then(|r| toggle(r, "b")),
                caps: run.and_then(|r| toggle(r, "caps")),
            };
            styles.by_id.insert(id, style);
        }
        styles
    }

    /// The style and those it is based on, nearest first.
    fn chain<'a>(&'a self, id: &str) -> impl Iterator<Item = &'a Style> + 'a {
        let mut next = self.by_id.get(id);
        std::iter::from_fn(move || {
            let style = next?;
            next = style.based_on.as_deref().and_then(|b| self.by_id.get(b));
            Some(style)
        })
        .take(MAX_CHAIN)
    }

    /// The heading level (1–9) of paragraphs in style `id`: `Title` is 1, `heading N` is N,
    /// else the style's outline level.
    pub fn heading_level(&self, id: &str) -> Option<u8> {
        for style in self.chain(id) {
            if style.name == "title" {
                return Some(1);
            }
            if let Some(level) = style
                .name
                .strip_prefix("heading ")
                .and_then(|n| n.trim().parse::<u8>().ok())
                .filter(|n| (1..=9).contains(n))
            {
                return Some(level);
            }
            if let Some(level) = style.outline {
                return Some(level + 1);
            }
        }
        // Documents without a styles part still name their headings by id.
        let lower = id.to_lowercase();
        if lower == "title" {
            return Some(1);
        }
        lower
            .strip_prefix("heading")
            .and_then(|n| n.parse::<u8>().ok())
            .filter(|n| (1..=9).contains(n))
    }

    pub fn numbering(&self, id: &str) -> Option<(String, usize)> {
        self.chain(id).find_map(|s| s.numbering.clone())
    }

    pub fn bold(&self, id: &str) -> Option<bool> {
        self.chain(id).find_map(|s| s.bold)
    }

    pub fn caps(&self, id: &str) -> Option<bool> {
        self.chain(id).find_map(|s| s.caps)
    }
}

/// `<w:numPr><w:ilvl/><w:numId/></w:numPr>` of paragraph properties.
pub fn numbering_of(paragraph_properties: &Element) -> Option<(String, usize)> {
    let numbering = paragraph_properties.child("numPr")?;
    let id = numbering.child("numId").and_then(|n| attribute(n, "val"))?;
    let level = numbering
        .child("ilvl")
        .and_then(|l| attribute(l, "val"))
        .and_then(|v| v.parse().ok())
        .unwrap_or(0);
    Some((id, level))
}

#[cfg(test)]
mod tests {
    use super::*;

    const XML: &str = r#"<w:styles xmlns:w="w">
      <w:style w:styleId="Normal"><w:name w:val="Normal"/></w:style>
      <w:style w:styleId="Heading2"><w:name w:val="heading 2"/><w:basedOn w:val="Normal"/>
        <w:rPr><w:b/></w:rPr></w:style>
      <w:style w:styleId="MyHead"><w:name w:val="Заголовок решения"/><w:basedOn w:val="Heading2"/>
        <w:rPr><w:caps w:val="1"/></w:rPr></w:style>
      <w:style w:styleId="Outlined"><w:name w:val="x"/><w:pPr><w:outlineLvl w:val="2"/>
        <w:numPr><w:numId w:val="4"/></w:numPr></w:pPr></w:style>
      <w:style w:styleId="Plain"><w:name w:val="plain"/><w:rPr><w:b w:val="0"/></w:rPr></w:style>
      <w:style w:styleId="LoopA"><w:basedOn w:val="LoopB"/></w:style>
      <w:style w:styleId="LoopB"><w:basedOn w:val="LoopA"/></w:style>
      <w:style w:styleId="TitleX"><w:name w:val="Title"/></w:style>
    </w:styles>"#;

    #[test]
    fn headings_bold_caps_and_numbering_through_based_on() {
        let styles = Styles::parse(XML);
        assert_eq!(styles.heading_level("Heading2"), Some(2));
        assert_eq!(styles.heading_level("MyHead"), Some(2));
        assert_eq!(styles.heading_level("Outlined"), Some(3));
        assert_eq!(styles.heading_level("TitleX"), Some(1));
        assert_eq!(styles.heading_level("Normal"), None);
        assert_eq!(
            styles.heading_level("Heading1"),
            Some(1),
            "by id without a style"
        );
        assert_eq!(styles.bold("MyHead"), Some(true));
        assert_eq!(styles.caps("MyHead"), Some(true));
        assert_eq!(styles.bold("Plain"), Some(false));
        assert_eq!(styles.numbering("Outlined"), Some(("4".into(), 0)));
        assert_eq!(styles.heading_level("LoopA"), None);
        assert_eq!(styles.bold("missing"), None);
    }
}
