//! Rendering results as text: tables for people, JSON for programs, LaTeX for papers.

pub mod audit;
pub mod boundary;
pub mod frontier;
pub mod latex;
pub mod models;
pub mod roots;
pub mod solve;
pub mod table;
pub mod ties;
pub mod value;
pub mod verify;

/// An output format.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    Table,
    Json,
    Latex,
}
