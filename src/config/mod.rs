//! `hattama.yml`: a project's settings, found in the working folder or the nearest folder above
//! it (or named with `--config`). It adds rule packs, turns rules off and on, changes their
//! severity and parameters, skips paths, and sets the language, the fail level and the
//! commission level; a command-line flag always wins over it. Every mistake in the file is an
//! error that names the file, line and column, before any document is read.
//!
//! The file is read twice. First as it stands ([`ConfigFile`]): its keys and their types, and
//! which packs to load. Then, once the packs are read, its rule names and parameters are resolved
//! against their rules by deserialising the same text again with the rules at hand (the `*Seed`
//! types of `selection.rs`), so an unknown rule or parameter is reported where the YAML parser
//! stands: on the entry itself.

use crate::finding::Severity;
use crate::lang::Lang;
use crate::messages;
use crate::pack::{self, LoadedPack, Origin, PackError};
use crate::rulebook::Rulebook;
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

mod errors;
mod ignore;
mod selection;
mod text;

pub use errors::*;
pub use ignore::Ignore;
use ignore::path_glob;
use selection::*;

/// The name of the file looked for.
pub const FILE_NAME: &str = "hattama.yml";

/// The lowest severity that makes the exit code 1.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum FailLevel {
    Error,
    Warning,
    Info,
    /// Never fail on findings.
    None,
}

impl FailLevel {
    /// Every level, in the order `--help` lists them.
    pub const ALL: [FailLevel; 4] = [
        FailLevel::Error,
        FailLevel::Warning,
        FailLevel::Info,
        FailLevel::None,
    ];

    /// The name `--fail-level` and `fail_level:` take.
    pub fn name(self) -> &'static str {
        match self {
            FailLevel::Error => "error",
            FailLevel::Warning => "warning",
            FailLevel::Info => "info",
            FailLevel::None => "none",
        }
    }

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
        // Refused before the YAML reader sees it, whose time grows with the square of the depth.
        if let Some(at) = crate::yaml_depth::too_deep(&text) {
            let (line, column) = crate::yaml_depth::line_column(&text, at);
            return Err(ConfigError::Invalid {
                origin: Origin {
                    path: path.display().to_string(),
                    line,
                    column,
                },
                key: None,
                problem: Box::new(Problem::TooDeep {
                    max: crate::yaml_depth::MAX_FLOW_DEPTH,
                }),
            });
        }
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
    pub fn load_pack(
        &self,
        extra: &[PathBuf],
        without_default: bool,
    ) -> Result<Rulebook, ConfigError> {
        let mut dirs = self.rule_dirs();
        dirs.extend(extra.iter().cloned());
        let without_default = without_default || self.file.default_rules == Some(false);
        let mut packs = pack::read_packs(&dirs, without_default)?;
        let catalogue = Catalogue::of(&packs);
        let selection = self.select(&catalogue)?;
        for (rule, name, value) in &selection.params {
            catalogue.set_param(&mut packs, *rule, name, value);
        }
        let mut rulebook = Rulebook::compile(packs).map_err(|error| match self.path() {
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
        for rule in &mut rulebook.pack.rules {
            let id = rule.id.as_str();
            rule.enabled = !disabled.contains(id) || enabled.contains(id);
            if let Some(&severity) = severity.get(id) {
                rule.severity = severity;
            }
        }
        Ok(rulebook)
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
            Source::File(path) => text::shown_from(lang, &path.display().to_string()),
            Source::NotFound { searched_from } => {
                text::shown_defaults(lang, FILE_NAME, &searched_from.display().to_string())
            }
            Source::Skipped => text::shown_skipped(lang),
        };
        Ok(format!(
            "# {origin}\n# {}\n{}",
            text::shown_paths(lang),
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
        text: text.to_string().into(),
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pack::Pack;

    fn config(text: &str) -> Result<Config, ConfigError> {
        Config::parse(
            PathBuf::from("hattama.yml"),
            PathBuf::new(),
            text.to_string(),
        )
    }

    fn pack(text: &str) -> Result<Rulebook, ConfigError> {
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
        let (_, gap) = pack
            .corpus
            .0
            .iter()
            .find(|(index, _)| pack.rules[*index].id.ends_with("/session-gap"))
            .unwrap();
        assert_eq!(format!("{gap:?}"), "SessionGap { max_gap_days: 30 }");
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
