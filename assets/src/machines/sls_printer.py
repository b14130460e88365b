"""Selective laser sintering (polymer powder bed) printer with its powder station,
~1.8 x 0.85 x 1.9 m."""

from common import (Machine, box, box_z, cyl, emergency_stop, frame_panel, hmi_screen,
                    image_material, lathe, prism, quad, recess, signal_tower, tube)


def build():
    m = Machine("sls_printer")
    M = m.mats

    # ---------------- printer cabinet (left) ----------------
    x0, x1 = -0.90, 0.16
    cx, w = (x0 + x1) / 2, x1 - x0
    y0, y1 = -0.42, 0.42
    d = y1 - y0
    zt = 1.75
    t = 0.03
    win = (-0.47, 1.18, 0.50, 0.34)          # window centre x, z and size
    hole = (win[0] - cx, win[1] - (0.1 + (zt - 0.1) / 2), win[2] + 0.04, win[3] + 0.04)
    body = [
        box_z(M.paint_anthracite, (w - 0.06, d - 0.06, 0.1), cx, 0, 0, bevel=0.004),        # plinth
        box(M.paint_white, (t, d, zt - 0.1), (x0 + t / 2, 0, 0.1 + (zt - 0.1) / 2), bevel=0.006),
        box(M.paint_white, (t, d, zt - 0.1), (x1 - t / 2, 0, 0.1 + (zt - 0.1) / 2), bevel=0.006),
        box(M.paint_white, (w - 2 * t, t, zt - 0.1), (cx, y1 - t / 2, 0.1 + (zt - 0.1) / 2), bevel=0.004),
        box(M.paint_white, (w - 2 * t, d - 2 * t, t), (cx, 0, zt - t / 2), bevel=0.0),
        box_z(M.paint_anthracite, (w + 0.004, d + 0.004, 0.1), cx, 0, zt, bevel=0.01, segs=2),  # top band
    ]
    body += frame_panel(M.paint_white, w - 2 * t, zt - 0.1, 0.02, (cx, y0 + 0.012, 0.1 + (zt - 0.1) / 2), hole,
                        bevel=0.004)
    m.part("cabinet", body)
    m.part("brand_stripe", [box(M.twin_teal, (w + 0.006, 0.006, 0.02), (cx, y0 - 0.001, zt + 0.05), bevel=0.0),
                            quad(image_material("twin_logo_mat", _logo()), 0.24, 0.075,
                                 (x0 + 0.2, y0 - 0.004, zt + 0.05))])

    # build chamber behind the window: dark walls, hot powder bed, IR heater glow
    wx, wz, ww, wh = win
    cham = recess(M.paint_dark_grey, ww + 0.04, wh + 0.04, 0.55, (wx, y0 + 0.02, wz), t=0.01)
    cham.append(box(M.powder_white, (ww + 0.04, 0.5, 0.02), (wx, y0 + 0.3, wz - wh / 2 - 0.01), bevel=0))
    cham.append(box(M.led_amber, (ww - 0.06, 0.01, 0.012), (wx, y0 + 0.5, wz + wh / 2 + 0.01), bevel=0))
    cham.append(box(M.led_amber, (ww - 0.06, 0.3, 0.006), (wx, y0 + 0.32, wz + wh / 2 + 0.017), bevel=0))
    m.part("build_chamber", cham)
    # sintered slice on the bed: glowing cross-sections of parts
    m.part("powder_bed", [
        box(M.laser_glow, (0.08, 0.06, 0.002), (wx - 0.1, y0 + 0.25, wz - wh / 2 + 0.001), bevel=0),
        box(M.laser_glow, (0.05, 0.09, 0.002), (wx + 0.05, y0 + 0.3, wz - wh / 2 + 0.001), bevel=0),
        cyl(M.laser_glow, 0.03, 0.002, (wx + 0.15, y0 + 0.2, wz - wh / 2 + 0.001), n=16),
    ])

    # front door with window
    dx0, dx1, dz0, dz1 = x0 + 0.05, -0.12, 0.18, 1.62
    dcx, dcz = (dx0 + dx1) / 2, (dz0 + dz1) / 2
    door = frame_panel(M.paint_white, dx1 - dx0, dz1 - dz0, 0.03, (dcx, y0 - 0.013, dcz),
                       (wx - dcx, wz - dcz, ww, wh), bevel=0.008, segs=2)
    door += frame_panel(M.rubber_black, ww + 0.01, wh + 0.01, 0.034, (wx, y0 - 0.013, wz),
                        (0, 0, ww - 0.01, wh - 0.01), bevel=0.0)
    door.append(box(M.aluminium_brushed, (0.03, 0.04, 0.5), (dx1 - 0.05, y0 - 0.045, 0.95), bevel=0.008, segs=2))
    for zz in (0.8, 1.1):
        door.append(box(M.aluminium_brushed, (0.02, 0.03, 0.03), (dx1 - 0.05, y0 - 0.025, zz + 0.0), bevel=0.004))
    door_obj = m.part("front_door", door, pivot=(dx0, y0 - 0.013, dcz))
    m.part("viewing_window", box(M.glass_smoked, (ww, 0.008, wh), (wx, y0 - 0.013, wz), bevel=0.0),
           parent=door_obj, pivot=(wx, y0 - 0.013, wz))
    # powder cartridge drawer below the door
    m.part("powder_drawer", [
        box(M.paint_light_grey, (dx1 - dx0, 0.02, 0.07), (dcx, y0 - 0.008, 0.13 - 0.0), bevel=0.006),
        box(M.aluminium_brushed, (0.2, 0.02, 0.018), (dcx, y0 - 0.025, 0.13), bevel=0.005),
    ])

    # touchscreen on a short arm to the right of the door
    img = hmi_screen("sls_ui", "SLS PA12", ["BUILD 2 OF 3", "LAYER 820/1460", "BED 172 C", "O2 0.4%",
                                           "ETA 05:41"], progress=0.56,
                     chart=[0.2, 0.35, 0.5, 0.62, 0.7, 0.74, 0.76, 0.77, 0.77, 0.78])
    ui = image_material("sls_touchscreen", img)
    sc, sr = (0.02, y0 - 0.06, 1.38), (-12, 0, 0)
    m.part("touchscreen", [
        box(M.plastic_black, (0.26, 0.025, 0.17), sc, bevel=0.006, rot=sr),
        quad(ui, 0.24, 0.15, sc, rot=sr, offset=(0, -0.0128, 0)),
        box(M.aluminium_dark, (0.05, 0.05, 0.05), (0.02, y0 - 0.03, 1.38), bevel=0.005),
    ])
    m.part("emergency_stop", emergency_stop(M, (0.02, y0 - 0.002, 1.1)))
    m.part("status_light", box(M.led_teal, (0.006, 0.004, 1.3), (x1 - 0.02, y0 - 0.001, 0.9), bevel=0))
    m.part("signal_tower", signal_tower(M, (x1 - 0.12, 0.2, zt + 0.1)))
    m.part("exhaust_vent", [box(M.paint_anthracite, (0.005, 0.3, 0.25), (x0 - 0.002, 0.1, 0.5 + 0.1 * k), bevel=0)
                            for k in range(1)] + [box(M.aluminium_dark, (0.008, 0.28, 0.012), (x0 - 0.004, 0.1, 0.4 + 0.03 * k), bevel=0)
                                                  for k in range(7)])

    # rear: service panel with vents, cable glands and gas / power connections
    rear = [box(M.paint_light_grey, (0.6, 0.01, 0.9), (cx - 0.1, y1 + 0.004, 0.75), bevel=0.004)]
    rear += [box(M.paint_anthracite, (0.4, 0.012, 0.012), (cx - 0.1, y1 + 0.006, 0.5 + 0.03 * k), bevel=0) for k in range(8)]
    rear += [cyl(M.plastic_black, 0.018, 0.03, (cx + 0.3 + 0.06 * k, y1 + 0.015, 0.35), axis="Y", n=10) for k in range(3)]
    rear.append(box(M.warning_yellow, (0.1, 0.004, 0.07), (cx - 0.1, y1 + 0.0095, 1.08), bevel=0))
    m.part("rear_service_panel", rear)

    # ---------------- powder station (right) ----------------
    px0, px1 = 0.28, 0.90
    pcx, pw = (px0 + px1) / 2, px1 - px0
    pd = 0.72
    top = 0.92
    st = [
        box_z(M.paint_anthracite, (pw - 0.04, pd - 0.04, 0.08), pcx, 0, 0, bevel=0.004),
        box_z(M.paint_white, (pw, pd, top - 0.08), pcx, 0, 0.08, bevel=0.008, segs=2),
        box_z(M.steel, (pw + 0.02, pd + 0.02, 0.03), pcx, 0, top, bevel=0.004),
    ]
    for k, xx in enumerate((pcx - pw / 4, pcx + pw / 4)):
        st.append(box(M.paint_light_grey, (pw / 2 - 0.03, 0.01, top - 0.22), (xx, -pd / 2 - 0.004, 0.5), bevel=0.004))
        st.append(box(M.aluminium_brushed, (0.015, 0.025, 0.16), (xx + (0.11 if k == 0 else -0.11), -pd / 2 - 0.02, 0.6),
                      bevel=0.005))
    m.part("powder_station", st)
    # sloped glass hood over the sieving bay
    hz = top + 0.03
    prof = [(-pd / 2 + 0.03, 0.0), (pd / 2 - 0.03, 0.0), (pd / 2 - 0.03, 0.55), (0.02, 0.55), (-pd / 2 + 0.03, 0.2)]
    hood = [prism(M.glass_smoked, [(y, z) for (y, z) in prof], pw - 0.06, (pcx, 0, hz), plane="YZ", bevel=0.0)]
    # aluminium frame edges of the hood
    for sx in (-1, 1):
        xx = pcx + sx * (pw / 2 - 0.03)
        hood.append(box(M.aluminium_brushed, (0.025, 0.025, 0.55), (xx, pd / 2 - 0.04, hz + 0.275), bevel=0.003))
        hood.append(box(M.aluminium_brushed, (0.025, 0.025, 0.2), (xx, -pd / 2 + 0.04, hz + 0.1), bevel=0.003))
    hood.append(box(M.aluminium_brushed, (pw - 0.03, 0.025, 0.025), (pcx, -pd / 2 + 0.04, hz + 0.2), bevel=0.003))
    hood.append(box(M.aluminium_brushed, (pw - 0.03, 0.025, 0.025), (pcx, 0.02, hz + 0.55), bevel=0.003))
    hood.append(box(M.paint_white, (pw - 0.03, pd / 2 - 0.02, 0.02), (pcx, pd / 4 + 0.0, hz + 0.56), bevel=0.004))
    m.part("station_hood", hood)
    m.part("sieve", [
        lathe(M.steel, [(0.0, 0.0), (0.1, 0.0), (0.16, 0.12), (0.17, 0.12), (0.17, 0.2), (0.0, 0.2)],
              (pcx - 0.08, 0.05, hz), n=20),
        cyl(M.paint_anthracite, 0.08, 0.12, (pcx - 0.08, 0.05, hz + 0.26), n=16),
    ])
    m.part("powder_container", [
        box_z(M.plastic_light_grey, (0.16, 0.2, 0.22), pcx + 0.18, 0.08, hz, bevel=0.01, segs=2),
        box_z(M.plastic_black, (0.17, 0.21, 0.02), pcx + 0.18, 0.08, hz + 0.22, bevel=0.005),
    ])
    m.part("vacuum_hose", tube(M.cable_grey, [(pcx - 0.2, 0.3, hz + 0.55), (pcx - 0.25, 0.3, hz + 0.8),
                                                (0.2, 0.3, 1.6), (x1 - 0.05, 0.3, zt - 0.02)], 0.025, n=10, sub=5))
    m.part("station_screen", [
        box(M.plastic_black, (0.16, 0.02, 0.1), (px1 - 0.12, -pd / 2 - 0.01, 0.8), bevel=0.004),
        quad(image_material("station_ui", hmi_screen("station_ui_img", "SIFT", ["RECYCLE", "RATIO 30%", "12.4 KG"],
                                                       w=96, h=64, buttons=2)),
             0.14, 0.085, (px1 - 0.12, -pd / 2 - 0.0205, 0.8)),
    ])
    return m


def _logo():
    from common import logo_image
    return logo_image("twin_logo", 128, 40)
