"""Electronics workbench: ESD bench with an upper shelf and LED light bar, oscilloscope,
bench power supply, soldering station, stereo microscope with ring light, multimeter,
parts drawers and a PCB on the ESD mat, ~1.6 x 0.75 x 1.75 m."""

import math

from common import (Canvas, Machine, box, box_z, cyl, image_material, quad, torus, tube)


def scope_image():
    w, h = 160, 100
    c = Canvas(w, h, "#05080A")
    for i in range(1, 10):
        c.rect(i * w // 10, 0, 1, h, "#1C2A30")
    for j in range(1, 8):
        c.rect(0, j * h // 8, w, 1, "#1C2A30")
    c.rect(w // 2, 0, 1, h, "#2E4650")
    c.rect(0, h // 2, w, 1, "#2E4650")
    n = 64
    c.plot(0, 10, w, 36, [0.5 + 0.45 * math.sin(2 * math.pi * 2.5 * k / n) for k in range(n)], "#F2E400")
    c.plot(0, 54, w, 36, [0.9 if (k // 8) % 2 == 0 else 0.1 for k in range(n)], "#30D8FF")
    c.text(3, 2, "CH1 2V", "#F2E400")
    c.text(50, 2, "CH2 5V", "#30D8FF")
    c.text(w - 3 - c.text_width("1KHZ"), 2, "1KHZ", "#FFFFFF")
    return c.to_image("scope_screen")


def psu_image():
    c = Canvas(96, 40, "#081008")
    c.text(4, 5, "12.00V", "#FF4030", 2)
    c.text(4, 24, "0.350A", "#40FF60", 2)
    return c.to_image("psu_display")


def solder_image():
    c = Canvas(48, 24, "#081010")
    c.text(3, 5, "350", "#FF9020", 2)
    c.text(40, 5, "C", "#FF9020", 1)
    return c.to_image("solder_display")


def build():
    m = Machine("electronics_bench")
    M = m.mats
    W, D, H = 1.6, 0.75, 0.86

    # ---------------- bench with ESD mat, uprights, shelf, light bar ----------------
    bench = [box_z(M.paint_light_grey, (W, D, 0.035), 0, 0, H - 0.035, bevel=0.004)]
    for sx in (-1, 1):
        x = sx * (W / 2 - 0.05)
        bench.append(box_z(M.paint_anthracite, (0.06, D - 0.05, 0.05), x, 0, 0.0, bevel=0.005))
        bench.append(box_z(M.paint_anthracite, (0.05, 0.05, H - 0.085), x, 0.0, 0.05, bevel=0.004))
        bench.append(box_z(M.paint_anthracite, (0.05, D - 0.1, 0.04), x, 0.0, H - 0.075, bevel=0.004))
        bench.append(box_z(M.aluminium_dark, (0.04, 0.04, 0.9), x, D / 2 - 0.05, H, bevel=0.003))     # upright
        for y in (-D / 2 + 0.06, D / 2 - 0.06):
            bench.append(cyl(M.rubber_black, 0.02, 0.015, (x, y, 0.0075), n=8))
    bench.append(box(M.paint_anthracite, (W - 0.1, 0.04, 0.05), (0, 0.0, 0.15), bevel=0.004))
    m.part("bench", bench)
    m.part("esd_mat", box_z(M.esd_blue, (W - 0.06, D - 0.08, 0.003), 0, -0.02, H + 0.0005, bevel=0.0))
    sz = H + 0.5
    shelf = [box_z(M.paint_light_grey, (W - 0.04, 0.34, 0.02), 0, D / 2 - 0.2, sz, bevel=0.004)]
    shelf.append(box_z(M.paint_light_grey, (W - 0.04, 0.015, 0.04), 0, D / 2 - 0.37, sz + 0.02, bevel=0.003))
    m.part("shelf", shelf)
    m.part("light_bar", [
        box_z(M.aluminium_brushed, (W - 0.1, 0.1, 0.04), 0, D / 2 - 0.15, H + 0.88, bevel=0.006),
        box_z(M.led_white, (W - 0.14, 0.07, 0.004), 0, D / 2 - 0.15, H + 0.876, bevel=0),
    ])
    m.part("power_strip", [
        box(M.plastic_white, (1.0, 0.04, 0.06), (0, D / 2 - 0.03, H + 0.3), bevel=0.006),
    ] + [box(M.plastic_black, (0.03, 0.004, 0.03), (-0.4 + 0.1 * k, D / 2 - 0.052, H + 0.3), bevel=0) for k in range(9)]
      + [box(M.led_red, (0.012, 0.004, 0.01), (0.46, D / 2 - 0.052, H + 0.3), bevel=0)])

    # ---------------- oscilloscope on the shelf ----------------
    ox, oy, oz = -0.4, D / 2 - 0.22, sz + 0.02
    sc_mat = image_material("oscilloscope_screen", scope_image())
    scope = [
        box_z(M.paint_light_grey, (0.38, 0.16, 0.2), ox, oy, oz, bevel=0.012, segs=2),
        box(M.paint_dark_grey, (0.37, 0.005, 0.19), (ox, oy - 0.08, oz + 0.1), bevel=0.002),
        quad(sc_mat, 0.2, 0.125, (ox - 0.06, oy - 0.0835, oz + 0.105)),
        box_z(M.plastic_black, (0.3, 0.12, 0.02), ox, oy + 0.02, oz - 0.0, bevel=0.004),
    ]
    for r_ in range(3):
        for c_ in range(3):
            scope.append(cyl(M.plastic_grey, 0.009, 0.012, (ox + 0.08 + c_ * 0.035, oy - 0.087, oz + 0.15 - r_ * 0.04),
                             axis="-Y", n=10))
    for k, col in enumerate((M.filament_orange, M.cable_blue)):
        scope.append(cyl(col, 0.007, 0.008, (ox + 0.08 + k * 0.04, oy - 0.086, oz + 0.03), axis="-Y", n=8))
    m.part("oscilloscope", scope)
    # probes hanging down from the scope to the PCB
    m.part("scope_probes", [
        tube(M.cable_black, [(ox + 0.08, oy - 0.09, oz + 0.03), (ox + 0.08, oy - 0.16, oz - 0.08), (ox + 0.2, -0.05, H + 0.1),
                             (0.05, -0.12, H + 0.02)], 0.003, n=6, sub=4),
        tube(M.cable_black, [(ox + 0.12, oy - 0.09, oz + 0.03), (ox + 0.13, oy - 0.18, oz - 0.1), (ox + 0.3, -0.02, H + 0.1),
                             (0.1, -0.08, H + 0.02)], 0.003, n=6, sub=4),
    ])

    # ---------------- bench power supply on the shelf ----------------
    px, py, pz = 0.12, D / 2 - 0.22, sz + 0.02
    psu_mat = image_material("psu_display_mat", psu_image())
    psu = [
        box_z(M.paint_anthracite, (0.24, 0.28, 0.14), px, py + 0.05, pz, bevel=0.01, segs=2),
        box(M.plastic_black, (0.23, 0.005, 0.13), (px, py - 0.09, pz + 0.07), bevel=0.002),
        quad(psu_mat, 0.11, 0.046, (px - 0.045, py - 0.0935, pz + 0.095)),
    ]
    for k in range(2):
        psu.append(cyl(M.plastic_grey, 0.013, 0.015, (px + 0.045 + k * 0.04, py - 0.098, pz + 0.095), axis="-Y", n=12))
    for k, col in enumerate((M.signal_red, M.plastic_black, M.signal_red, M.plastic_black)):
        psu.append(cyl(col, 0.007, 0.014, (px - 0.08 + k * 0.035, py - 0.097, pz + 0.03), axis="-Y", n=8))
    m.part("power_supply", psu)
    m.part("psu_leads", [
        tube(M.cable_red, [(px - 0.08, py - 0.1, pz + 0.03), (px - 0.06, py - 0.2, pz - 0.1), (0.1, -0.1, H + 0.1),
                           (0.0, -0.1, H + 0.015)], 0.0025, n=6, sub=4),
        tube(M.cable_black, [(px - 0.045, py - 0.1, pz + 0.03), (px - 0.02, py - 0.21, pz - 0.12), (0.08, -0.14, H + 0.1),
                             (0.0, -0.13, H + 0.015)], 0.0025, n=6, sub=4),
    ])

    # ---------------- soldering station on the bench (right) ----------------
    stx, sty = 0.45, 0.05
    sd_mat = image_material("solder_display_mat", solder_image())
    sold = [
        box_z(M.paint_blue_grey, (0.14, 0.16, 0.09), stx, sty, H, bevel=0.01, segs=2),
        quad(sd_mat, 0.07, 0.035, (stx, sty - 0.0805, H + 0.06)),
        cyl(M.plastic_grey, 0.012, 0.012, (stx + 0.035, sty - 0.086, H + 0.025), axis="-Y", n=10),
        # iron holder: weighted base, coil, sponge tray
        box_z(M.cast_iron, (0.1, 0.14, 0.02), stx + 0.16, sty - 0.02, H, bevel=0.004),
        box_z(M.warning_yellow, (0.05, 0.05, 0.012), stx + 0.14, sty - 0.06, H + 0.02, bevel=0.002),
        cyl(M.steel, 0.02, 0.1, (stx + 0.17, sty + 0.0, H + 0.07), axis="Y", n=12, rot=(35, 0, 0), r2=0.015),
    ]
    m.part("soldering_station", sold)
    m.part("soldering_iron", [
        tube(M.plastic_black, [(stx + 0.17, sty - 0.03, H + 0.045), (stx + 0.17, sty + 0.06, H + 0.11)], 0.011, n=10, sub=1),
        tube(M.steel, [(stx + 0.17, sty - 0.03, H + 0.045), (stx + 0.17, sty - 0.09, H + 0.003)], 0.003, n=6, sub=1),
        tube(M.cable_grey, [(stx + 0.17, sty + 0.06, H + 0.11), (stx + 0.2, sty + 0.15, H + 0.08), (stx + 0.1, sty + 0.12, H + 0.01),
                            (stx + 0.05, sty + 0.08, H + 0.03)], 0.004, n=6, sub=4),
    ])

    # ---------------- stereo microscope with ring light (left) ----------------
    mx, my = -0.42, -0.02
    mic = [
        box_z(M.paint_white, (0.24, 0.28, 0.03), mx, my, H, bevel=0.01, segs=2),
        cyl(M.aluminium_brushed, 0.018, 0.4, (mx, my + 0.1, H + 0.23), n=12),
        box(M.paint_white, (0.06, 0.1, 0.06), (mx, my + 0.06, H + 0.33), bevel=0.01),
    ]
    m.part("microscope_stand", mic)
    head = (mx, my - 0.01, H + 0.32)
    m.part("microscope", [
        box(M.paint_white, (0.12, 0.1, 0.1), head, bevel=0.02, segs=2),
        cyl(M.paint_anthracite, 0.035, 0.06, (mx, my - 0.01, H + 0.245), n=16),
        torus(M.led_white, 0.04, 0.007, (mx, my - 0.01, H + 0.205), n=20, m=6),
        cyl(M.plastic_black, 0.014, 0.09, (mx - 0.03, my + 0.01, H + 0.4), n=10, rot=(20, 0, 0)),
        cyl(M.plastic_black, 0.014, 0.09, (mx + 0.03, my + 0.01, H + 0.4), n=10, rot=(20, 0, 0)),
        cyl(M.rubber_black, 0.017, 0.02, (mx - 0.03, my + 0.025, H + 0.445), n=10, rot=(20, 0, 0)),
        cyl(M.rubber_black, 0.017, 0.02, (mx + 0.03, my + 0.025, H + 0.445), n=10, rot=(20, 0, 0)),
        cyl(M.plastic_grey, 0.02, 0.03, (mx + 0.07, my - 0.01, H + 0.33), axis="X", n=12),
    ], pivot=head)

    # ---------------- PCB, multimeter, parts drawers, wrist strap ----------------
    pcb = [box_z(make_pcb_mat(), (0.16, 0.1, 0.0016), 0.02, -0.12, H + 0.003, bevel=0)]
    for i, (x, y, w_, d_) in enumerate(((-0.02, -0.12, 0.03, 0.03), (0.03, -0.1, 0.02, 0.012),
                                        (0.06, -0.14, 0.025, 0.015), (0.0, -0.15, 0.012, 0.008))):
        pcb.append(box_z(M.plastic_black, (w_, d_, 0.004), x, y, H + 0.0046, bevel=0))
    pcb.append(cyl(M.aluminium_brushed, 0.006, 0.012, (0.08, -0.1, H + 0.0106), n=10))
    m.part("pcb", pcb)
    m.part("multimeter", [
        box_z(M.warning_yellow, (0.09, 0.17, 0.04), 0.28, -0.18, H, bevel=0.012, segs=2, rot=(0, 0, -12)),
        box_z(M.screen_off, (0.06, 0.04, 0.004), 0.29, -0.225, H + 0.038, bevel=0, rot=(0, 0, -12)),
        cyl(M.plastic_black, 0.018, 0.01, (0.28, -0.16, H + 0.042), n=12),
    ])
    drawers = [box_z(M.plastic_light_grey, (0.3, 0.2, 0.3), 0.62, D / 2 - 0.14, H, bevel=0.006)]
    for r_ in range(5):
        for c_ in range(3):
            drawers.append(box(M.filament_teal if (r_ + c_) % 4 == 0 else M.plastic_white, (0.085, 0.01, 0.048),
                               (0.62 - 0.095 + c_ * 0.095, D / 2 - 0.244, H + 0.035 + r_ * 0.057), bevel=0.003))
    m.part("parts_drawers", drawers)
    m.part("esd_wrist_strap", [
        tube(M.cable_blue, [(-W / 2 + 0.12, -D / 2 + 0.06, H + 0.004), (-W / 2 + 0.2, -D / 2 + 0.1, H + 0.004),
                            (-W / 2 + 0.14, -D / 2 + 0.2, H + 0.004), (-W / 2 + 0.07, D / 2 - 0.1, H + 0.004)],
             0.003, n=6, sub=4),
        torus(M.cable_blue, 0.03, 0.006, (-W / 2 + 0.12, -D / 2 + 0.06, H + 0.006), n=14, m=6),
    ])
    m.part("stool", [
        cyl(M.plastic_black, 0.2, 0.06, (-0.1, -D / 2 - 0.22, 0.6), n=20, bevel=0.02, segs=2),
        cyl(M.aluminium_dark, 0.025, 0.5, (-0.1, -D / 2 - 0.22, 0.32), n=10),
    ] + [tube(M.aluminium_dark, [(-0.1, -D / 2 - 0.22, 0.08), (-0.1 + 0.28 * math.cos(a), -D / 2 - 0.35 + 0.28 * math.sin(a), 0.03)],
              0.015, n=6, sub=1) for a in [2 * math.pi * k / 5 for k in range(5)]])
    return m


def make_pcb_mat():
    from common import make_material
    return make_material("pcb_green", "#1F5E34", 0.0, 0.35)
