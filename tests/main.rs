//! Integration tests, compiled as one binary to keep link time down.

mod audit;
mod claims;
mod cli;
mod fine_tuning;
mod lp;
mod openness;
mod properties;
mod readme;
mod roots;
mod safety_regulation;
mod snapshots;
