//! `pattern`: text that must appear in each part of a scope, or must never appear.

use super::scope::{any_line_matches, units};
use super::{Hit, Input};
use crate::pack::Scope;
use regex::Regex;

pub fn run(input: &Input<'_>, scope: Scope, when: Option<&Regex>, require: Option<&Regex>, forbid: Option<&Regex>) -> Vec<Hit> {
    let mut hits = Vec::new();
    for unit in units(input, scope) {
        if let Some(when) = when
            && !any_line_matches(input, &unit.context, when)
        {
            continue;
        }
        if let Some(require) = require
            && !any_line_matches(input, &unit.lines, require)
        {
            hits.push(Hit::at(unit.anchor.clone()));
        }
        if let Some(forbid) = forbid {
            for line in &input.document.lines[unit.lines.clone()] {
                for found in forbid.find_iter(line.text()) {
                    let span = line.folded.source_range(found.range());
                    let shown = input.pack.masker.mask(&input.document.display(span.clone()));
                    hits.push(Hit::at(span).with("match", shown));
                }
            }
        }
    }
    hits
}
