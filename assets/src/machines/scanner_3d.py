"""Structured-light 3D scanner on a tripod, aimed at a turntable on a pedestal with a
part being scanned, ~1.0 x 1.3 x 1.5 m."""

import math

from common import (Machine, box, box_z, cyl, lathe, sphere, tube)


def build():
    m = Machine("scanner_3d")
    M = m.mats

    # ---------------- tripod (behind, scanner looking forward -Y and down) ----------------
    tx, ty = 0.0, 0.42
    hub_z = 0.78
    legs = []
    for k in range(3):
        a = math.radians(90 + 120 * k)
        fx, fy = tx + 0.48 * math.cos(a), ty + 0.48 * math.sin(a)
        hx, hy = tx + 0.05 * math.cos(a), ty + 0.05 * math.sin(a)
        legs.append(tube(M.aluminium_dark, [(hx, hy, hub_z), (fx, fy, 0.02)], 0.014, n=8, sub=1))
        legs.append(tube(M.aluminium_brushed, [(hx + (fx - hx) * 0.45, hy + (fy - hy) * 0.45, hub_z - 0.45 * hub_z),
                                               (fx, fy, 0.03)], 0.01, n=8, sub=1))
        legs.append(sphere(M.rubber_black, 0.02, (fx, fy, 0.02), n=8, rings=5))
        # spreader strut to the centre column
        legs.append(tube(M.aluminium_dark, [(tx, ty, hub_z - 0.35), (hx + (fx - hx) * 0.4, hy + (fy - hy) * 0.4,
                                                                     hub_z - 0.4 * (hub_z - 0.02))], 0.006, n=6, sub=1))
    legs.append(cyl(M.plastic_black, 0.06, 0.08, (tx, ty, hub_z), n=16, bevel=0.01))
    m.part("tripod", legs)
    col_top = hub_z + 0.5
    m.part("center_column", [
        cyl(M.aluminium_brushed, 0.018, col_top - hub_z + 0.38, (tx, ty, (col_top + hub_z - 0.38) / 2), n=12),
        cyl(M.plastic_black, 0.03, 0.04, (tx, ty, hub_z + 0.06), n=12),
    ])
    head_c = (tx, ty, col_top + 0.04)
    m.part("tripod_head", [
        cyl(M.plastic_black, 0.04, 0.05, (tx, ty, col_top + 0.005), n=16, bevel=0.006),
        box(M.plastic_black, (0.06, 0.06, 0.05), head_c, bevel=0.01),
        tube(M.plastic_black, [(tx + 0.03, ty, col_top + 0.04), (tx + 0.12, ty + 0.16, col_top - 0.06)], 0.008, n=6, sub=1),
    ])

    # scanner head: bar with two cameras and a projector, tilted down towards the turntable
    tilt = (-28, 0, 0)
    sc = (tx, ty - 0.01, col_top + 0.11)
    from mathutils import Euler, Vector
    R = Euler([math.radians(a) for a in tilt], "XYZ").to_matrix()

    def at(dx, dy, dz):
        return tuple(Vector(sc) + R @ Vector((dx, dy, dz)))

    scanner = m.part("scanner_head", [
        box(M.paint_anthracite, (0.42, 0.09, 0.075), sc, bevel=0.018, segs=2, rot=tilt),
        box(M.twin_teal, (0.3, 0.004, 0.012), at(0, -0.046, -0.026), rot=tilt, bevel=0),
        box(M.plastic_black, (0.09, 0.05, 0.05), at(0, 0.055, -0.0), rot=tilt, bevel=0.008),
        cyl(M.led_green, 0.004, 0.004, at(0.15, -0.046, 0.026), axis="-Y", rot=tilt, n=8),
    ], pivot=sc)
    for name, dx in (("camera_left", -0.16), ("camera_right", 0.16)):
        m.part(name, [
            cyl(M.plastic_black, 0.026, 0.03, at(dx, -0.055, 0), axis="-Y", rot=tilt, n=16),
            cyl(M.glass_smoked, 0.018, 0.004, at(dx, -0.071, 0), axis="-Y", rot=tilt, n=16),
        ], parent=scanner, pivot=at(dx, -0.05, 0))
    m.part("projector", [
        cyl(M.plastic_black, 0.022, 0.02, at(0, -0.052, 0.005), axis="-Y", rot=tilt, n=16),
        cyl(M.led_blue, 0.016, 0.004, at(0, -0.063, 0.005), axis="-Y", rot=tilt, n=16),
    ], parent=scanner, pivot=at(0, -0.05, 0))
    m.part("scanner_cable", tube(M.cable_black, [at(0, 0.08, 0), (tx + 0.02, ty + 0.08, col_top - 0.05),
                                                 (tx + 0.03, ty + 0.03, hub_z + 0.1), (tx + 0.05, ty + 0.02, hub_z - 0.1),
                                                 (tx + 0.3, ty + 0.2, 0.01)], 0.005, n=6, sub=4))

    # ---------------- pedestal with turntable ----------------
    px, py = 0.0, -0.38
    ph = 0.8
    m.part("pedestal", [
        cyl(M.paint_anthracite, 0.22, 0.03, (px, py, 0.015), n=24, bevel=0.008),
        cyl(M.paint_white, 0.06, ph - 0.06, (px, py, 0.03 + (ph - 0.06) / 2), n=16),
        box_z(M.paint_white, (0.46, 0.46, 0.03), px, py, ph - 0.03, bevel=0.008, segs=2),
    ])
    tt = m.part("turntable", [
        cyl(M.plastic_black, 0.17, 0.04, (px, py, ph + 0.02), n=32, bevel=0.008, segs=2),
        cyl(M.plastic_dark_grey, 0.15, 0.006, (px, py, ph + 0.043), n=32),
    ] + [cyl(M.plastic_white, 0.007, 0.002, (px + 0.12 * math.cos(a), py + 0.12 * math.sin(a), ph + 0.047), n=8)
         for a in [2 * math.pi * k / 10 for k in range(10)]], pivot=(px, py, ph + 0.046))
    # scanned part: a small turbine-like housing
    m.part("scan_object", [
        lathe(M.plastic_light_grey, [(0.0, 0.0), (0.07, 0.0), (0.07, 0.02), (0.05, 0.04), (0.05, 0.1),
                                     (0.065, 0.12), (0.03, 0.14), (0.0, 0.14)], (px, py, ph + 0.046), n=24),
    ] + [box(M.plastic_light_grey, (0.012, 0.05, 0.07), (px + 0.06 * math.cos(a), py + 0.06 * math.sin(a), ph + 0.1),
             rot=(0, 0, math.degrees(a) + 90), bevel=0.002) for a in [2 * math.pi * k / 6 for k in range(6)]],
           parent=tt, pivot=(px, py, ph + 0.046))
    m.part("turntable_cable", tube(M.cable_black, [(px + 0.16, py, ph + 0.01), (px + 0.24, py, ph - 0.05),
                                                   (px + 0.06, py + 0.02, ph - 0.3), (px + 0.1, py + 0.2, 0.01),
                                                   (tx + 0.3, ty + 0.2, 0.01)], 0.004, n=6, sub=3))
    return m
