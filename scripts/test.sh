#!/usr/bin/env bash
# Installs what is missing, builds, starts a virtual display and runs every
# test (unit, golden images, integration, corpus) with CTest.
#   scripts/test.sh --sanitize   the unit, integration and corpus tests again,
#                                built with AddressSanitizer and UBSan into
#                                build-sanitize/ (no report may appear)
# Other arguments go to ctest.
set -euo pipefail
cd "$(dirname "$0")/.."
sanitize=0
if [[ "${1:-}" == "--sanitize" ]]; then sanitize=1; shift; fi
build=build
bash scripts/deps.sh --test
if ((sanitize)); then
  build=build-sanitize
  TWIN_BUILD_DIR=$build bash scripts/build.sh -DTWIN_BUILD_TESTS=ON -DTWIN_SANITIZE=ON
  # Any report fails the test that shows it: UBSan stops at the first one,
  # LeakSanitizer reads the reviewed suppressions (system libraries only).
  export ASAN_OPTIONS=detect_leaks=1:abort_on_error=0:strict_string_checks=1:detect_stack_use_after_return=0
  export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
  export LSAN_OPTIONS=suppressions=$PWD/tests/sanitizers/lsan.supp:print_suppressions=0
  # The golden-image and playback tests draw through llvmpipe frame by frame:
  # too slow under the sanitizers for CI, and the same code runs in the
  # integration tests' screenshots.
  set -- -L 'unit|integration|corpus' "$@"
else
  bash scripts/build.sh -DTWIN_BUILD_TESTS=ON
fi

# The Khronos glTF validator (npm package, pinned) for the model validity test.
if [[ ! -d $build/gltf-validator/node_modules/gltf-validator ]]; then
  mkdir -p $build/gltf-validator
  npm install --silent --no-audit --no-fund --prefix $build/gltf-validator gltf-validator@2.0.0-dev.3.10 >/dev/null
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

ctest --test-dir $build --output-on-failure -j "$(nproc 2>/dev/null || echo 2)" "$@"
