//! Real algebraic numbers: a square-free defining polynomial and an isolating interval, compared exactly.
//!
//! A number is either a rational or the unique root of its defining polynomial inside an open
//! rational interval whose endpoints are not roots. Irrational is an invariant of the second
//! form: every constructor first asks whether the root is rational, exactly, and stores a
//! rational when it is. Equality is decided with polynomial gcds, never with a tolerance.

use std::cmp::Ordering;
use std::fmt;

use super::descartes::{Isolated, descartes_bound, descartes_bound_ints, sign_at};
use super::modular::no_rational_root;
use super::poly::{Poly, primitive_part};
use super::rational::{
    abs, denominator, from_integer, from_integers, int_abs, int_exact_sqrt, one, pow2,
    simplest_between, to_f64,
};
use super::sturm::SturmSequence;
use super::{Integer, Rational};

/// An exact real algebraic number.
#[derive(Clone, Debug)]
pub struct Algebraic {
    pub(crate) repr: Repr,
}

#[derive(Clone, Debug)]
pub(crate) enum Repr {
    Rational(Rational),
    Root(Root),
}

/// An irrational root: `poly` is square-free and primitive, `(lo, hi)` holds exactly one of its
/// roots, `poly(lo)` has sign `lo_sign` and `poly(hi)` the opposite one.
#[derive(Clone, Debug)]
pub(crate) struct Root {
    pub(crate) poly: Poly,
    pub(crate) ints: Vec<Integer>,
    pub(crate) lo: Rational,
    pub(crate) hi: Rational,
    pub(crate) lo_sign: Ordering,
}

impl Root {
    /// The root of the primitive square-free `poly` in `(lo, hi)`, whose ends are no roots.
    pub(crate) fn on(poly: Poly, lo: Rational, hi: Rational) -> Root {
        let ints = poly.primitive_integer_coeffs();
        let lo_sign = sign_at(&ints, &lo);
        Root {
            poly,
            ints,
            lo,
            hi,
            lo_sign,
        }
    }

    /// Halves the interval; returns the root itself when the midpoint is one (never, once
    /// construction has established that the root is irrational).
    pub(crate) fn bisect(&mut self) -> Option<Rational> {
        let mid = (&self.lo + &self.hi) / Rational::from(2);
        match sign_at(&self.ints, &mid) {
            Ordering::Equal => Some(mid),
            s if s == self.lo_sign => {
                self.lo = mid;
                None
            }
            _ => {
                self.hi = mid;
                None
            }
        }
    }

    pub(crate) fn width(&self) -> Rational {
        &self.hi - &self.lo
    }

    /// The cell `(j/10^k, (j+1)/10^k)` holding the root, when it isolates it with clean ends.
    /// Narrows the interval into the cell first (the cell depends on the number only: an
    /// irrational root is never a cell end; an open interval ending on a cell boundary lies in
    /// the cell inside).
    fn decimal_cell(&mut self, k: i64) -> Option<(Rational, Rational)> {
        let scale = super::rational::pow10(k);
        let cell = |x: &Rational| super::rational::floor(&(x * &scale));
        let top = |x: &Rational| super::rational::ceil(&(x * &scale)) - Integer::from(1);
        if cell(&self.lo) != top(&self.hi) {
            self.refine_to(&(one() / &scale / Rational::from(2)));
        }
        while cell(&self.lo) != top(&self.hi) {
            self.bisect();
        }
        let lo = from_integer(cell(&self.lo)) / &scale;
        let hi = &lo + one() / &scale;
        let clean = |x: &Rational| sign_at(&self.ints, x) != Ordering::Equal;
        (clean(&lo) && clean(&hi) && descartes_bound_ints(&self.ints, &lo, &hi) == 1)
            .then_some((lo, hi))
    }

    /// Whether the square-free divisor `g` of `poly` vanishes at this root (sign change on the interval).
    fn divisor_vanishes(&self, g: &Poly) -> bool {
        !g.is_constant() && g.sign_at(&self.lo) != g.sign_at(&self.hi)
    }
}

impl Algebraic {
    /// The rational `r`.
    pub fn from_rational(r: Rational) -> Algebraic {
        Algebraic {
            repr: Repr::Rational(r),
        }
    }

    /// The unique root of `p` in the closed interval `[lo, hi]`, or `None` when `p` is zero or
    /// has no root or several distinct roots there.
    pub fn root_of(p: &Poly, lo: &Rational, hi: &Rational) -> Option<Algebraic> {
        if p.is_zero() || lo > hi || SturmSequence::new(p).count_closed(lo, hi) != 1 {
            return None;
        }
        let square_free = p.square_free_part();
        for endpoint in [lo, hi] {
            if square_free.sign_at(endpoint) == Ordering::Equal {
                return Some(Algebraic::from_rational(endpoint.clone()));
            }
        }
        Some(Algebraic::from_isolated(
            &square_free,
            lo.clone(),
            hi.clone(),
        ))
    }

    /// The root in `(lo, hi)` of `p`, known to be irrational and alone there (the ends no
    /// roots).
    pub(crate) fn irrational_root(p: &Poly, lo: Rational, hi: Rational) -> Algebraic {
        Algebraic {
            repr: Repr::Root(Root::on(primitive_part(p), lo, hi)),
        }
    }

    /// The root of the square-free `p` in the open `(lo, hi)`, which must hold exactly one root
    /// and have non-root endpoints. Rational roots come back as rationals.
    pub(crate) fn from_isolated(p: &Poly, lo: Rational, hi: Rational) -> Algebraic {
        let mut root = Root::on(primitive_part(p), lo, hi);
        debug_assert!(
            root.lo_sign != Ordering::Equal && root.lo_sign != sign_at(&root.ints, &root.hi)
        );
        match rational_root(&mut root) {
            Some(r) => Algebraic::from_rational(r),
            None => Algebraic {
                repr: Repr::Root(root),
            },
        }
    }

    /// Every isolated root of the square-free `p` (in the order given), deciding rationality
    /// once for the whole polynomial where it can: the rational roots isolation found exactly
    /// are divided out, and when what is left has no root modulo a small prime every other
    /// root is irrational. Otherwise the simplest rational of each interval is tried during a
    /// short bisection, found roots are divided out and the test repeated; only roots still
    /// undecided are bisected to `1/lc²` one by one.
    pub(crate) fn roots_of_square_free(p: &Poly, isolated: Vec<Isolated>) -> Vec<Algebraic> {
        const QUICK_STEPS: usize = 24;
        let poly = primitive_part(p);
        let ints = poly.primitive_integer_coeffs();
        let lc = int_abs(ints.last().expect("a non-constant polynomial"));
        let mut found: Vec<Option<Rational>> = Vec::with_capacity(isolated.len());
        let mut roots: Vec<Option<Root>> = Vec::with_capacity(isolated.len());
        for iso in isolated {
            match iso {
                Isolated::Exact(r) => {
                    found.push(Some(r));
                    roots.push(None);
                }
                Isolated::Open(lo, hi) => {
                    let lo_sign = sign_at(&ints, &lo);
                    found.push(None);
                    roots.push(Some(Root {
                        poly: poly.clone(),
                        ints: ints.clone(),
                        lo,
                        hi,
                        lo_sign,
                    }));
                }
            }
        }
        let rest_is_irrational = |found: &[Option<Rational>]| {
            let mut rest = poly.clone();
            for r in found.iter().flatten() {
                rest = rest.div_exact(&Poly::new(vec![-r.clone(), one()]));
            }
            let rest_ints = rest.primitive_integer_coeffs();
            rest_ints.len() <= 1 || no_rational_root(&rest_ints)
        };
        let mut irrational = rest_is_irrational(&found);
        if !irrational {
            for (rational, root) in found.iter_mut().zip(roots.iter_mut()) {
                let (None, Some(root)) = (&rational, root) else {
                    continue;
                };
                for _ in 0..QUICK_STEPS {
                    let c = simplest_between(&root.lo, &root.hi);
                    if denominator(&c) <= lc && sign_at(&ints, &c) == Ordering::Equal {
                        *rational = Some(c);
                        break;
                    }
                    if let Some(r) = root.bisect() {
                        *rational = Some(r);
                        break;
                    }
                }
            }
            irrational = rest_is_irrational(&found);
        }
        let decided: Vec<std::result::Result<Rational, Box<Root>>> = found
            .into_iter()
            .zip(roots)
            .map(|(rational, root)| match (rational, root) {
                (Some(r), _) => Ok(r),
                (None, Some(root)) if irrational => Err(Box::new(root)),
                (None, Some(mut root)) => rational_root(&mut root).ok_or(Box::new(root)),
                (None, None) => unreachable!("an exact root is rational"),
            })
            .collect();
        // The irrational roots are defined by what is left once the rational ones are divided
        // out: a shorter polynomial (a quadratic surd's own quadratic, often) for every later
        // step.
        let mut rest = poly.clone();
        for r in decided.iter().filter_map(|d| d.as_ref().ok()) {
            rest = rest.div_exact(&Poly::new(vec![-r.clone(), one()]));
        }
        let rest = (rest.degree() < poly.degree()).then(|| primitive_part(&rest));
        decided
            .into_iter()
            .map(|d| match d {
                Ok(r) => Algebraic::from_rational(r),
                Err(root) => Algebraic {
                    repr: Repr::Root(match &rest {
                        Some(rest) => Root::on(rest.clone(), root.lo, root.hi),
                        None => *root,
                    }),
                },
            })
            .collect()
    }

    /// The value when it is rational.
    pub fn as_rational(&self) -> Option<&Rational> {
        match &self.repr {
            Repr::Rational(r) => Some(r),
            Repr::Root(_) => None,
        }
    }

    /// A square-free polynomial with coprime integer coefficients and a positive leading
    /// coefficient that vanishes here (`x - r` scaled for rationals).
    pub fn defining_poly(&self) -> Poly {
        match &self.repr {
            Repr::Rational(r) => primitive_part(&Poly::new(vec![-r.clone(), one()])),
            Repr::Root(root) if root.poly.leading().is_some_and(|lc| *lc < 0) => -&root.poly,
            Repr::Root(root) => root.poly.clone(),
        }
    }

    /// The current isolating interval (a point for rationals).
    pub fn interval(&self) -> (Rational, Rational) {
        match &self.repr {
            Repr::Rational(r) => (r.clone(), r.clone()),
            Repr::Root(root) => (root.lo.clone(), root.hi.clone()),
        }
    }

    /// An isolating interval with short decimal endpoints, for display: a cell
    /// `(j/10^k, (j+1)/10^k)` holding the number that still holds exactly one root and no root
    /// at its ends (a point for rationals). `k` is the smallest that works among those a
    /// doubling search (0, 1, 2, 4, …) and then a bisection of the last gap try, so the
    /// interval depends on the number only, not on how narrow its interval happened to be.
    pub fn tidy_interval(&self) -> (Rational, Rational) {
        let Repr::Root(root) = &self.repr else {
            return self.interval();
        };
        let mut root = root.clone();
        let mut failed = -1;
        let mut k = 0;
        let mut best = loop {
            if let Some(cell) = root.decimal_cell(k) {
                break cell;
            }
            failed = k;
            k = (2 * k).max(1);
        };
        let (mut low, mut high) = (failed + 1, k);
        while low < high {
            let mid = (low + high) / 2;
            match root.decimal_cell(mid) {
                Some(cell) => {
                    best = cell;
                    high = mid;
                }
                None => low = mid + 1,
            }
        }
        best
    }

    /// Narrows the isolating interval until its width is at most `width` (> 0).
    pub fn refine(&mut self, width: &Rational) {
        if let Repr::Root(root) = &mut self.repr
            && let Some(r) = root.refine_to(width)
        {
            self.repr = Repr::Rational(r);
        }
    }

    /// Halves the isolating interval once (no-op for rationals).
    pub(crate) fn bisect(&mut self) {
        if let Repr::Root(root) = &mut self.repr
            && let Some(r) = root.bisect()
        {
            self.repr = Repr::Rational(r);
        }
    }

    /// The sign, exactly.
    pub fn sign(&self) -> Ordering {
        self.cmp_rational(&Rational::from(0))
    }

    /// Exact comparison with a rational.
    pub fn cmp_rational(&self, x: &Rational) -> Ordering {
        match &self.repr {
            Repr::Rational(r) => r.cmp(x),
            Repr::Root(root) => {
                if *x <= root.lo {
                    Ordering::Greater
                } else if *x >= root.hi {
                    Ordering::Less
                } else if sign_at(&root.ints, x) == root.lo_sign {
                    // No sign change on (lo, x]: the root lies right of x.
                    Ordering::Greater
                } else {
                    // x is not a root (the number is irrational), so the root lies left of x.
                    Ordering::Less
                }
            }
        }
    }

    /// The exact sign of `q` at this number.
    pub fn sign_of_poly(&self, q: &Poly) -> Ordering {
        let root = match &self.repr {
            Repr::Rational(r) => return q.sign_at(r),
            Repr::Root(root) => root,
        };
        if q.is_zero() {
            return Ordering::Equal;
        }
        if root.divisor_vanishes(&q.gcd(&root.poly)) {
            return Ordering::Equal;
        }
        let mut root = root.clone();
        while descartes_bound(q, &root.lo, &root.hi) != 0 {
            root.bisect();
        }
        q.sign_at(&((&root.lo + &root.hi) / Rational::from(2)))
    }

    /// The nearest double (correctly rounded), for display and float proposals only.
    pub fn to_f64(&self) -> f64 {
        match &self.repr {
            Repr::Rational(r) => to_f64(r),
            Repr::Root(root) => {
                // Rounding is monotone, so once both ends round to one double it is the
                // number's nearest (an irrational number is never exactly half-way): the
                // result depends on the number only, not on how its interval was narrowed.
                let mut root = root.clone();
                let relative = pow2(-60);
                loop {
                    let lo = to_f64(&root.lo);
                    if lo == to_f64(&root.hi) {
                        return lo;
                    }
                    let magnitude = abs(&root.lo).min(abs(&root.hi));
                    let target = if magnitude == 0 {
                        super::decimal::squared_or_quartered(&root.width())
                    } else {
                        (magnitude * &relative).min(root.width() / Rational::from(4))
                    };
                    root.refine_to(&target);
                }
            }
        }
    }
}

/// The root as a rational when it is one: a rational root `u/v` of a primitive integer
/// polynomial has `v | lc`, and two such rationals are at least `1/lc²` apart, so once the
/// interval is narrower than that its simplest rational is the only candidate.
fn rational_root(root: &mut Root) -> Option<Rational> {
    // Degrees 1 and 2 are decided by formula: the root itself, or whether the discriminant is a
    // perfect square (then both roots are rational and the one inside the interval is it).
    match root.ints.as_slice() {
        [a0, a1] => return Some(from_integers(-a0.clone(), a1.clone())),
        [c, b, a] => {
            let discriminant = b * b - Integer::from(4) * a * c;
            let d = int_exact_sqrt(&discriminant)?;
            let two_a = Integer::from(2) * a;
            return [&d, &-d.clone()]
                .into_iter()
                .map(|d| from_integers(-b.clone() + d, two_a.clone()))
                .find(|r| *r > root.lo && *r < root.hi);
        }
        _ => {}
    }
    if no_rational_root(&root.ints) {
        return None;
    }
    let lc = int_abs(root.ints.last().expect("a non-constant polynomial"));
    let separation = one() / from_integer(&lc * &lc);
    if let Some(r) = root.refine_to(&(separation / Rational::from(2))) {
        return Some(r);
    }
    let candidate = simplest_between(&root.lo, &root.hi);
    (denominator(&candidate) <= lc && sign_at(&root.ints, &candidate) == Ordering::Equal)
        .then_some(candidate)
}

fn compare_roots(a: &Root, b: &Root) -> Ordering {
    let (mut a, mut b) = (a.clone(), b.clone());
    let mut common: Option<Poly> = None;
    loop {
        if a.hi <= b.lo {
            return Ordering::Less;
        }
        if b.hi <= a.lo {
            return Ordering::Greater;
        }
        let g = common.get_or_insert_with(|| a.poly.gcd(&b.poly));
        if a.divisor_vanishes(g) && b.divisor_vanishes(g) {
            // Both are roots of g; equal exactly when g has a root in the overlap, which is then
            // each one's unique root there (g divides both square-free polynomials).
            let lo = (&a.lo).max(&b.lo).clone();
            let hi = (&a.hi).min(&b.hi).clone();
            // The overlap's endpoints are endpoints of a's or b's interval, never roots of g.
            if g.sign_at(&lo) != g.sign_at(&hi) {
                return Ordering::Equal;
            }
        }
        a.bisect();
        b.bisect();
    }
}

impl PartialEq for Algebraic {
    fn eq(&self, other: &Algebraic) -> bool {
        self.cmp(other) == Ordering::Equal
    }
}

impl Eq for Algebraic {}

impl PartialOrd for Algebraic {
    fn partial_cmp(&self, other: &Algebraic) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Algebraic {
    fn cmp(&self, other: &Algebraic) -> Ordering {
        match (&self.repr, &other.repr) {
            (Repr::Rational(a), Repr::Rational(b)) => a.cmp(b),
            (Repr::Root(_), Repr::Rational(b)) => self.cmp_rational(b),
            (Repr::Rational(a), Repr::Root(_)) => other.cmp_rational(a).reverse(),
            (Repr::Root(a), Repr::Root(b)) => compare_roots(a, b),
        }
    }
}

impl From<Rational> for Algebraic {
    fn from(r: Rational) -> Algebraic {
        Algebraic::from_rational(r)
    }
}

impl fmt::Display for Algebraic {
    /// The closed form when the number is rational or quadratic, else `root of P in (lo, hi)`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some(text) = self.closed_form() {
            return f.write_str(&text);
        }
        // The tidy interval depends on the number only, not on how far it was refined.
        let (lo, hi) = self.tidy_interval();
        write!(f, "root of {} in ({lo}, {hi})", self.defining_poly())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::exact::rational::{int, ratio};

    fn sqrt_of(n: i64) -> Algebraic {
        Algebraic::root_of(&Poly::from_i64s(&[-n, 0, 1]), &int(0), &int(n.max(1))).unwrap()
    }

    #[test]
    fn an_irrational_root_of_a_polynomial_with_roots_modulo_every_prime_is_found_irrational() {
        // (x^2 - 2)(x^2 - 3)(x^2 - 6) has roots modulo every prime, yet no rational root: the
        // modular test says nothing, and the exact search decides.
        let r = Algebraic::root_of(
            &Poly::from_i64s(&[-36, 0, 36, 0, -11, 0, 1]),
            &int(1),
            &ratio(3, 2),
        );
        assert!(r.unwrap().as_rational().is_none());
        let cube = Algebraic::root_of(
            &Poly::from_i64s(&[2, -3, -2, 3]),
            &ratio(1, 2),
            &ratio(9, 10),
        );
        assert_eq!(cube.unwrap().as_rational(), Some(&ratio(2, 3)));
    }

    #[test]
    fn rational_roots_are_stored_as_rationals() {
        let p = Poly::from_roots(&[ratio(2, 3), int(5)]);
        let r = Algebraic::root_of(&p, &int(0), &int(1)).unwrap();
        assert_eq!(r.as_rational(), Some(&ratio(2, 3)));
        assert!(Algebraic::root_of(&p, &int(0), &int(6)).is_none());
    }

    #[test]
    fn doubles_are_correctly_rounded_near_a_tie() {
        // Both numbers lie very near the half-way point between two doubles (Figure-2 sweep
        // values); the midpoint of a 2^-60-wide interval rounded the first the wrong way.
        let value = |k: i64, m: i64| {
            sqrt_of(m)
                .mul(&Algebraic::from_rational(int(k)))
                .add(&Algebraic::from_rational(int(15)))
                .mul(&Algebraic::from_rational(ratio(1, 80)))
        };
        assert_eq!(value(3, 145).to_f64(), 0.639059796704711);
        assert_eq!(value(1, 1873).to_f64(), 0.72847712520956);
    }

    #[test]
    fn comparisons_are_exact() {
        let two = sqrt_of(2);
        assert_eq!(two.cmp_rational(&ratio(141, 100)), Ordering::Greater);
        assert_eq!(two.cmp_rational(&ratio(142, 100)), Ordering::Less);
        assert!(two < sqrt_of(3));
        // The same number from a different polynomial: (x^2 - 2)(x - 5).
        let other =
            Algebraic::root_of(&Poly::from_i64s(&[10, -2, -5, 1]), &int(1), &int(2)).unwrap();
        assert_eq!(two, other);
        assert_eq!(
            two.sign_of_poly(&Poly::from_i64s(&[-2, 0, 1])),
            Ordering::Equal
        );
        assert_eq!(
            two.sign_of_poly(&Poly::from_i64s(&[-3, 0, 1])),
            Ordering::Less
        );
    }
}
