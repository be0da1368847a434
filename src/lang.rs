//! The three languages every user-facing string exists in.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    Kk,
    Ru,
    En,
}

impl Lang {
    pub const ALL: [Lang; 3] = [Lang::Kk, Lang::Ru, Lang::En];

    pub fn code(self) -> &'static str {
        match self {
            Lang::Kk => "kk",
            Lang::Ru => "ru",
            Lang::En => "en",
        }
    }

    pub fn from_code(code: &str) -> Option<Lang> {
        match code.trim().to_ascii_lowercase().as_str() {
            "kk" | "kz" | "kaz" => Some(Lang::Kk),
            "ru" | "rus" => Some(Lang::Ru),
            "en" | "eng" => Some(Lang::En),
            _ => None,
        }
    }

    /// Reads a POSIX locale value such as `kk_KZ.UTF-8` or `ru_RU`.
    pub fn from_locale(locale: &str) -> Option<Lang> {
        let head = locale.split(['_', '.', '-', '@']).next().unwrap_or("");
        Lang::from_code(head)
    }

    /// The language of the environment's locale (LC_ALL, LC_MESSAGES, LANG), if it is one of ours.
    pub fn from_env() -> Option<Lang> {
        ["LC_ALL", "LC_MESSAGES", "LANG"]
            .iter()
            .filter_map(|var| std::env::var(var).ok())
            .find(|value| !value.is_empty())
            .and_then(|value| Lang::from_locale(&value))
    }
}

impl std::fmt::Display for Lang {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.code())
    }
}

/// A text given in all three languages; a rule pack must supply each of them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Localized {
    pub kk: String,
    pub ru: String,
    pub en: String,
}

impl Localized {
    pub fn get(&self, lang: Lang) -> &str {
        match lang {
            Lang::Kk => &self.kk,
            Lang::Ru => &self.ru,
            Lang::En => &self.en,
        }
    }
}

impl Localized {
    /// The same text in every language: a pack key written once, such as a legal reference
    /// that reads the same to everyone.
    pub fn same(text: impl Into<String>) -> Localized {
        let text = text.into();
        Localized {
            kk: text.clone(),
            ru: text.clone(),
            en: text,
        }
    }
}

/// Serde helpers for pack keys that may be written once for every language (a plain string, as
/// packs written before the key was translated do) or as `{kk, ru, en}`. The map form keeps
/// [`Localized`]'s checks: a missing language or an unknown key is an error with its place.
pub mod one_or_each {
    use super::Localized;
    use serde::Deserialize;
    use serde::de::{self, Deserializer, MapAccess, Visitor};

    struct TextVisitor;

    impl<'de> Visitor<'de> for TextVisitor {
        type Value = Option<Localized>;

        fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
            f.write_str("a text, or a map with kk, ru and en")
        }

        fn visit_str<E: de::Error>(self, text: &str) -> Result<Self::Value, E> {
            Ok(Some(Localized::same(text)))
        }

        fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
            Ok(None)
        }

        fn visit_none<E: de::Error>(self) -> Result<Self::Value, E> {
            Ok(None)
        }

        fn visit_map<M: MapAccess<'de>>(self, map: M) -> Result<Self::Value, M::Error> {
            Localized::deserialize(de::value::MapAccessDeserializer::new(map)).map(Some)
        }
    }

    /// A required key.
    pub fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Localized, D::Error> {
        deserializer
            .deserialize_any(TextVisitor)?
            .ok_or_else(|| de::Error::custom("expected a text, or a map with kk, ru and en"))
    }

    /// An optional key (use with `#[serde(default)]`); `~` counts as absent.
    pub fn optional<'de, D: Deserializer<'de>>(
        deserializer: D,
    ) -> Result<Option<Localized>, D::Error> {
        deserializer.deserialize_any(TextVisitor)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug, Deserialize)]
    struct Keyed {
        #[serde(with = "one_or_each")]
        text: Localized,
        #[serde(default, deserialize_with = "one_or_each::optional")]
        extra: Option<Localized>,
    }

    #[test]
    fn a_text_is_written_once_or_in_each_language() {
        let once: Keyed = serde_yaml_ng::from_str("text: LAW.md").unwrap();
        assert_eq!(once.text, Localized::same("LAW.md"));
        assert_eq!(once.extra, None);
        let each: Keyed =
            serde_yaml_ng::from_str("text: {kk: а, ru: б, en: c}\nextra: {kk: x, ru: y, en: z}")
                .unwrap();
        assert_eq!(each.text.get(Lang::Ru), "б");
        assert_eq!(each.extra.unwrap().get(Lang::En), "z");
        let missing = serde_yaml_ng::from_str::<Keyed>("text: {kk: а, ru: б}").unwrap_err();
        assert!(missing.to_string().contains("en"), "{missing}");
        let stray = serde_yaml_ng::from_str::<Keyed>("text: {kk: а, ru: б, en: c, de: d}");
        assert!(stray.is_err());
    }

    #[test]
    fn locale_values_map_to_languages() {
        assert_eq!(Lang::from_locale("kk_KZ.UTF-8"), Some(Lang::Kk));
        assert_eq!(Lang::from_locale("ru_RU"), Some(Lang::Ru));
        assert_eq!(Lang::from_locale("en_US.UTF-8"), Some(Lang::En));
        assert_eq!(Lang::from_locale("C.UTF-8"), None);
        assert_eq!(Lang::from_locale(""), None);
    }
}
