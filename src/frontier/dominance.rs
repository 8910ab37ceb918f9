//! Exact Pareto filtering of outcomes: an outcome is dropped only when another is at least as good for everyone and better for someone.

use std::cmp::Ordering;

use crate::exact::field::OrderedField;

pub use crate::exact::field::dominates;

/// Lexicographic order, greatest first: every outcome that dominates another comes before it
/// (it is at least as large everywhere and differs), exact copies side by side.
fn descending<F: OrderedField>(a: &[F], b: &[F]) -> Ordering {
    b.iter()
        .zip(a)
        .map(|(x, y)| x.partial_cmp(y).expect("exact numbers are ordered"))
        .find(|o| o.is_ne())
        .unwrap_or(Ordering::Equal)
}

/// An exact number ordered totally (exact numbers always compare).
#[derive(Clone, PartialEq)]
struct Key<F>(F);

impl<F: OrderedField> Eq for Key<F> {}

impl<F: OrderedField> PartialOrd for Key<F> {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl<F: OrderedField> Ord for Key<F> {
    fn cmp(&self, other: &Self) -> Ordering {
        self.0
            .partial_cmp(&other.0)
            .expect("exact numbers are ordered")
    }
}

/// The indices of the Pareto-optimal points, in input order, by one exact sort and a sweep:
/// in decreasing lexicographic order an outcome's dominators all come before it, and before
/// its exact copies (which do not dominate it). Two players: the best second utility so far
/// decides (`O(n log n)`); three: the staircase of the second and third utilities seen so far,
/// in an ordered map (`O(n log n)`); more: the Pareto-optimal outcomes seen so far, which
/// dominate whatever an earlier outcome dominates (`O(n·front)`).
pub fn pareto<F: OrderedField>(points: &[Vec<F>]) -> Vec<usize> {
    if points.is_empty() {
        return Vec::new();
    }
    let mut order: Vec<usize> = (0..points.len()).collect();
    order.sort_by(|&i, &j| descending(&points[i], &points[j]).then(i.cmp(&j)));
    let blocks = order.chunk_by(|&i, &j| points[i] == points[j]);
    let mut kept = Vec::new();
    match points[0].len() {
        2 => {
            // The outcomes seen so far have x at least as large: one of them dominates the
            // block exactly when its y is at least the block's.
            let mut best: Option<&F> = None;
            for block in blocks {
                let y = &points[block[0]][1];
                if best.is_none_or(|b| y > b) {
                    kept.extend_from_slice(block);
                    best = Some(y);
                }
            }
        }
        3 => {
            // The maximal (y, z) seen so far, z decreasing as y increases: one of them dominates
            // the block exactly when the first with y at least the block's has z at least its.
            let mut stairs: std::collections::BTreeMap<Key<F>, F> = Default::default();
            for block in blocks {
                let (y, z) = (&points[block[0]][1], &points[block[0]][2]);
                let key = Key(y.clone());
                if stairs.range(&key..).next().is_some_and(|(_, top)| top >= z) {
                    continue;
                }
                kept.extend_from_slice(block);
                let covered: Vec<Key<F>> = stairs
                    .range(..=&key)
                    .rev()
                    .take_while(|(_, top)| *top <= z)
                    .map(|(k, _)| k.clone())
                    .collect();
                for k in covered {
                    stairs.remove(&k);
                }
                stairs.insert(key, z.clone());
            }
        }
        _ => {
            let mut front: Vec<usize> = Vec::new();
            for block in blocks {
                let p = &points[block[0]];
                if !front.iter().any(|&j| dominates(&points[j], p)) {
                    front.push(block[0]);
                    kept.extend_from_slice(block);
                }
            }
        }
    }
    kept.sort_unstable();
    kept
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::exact::Rational;
    use crate::exact::rational::int;

    fn pts(v: &[&[i64]]) -> Vec<Vec<Rational>> {
        v.iter()
            .map(|p| p.iter().map(|x| int(*x)).collect())
            .collect()
    }

    #[test]
    fn two_and_three_players_agree_with_the_definition() {
        let p = pts(&[
            &[1, 5],
            &[2, 4],
            &[2, 3],
            &[0, 5],
            &[3, 1],
            &[3, 1],
            &[1, 1],
        ]);
        assert_eq!(pareto(&p), vec![0, 1, 4, 5]);
        let brute = |p: &[Vec<Rational>]| -> Vec<usize> {
            (0..p.len())
                .filter(|&i| !(0..p.len()).any(|j| dominates(&p[j], &p[i])))
                .collect()
        };
        assert_eq!(pareto(&p), brute(&p));
        let q = pts(&[&[1, 2, 3], &[3, 2, 1], &[1, 1, 1], &[2, 2, 2], &[1, 2, 3]]);
        assert_eq!(pareto(&q), brute(&q));
        assert_eq!(pareto(&q), vec![0, 1, 3, 4]);
    }
}
