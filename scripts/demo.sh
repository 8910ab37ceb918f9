#!/usr/bin/env bash
# The main job, for now a demonstration: exact roots, and the fine-tuning game solved and bargained exactly.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
cargo build --release --quiet
gpai=target/release/gpai
set -x
"$gpai" roots "x^5 - x - 1" --digits 30
"$gpai" roots "(x^2-2)(x^2-3)(x^2-6)"
"$gpai" roots "(x-1)(x-2)(x-3)(x-4)(x-5)(x-6)(x-7)(x-8)(x-9)(x-10)(x-11)(x-12)(x-13)(x-14)(x-15)(x-16)(x-17)(x-18)(x-19)(x-20)" --digits 6
"$gpai" models
"$gpai" solve fine_tuning c0=1 c1=2 r=1 delta=1/2
"$gpai" bargain fine_tuning c0=1 c1=2
"$gpai" bargain fine_tuning c0=1 c1=2 k0=3 k1=3 --digits 6
"$gpai" solve safety_regulation theta_d=2/5
"$gpai" boundary safety_regulation --along theta_d=0:5/2 theta_g=0
