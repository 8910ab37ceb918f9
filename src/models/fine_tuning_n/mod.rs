//! The fine-tuning game with n specialists (this project's cost form, extending the published one): contributors, free riders and abstainers.
//!
//! ```
//! use gpai::exact::rational::{int, ratio};
//! use gpai::models::fine_tuning_n::{Domain, Params, solve};
//!
//! // One domain without fixed or marginal costs is the paper's quadratic game: α0 = δr/(2c0).
//! let d = Domain { r: int(1), c: int(2), kappa: int(0), a: int(0), delta: ratio(1, 2) };
//! let spe = solve(&Params::new(int(1), int(0), vec![d]).unwrap());
//! assert_eq!(spe.alpha0, ratio(1, 4));
//! ```

pub mod bargain;
pub mod bargaining;
pub mod exact;
pub mod float;
pub mod model;
pub mod params;
pub mod per_domain;
pub mod pieces;
pub mod regimes;
pub mod report;
pub mod search;
pub mod sweep;

pub use exact::{Equilibrium, solve};
pub use params::{Domain, Params};
pub use regimes::Regime;

/// `1 domain`, `3 domains`: the count the reports' titles give.
fn domains(n: usize) -> String {
    if n == 1 {
        "1 domain".into()
    } else {
        format!("{n} domains")
    }
}
