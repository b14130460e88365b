#!/usr/bin/env bash
# Twin Tour in the browser: installs what is missing, builds the WebAssembly
# version into build-web/ with Debian's emscripten, and serves it.
#   bash scripts/web.sh                 build, then serve on http://127.0.0.1:8080/
#   bash scripts/web.sh --port 9000     another port
#   bash scripts/web.sh --build-only    build and exit (build-web/site/ is the site)
# See docs/web.md.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD

port=8080
build_only=0
while (($#)); do
  case "$1" in
    --port) port="$2"; shift 2 ;;
    --port=*) port="${1#--port=}"; shift ;;
    --build-only) build_only=1; shift ;;
    -h|--help) sed -n '2,7p' "$0"; exit 0 ;;
    *) echo "web.sh: unknown option $1 (--port N, --build-only)" >&2; exit 2 ;;
  esac
done

bash scripts/deps.sh --web
out=$root/build-web
mkdir -p "$out"

# 1. Sources of the C++ libraries the browser build compiles, from Debian's
# source package of the version the native build links (Dear ImGui 1.86),
# fetched through a private apt configuration with a deb-src entry: the
# system's apt configuration is left as it is.
fetch_source() {  # PACKAGE VERSION FOLDER-GLOB
  local package=$1 version=$2
  if compgen -G "$out/src/$3" >/dev/null; then return; fi
  local apt=$out/apt
  mkdir -p "$apt/lists/partial" "$apt/cache/archives/partial" "$out/src"
  if [[ ! -s $apt/sources.list ]]; then
    echo "deb-src http://deb.debian.org/debian bookworm main" >"$apt/sources.list"
  fi
  local options=(-o "Dir::Etc::SourceList=$apt/sources.list" -o Dir::Etc::SourceParts=/dev/null
                 -o "Dir::State::Lists=$apt/lists" -o "Dir::Cache=$apt/cache" -o Debug::NoLocking=1)
  if [[ -z $(ls "$apt/lists" 2>/dev/null | grep -v partial) ]]; then
    apt-get "${options[@]}" update -q
  fi
  (cd "$out/src" && apt-get "${options[@]}" source -q "$package=$version")
}
fetch_source imgui 1.86+ds-1 'imgui-1.86*'
imgui_src=$(compgen -G "$out/src/imgui-1.86*" | head -1)
fetch_source meshoptimizer 0.18+dfsg-2 'meshoptimizer-0.18*'
meshopt_src=$(compgen -G "$out/src/meshoptimizer-0.18*" | head -1)

# 2. Debian's header-only libraries, each by its own link (never all of
# /usr/include, whose C library headers are not the browser's).
links=$out/include
mkdir -p "$links"
for header in glm nlohmann stb xxhash.h; do
  ln -sfn "/usr/include/$header" "$links/$header"
done

# 3. The native tools convert the scene's models to the engine's model
# format (the import cache's), with the native app's import settings (its
# textures at most 1024 pixels a side), so the frames are the same.
# build/ as scripts/build.sh makes it; a fresh one without the tests (as
# scripts/tour.sh), an existing one as it is configured.
native=$root/build
native_options=(-DCMAKE_BUILD_TYPE=RelWithDebInfo)
[[ -f $native/CMakeCache.txt ]] || native_options+=(-DTWIN_BUILD_TESTS=OFF)
cmake -S . -B "$native" "${native_options[@]}" >/dev/null
cmake --build "$native" -j"$(nproc)" --target twin-tour-pack twin-tour-import
site=$out/site
mkdir -p "$site/data"
"$native/twin-tour-pack" scenes/twin.json "$site/data"

# 4. The WebAssembly build.
# Configured every time (quick once cached), so a folder configured before
# a new source package still gets its path.
emcmake cmake -S web -B "$out" -DCMAKE_BUILD_TYPE=Release -DIMGUI_SOURCE_DIR="$imgui_src" \
  -DMESHOPT_SOURCE_DIR="$meshopt_src" -DTWIN_HEADER_LINKS="$links" >/dev/null
# Debian's emscripten runs acorn (node-acorn) from /usr/share/nodejs, which a
# node other than Debian's does not search by itself.
export NODE_PATH=/usr/share/nodejs${NODE_PATH:+:$NODE_PATH}
cmake --build "$out" -j"$(nproc)"

# 5. The page and what it fetches: scene, shaders, replay week, UI font.
cp web/index.html web/twin-tour-page.js "$site/"
bash scripts/web-live.sh "$site"   # live data over MQTT WebSockets and the test hook (docs/web-live.md)
mkdir -p "$site/data/scenes" "$site/data/shaders" "$site/data/assets/data" "$site/data/fonts"
cp scenes/twin.json "$site/data/scenes/"
cp shaders/* "$site/data/shaders/"
cp assets/data/twin_week.json "$site/data/assets/data/"
cp /usr/share/fonts/opentype/inter/Inter-Regular.otf "$site/data/fonts/"
python3 web/make_manifest.py "$site"

if ((build_only)); then
  echo "built: $site (serve it with: bash scripts/web.sh --port $port)"
  exit 0
fi
echo "Twin Tour on http://127.0.0.1:$port/ (Ctrl+C stops it)"
exec python3 web/serve.py --port "$port" --directory "$site"
