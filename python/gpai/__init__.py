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
    Verdict,
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
    "Interrupted",
    "Verdict",
    "audit",
    "boundary",
    "frontier",
    "regime_map",
    "roots",
    "solve",
    "sweep",
    "verify",
]


class Interrupted(KeyboardInterrupt):
    """Ctrl-C stopped a sweep; ``rows`` holds the rows finished before it, in grid order."""

    def __init__(self, rows):
        super().__init__(f"sweep interrupted after {len(rows)} rows (kept in .rows)")
        self.rows = rows


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


_SWEEP_FRAME = []


def _sweep_frame():
    """The DataFrame class of sweeps (made when pandas is first needed): a ``pandas.DataFrame``
    whose ``plot()`` without arguments draws the regime map; with arguments it is pandas' own."""
    if _SWEEP_FRAME:
        return _SWEEP_FRAME[0]
    import pandas as pd
    from pandas.plotting import PlotAccessor

    class RegimePlot:
        def __init__(self, frame):
            self._frame = frame

        def __call__(self, *args, **kwargs):
            if args or kwargs:
                return PlotAccessor(self._frame)(*args, **kwargs)
            return regime_map(self._frame)

        def __getattr__(self, name):
            return getattr(PlotAccessor(self._frame), name)

    class SweepFrame(pd.DataFrame):
        @property
        def _constructor(self):
            return SweepFrame

        @property
        def plot(self):
            return RegimePlot(self)

    _SWEEP_FRAME.append(SweepFrame)
    return SweepFrame


def regime_map(frame, ax=None):
    """The regime map of a sweep (matplotlib): one square per game at its swept values (the
    first two axes; one axis: a strip), coloured by its exact label. Returns the axes."""
    import matplotlib.pyplot as plt

    info = frame.attrs.get("gpai")
    if not info or not info["axes"]:
        raise GpaiError("not a gpai sweep: its labels and axes are unknown")
    labels = []
    for i in frame.index:
        label, at = info["labels"].get(i, (None, None))
        if at != tuple(str(frame.at[i, n]) for n in info["axes"]):
            raise GpaiError(
                "the frame's index no longer names its grid points (renumbered or joined): "
                "plot before reset_index, or draw with gpai.regime_map on the sweep itself"
            )
        labels.append(label)
    x_name = info["axes"][0]
    y_name = info["axes"][1] if len(info["axes"]) > 1 else None
    xs = [float(v) for v in frame[x_name]]
    ys = [float(v) for v in frame[y_name]] if y_name else [0.0] * len(xs)
    if ax is None:
        _, ax = plt.subplots()
    for label in sorted(set(labels)):
        at = [k for k, l in enumerate(labels) if l == label]
        ax.scatter([xs[k] for k in at], [ys[k] for k in at], marker="s", label=label)
    ax.set_xlabel(x_name)
    if y_name:
        ax.set_ylabel(y_name)
    else:
        ax.set_yticks([])
    ax.set_title(f"{info['model']}: {info['labels_are']} (exact labels)")
    ax.legend(loc="upper left", bbox_to_anchor=(1.02, 1), borderaxespad=0)
    ax.figure.tight_layout()
    return ax


def _count(name, value, least):
    """An int of at least ``least``, or a DomainError naming it."""
    if isinstance(value, bool) or not isinstance(value, int) or value < least or value > 2**63:
        error = DomainError(f"{name} = {value!r} is outside its domain: an integer >= {least}")
        error.parameter, error.value, error.domain = name, repr(value), f"an integer >= {least}"
        raise error
    return value


def _axis_text(name, axis, allow_float):
    if isinstance(axis, str):
        return axis if "=" in axis else f"{name}={axis}"
    if not isinstance(axis, tuple) or len(axis) != 3:
        raise ParseError(
            f"the grid axis {name} = {axis!r}: give (lo, hi, step) as a tuple, or 'lo:hi:step'"
        )
    lo, hi, step = (_exact_text(name, v, allow_float) for v in axis)
    return f"{name}={lo}:{hi}:{step}"


def sweep(model, grid, jobs=None, every=1, engine="exact", progress=None, allow_float=False, **params):
    """The sweep of ``model`` at ``params`` over ``grid``, as ``gpai sweep`` runs it, as a
    ``pandas.DataFrame``: one row per game in grid order, exact columns as Fractions and
    algebraic numbers, the ``_approx`` columns as floats beside them, labels as categoricals.

    ``grid`` maps each swept parameter to ``(lo, hi, step)`` (or ``"lo:hi:step"``), or is a
    list of ``"NAME=LO:HI:STEP"`` texts. The games run on ``jobs`` threads (default: every
    core) without the GIL. ``progress`` is a callable ``(done, total)``, ``False`` for none, or
    by default a tqdm bar when tqdm is installed. Ctrl-C raises :class:`Interrupted`, whose
    ``rows`` keep every row finished before it. ``result.plot()`` draws the regime map with
    matplotlib (:func:`regime_map`); with arguments it is pandas' plot.
    """
    import pandas as pd

    _count("every", every, 1)
    if jobs is not None:
        _count("jobs", jobs, 0)
    if isinstance(grid, dict):
        axes = [_axis_text(name, axis, allow_float) for name, axis in grid.items()]
    elif isinstance(grid, str):
        axes = [grid]
    else:
        axes = list(grid)
    texts = [f"{name}={_exact_text(name, v, allow_float)}" for name, v in params.items()]
    bar = None
    if progress is None:
        try:
            from tqdm.auto import tqdm
        except ImportError:
            progress = False
        else:
            bar = tqdm(desc=f"gpai sweep {model}", unit="games")

            def progress(done, total):
                bar.total = total
                bar.update(done - bar.n)

    try:
        columns, labels, labels_are, names, interrupted = _gpai.sweep(
            model, texts, axes, jobs, every, engine, progress or None
        )
    finally:
        if bar is not None:
            bar.close()
    data = {}
    for name, kind, values, declared in columns:
        if kind == "label":
            # Every label the output can take, so that sweeps of one model concatenate.
            data[name] = pd.Categorical(values, categories=declared)
        elif kind == "exact":
            data[name] = pd.Series(values, dtype=object)
        else:
            data[name] = values
    frame = _sweep_frame()(data)
    if "index" in frame:
        frame = frame.set_index("index")
    # What `result.plot()` draws: the map labels by grid index, the swept axes.
    frame.attrs["gpai"] = {
        "model": model,
        "axes": names,
        "labels_are": labels_are,
        # Each grid index's label and swept values: a renumbered frame is caught, not misdrawn.
        "labels": {
            i: (label, tuple(str(frame.at[i, n]) for n in names))
            for i, label in zip(frame.index, labels)
        },
    }
    if interrupted:
        raise Interrupted(frame)
    return frame


def verify(paths, jobs=None):
    """Checks claim files as ``gpai verify`` does (directories searched for ``*.toml``), on
    ``jobs`` threads (default: every core): one :class:`Verdict` per claim, in file order
    (``status``, ``expected``, ``met``, the counterexample's ``point`` and ``values``,
    ``error`` with its file, line and column)."""
    import os

    if jobs is not None:
        _count("jobs", jobs, 0)
    if isinstance(paths, (str, bytes)) or hasattr(paths, "__fspath__"):
        paths = [paths]
    return _gpai.verify([os.fsdecode(p) for p in paths], jobs)


def audit(policy):
    """Audits a policy file as ``gpai audit`` does: ``holds``, ``method``, the ``holding``
    intervals, the ``changes``, the first ``counterexample`` and the margins ``beyond``."""
    return _gpai.audit(str(policy))


def boundary(model, along, samples=400, width="1e-12", allow_float=False, **params):
    """Every label change of ``model`` at ``params`` along ``along`` — ``{"theta_d": (lo, hi)}``
    or ``"theta_d=0:5/2"`` — as ``gpai boundary`` finds it: dicts with the ``exact`` point
    (``None`` where only the bracket is certified), the ``bracket`` and the ``changes``."""
    _count("samples", samples, 1)
    if isinstance(along, dict):
        ((name, (lo, hi)),) = along.items()
        along = f"{name}={_exact_text(name, lo, allow_float)}:{_exact_text(name, hi, allow_float)}"
    texts = [f"{name}={_exact_text(name, v, allow_float)}" for name, v in params.items()]
    return _gpai.boundary(model, texts, along, samples, _exact_text("width", width, allow_float))


def frontier(model=None, grid=None, input=None, players=None, group=None, allow_float=False, **params):
    """The certified Pareto frontier, egalitarian and Kalai-Smorodinsky lotteries of a set of
    outcomes, as ``gpai frontier`` computes them: from a sweep file (``input``) or a grid of
    ``model`` (``grid`` as for :func:`sweep`). Returns ``(players, groups)``, one dict per
    group with the hull-Pareto outcomes (``hull``: id and exact utilities) and the lotteries
    (exact value and support, and how the LP answer was certified)."""
    if isinstance(grid, dict):
        axes = [_axis_text(name, axis, allow_float) for name, axis in grid.items()]
    elif isinstance(grid, str):
        axes = [grid]
    else:
        axes = list(grid or [])
    texts = [f"{name}={_exact_text(name, v, allow_float)}" for name, v in params.items()]
    if isinstance(players, str):
        players = players.split(",")
    if input is not None and (model is not None or params or grid):
        raise ParseError(
            "with input the outcomes come from the file; give no model, parameters or grid"
        )
    return _gpai.frontier(
        model, texts, axes, None if input is None else str(input), players, group
    )


def roots(poly):
    """Every distinct real root of the polynomial text (``"x^5 - x - 1"``), ascending."""
    return _gpai.roots(poly)
