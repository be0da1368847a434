//! Monthly control. `hattama audit --compare PREVIOUS.json`: a month later, what changed per
//! commission and for the oblast, in every report for people and in the JSON report (checked
//! against its schema); a clear error naming the file, with exit code 2, for a file that is not
//! an earlier audit's report. And who answers for each commission, from its latest protocol.

use crate::common;

use common::{hattama, stdout};
use serde_json::Value;
use std::path::Path;

/// `fixtures/audit/control` copied, so that a month later can be made of it.
fn oblast() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let from = Path::new("fixtures/audit/control/kobda/2026");
    let to = dir.path().join("kobda/2026");
    std::fs::create_dir_all(&to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        std::fs::copy(entry.path(), to.join(entry.file_name())).unwrap();
    }
    dir
}

fn audit(dir: &Path, as_of: &str, extra: &[&str]) -> std::process::Output {
    hattama()
        .arg("audit")
        .arg(dir)
        .args(["--as-of", as_of, "--lang", "ru", "--no-config"])
        .args(extra)
        .output()
        .unwrap()
}

/// The earlier audit's JSON report, written to `file`.
fn earlier(dir: &Path, as_of: &str, file: &Path) {
    let file = file.to_str().unwrap();
    let output = audit(dir, as_of, &["--format", "json", "-o", file]);
    assert!(output.status.code().is_some_and(|c| c < 2), "{output:?}");
}

/// The JSON report of an audit of `dir` compared with the earlier report in `previous`.
fn compared(dir: &Path, as_of: &str, previous: &Path) -> Value {
    let previous = previous.to_str().unwrap();
    let output = audit(dir, as_of, &["--format", "json", "--compare", previous]);
    serde_json::from_str(&stdout(&output)).unwrap()
}

#[test]
fn a_month_later_shows_new_resolved_and_overdue_decisions() {
    let dir = oblast();
    let previous = tempfile::NamedTempFile::new().unwrap();
    earlier(dir.path(), "2026-07-20", previous.path());
    // A month later: one protocol gone from the folder (its findings and its overdue decision
    // with it), one session more (a copy of the last protocol, dated later).
    let year = dir.path().join("kobda/2026");
    std::fs::remove_file(year.join("protocol-05.md")).unwrap();
    let last = std::fs::read_to_string(year.join("protocol-06.md")).unwrap();
    std::fs::write(year.join("protocol-07.md"), last.replace("№ 6", "№ 7")).unwrap();
    let report = compared(dir.path(), "2026-11-30", previous.path());
    let changes = &report["changes"];
    assert_eq!(changes["since"], "2026-07-20");
    let kobda = &changes["commissions"][0];
    assert_eq!(kobda["id"], "kobda");
    assert_eq!(kobda["status"], "both");
    // Decision 1.3 of protocol 4 fell due on 31.07, after the earlier audit.
    assert!(kobda["newly_overdue"].as_u64().unwrap() >= 1, "{kobda}");
    // Protocol 5's overdue decision left with it.
    assert!(kobda["overdue_closed"].as_u64().unwrap() >= 1, "{kobda}");
    assert!(kobda["new_findings"].as_u64().unwrap() >= 1, "{kobda}");
    assert!(kobda["resolved_findings"].as_u64().unwrap() >= 1, "{kobda}");
    assert!(kobda["open_findings"].as_u64().unwrap() >= 1, "{kobda}");
    for key in [
        "new_findings",
        "resolved_findings",
        "open_findings",
        "newly_overdue",
        "overdue_closed",
        "sessions_since",
    ] {
        assert_eq!(changes["oblast"][key], kobda[key], "{key}");
    }
    let marks: Vec<&str> = report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["change"].as_str().unwrap())
        .collect();
    let new = marks.iter().filter(|m| **m == "new").count();
    assert_eq!(new as u64, kobda["new_findings"].as_u64().unwrap());
    assert_eq!(
        (marks.len() - new) as u64,
        kobda["open_findings"].as_u64().unwrap()
    );
    let change = kobda["score_change"].as_f64().unwrap();
    let (then, now) = (
        kobda["score_then"].as_f64().unwrap(),
        kobda["score_now"].as_f64().unwrap(),
    );
    assert!((now - then - change).abs() < 1e-9);
    let schema: Value =
        serde_json::from_str(&std::fs::read_to_string("docs/report.schema.json").unwrap()).unwrap();
    let validator = jsonschema::validator_for(&schema).unwrap();
    let errors: Vec<String> = validator
        .iter_errors(&report)
        .map(|e| format!("{e} at {}", e.instance_path()))
        .take(5)
        .collect();
    assert!(errors.is_empty(), "{errors:#?}");
}

#[test]
fn the_same_audit_twice_changes_nothing_and_says_so_in_text() {
    let dir = oblast();
    let previous = tempfile::NamedTempFile::new().unwrap();
    earlier(dir.path(), "2026-11-30", previous.path());
    let compare = ["--compare", previous.path().to_str().unwrap()];
    let json = audit(
        dir.path(),
        "2026-11-30",
        &[&["--format", "json"][..], &compare].concat(),
    );
    let report: Value = serde_json::from_str(&stdout(&json)).unwrap();
    let oblast = &report["changes"]["oblast"];
    assert_eq!(oblast["new_findings"], 0);
    assert_eq!(oblast["resolved_findings"], 0);
    assert_eq!(oblast["newly_overdue"], 0);
    assert_eq!(oblast["sessions_since"], 0);
    assert_eq!(oblast["score_change"], 0.0);
    assert_eq!(
        oblast["open_findings"].as_u64().unwrap() as usize,
        report["findings"].as_array().unwrap().len()
    );
    let text = stdout(&audit(dir.path(), "2026-11-30", &compare));
    assert!(text.contains("Изменения с 30.11.2026"), "{text}");
}

#[test]
fn every_report_for_people_shows_the_changes_and_each_finding_says_new_or_open() {
    let dir = oblast();
    let previous = tempfile::NamedTempFile::new().unwrap();
    earlier(dir.path(), "2026-07-20", previous.path());
    let compare = ["--compare", previous.path().to_str().unwrap()];
    let run = |format: &str| {
        stdout(&audit(
            dir.path(),
            "2026-11-30",
            &[&["--format", format][..], &compare].concat(),
        ))
    };
    let markdown = run("markdown");
    assert!(markdown.contains("## Изменения с 20.07.2026"), "{markdown}");
    assert!(markdown.contains("| **По области** |"), "{markdown}");
    let html = run("html");
    assert!(html.contains("<section id=\"changes\">"), "{html}");
    assert!(html.contains("Изменения с 20.07.2026"));
    // A score that fell is marked so, in red.
    assert!(html.contains("<span class=\"down\">▼"), "{html}");
    let csv = run("csv");
    let mut rows = csv.lines();
    assert!(rows.next().unwrap().ends_with(";Изменение"), "{csv}");
    let marks: Vec<&str> = rows.map(|row| row.rsplit(';').next().unwrap()).collect();
    assert!(
        marks.contains(&"новое") && marks.contains(&"осталось"),
        "{marks:?}"
    );
    assert!(
        marks.iter().all(|m| ["новое", "осталось"].contains(m)),
        "{marks:?}"
    );
    // Without --compare the reports are as before.
    let plain = stdout(&audit(dir.path(), "2026-11-30", &["--format", "csv"]));
    assert!(!plain.lines().next().unwrap().ends_with(";Изменение"));
}

#[test]
fn a_file_that_is_no_earlier_audit_is_a_usage_error_naming_it() {
    let dir = oblast();
    let scratch = tempfile::tempdir().unwrap();
    let check = scratch.path().join("check.json");
    let output = hattama()
        .args([
            "check",
            "fixtures/check/ru-protocol-clean-01.md",
            "--format",
            "json",
        ])
        .output()
        .unwrap();
    std::fs::write(&check, &output.stdout).unwrap();
    let broken = scratch.path().join("broken.json");
    std::fs::write(
        &broken,
        "{\"version\": 3, \"tool\": \"hattama\", \"kind\": \"audit\",",
    )
    .unwrap();
    let older = scratch.path().join("v2.json");
    std::fs::write(
        &older,
        "{\"version\": 2, \"tool\": \"hattama\", \"kind\": \"audit\", \"findings\": []}",
    )
    .unwrap();
    let kazakh = scratch.path().join("kk.json");
    let written = hattama()
        .arg("audit")
        .arg(dir.path())
        .args([
            "--as-of",
            "2026-11-30",
            "--lang",
            "kk",
            "--no-config",
            "--format",
            "json",
        ])
        .output()
        .unwrap();
    std::fs::write(&kazakh, &written.stdout).unwrap();
    for (file, says) in [
        (check.as_path(), "это не отчёт hattama audit"),
        (broken.as_path(), "неверный JSON-отчёт аудита"),
        (kazakh.as_path(), "--lang kk"),
        (older.as_path(), "версия отчёта — 2"),
        (
            Path::new("no-such-report.json"),
            "не удалось прочитать отчёт прошлого аудита",
        ),
    ] {
        let output = audit(
            dir.path(),
            "2026-11-30",
            &["--compare", file.to_str().unwrap()],
        );
        assert_eq!(output.status.code(), Some(2), "{file:?}: {output:?}");
        let error = String::from_utf8_lossy(&output.stderr);
        assert!(error.contains(&file.display().to_string()), "{error}");
        assert!(error.contains(says), "{error}");
        assert!(output.stdout.is_empty());
    }
}

#[test]
fn each_commission_names_who_answers_for_it_from_its_latest_protocol() {
    let dir = oblast();
    let year = dir.path().join("kobda/2026");
    // The last protocol was chaired by another deputy akim than the ones before.
    let last = std::fs::read_to_string(year.join("protocol-06.md")).unwrap();
    std::fs::write(
        year.join("protocol-06.md"),
        last.replace("Жумабеков А.С.", "Сейтенов Б.Е."),
    )
    .unwrap();
    let output = audit(dir.path(), "2026-11-30", &["--format", "json"]);
    let report: Value = serde_json::from_str(&stdout(&output)).unwrap();
    let kobda = &report["commissions"][0];
    assert_eq!(kobda["responsible"]["chair"], "Сейтенов Б.Е.", "{kobda}");
    assert_eq!(kobda["responsible"]["secretary"], "Омарова Г.К.", "{kobda}");
    let roles: Vec<&str> = report["roles"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["name"].as_str().unwrap())
        .collect();
    assert_eq!(roles, ["председательствующий", "секретарь"]);
    let markdown = stdout(&audit(dir.path(), "2026-11-30", &["--format", "markdown"]));
    assert!(
        markdown.contains("председательствующий: Сейтенов Б.Е.; секретарь: Омарова Г.К."),
        "{markdown}"
    );
}

#[test]
fn history_draws_each_commission_over_the_earlier_audits_and_this_one() {
    let dir = oblast();
    let kept = tempfile::tempdir().unwrap();
    for day in ["2026-05-31", "2026-07-20", "2026-09-30"] {
        earlier(dir.path(), day, &kept.path().join(format!("{day}.json")));
    }
    // Not a report: `*.json` only are read.
    std::fs::write(kept.path().join("notes.txt"), "last month: fine").unwrap();
    let history = ["--history", kept.path().to_str().unwrap()];
    let json = audit(
        dir.path(),
        "2026-11-30",
        &[&["--format", "json"][..], &history].concat(),
    );
    let report: Value = serde_json::from_str(&stdout(&json)).unwrap();
    let days: Vec<&str> = report["history"]["days"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d.as_str().unwrap())
        .collect();
    assert_eq!(
        days,
        ["2026-05-31", "2026-07-20", "2026-09-30", "2026-11-30"]
    );
    let kobda = &report["history"]["commissions"][0];
    let overdue: Vec<u64> = kobda["points"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["overdue"].as_u64().unwrap())
        .collect();
    // Decisions fall overdue as their deadlines pass: none in May, four by November.
    assert_eq!(overdue.first(), Some(&0));
    assert_eq!(overdue.last(), Some(&4));
    assert!(overdue.windows(2).all(|w| w[0] <= w[1]), "{overdue:?}");
    let schema: Value =
        serde_json::from_str(&std::fs::read_to_string("docs/report.schema.json").unwrap()).unwrap();
    let validator = jsonschema::validator_for(&schema).unwrap();
    assert!(validator.is_valid(&report));
    let html = stdout(&audit(
        dir.path(),
        "2026-11-30",
        &[&["--format", "html"][..], &history].concat(),
    ));
    assert!(html.contains("<section id=\"history\">"));
    assert_eq!(
        html.matches("<svg class=\"spark\"").count(),
        2,
        "kobda and the oblast"
    );
    let markdown = stdout(&audit(
        dir.path(),
        "2026-11-30",
        &[&["--format", "markdown"][..], &history].concat(),
    ));
    assert!(
        markdown.contains("| 31.05.2026 | 20.07.2026 | 30.09.2026 | 30.11.2026 |"),
        "{markdown}"
    );
    // In the terminal: a column per audit day, the score with the overdue count beside it.
    let text = stdout(&audit(dir.path(), "2026-11-30", &history));
    let header = text
        .lines()
        .find(|line| line.contains("31.05.2026"))
        .unwrap_or_else(|| panic!("{text}"));
    assert!(
        header.contains("20.07.2026") && header.ends_with("30.11.2026"),
        "{header}"
    );
    assert!(
        text.lines().any(|line| line.ends_with(" (4)")),
        "four overdue by November: {text}"
    );
    // A report in the folder that is no audit's stops the run, naming it.
    let stray = kept.path().join("check.json");
    std::fs::write(
        &stray,
        "{\"version\": 2, \"tool\": \"hattama\", \"kind\": \"check\"}",
    )
    .unwrap();
    let refused = audit(dir.path(), "2026-11-30", &history);
    assert_eq!(refused.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&refused.stderr).contains("check.json"));
}

#[test]
fn this_months_copy_in_another_folder_is_the_same_archive() {
    // Monthly exports kept side by side (`2026-10-31/`, `2026-11-30/`): the same documents
    // under another folder keep their findings, all still open, none new or resolved.
    let then = oblast();
    let now = oblast();
    let previous = tempfile::NamedTempFile::new().unwrap();
    earlier(then.path(), "2026-11-30", previous.path());
    let report = compared(now.path(), "2026-11-30", previous.path());
    let oblast = &report["changes"]["oblast"];
    assert!(oblast["open_findings"].as_u64().unwrap() >= 3, "{oblast}");
    for key in [
        "new_findings",
        "resolved_findings",
        "newly_overdue",
        "overdue_closed",
    ] {
        assert_eq!(oblast[key], 0, "{key}: {oblast}");
    }
    let findings = report["findings"].as_array().unwrap();
    assert!(
        findings.iter().all(|f| f["change"] == "open"),
        "{findings:#?}"
    );
}
