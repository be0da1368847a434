//! Wrong answers to bad input: names and text that could forge or garble the output, files that
//! are no documents, outputs that would overwrite an input. Each answer must be clear and safe.

use crate::common;

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

#[test]
fn a_missing_path_on_the_command_line_is_a_usage_error() {
    let output = hattama()
        .args([
            "check",
            "--no-config",
            "--lang",
            "ru",
            "no/such/protocol.md",
        ])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    let error = String::from_utf8_lossy(&output.stderr);
    assert!(error.contains("no/such/protocol.md"), "{error}");
    assert!(error.contains("нет такого файла"), "{error}");
    assert!(output.stdout.is_empty());
}

#[cfg(unix)]
#[test]
fn devices_and_pipes_on_the_command_line_are_usage_errors_never_opened() {
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("pipe.md");
    let made = std::process::Command::new("mkfifo").arg(&fifo).status();
    let mut special = vec![std::path::PathBuf::from("/dev/zero")];
    if made.is_ok_and(|status| status.success()) {
        special.push(fifo);
    }
    for path in special {
        // A pipe with no writer would block a reader for ever: the run must end at once.
        let output = run(&[], &path);
        assert_eq!(output.status.code(), Some(2), "{}", path.display());
        let error = String::from_utf8_lossy(&output.stderr);
        assert!(error.contains(&path.display().to_string()), "{error}");
        assert!(error.contains("not a regular file"), "{error}");
    }
}

#[cfg(unix)]
#[test]
fn a_pipe_inside_a_folder_is_a_warning_and_the_run_goes_on() {
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("pipe.md");
    let made = std::process::Command::new("mkfifo").arg(&fifo).status();
    if !made.is_ok_and(|status| status.success()) {
        return;
    }
    std::fs::write(dir.path().join("a.md"), PROTOCOL).unwrap();
    let output = run(&["--format", "concise"], dir.path());
    let text = stdout(&output);
    let line = text
        .lines()
        .find(|l| l.contains("pipe.md"))
        .expect("pipe.md named");
    assert!(line.contains("warning[hattama/unreadable]"), "{line}");
    assert!(line.contains("named pipe"), "{line}");
    assert!(text.contains("a.md:"), "{text}");
}

#[test]
fn an_output_never_overwrites_a_document_being_checked() {
    let dir = tempfile::tempdir().unwrap();
    let doc = dir.path().join("protocol.md");
    std::fs::write(&doc, PROTOCOL).unwrap();
    for option in ["-o", "--write-baseline"] {
        for root in [doc.as_path(), dir.path()] {
            let output = hattama()
                .args(["check", "--no-config", "--lang", "en", option])
                .arg(&doc)
                .arg(root)
                .output()
                .unwrap();
            assert_eq!(output.status.code(), Some(2), "{option} {}", root.display());
            let error = String::from_utf8_lossy(&output.stderr);
            assert!(error.contains("will not be overwritten"), "{error}");
            assert_eq!(std::fs::read_to_string(&doc).unwrap(), PROTOCOL);
        }
    }
    let output = hattama()
        .args(["audit", "--no-config", "--lang", "en", "-o"])
        .arg(&doc)
        .arg(dir.path())
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert_eq!(std::fs::read_to_string(&doc).unwrap(), PROTOCOL);
}

fn check_bytes(name: &str, bytes: &[u8]) -> Vec<hattama::finding::Finding> {
    let pack = hattama::rulebook::Rulebook::builtin().unwrap();
    let as_of = chrono::NaiveDate::from_ymd_opt(2026, 11, 22).unwrap();
    let settings = hattama::engine::Settings::new(hattama::lang::Lang::En, as_of);
    hattama::engine::check_bytes(Path::new(name), bytes, &pack, &settings)
}

#[test]
fn old_mac_line_endings_are_lines() {
    let text = "ПРОТОКОЛ № 5\rот 12.03.2026\rПОСТАНОВИЛИ:\r1. Срок: постоянно.\r";
    let findings = check_bytes("mac.txt", text.as_bytes());
    let vague = findings
        .iter()
        .find(|f| f.rule == "kz-kdn/decision-vague-deadline")
        .expect("the vague deadline");
    assert_eq!(vague.start.line, 4, "{findings:#?}");
    assert_eq!(vague.snippet.as_deref(), Some("1. Срок: постоянно."));
}

#[test]
fn random_high_bytes_are_not_taken_for_windows_1251() {
    let mut state = 0x9E37_79B9_7F4A_7C15_u64;
    let bytes: Vec<u8> = (0..20_000)
        .map(|_| {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            let b = state.to_le_bytes()[0];
            if b < 0x20 { b | 0x80 } else { b }
        })
        .collect();
    let findings = check_bytes("scan.txt", &bytes);
    assert_eq!(findings.len(), 1, "{findings:#?}");
    assert_eq!(findings[0].rule, "hattama/not-text");
    assert!(findings[0].message.contains("encoding is not recognised"));
    assert!(findings[0].message.contains(".txt (UTF-8) or .md"));
    assert!(!findings[0].message.contains("docx"));
}

/// Latin words of three letters or more: English that should not be in a Russian message
/// (rule ids, YAML and file names aside, which the tests below do not produce).
fn english_words(text: &str) -> Vec<&str> {
    text.split(|c: char| !c.is_ascii_alphabetic())
        .filter(|word| word.len() >= 3)
        .collect()
}

#[cfg(unix)]
#[test]
fn file_problems_are_said_in_the_run_s_language() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("a.md"),
        "---\n- один\n- два\n---\nПРОТОКОЛ № 5\n",
    )
    .unwrap();
    std::os::unix::fs::symlink(dir.path(), dir.path().join("loop")).unwrap();
    let made = std::process::Command::new("mkfifo")
        .arg(dir.path().join("pipe.md"))
        .status();
    let output = hattama()
        .args([
            "check",
            "--no-config",
            "--lang",
            "ru",
            "--format",
            "concise",
        ])
        .arg(dir.path())
        .output()
        .unwrap();
    let text = stdout(&output);
    let message = |rule: &str, path: &str| -> String {
        let line = text
            .lines()
            .find(|l| l.contains(rule) && l.contains(path))
            .unwrap_or_else(|| panic!("no {rule} for {path} in {text}"));
        line.split_once("] ").unwrap().1.to_string()
    };
    let front = message("hattama/front-matter", "a.md");
    assert!(front.contains("список"), "{front}");
    let walk = message("hattama/unreadable", "loop");
    assert!(walk.contains("замкнутый круг"), "{walk}");
    let mut said = vec![front, walk];
    if made.is_ok_and(|status| status.success()) {
        let pipe = message("hattama/unreadable", "pipe.md");
        assert!(pipe.contains("именованный канал"), "{pipe}");
        said.push(pipe);
    }
    let folder = dir.path().display().to_string();
    for message in &said {
        let message = message.replace(&folder, "");
        let english: Vec<&str> = english_words(&message)
            .into_iter()
            .filter(|w| !["YAML", "FIFO"].contains(w))
            .collect();
        assert!(english.is_empty(), "{english:?} in {message}");
    }
}
