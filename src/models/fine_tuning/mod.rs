//! The fine-tuning game (Laufer, Kleinberg, Heidari, WWW 2024): one generalist, one specialist, a revenue share.
//!
//! ```
//! use gpai::exact::rational::{int, ratio};
//! use gpai::models::fine_tuning::{Params, solve};
//!
//! let params = Params::quadratic(int(1), int(2), int(1)).unwrap();
//! let spe = solve(&params, &ratio(1, 2));
//! assert_eq!(spe.alpha1.as_rational(), Some(&ratio(3, 8)));
//! ```

pub mod bargain;
pub mod curve;
pub mod exact;
pub mod float;
pub mod model;
pub mod params;
pub mod regimes;
pub mod report;

pub use bargain::{Bargain, Config, bargain};
pub use exact::{Equilibrium, solve};
pub use params::Params;
