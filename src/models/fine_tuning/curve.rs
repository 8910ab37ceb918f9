//! The equilibrium curve of the fine-tuning game, parametrized by α0, and exact calculus along it.
//!
//! At every share δ the equilibrium has `δ·r = k0·c0·x^a` (G's first-order condition, `x = α0`,
//! `a = k0 − 1`) and `(1−δ)·r = k1·c1·y^b` (D's, `y = α1 − α0`, `b = k1 − 1`). So the equilibria
//! for δ ∈ [0, 1] are the points of `C(x, y) = k0·c0·x^a + k1·c1·y^b − r = 0` with `x, y ≥ 0`, δ
//! increases with x, and every utility is a polynomial `F(x, y)`. Along the curve
//! `dF/dx = (F_x·C_y − F_y·C_x) / C_y` with `C_y > 0`, so the slope's sign is the sign of a
//! polynomial whose zeros on the curve are roots of a resultant: exact candidate points.
//! When `k1 = 2`, `y` is a polynomial in `x` and every value is exact; otherwise values at a point
//! are certified enclosures (the point itself is still an exact algebraic number).

use std::cmp::Ordering;

use crate::error::{Error, Result};
use crate::exact::bipoly::BiPoly;
use crate::exact::interval::Interval;
use crate::exact::rational::{int, pow2};
use crate::exact::resultant::resultant_y;
use crate::exact::sign::rational_between;
use crate::exact::{Algebraic, Poly, Rational, Value, real_roots};

use super::exact::best_effort;
use super::params::Params;

/// Finest precision tried before a sign or a comparison is declared undecidable.
const FINEST: i64 = -4000;

/// Where `F` is largest on an interval of the curve, and the equal maxima a rule set aside.
#[derive(Clone, Debug)]
pub struct Maximum {
    pub at: Algebraic,
    /// `F` is non-decreasing then non-increasing on the interval.
    pub unimodal: bool,
    /// The other points with `F`'s largest value, ascending (the tie rules chose `at`).
    pub tied: Vec<Algebraic>,
    /// `F` is the same at every point of the interval (and `tied` lists `tie_break`'s own ties).
    pub everywhere: bool,
}

impl Maximum {
    fn alone(at: Algebraic) -> Maximum {
        Maximum {
            at,
            unimodal: true,
            tied: Vec::new(),
            everywhere: false,
        }
    }
}

/// A point of the curve: an exact `x`, or a rational bracket proven to contain it.
#[derive(Clone, Debug)]
pub enum Point {
    Exact(Algebraic),
    Bracket(Rational, Rational),
}

/// The curve of equilibria and the model's utilities as polynomials in `(x, y)`.
pub struct Curve {
    constraint: BiPoly,
    /// `y^b = s(x)`.
    s_of_x: Poly,
    b: u32,
    /// `y = s(x)` when `b = 1`.
    y_of_x: Option<Poly>,
    /// `δ = k0·c0·x^a / r`.
    delta_of_x: Poly,
    /// `x` at `δ = 1`.
    pub x_max: Algebraic,
    pub u_g: BiPoly,
    pub u_d: BiPoly,
}

impl Curve {
    pub fn new(params: &Params) -> Curve {
        let (c0, c1, r) = (params.c0(), params.c1(), params.r());
        let (k0, k1) = (params.k0(), params.k1());
        let (a, b) = (k0 - 1, k1 - 1);
        let g_margin = BiPoly::monomial(c0 * Rational::from(k0), a as usize, 0); // δ·r
        let d_margin = BiPoly::monomial(c1 * Rational::from(k1), 0, b as usize); // (1−δ)·r
        let alpha1 = &BiPoly::x() + &BiPoly::y();
        let u_g = &(&g_margin * &alpha1) - &BiPoly::monomial(c0.clone(), k0 as usize, 0);
        let u_d = &(&d_margin * &alpha1) - &BiPoly::monomial(c1.clone(), 0, k1 as usize);
        let constraint = &(&g_margin + &d_margin) - &BiPoly::constant(r.clone());
        let k1c1 = c1 * Rational::from(k1);
        let s_of_x = &Poly::constant(r / &k1c1)
            - &Poly::monomial(c0 * Rational::from(k0) / &k1c1, a as usize);
        Curve {
            constraint,
            y_of_x: (b == 1).then(|| s_of_x.clone()),
            s_of_x,
            b,
            delta_of_x: Poly::monomial(c0 * Rational::from(k0) / r, a as usize),
            x_max: best_effort(r, c0, k0),
            u_g,
            u_d,
        }
    }

    /// `δ(x)`.
    pub fn delta_of_x(&self) -> &Poly {
        &self.delta_of_x
    }

    /// The univariate restriction `F(x, y(x))` when `y` is a polynomial in `x`.
    fn restrict(&self, f: &BiPoly) -> Option<Poly> {
        self.y_of_x.as_ref().map(|y| f.substitute_y(y))
    }

    /// `F_x·C_y − F_y·C_x`: same sign as `dF/dx` along the curve.
    fn slope(&self, f: &BiPoly) -> BiPoly {
        let c = &self.constraint;
        &(&f.partial_x() * &c.partial_y()) - &(&f.partial_y() * &c.partial_x())
    }

    /// A superset of the points in `(lo, hi)` where `F` vanishes on the curve, ascending.
    pub fn zeros(&self, f: &BiPoly, lo: &Algebraic, hi: &Algebraic) -> Result<Vec<Algebraic>> {
        let candidates = match self.restrict(f) {
            Some(p) => p,
            None => resultant_y(f.rows(), self.constraint.rows()),
        };
        if candidates.is_zero() {
            return Err(Error::Undecided {
                what: "a zero set along the equilibrium curve".into(),
                reason: "the function vanishes identically on the curve".into(),
            });
        }
        Ok(real_roots(&candidates)
            .into_iter()
            .map(|root| root.value)
            .filter(|x| x > lo && x < hi)
            .collect())
    }

    /// The sign of `F` at a rational `x` in `[0, x_max]` where `F` does not vanish on the curve.
    pub fn sign_at(&self, f: &BiPoly, x: &Rational) -> Result<Ordering> {
        if let Some(p) = self.restrict(f) {
            return Ok(p.sign_at(x));
        }
        let mut width = pow2(-16);
        while width > pow2(FINEST) {
            let xs = Interval::point(x.clone());
            if let Some(sign) = f.eval_interval(&xs, &self.y_enclosure(&xs, &width)).sign() {
                return Ok(sign);
            }
            width = &width * &pow2(-16);
        }
        Err(Error::Undecided {
            what: format!("the sign of a utility at x = {x}"),
            reason: "interval enclosures did not separate it from zero".into(),
        })
    }

    /// The sign of `dF/dx` at a rational `x` strictly inside `(0, x_max)` that is not a critical point.
    pub fn slope_sign_at(&self, f: &BiPoly, x: &Rational) -> Result<Ordering> {
        match self.restrict(f) {
            Some(p) => Ok(p.derivative().sign_at(x)),
            None => self.sign_at(&self.slope(f), x),
        }
    }

    /// A superset of the critical points of `F` in `(lo, hi)`, ascending, or `None` when `F` is
    /// constant along the curve (its slope vanishes identically).
    pub fn critical_points(
        &self,
        f: &BiPoly,
        lo: &Algebraic,
        hi: &Algebraic,
    ) -> Result<Option<Vec<Algebraic>>> {
        match self.restrict(f) {
            Some(p) => {
                let slope = p.derivative();
                Ok((!slope.is_zero()).then(|| {
                    real_roots(&slope)
                        .into_iter()
                        .map(|root| root.value)
                        .filter(|x| x > lo && x < hi)
                        .collect()
                }))
            }
            None => match self.zeros(&self.slope(f), lo, hi) {
                Err(Error::Undecided { .. }) => Ok(None),
                found => found.map(Some),
            },
        }
    }

    /// An enclosure of `y(x)` over `x ∈ xs ⊂ [0, x_max]`, endpoints' roots to `width`.
    fn y_enclosure(&self, xs: &Interval, width: &Rational) -> Interval {
        // s(x) decreases in x ≥ 0.
        let s = Interval::new(self.s_of_x.eval(&xs.hi), self.s_of_x.eval(&xs.lo));
        s.nth_root(self.b, width)
    }

    /// `F` at a point: exact when both are, else an enclosure no wider than `width`.
    pub fn value(&self, f: &BiPoly, point: &Point, width: &Rational) -> Value {
        if let (Some(p), Point::Exact(x)) = (self.restrict(f), point) {
            return Value::Exact(x.map_poly(&p));
        }
        let mut x_width = width.clone();
        loop {
            let xs = match point {
                Point::Exact(x) => {
                    let mut x = x.clone();
                    x.refine(&x_width);
                    let (lo, hi) = x.interval();
                    Interval::new(lo, hi)
                }
                Point::Bracket(lo, hi) => Interval::new(lo.clone(), hi.clone()),
            };
            let enclosure = match self.restrict(f) {
                Some(p) => xs.eval(&p),
                None => f.eval_interval(&xs, &self.y_enclosure(&xs, &x_width)),
            };
            if enclosure.width() <= *width {
                return Value::Enclosure(enclosure);
            }
            if let Point::Bracket(lo, hi) = point {
                // A bracket bounds what precision can buy: stop once the roots are far finer.
                if x_width < (hi - lo) * pow2(-20) {
                    return Value::Enclosure(enclosure);
                }
            }
            x_width = &x_width * &pow2(-4);
        }
    }

    /// Exact comparison of `F` at two exact points (interval separation when values are enclosures).
    pub fn compare(&self, f: &BiPoly, a: &Algebraic, b: &Algebraic) -> Result<Ordering> {
        if let Some(p) = self.restrict(f) {
            return Ok(a.map_poly(&p).cmp(&b.map_poly(&p)));
        }
        if a == b {
            return Ok(Ordering::Equal);
        }
        let mut width = pow2(-16);
        while width > pow2(FINEST) {
            let va = self.value(f, &Point::Exact(a.clone()), &width).bounds();
            let vb = self.value(f, &Point::Exact(b.clone()), &width).bounds();
            if va.hi < vb.lo {
                return Ok(Ordering::Less);
            }
            if vb.hi < va.lo {
                return Ok(Ordering::Greater);
            }
            width = &width * &pow2(-16);
        }
        Err(Error::Undecided {
            what: "a comparison of utilities at two candidate shares".into(),
            reason: "their enclosures did not separate (a tie the interval path cannot prove)"
                .into(),
        })
    }

    /// The maximizer of `F` over `[lo, hi]` (`lo ≤ hi`), whether `F` is unimodal there
    /// (non-decreasing then non-increasing, with no interior local minimum), and the maximizers
    /// the rules set aside: equal local maxima go to `tie_break`'s larger value, then to the
    /// smallest `x`; an `F` constant on the curve is maximized everywhere, so `tie_break` decides.
    pub fn argmax(
        &self,
        f: &BiPoly,
        lo: &Algebraic,
        hi: &Algebraic,
        tie_break: Option<&BiPoly>,
    ) -> Result<Maximum> {
        if lo == hi {
            return Ok(Maximum::alone(lo.clone()));
        }
        let Some(critical) = self.critical_points(f, lo, hi)? else {
            let mut best = match tie_break {
                Some(g) => self.argmax(g, lo, hi, None)?,
                None => Maximum::alone(lo.clone()),
            };
            best.everywhere = true;
            best.unimodal = true;
            return Ok(best);
        };
        let mut breakpoints = vec![lo.clone()];
        breakpoints.extend(critical);
        breakpoints.push(hi.clone());
        let mut signs = Vec::with_capacity(breakpoints.len() - 1);
        for pair in breakpoints.windows(2) {
            signs.push(self.slope_sign_at(f, &rational_between(&pair[0], &pair[1]))?);
        }
        let last = signs.len() - 1;
        let mut maxima = breakpoints
            .iter()
            .enumerate()
            .filter(|(i, _)| {
                let rising_into = *i > 0 && signs[i - 1] == Ordering::Greater;
                let falling_out = *i <= last && signs[*i] == Ordering::Less;
                (*i == 0 && falling_out)
                    || (*i == last + 1 && rising_into)
                    || (rising_into && falling_out)
            })
            .map(|(_, x)| x);
        let changes = signs.windows(2).filter(|w| w[0] != w[1]).count();
        let unimodal = changes == 0 || (changes == 1 && signs[0] == Ordering::Greater);
        let first = maxima.next().expect("a non-constant F has a maximum on [lo, hi]");
        let mut best = Maximum {
            unimodal,
            ..Maximum::alone(first.clone())
        };
        for candidate in maxima {
            match self.compare(f, candidate, &best.at)? {
                Ordering::Greater => {
                    best.at = candidate.clone();
                    best.tied.clear();
                }
                Ordering::Less => {}
                Ordering::Equal => {
                    let by_tie_break = match tie_break {
                        Some(g) => self.compare(g, candidate, &best.at)?,
                        None => Ordering::Equal,
                    };
                    if by_tie_break == Ordering::Greater {
                        best.tied.push(std::mem::replace(&mut best.at, candidate.clone()));
                    } else {
                        best.tied.push(candidate.clone());
                    }
                }
            }
        }
        best.tied.sort();
        Ok(best)
    }

    /// The zero of `F` in `(lo, hi)` where `F` changes sign, if it does (exact: a root of the
    /// elimination polynomial isolated between two samples of opposite sign), with the sign of
    /// `F` on the first piece.
    pub fn sign_change(
        &self,
        f: &BiPoly,
        lo: &Algebraic,
        hi: &Algebraic,
    ) -> Result<(Option<Algebraic>, Ordering)> {
        let zeros = self.zeros(f, lo, hi)?;
        let mut breakpoints = vec![lo.clone()];
        breakpoints.extend(zeros);
        breakpoints.push(hi.clone());
        let mut previous: Option<Ordering> = None;
        let mut first = Ordering::Equal;
        for (i, pair) in breakpoints.windows(2).enumerate() {
            let sign = self.sign_at(f, &rational_between(&pair[0], &pair[1]))?;
            match previous {
                None => first = sign,
                Some(p) if p != sign => return Ok((Some(breakpoints[i].clone()), first)),
                Some(_) => {}
            }
            previous = Some(sign);
        }
        Ok((None, first))
    }

    /// The point of `(lo, hi)` where a continuous, strictly monotone function changes sign,
    /// bracketed by certified bisection to `width`. `lo_sign` is its sign just right of `lo`;
    /// `sign_of` gives its sign at a rational probe.
    pub fn bisect(
        lo: &Algebraic,
        hi: &Algebraic,
        lo_sign: Ordering,
        width: &Rational,
        mut sign_of: impl FnMut(&Rational) -> Result<Ordering>,
    ) -> Result<Point> {
        let (mut a, mut b) = (lo.clone(), hi.clone());
        let quarter = width / Rational::from(4);
        loop {
            a.refine(&quarter);
            b.refine(&quarter);
            let (a_lo, _) = a.interval();
            let (_, b_hi) = b.interval();
            if &b_hi - &a_lo <= *width {
                return Ok(Point::Bracket(a_lo, b_hi));
            }
            let mid = rational_between(&a, &b);
            match sign_of(&mid)? {
                Ordering::Equal => return Ok(exact(mid)),
                s if s == lo_sign => a = Algebraic::from_rational(mid),
                _ => b = Algebraic::from_rational(mid),
            }
        }
    }
}

/// The rational `x` as a point.
pub fn exact(x: Rational) -> Point {
    Point::Exact(Algebraic::from_rational(x))
}

/// Zero, as an algebraic number.
pub fn zero() -> Algebraic {
    Algebraic::from_rational(int(0))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::exact::rational::ratio;

    fn at(n: i64, d: i64) -> Algebraic {
        Algebraic::from_rational(ratio(n, d))
    }

    /// `−(x − a)²·(x − b)²`, whose maxima at `a` and `b` are equal.
    fn two_peaks(a: Rational, b: Rational) -> BiPoly {
        let x = BiPoly::x();
        let square = |p: &BiPoly| p * p;
        let lhs = square(&(&x - &BiPoly::constant(a)));
        let rhs = square(&(&x - &BiPoly::constant(b)));
        &BiPoly::constant(int(0)) - &(&lhs * &rhs)
    }

    /// Equal maxima are reported, not hidden: the rule's choice and every maximizer set aside.
    #[test]
    fn equal_maxima_are_reported_beside_the_rules_choice() {
        let params = Params::quadratic(int(1), int(2), int(1)).unwrap();
        let curve = Curve::new(&params);
        let (lo, hi) = (at(0, 1), curve.x_max.clone());
        assert_eq!(hi, at(1, 2));
        let f = two_peaks(ratio(1, 8), ratio(3, 8));

        let smallest = curve.argmax(&f, &lo, &hi, None).unwrap();
        assert_eq!(smallest.at, at(1, 8));
        assert_eq!(smallest.tied, vec![at(3, 8)]);
        assert!(!smallest.unimodal && !smallest.everywhere);

        let larger_x = curve.argmax(&f, &lo, &hi, Some(&BiPoly::x())).unwrap();
        assert_eq!(larger_x.at, at(3, 8));
        assert_eq!(larger_x.tied, vec![at(1, 8)]);

        // A strictly larger maximum leaves no tie.
        let f = &f + &BiPoly::x();
        let unique = curve.argmax(&f, &lo, &hi, None).unwrap();
        assert!(unique.tied.is_empty());
        assert!(unique.at > at(1, 4));

        // A constant objective is maximized everywhere; the tie break chooses.
        let constant = BiPoly::constant(int(3));
        let off = &BiPoly::x() - &BiPoly::constant(ratio(1, 4));
        let peak = &BiPoly::constant(int(0)) - &(&off * &off);
        let everywhere = curve.argmax(&constant, &lo, &hi, Some(&peak)).unwrap();
        assert_eq!(everywhere.at, at(1, 4));
        assert!(everywhere.everywhere && everywhere.tied.is_empty());
        let alone = curve.argmax(&constant, &lo, &hi, None).unwrap();
        assert_eq!((alone.at, alone.everywhere), (lo, true));
    }
}
