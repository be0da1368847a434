//! `duplicate-documents`: plans copied from another district or from last year, even with
//! every name replaced and some rows reworded. Each document is its word sequence with names
//! and numbers masked ([`super::words`]). Documents whose masked words are the same are
//! copies of each other at once; one of each such group stands for it in what follows.
//! Shingles of the words are summarised by MinHash signatures ([`super::minhash`]);
//! locality-sensitive hashing on bands of the signatures ([`super::lsh`]) finds candidate
//! pairs without comparing all pairs; a candidate whose shingles overlap enough (`candidate`)
//! is then aligned word by word ([`super::align`]), and pairs whose word sequences are at
//! least `threshold` the same are joined into clusters whose earliest document is taken for
//! the original. Shingles alone undercount such copies: one changed word spoils every shingle
//! around it, so a copy 95% the same word for word may share only 75% of its 5-word shingles.
//!
//! Hand-written because the crates that offer MinHash/LSH are young or unmaintained, and the
//! whole method is a few dozen lines.

use super::minhash::{self, HASHES, jaccard};
use super::words::Wording;
use super::{Commission, Corpus, CorpusKind, Hit, Needs, Record, align, lsh};
use crate::check::CheckSettings;
use crate::finding::{Finding, Position, Related, Severity, Tabled};
use crate::pack::{Kind, Rule, RuleContext};
use chrono::NaiveDate;
use rayon::prelude::*;
use serde::Deserialize;
use std::collections::{BTreeMap, BTreeSet, HashMap};

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Def {}

#[derive(Deserialize)]
struct Params {
    #[serde(default = "default_threshold")]
    threshold: f64,
    #[serde(default = "default_shingle")]
    shingle: i64,
    #[serde(default = "default_candidate")]
    candidate: f64,
    #[serde(default = "default_min_words")]
    min_words: i64,
}

fn default_threshold() -> f64 {
    0.8
}

fn default_shingle() -> i64 {
    4
}

fn default_candidate() -> f64 {
    0.3
}

fn default_min_words() -> i64 {
    150
}

/// Documents whose masked word sequences are at least `threshold` the same, across the
/// whole corpus: a plan is as often copied from the next district as from last year.
#[derive(Debug)]
pub struct DuplicateDocuments {
    limits: Limits,
}

impl Kind for DuplicateDocuments {
    const NAME: &'static str = "duplicate-documents";
    type Def = Def;

    fn compile(_: Def, context: &RuleContext<'_>) -> Result<Self, String> {
        let params: Params = context.params()?;
        Ok(DuplicateDocuments {
            limits: Limits {
                threshold: params.threshold.clamp(0.0, 1.0),
                shingle: params.shingle.clamp(1, 32) as usize,
                candidate: params.candidate.clamp(0.0, 1.0),
                min_words: params.min_words.max(0) as usize,
            },
        })
    }
}

impl CorpusKind for DuplicateDocuments {
    fn needs(&self) -> Needs {
        Needs {
            words: true,
            ..Needs::default()
        }
    }

    /// Copies are looked for across commissions, in [`CorpusKind::judge_corpus`].
    fn judge(&self, _: &Commission<'_>, _: &[&Record], _: NaiveDate) -> Vec<Hit> {
        Vec::new()
    }

    fn judge_corpus(
        &self,
        corpus: &Corpus<'_>,
        documents: &dyn Fn(&Record) -> bool,
        rule: &Rule,
        settings: &CheckSettings,
    ) -> (Vec<Hit>, Vec<Finding>) {
        let candidates: Vec<&Record> = corpus.records.iter().filter(|r| documents(r)).collect();
        let outcome = run(&candidates, self.limits);
        let notes = outcome
            .not_compared
            .iter()
            .map(|document| not_compared_finding(rule, document, settings))
            .collect();
        (outcome.hits, notes)
    }
}

/// The engine's own finding for a document the copy check could not compare with every
/// document it shares a bucket with: said, so that nobody takes the silence for "no copy".
const NOT_COMPARED: &str = "hattama/copies-not-compared";

fn not_compared_finding(rule: &Rule, document: &NotCompared, settings: &CheckSettings) -> Finding {
    Finding {
        rule: NOT_COMPARED.to_string(),
        severity: Severity::Warning,
        path: document.path.clone(),
        start: Position::START,
        end: Position::START,
        message: crate::messages::copies_not_compared(
            settings.lang,
            &rule.id,
            document.others,
            lsh::MAX_PAIRS,
        ),
        fix: None,
        snippet: None,
        related: Vec::new(),
        facts: BTreeMap::new(),
        tabled: None,
    }
}

/// How far below `candidate` a signature's estimate of the shingle similarity may be before
/// the exact similarity is not worth computing (the estimate from 80 hashes errs by less than
/// this about 19 times in 20 near the usual `candidate`).
const ESTIMATE_MARGIN: f64 = 0.12;

/// How similar documents must be, as the rule's parameters say.
#[derive(Debug, Clone, Copy)]
pub struct Limits {
    /// The least word-for-word similarity of a copy.
    pub threshold: f64,
    /// Words per shingle.
    pub shingle: usize,
    /// The least share of shingles a pair needs to be aligned at all.
    pub candidate: f64,
    /// A document of fewer words is mostly the title and approval stamp every plan shares:
    /// it is not compared.
    pub min_words: usize,
}

/// What the rule found.
pub struct Outcome {
    pub hits: Vec<Hit>,
    /// Documents not compared with every document they share a bucket with, because the run
    /// reached [`lsh::MAX_PAIRS`]: a copy among those may have been missed, and the report
    /// says so.
    pub not_compared: Vec<NotCompared>,
}

/// A document the comparison could not finish.
pub struct NotCompared {
    pub path: String,
    /// How many documents share the largest such bucket with it.
    pub others: usize,
}

/// One document as compared: its masked words.
struct Compared<'a> {
    record: &'a Record,
    wording: &'a Wording,
    words: &'a [u32],
}

pub fn run(records: &[&Record], limits: Limits) -> Outcome {
    run_within(records, limits, lsh::MAX_PAIRS)
}

/// [`run`], looking at no more than `max_pairs` pairs of candidates.
fn run_within(records: &[&Record], limits: Limits, max_pairs: u64) -> Outcome {
    let documents: Vec<Compared<'_>> = records
        .iter()
        .filter_map(|r| {
            let wording = r
                .facts
                .words
                .as_ref()
                .filter(|w| !w.words.is_empty() && w.words.len() >= limits.min_words)?;
            Some(Compared {
                record: r,
                wording,
                words: &wording.words,
            })
        })
        .collect();
    let (representatives, represented_by) = identical_groups(&documents);
    let shingles: Vec<Vec<u64>> = representatives
        .par_iter()
        .map(|&d| minhash::shingles(documents[d].words, limits.shingle))
        .collect();
    let multipliers = minhash::multipliers();
    let signatures: Vec<[u64; HASHES]> = shingles
        .par_iter()
        .map(|s| minhash::signature(s, &multipliers))
        .collect();
    let words = |candidate: usize| documents[representatives[candidate]].words;
    let mut comparison = lsh::compare(
        &signatures,
        limits.candidate - ESTIMATE_MARGIN,
        |a, b| {
            jaccard(&shingles[a], &shingles[b]) >= limits.candidate
                && align::similarity(words(a), words(b), limits.threshold).is_some()
        },
        max_pairs,
    );
    // A cluster's root is its lowest representative, the first document of its cluster: the
    // clusters come in the order of their first documents, each in document order.
    let mut groups: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for (document, &candidate) in represented_by.iter().enumerate() {
        groups
            .entry(comparison.clusters.root(candidate))
            .or_default()
            .push(document);
    }
    let hits = groups
        .values()
        .filter(|m| m.len() > 1)
        .flat_map(|members| copies_in(&documents, members))
        .collect();
    let not_compared = not_compared(
        &documents,
        &represented_by,
        representatives.len(),
        &comparison.unfinished,
    );
    Outcome { hits, not_compared }
}

/// Groups the documents whose masked words are the same: such documents are copies of each
/// other whatever the limits (their similarity is 1), so one of each group, its first, stands
/// for it in the comparison. Returns the representatives (document indexes, in order) and,
/// for each document, the index of its representative among them.
fn identical_groups(documents: &[Compared<'_>]) -> (Vec<usize>, Vec<usize>) {
    let mut representatives: Vec<usize> = Vec::new();
    let mut by_words: HashMap<&[u32], usize> = HashMap::new();
    let represented_by = documents
        .iter()
        .enumerate()
        .map(|(index, document)| {
            *by_words.entry(document.words).or_insert_with(|| {
                representatives.push(index);
                representatives.len() - 1
            })
        })
        .collect();
    (representatives, represented_by)
}

/// A finding for each copy of a cluster, naming its original and the other members.
fn copies_in(documents: &[Compared<'_>], members: &[usize]) -> Vec<Hit> {
    let original = original(documents, members);
    let mut hits = Vec::new();
    for &copy in members.iter().filter(|&&m| m != original) {
        // Word for word against the original, even for a copy joined through another.
        let similarity =
            align::similarity(documents[copy].words, documents[original].words, 0.0).unwrap_or(0.0);
        let related = std::iter::once(original)
            .chain(
                members
                    .iter()
                    .copied()
                    .filter(|&m| m != original && m != copy),
            )
            .map(|m| Related {
                path: documents[m].record.path.clone(),
                line: 1,
            })
            .collect();
        let similarity = (similarity * 100.0).round() as i64;
        let original = documents[original].record.path.clone();
        hits.push(Hit {
            related,
            ..Hit::in_file(&documents[copy].record.path, Position::START)
                .with("similarity", similarity)
                .with("original", original.clone())
                .with("cluster", members.len())
                .tabled(Tabled::Copy {
                    original,
                    similarity,
                    cluster: members.len() as i64,
                })
        });
    }
    hits
}

/// Each document of a bucket the comparison could not finish (`unfinished`, as indexes of
/// the `candidates` that stand for identical groups), with the number of documents it shares
/// its largest such bucket with.
fn not_compared(
    documents: &[Compared<'_>],
    represented_by: &[usize],
    candidates: usize,
    unfinished: &[Vec<usize>],
) -> Vec<NotCompared> {
    if unfinished.is_empty() {
        return Vec::new();
    }
    let mut group_size: Vec<usize> = vec![0; candidates];
    for &candidate in represented_by {
        group_size[candidate] += 1;
    }
    let mut others: Vec<usize> = vec![0; candidates];
    for members in unfinished {
        let documents_in: usize = members.iter().map(|&m| group_size[m]).sum();
        for &member in members {
            others[member] = others[member].max(documents_in - 1);
        }
    }
    represented_by
        .iter()
        .enumerate()
        .filter(|(_, candidate)| others[**candidate] > 0)
        .map(|(document, candidate)| NotCompared {
            path: documents[document].record.path.clone(),
            others: others[*candidate],
        })
        .collect()
}

/// The likely original of a cluster. A copy often still names the district it was copied
/// from ("на территории Мартукского района" in another district's plan): a member that names
/// the place of another member's commission, not its own, is a copy. Of the members that name
/// no other's place, the earliest-dated is the original (undated last, then by path).
fn original(documents: &[Compared<'_>], members: &[usize]) -> usize {
    let place = |m: usize| &*documents[m].record.commission.place;
    // Each place once: a cluster of many copies comes from a few commissions.
    let places: BTreeSet<&str> = members
        .iter()
        .map(|&m| place(m))
        .filter(|p| !p.is_empty())
        .collect();
    let borrows = |m: usize| {
        places
            .iter()
            .any(|&other| other != place(m) && documents[m].wording.names_place(other))
    };
    *members
        .iter()
        .min_by_key(|&&m| {
            let record = documents[m].record;
            (borrows(m), record.date.is_none(), record.date, &record.path)
        })
        .unwrap_or(&members[0])
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::words::Wording;
    use std::collections::BTreeSet;

    #[test]
    fn a_document_left_unchecked_for_copies_is_a_warning_naming_the_rule() {
        let pack = crate::pack::default_pack().unwrap();
        let rule = pack
            .rules
            .iter()
            .find(|r| r.kind == DuplicateDocuments::NAME)
            .unwrap();
        let settings = CheckSettings {
            lang: crate::lang::Lang::En,
            as_of: NaiveDate::from_ymd_opt(2026, 11, 30).unwrap(),
        };
        let document = NotCompared {
            path: "aktobe/alga/2026/plan-2026.md".into(),
            others: 612,
        };
        let finding = not_compared_finding(rule, &document, &settings);
        assert_eq!(finding.rule, NOT_COMPARED);
        assert_eq!(finding.severity, Severity::Warning);
        assert_eq!(finding.path, document.path);
        assert!(finding.message.contains(&rule.id) && finding.message.contains("612"));
    }

    fn plan(index: usize, words: Vec<u32>) -> Record {
        Record {
            path: format!("plan-{index:03}.md"),
            commission: Default::default(),
            named: None,
            kind: Some("plan".into()),
            date: None,
            facts: crate::corpus::facts::Facts {
                words: Some(Wording {
                    words,
                    names: Vec::new(),
                }),
                ..Default::default()
            },
            paragraphs: None,
        }
    }

    const LIMITS: Limits = Limits {
        threshold: 0.8,
        shingle: 4,
        candidate: 0.3,
        min_words: 50,
    };

    /// (copy, original, cluster size) of every copy reported.
    fn copies(plans: &[Record]) -> BTreeSet<(String, String, i64)> {
        let records: Vec<&Record> = plans.iter().collect();
        run(&records, LIMITS)
            .hits
            .into_iter()
            .map(|hit| {
                let original = hit.vars["original"].as_str().unwrap().to_string();
                let cluster = i64::try_from(hit.vars["cluster"].clone()).unwrap();
                (hit.path().unwrap().to_string(), original, cluster)
            })
            .collect()
    }

    /// Sixteen paragraphs of ten words, each opened by the same three words, in the given
    /// order. Every order has the same 4-word shingles (each spans one paragraph and the
    /// opening words), so every order has the same signature and shares every bucket; word
    /// for word, two orders are as alike as their longest common run of paragraphs.
    fn paragraphs_in_order(order: &[u32]) -> Vec<u32> {
        let opening = [100, 101, 102];
        let mut words = Vec::new();
        for &paragraph in order {
            words.extend(opening);
            words.extend((0..10).map(|w| 1000 + paragraph * 10 + w));
        }
        words.extend(opening);
        words
    }

    #[test]
    fn a_copy_hidden_in_a_crowd_of_identical_plans_is_found() {
        // 500 plans that differ only in names and numbers (masked, so their words are the
        // same) and, hidden among them, a plan and its copy with the paragraphs in reverse
        // order (one pair swapped in the copy): a copy of each other, not of the crowd, and in
        // the crowd's bucket in every band.
        let crowd: Vec<u32> = (0..16).collect();
        let reversed: Vec<u32> = (0..16).rev().collect();
        let mut swapped = reversed.clone();
        swapped.swap(7, 8);
        let plans: Vec<Record> = (0..502)
            .map(|i| match i {
                150 => plan(i, paragraphs_in_order(&reversed)),
                450 => plan(i, paragraphs_in_order(&swapped)),
                _ => plan(i, paragraphs_in_order(&crowd)),
            })
            .collect();
        let found = copies(&plans);
        assert!(
            found.contains(&("plan-450.md".into(), "plan-150.md".into(), 2)),
            "the hidden copy is missed"
        );
        let of_crowd = found
            .iter()
            .filter(|(_, _, cluster)| *cluster == 500)
            .count();
        assert_eq!(
            of_crowd, 499,
            "every plan of the crowd but its original is a copy"
        );
        assert_eq!(found.len(), 500);
    }

    /// 600 plans of 200 words, each with one word of its own: all copies of each other, and
    /// most of them in the same bucket in every band.
    fn near_identical_plans() -> Vec<Record> {
        let mut state: u64 = 5;
        let base: Vec<u32> = (0..200)
            .map(|_| {
                state = state
                    .wrapping_mul(6_364_136_223_846_793_005)
                    .wrapping_add(1_442_695_040_888_963_407);
                100 + (state >> 40) as u32 % 5000
            })
            .collect();
        (0..600)
            .map(|i| {
                let mut words = base.clone();
                words[i % 200] = 10_000 + i as u32;
                plan(i, words)
            })
            .collect()
    }

    #[test]
    fn near_identical_plans_in_a_crowded_bucket_are_all_compared() {
        let plans = near_identical_plans();
        let found = copies(&plans);
        let missed: Vec<usize> = (1..600)
            .filter(|i| {
                !found
                    .iter()
                    .any(|(copy, _, _)| *copy == format!("plan-{i:03}.md"))
            })
            .collect();
        assert!(missed.is_empty(), "plans never compared: {missed:?}");
        assert!(
            found
                .iter()
                .all(|(_, original, cluster)| original == "plan-000.md" && *cluster == 600)
        );
    }

    #[test]
    fn pairs_beyond_the_limit_are_reported_not_dropped() {
        let plans = near_identical_plans();
        let records: Vec<&Record> = plans.iter().collect();
        let outcome = run_within(&records, LIMITS, 100);
        assert!(!outcome.not_compared.is_empty());
        let said = |path: &str| {
            outcome.hits.iter().any(|hit| hit.path() == Some(path))
                || outcome.not_compared.iter().any(|n| n.path == path)
        };
        let unsaid: Vec<&str> = plans[1..]
            .iter()
            .map(|p| p.path.as_str())
            .filter(|path| !said(path))
            .collect();
        assert!(
            unsaid.is_empty(),
            "neither found nor said to be unchecked: {unsaid:?}"
        );
        assert!(outcome.not_compared.iter().all(|n| n.others >= 400));
        // Within the limit, nothing is left unchecked.
        assert!(run(&records, LIMITS).not_compared.is_empty());
    }
}
