//! A bound on how deeply YAML that hattama reads may nest `[` and `{`. The YAML scanner's time
//! grows with the square of the flow nesting depth (64k `[` in 128 KB took a minute), and the
//! parser gives up at this depth anyway, so deeper input is refused before it is scanned: front
//! matter, `hattama.yml` and rule packs alike.

/// The deepest flow nesting accepted.
pub const MAX_FLOW_DEPTH: usize = 128;

/// The byte offset of the bracket that goes deeper than [`MAX_FLOW_DEPTH`], if one does.
///
/// Brackets inside quoted strings and comments are counted too: overcounting only matters for
/// YAML that would be absurd as configuration or a document header.
pub fn too_deep(yaml: &str) -> Option<usize> {
    let mut depth = 0usize;
    for (at, b) in yaml.bytes().enumerate() {
        match b {
            b'[' | b'{' => depth += 1,
            b']' | b'}' => depth = depth.saturating_sub(1),
            _ => continue,
        }
        if depth > MAX_FLOW_DEPTH {
            return Some(at);
        }
    }
    None
}

/// 1-based line and character column of a byte offset, lines being ended by `\n`.
pub fn line_column(text: &str, offset: usize) -> (usize, usize) {
    let mut offset = offset.min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    let before = &text[..offset];
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let line = before.bytes().filter(|&b| b == b'\n').count() + 1;
    let column = before[line_start..].chars().count() + 1;
    (line, column)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn depth_is_counted_across_lines_and_closing_brackets() {
        let ok = format!(
            "{}{}",
            "[".repeat(MAX_FLOW_DEPTH),
            "]".repeat(MAX_FLOW_DEPTH)
        );
        assert_eq!(too_deep(&ok), None);
        assert_eq!(too_deep(&format!("a:\n  {ok}\n  {ok}")), None);
        let deep = format!("a: {}", "{".repeat(MAX_FLOW_DEPTH + 5));
        assert_eq!(too_deep(&deep), Some(3 + MAX_FLOW_DEPTH));
        assert_eq!(line_column("аб\nв", 5), (2, 1));
    }
}
