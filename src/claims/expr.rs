//! The claim language: tokens and a recursive-descent parser into an expression tree with source offsets.
//!
//! Grammar, loosest binding first:
//! ```text
//! claim   := "exists" NAME "in" ("("|"[") expr "," expr (")"|"]") ":" claim | implies
//! implies := or ("implies" implies)?
//! or      := and ("or" and)*          and := not ("and" not)*
//! not     := "not" not | compare      compare := sum (("<"|"<="|">"|">="|"=="|"!=") sum)*
//! sum     := term (("+"|"-") term)*   term := unary (("*"|"/") unary)*
//! unary   := "-" unary | power        power := atom ("^" "-"? INTEGER)?
//! atom    := NUMBER | STRING | "true" | "false" | "(" claim ")"
//!          | ("sqrt"|"min"|"max"|"abs"|"between") "(" expr ("," expr)* ")"
//!          | "solve" "(" (NAME "=" expr),* ")" "." PATH | PATH
//! PATH    := NAME ("." NAME)*
//! ```
//! Numbers are exact (`3`, `2/7` is `2 / 7`, `0.25`, `1e-3`). A chain `a < b <= c` means
//! `a < b and b <= c`. Every node keeps the byte offset where it starts, for error positions.

use crate::exact::{Rational, parse_rational};
use crate::limits::Limit;

/// A parse or evaluation problem at a byte offset of the expression text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Located {
    pub offset: usize,
    pub message: String,
}

/// Arithmetic operators.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Arith {
    Add,
    Sub,
    Mul,
    Div,
}

/// Comparison operators.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Cmp {
    Lt,
    Le,
    Gt,
    Ge,
    Eq,
    Ne,
}

impl Cmp {
    fn text(self) -> &'static str {
        match self {
            Cmp::Lt => "<",
            Cmp::Le => "<=",
            Cmp::Gt => ">",
            Cmp::Ge => ">=",
            Cmp::Eq => "==",
            Cmp::Ne => "!=",
        }
    }

    /// Whether `ordering` (left against right) satisfies the comparison.
    pub fn holds(self, ordering: std::cmp::Ordering) -> bool {
        use std::cmp::Ordering::*;
        match self {
            Cmp::Lt => ordering == Less,
            Cmp::Le => ordering != Greater,
            Cmp::Gt => ordering == Greater,
            Cmp::Ge => ordering != Less,
            Cmp::Eq => ordering == Equal,
            Cmp::Ne => ordering != Equal,
        }
    }
}

/// Built-in functions.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Func {
    Sqrt,
    Min,
    Max,
    Abs,
    /// `between(a, b)`: the simplest rational strictly between `a < b` (to solve a game at a
    /// rational point of an interval with irrational ends).
    Between,
}

/// An expression node and where it starts.
#[derive(Clone, Debug, PartialEq)]
pub struct Expr {
    pub kind: Kind,
    pub offset: usize,
}

/// The node kinds.
#[derive(Clone, Debug, PartialEq)]
pub enum Kind {
    Number(Rational),
    Label(String),
    Bool(bool),
    /// A parameter, a `let` name, the `exists` variable or a model output (`spe.alpha0`).
    Path(String),
    /// A model output at modified parameters: `solve(theta_d = 1/2).spe.beta1`.
    Solve(Vec<(String, usize, Expr)>, String),
    Neg(Box<Expr>),
    Arith(Arith, Box<Expr>, Box<Expr>),
    Pow(Box<Expr>, i64),
    Call(Func, Vec<Expr>),
    /// `items[0] ops[0] items[1] ops[1] items[2] …`
    Compare(Vec<Expr>, Vec<Cmp>),
    Not(Box<Expr>),
    And(Box<Expr>, Box<Expr>),
    Or(Box<Expr>, Box<Expr>),
    Implies(Box<Expr>, Box<Expr>),
    Exists {
        name: String,
        lo: Box<Expr>,
        hi: Box<Expr>,
        lo_closed: bool,
        hi_closed: bool,
        body: Box<Expr>,
    },
}

impl Expr {
    /// The expressions directly inside this one.
    pub fn children(&self) -> Vec<&Expr> {
        match &self.kind {
            Kind::Number(_) | Kind::Label(_) | Kind::Bool(_) | Kind::Path(_) => Vec::new(),
            Kind::Solve(args, _) => args.iter().map(|(_, _, a)| a).collect(),
            Kind::Neg(a) | Kind::Pow(a, _) | Kind::Not(a) => vec![a],
            Kind::Arith(_, a, b) | Kind::And(a, b) | Kind::Or(a, b) | Kind::Implies(a, b) => {
                vec![a, b]
            }
            Kind::Call(_, items) | Kind::Compare(items, _) => items.iter().collect(),
            Kind::Exists { lo, hi, body, .. } => vec![lo, hi, body],
        }
    }

    /// Calls `f` on every node of the expression, this one first.
    pub fn visit(&self, f: &mut dyn FnMut(&Expr)) {
        f(self);
        for child in self.children() {
            child.visit(f);
        }
    }

    /// The value of an expression of numbers alone (`2`, `-1/8`, `(1/2)^3`), when it is one.
    pub fn constant(&self) -> Option<Rational> {
        match &self.kind {
            Kind::Number(r) => Some(r.clone()),
            Kind::Neg(a) => Some(-a.constant()?),
            Kind::Arith(op, a, b) => {
                let (a, b) = (a.constant()?, b.constant()?);
                match op {
                    Arith::Add => Some(a + b),
                    Arith::Sub => Some(a - b),
                    Arith::Mul => Some(a * b),
                    Arith::Div => (b != 0).then(|| a / b),
                }
            }
            Kind::Pow(a, e) => {
                let a = a.constant()?;
                let p = crate::exact::rational::pow(&a, e.unsigned_abs());
                if *e >= 0 {
                    Some(p)
                } else {
                    (p != 0).then(|| Rational::from(1) / p)
                }
            }
            _ => None,
        }
    }

    /// Every path (parameter, `let` name or output) and `solve(...)` output the expression reads.
    pub fn paths(&self, out: &mut Vec<(String, usize)>) {
        let mut visit = |e: &Expr| e.paths(out);
        match &self.kind {
            Kind::Number(_) | Kind::Label(_) | Kind::Bool(_) => {}
            Kind::Path(p) => out.push((p.clone(), self.offset)),
            Kind::Solve(args, _) => args.iter().for_each(|(_, _, e)| visit(e)),
            Kind::Neg(a) | Kind::Pow(a, _) | Kind::Not(a) => visit(a),
            Kind::Arith(_, a, b) | Kind::And(a, b) | Kind::Or(a, b) | Kind::Implies(a, b) => {
                visit(a);
                visit(b);
            }
            Kind::Call(_, items) | Kind::Compare(items, _) => items.iter().for_each(visit),
            Kind::Exists { lo, hi, body, .. } => {
                visit(lo);
                visit(hi);
                visit(body);
            }
        }
    }

    /// Whether the expression reads a model output (directly or through `solve`).
    pub fn reads_outputs(&self, is_output: &dyn Fn(&str) -> bool) -> bool {
        match &self.kind {
            Kind::Number(_) | Kind::Label(_) | Kind::Bool(_) => false,
            Kind::Path(p) => is_output(p),
            Kind::Solve(..) | Kind::Exists { .. } => true,
            Kind::Neg(a) | Kind::Pow(a, _) | Kind::Not(a) => a.reads_outputs(is_output),
            Kind::Arith(_, a, b) | Kind::And(a, b) | Kind::Or(a, b) | Kind::Implies(a, b) => {
                a.reads_outputs(is_output) || b.reads_outputs(is_output)
            }
            Kind::Call(_, items) | Kind::Compare(items, _) => {
                items.iter().any(|e| e.reads_outputs(is_output))
            }
        }
    }
}

#[derive(Clone, Debug, PartialEq)]
enum Token {
    Number(Rational),
    Str(String),
    Name(String),
    Op(&'static str),
    End,
}

fn tokenize(text: &str) -> Result<Vec<(Token, usize)>, Located> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        let c = bytes[i] as char;
        if c.is_whitespace() {
            i += 1;
            continue;
        }
        let start = i;
        if c.is_ascii_digit() || (c == '.' && bytes.get(i + 1).is_some_and(u8::is_ascii_digit)) {
            while i < bytes.len() && (bytes[i].is_ascii_digit() || bytes[i] == b'.') {
                i += 1;
            }
            if i < bytes.len() && (bytes[i] == b'e' || bytes[i] == b'E') {
                let mut j = i + 1;
                if j < bytes.len() && (bytes[j] == b'+' || bytes[j] == b'-') {
                    j += 1;
                }
                if j < bytes.len() && bytes[j].is_ascii_digit() {
                    i = j;
                    while i < bytes.len() && bytes[i].is_ascii_digit() {
                        i += 1;
                    }
                }
            }
            let number = parse_rational(&text[start..i]).map_err(|e| Located {
                offset: start,
                message: e.to_string(),
            })?;
            out.push((Token::Number(number), start));
            continue;
        }
        if c.is_ascii_alphabetic() || c == '_' {
            while i < bytes.len() && (bytes[i].is_ascii_alphanumeric() || bytes[i] == b'_') {
                i += 1;
            }
            out.push((Token::Name(text[start..i].to_string()), start));
            continue;
        }
        if c == '"' || c == '\'' {
            i += 1;
            while i < bytes.len() && bytes[i] as char != c {
                i += 1;
            }
            if i >= bytes.len() {
                return Err(Located {
                    offset: start,
                    message: "unterminated string".into(),
                });
            }
            out.push((Token::Str(text[start + 1..i].to_string()), start));
            i += 1;
            continue;
        }
        const OPS: [&str; 17] = [
            "<=", ">=", "==", "!=", "<", ">", "+", "-", "*", "/", "^", "(", ")", ",", ".", ":", "[",
        ];
        let op = OPS
            .iter()
            .chain(std::iter::once(&"]"))
            .chain(std::iter::once(&"="))
            .find(|op| text[i..].starts_with(**op));
        match op {
            Some(op) => {
                out.push((Token::Op(op), start));
                i += op.len();
            }
            None => {
                // The whole character, not its first byte (`'≥'`, not `'â'`).
                let c = text[i..].chars().next().unwrap_or(c);
                return Err(Located {
                    offset: start,
                    message: format!("unexpected character {c:?}"),
                });
            }
        }
    }
    out.push((Token::End, text.len()));
    Ok(out)
}

/// Parses a whole expression.
pub fn parse(text: &str) -> Result<Expr, Located> {
    let tokens = tokenize(text)?;
    let mut parser = Parser {
        tokens,
        at: 0,
        depth: 0,
    };
    let expr = parser.claim()?;
    match parser.peek() {
        Token::End => Ok(expr),
        other => Err(parser.error(format!(
            "unexpected {} after the expression",
            describe(other)
        ))),
    }
}

fn describe(token: &Token) -> String {
    match token {
        Token::Number(n) => format!("number {n}"),
        Token::Str(s) => format!("string {s:?}"),
        Token::Name(n) => format!("`{n}`"),
        Token::Op(o) => format!("`{o}`"),
        Token::End => "end of expression".into(),
    }
}

const KEYWORDS: [&str; 8] = [
    "and", "or", "not", "implies", "exists", "in", "true", "false",
];

struct Parser {
    tokens: Vec<(Token, usize)>,
    at: usize,
    /// How deep the tree built so far nests at this point (recursion plus chained operators).
    depth: usize,
}

impl Parser {
    fn peek(&self) -> &Token {
        &self.tokens[self.at].0
    }

    fn offset(&self) -> usize {
        self.tokens[self.at].1
    }

    fn error(&self, message: String) -> Located {
        Located {
            offset: self.offset(),
            message,
        }
    }

    fn next(&mut self) -> Token {
        let token = self.tokens[self.at].0.clone();
        if self.at + 1 < self.tokens.len() {
            self.at += 1;
        }
        token
    }

    fn is_op(&self, op: &str) -> bool {
        matches!(self.peek(), Token::Op(o) if *o == op)
    }

    fn is_word(&self, word: &str) -> bool {
        matches!(self.peek(), Token::Name(n) if n == word)
    }

    fn expect_op(&mut self, op: &str) -> Result<(), Located> {
        if self.is_op(op) {
            self.next();
            Ok(())
        } else {
            Err(self.error(format!("expected `{op}`, found {}", describe(self.peek()))))
        }
    }

    fn name(&mut self) -> Result<String, Located> {
        match self.peek().clone() {
            Token::Name(n) if !KEYWORDS.contains(&n.as_str()) => {
                self.next();
                Ok(n)
            }
            other => Err(self.error(format!("expected a name, found {}", describe(&other)))),
        }
    }

    /// One level deeper, refused past [`Limit::Nesting`] (so no parse, walk, evaluation or
    /// drop of the tree can overflow the stack).
    fn enter(&mut self) -> Result<(), Located> {
        self.depth += 1;
        let limit = Limit::Nesting;
        if self.depth > limit.value() {
            return Err(self.error(
                limit
                    .exceeded(&format!("more than {}", limit.value()), "the expression")
                    .to_string(),
            ));
        }
        Ok(())
    }

    fn node(kind: Kind, offset: usize) -> Expr {
        Expr { kind, offset }
    }

    fn claim(&mut self) -> Result<Expr, Located> {
        if !self.is_word("exists") {
            return self.implies();
        }
        let offset = self.offset();
        self.next();
        let name = self.name()?;
        if !self.is_word("in") {
            return Err(self.error(format!(
                "expected `in` after `exists {name}`, found {}",
                describe(self.peek())
            )));
        }
        self.next();
        let lo_closed = if self.is_op("[") {
            true
        } else if self.is_op("(") {
            false
        } else {
            return Err(self.error(format!(
                "expected `(` or `[` to open the range of {name}, found {}",
                describe(self.peek())
            )));
        };
        self.next();
        let lo = self.sum()?;
        self.expect_op(",")?;
        let hi = self.sum()?;
        let hi_closed = if self.is_op("]") {
            true
        } else if self.is_op(")") {
            false
        } else {
            return Err(self.error(format!(
                "expected `)` or `]` to close the range of {name}, found {}",
                describe(self.peek())
            )));
        };
        self.next();
        self.expect_op(":")?;
        self.enter()?;
        let body = self.claim()?;
        self.depth -= 1;
        Ok(Self::node(
            Kind::Exists {
                name,
                lo: Box::new(lo),
                hi: Box::new(hi),
                lo_closed,
                hi_closed,
                body: Box::new(body),
            },
            offset,
        ))
    }

    fn implies(&mut self) -> Result<Expr, Located> {
        let left = self.or()?;
        if self.is_word("implies") {
            let offset = self.offset();
            self.next();
            self.enter()?;
            let right = self.claim()?;
            self.depth -= 1;
            return Ok(Self::node(
                Kind::Implies(Box::new(left), Box::new(right)),
                offset,
            ));
        }
        Ok(left)
    }

    fn or(&mut self) -> Result<Expr, Located> {
        let mut left = self.and()?;
        let mut chained = 0;
        while self.is_word("or") {
            let offset = self.offset();
            self.next();
            self.enter()?;
            chained += 1;
            let right = self.and()?;
            left = Self::node(Kind::Or(Box::new(left), Box::new(right)), offset);
        }
        self.depth -= chained;
        Ok(left)
    }

    fn and(&mut self) -> Result<Expr, Located> {
        let mut left = self.not()?;
        let mut chained = 0;
        while self.is_word("and") {
            let offset = self.offset();
            self.next();
            self.enter()?;
            chained += 1;
            let right = self.not()?;
            left = Self::node(Kind::And(Box::new(left), Box::new(right)), offset);
        }
        self.depth -= chained;
        Ok(left)
    }

    fn not(&mut self) -> Result<Expr, Located> {
        if self.is_word("not") {
            let offset = self.offset();
            self.next();
            self.enter()?;
            let inner = self.not()?;
            self.depth -= 1;
            return Ok(Self::node(Kind::Not(Box::new(inner)), offset));
        }
        self.compare()
    }

    fn compare(&mut self) -> Result<Expr, Located> {
        let offset = self.offset();
        let first = self.sum()?;
        let mut items = vec![first];
        let mut ops = Vec::new();
        loop {
            let op = match self.peek() {
                Token::Op("<") => Cmp::Lt,
                Token::Op("<=") => Cmp::Le,
                Token::Op(">") => Cmp::Gt,
                Token::Op(">=") => Cmp::Ge,
                Token::Op("==") => Cmp::Eq,
                Token::Op("!=") => Cmp::Ne,
                Token::Op("=") => {
                    return Err(
                        self.error("`=` assigns only inside solve(...); compare with `==`".into())
                    );
                }
                _ => break,
            };
            self.next();
            ops.push(op);
            items.push(self.sum()?);
        }
        if ops.is_empty() {
            return Ok(items.pop().expect("one item"));
        }
        Ok(Self::node(Kind::Compare(items, ops), offset))
    }

    fn sum(&mut self) -> Result<Expr, Located> {
        let mut left = self.term()?;
        let mut chained = 0;
        loop {
            let op = match self.peek() {
                Token::Op("+") => Arith::Add,
                Token::Op("-") => Arith::Sub,
                _ => break,
            };
            let offset = self.offset();
            self.next();
            self.enter()?;
            chained += 1;
            let right = self.term()?;
            left = Self::node(Kind::Arith(op, Box::new(left), Box::new(right)), offset);
        }
        self.depth -= chained;
        Ok(left)
    }

    fn term(&mut self) -> Result<Expr, Located> {
        let mut left = self.unary()?;
        let mut chained = 0;
        loop {
            let op = match self.peek() {
                Token::Op("*") => Arith::Mul,
                Token::Op("/") => Arith::Div,
                _ => break,
            };
            let offset = self.offset();
            self.next();
            self.enter()?;
            chained += 1;
            let right = self.unary()?;
            left = Self::node(Kind::Arith(op, Box::new(left), Box::new(right)), offset);
        }
        self.depth -= chained;
        Ok(left)
    }

    fn unary(&mut self) -> Result<Expr, Located> {
        if self.is_op("-") {
            let offset = self.offset();
            self.next();
            self.enter()?;
            let inner = self.unary()?;
            self.depth -= 1;
            return Ok(Self::node(Kind::Neg(Box::new(inner)), offset));
        }
        self.power()
    }

    fn power(&mut self) -> Result<Expr, Located> {
        let base = self.atom()?;
        if !self.is_op("^") {
            return Ok(base);
        }
        let offset = self.offset();
        self.next();
        let negative = self.is_op("-");
        if negative {
            self.next();
        }
        let at = self.offset();
        let exponent = match self.next() {
            Token::Number(n) if crate::exact::rational::is_integer(&n) => n,
            other => {
                return Err(Located {
                    offset: at,
                    message: format!("expected an integer exponent, found {}", describe(&other)),
                });
            }
        };
        let e = crate::exact::rational::int_to_i64(&crate::exact::rational::numerator(&exponent))
            .filter(|e| *e <= 64)
            .ok_or_else(|| Located {
                offset: at,
                message: "exponents are limited to |e| <= 64".into(),
            })?;
        let e = if negative { -e } else { e };
        Ok(Self::node(Kind::Pow(Box::new(base), e), offset))
    }

    fn atom(&mut self) -> Result<Expr, Located> {
        let offset = self.offset();
        match self.next() {
            Token::Number(n) => Ok(Self::node(Kind::Number(n), offset)),
            Token::Str(s) => Ok(Self::node(Kind::Label(s), offset)),
            Token::Op("(") => {
                self.enter()?;
                let inner = self.claim()?;
                self.depth -= 1;
                self.expect_op(")")?;
                Ok(inner)
            }
            Token::Name(n) if n == "true" || n == "false" => {
                Ok(Self::node(Kind::Bool(n == "true"), offset))
            }
            Token::Name(n) if KEYWORDS.contains(&n.as_str()) => Err(Located {
                offset,
                message: format!("`{n}` cannot start a value"),
            }),
            Token::Name(n) if self.is_op("(") => self.call(n, offset),
            Token::Name(n) => {
                let path = self.path_rest(n)?;
                Ok(Self::node(Kind::Path(path), offset))
            }
            other => Err(Located {
                offset,
                message: format!("expected a value, found {}", describe(&other)),
            }),
        }
    }

    fn path_rest(&mut self, first: String) -> Result<String, Located> {
        let mut path = first;
        while self.is_op(".") {
            self.next();
            let part = self.name()?;
            path.push('.');
            path.push_str(&part);
        }
        Ok(path)
    }

    fn call(&mut self, name: String, offset: usize) -> Result<Expr, Located> {
        self.expect_op("(")?;
        self.enter()?;
        let call = self.call_inside(name, offset);
        self.depth -= 1;
        call
    }

    fn call_inside(&mut self, name: String, offset: usize) -> Result<Expr, Located> {
        if name == "solve" {
            let mut args = Vec::new();
            while !self.is_op(")") {
                let at = self.offset();
                let param = self.name()?;
                self.expect_op("=")?;
                let value = self.sum()?;
                args.push((param, at, value));
                if !self.is_op(")") {
                    self.expect_op(",")?;
                }
            }
            self.next();
            if !self.is_op(".") {
                return Err(self.error(
                    "solve(...) must be followed by the output to read, e.g. solve(theta_d = 1).spe.beta1"
                        .into(),
                ));
            }
            self.next();
            let first = self.name()?;
            let path = self.path_rest(first)?;
            return Ok(Self::node(Kind::Solve(args, path), offset));
        }
        let func = match name.as_str() {
            "sqrt" => Func::Sqrt,
            "min" => Func::Min,
            "max" => Func::Max,
            "abs" => Func::Abs,
            "between" => Func::Between,
            _ => {
                return Err(Located {
                    offset,
                    message: format!(
                        "unknown function `{name}`; the functions are sqrt, min, max, abs, between and solve"
                    ),
                });
            }
        };
        let mut items = vec![self.sum()?];
        while self.is_op(",") {
            self.next();
            items.push(self.sum()?);
        }
        self.expect_op(")")?;
        let arity_ok = match func {
            Func::Sqrt | Func::Abs => items.len() == 1,
            Func::Min | Func::Max => items.len() >= 2,
            Func::Between => items.len() == 2,
        };
        if !arity_ok {
            return Err(Located {
                offset,
                message: format!(
                    "`{name}` takes {}",
                    match func {
                        Func::Sqrt | Func::Abs => "one argument",
                        Func::Min | Func::Max => "two or more arguments",
                        Func::Between => "two arguments",
                    }
                ),
            });
        }
        Ok(Self::node(Kind::Call(func, items), offset))
    }
}

impl std::fmt::Display for Cmp {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.text())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn precedence_and_chains() {
        let e = parse("1 + 2*x^2 < y <= 3 and not z implies w").unwrap();
        let Kind::Implies(left, _) = e.kind else {
            panic!("implies binds loosest")
        };
        let Kind::And(cmp, _) = left.kind else {
            panic!("and next")
        };
        let Kind::Compare(items, ops) = cmp.kind else {
            panic!("a comparison chain")
        };
        assert_eq!(ops, [Cmp::Lt, Cmp::Le]);
        assert_eq!(items.len(), 3);
    }

    #[test]
    fn solve_and_exists() {
        let e = parse("exists eps in (0, b): solve(theta_d = b - eps, theta_g = 0).spe.beta1 < 1")
            .unwrap();
        let Kind::Exists {
            name,
            body,
            lo_closed,
            ..
        } = e.kind
        else {
            panic!("exists")
        };
        assert_eq!(name, "eps");
        assert!(!lo_closed);
        let Kind::Compare(items, _) = body.kind else {
            panic!("body")
        };
        assert!(
            matches!(&items[0].kind, Kind::Solve(args, path) if args.len() == 2 && path == "spe.beta1")
        );
    }

    #[test]
    fn nesting_is_refused_past_the_limit_not_overflowed() {
        for text in [
            format!("{}1{} > 0", "(".repeat(10_000), ")".repeat(10_000)),
            format!("{}true", "not ".repeat(10_000)),
            format!("{}1 > 0", "-".repeat(100_000)),
            format!("true{}", " and true".repeat(20_000)),
            format!("1{} > 0", " + 1".repeat(100_000)),
            format!(
                "min(1, {}1{})",
                "min(1, ".repeat(10_000),
                ")".repeat(10_000)
            ),
        ] {
            let e = parse(&text).unwrap_err();
            assert!(e.message.contains("GPAI_MAX_NESTING"), "{}", e.message);
        }
        // Within the limit all is well.
        assert!(parse(&format!("true{}", " and true".repeat(150))).is_ok());
    }

    #[test]
    fn errors_point_at_the_problem() {
        let err = parse("nash.delta = 1/2").unwrap_err();
        assert_eq!(err.offset, 11);
        let err = parse("sqrt(2, 3)").unwrap_err();
        assert_eq!(err.offset, 0);
        let err = parse("1 + ").unwrap_err();
        assert_eq!(err.offset, 4);
        let err = parse("x ≥ 0").unwrap_err();
        assert_eq!(
            (err.offset, err.message.as_str()),
            (2, "unexpected character '≥'")
        );
        let err = parse("x ^ y").unwrap_err();
        assert!(err.message.contains("integer exponent") && err.offset == 4);
        assert!(
            parse("foo(1)")
                .unwrap_err()
                .message
                .contains("unknown function")
        );
    }
}
