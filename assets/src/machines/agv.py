"""Autonomous mobile robot (AMR / AGV): low platform with a lidar on top, status light
strip, drive wheels and casters, bumpers, safety scanners and a tote on its top module,
~0.9 x 0.6 x 0.55 m."""

from common import (Machine, box, box_z, cyl, emergency_stop, hmi_screen, image_material, prism,
                    quad, rounded_rect_pts)


def build():
    m = Machine("agv")
    M = m.mats
    L, W = 0.88, 0.58            # length along Y (front = -Y), width along X
    zb, hb = 0.045, 0.24         # chassis bottom and height

    # chassis: rounded plan shape extruded, anthracite lower body, light grey cover
    plan = rounded_rect_pts(W, L, 0.08, n=3)
    m.part("chassis", [
        prism(M.paint_anthracite, plan, hb - 0.06, (0, 0, zb + (hb - 0.06) / 2), plane="XY", bevel=0.01, segs=2),
        prism(M.paint_light_grey, rounded_rect_pts(W - 0.01, L - 0.01, 0.075, n=3), 0.06,
              (0, 0, zb + hb - 0.03), plane="XY", bevel=0.012, segs=2),
    ])
    # status light strip all around, just below the cover
    m.part("status_light_strip", prism(M.led_teal, rounded_rect_pts(W + 0.006, L + 0.006, 0.083, n=3), 0.014,
                                       (0, 0, zb + hb - 0.07), plane="XY"))
    # bumpers front and back
    for name, s in (("bumper_front", -1), ("bumper_rear", 1)):
        m.part(name, [
            box(M.rubber_black, (W - 0.1, 0.035, 0.07), (0, s * (L / 2 + 0.012), zb + 0.06), bevel=0.015, segs=2),
        ])
    # safety laser scanners at two opposite corners (yellow)
    for name, (x, y) in (("safety_scanner_front", (W / 2 - 0.035, -L / 2 + 0.035)),
                         ("safety_scanner_rear", (-W / 2 + 0.035, L / 2 - 0.035))):
        m.part(name, [
            cyl(M.warning_yellow, 0.045, 0.06, (x, y, zb + 0.1), n=16, bevel=0.006),
            cyl(M.plastic_black, 0.042, 0.035, (x, y, zb + 0.1), n=16),
        ])
    # drive wheels in the middle, casters at the corners
    for name, s in (("drive_wheel_left", -1), ("drive_wheel_right", 1)):
        x = s * (W / 2 - 0.045)
        m.part(name, [
            cyl(M.rubber_black, 0.075, 0.05, (x, 0, 0.075), axis="X", n=20, bevel=0.008, segs=2),
            cyl(M.aluminium_dark, 0.045, 0.052, (x, 0, 0.075), axis="X", n=14),
        ], pivot=(x, 0, 0.075))
    for i, (sx, sy) in enumerate(((-1, -1), (1, -1), (-1, 1), (1, 1))):
        x, y = sx * (W / 2 - 0.08), sy * (L / 2 - 0.1)
        m.part("caster_%d" % (i + 1), [
            cyl(M.rubber_black, 0.03, 0.025, (x, y + 0.015, 0.03), axis="X", n=12),
            box(M.steel, (0.04, 0.04, 0.03), (x, y, 0.055), bevel=0.004),
        ], pivot=(x, y, 0.03))

    # lidar on a short mast on the top front, light strip touch display on the side
    top = zb + hb
    m.part("lidar", [
        cyl(M.paint_anthracite, 0.035, 0.05, (0, -L / 2 + 0.12, top + 0.025), n=14),
        cyl(M.plastic_black, 0.045, 0.05, (0, -L / 2 + 0.12, top + 0.075), n=20, bevel=0.006),
        cyl(M.glass_smoked, 0.043, 0.025, (0, -L / 2 + 0.12, top + 0.07), n=20),
        cyl(M.plastic_black, 0.045, 0.012, (0, -L / 2 + 0.12, top + 0.106), n=20, bevel=0.004),
    ])
    m.part("emergency_stop", emergency_stop(M, (W / 2 - 0.07, L / 2 - 0.14, top), facing="Z", scale=0.8))
    img = hmi_screen("agv_ui", "AMR-03", ["MISSION", "TO CNC CELL", "BATT 78%"], w=96, h=64, buttons=0,
                     progress=0.78)
    ui = image_material("agv_display", img)
    m.part("status_display", [
        box(M.plastic_black, (0.006, 0.12, 0.08), (W / 2 + 0.001, 0.1, zb + 0.13), bevel=0.002),
        quad(ui, 0.1, 0.066, (W / 2 + 0.0045, 0.1, zb + 0.13), facing="X"),
    ])
    m.part("charging_contacts", [box(M.copper, (0.03, 0.01, 0.02), (s * 0.08, L / 2 + 0.03, zb + 0.03), bevel=0.002)
                                 for s in (-1, 1)])

    # top module: roller deck with a tote box
    m.part("top_module", [
        box_z(M.aluminium_brushed, (W - 0.06, L - 0.28, 0.05), 0, 0.07, top, bevel=0.006),
        box_z(M.paint_anthracite, (W - 0.04, 0.02, 0.08), 0, 0.07 - (L - 0.28) / 2, top, bevel=0.004),
        box_z(M.paint_anthracite, (W - 0.04, 0.02, 0.08), 0, 0.07 + (L - 0.28) / 2, top, bevel=0.004),
    ] + [cyl(M.steel, 0.018, W - 0.1, (0, 0.07 - 0.24 + 0.08 * k, top + 0.05), axis="X", n=10) for k in range(7)])
    m.part("tote_box", [
        box_z(M.twin_teal, (0.4, 0.3, 0.17), 0, 0.07, top + 0.068, bevel=0.012, segs=2),
        box_z(M.plastic_white, (0.12, 0.004, 0.05), 0, 0.07 - 0.152, top + 0.12, bevel=0),
    ])
    m.part("twin_badge", quad(image_material("twin_logo_mat", _logo()), 0.12, 0.0375,
                              (-0.15, -L / 2 - 0.0015, zb + 0.135)))
    # working cycle (6 s): the deck lifts the tote, holds, lowers it
    lift = [(0, (0, 0, 0)), (1.0, (0, 0, 0)), (2.5, (0, 0, 0.06)), (4.0, (0, 0, 0.06)), (5.5, (0, 0, 0)),
            (6.0, (0, 0, 0))]
    m.cycle(6.0, {"top_module": {"loc": lift}, "tote_box": {"loc": lift}})
    return m


def _logo():
    import bpy
    from common import logo_image
    return bpy.data.images.get("twin_logo") or logo_image("twin_logo", 64, 20, text="TWIN", sub="")
