#!/usr/bin/env bash
# Installs what building gpai needs beyond Rust: HiGHS is compiled from source by highs-sys,
# which needs cmake, make, a C++ compiler and libclang (for bindgen); PNG pictures need a
# font; the test suite checks LP optima against QSopt_ex's exact solver (esolver). Debian packages.
set -euo pipefail

missing=()
command -v cmake >/dev/null 2>&1 || missing+=(cmake)
command -v make >/dev/null 2>&1 || missing+=(make)
command -v c++ >/dev/null 2>&1 || missing+=(g++)
if [ -z "${LIBCLANG_PATH:-}" ] && ! compgen -G '/usr/lib/llvm-*/lib/libclang*.so*' >/dev/null \
    && ! compgen -G '/usr/lib/*-linux-gnu/libclang*.so*' >/dev/null; then
    missing+=(libclang1-14)
fi
# Text in PNG regime maps is drawn with a system font.
[ -e /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ] || missing+=(fonts-dejavu-core)
# The independent exact LP oracle of tests/lp.rs.
command -v esolver >/dev/null 2>&1 || missing+=(qsopt-ex)
[ ${#missing[@]} -eq 0 ] && exit 0

if [ "$(id -u)" -ne 0 ]; then
    echo "gpai needs these Debian packages (HiGHS build, fonts, the QSopt_ex test oracle): ${missing[*]}" >&2
    echo "install them with:  sudo apt-get update && sudo apt-get install -y ${missing[*]}" >&2
    exit 1
fi
echo "installing ${missing[*]} (HiGHS build, fonts, QSopt_ex test oracle)" >&2
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq "${missing[@]}" >/dev/null
