//! OpenDocument text (`.odt`, LibreOffice's own format): `content.xml` read into the same
//! blocks as a Word body, so it is written as the same Markdown with the same paragraph map.
//!
//! What LibreOffice keeps outside the text is applied as a reader sees it: list numbers from
//! the list styles (`1.`, `1.1.` with `display-levels`, letters, Roman numerals), headings
//! (`text:h` and its outline level), bold and capitals from automatic and named styles, tables
//! with spanned cells (a cell spanning rows is repeated in the rows it covers), runs of spaces
//! (`text:s`), tabs and line breaks. Deleted tracked changes, comments and notes are left out;
//! frames' text boxes follow their paragraph.

use super::body::{Block, Paragraph, Run, Table, flatten};
use super::numbering::{Label, show_odf};
use super::xml::{Element, Node, attribute};
use std::collections::HashMap;

/// Nested lists deeper than this are numbered as this level.
const MAX_LEVEL: usize = 10;

#[derive(Debug, Clone, Default)]
struct TextStyle {
    parent: Option<String>,
    bold: Option<bool>,
    caps: Option<bool>,
    list_style: Option<String>,
}

#[derive(Debug, Clone, Default)]
struct ListLevel {
    /// Empty for a bullet.
    format: Option<String>,
    prefix: String,
    suffix: String,
    start: u32,
    display_levels: usize,
}

/// Paragraph, text and list styles by name, from `styles.xml` and `content.xml`.
#[derive(Debug, Default)]
pub struct OdfStyles {
    text: HashMap<String, TextStyle>,
    lists: HashMap<String, Vec<ListLevel>>,
}

impl OdfStyles {
    /// Reads the styles of a part (`office:styles`, `office:automatic-styles`).
    pub fn add(&mut self, root: &Element) {
        for group in root
            .elements()
            .filter(|e| matches!(e.local(), "styles" | "automatic-styles"))
        {
            for style in group.elements() {
                match style.local() {
                    "style" => self.add_style(style),
                    "list-style" => self.add_list(style),
                    _ => {}
                }
            }
        }
    }

    fn add_style(&mut self, style: &Element) {
        let Some(name) = attribute(style, "name") else {
            return;
        };
        let properties = style.child("text-properties");
        let value = |key: &str| properties.and_then(|p| attribute(p, key));
        let entry = TextStyle {
            parent: attribute(style, "parent-style-name"),
            bold: value("font-weight")
                .map(|w| w == "bold" || w.parse::<u32>().is_ok_and(|n| n >= 600)),
            caps: value("text-transform")
                .map(|t| t == "uppercase")
                .or_else(|| value("font-variant").map(|v| v == "small-caps")),
            list_style: attribute(style, "list-style-name"),
        };
        self.text.insert(name, entry);
    }

    fn add_list(&mut self, list: &Element) {
        let Some(name) = attribute(list, "name") else {
            return;
        };
        let mut levels = vec![ListLevel::default(); MAX_LEVEL];
        for level in list.elements() {
            let Some(index) = attribute(level, "level")
                .and_then(|l| l.parse::<usize>().ok())
                .filter(|l| (1..=MAX_LEVEL).contains(l))
            else {
                continue;
            };
            levels[index - 1] = match level.local() {
                "list-level-style-number" => ListLevel {
                    format: Some(attribute(level, "num-format").unwrap_or_default()),
                    prefix: attribute(level, "num-prefix").unwrap_or_default(),
                    suffix: attribute(level, "num-suffix").unwrap_or_default(),
                    start: attribute(level, "start-value")
                        .and_then(|v| v.parse().ok())
                        .unwrap_or(1),
                    display_levels: attribute(level, "display-levels")
                        .and_then(|v| v.parse().ok())
                        .unwrap_or(1),
                },
                _ => ListLevel::default(),
            };
        }
        self.lists.insert(name, levels);
    }

    fn chain<'a>(&'a self, name: &str) -> impl Iterator<Item = &'a TextStyle> + 'a {
        let mut next = self.text.get(name);
        std::iter::from_fn(move || {
            let style = next?;
            next = style.parent.as_deref().and_then(|p| self.text.get(p));
            Some(style)
        })
        .take(16)
    }

    fn bold(&self, name: &str) -> Option<bool> {
        self.chain(name).find_map(|s| s.bold)
    }

    fn caps(&self, name: &str) -> Option<bool> {
        self.chain(name).find_map(|s| s.caps)
    }

    fn list_style(&self, name: &str) -> Option<String> {
        self.chain(name).find_map(|s| s.list_style.clone())
    }
}

#[derive(Debug, Clone, Copy, Default)]
struct Look {
    bold: bool,
    caps: bool,
}

/// Reads `office:text` in order.
pub struct OdfWalker<'a> {
    styles: &'a OdfStyles,
    /// Counters of the list being read, by level; kept when a list continues the one before.
    counters: Vec<u32>,
}

impl<'a> OdfWalker<'a> {
    pub fn new(styles: &'a OdfStyles) -> OdfWalker<'a> {
        OdfWalker {
            styles,
            counters: Vec::new(),
        }
    }

    pub fn blocks(&mut self, container: &Element) -> Vec<Block> {
        let mut blocks = Vec::new();
        for element in container.elements() {
            self.block(element, None, &mut blocks);
        }
        blocks
    }

    /// One block element; `list` is the list style and level the element sits in.
    fn block(&mut self, element: &Element, list: Option<(&str, usize)>, blocks: &mut Vec<Block>) {
        match element.local() {
            "p" | "h" => {
                let label = list.and_then(|(style, level)| self.label(style, level));
                let (paragraph, boxes) = self.paragraph(element, label);
                blocks.push(Block::Paragraph(paragraph));
                blocks.extend(boxes);
            }
            "list" => {
                let style = attribute(element, "style-name")
                    .or_else(|| list.map(|(s, _)| s.to_string()))
                    .unwrap_or_default();
                let level = list.map_or(0, |(_, level)| (level + 1).min(MAX_LEVEL - 1));
                let continues = attribute(element, "continue-numbering").as_deref() == Some("true");
                if list.is_none() && !continues {
                    self.counters.clear();
                }
                for item in element.elements() {
                    if !matches!(item.local(), "list-item" | "list-header") {
                        continue;
                    }
                    let mut first = true;
                    for child in item.elements() {
                        // Only the item's first paragraph carries its number.
                        let inner = if child.local() == "list" || first {
                            Some((style.as_str(), level))
                        } else {
                            None
                        };
                        if item.local() == "list-header" && child.local() != "list" {
                            self.block(child, None, blocks);
                        } else {
                            self.block(child, inner, blocks);
                        }
                        first = false;
                    }
                }
            }
            "table" => blocks.push(Block::Table(self.table(element))),
            "section" => blocks.extend(self.blocks(element)),
            _ => {}
        }
    }

    /// Counts an item at `level` of list style `style` and gives its label.
    fn label(&mut self, style: &str, level: usize) -> Option<Label> {
        let levels = self.styles.lists.get(style)?;
        let shown = levels.get(level)?;
        if self.counters.len() <= level {
            self.counters.resize(level + 1, 0);
        }
        self.counters[level] = match self.counters[level] {
            0 => shown.start,
            n => n.saturating_add(1),
        };
        self.counters.truncate(level + 1);
        let format = shown.format.as_ref()?;
        if format.is_empty() {
            return None;
        }
        let first = (level + 1).saturating_sub(shown.display_levels.max(1));
        let numbers: Vec<String> = (first..=level)
            .map(|l| {
                let code = levels
                    .get(l)
                    .and_then(|s| s.format.clone())
                    .unwrap_or_default();
                let value = self
                    .counters
                    .get(l)
                    .copied()
                    .filter(|&v| v > 0)
                    .unwrap_or(1);
                show_odf(value, if code.is_empty() { "1" } else { &code })
            })
            .collect();
        let label = format!("{}{}{}", shown.prefix, numbers.join("."), shown.suffix);
        let label = label.trim().to_string();
        (!label.is_empty()).then_some(Label::Number(label))
    }

    fn paragraph(&mut self, p: &Element, label: Option<Label>) -> (Paragraph, Vec<Block>) {
        let style = attribute(p, "style-name").unwrap_or_default();
        let heading = (p.local() == "h").then(|| {
            attribute(p, "outline-level")
                .and_then(|l| l.parse::<u8>().ok())
                .unwrap_or(1)
                .clamp(1, 9)
        });
        let label = label.or_else(|| {
            // A paragraph whose style brings a list style is numbered on its own.
            self.styles
                .list_style(&style)
                .and_then(|list| self.label(&list, 0))
        });
        let look = Look {
            bold: self.styles.bold(&style).unwrap_or(false),
            caps: self.styles.caps(&style).unwrap_or(false),
        };
        let mut paragraph = Paragraph {
            heading,
            label,
            runs: Vec::new(),
        };
        let mut boxes = Vec::new();
        self.inline(p, look, &mut paragraph.runs, &mut boxes);
        (paragraph, boxes)
    }

    fn inline(
        &mut self,
        parent: &Element,
        look: Look,
        runs: &mut Vec<Run>,
        boxes: &mut Vec<Block>,
    ) {
        for node in &parent.children {
            match node {
                // Whitespace in ODF text collapses to one space; `text:s` says where more are.
                Node::Text(text) => push(runs, &collapse_spaces(text), look),
                Node::Element(element) => match element.local() {
                    "span" => {
                        let style = attribute(element, "style-name").unwrap_or_default();
                        let inner = Look {
                            bold: self.styles.bold(&style).unwrap_or(look.bold),
                            caps: self.styles.caps(&style).unwrap_or(look.caps),
                        };
                        self.inline(element, inner, runs, boxes);
                    }
                    "a" | "meta" | "ruby" | "ruby-base" => self.inline(element, look, runs, boxes),
                    "s" => {
                        let count = attribute(element, "c")
                            .and_then(|c| c.parse::<usize>().ok())
                            .unwrap_or(1)
                            .min(64);
                        push(runs, &" ".repeat(count), look);
                    }
                    "tab" => push(runs, "\t", look),
                    "line-break" => push(runs, "\n", look),
                    "frame" => {
                        for text_box in element.children_named("text-box") {
                            boxes.extend(self.blocks(text_box));
                        }
                    }
                    // Notes, comments, deleted-change marks, bookmarks: not the text.
                    _ => {}
                },
            }
        }
    }

    fn table(&mut self, table: &Element) -> Table {
        let mut rows: Vec<Vec<String>> = Vec::new();
        let mut header = false;
        // Cells spanning rows: text and rows still to cover, by column.
        let mut spanning: Vec<(String, usize)> = Vec::new();
        let mut row_elements: Vec<&Element> = Vec::new();
        for child in table.elements() {
            match child.local() {
                "table-header-rows" => {
                    header = rows.is_empty() && row_elements.is_empty();
                    row_elements.extend(child.children_named("table-row"));
                }
                "table-row" => row_elements.push(child),
                "table-rows" => row_elements.extend(child.children_named("table-row")),
                _ => {}
            }
        }
        for row in row_elements {
            let mut cells = Vec::new();
            for cell in row.elements() {
                let column = cells.len();
                match cell.local() {
                    "table-cell" => {
                        let text = flatten(&self.blocks(cell));
                        let across = span(cell, "number-columns-spanned");
                        let down = span(cell, "number-rows-spanned");
                        if spanning.len() < column + across {
                            spanning.resize(column + across, (String::new(), 0));
                        }
                        spanning[column] = (text.clone(), down - 1);
                        cells.push(text);
                        cells.extend(std::iter::repeat_n(String::new(), across - 1));
                    }
                    "covered-table-cell" => {
                        // Covered from above: the spanning cell's text; from the left: empty.
                        let text = match spanning.get_mut(column) {
                            Some((text, left)) if *left > 0 => {
                                *left -= 1;
                                text.clone()
                            }
                            _ => String::new(),
                        };
                        if cells.len() == column {
                            cells.push(text);
                        }
                    }
                    _ => {}
                }
            }
            rows.push(cells);
        }
        Table { rows, header }
    }
}

fn collapse_spaces(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut in_space = false;
    for c in text.chars() {
        if matches!(c, ' ' | '\t' | '\n' | '\r') {
            if !in_space {
                out.push(' ');
            }
            in_space = true;
        } else {
            out.push(c);
            in_space = false;
        }
    }
    out
}

fn span(cell: &Element, key: &str) -> usize {
    attribute(cell, key)
        .and_then(|v| v.parse::<usize>().ok())
        .unwrap_or(1)
        .clamp(1, 64)
}

fn push(runs: &mut Vec<Run>, text: &str, look: Look) {
    if text.is_empty() {
        return;
    }
    let text = if look.caps {
        text.to_uppercase()
    } else {
        text.to_string()
    };
    match runs.last_mut() {
        Some(last) if last.bold == look.bold => last.text.push_str(&text),
        _ => runs.push(Run {
            text,
            bold: look.bold,
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::read::docx::xml::parse_tree;

    const CONTENT: &str = r#"<office:document-content>
      <office:automatic-styles>
        <style:style style:name="P1" style:family="paragraph"><style:text-properties fo:text-transform="uppercase"/></style:style>
        <style:style style:name="T1" style:family="text"><style:text-properties fo:font-weight="bold"/></style:style>
        <text:list-style style:name="L1">
          <text:list-level-style-number text:level="1" style:num-suffix="." style:num-format="1"/>
          <text:list-level-style-number text:level="2" style:num-suffix="." style:num-format="1" text:display-levels="2"/>
          <text:list-level-style-number text:level="3" style:num-suffix=")" style:num-format="а"/>
        </text:list-style>
      </office:automatic-styles>
      <office:body><office:text>
        <text:tracked-changes><text:changed-region><text:deletion><text:p>удалено</text:p></text:deletion></text:changed-region></text:tracked-changes>
        <text:h text:outline-level="1">ПРОТОКОЛ № 4</text:h>
        <text:p><text:span text:style-name="T1">Повестка дня:</text:span></text:p>
        <text:list text:style-name="L1">
          <text:list-item><text:p>Первый<text:line-break/>Докладчик: Ким Е.В.</text:p>
            <text:list><text:list-item><text:p>Подпункт</text:p>
              <text:list><text:list-item><text:p>буква</text:p></text:list-item></text:list>
            </text:list-item></text:list>
          </text:list-item>
          <text:list-item><text:p>Второй<text:s text:c="3"/>вопрос<office:annotation><text:p>комментарий</text:p></office:annotation></text:p></text:list-item>
        </text:list>
        <text:p text:style-name="P1">постановили:<text:note><text:note-body><text:p>сноска</text:p></text:note-body></text:note></text:p>
        <table:table>
          <table:table-header-rows><table:table-row><table:table-cell><text:p>№</text:p></table:table-cell><table:table-cell><text:p>Ответственный</text:p></table:table-cell></table:table-row></table:table-header-rows>
          <table:table-row><table:table-cell><text:p>1</text:p></table:table-cell><table:table-cell table:number-rows-spanned="2"><text:p>ПДН</text:p></table:table-cell></table:table-row>
          <table:table-row><table:table-cell><text:p>2</text:p></table:table-cell><table:covered-table-cell/></table:table-row>
        </table:table>
      </office:text></office:body></office:document-content>"#;

    #[test]
    fn lists_headings_styles_and_tables() {
        let root = parse_tree(CONTENT).unwrap();
        let mut styles = OdfStyles::default();
        styles.add(&root);
        let text = root.child("body").unwrap().child("text").unwrap();
        let blocks = OdfWalker::new(&styles).blocks(text);
        let converted = super::super::markdown::write(&blocks);
        assert_eq!(
            converted.text,
            "# ПРОТОКОЛ № 4\n\n**Повестка дня:**\n\n1. Первый\\\nДокладчик: Ким Е.В.\n\n\
             1.1. Подпункт\n\nа) буква\n\n2. Второй   вопрос\n\nПОСТАНОВИЛИ:\n\n\
             | № | Ответственный |\n| --- | --- |\n| 1 | ПДН |\n| 2 | ПДН |\n"
        );
    }
}
