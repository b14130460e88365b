"""CO2 laser cutter / engraver on its stand, with a tinted lid window, control panel and
an extraction duct to a filter unit, ~1.5 x 0.95 x 1.05 m.

Also exported as OBJ + MTL (legacy-format check), so it uses plain material factors
only: no textures."""

import math

from mathutils import Euler, Matrix, Vector

from common import (Machine, box, box_z, cyl, emergency_stop, frame_panel, make_material, prism,
                    tube, warning_triangle)


def build():
    m = Machine("laser_cutter")
    M = m.mats
    tint = make_material("acrylic_tinted", "#7A3516", 0.0, 0.05, alpha=0.5)
    W, D = 1.12, 0.82
    y0, y1 = -D / 2, D / 2
    zs = 0.62                       # top of the stand
    zf, zbk = 0.84, 1.0             # lid front and back heights

    # ---------------- stand ----------------
    stand = [
        box_z(M.paint_anthracite, (W - 0.04, D - 0.06, zs - 0.1), 0, 0, 0.1, bevel=0.008),
        box(M.paint_dark_grey, (W / 2 - 0.04, 0.01, zs - 0.18), (-W / 4, y0 + 0.025, 0.1 + (zs - 0.1) / 2), bevel=0.004),
        box(M.paint_dark_grey, (W / 2 - 0.04, 0.01, zs - 0.18), (W / 4, y0 + 0.025, 0.1 + (zs - 0.1) / 2), bevel=0.004),
    ]
    for sx in (-1, 1):
        stand.append(box(M.aluminium_brushed, (0.02, 0.02, 0.14), (sx * 0.05, y0 + 0.012, 0.45), bevel=0.004))
        for sy in (-1, 1):
            stand.append(cyl(M.rubber_black, 0.04, 0.035, (sx * (W / 2 - 0.08), sy * (D / 2 - 0.08), 0.045), axis="X", n=12))
            stand.append(box_z(M.steel, (0.06, 0.06, 0.04), sx * (W / 2 - 0.08), sy * (D / 2 - 0.08), 0.06, bevel=0.004))
    m.part("stand", stand)

    # ---------------- machine body ----------------
    t = 0.025
    side = [(y0, 0.0), (y1, 0.0), (y1, zbk - zs), (y1 - 0.08, zbk - zs), (y0 + 0.02, zf - zs), (y0, zf - zs)]
    body = [
        prism(M.paint_white, side, t, (-W / 2 + t / 2, 0, zs), plane="YZ", bevel=0.006),
        prism(M.paint_white, side, t, (W / 2 - t / 2, 0, zs), plane="YZ", bevel=0.006),
        box_z(M.paint_white, (W - 2 * t, t, zf - zs), 0, y0 + t / 2, zs, bevel=0.005),
        box_z(M.paint_white, (W - 2 * t, 0.08, zbk - zs), 0, y1 - 0.04, zs, bevel=0.005),
        box_z(M.paint_anthracite, (W - 2 * t, D - 0.1, 0.02), 0, 0.0, zs, bevel=0),
        box(M.twin_teal, (W - 0.06, 0.004, 0.025), (0, y0 - 0.001, zf - 0.05), bevel=0),
    ]
    m.part("cabinet", body)

    # honeycomb work table with a sheet of plywood being cut
    wz = zs + 0.1
    table = [box_z(M.steel, (W - 0.2, D - 0.2, 0.02), -0.04, -0.02, wz - 0.02, bevel=0.002)]
    for k in range(9):
        table.append(box_z(M.cast_iron, (W - 0.2, 0.004, 0.003), -0.04, -0.02 - (D - 0.2) / 2 + 0.03 + k * 0.07, wz, bevel=0))
    table.append(box_z(M.wood_light, (0.5, 0.35, 0.006), -0.1, -0.05, wz, bevel=0))
    table.append(box_z(M.cast_iron, (W - 0.1, D - 0.1, 0.09), -0.0, 0.0, zs + 0.01, bevel=0))
    m.part("work_table", table)

    # gantry (X beam) and laser head
    gy = -0.02
    gz = wz + 0.12
    gantry = m.part("gantry", [
        box(M.aluminium_brushed, (W - 0.12, 0.06, 0.05), (0, gy, gz), bevel=0.004),
        box(M.paint_anthracite, (0.05, D - 0.14, 0.04), (-W / 2 + 0.07, 0, gz - 0.01), bevel=0.004),
        box(M.paint_anthracite, (0.05, D - 0.14, 0.04), (W / 2 - 0.07, 0, gz - 0.01), bevel=0.004),
    ], pivot=(0, gy, gz))
    hx = -0.12
    m.part("laser_head", [
        box(M.plastic_black, (0.07, 0.05, 0.09), (hx, gy - 0.05, gz - 0.01), bevel=0.006),
        cyl(M.aluminium_dark, 0.013, 0.05, (hx, gy - 0.05, gz - 0.08), n=12, r2=0.016),
        cyl(M.copper, 0.005, 0.012, (hx, gy - 0.05, gz - 0.108), n=8, r2=0.01),
        cyl(M.led_red, 0.004, 0.002, (hx, gy - 0.05, wz + 0.0075), n=8),       # red pointer dot
    ], parent=gantry, pivot=(hx, gy - 0.05, gz))

    # lid with tinted window, hinged at the back
    lid_y0, lid_y1 = y0 + 0.02, y1 - 0.08
    lzf, lzb = zf + 0.005, zbk + 0.005
    ang = math.degrees(math.atan2(lzb - lzf, lid_y1 - lid_y0))
    Ls = math.hypot(lzb - lzf, lid_y1 - lid_y0)
    lc = (0, (lid_y0 + lid_y1) / 2, (lzf + lzb) / 2 + 0.012)
    lid = frame_panel(M.paint_white, W - 0.01, Ls, 0.03, (0, 0, 0), (0, 0, W - 0.16, Ls - 0.14), bevel=0.006)
    lid.append(box(M.aluminium_brushed, (0.5, 0.035, 0.03), (0, -0.03, -Ls / 2 + 0.03), bevel=0.008, segs=2))
    win = box(tint, (W - 0.15, 0.012, Ls - 0.13), (0, 0, 0), bevel=0)
    # the lid panel is built flat in the XZ plane; rotate it to lie on the sloped top
    R = Matrix.Translation(Vector(lc)) @ Euler((math.radians(-90 + ang), 0, 0), "XYZ").to_matrix().to_4x4()
    for p in lid + [win]:
        p.data.transform(R)
    lid_obj = m.part("lid", lid, pivot=(0, lid_y1, lzb))
    m.part("lid_window", win, parent=lid_obj, pivot=(0, lid_y1, lzb))

    # control panel on the front right corner: keypad + small display
    pcx, pcy, pcz = W / 2 - 0.14, y0 + 0.0, zf - 0.02
    pr = (-20, 0, 0)
    panel = [
        box(M.paint_anthracite, (0.2, 0.03, 0.13), (pcx, pcy - 0.015, pcz - 0.05), bevel=0.006, rot=pr),
    ]
    m.part("control_panel", panel)
    Rp = Euler([math.radians(a) for a in pr], "XYZ").to_matrix()
    base = Vector((pcx, pcy - 0.015, pcz - 0.05))
    keys = [box(M.led_teal, (0.1, 0.004, 0.035), tuple(base + Rp @ Vector((0, -0.016, 0.035))), rot=pr, bevel=0)]
    for r_ in range(2):
        for c_ in range(4):
            keys.append(box(M.plastic_grey, (0.03, 0.008, 0.02), tuple(base + Rp @ Vector((-0.06 + c_ * 0.04, -0.017, -0.012 - r_ * 0.03))),
                            rot=pr, bevel=0.002))
    m.part("keypad", keys)
    m.part("emergency_stop", emergency_stop(M, (-W / 2 + 0.1, y0 - 0.0, zf - 0.1), scale=0.8))
    m.part("key_switch", cyl(M.steel, 0.012, 0.01, (-W / 2 + 0.2, y0 - 0.003, zf - 0.1), axis="-Y", n=10))
    m.part("laser_warning_sign", warning_triangle(M, (-W / 2 + 0.32, y0 - 0.002, zf - 0.125), size=0.09))

    # ---------------- extraction unit and duct ----------------
    ex, ey = W / 2 + 0.25, 0.15
    m.part("extraction_unit", [
        box_z(M.paint_light_grey, (0.38, 0.45, 0.62), ex, ey, 0.06, bevel=0.012, segs=2),
        box_z(M.paint_anthracite, (0.39, 0.46, 0.06), ex, ey, 0.62 + 0.06, bevel=0.008),
        box(M.paint_anthracite, (0.3, 0.006, 0.3), (ex, ey - 0.226, 0.35), bevel=0),
        box(M.led_green, (0.02, 0.004, 0.01), (ex + 0.12, ey - 0.228, 0.6), bevel=0),
    ] + [cyl(M.rubber_black, 0.025, 0.02, (ex + sx * 0.14, ey + sy * 0.17, 0.03), axis="X", n=10)
         for sx in (-1, 1) for sy in (-1, 1)])
    m.part("exhaust_duct", [
        tube(M.aluminium_dark, [(0.3, y1 + 0.01, zbk - 0.1), (0.35, y1 + 0.18, zbk + 0.05),
                                (ex - 0.05, y1 + 0.1, zbk + 0.15), (ex, ey, 0.9), (ex, ey, 0.72)],
             0.05, n=12, sub=5),
        cyl(M.aluminium_brushed, 0.06, 0.05, (0.3, y1 + 0.01, zbk - 0.1), axis="Y", n=12),
        cyl(M.aluminium_brushed, 0.06, 0.05, (ex, ey, 0.74), n=12),
    ])
    # working cycle (6 s): the head traces a rectangle (gantry in Y, head in X)
    m.cycle(6.0, {
        "gantry": {"loc": [(0, (0, 0, 0)), (1.5, (0, 0, 0)), (3.0, (0, 0.25, 0)), (4.5, (0, 0.25, 0)),
                           (6.0, (0, 0, 0))]},
        "laser_head": {"loc": [(0, (0, 0, 0)), (1.5, (0.4, 0, 0)), (3.0, (0.4, 0, 0)), (4.5, (0, 0, 0)),
                               (6.0, (0, 0, 0))]},
    })
    return m
