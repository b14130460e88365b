"""Helpers shared by the asset generators under assets/src.

Each was written more than once across the generators; it now lives here once and
is imported by all. Python standard library only, so the same module serves
Debian's /usr/bin/python3 (scene, week, test models) and Blender's embedded Python
(building, machines). Generators find it with

    sys.path.insert(0, <this folder>)   # assets/src
    import genlib

Nothing here may change what a generator writes: the generated files are committed
and a rerun must leave them byte-identical (see each generator's README).
"""

import json
import math
import os
import re
import struct

# The repository's root, from this file's place (assets/src/genlib.py).
REPO = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", ".."))


# ---------------------------------------------------------------------------
# Numbers as written into JSON
# ---------------------------------------------------------------------------

def clean(v, digits=7):
    """Round a JSON float so the text is short and stable (and never -0.0)."""
    v = round(float(v), digits)
    return 0.0 if v == 0.0 else v


def r3(v):
    """A point or vector rounded to the millimetre, as the layout and the scene write them."""
    return [clean(x, 3) for x in v]


# ---------------------------------------------------------------------------
# Colour
# ---------------------------------------------------------------------------

def srgb_to_linear(hexstr):
    """'#RRGGBB' -> linear RGB tuple (what Principled BSDF and glTF factors use)."""
    h = hexstr.lstrip("#")
    out = []
    for i in range(3):
        c = int(h[2 * i:2 * i + 2], 16) / 255.0
        out.append(c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4)
    return tuple(out)


# ---------------------------------------------------------------------------
# Vectors (3-tuples or lists) and 4x4 row-major matrices (lists of rows)
# ---------------------------------------------------------------------------

def sub(a, b):
    return (a[0] - b[0], a[1] - b[1], a[2] - b[2])


def cross(a, b):
    return (a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0])


def dot(a, b):
    return a[0] * b[0] + a[1] * b[1] + a[2] * b[2]


def mat_identity():
    return [[1.0 if i == j else 0.0 for j in range(4)] for i in range(4)]


def mat_mul(a, b):
    return [[sum(a[i][k] * b[k][j] for k in range(4)) for j in range(4)] for i in range(4)]


def trs_matrix(t=None, q=None, s=None):
    """T * R * S from glTF translation, rotation (quaternion x, y, z, w) and scale."""
    x, y, z, w = q if q is not None else (0.0, 0.0, 0.0, 1.0)
    sx, sy, sz = s if s is not None else (1.0, 1.0, 1.0)
    tx, ty, tz = t if t is not None else (0.0, 0.0, 0.0)
    r = [[1 - 2 * (y * y + z * z), 2 * (x * y - z * w), 2 * (x * z + y * w)],
         [2 * (x * y + z * w), 1 - 2 * (x * x + z * z), 2 * (y * z - x * w)],
         [2 * (x * z - y * w), 2 * (y * z + x * w), 1 - 2 * (x * x + y * y)]]
    return [[r[0][0] * sx, r[0][1] * sy, r[0][2] * sz, tx],
            [r[1][0] * sx, r[1][1] * sy, r[1][2] * sz, ty],
            [r[2][0] * sx, r[2][1] * sy, r[2][2] * sz, tz],
            [0.0, 0.0, 0.0, 1.0]]


def mat_point(m, p):
    return [m[i][0] * p[0] + m[i][1] * p[1] + m[i][2] * p[2] + m[i][3] for i in range(3)]


def box_transform(m, lo, hi):
    """Axis-aligned bounds of a box after a transform."""
    pts = [mat_point(m, [x, y, z]) for x in (lo[0], hi[0]) for y in (lo[1], hi[1]) for z in (lo[2], hi[2])]
    return ([min(p[i] for p in pts) for i in range(3)], [max(p[i] for p in pts) for i in range(3)])


def box_union(a, b):
    if a is None:
        return b
    return ([min(a[0][i], b[0][i]) for i in range(3)], [max(a[1][i], b[1][i]) for i in range(3)])


# ---------------------------------------------------------------------------
# glTF reading
# ---------------------------------------------------------------------------

def node_matrix(node):
    """A glTF node's local matrix, from "matrix" (column-major) or its TRS."""
    if "matrix" in node:
        m = node["matrix"]
        return [[m[c * 4 + r] for c in range(4)] for r in range(4)]
    return trs_matrix(node.get("translation", [0.0, 0.0, 0.0]), node.get("rotation", [0.0, 0.0, 0.0, 1.0]),
                      node.get("scale", [1.0, 1.0, 1.0]))


class GlbReader:
    """Node names, world matrices and bounds of a .glb file (its JSON chunk only;
    bounds come from the POSITION accessors' min/max)."""

    def __init__(self, path):
        with open(path, "rb") as f:
            data = f.read()
        magic, _version, _length = struct.unpack_from("<4sII", data, 0)
        if magic != b"glTF":
            raise ValueError(path + ": not a binary glTF file")
        length, kind = struct.unpack_from("<I4s", data, 12)
        if kind != b"JSON":
            raise ValueError(path + ": first chunk is not JSON")
        self.doc = json.loads(data[20:20 + length].decode("utf-8"))
        self.nodes = self.doc.get("nodes", [])
        self.names = {n.get("name", "") for n in self.nodes}
        self.world = {}       # node index -> world matrix
        self.parent = {}
        scene = self.doc.get("scenes", [{}])[self.doc.get("scene", 0)]
        stack = [(i, mat_identity()) for i in scene.get("nodes", [])]
        while stack:
            i, parent = stack.pop()
            m = mat_mul(parent, node_matrix(self.nodes[i]))
            self.world[i] = m
            for c in self.nodes[i].get("children", []):
                self.parent[c] = i
                stack.append((c, m))
        self.roots = scene.get("nodes", [])

    def mesh_bounds(self, i):
        node = self.nodes[i]
        if "mesh" not in node:
            return None
        out = None
        for prim in self.doc["meshes"][node["mesh"]]["primitives"]:
            acc = self.doc["accessors"][prim["attributes"]["POSITION"]]
            out = box_union(out, box_transform(self.world[i], acc["min"], acc["max"]))
        return out

    def subtree_bounds(self, i):
        out = self.mesh_bounds(i)
        for c in self.nodes[i].get("children", []):
            b = self.subtree_bounds(c)
            if b is not None:
                out = box_union(out, b)
        return out

    def index(self, name):
        for i, n in enumerate(self.nodes):
            if n.get("name") == name:
                return i
        return None

    def bounds(self):
        out = None
        for r in self.roots:
            b = self.subtree_bounds(r)
            if b is not None:
                out = box_union(out, b)
        return out


# ---------------------------------------------------------------------------
# French typography for visitor texts (scene, replay week)
# ---------------------------------------------------------------------------

NBSP = "\u00a0"
NNBSP = "\u202f"
UNITS = r"(?:mm|cm|m|µm|kg|W|kW|kVA|V|A|MHz|°C|%|h|s|min|tr/min|rpm|TB|To|U|m/s|Gbit/s|M€|places|axes|outils|tools|pixels)"


def typography(text, lang):
    """Curly apostrophes, no-break space between a number and its unit and around ×;
    in French also before : ; ? ! and inside « », and a narrow no-break space as the
    thousands separator (2 000)."""
    t = text.replace("'", "’")
    t = re.sub(r"(\d) (?=" + UNITS + r"(?![\w]))", "\\1" + NBSP, t)
    t = re.sub(r"(\d) × (?=\d)", "\\1" + NBSP + "×" + NBSP, t)
    t = re.sub(r"± (?=\d)", "±" + NBSP, t)
    if lang == "fr":
        t = re.sub(r"(\d) (\d{3})(?!\d)", "\\1" + NNBSP + "\\2", t)
        t = re.sub(r" ([:;?!])", NBSP + "\\1", t)
        t = t.replace("« ", "«" + NBSP).replace(" »", NBSP + "»")
        t = re.sub(r"(\d) (€)", "\\1" + NBSP + "\\2", t)
    return t
