//! `hattama bench`: generates synthetic oblasts of a few sizes and times `hattama audit` on
//! each in a child process, so the figures are those of a real run (release build, all
//! cores), with the child's own peak memory. The same oblast written as Word files (same seed,
//! same text) measures what reading `.docx` costs against Markdown and text.

use crate::generate::{DocumentFormat, GenerateOptions, generate};
use chrono::NaiveDate;
use std::path::Path;
use std::process::Command;
use std::time::Instant;

/// The environment variable that makes `hattama audit` report its peak memory on stderr.
pub const STATS_VARIABLE: &str = "HATTAMA_STATS";

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
    pub peak_mib: Option<f64>,
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
}

/// Generates a corpus of about `documents` documents over `years` years in `dir`, its
/// documents written as `format`, and audits it. A previous corpus there (a folder holding
/// `ground-truth.json`) is removed first.
pub fn measure(
    exe: &Path,
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
    let output = Command::new(exe)
        .arg("audit")
        .arg(dir)
        .args(["--format", "json", "--as-of", &as_of.to_string()])
        .env(STATS_VARIABLE, "1")
        .output()?;
    let seconds = started.elapsed().as_secs_f64();
    let stderr = String::from_utf8_lossy(&output.stderr);
    let peak_mib = stderr
        .lines()
        .find_map(|line| line.strip_prefix("peak_rss_kib="))
        .and_then(|kib| kib.trim().parse::<f64>().ok())
        .map(|kib| kib / 1024.0);
    Ok(Measurement {
        format,
        documents: truth.documents,
        bytes: truth.bytes,
        districts,
        years,
        seconds,
        peak_mib,
    })
}

/// The peak resident memory of this process in KiB, where the system tells it (Linux).
pub fn peak_rss_kib() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    status
        .lines()
        .find_map(|line| line.strip_prefix("VmHWM:"))
        .and_then(|rest| rest.trim().trim_end_matches("kB").trim().parse().ok())
}
