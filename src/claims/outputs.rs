//! Model outputs by name (`spe.alpha0`, `nash.delta`, `regime`, …): the list claims may read, and their values at a game.
//!
//! Each game is solved once per distinct set of parameters and kept in a [`Cache`], so a claim
//! reading ten outputs of one game, or `solve(...)` of the same modified game twice, solves it once.

use std::collections::HashMap;

use crate::error::{Error, Result};
use crate::exact::Rational;
use crate::exact::rational::int;
use crate::models::arguments::Arguments;
use crate::models::fine_tuning::{self, bargain::SOLUTIONS};
use crate::models::{competition, fine_tuning_n, openness, race, safety_regulation};

use super::val::Val;

const FT_SPE: [&str; 6] = ["alpha0", "alpha1", "u_g", "u_d", "generalist", "specialist"];
const FT_SOLUTION: [&str; 6] = ["delta", "u_g", "u_d", "alpha0", "alpha1", "shortfall"];
const SR_SPE: [&str; 9] = [
    "alpha0",
    "beta0",
    "alpha1",
    "beta1",
    "u_g",
    "u_d",
    "g_strategy",
    "d_strategy",
    "paper_candidate",
];

/// Every output name a claim may read for `model`, in listing order.
pub fn names(model: &str) -> Vec<String> {
    let mut out = Vec::new();
    match model {
        "fine_tuning" => {
            out.extend(FT_SPE.iter().map(|n| format!("spe.{n}")));
            for set in ["feasible", "pareto"] {
                out.push(format!("{set}.lo"));
                out.push(format!("{set}.hi"));
            }
            for s in SOLUTIONS {
                out.extend(FT_SOLUTION.iter().map(|n| format!("{s}.{n}")));
            }
            out.extend(
                ["alpha0", "alpha1", "joint"]
                    .iter()
                    .map(|n| format!("vertical_monopoly.{n}")),
            );
        }
        "safety_regulation" => {
            out.extend(SR_SPE.iter().map(|n| format!("spe.{n}")));
            out.extend(SR_SPE.iter().map(|n| format!("unregulated.{n}")));
            out.extend(["regime", "backfire", "mutualism"].map(String::from));
        }
        "openness" => {
            out.extend(
                ["omega", "alpha1", "u_g", "u_d"]
                    .iter()
                    .map(|n| format!("spe.{n}")),
            );
            out.extend(OPENNESS.map(String::from));
        }
        "fine_tuning_n" => {
            out.extend(FTN_SPE.iter().map(|n| format!("spe.{n}")));
            out.push("pareto.components".into());
            for c in ["lo", "hi"] {
                out.push(format!("pareto.{c}_i"));
            }
            for solution in FTN_SOLUTIONS {
                out.push(format!("{solution}.delta"));
                out.push(format!("{solution}.u_g"));
                out.push(format!("{solution}.u_i"));
            }
        }
        "race" => out.extend(RACE.map(String::from)),
        "competition" => {
            out.extend(COMPETITION.map(String::from));
            out.extend(COMPETITION_MORE.map(String::from));
        }
        _ => {}
    }
    out
}

const COMPETITION: [&str; 22] = [
    "regime",
    "entered",
    "e",
    "q_l",
    "q_f",
    "cs",
    "pi_l",
    "pi_f",
    "pi_d0",
    "w",
    "omega_1",
    "omega_bar",
    "omega_bar_t",
    "omega_v",
    "omega_w",
    "vi_regime",
    "pi_v",
    "delta_j",
    "trial",
    "trial_cs",
    "trial_pi_l",
    "trial_pi_f",
];
const COMPETITION_MORE: [&str; 2] = ["trial_pi_d0", "in_spec_domain"];

const RACE: [&str; 12] = [
    "revenue",
    "revenue_z",
    "gain",
    "profit",
    "ystar",
    "max_profit",
    "trains",
    "f_x",
    "f_xp",
    "f_y",
    "f_z",
    "f_y2",
];

/// The n-specialist game's equilibrium outputs; `_i` names one domain (`regime_2`).
const FTN_SPE: [&str; 9] = [
    "alpha0",
    "u_g",
    "g_participates",
    "regime_i",
    "alpha_i",
    "u_i",
    "margin_i",
    "value_i",
    "threshold_i",
];
const FTN_SOLUTIONS: [&str; 4] = ["nash", "egalitarian", "utilitarian", "kalai_smorodinsky"];

/// `path` with a trailing domain index replaced by `_i` (`spe.u_2` → `spe.u_i`), and the index.
fn indexed(path: &str) -> Option<(String, usize)> {
    let (base, index) = path.rsplit_once('_')?;
    let i: usize = index.parse().ok().filter(|i| *i >= 1)?;
    (!index.starts_with('0')).then(|| (format!("{base}_i"), i))
}

const OPENNESS: [&str; 15] = [
    "regime",
    "released",
    "omega_n",
    "v_n",
    "omega_tilde",
    "alpha_hi",
    "a",
    "g",
    "pi0",
    "pi_theta",
    "p_star",
    "theta_p",
    "theta_x",
    "alpha0_dagger",
    "alpha0_s",
];

/// Whether `path` is an output of `model`.
pub fn is_output(model: &str, path: &str) -> bool {
    canonical(model, path).is_some()
}

/// The output's full name: `path` itself, or `spe.path` for the equilibrium's own outputs
/// (`solve(theta_d = 1/2).beta1` reads `spe.beta1`).
pub fn canonical(model: &str, path: &str) -> Option<String> {
    let all = names(model);
    let short = format!("spe.{path}");
    let known = |candidate: &String| {
        all.iter().any(|n| n == candidate)
            || (model == "fine_tuning_n"
                && indexed(candidate).is_some_and(|(generic, _)| all.contains(&generic)))
    };
    [path.to_string(), short].into_iter().find(known)
}

/// The labels the output `path` can take, when its values are labels (`None` otherwise).
pub fn labels_of(model: &crate::models::ModelInfo, path: &str) -> Option<Vec<String>> {
    let full = canonical(model.name, path)?;
    let generic = indexed(&full).map_or(full.clone(), |(g, _)| g);
    model
        .label_outputs
        .iter()
        .find(|(name, _)| *name == full || *name == generic)
        .map(|(_, labels)| labels())
}

/// Whether the output `path` is a truth value.
pub fn is_flag(model: &crate::models::ModelInfo, path: &str) -> bool {
    canonical(model.name, path).is_some_and(|full| model.flag_outputs.contains(&full.as_str()))
}

/// Whether the arguments make a game of their model (the parameters' joint domain).
pub fn validate(args: &Arguments) -> Result<()> {
    match args.model().name {
        "fine_tuning" => fine_tuning::Params::from_arguments(args).map(|_| ()),
        "openness" => openness::Params::from_arguments(args).map(|_| ()),
        "safety_regulation" => safety_regulation::Params::from_arguments(args).map(|_| ()),
        "fine_tuning_n" => fine_tuning_n::Params::from_arguments(args).map(|_| ()),
        "race" => race::Params::from_arguments(args).map(|_| ()),
        "competition" => competition::Params::from_arguments(args).map(|_| ()),
        other => Err(Error::InvalidArgument {
            argument: other.into(),
            reason: "claims over this model are not supported yet".into(),
        }),
    }
}

/// The error for a name that is neither a parameter, a `let` name nor an output.
pub fn unknown(model: &str, path: &str, params: &[&str]) -> String {
    format!(
        "unknown name `{path}`: not a parameter, `let` name or output of {model}; the outputs are {}; the parameters are {}",
        names(model).join(", "),
        params.join(", ")
    )
}

enum Solved {
    FineTuning {
        spe: Option<Box<fine_tuning::Equilibrium>>,
        bargain: Option<Box<fine_tuning::Bargain>>,
    },
    Safety(Box<safety_regulation::Outcome>),
    Openness(Box<(openness::Equilibrium<Rational>, openness::exact::Boundaries)>),
    Race(Box<race::exact::Solution>),
    Competition(Box<(competition::Params, competition::Solution)>),
    FineTuningN {
        params: Box<fine_tuning_n::Params>,
        spe: Box<fine_tuning_n::Equilibrium>,
        bargain: Option<Box<fine_tuning_n::bargain::Bargain>>,
    },
}

impl Solved {
    /// The ties the solvers resolved in this game (what has been solved of it so far).
    fn ties(&self) -> Vec<crate::models::tie::Tie> {
        match self {
            Solved::FineTuning { spe, .. } => {
                spe.as_ref().map(|e| e.ties.clone()).unwrap_or_default()
            }
            Solved::Safety(outcome) => outcome.ties(),
            Solved::Openness(solved) => solved.0.ties.clone(),
            Solved::Race(solution) => solution.best.ties().to_vec(),
            Solved::Competition(solved) => solved.1.ties.clone(),
            Solved::FineTuningN { spe, .. } => spe.ties.clone(),
        }
    }
}

/// Solved games by their parameters.
#[derive(Default)]
pub struct Cache {
    games: HashMap<String, Solved>,
    /// The competition model's thresholds, by the game without its openness.
    thresholds: HashMap<String, CompetitionThresholds>,
    unregulated: HashMap<String, safety_regulation::Equilibrium>,
    /// The ties of the games whose outputs were read since [`Cache::take_ties`] last ran.
    ties: Vec<String>,
}

impl Cache {
    /// The ties resolved in the games read since the last call (each once): the tie rules a
    /// verdict there rests on.
    pub fn take_ties(&mut self) -> Vec<String> {
        std::mem::take(&mut self.ties)
    }

    /// The output `path` of the game `args` (whose model is `args.model()`).
    pub fn output(&mut self, args: &Arguments, path: &str) -> Result<Val> {
        let value = self.solved_output(args, path)?;
        if let Some(solved) = self.games.get(&args.canonical()) {
            for tie in solved.ties() {
                let text = format!("{tie} at {}", args.text());
                if !self.ties.contains(&text) {
                    self.ties.push(text);
                }
            }
        }
        // The labels claims are checked against at load are the labels the solvers produce.
        if let Val::Label(label) = &value {
            let declared = labels_of(args.model(), path).unwrap_or_default();
            assert!(
                declared.contains(label),
                "{path} = {label:?} is not among its declared labels {declared:?}"
            );
        }
        Ok(value)
    }

    fn solved_output(&mut self, args: &Arguments, path: &str) -> Result<Val> {
        let model = args.model().name;
        let Some(full) = canonical(model, path) else {
            return Err(Error::InvalidArgument {
                argument: path.into(),
                reason: unknown(model, path, &[]),
            });
        };
        let path = full.as_str();
        let key = args.canonical();
        if !self.games.contains_key(&key) {
            let solved = match model {
                "fine_tuning" => Solved::FineTuning {
                    spe: None,
                    bargain: None,
                },
                "fine_tuning_n" => {
                    let params = fine_tuning_n::Params::from_arguments(args)?;
                    Solved::FineTuningN {
                        spe: Box::new(fine_tuning_n::solve(&params)),
                        params: Box::new(params),
                        bargain: None,
                    }
                }
                "competition" => {
                    let params = competition::Params::from_arguments(args)?;
                    let solution = competition::solve(&params);
                    Solved::Competition(Box::new((params, solution)))
                }
                "race" => {
                    let params = race::Params::from_arguments(args)?;
                    Solved::Race(Box::new(race::exact::solve(&params)?))
                }
                "openness" => {
                    let params = openness::Params::from_arguments(args)?;
                    Solved::Openness(Box::new((
                        openness::solve(&params),
                        openness::boundaries(&params),
                    )))
                }
                _ => {
                    let params = safety_regulation::Params::from_arguments(args)?;
                    // Games differing only in their floors share the unregulated equilibrium.
                    let twin = args
                        .with("theta_g", int(0))
                        .and_then(|a| a.with("theta_d", int(0)))?
                        .canonical();
                    let unregulated = self
                        .unregulated
                        .entry(twin)
                        .or_insert_with(|| safety_regulation::solve(&params.unregulated()))
                        .clone();
                    Solved::Safety(Box::new(safety_regulation::exact::classify_against(
                        &params,
                        unregulated,
                    )))
                }
            };
            self.games.insert(key.clone(), solved);
        }
        let solved = self.games.get_mut(&key).expect("inserted above");
        let (group, field) = path.split_once('.').unwrap_or((path, ""));
        match solved {
            Solved::FineTuning { spe, bargain } => {
                let params = fine_tuning::Params::from_arguments(args)?;
                if group == "spe" {
                    if spe.is_none() {
                        let delta =
                            args.get("delta")
                                .cloned()
                                .ok_or_else(|| Error::InvalidArgument {
                                    argument: path.into(),
                                    reason:
                                        "spe.* needs the share delta: give delta as a parameter"
                                            .into(),
                                })?;
                        *spe = Some(Box::new(fine_tuning::solve(&params, &delta)));
                    }
                    let e = spe.as_ref().expect("solved above");
                    return Ok(match field {
                        "alpha0" => Val::Num(e.alpha0.clone()),
                        "alpha1" => Val::Num(e.alpha1.clone()),
                        "u_g" => Val::Num(e.u_g.clone()),
                        "u_d" => Val::Num(e.u_d.clone()),
                        "generalist" => Val::Label(e.generalist.to_string()),
                        _ => Val::Label(e.specialist.to_string()),
                    });
                }
                if bargain.is_none() {
                    *bargain = Some(Box::new(fine_tuning::bargain(
                        &params,
                        &Default::default(),
                    )?));
                }
                let b = bargain.as_ref().expect("solved above");
                let end = |pair: &(crate::exact::Value, crate::exact::Value)| {
                    Val::from_value(if field == "lo" { &pair.0 } else { &pair.1 })
                };
                Ok(match group {
                    "feasible" => end(&b.feasible),
                    "pareto" => end(&b.pareto),
                    "vertical_monopoly" => Val::Num(match field {
                        "alpha0" => b.vertical_monopoly.alpha0.clone(),
                        "alpha1" => b.vertical_monopoly.alpha1.clone(),
                        _ => b.vertical_monopoly.joint.clone(),
                    }),
                    name => {
                        let s = b.solution(name).expect("a listed solution");
                        Val::from_value(match field {
                            "delta" => &s.delta,
                            "u_g" => &s.u_g,
                            "u_d" => &s.u_d,
                            "alpha0" => &s.alpha0,
                            "alpha1" => &s.alpha1,
                            _ => &s.shortfall,
                        })
                    }
                })
            }
            Solved::Openness(solved) => {
                let (e, b) = &**solved;
                let q = |r: &Rational| Val::rational(r.clone());
                let d = &e.derived;
                let boundary = |a: &Option<crate::exact::Algebraic>| {
                    a.clone()
                        .map(Val::Num)
                        .ok_or_else(|| Error::InvalidArgument {
                            argument: path.into(),
                            reason: format!("{path} does not exist for this game"),
                        })
                };
                Ok(match path {
                    "spe.omega" => q(&e.omega),
                    "spe.alpha1" => q(&e.alpha1),
                    "spe.u_g" => q(&e.u_g),
                    "spe.u_d" => q(&e.u_d),
                    "regime" => Val::Label(e.regime.to_string()),
                    "released" => Val::Bool(e.regime.releases()),
                    "omega_n" => q(&d.omega_n),
                    "v_n" => q(&d.v_n),
                    "omega_tilde" => q(&d.omega_tilde),
                    "alpha_hi" => q(&d.alpha_hi),
                    "a" => q(&d.a),
                    "g" => q(&d.g),
                    "pi0" => q(&d.pi0),
                    "pi_theta" => q(&d.pi_theta),
                    "p_star" => q(&d.p_star),
                    "theta_p" => boundary(&b.theta_p)?,
                    "theta_x" => boundary(&b.theta_x)?,
                    "alpha0_dagger" => boundary(&b.alpha0_dagger)?,
                    _ => Val::Num(b.alpha0_s.clone()),
                })
            }
            Solved::FineTuningN {
                params,
                spe,
                bargain,
            } => ftn_output(params, spe, bargain, path, group, field),
            Solved::Race(solution) => race_output(solution, path),
            Solved::Competition(solved) => {
                let (params, solution) = &**solved;
                let twin = args.with("omega", int(0))?.canonical();
                let thresholds = self.thresholds.entry(twin).or_default();
                competition_output(params, solution, thresholds, path)
            }
            Solved::Safety(outcome) => Ok(match (group, field) {
                ("regime", _) => Val::Label(outcome.regime.to_string()),
                ("backfire", _) => Val::Bool(outcome.backfire),
                ("mutualism", _) => Val::Bool(outcome.mutualism),
                ("spe", f) => safety_field(&outcome.regulated, f),
                (_, f) => safety_field(&outcome.unregulated, f),
            }),
        }
    }
}

/// An output of the n-specialist game; the Pareto set and solutions are over a common share,
/// computed once per game with the default configuration.
fn ftn_output(
    params: &fine_tuning_n::Params,
    e: &fine_tuning_n::Equilibrium,
    bargain: &mut Option<Box<fine_tuning_n::bargain::Bargain>>,
    path: &str,
    group: &str,
    field: &str,
) -> Result<Val> {
    let n = params.domains().len();
    let (generic, index) = match indexed(field) {
        Some((g, i)) => (g, i),
        None => (field.to_string(), 0),
    };
    let missing = |what: &str| Error::InvalidArgument {
        argument: path.into(),
        reason: what.to_string(),
    };
    if index > n {
        return Err(missing(&format!("the game has {n} domains")));
    }
    let q = |r: &Rational| Val::rational(r.clone());
    if group == "spe" {
        if index == 0 {
            return Ok(match field {
                "alpha0" => q(&e.alpha0),
                "u_g" => q(&e.u_g),
                _ => Val::Bool(e.g_participates),
            });
        }
        let (d, o) = (&params.domains()[index - 1], &e.domains[index - 1]);
        use fine_tuning_n::exact::{margin, participation_value, threshold};
        return match generic.as_str() {
            "regime_i" => Ok(Val::Label(o.regime.to_string())),
            "alpha_i" => Ok(q(&o.alpha)),
            "u_i" => Ok(q(&o.utility)),
            "margin_i" => Ok(q(&margin(d))),
            "value_i" => Ok(q(&participation_value(d, &e.alpha0))),
            _ => threshold(d)
                .map(|t| q(&t))
                .ok_or_else(|| missing("this domain joins at no base performance")),
        };
    }
    if bargain.is_none() {
        *bargain = Some(Box::new(fine_tuning_n::bargain::bargain(
            params,
            &Default::default(),
        )?));
    }
    let b = bargain.as_ref().expect("computed above");
    if group == "pareto" {
        if field == "components" {
            return Ok(Val::rational(Rational::from(b.components.len() as u64)));
        }
        let c = index
            .checked_sub(1)
            .and_then(|k| b.components.get(k))
            .ok_or_else(|| {
                missing(&format!(
                    "the Pareto set has {} components",
                    b.components.len()
                ))
            })?;
        return Ok(Val::from_value(if generic == "lo_i" {
            &c.lo
        } else {
            &c.hi
        }));
    }
    let s = b.solution(group).expect("a listed solution");
    Ok(Val::from_value(match (field, index) {
        ("delta", _) => &s.delta,
        ("u_g", _) => &s.u[0],
        (_, i) => &s.u[i],
    }))
}

/// The competition model's thresholds (they do not depend on the openness), each computed the
/// first time a claim reads it.
#[derive(Default)]
struct CompetitionThresholds {
    lines: Option<competition::thresholds::Lines>,
    computed: HashMap<&'static str, Option<crate::exact::Algebraic>>,
}

impl CompetitionThresholds {
    fn get(
        &mut self,
        p: &competition::Params,
        name: &'static str,
    ) -> Option<crate::exact::Algebraic> {
        let lines = self
            .lines
            .get_or_insert_with(|| competition::thresholds::Lines::new(p));
        self.computed
            .entry(name)
            .or_insert_with(|| lines.by_name(name))
            .clone()
    }
}

/// An output of the competition model.
fn competition_output(
    p: &competition::Params,
    s: &competition::Solution,
    t: &mut CompetitionThresholds,
    path: &str,
) -> Result<Val> {
    let q = |r: &Rational| Val::rational(r.clone());
    let mut threshold = |name: &'static str, why: &str| {
        t.get(p, name)
            .map(Val::Num)
            .ok_or_else(|| Error::InvalidArgument {
                argument: path.into(),
                reason: format!("{path} does not exist for this game: {why}"),
            })
    };
    let o = &s.base.outcome;
    let c = &s.chosen.outcome;
    Ok(match path {
        "regime" => Val::Label(s.base.regime.to_string()),
        "entered" => Val::Bool(s.base.entered),
        "e" => q(&o.e),
        "q_l" => q(&o.q_l),
        "q_f" => q(&o.q_f),
        "cs" => q(&o.cs),
        "pi_l" => q(&o.pi_l),
        "pi_f" => q(&o.pi_f),
        "pi_d0" => q(&s.pi_d0),
        "w" => q(&s.w),
        "omega_1" => threshold(
            "omega_1",
            "the monopoly effort deters F at no openness in (0, 1), or at all",
        )?,
        "omega_bar" => threshold(
            "omega_bar",
            "zero effort deters F at every openness, or at none",
        )?,
        "omega_bar_t" => threshold(
            "omega_bar_t",
            "with the trial, zero effort deters F at every openness, or at none",
        )?,
        "omega_v" => threshold(
            "omega_v",
            "the integration gain does not go from positive to negative exactly once",
        )?,
        "omega_w" => threshold("omega_w", "full openness does not beat blockade in welfare")?,
        "vi_regime" => Val::Label(s.integrated.regime.to_string()),
        "pi_v" => q(&s.integrated.outcome.pi_l),
        "delta_j" => q(&s.delta_j),
        "trial" => Val::Bool(s.trial),
        "trial_cs" => q(&c.cs),
        "trial_pi_l" => q(&c.pi_l),
        "trial_pi_f" => q(&c.pi_f),
        "trial_pi_d0" => q(&s.chosen_pi_d0),
        _ => Val::Bool(p.in_spec_domain()),
    })
}

/// An output of the race model; `ystar` and `max_profit` exist only when the firm trains.
fn race_output(s: &race::exact::Solution, path: &str) -> Result<Val> {
    use race::exact::Best;
    use race::form::Pt;
    let undecided = |why: &str| Error::InvalidArgument {
        argument: path.into(),
        reason: format!("undecided: {why}"),
    };
    let f = |p: Pt| {
        s.f.get(&p)
            .map(Val::from_value)
            .ok_or_else(|| Error::InvalidArgument {
                argument: path.into(),
                reason: "f_y2 exists only with ext=duopoly".into(),
            })
    };
    Ok(match path {
        "revenue" => Val::from_value(&s.revenue),
        "revenue_z" => Val::from_value(&s.revenue_z),
        "gain" => Val::from_value(&s.gain),
        "profit" => Val::from_value(&s.profit),
        "f_x" => f(Pt::X)?,
        "f_xp" => f(Pt::Xp)?,
        "f_y" => f(Pt::Y)?,
        "f_z" => f(Pt::Z)?,
        "f_y2" => f(Pt::Y2)?,
        _ => {
            match (&s.best, path) {
                (Best::Undecided { why }, _) => return Err(undecided(why)),
                (best, "trains") => Val::Bool(matches!(best, Best::Trains { .. })),
                (Best::Trains { ystar, .. }, "ystar") => Val::Num(ystar.clone()),
                (Best::Trains { profit, .. }, _) => Val::from_value(profit),
                (Best::StaysOut { .. }, _) => {
                    return Err(Error::InvalidArgument {
                    argument: path.into(),
                    reason: "the firm stays out (no size is profitable): guard with `trains implies …`".into(),
                });
                }
            }
        }
    })
}

fn safety_field(e: &safety_regulation::Equilibrium, field: &str) -> Val {
    match field {
        "alpha0" => Val::Num(e.alpha0.clone()),
        "beta0" => Val::Num(e.beta0.clone()),
        "alpha1" => Val::Num(e.alpha1.clone()),
        "beta1" => Val::Num(e.beta1.clone()),
        "u_g" => Val::Num(e.u_g.clone()),
        "u_d" => Val::Num(e.u_d.clone()),
        "g_strategy" => Val::Label(e.g_strategy.to_string()),
        "d_strategy" => Val::Label(e.d_strategy.to_string()),
        _ => Val::Bool(e.paper_candidate),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `gpai models` must list every output a claim can read (by its group name).
    #[test]
    fn every_output_is_listed_by_gpai_models() {
        for model in crate::models::MODELS {
            let listed: String = model
                .outputs
                .iter()
                .map(|o| format!("{} {} ", o.name, o.meaning))
                .collect();
            for name in names(model.name) {
                let (group, field) = name.split_once('.').unwrap_or((&name, ""));
                let shown = listed.contains(&name)
                    || (listed.contains(group) && (field.is_empty() || listed.contains(field)));
                assert!(shown, "{}: {name} is not listed", model.name);
            }
        }
    }
}
