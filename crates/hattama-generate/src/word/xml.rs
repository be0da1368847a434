//! Writing the XML of one part with quick-xml, which escapes text and attribute values.

use quick_xml::Writer;
use quick_xml::events::{BytesDecl, BytesEnd, BytesStart, BytesText, Event};
use std::io;

/// WordprocessingML's namespace, bound to the prefix `w`.
pub const W: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

pub struct Xml {
    writer: Writer<Vec<u8>>,
}

impl Xml {
    /// A part: the XML declaration Word writes, then what the caller adds.
    pub fn part() -> Xml {
        let mut writer = Writer::new(Vec::with_capacity(16 * 1024));
        // Writing to a Vec cannot fail.
        let _ = writer.write_event(Event::Decl(BytesDecl::new(
            "1.0",
            Some("UTF-8"),
            Some("yes"),
        )));
        Xml { writer }
    }

    pub fn open(&mut self, name: &str, attributes: &[(&str, &str)]) -> io::Result<()> {
        let start = BytesStart::new(name).with_attributes(attributes.iter().copied());
        self.writer.write_event(Event::Start(start))
    }

    pub fn close(&mut self, name: &str) -> io::Result<()> {
        self.writer.write_event(Event::End(BytesEnd::new(name)))
    }

    pub fn empty(&mut self, name: &str, attributes: &[(&str, &str)]) -> io::Result<()> {
        let start = BytesStart::new(name).with_attributes(attributes.iter().copied());
        self.writer.write_event(Event::Empty(start))
    }

    /// `<name …>text</name>`, the text escaped.
    pub fn text_element(
        &mut self,
        name: &str,
        attributes: &[(&str, &str)],
        text: &str,
    ) -> io::Result<()> {
        self.open(name, attributes)?;
        self.writer.write_event(Event::Text(BytesText::new(text)))?;
        self.close(name)
    }

    pub fn finish(self) -> Vec<u8> {
        self.writer.into_inner()
    }
}

/// Borrowed attribute pairs of owned values.
pub fn attrs<'a>(owned: &'a [(&'a str, String)]) -> Vec<(&'a str, &'a str)> {
    owned
        .iter()
        .map(|(name, value)| (*name, value.as_str()))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_and_attributes_are_escaped() {
        let mut xml = Xml::part();
        xml.text_element("w:t", &[("w:val", "a\"<b")], "x < y & «z»")
            .unwrap();
        let text = String::from_utf8(xml.finish()).unwrap();
        assert!(text.starts_with("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"));
        assert!(
            text.ends_with("<w:t w:val=\"a&quot;&lt;b\">x &lt; y &amp; «z»</w:t>"),
            "{text}"
        );
    }
}
