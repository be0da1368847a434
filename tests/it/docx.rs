//! Word documents read directly: each `.docx` in fixtures/docx/ (written by
//! fixtures/docx/make.py from Word's own template) gives the findings of its text twin in
//! fixtures/check/, in every language, at the paragraphs a user finds in Word; files Word
//! used to write, and damaged ones, get a message naming the file.

use crate::common;

use chrono::NaiveDate;
use hattama::engine::{self, Settings};
use hattama::lang::Lang;
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

fn as_of() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 22).unwrap()
}

fn twins() -> Vec<(PathBuf, PathBuf)> {
    let mut pairs = Vec::new();
    for entry in std::fs::read_dir("fixtures/docx").unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "docx") {
            let stem = path.file_stem().unwrap().to_str().unwrap().to_string();
            let twin = ["txt", "md"]
                .iter()
                .map(|ext| Path::new("fixtures/check").join(format!("{stem}.{ext}")))
                .find(|p| p.exists())
                .unwrap_or_else(|| panic!("{} has no twin in fixtures/check", path.display()));
            pairs.push((path, twin));
        }
    }
    assert!(!pairs.is_empty());
    pairs.sort();
    pairs
}

#[test]
fn word_documents_give_the_findings_of_their_text_twins() {
    let pack = hattama::rulebook::Rulebook::builtin().unwrap();
    let pairs = twins();
    assert!(pairs.len() >= 6, "{pairs:?}");
    let mut sloppy = 0;
    for (docx, twin) in pairs {
        for lang in Lang::ALL {
            let settings = Settings::new(lang, as_of());
            let found = |path: &Path| -> BTreeSet<(String, String)> {
                engine::check_file(path, &pack, &settings)
                    .into_iter()
                    .map(|f| (f.rule, f.message))
                    .collect()
            };
            // A clean twin has no findings: then the Word file must have been read whole,
            // or its missing number, date and sections would be findings.
            let from_word = found(&docx);
            sloppy += usize::from(!from_word.is_empty());
            assert_eq!(from_word, found(&twin), "{} in {lang:?}", docx.display());
        }
    }
    assert!(sloppy > 0);
}

#[test]
fn findings_name_the_paragraph() {
    let output = common::hattama()
        .args([
            "check",
            "--lang",
            "en",
            "--as-of",
            "2026-11-22",
            "--format",
            "concise",
        ])
        .arg("fixtures/docx/ru-protocol-sloppy-01.docx")
        .output()
        .unwrap();
    let text = common::stdout(&output);
    // The attendance line is the sixth paragraph; the deadline-less decision 2.2 the 31st.
    assert!(
        text.contains("ru-protocol-sloppy-01.docx:¶6:22: error[kz-kdn/quorum]"),
        "{text}"
    );
    assert!(text.contains("ru-protocol-sloppy-01.docx:¶31:1: error[kz-kdn/decision-deadline]"));
    let json = common::hattama()
        .args(["check", "--as-of", "2026-11-22", "--format", "json"])
        .arg("fixtures/docx/ru-protocol-sloppy-01.docx")
        .output()
        .unwrap();
    let report: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    for finding in report["findings"].as_array().unwrap() {
        assert_eq!(finding["unit"], "paragraph");
        assert!(finding["place"].as_str().unwrap().starts_with('¶'));
    }
}

#[test]
fn legacy_word_and_damaged_files_are_named_with_what_to_do() {
    let dir = tempfile::tempdir().unwrap();
    let doc = dir.path().join("protokol.doc");
    std::fs::write(&doc, [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0]).unwrap();
    let rtf = dir.path().join("protokol.rtf");
    std::fs::write(&rtf, "{\\rtf1\\ansi Протокол}").unwrap();
    let broken = dir.path().join("protokol.docx");
    std::fs::write(&broken, b"PK\x03\x04 not really a zip").unwrap();
    // Word encrypts a document saved with a password into an OLE container.
    let mut encrypted = vec![0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
    encrypted.extend("EncryptionInfo".encode_utf16().flat_map(u16::to_le_bytes));
    std::fs::write(dir.path().join("parol.docx"), encrypted).unwrap();
    let output = common::hattama()
        .args(["check", "--lang", "ru", "--format", "concise"])
        .arg(dir.path())
        .output()
        .unwrap();
    let text = common::stdout(&output);
    for (name, says) in [
        ("protokol.doc", "сохраните как «Документ Word (*.docx)»"),
        ("protokol.rtf", "сохраните как «Документ Word (*.docx)»"),
        ("protokol.docx", "повреждён"),
        ("parol.docx", "защищён паролем"),
    ] {
        let line = text
            .lines()
            .find(|l| l.contains(name) && l.contains("hattama/not-text"))
            .unwrap_or_else(|| panic!("{name}: {text}"));
        assert!(line.contains(says), "{line}");
    }
    assert_eq!(output.status.code(), Some(1));
}

/// A Word file with `parts` (name, XML) beside a minimal content-types part.
fn word_file(parts: &[(&str, String)]) -> Vec<u8> {
    use std::io::Write;
    let mut buffer = std::io::Cursor::new(Vec::new());
    let mut writer = zip::ZipWriter::new(&mut buffer);
    for (name, xml) in parts {
        writer
            .start_file(*name, zip::write::SimpleFileOptions::default())
            .unwrap();
        writer.write_all(xml.as_bytes()).unwrap();
    }
    writer.finish().unwrap();
    buffer.into_inner()
}

fn word_xml(root: &str, paragraphs: &[&str]) -> String {
    let body: String = paragraphs
        .iter()
        .map(|p| format!("<w:p><w:r><w:t>{p}</w:t></w:r></w:p>"))
        .collect();
    let inner = if root == "document" {
        format!("<w:body>{body}</w:body>")
    } else {
        body
    };
    let tag = match root {
        "document" => "w:document",
        "header" => "w:hdr",
        _ => "w:ftr",
    };
    format!(r#"<?xml version="1.0"?><{tag} xmlns:w="w">{inner}</{tag}>"#)
}

/// The number and date a protocol gives, as the engine reads them.
fn number_and_date(bytes: &[u8]) -> (Option<String>, Option<NaiveDate>) {
    let pack = hattama::rulebook::Rulebook::builtin().unwrap();
    let path = Path::new("protokol.docx");
    let source = hattama::read::from_file_bytes(path, bytes).unwrap();
    let (_, extraction) = engine::analyse(path, source, &pack);
    let number = pack.fields.iter().position(|f| f.id == "number").unwrap();
    let number = extraction.fields[number]
        .as_ref()
        .map(|found| format!("{:?}", found.value));
    (number, extraction.date)
}

#[test]
fn page_headers_and_footers_give_number_and_date_only_when_the_body_lacks_them() {
    let body = [
        "заседания комиссии по делам несовершеннолетних и защите их прав Алгинского района",
        "Председательствовал: Ермекова Б.Т.",
        "Секретарь: Калиева Н.С.",
        "Повестка дня:",
        "1. О профилактике правонарушений среди несовершеннолетних.",
        "СЛУШАЛИ: Мусина Т.К.",
        "ПОСТАНОВИЛИ: информацию принять к сведению.",
    ];
    let header = word_xml("header", &["ПРОТОКОЛ № 7"]);
    let footer = word_xml("footer", &["г. Алга, 12 марта 2026 г."]);
    let without = word_file(&[("word/document.xml", word_xml("document", &body))]);
    assert_eq!(number_and_date(&without), (None, None));
    let with_margins = word_file(&[
        ("word/document.xml", word_xml("document", &body)),
        ("word/header1.xml", header.clone()),
        ("word/footer1.xml", footer.clone()),
    ]);
    let (number, date) = number_and_date(&with_margins);
    assert!(number.is_some_and(|n| n.contains('7')));
    assert_eq!(date, NaiveDate::from_ymd_opt(2026, 3, 12));
    // What the body says wins over the margins.
    let mut own = vec!["ПРОТОКОЛ № 3", "19 февраля 2026 г."];
    own.extend(body);
    let both = word_file(&[
        ("word/document.xml", word_xml("document", &own)),
        ("word/header1.xml", header),
        ("word/footer1.xml", footer),
    ]);
    let (number, date) = number_and_date(&both);
    assert!(number.is_some_and(|n| n.contains('3') && !n.contains('7')));
    assert_eq!(date, NaiveDate::from_ymd_opt(2026, 2, 19));
}
