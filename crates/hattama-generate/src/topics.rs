//! What commissions discuss (`wording/topics.yaml`): agenda questions, what the reporter said,
//! and the actions the commission orders. Decision texts are assembled from an action, a body
//! and optional additions, so the pool is large enough that no decision repeats in a district
//! over ten years (the copied-decisions rule would otherwise fire on clean protocols).

use super::rng::Dice;
use super::wording::Wording;

/// The imperative passive of a Kazakh action ("… диагностика жүргізу" → "… диагностика
/// жүргізілсін"); `None` if its last word is not in the table (a test checks every action).
pub fn kk_passive(w: &Wording, action: &str) -> Option<String> {
    w.topics.kk_passive.iter().find_map(|(noun, passive)| {
        action
            .strip_suffix(noun.as_str())
            .filter(|head| head.is_empty() || head.ends_with(' '))
            .map(|head| format!("{head}{passive}"))
    })
}

/// Fills the number and year placeholders of heard texts and agenda questions. The ranges keep
/// the Russian noun after the number in the genitive plural.
pub fn fill(template: &str, dice: &mut Dice, year: i32) -> String {
    let mut out = template
        .replace("{prev}", &(year - 1).to_string())
        .replace("{year}", &year.to_string());
    let ranges: [(&str, i64, i64); 7] = [
        ("{n3}", 1, 4),
        ("{n10}", 5, 12),
        ("{n30}", 5, 20),
        ("{n100}", 25, 99),
        ("{n1000}", 300, 3200),
        ("{pct}", 58, 94),
        ("{nsess}", 12, 16),
    ];
    for (key, lo, hi) in ranges {
        while let Some(at) = out.find(key) {
            let n = dice.range(lo, hi);
            out.replace_range(at..at + key.len(), &n.to_string());
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::wording;

    #[test]
    fn wording_parses() {
        let w = wording::get().expect("built-in wording");
        assert!(w.topics.topics.len() >= 20);
        assert_eq!(w.plans.sessions.len(), 12);
    }

    #[test]
    fn every_kazakh_action_has_a_passive() {
        let w = wording::get().expect("built-in wording");
        for topic in &w.topics.topics {
            for action in &topic.actions {
                for kk in &action.kk {
                    assert!(kk_passive(w, kk).is_some(), "{}: {kk}", topic.id);
                }
                assert_eq!(action.ru.len(), action.kk.len(), "{}", topic.id);
            }
        }
    }

    #[test]
    fn no_vague_or_classifying_words_in_actions() {
        let w = wording::get().expect("built-in wording");
        let bad = [
            "постоянн",
            "тұрақты",
            "үнемі",
            "жыл бойы",
            "в течение года",
            "по мере",
            "регулярно",
            "систематически",
            "қажетінше",
            "к сведению",
            "назарға алын",
            "снять с контрол",
            "бақылаудан алын",
            "утвердить",
            "ежемесячн",
            "ежекварталь",
            "ай сайын",
            "контрол",
            "бақылау",
        ];
        for topic in &w.topics.topics {
            for action in &topic.actions {
                for text in action.ru.iter().chain(action.kk.iter()) {
                    let lower = text.to_lowercase();
                    for word in bad {
                        assert!(!lower.contains(word), "{}: «{word}» in {text}", topic.id);
                    }
                }
            }
        }
    }
}
