#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Sets ArchSim up on Debian 12 and then runs it:
#   scripts/setup.sh run [FILE]   install what is missing, build, open the app (the example by default)
#   scripts/setup.sh test         install what is missing, build, run every test through ctest
#   scripts/setup.sh build        install what is missing and build
# The build goes to ./build (or $ARCHSIM_BUILD_DIR). With CI=true warnings are errors.
set -euo pipefail
cd "$(dirname "$0")/.."

mode=${1:-}
case "$mode" in
run | test | build) ;;
*)
    echo "usage: scripts/setup.sh run [FILE] | test | build" >&2
    exit 2
    ;;
esac

mapfile -t packages < <(sed -e 's/#.*//' scripts/debian-packages.txt | awk 'NF { print $1 }')
missing=()
for package in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" ||
        missing+=("$package")
done
if ((${#missing[@]})); then
    sudo=()
    [ "$(id -u)" -ne 0 ] && sudo=(sudo)
    echo "setup: installing ${missing[*]}"
    "${sudo[@]}" apt-get update -qq
    "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}"
fi

build_dir=${ARCHSIM_BUILD_DIR:-build}
werror=OFF
[ "${CI:-}" = true ] && werror=ON
cmake -S . -B "$build_dir" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DARCHSIM_WERROR="$werror"
cmake --build "$build_dir" --parallel "$(nproc)"

case "$mode" in
run) exec "$build_dir/app/archsim" "${@:2}" ;;
test)
    cd "$build_dir"
    QT_QPA_PLATFORM=offscreen ctest --output-on-failure --parallel "$(nproc)"
    ;;
esac
