//! THIS PROJECT'S openness model (after Qiu, Laufer, Kleinberg, Heidari, NeurIPS 2025; not the paper's equations): comply, pay or exit under an open-source threshold.
//!
//! ```
//! use gpai::exact::rational::ratio;
//! use gpai::models::openness::{Params, Regime, solve};
//!
//! // The spec's base set with α0 = 1, θ = 3/4, p = 1/32: G raises its openness to 3/4.
//! let q = Params::base().with_checked("theta", ratio(3, 4)).unwrap();
//! let q = q.with_checked("p", ratio(1, 32)).unwrap();
//! assert_eq!(solve(&q).regime, Regime::Comply);
//! ```

pub mod exact;
pub mod float;
pub mod model;
pub mod params;
pub mod regimes;
pub mod report;
pub mod sweep;

pub use exact::{Equilibrium, boundaries, solve};
pub use params::Params;
pub use regimes::Regime;
