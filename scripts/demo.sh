#!/usr/bin/env bash
# The main job, for now a demonstration of exact root isolation with `gpai roots`.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
cargo build --release --quiet
gpai=target/release/gpai
set -x
"$gpai" roots "x^5 - x - 1" --digits 30
"$gpai" roots "(x^2-2)(x^2-3)(x^2-6)"
"$gpai" roots "(x-1)(x-2)(x-3)(x-4)(x-5)(x-6)(x-7)(x-8)(x-9)(x-10)(x-11)(x-12)(x-13)(x-14)(x-15)(x-16)(x-17)(x-18)(x-19)(x-20)" --digits 6
