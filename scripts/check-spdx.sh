#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Every source file (C++, CMake, shell) names its licence in an SPDX line near its top.
#   bash scripts/check-spdx.sh        lists the files without one and exits 1 if there are any
#   bash scripts/check-spdx.sh --fix  adds the line to them
set -euo pipefail
cd "$(dirname "$0")/.."
missing=()
while IFS= read -r file; do
    head -3 "$file" | grep -q 'SPDX-License-Identifier: GPL-3.0-or-later' || missing+=("$file")
done < <(git ls-files '*.cpp' '*.h' '*.sh' 'CMakeLists.txt' '*/CMakeLists.txt' '*.cmake' .ci/run)
if [[ ${1:-} == --fix ]]; then
    for file in "${missing[@]}"; do
        case $file in
        *.cpp | *.h) line='// SPDX-License-Identifier: GPL-3.0-or-later' ;;
        *) line='# SPDX-License-Identifier: GPL-3.0-or-later' ;;
        esac
        if head -1 "$file" | grep -q '^#!'; then
            sed -i "1a $line" "$file"
        else
            sed -i "1i $line" "$file"
        fi
    done
    echo "check-spdx: added the licence line to ${#missing[@]} file(s)"
    exit 0
fi
if ((${#missing[@]})); then
    printf 'check-spdx: no SPDX-License-Identifier: GPL-3.0-or-later line in %s\n' "${missing[@]}" >&2
    echo "check-spdx: add it (bash scripts/check-spdx.sh --fix)" >&2
    exit 1
fi
echo "check-spdx: every source file names its licence"
