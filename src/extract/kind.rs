//! Which kind of document this is: front matter says so, or the evidence in its text. A title
//! line ("ПРОТОКОЛ № 3", "Кешенді жоспар") is strong evidence; other signals (an approval stamp,
//! a table of measures, the headings of a session) add their weights, so that a plan excerpt
//! with no title is still a plan and a protocol that approves a composition is still a protocol.

use crate::pack::{KIND_THRESHOLD, LazyRegex, Pack, TITLE_WEIGHT};
use crate::parse::Document;

const FRONT_MATTER_KEYS: [&str; 3] = ["kind", "type", "document"];

/// One piece of evidence for the kind found: `title` or a signal's id, and its line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KindSignal {
    pub id: String,
    pub line: usize,
}

/// The kind found and the evidence that decided it.
pub fn detect(document: &Document, pack: &Pack) -> (Option<usize>, Vec<KindSignal>) {
    if let Some(front) = &document.front_matter {
        for key in FRONT_MATTER_KEYS {
            if let Some(value) = front.get(key).and_then(|v| v.as_str())
                && let Some(index) = pack
                    .kinds
                    .iter()
                    .position(|k| k.id.eq_ignore_ascii_case(value.trim()))
            {
                let said = KindSignal {
                    id: format!("front matter `{key}`"),
                    line: 0,
                };
                return (Some(index), vec![said]);
            }
        }
    }
    // Best score wins; on a tie, the kind whose first evidence comes first.
    let mut best: Option<(u32, usize, usize, Vec<KindSignal>)> = None;
    for (kind_index, kind) in pack.kinds.iter().enumerate() {
        let mut score = 0;
        let mut signals = Vec::new();
        if let Some(line) = first_line_matching(document, &kind.title, kind.within_lines) {
            score += TITLE_WEIGHT;
            signals.push(KindSignal {
                id: "title".into(),
                line,
            });
        }
        for signal in &kind.signals {
            let within = signal.within_lines.unwrap_or(usize::MAX);
            if let Some(line) = first_line_matching(document, &signal.pattern, within) {
                score += signal.weight;
                signals.push(KindSignal {
                    id: signal.id.clone(),
                    line,
                });
            }
        }
        if score < KIND_THRESHOLD {
            continue;
        }
        let first = signals.iter().map(|s| s.line).min().unwrap_or(usize::MAX);
        let better = best
            .as_ref()
            .is_none_or(|(s, f, _, _)| score > *s || (score == *s && first < *f));
        if better {
            best = Some((score, first, kind_index, signals));
        }
    }
    match best {
        Some((_, _, kind, signals)) => (Some(kind), signals),
        None => (None, Vec::new()),
    }
}

/// The first of the document's first `within` lines that `pattern` matches. Most kinds'
/// signals are absent from most documents (a plan's from a protocol): one search of those
/// lines' joined text tells that, and where a signal is present it points at the lines to try.
fn first_line_matching(document: &Document, pattern: &LazyRegex, within: usize) -> Option<usize> {
    let lines = within.min(document.lines.len());
    pattern.first_line_matching(document, 0..lines)
}
