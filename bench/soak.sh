#!/usr/bin/env bash
# Soak bench: an accelerated kiosk day through the real app, watching memory
# and OpenGL errors (issue "days unattended"; docs/reliability.md).
#
#   bash bench/soak.sh                      # 30,000 frames with build/twin-tour
#   bash bench/soak.sh --frames 6000 --build build-sanitize    # shorter, under ASan/UBSan
#
# The kiosk (--kiosk, attract loop after 15 s without a touch) plays a
# recording made by bench/make_soak_recording.py: visitors at random wake it,
# switch the language, open tours, platforms' and machines' cards, tap, drag,
# scroll and go home; the live data replays at x600. --soak-report makes the
# playback draw every step of its clock (60 a second) and print, every 1000
# frames, the resident memory, the heap in use (glibc's mallinfo2: what a leak of
# ours would grow) and the OpenGL errors since the last line.
#
# It fails (exit 1) when, after the warm-up, memory rose 5 MiB or more above
# the most the warm-up used (the warm-up meets every screen once, so its peak
# is the kiosk's working set; what a screen holds while it is shown comes and
# goes, a leak climbs), when OpenGL reported any error, when a sanitizer
# printed a report, or when the app did not draw the frames asked for. Without DISPLAY it starts its own
# Xvfb (the kiosk needs a window).
set -euo pipefail
cd "$(dirname "$0")/.."

frames=30000 build=build size=640x360 every=1000 warmup="" idle=15 speed=600 limit_mib=5
while (($#)); do
  case $1 in
    --frames) frames=$2; shift 2 ;;
    --build) build=$2; shift 2 ;;
    --size) size=$2; shift 2 ;;
    --every) every=$2; shift 2 ;;
    --warmup) warmup=$2; shift 2 ;;
    -h|--help) sed -n '2,18p' "$0"; exit 0 ;;
    *) echo "soak.sh: unknown argument $1 (see --help)" >&2; exit 2 ;;
  esac
done
app=$build/twin-tour
[[ -x $app ]] || { echo "soak.sh: no $app (build it first: bash scripts/build.sh)" >&2; exit 2; }

work=$(mktemp -d /tmp/twin-soak.XXXXXX)
xvfb_pid=""
cleanup() { [[ -n $xvfb_pid ]] && kill "$xvfb_pid" 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT
if [[ -z ${DISPLAY:-} ]]; then
  for n in $(seq 150 199); do
    if [[ ! -e /tmp/.X11-unix/X$n && ! -e /tmp/.X$n-lock ]]; then display=":$n"; break; fi
  done
  Xvfb "$display" -screen 0 1280x1024x24 -nolisten tcp >/dev/null 2>&1 &
  xvfb_pid=$!
  for _ in $(seq 50); do [[ -e /tmp/.X11-unix/X${display#:} ]] && break; sleep 0.1; done
  export DISPLAY=$display
fi

height=${size#*x}
# The kiosk's layout is that of 1920x1080 scaled (--ui-scale 0.5 at least).
((height >= 309)) || { echo "soak.sh: --size must be at least 549x309 (the kiosk's smallest UI scale)" >&2; exit 2; }
seconds=$(((frames + 59) / 60 + 5))  # the clock runs 60 steps a second; the last visitor may end early
python3 bench/make_soak_recording.py --seconds "$seconds" --size "$size" --idle "$idle" >"$work/day.rec"
# Warm-up: the fonts, the shaders' variants, every panel and card met once
# (the recording's first visitor, until the time its header gives), the
# history's first pages, the allocator's arenas. A fifth of the run at least.
met=$(sed -n 's/^# every screen met by \([0-9.]*\) s$/\1/p' "$work/day.rec")
met_frames=$(python3 -c "import math; print(math.ceil(${met:-0} * 60 / $every) * $every)")
warmup=${warmup:-$((frames / 5 / every * every))}
((warmup >= met_frames)) || warmup=$met_frames
((warmup >= every)) || warmup=$every
ui_scale=$(python3 -c "print(1.75 * $height / 1080)")
# As scripts/test.sh --sanitize: a 16 MiB quarantine bounds what ASan keeps of
# freed memory; intercept_tls_get_addr=0 spares LeakSanitizer's tracer a crash
# on Mesa's dynamic TLS (scripts/test.sh says why).
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:quarantine_size_mb=16:intercept_tls_get_addr=0}
export LSAN_OPTIONS=${LSAN_OPTIONS:-suppressions=$PWD/tests/sanitizers/lsan.supp:print_suppressions=0}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}

echo "soak: $app, $frames frames at $size, kiosk idle timeout ${idle} s, live data at x$speed," \
     "a sample every $every frames, warm-up $warmup frames"
start=$(date +%s)
status=0
"$app" --kiosk --size "$size" --ui-scale "$ui_scale" --kiosk-idle-timeout "$idle" \
  --data-time 2026-11-23T06:00:00Z --replay-speed "$speed" \
  --kiosk-pin-hash-file tests/data/kiosk/admin_pin_hash.txt \
  --history "$work/history.sqlite" --kiosk-stats "$work/kiosk.sqlite" --cache-dir "$work/cache" \
  --play-input "$work/day.rec" --soak-report "$every" >"$work/out.txt" 2>"$work/err.txt" || status=$?
elapsed=$(($(date +%s) - start))

awk -v warmup="$warmup" -v limit="$limit_mib" -v frames="$frames" -v elapsed="$elapsed" -v status="$status" '
  /^soak: frame / {
    n++; f[n] = $3; clock[n] = $5; kib[n] = $8; heap[n] = $11; err[n] = $14
    if ($14 != "none") glerrors++
    if ($3 <= warmup && $8 > base) base = $8  # the peak of the warm-up
  }
  END {
    printf "%8s %9s %12s %14s %9s  %s\n", "frame", "clock s", "resident MiB", "since warm-up", "heap MiB", "GL errors"
    peak = 0
    for (i = 1; i <= n; i++) {
      d = (f[i] > warmup && base) ? sprintf("%+.2f MiB", (kib[i] - base) / 1024) : "(warm-up)"
      if (f[i] > warmup && kib[i] - base > peak) peak = kib[i] - base
      printf "%8d %9.1f %12.1f %14s %9.1f  %s\n", f[i], clock[i], kib[i] / 1024, d, heap[i] / 1024, err[i]
    }
    if (n == 0) { print "soak: FAIL: no sample (exit status " status ")"; exit 1 }
    growth = peak / 1024
    printf "soak: %d frames in %d s; after warm-up (frame %d) memory rose at most %.2f MiB above the warm-up'"'"'s peak (%.1f MiB; last sample %+.2f MiB), limit %d MiB; GL errors: %d samples\n",
           f[n], elapsed, warmup, growth, base / 1024, (kib[n] - base) / 1024, limit, glerrors
    bad = 0
    if (f[n] < frames) { print "soak: FAIL: only " f[n] " frames drawn of " frames; bad = 1 }
    if (growth >= limit) { print "soak: FAIL: memory rose " limit " MiB or more above the warm-up'"'"'s peak"; bad = 1 }
    if (glerrors) { print "soak: FAIL: OpenGL reported errors"; bad = 1 }
    if (status != 0) { print "soak: FAIL: the app exited with status " status; bad = 1 }
    exit bad
  }' "$work/out.txt" || status=1
if grep -qE 'ERROR: (AddressSanitizer|LeakSanitizer)|runtime error:|OpenGL reported errors' "$work/err.txt"; then
  echo "soak: FAIL: a sanitizer or OpenGL report on stderr:"
  grep -E -A30 'ERROR: |runtime error:|OpenGL reported errors' "$work/err.txt" | head -60
  status=1
fi
grep -E '^twin-tour: (warning|error)' "$work/err.txt" | sort | uniq -c | head -10 || true
if ((status != 0)) && ! grep -q '^soak: frame ' "$work/out.txt"; then tail -n 5 "$work/err.txt"; fi
((status == 0)) && echo "soak: PASS" || echo "soak: FAIL"
exit $((status != 0))
