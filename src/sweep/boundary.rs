//! Boundaries along a line: where a piecewise-constant label changes, bracketed by exact bisection.
//!
//! The label (a regime, strategy labels, …) is computed exactly at rational points. The line is
//! sampled; between two samples whose labels differ, bisection on exact labels narrows the
//! change to a bracket `[lo, hi]` of the requested width with the left label at `lo` and the
//! right label at `hi`: a certified enclosure of a change. Changes that begin and end between
//! two samples are not seen; more samples resolve them.

use crate::error::Result;
use crate::exact::Rational;

/// A change of label inside `[lo, hi]`: `before` holds at `lo`, `after` at `hi`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Change<L> {
    pub lo: Rational,
    pub hi: Rational,
    pub before: L,
    pub after: L,
}

/// Every change of `label` found with `samples` equal steps over `[lo, hi]`, each bracketed to
/// width at most `width`.
pub fn changes<L: Clone + PartialEq>(
    lo: &Rational,
    hi: &Rational,
    samples: usize,
    width: &Rational,
    label: impl Fn(&Rational) -> Result<L>,
) -> Result<Vec<Change<L>>> {
    let samples = samples.max(1);
    let step = (hi - lo) / Rational::from(samples as u64);
    let mut found = Vec::new();
    let mut left = lo.clone();
    let mut left_label = label(&left)?;
    for k in 1..=samples {
        let right = if k == samples {
            hi.clone()
        } else {
            lo + &step * Rational::from(k as u64)
        };
        let right_label = label(&right)?;
        // Several changes may share a step: bracket one, move past it, repeat.
        while left_label != right_label {
            let (mut a, mut b) = (left.clone(), right.clone());
            while &b - &a > *width {
                let mid = (&a + &b) / Rational::from(2);
                if label(&mid)? == left_label {
                    a = mid;
                } else {
                    b = mid;
                }
            }
            let after = label(&b)?;
            found.push(Change {
                lo: a,
                hi: b.clone(),
                before: left_label.clone(),
                after: after.clone(),
            });
            left = b;
            left_label = after;
        }
        left = right;
        left_label = right_label;
    }
    Ok(found)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::exact::rational::{int, pow2, ratio};

    #[test]
    fn brackets_contain_the_true_changes() {
        // Label: which of (−∞, 1/3), [1/3, 1/2), [1/2, ∞) holds t.
        let label = |t: &Rational| -> Result<u8> {
            Ok(if *t < ratio(1, 3) {
                0
            } else if *t < ratio(1, 2) {
                1
            } else {
                2
            })
        };
        let found = changes(&int(0), &int(1), 10, &pow2(-40), label).unwrap();
        assert_eq!(found.len(), 2);
        assert!(found[0].lo < ratio(1, 3) && ratio(1, 3) <= found[0].hi);
        assert!(found[1].lo < ratio(1, 2) && ratio(1, 2) <= found[1].hi);
        assert!(&found[0].hi - &found[0].lo <= pow2(-40));
        assert_eq!((found[0].before, found[0].after, found[1].after), (0, 1, 2));
        // Two changes inside one step are both found.
        let coarse = changes(&int(0), &int(1), 1, &pow2(-20), label).unwrap();
        assert_eq!(coarse.len(), 2);
    }
}
