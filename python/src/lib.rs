//! gpai from Python: the registry, games solved exactly with every output read by name, and real roots; exact values cross as `fractions.Fraction` and algebraic numbers.
//!
//! The Python package `gpai` (python/gpai/__init__.py) wraps this module: it turns the
//! caller's parameters into exact text (refusing floats) and re-exports the exceptions.
//! Nothing here computes: every value comes from the crate `gpai`, exactly as the command
//! line gets it.

use std::cmp::Ordering as Order;
use std::sync::Mutex;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};

use gpai::Error;
use gpai::claims::outputs::{Cache, canonical, labels_of};
use gpai::exact::rational::{denominator, numerator};
use gpai::exact::text::{algebraic_text, latex_text};
use gpai::exact::value_parse::parse_exact;
use gpai::exact::{Algebraic as Exact, Rational, Value, parse_poly, parse_rational, real_roots};
use gpai::models::arguments::Arguments;
use gpai::models::boundary_request::locate;
use gpai::models::sweep_request::prepare;
use gpai::models::val::Val;
use gpai::models::{MODELS, Model, Provenance, find, indexed};
use gpai::sweep::{Engine, Plan, Row, run};
use pyo3::create_exception;
use pyo3::exceptions::{PyException, PyKeyboardInterrupt, PyTypeError};
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList};

create_exception!(
    gpai,
    GpaiError,
    PyException,
    "Any error gpai reports (exit code 2 on the command line)."
);
create_exception!(
    gpai,
    DomainError,
    GpaiError,
    "A parameter outside its admissible domain."
);
create_exception!(
    gpai,
    ParameterError,
    GpaiError,
    "An unknown model or parameter, or a missing one."
);
create_exception!(
    gpai,
    ParseError,
    GpaiError,
    "A number, polynomial or argument that does not parse."
);
create_exception!(
    gpai,
    NoOutputError,
    GpaiError,
    "An output the game does not have (a threshold that does not exist)."
);
create_exception!(
    gpai,
    UnsupportedError,
    GpaiError,
    "A command the model does not provide."
);
create_exception!(
    gpai,
    LimitError,
    GpaiError,
    "An input beyond one of gpai's limits, refused before the work."
);
create_exception!(
    gpai,
    UndecidedError,
    GpaiError,
    "A question the exact machinery could not settle within its limits."
);

/// The Python exception for an error, with the parameter, value and domain as attributes
/// where the error names them.
fn raise(py: Python<'_>, e: Error) -> PyErr {
    let message = e.to_string();
    let (err, fields): (PyErr, Vec<(&str, String)>) = match e {
        Error::Domain {
            name,
            value,
            domain,
        } => (
            DomainError::new_err(message),
            vec![("parameter", name), ("value", value), ("domain", domain)],
        ),
        Error::MissingParameter { name, domain, .. } => (
            ParameterError::new_err(message),
            vec![("parameter", name), ("domain", domain)],
        ),
        Error::UnknownModel { name, .. } => {
            (ParameterError::new_err(message), vec![("model", name)])
        }
        Error::UnknownParameter { name, .. } => {
            (ParameterError::new_err(message), vec![("parameter", name)])
        }
        Error::InvalidNumber { input, .. } => {
            (ParseError::new_err(message), vec![("value", input)])
        }
        Error::InvalidPolynomial { input, .. } | Error::ZeroPolynomial { input } => {
            (ParseError::new_err(message), vec![("value", input)])
        }
        Error::InvalidArgument { argument, .. } => {
            (ParseError::new_err(message), vec![("value", argument)])
        }
        Error::NoOutput { path, .. } => (NoOutputError::new_err(message), vec![("output", path)]),
        Error::Unsupported { command, .. } => (
            UnsupportedError::new_err(message),
            vec![("command", command)],
        ),
        Error::Limit { .. } => (LimitError::new_err(message), vec![]),
        Error::Undecided { .. } => (UndecidedError::new_err(message), vec![]),
        _ => (GpaiError::new_err(message), vec![]),
    };
    let value = err.value(py);
    for (name, text) in fields {
        // Setting an attribute on a fresh exception object cannot fail in practice; if it did,
        // the exception still carries its message.
        let _ = value.setattr(name, text);
    }
    err
}

/// A Python int of an integer, through hexadecimal text (Python limits the decimal digits
/// `int(str)` reads, never the hexadecimal ones).
fn py_int<'py>(py: Python<'py>, i: &gpai::exact::Integer) -> PyResult<Bound<'py, PyAny>> {
    let hex = format!("{:x}", i.unsigned_abs_ref());
    let int = py.import("builtins")?.getattr("int")?.call1((hex, 16))?;
    if *i < 0 { int.neg() } else { Ok(int) }
}

/// The integer a Python int holds, through hexadecimal text.
fn rust_int(value: &Bound<'_, PyAny>) -> Option<gpai::exact::Integer> {
    let py = value.py();
    let negative = value.lt(0).ok()?;
    let magnitude = if negative {
        value.neg().ok()?
    } else {
        value.clone()
    };
    let hex: String = py
        .import("builtins")
        .ok()?
        .getattr("format")
        .ok()?
        .call1((magnitude, "x"))
        .ok()?
        .extract()
        .ok()?;
    let n = gpai::exact::rational::parse_hex(&hex)?;
    Some(if negative { -n } else { n })
}

/// `fractions.Fraction` of a rational.
fn fraction<'py>(py: Python<'py>, r: &Rational) -> PyResult<Bound<'py, PyAny>> {
    let n = py_int(py, &numerator(r))?;
    let d = py_int(py, &denominator(r))?;
    py.import("fractions")?.getattr("Fraction")?.call1((n, d))
}

/// A real algebraic number: its defining polynomial (integer coefficients, constant first)
/// and an isolating interval with rational ends, compared and converted exactly.
#[pyclass(module = "gpai", frozen)]
#[derive(Clone)]
pub struct Algebraic {
    inner: Exact,
}

/// A number known to lie in a closed interval with rational ends (an output gpai certifies
/// but cannot give exactly, such as a logarithm's value).
#[pyclass(module = "gpai", frozen)]
#[derive(Clone)]
pub struct Enclosure {
    lo: Rational,
    hi: Rational,
}

/// A Python value gpai can compare with exactly: an algebraic number, or a rational (an int,
/// a Fraction, anything `numbers.Rational`), read exactly whatever its size.
fn exact_of(other: &Bound<'_, PyAny>) -> Option<Exact> {
    if let Ok(a) = other.cast::<Algebraic>() {
        return Some(a.get().inner.clone());
    }
    let py = other.py();
    let rational = py.import("numbers").ok()?.getattr("Rational").ok()?;
    if !other.is_instance(&rational).ok()? {
        return None;
    }
    let n = rust_int(&other.getattr("numerator").ok()?)?;
    let d = rust_int(&other.getattr("denominator").ok()?)?;
    (d != 0).then(|| Exact::from_rational(Rational::from_integers(n, d)))
}

#[pymethods]
impl Algebraic {
    /// The defining polynomial's integer coefficients, constant term first.
    #[getter]
    fn poly(&self) -> Vec<String> {
        self.inner
            .defining_poly()
            .primitive_integer_coeffs()
            .iter()
            .map(ToString::to_string)
            .collect()
    }

    /// An isolating interval `(lo, hi)` as Fractions.
    #[getter]
    fn interval<'py>(&self, py: Python<'py>) -> PyResult<(Bound<'py, PyAny>, Bound<'py, PyAny>)> {
        let (lo, hi) = self.inner.tidy_interval();
        Ok((fraction(py, &lo)?, fraction(py, &hi)?))
    }

    /// Which real root of the defining polynomial this is, counting from 0 upwards (sympy's
    /// `CRootOf` index).
    #[getter]
    fn index(&self) -> usize {
        real_roots(&self.inner.defining_poly())
            .iter()
            .position(|r| r.value == self.inner)
            .expect("an algebraic number is a root of its defining polynomial")
    }

    /// The value as a Fraction when it is rational, else `None`.
    fn as_fraction<'py>(&self, py: Python<'py>) -> PyResult<Option<Bound<'py, PyAny>>> {
        self.inner
            .as_rational()
            .map(|r| fraction(py, r))
            .transpose()
    }

    fn __float__(&self) -> f64 {
        self.inner.to_f64()
    }

    /// The number for sympy (installed separately): a `Rational`, else a `CRootOf` of the
    /// defining polynomial.
    fn to_sympy<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        let sympy = py.import("sympy")?;
        let int = py.import("builtins")?.getattr("int")?;
        if let Some(r) = self.inner.as_rational() {
            let n = int.call1((numerator(r).to_string(),))?;
            let d = int.call1((denominator(r).to_string(),))?;
            return sympy.getattr("Rational")?.call1((n, d));
        }
        let x = sympy.getattr("Symbol")?.call1(("x",))?;
        // sympy's Poly takes the coefficients highest degree first.
        let mut coeffs = Vec::new();
        for c in self.poly().iter().rev() {
            coeffs.push(int.call1((c.as_str(),))?);
        }
        let poly = sympy.getattr("Poly")?.call1((coeffs, x))?;
        sympy.getattr("CRootOf")?.call1((poly, self.index()))
    }

    fn __str__(&self) -> String {
        algebraic_text(&self.inner, "x")
    }

    fn __repr__(&self) -> String {
        format!("Algebraic({})", algebraic_text(&self.inner, "x"))
    }

    fn _repr_latex_(&self) -> String {
        format!("${}$", latex_text(&Value::Exact(self.inner.clone()), 12))
    }

    /// Equal numbers hash alike: a rational as its Fraction does, an irrational number as its
    /// nearest double (correctly rounded, so equal numbers give the same one).
    fn __hash__(&self, py: Python<'_>) -> PyResult<isize> {
        match self.inner.as_rational() {
            Some(r) => fraction(py, r)?.hash(),
            None => self.inner.to_f64().into_pyobject(py)?.hash(),
        }
    }

    fn __bool__(&self) -> bool {
        self.inner.sign() != Order::Equal
    }

    fn __richcmp__(&self, other: &Bound<'_, PyAny>, op: pyo3::basic::CompareOp) -> Py<PyAny> {
        let py = other.py();
        match exact_of(other) {
            Some(b) => op
                .matches(self.inner.cmp(&b))
                .into_pyobject(py)
                .map_or_else(
                    |_| py.NotImplemented(),
                    |b| b.to_owned().into_any().unbind(),
                ),
            None => py.NotImplemented(),
        }
    }
}

#[pymethods]
impl Enclosure {
    #[getter]
    fn lo<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        fraction(py, &self.lo)
    }

    #[getter]
    fn hi<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        fraction(py, &self.hi)
    }

    fn __float__(&self) -> f64 {
        Value::Enclosure(gpai::exact::interval::Interval::new(
            self.lo.clone(),
            self.hi.clone(),
        ))
        .to_f64()
    }

    fn __repr__(&self) -> String {
        format!("Enclosure([{}, {}])", self.lo, self.hi)
    }
}

/// A value as Python sees it.
fn to_python<'py>(py: Python<'py>, v: Val) -> PyResult<Bound<'py, PyAny>> {
    Ok(match v {
        Val::Num(a) => match a.as_rational() {
            Some(r) => fraction(py, r)?,
            None => Bound::new(py, Algebraic { inner: a })?.into_any(),
        },
        Val::Enc(i) => Bound::new(py, Enclosure { lo: i.lo, hi: i.hi })?.into_any(),
        Val::Bool(b) => b.into_pyobject(py)?.to_owned().into_any(),
        Val::Label(l) => l.into_pyobject(py)?.into_any(),
    })
}

/// One solved game: every output by name, solved as far as it is read.
#[pyclass(module = "gpai")]
pub struct Solution {
    model: &'static dyn Model,
    args: Arguments,
    /// The game solved so far (any Python thread may read it, one at a time).
    cache: Mutex<Cache>,
    /// The tie rules the values read so far rest on.
    ties: Mutex<Vec<String>>,
}

impl Solution {
    /// The output `name`, solved without the GIL (a long solve lets other threads run).
    fn read(&self, py: Python<'_>, name: &str) -> gpai::Result<Val> {
        py.detach(|| {
            let mut cache = self.cache.lock().expect("no reader panics");
            let value = cache.output(&self.args, name);
            let mut ties = self.ties.lock().expect("no reader panics");
            for tie in cache.take_ties() {
                if !ties.contains(&tie) {
                    ties.push(tie);
                }
            }
            value
        })
    }
}

#[pymethods]
impl Solution {
    /// The model's name.
    #[getter]
    fn model(&self) -> &'static str {
        self.model.name
    }

    /// The game's parameters as exact text (`delta=1/2 …`).
    #[getter]
    fn params(&self) -> String {
        self.args.text()
    }

    /// Every output's full name, domains numbered (`spe.u_1`, `spe.u_2`, …).
    #[getter]
    fn names(&self) -> Vec<String> {
        let n = self.args.domains();
        self.model
            .output_names()
            .into_iter()
            .flat_map(|name| match name.strip_suffix("_i") {
                Some(stem) if !self.model.per_domain.is_empty() => {
                    (1..=n).map(|i| format!("{stem}_{i}")).collect()
                }
                _ => vec![name],
            })
            .collect()
    }

    /// The output `name` (`spe.alpha0`, or `alpha0` for the equilibrium's own): a Fraction,
    /// an Algebraic, an Enclosure, a bool or a label; `NoOutputError` when the game lacks it.
    fn __getitem__<'py>(&self, py: Python<'py>, name: &str) -> PyResult<Bound<'py, PyAny>> {
        if canonical(self.model, name).is_none() && indexed(name).is_none() {
            return Err(raise(
                py,
                Error::NoOutput {
                    path: name.into(),
                    reason: format!(
                        "not an output of {}; the outputs are {}",
                        self.model.name,
                        self.names().join(", ")
                    ),
                },
            ));
        }
        let value = self.read(py, name).map_err(|e| raise(py, e))?;
        to_python(py, value)
    }

    /// Every output as a dict (an output the game lacks is `None`).
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let out = PyDict::new(py);
        for name in self.names() {
            match self.read(py, &name) {
                Ok(v) => out.set_item(&name, to_python(py, v)?)?,
                Err(Error::NoOutput { .. }) => out.set_item(&name, py.None())?,
                Err(e) => return Err(raise(py, e)),
            }
        }
        Ok(out)
    }

    /// The tie rules the values read so far rest on.
    fn ties(&self) -> Vec<String> {
        self.ties.lock().expect("no reader panics").clone()
    }

    fn __repr__(&self) -> String {
        format!("Solution({} {})", self.model.name, self.args.text())
    }
}

/// The models, as `gpai models` lists them.
#[pyfunction]
fn models(py: Python<'_>) -> PyResult<Bound<'_, PyList>> {
    let list = PyList::empty(py);
    for model in MODELS {
        let entry = PyDict::new(py);
        entry.set_item("name", model.name)?;
        entry.set_item("summary", model.summary)?;
        entry.set_item("source", model.source)?;
        entry.set_item(
            "provenance",
            match model.provenance {
                Provenance::Published => "published",
                Provenance::ProjectFormulation => "project formulation",
            },
        )?;
        let params = PyList::empty(py);
        for spec in model.params {
            let p = PyDict::new(py);
            p.set_item("name", spec.name)?;
            p.set_item("domain", model.domain_text(spec))?;
            p.set_item("default", spec.default)?;
            p.set_item("meaning", spec.meaning)?;
            params.append(p)?;
        }
        entry.set_item("params", params)?;
        entry.set_item("outputs", model.output_names())?;
        entry.set_item("commands", model.commands.to_vec())?;
        list.append(entry)?;
    }
    Ok(list)
}

/// The game of `model` at `params` (`name=value` texts, exact), checked as the command line
/// checks it.
#[pyfunction]
fn solve(py: Python<'_>, model: &str, params: Vec<String>) -> PyResult<Solution> {
    let model = find(model).map_err(|e| raise(py, e))?;
    let args = Arguments::parse(model, &params).map_err(|e| raise(py, e))?;
    model.validate(&args).map_err(|e| raise(py, e))?;
    Ok(Solution {
        model,
        args,
        cache: Mutex::new(Cache::default()),
        ties: Mutex::new(Vec::new()),
    })
}

/// The columns of sweep rows: `(name, kind, values, labels)` with kind `exact` (Fractions and
/// algebraic numbers), `float` (the `_approx` columns), `bool`, `label` (with every label the
/// output can take, when the model declares them) or `text` (ties).
type Columns<'py> = Vec<(
    String,
    &'static str,
    Bound<'py, PyList>,
    Option<Vec<String>>,
)>;

/// A sweep's columns, map labels, what the labels are, swept names, and whether it was stopped.
type SweepResult<'py> = (Columns<'py>, Vec<String>, &'static str, Vec<String>, bool);

fn columns<'py>(
    py: Python<'py>,
    model: &dyn Model,
    rows: &[(usize, Row)],
) -> PyResult<Columns<'py>> {
    let Some((_, first)) = rows.first() else {
        return Ok(Vec::new());
    };
    let mut out: Columns<'py> = Vec::new();
    let index = PyList::empty(py);
    for (i, _) in rows {
        index.append(i)?;
    }
    out.push(("index".into(), "index", index, None));
    for (k, (name, _)) in first.cells.iter().enumerate() {
        let cells: Vec<&str> = rows
            .iter()
            .map(|(_, r)| r.cells.get(k).map_or("", |(_, v)| v.as_str()))
            .collect();
        let values = PyList::empty(py);
        let kind = if name.ends_with("_approx") {
            for c in &cells {
                values.append(c.parse::<f64>().unwrap_or(f64::NAN))?;
            }
            "float"
        } else if cells.iter().all(|c| *c == "true" || *c == "false") {
            for c in &cells {
                values.append(*c == "true")?;
            }
            "bool"
        } else if let Some(numbers) = cells
            .iter()
            .map(|c| parse_exact(c).ok())
            .collect::<Option<Vec<_>>>()
        {
            for a in numbers {
                values.append(to_python(py, Val::Num(a))?)?;
            }
            "exact"
        } else {
            for c in &cells {
                values.append(*c)?;
            }
            if name == "ties" { "text" } else { "label" }
        };
        // The declared labels, when every cell is one of them (else the observed ones: a
        // category a cell lacks would turn it into a missing value).
        let labels = (kind == "label")
            .then(|| labels_of(model, name))
            .flatten()
            .filter(|labels| cells.iter().all(|c| labels.iter().any(|l| l == c)));
        out.push((name.clone(), kind, values, labels));
    }
    Ok(out)
}

/// The sweep of `model` at `params` over `grid`, checked as `gpai sweep` checks it, run on
/// `jobs` threads without the GIL; `progress(done, total)` is called about ten times a second.
/// Returns the columns, each row's map label (what `gpai sweep --plot` colours by) and what the
/// labels are, the swept names, and whether Ctrl-C stopped it (the rows finished before are kept).
#[pyfunction]
#[pyo3(signature = (model, params, grid, jobs=None, every=1, engine="exact", progress=None))]
#[allow(clippy::too_many_arguments)]
fn sweep<'py>(
    py: Python<'py>,
    model: &str,
    params: Vec<String>,
    grid: Vec<String>,
    jobs: Option<usize>,
    every: usize,
    engine: &str,
    progress: Option<Bound<'py, PyAny>>,
) -> PyResult<SweepResult<'py>> {
    let engine = match engine {
        "exact" => Engine::Exact,
        "float" => Engine::Float,
        other => {
            return Err(raise(
                py,
                Error::Domain {
                    name: "engine".into(),
                    value: other.into(),
                    domain: "exact or float".into(),
                },
            ));
        }
    };
    let prepared =
        prepare(model, &params, &grid, every, false, engine).map_err(|e| raise(py, e))?;
    let plan = Plan {
        jobs: gpai::sweep::worker_threads(jobs).map_err(|e| raise(py, e))?,
        shard: None,
        every,
    };
    let total = plan.runs(&prepared.points).len();
    let rows: Mutex<Vec<(usize, Row)>> = Mutex::new(Vec::with_capacity(total));
    let done = AtomicUsize::new(0);
    let stop = AtomicBool::new(false);
    let progress = progress.map(Bound::unbind);
    let outcome = py.detach(|| {
        std::thread::scope(|scope| {
            let worker = scope.spawn(|| {
                run(
                    &prepared.points,
                    &plan,
                    |p| prepared.sweeper.row(p),
                    |(index, _), row| {
                        if stop.load(Ordering::Relaxed) {
                            return Err(Error::OutputClosed);
                        }
                        rows.lock()
                            .expect("no thread panics holding the rows")
                            .push((*index, row));
                        Ok(())
                    },
                    |n, _| done.store(n, Ordering::Relaxed),
                )
            });
            let mut interrupted = false;
            let mut progress_failed = None;
            while !worker.is_finished() {
                std::thread::sleep(std::time::Duration::from_millis(100));
                Python::attach(|py| {
                    if py.check_signals().is_err() {
                        interrupted = true;
                        stop.store(true, Ordering::Relaxed);
                    }
                    if let Some(callback) = &progress
                        && progress_failed.is_none()
                        && !interrupted
                        && let Err(e) = callback.call1(py, (done.load(Ordering::Relaxed), total))
                    {
                        // Ctrl-C while the callback runs is an interruption like any other.
                        if e.is_instance_of::<PyKeyboardInterrupt>(py) {
                            interrupted = true;
                        } else {
                            progress_failed = Some(e);
                        }
                        stop.store(true, Ordering::Relaxed);
                    }
                });
            }
            let result = worker.join().expect("the sweep thread does not panic");
            (result, interrupted, progress_failed)
        })
    });
    let (result, interrupted, progress_failed) = outcome;
    if let Some(e) = progress_failed {
        return Err(e);
    }
    if let (Some(callback), false) = (&progress, interrupted) {
        callback.call1(py, (done.load(Ordering::Relaxed), total))?;
    }
    match result {
        Ok(_) => {}
        Err(Error::OutputClosed) if interrupted => {}
        Err(e) => return Err(raise(py, e)),
    }
    let rows = rows
        .into_inner()
        .expect("no thread panics holding the rows");
    let labels: Vec<String> = rows.iter().map(|(_, r)| r.label.clone()).collect();
    Ok((
        columns(py, prepared.model, &rows)?,
        labels,
        prepared.sweeper.labels_are(),
        prepared.names,
        interrupted,
    ))
}

/// Named values (a point, or the values a claim read there) as a dict.
fn named<'py>(py: Python<'py>, values: &[(String, Val)]) -> PyResult<Bound<'py, PyDict>> {
    let out = PyDict::new(py);
    for (name, v) in values {
        out.set_item(name, to_python(py, v.clone())?)?;
    }
    Ok(out)
}

/// What `gpai verify` says about one claim.
#[pyclass(module = "gpai", frozen, get_all)]
pub struct Verdict {
    file: String,
    id: String,
    title: String,
    /// `proved`, `verified`, `refuted`, `witnessed`, `undecided` or `error`.
    status: &'static str,
    /// `holds`, `proved`, `verified`, `witnessed` or `refuted`.
    expected: &'static str,
    /// Whether the status meets the expectation.
    met: bool,
    points: usize,
    skipped: usize,
    outside: usize,
    tied: usize,
    first_tie: Option<String>,
    /// How the verdict was reached, in words.
    how: String,
    /// The counterexample (or the point with no witness, or the erring point): the parameters.
    point: Option<Py<PyDict>>,
    /// The values the claim read there.
    values: Option<Py<PyDict>>,
    /// The problem, `file:line:column: message`, for an error.
    error: Option<String>,
    seconds: f64,
}

#[pymethods]
impl Verdict {
    fn __repr__(&self) -> String {
        format!(
            "Verdict({} {} expected {})",
            self.id, self.status, self.expected
        )
    }
}

/// Checks the claim files at `paths` (directories searched for `*.toml`) as `gpai verify`
/// does, without the GIL.
#[pyfunction]
#[pyo3(signature = (paths, jobs=None))]
fn verify(py: Python<'_>, paths: Vec<String>, jobs: Option<usize>) -> PyResult<Vec<Verdict>> {
    let jobs = gpai::sweep::worker_threads(jobs).map_err(|e| raise(py, e))?;
    let paths: Vec<std::path::PathBuf> = paths.iter().map(Into::into).collect();
    let files = gpai::cli::verify::claim_files(&paths).map_err(|e| raise(py, e))?;
    let names: Vec<String> = files.iter().map(|f| f.display().to_string()).collect();
    let read = gpai::cli::verify::read;
    let verdicts =
        py.detach(|| gpai::claims::verify_files_showing(&names, read, jobs, |_, _, _| {}));
    verdicts
        .into_iter()
        .map(|v| {
            let (point, values) = match &v.at {
                Some(at) => (
                    Some(named(py, &at.point)?.unbind()),
                    Some(named(py, &at.values)?.unbind()),
                ),
                None => (None, None),
            };
            Ok(Verdict {
                met: v.met(),
                status: v.status.name(),
                expected: v.expect.name(),
                file: v.file,
                id: v.id,
                title: v.title,
                points: v.points,
                skipped: v.skipped,
                outside: v.outside,
                tied: v.tied,
                first_tie: v.first_tie,
                how: v.how,
                point,
                values,
                error: v.error.map(|e| e.to_string()),
                seconds: v.time.as_secs_f64(),
            })
        })
        .collect()
}

/// An exact number as Python sees it.
fn number<'py>(py: Python<'py>, a: &Exact) -> PyResult<Bound<'py, PyAny>> {
    to_python(py, Val::Num(a.clone()))
}

/// Audits the policy file at `path` as `gpai audit` does: a dict with `holds`, `method`,
/// `holding` (intervals `(lo, lo_closed, hi, hi_closed)`), `changes`, `counterexample`
/// (`(point, values)` or `None`) and `beyond` (`(point, margin)` pairs).
#[pyfunction]
fn audit<'py>(py: Python<'py>, path: &str) -> PyResult<Bound<'py, PyDict>> {
    let text = std::fs::read_to_string(path).map_err(|e| raise(py, Error::io(path, "read", &e)))?;
    let policy = gpai::audit::parse_policy(path, &text).map_err(|e| raise(py, Error::from(e)))?;
    let result = py
        .detach(|| gpai::audit::audit(&policy))
        .map_err(|failure| raise(py, Error::from(policy.locate(&failure))))?;
    let out = PyDict::new(py);
    out.set_item("holds", result.holds)?;
    out.set_item("method", result.method)?;
    let holding = PyList::empty(py);
    for i in &result.holding {
        holding.append((
            number(py, &i.lo)?,
            i.lo_closed,
            number(py, &i.hi)?,
            i.hi_closed,
        ))?;
    }
    out.set_item("holding", holding)?;
    let changes = PyList::empty(py);
    for c in &result.changes {
        changes.append(number(py, c)?)?;
    }
    out.set_item("changes", changes)?;
    match &result.counterexample {
        Some((at, values)) => out.set_item(
            "counterexample",
            (
                to_python(py, Val::rational(at.clone()))?,
                named(py, values)?,
            ),
        )?,
        None => out.set_item("counterexample", py.None())?,
    }
    let beyond = PyList::empty(py);
    for (at, margin) in &result.beyond {
        beyond.append((number(py, at)?, number(py, margin)?))?;
    }
    out.set_item("beyond", beyond)?;
    Ok(out)
}

/// Every label change along a line, as `gpai boundary` finds it: a list of dicts with the
/// exact point (`None` where the event equations do not single one out), the certified bracket
/// `(lo, hi)` and the `changes` as `(label, before, after)`.
#[pyfunction]
#[pyo3(signature = (model, params, along, samples=400, width="1e-12"))]
fn boundary<'py>(
    py: Python<'py>,
    model: &str,
    params: Vec<String>,
    along: &str,
    samples: usize,
    width: &str,
) -> PyResult<Bound<'py, PyList>> {
    let found = py
        .detach(|| locate(model, &params, along, samples, width, &|| {}))
        .map_err(|e| raise(py, e))?;
    let out = PyList::empty(py);
    for c in &found.located {
        let item = PyDict::new(py);
        match &c.exact {
            Some(a) => item.set_item("exact", number(py, a)?)?,
            None => item.set_item("exact", py.None())?,
        }
        item.set_item("bracket", (fraction(py, &c.lo)?, fraction(py, &c.hi)?))?;
        item.set_item("changes", c.changes.clone())?;
        out.append(item)?;
    }
    Ok(out)
}

/// An exact text the toolkit printed, read back as a Python number: an exact value, or a
/// certified enclosure `in [lo, hi]`; text it cannot read stays text (`undefined`).
fn exact_back<'py>(py: Python<'py>, text: &str) -> PyResult<Bound<'py, PyAny>> {
    if let Ok(a) = parse_exact(text) {
        return number(py, &a);
    }
    let ends = text
        .strip_prefix("in [")
        .and_then(|t| t.strip_suffix(']'))
        .and_then(|t| t.split_once(", "))
        .and_then(|(lo, hi)| Some((parse_rational(lo).ok()?, parse_rational(hi).ok()?)));
    match ends {
        Some((lo, hi)) => Ok(Bound::new(py, Enclosure { lo, hi })?.into_any()),
        None => Ok(text.into_pyobject(py)?.into_any()),
    }
}

fn lottery<'py>(py: Python<'py>, s: &gpai::frontier::run::Shown) -> PyResult<Bound<'py, PyDict>> {
    let out = PyDict::new(py);
    out.set_item("value", exact_back(py, &s.value)?)?;
    let support = PyList::empty(py);
    for (id, weight) in &s.support {
        support.append((id, exact_back(py, weight)?))?;
    }
    out.set_item("support", support)?;
    out.set_item("certificate", s.method.name())?;
    Ok(out)
}

/// The certified frontier of a set of outcomes, as `gpai frontier` computes it: from a sweep
/// file (`input`) or a grid of `model` (`grid`), the utilities `players`, one frontier per
/// `group`. Returns the players and one dict per group.
#[pyfunction]
#[pyo3(signature = (model=None, params=Vec::new(), grid=Vec::new(), input=None, players=None, group=None))]
fn frontier<'py>(
    py: Python<'py>,
    model: Option<&str>,
    params: Vec<String>,
    grid: Vec<String>,
    input: Option<&str>,
    players: Option<Vec<String>>,
    group: Option<&str>,
) -> PyResult<(Vec<String>, Bound<'py, PyList>)> {
    let computed = py.detach(|| -> gpai::Result<_> {
        let (outcomes, players) = match (input, model, grid.is_empty()) {
            (Some(path), None, true) => {
                let text =
                    std::fs::read_to_string(path).map_err(|e| Error::io(path, "read", &e))?;
                let players = players.unwrap_or_else(|| vec!["u_g".into(), "u_d".into()]);
                (gpai::frontier::input::read(path, &text, &players, group)?, players)
            }
            (None, Some(model), false) => {
                gpai::frontier::grid::outcomes_of_grid(model, &params, &grid, players, group, &|_| {
                    Ok(())
                })?
            }
            _ => {
                return Err(Error::InvalidArgument {
                    argument: "input / model and grid".into(),
                    reason: "give exactly one source of outcomes: a sweep file (input) or a model and its grid".into(),
                });
            }
        };
        Ok((gpai::frontier::run::frontiers(&outcomes)?, players))
    });
    let (groups, players) = computed.map_err(|e| raise(py, e))?;
    let out = PyList::empty(py);
    for g in &groups {
        let item = PyDict::new(py);
        item.set_item("group", &g.group)?;
        item.set_item("outcomes", g.outcomes)?;
        item.set_item("pareto", g.pareto)?;
        item.set_item("dominated_by_lottery", g.dominated_by_lottery)?;
        item.set_item("field", g.field)?;
        let hull = PyList::empty(py);
        for (id, utilities, _, _) in &g.hull {
            let values = PyList::empty(py);
            for u in utilities {
                values.append(exact_back(py, u)?)?;
            }
            hull.append((id, values))?;
        }
        item.set_item("hull", hull)?;
        item.set_item("egalitarian", lottery(py, &g.egalitarian)?)?;
        match &g.kalai_smorodinsky {
            Some(ks) => item.set_item("kalai_smorodinsky", lottery(py, ks)?)?,
            None => item.set_item("kalai_smorodinsky", py.None())?,
        }
        item.set_item("beyond_other_groups", g.beyond_others)?;
        out.append(item)?;
    }
    Ok((players, out))
}

/// Every distinct real root of the polynomial text, ascending: Fractions for rational ones,
/// algebraic numbers for the others.
#[pyfunction]
fn roots(py: Python<'_>, poly: &str) -> PyResult<Vec<Py<PyAny>>> {
    let p = parse_poly(poly).map_err(|e| raise(py, e))?;
    if p.is_zero() {
        return Err(raise(py, Error::ZeroPolynomial { input: poly.into() }));
    }
    real_roots(&p)
        .into_iter()
        .map(|r| Ok(to_python(py, Val::Num(r.value))?.unbind()))
        .collect()
}

/// Compares two exact values (for tests of the comparison itself).
#[pyfunction]
fn _compare(a: &Bound<'_, PyAny>, b: &Bound<'_, PyAny>) -> PyResult<i8> {
    let (Some(a), Some(b)) = (exact_of(a), exact_of(b)) else {
        return Err(PyTypeError::new_err(
            "compare an Algebraic, a Fraction or an int",
        ));
    };
    Ok(match a.cmp(&b) {
        Order::Less => -1,
        Order::Equal => 0,
        Order::Greater => 1,
    })
}

#[pymodule]
fn _gpai(m: &Bound<'_, PyModule>) -> PyResult<()> {
    let py = m.py();
    m.add_function(wrap_pyfunction!(models, m)?)?;
    m.add_function(wrap_pyfunction!(solve, m)?)?;
    m.add_function(wrap_pyfunction!(roots, m)?)?;
    m.add_function(wrap_pyfunction!(sweep, m)?)?;
    m.add_function(wrap_pyfunction!(verify, m)?)?;
    m.add_function(wrap_pyfunction!(audit, m)?)?;
    m.add_function(wrap_pyfunction!(boundary, m)?)?;
    m.add_function(wrap_pyfunction!(frontier, m)?)?;
    m.add_class::<Verdict>()?;
    m.add_function(wrap_pyfunction!(_compare, m)?)?;
    m.add_class::<Algebraic>()?;
    m.add_class::<Enclosure>()?;
    m.add_class::<Solution>()?;
    for (name, class) in [
        ("GpaiError", py.get_type::<GpaiError>()),
        ("DomainError", py.get_type::<DomainError>()),
        ("ParameterError", py.get_type::<ParameterError>()),
        ("ParseError", py.get_type::<ParseError>()),
        ("NoOutputError", py.get_type::<NoOutputError>()),
        ("UnsupportedError", py.get_type::<UnsupportedError>()),
        ("LimitError", py.get_type::<LimitError>()),
        ("UndecidedError", py.get_type::<UndecidedError>()),
    ] {
        m.add(name, class)?;
    }
    Ok(())
}
