"""gpai from Python: the models gpai checks, solved exactly.

Exact values cross exactly: rationals as ``fractions.Fraction``, irrational real algebraic
numbers as :class:`Algebraic` (defining polynomial and isolating interval), certified
enclosures as :class:`Enclosure`. Parameters are ``Fraction``, ``int`` or exact text
(``"3/7"``, ``"0.1"`` meaning 1/10); a ``float`` is refused because it is not exact
(``0.1`` is 3602879701896397/36028797018963968), unless ``allow_float=True`` reads it as the
shortest decimal that prints it (``repr``).

>>> import gpai
>>> g = gpai.solve("fine_tuning", c0=1, c1=2, delta="1/2")
>>> g["spe.alpha0"]
Fraction(1, 4)
"""

from fractions import Fraction
from numbers import Rational as _Rational

from . import _gpai
from ._gpai import (
    Algebraic,
    DomainError,
    Enclosure,
    GpaiError,
    LimitError,
    NoOutputError,
    ParameterError,
    ParseError,
    Solution,
    UndecidedError,
    UnsupportedError,
)

__all__ = [
    "Algebraic",
    "DomainError",
    "Enclosure",
    "GpaiError",
    "LimitError",
    "NoOutputError",
    "ParameterError",
    "ParseError",
    "Solution",
    "UndecidedError",
    "UnsupportedError",
    "models",
    "roots",
    "solve",
]


def _exact_text(name, value, allow_float):
    """The exact text of one parameter value, as the command line reads ``name=value``."""
    if isinstance(value, bool):
        raise ParseError(f"{name} = {value!r}: a truth value is no parameter value")
    if isinstance(value, float):
        if not allow_float:
            raise ParseError(
                f"{name} = {value!r} is a float, and gpai takes exact values only: a float is "
                f"a binary fraction, often not the decimal it prints (0.1 is "
                f"{Fraction(0.1)}); pass a Fraction, an int or the text {repr(value)!r}, or "
                f"allow_float=True to read floats as the decimal they print"
            )
        return repr(value)
    if isinstance(value, (int, Fraction)) or isinstance(value, _Rational):
        value = Fraction(value)
        return str(value.numerator) if value.denominator == 1 else str(value)
    if isinstance(value, str):
        return value
    if isinstance(value, (list, tuple)):
        return ",".join(_exact_text(name, v, allow_float) for v in value)
    raise ParseError(
        f"{name} = {value!r}: a {type(value).__name__}; pass a Fraction, an int or exact text"
    )


def models():
    """The models gpai checks: name, summary, source, provenance, parameters, outputs."""
    return _gpai.models()


def solve(model, allow_float=False, **params):
    """The game of ``model`` at ``params``, checked as ``gpai solve`` checks it.

    Returns a :class:`Solution`: ``sol["spe.u_g"]`` reads one output (solving as far as it
    needs), ``sol.names`` lists them, ``sol.to_dict()`` reads every one.
    """
    texts = [f"{name}={_exact_text(name, v, allow_float)}" for name, v in params.items()]
    return _gpai.solve(model, texts)


def roots(poly):
    """Every distinct real root of the polynomial text (``"x^5 - x - 1"``), ascending."""
    return _gpai.roots(poly)
