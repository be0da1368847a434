//! The report templates' headings and labels (templates/labels.yaml), in one language.

use crate::lang::{Lang, Localized};
use std::collections::BTreeMap;
use std::sync::OnceLock;

/// The labels as `build.rs` wrote them from `templates/labels.yaml`: JSON reads in a tenth of
/// the time.
const LABELS_JSON: &str = include_str!(concat!(env!("OUT_DIR"), "/labels.json"));

fn all() -> &'static BTreeMap<String, Localized> {
    static LABELS: OnceLock<BTreeMap<String, Localized>> = OnceLock::new();
    // The file is part of the binary and a test reads it, so a failure here is a build defect.
    LABELS.get_or_init(|| {
        serde_json::from_str(LABELS_JSON).expect("templates/labels.yaml converts (tested)")
    })
}

/// Every label in `lang`, by key.
pub fn labels(lang: Lang) -> BTreeMap<String, String> {
    all()
        .iter()
        .map(|(key, text)| (key.clone(), text.get(lang).to_string()))
        .collect()
}

/// One label in `lang` (the key is the file's; a missing key is a defect caught by tests).
pub fn label(lang: Lang, key: &str) -> &'static str {
    all().get(key).map_or("", |text| text.get(lang))
}

#[cfg(test)]
mod tests {
    use super::*;

    const LABELS_YAML: &str = include_str!("../../templates/labels.yaml");

    #[test]
    fn every_label_is_given_in_three_languages() {
        // Localized denies missing languages, so parsing is the check.
        let parsed: BTreeMap<String, Localized> = serde_yaml_ng::from_str(LABELS_YAML).unwrap();
        assert!(parsed.len() > 40);
        for (key, text) in &parsed {
            for lang in Lang::ALL {
                assert!(
                    !text.get(lang).trim().is_empty(),
                    "{key} is empty in {lang}"
                );
            }
        }
    }

    /// The JSON that `build.rs` writes holds every label of the YAML, word for word.
    #[test]
    fn the_labels_read_from_json_are_the_yaml_s() {
        let from_yaml: BTreeMap<String, Localized> = serde_yaml_ng::from_str(LABELS_YAML).unwrap();
        assert_eq!(all(), &from_yaml);
    }
}
