"""VR / AR station: play-area floor mat, a desk with PC tower, monitor, keyboard, a VR
headset on its stand with two controllers, and two tracking base stations on light
stands, ~2.4 x 2.8 x 2.1 m."""

import math

from mathutils import Euler, Vector

from common import (Canvas, Machine, box, box_z, cyl, image_material, quad, sphere, torus, tube)


def mat_image():
    c = Canvas(128, 128, "#3A3F44")
    c.frame(0, 0, 128, 128, "#00A3A1", 5)
    c.frame(9, 9, 110, 110, "#4A5055", 1)
    c.circle(64, 64, 22, "#00A3A1", ring=2)
    c.circle(64, 64, 3, "#00A3A1")
    c.text(64 - c.text_width("TWIN VR") // 2, 96, "TWIN VR", "#00A3A1", 1)
    return c.to_image("vr_mat")


def monitor_image():
    w, h = 192, 108
    c = Canvas(w, h, "#0B1620")
    # sky gradient and a perspective grid floor
    for y in range(h // 2):
        f = y / (h / 2)
        c.rect(0, y, w, 1, "#%02X%02X%02X" % (int(20 + 40 * f), int(60 + 80 * f), int(90 + 90 * f)))
    c.rect(0, h // 2, w, h // 2, "#10222C")
    for k in range(-8, 9):
        c.line(w / 2 + k * 6, h / 2, w / 2 + k * 40, h, "#00A3A1", 1)
    for y in (56, 60, 66, 75, 88, 104):
        c.rect(0, y, w, 1, "#00A3A1")
    c.rect(0, 0, w, 12, "#00A3A1")
    c.text(4, 3, "VR READY", "#FFFFFF")
    c.text(w - 4 - c.text_width("TWIN"), 3, "TWIN", "#FFFFFF")
    c.circle(30, 30, 10, "#F2F2F2", ring=2)
    c.circle(162, 30, 10, "#F2F2F2", ring=2)
    return c.to_image("vr_monitor")


def build():
    m = Machine("vr_station")
    M = m.mats

    # ---------------- floor mat ----------------
    mcy = -0.45
    mat = image_material("vr_mat_print", mat_image(), emissive=False, roughness=0.8)
    m.part("floor_mat", [
        box_z(M.rubber_black, (2.0, 2.0, 0.008), 0, mcy, 0.0, bevel=0.003),
        quad(mat, 1.98, 1.98, (0, mcy, 0.0085), facing="Z"),
    ])

    # ---------------- desk ----------------
    dy, dw, dd, dh = 1.05, 1.4, 0.7, 0.75
    desk = [box_z(M.paint_white, (dw, dd, 0.03), 0, dy, dh - 0.03, bevel=0.006, segs=2)]
    for sx in (-1, 1):
        desk.append(box_z(M.paint_anthracite, (0.06, dd - 0.1, 0.04), sx * (dw / 2 - 0.08), dy, 0.0, bevel=0.006))
        desk.append(box_z(M.paint_anthracite, (0.05, 0.05, dh - 0.07), sx * (dw / 2 - 0.08), dy, 0.04, bevel=0.004))
        desk.append(box_z(M.paint_anthracite, (0.06, dd - 0.1, 0.03), sx * (dw / 2 - 0.08), dy, dh - 0.06, bevel=0.004))
    desk.append(box(M.paint_anthracite, (dw - 0.2, 0.03, 0.12), (0, dy + dd / 2 - 0.08, dh - 0.1), bevel=0.004))
    m.part("desk", desk)

    # monitor
    img = monitor_image()
    scr = image_material("monitor_screen", img)
    mc = (0.1, dy + 0.15, dh + 0.33)
    m.part("monitor", [
        box(M.plastic_black, (0.64, 0.03, 0.38), mc, bevel=0.006),
        quad(scr, 0.61, 0.345, (mc[0], mc[1] - 0.0155, mc[2] + 0.005)),
        box(M.plastic_dark_grey, (0.06, 0.03, 0.3), (mc[0], mc[1] + 0.04, dh + 0.15), bevel=0.006),
        box_z(M.plastic_dark_grey, (0.25, 0.18, 0.012), mc[0], mc[1] + 0.02, dh, bevel=0.004),
    ])
    m.part("keyboard", [
        box_z(M.plastic_dark_grey, (0.44, 0.14, 0.018), 0.1, dy - 0.15, dh, bevel=0.004, rot=(3, 0, 0)),
        box_z(M.plastic_black, (0.42, 0.12, 0.005), 0.1, dy - 0.15, dh + 0.017, bevel=0.0),
    ])
    m.part("mouse", sphere(M.plastic_black, 0.04, (0.42, dy - 0.15, dh + 0.012), n=12, rings=6, scale=(0.8, 1.3, 0.45)))
    # PC tower beside the desk
    pcx = dw / 2 - 0.25
    m.part("pc_tower", [
        box_z(M.plastic_black, (0.21, 0.45, 0.46), pcx, dy, 0.02, bevel=0.008, segs=2),
        box(M.glass_smoked, (0.004, 0.38, 0.36), (pcx - 0.107, dy, 0.25), bevel=0),
        box(M.led_teal, (0.004, 0.006, 0.4), (pcx - 0.07, dy - 0.226, 0.25), bevel=0),
        cyl(M.led_white, 0.008, 0.004, (pcx + 0.05, dy - 0.227, 0.44), axis="-Y", n=8),
    ] + [cyl(M.rubber_black, 0.015, 0.02, (pcx + sx * 0.08, dy + sy * 0.18, 0.01), n=8) for sx in (-1, 1) for sy in (-1, 1)])

    # headset on a stand (on the desk, left)
    hx, hy = -0.45, dy - 0.05
    hz = dh + 0.32
    m.part("headset_stand", [
        cyl(M.plastic_dark_grey, 0.08, 0.015, (hx, hy, dh + 0.0075), n=20, bevel=0.004),
        cyl(M.aluminium_brushed, 0.012, 0.25, (hx, hy, dh + 0.14), n=10),
        sphere(M.plastic_dark_grey, 0.07, (hx, hy + 0.02, hz - 0.02), n=16, rings=8, scale=(0.9, 1.0, 0.8)),
    ])
    m.part("headset", [
        box(M.plastic_white, (0.19, 0.1, 0.11), (hx, hy - 0.08, hz), bevel=0.03, segs=3),
        box(M.plastic_black, (0.17, 0.012, 0.09), (hx, hy - 0.131, hz), bevel=0.02, segs=2),
        box(M.rubber_black, (0.17, 0.03, 0.09), (hx, hy - 0.02, hz - 0.005), bevel=0.015, segs=2),
        torus(M.plastic_dark_grey, 0.1, 0.014, (hx, hy + 0.03, hz), n=24, m=6, rot=(-12, 0, 0)),
        cyl(M.glass_smoked, 0.012, 0.004, (hx - 0.05, hy - 0.138, hz + 0.02), axis="-Y", n=10),
        cyl(M.glass_smoked, 0.012, 0.004, (hx + 0.05, hy - 0.138, hz + 0.02), axis="-Y", n=10),
    ], pivot=(hx, hy, hz))
    # two hand controllers lying on the desk
    ctrl = []
    for k, sx in enumerate((-1, 1)):
        cx = -0.18 + sx * 0.07
        cy = dy - 0.2
        ctrl.append(tube(M.plastic_black, [(cx, cy + 0.08, dh + 0.02), (cx, cy - 0.05, dh + 0.02)], 0.018, n=10, sub=1))
        ctrl.append(torus(M.plastic_white, 0.045, 0.008, (cx, cy - 0.08, dh + 0.03), n=18, m=6, rot=(20, 0, 0)))
    m.part("controllers", ctrl)

    # ---------------- tracking base stations on light stands ----------------
    for name, (sx, sy) in (("base_station_left", (-1.15, mcy - 1.0)), ("base_station_right", (1.15, mcy + 1.0))):
        stand = []
        for k in range(3):
            a = math.radians(30 + 120 * k)
            stand.append(tube(M.plastic_black, [(sx, sy, 0.45), (sx + 0.3 * math.cos(a), sy + 0.3 * math.sin(a), 0.01)],
                              0.01, n=6, sub=1))
        stand.append(cyl(M.plastic_black, 0.018, 1.6, (sx, sy, 0.4 + 0.8), n=10))
        stand.append(cyl(M.aluminium_brushed, 0.013, 0.45, (sx, sy, 2.0 + 0.0), n=10))
        stand.append(cyl(M.plastic_black, 0.03, 0.05, (sx, sy, 0.47), n=10))
        pole = m.part(name.replace("base_station", "light_stand"), stand)
        # face the centre of the mat, tilted down
        yaw = math.degrees(math.atan2(0 - sx, -(mcy - sy)))
        rot = (30, 0, yaw)
        R = Euler([math.radians(a) for a in rot], "XYZ").to_matrix()
        bc = Vector((sx, sy, 2.26))
        m.part(name, [
            box(M.plastic_black, (0.09, 0.08, 0.09), tuple(bc), bevel=0.015, segs=2, rot=rot),
            box(M.glass_smoked, (0.07, 0.004, 0.06), tuple(bc + R @ Vector((0, -0.041, 0))), rot=rot, bevel=0),
            cyl(M.led_green, 0.005, 0.004, tuple(bc + R @ Vector((0.03, -0.042, -0.035))), axis="-Y", rot=rot, n=8),
        ], parent=pole, pivot=tuple(bc))
    return m
