//! Root isolation on polynomials built from known roots returns exactly those roots.

use gpai::exact::rational::{int, pow10, ratio};
use gpai::exact::{Algebraic, Poly, Rational, SturmSequence, parse_poly, real_roots};

fn sqrt(n: Rational) -> Algebraic {
    let poly = Poly::new(vec![-n.clone(), int(0), int(1)]);
    Algebraic::root_of(&poly, &int(0), &(n + int(1))).expect("one positive root")
}

fn rational(r: Rational) -> Algebraic {
    Algebraic::from_rational(r)
}

/// The polynomial's real roots are exactly `expected` (value, multiplicity), in ascending order,
/// and Sturm's count on the whole line agrees.
fn check(poly: &Poly, expected: &[(Algebraic, usize)]) {
    let found = real_roots(poly);
    let found: Vec<(Algebraic, usize)> = found
        .into_iter()
        .map(|r| (r.value, r.multiplicity))
        .collect();
    assert_eq!(found, expected, "roots of {poly}");
    assert_eq!(
        SturmSequence::new(poly).count_real(),
        expected.len(),
        "Sturm count of {poly}"
    );
}

#[test]
fn wilkinson_degree_20_has_the_roots_1_to_20() {
    let roots: Vec<Rational> = (1..=20).map(int).collect();
    let poly = Poly::from_roots(&roots);
    let expected: Vec<(Algebraic, usize)> = roots.into_iter().map(|r| (rational(r), 1)).collect();
    check(&poly, &expected);
    for root in real_roots(&poly) {
        assert!(
            root.value.as_rational().is_some(),
            "each root is stored as a rational"
        );
    }
}

#[test]
fn products_of_square_root_factors_give_closed_forms_and_exact_equality() {
    let poly = parse_poly("(x^2-2)(x^2-3)(x^2-6)").unwrap();
    let roots = real_roots(&poly);
    let names: Vec<String> = roots
        .iter()
        .map(|r| r.value.closed_form().unwrap())
        .collect();
    assert_eq!(
        names,
        [
            "-sqrt(6)", "-sqrt(3)", "-sqrt(2)", "sqrt(2)", "sqrt(3)", "sqrt(6)"
        ]
    );
    let (sqrt2, sqrt3, sqrt6) = (&roots[3].value, &roots[4].value, &roots[5].value);
    assert_eq!(sqrt2.mul(sqrt3), *sqrt6);
    assert_eq!(sqrt2.mul(sqrt3).cmp(sqrt6), std::cmp::Ordering::Equal);
    assert_ne!(sqrt2.mul(sqrt2), *sqrt6);
}

#[test]
fn rational_and_quadratic_roots() {
    // (x - 1/3)(x + 5/2)(x^2 - 2x - 1): roots -5/2, 1 - sqrt 2, 1/3, 1 + sqrt 2.
    let quadratic = Poly::from_i64s(&[-1, -2, 1]);
    let poly = &Poly::from_roots(&[ratio(1, 3), ratio(-5, 2)]) * &quadratic;
    let sqrt2 = sqrt(int(2));
    let one = rational(int(1));
    check(
        &poly,
        &[
            (rational(ratio(-5, 2)), 1),
            (one.sub(&sqrt2), 1),
            (rational(ratio(1, 3)), 1),
            (one.add(&sqrt2), 1),
        ],
    );
}

#[test]
fn clusters_of_close_roots_are_separated() {
    let eps = pow10(-20);
    let base = ratio(7, 3);
    let close = [base.clone(), &base + &eps, &base + int(2) * &eps];
    // (x - 1)^2 - 2·10^-30 has the irrational pair 1 ± sqrt(2)·10^-15.
    let near_pair = Poly::new(vec![int(1) - int(2) * pow10(-30), int(-2), int(1)]);
    let poly = &Poly::from_roots(&close) * &near_pair;
    let delta = sqrt(int(2)).mul(&rational(pow10(-15)));
    let one = rational(int(1));
    let expected = vec![
        (one.sub(&delta), 1),
        (one.add(&delta), 1),
        (rational(close[0].clone()), 1),
        (rational(close[1].clone()), 1),
        (rational(close[2].clone()), 1),
    ];
    check(&poly, &expected);
}

#[test]
fn multiple_roots_carry_their_multiplicity() {
    let cube = Poly::from_roots(&vec![ratio(1, 3); 3]);
    let square = Poly::from_i64s(&[-2, 0, 1]).pow(2);
    let poly = &cube * &square;
    let sqrt2 = sqrt(int(2));
    check(
        &poly,
        &[(sqrt2.neg(), 2), (rational(ratio(1, 3)), 3), (sqrt2, 2)],
    );
}

#[test]
fn the_real_root_of_x5_minus_x_minus_1() {
    let roots = real_roots(&parse_poly("x^5 - x - 1").unwrap());
    assert_eq!(roots.len(), 1);
    let root = &roots[0].value;
    assert_eq!(root.closed_form(), None);
    assert_eq!(root.decimal(30).digits, "1.16730397826141868425604589985");
    assert!(!root.decimal(30).exact);
    // The defining polynomial vanishes there, exactly.
    assert_eq!(
        root.sign_of_poly(&parse_poly("x^5 - x - 1").unwrap()),
        std::cmp::Ordering::Equal
    );
}

#[test]
fn constants_have_no_roots() {
    assert!(real_roots(&Poly::from_i64s(&[5])).is_empty());
    assert!(real_roots(&parse_poly("x^2 + 1").unwrap()).is_empty());
}
