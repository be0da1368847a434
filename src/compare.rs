//! `hattama audit --compare PREVIOUS.json`: the JSON report of an earlier audit read back, and
//! what changed since, per commission and for the oblast (`report::changes`). An oblast audits
//! every month; this answers which commission improved, which got worse, which decisions fell
//! overdue and which were closed.
//!
//! Findings are matched on rule, path and a fingerprint made from the text of their line rather
//! than its number, so lines added above a finding leave it the same finding; findings with no
//! line of text on their place ([`identity`]). Overdue decisions are matched on their
//! document, number and due day. Paths count from the audited folder, so this month's copy of
//! the archive in another folder (`2026-11-30/` beside `2026-10-30/`) compares with last
//! month's as the same documents.

use crate::audit::AuditOutcome;
use crate::finding::Tabled;
use crate::lang::Lang;
use crate::report::changes::{Change, Changes, CommissionChange, History, Point, Series};
use crate::report::fingerprint::{keyed, uri_path};
use crate::report::model::SCHEMA_VERSION;
use crate::serde_error::SerdeError;
use chrono::NaiveDate;
use serde::Deserialize;
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// Why the earlier report cannot be compared with; `Display` is English, [`CompareError::message`]
/// speaks the run's language.
#[derive(Debug, thiserror::Error)]
#[error("{}", self.message(Lang::En))]
pub enum CompareError {
    Read {
        path: PathBuf,
        error: std::io::Error,
    },
    Malformed {
        path: PathBuf,
        line: usize,
        column: usize,
        error: SerdeError,
    },
    /// Not the JSON report of a hattama audit (a `check` report, a baseline, another tool's).
    NotAnAudit {
        path: PathBuf,
    },
    Version {
        path: PathBuf,
        found: u32,
    },
    /// Written in another language: findings about a whole document are keyed by their message.
    Language {
        path: PathBuf,
        written: Lang,
    },
}

impl CompareError {
    pub fn message(&self, lang: Lang) -> String {
        use crate::messages::{baseline::json_syntax, compare as text, data::io_error};
        let shown = |path: &PathBuf| path.display().to_string();
        match self {
            CompareError::Read { path, error } => {
                text::unreadable(lang, &shown(path), &io_error(lang, error))
            }
            CompareError::Malformed {
                path,
                line,
                column,
                error,
            } => {
                let reason = match error {
                    SerdeError::Other(json) => json_syntax(lang, json),
                    other => other.message(lang),
                };
                text::malformed(
                    lang,
                    &format!("{}:{line}:{column}", path.display()),
                    &reason,
                )
            }
            CompareError::NotAnAudit { path } => text::not_an_audit(lang, &shown(path)),
            CompareError::Version { path, found } => {
                text::version(lang, &shown(path), *found, SCHEMA_VERSION)
            }
            CompareError::Language { path, written } => {
                text::language(lang, &shown(path), *written)
            }
        }
    }
}

/// The parts of an earlier audit's JSON report that a comparison reads; the rest is ignored.
#[derive(Debug, Deserialize)]
struct Report {
    version: u32,
    tool: String,
    kind: String,
    lang: Lang,
    as_of: NaiveDate,
    /// The folder audited: findings' paths begin with it.
    root: String,
    commissions: Vec<Commission>,
    overdue: Vec<Overdue>,
    findings: Vec<Finding>,
}

#[derive(Debug, Deserialize)]
struct Commission {
    id: String,
    #[serde(default)]
    name: String,
    score: f64,
    rank: usize,
    sessions: usize,
    overdue: usize,
}

#[derive(Debug, Deserialize)]
struct Overdue {
    commission: String,
    path: String,
    decision: String,
    due: String,
}

#[derive(Debug, Deserialize)]
struct Finding {
    rule: String,
    path: String,
    line: u32,
    #[serde(default)]
    commission: Option<String>,
    message: String,
    snippet: Option<String>,
}

/// An earlier audit, read back.
#[derive(Debug)]
pub struct Previous {
    as_of: NaiveDate,
    commissions: BTreeMap<String, Commission>,
    findings: Vec<FindingKey>,
    overdue: Vec<OverdueKey>,
}

/// (commission, rule, path below the audited folder, [`identity`]).
type FindingKey = (String, String, String, String);
/// (commission, path below the audited folder, decision, due day as `DD.MM.YYYY`).
type OverdueKey = (String, String, String, String);

impl Previous {
    /// Reads `path`, written by `hattama audit --format json` in `lang`.
    pub fn load(path: &Path, lang: Lang) -> Result<Previous, CompareError> {
        let text = std::fs::read_to_string(path).map_err(|error| CompareError::Read {
            path: path.to_path_buf(),
            error,
        })?;
        // What it is comes first, so a `check` report or a baseline is named as such rather
        // than as a report missing half its fields.
        #[derive(Deserialize)]
        struct Kind {
            tool: Option<String>,
            kind: Option<String>,
            version: Option<u32>,
        }
        if let Ok(kind) = serde_json::from_str::<Kind>(&text) {
            if kind.tool.as_deref() != Some("hattama") || kind.kind.as_deref() != Some("audit") {
                return Err(CompareError::NotAnAudit {
                    path: path.to_path_buf(),
                });
            }
            if let Some(found) = kind.version.filter(|v| *v != SCHEMA_VERSION) {
                return Err(CompareError::Version {
                    path: path.to_path_buf(),
                    found,
                });
            }
        }
        let report: Report = serde_json::from_str(&text).map_err(|error| {
            let (line, column, error) = SerdeError::of_json(&error);
            CompareError::Malformed {
                path: path.to_path_buf(),
                line,
                column,
                error,
            }
        })?;
        debug_assert!(report.tool == "hattama" && report.kind == "audit");
        debug_assert_eq!(report.version, SCHEMA_VERSION);
        if report.lang != lang {
            return Err(CompareError::Language {
                path: path.to_path_buf(),
                written: report.lang,
            });
        }
        let root = report.root.as_str();
        let seen = report.findings.iter().map(|f| Seen {
            commission: f.commission.clone().unwrap_or_default(),
            rule: &f.rule,
            path: &f.path,
            line: f.line,
            snippet: f.snippet.as_deref(),
            message: &f.message,
        });
        Ok(Previous {
            as_of: report.as_of,
            findings: finding_keys(root, seen.collect()),
            overdue: report
                .overdue
                .into_iter()
                .map(|o| (o.commission, below(root, &o.path), o.decision, o.due))
                .collect(),
            commissions: report
                .commissions
                .into_iter()
                .map(|c| (c.id.clone(), c))
                .collect(),
        })
    }

    /// What changed between this audit and `now` (masked, as the report shows it).
    pub fn changes(&self, now: &AuditOutcome) -> Changes {
        let owner = |path: &str| now.owners.get(path).cloned().unwrap_or_default();
        let root = now.root.as_str();
        let seen = now.findings.iter().map(|f| Seen {
            commission: owner(&f.path),
            rule: &f.rule,
            path: &f.path,
            line: f.start.line,
            snippet: f.snippet.as_deref(),
            message: &f.message,
        });
        let now_findings = finding_keys(root, seen.collect());
        let now_overdue: Vec<OverdueKey> = now
            .findings
            .iter()
            .filter_map(|f| match &f.tabled {
                Some(Tabled::Overdue { decision, due, .. }) => Some((
                    owner(&f.path),
                    below(root, &f.path),
                    decision.clone(),
                    crate::calendar::show_day(*due),
                )),
                _ => None,
            })
            .collect();
        let new = newcomers(&self.findings, &now_findings);
        let findings = tally(&self.findings, &now_findings);
        let overdue = tally(&self.overdue, &now_overdue);
        let now_commissions: BTreeMap<&str, _> =
            now.commissions.iter().map(|c| (c.id.as_str(), c)).collect();
        let ids: BTreeSet<&str> = self
            .commissions
            .keys()
            .map(String::as_str)
            .chain(now_commissions.keys().copied())
            .collect();
        let commissions: Vec<CommissionChange> = ids
            .into_iter()
            .map(|id| {
                let then = self.commissions.get(id);
                let current = now_commissions.get(id);
                let counts = |tallies: &BTreeMap<String, Tally>| {
                    tallies.get(id).copied().unwrap_or_default()
                };
                let (found, due) = (counts(&findings), counts(&overdue));
                let score_then = then.map(|c| c.score);
                let score_now = current.map(|c| c.score);
                CommissionChange {
                    id: id.to_string(),
                    name: current
                        .map(|c| c.name.clone())
                        .or_else(|| then.map(|c| c.name.clone()))
                        .unwrap_or_default(),
                    status: match (then, current) {
                        (Some(_), Some(_)) => "both",
                        (None, _) => "new",
                        (_, None) => "gone",
                    },
                    change: Change {
                        score_then,
                        score_now,
                        score_change: score_now.zip(score_then).map(|(n, t)| n - t),
                        rank_then: then.map(|c| c.rank),
                        rank_now: current.map(|c| c.rank),
                        new_findings: found.added,
                        resolved_findings: found.removed,
                        open_findings: found.kept,
                        newly_overdue: due.added,
                        overdue_closed: due.removed,
                        sessions_since: current
                            .map(|c| c.sessions)
                            .unwrap_or(0)
                            .saturating_sub(then.map_or(0, |c| c.sessions)),
                    },
                }
            })
            .collect();
        let mean = |scores: Vec<f64>| {
            (!scores.is_empty()).then(|| scores.iter().sum::<f64>() / scores.len() as f64)
        };
        let score_then = mean(self.commissions.values().map(|c| c.score).collect());
        let score_now = mean(now.commissions.iter().map(|c| c.score).collect());
        let sum = |get: fn(&Change) -> usize| commissions.iter().map(|c| get(&c.change)).sum();
        let oblast = Change {
            score_then,
            score_now,
            score_change: score_now.zip(score_then).map(|(n, t)| n - t),
            rank_then: None,
            rank_now: None,
            new_findings: sum(|c| c.new_findings),
            resolved_findings: sum(|c| c.resolved_findings),
            open_findings: sum(|c| c.open_findings),
            newly_overdue: sum(|c| c.newly_overdue),
            overdue_closed: sum(|c| c.overdue_closed),
            sessions_since: sum(|c| c.sessions_since),
        };
        Changes {
            since: self.as_of.to_string(),
            oblast,
            commissions,
            new,
        }
    }
}

/// A finding as either report gives it, for [`finding_keys`].
struct Seen<'a> {
    commission: String,
    rule: &'a str,
    path: &'a str,
    line: u32,
    snippet: Option<&'a str>,
    message: &'a str,
}

/// The key of each finding, in order: its path below `root`, and its fingerprint made from that
/// path, so that the same document in another month's folder is the same document.
fn finding_keys(root: &str, seen: Vec<Seen<'_>>) -> Vec<FindingKey> {
    let paths: Vec<String> = seen.iter().map(|f| below(root, f.path)).collect();
    let prints = keyed(
        seen.iter()
            .zip(&paths)
            .map(|(f, path)| (f.rule, path.clone(), f.snippet.unwrap_or(f.message))),
    );
    seen.into_iter()
        .zip(paths)
        .zip(prints)
        .map(|((f, path), print)| {
            let identity = identity(f.snippet.is_some(), &print, f.line);
            (f.commission, f.rule.to_string(), path, identity)
        })
        .collect()
}

/// `path` as it lies below `root`, with `/` between its parts; as it is when not below it.
fn below(root: &str, path: &str) -> String {
    let (root, path) = (uri_path(root), uri_path(path));
    match path
        .strip_prefix(root.trim_end_matches('/'))
        .and_then(|rest| rest.strip_prefix('/'))
    {
        Some(rest) if !root.is_empty() => rest.to_string(),
        _ => path,
    }
}

/// What tells a finding from the others of its rule in its document. A finding on a line of
/// text has the fingerprint of that text. One about a whole document or commission (a gap
/// between sessions, a month without one) has only its message, which counts days up to the
/// audit day and so changes every month: it is the same finding while its rule still fires on
/// the same place, and its count tells how many there are.
fn identity(on_text: bool, fingerprint: &str, line: u32) -> String {
    if on_text {
        fingerprint.to_string()
    } else {
        format!("line {line}")
    }
}

/// Keys added, removed and kept between two lists, per commission (the key's first part); a
/// key twice in both counts twice.
#[derive(Debug, Clone, Copy, Default)]
struct Tally {
    added: usize,
    removed: usize,
    kept: usize,
}

fn tally(then: &[FindingKey], now: &[FindingKey]) -> BTreeMap<String, Tally> {
    let (then, now) = (count(then), count(now));
    let mut tallies: BTreeMap<String, Tally> = BTreeMap::new();
    for key in then.keys().chain(now.keys()).collect::<BTreeSet<_>>() {
        let (before, after) = (
            then.get(key).copied().unwrap_or(0),
            now.get(key).copied().unwrap_or(0),
        );
        let tally = tallies.entry(key.0.clone()).or_default();
        tally.kept += before.min(after);
        tally.added += after.saturating_sub(before);
        tally.removed += before.saturating_sub(after);
    }
    tallies
}

/// For each key of `now`, whether it is one more than `then` had: of three findings with one
/// key where there were two, the last is the new one.
fn newcomers(then: &[FindingKey], now: &[FindingKey]) -> Vec<bool> {
    let mut left = count(then);
    now.iter()
        .map(|key| match left.get_mut(key) {
            Some(n) if *n > 0 => {
                *n -= 1;
                false
            }
            _ => true,
        })
        .collect()
}

fn count<K: Ord>(keys: &[K]) -> BTreeMap<&K, usize> {
    let mut counts: BTreeMap<&K, usize> = BTreeMap::new();
    for key in keys {
        *counts.entry(key).or_default() += 1;
    }
    counts
}

/// The earlier audits of `folder` (`--history`): every `*.json` in it, each an earlier audit's
/// JSON report in `lang`. A file that is no such report is an error naming it, as for
/// `--compare`.
pub fn earlier_audits(folder: &Path, lang: Lang) -> Result<Vec<Previous>, CompareError> {
    let unreadable = |error| CompareError::Read {
        path: folder.to_path_buf(),
        error,
    };
    let mut files: Vec<PathBuf> = std::fs::read_dir(folder)
        .map_err(unreadable)?
        .filter_map(Result::ok)
        .map(|entry| entry.path())
        .filter(|path| path.extension().is_some_and(|e| e == "json"))
        .collect();
    files.sort();
    files
        .iter()
        .map(|file| Previous::load(file, lang))
        .collect()
}

/// The earlier `audits` and `now` on `as_of`, as each commission's score and overdue decisions
/// over time.
pub fn history(mut audits: Vec<Previous>, now: &AuditOutcome, as_of: NaiveDate) -> History {
    // Oldest first; this audit is the last, and an earlier one of its day is left out.
    audits.retain(|audit| audit.as_of < as_of);
    audits.sort_by_key(|audit| audit.as_of);
    let mut days: Vec<String> = audits.iter().map(|a| a.as_of.to_string()).collect();
    days.push(as_of.to_string());
    let then = |audit: &Previous, id: &str| {
        audit.commissions.get(id).map(|c| Point {
            score: c.score,
            overdue: c.overdue,
        })
    };
    let ids: BTreeSet<&str> = audits
        .iter()
        .flat_map(|a| a.commissions.keys().map(String::as_str))
        .chain(now.commissions.iter().map(|c| c.id.as_str()))
        .collect();
    let commissions = ids
        .into_iter()
        .map(|id| {
            let current = now.commissions.iter().find(|c| c.id == id);
            let mut points: Vec<Option<Point>> = audits.iter().map(|a| then(a, id)).collect();
            points.push(current.map(|c| Point {
                score: c.score,
                overdue: c.overdue,
            }));
            let name = current
                .map(|c| c.name.clone())
                .or_else(|| {
                    audits
                        .iter()
                        .rev()
                        .find_map(|a| a.commissions.get(id).map(|c| c.name.clone()))
                })
                .unwrap_or_default();
            Series {
                id: id.to_string(),
                name,
                points,
            }
        })
        .collect::<Vec<_>>();
    let oblast = (0..days.len())
        .map(|day| {
            let present: Vec<Point> = commissions.iter().filter_map(|s| s.points[day]).collect();
            Point {
                score: if present.is_empty() {
                    0.0
                } else {
                    present.iter().map(|p| p.score).sum::<f64>() / present.len() as f64
                },
                overdue: present.iter().map(|p| p.overdue).sum(),
            }
        })
        .collect();
    History {
        days,
        oblast,
        commissions,
    }
}
