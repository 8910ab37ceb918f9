//! Sturm sequences: the exact number of distinct real roots of a polynomial in an interval.

use std::cmp::Ordering;

use super::Rational;
use super::poly::{Poly, primitive_part};
use super::rational::sign;

/// The Sturm sequence `p, p', -rem(p, p'), …` of the square-free part of a polynomial, each
/// member scaled by a positive constant (which leaves every sign, hence every count, unchanged).
#[derive(Clone, Debug)]
pub struct SturmSequence {
    polys: Vec<Poly>,
}

impl SturmSequence {
    /// The sequence of the square-free part of `p` (empty for a constant).
    pub fn new(p: &Poly) -> SturmSequence {
        let mut polys = Vec::new();
        if !p.is_constant() {
            let base = primitive_part(&p.square_free_part());
            let mut previous = base.clone();
            let mut current = primitive_part(&base.derivative());
            polys.push(base);
            while !current.is_zero() {
                let next = primitive_part(&-&previous.rem(&current));
                polys.push(current.clone());
                previous = current;
                current = next;
            }
        }
        SturmSequence { polys }
    }

    /// The members of the sequence.
    pub fn polys(&self) -> &[Poly] {
        &self.polys
    }

    /// Number of sign changes of the sequence at `x`, zeros skipped.
    pub fn variations_at(&self, x: &Rational) -> usize {
        count_changes(self.polys.iter().map(|p| p.sign_at(x)))
    }

    fn variations_at_infinity(&self, positive: bool) -> usize {
        count_changes(self.polys.iter().map(|p| {
            let lc = sign(p.leading().expect("Sturm members are non-zero"));
            let odd = p.degree().unwrap_or(0) % 2 == 1;
            if positive || !odd { lc } else { lc.reverse() }
        }))
    }

    /// Distinct real roots in the half-open interval `(lo, hi]` (zero when `lo ≥ hi`).
    ///
    /// For a square-free `p` the variation count at a root equals the count just to its right,
    /// so `V(lo) - V(hi)` counts `(lo, hi]` whether or not the endpoints are roots.
    pub fn count_half_open(&self, lo: &Rational, hi: &Rational) -> usize {
        if lo >= hi {
            return 0;
        }
        self.variations_at(lo) - self.variations_at(hi)
    }

    /// Distinct real roots in the closed interval `[lo, hi]`.
    pub fn count_closed(&self, lo: &Rational, hi: &Rational) -> usize {
        if lo > hi {
            return 0;
        }
        let at_lo = self
            .polys
            .first()
            .is_some_and(|p| p.sign_at(lo) == Ordering::Equal);
        self.count_half_open(lo, hi) + usize::from(at_lo)
    }

    /// Distinct real roots on the whole line.
    pub fn count_real(&self) -> usize {
        self.variations_at_infinity(false) - self.variations_at_infinity(true)
    }
}

fn count_changes(signs: impl Iterator<Item = Ordering>) -> usize {
    let mut last = Ordering::Equal;
    let mut count = 0;
    for s in signs.filter(|s| *s != Ordering::Equal) {
        if last != Ordering::Equal && s != last {
            count += 1;
        }
        last = s;
    }
    count
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::exact::rational::{int, ratio};

    #[test]
    fn counts_distinct_roots_in_intervals() {
        // Roots -1 (double), 1/2, 2 (triple): three distinct.
        let p = Poly::from_roots(&[int(-1), int(-1), ratio(1, 2), int(2), int(2), int(2)]);
        let sturm = SturmSequence::new(&p);
        assert_eq!(sturm.count_real(), 3);
        assert_eq!(sturm.count_half_open(&int(-1), &int(2)), 2);
        assert_eq!(sturm.count_closed(&int(-1), &int(2)), 3);
        assert_eq!(sturm.count_closed(&int(0), &int(1)), 1);
        assert_eq!(sturm.count_closed(&int(3), &int(1)), 0);
        let no_real = SturmSequence::new(&Poly::from_i64s(&[1, 0, 1]));
        assert_eq!(no_real.count_real(), 0);
    }
}
