//! `hattama-generate bench`: generates synthetic oblasts of a few sizes and times `hattama
//! audit` on each in a child process (the `hattama` program beside this one, or `--hattama`),
//! so the figures are those of a real run (release build, all cores), with the child's own CPU
//! time, peak memory and time by stage (`HATTAMA_STATS`, see `hattama::stages`). The same
//! oblast written as Word files (same seed, same text) measures what reading `.docx` costs
//! against Markdown and text. Beside each audit, the bench measures the floor any such tool
//! stands on: walking the same folder, reading every file and parsing it (pulldown-cmark for
//! Markdown, lines for text), and prints the audit's CPU time as a multiple of it.

use crate::{DocumentFormat, GenerateOptions, generate};
use chrono::NaiveDate;
use hattama::stages::{STATS_VARIABLE, Stage, cpu_seconds, parse_report};
use rayon::prelude::*;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

/// Protocols, a plan and a composition per district and year, as the generator writes them.
const DOCUMENTS_PER_DISTRICT_YEAR: usize = 16;

#[derive(Debug, Clone)]
pub struct Measurement {
    pub format: DocumentFormat,
    pub documents: usize,
    pub bytes: u64,
    pub districts: usize,
    pub years: usize,
    pub seconds: f64,
    /// The audit's user and system time, as the child reported it.
    pub cpu_seconds: Option<f64>,
    pub peak_mib: Option<f64>,
    /// Seconds by stage, summed over threads, as the child reported them.
    pub stages: Vec<(Stage, f64)>,
}

impl Measurement {
    pub fn documents_per_second(&self) -> f64 {
        self.documents as f64 / self.seconds.max(1e-9)
    }

    pub fn mib_per_second(&self) -> f64 {
        self.bytes as f64 / 1024.0 / 1024.0 / self.seconds.max(1e-9)
    }

    /// Documents per second against those of `other` (on the same corpus in another format).
    pub fn speed_against(&self, other: &Measurement) -> f64 {
        self.documents_per_second() / other.documents_per_second().max(1e-9)
    }

    /// The audit's CPU time as a multiple of the floor's, where both are known.
    pub fn cpu_against(&self, floor: &Floor) -> Option<f64> {
        Some(self.cpu_seconds? / floor.cpu_seconds?.max(1e-9))
    }
}

/// The `hattama` program beside this one, as `cargo build --release --workspace` leaves them
/// (`target/release/hattama` beside `target/release/hattama-generate`); it may not be there.
pub fn hattama_beside_this_program() -> std::io::Result<PathBuf> {
    let own = std::env::current_exe()?;
    let name = format!("hattama{}", std::env::consts::EXE_SUFFIX);
    Ok(own.with_file_name(name))
}

/// Walking, reading and parsing a corpus, and nothing else: what no checker can go below.
#[derive(Debug, Clone)]
pub struct Floor {
    pub files: usize,
    pub seconds: f64,
    pub cpu_seconds: Option<f64>,
}

/// Walks `dir`, reads every Markdown and text file and parses it (every pulldown-cmark event
/// of a Markdown file, every line of a text file), on all cores as the audit runs.
pub fn read_and_parse_floor(dir: &Path) -> std::io::Result<Floor> {
    let started = Instant::now();
    let cpu_before = cpu_seconds();
    let paths: Vec<PathBuf> = walkdir::WalkDir::new(dir)
        .sort_by_file_name()
        .into_iter()
        .filter_map(Result::ok)
        .filter(|entry| entry.file_type().is_file())
        .map(walkdir::DirEntry::into_path)
        .filter(|path| matches!(extension(path).as_deref(), Some("md" | "txt")))
        .collect();
    let parsed: std::io::Result<usize> = paths
        .par_iter()
        .map(|path| {
            let bytes = std::fs::read(path)?;
            let text = String::from_utf8_lossy(&bytes);
            Ok(match extension(path).as_deref() {
                Some("md") => pulldown_cmark::Parser::new(&text).count(),
                _ => text.lines().count(),
            })
        })
        .sum();
    std::hint::black_box(parsed?);
    let cpu_seconds = match (cpu_before, cpu_seconds()) {
        (Some(before), Some(after)) => Some(after - before),
        _ => None,
    };
    Ok(Floor {
        files: paths.len(),
        seconds: started.elapsed().as_secs_f64(),
        cpu_seconds,
    })
}

fn extension(path: &Path) -> Option<String> {
    path.extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase)
}

/// Generates a corpus of about `documents` documents over `years` years in `dir`, its
/// documents written as `format`, and audits it with the program `hattama`. A previous corpus
/// there (a folder holding `ground-truth.json`) is removed first.
pub fn measure(
    hattama: &Path,
    dir: &Path,
    documents: usize,
    years: usize,
    as_of: NaiveDate,
    seed: u64,
    format: DocumentFormat,
) -> std::io::Result<Measurement> {
    let years = years.max(1);
    let districts = (documents / (years * DOCUMENTS_PER_DISTRICT_YEAR)).max(1);
    let last = as_of
        .format("%Y")
        .to_string()
        .parse::<i32>()
        .unwrap_or(2026);
    let options = GenerateOptions {
        out: dir.to_path_buf(),
        districts,
        years: (last + 1 - years as i32..=last).collect(),
        seed,
        as_of,
        defects: true,
        format,
    };
    if dir.join("ground-truth.json").is_file() {
        std::fs::remove_dir_all(dir)?;
    }
    let truth = generate(&options)?;
    let started = Instant::now();
    let output = Command::new(hattama)
        .arg("audit")
        .arg(dir)
        .args(["--format", "json", "--as-of", &as_of.to_string()])
        .env(STATS_VARIABLE, "1")
        .output()?;
    let seconds = started.elapsed().as_secs_f64();
    let stderr = String::from_utf8_lossy(&output.stderr);
    let stat = |name: &str| {
        stderr
            .lines()
            .find_map(|line| line.strip_prefix(name)?.strip_prefix('='))
            .and_then(|value| value.trim().parse::<f64>().ok())
    };
    let peak_mib = stat("peak_rss_kib").map(|kib| kib / 1024.0);
    let cpu_seconds = stat("cpu_seconds");
    Ok(Measurement {
        format,
        documents: truth.documents,
        bytes: truth.bytes,
        districts,
        years,
        seconds,
        cpu_seconds,
        peak_mib,
        stages: parse_report(&stderr),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_floor_reads_and_parses_markdown_and_text_only() {
        let dir = tempfile::tempdir().unwrap();
        let nested = dir.path().join("district/2026");
        std::fs::create_dir_all(&nested).unwrap();
        std::fs::write(nested.join("a.md"), "# ПРОТОКОЛ № 1\n\n- один\n- два\n").unwrap();
        std::fs::write(nested.join("b.TXT"), "ХАТТАМА № 2\nҚатысқандар: 8\n").unwrap();
        std::fs::write(nested.join("c.docx"), b"PK\x03\x04").unwrap();
        std::fs::write(dir.path().join("ground-truth.json"), "{}").unwrap();
        let floor = read_and_parse_floor(dir.path()).unwrap();
        assert_eq!(floor.files, 2);
        assert!(floor.seconds >= 0.0);
        #[cfg(unix)]
        assert!(floor.cpu_seconds.is_some_and(|s| s >= 0.0));
    }

    #[test]
    fn the_audit_is_compared_to_the_floor_by_cpu_time() {
        let run = Measurement {
            format: DocumentFormat::Text,
            documents: 10,
            bytes: 1000,
            districts: 1,
            years: 1,
            seconds: 2.0,
            cpu_seconds: Some(3.0),
            peak_mib: None,
            stages: Vec::new(),
        };
        let floor = |cpu| Floor {
            files: 10,
            seconds: 0.1,
            cpu_seconds: cpu,
        };
        assert_eq!(run.cpu_against(&floor(Some(0.5))), Some(6.0));
        assert_eq!(run.cpu_against(&floor(None)), None);
    }
}
