//! `topic-coverage`: a plan must cover named topics (suicide prevention and its parts, the
//! directions of the "Children of Kazakhstan" concept); the finding lists the missing ones.

use super::scope::{any_line_matches, units};
use super::{DocumentKind, Hit, Input};
use crate::lang::Localized;
use crate::pack::Matcher;
use crate::pack::{Kind, LazyRegex, Rule, RuleContext, Scope, ScopeDef};
use serde::Deserialize;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Def {
    #[serde(flatten)]
    scope: ScopeDef,
    /// Only parts where one of these patterns matches are looked at.
    #[serde(default)]
    when: Vec<String>,
    #[serde(default)]
    topics: Vec<TopicDef>,
    /// How many topics must be covered (default: all).
    #[serde(default)]
    min_topics: Option<usize>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TopicDef {
    id: String,
    name: Localized,
    patterns: Vec<String>,
}

#[derive(Debug)]
pub struct TopicCoverage {
    scope: Scope,
    when: Option<LazyRegex>,
    topics: Vec<Topic>,
    min_topics: usize,
}

#[derive(Debug)]
struct Topic {
    name: Localized,
    pattern: LazyRegex,
}

impl Kind for TopicCoverage {
    const NAME: &'static str = "topic-coverage";
    type Def = Def;

    fn compile(def: Def, context: &RuleContext<'_>) -> Result<Self, String> {
        let topics = def
            .topics
            .iter()
            .map(|t| {
                Ok(Topic {
                    name: t.name.clone(),
                    pattern: context
                        .regex(&t.patterns)?
                        .ok_or_else(|| format!("topic `{}` has no patterns", t.id))?,
                })
            })
            .collect::<Result<Vec<_>, String>>()?;
        if topics.is_empty() {
            return Err("needs `topics`".into());
        }
        let min_topics = def.min_topics.unwrap_or(topics.len()).min(topics.len());
        Ok(TopicCoverage {
            scope: context.scope(&def.scope)?,
            when: context.regex(&def.when)?,
            topics,
            min_topics,
        })
    }
}

impl DocumentKind for TopicCoverage {
    fn run(&self, input: &Input<'_>, _: &Rule) -> Result<Vec<Hit>, String> {
        Ok(uncovered(
            input,
            self.scope,
            self.when.as_deref(),
            &self.topics,
            self.min_topics,
        ))
    }

    fn nothing_to_judge(&self, input: &Input<'_>) -> Option<String> {
        let when = self.when.as_ref()?;
        (!input
            .document
            .lines
            .iter()
            .any(|line| when.is_match(line.text())))
        .then(|| "the document does not mention what the rule looks for".to_string())
    }
}

fn uncovered(
    input: &Input<'_>,
    scope: Scope,
    when: Option<&Matcher>,
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
