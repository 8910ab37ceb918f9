//! Sweep grids: `NAME=LO:HI:STEP` axes with exact rational points, bounds that may name earlier axes.
//!
//! `theta_g=0:5/4:1/200 theta_d=theta_g:5/2:1/200` is the triangle `0 ≤ θ_G ≤ 5/4`,
//! `θ_G ≤ θ_D ≤ 5/2`: an axis's bound may be a number or the name of an axis before it.

use crate::error::{Error, Result};
use crate::exact::{Rational, parse_rational};

/// Largest number of points a sweep runs without `--force`.
pub const MAX_POINTS: usize = 2_000_000;

/// One end of an axis: a number, or the current value of an earlier axis.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Bound {
    Value(Rational),
    Axis(String),
}

/// One axis `NAME=LO:HI:STEP`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Axis {
    pub name: String,
    pub lo: Bound,
    pub hi: Bound,
    pub step: Rational,
}

/// A grid: axes in order, the later ones possibly bounded by the earlier ones.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Grid {
    pub axes: Vec<Axis>,
}

fn bad(spec: &str, reason: impl Into<String>) -> Error {
    Error::InvalidArgument {
        argument: format!("--grid {spec}"),
        reason: reason.into(),
    }
}

impl Axis {
    /// Parses `NAME=LO:HI:STEP`; `known` are the names of the axes before it.
    pub fn parse(spec: &str, known: &[String]) -> Result<Axis> {
        let (name, range) = spec
            .split_once('=')
            .ok_or_else(|| bad(spec, "expected NAME=LO:HI:STEP, e.g. theta_d=0:5/2:1/200"))?;
        let parts: Vec<&str> = range.split(':').collect();
        let [lo, hi, step] = parts[..] else {
            return Err(bad(spec, "expected three fields LO:HI:STEP"));
        };
        let bound = |text: &str| -> Result<Bound> {
            let text = text.trim();
            if known.iter().any(|k| k == text) {
                return Ok(Bound::Axis(text.to_string()));
            }
            parse_rational(text)
                .map(Bound::Value)
                .map_err(|e| bad(spec, e.to_string()))
        };
        let step = parse_rational(step).map_err(|e| bad(spec, e.to_string()))?;
        if step <= 0 {
            return Err(Error::Domain {
                name: format!("the step of {}", name.trim()),
                value: step.to_string(),
                domain: "a rational > 0".into(),
            });
        }
        Ok(Axis {
            name: name.trim().to_string(),
            lo: bound(lo)?,
            hi: bound(hi)?,
            step,
        })
    }

    fn resolve<'a>(&'a self, bound: &'a Bound, point: &'a [(String, Rational)]) -> &'a Rational {
        match bound {
            Bound::Value(v) => v,
            Bound::Axis(name) => {
                &point
                    .iter()
                    .find(|(n, _)| n == name)
                    .expect("an earlier axis")
                    .1
            }
        }
    }

    /// The values `lo, lo + step, …` not above `hi`, given the earlier axes' values.
    fn values(&self, point: &[(String, Rational)]) -> Vec<Rational> {
        let (lo, hi) = (self.resolve(&self.lo, point), self.resolve(&self.hi, point));
        let mut values = Vec::new();
        let mut x = lo.clone();
        while x <= *hi {
            values.push(x.clone());
            x += &self.step;
        }
        values
    }
}

impl Grid {
    /// Parses the axes in order.
    pub fn parse(specs: &[String]) -> Result<Grid> {
        let mut axes: Vec<Axis> = Vec::new();
        for spec in specs {
            let known: Vec<String> = axes.iter().map(|a| a.name.clone()).collect();
            let axis = Axis::parse(spec, &known)?;
            if known.contains(&axis.name) {
                return Err(bad(spec, format!("{} is given twice", axis.name)));
            }
            axes.push(axis);
        }
        if axes.is_empty() {
            return Err(Error::InvalidArgument {
                argument: "--grid".into(),
                reason: "a sweep needs at least one --grid NAME=LO:HI:STEP".into(),
            });
        }
        Ok(Grid { axes })
    }

    /// Every point, in order (the first axis outermost), refusing more than `limit` points.
    pub fn points(&self, limit: usize) -> Result<Vec<Vec<(String, Rational)>>> {
        let mut points: Vec<Vec<(String, Rational)>> = vec![Vec::new()];
        for axis in &self.axes {
            let mut next = Vec::new();
            for point in &points {
                for value in axis.values(point) {
                    let mut extended = point.clone();
                    extended.push((axis.name.clone(), value));
                    next.push(extended);
                    if next.len() > limit {
                        return Err(Error::Domain {
                            name: "the grid".into(),
                            value: format!("more than {limit} points"),
                            domain: format!(
                                "at most {limit} points (pass --force to run a larger sweep)"
                            ),
                        });
                    }
                }
            }
            points = next;
        }
        if points.is_empty() {
            return Err(Error::Domain {
                name: "the grid".into(),
                value: "no points".into(),
                domain: "at least one point: every axis needs LO <= HI".into(),
            });
        }
        Ok(points)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::exact::rational::{int, ratio};

    fn grid(specs: &[&str]) -> Result<Grid> {
        Grid::parse(&specs.iter().map(|s| s.to_string()).collect::<Vec<_>>())
    }

    #[test]
    fn dependent_ranges_make_a_triangle() {
        let g = grid(&["theta_g=0:1:1/2", "theta_d=theta_g:1:1/2"]).unwrap();
        let points = g.points(100).unwrap();
        let pairs: Vec<(Rational, Rational)> = points
            .iter()
            .map(|p| (p[0].1.clone(), p[1].1.clone()))
            .collect();
        assert_eq!(
            pairs,
            vec![
                (int(0), int(0)),
                (int(0), ratio(1, 2)),
                (int(0), int(1)),
                (ratio(1, 2), ratio(1, 2)),
                (ratio(1, 2), int(1)),
                (int(1), int(1)),
            ]
        );
    }

    #[test]
    fn the_figure_2_triangle_has_94376_games() {
        let g = grid(&["theta_g=0:5/4:1/200", "theta_d=theta_g:5/2:1/200"]).unwrap();
        assert_eq!(g.points(MAX_POINTS).unwrap().len(), 94_376);
    }

    #[test]
    fn bad_grids_are_refused() {
        assert!(
            grid(&["theta_d=0:1:0"])
                .unwrap_err()
                .to_string()
                .contains("step of theta_d = 0")
        );
        assert!(
            grid(&["theta_d=0:1"])
                .unwrap_err()
                .to_string()
                .contains("three fields")
        );
        assert!(
            grid(&["theta_d=x:1:1"])
                .unwrap_err()
                .to_string()
                .contains("invalid number")
        );
        assert!(
            grid(&["a=0:1:1/1000", "b=0:1:1/1000"])
                .unwrap()
                .points(1000)
                .is_err()
        );
    }
}
