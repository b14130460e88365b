"""5-axis CNC machining centre (trunnion table), ~3.0 x 2.2 x 2.5 m, with tool magazine,
control pendant and chip conveyor."""

import math

from common import (Machine, box, box_z, cyl, emergency_stop, frame_panel, hmi_screen,
                    image_material, prism, quad, recess, signal_tower, warning_sign)


def build():
    m = Machine("cnc_5axis")
    M = m.mats

    # ---------------- enclosure ----------------
    x0, x1 = -1.1, 1.1
    cx, w = 0.0, x1 - x0
    y0, y1 = -0.85, 0.95
    d = y1 - y0
    zt = 2.3
    t = 0.04
    op = (-0.18, 1.3, 1.25, 1.1)                 # working-area opening: centre x, z, size
    ox, oz, ow, oh = op
    zc = 0.15 + (zt - 0.15) / 2
    enc = [
        box_z(M.paint_anthracite, (w - 0.08, d - 0.08, 0.15), cx, (y0 + y1) / 2, 0, bevel=0.005),
        box(M.paint_light_grey, (t, d, zt - 0.15), (x0 + t / 2, (y0 + y1) / 2, zc), bevel=0.008),
        box(M.paint_light_grey, (t, d, zt - 0.15), (x1 - t / 2, (y0 + y1) / 2, zc), bevel=0.008),
        box(M.paint_light_grey, (w - 2 * t, t, zt - 0.15), (cx, y1 - t / 2, zc), bevel=0.005),
        box(M.paint_white, (w + 0.01, d + 0.01, 0.05), (cx, (y0 + y1) / 2, zt - 0.025), bevel=0.012, segs=2),
        box(M.paint_anthracite, (w - 2 * t, 0.5, 0.7), (cx, y0 + 0.3, 0.5), bevel=0.005),   # lower front apron
    ]
    enc += frame_panel(M.paint_white, w - 2 * t, zt - 0.15 - 0.05, 0.03, (cx, y0 + 0.015, zc - 0.025),
                       (ox - cx, oz - (zc - 0.025), ow, oh), bevel=0.006)
    enc.append(box(M.twin_teal, (w + 0.012, 0.006, 0.03), (cx, y0 - 0.005, zt - 0.025), bevel=0))
    m.part("enclosure", enc)
    m.part("twin_badge", quad(image_material("twin_logo_mat", _logo()), 0.3, 0.094,
                              (x1 - 0.3, y0 - 0.002, zt - 0.17)))

    # ---------------- working area (visible through door window) ----------------
    depth = 1.1
    wa = recess(M.paint_light_grey, ow, oh, depth, (ox, y0 + 0.03, oz), t=0.02, floor_mat=M.steel)
    # sloped chip chute at the bottom of the working area
    wa.append(box(M.steel, (ow, depth, 0.02), (ox, y0 + 0.03 + depth / 2, oz - oh / 2 + 0.005), bevel=0))
    wa.append(box(M.led_white, (0.6, 0.03, 0.01), (ox, y0 + 0.3, oz + oh / 2 - 0.015), bevel=0))
    m.part("working_area", wa)

    # trunnion table: two supports, swivelling cradle (A axis), rotary table (C axis)
    tx, ty, tz = ox, y0 + 0.6, oz - oh / 2 + 0.02        # floor of working area
    az = tz + 0.34                                        # A-axis height
    supports = []
    for sx in (-1, 1):
        supports.append(box_z(M.cast_iron, (0.14, 0.4, 0.36), tx + sx * 0.4, ty, tz, bevel=0.02, segs=2))
        supports.append(cyl(M.paint_anthracite, 0.13, 0.1, (tx + sx * 0.4, ty, az), axis="X", n=20, bevel=0.01))
    m.part("trunnion_supports", supports)
    cradle = [
        box(M.paint_anthracite, (0.6, 0.34, 0.08), (tx, ty, az - 0.12), bevel=0.02, segs=2),
        box(M.paint_anthracite, (0.06, 0.3, 0.22), (tx - 0.31, ty, az - 0.04), bevel=0.015, segs=2),
        box(M.paint_anthracite, (0.06, 0.3, 0.22), (tx + 0.31, ty, az - 0.04), bevel=0.015, segs=2),
    ]
    tilt = m.part("trunnion_table", cradle, pivot=(tx, ty, az))
    rot = m.part("rotary_table", [
        cyl(M.steel, 0.16, 0.05, (tx, ty, az - 0.055), n=28, bevel=0.004),
        box(M.cast_iron, (0.29, 0.012, 0.003), (tx, ty - 0.05, az - 0.029), bevel=0),
        box(M.cast_iron, (0.3, 0.012, 0.003), (tx, ty + 0.05, az - 0.029), bevel=0),
        box(M.cast_iron, (0.32, 0.012, 0.003), (tx, ty, az - 0.029), bevel=0),
    ], parent=tilt, pivot=(tx, ty, az - 0.03))
    m.part("workpiece", [
        box(M.paint_blue_grey, (0.16, 0.07, 0.05), (tx, ty, az), bevel=0.004),               # vise body
        box(M.steel, (0.03, 0.08, 0.05), (tx - 0.07, ty, az + 0.02), bevel=0.003),
        box(M.aluminium_brushed, (0.1, 0.07, 0.07), (tx, ty, az + 0.06), bevel=0.002),
        cyl(M.aluminium_brushed, 0.025, 0.04, (tx + 0.02, ty, az + 0.115), n=16),
    ], parent=rot, pivot=(tx, ty, az + 0.03))

    # spindle head coming down from the gantry
    sz = az + 0.33
    head = [
        box(M.paint_anthracite, (0.3, 0.34, 0.55), (tx, ty + 0.08, sz + 0.45), bevel=0.03, segs=2),
        box(M.paint_white, (0.32, 0.02, 0.3), (tx, ty - 0.1, sz + 0.5), bevel=0.01),
        cyl(M.steel, 0.09, 0.12, (tx, ty, sz + 0.12), n=24, bevel=0.006),
        cyl(M.paint_anthracite, 0.1, 0.05, (tx, ty, sz + 0.2), n=24),
        box(M.rubber_black, (0.3, 0.5, 0.04), (tx, ty + 0.35, sz + 0.72), bevel=0.003),      # bellows
    ]
    head += [cyl(M.copper, 0.006, 0.12, (tx + 0.08 * math.cos(a), ty + 0.08 * math.sin(a), sz + 0.09), n=6)
             for a in (0.6, 2.5)]                                                               # coolant nozzles
    spindle = m.part("spindle", head, pivot=(tx, ty, sz))
    m.part("cutting_tool", [
        cyl(M.steel, 0.032, 0.05, (tx, ty, sz + 0.035), n=16, r2=0.045),        # taper holder
        cyl(M.steel, 0.022, 0.04, (tx, ty, sz - 0.01), n=12),
        cyl(M.chrome, 0.008, 0.07, (tx, ty, sz - 0.065), n=10),                  # end mill
    ], parent=spindle, pivot=(tx, ty, sz))

    # ---------------- sliding door with window ----------------
    dw, dh = 0.9, 1.3
    dcx, dcz = ox - 0.2, oz + 0.02
    dy = y0 - 0.03
    wwin, hwin = 0.66, 0.75
    door = frame_panel(M.paint_white, dw, dh, 0.035, (dcx, dy, dcz), (0, 0.1, wwin, hwin), bevel=0.01, segs=2)
    door.append(box(M.aluminium_brushed, (0.05, 0.06, 0.5), (dcx + dw / 2 - 0.07, dy - 0.045, dcz - 0.0), bevel=0.012, segs=2))
    door += frame_panel(M.rubber_black, wwin + 0.01, hwin + 0.01, 0.04, (dcx, dy, dcz + 0.1),
                        (0, 0, wwin - 0.01, hwin - 0.01), bevel=0)
    door_obj = m.part("sliding_door", door, pivot=(dcx, dy, dcz))
    m.part("door_window", box(M.glass, (wwin, 0.012, hwin), (dcx, dy, dcz + 0.1), bevel=0), parent=door_obj,
           pivot=(dcx, dy, dcz + 0.1))
    # fixed window right of the door
    m.part("side_window", box(M.glass, (ow - dw - 0.02, 0.012, oh - 0.1), (ox + dw / 2 + 0.0, y0 + 0.01, oz), bevel=0))
    m.part("door_rail", [box(M.aluminium_dark, (w - 0.2, 0.05, 0.04), (cx, y0 - 0.03, oz + oh / 2 + 0.07), bevel=0.005),
                         box(M.aluminium_dark, (w - 0.2, 0.05, 0.03), (cx, y0 - 0.03, oz - oh / 2 - 0.06), bevel=0.005)])
    m.part("warning_sign", warning_sign(M, (x0 + 0.2, y0 - 0.001, oz + 0.3), size=0.15, symbol="bolt"))

    # ---------------- control pendant on a swivel arm ----------------
    img = hmi_screen("cnc_ui", "5-AXIS", ["X  -124.532", "Y    38.107", "Z   212.950", "A   -30.000",
                                        "C   145.250", "S 12000  F 2400"], progress=0.64, w=256, h=192)
    ui = image_material("cnc_screen", img)
    pc, pr = (0.83, y0 - 0.32, 1.45), (-8, 0, -20)
    pend = [
        box(M.paint_anthracite, (0.5, 0.08, 0.62), pc, bevel=0.015, segs=2, rot=pr),
        quad(ui, 0.4, 0.3, pc, rot=pr, offset=(0, -0.041, 0.11)),
    ]
    # keys: a grid of small boxes on the lower half of the panel (placed in the panel frame)
    from mathutils import Euler, Vector
    R = Euler([math.radians(a) for a in pr], "XYZ").to_matrix()
    for r_ in range(3):
        for c_ in range(6):
            off = Vector((-0.175 + c_ * 0.07, -0.045, -0.09 - r_ * 0.05))
            p = Vector(pc) + R @ off
            pend.append(box(M.plastic_grey if r_ else M.plastic_white, (0.05, 0.012, 0.032), tuple(p), rot=pr,
                            bevel=0.003))
    for k, col in enumerate((M.led_green, M.signal_red)):
        off = Vector((-0.12 + 0.1 * k, -0.045, -0.25))
        pend.append(cyl(col, 0.018, 0.015, tuple(Vector(pc) + R @ off), axis="-Y", n=12, rot=pr))
    pend += emergency_stop(M, tuple(Vector(pc) + R @ Vector((0.15, -0.04, -0.25))), scale=0.9)
    arm = [
        box(M.aluminium_dark, (0.08, 0.08, 0.3), (x1 - 0.08, y0 - 0.05, 1.8), bevel=0.01),
        box(M.aluminium_dark, (0.08, 0.34, 0.07), (x1 - 0.1, y0 - 0.2, 1.72), bevel=0.01, rot=(0, 0, -20)),
        cyl(M.aluminium_dark, 0.04, 0.05, (pc[0] + 0.04, pc[1] + 0.06, pc[2] + 0.33), n=12),
    ]
    m.part("pendant_arm", arm)
    m.part("control_pendant", pend, pivot=pc)

    # ---------------- tool magazine (left side) ----------------
    mx0, mx1 = -1.5, -1.1
    # housing: solid inner half, outer half framing a window onto the tool drum
    wy0, wy1, wz0, wz1 = -0.15, 0.35, 1.1, 1.6
    my0, my1 = -0.35, 0.65
    ox_, ow_ = (mx0 + (mx0 + 0.2)) / 2, 0.2
    mag = [
        box_z(M.paint_light_grey, (mx1 - mx0 - 0.2, my1 - my0, 1.9), mx1 - (mx1 - mx0 - 0.2) / 2, 0.15, 0.0, bevel=0.01),
        box_z(M.paint_light_grey, (ow_, my1 - my0, wz0), ox_, 0.15, 0.0, bevel=0.01),
        box_z(M.paint_light_grey, (ow_, my1 - my0, 1.9 - wz1), ox_, 0.15, wz1, bevel=0.01),
        box_z(M.paint_light_grey, (ow_, wy0 - my0, wz1 - wz0), ox_, (my0 + wy0) / 2, wz0, bevel=0.01),
        box_z(M.paint_light_grey, (ow_, my1 - wy1, wz1 - wz0), ox_, (wy1 + my1) / 2, wz0, bevel=0.01),
        box(M.glass, (0.006, wy1 - wy0, wz1 - wz0), (mx0 + 0.004, (wy0 + wy1) / 2, (wz0 + wz1) / 2), bevel=0),
        box(M.twin_teal, (0.004, my1 - my0 - 0.02, 0.03), (mx0 - 0.001, 0.15, 1.75), bevel=0),
    ]
    m.part("tool_magazine", mag)
    dcy, dcz = (wy0 + wy1) / 2, (wz0 + wz1) / 2
    dx = mx0 + 0.19
    drum = [cyl(M.paint_anthracite, 0.22, 0.03, (dx, dcy, dcz), axis="X", n=24)]
    for k in range(12):
        a = 2 * math.pi * k / 12
        yy, zz = dcy + 0.17 * math.cos(a), dcz + 0.17 * math.sin(a)
        drum.append(cyl(M.steel, 0.016, 0.05, (dx - 0.04, yy, zz), axis="-X", n=8, r2=0.026))
        drum.append(cyl(M.chrome, 0.006, 0.06, (dx - 0.095, yy, zz), axis="-X", n=6))
    m.part("tool_drum", drum, pivot=(dx, dcy, dcz))

    # ---------------- chip conveyor (right side) and chip bin ----------------
    cz0 = 0.12
    conv = [
        box_z(M.paint_blue_grey, (0.4, 0.45, 0.25), 1.1 + 0.1, 0.3, 0.0, bevel=0.01),
        prism(M.paint_blue_grey, [(0.0, 0.0), (0.5, 0.65), (0.5, 0.9), (0.4, 0.9), (-0.1, 0.25)], 0.4,
              (1.0, 0.3, cz0), plane="XZ", bevel=0.008),
        box(M.paint_anthracite, (0.2, 0.36, 0.12), (1.45, 0.3, cz0 + 0.78), bevel=0.01),   # discharge chute
        box(M.plastic_black, (0.14, 0.14, 0.14), (1.2, 0.55, cz0 + 0.7), bevel=0.01),       # drive motor
    ]
    m.part("chip_conveyor", conv)
    m.part("chip_bin", [
        box_z(M.paint_blue_grey, (0.4, 0.45, 0.45), 1.6, 0.3, 0.1, bevel=0.012, segs=2),
        box_z(M.steel, (0.36, 0.41, 0.01), 1.6, 0.3, 0.53, bevel=0),
        box_z(M.paint_anthracite, (0.42, 0.47, 0.08), 1.6, 0.3, 0.02, bevel=0.006),
    ] + [cyl(M.rubber_black, 0.04, 0.03, (1.6 + sx * 0.15, 0.3 + sy * 0.17, 0.04), axis="X", n=10)
         for sx in (-1, 1) for sy in (-1, 1)])

    # ---------------- back: electrical cabinet and coolant tank ----------------
    m.part("electrical_cabinet", [
        box_z(M.paint_light_grey, (0.9, 0.45, 1.9), -0.4, y1 + 0.225, 0, bevel=0.01, segs=2),
        box(M.aluminium_dark, (0.04, 0.05, 0.15), (0.0, y1 + 0.47, 1.1), bevel=0.008),
        box(M.paint_dark_grey, (0.4, 0.02, 0.3), (-0.4, y1 + 0.455, 0.4), bevel=0.003),    # vent
    ])
    m.part("coolant_tank", [
        box_z(M.paint_blue_grey, (0.7, 0.5, 0.55), 0.55, y1 + 0.25, 0, bevel=0.012, segs=2),
        cyl(M.plastic_black, 0.05, 0.05, (0.4, y1 + 0.25, 0.58), n=12),
        box(M.paint_anthracite, (0.12, 0.12, 0.22), (0.7, y1 + 0.25, 0.66), bevel=0.01),   # pump
    ])
    m.part("signal_tower", signal_tower(M, (x1 - 0.15, y0 + 0.2, zt)))
    # working cycle (8 s): the tool spins (2 turns a second, keys every quarter
    # turn), the head plunges, the table turns (C) and tilts (A)
    m.cycle(8.0, {
        "cutting_tool": {"rot": ("Z", [(0, 0), (0.125, 90), (0.25, 180), (0.375, 270), (0.5, 360), (0.625, 450), (0.75, 540), (0.875, 630), (1, 720), (1.125, 810), (1.25, 900), (1.375, 990), (1.5, 1080), (1.625, 1170), (1.75, 1260), (1.875, 1350), (2, 1440), (2.125, 1530), (2.25, 1620), (2.375, 1710), (2.5, 1800), (2.625, 1890), (2.75, 1980), (2.875, 2070), (3, 2160), (3.125, 2250), (3.25, 2340), (3.375, 2430), (3.5, 2520), (3.625, 2610), (3.75, 2700), (3.875, 2790), (4, 2880), (4.125, 2970), (4.25, 3060), (4.375, 3150), (4.5, 3240), (4.625, 3330), (4.75, 3420), (4.875, 3510), (5, 3600), (5.125, 3690), (5.25, 3780), (5.375, 3870), (5.5, 3960), (5.625, 4050), (5.75, 4140), (5.875, 4230), (6, 4320), (6.125, 4410), (6.25, 4500), (6.375, 4590), (6.5, 4680), (6.625, 4770), (6.75, 4860), (6.875, 4950), (7, 5040), (7.125, 5130), (7.25, 5220), (7.375, 5310), (7.5, 5400), (7.625, 5490), (7.75, 5580), (7.875, 5670), (8, 5760)])},
        "spindle": {"loc": [(0, (0, 0, 0)), (1.0, (0, 0, -0.06)), (3.0, (0, 0, -0.06)), (3.5, (0, 0, 0)),
                            (5.0, (0, 0, 0)), (5.5, (0, 0, -0.05)), (7.0, (0, 0, -0.05)), (8.0, (0, 0, 0))]},
        "rotary_table": {"rot": ("Z", [(0, 0), (1.0, 0), (2.0, 90), (3.0, 180), (4.0, 180), (5.0, 270),
                                        (6.0, 360), (8.0, 360)])},
        "trunnion_table": {"rot": ("X", [(0, 0), (3.5, 0), (4.5, -25), (6.5, -25), (7.5, 0), (8.0, 0)])},
    })
    return m


def _logo():
    from common import logo_image
    return logo_image("twin_logo", 128, 40)
