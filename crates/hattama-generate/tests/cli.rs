//! The `hattama-generate` command as people run it: its help (clap's, in English), a corpus
//! written, the benchmark refusing to run without a hattama to time, and (when `cargo test
//! --workspace` has built hattama beside it) a small benchmark read back from the audit's
//! figures.

use std::path::PathBuf;
use std::process::{Command, Output};

fn generator() -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_hattama-generate"));
    for variable in ["LC_ALL", "LC_MESSAGES", "LANG"] {
        command.env_remove(variable);
    }
    command
}

fn run(args: &[&str]) -> Output {
    generator().args(args).output().unwrap()
}

fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

#[test]
fn every_command_has_its_manual() {
    for command in ["generate", "bench"] {
        let output = run(&["help", command]);
        assert_eq!(output.status.code(), Some(0));
        let page = stdout(&output);
        assert!(page.contains("Examples:"), "{command}: {page}");
        assert!(page.contains("Exit codes:"), "{command}: {page}");
        assert!(
            page.contains(&format!("hattama-generate {command}")),
            "{command}: {page}"
        );
    }
    let top = stdout(&run(&["--help"]));
    assert!(top.contains("generate") && top.contains("bench"), "{top}");
}

#[test]
fn usage_errors_exit_two() {
    let output = run(&["generate", "--lang", "ru"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr(&output).contains("<OUT>"), "{}", stderr(&output));
    let output = run(&["generate", "/tmp/x", "--as-of", "yesterday", "--lang", "en"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr(&output).contains("is not a date"),
        "{}",
        stderr(&output)
    );
}

#[test]
fn generate_writes_the_corpus_and_says_what() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("oblast");
    let out_text = out.display().to_string();
    let output = run(&[
        "generate",
        &out_text,
        "--districts",
        "1",
        "--years",
        "2026",
        "--lang",
        "en",
    ]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let said = stdout(&output);
    assert!(said.starts_with(&format!("{out_text}: ")), "{said}");
    assert!(said.contains(" documents, ") && said.contains("(ground-truth.json)"));
    assert!(out.join("ground-truth.json").is_file());
}

#[test]
fn the_benchmark_needs_a_hattama_to_time() {
    let dir = tempfile::tempdir().unwrap();
    let corpora = dir.path().join("bench");
    let corpora_text = corpora.display().to_string();
    let itself = env!("CARGO_BIN_EXE_hattama-generate");
    for hattama in ["/no/such/hattama", itself] {
        let output = run(&[
            "bench",
            "--sizes",
            "20",
            "--dir",
            &corpora_text,
            "--hattama",
            hattama,
            "--lang",
            "en",
        ]);
        assert_eq!(output.status.code(), Some(2), "{hattama}");
        let said = stderr(&output);
        assert!(
            said.starts_with(&format!(
                "hattama-generate: no hattama program to time at {hattama}"
            )),
            "{said}"
        );
        assert!(said.contains("cargo build --release --workspace"), "{said}");
        assert!(stdout(&output).is_empty());
        assert!(!corpora.exists(), "nothing is written before the check");
    }
}

/// The benchmark reads what `hattama audit` reports with HATTAMA_STATS: its CPU time, peak
/// memory and time by stage. Needs the `hattama` beside this program, which `cargo test
/// --workspace` builds (for hattama's own tests); with `-p hattama-generate` alone it may be
/// missing, and the test says so and passes.
#[test]
fn a_small_benchmark_reads_the_audits_figures() {
    let beside: PathBuf = PathBuf::from(env!("CARGO_BIN_EXE_hattama-generate"))
        .with_file_name(format!("hattama{}", std::env::consts::EXE_SUFFIX));
    if !beside.is_file() {
        eprintln!(
            "skipped: no {} (run `cargo test --workspace`)",
            beside.display()
        );
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let corpora = dir.path().display().to_string();
    let output = run(&[
        "bench", "--sizes", "20", "--years", "1", "--dir", &corpora, "--lang", "en",
    ]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let table = stdout(&output);
    let lines: Vec<&str> = table.lines().collect();
    assert!(
        lines[0].starts_with("format") && lines[0].contains("peak MiB"),
        "{table}"
    );
    assert!(
        lines[1].starts_with("text ") && lines[2].starts_with("docx "),
        "{table}"
    );
    #[cfg(target_os = "linux")]
    assert!(!lines[1].ends_with("n/a"), "peak memory read: {table}");
    assert!(
        table.contains("documents, time by stage (summed over threads, s): read "),
        "{table}"
    );
    #[cfg(unix)]
    assert!(
        table.contains("x the CPU time of only reading and parsing"),
        "{table}"
    );
    assert!(table.contains("Word (.docx), the same "), "{table}");
}
