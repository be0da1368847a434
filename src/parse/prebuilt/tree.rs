//! A syntax tree in a form that is written to bytes and read back: `regex_syntax`'s `Hir` has
//! no serialisation of its own.
//!
//! A tree is written as a list of steps in post-order (children before their parent), so that
//! reading it back allocates only the tree itself: each step builds one node from the nodes
//! the steps before it left on a stack.

#[cfg(test)]
use regex_syntax::hir::HirKind;
use regex_syntax::hir::{
    Capture, Class, ClassBytes, ClassBytesRange, ClassUnicode, ClassUnicodeRange, Hir, Look,
    Repetition,
};
use serde::{Deserialize, Serialize};
#[cfg(test)]
use std::collections::HashMap;

/// One step. A Unicode class is named by its place in a [`ClassTable`]: the same few (`\w`,
/// `\s`, `\W` narrowed) come back in nearly every pattern.
#[derive(Debug, Serialize, Deserialize)]
pub enum Step<'a> {
    Empty,
    Literal(&'a [u8]),
    Class(u32),
    Bytes(Vec<(u8, u8)>),
    Look(u32),
    /// Of the node on top of the stack.
    Repetition {
        min: u32,
        max: Option<u32>,
        greedy: bool,
    },
    /// Of the node on top of the stack.
    Capture {
        index: u32,
        name: Option<&'a str>,
    },
    /// Of the given number of nodes on top of the stack, in order.
    Concat(u32),
    Alternation(u32),
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

/// The steps that build `hir`, appended to `steps`; its classes added to `classes`.
#[cfg(test)]
pub fn steps<'h>(hir: &'h Hir, classes: &mut ClassTable, steps: &mut Vec<Step<'h>>) {
    let count = |hirs: &[Hir]| u32::try_from(hirs.len()).unwrap_or(u32::MAX);
    match hir.kind() {
        HirKind::Empty => steps.push(Step::Empty),
        HirKind::Literal(literal) => steps.push(Step::Literal(&literal.0)),
        HirKind::Class(Class::Unicode(class)) => steps.push(Step::Class(classes.place(class))),
        HirKind::Class(Class::Bytes(class)) => steps.push(Step::Bytes(
            class
                .ranges()
                .iter()
                .map(|range| (range.start(), range.end()))
                .collect(),
        )),
        HirKind::Look(look) => steps.push(Step::Look(look.as_repr())),
        HirKind::Repetition(repetition) => {
            self::steps(&repetition.sub, classes, steps);
            steps.push(Step::Repetition {
                min: repetition.min,
                max: repetition.max,
                greedy: repetition.greedy,
            });
        }
        HirKind::Capture(capture) => {
            self::steps(&capture.sub, classes, steps);
            steps.push(Step::Capture {
                index: capture.index,
                name: capture.name.as_deref(),
            });
        }
        HirKind::Concat(parts) => {
            for part in parts {
                self::steps(part, classes, steps);
            }
            steps.push(Step::Concat(count(parts)));
        }
        HirKind::Alternation(branches) => {
            for branch in branches {
                self::steps(branch, classes, steps);
            }
            steps.push(Step::Alternation(count(branches)));
        }
    }
}

/// The classes of a table as `regex_syntax` classes; `None` for a code point that is not a
/// character (the bytes were not written by [`steps`]).
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

/// The tree the steps build; `None` when they do not make one tree, or name a class or an
/// assertion that does not exist. Built with `Hir`'s own constructors, which the tree written
/// was made with too, so the tree read back is the tree written.
pub fn hir(steps: &[Step], classes: &[ClassUnicode]) -> Option<Hir> {
    let mut stack: Vec<Hir> = Vec::new();
    for step in steps {
        let node = match step {
            Step::Empty => Hir::empty(),
            Step::Literal(bytes) => Hir::literal(*bytes),
            Step::Class(place) => Hir::class(Class::Unicode(
                classes.get(usize::try_from(*place).ok()?)?.clone(),
            )),
            Step::Bytes(ranges) => Hir::class(Class::Bytes(ClassBytes::new(
                ranges
                    .iter()
                    .map(|&(start, end)| ClassBytesRange::new(start, end)),
            ))),
            Step::Look(repr) => Hir::look(Look::from_repr(*repr)?),
            Step::Repetition { min, max, greedy } => Hir::repetition(Repetition {
                min: *min,
                max: *max,
                greedy: *greedy,
                sub: Box::new(stack.pop()?),
            }),
            Step::Capture { index, name } => Hir::capture(Capture {
                index: *index,
                name: name.map(Box::from),
                sub: Box::new(stack.pop()?),
            }),
            Step::Concat(count) => Hir::concat(top(&mut stack, *count)?),
            Step::Alternation(count) => Hir::alternation(top(&mut stack, *count)?),
        };
        stack.push(node);
    }
    let tree = stack.pop()?;
    stack.is_empty().then_some(tree)
}

/// The `count` nodes on top of the stack, in the order they were pushed.
fn top(stack: &mut Vec<Hir>, count: u32) -> Option<Vec<Hir>> {
    let count = usize::try_from(count).ok()?;
    let from = stack.len().checked_sub(count)?;
    Some(stack.split_off(from))
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
            let mut written = Vec::new();
            steps(&tree, &mut table, &mut written);
            let bytes = postcard::to_allocvec(&written).unwrap();
            let read: Vec<Step> = postcard::from_bytes(&bytes).unwrap();
            let classes = unicode_classes(&table.classes).unwrap();
            assert_eq!(hir(&read, &classes).unwrap(), tree, "{pattern}");
        }
    }

    #[test]
    fn steps_that_do_not_make_one_tree_read_as_none() {
        assert!(hir(&[Step::Class(3)], &[]).is_none());
        assert!(hir(&[Step::Look(u32::MAX)], &[]).is_none());
        assert!(hir(&[Step::Concat(2)], &[]).is_none());
        assert!(hir(&[Step::Empty, Step::Empty], &[]).is_none());
        assert!(hir(&[], &[]).is_none());
        assert!(unicode_classes(&[vec![(0xD800, 0xD800)]]).is_none());
    }
}
