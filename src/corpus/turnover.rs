//! `secretary-turnover`: more different secretaries within any window of days (12 months by
//! default) than the rule allows. Secretaries are told apart by surname.

use super::{Commission, Hit, Record, show_date};
use crate::extract::Value;
use crate::finding::Position;
use chrono::NaiveDate;
use std::collections::BTreeMap;

pub fn run(
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
    let mut end = 0;
    for start in 0..entries.len() {
        let limit = entries[start].0 + chrono::Duration::days(window_days);
        end = end.max(start);
        while end < entries.len() && entries[end].0 < limit {
            end += 1;
        }
        let mut names: BTreeMap<&str, &str> = BTreeMap::new();
        for (_, key, name) in &entries[start..end] {
            names.entry(key.as_str()).or_insert(name.as_str());
        }
        if names.len() > max_secretaries {
            let mut in_order: Vec<&str> = Vec::new();
            for (_, key, name) in &entries[start..end] {
                if names.contains_key(key.as_str())
                    && !in_order.contains(&name.as_str())
                    && in_order
                        .iter()
                        .all(|n| surname_key(n).as_deref() != Some(key))
                {
                    in_order.push(name);
                }
            }
            return vec![
                Hit::new(commission.path, Position::START)
                    .with("count", names.len())
                    .with("names", in_order.join(", "))
                    .with("from", show_date(entries[start].0))
                    .with("to", show_date(entries[end - 1].0)),
            ];
        }
    }
    Vec::new()
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
    use super::surname_key;

    #[test]
    fn initials_do_not_make_a_new_person() {
        assert_eq!(surname_key("Омарова Г.К."), surname_key("Г. Омарова"));
        assert_eq!(surname_key("ОМАРОВА Гульнара").as_deref(), Some("омарова"));
        assert_eq!(surname_key("Г.К."), None);
    }
}
