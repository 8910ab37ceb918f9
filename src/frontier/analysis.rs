//! One group's frontier: exact Pareto filtering, hull-Pareto membership by certified LPs, the hull's faces, the egalitarian and KS lotteries.

use crate::exact::field::OrderedField;
use crate::lp::LpError;

use super::dominance::pareto;
use super::generation::{Memberships, supporting_weights_from};
use super::hull::{Face, chain, chain_neighbours, faces, faces3};
use super::hull3;
use super::programs::{Answer, egalitarian, kalai_smorodinsky};

/// A frontier point: on the convex hull's Pareto frontier, with its certificates.
#[derive(Clone, Debug)]
pub struct HullPoint<F> {
    /// Index into the group's outcomes.
    pub index: usize,
    /// The membership LP (value 0, certified).
    pub membership: Answer<F>,
    /// The most balanced supporting weights, when some strictly positive ones exist.
    pub weights: Option<Answer<F>>,
}

/// The analysis of one group of outcomes.
#[derive(Clone, Debug)]
pub struct GroupFrontier<F> {
    pub group: String,
    pub outcomes: usize,
    /// Exactly Pareto-optimal outcomes (indices), before any LP.
    pub pareto: Vec<usize>,
    /// Pareto-optimal outcomes that a lottery dominates (with the certified slack).
    pub dominated_by_lottery: Vec<(usize, Answer<F>)>,
    pub hull: Vec<HullPoint<F>>,
    /// The hull's Pareto faces (two and three players).
    pub faces: Vec<Face<F>>,
    pub egalitarian: Answer<F>,
    pub kalai_smorodinsky: Option<Answer<F>>,
}

/// Analyzes the outcome vectors of one group (all of the same length ≥ 1, at least one outcome).
/// LPs run over the Pareto-optimal outcomes only: any lottery is weakly improved by moving its
/// weight from a dominated outcome to one dominating it, so nothing is lost. Each outcome's LPs
/// are solved over its neighbours on the hull first (two and three players) and certified
/// against the programs over every Pareto-optimal outcome (`generation.rs`).
pub fn analyze<F: OrderedField>(
    group: &str,
    points: &[Vec<F>],
) -> Result<GroupFrontier<F>, LpError> {
    let front = pareto(points);
    let reduced: Vec<Vec<F>> = front.iter().map(|&i| points[i].clone()).collect();
    let every: Vec<usize> = (0..reduced.len()).collect();
    let (neighbours, reduced_faces) = match points[0].len() {
        2 => {
            let chain = chain(&reduced, &every);
            (
                chain_neighbours(&reduced, &every, &chain),
                faces(&reduced, &every),
            )
        }
        3 => {
            let hull = hull3::hull(&reduced);
            let faces = faces3(&reduced, &hull.facets);
            (hull.neighbours, faces)
        }
        _ => (vec![Vec::new(); reduced.len()], Vec::new()),
    };
    let remap = |mut a: Answer<F>| {
        a.support = a.support.into_iter().map(|(j, v)| (front[j], v)).collect();
        a
    };
    let mut memberships = Memberships::new(&reduced);
    let mut hull = Vec::new();
    let mut dominated_by_lottery = Vec::new();
    for (k, &index) in front.iter().enumerate() {
        let m = remap(memberships.of(k, &neighbours[k])?);
        if m.value.is_zero() {
            let weights = supporting_weights_from(&reduced, k, &neighbours[k])
                .ok()
                .filter(|w| w.value.sign().is_gt());
            hull.push(HullPoint {
                index,
                membership: m,
                weights,
            });
        } else {
            dominated_by_lottery.push((index, m));
        }
    }
    let egalitarian = remap(egalitarian(&reduced)?);
    let kalai_smorodinsky = match kalai_smorodinsky(&reduced) {
        Some(r) => Some(remap(r?)),
        None => None,
    };
    let faces = reduced_faces
        .into_iter()
        .map(|mut f| {
            f.members = f.members.iter().map(|&j| front[j]).collect();
            f
        })
        .collect();
    Ok(GroupFrontier {
        group: group.to_string(),
        outcomes: points.len(),
        pareto: front,
        dominated_by_lottery,
        hull,
        faces,
        egalitarian,
        kalai_smorodinsky,
    })
}
