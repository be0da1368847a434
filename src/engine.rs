//! Wires the stages together: the per-document pipeline (read, parse, extract, check) that
//! every command runs, and `check` over a set of paths. Files are processed in parallel; a file
//! that cannot be read is a finding and the run goes on.

use crate::check::{self, CheckSettings, Input};
use crate::config::Ignore;
use crate::extract::Extraction;
use crate::finding::{Finding, Position, Severity, sort_findings};
use crate::lang::Lang;
use crate::messages;
use crate::pack::Pack;
use crate::parse::{self, Document};
use crate::read::{self, Limits, ReadError, SourceText, TextEncoding};
use crate::rulebook::Rulebook;
use crate::stages::{self, Stage};
use rayon::prelude::*;
use std::path::{Path, PathBuf};

/// File endings a folder walk picks up; a file named on the command line is always checked.
pub const DOCUMENT_EXTENSIONS: [&str; 7] = ["md", "markdown", "txt", "docx", "odt", "doc", "rtf"];

const UNREADABLE: &str = "hattama/unreadable";

#[derive(Debug, Clone)]
pub struct Settings {
    pub check: CheckSettings,
    pub limits: Limits,
    /// Paths the configuration skips (`ignore:` in hattama.yml).
    pub ignore: Ignore,
}

impl Settings {
    pub fn new(lang: Lang, as_of: chrono::NaiveDate) -> Settings {
        Settings {
            check: CheckSettings { lang, as_of },
            limits: Limits::default(),
            ignore: Ignore::default(),
        }
    }
}

/// The result of checking a set of paths.
#[derive(Debug, Default)]
pub struct Outcome {
    pub findings: Vec<Finding>,
    pub documents: usize,
}

impl crate::privacy::Mask for Outcome {
    fn mask_with(&mut self, masker: &crate::privacy::Masker) {
        let Outcome {
            findings,
            documents: _,
        } = self;
        findings.mask_with(masker);
    }
}

impl Outcome {
    pub fn count(&self, severity: Severity) -> usize {
        self.findings
            .iter()
            .filter(|f| f.severity == severity)
            .count()
    }
}

/// The files below the given paths, sorted, plus findings for paths that could not be walked.
/// Paths the configuration ignores are skipped, whether named or found in a folder.
pub fn collect(paths: &[PathBuf], settings: &Settings) -> (Vec<PathBuf>, Vec<Finding>) {
    let lang = settings.check.lang;
    let ignore = &settings.ignore;
    let mut files = Vec::new();
    let mut problems = Vec::new();
    for root in paths {
        if ignore.is_ignored(root) {
            continue;
        }
        // The metadata first: a named pipe must never be opened, it would block.
        match std::fs::metadata(root).map(|m| read::FileKind::of(&m)) {
            Ok(None) => {
                files.push(root.clone());
                continue;
            }
            Ok(Some(read::FileKind::Directory)) => {}
            Ok(Some(kind)) => {
                let message = messages::not_regular(lang, kind);
                problems.push(file_problem(
                    &root.display().to_string(),
                    UNREADABLE,
                    message,
                ));
                continue;
            }
            Err(error) => {
                let message = messages::unreadable(lang, &messages::data::io_error(lang, &error));
                problems.push(file_problem(
                    &root.display().to_string(),
                    UNREADABLE,
                    message,
                ));
                continue;
            }
        }
        let walker = walkdir::WalkDir::new(root)
            .follow_links(true)
            .sort_by_file_name()
            .into_iter()
            .filter_entry(|entry| {
                entry.depth() == 0
                    || !(entry.file_name().to_string_lossy().starts_with('.')
                        || ignore.is_ignored(entry.path()))
            });
        for entry in walker {
            match entry {
                Ok(entry) if entry.file_type().is_file() && is_document(entry.path()) => {
                    files.push(entry.into_path())
                }
                // A pipe or device named like a document: said, never opened; the run goes on.
                Ok(entry) if !entry.file_type().is_dir() && is_document(entry.path()) => {
                    let kind = entry
                        .metadata()
                        .ok()
                        .and_then(|m| read::FileKind::of(&m))
                        .unwrap_or(read::FileKind::Other);
                    problems.push(file_problem_with(
                        &entry.path().display().to_string(),
                        UNREADABLE,
                        Severity::Warning,
                        messages::not_regular(lang, kind),
                    ));
                }
                Ok(_) => {}
                Err(error) => {
                    let path = error
                        .path()
                        .map_or_else(|| root.display().to_string(), |p| p.display().to_string());
                    let reason = match (error.io_error(), error.loop_ancestor()) {
                        (Some(io), _) => messages::data::io_error(lang, io),
                        (None, Some(ancestor)) => {
                            messages::data::folder_loop(lang, &ancestor.display().to_string())
                        }
                        (None, None) => error.to_string(),
                    };
                    problems.push(file_problem(
                        &path,
                        UNREADABLE,
                        messages::unreadable(lang, &reason),
                    ));
                }
            }
        }
    }
    files.sort();
    files.dedup();
    (files, problems)
}

/// A file a folder walk picks up: one of [`DOCUMENT_EXTENSIONS`].
pub fn is_document(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|ext| {
            DOCUMENT_EXTENSIONS
                .iter()
                .any(|known| ext.eq_ignore_ascii_case(known))
        })
}

/// Checks every document below `paths`, in parallel; findings come back in a stable order.
pub fn check_paths(paths: &[PathBuf], rulebook: &Rulebook, settings: &Settings) -> Outcome {
    let (files, mut findings) = collect(paths, settings);
    let per_file: Vec<Vec<Finding>> = files
        .par_iter()
        .map(|path| check_file(path, rulebook, settings))
        .collect();
    findings.extend(per_file.into_iter().flatten());
    sort_findings(&mut findings);
    Outcome {
        findings,
        documents: files.len(),
    }
}

pub fn check_file(path: &Path, rulebook: &Rulebook, settings: &Settings) -> Vec<Finding> {
    check_document(path, read_file(path, settings), rulebook, settings).findings
}

/// Reads one file within the size limits: the first stage.
pub fn read_file(path: &Path, settings: &Settings) -> Result<SourceText, ReadError> {
    stages::time(Stage::Read, || read::read_path(path, &settings.limits))
}

/// Checks text already in memory (tests, editors); `path` decides Markdown or plain text.
pub fn check_bytes(
    path: &Path,
    bytes: &[u8],
    rulebook: &Rulebook,
    settings: &Settings,
) -> Vec<Finding> {
    check_document(path, read::from_bytes(bytes), rulebook, settings).findings
}

/// One document after the per-document stages: its findings and, when it could be read, the
/// document and what was extracted from it, which the corpus stage reads its facts from.
pub struct Checked {
    pub findings: Vec<Finding>,
    pub analysed: Option<(Document, Extraction)>,
}

/// The per-document pipeline that `check`, `audit` and `test-rules` share: what was read (or
/// why it could not be) → parse → extract → document rules, with suppressions applied and,
/// for a Word document, positions turned into paragraphs.
pub fn check_document(
    path: &Path,
    read: Result<SourceText, ReadError>,
    rulebook: &Rulebook,
    settings: &Settings,
) -> Checked {
    let pack = &rulebook.pack;
    let name = path.display().to_string();
    let lang = settings.check.lang;
    let source = match read {
        Ok(source) => source,
        Err(error) => {
            return Checked {
                findings: vec![read_problem(&name, &error, lang)],
                analysed: None,
            };
        }
    };
    let mut findings = source_notes(&name, &source, lang);
    let (mut document, extraction) = analyse(path, source, pack);
    document.path = name;
    let input = Input::new(
        &document,
        &extraction,
        pack,
        &rulebook.document,
        &settings.check,
    );
    findings.extend(stages::time(Stage::Check, || {
        crate::suppress::apply(&document, pack, lang, check::check(&input))
    }));
    if let Some(paragraphs) = &document.paragraphs {
        crate::finding::to_paragraphs(&mut findings, paragraphs);
    }
    Checked {
        findings,
        analysed: Some((document, extraction)),
    }
}

/// Reads, parses and extracts one document without checking it.
pub fn analyse(path: &Path, source: SourceText, pack: &Pack) -> (Document, Extraction) {
    let front = source.front_matter.map(|f| f.value);
    let paragraphs = source.paragraphs;
    let margins = source.margins;
    let mut document = stages::time(Stage::Parse, || {
        let mut document = parse::parse(
            path.display().to_string(),
            source.text,
            source.body_start,
            front,
            parse::format_of(path),
        );
        document.margins = margins.map(|text| {
            let name = document.path.clone();
            Box::new(parse::parse(name, text, 0, None, parse::Format::PlainText))
        });
        document
    });
    document.paragraphs = paragraphs;
    let extraction = stages::time(Stage::Extract, || crate::extract::extract(&document, pack));
    (document, extraction)
}

/// What reading a file noticed that is not a rule: a legacy encoding, broken front matter.
pub fn source_notes(name: &str, source: &SourceText, lang: Lang) -> Vec<Finding> {
    let mut findings = Vec::new();
    if matches!(source.encoding, TextEncoding::Windows1251) {
        findings.push(file_problem_with(
            name,
            "hattama/encoding",
            Severity::Info,
            messages::legacy_encoding(lang),
        ));
    }
    if let Some(error) = &source.front_matter_error {
        let mut finding = file_problem_with(
            name,
            "hattama/front-matter",
            Severity::Warning,
            messages::front_matter(
                lang,
                &messages::front_matter_problem(lang, error.problem, &error.message),
            ),
        );
        finding.start = Position {
            line: error.line as u32,
            column: error.column as u32,
        };
        finding.end = finding.start;
        findings.push(finding);
    }
    findings
}

pub fn read_problem(name: &str, error: &ReadError, lang: Lang) -> Finding {
    let message = read_error(error, lang);
    let rule = match error {
        ReadError::Io(_) | ReadError::NotRegular(_) => "hattama/unreadable",
        ReadError::TooLarge { .. } => "hattama/too-large",
        ReadError::Binary | ReadError::NotText | ReadError::LegacyWord | ReadError::Word(_) => {
            "hattama/not-text"
        }
    };
    file_problem(name, rule, message)
}

/// Why a file could not be read, in `lang`.
pub fn read_error(error: &ReadError, lang: Lang) -> String {
    match error {
        ReadError::Io(io) => messages::unreadable(lang, &messages::data::io_error(lang, io)),
        ReadError::TooLarge { size, limit } => messages::too_large(lang, *size, *limit),
        ReadError::Binary => messages::binary(lang),
        ReadError::NotText => messages::undecodable(lang),
        ReadError::NotRegular(kind) => messages::not_regular(lang, *kind),
        ReadError::LegacyWord => messages::legacy_word(lang),
        ReadError::Word(problem) => messages::broken_word(lang, problem),
    }
}

fn file_problem(name: &str, rule: &str, message: String) -> Finding {
    file_problem_with(name, rule, Severity::Error, message)
}

fn file_problem_with(name: &str, rule: &str, severity: Severity, message: String) -> Finding {
    Finding {
        rule: rule.to_string(),
        severity,
        path: name.to_string(),
        start: Position::START,
        end: Position::START,
        message,
        fix: None,
        snippet: None,
        related: Vec::new(),
        facts: Default::default(),
        tabled: None,
    }
}
