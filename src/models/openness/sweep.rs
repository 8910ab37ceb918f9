//! Sweeping the openness model: one row per game, and the curves its regime maps show (the indifference curve, the exit line, the alpha0-dagger curve).

use crate::error::Result;
use crate::sweep::output::approx_rational;
use crate::exact::Rational;
use crate::exact::rational::to_f64;
use crate::models::arguments::Arguments;
use crate::models::tie::summary;
use crate::sweep::plot::Curve;
use crate::sweep::{Point, Row, point_cells};

use super::exact::{boundaries, derived, solve};
use super::float;
use super::params::Params;

/// Evaluates grid points against a base set of arguments.
pub struct Sweeper {
    base: Arguments,
    exact: bool,
}

impl Sweeper {
    /// A sweeper from `base` (validated); `exact` false runs the float solver.
    pub fn new(base: Arguments, exact: bool) -> Result<Sweeper> {
        Params::from_arguments(&base)?;
        Ok(Sweeper { base, exact })
    }

    /// The game at a point (domain errors name the parameter and value).
    pub fn params_at(&self, point: &Point) -> Result<Params<Rational>> {
        Params::from_arguments(&self.base.with_point(point)?)
    }

    /// One row: the point, the equilibrium (exact text beside decimals), the regime.
    pub fn row(&self, point: &Point) -> Result<Row> {
        let q = self.params_at(point)?;
        let mut cells = point_cells(point);
        if !self.exact {
            let f = float::solve(&q);
            for (name, v) in [
                ("omega", f.omega),
                ("alpha1", f.alpha1),
                ("u_g", f.u_g),
                ("u_d", f.u_d),
            ] {
                cells.push((format!("{name}_approx"), v.to_string()));
            }
            cells.push(("regime".into(), f.regime.into()));
            return Ok(Row {
                cells,
                label: f.regime.into(),
            });
        }
        let e = solve(&q);
        let d = &e.derived;
        for (name, v) in [
            ("omega", &e.omega),
            ("alpha1", &e.alpha1),
            ("u_g", &e.u_g),
            ("u_d", &e.u_d),
            ("omega_n", &d.omega_n),
            ("v_n", &d.v_n),
            ("p_star", &d.p_star),
        ] {
            cells.push((name.into(), v.to_string()));
            cells.push((format!("{name}_approx"), approx_rational(v)));
        }
        cells.push(("regime".into(), e.regime.to_string()));
        cells.push(("ties".into(), summary(&e.ties)));
        Ok(Row {
            cells,
            label: e.regime.to_string(),
        })
    }

    /// The curves a map over `x` and `y` shows, from the base game (other axes at their base values):
    /// over (theta, p) the indifference curve p*(θ) and the exit line p = V_N; over (alpha0, p)
    /// the α0†(θ, p) curve.
    pub fn curves(&self, x: &str, y: &str, x_range: (f64, f64), y_range: (f64, f64)) -> Vec<Curve> {
        let Ok(q) = Params::from_arguments(&self.base) else {
            return Vec::new();
        };
        let steps = 200;
        match (x, y) {
            ("theta", "p") => {
                let d = derived(&q);
                let (w, v) = (to_f64(&d.omega_n), to_f64(&d.v_n));
                let pi = |t: f64| to_f64(&d.pi0) + to_f64(&d.g) * t - to_f64(&d.a) * t * t;
                let indifference = (0..=steps)
                    .map(|k| w + (1.0 - w) * k as f64 / steps as f64)
                    .map(|t| (t, v - pi(t)))
                    .collect();
                vec![
                    Curve {
                        name: "indifference p*(theta)".into(),
                        points: indifference,
                    },
                    Curve {
                        name: "exit line p = V_N".into(),
                        points: vec![(x_range.0, v), (x_range.1, v)],
                    },
                ]
            }
            ("alpha0", "p") => {
                let points = (0..=steps)
                    .filter_map(|k| {
                        let p = y_range.0 + (y_range.1 - y_range.0) * k as f64 / steps as f64;
                        let p = Rational::try_from(p).ok()?;
                        let at = q.with_checked("p", p.clone()).ok()?;
                        let dagger = boundaries(&at).alpha0_dagger?;
                        Some((dagger.to_f64(), to_f64(&p)))
                    })
                    .collect();
                vec![Curve {
                    name: "alpha0 dagger (theta, p)".into(),
                    points,
                }]
            }
            _ => Vec::new(),
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

    fn curves(&self, x: &str, y: &str, xr: (f64, f64), yr: (f64, f64)) -> Vec<Curve> {
        Sweeper::curves(self, x, y, xr, yr)
    }
}
