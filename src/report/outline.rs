//! A message template as the rule catalogue shows it: placeholders as `…`, statements hidden,
//! and each `{% if %}…{% elif %}…{% else %}…{% endif %}` branch as a message of its own.
//!
//! A rule like `protocol-numbering` says one of two things ("number 3 is used twice" or
//! "numbers 2, 4 are missing"); printing its template with the tags dropped ran the two
//! sentences together. Only the literal text matters here, so a small reader of the tags is
//! enough: minijinja parses the same templates for real when a finding is rendered.

/// Most variants a message is shown with: a template that branches many times over is shown
/// by its first ones rather than by every combination.
const MAX_VARIANTS: usize = 8;

/// Each message a template can give, placeholders as `…`, in the template's order, without
/// repeats or empty ones. A template without alternatives gives one.
pub fn variants(template: &str) -> Vec<String> {
    let tokens = tokenize(template);
    let mut at = 0;
    let (nodes, _) = sequence(&tokens, &mut at, &[]);
    let mut shown: Vec<String> = Vec::new();
    for text in expand(&nodes) {
        let text = collapse(&text);
        if !text.is_empty() && !shown.contains(&text) {
            shown.push(text);
        }
    }
    shown
}

/// The template on one line: its variants joined by ` / ` (for one-line places such as a
/// SARIF rule description).
pub fn plain(template: &str) -> String {
    variants(template).join(" / ")
}

#[derive(Debug, Clone, PartialEq)]
enum Token<'a> {
    Text(&'a str),
    /// `{{ … }}`: shown as `…`.
    Placeholder,
    /// `{% keyword … %}`: the keyword.
    Statement(&'a str),
}

fn tokenize(template: &str) -> Vec<Token<'_>> {
    let mut tokens = Vec::new();
    let mut rest = template;
    let mut text_from = 0;
    // Byte offset of `rest` in `template`, to cut text tokens from the original.
    let mut offset = 0;
    while let Some(open) = rest.find('{') {
        let tag = &rest[open..];
        let close = if tag.starts_with("{{") {
            "}}"
        } else if tag.starts_with("{%") {
            "%}"
        } else if tag.starts_with("{#") {
            "#}"
        } else {
            // A lone brace is text.
            offset += open + 1;
            rest = &rest[open + 1..];
            continue;
        };
        let start = offset + open;
        if start > text_from {
            tokens.push(Token::Text(&template[text_from..start]));
        }
        let Some(end) = tag[2..].find(close).map(|at| at + 2) else {
            // An unclosed tag: the rest is not shown (minijinja refuses such a template anyway).
            return tokens;
        };
        let inner = tag[2..end].trim_matches(|c: char| c == '-' || c == '+' || c.is_whitespace());
        match close {
            "}}" => tokens.push(Token::Placeholder),
            "%}" => tokens.push(Token::Statement(
                inner.split_whitespace().next().unwrap_or(""),
            )),
            _ => {}
        }
        let consumed = open + end + close.len();
        offset += consumed;
        text_from = offset;
        rest = &rest[consumed..];
    }
    if text_from < template.len() {
        tokens.push(Token::Text(&template[text_from..]));
    }
    tokens
}

#[derive(Debug, Clone, PartialEq)]
enum Node {
    Text(String),
    /// Alternatives, one of which is said: the branches of an `if` with `elif` or `else`.
    /// An `if` with neither is a single branch, shown inline.
    Choice(Vec<Vec<Node>>),
}

/// Reads nodes until one of `stops` (a statement keyword), which it returns.
fn sequence<'a>(
    tokens: &[Token<'a>],
    at: &mut usize,
    stops: &[&str],
) -> (Vec<Node>, Option<&'a str>) {
    let mut nodes = Vec::new();
    while let Some(token) = tokens.get(*at) {
        *at += 1;
        match token {
            Token::Text(text) => nodes.push(Node::Text((*text).to_string())),
            Token::Placeholder => nodes.push(Node::Text("…".into())),
            Token::Statement(keyword) if stops.contains(keyword) => return (nodes, Some(keyword)),
            Token::Statement("if") => {
                let mut branches = Vec::new();
                loop {
                    let (branch, stop) = sequence(tokens, at, &["elif", "else", "endif"]);
                    branches.push(branch);
                    if stop != Some("elif") && stop != Some("else") {
                        break;
                    }
                }
                nodes.push(Node::Choice(branches));
            }
            Token::Statement("for") => {
                // A loop's body is shown once.
                let (body, _) = sequence(tokens, at, &["endfor"]);
                nodes.extend(body);
            }
            // `set`, `endset`, filters, macros: nothing a reader sees.
            Token::Statement(_) => {}
        }
    }
    (nodes, None)
}

/// Every text the nodes can give, at most [`MAX_VARIANTS`].
fn expand(nodes: &[Node]) -> Vec<String> {
    let mut texts = vec![String::new()];
    for node in nodes {
        match node {
            Node::Text(text) => texts.iter_mut().for_each(|t| t.push_str(text)),
            Node::Choice(branches) => {
                let endings: Vec<String> = branches.iter().flat_map(|b| expand(b)).collect();
                texts = texts
                    .iter()
                    .flat_map(|start| endings.iter().map(move |end| format!("{start}{end}")))
                    .take(MAX_VARIANTS)
                    .collect();
            }
        }
    }
    texts
}

/// Runs of white space as one space, ends trimmed: a branch's text often starts or ends with
/// the space that stood next to its tag.
fn collapse(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn placeholders_are_shown_and_statements_hidden() {
        assert_eq!(
            plain("{% set n = 1 %}Нет {{ n }} из {{ total }}"),
            "Нет … из …"
        );
        assert_eq!(plain("braces { stay }"), "braces { stay }");
        assert_eq!(plain("{# a note #}Text"), "Text");
    }

    #[test]
    fn each_branch_is_a_message_of_its_own() {
        let template = "{% if problem == \"duplicate\" %}Protocol number {{ number }} is used \
                        twice in {{ year }}{% else %}Protocol numbers are missing in {{ year }}: \
                        {{ missing }}{% endif %}";
        assert_eq!(
            variants(template),
            [
                "Protocol number … is used twice in …",
                "Protocol numbers are missing in …: …"
            ]
        );
        assert_eq!(
            variants("A{% if x %}B{% elif y %}C{% else %}D{% endif %}E"),
            ["ABE", "ACE", "ADE"]
        );
    }

    #[test]
    fn an_if_without_alternatives_is_shown_inline() {
        assert_eq!(
            variants("Нет {% if n %}({{ n }}){% endif %} решения"),
            ["Нет (…) решения"]
        );
    }

    #[test]
    fn nested_branches_multiply_and_repeats_are_dropped() {
        let template = "{% if a %}{% if b %}X{% else %}Y{% endif %}{% else %}X{% endif %}";
        assert_eq!(variants(template), ["X", "Y"]);
    }

    #[test]
    fn whitespace_control_and_loops_read_as_text() {
        assert_eq!(
            variants("Missing:{%- for m in months %} {{ m }}{% endfor %}"),
            ["Missing: …"]
        );
    }

    #[test]
    fn an_unclosed_tag_hides_the_rest() {
        assert_eq!(variants("Text {{ oops"), ["Text"]);
    }
}
