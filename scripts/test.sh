#!/usr/bin/env bash
# The whole test suite: formatting, lints, unit + integration + property + snapshot tests,
# the README's and docs' examples, doctests, the benchmarks compiled and run once in test mode,
# the Python package's tests and a real one-node Slurm running a sharded sweep.
# One cargo profile (release) throughout, so HiGHS is built once.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh

cargo fmt --all --check
cargo clippy --release --all-targets -- -D warnings
cargo clippy --release -p gpai-python -- -D warnings
cargo test --release --all-targets
cargo test --release --doc

# The Python package: built by pip (maturin, from PyPI) into a fresh virtual environment, and
# its tests against the command line's binary.
rm -rf target/python
python3 -m venv target/python
target/python/bin/pip install --quiet --disable-pip-version-check ./python pytest sympy pandas matplotlib
GPAI_BIN="$PWD/target/release/gpai" target/python/bin/python -m pytest -q python/tests

# Sweeps on a real scheduler: a one-node Slurm from Debian's packages (root only; it says so
# and skips otherwise).
scripts/slurm_test.sh target/release/gpai
