"""Build every Twin Tour machine model (one .glb each) with Blender 3.4.

    blender -b --factory-startup --python-exit-code 1 \\
        --python assets/src/machines/make_machines.py -- assets/models/machines [NAME ...]

Without NAME arguments all machines are built.  Each machine is a module next to this
script (fdm_printer.py, ...) with a build() function returning a common.Machine.
A summary (triangles, size w x d x h in metres, parts) is printed and written to
OUT_DIR/machines_summary.json.
"""

import importlib
import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
if HERE not in sys.path:
    sys.path.insert(0, HERE)

MACHINES = [
    "fdm_printer",
    "resin_printer",
    "sls_printer",
    "metal_lpbf_printer",
    "cnc_5axis",
    "cobot_arm",
    "industrial_robot_cell",
    "agv",
    "laser_cutter",
    "scanner_3d",
    "vr_station",
    "electronics_bench",
    "server_rack",
]

# machines also written as OBJ + MTL (legacy-format check for the Assimp loader)
ALSO_OBJ = {"laser_cutter"}


def main():
    argv = sys.argv[sys.argv.index("--") + 1:] if "--" in sys.argv else []
    out_dir = os.path.abspath(argv[0]) if argv else os.path.join(HERE, "..", "..", "models", "machines")
    names = argv[1:] or MACHINES
    for n in names:
        if n not in MACHINES:
            raise SystemExit("unknown machine %r (known: %s)" % (n, ", ".join(MACHINES)))
    summary_path = os.path.join(out_dir, "machines_summary.json")
    summary = {}
    if os.path.exists(summary_path):
        with open(summary_path) as f:
            summary = json.load(f)
    for n in names:
        mod = importlib.import_module(n)
        m = mod.build()
        info = m.export(out_dir, also_obj=n in ALSO_OBJ)
        w, d, h = info["size"][0], info["size"][1], info["size"][2]
        print("MACHINE %-24s tris=%6d  size w=%.2f d=%.2f h=%.2f  parts=%d"
              % (n, info["triangles"], w, d, h, len(info["parts"])))
        summary[n] = {
            "file": os.path.basename(info["file"]),
            "triangles": info["triangles"],
            "size_wdh_m": [round(w, 3), round(d, 3), round(h, 3)],
            "min_blender": [round(v, 3) for v in info["min"]],
            "max_blender": [round(v, 3) for v in info["max"]],
            "parts": info["parts"],
        }
    ordered = {k: summary[k] for k in MACHINES if k in summary}
    with open(summary_path, "w") as f:
        json.dump(ordered, f, indent=1)
        f.write("\n")


main()
