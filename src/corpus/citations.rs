//! Citations of earlier decisions in a protocol's text, and what the citing entry says of each:
//! "Снять с контроля как исполненные: п. 2.2, 3.3 протокола № 1 от 28.01.2026; п. 2.2
//! протокола № 2", "продлить срок исполнения п. 2.1 протокола № 6 до 30.09.2026", and their
//! Kazakh forms (the pack's `follow_ups` holds the wording).
//!
//! One entry often cites several items of several protocols and closes some while keeping
//! others, so each citation takes the verb nearest to it: first within its own `;`-separated
//! part (Kazakh puts the verb after the list, Russian before it), else the last verb before that
//! part, else the first one after it.

use crate::calendar::FoundDate;
use crate::finding::Position;
use crate::pack::{LazyRegex, Pack};
use crate::parse::Document;
use chrono::NaiveDate;
use std::ops::Range;

/// What a citing entry says of a decision.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Said {
    /// Carried out: taken off control.
    Closed,
    /// Still open: kept on control, or only mentioned.
    Open,
    /// Its deadline moved to this date.
    Extended(NaiveDate),
}

#[derive(Debug, Clone)]
pub struct Reference {
    pub protocol: i64,
    /// The cited item as numbered there: "2.3", or "2" for a whole question.
    pub item: String,
    pub date: Option<NaiveDate>,
    pub said: Said,
    pub at: Position,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Verb {
    Close,
    Keep,
    Extend,
}

pub fn references(document: &Document, pack: &Pack, default_year: Option<i32>) -> Vec<Reference> {
    let follow = &pack.follow_ups;
    if follow.references.is_empty() {
        return Vec::new();
    }
    // Most documents cite nothing, and most patterns are of the other language. Only lines
    // where some pattern may match are searched, with every pattern that may match one of them:
    // one search per such line, rather than a search of every line for every pattern.
    let mut lines: Vec<usize> = Vec::new();
    let mut patterns: Vec<&LazyRegex> = Vec::new();
    for pattern in &follow.references {
        let holding = pattern.lines_to_search(document, 0..document.lines.len());
        if !holding.is_empty() {
            patterns.push(pattern);
            lines.extend(holding);
        }
    }
    if patterns.is_empty() {
        return Vec::new();
    }
    lines.sort_unstable();
    lines.dedup();
    let mut found = Vec::new();
    for line in lines.into_iter().map(|index| &document.lines[index]) {
        let text = line.text();
        let citations = citations_in(&patterns, text);
        if citations.is_empty() {
            continue;
        }
        let verbs = verbs_in(pack, text);
        let dates = pack.calendar.find_dates(text, default_year);
        let ranges: Vec<Range<usize>> = citations.iter().map(|c| c.range.clone()).collect();
        for citation in citations {
            // A date inside an earlier citation ("… № 15 от 16.12.2025; пункты 1.1 …") is that
            // citation's, not the next one's.
            let own_dates: Vec<FoundDate> = dates
                .iter()
                .filter(|d| {
                    !ranges
                        .iter()
                        .any(|r| r.start < citation.range.start && d.range.start < r.end)
                })
                .cloned()
                .collect();
            let date = match &citation.date {
                Some(range) => pack.calendar.first_date(&text[range.clone()], default_year),
                None => date_just_before(&own_dates, citation.range.start),
            }
            .map(|d| d.date);
            let said = match nearest_verb(text, &verbs, &citation.range) {
                Some(Verb::Close) => Said::Closed,
                Some(Verb::Extend) => {
                    new_deadline(text, &dates, &citation.range).map_or(Said::Open, Said::Extended)
                }
                Some(Verb::Keep) | None => Said::Open,
            };
            let at = document.index.position(
                &document.source,
                line.folded
                    .source_range(citation.range.start..citation.range.start)
                    .start,
            );
            for item in citation.items {
                found.push(Reference {
                    protocol: citation.protocol,
                    item,
                    date,
                    said,
                    at,
                });
            }
        }
    }
    found
}

struct Citation {
    range: Range<usize>,
    protocol: i64,
    items: Vec<String>,
    date: Option<Range<usize>>,
}

/// Every citation on a line; where two patterns match the same text, the first match wins.
fn citations_in(patterns: &[&LazyRegex], text: &str) -> Vec<Citation> {
    let mut found: Vec<Citation> = Vec::new();
    for pattern in patterns {
        // A citation names its protocol by number: most lines have no digit and no citation.
        if !pattern.may_match(text) {
            continue;
        }
        for captures in pattern.captures_iter(text) {
            let Some(whole) = captures.get(0) else {
                continue;
            };
            if found
                .iter()
                .any(|c| c.range.start < whole.end() && whole.start() < c.range.end)
            {
                continue;
            }
            let Some(protocol) = captures
                .name("protocol")
                .and_then(|p| crate::extract::value::first_integer(p.as_str()))
            else {
                continue;
            };
            let Some(listed) = captures.name("items").or_else(|| captures.name("item")) else {
                continue;
            };
            let items = item_list(listed.as_str());
            if items.is_empty() {
                continue;
            }
            found.push(Citation {
                range: whole.range(),
                protocol,
                items,
                date: captures.name("date").map(|d| d.range()),
            });
        }
    }
    found.sort_by_key(|c| c.range.start);
    found
}

/// "2.2, 2.3 и 3.1" → 2.2, 2.3, 3.1; "2.1-2.3" → 2.1, 2.2, 2.3; "2" → 2.
fn item_list(listed: &str) -> Vec<String> {
    let mut items: Vec<String> = Vec::new();
    let mut range_from: Option<String> = None;
    let mut rest = listed;
    while !rest.is_empty() {
        let number_len = rest
            .find(|c: char| !(c.is_ascii_digit() || c == '.'))
            .unwrap_or(rest.len());
        if number_len == 0 {
            let skip = rest.chars().next().map_or(1, char::len_utf8);
            if rest.starts_with('-') && !items.is_empty() {
                range_from = items.last().cloned();
            }
            rest = &rest[skip..];
            continue;
        }
        let number = rest[..number_len].trim_matches('.').to_string();
        rest = &rest[number_len..];
        if number.is_empty() {
            continue;
        }
        match range_from.take() {
            Some(from) => items.extend(expand_range(&from, &number).into_iter().skip(1)),
            None => items.push(number),
        }
    }
    items.dedup();
    items
}

/// The sub-items from `from` to `to` when they differ only in the last part ("2.1" to "2.3").
fn expand_range(from: &str, to: &str) -> Vec<String> {
    let split = |s: &str| {
        s.rsplit_once('.')
            .map(|(a, b)| (a.to_string(), b.to_string()))
    };
    let (Some((head_a, last_a)), Some((head_b, last_b))) = (split(from), split(to)) else {
        let (Ok(a), Ok(b)) = (from.parse::<u32>(), to.parse::<u32>()) else {
            return vec![from.to_string(), to.to_string()];
        };
        return if a <= b && b - a < 50 {
            (a..=b).map(|n| n.to_string()).collect()
        } else {
            vec![from.to_string(), to.to_string()]
        };
    };
    match (last_a.parse::<u32>(), last_b.parse::<u32>()) {
        (Ok(a), Ok(b)) if head_a == head_b && a <= b && b - a < 50 => {
            (a..=b).map(|n| format!("{head_a}.{n}")).collect()
        }
        _ => vec![from.to_string(), to.to_string()],
    }
}

/// The verbs of a line with where they stand; a closing word inside a negation ("не исполнен",
/// a `kept` pattern) is no closing.
fn verbs_in(pack: &Pack, text: &str) -> Vec<(Range<usize>, Verb)> {
    let follow = &pack.follow_ups;
    let mut verbs: Vec<(Range<usize>, Verb)> = Vec::new();
    let mut add = |regex: &Option<crate::pack::LazyRegex>, verb: Verb| {
        if let Some(regex) = regex {
            verbs.extend(regex.find_iter(text).map(|m| (m.range(), verb)));
        }
    };
    add(&follow.kept, Verb::Keep);
    add(&follow.extended, Verb::Extend);
    add(&follow.closed, Verb::Close);
    let kept: Vec<Range<usize>> = verbs
        .iter()
        .filter(|(_, v)| *v == Verb::Keep)
        .map(|(r, _)| r.clone())
        .collect();
    verbs.retain(|(range, verb)| {
        *verb == Verb::Keep
            || !kept
                .iter()
                .any(|k| k.start <= range.start && range.end <= k.end)
    });
    verbs.sort_by_key(|(range, _)| range.start);
    verbs
}

fn nearest_verb(
    text: &str,
    verbs: &[(Range<usize>, Verb)],
    citation: &Range<usize>,
) -> Option<Verb> {
    let part_start = text[..citation.start].rfind(';').map_or(0, |at| at + 1);
    let part_end = text[citation.end..]
        .find(';')
        .map_or(text.len(), |at| citation.end + at);
    let distance = |range: &Range<usize>| {
        if range.end <= citation.start {
            citation.start - range.end
        } else {
            range.start.saturating_sub(citation.end)
        }
    };
    let in_part = verbs
        .iter()
        .filter(|(range, _)| range.start >= part_start && range.end <= part_end)
        .min_by_key(|(range, _)| distance(range));
    if let Some((_, verb)) = in_part {
        return Some(*verb);
    }
    verbs
        .iter()
        .rfind(|(range, _)| range.end <= part_start)
        .or_else(|| verbs.iter().find(|(range, _)| range.start >= part_end))
        .map(|(_, verb)| *verb)
}

/// The date an extension sets: in the citation's part of the line, outside the citation, the
/// last one after it, else the last one before it.
fn new_deadline(text: &str, dates: &[FoundDate], citation: &Range<usize>) -> Option<NaiveDate> {
    let part_start = text[..citation.start].rfind(';').map_or(0, |at| at + 1);
    let part_end = text[citation.end..]
        .find(';')
        .map_or(text.len(), |at| citation.end + at);
    let in_part = |d: &&FoundDate| d.range.start >= part_start && d.range.end <= part_end;
    dates
        .iter()
        .filter(in_part)
        .rfind(|d| d.range.start >= citation.end)
        .or_else(|| {
            dates
                .iter()
                .filter(in_part)
                .rfind(|d| d.range.end <= citation.start)
        })
        .map(|d| d.date)
}

/// Bytes between a date and the citation it belongs to (a case ending, a space, "№").
const DATE_REACH: usize = 16;

/// The date that ends right before `start`, as Kazakh citations write it (the date, a case
/// ending, then the protocol's number).
fn date_just_before(dates: &[FoundDate], start: usize) -> Option<FoundDate> {
    dates
        .iter()
        .rfind(|d| d.range.end <= start && start - d.range.end <= DATE_REACH)
        .cloned()
}

#[cfg(test)]
mod tests {
    use super::{Said, expand_range, item_list, references};
    use chrono::NaiveDate;

    /// (protocol, item, what was said) of every citation in `text`, read with the default pack.
    fn cited(text: &str) -> Vec<(i64, String, Said)> {
        let pack = crate::pack::default_pack().unwrap();
        let document = crate::parse::parse(
            "t.md".into(),
            text.into(),
            0,
            None,
            crate::parse::Format::Markdown,
        );
        references(&document, &pack, Some(2026))
            .into_iter()
            .map(|r| (r.protocol, r.item, r.said))
            .collect()
    }

    fn day(d: u32, m: u32) -> Said {
        Said::Extended(NaiveDate::from_ymd_opt(2026, m, d).unwrap())
    }

    #[test]
    fn lines_without_a_digit_are_passed_over_for_every_default_pattern() {
        // Else the scan of every line of every protocol runs each pattern again.
        let pack = crate::pack::default_pack().unwrap();
        for pattern in &pack.follow_ups.references {
            assert!(
                !pattern.may_match("снять с контроля пункт протокола"),
                "{pattern:?}"
            );
            assert!(
                pattern.may_match("снять с контроля п. 2 протокола"),
                "{pattern:?}"
            );
            // The stand-in for digits of other scripts is a digit too.
            assert!(pattern.may_match("п. \u{663} протокола"), "{pattern:?}");
        }
    }

    #[test]
    fn several_items_of_several_protocols_in_one_entry() {
        assert_eq!(
            cited(
                "1.2. Снять с контроля как исполненные: п. 2.2, 3.3 протокола № 1 от 28.01.2026; п. 2.2 протокола № 2 от 25.02.2026."
            ),
            [
                (1, "2.2".into(), Said::Closed),
                (1, "3.3".into(), Said::Closed),
                (2, "2.2".into(), Said::Closed)
            ]
        );
    }

    #[test]
    fn each_citation_takes_its_nearest_verb() {
        assert_eq!(
            cited(
                "2.1. Снять с контроля п. 1.2 протокола № 4; оставить на контроле п. 1.3 протокола № 4 (не исполнен)."
            ),
            [
                (4, "1.2".into(), Said::Closed),
                (4, "1.3".into(), Said::Open)
            ]
        );
        assert_eq!(
            cited(
                "2.2. Бақылауда қалдырылсын: № 5 хаттаманың 1.2-тармағы; № 5 хаттаманың 1.3-тармағы орындалды деп бақылаудан алынсын."
            ),
            [
                (5, "1.2".into(), Said::Open),
                (5, "1.3".into(), Said::Closed)
            ]
        );
        assert_eq!(
            cited(
                "1.3. Оставить на контроле п. 2.2, 2.3 протокола № 1 от 28.01.2026 (сроки исполнения не наступили)."
            ),
            [(1, "2.2".into(), Said::Open), (1, "2.3".into(), Said::Open)]
        );
    }

    #[test]
    fn extensions_move_the_deadline() {
        assert_eq!(
            cited("Продлить срок исполнения п. 2.1 протокола № 6 до 30.09.2026."),
            [(6, "2.1".into(), day(30, 9))]
        );
        assert_eq!(
            cited(
                "1.3. № 5 хаттаманың 3.2-тармағының орындалу мерзімі 2026 жылғы 30 қыркүйекке дейін ұзартылсын."
            ),
            [(5, "3.2".into(), day(30, 9))]
        );
    }

    #[test]
    fn whole_questions_ranges_and_other_word_orders() {
        assert_eq!(
            cited("Признать исполненным п. 3 протокола № 12 от 19.12.2025."),
            [(12, "3".into(), Said::Closed)]
        );
        assert_eq!(
            cited("Оставить на контроле пп. 2.3--2.4 протокола № 3."),
            [(3, "2.3".into(), Said::Open), (3, "2.4".into(), Said::Open)]
        );
        assert_eq!(
            cited("Протокол № 3 от 20.03.2026: пункты 2.1, 2.2 снять с контроля."),
            [
                (3, "2.1".into(), Said::Closed),
                (3, "2.2".into(), Said::Closed)
            ]
        );
        assert_eq!(
            cited("3-хаттаманың 2.1-тармағы орындалды деп бақылаудан алынсын."),
            [(3, "2.1".into(), Said::Closed)]
        );
        // An undated citation after a dated one does not take that one's date.
        let pack = crate::pack::default_pack().unwrap();
        let document = crate::parse::parse(
            "t.md".into(),
            "Снять с контроля п. 2.1 протокола № 15 от 16.12.2025; пункты 1.1 и 1.2 протокола № 1."
                .into(),
            0,
            None,
            crate::parse::Format::Markdown,
        );
        let dates: Vec<Option<NaiveDate>> = references(&document, &pack, Some(2026))
            .into_iter()
            .map(|r| r.date)
            .collect();
        assert_eq!(dates, [NaiveDate::from_ymd_opt(2025, 12, 16), None, None]);
        // A report that merely mentions execution neither closes nor cites an item.
        assert!(cited("О ходе исполнения решений протокола № 1 от 28.01.2026.").is_empty());
    }

    #[test]
    fn item_lists() {
        assert_eq!(item_list("2.2, 2.3, 3.2"), ["2.2", "2.3", "3.2"]);
        assert_eq!(item_list("2.2 и 3.1"), ["2.2", "3.1"]);
        assert_eq!(item_list("2.2, 3.2-"), ["2.2", "3.2"]);
        assert_eq!(item_list("2.1-2.3"), ["2.1", "2.2", "2.3"]);
        assert_eq!(item_list("2"), ["2"]);
        assert_eq!(item_list("1.3."), ["1.3"]);
    }

    #[test]
    fn ranges() {
        assert_eq!(expand_range("1", "3"), ["1", "2", "3"]);
        assert_eq!(expand_range("2.1", "3.1"), ["2.1", "3.1"]);
    }
}
