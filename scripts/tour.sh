#!/usr/bin/env bash
# Installs what is missing, builds, and opens the tour on the default scene.
# Extra arguments go to twin-tour (e.g. a model file, --fullscreen).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/deps.sh
bash scripts/build.sh -DTWIN_BUILD_TESTS=OFF  # the app alone: tests build with scripts/test.sh
exec ./build/twin-tour "$@"
