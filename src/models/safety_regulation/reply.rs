//! D's best reply to G's base model: KKT candidates on the faces of D's feasible set, as functions of the safety floor.
//!
//! Given G's `γ0`, D chooses the increment `x = (u, v) = γ1 − γ0` with `u ≥ 0` and `v ≥ s`, where
//! `s = max(0, θ_D − β0)`, maximizing `φ(x) = mᵀx − xᵀC1x` with `m = (1−δ)·r` (its utility minus
//! the constant `(1−δ)·rᵀγ0`). The maximum exists (`C1` is strictly copositive) and satisfies
//! KKT on one face, so it is one of four forms, each linear in `s`:
//! `interior` (`2·C1·x = m`, only when `C1` is positive definite), `alpha_face` (`u = 0`,
//! `v = m_β/(2c_ββ)`), `safety_face` (`v = s`, `u = (m_α − 2c_αβ·s)/(2c_αα)`) and `corner`
//! (`u = 0, v = s`). D takes the valid form of largest `φ`, ties broken in G's favour (larger
//! `rᵀx`), then in the order above.

use std::cmp::Ordering;

use crate::exact::rational::{int, one};
use crate::exact::{Algebraic, Poly, Rational};

use super::params::Params;

/// The four KKT forms of D's reply.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Form {
    Interior,
    AlphaFace,
    SafetyFace,
    Corner,
}

/// D's increment `(u(s), v(s))` under one form, as polynomials (degree ≤ 1) in the floor `s`.
#[derive(Clone, Debug)]
pub struct Reply {
    pub form: Form,
    pub u: Poly,
    pub v: Poly,
}

/// D's problem data: the margin `m = (1−δ)·r` and the costs.
pub struct DProblem<'a> {
    params: &'a Params,
    m_a: Rational,
    m_b: Rational,
}

impl<'a> DProblem<'a> {
    pub fn new(params: &'a Params) -> DProblem<'a> {
        let keep = one() - params.delta();
        DProblem {
            m_a: &keep * params.r_a(),
            m_b: &keep * params.r_b(),
            params,
        }
    }

    /// `(1−δ)·r_α` and `(1−δ)·r_β`.
    pub fn margins(&self) -> (&Rational, &Rational) {
        (&self.m_a, &self.m_b)
    }

    /// The forms D can use (the interior one only when `C1` is positive definite).
    pub fn forms(&self) -> Vec<Reply> {
        let c = self.params.c1();
        let constant = |x: Rational| Poly::constant(x);
        let mut forms = Vec::with_capacity(4);
        let det = c.det();
        if det > 0 {
            let two_det = Rational::from(2) * &det;
            forms.push(Reply {
                form: Form::Interior,
                u: constant((&self.m_a * &c.bb - &self.m_b * &c.ab) / &two_det),
                v: constant((&self.m_b * &c.aa - &self.m_a * &c.ab) / &two_det),
            });
        }
        forms.push(Reply {
            form: Form::AlphaFace,
            u: Poly::zero(),
            v: constant(&self.m_b / (Rational::from(2) * &c.bb)),
        });
        forms.push(Reply {
            form: Form::SafetyFace,
            u: Poly::new(vec![
                &self.m_a / (Rational::from(2) * &c.aa),
                -(&c.ab / &c.aa),
            ]),
            v: Poly::x(),
        });
        forms.push(Reply {
            form: Form::Corner,
            u: Poly::zero(),
            v: Poly::x(),
        });
        forms
    }

    /// `φ` along a form, as a polynomial in `s`.
    pub fn value(&self, reply: &Reply) -> Poly {
        let c = self.params.c1();
        let (u, v) = (&reply.u, &reply.v);
        let linear = &u.scale(&self.m_a) + &v.scale(&self.m_b);
        let quadratic = &(&(&(u * u).scale(&c.aa) + &(u * v).scale(&(Rational::from(2) * &c.ab)))
            + &(v * v).scale(&c.bb));
        &linear - quadratic
    }

    /// Whether a form is feasible and satisfies its KKT conditions at the floor `s`.
    pub fn valid(&self, reply: &Reply, s: &Rational) -> bool {
        let (u, v) = (reply.u.eval(s), reply.v.eval(s));
        match reply.form {
            // Strictly inside: on a face it is that face's form.
            Form::Interior => u > 0 && v > *s,
            Form::AlphaFace => v >= *s,
            Form::SafetyFace => u >= 0,
            Form::Corner => true,
        }
    }

    /// Whether a form is feasible and satisfies its KKT conditions at an exact floor `s`.
    pub fn valid_at(&self, reply: &Reply, s: &Algebraic) -> bool {
        let x = Poly::x();
        match reply.form {
            Form::Interior => {
                s.sign_of_poly(&reply.u) == Ordering::Greater
                    && s.sign_of_poly(&(&reply.v - &x)) == Ordering::Greater
            }
            Form::AlphaFace => s.sign_of_poly(&(&reply.v - &x)) != Ordering::Less,
            Form::SafetyFace => s.sign_of_poly(&reply.u) != Ordering::Less,
            Form::Corner => true,
        }
    }

    /// The valid forms other than `chosen` that D values exactly as much at the floor `s` but
    /// that put it elsewhere: the replies D's tie rule (G's favour) set aside.
    pub fn ties_at(&self, chosen: Form, s: &Algebraic) -> Vec<Reply> {
        let forms = self.forms();
        let Some(best) = forms.iter().find(|f| f.form == chosen) else {
            return Vec::new();
        };
        let value = self.value(best);
        forms
            .iter()
            .filter(|f| f.form != chosen && self.valid_at(f, s))
            .filter(|f| s.sign_of_poly(&(&self.value(f) - &value)) == Ordering::Equal)
            .filter(|f| {
                s.sign_of_poly(&(&f.u - &best.u)) != Ordering::Equal
                    || s.sign_of_poly(&(&f.v - &best.v)) != Ordering::Equal
            })
            .cloned()
            .collect()
    }

    /// D's choice among the forms at a rational floor `s`: largest `φ`, then G's favour, then order.
    pub fn best_at(&self, s: &Rational) -> Reply {
        let r = (self.params.r_a(), self.params.r_b());
        let mut best: Option<(Reply, Rational, Rational)> = None;
        for reply in self.forms() {
            if !self.valid(&reply, s) {
                continue;
            }
            let value = self.value(&reply).eval(s);
            let for_g = r.0 * reply.u.eval(s) + r.1 * reply.v.eval(s);
            let better = match &best {
                None => true,
                Some((_, best_value, best_for_g)) => match value.cmp(best_value) {
                    Ordering::Greater => true,
                    Ordering::Equal => for_g > *best_for_g,
                    Ordering::Less => false,
                },
            };
            if better {
                best = Some((reply, value, for_g));
            }
        }
        best.expect("the corner is always valid").0
    }

    /// The floors above 0 where D's choice can change (validity switches and crossings), in
    /// increasing order: they depend on neither floor, so games differing only in their
    /// floors share them.
    pub fn breakpoints(&self) -> Vec<Algebraic> {
        let zero = Algebraic::from_rational(int(0));
        let mut points: Vec<Algebraic> = self
            .switch_polys()
            .iter()
            .filter(|p| !p.is_constant())
            .flat_map(crate::exact::real_roots)
            .map(|root| root.value)
            .filter(|x| *x > zero)
            .collect();
        points.sort();
        points.dedup();
        points
    }

    /// Polynomials in the floor `s` whose roots are every floor where D's choice can change.
    pub fn switch_polys(&self) -> Vec<Poly> {
        let forms = self.forms();
        let mut polys: Vec<Poly> = Vec::new();
        for reply in &forms {
            match reply.form {
                Form::Interior => polys.push(&reply.v - &Poly::x()),
                Form::AlphaFace => polys.push(&reply.v - &Poly::x()),
                Form::SafetyFace => polys.push(reply.u.clone()),
                Form::Corner => {}
            }
        }
        let values: Vec<Poly> = forms.iter().map(|f| self.value(f)).collect();
        for i in 0..values.len() {
            for j in i + 1..values.len() {
                polys.push(&values[i] - &values[j]);
            }
        }
        polys
    }
}
