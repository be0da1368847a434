//! `personal-id`: individual identification numbers (ИИН/ЖСН) with a valid check digit.

use super::scope::units;
use super::{DocumentKind, Hit, Input};
use crate::pack::{Kind, Rule, RuleContext, Scope, ScopeDef};
use serde::Deserialize;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Def {
    #[serde(flatten)]
    scope: ScopeDef,
}

#[derive(Debug)]
pub struct PersonalId {
    scope: Scope,
}

impl Kind for PersonalId {
    const NAME: &'static str = "personal-id";
    type Def = Def;

    fn compile(def: Def, context: &RuleContext<'_>) -> Result<Self, String> {
        Ok(PersonalId {
            scope: context.scope(&def.scope)?,
        })
    }
}

impl DocumentKind for PersonalId {
    fn run(&self, input: &Input<'_>, _: &Rule) -> Result<Vec<Hit>, String> {
        Ok(find(input, self.scope))
    }
}

fn find(input: &Input<'_>, scope: Scope) -> Vec<Hit> {
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
