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
mod months;
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
    let world = World::new(options)?;
    fs::create_dir_all(&options.out)?;
    // Each district is generated and written by one worker; results are joined in district
    // order, so the ground truth does not depend on scheduling.
    let results: Vec<io::Result<(Written, Vec<Planted>)>> = world
        .districts
        .par_iter()
        .zip(world.defects.par_iter())
        .map(|(d, defects)| {
            let output = district::build(&world.settings(), d, defects);
            let written = write_docs(&options.out, output.docs.iter(), options.format)?;
            Ok((written, output.planted))
        })
        .collect();
    let mut truth = GroundTruth::new(options.as_of);
    for result in results {
        let (written, planted) = result?;
        truth.add(written, planted);
    }
    truth.write(&options.out)?;
    Ok(truth)
}

/// The same oblast on `months` days a month apart, the last `options.as_of`: one folder per
/// day in `options.out`, named after it (`2026-10-30/`), each holding what had been written by
/// that day (see `months`), and `options.out/changes.json`, which lists for each month the
/// defects mended and the new ones.
///
/// The oblast is generated up to a month after the last day, so that every snapshot, the last
/// one too, is cut out of the commissions' work as a real audit day cuts it: some decisions
/// fell due after the last session and wait for the next one, others are due soon. No
/// `ground-truth.json` is written: beside those, what a snapshot shows depends on its day.
pub fn generate_months(options: &GenerateOptions, months: usize) -> io::Result<Monthly> {
    let days = months::days(options.as_of, months);
    let horizon = options
        .as_of
        .checked_add_months(chrono::Months::new(1))
        .ok_or_else(|| io::Error::other("the audit day is too late"))?;
    let world = World::new(&GenerateOptions {
        as_of: horizon,
        ..options.clone()
    })?;
    let steps = days.len() - 1;
    let turns = if options.defects {
        months::assign(options.seed, world.districts.len(), steps)
    } else {
        vec![Vec::new(); world.districts.len()]
    };
    let folders: Vec<PathBuf> = days
        .iter()
        .map(|day| options.out.join(day.format("%Y-%m-%d").to_string()))
        .collect();
    for folder in &folders {
        fs::create_dir_all(folder)?;
    }
    let settings = world.settings();
    // Per district: what each of its edits records, with its month and turn.
    type Records = Vec<(usize, months::Turn, Planted)>;
    let results: Vec<io::Result<(Vec<Written>, Records)>> = world
        .districts
        .par_iter()
        .zip(world.defects.par_iter())
        .zip(turns.par_iter())
        .map(|((d, defects), turns)| {
            let output = district::build(&settings, d, defects);
            let edits = months::edits(options.seed, d.index, &output, turns, &days, world.wording);
            let mut written = Vec::with_capacity(days.len());
            for (at, folder) in folders.iter().enumerate() {
                let docs = months::snapshot(&output, &edits, &days, at, world.wording, d);
                written.push(write_docs(
                    folder,
                    docs.iter().map(|doc| doc.as_ref()),
                    options.format,
                )?);
            }
            let records = edits
                .iter()
                .map(|edit| (edit.step, edit.turn, months::record(&output, edit)))
                .collect();
            Ok((written, records))
        })
        .collect();

    let mut snapshots: Vec<Snapshot> = folders
        .iter()
        .map(|folder| Snapshot {
            folder: folder.clone(),
            documents: 0,
            bytes: 0,
        })
        .collect();
    let mut changes: Vec<MonthChanges> = days
        .windows(2)
        .map(|pair| MonthChanges {
            since: pair[0].format("%Y-%m-%d").to_string(),
            day: pair[1].format("%Y-%m-%d").to_string(),
            mended: Vec::new(),
            new: Vec::new(),
        })
        .collect();
    for result in results {
        let (written, records) = result?;
        for (snapshot, written) in snapshots.iter_mut().zip(written) {
            snapshot.documents += written.documents;
            snapshot.bytes += written.bytes;
        }
        for (step, turn, record) in records {
            match turn {
                months::Turn::Mend => changes[step].mended.push(record),
                months::Turn::Slip => changes[step].new.push(record),
            }
        }
    }
    for month in &mut changes {
        sort_planted(&mut month.mended);
        sort_planted(&mut month.new);
    }
    write_json(&options.out.join("changes.json"), &changes)?;
    Ok(Monthly { snapshots, changes })
}

/// What `generate_months` wrote.
#[derive(Debug, Clone)]
pub struct Monthly {
    /// One per day, oldest first.
    pub snapshots: Vec<Snapshot>,
    /// One entry per month between two snapshots, as in `changes.json`.
    pub changes: Vec<MonthChanges>,
}

/// One day's folder of `generate_months`.
#[derive(Debug, Clone)]
pub struct Snapshot {
    pub folder: PathBuf,
    pub documents: usize,
    pub bytes: u64,
}

/// What the generator changed in one month. Besides these, sessions are held and decisions
/// fall due or are reported on, as the documents say.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct MonthChanges {
    /// The earlier snapshot's day.
    pub since: String,
    /// The later snapshot's day.
    pub day: String,
    /// Defects in the earlier snapshot that the later one no longer has: the protocol was put
    /// right.
    pub mended: Vec<Planted>,
    /// Defects in protocols written during the month.
    pub new: Vec<Planted>,
}

/// The districts, their defects and the wording: what every district is built from.
struct World {
    districts: Vec<world::District>,
    defects: Vec<defects::DistrictDefects>,
    wording: &'static wording::Wording,
    years: Vec<i32>,
    options: GenerateOptions,
}

impl World {
    fn new(options: &GenerateOptions) -> io::Result<World> {
        let mut years = options.years.clone();
        years.sort_unstable();
        years.dedup();
        let districts = world::districts(options.districts);
        let defects = if options.defects {
            defects::assign(options.seed, districts.len(), &years, options.as_of)
        } else {
            vec![defects::DistrictDefects::default(); districts.len()]
        };
        let wording = wording::get().map_err(|e| io::Error::new(io::ErrorKind::InvalidData, e))?;
        Ok(World {
            districts,
            defects,
            wording,
            years,
            options: options.clone(),
        })
    }

    fn settings(&self) -> district::Settings<'_> {
        district::Settings {
            wording: self.wording,
            seed: self.options.seed,
            years: &self.years,
            as_of: self.options.as_of,
            districts: &self.districts,
            files: self.options.format,
        }
    }
}

/// How many documents and bytes a worker wrote.
#[derive(Debug, Default, Clone, Copy)]
struct Written {
    documents: usize,
    bytes: u64,
}

/// Writes documents under `root`, creating their folders.
fn write_docs<'a>(
    root: &std::path::Path,
    docs: impl Iterator<Item = &'a district::Doc>,
    format: DocumentFormat,
) -> io::Result<Written> {
    let mut written = Written::default();
    let mut made = HashSetOfDirs::default();
    for doc in docs {
        let path = root.join(&doc.path);
        if let Some(parent) = path.parent() {
            made.ensure(parent)?;
        }
        let bytes = file_bytes(doc, format)?;
        let file = fs::File::create(&path)?;
        let mut writer = BufWriter::with_capacity(64 * 1024, file);
        writer.write_all(&bytes)?;
        writer.flush()?;
        written.documents += 1;
        written.bytes += bytes.len() as u64;
    }
    Ok(written)
}

impl GroundTruth {
    fn new(as_of: chrono::NaiveDate) -> GroundTruth {
        GroundTruth {
            as_of: as_of.format("%Y-%m-%d").to_string(),
            documents: 0,
            bytes: 0,
            planted: Vec::new(),
        }
    }

    fn add(&mut self, written: Written, planted: Vec<Planted>) {
        self.documents += written.documents;
        self.bytes += written.bytes;
        self.planted.extend(planted);
    }

    /// Sorts and writes `ground-truth.json` into `folder`.
    fn write(&mut self, folder: &std::path::Path) -> io::Result<()> {
        sort_planted(&mut self.planted);
        write_json(&folder.join("ground-truth.json"), self)
    }
}

fn sort_planted(planted: &mut [Planted]) {
    planted.sort_by(|a, b| (&a.path, &a.rule, &a.note).cmp(&(&b.path, &b.rule, &b.note)));
}

fn write_json(path: &std::path::Path, value: &impl serde::Serialize) -> io::Result<()> {
    let json = serde_json::to_vec_pretty(value).map_err(io::Error::other)?;
    let mut writer = BufWriter::new(fs::File::create(path)?);
    writer.write_all(&json)?;
    writer.write_all(b"\n")?;
    writer.flush()
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
