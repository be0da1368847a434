//! What a rule kind needs to compile a rule: its own keys, read into its own definition type,
//! and the pack's vocabulary (sections, fields, items, document kinds, lexicon) to resolve
//! what those keys name.
//!
//! The kinds themselves live with the stage that runs them (document kinds in `check`, corpus
//! kinds in `corpus`), each in one file, listed in its stage's table. The pack cannot name
//! them, being below both stages: [`compile`](super::compile) is given a [`KindCompiler`]
//! that knows them, and hands each rule to it with a [`RuleContext`].

use super::LazyRegex as Regex;
use super::load::LoadedPack;
use super::model::{Field, ItemType, Pack, Rule, Scope, Section};
use super::patterns::PatternCompiler;
use serde::Deserialize;
use serde::de::DeserializeOwned;
use std::collections::BTreeMap;

/// A rule kind: the keys it reads and how it turns them into something that runs.
pub trait Kind: Sized {
    /// The `kind:` a rule names it by.
    const NAME: &'static str;
    /// The kind's own keys, beyond those every rule has; unknown keys must be refused
    /// (`#[serde(deny_unknown_fields)]`) so that a misspelt key never silently does nothing.
    type Def: DeserializeOwned;

    fn compile(def: Self::Def, context: &RuleContext<'_>) -> Result<Self, String>;
}

/// Compiles rules of the kinds it knows into `Check`, the form its stage runs.
pub trait KindCompiler {
    type Check;

    /// The rule compiled, `Ok(None)` when its kind belongs to no stage this compiler serves
    /// (the whole set of stages refuses an unknown kind), or what is wrong with it.
    fn compile(&self, context: &RuleContext<'_>) -> Result<Option<Self::Check>, String>;
}

/// A pack compiled, and the rules a [`KindCompiler`] compiled, each with its index in the
/// pack's rules.
pub struct Compiled<Check> {
    pub pack: Pack,
    pub rules: Vec<(usize, Check)>,
}

/// Accepts every rule without compiling its kind: for what reads documents without running
/// rules (extraction, `inspect`, tests of the earlier stages).
pub struct NoKinds;

impl KindCompiler for NoKinds {
    type Check = ();

    fn compile(&self, _: &RuleContext<'_>) -> Result<Option<()>, String> {
        Ok(None)
    }
}

/// One entry of a stage's table of kinds: a name, and how a rule of it becomes `Check`.
pub struct Registration<Check> {
    pub name: &'static str,
    pub compile: fn(&RuleContext<'_>) -> Result<Check, String>,
}

impl<Check> Registration<Check> {
    /// The entry of the table whose kind the rule names.
    pub fn find<'a>(table: &'a [Registration<Check>], kind: &str) -> Option<&'a Self> {
        table.iter().find(|entry| entry.name == kind)
    }
}

/// Where a rule's scope keys are read: `scope` and the `section`, `item` or `lines` it needs.
/// Kinds that look at a part of a document flatten it into their definition.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ScopeDef {
    #[serde(default)]
    pub scope: Option<String>,
    #[serde(default)]
    pub section: Option<String>,
    #[serde(default)]
    pub item: Option<String>,
    #[serde(default)]
    pub lines: Option<usize>,
}

/// One rule being compiled, and everything of the pack its keys may name.
pub struct RuleContext<'a> {
    pub(super) rule: &'a Rule,
    pub(super) source: &'a LoadedPack,
    pub(super) params: &'a BTreeMap<String, serde_yaml_ng::Value>,
    pub(super) patterns: &'a PatternCompiler,
    pub(super) kind_ids: &'a [String],
    pub(super) sections: &'a [Section],
    pub(super) fields: &'a [Field],
    pub(super) items: &'a [ItemType],
}

impl RuleContext<'_> {
    /// The rule's common part: id, kind, severity, documents, messages.
    pub fn rule(&self) -> &Rule {
        self.rule
    }

    /// The kind's own keys, read into its definition. Unknown and mistyped keys are errors.
    pub fn definition<D: DeserializeOwned>(&self) -> Result<D, String> {
        from_map(&self.rule.keys).map_err(|error| {
            let message = error.inner().to_string();
            // serde names the key; say what it means to the reader of the pack.
            match message
                .strip_prefix("unknown field `")
                .and_then(|rest| rest.split('`').next())
            {
                Some(key) => format!(
                    "`{key}` means nothing to a rule of kind `{}`",
                    self.rule.kind
                ),
                None => format!("`{}`: {message}", error.path()),
            }
        })
    }

    /// The rule's `params` read into the kind's parameter type: keys it does not know are the
    /// templates' (`{{ params.x }}`), not errors; mistyped ones are.
    pub fn params<P: DeserializeOwned>(&self) -> Result<P, String> {
        from_map(self.params)
            .map_err(|error| format!("`params.{}`: {}", error.path(), error.inner()))
    }

    pub fn section(&self, id: &str) -> Result<usize, String> {
        self.sections
            .iter()
            .position(|s| s.id == id)
            .ok_or_else(|| format!("names the section `{id}`, which no `sections:` entry defines"))
    }

    pub fn item(&self, id: &str) -> Result<usize, String> {
        self.items
            .iter()
            .position(|s| s.id == id)
            .ok_or_else(|| format!("names the item type `{id}`, which no `items:` entry defines"))
    }

    pub fn field(&self, id: &str) -> Result<usize, String> {
        self.fields
            .iter()
            .position(|s| s.id == id)
            .ok_or_else(|| format!("names the field `{id}`, which no `fields:` entry defines"))
    }

    /// One of an item type's fields.
    pub fn item_field(&self, item: usize, id: &str) -> Result<usize, String> {
        self.items[item]
            .fields
            .iter()
            .position(|x| x.id == id)
            .ok_or_else(|| format!("item `{}` has no field `{id}`", self.items[item].id))
    }

    /// Classes of an item type (`unless: [informational]`), each one it defines.
    pub fn classes(&self, item: usize, names: &[String]) -> Result<Vec<String>, String> {
        for name in names {
            if !self.items[item]
                .classes
                .iter()
                .any(|(class, _)| class == name)
            {
                return Err(format!(
                    "item `{}` has no class `{name}`",
                    self.items[item].id
                ));
            }
        }
        Ok(names.to_vec())
    }

    /// A document kind the pack defines.
    pub fn document_kind(&self, id: &str) -> Result<String, String> {
        if self.kind_ids.iter().any(|known| known == id) {
            Ok(id.to_string())
        } else {
            Err(format!("names no document kind `{id}`"))
        }
    }

    /// Patterns matched against folded text, as one regex; `None` for none.
    pub fn regex(&self, patterns: &[String]) -> Result<Option<Regex>, String> {
        self.patterns.compile_any(patterns).map_err(|error| {
            // Compiled one by one only now, to name the pattern that is wrong.
            let (pattern, message) = patterns
                .iter()
                .find_map(|p| self.patterns.compile(p).err().map(|e| (p.as_str(), e)))
                .unwrap_or((patterns.first().map_or("", String::as_str), error));
            let at = self.source.locate_text(pattern);
            format!(
                "invalid pattern: {message} (the pattern on line {}, column {})",
                at.line, at.column
            )
        })
    }

    /// Patterns matched against the text as written (names told apart by their capitals).
    pub fn source_regex(&self, patterns: &[String]) -> Result<Option<Regex>, String> {
        self.patterns
            .compile_any_source(patterns)
            .map_err(|e| format!("invalid pattern: {e}"))
    }

    /// The part of a document a rule looks at, from its scope keys.
    pub fn scope(&self, def: &ScopeDef) -> Result<Scope, String> {
        let scope = def.scope.as_deref().unwrap_or("document");
        let uses: &[&str] = match scope {
            "first-lines" | "last-lines" => &["lines"],
            "section" | "question" => &["section"],
            "item" => &["item"],
            _ => &[],
        };
        for (key, set) in [
            ("section", def.section.is_some()),
            ("item", def.item.is_some()),
            ("lines", def.lines.is_some()),
        ] {
            if set && !uses.contains(&key) {
                return Err(format!("`{key}` means nothing with `scope: {scope}`"));
            }
        }
        Ok(match scope {
            "document" => Scope::Document,
            "first-lines" => {
                Scope::FirstLines(def.lines.ok_or("`scope: first-lines` needs `lines`")?)
            }
            "last-lines" => Scope::LastLines(def.lines.ok_or("`scope: last-lines` needs `lines`")?),
            "section" => Scope::Section(
                self.section(
                    def.section
                        .as_deref()
                        .ok_or("`scope: section` needs `section`")?,
                )?,
            ),
            "question" => Scope::Question(
                def.section
                    .as_deref()
                    .map(|s| self.section(s))
                    .transpose()?,
            ),
            "item" => {
                Scope::Item(self.item(def.item.as_deref().ok_or("`scope: item` needs `item`")?)?)
            }
            other => {
                return Err(format!(
                    "unknown scope `{other}` (document, first-lines, last-lines, section, question, item)"
                ));
            }
        })
    }
}

/// A list key that must not be empty.
pub fn non_empty<'a>(list: &'a [String], key: &str) -> Result<&'a [String], String> {
    if list.is_empty() {
        Err(format!("needs `{key}`"))
    } else {
        Ok(list)
    }
}

/// Keys as written into a kind's type; the error keeps the path to the value that is wrong.
fn from_map<D: DeserializeOwned>(
    map: &BTreeMap<String, serde_yaml_ng::Value>,
) -> Result<D, serde_path_to_error::Error<serde_yaml_ng::Error>> {
    let mapping: serde_yaml_ng::Mapping = map
        .iter()
        .map(|(key, value)| (serde_yaml_ng::Value::from(key.as_str()), value.clone()))
        .collect();
    serde_path_to_error::deserialize(serde_yaml_ng::Value::Mapping(mapping))
}

/// Compiles a rule with the given kind, for the stages' tables.
pub fn compile_as<K: Kind>(context: &RuleContext<'_>) -> Result<K, String> {
    K::compile(context.definition::<K::Def>()?, context)
}
