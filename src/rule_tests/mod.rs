//! `hattama test-rules DIR`: rule fixtures that state their expected findings inline, as HTML
//! comments, so a rule author sees the document and what the pack must say about it together
//! (like `ast-grep test` or `semgrep --test`, in the document itself).
//!
//! - `<!-- expect: decision-deadline -->` at the end of a line: that line has a finding of the
//!   rule (its start line).
//! - The same comment on a line of its own: the next line with anything on it (blank lines and
//!   further expect comments are skipped), as `hattama-disable-next-line` reads it.
//! - `<!-- expect-file: plan-year -->` anywhere: a finding of the rule anywhere in the file, for
//!   the findings about a whole document (they point at its first line).
//!
//! Several ids go in one comment, separated by commas or spaces, with or without the pack's
//! prefix (`kz-kdn/…`); the engine's own rules are named in full (`hattama/unused-suppression`);
//! a reason may follow ` -- `. An id listed twice expects two findings. The file is checked with
//! its expect comments taken out (own-line ones with their line), so no rule, suppression or
//! line number sees them; findings are reported at their lines in the annotated file. Every
//! finding must be expected and every expectation found.

pub mod audit_fixture;

use crate::engine::{self, Settings};
use crate::finding::Finding;
use crate::lang::Lang;
use crate::messages;
use crate::pack::Pack;
use crate::privacy::{Mask, Masked, Masker};
use crate::read;
use crate::rulebook::Rulebook;
use rayon::prelude::*;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

const LINE_FORM: &str = "expect:";
const FILE_FORM: &str = "expect-file:";

/// One expected finding.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Expectation {
    /// Full rule id.
    pub rule: String,
    /// The line the finding must start on; `None` for anywhere in the file (`expect-file`).
    pub line: Option<u32>,
    /// The line of the comment that states it.
    pub comment_line: u32,
}

/// A fixture read for testing: the text the rules see, and what they must find in it.
#[derive(Debug, Default)]
pub struct Annotated {
    /// The file without its expect comments.
    pub text: String,
    /// For each line of `text` (0-based), its line number in the annotated file.
    pub lines: Vec<u32>,
    pub expectations: Vec<Expectation>,
    /// Comments that cannot be used: (line, what is wrong).
    pub problems: Vec<(u32, CommentProblem)>,
}

impl Annotated {
    /// The annotated file's line for a line of `text` (1-based both).
    pub fn original_line(&self, line: u32) -> u32 {
        match line.checked_sub(1) {
            Some(index) => self.lines.get(index as usize).copied().unwrap_or(line),
            None => line,
        }
    }
}

/// What is wrong with an expect comment; `message` says it in a language.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub enum CommentProblem {
    /// `<!-- expect: …` with no `-->` on the line.
    Unclosed,
    /// Text after an expect comment on its line.
    NotAtEnd,
    /// `expect` followed by something else than `:` or `-file:` (the comment's text).
    NotUnderstood(String),
    /// `expect:` with no rule (the comment's text).
    NamesNoRule(String),
    /// A rule the loaded packs do not have.
    UnknownRule(String),
    /// An own-line comment at the end of the file (the rule it expects).
    NoLineFollows(String),
    /// An audit fixture's `expect.yaml` that cannot be read.
    ExpectUnreadable(std::io::ErrorKind),
    /// An `expect.yaml` that is not what the file must hold (the YAML reader's words).
    ExpectInvalid(String),
}

impl CommentProblem {
    pub fn message(&self, lang: Lang) -> String {
        use messages::rule_tests as text;
        match self {
            CommentProblem::Unclosed => text::unclosed(lang),
            CommentProblem::NotAtEnd => text::not_at_end(lang),
            CommentProblem::NotUnderstood(body) => text::not_understood(lang, body),
            CommentProblem::NamesNoRule(body) => text::names_no_rule(lang, body),
            CommentProblem::UnknownRule(name) => text::unknown_rule(lang, name),
            CommentProblem::NoLineFollows(rule) => text::no_line_follows(lang, rule),
            CommentProblem::ExpectUnreadable(kind) => text::expect_unreadable(
                lang,
                &messages::data::io_error(lang, &std::io::Error::from(*kind)),
            ),
            CommentProblem::ExpectInvalid(error) => {
                let (entry, error) = crate::serde_error::SerdeError::with_path(error);
                let reason = error.message(lang);
                let reason = match entry {
                    Some(entry) => format!("{entry}: {reason}"),
                    None => reason,
                };
                text::expect_invalid(lang, &reason)
            }
        }
    }
}

/// One expect comment found on a line.
struct Found<'a> {
    start: usize,
    end: usize,
    whole_file: bool,
    names: Vec<&'a str>,
}

/// Reads the expect comments of `text` and takes them out. Ids are resolved against `pack`.
pub fn annotate(text: &str, pack: &Pack) -> Annotated {
    let mut annotated = Annotated::default();
    // Expectations of own-line comments, waiting for the next line with content.
    let mut pending: Vec<Expectation> = Vec::new();
    for (index, raw) in text.split_inclusive('\n').enumerate() {
        let number = index as u32 + 1;
        let content = raw.trim_end_matches(['\n', '\r']);
        let ending = &raw[content.len()..];
        let (found, problem) = expect_comments(content);
        if let Some(problem) = problem {
            annotated.problems.push((number, problem));
        }
        let Some(first) = found.first() else {
            if !content.trim().is_empty() {
                for mut expectation in pending.drain(..) {
                    expectation.line = Some(number);
                    annotated.expectations.push(expectation);
                }
            }
            annotated.text.push_str(raw);
            annotated.lines.push(number);
            continue;
        };
        let before = &content[..first.start];
        let own_line = before.trim().is_empty();
        for comment in &found {
            let rules = resolve(&comment.names, pack, number, &mut annotated.problems);
            for rule in rules {
                let expectation = Expectation {
                    rule,
                    line: (!comment.whole_file).then_some(number),
                    comment_line: number,
                };
                if own_line && !comment.whole_file {
                    pending.push(expectation);
                } else {
                    annotated.expectations.push(expectation);
                }
            }
        }
        if !own_line {
            // Only the spaces before the comment go with it: a trailing tab is an empty cell
            // of a Word table, part of the document.
            annotated.text.push_str(before.trim_end_matches(' '));
            annotated.text.push_str(ending);
            annotated.lines.push(number);
            for mut expectation in pending.drain(..) {
                expectation.line = Some(number);
                annotated.expectations.push(expectation);
            }
        }
    }
    for expectation in pending {
        annotated.problems.push((
            expectation.comment_line,
            CommentProblem::NoLineFollows(expectation.rule),
        ));
    }
    annotated
}

/// The expect comments of one line (without its ending), in order, and what is wrong with the
/// line's comments if anything: an expect comment must be whole on the line and end it.
fn expect_comments(content: &str) -> (Vec<Found<'_>>, Option<CommentProblem>) {
    let mut found = Vec::new();
    let mut at = 0;
    while let Some(open) = content[at..].find("<!--") {
        let start = at + open;
        let body_start = start + 4;
        let Some(close) = content[body_start..].find("-->") else {
            if is_expect(content[body_start..].trim_start()) {
                return (found, Some(CommentProblem::Unclosed));
            }
            break;
        };
        let end = body_start + close + 3;
        let body = content[body_start..body_start + close].trim();
        at = end;
        let (whole_file, list) = if let Some(list) = body.strip_prefix(FILE_FORM) {
            (true, list)
        } else if let Some(list) = body.strip_prefix(LINE_FORM) {
            (false, list)
        } else if is_expect(body) {
            return (found, Some(CommentProblem::NotUnderstood(body.to_string())));
        } else {
            continue;
        };
        // The reason follows ` -- `; rule ids never hold a double hyphen.
        let list = list.split_once("--").map_or(list, |(ids, _)| ids);
        let names: Vec<&str> = list
            .split(|c: char| c.is_whitespace() || c == ',')
            .filter(|name| !name.is_empty())
            .collect();
        if names.is_empty() {
            return (found, Some(CommentProblem::NamesNoRule(body.to_string())));
        }
        if let Some(previous) = found.last()
            && !content[previous.end..start].trim().is_empty()
        {
            return (found, Some(CommentProblem::NotAtEnd));
        }
        found.push(Found {
            start,
            end,
            whole_file,
            names,
        });
    }
    if let Some(last) = found.last()
        && !content[last.end..].trim().is_empty()
    {
        return (Vec::new(), Some(CommentProblem::NotAtEnd));
    }
    (found, None)
}

/// A comment meant as an expectation: `expect` then `:`, `-` or a space.
fn is_expect(body: &str) -> bool {
    body.strip_prefix("expect")
        .and_then(|rest| rest.chars().next())
        .is_some_and(|c| c == ':' || c == '-' || c.is_whitespace())
}

/// Full ids of the named rules; unknown names are problems.
fn resolve(
    names: &[&str],
    pack: &Pack,
    line: u32,
    problems: &mut Vec<(u32, CommentProblem)>,
) -> Vec<String> {
    let mut rules = Vec::new();
    for name in names {
        if name.starts_with("hattama/") {
            rules.push(name.to_string());
        } else if let Some(rule) = pack.rule(name) {
            rules.push(rule.id.clone());
        } else {
            problems.push((line, CommentProblem::UnknownRule(name.to_string())));
        }
    }
    rules
}

/// What went wrong with one expectation or finding.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub enum MismatchKind {
    /// Expected, not found.
    Missed,
    /// Found, not expected.
    Unexpected,
    /// An expect comment that cannot be used.
    BadComment,
}

#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Mismatch {
    pub path: String,
    pub line: u32,
    pub kind: MismatchKind,
    /// The rule (empty for a bad comment).
    pub rule: String,
    /// A missed `expect-file`: anywhere in the file.
    pub whole_file: bool,
    /// The finding's message, for an unexpected one.
    pub message: String,
    /// What is wrong with a bad comment.
    pub problem: Option<CommentProblem>,
}

impl Mismatch {
    /// An expected finding that did not come.
    pub fn missed(path: String, line: u32, rule: String, whole_file: bool) -> Mismatch {
        Mismatch {
            path,
            line,
            kind: MismatchKind::Missed,
            rule,
            whole_file,
            message: String::new(),
            problem: None,
        }
    }

    /// A finding nothing expected, at its line in `path`.
    pub fn unexpected(path: String, finding: Finding) -> Mismatch {
        Mismatch {
            path,
            line: finding.start.line,
            kind: MismatchKind::Unexpected,
            rule: finding.rule,
            whole_file: false,
            message: finding.message,
            problem: None,
        }
    }

    /// An expectation that cannot be used.
    pub fn bad(path: String, line: u32, problem: CommentProblem) -> Mismatch {
        Mismatch {
            path,
            line,
            kind: MismatchKind::BadComment,
            rule: String::new(),
            whole_file: false,
            message: String::new(),
            problem: Some(problem),
        }
    }
}

/// The outcome of a test run.
#[derive(Debug, Default)]
pub struct Report {
    pub files: usize,
    pub expected: usize,
    pub mismatches: Vec<Mismatch>,
}

impl Mask for Report {
    fn mask_with(&mut self, masker: &Masker) {
        let Report {
            files: _,
            expected: _,
            mismatches,
        } = self;
        mismatches.mask_with(masker);
    }
}

impl Mask for Mismatch {
    fn mask_with(&mut self, masker: &Masker) {
        let Mismatch {
            path,
            line: _,
            kind: _,
            rule,
            whole_file: _,
            message,
            problem,
        } = self;
        path.mask_with(masker);
        rule.mask_with(masker);
        message.mask_with(masker);
        problem.mask_with(masker);
    }
}

impl Mask for CommentProblem {
    /// The comment's own text, which a fixture may have filled with anything.
    fn mask_with(&mut self, masker: &Masker) {
        match self {
            CommentProblem::Unclosed
            | CommentProblem::NotAtEnd
            | CommentProblem::ExpectUnreadable(_) => {}
            CommentProblem::NotUnderstood(text)
            | CommentProblem::NamesNoRule(text)
            | CommentProblem::UnknownRule(text)
            | CommentProblem::NoLineFollows(text)
            | CommentProblem::ExpectInvalid(text) => text.mask_with(masker),
        }
    }
}

impl Report {
    pub fn passed(&self) -> bool {
        self.mismatches.is_empty()
    }

    pub fn count(&self, kind: MismatchKind) -> usize {
        self.mismatches.iter().filter(|m| m.kind == kind).count()
    }
}

/// Why a test run cannot start; `message` says it in a language, `Display` in English.
#[derive(Debug, thiserror::Error)]
#[error("{}", self.message(Lang::En))]
pub enum RuleTestError {
    Missing(PathBuf),
    Empty(PathBuf),
}

impl RuleTestError {
    pub fn message(&self, lang: Lang) -> String {
        match self {
            RuleTestError::Missing(path) => {
                messages::rule_tests::missing(lang, &path.display().to_string())
            }
            RuleTestError::Empty(path) => {
                messages::rule_tests::empty(lang, &path.display().to_string())
            }
        }
    }
}

/// Tests the pack on every document below `paths`: each document on its own by its expect
/// comments, except those in an audit fixture (a folder with `expect.yaml`), which is audited
/// as a whole ([`audit_fixture`]).
pub fn run(
    paths: &[PathBuf],
    rulebook: &Rulebook,
    settings: &Settings,
) -> Result<Report, RuleTestError> {
    if let Some(missing) = paths.iter().find(|p| !p.exists()) {
        return Err(RuleTestError::Missing(missing.clone()));
    }
    let (files, _) = engine::collect(paths, settings);
    if files.is_empty() {
        let named = paths.first().cloned().unwrap_or_default();
        return Err(RuleTestError::Empty(named));
    }
    let folders = audit_fixture::folders(paths);
    let (in_folders, alone): (Vec<PathBuf>, Vec<PathBuf>) = files
        .into_iter()
        .partition(|file| folders.iter().any(|folder| file.starts_with(folder)));
    let mut results: Vec<(usize, Vec<Mismatch>)> = alone
        .par_iter()
        .map(|file| test_file(file, rulebook, settings))
        .collect();
    results.extend(
        folders
            .iter()
            .map(|folder| audit_fixture::test_folder(folder, rulebook, settings)),
    );
    let mut report = Report {
        files: alone.len() + in_folders.len(),
        ..Report::default()
    };
    for (expected, mismatches) in results {
        report.expected += expected;
        report.mismatches.extend(mismatches);
    }
    report.mismatches.sort();
    Ok(report)
}

/// One fixture: how many findings it expects, and the mismatches.
pub fn test_file(path: &Path, rulebook: &Rulebook, settings: &Settings) -> (usize, Vec<Mismatch>) {
    let name = path.display().to_string();
    let source = match read::read_path(path, &settings.limits) {
        Ok(source) => source,
        Err(error) => {
            let finding = engine::read_problem(&name, &error, settings.check.lang);
            return (0, compare(&name, &Annotated::default(), vec![finding]));
        }
    };
    let annotated = annotate(&source.text, &rulebook.pack);
    let stripped = read::from_bytes(annotated.text.as_bytes()).map(|mut stripped| {
        stripped.encoding = source.encoding;
        stripped
    });
    let findings = engine::check_document(path, stripped, rulebook, settings).findings;
    let findings = findings
        .into_iter()
        .map(|mut finding| {
            finding.start.line = annotated.original_line(finding.start.line);
            finding.end.line = annotated.original_line(finding.end.line);
            finding
        })
        .collect();
    (
        annotated.expectations.len(),
        compare(&name, &annotated, findings),
    )
}

/// Pairs findings with expectations: first those tied to a line, then `expect-file` ones take
/// any finding of their rule that is left.
fn compare(path: &str, annotated: &Annotated, findings: Vec<Finding>) -> Vec<Mismatch> {
    // How many findings of a rule each line still waits for.
    let mut on_line: BTreeMap<(u32, String), usize> = BTreeMap::new();
    let mut anywhere: Vec<&Expectation> = Vec::new();
    for expectation in &annotated.expectations {
        match expectation.line {
            Some(line) => *on_line.entry((line, expectation.rule.clone())).or_default() += 1,
            None => anywhere.push(expectation),
        }
    }
    let mut left: Vec<Finding> = Vec::new();
    for finding in findings {
        match on_line.get_mut(&(finding.start.line, finding.rule.clone())) {
            Some(waiting) if *waiting > 0 => *waiting -= 1,
            _ => left.push(finding),
        }
    }
    let mut mismatches = Vec::new();
    for expectation in anywhere {
        match left.iter().position(|f| f.rule == expectation.rule) {
            Some(index) => {
                left.remove(index);
            }
            None => mismatches.push(Mismatch::missed(
                path.to_string(),
                expectation.comment_line,
                expectation.rule.clone(),
                true,
            )),
        }
    }
    for ((line, rule), waiting) in on_line {
        for _ in 0..waiting {
            mismatches.push(Mismatch::missed(
                path.to_string(),
                line,
                rule.clone(),
                false,
            ));
        }
    }
    for finding in left {
        mismatches.push(Mismatch::unexpected(path.to_string(), finding));
    }
    for (line, problem) in &annotated.problems {
        mismatches.push(Mismatch::bad(path.to_string(), *line, problem.clone()));
    }
    mismatches
}

/// `path:line: missed RULE` and the like, one line each, then the summary.
pub fn render(
    report: &Masked<Report>,
    lang: Lang,
    out: &mut dyn std::io::Write,
) -> std::io::Result<()> {
    let labels = messages::rule_tests::labels(lang);
    for mismatch in &report.mismatches {
        let Mismatch {
            path, line, rule, ..
        } = mismatch;
        match mismatch.kind {
            MismatchKind::Missed if mismatch.whole_file => writeln!(
                out,
                "{path}:{line}: {} {rule} ({})",
                labels.missed, labels.anywhere
            )?,
            MismatchKind::Missed => writeln!(out, "{path}:{line}: {} {rule}", labels.missed)?,
            MismatchKind::Unexpected => writeln!(
                out,
                "{path}:{line}: {} {rule}: {}",
                labels.unexpected, mismatch.message
            )?,
            MismatchKind::BadComment => {
                let problem = mismatch.problem.as_ref().map(|p| p.message(lang));
                writeln!(
                    out,
                    "{path}:{line}: {}: {}",
                    labels.bad_comment,
                    problem.unwrap_or_default()
                )?
            }
        }
    }
    writeln!(
        out,
        "{}",
        messages::rule_tests::summary(
            lang,
            report.files,
            report.expected,
            [
                report.count(MismatchKind::Missed),
                report.count(MismatchKind::Unexpected),
                report.count(MismatchKind::BadComment),
            ],
        )
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pack() -> Pack {
        crate::pack::default_pack().unwrap()
    }

    #[test]
    fn own_line_comments_point_at_the_next_line_and_go_away() {
        let text = "a\r\n<!-- expect: decision-deadline -->\r\n\r\n<!-- expect: quorum -->\r\nb\r\nc <!-- expect: kz-kdn/quorum, quorum -- twice -->\r\n<!-- expect-file: plan-year -->\r\n";
        let annotated = annotate(text, &pack());
        assert_eq!(annotated.text, "a\r\n\r\nb\r\nc\r\n");
        assert_eq!(annotated.lines, vec![1, 3, 5, 6]);
        assert!(annotated.problems.is_empty(), "{:?}", annotated.problems);
        let got: Vec<(&str, Option<u32>)> = annotated
            .expectations
            .iter()
            .map(|e| (e.rule.as_str(), e.line))
            .collect();
        assert_eq!(
            got,
            vec![
                ("kz-kdn/decision-deadline", Some(5)),
                ("kz-kdn/quorum", Some(5)),
                ("kz-kdn/quorum", Some(6)),
                ("kz-kdn/quorum", Some(6)),
                ("kz-kdn/plan-year", None),
            ]
        );
        assert_eq!(annotated.original_line(3), 5);
    }

    #[test]
    fn other_comments_stay_and_bad_ones_are_named() {
        let pack = pack();
        let kept = annotate(
            "x <!-- expected: a note --> <!-- hattama-disable-file -->\n",
            &pack,
        );
        assert_eq!(
            kept.text,
            "x <!-- expected: a note --> <!-- hattama-disable-file -->\n"
        );
        assert!(kept.expectations.is_empty() && kept.problems.is_empty());
        for bad in [
            "x <!-- expect decision-deadline -->\n",
            "x <!-- expect: no-such-rule -->\n",
            "x <!-- expect: -->\n",
            "x <!-- expect: quorum --> y\n",
            "<!-- expect: quorum -->\n",
        ] {
            assert_eq!(annotate(bad, &pack).problems.len(), 1, "{bad}");
        }
    }
}
