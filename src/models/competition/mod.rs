//! THIS PROJECT'S competition model (after Xu, Wang, Chen, Xie 2024; not the paper's equations): openness trap, vertical integration and free trials.
//!
//! ```
//! use gpai::exact::rational::ratio;
//! use gpai::models::competition::{Params, Regime, solve};
//!
//! // The spec's check set P1 at ω = 4/5: F adopts, L's effort is 5/42.
//! let s = solve(&Params::p1(ratio(4, 5)));
//! assert_eq!(s.base.regime, Regime::Accommodation);
//! assert_eq!(s.base.outcome.e, ratio(5, 42));
//! ```

pub mod exact;
pub mod float;
pub mod market;
pub mod model;
pub mod params;
pub mod regimes;
pub mod report;
pub mod sweep;
pub mod thresholds;

pub use exact::{Solution, solve};
pub use params::Params;
pub use regimes::Regime;
