//! Claim files: TOML read into a checked [`Claim`], every problem reported with its file, line and column.
//!
//! ```toml
//! id = "fine_tuning.pareto_closed_form"
//! title = "The quadratic Pareto set in closed form"
//! source = "Laufer, Kleinberg, Heidari, Fine-tuning games, Thm 4.3"
//! model = "fine_tuning"
//! expect = "holds"            # or proved | verified | witnessed | refuted
//! assume = 'c1 < 2*c0'        # optional precondition
//! claim = 'pareto.lo == max(0, (c1 - c0)/(2*c1 - c0))'
//!
//! [params]                    # fixed values or ranges: "[lo, hi]", "(lo, hi]", …
//! c0 = "1"
//! c1 = "(0, 4]"
//!
//! [vars]                      # optional free variables (not model parameters), for all values
//! h = "(0, 1/4]"
//!
//! [let]                       # optional named expressions
//! gap = 'pareto.hi - pareto.lo'
//!
//! [method]                    # optional: grid points per range, random points, seed, …
//! grid = 5
//! random = 20
//! seed = 1
//! prove = true
//! refine = true
//! ```
//! Expressions are best written as literal strings ('…'), so that positions in them are exact.

use std::collections::{HashMap, HashSet};

use toml_edit::{ImDocument, Item, Value};

use crate::exact::{Rational, parse_rational};
use crate::limits::Limit;
use crate::models::arguments::Arguments;
use crate::models::{self, Model, ModelInfo};

use super::expr::{Expr, Kind, Located, parse};
use super::outputs::{is_output, unknown};

/// A problem in a claim file, where it is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ClaimError {
    pub file: String,
    pub line: usize,
    pub column: usize,
    pub message: String,
}

impl From<ClaimError> for crate::error::Error {
    fn from(e: ClaimError) -> Self {
        crate::error::Error::File {
            file: e.file,
            line: e.line,
            column: e.column,
            message: e.message,
        }
    }
}

impl std::fmt::Display for ClaimError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{}:{}:{}: {}",
            self.file, self.line, self.column, self.message
        )
    }
}

/// What the claim's author expects `gpai verify` to establish.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Expect {
    /// Proved, verified or witnessed.
    Holds,
    Proved,
    Verified,
    Witnessed,
    Refuted,
}

impl Expect {
    pub fn name(self) -> &'static str {
        match self {
            Expect::Holds => "holds",
            Expect::Proved => "proved",
            Expect::Verified => "verified",
            Expect::Witnessed => "witnessed",
            Expect::Refuted => "refuted",
        }
    }
}

/// A parameter's domain in the claim.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Domain {
    Fixed(Rational),
    /// A label or a free list, passed to the model as written (`f = "power"`, `v = "1,3"`).
    Text(String),
    Range {
        lo: Rational,
        hi: Rational,
        lo_closed: bool,
        hi_closed: bool,
    },
}

/// Sampling and proof options.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Method {
    pub grid: usize,
    pub random: usize,
    pub seed: u64,
    pub prove: bool,
    pub refine: bool,
    /// A named theorem of the model the claim states (`theorem = "R1"`): after sampling, the
    /// model's prover tries it over the whole box (see `theorem.rs`).
    pub theorem: Option<String>,
    /// What to do with sample points that are not games of the model.
    pub outside: Outside,
}

/// How a claim treats points of its ranges outside the model's domain (`[method] outside`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Outside {
    /// A range reaching outside the domain is an error at load; a sample point that is not a
    /// game (a joint condition fails) is an error at that point.
    Error,
    /// Such points are skipped, and counted in the report.
    Skip,
}

impl Default for Method {
    fn default() -> Method {
        Method {
            grid: 5,
            random: 20,
            seed: 1,
            prove: true,
            refine: true,
            theorem: None,
            outside: Outside::Error,
        }
    }
}

/// A parsed, checked claim.
#[derive(Clone, Debug)]
pub struct Claim {
    pub file: String,
    pub id: String,
    pub title: String,
    pub source: String,
    pub model: &'static dyn Model,
    pub expect: Expect,
    pub params: Vec<(String, Domain)>,
    /// Free variables that are not model parameters (`[vars]`): the claim holds for all of them.
    pub vars: Vec<(String, Domain)>,
    pub lets: Vec<(String, Expr)>,
    pub assume: Option<Expr>,
    pub claim: Expr,
    pub method: Method,
    /// Where each expression's text starts in the file (`claim`, `assume`, `let.NAME`), and
    /// each parameter's value (`param.NAME`).
    starts: Vec<(String, usize)>,
    text: String,
}

impl Claim {
    /// The ranges among the parameters and variables.
    fn ranges(&self) -> usize {
        self.params
            .iter()
            .map(|(_, d)| d)
            .chain(self.vars.iter().map(|(_, d)| d))
            .filter(|d| matches!(d, Domain::Range { .. }))
            .count()
    }

    /// The grid points (one when nothing ranges) and random points the claim asks for,
    /// counted before any is built.
    pub fn sample_points(&self) -> usize {
        u32::try_from(self.ranges())
            .ok()
            .and_then(|r| self.method.grid.checked_pow(r))
            .unwrap_or(usize::MAX)
            .saturating_add(self.method.random)
    }

    /// Whether `field` (`claim`, `let.NAME`, `param.NAME`, …) has a position in the file.
    pub fn has_field(&self, field: &str) -> bool {
        self.starts.iter().any(|(f, _)| f == field)
    }

    /// The file position of an evaluation problem at `offset` of the expression `field`.
    pub fn locate(&self, field: &str, at: &Located) -> ClaimError {
        let start = self
            .starts
            .iter()
            .find(|(f, _)| f == field)
            .map(|(_, s)| *s)
            .unwrap_or(0);
        position(
            &self.file,
            &self.text,
            start + at.offset,
            at.message.clone(),
        )
    }
}

pub(crate) fn position(file: &str, text: &str, offset: usize, message: String) -> ClaimError {
    let offset = offset.min(text.len());
    let before = &text[..offset];
    let line = before.matches('\n').count() + 1;
    let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    ClaimError {
        file: file.into(),
        line,
        column,
        message,
    }
}

/// Reads and checks the claim in `text` (named `file` in messages).
pub fn parse_claim(file: &str, text: &str) -> Result<Claim, ClaimError> {
    let at = |offset: usize, message: String| position(file, text, offset, message);
    let doc = ImDocument::parse(text.to_string()).map_err(|e| {
        let offset = e.span().map_or(0, |s| s.start);
        let message = e
            .message()
            .lines()
            .map(str::trim)
            .collect::<Vec<_>>()
            .join("; ");
        at(offset, format!("malformed TOML: {message}"))
    })?;
    let span_of = |item: &Item| item.span().map_or(0, |s| s.start);
    let known = [
        "id", "title", "source", "model", "expect", "assume", "claim", "params", "vars", "let",
        "method",
    ];
    for (key, item) in doc.iter() {
        if !known.contains(&key) {
            return Err(at(
                span_of(item),
                format!("unknown key `{key}`; a claim file has {}", known.join(", ")),
            ));
        }
    }
    let string = |key: &str, required: bool| -> Result<Option<(String, usize)>, ClaimError> {
        match doc.get(key) {
            None if required => Err(at(0, format!("missing key `{key}`"))),
            None => Ok(None),
            Some(item) => match item.as_str() {
                Some(s) => Ok(Some((s.to_string(), string_start(text, item)))),
                None => Err(at(span_of(item), format!("`{key}` must be a string"))),
            },
        }
    };
    let (id, id_at) = string("id", true)?.expect("required");
    let (title, _) = string("title", true)?.expect("required");
    let (source, _) = string("source", true)?.expect("required");
    let (model_name, model_at) = string("model", true)?.expect("required");
    let model = models::find(&model_name).map_err(|e| at(model_at, e.to_string()))?;
    let expect = match string("expect", false)? {
        None => Expect::Holds,
        Some((s, offset)) => [
            Expect::Holds,
            Expect::Proved,
            Expect::Verified,
            Expect::Witnessed,
            Expect::Refuted,
        ]
        .into_iter()
        .find(|e| e.name() == s)
        .ok_or_else(|| {
            at(
                offset,
                format!("expect = {s:?}: must be holds, proved, verified, witnessed or refuted"),
            )
        })?,
    };
    let method = method_of(&doc, model, &at)?;
    let table = param_table(&doc, "params", model, &at)?;
    if method.outside == Outside::Error {
        for (name, domain, offset) in &table {
            check_range(model, name, domain).map_err(|message| {
                at(
                    *offset,
                    format!("{message}; narrow the range, or set [method] outside = \"skip\" to skip the points outside (they are counted)"),
                )
            })?;
        }
    }
    // A range sets every value it ranges over: another entry for one of them would be dropped.
    for (k, (name, domain, offset)) in table.iter().enumerate() {
        for (other, other_domain, _) in &table[..k] {
            let ranged = matches!(domain, Domain::Range { .. })
                || matches!(other_domain, Domain::Range { .. });
            if ranged && model.overlaps(name, other) {
                return Err(at(
                    *offset,
                    format!("{name} is given twice: it overlaps {other}, and one of them ranges"),
                ));
            }
        }
    }
    let mut starts = vec![("id".to_string(), id_at)];
    let params: Vec<(String, Domain)> = table
        .into_iter()
        .map(|(name, domain, offset)| {
            starts.push((format!("param.{name}"), offset));
            (name, domain)
        })
        .collect();
    let mut vars = Vec::new();
    if let Some(item) = doc.get("vars") {
        let table = item
            .as_table_like()
            .ok_or_else(|| at(span_of(item), "[vars] must be a table".into()))?;
        for (name, value) in table.iter() {
            let offset = span_of(value);
            if model.is_param(name) || is_output(model, name) {
                return Err(at(
                    offset,
                    format!("var {name} would hide the parameter or output of that name"),
                ));
            }
            let domain =
                domain_of(value).map_err(|reason| at(offset, format!("{name}: {reason}")))?;
            vars.push((name.to_string(), domain));
        }
    }
    let mut expression = |field: &str, source: &str, start: usize| -> Result<Expr, ClaimError> {
        starts.push((field.to_string(), start));
        parse(source).map_err(|e| at(start + e.offset, e.message))
    };
    let mut lets = Vec::new();
    if let Some(item) = doc.get("let") {
        let table = item
            .as_table_like()
            .ok_or_else(|| at(span_of(item), "[let] must be a table".into()))?;
        for (name, value) in table.iter() {
            let Some(source) = value.as_str() else {
                return Err(at(
                    span_of(value),
                    format!("let {name} must be a string expression"),
                ));
            };
            if model.is_param(name) || is_output(model, name) {
                return Err(at(
                    span_of(value),
                    format!("let {name} would hide the parameter or output of that name"),
                ));
            }
            if vars.iter().any(|(var, _)| var == name) {
                return Err(at(
                    span_of(value),
                    format!(
                        "let {name} has the name of a var, which would always be read in its place; call one of them otherwise"
                    ),
                ));
            }
            let e = expression(&format!("let.{name}"), source, string_start(text, value))?;
            lets.push((name.to_string(), e));
        }
    }
    let assume = match string("assume", false)? {
        Some((s, start)) => Some(expression("assume", &s, start)?),
        None => None,
    };
    let (claim_text, claim_start) = string("claim", true)?.expect("required");
    let claim = expression("claim", &claim_text, claim_start)?;
    let method_at = doc.get("method").map_or(0, span_of);
    let parsed = Claim {
        file: file.into(),
        id,
        title,
        source,
        model,
        expect,
        params,
        vars,
        lets,
        assume,
        claim,
        method,
        starts,
        text: text.to_string(),
    };
    // The sample points, counted before any is built: the grid over every range, the random
    // points, and the boundary refinement's at most 64 × 12.
    crate::limits::Limit::SamplePoints
        .check(
            parsed.sample_points().saturating_add(64 * 12),
            &format!(
                "[method] grid = {} over {} ranges and random = {}",
                parsed.method.grid,
                parsed.ranges(),
                parsed.method.random
            ),
        )
        .map_err(|e| at(method_at, e.to_string()))?;
    check_names(&parsed)?;
    Ok(parsed)
}

/// The `[section]` table of a claim or policy file as model parameters with their domains and
/// where each value starts (every problem located: an unknown name, a bad number or range).
pub(crate) fn param_table(
    doc: &toml_edit::Table,
    section: &str,
    model: &'static dyn Model,
    at: &dyn Fn(usize, String) -> ClaimError,
) -> Result<Vec<(String, Domain, usize)>, ClaimError> {
    let span_of = |item: &Item| item.span().map_or(0, |s| s.start);
    let Some(item) = doc.get(section) else {
        return Ok(Vec::new());
    };
    let table = item
        .as_table_like()
        .ok_or_else(|| at(span_of(item), format!("[{section}] must be a table")))?;
    let mut out = Vec::new();
    for (name, value) in table.iter() {
        let offset = span_of(value);
        let (spec, _) = model.resolve(name).map_err(|e| at(offset, e.to_string()))?;
        let text = value.as_value().and_then(|v| v.as_str());
        if model.is_text(spec.name)
            && let Some(text) = text
        {
            out.push((name.to_string(), Domain::Text(text.to_string()), offset));
            continue;
        }
        // A per-domain parameter may be given as one list for all domains (`r = "1,1"` or the
        // TOML array `r = [1, 1]`), read and checked exactly as the command line reads `r=1,1`.
        let array = value.as_array().filter(|_| model.is_per_domain(name));
        let listed = match array {
            Some(array) => Some(list_text(name, array, at)?),
            None => None,
        };
        if model.is_per_domain(name)
            && let Some(text) = text.filter(|t| t.trim_start().starts_with(['[', '(']))
        {
            return Err(at(
                offset,
                format!(
                    "{name} = {text:?}: a range covers one domain, so name it ({name}_1 = {text:?}); a list gives every domain's value ({name} = \"1,2\" or {name} = [1, 2])"
                ),
            ));
        }
        if model.is_per_domain(name)
            && let Some(text) = listed.as_deref().or(text.filter(|t| t.contains(',')))
        {
            Arguments::parse(model, &[format!("{name}={text}")])
                .map_err(|e| at(offset, in_file(name, e)))?;
            out.push((name.to_string(), Domain::Text(text.to_string()), offset));
            continue;
        }
        let domain = domain_of(value).map_err(|reason| {
            at(
                offset,
                format!("{name}: {reason}; {name} must be {}", spec.domain),
            )
        })?;
        // A fixed value is a game's parameter: checked against its domain here, as every
        // command checks it (the same message).
        if let Domain::Fixed(v) = &domain {
            model
                .check(name, v)
                .map_err(|e| at(offset, e.to_string()))?;
        }
        out.push((name.to_string(), domain, offset));
    }
    check_list_lengths(&out, model, at)?;
    Ok(out)
}

/// A list's error as a file names it: `r: 2 values for 3 domains …`, not the command line's
/// `invalid argument "r=1,1": …`.
fn in_file(name: &str, e: crate::error::Error) -> String {
    match e {
        crate::error::Error::InvalidArgument { reason, .. } => format!("{name}: {reason}"),
        other => other.to_string(),
    }
}

/// A TOML array given for a per-domain parameter (`r = [1, "3/2"]`) as the command line's list
/// text (`1,3/2`): each entry an integer or an exact number in a string, located when not.
fn list_text(
    name: &str,
    array: &toml_edit::Array,
    at: &dyn Fn(usize, String) -> ClaimError,
) -> Result<String, ClaimError> {
    let mut texts = Vec::new();
    for entry in array.iter() {
        let offset = entry.span().map_or(0, |s| s.start);
        match entry {
            Value::Integer(i) => texts.push(i.value().to_string()),
            Value::String(s) if !s.value().contains(',') => {
                // A bad number is located at its own entry (its domain is checked with the
                // whole list, as on the command line).
                let text = s.value().trim();
                parse_rational(text).map_err(|e| at(offset, format!("{name}: {e}")))?;
                texts.push(text.to_string());
            }
            Value::Float(_) => {
                return Err(at(
                    offset,
                    format!(
                        "{name}: floats are not exact; write the number as a string, e.g. \"0.1\" or \"1/10\""
                    ),
                ));
            }
            _ => {
                return Err(at(
                    offset,
                    format!(
                        "{name}: each entry of the list is one number (an integer, or a string such as \"3/2\")"
                    ),
                ));
            }
        }
    }
    if texts.is_empty() {
        return Err(at(
            array.span().map_or(0, |s| s.start),
            format!("{name}: the list is empty; give one value per domain"),
        ));
    }
    Ok(texts.join(","))
}

/// Every per-domain list has one entry per domain (the longest list, or the largest index
/// named) or one for all, as on the command line.
fn check_list_lengths(
    table: &[(String, Domain, usize)],
    model: &'static dyn Model,
    at: &dyn Fn(usize, String) -> ClaimError,
) -> Result<(), ClaimError> {
    let length = |name: &str, domain: &Domain| match (model.resolve(name), domain) {
        (Ok((_, Some(i))), _) => Some(i),
        (Ok((_, None)), Domain::Text(t)) if model.is_per_domain(name) => Some(t.split(',').count()),
        _ => None,
    };
    let n = table
        .iter()
        .filter_map(|(name, domain, _)| length(name, domain))
        .max()
        .unwrap_or(1);
    for (name, domain, offset) in table {
        if let Domain::Text(text) = domain
            && model.is_per_domain(name)
        {
            let args = Arguments::parse(model, &[format!("{name}={text}")])
                .map_err(|e| at(*offset, in_file(name, e)))?;
            args.list(name, n)
                .map_err(|e| at(*offset, in_file(name, e)))?;
        }
    }
    Ok(())
}

/// An error message unless a range lies inside its parameter's domain (a fixed value was
/// checked when read).
pub(crate) fn check_range(model: &ModelInfo, name: &str, domain: &Domain) -> Result<(), String> {
    let Domain::Range {
        lo,
        hi,
        lo_closed,
        hi_closed,
    } = domain
    else {
        return Ok(());
    };
    let (spec, _) = model.resolve(name).map_err(|e| e.to_string())?;
    if spec.domain.contains_range(lo, *lo_closed, hi, *hi_closed) {
        return Ok(());
    }
    let range = format!(
        "{}{lo}, {hi}{}",
        if *lo_closed { '[' } else { '(' },
        if *hi_closed { ']' } else { ')' }
    );
    Err(format!(
        "{name} = {range} reaches outside its domain ({})",
        spec.domain
    ))
}

/// Where the expression inside a string value starts (after its opening quotes).
pub(crate) fn string_start(text: &str, item: &Item) -> usize {
    let Some(span) = item.span() else { return 0 };
    let raw = &text[span.start..];
    if raw.starts_with("\"\"\"") || raw.starts_with("'''") {
        let after = span.start + 3;
        // A newline right after the opening quotes is not part of the string.
        match text[after..].chars().next() {
            Some('\n') => after + 1,
            Some('\r') => after + 2,
            _ => after,
        }
    } else {
        span.start + 1
    }
}

pub(crate) fn domain_of(item: &Item) -> Result<Domain, String> {
    let value = item.as_value().ok_or("expected a value")?;
    let text = match value {
        Value::Integer(i) => return Ok(Domain::Fixed(Rational::from(*i.value()))),
        Value::Float(_) => {
            return Err(
                "floats are not exact; write the number as a string, e.g. \"0.1\" or \"1/10\""
                    .into(),
            );
        }
        Value::String(s) => s.value().trim().to_string(),
        _ => return Err("expected a number or a range string such as \"[0, 1]\"".into()),
    };
    let (first, last) = (text.chars().next(), text.chars().last());
    if !matches!(first, Some('[' | '(')) {
        return parse_rational(&text)
            .map(Domain::Fixed)
            .map_err(|e| e.to_string());
    }
    let lo_closed = first == Some('[');
    let hi_closed = match last {
        Some(']') => true,
        Some(')') => false,
        _ => return Err(format!("the range {text:?} must end with ] or )")),
    };
    let inner = &text[1..text.len() - 1];
    let (lo, hi) = inner
        .split_once(',')
        .ok_or_else(|| format!("the range {text:?} must be \"[lo, hi]\""))?;
    let lo = parse_rational(lo).map_err(|e| e.to_string())?;
    let hi = parse_rational(hi).map_err(|e| e.to_string())?;
    if lo > hi || (lo == hi && !(lo_closed && hi_closed)) {
        return Err(format!("the range {text:?} is empty"));
    }
    Ok(Domain::Range {
        lo,
        hi,
        lo_closed,
        hi_closed,
    })
}

fn method_of(
    doc: &toml_edit::Table,
    model: &dyn Model,
    at: &dyn Fn(usize, String) -> ClaimError,
) -> Result<Method, ClaimError> {
    let mut method = Method::default();
    let Some(item) = doc.get("method") else {
        return Ok(method);
    };
    let span_of = |item: &Item| item.span().map_or(0, |s| s.start);
    let table = item
        .as_table_like()
        .ok_or_else(|| at(span_of(item), "[method] must be a table".into()))?;
    for (key, value) in table.iter() {
        let offset = span_of(value);
        let count = |max: i64| -> Result<i64, ClaimError> {
            match value.as_integer() {
                Some(n) if (0..=max).contains(&n) => Ok(n),
                _ => Err(at(
                    offset,
                    format!("{key} must be an integer from 0 to {max}"),
                )),
            }
        };
        let flag = || -> Result<bool, ClaimError> {
            value
                .as_bool()
                .ok_or_else(|| at(offset, format!("{key} must be true or false")))
        };
        match key {
            "grid" => method.grid = count(64)? as usize,
            "random" => method.random = count(100_000)? as usize,
            "seed" => method.seed = count(i64::MAX)? as u64,
            "prove" => method.prove = flag()?,
            "refine" => method.refine = flag()?,
            "outside" => {
                method.outside = match value.as_str() {
                    Some("error") => Outside::Error,
                    Some("skip") => Outside::Skip,
                    _ => {
                        return Err(at(
                            offset,
                            "outside must be \"error\" (a range reaching outside the model's domain is refused) or \"skip\" (such points are skipped and counted)".into(),
                        ));
                    }
                }
            }
            "theorem" => {
                let name = value.as_str().unwrap_or("");
                let known = model.theorems();
                if !known.contains(&name) {
                    return Err(at(
                        offset,
                        if known.is_empty() {
                            format!("{} has no named theorems", model.name)
                        } else {
                            format!("theorem must be one of {}", known.join(", "))
                        },
                    ));
                }
                method.theorem = Some(name.to_string());
            }
            _ => {
                return Err(at(
                    span_of(value),
                    format!(
                        "unknown method option `{key}`; the options are grid, random, seed, prove, refine, theorem, outside"
                    ),
                ));
            }
        }
    }
    Ok(method)
}

/// Every name must be a bound variable, a `let` name, a parameter or an output.
fn check_names(claim: &Claim) -> Result<(), ClaimError> {
    let lets: HashSet<&str> = claim
        .lets
        .iter()
        .map(|(n, _)| n.as_str())
        .chain(claim.vars.iter().map(|(n, _)| n.as_str()))
        .collect();
    let model = claim.model;
    let check = |field: &str, expr: &Expr| -> Result<(), ClaimError> {
        match first_unknown_name(model, &lets, expr) {
            Some(problem) => Err(claim.locate(field, &problem)),
            None => Ok(()),
        }
    };
    for (name, expr) in &claim.lets {
        check(&format!("let.{name}"), expr)?;
    }
    if let Some(a) = &claim.assume {
        check("assume", a)?;
    }
    check("claim", &claim.claim)?;
    let lets: Vec<(&str, &Expr)> = claim.lets.iter().map(|(n, e)| (n.as_str(), e)).collect();
    // Every expression of the file, with the field that locates it.
    let fields: Vec<(String, &Expr)> = claim
        .lets
        .iter()
        .map(|(n, e)| (format!("let.{n}"), e))
        .chain(claim.assume.iter().map(|a| ("assume".to_string(), a)))
        .chain(std::iter::once(("claim".to_string(), &claim.claim)))
        .collect();
    // First, since the checks below follow let names as evaluation does.
    for (field, expr) in &fields {
        check_nesting_through_lets(&lets, expr).map_err(|(in_let, l)| {
            let field = in_let.map_or(field.clone(), |name| format!("let.{name}"));
            claim.locate(&field, &l)
        })?;
    }
    let known: HashSet<&str> = lets
        .iter()
        .map(|(n, _)| *n)
        .chain(claim.vars.iter().map(|(n, _)| n.as_str()))
        .collect();
    for (field, expr) in &fields {
        check_labels(model, &lets, expr).map_err(|l| claim.locate(field, &l))?;
        check_solves(model, expr).map_err(|l| claim.locate(field, &l))?;
        check_binders(model, &known, expr).map_err(|l| claim.locate(field, &l))?;
    }
    // Each exists its own variable: an inner one of an outer's name would hide it, and the
    // report names each witness by its variable.
    let mut bound: Vec<String> = Vec::new();
    for (field, expr) in &fields {
        let mut again = None;
        expr.visit(&mut |e: &Expr| {
            if let Kind::Exists { name, .. } = &e.kind {
                if bound.contains(name) {
                    again.get_or_insert(Located {
                        offset: e.offset,
                        message: format!(
                            "exists {name}: the claim binds {name} in another exists already; give each exists its own variable"
                        ),
                    });
                }
                bound.push(name.clone());
            }
        });
        if let Some(l) = again {
            return Err(claim.locate(field, &l));
        }
    }
    let conditions = claim
        .assume
        .iter()
        .map(|a| ("assume", a, Some("in `assume`")))
        .chain([("claim", &claim.claim, None)]);
    for (field, expr, negated) in conditions {
        check_exists_asserted(&lets, expr, negated).map_err(|(in_let, l)| {
            let field = in_let.map_or(field.to_string(), |name| format!("let.{name}"));
            claim.locate(&field, &l)
        })?;
    }
    Ok(())
}

/// No `exists` variable takes the name of a parameter, an output or one of `known` (`let`
/// names and vars): the body would read the variable where the name means the other (refused
/// as `[vars]` and `[let]` are).
pub(crate) fn check_binders(
    model: &ModelInfo,
    known: &HashSet<&str>,
    expr: &Expr,
) -> Result<(), Located> {
    let mut problem = None;
    expr.visit(&mut |e: &Expr| {
        let Kind::Exists { name, .. } = &e.kind else {
            return;
        };
        let what = if model.is_param(name) {
            "parameter"
        } else if is_output(model, name) {
            "output"
        } else if known.contains(name.as_str()) {
            "let or var"
        } else {
            return;
        };
        problem.get_or_insert(Located {
            offset: e.offset,
            message: format!(
                "exists {name} would hide the {what} of that name; call the variable otherwise"
            ),
        });
    });
    problem.map_or(Ok(()), Err)
}

/// Where an expression stands, for [`check_exists_asserted`].
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
enum Place {
    Asserted,
    /// Under an odd number of negations: why (`under \`not\``).
    Negated(&'static str),
    /// Where no `exists` may stand at all (inside a value, in `assume`): why.
    Nowhere(&'static str),
}

/// How deep `let` names may be read through one another (as in the prover and evaluation).
pub(crate) const LET_DEPTH: usize = 64;

/// Every `exists` is asserted: never under `not`, on the left of `implies`, in `assume` or inside
/// a value, read directly or through `let` names. The witness search shows that a value exists
/// and never that none does, so a search that fails counts as undecided; negated, its failure
/// would read as a truth. `negated` says why the whole expression is a condition (`in
/// \`assume\``), if it is one. The error names the `let` it is in, if any.
pub(crate) fn check_exists_asserted(
    lets: &[(&str, &Expr)],
    expr: &Expr,
    negated: Option<&'static str>,
) -> Result<(), (Option<String>, Located)> {
    let place = negated.map_or(Place::Asserted, Place::Nowhere);
    walk_exists(lets, expr, place, &mut Vec::new(), &mut HashSet::new())
}

const VALUE: Place = Place::Nowhere("inside a value");

fn walk_exists<'e>(
    lets: &[(&'e str, &'e Expr)],
    e: &'e Expr,
    place: Place,
    reading: &mut Vec<&'e str>,
    walked: &mut HashSet<(&'e str, Place)>,
) -> Result<(), (Option<String>, Located)> {
    let flip = |why| match place {
        Place::Asserted => Place::Negated(why),
        Place::Negated(_) => Place::Asserted,
        nowhere => nowhere,
    };
    let mut walk = |e: &'e Expr, place: Place| walk_exists(lets, e, place, reading, walked);
    match &e.kind {
        Kind::Number(_) | Kind::Label(_) | Kind::Bool(_) => Ok(()),
        Kind::Path(p) => {
            let Some(&(name, expr)) = lets.iter().find(|(n, _)| n == p) else {
                return Ok(());
            };
            // A let read inside itself is an error at evaluation; one walked already from
            // this place has nothing new to say.
            if reading.contains(&name) || !walked.insert((name, place)) {
                return Ok(());
            }
            if reading.len() > LET_DEPTH {
                return Err((
                    reading.last().map(|l| l.to_string()),
                    Located {
                        offset: e.offset,
                        message: format!(
                            "let names are read through more than {LET_DEPTH} others here; write the expression with fewer"
                        ),
                    },
                ));
            }
            reading.push(name);
            let found = walk_exists(lets, expr, place, reading, walked);
            reading.pop();
            found
        }
        Kind::Exists {
            name, lo, hi, body, ..
        } => {
            let why = match place {
                Place::Asserted => {
                    walk(lo, VALUE)?;
                    walk(hi, VALUE)?;
                    return walk(body, Place::Asserted);
                }
                Place::Negated(why) | Place::Nowhere(why) => why,
            };
            let through = reading
                .last()
                .map(|l| format!(" where let {l} is read"))
                .unwrap_or_default();
            Err((
                reading.last().map(|l| l.to_string()),
                Located {
                    offset: e.offset,
                    message: format!(
                        "exists {name} stands {why}{through}: a witness search can show that a \
                         value exists, never that none does, so its failure would read as a \
                         truth there; assert it instead (outside `not`, `assume` and the left of \
                         `implies`)"
                    ),
                },
            ))
        }
        Kind::Not(a) => walk(a, flip("under `not`")),
        Kind::Implies(a, b) => {
            walk(a, flip("on the left of `implies`"))?;
            walk(b, place)
        }
        Kind::And(a, b) | Kind::Or(a, b) => {
            walk(a, place)?;
            walk(b, place)
        }
        Kind::Neg(a) | Kind::Pow(a, _) => walk(a, VALUE),
        Kind::Arith(_, a, b) => {
            walk(a, VALUE)?;
            walk(b, VALUE)
        }
        Kind::Call(_, items) | Kind::Compare(items, _) => {
            items.iter().try_for_each(|i| walk(i, VALUE))
        }
        Kind::Solve(args, _) => args.iter().try_for_each(|(_, _, a)| walk(a, VALUE)),
    }
}

/// How deep the expression nests when every `let` name it reads is written out: refused past
/// [`Limit::Nesting`], as one expression that deep is (evaluation follows the names).
/// Returns where the limit was passed.
pub(crate) fn check_nesting_through_lets(
    lets: &[(&str, &Expr)],
    expr: &Expr,
) -> Result<(), (Option<String>, Located)> {
    /// The deepest level reached, or where (the let it is in, the offset) the limit was passed.
    fn depth<'e>(
        lets: &[(&'e str, &'e Expr)],
        e: &'e Expr,
        at: usize,
        memo: &mut HashMap<&'e str, usize>,
        reading: &mut Vec<&'e str>,
    ) -> Result<usize, (Option<&'e str>, usize)> {
        let passed = |reading: &[&'e str]| (reading.last().copied(), e.offset);
        if at > Limit::Nesting.value() {
            return Err(passed(reading));
        }
        match &e.kind {
            Kind::Path(p) => {
                let Some(&(name, body)) = lets.iter().find(|(n, _)| n == p) else {
                    return Ok(at);
                };
                if reading.contains(&name) {
                    return Ok(at);
                }
                if let Some(d) = memo.get(name) {
                    if at + d > Limit::Nesting.value() {
                        return Err(passed(reading));
                    }
                    return Ok(at + d);
                }
                reading.push(name);
                let found = depth(lets, body, at + 1, memo, reading);
                reading.pop();
                let found = found?;
                memo.insert(name, found - at);
                Ok(found)
            }
            _ => {
                let mut deepest = at;
                for child in e.children() {
                    deepest = deepest.max(depth(lets, child, at + 1, memo, reading)?);
                }
                Ok(deepest)
            }
        }
    }
    match depth(lets, expr, 0, &mut HashMap::new(), &mut Vec::new()) {
        Ok(_) => Ok(()),
        Err((in_let, offset)) => Err((
            in_let.map(str::to_string),
            Located {
                offset,
                message: Limit::Nesting
                    .check(
                        Limit::Nesting.value() + 1,
                        "the expression with its let names written out",
                    )
                    .unwrap_err()
                    .to_string(),
            },
        )),
    }
}

/// Whether the expression reads an `exists`, directly or through `let` names.
pub(crate) fn reads_exists(lets: &[(String, Expr)], expr: &Expr) -> bool {
    let lets: Vec<(&str, &Expr)> = lets.iter().map(|(n, e)| (n.as_str(), e)).collect();
    let mut found = false;
    let mut pending = vec![expr];
    let mut seen: HashSet<&str> = HashSet::new();
    while let Some(e) = pending.pop() {
        e.visit(&mut |node: &Expr| match &node.kind {
            Kind::Exists { .. } => found = true,
            Kind::Path(p) => {
                if let Some(&(name, expr)) = lets.iter().find(|(n, _)| n == p)
                    && seen.insert(name)
                {
                    pending.push(expr);
                }
            }
            _ => {}
        });
    }
    found
}

/// Every `solve(...)` sets each parameter once, and a value written as a number lies in the
/// parameter's domain: checked at load, since `or`, `and` and `implies` may never evaluate it.
pub(crate) fn check_solves(model: &ModelInfo, expr: &Expr) -> Result<(), Located> {
    let mut problem = None;
    expr.visit(&mut |e: &Expr| {
        let Kind::Solve(assignments, _) = &e.kind else {
            return;
        };
        for (k, (name, at, value)) in assignments.iter().enumerate() {
            let fail = |message: String| Located {
                offset: *at,
                message,
            };
            let found = if let Some((earlier, _, _)) = assignments[..k]
                .iter()
                .find(|(other, _, _)| model.overlaps(other, name))
            {
                Some(fail(format!(
                    "{name} is given twice in solve(...) (with {earlier}); each parameter once"
                )))
            } else {
                match (&value.kind, value.constant()) {
                    (_, Some(r)) if model.is_param(name) => {
                        model.check(name, &r).err().map(|e| fail(e.to_string()))
                    }
                    (Kind::Label(l), _) => Some(fail(format!(
                        "{name} = \"{l}\": solve(...) sets numeric parameters only"
                    ))),
                    _ => None,
                }
            };
            if problem.is_none() {
                problem = found;
            }
        }
    });
    problem.map_or(Ok(()), Err)
}

/// The first name in `expr` (by position) that is neither bound by a quantifier, in `known`
/// (`let` names and variables), a parameter nor an output of `model`; `solve(...)` arguments
/// must be parameters and what is read from a solve an output.
pub(crate) fn first_unknown_name(
    model: &ModelInfo,
    known: &HashSet<&str>,
    expr: &Expr,
) -> Option<Located> {
    let params: Vec<&str> = model.params.iter().map(|p| p.name).collect();
    let problems = std::cell::RefCell::new(Vec::new());
    walk(
        expr,
        &mut Vec::new(),
        &mut |name: &str, offset: usize, bound: &[String]| {
            let ok = bound.iter().any(|b| b == name)
                || known.contains(name)
                || model.is_param(name)
                || is_output(model, name);
            if !ok {
                problems
                    .borrow_mut()
                    .push((offset, unknown(model, name, &params)));
            }
        },
        &mut |name: &str, offset: usize, is_param: bool| {
            if is_param && !model.is_param(name) {
                problems.borrow_mut().push((
                    offset,
                    format!(
                        "unknown parameter `{name}` in solve(...); the parameters of {} are {}",
                        model.name,
                        params.join(", ")
                    ),
                ));
            } else if !is_param && !is_output(model, name) {
                problems
                    .borrow_mut()
                    .push((offset, unknown(model, name, &[])));
            }
        },
    );
    let first = problems.into_inner().into_iter().min_by_key(|p| p.0);
    first.map(|(offset, message)| Located { offset, message })
}

/// What a compared expression is, as far as the file alone tells: a label (the labels it can
/// take, and the literal when it is one), a truth value, a number, or not known.
enum Ty {
    Label {
        name: String,
        labels: Vec<String>,
        literal: Option<String>,
    },
    Flag(String),
    Num(String),
    Unknown,
}

fn type_of(model: &ModelInfo, lets: &[(&str, &Expr)], e: &Expr, depth: usize) -> Ty {
    use super::outputs::{is_flag, is_output, labels_of};
    let output = |name: String, path: &str| {
        if let Some(labels) = labels_of(model, path) {
            Ty::Label {
                name,
                labels,
                literal: None,
            }
        } else if is_flag(model, path) {
            Ty::Flag(name)
        } else if is_output(model, path) {
            Ty::Num(name)
        } else {
            Ty::Unknown
        }
    };
    match &e.kind {
        Kind::Label(text) => Ty::Label {
            name: format!("{text:?}"),
            labels: vec![text.clone()],
            literal: Some(text.clone()),
        },
        Kind::Bool(b) => Ty::Flag(b.to_string()),
        Kind::Number(n) => Ty::Num(n.to_string()),
        Kind::Path(p) => {
            if let Some((_, expr)) = lets.iter().find(|(n, _)| n == p) {
                if depth >= 64 {
                    return Ty::Unknown;
                }
                return match type_of(model, lets, expr, depth + 1) {
                    Ty::Label {
                        labels, literal, ..
                    } => Ty::Label {
                        name: p.clone(),
                        labels,
                        literal,
                    },
                    Ty::Flag(_) => Ty::Flag(p.clone()),
                    Ty::Num(_) => Ty::Num(p.clone()),
                    Ty::Unknown => Ty::Unknown,
                };
            }
            if let Some(choices) = model.choices(p) {
                return Ty::Label {
                    name: p.clone(),
                    labels: choices.iter().map(|c| c.to_string()).collect(),
                    literal: None,
                };
            }
            if model.is_param(p) {
                return Ty::Num(p.clone());
            }
            output(p.clone(), p)
        }
        Kind::Solve(_, path) => output(format!("solve(...).{path}"), path),
        Kind::Neg(_) | Kind::Arith(..) | Kind::Pow(..) | Kind::Call(..) => {
            Ty::Num("a number".into())
        }
        Kind::Compare(..)
        | Kind::Not(_)
        | Kind::And(..)
        | Kind::Or(..)
        | Kind::Implies(..)
        | Kind::Exists { .. } => Ty::Flag("the condition".into()),
    }
}

/// Every comparison must be able to hold: a label output against a label it can take, labels
/// against labels, truth values against truth values, numbers against numbers — a typo or a
/// mix-up is an error at load, not a comparison that is silently always true or false.
pub(crate) fn check_labels(
    model: &ModelInfo,
    lets: &[(&str, &Expr)],
    expr: &Expr,
) -> Result<(), Located> {
    let mut problem = None;
    expr.visit(&mut |e: &Expr| {
        let Kind::Compare(items, _) = &e.kind else {
            return;
        };
        for pair in items.windows(2) {
            if problem.is_some() {
                return;
            }
            let (a, b) = (
                type_of(model, lets, &pair[0], 0),
                type_of(model, lets, &pair[1], 0),
            );
            let at = |offset: usize, message: String| Some(Located { offset, message });
            problem = match (&a, &b) {
                (
                    Ty::Label {
                        name,
                        labels,
                        literal: None,
                    },
                    Ty::Label {
                        literal: Some(text),
                        ..
                    },
                ) if !labels.contains(text) => at(
                    pair[1].offset,
                    format!(
                        "{name} cannot be {text:?}: its labels are {}",
                        labels.join(", ")
                    ),
                ),
                (
                    Ty::Label {
                        literal: Some(text),
                        ..
                    },
                    Ty::Label {
                        name,
                        labels,
                        literal: None,
                    },
                ) if !labels.contains(text) => at(
                    pair[0].offset,
                    format!(
                        "{name} cannot be {text:?}: its labels are {}",
                        labels.join(", ")
                    ),
                ),
                (
                    Ty::Label {
                        name: n1,
                        labels: l1,
                        ..
                    },
                    Ty::Label {
                        name: n2,
                        labels: l2,
                        ..
                    },
                ) if !l1.iter().any(|l| l2.contains(l)) => at(
                    pair[1].offset,
                    format!(
                        "{n1} and {n2} can never be equal: {n1} is one of {}, {n2} one of {}",
                        l1.join(", "),
                        l2.join(", ")
                    ),
                ),
                (Ty::Flag(f), Ty::Label { name, .. }) | (Ty::Label { name, .. }, Ty::Flag(f)) => {
                    at(
                        pair[1].offset,
                        format!(
                            "{f} is a truth value (true or false) and {name} a label: compare a truth value with true or false"
                        ),
                    )
                }
                (Ty::Num(n), Ty::Label { name, .. }) | (Ty::Label { name, .. }, Ty::Num(n)) => at(
                    pair[1].offset,
                    format!("{n} is a number and {name} a label: they cannot be compared"),
                ),
                (Ty::Num(n), Ty::Flag(f)) | (Ty::Flag(f), Ty::Num(n)) => at(
                    pair[1].offset,
                    format!("{n} is a number and {f} a truth value: they cannot be compared"),
                ),
                _ => None,
            };
        }
    });
    problem.map_or(Ok(()), Err)
}

/// Visits every path (with the variables bound there) and every `solve` parameter and output.
fn walk(
    expr: &Expr,
    bound: &mut Vec<String>,
    path: &mut dyn FnMut(&str, usize, &[String]),
    solve: &mut dyn FnMut(&str, usize, bool),
) {
    match &expr.kind {
        Kind::Number(_) | Kind::Label(_) | Kind::Bool(_) => {}
        Kind::Path(p) => path(p, expr.offset, bound),
        Kind::Solve(args, output) => {
            for (name, at, value) in args {
                solve(name, *at, true);
                walk(value, bound, path, solve);
            }
            solve(output, expr.offset, false);
        }
        Kind::Neg(a) | Kind::Pow(a, _) | Kind::Not(a) => walk(a, bound, path, solve),
        Kind::Arith(_, a, b) | Kind::And(a, b) | Kind::Or(a, b) | Kind::Implies(a, b) => {
            walk(a, bound, path, solve);
            walk(b, bound, path, solve);
        }
        Kind::Call(_, items) | Kind::Compare(items, _) => {
            for item in items {
                walk(item, bound, path, solve);
            }
        }
        Kind::Exists {
            name, lo, hi, body, ..
        } => {
            walk(lo, bound, path, solve);
            walk(hi, bound, path, solve);
            bound.push(name.clone());
            walk(body, bound, path, solve);
            bound.pop();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const GOOD: &str = r#"id = "t"
title = "t"
source = "s"
model = "fine_tuning"
claim = 'nash.delta > 0'

[params]
c0 = 1
c1 = "(0, 4]"
"#;

    #[test]
    fn a_good_claim_parses() {
        let c = parse_claim("t.toml", GOOD).unwrap();
        assert_eq!(c.params.len(), 2);
        assert!(matches!(
            c.params[1].1,
            Domain::Range {
                lo_closed: false,
                hi_closed: true,
                ..
            }
        ));
        assert_eq!(c.expect, Expect::Holds);
    }

    #[test]
    fn an_unknown_output_read_from_a_solve_lists_the_outputs_alone() {
        let bad = GOOD.replace("nash.delta > 0", "solve(c1 = 1).nope > 0");
        let e = parse_claim("t.toml", &bad).unwrap_err();
        assert!(
            e.message
                .starts_with("unknown output `nope` of fine_tuning; the outputs are "),
            "{}",
            e.message
        );
        assert!(!e.message.contains("parameters"), "{}", e.message);
    }

    #[test]
    fn an_exists_variable_may_not_hide_a_name() {
        let with = |claim: &str| GOOD.replace("nash.delta > 0", claim);
        let e = parse_claim("t.toml", &with("exists c1 in (0, 1): c1 > 0")).unwrap_err();
        assert_eq!((e.line, e.column), (5, 10));
        assert!(
            e.message.contains("would hide the parameter"),
            "{}",
            e.message
        );
        let shadow = GOOD
            .replace("model = \"fine_tuning\"", "model = \"competition\"")
            .replace("nash.delta > 0", "exists e in (0, 1): e > 1/2")
            .replace("c0 = 1\nc1 = \"(0, 4]\"\n", "");
        let e = parse_claim("t.toml", &shadow).unwrap_err();
        assert!(
            e.message.contains("exists e would hide the output"),
            "{}",
            e.message
        );
        let fine = shadow.replace(
            "exists e in (0, 1): e > 1/2",
            "exists eps in (0, 1): eps < e",
        );
        assert!(parse_claim("t.toml", &fine).is_ok());
    }

    #[test]
    fn problems_are_located() {
        let bad = GOOD.replace("nash.delta > 0", "nash.dleta > 0");
        let e = parse_claim("t.toml", &bad).unwrap_err();
        assert_eq!((e.line, e.column), (5, 10));
        assert!(
            e.message.contains("nash.delta"),
            "lists the outputs: {}",
            e.message
        );
        let bad = GOOD.replace("nash.delta > 0", "nash.delta >");
        let e = parse_claim("t.toml", &bad).unwrap_err();
        assert_eq!((e.line, e.column), (5, 22));
        let bad = GOOD.replace("c1 = \"(0, 4]\"", "c1 = 0.5");
        let e = parse_claim("t.toml", &bad).unwrap_err();
        assert_eq!(e.line, 9);
        assert!(e.message.contains("floats are not exact"));
        let e = parse_claim("t.toml", "id = \"x\"\nmodel = [").unwrap_err();
        assert_eq!(e.line, 2);
        assert!(e.message.starts_with("malformed TOML"));
    }
}
