//! The safety game's candidate enumeration in plain `f64`, unchecked: the speed baseline the exact sweep is measured against, never used for a verdict.
//!
//! The same steps as `src/models/safety_regulation/exact.rs`: D's KKT forms and the floors
//! where D's choice changes, G's pieces of `β0`, the sub-pieces where G's `α0` rule changes,
//! and on each the ends and the critical points of G's utility, the best taken by plain `>`.
//! Roots come from the quadratic formula and from bisection between the critical points of
//! the derivative; no error is bounded and no tie is seen.

/// A polynomial, lowest degree first.
#[derive(Clone, Debug)]
struct P(Vec<f64>);

impl P {
    fn c(x: f64) -> P {
        P(vec![x])
    }
    fn lin(a: f64, b: f64) -> P {
        P(vec![a, b])
    }
    fn at(&self, x: f64) -> f64 {
        self.0.iter().rev().fold(0.0, |acc, c| acc * x + c)
    }
    fn add(&self, o: &P) -> P {
        let n = self.0.len().max(o.0.len());
        P((0..n)
            .map(|i| self.0.get(i).unwrap_or(&0.0) + o.0.get(i).unwrap_or(&0.0))
            .collect())
    }
    fn scale(&self, k: f64) -> P {
        P(self.0.iter().map(|c| c * k).collect())
    }
    fn sub(&self, o: &P) -> P {
        self.add(&o.scale(-1.0))
    }
    fn mul(&self, o: &P) -> P {
        let mut out = vec![0.0; self.0.len() + o.0.len() - 1];
        for (i, a) in self.0.iter().enumerate() {
            for (j, b) in o.0.iter().enumerate() {
                out[i + j] += a * b;
            }
        }
        P(out)
    }
    fn derivative(&self) -> P {
        if self.0.len() <= 1 {
            return P::c(0.0);
        }
        P(self.0[1..]
            .iter()
            .enumerate()
            .map(|(i, c)| c * (i + 1) as f64)
            .collect())
    }
    fn degree(&self) -> usize {
        self.0.iter().rposition(|c| *c != 0.0).unwrap_or(0)
    }

    /// The real roots in `(lo, hi)`, ascending.
    fn roots_in(&self, lo: f64, hi: f64) -> Vec<f64> {
        let c = &self.0;
        let mut out = match self.degree() {
            0 => Vec::new(),
            1 => vec![-c[0] / c[1]],
            2 => {
                let d = c[1] * c[1] - 4.0 * c[2] * c[0];
                if d < 0.0 {
                    Vec::new()
                } else {
                    let s = d.sqrt();
                    vec![(-c[1] - s) / (2.0 * c[2]), (-c[1] + s) / (2.0 * c[2])]
                }
            }
            _ => {
                // Between consecutive critical points the polynomial is monotone: bisect
                // every sign change.
                let mut ends = vec![lo];
                ends.extend(self.derivative().roots_in(lo, hi));
                ends.push(hi);
                let mut roots = Vec::new();
                for w in ends.windows(2) {
                    let (mut a, mut b) = (w[0], w[1]);
                    let (fa, fb) = (self.at(a), self.at(b));
                    if fa == 0.0 {
                        roots.push(a);
                        continue;
                    }
                    if fa * fb > 0.0 {
                        continue;
                    }
                    for _ in 0..60 {
                        let m = 0.5 * (a + b);
                        if (self.at(m) > 0.0) == (fa > 0.0) {
                            a = m;
                        } else {
                            b = m;
                        }
                    }
                    roots.push(0.5 * (a + b));
                }
                roots
            }
        };
        out.retain(|x| *x > lo && *x < hi);
        out.sort_by(f64::total_cmp);
        out
    }
}

/// `xᵀ C x` for polynomial entries, `C = [aa, ab, bb]`.
fn quad(c: [f64; 3], a: &P, b: &P) -> P {
    a.mul(a)
        .scale(c[0])
        .add(&a.mul(b).scale(2.0 * c[1]))
        .add(&b.mul(b).scale(c[2]))
}

/// The equilibrium's six numbers: `α0, β0, α1, β1, U_G, U_D` (zeros when G abstains).
pub fn solve(c0: [f64; 3], c1: [f64; 3], r: [f64; 2], delta: f64, floors: [f64; 2]) -> [f64; 6] {
    let (tg, td) = (floors[0], floors[1]);
    let (ma, mb) = ((1.0 - delta) * r[0], (1.0 - delta) * r[1]);
    // D's forms: (u(s), v(s)) and whether it is valid at s.
    let det = c1[0] * c1[2] - c1[1] * c1[1];
    let mut forms: Vec<(usize, P, P)> = Vec::new();
    if det > 0.0 {
        forms.push((
            0,
            P::c((ma * c1[2] - mb * c1[1]) / (2.0 * det)),
            P::c((mb * c1[0] - ma * c1[1]) / (2.0 * det)),
        ));
    }
    forms.push((1, P::c(0.0), P::c(mb / (2.0 * c1[2]))));
    forms.push((
        2,
        P::lin(ma / (2.0 * c1[0]), -c1[1] / c1[0]),
        P::lin(0.0, 1.0),
    ));
    forms.push((3, P::c(0.0), P::lin(0.0, 1.0)));
    let value = |u: &P, v: &P| u.scale(ma).add(&v.scale(mb)).sub(&quad(c1, u, v));
    let valid = |k: usize, u: f64, v: f64, s: f64| match k {
        0 => u > 0.0 && v > s,
        1 => v >= s,
        2 => u >= 0.0,
        _ => true,
    };
    let best_at = |s: f64| -> usize {
        let mut best: Option<(usize, f64, f64)> = None;
        for (i, (k, u, v)) in forms.iter().enumerate() {
            let (uu, vv) = (u.at(s), v.at(s));
            if !valid(*k, uu, vv, s) {
                continue;
            }
            let (phi, for_g) = (value(u, v).at(s), r[0] * uu + r[1] * vv);
            if best.is_none_or(|(_, p, g)| phi > p || (phi == p && for_g > g)) {
                best = Some((i, phi, for_g));
            }
        }
        best.expect("the corner").0
    };
    // G's pieces of β0: (lo, hi, floored, form).
    let mut pieces: Vec<(f64, f64, bool, usize)> = Vec::new();
    if td > tg {
        let s_max = td - tg;
        let mut switch: Vec<P> = Vec::new();
        for (k, u, v) in &forms {
            match k {
                0 | 1 => switch.push(v.sub(&P::lin(0.0, 1.0))),
                2 => switch.push(u.clone()),
                _ => {}
            }
        }
        for i in 0..forms.len() {
            for j in i + 1..forms.len() {
                switch.push(value(&forms[i].1, &forms[i].2).sub(&value(&forms[j].1, &forms[j].2)));
            }
        }
        let mut nodes = vec![0.0];
        for p in &switch {
            nodes.extend(p.roots_in(0.0, s_max));
        }
        nodes.push(s_max);
        nodes.sort_by(f64::total_cmp);
        nodes.dedup();
        for w in nodes.windows(2).rev() {
            pieces.push((td - w[1], td - w[0], true, best_at(0.5 * (w[0] + w[1]))));
        }
    }
    pieces.push((td.max(tg), f64::INFINITY, false, best_at(0.0)));
    let mut best: Option<(f64, [f64; 6])> = None;
    for (lo, hi, floored, form) in pieces {
        let (_, u, v) = &forms[form];
        let in_beta = |p: &P| {
            if floored {
                // p(θ_D − β).
                p.0.iter().enumerate().fold(P::c(0.0), |acc, (i, c)| {
                    let mut term = P::c(*c);
                    for _ in 0..i {
                        term = term.mul(&P::lin(td, -1.0));
                    }
                    acc.add(&term)
                })
            } else {
                P::c(p.at(0.0))
            }
        };
        let (u, v) = (in_beta(u), in_beta(v));
        let d_without_alpha = P::lin(0.0, mb).add(&value(&u, &v));
        let mut options = vec![
            P::lin(delta * r[0] / (2.0 * c0[0]), -c0[1] / c0[0]),
            P::c(0.0),
        ];
        let lever = ma > 0.0;
        if lever {
            options.push(d_without_alpha.scale(-1.0 / ma));
        }
        let mut cuts: Vec<P> = Vec::new();
        for i in 0..options.len() {
            for j in i + 1..options.len() {
                cuts.push(options[i].sub(&options[j]));
            }
        }
        if !lever {
            cuts.push(d_without_alpha.clone());
        }
        let top = if hi.is_finite() { hi } else { lo + 1e6 };
        let mut nodes = vec![lo];
        for p in &cuts {
            nodes.extend(p.roots_in(lo, top));
        }
        nodes.sort_by(f64::total_cmp);
        nodes.dedup();
        for k in 0..nodes.len() {
            let a = nodes[k];
            let b = nodes.get(k + 1).copied().unwrap_or(hi);
            let sample = if b.is_finite() {
                0.5 * (a + b)
            } else {
                a.ceil() + 1.0
            };
            let alpha0 = options
                .iter()
                .max_by(|x, y| x.at(sample).total_cmp(&y.at(sample)))
                .expect("two options");
            let utility_d = alpha0.scale(ma).add(&d_without_alpha);
            if !lever && utility_d.at(sample) < 0.0 {
                continue;
            }
            let beta = P::lin(0.0, 1.0);
            let revenue = alpha0.add(&u).scale(r[0]).add(&beta.add(&v).scale(r[1]));
            let utility_g = revenue.scale(delta).sub(&quad(c0, alpha0, &beta));
            let mut at = vec![a];
            if b.is_finite() {
                at.push(b);
            }
            at.extend(utility_g.derivative().roots_in(a, b.min(a + 1e6)));
            for x in at {
                let ug = utility_g.at(x);
                if best.is_none_or(|(g, _)| ug > g) {
                    let a0 = alpha0.at(x);
                    best = Some((ug, [a0, x, a0 + u.at(x), x + v.at(x), ug, utility_d.at(x)]));
                }
            }
        }
    }
    match best {
        Some((ug, values)) if ug >= 0.0 => values,
        _ => [0.0; 6],
    }
}
