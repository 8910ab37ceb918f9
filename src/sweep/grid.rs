//! Sweep grids: `NAME=LO:HI:STEP` axes with exact rational points, bounds that may name earlier axes.
//!
//! `theta_g=0:5/4:1/200 theta_d=theta_g:5/2:1/200` is the triangle `0 ≤ θ_G ≤ 5/4`,
//! `θ_G ≤ θ_D ≤ 5/2`: an axis's bound may be a number or the name of an axis before it.

use crate::error::{Error, Result};
use crate::exact::rational::floor;
use crate::exact::{Rational, parse_rational};
use crate::limits::Limit;
use crate::sweep::Point;

/// Largest number of points a sweep runs without `--force` ([`Limit::GridPoints`]).
pub fn max_points() -> usize {
    Limit::GridPoints.value()
}

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

    /// How many values `lo, lo + step, …` are not above `hi`, given the earlier axes' values
    /// (counted, not listed).
    fn len(&self, point: &[(String, Rational)]) -> usize {
        let (lo, hi) = (self.resolve(&self.lo, point), self.resolve(&self.hi, point));
        if hi < lo {
            return 0;
        }
        let steps = floor(&((hi - lo) / &self.step));
        usize::try_from(&steps).map_or(usize::MAX, |n| n.saturating_add(1))
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

    /// The number of points, counted without building them; an error past `limit` saying how
    /// many there are (or that there are more than ten times the limit).
    pub fn count(&self, limit: usize) -> Result<usize> {
        match self.count_within(limit) {
            Some(n) => Ok(n),
            None => {
                let beyond = limit.saturating_mul(10);
                let value = match self.count_within(beyond) {
                    Some(n) => n.to_string(),
                    None => format!("more than {beyond}"),
                };
                let mut error = Limit::GridPoints.exceeded(&value, "the grid");
                // The limit in force, which --force raises.
                if let Error::Limit { limit: shown, .. } = &mut error {
                    *shown = limit;
                }
                Err(error)
            }
        }
    }

    /// The number of points, or `None` past `limit` (the combinations of the outer axes are
    /// counted against it too, so counting always ends).
    fn count_within(&self, limit: usize) -> Option<usize> {
        let mut total = 0usize;
        let mut visited = 0usize;
        let mut point: Vec<(String, Rational)> = Vec::new();
        // Depth-first over the outer axes; the innermost axis is counted arithmetically.
        fn walk(
            axes: &[Axis],
            point: &mut Vec<(String, Rational)>,
            limit: usize,
            total: &mut usize,
            visited: &mut usize,
        ) -> bool {
            let (axis, rest) = axes.split_first().expect("at least one axis");
            let n = axis.len(point);
            if rest.is_empty() {
                *total = total.saturating_add(n);
                return *total <= limit;
            }
            let lo = axis.resolve(&axis.lo, point).clone();
            for k in 0..n {
                *visited += 1;
                if *visited > limit {
                    return false;
                }
                let value = &lo + &axis.step * Rational::from(k as u64);
                point.push((axis.name.clone(), value));
                let ok = walk(rest, point, limit, total, visited);
                point.pop();
                if !ok {
                    return false;
                }
            }
            true
        }
        walk(&self.axes, &mut point, limit, &mut total, &mut visited).then_some(total)
    }

    /// Every point, in order (the first axis outermost), refusing more than `limit` points
    /// before building any.
    pub fn points(&self, limit: usize) -> Result<Vec<Point>> {
        Ok(self
            .sampled(limit, 1)?
            .1
            .into_iter()
            .map(|(_, p)| p)
            .collect())
    }

    /// The number of points, and every `every`-th point (from the first) with its index in
    /// the whole grid; the grid's points are counted against `limit` before any is built, and
    /// only the kept ones are built (the innermost axis is stepped through arithmetically).
    pub fn sampled(&self, limit: usize, every: usize) -> Result<(usize, Vec<(usize, Point)>)> {
        let count = self.count(limit)?;
        let every = every.max(1);
        let mut kept = Vec::with_capacity(count.div_ceil(every));
        let mut next = 0usize;
        self.walk(&self.axes, &mut Vec::new(), every, &mut next, &mut kept);
        if kept.is_empty() {
            return Err(Error::Domain {
                name: "the grid".into(),
                value: "no points".into(),
                domain: "at least one point: every axis needs LO <= HI".into(),
            });
        }
        Ok((count, kept))
    }

    /// Depth-first from `point` over `axes`: `next` is the grid index of the next point; the
    /// points whose index is a multiple of `every` are pushed to `kept`.
    fn walk(
        &self,
        axes: &[Axis],
        point: &mut Point,
        every: usize,
        next: &mut usize,
        kept: &mut Vec<(usize, Point)>,
    ) {
        let (axis, rest) = axes.split_first().expect("at least one axis");
        let n = axis.len(point);
        let lo = axis.resolve(&axis.lo, point).clone();
        let value = |k: usize| &lo + &axis.step * Rational::from(k as u64);
        if rest.is_empty() {
            let first = (every - *next % every) % every;
            for k in (first..n).step_by(every) {
                let mut p = point.clone();
                p.push((axis.name.clone(), value(k)));
                kept.push((*next + k, p));
            }
            *next += n;
            return;
        }
        for k in 0..n {
            point.push((axis.name.clone(), value(k)));
            self.walk(rest, point, every, next, kept);
            point.pop();
        }
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
        assert_eq!(g.points(max_points()).unwrap().len(), 94_376);
        assert_eq!(g.count(max_points()).unwrap(), 94_376);
    }

    #[test]
    fn sampling_builds_the_kept_points_with_their_grid_indices() {
        let g = grid(&["a=0:3:1", "b=a:4:1/2", "c=0:b:1"]).unwrap();
        let all = g.points(10_000).unwrap();
        for every in [1, 2, 3, 7, 50, all.len(), all.len() + 1] {
            let (count, kept) = g.sampled(10_000, every).unwrap();
            assert_eq!(count, all.len());
            let expected: Vec<(usize, Point)> = all
                .iter()
                .cloned()
                .enumerate()
                .filter(|(k, _)| k % every == 0)
                .collect();
            assert_eq!(kept, expected, "every {every}");
            // The shards of a plan are the manifest's indices of the same sweep.
            for shard in [None, Some((2, 3))] {
                let plan = crate::sweep::Plan {
                    jobs: 1,
                    shard,
                    every,
                };
                let run: Vec<usize> = plan.runs(&kept).iter().map(|(k, _)| *k).collect();
                assert_eq!(run, plan.indices(count));
            }
        }
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
        // A billion points are refused at once, not built first.
        let huge = grid(&["theta_d=0:1:1/1000000000"]).unwrap();
        let started = std::time::Instant::now();
        let e = huge.points(max_points()).unwrap_err().to_string();
        assert!(e.contains("GPAI_MAX_GRID_POINTS"), "{e}");
        assert!(started.elapsed().as_secs() < 5);
    }
}
