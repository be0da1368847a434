//! Nothing panics, hangs or goes unreported: Markdown written by others, broken files, odd
//! encodings, huge files. Every problem is a finding that names the file.

use chrono::NaiveDate;
use hattama::engine::{self, Settings};
use hattama::finding::Finding;
use hattama::lang::Lang;
use std::path::{Path, PathBuf};

fn settings() -> Settings {
    Settings::new(Lang::En, NaiveDate::from_ymd_opt(2026, 11, 22).unwrap())
}

fn check_bytes(name: &str, bytes: &[u8]) -> Vec<Finding> {
    let pack = hattama::rulebook::Rulebook::builtin().unwrap();
    engine::check_bytes(Path::new(name), bytes, &pack, &settings())
}

fn rules(findings: &[Finding]) -> Vec<&str> {
    findings.iter().map(|f| f.rule.as_str()).collect()
}

#[test]
fn markdown_corpora_written_by_others_never_break_the_run() {
    let corpora = Path::new("../shared/corpora");
    if !corpora.is_dir() {
        eprintln!("../shared/corpora is not beside the project; skipping");
        return;
    }
    let pack = hattama::rulebook::Rulebook::builtin().unwrap();
    let outcome = engine::check_paths(&[corpora.to_path_buf()], &pack, &settings());
    assert!(
        outcome.documents > 1000,
        "read only {} files",
        outcome.documents
    );
    for finding in &outcome.findings {
        assert!(finding.path.starts_with("../shared/corpora"), "{finding:?}");
        assert_ne!(finding.rule, "hattama/rule-error", "{finding:?}");
        assert!(finding.start.line >= 1 && finding.start.column >= 1);
    }
}

#[test]
fn an_empty_file_is_no_document_and_no_error() {
    assert!(check_bytes("empty.md", b"").is_empty());
    assert!(check_bytes("blank.txt", b"\n\n  \r\n").is_empty());
}

#[test]
fn binary_files_are_reported_not_parsed() {
    let png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01";
    let findings = check_bytes("scan.md", png);
    assert_eq!(rules(&findings), ["hattama/not-text"]);
    assert_eq!(findings[0].path, "scan.md");
}

#[test]
fn windows_1251_protocols_are_read_and_noted() {
    let text = "ПРОТОКОЛ № 5\r\nзаседания комиссии\r\n";
    let (bytes, _, _) = encoding_rs::WINDOWS_1251.encode(text);
    let findings = check_bytes("old.txt", &bytes);
    assert!(
        rules(&findings).contains(&"hattama/encoding"),
        "{findings:#?}"
    );
    // Read as a protocol: the missing date is found, so the text was decoded right.
    assert!(rules(&findings).contains(&"kz-kdn/protocol-date"));
    assert!(!rules(&findings).contains(&"kz-kdn/protocol-number"));
}

#[test]
fn broken_front_matter_is_a_finding_with_its_line_and_the_body_is_still_checked() {
    let text = "---\nkind: [protocol\n---\nПРОТОКОЛ № 5\n";
    let findings = check_bytes("bad.md", text.as_bytes());
    let front = findings
        .iter()
        .find(|f| f.rule == "hattama/front-matter")
        .expect("front matter finding");
    assert!(front.start.line >= 2, "{front:?}");
    assert!(rules(&findings).contains(&"kz-kdn/protocol-date"));
}

#[test]
fn a_heading_only_protocol_gets_every_missing_part_reported() {
    let findings = check_bytes("heading.md", "# ПРОТОКОЛ\n".as_bytes());
    for rule in [
        "kz-kdn/protocol-number",
        "kz-kdn/protocol-date",
        "kz-kdn/protocol-agenda",
        "kz-kdn/protocol-decisions",
    ] {
        assert!(
            rules(&findings).contains(&rule),
            "{rule} missing in {findings:#?}"
        );
    }
}

#[test]
fn bom_and_crlf_keep_lines_and_columns_right() {
    let text = "\u{feff}ПРОТОКОЛ № 5\r\nот 12.03.2026\r\nг. Мартук\r\n\r\nПОСТАНОВИЛИ:\r\n1.1. Отделу образования провести семинар.\r\n";
    let findings = check_bytes("crlf.txt", text.as_bytes());
    let deadline = findings
        .iter()
        .find(|f| f.rule == "kz-kdn/decision-deadline")
        .expect("decision without deadline");
    assert_eq!((deadline.start.line, deadline.start.column), (6, 1));
    assert_eq!(
        deadline.snippet.as_deref(),
        Some("1.1. Отделу образования провести семинар.")
    );
}

#[test]
fn a_file_over_the_size_limit_is_reported_without_being_read() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("huge.md");
    let line = "1.1. Отделу образования провести семинар. Срок: постоянно.\n";
    let big: String = line.repeat(50 * 1024 * 1024 / line.len() + 1);
    std::fs::write(&path, big).unwrap();
    let pack = hattama::rulebook::Rulebook::builtin().unwrap();
    let outcome = engine::check_paths(std::slice::from_ref(&path), &pack, &settings());
    assert_eq!(outcome.findings.len(), 1);
    assert_eq!(outcome.findings[0].rule, "hattama/too-large");
    assert_eq!(outcome.findings[0].path, path.display().to_string());
}

#[test]
fn a_large_file_under_the_limit_is_checked() {
    let mut text = String::from("ПРОТОКОЛ № 1\nот 12.03.2026\n\nПОСТАНОВИЛИ:\n");
    for n in 1..20_000 {
        text.push_str(&format!(
            "{}.{}. Отделу образования провести семинар. Срок: постоянно.\n",
            n / 100 + 1,
            n % 100 + 1
        ));
    }
    let findings = check_bytes("long.txt", text.as_bytes());
    let vague = findings
        .iter()
        .filter(|f| f.rule == "kz-kdn/decision-vague-deadline")
        .count();
    assert_eq!(vague, 19_999);
}

#[test]
fn unreadable_paths_are_findings_and_the_run_goes_on() {
    let pack = hattama::rulebook::Rulebook::builtin().unwrap();
    let paths = [
        PathBuf::from("no/such/folder"),
        PathBuf::from("fixtures/check/ru-protocol-clean-01.md"),
    ];
    let outcome = engine::check_paths(&paths, &pack, &settings());
    assert_eq!(outcome.documents, 1);
    assert_eq!(rules(&outcome.findings), ["hattama/unreadable"]);
    assert_eq!(outcome.findings[0].path, "no/such/folder");
}

#[cfg(unix)]
#[test]
fn symlink_loops_do_not_hang_the_walk() {
    let dir = tempfile::tempdir().unwrap();
    std::os::unix::fs::symlink(dir.path(), dir.path().join("loop")).unwrap();
    std::fs::write(dir.path().join("a.md"), "# ПРОТОКОЛ № 1\n").unwrap();
    let pack = hattama::rulebook::Rulebook::builtin().unwrap();
    let outcome = engine::check_paths(&[dir.path().to_path_buf()], &pack, &settings());
    assert_eq!(outcome.documents, 1);
    assert!(
        outcome
            .findings
            .iter()
            .any(|f| f.rule == "hattama/unreadable"),
        "{:#?}",
        outcome.findings
    );
}

#[test]
fn output_is_the_same_whatever_the_thread_count() {
    let pack = hattama::rulebook::Rulebook::builtin().unwrap();
    let run = |threads| {
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(threads)
            .build()
            .unwrap();
        pool.install(|| {
            engine::check_paths(&[PathBuf::from("fixtures/check")], &pack, &settings()).findings
        })
    };
    assert_eq!(run(1), run(4));
}

/// A small deterministic generator, so the mutation test is repeatable without a fuzzing crate.
struct Lcg(u64);

impl Lcg {
    fn next(&mut self) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        self.0 >> 33
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() as usize) % n.max(1)
    }
}

/// Real documents cut, spliced and sprinkled with bytes that Word exports and broken tools
/// produce: every mutation is read without a panic, and every finding has a valid position.
#[test]
fn mutated_fixtures_never_panic() {
    let pack = hattama::rulebook::Rulebook::builtin().unwrap();
    let mut sources: Vec<(String, Vec<u8>)> = std::fs::read_dir("fixtures/check")
        .unwrap()
        .map(|e| e.unwrap().path())
        .map(|p| (p.display().to_string(), std::fs::read(&p).unwrap()))
        .collect();
    sources.sort();
    let noise: [&[u8]; 12] = [
        b"\r\n",
        b"\t\t",
        b"|",
        b"**",
        b"# ",
        b"1.1. ",
        b"\xc2\xa0",
        b"\xff\xfe",
        b"\0",
        b"---\n",
        "ПОСТАНОВИЛИ:".as_bytes(),
        "«___» ______ 20__ г.".as_bytes(),
    ];
    let mut rng = Lcg(20261122);
    for round in 0..400 {
        let (name, base) = &sources[round % sources.len()];
        let mut bytes = base.clone();
        for _ in 0..1 + rng.below(6) {
            let at = rng.below(bytes.len() + 1);
            match rng.below(3) {
                0 => bytes
                    .splice(at..at, noise[rng.below(noise.len())].iter().copied())
                    .for_each(drop),
                1 => {
                    let end = (at + rng.below(64)).min(bytes.len());
                    bytes.drain(at..end);
                }
                _ => {
                    let (_, other) = &sources[rng.below(sources.len())];
                    let from = rng.below(other.len());
                    let to = (from + rng.below(400)).min(other.len());
                    bytes
                        .splice(at..at, other[from..to].iter().copied())
                        .for_each(drop);
                }
            }
        }
        let path = if name.ends_with(".txt") {
            "mutant.txt"
        } else {
            "mutant.md"
        };
        for finding in engine::check_bytes(Path::new(path), &bytes, &pack, &settings()) {
            assert!(
                finding.start.line >= 1 && finding.start.column >= 1,
                "{finding:?}"
            );
            assert!(finding.end >= finding.start, "{finding:?}");
            assert_ne!(finding.rule, "hattama/rule-error", "{finding:?}");
        }
    }
}

/// The audit of Markdown written by others: every file read, no commission invented for it,
/// no rule failing.
#[test]
fn auditing_the_markdown_corpora_never_breaks() {
    let corpora = Path::new("../shared/corpora");
    if !corpora.is_dir() {
        return;
    }
    let pack = hattama::rulebook::Rulebook::builtin().unwrap();
    let settings = hattama::audit::AuditSettings {
        files: settings(),
        level: hattama::corpus::commission::FolderLevel::Deepest,
    };
    let outcome = hattama::audit::audit(corpora, &pack, &settings);
    assert!(outcome.documents > 1000);
    assert!(
        outcome
            .findings
            .iter()
            .all(|f| f.rule != "hattama/rule-error")
    );
}
