//! The upper-right (Pareto) faces of the convex hull of two-player outcomes, exactly, each with its supporting line checked against every outcome.

use crate::lp::Scalar;

/// A segment of the hull's Pareto frontier between outcomes `a` and `b` (first utility
/// increasing), with the normal `w > 0` such that `w·U ≤ w·U_a = w·U_b` for every outcome `U`.
#[derive(Clone, Debug, PartialEq)]
pub struct Face<F> {
    pub a: usize,
    pub b: usize,
    pub normal: (F, F),
    pub level: F,
}

fn cross<F: Scalar>(o: &[F], a: &[F], b: &[F]) -> F {
    let (ax, ay) = (a[0].minus(&o[0]), a[1].minus(&o[1]));
    let (bx, by) = (b[0].minus(&o[0]), b[1].minus(&o[1]));
    ax.times(&by).minus(&ay.times(&bx))
}

/// The Pareto faces of the hull of `points`, from the Pareto-optimal indices `pareto`; every
/// face's supporting inequality is verified exactly against every outcome (a failed check is a
/// bug and panics rather than printing a wrong face).
pub fn faces<F: Scalar>(points: &[Vec<F>], pareto: &[usize]) -> Vec<Face<F>> {
    let mut order: Vec<usize> = pareto.to_vec();
    order.sort_by(|&i, &j| points[i][0].partial_cmp(&points[j][0]).unwrap());
    order.dedup_by(|a, b| points[*a] == points[*b]);
    // Pareto points by increasing x have decreasing y; keep the concave (clockwise) chain.
    let mut chain: Vec<usize> = Vec::new();
    for &i in &order {
        while chain.len() >= 2 {
            let (o, a) = (chain[chain.len() - 2], chain[chain.len() - 1]);
            if cross(&points[o], &points[a], &points[i]).sign().is_ge() {
                chain.pop();
            } else {
                break;
            }
        }
        chain.push(i);
    }
    chain
        .windows(2)
        .map(|w| {
            let (a, b) = (&points[w[0]], &points[w[1]]);
            let normal = (a[1].minus(&b[1]), b[0].minus(&a[0]));
            let level = normal.0.times(&a[0]).plus(&normal.1.times(&a[1]));
            // Checking the Pareto-optimal outcomes suffices: the normal is positive, so a
            // dominated outcome scores below the outcome dominating it.
            for p in pareto.iter().map(|&i| &points[i]) {
                let v = normal.0.times(&p[0]).plus(&normal.1.times(&p[1]));
                assert!(v <= level, "a hull face must support every outcome");
            }
            Face {
                a: w[0],
                b: w[1],
                normal,
                level,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::exact::Rational;
    use crate::exact::rational::int;

    #[test]
    fn faces_of_a_small_set() {
        let p: Vec<Vec<Rational>> = [[0, 4], [4, 0], [1, 1], [3, 2], [2, 3], [1, 3]]
            .iter()
            .map(|q| q.iter().map(|x| int(*x)).collect())
            .collect();
        let pareto = crate::frontier::dominance::pareto(&p);
        let f = faces(&p, &pareto);
        let pairs: Vec<(usize, usize)> = f.iter().map(|f| (f.a, f.b)).collect();
        assert_eq!(pairs, vec![(0, 4), (4, 3), (3, 1)]);
        assert!(f.iter().all(|f| f.normal.0 > 0 && f.normal.1 > 0));
    }
}
