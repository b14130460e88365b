#!/usr/bin/env bash
# Puts the browser's live-data scripts into a built site (scripts/web.sh
# calls it): web/live/*.js, which the page loads (make_manifest.py lists
# them), and the npm `mqtt` package's browser bundle, pinned, installed into
# build-web/npm with npm (never committed), in live/mqtt/: live_bridge.js
# loads it only when the page names a broker.
#   bash scripts/web-live.sh SITE_DIR      (default build-web/site)
# Why a maintained MQTT client rather than Emscripten's WebSocket API with
# our own protocol code: docs/web-live.md.
set -euo pipefail
cd "$(dirname "$0")/.."
site=${1:-build-web/site}
mqtt_version=5.16.0
npm_dir=build-web/npm
bundle=$npm_dir/node_modules/mqtt/dist/mqtt.min.js
if [[ ! -f $bundle ]] || ! grep -q "\"version\": \"$mqtt_version\"" "$npm_dir/node_modules/mqtt/package.json"; then
  mkdir -p "$npm_dir"
  npm install --silent --no-audit --no-fund --prefix "$npm_dir" "mqtt@$mqtt_version" >/dev/null
fi
mkdir -p "$site/live/mqtt"
cp web/live/*.js "$site/live/"
cp "$bundle" "$site/live/mqtt/"
