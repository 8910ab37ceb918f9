#!/usr/bin/env bash
# Times `gpai roots` on the polynomials that were hardest for root isolation and refinement
# (the fuzzer's former known failures: clustered Mignotte-like roots, degree 1000 with long
# coefficients, 10,000 digits), for one or more gpai binaries side by side, one run each in turn.
#
#   scripts/hard_roots.sh [GPAI ...]     default: target/release/gpai
#
# Prints a Markdown table: seconds of wall time per binary (a run over 120 s is cut off and
# shown as "> 120"; another failure as its exit status).
set -euo pipefail
cd "$(dirname "$0")/.."
binaries=("$@")
[ ${#binaries[@]} -eq 0 ] && binaries=(target/release/gpai)

cases=(
    "x^2 - 2|--digits 10000"
    "x^38 - 2*(5154326867015*x - 1)^2|"
    "x^60 - 2*(1107463301706444531061720*x - 1)^2|"
    "(x - 1/3)^200 + x|"
    "(x - 1/3)^1000 + x|"
)

header="| polynomial | options |"
rule="|---|---|"
for b in "${binaries[@]}"; do
    header+=" \`$b\` (s) |"
    rule+="---|"
done
echo "$header"
echo "$rule"
for case in "${cases[@]}"; do
    poly="${case%%|*}"
    options="${case#*|}"
    row="| \`$poly\` | ${options:-—} |"
    for b in "${binaries[@]}"; do
        start=$(date +%s.%N)
        status=0
        # shellcheck disable=SC2086 # options are words
        timeout 120 "$b" roots "$poly" $options >/dev/null 2>&1 || status=$?
        end=$(date +%s.%N)
        case $status in
            0) row+=" $(awk "BEGIN { printf \"%.2f\", $end - $start }") |" ;;
            124) row+=" > 120 |" ;;
            *) row+=" exit $status |" ;;
        esac
    done
    echo "$row"
done
