//! `required-field`: header fields the document must state (its date, number, chair).

use super::{DocumentKind, Hit, Input};
use crate::pack::kind::non_empty;
use crate::pack::{Kind, Rule, RuleContext};
use serde::Deserialize;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Def {
    #[serde(default)]
    fields: Vec<String>,
}

#[derive(Debug)]
pub struct RequiredField {
    fields: Vec<usize>,
}

impl Kind for RequiredField {
    const NAME: &'static str = "required-field";
    type Def = Def;

    fn compile(def: Def, context: &RuleContext<'_>) -> Result<Self, String> {
        Ok(RequiredField {
            fields: non_empty(&def.fields, "fields")?
                .iter()
                .map(|f| context.field(f))
                .collect::<Result<_, _>>()?,
        })
    }
}

impl DocumentKind for RequiredField {
    fn run(&self, input: &Input<'_>, _: &Rule) -> Result<Vec<Hit>, String> {
        let lang = input.settings.lang;
        Ok(self
            .fields
            .iter()
            .filter(|&&field| input.extraction.fields[field].is_none())
            .map(|&field| {
                Hit::at(input.document_start())
                    .with("field", input.pack.fields[field].name.get(lang))
            })
            .collect())
    }

    fn nothing_to_judge(&self, input: &Input<'_>) -> Option<String> {
        self.fields
            .iter()
            .find(|&&field| input.extraction.fields[field].is_none())
            .map(|&field| format!("field `{}` is not read", input.pack.fields[field].id))
    }
}
