//! All real roots of a polynomial, with multiplicities, as exact algebraic numbers in ascending order.

use super::algebraic::Algebraic;
use super::descartes::isolate_square_free;
use super::poly::Poly;

/// One distinct real root and how many times it divides the polynomial.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RealRoot {
    pub value: Algebraic,
    pub multiplicity: usize,
}

/// Every distinct real root of `p` in ascending order (none for constants, including zero).
///
/// The square-free factors of `p` are isolated one by one, so each root carries its multiplicity
/// and its defining polynomial is the square-free factor it belongs to.
pub fn real_roots(p: &Poly) -> Vec<RealRoot> {
    let mut roots: Vec<RealRoot> = p
        .square_free_factors()
        .into_iter()
        .flat_map(|(factor, multiplicity)| {
            Algebraic::roots_of_square_free(&factor, isolate_square_free(&factor))
                .into_iter()
                .map(move |value| RealRoot {
                    value,
                    multiplicity,
                })
                .collect::<Vec<_>>()
        })
        .collect();
    roots.sort_by(|a, b| a.value.cmp(&b.value));
    roots
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::exact::rational::{int, ratio};

    #[test]
    fn multiplicities_and_order() {
        let p = Poly::from_roots(&[int(3), ratio(-1, 2), int(3), ratio(1, 7)]);
        let roots = real_roots(&p);
        let found: Vec<_> = roots
            .iter()
            .map(|r| (r.value.as_rational().cloned(), r.multiplicity))
            .collect();
        assert_eq!(
            found,
            vec![
                (Some(ratio(-1, 2)), 1),
                (Some(ratio(1, 7)), 1),
                (Some(int(3)), 2)
            ]
        );
        assert!(real_roots(&Poly::from_i64s(&[1, 0, 1])).is_empty());
    }
}
