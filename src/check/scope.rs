//! The parts of a document a rule's scope names: the whole document, its first or last lines,
//! each occurrence of a section, each agenda question, each item.

use super::Input;
use crate::pack::Scope;
use std::ops::Range;

/// One part of the document a rule looks at.
#[derive(Debug, Clone)]
pub struct Unit {
    /// Lines searched for required and forbidden patterns.
    pub lines: Range<usize>,
    /// Lines a `when` pattern is tested on (a whole question, even when `lines` is one section of it).
    pub context: Range<usize>,
    /// Where a finding about the unit as a whole points.
    pub anchor: Range<usize>,
    /// The question's or item's number as the document writes it (a question without one
    /// counts from 1), for messages that name it.
    pub number: Option<String>,
}

/// What the scope names, when the document lacks it (no item, question or section of it).
pub fn absent(input: &Input<'_>, scope: Scope) -> Option<String> {
    let extraction = input.extraction;
    match scope {
        Scope::Item(item) => input
            .items_of(item, &[])
            .next()
            .is_none()
            .then(|| format!("no `{}` in the document", input.pack.items[item].id)),
        Scope::Question(_) => extraction
            .questions
            .is_empty()
            .then(|| "no agenda question in the document".to_string()),
        Scope::Section(section) => extraction
            .hits_of(section)
            .next()
            .is_none()
            .then(|| format!("section `{}` is not found", input.pack.sections[section].id)),
        Scope::Document | Scope::FirstLines(_) | Scope::LastLines(_) => None,
    }
}

pub fn units(input: &Input<'_>, scope: Scope) -> Vec<Unit> {
    let document = input.document;
    let total = document.lines.len();
    let anchor_of = |line: usize| -> Range<usize> {
        document
            .lines
            .get(line)
            .map_or_else(|| input.document_start(), |l| l.span.clone())
    };
    let whole = |lines: Range<usize>| -> Unit {
        let anchor = if lines.is_empty() {
            input.document_start()
        } else {
            anchor_of(lines.start)
        };
        Unit {
            context: lines.clone(),
            lines,
            anchor,
            number: None,
        }
    };
    let question_number = |index: usize, lines: &Range<usize>| -> String {
        document
            .lines
            .get(lines.start)
            .and_then(|line| crate::extract::leading_number(line.text()))
            .unwrap_or_else(|| (index + 1).to_string())
    };
    match scope {
        Scope::Document => vec![Unit {
            lines: 0..total,
            context: 0..total,
            anchor: input.document_start(),
            number: None,
        }],
        Scope::FirstLines(n) => vec![whole(0..n.min(total))],
        Scope::LastLines(n) => vec![whole(total.saturating_sub(n)..total)],
        Scope::Section(section) => input
            .extraction
            .hits_of(section)
            .map(|hit| whole(hit.lines.clone()))
            .collect(),
        Scope::Question(None) => input
            .extraction
            .questions
            .iter()
            .enumerate()
            .map(|(index, q)| Unit {
                number: Some(question_number(index, &q.lines)),
                ..whole(q.lines.clone())
            })
            .collect(),
        Scope::Question(Some(section)) => input
            .extraction
            .questions
            .iter()
            .enumerate()
            .filter_map(|(index, question)| {
                let hit = input
                    .extraction
                    .hits_of(section)
                    .find(|hit| question.lines.contains(&hit.lines.start))?;
                let end = hit.lines.end.min(question.lines.end);
                Some(Unit {
                    lines: hit.lines.start..end,
                    context: question.lines.clone(),
                    anchor: anchor_of(hit.lines.start),
                    number: Some(question_number(index, &question.lines)),
                })
            })
            .collect(),
        Scope::Item(item_type) => input
            .extraction
            .items
            .iter()
            .filter(|item| item.item_type == item_type)
            .map(|item| Unit {
                lines: item.lines.clone(),
                // `when` asks about the item's surroundings: the question it answers.
                context: item
                    .question
                    .and_then(|q| input.extraction.questions.get(q))
                    .map_or_else(|| item.lines.clone(), |q| q.lines.clone()),
                anchor: item.span.clone(),
                number: item.number.clone(),
            })
            .collect(),
    }
}

/// True when `regex` matches in the lines (searched as one text, in one call).
pub fn any_line_matches(
    input: &Input<'_>,
    lines: &Range<usize>,
    regex: &crate::pack::Matcher,
) -> bool {
    regex.is_match(input.document.text_of(lines.clone()).0)
}
