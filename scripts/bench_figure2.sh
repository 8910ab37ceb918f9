#!/usr/bin/env bash
# Times the paper's Figure-2 sweep (94,376 games) with the exact solver in full, and with the
# float solver on every 50th game (it is ~100 times slower), both on every core; prints games
# per second for each and their ratio.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
cargo build --release --quiet
grid=(--grid "theta_g=0:5/4:1/200" --grid "theta_d=theta_g:5/2:1/200")
rate() { sed -E 's/.*: ([0-9]+) games\/s.*/\1/'; }
exact=$(target/release/gpai sweep safety_regulation "${grid[@]}" --out /dev/null --timing 2>&1 >/dev/null | tail -1)
float=$(target/release/gpai sweep safety_regulation "${grid[@]}" --engine float --every 50 --out /dev/null --timing 2>&1 >/dev/null | tail -1)
echo "exact: $exact"
echo "float: $float"
e=$(echo "$exact" | rate); f=$(echo "$float" | rate)
echo "| solver | games/s | exact speed / float speed |"
echo "|---|---|---|"
echo "| exact (all 94,376 games) | $e | $(awk -v e="$e" -v f="$f" 'BEGIN { printf "%.0fx", e / f }') |"
echo "| float (every 50th game) | $f | 1x |"
