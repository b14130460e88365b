#!/usr/bin/env bash
# Installs what is missing, builds, starts a virtual display and runs every
# test (unit, golden images, integration, corpus) with CTest.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/deps.sh --test
bash scripts/build.sh -DTWIN_BUILD_TESTS=ON

# The Khronos glTF validator (npm package, pinned) for the model validity test.
if [[ ! -d build/gltf-validator/node_modules/gltf-validator ]]; then
  mkdir -p build/gltf-validator
  npm install --silent --no-audit --no-fund --prefix build/gltf-validator gltf-validator@2.0.0-dev.3.10 >/dev/null
fi

# Windowed tests need an X display: start our own Xvfb, stop it on exit.
display=""
for n in $(seq 90 140); do
  if [[ ! -e /tmp/.X11-unix/X$n && ! -e /tmp/.X$n-lock ]]; then display=":$n"; break; fi
done
Xvfb "$display" -screen 0 1280x1024x24 -nolisten tcp >/dev/null 2>&1 &
xvfb_pid=$!
trap 'kill $xvfb_pid 2>/dev/null || true' EXIT
for _ in $(seq 50); do
  [[ -e /tmp/.X11-unix/X${display#:} ]] && break
  sleep 0.1
done
export DISPLAY="$display"

ctest --test-dir build --output-on-failure -j "$(nproc 2>/dev/null || echo 2)" "$@"
