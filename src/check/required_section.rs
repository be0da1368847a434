//! `required-section`: sections the document must have (the agenda, the decisions).

use super::{DocumentKind, Hit, Input};
use crate::pack::kind::non_empty;
use crate::pack::{Kind, Rule, RuleContext};
use serde::Deserialize;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Def {
    #[serde(default)]
    sections: Vec<String>,
}

#[derive(Debug)]
pub struct RequiredSection {
    sections: Vec<usize>,
}

impl Kind for RequiredSection {
    const NAME: &'static str = "required-section";
    type Def = Def;

    fn compile(def: Def, context: &RuleContext<'_>) -> Result<Self, String> {
        Ok(RequiredSection {
            sections: non_empty(&def.sections, "sections")?
                .iter()
                .map(|s| context.section(s))
                .collect::<Result<_, _>>()?,
        })
    }
}

impl DocumentKind for RequiredSection {
    fn run(&self, input: &Input<'_>, _: &Rule) -> Result<Vec<Hit>, String> {
        let lang = input.settings.lang;
        Ok(self
            .sections
            .iter()
            .filter(|&&section| input.extraction.hits_of(section).next().is_none())
            .map(|&section| {
                Hit::at(input.document_start())
                    .with("section", input.pack.sections[section].name.get(lang))
            })
            .collect())
    }

    fn nothing_to_judge(&self, input: &Input<'_>) -> Option<String> {
        self.sections
            .iter()
            .find(|&&section| input.extraction.hits_of(section).next().is_none())
            .map(|&section| format!("section `{}` is not found", input.pack.sections[section].id))
    }
}
