//! `secretary-turnover`: more different secretaries within any window of days (12 months by
//! default) than the rule allows. Secretaries are told apart by surname.

use super::{Commission, Hit, Record, show_date};
use crate::extract::Value;
use crate::finding::Position;
use chrono::NaiveDate;
use std::collections::HashMap;

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
                Hit::new(commission.path, Position::START)
                    .with("count", in_window.len())
                    .with("names", in_order(&entries[start..end]).join(", "))
                    .with("from", show_date(entries[start].0))
                    .with("to", show_date(entries[end - 1].0)),
            ];
        }
    }
    Vec::new()
}

/// Each secretary of the window once, as first written, in date order.
fn in_order(window: &[(NaiveDate, String, String)]) -> Vec<&str> {
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
