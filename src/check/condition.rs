//! `condition`: a minijinja expression over the extracted fields (and an item's fields); the
//! rule fires where it is true.

use super::{DocumentKind, Hit, Input, template_value};
use crate::pack::{Kind, Rule, RuleContext};
use minijinja::Value;
use serde::Deserialize;
use std::collections::BTreeMap;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Def {
    condition: Option<String>,
    /// Evaluate once per item of this type, with `item` in the expression.
    #[serde(default)]
    item: Option<String>,
    #[serde(default)]
    unless: Vec<String>,
    /// The field whose place the finding points at: a document field, or with `item` one
    /// of the item's fields.
    #[serde(default)]
    at: Option<String>,
}

pub struct Condition {
    expression: String,
    /// The expression as a template that renders `1` where it holds.
    template: minijinja::Environment<'static>,
    item: Option<usize>,
    unless: Vec<String>,
    at: Option<usize>,
}

impl std::fmt::Debug for Condition {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Condition")
            .field("expression", &self.expression)
            .field("item", &self.item)
            .field("unless", &self.unless)
            .field("at", &self.at)
            .finish()
    }
}

const TEMPLATE: &str = "condition";

impl Kind for Condition {
    const NAME: &'static str = "condition";
    type Def = Def;

    fn compile(def: Def, context: &RuleContext<'_>) -> Result<Self, String> {
        let expression = def.condition.ok_or("needs `condition`")?;
        let item = def.item.as_deref().map(|i| context.item(i)).transpose()?;
        let unless = match item {
            Some(item) => context.classes(item, &def.unless)?,
            None if def.unless.is_empty() => Vec::new(),
            None => return Err("`unless` names item classes: it needs `item`".into()),
        };
        let at = match (item, def.at.as_deref()) {
            (_, None) => None,
            (None, Some(field)) => Some(context.field(field)?),
            (Some(item), Some(field)) => Some(context.item_field(item, field)?),
        };
        let mut template = minijinja::Environment::new();
        template.set_undefined_behavior(minijinja::UndefinedBehavior::Lenient);
        template
            .add_template_owned(TEMPLATE, format!("{{% if {expression} %}}1{{% endif %}}"))
            .map_err(|e| format!("condition: {e}"))?;
        Ok(Condition {
            expression,
            template,
            item,
            unless,
            at,
        })
    }
}

impl DocumentKind for Condition {
    fn run(&self, input: &Input<'_>, rule: &Rule) -> Result<Vec<Hit>, String> {
        holds_where(self, input, rule)
    }

    fn nothing_to_judge(&self, input: &Input<'_>) -> Option<String> {
        match (self.item, self.at) {
            (Some(item), at) => {
                let judged = input
                    .items_of(item, &self.unless)
                    .any(|found| at.is_none_or(|f| found.fields[f].is_some()));
                (!judged).then(|| format!("no `{}` the condition reads", input.pack.items[item].id))
            }
            (None, Some(field)) => input.extraction.fields[field]
                .is_none()
                .then(|| format!("field `{}` is not read", input.pack.fields[field].id)),
            (None, None) => None,
        }
    }
}

fn holds_where(condition: &Condition, input: &Input<'_>, rule: &Rule) -> Result<Vec<Hit>, String> {
    let (item_type, unless, at) = (condition.item, &condition.unless, condition.at);
    let template = condition
        .template
        .get_template(TEMPLATE)
        .map_err(|e| e.to_string())?;
    // Made a value once: each item's context layers `item` over it (`context!`'s merge) rather
    // than copying every field, which showed in profiles of large audits.
    let base = input.base_context(rule);
    let holds = |context: &Value| -> Result<bool, String> {
        template
            .render(context)
            .map(|out| out.trim() == "1")
            .map_err(|e| e.to_string())
    };
    let Some(item_type) = item_type else {
        if !holds(&base)? {
            return Ok(Vec::new());
        }
        let span = at
            .and_then(|field| input.extraction.fields[field].as_ref())
            .map_or_else(|| input.document_start(), |found| found.span.clone());
        return Ok(vec![Hit::at(span)]);
    };
    let definition = &input.pack.items[item_type];
    let mut hits = Vec::new();
    for item in input.items_of(item_type, unless) {
        let mut fields: BTreeMap<String, Value> = BTreeMap::new();
        for (field, value) in definition.fields.iter().zip(&item.fields) {
            if let Some(found) = value {
                fields.insert(field.id.clone(), template_value(&found.value));
            }
        }
        fields.insert("number".into(), Value::from(item.label.clone()));
        fields.insert("classes".into(), Value::from(item.classes.clone()));
        // A map of template values is one already: no round through serde.
        let item_value = Value::from(fields);
        let context = minijinja::context! { item => item_value.clone(), ..base.clone() };
        if holds(&context)? {
            let span = at
                .and_then(|field| item.fields.get(field))
                .and_then(|found| found.as_ref())
                .map_or_else(|| item.span.clone(), |found| found.span.clone());
            hits.push(
                Hit::at(span)
                    .with("item", item_value)
                    .with("number", item.label.clone()),
            );
        }
    }
    Ok(hits)
}
