//! JUnit XML, which most CI systems show as test results: one test case per document with
//! findings, one failure per finding.

use crate::engine::Outcome;
use crate::finding::Finding;
use crate::lang::Lang;
use crate::privacy::Masked;
use quick_xml::Writer;
use quick_xml::events::{BytesDecl, BytesText, Event};
use std::io::Write;

pub fn render(outcome: &Masked<Outcome>, lang: Lang, out: &mut dyn Write) -> std::io::Result<()> {
    // Findings come sorted by path, so each document's findings are together.
    let mut documents: Vec<(&str, Vec<&Finding>)> = Vec::new();
    for finding in &outcome.findings {
        match documents.last_mut() {
            Some((path, findings)) if *path == finding.path => findings.push(finding),
            _ => documents.push((&finding.path, vec![finding])),
        }
    }
    let tests = documents.len().to_string();
    let failures = outcome.findings.len().to_string();
    let checked = outcome.documents.to_string();
    let mut writer = Writer::new_with_indent(&mut *out, b' ', 2);
    writer.write_event(Event::Decl(BytesDecl::new("1.0", Some("UTF-8"), None)))?;
    writer
        .create_element("testsuites")
        .with_attributes([
            ("name", "hattama"),
            ("tests", tests.as_str()),
            ("failures", failures.as_str()),
            ("errors", "0"),
        ])
        .write_inner_content(|writer| {
            writer
                .create_element("testsuite")
                .with_attributes([
                    ("name", "hattama"),
                    ("tests", tests.as_str()),
                    ("failures", failures.as_str()),
                    ("errors", "0"),
                    ("skipped", "0"),
                ])
                .write_inner_content(|writer| {
                    writer
                        .create_element("properties")
                        .write_inner_content(|writer| {
                            writer
                                .create_element("property")
                                .with_attributes([("name", "documents"), ("value", &checked)])
                                .write_empty()?;
                            Ok(())
                        })?;
                    for (path, findings) in &documents {
                        testcase(writer, path, findings, lang)?;
                    }
                    Ok(())
                })?;
            Ok(())
        })?;
    writeln!(out)
}

fn testcase<W: Write>(
    writer: &mut Writer<W>,
    path: &str,
    findings: &[&Finding],
    lang: Lang,
) -> std::io::Result<()> {
    let path = super::xml::text(path);
    let path = path.as_ref();
    writer
        .create_element("testcase")
        .with_attributes([("name", path), ("classname", path)])
        .write_inner_content(|writer| {
            for finding in findings {
                let mut body = finding.headline();
                if let Some(fix) = &finding.fix {
                    body.push_str(&format!("\n{}: {fix}", super::labels::label(lang, "fix")));
                }
                let message = super::xml::text(&finding.message);
                writer
                    .create_element("failure")
                    .with_attributes([
                        ("type", finding.rule.as_str()),
                        ("message", message.as_ref()),
                    ])
                    .write_text_content(BytesText::new(&super::xml::text(&body)))?;
            }
            Ok(())
        })?;
    Ok(())
}
