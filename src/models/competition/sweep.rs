//! Sweeping the competition model: one row per game, and the line chart along ω (effort, surplus, welfare, payoffs) with the regimes shaded and the trap and trial bands marked.

use crate::error::Result;
use crate::sweep::output::approx_rational;
use crate::exact::Rational;
use crate::exact::rational::to_f64;
use crate::models::arguments::Arguments;
use crate::models::tie::summary;
use crate::sweep::lines::{Band, Panel, Series, line_chart};
use crate::sweep::{Point, Row, point_cells};

use super::exact::{Variant, solve};
use super::float;
use super::params::Params;
use super::thresholds::Lines;

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
    pub fn params_at(&self, point: &Point) -> Result<Params> {
        Params::from_arguments(&self.base.with_point(point)?)
    }

    /// One row: the point, the outcome (exact text beside decimals), the regime.
    pub fn row(&self, point: &Point) -> Result<Row> {
        let p = self.params_at(point)?;
        let mut cells = point_cells(point);
        if !self.exact {
            let f = float::solve(&p);
            for (name, v) in [
                ("e", f.e),
                ("cs", f.cs),
                ("w", f.w),
                ("pi_l", f.pi_l),
                ("pi_f", f.pi_f),
                ("pi_d0", f.pi_d0),
            ] {
                cells.push((format!("{name}_approx"), v.to_string()));
            }
            cells.push(("regime".into(), f.regime.into()));
            return Ok(Row {
                cells,
                label: f.regime.into(),
            });
        }
        let s = solve(&p);
        let o = &s.base.outcome;
        for (name, v) in [
            ("e", &o.e),
            ("cs", &o.cs),
            ("w", &s.w),
            ("pi_l", &o.pi_l),
            ("pi_f", &o.pi_f),
            ("pi_d0", &s.pi_d0),
            ("delta_j", &s.delta_j),
        ] {
            cells.push((name.into(), v.to_string()));
            cells.push((format!("{name}_approx"), approx_rational(v)));
        }
        cells.push(("regime".into(), s.base.regime.to_string()));
        cells.push(("trial".into(), s.trial.to_string()));
        cells.push(("ties".into(), summary(&s.ties)));
        Ok(Row {
            cells,
            label: s.base.regime.to_string(),
        })
    }

    /// The line chart along ω for the games at `omegas` (other parameters from the base):
    /// panels for effort, consumer surplus and welfare, and the three payoffs; regimes shaded
    /// from the exact pieces; the openness trap (ω_1, ω̄] and the trial band (ω̄_T, ω̄] marked.
    pub fn chart(&self, omegas: &[Rational]) -> Result<String> {
        let base = Params::from_arguments(&self.base)?;
        let games: Vec<(f64, super::exact::Solution)> = omegas
            .iter()
            .map(|w| Ok((to_f64(w), solve(&base.at_omega(w.clone())?))))
            .collect::<Result<_>>()?;
        let series = |name: &str, f: &dyn Fn(&super::exact::Solution) -> &Rational| Series {
            name: name.into(),
            points: games.iter().map(|(x, s)| (*x, to_f64(f(s)))).collect(),
        };
        let panels = vec![
            Panel {
                title: "L's fine-tuning effort e".into(),
                series: vec![series("e", &|s| &s.base.outcome.e)],
            },
            Panel {
                title: "consumer surplus and welfare".into(),
                series: vec![
                    series("CS", &|s| &s.base.outcome.cs),
                    series("W", &|s| &s.w),
                ],
            },
            Panel {
                title: "payoffs".into(),
                series: vec![
                    series("pi_L", &|s| &s.base.outcome.pi_l),
                    series("pi_F", &|s| &s.base.outcome.pi_f),
                    series("Pi_D0", &|s| &s.pi_d0),
                    series("Delta_J (VI)", &|s| &s.delta_j),
                ],
            },
        ];
        let mut bands: Vec<Band> = Vec::new();
        let lines = Lines::new(&base);
        for piece in lines.pieces(Variant::Baseline) {
            let regime = piece.regime.to_string();
            match bands.last_mut() {
                Some(last) if last.label == regime => last.to = piece.hi.to_f64(),
                _ => bands.push(Band {
                    from: piece.lo.to_f64(),
                    to: piece.hi.to_f64(),
                    label: regime,
                    marked: false,
                }),
            }
        }
        // The traps and the trial band are marked only where their claims hold (K3, K4 in the
        // spec's domain; K6 with 2A < 3·τ·κ): elsewhere they are not what the thresholds bound.
        let a = base.margin();
        let trial_band = crate::exact::rational::int(2) * &a
            < crate::exact::rational::int(3) * base.tau() * base.kappa();
        if let (true, Some(w1), Some(wb)) = (
            base.in_spec_domain(),
            lines.omega_1(),
            lines.omega_bar(Variant::Baseline),
        ) {
            bands.push(Band {
                from: w1.to_f64(),
                to: wb.to_f64(),
                label: "openness trap (omega_1, omega_bar]".into(),
                marked: true,
            });
            if let Some((ww, _)) = lines.omega_w() {
                bands.push(Band {
                    from: w1.to_f64(),
                    to: ww.to_f64(),
                    label: "welfare trap (omega_1, omega_W)".into(),
                    marked: true,
                });
            }
            if let (true, Some(wt)) = (trial_band, lines.omega_bar(Variant::Trial)) {
                bands.push(Band {
                    from: wt.to_f64(),
                    to: wb.to_f64(),
                    label: "free trial (omega_bar_T, omega_bar]".into(),
                    marked: true,
                });
            }
        }
        Ok(line_chart(
            "competition (this project's model) along openness omega",
            "omega",
            &panels,
            &bands,
        ))
    }
}

impl crate::sweep::Sweep for Sweeper {
    fn check(&self, point: &Point) -> Result<()> {
        self.params_at(point).map(|_| ())
    }

    fn row(&self, point: &Point) -> Result<Row> {
        Sweeper::row(self, point)
    }

    /// Along the openness: a line chart (effort, surplus, welfare, payoffs) with the regimes
    /// shaded and the trap and trial bands marked.
    fn chart(&self, axis: &str, values: &[Rational]) -> Option<Result<String>> {
        (axis == "omega").then(|| Sweeper::chart(self, values))
    }
}
