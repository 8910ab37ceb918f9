#!/usr/bin/env bash
# The whole test suite: formatting, lints, unit + integration + property + snapshot tests,
# the README's examples, doctests, and the benchmarks compiled and run once in test mode.
# One cargo profile (release) throughout, so HiGHS is built once.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh

cargo fmt --all --check
cargo clippy --release --all-targets -- -D warnings
cargo test --release --all-targets
cargo test --release --doc
