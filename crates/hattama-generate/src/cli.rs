//! Arguments of `hattama-generate`, what its commands print, and the exit code. The library
//! does the work.

use anyhow::{Context, Result};
use chrono::NaiveDate;
use clap::{Args, CommandFactory, FromArgMatches, Parser, Subcommand};
use hattama::command_line::{option_before_parsing, parse_date, parse_lang, stderr, usage};
use hattama::lang::Lang;
use hattama_generate::bench::{self, Measurement};
use hattama_generate::{DocumentFormat, GenerateOptions, messages};
use std::ffi::OsString;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use crate::help;

/// The name messages on stderr start with.
const PROGRAM: &str = "hattama-generate";

/// Exit codes, as the help gives them.
const EXIT_CLEAN: u8 = 0;
const EXIT_ERROR: u8 = 2;

#[derive(Parser)]
#[command(name = "hattama-generate", version, disable_help_subcommand = true)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

// The help of every command and argument is in help/ (one file per language), by the names
// given here: the variant's name in kebab case, the field's name.

#[derive(Subcommand)]
enum Command {
    Generate(GenerateArgs),
    Bench(BenchArgs),
    // clap's own `help` command is English: this one prints the manual in the run's language.
    Help {
        command: Option<String>,
        #[arg(long, value_parser = parse_lang)]
        lang: Option<Lang>,
    },
}

#[derive(Args)]
struct GenerateArgs {
    out: PathBuf,
    #[arg(long, default_value_t = 5)]
    districts: usize,
    #[arg(long, value_delimiter = ',', default_values_t = [2025, 2026])]
    years: Vec<i32>,
    #[arg(long, default_value_t = 1)]
    seed: u64,
    #[arg(long, value_parser = parse_date, default_value = "2026-11-30")]
    as_of: NaiveDate,
    #[arg(long)]
    clean: bool,
    // `--format` of the documents: the id its help and value help have in help/.
    #[arg(long = "format", value_name = "FORMAT", value_enum, default_value_t = DocumentFormat::Text)]
    document_format: DocumentFormat,
    #[arg(long, value_parser = parse_lang)]
    lang: Option<Lang>,
}

#[derive(Args)]
struct BenchArgs {
    #[arg(long, default_value = "target/bench-corpus")]
    dir: PathBuf,
    #[arg(long, value_delimiter = ',', default_values_t = [5000, 50000])]
    sizes: Vec<usize>,
    #[arg(long, default_value_t = 10)]
    years: usize,
    #[arg(long, default_value_t = 1)]
    seed: u64,
    #[arg(long, value_parser = parse_date, default_value = "2026-11-30")]
    as_of: NaiveDate,
    #[arg(long, value_name = "PATH")]
    hattama: Option<PathBuf>,
    #[arg(long, value_parser = parse_lang)]
    lang: Option<Lang>,
}

/// The command line's definition with its help in `lang`.
pub fn command(lang: Lang) -> clap::Command {
    help::localize(Cli::command(), lang)
}

pub fn run() -> ExitCode {
    let args: Vec<OsString> = std::env::args_os().collect();
    let mut lang = early_language(&args);
    let parsed = command(lang)
        .try_get_matches_from(&args)
        .and_then(|matches| Cli::from_arg_matches(&matches));
    let cli = match parsed {
        Ok(cli) => cli,
        Err(error) => return ExitCode::from(usage::report(&error, lang)),
    };
    match execute(cli, &mut lang) {
        Ok(code) => ExitCode::from(code),
        Err(error) if is_broken_pipe(&error) => ExitCode::from(EXIT_CLEAN),
        Err(error) => {
            stderr::say(PROGRAM, &describe(&error, lang));
            ExitCode::from(EXIT_ERROR)
        }
    }
}

/// The language of the help and of errors before the arguments are parsed: `--lang`, else the
/// locale's (LC_ALL, LC_MESSAGES, LANG), else Russian.
fn early_language(args: &[OsString]) -> Lang {
    let args: Vec<&str> = args
        .iter()
        .skip(1)
        .map(|arg| arg.to_str().unwrap_or_default())
        .collect();
    option_before_parsing(&args, "lang")
        .and_then(Lang::from_code)
        .or_else(Lang::from_env)
        .unwrap_or(Lang::Ru)
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
            let truth = hattama_generate::generate(&GenerateOptions {
                out: args.out.clone(),
                districts: args.districts,
                years: args.years,
                seed: args.seed,
                as_of: args.as_of,
                defects: !args.clean,
                format: args.document_format,
            })
            .with_context(|| {
                hattama::messages::cannot_write(lang, &args.out.display().to_string())
            })?;
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
        Command::Help { command: name, .. } => {
            let mut command = command(*shown);
            command.build();
            let page = match &name {
                Some(name) => command
                    .find_subcommand_mut(name)
                    .expect("clap checked the name"),
                None => &mut command,
            };
            write!(out, "{}", page.render_long_help().ansi())?;
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
