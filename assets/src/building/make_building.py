"""Generate the Twin building and its site: assets/models/building/twin_building.glb
and assets/src/building/layout.json.

Run headless with Debian's Blender 3.4 (the glTF exporter needs python3-numpy):

    blender -b --factory-startup --python-exit-code 1 \
        --python assets/src/building/make_building.py -- [options]

Options (after the "--"):
    --out FILE.glb       output model (default assets/models/building/twin_building.glb)
    --layout FILE.json   layout file (default assets/src/building/layout.json)
    --no-layout          do not write the layout file
    --omit a,b,...       leave top-level nodes out (e.g. roof,floor_2,floor_1) to make
                         cut-away copies for looking at the interiors; the layout is
                         not written when something is omitted
    --blend FILE.blend   also save the Blender scene (debugging)

The model is ILLUSTRATIVE: an invented layout based on the public description of
Mines Saint-Etienne's "Twin" building, not the architect's plans.

Conventions: metres, glTF +Y up, ground-floor slab top at y = 0.  All geometry is
generated in glTF coordinates by geom.py / props.py and converted to Blender's Z-up
frame only when the meshes are created here, (x, y, z) -> (x, -z, y).
"""

import json
import math
import os
import sys

sys.dont_write_bytecode = True
HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
sys.path.insert(0, os.path.dirname(HERE))  # assets/src: genlib

import bpy  # noqa: E402

import props  # noqa: E402
from genlib import REPO, r3, srgb_to_linear as _lin  # noqa: E402
from geom import (MeshBuilder, corrugation_profile, poly_normal, rect_minus_holes,  # noqa: E402
                  rect_poly_ccw, split_rect)


# ---------------------------------------------------------------------------
# arguments
# ---------------------------------------------------------------------------
argv = sys.argv[sys.argv.index('--') + 1:] if '--' in sys.argv else []


def _arg(name, default=None):
    if name in argv:
        return argv[argv.index(name) + 1]
    return default


OUT = os.path.abspath(_arg('--out', os.path.join(REPO, 'assets', 'models', 'building', 'twin_building.glb')))
LAYOUT_OUT = os.path.abspath(_arg('--layout', os.path.join(HERE, 'layout.json')))
OMIT = set(x for x in (_arg('--omit', '') or '').split(',') if x)
WRITE_LAYOUT = '--no-layout' not in argv and not OMIT
BLEND_OUT = _arg('--blend')

# ---------------------------------------------------------------------------
# dimensions (metres)
# ---------------------------------------------------------------------------
BX0, BX1, BZ0, BZ1 = -30.0, 30.0, -15.0, 15.0      # building outer faces
TE, TI, SLAB = 0.3, 0.2, 0.3                         # exterior wall, interior wall, slab
IX0, IX1, IZ0, IZ1 = BX0 + TE, BX1 - TE, BZ0 + TE, BZ1 - TE
ELEV = [0.0, 5.0, 8.8]                               # slab tops of floor_0..2
TOP = [5.0, 8.8, 12.6]                               # next slab top above each floor
CEIL = [t - SLAB for t in TOP]                       # ceiling (slab underside)
F2X0, F2X1 = -6.2, 18.0                              # partial 3rd floor (outer faces, x)
PARAPET_LOW, PARAPET_HIGH = 9.9, 13.3

# stair core (both storeys stacked, dog-leg)
ST_X0, ST_X1 = -5.9, -2.7          # stairwell inside faces
ST_MID0, ST_MID1 = -4.35, -4.25    # central wall between flights
ST_Z_TOP = -2.0                    # flights start / arrive here
ST_Z_BACK = -7.5                   # back wall inner face
LIFT_X0, LIFT_X1, LIFT_Z0, LIFT_Z1 = -2.5, -0.2, -4.8, -2.2   # lift shaft inside

# ---------------------------------------------------------------------------
# materials (name -> sRGB colour, metallic, roughness, alpha, emission)
# ---------------------------------------------------------------------------
PALETTE = {
    # structure
    'concrete':         ('#B4B2AD', 0.0, 0.90),
    'ceiling_white':    ('#E6E6E2', 0.0, 0.90),
    'wall_white':       ('#EEEDE8', 0.0, 0.85),
    'clad':             ('#3E4348', 0.35, 0.50),
    'teal_paint':       ('#00A3A1', 0.1, 0.45),
    'frame':            ('#26292C', 0.75, 0.40),
    'frame_light':      ('#C9CDD0', 0.7, 0.35),
    'door_frame':       ('#5B6167', 0.5, 0.45),
    'door_grey':        ('#6F767D', 0.3, 0.5),
    'steel':            ('#A8ADB2', 0.9, 0.30),
    'roller':           ('#9AA0A6', 0.8, 0.45),
    'stair':            ('#A9A7A2', 0.0, 0.80),
    'stair_nosing':     ('#E5B800', 0.0, 0.60),
    'roof_membrane':    ('#7E8387', 0.0, 0.95),
    'roof_parapet':     ('#5A5F64', 0.2, 0.7),
    'coping':           ('#8C9297', 0.8, 0.35),
    'concrete_plinth':  ('#9C9A95', 0.0, 0.9),
    # glass (alphaMode BLEND)
    'glass':            ('#9CC4D2', 0.0, 0.05, 0.25),
    'glass_int':        ('#C5DEE6', 0.0, 0.05, 0.16),
    # floors
    'floor_hall':       ('#D6D3CC', 0.0, 0.35),
    'epoxy_green':      ('#A9BFB2', 0.0, 0.30),
    'epoxy_blue':       ('#A8B9C8', 0.0, 0.30),
    'epoxy_grey':       ('#B5B9BC', 0.0, 0.35),
    'concrete_floor':   ('#A7A6A2', 0.0, 0.80),
    'carpet_grey':      ('#6D7277', 0.0, 0.98),
    'carpet_blue':      ('#4C5E76', 0.0, 0.98),
    'wood_floor':       ('#B89067', 0.0, 0.55),
    'entrance_mat':     ('#3A3C3E', 0.0, 1.0),
    'vr_mat':           ('#1E2B45', 0.0, 0.9),
    # markings
    'marking_yellow':   ('#F2C200', 0.0, 0.6),
    'marking_black':    ('#1A1A1A', 0.0, 0.6),
    'marking_white':    ('#F2F2F2', 0.0, 0.6),
    'marking_blue':     ('#1F5FBF', 0.0, 0.6),
    'marking_green':    ('#2E9E4F', 0.0, 0.6),
    'marking_teal':     ('#00A3A1', 0.0, 0.6),
    # brand and signs
    'teal':             ('#00A3A1', 0.0, 0.4, 1.0, '#00A3A1'),
    'sign_panel':       ('#23272B', 0.2, 0.5),
    'sign_text':        ('#FFFFFF', 0.0, 0.5, 1.0, '#D8D8D8'),
    # lights and screens
    'ceiling_light':    ('#FFFFFF', 0.0, 0.5, 1.0, '#FFF8EC'),
    'light_white':      ('#FFFFFF', 0.0, 0.5, 1.0, '#FFFFFF'),
    'light_red':        ('#B01515', 0.0, 0.5, 1.0, '#8A0A0A'),
    'screen_black':     ('#101113', 0.2, 0.25),
    'screen_glow':      ('#1C4E63', 0.0, 0.2, 1.0, '#123A4A'),
    'whiteboard':       ('#F7F7F7', 0.0, 0.15),
    # furniture
    'wood':             ('#B98A5E', 0.0, 0.55),
    'wood_light':       ('#D7B98F', 0.0, 0.55),
    'laminate_grey':    ('#C3C6C8', 0.0, 0.45),
    'worktop':          ('#E2E0DB', 0.0, 0.35),
    'cabinet_white':    ('#F1F1EF', 0.0, 0.45),
    'cabinet_yellow':   ('#E8B400', 0.2, 0.45),
    'plinth_white':     ('#F4F4F2', 0.0, 0.5),
    'metal_white':      ('#E4E6E7', 0.6, 0.4),
    'metal_black':      ('#1E1F21', 0.7, 0.4),
    'metal_grey':       ('#8D9398', 0.8, 0.4),
    'metal_dark':       ('#3A3E42', 0.7, 0.45),
    'metal_blue':       ('#2B5C9E', 0.5, 0.45),
    'rack_orange':      ('#E0691B', 0.4, 0.5),
    'fabric_blue':      ('#2F4F8A', 0.0, 0.95),
    'fabric_black':     ('#242628', 0.0, 0.95),
    'fabric_teal':      ('#1E8583', 0.0, 0.95),
    'fabric_grey':      ('#8B8F93', 0.0, 0.95),
    'bin_blue':         ('#2D6CC0', 0.0, 0.6),
    'cardboard':        ('#B98D5A', 0.0, 0.9),
    'wood_pallet':      ('#C8A574', 0.0, 0.9),
    'film_white':       ('#E9ECEE', 0.0, 0.3),
    'pot_grey':         ('#4A4C4F', 0.0, 0.7),
    'sample_metal':     ('#B8BCC0', 1.0, 0.3),
    # site
    'grass':            ('#5A8040', 0.0, 1.0),
    'soil':             ('#5E4A36', 0.0, 1.0),
    'asphalt':          ('#3C3E41', 0.0, 0.95),
    'paving':           ('#BEB8AD', 0.0, 0.85),
    'paving_dark':      ('#8E8A84', 0.0, 0.85),
    'concrete_precast': ('#C4C1BA', 0.0, 0.85),
    'foliage':          ('#4A8036', 0.0, 0.9),
    'foliage_dark':     ('#2F6330', 0.0, 0.9),
    'bark':             ('#5A4632', 0.0, 0.9),
    'paint_white':      ('#E6E7E8', 0.4, 0.35),
    'paint_grey':       ('#7A8086', 0.6, 0.35),
    'paint_blue':       ('#27467E', 0.5, 0.35),
    'paint_red':        ('#9E2424', 0.5, 0.35),
    'car_glass':        ('#1A2027', 0.3, 0.1),
    'tyre':             ('#161616', 0.0, 0.9),
    'solar':            ('#1B2A46', 0.4, 0.2),
    'hvac':             ('#C6C9CB', 0.5, 0.5),
}

_MATS = {}


def material(name):
    if name in _MATS:
        return _MATS[name]
    spec = PALETTE[name]
    col, metal, rough = spec[0], spec[1], spec[2]
    alpha = spec[3] if len(spec) > 3 else 1.0
    emis = spec[4] if len(spec) > 4 else None
    mat = bpy.data.materials.new(name)
    mat.use_nodes = True
    p = mat.node_tree.nodes['Principled BSDF']
    p.inputs['Base Color'].default_value = _lin(col) + (1.0,)
    p.inputs['Metallic'].default_value = metal
    p.inputs['Roughness'].default_value = rough
    if emis:
        p.inputs['Emission'].default_value = _lin(emis) + (1.0,)
        p.inputs['Emission Strength'].default_value = 1.0
    if alpha < 1.0:
        p.inputs['Alpha'].default_value = alpha
        mat.blend_method = 'BLEND'
        mat.shadow_method = 'HASHED'
        mat.use_backface_culling = False      # glass: doubleSided
    else:
        mat.use_backface_culling = True
    mat.diffuse_color = _lin(col) + (alpha,)
    _MATS[name] = mat
    return mat


# ---------------------------------------------------------------------------
# Blender object helpers
# ---------------------------------------------------------------------------
COLL = None
STATS = {'objects': 0}


def _bl(p):
    return (p[0], -p[2], p[1])


def mesh_from_builder(name, mb):
    me = bpy.data.meshes.new(name)
    verts, faces, mat_idx = [], [], []
    for mi, mname in enumerate(sorted(mb.parts)):
        v, f = mb.parts[mname]
        base = len(verts)
        verts.extend(_bl(p) for p in v)
        keep = [ff for ff in f if sum(c * c for c in poly_normal([v[i] for i in ff])) > 1e-14]  # drop degenerate
        faces.extend(tuple(base + i for i in ff) for ff in keep)
        mat_idx.extend([mi] * len(keep))
        me.materials.append(material(mname))
    me.from_pydata(verts, [], faces)
    me.polygons.foreach_set('material_index', mat_idx)
    me.validate(clean_customdata=False)
    me.update()
    return me


def new_object(name, data, parent=None, pos=(0, 0, 0), yaw=0.0, scale=1.0):
    ob = bpy.data.objects.new(name, data)
    COLL.objects.link(ob)
    if parent is not None:
        ob.parent = parent
    ob.location = _bl(pos)
    ob.rotation_euler = (0.0, 0.0, math.radians(yaw))
    if scale != 1.0:
        ob.scale = (scale, scale, scale)
    STATS['objects'] += 1
    return ob


def empty(name, parent=None):
    return new_object(name, None, parent)


def obj_from_builder(name, mb, parent, pos=(0, 0, 0), yaw=0.0):
    if mb.empty():
        return None
    return new_object(name, mesh_from_builder(name, mb), parent, pos, yaw)


PROTOS = {}
_INST_COUNT = {}


def proto(key, fn, *args):
    """One shared mesh per prop kind (linked duplicates)."""
    if key not in PROTOS:
        PROTOS[key] = mesh_from_builder(key, fn(*args))
    return PROTOS[key]


def place(key, parent, pos, yaw=0.0, scale=1.0):
    n = _INST_COUNT.get(key, 0) + 1
    _INST_COUNT[key] = n
    return new_object('%s.%03d' % (key, n), PROTOS[key], parent, pos, yaw, scale)


# ---------------------------------------------------------------------------
# text
# ---------------------------------------------------------------------------

def text_geom(body, size, res=2, extrude=0.0):
    """Blender text converted to mesh -> (verts, faces, width, height), centred on
    the origin in the XY plane, facing +Z (glTF local)."""
    cu = bpy.data.curves.new('_txt', type='FONT')
    cu.body = body
    cu.size = size
    cu.resolution_u = res
    cu.extrude = extrude
    ob = bpy.data.objects.new('_txt', cu)
    COLL.objects.link(ob)
    dg = bpy.context.evaluated_depsgraph_get()
    me = bpy.data.meshes.new_from_object(ob.evaluated_get(dg))
    vs = [tuple(v.co) for v in me.vertices]
    fs = [tuple(p.vertices) for p in me.polygons]
    bpy.data.objects.remove(ob)
    bpy.data.curves.remove(cu)
    bpy.data.meshes.remove(me)
    xs = [v[0] for v in vs]
    ys = [v[1] for v in vs]
    cx, cy = (min(xs) + max(xs)) / 2, (min(ys) + max(ys)) / 2
    vs = [(v[0] - cx, v[1] - cy, v[2]) for v in vs]
    return vs, fs, max(xs) - min(xs), max(ys) - min(ys)


# ---------------------------------------------------------------------------
# architectural helpers (all in glTF world coordinates)
# ---------------------------------------------------------------------------

def _uvw(axis, u, v, w):
    return (u, v, w) if axis == 'x' else (w, v, u)


def wbox(mb, axis, u0, u1, y0, y1, w0, w1, mat, mpos=None, mneg=None, skip_ends=False, skip_bottom=True, skip_top=False):
    if axis == 'x':
        args = (u0, u1, y0, y1, w0, w1)
        posk, negk, ends = 'pz', 'nz', ('px', 'nx')
    else:
        args = (w0, w1, y0, y1, u0, u1)
        posk, negk, ends = 'px', 'nx', ('pz', 'nz')
    skip = set()
    if skip_bottom:
        skip.add('ny')
    if skip_top:
        skip.add('py')
    if skip_ends:
        skip |= set(ends)
    mats = {}
    if mpos:
        mats[posk] = mpos
    if mneg:
        mats[negk] = mneg
    mb.box(mat, *args, skip=skip, mats=mats)


def skin(mb, axis, side, wface, u0, u1, y0, y1, mat='clad'):
    """Corrugated cladding skin on a wall face (side = +1/-1 along w)."""
    prof = corrugation_profile(u0, u1)
    n = (0, 0, side) if axis == 'x' else (side, 0, 0)
    for (ua, oa), (ub, ob) in zip(prof, prof[1:]):
        wa, wb = wface + side * oa, wface + side * ob
        mb.poly(mat, [_uvw(axis, ua, y0, wa), _uvw(axis, ub, y0, wb), _uvw(axis, ub, y1, wb), _uvw(axis, ua, y1, wa)], n)


def opening_fill(mb, axis, c, t, op, side=1):
    """Windows, doors and the like inside an opening (u0, u1, v0, v1, kind)."""
    u0, u1, v0, v1, kind = op
    fw = 0.06
    if kind in ('window', 'iwin'):
        fmat = 'frame' if kind == 'window' else 'frame_light'
        gmat = 'glass' if kind == 'window' else 'glass_int'
        d0, d1 = c - 0.06, c + 0.06
        wbox(mb, axis, u0, u1, v0, v0 + fw, d0, d1, fmat, skip_ends=True, skip_bottom=True)
        wbox(mb, axis, u0, u1, v1 - fw, v1, d0, d1, fmat, skip_ends=True, skip_bottom=True, skip_top=True)
        wbox(mb, axis, u0, u0 + fw, v0 + fw, v1 - fw, d0, d1, fmat, skip_bottom=True, skip_top=True)
        wbox(mb, axis, u1 - fw, u1, v0 + fw, v1 - fw, d0, d1, fmat, skip_bottom=True, skip_top=True)
        n = max(1, int(math.ceil((u1 - u0) / 1.9 - 1e-6)))
        step = (u1 - u0) / n
        for i in range(1, n):
            um = u0 + i * step
            wbox(mb, axis, um - 0.03, um + 0.03, v0 + fw, v1 - fw, d0, d1, fmat, skip_bottom=True, skip_top=True)
        nrm = (0, 0, 1) if axis == 'x' else (1, 0, 0)
        mb.poly(gmat, [_uvw(axis, u0 + fw, v0 + fw, c), _uvw(axis, u1 - fw, v0 + fw, c),
                       _uvw(axis, u1 - fw, v1 - fw, c), _uvw(axis, u0 + fw, v1 - fw, c)], nrm)
    elif kind in ('door', 'door_ext', 'lift'):
        fmat = {'door': 'door_frame', 'door_ext': 'frame', 'lift': 'steel'}[kind]
        d0, d1 = c - t / 2 - 0.02, c + t / 2 + 0.02
        wbox(mb, axis, u0, u0 + 0.05, v0, v1, d0, d1, fmat)
        wbox(mb, axis, u1 - 0.05, u1, v0, v1, d0, d1, fmat)
        wbox(mb, axis, u0, u1, v1 - 0.05, v1, d0, d1, fmat, skip_bottom=False)
        if kind == 'door_ext':
            wbox(mb, axis, u0 + 0.05, u1 - 0.05, v0, v1 - 0.05, c - 0.03, c + 0.03, 'door_grey', skip_ends=True)
            for s in (-1, 1):
                wbox(mb, axis, u0 + 0.15, u0 + 0.65, 1.0, 1.04, c + s * 0.03, c + s * 0.07, 'steel')
        elif kind == 'lift':
            um = (u0 + u1) / 2
            for a, b in ((u0 + 0.05, um - 0.005), (um + 0.005, u1 - 0.05)):
                wbox(mb, axis, a, b, v0, v1 - 0.05, c - 0.02, c + 0.02, 'steel')
            # call buttons on both faces, to the right of the door
            for s in (-1, 1):
                wbox(mb, axis, u1 + 0.2, u1 + 0.32, 1.0, 1.25, c + s * (t / 2), c + s * (t / 2 + 0.015), 'steel')
                wbox(mb, axis, u0 + 0.3, u1 - 0.3, v1 + 0.08, v1 + 0.2, c + s * (t / 2), c + s * (t / 2 + 0.015), 'screen_black')
    elif kind == 'roller':
        wbox(mb, axis, u0, u1, v0, v1, c - 0.03, c + 0.03, 'roller', skip_ends=True)
        for k in range(1, int((v1 - v0) / 0.35)):
            v = v0 + k * 0.35
            wbox(mb, axis, u0, u1, v - 0.02, v, c + side * 0.03, c + side * 0.045, 'frame', skip_ends=True)
        wbox(mb, axis, u0 - 0.1, u0, v0, v1, c - t / 2 - 0.03, c + t / 2 + 0.03, 'frame')
        wbox(mb, axis, u1, u1 + 0.1, v0, v1, c - t / 2 - 0.03, c + t / 2 + 0.03, 'frame')


def wall(mb, axis, c, t, a0, a1, y0, y1, openings=(), m_pos='wall_white', m_neg='wall_white',
         m_edge=None, corr=0, pier_mat=None, side_for_fill=1):
    """Straight wall along `axis` ('x': runs along x at z=c; 'z': along z at x=c)
    with openings [(u0, u1, v0, v1, kind)].  corr=+1/-1 adds corrugated cladding on
    that face."""
    w0, w1 = c - t / 2, c + t / 2
    edge = m_edge or m_neg
    if corr > 0:
        m_pos = 'clad'
    elif corr < 0:
        m_neg = 'clad'
    for p0, p1, q0, q1, kind in split_rect(a0, a1, y0, y1, [o[:4] for o in openings]):
        if pier_mat and kind == 'pier':
            wbox(mb, axis, p0, p1, q0, q1, w0, w1, pier_mat, mpos=(m_pos if corr < 0 else None),
                 mneg=(m_neg if corr > 0 else None))
            continue
        wbox(mb, axis, p0, p1, q0, q1, w0, w1, edge, mpos=m_pos, mneg=m_neg, skip_ends=(kind != 'pier'))
        if corr:
            skin(mb, axis, corr, w1 if corr > 0 else w0, p0, p1, q0, q1)
    for op in openings:
        opening_fill(mb, axis, c, t, op, side_for_fill)


def glass_partition(mb, axis, c, a0, a1, y0, y1, doors=(), post=1.5, rail='frame_light', height=None):
    """Glazed partition with slim posts; doors [(u0, u1)] are 2.1 m openings with
    glass above.  height limits the partition (balustrade) below the ceiling."""
    top = y1 if height is None else y0 + height
    d0, d1 = c - 0.04, c + 0.04
    nrm = (0, 0, 1) if axis == 'x' else (1, 0, 0)
    segs = []
    cur = a0
    for du0, du1 in sorted(doors):
        segs.append((cur, du0, False))
        segs.append((du0, du1, True))
        cur = du1
    segs.append((cur, a1, False))
    for s0, s1, is_door in segs:
        if s1 - s0 < 1e-3:
            continue
        if is_door:
            dh = y0 + 2.1
            wbox(mb, axis, s0, s0 + 0.05, y0, top, d0 - 0.01, d1 + 0.01, rail)
            wbox(mb, axis, s1 - 0.05, s1, y0, top, d0 - 0.01, d1 + 0.01, rail)
            wbox(mb, axis, s0 + 0.05, s1 - 0.05, dh, dh + 0.06, d0, d1, rail, skip_ends=True, skip_bottom=False)
            if top - dh > 0.2:
                mb.poly('glass_int', [_uvw(axis, s0 + 0.05, dh + 0.06, c), _uvw(axis, s1 - 0.05, dh + 0.06, c),
                                      _uvw(axis, s1 - 0.05, top - 0.05, c), _uvw(axis, s0 + 0.05, top - 0.05, c)], nrm)
            continue
        wbox(mb, axis, s0, s1, y0, y0 + 0.08, d0, d1, rail, skip_ends=True)
        wbox(mb, axis, s0, s1, top - 0.05, top, d0, d1, rail, skip_ends=True, skip_bottom=False)
        n = max(1, int(math.ceil((s1 - s0) / post - 1e-6)))
        step = (s1 - s0) / n
        for i in range(n + 1):
            um = s0 + i * step
            wbox(mb, axis, max(s0, um - 0.025), min(s1, um + 0.025), y0 + 0.08, top - 0.05, d0, d1, rail,
                 skip_bottom=True, skip_top=True)
        mb.poly('glass_int', [_uvw(axis, s0, y0 + 0.08, c), _uvw(axis, s1, y0 + 0.08, c),
                              _uvw(axis, s1, top - 0.05, c), _uvw(axis, s0, top - 0.05, c)], nrm)
        if height is not None:       # balustrade handrail
            wbox(mb, axis, s0, s1, top, top + 0.05, c - 0.03, c + 0.03, 'steel', skip_ends=True, skip_bottom=False)


def curtain(mb, axis, c, a0, a1, y0, y1, mullions, transoms, spandrel=None, skip_cells=(), out=1):
    """Curtain wall: glass plane at w=c, mullions at u positions, transoms at y.
    spandrel=(ys0, ys1) adds an opaque band (hides the slab edge).  skip_cells are
    (u0, u1, v0, v1) rectangles left without glass (the entrance)."""
    nrm = (0, 0, 1) if axis == 'x' else (1, 0, 0)
    us = sorted(set([a0, a1] + list(mullions)))
    vs = sorted(set([y0, y1] + list(transoms) + (list(spandrel) if spandrel else [])))
    for i in range(len(us) - 1):
        for j in range(len(vs) - 1):
            ua, ub, va, vb = us[i], us[i + 1], vs[j], vs[j + 1]
            if spandrel and va >= spandrel[0] - 1e-6 and vb <= spandrel[1] + 1e-6:
                continue
            if any(s[0] - 1e-6 <= ua and ub <= s[1] + 1e-6 and s[2] - 1e-6 <= va and vb <= s[3] + 1e-6
                   for s in skip_cells):
                continue
            mb.poly('glass', [_uvw(axis, ua, va, c), _uvw(axis, ub, va, c), _uvw(axis, ub, vb, c), _uvw(axis, ua, vb, c)], nrm)
    for um in us:
        wbox(mb, axis, max(a0, um - 0.04), min(a1, um + 0.04), y0, y1, c - 0.08, c + out * 0.16 if out > 0 else c + 0.08,
             'frame', skip_bottom=False)
    for vm in transoms:
        wbox(mb, axis, a0, a1, vm - 0.04, vm + 0.04, c - 0.06, c + 0.12 * out, 'frame', skip_ends=True, skip_bottom=False)
    if spandrel:
        wbox(mb, axis, a0, a1, spandrel[0], spandrel[1], c - 0.1, c + 0.05 * out, 'clad', skip_ends=True,
             skip_bottom=False)


def beam(mb, mat, p0, p1, w, h):
    """Box along the segment p0->p1 (not vertical), width w horizontal, height h."""
    dx, dy, dz = p1[0] - p0[0], p1[1] - p0[1], p1[2] - p0[2]
    L = math.hypot(dx, dz)
    sx, sz = -dz / L * w / 2, dx / L * w / 2
    a = [(p0[0] + sx, p0[1], p0[2] + sz), (p0[0] - sx, p0[1], p0[2] - sz)]
    b = [(p1[0] + sx, p1[1], p1[2] + sz), (p1[0] - sx, p1[1], p1[2] - sz)]
    lo = [a[0], a[1], b[1], b[0]]
    hi = [(p[0], p[1] + h, p[2]) for p in lo]
    mb.poly(mat, hi, (0, 1, 0))
    mb.poly(mat, lo, (0, -1, 0))
    for i in range(4):
        j = (i + 1) % 4
        mx = (lo[i][0] + lo[j][0]) / 2 - (p0[0] + p1[0]) / 2
        mz = (lo[i][2] + lo[j][2]) / 2 - (p0[2] + p1[2]) / 2
        mb.poly(mat, [lo[i], lo[j], hi[j], hi[i]], (mx, 0, mz))


def flight(mb, x0, x1, z_start, dz, y_start, rise, n_risers, tread):
    """Straight flight: n_risers risers from y_start; treads run from z_start in
    direction dz (+1/-1).  Steps are boxes with a stepped soffit.  Returns the z of
    the edge where the last riser meets the landing / floor."""
    for i in range(1, n_risers):
        za = z_start + dz * (i - 1) * tread
        zb = z_start + dz * i * tread
        top = y_start + i * rise
        mb.box('stair', x0, x1, top - rise - 0.16, top, za, zb, mats={'py': 'stair'})
        # yellow nosing strip on each tread edge (visibility)
        zn = za + dz * 0.05
        mb.box('stair_nosing', x0 + 0.05, x1 - 0.05, top, top + 0.003, min(za, zn), max(za, zn), skip=('ny',))
    return z_start + dz * (n_risers - 1) * tread


def lights(mb, x0, x1, z0, z1, y, nx, nz, w, d):
    """Grid of ceiling luminaires (downward emissive quads + a thin housing)."""
    for i in range(nx):
        for j in range(nz):
            cx = x0 + (i + 0.5) * (x1 - x0) / nx
            cz = z0 + (j + 0.5) * (z1 - z0) / nz
            mb.box('frame_light', cx - w / 2 - 0.02, cx + w / 2 + 0.02, y - 0.05, y, cz - d / 2 - 0.02, cz + d / 2 + 0.02,
                   skip=('py',), mats={'ny': 'ceiling_light'})


def strip(mb, mat, pts, width, y):
    """Floor marking polyline (list of (x, z)) as quads of given width at height y."""
    for (xa, za), (xb, zb) in zip(pts, pts[1:]):
        L = math.hypot(xb - xa, zb - za)
        if L < 1e-6:
            continue
        nx, nz = -(zb - za) / L * width / 2, (xb - xa) / L * width / 2
        ex, ez = (xb - xa) / L * width / 2, (zb - za) / L * width / 2
        mb.poly(mat, [(xa + nx - ex, y, za + nz - ez), (xb + nx + ex, y, zb + nz + ez),
                      (xb - nx + ex, y, zb - nz + ez), (xa - nx - ex, y, za - nz - ez)], (0, 1, 0))


def rect_line(mb, mat, x0, x1, z0, z1, y, width=0.1):
    strip(mb, mat, [(x0, z0), (x1, z0), (x1, z1), (x0, z1), (x0, z0)], width, y)


def hatch_border(mb, x0, x1, z0, z1, y, width=0.12, dash=0.4):
    """Yellow/black safety border (alternating dashes) around a rectangle."""
    pts = [(x0, z0), (x1, z0), (x1, z1), (x0, z1), (x0, z0)]
    k = 0
    for (xa, za), (xb, zb) in zip(pts, pts[1:]):
        L = math.hypot(xb - xa, zb - za)
        n = max(1, int(round(L / dash)))
        for i in range(n):
            t0, t1 = i / n, (i + 1) / n
            seg = [(xa + (xb - xa) * t0, za + (zb - za) * t0), (xa + (xb - xa) * t1, za + (zb - za) * t1)]
            strip(mb, 'marking_yellow' if k % 2 == 0 else 'marking_black', seg, width, y)
            k += 1


def rounded_loop(x0, x1, z0, z1, r, n=6):
    pts = []
    corners = [(x1 - r, z1 - r, 0), (x0 + r, z1 - r, 90), (x0 + r, z0 + r, 180), (x1 - r, z0 + r, 270)]
    for cx, cz, a0 in corners:
        for i in range(n + 1):
            a = math.radians(a0 + 90 * i / n)
            pts.append((cx + r * math.cos(a), cz + r * math.sin(a)))
    pts.append(pts[0])
    return pts


# ---------------------------------------------------------------------------
# layout bookkeeping
# ---------------------------------------------------------------------------
LAYOUT = {
    'generator': 'assets/src/building/make_building.py',
    'model': 'assets/models/building/twin_building.glb',
    'note': ('Illustrative layout of the Twin building (Mines Saint-Etienne), based on the '
             'public description, not on the architect\'s plans.'),
    'units': 'metres',
    'coordinates': ('glTF: +Y up, ground-floor slab top at y=0; the main facade with the entrance '
                    'faces +Z; footprints are [x, z] polygons, counter-clockwise seen from above '
                    '(+Y looking down, +X to the right, +Z towards the bottom of the map), i.e. '
                    'negative shoelace sum in (x, z)'),
    'yaw_convention': ('degrees about +Y; the model\'s front (+Z) turns towards +X for +90: '
                       'yaw 0 faces +Z, 90 faces +X, 180 faces -Z, -90 faces -X'),
    'building_bounds': {'x': [BX0, BX1], 'z': [BZ0, BZ1], 'y': [0.0, PARAPET_HIGH]},
    'site_bounds': {'x': [-70.0, 70.0], 'z': [-45.0, 55.0]},
    'floors': [],
    'zones': [],
}
MACHINE_FOOTPRINTS = {
    'fdm_printer': (0.5, 0.6), 'resin_printer': (0.6, 0.6), 'sls_printer': (1.8, 1.2),
    'metal_lpbf_printer': (2.5, 1.5), 'cnc_5axis': (3.0, 2.5), 'cobot_arm': (0.8, 0.8),
    'industrial_robot_cell': (3.0, 3.0), 'agv': (0.9, 0.7), 'laser_cutter': (1.6, 1.1),
    'scanner_3d': (1.0, 1.0), 'vr_station': (3.0, 3.0), 'electronics_bench': (1.8, 0.8),
    'server_rack': (0.6, 1.0),
}
ZONES = {}


def add_zone(zid, fr, en, floor, rect, mat, parent, note=None, inner=None):
    """Create the zone's floor object (named zid) and its layout entry.  rect is the
    floor finish (to wall centre lines), inner the usable footprint (wall faces)."""
    x0, x1, z0, z1 = rect
    ix0, ix1, iz0, iz1 = inner or rect
    e = ELEV[floor]
    mb = MeshBuilder()
    mb.quad_y(mat, x0, x1, z0, z1, e)
    ob = obj_from_builder(zid, mb, parent)
    entry = {
        'id': zid, 'name_fr': fr, 'name_en': en, 'floor': 'floor_%d' % floor, 'node': zid,
        'elevation': e, 'footprint': rect_poly_ccw(ix0, ix1, iz0, iz1),
        'area_m2': round((ix1 - ix0) * (iz1 - iz0), 1), 'floor_material': mat,
        'machine_spots': [], 'viewpoints': [],
    }
    if note:
        entry['note'] = note
    LAYOUT['zones'].append(entry)
    ZONES[zid] = {'obj': ob, 'entry': entry, 'mb': MeshBuilder(), 'rect': rect, 'floor': floor}
    return ZONES[zid]


def spot(zone, kind, x, y, z, yaw, note=None):
    idx = sum(1 for s in zone['entry']['machine_spots'] if s['type'] == kind) + 1
    w, d = MACHINE_FOOTPRINTS[kind]
    s = {'id': '%s_%s_%d' % (zone['entry']['id'].replace('zone_', ''), kind, idx), 'type': kind,
         'position': r3((x, y, z)), 'yaw_deg': yaw, 'footprint_wd': [w, d]}
    if note:
        s['note'] = note
    zone['entry']['machine_spots'].append(s)


def view(zone, eye, target, name=None):
    zone['entry']['viewpoints'].append({'name': name or 'view_%d' % (len(zone['entry']['viewpoints']) + 1),
                                        'eye': r3(eye), 'target': r3(target)})


def sign(zone, text, pos, yaw, size=0.32, double=False, hang_to=None, name=None, kind='zone_sign'):
    """Name panel: dark panel, white text mesh, teal accent band.  pos is the centre
    of the panel's back face (on the wall), yaw turns its front (+Z) into the room.
    hang_to=y suspends it from the ceiling on two rods; double puts text on both faces."""
    vs, fs, tw, th = text_geom(text, size)
    pw = tw + size * 1.0
    ph = size * 1.25
    t = 0.04
    mb = MeshBuilder()
    z0 = -t if double else 0.0
    mb.box('sign_panel', -pw / 2, pw / 2, -ph / 2, ph / 2, z0, t if not double else t)
    mb.add('sign_text', vs, fs, lambda p: (p[0], p[1] + size * 0.06, p[2] + t + 0.004))
    mb.box('teal', -pw / 2, pw / 2, -ph / 2, -ph / 2 + size * 0.1, t, t + 0.003, skip=('ny',))
    if double:
        mb.add('sign_text', vs, fs, lambda p: (-p[0], p[1] + size * 0.06, -(p[2] + t + 0.004)))
        mb.box('teal', -pw / 2, pw / 2, -ph / 2, -ph / 2 + size * 0.1, -t - 0.003, -t, skip=('ny',))
    if hang_to is not None:
        for sx in (-1, 1):
            x = sx * (pw / 2 - 0.15)
            mb.box('steel', x - 0.01, x + 0.01, ph / 2, hang_to - pos[1], -0.01, 0.01, skip=('ny',))
    zid = zone['entry']['id']
    ob = obj_from_builder(name or 'sign_' + zid.replace('zone_', ''), mb, zone['obj'], pos, yaw)
    fx, fz = math.sin(math.radians(yaw)), math.cos(math.radians(yaw))
    zone['entry'].setdefault('signs', []).append({'kind': kind, 'node': ob.name, 'text': text,
                                                  'position': r3(pos), 'yaw_deg': yaw,
                                                  'size_wh': r3((pw, ph))})
    return ob, (fx, fz)


# ---------------------------------------------------------------------------
# build: materials-only prototypes
# ---------------------------------------------------------------------------

def plaque(zid, text, pos, yaw):
    """Small name plate beside a door, on the corridor side."""
    return sign(ZONES[zid], text, pos, yaw, size=0.1, name='plaque_' + zid.replace('zone_', ''), kind='door_plate')


def build_protos():
    proto('chair_blue', props.chair, 'fabric_blue')
    proto('chair_black', props.chair, 'fabric_black')
    proto('chair_teal', props.chair, 'fabric_teal')
    proto('table_training', props.table, 1.4, 0.6)
    proto('table_cafe', props.cafe_table)
    proto('desk', props.desk_monitor)
    proto('workbench', props.workbench)
    proto('table_meeting', props.meeting_table)
    proto('sofa', props.sofa, 'fabric_teal')
    proto('sofa_grey', props.sofa, 'fabric_grey')
    proto('armchair', props.armchair, 'fabric_grey')
    proto('coffee_table', props.coffee_table)
    proto('shelf', props.shelf)
    proto('pallet_rack', props.pallet_rack)
    proto('safety_cabinet', props.safety_cabinet)
    proto('pallet', props.pallet_load)
    proto('whiteboard', props.whiteboard)
    proto('wall_screen', props.tv_screen)
    proto('plant', props.plant)
    proto('plinth', props.plinth)
    proto('kitchenette', props.kitchen_counter)
    proto('reception_desk', props.reception_desk)
    proto('lectern', props.lectern)
    proto('bench', props.bench)
    proto('planter', props.planter)
    proto('bike_rack', props.bike_rack)
    proto('tree_round', props.tree_round)
    proto('tree_conifer', props.tree_conifer)
    proto('car_white', props.car, 'paint_white')
    proto('car_grey', props.car, 'paint_grey')
    proto('car_blue', props.car, 'paint_blue')
    proto('car_red', props.car, 'paint_red')
    proto('lamp_post', props.lamp_post)
    proto('bollard', props.bollard)
    proto('solar_row', props.solar_row, 10)
    proto('hvac_unit', props.hvac_unit)


# ---------------------------------------------------------------------------
# site
# ---------------------------------------------------------------------------

# site surfaces: (x0, x1, z0, z1, top y), checked in order; lawn elsewhere
SURFACES = [
    (-70, 70, 47.0, 55.0, -0.03),                         # street
    (-16, -10, 40.5, 47.0, -0.02), (33, 39, 40.5, 47.0, -0.02),
    (-70, 70, 44.8, 47.0, 0.0),                           # sidewalk
    (-62, -10, 22.0, 40.5, -0.02),                        # parking
    (33, 39, -30.0, 47.0, -0.02), (6, 33, -30.0, -15.3, -0.02),
    (-30.6, 30.6, 15.0, 21.0, 0.0), (-10, 10, 21.0, 26.5, 0.0), (-1.6, 1.6, 26.5, 44.8, 0.0),
    (-32, -30, -17, 15, 0.0), (-32, 6, -17, -15, 0.0), (30, 32, -15, 15, 0.0),
]


def ground_y(x, z):
    for x0, x1, z0, z1, y in SURFACES:
        if x0 <= x <= x1 and z0 <= z <= z1:
            return y
    return -0.05


def build_site(root):
    mb = MeshBuilder()
    # ground block (diorama): grass top, soil sides
    mb.box('grass', -70, 70, -1.2, -0.05, -45, 55, skip=('ny',),
           mats={'px': 'soil', 'nx': 'soil', 'pz': 'soil', 'nz': 'soil'})
    # street along the south edge, with a dashed centre line
    mb.box('asphalt', -70, 70, -0.12, -0.03, 47.0, 55.0, skip=('ny',), mats={'pz': 'soil', 'px': 'soil', 'nx': 'soil'})
    for i in range(24):
        x = -69 + i * 6
        mb.quad_y('marking_white', x, x + 3, 50.92, 51.08, -0.026)
    # sidewalk (raised), interrupted by the two driveways
    for xa, xb in ((-70, -16), (-10, 33), (39, 70)):
        mb.box('paving', xa, xb, -0.12, 0.0, 44.8, 47.0, skip=('ny',), mats={'pz': 'paving_dark'})
    # parking lot + its driveway
    mb.box('asphalt', -62, -10, -0.12, -0.02, 22.0, 40.5, skip=('ny',))
    mb.box('asphalt', -16, -10, -0.12, -0.02, 40.5, 47.0, skip=('ny',))
    # Markings stand 1 and 2 cm above the asphalt (top at -0.02): at a few
    # millimetres they z-fought in a 24-bit depth buffer seen from across the
    # site (the browser's renderer drew the asphalt over the bays).
    ym = 0.0
    for row_z0, row_z1 in ((22.5, 27.5), (34.5, 39.5)):
        for k in range(18):
            x = -60 + k * 2.5
            mb.quad_y('marking_white', x - 0.06, x + 0.06, row_z0, row_z1, ym)
        back = row_z0 if row_z0 < 30 else row_z1
        mb.quad_y('marking_white', -60.06, -17.44, back - 0.06, back + 0.06, ym)
    # accessible and EV bays near the forecourt (row 1, east end)
    mb.quad_y('marking_blue', -22.44, -17.56, 22.56, 27.44, ym - 0.01)
    mb.quad_y('marking_green', -27.44, -22.56, 22.56, 27.44, ym - 0.01)
    # driving arrows in the aisle
    for x in (-50, -35, -22):
        strip(mb, 'marking_white', [(x - 1.5, 31.0), (x + 1.5, 31.0)], 0.15, ym)
        strip(mb, 'marking_white', [(x + 0.7, 30.4), (x + 1.5, 31.0), (x + 0.7, 31.6)], 0.15, ym)
    # service road on the east side and yard behind the building
    mb.box('asphalt', 33, 39, -0.12, -0.02, -30.0, 47.0, skip=('ny',))
    mb.box('asphalt', 6, 33, -0.12, -0.02, -30.0, -15.3, skip=('ny',))
    strip(mb, 'marking_yellow', [(20.5, -15.5), (20.5, -22.0), (25.5, -22.0), (25.5, -15.5)], 0.12, ym)
    # forecourt, plaza and path to the street
    mb.box('paving', -30.6, 30.6, -0.12, 0.0, 15.0, 21.0, skip=('ny',))
    mb.box('paving', -10.0, 10.0, -0.12, 0.0, 21.0, 26.5, skip=('ny',))
    mb.box('paving', -1.6, 1.6, -0.12, 0.0, 26.5, 44.8, skip=('ny',))
    mb.box('paving_dark', -6.0, 6.0, 0.0, 0.004, 15.3, 19.6, skip=('ny',))        # entrance apron under canopy
    # pavement strip around the other three sides
    mb.box('paving', -32.0, -30.0, -0.12, 0.0, -17.0, 15.0, skip=('ny',))
    mb.box('paving', -32.0, 6.0, -0.12, 0.0, -17.0, -15.0, skip=('ny',))
    mb.box('paving', 30.0, 32.0, -0.12, 0.0, -15.0, 15.0, skip=('ny',))
    # zebra crossing on the driveway between parking and forecourt
    for i in range(5):
        z = 21.6 + i * 0.9
        mb.quad_y('marking_white', -15.6, -10.4, z, z + 0.45, ym)
    # totem sign at the plaza
    vs, fs, tw, th = text_geom('TWIN', 0.9, extrude=0.03)
    tx, tz = 4.4, 43.4
    mb.box('clad', tx - 0.8, tx + 0.8, -0.05, 3.2, tz - 0.4, tz, skip=('ny',))
    mb.box('concrete_precast', tx - 1.0, tx + 1.0, -0.05, 0.1, tz - 0.6, tz + 0.2, skip=('ny',))
    mb.add('teal', vs, fs, lambda p: (tx + p[0], 2.5 + p[1], tz + 0.03 + p[2]))
    for line, y, sz in (('Mines Saint-Étienne', 1.75, 0.16), ('Technological way', 1.45, 0.13), ('for industry', 1.25, 0.13)):
        vs, fs, tw, th = text_geom(line, sz)
        mb.add('sign_text', vs, fs, lambda p, y=y: (tx + p[0], y + p[1], tz + 0.005))
    obj_from_builder('site_ground', mb, root)

    # trees (linked duplicates of two meshes)
    trees = []
    for x in range(-66, 67, 9):
        if -18 < x < -8 or -4 < x < 7 or 30 < x < 42:
            continue
        trees.append(('tree_round', x, 42.8))
    for z in range(-40, 42, 8):
        trees.append(('tree_conifer' if (z // 8) % 2 else 'tree_round', -66.5, z))
    for x, z in ((-56, -36), (-44, -38), (-31, -36), (-18, -39), (-6, -36), (-50, -26), (-38, -27), (-24, -28),
                 (-12, -26), (47, -38), (56, -30), (62, -40), (50, -18), (60, -8), (48, 2), (62, 10),
                 (50, 20), (60, 30), (47, 36), (-40, 18), (-52, 17), (-28, 18.5), (18, 31), (26, 36), (12, 38),
                 (22, 24), (-64, 46), (66, 46), (-62, -43)):
        trees.append(('tree_conifer' if (x + z) % 3 == 0 else 'tree_round', x, z))
    for i, (k, x, z) in enumerate(trees):
        place(k, root, (x, ground_y(x, z), z), yaw=(i * 47) % 360, scale=0.85 + 0.3 * ((i * 37) % 10) / 10)
    # parked cars (4 colour variants, each one mesh)
    cars = [(-58.75, 25, 180, 'car_white'), (-53.75, 25, 180, 'car_grey'), (-51.25, 25, 180, 'car_blue'),
            (-43.75, 25, 180, 'car_white'), (-38.75, 25, 180, 'car_red'), (-36.25, 25, 180, 'car_grey'),
            (-31.25, 25, 180, 'car_white'), (-26.25, 25, 180, 'car_grey'), (-18.75, 25, 180, 'car_blue'),
            (-56.25, 37, 0, 'car_grey'), (-48.75, 37, 0, 'car_white'), (-41.25, 37, 0, 'car_blue'),
            (-33.75, 37, 0, 'car_grey'), (-23.75, 37, 0, 'car_white'), (-21.25, 37, 0, 'car_red')]
    for x, z, yaw, k in cars:
        place(k, root, (x, -0.02, z), yaw)
    # lamp posts
    for x, z, yaw in ((-55, 31, 0), (-40, 31, 0), (-25, 31, 0), (-2.4, 29, 90), (2.4, 37, -90),
                      (-12, 20.6, 180), (12, 20.6, 180), (36.2, 10, -90), (36.2, -10, -90), (36.2, 30, -90)):
        place('lamp_post', root, (x, ground_y(x, z), z), yaw)
    for x in (-8.5, -5.0, 5.0, 8.5):
        place('bollard', root, (x, 0.0, 21.6))
    # plaza furniture
    for x, z, yaw in ((-7.0, 24.0, 0), (-3.5, 24.0, 0), (7.5, 23.0, -90), (5.0, 25.4, 180)):
        place('bench', root, (x, ground_y(x, z), z), yaw)
    for x, z in ((-8.4, 25.4), (8.4, 25.4), (-20.0, 17.8), (20.0, 17.8)):
        place('planter', root, (x, ground_y(x, z), z))
    place('bike_rack', root, (-24.0, 0.0, 19.4))
    place('bike_rack', root, (24.0, 0.0, 19.4))


# ---------------------------------------------------------------------------
# storeys
# ---------------------------------------------------------------------------

def core_walls(mb, f, y0, y1):
    """Stairwell, lift shaft, WC and technical room walls (same on each storey)."""
    # stair/lift side wall and lift shaft
    wall(mb, 'z', ST_X1 + TI / 2, TI, ST_Z_BACK, ST_Z_TOP, y0, y1)
    wall(mb, 'x', -2.1, TI, ST_X1 + TI, 5.9, y0, y1,
         [(-1.85, -0.85, y0, y0 + 2.1, 'lift'), (1.0, 1.9, y0, y0 + 2.1, 'door'), (3.95, 4.85, y0, y0 + 2.1, 'door')])
    wall(mb, 'z', -0.1, TI, ST_Z_BACK, -2.2, y0, y1)
    wall(mb, 'x', -4.9, TI, ST_X1 + TI, -0.2, y0, y1)
    # back wall of stair + WCs (plant room behind, reached from outside on the ground floor)
    wall(mb, 'x', ST_Z_BACK - TI / 2, TI, ST_X0, 5.9, y0, y1)
    # partition between the two WCs
    wall(mb, 'z', 2.95, 0.1, ST_Z_BACK, -2.2, y0, y1)


def stairs(mb, f):
    """Dog-leg stair from floor f to f+1 (two flights, landing at mid height)."""
    e0, e1 = ELEV[f], ELEV[f + 1]
    n = 30 if f == 0 else 22
    rise = (e1 - e0) / n
    half = n // 2
    tread = 0.28
    zA = flight(mb, ST_X0, ST_MID0, ST_Z_TOP, -1, e0, rise, half, tread)
    yl = e0 + half * rise
    mb.box('stair', ST_X0, ST_X1, yl - 0.2, yl, ST_Z_BACK, zA, mats={'py': 'stair'})
    # flight B climbs back towards +z from the landing
    flight(mb, ST_MID1, ST_X1, zA, +1, yl, rise, n - half, tread)
    # central wall between flights (full storey height) with handrails on both faces
    mb.box('wall_white', ST_MID0, ST_MID1, e0, e1, zA, ST_Z_TOP, skip=('ny',))
    for xr, sgn in ((ST_MID0 - 0.04, -1), (ST_MID1 + 0.04, 1)):
        if sgn < 0:
            beam(mb, 'steel', (xr, e0 + 0.9, ST_Z_TOP + 0.2), (xr, yl + 0.9, zA), 0.05, 0.05)
        else:
            beam(mb, 'steel', (xr, yl + 0.9, zA), (xr, e1 + 0.9, ST_Z_TOP), 0.05, 0.05)
    # handrails on the outer walls
    beam(mb, 'steel', (ST_X0 + 0.05, e0 + 0.9, ST_Z_TOP), (ST_X0 + 0.05, yl + 0.9, zA), 0.05, 0.05)
    beam(mb, 'steel', (ST_X1 - 0.05, yl + 0.9, zA), (ST_X1 - 0.05, e1 + 0.9, ST_Z_TOP), 0.05, 0.05)


def slab(mb, f, x0, x1, z0, z1, holes=(), top_mat='concrete'):
    e = ELEV[f]
    for a0, a1, b0, b1 in rect_minus_holes(x0, x1, z0, z1, list(holes)):
        mb.box('concrete', a0, a1, e - SLAB, e - 0.01, b0, b1, mats={'py': top_mat, 'ny': 'ceiling_white'})


STAIR_HOLE = (ST_X0, ST_X1, ST_Z_BACK, ST_Z_TOP)
LIFT_HOLE = (LIFT_X0, LIFT_X1, LIFT_Z0, LIFT_Z1)


def front_central(mb, f):
    """Glazed central lantern (x -6..6) of the main facade for storey f, with the
    protruding anthracite portal."""
    y0, y1 = (ELEV[f] if f else -0.05), TOP[f]
    x0 = -6.0 if f < 2 else F2X0 + TE
    mull = [x0 + 0.04] + [-4.5, -3.0, -1.5, 1.5, 3.0, 4.5] + [5.96]
    c = BZ1 - 0.15
    if f == 0:
        door = (-1.5, 1.5, 0.0, 2.7)
        curtain(mb, 'x', c, x0, 6.0, 0.0, y1, mull, [2.7], spandrel=(y1 - 0.45, y1), skip_cells=[door])
        # sliding entrance doors, half open
        for sx in (-1, 1):
            a, b = (-2.3, -0.6) if sx < 0 else (0.6, 2.3)
            zc = c - 0.14
            mb.box('frame_light', a, b, 0.0, 0.06, zc - 0.03, zc + 0.03)
            mb.box('frame_light', a, b, 2.6, 2.66, zc - 0.03, zc + 0.03)
            mb.box('frame_light', a, a + 0.06, 0.06, 2.6, zc - 0.03, zc + 0.03)
            mb.box('frame_light', b - 0.06, b, 0.06, 2.6, zc - 0.03, zc + 0.03)
            mb.poly('glass', [(a + 0.06, 0.06, zc), (b - 0.06, 0.06, zc), (b - 0.06, 2.6, zc), (a + 0.06, 2.6, zc)], (0, 0, 1))
        mb.box('frame', -2.4, 2.4, 2.66, 2.7, c - 0.22, c - 0.04)       # door track
        mb.box('door_frame', -1.5, 1.5, 0.0, 0.01, c - 0.1, c + 0.1)   # threshold
    else:
        curtain(mb, 'x', c, x0, 6.0, y0, y1, mull, [y0 + 1.1], spandrel=(y1 - 0.45, y1))
    # portal (protruding frame) segments of this storey
    for xa, xb, inner in ((-6.6, -6.0, 'px'), (6.0, 6.6, 'nx')):
        mb.box('clad', xa, xb, y0, y1, BZ1 - 0.01, BZ1 + 0.8, skip=('ny',), mats={inner: 'teal_paint'})


def ext_corner_trims(mb, y0, y1, corners):
    for x, z in corners:
        mb.box('frame', x - 0.2, x + 0.2, y0, y1, z - 0.2, z + 0.2, skip=('ny',))


def ceiling_light_grid(mb, f, x0, x1, z0, z1, workshop=False):
    y = CEIL[f] - (0.6 if workshop else 0.0)
    if workshop:
        nx = max(1, int((x1 - x0) / 3.0))
        nz = max(1, int((z1 - z0) / 3.3))
        lights(mb, x0, x1, z0, z1, y, nx, nz, 2.0, 0.16)
        # suspension rods
        for i in range(nx):
            for j in range(nz):
                cx = x0 + (i + 0.5) * (x1 - x0) / nx
                cz = z0 + (j + 0.5) * (z1 - z0) / nz
                for dx in (-0.8, 0.8):
                    mb.box('steel', cx + dx - 0.006, cx + dx + 0.006, y, CEIL[f], cz - 0.006, cz + 0.006, skip=('ny', 'py'))
    else:
        nx = max(1, int((x1 - x0) / 2.4))
        nz = max(1, int((z1 - z0) / 2.4))
        lights(mb, x0, x1, z0, z1, y, nx, nz, 0.6, 0.6)


def build_floor0(root):
    f = 0
    mb = MeshBuilder()
    y0i, y1i = 0.0, CEIL[0]
    # slab on grade
    mb.box('concrete', IX0, IX1, -0.4, -0.01, IZ0, IZ1, skip=('ny',))
    # --- exterior walls -----------------------------------------------------
    ye0, ye1 = -0.4, TOP[0]
    win_front = []
    for a, b in ((-29.4, -24.3), (-23.7, -18.3), (-17.7, -12.3), (-11.7, -6.35)):
        win_front.append((a, b, 0.5, 4.2, 'window'))
    win_front_r = [(-b, -a, 0.5, 4.2, 'window') for a, b, _, _, _ in win_front]
    wall(mb, 'x', BZ1 - TE / 2, TE, BX0, -6.0, ye0, ye1, win_front, corr=+1, pier_mat='frame')
    wall(mb, 'x', BZ1 - TE / 2, TE, 6.0, BX1, ye0, ye1, sorted(win_front_r), corr=+1, pier_mat='frame')
    front_central(mb, 0)
    back = [(-28.5, -24.5, 1.0, 3.8, 'window'), (-22.5, -18.5, 1.0, 3.8, 'window'), (-16.5, -12.5, 1.0, 3.8, 'window'),
            (-10.5, -7.5, 1.0, 3.8, 'window'), (3.0, 4.2, 0.0, 2.3, 'door_ext'), (8.0, 16.5, 3.1, 4.2, 'window'),
            (18.0, 19.1, 0.0, 2.3, 'door_ext'), (21.0, 25.0, 0.0, 4.2, 'roller'), (26.5, 29.0, 3.1, 4.2, 'window')]
    wall(mb, 'x', BZ0 + TE / 2, TE, BX0, BX1, ye0, ye1, back, corr=-1, side_for_fill=-1)
    left = [(-14.0, -9.5, 1.0, 3.8, 'window'), (-7.0, -3.0, 1.0, 3.8, 'window'), (-0.6, 0.6, 0.0, 2.3, 'door_ext'),
            (9.5, 14.0, 1.0, 3.8, 'window')]
    wall(mb, 'z', BX0 + TE / 2, TE, IZ0, IZ1, ye0, ye1, left, corr=-1)
    right = [(-13.5, -3.0, 3.1, 4.2, 'window'), (-0.6, 0.6, 0.0, 2.3, 'door_ext'), (5.5, 12.0, 1.0, 3.8, 'window')]
    wall(mb, 'z', BX1 - TE / 2, TE, IZ0, IZ1, ye0, ye1, right, corr=+1)
    ext_corner_trims(mb, -0.05, TOP[0], [(BX0, BZ0), (BX1, BZ0), (BX0, BZ1), (BX1, BZ1)])
    # --- entrance canopy -----------------------------------------------------
    mb.box('clad', -5.0, 5.0, 3.9, 4.15, BZ1 + 0.0, BZ1 + 4.5, mats={'ny': 'ceiling_white'})
    for x in (-4.5, 4.5):
        mb.cylinder('frame', x, BZ1 + 4.1, 0.1, 0.0, 3.9, n=8)
    for x in (-3.0, -1.0, 1.0, 3.0):
        for z in (BZ1 + 1.2, BZ1 + 3.0):
            mb.quad_y('light_white', x - 0.15, x + 0.15, z - 0.15, z + 0.15, 3.895, up=False)
    vs, fs, tw, th = text_geom('TWIN  —  Mines Saint-Étienne', 0.26)
    mb.add('sign_text', vs, fs, lambda p: (p[0], 4.025 + p[1], BZ1 + 4.505))
    # --- interior walls ----------------------------------------------------
    iw = [(-27.5, -21.5, 1.0, 2.4, 'iwin'), (-20.0, -14.5, 1.0, 2.4, 'iwin'), (-13.0, -11.0, 0.0, 2.4, 'door')]
    wall(mb, 'x', 1.5, TI, IX0, -6.1, y0i, y1i, iw)
    wall(mb, 'x', -1.5, TI, IX0, -6.1, y0i, y1i, iw)
    iwr = sorted([(-b, -a, v0, v1, k) for a, b, v0, v1, k in iw])
    wall(mb, 'x', 1.5, TI, 6.1, IX1, y0i, y1i, iwr)
    wall(mb, 'x', -1.5, TI, 6.1, IX1, y0i, y1i, [(10.0, 12.5, 0.0, 3.0, 'door')])
    glass_partition(mb, 'z', -6.0, 1.4, IZ1, y0i, y1i)
    glass_partition(mb, 'z', 6.0, 1.4, IZ1, y0i, y1i)
    wall(mb, 'z', -6.0, TI, IZ0, -1.4, y0i, y1i)
    wall(mb, 'z', 6.0, TI, IZ0, -1.4, y0i, y1i)
    core_walls(mb, 0, y0i, y1i)
    stairs(mb, 0)
    # lift car parked on the ground floor (seen from above in cut-away views)
    mb.box('steel', LIFT_X0 + 0.1, LIFT_X1 - 0.1, 0.0, 2.4, LIFT_Z0 + 0.1, LIFT_Z1 - 0.05, skip=('ny',))
    # corridors floor finish + lights
    for xa, xb in ((IX0, -6.0), (6.0, IX1)):
        mb.quad_y('epoxy_grey', xa, xb, -1.5, 1.5, 0.0)
        lights(mb, xa, xb, -1.0, 1.0, CEIL[0], int((xb - xa) / 3), 1, 0.6, 0.6)
        strip(mb, 'marking_yellow', [(xa + 0.3, -1.25), (xb - 0.3, -1.25)], 0.08, 0.004)
        strip(mb, 'marking_yellow', [(xa + 0.3, 1.25), (xb - 0.3, 1.25)], 0.08, 0.004)
    obj_from_builder('floor_0_structure', mb, root)

    # --- zones ----------------------------------------------------------------
    zr = add_zone('zone_reception', 'Accueil — Showroom', 'Reception — Showroom', 0, (-6.0, 6.0, -2.0, IZ1),
                  'floor_hall', root, inner=(-5.9, 5.9, -2.0, IZ1))
    zm = zr['mb']
    zm.quad_y('entrance_mat', -1.8, 1.8, 12.6, 14.6, 0.004)
    strip(zm, 'marking_teal', [(-5.5, 14.2), (-5.5, -1.0)], 0.12, 0.003)
    strip(zm, 'marking_teal', [(5.5, 14.2), (5.5, -1.0)], 0.12, 0.003)
    ceiling_light_grid(zm, 0, -5.5, 5.5, -1.5, 14.5)
    p = zr['obj']
    place('reception_desk', p, (2.6, 0.0, 6.2), 0)
    place('chair_black', p, (2.0, 0.0, 5.6), 0)
    place('chair_black', p, (3.4, 0.0, 5.6), 0)
    for z in (4.5, 7.0, 9.5, 12.0):
        place('plinth', p, (-4.9, 0.0, z), 90)
    place('sofa_grey', p, (5.0, 0.0, 10.6), -90)
    place('coffee_table', p, (3.9, 0.0, 10.6), 90)
    place('armchair', p, (2.8, 0.0, 10.0), 90)
    place('armchair', p, (2.8, 0.0, 11.2), 90)
    for x, z in ((5.2, 14.0), (-5.3, 14.0), (0.1, -1.5), (-2.2, 1.5)):
        place('plant', p, (x, 0.0, z))
    sign(zr, 'Accueil — Showroom', (2.9, 3.3, -2.0), 0, size=0.5)
    view(zr, (0.0, 1.65, 13.5), (0.0, 1.5, 0.0), 'from_entrance')
    view(zr, (4.5, 1.65, -0.8), (-3.0, 1.2, 10.0), 'towards_facade')
    zr['entry']['entrance'] = {'position': [0.0, 0.0, 15.0], 'facing': [0, 0, 1], 'width': 3.0}

    # additive manufacturing
    za = add_zone('zone_additive', 'Fabrication additive', 'Additive manufacturing', 0, (IX0, -6.0, 1.5, IZ1),
                  'epoxy_green', root, inner=(IX0, -6.1, 1.6, IZ1))
    zm, p = za['mb'], za['obj']
    ceiling_light_grid(zm, 0, IX0 + 0.5, -6.5, 2.0, 14.2, workshop=True)
    for i, x in enumerate((-27.6, -25.6, -23.6, -21.6)):
        place('workbench', p, (x, 0.0, 13.9), 180)
        spot(za, 'fdm_printer', x - 0.4, 0.75, 13.9, 180, 'on the bench (top at 0.75 m)')
        spot(za, 'fdm_printer', x + 0.4, 0.75, 13.9, 180, 'on the bench (top at 0.75 m)')
    place('workbench', p, (-19.2, 0.0, 13.9), 180)
    spot(za, 'resin_printer', -19.45, 0.75, 13.9, 180, 'on the bench; wash & cure station beside it')
    rect_line(zm, 'marking_yellow', -28.6, -18.2, 13.2, 14.55, 0.004)
    spot(za, 'sls_printer', -14.0, 0.0, 12.9, 180)
    rect_line(zm, 'marking_yellow', -15.4, -12.6, 11.8, 14.1, 0.004)
    spot(za, 'metal_lpbf_printer', -25.0, 0.0, 4.3, 0, 'with its glovebox; ATEX zone marked on the floor')
    hatch_border(zm, -27.4, -22.6, 2.2, 6.6, 0.004)
    place('safety_cabinet', p, (-21.4, 0.0, 1.95), 0)
    place('workbench', p, (-19.6, 0.0, 2.1), 0)
    place('workbench', p, (-17.6, 0.0, 2.1), 0)
    place('shelf', p, (IX0 + 0.27, 0.0, 3.3), 90)
    place('shelf', p, (IX0 + 0.27, 0.0, 5.5), 90)
    place('shelf', p, (IX0 + 0.27, 0.0, 7.7), 90)
    place('desk', p, (-11.0, 0.0, 8.0), 0)
    place('desk', p, (-9.5, 0.0, 8.0), 0)
    place('chair_black', p, (-11.0, 0.0, 8.75), 180)
    place('chair_black', p, (-9.5, 0.0, 8.75), 180)
    strip(zm, 'marking_yellow', [(-16.5, 1.9), (-16.5, 10.5), (-7.0, 10.5)], 0.1, 0.004)
    sign(za, 'Fabrication additive', (-17.0, 3.6, 1.6), 0, size=0.42)
    view(za, (-7.2, 1.65, 2.6), (-20.0, 1.0, 10.0), 'from_corridor_door')
    view(za, (-16.0, 1.65, 12.0), (-22.0, 1.0, 4.0), 'printers_and_lpbf')
    view(za, (-4.0, 1.65, 8.0), (-18.0, 1.5, 8.0), 'through_showroom_glass')

    # digital transition / industry 4.0
    zd = add_zone('zone_digital', 'Transition numérique — Industrie 4.0', 'Digital transition — Industry 4.0', 0,
                  (IX0, -6.0, IZ0, -1.5), 'epoxy_blue', root, inner=(IX0, -6.1, IZ0, -1.6))
    zm, p = zd['mb'], zd['obj']
    ceiling_light_grid(zm, 0, IX0 + 0.5, -6.5, -14.2, -2.0, workshop=True)
    spot(zd, 'industrial_robot_cell', -25.5, 0.0, -10.5, 90, 'fenced cell, 3 x 3 m, safety border on the floor')
    hatch_border(zm, -27.4, -23.6, -12.4, -8.6, 0.004)
    spot(zd, 'cobot_arm', -20.0, 0.0, -3.2, 180, 'footprint includes its own table')
    rect_line(zm, 'marking_yellow', -20.8, -19.2, -4.0, -2.4, 0.004)
    loop = rounded_loop(-21.5, -11.5, -12.5, -6.5, 1.5)
    strip(zm, 'marking_blue', loop, 0.1, 0.004)
    spot(zd, 'agv', -16.5, 0.0, -6.5, 90, 'on the blue AGV track loop (x -21.5..-11.5, z -12.5..-6.5)')
    zm.quad_y('vr_mat', -10.5, -7.5, -13.8, -10.8, 0.003)
    rect_line(zm, 'marking_teal', -10.5, -7.5, -13.8, -10.8, 0.005)
    spot(zd, 'vr_station', -9.0, 0.0, -12.3, 0, 'VR/AR corner: 3 x 3 m play area on the dark mat')
    spot(zd, 'server_rack', -6.72, 0.0, -5.0, -90, 'IoT / edge server rack against the wall')
    spot(zd, 'server_rack', -6.72, 0.0, -5.62, -90, 'second rack')
    for x in (-9.9, -8.5, -7.1):
        place('desk', p, (x, 0.0, -2.0), 180)
        place('chair_blue', p, (x, 0.0, -2.75), 0)
    place('wall_screen', p, (-6.1, 0.0, -8.6), -90)
    place('shelf', p, (IX0 + 0.27, 0.0, -8.25), 90)
    place('workbench', p, (IX0 + 0.45, 0.0, -5.0), 90)
    sign(zd, 'Transition numérique — Industrie 4.0', (-20.5, 3.6, -1.6), 180, size=0.36)
    view(zd, (-7.2, 1.65, -2.6), (-20.0, 1.0, -9.0), 'from_corridor_door')
    view(zd, (-9.0, 1.65, -13.5), (-22.0, 1.5, -4.0), 'robot_cell_and_agv')

    # prototyping and machining
    zp = add_zone('zone_machining', 'Prototypage et usinage', 'Prototyping and machining', 0, (6.0, IX1, 1.5, IZ1),
                  'epoxy_grey', root, inner=(6.1, IX1, 1.6, IZ1))
    zm, p = zp['mb'], zp['obj']
    ceiling_light_grid(zm, 0, 6.5, IX1 - 0.5, 2.0, 14.2, workshop=True)
    spot(zp, 'cnc_5axis', 26.5, 0.0, 8.0, -90, 'front towards the room (-X); safety border on the floor')
    hatch_border(zm, 24.7, 28.3, 6.0, 10.0, 0.004)
    spot(zp, 'laser_cutter', 20.0, 0.0, 13.4, 180)
    rect_line(zm, 'marking_yellow', 18.9, 21.1, 12.5, 14.3, 0.004)
    for x in (9.0, 11.5, 14.0):
        spot(zp, 'electronics_bench', x, 0.0, 13.9, 180, 'bench with its chair space in front (-Z)')
        place('chair_black', p, (x, 0.0, 12.9), 0)
    spot(zp, 'scanner_3d', 15.0, 0.0, 6.5, 0, 'turntable scanner on its stand')
    rect_line(zm, 'marking_yellow', 14.2, 15.8, 5.7, 7.3, 0.004)
    place('safety_cabinet', p, (22.0, 0.0, 1.95), 0)
    place('workbench', p, (18.0, 0.0, 2.1), 0)
    place('workbench', p, (20.0, 0.0, 2.1), 0)
    place('shelf', p, (IX1 - 0.27, 0.0, 3.4), -90)
    place('shelf', p, (IX1 - 0.27, 0.0, 13.4), -90)
    place('desk', p, (9.0, 0.0, 6.0), 0)
    place('chair_blue', p, (9.0, 0.0, 6.75), 180)
    strip(zm, 'marking_yellow', [(16.8, 1.9), (16.8, 11.2), (IX1 - 0.3, 11.2)], 0.1, 0.004)
    sign(zp, 'Prototypage et usinage', (17.0, 3.6, 1.6), 0, size=0.42)
    view(zp, (7.2, 1.65, 2.6), (22.0, 1.0, 10.0), 'from_corridor_door')
    view(zp, (22.0, 1.65, 12.5), (12.0, 1.2, 4.0), 'towards_benches')

    # stores / logistics
    zl = add_zone('zone_logistics', 'Magasin — Logistique', 'Stores — Logistics', 0, (6.0, IX1, IZ0, -1.5),
                  'concrete_floor', root, inner=(6.1, IX1, IZ0, -1.6))
    zm, p = zl['mb'], zl['obj']
    ceiling_light_grid(zm, 0, 6.5, IX1 - 0.5, -14.2, -2.0, workshop=True)
    for x in (8.1, 10.9, 13.7, 16.5):
        place('pallet_rack', p, (x, 0.0, -14.05), 0)
        place('pallet_rack', p, (x, 0.0, -9.1), 180)
        place('pallet_rack', p, (x, 0.0, -7.9), 0)
    hatch_border(zm, 20.5, 25.5, -14.5, -10.5, 0.004)
    for x, z in ((21.6, -12.0), (23.2, -12.0), (24.6, -11.4)):
        place('pallet', p, (x, 0.0, z), 0)
    strip(zm, 'marking_yellow', [(6.5, -5.8), (IX1 - 0.3, -5.8)], 0.1, 0.004)
    strip(zm, 'marking_yellow', [(18.7, -5.8), (18.7, -14.4)], 0.1, 0.004)
    sign(zl, 'Magasin — Logistique', (21.0, 3.6, -1.6), 180, size=0.36)
    view(zl, (28.6, 1.65, -2.4), (14.0, 1.2, -11.5), 'from_corridor_end')
    # door plates in the corridors
    plaque('zone_additive', 'Fabrication additive', (-10.35, 1.6, 1.4), 180)
    plaque('zone_digital', 'Transition numérique — Industrie 4.0', (-10.1, 1.6, -1.4), 0)
    plaque('zone_machining', 'Prototypage et usinage', (13.65, 1.6, 1.4), 180)
    plaque('zone_logistics', 'Magasin — Logistique', (13.2, 1.6, -1.4), 0)


def build_floor1(root):
    f = 1
    e = ELEV[1]
    mb = MeshBuilder()
    y0i, y1i = e, CEIL[1]
    slab(mb, 1, IX0, IX1, IZ0, IZ1, [STAIR_HOLE, LIFT_HOLE])
    ye0, ye1 = e, TOP[1]
    wf = [(-29.4, -22.3, 5.9, 8.1, 'window'), (-21.7, -14.3, 5.9, 8.1, 'window'), (-13.7, -6.6, 5.9, 8.1, 'window')]
    wr = [(6.6, 11.7, 5.9, 8.1, 'window'), (12.3, 17.7, 5.9, 8.1, 'window'), (18.3, 23.7, 5.9, 8.1, 'window'),
          (24.3, 29.4, 5.9, 8.1, 'window')]
    wall(mb, 'x', BZ1 - TE / 2, TE, BX0, -6.0, ye0, ye1, wf, corr=+1)
    wall(mb, 'x', BZ1 - TE / 2, TE, 6.0, BX1, ye0, ye1, wr, corr=+1)
    front_central(mb, 1)
    back = [(-29.0, -23.0, 5.9, 8.1, 'window'), (-21.0, -15.0, 5.9, 8.1, 'window'), (-13.0, -7.0, 5.9, 8.1, 'window'),
            (7.5, 11.5, 5.9, 8.1, 'window'), (13.0, 17.0, 5.9, 8.1, 'window'), (19.0, 23.0, 5.9, 8.1, 'window'),
            (25.0, 29.0, 5.9, 8.1, 'window')]
    wall(mb, 'x', BZ0 + TE / 2, TE, BX0, BX1, ye0, ye1, back, corr=-1, side_for_fill=-1)
    left = [(-13.5, -3.0, 5.9, 8.1, 'window'), (-0.8, 0.8, 5.9, 8.1, 'window'), (3.0, 13.5, 5.9, 8.1, 'window')]
    wall(mb, 'z', BX0 + TE / 2, TE, IZ0, IZ1, ye0, ye1, left, corr=-1)
    right = [(-13.5, -3.0, 5.9, 8.1, 'window'), (3.0, 13.5, 5.9, 8.1, 'window')]
    wall(mb, 'z', BX1 - TE / 2, TE, IZ0, IZ1, ye0, ye1, right, corr=+1)
    ext_corner_trims(mb, e, TOP[1], [(BX0, BZ0), (BX1, BZ0), (BX0, BZ1), (BX1, BZ1)])
    # interior walls
    doors_f = [(-24.0, -23.0, e, e + 2.1, 'door'), (-16.0, -15.0, e, e + 2.1, 'door'), (-8.0, -7.0, e, e + 2.1, 'door')]
    wall(mb, 'x', 1.5, TI, IX0, -6.1, y0i, y1i, doors_f)
    wall(mb, 'x', -1.5, TI, IX0, -21.9, y0i, y1i, [(-24.0, -23.0, e, e + 2.1, 'door')])
    glass_partition(mb, 'x', -1.5, -21.9, -14.1, y0i, y1i, doors=[(-16.2, -15.2)])
    glass_partition(mb, 'x', -1.5, -13.9, -6.1, y0i, y1i, doors=[(-8.2, -7.2)])
    for x in (-22.0, -14.0):
        wall(mb, 'z', x, TI, 1.6, IZ1, y0i, y1i)
        wall(mb, 'z', x, TI, IZ0, -1.4, y0i, y1i)
    wall(mb, 'z', -6.0, TI, 1.4, IZ1, y0i, y1i)
    wall(mb, 'z', -6.0, TI, IZ0, -1.4, y0i, y1i)
    glass_partition(mb, 'z', 6.0, 1.5, IZ1, y0i, y1i)
    wall(mb, 'z', 6.0, TI, IZ0, -2.0, y0i, y1i)
    core_walls(mb, 1, y0i, y1i)
    stairs(mb, 1)
    # incubator glass offices at the back
    glass_partition(mb, 'x', -9.0, 18.0, IX1, y0i, y1i, doors=[(20.4, 21.4), (26.4, 27.4)])
    glass_partition(mb, 'z', 18.0, IZ0, -9.0, y0i, y1i)
    glass_partition(mb, 'z', 24.0, IZ0, -9.0, y0i, y1i)
    # corridor
    mb.quad_y('floor_hall', IX0, -6.0, -1.5, 1.5, e)
    lights(mb, IX0, -6.0, -1.0, 1.0, CEIL[1], 8, 1, 0.6, 0.6)
    obj_from_builder('floor_1_structure', mb, root)

    # --- zones -----------------------------------------------------------------
    zo = add_zone('zone_lounge', 'Espace détente', 'Break area', 1, (-6.0, 6.0, -2.0, IZ1), 'wood_floor', root,
                  inner=(-5.9, 5.9, -2.0, IZ1))
    zm, p = zo['mb'], zo['obj']
    ceiling_light_grid(zm, 1, -5.5, 5.5, -1.5, 14.5)
    place('sofa', p, (-2.6, e, 13.5), 180)
    place('sofa', p, (-2.6, e, 10.1), 0)
    place('coffee_table', p, (-2.6, e, 11.8), 0)
    place('armchair', p, (2.0, e, 11.8), 90)
    place('armchair', p, (4.2, e, 11.8), -90)
    place('coffee_table', p, (3.1, e, 11.8), 90)
    place('kitchenette', p, (-5.59, e, 6.0), 90)
    for z in (4.5, 7.3):
        place('table_cafe', p, (2.8, e, z))
        place('chair_teal', p, (2.8, e, z - 0.6), 0)
        place('chair_teal', p, (2.8, e, z + 0.6), 180)
    for x, z in ((5.3, 14.1), (-5.3, 14.1), (0.1, -1.5)):
        place('plant', p, (x, e, z))
    sign(zo, 'Espace détente', (3.0, e + 2.5, -2.0), 0, size=0.32)
    view(zo, (0.0, e + 1.65, -1.2), (0.0, e + 1.0, 12.0), 'from_stair_landing')
    view(zo, (4.5, e + 1.65, 13.5), (-2.0, e + 1.2, 0.0), 'towards_core')

    rooms = [('zone_training_1', 'Salle de formation 1', 'Training room 1', -29.7, -22.1),
             ('zone_training_2', 'Salle de formation 2', 'Training room 2', -21.9, -14.1),
             ('zone_training_3', 'Salle de formation 3', 'Training room 3', -13.9, -6.1)]
    for zid, fr, en, rx0, rx1 in rooms:
        zt = add_zone(zid, fr, en, 1, (rx0, rx1, 1.6, IZ1), 'carpet_blue', root,
                      note='16 learner seats (8 tables of 2), teacher desk, whiteboard + screen')
        zm, p = zt['mb'], zt['obj']
        cx = (rx0 + rx1) / 2
        ceiling_light_grid(zm, 1, rx0 + 0.3, rx1 - 0.3, 2.0, 14.4)
        place('whiteboard', p, (cx + 0.2, e, 1.6), 0)
        place('desk', p, (cx - 2.3, e, 3.2), 180)
        place('chair_black', p, (cx - 2.3, e, 2.55), 0)
        for tz in (5.4, 7.3, 9.2, 11.1):
            for tx in (cx - 1.7, cx + 1.7):
                place('table_training', p, (tx, e, tz))
                for dx in (-0.35, 0.35):
                    place('chair_blue', p, (tx + dx, e, tz + 0.55), 180)
        place('plant', p, (rx1 - 0.5, e, 14.2))
        sign(zt, fr, (cx, e + 2.75, 1.6), 0, size=0.26)
        view(zt, (rx1 - 0.8, e + 1.65, 13.8), (cx - 0.5, e + 1.2, 2.0), 'from_back_of_room')
        view(zt, (cx + 0.6, e + 1.75, 2.3), (cx, e + 0.8, 12.0), 'from_board')

    meetings = [('zone_meeting_1', 'Salle de réunion 1', 'Meeting room 1', -13.9, -6.1),
                ('zone_meeting_2', 'Salle de réunion 2', 'Meeting room 2', -21.9, -14.1)]
    for zid, fr, en, rx0, rx1 in meetings:
        zq = add_zone(zid, fr, en, 1, (rx0, rx1, IZ0, -1.6), 'carpet_grey', root, note='10 seats')
        meeting_room(zq, rx0, rx1, IZ0, -1.6, e, fr)

    zf = add_zone('zone_offices', 'Bureaux — Équipe Twin', 'Offices — Twin team', 1, (IX0, -22.1, IZ0, -1.6),
                  'carpet_grey', root)
    zm, p = zf['mb'], zf['obj']
    ceiling_light_grid(zm, 1, IX0 + 0.3, -22.4, -14.3, -2.0)
    for x in (-27.3, -25.9, -24.5):
        for z, yaw, cz, cyaw in ((-7.75, 0, -7.0, 180), (-8.45, 180, -9.2, 0)):
            place('desk', p, (x, e, z), yaw)
            place('chair_black', p, (x, e, cz), cyaw)
    place('shelf', p, (-22.37, e, -4.2), -90)
    place('shelf', p, (-22.37, e, -12.0), -90)
    place('plant', p, (-22.7, e, -14.1))
    sign(zf, 'Bureaux — Équipe Twin', (-22.1, e + 2.5, -8.0), -90, size=0.26)
    view(zf, (-28.9, e + 1.65, -2.4), (-23.0, e + 1.3, -9.5), 'from_corner')

    zi = add_zone('zone_incubator', 'Incubateur — Coworking', 'Incubator — Coworking', 1, (6.0, IX1, IZ0, IZ1),
                  'wood_floor', root, note='open coworking, meeting table, lounge and two glazed start-up offices',
                  inner=(6.1, IX1, IZ0, IZ1))
    zm, p = zi['mb'], zi['obj']
    ceiling_light_grid(zm, 1, 6.4, IX1 - 0.3, IZ0 + 0.3, IZ1 - 0.3)
    for cx in (10.0, 14.4, 18.8):
        for cz in (5.6, 10.4):
            for dx in (-0.7, 0.7):
                place('desk', p, (cx + dx, e, cz + 0.35), 0)
                place('chair_blue', p, (cx + dx, e, cz + 1.0), 180)
                place('desk', p, (cx + dx, e, cz - 0.35), 180)
                place('chair_blue', p, (cx + dx, e, cz - 1.0), 0)
    place('sofa', p, (26.4, e, 13.6), 180)
    place('sofa', p, (26.4, e, 9.8), 0)
    place('coffee_table', p, (26.4, e, 11.7), 0)
    place('armchair', p, (24.4, e, 11.7), 90)
    place('table_meeting', p, (12.0, e, -6.0), 90)
    for x in (10.2, 11.4, 12.6, 13.8):
        place('chair_teal', p, (x, e, -6.95), 0)
        place('chair_teal', p, (x, e, -5.05), 180)
    place('whiteboard', p, (6.1, e, -5.0), 90)
    place('shelf', p, (6.37, e, -12.0), 90)
    place('shelf', p, (6.37, e, -9.8), 90)
    for ox in (18.0, 24.0):
        for dx in (1.5, 4.3):
            place('desk', p, (ox + dx, e, -13.9), 0)
            place('chair_black', p, (ox + dx, e, -13.2), 180)
    for x, z in ((29.2, 14.2), (17.5, -8.5), (23.5, -8.5), (6.6, 14.2), (29.2, 1.0)):
        place('plant', p, (x, e, z))
    sign(zi, 'Incubateur — Coworking', (8.8, e + 2.5, 0.0), 90, size=0.3, double=True, hang_to=CEIL[1])
    view(zi, (6.6, e + 1.65, -0.5), (20.0, e + 1.0, 6.0), 'from_lounge_opening')
    view(zi, (28.5, e + 1.65, 1.0), (12.0, e + 1.0, 8.0), 'across_coworking')
    view(zi, (15.0, e + 1.65, -3.0), (24.0, e + 1.2, -12.0), 'startup_offices')
    for zid, fr, en, rx0, rx1 in rooms:
        plaque(zid, fr, (rx1 - 2.55, e + 1.6, 1.4), 180)
    plaque('zone_offices', 'Bureaux — Équipe Twin', (-24.65, e + 1.6, -1.4), 0)
    plaque('zone_meeting_2', 'Salle de réunion 2', (-16.85, e + 1.6, -1.46), 0)
    plaque('zone_meeting_1', 'Salle de réunion 1', (-8.85, e + 1.6, -1.46), 0)


def meeting_room(zq, rx0, rx1, rz0, rz1, e, fr):
    zm, p = zq['mb'], zq['obj']
    f = ELEV.index(e)
    cx, cz = (rx0 + rx1) / 2, (rz0 + rz1) / 2
    ceiling_light_grid(zm, f, rx0 + 0.3, rx1 - 0.3, rz0 + 0.3, rz1 - 0.3)
    long_x = (rx1 - rx0) > (rz1 - rz0)
    if not long_x:
        place('table_meeting', p, (cx, e, cz), 0)
        for z in (-1.65, -0.55, 0.55, 1.65):
            place('chair_black', p, (cx - 0.95, e, cz + z), 90)
            place('chair_black', p, (cx + 0.95, e, cz + z), -90)
        place('chair_black', p, (cx, e, cz - 2.75), 0)
        place('chair_black', p, (cx, e, cz + 2.75), 180)
        place('wall_screen', p, (rx0, e, cz), 90)
        sign(zq, fr, (rx0, e + 2.55, cz), 90, size=0.26)
        view(zq, (rx1 - 0.6, e + 1.65, rz1 - 0.8), (cx - 1.0, e + 0.9, cz - 2.0), 'from_door')
    else:
        place('table_meeting', p, (cx, e, cz), 90)
        for x in (-1.65, -0.55, 0.55, 1.65):
            place('chair_black', p, (cx + x, e, cz - 0.95), 0)
            place('chair_black', p, (cx + x, e, cz + 0.95), 180)
        place('chair_black', p, (cx - 2.75, e, cz), 90)
        place('chair_black', p, (cx + 2.75, e, cz), -90)
        place('wall_screen', p, (rx0, e, cz), 90)
        sign(zq, fr, (rx0, e + 2.55, cz), 90, size=0.26)
        view(zq, (rx1 - 0.8, e + 1.65, rz1 - 0.8), (cx - 2.0, e + 0.9, cz), 'from_door')
    place('plant', p, (rx1 - 0.5, e, rz0 + 0.5))


def build_floor2(root):
    f = 2
    e = ELEV[2]
    mb = MeshBuilder()
    y0i, y1i = e, CEIL[2]
    slab(mb, 2, F2X0, F2X1, IZ0, IZ1, [STAIR_HOLE, LIFT_HOLE])
    ye0, ye1 = e, TOP[2]
    # exterior walls of the partial top storey
    wall(mb, 'x', BZ1 - TE / 2, TE, 6.0, F2X1 - TE, ye0, ye1, [], corr=+1)
    front_central(mb, 2)
    wall(mb, 'x', BZ0 + TE / 2, TE, F2X0 + TE, F2X1 - TE, ye0, ye1, [(11.5, 16.5, 9.7, 11.9, 'window')], corr=-1,
         side_for_fill=-1)
    wall(mb, 'z', F2X0 + TE / 2, TE, BZ0, BZ1, ye0, ye1, [(2.5, 13.5, 9.7, 11.9, 'window')], corr=-1)
    wall(mb, 'z', F2X1 - TE / 2, TE, BZ0, BZ1, ye0, ye1, [(-13.5, -2.5, 9.7, 11.9, 'window'), (2.5, 13.5, 9.7, 11.9, 'window')],
         corr=+1)
    ext_corner_trims(mb, e, TOP[2], [(F2X0, BZ0), (F2X1, BZ0), (F2X0, BZ1), (F2X1, BZ1)])
    # TWIN letters (teal, emissive, extruded) and baseline on the front of the top storey
    vs, fs, tw, th = text_geom('TWIN', 3.4, res=3, extrude=0.1)
    mb.add('teal', vs, fs, lambda p: (12.3 + p[0], 11.05 + p[1], BZ1 + 0.045 + 0.1 + p[2]))
    vs, fs, tw, th = text_geom('Technological way for industry', 0.42, res=2)
    mb.add('sign_text', vs, fs, lambda p: (12.3 + p[0], 9.3 + p[1], BZ1 + 0.06))
    # interior walls
    wall(mb, 'x', 1.5, TI, 6.1, F2X1 - TE, y0i, y1i, [(8.0, 9.6, e, e + 2.1, 'door'), (15.4, 16.4, e, e + 2.1, 'door')])
    glass_partition(mb, 'x', -1.5, 6.1, F2X1 - TE, y0i, y1i, doors=[(8.0, 9.0)])
    wall(mb, 'z', 6.0, TI, 1.4, IZ1, y0i, y1i)
    wall(mb, 'z', 6.0, TI, IZ0, -1.4, y0i, y1i)
    core_walls(mb, 2, y0i, y1i)
    # stair void guard on the top storey
    glass_partition(mb, 'x', ST_Z_TOP + 0.04, ST_X0, ST_MID0, y0i, y1i, height=1.0)
    mb.box('wall_white', ST_MID0, ST_MID1, e, e + 1.05, ST_Z_TOP - 10 * 0.28, ST_Z_TOP, skip=('ny',))
    mb.quad_y('floor_hall', 6.0, F2X1 - TE, -1.5, 1.5, e)
    lights(mb, 6.0, F2X1 - TE, -1.0, 1.0, CEIL[2], 4, 1, 0.6, 0.6)
    obj_from_builder('floor_2_structure', mb, root)

    zc = add_zone('zone_cafeteria', 'Cafétéria', 'Cafeteria', 2, (F2X0 + TE, 6.0, -2.0, IZ1), 'wood_floor', root,
                  inner=(F2X0 + TE, 5.9, -2.0, IZ1))
    zm, p = zc['mb'], zc['obj']
    ceiling_light_grid(zm, 2, -5.5, 5.5, -1.5, 14.5)
    for x in (-3.4, -0.4):
        for z in (4.5, 8.0, 11.5):
            place('table_cafe', p, (x, e, z))
            place('chair_teal', p, (x, e, z - 0.6), 0)
            place('chair_teal', p, (x, e, z + 0.6), 180)
            place('chair_black', p, (x - 0.6, e, z), 90)
            place('chair_black', p, (x + 0.6, e, z), -90)
    place('kitchenette', p, (5.59, e, 7.0), -90)
    for x, z in ((5.3, 14.1), (-5.3, 14.1), (3.0, 1.0)):
        place('plant', p, (x, e, z))
    sign(zc, 'Cafétéria', (3.0, e + 2.5, -2.0), 0, size=0.32)
    view(zc, (0.0, e + 1.65, -1.2), (-1.5, e + 1.0, 12.0), 'from_stair_landing')

    zk = add_zone('zone_conference', 'Salle de conférence', 'Conference room', 2, (6.1, F2X1 - TE, 1.6, IZ1),
                  'carpet_blue', root, note='50 seats facing the projection screen on the front wall')
    zm, p = zk['mb'], zk['obj']
    ceiling_light_grid(zm, 2, 6.4, F2X1 - 0.6, 1.9, 14.4)
    zm.box('screen_black', 9.8, 14.2, e + 0.85, e + 3.2, IZ1 - 0.05, IZ1)
    zm.box('whiteboard', 9.9, 14.1, e + 0.95, e + 3.1, IZ1 - 0.06, IZ1 - 0.05, skip=('ny',))
    place('lectern', p, (8.6, e, 13.0), 180)
    for z in (10.6, 9.4, 8.2, 7.0, 5.8):
        for x in (7.6, 8.2, 8.8, 9.4, 10.0, 13.9, 14.5, 15.1, 15.7, 16.3):
            place('chair_blue', p, (x, e, z), 0)
    sign(zk, 'Salle de conférence', (6.1, e + 2.55, 8.0), 90, size=0.28)
    view(zk, (17.0, e + 1.65, 2.3), (11.5, e + 1.5, 14.0), 'from_back_row')

    zq = add_zone('zone_meeting_3', 'Salle de réunion 3', 'Meeting room 3', 2, (6.1, F2X1 - TE, IZ0, -1.6), 'carpet_grey',
                  root, note='10 seats')
    meeting_room(zq, 6.1, F2X1 - TE, IZ0, -1.6, e, 'Salle de réunion 3')
    plaque('zone_conference', 'Salle de conférence', (10.25, e + 1.6, 1.4), 180)
    plaque('zone_meeting_3', 'Salle de réunion 3', (9.65, e + 1.6, -1.46), 0)


def build_roof(root):
    mb = MeshBuilder()
    top = TOP[1]
    # low roofs either side of the top storey
    for xa, xb in ((IX0, F2X0), (F2X1, IX1)):
        mb.box('concrete', xa, xb, top - SLAB, top, IZ0, IZ1, mats={'py': 'roof_membrane', 'ny': 'ceiling_white'})
    # high roof
    mb.box('concrete', F2X0 + TE, F2X1 - TE, TOP[2] - SLAB, TOP[2], IZ0, IZ1,
           mats={'py': 'roof_membrane', 'ny': 'ceiling_white'})

    def parapet(axis, c, a0, a1, y0, y1, side):
        wall(mb, axis, c, TE, a0, a1, y0, y1, [], m_pos='roof_parapet', m_neg='roof_parapet', corr=side)
        wbox(mb, axis, a0 - (0.05 if a0 in (BX0, F2X0) else 0), a1 + (0.05 if a1 in (BX1, F2X1) else 0), y1, y1 + 0.06,
             c - TE / 2 - 0.05, c + TE / 2 + 0.05, 'coping', skip_bottom=False)

    yl0, yl1 = top, PARAPET_LOW
    parapet('x', BZ1 - TE / 2, BX0, F2X0, yl0, yl1, +1)
    parapet('x', BZ0 + TE / 2, BX0, F2X0, yl0, yl1, -1)
    parapet('z', BX0 + TE / 2, IZ0, IZ1, yl0, yl1, -1)
    parapet('x', BZ1 - TE / 2, F2X1, BX1, yl0, yl1, +1)
    parapet('x', BZ0 + TE / 2, F2X1, BX1, yl0, yl1, -1)
    parapet('z', BX1 - TE / 2, IZ0, IZ1, yl0, yl1, +1)
    yh0, yh1 = TOP[2], PARAPET_HIGH
    parapet('x', BZ1 - TE / 2, 6.6, F2X1, yh0, yh1, +1)
    parapet('x', BZ0 + TE / 2, F2X0, F2X1, yh0, yh1, -1)
    parapet('z', F2X0 + TE / 2, IZ0, IZ1, yh0, yh1, -1)
    parapet('z', F2X1 - TE / 2, IZ0, IZ1, yh0, yh1, +1)
    # portal head over the glazed lantern
    mb.box('clad', -6.6, 6.6, TOP[2], PARAPET_HIGH + 0.1, BZ1 - TE, BZ1 + 0.8, mats={'ny': 'teal_paint'})
    ext_corner_trims(mb, top, PARAPET_LOW, [(BX0, BZ0), (BX1, BZ0), (BX0, BZ1), (BX1, BZ1)])
    ext_corner_trims(mb, TOP[2], PARAPET_HIGH, [(F2X0, BZ0), (F2X1, BZ0), (F2X1, BZ1)])
    # lift overrun
    mb.box('clad', ST_X1, 0.0, TOP[2], TOP[2] + 1.5, -5.0, -2.0, skip=('ny',))
    # roof hatch above the stair
    mb.box('roof_parapet', -5.4, -4.4, TOP[2], TOP[2] + 0.5, -6.5, -5.5, skip=('ny',))
    obj_from_builder('roof_structure', mb, root)
    # PV rows on the west low roof, air handling units elsewhere
    for x in (-23.4, -12.6):
        for k in range(9):
            place('solar_row', root, (x, top, -11.6 + k * 2.9), 0)
    for x, z in ((24.0, -8.0), (24.0, 5.0)):
        place('hvac_unit', root, (x, top, z), 90)
    place('hvac_unit', root, (10.0, TOP[2], -9.0), 0)


# ---------------------------------------------------------------------------
# main
# ---------------------------------------------------------------------------

def finalize_zones():
    for z in ZONES.values():
        if not z['mb'].empty():
            obj_from_builder(z['entry']['id'] + '_details', z['mb'], z['obj'])


def count_tris():
    total = 0
    for ob in bpy.data.objects:
        if ob.type == 'MESH':
            total += sum(len(p.vertices) - 2 for p in ob.data.polygons)
    return total


def main():
    global COLL
    bpy.ops.wm.read_factory_settings(use_empty=True)
    COLL = bpy.context.scene.collection
    build_protos()
    roots = {}
    for name in ('site', 'floor_0', 'floor_1', 'floor_2', 'roof'):
        roots[name] = empty(name)
    build_site(roots['site'])
    build_floor0(roots['floor_0'])
    build_floor1(roots['floor_1'])
    build_floor2(roots['floor_2'])
    build_roof(roots['roof'])
    finalize_zones()
    # remove omitted top-level nodes (cut-away copies)
    for name in OMIT:
        root = roots[name]
        for ob in [root] + list(root.children_recursive):
            bpy.data.objects.remove(ob)
    # make sure nothing unused is exported
    for me in list(bpy.data.meshes):
        if me.users == 0:
            bpy.data.meshes.remove(me)
    tris = count_tris()
    print('TWIN: objects %d, meshes %d, triangles (instanced, as drawn) %d' %
          (len(bpy.data.objects), len(bpy.data.meshes), tris))
    os.makedirs(os.path.dirname(OUT), exist_ok=True)
    bpy.ops.export_scene.gltf(filepath=OUT, export_format='GLB', export_yup=True, export_apply=True,
                              export_texcoords=False, export_normals=True, export_tangents=False,
                              export_materials='EXPORT', export_cameras=False, export_lights=False,
                              export_extras=False, use_selection=False, export_animations=False)
    if BLEND_OUT:
        bpy.ops.wm.save_as_mainfile(filepath=os.path.abspath(BLEND_OUT))
    if WRITE_LAYOUT:
        LAYOUT['floors'] = [
            {'id': 'floor_0', 'node': 'floor_0', 'elevation': ELEV[0], 'height': round(TOP[0] - ELEV[0], 3),
             'ceiling': round(CEIL[0], 3), 'name_fr': 'Rez-de-chaussée — plateformes', 'name_en': 'Ground floor — platforms',
             'extent': {'x': [BX0, BX1], 'z': [BZ0, BZ1]}},
            {'id': 'floor_1', 'node': 'floor_1', 'elevation': ELEV[1], 'height': round(TOP[1] - ELEV[1], 3),
             'ceiling': round(CEIL[1], 3), 'name_fr': '1er étage — formation et incubateur',
             'name_en': 'First floor — training and incubator', 'extent': {'x': [BX0, BX1], 'z': [BZ0, BZ1]}},
            {'id': 'floor_2', 'node': 'floor_2', 'elevation': ELEV[2], 'height': round(TOP[2] - ELEV[2], 3),
             'ceiling': round(CEIL[2], 3), 'name_fr': '2e étage (partiel) — conférence et cafétéria',
             'name_en': 'Second floor (partial) — conference and cafeteria',
             'extent': {'x': [F2X0, F2X1], 'z': [BZ0, BZ1]}},
        ]
        LAYOUT['roof'] = {'node': 'roof', 'low_roof_y': TOP[1], 'high_roof_y': TOP[2]}
        LAYOUT['site'] = {'node': 'site', 'ground_y': -0.05, 'forecourt_y': 0.0,
                          'parking': {'rect_xz': [-62.0, -10.0, 22.0, 40.5], 'bays': 68}}
        LAYOUT['entrance'] = {'position': [0.0, 0.0, BZ1], 'outside': [0.0, 0.0, BZ1 + 3.0],
                              'facing': [0.0, 0.0, 1.0], 'door_width': 3.0, 'canopy_y': 3.9}
        LAYOUT['stairs'] = [{
            'id': 'stair_main', 'type': 'dog-leg, two flights per storey',
            'footprint': rect_poly_ccw(ST_X0, ST_X1, ST_Z_BACK, ST_Z_TOP),
            'floors': ['floor_0', 'floor_1', 'floor_2'],
            'start': {'floor_0': [round((ST_X0 + ST_MID0) / 2, 3), 0.0, ST_Z_TOP],
                      'floor_1': [round((ST_X0 + ST_MID0) / 2, 3), ELEV[1], ST_Z_TOP]},
            'arrival': {'floor_1': [round((ST_MID1 + ST_X1) / 2, 3), ELEV[1], ST_Z_TOP],
                        'floor_2': [round((ST_MID1 + ST_X1) / 2, 3), ELEV[2], ST_Z_TOP]},
            'risers': {'floor_0': 30, 'floor_1': 22}, 'tread_m': 0.28,
            'viewpoints': [{'name': 'stair_from_hall', 'eye': [-0.8, 1.65, 1.5], 'target': [-4.5, 1.8, -5.0]},
                           {'name': 'stair_floor_1', 'eye': [-0.8, 6.65, 1.0], 'target': [-4.5, 6.5, -5.0]}]}]
        LAYOUT['lifts'] = [{
            'id': 'lift_main', 'footprint': rect_poly_ccw(LIFT_X0, LIFT_X1, LIFT_Z0, LIFT_Z1),
            'doors': [{'floor': 'floor_%d' % i, 'position': [-1.35, ELEV[i], -2.0], 'facing': [0, 0, 1],
                       'width': 1.0, 'height': 2.1} for i in range(3)]}]
        LAYOUT['exterior_viewpoints'] = [
            {'name': 'overview', 'eye': [62.0, 48.0, 85.0], 'target': [-4.0, 2.0, 8.0]},
            {'name': 'aerial_southwest', 'eye': [-85.0, 55.0, 70.0], 'target': [0.0, 0.0, 5.0]},
            {'name': 'entrance_approach', 'eye': [0.0, 1.7, 40.0], 'target': [0.0, 5.0, 15.0]},
            {'name': 'entrance_close', 'eye': [6.0, 1.7, 24.0], 'target': [-1.0, 3.0, 15.0]},
            {'name': 'parking', 'eye': [-45.0, 1.7, 42.0], 'target': [-10.0, 4.0, 10.0]},
            {'name': 'back_yard', 'eye': [36.0, 6.0, -32.0], 'target': [15.0, 4.0, -15.0]},
        ]
        LAYOUT['triangles'] = tris
        with open(LAYOUT_OUT, 'w', encoding='utf-8') as fh:
            json.dump(LAYOUT, fh, ensure_ascii=False, indent=1)
            fh.write('\n')
        print('TWIN: wrote', LAYOUT_OUT)
    print('TWIN: wrote', OUT, os.path.getsize(OUT), 'bytes')


main()
