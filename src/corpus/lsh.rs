//! Locality-sensitive hashing: documents whose signatures agree on a whole band of rows share
//! that band's bucket, and only pairs that share a bucket are compared. Every pair of every
//! bucket is compared, however crowded the bucket (documents sharing a template's boilerplate
//! can fill one by the hundred); what keeps that affordable:
//!
//! - a pair is looked at once, in the first bucket it is met in;
//! - a pair already joined through other copies is not compared: it could not change a
//!   cluster;
//! - a signature estimate rules a dissimilar pair out for the cost of comparing 80 integers;
//! - buckets are taken smallest first, so a crowded bucket of copies comes last and mostly
//!   finds its members joined already.
//!
//! Pairs that pass are compared in parallel, a batch at a time.

use super::minhash::{BANDS, HASHES, band_key, estimate};
use super::union_find::UnionFind;
use rayon::prelude::*;
use std::collections::HashMap;

/// The most pairs one run looks at: all the pairs of a bucket of 10,000 documents, about two
/// seconds of one core on the cheap checks above. Only a corpus whose documents crowd into
/// buckets by the thousand without being copies of each other comes near it: one template
/// filled in thousands of times, each differently. (A pair that gets past the checks costs a
/// word-for-word alignment, as it always did.) Buckets the run cannot finish are reported as
/// such (`Comparison::unfinished`), never passed over in silence.
pub const MAX_PAIRS: u64 = 50_000_000;

/// Pairs gathered before they are compared in parallel. A pair in a batch may turn out to be
/// joined by another pair of the same batch; a small batch wastes few comparisons that way.
const BATCH: usize = 256;

/// A bucket's rank in no bucket: a signature alone in its bucket for that band.
const ALONE: usize = usize::MAX;

/// What comparing the pairs found.
pub struct Comparison {
    /// The documents joined into clusters of copies.
    pub clusters: UnionFind,
    /// The members of each bucket whose pairs were not all looked at because the run reached
    /// its limit, and that are not one cluster anyway.
    pub unfinished: Vec<Vec<usize>>,
}

struct Bucket {
    band: usize,
    members: Vec<usize>,
}

/// Compares the pairs of documents whose signatures share a band, looking at no more than
/// `max_pairs` pairs. A pair whose signatures agree on less than `least_estimate` of their
/// rows is passed over; `copies` decides the others.
pub fn compare(
    signatures: &[[u64; HASHES]],
    least_estimate: f64,
    copies: impl Fn(usize, usize) -> bool + Sync,
    max_pairs: u64,
) -> Comparison {
    let (buckets, ranks) = buckets(signatures);
    let mut clusters = UnionFind::new(signatures.len());
    let mut batch: Vec<(usize, usize)> = Vec::with_capacity(BATCH);
    let mut looked_at: u64 = 0;
    let mut unfinished: Vec<usize> = Vec::new();
    for (rank, bucket) in buckets.iter().enumerate() {
        if clusters.together(&bucket.members) {
            continue;
        }
        'pairs: for (i, &a) in bucket.members.iter().enumerate() {
            for &b in &bucket.members[i + 1..] {
                if looked_at == max_pairs {
                    unfinished.push(rank);
                    break 'pairs;
                }
                looked_at += 1;
                // In the first bucket the pair shares, it was looked at already.
                let met_before = (0..BANDS)
                    .any(|band| ranks[a][band] == ranks[b][band] && ranks[a][band] < rank);
                if met_before
                    || clusters.root(a) == clusters.root(b)
                    || estimate(&signatures[a], &signatures[b]) < least_estimate
                {
                    continue;
                }
                batch.push((a, b));
                if batch.len() == BATCH {
                    compare_batch(&mut batch, &copies, &mut clusters);
                }
            }
        }
    }
    compare_batch(&mut batch, &copies, &mut clusters);
    let unfinished = unfinished
        .into_iter()
        .map(|rank| buckets[rank].members.clone())
        .filter(|members| !clusters.together(members))
        .collect();
    Comparison {
        clusters,
        unfinished,
    }
}

/// Every bucket of two documents or more, smallest first (ties in a fixed order, so every run
/// looks at pairs in the same order), and each document's bucket rank in each band.
fn buckets(signatures: &[[u64; HASHES]]) -> (Vec<Bucket>, Vec<[usize; BANDS]>) {
    let mut buckets: Vec<Bucket> = Vec::new();
    for band in 0..BANDS {
        let mut by_key: HashMap<u64, Vec<usize>> = HashMap::new();
        for (index, signature) in signatures.iter().enumerate() {
            by_key
                .entry(band_key(signature, band))
                .or_default()
                .push(index);
        }
        buckets.extend(
            by_key
                .into_values()
                .filter(|members| members.len() > 1)
                .map(|members| Bucket { band, members }),
        );
    }
    buckets.sort_by_key(|b| (b.members.len(), b.band, b.members[0]));
    let mut ranks = vec![[ALONE; BANDS]; signatures.len()];
    for (rank, bucket) in buckets.iter().enumerate() {
        for &member in &bucket.members {
            ranks[member][bucket.band] = rank;
        }
    }
    (buckets, ranks)
}

fn compare_batch(
    batch: &mut Vec<(usize, usize)>,
    copies: &(impl Fn(usize, usize) -> bool + Sync),
    clusters: &mut UnionFind,
) {
    let joined: Vec<(usize, usize)> = batch
        .par_iter()
        .copied()
        .filter(|&(a, b)| copies(a, b))
        .collect();
    for (a, b) in joined {
        clusters.join(a, b);
    }
    batch.clear();
}
