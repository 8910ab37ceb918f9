#!/usr/bin/env bash
# Installs what building gpai needs beyond Rust: HiGHS is compiled from source by highs-sys,
# which needs cmake, make, a C++ compiler and libclang (for bindgen); PNG pictures need a
# font; the test suite checks LP optima against QSopt_ex's exact solver (esolver). Debian packages.
#
#   scripts/setup.sh           install what is missing (as root), or say how (otherwise)
#   scripts/setup.sh --check   print the missing packages, one per line; exit 1 if any
#
# Each requirement is detected by what the build actually uses, not by a file name that looks
# right: libclang is a shared library that bindgen's loader (clang-sys) would pick up *and* that
# exports the C API bindgen calls (`clang_createIndex`) — Debian's `libclang-cpp.so.14`, which
# the stock image ships, matches a naive `libclang*.so*` glob but is the C++ library, not it.
# GPAI_SETUP_ROOT (default /) is the root the detection looks under; the tests point it at a
# fake root to check the detection itself.
set -euo pipefail

root="${GPAI_SETUP_ROOT:-}"
root="${root%/}"

# A program on the PATH (under the fake root, its usual directories).
has_program() {
    if [ -z "$root" ]; then
        command -v "$1" >/dev/null 2>&1
    else
        local dir
        for dir in /usr/local/bin /usr/bin /bin; do
            [ -x "$root$dir/$1" ] && return 0
        done
        return 1
    fi
}

# A file is a libclang bindgen can use: its name is one clang-sys loads (libclang.so,
# libclang.so.N, libclang-N.so, libclang-N.so.M; not libclang-cpp) and it exports the C API.
is_libclang() {
    local name
    name=$(basename "$1")
    case "$name" in
        libclang.so | libclang.so.[0-9]* | libclang-[0-9]*.so | libclang-[0-9]*.so.[0-9]*) ;;
        *) return 1 ;;
    esac
    [ -r "$1" ] && grep -qa clang_createIndex "$1"
}

# libclang where clang-sys searches: LIBCLANG_PATH (a directory or the file) if set, else the
# system library directories it globs on Linux.
has_libclang() {
    local candidates=() file dir
    if [ -n "${LIBCLANG_PATH:-}" ]; then
        if [ -d "$root$LIBCLANG_PATH" ]; then
            candidates+=("$root$LIBCLANG_PATH"/libclang*)
        else
            candidates+=("$root$LIBCLANG_PATH")
        fi
    else
        for dir in "$root"/usr/local/llvm*/lib* "$root"/usr/local/lib* "$root"/usr/local/lib*/* \
            "$root"/usr/lib* "$root"/usr/lib*/* "$root"/usr/lib*/*/*; do
            [ -d "$dir" ] || continue
            candidates+=("$dir"/libclang*)
        done
    fi
    for file in "${candidates[@]}"; do
        [ -e "$file" ] && is_libclang "$file" && return 0
    done
    return 1
}

missing=()
has_program cmake || missing+=(cmake)
has_program make || missing+=(make)
has_program c++ || missing+=(g++)
has_libclang || missing+=(libclang1-14)
# Text in PNG regime maps is drawn with a system font.
[ -e "$root/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf" ] || missing+=(fonts-dejavu-core)
# The independent exact LP oracle of tests/lp.rs.
has_program esolver || missing+=(qsopt-ex)
# The Python package's tests run in a virtual environment (venv and its pip).
has_program python3 || missing+=(python3)
if [ -z "$root" ] && has_program python3; then
    python3 -c 'import ensurepip, venv' 2>/dev/null || missing+=(python3-venv)
fi

if [ "${1:-}" = "--check" ]; then
    [ ${#missing[@]} -eq 0 ] && exit 0
    printf '%s\n' "${missing[@]}"
    exit 1
fi
[ ${#missing[@]} -eq 0 ] && exit 0

if [ -n "$root" ]; then
    echo "GPAI_SETUP_ROOT=$root is for checking the detection (--check); it cannot install" >&2
    exit 1
fi
if [ "$(id -u)" -ne 0 ]; then
    echo "gpai needs these Debian packages (HiGHS build, fonts, the QSopt_ex test oracle, Python venv): ${missing[*]}" >&2
    echo "install them with:  sudo apt-get update && sudo apt-get install -y ${missing[*]}" >&2
    exit 1
fi
echo "installing ${missing[*]} (HiGHS build, fonts, QSopt_ex test oracle, Python venv)" >&2
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq "${missing[@]}" >/dev/null
# What was installed must now be detected, or the build would fail later and less clearly.
if ! has_libclang; then
    echo "libclang1-14 is installed but no libclang exporting clang_createIndex was found; set LIBCLANG_PATH" >&2
    exit 1
fi
