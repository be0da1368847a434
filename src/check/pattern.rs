//! `pattern`: text that must appear in each part of a scope, or must never appear.

use super::scope::{Unit, any_line_matches, units};
use super::{DocumentKind, Hit, Input};
use crate::pack::Matcher;
use crate::pack::{Kind, LazyRegex, Rule, RuleContext, Scope, ScopeDef};
use crate::parse::Line;
use memchr::memmem::Finder;
use serde::Deserialize;
use std::collections::BTreeMap;
use std::ops::Range;
use std::sync::{Arc, Mutex};

/// The units of a scope gathered by a `group` pattern, made once for a document: the rules
/// about a minor's case gather its decisions by the child's initials alike, and searching
/// every decision for them was a fiftieth of an audit.
#[derive(Default)]
pub struct GroupedUnits(Mutex<Vec<(GroupedBy, Groups)>>);

/// The pattern (by [`LazyRegex::id`]) and the scope whose units it gathered.
type GroupedBy = (usize, Scope);

/// Units gathered: each group's members, in the order of the groups' first members.
type Groups = Arc<Vec<Vec<Unit>>>;

impl GroupedUnits {
    fn get_or_make(&self, by: GroupedBy, make: impl FnOnce() -> Vec<Vec<Unit>>) -> Groups {
        let made = self
            .0
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        if let Some((_, groups)) = made.iter().find(|(key, _)| *key == by) {
            return Arc::clone(groups);
        }
        drop(made);
        let groups = Arc::new(make());
        let mut made = self
            .0
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        made.push((by, Arc::clone(&groups)));
        groups
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Def {
    #[serde(flatten)]
    scope: ScopeDef,
    /// Only parts where one of these patterns matches are looked at.
    #[serde(default)]
    when: Vec<String>,
    /// Items whose text gives the same `key` capture (or `key2`, `key3`…) form one unit (the
    /// decisions about one minor, named by initials).
    #[serde(default)]
    group: Option<String>,
    #[serde(default)]
    require: Vec<String>,
    #[serde(default)]
    forbid: Vec<String>,
    /// What `forbid` is matched against: `folded` (the default: lower case, spelling folded)
    /// or `source` (the text as written, for names told apart by their capitals).
    #[serde(default)]
    text: Option<String>,
}

#[derive(Debug)]
pub struct Pattern {
    scope: Scope,
    group: Option<LazyRegex>,
    when: Option<LazyRegex>,
    require: Option<LazyRegex>,
    forbid: Option<Forbid>,
}

/// What a `pattern` rule forbids, and which text it is matched against.
#[derive(Debug)]
enum Forbid {
    /// The folded text (lower case, spelling folded), like every other pattern.
    Folded(LazyRegex),
    /// The text as written, seen as the masks see it (`privacy::detection_view`).
    Source(LazyRegex),
}

impl Kind for Pattern {
    const NAME: &'static str = "pattern";
    type Def = Def;

    fn compile(def: Def, context: &RuleContext<'_>) -> Result<Self, String> {
        if def.require.is_empty() == def.forbid.is_empty() {
            return Err("a pattern rule takes either `require` or `forbid`".into());
        }
        let scope = context.scope(&def.scope)?;
        let group = match &def.group {
            Some(pattern) => {
                if !matches!(scope, Scope::Item(_)) {
                    return Err("`group` gathers items: it needs `scope: item`".into());
                }
                let regex = context.regex(std::slice::from_ref(pattern))?;
                if regex
                    .as_ref()
                    .is_some_and(|r| !r.capture_names().flatten().any(|n| n.starts_with("key")))
                {
                    return Err("`group` needs a named group `(?P<key>…)`".into());
                }
                regex
            }
            None => None,
        };
        let forbid = match def.text.as_deref() {
            None | Some("folded") => context.regex(&def.forbid)?.map(Forbid::Folded),
            Some("source") if def.forbid.is_empty() => {
                return Err("`text: source` applies to `forbid` only".into());
            }
            Some("source") => context.source_regex(&def.forbid)?.map(Forbid::Source),
            Some(other) => {
                return Err(format!("`text: {other}`: expected `folded` or `source`"));
            }
        };
        Ok(Pattern {
            scope,
            group,
            when: context.regex(&def.when)?,
            require: context.regex(&def.require)?,
            forbid,
        })
    }
}

impl DocumentKind for Pattern {
    fn run(&self, input: &Input<'_>, _: &Rule) -> Result<Vec<Hit>, String> {
        Ok(find(
            input,
            self.scope,
            self.group.as_ref(),
            self.when.as_ref(),
            self.require.as_deref(),
            self.forbid.as_ref(),
        ))
    }

    fn nothing_to_judge(&self, input: &Input<'_>) -> Option<String> {
        if let Some(group) = &self.group
            && !input
                .document
                .lines
                .iter()
                .any(|line| group.is_match(line.text()))
        {
            return Some("the document names no one the rule's `group` gathers".to_string());
        }
        super::scope::absent(input, self.scope)
    }
}

fn find(
    input: &Input<'_>,
    scope: Scope,
    group: Option<&LazyRegex>,
    when: Option<&LazyRegex>,
    require: Option<&Matcher>,
    forbid: Option<&Forbid>,
) -> Vec<Hit> {
    let mut hits = Vec::new();
    // A unit's text is part of the document's: a document without what every match of `when`
    // needs has no unit that matches it, and nothing to group or judge.
    if let Some(when) = when
        && !when.may_occur_in(&input.document.text)
    {
        return hits;
    }
    let groups = match group {
        Some(group) => input.grouped_units.get_or_make((group.id(), scope), || {
            grouped(input, &units(input, scope), group)
        }),
        None => Arc::new(
            units(input, scope)
                .into_iter()
                .map(|unit| vec![unit])
                .collect(),
        ),
    };
    for members in groups.iter() {
        let Some(first) = members.first() else {
            continue;
        };
        if let Some(when) = when
            && !members
                .iter()
                .any(|unit| any_line_matches(input, &unit.context, when))
        {
            continue;
        }
        if let Some(require) = require
            && !members
                .iter()
                .any(|unit| any_line_matches(input, &unit.lines, require))
        {
            let hit = Hit::at(first.anchor.clone());
            hits.push(match &first.number {
                Some(number) => hit.with("number", number.clone()),
                None => hit,
            });
        }
        if let Some(forbid) = forbid {
            for unit in members {
                // Folded text is searched line by line only where a line may hold a match.
                let lines = match forbid {
                    Forbid::Folded(regex) => {
                        regex.lines_to_search(input.document, unit.lines.clone())
                    }
                    Forbid::Source(_) => unit.lines.clone().collect(),
                };
                for line in lines.into_iter().map(|index| &input.document.lines[index]) {
                    for span in forbidden(input, line, forbid) {
                        let shown = input
                            .pack
                            .masker
                            .mask(&input.document.display(span.clone()));
                        hits.push(Hit::at(span).with("match", shown));
                    }
                }
            }
        }
    }
    hits
}

/// The source spans of a line where a forbidden pattern matches.
fn forbidden(input: &Input<'_>, line: &Line, forbid: &Forbid) -> Vec<Range<usize>> {
    match forbid {
        Forbid::Folded(regex) => regex
            .find_iter(line.text())
            .map(|found| line.folded.source_range(found.range()))
            .collect(),
        Forbid::Source(regex) => {
            let Some(source) = input.document.source.get(line.span.clone()) else {
                return Vec::new();
            };
            // Most lines hold no digit, which a pattern for a date of birth needs.
            if !regex.may_match(source) {
                return Vec::new();
            }
            let view = crate::privacy::detection_view(source);
            let start = line.span.start;
            crate::privacy::find_trimmed(&view, |text, from| {
                regex.find_at(text, from).map(|m| m.range())
            })
            .into_iter()
            .map(|found| start + found.start..start + found.end)
            .collect()
        }
    }
}

/// Gathers units by the `key` their text captures; units that capture nothing drop out.
fn grouped(input: &Input<'_>, units: &[Unit], group: &LazyRegex) -> Vec<Vec<Unit>> {
    let mut by_key: BTreeMap<String, (usize, Vec<Unit>)> = BTreeMap::new();
    for (order, unit) in units.iter().enumerate() {
        let mut keys: Vec<String> = Vec::new();
        // Most units name no one: one search of their joined text tells that.
        let (joined, _) = input.document.text_of(unit.lines.clone());
        if !group.may_match_a_line_of(joined) {
            continue;
        }
        for line in &input.document.lines[unit.lines.clone()] {
            for captures in group.captures_iter(line.text()) {
                let named_key = group
                    .capture_names()
                    .flatten()
                    .filter(|name| name.starts_with("key"))
                    .find_map(|name| captures.name(name));
                if let Some(key) = named_key {
                    let key: String = key
                        .as_str()
                        .chars()
                        .filter(|c| !c.is_whitespace())
                        .collect();
                    if !keys.contains(&key) {
                        keys.push(key);
                    }
                }
            }
        }
        for key in keys {
            by_key
                .entry(key)
                .or_insert_with(|| (order, Vec::new()))
                .1
                .push(unit.clone());
        }
    }
    // A later mention of the same child without the year ("Б.С.-ға") joins the group too. A key
    // holds no whitespace, so it is in one of a unit's lines when it is in their joined text.
    let finders: Vec<Finder<'static>> = by_key
        .keys()
        .map(|key| Finder::new(key).into_owned())
        .collect();
    for (order, unit) in units.iter().enumerate() {
        let (text, _) = input.document.text_of(unit.lines.clone());
        for ((first, members), finder) in by_key.values_mut().zip(&finders) {
            let mentions = finder.find(text.as_bytes()).is_some();
            let already = members.iter().any(|member| member.lines == unit.lines);
            if mentions && !already {
                members.push(unit.clone());
                *first = (*first).min(order);
            }
        }
    }
    let mut groups: Vec<(usize, Vec<Unit>)> = by_key.into_values().collect();
    groups.sort_by_key(|(order, _)| *order);
    groups.into_iter().map(|(_, members)| members).collect()
}
