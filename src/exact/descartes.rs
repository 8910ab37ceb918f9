//! Real-root isolation by Descartes' rule of signs with bisection (Vincent–Collins–Akritas) on integer polynomials.
//!
//! Every node of the search is a polynomial with integer coefficients standing for one dyadic
//! interval; a Descartes count of 0 drops it, 1 isolates a root, more bisects it. Midpoints are
//! checked exactly, so a root that is a midpoint comes out as an exact rational and every open
//! interval's endpoints are non-roots.

use std::cmp::Ordering;

use super::poly::Poly;
use super::rational::{from_integers, int_bits, int_sign, integer, pow2};
use super::{Integer, Rational};

/// One isolated real root: an exact rational, or an open interval holding exactly one root
/// whose endpoints are not roots.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Isolated {
    Exact(Rational),
    Open(Rational, Rational),
}

/// Isolates every real root of a square-free, non-zero polynomial, in ascending order.
pub fn isolate_square_free(p: &Poly) -> Vec<Isolated> {
    let mut a = p.primitive_integer_coeffs();
    if a.len() <= 1 {
        return Vec::new();
    }
    let zero_root = a[0] == 0;
    if zero_root {
        a.remove(0);
    }
    let exponent = root_bound_exponent(&a);
    let mut roots: Vec<Isolated> = isolate_positive(&reflect(&a), exponent, zero_root)
        .into_iter()
        .rev()
        .map(|root| match root {
            Isolated::Exact(r) => Isolated::Exact(-r),
            Isolated::Open(lo, hi) => Isolated::Open(-hi, -lo),
        })
        .collect();
    if zero_root {
        roots.push(Isolated::Exact(Rational::from(0)));
    }
    roots.extend(isolate_positive(&a, exponent, zero_root));
    roots
}

/// Descartes' bound on the number of roots of `p` in the open interval `(lo, hi)`: the count of
/// sign variations after mapping the interval to `(0, ∞)`. It is exact when it is 0 or 1.
pub fn descartes_bound(p: &Poly, lo: &Rational, hi: &Rational) -> usize {
    let on_unit = p.shift(lo).scale_var(&(hi - lo));
    let mut a = on_unit.primitive_integer_coeffs();
    transform_to_half_line(&mut a);
    sign_variations(&a)
}

/// The sign of `Σ a_i x^i` at a rational `x`, in integer arithmetic (`Σ a_i u^i v^(n-i)` for `x = u/v`).
pub fn sign_at(a: &[Integer], x: &Rational) -> Ordering {
    let Some((last, rest)) = a.split_last() else {
        return Ordering::Equal;
    };
    let u = super::rational::numerator(x);
    let v = super::rational::denominator(x);
    let mut acc = last.clone();
    let mut v_power = integer(1);
    for c in rest.iter().rev() {
        v_power *= &v;
        acc = acc * &u + c * &v_power;
    }
    int_sign(&acc)
}

/// `k` such that every root has absolute value below `2^k` (Fujiwara's bound, rounded up to a power of two).
fn root_bound_exponent(a: &[Integer]) -> i64 {
    let n = a.len() - 1;
    let lead_bits = int_bits(&a[n]) as i64;
    let mut k = 0i64;
    for i in 1..=n {
        let c = &a[n - i];
        if *c == 0 {
            continue;
        }
        // |c / lead| < 2^(bits(c) - bits(lead) + 1); Fujiwara halves the constant term.
        let excess = int_bits(c) as i64 - lead_bits + if i == n { 0 } else { 1 };
        k = k.max(excess.div_euclid(i as i64) + i64::from(excess.rem_euclid(i as i64) != 0));
    }
    k + 2
}

/// Roots in `(0, 2^exponent)` of an integer polynomial with a non-zero constant term;
/// `zero_is_root` says whether 0 is a root of the polynomial the caller will attach the
/// intervals to, so that no reported interval ends at a root.
fn isolate_positive(a: &[Integer], exponent: i64, zero_is_root: bool) -> Vec<Isolated> {
    // Q(x) = A(2^k x) has its positive roots in (0, 1).
    let scaled: Vec<Integer> = a
        .iter()
        .enumerate()
        .map(|(i, c)| shift_left(c, exponent * i as i64))
        .collect();
    let scaled = normalize(scaled);
    let endpoint = |c: &Integer, depth: i64| -> Rational {
        from_integers(c.clone(), integer(1)) * pow2(exponent - depth)
    };
    let mut roots = Vec::new();
    // A node stands for the interval (c / 2^depth, (c + 1) / 2^depth) and knows whether its
    // endpoints are roots; an interval is only reported once neither is.
    let mut stack = vec![Node {
        poly: scaled,
        c: integer(0),
        depth: 0,
        lo_is_root: zero_is_root,
        hi_is_root: false,
    }];
    while let Some(Node {
        poly: node,
        c,
        depth,
        lo_is_root,
        hi_is_root,
    }) = stack.pop()
    {
        let mut transformed = node.clone();
        transform_to_half_line(&mut transformed);
        match sign_variations(&transformed) {
            0 => {}
            1 if !lo_is_root && !hi_is_root => roots.push(Isolated::Open(
                endpoint(&c, depth),
                endpoint(&(&c + integer(1)), depth),
            )),
            _ => {
                let n = node.len() - 1;
                let left: Vec<Integer> = node
                    .iter()
                    .enumerate()
                    .map(|(i, coeff)| shift_left(coeff, (n - i) as i64))
                    .collect();
                let mut right = left.clone();
                taylor_shift_one(&mut right);
                let left_c = integer(2) * &c;
                let right_c = &left_c + integer(1);
                let mid_is_root = right[0] == 0;
                if mid_is_root {
                    // The midpoint is a root: record it exactly and divide it out of the right half.
                    roots.push(Isolated::Exact(endpoint(&right_c, depth + 1)));
                    right.remove(0);
                }
                stack.push(Node {
                    poly: normalize(right),
                    c: right_c,
                    depth: depth + 1,
                    lo_is_root: mid_is_root,
                    hi_is_root,
                });
                stack.push(Node {
                    poly: normalize(left),
                    c: left_c,
                    depth: depth + 1,
                    lo_is_root,
                    hi_is_root: mid_is_root,
                });
            }
        }
    }
    roots.sort_by(|x, y| lower(x).cmp(lower(y)));
    roots
}

struct Node {
    poly: Vec<Integer>,
    c: Integer,
    depth: i64,
    lo_is_root: bool,
    hi_is_root: bool,
}

fn lower(root: &Isolated) -> &Rational {
    match root {
        Isolated::Exact(r) => r,
        Isolated::Open(lo, _) => lo,
    }
}

fn shift_left(c: &Integer, bits: i64) -> Integer {
    debug_assert!(bits >= 0);
    c << bits as u64
}

/// Divides out the largest power of two common to all coefficients (a positive factor).
fn normalize(mut a: Vec<Integer>) -> Vec<Integer> {
    let common = a
        .iter()
        .filter_map(Integer::trailing_zeros)
        .min()
        .unwrap_or(0);
    if common > 0 {
        for c in &mut a {
            *c >>= common;
        }
    }
    a
}

/// `a(x) ↦ (x + 1)^n a(1 / (x + 1))`, whose positive roots are the roots of `a` in `(0, 1)`.
fn transform_to_half_line(a: &mut [Integer]) {
    a.reverse();
    taylor_shift_one(a);
}

/// `a(x) ↦ a(x + 1)` in place.
fn taylor_shift_one(a: &mut [Integer]) {
    let n = a.len();
    for i in 0..n.saturating_sub(1) {
        for j in (i..n - 1).rev() {
            let next = a[j + 1].clone();
            a[j] += next;
        }
    }
}

fn reflect(a: &[Integer]) -> Vec<Integer> {
    a.iter()
        .enumerate()
        .map(|(i, c)| if i % 2 == 1 { -c } else { c.clone() })
        .collect()
}

fn sign_variations(a: &[Integer]) -> usize {
    let mut last = Ordering::Equal;
    let mut count = 0;
    for c in a {
        let s = int_sign(c);
        if s == Ordering::Equal {
            continue;
        }
        if last != Ordering::Equal && s != last {
            count += 1;
        }
        last = s;
    }
    count
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::exact::rational::{int, ratio};

    #[test]
    fn midpoint_roots_are_exact_and_others_isolated() {
        // -3 is a bisection midpoint right beside the root -3 + 1/1000, and 0 a root beside 1/3:
        // no interval may end at either.
        let values = [int(-3), ratio(-2999, 1000), int(0), ratio(1, 3), int(2)];
        let p = Poly::from_roots(&values);
        let roots = isolate_square_free(&p);
        assert_eq!(roots.len(), 5);
        assert_eq!(roots[2], Isolated::Exact(int(0)));
        for (root, value) in roots.iter().zip(values) {
            match root {
                Isolated::Exact(r) => assert_eq!(*r, value),
                Isolated::Open(lo, hi) => {
                    assert!(*lo < value && value < *hi);
                    assert!(
                        p.eval(lo) != 0 && p.eval(hi) != 0,
                        "endpoints are not roots"
                    );
                }
            }
        }
    }

    #[test]
    fn descartes_bound_is_exact_for_zero_and_one() {
        let p = Poly::from_i64s(&[-2, 0, 1]);
        assert_eq!(descartes_bound(&p, &int(0), &int(2)), 1);
        assert_eq!(descartes_bound(&p, &int(2), &int(3)), 0);
        assert!(descartes_bound(&p, &int(-2), &int(2)) >= 2);
    }
}
