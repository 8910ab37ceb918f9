//! Floating-point line searches shared by the float solvers (never by the exact ones).

/// Maximizes `f` on `[lo, hi]` by golden-section search to the relative `tolerance`, assuming
/// unimodality; the ends are compared too, for maxima on the boundary.
pub fn golden(f: &dyn Fn(f64) -> f64, mut lo: f64, mut hi: f64, tolerance: f64) -> f64 {
    let ratio = (5f64.sqrt() - 1.0) / 2.0;
    let (start, end) = (lo, hi);
    let mut a = hi - ratio * (hi - lo);
    let mut b = lo + ratio * (hi - lo);
    let (mut fa, mut fb) = (f(a), f(b));
    while hi - lo > tolerance * (1.0 + lo.abs().max(hi.abs())) {
        if fa < fb {
            lo = a;
            a = b;
            fa = fb;
            b = lo + ratio * (hi - lo);
            fb = f(b);
        } else {
            hi = b;
            b = a;
            fb = fa;
            a = hi - ratio * (hi - lo);
            fa = f(a);
        }
    }
    [start, (lo + hi) / 2.0, end]
        .into_iter()
        .max_by(|x, y| f(*x).total_cmp(&f(*y)))
        .unwrap_or(lo)
}

/// Maximizes a unimodal `f` on `[lo, ∞)`: bracket by doubling, then golden section.
pub fn golden_from(f: &dyn Fn(f64) -> f64, lo: f64, tolerance: f64) -> f64 {
    let mut width = 1.0;
    while f(lo + 2.0 * width) > f(lo + width) && width < 1e300 {
        width *= 2.0;
    }
    golden(f, lo, lo + 2.0 * width, tolerance)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_interior_and_boundary_maxima() {
        assert!((golden(&|x| -(x - 0.3) * (x - 0.3), 0.0, 1.0, 1e-12) - 0.3).abs() < 1e-6);
        assert_eq!(golden(&|x| x, 0.0, 1.0, 1e-12), 1.0);
        assert!((golden_from(&|x| 10.0 * x - x * x, 0.0, 1e-12) - 5.0).abs() < 1e-6);
    }
}
