//! `hattama.yml`: a project's settings, found in the working folder or the nearest folder above
//! it (or named with `--config`). It adds rule packs, turns rules off and on, changes their
//! severity and parameters, skips paths, and sets the language, the fail level and the
//! commission level; a command-line flag always wins over it. Every mistake in the file is an
//! error that names the file, line and column, before any document is read.
//!
//! The file is read twice. First as it stands ([`ConfigFile`]): its keys and their types, and
//! which packs to load. Then, once the packs are read, its rule names and parameters are resolved
//! against their rules by deserialising the same text again with the rules at hand (the `*Seed`
//! types below), so an unknown rule or parameter is reported where the YAML parser stands: on
//! the entry itself.

use crate::finding::Severity;
use crate::lang::Lang;
use crate::messages;
use crate::pack::{self, LoadedPack, Origin, Pack, PackError};
use crate::serde_error::SerdeError;
use globset::{Glob, GlobBuilder, GlobMatcher, GlobSet, GlobSetBuilder};
use indexmap::IndexMap;
use serde::de::{self, DeserializeSeed, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};
use serde::{Deserialize, Serialize};
use serde_yaml_ng::Value;
use std::collections::{BTreeMap, BTreeSet};
use std::fmt;
use std::num::NonZeroUsize;
use std::path::{Component, Path, PathBuf};

/// The name of the file looked for.
pub const FILE_NAME: &str = "hattama.yml";

/// The lowest severity that makes the exit code 1.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, clap::ValueEnum)]
#[serde(rename_all = "lowercase")]
pub enum FailLevel {
    Error,
    Warning,
    Info,
    /// Never fail on findings.
    None,
}

impl FailLevel {
    pub fn fails(self, severity: Severity) -> bool {
        match self {
            FailLevel::Error => severity >= Severity::Error,
            FailLevel::Warning => severity >= Severity::Warning,
            FailLevel::Info => true,
            FailLevel::None => false,
        }
    }
}

/// `hattama.yml` as written. Every key is optional; an unknown key is an error.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ConfigFile {
    /// Rule pack folders to load after the built-in pack, relative to the file's folder.
    #[serde(default)]
    pub rules: Vec<String>,
    /// `false` drops the built-in pack.
    #[serde(default)]
    pub default_rules: Option<bool>,
    /// Rules to run even if `disable` names them (ids with or without the pack prefix, or globs).
    #[serde(default)]
    pub enable: Vec<String>,
    /// Rules that never run.
    #[serde(default)]
    pub disable: Vec<String>,
    /// A severity for some rules, instead of the pack's.
    #[serde(default)]
    pub severity: IndexMap<String, Severity>,
    /// New values for parameters the rules declare (`params:` in the pack).
    #[serde(default)]
    pub params: IndexMap<String, IndexMap<String, Value>>,
    /// Globs of paths that `check` and `audit` skip.
    #[serde(default)]
    pub ignore: Vec<IgnorePattern>,
    #[serde(default)]
    pub lang: Option<Lang>,
    #[serde(default)]
    pub fail_level: Option<FailLevel>,
    /// Which folder level below the audited folder names the commission (1 = the first).
    #[serde(default)]
    pub commission_level: Option<NonZeroUsize>,
}

/// One `ignore:` entry: a glob, checked when the file is read.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(transparent)]
pub struct IgnorePattern(pub String);

impl<'de> Deserialize<'de> for IgnorePattern {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<IgnorePattern, D::Error> {
        // Checked inside the visitor, so the YAML parser still knows where the entry is.
        struct PatternVisitor;
        impl Visitor<'_> for PatternVisitor {
            type Value = IgnorePattern;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a path glob")
            }

            fn visit_str<E: de::Error>(self, pattern: &str) -> Result<IgnorePattern, E> {
                path_glob(pattern).map_err(Problem::raise)?;
                Ok(IgnorePattern(pattern.to_string()))
            }
        }
        deserializer.deserialize_str(PatternVisitor)
    }
}

/// A configuration that cannot be used; names the place when there is one. The message is made
/// in the user's language when it is printed (`message`): the file that would say which
/// language is the one being read. `Display` gives it in English.
#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    #[error("{}", self.message(Lang::En))]
    Invalid {
        origin: Origin,
        /// The path of the entry in the file, as the YAML reader names it (`params.quorum`).
        key: Option<String>,
        problem: Box<Problem>,
    },
    #[error("{}", self.message(Lang::En))]
    Unreadable { path: String, error: std::io::Error },
    /// A pack the file (or the command line) names cannot be used; the caller says so in the
    /// user's language.
    #[error(transparent)]
    Pack(PackError),
}

impl From<PackError> for ConfigError {
    fn from(error: PackError) -> ConfigError {
        ConfigError::Pack(error)
    }
}

impl ConfigError {
    /// The YAML reader's error: its place, and the problem it carries (one of [`Problem`]'s own,
    /// raised by the readers below, or what serde says).
    fn yaml(path: &Path, error: &serde_yaml_ng::Error) -> ConfigError {
        let PackError { origin, message } =
            pack::load::yaml_error(&path.display().to_string(), error);
        let (key, problem) = match message.find(PROBLEM_MARK) {
            Some(at) => {
                let key = message[..at].strip_suffix(": ").map(str::to_string);
                let encoded = &message[at + PROBLEM_MARK.len()..];
                match serde_json::from_str(encoded) {
                    Ok(problem) => (key, problem),
                    Err(_) => (key, Problem::Data(SerdeError::Other(encoded.to_string()))),
                }
            }
            None => {
                let (key, error) = SerdeError::with_path(&message);
                (key, Problem::Data(error))
            }
        };
        ConfigError::Invalid {
            origin,
            key,
            problem: Box::new(problem),
        }
    }

    /// The message in `lang`, with the place: `hattama.yml:3:5: disable[1]: …`. A rule pack's
    /// own error stays in English, as the pack's author wrote the pack.
    pub fn message(&self, lang: Lang) -> String {
        match self {
            ConfigError::Invalid {
                origin,
                key,
                problem,
            } => match key {
                Some(key) => format!("{origin}: {key}: {}", problem.message(lang)),
                None => format!("{origin}: {}", problem.message(lang)),
            },
            ConfigError::Unreadable { path, error } => {
                messages::config::unreadable(lang, path, &messages::data::io_error(lang, error))
            }
            ConfigError::Pack(error) => error.to_string(),
        }
    }
}

/// What is wrong with an entry of `hattama.yml`, as data; `message` says it in a language.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Problem {
    /// What the YAML reader says: a syntax error, an unknown key, a value of the wrong kind.
    Data(SerdeError),
    /// A rule name that names no rule of the loaded packs; `meant` is the closest id.
    NoSuchRule {
        name: String,
        meant: Option<String>,
    },
    /// A glob of rule names that matches none.
    NoRuleMatches {
        glob: String,
    },
    BadGlob {
        pattern: String,
        fault: GlobFault,
    },
    /// A parameter the rule does not declare; `known` are those it does.
    UnknownParam {
        rule: String,
        param: String,
        known: Vec<String>,
    },
    /// A parameter value not of the kind the pack's value is.
    ParamKind {
        rule: String,
        param: String,
        wanted: ValueKind,
    },
    /// The pack does not compile with the file's parameters: the pack's message (English),
    /// and the file.
    WithParams {
        error: String,
        file: String,
    },
}

impl Problem {
    pub fn message(&self, lang: Lang) -> String {
        use messages::config as text;
        match self {
            Problem::Data(SerdeError::Other(yaml)) => text::not_yaml(lang, yaml),
            Problem::Data(error) => error.message(lang),
            Problem::NoSuchRule { name, meant } => text::no_such_rule(lang, name, meant.as_deref()),
            Problem::NoRuleMatches { glob } => text::no_rule_matches(lang, glob),
            Problem::BadGlob { pattern, fault } => text::bad_glob(lang, pattern, fault),
            Problem::UnknownParam { rule, param, known } => {
                text::unknown_param(lang, rule, param, known)
            }
            Problem::ParamKind {
                rule,
                param,
                wanted,
            } => text::param_kind(lang, rule, param, *wanted),
            Problem::WithParams { error, file } => text::with_params(lang, error, file),
        }
    }

    /// The problem as a serde error of any reader, to come back out of the YAML reader whole
    /// (see [`ConfigError::yaml`]).
    fn raise<E: de::Error>(self) -> E {
        let encoded = serde_json::to_string(&self).expect("a problem always serialises");
        E::custom(format!("{PROBLEM_MARK}{encoded}"))
    }
}

/// Begins the text of a [`Problem`] passed through the YAML reader as an error message.
const PROBLEM_MARK: &str = "hattama-problem:";

/// Why a glob cannot be read (globset's reasons).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum GlobFault {
    UnclosedClass,
    InvalidRange(char, char),
    UnopenedAlternates,
    UnclosedAlternates,
    DanglingEscape,
    /// Any other reason, as globset says it.
    Other(String),
}

impl GlobFault {
    fn of(error: &globset::Error) -> GlobFault {
        use globset::ErrorKind;
        match error.kind() {
            ErrorKind::UnclosedClass => GlobFault::UnclosedClass,
            ErrorKind::InvalidRange(from, to) => GlobFault::InvalidRange(*from, *to),
            ErrorKind::UnopenedAlternates => GlobFault::UnopenedAlternates,
            ErrorKind::UnclosedAlternates => GlobFault::UnclosedAlternates,
            ErrorKind::DanglingEscape => GlobFault::DanglingEscape,
            other => GlobFault::Other(other.to_string()),
        }
    }
}

/// The kind of value a parameter must have: that of its value in the pack.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum ValueKind {
    /// A whole number, 0 or more.
    Count,
    WholeNumber,
    Number,
    Text,
    Boolean,
    List,
    Mapping,
}

/// Where the configuration came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Source {
    /// A file, as shown in messages (relative to the working folder when it was discovered).
    File(PathBuf),
    /// No file in the working folder or any folder above it.
    NotFound { searched_from: PathBuf },
    /// `--no-config`.
    Skipped,
}

/// The configuration in effect: a file's, or the defaults.
#[derive(Debug, Clone)]
pub struct Config {
    pub source: Source,
    pub file: ConfigFile,
    /// The folder `rules` and `ignore` are relative to, as shown in messages.
    dir: PathBuf,
    /// The file's text, read again to resolve rule names once the packs are loaded (empty when
    /// the file sets nothing).
    text: String,
    ignore: Ignore,
}

impl Config {
    /// Every default: no file.
    pub fn defaults(source: Source) -> Config {
        Config {
            source,
            file: ConfigFile::default(),
            dir: PathBuf::new(),
            text: String::new(),
            ignore: Ignore::default(),
        }
    }

    /// `--config FILE`, else (unless `skip`, from `--no-config`) the file found from the
    /// working folder upward, else the defaults.
    pub fn resolve(explicit: Option<&Path>, skip: bool) -> Result<Config, ConfigError> {
        if let Some(path) = explicit {
            return Config::from_file(path);
        }
        if skip {
            return Ok(Config::defaults(Source::Skipped));
        }
        Config::discover(Path::new("."))
    }

    /// The `hattama.yml` in `start` or the nearest folder above it, up to the root. Its path is
    /// shown as `start` leads to it (`../hattama.yml` from `.`).
    pub fn discover(start: &Path) -> Result<Config, ConfigError> {
        let cwd = std::env::current_dir().unwrap_or_default();
        let absolute = normalize(&cwd.join(start));
        match find(&absolute) {
            Some(levels) => {
                let dir =
                    normalize(&start.join(std::iter::repeat_n("..", levels).collect::<PathBuf>()));
                Config::read(dir.join(FILE_NAME), dir)
            }
            None => Ok(Config::defaults(Source::NotFound {
                searched_from: absolute,
            })),
        }
    }

    /// A file named on the command line.
    pub fn from_file(path: &Path) -> Result<Config, ConfigError> {
        let dir = path.parent().map(Path::to_path_buf).unwrap_or_default();
        Config::read(path.to_path_buf(), dir)
    }

    fn read(path: PathBuf, dir: PathBuf) -> Result<Config, ConfigError> {
        let text = std::fs::read_to_string(&path).map_err(|error| ConfigError::Unreadable {
            path: path.display().to_string(),
            error,
        })?;
        Config::parse(path, dir, text)
    }

    /// Reads the text of the file at `path`, whose relative paths start from `dir`.
    pub fn parse(path: PathBuf, dir: PathBuf, text: String) -> Result<Config, ConfigError> {
        // An empty file, or one with only comments, is a YAML null: every default.
        let Some(file) = serde_yaml_ng::from_str::<Option<ConfigFile>>(&text)
            .map_err(|error| ConfigError::yaml(&path, &error))?
        else {
            return Ok(Config {
                source: Source::File(path),
                dir,
                ..Config::defaults(Source::Skipped)
            });
        };
        let cwd = std::env::current_dir().unwrap_or_default();
        let patterns: Vec<&str> = file.ignore.iter().map(|p| p.0.as_str()).collect();
        let ignore = Ignore::new(&patterns, &cwd.join(&dir), &cwd).map_err(|problem| {
            ConfigError::Invalid {
                origin: locate(&path, &text, "ignore:"),
                key: Some("ignore".to_string()),
                problem: Box::new(problem),
            }
        })?;
        Ok(Config {
            source: Source::File(path),
            file,
            dir,
            text,
            ignore,
        })
    }

    /// The file's path, if there is a file.
    pub fn path(&self) -> Option<&Path> {
        match &self.source {
            Source::File(path) => Some(path),
            _ => None,
        }
    }

    /// The file's path from the root, if there is a file.
    pub fn absolute_path(&self) -> Option<PathBuf> {
        let cwd = std::env::current_dir().unwrap_or_default();
        self.path().map(|path| normalize(&cwd.join(path)))
    }

    pub fn lang(&self) -> Option<Lang> {
        self.file.lang
    }

    pub fn fail_level(&self) -> Option<FailLevel> {
        self.file.fail_level
    }

    pub fn commission_level(&self) -> Option<usize> {
        self.file.commission_level.map(NonZeroUsize::get)
    }

    /// The paths to skip.
    pub fn ignore(&self) -> &Ignore {
        &self.ignore
    }

    /// The file's rule pack folders, relative to the working folder.
    pub fn rule_dirs(&self) -> Vec<PathBuf> {
        self.file.rules.iter().map(|r| self.dir.join(r)).collect()
    }

    /// Loads the packs (the built-in one unless the file or `without_default` drops it, the
    /// file's `rules`, then `extra` from the command line), then applies the file's `params`,
    /// `disable`, `enable` and `severity`.
    ///
    /// Parameters are set on the rule definitions before they are compiled, not on the
    /// compiled rules: a document rule reads its `params` in its templates, but a corpus rule
    /// turns them into typed fields when it is compiled (`max_gap_days` of a session gap), so
    /// only a change made before compiling reaches both, and is checked the same way.
    pub fn load_pack(&self, extra: &[PathBuf], without_default: bool) -> Result<Pack, ConfigError> {
        let mut dirs = self.rule_dirs();
        dirs.extend(extra.iter().cloned());
        let without_default = without_default || self.file.default_rules == Some(false);
        let mut packs = pack::read_packs(&dirs, without_default)?;
        let catalogue = Catalogue::of(&packs);
        let selection = self.select(&catalogue)?;
        for (rule, name, value) in &selection.params {
            catalogue.set_param(&mut packs, *rule, name, value);
        }
        let mut pack = pack::compile(packs).map_err(|error| match self.path() {
            Some(path) if !selection.params.is_empty() => ConfigError::Invalid {
                origin: error.origin.clone(),
                key: None,
                problem: Box::new(Problem::WithParams {
                    error: error.message.clone(),
                    file: path.display().to_string(),
                }),
            },
            _ => ConfigError::Pack(error),
        })?;
        let name = |index: usize| catalogue.rules[index].id.as_str();
        let disabled: BTreeSet<&str> = selection.disable.iter().map(|&r| name(r)).collect();
        let enabled: BTreeSet<&str> = selection.enable.iter().map(|&r| name(r)).collect();
        // Later entries win over earlier ones, as written.
        let severity: BTreeMap<&str, Severity> = selection
            .severity
            .iter()
            .map(|&(r, severity)| (name(r), severity))
            .collect();
        for rule in &mut pack.rules {
            let id = rule.id.as_str();
            rule.enabled = !disabled.contains(id) || enabled.contains(id);
            if let Some(&severity) = severity.get(id) {
                rule.severity = severity;
            }
        }
        Ok(pack)
    }

    /// Resolves `enable`, `disable`, `severity` and `params` against the loaded rules.
    fn select(&self, catalogue: &Catalogue) -> Result<Selection, ConfigError> {
        let Some(path) = self.path() else {
            return Ok(Selection::default());
        };
        if self.text.is_empty() {
            return Ok(Selection::default());
        }
        SelectionSeed(catalogue)
            .deserialize(serde_yaml_ng::Deserializer::from_str(&self.text))
            .map_err(|error| ConfigError::yaml(path, &error))
    }

    /// The configuration in effect, as `hattama config --show` prints it: the file's keys with
    /// every default filled in, the pack folders as absolute paths (those of the file, then
    /// `extra`), and the language and pack choice the flags make.
    pub fn effective(&self, lang: Lang, extra: &[PathBuf], without_default: bool) -> ConfigFile {
        let cwd = std::env::current_dir().unwrap_or_default();
        let mut file = self.file.clone();
        file.rules = self
            .rule_dirs()
            .iter()
            .chain(extra)
            .map(|dir| normalize(&cwd.join(dir)).display().to_string())
            .collect();
        file.default_rules = Some(!without_default && self.file.default_rules != Some(false));
        file.lang = Some(lang);
        file.fail_level = Some(self.file.fail_level.unwrap_or(FailLevel::Error));
        file
    }

    /// `effective` as YAML, after comments (in `lang`) saying where it came from.
    pub fn show(&self, effective: &ConfigFile, lang: Lang) -> Result<String, serde_yaml_ng::Error> {
        let origin = match &self.source {
            Source::File(path) => messages::config::shown_from(lang, &path.display().to_string()),
            Source::NotFound { searched_from } => messages::config::shown_defaults(
                lang,
                FILE_NAME,
                &searched_from.display().to_string(),
            ),
            Source::Skipped => messages::config::shown_skipped(lang),
        };
        Ok(format!(
            "# {origin}\n# {}\n{}",
            messages::config::shown_paths(lang),
            serde_yaml_ng::to_string(effective)?
        ))
    }
}

/// How many folders above `start` the nearest `hattama.yml` is (0: in `start`).
pub fn find(start: &Path) -> Option<usize> {
    start
        .ancestors()
        .position(|dir| dir.join(FILE_NAME).is_file())
}

/// Where `needle` is first written in the file, else its top.
fn locate(path: &Path, text: &str, needle: &str) -> Origin {
    pack::load::SourceFile {
        path: path.display().to_string(),
        text: text.to_string(),
    }
    .locate(needle)
}

/// Removes `.` and resolves `..` without touching the file system.
fn normalize(path: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for component in path.components() {
        match component {
            Component::CurDir => {}
            Component::ParentDir => {
                if matches!(out.components().next_back(), Some(Component::Normal(_))) {
                    out.pop();
                } else if !out.has_root() {
                    out.push("..");
                }
            }
            other => out.push(other),
        }
    }
    out
}

/// A path glob as `.gitignore` reads one: without a `/` it matches a file or folder name at any
/// depth; with one, the path from the configuration's folder. `*` stops at `/`, `**` does not.
fn path_glob(pattern: &str) -> Result<Glob, Problem> {
    let trimmed = pattern.trim_end_matches('/');
    let full = match trimmed.strip_prefix('/') {
        Some(anchored) => anchored.to_string(),
        None if trimmed.contains('/') => trimmed.to_string(),
        None => format!("**/{trimmed}"),
    };
    GlobBuilder::new(&full)
        .literal_separator(true)
        .build()
        .map_err(|error| Problem::BadGlob {
            pattern: pattern.to_string(),
            fault: GlobFault::of(&error),
        })
}

/// The paths `ignore:` skips. A path is skipped when a glob matches it as given (as walked from
/// a folder named on the command line), or matches it or a folder above it relative to the
/// configuration's folder.
#[derive(Debug, Clone, Default)]
pub struct Ignore {
    /// `None` when nothing is ignored.
    globs: Option<GlobSet>,
    /// The configuration's folder, absolute.
    base: PathBuf,
    cwd: PathBuf,
}

impl Ignore {
    /// `base` is the folder relative globs start from; `cwd` makes relative paths absolute.
    pub fn new(patterns: &[&str], base: &Path, cwd: &Path) -> Result<Ignore, Problem> {
        if patterns.is_empty() {
            return Ok(Ignore::default());
        }
        let mut builder = GlobSetBuilder::new();
        for pattern in patterns {
            builder.add(path_glob(pattern)?);
        }
        Ok(Ignore {
            globs: Some(builder.build().map_err(|error| Problem::BadGlob {
                pattern: error.glob().unwrap_or_default().to_string(),
                fault: GlobFault::of(&error),
            })?),
            base: normalize(base),
            cwd: cwd.to_path_buf(),
        })
    }

    pub fn is_ignored(&self, path: &Path) -> bool {
        let Some(globs) = &self.globs else {
            return false;
        };
        if globs.is_match(normalize(path)) {
            return true;
        }
        let absolute = normalize(&self.cwd.join(path));
        absolute.strip_prefix(&self.base).is_ok_and(|relative| {
            relative
                .ancestors()
                .filter(|p| !p.as_os_str().is_empty())
                .any(|p| globs.is_match(p))
        })
    }
}

/// The rules of the loaded packs as the configuration may name them.
struct Catalogue {
    rules: Vec<Entry>,
}

struct Entry {
    /// `pack/rule`.
    id: String,
    /// The parameters the rule declares, with their values in the pack.
    params: BTreeMap<String, Value>,
}

impl Entry {
    fn short_id(&self) -> &str {
        self.id.rsplit('/').next().unwrap_or(&self.id)
    }
}

impl Catalogue {
    fn of(packs: &[LoadedPack]) -> Catalogue {
        let mut rules: Vec<Entry> = Vec::new();
        for pack in packs {
            for source in pack.rule_sources() {
                let entry = Entry {
                    id: format!("{}/{}", source.namespace, source.rule.id),
                    params: source.rule.params.clone(),
                };
                // A later definition with the same id replaces the earlier, as when compiling.
                rules.retain(|earlier| earlier.id != entry.id);
                rules.push(entry);
            }
        }
        Catalogue { rules }
    }

    /// The rules a name picks: one rule, by its id with or without the pack prefix, or every
    /// rule a glob matches (`plan-*`, `kz-kdn/plan-*`). A name that picks none is an error.
    fn resolve(&self, name: &str) -> Result<Vec<usize>, Problem> {
        let glob = name.contains(['*', '?', '[', '{']);
        let picked: Vec<usize> = if glob {
            let matcher: GlobMatcher = GlobBuilder::new(name)
                .literal_separator(true)
                .build()
                .map_err(|error| Problem::BadGlob {
                    pattern: name.to_string(),
                    fault: GlobFault::of(&error),
                })?
                .compile_matcher();
            self.indices(|rule| matcher.is_match(&rule.id) || matcher.is_match(rule.short_id()))
        } else {
            self.indices(|rule| rule.id == name || rule.short_id() == name)
        };
        if picked.is_empty() {
            return Err(if glob {
                Problem::NoRuleMatches {
                    glob: name.to_string(),
                }
            } else {
                Problem::NoSuchRule {
                    name: name.to_string(),
                    meant: self.closest(name).map(str::to_string),
                }
            });
        }
        Ok(picked)
    }

    /// The rule id most like a misspelt name, if one is close enough to be meant.
    fn closest(&self, name: &str) -> Option<&str> {
        let short = name.rsplit('/').next().unwrap_or(name);
        self.rules
            .iter()
            .map(|rule| (strsim::levenshtein(short, rule.short_id()), rule.short_id()))
            .filter(|&(distance, _)| distance <= 2.max(short.chars().count() / 5))
            .min()
            .map(|(_, id)| id)
    }

    fn indices(&self, keep: impl Fn(&Entry) -> bool) -> Vec<usize> {
        (0..self.rules.len())
            .filter(|&i| keep(&self.rules[i]))
            .collect()
    }

    /// Sets a parameter on every definition of the rule.
    fn set_param(&self, packs: &mut [LoadedPack], rule: usize, name: &str, value: &Value) {
        let id = &self.rules[rule].id;
        for pack in packs {
            let namespace = pack.meta.id.clone();
            for def in &mut pack.content.rules {
                if format!("{namespace}/{}", def.id) == *id {
                    def.params.insert(name.to_string(), value.clone());
                }
            }
        }
    }
}

/// `enable`, `disable`, `severity` and `params`, as catalogue indices, in the order written.
#[derive(Debug, Default)]
struct Selection {
    enable: Vec<usize>,
    disable: Vec<usize>,
    severity: Vec<(usize, Severity)>,
    params: Vec<(usize, String, Value)>,
}

/// The whole file, reading only the keys that name rules (the first reading checked the rest).
struct SelectionSeed<'a>(&'a Catalogue);

impl<'de> DeserializeSeed<'de> for SelectionSeed<'_> {
    type Value = Selection;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Selection, D::Error> {
        deserializer.deserialize_map(self)
    }
}

impl<'de> Visitor<'de> for SelectionSeed<'_> {
    type Value = Selection;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("the keys of hattama.yml")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Selection, A::Error> {
        let catalogue = self.0;
        let mut selection = Selection::default();
        while let Some(key) = map.next_key::<String>()? {
            match key.as_str() {
                "enable" => selection.enable = map.next_value_seed(RuleList(catalogue))?,
                "disable" => selection.disable = map.next_value_seed(RuleList(catalogue))?,
                "severity" => selection.severity = map.next_value_seed(SeverityTable(catalogue))?,
                "params" => selection.params = map.next_value_seed(ParamTable(catalogue))?,
                _ => {
                    map.next_value::<IgnoredAny>()?;
                }
            }
        }
        Ok(selection)
    }
}

/// One rule name (or glob): the rules it picks.
struct RuleName<'a>(&'a Catalogue);

impl<'de> DeserializeSeed<'de> for RuleName<'_> {
    type Value = Vec<usize>;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Vec<usize>, D::Error> {
        deserializer.deserialize_str(self)
    }
}

impl<'de> Visitor<'de> for RuleName<'_> {
    type Value = Vec<usize>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a rule id")
    }

    fn visit_str<E: de::Error>(self, name: &str) -> Result<Vec<usize>, E> {
        self.0.resolve(name).map_err(Problem::raise)
    }
}

/// `enable:` or `disable:`.
struct RuleList<'a>(&'a Catalogue);

impl<'de> DeserializeSeed<'de> for RuleList<'_> {
    type Value = Vec<usize>;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Vec<usize>, D::Error> {
        deserializer.deserialize_seq(self)
    }
}

impl<'de> Visitor<'de> for RuleList<'_> {
    type Value = Vec<usize>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a list of rule ids")
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Vec<usize>, A::Error> {
        let mut rules = Vec::new();
        while let Some(picked) = seq.next_element_seed(RuleName(self.0))? {
            rules.extend(picked);
        }
        Ok(rules)
    }
}

/// `severity:`, rule → severity.
struct SeverityTable<'a>(&'a Catalogue);

impl<'de> DeserializeSeed<'de> for SeverityTable<'_> {
    type Value = Vec<(usize, Severity)>;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Self::Value, D::Error> {
        deserializer.deserialize_map(self)
    }
}

impl<'de> Visitor<'de> for SeverityTable<'_> {
    type Value = Vec<(usize, Severity)>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("rule ids with a severity")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        let mut out = Vec::new();
        while let Some(picked) = map.next_key_seed(RuleName(self.0))? {
            let severity: Severity = map.next_value()?;
            out.extend(picked.into_iter().map(|rule| (rule, severity)));
        }
        Ok(out)
    }
}

/// `params:`, rule → parameter → value.
struct ParamTable<'a>(&'a Catalogue);

impl<'de> DeserializeSeed<'de> for ParamTable<'_> {
    type Value = Vec<(usize, String, Value)>;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Self::Value, D::Error> {
        deserializer.deserialize_map(self)
    }
}

impl<'de> Visitor<'de> for ParamTable<'_> {
    type Value = Vec<(usize, String, Value)>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("rule ids with their parameters")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        let mut out = Vec::new();
        while let Some(picked) = map.next_key_seed(RuleName(self.0))? {
            let values = map.next_value_seed(RuleParams {
                catalogue: self.0,
                rules: &picked,
            })?;
            for (name, value) in values {
                for &rule in &picked {
                    out.push((rule, name.clone(), value.clone()));
                }
            }
        }
        Ok(out)
    }
}

/// The parameters given for some rules: each must be one they all declare.
struct RuleParams<'a> {
    catalogue: &'a Catalogue,
    rules: &'a [usize],
}

impl RuleParams<'_> {
    fn entries(&self) -> impl Iterator<Item = &Entry> {
        self.rules.iter().map(|&r| &self.catalogue.rules[r])
    }
}

impl<'de> DeserializeSeed<'de> for RuleParams<'_> {
    type Value = Vec<(String, Value)>;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Self::Value, D::Error> {
        deserializer.deserialize_map(self)
    }
}

impl<'de> Visitor<'de> for RuleParams<'_> {
    type Value = Vec<(String, Value)>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("parameter names with their values")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        let mut out = Vec::new();
        while let Some(name) = map.next_key_seed(ParamName(&self))? {
            let declared: Vec<(&str, &Value)> = self
                .entries()
                .filter_map(|rule| rule.params.get(&name).map(|v| (rule.id.as_str(), v)))
                .collect();
            let value = map.next_value_seed(ParamValue {
                name: &name,
                declared,
            })?;
            out.push((name, value));
        }
        Ok(out)
    }
}

/// A parameter name, which every rule given must declare.
struct ParamName<'a, 'b>(&'a RuleParams<'b>);

impl<'de> DeserializeSeed<'de> for ParamName<'_, '_> {
    type Value = String;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<String, D::Error> {
        deserializer.deserialize_str(self)
    }
}

impl<'de> Visitor<'de> for ParamName<'_, '_> {
    type Value = String;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a parameter name")
    }

    fn visit_str<E: de::Error>(self, name: &str) -> Result<String, E> {
        for rule in self.0.entries() {
            if !rule.params.contains_key(name) {
                return Err(Problem::UnknownParam {
                    rule: rule.id.clone(),
                    param: name.to_string(),
                    known: rule.params.keys().cloned().collect(),
                }
                .raise());
            }
        }
        Ok(name.to_string())
    }
}

/// A parameter's new value, which must be of the kind the pack's value is: a whole number for a
/// whole number (0 or more if that one is), a number for a number, text for text, and so on.
struct ParamValue<'a> {
    name: &'a str,
    /// (rule, value in the pack) for each rule given.
    declared: Vec<(&'a str, &'a Value)>,
}

impl ParamValue<'_> {
    fn accept<E: de::Error>(self, value: Value) -> Result<Value, E> {
        for (rule, declared) in &self.declared {
            if let Some(wanted) = mismatch(declared, &value) {
                return Err(Problem::ParamKind {
                    rule: rule.to_string(),
                    param: self.name.to_string(),
                    wanted,
                }
                .raise());
            }
        }
        Ok(value)
    }
}

/// What `value` should have been to stand in for `declared`, if it is not.
fn mismatch(declared: &Value, value: &Value) -> Option<ValueKind> {
    let whole = |v: &Value| v.as_i64().is_some() || v.as_u64().is_some();
    let negative = |v: &Value| v.as_i64().is_some_and(|n| n < 0);
    let (fits, wanted) = match declared {
        Value::Number(_) if whole(declared) && !negative(declared) => {
            (whole(value) && !negative(value), ValueKind::Count)
        }
        Value::Number(_) if whole(declared) => (whole(value), ValueKind::WholeNumber),
        Value::Number(_) => (value.is_number(), ValueKind::Number),
        Value::String(_) => (value.is_string(), ValueKind::Text),
        Value::Bool(_) => (value.is_bool(), ValueKind::Boolean),
        Value::Sequence(_) => (value.is_sequence(), ValueKind::List),
        Value::Mapping(_) => (value.is_mapping(), ValueKind::Mapping),
        Value::Null | Value::Tagged(_) => return None,
    };
    (!fits).then_some(wanted)
}

impl<'de> DeserializeSeed<'de> for ParamValue<'_> {
    type Value = Value;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Value, D::Error> {
        deserializer.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for ParamValue<'_> {
    type Value = Value;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a parameter value")
    }

    fn visit_bool<E: de::Error>(self, v: bool) -> Result<Value, E> {
        self.accept(Value::Bool(v))
    }

    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Value, E> {
        self.accept(Value::Number(v.into()))
    }

    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Value, E> {
        self.accept(Value::Number(v.into()))
    }

    fn visit_f64<E: de::Error>(self, v: f64) -> Result<Value, E> {
        self.accept(Value::Number(v.into()))
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<Value, E> {
        self.accept(Value::String(v.to_string()))
    }

    fn visit_unit<E: de::Error>(self) -> Result<Value, E> {
        self.accept(Value::Null)
    }

    fn visit_none<E: de::Error>(self) -> Result<Value, E> {
        self.accept(Value::Null)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<Value, A::Error> {
        let value = Value::deserialize(de::value::SeqAccessDeserializer::new(seq))?;
        self.accept(value)
    }

    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Value, A::Error> {
        let value = Value::deserialize(de::value::MapAccessDeserializer::new(map))?;
        self.accept(value)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pack::{Check, CorpusCheck};

    fn config(text: &str) -> Result<Config, ConfigError> {
        Config::parse(
            PathBuf::from("hattama.yml"),
            PathBuf::new(),
            text.to_string(),
        )
    }

    fn pack(text: &str) -> Result<Pack, ConfigError> {
        config(text)?.load_pack(&[] as &[PathBuf], false)
    }

    fn pack_error(text: &str) -> ConfigError {
        match pack(text) {
            Ok(_) => panic!("no error for {text:?}"),
            Err(error) => error,
        }
    }

    /// (line, column, message) of an error that must name a place in hattama.yml.
    fn place(error: ConfigError) -> (usize, usize, String) {
        match error {
            ConfigError::Invalid {
                origin, problem, ..
            } => {
                assert_eq!(origin.path, "hattama.yml");
                (origin.line, origin.column, problem.message(Lang::En))
            }
            other => panic!("not located in hattama.yml: {other}"),
        }
    }

    fn rule<'a>(pack: &'a Pack, id: &str) -> &'a crate::pack::Rule {
        pack.rule(id).unwrap_or_else(|| panic!("no rule {id}"))
    }

    #[test]
    fn the_nearest_file_above_the_start_is_found() {
        let top = tempfile::tempdir().unwrap();
        let deep = top.path().join("oblast/district/2026");
        std::fs::create_dir_all(&deep).unwrap();
        std::fs::write(
            top.path().join(FILE_NAME),
            "lang: kk\nrules: [packs/local]\n",
        )
        .unwrap();
        assert_eq!(find(&deep), Some(3));
        assert_eq!(find(top.path()), Some(0));

        let found = Config::discover(&deep).unwrap();
        assert_eq!(found.path(), Some(top.path().join(FILE_NAME).as_path()));
        assert_eq!(found.lang(), Some(Lang::Kk));
        assert_eq!(found.rule_dirs(), vec![top.path().join("packs/local")]);

        // A nearer file wins; the one above is not read at all.
        std::fs::write(top.path().join("oblast").join(FILE_NAME), "lang: en\n").unwrap();
        assert_eq!(find(&deep), Some(2));
        assert_eq!(Config::discover(&deep).unwrap().lang(), Some(Lang::En));
    }

    #[test]
    fn discovered_paths_are_shown_as_the_start_leads_to_them() {
        let top = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(top.path().join("a/b")).unwrap();
        std::fs::write(top.path().join(FILE_NAME), "").unwrap();
        let start = top.path().join("a/b/.");
        let found = Config::discover(&start).unwrap();
        assert_eq!(found.path(), Some(top.path().join(FILE_NAME).as_path()));
        assert_eq!(normalize(Path::new("./../../x")), PathBuf::from("../../x"));
        assert_eq!(normalize(Path::new("a/./b/../c")), PathBuf::from("a/c"));
        assert_eq!(normalize(Path::new("/..")), PathBuf::from("/"));
    }

    #[test]
    fn an_empty_file_or_only_comments_sets_nothing() {
        for text in ["", "# nothing yet\n"] {
            let config = config(text).unwrap();
            assert_eq!(config.file, ConfigFile::default());
            assert!(config.path().is_some());
            let pack = config.load_pack(&[] as &[PathBuf], false).unwrap();
            assert!(pack.rules.iter().all(|r| r.enabled));
        }
    }

    #[test]
    fn keys_and_values_are_checked_where_they_are_written() {
        let (line, column, message) = place(config("lang: ru\ncolour: red\n").unwrap_err());
        assert_eq!((line, column), (2, 1));
        assert!(message.contains("unknown key `colour`"), "{message}");

        let (line, column, message) = place(config("fail_level: sometimes\n").unwrap_err());
        assert_eq!((line, column), (1, 13));
        assert!(message.contains("sometimes"), "{message}");

        let (line, _, _) = place(config("enable: plan-year\n").unwrap_err());
        assert_eq!(line, 1);
        let (line, column, _) = place(config("ignore:\n  - ok\n  - 'a[b'\n").unwrap_err());
        assert_eq!((line, column), (3, 5));
        assert!(config("commission_level: 0\n").is_err());
    }

    #[test]
    fn rule_names_are_checked_against_the_loaded_packs() {
        let (line, column, message) = place(pack_error(
            "disable:\n  - decision-deadline\n  - decision-deadlin\n",
        ));
        assert_eq!((line, column), (3, 5));
        assert!(
            message.contains("`decision-deadlin` is no rule"),
            "{message}"
        );
        assert!(
            message.contains("did you mean `decision-deadline`?"),
            "{message}"
        );

        let (line, column, _) = place(pack_error("severity:\n  no-such-rule: error\n"));
        assert_eq!((line, column), (2, 3));
        let (line, column, message) = place(pack_error("enable: ['kz-kdn/nothing-*']\n"));
        assert_eq!((line, column), (1, 10));
        assert!(message.contains("matches no rule"), "{message}");
    }

    #[test]
    fn parameters_must_be_declared_and_of_the_declared_kind() {
        let (line, column, message) =
            place(pack_error("params:\n  session-gap:\n    max_gap: 30\n"));
        assert_eq!((line, column), (3, 5));
        assert!(message.contains("max_gap_days"), "{message}");

        let (line, column, message) = place(pack_error(
            "params:\n  session-gap:\n    max_gap_days: 30.5\n",
        ));
        assert_eq!((line, column), (3, 19));
        assert!(message.contains("whole number"), "{message}");

        assert!(pack("params: {session-gap: {max_gap_days: -1}}\n").is_err());
        assert!(pack("params: {quorum: {quorum: half}}\n").is_err());
        assert!(pack("params: {protocol-number: {quorum: 1}}\n").is_err());
        // A whole number stands in for a fraction.
        assert!(pack("params: {quorum: {quorum: 1}}\n").is_ok());
    }

    #[test]
    fn disable_enable_severity_and_params_shape_the_compiled_pack() {
        let pack = pack(
            "disable: ['kz-kdn/plan-*', decision-deadline]\n\
             enable: [plan-sessions]\n\
             severity:\n  protocol-place: error\n  'plan-*': info\n  plan-year: warning\n\
             params:\n  session-gap: {max_gap_days: 30}\n  quorum: {quorum: 0.75}\n",
        )
        .unwrap();
        assert!(!rule(&pack, "decision-deadline").enabled);
        assert!(!rule(&pack, "plan-year").enabled);
        assert!(
            rule(&pack, "plan-sessions").enabled,
            "enable wins over disable"
        );
        assert!(rule(&pack, "decision-responsible").enabled);
        assert!(pack.active_rules().all(|r| r.enabled));
        assert_eq!(rule(&pack, "protocol-place").severity, Severity::Error);
        // Later entries win over earlier ones.
        assert_eq!(rule(&pack, "plan-year").severity, Severity::Warning);
        assert_eq!(rule(&pack, "plan-basis").severity, Severity::Info);
        assert!(matches!(
            rule(&pack, "session-gap").check,
            Check::Corpus(CorpusCheck::SessionGap { max_gap_days: 30 })
        ));
        let quorum = rule(&pack, "quorum").params.get_attr("quorum").unwrap();
        assert_eq!(quorum.to_string(), "0.75");
    }

    #[test]
    fn no_file_changes_nothing() {
        let defaults = Config::defaults(Source::Skipped);
        let pack = defaults.load_pack(&[] as &[PathBuf], false).unwrap();
        let plain = crate::pack::default_pack().unwrap();
        assert_eq!(pack.rules.len(), plain.rules.len());
        for (a, b) in pack.rules.iter().zip(&plain.rules) {
            assert_eq!((&a.id, a.severity, a.enabled), (&b.id, b.severity, true));
        }
    }

    #[test]
    fn ignore_globs_read_like_gitignore() {
        let base = Path::new("/work/oblast");
        let ignore = Ignore::new(
            &["drafts", "*.txt", "kargaly/2025/**", "/archive/"],
            base,
            Path::new("/work/oblast/kargaly"),
        )
        .unwrap();
        // Relative to the configuration's folder, the path or a folder above it.
        assert!(ignore.is_ignored(Path::new("/work/oblast/a/drafts/p.md")));
        assert!(
            ignore.is_ignored(Path::new("2025/p.md")),
            "relative to the working folder"
        );
        assert!(ignore.is_ignored(Path::new("/work/oblast/archive/x/p.md")));
        assert!(ignore.is_ignored(Path::new("/work/oblast/b/p.txt")));
        assert!(
            !ignore.is_ignored(Path::new("/work/oblast/b/archive/p.md")),
            "anchored"
        );
        assert!(!ignore.is_ignored(Path::new("2026/p.md")));
        assert!(!ignore.is_ignored(Path::new("/work/oblast/drafts.md")));
        // Outside the folder, only the path as given.
        assert!(!ignore.is_ignored(Path::new("/elsewhere/kargaly/2025/p.md")));
        assert!(ignore.is_ignored(Path::new("../../elsewhere/notes.txt")));
        assert!(!Ignore::default().is_ignored(Path::new("anything")));
    }

    #[test]
    fn the_shown_configuration_reads_back() {
        let config = config(
            "disable: [decision-deadline]\nseverity: {protocol-place: error}\n\
             params: {session-gap: {max_gap_days: 30}}\nignore: [drafts]\ncommission_level: 2\n",
        )
        .unwrap();
        let effective = config.effective(Lang::Kk, &[PathBuf::from("packs/extra")], false);
        let shown = config.show(&effective, Lang::En).unwrap();
        assert!(shown.starts_with("# hattama configuration in effect, from hattama.yml\n"));
        let read: ConfigFile = serde_yaml_ng::from_str(&shown).unwrap();
        assert_eq!(read, effective);
        assert_eq!(read.lang, Some(Lang::Kk));
        assert_eq!(read.fail_level, Some(FailLevel::Error));
        assert_eq!(read.default_rules, Some(true));
        assert!(Path::new(&read.rules[0]).is_absolute());
        assert!(read.rules[0].ends_with("packs/extra"));
    }
}
