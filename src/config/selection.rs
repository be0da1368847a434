//! The second reading of `hattama.yml`: rule names and parameters resolved against the loaded
//! rules, so an unknown one is reported at its own line and column.

use super::*;

/// The rules of the loaded packs as the configuration may name them.
pub(super) struct Catalogue {
    pub(super) rules: Vec<Entry>,
}

pub(super) struct Entry {
    /// `pack/rule`.
    pub(super) id: String,
    /// The parameters the rule declares, with their values in the pack.
    pub(super) params: BTreeMap<String, Value>,
}

impl Entry {
    pub(super) fn short_id(&self) -> &str {
        self.id.rsplit('/').next().unwrap_or(&self.id)
    }
}

impl Catalogue {
    pub(super) fn of(packs: &[LoadedPack]) -> Catalogue {
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
    pub(super) fn resolve(&self, name: &str) -> Result<Vec<usize>, Problem> {
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
    pub(super) fn closest(&self, name: &str) -> Option<&str> {
        let short = name.rsplit('/').next().unwrap_or(name);
        self.rules
            .iter()
            .map(|rule| (strsim::levenshtein(short, rule.short_id()), rule.short_id()))
            .filter(|&(distance, _)| distance <= 2.max(short.chars().count() / 5))
            .min()
            .map(|(_, id)| id)
    }

    pub(super) fn indices(&self, keep: impl Fn(&Entry) -> bool) -> Vec<usize> {
        (0..self.rules.len())
            .filter(|&i| keep(&self.rules[i]))
            .collect()
    }

    /// Sets a parameter on every definition of the rule.
    pub(super) fn set_param(
        &self,
        packs: &mut [LoadedPack],
        rule: usize,
        name: &str,
        value: &Value,
    ) {
        let id = &self.rules[rule].id;
        for pack in packs {
            let namespace = pack.meta.id.clone();
            for def in &mut pack.content.rules {
                if format!("{namespace}/{}", def.id) == *id {
                    def.params.insert(name.to_string(), value.clone());
                    pack.known_valid = false;
                }
            }
        }
    }
}

/// `enable`, `disable`, `severity` and `params`, as catalogue indices, in the order written.
#[derive(Debug, Default)]
pub(super) struct Selection {
    pub(super) enable: Vec<usize>,
    pub(super) disable: Vec<usize>,
    pub(super) severity: Vec<(usize, Severity)>,
    pub(super) params: Vec<(usize, String, Value)>,
}

/// The whole file, reading only the keys that name rules (the first reading checked the rest).
pub(super) struct SelectionSeed<'a>(pub(super) &'a Catalogue);

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
pub(super) struct RuleName<'a>(&'a Catalogue);

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
pub(super) struct RuleList<'a>(&'a Catalogue);

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
pub(super) struct SeverityTable<'a>(&'a Catalogue);

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
pub(super) struct ParamTable<'a>(&'a Catalogue);

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
pub(super) struct RuleParams<'a> {
    catalogue: &'a Catalogue,
    rules: &'a [usize],
}

impl RuleParams<'_> {
    pub(super) fn entries(&self) -> impl Iterator<Item = &Entry> {
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
pub(super) struct ParamName<'a, 'b>(&'a RuleParams<'b>);

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
pub(super) struct ParamValue<'a> {
    name: &'a str,
    /// (rule, value in the pack) for each rule given.
    declared: Vec<(&'a str, &'a Value)>,
}

impl ParamValue<'_> {
    pub(super) fn accept<E: de::Error>(self, value: Value) -> Result<Value, E> {
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
pub(super) fn mismatch(declared: &Value, value: &Value) -> Option<ValueKind> {
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
