//! What can be wrong with `hattama.yml`, as data, said in the user's language by `message`.

use super::*;

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
    pub(super) fn yaml(path: &Path, error: &serde_yaml_ng::Error) -> ConfigError {
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
                super::text::unreadable(lang, path, &messages::data::io_error(lang, error))
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
    /// `[` and `{` nested deeper than `max`: refused before the YAML reader is run.
    TooDeep {
        max: usize,
    },
}

impl Problem {
    pub fn message(&self, lang: Lang) -> String {
        use super::text;
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
            Problem::TooDeep { max } => text::too_deep(lang, *max),
        }
    }

    /// The problem as a serde error of any reader, to come back out of the YAML reader whole
    /// (see [`ConfigError::yaml`]).
    pub(super) fn raise<E: de::Error>(self) -> E {
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
    pub(super) fn of(error: &globset::Error) -> GlobFault {
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
