//! Wrong answers to bad input: names and text that could forge or garble the output, files that
//! are no documents, outputs that would overwrite an input. Each answer must be clear and safe.

mod common;

use common::{hattama, stdout};
use std::path::Path;

const PROTOCOL: &str = "ПРОТОКОЛ № 5\nзаседания комиссии\n";

fn run(args: &[&str], path: &Path) -> std::process::Output {
    hattama()
        .args(["check", "--no-config", "--lang", "en"])
        .args(args)
        .arg(path)
        .output()
        .unwrap()
}

#[cfg(unix)]
#[test]
fn a_file_name_cannot_forge_a_finding_line() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("a.md\n1:1: error[forged] \u{202E}fake");
    std::fs::write(&path, PROTOCOL).unwrap();
    for format in ["text", "concise"] {
        let output = run(&["--format", format], &path);
        let text = stdout(&output);
        assert!(text.contains("a.md\\u{A}1:1: error"), "{text}");
        assert!(!text.lines().any(|l| l.starts_with("1:1: error")), "{text}");
        assert!(!text.contains('\u{202E}'), "{text}");
    }
}

#[test]
fn controls_and_bidi_overrides_in_a_line_do_not_reach_the_terminal() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("p.md");
    let line = "Ученик\u{202E} 110514503212 \u{9B}31m\u{1B}[2J конец";
    std::fs::write(&path, format!("{PROTOCOL}{line}\n")).unwrap();
    let output = run(&["--format", "text"], &path);
    let text = stdout(&output);
    assert!(
        text.contains("Ученик\\u{202E} ************ \\u{9B}31m\\u{1B}[2J"),
        "{text}"
    );
    for c in ['\u{202E}', '\u{9B}', '\u{1B}', '\r'] {
        assert!(!text.contains(c), "{c:?} in {text}");
    }
}

#[test]
fn every_csv_cell_that_a_spreadsheet_would_run_is_defused() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("p.md");
    std::fs::write(
        &path,
        format!("{PROTOCOL}\t=HYPERLINK(\"x\") 110514503212\n"),
    )
    .unwrap();
    let output = run(&["--format", "csv"], &path);
    let text = stdout(&output);
    let row = text
        .lines()
        .find(|l| l.contains("HYPERLINK"))
        .expect("the row");
    assert!(row.contains("\"'\t=HYPERLINK"), "{row}");
}

#[cfg(unix)]
#[test]
fn junit_xml_stays_valid_with_characters_xml_forbids() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("page\u{c}break\u{1}.md");
    std::fs::write(&path, PROTOCOL).unwrap();
    let output = run(&["--format", "junit"], &path);
    let xml = stdout(&output);
    assert!(xml.contains("pagebreak.md"), "{xml}");
    // quick-xml reads what XML 1.0 forbids without a word, so the characters are checked too.
    let forbidden = |c: char| c < ' ' && !matches!(c, '\t' | '\n' | '\r');
    assert!(!xml.chars().any(forbidden), "{xml:?}");
    let mut reader = quick_xml::Reader::from_str(&xml);
    let mut elements = 0;
    loop {
        match reader.read_event() {
            Ok(quick_xml::events::Event::Eof) => break,
            Ok(quick_xml::events::Event::Start(_)) => elements += 1,
            Ok(quick_xml::events::Event::Text(text)) => {
                let text = text.into_inner();
                assert!(!text.contains(['\u{c}', '\u{1}']), "{text:?}");
            }
            Ok(_) => {}
            Err(error) => panic!("invalid XML: {error}\n{xml}"),
        }
    }
    assert!(elements > 2);
}
