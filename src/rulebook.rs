//! The pack with every rule compiled for the stage that runs it: document rules for `check`,
//! corpus rules for `corpus`. The kinds are known here, above both stages; the pack itself,
//! below them, hands each rule to [`AllKinds`] while it compiles.

use crate::check::{self, DocumentKind};
use crate::corpus::{self, CorpusKind};
use crate::pack::{
    self, KindCompiler, LoadedPack, Pack, PackError, Registration, Role, RuleContext,
};

/// A rule of either stage, compiled.
pub enum CompiledRule {
    Document(Box<dyn DocumentKind>),
    Corpus(Box<dyn CorpusKind>),
}

/// Compiles every rule kind of every stage, and refuses a kind no stage knows.
pub struct AllKinds {
    document: Vec<Registration<Box<dyn DocumentKind>>>,
    corpus: Vec<Registration<Box<dyn CorpusKind>>>,
}

impl Default for AllKinds {
    fn default() -> AllKinds {
        AllKinds {
            document: check::kinds(),
            corpus: corpus::kinds(),
        }
    }
}

impl KindCompiler for AllKinds {
    type Check = CompiledRule;

    fn compile(&self, context: &RuleContext<'_>) -> Result<Option<CompiledRule>, String> {
        let kind = context.rule().kind.as_str();
        if let Some(entry) = Registration::find(&self.document, kind) {
            return (entry.compile)(context).map(|k| Some(CompiledRule::Document(k)));
        }
        if let Some(entry) = Registration::find(&self.corpus, kind) {
            return (entry.compile)(context).map(|k| Some(CompiledRule::Corpus(k)));
        }
        let known: Vec<&str> = self
            .document
            .iter()
            .map(|e| e.name)
            .chain(self.corpus.iter().map(|e| e.name))
            .collect();
        Err(format!(
            "unknown kind `{kind}` (one of: {})",
            known.join(", ")
        ))
    }
}

/// The pack and its rules ready to run.
pub struct Rulebook {
    pub pack: Pack,
    pub document: check::Rules,
    pub corpus: corpus::Rules,
}

impl Rulebook {
    /// Sorts compiled rules by stage; each rule's role comes from its kind.
    pub fn new(mut pack: Pack, compiled: Vec<(usize, CompiledRule)>) -> Rulebook {
        let mut document = Vec::new();
        let mut corpus = Vec::new();
        for (index, rule) in compiled {
            match rule {
                CompiledRule::Document(kind) => document.push((index, kind)),
                CompiledRule::Corpus(kind) => {
                    pack.rules[index].role = Role::Corpus;
                    corpus.push((index, kind));
                }
            }
        }
        Rulebook {
            pack,
            document: check::Rules(document),
            corpus: corpus::Rules(corpus),
        }
    }

    /// Compiles layered pack definitions with every rule kind.
    pub fn compile(packs: Vec<LoadedPack>) -> Result<Rulebook, PackError> {
        let compiled = pack::compile(packs, &AllKinds::default())?;
        Ok(Rulebook::new(compiled.pack, compiled.rules))
    }

    /// The built-in pack alone.
    pub fn builtin() -> Result<Rulebook, PackError> {
        Rulebook::compile(vec![pack::load::builtin()?])
    }
}

impl std::ops::Deref for Rulebook {
    type Target = Pack;

    fn deref(&self) -> &Pack {
        &self.pack
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The built-in pack's patterns are parsed and narrowed only at first use (`known_valid`),
    /// which turns a broken one into a pattern that matches nothing, and its messages are
    /// compiled only when a finding needs one. This is the check that lets them: compiled as a
    /// user's pack would be, the built-in pack has no broken pattern and no broken message.
    /// The trees it parses are the ones made ahead of time (`parse::prebuilt`).
    #[test]
    fn every_built_in_pattern_passes_the_checks_a_user_pack_gets() {
        let mut builtin = pack::load::builtin().unwrap();
        assert!(builtin.known_valid);
        builtin.known_valid = false;
        let trees = crate::parse::prebuilt::record(|| {
            if let Err(error) = Rulebook::compile(vec![builtin]) {
                panic!("{error}");
            }
        });
        crate::parse::prebuilt::assert_current(&trees);
    }

    /// The built-in pack's messages are compiled at first use, a user's at once; whichever pack
    /// comes later still gives a rule its message.
    #[test]
    fn the_later_pack_s_message_is_the_rule_s_either_way() {
        let reworded = |mut pack: pack::load::LoadedPack| {
            pack.known_valid = false;
            let rule = &mut pack.content.rules[0];
            rule.message = crate::lang::Localized {
                kk: "жаңа {{ 1 + 1 }}".into(),
                ru: "новое {{ 1 + 1 }}".into(),
                en: "new {{ 1 + 1 }}".into(),
            };
            pack
        };
        let builtin = || pack::load::builtin().unwrap();
        let id = builtin().content.rules[0].id.clone();
        let message = |packs| {
            let rulebook = Rulebook::compile(packs).unwrap();
            let pack = &rulebook.pack;
            let rule = pack.rules.iter().find(|r| r.id.ends_with(&id)).unwrap();
            crate::check::render(pack, rule, crate::lang::Lang::En, &minijinja::context! {}).0
        };
        assert_eq!(message(vec![builtin(), reworded(builtin())]), "new 2");
        let original = message(vec![reworded(builtin()), builtin()]);
        assert!(
            !original.is_empty() && !original.starts_with("new"),
            "{original}"
        );
    }

    #[test]
    fn every_rule_of_the_built_in_pack_runs_in_one_stage() {
        let rulebook = Rulebook::builtin().unwrap();
        let compiled = rulebook.document.0.len() + rulebook.corpus.0.len();
        assert_eq!(compiled, rulebook.pack.rules.len());
        for (index, _) in &rulebook.corpus.0 {
            assert!(rulebook.pack.rules[*index].role.is_corpus());
        }
        for (index, _) in &rulebook.document.0 {
            assert!(!rulebook.pack.rules[*index].role.is_corpus());
        }
    }
}
