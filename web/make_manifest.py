#!/usr/bin/env python3
"""Writes build-web/site/data/manifest.json: what the page fetches into the
program's file system (path under data/, bytes, where it goes), the page's
extra scripts (live/*.js when present), and the download size compressed.
Usage: make_manifest.py SITE_DIR"""
import gzip
import json
import os
import sys

# Files that go elsewhere than /twin/<path>: the UI font where the native app
# looks for it (app/ui/overlay.cpp), so the code is the same.
ELSEWHERE = {"fonts/Inter-Regular.otf": "/usr/share/fonts/opentype/inter/Inter-Regular.otf"}


def main():
    site = sys.argv[1]
    data = os.path.join(site, "data")
    files = []
    for folder, _, names in os.walk(data):
        for name in sorted(names):
            full = os.path.join(folder, name)
            path = os.path.relpath(full, data)
            if path == "manifest.json":
                continue
            # A converted model takes its source's name in the program's file
            # system: the scene file names it as it is, unchanged.
            to = "/twin/" + (path[:-len(".tmdl")] if path.endswith(".tmdl") else path)
            files.append({"path": path, "bytes": os.path.getsize(full), "to": ELSEWHERE.get(path, to)})
    files.sort(key=lambda f: f["path"])
    scripts = []
    live = os.path.join(site, "live")
    if os.path.isdir(live):
        scripts = sorted("live/" + n for n in os.listdir(live) if n.endswith(".js"))
    fetched = ["index.html", "twin-tour-page.js", "twin-tour.js", "twin-tour.wasm"] + scripts
    fetched += [os.path.join("data", f["path"]) for f in files]
    compressed = 0
    raw = 0
    for path in fetched:
        with open(os.path.join(site, path), "rb") as f:
            content = f.read()
        raw += len(content)
        compressed += len(gzip.compress(content, 9))
    manifest = {"files": files, "scripts": scripts,
                "wasmBytes": os.path.getsize(os.path.join(site, "twin-tour.wasm")),
                "download": {"bytes": raw, "gzipBytes": compressed}}
    with open(os.path.join(data, "manifest.json"), "w") as f:
        json.dump(manifest, f, indent=1)
    print(f"download: {raw / 1e6:.1f} MB, {compressed / 1e6:.1f} MB compressed (gzip -9), "
          f"{len(fetched)} files")


if __name__ == "__main__":
    main()
