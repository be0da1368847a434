//! Running the compiled forms over a text: the next match of each form, accepted only at a
//! word edge and outside numbers, and the values read from its captures.

use super::grammar::{Form, Forms, normalise};
use crate::matcher::{Captures, Match, Matcher};
use chrono::{Months, NaiveDate};
use std::cmp::Reverse;
use std::ops::Range;

/// One accepted match of a form: its captures and the range of the date or period proper.
pub(super) struct Hit<'t, 'f, K> {
    form: &'f Form<K>,
    caps: Captures<'t>,
    pub(super) range: Range<usize>,
}

impl<'t, K: Copy> Hit<'t, '_, K> {
    pub(super) fn kind(&self) -> K {
        self.form.kind
    }

    pub(super) fn get(&self, name: &str) -> Option<Match<'t>> {
        self.form
            .groups
            .get(name)?
            .iter()
            .find_map(|&i| self.caps.get(i))
    }
}

pub(super) fn number<K: Copy>(hit: &Hit<'_, '_, K>, name: &str) -> Option<u32> {
    hit.get(name)?.as_str().parse().ok()
}

pub(super) fn year_in<K: Copy>(hit: &Hit<'_, '_, K>, names: &[&str]) -> Option<i32> {
    names
        .iter()
        .find_map(|n| hit.get(n))
        .and_then(|m| m.as_str().parse().ok())
}

/// Arabic or Roman (Latin or Cyrillic `І`) quarter and half-year numbers.
pub(super) fn small_ordinal(s: &str) -> Option<u32> {
    match normalise(s).as_str() {
        "1" | "і" => Some(1),
        "2" | "іі" => Some(2),
        "3" | "ііі" => Some(3),
        "4" | "іv" => Some(4),
        _ => None,
    }
}

pub(super) fn month_start(year: i32, month: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(year, month, 1)
}

pub(super) fn month_end(year: i32, month: u32) -> Option<NaiveDate> {
    month_start(year, month)?
        .checked_add_months(Months::new(1))?
        .pred_opt()
}

pub(super) fn char_len_at(text: &str, at: usize) -> usize {
    text.get(at..)
        .and_then(|rest| rest.chars().next())
        .map_or(1, char::len_utf8)
}

/// Whether a numeric date is only a piece of a longer number chain such as `1.12.03.2026` or
/// `12.03.2026.5`, which are clause numbers or versions rather than dates.
pub(super) fn glued_to_numbers(text: &str, range: &Range<usize>) -> bool {
    let before = text.get(..range.start).unwrap_or("");
    let mut back = before.chars().rev();
    let glued_before = match back.next() {
        Some(c) if c.is_ascii_digit() => true,
        Some('.' | '/' | ':') => back.next().is_some_and(|c| c.is_ascii_digit()),
        _ => false,
    };
    let after = text.get(range.end..).unwrap_or("");
    let mut ahead = after.chars();
    let glued_after = matches!(ahead.next(), Some('.' | '/' | ':'))
        && ahead.next().is_some_and(|c| c.is_ascii_digit());
    glued_before || glued_after
}

/// `№ 12 марта` is a document number followed by a month, not the twelfth of March.
pub(super) fn after_number_sign(text: &str, start: usize) -> bool {
    let mut back = text.get(..start).unwrap_or("").trim_end().chars().rev();
    match back.next() {
        Some('№') => true,
        // Typewritten protocols use a lone Latin `N` for `№` (`"___" ____ 20__ г. N ___`).
        Some('N' | 'n') => !back.next().is_some_and(char::is_alphanumeric),
        _ => false,
    }
}

/// Whether `at` lies inside a word: a word character on both sides. Every form starts either with
/// a word character, which then needs a non-word character (or nothing) before it, or with an
/// opening quote, which needs nothing; so this is the whole test for a match's start.
pub(super) fn inside_word(text: &str, at: usize) -> bool {
    // Unicode's word characters, as `\w` has them: a character test, not a regex per character.
    let is_word = |c: Option<char>| c.is_some_and(regex_syntax::is_word_character);
    let before = text.get(..at).and_then(|s| s.chars().next_back());
    let after = text.get(at..).and_then(|s| s.chars().next());
    is_word(before) && is_word(after)
}

pub(super) fn overlaps(spans: &[Range<usize>], r: &Range<usize>) -> bool {
    spans.iter().any(|s| s.start < r.end && r.start < s.end)
}

/// The leftmost match of one form at or after `from` that starts at a word edge and that
/// `accept` lets through. A rejected match only moves the search one character on, so a shorter
/// match inside it can still be found.
fn next_in_form<'t, 'f, K: Copy>(
    form: &'f Form<K>,
    text: &'t str,
    mut from: usize,
    accept: &dyn Fn(K, &Range<usize>) -> bool,
) -> Option<Hit<'t, 'f, K>> {
    while from <= text.len() {
        let caps = form.re.captures_at(text, from)?;
        let start = caps.get(0)?.start();
        if let Some(hit) = judged(form, text, caps, accept) {
            return Some(hit);
        }
        from = start + char_len_at(text, start);
    }
    None
}

/// The match of `form` that starts at `at`, if it starts at a word edge and `accept` lets it
/// through. The same match a search from anywhere before `at` finds when `at` is the first
/// place the form matches: leftmost-first matching prefers the same branch wherever it starts.
fn hit_at<'t, 'f, K: Copy>(
    form: &'f Form<K>,
    text: &'t str,
    at: usize,
    accept: &dyn Fn(K, &Range<usize>) -> bool,
) -> Option<Hit<'t, 'f, K>> {
    judged(form, text, form.re.captures_anchored_at(text, at)?, accept)
}

/// A form's match as a hit, if it starts at a word edge and `accept` lets it through.
fn judged<'t, 'f, K: Copy>(
    form: &'f Form<K>,
    text: &'t str,
    caps: Captures<'t>,
    accept: &dyn Fn(K, &Range<usize>) -> bool,
) -> Option<Hit<'t, 'f, K>> {
    let whole = caps.get(0)?.range();
    // The match proper ends where the consumed edge character begins.
    let end = form
        .edges
        .iter()
        .find_map(|&i| caps.get(i))
        .map_or(whole.end, |m| m.start());
    let range = whole.start..end;
    (!range.is_empty() && !inside_word(text, range.start) && accept(form.kind, &range))
        .then_some(Hit { form, caps, range })
}

/// Runs all forms over `text` together and hands `visit` their matches left to right without
/// overlaps; where several start at the same place the longest wins, so `2026 жылғы наурыз` is a
/// month rather than the year `2026 жылғы` followed by a stray word. `visit` returns false to stop.
/// Each form's next search starts where the last visited match proper ended, not after the edge
/// character it consumed, which may begin the next match. How the forms search is up to
/// [`Forms::together`]; both ways find the same matches.
pub(super) fn scan<'t, 'f, K: Copy>(
    forms: &'f Forms<K>,
    text: &'t str,
    accept: &dyn Fn(K, &Range<usize>) -> bool,
    visit: &mut dyn FnMut(&Hit<'t, 'f, K>) -> bool,
) {
    match forms.together(text.len()) {
        Some(any) => scan_together(forms, any, text, accept, visit),
        None => scan_each(&forms.list, text, accept, visit),
    }
}

/// [`scan`] with one search for the next place some form matches; each form is asked there
/// alone, and a place where none is accepted moves the search one character on, so a shorter
/// match inside a rejected one can still be found.
pub(super) fn scan_together<'t, 'f, K: Copy>(
    forms: &'f Forms<K>,
    any: &Matcher,
    text: &'t str,
    accept: &dyn Fn(K, &Range<usize>) -> bool,
    visit: &mut dyn FnMut(&Hit<'t, 'f, K>) -> bool,
) {
    let mut pos = 0;
    while pos <= text.len() {
        let Some(found) = any.find_at(text, pos) else {
            return;
        };
        let at = found.start();
        let best = forms
            .list
            .iter()
            .enumerate()
            .filter_map(|(index, form)| hit_at(form, text, at, accept).map(|hit| (index, hit)))
            .min_by_key(|(index, hit)| (Reverse(hit.range.end), *index));
        match best {
            Some((_, hit)) => {
                if !visit(&hit) {
                    return;
                }
                pos = pos.max(hit.range.end);
            }
            None => pos = at + char_len_at(text, at),
        }
    }
}

/// [`scan`] with every form searching on its own: the leftmost of their next accepted matches
/// wins.
pub(super) fn scan_each<'t, 'f, K: Copy>(
    forms: &'f [Form<K>],
    text: &'t str,
    accept: &dyn Fn(K, &Range<usize>) -> bool,
    visit: &mut dyn FnMut(&Hit<'t, 'f, K>) -> bool,
) {
    let mut pending: Vec<Option<Hit<'t, 'f, K>>> = forms
        .iter()
        .map(|f| next_in_form(f, text, 0, accept))
        .collect();
    let mut pos = 0;
    loop {
        let best = pending
            .iter()
            .enumerate()
            .filter_map(|(i, h)| h.as_ref().map(|h| (i, h.range.clone())))
            .min_by_key(|(i, r)| (r.start, Reverse(r.end), *i));
        let Some((index, range)) = best else { return };
        let Some(hit) = pending[index].take() else {
            return;
        };
        if !visit(&hit) {
            return;
        }
        pos = pos.max(range.end);
        for (i, slot) in pending.iter_mut().enumerate() {
            let stale = match slot {
                Some(h) => h.range.start < pos,
                None => i == index,
            };
            if stale {
                *slot = next_in_form(&forms[i], text, pos, accept);
            }
        }
    }
}
