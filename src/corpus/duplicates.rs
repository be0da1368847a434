//! `duplicate-documents`: plans copied from another district or from last year. Word shingles
//! (numbers and punctuation dropped) are summarised by MinHash signatures; locality-sensitive
//! hashing on bands of the signatures finds candidate pairs without comparing all pairs; the
//! candidates are then compared exactly (Jaccard similarity of their shingle sets) and joined
//! into clusters whose earliest document is taken for the original.
//!
//! Hand-written because the crates that offer MinHash/LSH are young or unmaintained, and the
//! whole method is a few dozen lines.

use super::{Hit, Record};
use crate::finding::{Position, Related};
use std::collections::{BTreeMap, BTreeSet, HashMap};

/// Signature length and its split into bands: a pair whose similarity is s shares a band with
/// probability 1 - (1 - s^ROWS)^BANDS: about 0.64 at s = 0.5 and over 0.999 at s = 0.8.
const BANDS: usize = 16;
const ROWS: usize = 4;
const HASHES: usize = BANDS * ROWS;
/// A bucket this crowded holds boilerplate every plan shares; comparing all of it is quadratic
/// and tells nothing.
const MAX_BUCKET: usize = 400;

pub fn run(records: &[&Record], threshold: f64) -> Vec<Hit> {
    let documents: Vec<(&Record, &[u64])> = records
        .iter()
        .filter_map(|r| {
            r.facts
                .shingles
                .as_deref()
                .filter(|s| !s.is_empty())
                .map(|s| (*r, s))
        })
        .collect();
    let multipliers = multipliers();
    let signatures: Vec<[u64; HASHES]> = documents
        .iter()
        .map(|(_, shingles)| signature(shingles, &multipliers))
        .collect();
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
    let mut clusters = UnionFind::new(documents.len());
    for (a, b) in candidates {
        if jaccard(documents[a].1, documents[b].1) >= threshold {
            clusters.join(a, b);
        }
    }
    let mut groups: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for index in 0..documents.len() {
        groups.entry(clusters.root(index)).or_default().push(index);
    }
    let mut hits = Vec::new();
    for members in groups.values().filter(|m| m.len() > 1) {
        let original = *members
            .iter()
            .min_by(|&&a, &&b| {
                let (ra, rb) = (documents[a].0, documents[b].0);
                (ra.date.is_none(), ra.date, &ra.path).cmp(&(rb.date.is_none(), rb.date, &rb.path))
            })
            .unwrap_or(&members[0]);
        for &copy in members.iter().filter(|&&m| m != original) {
            let similarity = jaccard(documents[copy].1, documents[original].1);
            let related = std::iter::once(original)
                .chain(
                    members
                        .iter()
                        .copied()
                        .filter(|&m| m != original && m != copy),
                )
                .map(|m| Related {
                    path: documents[m].0.path.clone(),
                    line: 1,
                })
                .collect();
            hits.push(Hit {
                related,
                ..Hit::new(&documents[copy].0.path, Position::START)
                    .with("similarity", (similarity * 100.0).round() as i64)
                    .with("original", documents[original].0.path.clone())
                    .with("cluster", members.len())
            });
        }
    }
    hits
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
