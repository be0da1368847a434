//! `pattern`: text that must appear in each part of a scope, or must never appear.

use super::scope::{Unit, any_line_matches, units};
use super::{Hit, Input};
use crate::pack::{Forbid, Scope};
use crate::parse::Line;
use regex::Regex;
use std::collections::BTreeMap;
use std::ops::Range;

pub fn run(
    input: &Input<'_>,
    scope: Scope,
    group: Option<&Regex>,
    when: Option<&Regex>,
    require: Option<&Regex>,
    forbid: Option<&Forbid>,
) -> Vec<Hit> {
    let mut hits = Vec::new();
    let units = units(input, scope);
    let groups = match group {
        Some(group) => grouped(input, &units, group),
        None => units.into_iter().map(|unit| vec![unit]).collect(),
    };
    for members in groups {
        let Some(first) = members.first() else {
            continue;
        };
        if let Some(when) = when
            && !members
                .iter()
                .any(|unit| any_line_matches(input, &unit.context, when))
        {
            continue;
        }
        if let Some(require) = require
            && !members
                .iter()
                .any(|unit| any_line_matches(input, &unit.lines, require))
        {
            let hit = Hit::at(first.anchor.clone());
            hits.push(match &first.number {
                Some(number) => hit.with("number", number.clone()),
                None => hit,
            });
        }
        if let Some(forbid) = forbid {
            for unit in &members {
                for line in &input.document.lines[unit.lines.clone()] {
                    for span in forbidden(input, line, forbid) {
                        let shown = input
                            .pack
                            .masker
                            .mask(&input.document.display(span.clone()));
                        hits.push(Hit::at(span).with("match", shown));
                    }
                }
            }
        }
    }
    hits
}

/// The source spans of a line where a forbidden pattern matches.
fn forbidden(input: &Input<'_>, line: &Line, forbid: &Forbid) -> Vec<Range<usize>> {
    match forbid {
        Forbid::Folded(regex) => regex
            .find_iter(line.text())
            .map(|found| line.folded.source_range(found.range()))
            .collect(),
        Forbid::Source(regex) => {
            let Some(source) = input.document.source.get(line.span.clone()) else {
                return Vec::new();
            };
            let view = crate::privacy::detection_view(source);
            let start = line.span.start;
            crate::privacy::find_trimmed(regex, &view)
                .into_iter()
                .map(|found| start + found.start..start + found.end)
                .collect()
        }
    }
}

/// Gathers units by the `key` their text captures; units that capture nothing drop out.
fn grouped(input: &Input<'_>, units: &[Unit], group: &Regex) -> Vec<Vec<Unit>> {
    let mut by_key: BTreeMap<String, (usize, Vec<Unit>)> = BTreeMap::new();
    for (order, unit) in units.iter().enumerate() {
        let mut keys: Vec<String> = Vec::new();
        for line in &input.document.lines[unit.lines.clone()] {
            for captures in group.captures_iter(line.text()) {
                let named_key = group
                    .capture_names()
                    .flatten()
                    .filter(|name| name.starts_with("key"))
                    .find_map(|name| captures.name(name));
                if let Some(key) = named_key {
                    let key: String = key
                        .as_str()
                        .chars()
                        .filter(|c| !c.is_whitespace())
                        .collect();
                    if !keys.contains(&key) {
                        keys.push(key);
                    }
                }
            }
        }
        for key in keys {
            by_key
                .entry(key)
                .or_insert_with(|| (order, Vec::new()))
                .1
                .push(unit.clone());
        }
    }
    // A later mention of the same child without the year ("Б.С.-ға") joins the group too.
    for (order, unit) in units.iter().enumerate() {
        for (key, (first, members)) in by_key.iter_mut() {
            let mentions = input.document.lines[unit.lines.clone()]
                .iter()
                .any(|line| line.text().contains(key.as_str()));
            let already = members.iter().any(|member| member.lines == unit.lines);
            if mentions && !already {
                members.push(unit.clone());
                *first = (*first).min(order);
            }
        }
    }
    let mut groups: Vec<(usize, Vec<Unit>)> = by_key.into_values().collect();
    groups.sort_by_key(|(order, _)| *order);
    groups.into_iter().map(|(_, members)| members).collect()
}
