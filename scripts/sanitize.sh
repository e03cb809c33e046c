#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Builds ArchSim with AddressSanitizer + UndefinedBehaviorSanitizer (-DARCHSIM_SANITIZE=ON) into
# build-sanitize (or $ARCHSIM_SANITIZE_DIR) and runs the whole test suite under them: any leak,
# memory error or undefined behaviour fails its test. .ci/run calls it; no benchmarks are built.
# Only third-party leaks are suppressed (scripts/lsan-suppressions.txt), never ArchSim's code.
set -euo pipefail
cd "$(dirname "$0")/.."
build_dir=${ARCHSIM_SANITIZE_DIR:-build-sanitize}
werror=OFF
[ "${CI:-}" = true ] && werror=ON
# -O1 keeps the instrumented build quick to compile and the tests quick to run.
cmake -S . -B "$build_dir" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="-O1 -g -DNDEBUG" -DARCHSIM_SANITIZE=ON \
    -DARCHSIM_BUILD_BENCH=OFF -DARCHSIM_WERROR="$werror"
cmake --build "$build_dir" --parallel "$(nproc)"
export ASAN_OPTIONS=detect_leaks=1:abort_on_error=0:strict_string_checks=1:check_initialization_order=1
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
export LSAN_OPTIONS=suppressions=$PWD/scripts/lsan-suppressions.txt:print_suppressions=0
cd "$build_dir"
QT_QPA_PLATFORM=offscreen ctest --output-on-failure --parallel "$(nproc)" --timeout 1200
