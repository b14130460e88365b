#!/usr/bin/env bash
# A short run of each libFuzzer target from its seed corpus (CI's fuzz smoke):
#   bash scripts/fuzz-smoke.sh [SECONDS]     (default 20 s per target)
# Builds the four fuzzers with clang (libFuzzer, ASan, UBSan) into
# build-fuzz/ (only them and what they link). An input that crashes, leaks,
# hangs or runs out of memory fails the run; it is copied into
# tests/fuzz/regressions/<scene|model|payload|bvh>/ (and printed in base64 when
# small, for a CI log), where the suite replays it once it is committed
# (fuzz.regressions.* tests): fix the bug, then commit the input.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-20}
bash scripts/deps.sh --test
if [[ ! -f build-fuzz/CMakeCache.txt ]]; then
  launcher=()
  if command -v ccache >/dev/null; then
    launcher=(-DCMAKE_C_COMPILER_LAUNCHER=ccache -DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
  fi
  CC=clang CXX=clang++ cmake -S . -B build-fuzz -DCMAKE_BUILD_TYPE=RelWithDebInfo -DTWIN_BUILD_FUZZERS=ON \
    -DTWIN_BUILD_TESTS=OFF "${launcher[@]}" >/dev/null
fi
targets=(scene-file-fuzz:scene payload-fuzzer:payload model-file-fuzz:model bvh-file-fuzz:bvh)
cmake --build build-fuzz -j "$(nproc 2>/dev/null || echo 2)" --target "${targets[@]%%:*}"

status=0
for entry in "${targets[@]}"; do
  target=${entry%%:*} seeds=tests/fuzz/corpus/${entry##*:}
  work=build-fuzz/work/$target findings=build-fuzz/findings/$target
  rm -rf "$work" "$findings"; mkdir -p "$work" "$findings"
  echo "== $target: ${seconds} s from $seeds"
  # New inputs go to a scratch folder (the first), never into the seeds.
  if ! build-fuzz/"$target" "$work" "$seeds" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
       -artifact_prefix="$findings/" -print_final_stats=1 >"build-fuzz/$target.log" 2>&1; then
    tail -n 40 "build-fuzz/$target.log"
    for found in "$findings"/*; do
      [[ -f $found ]] || continue
      kept=tests/fuzz/regressions/${entry##*:}/$(basename "$found")
      cp "$found" "$kept"
      echo "== $target FOUND A PROBLEM: the input is now $kept ($(stat -c %s "$found") bytes)"
      if (($(stat -c %s "$found") <= 4096)); then echo "base64:"; base64 "$found"; fi
    done
    status=1
  else
    grep -E '^(stat::number_of_executed_units|stat::peak_rss_mb|#[0-9]+.*DONE)' "build-fuzz/$target.log" || true
  fi
done
exit $status
