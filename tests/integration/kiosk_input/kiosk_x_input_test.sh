#!/usr/bin/env bash
# The kiosk's real full-screen window takes real X input: on a 1920x1080
# Xvfb of its own (no window manager, as on a kiosk), xdotool wakes it from
# the attract loop, then taps "Discover Twin in 5 minutes" on the home screen;
# the statistics must count that tour. Playback injects its events after the
# window's poll, so only this test sees what the X server delivers.
#   kiosk_x_input_test.sh TWIN_TOUR OUT_DIR
set -euo pipefail
app=$1 out=$2
rm -rf "$out" && mkdir -p "$out"
display=""
for n in $(seq 150 199); do
  if [[ ! -e /tmp/.X11-unix/X$n && ! -e /tmp/.X$n-lock ]]; then display=":$n"; break; fi
done
Xvfb "$display" -screen 0 1920x1080x24 -nolisten tcp >/dev/null 2>&1 &
xvfb=$!
cleanup() { kill "${kiosk:-}" 2>/dev/null || true; kill "$xvfb" 2>/dev/null || true; }
trap cleanup EXIT
for _ in $(seq 50); do [[ -e /tmp/.X11-unix/X${display#:} ]] && break; sleep 0.1; done
export DISPLAY=$display
XDG_STATE_HOME=$out/state "$app" --kiosk --lang en --kiosk-stats "$out/stats.sqlite" --run-for 60 \
  >"$out/kiosk.log" 2>&1 &
kiosk=$!
# The attract loop runs once the visit is loaded: wait for its log line.
for _ in $(seq 300); do grep -q "kiosk: attract loop" "$out/kiosk.log" && break; sleep 0.1; done
sleep 2
xdotool mousemove 960 540 click 1          # wakes it: the home screen
for _ in $(seq 100); do grep -q "a visitor, home screen" "$out/kiosk.log" && break; sleep 0.1; done
sleep 3
xdotool mousemove 300 330; sleep 0.5; xdotool click 1   # "Discover Twin in 5 minutes"
sleep 5
kill "$kiosk"; wait "$kiosk" 2>/dev/null || true
report=$("$app" --kiosk-report --kiosk-stats "$out/stats.sqlite")
echo "$report"
# tours_started is the 5th column; any hour with one counts.
started=$(echo "$report" | awk -F, 'NR > 1 { s += $5 } END { print s + 0 }')
if (( started < 1 )); then
  echo "FAIL: the tap on the home screen's tour started no tour (kiosk log below)"
  cat "$out/kiosk.log"
  exit 1
fi
echo "ok: $started tour(s) started by real X input"
