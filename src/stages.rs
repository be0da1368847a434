//! Where an audit's time goes, stage by stage, and what it cost: with `HATTAMA_STATS` set,
//! `hattama audit` prints the seconds of each stage, its CPU time and its peak memory on stderr
//! (`stage_NAME_seconds=`, `cpu_seconds=`, `peak_rss_kib=` lines). The generator's benchmark
//! (`hattama-generate bench`) runs the audit in a child process and reads them, so that a slower
//! build shows which stage slowed.
//!
//! Each stage's time is summed over the threads that ran it, so on a loaded machine it also
//! counts time a thread waited for a core. Nothing is timed unless the variable is set: a
//! normal run pays one flag test per stage.

use std::sync::OnceLock;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Instant;

/// The environment variable that makes `hattama audit` time its stages and report them, its
/// CPU time and its peak memory on stderr.
pub const STATS_VARIABLE: &str = "HATTAMA_STATS";

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stage {
    /// Bytes to text: encodings, Word files, front matter.
    Read,
    /// Text to the document model of lines, tables and headings.
    Parse,
    /// Kind, sections, fields, dates, decisions and measures.
    Extract,
    /// The rules that look at one document at a time.
    Check,
    /// The facts each document keeps for the corpus rules.
    Facts,
    /// The rules that compare documents: copies, cadence, follow-up, turnover.
    Corpus,
    /// Writing the report.
    Render,
}

impl Stage {
    pub const ALL: [Stage; 7] = [
        Stage::Read,
        Stage::Parse,
        Stage::Extract,
        Stage::Check,
        Stage::Facts,
        Stage::Corpus,
        Stage::Render,
    ];

    /// The name in the `stage_NAME_seconds=` lines the audit prints.
    pub fn key(self) -> &'static str {
        match self {
            Stage::Read => "read",
            Stage::Parse => "parse",
            Stage::Extract => "extract",
            Stage::Check => "check",
            Stage::Facts => "facts",
            Stage::Corpus => "corpus",
            Stage::Render => "render",
        }
    }
}

static NANOS: [AtomicU64; Stage::ALL.len()] = [const { AtomicU64::new(0) }; Stage::ALL.len()];

fn enabled() -> bool {
    static ENABLED: OnceLock<bool> = OnceLock::new();
    *ENABLED.get_or_init(|| std::env::var_os(STATS_VARIABLE).is_some())
}

/// Runs `work`, adding its time to `stage` when stage times are kept.
pub fn time<T>(stage: Stage, work: impl FnOnce() -> T) -> T {
    if !enabled() {
        return work();
    }
    let started = Instant::now();
    let result = work();
    let nanos = u64::try_from(started.elapsed().as_nanos()).unwrap_or(u64::MAX);
    NANOS[stage as usize].fetch_add(nanos, Ordering::Relaxed);
    result
}

/// Every stage with the seconds it has taken so far.
pub fn seconds() -> Vec<(Stage, f64)> {
    Stage::ALL
        .iter()
        .map(|&stage| {
            let nanos = NANOS[stage as usize].load(Ordering::Relaxed);
            (stage, nanos as f64 / 1e9)
        })
        .collect()
}

/// The stage times in the `stage_NAME_seconds=` lines of an audit's stderr.
pub fn parse_report(stderr: &str) -> Vec<(Stage, f64)> {
    Stage::ALL
        .iter()
        .filter_map(|&stage| {
            let prefix = format!("stage_{}_seconds=", stage.key());
            let value = stderr.lines().find_map(|line| line.strip_prefix(&prefix))?;
            Some((stage, value.trim().parse().ok()?))
        })
        .collect()
}

/// The lines [`parse_report`] reads.
pub fn report() -> String {
    seconds()
        .into_iter()
        .map(|(stage, seconds)| format!("stage_{}_seconds={seconds:.4}\n", stage.key()))
        .collect()
}

/// The user and system time this process has used so far, all threads together.
pub fn cpu_seconds() -> Option<f64> {
    #[cfg(unix)]
    {
        use nix::sys::resource::{UsageWho, getrusage};
        let usage = getrusage(UsageWho::RUSAGE_SELF).ok()?;
        let seconds =
            |time: nix::sys::time::TimeVal| time.tv_sec() as f64 + time.tv_usec() as f64 / 1e6;
        Some(seconds(usage.user_time()) + seconds(usage.system_time()))
    }
    #[cfg(not(unix))]
    {
        None
    }
}

/// The peak resident memory of this process in KiB, where the system tells it (Linux).
pub fn peak_rss_kib() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    status
        .lines()
        .find_map(|line| line.strip_prefix("VmHWM:"))
        .and_then(|rest| rest.trim().trim_end_matches("kB").trim().parse().ok())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_report_reads_back() {
        let lines = "peak_rss_kib=100\nstage_read_seconds=0.5000\nstage_corpus_seconds=1.2500\n";
        assert_eq!(
            parse_report(lines),
            vec![(Stage::Read, 0.5), (Stage::Corpus, 1.25)]
        );
        let all = report();
        assert_eq!(parse_report(&all).len(), Stage::ALL.len());
    }
}
