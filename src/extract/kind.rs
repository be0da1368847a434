//! Which kind of document this is: front matter says so, or the title line that comes first.

use crate::pack::Pack;
use crate::parse::Document;

const FRONT_MATTER_KEYS: [&str; 3] = ["kind", "type", "document"];

pub fn detect(document: &Document, pack: &Pack) -> Option<usize> {
    if let Some(front) = &document.front_matter {
        for key in FRONT_MATTER_KEYS {
            if let Some(value) = front.get(key).and_then(|v| v.as_str())
                && let Some(index) = pack
                    .kinds
                    .iter()
                    .position(|k| k.id.eq_ignore_ascii_case(value.trim()))
            {
                return Some(index);
            }
        }
    }
    let mut best: Option<(usize, usize)> = None;
    for (kind_index, kind) in pack.kinds.iter().enumerate() {
        let found = document
            .lines
            .iter()
            .take(kind.within_lines)
            .position(|line| kind.title.is_match(line.text()));
        if let Some(line) = found
            && best.is_none_or(|(best_line, _)| line < best_line)
        {
            best = Some((line, kind_index));
        }
    }
    best.map(|(_, kind)| kind)
}
