//! `hattama audit`: every document below a folder, the document rules on each, then the corpus
//! rules across each commission's documents, and a summary per commission.

use crate::corpus::commission::{self, FolderLevel};
use crate::corpus::owners::Owners;
use crate::corpus::score;
use crate::corpus::{self, Record};
use crate::engine::{self, Settings};
use crate::finding::{Finding, Severity, sort_findings};
use crate::pack::Pack;
use crate::privacy::{Mask, Masker};
use crate::progress::{Progress, Silent, Stage};
use crate::rulebook::Rulebook;
use crate::stages;
use rayon::prelude::*;
use std::collections::BTreeMap;
use std::path::Path;

pub use crate::corpus::score::{CommissionSummary, Coverage};

#[derive(Debug, Clone)]
pub struct AuditSettings {
    pub files: Settings,
    pub level: FolderLevel,
}

#[derive(Debug, Default)]
pub struct AuditOutcome {
    /// The audited folder as the user named it.
    pub root: String,
    pub findings: Vec<Finding>,
    /// The commission id of every document (and unreadable file) by path.
    pub owners: BTreeMap<String, String>,
    pub documents: usize,
    pub bytes: u64,
    pub commissions: Vec<CommissionSummary>,
    /// The day of every dated document, by path.
    pub dates: BTreeMap<String, chrono::NaiveDate>,
}

impl AuditOutcome {
    pub fn count(&self, severity: Severity) -> usize {
        self.findings
            .iter()
            .filter(|f| f.severity == severity)
            .count()
    }
}

impl Mask for AuditOutcome {
    fn mask_with(&mut self, masker: &Masker) {
        let AuditOutcome {
            root,
            findings,
            owners,
            documents: _,
            bytes: _,
            commissions,
            dates,
        } = self;
        root.mask_with(masker);
        findings.mask_with(masker);
        *owners = std::mem::take(owners)
            .into_iter()
            .map(|(path, owner)| (masker.mask(&path), masker.mask(&owner)))
            .collect();
        commissions.mask_with(masker);
        *dates = std::mem::take(dates)
            .into_iter()
            .map(|(path, date)| (masker.mask(&path), date))
            .collect();
    }
}

/// One file's part of the audit.
struct FileResult {
    findings: Vec<Finding>,
    record: Option<Record>,
    /// The folder's commission of a file that could not be read (a record holds its own).
    unread: Option<commission::Commission>,
    bytes: u64,
}

pub fn audit(root: &Path, rulebook: &Rulebook, settings: &AuditSettings) -> AuditOutcome {
    audit_with_progress(root, rulebook, settings, &Silent)
}

/// [`audit`], reporting each document and each corpus rule to `progress`.
pub fn audit_with_progress(
    root: &Path,
    rulebook: &Rulebook,
    settings: &AuditSettings,
    progress: &dyn Progress,
) -> AuditOutcome {
    let pack = &rulebook.pack;
    let (files, mut findings) = engine::collect(&[root.to_path_buf()], &settings.files);
    progress.stage(Stage::Documents, files.len());
    let results: Vec<FileResult> = files
        .par_iter()
        .map(|file| {
            let result = audit_file(root, file, rulebook, settings);
            progress.step();
            result
        })
        .collect();
    let mut records = Vec::new();
    let mut owners = Owners::default();
    let mut bytes = 0;
    for result in results {
        bytes += result.bytes;
        let commission = result.record.as_ref().map(|r| &r.commission);
        if let Some(commission) = commission.or(result.unread.as_ref()) {
            for finding in &result.findings {
                owners.claim(&finding.path, commission);
            }
        }
        findings.extend(result.findings);
        records.extend(result.record);
    }
    records.sort_by(|a, b| a.path.cmp(&b.path));
    // Only with every document read can a commission be named and a loose file placed.
    commission::resolve(&mut records, |name| pack.masker.mask(name));
    owners.settle(&records);
    let dates = records
        .iter()
        .filter_map(|record| Some((record.path.clone(), record.date?)))
        .collect();
    let mut corpus_findings = stages::time(stages::Stage::Corpus, || {
        corpus::judge(
            &records,
            pack,
            &rulebook.corpus,
            &settings.files.check,
            progress,
        )
    });
    corpus::to_paragraphs(&mut corpus_findings, &records);
    progress.finish();
    findings.extend(corpus_findings);
    sort_findings(&mut findings);
    let commissions = score::summarise(
        &records,
        &findings,
        &owners.0,
        pack,
        settings.files.check.as_of,
    );
    let owners = owners.ids(&commissions);
    AuditOutcome {
        root: root.display().to_string(),
        findings,
        owners,
        documents: files.len(),
        bytes,
        commissions,
        dates,
    }
}

fn audit_file(
    root: &Path,
    file: &Path,
    rulebook: &Rulebook,
    settings: &AuditSettings,
) -> FileResult {
    let bytes = std::fs::metadata(file).map(|m| m.len()).unwrap_or(0);
    let commission = commission::by_folder(root, file, settings.level)
        .unwrap_or_else(|| commission::Commission::unknown(root));
    let read = engine::read_file(file, &settings.files);
    let checked = engine::check_document(file, read, rulebook, &settings.files);
    let (record, unread) = match checked.analysed {
        Some((document, extraction)) => {
            let record = stages::time(stages::Stage::Facts, || {
                Record::of(
                    &document,
                    &extraction,
                    commission,
                    &rulebook.pack,
                    &rulebook.corpus,
                )
            });
            (Some(record), None)
        }
        None => (None, Some(commission)),
    };
    FileResult {
        findings: checked.findings,
        record,
        unread,
        bytes,
    }
}

/// Counts the findings again after some were taken out (by a baseline): every figure that
/// comes from findings, the score and the ranking; documents and sessions stay.
pub fn recount(outcome: &mut AuditOutcome, pack: &Pack) {
    score::recount(
        &mut outcome.commissions,
        &outcome.findings,
        &outcome.owners,
        pack,
    );
}
