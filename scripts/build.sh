#!/usr/bin/env bash
# Configures and builds Twin Tour into build/ (RelWithDebInfo).
set -euo pipefail
cd "$(dirname "$0")/.."
jobs=$(nproc 2>/dev/null || echo 2)
build=${TWIN_BUILD_DIR:-build}   # scripts/test.sh --sanitize builds into build-sanitize
cmake -S . -B "$build" -DCMAKE_BUILD_TYPE=RelWithDebInfo "$@" >/dev/null
cmake --build "$build" -j "$jobs"
