#!/usr/bin/env bash
# Builds the Debian package: writes twin-tour_VERSION_amd64.deb at the top of
# the source tree (its dependencies computed from the shared libraries by
# dpkg-shlibdeps). Install it with: sudo apt install ./twin-tour_*.deb
#   TWIN_BUILD_DIR=build-pkg bash scripts/package.sh -DTWIN_BUILD_TESTS=OFF -DTWIN_BUILD_BENCH=OFF
# builds the package alone, in its own folder, without the tests and benches.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/deps.sh
build=${TWIN_BUILD_DIR:-build}
bash scripts/build.sh "$@"   # into $TWIN_BUILD_DIR as well
(cd "$build" && cpack -G DEB -B "$PWD/package" >/dev/null)
deb=$(ls -t "$build"/package/twin-tour_*_*.deb | head -n 1)
cp "$deb" .
echo "$(basename "$deb")"
