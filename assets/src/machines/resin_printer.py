"""SLA / resin desktop printer with an orange UV-protection hood, ~0.40 x 0.40 x 0.58 m."""

from common import (Machine, box, cyl, hmi_screen, image_material, lathe, quad)


def build():
    m = Machine("resin_printer")
    M = m.mats
    W, D, H = 0.40, 0.40, 0.25           # base unit
    deck = H

    body = [
        box(M.paint_white, (W, D, H - 0.01), (0, 0, 0.01 + (H - 0.01) / 2), bevel=0.018, segs=3),
        box(M.plastic_dark_grey, (W - 0.03, D - 0.03, 0.006), (0, 0, deck + 0.001), bevel=0.002),
    ]
    for sx in (-1, 1):
        for sy in (-1, 1):
            body.append(cyl(M.rubber_black, 0.018, 0.012, (sx * 0.16, sy * 0.16, 0.006), n=12))
    m.part("base_unit", body)
    # status light strip across the front
    m.part("status_light", box(M.led_teal, (0.22, 0.004, 0.006), (0, -D / 2 - 0.0005, 0.05), bevel=0.0015))

    # touchscreen on the front, tilted back
    img = hmi_screen("resin_ui", "FORM", ["PRINTING", "LAYER 412/1130", "RESIN GREY V4", "TANK 58 C"],
                     progress=0.36, w=192, h=120)
    scr = image_material("resin_touchscreen", img)
    c, r = (0.09, -D / 2 - 0.004, 0.17), (-10, 0, 0)
    m.part("touchscreen", [
        box(M.plastic_black, (0.13, 0.012, 0.085), c, bevel=0.004, rot=r),
        quad(scr, 0.118, 0.074, c, rot=r, offset=(0, -0.0062, 0)),
    ])
    m.part("power_button", cyl(M.plastic_dark_grey, 0.008, 0.005, (-0.14, -D / 2 - 0.002, 0.19), axis="Y", n=12))

    # resin tank (vat) with amber resin
    vat = [
        box(M.plastic_black, (0.22, 0.27, 0.035), (0, -0.03, deck + 0.022), bevel=0.004),
        box(M.resin_amber, (0.2, 0.25, 0.004), (0, -0.03, deck + 0.038), bevel=0.0),
        box(M.plastic_black, (0.05, 0.03, 0.02), (0, -0.175, deck + 0.02), bevel=0.004),  # handle
    ]
    m.part("resin_vat", vat)
    m.part("wiper", box(M.plastic_grey, (0.012, 0.25, 0.01), (0.09, -0.03, deck + 0.044), bevel=0.002))

    # Z tower and build platform
    m.part("z_axis_tower", [
        box(M.paint_anthracite, (0.08, 0.045, 0.30), (0, 0.14, deck + 0.15), bevel=0.006),
        box(M.aluminium_brushed, (0.02, 0.005, 0.27), (0, 0.1165, deck + 0.15), bevel=0.001),
    ])
    pz = deck + 0.17
    plat = m.part("build_platform", [
        box(M.aluminium_brushed, (0.05, 0.09, 0.03), (0, 0.095, pz + 0.03), bevel=0.004),
        box(M.aluminium_brushed, (0.03, 0.16, 0.015), (0, 0.02, pz + 0.03), bevel=0.003),
        box(M.aluminium_brushed, (0.15, 0.15, 0.012), (0, -0.03, pz), bevel=0.002),
        cyl(M.plastic_black, 0.014, 0.03, (0, -0.03, pz + 0.06), n=12, bevel=0.003),  # platform knob
    ], pivot=(0, 0.095, pz + 0.03))
    # parts hanging upside down under the platform (with support stubs)
    parts = []
    for i, (x, y) in enumerate(((-0.035, -0.05), (0.03, -0.06), (0.0, 0.01))):
        parts.append(lathe(M.resin_amber, [(0.0, -0.05), (0.018, -0.05), (0.024, -0.035), (0.012, -0.012),
                                            (0.0, -0.012)], (x, y, pz), n=12))
        parts.append(cyl(M.resin_amber, 0.003, 0.012, (x, y, pz - 0.012), n=6))
    m.part("printed_parts", parts, parent=plat, pivot=(0, -0.03, pz))

    # resin cartridge at the back
    m.part("resin_cartridge", [
        box(M.plastic_dark_grey, (0.11, 0.05, 0.17), (-0.08, 0.175, deck + 0.07), bevel=0.01, segs=2),
        box(M.plastic_black, (0.03, 0.03, 0.012), (-0.08, 0.175, deck + 0.159), bevel=0.003),
    ])

    # orange UV hood
    hz = deck + 0.004
    hood = [
        box(M.glass_orange, (0.37, 0.30, 0.32), (0, -0.035, hz + 0.16), bevel=0.02, segs=3),
    ]
    m.part("uv_hood", hood, pivot=(0, 0.115, hz + 0.32))
    m.part("hood_hinge", box(M.plastic_black, (0.24, 0.02, 0.02), (0, 0.118, hz + 0.31), bevel=0.004))
    return m
