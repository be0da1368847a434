//! Inline suppressions: HTML comments in a document that silence chosen rules on a line, a block
//! or the whole file. HTML comments because they are invisible once Markdown is rendered and
//! still plain, readable text in a `.txt` export.

use crate::finding::{Finding, Position, Severity};
use crate::lang::Lang;
use crate::messages;
use crate::pack::Pack;
use crate::parse::Document;

const PREFIX: &str = "hattama-";
const UNUSED: &str = "hattama/unused-suppression";
const BAD: &str = "hattama/bad-suppression";

/// Where a grant stops when no `hattama-enable` ever closes it.
const TO_END: u32 = u32::MAX;

/// Lines on which one rule (or every rule but some) is silenced.
#[derive(Debug, Clone)]
struct Grant {
    /// Full rule id; `None` silences every rule but those in `except`.
    rule: Option<String>,
    except: Vec<String>,
    from: u32,
    to: u32,
}

impl Grant {
    fn covers(&self, finding: &Finding) -> bool {
        let line = finding.start.line;
        let rule_matches = match &self.rule {
            Some(rule) => *rule == finding.rule,
            None => !self.except.contains(&finding.rule),
        };
        rule_matches && self.from <= line && line <= self.to
    }
}

/// One comment that silences something; it is reported when it silenced nothing.
#[derive(Debug)]
struct Directive {
    at: Position,
    text: String,
    grants: Vec<Grant>,
    used: bool,
}

/// The suppressions of one document and the problems found while reading them.
#[derive(Debug, Default)]
pub struct Suppressions {
    directives: Vec<Directive>,
    problems: Vec<Finding>,
}

impl Suppressions {
    /// Reads every `<!-- hattama-… -->` comment in the document's body.
    pub fn scan(document: &Document, pack: &Pack, lang: Lang) -> Suppressions {
        let mut scan = Suppressions::default();
        // Blocks still open, as (directive, grant) indices, so an enable can close them.
        let mut open: Vec<(usize, usize)> = Vec::new();
        for comment in comments(&document.source, document.body_start) {
            let at = document.index.position(&document.source, comment.start);
            let end_line = document.index.position(&document.source, comment.end).line;
            let text = quote(comment.body);
            let parsed = parse_comment(comment.body);
            // Unclosed, it would take every later word for a rule name: one finding instead.
            if !comment.closed && parsed != Parsed::Foreign {
                let message = messages::unclosed_suppression(lang, &text);
                scan.problem(document, at, BAD, message);
                continue;
            }
            let (form, names) = match parsed {
                Parsed::Foreign => continue,
                Parsed::Malformed => {
                    scan.problem(document, at, BAD, messages::bad_suppression(lang, &text));
                    continue;
                }
                Parsed::Directive(form, names) => (form, names),
            };
            let rules = scan.resolve(document, at, pack, lang, &names);
            // Every name unknown: silencing everything instead would hide far more than meant.
            if rules.as_ref().is_some_and(Vec::is_empty) {
                continue;
            }
            // Naming only rules the configuration turned off, it has nothing to silence, and
            // that is not the document's fault: never reported as unused.
            let moot = rules.as_ref().is_some_and(|rules| {
                rules
                    .iter()
                    .all(|id| pack.rule(id).is_some_and(|rule| !rule.enabled))
            });
            let line = at.line;
            let span = match form {
                Form::NextLine => {
                    let target = next_content_line(document, end_line);
                    Some((target, target))
                }
                Form::Block => Some((line, TO_END)),
                Form::File => Some((1, TO_END)),
                Form::Enable => None,
            };
            let Some((from, to)) = span else {
                if !scan.close(&mut open, rules.as_deref(), line) {
                    scan.directives.push(Directive {
                        at,
                        text,
                        grants: Vec::new(),
                        used: false,
                    });
                }
                continue;
            };
            let grants: Vec<Grant> = match rules {
                None => vec![Grant {
                    rule: None,
                    except: Vec::new(),
                    from,
                    to,
                }],
                Some(rules) => rules
                    .into_iter()
                    .map(|rule| Grant {
                        rule: Some(rule),
                        except: Vec::new(),
                        from,
                        to,
                    })
                    .collect(),
            };
            if matches!(form, Form::Block) {
                let index = scan.directives.len();
                open.extend((0..grants.len()).map(|g| (index, g)));
            }
            scan.directives.push(Directive {
                at,
                text,
                grants,
                used: moot,
            });
        }
        scan
    }

    /// Full ids of the named rules (`None` for all); unknown names are reported and dropped.
    fn resolve(
        &mut self,
        document: &Document,
        at: Position,
        pack: &Pack,
        lang: Lang,
        names: &[&str],
    ) -> Option<Vec<String>> {
        if names.is_empty() || names.contains(&"all") {
            return None;
        }
        let mut rules = Vec::new();
        for name in names {
            match pack.rule(name) {
                Some(rule) => rules.push(rule.id.clone()),
                None => self.problem(document, at, BAD, messages::unknown_rule(lang, name)),
            }
        }
        Some(rules)
    }

    /// Ends open blocks at `line`; says whether there was anything to end.
    fn close(
        &mut self,
        open: &mut Vec<(usize, usize)>,
        rules: Option<&[String]>,
        line: u32,
    ) -> bool {
        let mut closed = false;
        let mut still_open = Vec::new();
        for (d, g) in open.drain(..) {
            let grant = &mut self.directives[d].grants[g];
            match (rules, &grant.rule) {
                (None, _) => {
                    grant.to = line;
                    closed = true;
                }
                (Some(rules), Some(rule)) if rules.contains(rule) => {
                    grant.to = line;
                    closed = true;
                }
                (Some(_), Some(_)) => still_open.push((d, g)),
                // Enabling some rules inside a block of all: the rest stay silenced.
                (Some(rules), None) => {
                    let mut rest = grant.clone();
                    grant.to = line;
                    rest.from = line + 1;
                    rest.except.extend(rules.iter().cloned());
                    let grants = &mut self.directives[d].grants;
                    grants.push(rest);
                    still_open.push((d, grants.len() - 1));
                    closed = true;
                }
            }
        }
        *open = still_open;
        closed
    }

    fn problem(&mut self, document: &Document, at: Position, rule: &str, message: String) {
        let severity = if rule == UNUSED {
            Severity::Info
        } else {
            Severity::Warning
        };
        self.problems.push(Finding {
            rule: rule.to_string(),
            severity,
            path: document.path.clone(),
            start: at,
            end: at,
            message,
            fix: None,
            snippet: None,
            related: Vec::new(),
            facts: Default::default(),
            tabled: None,
        });
    }

    /// Drops the findings a suppression covers, then adds the suppressions' own problems.
    pub fn apply(
        mut self,
        document: &Document,
        lang: Lang,
        findings: Vec<Finding>,
    ) -> Vec<Finding> {
        let mut kept = Vec::with_capacity(findings.len());
        for finding in findings {
            // The engine's own problems are about reading the file, not its content.
            if finding.rule.starts_with("hattama/") {
                kept.push(finding);
                continue;
            }
            let mut silenced = false;
            for directive in &mut self.directives {
                if directive.grants.iter().any(|g| g.covers(&finding)) {
                    directive.used = true;
                    silenced = true;
                }
            }
            if !silenced {
                kept.push(finding);
            }
        }
        let unused: Vec<(Position, String)> = self
            .directives
            .iter()
            .filter(|d| !d.used)
            .map(|d| (d.at, d.text.clone()))
            .collect();
        for (at, text) in unused {
            let message = messages::unused_suppression(lang, &text);
            self.problem(document, at, UNUSED, message);
        }
        kept.extend(self.problems);
        kept
    }
}

/// Applies the document's suppressions to the findings the rules produced for it.
pub fn apply(document: &Document, pack: &Pack, lang: Lang, findings: Vec<Finding>) -> Vec<Finding> {
    let mut kept = Suppressions::scan(document, pack, lang).apply(document, lang, findings);
    // The suppressions' own findings quote the comment, whose reason may name a child.
    for finding in kept
        .iter_mut()
        .filter(|f| f.rule == UNUSED || f.rule == BAD)
    {
        finding.message = pack.masker.mask(&finding.message);
    }
    kept
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Form {
    NextLine,
    Block,
    Enable,
    File,
}

struct Comment<'a> {
    start: usize,
    end: usize,
    body: &'a str,
    /// False when no `-->` follows: the comment runs to the end of the document.
    closed: bool,
}

/// The most characters of a comment a message quotes.
const QUOTE_CHARS: usize = 80;

/// A comment as a message quotes it: on one line, cut to [`QUOTE_CHARS`] characters.
fn quote(body: &str) -> String {
    let mut words = body.split_whitespace();
    let mut quoted = String::new();
    let mut chars = 0;
    for word in words.by_ref() {
        let count = word.chars().count() + usize::from(!quoted.is_empty());
        if chars + count > QUOTE_CHARS {
            quoted.push_str(if quoted.is_empty() { "" } else { " " });
            quoted.extend(word.chars().take(QUOTE_CHARS.saturating_sub(chars + 1)));
            quoted.push('…');
            return quoted;
        }
        if !quoted.is_empty() {
            quoted.push(' ');
        }
        quoted.push_str(word);
        chars += count;
    }
    quoted
}

/// HTML comments from `from` on; an unclosed one runs to the end, as browsers read it.
fn comments(source: &str, from: usize) -> Vec<Comment<'_>> {
    let mut found = Vec::new();
    let mut at = from.min(source.len());
    while let Some(open) = source.get(at..).and_then(|rest| rest.find("<!--")) {
        let start = at + open;
        let body_start = start + 4;
        let (body_end, end, closed) = match source[body_start..].find("-->") {
            Some(close) => (body_start + close, body_start + close + 3, true),
            None => (source.len(), source.len(), false),
        };
        found.push(Comment {
            start,
            end,
            body: &source[body_start..body_end],
            closed,
        });
        at = end;
    }
    found
}

#[derive(Debug, PartialEq, Eq)]
enum Parsed<'a> {
    /// An ordinary comment, none of hattama's business.
    Foreign,
    /// Meant for hattama, but none of the forms it knows.
    Malformed,
    Directive(Form, Vec<&'a str>),
}

fn parse_comment(body: &str) -> Parsed<'_> {
    let body = body.trim();
    if !body.starts_with(PREFIX) {
        return Parsed::Foreign;
    }
    // The reason follows ` -- `; rule ids never hold a double hyphen, so the first one splits.
    let head = body.split_once("--").map_or(body, |(head, _)| head);
    let mut words = head.split(|c: char| c.is_whitespace() || c == ',');
    let keyword = words.next().unwrap_or("");
    let form = match keyword {
        "hattama-disable-next-line" => Form::NextLine,
        "hattama-disable" => Form::Block,
        "hattama-enable" => Form::Enable,
        "hattama-disable-file" => Form::File,
        _ => return Parsed::Malformed,
    };
    let names: Vec<&str> = words.filter(|w| !w.is_empty()).collect();
    Parsed::Directive(form, names)
}

/// The first line after `line` (1-based) with anything on it; past the end if there is none.
fn next_content_line(document: &Document, line: u32) -> u32 {
    let count = document.index.line_count();
    (line as usize..count)
        .find(|&l| {
            !document
                .index
                .line_text(&document.source, l)
                .trim()
                .is_empty()
        })
        .map_or(TO_END, |l| l as u32 + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn comments_are_found_with_their_offsets() {
        let text = "a <!-- one --> b\n<!-- two";
        let found = comments(text, 0);
        assert_eq!(found.len(), 2);
        assert_eq!(found[0].body, " one ");
        assert_eq!(&text[found[0].start..found[0].end], "<!-- one -->");
        assert_eq!(found[1].body, " two");
        assert!(found[0].closed && !found[1].closed);
        assert!(comments(text, 15).len() == 1);
    }

    #[test]
    fn quotes_are_one_bounded_line() {
        assert_eq!(quote(" hattama-disable a\n  b "), "hattama-disable a b");
        let long = quote(&"слово ".repeat(100));
        assert_eq!(long.chars().count(), QUOTE_CHARS + 1);
        assert!(long.ends_with('…') && !long.contains('\n'));
        assert_eq!(quote(&"x".repeat(200)).chars().count(), QUOTE_CHARS);
    }

    #[test]
    fn the_forms_and_their_rules_are_read() {
        assert_eq!(parse_comment(" a note for the reader "), Parsed::Foreign);
        assert_eq!(
            parse_comment(" hattama-disable-next-line a, kz-kdn/b -- agreed with the chair "),
            Parsed::Directive(Form::NextLine, vec!["a", "kz-kdn/b"])
        );
        assert_eq!(
            parse_comment("hattama-disable-file"),
            Parsed::Directive(Form::File, vec![])
        );
        assert_eq!(
            parse_comment("hattama-enable a b"),
            Parsed::Directive(Form::Enable, vec!["a", "b"])
        );
        assert_eq!(parse_comment("hattama-disable-line a"), Parsed::Malformed);
        assert_eq!(parse_comment("hattama-ignore"), Parsed::Malformed);
    }

    #[test]
    fn a_grant_covers_its_lines_and_rules_only() {
        let finding = |rule: &str, line: u32| Finding {
            rule: rule.into(),
            severity: Severity::Error,
            path: "x.md".into(),
            start: Position { line, column: 1 },
            end: Position { line, column: 1 },
            message: String::new(),
            fix: None,
            snippet: None,
            related: Vec::new(),
            facts: Default::default(),
            tabled: None,
        };
        let all_but = Grant {
            rule: None,
            except: vec!["p/a".into()],
            from: 3,
            to: 5,
        };
        assert!(all_but.covers(&finding("p/b", 3)));
        assert!(all_but.covers(&finding("p/b", 5)));
        assert!(!all_but.covers(&finding("p/b", 6)));
        assert!(!all_but.covers(&finding("p/a", 4)));
        let one = Grant {
            rule: Some("p/a".into()),
            except: Vec::new(),
            from: 1,
            to: TO_END,
        };
        assert!(one.covers(&finding("p/a", 900)));
        assert!(!one.covers(&finding("p/b", 900)));
    }
}
