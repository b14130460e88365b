#!/usr/bin/env bash
# Installs what is missing, builds, starts a virtual display and runs the
# tests, in three parts (docs/reliability.md has their times):
#   0. the web build (scripts/web.sh --build-only) for the browser tests;
#   1. the suite: every test (unit, golden images, playback, integration,
#      corpus) with CTest, built into build/;
#   2. the sanitizer pass: the unit, integration and corpus tests again, built
#      with AddressSanitizer and UBSan into build-sanitize/ (no report may appear);
#   3. the fuzz smoke: each libFuzzer target 20 s from its seeds (scripts/fuzz-smoke.sh).
#
#   scripts/test.sh              1, with the browser tests if build-web/site exists
#   scripts/test.sh --all        the web build, then 1 (browser tests included), 2 and 3 (CI: .ci/run)
#   scripts/test.sh --sanitize   2 only     scripts/test.sh --fuzz   3 only
#   scripts/test.sh --web        the web build and the browser tests only
# Other arguments go to ctest (parts 1 and 2).
set -euo pipefail
cd "$(dirname "$0")/.."
parts=(suite)
case "${1:-}" in
  --all) parts=(web_build suite sanitize fuzz); shift ;;
  --web) parts=(web); shift ;;
  --suite) parts=(suite); shift ;;
  --sanitize) parts=(sanitize); shift ;;
  --fuzz) parts=(fuzz); shift ;;
esac
bash scripts/deps.sh --test
jobs=$(nproc 2>/dev/null || echo 2)

# Windowed tests need an X display: start our own Xvfb, stop it on exit.
start_display() {
  local display=""
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
}

# The Khronos glTF validator (npm package, pinned) for the model validity test.
gltf_validator() {
  local build=$1
  if [[ ! -d $build/gltf-validator/node_modules/gltf-validator ]]; then
    mkdir -p "$build/gltf-validator"
    npm install --silent --no-audit --no-fund --prefix "$build/gltf-validator" gltf-validator@2.0.0-dev.3.10 >/dev/null
  fi
}

timed() {  # timed NAME COMMAND...: runs it, says how long it took
  local name=$1 start=$SECONDS rc=0
  shift
  "$@" || rc=$?
  echo "== $name: $((SECONDS - start)) s$( ((rc == 0)) || echo ", FAILED (exit status $rc)")"
  return $rc
}

suite() {
  timed "suite build" bash scripts/build.sh -DTWIN_BUILD_TESTS=ON || return 1
  gltf_validator build || return 1
  timed "suite tests" ctest --test-dir build --output-on-failure -j "$jobs" "$@"
}

sanitize() {
  # The build is the long part of this pass: no bench programs.
  timed "sanitizer build" env TWIN_BUILD_DIR=build-sanitize bash scripts/build.sh \
    -DTWIN_BUILD_TESTS=ON -DTWIN_SANITIZE=ON -DTWIN_BUILD_BENCH=OFF || return 1
  gltf_validator build-sanitize || return 1
  # Any report fails the test that shows it: UBSan stops at the first one,
  # LeakSanitizer reads the reviewed suppressions (system libraries only).
  # A 16 MiB quarantine (ASan's default is 256) still catches a use of memory
  # freed lately, and bounds what freed memory adds to the memory tests' figures.
  # intercept_tls_get_addr=0: GCC 12's runtime takes some of Mesa's dynamic TLS
  # blocks for glibc 2.19 ones and LeakSanitizer's tracer then crashes at exit
  # ("Tracer caught signal 11"; app.bench, 6 runs of 6); our TLS is static.
  local env=(
    ASAN_OPTIONS=detect_leaks=1:abort_on_error=0:strict_string_checks=1:detect_stack_use_after_return=0:quarantine_size_mb=16:intercept_tls_get_addr=0
    UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
    LSAN_OPTIONS=suppressions=$PWD/tests/sanitizers/lsan.supp:print_suppressions=0)
  # The whole app against a real broker (LiveApp.*) waits on clocks and
  # reconnections; under ASan two at once on 2 cores crowd them out (seen
  # failing at load 5-13, passing alone): they run one at a time, after the rest.
  timed "sanitizer tests" env "${env[@]}" \
    ctest --test-dir build-sanitize --output-on-failure -j "$jobs" -L 'unit|integration|corpus' -E '^LiveApp[.]' "$@" &&
    timed "sanitizer tests, the live app one at a time" env "${env[@]}" \
      ctest --test-dir build-sanitize --output-on-failure -L 'unit|integration|corpus' -R '^LiveApp[.]' "$@"
  # (not gl and playback: llvmpipe frames under ASan are too slow for CI, and
  # the integration tests' screenshots run the same drawing code)
}

# The browser tests (tests/web, label web) run in headless chromium against a
# real mosquitto. The suite skips them while no site is built; after the web
# build of this run a missing site fails them.
web_build() {
  timed "web build" bash scripts/web.sh --build-only || return 1
  export TWIN_WEB_REQUIRED=1
}
web() {
  web_build || return 1
  cmake -S . -B build -DTWIN_BUILD_TESTS=ON >/dev/null && cmake --build build -j "$jobs" --target image-compare >/dev/null ||
    return 1
  timed "web tests" ctest --test-dir build --output-on-failure -L web "$@"
}

status=0
for part in "${parts[@]}"; do
  case $part in
    suite|sanitize|web)
      [[ -n ${xvfb_pid:-} ]] || start_display
      $part "$@" || status=1 ;;
    web_build) web_build || status=1 ;;
    fuzz) timed "fuzz smoke" bash scripts/fuzz-smoke.sh || status=1 ;;
  esac
done
exit $status
