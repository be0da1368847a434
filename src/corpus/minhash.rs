//! MinHash: a document's shingles (hashes of each run of a few words) summarised by a
//! signature, the least value each of a family of hash functions takes over them. Two
//! signatures agree on a hash function about as often as the two shingle sets overlap
//! (their Jaccard similarity); locality-sensitive hashing ([`super::lsh`]) cuts signatures
//! into bands to find the pairs worth comparing.

use xxhash_rust::xxh3::xxh3_64;

/// Signature length and its split into bands: a pair whose shingle similarity is s shares a
/// band with probability 1 - (1 - s^ROWS)^BANDS: 0.73 at s = 0.5, 0.94 at 0.6, over 0.99 at
/// 0.7 (a copy with its names replaced shares 0.7–0.9 of its masked shingles), and only 0.03
/// at 0.2, where unrelated plans of one template lie: a national corpus's plans give few
/// candidates to check.
pub const BANDS: usize = 20;
pub const ROWS: usize = 4;
pub const HASHES: usize = BANDS * ROWS;

/// Hashes of every run of `size` consecutive words, sorted and without repeats.
pub fn shingles(words: &[u32], size: usize) -> Vec<u64> {
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

/// The bucket a signature falls in for one band: a hash of that band's rows.
pub fn band_key(signature: &[u64; HASHES], band: usize) -> u64 {
    let rows = &signature[band * ROWS..(band + 1) * ROWS];
    rows.iter().fold(band as u64, |acc, &v| {
        acc.rotate_left(17) ^ v.wrapping_mul(0x9E37_79B9_7F4A_7C15)
    })
}

/// The share of hash functions on which two signatures agree: an estimate of the Jaccard
/// similarity of their sets.
pub fn estimate(a: &[u64; HASHES], b: &[u64; HASHES]) -> f64 {
    a.iter().zip(b).filter(|(x, y)| x == y).count() as f64 / HASHES as f64
}

/// Odd multipliers for the hash family, from a fixed SplitMix64 sequence so signatures are
/// the same on every run and machine.
pub fn multipliers() -> [u64; HASHES] {
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

pub fn signature(shingles: &[u64], multipliers: &[u64; HASHES]) -> [u64; HASHES] {
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
pub fn jaccard(a: &[u64], b: &[u64]) -> f64 {
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
