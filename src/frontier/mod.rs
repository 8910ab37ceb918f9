//! Attainable utilities over a finite set of outcomes: exact Pareto filtering, then the LP contract (hull membership, egalitarian, KS, supporting weights) with certificates, and the hull's faces.
//!
//! `dominance.rs` filters exactly, `programs.rs` states the LPs (solved in `crate::lp`, which
//! certifies every answer), `hull.rs` finds the two-player hull's Pareto faces geometrically and
//! checks each supporting line exactly, `analysis.rs` puts one group together, `input.rs` reads
//! outcomes from sweep files, `plot.rs` draws them.

pub mod analysis;
pub mod dominance;
pub mod geometry;
pub mod hull;
pub mod input;
pub mod plot;
pub mod programs;
pub mod run;
