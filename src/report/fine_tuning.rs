//! The report of `gpai bargain fine_tuning …`: the feasible and Pareto-optimal shares and the named bargains.

use serde_json::{Value as Json, json};

use crate::exact::{Algebraic, Value};
use crate::models::fine_tuning::Params;
use crate::models::fine_tuning::bargain::{Bargain, Solution};

use super::Format;
use super::latex::{self, Cell};
use super::table;
use super::value::{decimal_text, exact_text, json_value};

fn params_text(params: &Params) -> String {
    format!(
        "c0 = {}, c1 = {}, r = {}, k0 = {}, k1 = {}",
        params.c0(),
        params.c1(),
        params.r(),
        params.k0(),
        params.k1()
    )
}

fn params_json(params: &Params) -> Json {
    json!({
        "c0": params.c0().to_string(),
        "c1": params.c1().to_string(),
        "r": params.r().to_string(),
        "k0": params.k0(),
        "k1": params.k1(),
    })
}

fn exact(a: &Algebraic) -> Value {
    Value::Exact(a.clone())
}

/// `gpai bargain fine_tuning …`.
pub fn render_bargain(params: &Params, bargain: &Bargain, format: Format, digits: usize) -> String {
    match format {
        Format::Table => bargain_table(params, bargain, digits),
        Format::Json => bargain_json(params, bargain, digits),
        Format::Latex => bargain_latex(bargain, digits),
    }
}

fn solution_cells(s: &Solution) -> [&Value; 6] {
    [&s.delta, &s.u_g, &s.u_d, &s.alpha0, &s.alpha1, &s.shortfall]
}

const COLUMNS: [&str; 7] = [
    "solution",
    "delta",
    "u_g",
    "u_d",
    "alpha0",
    "alpha1",
    "shortfall",
];

fn bargain_table(params: &Params, b: &Bargain, digits: usize) -> String {
    let interval = |(lo, hi): &(Value, Value)| {
        format!(
            "[{}, {}]",
            exact_text(lo, "x", digits),
            exact_text(hi, "x", digits)
        )
    };
    let mut out = format!(
        "fine_tuning bargaining over delta ({})\n",
        params_text(params)
    );
    out.push_str(&format!(
        "feasible shares [lo, hi]: {}\n",
        interval(&b.feasible)
    ));
    out.push_str(&format!(
        "Pareto set [lo, hi]: {}  (decimal: [{}, {}])\n\nexact:\n",
        interval(&b.pareto),
        decimal_text(&b.pareto.0, digits),
        decimal_text(&b.pareto.1, digits)
    ));
    let rows = |render: &dyn Fn(&Value) -> String| -> Vec<Vec<String>> {
        b.solutions
            .iter()
            .map(|s| {
                std::iter::once(s.name.to_string())
                    .chain(solution_cells(s).into_iter().map(render))
                    .collect()
            })
            .collect()
    };
    out.push_str(&table::render(
        &COLUMNS,
        &rows(&|v| exact_text(v, "x", digits)),
    ));
    out.push_str(&format!("\ndecimal ({digits} digits):\n"));
    out.push_str(&table::render(
        &COLUMNS,
        &rows(&|v| decimal_text(v, digits)),
    ));
    let m = &b.vertical_monopoly;
    out.push_str(&format!(
        "\nvertical_monopoly (one integrated firm): alpha0 = {}, alpha1 = {}, joint = {} ({})\n",
        exact_text(&exact(&m.alpha0), "x", digits),
        exact_text(&exact(&m.alpha1), "x", digits),
        exact_text(&exact(&m.joint), "x", digits),
        decimal_text(&exact(&m.joint), digits)
    ));
    if b.solutions.iter().any(|s| s.u_g.as_exact().is_none()) {
        out.push_str(
            "in [a, b]: a certified enclosure, a rational interval proven to contain the value \
             (printed rounded outward; narrow it with --width)\n",
        );
    }
    out
}

fn bargain_json(params: &Params, b: &Bargain, digits: usize) -> String {
    let v = |value: &Value| json_value(value, "x", digits);
    let mut solutions = serde_json::Map::new();
    for s in &b.solutions {
        let mut entry = serde_json::Map::new();
        for (name, value) in COLUMNS[1..].iter().zip(solution_cells(s)) {
            entry.insert(name.to_string(), v(value));
        }
        solutions.insert(s.name.to_string(), Json::Object(entry));
    }
    let m = &b.vertical_monopoly;
    let doc = json!({
        "model": "fine_tuning",
        "params": params_json(params),
        "feasible": {"lo": v(&b.feasible.0), "hi": v(&b.feasible.1)},
        "pareto": {"lo": v(&b.pareto.0), "hi": v(&b.pareto.1)},
        "solutions": solutions,
        "vertical_monopoly": {
            "alpha0": v(&exact(&m.alpha0)),
            "alpha1": v(&exact(&m.alpha1)),
            "joint": v(&exact(&m.joint)),
        },
    });
    pretty(&doc)
}

fn bargain_latex(b: &Bargain, digits: usize) -> String {
    let mut cells: Vec<(String, Cell)> = vec![
        ("feasible.lo".into(), Cell::Num(b.feasible.0.clone())),
        ("feasible.hi".into(), Cell::Num(b.feasible.1.clone())),
        ("pareto.lo".into(), Cell::Num(b.pareto.0.clone())),
        ("pareto.hi".into(), Cell::Num(b.pareto.1.clone())),
    ];
    for s in &b.solutions {
        for (field, value) in COLUMNS[1..].iter().zip(solution_cells(s)) {
            cells.push((format!("{}.{field}", s.name), Cell::Num(value.clone())));
        }
    }
    let m = &b.vertical_monopoly;
    for (field, value) in [
        ("alpha0", &m.alpha0),
        ("alpha1", &m.alpha1),
        ("joint", &m.joint),
    ] {
        cells.push((
            format!("vertical_monopoly.{field}"),
            Cell::Num(exact(value)),
        ));
    }
    latex::table("fine_tuning bargaining over delta", &cells, &[], digits)
}

fn pretty(doc: &Json) -> String {
    serde_json::to_string_pretty(doc).expect("a JSON value always serializes") + "\n"
}
