//! The reports people read (text, concise, Markdown, HTML, CSV, JSON) and the CI formats, as
//! the command writes them: personal data never in any of them, document text never live
//! markup, every language, the JSON schema, the HTML page's parts, templates the user gives,
//! the same bytes whatever the thread count, and a national audit's page kept small.

use crate::common;

use assert_cmd::Command;
use common::hattama;

use chrono::NaiveDate;
use hattama::audit::{AuditOutcome, CommissionSummary};
use hattama::finding::{Finding, Position, Severity};
use hattama::lang::Lang;
use hattama::report::{self, Format};
use std::collections::BTreeMap;

const PRIVACY: &str = "fixtures/privacy";
const AUDIT: &str = "fixtures/audit";
const AS_OF: &str = "2026-06-30";

const ALL_FORMATS: [&str; 10] = [
    "text", "concise", "markdown", "html", "csv", "json", "sarif", "github", "junit", "gitlab",
];

/// The raw personal data in fixtures/privacy, as written there: none may reach any output.
const PERSONAL_DATA: [&str; 14] = [
    "110312500120",
    "090714601233",
    "101125502331",
    "701 234 56 78",
    "234 56 78",
    "55-12-34",
    "87011234567",
    "987-65-43",
    "12.03.2011",
    "14.07.2009",
    "Сериков Алихан",
    "Ахметова Дана",
    "Бекұлы Нұрсұлтан",
    "2010 жылғы 25 қарашада",
];

/// Standard output of `hattama ARGS`, which must exit 0 or 1 (findings), never 2.
fn run(args: &[&str]) -> String {
    let output = hattama().args(args).output().unwrap();
    assert!(
        matches!(output.status.code(), Some(0 | 1)),
        "{args:?}: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout).unwrap()
}

fn audit(format: &str, lang: &str) -> String {
    run(&[
        "audit", AUDIT, "--as-of", AS_OF, "--format", format, "--lang", lang,
    ])
}

#[test]
fn personal_data_is_in_no_format_and_no_language() {
    for lang in ["kk", "ru", "en"] {
        for format in ALL_FORMATS {
            for command in ["check", "audit"] {
                let mut args = vec![command, PRIVACY, "--as-of", AS_OF, "--format", format];
                args.extend(["--lang", lang]);
                if command == "audit" {
                    args.push("--details");
                }
                let out = run(&args);
                assert!(
                    out.contains("personal-id-number") || format == "text" || format == "markdown",
                    "{command} {format} {lang}: the fixture's findings are missing"
                );
                for raw in PERSONAL_DATA {
                    assert!(
                        !out.contains(raw),
                        "{command} --format {format} --lang {lang} shows «{raw}»"
                    );
                }
            }
        }
    }
}

#[test]
fn document_text_never_becomes_markup() {
    for command in ["check", "audit"] {
        let html = run(&[command, PRIVACY, "--as-of", AS_OF, "--format", "html"]);
        // The fixture's tags are in snippets, shown as text.
        assert!(
            html.contains("&lt;script&gt;"),
            "{command}: snippet missing"
        );
        assert!(!html.contains("<script"), "{command}: a script tag is live");
        assert!(!html.contains("<img"), "{command}: an img tag is live");
        let markdown = run(&[command, PRIVACY, "--as-of", AS_OF, "--format", "markdown"]);
        assert!(
            !markdown.contains("<script"),
            "{command}: markdown has a live tag"
        );
    }
}

#[test]
fn html_report_has_every_part_and_needs_no_network() {
    let html = audit("html", "ru").replace("&#x2f;", "/");
    assert!(html.starts_with("<!doctype html>"));
    for id in [
        "summary",
        "ranking",
        "heatmap",
        "sessions",
        "overdue",
        "duplicates",
        "coverage",
        "findings",
    ] {
        assert!(html.contains(&format!("id=\"{id}\"")), "no section #{id}");
    }
    // Sessions per month: one oblast chart and a small one per commission.
    let commissions = 9;
    assert!(html.matches("<svg").count() > commissions, "charts missing");
    // Every ranked commission links to its own section of findings.
    for anchor in [
        "c-overdue-alga",
        "c-duplicate-plan-uil",
        "c-cadence-kargaly",
    ] {
        assert!(html.contains(&format!("href=\"#{anchor}\"")), "{anchor}");
        assert!(html.contains(&format!("id=\"{anchor}\"")), "{anchor}");
    }
    // Self-contained: nothing fetched, nothing run.
    for outside in ["http://", "https://", "<link", "<script", "@import", "url("] {
        assert!(
            !html.contains(outside),
            "the page refers outside: {outside}"
        );
    }
    assert!(html.contains("@media print"), "no print style");
    // The formula behind the ranking is printed, with the pack's numbers.
    assert!(html.contains("Балл = max(0; 100 − 10 ×"), "no formula");
    // Overdue decisions with their deadline and days.
    assert!(html.contains("до 04.06.2026"), "overdue deadline missing");
    // Each score with its breakdown: alga's one overdue decision (an error, weight 1) costs 2.
    assert!(html.contains("100 − 0 − 2</td>"), "no breakdown");
}

#[test]
fn reports_speak_each_language() {
    for (lang, ranking, heading) in [
        ("kk", "Комиссиялардың рейтингі", "Мерзімі өткен шешімдер"),
        ("ru", "Рейтинг комиссий", "Просроченные решения"),
        ("en", "Ranking of the commissions", "Overdue decisions"),
    ] {
        let html = audit("html", lang);
        assert!(html.contains(&format!("<html lang=\"{lang}\">")));
        assert!(html.contains(ranking), "{lang}: {ranking}");
        assert!(html.contains(heading), "{lang}: {heading}");
        let markdown = audit("markdown", lang);
        assert!(markdown.contains(ranking), "{lang} markdown");
    }
    // Russian plurals in the closing line.
    let text = run(&[
        "check",
        "fixtures/check/ru-protocol-clean-01.md",
        "--lang",
        "ru",
    ]);
    assert!(text.contains("Проверен 1 документ") || text.contains("Проверено 1 документ"));
}

#[test]
fn csv_opens_in_excel_with_cyrillic_intact() {
    let ru = audit("csv", "ru");
    assert!(ru.starts_with('\u{feff}'), "no byte order mark");
    let mut lines = ru.trim_start_matches('\u{feff}').lines();
    let header = lines.next().unwrap();
    assert_eq!(
        header,
        "Комиссия;Документ;Строка;Столбец;Уровень;Правило;Категория;Что не так;Как исправить;Строка документа"
    );
    let json: serde_json::Value = serde_json::from_str(&audit("json", "ru")).unwrap();
    let findings = json["findings"].as_array().unwrap().len();
    assert_eq!(lines.count(), findings, "one row per finding");
    let en = audit("csv", "en");
    assert!(
        en.trim_start_matches('\u{feff}')
            .starts_with("Commission,Document,Line")
    );
}

#[test]
fn json_report_follows_its_documented_schema() {
    let schema: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string("docs/report.schema.json").unwrap()).unwrap();
    let validator = jsonschema::validator_for(&schema).unwrap();
    for args in [
        vec![
            "check",
            "fixtures/check",
            "--as-of",
            AS_OF,
            "--format",
            "json",
        ],
        vec!["audit", AUDIT, "--as-of", AS_OF, "--format", "json"],
        vec!["audit", PRIVACY, "--as-of", AS_OF, "--format", "json"],
    ] {
        let report: serde_json::Value = serde_json::from_str(&run(&args)).unwrap();
        let errors: Vec<String> = validator
            .iter_errors(&report)
            .map(|e| format!("{} at {}", e, e.instance_path()))
            .take(5)
            .collect();
        assert!(errors.is_empty(), "{args:?}: {errors:#?}");
    }
    // The schema can fail: a report without its version does not pass.
    let mut broken: serde_json::Value = serde_json::from_str(&audit("json", "en")).unwrap();
    broken.as_object_mut().unwrap().remove("version");
    assert!(!validator.is_valid(&broken));
}

#[test]
fn same_bytes_whatever_the_thread_count() {
    for format in ["html", "json", "csv", "markdown"] {
        let outputs: Vec<Vec<u8>> = ["1", "4"]
            .iter()
            .map(|threads| {
                hattama()
                    .env("RAYON_NUM_THREADS", threads)
                    .args(["audit", AUDIT, "--as-of", AS_OF, "--format", format])
                    .output()
                    .unwrap()
                    .stdout
            })
            .collect();
        assert_eq!(outputs[0], outputs[1], "{format}");
    }
}

#[test]
fn a_users_template_replaces_the_format() {
    let dir = tempfile::tempdir().unwrap();
    let template = dir.path().join("short.txt");
    std::fs::write(
        &template,
        "{% for c in report.commissions %}{{ c.id }}={{ c.score|fixed(0) }} {% endfor %}\n{{ t.errors }}: {{ report.summary.errors }}\n",
    )
    .unwrap();
    let out = run(&[
        "audit",
        "fixtures/audit/overdue",
        "--as-of",
        AS_OF,
        "--lang",
        "en",
        "--template",
        template.to_str().unwrap(),
    ]);
    // Block tags take their line's newline with them, as in the built-in templates.
    assert_eq!(out, "alga=98 Errors: 1\n");

    std::fs::write(&template, "line one\n{% for x in %}\n").unwrap();
    let output = hattama()
        .args(["check", "fixtures/check/ru-protocol-clean-01.md"])
        .args(["--template", template.to_str().unwrap()])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains(&format!("{}:2", template.display())),
        "the error names the template and line: {stderr}"
    );
}

#[test]
fn output_to_a_file_has_no_colour_codes() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("report.txt");
    let output = Command::cargo_bin("hattama")
        .unwrap()
        .env("CLICOLOR_FORCE", "1")
        .args(["check", "fixtures/check", "--as-of", AS_OF, "-o"])
        .arg(&file)
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    let text = std::fs::read_to_string(&file).unwrap();
    assert!(text.contains("kz-kdn/"), "report written");
    assert!(!text.contains('\u{1b}'), "escape codes in a file");
}

/// A national audit: 271 commissions with hundreds of findings each, rendered as HTML. The
/// page lists a share of each commission's findings and stays a few megabytes.
#[test]
fn a_national_html_report_stays_small() {
    let pack = hattama::rulebook::Rulebook::builtin().unwrap();
    let mut outcome = AuditOutcome::default();
    for district in 0..271 {
        let id = format!("district-{district:03}");
        for document in 0..15 {
            let path = format!("oblast/{id}/2026/protocol-{document:02}.txt");
            outcome.owners.insert(path.clone(), id.clone());
            for line in 1..=20 {
                outcome.findings.push(Finding {
                    rule: "kz-kdn/decision-deadline".into(),
                    severity: Severity::Error,
                    path: path.clone(),
                    start: Position { line, column: 1 },
                    end: Position { line, column: 5 },
                    message: "В решении 2.2 не указан срок исполнения".into(),
                    fix: Some("Укажите срок: «Срок: до 30.04.2026»".into()),
                    snippet: Some(
                        "2.2. Отделу образования организовать в школах района классные часы".into(),
                    ),
                    related: Vec::new(),
                    facts: BTreeMap::new(),
                    tabled: None,
                });
            }
        }
        let mut months = BTreeMap::new();
        months.insert("2026-03".to_string(), 2);
        outcome.commissions.push(CommissionSummary {
            id: id.clone(),
            path: format!("oblast/{id}"),
            documents: 15,
            sessions: 15,
            months,
            errors: 300,
            score: 40.0,
            rank: 1,
            ..CommissionSummary::default()
        });
    }
    outcome.documents = 271 * 15;
    let how = report::Rendering {
        format: Format::Html,
        pack: &pack,
        lang: Lang::Ru,
        as_of: NaiveDate::from_ymd_opt(2026, 11, 30).unwrap(),
        options: Default::default(),
    };
    let mut html = Vec::new();
    outcome.root = "oblast".into();
    let outcome = hattama::privacy::Masked::new(outcome, &pack.masker);
    report::render_audit(&outcome, &how, &mut html).unwrap();
    // HTML escaping writes `/` as `&#x2f;`; a browser shows it as `/`.
    let html = String::from_utf8(html).unwrap().replace("&#x2f;", "/");
    assert!(html.len() < 5_000_000, "{} bytes", html.len());
    // Each commission names how many it left out and how to list them.
    assert!(html.contains("hattama check oblast/district-000"));
    assert_eq!(html.matches("class=\"commission\"").count(), 271);
}
