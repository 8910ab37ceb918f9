//! gpai: exact verification of the game-theoretic economics of general-purpose AI.
//!
//! Modules in reading order: [`exact`] is the arithmetic every verdict rests on (rationals,
//! polynomials, real roots, algebraic numbers); [`lp`] is the linear-programming back end;
//! [`report`] turns results into tables and JSON; [`cli`] is the command line.
//!
//! ```
//! use gpai::exact::{parse_poly, real_roots};
//!
//! let roots = real_roots(&parse_poly("x^5 - x - 1").unwrap());
//! assert_eq!(roots.len(), 1);
//! assert_eq!(roots[0].value.decimal(12).marked(), "≈1.16730397826…");
//! ```

pub mod audit;
pub mod claims;
pub mod cli;
pub mod error;
pub mod exact;
pub mod frontier;
pub mod limits;
pub mod lp;
pub mod models;
pub mod report;
pub mod rng;
pub mod sweep;

pub use error::{Error, Result};
pub use exact::{Algebraic, Poly, Rational};

/// The README's Rust examples, compiled and run as doctests.
#[doc = include_str!("../README.md")]
#[cfg(doctest)]
pub struct ReadmeDoctests;

/// The exact core's guide (`docs/exact.md`): its Rust examples, compiled and run as doctests.
#[doc = include_str!("../docs/exact.md")]
#[cfg(doctest)]
pub struct ExactGuideDoctests;
