//! LaTeX for reports made of named values: a two-column `tabular` of names and exact values, ready to paste into a paper.

use crate::exact::Value;
use crate::models::tie::Tie;

use super::value::latex_text;

/// A cell of a named row: an exact or certified value, a word (a label, a yes/no), or nothing
/// (the output does not exist for this game).
pub enum Cell {
    Num(Value),
    Word(String),
    Missing,
}

/// A name as LaTeX text: `\texttt{u\_g}`.
pub fn name(n: &str) -> String {
    format!("\\texttt{{{}}}", escape(n))
}

/// Text with LaTeX's special characters escaped.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '_' | '&' | '%' | '$' | '#' | '{' | '}' => {
                out.push('\\');
                out.push(c);
            }
            '^' => out.push_str("\\^{}"),
            '~' => out.push_str("\\~{}"),
            '\\' => out.push_str("\\textbackslash{}"),
            _ => out.push(c),
        }
    }
    out
}

/// The rows as a `tabular`, headed by a comment naming what they are, followed by the ties
/// as comments.
pub fn table(title: &str, rows: &[(String, Cell)], ties: &[Tie], digits: usize) -> String {
    let mut out = format!("% {title}\n\\begin{{tabular}}{{ll}}\n");
    for (n, cell) in rows {
        let value = match cell {
            Cell::Num(v) => format!("${}$", latex_text(v, digits)),
            Cell::Word(w) => format!("\\texttt{{{}}}", escape(w)),
            Cell::Missing => "---".into(),
        };
        out.push_str(&format!("{} & {value} \\\\\n", name(n)));
    }
    out.push_str("\\end{tabular}\n");
    out.push_str(&super::ties::latex(ties));
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::exact::rational::ratio;

    #[test]
    fn names_and_values_are_latex() {
        let rows = vec![
            ("u_g".to_string(), Cell::Num(Value::rational(ratio(3, 8)))),
            ("regime".to_string(), Cell::Word("exit_unregulated".into())),
            ("omega_1".to_string(), Cell::Missing),
        ];
        let text = table("t", &rows, &[], 12);
        assert!(
            text.contains("\\texttt{u\\_g} & $\\frac{3}{8}$ \\\\"),
            "{text}"
        );
        assert!(text.contains("\\texttt{exit\\_unregulated}"), "{text}");
        assert!(text.contains("\\texttt{omega\\_1} & --- \\\\"), "{text}");
    }
}
