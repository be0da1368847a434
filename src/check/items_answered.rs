//! `items-answered`: every question on the agenda gets a decision.

use super::{Hit, Input};
use crate::extract::Extraction;

pub fn run(input: &Input<'_>, questions_in: usize, answered_by: usize) -> Vec<Hit> {
    let extraction: &Extraction = input.extraction;
    let document = input.document;
    let mut agenda = Vec::new();
    for hit in extraction.hits_of(questions_in) {
        for index in hit.lines.start + 1..hit.lines.end {
            let line = &document.lines[index];
            let numbered = line.style.list_number.is_some()
                || crate::extract::leading_number(line.text()).is_some();
            if numbered && !line.text().trim().is_empty() {
                agenda.push(index);
            }
        }
    }
    let answered: Vec<bool> = if !extraction.questions.is_empty() {
        extraction
            .questions
            .iter()
            .map(|q| {
                extraction
                    .hits_of(answered_by)
                    .any(|hit| q.lines.contains(&hit.lines.start))
            })
            .collect()
    } else {
        vec![true; extraction.hits_of(answered_by).count()]
    };
    agenda
        .iter()
        .enumerate()
        .filter(|(position, _)| !answered.get(*position).copied().unwrap_or(false))
        .map(|(position, &line)| {
            let span = document.lines[line].span.clone();
            Hit::at(span.clone())
                .with("number", (position + 1) as i64)
                .with("question", input.pack.masker.mask(&document.display(span)))
        })
        .collect()
}
