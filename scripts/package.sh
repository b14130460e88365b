#!/usr/bin/env bash
# Builds the Debian package: writes twin-tour_VERSION_amd64.deb at the top of
# the source tree (its dependencies computed from the shared libraries by
# dpkg-shlibdeps). Install it with: sudo apt install ./twin-tour_*.deb
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/deps.sh
bash scripts/build.sh "$@"
(cd build && cpack -G DEB -B "$PWD/package" >/dev/null)
deb=$(ls -t build/package/twin-tour_*_*.deb | head -n 1)
cp "$deb" .
echo "$(basename "$deb")"
