//! Linear programs with exact certificates: HiGHS (through good_lp, imported only here) proposes, exact arithmetic proves.
//!
//! `problem.rs` holds the exact LP and its certificate check (primal feasibility, dual
//! feasibility, equal objectives, all over Q); `highs.rs` solves it in floating point;
//! `rounding.rs` turns HiGHS's floats into rationals (bounded-denominator rounding, or the
//! optimal support's systems re-solved over Q); `simplex.rs` is the exact rational simplex used
//! when neither passes; `certify.rs` runs that pipeline. No answer leaves this module without a
//! certificate that passed the exact check.

pub mod certify;
pub mod highs;
pub mod problem;
pub mod rounding;
pub mod simplex;

pub use certify::{LpError, optimum};
pub use problem::{Certificate, Lp, Method, Row, Sense};
