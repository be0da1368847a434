//! Arguments, the settings derived from them, and the exit code. The library does the work.

use anyhow::{Context, Result};
use chrono::NaiveDate;
use clap::{Args, Parser, Subcommand};
use hattama::baseline::{self, Baseline};
use hattama::config::{Config, ConfigError, FailLevel};
use hattama::engine::{self, Settings};
use hattama::finding::Finding;
use hattama::lang::Lang;
use hattama::messages;
use hattama::pack::Pack;
use hattama::report;
use std::ffi::OsString;
use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use crate::help;

/// Exit codes, as documented in README.md.
const EXIT_CLEAN: u8 = 0;
const EXIT_FINDINGS: u8 = 1;
const EXIT_ERROR: u8 = 2;

#[derive(Parser)]
#[command(
    name = "hattama",
    version,
    about = "Checks the protocols, work plans and composition orders of commissions on minors' affairs (КДН) against the rule pack.",
    after_help = "Examples:\n  hattama check protocol.md\n  hattama check fixtures/check --lang kk\n  hattama check docs/ --format json --as-of 2026-11-30\n  hattama explain decision-deadline --lang ru\n\nExit codes: 0 no findings at or above the fail level, 1 findings, 2 usage, configuration or rule-pack error."
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Check documents (.md, .txt; folders are walked) and print the findings.
    #[command(long_about = help::CHECK, after_long_help = help::CHECK_AFTER)]
    Check(CheckArgs),
    /// Audit every document below a folder (an oblast's districts): document rules, then
    /// follow-ups, session cadence, numbering, secretaries, plans and copies per commission.
    #[command(long_about = help::AUDIT, after_long_help = help::AUDIT_AFTER)]
    Audit(AuditArgs),
    /// Write a synthetic oblast of realistic protocols, plans and compositions, with planted
    /// defects listed in OUT/ground-truth.json (for trials, tests and benchmarks).
    #[command(long_about = help::GENERATE, after_long_help = help::GENERATE_AFTER)]
    Generate(GenerateArgs),
    /// Time `audit` on generated oblasts of several sizes (release build): documents and MB per
    /// second, peak memory, and how the time grows with the size.
    #[command(long_about = help::BENCH, after_long_help = help::BENCH_AFTER)]
    Bench(BenchArgs),
    /// Print a shell completion script: `hattama completions bash > /etc/bash_completion.d/hattama`.
    #[command(long_about = help::COMPLETIONS, after_long_help = help::COMPLETIONS_AFTER)]
    Completions {
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
    /// Show what the rule pack reads in a document: kind, fields, sections, decisions, measures.
    #[command(long_about = help::INSPECT, after_long_help = help::INSPECT_AFTER)]
    Inspect {
        file: PathBuf,
        #[command(flatten)]
        pack: PackArgs,
    },
    /// List the rules of the loaded packs.
    #[command(long_about = help::RULES, after_long_help = help::RULES_AFTER)]
    Rules(PackArgs),
    /// Explain one rule: what it checks, why, how to fix, an example.
    #[command(long_about = help::EXPLAIN, after_long_help = help::EXPLAIN_AFTER)]
    Explain {
        /// Rule id, with or without the pack prefix (`decision-deadline` or `kz-kdn/decision-deadline`).
        rule: String,
        #[command(flatten)]
        pack: PackArgs,
    },
    /// Show the configuration in effect (hattama.yml found from the working folder upward, or
    /// --config), after checking it against the loaded rule packs.
    Config(ConfigArgs),
    /// Test the rule pack on documents annotated with the findings they must produce.
    #[command(long_about = help::TEST_RULES, after_long_help = help::TEST_RULES_AFTER)]
    TestRules(TestRulesArgs),
}

#[derive(Args)]
struct ConfigArgs {
    /// Print the configuration in effect as YAML (the default).
    #[arg(long, conflicts_with = "path")]
    show: bool,
    /// Print the path of the configuration file (exit code 1 when there is none).
    #[arg(long)]
    path: bool,
    #[command(flatten)]
    pack: PackArgs,
}

#[derive(Args)]
struct TestRulesArgs {
    /// Folders (or files) of annotated documents.
    #[arg(required = true)]
    paths: Vec<PathBuf>,
    #[command(flatten)]
    pack: PackArgs,
    /// The day date-relative rules count from (YYYY-MM-DD or DD.MM.YYYY); default: today.
    #[arg(long, value_parser = parse_date)]
    as_of: Option<NaiveDate>,
}

#[derive(Args)]
struct PackArgs {
    /// Language of messages: kk, ru or en (default: hattama.yml's, else the locale's, else ru).
    #[arg(long, value_parser = parse_lang, global = true)]
    lang: Option<Lang>,
    /// A rule pack folder to add; a pack with the id of an earlier one replaces it. Repeatable.
    #[arg(long = "rules", value_name = "DIR")]
    rules: Vec<PathBuf>,
    /// Do not load the built-in pack (use only --rules).
    #[arg(long)]
    no_default_rules: bool,
    /// The configuration file to use instead of the hattama.yml found from the working folder
    /// upward.
    #[arg(long, value_name = "FILE", global = true)]
    config: Option<PathBuf>,
    /// Use no configuration file.
    #[arg(long, conflicts_with = "config", global = true)]
    no_config: bool,
}

#[derive(Args)]
struct CheckArgs {
    /// Files or folders to check.
    #[arg(required = true)]
    paths: Vec<PathBuf>,
    #[command(flatten)]
    pack: PackArgs,
    #[command(flatten)]
    output: OutputArgs,
    /// The lowest severity that makes the exit code 1 (default: hattama.yml's, else error).
    #[arg(long, value_enum)]
    fail_level: Option<FailLevel>,
    /// The day date-relative rules count from (YYYY-MM-DD or DD.MM.YYYY); default: today.
    #[arg(long, value_parser = parse_date)]
    as_of: Option<NaiveDate>,
    #[command(flatten)]
    baseline: BaselineArgs,
    /// Check only the documents changed since this git revision.
    ///
    /// Changed: committed since REV, staged or modified (`git diff --name-only REV`), or new
    /// and not ignored (`git ls-files --others --exclude-standard`); deleted files are skipped.
    /// Only those below the paths given are checked. Needs git; on a pull request, use the
    /// merge base: `--changed-since "$(git merge-base origin/main HEAD)"`. A baseline is
    /// written from a full run, so this does not go with --write-baseline.
    #[arg(long, value_name = "REV", conflicts_with = "write_baseline")]
    changed_since: Option<String>,
}

#[derive(Args)]
struct BaselineArgs {
    /// Report only the findings not recorded in this baseline file (see --write-baseline).
    ///
    /// Findings match on rule, path and the text of their line, so lines added elsewhere do not
    /// make them new; how many were hidden is said on stderr. Run from the same folder, with
    /// the same paths, as when the baseline was written.
    #[arg(long, value_name = "FILE")]
    baseline: Option<PathBuf>,
    /// Record the current findings in FILE as the accepted baseline, print no report, exit 0.
    ///
    /// The file is sorted JSON (version, language, one entry per finding: path, rule,
    /// fingerprint, message); commit it next to the documents.
    #[arg(long, value_name = "FILE", conflicts_with = "baseline")]
    write_baseline: Option<PathBuf>,
}

impl BaselineArgs {
    /// The `--baseline` file, read before any document is, so a broken one stops the run early.
    fn load(&self) -> Result<Option<Baseline>> {
        Ok(match &self.baseline {
            Some(file) => Some(Baseline::load(file)?),
            None => None,
        })
    }

    /// The language of the run: `--lang`, else the baseline's, else `fallback` (the locale's).
    /// Findings about a whole document match the baseline only in the language it was
    /// written in, so a different `--lang` is warned about.
    fn language(&self, baseline: Option<&Baseline>, given: Option<Lang>, fallback: Lang) -> Lang {
        let (Some(baseline), Some(file)) = (baseline, &self.baseline) else {
            return fallback;
        };
        match (given, baseline.lang) {
            (None, Some(written)) => written,
            (Some(given), Some(written)) if given != written => {
                let file = file.display().to_string();
                eprintln!(
                    "hattama: {}",
                    messages::baseline::language(given, &file, written)
                );
                given
            }
            _ => fallback,
        }
    }

    /// Writes the baseline (and says the run is over, with its exit code) or hides the
    /// findings the baseline accepts, saying on stderr how many.
    fn apply(
        &self,
        baseline: Option<Baseline>,
        findings: &mut Vec<Finding>,
        lang: Lang,
    ) -> Result<Option<u8>> {
        if let Some(file) = &self.write_baseline {
            let written = baseline::write(file, findings, lang)?;
            let file = file.display().to_string();
            eprintln!(
                "hattama: {}",
                messages::baseline::written(lang, written, &file)
            );
            return Ok(Some(EXIT_CLEAN));
        }
        if let (Some(baseline), Some(file)) = (baseline, &self.baseline) {
            let filtered = baseline.filter(std::mem::take(findings));
            *findings = filtered.new;
            let file = file.display().to_string();
            eprintln!(
                "hattama: {}",
                messages::baseline::hidden(lang, filtered.hidden, &file)
            );
            if filtered.stale > 0 {
                eprintln!(
                    "hattama: {}",
                    messages::baseline::stale(lang, filtered.stale, &file)
                );
            }
        }
        Ok(None)
    }
}

#[derive(Args)]
struct OutputArgs {
    /// Output format.
    #[arg(long, value_enum, default_value_t = report::Format::Text)]
    format: report::Format,
    /// Render with this minijinja template instead of the format's own (text, concise,
    /// markdown, html, csv, json; see docs/report.md for what a template can use).
    #[arg(long, value_name = "FILE")]
    template: Option<PathBuf>,
    /// Write the report to FILE instead of standard output.
    #[arg(long, short = 'o', value_name = "FILE")]
    output: Option<PathBuf>,
}

#[derive(Args)]
struct AuditArgs {
    /// The folder to audit, e.g. `oblast/` holding `district/year/…` folders.
    dir: PathBuf,
    #[command(flatten)]
    pack: PackArgs,
    #[command(flatten)]
    output: OutputArgs,
    /// The lowest severity that makes the exit code 1 (default: hattama.yml's, else error).
    #[arg(long, value_enum)]
    fail_level: Option<FailLevel>,
    /// The audit day: deadlines and session gaps are counted up to it (default: today).
    #[arg(long, value_parser = parse_date)]
    as_of: Option<NaiveDate>,
    /// Which folder level below DIR names the commission (1 = the first); default: the deepest
    /// folder above each file that is not a year.
    #[arg(long, value_name = "N")]
    commission_level: Option<usize>,
    /// Text format: print every finding, not only those about the commissions as a whole.
    #[arg(long)]
    details: bool,
    /// No progress bar on the terminal.
    #[arg(long, short = 'q')]
    quiet: bool,
    #[command(flatten)]
    baseline: BaselineArgs,
}

#[derive(Args)]
struct GenerateArgs {
    /// Folder to write (created; existing files with the same names are overwritten).
    out: PathBuf,
    /// Number of districts (commissions).
    #[arg(long, default_value_t = 5)]
    districts: usize,
    /// Years to cover, comma-separated.
    #[arg(long, value_delimiter = ',', default_values_t = [2025, 2026])]
    years: Vec<i32>,
    #[arg(long, default_value_t = 1)]
    seed: u64,
    /// The audit day the corpus is written for: no document is dated on or after it.
    #[arg(long, value_parser = parse_date, default_value = "2026-11-30")]
    as_of: NaiveDate,
    /// Write every document clean, with no planted defect.
    #[arg(long)]
    clean: bool,
    /// Language of the summary line: kk, ru or en.
    #[arg(long, value_parser = parse_lang)]
    lang: Option<Lang>,
}

#[derive(Args)]
struct BenchArgs {
    /// Where the corpora are written (one subfolder per size; reused when present).
    #[arg(long, default_value = "target/bench-corpus")]
    dir: PathBuf,
    /// Approximate corpus sizes in documents, comma-separated.
    #[arg(long, value_delimiter = ',', default_values_t = [5000, 50000])]
    sizes: Vec<usize>,
    /// Years each corpus covers.
    #[arg(long, default_value_t = 10)]
    years: usize,
    #[arg(long, default_value_t = 1)]
    seed: u64,
    #[arg(long, value_parser = parse_date, default_value = "2026-11-30")]
    as_of: NaiveDate,
    /// Language of the table's headings: kk, ru or en.
    #[arg(long, value_parser = parse_lang)]
    lang: Option<Lang>,
}

/// An option value that cannot be read; said in the run's language when clap reports it.
#[derive(Debug, thiserror::Error)]
#[error("{}", self.message(Lang::En))]
enum BadValue {
    Lang(String),
    Date(String),
}

impl BadValue {
    fn message(&self, lang: Lang) -> String {
        match self {
            BadValue::Lang(text) => messages::cli::bad_language(lang, text),
            BadValue::Date(text) => messages::cli::bad_date(lang, text),
        }
    }
}

fn parse_lang(text: &str) -> Result<Lang, BadValue> {
    Lang::from_code(text).ok_or_else(|| BadValue::Lang(text.to_string()))
}

fn parse_date(text: &str) -> Result<NaiveDate, BadValue> {
    NaiveDate::parse_from_str(text, "%Y-%m-%d")
        .or_else(|_| NaiveDate::parse_from_str(text, "%d.%m.%Y"))
        .map_err(|_| BadValue::Date(text.to_string()))
}

pub fn run() -> ExitCode {
    let args: Vec<OsString> = std::env::args_os().collect();
    // Until the configuration is loaded, the language is the one found before parsing.
    let mut lang = early_language(&args);
    let cli = Cli::parse_from(&args);
    match execute(cli, &mut lang) {
        Ok(code) => ExitCode::from(code),
        Err(error) if is_broken_pipe(&error) => ExitCode::from(EXIT_CLEAN),
        Err(error) => {
            eprintln!("hattama: {}", describe(&error, lang));
            ExitCode::from(EXIT_ERROR)
        }
    }
}

/// The language of the run as far as it can be known before the arguments are parsed, for
/// `--help` and for errors that come before the configuration is loaded: `--lang`, else the
/// configuration's (`--config FILE`, else the `hattama.yml` found from the working folder
/// upward, unless `--no-config`; a file that cannot be read gives none), else the locale's
/// (LC_ALL, LC_MESSAGES, LANG), else Russian. No rule pack is loaded for it.
fn early_language(args: &[OsString]) -> Lang {
    let args: Vec<&str> = args
        .iter()
        .skip(1)
        .map(|arg| arg.to_str().unwrap_or_default())
        .take_while(|&arg| arg != "--")
        .collect();
    let option = |name: &str| {
        let long = format!("--{name}");
        let joined = format!("--{name}=");
        args.iter().enumerate().find_map(|(at, &arg)| {
            if arg == long {
                args.get(at + 1).copied()
            } else {
                arg.strip_prefix(&joined)
            }
        })
    };
    let configured = || {
        let explicit = option("config").map(PathBuf::from);
        let skip = args.contains(&"--no-config");
        Config::resolve(explicit.as_deref(), skip)
            .ok()
            .and_then(|config| config.lang())
    };
    option("lang")
        .and_then(Lang::from_code)
        .or_else(configured)
        .or_else(Lang::from_env)
        .unwrap_or(Lang::Ru)
}

/// The error and its causes, `: ` between them, each in `lang` where hattama made it.
fn describe(error: &anyhow::Error, lang: Lang) -> String {
    let mut parts = Vec::new();
    for cause in error.chain() {
        match localized(cause, lang) {
            // These say their causes themselves.
            Some(message) => {
                parts.push(message);
                break;
            }
            None => parts.push(cause.to_string()),
        }
    }
    parts.join(": ")
}

/// The message of one of the library's errors (or of the system's), in `lang`.
fn localized(cause: &(dyn std::error::Error + 'static), lang: Lang) -> Option<String> {
    if let Some(error) = cause.downcast_ref::<ConfigError>() {
        return Some(error.message(lang));
    }
    if let Some(error) = cause.downcast_ref::<hattama::baseline::BaselineError>() {
        return Some(error.message(lang));
    }
    if let Some(error) = cause.downcast_ref::<hattama::changed::ChangedError>() {
        return Some(error.message(lang));
    }
    if let Some(error) = cause.downcast_ref::<hattama::rule_tests::RuleTestError>() {
        return Some(error.message(lang));
    }
    if let Some(error) = cause.downcast_ref::<hattama::read::ReadError>() {
        return Some(engine::read_error(error, lang));
    }
    cause
        .downcast_ref::<std::io::Error>()
        .map(|error| messages::data::io_error(lang, error))
}

/// The reader went away (`hattama … | head`): not an error worth a message.
fn is_broken_pipe(error: &anyhow::Error) -> bool {
    error
        .downcast_ref::<std::io::Error>()
        .is_some_and(|e| e.kind() == std::io::ErrorKind::BrokenPipe)
}

/// The audit day: `--as-of`, else today on this machine.
fn today_or(as_of: Option<NaiveDate>) -> NaiveDate {
    as_of.unwrap_or_else(|| chrono::Local::now().date_naive())
}

/// 1 when any finding is at or above the fail level, else 0.
fn exit_code(findings: &[hattama::finding::Finding], level: FailLevel) -> u8 {
    if findings.iter().any(|f| level.fails(f.severity)) {
        EXIT_FINDINGS
    } else {
        EXIT_CLEAN
    }
}

/// What the commands that use rules start from: the configuration, the packs with its choices
/// applied, and the language (`--lang`, else the configuration's, else the locale's, else ru).
struct Setup {
    config: Config,
    pack: Pack,
    lang: Lang,
}

fn setup(args: &PackArgs) -> Result<Setup> {
    let config = Config::resolve(args.config.as_deref(), args.no_config)?;
    let lang = args
        .lang
        .or(config.lang())
        .or_else(Lang::from_env)
        .unwrap_or(Lang::Ru);
    let pack = match config.load_pack(&args.rules, args.no_default_rules) {
        Ok(pack) => pack,
        Err(ConfigError::Pack(error)) => {
            return Err(anyhow::Error::new(error).context(messages::pack_unusable(lang)));
        }
        Err(error) => return Err(error.into()),
    };
    Ok(Setup { config, pack, lang })
}

/// `--fail-level`, else the configuration's, else error.
fn fail_level(flag: Option<FailLevel>, config: &Config) -> FailLevel {
    flag.or(config.fail_level()).unwrap_or(FailLevel::Error)
}

/// The settings for reading documents: language, audit day and the paths to skip.
fn settings(config: &Config, lang: Lang, as_of: NaiveDate) -> Settings {
    let mut settings = Settings::new(lang, as_of);
    settings.ignore = config.ignore().clone();
    settings
}

/// How the report is rendered: the format, and the user's template if there is one (read
/// before any document, so a missing template fails at once).
fn rendering<'a>(
    args: &OutputArgs,
    pack: &'a Pack,
    lang: Lang,
    as_of: NaiveDate,
    details: bool,
) -> Result<report::Rendering<'a>> {
    let template = match &args.template {
        None => None,
        Some(path) => {
            if !args.format.takes_template() {
                let format = format!("{:?}", args.format).to_lowercase();
                anyhow::bail!(messages::template_not_for(lang, &format));
            }
            Some(report::TemplateSource::from_file(path)?)
        }
    };
    Ok(report::Rendering {
        format: args.format,
        pack,
        lang,
        as_of,
        options: report::RenderOptions { details, template },
    })
}

/// The configuration, pack and language, and the baseline to compare with: a baseline written
/// in one language matches findings made in it, so its language wins over the configuration's.
fn setup_with_baseline(
    pack: &PackArgs,
    baseline: &BaselineArgs,
) -> Result<(Setup, Option<Baseline>)> {
    let accepted = baseline.load()?;
    let mut setup = setup(pack)?;
    setup.lang = baseline.language(accepted.as_ref(), pack.lang, setup.lang);
    Ok((setup, accepted))
}

/// Runs `render` on standard output, or on the `--output` file (created or truncated; colour
/// codes stripped, as a file is no terminal).
fn write_report(
    args: &OutputArgs,
    lang: Lang,
    stdout: &mut dyn Write,
    render: impl FnOnce(&mut dyn Write) -> std::io::Result<()>,
) -> Result<()> {
    match &args.output {
        None => {
            render(stdout)?;
            stdout.flush()?;
        }
        Some(path) => {
            let mut report = Vec::new();
            render(&mut report)?;
            let plain = anstream::adapter::strip_bytes(&report).into_vec();
            std::fs::write(path, plain)
                .with_context(|| messages::cannot_write(lang, &path.display().to_string()))?;
        }
    }
    Ok(())
}

/// Runs the command; `shown` becomes the run's language once it is known, for the error, if
/// there is one.
fn execute(cli: Cli, shown: &mut Lang) -> Result<u8> {
    let mut out = anstream::stdout().lock();
    match cli.command {
        Command::Check(args) => {
            let (Setup { config, pack, lang }, baseline) =
                setup_with_baseline(&args.pack, &args.baseline)?;
            *shown = lang;
            let as_of = today_or(args.as_of);
            let settings = settings(&config, lang, as_of);
            let how = rendering(&args.output, &pack, lang, as_of, false)?;
            let paths = match &args.changed_since {
                Some(revision) => hattama::changed::restrict(&args.paths, revision)?,
                None => args.paths.clone(),
            };
            let mut outcome = engine::check_paths(&paths, &pack, &settings);
            if let Some(code) = args.baseline.apply(baseline, &mut outcome.findings, lang)? {
                return Ok(code);
            }
            write_report(&args.output, lang, &mut out, |out| {
                report::render_check(&outcome, &how, out)
            })?;
            let level = fail_level(args.fail_level, &config);
            Ok(exit_code(&outcome.findings, level))
        }
        Command::Audit(args) => {
            let (Setup { config, pack, lang }, baseline) =
                setup_with_baseline(&args.pack, &args.baseline)?;
            *shown = lang;
            let as_of = today_or(args.as_of);
            let settings = hattama::audit::AuditSettings {
                files: settings(&config, lang, as_of),
                level: match args.commission_level.or(config.commission_level()) {
                    Some(level) => hattama::corpus::commission::FolderLevel::Level(level),
                    None => hattama::corpus::commission::FolderLevel::Deepest,
                },
            };
            if !args.dir.is_dir() {
                anyhow::bail!(messages::not_a_folder(
                    lang,
                    &args.dir.display().to_string()
                ));
            }
            let how = rendering(&args.output, &pack, lang, as_of, args.details)?;
            // A bar only for a person watching: not in pipes, CI logs or with --quiet.
            let mut outcome = if !args.quiet && std::io::stderr().is_terminal() {
                let bar = hattama::progress::TerminalBar::new(lang);
                hattama::audit::audit_with_progress(&args.dir, &pack, &settings, &bar)
            } else {
                hattama::audit::audit(&args.dir, &pack, &settings)
            };
            if let Some(code) = args.baseline.apply(baseline, &mut outcome.findings, lang)? {
                return Ok(code);
            }
            let root = args.dir.display().to_string();
            write_report(&args.output, lang, &mut out, |out| {
                report::render_audit(&outcome, &root, &how, out)
            })?;
            if std::env::var_os(hattama::bench::STATS_VARIABLE).is_some()
                && let Some(peak) = hattama::bench::peak_rss_kib()
            {
                eprintln!("peak_rss_kib={peak}");
            }
            let level = fail_level(args.fail_level, &config);
            Ok(exit_code(&outcome.findings, level))
        }
        Command::Generate(args) => {
            let lang = args.lang.or_else(Lang::from_env).unwrap_or(Lang::Ru);
            *shown = lang;
            let truth = hattama::generate::generate(&hattama::generate::GenerateOptions {
                out: args.out.clone(),
                districts: args.districts,
                years: args.years,
                seed: args.seed,
                as_of: args.as_of,
                defects: !args.clean,
            })
            .with_context(|| messages::cannot_write(lang, &args.out.display().to_string()))?;
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
            let lang = args.lang.or_else(Lang::from_env).unwrap_or(Lang::Ru);
            *shown = lang;
            let exe = std::env::current_exe().context(messages::cli::no_own_binary(lang))?;
            let mut runs = Vec::new();
            let [documents, mb, seconds, per_second, mb_per_second, peak] =
                messages::bench_columns(lang);
            writeln!(
                out,
                "{documents:>9} {mb:>10} {seconds:>9} {per_second:>10} {mb_per_second:>8} {peak:>10}"
            )?;
            for size in &args.sizes {
                let dir = args.dir.join(format!("corpus-{size}"));
                let run =
                    hattama::bench::measure(&exe, &dir, *size, args.years, args.as_of, args.seed)
                        .with_context(|| {
                        messages::cli::benchmark_failed(lang, &dir.display().to_string())
                    })?;
                writeln!(
                    out,
                    "{:>9} {:>10.1} {:>9.2} {:>10.0} {:>8.1} {:>10}",
                    run.documents,
                    run.bytes as f64 / 1e6,
                    run.seconds,
                    run.documents_per_second(),
                    run.mib_per_second(),
                    run.peak_mib.map_or_else(
                        || messages::cli::not_available(lang).to_string(),
                        |m| format!("{m:.0}")
                    )
                )?;
                runs.push(run);
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
            Ok(EXIT_CLEAN)
        }
        Command::Completions { shell } => {
            let mut command = <Cli as clap::CommandFactory>::command();
            clap_complete::generate(shell, &mut command, "hattama", &mut out);
            Ok(EXIT_CLEAN)
        }
        Command::Inspect { file, pack: args } => {
            let Setup { pack, lang, .. } = setup(&args)?;
            *shown = lang;
            let source = hattama::read::read_path(&file, &Default::default())
                .with_context(|| format!("{}", file.display()))?;
            let (document, extraction) = engine::analyse(&file, source, &pack);
            hattama::report::inspect::render(&document, &extraction, &pack, lang, &mut out)?;
            Ok(EXIT_CLEAN)
        }
        Command::Rules(args) => {
            let Setup { pack, lang, .. } = setup(&args)?;
            *shown = lang;
            hattama::report::rules::list(&pack, lang, &mut out)?;
            Ok(EXIT_CLEAN)
        }
        Command::Explain { rule, pack: args } => {
            let Setup { pack, lang, .. } = setup(&args)?;
            *shown = lang;
            let Some(found) = pack.rule(&rule) else {
                anyhow::bail!(messages::no_such_rule(lang, &rule));
            };
            hattama::report::rules::explain(&pack, found, lang, &mut out)?;
            Ok(EXIT_CLEAN)
        }
        Command::Config(args) => {
            let Setup { config, lang, .. } = setup(&args.pack)?;
            *shown = lang;
            if args.path {
                let Some(path) = config.absolute_path() else {
                    let name = hattama::config::FILE_NAME;
                    eprintln!("hattama: {}", messages::no_config_file(lang, name));
                    return Ok(EXIT_FINDINGS);
                };
                writeln!(out, "{}", path.display())?;
                return Ok(EXIT_CLEAN);
            }
            let effective = config.effective(lang, &args.pack.rules, args.pack.no_default_rules);
            write!(out, "{}", config.show(&effective, lang)?)?;
            Ok(EXIT_CLEAN)
        }
        Command::TestRules(args) => {
            // The fixtures state what the pack finds: a hattama.yml that turns rules off or
            // changes severities would make them fail, so only an explicit --config counts.
            let pack_args = PackArgs {
                no_config: args.pack.no_config || args.pack.config.is_none(),
                ..args.pack
            };
            let Setup { pack, lang, .. } = setup(&pack_args)?;
            *shown = lang;
            let settings = Settings::new(lang, today_or(args.as_of));
            let report = hattama::rule_tests::run(&args.paths, &pack, &settings)?;
            hattama::rule_tests::render(&report, lang, &mut out)?;
            out.flush()?;
            Ok(if report.passed() {
                EXIT_CLEAN
            } else {
                EXIT_FINDINGS
            })
        }
    }
}
