//! The race model (the essay "How do open AI models affect incentive to race?", made precise): a closed firm sells above the best open model; does a better open model change its incentives?
//!
//! ```
//! use gpai::exact::rational::{int, ratio};
//! use gpai::models::race::{Extension, Family, Params, exact::{Best, solve}};
//!
//! // f = sqrt(x), 10 customers, 30 days, open model at expense 1, closed at 9.
//! let f = Family::Power { a: int(1), p: ratio(1, 2) };
//! let game = Params::new(f, int(10), int(30), int(30), int(1), int(4), int(9), int(16),
//!                        int(1_000_000), Extension::Base).unwrap();
//! let s = solve(&game).unwrap();
//! // Revenue n·m·(f(y) − f(x)) = 300·(3 − 1) = 600.
//! assert_eq!(s.revenue.as_exact().unwrap().as_rational(), Some(&int(600)));
//! // y* solves 300·f'(y) = 1: sqrt(y) = 150.
//! let Best::Trains { ystar, .. } = s.best else { panic!() };
//! assert_eq!(ystar.as_rational(), Some(&int(22_500)));
//! ```

pub mod exact;
pub mod family;
pub mod float;
pub mod form;
pub mod model;
pub mod params;
pub mod prove;
pub mod regimes;
pub mod report;

pub use params::{Extension, Family, Params};
pub use regimes::Decision;
