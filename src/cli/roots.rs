//! `gpai roots POLY`: parse the polynomial, check the options, isolate and render.

use crate::error::{Error, Result};
use crate::exact::poly_parse::parse_poly_named;
use crate::exact::real_roots;
use crate::report::{Format, roots::render};

pub(super) fn run(text: &str, digits: usize, format: Format) -> Result<String> {
    super::check_digits(digits)?;
    let (poly, variable) = parse_poly_named(text)?;
    if poly.is_zero() {
        return Err(Error::ZeroPolynomial {
            input: text.to_string(),
        });
    }
    let roots = real_roots(&poly);
    Ok(render(&poly, &variable, &roots, digits, format))
}
