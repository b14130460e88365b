#!/usr/bin/env bash
# deb_contents.sh BUILD_DIR OUT_DIR: builds the .deb with CPack (as
# scripts/package.sh does), checks its control data and contents, unpacks it
# and runs the packaged app's --check from the unpacked tree.
set -euo pipefail
build=$1 out=$2
rm -rf "$out/package" "$out/root"
mkdir -p "$out/package"
(cd "$build" && cpack -G DEB -B "$out/package" --config "$build/CPackConfig.cmake" >"$out/cpack.log" 2>&1) ||
  { cat "$out/cpack.log"; echo "FAIL: cpack"; exit 1; }
deb=$(ls "$out"/package/twin-tour_*_amd64.deb)
fail() { echo "FAIL: $*"; exit 1; }
[[ $(basename "$deb") =~ ^twin-tour_[0-9]+\.[0-9]+\.[0-9]+_amd64\.deb$ ]] || fail "unexpected name $(basename "$deb")"

info=$(dpkg-deb -I "$deb")
echo "$info"
depends=$(dpkg-deb -f "$deb" Depends)
# dpkg-shlibdeps computed these from the programs' shared libraries.
for lib in libassimp5 libglfw3 libjpeg62-turbo libpng16-16 libmosquitto1 libsqlite3-0 libsystemd0 libc6 libstdc++6; do
  [[ $depends == *"$lib "* || $depends == *"$lib,"* || $depends == *"$lib" ]] || fail "Depends lacks $lib: $depends"
done
[[ $depends == *fonts-inter* && $depends == *libgl1* ]] || fail "Depends lacks the UI font or libGL"
# The narration's voice is opened at run time, when first asked for.
recommends=$(dpkg-deb -f "$deb" Recommends)
[[ $recommends == *libespeak-ng1* ]] || fail "Recommends lacks libespeak-ng1: $recommends"
dpkg-deb --ctrl-tarfile "$deb" | tar -t | grep -qx './postinst' || fail "no postinst"

contents=$(dpkg-deb -c "$deb")
for f in ./usr/bin/twin-tour ./usr/bin/twin-tour-import ./usr/bin/twin-tour-publish \
         ./usr/share/twin-tour/shaders/pbr.frag ./usr/share/twin-tour/scenes/twin.json \
         ./usr/share/twin-tour/assets/data/twin_week.json ./usr/share/twin-tour/assets/models/building/twin_building.glb \
         ./usr/share/man/man1/twin-tour.1 ./usr/share/applications/twin-tour.desktop \
         ./usr/share/metainfo/io.github.twin_tour.TwinTour.metainfo.xml \
         ./usr/lib/systemd/system/twin-tour-kiosk.service ./usr/lib/sysusers.d/twin-tour.conf; do
  grep -q " $f\$" <<<"$contents" || fail "the package lacks $f"
done
# Nothing from the build or source tree, nothing outside /usr.
if grep -v ' \./usr/' <<<"$contents" | grep -v ' \./$' | grep -q .; then fail "files outside /usr"; fi
if grep -Eq '\.(cpp|h|o|a|cmake)$' <<<"$contents"; then fail "build files in the package"; fi

# The packaged app, unpacked, checks its own scene.
dpkg-deb -x "$deb" "$out/root"
if readelf -d "$out/root/usr/bin/twin-tour" | grep -q 'NEEDED.*espeak'; then fail "twin-tour links libespeak-ng"; fi
(cd "$out" && env -u TWIN_TOUR_DATA_DIR HOME="$out" XDG_CACHE_HOME="$out/cache" XDG_STATE_HOME="$out/state" \
   "$out/root/usr/bin/twin-tour" --verbose --check) >"$out/check.log" 2>&1 || { cat "$out/check.log"; fail "--check"; }
grep -q "data directory: $out/root/usr/share/twin-tour\$" "$out/check.log" || { cat "$out/check.log"; fail "data dir"; }
# The kiosk unit starts the packaged program (it once named /usr/local/bin,
# the prefix configured, not the package's).
grep -q '^ExecStart=/usr/bin/twin-tour --kiosk' "$out/root/usr/lib/systemd/system/twin-tour-kiosk.service" ||
  fail "the kiosk unit does not start /usr/bin/twin-tour --kiosk: $(grep ExecStart "$out/root/usr/lib/systemd/system/twin-tour-kiosk.service")"
echo "package $(basename "$deb"): $(du -h "$deb" | cut -f1)"
