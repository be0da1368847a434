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

use super::words::Wording;
use super::{Hit, Record, align};
use crate::finding::{Position, Related};
use rayon::prelude::*;
use std::collections::{BTreeMap, BTreeSet, HashMap};
use xxhash_rust::xxh3::xxh3_64;

/// Signature length and its split into bands: a pair whose shingle similarity is s shares a
/// band with probability 1 - (1 - s^ROWS)^BANDS: 0.73 at s = 0.5, 0.94 at 0.6, over 0.99 at
/// 0.7 (a copy with its names replaced shares 0.7–0.9 of its masked shingles), and only 0.03
/// at 0.2, where unrelated plans of one template lie: a national corpus's plans give few
/// candidates to check.
const BANDS: usize = 20;
const ROWS: usize = 4;
const HASHES: usize = BANDS * ROWS;
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

/// Hashes of every run of `size` consecutive words, sorted and without repeats.
fn shingles(words: &[u32], size: usize) -> Vec<u64> {
    let size = size.max(1);
    let mut hashes: Vec<u64> = if words.len() < size {
        vec![hash_words(words)]
    } else {
        words.windows(size).map(hash_words).collect()
    };
    hashes.sort_unstable();
    hashes.dedup();
    hashes
}

fn hash_words(words: &[u32]) -> u64 {
    let bytes: Vec<u8> = words.iter().flat_map(|w| w.to_le_bytes()).collect();
    xxh3_64(&bytes)
}

/// Pairs of documents that agree on a whole band of their signatures.
fn candidates(signatures: &[[u64; HASHES]]) -> BTreeSet<(usize, usize)> {
    let mut candidates: BTreeSet<(usize, usize)> = BTreeSet::new();
    for band in 0..BANDS {
        let mut buckets: HashMap<u64, Vec<usize>> = HashMap::new();
        for (index, signature) in signatures.iter().enumerate() {
            let rows = &signature[band * ROWS..(band + 1) * ROWS];
            let key = rows.iter().fold(band as u64, |acc, &v| {
                acc.rotate_left(17) ^ v.wrapping_mul(0x9E37_79B9_7F4A_7C15)
            });
            buckets.entry(key).or_default().push(index);
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

/// The share of hash functions on which two signatures agree: an estimate of the Jaccard
/// similarity of their sets.
fn estimate(a: &[u64; HASHES], b: &[u64; HASHES]) -> f64 {
    a.iter().zip(b).filter(|(x, y)| x == y).count() as f64 / HASHES as f64
}

/// Odd multipliers for the hash family, from a fixed SplitMix64 sequence so signatures are
/// the same on every run and machine.
fn multipliers() -> [u64; HASHES] {
    let mut state: u64 = 0x0068_6174_7461_6D61; // "hattama"
    let mut out = [0u64; HASHES];
    for slot in &mut out {
        state = state.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = state;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        *slot = (z ^ (z >> 31)) | 1;
    }
    out
}

fn signature(shingles: &[u64], multipliers: &[u64; HASHES]) -> [u64; HASHES] {
    let mut minimums = [u64::MAX; HASHES];
    for &shingle in shingles {
        for (minimum, multiplier) in minimums.iter_mut().zip(multipliers) {
            let hashed = shingle.wrapping_mul(*multiplier).rotate_left(29);
            if hashed < *minimum {
                *minimum = hashed;
            }
        }
    }
    minimums
}

/// |A ∩ B| / |A ∪ B| of two sorted, deduplicated sets.
fn jaccard(a: &[u64], b: &[u64]) -> f64 {
    let (mut i, mut j, mut both) = (0, 0, 0usize);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                both += 1;
                i += 1;
                j += 1;
            }
        }
    }
    let union = a.len() + b.len() - both;
    if union == 0 {
        0.0
    } else {
        both as f64 / union as f64
    }
}

struct UnionFind {
    parent: Vec<usize>,
}

impl UnionFind {
    fn new(size: usize) -> UnionFind {
        UnionFind {
            parent: (0..size).collect(),
        }
    }

    fn root(&mut self, mut node: usize) -> usize {
        while self.parent[node] != node {
            self.parent[node] = self.parent[self.parent[node]];
            node = self.parent[node];
        }
        node
    }

    fn join(&mut self, a: usize, b: usize) {
        let (ra, rb) = (self.root(a), self.root(b));
        if ra != rb {
            self.parent[ra.max(rb)] = ra.min(rb);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn jaccard_of_sorted_sets() {
        assert_eq!(jaccard(&[1, 2, 3, 4], &[3, 4, 5, 6]), 2.0 / 6.0);
        assert_eq!(jaccard(&[], &[]), 0.0);
        assert_eq!(jaccard(&[7], &[7]), 1.0);
    }

    #[test]
    fn similar_sets_share_a_band_and_different_ones_rarely_do() {
        let multipliers = multipliers();
        let base: Vec<u64> = (0..1000u64)
            .map(|x| x.wrapping_mul(0x9E37_79B9_7F4A_7C15))
            .collect();
        let mut near = base.clone();
        near.truncate(950);
        near.extend((5000..5050u64).map(|x| x.wrapping_mul(0x9E37_79B9_7F4A_7C15)));
        near.sort_unstable();
        let far: Vec<u64> = {
            let mut v: Vec<u64> = (10_000..11_000u64)
                .map(|x| x.wrapping_mul(0x9E37_79B9_7F4A_7C15))
                .collect();
            v.sort_unstable();
            v
        };
        let mut sorted = base.clone();
        sorted.sort_unstable();
        let (a, b, c) = (
            signature(&sorted, &multipliers),
            signature(&near, &multipliers),
            signature(&far, &multipliers),
        );
        let agree =
            |x: &[u64; HASHES], y: &[u64; HASHES]| x.iter().zip(y).filter(|(p, q)| p == q).count();
        assert!(
            agree(&a, &b) > HASHES / 2,
            "near sets agree on {} of {HASHES}",
            agree(&a, &b)
        );
        assert!(
            agree(&a, &c) < HASHES / 8,
            "far sets agree on {}",
            agree(&a, &c)
        );
    }
}
