//! The commission a document names, in its front matter or its header: "КДН при акимате
//! Мартукского района", "Ырғыз ауданы әкімдігі жанындағы КІІҚҚЖК". The audit groups documents
//! by folder; these names give a commission its human name and show a document that was filed
//! with the wrong commission. The patterns and the spelling folds are the pack's
//! (`commissions:`); this module only applies them.

use crate::finding::Position;
use crate::lang::Lang;
use crate::pack::{CommissionNames, Pack};
use crate::parse::Document;
use crate::parse::normalize::fold;
use std::collections::{BTreeMap, HashMap};

/// A commission as one document names it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Named {
    /// The name as the report writes it ("КДН при акимате Мартукского района").
    pub name: String,
    /// The place reduced to what both languages write alike ("мартук"); empty when the name
    /// could not be read as a place (a front-matter value no pattern knows).
    pub stem: String,
    pub lang: Option<Lang>,
    pub at: Position,
}

impl Named {
    /// Whether the two names can be compared at all: both have a place, and either language
    /// is unknown or they are written in the same one (two languages may spell a place so
    /// differently that only a transliteration table would match them).
    pub fn comparable(&self, other: &Named) -> bool {
        !self.stem.is_empty()
            && !other.stem.is_empty()
            && (self.lang.is_none() || other.lang.is_none() || self.lang == other.lang)
    }

    /// Whether the two names are of one place: their stems agree, whatever their language.
    pub fn agrees(&self, other: &Named) -> bool {
        stems_agree(&self.stem, &other.stem)
    }
}

/// The commission `document` names: its front matter first, else its header.
pub fn read(document: &Document, pack: &Pack) -> Option<Named> {
    let names = &pack.commissions;
    let from_front = document.front_matter.as_ref().and_then(|front| {
        names.front_matter.iter().find_map(|key| {
            front
                .get(key.as_str())
                .and_then(|v| v.as_str())
                .map(str::trim)
                .filter(|s| !s.is_empty())
        })
    });
    if let Some(value) = from_front {
        let at = front_matter_position(document, value);
        return Some(in_text(names, value).map_or_else(
            || Named {
                name: value.to_string(),
                stem: String::new(),
                lang: None,
                at,
            },
            |named| Named { at, ..named },
        ));
    }
    let lines = names.first_lines.min(document.lines.len());
    let (text, base) = document.text_of(0..lines);
    // The name that starts highest: one pass over the header finds where it starts, and the
    // pattern that matches there gives the place.
    let start = names.any_name.as_ref()?.find(text)?.start();
    let (pattern, found) = names.names.iter().find_map(|pattern| {
        pattern
            .regex
            .captures_at(text, start)
            .filter(|c| c.get(0).is_some_and(|m| m.start() == start))
            .map(|c| (pattern, c))
    })?;
    let place = found.name("place")?;
    let range = document.source_range(base + place.start()..base + place.end());
    let written = document.display(range);
    let start = found.get(0).map_or(place.start(), |m| m.start());
    let at = document.index.position(
        &document.source,
        document.source_range(base + start..base + start).start,
    );
    named(names, pattern, &written, at)
}

/// A front-matter value read with the header patterns, so "КДН при акимате Мартукского
/// района" written there gives the same name and place as the header does.
fn in_text(names: &CommissionNames, value: &str) -> Option<Named> {
    let folded = fold(value, 0);
    names.names.iter().find_map(|pattern| {
        let captures = pattern.regex.captures(&folded.text)?;
        let place = captures.name("place")?;
        let range = folded.source_range(place.start()..place.end());
        named(names, pattern, &value[range], Position::START)
    })
}

fn named(
    names: &CommissionNames,
    pattern: &crate::pack::CommissionName,
    written: &str,
    at: Position,
) -> Option<Named> {
    let place = as_written(written);
    let stem = stem(names, &place);
    if stem.is_empty() {
        return None;
    }
    Some(Named {
        name: pattern.name.replace("{place}", &place),
        stem,
        lang: pattern.lang,
        at,
    })
}

/// The place as a name is written: a header in capitals ("ЫРҒЫЗ АУДАНЫ") gives "Ырғыз";
/// anything else stays as the document wrote it.
fn as_written(place: &str) -> String {
    let place = place.split_whitespace().collect::<Vec<_>>().join(" ");
    if place.chars().any(char::is_lowercase) {
        return place;
    }
    let mut out = String::with_capacity(place.len());
    for (i, ch) in place.chars().enumerate() {
        if i == 0 {
            out.push(ch);
        } else {
            out.extend(ch.to_lowercase());
        }
    }
    out
}

/// Lower case, the pack's letter folds, letters only, and an adjective's ending taken off
/// when enough is left to name a place: "Мартукского" and "Мартук" both give "мартук",
/// "Алға" gives "алга".
pub fn stem(names: &CommissionNames, place: &str) -> String {
    let mut out = String::with_capacity(place.len());
    for ch in place.chars().flat_map(char::to_lowercase) {
        if !crate::parse::is_letter(ch) {
            continue;
        }
        match names.letters.iter().find(|(from, _)| *from == ch) {
            Some((_, to)) => out.push_str(to),
            None => out.push(ch),
        }
    }
    for ending in &names.endings {
        if let Some(rest) = out.strip_suffix(ending.as_str())
            && rest.chars().count() >= MIN_STEM
        {
            return rest.to_string();
        }
    }
    out
}

/// The fewest letters a stem keeps, and the fewest two stems must share to agree.
const MIN_STEM: usize = 3;
/// Two stems longer than this must share this many letters: "сарыагаш" and "сарысу" share
/// four and are two places.
const MAX_SHARED: usize = 5;

/// Two stems are of one place when one begins the other, or they share a beginning of all
/// but the shorter one's last letter (at least three, at most five letters): "алга" and
/// "алгин" (Алга, Алгинский), "каргали" and "каргалин".
pub fn stems_agree(a: &str, b: &str) -> bool {
    if a.is_empty() || b.is_empty() {
        return false;
    }
    let shared = a.chars().zip(b.chars()).take_while(|(x, y)| x == y).count();
    let shorter = a.chars().count().min(b.chars().count());
    if shared == shorter {
        return true;
    }
    shared >= MIN_STEM && shared >= (shorter - 1).min(MAX_SHARED)
}

/// The names the documents of one commission give it, clustered by place.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Consensus {
    /// The name most documents of the largest cluster use.
    pub name: String,
    /// That name's place, as compared ([`stem`]).
    pub place: String,
    /// Indexes of the documents in the largest cluster; every named one when two clusters
    /// are equally large.
    pub members: Vec<usize>,
    /// Two clusters are equally large: no name stands out as the commission's.
    pub tied: bool,
}

/// What the documents (`None`: a document that names no commission) say their commission
/// is; `None` when none names one.
pub fn consensus(names: &[Option<&Named>]) -> Option<Consensus> {
    let mut groups = clusters(names);
    groups.sort_by_key(|g| std::cmp::Reverse(g.len()));
    let largest = groups.first()?;
    let tied = groups.get(1).is_some_and(|g| g.len() == largest.len());
    let members: Vec<usize> = if tied {
        let mut all: Vec<usize> = groups.concat();
        all.sort_unstable();
        all
    } else {
        largest.clone()
    };
    let chosen: Vec<Option<&Named>> = members.iter().map(|&m| names[m]).collect();
    let name = most_common(&chosen)?;
    let place = chosen
        .iter()
        .flatten()
        .find(|n| n.name == name)
        .map(|n| n.stem.clone())
        .unwrap_or_default();
    Some(Consensus {
        name,
        place,
        members,
        tied,
    })
}

/// The named documents grouped by place: names whose stems agree, directly or through
/// another name, are one group; a name without a place groups only with the same name.
/// Documents that write the name alike always group together, so only the distinct names are
/// compared with each other: a commission's thousands of documents write its name a few ways.
pub fn clusters(names: &[Option<&Named>]) -> Vec<Vec<usize>> {
    let mut spellings: Vec<&Named> = Vec::new();
    let mut spelling_ids: HashMap<(&str, &str), usize> = HashMap::new();
    let mut spelled: Vec<(usize, usize)> = Vec::new();
    for (document, named) in names.iter().enumerate() {
        let Some(named) = *named else {
            continue;
        };
        let id = *spelling_ids
            .entry((named.stem.as_str(), named.name.as_str()))
            .or_insert_with(|| {
                spellings.push(named);
                spellings.len() - 1
            });
        spelled.push((document, id));
    }
    // Spellings are numbered in the order documents first use them, and a group's root is
    // its lowest number: groups come out in the order of their first document.
    let mut parent: Vec<usize> = (0..spellings.len()).collect();
    fn root(parent: &mut [usize], mut node: usize) -> usize {
        while parent[node] != node {
            parent[node] = parent[parent[node]];
            node = parent[node];
        }
        node
    }
    for (k, x) in spellings.iter().enumerate() {
        for (offset, y) in spellings[k + 1..].iter().enumerate() {
            if same_place(x, y) {
                let (ra, rb) = (root(&mut parent, k), root(&mut parent, k + 1 + offset));
                parent[ra.max(rb)] = ra.min(rb);
            }
        }
    }
    let mut groups: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for (document, id) in spelled {
        groups
            .entry(root(&mut parent, id))
            .or_default()
            .push(document);
    }
    groups.into_values().collect()
}

/// Whether two names are of one commission's place, as [`clusters`] groups them.
fn same_place(x: &Named, y: &Named) -> bool {
    if x.stem.is_empty() || y.stem.is_empty() {
        x.stem.is_empty() && y.stem.is_empty() && x.name == y.name
    } else {
        x.agrees(y)
    }
}

/// The name written most often; of equally frequent ones, the first in sort order, so the
/// result does not depend on the order documents were read in.
pub fn most_common(names: &[Option<&Named>]) -> Option<String> {
    let mut counts: BTreeMap<&str, usize> = Default::default();
    for named in names.iter().flatten() {
        *counts.entry(named.name.as_str()).or_default() += 1;
    }
    let top = counts.values().copied().max()?;
    counts
        .into_iter()
        .find(|(_, n)| *n == top)
        .map(|(name, _)| name.to_string())
}

/// Where a front-matter value stands in the source, for the finding; the first line if it
/// cannot be found.
fn front_matter_position(document: &Document, value: &str) -> Position {
    document.source[..document.body_start.min(document.source.len())]
        .find(value)
        .map_or(Position::START, |offset| {
            document.index.position(&document.source, offset)
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stems_of_one_place_agree_across_spellings() {
        assert!(stems_agree("мартук", "мартук"));
        assert!(stems_agree("алга", "алгин"));
        assert!(stems_agree("каргали", "каргалин"));
        assert!(!stems_agree("мартук", "хобда"));
        assert!(!stems_agree("сарыагаш", "сарысу"));
        assert!(!stems_agree("алга", "иргиз"));
        assert!(!stems_agree("", "иргиз"));
    }

    fn named(name: &str, stem: &str, lang: Option<Lang>) -> Named {
        Named {
            name: name.into(),
            stem: stem.into(),
            lang,
            at: Position::START,
        }
    }

    #[test]
    fn the_largest_group_of_agreeing_names_is_the_commission() {
        let ru = named("КДН при акимате Алгинского района", "алга", Some(Lang::Ru));
        let kk = named(
            "Алға ауданы әкімдігі жанындағы КІІҚҚЖК",
            "алга",
            Some(Lang::Kk),
        );
        let other = named(
            "КДН при акимате Мартукского района",
            "мартук",
            Some(Lang::Ru),
        );
        let names = [Some(&ru), Some(&kk), None, Some(&ru), Some(&other)];
        let consensus = consensus(&names).unwrap();
        assert_eq!(consensus.name, "КДН при акимате Алгинского района");
        assert_eq!(consensus.members, vec![0, 1, 3]);
        assert!(!consensus.tied);
        let tie = super::consensus(&[Some(&ru), Some(&other)]).unwrap();
        assert!(tie.tied);
        assert_eq!(super::consensus(&[None, None]), None);
    }

    /// Every pair of named documents compared, as [`clusters`] did before it compared only
    /// distinct names.
    fn clusters_by_pairs(names: &[Option<&Named>]) -> Vec<Vec<usize>> {
        let named: Vec<usize> = (0..names.len()).filter(|&i| names[i].is_some()).collect();
        let mut parent: Vec<usize> = (0..names.len()).collect();
        fn root(parent: &mut [usize], mut node: usize) -> usize {
            while parent[node] != node {
                node = parent[node];
            }
            node
        }
        for (k, &a) in named.iter().enumerate() {
            for &b in &named[k + 1..] {
                if same_place(names[a].unwrap(), names[b].unwrap()) {
                    let (ra, rb) = (root(&mut parent, a), root(&mut parent, b));
                    parent[ra.max(rb)] = ra.min(rb);
                }
            }
        }
        let mut groups: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
        for &i in &named {
            groups.entry(root(&mut parent, i)).or_default().push(i);
        }
        groups.into_values().collect()
    }

    #[test]
    fn grouping_distinct_names_groups_as_every_pair_did() {
        let spellings = [
            named("КДН при акимате Алгинского района", "алгин", Some(Lang::Ru)),
            named(
                "Алға ауданы әкімдігі жанындағы КІІҚҚЖК",
                "алга",
                Some(Lang::Kk),
            ),
            named(
                "КДН при акимате Мартукского района",
                "мартук",
                Some(Lang::Ru),
            ),
            named("КДН г. Алга", "алга", None),
            named("Комиссия Хобды", "", None),
            named("Комиссия Хобды", "", Some(Lang::Ru)),
            named("Комиссия Иргиза", "", None),
            named(
                "КДН при акимате Хобдинского района",
                "хобда",
                Some(Lang::Ru),
            ),
        ];
        // Spellings in an order where a later name joins two groups begun earlier.
        let order = [2, 4, 0, 2, 6, 7, 4, 5, 2, 1, 3, 0, 6, 7];
        let mut names: Vec<Option<&Named>> = Vec::new();
        for (i, &s) in order.iter().cycle().take(60).enumerate() {
            names.push(Some(&spellings[s]));
            if i % 7 == 3 {
                names.push(None);
            }
        }
        assert_eq!(clusters(&names), clusters_by_pairs(&names));
        assert_eq!(clusters(&names).len(), 5);
    }

    #[test]
    fn a_header_in_capitals_gives_a_name_in_letters() {
        assert_eq!(as_written("ЫРҒЫЗ"), "Ырғыз");
        assert_eq!(as_written("ӘЙТЕКЕ  БИ"), "Әйтеке би");
        assert_eq!(as_written("Мартукского"), "Мартукского");
    }
}
