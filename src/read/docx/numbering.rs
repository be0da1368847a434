//! Word's automatic numbering (`word/numbering.xml`): the "1.", "1.1.", "а)" a reader sees
//! before a paragraph although they are not in its text.
//!
//! A paragraph names a numbering instance (`w:num`, by `numId`) and a level (`ilvl`); the
//! instance points at an abstract definition (`w:abstractNum`) whose levels give the start
//! value, the number format and the label template (`lvlText`, e.g. `%1.%2.`). Instances of
//! one abstract definition continue each other's count, as Word shows them (LibreOffice writes
//! a new instance for nearly every paragraph and relies on that); an instance that overrides a
//! level's start value (`startOverride`, Word's "Restart numbering") restarts that level where
//! it is first used. pandoc and Word give a new, separate list its own abstract definition.

use super::xml::{Element, attribute, parse_tree_with};

/// The elements of the numbering part that say anything read here.
const READ: &[&str] = &[
    "numbering",
    "abstractNum",
    "lvl",
    "start",
    "numFmt",
    "lvlText",
    "isLgl",
    "num",
    "abstractNumId",
    "lvlOverride",
    "startOverride",
];
use std::collections::{HashMap, HashSet};

/// Word allows nine levels, 0 to 8.
const LEVELS: usize = 9;

#[derive(Debug, Clone, PartialEq, Eq)]
enum Format {
    Decimal,
    DecimalZero,
    LowerLetter,
    UpperLetter,
    LowerRoman,
    UpperRoman,
    RussianLower,
    RussianUpper,
    Bullet,
    None,
}

impl Format {
    fn parse(value: &str) -> Format {
        match value {
            "decimalZero" => Format::DecimalZero,
            "lowerLetter" => Format::LowerLetter,
            "upperLetter" => Format::UpperLetter,
            "lowerRoman" => Format::LowerRoman,
            "upperRoman" => Format::UpperRoman,
            "russianLower" => Format::RussianLower,
            "russianUpper" => Format::RussianUpper,
            "bullet" => Format::Bullet,
            "none" => Format::None,
            // decimal and the rare formats (ordinal words, circled numbers…) read as digits.
            _ => Format::Decimal,
        }
    }

    fn show(&self, value: u32) -> String {
        match self {
            Format::Decimal => value.to_string(),
            Format::DecimalZero => format!("{value:02}"),
            Format::LowerLetter => letters(value, LATIN),
            Format::UpperLetter => letters(value, LATIN).to_uppercase(),
            Format::LowerRoman => roman(value).to_lowercase(),
            Format::UpperRoman => roman(value),
            Format::RussianLower => letters(value, RUSSIAN),
            Format::RussianUpper => letters(value, RUSSIAN).to_uppercase(),
            Format::Bullet | Format::None => String::new(),
        }
    }
}

const LATIN: &[char] = &[
    'a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j', 'k', 'l', 'm', 'n', 'o', 'p', 'q', 'r', 's',
    't', 'u', 'v', 'w', 'x', 'y', 'z',
];
/// Word's Russian letter sequence leaves out ё, й, ъ, ы and ь.
const RUSSIAN: &[char] = &[
    'а', 'б', 'в', 'г', 'д', 'е', 'ж', 'з', 'и', 'к', 'л', 'м', 'н', 'о', 'п', 'р', 'с', 'т', 'у',
    'ф', 'х', 'ц', 'ч', 'ш', 'щ', 'э', 'ю', 'я',
];

/// Word's letter numbering: a … z, then aa … zz, then aaa … (the letter repeated).
fn letters(value: u32, alphabet: &[char]) -> String {
    if value == 0 {
        return String::new();
    }
    let index = (value as usize - 1) % alphabet.len();
    let times = ((value as usize - 1) / alphabet.len() + 1).min(8);
    std::iter::repeat_n(alphabet[index], times).collect()
}

fn roman(mut value: u32) -> String {
    const NUMERALS: [(u32, &str); 13] = [
        (1000, "M"),
        (900, "CM"),
        (500, "D"),
        (400, "CD"),
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ];
    // Nobody numbers past a few thousand; a hostile start value must not build a huge string.
    value = value.min(3999);
    let mut out = String::new();
    for (worth, numeral) in NUMERALS {
        while value >= worth {
            out.push_str(numeral);
            value -= worth;
        }
    }
    out
}

/// A number shown in an OpenDocument format code: `1`, `a`, `A`, `i`, `I`, `а`, `А`; empty for
/// no number.
pub fn show_odf(value: u32, code: &str) -> String {
    let format = match code {
        "" => Format::None,
        "a" => Format::LowerLetter,
        "A" => Format::UpperLetter,
        "i" => Format::LowerRoman,
        "I" => Format::UpperRoman,
        "а" => Format::RussianLower,
        "А" => Format::RussianUpper,
        _ => Format::Decimal,
    };
    format.show(value)
}

#[derive(Debug, Clone)]
struct Level {
    start: u32,
    format: Format,
    /// The label template: `%1.`, `%1.%2.`, `%2)`.
    text: String,
    /// `isLgl`: every level's number shown in decimal.
    legal: bool,
}

impl Default for Level {
    fn default() -> Level {
        Level {
            start: 1,
            format: Format::Decimal,
            text: String::new(),
            legal: false,
        }
    }
}

#[derive(Debug, Clone, Default)]
struct Instance {
    abstract_id: String,
    /// Levels this instance restarts at another value, or redefines.
    start_overrides: HashMap<usize, u32>,
    level_overrides: HashMap<usize, Level>,
}

/// The numbering definitions of one document.
#[derive(Debug, Default)]
pub struct Numbering {
    abstracts: HashMap<String, Vec<Level>>,
    instances: HashMap<String, Instance>,
}

/// Where each list has counted to, as the body is read in order.
#[derive(Debug, Default)]
pub struct Counters {
    /// By abstract definition: the instances of one definition share a count.
    by_list: HashMap<String, [Option<u32>; LEVELS]>,
    /// Instances already met: a start override restarts the count only the first time.
    met: HashSet<String>,
}

/// What a numbered paragraph shows before its text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Label {
    /// "1.", "2.3.", "а)".
    Number(String),
    /// A bullet list item.
    Bullet,
}

impl Numbering {
    pub fn parse(xml: &str) -> Numbering {
        let mut numbering = Numbering::default();
        let Some(root) = parse_tree_with(xml, |name| READ.contains(&name)) else {
            return numbering;
        };
        for child in root.elements() {
            match child.local() {
                "abstractNum" => {
                    let Some(id) = attribute(child, "abstractNumId") else {
                        continue;
                    };
                    let mut levels = vec![Level::default(); LEVELS];
                    for lvl in child.children_named("lvl") {
                        if let Some(index) = level_index(lvl) {
                            levels[index] = parse_level(lvl);
                        }
                    }
                    numbering.abstracts.insert(id, levels);
                }
                "num" => {
                    let Some(id) = attribute(child, "numId") else {
                        continue;
                    };
                    let mut instance = Instance {
                        abstract_id: child
                            .child("abstractNumId")
                            .and_then(|a| attribute(a, "val"))
                            .unwrap_or_default(),
                        ..Instance::default()
                    };
                    for over in child.children_named("lvlOverride") {
                        let Some(index) = level_index(over) else {
                            continue;
                        };
                        if let Some(start) = over
                            .child("startOverride")
                            .and_then(|s| attribute(s, "val"))
                            .and_then(|v| v.parse().ok())
                        {
                            instance.start_overrides.insert(index, start);
                        }
                        if let Some(lvl) = over.child("lvl") {
                            instance.level_overrides.insert(index, parse_level(lvl));
                        }
                    }
                    numbering.instances.insert(id, instance);
                }
                _ => {}
            }
        }
        numbering
    }

    fn level(&self, instance: &Instance, index: usize) -> Level {
        if let Some(level) = instance.level_overrides.get(&index) {
            return level.clone();
        }
        self.abstracts
            .get(&instance.abstract_id)
            .and_then(|levels| levels.get(index))
            .cloned()
            .unwrap_or_default()
    }

    /// Counts the paragraph numbered by instance `num_id` at level `ilvl` and gives its label;
    /// None for an instance that does not exist (Word shows no number then) or `numId` 0, which
    /// switches numbering off.
    pub fn next(&self, counters: &mut Counters, num_id: &str, ilvl: usize) -> Option<Label> {
        let instance = self.instances.get(num_id)?;
        let ilvl = ilvl.min(LEVELS - 1);
        let level = self.level(instance, ilvl);
        let start = |index: usize| {
            instance
                .start_overrides
                .get(&index)
                .copied()
                .unwrap_or_else(|| self.level(instance, index).start)
        };
        let first_time = counters.met.insert(num_id.to_string());
        let values = counters
            .by_list
            .entry(instance.abstract_id.clone())
            .or_insert([None; LEVELS]);
        if first_time {
            for &index in instance.start_overrides.keys() {
                if let Some(value) = values.get_mut(index) {
                    *value = None;
                }
            }
        }
        values[ilvl] = Some(match values[ilvl] {
            Some(value) => value.saturating_add(1),
            None => start(ilvl),
        });
        // A number at one level restarts the levels below it.
        for deeper in values.iter_mut().skip(ilvl + 1) {
            *deeper = None;
        }
        match level.format {
            Format::Bullet => return Some(Label::Bullet),
            Format::None if !level.text.contains('%') => return None,
            _ => {}
        }
        let values = *values;
        let label = fill_template(&level.text, |index| {
            let shown = self.level(instance, index);
            let value = values[index].unwrap_or_else(|| start(index));
            if level.legal {
                value.to_string()
            } else {
                shown.format.show(value)
            }
        });
        let label = label.trim().to_string();
        (!label.is_empty()).then_some(Label::Number(label))
    }
}

/// `%1.%2.` with each `%N` replaced by level N-1's shown value.
fn fill_template(template: &str, value: impl Fn(usize) -> String) -> String {
    let mut out = String::new();
    let mut chars = template.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '%'
            && let Some(digit) = chars.peek().and_then(|d| d.to_digit(10))
            && (1..=LEVELS as u32).contains(&digit)
        {
            chars.next();
            out.push_str(&value(digit as usize - 1));
        } else {
            out.push(c);
        }
    }
    out
}

fn level_index(element: &Element) -> Option<usize> {
    attribute(element, "ilvl")
        .and_then(|v| v.parse::<usize>().ok())
        .filter(|&i| i < LEVELS)
}

fn parse_level(lvl: &Element) -> Level {
    let value = |name: &str| lvl.child(name).and_then(|c| attribute(c, "val"));
    Level {
        start: value("start").and_then(|v| v.parse().ok()).unwrap_or(1),
        format: value("numFmt").map_or(Format::Decimal, |v| Format::parse(&v)),
        text: value("lvlText").unwrap_or_default(),
        legal: lvl
            .child("isLgl")
            .is_some_and(|e| attribute(e, "val").is_none_or(|v| v != "0" && v != "false")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const XML: &str = r#"<w:numbering xmlns:w="w">
      <w:abstractNum w:abstractNumId="1">
        <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl>
        <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1.%2."/></w:lvl>
        <w:lvl w:ilvl="2"><w:numFmt w:val="russianLower"/><w:lvlText w:val="%3)"/></w:lvl>
      </w:abstractNum>
      <w:abstractNum w:abstractNumId="2">
        <w:lvl w:ilvl="0"><w:numFmt w:val="upperRoman"/><w:lvlText w:val="%1."/></w:lvl>
        <w:lvl w:ilvl="1"><w:numFmt w:val="bullet"/><w:lvlText w:val="•"/></w:lvl>
      </w:abstractNum>
      <w:num w:numId="5"><w:abstractNumId w:val="1"/></w:num>
      <w:num w:numId="6"><w:abstractNumId w:val="1"/>
        <w:lvlOverride w:ilvl="0"><w:startOverride w:val="4"/></w:lvlOverride></w:num>
      <w:num w:numId="7"><w:abstractNumId w:val="2"/></w:num>
      <w:num w:numId="8"><w:abstractNumId w:val="1"/></w:num>
    </w:numbering>"#;

    fn labels(steps: &[(&str, usize)]) -> Vec<Option<Label>> {
        let numbering = Numbering::parse(XML);
        let mut counters = Counters::default();
        steps
            .iter()
            .map(|(num, ilvl)| numbering.next(&mut counters, num, *ilvl))
            .collect()
    }

    fn number(text: &str) -> Option<Label> {
        Some(Label::Number(text.into()))
    }

    #[test]
    fn levels_count_and_restart_below() {
        let got = labels(&[
            ("5", 0),
            ("5", 1),
            ("5", 1),
            ("5", 2),
            ("5", 2),
            ("5", 0),
            ("5", 1),
        ]);
        assert_eq!(
            got,
            [
                number("1."),
                number("1.1."),
                number("1.2."),
                number("а)"),
                number("б)"),
                number("2."),
                number("2.1.")
            ]
        );
    }

    #[test]
    fn instances_of_one_definition_share_a_count_until_one_restarts_it() {
        let got = labels(&[
            ("5", 0),
            ("5", 0),
            ("8", 0),
            ("6", 0),
            ("6", 0),
            ("5", 0),
            ("8", 1),
        ]);
        assert_eq!(
            got,
            [
                number("1."),
                number("2."),
                number("3."),
                number("4."),
                number("5."),
                number("6."),
                number("6.1.")
            ]
        );
    }

    #[test]
    fn roman_bullets_and_unknown_instances() {
        let got = labels(&[("7", 0), ("7", 1), ("7", 0), ("0", 0), ("99", 0)]);
        assert_eq!(
            got,
            [number("I."), Some(Label::Bullet), number("II."), None, None]
        );
    }

    #[test]
    fn formats() {
        assert_eq!(Format::LowerLetter.show(27), "aa");
        assert_eq!(Format::RussianLower.show(9), "и");
        assert_eq!(Format::RussianLower.show(10), "к");
        assert_eq!(Format::UpperRoman.show(14), "XIV");
        assert_eq!(Format::UpperRoman.show(u32::MAX), "MMMCMXCIX");
        assert_eq!(Format::LowerLetter.show(u32::MAX).chars().count(), 8);
        assert_eq!(Format::DecimalZero.show(3), "03");
    }
}
