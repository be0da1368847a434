//! Folds the spelling variants of real Kazakh and Russian text into one form before matching.
//!
//! Word exports and old scans mix Latin look-alikes into Cyrillic words (`Кiрiспе` with a Latin
//! `i`, `Aкимат` with a Latin `A`), write `ё` or `е` at random, and use no-break spaces, several
//! dashes and several kinds of quotes. Rule patterns are written once against the folded form;
//! every folded byte remembers the source byte it came from, so findings still point at the
//! original text.

/// Text in its folded form with a map back to the source.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Folded {
    pub text: String,
    /// Where each folded byte came from, run by run in order of the folded text: nearly every
    /// character folds to one of the same length (`А` to `а`, or itself), so a run of them maps
    /// byte for byte and one entry serves a whole stretch of text. A map per byte took eight
    /// bytes of memory for each byte of text and most of the time of folding.
    runs: Vec<Run>,
    /// Where the source text ends, for empty ranges at the very end.
    source_end: u32,
}

/// Folded bytes from `folded` up to the next run's start (or the end of the text).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Run {
    folded: u32,
    /// The source byte of the run's first folded byte.
    source: u32,
    /// `None`: the run's characters are the source's, one for one and each of the same length,
    /// so folded byte `folded + k` came from the character at source byte `source + k`.
    /// `Some(end)`: the run is one source character, `source..end`, folded to other bytes (a
    /// no-break space to a space, a run of dashes to one, `i` to `і`) or to none it had.
    whole: Option<u32>,
}

impl Folded {
    /// Maps a byte range of the folded text back to a byte range of the source.
    pub fn source_range(&self, range: std::ops::Range<usize>) -> std::ops::Range<usize> {
        let start = match self.origin(range.start) {
            Some((start, _)) => start as usize,
            None => self.source_end as usize,
        };
        if range.end <= range.start {
            return start..start;
        }
        let end = match self.origin(range.end - 1) {
            Some((_, end)) => end as usize,
            None => self.source_end as usize,
        };
        start..end.max(start)
    }

    /// The source range of the character folded byte `at` came from; `None` past the end.
    fn origin(&self, at: usize) -> Option<(u32, u32)> {
        if at >= self.text.len() {
            return None;
        }
        let run = self.runs[self.run_at(at)];
        if let Some(end) = run.whole {
            return Some((run.source, end));
        }
        // A character of such a run has the same bytes' length in the source.
        let char_start = (0..=at)
            .rev()
            .find(|&i| self.text.is_char_boundary(i))
            .unwrap_or(at);
        let width = self.text[char_start..]
            .chars()
            .next()
            .map_or(1, char::len_utf8);
        let start = run.source + (char_start as u32 - run.folded);
        Some((start, start + width as u32))
    }

    /// The index of the run holding folded byte `at` (which lies inside the text).
    fn run_at(&self, at: usize) -> usize {
        self.runs
            .partition_point(|run| run.folded as usize <= at)
            .saturating_sub(1)
    }

    /// Splits at folded byte `at` (a character boundary): the text before and from there, each
    /// still mapping to its source.
    pub fn split_at(&self, at: usize) -> (Folded, Folded) {
        let middle = self.origin(at).map_or(self.source_end, |(start, _)| start);
        let head = Folded {
            text: self.text[..at].to_string(),
            runs: self
                .runs
                .iter()
                .take_while(|run| (run.folded as usize) < at)
                .copied()
                .collect(),
            source_end: middle,
        };
        let mut tail = Folded {
            text: self.text[at..].to_string(),
            runs: Vec::new(),
            source_end: self.source_end,
        };
        if at < self.text.len() {
            let first = self.run_at(at);
            let at = at as u32;
            tail.runs = self.runs[first..]
                .iter()
                .map(|run| match run.folded.checked_sub(at) {
                    Some(folded) => Run { folded, ..*run },
                    // The run `at` falls inside starts the tail where `at` is.
                    None => Run {
                        folded: 0,
                        source: match run.whole {
                            Some(_) => run.source,
                            None => run.source + (at - run.folded),
                        },
                        whole: run.whole,
                    },
                })
                .collect();
        }
        (head, tail)
    }

    /// Appends `ch`, which came from source bytes `start..end`: byte for byte, or (`whole`)
    /// as one of the characters a source character folded to.
    fn push(&mut self, ch: char, start: u32, end: u32, whole: bool) {
        let folded = self.text.len() as u32;
        self.text.push(ch);
        self.map(folded, ch.len_utf8(), start, end, whole);
    }

    /// Records that the `len` folded bytes from `folded`, just appended, came from source bytes
    /// `start..end`: byte for byte (characters of the same lengths), or (`whole`) each from the
    /// whole range.
    fn map(&mut self, folded: u32, len: usize, start: u32, end: u32, whole: bool) {
        if !whole && end - start == len as u32 {
            // Byte for byte: it continues the last run if that one is byte for byte and ends
            // right where this begins, in the folded text and in the source.
            if let Some(last) = self.runs.last()
                && last.whole.is_none()
                && last.source + (folded - last.folded) == start
            {
                return;
            }
            self.runs.push(Run {
                folded,
                source: start,
                whole: None,
            });
        } else if !self
            .runs
            .last()
            .is_some_and(|last| last.whole == Some(end) && last.source == start)
        {
            // The folded bytes of one character all map to it: a character lower-cased to
            // several appends to the run its first one began.
            self.runs.push(Run {
                folded,
                source: start,
                whole: Some(end),
            });
        }
    }

    /// Makes the last folded character (one byte, a dash) stand for source bytes from where it
    /// came from up to `end`: the dashes of a run after it are folded into it.
    fn extend_last_to(&mut self, end: u32) {
        let at = self.text.len() - 1;
        let Some((start, _)) = self.origin(at) else {
            return;
        };
        let index = self.run_at(at);
        if self.runs[index].folded as usize == at {
            self.runs[index] = Run {
                folded: at as u32,
                source: start,
                whole: Some(end),
            };
        } else {
            self.runs.push(Run {
                folded: at as u32,
                source: start,
                whole: Some(end),
            });
        }
    }
}

/// Builds a [`Folded`] text from pieces of source text, each piece with its source offset.
#[derive(Debug, Default)]
pub struct Folder {
    out: Folded,
    /// The last character pushed, to decide whether a Latin look-alike sits in a Cyrillic word.
    previous: Option<char>,
    /// A Latin look-alike waiting to see whether the next character is Cyrillic.
    pending: Vec<(char, u32, u32)>,
    /// Source offset just past the last character emitted.
    last_end: u32,
}

impl Folder {
    /// A folder whose first piece will start at source offset `offset`.
    pub fn new(offset: usize) -> Folder {
        Folder {
            last_end: offset as u32,
            ..Folder::default()
        }
    }

    /// Appends source text `piece` that starts at source byte `offset`.
    pub fn push(&mut self, piece: &str, offset: usize) {
        self.out.text.reserve(piece.len());
        let mut rest = piece;
        let mut at = offset as u32;
        while !rest.is_empty() {
            // Most characters of a protocol fold to themselves and touch none of the rules
            // below: a stretch of them is copied straight through, at once.
            if self.pending.is_empty() {
                let same = unchanged_prefix(rest);
                if same > 0 {
                    let (copied, after) = rest.split_at(same);
                    self.copy_through(copied, at);
                    rest = after;
                    at += same as u32;
                    continue;
                }
                // A capital of the Russian alphabet, which begins every sentence and fills
                // every heading, only lower-cases, to a letter of the same length.
                if let Some(capital) = rest.chars().next().filter(|c| matches!(c, 'А'..='Я')) {
                    self.lower_through(capital, at);
                    rest = &rest[capital.len_utf8()..];
                    at += capital.len_utf8() as u32;
                    continue;
                }
            }
            let Some(ch) = rest.chars().next() else {
                break;
            };
            let end = at + ch.len_utf8() as u32;
            self.push_char(ch, at, end);
            rest = &rest[ch.len_utf8()..];
            at = end;
        }
    }

    /// Appends source text that needs no folding, from source byte `start` on.
    fn copy_through(&mut self, text: &str, start: u32) {
        let folded = self.out.text.len() as u32;
        self.out.text.push_str(text);
        let end = start + text.len() as u32;
        self.out.map(folded, text.len(), start, end, false);
        self.previous = text.chars().next_back();
        self.last_end = end;
    }

    /// Appends a capital `А`–`Я` from source byte `start` as its lower case: what
    /// [`Folder::push_char`] does with it when no look-alike waits, without the turns through the
    /// rules for other characters.
    fn lower_through(&mut self, capital: char, start: u32) {
        let lower = char::from_u32(capital as u32 + 0x20).unwrap_or(capital);
        let end = start + capital.len_utf8() as u32;
        self.out.push(lower, start, end, false);
        self.previous = Some(capital);
        self.last_end = end;
    }

    /// Appends text folded already (a table cell's), each character still mapping to where it
    /// came from in the source.
    pub fn push_folded(&mut self, piece: &Folded) {
        self.flush_pending(false);
        if piece.text.is_empty() {
            return;
        }
        let base = self.out.text.len() as u32;
        self.out.text.push_str(&piece.text);
        for (index, run) in piece.runs.iter().enumerate() {
            let len = piece
                .runs
                .get(index + 1)
                .map_or(piece.text.len() as u32, |next| next.folded)
                - run.folded;
            let end = run.whole.unwrap_or(run.source + len);
            self.out.map(
                base + run.folded,
                len as usize,
                run.source,
                end,
                run.whole.is_some(),
            );
        }
        self.previous = piece.text.chars().next_back();
        if let Some((_, end)) = piece.origin(piece.text.len() - 1) {
            self.last_end = end;
        }
    }

    /// Appends text that has no exact source (an entity, an escape), mapped to `source_range`.
    pub fn push_synthetic(&mut self, text: &str, source_range: std::ops::Range<usize>) {
        for ch in text.chars() {
            self.push_char(ch, source_range.start as u32, source_range.end as u32);
        }
    }

    fn push_char(&mut self, ch: char, start: u32, end: u32) {
        if cyrillic_twin(ch).is_some() {
            if self.previous.is_some_and(is_cyrillic) {
                self.emit(cyrillic_twin(ch).unwrap_or(ch), start, end);
            } else {
                self.pending.push((ch, start, end));
                self.previous = Some(ch);
            }
            return;
        }
        let next_is_cyrillic = is_cyrillic(ch);
        self.flush_pending(next_is_cyrillic);
        self.emit(ch, start, end);
    }

    fn flush_pending(&mut self, into_cyrillic: bool) {
        let pending = std::mem::take(&mut self.pending);
        for (ch, start, end) in pending {
            let ch = if into_cyrillic {
                cyrillic_twin(ch).unwrap_or(ch)
            } else {
                ch
            };
            self.emit(ch, start, end);
        }
    }

    fn emit(&mut self, ch: char, start: u32, end: u32) {
        let after_dash = self.previous.is_some_and(is_dash);
        self.previous = Some(ch);
        // A run of dashes ("--" and "---", how pandoc and typists write en and em dashes) is
        // one dash: patterns write `-` once.
        if after_dash && is_dash(ch) && self.out.text.ends_with('-') {
            self.out.extend_last_to(end);
            self.last_end = end;
            return;
        }
        let Some(folded) = fold_char(ch) else {
            return;
        };
        // One character for one maps byte for byte when of the same length; several (a rare
        // lower case, or a stand-in) each map to the whole source character.
        let several = matches!(folded, Lowered::Many(_));
        for lower in folded {
            let whole = several || lower.len_utf8() as u32 != end - start;
            self.out.push(lower, start, end, whole);
        }
        // Remember where this character ends so a range ending here maps to the right place.
        self.last_end = end;
    }

    pub fn finish(mut self) -> Folded {
        self.flush_pending(false);
        self.out.source_end = self.last_end;
        self.out
    }
}

/// Folds a whole string that starts at source offset `offset`.
pub fn fold(text: &str, offset: usize) -> Folded {
    let mut folder = Folder::new(offset);
    folder.push(text, offset);
    folder.finish()
}

/// Lower-case Cyrillic (but `ё`), digits, spaces and the ASCII punctuation no fold changes:
/// characters that fold to themselves whatever stands around them. Latin letters do not
/// qualify (a look-alike may become Cyrillic next to a Cyrillic letter), nor dashes (a run of
/// them is one) or the backtick (a quote).
const fn folds_to_itself(ch: char) -> bool {
    matches!(ch, 'а'..='я' | '0'..='9' | ' ' | '\n' | '.' | ',' | ':' | ';' | '(' | ')' | '/' | '№' | '"' | '!' | '?' | '%' | '*' | '|' | '_' | '#' | '+' | '=')
        || matches!(ch, 'ә' | 'ғ' | 'қ' | 'ң' | 'ө' | 'ұ' | 'ү' | 'һ' | 'і')
}

/// [`folds_to_itself`] for each ASCII byte.
const ASCII_FOLDS_TO_ITSELF: [bool; 128] = {
    let mut table = [false; 128];
    let mut byte = 0;
    while byte < 128 {
        table[byte] = folds_to_itself(byte as u8 as char);
        byte += 1;
    }
    table
};

/// How many bytes `text` starts with whose characters all fold to themselves: an ASCII byte is
/// looked up and a two-byte character (all of Cyrillic) put together from its bytes, rather than
/// every character decoded in general.
fn unchanged_prefix(text: &str) -> usize {
    let bytes = text.as_bytes();
    let mut at = 0;
    while let Some(&lead) = bytes.get(at) {
        let width = if lead.is_ascii() {
            if !ASCII_FOLDS_TO_ITSELF[usize::from(lead)] {
                break;
            }
            1
        } else if lead & 0xE0 == 0xC0
            && let Some(&next) = bytes.get(at + 1)
        {
            let code = u32::from(lead & 0x1F) << 6 | u32::from(next & 0x3F);
            if !char::from_u32(code).is_some_and(folds_to_itself) {
                break;
            }
            2
        } else {
            match text[at..].chars().next() {
                Some(ch) if folds_to_itself(ch) => ch.len_utf8(),
                _ => break,
            }
        };
        at += width;
    }
    at
}

fn is_dash(ch: char) -> bool {
    matches!(ch, '-' | '\u{2010}'..='\u{2015}' | '\u{2212}')
}

fn is_cyrillic(ch: char) -> bool {
    matches!(ch, '\u{0400}'..='\u{04FF}' | '\u{0500}'..='\u{052F}')
}

/// The Cyrillic letter a Latin look-alike stands for inside a Cyrillic word.
fn cyrillic_twin(ch: char) -> Option<char> {
    Some(match ch {
        'a' => 'а',
        'c' => 'с',
        'e' => 'е',
        'i' => 'і',
        'o' => 'о',
        'p' => 'р',
        'x' => 'х',
        'y' => 'у',
        'A' => 'А',
        'B' => 'В',
        'C' => 'С',
        'E' => 'Е',
        'H' => 'Н',
        'I' => 'І',
        'K' => 'К',
        'M' => 'М',
        'O' => 'О',
        'P' => 'Р',
        'T' => 'Т',
        'X' => 'Х',
        _ => return None,
    })
}

/// Lower case plus the spelling folds; `None` drops the character (soft hyphens, zero-width marks).
fn fold_char(ch: char) -> Option<Lowered> {
    let replaced = match ch {
        '\u{00AD}' | '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{FEFF}' => return None,
        '\u{00A0}' | '\u{2007}' | '\u{202F}' | '\u{2002}'..='\u{2006}' | '\u{2009}' | '\t' => ' ',
        '\u{2010}'..='\u{2015}' | '\u{2212}' => '-',
        '«' | '»' | '“' | '”' | '„' | '‟' | '″' => '"',
        '‘' | '’' | '‚' | '‛' | '`' => '\'',
        'ё' | 'Ё' => 'е',
        other => other,
    };
    // Nearly every character is ASCII or basic Cyrillic: lower-case those without the Unicode
    // tables, which showed in profiles of large audits.
    Some(match replaced {
        ch if ch.is_ascii() => Lowered::One(std::iter::once(ch.to_ascii_lowercase())),
        'А'..='Я' => Lowered::One(std::iter::once(
            char::from_u32(replaced as u32 + 0x20).unwrap_or(replaced),
        )),
        'а'..='я' => Lowered::One(std::iter::once(replaced)),
        other => Lowered::Many(other.to_lowercase()),
    })
}

/// Every character folded text may hold, as sorted ranges: the common characters that fold to
/// themselves, and the stand-ins of the uncommon ones (see `parse::alphabet`).
pub fn alphabet() -> &'static [(char, char)] {
    static ALPHABET: std::sync::LazyLock<Vec<(char, char)>> = std::sync::LazyLock::new(|| {
        let kept = super::alphabet::common_chars().filter(|&c| {
            fold_char(c).is_some_and(|mut f| f.next() == Some(c) && f.next().is_none())
        });
        let mut chars: Vec<char> = kept.chain(super::alphabet::stand_ins()).collect();
        chars.sort_unstable();
        let mut ranges: Vec<(char, char)> = Vec::new();
        for c in chars {
            match ranges.last_mut() {
                Some(last) if last.1 as u32 + 1 == c as u32 => last.1 = c,
                _ => ranges.push((c, c)),
            }
        }
        ranges
    });
    &ALPHABET
}

/// The lower case of one character: itself or one other character, or (rarely) several.
enum Lowered {
    One(std::iter::Once<char>),
    Many(std::char::ToLowercase),
}

impl Iterator for Lowered {
    type Item = char;

    fn next(&mut self) -> Option<char> {
        match self {
            Lowered::One(one) => one.next(),
            Lowered::Many(many) => many.next().map(super::alphabet::stand_in),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Folding with the shortcuts (runs that fold to themselves, capitals `А`–`Я`) gives the
    /// text and the map to the source that every character through the general rules gives.
    #[test]
    fn the_shortcuts_fold_as_the_general_rules_do() {
        for text in [
            "ПРОТОКОЛ № 3 заседания КДН при акимате",
            "Aкимат КIРIСПЕ и TА, АT, СOЖ, aАa, AБВ",
            "ООО «Тест» — ПЕТРОВ Ё.Ё., Сeрiкұлы Ә.",
            "x-y--z \u{2011} Р\u{a0}Я — ЯЯ",
            "",
        ] {
            let mut general = Folder::new(5);
            for (at, ch) in text.char_indices() {
                let start = 5 + at as u32;
                general.push_char(ch, start, start + ch.len_utf8() as u32);
            }
            let general = general.finish();
            let shortcut = fold(text, 5);
            assert_eq!(shortcut.text, general.text, "{text:?}");
            for from in 0..=general.text.len() {
                for to in from..=general.text.len() {
                    assert_eq!(
                        shortcut.source_range(from..to),
                        general.source_range(from..to),
                        "{text:?} {from}..{to}"
                    );
                }
            }
        }
    }

    /// The byte-wise prefix is where the first character that does not fold to itself
    /// begins, for every character, alone and inside runs that do.
    #[test]
    fn an_unchanged_prefix_ends_at_the_first_character_that_folds() {
        let by_chars = |text: &str| {
            text.char_indices()
                .find(|&(_, ch)| !folds_to_itself(ch))
                .map_or(text.len(), |(at, _)| at)
        };
        for ch in (0..=0x10FFFF).filter_map(char::from_u32) {
            for text in [
                format!("{ch}"),
                format!("аб {ch}в"),
                format!("{ch}{ch}1"),
                format!("№ 3;{ch}"),
            ] {
                assert_eq!(
                    unchanged_prefix(&text),
                    by_chars(&text),
                    "{ch:?} in {text:?}"
                );
            }
        }
        assert_eq!(unchanged_prefix(""), 0);
    }

    #[test]
    fn latin_lookalikes_inside_cyrillic_words_become_cyrillic() {
        assert_eq!(fold("Кiрiспе", 0).text, "кіріспе");
        assert_eq!(fold("iс-шаралар", 0).text, "іс-шаралар");
        assert_eq!(fold("Aкимат", 0).text, "акимат");
        assert_eq!(fold("Kaspi bank", 0).text, "kaspi bank");
    }

    #[test]
    fn folded_text_holds_only_its_alphabet() {
        let alphabet = alphabet();
        let inside = |c: char| alphabet.iter().any(|&(s, e)| (s..=e).contains(&c));
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            for folded in fold(&c.to_string(), 0).text.chars() {
                assert!(inside(folded), "{c:?} folds to {folded:?}");
            }
        }
        assert_eq!(
            fold("Дом 漢字 №٣", 0).text,
            "дом \u{10D0}\u{10D0} №\u{0663}"
        );
    }

    /// The shortcut for characters that fold to themselves gives what the full rules give.
    #[test]
    fn characters_copied_straight_through_fold_to_themselves() {
        for ch in (0..=0x10FFFF)
            .filter_map(char::from_u32)
            .filter(|&c| folds_to_itself(c))
        {
            let mut folder = Folder::new(0);
            let mut buf = [0u8; 4];
            folder.push_char(ch, 0, ch.encode_utf8(&mut buf).len() as u32);
            assert_eq!(folder.finish().text, ch.to_string(), "{ch:?}");
            assert!(cyrillic_twin(ch).is_none() && !is_dash(ch), "{ch:?}");
        }
        // Around the shortcut the rules still apply: look-alikes between Cyrillic letters,
        // dashes in a run.
        assert_eq!(fold("Кiрiспе — 2 --- 3", 0).text, "кіріспе - 2 - 3");
        assert_eq!(fold("ax, бa", 0).text, "ax, ба");
    }

    #[test]
    fn spelling_variants_fold() {
        assert_eq!(fold("Ёлка\u{00A0}— «тест»", 0).text, "елка - \"тест\"");
        assert_eq!(fold("пере\u{00AD}нос", 0).text, "перенос");
    }

    #[test]
    fn folded_ranges_map_back_to_the_source() {
        let source = "**СЛУШАЛИ:** Кiрiспе";
        let at = source.find('К').unwrap();
        let folded = fold(&source[at..], at);
        let at = folded.text.find("кіріспе").unwrap();
        let range = folded.source_range(at..at + "кіріспе".len());
        assert_eq!(&source[range], "Кiрiспе");
    }

    #[test]
    fn the_fast_lower_case_agrees_with_unicode() {
        // The folds that replace characters are tested above; here every other character of
        // the Latin and Cyrillic blocks must lower-case exactly as Unicode says (the few whose
        // lower case lies outside the common blocks give its stand-in).
        let replaced = ['\u{00A0}', '\t', '«', '»', '`', 'ё', 'Ё', '\u{00AD}'];
        for ch in ('\u{0}'..='\u{052F}').chain('\u{1E00}'..='\u{1EFF}') {
            if replaced.contains(&ch) {
                continue;
            }
            let fast: String = fold_char(ch).map(|c| c.collect()).unwrap_or_default();
            let unicode: String = ch
                .to_lowercase()
                .map(super::super::alphabet::stand_in)
                .collect();
            assert_eq!(fast, unicode, "{ch:?}");
        }
        assert_eq!(
            fold("ӘІҢҒҮҰҚӨҺ ПРОТОКОЛ Aб", 0).text,
            "әіңғүұқөһ протокол аб"
        );
    }

    /// Texts with every kind of fold: look-alikes, dashes alone and in runs, dropped and
    /// widened characters, capitals, quotes, a lower case of several characters.
    const TRICKY: [&str; 6] = [
        "**СЛУШАЛИ:** Кiрiспе — 2 --- 3, «итоги»\u{00A0}ПРОТОКОЛ № 4",
        "пере\u{00AD}нос Ёлка\tİstanbul ax, бa ⸺ \u{2014}\u{2014}-x",
        "-",
        "Aкимат\u{200B}\u{200B}ОБЛ. ٣ 漢字 😀 ½ Ⅻ",
        "",
        "ӘІҢҒҮҰҚӨҺ әіңғүұқөһ i I iI",
    ];

    /// Every folded character, and every byte of it, maps to whole source characters, in
    /// order, that fold to it.
    #[test]
    fn every_folded_character_maps_to_the_source_characters_it_came_from() {
        let fixtures = std::fs::read_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/fixtures/check"))
            .unwrap()
            .filter_map(|entry| std::fs::read_to_string(entry.unwrap().path()).ok());
        for text in TRICKY.map(String::from).into_iter().chain(fixtures) {
            let folded = fold(&text, 0);
            let mut previous = 0..0;
            for (at, ch) in folded.text.char_indices() {
                let range = folded.source_range(at..at + ch.len_utf8());
                assert!(text.is_char_boundary(range.start) && text.is_char_boundary(range.end));
                assert!(
                    range.start >= previous.end || range == previous,
                    "{text:?} at {at}"
                );
                // What lies between is only what folding drops (soft hyphens, zero widths).
                let between = text.get(previous.end..range.start).unwrap_or("");
                assert_eq!(fold(between, 0).text, "", "{text:?} at {at}");
                for inside in at + 1..at + ch.len_utf8() {
                    assert_eq!(folded.source_range(inside..inside + 1), range);
                }
                let source = &text[range.clone()];
                let alone = fold(source, 0).text;
                let twin = source
                    .chars()
                    .next()
                    .and_then(cyrillic_twin)
                    .and_then(|c| c.to_lowercase().next());
                assert!(
                    alone.contains(ch) || twin == Some(ch),
                    "{ch:?} from {source:?} in {text:?}"
                );
                previous = range;
            }
            assert_eq!(
                folded.source_range(folded.text.len()..folded.text.len()),
                text.len()..text.len()
            );
        }
    }

    /// A folded text split anywhere, or appended to another folder, maps as it did whole.
    #[test]
    fn split_and_appended_folded_text_maps_as_before() {
        for text in TRICKY {
            let folded = fold(text, 7);
            let whole = |range: std::ops::Range<usize>| folded.source_range(range);
            let boundaries: Vec<usize> = (0..=folded.text.len())
                .filter(|&at| folded.text.is_char_boundary(at))
                .collect();
            for &at in &boundaries {
                let (head, tail) = folded.split_at(at);
                assert_eq!(format!("{}{}", head.text, tail.text), folded.text);
                for &start in boundaries.iter().filter(|&&b| b <= at) {
                    for &end in boundaries.iter().filter(|&&b| start <= b && b <= at) {
                        if end > start {
                            assert_eq!(head.source_range(start..end), whole(start..end));
                        }
                    }
                }
                for &start in boundaries.iter().filter(|&&b| b >= at) {
                    for &end in boundaries.iter().filter(|&&b| b > start) {
                        assert_eq!(tail.source_range(start - at..end - at), whole(start..end));
                    }
                }
                let mut folder = Folder::new(0);
                folder.push_folded(&head);
                folder.push_folded(&tail);
                let joined = folder.finish();
                assert_eq!(joined.text, folded.text);
                for &start in &boundaries {
                    for &end in boundaries.iter().filter(|&&b| b > start) {
                        assert_eq!(
                            joined.source_range(start..end),
                            whole(start..end),
                            "{text:?}"
                        );
                    }
                }
            }
        }
    }

    #[test]
    fn empty_text_maps_to_its_offset() {
        let folded = fold("", 5);
        assert_eq!(folded.source_range(0..0), 5..5);
    }
}
