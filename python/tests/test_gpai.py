"""The Python package against the command line: the same games give the same exact values,
parameters cross exactly, floats are refused, errors arrive as exceptions."""

import doctest
import json
import os
import subprocess
from fractions import Fraction
from pathlib import Path

import pytest

import gpai

REPOSITORY = Path(__file__).resolve().parents[2]
BINARY = os.environ.get("GPAI_BIN", str(REPOSITORY / "target" / "release" / "gpai"))

# One check game per model (as the README's examples solve them).
GAMES = {
    "fine_tuning": {"c0": 1, "c1": 2, "delta": Fraction(1, 2)},
    "fine_tuning_n": {"r": [1, 2], "c": [1, 3], "kappa": [0, Fraction(1, 8)]},
    "safety_regulation": {"theta_d": Fraction(1, 2)},
    "openness": {"theta": Fraction(3, 4), "p": Fraction(1, 32)},
    "race": {},
    "competition": {},
}


def cli(*args):
    out = subprocess.run([BINARY, *args], capture_output=True, text=True, check=True)
    return out.stdout


def cli_args(params):
    return [f"{k}={gpai._exact_text(k, v, False)}" for k, v in params.items()]


def exact_values(node, path=()):
    """Every exact value in the CLI's JSON: (path of keys, exact text)."""
    if isinstance(node, dict):
        if "exact" in node and "decimal" in node:
            yield path, node["exact"]
            return
        for key, value in node.items():
            yield from exact_values(value, path + (key,))
    elif isinstance(node, list):
        for i, value in enumerate(node):
            yield from exact_values(value, path + (i,))


def output_name(model, path):
    """The output a JSON path of `gpai solve MODEL --format json` shows."""
    if path[0] == "values":
        return path[1]
    if model == "safety_regulation":
        return ("spe." if path[0] == "regulated" else "unregulated.") + path[1]
    if model == "fine_tuning_n" and path[0] == "domains":
        return f"spe.{path[2]}_{path[1] + 1}"
    return "spe." + path[-1]


def same(python_value, exact):
    """A Python value and the CLI's exact value are the same number: equal Fractions, or the
    same defining polynomial with the Python number inside the CLI's isolating interval."""
    if isinstance(exact, str):
        if isinstance(python_value, Fraction):
            return python_value == Fraction(exact)
        # A closed form (`(2+sqrt(13))/9`) prints as the CLI prints it.
        return exact == str(python_value)
    lo, hi = (Fraction(end) for end in exact["interval"])
    return exact["poly"] == python_value.poly and lo <= python_value <= hi


@pytest.mark.parametrize("model", sorted(GAMES))
def test_solve_gives_the_clis_exact_values(model):
    params = GAMES[model]
    doc = json.loads(cli("solve", model, *cli_args(params), "--format", "json"))
    solution = gpai.solve(model, **params)
    compared = 0
    for path, text in exact_values(doc):
        if path[-1] in ("margin", "value", "threshold"):
            name = f"spe.{path[-1]}_{path[1] + 1}"
        elif model == "fine_tuning_n" and path[-1] == "u":
            name = f"spe.u_{path[1] + 1}"
        else:
            name = output_name(model, path)
        value = solution[name]
        assert same(value, text), f"{model} {name}: python {value!r}, cli {text}"
        compared += 1
    assert compared >= 4, f"{model}: only {compared} values compared"


def test_every_model_is_listed_with_its_parameters():
    listed = json.loads(cli("models", "--format", "json"))
    cli_models = listed["models"] if isinstance(listed, dict) else listed
    assert [m["name"] for m in gpai.models()] == [m["name"] for m in cli_models]
    for mine, theirs in zip(gpai.models(), cli_models):
        assert [p["name"] for p in mine["params"]] == [p["name"] for p in theirs["params"]]


def test_fractions_round_trip():
    by_fraction = gpai.solve("openness", theta=Fraction(3, 4), p=Fraction(1, 32)).to_dict()
    by_text = gpai.solve("openness", theta="3/4", p="0.03125").to_dict()
    assert by_fraction == by_text
    numbers = [v for v in by_fraction.values() if isinstance(v, Fraction)]
    assert numbers, "openness has rational outputs"
    for v in numbers:
        assert Fraction(str(v)) == v
    # A huge exact value crosses without rounding.
    big = Fraction(10**60 + 1, 3 * 10**60)
    assert gpai.solve("fine_tuning", c0=1, c1=2, delta=big)["spe.alpha0"] == big / 2


def test_floats_are_refused_unless_asked_for():
    with pytest.raises(gpai.ParseError, match="exact values only"):
        gpai.solve("fine_tuning", c0=1, c1=2, delta=0.1)
    read = gpai.solve("fine_tuning", c0=1, c1=2, delta=0.1, allow_float=True)
    assert read["spe.alpha0"] == Fraction(1, 20)


def test_errors_arrive_as_exceptions_with_the_parameter_value_and_domain():
    with pytest.raises(gpai.DomainError) as e:
        gpai.solve("fine_tuning", c0=1, c1=2, delta=2)
    assert (e.value.parameter, e.value.value, e.value.domain) == ("delta", "2", "a share in [0, 1]")
    assert isinstance(e.value, gpai.GpaiError)
    with pytest.raises(gpai.ParameterError, match="unknown model"):
        gpai.solve("fine_tunning")
    with pytest.raises(gpai.ParameterError, match="missing parameter c0"):
        gpai.solve("fine_tuning")
    with pytest.raises(gpai.ParameterError, match="unknown parameter"):
        gpai.solve("fine_tuning", c0=1, c1=2, deltta=1)
    with pytest.raises(gpai.ParseError):
        gpai.solve("fine_tuning", c0=1, c1=2, delta="1/0")
    with pytest.raises(gpai.ParseError):
        gpai.roots("0")
    game = gpai.solve("fine_tuning_n", r=[1, 2])
    assert "spe.u_2" in game.names and "spe.u_3" not in game.names
    with pytest.raises(gpai.NoOutputError, match="the game has 2 domains"):
        game["spe.u_3"]
    with pytest.raises(gpai.NoOutputError, match="not an output"):
        game["spe.nonsense"]


def test_algebraic_numbers_compare_and_convert_exactly():
    minus, plus = gpai.roots("x^2 - 2")
    assert minus < 0 < plus and minus < plus
    assert Fraction(141421356, 10**8) < plus < Fraction(141421357, 10**8)
    assert abs(float(plus) - 2**0.5) < 1e-15
    assert plus.poly == ["-2", "0", "1"] and plus.index == 1
    lo, hi = plus.interval
    assert lo < plus < hi and isinstance(lo, Fraction)
    assert str(plus) == "sqrt(2)" and plus._repr_latex_() == "$\\sqrt{2}$"
    # The same number reached another way is equal, and hashes alike.
    (again,) = [r for r in gpai.roots("x^4 - 4x^2 + 4") if r > 0]
    assert again == plus and hash(again) == hash(plus)
    nash = gpai.solve("fine_tuning", c0=1, c1=2, delta="1/2")["nash.delta"]
    assert isinstance(nash, gpai.Algebraic) and str(nash) == "(2+sqrt(13))/9"
    sympy = pytest.importorskip("sympy")
    assert sympy.simplify(nash.to_sympy() - (2 + sympy.sqrt(13)) / 9) == 0


@pytest.mark.parametrize("page,examples", [("docs/python.md", 10)])
def test_the_python_examples_run_as_written(page, examples, monkeypatch):
    monkeypatch.chdir(REPOSITORY)
    result = doctest.testfile(str(REPOSITORY / page), module_relative=False)
    assert result.attempted >= examples and result.failed == 0, result


def test_a_sweep_is_the_clis_csv_as_a_dataframe():
    pytest.importorskip("pandas")
    grid = ["theta_d=0:5/2:1/8", "theta_g=0:1:1/2"]
    csv = cli("sweep", "safety_regulation", *[f"--grid={g}" for g in grid]).splitlines()
    header, lines = csv[0].split(","), [line.split(",", len(csv[0].split(",")) - 1) for line in csv[1:]]
    frame = gpai.sweep("safety_regulation", grid, jobs=2, progress=False)
    assert list(frame.index) == [int(line[0]) for line in lines]
    assert list(frame.columns) == header[1:]
    assert str(frame["regime"].dtype) == "category"
    for line in lines:
        row = frame.loc[int(line[0])]
        for name, text in zip(header[1:], line[1:]):
            value = row[name]
            if name.endswith("_approx"):
                assert value == float(text), (name, value, text)
            elif isinstance(value, Fraction):
                assert value == Fraction(text), (name, value, text)
            elif isinstance(value, (bool, type(True))) or text in ("true", "false"):
                assert bool(value) == (text == "true"), (name, value, text)
            else:
                assert str(value) == text.strip('"'), (name, value, text)


def test_ctrl_c_keeps_the_rows_finished():
    pytest.importorskip("pandas")
    import signal

    calls = []

    def progress(done, total):
        calls.append(done)
        if done > 0 and len(calls) == 2:
            signal.raise_signal(signal.SIGINT)

    grid = {"theta_d": (0, 5, "1/400"), "theta_g": (0, 1, "1/4")}
    with pytest.raises(gpai.Interrupted) as stopped:
        gpai.sweep("safety_regulation", grid, jobs=1, progress=progress)
    rows = stopped.value.rows
    assert 0 < len(rows) < 2001 * 5, len(rows)
    # The rows kept are the grid's first, whole and in order, as a full sweep has them.
    full = gpai.sweep("safety_regulation", grid, jobs=2, every=1, progress=False).head(len(rows))
    assert rows.equals(full)


def test_a_sweep_refuses_what_the_cli_refuses():
    pytest.importorskip("pandas")
    with pytest.raises(gpai.DomainError, match="every = 0 is outside its domain"):
        gpai.sweep("safety_regulation", "theta_d=0:1:1/2", every=0, progress=False)
    with pytest.raises(gpai.UnsupportedError):
        gpai.sweep("race", "k=0:1:1", progress=False)
    with pytest.raises(gpai.DomainError, match="theta_d = -1"):
        gpai.sweep("safety_regulation", "theta_d=-1:1:1", progress=False)


def same_shown(python_value, shown):
    """A value and the CLI's JSON of it: a label in quotes, a truth value, or a number."""
    if isinstance(shown, str) and shown.startswith('"'):
        return str(python_value) == shown.strip('"')
    if isinstance(python_value, bool):
        return str(python_value).lower() == str(shown).lower()
    if isinstance(shown, dict) and "exact" in shown:
        shown = shown["exact"]
    return same(python_value, shown)


@pytest.mark.parametrize("folder", ["proofs/openness", "proofs/competition"])
def test_verify_gives_the_clis_verdicts(folder):
    path = REPOSITORY / folder
    theirs = json.loads(subprocess.run(
        [BINARY, "verify", str(path), "--format", "json"], capture_output=True, text=True
    ).stdout)["claims"]
    mine = gpai.verify(path)
    assert [(v.id, v.status, v.expected, v.met, v.points) for v in mine] == [
        (c["id"], c["status"], c["expect"], c["met"], c["points"]) for c in theirs
    ]
    for v, c in zip(mine, theirs):
        if c["at"] is None:
            assert v.point is None
        else:
            assert list(v.point) == list(c["at"]["point"])
            for name, shown in c["at"]["point"].items():
                assert same_shown(v.point[name], shown), (v.id, name, v.point[name], shown)


def test_verify_is_the_same_on_any_number_of_threads():
    path = REPOSITORY / "proofs" / "openness"
    key = lambda vs: [(v.id, v.status, v.points, v.how) for v in vs]
    assert key(gpai.verify(path, jobs=1)) == key(gpai.verify(path, jobs=3))
    for jobs in (0, 1025):
        with pytest.raises(gpai.DomainError, match="a number of worker threads from 1 to 1024"):
            gpai.verify(path, jobs=jobs)


def test_a_claim_that_does_not_parse_is_an_error_verdict_located(tmp_path):
    bad = tmp_path / "bad.toml"
    bad.write_text('id = "x"\ntitle = "t"\nsource = "s"\nmodel = "fine_tuning"\nclaim = "spe.u_g >"\n')
    (verdict,) = gpai.verify(bad)
    assert verdict.status == "error" and not verdict.met
    assert verdict.error.startswith(f"{bad}:5:")
    (tmp_path / "empty").mkdir()
    with pytest.raises(gpai.GpaiError, match="no claim files"):
        gpai.verify(tmp_path / "empty")
    with pytest.raises(gpai.GpaiError, match="cannot read"):
        gpai.verify(tmp_path / "missing")


@pytest.mark.parametrize("policy", sorted((REPOSITORY / "docs" / "policies").glob("*.toml")))
def test_audit_gives_the_clis_answer(policy):
    theirs = json.loads(subprocess.run(
        [BINARY, "audit", str(policy), "--format", "json"], capture_output=True, text=True
    ).stdout)
    mine = gpai.audit(policy)
    assert (mine["holds"], mine["method"]) == (theirs["holds"], theirs["method"])
    assert [str(c) for c in mine["changes"]] == theirs["changes"]
    if theirs["counterexample"] is None:
        assert mine["counterexample"] is None
    else:
        at, values = mine["counterexample"]
        assert str(at) == theirs["counterexample"]["at"]
        assert {k: str(v) for k, v in values.items()} == {
            k: v.strip('"') for k, v in theirs["counterexample"]["values"].items()
        }


def test_boundary_gives_the_clis_changes():
    theirs = json.loads(cli(
        "boundary", "safety_regulation", "--along", "theta_d=0:5/2", "theta_g=0", "--format", "json"
    ))["boundaries"]
    mine = gpai.boundary("safety_regulation", {"theta_d": (0, Fraction(5, 2))}, theta_g=0)
    assert len(mine) == len(theirs) >= 4
    for m, t in zip(mine, theirs):
        assert [str(end) for end in m["bracket"]] == t["bracket"]
        assert m["changes"] == [(c["label"], c["from"], c["to"]) for c in t["changes"]]
        assert same(m["exact"], t["exact"]["exact"])
        assert m["bracket"][0] <= m["exact"] <= m["bracket"][1]
    with pytest.raises(gpai.ParseError, match="LO must be below HI"):
        gpai.boundary("safety_regulation", "theta_d=1:0")


def test_frontier_gives_the_clis_frontier(tmp_path):
    theirs = json.loads(cli(
        "frontier", "safety_regulation", "--grid", "theta_d=0:1:1/4", "--format", "json"
    ))
    players, mine = gpai.frontier("safety_regulation", {"theta_d": (0, 1, "1/4")})
    assert players == theirs["players"] == ["u_g", "u_d"]
    for m, t in zip(mine, theirs["groups"], strict=True):
        assert (m["group"], m["outcomes"], m["pareto"]) == (t["group"], t["outcomes"], t["pareto"])
        assert [h[0] for h in m["hull"]] == [h["id"] for h in t["hull"]]
        for (_, utilities), h in zip(m["hull"], t["hull"]):
            assert [str(u) for u in utilities] == h["utilities"]
        ks = m["kalai_smorodinsky"]
        assert isinstance(ks["value"], gpai.Enclosure) and ks["value"].lo < ks["value"].hi
    # From a sweep file, as `gpai frontier --input` reads it.
    rows = tmp_path / "o.csv"
    rows.write_text("index,u_g,u_d\n0,1,0\n1,0,1\n2,1/4,1/4\n")
    players, (group,) = gpai.frontier(input=rows)
    assert (group["pareto"], group["dominated_by_lottery"]) == (3, 1)
    assert group["egalitarian"]["value"] == Fraction(1, 2)
    with pytest.raises(gpai.ParseError, match="give no model, parameters or grid"):
        gpai.frontier("safety_regulation", {"theta_d": (0, 1, "1/4")}, input=rows)
    with pytest.raises(gpai.ParseError, match="give no model, parameters or grid"):
        gpai.frontier(input=rows, theta_d=1)
    with pytest.raises(gpai.ParseError, match="exactly one source"):
        gpai.frontier()


def test_a_sweep_plots_its_regime_map():
    pytest.importorskip("pandas")
    matplotlib = pytest.importorskip("matplotlib")
    matplotlib.use("Agg")
    frame = gpai.sweep(
        "safety_regulation", {"theta_d": (0, "5/2", "1/4"), "theta_g": (0, 1, "1/4")}, progress=False
    )
    ax = frame.plot()
    legend = [t.get_text() for t in ax.get_legend().get_texts()]
    assert legend == sorted(set(frame["regime"].astype(str)))
    assert sum(len(c.get_offsets()) for c in ax.collections) == len(frame)
    assert ax.get_xlabel() == "theta_d" and ax.get_ylabel() == "theta_g"
    # A part of the sweep keeps its labels; with arguments plot() is pandas' own.
    part = frame[frame["theta_g"] == 0]
    assert [t.get_text() for t in part.plot().get_legend().get_texts()] == sorted(
        set(part["regime"].astype(str))
    )
    assert frame.plot(x="theta_d", y="u_g_approx").get_lines()
    # Renumbered rows no longer name their grid points: refused, never drawn with others' labels.
    with pytest.raises(gpai.GpaiError, match="no longer names its grid points"):
        frame[frame["regime"] == "market_exit"].reset_index(drop=True).plot()


def test_what_a_hostile_review_found_is_refused_or_exact():
    # A generic `_i` name read domain 0 (G's values, or a truth value) silently.
    game = gpai.solve("fine_tuning_n", r=[1, 2])
    for name in ["spe.u_i", "nash.u_i", "spe.regime_i"]:
        with pytest.raises(gpai.NoOutputError):
            game[name]
    # No bargain when nobody invests: an error, not a panic.
    with pytest.raises(gpai.NoOutputError, match="no share makes a bargain"):
        gpai.solve("fine_tuning_n", kappa=1)["nash.delta"]
    # Comparisons and hashes stay exact past Python's 4300-digit int-to-text limit.
    (big,) = gpai.roots("x - (10^1000)^5")
    assert big == 10**5000 and big < 10**5001 and isinstance(big, Fraction)
    (root,) = [r for r in gpai.roots("(x^2-2)*(x-5)") if 1 < r < 2]
    assert root == gpai.roots("x^2-2")[1] and hash(root) == hash(gpai.roots("x^2-2")[1])
    assert gpai.roots("2*x - 1") == [Fraction(1, 2)]
    # A list is per-domain values, never a grid axis; counts are checked, with attributes.
    with pytest.raises(gpai.ParseError, match="as a tuple"):
        gpai.sweep("safety_regulation", {"theta_d": [0, "1/2", 1]}, progress=False)
    with pytest.raises(gpai.DomainError) as e:
        gpai.sweep("safety_regulation", "theta_d=0:1:1/2", jobs=-1, progress=False)
    assert e.value.parameter == "jobs"
    # A Solution made in one thread is read in another.
    import concurrent.futures

    with concurrent.futures.ThreadPoolExecutor(1) as pool:
        made = pool.submit(gpai.solve, "fine_tuning", c0=1, c1=2, delta="1/2").result()
    assert made["spe.alpha0"] == Fraction(1, 4)
