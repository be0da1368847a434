//! `item-field`: fields every item must state (each decision its executor and deadline).

use super::{DocumentKind, Hit, Input};
use crate::pack::kind::non_empty;
use crate::pack::{Kind, Rule, RuleContext};
use serde::Deserialize;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Def {
    item: Option<String>,
    #[serde(default)]
    fields: Vec<String>,
    /// Classes of items exempt (informational decisions need no deadline).
    #[serde(default)]
    unless: Vec<String>,
}

#[derive(Debug)]
pub struct ItemField {
    item: usize,
    fields: Vec<usize>,
    unless: Vec<String>,
}

impl Kind for ItemField {
    const NAME: &'static str = "item-field";
    type Def = Def;

    fn compile(def: Def, context: &RuleContext<'_>) -> Result<Self, String> {
        let item = context.item(def.item.as_deref().ok_or("needs `item`")?)?;
        Ok(ItemField {
            item,
            fields: non_empty(&def.fields, "fields")?
                .iter()
                .map(|f| context.item_field(item, f))
                .collect::<Result<_, _>>()?,
            unless: context.classes(item, &def.unless)?,
        })
    }
}

impl DocumentKind for ItemField {
    fn run(&self, input: &Input<'_>, _: &Rule) -> Result<Vec<Hit>, String> {
        let lang = input.settings.lang;
        let definition = &input.pack.items[self.item];
        let mut hits = Vec::new();
        for item in input.items_of(self.item, &self.unless) {
            for &field in &self.fields {
                if item.fields[field].is_none() {
                    hits.push(
                        Hit::at(item.span.clone())
                            .with("field", definition.fields[field].name.get(lang))
                            .with("item_name", definition.name.get(lang))
                            .with("number", item.label.clone()),
                    );
                }
            }
        }
        Ok(hits)
    }

    fn nothing_to_judge(&self, input: &Input<'_>) -> Option<String> {
        let complete = input
            .items_of(self.item, &self.unless)
            .any(|item| self.fields.iter().all(|&f| item.fields[f].is_some()));
        let definition = &input.pack.items[self.item];
        (!complete).then(|| {
            let fields: Vec<&str> = self
                .fields
                .iter()
                .map(|&f| definition.fields[f].id.as_str())
                .collect();
            format!("no `{}` with all of its fields {fields:?}", definition.id)
        })
    }
}
