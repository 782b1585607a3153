#!/usr/bin/env bash
# Build the relocatable Asterisk of the real-call tier for any x86_64 CPU (no -march=native), packed as
# resources/telephony/asterisk-<version>-debian12-amd64-portable.tar.xz.
#
#   scripts/build_asterisk.sh [ASTERISK_GIT_DIR PJPROJECT_GIT_DIR]
#
# With two git directories (clones or bare mirrors of asterisk/asterisk and pjsip/pjproject) the sources
# are taken from their tags; without, the tags' archives are downloaded from GitHub. Takes 15-30 minutes
# on two cores. Needs Debian's build packages (installed here when missing).
set -euo pipefail
cd "$(dirname "$0")/.."
REPO=$PWD
VERSION=22.10.1
PJ_VERSION=2.17
WORK=${BUILD_DIR:-/tmp/pbxdesk-asterisk-build}
OUT=$REPO/resources/telephony/asterisk-$VERSION-debian12-amd64-portable.tar.xz

apt-get install -y -q build-essential libedit-dev libjansson-dev libxml2-dev libxslt1-dev libsqlite3-dev \
    libssl-dev uuid-dev libcurl4-openssl-dev libspandsp-dev libsrtp2-dev libpq-dev bzip2 xz-utils >/dev/null

rm -rf "$WORK" && mkdir -p "$WORK/cache"
if [ $# -eq 2 ]; then
    git -C "$1" archive --prefix="asterisk-$VERSION/" "$VERSION" | tar -x -C "$WORK"
    git -C "$2" archive --prefix="pjproject-$PJ_VERSION/" "$PJ_VERSION" | bzip2 > "$WORK/cache/pjproject-$PJ_VERSION.tar.bz2"
else
    curl -fsSL "https://github.com/asterisk/asterisk/archive/refs/tags/$VERSION.tar.gz" | tar -xz -C "$WORK"
    curl -fsSL "https://github.com/pjsip/pjproject/archive/refs/tags/$PJ_VERSION.tar.gz" | gunzip \
        | bzip2 > "$WORK/cache/pjproject-$PJ_VERSION.tar.bz2"
fi
SRC=$WORK/asterisk-$VERSION
# the bundled pjproject is checked against the md5 of upstream's release tarball: use ours
(cd "$WORK/cache" && md5sum "pjproject-$PJ_VERSION.tar.bz2") > "$SRC/third-party/pjproject/pjproject-$PJ_VERSION.tar.bz2.md5"

PREFIX=$WORK/asterisk-$VERSION-portable
cd "$SRC"
./configure --prefix="$PREFIX" --with-pjproject-bundled --without-jansson-bundled \
    --with-externals-cache="$WORK/cache" >"$WORK/configure.log" 2>&1
make menuselect.makeopts >/dev/null
# generic x86-64 code (the default BUILD_NATIVE means -march=native: the build host's CPU only), no sound
# downloads (the tests use Debian's asterisk-core-sounds-en-wav)
menuselect/menuselect --disable BUILD_NATIVE --disable-category MENUSELECT_CORE_SOUNDS \
    --disable-category MENUSELECT_MOH --disable-category MENUSELECT_EXTRA_SOUNDS menuselect.makeopts
make -j"$(nproc)" >"$WORK/make.log" 2>&1
make install samples >"$WORK/install.log" 2>&1
rm -rf "$PREFIX/share/man" "$PREFIX/include"
find "$PREFIX" -type f \( -name '*.so*' -o -path '*/sbin/*' \) -exec strip --strip-unneeded {} + 2>/dev/null || true
mkdir -p "$(dirname "$OUT")"
tar -C "$WORK" -cJf "$OUT" "asterisk-$VERSION-portable"
echo "built $OUT ($(du -h "$OUT" | cut -f1))"
