"""Shared helpers for the Twin Tour machine generators (Blender 3.4, bpy + bmesh).

Conventions (Blender side):
    metres, Z up, the machine's front faces -Y, origin at the centre of the footprint
    on the floor (z = 0).  The glTF exporter (+Y up) turns that into Y up with the
    front facing +Z.

A machine is built with a `Machine` object:

    m = Machine("fdm_printer")              # clears the scene, creates the root node
    M = m.mats                              # the standard material palette
    frame = m.part("frame", [box(M.alu, (0.4, 0.4, 0.02), (0, 0, 0.01)), ...])
    head = m.part("extruder_head", [...], parent=frame, pivot=(0, 0, 0.3))
    m.export(out_dir)                       # applies, counts, writes NAME.glb

Every geometry helper (box, cyl, sphere, lathe, prism, tube, quad...) returns a
*piece*: a loose mesh object in world coordinates that carries one material and
possibly a Bevel modifier.  `Machine.part()` applies the modifiers, joins the pieces
into one named object (one glTF node + mesh, one primitive per material) and puts
its origin at `pivot`, so that parts such as robot joints can be rotated about it.
Nothing here is random; where variety is wanted the scripts use random.Random(seed).
"""

import math
import os
import sys

import bmesh
import bpy
import numpy as np
from mathutils import Euler, Matrix, Vector

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))  # assets/src
from genlib import srgb_to_linear as srgb  # noqa: E402  (shared with the other generators)

# ---------------------------------------------------------------------------
# colours and materials
# ---------------------------------------------------------------------------


def _principled(mat):
    mat.use_nodes = True
    nt = mat.node_tree
    return nt, nt.nodes["Principled BSDF"]


def make_material(name, color="#FFFFFF", metallic=0.0, roughness=0.5, alpha=1.0,
                  emission=None, blend=None, double_sided=False):
    """Principled BSDF material that exports as plain glTF metallic-roughness factors.

    alpha < 1 -> blend_method 'BLEND' (glTF alphaMode BLEND).  emission='#RRGGBB'
    gives an emissive colour with strength 1 (exported as emissiveFactor)."""
    mat = bpy.data.materials.get(name)
    if mat is not None:
        return mat
    mat = bpy.data.materials.new(name)
    nt, p = _principled(mat)
    p.inputs["Base Color"].default_value = srgb(color) + (1.0,)
    p.inputs["Metallic"].default_value = metallic
    p.inputs["Roughness"].default_value = roughness
    if emission:
        p.inputs["Emission"].default_value = srgb(emission) + (1.0,)
        p.inputs["Emission Strength"].default_value = 1.0
    if alpha < 1.0 or blend:
        p.inputs["Alpha"].default_value = alpha
        mat.blend_method = blend or "BLEND"
        mat.shadow_method = "HASHED"
    mat.use_backface_culling = not double_sided
    mat.diffuse_color = srgb(color) + (alpha,)
    return mat


def image_material(name, image, emissive=True, roughness=0.3, clip=None, metallic=0.0,
                   double_sided=False, blend=False, emission_image=None):
    """Material driven by an embedded image.

    emissive=True: black base colour, the image as emissive texture (screens, LEDs,
    decals that should read in the dark).  clip=0.5: the image (with alpha) as base
    colour, alphaMode MASK with that cutoff (mesh fences, perforated sheet).
    emissive=False with emission_image: the image is the base colour and the second
    image the emissive texture (e.g. a server front whose LEDs glow)."""
    mat = bpy.data.materials.get(name)
    if mat is not None:
        return mat
    mat = bpy.data.materials.new(name)
    nt, p = _principled(mat)
    tex = nt.nodes.new("ShaderNodeTexImage")
    tex.image = image
    tex.interpolation = "Linear"
    p.inputs["Roughness"].default_value = roughness
    p.inputs["Metallic"].default_value = metallic
    if emissive:
        # the image drives both base colour and emission: viewers without emissive
        # texture support still show the picture
        nt.links.new(tex.outputs["Color"], p.inputs["Base Color"])
        nt.links.new(tex.outputs["Color"], p.inputs["Emission"])
        p.inputs["Emission Strength"].default_value = 1.0
    else:
        nt.links.new(tex.outputs["Color"], p.inputs["Base Color"])
        if emission_image is not None:
            etex = nt.nodes.new("ShaderNodeTexImage")
            etex.image = emission_image
            nt.links.new(etex.outputs["Color"], p.inputs["Emission"])
            p.inputs["Emission Strength"].default_value = 1.0
    if clip is not None:
        nt.links.new(tex.outputs["Alpha"], p.inputs["Alpha"])
        mat.blend_method = "CLIP"
        mat.alpha_threshold = clip
        mat.shadow_method = "CLIP"
    elif blend:
        nt.links.new(tex.outputs["Alpha"], p.inputs["Alpha"])
        mat.blend_method = "BLEND"
        mat.shadow_method = "HASHED"
    mat.use_backface_culling = not double_sided
    return mat


class Palette:
    """Lazily created standard materials (names are what the glTF materials are called)."""

    SPECS = {
        # name: (colour, metallic, roughness, extra kwargs)
        "paint_white": ("#E8EBED", 0.0, 0.45, {}),
        "paint_light_grey": ("#C4C9CD", 0.0, 0.45, {}),
        "paint_anthracite": ("#2F3337", 0.0, 0.45, {}),
        "paint_dark_grey": ("#494E54", 0.0, 0.5, {}),
        "paint_blue_grey": ("#5B6F80", 0.0, 0.45, {}),
        "aluminium_brushed": ("#C9CDD1", 1.0, 0.35, {}),
        "aluminium_dark": ("#7C8288", 1.0, 0.4, {}),
        "steel": ("#A3A8AD", 1.0, 0.3, {}),
        "chrome": ("#E2E5E8", 1.0, 0.12, {}),
        "cast_iron": ("#55595E", 0.6, 0.6, {}),
        "copper": ("#C87F4F", 1.0, 0.3, {}),
        "brass": ("#C9A24A", 1.0, 0.3, {}),
        "glass": ("#DDEEF2", 0.0, 0.05, {"alpha": 0.22}),
        "glass_smoked": ("#3A4248", 0.0, 0.05, {"alpha": 0.38}),
        "glass_orange": ("#FF6A00", 0.0, 0.08, {"alpha": 0.4}),
        "glass_green_tint": ("#3E6B52", 0.0, 0.05, {"alpha": 0.42}),
        "rubber_black": ("#141516", 0.0, 0.85, {}),
        "plastic_black": ("#1D1E20", 0.0, 0.55, {}),
        "plastic_dark_grey": ("#3A3D41", 0.0, 0.5, {}),
        "plastic_grey": ("#A9AEB3", 0.0, 0.5, {}),
        "plastic_white": ("#F1F2F2", 0.0, 0.4, {}),
        "plastic_light_grey": ("#D5D8DB", 0.0, 0.4, {}),
        "warning_yellow": ("#F2C300", 0.0, 0.5, {}),
        "signal_red": ("#C8161D", 0.0, 0.45, {}),
        "twin_teal": ("#00A3A1", 0.0, 0.4, {}),
        "robot_orange": ("#F36F16", 0.0, 0.4, {}),
        "cobot_blue": ("#2D6FB7", 0.0, 0.4, {}),
        "esd_blue": ("#46677F", 0.0, 0.8, {}),
        "esd_green": ("#4C7A5E", 0.0, 0.8, {}),
        "wood_light": ("#C9A27A", 0.0, 0.6, {}),
        "filament_teal": ("#00A3A1", 0.0, 0.35, {}),
        "filament_orange": ("#F36F16", 0.0, 0.35, {}),
        "resin_amber": ("#C98A2E", 0.0, 0.15, {"alpha": 0.7}),
        "powder_white": ("#EDEBE4", 0.0, 0.95, {}),
        "powder_metal": ("#8E9297", 0.5, 0.85, {}),
        "cable_black": ("#101112", 0.0, 0.6, {}),
        "cable_blue": ("#2463B4", 0.0, 0.5, {}),
        "cable_yellow": ("#E8C21A", 0.0, 0.5, {}),
        "cable_red": ("#C0262B", 0.0, 0.5, {}),
        "cable_grey": ("#8D9296", 0.0, 0.5, {}),
        "screen_off": ("#0B0D10", 0.0, 0.15, {}),
        "led_green": ("#3CFF62", 0.0, 0.3, {"emission": "#3CFF62"}),
        "led_red": ("#FF2A1A", 0.0, 0.3, {"emission": "#FF2A1A"}),
        "led_amber": ("#FFB000", 0.0, 0.3, {"emission": "#FFB000"}),
        "led_blue": ("#3A8CFF", 0.0, 0.3, {"emission": "#3A8CFF"}),
        "led_white": ("#F4F7FF", 0.0, 0.3, {"emission": "#F4F7FF"}),
        "led_teal": ("#00E0D8", 0.0, 0.3, {"emission": "#00E0D8"}),
        "laser_glow": ("#FF3D7A", 0.0, 0.3, {"emission": "#FF3D7A"}),
        "uv_glow": ("#7A4CFF", 0.0, 0.3, {"emission": "#7A4CFF"}),
        "lamp_red": ("#FF3020", 0.0, 0.25, {"emission": "#FF3020", "alpha": 0.85}),
        "lamp_amber": ("#FFA820", 0.0, 0.25, {"emission": "#FFA820", "alpha": 0.85}),
        "lamp_green": ("#30FF60", 0.0, 0.25, {"emission": "#30FF60", "alpha": 0.85}),
    }

    def __getattr__(self, name):
        if name.startswith("__"):
            raise AttributeError(name)
        spec = Palette.SPECS.get(name)
        if spec is None:
            raise AttributeError("no material %r in the palette" % name)
        color, metallic, roughness, extra = spec
        return make_material(name, color, metallic, roughness, **extra)


# ---------------------------------------------------------------------------
# procedural images (screens, decals, masks), drawn with numpy
# ---------------------------------------------------------------------------

# 5x7 bitmap font (own design): each glyph is 7 rows of 5 bits, top row first.
_FONT = {
    "A": "01110 10001 10001 11111 10001 10001 10001", "B": "11110 10001 10001 11110 10001 10001 11110",
    "C": "01111 10000 10000 10000 10000 10000 01111", "D": "11110 10001 10001 10001 10001 10001 11110",
    "E": "11111 10000 10000 11110 10000 10000 11111", "F": "11111 10000 10000 11110 10000 10000 10000",
    "G": "01111 10000 10000 10011 10001 10001 01111", "H": "10001 10001 10001 11111 10001 10001 10001",
    "I": "11111 00100 00100 00100 00100 00100 11111", "J": "00111 00010 00010 00010 00010 10010 01100",
    "K": "10001 10010 10100 11000 10100 10010 10001", "L": "10000 10000 10000 10000 10000 10000 11111",
    "M": "10001 11011 10101 10101 10001 10001 10001", "N": "10001 11001 10101 10011 10001 10001 10001",
    "O": "01110 10001 10001 10001 10001 10001 01110", "P": "11110 10001 10001 11110 10000 10000 10000",
    "Q": "01110 10001 10001 10001 10101 10010 01101", "R": "11110 10001 10001 11110 10100 10010 10001",
    "S": "01111 10000 10000 01110 00001 00001 11110", "T": "11111 00100 00100 00100 00100 00100 00100",
    "U": "10001 10001 10001 10001 10001 10001 01110", "V": "10001 10001 10001 10001 10001 01010 00100",
    "W": "10001 10001 10001 10101 10101 11011 10001", "X": "10001 10001 01010 00100 01010 10001 10001",
    "Y": "10001 10001 01010 00100 00100 00100 00100", "Z": "11111 00001 00010 00100 01000 10000 11111",
    "0": "01110 10011 10101 10101 10101 11001 01110", "1": "00100 01100 00100 00100 00100 00100 01110",
    "2": "01110 10001 00001 00110 01000 10000 11111", "3": "11110 00001 00001 01110 00001 00001 11110",
    "4": "00010 00110 01010 10010 11111 00010 00010", "5": "11111 10000 11110 00001 00001 10001 01110",
    "6": "00110 01000 10000 11110 10001 10001 01110", "7": "11111 00001 00010 00100 01000 01000 01000",
    "8": "01110 10001 10001 01110 10001 10001 01110", "9": "01110 10001 10001 01111 00001 00010 01100",
    "%": "11001 11010 00010 00100 01000 01011 10011", ":": "00000 01100 01100 00000 01100 01100 00000",
    ".": "00000 00000 00000 00000 00000 01100 01100", "-": "00000 00000 00000 11111 00000 00000 00000",
    "/": "00001 00010 00010 00100 01000 01000 10000", " ": "00000 00000 00000 00000 00000 00000 00000",
    "+": "00000 00100 00100 11111 00100 00100 00000", "=": "00000 00000 11111 00000 11111 00000 00000",
    "#": "01010 11111 01010 01010 01010 11111 01010", "°": "01100 10010 10010 01100 00000 00000 00000",
}


def hexa(hexstr, a=1.0):
    """'#RRGGBB' -> sRGB float RGBA for image drawing (images are stored as sRGB)."""
    h = hexstr.lstrip("#")
    return [int(h[i:i + 2], 16) / 255.0 for i in (0, 2, 4)] + [a]


class Canvas:
    """RGBA float image, origin top-left; rect/text/circle helpers; to_image()."""

    def __init__(self, w, h, bg="#000000", alpha=1.0):
        self.w, self.h = w, h
        self.px = np.zeros((h, w, 4), dtype=np.float32)
        self.px[:, :] = hexa(bg, alpha)

    def rect(self, x, y, w, h, color, a=1.0):
        x0, y0 = max(0, int(x)), max(0, int(y))
        x1, y1 = min(self.w, int(x + w)), min(self.h, int(y + h))
        if x1 > x0 and y1 > y0:
            self.px[y0:y1, x0:x1] = hexa(color, a)

    def frame(self, x, y, w, h, color, t=1):
        self.rect(x, y, w, t, color)
        self.rect(x, y + h - t, w, t, color)
        self.rect(x, y, t, h, color)
        self.rect(x + w - t, y, t, h, color)

    def circle(self, cx, cy, r, color, a=1.0, ring=None):
        yy, xx = np.mgrid[0:self.h, 0:self.w]
        d = np.sqrt((xx + 0.5 - cx) ** 2 + (yy + 0.5 - cy) ** 2)
        m = d <= r
        if ring is not None:
            m &= d >= r - ring
        self.px[m] = hexa(color, a)

    def tri(self, pts, color, a=1.0):
        """Fill the triangle pts = ((x, y), (x, y), (x, y))."""
        (x0, y0), (x1, y1), (x2, y2) = pts
        yy, xx = np.mgrid[0:self.h, 0:self.w]
        xx = xx + 0.5
        yy = yy + 0.5

        def side(ax, ay, bx, by):
            return (bx - ax) * (yy - ay) - (by - ay) * (xx - ax)
        s0, s1, s2 = side(x0, y0, x1, y1), side(x1, y1, x2, y2), side(x2, y2, x0, y0)
        m = ((s0 >= 0) & (s1 >= 0) & (s2 >= 0)) | ((s0 <= 0) & (s1 <= 0) & (s2 <= 0))
        self.px[m] = hexa(color, a)

    def line(self, x0, y0, x1, y1, color, t=1.0):
        yy, xx = np.mgrid[0:self.h, 0:self.w]
        xx = xx + 0.5
        yy = yy + 0.5
        dx, dy = x1 - x0, y1 - y0
        L2 = max(dx * dx + dy * dy, 1e-9)
        u = np.clip(((xx - x0) * dx + (yy - y0) * dy) / L2, 0, 1)
        d = np.hypot(xx - (x0 + u * dx), yy - (y0 + u * dy))
        self.px[d <= t / 2] = hexa(color)

    def text(self, x, y, s, color, scale=1):
        cx = x
        for ch in s.upper():
            g = _FONT.get(ch, _FONT[" "]).split()
            for row, bits in enumerate(g):
                for col, b in enumerate(bits):
                    if b == "1":
                        self.rect(cx + col * scale, y + row * scale, scale, scale, color)
            cx += 6 * scale
        return cx

    def text_width(self, s, scale=1):
        return len(s) * 6 * scale - scale

    def plot(self, x, y, w, h, values, color, t=1):
        """Poly-line chart of values in [0, 1] inside the box (x, y, w, h)."""
        n = len(values)
        for i in range(n - 1):
            for k in range(8):
                f = k / 8.0
                v = values[i] * (1 - f) + values[i + 1] * f
                px = x + (i + f) * w / (n - 1)
                py = y + h - v * h
                self.rect(px, py, t + 1, t, color)

    def to_image(self, name):
        img = bpy.data.images.new(name, self.w, self.h, alpha=True)
        img.pixels.foreach_set(np.flipud(self.px).ravel())
        img.pack()
        return img


def hmi_screen(name, title, lines, accent="#00A3A1", w=256, h=160, progress=None, chart=None,
               bg="#0E1418", buttons=4):
    """A touchscreen UI image: coloured header with title, text lines (the first one
    larger when the image is wide enough), optional progress bar and chart (values in
    [0, 1]).  A line may be (text, '#colour').  Returns a bpy image."""
    c = Canvas(w, h, bg)
    big = 2 if w >= 200 else 1
    hh = 9 + 6 * big
    c.rect(0, 0, w, hh, accent)
    c.text(4 * big, (hh - 7) // 2, title, "#FFFFFF", 1)
    c.text(w - 4 * big - c.text_width("TWIN"), (hh - 7) // 2, "TWIN", "#FFFFFF", 1)
    y = hh + 4 * big
    for i, ln in enumerate(lines):
        col = "#D8E2E8"
        if isinstance(ln, tuple):
            ln, col = ln
        sc = big if i == 0 else 1
        c.text(4 * big, y, ln, col, sc)
        y += 7 * sc + 3 * big
    bottom = h
    if buttons:
        bw = (w - 4) // buttons
        bh = 4 + 3 * big
        for i in range(buttons):
            c.rect(2 + i * bw + 1, h - bh - 2, bw - 2, bh, "#24313A")
        bottom = h - bh - 4
    if progress is not None:
        ph = 3 * big + 1
        c.rect(4 * big, bottom - ph - 2, w - 8 * big, ph, "#26323A")
        c.rect(4 * big, bottom - ph - 2, int((w - 8 * big) * progress), ph, accent)
    if chart is not None:
        cx, cy, cw, ch = w // 2 + 4, hh + 4, w // 2 - 8, h // 2 - 6
        c.rect(cx, cy, cw, ch, "#152027")
        c.frame(cx, cy, cw, ch, "#2C3B45")
        c.plot(cx + 2, cy + 2, cw - 4, ch - 4, chart, "#7FE3FF")
    return c.to_image(name)


def logo_image(name="twin_logo", w=128, h=40, bg="#00A3A1", fg="#FFFFFF", text="TWIN",
               sub="MINES ST-ETIENNE"):
    c = Canvas(w, h, bg)
    sc = 3 if h >= 36 else 2
    tw = c.text_width(text, sc)
    c.text((w - tw) // 2, 5 if sub else (h - 7 * sc) // 2, text, fg, sc)
    if sub:
        sw = c.text_width(sub, 1)
        c.text((w - sw) // 2, h - 10, sub, fg, 1)
    return c.to_image(name)


def warning_sign_image(name="laser_warning", n=64, symbol="laser"):
    """Yellow warning triangle with black border; symbol 'laser' (sunburst with a
    beam), 'robot' (arm) or 'bolt' (electrical hazard).  Transparent outside."""
    c = Canvas(n, n, "#000000", alpha=0.0)
    c.tri(((n / 2, 2), (n - 2, n - 5), (2, n - 5)), "#111111")
    c.tri(((n / 2, 10), (n - 9, n - 9), (9, n - 9)), "#F2C300")
    cx, cy = n / 2, n * 0.62
    if symbol == "laser":
        import math as _m
        for k in range(12):
            a = 2 * _m.pi * k / 12
            r = n * (0.13 if k % 2 else 0.18)
            c.line(cx, cy, cx + r * _m.cos(a), cy + r * _m.sin(a), "#111111", 1.6)
        c.circle(cx, cy, n * 0.05, "#111111")
        c.line(cx - n * 0.32, cy, cx, cy, "#111111", 2.0)
    elif symbol == "bolt":
        c.tri(((cx + 4, cy - 14), (cx - 6, cy + 2), (cx + 1, cy + 1)), "#111111")
        c.tri(((cx - 1, cy - 1), (cx + 6, cy - 2), (cx - 4, cy + 14)), "#111111")
    else:
        # robot arm: base, upper arm, forearm, gripper
        c.rect(cx - 14, cy + 9, 14, 5, "#111111")
        c.line(cx - 7, cy + 9, cx - 9, cy - 7, "#111111", 5)
        c.line(cx - 9, cy - 7, cx + 8, cy - 3, "#111111", 4)
        c.circle(cx - 9, cy - 7, 3.5, "#111111")
        c.line(cx + 8, cy - 3, cx + 9, cy + 5, "#111111", 3)
        c.line(cx + 6, cy + 5, cx + 12, cy + 5, "#111111", 2)
    return c.to_image(name)


def warning_sign(M, center, size=0.12, facing="-Y", symbol="laser", rot=None):
    """A warning triangle decal (alpha MASK) as a piece."""
    img = bpy.data.images.get("warning_" + symbol) or warning_sign_image("warning_" + symbol, 64, symbol)
    mat = image_material("warning_sign_" + symbol, img, emissive=False, clip=0.5, roughness=0.5)
    return quad(mat, size, size, center, facing=facing, rot=rot)


def hazard_stripes_image(name="hazard_stripes", n=32):
    """Tileable diagonal yellow / black stripes."""
    c = Canvas(n, n, "#F2C300")
    yy, xx = np.mgrid[0:n, 0:n]
    c.px[((xx + yy) % n) < n // 2] = hexa("#151515")
    return c.to_image(name)


def warning_triangle(M, center, size=0.1):
    """Texture-free laser warning sign facing -Y (for formats without textures): black
    triangle, yellow inset, black sun-burst dot and beam.  Returns pieces."""
    x, y, z = center
    s = size
    h = s * 0.866

    def tri(scale, dy, mat):
        pts = [(-s / 2 * scale, -h / 3 * scale), (s / 2 * scale, -h / 3 * scale), (0.0, 2 * h / 3 * scale)]
        return prism(mat, pts, 0.002, (x, y + dy, z), plane="XZ")
    out = [tri(1.0, 0.0, M.plastic_black), tri(0.78, -0.0015, M.warning_yellow),
           cyl(M.plastic_black, s * 0.07, 0.002, (x, y - 0.003, z), axis="-Y", n=10),
           box(M.plastic_black, (s * 0.3, 0.002, s * 0.025), (x - s * 0.15, y - 0.003, z), bevel=0)]
    for k in range(8):
        a = math.radians(22.5 + 45 * k)
        out.append(box(M.plastic_black, (s * 0.1, 0.002, s * 0.018),
                       (x + s * 0.13 * math.cos(a), y - 0.003, z + s * 0.13 * math.sin(a)),
                       rot=(0, -math.degrees(a), 0), bevel=0))
    return out


def mesh_mask_image(name="wire_mesh", n=32, bar=3, color="#2F3337", hole_alpha=0.0):
    """Tileable square wire-mesh pattern with alpha (for alphaMode MASK or BLEND panels)."""
    c = Canvas(n, n, color, alpha=hole_alpha)
    c.rect(0, 0, n, bar, color)
    c.rect(0, 0, bar, n, color)
    return c.to_image(name)


# ---------------------------------------------------------------------------
# pieces: loose world-space mesh objects
# ---------------------------------------------------------------------------

DEFAULT_SMOOTH = math.radians(35.0)


def _link(obj):
    bpy.context.scene.collection.objects.link(obj)
    return obj


def _xf(center=(0, 0, 0), rot=None, scale=None):
    m = Matrix.Translation(Vector(center))
    if rot is not None:
        m = m @ Euler([math.radians(a) for a in rot], "XYZ").to_matrix().to_4x4()
    if scale is not None:
        m = m @ Matrix.Diagonal(Vector(tuple(scale) + (1.0,)))
    return m


def _piece(bm, mat, matrix=None, bevel=0.0, segs=1, smooth=DEFAULT_SMOOTH, angle=35.0,
           name="piece", flat=False, recalc=True):
    if matrix is not None:
        bmesh.ops.transform(bm, matrix=matrix, verts=bm.verts)
    if recalc:
        bmesh.ops.recalc_face_normals(bm, faces=bm.faces)
    me = bpy.data.meshes.new(name)
    bm.to_mesh(me)
    bm.free()
    me.use_auto_smooth = True
    me.auto_smooth_angle = 0.0 if flat else smooth
    for p in me.polygons:
        p.use_smooth = not flat
    if mat is not None:
        me.materials.append(mat)
    obj = _link(bpy.data.objects.new(name, me))
    if bevel > 0:
        mod = obj.modifiers.new("bevel", "BEVEL")
        mod.width = bevel
        mod.segments = segs
        mod.limit_method = "ANGLE"
        mod.angle_limit = math.radians(angle)
        mod.harden_normals = True
        mod.miter_outer = "MITER_ARC"
        mod.use_clamp_overlap = True
    return obj


def box(mat, size, center, bevel=0.004, segs=1, rot=None, flat=False):
    """Box of size (x, y, z) centred at center; optional rotation in degrees (XYZ)."""
    bm = bmesh.new()
    bmesh.ops.create_cube(bm, size=1.0)
    bmesh.ops.scale(bm, vec=Vector(size), verts=bm.verts)
    return _piece(bm, mat, _xf(center, rot), bevel=bevel, segs=segs, flat=flat and bevel == 0)


def box_z(mat, size, x, y, z0, **kw):
    """Box standing on z0 (its bottom face) centred at x, y."""
    return box(mat, size, (x, y, z0 + size[2] / 2.0), **kw)


_AXIS_ROT = {"Z": None, "-Z": (180, 0, 0), "X": (0, 90, 0), "Y": (-90, 0, 0), "-Y": (90, 0, 0),
             "-X": (0, -90, 0)}


def cyl(mat, r, h, center, axis="Z", n=16, r2=None, bevel=0.0, segs=1, rot=None, caps=True,
        smooth=DEFAULT_SMOOTH):
    """Cylinder (or cone frustum with r2) of height h centred at center, along axis."""
    bm = bmesh.new()
    bmesh.ops.create_cone(bm, cap_ends=caps, cap_tris=False, segments=n, radius1=r,
                          radius2=r if r2 is None else r2, depth=h)
    m = _xf(center, rot)
    if _AXIS_ROT.get(axis):
        m = m @ _xf((0, 0, 0), _AXIS_ROT[axis])
    return _piece(bm, mat, m, bevel=bevel, segs=segs, smooth=smooth)


def sphere(mat, r, center, n=16, rings=8, scale=None, rot=None):
    """UV sphere (built as a lathe, poles closed by triangle fans)."""
    prof = [(0.0, -r)]
    for i in range(1, rings):
        phi = math.pi * i / rings
        prof.append((r * math.sin(phi), -r * math.cos(phi)))
    prof.append((0.0, r))
    return lathe(mat, prof, center, n=n, rot=rot, scale=scale, smooth=math.radians(80))


def hemisphere(mat, r, center, n=16, rings=4, axis="Z", scale=None):
    """Dome (upper half sphere) with a flat base, base centre at center."""
    prof = [(0.0001, 0.0)] + [(r * math.cos(math.pi / 2 * i / rings), r * math.sin(math.pi / 2 * i / rings))
                              for i in range(rings + 1)]
    prof[-1] = (0.0, r)
    return lathe(mat, prof, center, axis=axis, n=n, scale=scale, smooth=math.radians(60))


def lathe(mat, profile, center, axis="Z", n=24, rot=None, scale=None, smooth=math.radians(40),
          cap_start=True, cap_end=True):
    """Surface of revolution of profile [(radius, z), ...] (bottom to top) about the
    local Z axis.  A radius of 0 at an end closes it with a fan, otherwise the ends
    get flat caps if cap_start / cap_end."""
    bm = bmesh.new()
    rings = []
    for (r, z) in profile:
        if r <= 1e-6:
            rings.append([bm.verts.new((0.0, 0.0, z))])
        else:
            rings.append([bm.verts.new((r * math.cos(2 * math.pi * i / n), r * math.sin(2 * math.pi * i / n), z))
                          for i in range(n)])
    for a, b in zip(rings[:-1], rings[1:]):
        if len(a) == 1 and len(b) == 1:
            continue
        for i in range(n):
            j = (i + 1) % n
            if len(a) == 1:
                bm.faces.new((a[0], b[i], b[j]))
            elif len(b) == 1:
                bm.faces.new((a[i], a[j], b[0]))
            else:
                bm.faces.new((a[i], a[j], b[j], b[i]))
    if cap_start and len(rings[0]) > 1:
        bm.faces.new(list(reversed(rings[0])))
    if cap_end and len(rings[-1]) > 1:
        bm.faces.new(rings[-1])
    m = _xf(center, rot, scale)
    if _AXIS_ROT.get(axis):
        m = m @ _xf((0, 0, 0), _AXIS_ROT[axis])
    return _piece(bm, mat, m, smooth=smooth)


def torus(mat, R, r, center, axis="Z", n=20, m=8, rot=None, arc=360.0):
    bm = bmesh.new()
    full = arc >= 359.9
    nn = n if full else n + 1
    rings = []
    for i in range(nn):
        a = math.radians(arc) * i / n
        ca, sa = math.cos(a), math.sin(a)
        ring = []
        for k in range(m):
            b = 2 * math.pi * k / m
            rr = R + r * math.cos(b)
            ring.append(bm.verts.new((rr * ca, rr * sa, r * math.sin(b))))
        rings.append(ring)
    for i in range(n):
        a, b = rings[i], rings[(i + 1) % nn]
        for k in range(m):
            kk = (k + 1) % m
            bm.faces.new((a[k], b[k], b[kk], a[kk]))
    if not full:
        bm.faces.new(list(reversed(rings[0])))
        bm.faces.new(rings[-1])
    mm = _xf(center, rot)
    if _AXIS_ROT.get(axis):
        mm = mm @ _xf((0, 0, 0), _AXIS_ROT[axis])
    return _piece(bm, mat, mm, smooth=math.radians(60))


_PLANES = {
    # plane: (u axis, v axis, extrusion axis)
    "XZ": (0, 2, 1), "XY": (0, 1, 2), "YZ": (1, 2, 0),
}


def prism(mat, pts, thickness, center=(0, 0, 0), plane="XZ", bevel=0.0, segs=1, rot=None,
          angle=35.0):
    """Extrude a 2-D polygon pts [(u, v), ...] (counter-clockwise) by thickness,
    centred on the plane's third axis.  plane 'XZ': u->X, v->Z, thickness along Y."""
    ua, va, wa = _PLANES[plane]
    bm = bmesh.new()

    def v3(u, v, w):
        p = [0.0, 0.0, 0.0]
        p[ua], p[va], p[wa] = u, v, w
        return p

    lo = [bm.verts.new(v3(u, v, -thickness / 2)) for (u, v) in pts]
    hi = [bm.verts.new(v3(u, v, thickness / 2)) for (u, v) in pts]
    bm.faces.new(lo)
    bm.faces.new(list(reversed(hi)))
    k = len(pts)
    for i in range(k):
        j = (i + 1) % k
        bm.faces.new((lo[i], lo[j], hi[j], hi[i]))
    return _piece(bm, mat, _xf(center, rot), bevel=bevel, segs=segs, angle=angle)


def rounded_rect_pts(w, h, r, n=4, cx=0.0, cy=0.0):
    """Counter-clockwise outline of a w x h rectangle with corner radius r."""
    pts = []
    corners = [(w / 2 - r, h / 2 - r, 0), (-w / 2 + r, h / 2 - r, 90),
               (-w / 2 + r, -h / 2 + r, 180), (w / 2 - r, -h / 2 + r, 270)]
    for (x, y, a0) in corners:
        for i in range(n + 1):
            a = math.radians(a0 + 90.0 * i / n)
            pts.append((cx + x + r * math.cos(a), cy + y + r * math.sin(a)))
    return pts


def _catmull(points, sub):
    if sub <= 1 or len(points) < 3:
        return [Vector(p) for p in points]
    P = [Vector(p) for p in points]
    P = [P[0] + (P[0] - P[1])] + P + [P[-1] + (P[-1] - P[-2])]
    out = []
    for i in range(1, len(P) - 2):
        p0, p1, p2, p3 = P[i - 1], P[i], P[i + 1], P[i + 2]
        for k in range(sub):
            t = k / sub
            out.append(0.5 * ((2 * p1) + (-p0 + p2) * t + (2 * p0 - 5 * p1 + 4 * p2 - p3) * t * t
                              + (-p0 + 3 * p1 - 3 * p2 + p3) * t * t * t))
    out.append(P[-2])
    return out


def tube(mat, points, r, n=8, sub=4, caps=True, r_end=None):
    """Round tube (cable, hose, pipe) through points, smoothed by Catmull-Rom with
    `sub` segments per span (sub=1: straight segments).  r_end: taper linearly."""
    pts = _catmull(points, sub)
    bm = bmesh.new()
    # parallel-transport frames
    t0 = (pts[1] - pts[0]).normalized()
    ref = Vector((0, 0, 1)) if abs(t0.z) < 0.9 else Vector((1, 0, 0))
    nrm = t0.cross(ref).normalized()
    rings = []
    prev_t = t0
    for i, p in enumerate(pts):
        if i == 0:
            t = t0
        elif i == len(pts) - 1:
            t = (pts[i] - pts[i - 1]).normalized()
        else:
            t = (pts[i + 1] - pts[i - 1]).normalized()
        axis = prev_t.cross(t)
        if axis.length > 1e-8:
            ang = prev_t.angle(t)
            nrm = Matrix.Rotation(ang, 3, axis.normalized()) @ nrm
        prev_t = t
        bin_ = t.cross(nrm).normalized()
        ring = []
        rr = r if r_end is None else r + (r_end - r) * i / (len(pts) - 1)
        for k in range(n):
            a = 2 * math.pi * k / n
            ring.append(bm.verts.new(p + rr * (math.cos(a) * nrm + math.sin(a) * bin_)))
        rings.append(ring)
    for a, b in zip(rings[:-1], rings[1:]):
        for k in range(n):
            kk = (k + 1) % n
            bm.faces.new((a[k], a[kk], b[kk], b[k]))
    if caps:
        bm.faces.new(list(reversed(rings[0])))
        bm.faces.new(rings[-1])
    return _piece(bm, mat, None, smooth=math.radians(70))


def quad(mat, w, h, center, facing="-Y", uv=((0, 0), (1, 0), (1, 1), (0, 1)), rot=None, offset=None):
    """Flat textured rectangle w x h facing the given axis (default front, -Y), UVs 0..1
    (or the four given corners: bottom-left, bottom-right, top-right, top-left)."""
    bm = bmesh.new()
    vs = [bm.verts.new(p) for p in ((-w / 2, 0, -h / 2), (w / 2, 0, -h / 2), (w / 2, 0, h / 2), (-w / 2, 0, h / 2))]
    f = bm.faces.new(vs)
    lay = bm.loops.layers.uv.new("UVMap")
    for loop, c in zip(f.loops, uv):
        loop[lay].uv = c
    base = {"-Y": (0, 0, 0), "Y": (0, 0, 180), "X": (0, 0, 90), "-X": (0, 0, -90),
            "Z": (-90, 0, 0), "-Z": (90, 0, 0)}[facing]
    m = _xf(center, rot)
    if offset is not None:
        m = m @ Matrix.Translation(Vector(offset))
    m = m @ _xf((0, 0, 0), base)
    return _piece(bm, mat, m, flat=True, recalc=False)


def textured_box(mat, size, center, rot=None, tile=1.0):
    """Box with box-projected UVs (tile = metres per texture repeat), e.g. for MASK panels."""
    bm = bmesh.new()
    bmesh.ops.create_cube(bm, size=1.0)
    bmesh.ops.scale(bm, vec=Vector(size), verts=bm.verts)
    lay = bm.loops.layers.uv.new("UVMap")
    for f in bm.faces:
        n = f.normal
        ax = max(range(3), key=lambda i: abs(n[i]))
        u, v = [i for i in range(3) if i != ax]
        for loop in f.loops:
            co = loop.vert.co
            loop[lay].uv = (co[u] / tile, co[v] / tile)
    return _piece(bm, mat, _xf(center, rot), flat=True)


def frame_panel(mat, w, h, t, center, hole, bevel=0.004, segs=1):
    """Panel w x h (thickness t along Y, in the XZ plane) with a rectangular hole,
    made of four boxes.  hole = (dx, dz, hw, hh): hole centre offset from the panel
    centre and hole size."""
    cx, cy, cz = center
    dx, dz, hw, hh = hole
    x0, x1 = -w / 2, w / 2
    z0, z1 = -h / 2, h / 2
    hx0, hx1 = dx - hw / 2, dx + hw / 2
    hz0, hz1 = dz - hh / 2, dz + hh / 2
    out = []
    for (a, b, c, d) in ((x0, hx0, z0, z1), (hx1, x1, z0, z1), (hx0, hx1, z0, hz0), (hx0, hx1, hz1, z1)):
        if b - a > 1e-4 and d - c > 1e-4:
            out.append(box(mat, (b - a, t, d - c), (cx + (a + b) / 2, cy, cz + (c + d) / 2), bevel=bevel, segs=segs))
    return out


def recess(mat, w, h, depth, front_center, t=0.01, back_mat=None, floor_mat=None):
    """Open-fronted box (back + four walls) seen through an opening of w x h whose
    centre is front_center; it extends `depth` towards +Y."""
    cx, cy, cz = front_center
    my = cy + depth / 2
    return [
        box(back_mat or mat, (w, t, h), (cx, cy + depth + t / 2, cz), bevel=0),
        box(mat, (t, depth, h), (cx - w / 2 - t / 2, my, cz), bevel=0),
        box(mat, (t, depth, h), (cx + w / 2 + t / 2, my, cz), bevel=0),
        box(floor_mat or mat, (w + 2 * t, depth, t), (cx, my, cz - h / 2 - t / 2), bevel=0),
        box(mat, (w + 2 * t, depth, t), (cx, my, cz + h / 2 + t / 2), bevel=0),
    ]


def emergency_stop(M, center, facing="-Y", scale=1.0):
    """Red mushroom button on a yellow collar; returns pieces."""
    s = scale
    axis = {"-Y": "-Y", "Z": "Z", "Y": "Y", "X": "X", "-X": "-X"}[facing]
    d = {"-Y": (0, -1, 0), "Y": (0, 1, 0), "Z": (0, 0, 1), "X": (1, 0, 0), "-X": (-1, 0, 0)}[facing]
    c = Vector(center)
    dv = Vector(d)
    return [
        cyl(M.warning_yellow, 0.03 * s, 0.012 * s, tuple(c + dv * 0.006 * s), axis=axis, n=16),
        cyl(M.signal_red, 0.012 * s, 0.014 * s, tuple(c + dv * 0.019 * s), axis=axis, n=12),
        cyl(M.signal_red, 0.02 * s, 0.01 * s, tuple(c + dv * 0.029 * s), axis=axis, n=16, r2=0.017 * s),
    ]


def signal_tower(M, base, levels=("lamp_red", "lamp_amber", "lamp_green"), r=0.03, seg=0.05):
    """Stack light: black base and pole, coloured translucent segments, cap."""
    x, y, z = base
    out = [cyl(M.plastic_black, r * 0.9, 0.03, (x, y, z + 0.015), n=12),
           cyl(M.aluminium_dark, 0.008, 0.06, (x, y, z + 0.06), n=8)]
    zz = z + 0.09
    for name in levels:
        out.append(cyl(getattr(M, name), r, seg - 0.004, (x, y, zz + seg / 2), n=12))
        out.append(cyl(M.plastic_black, r, 0.004, (x, y, zz + seg - 0.002), n=12))
        zz += seg
    out.append(cyl(M.plastic_black, r, 0.015, (x, y, zz + 0.0075), n=12, r2=r * 0.8))
    return out


def array(fn, count, offset):
    """[fn(i, (dx, dy, dz)) for i in range(count)] with offset multiples."""
    return [fn(i, tuple(o * i for o in offset)) for i in range(count)]


# ---------------------------------------------------------------------------
# the machine: parts, hierarchy, export
# ---------------------------------------------------------------------------


def _apply_modifiers(obj):
    if not obj.modifiers:
        return
    with bpy.context.temp_override(object=obj, active_object=obj, selected_objects=[obj]):
        for mod in list(obj.modifiers):
            bpy.ops.object.modifier_apply(modifier=mod.name)


def _bake_normals(obj):
    """Store the current split normals as custom normals so they survive a join."""
    me = obj.data
    if me.has_custom_normals:
        return
    me.calc_normals_split()
    normals = [tuple(l.normal) for l in me.loops]
    me.normals_split_custom_set(normals)


class Machine:
    def __init__(self, name):
        bpy.ops.wm.read_factory_settings(use_empty=True)
        self.name = name
        self.mats = Palette()
        self.root = _link(bpy.data.objects.new(name, None))
        self.root.empty_display_size = 0.2
        self._pivot = {self.root.name: Vector((0, 0, 0))}
        self.parts = []
        self._cycle = None

    def part(self, name, pieces, parent=None, pivot=(0, 0, 0)):
        """Join pieces (world-space objects) into one object called name, with its
        origin at pivot (world coordinates) and parented to parent (default: root)."""
        if not isinstance(pieces, (list, tuple)):
            pieces = [pieces]
        pieces = [p for p in pieces if p is not None]
        assert pieces, name
        assert bpy.data.objects.get(name) is None, "duplicate part name %s" % name
        for p in pieces:
            _apply_modifiers(p)
            _bake_normals(p)
        target = pieces[0]
        if len(pieces) > 1:
            with bpy.context.temp_override(active_object=target, object=target,
                                           selected_objects=pieces, selected_editable_objects=pieces):
                bpy.ops.object.join()
        target.name = name
        target.data.name = name
        me = target.data
        pv = Vector(pivot)
        me.transform(Matrix.Translation(-pv))
        # merge duplicate material slots created by joining
        self._dedupe_materials(target)
        parent = parent or self.root
        target.parent = parent
        target.location = pv - self._pivot[parent.name]
        self._pivot[name] = pv
        self.parts.append(target)
        return target

    def pose(self, angles, axes):
        """Turns the named parts (robot joints) by `angles` (degrees) about
        their `axes` ("X", "Y" or "Z"), so a robot is exported in a working pose."""
        for name, ang in angles.items():
            obj = next(p for p in self.parts if p.name == name)
            e = [0.0, 0.0, 0.0]
            e["XYZ".index(axes[name])] = math.radians(ang)
            obj.rotation_euler = e

    def cycle(self, seconds, moves):
        """A looping working cycle of `seconds`, exported as one glTF animation
        called "cycle". `moves` maps a part name to {"loc": [(t, (dx, dy, dz)), ...],
        "rot": (axis, [(t, degrees), ...])}: offsets (metres, Blender axes) and
        turns about the part's own axis, relative to its exported pose, at times t
        in seconds; keys are linear, so turns step by under 180 degrees. The
        first and last keys should match so the loop does not jump."""
        self._cycle = (seconds, moves)

    def _keyframe_cycle(self):
        seconds, moves = self._cycle
        scene = bpy.context.scene
        fps = scene.render.fps
        scene.frame_start = 0
        scene.frame_end = int(round(seconds * fps))
        for name, move in moves.items():
            obj = next(p for p in self.parts + [self.root] if p.name == name)
            base_loc = obj.location.copy()
            base_rot = obj.rotation_euler.copy()
            for t, d in move.get("loc", []):
                obj.location = base_loc + Vector(d)
                obj.keyframe_insert("location", frame=t * fps)
            if "rot" in move:
                axis, keys = move["rot"]
                i = "XYZ".index(axis)
                for t, deg in keys:
                    e = base_rot.copy()
                    e[i] = base_rot[i] + math.radians(deg)
                    obj.rotation_euler = e
                    obj.keyframe_insert("rotation_euler", frame=t * fps)
            obj.location, obj.rotation_euler = base_loc, base_rot
            obj.animation_data.action.name = name + "_cycle"
            for fc in obj.animation_data.action.fcurves:
                for k in fc.keyframe_points:
                    k.interpolation = "LINEAR"
        scene.frame_set(0)

    @staticmethod
    def _dedupe_materials(obj):
        me = obj.data
        mats = list(me.materials)
        uniq = []
        remap = []
        for m in mats:
            if m in uniq:
                remap.append(uniq.index(m))
            else:
                uniq.append(m)
                remap.append(len(uniq) - 1)
        if len(uniq) == len(mats):
            return
        idx = [0] * len(me.polygons)
        me.polygons.foreach_get("material_index", idx)
        idx = [remap[i] for i in idx]
        me.materials.clear()
        for m in uniq:
            me.materials.append(m)
        me.polygons.foreach_set("material_index", idx)

    def pivot(self, part):
        return self._pivot[part.name]

    def triangles(self):
        n = 0
        for obj in bpy.context.scene.objects:
            if obj.type == "MESH":
                obj.data.calc_loop_triangles()
                n += len(obj.data.loop_triangles)
        return n

    def bounds(self):
        """World-space (min, max) over all meshes (Blender axes)."""
        bpy.context.view_layer.update()
        lo = Vector((1e9, 1e9, 1e9))
        hi = Vector((-1e9, -1e9, -1e9))
        for obj in bpy.context.scene.objects:
            if obj.type != "MESH":
                continue
            mw = obj.matrix_world
            for v in obj.data.vertices:
                p = mw @ v.co
                lo = Vector(map(min, lo, p))
                hi = Vector(map(max, hi, p))
        return lo, hi

    def recenter(self):
        """Move every part so that the footprint (XY bounding box) is centred on the
        origin and the lowest point is on the floor (z = 0)."""
        lo, hi = self.bounds()
        shift = Vector((-(lo.x + hi.x) / 2, -(lo.y + hi.y) / 2, -lo.z))
        if shift.length < 1e-6:
            return
        for obj in self.root.children:
            obj.location = obj.location + shift
        for k in self._pivot:
            if k != self.root.name:
                self._pivot[k] = self._pivot[k] + shift
        bpy.context.view_layer.update()

    def export(self, out_dir, also_obj=False):
        stray = [o.name for o in bpy.context.scene.objects if o.type == "MESH" and o not in self.parts]
        assert not stray, "pieces not joined into a part: %s" % stray
        self.recenter()
        if self._cycle:
            self._keyframe_cycle()
        # strip UV layers from meshes without textured materials (smaller files)
        for obj in bpy.context.scene.objects:
            if obj.type != "MESH":
                continue
            textured = any(m and m.use_nodes and any(n.type == "TEX_IMAGE" for n in m.node_tree.nodes)
                           for m in obj.data.materials)
            if not textured:
                while obj.data.uv_layers:
                    obj.data.uv_layers.remove(obj.data.uv_layers[0])
        bpy.context.view_layer.update()
        os.makedirs(out_dir, exist_ok=True)
        path = os.path.join(out_dir, self.name + ".glb")
        # One clip "cycle" holding every part's keys (NLA strips off merges them);
        # keys as set, not resampled per frame, to keep the files small.
        anim = dict(export_animations=False)
        if self._cycle:
            anim = dict(export_animations=True, export_nla_strips=False, export_force_sampling=False,
                        export_nla_strips_merged_animation_name="cycle", export_def_bones=False,
                        export_current_frame=False)
        bpy.ops.export_scene.gltf(
            filepath=path, export_format="GLB", export_yup=True, export_apply=True,
            export_texcoords=True, export_normals=True, export_tangents=False,
            export_materials="EXPORT", export_colors=False, export_cameras=False,
            export_lights=False, export_extras=False, export_image_format="AUTO", use_selection=False,
            export_copyright="Twin Tour", **anim)
        info = {"file": path, "triangles": self.triangles(), "parts": [p.name for p in self.parts]}
        lo, hi = self.bounds()
        info["size"] = (hi.x - lo.x, hi.y - lo.y, hi.z - lo.z)
        info["min"], info["max"] = tuple(lo), tuple(hi)
        if also_obj:
            obj_path = os.path.join(out_dir, self.name + ".obj")
            bpy.ops.wm.obj_export(filepath=obj_path, export_selected_objects=False,
                                  apply_modifiers=True, export_uv=False, export_normals=True,
                                  export_materials=True, export_triangulated_mesh=True,
                                  export_object_groups=False, export_material_groups=False,
                                  forward_axis="NEGATIVE_Z", up_axis="Y", path_mode="STRIP")
            info["obj"] = obj_path
        return info
