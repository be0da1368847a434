//! Stage four, across documents: the rules that look at all documents of a commission at once
//! (follow-ups, session cadence, numbering, secretaries, plans, copies). Each document is
//! reduced to [`facts::Facts`] while it is parsed, in parallel; the rules then judge the facts,
//! so a national corpus never has to be held in memory as parsed documents. Each rule kind is
//! one file (its keys, its compilation, its judgement), listed once in [`kinds`].

mod align;
mod cadence;
pub mod citations;
pub mod commission;
mod copied;
mod duplicates;
pub mod facts;
mod follow_up;
mod lsh;
mod minhash;
mod misfiled;
pub mod naming;
mod numbering;
pub mod owners;
mod planned_sessions_held;
mod plans;
pub mod score;
mod session_gap;
pub mod sessions;
mod sessions_per_month;
mod turnover;
mod union_find;
pub mod words;

pub use crate::check::Hit;
use crate::check::{CheckSettings, finding};
use crate::extract::Extraction;
use crate::finding::Finding;
use crate::pack::kind::compile_as;
use crate::pack::{Kind, Pack, Registration, Rule};
use crate::parse::Document;
use crate::progress::{Progress, Stage};
use chrono::NaiveDate;
use facts::Facts;
use std::collections::BTreeMap;

/// One document as the corpus rules see it.
#[derive(Debug, Clone)]
pub struct Record {
    pub path: String,
    pub commission: commission::Commission,
    /// The commission the document names itself (front matter or header).
    pub named: Option<naming::Named>,
    pub kind: Option<String>,
    pub date: Option<NaiveDate>,
    pub facts: Facts,
    /// For a Word document, the paragraph of each line (`Document::paragraphs`), so that a
    /// corpus finding points where the document rules' findings do.
    pub paragraphs: Option<Vec<u32>>,
}

impl Record {
    /// What the corpus rules keep of one document, filed under the commission of its folder.
    pub fn of(
        document: &Document,
        extraction: &Extraction,
        commission: commission::Commission,
        pack: &Pack,
        rules: &Rules,
    ) -> Record {
        Record {
            path: document.path.clone(),
            commission,
            named: naming::read(document, pack),
            kind: extraction.kind_id(pack).map(str::to_string),
            date: extraction.date,
            facts: facts::collect(document, extraction, pack, rules),
            paragraphs: document.paragraphs.clone(),
        }
    }
}

/// Turns the lines of corpus findings, and of the documents they cite, into paragraphs where
/// the document is a Word file, as [`crate::finding::to_paragraphs`] does for document rules.
pub fn to_paragraphs(findings: &mut [Finding], records: &[Record]) {
    let paragraphs: BTreeMap<&str, &[u32]> = records
        .iter()
        .filter_map(|r| Some((r.path.as_str(), r.paragraphs.as_deref()?)))
        .collect();
    if paragraphs.is_empty() {
        return;
    }
    for finding in findings {
        if let Some(map) = paragraphs.get(finding.path.as_str()) {
            crate::finding::to_paragraphs(std::slice::from_mut(finding), map);
        }
        for related in &mut finding.related {
            if let Some(map) = paragraphs.get(related.path.as_str()) {
                related.line = crate::finding::paragraph_of(related.line, map);
            }
        }
    }
}

/// The documents of one commission, in date order (undated last, by path).
pub struct Commission<'a> {
    pub id: &'a str,
    pub path: &'a str,
    /// The name its documents give it; empty when none names it.
    pub name: &'a str,
    pub records: Vec<&'a Record>,
}

/// Groups records by commission, each group sorted by date then path.
pub fn by_commission(records: &[Record]) -> Vec<Commission<'_>> {
    let mut groups: BTreeMap<&str, Commission<'_>> = BTreeMap::new();
    for record in records {
        groups
            .entry(record.commission.id.as_str())
            .or_insert_with(|| Commission {
                id: &record.commission.id,
                path: &record.commission.path,
                name: &record.commission.name,
                records: Vec::new(),
            })
            .records
            .push(record);
    }
    let mut groups: Vec<Commission<'_>> = groups.into_values().collect();
    for group in &mut groups {
        group.records.sort_by(|a, b| {
            (a.date.is_none(), a.date, &a.path).cmp(&(b.date.is_none(), b.date, &b.path))
        });
    }
    groups
}

/// A corpus rule kind, compiled from a rule's keys: it judges documents together.
pub trait CorpusKind: std::fmt::Debug + Send + Sync {
    /// What it reads of each document of its kinds: the facts keep only that, as an audit
    /// holds the facts of every document at once.
    fn needs(&self) -> Needs {
        Needs::default()
    }

    /// What it finds among one commission's documents of the rule's kinds, in date order.
    fn judge(
        &self,
        commission: &Commission<'_>,
        documents: &[&Record],
        as_of: NaiveDate,
    ) -> Vec<Hit>;

    /// What it finds in the whole corpus (`documents` are those of the rule's kinds): by
    /// default, what [`CorpusKind::judge`] finds in each commission. A kind that compares
    /// commissions with each other judges here instead, and may add findings of its own.
    fn judge_corpus(
        &self,
        corpus: &Corpus<'_>,
        documents: &dyn Fn(&Record) -> bool,
        rule: &Rule,
        settings: &CheckSettings,
    ) -> (Vec<Hit>, Vec<Finding>) {
        let _ = rule;
        let hits = corpus
            .commissions
            .iter()
            .flat_map(|commission| {
                let of_kind: Vec<&Record> = commission
                    .records
                    .iter()
                    .copied()
                    .filter(|record| documents(record))
                    .collect();
                self.judge(commission, &of_kind, settings.as_of)
            })
            .collect();
        (hits, Vec::new())
    }
}

/// Every document's record, as read, and the same records by commission.
pub struct Corpus<'a> {
    pub records: &'a [Record],
    pub commissions: Vec<Commission<'a>>,
}

/// What a corpus kind reads of each document (pack indices).
#[derive(Debug, Default)]
pub struct Needs {
    /// Header fields.
    pub fields: Vec<usize>,
    /// Items of one type, and which of their fields.
    pub items: Option<(usize, Vec<usize>)>,
    /// A section whose months it counts (sessions planned by month).
    pub section_months: Option<usize>,
    /// The document's masked words, to compare documents.
    pub words: bool,
}

/// The corpus rule kinds; a new kind is one file and one line here.
pub fn kinds() -> Vec<Registration<Box<dyn CorpusKind>>> {
    vec![
        entry::<follow_up::OverdueDecision>(),
        entry::<session_gap::SessionGap>(),
        entry::<sessions_per_month::SessionsPerMonth>(),
        entry::<planned_sessions_held::PlannedSessionsHeld>(),
        entry::<numbering::ProtocolNumbering>(),
        entry::<turnover::SecretaryTurnover>(),
        entry::<plans::PlanPerYear>(),
        entry::<duplicates::DuplicateDocuments>(),
        entry::<copied::CopiedDecisions>(),
        entry::<misfiled::CommissionName>(),
    ]
}

fn entry<K: Kind + CorpusKind + 'static>() -> Registration<Box<dyn CorpusKind>> {
    Registration {
        name: K::NAME,
        compile: |context| Ok(Box::new(compile_as::<K>(context)?)),
    }
}

/// The pack's corpus rules, compiled: each with its index in the pack's rules.
#[derive(Debug, Default)]
pub struct Rules(pub Vec<(usize, Box<dyn CorpusKind>)>);

impl Rules {
    /// The rules that run, with the pack's part of each.
    pub fn active<'a>(
        &'a self,
        pack: &'a Pack,
    ) -> impl Iterator<Item = (&'a Rule, &'a dyn CorpusKind)> {
        self.0
            .iter()
            .map(|(index, kind)| (&pack.rules[*index], kind.as_ref()))
            .filter(|(rule, _)| rule.enabled)
    }
}

/// Runs every corpus rule of the pack over the records.
pub fn judge(
    records: &[Record],
    pack: &Pack,
    rules: &Rules,
    settings: &CheckSettings,
    progress: &dyn Progress,
) -> Vec<Finding> {
    let corpus = Corpus {
        records,
        commissions: by_commission(records),
    };
    let mut findings = Vec::new();
    let active: Vec<(&Rule, &dyn CorpusKind)> = rules.active(pack).collect();
    progress.stage(Stage::Commissions, active.len());
    for (rule, kind) in active {
        progress.step();
        let of_kind = |record: &Record| rule.applies(record.kind.as_deref(), record.date);
        let (hits, notes) = kind.judge_corpus(&corpus, &of_kind, rule, settings);
        findings.extend(notes);
        let context = minijinja::context! {
            params => rule.params.clone(),
            as_of => settings.as_of.to_string(),
        };
        findings.extend(
            hits.into_iter()
                .map(|hit| finding(pack, rule, settings.lang, &context, hit, None)),
        );
    }
    findings
}

/// A year and month as `03.2026`.
pub fn show_month(year: i32, month: u32) -> String {
    format!("{month:02}.{year}")
}
