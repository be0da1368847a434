//! `duplicate-documents`: plans copied from another district or from last year, even with
//! every name replaced and some rows reworded. Each document is its word sequence with names
//! and numbers masked ([`super::words`]). Shingles of those words are summarised by MinHash
//! signatures; locality-sensitive hashing on bands of the signatures finds candidate pairs
//! without comparing all pairs; a candidate whose shingles overlap enough (`candidate`) is
//! then aligned word by word ([`super::align`]), and pairs whose word sequences are at least
//! `threshold` the same are joined into clusters whose earliest document is taken for the
//! original. Shingles alone undercount such copies: one changed word spoils every shingle
//! around it, so a copy 95% the same word for word may share only 75% of its 5-word shingles.
//!
//! Hand-written because the crates that offer MinHash/LSH are young or unmaintained, and the
//! whole method is a few dozen lines.

use super::minhash::{BANDS, HASHES, estimate, jaccard, multipliers, shingles, signature};
use super::union_find::UnionFind;
use super::words::Wording;
use super::{Hit, Record, align};
use crate::finding::{Position, Related};
use rayon::prelude::*;
use std::collections::{BTreeMap, BTreeSet, HashMap};

/// A bucket this crowded holds boilerplate every plan shares; comparing all of it is quadratic
/// and tells nothing.
const MAX_BUCKET: usize = 400;
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

/// One document as compared: its masked words and their shingles.
struct Compared<'a> {
    record: &'a Record,
    wording: &'a Wording,
    words: &'a [u32],
    shingles: Vec<u64>,
}

pub fn run(records: &[&Record], limits: Limits) -> Vec<Hit> {
    let documents: Vec<Compared<'_>> = records
        .par_iter()
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
                shingles: shingles(&wording.words, limits.shingle),
            })
        })
        .collect();
    let multipliers = multipliers();
    let signatures: Vec<[u64; HASHES]> = documents
        .par_iter()
        .map(|d| signature(&d.shingles, &multipliers))
        .collect();
    let candidates = candidates(&signatures);
    let pairs: Vec<(usize, usize)> = candidates
        .into_par_iter()
        .filter(|&(a, b)| {
            estimate(&signatures[a], &signatures[b]) >= limits.candidate - ESTIMATE_MARGIN
                && jaccard(&documents[a].shingles, &documents[b].shingles) >= limits.candidate
                && align::similarity(documents[a].words, documents[b].words, limits.threshold)
                    .is_some()
        })
        .collect();
    let mut clusters = UnionFind::new(documents.len());
    for (a, b) in pairs {
        clusters.join(a, b);
    }
    let mut groups: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for index in 0..documents.len() {
        groups.entry(clusters.root(index)).or_default().push(index);
    }
    let mut hits = Vec::new();
    for members in groups.values().filter(|m| m.len() > 1) {
        let original = original(&documents, members);
        for &copy in members.iter().filter(|&&m| m != original) {
            // Word for word against the original, even for a copy joined through another.
            let similarity =
                align::similarity(documents[copy].words, documents[original].words, 0.0)
                    .unwrap_or(0.0);
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
            hits.push(Hit {
                related,
                ..Hit::new(&documents[copy].record.path, Position::START)
                    .with("similarity", (similarity * 100.0).round() as i64)
                    .with("original", documents[original].record.path.clone())
                    .with("cluster", members.len())
            });
        }
    }
    hits
}

/// The likely original of a cluster. A copy often still names the district it was copied
/// from ("на территории Мартукского района" in another district's plan): a member that names
/// the place of another member's commission, not its own, is a copy. Of the members that name
/// no other's place, the earliest-dated is the original (undated last, then by path).
fn original(documents: &[Compared<'_>], members: &[usize]) -> usize {
    let place = |m: usize| &*documents[m].record.commission.place;
    let borrows = |m: usize| {
        members.iter().any(|&other| {
            other != m
                && !place(other).is_empty()
                && place(other) != place(m)
                && documents[m].wording.names_place(place(other))
        })
    };
    *members
        .iter()
        .min_by_key(|&&m| {
            let record = documents[m].record;
            (borrows(m), record.date.is_none(), record.date, &record.path)
        })
        .unwrap_or(&members[0])
}

/// Pairs of documents that agree on a whole band of their signatures.
fn candidates(signatures: &[[u64; HASHES]]) -> BTreeSet<(usize, usize)> {
    let mut candidates: BTreeSet<(usize, usize)> = BTreeSet::new();
    for band in 0..BANDS {
        let mut buckets: HashMap<u64, Vec<usize>> = HashMap::new();
        for (index, signature) in signatures.iter().enumerate() {
            buckets
                .entry(super::minhash::band_key(signature, band))
                .or_default()
                .push(index);
        }
        for members in buckets.values().filter(|m| m.len() > 1) {
            let members = &members[..members.len().min(MAX_BUCKET)];
            for (i, &a) in members.iter().enumerate() {
                for &b in &members[i + 1..] {
                    candidates.insert((a.min(b), a.max(b)));
                }
            }
        }
    }
    candidates
}
