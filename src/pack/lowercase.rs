//! Rewrites a pattern for text that is already in lower case, so it can be compiled without
//! case-insensitivity.
//!
//! Documents are folded to lower case before patterns run on them (`parse::normalize`), so the
//! pack's patterns never need to match a capital letter. Compiled case-insensitively, every
//! letter and every letter class doubles (Cyrillic classes many times over), and compiling the
//! pack was most of the cost of checking one file. Written in lower case instead, a pattern
//! matches exactly the same folded text. A pattern this cannot rewrite with certainty (a class
//! that only makes sense with case, like `\p{Lu}` or `[[:upper:]]`, or a letter whose lower
//! case is several letters) is left alone, and compiled case-insensitively as before.

use regex_syntax::ast::{
    self, Ast, ClassSet, ClassSetItem, ClassSetRange, ClassSetUnion, ClassUnicodeKind, Literal,
};

/// The longest class range that is rewritten letter by letter (`[а-я]` has 32 letters); a
/// longer one is left case-insensitive rather than walked.
const MAX_RANGE: u32 = 4096;

/// `pattern` with every letter and letter class in lower case; None when that could change
/// what it matches in lower-case text.
pub fn for_lowercase_text(pattern: &str) -> Option<String> {
    let mut parsed = ast::parse::Parser::new().parse(pattern).ok()?;
    lower_ast(&mut parsed)?;
    let mut out = String::with_capacity(pattern.len());
    ast::print::Printer::new().print(&parsed, &mut out).ok()?;
    Some(out)
}

fn lower_ast(node: &mut Ast) -> Option<()> {
    match node {
        Ast::Empty(_) | Ast::Flags(_) | Ast::Dot(_) | Ast::Assertion(_) | Ast::ClassPerl(_) => {
            Some(())
        }
        Ast::Literal(literal) => lower_literal(literal),
        Ast::ClassUnicode(class) => caseless(&class.kind),
        Ast::ClassBracketed(class) => lower_set(&mut class.kind),
        Ast::Repetition(repetition) => lower_ast(&mut repetition.ast),
        Ast::Group(group) => lower_ast(&mut group.ast),
        Ast::Alternation(alternation) => alternation.asts.iter_mut().try_for_each(lower_ast),
        Ast::Concat(concat) => concat.asts.iter_mut().try_for_each(lower_ast),
    }
}

fn lower_set(set: &mut ClassSet) -> Option<()> {
    match set {
        ClassSet::Item(item) => lower_item(item),
        ClassSet::BinaryOp(operation) => {
            lower_set(&mut operation.lhs)?;
            lower_set(&mut operation.rhs)
        }
    }
}

fn lower_item(item: &mut ClassSetItem) -> Option<()> {
    match item {
        ClassSetItem::Empty(_) | ClassSetItem::Perl(_) => Some(()),
        ClassSetItem::Literal(literal) => lower_literal(literal),
        ClassSetItem::Range(range) => {
            if let Some(lowered) = lower_range(range)? {
                *item = lowered;
            }
            Some(())
        }
        // `[:alpha:]` and the like are fine, `[:upper:]` and `[:lower:]` are about case.
        ClassSetItem::Ascii(class) => (!matches!(
            class.kind,
            ast::ClassAsciiKind::Upper | ast::ClassAsciiKind::Lower
        ))
        .then_some(()),
        ClassSetItem::Unicode(class) => caseless(&class.kind),
        ClassSetItem::Bracketed(class) => lower_set(&mut class.kind),
        ClassSetItem::Union(union) => union.items.iter_mut().try_for_each(lower_item),
    }
}

fn lower_literal(literal: &mut Literal) -> Option<()> {
    literal.c = lower_char(literal.c)?;
    Some(())
}

/// A letter's lower case when it is one letter.
fn lower_char(c: char) -> Option<char> {
    let mut lower = c.to_lowercase();
    match (lower.next(), lower.next()) {
        (Some(one), None) => Some(one),
        _ => None,
    }
}

/// A range whose letters all stay as they are needs nothing (`Ok(None)`); one with capitals
/// becomes the ranges of its letters' lower cases (`[А-Я]` gives `[а-я]`).
fn lower_range(range: &ClassSetRange) -> Option<Option<ClassSetItem>> {
    let (start, end) = (range.start.c as u32, range.end.c as u32);
    if end.saturating_sub(start) > MAX_RANGE {
        // Only ranges of letters are written case by case; a wide range (`\x00-\x{10FFFF}`)
        // keeps its capitals' lower cases only if it already holds them, which is unknown.
        return None;
    }
    let letters = (start..=end).filter_map(char::from_u32);
    let mut lowered: Vec<char> = Vec::new();
    let mut changed = false;
    for c in letters {
        let lower = lower_char(c)?;
        changed |= lower != c;
        lowered.push(lower);
    }
    if !changed {
        return Some(None);
    }
    lowered.sort_unstable();
    lowered.dedup();
    let mut items = Vec::new();
    let mut run_start = 0;
    for i in 1..=lowered.len() {
        let continues = i < lowered.len() && lowered[i] as u32 == lowered[i - 1] as u32 + 1;
        if !continues {
            items.push(range_item(range, lowered[run_start], lowered[i - 1]));
            run_start = i;
        }
    }
    Some(Some(ClassSetItem::Union(ClassSetUnion {
        span: range.span,
        items,
    })))
}

fn range_item(like: &ClassSetRange, first: char, last: char) -> ClassSetItem {
    let literal = |c: char| Literal {
        span: like.span,
        kind: ast::LiteralKind::Verbatim,
        c,
    };
    if first == last {
        ClassSetItem::Literal(literal(first))
    } else {
        ClassSetItem::Range(ClassSetRange {
            span: like.span,
            start: literal(first),
            end: literal(last),
        })
    }
}

/// True for Unicode classes that do not depend on case: `\p{L}`, `\p{N}`, scripts. Letter
/// case categories (`\p{Lu}`, `\p{Uppercase}`) change meaning without case-insensitivity.
fn caseless(kind: &ClassUnicodeKind) -> Option<()> {
    let name = match kind {
        // One-letter categories (`\pL`, `\pN`) are never about case.
        ClassUnicodeKind::OneLetter(_) => return Some(()),
        ClassUnicodeKind::Named(name) => name.as_str(),
        ClassUnicodeKind::NamedValue { value, .. } => value.as_str(),
    };
    let name = name.to_ascii_lowercase().replace(['_', ' ', '-'], "");
    let about_case = [
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
    ];
    (!about_case.contains(&name.as_str())).then_some(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn letters_and_classes_go_to_lower_case() {
        let cases = [
            ("ПОСТАНОВИЛИ", "постановили"),
            (
                r"(?P<value>№\s*\d+)\W+Протокол",
                r"(?P<value>№\s*\d+)\W+протокол",
            ),
            ("[А-Я]+", "[а-я]+"),
            ("[А-Яа-я]", "[а-яа-я]"),
            ("[^Ә-Ә]", "[^ә]"),
            (r"\p{L}\p{N}\w", r"\p{L}\p{N}\w"),
            (r"\x{0416}", r"\x{436}"),
            ("(?-i)кдн|КДН", "(?-i)кдн|кдн"),
        ];
        for (pattern, lowered) in cases {
            assert_eq!(
                for_lowercase_text(pattern).as_deref(),
                Some(lowered),
                "{pattern}"
            );
        }
    }

    #[test]
    fn what_depends_on_case_is_left_alone() {
        for pattern in [
            r"\p{Lu}",
            r"\p{Uppercase}",
            "[[:upper:]]",
            "[^\\x00-\\x{10FFFF}]",
            "İ",
            "(unclosed",
        ] {
            assert_eq!(for_lowercase_text(pattern), None, "{pattern}");
        }
    }

    /// On folded text, the rewritten pattern compiled case-sensitively finds what the original
    /// compiled case-insensitively finds.
    #[test]
    fn matches_stay_the_same_on_lower_case_text() {
        let text =
            "протокол № 4 заседания кдн. постановили: 1) принять к сведению; срок – до 12.03.2026";
        for pattern in [
            r"(?P<n>ПРОТОКОЛ)\s*№\s*(\d+)",
            "ПОСТАНОВИЛИ|РЕШИЛИ",
            r"[А-ЯЁ][а-я]+\s+[А-Я]",
            r"СРОК\W+(?:ДО\s+)?(\d{2}\.\d{2}\.\d{4})",
        ] {
            let before = regex::RegexBuilder::new(pattern)
                .case_insensitive(true)
                .build()
                .unwrap();
            let after = regex::Regex::new(&for_lowercase_text(pattern).unwrap()).unwrap();
            let spans =
                |re: &regex::Regex| re.find_iter(text).map(|m| m.range()).collect::<Vec<_>>();
            assert_eq!(spans(&before), spans(&after), "{pattern}");
        }
    }
}
