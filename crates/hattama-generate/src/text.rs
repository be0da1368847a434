//! Writing a document the way Word exports it: as pandoc Markdown (bold headings, `1.  ` lists,
//! `\` hard line breaks, escaped underscores, pipe tables) or as plain text (CAPS headings, tabs,
//! sometimes CRLF line ends or a byte-order mark).

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    Md,
    Txt,
}

impl Format {
    pub fn extension(self) -> &'static str {
        match self {
            Format::Md => "md",
            Format::Txt => "txt",
        }
    }
}

pub struct Out {
    pub format: Format,
    buf: String,
}

impl Out {
    pub fn new(format: Format) -> Out {
        Out {
            format,
            buf: String::with_capacity(12 * 1024),
        }
    }

    pub fn is_md(&self) -> bool {
        self.format == Format::Md
    }

    /// One physical line as given.
    pub fn raw(&mut self, line: &str) {
        self.buf.push_str(line);
        self.buf.push('\n');
    }

    pub fn blank(&mut self) {
        self.buf.push('\n');
    }

    /// A paragraph: followed by a blank line in Markdown (else lines would join), and in text
    /// when `spaced`.
    pub fn para(&mut self, text: &str, spaced: bool) {
        self.raw(text);
        if self.is_md() || spaced {
            self.blank();
        }
    }

    /// Lines that belong together (a decision with its responsible and deadline lines): joined
    /// with pandoc hard breaks in Markdown.
    pub fn lines(&mut self, lines: &[String], spaced: bool) {
        let last = lines.len().saturating_sub(1);
        for (i, line) in lines.iter().enumerate() {
            if self.is_md() && i < last {
                self.buf.push_str(line);
                self.buf.push_str("\\\n");
            } else {
                self.raw(line);
            }
        }
        if self.is_md() || spaced {
            self.blank();
        }
    }

    /// A heading: bold (or `##`) in Markdown, as written in text.
    pub fn heading(&mut self, text: &str, level: u8, spaced: bool) {
        if self.is_md() {
            match level {
                1 => self.raw(&format!("# {text}")),
                2 => self.raw(&format!("## {text}")),
                _ => self.raw(&format!("**{text}**")),
            }
            self.blank();
        } else {
            self.raw(text);
            if spaced {
                self.blank();
            }
        }
    }

    /// A label in bold followed by its value: "**Label:** value".
    pub fn labelled(&mut self, label: &str, value: &str, spaced: bool) {
        if self.is_md() {
            self.para(&format!("**{label}** {value}"), true);
        } else {
            self.para(&format!("{label} {value}"), spaced);
        }
    }

    /// A label on a line of its own and its value on the next: "**Председательствующий:**",
    /// then the name (a hard line break in Markdown).
    pub fn label_over(&mut self, label: &str, value: &str) {
        if self.is_md() {
            self.raw(&format!("**{label}**\\"));
            self.para(value, true);
        } else {
            self.raw(label);
            self.para(value, true);
        }
    }

    /// A numbered list item: pandoc pads "1." to four columns.
    pub fn numbered(&mut self, n: usize, text: &str) {
        if self.is_md() {
            let marker = format!("{n}.");
            self.raw(&format!("{marker:<4}{text}"));
        } else {
            self.raw(&format!("{n}. {text}"));
        }
    }

    /// A numbered item with a continuation line ("Докладчик: …").
    pub fn numbered_with(&mut self, n: usize, text: &str, second: &str) {
        if self.is_md() {
            let marker = format!("{n}.");
            self.raw(&format!("{marker:<4}{text}\\"));
            self.raw(&format!("    {second}"));
        } else {
            self.raw(&format!("{n}. {text}"));
            self.raw(second);
        }
    }

    pub fn bullet(&mut self, text: &str) {
        if self.is_md() {
            self.raw(&format!("-   {text}"));
        } else {
            self.raw(&format!("- {text}"));
        }
    }

    /// End of a list: Markdown needs a blank line.
    pub fn end_list(&mut self, spaced: bool) {
        if self.is_md() || spaced {
            self.blank();
        }
    }

    /// A signature line: "Председатель комиссии ________ А. Жумабеков".
    pub fn signature(&mut self, role: &str, name: &str, tabs: bool) {
        if self.is_md() {
            self.para(&format!("{role} {} {name}", "\\_".repeat(10)), true);
        } else if tabs {
            self.para(&format!("{role}\t\t\t{}\t{name}", "_".repeat(15)), true);
        } else {
            self.para(&format!("{role} {} {name}", "_".repeat(12)), true);
        }
    }

    /// A signature's line and name, "____________ Б. Кенжегалиев", for a signature table.
    pub fn signed(&self, name: &str) -> String {
        if self.is_md() {
            format!("{} {name}", "\\_".repeat(10))
        } else {
            format!("{} {name}", "_".repeat(12))
        }
    }

    /// A table without a header row, as a borderless Word table comes out: in Markdown its
    /// first row stands in the header.
    pub fn headless_table(&mut self, rows: &[Vec<String>]) {
        if let Some((first, rest)) = rows.split_first() {
            self.table(first, rest);
        }
    }

    /// A table: pipe table in Markdown, tab-separated lines in text.
    pub fn table(&mut self, header: &[String], rows: &[Vec<String>]) {
        if self.is_md() {
            self.raw(&format!("| {} |", header.join(" | ")));
            let rule: Vec<&str> = header.iter().map(|_| "---").collect();
            self.raw(&format!("|{}|", rule.join("|")));
            for row in rows {
                self.raw(&format!("| {} |", row.join(" | ")));
            }
            self.blank();
        } else {
            self.raw(&header.join("\t"));
            for row in rows {
                self.raw(&row.join("\t"));
            }
            self.blank();
        }
    }

    /// The finished bytes: Markdown always LF, and with `dashes` as pandoc's smart punctuation
    /// writes it ("--" for the en dash, "---" for the em dash); text optionally CRLF and with a
    /// BOM.
    pub fn finish(self, crlf: bool, bom: bool, dashes: bool) -> Vec<u8> {
        let md = self.is_md();
        let mut text = self.buf;
        if dashes && md {
            text = text.replace('—', "---").replace('–', "--");
        }
        while text.ends_with("\n\n") {
            text.pop();
        }
        let mut bytes = Vec::with_capacity(text.len() + 64);
        if bom {
            bytes.extend_from_slice("\u{feff}".as_bytes());
        }
        if crlf {
            for line in text.split_inclusive('\n') {
                match line.strip_suffix('\n') {
                    Some(body) => {
                        bytes.extend_from_slice(body.as_bytes());
                        bytes.extend_from_slice(b"\r\n");
                    }
                    None => bytes.extend_from_slice(line.as_bytes()),
                }
            }
        } else {
            bytes.extend_from_slice(text.as_bytes());
        }
        bytes
    }
}
