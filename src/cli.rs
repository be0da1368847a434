//! Arguments, the settings derived from them, and the exit code. The library does the work.

use crate::values;
use anyhow::{Context, Result};
use chrono::NaiveDate;
use clap::{Args, CommandFactory, FromArgMatches, Parser, Subcommand};
use hattama::baseline::{self, Baseline};
use hattama::config::{Config, ConfigError, FailLevel};
use hattama::corpus::commission::FolderLevel;
use hattama::engine::{self, Settings};
use hattama::finding::Finding;
use hattama::lang::Lang;
use hattama::messages;
use hattama::pack::Pack;
use hattama::privacy::Masked;
use hattama::report;
use hattama::rulebook::Rulebook;
use std::ffi::OsString;
use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use crate::help;
use crate::usage;

/// Exit codes, as documented in README.md.
const EXIT_CLEAN: u8 = 0;
const EXIT_FINDINGS: u8 = 1;
const EXIT_ERROR: u8 = 2;

#[derive(Parser)]
#[command(name = "hattama", version, disable_help_subcommand = true)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

// The help of every command and argument is in help/ (one file per language), by the names
// given here: the variant's name in kebab case, the field's name.

#[derive(Subcommand)]
enum Command {
    Check(CheckArgs),
    Audit(AuditArgs),
    Completions {
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
    Inspect {
        file: PathBuf,
        #[command(flatten)]
        pack: PackArgs,
    },
    Rules(PackArgs),
    Explain {
        rule: String,
        #[command(flatten)]
        pack: PackArgs,
    },
    Config(ConfigArgs),
    TestRules(TestRulesArgs),
    #[cfg(feature = "serve")]
    Serve(ServeArgs),
    // clap's own `help` command is English: this one prints the manual in the run's language.
    Help {
        command: Option<String>,
        #[arg(long, value_parser = values::parse_lang)]
        lang: Option<Lang>,
    },
}

#[derive(Args)]
struct ConfigArgs {
    #[arg(long, conflicts_with = "path")]
    show: bool,
    #[arg(long)]
    path: bool,
    #[command(flatten)]
    pack: PackArgs,
}

#[cfg(feature = "serve")]
#[derive(Args)]
pub struct ServeArgs {
    pub dir: Option<PathBuf>,
    #[arg(long, value_name = "N", requires = "dir")]
    pub commission_level: Option<usize>,
    #[arg(long, default_value_t = 0)]
    pub port: u16,
    #[arg(long, default_value = "127.0.0.1")]
    pub bind: std::net::IpAddr,
    #[arg(long)]
    pub allow_remote: bool,
    #[arg(long)]
    pub open: bool,
    #[arg(long, value_parser = values::parse_date)]
    pub as_of: Option<NaiveDate>,
    #[command(flatten)]
    pack: PackArgs,
}

#[derive(Args)]
struct TestRulesArgs {
    #[arg(required = true)]
    paths: Vec<PathBuf>,
    #[command(flatten)]
    pack: PackArgs,
    #[arg(long, value_parser = values::parse_date)]
    as_of: Option<NaiveDate>,
}

#[derive(Args)]
struct PackArgs {
    #[arg(long, value_parser = values::parse_lang, global = true)]
    lang: Option<Lang>,
    #[arg(long = "rules", value_name = "DIR")]
    rules: Vec<PathBuf>,
    #[arg(long)]
    no_default_rules: bool,
    #[arg(long, value_name = "FILE", global = true)]
    config: Option<PathBuf>,
    #[arg(long, conflicts_with = "config", global = true)]
    no_config: bool,
}

#[derive(Args)]
struct CheckArgs {
    #[arg(required = true)]
    paths: Vec<PathBuf>,
    #[command(flatten)]
    run: RunArgs,
    #[arg(long, value_name = "REV", conflicts_with = "write_baseline")]
    changed_since: Option<String>,
}

/// What `check` and `audit` share: the pack, the report, the fail level, the audit day and
/// the baseline.
#[derive(Args)]
struct RunArgs {
    #[command(flatten)]
    pack: PackArgs,
    #[command(flatten)]
    output: OutputArgs,
    #[arg(long, value_parser = values::parser::<FailLevel>())]
    fail_level: Option<FailLevel>,
    #[arg(long, value_parser = values::parse_date)]
    as_of: Option<NaiveDate>,
    #[command(flatten)]
    baseline: BaselineArgs,
}

#[derive(Args)]
struct BaselineArgs {
    #[arg(long, value_name = "FILE")]
    baseline: Option<PathBuf>,
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
                crate::stderr::say(&messages::baseline::language(given, &file, written));
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
            crate::stderr::say(&messages::baseline::written(lang, written, &file));
            return Ok(Some(EXIT_CLEAN));
        }
        if let (Some(baseline), Some(file)) = (baseline, &self.baseline) {
            let filtered = baseline.filter(std::mem::take(findings));
            *findings = filtered.new;
            let file = file.display().to_string();
            crate::stderr::say(&messages::baseline::hidden(lang, filtered.hidden, &file));
            if filtered.stale > 0 {
                crate::stderr::say(&messages::baseline::stale(lang, filtered.stale, &file));
            }
        }
        Ok(None)
    }
}

#[derive(Args)]
struct OutputArgs {
    #[arg(long, value_parser = values::parser::<report::Format>(), default_value = "text")]
    format: report::Format,
    #[arg(long, value_name = "FILE")]
    template: Option<PathBuf>,
    #[arg(long, short = 'o', value_name = "FILE")]
    output: Option<PathBuf>,
}

#[derive(Args)]
struct AuditArgs {
    dir: PathBuf,
    #[command(flatten)]
    run: RunArgs,
    #[arg(long, value_name = "N")]
    commission_level: Option<usize>,
    #[arg(long)]
    details: bool,
    #[arg(long, value_name = "PREVIOUS.json")]
    compare: Option<PathBuf>,
    #[arg(long, value_name = "DIR")]
    history: Option<PathBuf>,
    #[arg(long, value_name = "commission", value_parser = ["commission"])]
    split_by: Option<String>,
    #[arg(long, short = 'q')]
    quiet: bool,
}

/// The command line's definition with its help in `lang`.
pub fn command(lang: Lang) -> clap::Command {
    help::localize(Cli::command(), lang)
}

pub fn run() -> ExitCode {
    let args: Vec<OsString> = std::env::args_os().collect();
    // Until the configuration is loaded, the language is the one found before parsing: the
    // help is in it, and the errors that come before.
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
            crate::stderr::say(&describe(&error, lang));
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
    if let Some(error) = cause.downcast_ref::<hattama::compare::CompareError>() {
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
    /// Never dropped: the process ends right after the command, and freeing the compiled
    /// patterns one by one cost more than a small check's own work.
    pack: std::mem::ManuallyDrop<Rulebook>,
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
        Ok(pack) => {
            crate::stderr::use_masker(&pack.masker);
            pack
        }
        Err(ConfigError::Pack(error)) => {
            return Err(anyhow::Error::new(error).context(messages::pack_unusable(lang)));
        }
        Err(error) => return Err(error.into()),
    };
    Ok(Setup {
        config,
        pack: std::mem::ManuallyDrop::new(pack),
        lang,
    })
}

/// Everything `check` and `audit` run with, decided once from the arguments and hattama.yml
/// (a flag first, then the configuration, then the default), before any document is read.
struct Run {
    pack: std::mem::ManuallyDrop<Rulebook>,
    lang: Lang,
    /// The settings of reading and checking documents: language, audit day, paths to skip.
    settings: Settings,
    /// How `audit` finds commissions in the folder tree.
    commission_level: FolderLevel,
    /// The lowest severity that makes the exit code 1.
    fail_level: FailLevel,
    /// The accepted findings, when `--baseline` names a file.
    baseline: Option<Baseline>,
}

impl Run {
    fn decide(args: &RunArgs, commission_level: Option<usize>) -> Result<Run> {
        let (Setup { config, pack, lang }, baseline) =
            setup_with_baseline(&args.pack, &args.baseline)?;
        let mut settings = Settings::new(lang, today_or(args.as_of));
        settings.ignore = config.ignore().clone();
        Ok(Run {
            pack,
            lang,
            settings,
            commission_level: match commission_level.or(config.commission_level()) {
                Some(level) => FolderLevel::Level(level),
                None => FolderLevel::Deepest,
            },
            fail_level: args
                .fail_level
                .or(config.fail_level())
                .unwrap_or(FailLevel::Error),
            baseline,
        })
    }

    fn as_of(&self) -> NaiveDate {
        self.settings.check.as_of
    }
}

/// Refuses `-o` and `--write-baseline` files that are among the documents below `roots`.
fn protect_inputs(run: &RunArgs, roots: &[PathBuf], settings: &Settings, lang: Lang) -> Result<()> {
    let outputs = [
        (run.output.output.as_ref(), "-o"),
        (run.baseline.write_baseline.as_ref(), "--write-baseline"),
    ];
    for (file, option) in outputs {
        if let Some(file) = file {
            hattama::inputs::check_output(file, option, roots, &settings.ignore, lang)?;
        }
    }
    Ok(())
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
                anyhow::bail!(messages::template_not_for(lang, args.format.name()));
            }
            Some(report::TemplateSource::from_file(path)?)
        }
    };
    Ok(report::Rendering {
        format: args.format,
        pack,
        lang,
        as_of,
        options: report::RenderOptions {
            details,
            template,
            ..Default::default()
        },
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

/// `--split-by commission`: a report for each commission in the `-o` folder, named after it,
/// holding its findings and the oblast's table, never another district's documents.
fn write_split(
    args: &OutputArgs,
    outcome: &Masked<hattama::audit::AuditOutcome>,
    changes: Option<&Masked<report::changes::Changes>>,
    history: Option<&Masked<report::changes::History>>,
    how: &report::Rendering<'_>,
) -> Result<()> {
    let lang = how.lang;
    let Some(folder) = &args.output else {
        anyhow::bail!(messages::split_needs_folder(lang));
    };
    let shown = folder.display().to_string();
    std::fs::create_dir_all(folder).with_context(|| messages::cannot_write(lang, &shown))?;
    let extension = match how.format.name() {
        "markdown" => "md",
        "html" => "html",
        "csv" => "csv",
        "json" | "gitlab" => "json",
        "sarif" => "sarif",
        "junit" => "xml",
        _ => "txt",
    };
    for commission in &outcome.commissions {
        let id = &commission.id;
        let part = outcome.project(|whole| hattama::split::one_commission(whole, id));
        let part_changes = changes.map(|changes| {
            changes.project(|changes| hattama::split::changes_of(changes, outcome, id))
        });
        // The oblast's line over time, and this commission's alone.
        let part_history = history.map(|history| {
            history.project(|history| report::changes::History {
                commissions: history
                    .commissions
                    .iter()
                    .filter(|series| &series.id == id)
                    .cloned()
                    .collect(),
                ..history.clone()
            })
        });
        let since = report::Since {
            changes: part_changes.as_ref(),
            history: part_history.as_ref(),
        };
        let mut report = Vec::new();
        report::render_audit_since(&part, since, how, &mut report)?;
        let file = folder.join(format!("{}.{extension}", id.replace(['/', '\\'], "-")));
        let plain = anstream::adapter::strip_bytes(&report).into_vec();
        std::fs::write(&file, plain)
            .with_context(|| messages::cannot_write(lang, &file.display().to_string()))?;
    }
    crate::stderr::say(&messages::split_written(
        lang,
        outcome.commissions.len(),
        &shown,
    ));
    Ok(())
}

/// Runs the command; `shown` becomes the run's language once it is known, for the error, if
/// there is one.
fn execute(cli: Cli, shown: &mut Lang) -> Result<u8> {
    let mut out = anstream::stdout().lock();
    match cli.command {
        Command::Check(args) => check(args, &mut out, shown),
        #[cfg(feature = "serve")]
        Command::Serve(args) => {
            let Setup { config, pack, lang } = setup(&args.pack)?;
            *shown = lang;
            let folder = match &args.dir {
                Some(dir) if !dir.is_dir() => {
                    anyhow::bail!(messages::not_a_folder(lang, &dir.display().to_string()));
                }
                Some(dir) => Some(hattama::serve::Folder {
                    root: dir.clone(),
                    level: match args.commission_level.or(config.commission_level()) {
                        Some(level) => FolderLevel::Level(level),
                        None => FolderLevel::Deepest,
                    },
                    ignore: config.ignore().clone(),
                }),
                None => None,
            };
            let rulebook = std::mem::ManuallyDrop::into_inner(pack);
            crate::server::run(&args, rulebook, folder, lang, &mut out)
        }
        Command::Audit(args) => audit(args, &mut out, shown),
        Command::Completions { shell } => {
            // The scripts describe the commands in English, whatever the run's language.
            let mut command = command(Lang::En);
            clap_complete::generate(shell, &mut command, "hattama", &mut out);
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
        Command::Inspect { file, pack: args } => {
            let Setup { pack, lang, .. } = setup(&args)?;
            *shown = lang;
            let source = hattama::read::read_path(&file, &Default::default())
                .with_context(|| format!("{}", file.display()))?;
            let (document, extraction) = engine::analyse(&file, source, &pack);
            // The outline quotes the document's values, deadlines and path: all of it is
            // masked, not only what the renderer thought of.
            let mut shown = Vec::new();
            hattama::report::inspect::render(&document, &extraction, &pack, lang, &mut shown)?;
            let shown = Masked::new(String::from_utf8_lossy(&shown).into_owned(), &pack.masker);
            out.write_all(shown.as_bytes())?;
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
                    crate::stderr::say(&messages::no_config_file(lang, name));
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
            let report = Masked::new(
                hattama::rule_tests::run(&args.paths, &pack, &settings)?,
                &pack.masker,
            );
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

/// `hattama check`: the documents named, each on its own.
fn check(args: CheckArgs, out: &mut impl Write, shown: &mut Lang) -> Result<u8> {
    // Before the pack loads: its patterns are built for the amount of text they will search.
    hattama::matcher::expect_input(hattama::inputs::named_bytes(&args.paths));
    let run = Run::decide(&args.run, None)?;
    let (pack, lang, settings) = (&run.pack, run.lang, &run.settings);
    *shown = lang;
    let how = rendering(&args.run.output, pack, lang, run.as_of(), false)?;
    hattama::inputs::check_named(&args.paths, lang)?;
    protect_inputs(&args.run, &args.paths, settings, lang)?;
    let paths = match &args.changed_since {
        Some(revision) => hattama::changed::restrict(&args.paths, revision)?,
        None => args.paths.clone(),
    };
    let mut checked = engine::check_paths(&paths, pack, settings);
    hattama::finding::one_line(&mut checked.findings);
    // Masked before anything is written: the baseline file and every report.
    let mut outcome = Masked::new(checked, &pack.masker);
    if let Some(code) = outcome.edit(|outcome| {
        args.run
            .baseline
            .apply(run.baseline, &mut outcome.findings, lang)
    })? {
        return Ok(code);
    }
    write_report(&args.run.output, lang, out, |out| {
        report::render_check(&outcome, &how, out)
    })?;
    Ok(exit_code(&outcome.findings, run.fail_level))
}

/// `hattama audit`: every document below a folder, then the corpus rules per commission.
fn audit(args: AuditArgs, out: &mut impl Write, shown: &mut Lang) -> Result<u8> {
    let run = Run::decide(&args.run, args.commission_level)?;
    let (pack, lang) = (&run.pack, run.lang);
    *shown = lang;
    let settings = hattama::audit::AuditSettings {
        files: run.settings.clone(),
        level: run.commission_level,
    };
    if !args.dir.is_dir() {
        anyhow::bail!(messages::not_a_folder(
            lang,
            &args.dir.display().to_string()
        ));
    }
    protect_inputs(
        &args.run,
        std::slice::from_ref(&args.dir),
        &settings.files,
        lang,
    )?;
    let as_of = run.as_of();
    let how = rendering(&args.run.output, pack, lang, as_of, args.details)?;
    // Read before any document is, so a wrong file stops the run at once.
    let earlier = args
        .history
        .as_deref()
        .map(|folder| hattama::compare::earlier_audits(folder, lang))
        .transpose()?;
    let previous = args
        .compare
        .as_deref()
        .map(|file| hattama::compare::Previous::load(file, lang))
        .transpose()?;
    // A bar only for a person watching: not in pipes, CI logs or with --quiet.
    let mut audited = if !args.quiet && std::io::stderr().is_terminal() {
        let bar = hattama::progress::TerminalBar::new(lang);
        hattama::audit::audit_with_progress(&args.dir, pack, &settings, &bar)
    } else {
        hattama::audit::audit(&args.dir, pack, &settings)
    };
    hattama::finding::one_line(&mut audited.findings);
    let mut outcome = Masked::new(audited, &pack.masker);
    let before = outcome.findings.len();
    if let Some(code) = outcome.edit(|outcome| {
        args.run
            .baseline
            .apply(run.baseline, &mut outcome.findings, lang)
    })? {
        return Ok(code);
    }
    // The tables count what the report shows: not the findings the baseline accepted.
    if outcome.findings.len() != before {
        outcome.edit(|outcome| hattama::audit::recount(outcome, pack));
    }
    let changes = previous.map(|previous| Masked::new(previous.changes(&outcome), &pack.masker));
    let history = earlier.map(|audits| {
        Masked::new(
            hattama::compare::history(audits, &outcome, as_of),
            &pack.masker,
        )
    });
    if args.split_by.is_some() {
        write_split(
            &args.run.output,
            &outcome,
            changes.as_ref(),
            history.as_ref(),
            &how,
        )?;
        return Ok(exit_code(&outcome.findings, run.fail_level));
    }
    let since = report::Since {
        changes: changes.as_ref(),
        history: history.as_ref(),
    };
    hattama::stages::time(hattama::stages::Stage::Render, || {
        write_report(&args.run.output, lang, out, |out| {
            report::render_audit_since(&outcome, since, &how, out)
        })
    })?;
    // What the generator's benchmark reads (hattama-generate bench).
    if std::env::var_os(hattama::stages::STATS_VARIABLE).is_some() {
        eprint!("{}", hattama::stages::report());
        if let Some(peak) = hattama::stages::peak_rss_kib() {
            eprintln!("peak_rss_kib={peak}");
        }
        if let Some(cpu) = hattama::stages::cpu_seconds() {
            eprintln!("cpu_seconds={cpu:.3}");
        }
    }
    Ok(exit_code(&outcome.findings, run.fail_level))
}
