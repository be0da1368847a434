//! `hattama inspect FILE`: what extraction found in a document (kind, fields, sections, items),
//! so a rule author can see why a rule fires or stays silent.

use crate::check::template_value;
use crate::extract::Extraction;
use crate::lang::Lang;
use crate::pack::Pack;
use crate::parse::Document;
use std::io::Write;

pub fn render(
    document: &Document,
    extraction: &Extraction,
    pack: &Pack,
    lang: Lang,
    out: &mut dyn Write,
) -> std::io::Result<()> {
    let position = |offset: usize| {
        let p = document.index.position(&document.source, offset);
        format!("{}:{}", p.line, p.column)
    };
    let kind = extraction
        .kind
        .map_or("-", |k| pack.kinds[k].name.get(lang));
    writeln!(out, "{}: {kind}", document.path)?;
    writeln!(out, "fields:")?;
    for (field, value) in pack.fields.iter().zip(&extraction.fields) {
        if let Some(found) = value {
            writeln!(
                out,
                "  {:24} {:8} {}",
                field.id,
                position(found.span.start),
                template_value(&found.value)
            )?;
        }
    }
    writeln!(out, "sections:")?;
    for hit in &extraction.sections {
        let line = &document.lines[hit.lines.start];
        writeln!(
            out,
            "  {:24} {:8} lines {}",
            pack.sections[hit.section].id,
            position(line.span.start),
            hit.lines.len()
        )?;
    }
    writeln!(out, "questions: {}", extraction.questions.len())?;
    writeln!(out, "items:")?;
    for item in &extraction.items {
        let definition = &pack.items[item.item_type];
        write!(
            out,
            "  {:10} {:6} {:8}",
            definition.id,
            item.number.as_deref().unwrap_or("-"),
            position(item.span.start)
        )?;
        if !item.classes.is_empty() {
            write!(out, " [{}]", item.classes.join(","))?;
        }
        for (field, value) in definition.fields.iter().zip(&item.fields) {
            if let Some(found) = value {
                write!(out, " {}={}", field.id, template_value(&found.value))?;
            }
        }
        writeln!(out)?;
    }
    Ok(())
}
