//! `condition`: a minijinja expression over the extracted fields (and an item's fields); the
//! rule fires where it is true.

use super::{FromSerde, Hit, Input, template_value};
use crate::pack::Rule;
use minijinja::Value;
use std::collections::BTreeMap;

pub fn run(
    input: &Input<'_>,
    rule: &Rule,
    item_type: Option<usize>,
    unless: &[String],
    at: Option<usize>,
) -> Result<Vec<Hit>, String> {
    let template = input
        .pack
        .templates
        .get_template(&rule.condition_name())
        .map_err(|e| e.to_string())?;
    let base = input.base_context(rule);
    let holds = |context: &BTreeMap<String, Value>| -> Result<bool, String> {
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
        fields.insert("classes".into(), Value::from_serde(&item.classes));
        let mut context = base.clone();
        context.insert("item".into(), Value::from_serde(&fields));
        if holds(&context)? {
            let span = at
                .and_then(|field| item.fields.get(field))
                .and_then(|found| found.as_ref())
                .map_or_else(|| item.span.clone(), |found| found.span.clone());
            hits.push(
                Hit::at(span)
                    .with("item", Value::from_serde(&fields))
                    .with("number", item.label.clone()),
            );
        }
    }
    Ok(hits)
}
