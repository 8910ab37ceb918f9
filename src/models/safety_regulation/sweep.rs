//! Sweeping the safety-regulation game: one row per game with exact values, labels and the regime.

use crate::error::Result;
use crate::sweep::output::approx;
use crate::exact::text::algebraic_text;
use crate::models::arguments::Arguments;
use crate::models::tie::summary;
use crate::sweep::{Point, Row, point_cells};

use super::exact::{Common, Equilibrium, Outcome, classify_with, solve};
use super::float;
use super::params::Params;

/// The labels a boundary search follows: the regime and both strategies.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Labels {
    pub regime: String,
    pub g_strategy: String,
    pub d_strategy: String,
}

impl Labels {
    /// `(name, value)` pairs, in report order.
    pub fn named(&self) -> [(&'static str, &str); 3] {
        [
            ("regime", &self.regime),
            ("g_strategy", &self.g_strategy),
            ("d_strategy", &self.d_strategy),
        ]
    }
}

pub use crate::sweep::Engine;

/// Evaluates grid points against a base set of arguments.
pub struct Sweeper {
    base: Arguments,
    engine: Engine,
    /// The unregulated equilibrium and what the games share, when the grid moves only the
    /// floors.
    floors_only: Option<(Equilibrium, Common)>,
}

impl Sweeper {
    /// A sweeper over `axes` from `base`; validates the base game.
    pub fn new(base: Arguments, axes: &[String], engine: Engine) -> Result<Sweeper> {
        let params = Params::from_arguments(&base)?;
        let floors_only = axes.iter().all(|a| a == "theta_g" || a == "theta_d");
        let floors_only = (floors_only && engine == Engine::Exact)
            .then(|| (solve(&params.unregulated()), Common::of(&params)));
        Ok(Sweeper {
            base,
            engine,
            floors_only,
        })
    }

    /// The game at a point (domain errors name the parameter and value).
    pub fn params_at(&self, point: &Point) -> Result<Params> {
        Params::from_arguments(&self.base.with_point(point)?)
    }

    /// The regulated and unregulated equilibria of a game of the sweep.
    fn classify(&self, params: &Params) -> Outcome {
        match &self.floors_only {
            Some((unregulated, common)) => classify_with(params, unregulated.clone(), common),
            None => super::exact::classify(params),
        }
    }

    /// The exact labels at a point.
    pub fn labels(&self, point: &Point) -> Result<Labels> {
        let params = self.params_at(point)?;
        let outcome = self.classify(&params);
        Ok(Labels {
            regime: outcome.regime.to_string(),
            g_strategy: outcome.regulated.g_strategy.to_string(),
            d_strategy: outcome.regulated.d_strategy.to_string(),
        })
    }

    /// One row: the swept values, the regulated equilibrium, strategies and regime.
    pub fn row(&self, point: &Point) -> Result<Row> {
        let params = self.params_at(point)?;
        let mut cells = point_cells(point);
        match self.engine {
            Engine::Exact => {
                let outcome = self.classify(&params);
                let e = &outcome.regulated;
                for (name, value) in e.quantities() {
                    cells.push((name.to_string(), algebraic_text(value, "x")));
                    cells.push((format!("{name}_approx"), approx(value)));
                }
                cells.push(("g_strategy".into(), e.g_strategy.to_string()));
                cells.push(("d_strategy".into(), e.d_strategy.to_string()));
                cells.push(("regime".into(), outcome.regime.to_string()));
                cells.push(("backfire".into(), outcome.backfire.to_string()));
                cells.push(("mutualism".into(), outcome.mutualism.to_string()));
                cells.push(("paper_candidate".into(), e.paper_candidate.to_string()));
                cells.push(("ties".into(), summary(&outcome.ties())));
                Ok(Row {
                    cells,
                    label: outcome.regime.to_string(),
                })
            }
            Engine::Float => {
                let f = float::solve(&params);
                for (name, value) in [
                    ("alpha0", f.alpha0),
                    ("beta0", f.beta0),
                    ("alpha1", f.alpha1),
                    ("beta1", f.beta1),
                    ("u_g", f.u_g),
                    ("u_d", f.u_d),
                ] {
                    cells.push((format!("{name}_approx"), value.to_string()));
                }
                cells.push(("participates".into(), f.participates.to_string()));
                Ok(Row {
                    cells,
                    label: if f.participates {
                        "participates".into()
                    } else {
                        "market_exit".into()
                    },
                })
            }
        }
    }
}

impl crate::sweep::Sweep for Sweeper {
    fn check(&self, point: &Point) -> Result<()> {
        self.params_at(point).map(|_| ())
    }

    fn row(&self, point: &Point) -> Result<Row> {
        Sweeper::row(self, point)
    }

    /// The regime and both strategies.
    fn labels(&self, point: &Point) -> Result<Vec<(&'static str, String)>> {
        let labels = Sweeper::labels(self, point)?;
        Ok(labels
            .named()
            .iter()
            .map(|(name, value)| (*name, value.to_string()))
            .collect())
    }
}
