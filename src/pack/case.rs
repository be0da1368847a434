//! Whether a pattern for folded text needs case-insensitive parsing.
//!
//! Documents are folded to lower case before patterns run on them (`parse::normalize`).
//! Parsing a pattern case-insensitively turns every letter into a class of its cases, which
//! costs time at every start; narrowing (`pack::narrow`) then drops the capitals again. Most of
//! the pack's patterns are written in lower case and name no class about case, and for those
//! the case-sensitive parse gives the same regex at a fraction of the cost. (The only letters
//! it leaves out are lower-case twins such as `ς` for `σ` or `ſ` for `s`, which do not occur in
//! Kazakh or Russian text.)

/// True when `pattern` has a capital letter or names a class about case (`\p{Lu}`,
/// `[[:upper:]]`): parsed case-sensitively, it would find less in folded text.
pub fn needs_case_insensitivity(pattern: &str) -> bool {
    has_capital_letter(pattern) || class_names(pattern).any(is_about_case)
}

/// A capital letter that is matched as a letter: not an escape such as `\W`, `\S` or
/// `\x{202F}`, a class name, a group name (`(?P<Value>`) or a flag (`(?U)`).
fn has_capital_letter(pattern: &str) -> bool {
    let mut chars = pattern.chars();
    while let Some(c) = chars.next() {
        if c == '(' && chars.as_str().starts_with('?') {
            let rest = &chars.as_str()[1..];
            let skip = if rest.starts_with("P<") || rest.starts_with('<') {
                rest.find('>')
            } else {
                rest.find([':', ')'])
            };
            chars = rest[skip.map_or(rest.len(), |end| end + 1)..].chars();
            continue;
        }
        if c != '\\' {
            if c.is_uppercase() {
                return true;
            }
            continue;
        }
        let escape = chars.next();
        // `\x{…}`, `\p{…}`: skip to the brace; `\xFF`, `\u0416`, `\pL`: their fixed length.
        let fixed = match escape {
            Some('x') => 2,
            Some('u') => 4,
            Some('U') => 8,
            Some('p' | 'P') => 1,
            _ => continue,
        };
        let rest = chars.as_str();
        let skip = if rest.starts_with('{') {
            rest.find('}').map_or(rest.len(), |end| end + 1)
        } else {
            rest.char_indices()
                .nth(fixed)
                .map_or(rest.len(), |(at, _)| at)
        };
        chars = rest[skip..].chars();
    }
    false
}

/// The names in `\p{…}`, `\P{…}` and `[:…:]`, with any `name=value` split in two.
fn class_names(pattern: &str) -> impl Iterator<Item = &str> {
    let unicode = ["\\p{", "\\P{"].into_iter().flat_map(move |open| {
        pattern
            .match_indices(open)
            .filter_map(move |(at, _)| {
                let rest = &pattern[at + open.len()..];
                rest.find('}').map(|end| &rest[..end])
            })
            .flat_map(|inside| inside.split(['=', ':']))
    });
    let ascii = pattern.match_indices("[:").filter_map(move |(at, _)| {
        let rest = &pattern[at + 2..];
        rest.find(":]")
            .map(|end| rest[..end].trim_start_matches('^'))
    });
    unicode.chain(ascii)
}

/// Letter case categories and properties: without case-insensitivity they mean something
/// else on lower-case text. One-letter categories (`\pL`, `\p{N}`) and scripts do not.
fn is_about_case(name: &str) -> bool {
    let name = name.to_ascii_lowercase().replace(['_', ' ', '-'], "");
    [
        "lu",
        "ll",
        "lt",
        "lc",
        "uppercaseletter",
        "lowercaseletter",
        "titlecaseletter",
        "casedletter",
        "uppercase",
        "lowercase",
        "upper",
        "lower",
        "cased",
        "changeswhenlowercased",
        "changeswhenuppercased",
        "changeswhencasemapped",
        "changeswhencasefolded",
        "changeswhentitlecased",
        "caseignorable",
    ]
    .contains(&name.as_str())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn capitals_and_classes_about_case_need_it() {
        for pattern in [
            "ПОСТАНОВИЛИ",
            r"протокол\s+№\s*\d+\W+Хаттама",
            r"\p{Lu}",
            r"\p{Uppercase}",
            r"\P{gc=Ll}",
            "[[:upper:]]",
            "[[:^lower:]]",
            "(?P<value>Д)",
            "(?i:х)Ә",
        ] {
            assert!(needs_case_insensitivity(pattern), "{pattern}");
        }
    }

    #[test]
    fn lower_case_patterns_do_not() {
        for pattern in [
            "постановили",
            r"(?:^|[^\p{L}\p{N}_])кдн(?:[^\p{L}\p{N}_]|$)",
            r"\pL\p{N}\w[[:alpha:]]\p{Cyrillic}\d{2}",
            r"\x{0416}\x{202F}\W\S\D\B\xFF",
            r"(?P<Value>\d+)(?U:а+)(?<Name>б)(?i)в",
        ] {
            assert!(!needs_case_insensitivity(pattern), "{pattern}");
        }
    }

    /// On folded text, the case-sensitive parse of a lower-case pattern, narrowed, finds what
    /// the case-insensitive one finds.
    #[test]
    fn lower_case_patterns_match_the_same_either_way() {
        let text = crate::parse::normalize::fold(
            "ПРОТОКОЛ № 4 заседания КДН. ПОСТАНОВИЛИ: 1) принять к сведению; срок – до 12.03.2026",
            0,
        )
        .text;
        for pattern in [
            r"(?P<n>протокол)\s*№\s*(\d+)",
            "постановили|решили",
            r"срок\W+(?:до\s+)?(\d{2}\.\d{2}\.\d{4})",
        ] {
            assert!(!needs_case_insensitivity(pattern));
            let before = regex::RegexBuilder::new(pattern)
                .case_insensitive(true)
                .build()
                .unwrap();
            let after = regex::Regex::new(pattern).unwrap();
            let spans =
                |re: &regex::Regex| re.find_iter(&text).map(|m| m.range()).collect::<Vec<_>>();
            assert_eq!(spans(&before), spans(&after), "{pattern}");
            assert!(!spans(&after).is_empty());
        }
    }
}
