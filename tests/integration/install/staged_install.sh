#!/usr/bin/env bash
# staged_install.sh BUILD_DIR OUT_DIR: installs the build into OUT_DIR/stage
# (DESTDIR, prefix /usr) and runs the installed twin-tour from there, as a
# user of the package would: no TWIN_TOUR_DATA_DIR, from a folder outside the
# source tree, with a home of its own. The app must say (--verbose) that its
# data is the staged share/twin-tour, so the build's fallback to its source
# tree cannot be what makes this pass.
set -euo pipefail
build=$1 out=$2
stage=$out/stage
rm -rf "$stage" "$out/home"
mkdir -p "$out/home"
DESTDIR=$stage cmake --install "$build" --prefix /usr >"$out/install.log"

fail() { echo "FAIL: $*"; exit 1; }
for f in usr/bin/twin-tour usr/bin/twin-tour-import usr/bin/twin-tour-publish \
         usr/share/twin-tour/shaders/pbr.frag usr/share/twin-tour/scenes/twin.json \
         usr/share/twin-tour/assets/data/twin_week.json \
         usr/share/twin-tour/assets/models/building/twin_building.glb \
         usr/share/man/man1/twin-tour.1 usr/share/applications/twin-tour.desktop \
         usr/share/metainfo/io.github.twin_tour.TwinTour.metainfo.xml \
         usr/lib/systemd/system/twin-tour-kiosk.service usr/lib/sysusers.d/twin-tour.conf; do
  [[ -e $stage/$f ]] || fail "not installed: /$f"
done

# The kiosk unit starts the program where it was installed (--prefix /usr), as a kiosk.
grep -q '^ExecStart=/usr/bin/twin-tour --kiosk' "$stage/usr/lib/systemd/system/twin-tour-kiosk.service" ||
  fail "the kiosk unit does not start /usr/bin/twin-tour --kiosk"
app=$stage/usr/bin/twin-tour
data=$stage/usr/share/twin-tour
run() {
  (cd "$out/home" && env -u TWIN_TOUR_DATA_DIR -u TWIN_TOUR_CACHE_DIR -u TWIN_TOUR_DEV \
     HOME="$out/home" XDG_CACHE_HOME="$out/home/.cache" XDG_STATE_HOME="$out/home/.local/state" \
     "$app" --verbose "$@")
}

# A model of the installed assets, imported by the installed worker.
run "$data/assets/models/machines/agv.glb" --screenshot "$out/agv.png" --size 160x120 >"$out/screenshot.log" 2>&1 ||
  { cat "$out/screenshot.log"; fail "the installed app could not render a model"; }
grep -q "data directory: $data\$" "$out/screenshot.log" ||
  { cat "$out/screenshot.log"; fail "the installed app did not use its installed data ($data)"; }
[[ -s $out/agv.png ]] || fail "no screenshot written"
ls "$out/home/.cache/twin-tour/models/"*.tmdl >/dev/null 2>&1 || fail "the import cache is not in XDG_CACHE_HOME"

# The installed default scene, checked (no argument: the app finds it).
run --check >"$out/check.log" 2>&1 || { cat "$out/check.log"; fail "--check of the installed scene failed"; }
grep -q "data directory: $data\$" "$out/check.log" || { cat "$out/check.log"; fail "--check did not use the installed data"; }
grep -q "^$data/scenes/twin.json: .* 0 problem(s)" "$out/check.log" ||
  { cat "$out/check.log"; fail "--check did not check the installed scene"; }
echo "installed app ran from $stage"
