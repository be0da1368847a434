//! `secretary-turnover`: more different secretaries within any window of days (12 months by
//! default) than the rule allows. Secretaries are told apart by surname.

use super::{Commission, CorpusKind, Hit, Needs, Record};
use crate::extract::Value;
use crate::finding::Position;
use crate::pack::{Kind, RuleContext};
use chrono::NaiveDate;
use serde::Deserialize;
use std::collections::{HashMap, HashSet};

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Def {
    /// The field that names a protocol's secretary.
    #[serde(default)]
    fields: Vec<String>,
}

#[derive(Deserialize)]
struct Params {
    #[serde(default = "default_max_secretaries")]
    max_secretaries: i64,
    #[serde(default = "default_window_days")]
    window_days: i64,
}

fn default_max_secretaries() -> i64 {
    2
}

fn default_window_days() -> i64 {
    365
}

#[derive(Debug)]
pub struct SecretaryTurnover {
    secretary: usize,
    max_secretaries: usize,
    window_days: i64,
}

impl Kind for SecretaryTurnover {
    const NAME: &'static str = "secretary-turnover";
    type Def = Def;

    fn compile(def: Def, context: &RuleContext<'_>) -> Result<Self, String> {
        let params: Params = context.params()?;
        Ok(SecretaryTurnover {
            secretary: context.field(def.fields.first().ok_or("needs `fields`")?)?,
            max_secretaries: params.max_secretaries.max(1) as usize,
            window_days: params.window_days.max(1),
        })
    }
}

impl CorpusKind for SecretaryTurnover {
    fn needs(&self) -> Needs {
        Needs {
            fields: vec![self.secretary],
            ..Needs::default()
        }
    }

    fn judge(&self, commission: &Commission<'_>, documents: &[&Record], _: NaiveDate) -> Vec<Hit> {
        run(
            commission,
            documents,
            self.secretary,
            self.max_secretaries,
            self.window_days,
        )
    }
}

fn run(
    commission: &Commission<'_>,
    protocols: &[&Record],
    secretary_field: usize,
    max_secretaries: usize,
    window_days: i64,
) -> Vec<Hit> {
    let mut entries: Vec<(NaiveDate, String, String)> = protocols
        .iter()
        .filter_map(|p| {
            let date = p.date?;
            let Value::Text(name) = &p.facts.field(secretary_field)?.value else {
                return None;
            };
            Some((date, surname_key(name)?, name.clone()))
        })
        .collect();
    entries.sort();
    // The window slides over the entries in date order; how many times each surname stands in
    // it is kept up to date as entries come in and drop out, so each step costs one entry,
    // not the whole window.
    let mut in_window: HashMap<&str, usize> = HashMap::new();
    let mut end = 0;
    for start in 0..entries.len() {
        if start > 0 && start - 1 < end {
            let key = entries[start - 1].1.as_str();
            if let Some(count) = in_window.get_mut(key) {
                *count -= 1;
                if *count == 0 {
                    in_window.remove(key);
                }
            }
        }
        let limit = entries[start].0 + chrono::Duration::days(window_days);
        end = end.max(start);
        while end < entries.len() && entries[end].0 < limit {
            *in_window.entry(entries[end].1.as_str()).or_default() += 1;
            end += 1;
        }
        if in_window.len() > max_secretaries {
            return vec![
                Hit::in_file(commission.path, Position::START)
                    .with("count", in_window.len())
                    .with("names", in_order(&entries[start..end]).join(", "))
                    .with("from", entries[start].0.to_string())
                    .with("to", entries[end - 1].0.to_string()),
            ];
        }
    }
    Vec::new()
}

/// Each secretary of the window once, as first written, in date order. A name's key is its
/// surname, so the first name of each key is kept.
fn in_order(window: &[(NaiveDate, String, String)]) -> Vec<&str> {
    let mut seen: HashSet<&str> = HashSet::new();
    window
        .iter()
        .filter(|(_, key, _)| seen.insert(key.as_str()))
        .map(|(_, _, name)| name.as_str())
        .collect()
}

/// "Омарова Г.К.", "Г. Омарова" and "ОМАРОВА Гульнара" are one person: the first word of three
/// letters or more, in lower case.
pub fn surname_key(name: &str) -> Option<String> {
    name.split(|c: char| !c.is_alphabetic())
        .find(|word| word.chars().count() >= 3)
        .map(|word| word.to_lowercase().replace('ё', "е"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::facts::{Facts, FieldFact};

    /// The window's names as they were listed before: each compared with those kept so far.
    fn in_order_by_scan(window: &[(NaiveDate, String, String)]) -> Vec<&str> {
        let mut names: Vec<&str> = Vec::new();
        for (_, key, name) in window {
            if !names.contains(&name.as_str())
                && names.iter().all(|n| surname_key(n).as_deref() != Some(key))
            {
                names.push(name);
            }
        }
        names
    }

    /// The window's surnames recounted for every window and its names listed by scanning, as
    /// before they were counted as the window slides.
    fn by_recount(
        entries: &[(NaiveDate, String, String)],
        max_secretaries: usize,
        window_days: i64,
    ) -> Option<(usize, Vec<&str>, NaiveDate, NaiveDate)> {
        let mut end = 0;
        for start in 0..entries.len() {
            let limit = entries[start].0 + chrono::Duration::days(window_days);
            end = end.max(start);
            while end < entries.len() && entries[end].0 < limit {
                end += 1;
            }
            let names: std::collections::BTreeSet<&str> = entries[start..end]
                .iter()
                .map(|(_, k, _)| k.as_str())
                .collect();
            if names.len() > max_secretaries {
                let window = &entries[start..end];
                return Some((
                    names.len(),
                    in_order_by_scan(window),
                    window[0].0,
                    window[window.len() - 1].0,
                ));
            }
        }
        None
    }

    #[test]
    fn the_sliding_count_finds_the_window_a_recount_finds() {
        let people = [
            "Омарова Г.К.",
            "Г. Омарова",
            "Ахметов Б.",
            "Сейтова А.",
            "Нуров Е.",
            "Ким О.",
        ];
        let mut state: u64 = 21;
        let mut next = |limit: u64| {
            state = state
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1_442_695_040_888_963_407);
            (state >> 33) % limit
        };
        let start = NaiveDate::from_ymd_opt(2025, 1, 1).unwrap();
        for round in 0..40 {
            let protocols: Vec<Record> = (0..30)
                .map(|i| Record {
                    path: format!("p{i}.md"),
                    commission: Default::default(),
                    named: None,
                    kind: None,
                    date: Some(start + chrono::Duration::days(next(700) as i64)),
                    facts: Facts {
                        fields: vec![(
                            0,
                            FieldFact {
                                value: Value::Text(people[next(6) as usize].into()),
                                at: Position::START,
                            },
                        )],
                        ..Facts::default()
                    },
                    paragraphs: None,
                })
                .collect();
            let records: Vec<&Record> = protocols.iter().collect();
            let commission = super::super::Commission {
                id: "c",
                path: "c",
                name: "",
                records: records.clone(),
            };
            let mut entries: Vec<(NaiveDate, String, String)> = records
                .iter()
                .map(|p| {
                    let Value::Text(name) = &p.facts.field(0).unwrap().value else {
                        unreachable!()
                    };
                    (p.date.unwrap(), surname_key(name).unwrap(), name.clone())
                })
                .collect();
            entries.sort();
            let max_secretaries = 1 + round % 4;
            let window_days = [0, 30, 90, 365][round / 10];
            let expected = by_recount(&entries, max_secretaries, window_days).map(
                |(count, names, from, to)| format!("{count} {} {} {}", names.join(", "), from, to),
            );
            let found = run(&commission, &records, 0, max_secretaries, window_days)
                .first()
                .map(|hit| {
                    format!(
                        "{} {} {} {}",
                        hit.vars["count"], hit.vars["names"], hit.vars["from"], hit.vars["to"]
                    )
                });
            assert_eq!(found, expected, "round {round}");
        }
    }

    #[test]
    fn initials_do_not_make_a_new_person() {
        assert_eq!(surname_key("Омарова Г.К."), surname_key("Г. Омарова"));
        assert_eq!(surname_key("ОМАРОВА Гульнара").as_deref(), Some("омарова"));
        assert_eq!(surname_key("Г.К."), None);
    }
}
