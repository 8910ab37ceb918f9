//! Exact boundary values along a line of floors: the two winners' event equations, eliminated to one polynomial in the line's parameter.
//!
//! Along a line `θ_G = g0 + g1·t`, `θ_D = d0 + d1·t` every formula of a candidate ([`Key`]) is a
//! polynomial in `(β0, t)` of degree ≤ 4 in `t` (D's reply is linear in the floor, G's `α0` rules
//! at most quadratic, utilities at most quartic); it is recovered exactly by interpolating the
//! formulas at nine floors on the line. A label change certified inside `[lo, hi]` (exact labels
//! at both ends, `sweep::boundary`) passes from the winner `A` at `lo` to the winner `B` at
//! `hi`. Whatever changes the label is one of these events, each a polynomial in `t` obtained
//! by resultants in `β0`:
//! - `A`'s or `B`'s `β0` meets another polynomial of its key's region (a sub-piece end, a
//!   switch of D's form, `θ_G`, `θ_D`) or a double root of its own defining polynomial;
//! - a quantity read off a winner reaches its threshold: `U_G = 0`, `U_D = 0`, `α0 = 0`,
//!   `β0 = θ_G`, `u = 0`, `v = floor` (labels), `β1 = β1^A`, `U_G = U_G^A`, `U_D = U_D^A`
//!   (regimes; an algebraic threshold enters through its defining polynomial);
//! - `A` and `B` meet (`β0` coincides) or tie in `U_G` (G's strategy jumps).
//!
//! When the events have exactly one root in the bracket — after narrowing the bracket between
//! event roots with exact labels where there are several — that root is the change, exactly.
//! When none has, the caller keeps the certified bracket. Like the bracket itself, this assumes
//! one change inside the bracket: two changes closer than the bracket's width are one change here.

use std::cmp::Ordering;

use crate::error::Result;
use crate::exact::bipoly::BiPoly;
use crate::exact::rational::{int, one};
use crate::exact::resultant::{interpolate, resultant, resultant_y};
use crate::exact::sign::rational_between;
use crate::exact::{Algebraic, Poly, Rational, real_roots};

use super::exact::{Equilibrium, solve};
use super::formulas::{Formulas, Key, formulas, piece};
use super::params::Params;
use super::reply::DProblem;

/// A line of floors `θ_G = g0 + g1·t`, `θ_D = d0 + d1·t` for `t ∈ [from, to]`.
pub struct Line {
    base: Params,
    theta_g: (Rational, Rational),
    theta_d: (Rational, Rational),
    from: Rational,
    to: Rational,
}

impl Line {
    /// The line through `base`'s game (its other parameters fixed); both ends must be valid games.
    pub fn new(
        base: Params,
        theta_g: (Rational, Rational),
        theta_d: (Rational, Rational),
        (from, to): (Rational, Rational),
    ) -> Result<Line> {
        let line = Line {
            base,
            theta_g,
            theta_d,
            from,
            to,
        };
        line.at(&line.from)?;
        line.at(&line.to)?;
        Ok(line)
    }

    /// The game at `t`.
    pub fn at(&self, t: &Rational) -> Result<Params> {
        let affine = |(a, b): &(Rational, Rational)| a + b * t;
        self.base
            .with_floors(affine(&self.theta_g), affine(&self.theta_d))
    }

    /// `θ_G` and `θ_D` as polynomials in `t`.
    fn floors(&self) -> (Poly, Poly) {
        let line = |(a, b): &(Rational, Rational)| Poly::new(vec![a.clone(), b.clone()]);
        (line(&self.theta_g), line(&self.theta_d))
    }

    /// Nine points of the line: enough to interpolate degree ≤ 8 exactly (the formulas have ≤ 4).
    fn nodes(&self) -> Vec<Rational> {
        (0..9u64)
            .map(|k| {
                &self.from + (&self.to - &self.from) * Rational::from(k) / Rational::from(8u64)
            })
            .collect()
    }

    /// The polynomials `build` gives at each node, as polynomials in `(t, β0)` (`β0` is `y`).
    fn lift(&self, build: impl Fn(&Params) -> Vec<Poly>) -> Result<Vec<BiPoly>> {
        let nodes = self.nodes();
        let mut samples = Vec::with_capacity(nodes.len());
        for t in &nodes {
            samples.push(build(&self.at(t)?));
        }
        let count = samples[0].len();
        debug_assert!(samples.iter().all(|s| s.len() == count));
        Ok((0..count)
            .map(|i| {
                let degree = samples.iter().filter_map(|s| s[i].degree()).max();
                let rows = (0..=degree.unwrap_or(0))
                    .map(|j| {
                        let values: Vec<Rational> = samples.iter().map(|s| s[i].coeff(j)).collect();
                        interpolate(&nodes, &values)
                    })
                    .collect();
                BiPoly::new(rows)
            })
            .collect())
    }
}

/// One winner's formulas in `(t, β0)`: its region polynomials, the ones vanishing at its `β0`,
/// and the quantities with their thresholds.
struct Side {
    region: Vec<BiPoly>,
    defining: Vec<BiPoly>,
    quantities: Vec<(BiPoly, Algebraic)>,
    utility_g: BiPoly,
}

/// The exact `t` of the change certified in `[lo, hi]`, when the event equations single it out.
pub fn exact_change<L: PartialEq>(
    line: &Line,
    lo: &Rational,
    hi: &Rational,
    label: impl Fn(&Rational) -> Result<L>,
) -> Result<Option<Algebraic>> {
    let unregulated = solve(&line.base.unregulated());
    let mut sides = Vec::new();
    for t in [lo, hi] {
        let spe = solve(&line.at(t)?);
        sides.push(match spe.key {
            Some(key) => Some(side(line, key, &spe, &unregulated, t)?),
            None => None,
        });
    }
    let mut events: Vec<Poly> = Vec::new();
    for s in sides.iter().flatten() {
        for p in &s.defining {
            events.push(resultant_in_beta(p, &p.partial_y()));
            for r in &s.region {
                if r != p {
                    events.push(resultant_in_beta(p, r));
                }
            }
            for (q, threshold) in &s.quantities {
                events.push(reaches(p, q, threshold));
            }
        }
    }
    if let [Some(a), Some(b)] = &sides[..] {
        for p in &a.defining {
            for q in &b.defining {
                events.push(resultant_in_beta(p, q));
                events.push(tie(p, &a.utility_g, q, &b.utility_g));
            }
        }
    }
    let (lo_a, hi_a) = (
        Algebraic::from_rational(lo.clone()),
        Algebraic::from_rational(hi.clone()),
    );
    let mut roots: Vec<Algebraic> = events
        .iter()
        .filter(|e| !e.is_constant())
        .flat_map(real_roots)
        .map(|r| r.value)
        .filter(|x| *x >= lo_a && *x <= hi_a)
        .collect();
    roots.sort();
    roots.dedup();
    // Several event roots in the bracket: keep those on the side where the label changes.
    let before = label(lo)?;
    while roots.len() > 1 {
        let split = rational_between(&roots[0], &roots[1]);
        if label(&split)? == before {
            roots.remove(0);
        } else {
            roots.truncate(1);
        }
    }
    Ok(roots.pop().map(|root| smallest_polynomial(root, &events)))
}

/// The root with the smallest defining polynomial the events offer: the gcd of every event
/// polynomial vanishing there (the point itself is unchanged; its description gets shorter).
fn smallest_polynomial(root: Algebraic, events: &[Poly]) -> Algebraic {
    if root.as_rational().is_some() {
        return root;
    }
    let mut poly = root.defining_poly();
    for e in events.iter().filter(|e| !e.is_constant()) {
        if root.sign_of_poly(e) == Ordering::Equal {
            poly = poly.gcd(e);
        }
    }
    let (lo, hi) = root.interval();
    Algebraic::root_of(&poly, &lo, &hi)
        .unwrap_or(root)
        .without_small_factors()
}

/// The winner's formulas along the line.
fn side(
    line: &Line,
    key: Key,
    spe: &Equilibrium,
    unregulated: &Equilibrium,
    t: &Rational,
) -> Result<Side> {
    let region = line.lift(|p| region(p, key))?;
    let here = region_at(&region, t);
    let defining = region
        .iter()
        .zip(&here)
        .filter(|(_, h)| h.degree().is_some_and(|d| d > 0))
        .filter(|(_, h)| spe.beta0.sign_of_poly(h) == Ordering::Equal)
        .map(|(r, _)| r.clone())
        .collect();
    let (theta_g, _) = line.floors();
    let lifted = line.lift(|p| {
        let f = formulas(p, key).expect("the key exists along the line");
        let x = Poly::x();
        vec![
            f.utility_g.clone(),
            f.utility_d.clone(),
            f.alpha0.clone(),
            f.u.clone(),
            &f.v - &f.floor,
            &x + &f.v,
        ]
    })?;
    let zero = || Algebraic::from_rational(int(0));
    let beta_minus_theta_g = &BiPoly::y() - &BiPoly::new(vec![theta_g]);
    let quantities = vec![
        (lifted[0].clone(), zero()),
        (lifted[1].clone(), zero()),
        (lifted[2].clone(), zero()),
        (lifted[3].clone(), zero()),
        (lifted[4].clone(), zero()),
        (beta_minus_theta_g, zero()),
        (lifted[5].clone(), unregulated.beta1.clone()),
        (lifted[0].clone(), unregulated.u_g.clone()),
        (lifted[1].clone(), unregulated.u_d.clone()),
    ];
    Ok(Side {
        region,
        defining,
        quantities,
        utility_g: lifted[0].clone(),
    })
}

/// The polynomials in `β0` whose roots bound the key's region, and G's first-order condition.
fn region(params: &Params, key: Key) -> Vec<Poly> {
    let f: Formulas = formulas(params, key).expect("the key exists along the line");
    let pf = piece(params, key.floored, key.form).expect("the key exists along the line");
    let x = Poly::x();
    let mut out = vec![
        f.utility_g.derivative(),
        &x - &Poly::constant(params.theta_g().clone()),
        &x - &Poly::constant(params.theta_d().clone()),
    ];
    let floor = Poly::new(vec![params.theta_d().clone(), int(-1)]);
    if key.floored {
        out.extend(
            DProblem::new(params)
                .switch_polys()
                .iter()
                .map(|s| s.compose(&floor)),
        );
    }
    for i in 0..pf.options.len() {
        for j in i + 1..pf.options.len() {
            out.push(&pf.options[i].1 - &pf.options[j].1);
        }
    }
    out.push(pf.d_without_alpha);
    out
}

/// The lifted polynomials at one `t`, as polynomials in `β0`.
fn region_at(lifted: &[BiPoly], t: &Rational) -> Vec<Poly> {
    lifted
        .iter()
        .map(|p| Poly::new(p.rows().iter().map(|r| r.eval(t)).collect()))
        .collect()
}

/// `Res_β0(p, q)` as a polynomial in `t` (a polynomial free of `β0` is its own event).
fn resultant_in_beta(p: &BiPoly, q: &BiPoly) -> Poly {
    match (p.rows().len(), q.rows().len()) {
        (0, _) | (_, 0) => Poly::zero(),
        (1, _) => Poly::zero(), // p fixes no β0
        (_, 1) => q.rows()[0].clone(),
        _ => resultant_y(p.rows(), q.rows()),
    }
}

/// Where `q` reaches the threshold `c` on a root of `p`: `Res_β0(p, m(q))` with `m` the
/// defining polynomial of `c` (its conjugates' events come along; only roots in the bracket count).
fn reaches(p: &BiPoly, q: &BiPoly, c: &Algebraic) -> Poly {
    let m = c.defining_poly();
    let mut composed = BiPoly::new(Vec::new());
    for coefficient in m.coeffs().iter().rev() {
        composed = &(&composed * q) + &BiPoly::constant(coefficient.clone());
    }
    resultant_in_beta(p, &composed)
}

/// Where `U_A` on a root of `p_a` equals `U_B` on a root of `p_b`: `Res_w(χ_A, χ_B)` with
/// `χ = Res_β0(p, w − U)`, computed at integer `t` and interpolated (degree bound from the
/// Sylvester matrices; points where a leading coefficient in `β0` vanishes are skipped).
fn tie(p_a: &BiPoly, u_a: &BiPoly, p_b: &BiPoly, u_b: &BiPoly) -> Poly {
    let deg_y = |p: &BiPoly| p.rows().len().saturating_sub(1);
    let deg_t = |p: &BiPoly| p.rows().iter().filter_map(Poly::degree).max().unwrap_or(0);
    if deg_y(p_a) == 0 || deg_y(p_b) == 0 {
        return Poly::zero();
    }
    let chi_deg_t = |p: &BiPoly, u: &BiPoly| deg_y(p) * deg_t(u) + deg_y(u) * deg_t(p);
    let bound = deg_y(p_a) * chi_deg_t(p_b, u_b) + deg_y(p_b) * chi_deg_t(p_a, u_a);
    let leading_ok = |p: &BiPoly, t: &Rational| p.rows().last().is_none_or(|r| r.eval(t) != 0);
    let mut points = Vec::with_capacity(bound + 1);
    let mut values = Vec::with_capacity(bound + 1);
    let mut t = int(0);
    while points.len() <= bound {
        if [p_a, u_a, p_b, u_b].iter().all(|p| leading_ok(p, &t)) {
            let chi_a = charpoly(p_a, u_a, &t);
            let chi_b = charpoly(p_b, u_b, &t);
            values.push(resultant(&chi_a, &chi_b));
            points.push(t.clone());
        }
        t += one();
    }
    interpolate(&points, &values)
}

/// `Res_β0(p(β0), w − u(β0))` at `t`, a polynomial in `w` whose roots are `u` on `p`'s roots.
fn charpoly(p: &BiPoly, u: &BiPoly, t: &Rational) -> Poly {
    let at =
        |b: &BiPoly| -> Vec<Poly> { b.rows().iter().map(|r| Poly::constant(r.eval(t))).collect() };
    let p_rows = at(p);
    let mut w_minus_u: Vec<Poly> = u
        .rows()
        .iter()
        .map(|r| Poly::constant(-r.eval(t)))
        .collect();
    if w_minus_u.is_empty() {
        w_minus_u.push(Poly::zero());
    }
    w_minus_u[0] = &w_minus_u[0] + &Poly::x();
    if w_minus_u.len() == 1 {
        // u is free of β0: the charpoly is (w − u)^deg p up to a constant.
        return w_minus_u[0].pow(deg(&p_rows) as u32);
    }
    resultant_y(&p_rows, &w_minus_u)
}

fn deg(rows: &[Poly]) -> usize {
    rows.len().saturating_sub(1)
}
