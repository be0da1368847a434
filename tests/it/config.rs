//! hattama.yml as users write it: found from a subfolder upward or named with --config; rules
//! turned off, severities and parameters changed, paths ignored, the language set; mistakes
//! reported with file, line and column; `config --show` printing what it read.

use assert_cmd::Command;
use std::path::{Path, PathBuf};

fn hattama(dir: &Path) -> Command {
    let mut command = Command::cargo_bin("hattama").unwrap();
    command
        .current_dir(dir)
        .env_remove("LANG")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env("NO_COLOR", "1");
    command
}

fn fixture(path: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fixtures")
        .join(path)
}

/// A temporary folder with `hattama.yml` holding `config`.
fn project(config: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("hattama.yml"), config).unwrap();
    dir
}

struct Run {
    code: Option<i32>,
    stdout: String,
    stderr: String,
}

fn run(dir: &Path, args: &[&str]) -> Run {
    let output = hattama(dir).args(args).output().unwrap();
    Run {
        code: output.status.code(),
        stdout: String::from_utf8(output.stdout).unwrap(),
        stderr: String::from_utf8(output.stderr).unwrap(),
    }
}

/// `check --format concise --lang en` on one fixture, from `dir`.
fn check(dir: &Path, file: &str, extra: &[&str]) -> Run {
    let path = fixture(file);
    let mut args = vec![
        "check",
        path.to_str().unwrap(),
        "--format",
        "concise",
        "--as-of",
        "2026-11-22",
    ];
    args.extend_from_slice(extra);
    run(dir, &args)
}

const SLOPPY: &str = "check/ru-protocol-sloppy-01.txt";

#[test]
fn a_file_in_a_folder_above_is_found_and_applied() {
    let dir = project("disable: [decision-deadline]\n");
    let deep = dir.path().join("district/2026");
    std::fs::create_dir_all(&deep).unwrap();

    let without = check(dir.path(), SLOPPY, &["--lang", "en", "--no-config"]);
    assert!(
        without.stdout.contains("[kz-kdn/decision-deadline]"),
        "{}",
        without.stdout
    );

    let with = check(&deep, SLOPPY, &["--lang", "en"]);
    assert_eq!(with.code, Some(1), "{}", with.stderr);
    assert!(
        !with.stdout.contains("decision-deadline"),
        "{}",
        with.stdout
    );
    assert!(
        with.stdout.contains("[kz-kdn/quorum]"),
        "other rules still run"
    );

    let path = run(&deep, &["config", "--path"]);
    assert_eq!(path.code, Some(0));
    assert_eq!(
        PathBuf::from(path.stdout.trim()).canonicalize().unwrap(),
        dir.path().join("hattama.yml").canonicalize().unwrap()
    );
    let rules = run(&deep, &["rules", "--lang", "en"]);
    let line = rules
        .stdout
        .lines()
        .find(|l| l.starts_with("kz-kdn/decision-deadline "))
        .unwrap();
    assert!(line.contains(" off "), "{line}");
}

#[test]
fn an_explicit_file_wins_over_discovery_and_no_config_skips_it() {
    let dir = project("disable: [quorum]\n");
    let other = tempfile::tempdir().unwrap();
    let explicit = other.path().join("ci.yml");
    std::fs::write(&explicit, "disable: [decision-deadline]\n").unwrap();

    let named = check(
        dir.path(),
        SLOPPY,
        &["--config", explicit.to_str().unwrap()],
    );
    assert!(
        !named.stdout.contains("decision-deadline"),
        "{}",
        named.stdout
    );
    assert!(named.stdout.contains("[kz-kdn/quorum]"), "{}", named.stdout);

    let skipped = check(dir.path(), SLOPPY, &["--no-config"]);
    assert!(skipped.stdout.contains("[kz-kdn/quorum]"));
    assert!(skipped.stdout.contains("[kz-kdn/decision-deadline]"));

    let none = run(other.path(), &["config", "--path"]);
    assert_eq!(none.code, Some(1));
    assert!(none.stdout.is_empty());
}

#[test]
fn severity_overrides_change_the_reported_severity() {
    let file = "check/ru-protocol-sloppy-02.md";
    let plain = check(Path::new("."), file, &["--no-config"]);
    assert!(
        plain.stdout.contains("warning[kz-kdn/protocol-place]"),
        "{}",
        plain.stdout
    );

    let dir = project("severity:\n  protocol-place: error\n  kz-kdn/vote-record: info\n");
    let changed = check(dir.path(), file, &[]);
    assert!(
        changed.stdout.contains("error[kz-kdn/protocol-place]"),
        "{}",
        changed.stdout
    );
    assert!(
        changed.stdout.contains("info[kz-kdn/vote-record]"),
        "{}",
        changed.stdout
    );
    assert!(
        !changed.stdout.contains("warning[kz-kdn/"),
        "{}",
        changed.stdout
    );
}

#[test]
fn parameters_change_what_document_and_corpus_rules_require() {
    // Quorum: 4 of 11 present is enough when a third suffices.
    let dir = project("params:\n  quorum:\n    quorum: 0.3\n");
    let lenient = check(dir.path(), SLOPPY, &[]);
    assert_eq!(lenient.code, Some(1), "{}", lenient.stderr);
    assert!(
        !lenient.stdout.contains("[kz-kdn/quorum]"),
        "{}",
        lenient.stdout
    );

    // Session gap: the 2026 cadence oblast has a gap of more than 45 days, not of more than 100.
    let cadence = fixture("audit/cadence");
    let audit = |dir: &Path| {
        run(
            dir,
            &[
                "audit",
                cadence.to_str().unwrap(),
                "--as-of",
                "2026-06-30",
                "--format",
                "json",
            ],
        )
        .stdout
    };
    let plain = tempfile::tempdir().unwrap();
    assert!(audit(plain.path()).contains("\"kz-kdn/session-gap\""));
    let dir = project("params:\n  session-gap: {max_gap_days: 100}\n");
    let report = audit(dir.path());
    assert!(report.contains("\"kz-kdn/sessions-per-month\""), "{report}");
    assert!(!report.contains("\"kz-kdn/session-gap\""), "{report}");
}

#[test]
fn ignored_paths_are_not_checked() {
    let dir = project("ignore:\n  - drafts\n  - 'oblast/*-sloppy-*.txt'\n");
    let oblast = dir.path().join("oblast");
    std::fs::create_dir_all(oblast.join("drafts")).unwrap();
    for (from, to) in [
        (
            "check/ru-protocol-sloppy-01.txt",
            "oblast/ru-protocol-sloppy-01.txt",
        ),
        (
            "check/ru-protocol-sloppy-02.md",
            "oblast/ru-protocol-sloppy-02.md",
        ),
        (
            "check/ru-protocol-sloppy-03.txt",
            "oblast/drafts/ru-protocol-sloppy-03.txt",
        ),
    ] {
        std::fs::copy(fixture(from), dir.path().join(to)).unwrap();
    }
    let result = run(dir.path(), &["check", "oblast", "--format", "concise"]);
    assert!(
        result.stdout.contains("ru-protocol-sloppy-02.md"),
        "{}",
        result.stdout
    );
    assert!(!result.stdout.contains("sloppy-01"), "{}", result.stdout);
    assert!(!result.stdout.contains("sloppy-03"), "{}", result.stdout);

    // The paths are the configuration folder's, whatever folder the command runs in.
    let inside = run(&oblast, &["check", ".", "--format", "concise"]);
    assert!(
        inside.stdout.contains("ru-protocol-sloppy-02.md"),
        "{}",
        inside.stdout
    );
    assert!(!inside.stdout.contains("sloppy-01"), "{}", inside.stdout);
    assert!(!inside.stdout.contains("sloppy-03"), "{}", inside.stdout);
}

#[test]
fn language_fail_level_and_commission_level_come_from_the_file_unless_flags_say() {
    let dir = project("lang: kk\nfail_level: none\ncommission_level: 2\n");
    let kazakh = check(dir.path(), SLOPPY, &[]);
    assert_eq!(kazakh.code, Some(0), "fail_level: none");
    assert!(kazakh.stdout.contains("шешімінде"), "{}", kazakh.stdout);

    let flags = check(
        dir.path(),
        SLOPPY,
        &["--lang", "en", "--fail-level", "error"],
    );
    assert_eq!(flags.code, Some(1));
    assert!(
        flags.stdout.contains("Decision 2.2 sets no deadline"),
        "{}",
        flags.stdout
    );

    let cadence = fixture("audit/cadence");
    let audit = run(
        dir.path(),
        &[
            "audit",
            cadence.to_str().unwrap(),
            "--as-of",
            "2026-06-30",
            "--format",
            "json",
        ],
    );
    let report: serde_json::Value = serde_json::from_str(&audit.stdout).unwrap();
    assert_eq!(report["commissions"][0]["id"], "kargaly/2026");
}

#[test]
fn suppressions_of_disabled_rules_are_not_reported_unused() {
    let dir = project("");
    let text = std::fs::read_to_string(fixture("check/ru-protocol-clean-01.md")).unwrap();
    let document = format!("<!-- hattama-disable-file plan-year -- не план -->\n{text}");
    std::fs::write(dir.path().join("protocol.md"), document).unwrap();
    let before = run(dir.path(), &["check", "protocol.md", "--format", "concise"]);
    assert!(
        before.stdout.contains("hattama/unused-suppression"),
        "{}",
        before.stdout
    );

    std::fs::write(dir.path().join("hattama.yml"), "disable: [plan-year]\n").unwrap();
    let after = run(dir.path(), &["check", "protocol.md", "--format", "concise"]);
    assert_eq!(after.code, Some(0), "{}", after.stdout);
    assert!(
        !after.stdout.contains("unused-suppression"),
        "{}",
        after.stdout
    );
}

#[test]
fn an_unknown_key_is_an_error_with_file_line_and_column() {
    let dir = project("lang: ru\ncolour: red\n");
    let result = check(dir.path(), SLOPPY, &[]);
    assert_eq!(result.code, Some(2));
    assert!(result.stdout.is_empty());
    assert!(
        result.stderr.contains("hattama.yml:2:1:"),
        "{}",
        result.stderr
    );
    assert!(result.stderr.contains("colour"), "{}", result.stderr);

    let wrong_type = project("fail_level: [error]\n");
    let result = check(wrong_type.path(), SLOPPY, &[]);
    assert_eq!(result.code, Some(2));
    assert!(
        result.stderr.contains("hattama.yml:1:13:"),
        "{}",
        result.stderr
    );
}

#[test]
fn an_unknown_rule_or_parameter_is_an_error_with_line_and_column() {
    let dir = project("disable:\n  - decision-deadline\n  - decision-deadlin\n");
    let result = check(dir.path(), SLOPPY, &[]);
    assert_eq!(result.code, Some(2));
    assert!(
        result.stderr.contains("hattama.yml:3:5:"),
        "{}",
        result.stderr
    );
    assert!(
        result.stderr.contains("decision-deadlin`"),
        "{}",
        result.stderr
    );

    let dir = project("params:\n  session-gap:\n    max_days: 10\n");
    let result = run(dir.path(), &["rules"]);
    assert_eq!(result.code, Some(2));
    assert!(
        result.stderr.contains("hattama.yml:3:5:"),
        "{}",
        result.stderr
    );
    assert!(result.stderr.contains("max_gap_days"), "{}", result.stderr);
}

#[test]
fn the_shown_configuration_parses_back_to_the_same_settings() {
    let dir = project(
        "# CI\ndisable: ['kz-kdn/plan-*']\nenable: [plan-sessions]\nseverity: {protocol-place: error}\n\
         params:\n  session-gap: {max_gap_days: 60}\n  quorum: {quorum: 0.6}\nignore: [drafts]\nlang: kk\n",
    );
    let shown = run(dir.path(), &["config", "--show"]);
    assert_eq!(shown.code, Some(0), "{}", shown.stderr);
    // In the file's language.
    assert!(
        shown
            .stdout
            .starts_with("# hattama-ның қолданыстағы баптауы, hattama.yml файлынан"),
        "{}",
        shown.stdout
    );
    let read: hattama::config::ConfigFile = serde_yaml_ng::from_str(&shown.stdout).unwrap();
    assert_eq!(read.disable, ["kz-kdn/plan-*"]);
    assert_eq!(read.enable, ["plan-sessions"]);
    assert_eq!(read.lang, Some(hattama::lang::Lang::Kk));
    assert_eq!(read.fail_level, Some(hattama::config::FailLevel::Error));
    assert_eq!(read.params["session-gap"]["max_gap_days"], 60);

    // Written to a file, it is a configuration that gives the same output.
    let copy = tempfile::tempdir().unwrap();
    std::fs::write(copy.path().join("hattama.yml"), &shown.stdout).unwrap();
    let again = run(copy.path(), &["config", "--show"]);
    assert_eq!(again.code, Some(0), "{}", again.stderr);
    let body = |text: &str| text.lines().skip(1).collect::<Vec<_>>().join("\n");
    assert_eq!(body(&again.stdout), body(&shown.stdout));

    let none = tempfile::tempdir().unwrap();
    let defaults = run(none.path(), &["config", "--no-config"]);
    assert!(
        defaults.stdout.starts_with("# --no-config"),
        "{}",
        defaults.stdout
    );
    let read: hattama::config::ConfigFile = serde_yaml_ng::from_str(&defaults.stdout).unwrap();
    assert_eq!(read.default_rules, Some(true));
}
