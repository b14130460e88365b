#!/usr/bin/env bash
# Installs the Debian 12 packages Twin Tour needs, only those missing.
#   scripts/deps.sh          what building and running need
#   scripts/deps.sh --test   plus what the test suite needs
#   scripts/deps.sh --web    plus what the web build needs (scripts/web.sh); both: --test --web
#   scripts/deps.sh --try-deb  plus what scripts/try-deb.sh needs
#   scripts/deps.sh --bench    plus the peer and the tools of bench/ (compare_f3d.py)
# Every dependency of the project is listed here and nowhere else.
set -euo pipefail

build_packages=(
  cmake make g++ pkg-config
  python3-glad            # generates the GL loader at build time
  libglfw3-dev            # window, input, GL context
  libegl-dev libgl-dev libegl-mesa0 libgl1-mesa-dri   # headless EGL + Mesa llvmpipe
  libimgui-dev libstb-dev # Dear ImGui 1.86 (with GLFW/OpenGL3 backends), stb_image
  libassimp-dev           # model import (runs in a child process)
  libglm-dev nlohmann-json3-dev
  libpng-dev              # fast PNG writing for screenshots, and PNG textures in the import worker
  libjpeg62-turbo-dev     # JPEG textures in the import worker: SIMD, and decoded at the size shown
  libxxhash-dev           # content hashes for the import cache
  libmeshoptimizer-dev    # coarser levels of detail for far meshes (engine/scene/mesh_lod)
  fonts-inter fonts-dejavu-core   # UI font with every French glyph
  libmosquitto-dev        # live data over MQTT
  libsqlite3-dev          # history of live values
  libcli11-dev            # command lines of twin-tour and twin-tour-publish
  libsodium-dev           # kiosk: the admin PIN as a salted slow hash (argon2id, crypto_pwhash_str)
  libx11-dev libxss-dev   # kiosk: holding off screen blanking (XScreenSaverSuspend)
  libxi-dev               # touch screens: XInput 2.2 touch events (GLFW 3.3 has no touch API)
  libsystemd-dev          # sd_notify: readiness and watchdog pings under systemd (kiosk unit)
  libqrcodegencpp-dev     # QR codes of the cards' links, for the visitor's phone
  libespeak-ng-dev        # the tour's narration read aloud (voices: espeak-ng-data)
  help2man                # the man page, from twin-tour --help, at build time
  dpkg-dev                # dpkg-shlibdeps (scripts/package.sh); dpkg-source for `apt-get source imgui` (web)
)
test_packages=(
  libgtest-dev libgmock-dev
  xvfb xauth              # a display for the windowed tests
  mosquitto mosquitto-clients   # a real broker for the live-data tests
  openssl                 # test certificates for the MQTT over TLS test
  desktop-file-utils      # desktop-file-validate: the .desktop entry's test
  appstream               # appstreamcli validate: the AppStream metainfo's test
  systemd                 # systemd-analyze verify: the kiosk unit's test
  zbar-tools              # zbarimg: the kiosk card's QR code decoded from its golden render
  xdotool                 # real X input to the kiosk's full-screen window (tests/integration/kiosk_input)
  clang libclang-rt-14-dev   # libFuzzer (with ASan/UBSan) for the fuzz smoke (scripts/fuzz-smoke.sh)
)
web_packages=(
  emscripten              # the WebAssembly build (emcc 3.1.6, its own clang and libc++)
  chromium                # the web build's test and screenshots, headless (WebGL 2 on SwiftShader)
)
bench_packages=(
  f3d                     # the peer viewer bench/compare_f3d.py measures twin-tour against
  time                    # GNU time: the peak memory (max RSS) of each run in that bench
)
try_deb_packages=(
  debootstrap             # a fresh Debian 12 to install the .deb in (scripts/try-deb.sh)
)
# node and npm run the Khronos glTF validator and install the browser's MQTT
# client (scripts/web-live.sh); any node >= 18 will do, so a node that is
# already there (not from Debian) is kept.
want_test=0 want_web=0 want_try_deb=0 want_bench=0
for arg in "$@"; do
  case "$arg" in
    --test) want_test=1 ;;
    --web) want_web=1 ;;
    --try-deb) want_try_deb=1 ;;
    --bench) want_bench=1 ;;
  esac
done
if ! command -v npm >/dev/null; then
  test_packages+=(nodejs npm)
  web_packages+=(nodejs npm)
fi

wanted=("${build_packages[@]}")
if ((want_test)); then
  wanted+=("${test_packages[@]}")
fi
if ((want_try_deb)); then
  wanted+=("${try_deb_packages[@]}")
fi
if ((want_web)); then
  wanted+=("${web_packages[@]}")
fi
if ((want_bench)); then
  wanted+=("${bench_packages[@]}")
fi

missing=()
for package in "${wanted[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$package")
  fi
done

if ((${#missing[@]})); then
  echo "Installing: ${missing[*]}"
  if [[ $(id -u) -ne 0 ]]; then sudo=sudo; else sudo=; fi
  $sudo apt-get update -q
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -q --no-install-recommends "${missing[@]}"
fi
