//! Attainable utilities over a finite set of outcomes: exact Pareto filtering, then the LP contract (hull membership, egalitarian, KS, supporting weights) with certificates, and the hull's faces.
//!
//! `dominance.rs` filters exactly (a sort and a sweep), `programs.rs` states the LPs (solved in
//! `crate::lp`, which certifies every answer), `hull.rs` finds the hull's Pareto faces (the
//! concave chain for two players, the positive facets of `hull3.rs`'s exact gift-wrapped hull
//! for three) and checks each supporting hyperplane exactly, `generation.rs` solves each
//! outcome's LPs over its hull neighbours first and certifies the answer against the whole
//! program, `analysis.rs` puts one group together, `input.rs` reads outcomes from sweep files,
//! `plot.rs` draws them.

pub mod analysis;
pub mod dominance;
pub mod generation;
pub mod geometry;
pub mod grid;
pub mod hull;
pub mod hull3;
pub mod input;
pub mod plot;
pub mod programs;
pub mod run;
