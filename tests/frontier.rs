//! The frontier's fast exact filters against brute force on random small rational outcome sets: the Pareto filter against pairwise dominance, hull membership and weights against the LPs over every outcome, faces and 3-D facets against planes through every pair or triple; and the 400-outcome competition frontier through the binary.

use std::process::Command;

use gpai::exact::Rational;
use gpai::exact::rational::ratio;
use gpai::frontier::analysis::analyze;
use gpai::frontier::dominance::{dominates, pareto};
use gpai::frontier::hull::Face;
use gpai::frontier::hull3::hull;
use gpai::frontier::programs::{membership, supporting_weights};
use proptest::prelude::*;

type Points = Vec<Vec<Rational>>;

/// Outcomes with few distinct coordinates (ties and exact copies are common), mapped
/// affinely from `dim` parameters into `players` utilities: `dim < players` puts them on a line
/// or a plane (collinear, coplanar), `dim = players` is general.
fn outcomes(players: usize) -> impl Strategy<Value = Points> {
    (1..=players, 1usize..=12).prop_flat_map(move |(dim, n)| {
        let map = prop::collection::vec(prop::collection::vec(-3i64..=3, dim), players);
        let offset = prop::collection::vec(0i64..=4, players);
        let params = prop::collection::vec(prop::collection::vec(0i64..=3, dim), n);
        let denominator = 1i64..=3;
        (map, offset, params, denominator).prop_map(move |(map, offset, params, d)| {
            params
                .iter()
                .map(|s| {
                    (0..players)
                        .map(|i| {
                            let v = offset[i]
                                + if dim == players {
                                    s[i]
                                } else {
                                    map[i].iter().zip(s).map(|(a, x)| a * x).sum::<i64>()
                                };
                            ratio(v, d)
                        })
                        .collect()
                })
                .collect()
        })
    })
}

fn brute_pareto(p: &Points) -> Vec<usize> {
    (0..p.len())
        .filter(|&i| !(0..p.len()).any(|j| dominates(&p[j], &p[i])))
        .collect()
}

fn dot(a: &[Rational], b: &[Rational]) -> Rational {
    a.iter().zip(b).map(|(x, y)| x * y).sum()
}

fn sub(a: &[Rational], b: &[Rational]) -> Vec<Rational> {
    a.iter().zip(b).map(|(x, y)| x - y).collect()
}

fn cross(u: &[Rational], v: &[Rational]) -> Vec<Rational> {
    vec![
        &u[1] * &v[2] - &u[2] * &v[1],
        &u[2] * &v[0] - &u[0] * &v[2],
        &u[0] * &v[1] - &u[1] * &v[0],
    ]
}

/// The two-player Pareto faces by brute force: every line through two distinct outcomes with a
/// strictly positive normal that no outcome lies above, given by its leftmost and rightmost
/// outcomes (the first of exact copies), left to right.
fn brute_faces2(p: &Points) -> Vec<Face<Rational>> {
    let mut found: Vec<Face<Rational>> = Vec::new();
    for i in 0..p.len() {
        for j in 0..p.len() {
            if p[i][0] >= p[j][0] {
                continue;
            }
            let normal = vec![&p[i][1] - &p[j][1], &p[j][0] - &p[i][0]];
            let level = dot(&normal, &p[i]);
            if normal.iter().any(|w| *w <= 0) || p.iter().any(|q| dot(&normal, q) > level) {
                continue;
            }
            let on: Vec<usize> = (0..p.len())
                .filter(|&q| dot(&normal, &p[q]) == level)
                .collect();
            let end = |better: fn(&Rational, &Rational) -> bool| {
                on.iter()
                    .copied()
                    .reduce(|a, b| if better(&p[b][0], &p[a][0]) { b } else { a })
                    .unwrap()
            };
            let (a, b) = (end(|x, y| x < y), end(|x, y| x > y));
            if found.iter().any(|f| f.members == [a, b]) {
                continue;
            }
            let normal = vec![&p[a][1] - &p[b][1], &p[b][0] - &p[a][0]];
            let level = dot(&normal, &p[a]);
            found.push(Face {
                members: vec![a, b],
                normal,
                level,
            });
        }
    }
    found.sort_by(|f, g| p[f.members[0]][0].cmp(&p[g.members[0]][0]));
    found
}

/// The three-player Pareto faces as the LP-era code enumerated them: every plane through three
/// hull-Pareto outcomes (in index order) with a strictly positive normal that no outcome lies
/// above, the hull-Pareto outcomes on it merged into one face.
fn brute_faces3(p: &Points, on_hull: &[usize]) -> Vec<Face<Rational>> {
    let mut found: Vec<Face<Rational>> = Vec::new();
    let h = on_hull.len();
    for i in 0..h {
        for j in i + 1..h {
            for k in j + 1..h {
                let (a, b, c) = (&p[on_hull[i]], &p[on_hull[j]], &p[on_hull[k]]);
                let mut n = cross(&sub(b, a), &sub(c, a));
                if n.iter().all(|w| *w < 0) {
                    n = n.iter().map(|w| -w).collect();
                }
                if !n.iter().all(|w| *w > 0) {
                    continue;
                }
                let level = dot(&n, a);
                let triple = [on_hull[i], on_hull[j], on_hull[k]];
                if found
                    .iter()
                    .any(|f| triple.iter().all(|t| f.members.contains(t)))
                    || p.iter().any(|q| dot(&n, q) > level)
                {
                    continue;
                }
                let members = on_hull
                    .iter()
                    .copied()
                    .filter(|&q| dot(&n, &p[q]) == level)
                    .collect();
                found.push(Face {
                    members,
                    normal: n,
                    level,
                });
            }
        }
    }
    found
}

/// A plane as a canonical key: the normal and level divided by the normal's first non-zero
/// component's absolute value (orientation kept).
fn plane_key(normal: &[Rational], level: &Rational) -> Vec<Rational> {
    let first = normal.iter().find(|w| **w != 0).unwrap();
    let scale = if *first < 0 { -first } else { first.clone() };
    normal.iter().chain([level]).map(|x| x / &scale).collect()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn the_pareto_filter_is_pairwise_dominance(p in (2usize..=4).prop_flat_map(outcomes)) {
        prop_assert_eq!(pareto(&p), brute_pareto(&p));
    }

    #[test]
    fn hull_membership_and_weights_equal_the_lps_over_every_outcome(
        p in (2usize..=4).prop_flat_map(outcomes)
    ) {
        let g = analyze("test", &p).unwrap();
        let front = brute_pareto(&p);
        prop_assert_eq!(&g.pareto, &front);
        let mut on_hull = Vec::new();
        for &k in &front {
            let m = membership(&p, k).unwrap();
            if m.value == 0 {
                on_hull.push(k);
                let got = g.hull.iter().find(|h| h.index == k).unwrap();
                let w = supporting_weights(&p, k).ok().filter(|w| w.value > 0);
                prop_assert_eq!(
                    got.weights.as_ref().map(|w| w.value.clone()),
                    w.map(|w| w.value)
                );
            } else {
                let (_, got) = g.dominated_by_lottery.iter().find(|(i, _)| *i == k).unwrap();
                prop_assert_eq!(&got.value, &m.value);
            }
        }
        let hull: Vec<usize> = g.hull.iter().map(|h| h.index).collect();
        prop_assert_eq!(&hull, &on_hull);
        match p[0].len() {
            2 => prop_assert_eq!(&g.faces, &brute_faces2(&p)),
            3 => prop_assert_eq!(&g.faces, &brute_faces3(&p, &on_hull)),
            _ => prop_assert!(g.faces.is_empty()),
        }
    }

    #[test]
    fn three_player_facets_are_the_supporting_planes_through_three_outcomes(p in outcomes(3)) {
        let h = hull(&p);
        // Every supporting plane through three non-collinear outcomes, with the outcomes on it.
        let mut planes: Vec<(Vec<Rational>, Vec<usize>)> = Vec::new();
        let n = p.len();
        let all_coplanar = |normal: &[Rational], level: &Rational| {
            p.iter().all(|q| dot(normal, q) == *level)
        };
        for i in 0..n {
            for j in i + 1..n {
                for k in j + 1..n {
                    let normal = cross(&sub(&p[j], &p[i]), &sub(&p[k], &p[i]));
                    if normal.iter().all(|w| *w == 0) {
                        continue;
                    }
                    for normal in [normal.clone(), normal.iter().map(|w| -w).collect()] {
                        let level = dot(&normal, &p[i]);
                        if p.iter().any(|q| dot(&normal, q) > level) {
                            continue;
                        }
                        let key = plane_key(&normal, &level);
                        if !planes.iter().any(|(k, _)| *k == key) {
                            let on = (0..n).filter(|&q| dot(&normal, &p[q]) == level).collect();
                            planes.push((key, on));
                        }
                    }
                }
            }
        }
        let mut got: Vec<(Vec<Rational>, Vec<usize>)> = h
            .facets
            .iter()
            .map(|f| {
                prop_assert!(p.iter().all(|q| dot(&f.normal, q) <= f.level));
                Ok((plane_key(&f.normal, &f.level), f.members.clone()))
            })
            .collect::<Result<_, TestCaseError>>()?;
        if let [(normal_and_level, _)] = &got[..] {
            // Outcomes on one plane: one facet, either way up.
            let (normal, level) = normal_and_level.split_at(3);
            prop_assert!(all_coplanar(normal, &level[0]));
            planes.retain(|(key, _)| plane_key(&key[..3], &key[3]) == *normal_and_level);
        }
        got.sort();
        planes.sort();
        prop_assert_eq!(got, planes);
    }
}

#[test]
fn the_four_hundred_outcome_competition_frontier_runs() {
    let dir = std::env::temp_dir().join(format!("gpai-frontier-400-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let csv = dir.join("competition.csv");
    let gpai = |args: &[&str]| {
        let out = Command::new(env!("CARGO_BIN_EXE_gpai"))
            .args(args)
            .output()
            .expect("the gpai binary runs");
        assert!(
            out.status.success(),
            "{args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).unwrap()
    };
    let csv = csv.to_str().unwrap();
    gpai(&[
        "sweep",
        "competition",
        "--grid",
        "omega=0:1:1/400",
        "--out",
        csv,
    ]);
    let report = gpai(&["frontier", "--input", csv, "--players", "pi_l,pi_f,pi_d0"]);
    assert!(report.starts_with("frontier of (pi_l, pi_f, pi_d0) over 401 outcomes in 1 group"));
    let row: Vec<&str> = report
        .lines()
        .find(|l| l.trim_start().starts_with("all "))
        .unwrap()
        .split_whitespace()
        .collect();
    // group, outcomes, Pareto-optimal, hull-Pareto, faces, egalitarian t, KS t
    assert_eq!(row, ["all", "401", "386", "386", "99", "81/1072", "8/13"]);
    assert!(report.contains("egalitarian: t = 81/1072 by 3/67 × #0 + 64/67 × #400"));
    std::fs::remove_dir_all(&dir).ok();
}
