#!/usr/bin/env bash
# The main job: every claim in proofs/ checked by `gpai verify` (exit 0 when each meets its
# expectation), after installing what a fresh machine lacks and building the release binary.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
cargo build --release --quiet
exec target/release/gpai verify proofs/ "$@"
