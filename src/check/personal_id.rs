//! `personal-id`: individual identification numbers (ИИН/ЖСН) with a valid check digit.

use super::scope::units;
use super::{Hit, Input};
use crate::pack::Scope;

pub fn run(input: &Input<'_>, scope: Scope) -> Vec<Hit> {
    let mut hits = Vec::new();
    for unit in units(input, scope) {
        for line in &input.document.lines[unit.lines] {
            for range in crate::privacy::find_iins(line.text()) {
                hits.push(Hit::at(line.folded.source_range(range)));
            }
        }
    }
    hits
}
