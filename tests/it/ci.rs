//! What CI runs: baselines (only new findings fail), `--changed-since` (only changed files are
//! checked), and the manual in `--help`.

use crate::common;

use assert_cmd::Command;

use std::path::Path;

const SLOPPY: &str = "fixtures/check/ru-protocol-sloppy-01.txt";

/// What tells git which repository to use. Run from a git hook or `git rebase --exec`, these
/// point at the outer repository, and the temp repositories' commits would land there.
const GIT_LOCATION: [&str; 7] = [
    "GIT_DIR",
    "GIT_WORK_TREE",
    "GIT_INDEX_FILE",
    "GIT_COMMON_DIR",
    "GIT_OBJECT_DIRECTORY",
    "GIT_ALTERNATE_OBJECT_DIRECTORIES",
    "GIT_NAMESPACE",
];

/// git searches no further up than the temp folder, whatever holds it.
fn ceiling() -> std::path::PathBuf {
    let temp = std::env::temp_dir();
    temp.canonicalize().unwrap_or(temp)
}

/// The command, kept inside its temp folder as far as git goes.
fn hattama() -> Command {
    let mut command = common::hattama();
    command.env("GIT_CEILING_DIRECTORIES", ceiling());
    for variable in GIT_LOCATION {
        command.env_remove(variable);
    }
    command
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8(bytes.to_vec()).unwrap()
}

/// A folder `docs/` in a temp dir holding a copy of the sloppy protocol as `p.txt`.
fn documents() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("docs")).unwrap();
    std::fs::copy(SLOPPY, dir.path().join("docs/p.txt")).unwrap();
    dir
}

fn check_in(dir: &Path, extra: &[&str]) -> std::process::Output {
    hattama()
        .current_dir(dir)
        .args([
            "check",
            "docs",
            "--format",
            "concise",
            "--as-of",
            "2026-11-22",
        ])
        .args(extra)
        .output()
        .unwrap()
}

fn edit(path: &Path, change: impl FnOnce(String) -> String) {
    let before = std::fs::read_to_string(path).unwrap();
    let after = change(before.clone());
    assert_ne!(before, after, "the edit changed nothing");
    std::fs::write(path, after).unwrap();
}

#[test]
fn a_baseline_hides_the_findings_it_records_and_only_those() {
    let dir = documents();
    let written = check_in(
        dir.path(),
        &["--write-baseline", "baseline.json", "--lang", "en"],
    );
    assert_eq!(written.status.code(), Some(0), "{}", text(&written.stderr));
    assert!(written.stdout.is_empty(), "{}", text(&written.stdout));
    assert!(text(&written.stderr).contains("Wrote 5 findings to the baseline baseline.json"));
    let baseline = std::fs::read_to_string(dir.path().join("baseline.json")).unwrap();
    assert!(baseline.contains("\"version\": 1"), "{baseline}");
    assert!(baseline.contains("\"lang\": \"en\""), "{baseline}");
    assert!(baseline.contains("\"path\": \"docs/p.txt\""), "{baseline}");

    // Written twice, the same bytes.
    check_in(
        dir.path(),
        &["--write-baseline", "again.json", "--lang", "en"],
    );
    let again = std::fs::read_to_string(dir.path().join("again.json")).unwrap();
    assert_eq!(baseline, again);

    // Without the baseline the findings fail the run; with it, nothing is new.
    assert_eq!(check_in(dir.path(), &[]).status.code(), Some(1));
    let quiet = check_in(dir.path(), &["--baseline", "baseline.json"]);
    assert_eq!(quiet.status.code(), Some(0), "{}", text(&quiet.stdout));
    assert!(
        text(&quiet.stderr).contains("5 findings hidden by the baseline baseline.json"),
        "{}",
        text(&quiet.stderr)
    );

    // A line added at the top moves every finding down: still nothing new.
    let protocol = dir.path().join("docs/p.txt");
    edit(&protocol, |t| format!("Копия для сайта\r\n{t}"));
    let shifted = check_in(dir.path(), &["--baseline", "baseline.json"]);
    assert_eq!(shifted.status.code(), Some(0), "{}", text(&shifted.stdout));
    assert!(text(&shifted.stderr).contains("5 findings hidden"));

    // A new error is reported, and only it.
    edit(&protocol, |t| t.replacen("Срок: до 10.04.2026.\r\n", "", 1));
    let new = check_in(dir.path(), &["--baseline", "baseline.json"]);
    assert_eq!(new.status.code(), Some(1));
    let report = text(&new.stdout);
    let findings: Vec<&str> = report.lines().filter(|l| l.contains("[kz-kdn/")).collect();
    assert_eq!(findings.len(), 1, "{report}");
    assert!(
        findings[0].starts_with("docs/p.txt:29:1: error[kz-kdn/decision-deadline]")
            && findings[0].contains("1.3"),
        "{report}"
    );

    // `./docs` names the same files as `docs`.
    let dotted = hattama()
        .current_dir(dir.path())
        .args([
            "check",
            "./docs",
            "--baseline",
            "baseline.json",
            "--as-of",
            "2026-11-22",
        ])
        .output()
        .unwrap();
    assert!(
        text(&dotted.stderr).contains("5 findings hidden"),
        "{}",
        text(&dotted.stderr)
    );
}

#[test]
fn fixed_findings_are_counted_as_stale() {
    let dir = documents();
    check_in(dir.path(), &["--write-baseline", "b.json", "--lang", "en"]);
    edit(&dir.path().join("docs/p.txt"), |t| {
        t.replace("Срок: постоянно.", "Срок: до 01.05.2026.")
    });
    let run = check_in(dir.path(), &["--baseline", "b.json"]);
    assert_eq!(run.status.code(), Some(0));
    let stderr = text(&run.stderr);
    assert!(stderr.contains("4 findings hidden"), "{stderr}");
    assert!(stderr.contains("no longer found: 1"), "{stderr}");
}

#[test]
fn the_run_speaks_the_language_of_the_baseline_unless_told_otherwise() {
    let dir = documents();
    check_in(dir.path(), &["--write-baseline", "kk.json", "--lang", "kk"]);
    let default = check_in(dir.path(), &["--baseline", "kk.json"]);
    assert!(
        text(&default.stderr).contains("базалық"),
        "{}",
        text(&default.stderr)
    );
    let english = check_in(dir.path(), &["--baseline", "kk.json", "--lang", "en"]);
    let stderr = text(&english.stderr);
    assert!(stderr.contains("was written with --lang kk"), "{stderr}");
    assert!(stderr.contains("5 findings hidden"), "{stderr}");
}

#[test]
fn a_malformed_baseline_is_an_error_with_its_place() {
    let dir = documents();
    std::fs::write(
        dir.path().join("broken.json"),
        "{\n  \"version\": 1,\n  \"findings\": [\n    {\"path\": 7}\n  ]\n}\n",
    )
    .unwrap();
    let run = check_in(dir.path(), &["--baseline", "broken.json"]);
    assert_eq!(run.status.code(), Some(2));
    let stderr = text(&run.stderr);
    assert!(stderr.contains("broken.json:4:14:"), "{stderr}");
    assert!(run.stdout.is_empty(), "no document is checked");

    std::fs::write(
        dir.path().join("future.json"),
        r#"{"version": 9, "findings": []}"#,
    )
    .unwrap();
    let run = check_in(dir.path(), &["--baseline", "future.json", "--lang", "en"]);
    assert_eq!(run.status.code(), Some(2));
    assert!(
        text(&run.stderr).contains("baseline version 9"),
        "{}",
        text(&run.stderr)
    );

    let run = check_in(dir.path(), &["--baseline", "missing.json"]);
    assert_eq!(run.status.code(), Some(2));
    assert!(
        text(&run.stderr).contains("missing.json"),
        "{}",
        text(&run.stderr)
    );
}

#[test]
fn baseline_and_write_baseline_do_not_go_together() {
    let dir = documents();
    let run = check_in(
        dir.path(),
        &["--baseline", "a.json", "--write-baseline", "b.json"],
    );
    assert_eq!(run.status.code(), Some(2));
    // A baseline of the changed files only would make every other finding new.
    let run = check_in(
        dir.path(),
        &["--write-baseline", "b.json", "--changed-since", "HEAD"],
    );
    assert_eq!(run.status.code(), Some(2));
    assert!(!dir.path().join("b.json").exists());
}

#[test]
fn an_audit_takes_a_baseline_too() {
    let dir = tempfile::tempdir().unwrap();
    let baseline = dir.path().join("audit.json");
    let audit = |extra: &[&str]| {
        hattama()
            .args([
                "audit",
                "fixtures/audit/overdue",
                "--as-of",
                "2026-06-30",
                "--lang",
                "en",
            ])
            .args(extra)
            .output()
            .unwrap()
    };
    assert_eq!(audit(&[]).status.code(), Some(1));
    let baseline = baseline.to_str().unwrap();
    assert_eq!(
        audit(&["--write-baseline", baseline]).status.code(),
        Some(0)
    );
    let run = audit(&["--baseline", baseline]);
    assert_eq!(run.status.code(), Some(0), "{}", text(&run.stdout));
    assert!(text(&run.stderr).contains("hidden by the baseline"));
    // The commission's figures count what is left: no overdue decision, a full score.
    let json = audit(&["--baseline", baseline, "--format", "json"]);
    let report: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    let alga = &report["commissions"][0];
    assert_eq!(alga["overdue"], 0, "{alga}");
    assert_eq!(alga["errors"], 0, "{alga}");
    assert_eq!(alga["score"], 100.0, "{alga}");
    let before = audit(&["--format", "json"]);
    let report: serde_json::Value = serde_json::from_slice(&before.stdout).unwrap();
    assert_eq!(report["commissions"][0]["overdue"], 1);
}

/// `git` in `dir`, with an identity and no signing, so it runs on any machine.
fn git(dir: &Path, args: &[&str]) -> String {
    let mut command = std::process::Command::new("git");
    for variable in GIT_LOCATION {
        command.env_remove(variable);
    }
    let status = command
        .env("GIT_CEILING_DIRECTORIES", ceiling())
        .current_dir(dir)
        .args(["-c", "user.name=t", "-c", "user.email=t@example.invalid"])
        .args([
            "-c",
            "commit.gpgsign=false",
            "-c",
            "init.defaultBranch=main",
        ])
        .args(args)
        .output()
        .unwrap();
    assert!(
        status.status.success(),
        "git {args:?}: {}",
        text(&status.stderr)
    );
    text(&status.stdout)
}

fn has_git() -> bool {
    std::process::Command::new("git")
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success())
}

/// A repository with three committed documents, tagged `base`.
fn repository() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let docs = dir.path().join("docs");
    std::fs::create_dir_all(docs.join("2026")).unwrap();
    for name in ["a.txt", "b.txt", "2026/c.txt"] {
        std::fs::copy(SLOPPY, docs.join(name)).unwrap();
    }
    std::fs::write(dir.path().join(".gitignore"), "ignored/\n").unwrap();
    git(dir.path(), &["init", "-q"]);
    // Never commit anywhere but in the temp repository.
    let top = git(dir.path(), &["rev-parse", "--show-toplevel"]);
    assert_eq!(
        Path::new(top.trim()).canonicalize().unwrap(),
        dir.path().canonicalize().unwrap()
    );
    git(dir.path(), &["add", "."]);
    git(dir.path(), &["commit", "-q", "-m", "documents"]);
    git(dir.path(), &["tag", "base"]);
    dir
}

fn checked_files(output: &std::process::Output) -> Vec<String> {
    let mut files: Vec<String> = text(&output.stdout)
        .lines()
        .filter_map(|line| line.split(':').next())
        .filter(|path| path.ends_with(".txt") || path.ends_with(".md"))
        .map(str::to_string)
        .collect();
    files.dedup();
    files
}

#[test]
fn changed_since_checks_committed_modified_and_new_files_only() {
    if !has_git() {
        eprintln!("git is not installed: skipped");
        return;
    }
    let dir = repository();
    let root = dir.path();
    // Nothing changed yet: nothing to check, and that is clean.
    let none = check_in(root, &["--changed-since", "base"]);
    assert_eq!(none.status.code(), Some(0), "{}", text(&none.stderr));
    assert!(
        text(&none.stdout).contains("0 документов"),
        "{}",
        text(&none.stdout)
    );

    // A commit after base, an uncommitted edit, a new file, an ignored file, a deleted file.
    edit(&root.join("docs/2026/c.txt"), |t| {
        t.replace("Срок: до 10.04.2026.", "Срок: до 11.04.2026.")
    });
    git(root, &["commit", "-q", "-am", "edit c"]);
    edit(&root.join("docs/a.txt"), |t| {
        t.replace("Срок: до 10.04.2026.", "Срок: до 12.04.2026.")
    });
    std::fs::copy(SLOPPY, root.join("docs/new.txt")).unwrap();
    std::fs::create_dir(root.join("ignored")).unwrap();
    std::fs::copy(SLOPPY, root.join("ignored/x.txt")).unwrap();
    std::fs::remove_file(root.join("docs/b.txt")).unwrap();

    let run = check_in(root, &["--changed-since", "base"]);
    assert_eq!(run.status.code(), Some(1));
    assert_eq!(
        checked_files(&run),
        ["docs/2026/c.txt", "docs/a.txt", "docs/new.txt"],
        "{}",
        text(&run.stdout)
    );

    // Intersected with the paths given: a file, a subfolder.
    let one = hattama()
        .current_dir(root)
        .args([
            "check",
            "docs/a.txt",
            "docs/2026",
            "--format",
            "concise",
            "--changed-since",
            "HEAD",
        ])
        .output()
        .unwrap();
    assert_eq!(checked_files(&one), ["docs/a.txt"], "{}", text(&one.stdout));

    // From a subfolder of the repository, paths stay relative to where the command runs.
    let inner = hattama()
        .current_dir(root.join("docs"))
        .args([
            "check",
            ".",
            "--format",
            "concise",
            "--changed-since",
            "base",
        ])
        .output()
        .unwrap();
    assert_eq!(
        checked_files(&inner),
        ["./2026/c.txt", "./a.txt", "./new.txt"],
        "{}",
        text(&inner.stdout)
    );
}

#[test]
fn changed_since_outside_a_repository_or_with_a_bad_revision_is_an_error() {
    if !has_git() {
        return;
    }
    let plain = documents();
    let run = check_in(plain.path(), &["--changed-since", "HEAD", "--lang", "en"]);
    assert_eq!(run.status.code(), Some(2));
    assert!(
        text(&run.stderr).contains("not inside a git repository"),
        "{}",
        text(&run.stderr)
    );

    let repository = repository();
    for revision in ["no-such-branch", "--output=x"] {
        let changed_since = format!("--changed-since={revision}");
        let run = check_in(repository.path(), &[&changed_since, "--lang", "en"]);
        assert_eq!(run.status.code(), Some(2), "{revision}");
        let stderr = text(&run.stderr);
        assert!(stderr.contains("is not a revision"), "{stderr}");
    }
    assert!(!repository.path().join("x").exists());
}

#[test]
fn the_pre_commit_hook_runs_check_on_documents() {
    let text = std::fs::read_to_string(".pre-commit-hooks.yaml").unwrap();
    let hooks: Vec<serde_yaml_ng::Value> = serde_yaml_ng::from_str(&text).unwrap();
    assert_eq!(hooks.len(), 1);
    let hook = &hooks[0];
    assert_eq!(hook["id"].as_str(), Some("hattama"));
    assert_eq!(hook["entry"].as_str(), Some("hattama check"));
    assert_eq!(hook["language"].as_str(), Some("rust"));
    assert_eq!(hook["pass_filenames"].as_bool(), Some(true));
    let files = regex::Regex::new(hook["files"].as_str().unwrap()).unwrap();
    for name in ["a/protocol.md", "plan.TXT", "b.markdown"] {
        assert!(files.is_match(name), "{name}");
    }
    for name in ["a.docx.bak", "notes.mdx", "Cargo.toml"] {
        assert!(!files.is_match(name), "{name}");
    }
}

/// The help asked for with `args`, in English.
fn help(args: &[&str]) -> String {
    let output = hattama()
        .args(args)
        .args(["--lang", "en"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0), "{args:?}");
    text(&output.stdout)
}

#[test]
fn help_for_check_reads_like_a_manual() {
    for args in [&["help", "check"][..], &["check", "--help"]] {
        let page = help(args);
        assert!(
            page.contains("Examples:\n  hattama check protocol.md"),
            "{page}"
        );
        assert!(page.contains("--baseline .hattama-baseline.json"), "{page}");
        assert!(page.contains("Exit codes:"), "{page}");
        for code in [
            "  0  no findings at or above the fail level",
            "  1  findings",
            "  2  usage",
        ] {
            assert!(page.contains(code), "{code}: {page}");
        }
    }
    // -h stays a summary.
    let short = help(&["check", "-h"]);
    assert!(
        !short.contains("Examples:") && !short.contains("Exit codes:"),
        "{short}"
    );
    assert!(short.lines().count() < 25, "{short}");
}

#[test]
fn every_command_has_examples_and_exit_codes() {
    let commands = [
        "check",
        "audit",
        "rules",
        "explain",
        "inspect",
        "completions",
        "test-rules",
    ];
    for command in commands {
        let page = help(&["help", command]);
        assert!(page.contains("Examples:\n"), "{command}: {page}");
        assert!(page.contains("Exit codes:\n"), "{command}: {page}");
        let example = format!("  hattama {command}");
        assert!(page.contains(&example), "{command}: {page}");
    }
    let top = help(&["--help"]);
    assert!(top.contains("Exit codes: 0"), "{top}");
}
