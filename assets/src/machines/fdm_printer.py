"""Desktop FDM 3D printer (open-frame bed-slinger), ~0.5 x 0.5 x 0.5 m, <= 4k triangles.

Instanced many times in the additive manufacturing platform, so it is kept lean."""

from common import (Machine, box, cyl, hmi_screen, image_material, lathe, prism, quad, tube)


def build():
    m = Machine("fdm_printer")
    M = m.mats

    # --- base: front and back plates joined by two extrusion rails --------------------
    base = [
        box(M.paint_anthracite, (0.36, 0.012, 0.085), (0, -0.255, 0.0475), bevel=0.003),
        box(M.paint_anthracite, (0.36, 0.012, 0.085), (0, 0.245, 0.0475), bevel=0.003),
        box(M.aluminium_dark, (0.03, 0.49, 0.03), (-0.12, -0.005, 0.035), bevel=0.002),
        box(M.aluminium_dark, (0.03, 0.49, 0.03), (0.12, -0.005, 0.035), bevel=0.002),
    ]
    for sx in (-1, 1):
        for y in (-0.245, 0.235):
            base.append(cyl(M.rubber_black, 0.014, 0.006, (sx * 0.16, y, 0.003), n=10))
    m.part("base_frame", base)

    m.part("y_rods", [cyl(M.chrome, 0.004, 0.48, (x, -0.005, 0.066), axis="Y", n=8) for x in (-0.07, 0.07)])

    # --- heated bed (sits slightly forward, as during a print) ------------------------
    bed_y = -0.035
    bed = m.part("heated_bed", [
        box(M.plastic_black, (0.16, 0.11, 0.012), (0, bed_y, 0.074), bevel=0.002),
        box(M.aluminium_brushed, (0.25, 0.25, 0.006), (0, bed_y, 0.086), bevel=0.0015),
    ], pivot=(0, bed_y, 0.08))
    m.part("build_plate", [
        box(M.brass, (0.252, 0.244, 0.0012), (0, bed_y - 0.003, 0.0896), bevel=0.0),
    ], parent=bed, pivot=(0, bed_y, 0.09))
    # a teal part being printed
    m.part("printed_part", lathe(M.filament_teal, [
        (0.03, 0.0), (0.034, 0.012), (0.028, 0.03), (0.022, 0.045), (0.0, 0.045)],
        (0.03, bed_y + 0.02, 0.0902), n=16), parent=bed, pivot=(0.03, bed_y + 0.02, 0.09))

    # --- vertical frame (portal) -------------------------------------------------------
    fy = 0.06
    frame = []
    for sx in (-1, 1):
        frame.append(box(M.paint_anthracite, (0.035, 0.03, 0.44), (sx * 0.195, fy, 0.08 + 0.22), bevel=0.003))
        # Z motor at the foot of each upright
        frame.append(box(M.plastic_black, (0.042, 0.042, 0.042), (sx * 0.15, fy, 0.101), bevel=0.003))
    frame.append(box(M.paint_anthracite, (0.425, 0.03, 0.035), (0, fy, 0.5025), bevel=0.003))
    # side gussets joining the portal to the base
    for sx in (-1, 1):
        frame.append(prism(M.paint_anthracite, [(-0.09, 0.0), (0.07, 0.0), (0.0, 0.12)], 0.008,
                           (sx * 0.182, fy, 0.08), plane="YZ", bevel=0.002))
    frame.append(box(M.paint_anthracite, (0.40, 0.04, 0.02), (0, fy, 0.07), bevel=0.002))
    m.part("z_frame", frame)
    m.part("lead_screws", [cyl(M.steel, 0.004, 0.33, (sx * 0.15, fy, 0.29), n=8) for sx in (-1, 1)]
           + [cyl(M.chrome, 0.004, 0.36, (sx * 0.175, fy - 0.005, 0.28), n=8) for sx in (-1, 1)])

    # --- X gantry -----------------------------------------------------------------------
    gz = 0.215
    gantry = [cyl(M.chrome, 0.004, 0.33, (0, fy - 0.03, gz + dz), axis="X", n=8) for dz in (-0.022, 0.022)]
    for sx in (-1, 1):
        gantry.append(box(M.plastic_dark_grey, (0.05, 0.05, 0.07), (sx * 0.165, fy - 0.012, gz), bevel=0.004))
    gantry.append(box(M.plastic_black, (0.03, 0.035, 0.035), (-0.205, fy - 0.03, gz), bevel=0.003))  # X motor
    x_gantry = m.part("x_gantry", gantry, pivot=(0, fy, gz))

    # --- extruder head on the gantry -----------------------------------------------------
    hx, hy = 0.03, fy - 0.055
    head = [
        box(M.plastic_black, (0.062, 0.05, 0.085), (hx, hy, gz + 0.005), bevel=0.006, segs=2),
        box(M.robot_orange, (0.066, 0.012, 0.06), (hx, hy - 0.028, gz - 0.005), bevel=0.004, segs=2),
        cyl(M.plastic_dark_grey, 0.017, 0.004, (hx, hy - 0.035, gz - 0.005), axis="Y", n=14),  # fan
        box(M.plastic_black, (0.05, 0.03, 0.02), (hx, hy + 0.005, gz - 0.05), bevel=0.003),
        cyl(M.aluminium_brushed, 0.011, 0.012, (hx, hy, gz - 0.062), n=10),  # heater block
        cyl(M.brass, 0.0012, 0.012, (hx, hy, gz - 0.074), r2=0.0045, n=10),  # nozzle
        box(M.plastic_black, (0.03, 0.03, 0.025), (hx, hy + 0.005, gz + 0.06), bevel=0.003),  # extruder motor
    ]
    m.part("extruder_head", head, parent=x_gantry, pivot=(hx, hy, gz))

    # --- filament spool on a side holder --------------------------------------------------
    sz = 0.36
    holder = [
        box(M.plastic_black, (0.02, 0.03, 0.05), (0.222, fy, sz), bevel=0.003),
        cyl(M.plastic_black, 0.012, 0.10, (0.275, fy, sz), axis="X", n=12),
    ]
    m.part("spool_holder", holder)
    spool = lathe(M.plastic_black, [
        (0.013, -0.035), (0.10, -0.035), (0.10, -0.031), (0.045, -0.031), (0.045, 0.031),
        (0.10, 0.031), (0.10, 0.035), (0.013, 0.035)], (0.28, fy, sz), axis="X", n=24,
        cap_start=False, cap_end=False)
    fil = lathe(M.filament_teal, [(0.046, -0.0305), (0.085, -0.0305), (0.085, 0.0305), (0.046, 0.0305)],
                (0.28, fy, sz), axis="X", n=24, cap_start=False, cap_end=False)
    m.part("filament_spool", [spool, fil], pivot=(0.28, fy, sz))
    # PTFE tube from the spool to the extruder
    m.part("filament_tube", tube(M.plastic_white, [
        (0.27, fy - 0.06, sz + 0.06), (0.18, fy - 0.09, 0.40), (0.07, hy + 0.005, 0.33),
        (hx, hy + 0.005, gz + 0.075)], 0.0025, n=6, sub=4))

    # --- display and control knob on the front plate -----------------------------------------
    img = hmi_screen("fdm_ui", "PRINTING", ["BENCHY.GCODE", "NOZZLE 215/215", "BED 60/60", "42% 1H12M"],
                     progress=0.42, w=128, h=80)
    ui = image_material("fdm_display_screen", img)
    disp = [
        box(M.plastic_black, (0.11, 0.02, 0.06), (-0.05, -0.267, 0.047), bevel=0.004, rot=(-12, 0, 0)),
        quad(ui, 0.085, 0.048, (-0.05, -0.267, 0.047), rot=(-12, 0, 0), offset=(0, -0.0102, 0.002)),
    ]
    m.part("display", disp)
    m.part("control_knob", cyl(M.plastic_black, 0.012, 0.014, (0.05, -0.268, 0.047), axis="Y", n=14,
                               bevel=0.002))
    m.part("reset_button", cyl(M.signal_red, 0.004, 0.006, (0.09, -0.263, 0.047), axis="Y", n=8))
    # power supply at the back
    m.part("power_supply", box(M.plastic_black, (0.08, 0.05, 0.16), (0.225, 0.15, 0.09), bevel=0.004))
    m.part("twin_badge", quad(image_material("twin_logo_mat", _logo()), 0.07, 0.022, (0.12, -0.2622, 0.06)))
    # working cycle (4 s): the head sweeps X, the bed Y, the gantry climbs a layer
    m.cycle(4.0, {
        "extruder_head": {"loc": [(0, (0, 0, 0)), (1.0, (-0.08, 0, 0)), (2.0, (0.02, 0, 0)),
                                  (3.0, (-0.06, 0, 0)), (4.0, (0, 0, 0))]},
        "heated_bed": {"loc": [(0, (0, 0, 0)), (0.5, (0, 0.05, 0)), (1.5, (0, -0.04, 0)),
                               (2.5, (0, 0.05, 0)), (3.5, (0, -0.04, 0)), (4.0, (0, 0, 0))]},
        "x_gantry": {"loc": [(0, (0, 0, 0)), (3.75, (0, 0, 0.004)), (4.0, (0, 0, 0))]},
    })
    return m


def _logo():
    from common import logo_image
    return logo_image("twin_logo", 64, 20, text="TWIN", sub="")
