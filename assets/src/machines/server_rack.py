"""42U server / IoT rack with a glass front door: servers and storage with glowing
status LEDs (emissive texture), a network switch and patch panel with patch cables,
an IoT gateway, a PDU and a UPS, ~0.6 x 1.07 x 2.0 m."""

from common import Canvas, Machine, box, box_z, cyl, frame_panel, image_material, quad, tube

U = 0.04445                     # one rack unit in metres
W, D, H = 0.6, 1.07, 2.0
Z0 = 0.1                        # bottom of U1


def uz(u, n=1):
    """Centre height of an n-U device whose lowest unit is u (1-based)."""
    return Z0 + (u - 1) * U + n * U / 2


def fronts_images():
    """Base colour and emission atlases for the device fronts (each row = one kind)."""
    w, h = 256, 256
    base = Canvas(w, h, "#1B1D20")
    glow = Canvas(w, h, "#000000")
    # row A (0..63): 2U server: drive bays with LEDs
    base.rect(0, 0, w, 64, "#2A2D31")
    for k in range(12):
        x = 6 + k * 20
        base.rect(x, 6, 17, 52, "#17191B")
        base.rect(x + 2, 44, 13, 4, "#3A3E42")
        col = "#3CFF62" if (k * 7) % 5 else "#FFB000"
        glow.rect(x + 3, 10, 4, 3, col)
        base.rect(x + 3, 10, 4, 3, col)
    # row B (64..127): 1U server
    base.rect(0, 64, w, 64, "#2E3236")
    for k in range(8):
        x = 40 + k * 24
        base.rect(x, 74, 20, 40, "#15171A")
    base.rect(6, 74, 24, 40, "#00A3A1")
    glow.rect(10, 80, 6, 6, "#3A8CFF")
    base.rect(10, 80, 6, 6, "#3A8CFF")
    # row C (128..191): 24-port switch with link LEDs
    base.rect(0, 128, w, 64, "#23262A")
    for k in range(24):
        x = 8 + (k % 12) * 20
        y = 136 + (k // 12) * 26
        base.rect(x, y, 14, 12, "#0B0C0D")
        if (k * 5) % 7 != 3:
            glow.rect(x + 1, y - 4, 4, 2, "#3CFF62")
            base.rect(x + 1, y - 4, 4, 2, "#3CFF62")
            glow.rect(x + 8, y - 4, 4, 2, "#FFB000" if k % 3 == 0 else "#3CFF62")
            base.rect(x + 8, y - 4, 4, 2, "#FFB000" if k % 3 == 0 else "#3CFF62")
    # row D (192..255): 24-port patch panel (numbered)
    base.rect(0, 192, w, 64, "#202225")
    for k in range(24):
        x = 8 + (k % 12) * 20
        y = 200 + (k // 12) * 26
        base.rect(x, y, 14, 12, "#0E0F10")
        base.rect(x + 2, y + 14, 10, 3, "#D8DCE0")
    return base.to_image("rack_fronts"), glow.to_image("rack_fronts_glow")


def row_uv(row):
    """UV corners for row 0..3 of the 4-row atlas (row 0 at the top of the image)."""
    v0 = 1.0 - (row + 1) / 4.0
    v1 = 1.0 - row / 4.0
    return ((0, v0), (1, v0), (1, v1), (0, v1))


def build():
    m = Machine("server_rack")
    M = m.mats
    base_img, glow_img = fronts_images()
    fronts = image_material("device_fronts", base_img, emissive=False, roughness=0.45, emission_image=glow_img)

    y0, y1 = -D / 2, D / 2
    # ---------------- rack frame: plinth, posts, roof, sides, back ----------------
    t = 0.02
    frame = [box_z(M.paint_anthracite, (W, D, 0.08), 0, 0, 0.0, bevel=0.004)]
    frame.append(box_z(M.paint_anthracite, (W, D, 0.05), 0, 0, H - 0.05, bevel=0.008, segs=2))
    for sx in (-1, 1):
        frame.append(box_z(M.paint_anthracite, (t, D - 0.02, H - 0.13), sx * (W / 2 - t / 2), 0, 0.08, bevel=0.004))   # side panels
        for yy in (y0 + 0.07, y1 - 0.07):
            frame.append(box_z(M.steel, (0.03, 0.02, H - 0.13), sx * 0.235, yy, 0.08, bevel=0.0))        # 19" rails
    frame.append(box_z(M.paint_anthracite, (W - 2 * t, t, H - 0.13), 0, y1 - t / 2 - 0.01, 0.08, bevel=0.003))
    # roof fan grills
    for k in range(2):
        frame.append(cyl(M.plastic_black, 0.06, 0.004, (0, -0.2 + 0.4 * k, H + 0.001), n=16))
    m.part("rack_frame", frame)
    m.part("twin_badge", quad(image_material("twin_logo_mat", _logo()), 0.16, 0.05, (0, y0 - 0.001, H - 0.025)))

    # ---------------- devices ----------------
    dy = y0 + 0.085            # front face of the devices (behind the door)

    def device(name, u, n, row, depth=0.7, mat=None, front_w=0.44):
        zc = uz(u, n)
        parts = [
            box(mat or M.steel, (0.43, depth, n * U - 0.003), (0, dy + depth / 2 + 0.004, zc), bevel=0.002),
            box(M.paint_dark_grey, (0.482, 0.004, n * U - 0.003), (0, dy + 0.002, zc), bevel=0),    # rack ears
            quad(fronts, front_w, n * U - 0.006, (0, dy - 0.0005, zc), uv=row_uv(row)),
        ]
        return m.part(name, parts)

    u = 36
    device("patch_panel", u, 1, 3, depth=0.12)
    device("network_switch", u - 2, 1, 2, depth=0.35)
    device("iot_gateway", u - 4, 1, 1, depth=0.3)
    for i in range(4):
        device("server_%d" % (i + 1), 22 + i * 2, 2, 0)
    device("compute_node_1", 20, 1, 1)
    device("compute_node_2", 19, 1, 1)
    device("storage_array", 14, 2, 0, depth=0.75)
    device("storage_expansion", 12, 2, 0, depth=0.75)
    # blanking panels over the empty units
    blank = []
    for (a, n) in ((2, 8), (16, 3), (30, 2), (37, 5)):
        blank.append(box(M.paint_anthracite, (0.482, 0.006, n * U - 0.002), (0, dy + 0.003, uz(a, n)), bevel=0))
    m.part("blanking_panels", blank)
    # UPS at the bottom (3U) with a small status display
    m.part("ups", [
        box(M.paint_anthracite, (0.43, 0.6, 0.9 * U), (0, dy + 0.3, Z0 + 0.45 * U), bevel=0.004),
    ])
    # patch cables: short loops from the patch panel to the switch ports
    cables = []
    cols = [M.cable_blue, M.cable_yellow, M.cable_blue, M.cable_red, M.cable_grey, M.cable_blue, M.cable_yellow,
            M.cable_blue]
    zp, zs = uz(36, 1), uz(34, 1)
    for k in range(8):
        x = -0.19 + k * 0.055
        xs = -0.185 + k * 0.037
        cables.append(tube(cols[k], [(x, dy - 0.004, zp + 0.004), (x, dy - 0.035, zp - 0.005), (0.5 * (x + xs), dy - 0.05, 0.5 * (zp + zs)),
                                     (xs, dy - 0.035, zs + 0.012), (xs, dy - 0.004, zs + 0.004)], 0.0028, n=5, sub=3))
    # cable management ring on the side
    cables.append(box(M.plastic_black, (0.03, 0.05, 0.1), (0.215, dy - 0.02, uz(35, 1)), bevel=0.004))
    m.part("patch_cables", cables)
    # PDU strip at the back
    m.part("pdu", [
        box_z(M.plastic_black, (0.05, 0.05, 1.6), 0.2, y1 - 0.07, 0.2, bevel=0.004),
        box(M.led_blue, (0.004, 0.03, 0.02), (0.174, y1 - 0.07, 1.7), bevel=0),
    ])

    # ---------------- glass front door (hinged on the left) ----------------
    dz0, dz1 = 0.08, H - 0.05
    dc = (0, y0 - 0.012, (dz0 + dz1) / 2)
    door = frame_panel(M.paint_anthracite, W, dz1 - dz0, 0.02, dc, (0, 0, W - 0.08, dz1 - dz0 - 0.12), bevel=0.004)
    door.append(box(M.aluminium_brushed, (0.025, 0.03, 0.22), (W / 2 - 0.035, y0 - 0.035, 1.1), bevel=0.006, segs=2))
    door.append(box(M.plastic_black, (0.03, 0.012, 0.04), (W / 2 - 0.035, y0 - 0.05, 1.18), bevel=0.003))
    door_obj = m.part("front_door", door, pivot=(-W / 2, y0 - 0.012, dc[2]))
    m.part("door_glass", box(M.glass, (W - 0.08, 0.008, dz1 - dz0 - 0.12), dc, bevel=0), parent=door_obj,
           pivot=(-W / 2, y0 - 0.012, dc[2]))
    m.part("door_hinges", [box(M.steel, (0.02, 0.03, 0.06), (-W / 2 + 0.005, y0 - 0.015, z), bevel=0.003)
                           for z in (0.3, 1.75)])
    m.part("casters", [cyl(M.rubber_black, 0.025, 0.02, (sx * 0.24, sy * 0.45, 0.025), axis="X", n=10)
                       for sx in (-1, 1) for sy in (-1, 1)])
    return m


def _logo():
    import bpy
    from common import logo_image
    return bpy.data.images.get("twin_logo") or logo_image("twin_logo", 64, 20, text="TWIN", sub="")
