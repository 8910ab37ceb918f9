//! The upper-right (Pareto) faces of the convex hull of two- and three-player outcomes, exactly, each with its supporting hyperplane checked against every outcome.

use crate::lp::Scalar;

/// A face of the hull's Pareto frontier: the outcomes on it (for two players the segment's
/// ends, first utility increasing), and the normal `w > 0` with `w·U ≤ level` for every
/// outcome `U`, equality on the face.
#[derive(Clone, Debug, PartialEq)]
pub struct Face<F> {
    pub members: Vec<usize>,
    pub normal: Vec<F>,
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
                members: vec![w[0], w[1]],
                normal: vec![normal.0, normal.1],
                level,
            }
        })
        .collect()
}

/// The Pareto faces of a three-player hull: every plane through three hull-Pareto outcomes
/// (`hull`) whose normal is strictly positive and which no Pareto-optimal outcome (`pareto`)
/// lies above; coplanar outcomes are merged into one face. `O(h³·p)` exact operations.
pub fn faces3<F: Scalar>(points: &[Vec<F>], hull: &[usize], pareto: &[usize]) -> Vec<Face<F>> {
    let mut found: Vec<Face<F>> = Vec::new();
    let h = hull.len();
    let sub = |a: &[F], b: &[F]| -> Vec<F> { a.iter().zip(b).map(|(x, y)| x.minus(y)).collect() };
    for i in 0..h {
        for j in i + 1..h {
            for k in j + 1..h {
                let (a, b, c) = (&points[hull[i]], &points[hull[j]], &points[hull[k]]);
                let (u, v) = (sub(b, a), sub(c, a));
                let mut n = vec![
                    u[1].times(&v[2]).minus(&u[2].times(&v[1])),
                    u[2].times(&v[0]).minus(&u[0].times(&v[2])),
                    u[0].times(&v[1]).minus(&u[1].times(&v[0])),
                ];
                if n.iter().all(|w| w.sign().is_lt()) {
                    n = n.iter().map(Scalar::negated).collect();
                }
                if !n.iter().all(|w| w.sign().is_gt()) {
                    continue; // collinear, or not an upper-right face
                }
                let dot = |p: &[F]| {
                    p.iter()
                        .zip(&n)
                        .fold(F::zero(), |acc, (x, w)| acc.plus(&x.times(w)))
                };
                let level = dot(a);
                if found.iter().any(|f| {
                    f.members.contains(&hull[i])
                        && f.members.contains(&hull[j])
                        && f.members.contains(&hull[k])
                }) {
                    continue;
                }
                // A dominated outcome scores below the outcome dominating it: checking the
                // Pareto-optimal ones proves the plane supports every outcome.
                if pareto.iter().any(|&q| dot(&points[q]) > level) {
                    continue;
                }
                let members: Vec<usize> = hull
                    .iter()
                    .copied()
                    .filter(|&q| dot(&points[q]) == level)
                    .collect();
                found.push(Face {
                    members,
                    normal: n,
                    level,
                });
            }
        }
    }
    found
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
        let pairs: Vec<Vec<usize>> = f.iter().map(|f| f.members.clone()).collect();
        assert_eq!(pairs, vec![vec![0, 4], vec![4, 3], vec![3, 1]]);
        assert!(f.iter().all(|f| f.normal.iter().all(|w| *w > 0)));
    }

    #[test]
    fn three_player_faces() {
        // Three outcomes and their centroid on the plane x + y + z = 6, and a dominated one:
        // one face, with the four coplanar outcomes merged into it.
        let p: Vec<Vec<Rational>> = [[4, 1, 1], [1, 4, 1], [1, 1, 4], [2, 2, 2], [1, 1, 1]]
            .iter()
            .map(|q| q.iter().map(|x| int(*x)).collect())
            .collect();
        let pareto = crate::frontier::dominance::pareto(&p);
        let f = faces3(&p, &[0, 1, 2, 3], &pareto);
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].members, vec![0, 1, 2, 3]);
        assert!(f[0].normal.iter().all(|w| *w > 0));
        // Raise the centroid to (3, 3, 3): the planes through it and two corners tilt away
        // (a negative normal component), so the Pareto frontier is that one vertex — no faces.
        let mut q = p.clone();
        q[3] = vec![int(3), int(3), int(3)];
        let pareto = crate::frontier::dominance::pareto(&q);
        assert!(faces3(&q, &[0, 1, 2, 3], &pareto).is_empty());
    }
}
