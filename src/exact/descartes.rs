//! Real-root isolation by Descartes' rule of signs with bisection (Vincent–Collins–Akritas) on integer polynomials.
//!
//! Every node of the search is a polynomial with integer coefficients standing for one dyadic
//! interval; a Descartes count of 0 drops it, 1 isolates a root, more bisects it. Midpoints are
//! checked exactly, so a root that is a midpoint comes out as an exact rational and every open
//! interval's endpoints are non-roots.

use std::cmp::Ordering;

use super::poly::Poly;
use super::rational::{
    denominator, from_integers, int_bits, int_gcd, int_sign, integer, numerator, pow2,
    power_of_two_exponent,
};
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
    let negative = reflect(&a);
    let mut roots: Vec<Isolated> = positive_root_bound_exponent(&negative)
        .map(|exponent| isolate_positive(&negative, exponent, zero_root))
        .unwrap_or_default()
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
    if let Some(exponent) = positive_root_bound_exponent(&a) {
        roots.extend(isolate_positive(&a, exponent, zero_root));
    }
    roots
}

/// Descartes' bound on the number of roots of `p` in the open interval `(lo, hi)`: the count of
/// sign variations after mapping the interval to `(0, ∞)`. It is exact when it is 0 or 1.
pub fn descartes_bound(p: &Poly, lo: &Rational, hi: &Rational) -> usize {
    descartes_bound_ints(&p.primitive_integer_coeffs(), lo, hi)
}

/// [`descartes_bound`] for `Σ a_i x^i` with integer coefficients, in integer arithmetic: with
/// `lo = u/w` and `hi - lo = s/w`, the polynomial `w^n p((u + s x)/w)` is built by scaling,
/// an integer Taylor shift and a second scaling, with no rational (and so no gcd) in between.
pub fn descartes_bound_ints(a: &[Integer], lo: &Rational, hi: &Rational) -> usize {
    if a.len() <= 1 {
        return 0;
    }
    let (d_lo, d_hi) = (denominator(lo), denominator(hi));
    let w = &d_lo / int_gcd(&d_lo, &d_hi) * &d_hi;
    let u = numerator(lo) * (&w / &d_lo);
    let s = numerator(hi) * (&w / &d_hi) - &u;
    // w^n p(y / w) = Σ a_i w^(n-i) y^i.
    let mut b: Vec<Integer> = a.to_vec();
    let mut w_power = integer(1);
    for c in b.iter_mut().rev().skip(1) {
        w_power *= &w;
        *c *= &w_power;
    }
    taylor_shift_by(&mut b, &u);
    // y ↦ s·x.
    let mut s_power = integer(1);
    for c in b.iter_mut().skip(1) {
        s_power *= &s;
        *c *= &s_power;
    }
    transform_to_half_line(&mut b);
    sign_variations(&b)
}

/// The sign of `Σ a_i x^i` at a rational `x`, in integer arithmetic.
pub fn sign_at(a: &[Integer], x: &Rational) -> Ordering {
    int_sign(&homogeneous(a, x))
}

/// `Σ a_i u^i v^(n-i)` for `x = u/v` (`v > 0`): `v^n` times the value at `x`, so of its sign.
/// Powers of `v` are shifts when `v` is a power of two, as every bisection point is.
pub(crate) fn homogeneous(a: &[Integer], x: &Rational) -> Integer {
    let Some((last, rest)) = a.split_last() else {
        return integer(0);
    };
    let u = numerator(x);
    let v = denominator(x);
    let mut acc = last.clone();
    if let Some(e) = power_of_two_exponent(&v) {
        for (k, c) in rest.iter().rev().enumerate() {
            acc = acc * &u + (c << (e * (k as u64 + 1)));
        }
    } else {
        let mut v_power = integer(1);
        for c in rest.iter().rev() {
            v_power *= &v;
            acc = acc * &u + c * &v_power;
        }
    }
    acc
}

/// `k` such that every positive root is below `2^k`, or `None` when there is no positive root
/// (the coefficients have no sign variation).
///
/// The local-max quadratic bound (Akritas, Strzeboński and Vigklas) is usually far tighter than
/// a bound on all roots' moduli — the search then starts on much shorter coefficients — but it
/// is only trusted once checked: Descartes' rule must count no root beyond `2^k`. Otherwise
/// Fujiwara's bound on every root's modulus is used.
fn positive_root_bound_exponent(a: &[Integer]) -> Option<i64> {
    if sign_variations(a) == 0 {
        return None;
    }
    let fujiwara = root_bound_exponent(a);
    let candidate = local_max_quadratic_exponent(a);
    if candidate < fujiwara && no_root_beyond(a, candidate) {
        Some(candidate)
    } else {
        Some(fujiwara)
    }
}

/// The local-max quadratic bound on the positive roots, rounded up to `2^k` with bit lengths
/// (so every step errs upward), plus one.
fn local_max_quadratic_exponent(a: &[Integer]) -> i64 {
    let positive_lead = int_sign(a.last().expect("a non-constant polynomial")) == Ordering::Greater;
    let sign = |c: &Integer| {
        let s = int_sign(c);
        if positive_lead { s } else { s.reverse() }
    };
    let n = a.len() - 1;
    let mut uses = vec![1i64; n + 1];
    let mut k = i64::MIN;
    for i in (0..n).rev().filter(|&i| sign(&a[i]) == Ordering::Less) {
        // min over later positive a_j of (2^uses_j |a_i| / a_j)^(1/(j-i)), as an exponent:
        // |a_i| < 2^bits(a_i) and a_j ≥ 2^(bits(a_j)-1).
        let best = (i + 1..=n)
            .filter(|&j| sign(&a[j]) == Ordering::Greater)
            .map(|j| {
                let excess = int_bits(&a[i]) as i64 - int_bits(&a[j]) as i64 + 1 + uses[j];
                let span = (j - i) as i64;
                (
                    excess.div_euclid(span) + i64::from(excess.rem_euclid(span) != 0),
                    j,
                )
            })
            .min();
        if let Some((exponent, j)) = best {
            uses[j] += 1;
            k = k.max(exponent);
        }
    }
    k.saturating_add(1)
}

/// Whether Descartes' rule counts no root of `a` in `(2^k, ∞)`: the variations of `a(2^k (1 + x))`.
fn no_root_beyond(a: &[Integer], k: i64) -> bool {
    let mut shifted = scale_by_power_of_two(a, k);
    taylor_shift_one(&mut shifted);
    sign_variations(&shifted) == 0
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
    let scaled = normalize(scale_by_power_of_two(a, exponent));
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
        streak: 0,
    }];
    let mut zoom_bits = ZOOM_BITS_START;
    while let Some(Node {
        poly: node,
        c,
        depth,
        lo_is_root,
        hi_is_root,
        streak,
    }) = stack.pop()
    {
        let variations = variations_on_unit_interval(&node);
        match variations {
            0 => {}
            1 if !lo_is_root && !hi_is_root => roots.push(Isolated::Open(
                endpoint(&c, depth),
                endpoint(&(&c + integer(1)), depth),
            )),
            _ => {
                // A pair of roots still together after many halvings is a cluster: try to
                // jump to the small cell a float proposal names, exactly checked.
                let mut streak = streak + 1;
                if variations == 2 && !lo_is_root && !hi_is_root && streak >= ZOOM_AFTER {
                    if let Some((poly, m)) = zoom(&node, zoom_bits) {
                        stack.push(Node {
                            poly: normalize(poly),
                            c: (&c << zoom_bits) + m,
                            depth: depth + zoom_bits as i64,
                            lo_is_root: false,
                            hi_is_root: false,
                            streak,
                        });
                        zoom_bits = (zoom_bits * 2).min(ZOOM_BITS_MAX);
                        continue;
                    }
                    zoom_bits = (zoom_bits / 2).max(ZOOM_BITS_MIN);
                    streak = 0;
                }
                let left = scale_by_power_of_two(&node, -1);
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
                    streak,
                });
                stack.push(Node {
                    poly: normalize(left),
                    c: left_c,
                    depth: depth + 1,
                    lo_is_root,
                    hi_is_root: mid_is_root,
                    streak,
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
    /// Consecutive ancestors that held two or more roots.
    streak: u32,
}

/// Halvings of a two-root node before a zoom is tried.
const ZOOM_AFTER: u32 = 8;
/// The zoom's depth in halvings: doubled after a zoom that holds, halved after one that fails;
/// at most what a double's 53 bits can aim at.
const ZOOM_BITS_START: u64 = 16;
const ZOOM_BITS_MIN: u64 = 4;
const ZOOM_BITS_MAX: u64 = 40;

/// For a node polynomial `a` on `(0, 1)` whose two roots are close together: the cell
/// `(m/2^L, (m+1)/2^L)` around where a float Newton iteration puts the derivative's root
/// between them, as the node polynomial `2^(nL) a((m + x)/2^L)` and `m`, when Descartes' rule
/// proves that no root lies outside the cell and neither cell end is a root. The float only
/// proposes the cell; the exact counts decide, so a poor proposal costs a bisection, never a root.
fn zoom(a: &[Integer], bits: u64) -> Option<(Vec<Integer>, Integer)> {
    let x = derivative_root_estimate(a)?;
    let cells = (1u64 << bits) as f64;
    let m = integer((x * cells).floor().clamp(0.0, cells - 1.0) as i64);
    let size = integer(1) << bits;
    let lo = from_integers(m.clone(), size.clone());
    let hi = from_integers(&m + integer(1), size.clone());
    let (zero, one) = (Rational::from(0), Rational::from(1));
    for end in [&lo, &hi] {
        if *end != zero && *end != one && sign_at(a, end) == Ordering::Equal {
            return None;
        }
    }
    if (lo != zero && descartes_bound_ints(a, &zero, &lo) != 0)
        || (hi != one && descartes_bound_ints(a, &hi, &one) != 0)
    {
        return None;
    }
    // 2^(nL) a((m + y)/2^L): scale, then shift by the integer m.
    let mut b = scale_by_power_of_two(a, -(bits as i64));
    taylor_shift_by(&mut b, &m);
    Some((b, m))
}

/// Where Newton's iteration in doubles puts a root of `a'` in `(0, 1)`, started from the middle.
fn derivative_root_estimate(a: &[Integer]) -> Option<f64> {
    let top = a.iter().map(int_bits).max()?;
    let drop = top.saturating_sub(60);
    let f: Vec<f64> = a
        .iter()
        .map(|c| crate::exact::rational::to_f64(&from_integers(c >> drop, integer(1))))
        .collect();
    // a' and a'' by Horner at once.
    let newton = |x: f64| {
        let (mut d1, mut d2, mut d3) = (0.0, 0.0, 0.0);
        for c in f.iter().rev() {
            d3 = d3 * x + d2;
            d2 = d2 * x + d1;
            d1 = d1 * x + c;
        }
        // d1 = a(x), d2 = a'(x), d3 = a''(x)/2.
        (d2, 2.0 * d3)
    };
    let mut x = 0.5;
    for _ in 0..60 {
        let (d, dd) = newton(x);
        if dd == 0.0 || !dd.is_finite() {
            return None;
        }
        let next = (x - d / dd).clamp(0.0, 1.0);
        if next == x {
            break;
        }
        x = next;
    }
    x.is_finite().then_some(x)
}

fn lower(root: &Isolated) -> &Rational {
    match root {
        Isolated::Exact(r) => r,
        Isolated::Open(lo, _) => lo,
    }
}

/// A positive multiple of `a(2^k x)` with integer coefficients, for any integer `k`.
fn scale_by_power_of_two(a: &[Integer], k: i64) -> Vec<Integer> {
    let n = a.len() as i64 - 1;
    a.iter()
        .enumerate()
        .map(|(i, c)| {
            let i = i as i64;
            // 2^(k i), times 2^(-k n) when k < 0 to stay integral.
            shift_left(c, if k >= 0 { k * i } else { -k * (n - i) })
        })
        .collect()
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

/// The sign variations of `(x + 1)^n a(1 / (x + 1))`, capped at 2: Descartes' count for
/// `(0, 1)`, exact when below 2. The Taylor shift settles its coefficients from the constant
/// term up, so the count stops as soon as two variations are certain — most nodes of a search
/// around a cluster of roots are decided long before the shift is complete.
fn variations_on_unit_interval(a: &[Integer]) -> usize {
    let mut b: Vec<Integer> = a.iter().rev().cloned().collect();
    let n = b.len();
    let mut last = Ordering::Equal;
    let mut count = 0;
    for i in 0..n {
        for j in (i..n.saturating_sub(1)).rev() {
            let (low, high) = b.split_at_mut(j + 1);
            low[j] += &high[0];
        }
        // b[i] is final: later passes start above it.
        let s = int_sign(&b[i]);
        if s != Ordering::Equal {
            if last != Ordering::Equal && s != last {
                count += 1;
                if count == 2 {
                    return 2;
                }
            }
            last = s;
        }
    }
    count
}

/// `a(x) ↦ (x + 1)^n a(1 / (x + 1))`, whose positive roots are the roots of `a` in `(0, 1)`.
fn transform_to_half_line(a: &mut [Integer]) {
    a.reverse();
    taylor_shift_one(a);
}

/// `a(x) ↦ a(x + t)` in place, for an integer `t`.
fn taylor_shift_by(a: &mut [Integer], t: &Integer) {
    let n = a.len();
    for i in 0..n.saturating_sub(1) {
        for j in (i..n - 1).rev() {
            let next = &a[j + 1] * t;
            a[j] += next;
        }
    }
}

/// `a(x) ↦ a(x + 1)` in place (additions only).
fn taylor_shift_one(a: &mut [Integer]) {
    let n = a.len();
    for i in 0..n.saturating_sub(1) {
        for j in (i..n - 1).rev() {
            let (low, high) = a.split_at_mut(j + 1);
            low[j] += &high[0];
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
    fn the_integer_bound_equals_the_rational_construction() {
        // The bound built with rational shifts and scalings, as the definition reads.
        let by_definition = |p: &Poly, lo: &Rational, hi: &Rational| {
            let mut a = p.shift(lo).scale_var(&(hi - lo)).primitive_integer_coeffs();
            transform_to_half_line(&mut a);
            sign_variations(&a)
        };
        let p = &Poly::from_roots(&[ratio(-7, 3), ratio(1, 5), ratio(2, 7), int(4)])
            * &Poly::from_i64s(&[3, -1, 0, 2]);
        let ends = [
            ratio(-5, 2),
            ratio(-1, 9),
            int(0),
            ratio(3, 11),
            ratio(13, 4),
            int(5),
        ];
        for lo in &ends {
            for hi in ends.iter().filter(|hi| *hi > lo) {
                assert_eq!(descartes_bound(&p, lo, hi), by_definition(&p, lo, hi));
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
