//! Two-player frontiers with irrational utilities: exact hull geometry with interval-filtered signs, values as certified enclosures.
//!
//! LP certificates over real algebraic data would need Gaussian elimination among unrelated
//! algebraic numbers, whose degrees multiply. For two players the same answers follow from
//! orientation signs of three outcomes: an interval enclosure of the cross product decides the
//! sign when it excludes zero (the usual case), and exact algebraic arithmetic decides the rest.
//! Hull-Pareto membership and faces are exact verdicts; the egalitarian and KS levels are
//! reported as rational enclosures of the exact values, with the lottery that attains them.

use std::cmp::Ordering;

use crate::exact::interval::Interval;
use crate::exact::rational::pow2;
use crate::exact::{Algebraic, Rational};

/// A certified enclosure of an exact number, with its exact value when that is cheap.
#[derive(Clone, Debug)]
pub struct Level {
    pub enclosure: Interval,
    pub exact: Option<Rational>,
}

fn enclose(a: &Algebraic, bits: i64) -> Interval {
    if let Some(r) = a.as_rational() {
        return Interval::point(r.clone());
    }
    let mut a = a.clone();
    a.refine(&pow2(-bits));
    let (lo, hi) = a.interval();
    Interval::new(lo, hi)
}

/// The sign of `(a − o) × (b − o)` (positive: counter-clockwise), exactly.
pub fn orientation(o: &[Algebraic], a: &[Algebraic], b: &[Algebraic]) -> Ordering {
    for bits in [40, 120, 400] {
        let e = |p: &[Algebraic], i: usize| enclose(&p[i], bits);
        let ax = e(a, 0).sub(&e(o, 0));
        let ay = e(a, 1).sub(&e(o, 1));
        let bx = e(b, 0).sub(&e(o, 0));
        let by = e(b, 1).sub(&e(o, 1));
        let cross = ax.mul(&by).sub(&ay.mul(&bx));
        if let Some(sign) = cross.sign()
            && sign != Ordering::Equal
        {
            return sign;
        }
        if cross.lo == 0 && cross.hi == 0 {
            return Ordering::Equal;
        }
    }
    // The enclosure still straddles zero: decide exactly.
    let (ax, ay) = (a[0].sub(&o[0]), a[1].sub(&o[1]));
    let (bx, by) = (b[0].sub(&o[0]), b[1].sub(&o[1]));
    ax.mul(&by).sub(&ay.mul(&bx)).sign()
}

/// The hull's Pareto chain through the Pareto-optimal `front` (indices into `points`), by
/// increasing first utility: the vertices, every kept turn strictly clockwise.
pub fn chain(points: &[Vec<Algebraic>], front: &[usize]) -> Vec<usize> {
    let mut order = front.to_vec();
    order.sort_by(|&i, &j| points[i][0].cmp(&points[j][0]));
    order.dedup_by(|a, b| points[*a] == points[*b]);
    let mut chain: Vec<usize> = Vec::new();
    for &i in &order {
        while chain.len() >= 2 {
            let (o, a) = (chain[chain.len() - 2], chain[chain.len() - 1]);
            if orientation(&points[o], &points[a], &points[i]) != Ordering::Less {
                chain.pop();
            } else {
                break;
            }
        }
        chain.push(i);
    }
    chain
}

/// Whether `p` lies on the segment `a–b` of the chain (collinear and between).
pub fn on_segment(p: &[Algebraic], a: &[Algebraic], b: &[Algebraic]) -> bool {
    orientation(a, b, p) == Ordering::Equal && p[0] >= a[0] && p[0] <= b[0]
}

/// `max t` with a lottery over the chain reaching `t·target` (target > 0): the chain point
/// where the ray meets it, as an enclosure, and the two vertices (with the weight on the
/// first) whose lottery attains it.
pub fn ray_level(
    points: &[Vec<Algebraic>],
    chain: &[usize],
    target: (&Algebraic, &Algebraic),
) -> (Level, Vec<(usize, Interval)>) {
    let bits = 80;
    let tx = enclose(target.0, bits);
    let ty = enclose(target.1, bits);
    // Candidates: each vertex reaches t = min(u_x / target_x, u_y / target_y); each segment
    // crossing the ray reaches the crossing. The best is on the chain (concave, increasing in x).
    let mut candidates: Vec<(Interval, Vec<(usize, Interval)>)> = Vec::new();
    let div = |x: &Interval, y: &Interval| -> Interval {
        // y > 0 here.
        let inv = Interval::new(Rational::from(1) / &y.hi, Rational::from(1) / &y.lo);
        x.mul(&inv)
    };
    for &v in chain {
        let (ux, uy) = (enclose(&points[v][0], bits), enclose(&points[v][1], bits));
        let (a, b) = (div(&ux, &tx), div(&uy, &ty));
        let t = Interval::new(a.lo.clone().min(b.lo.clone()), a.hi.min(b.hi));
        candidates.push((t, vec![(v, Interval::point(Rational::from(1)))]));
    }
    for w in chain.windows(2) {
        let (p, q) = (&points[w[0]], &points[w[1]]);
        // Does the ray cross the segment? Orientation of p and q about the ray differ.
        let origin = [
            Algebraic::from_rational(Rational::from(0)),
            Algebraic::from_rational(Rational::from(0)),
        ];
        let dir = [target.0.clone(), target.1.clone()];
        let sp = orientation(&origin, &dir, p);
        let sq = orientation(&origin, &dir, q);
        if sp == sq || sp == Ordering::Equal || sq == Ordering::Equal {
            continue;
        }
        // p + μ (q − p) = t·target: μ = cross(p, target) / cross(p − q, target).
        let (px, py) = (enclose(&p[0], bits), enclose(&p[1], bits));
        let (qx, qy) = (enclose(&q[0], bits), enclose(&q[1], bits));
        let num = px.mul(&ty).sub(&py.mul(&tx));
        let den = px.sub(&qx).mul(&ty).sub(&py.sub(&qy).mul(&tx));
        let Some(den_sign) = den.sign().filter(|s| *s != Ordering::Equal) else {
            continue;
        };
        let den = if den_sign == Ordering::Less {
            den.neg()
        } else {
            den
        };
        let num = if den_sign == Ordering::Less {
            num.neg()
        } else {
            num
        };
        let mu = div(&num, &den);
        let x = px.add(&mu.mul(&qx.sub(&px)));
        let t = div(&x, &tx);
        let weights = vec![
            (w[0], Interval::point(Rational::from(1)).sub(&mu)),
            (w[1], mu),
        ];
        candidates.push((t, weights));
    }
    // The maximum lies in [max lo, max hi] whichever candidate attains it; the lottery shown is
    // the candidate with the largest lower end (it attains the maximum up to the enclosure).
    let lo = candidates
        .iter()
        .map(|(t, _)| t.lo.clone())
        .max()
        .expect("a non-empty chain");
    let hi = candidates
        .iter()
        .map(|(t, _)| t.hi.clone())
        .max()
        .expect("a non-empty chain");
    let (_, weights) = candidates
        .into_iter()
        .max_by(|a, b| a.0.lo.cmp(&b.0.lo))
        .expect("a non-empty chain");
    let exact = (lo == hi).then(|| lo.clone());
    (
        Level {
            enclosure: Interval::new(lo, hi),
            exact,
        },
        weights,
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::exact::rational::int;

    fn a(x: i64) -> Algebraic {
        Algebraic::from_rational(int(x))
    }

    #[test]
    fn orientation_and_chain() {
        let sqrt2 = a(2).sqrt().unwrap();
        let pts = vec![
            vec![a(0), a(4)],
            vec![a(4), a(0)],
            vec![sqrt2.clone(), a(3)],
            vec![a(1), a(1)],
        ];
        assert_eq!(orientation(&pts[0], &pts[1], &pts[2]), Ordering::Greater);
        let front = crate::frontier::dominance::pareto(&pts);
        assert_eq!(chain(&pts, &front), vec![0, 2, 1]);
        // Exactly collinear with irrational coordinates: (√2, 4 − √2) on the segment (0,4)–(4,0).
        let on = vec![sqrt2.clone(), a(4).sub(&sqrt2)];
        assert_eq!(orientation(&pts[0], &pts[1], &on), Ordering::Equal);
        let (level, _) = ray_level(&pts, &[0, 1], (&a(1), &a(1)));
        assert_eq!(level.exact, Some(int(2)));
    }
}
