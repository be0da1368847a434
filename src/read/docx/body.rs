//! The body of a Word document (`word/document.xml`) as a reader sees it: paragraphs with their
//! automatic numbers, headings, bold and capitals applied, and tables with merged cells filled
//! in. Tracked changes read as accepted (insertions kept, deletions dropped); fields read as
//! their displayed result; comments, footnote references and hidden text are left out; text
//! boxes follow the paragraph that anchors them.

use super::numbering::{Counters, Label, Numbering};
use super::styles::{Styles, numbering_of, toggle};
use super::xml::{Element, Node, attribute};

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Block {
    Paragraph(Paragraph),
    Table(Table),
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Paragraph {
    /// 1–9 for a heading.
    pub heading: Option<u8>,
    /// The automatic number or bullet Word shows before the text.
    pub label: Option<Label>,
    pub runs: Vec<Run>,
}

/// Text of one formatting; `\t` for tabs, `\n` for line breaks.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Run {
    pub text: String,
    pub bold: bool,
}

impl Paragraph {
    pub fn text(&self) -> String {
        self.runs.iter().map(|r| r.text.as_str()).collect()
    }

    /// The label and the text, as a cell shows it.
    fn shown(&self) -> String {
        let text = self.text();
        match &self.label {
            Some(Label::Number(label)) => format!("{label} {text}"),
            Some(Label::Bullet) | None => text,
        }
    }
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Table {
    pub rows: Vec<Vec<String>>,
    /// The first row is the table's header (`tblHeader`, or every cell in bold).
    pub header: bool,
}

/// Reads a body in order; numbering counters and open fields carry over from one paragraph
/// to the next.
pub struct Walker<'a> {
    styles: &'a Styles,
    numbering: &'a Numbering,
    counters: Counters,
    /// Open complex fields: true once the field's `separate` mark is passed (its result shows).
    fields: Vec<bool>,
}

/// A run's formatting as far as the reader sees it.
#[derive(Debug, Clone, Copy, Default)]
struct Look {
    bold: bool,
    caps: bool,
    hidden: bool,
}

impl<'a> Walker<'a> {
    pub fn new(styles: &'a Styles, numbering: &'a Numbering) -> Walker<'a> {
        Walker {
            styles,
            numbering,
            counters: Counters::default(),
            fields: Vec::new(),
        }
    }

    /// The blocks of a container of block content: the body, a cell, a text box.
    pub fn blocks(&mut self, container: &Element) -> Vec<Block> {
        let mut blocks = Vec::new();
        for element in container.elements() {
            match element.local() {
                "p" => {
                    let (paragraph, boxes) = self.paragraph(element);
                    blocks.push(Block::Paragraph(paragraph));
                    blocks.extend(boxes);
                }
                "tbl" => blocks.push(Block::Table(self.table(element))),
                // Content controls and custom XML wrap ordinary block content.
                "sdt" => {
                    if let Some(content) = element.child("sdtContent") {
                        blocks.extend(self.blocks(content));
                    }
                }
                "customXml" | "ins" | "moveTo" => blocks.extend(self.blocks(element)),
                _ => {}
            }
        }
        blocks
    }

    fn paragraph(&mut self, p: &Element) -> (Paragraph, Vec<Block>) {
        let properties = p.child("pPr");
        let style = properties
            .and_then(|pr| pr.child("pStyle"))
            .and_then(|s| attribute(s, "val"));
        let style = style.as_deref().unwrap_or("");
        let heading = properties
            .and_then(|pr| pr.child("outlineLvl"))
            .and_then(|o| attribute(o, "val"))
            .and_then(|v| v.parse::<u8>().ok())
            .filter(|&l| l < 9)
            .map(|l| l + 1)
            .or_else(|| self.styles.heading_level(style));
        let numbered = properties
            .and_then(numbering_of)
            .or_else(|| self.styles.numbering(style));
        let label = numbered.and_then(|(id, level)| {
            (id != "0")
                .then(|| self.numbering.next(&mut self.counters, &id, level))
                .flatten()
        });
        let base = Look {
            bold: self.styles.bold(style).unwrap_or(false),
            caps: self.styles.caps(style).unwrap_or(false),
            hidden: false,
        };
        let mut paragraph = Paragraph {
            heading,
            label,
            runs: Vec::new(),
        };
        let mut boxes = Vec::new();
        self.inline(p, base, &mut paragraph.runs, &mut boxes);
        (paragraph, boxes)
    }

    /// Runs and what wraps them, in order.
    fn inline(
        &mut self,
        parent: &Element,
        base: Look,
        runs: &mut Vec<Run>,
        boxes: &mut Vec<Block>,
    ) {
        for element in parent.elements() {
            match element.local() {
                "r" => self.run(element, base, runs, boxes),
                "ins" | "moveTo" | "hyperlink" | "smartTag" | "customXml" | "dir" | "bdo"
                | "fldSimple" => self.inline(element, base, runs, boxes),
                "sdt" => {
                    if let Some(content) = element.child("sdtContent") {
                        self.inline(content, base, runs, boxes);
                    }
                }
                // Deleted text, comments, bookmarks, proofing marks: not what a reader sees.
                _ => {}
            }
        }
    }

    fn run(&mut self, r: &Element, base: Look, runs: &mut Vec<Run>, boxes: &mut Vec<Block>) {
        let look = self.look(r.child("rPr"), base);
        let mut text = String::new();
        for element in r.elements() {
            match element.local() {
                "fldChar" => match attribute(element, "fldCharType").as_deref() {
                    Some("begin") => self.fields.push(false),
                    Some("separate") => {
                        if let Some(shown) = self.fields.last_mut() {
                            *shown = true;
                        }
                    }
                    Some("end") => {
                        self.fields.pop();
                    }
                    _ => {}
                },
                _ if self.in_field_code() => {}
                "t" => text.push_str(&element.text()),
                "tab" | "ptab" => text.push('\t'),
                "br" | "cr" => text.push('\n'),
                "noBreakHyphen" => text.push('-'),
                "drawing" | "pict" | "object" | "AlternateContent" => {
                    for content in text_boxes(element) {
                        boxes.extend(self.blocks(content));
                    }
                }
                _ => {}
            }
        }
        if look.hidden || text.is_empty() {
            return;
        }
        if look.caps {
            text = text.to_uppercase();
        }
        match runs.last_mut() {
            Some(last) if last.bold == look.bold => last.text.push_str(&text),
            _ => runs.push(Run {
                text,
                bold: look.bold,
            }),
        }
    }

    /// Inside a field's instructions (`HYPERLINK "…"`, `PAGE`), before its result.
    fn in_field_code(&self) -> bool {
        self.fields.iter().any(|shown| !shown)
    }

    fn look(&self, properties: Option<&Element>, base: Look) -> Look {
        let Some(properties) = properties else {
            return base;
        };
        let style = properties
            .child("rStyle")
            .and_then(|s| attribute(s, "val"))
            .unwrap_or_default();
        let pick = |name: &str, from_style: Option<bool>, inherited: bool| {
            toggle(properties, name).or(from_style).unwrap_or(inherited)
        };
        Look {
            bold: pick("b", self.styles.bold(&style), base.bold),
            caps: pick("caps", self.styles.caps(&style), base.caps)
                || toggle(properties, "smallCaps").unwrap_or(false),
            hidden: toggle(properties, "vanish").unwrap_or(false)
                || toggle(properties, "webHidden").unwrap_or(false),
        }
    }

    fn table(&mut self, tbl: &Element) -> Table {
        let mut rows: Vec<Vec<String>> = Vec::new();
        let mut header = false;
        let mut bold_first_row = false;
        // The text of the cell that starts a vertical merge, by grid column.
        let mut merged_above: Vec<String> = Vec::new();
        for (index, tr) in tbl.children_named("tr").enumerate() {
            if index == 0 {
                header = tr
                    .child("trPr")
                    .and_then(|p| toggle(p, "tblHeader"))
                    .unwrap_or(false);
            }
            let mut row = Vec::new();
            let mut all_bold = true;
            let mut column = 0;
            for tc in cells(tr) {
                let properties = tc.child("tcPr");
                let span = properties
                    .and_then(|p| p.child("gridSpan"))
                    .and_then(|g| attribute(g, "val"))
                    .and_then(|v| v.parse::<usize>().ok())
                    .unwrap_or(1)
                    .clamp(1, 64);
                let merge = properties
                    .and_then(|p| p.child("vMerge"))
                    .map(|m| attribute(m, "val").unwrap_or_default());
                let blocks = self.blocks(tc);
                all_bold &= cell_is_bold(&blocks);
                let mut text = flatten(&blocks);
                if merged_above.len() < column + span {
                    merged_above.resize(column + span, String::new());
                }
                match merge.as_deref() {
                    // A continued merge shows the text of the cell where it started.
                    Some(value) if value != "restart" && text.trim().is_empty() => {
                        text = merged_above[column].clone();
                    }
                    _ => merged_above[column] = text.clone(),
                }
                row.push(text);
                // A cell spanning columns leaves them empty, so later cells keep their column.
                row.extend(std::iter::repeat_n(String::new(), span - 1));
                column += span;
            }
            if index == 0 {
                bold_first_row = all_bold && row.iter().any(|c| !c.trim().is_empty());
            }
            rows.push(row);
        }
        Table {
            rows,
            header: header || bold_first_row,
        }
    }
}

/// The cells of a row, also those wrapped in content controls.
fn cells(tr: &Element) -> Vec<&Element> {
    let mut found = Vec::new();
    for element in tr.elements() {
        match element.local() {
            "tc" => found.push(element),
            "sdt" => {
                if let Some(content) = element.child("sdtContent") {
                    found.extend(cells(content));
                }
            }
            "customXml" => found.extend(cells(element)),
            _ => {}
        }
    }
    found
}

fn cell_is_bold(blocks: &[Block]) -> bool {
    blocks.iter().all(|block| match block {
        Block::Paragraph(p) => p.runs.iter().all(|r| r.bold || r.text.trim().is_empty()),
        Block::Table(_) => false,
    })
}

/// A page header's or footer's content, a line per paragraph or table row.
pub(super) fn margin_text(blocks: &[Block]) -> String {
    let lines: Vec<String> = blocks
        .iter()
        .flat_map(|block| match block {
            Block::Paragraph(_) => vec![flatten(std::slice::from_ref(block))],
            Block::Table(table) => table.rows.iter().map(|row| row.join(" ")).collect(),
        })
        .filter(|line| !line.trim().is_empty())
        .collect();
    lines.join("\n")
}

/// A cell's content on one line: paragraphs, breaks and nested tables joined by spaces.
pub(super) fn flatten(blocks: &[Block]) -> String {
    let mut parts: Vec<String> = Vec::new();
    for block in blocks {
        match block {
            Block::Paragraph(p) => parts.push(p.shown()),
            Block::Table(table) => parts.extend(table.rows.iter().flatten().cloned()),
        }
    }
    let joined = parts
        .iter()
        .map(|p| p.trim())
        .filter(|p| !p.is_empty())
        .collect::<Vec<_>>()
        .join(" ");
    joined
        .split(['\n', '\t'])
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// The text boxes inside a drawing, each once: of the alternatives Word writes for one shape
/// (`mc:Choice` for new readers, `mc:Fallback` for old ones), only the first that has any.
fn text_boxes(element: &Element) -> Vec<&Element> {
    let mut found = Vec::new();
    collect_boxes(element, &mut found);
    found
}

fn collect_boxes<'e>(element: &'e Element, found: &mut Vec<&'e Element>) {
    if element.local() == "txbxContent" {
        found.push(element);
        return;
    }
    if element.local() == "AlternateContent" {
        for alternative in element.elements() {
            let before = found.len();
            collect_boxes(alternative, found);
            if found.len() > before {
                return;
            }
        }
        return;
    }
    for node in &element.children {
        if let Node::Element(child) = node {
            collect_boxes(child, found);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::read::docx::xml::parse_tree;

    const NUMBERING: &str = r#"<w:numbering>
      <w:abstractNum w:abstractNumId="1">
        <w:lvl w:ilvl="0"><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl>
        <w:lvl w:ilvl="1"><w:numFmt w:val="decimal"/><w:lvlText w:val="%1.%2."/></w:lvl>
      </w:abstractNum>
      <w:num w:numId="3"><w:abstractNumId w:val="1"/></w:num>
    </w:numbering>"#;

    fn read(body: &str) -> Vec<Block> {
        let styles = Styles::parse(
            r#"<w:styles><w:style w:styleId="Heading1"><w:name w:val="heading 1"/></w:style></w:styles>"#,
        );
        let numbering = Numbering::parse(NUMBERING);
        let root = parse_tree(&format!("<w:body>{body}</w:body>")).unwrap();
        Walker::new(&styles, &numbering).blocks(&root)
    }

    fn texts(blocks: &[Block]) -> Vec<String> {
        blocks
            .iter()
            .map(|b| match b {
                Block::Paragraph(p) => p.shown(),
                Block::Table(t) => format!("{:?}", t.rows),
            })
            .collect()
    }

    #[test]
    fn numbers_headings_and_caps() {
        let blocks = read(
            r#"<w:p><w:pPr><w:pStyle w:val="Heading1"/></w:pPr><w:r><w:t>ПОВЕСТКА</w:t></w:r></w:p>
               <w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="3"/></w:numPr></w:pPr><w:r><w:t>Первый</w:t></w:r></w:p>
               <w:p><w:pPr><w:numPr><w:ilvl w:val="1"/><w:numId w:val="3"/></w:numPr></w:pPr><w:r><w:rPr><w:caps/></w:rPr><w:t>постановили:</w:t></w:r></w:p>"#,
        );
        assert_eq!(
            texts(&blocks),
            ["ПОВЕСТКА", "1. Первый", "1.1. ПОСТАНОВИЛИ:"]
        );
        let Block::Paragraph(heading) = &blocks[0] else {
            panic!()
        };
        assert_eq!(heading.heading, Some(1));
    }

    #[test]
    fn tracked_changes_fields_comments_and_hidden_text() {
        let blocks = read(
            r#"<w:p><w:r><w:t xml:space="preserve">Срок: </w:t></w:r>
               <w:del><w:r><w:delText>до 01.01.2026</w:delText></w:r></w:del>
               <w:ins><w:r><w:t>до 30.04.2026</w:t></w:r></w:ins>
               <w:commentRangeStart/><w:r><w:rPr><w:vanish/></w:rPr><w:t>скрыто</w:t></w:r>
               <w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText>PAGE</w:instrText></w:r>
               <w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>, стр. 3</w:t></w:r>
               <w:r><w:fldChar w:fldCharType="end"/></w:r>
               <w:fldSimple><w:r><w:t>.</w:t></w:r></w:fldSimple></w:p>"#,
        );
        assert_eq!(texts(&blocks), ["Срок: до 30.04.2026, стр. 3."]);
    }

    #[test]
    fn merged_cells_repeat_and_spans_keep_columns() {
        let blocks = read(
            r#"<w:tbl>
              <w:tr><w:trPr><w:tblHeader/></w:trPr><w:tc><w:p><w:r><w:t>№</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>Мероприятие</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>Ответственный</w:t></w:r></w:p></w:tc></w:tr>
              <w:tr><w:tc><w:p><w:r><w:t>1</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>Рейд</w:t></w:r><w:r><w:br/><w:t>«Подросток»</w:t></w:r></w:p></w:tc><w:tc><w:tcPr><w:vMerge w:val="restart"/></w:tcPr><w:p><w:r><w:t>ПДН</w:t></w:r></w:p></w:tc></w:tr>
              <w:tr><w:tc><w:tcPr><w:gridSpan w:val="2"/></w:tcPr><w:p><w:r><w:t>2 Беседы</w:t></w:r></w:p></w:tc><w:tc><w:tcPr><w:vMerge/></w:tcPr><w:p/></w:tc></w:tr>
            </w:tbl>"#,
        );
        let Block::Table(table) = &blocks[0] else {
            panic!()
        };
        assert!(table.header);
        assert_eq!(
            table.rows,
            [
                vec!["№", "Мероприятие", "Ответственный"],
                vec!["1", "Рейд «Подросток»", "ПДН"],
                vec!["2 Беседы", "", "ПДН"],
            ]
        );
    }

    #[test]
    fn text_boxes_once_after_their_paragraph() {
        let blocks = read(
            r#"<w:p><w:r><w:t>До</w:t></w:r><w:r><mc:AlternateContent>
                 <mc:Choice><w:drawing><w:txbxContent><w:p><w:r><w:t>В рамке</w:t></w:r></w:p></w:txbxContent></w:drawing></mc:Choice>
                 <mc:Fallback><w:pict><w:txbxContent><w:p><w:r><w:t>В рамке</w:t></w:r></w:p></w:txbxContent></w:pict></mc:Fallback>
               </mc:AlternateContent></w:r></w:p><w:p><w:r><w:t>После</w:t></w:r></w:p>"#,
        );
        assert_eq!(texts(&blocks), ["До", "В рамке", "После"]);
    }
}
