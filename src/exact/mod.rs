//! Exact arithmetic: rationals, univariate polynomials over Q, real roots and real algebraic numbers.
//!
//! Nothing outside this module knows which big-number crate stands behind [`Rational`]; the
//! helpers in [`rational`] give the rest of the crate what it needs without naming it.
//!
//! ```
//! use gpai::exact::{parse_poly, real_roots, parse_rational};
//!
//! // (x^2 - 2)(x^2 - 3)(x^2 - 6): six real roots, each found and named in closed form.
//! let p = parse_poly("(x^2-2)(x^2-3)(x^2-6)").unwrap();
//! let roots = real_roots(&p);
//! let names: Vec<String> = roots.iter().map(|r| r.value.closed_form().unwrap()).collect();
//! assert_eq!(names, ["-sqrt(6)", "-sqrt(3)", "-sqrt(2)", "sqrt(2)", "sqrt(3)", "sqrt(6)"]);
//!
//! // sqrt(2) * sqrt(3) is exactly sqrt(6): equality is decided, not estimated.
//! let product = roots[3].value.mul(&roots[4].value);
//! assert_eq!(product, roots[5].value);
//! assert_eq!(parse_rational("2.5e-3").unwrap().to_string(), "1/400");
//! ```

pub mod algebraic;
pub mod algebraic_ops;
pub mod bipoly;
pub mod closed_form;
pub mod decimal;
pub mod descartes;
pub mod field;
pub mod float_interval;
pub mod interval;
pub mod ln;
pub mod modular;
pub mod number;
pub mod poly;
pub mod poly_parse;
pub mod ratfn;
pub mod rational;
pub mod refine;
pub mod resultant;
pub mod root_memo;
pub mod roots;
pub mod sign;
pub mod sturm;
pub mod text;
pub mod value;
pub mod value_parse;

/// The project's arbitrary-precision rational type. Swap the crate here and in [`rational`].
pub type Rational = malachite::Rational;
/// The project's arbitrary-precision integer type.
pub type Integer = malachite::Integer;

pub use algebraic::Algebraic;
pub use number::parse_rational;
pub use poly::Poly;
pub use poly_parse::parse_poly;
pub use roots::{RealRoot, real_roots};
pub use sign::{IntervalSign, sign_on_interval};
pub use sturm::SturmSequence;
pub use value::Value;
