//! What `gpai solve fine_tuning …` shows: the equilibrium at one share, its performances, utilities and strategies.

use crate::exact::Value;
use crate::models::solve_report::{Entry, Node, SolveReport, Table, line};

use super::{Equilibrium, Params};

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
        heading: vec![line(title.clone())],
        table: Table::Named {
            columns: vec!["exact"],
            rows: rows
                .iter()
                .map(|(n, e)| (n.clone(), vec![e.clone()]))
                .collect(),
        },
        footing: Vec::new(),
        latex_title: title,
        latex: rows,
        json: Node::Object(json),
        ties: spe.ties.clone(),
    }
}
