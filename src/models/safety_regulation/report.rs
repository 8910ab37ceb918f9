//! What `gpai solve safety_regulation …` shows: the regulated equilibrium beside the unregulated one, and the regime.

use crate::exact::Value;
use crate::models::solve_report::{Entry, Node, SolveReport, Table, body, line};

use super::{Costs, Equilibrium, Outcome, Params};

fn params_text(p: &Params) -> String {
    let m = |c: &Costs| format!("[[{}, {}], [{}, {}]]", c.aa, c.ab, c.ab, c.bb);
    format!(
        "C0 = {}, C1 = {}, r = ({}, {}), delta = {}, theta_g = {}, theta_d = {}",
        m(p.c0()),
        m(p.c1()),
        p.r_a(),
        p.r_b(),
        p.delta(),
        p.theta_g(),
        p.theta_d()
    )
}

/// Every output of one equilibrium, numbers first.
fn entries(e: &Equilibrium) -> Vec<(&'static str, Entry)> {
    let mut out: Vec<(&'static str, Entry)> = e.quantities()
        .into_iter()
        .map(|(n, a)| (n, Entry::Value(Value::Exact(a.clone()))))
        .collect();
    out.push(("g_strategy", Entry::Word(e.g_strategy.to_string())));
    out.push(("d_strategy", Entry::Word(e.d_strategy.to_string())));
    out.push(("paper_candidate", Entry::flag(e.paper_candidate)));
    out
}

fn equilibrium_json(e: &Equilibrium) -> Node {
    let mut items = vec![
        ("g_strategy".to_string(), Node::text(e.g_strategy)),
        ("d_strategy".to_string(), Node::text(e.d_strategy)),
        ("paper_candidate".to_string(), Node::Bool(e.paper_candidate)),
        ("ties".to_string(), Node::Ties(e.ties.clone())),
    ];
    for (name, value) in e.quantities() {
        items.push((name.to_string(), Node::Value(Value::Exact(value.clone()))));
    }
    Node::Object(items)
}

fn costs_json(c: &Costs) -> Node {
    let row = |a: &crate::exact::Rational, b: &crate::exact::Rational| {
        Node::List(vec![Node::text(a), Node::text(b)])
    };
    Node::List(vec![row(&c.aa, &c.ab), row(&c.ab, &c.bb)])
}

/// The report.
pub fn report(params: &Params, outcome: &Outcome) -> SolveReport {
    let (reg, unreg) = (&outcome.regulated, &outcome.unregulated);
    let yes = |b: bool| if b { "yes" } else { "no" };
    let rows = entries(reg)
        .into_iter()
        .zip(entries(unreg))
        .map(|((name, r), (_, u))| (name.to_string(), vec![r, u]))
        .collect();
    let mut latex: Vec<(String, Entry)> = Vec::new();
    for (prefix, e) in [("", reg), ("unregulated.", unreg)] {
        latex.extend(
            entries(e)
                .into_iter()
                .map(|(n, v)| (format!("{prefix}{n}"), v)),
        );
    }
    latex.push(("regime".into(), Entry::Word(outcome.regime.to_string())));
    latex.push(("backfire".into(), Entry::flag(outcome.backfire)));
    latex.push(("mutualism".into(), Entry::flag(outcome.mutualism)));
    SolveReport {
        variable: "x",
        body: body(
            vec![line(format!(
                "safety_regulation equilibrium ({})",
                params_text(params)
            ))],
            Table::Named {
                columns: vec!["regulated", "unregulated"],
                rows,
            },
            vec![line(format!(
                "regime: {} (backfire: {}, mutualism: {})",
                outcome.regime,
                yes(outcome.backfire),
                yes(outcome.mutualism)
            ))],
        ),
        latex_title: format!("safety_regulation equilibrium, {}", params_text(params)),
        latex,
        json: Node::object([
            ("model", Node::text(super::regimes::INFO.name)),
            (
                "params",
                Node::object([
                    ("c0", costs_json(params.c0())),
                    ("c1", costs_json(params.c1())),
                    (
                        "r",
                        Node::List(vec![Node::text(params.r_a()), Node::text(params.r_b())]),
                    ),
                    ("delta", Node::text(params.delta())),
                    ("theta_g", Node::text(params.theta_g())),
                    ("theta_d", Node::text(params.theta_d())),
                ]),
            ),
            ("regulated", equilibrium_json(reg)),
            ("unregulated", equilibrium_json(unreg)),
            ("regime", Node::text(outcome.regime)),
            ("backfire", Node::Bool(outcome.backfire)),
            ("mutualism", Node::Bool(outcome.mutualism)),
        ]),
        ties: outcome.ties(),
    }
}
