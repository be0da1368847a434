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
    /// `origin[i]` is the source byte range of the character folded byte `i` came from.
    origin: Vec<(u32, u32)>,
    /// Where the source text ends, for empty ranges at the very end.
    source_end: u32,
}

impl Folded {
    /// Maps a byte range of the folded text back to a byte range of the source.
    pub fn source_range(&self, range: std::ops::Range<usize>) -> std::ops::Range<usize> {
        let start = match self.origin.get(range.start) {
            Some(&(start, _)) => start as usize,
            None => self.source_end as usize,
        };
        if range.end <= range.start {
            return start..start;
        }
        let end = match self.origin.get(range.end - 1) {
            Some(&(_, end)) => end as usize,
            None => self.source_end as usize,
        };
        start..end.max(start)
    }
}

impl Folded {
    /// Splits at folded byte `at` (a character boundary): the text before and from there, each
    /// still mapping to its source.
    pub fn split_at(&self, at: usize) -> (Folded, Folded) {
        let middle = self
            .origin
            .get(at)
            .map_or(self.source_end, |&(start, _)| start);
        let head = Folded {
            text: self.text[..at].to_string(),
            origin: self.origin[..at].to_vec(),
            source_end: middle,
        };
        let tail = Folded {
            text: self.text[at..].to_string(),
            origin: self.origin[at..].to_vec(),
            source_end: self.source_end,
        };
        (head, tail)
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
        self.out.origin.reserve(piece.len());
        for (index, ch) in piece.char_indices() {
            let start = (offset + index) as u32;
            let end = start + ch.len_utf8() as u32;
            // Most characters of a protocol fold to themselves and touch none of the rules
            // below: they are copied straight through, which halved the cost of folding.
            if self.pending.is_empty() && folds_to_itself(ch) {
                self.copy_through(ch, start, end);
                continue;
            }
            self.push_char(ch, start, end);
        }
    }

    /// Appends a character that needs no folding, from source bytes `start..end`.
    fn copy_through(&mut self, ch: char, start: u32, end: u32) {
        self.out.text.push(ch);
        self.out
            .origin
            .extend(std::iter::repeat_n((start, end), ch.len_utf8()));
        self.previous = Some(ch);
        self.last_end = end;
    }

    /// Appends text folded already (a table cell's), each character still mapping to where it
    /// came from in the source.
    pub fn push_folded(&mut self, piece: &Folded) {
        self.flush_pending(false);
        for (index, ch) in piece.text.char_indices() {
            let (start, end) = piece.origin.get(index).copied().unwrap_or((0, 0));
            self.copy_through(ch, start, end);
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
            if let Some(last) = self.out.origin.last_mut() {
                last.1 = end;
            }
            self.last_end = end;
            return;
        }
        let Some(folded) = fold_char(ch) else {
            return;
        };
        for lower in folded {
            let mut buf = [0u8; 4];
            let encoded = lower.encode_utf8(&mut buf);
            self.out.text.push_str(encoded);
            self.out
                .origin
                .extend(std::iter::repeat_n((start, end), encoded.len()));
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
fn folds_to_itself(ch: char) -> bool {
    matches!(ch, 'а'..='я' | '0'..='9' | ' ' | '\n' | '.' | ',' | ':' | ';' | '(' | ')' | '/' | '№' | '"' | '!' | '?' | '%' | '*' | '|' | '_' | '#' | '+' | '=')
        || matches!(ch, 'ә' | 'ғ' | 'қ' | 'ң' | 'ө' | 'ұ' | 'ү' | 'һ' | 'і')
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
fn fold_char(ch: char) -> Option<impl Iterator<Item = char>> {
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

    #[test]
    fn empty_text_maps_to_its_offset() {
        let folded = fold("", 5);
        assert_eq!(folded.source_range(0..0), 5..5);
    }
}
