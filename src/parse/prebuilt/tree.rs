//! A syntax tree in a form that is written to bytes and read back: `regex_syntax`'s `Hir` has
//! no serialisation of its own.

#[cfg(test)]
use regex_syntax::hir::HirKind;
use regex_syntax::hir::{
    Capture, Class, ClassBytes, ClassBytesRange, ClassUnicode, ClassUnicodeRange, Hir, Look,
    Repetition,
};
use serde::{Deserialize, Serialize};
#[cfg(test)]
use std::collections::HashMap;

/// One node of a tree. A Unicode class is named by its place in a [`ClassTable`]: the same few
/// (`\w`, `\s`, `\W` narrowed) come back in nearly every pattern.
#[derive(Debug, Serialize, Deserialize)]
pub enum Node {
    Empty,
    Literal(Vec<u8>),
    Class(u32),
    Bytes(Vec<(u8, u8)>),
    Look(u32),
    Repetition {
        min: u32,
        max: Option<u32>,
        greedy: bool,
        sub: Box<Node>,
    },
    Capture {
        index: u32,
        name: Option<String>,
        sub: Box<Node>,
    },
    Concat(Vec<Node>),
    Alternation(Vec<Node>),
}

/// Unicode classes as ranges of code points, each written once. (Trees are written by a test:
/// see the parent module.)
#[cfg(test)]
#[derive(Default)]
pub struct ClassTable {
    pub classes: Vec<Vec<(u32, u32)>>,
    places: HashMap<Vec<(u32, u32)>, u32>,
}

#[cfg(test)]
impl ClassTable {
    fn place(&mut self, class: &ClassUnicode) -> u32 {
        let ranges: Vec<(u32, u32)> = class
            .ranges()
            .iter()
            .map(|range| (u32::from(range.start()), u32::from(range.end())))
            .collect();
        if let Some(&place) = self.places.get(&ranges) {
            return place;
        }
        let place = u32::try_from(self.classes.len()).unwrap_or(u32::MAX);
        self.classes.push(ranges.clone());
        self.places.insert(ranges, place);
        place
    }
}

/// `hir` as a node, its classes added to `classes`.
#[cfg(test)]
pub fn node(hir: &Hir, classes: &mut ClassTable) -> Node {
    match hir.kind() {
        HirKind::Empty => Node::Empty,
        HirKind::Literal(literal) => Node::Literal(literal.0.to_vec()),
        HirKind::Class(Class::Unicode(class)) => Node::Class(classes.place(class)),
        HirKind::Class(Class::Bytes(class)) => Node::Bytes(
            class
                .ranges()
                .iter()
                .map(|range| (range.start(), range.end()))
                .collect(),
        ),
        HirKind::Look(look) => Node::Look(look.as_repr()),
        HirKind::Repetition(repetition) => Node::Repetition {
            min: repetition.min,
            max: repetition.max,
            greedy: repetition.greedy,
            sub: Box::new(node(&repetition.sub, classes)),
        },
        HirKind::Capture(capture) => Node::Capture {
            index: capture.index,
            name: capture.name.as_deref().map(str::to_string),
            sub: Box::new(node(&capture.sub, classes)),
        },
        HirKind::Concat(parts) => Node::Concat(parts.iter().map(|h| node(h, classes)).collect()),
        HirKind::Alternation(branches) => {
            Node::Alternation(branches.iter().map(|h| node(h, classes)).collect())
        }
    }
}

/// The classes of a table as `regex_syntax` classes; `None` for a code point that is not a
/// character (the bytes were not written by [`node`]).
pub fn unicode_classes(table: &[Vec<(u32, u32)>]) -> Option<Vec<ClassUnicode>> {
    table
        .iter()
        .map(|ranges| {
            ranges
                .iter()
                .map(|&(start, end)| {
                    Some(ClassUnicodeRange::new(
                        char::from_u32(start)?,
                        char::from_u32(end)?,
                    ))
                })
                .collect::<Option<Vec<_>>>()
                .map(ClassUnicode::new)
        })
        .collect()
}

/// The tree a node stands for; `None` when it names a class or an assertion that does not
/// exist. Built with `Hir`'s own constructors, which the tree written was made with too, so the
/// tree read back is the tree written.
pub fn hir(node: &Node, classes: &[ClassUnicode]) -> Option<Hir> {
    Some(match node {
        Node::Empty => Hir::empty(),
        Node::Literal(bytes) => Hir::literal(bytes.clone()),
        Node::Class(place) => Hir::class(Class::Unicode(
            classes.get(usize::try_from(*place).ok()?)?.clone(),
        )),
        Node::Bytes(ranges) => Hir::class(Class::Bytes(ClassBytes::new(
            ranges
                .iter()
                .map(|&(start, end)| ClassBytesRange::new(start, end)),
        ))),
        Node::Look(repr) => Hir::look(Look::from_repr(*repr)?),
        Node::Repetition {
            min,
            max,
            greedy,
            sub,
        } => Hir::repetition(Repetition {
            min: *min,
            max: *max,
            greedy: *greedy,
            sub: Box::new(hir(sub, classes)?),
        }),
        Node::Capture { index, name, sub } => Hir::capture(Capture {
            index: *index,
            name: name.as_deref().map(Box::from),
            sub: Box::new(hir(sub, classes)?),
        }),
        Node::Concat(parts) => Hir::concat(all(parts, classes)?),
        Node::Alternation(branches) => Hir::alternation(all(branches, classes)?),
    })
}

fn all(nodes: &[Node], classes: &[ClassUnicode]) -> Option<Vec<Hir>> {
    nodes.iter().map(|n| hir(n, classes)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_tree_written_and_read_back_is_the_same() {
        for pattern in [
            r"(?m)^\W*(?P<n>\d{1,3})(?:\.\d+)*\s+(?i:протокол|хаттама)\w*$",
            r"(?s)a.{2,}?b|[^\p{L}\p{N}_]+|(?-u:\w[\x00-\x7F])",
            r"\bслово\B|(x)|(?:)|\A\z",
        ] {
            let tree = regex_syntax::ParserBuilder::new()
                .build()
                .parse(pattern)
                .unwrap();
            let mut table = ClassTable::default();
            let written = node(&tree, &mut table);
            let bytes = postcard::to_allocvec(&written).unwrap();
            let read: Node = postcard::from_bytes(&bytes).unwrap();
            let classes = unicode_classes(&table.classes).unwrap();
            assert_eq!(hir(&read, &classes).unwrap(), tree, "{pattern}");
        }
    }

    #[test]
    fn a_class_or_assertion_that_does_not_exist_reads_as_none() {
        assert!(hir(&Node::Class(3), &[]).is_none());
        assert!(hir(&Node::Look(u32::MAX), &[]).is_none());
        assert!(unicode_classes(&[vec![(0xD800, 0xD800)]]).is_none());
    }
}
