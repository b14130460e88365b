#!/usr/bin/python3
"""Generate the small 3D test models used by Twin Tour's unit and golden-image tests.

Usage:
    /usr/bin/python3 assets/src/make_test_models.py [OUT_DIR] [--models-md]

OUT_DIR defaults to tests/data/models (relative to the repository root, which is
found from this script's own location).  Only the Python standard library is used,
and the output is byte-for-byte identical on every run (no timestamps, no random
state, fixed zlib level).

--models-md additionally runs `assimp info` on every generated model and rewrites
OUT_DIR/MODELS.md with the counts Assimp reports next to the counts stored in the
files themselves.  Without it MODELS.md is left untouched.

Conventions for every model: Y up, metres, counter-clockwise front faces, glTF
texture coordinates (origin at the top-left of the image).
"""

import json
import math
import os
import re
import struct
import subprocess
import sys
import zlib

from genlib import clean, cross, mat_mul, trs_matrix  # shared with the other generators

GENERATOR = "Twin Tour make_test_models.py"

# ---------------------------------------------------------------------------
# PNG writer
# ---------------------------------------------------------------------------

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


def _png_chunk(kind, data):
    body = kind + data
    return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body) & 0xFFFFFFFF)


def _paeth(a, b, c):
    p = a + b - c
    pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
    if pa <= pb and pa <= pc:
        return a
    if pb <= pc:
        return b
    return c


def _filter_row(ftype, row, prev, bpp):
    n = len(row)
    out = bytearray(n)
    if ftype == 0:
        out[:] = row
    elif ftype == 1:
        for i in range(n):
            left = row[i - bpp] if i >= bpp else 0
            out[i] = (row[i] - left) & 0xFF
    elif ftype == 2:
        for i in range(n):
            out[i] = (row[i] - prev[i]) & 0xFF
    elif ftype == 3:
        for i in range(n):
            left = row[i - bpp] if i >= bpp else 0
            out[i] = (row[i] - ((left + prev[i]) >> 1)) & 0xFF
    else:
        for i in range(n):
            left = row[i - bpp] if i >= bpp else 0
            upleft = prev[i - bpp] if i >= bpp else 0
            out[i] = (row[i] - _paeth(left, prev[i], upleft)) & 0xFF
    return out


def encode_png(width, height, channels, pixels):
    """Encode 8-bit RGB (channels=3) or RGBA (channels=4) pixels, rows top to bottom.

    Each row gets the filter with the smallest sum of absolute (signed) residuals,
    the usual heuristic; everything is deterministic.
    """
    assert channels in (3, 4)
    stride = width * channels
    assert len(pixels) == stride * height
    color_type = 2 if channels == 3 else 6
    raw = bytearray()
    prev = bytearray(stride)
    for y in range(height):
        row = pixels[y * stride:(y + 1) * stride]
        best = None
        for ftype in range(5):
            cand = _filter_row(ftype, row, prev, channels)
            score = sum(v if v < 128 else 256 - v for v in cand)
            if best is None or score < best[0]:
                best = (score, ftype, cand)
        raw.append(best[1])
        raw += best[2]
        prev = row
    ihdr = struct.pack(">IIBBBBB", width, height, 8, color_type, 0, 0, 0)
    return (PNG_SIGNATURE + _png_chunk(b"IHDR", ihdr)
            + _png_chunk(b"IDAT", zlib.compress(bytes(raw), 9))
            + _png_chunk(b"IEND", b""))


class Image:
    """A tiny RGB/RGBA raster with a few drawing helpers (integer pixel coords)."""

    def __init__(self, width, height, channels=3, fill=None):
        self.w, self.h, self.c = width, height, channels
        self.px = bytearray(width * height * channels)
        if fill is not None:
            self.rect(0, 0, width, height, fill)

    def set(self, x, y, color):
        if 0 <= x < self.w and 0 <= y < self.h:
            i = (y * self.w + x) * self.c
            self.px[i:i + self.c] = bytes(_clamp8(v) for v in color[:self.c])

    def rect(self, x0, y0, x1, y1, color):
        """Fill [x0,x1) x [y0,y1)."""
        for y in range(max(0, y0), min(self.h, y1)):
            for x in range(max(0, x0), min(self.w, x1)):
                self.set(x, y, color)

    def shade(self, fn):
        """Set every pixel to fn(x, y)."""
        for y in range(self.h):
            for x in range(self.w):
                self.set(x, y, fn(x, y))

    def png(self):
        return encode_png(self.w, self.h, self.c, bytes(self.px))


def _clamp8(v):
    v = int(round(v))
    return 0 if v < 0 else 255 if v > 255 else v


def smoothstep(e0, e1, x):
    t = min(1.0, max(0.0, (x - e0) / (e1 - e0)))
    return t * t * (3.0 - 2.0 * t)


def mix(a, b, t):
    return tuple(x + (y - x) * t for x, y in zip(a, b))


# 5x7 bitmap glyphs ('#' = ink), drawn scaled.
GLYPHS = {
    "F": ["#####", "#....", "#....", "####.", "#....", "#....", "#...."],
}


def draw_glyph(img, ch, x0, y0, scale, color, outline=None):
    rows = GLYPHS[ch]
    if outline is not None:
        for gy, line in enumerate(rows):
            for gx, c in enumerate(line):
                if c == "#":
                    img.rect(x0 + gx * scale - 2, y0 + gy * scale - 2,
                             x0 + (gx + 1) * scale + 2, y0 + (gy + 1) * scale + 2, outline)
    for gy, line in enumerate(rows):
        for gx, c in enumerate(line):
            if c == "#":
                img.rect(x0 + gx * scale, y0 + gy * scale,
                         x0 + (gx + 1) * scale, y0 + (gy + 1) * scale, color)


# ---------------------------------------------------------------------------
# Textures
# ---------------------------------------------------------------------------

def tex_orientation(size=128):
    """Four coloured quadrants with a checker, a white-on-black 'F' in the middle,
    an up-arrow above it and a white corner marker at the top-left (UV origin)."""
    img = Image(size, size, 3)
    half = size // 2
    quad = {(0, 0): (220, 40, 40),    # top-left: red
            (1, 0): (40, 170, 60),    # top-right: green
            (0, 1): (40, 80, 220),    # bottom-left: blue
            (1, 1): (235, 200, 30)}   # bottom-right: yellow
    cell = size // 8

    def fn(x, y):
        base = quad[(x // half, y // half)]
        k = 1.0 if ((x // cell) + (y // cell)) % 2 == 0 else 0.72
        return tuple(v * k for v in base)
    img.shade(fn)
    # Up arrow (black) in the top band, centred.
    cx = size // 2
    for i in range(12):                       # head: rows 6..17
        img.rect(cx - i - 1, 6 + i, cx + i + 1, 7 + i, (15, 15, 15))
    img.rect(cx - 4, 18, cx + 4, 30, (15, 15, 15))  # shaft
    # Big 'F' (6 px per glyph cell -> 30x42 px) with black outline.
    s = size // 21
    draw_glyph(img, "F", cx - (5 * s) // 2, 40 + (size - 128) // 4, s,
               (255, 255, 255), outline=(0, 0, 0))
    # White right triangle in the top-left corner marks the UV origin.
    for y in range(14):
        img.rect(0, y, 14 - y, y + 1, (255, 255, 255))
    return img


def tex_crate(size=64):
    """A wooden crate face: planks, a dark frame, a diagonal brace from bottom-left
    to top-right and a small dark 'F' in the top-left so a flipped V shows."""
    img = Image(size, size, 3)
    plank_h = size // 4

    def fn(x, y):
        p = y // plank_h
        tone = (150, 98, 52) if p % 2 == 0 else (166, 112, 60)
        grain = 0.9 + 0.1 * math.sin(x * 0.7 + p * 1.3 + 0.8 * math.sin(y * 0.9))
        if y % plank_h == 0:
            grain = 0.6
        return tuple(v * grain for v in tone)
    img.shade(fn)
    frame = (92, 58, 28)
    b = 6
    img.rect(0, 0, size, b, frame)
    img.rect(0, size - b, size, size, frame)
    img.rect(0, 0, b, size, frame)
    img.rect(size - b, 0, size, size, frame)
    # diagonal brace bottom-left -> top-right
    for y in range(b, size - b):
        xc = size - 1 - y
        img.rect(xc - 3, y, xc + 4, y + 1, frame)
    # nails at the frame corners
    for (nx, ny) in ((3, 3), (size - 4, 3), (3, size - 4), (size - 4, size - 4)):
        img.rect(nx - 1, ny - 1, nx + 1, ny + 1, (200, 200, 190))
    draw_glyph(img, "F", 10, 10, 2, (40, 20, 8))
    return img


def tex_leaf(size=128):
    """RGBA leaf cut-out: alpha is exactly 0 or 255.  The leaf points up (stem at
    the bottom), is tilted to the right and has see-through veins."""
    img = Image(size, size, 4)
    green = (70, 150, 45)
    dark = (45, 105, 30)
    s = float(size)

    def fn(x, y):
        # normalised coords, u right, v up, origin at the image centre
        u = (x + 0.5) / s * 2.0 - 1.0
        v = 1.0 - (y + 0.5) / s * 2.0
        # tilt the leaf a bit so mirroring is obvious
        a = 0.25
        lu = u * math.cos(a) - v * math.sin(a)
        lv = u * math.sin(a) + v * math.cos(a)
        # leaf outline: pointed ellipse from lv=-0.7 (base) to lv=0.9 (tip)
        t = (lv + 0.7) / 1.6
        inside = False
        if 0.0 <= t <= 1.0:
            width = 0.55 * math.sin(math.pi * t) ** 0.8 * (1.0 - 0.35 * t)
            inside = abs(lu) < width
        # stem
        if -0.95 <= lv < -0.65 and abs(lu + 0.02 * (lv + 0.65)) < 0.035:
            inside = True
        if not inside:
            return green + (0,)
        # veins: central rib (dark, opaque) and side veins (cut out)
        if abs(lu) < 0.025:
            return dark + (255,)
        side = (lv - abs(lu) * 0.9) * 7.0
        if abs(side - round(side)) < 0.07 and abs(lu) > 0.06 and abs(lu) < 0.42:
            return green + (0,)
        shade = 0.85 + 0.15 * (1.0 - t)
        return tuple(c * shade for c in green) + (255,)
    img.shade(fn)
    return img


# --- PBR sphere texture set (all 256x256, share one height/panel layout) ---

PBR_SIZE = 256
PANEL_COLS, PANEL_ROWS = 8, 4


def _panel_info(x, y, size=PBR_SIZE):
    """Return (col, row, dist_to_seam_px, rivet_dist_px, rivet_dx, rivet_dy)."""
    pw, ph = size // PANEL_COLS, size // PANEL_ROWS
    col, row = x // pw, y // ph
    fx, fy = (x % pw) + 0.5, (y % ph) + 0.5
    seam = min(fx, pw - fx, fy, ph - fy)
    # six rivets per panel: two columns inset 8 px from the sides, at 8 px from the
    # top, mid-height and 8 px from the bottom
    best = None
    for rx in (8.0, pw - 8.0):
        for ry in (8.0, ph / 2.0, ph - 8.0):
            dx, dy = fx - rx, fy - ry
            d = math.hypot(dx, dy)
            if best is None or d < best[0]:
                best = (d, dx, dy)
    return col, row, seam, best[0], best[1], best[2]


RIVET_R = 5.0
SEAM_HALF = 1.5


def _height(x, y):
    """Height field in pixel units: grooves at seams, domes at rivets."""
    _, _, seam, rd, _, _ = _panel_info(x, y)
    h = 0.0
    # groove: -2.5 at the seam centre, smooth shoulder
    h -= 2.5 * (1.0 - smoothstep(SEAM_HALF - 0.5, SEAM_HALF + 1.5, seam))
    if rd < RIVET_R:
        h += 2.5 * math.sqrt(max(0.0, 1.0 - (rd / RIVET_R) ** 2))
    return h


def tex_pbr_set():
    size = PBR_SIZE
    heights = [[_height(x, y) for x in range(size)] for y in range(size)]
    info = [[_panel_info(x, y) for x in range(size)] for y in range(size)]

    palette = [(178, 58, 42), (214, 160, 48), (66, 110, 150), (190, 190, 180),
               (90, 130, 80), (150, 80, 130), (220, 120, 40), (60, 60, 70)]

    # base colour (sRGB): painted panels, dark seams, bright rivets, a hazard panel
    base = Image(size, size, 3)

    def base_fn(x, y):
        col, row, seam, rd, _, _ = info[y][x]
        c = palette[(col + 3 * row) % len(palette)]
        fy = (y % (size // PANEL_ROWS)) / float(size // PANEL_ROWS)
        c = tuple(v * (1.05 - 0.15 * fy) for v in c)          # subtle vertical fade
        if col == 0 and row == 1:                              # hazard stripes
            c = (230, 190, 20) if ((x + y) // 6) % 2 == 0 else (25, 25, 25)
        if rd < RIVET_R:
            c = (200, 200, 205)
        t = 1.0 - smoothstep(SEAM_HALF - 0.5, SEAM_HALF + 0.5, seam)
        return mix(c, (30, 30, 32), t)
    base.shade(base_fn)

    # metallic-roughness: R unused (255), G roughness per column, B metallic per row
    mr = Image(size, size, 3)
    metal_by_row = (0.0, 0.35, 0.7, 1.0)

    def mr_fn(x, y):
        col, row, seam, rd, _, _ = info[y][x]
        rough = 0.15 + 0.1 * col
        metal = metal_by_row[row]
        if rd < RIVET_R:
            rough, metal = 0.3, 1.0
        if seam < SEAM_HALF:
            rough, metal = 0.9, 0.0
        return (255, rough * 255.0, metal * 255.0)
    mr.shade(mr_fn)

    # tangent-space normal map from the height field (glTF: +X right, +Y up in
    # the image, i.e. towards row 0)
    nrm = Image(size, size, 3)
    strength = 0.9

    def h_at(x, y):
        return heights[min(size - 1, max(0, y))][min(size - 1, max(0, x))]

    def n_fn(x, y):
        dhdx = (h_at(x + 1, y) - h_at(x - 1, y)) * 0.5
        dhdy_down = (h_at(x, y + 1) - h_at(x, y - 1)) * 0.5
        nx, ny, nz = -dhdx * strength, dhdy_down * strength, 1.0
        ln = math.sqrt(nx * nx + ny * ny + nz * nz)
        return tuple((v / ln) * 127.5 + 127.5 for v in (nx, ny, nz))
    nrm.shade(n_fn)

    # occlusion (R used; written as grey): dark seams, a ring round each rivet
    occ = Image(size, size, 3)

    def occ_fn(x, y):
        _, _, seam, rd, _, _ = info[y][x]
        ao = 1.0
        ao -= 0.65 * (1.0 - smoothstep(0.0, 4.0, seam))
        if RIVET_R <= rd < RIVET_R + 2.5:
            ao -= 0.35 * (1.0 - (rd - RIVET_R) / 2.5)
        g = 255.0 * max(0.2, ao)
        return (g, g, g)
    occ.shade(occ_fn)

    # emissive (sRGB): cyan stripe through panel row 1, cyan dots on the rivets
    # of panel row 2 in every other column, a short vertical bar; black elsewhere
    emi = Image(size, size, 3)
    ph = size // PANEL_ROWS
    cyan = (40, 240, 255)

    def emi_fn(x, y):
        col, row, seam, rd, _, _ = info[y][x]
        if row == 1 and col != 0 and abs((y % ph) - ph / 2.0 + 0.5) < 2.0 and seam > 3:
            return cyan
        if row == 2 and col % 2 == 0 and rd < RIVET_R - 0.5:
            return cyan
        if row == 3 and col == 5 and abs((x % (size // PANEL_COLS)) - 15.5) < 2.0 and seam > 8:
            return cyan
        return (0, 0, 0)
    emi.shade(emi_fn)
    return base, mr, nrm, occ, emi


# ---------------------------------------------------------------------------
# Geometry
# ---------------------------------------------------------------------------

# (normal, up) per face; right = up x normal so each face shows the image upright
# and unmirrored when seen from outside.  Top shows the image's top towards -Z.
CUBE_FACES = [
    ((0, 0, 1), (0, 1, 0)),    # +Z front
    ((1, 0, 0), (0, 1, 0)),    # +X right
    ((0, 0, -1), (0, 1, 0)),   # -Z back
    ((-1, 0, 0), (0, 1, 0)),   # -X left
    ((0, 1, 0), (0, 0, -1)),   # +Y top
    ((0, -1, 0), (0, 0, 1)),   # -Y bottom
]


def box(lo, hi):
    """Axis-aligned box: 24 vertices, 12 triangles, per-face normals and full-face
    UVs.  Returns dict(positions, normals, uvs, indices, corners)."""
    centre = tuple((a + b) * 0.5 for a, b in zip(lo, hi))
    half = tuple((b - a) * 0.5 for a, b in zip(lo, hi))
    pos, nrm, uv, idx = [], [], [], []
    for n, up in CUBE_FACES:
        right = cross(up, n)
        base = len(pos)
        # BL, BR, TR, TL as seen from outside
        for (sr, su, tu, tv) in ((-1, -1, 0.0, 1.0), (1, -1, 1.0, 1.0),
                                 (1, 1, 1.0, 0.0), (-1, 1, 0.0, 0.0)):
            p = tuple(centre[k] + half[k] * (n[k] + sr * right[k] + su * up[k])
                      for k in range(3))
            pos.append(p)
            nrm.append(tuple(float(v) for v in n))
            uv.append((tu, tv))
        idx += [base, base + 1, base + 2, base, base + 2, base + 3]
    return {"positions": pos, "normals": nrm, "uvs": uv, "indices": idx}


def uv_sphere(radius, segments, rings, centre=(0.0, 0.0, 0.0)):
    """UV sphere: u = longitude (seam at -Z, u=0.5 faces +Z, increasing u moves
    right as seen from outside), v = 0 at the north pole.  Each pole has one
    vertex per segment (u at the segment's middle) and each pole row emits one
    triangle per segment, so there are no degenerate triangles and no unused
    vertices: segments*2 + (rings-1)*(segments+1) vertices,
    segments*2*(rings-1) triangles."""
    pos, nrm, uv, idx = [], [], [], []

    def add(n, u, v):
        n = tuple(0.0 if abs(c) < 1e-12 else c for c in n)
        nrm.append(n)
        pos.append(tuple(centre[k] + radius * n[k] for k in range(3)))
        uv.append((u, v))

    for s in range(segments):                       # north pole fan tips
        add((0.0, 1.0, 0.0), (s + 0.5) / segments, 0.0)
    for r in range(1, rings):
        theta = math.pi * r / rings
        st, ct = math.sin(theta), math.cos(theta)
        for s in range(segments + 1):
            phi = 2.0 * math.pi * (s % segments) / segments   # seam closes exactly
            add((-st * math.sin(phi), ct, -st * math.cos(phi)), s / segments, r / rings)
    south = len(pos)
    for s in range(segments):                       # south pole fan tips
        add((0.0, -1.0, 0.0), (s + 0.5) / segments, 1.0)

    row = segments + 1

    def ring(r, s):                                 # r in 1..rings-1
        return segments + (r - 1) * row + s
    for s in range(segments):
        idx += [s, ring(1, s), ring(1, s + 1)]
    for r in range(1, rings - 1):
        for s in range(segments):
            a, b = ring(r, s), ring(r + 1, s)
            c, d = ring(r + 1, s + 1), ring(r, s + 1)
            idx += [a, b, c, a, c, d]
    for s in range(segments):
        a, d = ring(rings - 1, s), ring(rings - 1, s + 1)
        idx += [a, south + s, d]
    return {"positions": pos, "normals": nrm, "uvs": uv, "indices": idx}


def quad(width, height, centre_x=0.0, base_y=0.0, z=0.0):
    """Upright quad in the XY plane facing +Z, bottom edge at base_y."""
    x0, x1 = centre_x - width / 2.0, centre_x + width / 2.0
    y0, y1 = base_y, base_y + height
    pos = [(x0, y0, z), (x1, y0, z), (x1, y1, z), (x0, y1, z)]
    return {"positions": pos, "normals": [(0.0, 0.0, 1.0)] * 4,
            "uvs": [(0.0, 1.0), (1.0, 1.0), (1.0, 0.0), (0.0, 0.0)],
            "indices": [0, 1, 2, 0, 2, 3]}


def ground(size_x, size_z, y=0.0):
    """Horizontal quad facing +Y."""
    hx, hz = size_x / 2.0, size_z / 2.0
    pos = [(-hx, y, hz), (hx, y, hz), (hx, y, -hz), (-hx, y, -hz)]
    return {"positions": pos, "normals": [(0.0, 1.0, 0.0)] * 4,
            "uvs": [(0.0, 1.0), (1.0, 1.0), (1.0, 0.0), (0.0, 0.0)],
            "indices": [0, 1, 2, 0, 2, 3]}


def quat_axis_angle(axis, degrees):
    a = math.radians(degrees) * 0.5
    s = math.sin(a)
    return [clean(axis[0] * s), clean(axis[1] * s), clean(axis[2] * s), clean(math.cos(a))]


def quat_mul(q, r):
    x1, y1, z1, w1 = q
    x2, y2, z2, w2 = r
    return [w1 * x2 + x1 * w2 + y1 * z2 - z1 * y2,
            w1 * y2 - x1 * z2 + y1 * w2 + z1 * x2,
            w1 * z2 + x1 * y2 - y1 * x2 + z1 * w2,
            w1 * w2 - x1 * x2 - y1 * y2 - z1 * z2]


def points_bounds(points):
    return ([min(p[k] for p in points) for k in range(3)],
            [max(p[k] for p in points) for k in range(3)])


def f32(v):
    return struct.unpack("<f", struct.pack("<f", v))[0]


# ---------------------------------------------------------------------------
# glTF 2.0 writer
# ---------------------------------------------------------------------------

FLOAT, USHORT, UINT = 5126, 5123, 5125
ARRAY_BUFFER, ELEMENT_ARRAY_BUFFER = 34962, 34963
SAMPLER_MIPMAPS = {"magFilter": 9729, "minFilter": 9987, "wrapS": 10497, "wrapT": 10497}


class Gltf:
    def __init__(self):
        self.bin = bytearray()
        self.doc = {
            "asset": {"version": "2.0", "generator": GENERATOR},
            "scene": 0,
            "scenes": [{"name": "Scene", "nodes": []}],
            "nodes": [], "meshes": [], "materials": [], "textures": [],
            "images": [], "samplers": [], "accessors": [], "bufferViews": [],
            "buffers": [],
        }
        self.mesh_positions = []      # per mesh, for world-space bounds

    # -- raw data --
    def _view(self, data, target=None):
        while len(self.bin) % 4:
            self.bin.append(0)
        view = {"buffer": 0, "byteOffset": len(self.bin), "byteLength": len(data)}
        if target is not None:
            view["target"] = target
        self.bin += data
        self.doc["bufferViews"].append(view)
        return len(self.doc["bufferViews"]) - 1

    def _add(self, key, obj):
        self.doc[key].append(obj)
        return len(self.doc[key]) - 1

    def vec_accessor(self, rows, with_bounds=False):
        n = len(rows[0])
        flat = [f32(v) for row in rows for v in row]
        data = struct.pack("<%df" % len(flat), *flat)
        acc = {"bufferView": self._view(data, ARRAY_BUFFER), "componentType": FLOAT,
               "count": len(rows), "type": {2: "VEC2", 3: "VEC3", 4: "VEC4"}[n]}
        if with_bounds:
            acc["min"] = [min(flat[i::n]) for i in range(n)]
            acc["max"] = [max(flat[i::n]) for i in range(n)]
        return self._add("accessors", acc)

    def index_accessor(self, indices):
        big = max(indices) > 65535
        data = struct.pack("<%d%s" % (len(indices), "I" if big else "H"), *indices)
        return self._add("accessors", {
            "bufferView": self._view(data, ELEMENT_ARRAY_BUFFER),
            "componentType": UINT if big else USHORT,
            "count": len(indices), "type": "SCALAR"})

    # -- scene objects --
    def mesh(self, name, geo, material, uvs=True):
        attrs = {"POSITION": self.vec_accessor(geo["positions"], with_bounds=True),
                 "NORMAL": self.vec_accessor(geo["normals"])}
        if uvs:
            attrs["TEXCOORD_0"] = self.vec_accessor(geo["uvs"])
        self.mesh_positions.append(geo["positions"])
        prim = {"attributes": attrs, "indices": self.index_accessor(geo["indices"]),
                "material": material, "mode": 4}
        return self._add("meshes", {"name": name, "primitives": [prim]})

    def animation(self, name, channels):
        """channels: [(node, path, times, values)], path "translation",
        "rotation" or "scale"; linear interpolation."""
        anim = {"name": name, "channels": [], "samplers": []}
        for node, path, times, values in channels:
            flat = [f32(t) for t in times]
            data = struct.pack("<%df" % len(flat), *flat)
            t_acc = self._add("accessors", {"bufferView": self._view(data), "componentType": FLOAT,
                                            "count": len(flat), "type": "SCALAR",
                                            "min": [min(flat)], "max": [max(flat)]})
            vflat = [f32(v) for row in values for v in row]
            vdata = struct.pack("<%df" % len(vflat), *vflat)
            v_acc = self._add("accessors", {"bufferView": self._view(vdata), "componentType": FLOAT,
                                            "count": len(values),
                                            "type": {3: "VEC3", 4: "VEC4"}[len(values[0])]})
            anim["samplers"].append({"input": t_acc, "output": v_acc, "interpolation": "LINEAR"})
            anim["channels"].append({"sampler": len(anim["samplers"]) - 1,
                                     "target": {"node": node, "path": path}})
        self.doc.setdefault("animations", []).append(anim)

    def sampler(self, params=None):
        return self._add("samplers", dict(params or SAMPLER_MIPMAPS))

    def image_embedded(self, name, data, mime="image/png"):
        return self._add("images", {"name": name, "bufferView": self._view(data),
                                    "mimeType": mime})

    def image_uri(self, name, uri, mime="image/png"):
        return self._add("images", {"name": name, "uri": uri, "mimeType": mime})

    def texture(self, image, sampler, name=None):
        t = {"sampler": sampler, "source": image}
        if name:
            t["name"] = name
        return self._add("textures", t)

    def material(self, name, **kw):
        return self._add("materials", dict(name=name, **kw))

    def node(self, name, mesh=None, translation=None, rotation=None, scale=None,
             children=None, root=False):
        n = {"name": name}
        if mesh is not None:
            n["mesh"] = mesh
        if translation is not None:
            n["translation"] = [clean(v) for v in translation]
        if rotation is not None:
            n["rotation"] = [clean(v, 9) for v in rotation]
        if scale is not None:
            n["scale"] = [clean(v) for v in scale]
        if children:
            n["children"] = list(children)
        idx = self._add("nodes", n)
        if root:
            self.doc["scenes"][0]["nodes"].append(idx)
        return idx

    # -- output --
    def _finish(self, uri=None):
        while len(self.bin) % 4:
            self.bin.append(0)
        doc = dict(self.doc)
        buf = {"byteLength": len(self.bin)}
        if uri is not None:
            buf["uri"] = uri
        doc["buffers"] = [buf]
        return {k: v for k, v in doc.items() if not (isinstance(v, list) and not v)}

    def glb(self):
        js = json.dumps(self._finish(), separators=(",", ":")).encode("utf-8")
        js += b" " * (-len(js) % 4)
        binary = bytes(self.bin)
        total = 12 + 8 + len(js) + 8 + len(binary)
        return (struct.pack("<4sII", b"glTF", 2, total)
                + struct.pack("<I4s", len(js), b"JSON") + js
                + struct.pack("<I4s", len(binary), b"BIN\x00") + binary)

    def gltf(self, bin_uri):
        js = json.dumps(self._finish(bin_uri), indent=1) + "\n"
        return js.encode("utf-8"), bytes(self.bin)

    def world_bounds(self):
        """Axis-aligned bounds of the scene in world space (node transforms
        applied parent-first), computed from the generator's own data."""
        lo, hi = [math.inf] * 3, [-math.inf] * 3

        def visit(idx, parent):
            n = self.doc["nodes"][idx]
            m = mat_mul(parent, trs_matrix(n.get("translation"), n.get("rotation"),
                                           n.get("scale")))
            if "mesh" in n:
                for p in self.mesh_positions[n["mesh"]]:
                    w = [m[i][0] * p[0] + m[i][1] * p[1] + m[i][2] * p[2] + m[i][3]
                         for i in range(3)]
                    for k in range(3):
                        lo[k], hi[k] = min(lo[k], w[k]), max(hi[k], w[k])
            for c in n.get("children", []):
                visit(c, m)
        ident = [[1.0 if i == j else 0.0 for j in range(4)] for i in range(4)]
        for r in self.doc["scenes"][0]["nodes"]:
            visit(r, ident)
        return lo, hi

    def counts(self):
        tris = 0
        for m in self.doc["meshes"]:
            for p in m["primitives"]:
                tris += self.doc["accessors"][p["indices"]]["count"] // 3
        # triangles drawn by the scene (meshes can be instanced)
        drawn = 0
        for n in self.doc["nodes"]:
            if "mesh" in n:
                for p in self.doc["meshes"][n["mesh"]]["primitives"]:
                    drawn += self.doc["accessors"][p["indices"]]["count"] // 3
        return {"meshes": len(self.doc["meshes"]), "materials": len(self.doc["materials"]),
                "textures": len(self.doc["textures"]), "images": len(self.doc["images"]),
                "nodes": len(self.doc["nodes"]), "triangles": tris, "drawn": drawn,
                "bounds": self.world_bounds()}


# ---------------------------------------------------------------------------
# Models
# ---------------------------------------------------------------------------

def pbr(base=(1.0, 1.0, 1.0, 1.0), metallic=0.0, roughness=0.5, **tex):
    p = {"baseColorFactor": [clean(v) for v in base], "metallicFactor": clean(metallic),
         "roughnessFactor": clean(roughness)}
    p.update(tex)
    return p


UNIT_CUBE = ((-0.5, 0.0, -0.5), (0.5, 1.0, 0.5))   # 1 m cube resting on y = 0


def build_textured_cube(image_mode, image_payload):
    """image_mode: 'embedded' (payload = bytes) or 'uri' (payload = uri string)."""
    g = Gltf()
    smp = g.sampler()
    if image_mode == "embedded":
        img = g.image_embedded("orientation", image_payload)
    else:
        img = g.image_uri("orientation", image_payload)
    tex = g.texture(img, smp)
    mat = g.material("CubeMaterial", pbrMetallicRoughness=pbr(
        metallic=0.0, roughness=0.6, baseColorTexture={"index": tex}))
    mesh = g.mesh("TexturedCube", box(*UNIT_CUBE), mat)
    g.node("TexturedCube", mesh=mesh, root=True)
    return g


def build_pbr_sphere(pngs):
    g = Gltf()
    smp = g.sampler()
    names = ("base_color", "metallic_roughness", "normal", "occlusion", "emissive")
    tex = {}
    for name, data in zip(names, pngs):
        tex[name] = g.texture(g.image_embedded(name, data), smp, name)
    mat = g.material(
        "PaintedPanels",
        pbrMetallicRoughness=pbr(metallic=1.0, roughness=1.0,
                                 baseColorTexture={"index": tex["base_color"]},
                                 metallicRoughnessTexture={"index": tex["metallic_roughness"]}),
        normalTexture={"index": tex["normal"], "scale": 1.0},
        occlusionTexture={"index": tex["occlusion"], "strength": 1.0},
        emissiveTexture={"index": tex["emissive"]},
        emissiveFactor=[1.0, 1.0, 1.0])
    mesh = g.mesh("PbrSphere", uv_sphere(0.5, 64, 32), mat)
    g.node("PbrSphere", mesh=mesh, root=True)
    return g


def build_alpha_modes(leaf_png):
    g = Gltf()
    smp = g.sampler()
    floor_mat = g.material("FloorOpaque", pbrMetallicRoughness=pbr(
        base=(0.5, 0.5, 0.5, 1.0), roughness=0.85))
    leaf_tex = g.texture(g.image_embedded("leaf", leaf_png), smp, "leaf")
    leaf_mat = g.material("LeafMask", alphaMode="MASK", alphaCutoff=0.5, doubleSided=True,
                          pbrMetallicRoughness=pbr(roughness=0.7,
                                                   baseColorTexture={"index": leaf_tex}))
    glass_mat = g.material("GlassBlend", alphaMode="BLEND", doubleSided=True,
                           pbrMetallicRoughness=pbr(base=(0.3, 0.6, 0.9, 0.35),
                                                    roughness=0.1))
    floor_mesh = g.mesh("FloorSlab", box((-1.5, -0.1, -1.5), (1.5, 0.0, 1.5)), floor_mat,
                        uvs=False)
    leaf_mesh = g.mesh("LeafQuad", quad(1.2, 1.2), leaf_mat)
    glass_mesh = g.mesh("GlassPane", quad(1.0, 1.4), glass_mat, uvs=False)
    g.node("FloorSlab", mesh=floor_mesh, root=True)
    g.node("LeafQuad", mesh=leaf_mesh, translation=(-0.75, 0.0, 0.0), root=True)
    g.node("GlassFront", mesh=glass_mesh, translation=(0.45, 0.0, 0.7), root=True)
    g.node("GlassBack", mesh=glass_mesh, translation=(0.85, 0.0, -0.5),
           rotation=quat_axis_angle((0, 1, 0), -15.0), root=True)
    return g


def build_shadow_scene():
    g = Gltf()
    m_ground = g.material("Ground", pbrMetallicRoughness=pbr(
        base=(0.8, 0.8, 0.8, 1.0), roughness=0.9))
    m_cube = g.material("Terracotta", pbrMetallicRoughness=pbr(
        base=(0.80, 0.36, 0.22, 1.0), roughness=0.7))
    m_sphere = g.material("BlueMetal", pbrMetallicRoughness=pbr(
        base=(0.15, 0.35, 0.85, 1.0), metallic=0.8, roughness=0.3))
    m_pillar = g.material("White", pbrMetallicRoughness=pbr(
        base=(0.95, 0.95, 0.95, 1.0), roughness=0.5))
    g.node("Ground", mesh=g.mesh("Ground", ground(8.0, 8.0), m_ground, uvs=False), root=True)
    g.node("Cube", mesh=g.mesh("Cube", box((-0.5, 0.0, -0.5), (0.5, 1.0, 0.5)), m_cube,
                               uvs=False),
           translation=(-1.3, 0.0, 0.2), root=True)
    g.node("Sphere", mesh=g.mesh("Sphere", uv_sphere(0.5, 48, 24), m_sphere, uvs=False),
           translation=(0.6, 1.5, 0.4), root=True)
    g.node("Pillar", mesh=g.mesh("Pillar", box((-0.15, 0.0, -0.15), (0.15, 2.5, 0.15)),
                                 m_pillar, uvs=False),
           translation=(1.8, 0.0, -1.2), root=True)
    return g


def build_instances():
    g = Gltf()
    mat = g.material("InstanceBox", pbrMetallicRoughness=pbr(
        base=(0.85, 0.55, 0.15, 1.0), roughness=0.5))
    mesh = g.mesh("Box40cm", box((-0.2, 0.0, -0.2), (0.2, 0.4, 0.2)), mat, uvs=False)
    root = g.node("InstancesRoot", root=True)
    kids = []
    for i in range(10):           # rows along Z
        for j in range(10):       # columns along X
            angle = ((i * 7 + j * 13) % 19 - 9) * 2.5          # -22.5 .. +22.5 degrees
            kids.append(g.node("Box_%d_%d" % (i, j), mesh=mesh,
                               translation=(j - 4.5, 0.0, i - 4.5),
                               rotation=quat_axis_angle((0, 1, 0), angle)))
    g.doc["nodes"][root]["children"] = kids
    return g


def build_deep_hierarchy(depth=300, step=0.05, rise=0.005, turn=6.5):
    """A helix: each node steps 5 cm along its parent's local X, 0.5 cm up, and
    turns 6.5 degrees about Y (plus a tiny alternating roll about X), about 5.4
    turns in 300 nodes.  The shared marker mesh sits on every 10th node (the
    10th, 20th, ..., 300th, so the deepest node has one); 6.5 degrees makes
    the markers spiral instead of lining up.  The first node is offset so the
    helix axis is near the origin."""
    g = Gltf()
    mat = g.material("ChainMarker", pbrMetallicRoughness=pbr(
        base=(0.2, 0.75, 0.35, 1.0), roughness=0.4))
    mesh = g.mesh("Marker8cm", box((-0.04, -0.04, -0.04), (0.04, 0.04, 0.04)), mat, uvs=False)
    # centroid of the node origins in XZ (ignoring the tiny roll) to centre it
    x = z = sx = sz = 0.0
    for k in range(1, depth):
        a = math.radians(turn) * k
        x += step * math.cos(a)
        z -= step * math.sin(a)
        sx += x
        sz += z
    first = len(g.doc["nodes"])
    for k in range(depth):
        roll = 0.5 if k % 2 == 0 else -0.5
        rot = quat_mul(quat_axis_angle((0, 1, 0), turn), quat_axis_angle((1, 0, 0), roll))
        trans = (step, rise, 0.0) if k > 0 else (-sx / depth, 0.1, -sz / depth)
        g.node("Chain_%03d" % k, mesh=mesh if k % 10 == 9 else None,
               translation=trans, rotation=rot, root=(k == 0))
        if k > 0:
            g.doc["nodes"][first + k - 1]["children"] = [first + k]
    return g


def build_animated_arm():
    """A base, an arm on it and a slider beside it, with two clips:
    "swing" (2 s) turns the arm 90 degrees about Y and back, moves the slider
    1 m along X and back, and grows the slider to twice its height at 1 s;
    "lift" (1 s) raises the arm 0.5 m."""
    g = Gltf()
    mat = g.material("ArmOrange", pbrMetallicRoughness=pbr(base=(0.9, 0.45, 0.1, 1.0), roughness=0.5))
    base_mesh = g.mesh("BaseBox", box((-0.3, 0.0, -0.3), (0.3, 0.2, 0.3)), mat, uvs=False)
    arm_mesh = g.mesh("ArmBox", box((0.0, -0.05, -0.05), (0.8, 0.05, 0.05)), mat, uvs=False)
    root = g.node("ArmRoot", root=True)
    base = g.node("Base", mesh=base_mesh)
    arm = g.node("Arm", mesh=arm_mesh, translation=(0.0, 0.3, 0.0))
    slider = g.node("Slider", mesh=base_mesh, translation=(1.0, 0.0, 0.0))
    g.doc["nodes"][root]["children"] = [base, slider]
    g.doc["nodes"][base]["children"] = [arm]
    q0 = quat_axis_angle((0, 1, 0), 0.0)
    q90 = quat_axis_angle((0, 1, 0), 90.0)
    g.animation("swing", [
        (arm, "rotation", [0.0, 1.0, 2.0], [q0, q90, q0]),
        (slider, "translation", [0.0, 1.0, 2.0], [(1.0, 0.0, 0.0), (2.0, 0.0, 0.0), (1.0, 0.0, 0.0)]),
        (slider, "scale", [0.0, 1.0, 2.0], [(1.0, 1.0, 1.0), (1.0, 2.0, 1.0), (1.0, 1.0, 1.0)]),
    ])
    g.animation("lift", [(arm, "translation", [0.0, 1.0], [(0.0, 0.3, 0.0), (0.0, 0.8, 0.0)])])
    return g


def corrupt_png_bytes():
    """A PNG signature followed by bytes that are not a PNG chunk stream."""
    junk = bytearray(b"THIS IS NOT A PNG IMAGE - Twin Tour corrupt texture test\n")
    state = 0x2545F491
    for _ in range(200):                      # xorshift32: deterministic filler
        state ^= (state << 13) & 0xFFFFFFFF
        state ^= state >> 17
        state ^= (state << 5) & 0xFFFFFFFF
        junk.append(state & 0xFF)
    return PNG_SIGNATURE + bytes(junk)


def obj_cube():
    """1 m cube resting on y=0 as OBJ (v/vt/vn) + MTL with a Windows-style path."""
    lo, hi = UNIT_CUBE
    corners = []
    for x in (lo[0], hi[0]):
        for y in (lo[1], hi[1]):
            for z in (lo[2], hi[2]):
                corners.append((x, y, z))

    def corner_index(p):
        return corners.index(p) + 1
    geo = box(lo, hi)
    lines = ["# Twin Tour test model: 1 m textured cube resting on y = 0",
             "# generated by assets/src/make_test_models.py - do not edit",
             "mtllib cube.mtl", "o Cube"]
    for p in corners:
        lines.append("v %g %g %g" % p)
    vts = [(0.0, 0.0), (1.0, 0.0), (1.0, 1.0), (0.0, 1.0)]   # OBJ: v up
    for t in vts:
        lines.append("vt %g %g" % t)
    normals = [tuple(float(c) for c in n) for n, _ in CUBE_FACES]
    for n in normals:
        lines.append("vn %g %g %g" % n)
    lines += ["usemtl crate", "s off"]
    for f in range(6):
        quad_pos = geo["positions"][4 * f:4 * f + 4]
        quad_uv = geo["uvs"][4 * f:4 * f + 4]
        refs = []
        for p, (u, v) in zip(quad_pos, quad_uv):
            vt = vts.index((u, 1.0 - v)) + 1
            refs.append("%d/%d/%d" % (corner_index(p), vt, f + 1))
        lines.append("f %s %s %s" % (refs[0], refs[1], refs[2]))
        lines.append("f %s %s %s" % (refs[0], refs[2], refs[3]))
    obj = "\n".join(lines) + "\n"
    mtl = "\n".join([
        "# Twin Tour test material (the texture path uses a backslash on purpose)",
        "newmtl crate",
        "Ka 0.000000 0.000000 0.000000",
        "Kd 0.800000 0.800000 0.800000",
        "Ks 0.250000 0.250000 0.250000",
        "Ns 32.000000",
        "d 1.000000",
        "illum 2",
        "map_Kd .\\textures\\crate.png",
    ]) + "\n"
    return obj.encode("ascii"), mtl.encode("ascii"), 12, points_bounds(corners)


def stl_wedge():
    """Binary STL ramp: 1 m x 1 m footprint on y=0, rising to 0.5 m at +X.
    8 triangles with outward facet normals and CCW winding."""
    a, b = -0.5, 0.5
    h = 0.5
    # bottom rectangle corners and the top edge (x = b, y = h)
    p = {
        "b0": (a, 0.0, b), "b1": (b, 0.0, b), "b2": (b, 0.0, a), "b3": (a, 0.0, a),
        "t1": (b, h, b), "t2": (b, h, a),
    }
    tris = [
        ("b0", "b3", "b2"), ("b0", "b2", "b1"),      # bottom (normal -Y)
        ("b1", "b2", "t2"), ("b1", "t2", "t1"),      # back wall at +X
        ("b0", "b1", "t1"), ("b3", "t2", "b2"),      # side triangles (+Z, -Z)
        ("b0", "t1", "t2"), ("b0", "t2", "b3"),      # slope
    ]
    out = bytearray(b"Twin Tour test wedge - binary STL, Y up, metres".ljust(80, b" "))
    out += struct.pack("<I", len(tris))
    for t in tris:
        v0, v1, v2 = (p[k] for k in t)
        e1 = tuple(v1[i] - v0[i] for i in range(3))
        e2 = tuple(v2[i] - v0[i] for i in range(3))
        n = cross(e1, e2)
        ln = math.sqrt(sum(c * c for c in n))
        n = tuple(clean(c / ln) for c in n)
        out += struct.pack("<3f", *n)
        for v in (v0, v1, v2):
            out += struct.pack("<3f", *v)
        out += struct.pack("<H", 0)
    return bytes(out), len(tris), points_bounds(list(p.values()))


def ply_tetra():
    """ASCII PLY tetrahedron on y=0 with per-vertex colours (R, G, B, white apex)."""
    s = 0.5
    verts = [
        ((-s, 0.0, s * 0.57735027), (230, 40, 40)),
        ((s, 0.0, s * 0.57735027), (40, 200, 60)),
        ((0.0, 0.0, -s * 1.15470054), (40, 80, 230)),
        ((0.0, 0.81649658, 0.0), (250, 250, 250)),
    ]
    faces = [(0, 2, 1), (0, 1, 3), (1, 2, 3), (2, 0, 3)]
    lines = ["ply", "format ascii 1.0",
             "comment Twin Tour test model: tetrahedron with vertex colours, Y up",
             "element vertex 4", "property float x", "property float y", "property float z",
             "property uchar red", "property uchar green", "property uchar blue",
             "element face 4", "property list uchar int vertex_indices", "end_header"]
    for (x, y, z), (r, g, b) in verts:
        lines.append("%.6f %.6f %.6f %d %d %d" % (x, y, z, r, g, b))
    for f in faces:
        lines.append("3 %d %d %d" % f)
    text = "\n".join(lines) + "\n"
    return text.encode("ascii"), len(faces), points_bounds([v for v, _ in verts])


# ---------------------------------------------------------------------------
# Driver
# ---------------------------------------------------------------------------

def write(path, data):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "wb") as f:
        f.write(data)


def generate(out):
    """Write every model into `out`; return {file: in-file counts}."""
    info = {}
    cube_png = tex_orientation(128).png()

    g = build_textured_cube("embedded", cube_png)
    write(os.path.join(out, "textured_cube.glb"), g.glb())
    info["textured_cube.glb"] = g.counts()

    g = build_textured_cube("uri", "textures/checker.png")
    js, binary = g.gltf("textured_cube_external.bin")
    write(os.path.join(out, "textured_cube_external.gltf"), js)
    write(os.path.join(out, "textured_cube_external.bin"), binary)
    write(os.path.join(out, "textures", "checker.png"), cube_png)
    info["textured_cube_external.gltf"] = g.counts()

    g = build_pbr_sphere([im.png() for im in tex_pbr_set()])
    write(os.path.join(out, "pbr_sphere.glb"), g.glb())
    info["pbr_sphere.glb"] = g.counts()

    g = build_alpha_modes(tex_leaf(128).png())
    write(os.path.join(out, "alpha_modes.glb"), g.glb())
    info["alpha_modes.glb"] = g.counts()

    g = build_shadow_scene()
    write(os.path.join(out, "shadow_scene.glb"), g.glb())
    info["shadow_scene.glb"] = g.counts()

    g = build_instances()
    write(os.path.join(out, "instances.glb"), g.glb())
    info["instances.glb"] = g.counts()

    g = build_deep_hierarchy(300)
    write(os.path.join(out, "deep_hierarchy.glb"), g.glb())
    info["deep_hierarchy.glb"] = g.counts()

    g = build_animated_arm()
    write(os.path.join(out, "animated_arm.glb"), g.glb())
    info["animated_arm.glb"] = g.counts()

    obj, mtl, tris, bounds = obj_cube()
    write(os.path.join(out, "cube.obj"), obj)
    write(os.path.join(out, "cube.mtl"), mtl)
    write(os.path.join(out, "textures", "crate.png"), tex_crate(64).png())
    info["cube.obj"] = {"meshes": 1, "materials": 1, "textures": 1, "images": 1,
                        "nodes": 1, "triangles": tris, "drawn": tris, "bounds": bounds}

    stl, tris, bounds = stl_wedge()
    write(os.path.join(out, "wedge.stl"), stl)
    info["wedge.stl"] = {"meshes": 1, "materials": 0, "textures": 0, "images": 0,
                         "nodes": 0, "triangles": tris, "drawn": tris, "bounds": bounds}

    ply, tris, bounds = ply_tetra()
    write(os.path.join(out, "tetra.ply"), ply)
    info["tetra.ply"] = {"meshes": 1, "materials": 0, "textures": 0, "images": 0,
                         "nodes": 0, "triangles": tris, "drawn": tris, "bounds": bounds}

    g = build_textured_cube("uri", "textures/does_not_exist.png")
    js, binary = g.gltf("missing_texture.bin")
    write(os.path.join(out, "missing_texture.gltf"), js)
    write(os.path.join(out, "missing_texture.bin"), binary)
    info["missing_texture.gltf"] = g.counts()

    g = build_textured_cube("embedded", corrupt_png_bytes())
    write(os.path.join(out, "corrupt_texture.glb"), g.glb())
    info["corrupt_texture.glb"] = g.counts()
    return info


PURPOSE = {
    "textured_cube.glb": "Basic load path: embedded PNG, base-colour texture, mipmapped sampler; "
                         "orientation texture (quadrants R/G/B/Y, arrow, 'F') shows flips.",
    "textured_cube_external.gltf": "Same cube with external .bin and external image "
                                   "(`textures/checker.png`, same pixels) - relative URI "
                                   "resolution.",
    "pbr_sphere.glb": "Full metallic-roughness material (5 textures), no TANGENT attribute: "
                      "importer must generate tangents; normal-map orientation check.",
    "alpha_modes.glb": "OPAQUE floor, MASK leaf cut-out (alphaCutoff 0.5), BLEND glass mesh "
                       "instanced by 2 nodes at different depths (sorting).",
    "shadow_scene.glb": "Shadow mapping: 8 m ground, cube, floating metallic sphere, tall pillar.",
    "instances.glb": "One mesh referenced by 100 nodes (10x10 grid, 1 m spacing) under one root.",
    "deep_hierarchy.glb": "300 nested nodes (helix), shared marker mesh on every 10th: "
                          "no deep recursion.",
    "animated_arm.glb": "Node animations: clip \"swing\" (2 s: arm rotation, slider translation "
                        "and scale) and clip \"lift\" (1 s: arm translation), linear keys.",
    "cube.obj": "Wavefront OBJ + MTL, `map_Kd .\\textures\\crate.png` (backslash path on purpose).",
    "wedge.stl": "Binary STL ramp (8 triangles), no materials in the format.",
    "tetra.ply": "ASCII PLY tetrahedron with per-vertex colours.",
    "missing_texture.gltf": "Image URI `textures/does_not_exist.png` is missing: loader must "
                            "fall back, not fail. (Expected validator error: IO_ERROR.)",
    "corrupt_texture.glb": "Embedded image is a PNG signature + garbage: decoder must fail "
                           "gracefully. (Expected validator error on the image only.)",
}


VALIDATOR_NOTES = {
    "pbr_sphere.glb": "0 errors, 1 warning: MESH_PRIMITIVE_GENERATED_TANGENT_SPACE (intended: "
                      "no TANGENT attribute)",
    "missing_texture.gltf": "1 error: IO_ERROR on /images/0/uri (intended: the file is missing)",
    "corrupt_texture.glb": "1 error: IMAGE_UNEXPECTED_EOS on /images/0 (intended: garbage image)",
    "cube.obj": "n/a (not glTF)", "wedge.stl": "n/a (not glTF)", "tetra.ply": "n/a (not glTF)",
}


def run_assimp_info(path, raw):
    """Run `assimp info` and parse its summary (None when assimp is missing)."""
    cmd = ["assimp", "info", path] + (["-r"] if raw else [])
    try:
        res = subprocess.run(cmd, capture_output=True, text=True, check=False)
    except OSError:
        return None
    text = res.stdout

    def num(label):
        m = re.search(r"^%s\s*:?\s*(\d+)" % re.escape(label), text, re.M)
        return int(m.group(1)) if m else "?"
    mats = re.findall(r"^\s+'([^']*)' \(prop\)", text, re.M)
    return {"nodes": num("Nodes:"), "depth": num("Maximum depth"),
            "meshes": num("Meshes:"), "textures": num("Textures (embed.):"),
            "materials": num("Materials:"), "vertices": num("Vertices:"),
            "faces": num("Faces:"), "material_names": mats}


def assimp_version():
    """Full library version from Debian's package database when available."""
    for cmd in (["dpkg-query", "-W", "-f=${Version}", "libassimp5"], ["assimp", "version"]):
        try:
            res = subprocess.run(cmd, capture_output=True, text=True, check=False)
        except OSError:
            continue
        m = re.search(r"(\d+\.\d+(?:\.\d+)?)", res.stdout)
        if res.returncode == 0 and m:
            return m.group(1)
    return "unknown"


def _fmt_bounds(b):
    lo, hi = b
    return "(%s) .. (%s)" % (", ".join("%.3g" % (v + 0.0) for v in lo),
                             ", ".join("%.3g" % (v + 0.0) for v in hi))


def write_models_md(out, info):
    files = []
    assimp = []
    for name, c in info.items():
        size = os.path.getsize(os.path.join(out, name))
        tris = "%d" % c["triangles"]
        if c["drawn"] != c["triangles"]:
            tris += " (%d drawn)" % c["drawn"]
        files.append("| `%s` | %s | %d | %d | %d | %d | %d | %d | %s | %s | %s |" % (
            name, PURPOSE[name], size, c["meshes"], c["materials"], c["textures"],
            c["images"], c["nodes"], tris, _fmt_bounds(c["bounds"]),
            VALIDATOR_NOTES.get(name, "0 errors, 0 warnings")))
        d = run_assimp_info(os.path.join(out, name), raw=False)
        r = run_assimp_info(os.path.join(out, name), raw=True)
        if d is None or r is None:
            sys.exit("assimp is not installed: cannot write MODELS.md")
        assimp.append("| `%s` | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s |" % (
            name, d["meshes"], d["materials"], ", ".join("'%s'" % n for n in d["material_names"]),
            d["textures"], d["nodes"], d["depth"], d["vertices"], d["faces"],
            r["materials"], r["vertices"]))
    md = [
        "# Test models",
        "",
        "Generated by `assets/src/make_test_models.py`; do not edit by hand, rerun "
        "`/usr/bin/python3 assets/src/make_test_models.py` (same bytes every run). This file "
        "is regenerated with `--models-md`, which runs `assimp info` on every model.",
        "",
        "Conventions: Y up, metres, counter-clockwise front faces, glTF UVs (origin at the "
        "image's top-left). The 1 m cubes rest on y = 0 (x, z in [-0.5, 0.5], y in [0, 1]) "
        "and show their texture upright on the four sides (top: image top towards -Z); "
        "`pbr_sphere.glb` is centred on the origin; scenes sit on y = 0 (the alpha "
        "floor slab's top face is y = 0).",
        "",
        "## In the files",
        "",
        "Counts stored in the files themselves (for OBJ/STL/PLY: what the text/binary "
        "describes). *triangles* is the mesh data; *drawn* adds instancing by nodes. "
        "*bounds* are world-space (node transforms applied), computed by the generator. "
        "*glTF validator* is the result of the Khronos glTF-Validator (npm "
        "`gltf-validator` 2.0.0-dev.3.10, `validateBytes` with external resources).",
        "",
        "| file | purpose | bytes | meshes | materials | textures | images | nodes "
        "| triangles | bounds min .. max (m) | glTF validator |",
        "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |",
    ] + files + [
        "",
        "Companion files: `textured_cube_external.bin`, `textures/checker.png` (128x128, "
        "the same pixels as the texture embedded in `textured_cube.glb`), "
        "`missing_texture.bin`, `cube.mtl`, `textures/crate.png` (64x64).",
        "",
        "## What Assimp reports",
        "",
        "Assimp %s, `assimp info FILE` (default post-processing of the command-line tool, "
        "which joins identical vertices and removes unused materials) and `assimp info "
        "FILE -r` (raw import). *nodes* counts every node Assimp built, including a root "
        "it adds when the file has several roots (glTF) or always (OBJ, STL). *embedded "
        "textures* counts only images stored inside the file. Note: `assimp info`'s own "
        "\"Minimum/Maximum point\" lines compose node transforms in the wrong order, so "
        "they are wrong for rotated nested nodes (e.g. `deep_hierarchy.glb`); use the "
        "bounds above." % assimp_version(),
        "",
        "| file | meshes | materials | material names | embedded textures | nodes "
        "| max depth | vertices | faces | raw: materials | raw: vertices |",
        "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |",
    ] + assimp + [
        "",
        "With `-r`, glTF files report one extra material (Assimp's glTF importer appends "
        "an unnamed default material as the last one; post-processing drops it because "
        "no mesh uses it) and `cube.obj` reports `DefaultMaterial` (index 0) + `crate` "
        "(index 1). STL and PLY have no materials; Assimp always creates one material "
        "(named `DefaultMaterial` for STL, unnamed for PLY). Nodes, meshes, textures and "
        "faces are the same with and without `-r`.",
        "",
    ]
    write(os.path.join(out, "MODELS.md"), ("\n".join(md)).encode("utf-8"))


def main(argv):
    args = [a for a in argv[1:] if not a.startswith("--")]
    flags = [a for a in argv[1:] if a.startswith("--")]
    unknown = [f for f in flags if f != "--models-md"]
    if unknown or len(args) > 1:
        sys.stderr.write(__doc__)
        return 2
    repo = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    out = os.path.abspath(args[0]) if args else os.path.join(repo, "tests", "data", "models")
    info = generate(out)
    for name in info:
        print("%-30s %7d bytes" % (name, os.path.getsize(os.path.join(out, name))))
    if "--models-md" in flags:
        write_models_md(out, info)
        print("wrote", os.path.join(out, "MODELS.md"))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
