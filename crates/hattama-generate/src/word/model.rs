//! What a Word document is made of, as far as the generator writes one: paragraphs in a style,
//! some with an automatic number or bullet, made of plain and bold runs, and tables.

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Block {
    Paragraph(Paragraph),
    Table(Table),
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Paragraph {
    pub style: Style,
    pub label: Option<Label>,
    pub runs: Vec<Run>,
}

impl Paragraph {
    pub fn new(style: Style) -> Paragraph {
        Paragraph {
            style,
            label: None,
            runs: Vec::new(),
        }
    }

    /// Adds text, joining it to the last run when that has the same weight.
    pub fn push(&mut self, text: &str, bold: bool) {
        if text.is_empty() {
            return;
        }
        match self.runs.last_mut() {
            Some(last) if last.bold == bold => last.text.push_str(text),
            _ => self.runs.push(Run {
                text: text.to_string(),
                bold,
            }),
        }
    }

    pub fn is_empty(&self) -> bool {
        self.runs.iter().all(|run| run.text.trim().is_empty())
    }
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Style {
    #[default]
    Normal,
    /// The document's title (Word's `Title` style).
    Title,
    /// `Heading1` to `Heading3`; deeper levels keep `Heading3` with their own outline level.
    Heading(u8),
}

/// Text of one weight: `\t` is a tab stop, `\n` a line break inside the paragraph.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Run {
    pub text: String,
    pub bold: bool,
}

/// What Word shows before a paragraph's text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Label {
    Bullet,
    /// A number as typed: its parts (`[2, 1]` for `2.1.`) and what follows them (`.` or `)`).
    Number {
        parts: Vec<u32>,
        delimiter: char,
    },
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Table {
    /// The first row is the header, repeated on every page.
    pub rows: Vec<Vec<Vec<Run>>>,
}
