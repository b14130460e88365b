#!/usr/bin/env bash
# Installs what is missing, builds, and opens the tour on the default scene.
# Extra arguments go to twin-tour (e.g. a model file, --fullscreen).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/deps.sh
bash scripts/build.sh
exec ./build/twin-tour "$@"
