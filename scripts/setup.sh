#!/usr/bin/env bash
# Installs what building gpai needs beyond Rust: HiGHS is compiled from source by highs-sys,
# which needs cmake, make, a C++ compiler and libclang (for bindgen); PNG pictures need a
# font. Debian packages.
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
[ ${#missing[@]} -eq 0 ] && exit 0

if [ "$(id -u)" -ne 0 ]; then
    echo "gpai needs these Debian packages to build HiGHS: ${missing[*]}" >&2
    echo "install them with:  sudo apt-get update && sudo apt-get install -y ${missing[*]}" >&2
    exit 1
fi
echo "installing ${missing[*]} (needed to build HiGHS)" >&2
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq "${missing[@]}" >/dev/null
