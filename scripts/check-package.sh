#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Checks the Debian package that scripts/package.sh built: its file list, its Depends, the desktop
# entry, AppStream metadata, MIME type and man pages, and runs the packaged programs from a
# temporary root (dpkg-deb -x), so it proves the package without installing it.
#   scripts/check-package.sh [PACKAGE.deb]   (default: build/archsim_<version>_<arch>.deb)
# Prints every failure and exits 1 if there was any, 2 if the package or a tool is missing.
set -uo pipefail
given=${1:+$(realpath -- "$1")}
cd "$(dirname "$0")/.." || exit 2

build_dir=${ARCHSIM_BUILD_DIR:-build}
app_id=io.github.archsim.ArchSim
mime_type=application/x-archsim
mime_icon=application-x-archsim
icon_sizes=(16 22 24 32 48 64 128 256 512)

die() {
    echo "check-package: $*" >&2
    exit 2
}
failures=0
fail() {
    echo "check-package: FAIL: $*" >&2
    failures=$((failures + 1))
}
pass() { echo "check-package: ok: $*"; }

# Every tool used here comes from a package in scripts/debian-packages.txt.
for tool in dpkg-deb:dpkg desktop-file-validate:desktop-file-utils appstreamcli:appstream \
    update-mime-database:shared-mime-info groff:groff-base readelf:binutils lintian:lintian; do
    command -v "${tool%%:*}" >/dev/null ||
        die "${tool%%:*} is missing: install the Debian package ${tool#*:} (bash scripts/setup.sh build does)"
done

version=$(sed -n 's/^CMAKE_PROJECT_VERSION:STATIC=//p' "$build_dir/CMakeCache.txt" 2>/dev/null)
deb=${given:-$build_dir/archsim_${version}_$(dpkg --print-architecture).deb}
[ -f "$deb" ] || die "no package $deb: build it with bash scripts/package.sh"
[ -n "$version" ] || version=$(dpkg-deb -f "$deb" Version)
echo "check-package: checking $deb (version $version)"

root=$(mktemp -d)
trap 'rm -rf "$root"' EXIT

# 1. The file list.
contents=$(dpkg-deb -c "$deb" | awk '{ print $NF }' | sed 's|^\./|/|') || die "dpkg-deb cannot read $deb"
expected=(
    /usr/bin/archsim
    /usr/bin/archsim-cli
    "/usr/share/applications/$app_id.desktop"
    "/usr/share/metainfo/$app_id.metainfo.xml"
    /usr/share/mime/packages/archsim.xml
    "/usr/share/icons/hicolor/scalable/apps/$app_id.svg"
    "/usr/share/icons/hicolor/scalable/mimetypes/$mime_icon.svg"
    /usr/share/man/man1/archsim-cli.1.gz
    /usr/share/man/man1/archsim.1.gz
    /usr/share/archsim/examples/shop.json
    /usr/share/doc/archsim/copyright
    /usr/share/doc/archsim/changelog.gz
)
for size in "${icon_sizes[@]}"; do
    expected+=("/usr/share/icons/hicolor/${size}x${size}/apps/$app_id.png"
        "/usr/share/icons/hicolor/${size}x${size}/mimetypes/$mime_icon.png")
done
missing=0
for path in "${expected[@]}"; do
    grep -qxF "$path" <<<"$contents" || {
        fail "the package lacks $path"
        missing=$((missing + 1))
    }
done
((missing)) || pass "all ${#expected[@]} expected files are in the package"
outside=$(grep -v '^/usr/' <<<"$contents" | grep -vx '/' || true)
if [ -z "$outside" ]; then pass "every file is under /usr"; else fail "files outside /usr: $outside"; fi

# 2. Depends: filled in by dpkg-shlibdeps from the binaries, plus the run-time Qt plugins.
depends=$(dpkg-deb -f "$deb" Depends)
depends_names=$(tr ',|' '\n' <<<"$depends" | awk 'NF { print $1 }')
for dep in libqt6core6 libqt6gui6 libqt6widgets6 libsqlite3-0 libstdc++6 qt6-qpa-plugins libqt6svg6; do
    grep -qxF "$dep" <<<"$depends_names" || fail "Depends lacks $dep (Depends: $depends)"
done
if grep -qE 'libqt6core6 \(>= ' <<<"$depends"; then
    pass "Depends comes from dpkg-shlibdeps: $depends"
else
    fail "Depends has no versioned Qt library, so dpkg-shlibdeps did not run: $depends"
fi

# 3. The files themselves, from a temporary root.
dpkg-deb -x "$deb" "$root" || die "dpkg-deb cannot extract $deb"
desktop=$root/usr/share/applications/$app_id.desktop
metainfo=$root/usr/share/metainfo/$app_id.metainfo.xml
if out=$(desktop-file-validate "$desktop" 2>&1) && [ -z "$out" ]; then
    pass "desktop-file-validate accepts $app_id.desktop"
else
    fail "desktop-file-validate: $out"
fi
grep -qx 'Exec=archsim %f' "$desktop" || fail "the desktop entry does not start 'archsim %f'"
grep -qx "MimeType=$mime_type;" "$desktop" || fail "the desktop entry does not claim $mime_type"
grep -qx "Icon=$app_id" "$desktop" || fail "the desktop entry's Icon is not $app_id"
if out=$(appstreamcli validate --no-net "$metainfo" 2>&1); then
    pass "appstreamcli validate accepts $app_id.metainfo.xml"
else
    fail "appstreamcli validate: $out"
fi
# validate-tree also cross-checks the metainfo against the installed desktop entry (launchable).
if out=$(appstreamcli validate-tree --no-net "$root" 2>&1); then
    pass "appstreamcli validate-tree accepts the package's tree (metainfo matches the desktop entry)"
else
    fail "appstreamcli validate-tree: $out"
fi
grep -q "<release version=\"$version\"" "$metainfo" || fail "the metainfo has no <release> for version $version"

grep -qx '  <project_license>GPL-3.0-or-later</project_license>' "$metainfo" ||
    fail "the metainfo does not give the licence GPL-3.0-or-later"

# Licence and changelog as Debian wants them; lintian finds no error in the package.
copyright=$root/usr/share/doc/archsim/copyright
if [ -f "$copyright" ] && grep -qx 'License: GPL-3.0+' "$copyright"; then
    pass "the copyright file says GPL-3.0-or-later (GPL-3.0+)"
else
    fail "the copyright file is missing or does not say License: GPL-3.0+"
fi
changelog=$root/usr/share/doc/archsim/changelog.gz
if [ -f "$changelog" ]; then
    top=$(zcat "$changelog" | head -1)
    [[ $top == "archsim ($version) "* ]] || fail "the changelog's latest entry is not version $version: $top"
fi
if out=$(lintian --fail-on error --tag-display-limit 0 "$deb" 2>&1); then
    tags=$(grep -E '^[WIPX]: ' <<<"$out" || true)
    pass "lintian finds no error${tags:+; its other tags follow}"
    [ -z "$tags" ] || sed 's/^/check-package: lintian: /' <<<"$tags"
else
    fail "lintian: $(grep -E '^[EW]: ' <<<"$out")"
fi

# The MIME type compiles with the system's base types into a database that knows it.
mimedb=$root/xdg/mime
mkdir -p "$mimedb/packages"
cp "$root/usr/share/mime/packages/archsim.xml" /usr/share/mime/packages/freedesktop.org.xml "$mimedb/packages/"
if out=$(XDG_DATA_DIRS=$root/xdg XDG_DATA_HOME=$root/xdg update-mime-database "$mimedb" 2>&1) && [ -z "$out" ]; then
    grep -qx "$mime_type:\*\.archsim" <(cut -d: -f2- "$mimedb/globs2") ||
        fail "the MIME database has no glob *.archsim for $mime_type"
    grep -qx "$mime_type application/vnd.sqlite3" "$mimedb/subclasses" ||
        fail "$mime_type is not a sub-class of application/vnd.sqlite3"
    grep -qF "$mime_type" "$mimedb/magic" || fail "the MIME database has no magic for $mime_type"
    pass "the MIME type $mime_type compiles (glob *.archsim, sub-class of SQLite, magic)"
else
    fail "update-mime-database: $out"
fi

for page in archsim-cli archsim; do
    file=$root/usr/share/man/man1/$page.1.gz
    [ -f "$file" ] || continue # reported above as missing
    if out=$(zcat "$file" | groff -man -ww -z 2>&1) && [ -z "$out" ]; then
        pass "man page $page(1) formats without warnings"
    else
        fail "man page $page(1): $out"
    fi
    zcat "$file" | grep -q "^\.TH .* \"ArchSim $version\"" || fail "man page $page(1) is not for version $version"
done
if [ -f "$root/usr/share/man/man1/archsim-cli.1.gz" ]; then
    for command in validate convert info analyze simulate sweep failures compare; do
        zcat "$root/usr/share/man/man1/archsim-cli.1.gz" | grep -qE '^(\.BI? |\\fB)'"$command"'( |\\)' ||
            fail "man page archsim-cli(1) does not document the command $command"
    done
fi

# 4. The packaged programs run against the system libraries only.
for program in archsim archsim-cli; do
    if ! readelf -h "$root/usr/bin/$program" >/dev/null 2>&1; then
        fail "/usr/bin/$program is not an ELF program"
        continue
    fi
    rpath=$(readelf -d "$root/usr/bin/$program" | grep -E 'RPATH|RUNPATH')
    [ -z "$rpath" ] || fail "$program has a run path, but it must use the system's libraries only: $rpath"
done
cli=$root/usr/bin/archsim-cli
out=$("$cli" --version 2>&1)
if [ "$out" = "archsim-cli $version" ]; then
    pass "packaged archsim-cli --version: $out"
else
    fail "packaged archsim-cli --version printed \"$out\", expected \"archsim-cli $version\""
fi
# The man page keeps up with the program: every command in --help is documented there, and one
# still marked "(planned)" although the program has it is pointed out.
manpage=$root/usr/share/man/man1/archsim-cli.1.gz
if [ -f "$manpage" ]; then
    commands=$("$cli" --help 2>/dev/null | awk '/^Commands:/ { c = 1; next } /^$/ { c = 0 } c && /^  [a-z]/ { print $1 }')
    [ -n "$commands" ] || fail "archsim-cli --help lists no commands"
    for command in $commands; do
        tag=$(zcat "$manpage" | grep -nE '^(\.BI? |\\fB)'"$command"'( |\\)' | head -1 | cut -d: -f1)
        if [ -z "$tag" ]; then
            fail "archsim-cli has the command $command, but its man page does not document it"
        elif zcat "$manpage" | sed -n "$((tag + 1))p" | grep -qF '(planned)'; then
            echo "check-package: note: archsim-cli has $command, but installer/archsim-cli.1.in still marks it (planned)"
        fi
    done
    [ -z "$commands" ] || pass "archsim-cli(1) documents every command in --help: ${commands//$'\n'/ }"
fi

example=$root/usr/share/archsim/examples/shop.json
if out=$("$cli" validate "$example" 2>&1) && grep -q ': valid (2 variants' <<<"$out"; then
    pass "packaged archsim-cli validates the packaged example: $out"
else
    fail "packaged archsim-cli validate $example: $out"
fi
if out=$("$cli" convert "$example" "$root/shop.archsim" 2>&1) &&
    out=$("$cli" info "$root/shop.archsim" 2>&1) && grep -q '^Microservices ' <<<"$out"; then
    pass "packaged archsim-cli converts the example to .archsim and reads it back"
else
    fail "packaged archsim-cli convert/info on the example: $out"
fi
out=$(QT_QPA_PLATFORM=offscreen "$root/usr/bin/archsim" --version 2>/dev/null)
if [ "$out" = "ArchSim $version" ]; then
    pass "packaged archsim --version: $out"
else
    fail "packaged archsim --version printed \"$out\", expected \"ArchSim $version\""
fi

# 5. The tarball, when there is one, holds the same programs.
tgz=$(dirname "$deb")/archsim-$version-Linux.tar.gz
if [ -f "$tgz" ]; then
    listing=$(tar -tzf "$tgz")
    lacking=0
    for path in bin/archsim bin/archsim-cli share/archsim/examples/shop.json share/man/man1/archsim-cli.1.gz; do
        grep -qx "archsim-$version-Linux/$path" <<<"$listing" || {
            fail "$tgz lacks $path"
            lacking=$((lacking + 1))
        }
    done
    ((lacking)) || pass "the tarball $(basename "$tgz") holds the programs, example and man page"
fi

if ((failures)); then
    echo "check-package: $failures check(s) failed for $deb" >&2
    exit 1
fi
echo "check-package: all checks passed for $deb"
