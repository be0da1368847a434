//! `hattama inspect FILE`: what extraction found in a document (its kind and why, fields,
//! sections, items), so a secretary sees what hattama read and a rule author sees why a rule
//! fires or stays silent.
//!
//! The view is for people: everything is named in the reader's language (fields, sections and
//! items by the pack's `name`, the view's own words from templates/labels.yaml), values are
//! shown as they read in the document, and personal data is masked as in every report.

mod shown;
mod why_kind;

use crate::extract::Extraction;
use crate::lang::Lang;
use crate::pack::Pack;
use crate::parse::Document;
use crate::report::labels::label;
use shown::Shown;
use std::io::Write;
use std::ops::Range;
use why_kind::Signal;

/// The name column is at most this wide; a longer name pushes its line's values right.
const MAX_NAME_WIDTH: usize = 32;
/// A title line longer than this is cut (it is evidence, not content).
const MAX_TITLE_CHARS: usize = 90;
/// Lines of the view end by this column; a longer value goes on in lines of its own, set in
/// under its start.
const LINE_WIDTH: usize = 100;
/// A value column starting further right than this is not wrapped (it would be too narrow).
const MAX_WRAP_INDENT: usize = 60;

pub fn render(
    document: &Document,
    extraction: &Extraction,
    pack: &Pack,
    lang: Lang,
    out: &mut dyn Write,
) -> std::io::Result<()> {
    let shown = Shown::new(document, &pack.masker, lang);
    let position = |offset: usize| {
        let p = document.index.position(&document.source, offset);
        format!("{}:{}", p.line, p.column)
    };

    let field_names: Vec<String> = pack
        .fields
        .iter()
        .map(|f| capital(f.name.get(lang)))
        .collect();
    let section_names: Vec<String> = pack
        .sections
        .iter()
        .map(|s| capital(s.name.get(lang)))
        .collect();
    let item_titles: Vec<String> = extraction
        .items
        .iter()
        .map(|item| {
            let name = capital(pack.items[item.item_type].name.get(lang));
            match &item.number {
                Some(number) => format!("{name} {number}"),
                None => name,
            }
        })
        .collect();
    let width = extraction
        .fields
        .iter()
        .zip(&field_names)
        .filter(|(found, _)| found.is_some())
        .map(|(_, name)| name)
        .chain(
            extraction
                .sections
                .iter()
                .map(|hit| &section_names[hit.section]),
        )
        .chain(&item_titles)
        .map(|name| name.chars().count())
        .max()
        .unwrap_or(0)
        .min(MAX_NAME_WIDTH);

    writeln!(
        out,
        "{}: {}",
        label(lang, "inspect_document"),
        document.path
    )?;
    let kind = extraction
        .kind
        .map_or(label(lang, "inspect_kind_unknown"), |k| {
            pack.kinds[k].name.get(lang)
        });
    writeln!(out, "{}: {kind}", label(lang, "inspect_kind"))?;
    // One piece of evidence reads on the line; several (a title, an approval stamp, a table
    // of measures) each on a line of their own.
    let why: Vec<String> = why_kind::signals(document, extraction)
        .iter()
        .map(|signal| signal_text(signal, &shown, lang))
        .collect();
    match why.as_slice() {
        [] => {}
        [one] => writeln!(out, "{}: {one}", label(lang, "inspect_why_kind"))?,
        several => {
            writeln!(out, "{}:", label(lang, "inspect_why_kind"))?;
            for reason in several {
                writeln!(out, "  {reason}")?;
            }
        }
    }

    writeln!(out)?;
    writeln!(out, "{}:", label(lang, "inspect_fields"))?;
    let mut any = false;
    for (found, name) in extraction.fields.iter().zip(&field_names) {
        if let Some(found) = found {
            any = true;
            let head = format!("  {name:width$}  {:8} ", position(found.span.start));
            let indent = head.chars().count();
            writeln!(out, "{head}{}", wrap(&shown.value(found), indent))?;
        }
    }
    nothing_if(!any, lang, out)?;

    writeln!(out)?;
    writeln!(out, "{}:", label(lang, "inspect_sections"))?;
    for hit in &extraction.sections {
        let line = &document.lines[hit.lines.start];
        writeln!(
            out,
            "  {:width$}  {:8} {}: {}",
            section_names[hit.section],
            position(line.span.start),
            label(lang, "inspect_lines"),
            hit.lines.len()
        )?;
    }
    nothing_if(extraction.sections.is_empty(), lang, out)?;

    writeln!(out)?;
    writeln!(
        out,
        "{}: {}",
        label(lang, "inspect_questions"),
        extraction.questions.len()
    )?;

    writeln!(out)?;
    writeln!(out, "{}:", label(lang, "inspect_items"))?;
    for (item, title) in extraction.items.iter().zip(&item_titles) {
        let definition = &pack.items[item.item_type];
        let mut head = format!("  {title:width$}  {:8}", position(item.span.start));
        if !item.classes.is_empty() {
            let classes: Vec<String> = item
                .classes
                .iter()
                .map(|class| class_name(class, lang))
                .collect();
            head.push_str(&format!(" [{}]", classes.join(", ")));
        }
        writeln!(out, "{}", head.trim_end())?;
        for (field, found) in definition.fields.iter().zip(&item.fields) {
            if let Some(found) = found {
                let head = format!("      {}: ", capital(field.name.get(lang)));
                // Continuation lines are set in under the field's name, not under the value:
                // names differ in length, and the value's own text is what is wrapped.
                writeln!(out, "{head}{}", wrap(&shown.value(found), 8))?;
            }
        }
    }
    nothing_if(extraction.items.is_empty(), lang, out)?;

    if shown.any_masked.get() {
        writeln!(out)?;
        writeln!(out, "{}", label(lang, "inspect_masked"))?;
    }
    Ok(())
}

fn nothing_if(nothing: bool, lang: Lang, out: &mut dyn Write) -> std::io::Result<()> {
    if nothing {
        writeln!(out, "  ({})", label(lang, "inspect_nothing"))?;
    }
    Ok(())
}

fn signal_text(signal: &Signal, shown: &Shown<'_>, lang: Lang) -> String {
    match signal {
        Signal::FrontMatter { key, value } => {
            let pair = format!("{key}: {value}");
            format!(
                "{}, {}",
                label(lang, "inspect_kind_front_matter"),
                quoted(&pair, lang)
            )
        }
        Signal::Title { span, line } => {
            evidence(label(lang, "inspect_kind_title"), span, *line, shown, lang)
        }
        Signal::Evidence { id, span, line } => {
            evidence(&signal_name(id, lang), span, *line, shown, lang)
        }
        Signal::NoKind => label(lang, "inspect_kind_none").to_string(),
    }
}

/// `заголовок (строка 1): «ПРОТОКОЛ № 3»`: what the evidence is, where, and the line.
fn evidence(what: &str, span: &Range<usize>, line: u32, shown: &Shown<'_>, lang: Lang) -> String {
    let text = shorten(&shown.span(span), MAX_TITLE_CHARS);
    format!(
        "{what} ({}): {}",
        label(lang, "inspect_line").replace("{n}", &line.to_string()),
        quoted(&text, lang)
    )
}

/// A kind signal of the pack by its label, or by its id when the view has none.
fn signal_name(id: &str, lang: Lang) -> String {
    match label(lang, &format!("kind_signal_{id}")) {
        "" => id.to_string(),
        name => name.to_string(),
    }
}

/// `text` broken at spaces into lines that end by [`LINE_WIDTH`], the lines after the first
/// indented by `indent` (where the first starts). A word longer than a line stays whole.
fn wrap(text: &str, indent: usize) -> String {
    let indent = if indent > MAX_WRAP_INDENT { 8 } else { indent };
    let room = LINE_WIDTH - indent;
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    for word in text.split(' ') {
        let needed = line.chars().count() + 1 + word.chars().count();
        if !line.is_empty() && needed > room {
            lines.push(std::mem::take(&mut line));
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(word);
    }
    lines.push(line);
    lines.join(&format!("\n{:indent$}", ""))
}

/// A class of items by its label, or by its id when the view has none (a pack's own class).
fn class_name(class: &str, lang: Lang) -> String {
    match label(lang, &format!("class_{class}")) {
        "" => class.to_string(),
        name => name.to_string(),
    }
}

/// Quoted the way the language quotes.
fn quoted(text: &str, lang: Lang) -> String {
    match lang {
        Lang::En => format!("\u{201c}{text}\u{201d}"),
        Lang::Kk | Lang::Ru => format!("«{text}»"),
    }
}

/// The text cut to `max` characters, with `…` when cut.
fn shorten(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.to_string();
    }
    let cut: String = text.chars().take(max).collect();
    format!("{}…", cut.trim_end())
}

/// The first letter in capitals: the pack names fields in running-text case ("номер
/// протокола"), and a name opening a line of the view reads as a label.
fn capital(name: &str) -> String {
    let mut chars = name.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_open_with_a_capital_and_long_titles_are_cut() {
        assert_eq!(capital("номер протокола"), "Номер протокола");
        assert_eq!(capital("ішінде"), "Ішінде");
        assert_eq!(capital(""), "");
        assert_eq!(shorten("abcdef", 4), "abcd…");
        assert_eq!(shorten("abc", 4), "abc");
    }

    #[test]
    fn long_values_go_on_under_their_start() {
        let words = vec!["слово"; 40].join(" ");
        let wrapped = wrap(&words, 10);
        let lines: Vec<&str> = wrapped.lines().collect();
        assert!(lines.len() > 1);
        assert!(
            lines
                .iter()
                .all(|l| l.trim_start().chars().count() <= LINE_WIDTH - 10)
        );
        assert!(lines[1..].iter().all(|l| l.starts_with(&" ".repeat(10))));
        assert_eq!(wrapped.split_whitespace().count(), 40);
        assert_eq!(wrap("short", 10), "short");
    }

    #[test]
    fn every_kind_signal_of_the_default_pack_has_a_label() {
        let pack = crate::pack::default_pack().unwrap();
        for kind in &pack.kinds {
            for signal in &kind.signals {
                for lang in Lang::ALL {
                    let key = format!("kind_signal_{}", signal.id);
                    assert!(!label(lang, &key).is_empty(), "{key} in {lang}");
                }
            }
        }
    }

    #[test]
    fn every_class_of_the_default_pack_has_a_label() {
        let pack = crate::pack::default_pack().unwrap();
        for item in &pack.items {
            for (class, _) in &item.classes {
                for lang in Lang::ALL {
                    let key = format!("class_{class}");
                    assert!(!label(lang, &key).is_empty(), "{key} in {lang}");
                }
            }
        }
    }
}
