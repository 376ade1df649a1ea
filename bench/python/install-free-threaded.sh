#!/bin/sh
# Builds a free-threaded CPython 3.13 (configure --disable-gil) from the
# official source, which Debian's archive carries as the .orig tarball of
# trixie's python3.13 source package, into $PREFIX. Used by `cargo xtask
# bench` and `cargo xtask test` on first use; about two minutes on 2 cores.
# The machine's own apt configuration is left alone: apt-get reads a source
# list and keeps its package lists in a scratch directory of its own.
set -eu
PREFIX=${1:?usage: install-free-threaded.sh PREFIX}
# The version the course pins; the tarball's name is checked against it.
VERSION=3.13.5
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
cd "$WORK"
mkdir -p lists/partial
URI=$(awk '/^URIs:/{print $2; exit}' /etc/apt/sources.list.d/debian.sources 2>/dev/null || true)
[ -n "$URI" ] || URI=http://deb.debian.org/debian
echo "deb-src [signed-by=/usr/share/keyrings/debian-archive-keyring.gpg] $URI trixie main" > src.list
A="-o Dir::Etc::sourcelist=$WORK/src.list -o Dir::Etc::sourceparts=/dev/null -o Dir::State::Lists=$WORK/lists -o Dir::Cache=$WORK/cache"
# shellcheck disable=SC2086
apt-get $A update -qq
# shellcheck disable=SC2086
apt-get $A source --download-only "python3.13=$VERSION-*" >/dev/null 2>&1 || apt-get $A source --download-only python3.13
TARBALL=$(ls python3.13_"$VERSION".orig.tar.* 2>/dev/null | head -n1)
[ -n "$TARBALL" ] || { echo "python3.13 $VERSION's source is not in trixie any more: $(ls python3.13_*.orig.tar.*)" >&2; exit 1; }
tar xf "$TARBALL"
cd Python-"$VERSION"
# No test modules: CPython's own test suite (140 MB) is neither used here nor
# worth compiling to bytecode three times over at install.
./configure --disable-gil --disable-test-modules --prefix="$PREFIX" >configure.log 2>&1 || { tail -30 configure.log >&2; exit 1; }
make -j"$(nproc)" >make.log 2>&1 || { tail -30 make.log >&2; exit 1; }
make install >install.log 2>&1 || { tail -30 install.log >&2; exit 1; }
"$PREFIX/bin/python3.13t" -c 'import sys; assert not sys._is_gil_enabled(); print(sys.version)'
# Last: `make install` copies the binary before the standard library, so an
# interrupted install leaves a binary that does not work; only this file says
# the install is complete (xtask/src/tools.rs looks for it).
touch "$PREFIX/.complete"
