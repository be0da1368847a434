//! `required-field`, `required-section` and `item-field`: something the document must state.

use super::{Hit, Input};

pub fn fields(input: &Input<'_>, fields: &[usize]) -> Vec<Hit> {
    let lang = input.settings.lang;
    fields
        .iter()
        .filter(|&&field| input.extraction.fields[field].is_none())
        .map(|&field| {
            Hit::at(input.document_start()).with("field", input.pack.fields[field].name.get(lang))
        })
        .collect()
}

pub fn sections(input: &Input<'_>, sections: &[usize]) -> Vec<Hit> {
    let lang = input.settings.lang;
    sections
        .iter()
        .filter(|&&section| input.extraction.hits_of(section).next().is_none())
        .map(|&section| {
            Hit::at(input.document_start())
                .with("section", input.pack.sections[section].name.get(lang))
        })
        .collect()
}

pub fn item_fields(
    input: &Input<'_>,
    item_type: usize,
    fields: &[usize],
    unless: &[String],
) -> Vec<Hit> {
    let lang = input.settings.lang;
    let definition = &input.pack.items[item_type];
    let mut hits = Vec::new();
    for item in input.items_of(item_type, unless) {
        for &field in fields {
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
    hits
}
