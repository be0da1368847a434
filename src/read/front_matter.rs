//! Splitting optional YAML front matter off the top of a document.
//!
//! Front matter is optional in hattama's inputs (most real protocols carry their header in the
//! text), so anything that is not clearly a closed front matter block is left to be body text.

use std::ops::Range;
use std::sync::LazyLock;

use regex::{Captures, Regex};
use serde_yaml_ng::{Mapping, Value};

/// Front matter is a handful of header fields; anything this long is not front matter written by
/// a person, and capping it bounds the YAML parser's time on hostile input.
const MAX_FRONT_MATTER_BYTES: usize = 64 * 1024;

use crate::yaml_depth::{MAX_FLOW_DEPTH, line_column};

/// Parsed front matter.
#[derive(Debug, Clone, PartialEq)]
pub struct FrontMatter {
    pub value: Mapping,
    /// Byte range of the YAML between the two fence lines (fences excluded), so that a key's
    /// position can be found in the original text.
    pub range: Range<usize>,
}

/// Front matter that is there but cannot be used. Line and column are 1-based and in the whole
/// file's coordinates; the column counts characters, not bytes.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{line}:{column}: {message}")]
pub struct FrontMatterError {
    /// In English; the YAML library's own words for a syntax error.
    pub message: String,
    pub line: usize,
    pub column: usize,
    /// What is wrong, for a message in the user's language.
    pub problem: FrontMatterProblem,
}

/// What is wrong with front matter, as data: `messages::front_matter_problem` says it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FrontMatterProblem {
    TooLong {
        bytes: usize,
        max: usize,
    },
    TooDeep {
        max: usize,
    },
    /// A YAML value that is not a mapping: what it is ("a list", "a string", …).
    NotMapping(&'static str),
    /// What the YAML library says (in `message`).
    Yaml,
}

/// Splits front matter from `text`, returning it (or why it is unusable) and where the body starts.
///
/// Front matter exists only when the first line is `---` and a later line is `---` or `...`;
/// trailing blanks and CRLF are tolerated on both, and a BOM before the first fence is skipped.
/// Without a closing fence there is no front matter, because a thematic break at the top of a
/// Markdown document is legal; for the same reason, and as pandoc does, an opening fence followed
/// by a blank line is a thematic break, not front matter. An empty block is an empty mapping.
/// When the block is malformed the body still starts after the closing fence, so the header lines
/// are not re-read as body.
pub fn split_front_matter(text: &str) -> (Option<FrontMatter>, Option<FrontMatterError>, usize) {
    let Some(block) = find_block(text) else {
        return (None, None, 0);
    };
    let yaml = &text[block.yaml.clone()];
    let first_yaml_line = line_column(text, block.yaml.start).0;
    match check_bounds(yaml).and_then(|()| parse(yaml, first_yaml_line)) {
        Ok(value) => (
            Some(FrontMatter {
                value,
                range: block.yaml,
            }),
            None,
            block.body_start,
        ),
        Err((offset, problem, message)) => {
            let (line, column) = line_column(text, block.yaml.start + offset);
            let error = FrontMatterError {
                message,
                line,
                column,
                problem,
            };
            (None, Some(error), block.body_start)
        }
    }
}

/// Refuses YAML that would be too costly to parse, with the offset to report.
fn check_bounds(yaml: &str) -> Result<(), (usize, FrontMatterProblem, String)> {
    if yaml.len() > MAX_FRONT_MATTER_BYTES {
        return Err((
            0,
            FrontMatterProblem::TooLong {
                bytes: yaml.len(),
                max: MAX_FRONT_MATTER_BYTES,
            },
            format!(
                "front matter is {} bytes long; at most {MAX_FRONT_MATTER_BYTES} are accepted",
                yaml.len()
            ),
        ));
    }
    if let Some(at) = crate::yaml_depth::too_deep(yaml) {
        return Err((
            at,
            FrontMatterProblem::TooDeep {
                max: MAX_FLOW_DEPTH,
            },
            format!("front matter is nested more than {MAX_FLOW_DEPTH} levels deep"),
        ));
    }
    Ok(())
}

/// Parses the YAML into a mapping; an error carries its byte offset in `yaml`.
fn parse(
    yaml: &str,
    first_yaml_line: usize,
) -> Result<Mapping, (usize, FrontMatterProblem, String)> {
    let parsed: Result<Value, _> = serde_yaml_ng::from_str(yaml);
    match parsed {
        Ok(Value::Mapping(value)) => Ok(value),
        // Only blanks or comments between the fences: nothing is declared, which is not an error.
        Ok(Value::Null) => Ok(Mapping::new()),
        Ok(other) => {
            let first_content = yaml.len() - yaml.trim_start().len();
            Err((
                first_content,
                FrontMatterProblem::NotMapping(describe(&other)),
                format!(
                    "front matter must be a mapping of keys to values, not {}",
                    describe(&other)
                ),
            ))
        }
        Err(err) => {
            let offset = err.location().map_or(0, |loc| loc.index());
            let message = relocate_marks(&err.to_string(), first_yaml_line.saturating_sub(1));
            Err((offset, FrontMatterProblem::Yaml, message))
        }
    }
}

struct Block {
    yaml: Range<usize>,
    body_start: usize,
}

fn find_block(text: &str) -> Option<Block> {
    let start = if text.starts_with('\u{feff}') {
        '\u{feff}'.len_utf8()
    } else {
        0
    };
    let mut lines = lines_from(text, start);
    let opening = lines.next()?;
    if !is_fence(opening.content, "---") || opening.end == opening.content_end {
        return None;
    }
    let mut lines = lines.peekable();
    if lines.peek()?.content.trim().is_empty() {
        return None;
    }
    lines
        .find(|line| is_fence(line.content, "---") || is_fence(line.content, "..."))
        .map(|closing| Block {
            yaml: opening.end..closing.start,
            body_start: closing.end,
        })
}

struct Line<'a> {
    start: usize,
    /// The line without its terminator.
    content: &'a str,
    content_end: usize,
    /// Where the next line starts (after `\n` or `\r\n`).
    end: usize,
}

fn lines_from(text: &str, from: usize) -> impl Iterator<Item = Line<'_>> {
    let mut start = from;
    text.get(from..)
        .unwrap_or_default()
        .split_inclusive('\n')
        .map(move |piece| {
            let content = piece.strip_suffix('\n').unwrap_or(piece);
            let content = content.strip_suffix('\r').unwrap_or(content);
            let line = Line {
                start,
                content,
                content_end: start + content.len(),
                end: start + piece.len(),
            };
            start = line.end;
            line
        })
}

fn is_fence(content: &str, fence: &str) -> bool {
    content.trim_end_matches([' ', '\t', '\r']) == fence
}

/// The YAML parser writes positions relative to the YAML it was given. The first one is the
/// error's own position, which the caller reports in file coordinates, so it is dropped; any
/// further one (where the construct that failed began) is shifted to file lines. Columns need no
/// shift because the YAML starts at the beginning of a line.
fn relocate_marks(message: &str, line_shift: usize) -> String {
    static MARK: LazyLock<Option<Regex>> =
        LazyLock::new(|| Regex::new(r" at line (\d+) column (\d+)").ok());
    let Some(mark) = MARK.as_ref() else {
        return message.to_owned();
    };
    let mut seen_first = false;
    mark.replace_all(message, |caps: &Captures<'_>| {
        if !seen_first {
            seen_first = true;
            return String::new();
        }
        match caps[1].parse::<usize>() {
            Ok(line) => format!(
                " at line {} column {}",
                line.saturating_add(line_shift),
                &caps[2]
            ),
            Err(_) => caps[0].to_owned(),
        }
    })
    .into_owned()
}

fn describe(value: &Value) -> &'static str {
    match value {
        Value::Null => "nothing",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Sequence(_) => "a list",
        Value::Mapping(_) => "a mapping",
        Value::Tagged(_) => "a tagged value",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(value: &Mapping, name: &str) -> Option<Value> {
        value.get(name).cloned()
    }

    #[test]
    fn valid_front_matter() {
        let text = "---\nkind: protocol\nномер: 5\n---\n# ПРОТОКОЛ\n";
        let (front, error, body_start) = split_front_matter(text);
        let front = front.unwrap();
        assert!(error.is_none());
        assert_eq!(&text[body_start..], "# ПРОТОКОЛ\n");
        assert_eq!(&text[front.range.clone()], "kind: protocol\nномер: 5\n");
        assert_eq!(key(&front.value, "kind"), Some(Value::from("protocol")));
        assert_eq!(key(&front.value, "номер"), Some(Value::from(5)));
    }

    #[test]
    fn crlf_trailing_blanks_and_dots_closing() {
        let text = "---  \r\ndate: 2026-03-05\r\n... \t\r\nБody\r\n";
        let (front, error, body_start) = split_front_matter(text);
        assert!(error.is_none());
        let front = front.unwrap();
        assert_eq!(key(&front.value, "date"), Some(Value::from("2026-03-05")));
        assert_eq!(&text[body_start..], "Бody\r\n");
        assert_eq!(&text[front.range], "date: 2026-03-05\r\n");
    }

    #[test]
    fn bom_before_the_fence_is_skipped() {
        let text = "\u{feff}---\na: 1\n---\nbody";
        let (front, _, body_start) = split_front_matter(text);
        assert!(front.is_some());
        assert_eq!(&text[body_start..], "body");
    }

    #[test]
    fn closing_fence_at_end_of_file() {
        let text = "---\r\na: 1\r\n---";
        let (front, error, body_start) = split_front_matter(text);
        assert!(front.is_some() && error.is_none());
        assert_eq!(body_start, text.len());
    }

    #[test]
    fn empty_block_is_an_empty_mapping() {
        for text in ["---\n---\nbody", "---\n# only a comment\n\n---\nbody"] {
            let (front, error, body_start) = split_front_matter(text);
            assert!(error.is_none());
            assert!(front.unwrap().value.is_empty());
            assert_eq!(&text[body_start..], "body");
        }
    }

    #[test]
    fn invalid_yaml_is_located_in_file_coordinates() {
        let text = "---\ntitle: x\n  bad: y\n---\nbody\n";
        let (front, error, body_start) = split_front_matter(text);
        assert!(front.is_none());
        let error = error.unwrap();
        assert_eq!((error.line, error.column), (3, 6));
        assert!(!error.message.contains("line"), "{}", error.message);
        assert!(
            error.message.contains("mapping values"),
            "{}",
            error.message
        );
        assert_eq!(error.to_string(), format!("3:6: {}", error.message));
        assert_eq!(&text[body_start..], "body\n");
    }

    #[test]
    fn error_column_counts_characters() {
        let text = "---\r\nномер: 5\r\nключ: «a»: b\r\n---\r\n";
        let error = split_front_matter(text).1.unwrap();
        assert_eq!((error.line, error.column), (3, 10));
    }

    #[test]
    fn secondary_marks_are_shifted_to_file_lines() {
        let text = "---\na: 1\nx: 'abc\n---\nbody";
        let (_, error, body_start) = split_front_matter(text);
        let error = error.unwrap();
        assert_eq!((error.line, error.column), (4, 1));
        assert!(
            error
                .message
                .ends_with("while scanning a quoted scalar at line 3 column 4"),
            "{}",
            error.message
        );
        assert_eq!(&text[body_start..], "body");
    }

    #[test]
    fn duplicate_keys_are_an_error() {
        let (front, error, _) = split_front_matter("---\na: 1\na: 2\n---\n");
        assert!(front.is_none());
        assert!(error.unwrap().message.contains("duplicate"));
    }

    #[test]
    fn not_a_mapping_is_an_error() {
        for (text, what) in [
            ("---\n- a\n- b\n---\nbody", "a list"),
            ("---\n  just text\n---\nbody", "a string"),
            ("---\n42\n---\nbody", "a number"),
        ] {
            let (front, error, body_start) = split_front_matter(text);
            assert!(front.is_none());
            let error = error.unwrap();
            assert!(error.message.contains(what), "{}", error.message);
            assert_eq!(&text[body_start..], "body");
            assert!(error.line >= 2);
        }
        let error = split_front_matter("---\n# note\n  just text\n---\n")
            .1
            .unwrap();
        assert_eq!((error.line, error.column), (2, 1));
        let error = split_front_matter("---\n  just text\n---\n").1.unwrap();
        assert_eq!((error.line, error.column), (2, 3));
    }

    #[test]
    fn unclosed_or_absent_front_matter() {
        for text in [
            "",
            "---",
            "---\n",
            "---\na: 1\n",
            "---\n\nТекст после разделителя\n",
            "----\na: 1\n---\n",
            " ---\na: 1\n---\n",
            "text\n---\na: 1\n---\n",
            "--- a\n---\n",
            "---\n\nПРОТОКОЛ № 5\n\n---\nТекст\n",
            "---\r\n  \r\na: 1\r\n---\r\n",
        ] {
            assert_eq!(split_front_matter(text), (None, None, 0), "{text:?}");
        }
    }

    #[test]
    fn deep_flow_nesting_is_refused_before_parsing() {
        let text = format!("---\na: {}\n---\nbody", "[".repeat(60_000));
        let (front, error, body_start) = split_front_matter(&text);
        assert!(front.is_none());
        let error = error.unwrap();
        assert!(error.message.contains("nested"), "{}", error.message);
        assert_eq!((error.line, error.column), (2, 4 + MAX_FLOW_DEPTH));
        assert_eq!(&text[body_start..], "body");

        let ok = format!("---\na: {}1{}\n---\n", "[".repeat(20), "]".repeat(20));
        assert!(split_front_matter(&ok).0.is_some());
    }

    #[test]
    fn deep_block_nesting_is_an_error_not_a_crash() {
        let text = format!("---\n{}x\n---\n", "- ".repeat(30_000));
        let (front, error, _) = split_front_matter(&text);
        assert!(front.is_none());
        assert!(error.unwrap().message.contains("recursion limit"));
    }

    #[test]
    fn oversized_front_matter_is_refused() {
        let yaml: String = (0..MAX_FRONT_MATTER_BYTES / 8)
            .map(|i| format!("k{i}: v\n"))
            .collect();
        let text = format!("---\n{yaml}---\nbody");
        let (front, error, body_start) = split_front_matter(&text);
        assert!(front.is_none());
        let error = error.unwrap();
        assert!(error.message.contains("bytes long"), "{}", error.message);
        assert_eq!((error.line, error.column), (2, 1));
        assert_eq!(&text[body_start..], "body");
    }

    #[test]
    fn alias_bombs_are_rejected() {
        let mut yaml = String::from("a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
        for i in 1..12 {
            let prev = format!("*a{}", i - 1);
            yaml.push_str(&format!("a{i}: &a{i} [{}]\n", vec![prev; 10].join(", ")));
        }
        let text = format!("---\n{yaml}---\n");
        let (front, error, _) = split_front_matter(&text);
        assert!(front.is_none());
        assert!(error.is_some());
    }

    #[test]
    fn line_column_clamps_and_respects_char_boundaries() {
        assert_eq!(line_column("аб\nв", 1), (1, 1));
        assert_eq!(line_column("аб\nв", 5), (2, 1));
        assert_eq!(line_column("аб\nв", 100), (2, 2));
    }
}
