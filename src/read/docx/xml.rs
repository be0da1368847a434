//! A small element tree over quick-xml's events, for the parts of a Word file.
//!
//! Word's XML is verbose: most attributes (revision ids, fonts, sizes) say nothing about the
//! text. The tree keeps the local names of elements, only the attributes the reader asks about,
//! and text, so a large document costs a few times its text in memory, not its XML. Nesting
//! deeper than [`MAX_DEPTH`] is dropped: no real document comes near it, and a hostile one must
//! not exhaust the stack of the code that walks the tree.

use quick_xml::Reader;
use quick_xml::events::Event;

/// Elements nested deeper than this are left out of the tree.
pub const MAX_DEPTH: usize = 128;

/// The attributes the reader uses; all others are dropped while parsing.
const KEPT_ATTRIBUTES: &[&str] = &[
    "val",
    "ilvl",
    "numId",
    "abstractNumId",
    "styleId",
    "type",
    "fldCharType",
    "outline-level",
    "style-name",
    "name",
    "number-columns-spanned",
    "number-columns-repeated",
    "start-value",
    "num-format",
    "num-suffix",
    "num-prefix",
    "level",
    "continue-numbering",
    "c",
    "parent-style-name",
    "font-weight",
    "text-transform",
    "font-variant",
    "display-levels",
    "number-rows-spanned",
    "family",
    "list-style-name",
];

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Node {
    Element(Element),
    Text(String),
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Element {
    /// The name without its namespace prefix (`p` for `w:p`).
    pub name: String,
    /// The prefix (`w`, `mc`, `text`), empty when there is none.
    pub prefix: String,
    attributes: Vec<(String, String)>,
    pub children: Vec<Node>,
}

impl Element {
    pub fn local(&self) -> &str {
        &self.name
    }

    pub fn elements(&self) -> impl Iterator<Item = &Element> {
        self.children.iter().filter_map(|node| match node {
            Node::Element(element) => Some(element),
            Node::Text(_) => None,
        })
    }

    pub fn child(&self, name: &str) -> Option<&Element> {
        self.elements().find(|e| e.name == name)
    }

    pub fn children_named<'a>(&'a self, name: &'a str) -> impl Iterator<Item = &'a Element> {
        self.elements().filter(move |e| e.name == name)
    }

    /// Every text below this element, in order.
    pub fn text(&self) -> String {
        let mut out = String::new();
        collect_text(self, &mut out);
        out
    }
}

fn collect_text(element: &Element, out: &mut String) {
    for node in &element.children {
        match node {
            Node::Text(text) => out.push_str(text),
            Node::Element(child) => collect_text(child, out),
        }
    }
}

/// The value of attribute `name` (local name, any prefix).
pub fn attribute(element: &Element, name: &str) -> Option<String> {
    element
        .attributes
        .iter()
        .find(|(key, _)| key == name)
        .map(|(_, value)| value.clone())
}

fn local<'e>(event: &'e quick_xml::events::BytesStart<'_>) -> &'e str {
    let name = event.name().0;
    name.rsplit(':').next().unwrap_or(name)
}

fn split_name(raw: &str) -> (String, String) {
    match raw.split_once(':') {
        Some((prefix, local)) => (prefix.to_string(), local.to_string()),
        None => (String::new(), raw.to_string()),
    }
}

fn start_element(event: &quick_xml::events::BytesStart<'_>) -> Element {
    let (prefix, name) = split_name(event.name().0);
    let mut attributes = Vec::new();
    for attribute in event.attributes().with_checks(false).flatten() {
        let key = attribute.key.0;
        let local = key.rsplit(':').next().unwrap_or(key);
        if KEPT_ATTRIBUTES.contains(&local)
            && let Ok(value) = attribute.normalized_value(quick_xml::XmlVersion::Implicit1_0)
        {
            attributes.push((local.to_string(), value.into_owned()));
        }
    }
    Element {
        name,
        prefix,
        attributes,
        children: Vec::new(),
    }
}

/// The text an entity or character reference stands for.
fn reference(name: &str) -> Option<char> {
    Some(match name {
        "amp" => '&',
        "lt" => '<',
        "gt" => '>',
        "quot" => '"',
        "apos" => '\'',
        _ => {
            let number = name.strip_prefix('#')?;
            let code = match number.strip_prefix('x') {
                Some(hex) => u32::from_str_radix(hex, 16).ok()?,
                None => number.parse().ok()?,
            };
            char::from_u32(code).filter(|&c| c != '\0')?
        }
    })
}

/// The root element of `xml`; None when the XML is broken before its root closes. A document
/// whose XML breaks later keeps what came before the break.
#[cfg(test)]
pub fn parse_tree(xml: &str) -> Option<Element> {
    parse_tree_with(xml, |_| true)
}

/// Like [`parse_tree`], leaving out every element (with all it holds) whose local name `keep`
/// refuses: Word's styles part is mostly fonts, sizes and colours nobody reads for text.
pub fn parse_tree_with(xml: &str, keep: impl Fn(&str) -> bool) -> Option<Element> {
    let mut reader = Reader::from_str(xml);
    reader.config_mut().trim_text(false);
    // The open elements, outermost first; elements past MAX_DEPTH are counted, not kept.
    let mut stack: Vec<Element> = Vec::new();
    let mut dropped_depth = 0usize;
    let mut root: Option<Element> = None;
    while let Ok(event) = reader.read_event() {
        match event {
            Event::Start(start) => {
                if dropped_depth > 0 || stack.len() >= MAX_DEPTH || !keep(local(&start)) {
                    dropped_depth += 1;
                    continue;
                }
                stack.push(start_element(&start));
            }
            Event::Empty(start) => {
                if dropped_depth > 0 || stack.len() >= MAX_DEPTH || !keep(local(&start)) {
                    continue;
                }
                let element = start_element(&start);
                match stack.last_mut() {
                    Some(parent) => parent.children.push(Node::Element(element)),
                    None => root = Some(element),
                }
            }
            Event::End(_) => {
                if dropped_depth > 0 {
                    dropped_depth -= 1;
                    continue;
                }
                let Some(element) = stack.pop() else {
                    break;
                };
                match stack.last_mut() {
                    Some(parent) => parent.children.push(Node::Element(element)),
                    None => {
                        root = Some(element);
                        break;
                    }
                }
            }
            Event::Text(text) => push_text(&mut stack, dropped_depth, &text.xml10_content()),
            Event::CData(data) => {
                let data = data.into_inner().into_owned();
                push_text(&mut stack, dropped_depth, &data);
            }
            Event::GeneralRef(name) => {
                if let Some(c) = reference(&name) {
                    push_text(&mut stack, dropped_depth, c.encode_utf8(&mut [0; 4]));
                }
            }
            Event::Eof => break,
            _ => {}
        }
    }
    // XML cut short: close what is open, so the text before the break is still read.
    while let Some(element) = stack.pop() {
        match stack.last_mut() {
            Some(parent) => parent.children.push(Node::Element(element)),
            None => root = Some(element),
        }
    }
    root
}

fn push_text(stack: &mut [Element], dropped_depth: usize, text: &str) {
    if dropped_depth > 0 || text.is_empty() {
        return;
    }
    if let Some(parent) = stack.last_mut() {
        match parent.children.last_mut() {
            Some(Node::Text(previous)) => previous.push_str(text),
            _ => parent.children.push(Node::Text(text.to_string())),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_names_wanted_attributes_and_text() {
        let root = parse_tree(
            r#"<w:body xmlns:w="x"><w:p w:rsidR="00AB"><w:pPr><w:pStyle w:val="Heading1"/></w:pPr><w:r><w:t xml:space="preserve">A &amp; B&#1179;</w:t></w:r></w:p></w:body>"#,
        )
        .unwrap();
        assert_eq!(root.local(), "body");
        let p = root.child("p").unwrap();
        assert_eq!(attribute(p, "rsidR"), None);
        let style = p.child("pPr").unwrap().child("pStyle").unwrap();
        assert_eq!(attribute(style, "val").as_deref(), Some("Heading1"));
        assert_eq!(p.text(), "A & Bқ");
    }

    #[test]
    fn broken_and_hostile_xml() {
        assert!(parse_tree("").is_none());
        let cut = parse_tree("<a><b>text</b><c>more").unwrap();
        assert_eq!(cut.text(), "textmore");
        let deep = format!("<a>{}x{}</a>", "<b>".repeat(10_000), "</b>".repeat(10_000));
        let root = parse_tree(&deep).unwrap();
        let mut depth = 0;
        let mut element = &root;
        while let Some(child) = element.elements().next() {
            element = child;
            depth += 1;
        }
        assert!(depth < MAX_DEPTH);
        assert!(parse_tree("<a>&bogus;&#0;&#xD800;</a>").is_some());
    }
}
