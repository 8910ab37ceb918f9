//! Integer polynomials modulo small primes: ruling out rational roots and quadratic factors without refining any interval.
//!
//! A factor over Q of degree `k` of a primitive integer polynomial reduces, modulo a prime not
//! dividing the leading coefficient, to a factor of degree `k`. So when the reduction has no root
//! (no factor of degree 1), or shares nothing with `x^(q²) − x` (the product of every monic
//! irreducible of degree 1 or 2), the polynomial has no such factor over Q. `false` from these
//! tests means nothing: some polynomials have roots modulo every prime. They only spare the
//! exact search, which is then certain to fail, its refinement to `1/lc²`.

use super::Integer;

const PRIMES: [i64; 12] = [3, 5, 7, 11, 13, 17, 19, 23, 29, 31, 37, 41];

/// Whether the integer polynomial provably has no rational root.
pub(crate) fn no_rational_root(ints: &[Integer]) -> bool {
    PRIMES
        .iter()
        .any(|&q| residues(ints, q).is_some_and(|coeffs| (0..q).all(|x| eval(&coeffs, x, q) != 0)))
}

/// Whether the integer polynomial (degree ≥ 1) provably has no factor of degree 1 or 2 over Q.
pub(crate) fn no_factor_of_degree_one_or_two(ints: &[Integer]) -> bool {
    PRIMES.iter().any(|&q| {
        let Some(f) = residues(ints, q) else {
            return false;
        };
        let f = monic(f, q);
        // x^(q²) mod f, by repeated squaring, then gcd(f, x^(q²) − x).
        let mut power = reduce(vec![0, 1], &f, q);
        for _ in 0..2 {
            power = pow_mod(&power, q as u64, &f, q);
        }
        let mut g = sub(&power, &[0, 1], q);
        trim(&mut g);
        gcd(f, g, q).len() == 1
    })
}

/// Whether two integer polynomials (degree ≥ 1 each) are provably coprime over Q: a common
/// factor keeps its degree modulo a prime dividing neither leading coefficient, so a gcd of
/// degree 0 modulo one such prime proves there is none. The primes are large, so that a
/// coprime pair fails the test only by rare bad luck (then `false`, and the caller's exact gcd
/// decides).
pub(crate) fn coprime(a: &[Integer], b: &[Integer]) -> bool {
    const LARGE_PRIMES: [i64; 3] = [2_147_483_647, 2_147_483_629, 2_147_483_587];
    LARGE_PRIMES.iter().any(|&q| {
        let (Some(a), Some(b)) = (residues(a, q), residues(b, q)) else {
            return false;
        };
        gcd(a, b, q).len() == 1
    })
}

/// The coefficients modulo `q`, or `None` when `q` divides the leading coefficient.
fn residues(ints: &[Integer], q: i64) -> Option<Vec<i64>> {
    let q_int = Integer::from(q);
    let residue = |c: &Integer| -> i64 {
        let r = c % &q_int;
        i64::try_from(&r).expect("a residue below q").rem_euclid(q)
    };
    let coeffs: Vec<i64> = ints.iter().map(residue).collect();
    (*coeffs.last()? != 0).then_some(coeffs)
}

// Residues stay below q < 2^31, so products fit an i64.
fn eval(coeffs: &[i64], x: i64, q: i64) -> i64 {
    coeffs.iter().rev().fold(0, |acc, c| (acc * x + c) % q)
}

fn inverse(a: i64, q: i64) -> i64 {
    // Extended Euclid on (q, a): q is prime and a is not a multiple of it.
    let (mut r0, mut r1) = (q, a.rem_euclid(q));
    let (mut t0, mut t1) = (0i64, 1i64);
    while r1 != 0 {
        let k = r0 / r1;
        (r0, r1) = (r1, r0 - k * r1);
        (t0, t1) = (t1, t0 - k * t1);
    }
    t0.rem_euclid(q)
}

fn trim(a: &mut Vec<i64>) {
    while a.last() == Some(&0) {
        a.pop();
    }
}

fn monic(mut a: Vec<i64>, q: i64) -> Vec<i64> {
    trim(&mut a);
    let inv = inverse(*a.last().expect("a non-zero polynomial"), q);
    for c in &mut a {
        *c = *c * inv % q;
    }
    a
}

/// `a mod f` for a monic `f`.
fn reduce(mut a: Vec<i64>, f: &[i64], q: i64) -> Vec<i64> {
    let n = f.len() - 1;
    while a.len() > n {
        let top = a.pop().expect("longer than f");
        if top != 0 {
            let offset = a.len() - n;
            for (i, c) in f[..n].iter().enumerate() {
                a[offset + i] = (a[offset + i] - top * c).rem_euclid(q);
            }
        }
    }
    trim(&mut a);
    a
}

fn mul_mod(a: &[i64], b: &[i64], f: &[i64], q: i64) -> Vec<i64> {
    if a.is_empty() || b.is_empty() {
        return Vec::new();
    }
    let mut product = vec![0; a.len() + b.len() - 1];
    for (i, x) in a.iter().enumerate() {
        for (j, y) in b.iter().enumerate() {
            product[i + j] = (product[i + j] + x * y) % q;
        }
    }
    reduce(product, f, q)
}

fn pow_mod(base: &[i64], mut e: u64, f: &[i64], q: i64) -> Vec<i64> {
    let mut result = reduce(vec![1], f, q);
    let mut base = base.to_vec();
    while e > 0 {
        if e & 1 == 1 {
            result = mul_mod(&result, &base, f, q);
        }
        base = mul_mod(&base, &base, f, q);
        e >>= 1;
    }
    result
}

fn sub(a: &[i64], b: &[i64], q: i64) -> Vec<i64> {
    let mut out = vec![0; a.len().max(b.len())];
    for (i, c) in out.iter_mut().enumerate() {
        let x = a.get(i).copied().unwrap_or(0);
        let y = b.get(i).copied().unwrap_or(0);
        *c = (x - y).rem_euclid(q);
    }
    out
}

/// The monic gcd (the empty vector stands for zero).
fn gcd(mut a: Vec<i64>, mut b: Vec<i64>, q: i64) -> Vec<i64> {
    trim(&mut a);
    trim(&mut b);
    while !b.is_empty() {
        let b_monic = monic(b.clone(), q);
        let r = reduce(a, &b_monic, q);
        a = b_monic;
        b = r;
    }
    if a.is_empty() { a } else { monic(a, q) }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ints(c: &[i64]) -> Vec<Integer> {
        c.iter().map(|x| Integer::from(*x)).collect()
    }

    #[test]
    fn inverses_modulo_a_prime() {
        for q in PRIMES.into_iter().chain([2_147_483_647, 2_147_483_587]) {
            for a in [1, 2, q - 1, q / 2 + 1, -4, q + 5]
                .into_iter()
                .filter(|a| a % q != 0)
            {
                assert_eq!(a.rem_euclid(q) * inverse(a, q) % q, 1, "{a} mod {q}");
            }
        }
    }

    #[test]
    fn a_polynomial_without_roots_modulo_a_prime_has_no_rational_root() {
        // x^3 - 2 has no root modulo 7 (cubes mod 7 are 0, 1, 6).
        assert!(no_rational_root(&ints(&[-2, 0, 0, 1])));
        // 3x^3 - 2x^2 - 3x + 2 = (3x - 2)(x - 1)(x + 1): roots modulo every prime.
        assert!(!no_rational_root(&ints(&[2, -3, -2, 3])));
        // (x^2 - 2)(x^2 - 3)(x^2 - 6) has roots modulo every prime, yet no rational root: the
        // test says nothing, and the exact search decides.
        assert!(!no_rational_root(&ints(&[-36, 0, 36, 0, -11, 0, 1])));
    }

    #[test]
    fn quadratic_factors_survive_every_prime_and_their_absence_is_proved() {
        // (x^2 - 2)(x^3 - 3): the quadratic factor reduces to a factor of degree ≤ 2 everywhere.
        assert!(!no_factor_of_degree_one_or_two(&ints(&[
            6, 0, -3, -2, 0, 1
        ])));
        // (3x - 1)(x^4 + 2): the linear factor too.
        assert!(!no_factor_of_degree_one_or_two(&ints(&[
            -2, 6, 0, 0, -1, 3
        ])));
        // x^5 - x - 1 is irreducible modulo 5 (x^p - x - 1 is, modulo p).
        assert!(no_factor_of_degree_one_or_two(&ints(&[-1, -1, 0, 0, 0, 1])));
        // x^4 + 1 is irreducible over Q but splits into quadratics modulo every prime.
        assert!(!no_factor_of_degree_one_or_two(&ints(&[1, 0, 0, 0, 1])));
    }

    #[test]
    fn coprimality_is_proved_modulo_a_large_prime_and_common_factors_are_never_missed() {
        // x^2 - 2 and x^2 - 3 are coprime; (x - 1)(x + 5) and (x - 1)(3x + 2) share x - 1.
        assert!(coprime(&ints(&[-2, 0, 1]), &ints(&[-3, 0, 1])));
        assert!(!coprime(&ints(&[-5, 4, 1]), &ints(&[-2, -1, 3])));
        // A common factor with huge coefficients is still a common factor modulo every prime.
        let big = crate::exact::rational::int_pow(&Integer::from(10), 40) + Integer::from(7);
        let f = [-big.clone(), Integer::from(1)];
        let times = |g: &[i64]| {
            let mut out = vec![Integer::from(0); g.len() + 1];
            for (i, c) in g.iter().enumerate() {
                out[i] += &f[0] * Integer::from(*c);
                out[i + 1] += Integer::from(*c);
            }
            out
        };
        assert!(!coprime(&times(&[1, 1]), &times(&[-7, 0, 2])));
    }
}
