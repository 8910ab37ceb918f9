//! A bounded memo of polynomials' roots, shared by the threads of one run: what games with common parameters isolate once.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use super::{Algebraic, Poly, Rational};

/// The roots found of polynomials already seen, by their coefficients; clones share one memo.
/// Past `limit` polynomials it starts again, so a long run's memory stays bounded.
#[derive(Clone, Debug)]
pub struct RootMemo {
    kept: Arc<Mutex<HashMap<Vec<Rational>, Vec<Algebraic>>>>,
    limit: usize,
}

impl RootMemo {
    pub fn new(limit: usize) -> RootMemo {
        RootMemo {
            kept: Arc::default(),
            limit,
        }
    }

    /// The roots `find` gives of `p`, found the first time `p` is asked for (`find` must
    /// depend on `p` alone, so that every caller may share the answer).
    pub fn get_or(&self, p: &Poly, find: impl FnOnce(&Poly) -> Vec<Algebraic>) -> Vec<Algebraic> {
        let key = p.coeffs().to_vec();
        if let Some(found) = self.kept.lock().expect("no thread panics").get(&key) {
            return found.clone();
        }
        let found = find(p);
        let mut kept = self.kept.lock().expect("no thread panics");
        if kept.len() >= self.limit {
            kept.clear();
        }
        kept.insert(key, found.clone());
        found
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_polynomial_is_isolated_once_until_the_memo_is_full() {
        let memo = RootMemo::new(2);
        let calls = std::cell::Cell::new(0);
        let roots = |p: &Poly| {
            calls.set(calls.get() + 1);
            super::super::real_roots(p)
                .into_iter()
                .map(|r| r.value)
                .collect()
        };
        let (a, b, c) = (
            Poly::from_i64s(&[-2, 0, 1]),
            Poly::from_i64s(&[-3, 0, 1]),
            Poly::from_i64s(&[-5, 0, 1]),
        );
        let first = memo.get_or(&a, roots);
        assert_eq!(memo.clone().get_or(&a, roots), first);
        assert_eq!(calls.get(), 1);
        memo.get_or(&b, roots);
        memo.get_or(&c, roots); // the third polynomial: the memo starts again
        memo.get_or(&a, roots);
        assert_eq!(calls.get(), 4);
    }
}
