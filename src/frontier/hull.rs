//! The upper-right (Pareto) faces of the convex hull of two- and three-player outcomes, exactly, each with its supporting hyperplane checked against every outcome.

use crate::exact::field::{Field, OrderedField};

use super::hull3::Facet as Facet3;

/// A face of the hull's Pareto frontier: the outcomes on it (for two players the segment's
/// ends, first utility increasing), and the normal `w > 0` with `w·U ≤ level` for every
/// outcome `U`, equality on the face.
#[derive(Clone, Debug, PartialEq)]
pub struct Face<F> {
    pub members: Vec<usize>,
    pub normal: Vec<F>,
    pub level: F,
}

fn cross<F: OrderedField>(o: &[F], a: &[F], b: &[F]) -> F {
    let (ax, ay) = (a[0].minus(&o[0]), a[1].minus(&o[1]));
    let (bx, by) = (b[0].minus(&o[0]), b[1].minus(&o[1]));
    ax.times(&by).minus(&ay.times(&bx))
}

/// The hull's concave chain through the Pareto-optimal outcomes `pareto`, by increasing first
/// utility: its corners, one of each set of exact copies (the first), every turn strictly
/// clockwise. Pareto points by increasing x have decreasing y.
pub fn chain<F: OrderedField>(points: &[Vec<F>], pareto: &[usize]) -> Vec<usize> {
    let mut order: Vec<usize> = pareto.to_vec();
    order.sort_by(|&i, &j| points[i][0].partial_cmp(&points[j][0]).unwrap());
    order.dedup_by(|a, b| points[*a] == points[*b]);
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
}

/// The segment of `chain` (sorted by strictly increasing x) over `x`: the index of its left
/// corner, or of the corner at `x` (`Ok`).
fn locate<F: OrderedField>(points: &[Vec<F>], chain: &[usize], x: &F) -> Result<usize, usize> {
    chain.binary_search_by(|&c| points[c][0].partial_cmp(x).expect("ordered"))
}

/// The Pareto faces of the hull of `points`, from the Pareto-optimal indices `pareto`. That
/// every face's line supports every outcome is proved exactly in linear time (a failed check is
/// a bug and panics rather than printing a wrong face): the chain turns strictly clockwise at
/// every corner, so each face's line lies on or above the whole chain, and every Pareto-optimal
/// outcome lies on or below the face over its first utility. A dominated outcome scores below
/// the outcome dominating it, the normals being positive.
pub fn faces<F: OrderedField>(points: &[Vec<F>], pareto: &[usize]) -> Vec<Face<F>> {
    let chain = chain(points, pareto);
    let faces: Vec<Face<F>> = chain
        .windows(2)
        .map(|w| {
            let (a, b) = (&points[w[0]], &points[w[1]]);
            let normal = (a[1].minus(&b[1]), b[0].minus(&a[0]));
            let level = normal.0.times(&a[0]).plus(&normal.1.times(&a[1]));
            Face {
                members: vec![w[0], w[1]],
                normal: vec![normal.0, normal.1],
                level,
            }
        })
        .collect();
    assert!(
        chain
            .windows(3)
            .all(|w| cross(&points[w[0]], &points[w[1]], &points[w[2]])
                .sign()
                .is_lt())
            && faces
                .iter()
                .all(|f| f.normal.iter().all(|w| w.sign().is_gt())),
        "the hull's Pareto chain turns clockwise, with positive normals"
    );
    for p in pareto.iter().map(|&i| &points[i]) {
        let at = match locate(points, &chain, &p[0]) {
            Ok(corner) => corner.min(faces.len().saturating_sub(1)),
            Err(right) => right - 1,
        };
        if let Some(f) = faces.get(at) {
            let v = f.normal[0].times(&p[0]).plus(&f.normal[1].times(&p[1]));
            assert!(v <= f.level, "a hull face must support every outcome");
        }
    }
    faces
}

/// Each outcome's neighbours on the chain (indices into `points`, for the Pareto-optimal
/// `pareto`): the corners beside a corner (and the corner, for its copies), or the two ends of
/// the segment over an outcome between corners.
pub fn chain_neighbours<F: OrderedField>(
    points: &[Vec<F>],
    pareto: &[usize],
    chain: &[usize],
) -> Vec<Vec<usize>> {
    let mut neighbours = vec![Vec::new(); points.len()];
    for &k in pareto {
        let n = &mut neighbours[k];
        match locate(points, chain, &points[k][0]) {
            Ok(c) => {
                n.extend(c.checked_sub(1).map(|l| chain[l]));
                n.extend(chain.get(c + 1));
                if chain[c] != k {
                    n.push(chain[c]);
                }
            }
            Err(right) => n.extend([chain[right - 1], chain[right]]),
        }
    }
    neighbours
}

/// The Pareto faces of a three-player hull from its facets ([`super::hull3::hull`] of the
/// Pareto-optimal `points`): the facets whose outward normal is strictly positive (for outcomes
/// on one plane, that plane when its normal is positive one way, as `hull` orients it). Each is given as the
/// brute-force enumeration of planes through three outcomes would find it: the normal of the
/// first triple of its members (in index order) that is not collinear, faces in the order of
/// those triples; and each is checked exactly against every outcome.
pub fn faces3<F: OrderedField>(points: &[Vec<F>], facets: &[Facet3<F>]) -> Vec<Face<F>> {
    let sub = |a: &[F], b: &[F]| -> Vec<F> { a.iter().zip(b).map(|(x, y)| x.minus(y)).collect() };
    let normal_of = |a: usize, b: usize, c: usize| {
        let (u, v) = (sub(&points[b], &points[a]), sub(&points[c], &points[a]));
        vec![
            u[1].times(&v[2]).minus(&u[2].times(&v[1])),
            u[2].times(&v[0]).minus(&u[0].times(&v[2])),
            u[0].times(&v[1]).minus(&u[1].times(&v[0])),
        ]
    };
    let dot = |n: &[F], p: &[F]| {
        p.iter()
            .zip(n)
            .fold(F::zero(), |acc, (x, w)| acc.plus(&x.times(w)))
    };
    let mut found: Vec<((usize, usize, usize), Face<F>)> = Vec::new();
    for f in facets {
        if !f.normal.iter().all(|w| w.sign().is_gt()) {
            continue;
        }
        let members = &f.members;
        let a = members[0];
        let b = *members
            .iter()
            .find(|&&j| points[j] != points[a])
            .expect("a facet has three corners");
        let (c, mut normal) = members
            .iter()
            .filter(|&&j| j > b)
            .map(|&j| (j, normal_of(a, b, j)))
            .find(|(_, n)| n.iter().any(|w| !w.is_zero()))
            .expect("a facet's members are not collinear");
        if normal.iter().all(|w| w.sign().is_lt()) {
            normal = normal.iter().map(Field::negated).collect();
        }
        let level = dot(&normal, &points[a]);
        for p in points {
            assert!(
                dot(&normal, p) <= level,
                "a hull face must support every outcome"
            );
        }
        found.push((
            (a, b, c),
            Face {
                members: members.clone(),
                normal,
                level,
            },
        ));
    }
    found.sort_by_key(|(triple, _)| *triple);
    found.into_iter().map(|(_, f)| f).collect()
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
        // Three outcomes and their centroid on the plane x + y + z = 6: one face, with the
        // four coplanar outcomes merged into it.
        let p: Vec<Vec<Rational>> = [[4, 1, 1], [1, 4, 1], [1, 1, 4], [2, 2, 2]]
            .iter()
            .map(|q| q.iter().map(|x| int(*x)).collect())
            .collect();
        let f = faces3(&p, &crate::frontier::hull3::hull(&p).facets);
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].members, vec![0, 1, 2, 3]);
        assert_eq!(f[0].normal, vec![int(9), int(9), int(9)]);
        // Raise the centroid to (3, 3, 3): the planes through it and two corners tilt away
        // (a negative normal component), so the Pareto frontier is that one vertex — no faces.
        let mut q = p.clone();
        q[3] = vec![int(3), int(3), int(3)];
        assert!(faces3(&q, &crate::frontier::hull3::hull(&q).facets).is_empty());
    }
}
