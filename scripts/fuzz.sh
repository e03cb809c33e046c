#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Builds the libFuzzer targets (clang, ASan + UBSan) into build-fuzz and runs each for MINUTES
# minutes, one after another (or all at once with --parallel), under nice. docs/fuzzing.md.
#   bash scripts/fuzz.sh [--parallel] [MINUTES] [TARGET...]    TARGET: json archsim pipeline
set -euo pipefail
cd "$(dirname "$0")/.."
parallel=0
if [[ ${1:-} == --parallel ]]; then parallel=1; shift; fi
minutes=${1:-10}
shift || true
targets=("$@")
[[ ${#targets[@]} -eq 0 ]] && targets=(json archsim pipeline)

build=build-fuzz
CC=clang CXX=clang++ cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DARCHSIM_FUZZ=ON >/dev/null
cmake --build "$build" --parallel 2

# Seed corpora: the test data and the bundled example; the opener gets the schema-v1 file of
# tests/data and the example saved in the current schema.
seed() {
    local dir=$build/corpus/$1
    mkdir -p "$dir"
    case $1 in
    json | pipeline) cp tests/data/*.json resources/examples/*.json "$dir"/ ;;
    archsim)
        # Both written with 512-byte pages (a few KB) so mutations hit the content; the v1 one
        # keeps its old schema label.
        cp tests/data/shop-v1.archsim "$dir"/
        "$build"/fuzz/archsim-fuzz-seed --compact "$dir"/shop-v1.archsim
        "$build"/fuzz/archsim-fuzz-seed resources/examples/shop.json "$dir"/shop-current.archsim
        "$build"/fuzz/archsim-fuzz-seed tests/data/mm1.json "$dir"/mm1-current.archsim
        ;;
    esac
}

run() {
    local target=$1
    seed "$target"
    mkdir -p "$build/artifacts/$target"
    local dict=()
    [[ $target != archsim ]] && dict=(-dict=fuzz/json.dict)
    nice -n 19 "$build/fuzz/fuzz-$target" "$build/corpus/$target" "${dict[@]}" \
        -max_total_time=$((minutes * 60)) -timeout=20 -rss_limit_mb=2048 -max_len=131072 \
        -print_final_stats=1 -artifact_prefix="$build/artifacts/$target/" \
        >"$build/fuzz-$target.log" 2>&1 || {
        echo "fuzz-$target found a problem: see $build/fuzz-$target.log and $build/artifacts/$target/"
        return 1
    }
    echo "fuzz-$target: $(grep -E 'stat::number_of_executed_units' "$build/fuzz-$target.log" | awk '{print $2}') inputs run in $minutes min, no crash"
}

status=0
if [[ $parallel == 1 ]]; then
    pids=()
    for t in "${targets[@]}"; do run "$t" & pids+=($!); done
    for p in "${pids[@]}"; do wait "$p" || status=1; done
else
    for t in "${targets[@]}"; do run "$t" || status=1; done
fi
exit $status
