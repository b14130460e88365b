"""Pure-Python geometry helpers for the Twin building generator.

Everything here works in glTF coordinates: metres, +Y up, right-handed, so that
seen from above (+Y) the X axis points right and +Z points "down the map".  The
Blender side (make_building.py) converts with (x, y, z) -> (x, -z, y), which is a
proper rotation, so faces keep their winding.

A `MeshBuilder` collects polygons per material name; make_building.py turns one
builder into one Blender mesh (one glTF mesh, one primitive per material).
Faces are counter-clockwise seen from the side their normal points to; helpers
take the wanted outward normal and fix the winding themselves, so callers never
have to think about vertex order.
"""

import math
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))  # assets/src
from genlib import dot as _dot  # noqa: E402  (shared with the other generators)


def poly_normal(pts):
    """Newell normal (not normalised) of a planar polygon."""
    nx = ny = nz = 0.0
    n = len(pts)
    for i in range(n):
        x0, y0, z0 = pts[i]
        x1, y1, z1 = pts[(i + 1) % n]
        nx += (y0 - y1) * (z0 + z1)
        ny += (z0 - z1) * (x0 + x1)
        nz += (x0 - x1) * (y0 + y1)
    return (nx, ny, nz)


def yaw_xform(yaw_deg, tx=0.0, ty=0.0, tz=0.0, scale=1.0):
    """Return f(p) rotating p about +Y by yaw (positive: +Z turns towards +X), then
    translating.  Matches glTF/Blender node rotation about the up axis."""
    a = math.radians(yaw_deg)
    c, s = math.cos(a), math.sin(a)

    def f(p):
        x, y, z = p[0] * scale, p[1] * scale, p[2] * scale
        return (c * x + s * z + tx, y + ty, -s * x + c * z + tz)
    return f


class MeshBuilder:
    def __init__(self):
        self.parts = {}  # material -> [verts, faces]

    def _part(self, mat):
        p = self.parts.get(mat)
        if p is None:
            p = [[], []]
            self.parts[mat] = p
        return p

    def tri_count(self):
        return sum(sum(len(f) - 2 for f in faces) for _, faces in self.parts.values())

    def empty(self):
        return not any(faces for _, faces in self.parts.values())

    # -- primitives ---------------------------------------------------------
    def poly(self, mat, pts, normal=None):
        """Add a planar polygon; if `normal` is given the winding is fixed to face it."""
        pts = [tuple(float(c) for c in p) for p in pts]
        if normal is not None and _dot(poly_normal(pts), normal) < 0:
            pts.reverse()
        verts, faces = self._part(mat)
        base = len(verts)
        verts.extend(pts)
        faces.append(tuple(range(base, base + len(pts))))

    def quad_y(self, mat, x0, x1, z0, z1, y, up=True):
        """Horizontal rectangle at height y, facing +Y (up) or -Y."""
        self.poly(mat, [(x0, y, z0), (x1, y, z0), (x1, y, z1), (x0, y, z1)],
                  (0, 1 if up else -1, 0))

    def box(self, mat, x0, x1, y0, y1, z0, z1, skip=(), mats=None):
        """Axis-aligned box.  skip: faces to leave out among 'px','nx','py','ny','pz','nz'.
        mats: per-face material overrides {face: material}."""
        if x0 > x1:
            x0, x1 = x1, x0
        if y0 > y1:
            y0, y1 = y1, y0
        if z0 > z1:
            z0, z1 = z1, z0
        mats = mats or {}
        faces = {
            'px': ([(x1, y0, z0), (x1, y1, z0), (x1, y1, z1), (x1, y0, z1)], (1, 0, 0)),
            'nx': ([(x0, y0, z0), (x0, y1, z0), (x0, y1, z1), (x0, y0, z1)], (-1, 0, 0)),
            'py': ([(x0, y1, z0), (x1, y1, z0), (x1, y1, z1), (x0, y1, z1)], (0, 1, 0)),
            'ny': ([(x0, y0, z0), (x1, y0, z0), (x1, y0, z1), (x0, y0, z1)], (0, -1, 0)),
            'pz': ([(x0, y0, z1), (x1, y0, z1), (x1, y1, z1), (x0, y1, z1)], (0, 0, 1)),
            'nz': ([(x0, y0, z0), (x1, y0, z0), (x1, y1, z0), (x0, y1, z0)], (0, 0, -1)),
        }
        for key, (pts, n) in faces.items():
            if key in skip:
                continue
            self.poly(mats.get(key, mat), pts, n)

    def cbox(self, mat, cx, cz, w, d, y0, y1, **kw):
        """Box centred on (cx, cz) of width w (x) and depth d (z)."""
        self.box(mat, cx - w / 2, cx + w / 2, y0, y1, cz - d / 2, cz + d / 2, **kw)

    def prism(self, mat, outline, y0, y1, caps=True, bottom=True):
        """Vertical prism from a horizontal outline [(x, z), ...] (any winding)."""
        pts = list(outline)
        area = 0.0
        for i in range(len(pts)):
            x0, z0 = pts[i]
            x1, z1 = pts[(i + 1) % len(pts)]
            area += x0 * z1 - x1 * z0
        cx = sum(p[0] for p in pts) / len(pts)
        cz = sum(p[1] for p in pts) / len(pts)
        for i in range(len(pts)):
            xa, za = pts[i]
            xb, zb = pts[(i + 1) % len(pts)]
            mx, mz = (xa + xb) / 2 - cx, (za + zb) / 2 - cz
            # outward: side normal (dz, -dx) or its opposite, pick the one away from centre
            nx, nz = (zb - za), -(xb - xa)
            if nx * mx + nz * mz < 0:
                nx, nz = -nx, -nz
            self.poly(mat, [(xa, y0, za), (xb, y0, zb), (xb, y1, zb), (xa, y1, za)], (nx, 0, nz))
        if caps:
            self.poly(mat, [(x, y1, z) for x, z in pts], (0, 1, 0))
            if bottom:
                self.poly(mat, [(x, y0, z) for x, z in pts], (0, -1, 0))

    def cylinder(self, mat, cx, cz, r, y0, y1, n=8, caps=True, bottom=False, r_top=None):
        """Vertical cylinder / frustum / cone (r_top=0) with n sides."""
        rt = r if r_top is None else r_top
        ring0 = [(cx + r * math.cos(2 * math.pi * i / n), cz + r * math.sin(2 * math.pi * i / n)) for i in range(n)]
        ring1 = [(cx + rt * math.cos(2 * math.pi * i / n), cz + rt * math.sin(2 * math.pi * i / n)) for i in range(n)]
        for i in range(n):
            j = (i + 1) % n
            a0, b0 = ring0[i], ring0[j]
            a1, b1 = ring1[i], ring1[j]
            ang = 2 * math.pi * (i + 0.5) / n
            nrm = (math.cos(ang), (r - rt) / max(y1 - y0, 1e-6), math.sin(ang))
            if rt <= 1e-9:
                self.poly(mat, [(a0[0], y0, a0[1]), (b0[0], y0, b0[1]), (cx, y1, cz)], nrm)
            else:
                self.poly(mat, [(a0[0], y0, a0[1]), (b0[0], y0, b0[1]), (b1[0], y1, b1[1]), (a1[0], y1, a1[1])], nrm)
        if caps and rt > 1e-9:
            self.poly(mat, [(x, y1, z) for x, z in ring1], (0, 1, 0))
        if bottom:
            self.poly(mat, [(x, y0, z) for x, z in ring0], (0, -1, 0))

    def cylinder_x(self, mat, cx, cy, cz, r, x0, x1, n=8):
        """Cylinder along the X axis (wheels); both caps."""
        pts = [(cy + r * math.cos(2 * math.pi * (i + 0.5) / n), cz + r * math.sin(2 * math.pi * (i + 0.5) / n)) for i in range(n)]
        for i in range(n):
            j = (i + 1) % n
            (ya, za), (yb, zb) = pts[i], pts[j]
            ang = 2 * math.pi * (i + 1) / n
            self.poly(mat, [(x0, ya, za), (x0, yb, zb), (x1, yb, zb), (x1, ya, za)], (0, math.cos(ang), math.sin(ang)))
        self.poly(mat, [(x1, y, z) for y, z in pts], (1, 0, 0))
        self.poly(mat, [(x0, y, z) for y, z in pts], (-1, 0, 0))

    def extrude_x(self, mat, profile, x0, x1, caps=True):
        """Extrude a side profile [(y, z), ...] (closed, any winding) along X."""
        n = len(profile)
        cy = sum(p[0] for p in profile) / n
        cz = sum(p[1] for p in profile) / n
        for i in range(n):
            ya, za = profile[i]
            yb, zb = profile[(i + 1) % n]
            my, mz = (ya + yb) / 2 - cy, (za + zb) / 2 - cz
            ny, nz = (zb - za), -(yb - ya)
            if ny * my + nz * mz < 0:
                ny, nz = -ny, -nz
            self.poly(mat, [(x0, ya, za), (x0, yb, zb), (x1, yb, zb), (x1, ya, za)], (0, ny, nz))
        if caps:
            self.poly(mat, [(x1, y, z) for y, z in profile], (1, 0, 0))
            self.poly(mat, [(x0, y, z) for y, z in profile], (-1, 0, 0))

    def icosphere(self, mat, cx, cy, cz, rx, ry=None, rz=None, subdiv=1):
        ry = rx if ry is None else ry
        rz = rx if rz is None else rz
        t = (1 + 5 ** 0.5) / 2
        v = [(-1, t, 0), (1, t, 0), (-1, -t, 0), (1, -t, 0), (0, -1, t), (0, 1, t), (0, -1, -t), (0, 1, -t),
             (t, 0, -1), (t, 0, 1), (-t, 0, -1), (-t, 0, 1)]
        f = [(0, 11, 5), (0, 5, 1), (0, 1, 7), (0, 7, 10), (0, 10, 11), (1, 5, 9), (5, 11, 4), (11, 10, 2),
             (10, 7, 6), (7, 1, 8), (3, 9, 4), (3, 4, 2), (3, 2, 6), (3, 6, 8), (3, 8, 9), (4, 9, 5),
             (2, 4, 11), (6, 2, 10), (8, 6, 7), (9, 8, 1)]

        def norm(p):
            l = math.sqrt(p[0] ** 2 + p[1] ** 2 + p[2] ** 2)
            return (p[0] / l, p[1] / l, p[2] / l)
        v = [norm(p) for p in v]
        for _ in range(subdiv):
            cache = {}
            nf = []

            def mid(a, b):
                key = (min(a, b), max(a, b))
                if key not in cache:
                    pa, pb = v[a], v[b]
                    v.append(norm(((pa[0] + pb[0]) / 2, (pa[1] + pb[1]) / 2, (pa[2] + pb[2]) / 2)))
                    cache[key] = len(v) - 1
                return cache[key]
            for a, b, c in f:
                ab, bc, ca = mid(a, b), mid(b, c), mid(c, a)
                nf += [(a, ab, ca), (b, bc, ab), (c, ca, bc), (ab, bc, ca)]
            f = nf
        for a, b, c in f:
            pts = [(cx + v[i][0] * rx, cy + v[i][1] * ry, cz + v[i][2] * rz) for i in (a, b, c)]
            centre = ((pts[0][0] + pts[1][0] + pts[2][0]) / 3 - cx, (pts[0][1] + pts[1][1] + pts[2][1]) / 3 - cy,
                      (pts[0][2] + pts[1][2] + pts[2][2]) / 3 - cz)
            self.poly(mat, pts, centre)

    def add(self, mat, verts, faces, xf=None):
        """Add raw geometry (verts in local coords, faces as index tuples), transformed by xf."""
        part_v, part_f = self._part(mat)
        base = len(part_v)
        if xf is None:
            part_v.extend(tuple(v) for v in verts)
        else:
            part_v.extend(xf(v) for v in verts)
        for f in faces:
            part_f.append(tuple(base + i for i in f))

    def merge(self, other, xf=None):
        for mat, (verts, faces) in other.parts.items():
            self.add(mat, verts, faces, xf)

    def bounds(self):
        lo = [1e9] * 3
        hi = [-1e9] * 3
        for verts, _ in self.parts.values():
            for v in verts:
                for i in range(3):
                    lo[i] = min(lo[i], v[i])
                    hi[i] = max(hi[i], v[i])
        return lo, hi


# ---------------------------------------------------------------------------
# walls with openings
# ---------------------------------------------------------------------------

def split_rect(u0, u1, v0, v1, openings):
    """Solid pieces of a wall rectangle [u0,u1]x[v0,v1] with rectangular openings
    (ou0, ou1, ov0, ov1), sorted and non-overlapping along u.  Returns a list of
    (a0, a1, b0, b1, kind) where kind is 'pier', 'sill' or 'lintel'."""
    pieces = []
    cur = u0
    for ou0, ou1, ov0, ov1 in sorted(openings):
        ou0, ou1 = max(ou0, u0), min(ou1, u1)
        if ou0 > cur + 1e-6:
            pieces.append((cur, ou0, v0, v1, 'pier'))
        if ov0 > v0 + 1e-6:
            pieces.append((ou0, ou1, v0, ov0, 'sill'))
        if ov1 < v1 - 1e-6:
            pieces.append((ou0, ou1, ov1, v1, 'lintel'))
        cur = ou1
    if cur < u1 - 1e-6:
        pieces.append((cur, u1, v0, v1, 'pier'))
    return pieces


def rect_minus_holes(x0, x1, z0, z1, holes):
    """Axis-aligned rectangle minus rectangular holes -> list of rectangles (row strips)."""
    xs = sorted(set([x0, x1] + [h[0] for h in holes] + [h[1] for h in holes]))
    zs = sorted(set([z0, z1] + [h[2] for h in holes] + [h[3] for h in holes]))
    xs = [x for x in xs if x0 <= x <= x1]
    zs = [z for z in zs if z0 <= z <= z1]
    out = []
    for j in range(len(zs) - 1):
        za, zb = zs[j], zs[j + 1]
        run = None
        for i in range(len(xs) - 1):
            xa, xb = xs[i], xs[i + 1]
            mx, mz = (xa + xb) / 2, (za + zb) / 2
            inside = any(h[0] <= mx <= h[1] and h[2] <= mz <= h[3] for h in holes)
            if not inside:
                if run is None:
                    run = [xa, xb]
                else:
                    run[1] = xb
            else:
                if run is not None:
                    out.append((run[0], run[1], za, zb))
                    run = None
        if run is not None:
            out.append((run[0], run[1], za, zb))
    return out


def corrugation_profile(u0, u1, pitch=0.5, low=0.01, high=0.045, flat_low=0.2, slope=0.05):
    """Trapezoidal steel-cladding profile between u0 and u1 on a global grid (so that
    ribs line up between neighbouring wall pieces): list of (u, offset).  One period:
    low flat, slope up, high flat, slope down."""
    flat_high = pitch - flat_low - 2 * slope
    ts = [0.0, flat_low, flat_low + slope, flat_low + slope + flat_high]
    offs = [low, low, high, high]

    def off_at(u):
        t = u - math.floor(u / pitch) * pitch
        knots = list(zip(ts, offs)) + [(pitch, low)]
        for (ta, oa), (tb, ob) in zip(knots, knots[1:]):
            if ta - 1e-9 <= t <= tb + 1e-9:
                return oa if tb - ta < 1e-9 else oa + (ob - oa) * (t - ta) / (tb - ta)
        return low
    us = {round(u0, 6), round(u1, 6)}
    k = math.floor(u0 / pitch)
    while k * pitch <= u1:
        for t in ts:
            u = k * pitch + t
            if u0 + 1e-4 < u < u1 - 1e-4:
                us.add(round(u, 6))
        k += 1
    return [(u, off_at(u)) for u in sorted(us)]


def shoelace_xz(poly):
    s = 0.0
    for i in range(len(poly)):
        x0, z0 = poly[i]
        x1, z1 = poly[(i + 1) % len(poly)]
        s += x0 * z1 - x1 * z0
    return s / 2


def rect_poly_ccw(x0, x1, z0, z1):
    """Rectangle footprint [[x, z], ...] counter-clockwise seen from above (+Y looking
    down, +X right, +Z towards the bottom of the map) -> negative shoelace in (x, z)."""
    p = [[x0, z1], [x1, z1], [x1, z0], [x0, z0]]
    if shoelace_xz(p) > 0:
        p.reverse()
    return [[round(a, 3), round(b, 3)] for a, b in p]
