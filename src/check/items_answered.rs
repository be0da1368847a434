//! `items-answered`: every question on the agenda gets a decision.

use super::{DocumentKind, Hit, Input};
use crate::extract::Extraction;
use crate::pack::{Kind, Rule, RuleContext};
use serde::Deserialize;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Def {
    /// Where the questions are listed (the agenda).
    section: Option<String>,
    /// The section that answers a question (the decision).
    answered_by: Option<String>,
}

/// The numbered entries of `questions_in` (the agenda) are paired in order with the
/// document's questions; each question needs an `answered_by` section.
#[derive(Debug)]
pub struct ItemsAnswered {
    questions_in: usize,
    answered_by: usize,
}

impl Kind for ItemsAnswered {
    const NAME: &'static str = "items-answered";
    type Def = Def;

    fn compile(def: Def, context: &RuleContext<'_>) -> Result<Self, String> {
        Ok(ItemsAnswered {
            questions_in: context.section(
                def.section
                    .as_deref()
                    .ok_or("needs `section` (where the questions are listed)")?,
            )?,
            answered_by: context
                .section(def.answered_by.as_deref().ok_or("needs `answered_by`")?)?,
        })
    }
}

impl DocumentKind for ItemsAnswered {
    fn run(&self, input: &Input<'_>, _: &Rule) -> Result<Vec<Hit>, String> {
        Ok(unanswered(input, self.questions_in, self.answered_by))
    }

    fn nothing_to_judge(&self, input: &Input<'_>) -> Option<String> {
        let found = |section: usize| input.extraction.hits_of(section).next().is_some();
        (!(found(self.questions_in) && found(self.answered_by)))
            .then(|| "no agenda with questions answered by decisions".to_string())
    }
}

fn unanswered(input: &Input<'_>, questions_in: usize, answered_by: usize) -> Vec<Hit> {
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
