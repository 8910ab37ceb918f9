//! The convex hull of three players' outcomes by gift wrapping, exactly: every facet with its outward normal, its corners in order and every outcome on its plane, and each outcome's neighbours on the hull.
//!
//! Gift wrapping turns a supporting plane about a line through outcomes until it meets the next
//! outcome: one pass over the outcomes per hull edge, `O(n·e)` exact operations for `e` edges
//! (at most `3n`). Coplanar outcomes need no perturbation: a facet is the whole plane's polygon,
//! found with every outcome on it, and adjacent facets share the edge between two corners.

use std::collections::{HashSet, VecDeque};

use crate::exact::field::{Field, OrderedField};

/// A facet of the hull; for outcomes on one plane, that plane (normal either way).
#[derive(Clone, Debug, PartialEq)]
pub struct Facet<F> {
    /// Outward: `normal·U ≤ level` for every outcome `U`, with equality on the facet.
    pub normal: Vec<F>,
    pub level: F,
    /// The corners (one of each set of exact copies), counter-clockwise seen from outside.
    pub corners: Vec<usize>,
    /// Every outcome on the facet's plane, exact copies included, ascending.
    pub members: Vec<usize>,
}

/// The facets of the hull of `points` (three utilities each; none when the outcomes are
/// collinear) and, per outcome, the outcomes next to it on the hull: the corners beside it on
/// each facet it is a corner of, every corner of a facet it lies on otherwise. Weights that
/// support an outcome against its neighbours support it against every outcome (the normal
/// cone of a convex polytope is cut out by its edges), so its LPs need only those.
#[derive(Clone, Debug)]
pub struct Hull3<F> {
    pub facets: Vec<Facet<F>>,
    pub neighbours: Vec<Vec<usize>>,
}

fn dot<F: OrderedField>(a: &[F], b: &[F]) -> F {
    a.iter()
        .zip(b)
        .fold(F::zero(), |acc, (x, y)| acc.plus(&x.times(y)))
}

fn sub<F: OrderedField>(a: &[F], b: &[F]) -> Vec<F> {
    a.iter().zip(b).map(|(x, y)| x.minus(y)).collect()
}

fn cross<F: OrderedField>(a: &[F], b: &[F]) -> Vec<F> {
    vec![
        a[1].times(&b[2]).minus(&a[2].times(&b[1])),
        a[2].times(&b[0]).minus(&a[0].times(&b[2])),
        a[0].times(&b[1]).minus(&a[1].times(&b[0])),
    ]
}

fn scaled<F: OrderedField>(a: &[F], s: &F) -> Vec<F> {
    a.iter().map(|x| x.times(s)).collect()
}

/// Distinct outcomes (the first index of each set of exact copies) and, per outcome, the
/// index of its distinct representative.
fn distinct<F: OrderedField>(points: &[Vec<F>]) -> (Vec<usize>, Vec<usize>) {
    let mut order: Vec<usize> = (0..points.len()).collect();
    order.sort_by(|&i, &j| lexicographic(&points[i], &points[j]).then(i.cmp(&j)));
    let mut representative = vec![0; points.len()];
    let mut reps = Vec::new();
    for (position, &i) in order.iter().enumerate() {
        if position == 0 || points[order[position - 1]] != points[i] {
            reps.push(i);
        }
        representative[i] = *reps.last().expect("pushed");
    }
    (reps, representative)
}

fn lexicographic<F: OrderedField>(a: &[F], b: &[F]) -> std::cmp::Ordering {
    a.iter()
        .zip(b)
        .map(|(x, y)| x.partial_cmp(y).expect("exact numbers are ordered"))
        .find(|o| o.is_ne())
        .unwrap_or(std::cmp::Ordering::Equal)
}

/// The hull of `points`, three utilities each.
pub fn hull<F: OrderedField>(points: &[Vec<F>]) -> Hull3<F> {
    let (reps, representative) = distinct(points);
    let mut copies: Vec<Vec<usize>> = vec![Vec::new(); points.len()];
    for (i, &r) in representative.iter().enumerate() {
        copies[r].push(i);
    }
    let wrap = Wrap {
        points,
        reps: &reps,
        copies: &copies,
    };
    let facets = wrap.facets();
    let mut neighbours: Vec<Vec<usize>> = vec![Vec::new(); points.len()];
    for f in &facets {
        let count = f.corners.len();
        for &k in &f.members {
            let r = representative[k];
            match f.corners.iter().position(|&c| c == r) {
                Some(at) => {
                    neighbours[k].push(f.corners[(at + count - 1) % count]);
                    neighbours[k].push(f.corners[(at + 1) % count]);
                    if r != k {
                        neighbours[k].push(r);
                    }
                }
                None => neighbours[k].extend(&f.corners),
            }
        }
    }
    for n in &mut neighbours {
        n.sort_unstable();
        n.dedup();
    }
    Hull3 { facets, neighbours }
}

/// The outcomes, their distinct representatives and each representative's copies.
struct Wrap<'a, F> {
    points: &'a [Vec<F>],
    reps: &'a [usize],
    copies: &'a [Vec<usize>],
}

impl<F: OrderedField> Wrap<'_, F> {
    fn facets(&self) -> Vec<Facet<F>> {
        let p = self.points;
        let Some(&origin) = self
            .reps
            .iter()
            .min_by(|&&i, &&j| lexicographic(&p[i], &p[j]))
        else {
            return Vec::new();
        };
        let o = &p[origin];
        let Some(&second) = self.reps.iter().find(|&&i| i != origin) else {
            return Vec::new();
        };
        let along = sub(&p[second], o);
        let Some(plane) = self
            .reps
            .iter()
            .map(|&i| cross(&along, &sub(&p[i], o)))
            .find(|n| n.iter().any(|x| !x.is_zero()))
        else {
            return Vec::new(); // collinear: no facet
        };
        let level = dot(&plane, o);
        if self.reps.iter().all(|&i| dot(&plane, &p[i]) == level) {
            // One plane: its polygon, with the normal positive when one way is.
            let plane = if plane.iter().all(|x| x.sign().is_lt()) {
                plane.iter().map(Field::negated).collect()
            } else {
                plane
            };
            return vec![self.facet(plane)];
        }
        let mut facets = vec![self.first_facet(origin)];
        let mut owned: HashSet<(usize, usize)> = HashSet::new();
        let mut queue: VecDeque<(usize, usize)> = VecDeque::new();
        own_edges(&facets, &mut owned, &mut queue);
        while let Some((f, e)) = queue.pop_front() {
            let corners = &facets[f].corners;
            let count = corners.len();
            let (a, b) = (corners[e], corners[(e + 1) % count]);
            if owned.contains(&(b, a)) {
                continue;
            }
            // The corner after b is on the facet's plane, off the line a–b.
            let inside = corners[(e + 2) % count];
            let normal = self.pivot(a, &sub(&p[b], &p[a]), &facets[f].normal, &[inside]);
            let next = self.facet(normal);
            let n = next.corners.len();
            assert!(
                (0..n).any(|i| next.corners[i] == b && next.corners[(i + 1) % n] == a),
                "the facet across an edge has that edge"
            );
            facets.push(next);
            own_edges(&facets, &mut owned, &mut queue);
        }
        facets
    }

    /// A first facet: the plane `x = min x` turned about the vertical line through the
    /// lexicographically least outcome (a corner), then, if that plane meets the outcomes in a
    /// segment, about the segment.
    fn first_facet(&self, origin: usize) -> Facet<F> {
        let p = self.points;
        let o = &p[origin];
        let west = vec![F::one().negated(), F::zero(), F::zero()];
        let up = vec![F::zero(), F::zero(), F::one()];
        let normal = self.pivot(origin, &up, &west, self.reps);
        let level = dot(&normal, o);
        let on: Vec<usize> = self
            .reps
            .iter()
            .copied()
            .filter(|&i| dot(&normal, &p[i]) == level)
            .collect();
        let far = *on
            .iter()
            .find(|&&i| i != origin)
            .expect("the pivot met an outcome");
        let along = sub(&p[far], o);
        if on
            .iter()
            .any(|&i| cross(&along, &sub(&p[i], o)).iter().any(|x| !x.is_zero()))
        {
            return self.facet(normal);
        }
        let position = |i: usize| dot(&along, &sub(&p[i], o));
        let least = |better: std::cmp::Ordering| {
            *on.iter()
                .reduce(|a, b| {
                    if position(*b).partial_cmp(&position(*a)) == Some(better) {
                        b
                    } else {
                        a
                    }
                })
                .expect("non-empty")
        };
        let (start, end) = (
            least(std::cmp::Ordering::Less),
            least(std::cmp::Ordering::Greater),
        );
        let normal = self.pivot(start, &sub(&p[end], &p[start]), &normal, &[]);
        self.facet(normal)
    }

    /// The outward normal of the supporting plane reached by turning the supporting plane with
    /// outward normal `current` about the line through `points[at]` along `axis` (in the plane),
    /// away from the outcomes on it: `inside` lists outcomes among which any on the current
    /// plane but off the line is found (they all lie on one side of the line).
    ///
    /// In the plane across the line, with `α = current·d`, `β = side·d` for `d = U − points[at]`
    /// (`side ⊥ axis, current`), every outcome has `α ≤ 0`; its angle from the current plane
    /// lies in `[0, π)` once `side` points towards the current plane's outcomes, and the plane
    /// through the outcome of largest angle supports all. `α_c·side − β_c·current` is its
    /// outward normal, and an outcome lies beyond it exactly when its angle is larger.
    fn pivot(&self, at: usize, axis: &[F], current: &[F], inside: &[usize]) -> Vec<F> {
        let p = self.points;
        let base = &p[at];
        let mut side = cross(axis, current);
        let alpha = |i: usize| dot(current, &sub(&p[i], base));
        if let Some(beta) = inside
            .iter()
            .filter(|&&i| alpha(i).is_zero())
            .map(|&i| dot(&side, &sub(&p[i], base)))
            .find(|b| !b.is_zero())
            && beta.sign().is_lt()
        {
            side = side.iter().map(Field::negated).collect();
        }
        let normal_through = |i: usize| {
            let d = sub(&p[i], base);
            let (a, b) = (dot(current, &d), dot(&side, &d));
            let n = sub(&scaled(&side, &a), &scaled(current, &b));
            (!n.iter().all(OrderedField::is_zero)).then_some(n)
        };
        let mut best: Option<(Vec<F>, F)> = None;
        for &i in self.reps {
            match &best {
                None => {
                    best = normal_through(i).map(|n| {
                        let level = dot(&n, base);
                        (n, level)
                    });
                }
                Some((n, level)) => {
                    if dot(n, &p[i]) > *level {
                        let n = normal_through(i).expect("an outcome beyond is off the line");
                        let level = dot(&n, base);
                        best = Some((n, level));
                    }
                }
            }
        }
        best.expect("an outcome off the line").0
    }

    /// The facet on the supporting plane with outward normal `normal`: the outcomes on it and
    /// the corners of their polygon, counter-clockwise seen from outside.
    fn facet(&self, normal: Vec<F>) -> Facet<F> {
        let p = self.points;
        let values: Vec<F> = self.reps.iter().map(|&i| dot(&normal, &p[i])).collect();
        let level = values
            .iter()
            .reduce(|a, b| if b > a { b } else { a })
            .expect("an outcome")
            .clone();
        let on: Vec<usize> = self
            .reps
            .iter()
            .zip(&values)
            .filter(|(_, v)| **v == level)
            .map(|(&i, _)| i)
            .collect();
        let corners = polygon(p, &on, &normal);
        // The normal again from three corners, pointing the same way: a pivot builds each
        // normal from the previous one, and its numbers would grow facet by facet.
        let a = &p[corners[0]];
        let normal = corners[2..]
            .iter()
            .map(|&c| cross(&sub(&p[corners[1]], a), &sub(&p[c], a)))
            .find(|n| n.iter().any(|x| !x.is_zero()))
            .map(|n| {
                if dot(&n, &normal).sign().is_lt() {
                    n.iter().map(Field::negated).collect()
                } else {
                    n
                }
            })
            .expect("a facet's corners are not collinear");
        let level = dot(&normal, a);
        let mut members: Vec<usize> = on.iter().flat_map(|&r| self.copies[r].clone()).collect();
        members.sort_unstable();
        Facet {
            normal,
            level,
            corners,
            members,
        }
    }
}

/// Records the newest facet's edges (each directed edge bounds one facet) and queues them.
fn own_edges<F>(
    facets: &[Facet<F>],
    owned: &mut HashSet<(usize, usize)>,
    queue: &mut VecDeque<(usize, usize)>,
) {
    let f = facets.len() - 1;
    let corners = &facets[f].corners;
    for e in 0..corners.len() {
        let edge = (corners[e], corners[(e + 1) % corners.len()]);
        assert!(owned.insert(edge), "an edge bounds one facet on each side");
        queue.push_back((f, e));
    }
}

/// The corners of the convex polygon of the distinct coplanar outcomes `on` (not all
/// collinear), counter-clockwise seen from the side `normal` points to: Andrew's monotone chain
/// in the two coordinates other than one where the normal is not zero.
fn polygon<F: OrderedField>(points: &[Vec<F>], on: &[usize], normal: &[F]) -> Vec<usize> {
    let drop = (0..3)
        .find(|&a| !normal[a].is_zero())
        .expect("a non-zero normal");
    let (u, v) = ((drop + 1) % 3, (drop + 2) % 3);
    let turn = |o: usize, a: usize, b: usize| {
        let (ax, ay) = (
            points[a][u].minus(&points[o][u]),
            points[a][v].minus(&points[o][v]),
        );
        let (bx, by) = (
            points[b][u].minus(&points[o][u]),
            points[b][v].minus(&points[o][v]),
        );
        ax.times(&by).minus(&ay.times(&bx)).sign()
    };
    let mut order = on.to_vec();
    order.sort_by(|&i, &j| {
        let by = |c: usize| points[i][c].partial_cmp(&points[j][c]).expect("ordered");
        by(u).then_with(|| by(v))
    });
    let mut chain: Vec<usize> = Vec::new();
    for pass in [order.clone(), order.iter().rev().copied().collect()] {
        let floor = chain.len();
        for i in pass {
            while chain.len() >= floor + 2
                && turn(chain[chain.len() - 2], chain[chain.len() - 1], i).is_le()
            {
                chain.pop();
            }
            chain.push(i);
        }
        chain.pop(); // the last point starts the other pass
    }
    if normal[drop].sign().is_lt() {
        chain.reverse();
    }
    chain
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::exact::Rational;
    use crate::exact::rational::int;

    fn pts(v: &[[i64; 3]]) -> Vec<Vec<Rational>> {
        v.iter()
            .map(|p| p.iter().map(|x| int(*x)).collect())
            .collect()
    }

    #[test]
    fn a_cube_has_six_square_facets() {
        let mut outcomes = Vec::new();
        for x in [0, 2] {
            for y in [0, 2] {
                for z in [0, 2] {
                    outcomes.push([x, y, z]);
                }
            }
        }
        // The top's centre, a copy of a corner and the cube's centre.
        outcomes.extend([[1, 1, 2], [0, 0, 0], [1, 1, 1]]);
        let h = hull(&pts(&outcomes));
        assert_eq!(h.facets.len(), 6);
        assert!(h.facets.iter().all(|f| f.corners.len() == 4));
        let top = h.facets.iter().find(|f| f.normal[2] > 0).unwrap();
        assert_eq!(top.members, vec![1, 3, 5, 7, 8]);
        assert_eq!(h.neighbours[8], vec![1, 3, 5, 7]);
        assert_eq!(h.neighbours[9], vec![0, 1, 2, 4]);
        assert_eq!(h.neighbours[10], Vec::<usize>::new());
    }

    #[test]
    fn coplanar_and_collinear_outcomes() {
        let flat = hull(&pts(&[[4, 1, 1], [1, 4, 1], [1, 1, 4], [2, 2, 2]]));
        assert_eq!(flat.facets.len(), 1);
        assert_eq!(flat.facets[0].normal, vec![int(9), int(9), int(9)]);
        assert_eq!(flat.facets[0].corners.len(), 3);
        assert_eq!(flat.neighbours[3], vec![0, 1, 2]);
        assert!(
            hull(&pts(&[[0, 0, 0], [1, 1, 1], [2, 2, 2]]))
                .facets
                .is_empty()
        );
        assert!(hull(&pts(&[[1, 2, 3]])).facets.is_empty());
    }
}
