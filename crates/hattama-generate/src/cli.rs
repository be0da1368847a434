//! Arguments of `hattama-generate`, what its commands print, and the exit code. The library
//! does the work. The help is clap's, in English: this is the project's own tool, not the
//! product (whose help speaks Kazakh, Russian and English); `--lang` sets the language of what
//! the commands print.

use anyhow::{Context, Result};
use chrono::NaiveDate;
use clap::{Args, Parser, Subcommand};
use hattama::lang::Lang;
use hattama_generate::bench::{self, Measurement};
use hattama_generate::{DocumentFormat, GenerateOptions, messages};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// Exit codes, as the help gives them (clap's usage errors exit with 2 too).
const EXIT_CLEAN: u8 = 0;
const EXIT_ERROR: u8 = 2;

/// Writes synthetic oblasts of commission documents with planted defects, and times
/// `hattama audit` on them: hattama's test data and benchmark.
#[derive(Parser)]
#[command(
    name = "hattama-generate",
    version,
    after_help = "Examples:
  hattama-generate generate /tmp/oblast --districts 20
  cargo build --release --workspace && target/release/hattama-generate bench --sizes 5000

Exit codes: 0 done, 2 usage error, or a corpus that cannot be written or audited."
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Write a synthetic oblast of realistic protocols, plans and compositions, with planted
    /// defects listed in OUT/ground-truth.json
    ///
    /// Realistic protocols, work plans and composition orders in Kazakh, Russian or both, as Word
    /// exports without front matter, in `district/year/` folders. Unless --clean is given,
    /// defects of every kind are planted (a missing deadline, no quorum, an unmasked ИИН, an
    /// overdue decision, a copied plan, …) and listed with their file and line in
    /// OUT/ground-truth.json. The same seed gives the same files.
    #[command(after_help = "Examples:
  hattama-generate generate /tmp/oblast
  hattama-generate generate /tmp/oblast --districts 20 --years 2025,2026 --seed 7
  hattama-generate generate /tmp/clean --clean
  hattama-generate generate /tmp/word --format docx
  hattama-generate generate /tmp/monthly --districts 12 --months 3
  hattama audit /tmp/oblast --as-of 2026-11-30

Exit codes:
  0  the corpus was written
  2  a bad option, or OUT cannot be written")]
    Generate(GenerateArgs),
    /// Time `hattama audit` on generated oblasts of several sizes (release builds)
    ///
    /// Each audit runs in a child process: documents and MB per second, peak memory, how the
    /// time grows with the size, where the time went by stage, and the audit's CPU time against
    /// only reading and parsing the same files. The smallest oblast is written as Word files
    /// (.docx) too and audited again. The program timed is the `hattama` beside this one
    /// (`cargo build --release --workspace` builds both into target/release), or the one
    /// --hattama names. Each corpus is written into --dir anew.
    #[command(after_help = "Examples:
  cargo build --release --workspace && target/release/hattama-generate bench
  hattama-generate bench --sizes 1000,10000 --years 3 --dir /tmp/bench
  hattama-generate bench --sizes 1000 --hattama /usr/local/bin/hattama

Exit codes:
  0  the benchmark ran
  2  a bad option, no hattama program to time, or a corpus cannot be written or audited")]
    Bench(BenchArgs),
}

#[derive(Args)]
struct GenerateArgs {
    /// Folder to write (created; existing files with the same names are overwritten)
    out: PathBuf,
    /// Number of districts (commissions)
    #[arg(long, default_value_t = 5)]
    districts: usize,
    /// Years to cover, comma-separated
    #[arg(long, value_delimiter = ',', default_values_t = [2025, 2026])]
    years: Vec<i32>,
    /// Seed of the random choices: the same seed gives the same documents
    #[arg(long, default_value_t = 1)]
    seed: u64,
    /// The audit day the corpus is written for: no document is dated on or after it
    #[arg(long, value_parser = parse_date, default_value = "2026-11-30")]
    as_of: NaiveDate,
    /// Write every document clean, with no planted defect
    #[arg(long)]
    clean: bool,
    /// What to write each document as
    #[arg(long = "format", value_name = "FORMAT", value_enum, default_value_t = DocumentFormat::Text)]
    document_format: DocumentFormat,
    /// Write the oblast as it stood on N days a month apart, the last --as-of: one folder per
    /// day (OUT/2026-10-30/, OUT/2026-11-30/), for monthly audits to compare. Each month some
    /// commissions mend a defect and others make new ones; OUT/changes.json lists them
    #[arg(long, value_name = "N", default_value_t = 1, value_parser = clap::value_parser!(u32).range(1..=120))]
    months: u32,
    /// Language of the summary line: kk, ru or en
    #[arg(long, value_parser = parse_lang)]
    lang: Option<Lang>,
}

#[derive(Args)]
struct BenchArgs {
    /// Where the corpora are written (one subfolder per size and format, replaced on every run)
    #[arg(long, default_value = "target/bench-corpus")]
    dir: PathBuf,
    /// Approximate corpus sizes in documents, comma-separated
    #[arg(long, value_delimiter = ',', default_values_t = [5000, 50000])]
    sizes: Vec<usize>,
    /// Years each corpus covers
    #[arg(long, default_value_t = 10)]
    years: usize,
    /// Seed of the random choices: the same seed gives the same documents
    #[arg(long, default_value_t = 1)]
    seed: u64,
    /// The audit day the corpora are written for and audited on
    #[arg(long, value_parser = parse_date, default_value = "2026-11-30")]
    as_of: NaiveDate,
    /// The hattama program to time (default: the one beside this program)
    #[arg(long, value_name = "PATH")]
    hattama: Option<PathBuf>,
    /// Language of the table's headings: kk, ru or en
    #[arg(long, value_parser = parse_lang)]
    lang: Option<Lang>,
}

fn parse_lang(text: &str) -> Result<Lang, String> {
    Lang::from_code(text).ok_or_else(|| format!("`{text}` is not kk, ru or en"))
}

fn parse_date(text: &str) -> Result<NaiveDate, String> {
    hattama::calendar::parse_day(text)
        .ok_or_else(|| format!("`{text}` is not a date (2026-11-30 or 30.11.2026)"))
}

pub fn run() -> ExitCode {
    let cli = Cli::parse();
    let mut lang = Lang::from_env().unwrap_or(Lang::Ru);
    match execute(cli, &mut lang) {
        Ok(code) => ExitCode::from(code),
        Err(error) if is_broken_pipe(&error) => ExitCode::from(EXIT_CLEAN),
        Err(error) => {
            eprintln!("hattama-generate: {}", describe(&error, lang));
            ExitCode::from(EXIT_ERROR)
        }
    }
}

/// The error and its causes, `: ` between them; the system's errors in `lang`.
fn describe(error: &anyhow::Error, lang: Lang) -> String {
    let parts: Vec<String> = error
        .chain()
        .map(|cause| match cause.downcast_ref::<std::io::Error>() {
            Some(error) => hattama::messages::data::io_error(lang, error),
            None => cause.to_string(),
        })
        .collect();
    parts.join(": ")
}

/// The reader went away (`hattama-generate … | head`): not an error worth a message.
fn is_broken_pipe(error: &anyhow::Error) -> bool {
    error
        .downcast_ref::<std::io::Error>()
        .is_some_and(|e| e.kind() == std::io::ErrorKind::BrokenPipe)
}

/// A line per snapshot folder, then a line per month.
fn write_monthly(
    out: &mut impl Write,
    lang: Lang,
    monthly: &hattama_generate::Monthly,
) -> std::io::Result<()> {
    for snapshot in &monthly.snapshots {
        let line = messages::snapshot(
            lang,
            &snapshot.folder.display().to_string(),
            snapshot.documents,
            snapshot.bytes as f64 / 1e6,
        );
        writeln!(out, "{line}")?;
    }
    for month in &monthly.changes {
        writeln!(
            out,
            "{}",
            messages::month_changes(
                lang,
                &month.since,
                &month.day,
                month.mended.len(),
                month.new.len()
            )
        )?;
    }
    Ok(())
}

/// The language of a command's output: `--lang`, else the locale's, else Russian.
fn language(given: Option<Lang>) -> Lang {
    given.or_else(Lang::from_env).unwrap_or(Lang::Ru)
}

/// Runs the command; `shown` becomes the run's language once it is known, for the error, if
/// there is one.
fn execute(cli: Cli, shown: &mut Lang) -> Result<u8> {
    let mut out = anstream::stdout().lock();
    match cli.command {
        Command::Generate(args) => {
            let lang = language(args.lang);
            *shown = lang;
            let options = GenerateOptions {
                out: args.out.clone(),
                districts: args.districts,
                years: args.years,
                seed: args.seed,
                as_of: args.as_of,
                defects: !args.clean,
                format: args.document_format,
            };
            let cannot_write =
                || hattama::messages::cannot_write(lang, &args.out.display().to_string());
            if args.months > 1 {
                let monthly = hattama_generate::generate_months(&options, args.months as usize)
                    .with_context(cannot_write)?;
                write_monthly(&mut out, lang, &monthly)?;
            } else {
                let truth = hattama_generate::generate(&options).with_context(cannot_write)?;
                writeln!(
                    out,
                    "{}",
                    messages::generated(
                        lang,
                        &args.out.display().to_string(),
                        truth.documents,
                        truth.bytes as f64 / 1e6,
                        truth.planted.len()
                    )
                )?;
            }
            Ok(EXIT_CLEAN)
        }
        Command::Bench(args) => {
            let lang = language(args.lang);
            *shown = lang;
            let hattama = match &args.hattama {
                Some(path) => path.clone(),
                None => {
                    bench::hattama_beside_this_program().context(messages::no_own_program(lang))?
                }
            };
            check_hattama(&hattama, lang)?;
            run_bench(&args, &hattama, lang, &mut out)?;
            Ok(EXIT_CLEAN)
        }
    }
}

/// Refuses, before any corpus is written, a `hattama` that does not run as hattama: missing
/// (not built), not a program, or another program.
fn check_hattama(hattama: &Path, lang: Lang) -> Result<()> {
    let version = std::process::Command::new(hattama)
        .arg("--version")
        .output();
    match version {
        Ok(output) if output.status.success() && output.stdout.starts_with(b"hattama ") => Ok(()),
        _ => anyhow::bail!(messages::no_hattama(lang, &hattama.display().to_string())),
    }
}

/// `bench`: the table of runs, then the time by stage, the floor, the growth and Word.
fn run_bench(args: &BenchArgs, hattama: &Path, lang: Lang, out: &mut impl Write) -> Result<()> {
    let [
        format,
        documents,
        mb,
        seconds,
        per_second,
        mb_per_second,
        peak,
    ] = messages::bench_columns(lang);
    writeln!(
        out,
        "{format:<6} {documents:>9} {mb:>10} {seconds:>9} {per_second:>10} {mb_per_second:>8} {peak:>10}"
    )?;
    let measure = |size: usize, format: DocumentFormat| {
        let dir = match format {
            DocumentFormat::Text => args.dir.join(format!("corpus-{size}")),
            DocumentFormat::Docx => args.dir.join(format!("corpus-{size}-docx")),
        };
        bench::measure(
            hattama, &dir, size, args.years, args.as_of, args.seed, format,
        )
        .with_context(|| messages::benchmark_failed(lang, &dir.display().to_string()))
    };
    let mut runs = Vec::new();
    let mut floors = Vec::new();
    for size in &args.sizes {
        let run = measure(*size, DocumentFormat::Text)?;
        write_row(out, &run, lang)?;
        let dir = args.dir.join(format!("corpus-{size}"));
        let floor = bench::read_and_parse_floor(&dir)
            .with_context(|| messages::benchmark_failed(lang, &dir.display().to_string()))?;
        floors.push((run.documents, run.cpu_against(&floor), floor));
        runs.push(run);
    }
    // Word beside text on the smallest corpus: the same documents, only another format.
    let smallest = args.sizes.iter().zip(&runs).min_by_key(|(size, _)| **size);
    let word = match smallest {
        Some((&size, text)) => {
            let run = measure(size, DocumentFormat::Docx)?;
            write_row(out, &run, lang)?;
            Some((run, text))
        }
        None => None,
    };
    for run in runs.iter().filter(|run| !run.stages.is_empty()) {
        writeln!(
            out,
            "{}",
            messages::bench_stages(lang, run.documents, &run.stages)
        )?;
    }
    for (documents, ratio, floor) in &floors {
        let round = |x: f64| (x * 10.0).round() / 10.0;
        writeln!(
            out,
            "{}",
            messages::bench_floor(
                lang,
                *documents,
                floor.cpu_seconds.map(|s| (s * 100.0).round() / 100.0),
                ratio.map(round)
            )
        )?;
    }
    if let (Some(small), Some(large)) = (runs.first(), runs.last())
        && runs.len() > 1
    {
        let documents = large.documents as f64 / small.documents.max(1) as f64;
        let time = large.seconds / small.seconds.max(1e-9);
        writeln!(
            out,
            "{}",
            messages::bench_growth(
                lang,
                (documents * 10.0).round() / 10.0,
                (time * 10.0).round() / 10.0
            )
        )?;
    }
    if let Some((word, text)) = &word {
        let ratio = word.speed_against(text);
        writeln!(
            out,
            "{}",
            messages::bench_docx(lang, word.documents, (ratio * 100.0).round() / 100.0)
        )?;
    }
    Ok(())
}

/// One row of the benchmark's table.
fn write_row(out: &mut impl Write, run: &Measurement, lang: Lang) -> std::io::Result<()> {
    let format = match run.format {
        DocumentFormat::Text => "text",
        DocumentFormat::Docx => "docx",
    };
    writeln!(
        out,
        "{format:<6} {:>9} {:>10.1} {:>9.2} {:>10.0} {:>8.1} {:>10}",
        run.documents,
        run.bytes as f64 / 1e6,
        run.seconds,
        run.documents_per_second(),
        run.mib_per_second(),
        run.peak_mib.map_or_else(
            || messages::not_available(lang).to_string(),
            |m| format!("{m:.0}")
        )
    )
}
