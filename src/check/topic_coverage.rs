//! `topic-coverage`: a plan must cover named topics (suicide prevention and its parts, the
//! directions of the "Children of Kazakhstan" concept); the finding lists the missing ones.

use super::scope::{any_line_matches, units};
use super::{Hit, Input};
use crate::pack::{Scope, Topic};
use regex::Regex;

pub fn run(
    input: &Input<'_>,
    scope: Scope,
    when: Option<&Regex>,
    topics: &[Topic],
    min_topics: usize,
) -> Vec<Hit> {
    let lang = input.settings.lang;
    let mut hits = Vec::new();
    for unit in units(input, scope) {
        if let Some(when) = when
            && !any_line_matches(input, &unit.context, when)
        {
            continue;
        }
        let (covered, missing): (Vec<&Topic>, Vec<&Topic>) = topics
            .iter()
            .partition(|topic| any_line_matches(input, &unit.lines, &topic.pattern));
        if covered.len() < min_topics {
            let names = |list: &[&Topic]| {
                list.iter()
                    .map(|t| t.name.get(lang).to_string())
                    .collect::<Vec<_>>()
            };
            hits.push(
                Hit::at(unit.anchor.clone())
                    .with("missing", names(&missing).join(", "))
                    .with("covered", names(&covered).join(", "))
                    .with("missing_count", missing.len())
                    .with("covered_count", covered.len())
                    .with("required_count", min_topics),
            );
        }
    }
    hits
}
