#!/bin/sh
# Builds CPython from the official source into PREFIX, either free-threaded
# (configure --disable-gil) or regular (with the GIL): the same version, the
# same tarball, the same flags otherwise, so that the two differ by that one
# flag. Used by `cargo xtask bench` (both) and `cargo xtask test` (the
# free-threaded one) on first use; about five minutes each on 2 cores.
# Debian's archive carries the source as the .orig tarball of its python3.13
# source package. The machine's own apt configuration is left alone: apt-get
# reads a source list and keeps its package lists in a scratch directory.
set -eu
PREFIX=${1:?usage: install-cpython.sh PREFIX free-threaded|regular}
BUILD=${2:?usage: install-cpython.sh PREFIX free-threaded|regular}
# The version the course pins: the newest 3.13 whose source the archive
# serves (sid lists 3.13.18, but its files answer 404; 3.14's free-threaded
# source cannot be fetched either). The tarball's name is checked against it.
VERSION=3.13.15
SUITE=forky
case "$BUILD" in
    free-threaded) GIL_FLAG=--disable-gil; BINARY=python3.13t; EXPECT=False ;;
    regular) GIL_FLAG=; BINARY=python3.13; EXPECT=True ;;
    *) echo "install-cpython.sh: the build is free-threaded or regular, not $BUILD" >&2; exit 2 ;;
esac
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
cd "$WORK"
mkdir -p lists/partial
URI=$(awk '/^URIs:/{print $2; exit}' /etc/apt/sources.list.d/debian.sources 2>/dev/null || true)
[ -n "$URI" ] || URI=http://deb.debian.org/debian
echo "deb-src [signed-by=/usr/share/keyrings/debian-archive-keyring.gpg] $URI $SUITE main" > src.list
A="-o Dir::Etc::sourcelist=$WORK/src.list -o Dir::Etc::sourceparts=/dev/null -o Dir::State::Lists=$WORK/lists -o Dir::Cache=$WORK/cache"
# shellcheck disable=SC2086
apt-get $A update -qq
# shellcheck disable=SC2086
# The Debian revision of that version (3.13.15-1): apt-get takes no pattern.
# shellcheck disable=SC2086
DEBIAN=$(apt-cache $A showsrc python3.13 | awk -v v="$VERSION" '/^Version:/ && index($2, v "-") == 1 {print $2; exit}')
# shellcheck disable=SC2086
[ -n "$DEBIAN" ] && apt-get $A source --download-only "python3.13=$DEBIAN" >/dev/null 2>&1 || {
    # shellcheck disable=SC2086
    echo "Debian's $SUITE no longer serves python3.13 $VERSION's source; it lists: $(apt-cache $A showsrc python3.13 | awk '/^Version:/{print $2}' | tr '\n' ' ')" >&2
    exit 1
}
TARBALL=$(ls python3.13_"$VERSION".orig.tar.* 2>/dev/null | head -n1)
[ -n "$TARBALL" ] || { echo "no python3.13_$VERSION.orig tarball among: $(ls)" >&2; exit 1; }
tar xf "$TARBALL"
cd Python-"$VERSION"
# No test modules: CPython's own test suite (140 MB) is neither used here nor
# worth compiling to bytecode three times over at install.
# shellcheck disable=SC2086
./configure $GIL_FLAG --disable-test-modules --prefix="$PREFIX" >configure.log 2>&1 || { tail -30 configure.log >&2; exit 1; }
make -j"$(nproc)" >make.log 2>&1 || { tail -30 make.log >&2; exit 1; }
make install >install.log 2>&1 || { tail -30 install.log >&2; exit 1; }
"$PREFIX/bin/$BINARY" -c "import sys; assert sys._is_gil_enabled() is $EXPECT, 'the GIL is not as built'; print(sys.version)"
# Last: `make install` copies the binary before the standard library, so an
# interrupted install leaves a binary that does not work; only this file says
# the install is complete (xtask/src/tools.rs looks for it).
touch "$PREFIX/.complete"
