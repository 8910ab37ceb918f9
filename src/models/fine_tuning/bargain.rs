//! Bargaining over the share δ: the feasible and Pareto sets and every named solution, exactly or certified.
//!
//! Points are located on the equilibrium curve (see `curve.rs`): each solution's α0 is an exact
//! algebraic number (a root of an elimination polynomial, isolated between samples whose signs
//! prove it is the optimum or crossing), except the Kalai–Smorodinsky point when the players'
//! maxima are irrational, which is bracketed by certified bisection. δ follows exactly from α0.
//! With quadratic costs (more generally `k1 = 2`) every value is exact; otherwise utilities at
//! the located points are certified enclosures of the requested width.

use std::cmp::Ordering;

use crate::error::{Error, Result};
use crate::exact::bipoly::BiPoly;
use crate::exact::interval::Interval;
use crate::exact::rational::{pow2, pow10};
use crate::exact::{Algebraic, Rational, Value};

use crate::models::tie::{Tie, value_text};

use super::curve::{Curve, Maximum, Point, zero};
use super::exact::{best_effort, net};
use super::params::Params;

/// Options of a bargaining computation.
#[derive(Clone, Debug)]
pub struct Config {
    /// Width of certified enclosures (for values that are not exact).
    pub width: Rational,
}

impl Default for Config {
    fn default() -> Config {
        Config { width: pow10(-15) }
    }
}

/// The names of the bargaining solutions, in report order.
pub const SOLUTIONS: [&str; 7] = [
    "nash",
    "egalitarian",
    "utilitarian",
    "kalai_smorodinsky",
    "max_alpha1",
    "g_ideal",
    "d_ideal",
];

/// One named bargain: the share and everything it induces.
#[derive(Clone, Debug)]
pub struct Solution {
    pub name: &'static str,
    pub delta: Value,
    pub alpha0: Value,
    pub alpha1: Value,
    pub u_g: Value,
    pub u_d: Value,
    /// The vertical monopoly's joint utility minus `u_g + u_d` (the hold-up gap).
    pub shortfall: Value,
}

/// One integrated firm choosing both performances.
#[derive(Clone, Debug)]
pub struct Monopoly {
    pub alpha0: Algebraic,
    pub alpha1: Algebraic,
    pub joint: Algebraic,
}

/// The complete bargaining analysis.
#[derive(Clone, Debug)]
pub struct Bargain {
    /// Shares with both utilities ≥ 0 (proved to be all of [0, 1]).
    pub feasible: (Value, Value),
    /// The Pareto set, an interval of shares.
    pub pareto: (Value, Value),
    pub solutions: Vec<Solution>,
    pub vertical_monopoly: Monopoly,
    /// The solutions whose objective had several equal maxima, and the rule that chose
    /// (`player` is the solution's name).
    pub ties: Vec<Tie>,
}

impl Solution {
    /// Whether every enclosure among its values is at most `width` wide.
    pub fn is_within(&self, width: &Rational) -> bool {
        [
            &self.delta,
            &self.alpha0,
            &self.alpha1,
            &self.u_g,
            &self.u_d,
            &self.shortfall,
        ]
        .into_iter()
        .all(|v| v.as_exact().is_some() || v.bounds().width() <= *width)
    }
}

impl Bargain {
    /// The solution called `name`.
    pub fn solution(&self, name: &str) -> Option<&Solution> {
        self.solutions.iter().find(|s| s.name == name)
    }
}

/// Bargaining over δ in the one-specialist game.
pub fn bargain(params: &Params, config: &Config) -> Result<Bargain> {
    let curve = Curve::new(params);
    let (u_g, u_d) = (curve.u_g.clone(), curve.u_d.clone());
    if !u_g.coefficients_nonnegative() || !u_d.coefficients_nonnegative() {
        return Err(Error::Undecided {
            what: "the feasible set".into(),
            reason: "a utility polynomial has a negative coefficient".into(),
        });
    }
    let (x_lo, x_hi) = (zero(), curve.x_max.clone());
    let g_ideal = curve.argmax(&u_g, &x_lo, &x_hi, None)?;
    let d_ideal = curve.argmax(&u_d, &x_lo, &x_hi, None)?;
    if !g_ideal.unimodal || !d_ideal.unimodal {
        return Err(Error::Undecided {
            what: "the Pareto set".into(),
            reason: "a utility is not unimodal along the equilibrium curve".into(),
        });
    }
    let (x_g, x_d) = (g_ideal.at.clone(), d_ideal.at.clone());
    // G's utility rises up to x_g and falls after it, D's likewise about x_d: the shares between
    // the two ideals trade one player's utility against the other's, all others are dominated.
    let (p_lo, p_hi) = if x_d <= x_g {
        (x_d.clone(), x_g.clone())
    } else {
        (x_g.clone(), x_d.clone())
    };
    let joint = &u_g + &u_d;
    let nash = &u_g * &u_d;
    let alpha1 = &BiPoly::x() + &BiPoly::y();

    let monopoly = vertical_monopoly(params);
    let describe = |name, point: &Point| describe(&curve, name, point, &monopoly, config);
    let nash = curve.argmax(&nash, &p_lo, &p_hi, None)?;
    let egalitarian = egalitarian(&curve, &p_lo, &p_hi, &x_g, &x_d)?;
    let utilitarian = curve.argmax(&joint, &p_lo, &p_hi, None)?;
    let max_alpha1 = curve.argmax(&alpha1, &p_lo, &p_hi, Some(&joint))?;
    let tie = |name, maximum: &Maximum, rule| tie(&curve, name, maximum, rule);
    let ties = [
        tie("nash", &nash, "equal U_G·U_D; smallest delta"),
        tie("utilitarian", &utilitarian, "equal U_G + U_D; smallest delta"),
        tie(
            "max_alpha1",
            &max_alpha1,
            if max_alpha1.everywhere {
                "alpha1 is the same at every Pareto share; larger U_G + U_D, then smallest delta"
            } else {
                "equal alpha1; larger U_G + U_D, then smallest delta"
            },
        ),
        tie("g_ideal", &g_ideal, "equal U_G; smallest delta"),
        tie("d_ideal", &d_ideal, "equal U_D; smallest delta"),
    ]
    .into_iter()
    .flatten()
    .collect();
    // A bracketed point is narrowed until the values it induces meet the requested width.
    let mut bracket_width = config.width.clone();
    let kalai_smorodinsky = loop {
        let point = kalai_smorodinsky(&curve, &p_lo, &p_hi, &x_g, &x_d, &bracket_width, config)?;
        let solution = describe("kalai_smorodinsky", &point);
        if solution.is_within(&config.width) {
            break solution;
        }
        bracket_width = &bracket_width / Rational::from(1024);
    };
    let solutions = vec![
        describe("nash", &Point::Exact(nash.at)),
        describe("egalitarian", &egalitarian),
        describe("utilitarian", &Point::Exact(utilitarian.at)),
        kalai_smorodinsky,
        describe("max_alpha1", &Point::Exact(max_alpha1.at)),
        describe("g_ideal", &Point::Exact(x_g.clone())),
        describe("d_ideal", &Point::Exact(x_d.clone())),
    ];
    let delta_at = |x: &Algebraic| Value::Exact(x.map_poly(curve.delta_of_x()));
    Ok(Bargain {
        feasible: (Value::rational(0.into()), Value::rational(1.into())),
        pareto: (delta_at(&p_lo), delta_at(&p_hi)),
        solutions,
        vertical_monopoly: monopoly.clone(),
        ties,
    })
}

/// The tie a solution's maximization resolved, if its objective had several equal maxima.
fn tie(curve: &Curve, name: &str, maximum: &Maximum, rule: &'static str) -> Option<Tie> {
    if maximum.tied.is_empty() && !maximum.everywhere {
        return None;
    }
    let share = |x: &Algebraic| format!("delta = {}", value_text(&x.map_poly(curve.delta_of_x())));
    let mut tie = Tie::new(name, share(&maximum.at), rule);
    for x in &maximum.tied {
        tie = tie.over(share(x));
    }
    if maximum.everywhere {
        tie = tie.over("every other Pareto share");
    }
    Some(tie)
}

/// Max-min: where U_G and U_D cross on the Pareto set, else the end favouring the worse-off.
fn egalitarian(
    curve: &Curve,
    p_lo: &Algebraic,
    p_hi: &Algebraic,
    x_g: &Algebraic,
    x_d: &Algebraic,
) -> Result<Point> {
    if p_lo == p_hi {
        return Ok(Point::Exact(p_lo.clone()));
    }
    let difference = &curve.u_g - &curve.u_d;
    match curve.sign_change(&difference, p_lo, p_hi)? {
        (Some(x), _) => Ok(Point::Exact(x)),
        // G is worse off throughout: give G the most it can get on the Pareto set.
        (None, Ordering::Less) => Ok(Point::Exact(x_g.clone())),
        (None, _) => Ok(Point::Exact(x_d.clone())),
    }
}

/// The Pareto share with `U_G / U_G^max = U_D / U_D^max`.
fn kalai_smorodinsky(
    curve: &Curve,
    p_lo: &Algebraic,
    p_hi: &Algebraic,
    x_g: &Algebraic,
    x_d: &Algebraic,
    bracket_width: &Rational,
    config: &Config,
) -> Result<Point> {
    if p_lo == p_hi {
        return Ok(Point::Exact(p_lo.clone()));
    }
    let g_max = curve.value(&curve.u_g, &Point::Exact(x_g.clone()), &config.width);
    let d_max = curve.value(&curve.u_d, &Point::Exact(x_d.clone()), &config.width);
    // k = U_D^max·U_G − U_G^max·U_D is ≥ 0 at x_g and ≤ 0 at x_d, strictly monotone between.
    let rational = |v: &Value| v.as_exact().and_then(Algebraic::as_rational).cloned();
    if let (Some(gm), Some(dm)) = (rational(&g_max), rational(&d_max)) {
        let k = &curve.u_g.scale(&dm) - &curve.u_d.scale(&gm);
        if let (Some(x), _) = curve.sign_change(&k, p_lo, p_hi)? {
            return Ok(Point::Exact(x));
        }
    }
    let lo_sign = if x_d <= x_g {
        Ordering::Less
    } else {
        Ordering::Greater
    };
    let mut maxima = Vec::new();
    Curve::bisect(p_lo, p_hi, lo_sign, bracket_width, |x| {
        ks_sign(curve, x, (x_g, x_d), (&g_max, &d_max), &mut maxima, config)
    })
}

/// The sign of `U_D^max·U_G(x) − U_G^max·U_D(x)` at a rational `x`: by enclosures narrowed until
/// they decide, and exactly (algebraic arithmetic) when they cannot and every value is exact.
fn ks_sign(
    curve: &Curve,
    x: &Rational,
    (x_g, x_d): (&Algebraic, &Algebraic),
    (g_max, d_max): (&Value, &Value),
    maxima: &mut Vec<(Interval, Interval)>,
    config: &Config,
) -> Result<Ordering> {
    let at = Point::Exact(Algebraic::from_rational(x.clone()));
    // Coarse first: away from the crossing a rough enclosure already decides the sign. The
    // maxima's enclosures at each level of precision are computed once and kept in `maxima`.
    let step = pow2(-24);
    let finest = &config.width * pow2(-200);
    let mut width = step.clone();
    let mut level = 0;
    while width > finest {
        if maxima.len() <= level {
            let gm = curve
                .value(&curve.u_g, &Point::Exact(x_g.clone()), &width)
                .enclose(&width);
            let dm = curve
                .value(&curve.u_d, &Point::Exact(x_d.clone()), &width)
                .enclose(&width);
            maxima.push((gm, dm));
        }
        let (gm, dm) = &maxima[level];
        let ug = curve.value(&curve.u_g, &at, &width).enclose(&width);
        let ud = curve.value(&curve.u_d, &at, &width).enclose(&width);
        if let Some(sign) = dm.mul(&ug).sub(&gm.mul(&ud)).sign() {
            return Ok(sign);
        }
        width = &width * &step;
        level += 1;
    }
    match (
        curve.value(&curve.u_g, &at, &width),
        curve.value(&curve.u_d, &at, &width),
        g_max,
        d_max,
    ) {
        (Value::Exact(ug), Value::Exact(ud), Value::Exact(gm), Value::Exact(dm)) => {
            Ok(dm.mul(&ug).sub(&gm.mul(&ud)).sign())
        }
        _ => Err(Error::Undecided {
            what: "the Kalai-Smorodinsky bracket".into(),
            reason: format!("the sign at x = {x} did not separate from zero"),
        }),
    }
}

/// One integrated firm: α0 and α1 − α0 each maximize `r·e − c·e^k`.
pub fn vertical_monopoly(params: &Params) -> Monopoly {
    let r = params.r();
    let x = best_effort(r, params.c0(), params.k0());
    let y = best_effort(r, params.c1(), params.k1());
    let joint = net(r, params.c0(), params.k0(), &x).add(&net(r, params.c1(), params.k1(), &y));
    Monopoly {
        alpha1: x.add(&y),
        alpha0: x,
        joint,
    }
}

fn describe(
    curve: &Curve,
    name: &'static str,
    point: &Point,
    monopoly: &Monopoly,
    config: &Config,
) -> Solution {
    let at = |f: &BiPoly| curve.value(f, point, &config.width);
    let (u_g, u_d) = (at(&curve.u_g), at(&curve.u_d));
    // Half the width each for the two terms, so the difference meets the width.
    let half = &config.width / Rational::from(2);
    let shortfall = match curve.value(&(&curve.u_g + &curve.u_d), point, &half) {
        Value::Exact(joint) => Value::Exact(monopoly.joint.sub(&joint)),
        Value::Enclosure(joint) => {
            let mut m = monopoly.joint.clone();
            m.refine(&half);
            let (lo, hi) = m.interval();
            Value::Enclosure(Interval::new(lo, hi).sub(&joint))
        }
    };
    let delta = match point {
        Point::Exact(x) => Value::Exact(x.map_poly(curve.delta_of_x())),
        Point::Bracket(lo, hi) => Value::Enclosure(Interval::new(
            curve.delta_of_x().eval(lo),
            curve.delta_of_x().eval(hi),
        )),
    };
    let alpha0 = match point {
        Point::Exact(x) => Value::Exact(x.clone()),
        Point::Bracket(lo, hi) => Value::Enclosure(Interval::new(lo.clone(), hi.clone())),
    };
    Solution {
        name,
        delta,
        alpha0,
        alpha1: at(&(&BiPoly::x() + &BiPoly::y())),
        u_g,
        u_d,
        shortfall,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::exact::rational::{int, ratio};

    fn exact_text(v: &Value) -> String {
        v.as_exact()
            .and_then(Algebraic::closed_form)
            .unwrap_or_else(|| format!("{v:?}"))
    }

    #[test]
    fn spec_check_values_for_c0_1_c1_2() {
        let params = Params::quadratic(int(1), int(2), int(1)).unwrap();
        let b = bargain(&params, &Config::default()).unwrap();
        assert_eq!(
            (exact_text(&b.pareto.0), exact_text(&b.pareto.1)),
            ("1/3".into(), "1".into())
        );
        let delta = |name: &str| exact_text(&b.solution(name).unwrap().delta);
        assert_eq!(delta("utilitarian"), "2/3");
        assert_eq!(delta("nash"), "(2+sqrt(13))/9");
        assert_eq!(delta("egalitarian"), "sqrt(3)/3");
        assert_eq!(delta("g_ideal"), "1");
        assert_eq!(delta("d_ideal"), "1/3");
        assert_eq!(b.vertical_monopoly.joint.as_rational(), Some(&ratio(3, 8)));
    }

    /// With equal quadratic costs α1* is the same at every share: `max_alpha1` is the
    /// utilitarian share by its tie rule, and the bargain says so; unequal costs resolve no tie.
    #[test]
    fn a_constant_final_performance_is_a_reported_tie() {
        let equal = Params::quadratic(ratio(1, 2), ratio(1, 2), int(1)).unwrap();
        let b = bargain(&equal, &Config::default()).unwrap();
        let delta = |name: &str| exact_text(&b.solution(name).unwrap().delta);
        assert_eq!(delta("max_alpha1"), delta("utilitarian"));
        assert_eq!(b.ties.len(), 1);
        assert_eq!(b.ties[0].player, "max_alpha1");
        assert_eq!(b.ties[0].chose, "delta = 1/2");
        assert_eq!(b.ties[0].over, vec!["every other Pareto share".to_string()]);

        let unequal = Params::quadratic(int(1), int(2), int(1)).unwrap();
        assert!(bargain(&unequal, &Config::default()).unwrap().ties.is_empty());
    }
}
