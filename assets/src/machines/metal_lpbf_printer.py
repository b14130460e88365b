"""Metal laser powder-bed fusion printer with a glovebox unpacking station,
~2.5 x 1.2 x 2.2 m."""

import math

from common import (Machine, box, box_z, cyl, emergency_stop, frame_panel, hmi_screen,
                    image_material, lathe, prism, quad, recess, signal_tower, sphere, torus, tube,
                    warning_sign)


def build():
    m = Machine("metal_lpbf_printer")
    M = m.mats

    # ---------------- process cabinet ----------------
    x0, x1 = -1.25, 0.55
    cx, w = (x0 + x1) / 2, x1 - x0
    y0, y1 = -0.6, 0.6
    d = y1 - y0
    zt = 2.0
    t = 0.03
    win = (-0.62, 1.22, 0.78, 0.56)           # big door window: centre x, z, size
    wx, wz, ww, wh = win
    zc = 0.12 + (zt - 0.12) / 2
    body = [
        box_z(M.paint_anthracite, (w - 0.06, d - 0.06, 0.12), cx, 0, 0, bevel=0.004),
        box(M.paint_white, (t, d, zt - 0.12), (x0 + t / 2, 0, zc), bevel=0.006),
        box(M.paint_white, (t, d, zt - 0.12), (x1 - t / 2, 0, zc), bevel=0.006),
        box(M.paint_white, (w - 2 * t, t, zt - 0.12), (cx, y1 - t / 2, zc), bevel=0.004),
        box(M.paint_white, (w - 2 * t, d - 2 * t, t), (cx, 0, zt - t / 2), bevel=0),
        box_z(M.paint_anthracite, (w + 0.004, d + 0.004, 0.12), cx, 0, zt, bevel=0.012, segs=2),
    ]
    body += frame_panel(M.paint_white, w - 2 * t, zt - 0.12, 0.02, (cx, y0 + 0.012, zc),
                        (wx - cx, wz - zc, ww + 0.04, wh + 0.04))
    m.part("cabinet", body)
    m.part("brand_stripe", [
        box(M.twin_teal, (w + 0.006, 0.006, 0.024), (cx, y0 - 0.001, zt + 0.06), bevel=0),
        quad(image_material("twin_logo_mat", _logo()), 0.26, 0.08, (x0 + 0.22, y0 - 0.004, zt + 0.06)),
    ])

    # process chamber seen through the window
    cham = recess(M.steel, ww + 0.04, wh + 0.04, 0.7, (wx, y0 + 0.02, wz), t=0.01, back_mat=M.aluminium_dark)
    floor_z = wz - wh / 2 - 0.01
    cham.append(box(M.powder_metal, (ww + 0.04, 0.66, 0.02), (wx, y0 + 0.37, floor_z - 0.01), bevel=0))
    m.part("process_chamber", cham)
    m.part("build_plate", [
        box(M.steel, (0.25, 0.25, 0.012), (wx, y0 + 0.38, floor_z + 0.006), bevel=0.001),
        box(M.laser_glow, (0.05, 0.05, 0.002), (wx - 0.05, y0 + 0.34, floor_z + 0.013), bevel=0),
        cyl(M.laser_glow, 0.03, 0.002, (wx + 0.06, y0 + 0.42, floor_z + 0.013), n=12),
    ])
    m.part("recoater", [
        box(M.aluminium_brushed, (0.06, 0.64, 0.05), (wx + 0.26, y0 + 0.37, floor_z + 0.03), bevel=0.004),
        box(M.rubber_black, (0.012, 0.6, 0.012), (wx + 0.24, y0 + 0.37, floor_z + 0.01), bevel=0),
    ])
    m.part("laser_beam", cyl(M.laser_glow, 0.0025, wh + 0.02, (wx + 0.06, y0 + 0.42, floor_z + wh / 2 + 0.02), n=6))
    m.part("chamber_light", box(M.led_white, (ww - 0.1, 0.02, 0.008), (wx, y0 + 0.1, wz + wh / 2 + 0.015), bevel=0))

    # big front door with window
    dx0, dx1, dz0, dz1 = x0 + 0.06, 0.0, 0.2, 1.9
    dcx, dcz = (dx0 + dx1) / 2, (dz0 + dz1) / 2
    door = frame_panel(M.paint_white, dx1 - dx0, dz1 - dz0, 0.035, (dcx, y0 - 0.015, dcz),
                       (wx - dcx, wz - dcz, ww, wh), bevel=0.008, segs=2)
    door += frame_panel(M.rubber_black, ww + 0.012, wh + 0.012, 0.04, (wx, y0 - 0.015, wz),
                        (0, 0, ww - 0.012, wh - 0.012), bevel=0)
    door.append(box(M.aluminium_brushed, (0.035, 0.05, 0.7), (dx1 - 0.06, y0 - 0.06, 1.1), bevel=0.01, segs=2))
    for zz in (0.8, 1.4):
        door.append(box(M.aluminium_brushed, (0.025, 0.04, 0.035), (dx1 - 0.06, y0 - 0.035, zz), bevel=0.005))
    door.append(box(M.paint_anthracite, (dx1 - dx0 - 0.1, 0.004, 0.04), (dcx, y0 - 0.034, 0.45), bevel=0))
    door_obj = m.part("chamber_door", door, pivot=(dx0, y0 - 0.015, dcz))
    m.part("door_window", box(M.glass_green_tint, (ww, 0.01, wh), (wx, y0 - 0.015, wz), bevel=0),
           parent=door_obj, pivot=(wx, y0 - 0.015, wz))
    m.part("laser_warning_sign", warning_sign(M, (wx, y0 - 0.0335, wz + wh / 2 + 0.13), size=0.14),
           parent=door_obj, pivot=(wx, y0 - 0.0335, wz + wh / 2 + 0.13))

    # control panel: touchscreen on a pivoting arm, keyboard shelf
    img = hmi_screen("lpbf_ui", "LPBF 316L", ["JOB BRACKET-07", "LAYER 1204/2890", "O2 0.08%  AR",
                                            "LASER 370 W", "ETA 14H22M"], progress=0.42,
                     chart=[0.9, 0.6, 0.35, 0.2, 0.12, 0.1, 0.09, 0.08, 0.08, 0.08], accent="#00A3A1")
    ui = image_material("lpbf_touchscreen", img)
    sc, sr = (0.3, y0 - 0.2, 1.45), (-10, 0, 0)
    m.part("control_panel", [
        box(M.paint_anthracite, (0.42, 0.03, 0.28), sc, bevel=0.008, segs=2, rot=sr),
        quad(ui, 0.38, 0.24, sc, rot=sr, offset=(0, -0.0155, 0)),
        box(M.aluminium_dark, (0.06, 0.16, 0.06), (0.3, y0 - 0.1, 1.42), bevel=0.01, segs=2),
        box(M.paint_anthracite, (0.44, 0.22, 0.025), (0.3, y0 - 0.13, 1.08), bevel=0.006),
        box(M.plastic_black, (0.38, 0.14, 0.012), (0.3, y0 - 0.14, 1.098), bevel=0.003),
        box(M.aluminium_dark, (0.06, 0.12, 0.04), (0.3, y0 - 0.04, 1.06), bevel=0.006),
    ])
    m.part("emergency_stop", emergency_stop(M, (0.45, y0 - 0.002, 1.75)))
    m.part("key_switch", cyl(M.plastic_black, 0.018, 0.02, (0.33, y0 - 0.01, 1.75), axis="-Y", n=12))
    m.part("warning_lamp", signal_tower(M, (x1 - 0.15, y0 + 0.2, zt + 0.12), r=0.035, seg=0.06))
    m.part("status_light", box(M.led_teal, (0.008, 0.005, 1.5), (x1 - 0.025, y0 - 0.001, 1.0), bevel=0))

    # rear: service panel with vents, cable glands and gas / power connections
    rear = [box(M.paint_light_grey, (0.6, 0.01, 0.9), (cx - 0.1, y1 + 0.004, 0.75), bevel=0.004)]
    rear += [box(M.paint_anthracite, (0.4, 0.012, 0.012), (cx - 0.1, y1 + 0.006, 0.5 + 0.03 * k), bevel=0) for k in range(8)]
    rear += [cyl(M.plastic_black, 0.018, 0.03, (cx + 0.3 + 0.06 * k, y1 + 0.015, 0.35), axis="Y", n=10) for k in range(3)]
    rear.append(box(M.warning_yellow, (0.1, 0.004, 0.07), (cx - 0.1, y1 + 0.0095, 1.08), bevel=0))
    m.part("rear_service_panel", rear)

    # ---------------- gas filter module behind the glovebox ----------------
    fx, fy = 0.93, 0.36
    m.part("filter_module", [
        cyl(M.paint_light_grey, 0.2, 1.3, (fx, fy, 0.75), n=20, bevel=0.01, segs=2),
        cyl(M.paint_anthracite, 0.21, 0.1, (fx, fy, 0.05), n=20),
        cyl(M.paint_anthracite, 0.21, 0.06, (fx, fy, 1.43), n=20),
        box(M.warning_yellow, (0.12, 0.004, 0.08), (fx, fy - 0.2, 1.1), bevel=0),
    ])
    m.part("gas_pipe", tube(M.steel, [(fx - 0.1, fy, 1.46), (fx - 0.15, fy, 1.7), (0.7, fy, 1.75),
                                      (x1, fy, 1.75)], 0.035, n=10, sub=4))

    # ---------------- glovebox (unpacking station) ----------------
    gx0, gx1 = 0.62, 1.25
    gcx, gw = (gx0 + gx1) / 2, gx1 - gx0
    gy0, gy1 = -0.55, 0.12
    gd = gy1 - gy0
    gcy = (gy0 + gy1) / 2
    base_top = 0.85
    m.part("glovebox_base", [
        box_z(M.paint_anthracite, (gw - 0.04, gd - 0.04, 0.1), gcx, gcy, 0, bevel=0.004),
        box_z(M.paint_white, (gw, gd, base_top - 0.1), gcx, gcy, 0.1, bevel=0.008, segs=2),
        box(M.paint_light_grey, (gw - 0.08, 0.01, 0.55), (gcx, gy0 - 0.004, 0.46), bevel=0.004),
        box(M.aluminium_brushed, (0.3, 0.03, 0.025), (gcx, gy0 - 0.02, 0.68), bevel=0.006),
    ])
    # stainless chamber: sides are prisms with a sloped front
    hz0 = base_top
    prof = [(gy0, 0.0), (gy1, 0.0), (gy1, 0.85), (gy0 + 0.25, 0.85), (gy0, 0.3)]
    gb = []
    for sx in (-1, 1):
        gb.append(prism(M.steel, prof, 0.03, (gcx + sx * (gw / 2 - 0.015), 0, hz0), plane="YZ", bevel=0.004))
    gb.append(box(M.steel, (gw - 0.06, 0.03, 0.85), (gcx, gy1 - 0.015, hz0 + 0.425), bevel=0.003))
    gb.append(box(M.steel, (gw - 0.06, 0.28, 0.03), (gcx, gy1 - 0.14, hz0 + 0.835), bevel=0.003))
    gb.append(box(M.steel, (gw - 0.06, gd, 0.03), (gcx, gcy, hz0 + 0.015), bevel=0.003))
    gb.append(box(M.steel, (gw - 0.06, 0.03, 0.3), (gcx, gy0 + 0.015, hz0 + 0.15), bevel=0.003))
    # pressure gauge and antechamber (pass-through lock) on the side
    gb.append(cyl(M.steel, 0.13, 0.22, (gx1 + 0.1, gcy + 0.05, hz0 + 0.35), axis="X", n=18, bevel=0.005))
    gb.append(cyl(M.paint_anthracite, 0.14, 0.03, (gx1 + 0.215, gcy + 0.05, hz0 + 0.35), axis="X", n=18, bevel=0.005))
    m.part("glovebox", gb)
    m.part("pressure_gauge", [
        cyl(M.chrome, 0.045, 0.03, (gx0 + 0.1, gy0 + 0.0, hz0 + 0.2), axis="-Y", n=16),
        cyl(M.plastic_white, 0.038, 0.004, (gx0 + 0.1, gy0 - 0.016, hz0 + 0.2), axis="-Y", n=16),
        box(M.signal_red, (0.003, 0.002, 0.03), (gx0 + 0.1, gy0 - 0.019, hz0 + 0.21), bevel=0, rot=(0, 30, 0)),
    ])
    # sloped glass window with two glove ports
    slope = math.atan2(0.25, 0.55)                     # from vertical
    wp0 = (gy0, hz0 + 0.3)
    wl = math.hypot(0.25, 0.55)
    win_c = (gcx, wp0[0] + 0.125, wp0[1] + 0.275)
    tilt = (-math.degrees(slope), 0, 0)
    m.part("glovebox_window", box(M.glass, (gw - 0.06, 0.012, wl), win_c, bevel=0, rot=tilt))
    n_out = (0.0, -math.cos(slope), math.sin(slope))
    for side, sx in (("left", -1), ("right", 1)):
        px = gcx + sx * 0.15
        # port centre on the window plane, a bit below its middle
        f = 0.45
        pc = (px, wp0[0] + 0.25 * f, wp0[1] + 0.55 * f)
        ring = [
            torus(M.aluminium_brushed, 0.085, 0.016, pc, axis="-Y", n=20, m=8, rot=tilt),
            lathe(M.aluminium_dark, [(0.075, -0.006), (0.1, -0.006), (0.1, 0.006), (0.075, 0.006)], pc,
                  axis="-Y", n=20, rot=tilt, cap_start=False, cap_end=False),
        ]
        port = m.part("glove_port_" + side, ring, pivot=pc)
        # glove: sleeve tapering into the chamber and drooping, then a hand
        p0 = [pc[i] - n_out[i] * 0.01 for i in range(3)]
        p1 = [pc[i] - n_out[i] * 0.16 for i in range(3)]
        p2 = [p1[0] + sx * 0.02, p1[1] + 0.12, p1[2] - 0.14]
        p3 = [p1[0] + sx * 0.03, p1[1] + 0.16, p1[2] - 0.3]
        glove = [
            tube(M.rubber_black, [p0, p1, p2, p3], 0.075, n=12, sub=4, r_end=0.04),
            cyl(M.rubber_black, 0.074, 0.01, tuple(pc[i] - n_out[i] * 0.014 for i in range(3)), axis="-Y", n=20,
                rot=tilt),                                                           # glove cuff behind the glass
            sphere(M.rubber_black, 0.05, (p3[0], p3[1], p3[2] - 0.04), n=10, rings=6, scale=(1.0, 0.5, 1.4)),
        ]
        m.part("glove_" + side, glove, parent=port, pivot=pc)
    m.part("glovebox_light", box(M.led_white, (gw - 0.12, 0.02, 0.01), (gcx, gy1 - 0.1, hz0 + 0.815), bevel=0))
    m.part("powder_flask", [
        cyl(M.steel, 0.07, 0.22, (gcx - 0.05, gcy + 0.12, hz0 + 0.14), n=16, bevel=0.01, segs=2),
        cyl(M.paint_anthracite, 0.05, 0.03, (gcx - 0.05, gcy + 0.12, hz0 + 0.265), n=16),
    ])
    m.part("printed_parts", [
        box(M.steel, (0.2, 0.2, 0.012), (gcx + 0.12, gcy + 0.08, hz0 + 0.036), bevel=0.001),
        cyl(M.powder_metal, 0.025, 0.12, (gcx + 0.08, gcy + 0.05, hz0 + 0.102), n=10),
        cyl(M.powder_metal, 0.02, 0.09, (gcx + 0.16, gcy + 0.12, hz0 + 0.087), n=10),
    ])
    return m


def _logo():
    from common import logo_image
    return logo_image("twin_logo", 128, 40)
