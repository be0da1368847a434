//! Input that made hattama stall or amplify: work and output must grow with the input, not with
//! its square. No test times anything; each asserts the size or shape of what comes out, which
//! the old behaviour made observably different (a copy of the whole line per finding, a finding
//! per word after an unclosed comment).

use crate::common;

use chrono::NaiveDate;
use hattama::engine::{self, Settings};
use hattama::finding::Finding;
use hattama::lang::Lang;
use std::path::Path;

fn check_bytes(name: &str, bytes: &[u8]) -> Vec<Finding> {
    let pack = hattama::rulebook::Rulebook::builtin().unwrap();
    let settings = Settings::new(Lang::En, NaiveDate::from_ymd_opt(2026, 11, 22).unwrap());
    engine::check_bytes(Path::new(name), bytes, &pack, &settings)
}

/// A valid ИИН from eleven digits: weights 1..11, else 3..11,1,2; `None` when both give 10.
fn iin(seed: u64) -> Option<String> {
    let digits: Vec<u32> = format!("{:011}", seed % 100_000_000_000)
        .bytes()
        .map(|b| u32::from(b - b'0'))
        .collect();
    let sum = |weights: [u32; 11]| digits.iter().zip(weights).map(|(d, w)| d * w).sum::<u32>() % 11;
    let mut check = sum([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
    if check == 10 {
        check = sum([3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2]);
    }
    (check != 10).then(|| format!("{}{check}", &format!("{:011}", seed % 100_000_000_000)))
}

#[test]
fn many_findings_on_one_long_line_carry_a_bounded_snippet() {
    let numbers: Vec<String> = (0..)
        .filter_map(|i: u64| iin(110_315_400_000 + i * 7_919))
        .take(2_000)
        .collect();
    let text = format!("ПРОТОКОЛ № 5\n{}\n", numbers.join(" "));
    let findings = check_bytes("ids.txt", text.as_bytes());
    let on_the_line: Vec<&Finding> = findings.iter().filter(|f| f.start.line == 2).collect();
    assert!(on_the_line.len() >= 2_000, "{}", on_the_line.len());
    // Before, each snippet was the whole 26 KB line: 52 MB for the line's findings.
    let snippet_chars: usize = on_the_line
        .iter()
        .filter_map(|f| f.snippet.as_deref())
        .map(|s| s.chars().count())
        .sum();
    assert!(snippet_chars <= on_the_line.len() * 200, "{snippet_chars}");
    for finding in &on_the_line {
        let snippet = finding.snippet.as_deref().unwrap();
        assert!(!snippet.chars().any(|c| c.is_ascii_digit()), "{snippet}");
    }
    // The columns are still those of the whole line: the last number's is near its end.
    let last = on_the_line.iter().map(|f| f.start.column).max().unwrap();
    assert_eq!(last as usize, text.lines().nth(1).unwrap().len() - 11);
}

#[test]
fn the_text_report_points_into_a_window_of_a_long_line() {
    let numbers: Vec<String> = (0..)
        .filter_map(|i: u64| iin(90_101_300_000 + i * 104_729))
        .take(300)
        .collect();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("ids.txt");
    std::fs::write(&path, format!("ПРОТОКОЛ № 5\n{}\n", numbers.join(" "))).unwrap();
    let output = common::hattama()
        .args(["check", "--no-config", "--lang", "en", "--format", "text"])
        .arg(&path)
        .output()
        .unwrap();
    let text = common::stdout(&output);
    // The last number's excerpt: the caret stands under twelve masked digits.
    let lines: Vec<&str> = text.lines().collect();
    let caret = lines
        .iter()
        .rposition(|l| l.contains("^^^^^^^^^^^^"))
        .expect("a caret line");
    let shown = lines[caret - 1];
    let column = lines[caret].find('^').unwrap();
    let under: String = shown.chars().skip(column).take(12).collect();
    assert_eq!(under, "************", "{shown}\n{}", lines[caret]);
    assert!(text.len() < 300 * 2_000, "{} bytes", text.len());
}

#[test]
fn an_unclosed_suppression_is_one_finding_at_its_line() {
    let mut text = String::from("ПРОТОКОЛ № 5\n<!-- hattama-disable decision-deadline -- пока\n");
    for i in 0..2_000 {
        text.push_str(&format!(
            "{i}. Решили поручить отделу образования провести проверку.\n"
        ));
    }
    let findings = check_bytes("open.md", text.as_bytes());
    let bad: Vec<&Finding> = findings
        .iter()
        .filter(|f| f.rule.starts_with("hattama/") && f.rule.contains("suppression"))
        .collect();
    // Before: a finding for every later word, each quoting the whole rest of the document.
    assert_eq!(bad.len(), 1, "{} findings", bad.len());
    assert_eq!(bad[0].rule, "hattama/bad-suppression");
    assert_eq!(bad[0].start.line, 2);
    assert!(bad[0].message.len() < 600, "{}", bad[0].message);
    assert!(!bad[0].message.contains('\n'));
    assert!(bad[0].message.contains("hattama-disable decision-deadline"));
}

#[test]
fn a_user_template_that_loops_for_ever_is_stopped_with_its_name() {
    let dir = tempfile::tempdir().unwrap();
    let template = dir.path().join("endless.jinja");
    std::fs::write(
        &template,
        "{% for i in range(100000) %}{% for j in range(100000) %}{{ j }}{% endfor %}{% endfor %}",
    )
    .unwrap();
    let document = dir.path().join("p.md");
    std::fs::write(&document, "ПРОТОКОЛ № 5\n").unwrap();
    let output = common::hattama()
        .args(["check", "--no-config", "--lang", "en", "--template"])
        .arg(&template)
        .arg(&document)
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    let error = String::from_utf8_lossy(&output.stderr);
    assert!(error.contains("endless.jinja"), "{error}");
    assert!(error.contains("too many steps"), "{error}");
    // Nothing of the endless output was written.
    assert!(
        output.stdout.len() < 1_000_000,
        "{} bytes",
        output.stdout.len()
    );
}

#[test]
fn deeply_nested_configuration_and_pack_yaml_are_refused_naming_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let deep = format!("disable: {}\n", "[".repeat(5_000));
    let config = dir.path().join("hattama.yml");
    std::fs::write(&config, &deep).unwrap();
    let document = dir.path().join("p.md");
    std::fs::write(&document, "ПРОТОКОЛ № 5\n").unwrap();
    let output = common::hattama()
        .args(["check", "--lang", "ru", "--config"])
        .arg(&config)
        .arg(&document)
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    let error = String::from_utf8_lossy(&output.stderr);
    // Refused at the first bracket past the limit, before the YAML reader runs.
    assert!(error.contains("hattama.yml:1:138"), "{error}");
    assert!(error.contains("вложены глубже 128 уровней"), "{error}");

    let pack = dir.path().join("pack");
    std::fs::create_dir(&pack).unwrap();
    std::fs::write(
        pack.join("rules.yaml"),
        format!("rules: {}\n", "{".repeat(5_000)),
    )
    .unwrap();
    let output = common::hattama()
        .args(["check", "--no-config", "--lang", "en", "--rules"])
        .arg(&pack)
        .arg(&document)
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    let error = String::from_utf8_lossy(&output.stderr);
    assert!(error.contains("rules.yaml:1:136"), "{error}");
    assert!(error.contains("nested more than 128 levels"), "{error}");
}
