//! Word's automatic numbering for typed labels: which list (`w:num`) and level each numbered
//! paragraph is in, so that the number Word shows is the one the text had.
//!
//! Word counts per list: a paragraph at level L shows the next value of L (or L's start, the
//! first time) after the current values of the levels above it, and restarts the levels below.
//! Each label is tried in the list in use; where that list would show another number, a new list
//! starts whose start values are the label's own.
//!
//! Every list has an abstract definition of its own, starting where the list starts, and start
//! overrides saying the same: lists that share a definition may share its count (LibreOffice
//! shows the decisions after a three-item agenda as "3.1." then), and Word restarts a list only
//! where it has overrides.

use super::model::Label;
use super::xml::{W, Xml};
use std::io;

/// The kinds of list: how their numbers are shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// `%1.`, `%1.%2.`, `%1.%2.%3.`
    Dotted,
    /// `%1)`
    Parenthesised,
    Bullet,
}

/// Levels of the dotted lists: `1.`, `1.1.`, `1.1.1.`.
pub const DOTTED_LEVELS: usize = 3;

impl Kind {
    pub fn levels(self) -> usize {
        match self {
            Kind::Dotted => DOTTED_LEVELS,
            Kind::Parenthesised | Kind::Bullet => 1,
        }
    }
}

/// One `w:num`: its definition and the start value of each of its levels.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct List {
    pub kind: Kind,
    pub starts: Vec<u32>,
}

/// Where a paragraph's number comes from: `w:numId` (1-based) and `w:ilvl`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Place {
    pub num_id: usize,
    pub level: usize,
}

/// The lists of one document, made as its labels come.
#[derive(Debug, Default)]
pub struct Numbering {
    pub lists: Vec<List>,
    /// The list in use for each kind, with the current value of each of its levels.
    current: Vec<(Kind, usize, [Option<u32>; DOTTED_LEVELS])>,
}

impl Numbering {
    /// The list and level that show `label`.
    pub fn place(&mut self, label: &Label) -> Place {
        let (kind, parts): (Kind, &[u32]) = match label {
            Label::Bullet => (Kind::Bullet, &[1]),
            Label::Number {
                parts,
                delimiter: ')',
            } => (Kind::Parenthesised, parts),
            Label::Number { parts, .. } => (Kind::Dotted, parts),
        };
        let level = parts.len().clamp(1, DOTTED_LEVELS) - 1;
        if let Some((_, index, values)) = self.current.iter_mut().find(|(k, ..)| *k == kind) {
            let starts = &self.lists[*index].starts;
            let start = |l: usize| starts.get(l).copied().unwrap_or(1);
            let next = values[level].map_or(start(level), |v| v + 1);
            let shown: Vec<u32> = (0..level)
                .map(|l| values[l].unwrap_or(start(l)))
                .chain([next])
                .collect();
            if kind == Kind::Bullet || shown == parts {
                values[level] = Some(next);
                values[level + 1..].fill(None);
                return Place {
                    num_id: *index + 1,
                    level,
                };
            }
        }
        let mut starts = parts[..=level].to_vec();
        starts.resize(kind.levels(), 1);
        self.lists.push(List { kind, starts });
        let index = self.lists.len() - 1;
        let mut values = [None; DOTTED_LEVELS];
        values[level] = Some(parts[level]);
        self.current.retain(|(k, ..)| *k != kind);
        self.current.push((kind, index, values));
        Place {
            num_id: index + 1,
            level,
        }
    }
}

/// Each kind's levels: number format, the text Word shows (`%1` is level 0's number) and the
/// indent, in twentieths of a point, of the text after it.
fn levels(kind: Kind) -> &'static [(&'static str, &'static str, &'static str)] {
    match kind {
        Kind::Dotted => &[
            ("decimal", "%1.", "720"),
            ("decimal", "%1.%2.", "1080"),
            ("decimal", "%1.%2.%3.", "1440"),
        ],
        Kind::Parenthesised => &[("decimal", "%1)", "720")],
        Kind::Bullet => &[("bullet", "\u{2022}", "720")],
    }
}

impl Numbering {
    /// `word/numbering.xml`: every list's definition (`w:abstractNumId` N), then the lists
    /// (`w:numId` N + 1) with their start values.
    pub fn write(&self) -> io::Result<Vec<u8>> {
        let mut xml = Xml::part();
        xml.open("w:numbering", &[("xmlns:w", W)])?;
        for (index, list) in self.lists.iter().enumerate() {
            write_definition(&mut xml, index, list)?;
        }
        for (index, list) in self.lists.iter().enumerate() {
            xml.open("w:num", &[("w:numId", &(index + 1).to_string())])?;
            xml.empty("w:abstractNumId", &[("w:val", &index.to_string())])?;
            if list.kind != Kind::Bullet {
                for (level, start) in list.starts.iter().enumerate() {
                    xml.open("w:lvlOverride", &[("w:ilvl", &level.to_string())])?;
                    xml.empty("w:startOverride", &[("w:val", &start.to_string())])?;
                    xml.close("w:lvlOverride")?;
                }
            }
            xml.close("w:num")?;
        }
        xml.close("w:numbering")?;
        Ok(xml.finish())
    }
}

fn write_definition(xml: &mut Xml, index: usize, list: &List) -> io::Result<()> {
    xml.open("w:abstractNum", &[("w:abstractNumId", &index.to_string())])?;
    let multi = if list.kind.levels() > 1 {
        "multilevel"
    } else {
        "singleLevel"
    };
    xml.empty("w:multiLevelType", &[("w:val", multi)])?;
    for (level, (format, text, indent)) in levels(list.kind).iter().enumerate() {
        let start = list.starts.get(level).copied().unwrap_or(1).to_string();
        xml.open("w:lvl", &[("w:ilvl", &level.to_string())])?;
        xml.empty("w:start", &[("w:val", &start)])?;
        xml.empty("w:numFmt", &[("w:val", format)])?;
        xml.empty("w:lvlText", &[("w:val", text)])?;
        xml.empty("w:lvlJc", &[("w:val", "left")])?;
        xml.open("w:pPr", &[])?;
        xml.empty("w:ind", &[("w:left", indent), ("w:hanging", "360")])?;
        xml.close("w:pPr")?;
        xml.close("w:lvl")?;
    }
    xml.close("w:abstractNum")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dotted(parts: &[u32]) -> Label {
        Label::Number {
            parts: parts.to_vec(),
            delimiter: '.',
        }
    }

    #[test]
    fn a_list_goes_on_while_it_shows_the_typed_numbers() {
        let mut numbering = Numbering::default();
        let places: Vec<(usize, usize)> = [
            dotted(&[1]),
            dotted(&[2]),
            dotted(&[3]),
            dotted(&[1, 1]),
            dotted(&[1, 2]),
            dotted(&[2, 1]),
            dotted(&[2, 2]),
            Label::Bullet,
            Label::Bullet,
            dotted(&[5]),
        ]
        .iter()
        .map(|label| {
            let place = numbering.place(label);
            (place.num_id, place.level)
        })
        .collect();
        assert_eq!(
            places,
            [
                (1, 0),
                (1, 0),
                (1, 0),
                (2, 1),
                (2, 1),
                (3, 1),
                (3, 1),
                (4, 0),
                (4, 0),
                (5, 0)
            ]
        );
        assert_eq!(numbering.lists[1].starts, [1, 1, 1]);
        assert_eq!(numbering.lists[2].starts, [2, 1, 1]);
        assert_eq!(numbering.lists[3].starts, [1]);
        assert_eq!(numbering.lists[4].starts, [5, 1, 1]);
    }

    #[test]
    fn a_level_restarts_below_a_number_above_it() {
        let mut numbering = Numbering::default();
        for label in [dotted(&[1]), dotted(&[1, 1]), dotted(&[1, 2]), dotted(&[2])] {
            assert_eq!(numbering.place(&label).num_id, 1, "{label:?}");
        }
        // 2.1. follows 2. in the same list: level 1 restarted at its start.
        assert_eq!(numbering.place(&dotted(&[2, 1])).num_id, 1);
        let parenthesised = Label::Number {
            parts: vec![1],
            delimiter: ')',
        };
        assert_eq!(numbering.place(&parenthesised).num_id, 2);
        assert_eq!(numbering.lists[1].kind, Kind::Parenthesised);
    }

    #[test]
    fn every_list_has_a_definition_of_its_own_starting_where_it_starts() {
        let mut numbering = Numbering::default();
        for label in [dotted(&[1]), dotted(&[3]), dotted(&[4])] {
            numbering.place(&label);
        }
        let xml = String::from_utf8(numbering.write().unwrap()).unwrap();
        assert_eq!(xml.matches("<w:abstractNum ").count(), 2);
        assert!(xml.contains(
            r#"<w:num w:numId="2"><w:abstractNumId w:val="1"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="3"/>"#
        ));
        let second = &xml[xml.find(r#"w:abstractNumId="1""#).unwrap()..];
        assert!(second.starts_with(r#"w:abstractNumId="1"><w:multiLevelType w:val="multilevel"/><w:lvl w:ilvl="0"><w:start w:val="3"/>"#), "{second}");
    }
}
