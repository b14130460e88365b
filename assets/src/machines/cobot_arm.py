"""Collaborative robot arm (6 joints) with a two-finger gripper on a small aluminium table,
~0.9 x 0.8 m table, arm reach ~0.85 m.

The joints are nested (joint_1 > joint_2 > ... > joint_6 > gripper) and each has its
origin on its rotation axis (joint_1, joint_4... see AXES), so they can be animated
by rotating the node; the exported pose is set with POSE (degrees)."""

import math

from common import (Machine, box, box_z, cyl, emergency_stop, hmi_screen, image_material, quad,
                    tube)

# rotation axis of each joint in its parent's frame, and the exported pose (degrees)
AXES = {"joint_1": "Z", "joint_2": "X", "joint_3": "X", "joint_4": "X", "joint_5": "Z", "joint_6": "Y"}
POSE = {"joint_1": -37.0, "joint_2": 20.0, "joint_3": 105.0, "joint_4": -35.0, "joint_5": 0.0, "joint_6": 0.0}


def housing(M, r, length, center, axis, cap_ends=(1,), rim=0.012):
    """Rounded joint housing: light-grey cylinder with blue caps on the given ends
    (+1 / -1 along the axis)."""
    out = [cyl(M.plastic_light_grey, r, length, center, axis=axis, n=24, bevel=r * 0.25, segs=3)]
    ax = {"X": (1, 0, 0), "Y": (0, 1, 0), "-Y": (0, -1, 0), "Z": (0, 0, 1)}[axis]
    for e in cap_ends:
        c = tuple(center[i] + ax[i] * e * (length / 2 + 0.002) for i in range(3))
        out.append(cyl(M.cobot_blue, r * 0.82, 0.008, c, axis=axis, n=24, bevel=0.002))
    return out


def build():
    m = Machine("cobot_arm")
    M = m.mats

    # ---------------- table ----------------
    tw, td, th = 0.9, 0.8, 0.78
    tab = [box_z(M.steel, (tw, td, 0.02), 0, 0, th - 0.02, bevel=0.003)]
    for sx in (-1, 1):
        for sy in (-1, 1):
            x, y = sx * (tw / 2 - 0.03), sy * (td / 2 - 0.03)
            tab.append(box_z(M.aluminium_brushed, (0.045, 0.045, th - 0.05), x, y, 0.03, bevel=0.003))
            tab.append(cyl(M.rubber_black, 0.025, 0.03, (x, y, 0.015), n=12))
    for sy in (-1, 1):
        tab.append(box(M.aluminium_brushed, (tw - 0.1, 0.045, 0.045), (0, sy * (td / 2 - 0.03), th - 0.06), bevel=0.003))
        tab.append(box(M.aluminium_brushed, (tw - 0.1, 0.045, 0.045), (0, sy * (td / 2 - 0.03), 0.15), bevel=0.003))
    for sx in (-1, 1):
        tab.append(box(M.aluminium_brushed, (0.045, td - 0.1, 0.045), (sx * (tw / 2 - 0.03), 0, th - 0.06), bevel=0.003))
    tab.append(box_z(M.paint_dark_grey, (tw - 0.08, td - 0.08, 0.015), 0, 0, 0.175, bevel=0.002))
    m.part("table", tab)
    m.part("control_box", [
        box_z(M.paint_light_grey, (0.46, 0.26, 0.42), 0.1, 0.05, 0.19, bevel=0.01, segs=2),
        box(M.aluminium_dark, (0.02, 0.03, 0.12), (0.3, -0.09, 0.45), bevel=0.005),
        box(M.cobot_blue, (0.46, 0.004, 0.03), (0.1, -0.081, 0.57), bevel=0),
        box(M.led_green, (0.012, 0.004, 0.012), (-0.08, -0.082, 0.55), bevel=0),
    ])
    # teach pendant on its holder on the side of the table
    img = hmi_screen("cobot_ui", "COBOT", ["RUN PICK-PLACE", "TCP X 412.3", "TCP Y -96.0", "SPEED 80%"],
                     progress=0.8, w=160, h=112)
    ui = image_material("teach_pendant_screen", img)
    pc, pr = (tw / 2 + 0.035, -0.1, th - 0.16), (0, 0, 90)
    m.part("teach_pendant", [
        box(M.plastic_light_grey, (0.3, 0.05, 0.22), pc, bevel=0.012, segs=2, rot=pr),
        quad(ui, 0.2, 0.14, pc, rot=pr, offset=(0.02, -0.0255, 0.0)),
    ] + emergency_stop(M, (pc[0] + 0.026, pc[1] + 0.115, pc[2] + 0.06), facing="X", scale=0.7) + [
        box(M.aluminium_dark, (0.02, 0.22, 0.05), (tw / 2 + 0.005, -0.1, th - 0.26), bevel=0.003),
    ])
    m.part("parts_tray", [box_z(M.plastic_black, (0.3, 0.22, 0.03), -0.15, -0.2, th, bevel=0.004)]
           + [box_z(M.twin_teal, (0.04, 0.04, 0.03), -0.25 + 0.07 * i, -0.2 + 0.06 * j, th + 0.03, bevel=0.004)
              for i in range(3) for j in (-1, 1) if not (i == 2 and j == 1)])

    # ---------------- arm (built in the straight-up "candle" pose) ----------------
    bx, by, zb = 0.12, 0.16, th
    base = m.part("robot_base", [
        cyl(M.plastic_light_grey, 0.085, 0.02, (bx, by, zb + 0.01), n=24, bevel=0.004),
        cyl(M.cobot_blue, 0.075, 0.004, (bx, by, zb + 0.022), n=24),
    ], pivot=(bx, by, zb))
    j1 = m.part("joint_1", housing(M, 0.062, 0.13, (bx, by, zb + 0.089), "Z", cap_ends=()),
                parent=base, pivot=(bx, by, zb + 0.024))
    z2 = zb + 0.185
    sx = bx + 0.075                                       # shoulder housing centre (offset sideways)
    j2 = m.part("joint_2", housing(M, 0.062, 0.15, (sx, by, z2), "X", cap_ends=(1, -1)) + [
        tube(M.plastic_light_grey, [(sx, by, z2), (sx, by, z2 + 0.425)], 0.043, n=16, sub=1),
    ], parent=j1, pivot=(sx, by, z2))
    z3 = z2 + 0.425
    ex = sx - 0.005
    j3 = m.part("joint_3", housing(M, 0.052, 0.13, (ex, by, z3), "X", cap_ends=(1, -1)) + [
        tube(M.plastic_light_grey, [(ex, by, z3), (ex, by, z3 + 0.39)], 0.036, n=16, sub=1),
    ], parent=j2, pivot=(ex, by, z3))
    z4 = z3 + 0.39
    j4 = m.part("joint_4", housing(M, 0.044, 0.12, (ex, by, z4), "X", cap_ends=(-1,)),
                parent=j3, pivot=(ex, by, z4))
    wx = ex + 0.02
    j5 = m.part("joint_5", housing(M, 0.044, 0.11, (wx, by, z4 + 0.085), "Z", cap_ends=(1,)),
                parent=j4, pivot=(wx, by, z4 + 0.085))
    z6 = z4 + 0.1
    j6 = m.part("joint_6", housing(M, 0.042, 0.09, (wx, by - 0.045, z6), "Y", cap_ends=()) + [
        cyl(M.aluminium_dark, 0.032, 0.012, (wx, by - 0.095, z6), axis="-Y", n=20),     # tool flange
    ], parent=j5, pivot=(wx, by - 0.045, z6))
    # two-finger gripper on the flange, fingers pointing -Y (forward in candle pose)
    gy = by - 0.1
    grip = m.part("gripper", [
        cyl(M.paint_anthracite, 0.04, 0.03, (wx, gy - 0.015, z6), axis="-Y", n=20, bevel=0.004),
        box(M.paint_anthracite, (0.12, 0.06, 0.05), (wx, gy - 0.055, z6), bevel=0.012, segs=2),
        box(M.cobot_blue, (0.122, 0.01, 0.052), (wx, gy - 0.03, z6), bevel=0.002),
    ], parent=j6, pivot=(wx, gy, z6))
    for side, s in (("left", -1), ("right", 1)):
        fx = wx + s * 0.03
        m.part("finger_" + side, [
            box(M.aluminium_brushed, (0.018, 0.07, 0.03), (fx, gy - 0.115, z6), bevel=0.003),
            box(M.rubber_black, (0.006, 0.03, 0.026), (fx - s * 0.011, gy - 0.135, z6), bevel=0.001),
        ], parent=grip, pivot=(fx, gy - 0.085, z6))
    # cable from the control box up the table leg to the base
    m.part("robot_cable", tube(M.cable_black, [(0.3, 0.18, 0.4), (0.33, 0.32, 0.55), (0.3, 0.34, th - 0.02),
                                               (bx + 0.05, by + 0.1, th + 0.005), (bx + 0.02, by + 0.07, th + 0.01)],
                               0.009, n=6, sub=4))

    m.pose(POSE, AXES)  # the arm in a working pose
    # working cycle (5 s): reach down into the tray, grip, lift, swing across,
    # set the part down, open, come back
    m.cycle(5.0, {
        "joint_1": {"rot": ("Z", [(0, 0), (1.25, 0), (2.5, 70), (3.75, 70), (5.0, 0)])},
        "joint_2": {"rot": ("X", [(0, 0), (0.5, 12), (1.0, 12), (1.5, 0), (2.75, 0), (3.25, 12),
                                  (3.75, 12), (4.25, 0), (5.0, 0)])},
        "joint_3": {"rot": ("X", [(0, 0), (0.5, -10), (1.0, -10), (1.5, 0), (2.75, 0), (3.25, -10),
                                  (3.75, -10), (4.25, 0), (5.0, 0)])},
        "finger_left": {"loc": [(0, (0, 0, 0)), (0.75, (0, 0, 0)), (1.0, (0.012, 0, 0)), (3.5, (0.012, 0, 0)),
                                (3.75, (0, 0, 0)), (5.0, (0, 0, 0))]},
        "finger_right": {"loc": [(0, (0, 0, 0)), (0.75, (0, 0, 0)), (1.0, (-0.012, 0, 0)), (3.5, (-0.012, 0, 0)),
                                 (3.75, (0, 0, 0)), (5.0, (0, 0, 0))]},
    })
    return m
