//! The control section of a protocol: what it says of decisions of earlier protocols. Real
//! protocols close several items of several protocols in one entry, close a whole question at
//! once, keep items not yet due on control and extend deadlines (`control_entries` in
//! `wording/protocol.yaml`). Whatever the form, every decision ends closed, open or extended
//! exactly as the district builder planned it, so the ground truth does not depend on the form.

use super::calendar::{capitalize, dmy, kk_of, kk_until, ru_words};
use super::rng::Dice;
use super::wording::{OneMany, Wording, fill};
use chrono::{Datelike, NaiveDate};
use std::collections::{BTreeMap, HashMap};

/// What a later protocol says of an earlier decision.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Verb {
    /// Carried out: taken off control.
    Close,
    /// Not yet due: kept on control.
    Keep,
    /// The deadline moves to this date.
    Extend(NaiveDate),
}

/// One earlier decision a protocol speaks of.
#[derive(Clone, Debug)]
pub struct Reference {
    /// The session whose protocol holds the decision.
    pub source: usize,
    /// Its question, numbered from 1.
    pub question: usize,
    /// Its number: "2.3".
    pub item: String,
    pub verb: Verb,
}

/// The items of one protocol that an entry cites.
#[derive(Clone, Debug)]
pub struct Cited {
    pub source: usize,
    /// As written: "2.3", or "2" for a whole question.
    pub items: Vec<String>,
    /// The protocol's date is written; it is left out only where the number alone names the
    /// protocol (no other protocol with that number in between, the same year).
    pub dated: bool,
}

/// One entry of the control section.
#[derive(Clone, Debug)]
pub struct Entry {
    pub verb: Verb,
    pub cited: Vec<Cited>,
    /// Which wording of the verb (taken modulo the number of wordings).
    pub wording: usize,
}

/// How one protocol writes its citations: a secretary keeps to one way within a protocol.
#[derive(Clone, Copy, Debug, Default)]
pub struct Style {
    /// Dates in words ("от 28 января 2026 г.", "2026 жылғы 28 қаңтардағы"), else numeric.
    pub words: bool,
    /// Which word names an item ("п.", "пункт", "пп.", …).
    pub item_word: usize,
    /// Which phrase names the protocol (the wording's list of Russian and Kazakh forms).
    pub protocol_word: usize,
    /// Russian: the protocol first, then its items ("протокол № 1 от …, пп. 2.2, 3.3").
    pub protocol_first: bool,
    /// "2.2 и 3.3" / "2.2 және 3.3" for two items, rather than a comma.
    pub and: bool,
    /// Kazakh: the number joined to the word by a hyphen (no "№").
    pub joined: bool,
}

impl Style {
    pub fn draw(dice: &mut Dice) -> Style {
        Style {
            words: dice.chance(35),
            item_word: dice.below(6),
            protocol_word: dice.below(6),
            protocol_first: dice.chance(15),
            and: dice.chance(30),
            joined: dice.chance(20),
        }
    }
}

/// What the builder knows of the district's protocols when it plans one session's entries.
pub struct Context<'a> {
    /// The number and date of every session, in order.
    pub sessions: &'a [(u32, NaiveDate)],
    /// How many decisions with a due date each (session, question) has.
    pub dated: &'a HashMap<(usize, usize), usize>,
}

impl Context<'_> {
    /// Whether session `at` may cite `source` by number alone: same year, and no protocol with
    /// the same number in between (the reader takes the latest one with that number).
    fn number_suffices(&self, source: usize, at: usize) -> bool {
        let (number, date) = self.sessions[source];
        date.year() == self.sessions[at].1.year()
            && !self.sessions[source + 1..at]
                .iter()
                .any(|(n, _)| *n == number)
    }
}

/// "2.10" after "2.9".
fn item_order(item: &str) -> Vec<u32> {
    item.split('.').filter_map(|p| p.parse().ok()).collect()
}

/// Plans the control entries of session `at`: `refs` are the decisions it closes and extends,
/// `keep` the decisions not yet due that it keeps on control.
pub fn plan(
    dice: &mut Dice,
    at: usize,
    refs: &[Reference],
    keep: &[Reference],
    ctx: &Context<'_>,
) -> Vec<Entry> {
    let omit_dates = dice.chance(25);
    let whole_questions = dice.chance(45);
    let close_mode = dice.weighted(&[30, 35, 35]);
    let close_wording = dice.below(60);
    let keep_wording = dice.below(60);
    // Within an entry the dates are all written or all left out: a Russian citation without
    // a date right after a dated one would take that date (the reader looks just before a
    // citation for the date Kazakh writes first).
    let entry = |verb: Verb, cited: Vec<(usize, Vec<String>)>, wording: usize| {
        let dated = !(omit_dates
            && cited
                .iter()
                .all(|(source, _)| ctx.number_suffices(*source, at)));
        Entry {
            verb,
            cited: cited
                .into_iter()
                .map(|(source, items)| Cited {
                    source,
                    items,
                    dated,
                })
                .collect(),
            wording,
        }
    };

    let mut closes: Vec<&Reference> = refs.iter().filter(|r| r.verb == Verb::Close).collect();
    closes.sort_by_key(|r| (r.source, item_order(&r.item)));
    // Items by protocol; a question all of whose dated decisions close here may be cited whole.
    let mut by_question: BTreeMap<(usize, usize), Vec<String>> = BTreeMap::new();
    for r in &closes {
        by_question
            .entry((r.source, r.question))
            .or_default()
            .push(r.item.clone());
    }
    let mut by_source: BTreeMap<usize, Vec<String>> = BTreeMap::new();
    for ((source, question), items) in by_question {
        let all = ctx.dated.get(&(source, question)).copied() == Some(items.len());
        let listed = by_source.entry(source).or_default();
        if whole_questions && all && dice.chance(60) {
            listed.push(question.to_string());
        } else {
            listed.extend(items);
        }
    }
    let mut entries = Vec::new();
    match close_mode {
        0 => {
            for (source, items) in &by_source {
                for item in items {
                    entries.push(entry(
                        Verb::Close,
                        vec![(*source, vec![item.clone()])],
                        close_wording,
                    ));
                }
            }
        }
        1 => {
            for (source, items) in &by_source {
                entries.push(entry(
                    Verb::Close,
                    vec![(*source, items.clone())],
                    close_wording,
                ));
            }
        }
        _ if !by_source.is_empty() => entries.push(entry(
            Verb::Close,
            by_source.clone().into_iter().collect(),
            close_wording,
        )),
        _ => {}
    }

    for r in refs {
        if let Verb::Extend(_) = r.verb {
            let wording = dice.below(60);
            entries.push(entry(
                r.verb,
                vec![(r.source, vec![r.item.clone()])],
                wording,
            ));
        }
    }

    let mut kept: BTreeMap<usize, Vec<String>> = BTreeMap::new();
    let mut sorted: Vec<&Reference> = keep.iter().collect();
    sorted.sort_by_key(|r| (r.source, item_order(&r.item)));
    for r in sorted {
        kept.entry(r.source).or_default().push(r.item.clone());
    }
    if !kept.is_empty() {
        if dice.chance(50) {
            entries.push(entry(Verb::Keep, kept.into_iter().collect(), keep_wording));
        } else {
            for (source, items) in kept {
                entries.push(entry(Verb::Keep, vec![(source, items)], keep_wording));
            }
        }
    }
    entries
}

/// The text of an entry. `protocol` gives the number and date of a session's protocol.
pub fn text(
    w: &Wording,
    entry: &Entry,
    kk: bool,
    style: &Style,
    protocol: impl Fn(usize) -> (u32, NaiveDate),
) -> String {
    let c = &w.protocols.control_entries;
    let templates: &[OneMany] = match entry.verb {
        Verb::Close => c.close.get(kk),
        Verb::Keep => c.keep.get(kk),
        Verb::Extend(_) => c.extend.get(kk),
    };
    let template = &templates[entry.wording % templates.len()];
    let count: usize = entry.cited.iter().map(|c| c.items.len()).sum();
    let template = if count == 1 {
        &template.one
    } else {
        &template.many
    };
    let extension = matches!(entry.verb, Verb::Extend(_));
    let cites: Vec<String> = entry
        .cited
        .iter()
        .map(|cited| {
            let (number, date) = protocol(cited.source);
            if kk {
                cite_kk(w, style, cited, number, date, extension)
            } else {
                cite_ru(w, style, cited, number, date, extension)
            }
        })
        .collect();
    let until = match entry.verb {
        Verb::Extend(due) if kk && style.words => kk_until(due),
        Verb::Extend(due) if kk => format!("{} дейін", dmy(due)),
        Verb::Extend(due) => dmy(due),
        _ => String::new(),
    };
    // A date in words ends in "г.", which the sentence's own period does not repeat.
    capitalize(&fill(
        template,
        &[("cites", &cites.join("; ")), ("until", &until)],
    ))
    .replace("г..", "г.")
}

fn items_text(w: &Wording, style: &Style, items: &[String], kk: bool) -> String {
    if items.len() == 2 && style.and {
        format!(
            "{}{}{}",
            items[0],
            w.protocols.control_entries.and.get(kk),
            items[1]
        )
    } else {
        items.join(", ")
    }
}

/// "п. 2.2, 3.3 протокола № 1 от 28.01.2026". An extension is cited in the short form.
fn cite_ru(
    w: &Wording,
    style: &Style,
    cited: &Cited,
    number: u32,
    date: NaiveDate,
    short: bool,
) -> String {
    let c = &w.protocols.control_entries;
    let items = items_text(w, style, &cited.items, false);
    let date = match (cited.dated, style.words && !short) {
        (false, _) => String::new(),
        (true, true) => format!(" от {} г.", ru_words(date)),
        (true, false) => format!(" от {}", dmy(date)),
    };
    if short {
        return format!("п. {items} протокола № {number}{date}");
    }
    let words = if cited.items.len() == 1 {
        &c.item_ru.one
    } else {
        &c.item_ru.many
    };
    let item_word = &words[style.item_word % words.len()];
    if style.protocol_first {
        let forms = &c.protocol_first_ru;
        return fill(
            &forms[style.protocol_word % forms.len()],
            &[
                ("number", &number.to_string()),
                ("date", &date),
                ("item", item_word),
                ("items", &items),
            ],
        );
    }
    let protocol_word = &c.protocol_ru[style.protocol_word % c.protocol_ru.len()];
    format!("{item_word} {items} {protocol_word} № {number}{date}")
}

/// A Kazakh citation: the date first, then the protocol's number and the items with a case
/// ending; the genitive ("3.2-тармағының") before an extension's "орындалу мерзімі".
fn cite_kk(
    w: &Wording,
    style: &Style,
    cited: &Cited,
    number: u32,
    date: NaiveDate,
    genitive: bool,
) -> String {
    let c = &w.protocols.control_entries;
    let date = match (cited.dated, style.words) {
        (false, _) => String::new(),
        (true, true) => format!("{} ", kk_of(date)),
        (true, false) => format!("{} жылғы ", dmy(date)),
    };
    let protocol = if style.joined {
        fill(&c.protocol_kk_joined, &[("number", &number.to_string())])
    } else {
        let word = &c.protocol_kk[style.protocol_word % c.protocol_kk.len()];
        format!("№ {number} {word}")
    };
    let suffix = if genitive {
        &c.item_kk.of
    } else if cited.items.len() == 1 {
        &c.item_kk.one
    } else {
        &c.item_kk.many
    };
    let items = items_text(w, style, &cited.items, true);
    format!("{date}{protocol} {items}-{suffix}")
}

#[cfg(test)]
mod tests {
    use super::super::calendar::ymd;
    use super::*;

    fn entry(verb: Verb, cited: Vec<(usize, &[&str], bool)>, wording: usize) -> Entry {
        Entry {
            verb,
            cited: cited
                .into_iter()
                .map(|(source, items, dated)| Cited {
                    source,
                    items: items.iter().map(|s| s.to_string()).collect(),
                    dated,
                })
                .collect(),
            wording,
        }
    }

    fn protocol(i: usize) -> (u32, NaiveDate) {
        [(1, ymd(2026, 1, 28)), (2, ymd(2026, 2, 25))][i]
    }

    #[test]
    fn entries_read_as_secretaries_write_them() {
        let w = super::super::wording::get().expect("built-in wording");
        let plain = Style::default();
        let closes = entry(
            Verb::Close,
            vec![(0, &["2.2", "3.3"], true), (1, &["2.2"], true)],
            1,
        );
        assert_eq!(
            text(w, &closes, false, &plain, protocol),
            "Снять с контроля как исполненные: п. 2.2, 3.3 протокола № 1 от 28.01.2026; \
             п. 2.2 протокола № 2 от 25.02.2026."
        );
        let words = Style {
            words: true,
            ..Style::default()
        };
        let closes = entry(
            Verb::Close,
            vec![(0, &["2.2", "3.3"], true), (1, &["2.2"], true)],
            0,
        );
        assert_eq!(
            text(w, &closes, true, &words, protocol),
            "2026 жылғы 28 қаңтардағы № 1 хаттаманың 2.2, 3.3-тармақтары; 2026 жылғы \
             25 ақпандағы № 2 хаттаманың 2.2-тармағы орындалды деп бақылаудан алынсын."
        );
        let whole = entry(Verb::Close, vec![(1, &["2"], false)], 0);
        assert_eq!(
            text(w, &whole, true, &plain, protocol),
            "№ 2 хаттаманың 2-тармағы орындалды деп бақылаудан алынсын."
        );
        let extension = entry(Verb::Extend(ymd(2026, 9, 30)), vec![(1, &["3.2"], true)], 0);
        assert_eq!(
            text(w, &extension, false, &words, protocol),
            "Продлить срок исполнения п. 3.2 протокола № 2 от 25.02.2026 до 30.09.2026."
        );
        assert_eq!(
            text(w, &extension, true, &words, protocol),
            "2026 жылғы 25 ақпандағы № 2 хаттаманың 3.2-тармағының орындалу мерзімі \
             2026 жылғы 30 қыркүйекке дейін ұзартылсын."
        );
        let keep = entry(Verb::Keep, vec![(0, &["2.3"], true)], 0);
        assert_eq!(
            text(w, &keep, false, &plain, protocol),
            "Оставить на контроле п. 2.3 протокола № 1 от 28.01.2026."
        );
    }
}
