//! What `gpai solve fine_tuning …` shows: the equilibrium at one share, its performances, utilities and strategies.

use crate::exact::{Algebraic, Value};
use crate::models::solve_report::{
    Block, Entry, Node, Piece, SolveReport, Table, body, line, words,
};

use super::bargain::Solution;
use super::{Bargain, Equilibrium, Params};

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

/// The report.
pub fn report(params: &Params, spe: &Equilibrium) -> SolveReport {
    let quantities = [
        ("alpha0", &spe.alpha0),
        ("alpha1", &spe.alpha1),
        ("u_g", &spe.u_g),
        ("u_d", &spe.u_d),
    ];
    let mut rows: Vec<(String, Entry)> = quantities
        .iter()
        .map(|(n, a)| (n.to_string(), Entry::Value(Value::Exact((*a).clone()))))
        .collect();
    rows.push(("generalist".into(), Entry::Word(spe.generalist.to_string())));
    rows.push(("specialist".into(), Entry::Word(spe.specialist.to_string())));
    let title = format!(
        "fine_tuning equilibrium at delta = {} ({})",
        spe.delta,
        params_text(params)
    );
    let mut json = vec![
        ("model".to_string(), Node::text(super::regimes::INFO.name)),
        (
            "params".to_string(),
            Node::object([
                ("c0", Node::text(params.c0())),
                ("c1", Node::text(params.c1())),
                ("r", Node::text(params.r())),
                ("k0", Node::Int(i64::from(params.k0()))),
                ("k1", Node::Int(i64::from(params.k1()))),
            ]),
        ),
        ("delta".to_string(), Node::text(&spe.delta)),
        ("generalist".to_string(), Node::text(spe.generalist)),
        ("specialist".to_string(), Node::text(spe.specialist)),
        ("ties".to_string(), Node::Ties(spe.ties.clone())),
    ];
    for (name, a) in quantities {
        json.push((name.to_string(), Node::Value(Value::Exact(a.clone()))));
    }
    SolveReport {
        variable: "x",
        body: body(
            vec![line(title.clone())],
            Table::Named {
                columns: vec!["exact"],
                rows: rows
                    .iter()
                    .map(|(n, e)| (n.clone(), vec![e.clone()]))
                    .collect(),
            },
            Vec::new(),
        ),
        latex_title: title,
        latex: rows,
        json: Node::Object(json),
        ties: spe.ties.clone(),
    }
}

/// A solution's values in the table's order.
fn cells(s: &Solution) -> [&Value; 6] {
    [&s.delta, &s.u_g, &s.u_d, &s.alpha0, &s.alpha1, &s.shortfall]
}

/// What `gpai bargain fine_tuning …` shows: the feasible and Pareto-optimal shares, every named
/// bargain exactly and in decimals, and the vertical monopoly.
pub fn bargain_report(params: &Params, b: &Bargain) -> SolveReport {
    let exact = |a: &Algebraic| Value::Exact(a.clone());
    let interval = |(lo, hi): &(Value, Value)| {
        vec![
            Piece::Text("[".into()),
            Piece::Exact(lo.clone()),
            Piece::Text(", ".into()),
            Piece::Exact(hi.clone()),
            Piece::Text("]".into()),
        ]
    };
    let table = |piece: fn(Value) -> Piece| Table::Free {
        header: words(&BARGAIN_COLUMNS),
        rows: b
            .solutions
            .iter()
            .map(|s| {
                std::iter::once(Piece::Text(s.name.into()))
                    .chain(cells(s).into_iter().map(|v| piece(v.clone())))
                    .collect()
            })
            .collect(),
    };
    let m = &b.vertical_monopoly;
    let mut blocks = vec![
        Block::Line(line(format!(
            "fine_tuning bargaining over delta ({})",
            params_text(params)
        ))),
        Block::Line([line("feasible shares [lo, hi]: "), interval(&b.feasible)].concat()),
        Block::Line(
            [
                line("Pareto set [lo, hi]: "),
                interval(&b.pareto),
                line("  (decimal: ["),
                vec![Piece::Decimal(b.pareto.0.clone())],
                line(", "),
                vec![Piece::Decimal(b.pareto.1.clone())],
                line("])"),
            ]
            .concat(),
        ),
        Block::Line(Vec::new()),
        Block::Line(line("exact:")),
        Block::Table(table(Piece::Exact)),
        Block::Line(Vec::new()),
        Block::Line(vec![
            Piece::Text("decimal (".into()),
            Piece::Digits,
            Piece::Text(" digits):".into()),
        ]),
        Block::Table(table(Piece::Decimal)),
        Block::Line(Vec::new()),
        Block::Line(vec![
            Piece::Text("vertical_monopoly (one integrated firm): alpha0 = ".into()),
            Piece::Exact(exact(&m.alpha0)),
            Piece::Text(", alpha1 = ".into()),
            Piece::Exact(exact(&m.alpha1)),
            Piece::Text(", joint = ".into()),
            Piece::Exact(exact(&m.joint)),
            Piece::Text(" (".into()),
            Piece::Decimal(exact(&m.joint)),
            Piece::Text(")".into()),
        ]),
    ];
    if b.solutions.iter().any(|s| s.u_g.as_exact().is_none()) {
        blocks.push(Block::Line(line(
            "in [a, b]: a certified enclosure, a rational interval proven to contain the value \
             (printed rounded outward; narrow it with --width)",
        )));
    }
    let ends = |(lo, hi): &(Value, Value)| {
        Node::object([
            ("lo", Node::Value(lo.clone())),
            ("hi", Node::Value(hi.clone())),
        ])
    };
    let solutions = b
        .solutions
        .iter()
        .map(|s| {
            let fields = BARGAIN_COLUMNS[1..]
                .iter()
                .zip(cells(s))
                .map(|(name, v)| (name.to_string(), Node::Value(v.clone())))
                .collect();
            (s.name.to_string(), Node::Object(fields))
        })
        .collect();
    let monopoly = [
        ("alpha0", &m.alpha0),
        ("alpha1", &m.alpha1),
        ("joint", &m.joint),
    ];
    let mut latex: Vec<(String, Entry)> = vec![
        ("feasible.lo".into(), Entry::Value(b.feasible.0.clone())),
        ("feasible.hi".into(), Entry::Value(b.feasible.1.clone())),
        ("pareto.lo".into(), Entry::Value(b.pareto.0.clone())),
        ("pareto.hi".into(), Entry::Value(b.pareto.1.clone())),
    ];
    for s in &b.solutions {
        for (field, value) in BARGAIN_COLUMNS[1..].iter().zip(cells(s)) {
            latex.push((format!("{}.{field}", s.name), Entry::Value(value.clone())));
        }
    }
    for (field, value) in monopoly {
        latex.push((
            format!("vertical_monopoly.{field}"),
            Entry::Value(exact(value)),
        ));
    }
    SolveReport {
        variable: "x",
        body: blocks,
        latex_title: "fine_tuning bargaining over delta".into(),
        latex,
        json: Node::object([
            ("model", Node::text(super::regimes::INFO.name)),
            (
                "params",
                Node::object([
                    ("c0", Node::text(params.c0())),
                    ("c1", Node::text(params.c1())),
                    ("r", Node::text(params.r())),
                    ("k0", Node::Int(params.k0().into())),
                    ("k1", Node::Int(params.k1().into())),
                ]),
            ),
            ("feasible", ends(&b.feasible)),
            ("pareto", ends(&b.pareto)),
            ("solutions", Node::Object(solutions)),
            ("ties", Node::Ties(b.ties.clone())),
            (
                "vertical_monopoly",
                Node::Object(
                    monopoly
                        .iter()
                        .map(|(n, v)| (n.to_string(), Node::Value(exact(v))))
                        .collect(),
                ),
            ),
        ]),
        ties: b.ties.clone(),
    }
}

const BARGAIN_COLUMNS: [&str; 7] = [
    "solution",
    "delta",
    "u_g",
    "u_d",
    "alpha0",
    "alpha1",
    "shortfall",
];
