//! A linear program with exact data, its dual, and the exact optimality certificate.
//!
//! `maximize cᵀx` subject to rows `a_iᵀx (≤ | = | ≥) b_i`, each `x_j ≥ 0` or free. Its dual is
//! `minimize bᵀy` with `a_jᵀy ≥ c_j` for `x_j ≥ 0` (`=` for free `x_j`), `y_i ≥ 0` on `≤` rows,
//! `y_i ≤ 0` on `≥` rows, free on `=` rows. A primal-feasible `x` and a dual-feasible `y` with
//! `cᵀx = bᵀy` prove both optimal (weak duality) — checked here in exact arithmetic.

use crate::exact::field::OrderedField;

/// The sense of a row.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Sense {
    Le,
    Eq,
    Ge,
}

/// One row `Σ coeffs · x (sense) rhs`, sparse.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Row<F> {
    pub coeffs: Vec<(usize, F)>,
    pub sense: Sense,
    pub rhs: F,
}

/// `maximize cᵀx` over the rows, `x_j ≥ 0` unless `free[j]`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Lp<F> {
    pub objective: Vec<F>,
    pub free: Vec<bool>,
    pub rows: Vec<Row<F>>,
}

/// A proof of optimality: primal and dual solutions with equal objectives, all exact.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Certificate<F> {
    pub x: Vec<F>,
    pub y: Vec<F>,
    pub value: F,
    /// How the exact solutions were obtained.
    pub method: Method,
}

/// Where a certificate's exact solutions came from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Method {
    /// HiGHS's floats rounded to nearby fractions with bounded denominators.
    Rounded,
    /// HiGHS's optimal support and active rows, the square systems re-solved over Q.
    Basis,
    /// The exact rational simplex (HiGHS's answer could not be certified).
    ExactSimplex,
    /// Not an LP: two-player hull geometry with exact orientation signs (irrational outcomes).
    Geometry,
}

impl Method {
    pub fn name(self) -> &'static str {
        match self {
            Method::Rounded => "rounded",
            Method::Basis => "basis",
            Method::ExactSimplex => "exact_simplex",
            Method::Geometry => "geometry",
        }
    }
}

impl<F: OrderedField> Lp<F> {
    /// An LP with `n` variables, all `≥ 0`, objective 0, no rows.
    pub fn new(n: usize) -> Lp<F> {
        Lp {
            objective: vec![F::zero(); n],
            free: vec![false; n],
            rows: Vec::new(),
        }
    }

    pub fn columns(&self) -> usize {
        self.objective.len()
    }

    /// Adds a row; returns its index.
    pub fn row(&mut self, coeffs: Vec<(usize, F)>, sense: Sense, rhs: F) -> usize {
        self.rows.push(Row { coeffs, sense, rhs });
        self.rows.len() - 1
    }

    /// `a_iᵀx`.
    pub fn activity(&self, i: usize, x: &[F]) -> F {
        self.rows[i]
            .coeffs
            .iter()
            .fold(F::zero(), |acc, (j, a)| acc.plus(&a.times(&x[*j])))
    }

    /// `cᵀx`.
    pub fn value(&self, x: &[F]) -> F {
        self.objective
            .iter()
            .zip(x)
            .fold(F::zero(), |acc, (c, v)| acc.plus(&c.times(v)))
    }

    /// Whether `x` satisfies every row and bound.
    pub fn primal_feasible(&self, x: &[F]) -> bool {
        x.len() == self.columns()
            && x.iter()
                .zip(&self.free)
                .all(|(v, free)| *free || v.sign().is_ge())
            && (0..self.rows.len()).all(|i| {
                let a = self.activity(i, x);
                let b = &self.rows[i].rhs;
                match self.rows[i].sense {
                    Sense::Le => a <= *b,
                    Sense::Eq => a == *b,
                    Sense::Ge => a >= *b,
                }
            })
    }

    /// `Aᵀy`, one entry per column.
    pub fn dual_activity(&self, y: &[F]) -> Vec<F> {
        let mut out = vec![F::zero(); self.columns()];
        for (row, yi) in self.rows.iter().zip(y) {
            if yi.is_zero() {
                continue;
            }
            for (j, a) in &row.coeffs {
                out[*j] = out[*j].plus(&a.times(yi));
            }
        }
        out
    }

    /// Whether `y` is feasible for the dual.
    pub fn dual_feasible(&self, y: &[F]) -> bool {
        if y.len() != self.rows.len() {
            return false;
        }
        let signs_ok = self.rows.iter().zip(y).all(|(row, yi)| match row.sense {
            Sense::Le => yi.sign().is_ge(),
            Sense::Ge => yi.sign().is_le(),
            Sense::Eq => true,
        });
        signs_ok
            && self
                .dual_activity(y)
                .iter()
                .zip(&self.objective)
                .zip(&self.free)
                .all(|((ay, c), free)| if *free { ay == c } else { ay >= c })
    }

    /// `bᵀy`.
    pub fn dual_value(&self, y: &[F]) -> F {
        self.rows
            .iter()
            .zip(y)
            .fold(F::zero(), |acc, (row, yi)| acc.plus(&row.rhs.times(yi)))
    }

    /// The certificate, when `x` and `y` prove optimality exactly.
    pub fn certify(&self, x: Vec<F>, y: Vec<F>, method: Method) -> Option<Certificate<F>> {
        if !self.primal_feasible(&x) || !self.dual_feasible(&y) {
            return None;
        }
        let value = self.value(&x);
        (value == self.dual_value(&y)).then_some(Certificate {
            x,
            y,
            value,
            method,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::exact::Rational;
    use crate::exact::rational::{int, ratio};

    #[test]
    fn a_correct_certificate_passes_and_a_wrong_one_fails() {
        // max x + y, x + 2y ≤ 4, 3x + y ≤ 6: optimum 14/5 at (8/5, 6/5), duals (2/5, 1/5).
        let mut lp: Lp<Rational> = Lp::new(2);
        lp.objective = vec![int(1), int(1)];
        lp.row(vec![(0, int(1)), (1, int(2))], Sense::Le, int(4));
        lp.row(vec![(0, int(3)), (1, int(1))], Sense::Le, int(6));
        let x = vec![ratio(8, 5), ratio(6, 5)];
        let y = vec![ratio(2, 5), ratio(1, 5)];
        let cert = lp.certify(x.clone(), y.clone(), Method::Rounded).unwrap();
        assert_eq!(cert.value, ratio(14, 5));
        // A feasible but suboptimal x has no matching dual.
        assert!(
            lp.certify(vec![int(1), int(1)], y.clone(), Method::Rounded)
                .is_none()
        );
        // A dual with the wrong sign is not dual-feasible.
        assert!(
            lp.certify(x, vec![ratio(-2, 5), ratio(1, 5)], Method::Rounded)
                .is_none()
        );
    }
}
