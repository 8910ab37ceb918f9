//! Sweeping the n-specialist game: one row per grid point, labelled by which domains contribute, free-ride or abstain (the regime maps).

use crate::error::Result;
use crate::sweep::output::approx_rational;
use crate::exact::Rational;
use crate::models::arguments::Arguments;
use crate::models::tie::summary;
use crate::sweep::{Point, Row, point_cells};

use super::exact::solve;
use super::float;
use super::params::Params;
use super::regimes::Regime;

/// Evaluates grid points against a base set of arguments (axes may name `delta`, `kappa_2`, …).
pub struct Sweeper {
    base: Arguments,
    exact: bool,
}

/// A map label: every domain's regime in order, e.g. `C F A`.
pub fn label(regimes: &[Regime]) -> String {
    regimes
        .iter()
        .map(|r| match r {
            Regime::Contributor => "C",
            Regime::FreeRider => "F",
            Regime::Abstainer => "A",
        })
        .collect::<Vec<_>>()
        .join(" ")
}

impl Sweeper {
    /// A sweeper from `base` (validated); `exact` false runs the float solver.
    pub fn new(base: Arguments, exact: bool) -> Result<Sweeper> {
        Params::from_arguments(&base)?;
        Ok(Sweeper { base, exact })
    }

    /// The game at a point (domain errors name the parameter and value).
    pub fn params_at(&self, point: &Point) -> Result<Params> {
        Params::from_arguments(&self.base.with_point(point)?)
    }

    /// One row: the point, G's base model and utility, each domain's regime, performance and
    /// utility (exact text beside decimals); labelled by the regimes.
    pub fn row(&self, point: &Point) -> Result<Row> {
        let q = self.params_at(point)?;
        let mut cells = point_cells(point);
        if !self.exact {
            let f = float::solve(&q);
            cells.push(("alpha0_approx".into(), f.alpha0.to_string()));
            cells.push(("u_g_approx".into(), f.u_g.to_string()));
            for (i, (u, r)) in f.u_d.iter().zip(&f.regimes).enumerate() {
                cells.push((format!("regime_{}", i + 1), r.to_string()));
                cells.push((format!("u_{}_approx", i + 1), u.to_string()));
            }
            return Ok(Row {
                cells,
                label: label(&f.regimes),
            });
        }
        let e = solve(&q);
        let mut exact = |name: String, v: &Rational| {
            cells.push((name.clone(), v.to_string()));
            cells.push((format!("{name}_approx"), approx_rational(v)));
        };
        exact("alpha0".into(), &e.alpha0);
        exact("u_g".into(), &e.u_g);
        for (i, o) in e.domains.iter().enumerate() {
            exact(format!("alpha_{}", i + 1), &o.alpha);
            exact(format!("u_{}", i + 1), &o.utility);
        }
        for (i, o) in e.domains.iter().enumerate() {
            cells.push((format!("regime_{}", i + 1), o.regime.to_string()));
        }
        cells.push(("ties".into(), summary(&e.ties)));
        let regimes: Vec<Regime> = e.domains.iter().map(|o| o.regime).collect();
        Ok(Row {
            cells,
            label: label(&regimes),
        })
    }
}

impl crate::sweep::Sweep for Sweeper {
    fn check(&self, point: &Point) -> Result<()> {
        self.params_at(point).map(|_| ())
    }

    fn row(&self, point: &Point) -> Result<Row> {
        Sweeper::row(self, point)
    }

    /// G and every specialist domain (`u_g`, `u_1`, …, `u_n`).
    fn players(&self, point: &Point) -> Vec<String> {
        let n = self.params_at(point).map_or(0, |p| p.domains().len());
        std::iter::once("u_g".to_string())
            .chain((1..=n).map(|i| format!("u_{i}")))
            .collect()
    }

    /// Labels list the domains in order: C contributes, F free-rides, A abstains.
    fn labels_are(&self) -> &'static str {
        "regimes (C/F/A per domain)"
    }
}
