#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Builds ArchSim's packages in one command: installs what is missing, configures and builds (through
# scripts/setup.sh build), then runs CPack. Writes into ./build (or $ARCHSIM_BUILD_DIR):
#   archsim_<version>_<arch>.deb     e.g. build/archsim_0.1.0_amd64.deb  (sudo apt install ./build/archsim_0.1.0_amd64.deb)
#   archsim-<version>-Linux.tar.gz   the same files under archsim-<version>-Linux/
# Check the result with scripts/check-package.sh.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/setup.sh build
build_dir=${ARCHSIM_BUILD_DIR:-build}
cd "$build_dir"
cpack -G DEB
cpack -G TGZ
version=$(sed -n 's/^CMAKE_PROJECT_VERSION:STATIC=//p' CMakeCache.txt)
echo "package: built $build_dir/archsim_${version}_$(dpkg --print-architecture).deb and $build_dir/archsim-${version}-Linux.tar.gz"
