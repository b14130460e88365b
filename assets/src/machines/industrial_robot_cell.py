"""Orange 6-axis industrial robot (16 kg class, ~1.6 m reach) in a 3 x 3 m safety cell:
yellow fence posts, wire-mesh panels (alphaMode BLEND texture), a hinged door with an
interlock, a loading opening guarded by a light curtain, a pick table and the robot
controller with its teach pendant outside the fence.

Robot joints are nested joint_1 > ... > joint_6 > gripper with origins on the axes
(AXES) and posed with POSE (degrees)."""

import math

from common import (Machine, box, box_z, cyl, emergency_stop, hazard_stripes_image, hmi_screen,
                    image_material, mesh_mask_image, prism, quad, signal_tower, tube, warning_sign)

AXES = {"joint_1": "Z", "joint_2": "X", "joint_3": "X", "joint_4": "Y", "joint_5": "X", "joint_6": "Y"}
POSE = {"joint_1": 18.0, "joint_2": 12.0, "joint_3": 24.0, "joint_4": 0.0, "joint_5": 54.0, "joint_6": 0.0}

HALF = 1.5          # the fence is a 3 x 3 m square
FENCE_H = 2.0


def fence_panel(M, mesh_mat, x0, x1, y, along="X", z0=0.15, z1=FENCE_H - 0.05):
    """Black tube frame with a wire-mesh infill between x0 and x1 (or y0 and y1 when
    along='Y', then `y` is the x position)."""
    L = x1 - x0
    c = (x0 + x1) / 2
    h = z1 - z0
    zc = (z0 + z1) / 2
    t = 0.03
    if along == "X":
        pos = lambda u, v, z: (u, v, z)
        size = lambda a, b, cc: (a, b, cc)
        facing = "-Y"
    else:
        pos = lambda u, v, z: (v, u, z)
        size = lambda a, b, cc: (b, a, cc)
        facing = "X"
    out = [
        box(M.paint_anthracite, size(L, t, t), pos(c, y, z0 + t / 2), bevel=0),
        box(M.paint_anthracite, size(L, t, t), pos(c, y, z1 - t / 2), bevel=0),
        box(M.paint_anthracite, size(t, t, h), pos(x0 + t / 2, y, zc), bevel=0),
        box(M.paint_anthracite, size(t, t, h), pos(x1 - t / 2, y, zc), bevel=0),
    ]
    tile = 0.1
    uv = ((0, 0), ((L - 2 * t) / tile, 0), ((L - 2 * t) / tile, (h - 2 * t) / tile), (0, (h - 2 * t) / tile))
    out.append(quad(mesh_mat, L - 2 * t, h - 2 * t, pos(c, y, zc), facing=facing, uv=uv))
    return out


def post(M, x, y):
    return [
        box_z(M.warning_yellow, (0.06, 0.06, FENCE_H), x, y, 0.0, bevel=0.004),
        box_z(M.paint_anthracite, (0.14, 0.14, 0.012), x, y, 0.0, bevel=0.002),
        box_z(M.plastic_black, (0.064, 0.064, 0.012), x, y, FENCE_H, bevel=0.003),
    ]


def build():
    m = Machine("industrial_robot_cell")
    M = m.mats
    mesh_img = mesh_mask_image("wire_mesh", 32, 3, "#26292C", hole_alpha=0.06)
    mesh_mat = image_material("wire_mesh_panel", mesh_img, emissive=False, roughness=0.5, metallic=0.0,
                              double_sided=True, blend=True)

    # ---------------- fence ----------------
    H = HALF
    posts, panels = [], []
    xs = [-H, -0.5, 0.5, H]
    for x in xs:
        for y in (-H, H):
            posts += post(M, x, y)
    for y in (-0.5, 0.5):
        for x in (-H, H):
            posts += post(M, x, y)
    # back side and both lateral sides: full panels
    for a, b in zip(xs[:-1], xs[1:]):
        panels += fence_panel(M, mesh_mat, a + 0.03, b - 0.03, H)
    for xside in (-H, H):
        for a, b in zip(xs[:-1], xs[1:]):
            panels += fence_panel(M, mesh_mat, a + 0.03, b - 0.03, xside, along="Y")
    # front: middle panel only (left = loading opening, right = door)
    panels += fence_panel(M, mesh_mat, -0.47, 0.47, -H)
    m.part("fence_posts", posts)
    m.part("fence_panels", panels)

    # door (hinged on the post at x = 0.5)
    door = fence_panel(M, mesh_mat, 0.54, H - 0.04, -H, z0=0.05, z1=FENCE_H - 0.05)
    door.append(box(M.aluminium_brushed, (0.03, 0.05, 0.3), (H - 0.12, -H - 0.05, 1.05), bevel=0.008, segs=2))
    m.part("cell_door", door, pivot=(0.54, -H, 1.0))
    m.part("door_interlock", [
        box(M.warning_yellow, (0.05, 0.06, 0.16), (H - 0.04, -H - 0.06, 1.05), bevel=0.006),
        box(M.plastic_black, (0.04, 0.02, 0.04), (H - 0.04, -H - 0.095, 1.1), bevel=0.003),
        cyl(M.led_green, 0.006, 0.006, (H - 0.04, -H - 0.093, 1.0), axis="-Y", n=8),
    ])
    m.part("warning_sign", warning_sign(M, (0.0, -H - 0.017, 1.55), size=0.25, symbol="robot"))

    # light curtain at the loading opening, with hazard-striped kick plate
    lc = []
    for x in (-H + 0.09, -0.59):
        lc.append(box_z(M.plastic_black, (0.045, 0.045, 1.5), x, -H - 0.02, 0.1, bevel=0.004))
        lc.append(box_z(M.warning_yellow, (0.046, 0.046, 0.08), x, -H - 0.02, 1.6, bevel=0.004))
        lc.append(box_z(M.led_red, (0.006, 0.02, 1.3), x + (0.024 if x < -1 else -0.024), -H - 0.02, 0.2, bevel=0))
    m.part("light_curtain", lc)
    stripes = image_material("hazard_stripes_mat", hazard_stripes_image(), emissive=False, roughness=0.5)
    m.part("hazard_kick_plate", quad(stripes, 0.8, 0.1, (-1.0, -H - 0.046, 0.06),
                                      uv=((0, 0), (8, 0), (8, 1), (0, 1))))

    # roller conveyor through the opening
    conv = [box(M.aluminium_brushed, (0.05, 1.4, 0.08), (-1.0 + s * 0.28, -1.1, 0.7), bevel=0.004) for s in (-1, 1)]
    for k in range(12):
        conv.append(cyl(M.steel, 0.022, 0.52, (-1.0, -1.72 + k * 0.11, 0.72), axis="X", n=10))
    for yy in (-1.7, -0.5):
        for s in (-1, 1):
            conv.append(box_z(M.aluminium_brushed, (0.04, 0.04, 0.66), -1.0 + s * 0.28, yy, 0.0, bevel=0.003))
    m.part("roller_conveyor", conv)
    m.part("conveyor_box", box_z(M.twin_teal, (0.3, 0.22, 0.16), -1.0, -0.85, 0.744, bevel=0.01, segs=2))

    # pick table in front of the robot
    tab = [box_z(M.steel, (0.8, 0.6, 0.03), 0.35, -0.45, 0.62, bevel=0.004)]
    for sx in (-1, 1):
        for sy in (-1, 1):
            tab.append(box_z(M.paint_anthracite, (0.05, 0.05, 0.62), 0.35 + sx * 0.35, -0.45 + sy * 0.25, 0.0, bevel=0.003))
    tab += [box_z(M.aluminium_brushed, (0.1, 0.1, 0.06), 0.2 + 0.15 * i, -0.45 + 0.15 * j, 0.65, bevel=0.006)
            for i in range(3) for j in (-1, 0, 1) if (i + j) % 2 == 0]
    m.part("pick_table", tab)

    # ---------------- the robot (built with upper arm vertical, forearm horizontal) ----------------
    rx, ry = 0.0, 0.45
    zb = 0.0
    base = m.part("robot_base", [
        box_z(M.paint_anthracite, (0.56, 0.56, 0.03), rx, ry, zb, bevel=0.004),
        cyl(M.robot_orange, 0.22, 0.2, (rx, ry, zb + 0.13), n=28, bevel=0.02, segs=2),
        box_z(M.robot_orange, (0.46, 0.46, 0.05), rx, ry, zb + 0.03, bevel=0.01),
        cyl(M.plastic_black, 0.035, 0.05, (rx + 0.2, ry + 0.2, zb + 0.09), axis="X", n=10),   # cable connector
    ], pivot=(rx, ry, zb))
    a1z = zb + 0.23
    a2 = (rx, ry - 0.26, zb + 0.675)
    carousel = [
        cyl(M.robot_orange, 0.23, 0.1, (rx, ry, a1z + 0.05), n=28, bevel=0.015, segs=2),
        prism(M.robot_orange, [(0.12, 0.0), (-0.26 - 0.13, 0.0), (-0.26 - 0.13, 0.445 + 0.05),
                               (-0.26 + 0.13, 0.445 + 0.13), (0.12, 0.2)], 0.16, (rx - 0.16, ry, a1z),
              plane="YZ", bevel=0.03, segs=2),
        cyl(M.plastic_black, 0.09, 0.12, (rx - 0.3, a2[1], a2[2]), axis="X", n=18, bevel=0.01),     # A2 motor
        cyl(M.plastic_black, 0.07, 0.16, (rx + 0.1, ry + 0.12, a1z + 0.14), n=16, bevel=0.01),      # A1 motor
        cyl(M.paint_light_grey, 0.05, 0.42, (rx - 0.02, ry + 0.05, a1z + 0.3), axis="Y", n=14,
            rot=(-55, 0, 0)),                                                                        # balancer
    ]
    j1 = m.part("joint_1", carousel, parent=base, pivot=(rx, ry, a1z))
    L2 = 0.68
    a3 = (rx, a2[1], a2[2] + L2)
    upper = [
        cyl(M.robot_orange, 0.15, 0.16, a2, axis="X", n=24, bevel=0.02, segs=2),
        prism(M.robot_orange, [(-0.13, 0.0), (0.13, 0.0), (0.1, L2), (-0.1, L2)], 0.14,
              (rx, a2[1], a2[2]), plane="YZ", bevel=0.025, segs=2),
        cyl(M.robot_orange, 0.115, 0.15, a3, axis="X", n=22, bevel=0.02, segs=2),
    ]
    # prism plane YZ maps u->Y, v->Z; shift the profile so it starts at a2
    j2 = m.part("joint_2", upper, parent=j1, pivot=a2)
    fx = rx + 0.13
    fore = [
        cyl(M.robot_orange, 0.12, 0.13, (fx, a3[1], a3[2]), axis="X", n=22, bevel=0.02, segs=2),
        box(M.robot_orange, (0.2, 0.34, 0.22), (fx - 0.04, a3[1] + 0.05, a3[2]), bevel=0.04, segs=2),
        box(M.plastic_black, (0.16, 0.12, 0.16), (fx - 0.04, a3[1] + 0.27, a3[2]), bevel=0.02, segs=2),  # A4-A6 motors
    ]
    j3 = m.part("joint_3", fore, parent=j2, pivot=(fx - 0.04, a3[1], a3[2]))
    L3 = 0.67
    wy = a3[1] - L3
    j4 = m.part("joint_4", [
        cyl(M.robot_orange, 0.075, L3 - 0.22, (fx - 0.04, a3[1] - 0.12 - (L3 - 0.22) / 2, a3[2]), axis="-Y", n=20,
            r2=0.06, bevel=0.01),
        box(M.robot_orange, (0.16, 0.1, 0.12), (fx - 0.04, wy + 0.13, a3[2]), bevel=0.03, segs=2),
    ], parent=j3, pivot=(fx - 0.04, a3[1] - 0.12, a3[2]))
    wx = fx - 0.04
    j5 = m.part("joint_5", [
        cyl(M.robot_orange, 0.06, 0.15, (wx, wy, a3[2]), axis="X", n=20, bevel=0.012, segs=2),
        cyl(M.robot_orange, 0.05, 0.06, (wx, wy - 0.05, a3[2]), axis="-Y", n=18),
    ], parent=j4, pivot=(wx, wy, a3[2]))
    fy = wy - 0.09
    j6 = m.part("joint_6", [
        cyl(M.aluminium_dark, 0.045, 0.02, (wx, fy, a3[2]), axis="-Y", n=18),
    ], parent=j5, pivot=(wx, fy + 0.01, a3[2]))
    m.part("gripper", [
        cyl(M.paint_light_grey, 0.05, 0.04, (wx, fy - 0.03, a3[2]), axis="-Y", n=18),
        box(M.paint_light_grey, (0.16, 0.08, 0.07), (wx, fy - 0.09, a3[2]), bevel=0.01, segs=2),
        box(M.steel, (0.02, 0.09, 0.05), (wx - 0.06, fy - 0.17, a3[2]), bevel=0.004),
        box(M.steel, (0.02, 0.09, 0.05), (wx + 0.06, fy - 0.17, a3[2]), bevel=0.004),
        cyl(M.cable_blue, 0.006, 0.2, (wx + 0.05, fy + 0.05, a3[2] + 0.05), axis="Y", n=6),
    ], parent=j6, pivot=(wx, fy - 0.01, a3[2]))

    # ---------------- controller outside the fence ----------------
    cx_, cy_ = H + 0.35, -0.6
    m.part("robot_controller", [
        box_z(M.paint_light_grey, (0.5, 0.5, 0.95), cx_, cy_, 0.05, bevel=0.012, segs=2),
        box_z(M.paint_anthracite, (0.46, 0.46, 0.05), cx_, cy_, 0.0, bevel=0.004),
        box(M.robot_orange, (0.004, 0.3, 0.05), (cx_ + 0.252, cy_, 0.85), bevel=0),
        box(M.aluminium_dark, (0.02, 0.04, 0.1), (cx_ - 0.21, cy_ - 0.26, 0.6), bevel=0.004),
    ] + emergency_stop(M, (cx_, cy_ - 0.252, 0.85)))
    img = hmi_screen("robot_ui", "ROBOT", ["AUTO EXT", "PROG PICK_01", "OVR 100%", "CYCLE 8.4 S"], w=160, h=112,
                     accent="#F36F16")
    ui = image_material("teach_pendant_screen", img)
    pc, pr = (cx_ + 0.26, cy_, 0.6), (0, -10, 90)
    m.part("teach_pendant", [
        box(M.paint_anthracite, (0.3, 0.05, 0.22), pc, bevel=0.015, segs=2, rot=pr),
        quad(ui, 0.2, 0.14, pc, rot=pr, offset=(0.0, -0.0255, 0.01)),
    ])
    m.part("controller_cable", tube(M.cable_black, [(cx_ - 0.1, cy_ + 0.2, 0.05), (cx_ - 0.4, cy_ + 0.3, 0.02),
                                                    (0.6, 0.7, 0.02), (rx + 0.25, ry + 0.2, 0.05)],
                                    0.015, n=6, sub=3))
    m.part("signal_tower", signal_tower(M, (H, -H, FENCE_H + 0.012)))

    m.pose(POSE, AXES)  # the robot in a working pose
    # working cycle (6 s): pick from the table, swing round, place, come back
    m.cycle(6.0, {
        "joint_1": {"rot": ("Z", [(0, 0), (1.5, 0), (3.0, 75), (4.5, 75), (6.0, 0)])},
        "joint_2": {"rot": ("X", [(0, 0), (0.75, 14), (1.25, 14), (2.0, 0), (3.25, 0), (3.75, 14),
                                  (4.25, 14), (5.0, 0), (6.0, 0)])},
        "joint_3": {"rot": ("X", [(0, 0), (0.75, -8), (1.25, -8), (2.0, 0), (3.25, 0), (3.75, -8),
                                  (4.25, -8), (5.0, 0), (6.0, 0)])},
        "joint_6": {"rot": ("Y", [(0, 0), (1.5, 0), (3.0, 90), (4.5, 90), (6.0, 0)])},
    })
    return m
