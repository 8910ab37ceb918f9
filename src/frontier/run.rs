//! A whole frontier job: outcomes split into groups, each analyzed in the cheapest exact field, and which groups reach outcomes the others cannot.

use std::collections::BTreeMap;

use crate::error::{Error, Result};
use crate::exact::field::OrderedField;
use crate::exact::{Algebraic, Rational};
use crate::limits::Limit;
use crate::lp::{LpError, Method};

use super::analysis::{GroupFrontier, analyze};
use super::input::Outcome;
use super::programs::{Answer, membership};

/// A certified LP answer as text: value, support, how certified.
#[derive(Clone, Debug)]
pub struct Shown {
    pub value: String,
    pub value_approx: f64,
    /// `(outcome id or player, exact weight)`.
    pub support: Vec<(String, String)>,
    /// The weights approximately, for drawing.
    pub support_approx: Vec<f64>,
    pub method: Method,
    /// The exact primal and dual solutions (the certificate).
    pub x: Vec<String>,
    pub y: Vec<String>,
}

/// A hull-Pareto outcome: its id, exact utilities, approximate utilities (for drawing) and
/// supporting weights (when strictly positive ones exist).
pub type HullEntry = (String, Vec<String>, Vec<f64>, Option<Shown>);

/// One group's results, as exact text.
#[derive(Clone, Debug)]
pub struct GroupReport {
    pub group: String,
    pub outcomes: usize,
    pub pareto: usize,
    pub dominated_by_lottery: usize,
    pub hull: Vec<HullEntry>,
    /// Faces: the ids of the outcomes on each, the normal and level (`w·U ≤ level` for every outcome).
    pub faces: Vec<(Vec<String>, Vec<String>, String)>,
    pub egalitarian: Shown,
    pub kalai_smorodinsky: Option<Shown>,
    /// Hull-Pareto outcomes of this group no lottery over the other groups reaches.
    pub beyond_others: Option<usize>,
    /// Whether the analysis ran over Q (all utilities rational) or real algebraic numbers.
    pub field: &'static str,
    pub methods: BTreeMap<&'static str, usize>,
}

fn shown<F: OrderedField>(a: &Answer<F>, name: &dyn Fn(usize) -> String) -> Shown {
    Shown {
        value: a.value.exact_text(),
        value_approx: a.value.approx(),
        support: a
            .support
            .iter()
            .map(|(j, v)| (name(*j), v.exact_text()))
            .collect(),
        support_approx: a.support.iter().map(|(_, v)| v.approx()).collect(),
        method: a.certificate.method,
        x: a.certificate
            .x
            .iter()
            .map(OrderedField::exact_text)
            .collect(),
        y: a.certificate
            .y
            .iter()
            .map(OrderedField::exact_text)
            .collect(),
    }
}

fn lp_error(group: &str, e: LpError) -> Error {
    Error::Undecided {
        what: format!("the frontier of group {group}"),
        reason: format!("an LP was {e:?} (it cannot be for outcome sets; please report)"),
    }
}

fn report<F: OrderedField>(
    group: &str,
    outcomes: &[&Outcome],
    points: &[Vec<F>],
    others: &[Vec<F>],
    field: &'static str,
) -> Result<GroupReport> {
    let g: GroupFrontier<F> = analyze(group, points).map_err(|e| lp_error(group, e))?;
    let id = |j: usize| outcomes[j].id.clone();
    let player = |i: usize| format!("player {}", i + 1);
    let mut methods: BTreeMap<&'static str, usize> = BTreeMap::new();
    let mut count = |m: Method| *methods.entry(m.name()).or_insert(0) += 1;
    for h in &g.hull {
        count(h.membership.certificate.method);
        if let Some(w) = &h.weights {
            count(w.certificate.method);
        }
    }
    for (_, m) in &g.dominated_by_lottery {
        count(m.certificate.method);
    }
    count(g.egalitarian.certificate.method);
    if let Some(k) = &g.kalai_smorodinsky {
        count(k.certificate.method);
    }
    // Which of this group's frontier outcomes lie beyond every lottery over the other groups.
    let beyond_others = if others.is_empty() {
        None
    } else {
        let mut beyond = 0;
        for h in &g.hull {
            let mut set = others.to_vec();
            set.push(points[h.index].clone());
            let m = membership(&set, set.len() - 1).map_err(|e| lp_error(group, e))?;
            count(m.certificate.method);
            if m.value.is_zero() {
                beyond += 1;
            }
        }
        Some(beyond)
    };
    Ok(GroupReport {
        group: group.to_string(),
        outcomes: g.outcomes,
        pareto: g.pareto.len(),
        dominated_by_lottery: g.dominated_by_lottery.len(),
        hull: g
            .hull
            .iter()
            .map(|h| {
                (
                    id(h.index),
                    points[h.index]
                        .iter()
                        .map(OrderedField::exact_text)
                        .collect(),
                    points[h.index].iter().map(OrderedField::approx).collect(),
                    h.weights.as_ref().map(|w| shown(w, &player)),
                )
            })
            .collect(),
        faces: g
            .faces
            .iter()
            .map(|f| {
                (
                    f.members.iter().map(|&m| id(m)).collect(),
                    f.normal.iter().map(OrderedField::exact_text).collect(),
                    f.level.exact_text(),
                )
            })
            .collect(),
        egalitarian: shown(&g.egalitarian, &id),
        kalai_smorodinsky: g.kalai_smorodinsky.as_ref().map(|k| shown(k, &id)),
        beyond_others,
        field,
        methods,
    })
}

/// Every group's frontier (groups in first-appearance order, the regulation classes in their
/// natural order), with the comparison against the other groups when there are several.
pub fn frontiers(outcomes: &[Outcome]) -> Result<Vec<GroupReport>> {
    Limit::Outcomes.check(outcomes.len(), "the frontier's outcomes")?;
    let players = outcomes[0].utilities.len();
    if players < 2 {
        return Err(Error::InvalidArgument {
            argument: "--players".into(),
            reason: "a frontier needs at least two players' utilities".into(),
        });
    }
    let mut groups: Vec<String> = Vec::new();
    for o in outcomes {
        if !groups.contains(&o.group) {
            groups.push(o.group.clone());
        }
    }
    let rank = |g: &str| {
        ["none", "g_only", "d_only", "both"]
            .iter()
            .position(|c| *c == g)
    };
    if groups.iter().all(|g| rank(g).is_some()) {
        groups.sort_by_key(|g| rank(g));
    }
    let mut reports = Vec::new();
    for group in &groups {
        let members: Vec<&Outcome> = outcomes.iter().filter(|o| &o.group == group).collect();
        let others: Vec<&Outcome> = if groups.len() > 1 {
            outcomes.iter().filter(|o| &o.group != group).collect()
        } else {
            Vec::new()
        };
        // LPs over Q when every Pareto-optimal outcome involved is rational (dominated ones
        // never enter an LP); exact geometry for two players otherwise.
        let rational = |set: &[&Outcome]| {
            let points: Vec<Vec<Algebraic>> = set.iter().map(|o| o.utilities.clone()).collect();
            super::dominance::pareto(&points)
                .iter()
                .all(|&i| points[i].iter().all(|u| u.as_rational().is_some()))
        };
        let (own, theirs) = (rational(&members), rational(&others));
        if !(own && theirs) && players != 2 {
            return Err(Error::Undecided {
                what: format!("the frontier of group {group}"),
                reason: "irrational Pareto-optimal utilities are supported for two players only"
                    .into(),
            });
        }
        let report = if !own {
            geometric_report(group, &members, &others)
        } else {
            // Dominated outcomes may be irrational: they are dropped exactly before any LP.
            let q = |o: &&Outcome| -> Vec<Rational> {
                o.utilities
                    .iter()
                    .map(|u| {
                        u.as_rational()
                            .cloned()
                            .unwrap_or_else(|| Rational::from(-1))
                    })
                    .collect()
            };
            let all: Vec<Vec<Algebraic>> = members.iter().map(|o| o.utilities.clone()).collect();
            let front = super::dominance::pareto(&all);
            let kept: Vec<&Outcome> = front.iter().map(|&i| members[i]).collect();
            let points: Vec<Vec<Rational>> = kept.iter().map(q).collect();
            let rest: Vec<Vec<Rational>> = if theirs {
                let all: Vec<Vec<Algebraic>> = others.iter().map(|o| o.utilities.clone()).collect();
                super::dominance::pareto(&all)
                    .into_iter()
                    .map(|i| q(&others[i]))
                    .collect()
            } else {
                Vec::new()
            };
            let mut r = report(
                group,
                &kept,
                &points,
                &rest,
                "rational utilities: certified LPs",
            )?;
            r.outcomes = members.len();
            if !theirs && !others.is_empty() {
                let candidates: Vec<Vec<Algebraic>> = r
                    .hull
                    .iter()
                    .map(|(id, ..)| {
                        kept.iter()
                            .find(|o| &o.id == id)
                            .expect("a kept outcome")
                            .utilities
                            .clone()
                    })
                    .collect();
                r.beyond_others = Some(beyond_by_geometry(&candidates, &others));
                r.methods.insert(Method::Geometry.name(), 1);
            }
            r
        };
        reports.push(report);
    }
    Ok(reports)
}

fn pareto_only<F: OrderedField>(points: Vec<Vec<F>>) -> Vec<Vec<F>> {
    super::dominance::pareto(&points)
        .into_iter()
        .map(|i| points[i].clone())
        .collect()
}

/// Two players with irrational Pareto-optimal utilities: the hull chain by exact orientation
/// signs, values as certified enclosures.
fn geometric_report(group: &str, members: &[&Outcome], others: &[&Outcome]) -> GroupReport {
    use super::geometry::{chain, on_segment, ray_level};
    use crate::exact::text::exact_text;
    let points: Vec<Vec<Algebraic>> = members.iter().map(|o| o.utilities.clone()).collect();
    let front = super::dominance::pareto(&points);
    let vertices = chain(&points, &front);
    let on_hull: Vec<usize> = front
        .iter()
        .copied()
        .filter(|&i| {
            vertices.contains(&i)
                || vertices
                    .windows(2)
                    .any(|w| on_segment(&points[i], &points[w[0]], &points[w[1]]))
                || vertices.iter().any(|&v| points[v] == points[i])
        })
        .collect();
    let text = |a: &Algebraic| a.exact_text();
    let level_text = |l: &super::geometry::Level| match &l.exact {
        Some(r) => r.to_string(),
        None => exact_text(
            &crate::exact::Value::Enclosure(l.enclosure.clone()),
            "x",
            12,
        ),
    };
    let shown_level =
        |l: &super::geometry::Level, weights: &[(usize, crate::exact::interval::Interval)]| Shown {
            value: level_text(l),
            value_approx: crate::exact::rational::to_f64(&l.enclosure.lo),
            support: weights
                .iter()
                .map(|(j, w)| {
                    let weight = if w.lo == w.hi {
                        w.lo.to_string()
                    } else {
                        exact_text(&crate::exact::Value::Enclosure(w.clone()), "x", 12)
                    };
                    (members[*j].id.clone(), weight)
                })
                .collect(),
            support_approx: weights
                .iter()
                .map(|(_, w)| {
                    crate::exact::rational::to_f64(&((&w.lo + &w.hi) / Rational::from(2)))
                })
                .collect(),
            method: Method::Geometry,
            x: Vec::new(),
            y: Vec::new(),
        };
    let one = Algebraic::from_rational(Rational::from(1));
    let (egal, egal_w) = ray_level(&points, &vertices, (&one, &one));
    let ideal: Vec<Algebraic> = (0..2)
        .map(|i| {
            points
                .iter()
                .map(|p| p[i].clone())
                .max()
                .expect("an outcome")
        })
        .collect();
    let ks = (ideal
        .iter()
        .all(|v| v.sign() == std::cmp::Ordering::Greater))
    .then(|| ray_level(&points, &vertices, (&ideal[0], &ideal[1])));
    let beyond_others = (!others.is_empty()).then(|| {
        let candidates: Vec<Vec<Algebraic>> = on_hull.iter().map(|&i| points[i].clone()).collect();
        beyond_by_geometry(&candidates, others)
    });
    let mut methods = BTreeMap::new();
    methods.insert(Method::Geometry.name(), 1);
    GroupReport {
        group: group.to_string(),
        outcomes: members.len(),
        pareto: front.len(),
        dominated_by_lottery: front.len() - on_hull.len(),
        hull: on_hull
            .iter()
            .map(|&i| {
                (
                    members[i].id.clone(),
                    points[i].iter().map(text).collect(),
                    points[i].iter().map(Algebraic::to_f64).collect(),
                    None,
                )
            })
            .collect(),
        faces: vertices
            .windows(2)
            .map(|w| {
                let (a, b) = (&points[w[0]], &points[w[1]]);
                (
                    vec![members[w[0]].id.clone(), members[w[1]].id.clone()],
                    vec![text(&a[1].sub(&b[1])), text(&b[0].sub(&a[0]))],
                    "—".to_string(),
                )
            })
            .collect(),
        egalitarian: shown_level(&egal, &egal_w),
        kalai_smorodinsky: ks.map(|(l, w)| shown_level(&l, &w)),
        beyond_others,
        field: "irrational utilities: exact hull geometry",
        methods,
    }
}

/// How many of `candidates` no lottery over `others` weakly dominates (two players, exact
/// hull geometry): a candidate counts when it is on the hull's Pareto frontier of the others
/// together with itself.
fn beyond_by_geometry(candidates: &[Vec<Algebraic>], others: &[&Outcome]) -> usize {
    use super::geometry::{chain, on_segment};
    let rest: Vec<Vec<Algebraic>> =
        pareto_only(others.iter().map(|o| o.utilities.clone()).collect());
    candidates
        .iter()
        .filter(|p| {
            let mut set = rest.clone();
            set.push((*p).clone());
            let k = set.len() - 1;
            let front = super::dominance::pareto(&set);
            if !front.contains(&k) {
                return false;
            }
            let c = chain(&set, &front);
            c.iter().any(|&v| set[v] == set[k])
                || c.windows(2)
                    .any(|w| on_segment(&set[k], &set[w[0]], &set[w[1]]))
        })
        .count()
}
