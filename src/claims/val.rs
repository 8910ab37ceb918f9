//! The values a claim computes with are the values models' outputs take: [`Val`] lives with the models.

pub use crate::models::val::Val;
