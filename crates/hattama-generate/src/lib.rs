//! hattama's test-data factory: a synthetic corpus of commission documents with planted,
//! known defects, for scale tests, benchmarks and measuring recall, and the benchmark that
//! times `hattama audit` on it (`bench`). A crate of its own: the product, `hattama`, knows
//! nothing of it. This crate uses hattama's library for the words it shares with it (the
//! command line, languages, messages), the figures its benchmark reads, and, in the tests, to
//! read back what it wrote.
//!
//! The corpus looks like a real archive: `out/<oblast>/<district>/<year>/` with session
//! protocols (`protocol-NN.md|txt`), the year's work plan (`plan-YYYY.md|txt`) and the
//! composition order (`composition-YYYY.md`), in Russian, Kazakh or both, as Word exports them.
//! Clean documents produce no findings; every planted defect is listed in
//! `out/ground-truth.json` with its rule, path and a note.
//!
//! Documents vary, by seed, the way other hands write them, so that the tests are no mirror of
//! the reader: control entries on earlier decisions in many forms (`control`: several items of
//! several protocols in one entry, whole questions, keeping on control, extensions, marks of
//! execution beside the decision), header layouts (a date/time/place table, labels over their
//! values, attendance counted in words or as a table, excerpt titles, signature tables),
//! decisions as lines, a table or one paragraph, plans and excerpts under other titles, and
//! every kind also as a plain-text Word export (BOM, CRLF, tabs). What is planted, and where,
//! does not depend on these choices.
//!
//! With [`DocumentFormat::Docx`] every document is written as the Word file it was exported
//! from instead (`word`): the same text in Word's paragraphs, styles, numbering and tables, so
//! the two corpora of one seed give the same findings.
//!
//! Output depends only on the options: every district draws from its own ChaCha8 stream seeded
//! from `seed`, so districts are generated in parallel and the bytes are the same on every
//! machine. All wording is data (`wording/*.yaml`, built in), like the rule pack.

pub mod bench;
mod bodies;
mod calendar;
mod commission;
mod control;
mod defects;
mod district;
pub mod messages;
mod plan;
mod protocol;
mod rng;
mod schedule;
#[cfg(test)]
mod tests;
mod text;
mod topics;
mod word;
mod wording;
mod world;

use rayon::prelude::*;
use std::borrow::Cow;
use std::fs;
use std::io::{self, BufWriter, Write};
use std::path::PathBuf;

#[derive(Debug, Clone)]
pub struct GenerateOptions {
    /// The folder to write into (created if missing). Existing files are overwritten, others
    /// left alone, so use a new or empty folder.
    pub out: PathBuf,
    /// How many district commissions (the first N of a fixed list; 271+ supported).
    pub districts: usize,
    /// Calendar years covered, e.g. `[2025, 2026]`.
    pub years: Vec<i32>,
    pub seed: u64,
    /// The audit date: no document is dated on or after it, so years after it get no documents;
    /// deadlines are planned around it. `years` should be consecutive: a missing year is a real
    /// gap in the sessions.
    pub as_of: chrono::NaiveDate,
    /// Plant defects, or generate an all-clean corpus.
    pub defects: bool,
    /// What the documents are written as.
    pub format: DocumentFormat,
}

/// What the generator writes each document as.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, clap::ValueEnum)]
pub enum DocumentFormat {
    /// Word's exports: Markdown (`.md`) or plain text (`.txt`), by document.
    #[default]
    Text,
    /// Word documents (`.docx`) with the same text.
    Docx,
}

/// One planted defect.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Planted {
    /// Rule id, e.g. "kz-kdn/overdue-decision".
    pub rule: String,
    /// Relative to `out`, '/'-separated: a document, or a district folder for district-wide
    /// defects.
    pub path: String,
    pub note: String,
}

#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct GroundTruth {
    pub as_of: String,
    /// Documents written (the ground-truth file itself not counted).
    pub documents: usize,
    /// Their total size in bytes.
    pub bytes: u64,
    pub planted: Vec<Planted>,
}

/// Generates the corpus into `options.out` and writes `ground-truth.json` there.
pub fn generate(options: &GenerateOptions) -> io::Result<GroundTruth> {
    let mut years = options.years.clone();
    years.sort_unstable();
    years.dedup();
    let districts = world::districts(options.districts);
    let plan = if options.defects {
        defects::assign(options.seed, districts.len(), &years, options.as_of)
    } else {
        vec![defects::DistrictDefects::default(); districts.len()]
    };
    let wording = wording::get().map_err(|e| io::Error::new(io::ErrorKind::InvalidData, e))?;
    let settings = district::Settings {
        wording,
        seed: options.seed,
        years: &years,
        as_of: options.as_of,
        districts: &districts,
        files: options.format,
    };
    fs::create_dir_all(&options.out)?;

    // Each district is generated and written by one worker; results are joined in district
    // order, so the ground truth does not depend on scheduling.
    let results: Vec<io::Result<(usize, u64, Vec<Planted>)>> = districts
        .par_iter()
        .zip(plan.par_iter())
        .map(|(d, defects)| {
            let output = district::build(&settings, d, defects);
            let mut bytes = 0u64;
            let mut made = HashSetOfDirs::default();
            for doc in &output.docs {
                let path = options.out.join(&doc.path);
                if let Some(parent) = path.parent() {
                    made.ensure(parent)?;
                }
                let written = file_bytes(doc, options.format)?;
                let file = fs::File::create(&path)?;
                let mut writer = BufWriter::with_capacity(64 * 1024, file);
                writer.write_all(&written)?;
                writer.flush()?;
                bytes += written.len() as u64;
            }
            Ok((output.docs.len(), bytes, output.planted))
        })
        .collect();

    let mut truth = GroundTruth {
        as_of: options.as_of.format("%Y-%m-%d").to_string(),
        documents: 0,
        bytes: 0,
        planted: Vec::new(),
    };
    for result in results {
        let (documents, bytes, planted) = result?;
        truth.documents += documents;
        truth.bytes += bytes;
        truth.planted.extend(planted);
    }
    truth
        .planted
        .sort_by(|a, b| (&a.path, &a.rule, &a.note).cmp(&(&b.path, &b.rule, &b.note)));

    let json = serde_json::to_vec_pretty(&truth).map_err(io::Error::other)?;
    let mut writer = BufWriter::new(fs::File::create(options.out.join("ground-truth.json"))?);
    writer.write_all(&json)?;
    writer.write_all(b"\n")?;
    writer.flush()?;
    Ok(truth)
}

/// What is written for a document: its text, or the Word file made of it.
fn file_bytes(doc: &district::Doc, format: DocumentFormat) -> io::Result<Cow<'_, [u8]>> {
    Ok(match format {
        DocumentFormat::Text => Cow::Borrowed(&doc.bytes),
        DocumentFormat::Docx => Cow::Owned(word::docx(&doc.bytes, doc.format)?),
    })
}

/// Folders already created by this worker, so each is created once.
#[derive(Default)]
struct HashSetOfDirs(std::collections::HashSet<PathBuf>);

impl HashSetOfDirs {
    fn ensure(&mut self, dir: &std::path::Path) -> io::Result<()> {
        if !self.0.contains(dir) {
            fs::create_dir_all(dir)?;
            self.0.insert(dir.to_path_buf());
        }
        Ok(())
    }
}
