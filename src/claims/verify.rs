//! Checking one claim: a proof where the claim allows one, otherwise exact evaluation at grid, random and boundary-refined points.
//!
//! Order of business: a claim with no ranging parameter is evaluated at its one game (a proof);
//! a claim over one range that reads no model output goes to the prover (`prove.rs`); anything
//! else is evaluated exactly at every grid point, every seeded random point, and — where two
//! neighbouring grid points differ in the claim's truth or in the labels it read — at points
//! bisected toward that boundary. The first false point is the counterexample.

use std::cell::Cell;
use std::time::Duration;

use crate::exact::{Algebraic, Rational};
use crate::models::arguments::Arguments;

use super::eval::{Env, EvalError};
use super::file::{Claim, ClaimError, Domain, Expect, Outside};
use super::outputs::Cache;
use super::prove::{Proof, decide};
use super::sample::{self, Range};
use super::theorem::Finding;
use super::val::Val;

/// Bisection steps toward a boundary between two grid neighbours.
const REFINE_STEPS: usize = 12;
/// At most this many neighbour pairs are refined.
const REFINE_PAIRS: usize = 64;

/// A claim's verdict.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Status {
    Proved,
    Verified,
    Refuted,
    Witnessed,
    /// An existence claim with no witness found at some point (not a counterexample).
    Undecided,
    Error,
}

impl Status {
    pub fn name(&self) -> &'static str {
        match self {
            Status::Proved => "proved",
            Status::Verified => "verified",
            Status::Refuted => "refuted",
            Status::Witnessed => "witnessed",
            Status::Undecided => "undecided",
            Status::Error => "error",
        }
    }

    /// Whether this status meets the expectation.
    pub fn meets(&self, expect: Expect) -> bool {
        match expect {
            Expect::Holds => matches!(self, Status::Proved | Status::Verified | Status::Witnessed),
            Expect::Proved => *self == Status::Proved,
            Expect::Verified => *self == Status::Verified,
            Expect::Witnessed => *self == Status::Witnessed,
            Expect::Refuted => *self == Status::Refuted,
        }
    }
}

/// A parameter point with the values the claim read there.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Witnessed {
    pub point: Vec<(String, Val)>,
    pub values: Vec<(String, Val)>,
}

/// Everything `gpai verify` says about one claim.
#[derive(Clone, Debug)]
pub struct Verdict {
    pub file: String,
    pub id: String,
    pub title: String,
    pub source: String,
    pub expect: Expect,
    pub status: Status,
    /// Points evaluated (where `assume` held).
    pub points: usize,
    /// Points where `assume` failed.
    pub skipped: usize,
    /// Sample points that are not games of the model (outside its parameter domain).
    pub outside: usize,
    /// Points where a game read had a tie its model's rules resolved, and the first such tie:
    /// the claim's truth there rests on those rules.
    pub tied: usize,
    pub first_tie: Option<String>,
    /// How the verdict was reached, in words.
    pub how: String,
    /// The counterexample, the point with no witness, or the erring point.
    pub at: Option<Witnessed>,
    /// For existence claims: the largest witness at each point.
    pub witnesses: Vec<Witnessed>,
    pub error: Option<ClaimError>,
    /// The processor time spent on this claim, on every thread: the same for any `--jobs` and
    /// however busy the machine (its wall time is shorter on more threads).
    pub time: Duration,
}

impl Verdict {
    pub fn met(&self) -> bool {
        self.status.meets(self.expect)
    }

    /// A verdict for a file that could not be read or parsed.
    pub fn unreadable(file: &str, error: ClaimError) -> Verdict {
        Verdict {
            file: file.into(),
            id: file.into(),
            title: String::new(),
            source: String::new(),
            expect: Expect::Holds,
            status: Status::Error,
            points: 0,
            skipped: 0,
            outside: 0,
            tied: 0,
            first_tie: None,
            how: "the claim file is malformed".into(),
            at: None,
            witnesses: Vec::new(),
            error: Some(error),
            time: Duration::ZERO,
        }
    }
}

enum Outcome {
    Skipped,
    Held { signature: (bool, Vec<String>) },
    Failed,
}

/// What one sample point gave, before it is counted: a function of the point alone (the
/// cache it was evaluated with only saves work), so points can be evaluated on any thread.
enum Point {
    /// Not a game of the model, skipped (`outside = "skip"`).
    Outside,
    /// `assume` is false there.
    Assumed,
    /// An error before the claim was evaluated (not a game, an unknown domain, `assume`).
    Failed(EvalError, Witnessed),
    /// The claim evaluated, with the ties its reads rest on.
    Evaluated {
        result: Result<bool, EvalError>,
        point: Vec<(String, Val)>,
        values: Vec<(String, Val)>,
        labels: Vec<String>,
        witnesses: Vec<(String, Val)>,
        ties: Vec<String>,
    },
}

impl Point {
    fn stops(&self) -> bool {
        match self {
            Point::Failed(..) => true,
            Point::Evaluated { result, .. } => !matches!(result, Ok(true)),
            Point::Outside | Point::Assumed => false,
        }
    }
}

/// What every point of a claim is evaluated against.
struct Sampling<'c> {
    claim: &'c Claim,
    /// The ranging names, and whether each is a free variable (else a model parameter).
    names: Vec<(String, bool)>,
    /// Free variables with fixed values, bound at every point.
    fixed_vars: Vec<(String, Val)>,
    base: Arguments,
}

struct Run<'c> {
    sampling: Sampling<'c>,
    cache: Cache,
    /// The processor time this claim's thread spent in the waves of points evaluated in
    /// parallel (some of it, perhaps, on another claim while it waited), and the processor
    /// time the points took on every thread.
    parallel: &'c Cell<(Duration, Duration)>,
    /// One cache per thread of the pool, kept over the claim's waves.
    caches: Vec<std::sync::Mutex<Cache>>,
    points: usize,
    skipped: usize,
    outside: usize,
    tied: usize,
    first_tie: Option<String>,
    /// The ties of the games at the counterexample.
    failure_tie: Option<String>,
    exists: bool,
    witnesses: Vec<Witnessed>,
    failure: Option<(Status, Witnessed)>,
    error: Option<(EvalError, Witnessed)>,
}

impl Sampling<'_> {
    /// The game at a point: its arguments, or why the point is not a game of the model (a
    /// value outside its parameter's domain, or a joint condition failing).
    fn game_at(&self, values: &[Rational]) -> crate::error::Result<Arguments> {
        let mut args = self.base.clone();
        for ((name, var), value) in self.names.iter().zip(values) {
            if !var {
                args = args.with(name, value.clone())?;
            }
        }
        super::outputs::validate(&args)?;
        Ok(args)
    }

    /// A point that is not a game: skipped and counted (`outside = "skip"`), else an error there.
    fn not_a_game(&self, values: &[Rational], e: crate::error::Error) -> Point {
        if self.claim.method.outside == Outside::Skip {
            return Point::Outside;
        }
        let point = self
            .names
            .iter()
            .zip(values)
            .map(|((name, _), v)| (name.clone(), Val::rational(v.clone())))
            .collect();
        let message = format!(
            "a sample point is not a game of {}: {e}; narrow the ranges, or set [method] outside = \"skip\" to skip such points (they are counted)",
            self.claim.model.name
        );

        // Located at the value of the parameter that is out of its domain, where known.
        let field = match &e {
            crate::error::Error::Domain { name, .. }
                if self.claim.has_field(&format!("param.{name}")) =>
            {
                format!("param.{name}")
            }
            _ => "claim".into(),
        };
        Point::Failed(
            EvalError {
                field,
                at: super::expr::Located { offset: 0, message },
            },
            Witnessed {
                point,
                values: Vec::new(),
            },
        )
    }

    /// The free variables' values at a point.
    fn vars_at(&self, values: &[Rational]) -> Vec<(String, Val)> {
        let mut out = self.fixed_vars.clone();
        for ((name, var), value) in self.names.iter().zip(values) {
            if *var {
                out.push((name.clone(), Val::rational(value.clone())));
            }
        }
        out
    }

    fn point_of(&self, args: &Arguments, vars: &[(String, Val)]) -> Vec<(String, Val)> {
        let mut point: Vec<(String, Val)> = self
            .claim
            .params
            .iter()
            .filter_map(|(name, domain)| {
                let value = match domain {
                    Domain::Text(text) if self.claim.model.is_text(name) => {
                        Val::Label(text.clone())
                    }
                    // A per-domain list is read through its entries (`r_1`), not as one value.
                    Domain::Text(_) => return None,
                    _ => Val::rational(args.value(name).expect("checked at load")),
                };
                Some((name.to_string(), value))
            })
            .collect();
        point.extend(vars.iter().cloned());
        point
    }

    /// Evaluates the claim at one point, reading games through `cache`.
    fn point(&self, cache: &mut Cache, values: &[Rational]) -> Point {
        // Ties read at a point that stopped early (assume false) are not this point's.
        cache.take_ties();
        // A sample that is not a game of the model (e.g. a cost matrix that makes some
        // investment free) is never evaluated: an error, or skipped and counted.
        let args = match self.game_at(values) {
            Ok(a) => a,
            Err(e) => return self.not_a_game(values, e),
        };
        let vars = self.vars_at(values);
        let point = self.point_of(&args, &vars);
        let fields = self
            .claim
            .lets
            .iter()
            .map(|(name, e)| (format!("let.{name}"), e))
            .chain(self.claim.assume.iter().map(|e| ("assume".to_string(), e)))
            .chain([("claim".to_string(), &self.claim.claim)]);
        for (field, expr) in fields {
            if let Some(at) = super::outputs::beyond_domains(&args, expr) {
                let witnessed = Witnessed {
                    point,
                    values: Vec::new(),
                };
                return Point::Failed(EvalError { field, at }, witnessed);
            }
        }
        let lets = &self.claim.lets;
        let mut env = Env::new(args, lets, cache);
        env.vars = vars;
        if let Some(a) = &self.claim.assume {
            match env.truth("assume", a) {
                Ok(false) => return Point::Assumed,
                Ok(true) => {}
                Err(e) => {
                    let values = std::mem::take(&mut env.trace);
                    return Point::Failed(e, Witnessed { point, values });
                }
            }
        }
        let result = env.truth("claim", &self.claim.claim);
        let values = std::mem::take(&mut env.trace);
        let labels = std::mem::take(&mut env.labels);
        let witnesses = std::mem::take(&mut env.witnesses);
        drop(env);
        Point::Evaluated {
            result,
            point,
            values,
            labels,
            witnesses,
            ties: cache.take_ties(),
        }
    }

    /// Whether the one ranging parameter at `at` makes a game (a free variable always does).
    fn is_game_at(&self, at: &Algebraic) -> bool {
        if self.names.first().is_some_and(|(_, var)| *var) {
            return true;
        }
        // A parameter's refutation is at a rational point (irrational ones are no games).
        at.as_rational()
            .is_some_and(|r| self.game_at(std::slice::from_ref(r)).is_ok())
    }
}

/// The fewest neighbouring points one thread evaluates in a row (games at neighbouring grid
/// points share work through its cache, such as the competition game's thresholds); a wave
/// holds this many per thread. Measured on `verify proofs/` with 2 threads: 8 gave 6.0 s, 16
/// 5.8 s, 32 about the same; past a counterexample a wave wastes at most the points then in
/// progress on other threads and those of later stretches already done.
const STRETCH: usize = 16;

impl Run<'_> {
    /// Evaluates at one point on this thread; records a failure or error.
    fn evaluate(&mut self, values: &[Rational]) -> Outcome {
        let point = self.sampling.point(&mut self.cache, values);
        self.record(point)
    }

    /// Evaluates at each of `points` in order until one fails, the points spread over the
    /// threads of the pool this runs in (rayon's); what is recorded is what evaluating them one
    /// by one in order records, on any number of threads. The points go out in waves of
    /// [`STRETCH`] per thread, so that past a failure at most one wave is evaluated for nothing.
    fn evaluate_all(&mut self, points: &[Vec<Rational>]) -> Vec<Outcome> {
        use rayon::prelude::*;
        use std::sync::atomic::{AtomicUsize, Ordering::Relaxed};
        let wave = rayon::current_num_threads().max(1) * STRETCH;
        let mut outcomes = Vec::with_capacity(points.len());
        for chunk in points.chunks(wave) {
            // The first failing point found so far: later points need not be evaluated.
            let first_stop = AtomicUsize::new(usize::MAX);
            let section = processor_time();
            let (sampling, caches) = (&self.sampling, &self.caches);
            let evaluated: Vec<Option<(Point, Duration)>> = chunk
                .par_iter()
                .enumerate()
                .with_min_len(STRETCH)
                .map(|(k, values)| {
                    if k > first_stop.load(Relaxed) {
                        return None;
                    }
                    let started = processor_time();
                    // Each thread keeps its cache for the whole claim; a point's result does not
                    // depend on it.
                    let slot = rayon::current_thread_index().and_then(|i| caches.get(i));
                    let point = match slot {
                        Some(cache) => {
                            sampling.point(&mut cache.lock().expect("no thread panics"), values)
                        }
                        None => sampling.point(&mut Cache::default(), values),
                    };
                    if point.stops() {
                        first_stop.fetch_min(k, Relaxed);
                    }
                    Some((point, since(started)))
                })
                .collect();
            let work: Duration = evaluated.iter().flatten().map(|(_, t)| *t).sum();
            let (here, total) = self.parallel.get();
            self.parallel.set((here + since(section), total + work));
            for (point, _) in evaluated.into_iter().map_while(|p| p) {
                outcomes.push(self.record(point));
                if self.stopped() {
                    return outcomes;
                }
            }
        }
        outcomes
    }

    /// Counts one point's result; the first failure or error is kept.
    fn record(&mut self, point: Point) -> Outcome {
        let (result, point, values, labels, witnesses, ties) = match point {
            Point::Outside => {
                self.outside += 1;
                return Outcome::Skipped;
            }
            Point::Assumed => {
                self.skipped += 1;
                return Outcome::Skipped;
            }
            Point::Failed(e, at) => {
                self.error.get_or_insert((e, at));
                return Outcome::Failed;
            }
            Point::Evaluated {
                result,
                point,
                values,
                labels,
                witnesses,
                ties,
            } => (result, point, values, labels, witnesses, ties),
        };
        if !ties.is_empty() {
            self.tied += 1;
            self.first_tie.get_or_insert_with(|| ties[0].clone());
        }
        if matches!(result, Ok(false)) && !ties.is_empty() {
            self.failure_tie.get_or_insert_with(|| ties.join("; "));
        }
        self.points += 1;
        match result {
            Ok(true) => {
                if self.exists {
                    self.witnesses.push(Witnessed {
                        point: point.clone(),
                        values: witnesses,
                    });
                }
                Outcome::Held {
                    signature: (true, labels),
                }
            }
            Ok(false) => {
                let status = if self.exists {
                    Status::Undecided
                } else {
                    Status::Refuted
                };
                self.failure
                    .get_or_insert((status, Witnessed { point, values }));
                Outcome::Failed
            }
            Err(e) => {
                self.error.get_or_insert((e, Witnessed { point, values }));
                Outcome::Failed
            }
        }
    }

    fn stopped(&self) -> bool {
        self.failure.is_some() || self.error.is_some()
    }
}

/// Checks one claim.
pub fn verify(claim: &Claim) -> Verdict {
    let started = processor_time();
    let parallel = Cell::new((Duration::ZERO, Duration::ZERO));
    let mut verdict = check(claim, &parallel);
    // While it waits for a wave, the claim's thread may check another claim: that time is the
    // other claim's, so the waves count as the processor time their points took.
    let (here, work) = parallel.get();
    verdict.time = since(started).saturating_sub(here) + work;
    verdict
}

/// This thread's processor time so far (`None` where the system cannot tell).
fn processor_time() -> Option<cpu_time::ThreadTime> {
    cpu_time::ThreadTime::try_now().ok()
}

/// The processor time this thread spent since `start` (zero where it cannot be told).
fn since(start: Option<cpu_time::ThreadTime>) -> Duration {
    start.and_then(|t| t.try_elapsed().ok()).unwrap_or_default()
}

fn check(claim: &Claim, parallel: &Cell<(Duration, Duration)>) -> Verdict {
    let fixed: Vec<String> = claim
        .params
        .iter()
        .filter_map(|(name, d)| match d {
            Domain::Fixed(v) => Some(format!("{name}={v}")),
            Domain::Text(t) => Some(format!("{name}={t}")),
            Domain::Range { .. } => None,
        })
        .collect();
    let ranged: Vec<(String, Range, bool)> = claim
        .params
        .iter()
        .map(|(name, d)| (name.to_string(), d, false))
        .chain(claim.vars.iter().map(|(name, d)| (name.clone(), d, true)))
        .filter_map(|(name, d, var)| Range::of(d).map(|r| (name, r, var)))
        .collect();
    let fixed_vars: Vec<(String, Val)> = claim
        .vars
        .iter()
        .filter_map(|(name, d)| match d {
            Domain::Fixed(v) => Some((name.clone(), Val::rational(v.clone()))),
            Domain::Text(_) | Domain::Range { .. } => None,
        })
        .collect();
    let mut verdict = Verdict {
        file: claim.file.clone(),
        id: claim.id.clone(),
        title: claim.title.clone(),
        source: claim.source.clone(),
        expect: claim.expect,
        status: Status::Error,
        points: 0,
        skipped: 0,
        outside: 0,
        tied: 0,
        first_tie: None,
        how: String::new(),
        at: None,
        witnesses: Vec::new(),
        error: None,
        time: Duration::ZERO,
    };
    let mut base = match Arguments::parse(claim.model, &fixed) {
        Ok(a) => a,
        Err(e) => {
            verdict.how = format!("the fixed parameters are not a game: {e}");
            return verdict;
        }
    };
    // Ranged parameters start at a value of their range inside their domain, so the base
    // names every parameter with a value it may take.
    for (name, range, var) in &ranged {
        if *var {
            continue;
        }
        let spec = claim.model.resolve(name).expect("checked at load").0;
        let start = spec.domain.point_in(
            (range.lo.clone(), range.lo_closed),
            (range.hi.clone(), range.hi_closed),
        );
        match start.map(|v| base.with(name, v)) {
            Some(Ok(b)) => base = b,
            Some(Err(e)) => {
                verdict.how = format!("the ranges are not games: {e}");
                return verdict;
            }
            None => {
                verdict.how = format!(
                    "no value of {name}'s range lies in its domain ({})",
                    spec.domain
                );
                return verdict;
            }
        }
    }
    let reads_outputs = {
        let is_output = |p: &str| super::outputs::is_output(claim.model, p);
        claim.claim.reads_outputs(&is_output)
            || claim
                .assume
                .as_ref()
                .is_some_and(|a| a.reads_outputs(&is_output))
            || claim.lets.iter().any(|(_, e)| e.reads_outputs(&is_output))
    };
    let exists = super::file::reads_exists(&claim.lets, &claim.claim);
    let mut run = Run {
        sampling: Sampling {
            claim,
            names: ranged.iter().map(|(n, _, v)| (n.clone(), *v)).collect(),
            fixed_vars,
            base,
        },
        cache: Cache::default(),
        parallel,
        caches: (0..rayon::current_num_threads())
            .map(|_| std::sync::Mutex::default())
            .collect(),
        points: 0,
        skipped: 0,
        outside: 0,
        tied: 0,
        first_tie: None,
        failure_tie: None,
        exists,
        witnesses: Vec::new(),
        failure: None,
        error: None,
    };
    // The prover decides the claim for every value of the range; every value must then be a
    // game. Each parameter's own interval was checked at load; the joint conditions (`c < a`,
    // a cost matrix's cross term) are checked at the range's grid, and the counterexample is
    // checked itself. (Every joint condition of the models is an interval in each parameter, so
    // a range whose grid points, ends included, are games holds only games.)
    let all_games = ranged.len() == 1 && {
        let (_, range, var) = &ranged[0];
        *var || range
            .grid(claim.method.grid.max(2))
            .iter()
            .chain(range.lo_closed.then_some(range.lo))
            .chain(range.hi_closed.then_some(range.hi))
            .all(|v| run.sampling.game_at(std::slice::from_ref(v)).is_ok())
    };
    if claim.method.prove && !reads_outputs && ranged.len() == 1 && all_games {
        let (name, range, _) = &ranged[0];
        let lets = &claim.lets;
        let mut env = Env::new(run.sampling.base.clone(), lets, &mut run.cache);
        env.vars = run.sampling.fixed_vars.clone();
        match decide(claim, name, range, &mut env) {
            Proof::Proved {
                polys,
                cells,
                irrational_exceptions,
            } => {
                verdict.status = Status::Proved;
                verdict.how = format!(
                    "for every {name} in the range: the signs of {polys} polynomials, {cells} cells, settled by root isolation"
                );
                if irrational_exceptions > 0 {
                    verdict.how.push_str(&format!(
                        " (false at {irrational_exceptions} irrational {name}, which are no games: {name} is rational)"
                    ));
                }
                return verdict;
            }
            Proof::Refuted(at) if !run.sampling.is_game_at(&at) => {}
            Proof::Refuted(at) => {
                verdict.status = Status::Refuted;
                verdict.how = format!(
                    "false at {name} = {} (every {name} was decided by root isolation)",
                    Val::Num(at.clone())
                );
                let sampling = &run.sampling;
                let mut point = sampling.point_of(&sampling.base, &sampling.fixed_vars);
                if !point.iter().any(|(n, _)| n == name) {
                    point.push((name.clone(), Val::Num(at.clone())));
                }
                if let Some(p) = point.iter_mut().find(|(n, _)| n == name) {
                    p.1 = Val::Num(at);
                }
                verdict.at = Some(Witnessed {
                    point,
                    values: Vec::new(),
                });
                return verdict;
            }
            Proof::Error(e) => {
                verdict.error = Some(claim.locate(&e.field, &e.at));
                verdict.how = "evaluation failed while proving".into();
                return verdict;
            }
            Proof::NotApplicable(_) => {}
        }
    }
    let grid = if ranged.is_empty() {
        vec![Vec::new()]
    } else {
        let ranges: Vec<Range> = ranged.iter().map(|(_, r, _)| clone_range(r)).collect();
        sample::grid(&ranges, claim.method.grid)
    };
    let n = claim.method.grid;
    let outcomes = run.evaluate_all(&grid);
    if !ranged.is_empty() && !run.stopped() {
        let ranges: Vec<Range> = ranged.iter().map(|(_, r, _)| clone_range(r)).collect();
        let random = sample::random(&ranges, claim.method.random, claim.method.seed);
        run.evaluate_all(&random);
    }
    let mut refined = 0;
    if claim.method.refine && !run.stopped() && n > 1 {
        let dims = ranged.len();
        'pairs: for index in 0..outcomes.len() {
            for d in 0..dims {
                let stride = n.pow((dims - 1 - d) as u32);
                let coordinate = (index / stride) % n;
                let neighbour = index + stride;
                if coordinate + 1 >= n || neighbour >= outcomes.len() {
                    continue;
                }
                let (Outcome::Held { signature: a }, Outcome::Held { signature: b }) =
                    (&outcomes[index], &outcomes[neighbour])
                else {
                    continue;
                };
                if a == b {
                    continue;
                }
                if refined >= REFINE_PAIRS {
                    break 'pairs;
                }
                refined += 1;
                let left_signature = a.clone();
                let (mut left, mut right) = (grid[index].clone(), grid[neighbour].clone());
                for _ in 0..REFINE_STEPS {
                    let mid = sample::midpoint(&left, &right);
                    match run.evaluate(&mid) {
                        Outcome::Held { signature } if signature == left_signature => left = mid,
                        Outcome::Held { .. } | Outcome::Skipped => right = mid,
                        Outcome::Failed => break 'pairs,
                    }
                }
            }
        }
    }
    verdict.points = run.points;
    verdict.skipped = run.skipped;
    verdict.outside = run.outside;
    verdict.tied = run.tied;
    verdict.first_tie = run.first_tie.clone();
    verdict.witnesses = std::mem::take(&mut run.witnesses);
    if let Some((e, at)) = run.error.take() {
        verdict.status = Status::Error;
        verdict.error = Some(claim.locate(&e.field, &e.at));
        verdict.how = "evaluation failed".into();
        verdict.at = Some(at);
        return verdict;
    }
    let theorem = super::theorem::prove(claim, &run.sampling.base);
    if let Some((status, at)) = run.failure.take() {
        verdict.how = match status {
            Status::Undecided => {
                "no witness among the candidates tried at this point (not a counterexample)".into()
            }
            _ => match &run.failure_tie {
                Some(tie) => format!(
                    "false at this point, where a tie was resolved by the model's rule ({tie}): the counterexample rests on that rule"
                ),
                None => "false at this point".into(),
            },
        };
        verdict.status = status;
        match theorem {
            Some(Finding::Proved(proof)) => {
                verdict.status = Status::Error;
                verdict.how = format!(
                    "the sample refutes the claim but its theorem was proved ({proof}): the claim does not state its theorem"
                );
                verdict.error = Some(located(claim, "claim", &verdict.how));
            }
            Some(Finding::NotProved(why)) => {
                verdict.how = format!("false at this point; the theorem's proof fails: {why}");
            }
            None => {}
        }
        verdict.at = Some(at);
        return verdict;
    }
    if run.points == 0 {
        verdict.status = Status::Error;
        verdict.how = format!(
            "no sample point is in the domain: `assume` excludes {}, {} are not games of the model",
            run.skipped, run.outside
        );
        let field = if claim.has_field("assume") {
            "assume"
        } else {
            "claim"
        };
        verdict.error = Some(located(claim, field, &verdict.how));
        return verdict;
    }
    let mut refinement = if refined > 0 {
        format!(", {refined} boundary pairs refined")
    } else {
        String::new()
    };
    if run.outside > 0 {
        refinement.push_str(&format!(
            ", {} points outside the model's domain skipped (outside = \"skip\")",
            run.outside
        ));
    }
    if let Some(tie) = &run.first_tie {
        refinement.push_str(&format!(
            "; at {} of them a tie was resolved by the model's rule, the truth there rests on it (first: {tie})",
            run.tied
        ));
    }
    if ranged.is_empty() {
        verdict.status = if exists {
            Status::Witnessed
        } else {
            Status::Proved
        };
        verdict.how = "the single game, evaluated exactly".into();
        if let Some(tie) = &run.first_tie {
            verdict.how.push_str(&format!(
                "; a tie was resolved by the model's rule there, the truth resting on it ({tie})"
            ));
        }
    } else if exists {
        verdict.status = Status::Witnessed;
        verdict.how = format!(
            "a witness at each of {} sample points{refinement}",
            run.points
        );
    } else {
        verdict.status = Status::Verified;
        verdict.how = format!(
            "held at {} exact sample points{refinement}; not a proof",
            run.points
        );
        match theorem {
            Some(Finding::Proved(proof)) => {
                verdict.status = Status::Proved;
                verdict.how = format!(
                    "{} over the whole box, {proof}; {} exact sample points agree{refinement}",
                    claim.method.theorem.as_deref().unwrap_or(""),
                    run.points
                );
            }
            Some(Finding::NotProved(why)) => {
                verdict
                    .how
                    .push_str(&format!("; the theorem's proof fails: {why}"));
            }
            None => {}
        }
    }
    verdict
}

/// An error of the whole claim, located at the start of its field `field`.
fn located(claim: &Claim, field: &str, message: &str) -> ClaimError {
    claim.locate(
        field,
        &super::expr::Located {
            offset: 0,
            message: message.into(),
        },
    )
}

fn clone_range<'a>(r: &Range<'a>) -> Range<'a> {
    Range {
        lo: r.lo,
        hi: r.hi,
        lo_closed: r.lo_closed,
        hi_closed: r.hi_closed,
    }
}

/// Each `exists` variable's largest witness over all points (for existence claims), outermost
/// variable first.
pub fn largest_witnesses(verdict: &Verdict) -> Vec<(String, Algebraic)> {
    let mut largest: Vec<(String, Algebraic)> = Vec::new();
    // A point's witnesses come outermost last: read from the outermost in.
    for (name, v) in verdict.witnesses.iter().flat_map(|w| w.values.iter().rev()) {
        let Val::Num(a) = v else { continue };
        match largest.iter_mut().find(|(n, _)| n == name) {
            Some((_, best)) => {
                if a > best {
                    *best = a.clone();
                }
            }
            None => largest.push((name.clone(), a.clone())),
        }
    }
    largest
}
