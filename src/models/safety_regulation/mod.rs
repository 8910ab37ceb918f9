//! The safety-regulation game (Laufer, Kleinberg, Heidari, arXiv 2503.20848): performance and safety, with regulatory floors.
//!
//! ```
//! use gpai::exact::rational::ratio;
//! use gpai::models::safety_regulation::{Params, solve};
//!
//! // The paper's running example, unregulated: γ0 = (1/4, 1/4), γ1 = (1/2, 1/2), U_G = U_D = 3/8.
//! let spe = solve(&Params::reference());
//! assert_eq!(spe.u_g.as_rational(), Some(&ratio(3, 8)));
//! ```

pub mod exact;
pub mod float;
pub mod formulas;
pub mod line;
pub mod model;
pub mod params;
pub mod regimes;
pub mod reply;
pub mod report;
pub mod sweep;

pub use exact::{Equilibrium, Outcome, classify, solve};
pub use params::{Costs, Params};
