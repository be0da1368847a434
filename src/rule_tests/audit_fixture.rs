//! Audit fixtures: a folder with an `expect.yaml` holds a small oblast (or one commission) whose
//! documents are audited together, and the file lists every finding the corpus rules must make
//! there, on the audit day it names. This is how a corpus rule is tested from fixtures, as the
//! inline `expect` comments test a document rule:
//!
//! ```yaml
//! as_of: 2026-06-30            # the audit day (`--as-of`)
//! commission_level: 2          # optional, as `--commission-level`
//! findings:                    # [] for a folder where no corpus rule may fire
//!   - rule: overdue-decision
//!     path: alga/2026/protocol-05.md   # below this folder: a document, or a commission's folder
//!     line: 30                 # optional: the line (a paragraph in a Word file)
//! ```
//!
//! Only corpus findings are compared: the documents may have findings of their own, which the
//! document rules' fixtures test.

use super::{CommentProblem, Mismatch};
use crate::audit::{self, AuditSettings};
use crate::corpus::commission::FolderLevel;
use crate::engine::Settings;
use crate::finding::Finding;
use crate::pack::RuleIndex;
use crate::rulebook::Rulebook;
use chrono::NaiveDate;
use serde::Deserialize;
use std::path::{Path, PathBuf};

/// The name of the file that makes a folder an audit fixture.
pub const EXPECT_FILE: &str = "expect.yaml";

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ExpectFile {
    pub as_of: NaiveDate,
    #[serde(default)]
    pub commission_level: Option<usize>,
    #[serde(default)]
    pub findings: Vec<Expected>,
}

/// One finding the folder's audit must make.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Expected {
    /// With or without the pack's prefix.
    pub rule: String,
    /// Below the fixture's folder, with `/` between names.
    pub path: String,
    #[serde(default)]
    pub line: Option<u32>,
}

/// The audit fixtures below `paths`: every folder holding an `expect.yaml` (a folder inside
/// another fixture is part of it, not one of its own), in a stable order.
pub fn folders(paths: &[PathBuf]) -> Vec<PathBuf> {
    let mut folders: Vec<PathBuf> = paths
        .iter()
        .flat_map(|root| {
            walkdir::WalkDir::new(root)
                .follow_links(true)
                .sort_by_file_name()
                .into_iter()
                .filter_map(Result::ok)
                .filter(|entry| entry.file_type().is_file() && entry.file_name() == EXPECT_FILE)
                .filter_map(|entry| entry.path().parent().map(Path::to_path_buf))
        })
        .collect();
    folders.sort();
    folders.dedup();
    folders
        .iter()
        .filter(|folder| {
            !folders
                .iter()
                .any(|other| other != *folder && folder.starts_with(other))
        })
        .cloned()
        .collect()
}

impl ExpectFile {
    /// Reads `dir/expect.yaml`; an error is a mismatch naming the file and, where the YAML
    /// reader knows it, the line.
    pub fn read(dir: &Path) -> Result<ExpectFile, Mismatch> {
        let path = dir.join(EXPECT_FILE);
        let problem = |line: u32, problem: CommentProblem| {
            Mismatch::bad(path.display().to_string(), line, problem)
        };
        let text = std::fs::read_to_string(&path)
            .map_err(|error| problem(0, CommentProblem::ExpectUnreadable(error.kind())))?;
        serde_yaml_ng::from_str(&text).map_err(|error| {
            let line = error.location().map_or(0, |l| l.line() as u32);
            // The reader's own text, without its " at line N column M": the line is the
            // mismatch's.
            let message = error.to_string();
            let message = message
                .split(" at line ")
                .next()
                .unwrap_or(&message)
                .to_string();
            problem(line, CommentProblem::ExpectInvalid(message))
        })
    }
}

/// Audits the fixture folder `dir` and compares its corpus findings with `expect.yaml`:
/// how many findings it expects, and the mismatches.
pub fn test_folder(dir: &Path, rulebook: &Rulebook, settings: &Settings) -> (usize, Vec<Mismatch>) {
    let expect = match ExpectFile::read(dir) {
        Ok(expect) => expect,
        Err(mismatch) => return (0, vec![mismatch]),
    };
    let mut files = settings.clone();
    files.check.as_of = expect.as_of;
    let audit_settings = AuditSettings {
        files,
        level: expect
            .commission_level
            .map_or(FolderLevel::Deepest, FolderLevel::Level),
    };
    let outcome = audit::audit(dir, rulebook, &audit_settings);
    let rules = RuleIndex::of(&rulebook.pack);
    let corpus_findings: Vec<Finding> = outcome
        .findings
        .into_iter()
        .filter(|finding| rules.is_corpus(&finding.rule))
        .collect();
    let expect_path = dir.join(EXPECT_FILE).display().to_string();
    let mut mismatches = Vec::new();
    let mut wanted = Vec::new();
    for expected in &expect.findings {
        match rulebook.rule(&expected.rule) {
            Some(rule) => wanted.push((rule.id.clone(), expected)),
            None => mismatches.push(Mismatch::bad(
                expect_path.clone(),
                0,
                CommentProblem::UnknownRule(expected.rule.clone()),
            )),
        }
    }
    let expected_count = wanted.len();
    // A finding's path below the folder, as expect.yaml writes it; a commission of loose files
    // has no folder, and its findings carry its name, written as it is.
    let prefix = format!("{}/", dir.display());
    let relative = |path: &str| path.strip_prefix(&prefix).unwrap_or(path).to_string();
    let mut left: Vec<Finding> = corpus_findings;
    // Expectations with a line first, so that one without a line cannot take their finding.
    wanted.sort_by_key(|(_, expected)| expected.line.is_none());
    for (rule, expected) in wanted {
        let found = left.iter().position(|finding| {
            finding.rule == rule
                && relative(&finding.path) == expected.path
                && expected.line.is_none_or(|line| finding.start.line == line)
        });
        match found {
            Some(index) => {
                left.remove(index);
            }
            None => mismatches.push(Mismatch::missed(
                dir.join(&expected.path).display().to_string(),
                expected.line.unwrap_or(1),
                rule,
                expected.line.is_none(),
            )),
        }
    }
    for finding in left {
        mismatches.push(Mismatch::unexpected(finding.path.clone(), finding));
    }
    (expected_count, mismatches)
}
