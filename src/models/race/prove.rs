//! Proofs of the essay's claims R1–R4 over a parameter box, for every strictly increasing f, read off the revenue forms.
//!
//! A revenue is `Σ c_P · f(P)` with coefficients that are polynomials in the structural values
//! (`form.rs`), fixed as long as the points keep their order. Moving one point inside its order
//! cell changes one term only, so each claim becomes a sign condition on one coefficient in every
//! order of the points:
//!
//! - R1 (revenue strictly decreasing in x): the coefficient of f(x) in the revenue is < 0;
//! - R2 (the difference between two closed sizes does not depend on x): the coefficient of f(x)
//!   in `revenue(z) − revenue(y)` is identically 0;
//! - R3 (y* never rises with x): the coefficient of f(x) is the same in every order of y (so the
//!   profit is `G(y) − H(x)`), is ≤ 0 (H non-decreasing), and the revenue vanishes when y meets x.
//!   Then for `x ≥ y_g` (G's smallest maximizer) every profit is `≤ G(y_g) − H(y_g) = −y_g ≤ 0`,
//!   and for `x < y_g` the best size is `y_g` — no concavity of f needed;
//! - R4 (the upgrade gain is constant in x' up to y and strictly decreasing after): the
//!   coefficient of f(x') in the gain is identically 0 when `x' < y` and < 0 when `x' > y`.
//!
//! Revenues are continuous in every point, so the pieces join. A sign is decided over the box
//! exactly: a coefficient is a polynomial in positive quantities (n, the day weights, V) with
//! coefficients multilinear in the ranged shares q and s; it is positive for all positive values
//! iff every such coefficient is ≥ 0 (checked at the box's vertices, where a multilinear
//! polynomial takes its extremes) and their sum is > 0 at the representative points (closed ends,
//! or the midpoint of a range open at both ends). The day weights are 0 exactly when no day
//! falls before (`k = 0`) or after (`k = m`) the improvement; each case the box allows is checked.

use std::cmp::Ordering;
use std::collections::BTreeMap;

use crate::exact::Rational;
use crate::exact::rational::{one, zero};

pub use crate::models::param_box::{Finding as Outcome, Span};

use super::form::{self, MPoly, Pt, Var};
use super::params::Extension;

/// The essay's claims.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Theorem {
    R1,
    R2,
    R3,
    R4,
}

impl Theorem {
    pub fn parse(name: &str) -> Option<Theorem> {
        match name {
            "R1" => Some(Theorem::R1),
            "R2" => Some(Theorem::R2),
            "R3" => Some(Theorem::R3),
            "R4" => Some(Theorem::R4),
            _ => None,
        }
    }
}

/// The box a claim ranges over, as far as the proof needs it.
#[derive(Clone, Debug)]
pub struct Region {
    pub ext: Extension,
    /// Days in the horizon (one value).
    pub m: Rational,
    pub k: Span,
    /// The release probability (uncertain_release) and the captive share (duopoly).
    pub q: Span,
    pub s: Span,
}

/// Whether a coefficient must be positive, non-negative, or vanish.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Want {
    Positive,
    NonNegative,
    Zero,
}

/// Which day weights can be zero: (`wb = 0`, `wa = 0`) per case the box allows.
fn weight_cases(region: &Region) -> Vec<(bool, bool, &'static str)> {
    let (k, m) = (&region.k, &region.m);
    let mut out = Vec::new();
    if k.contains(&zero()) {
        out.push((true, *m == 0, "k = 0"));
    }
    let inner_lo = if k.lo > 0 { k.lo.clone() } else { zero() };
    let inner_hi = if k.hi < *m { k.hi.clone() } else { m.clone() };
    let has_inner = inner_lo < inner_hi
        || (inner_lo == inner_hi && inner_lo > 0 && inner_lo < *m && k.contains(&inner_lo));
    if has_inner {
        out.push((false, false, "0 < k < m"));
    }
    if k.contains(m) && *m > 0 {
        out.push((false, true, "k = m"));
    }
    out
}

/// Decides `want` for `p` over the region; `Err` names the case and the point where it fails.
fn decide(p: &MPoly, want: Want, region: &Region) -> Result<(), String> {
    for (wb_zero, wa_zero, case) in weight_cases(region) {
        let mut p = p.clone();
        if wb_zero {
            p = p.substitute(Var::Wb, &zero());
        }
        if wa_zero {
            p = p.substitute(Var::Wa, &zero());
        }
        for (v, span) in [(Var::Q, &region.q), (Var::S, &region.s)] {
            if span.lo == span.hi {
                p = p.substitute(v, &span.lo);
            }
        }
        if want == Want::Zero {
            if !p.is_zero() {
                return Err(format!("{p} is not identically 0 ({case})"));
            }
            continue;
        }
        if p.degree_in(Var::Q) > 1 || p.degree_in(Var::S) > 1 {
            return Err(format!("{p} is not multilinear in q and s"));
        }
        // Group by the monomial in the positive quantities; each group is a polynomial in q, s.
        let mut groups: BTreeMap<[u8; 4], MPoly> = BTreeMap::new();
        for (e, c) in p.terms() {
            let key = [
                e[Var::N as usize],
                e[Var::Wb as usize],
                e[Var::Wa as usize],
                e[Var::V as usize],
            ];
            let mut rest = MPoly::constant(c.clone());
            for v in [Var::Q, Var::S] {
                for _ in 0..e[v as usize] {
                    rest = rest.mul(&MPoly::var(v));
                }
            }
            let entry = groups.entry(key).or_default();
            *entry = entry.add(&rest);
        }
        let at = |poly: &MPoly, q: &Rational, s: &Rational| {
            let mut values = [one(), one(), one(), q.clone(), s.clone(), one()];
            values[Var::N as usize] = one();
            poly.eval(&values)
        };
        let point = |q: &Rational, s: &Rational| {
            let mut parts = Vec::new();
            if p.degree_in(Var::Q) > 0 {
                parts.push(format!("q = {q}"));
            }
            if p.degree_in(Var::S) > 0 {
                parts.push(format!("s = {s}"));
            }
            parts.push(case.to_string());
            parts.join(", ")
        };
        for q in region.q.vertices() {
            for s in region.s.vertices() {
                for g in groups.values() {
                    if at(g, &q, &s) < 0 {
                        return Err(format!("{p} takes negative values near {}", point(&q, &s)));
                    }
                }
            }
        }
        if want == Want::Positive {
            let sum = groups.values().fold(MPoly::default(), |acc, g| acc.add(g));
            for q in region.q.representatives() {
                for s in region.s.representatives() {
                    if at(&sum, &q, &s) <= 0 {
                        return Err(format!("{p} is 0 at {}", point(&q, &s)));
                    }
                }
            }
        }
    }
    Ok(())
}

/// Every order of the points (ties allowed) consistent with the model's domain: x below every
/// other point, y and x' below z.
fn orders(points: &[Pt]) -> Vec<BTreeMap<Pt, usize>> {
    fn extend(points: &[Pt], i: usize, ranks: &mut Vec<usize>, out: &mut Vec<Vec<usize>>) {
        if i == points.len() {
            let top = ranks.iter().max().copied().unwrap_or(0);
            if (0..=top).all(|r| ranks.contains(&r)) {
                out.push(ranks.clone());
            }
            return;
        }
        for r in 0..points.len() {
            ranks.push(r);
            extend(points, i + 1, ranks, out);
            ranks.pop();
        }
    }
    let mut all = Vec::new();
    extend(points, 0, &mut Vec::new(), &mut all);
    all.into_iter()
        .map(|ranks| {
            points
                .iter()
                .copied()
                .zip(ranks)
                .collect::<BTreeMap<_, _>>()
        })
        .filter(|r| {
            let below = |a: Pt, b: Pt| r[&a] < r[&b];
            points.iter().all(|p| *p == Pt::X || below(Pt::X, *p))
                && below(Pt::Y, Pt::Z)
                && below(Pt::Xp, Pt::Z)
        })
        .collect()
}

fn describe(order: &BTreeMap<Pt, usize>) -> String {
    let mut pts: Vec<(&Pt, &usize)> = order.iter().collect();
    pts.sort_by_key(|(p, r)| (**r, **p));
    let mut out = String::new();
    for (i, (p, r)) in pts.iter().enumerate() {
        if i > 0 {
            out.push_str(if *pts[i - 1].1 == **r { " = " } else { " < " });
        }
        out.push_str(p.name());
    }
    out
}

/// Proves `theorem` over `region`, or says which obligation fails.
pub fn prove(theorem: Theorem, region: &Region) -> Outcome {
    let ext = &region.ext;
    let mut points = vec![Pt::X, Pt::Xp, Pt::Y, Pt::Z];
    if matches!(ext, Extension::Duopoly { .. }) {
        points.push(Pt::Y2);
    }
    let all = orders(&points);
    let mut checked = 0usize;
    let mut distinct: Vec<String> = Vec::new();
    let mut note = |p: &MPoly| {
        let text = p.to_string();
        if !distinct.contains(&text) {
            distinct.push(text);
        }
    };
    let mut first_x: Option<MPoly> = None;
    for order in &all {
        let ord = |a: Pt, b: Pt| order[&a].cmp(&order[&b]);
        let fail = |what: &str, why: String| {
            Outcome::NotProved(format!("{what} when {}: {why}", describe(order)))
        };
        match theorem {
            Theorem::R1 => {
                let c = form::revenue(ext, Pt::Y, &ord).coeff(Pt::X).neg();
                if let Err(why) = decide(&c, Want::Positive, region) {
                    return fail("−(coefficient of f(x) in the revenue) > 0 fails", why);
                }
                note(&c);
            }
            Theorem::R2 => {
                let c = form::gain(ext, &ord).coeff(Pt::X);
                if let Err(why) = decide(&c, Want::Zero, region) {
                    return fail("the revenue difference depends on f(x)", why);
                }
                note(&c);
            }
            Theorem::R3 => {
                let rev = form::revenue(ext, Pt::Y, &ord);
                let c = rev.coeff(Pt::X);
                match &first_x {
                    None => first_x = Some(c.clone()),
                    Some(first) if *first != c => {
                        return fail(
                            "the profit is not G(y) − H(x)",
                            format!("f(x) has coefficient {c} here and {first} elsewhere"),
                        );
                    }
                    Some(_) => {}
                }
                if let Err(why) = decide(&c.neg(), Want::NonNegative, region) {
                    return fail("H(x) is not non-decreasing", why);
                }
                // y meets x (the others where they are): the revenue must vanish.
                let rank = |p: Pt| if p == Pt::Y { order[&Pt::X] } else { order[&p] };
                let tied = |a: Pt, b: Pt| rank(a).cmp(&rank(b));
                let at_x = form::revenue(ext, Pt::Y, &tied);
                let merged = at_x.coeff(Pt::X).add(&at_x.coeff(Pt::Y));
                let others: Vec<MPoly> = at_x
                    .terms()
                    .filter(|(p, _)| !matches!(p, Pt::X | Pt::Y))
                    .map(|(_, c)| c.clone())
                    .collect();
                for c in std::iter::once(merged).chain(others) {
                    if let Err(why) = decide(&c, Want::Zero, region) {
                        return fail("the revenue does not vanish at y = x", why);
                    }
                }
                note(&c.neg());
            }
            Theorem::R4 => {
                let c = form::gain(ext, &ord).coeff(Pt::Xp);
                match order[&Pt::Xp].cmp(&order[&Pt::Y]) {
                    Ordering::Less => {
                        if let Err(why) = decide(&c, Want::Zero, region) {
                            return fail("the gain depends on x' below y", why);
                        }
                    }
                    Ordering::Greater => {
                        if let Err(why) = decide(&c.neg(), Want::Positive, region) {
                            return fail("the gain is not strictly decreasing in x' above y", why);
                        }
                        note(&c.neg());
                    }
                    Ordering::Equal => continue,
                }
            }
        }
        checked += 1;
    }
    let what = match theorem {
        Theorem::R1 => "−(coefficient of f(x) in the revenue) > 0",
        Theorem::R2 => "coefficient of f(x) in revenue(z) − revenue(y) = 0",
        Theorem::R3 => "profit = G(y) − H(x) with H's coefficient ≥ 0, and revenue 0 at y = x",
        Theorem::R4 => "coefficient of f(x') in the gain = 0 below y, < 0 above",
    };
    let cases: Vec<&str> = weight_cases(region).iter().map(|c| c.2).collect();
    Outcome::Proved(format!(
        "for every increasing f: {what} in all {checked} orders of the points ({}); {}",
        cases.join(", "),
        if distinct.is_empty() {
            String::new()
        } else {
            format!("decisive coefficients: {}", distinct.join("; "))
        }
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::exact::rational::{int, ratio};

    fn region(ext: Extension, k: Span, q: Span, s: Span) -> Region {
        Region {
            ext,
            m: int(30),
            k,
            q,
            s,
        }
    }

    fn closed(lo: Rational, hi: Rational) -> Span {
        Span {
            lo,
            hi,
            lo_closed: true,
            hi_closed: true,
        }
    }

    #[test]
    fn base_claims_are_proved() {
        let r = region(
            Extension::Base,
            Span::point(int(30)),
            Span::point(one()),
            Span::point(zero()),
        );
        for t in [Theorem::R1, Theorem::R2, Theorem::R3] {
            assert!(matches!(prove(t, &r), Outcome::Proved(_)), "{t:?}");
        }
        // R4 needs days after the improvement: k = m leaves the gain constant in x'.
        assert!(matches!(prove(Theorem::R4, &r), Outcome::NotProved(_)));
        let before = region(
            Extension::Base,
            closed(zero(), int(29)),
            Span::point(one()),
            Span::point(zero()),
        );
        assert!(matches!(prove(Theorem::R4, &before), Outcome::Proved(_)));
    }

    #[test]
    fn pure_bertrand_duopoly_breaks_r1_and_r4() {
        let ext = Extension::Duopoly {
            y2: int(4),
            s: zero(),
        };
        let r = region(
            ext.clone(),
            Span::point(int(30)),
            Span::point(one()),
            closed(zero(), one()),
        );
        let Outcome::NotProved(why) = prove(Theorem::R1, &r) else {
            panic!("R1 should fail at s = 0")
        };
        assert!(why.contains("s = 0"), "{why}");
        assert!(matches!(prove(Theorem::R2, &r), Outcome::Proved(_)));
        assert!(matches!(prove(Theorem::R3, &r), Outcome::Proved(_)));
        // Captive niches (s > 0) restore both.
        let niche = region(
            ext,
            closed(zero(), int(29)),
            Span::point(one()),
            Span {
                lo: zero(),
                hi: one(),
                lo_closed: false,
                hi_closed: true,
            },
        );
        assert!(matches!(prove(Theorem::R4, &niche), Outcome::Proved(_)));
        // With every day before the improvement (k = m), x sets the captive price.
        let horizon = Region {
            k: Span::point(int(30)),
            ..niche
        };
        assert!(matches!(prove(Theorem::R1, &horizon), Outcome::Proved(_)));
    }

    #[test]
    fn open_ends_are_respected() {
        // Uncertain release, k ∈ [0, m]: the coefficient n·wb + n·wa·(1 − q) vanishes at
        // k = 0, q = 1 only; q ∈ [0, 1) excludes it.
        let ext = Extension::UncertainRelease { q: ratio(1, 2) };
        let q_open = Span {
            lo: zero(),
            hi: one(),
            lo_closed: true,
            hi_closed: false,
        };
        let r = region(
            ext.clone(),
            closed(zero(), int(30)),
            q_open,
            Span::point(zero()),
        );
        assert!(matches!(prove(Theorem::R1, &r), Outcome::Proved(_)));
        let r = region(
            ext,
            closed(zero(), int(30)),
            closed(zero(), one()),
            Span::point(zero()),
        );
        assert!(matches!(prove(Theorem::R1, &r), Outcome::NotProved(_)));
    }

    #[test]
    fn orders_respect_the_domain() {
        // x lowest; y, x' below z: 4 points give the weak orders of {y, x'} below z, plus ties.
        let all = orders(&[Pt::X, Pt::Xp, Pt::Y, Pt::Z]);
        // y < x' < z, x' < y < z, y = x' < z.
        assert_eq!(all.len(), 3);
    }
}
