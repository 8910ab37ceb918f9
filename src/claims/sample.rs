//! Deterministic sample points over a claim's parameter ranges: an exact grid and seeded random rationals.

use crate::exact::Rational;
use crate::exact::rational::{int, one};

use super::file::Domain;

/// The range bounds of one parameter.
pub struct Range<'a> {
    pub lo: &'a Rational,
    pub hi: &'a Rational,
    pub lo_closed: bool,
    pub hi_closed: bool,
}

impl<'a> Range<'a> {
    /// The range of a domain (`None` for a fixed value).
    pub fn of(domain: &'a Domain) -> Option<Range<'a>> {
        match domain {
            Domain::Fixed(_) | Domain::Text(_) => None,
            Domain::Range {
                lo,
                hi,
                lo_closed,
                hi_closed,
            } => Some(Range {
                lo,
                hi,
                lo_closed: *lo_closed,
                hi_closed: *hi_closed,
            }),
        }
    }

    /// `n` evenly spaced points, the ends included where the range is closed.
    pub fn grid(&self, n: usize) -> Vec<Rational> {
        let width = self.hi - self.lo;
        if n == 0 {
            return Vec::new();
        }
        if width == 0 {
            return vec![self.lo.clone()];
        }
        if n == 1 {
            return vec![(self.lo + self.hi) / int(2)];
        }
        let (first, steps) = match (self.lo_closed, self.hi_closed) {
            (true, true) => (0, n - 1),
            (false, false) => (1, n + 1),
            (true, false) => (0, n),
            (false, true) => (1, n),
        };
        (0..n)
            .map(|k| {
                self.lo + &width * Rational::from((first + k) as u64) / Rational::from(steps as u64)
            })
            .collect()
    }

    /// A point `lo + (hi − lo)·m/1024` with `m` in 1..=1023 drawn from `rng`.
    pub fn random(&self, rng: &mut SplitMix64) -> Rational {
        let m = 1 + rng.next_u64() % 1023;
        self.lo + (self.hi - self.lo) * Rational::from(m) / Rational::from(1024u64)
    }
}

/// The cartesian product of per-range grids, the last range varying fastest.
pub fn grid(ranges: &[Range], n: usize) -> Vec<Vec<Rational>> {
    let axes: Vec<Vec<Rational>> = ranges.iter().map(|r| r.grid(n)).collect();
    let mut points = vec![Vec::new()];
    for axis in &axes {
        let mut next = Vec::with_capacity(points.len() * axis.len());
        for p in &points {
            for x in axis {
                let mut q = p.clone();
                q.push(x.clone());
                next.push(q);
            }
        }
        points = next;
    }
    points
}

/// `count` random points from `seed`.
pub fn random(ranges: &[Range], count: usize, seed: u64) -> Vec<Vec<Rational>> {
    let mut rng = SplitMix64(seed);
    (0..count)
        .map(|_| ranges.iter().map(|r| r.random(&mut rng)).collect())
        .collect()
}

/// The midpoint of two points.
pub fn midpoint(a: &[Rational], b: &[Rational]) -> Vec<Rational> {
    a.iter()
        .zip(b)
        .map(|(x, y)| (x + y) / (one() + one()))
        .collect()
}
pub use crate::rng::SplitMix64;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::exact::rational::ratio;

    #[test]
    fn grids_respect_open_and_closed_ends() {
        let (lo, hi) = (int(0), int(1));
        let r = |lo_closed, hi_closed| Range {
            lo: &lo,
            hi: &hi,
            lo_closed,
            hi_closed,
        };
        assert_eq!(r(true, true).grid(3), [int(0), ratio(1, 2), int(1)]);
        assert_eq!(
            r(false, false).grid(3),
            [ratio(1, 4), ratio(1, 2), ratio(3, 4)]
        );
        assert_eq!(r(false, true).grid(2), [ratio(1, 2), int(1)]);
        let points = grid(&[r(true, true), r(false, false)], 3);
        assert_eq!(points.len(), 9);
        assert_eq!(points[1], [int(0), ratio(1, 2)]);
    }

    #[test]
    fn random_points_are_reproducible_and_inside() {
        let (lo, hi) = (int(-1), int(1));
        let r = [Range {
            lo: &lo,
            hi: &hi,
            lo_closed: false,
            hi_closed: false,
        }];
        let a = random(&r, 50, 7);
        assert_eq!(a, random(&r, 50, 7));
        assert_ne!(a, random(&r, 50, 8));
        assert!(a.iter().all(|p| p[0] > lo && p[0] < hi));
    }
}
