//! How much of two word sequences is the same text in the same order: twice their longest
//! common subsequence over their total length (1 for equal sequences). Unlike shared
//! shingles, a word changed here and there costs one word, not every shingle around it, so a
//! copy with its names replaced and some rows reworded still measures as the copy it is.
//!
//! Myers' O((N + M)·D) difference algorithm, D being the words only one of the two has; the
//! search stops as soon as D exceeds what the least similarity allows, so two different
//! documents cost little.

/// The similarity of `a` and `b` if it is at least `least`, else `None`.
pub fn similarity(a: &[u32], b: &[u32], least: f64) -> Option<f64> {
    let (n, m) = (a.len(), b.len());
    let total = n + m;
    if total == 0 {
        return Some(1.0);
    }
    let ratio = |d: usize| (total - d) as f64 / total as f64;
    // D can be no smaller than the difference of the lengths.
    let max_d = ((1.0 - least.clamp(0.0, 1.0)) * total as f64).floor() as usize;
    if n.abs_diff(m) > max_d {
        return None;
    }
    let max_d = max_d.min(total);
    let offset = max_d as isize + 1;
    // furthest[k + offset]: the furthest x reached on diagonal k (y = x - k).
    let mut furthest = vec![0isize; 2 * max_d + 3];
    for d in 0..=max_d as isize {
        let mut k = -d;
        while k <= d {
            let index = (k + offset) as usize;
            let mut x = if k == -d || (k != d && furthest[index - 1] < furthest[index + 1]) {
                furthest[index + 1]
            } else {
                furthest[index - 1] + 1
            };
            let mut y = x - k;
            while x < n as isize && y < m as isize && y >= 0 && a[x as usize] == b[y as usize] {
                x += 1;
                y += 1;
            }
            furthest[index] = x;
            if x >= n as isize && y >= m as isize {
                return Some(ratio(d as usize));
            }
            k += 2;
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The same figure by dynamic programming, for comparison.
    fn by_table(a: &[u32], b: &[u32]) -> f64 {
        let mut table = vec![vec![0usize; b.len() + 1]; a.len() + 1];
        for i in 0..a.len() {
            for j in 0..b.len() {
                table[i + 1][j + 1] = if a[i] == b[j] {
                    table[i][j] + 1
                } else {
                    table[i][j + 1].max(table[i + 1][j])
                };
            }
        }
        let total = a.len() + b.len();
        if total == 0 {
            1.0
        } else {
            2.0 * table[a.len()][b.len()] as f64 / total as f64
        }
    }

    #[test]
    fn agrees_with_the_table_on_many_pairs() {
        let mut state: u64 = 7;
        let mut next = |limit: u64| {
            state = state
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1_442_695_040_888_963_407);
            (state >> 33) % limit
        };
        for _ in 0..300 {
            let a: Vec<u32> = (0..next(30)).map(|_| next(4) as u32).collect();
            let b: Vec<u32> = (0..next(30)).map(|_| next(4) as u32).collect();
            let expected = by_table(&a, &b);
            assert!(
                (similarity(&a, &b, 0.0).unwrap() - expected).abs() < 1e-9,
                "{a:?} {b:?}"
            );
            match similarity(&a, &b, 0.7) {
                Some(found) => assert!((found - expected).abs() < 1e-9 && found >= 0.7 - 1e-9),
                None => assert!(expected < 0.7 + 1e-9, "{a:?} {b:?} {expected}"),
            }
        }
    }

    #[test]
    fn edge_cases() {
        assert_eq!(similarity(&[], &[], 0.9), Some(1.0));
        assert_eq!(similarity(&[1, 2, 3], &[], 0.0), Some(0.0));
        assert_eq!(similarity(&[1, 2, 3], &[1, 2, 3], 1.0), Some(1.0));
        assert_eq!(similarity(&[1, 2, 3], &[1, 2, 4], 0.9), None);
        assert_eq!(similarity(&[1, 2, 3, 4], &[1, 2, 9, 4], 0.5), Some(0.75));
    }
}
