//! A seeded search for games whose common-share Pareto set has at least k components: how the toolkit finds its disconnected instances.
//!
//! Games are drawn from small menus of rationals (revenues and costs in {1/2, 1, 2, 3}, fixed and
//! marginal costs in {0, 1/8, 1/4, 1/2, 1}) with SplitMix64, screened with a coarse analysis, and
//! a hit is confirmed with the caller's configuration. The same seed finds the same game.

use crate::error::Result;
use crate::exact::Rational;
use crate::exact::rational::{int, pow2, ratio};
use crate::rng::SplitMix64;

use super::bargain::{Bargain, Config, bargain};
use super::params::{Domain, Params};

/// A game found, and after how many draws.
#[derive(Clone, Debug)]
pub struct Found {
    pub tries: usize,
    pub params: Params,
    pub bargain: Bargain,
}

fn draw(rng: &mut SplitMix64, menu: &[Rational]) -> Rational {
    menu[(rng.next_u64() % menu.len() as u64) as usize].clone()
}

/// The first of `tries` games with `n` domains drawn from `seed` whose Pareto set over a
/// common share has at least `components` components under `config`.
pub fn find_components(
    components: usize,
    n: usize,
    seed: u64,
    tries: usize,
    config: &Config,
) -> Result<Option<Found>> {
    let positive = [ratio(1, 2), int(1), int(2), int(3)];
    let small = [int(0), ratio(1, 8), ratio(1, 4), ratio(1, 2), int(1)];
    let screen = Config {
        grid: 64,
        width: pow2(-20),
    };
    let mut rng = SplitMix64(seed);
    for t in 1..=tries {
        let domains: Vec<Domain> = (0..n)
            .map(|_| Domain {
                r: draw(&mut rng, &positive),
                c: draw(&mut rng, &positive),
                kappa: draw(&mut rng, &small),
                a: draw(&mut rng, &small),
                delta: int(0),
            })
            .collect();
        let c0 = draw(&mut rng, &positive);
        let kappa0 = draw(&mut rng, &small);
        let params = Params::new(c0, kappa0, domains)?;
        if bargain(&params, &screen)?.components.len() < components {
            continue;
        }
        let b = bargain(&params, config)?;
        if b.components.len() >= components {
            return Ok(Some(Found {
                tries: t,
                params,
                bargain: b,
            }));
        }
    }
    Ok(None)
}
