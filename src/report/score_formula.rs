//! The audit score's formula in words, for the report's readers: the pack's numbers, not a
//! summary of them.

use crate::lang::Lang;
use crate::messages::number;
use crate::pack::schema::ScoringDef;

/// The audit score's formula in words, with the pack's numbers, for the report.
pub(super) fn score_formula(lang: Lang, scoring: &ScoringDef) -> String {
    let n = |value: f64| number(lang, value);
    let (per_document, per_commission) = (
        n(scoring.points_per_finding),
        n(scoring.points_per_commission_finding),
    );
    let weights = &scoring.weights;
    let (error, warning, info) = (n(weights.error), n(weights.warning), n(weights.info));
    let rules: Vec<String> = scoring
        .rules
        .iter()
        .map(|(rule, weight)| match lang {
            Lang::En => format!("{rule} {}", n(*weight)),
            Lang::Kk | Lang::Ru => format!("{rule} — {}", n(*weight)),
        })
        .collect();
    let rules = rules.join(", ");
    match lang {
        Lang::Kk => {
            let mut text = format!(
                "Балл = max(0; 100 − {per_document} × (құжаттарға қатысты ескертулер салмағының қосындысы ÷ құжаттар саны) − {per_commission} × комиссияның жалпы жұмысына қатысты ескертулер салмағының қосындысы). Ескерту салмағы: қате — {error}, ескерту — {warning}, ақпарат — {info}"
            );
            if !rules.is_empty() {
                text.push_str(&format!("; жекелеген ережелер: {rules}"));
            }
            text + "."
        }
        Lang::Ru => {
            let mut text = format!(
                "Балл = max(0; 100 − {per_document} × (сумма весов замечаний к документам ÷ число документов) − {per_commission} × сумма весов замечаний к работе комиссии в целом). Вес: ошибка — {error}, предупреждение — {warning}, замечание — {info}"
            );
            if !rules.is_empty() {
                text.push_str(&format!("; отдельные правила: {rules}"));
            }
            text + "."
        }
        Lang::En => {
            let mut text = format!(
                "Score = max(0, 100 − {per_document} × (weighted document findings ÷ documents) − {per_commission} × weighted findings about the commission as a whole). Weights: error {error}, warning {warning}, note {info}"
            );
            if !rules.is_empty() {
                text.push_str(&format!("; by rule: {rules}"));
            }
            text + "."
        }
    }
}
