//! Integration tests, compiled as one binary to keep link time down.

mod audit;
mod claims;
mod cli;
mod competition;
mod fine_tuning;
mod fine_tuning_n;
mod frontier;
mod fuzz;
mod lp;
mod openness;
mod properties;
mod race;
mod readme;
mod roots;
mod safety_regulation;
mod setup;
mod snapshots;
mod tidy;
mod trust;
