//! Exact Pareto filtering of outcomes: an outcome is dropped only when another is at least as good for everyone and better for someone.

use std::cmp::Ordering;

use crate::lp::Scalar;

/// Whether `a` dominates `b`: `a ≥ b` in every coordinate and `>` in one.
pub fn dominates<F: Scalar>(a: &[F], b: &[F]) -> bool {
    let mut strict = false;
    for (x, y) in a.iter().zip(b) {
        match x.partial_cmp(y).expect("exact numbers are ordered") {
            Ordering::Less => return false,
            Ordering::Greater => strict = true,
            Ordering::Equal => {}
        }
    }
    strict
}

/// The indices of the Pareto-optimal points, in input order. Two players: sort and sweep
/// (`O(n log n)`); more: block-nested loops against the current front (`O(n·front)`).
pub fn pareto<F: Scalar>(points: &[Vec<F>]) -> Vec<usize> {
    if points.is_empty() {
        return Vec::new();
    }
    let mut kept = if points[0].len() == 2 {
        let mut order: Vec<usize> = (0..points.len()).collect();
        // First coordinate descending, then second descending.
        order.sort_by(|&i, &j| {
            points[j][0]
                .partial_cmp(&points[i][0])
                .unwrap()
                .then(points[j][1].partial_cmp(&points[i][1]).unwrap())
        });
        let mut kept = Vec::new();
        let mut best: Option<(F, F)> = None; // the best second coordinate so far, and its first
        for i in order {
            let (x, y) = (&points[i][0], &points[i][1]);
            let keep = match &best {
                None => true,
                // Kept when strictly better in y than everything with larger-or-equal x, or an
                // exact duplicate of the current best.
                Some((bx, by)) => y > by || (y == by && x == bx),
            };
            if keep {
                if best.as_ref().is_none_or(|(_, by)| y > by) {
                    best = Some((x.clone(), y.clone()));
                }
                kept.push(i);
            }
        }
        kept
    } else {
        let mut front: Vec<usize> = Vec::new();
        for i in 0..points.len() {
            if front.iter().any(|&j| dominates(&points[j], &points[i])) {
                continue;
            }
            front.retain(|&j| !dominates(&points[i], &points[j]));
            front.push(i);
        }
        front
    };
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
