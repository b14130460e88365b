"""Low-poly furniture, site props and vehicles for the Twin building (pure Python).

Every function returns a geom.MeshBuilder in the prop's own glTF frame: metres, +Y up,
origin at the centre of the footprint on the floor, front (the side a person uses or
faces) towards +Z.  make_building.py turns each into ONE mesh and places it many
times as linked duplicates (glTF: one mesh, many nodes).
"""

import math

from geom import MeshBuilder

# ---------------------------------------------------------------------------
# seating and tables
# ---------------------------------------------------------------------------


def chair(fabric):
    """Stacking chair: fabric seat and back, black steel sled legs.  Sitter faces +Z."""
    m = MeshBuilder()
    w, d = 0.46, 0.46
    m.box(fabric, -w / 2, w / 2, 0.40, 0.46, -d / 2, d / 2)                     # seat
    m.box(fabric, -w / 2, w / 2, 0.50, 0.88, -d / 2, -d / 2 + 0.05)              # back
    leg = 'metal_black'
    for sx in (-1, 1):
        x = sx * (w / 2 - 0.03)
        m.box(leg, x - 0.015, x + 0.015, 0.0, 0.40, d / 2 - 0.05, d / 2 - 0.02, skip=('ny',))
        m.box(leg, x - 0.015, x + 0.015, 0.0, 0.50, -d / 2 + 0.02, -d / 2 + 0.05, skip=('ny',))
        m.box(leg, x - 0.015, x + 0.015, 0.0, 0.02, -d / 2 + 0.02, d / 2 - 0.02, skip=('ny',))  # sled runner
    return m


def table(w, d, h=0.74, top='wood', legs='metal_white', thick=0.03):
    """Table w (x) by d (z), four square legs."""
    m = MeshBuilder()
    m.box(top, -w / 2, w / 2, h - thick, h, -d / 2, d / 2)
    t = 0.04
    for sx in (-1, 1):
        for sz in (-1, 1):
            x = sx * (w / 2 - 0.06)
            z = sz * (d / 2 - 0.06)
            m.box(legs, x - t / 2, x + t / 2, 0.0, h - thick, z - t / 2, z + t / 2, skip=('ny', 'py'))
    return m


def desk_monitor():
    """Office / coworking desk 1.4 x 0.7 with a monitor at the back; user side +Z."""
    m = table(1.4, 0.7, top='wood', legs='metal_white')
    m.box('metal_black', -0.12, 0.12, 0.74, 0.75, -0.27, -0.13)                 # foot
    m.box('metal_black', -0.02, 0.02, 0.75, 0.95, -0.23, -0.19, skip=('ny',))    # stem
    m.box('screen_black', -0.30, 0.30, 0.92, 1.27, -0.22, -0.19)                 # screen
    m.box('metal_black', -0.22, 0.22, 0.745, 0.76, 0.02, 0.17)                   # keyboard
    return m


def workbench():
    """Workshop bench 1.6 x 0.8, top at 0.75 m, steel frame and lower shelf."""
    m = MeshBuilder()
    w, d, h = 1.6, 0.8, 0.75
    m.box('laminate_grey', -w / 2, w / 2, h - 0.04, h, -d / 2, d / 2)
    m.box('metal_blue', -w / 2 + 0.05, w / 2 - 0.05, 0.15, 0.18, -d / 2 + 0.05, d / 2 - 0.05)
    for sx in (-1, 1):
        for sz in (-1, 1):
            x = sx * (w / 2 - 0.05)
            z = sz * (d / 2 - 0.05)
            m.box('metal_blue', x - 0.025, x + 0.025, 0.0, h - 0.04, z - 0.025, z + 0.025, skip=('ny', 'py'))
    return m


def meeting_table():
    """Meeting table 1.4 (x) by 4.8 (z), two pedestal legs."""
    m = MeshBuilder()
    m.box('wood', -0.7, 0.7, 0.71, 0.74, -2.4, 2.4)
    for z in (-1.6, 1.6):
        m.box('metal_black', -0.45, 0.45, 0.0, 0.71, z - 0.04, z + 0.04, skip=('ny', 'py'))
    m.box('metal_black', -0.05, 0.05, 0.55, 0.6, -1.6, 1.6)
    return m


def cafe_table():
    m = MeshBuilder()
    m.box('wood_light', -0.4, 0.4, 0.72, 0.75, -0.4, 0.4)
    m.box('metal_black', -0.03, 0.03, 0.02, 0.72, -0.03, 0.03, skip=('ny', 'py'))
    m.box('metal_black', -0.25, 0.25, 0.0, 0.02, -0.25, 0.25, skip=('ny',))
    return m


def sofa(fabric='fabric_teal'):
    """Two-and-a-half seat sofa 2.0 x 0.85; sitter faces +Z."""
    m = MeshBuilder()
    m.box('metal_black', -0.95, 0.95, 0.0, 0.08, -0.38, 0.38, skip=('ny',))
    m.box(fabric, -1.0, 1.0, 0.08, 0.42, -0.42, 0.42)                           # base + cushions
    m.box(fabric, -1.0, 1.0, 0.42, 0.82, -0.42, -0.22)                          # back
    m.box(fabric, -1.0, -0.82, 0.42, 0.62, -0.22, 0.42)                         # arms
    m.box(fabric, 0.82, 1.0, 0.42, 0.62, -0.22, 0.42)
    return m


def armchair(fabric='fabric_grey'):
    m = MeshBuilder()
    m.box(fabric, -0.42, 0.42, 0.05, 0.42, -0.4, 0.4)
    m.box(fabric, -0.42, 0.42, 0.42, 0.8, -0.4, -0.22)
    m.box(fabric, -0.42, -0.3, 0.42, 0.6, -0.22, 0.4)
    m.box(fabric, 0.3, 0.42, 0.42, 0.6, -0.22, 0.4)
    m.box('metal_black', -0.38, 0.38, 0.0, 0.05, -0.36, 0.36, skip=('ny',))
    return m


def coffee_table():
    m = MeshBuilder()
    m.box('wood', -0.55, 0.55, 0.36, 0.40, -0.3, 0.3)
    m.box('metal_black', -0.5, -0.46, 0.0, 0.36, -0.26, 0.26, skip=('ny', 'py'))
    m.box('metal_black', 0.46, 0.5, 0.0, 0.36, -0.26, 0.26, skip=('ny', 'py'))
    return m


# ---------------------------------------------------------------------------
# storage, walls items
# ---------------------------------------------------------------------------


def shelf():
    """Metal shelving 2.0 (x) x 0.5 (z) x 2.0 high, front +Z, with a few boxes."""
    m = MeshBuilder()
    w, d, h = 2.0, 0.5, 2.0
    for sx in (-1, 1):
        for sz in (-1, 1):
            x = sx * (w / 2 - 0.02)
            z = sz * (d / 2 - 0.02)
            m.box('metal_grey', x - 0.02, x + 0.02, 0.0, h, z - 0.02, z + 0.02, skip=('ny',))
    for y in (0.1, 0.72, 1.34, 1.96):
        m.box('metal_grey', -w / 2, w / 2, y, y + 0.03, -d / 2, d / 2)
    # boxes on shelves (storage bins)
    m.box('bin_blue', -0.9, -0.45, 0.13, 0.43, -0.2, 0.2)
    m.box('bin_blue', -0.4, 0.05, 0.13, 0.43, -0.2, 0.2)
    m.box('cardboard', 0.25, 0.9, 0.75, 1.10, -0.2, 0.2)
    m.box('bin_blue', -0.9, -0.2, 0.75, 1.00, -0.2, 0.2)
    m.box('cardboard', -0.6, 0.2, 1.37, 1.70, -0.2, 0.2)
    return m


def safety_cabinet():
    """Yellow safety cabinet 1.2 x 0.6 x 1.95 (powders, resins, solvents); doors +Z."""
    m = MeshBuilder()
    m.box('cabinet_yellow', -0.6, 0.6, 0.1, 1.95, -0.3, 0.3)
    m.box('metal_black', -0.58, 0.58, 0.0, 0.1, -0.28, 0.26, skip=('ny',))
    m.box('metal_black', -0.01, 0.01, 0.15, 1.9, 0.3, 0.305, skip=('ny',))
    for s in (-1, 1):
        m.box('steel', s * 0.06 - 0.015, s * 0.06 + 0.015, 0.9, 1.2, 0.3, 0.33)
    m.box('marking_black', -0.25, 0.25, 1.55, 1.75, 0.3, 0.302, skip=('ny',))
    return m


def pallet_rack():
    """Pallet racking bay 2.7 (x) x 1.1 (z) x 3.0, blue uprights, orange beams, loaded."""
    m = MeshBuilder()
    w, d, h = 2.7, 1.1, 3.0
    for sx in (-1, 1):
        for sz in (-1, 1):
            x = sx * (w / 2 - 0.04)
            z = sz * (d / 2 - 0.04)
            m.box('metal_blue', x - 0.04, x + 0.04, 0.0, h, z - 0.04, z + 0.04, skip=('ny',))
    for y in (1.2, 2.4):
        for sz in (-1, 1):
            z = sz * (d / 2 - 0.04)
            m.box('rack_orange', -w / 2, w / 2, y - 0.12, y, z - 0.04, z + 0.04)
    for y0 in (0.0, 1.2, 2.4):
        for cx in (-0.66, 0.66):
            m.box('wood_pallet', cx - 0.6, cx + 0.6, y0, y0 + 0.14, -0.4, 0.4, skip=('ny',))
            top = 0.85 if y0 < 2.0 else 0.5
            m.box('cardboard', cx - 0.55, cx + 0.55, y0 + 0.14, y0 + 0.14 + top, -0.36, 0.36, skip=('ny',))
    return m


def pallet_load():
    m = MeshBuilder()
    m.box('wood_pallet', -0.6, 0.6, 0.0, 0.14, -0.4, 0.4, skip=('ny',))
    m.box('cardboard', -0.55, 0.0, 0.14, 0.64, -0.36, 0.36, skip=('ny',))
    m.box('cardboard', 0.02, 0.55, 0.14, 0.54, -0.36, 0.1, skip=('ny',))
    m.box('film_white', -0.5, -0.05, 0.64, 0.9, -0.3, 0.3, skip=('ny',))
    return m


def whiteboard():
    """Wall whiteboard 2.0 x 1.2 + 65-inch screen beside it; origin on the wall at floor
    level, board towards +Z."""
    m = MeshBuilder()
    m.box('metal_grey', -2.05, -0.05, 0.88, 2.12, 0.0, 0.025)
    m.box('whiteboard', -2.02, -0.08, 0.91, 2.09, 0.025, 0.03, skip=('ny',))
    m.box('metal_grey', -2.0, -0.1, 0.86, 0.88, 0.0, 0.08)           # marker tray
    m.box('screen_black', 0.15, 1.6, 1.15, 2.0, 0.0, 0.05)
    m.box('screen_glow', 0.19, 1.56, 1.19, 1.96, 0.05, 0.052, skip=('ny',))
    return m


def tv_screen():
    """Wall screen 1.65 x 0.95 (75-inch) on the wall, origin at floor level."""
    m = MeshBuilder()
    m.box('screen_black', -0.83, 0.83, 1.1, 2.05, 0.0, 0.05)
    m.box('screen_glow', -0.79, 0.79, 1.14, 2.01, 0.05, 0.052, skip=('ny',))
    return m


def plant():
    """Potted plant, 1.4 m."""
    m = MeshBuilder()
    m.prism('pot_grey', [(-0.22, -0.22), (0.22, -0.22), (0.22, 0.22), (-0.22, 0.22)], 0.0, 0.45, bottom=False)
    m.box('soil', -0.2, 0.2, 0.43, 0.44, -0.2, 0.2, skip=('ny',))
    m.icosphere('foliage', 0.0, 0.95, 0.0, 0.42, 0.55, 0.42, subdiv=1)
    m.cylinder('bark', 0.0, 0.0, 0.03, 0.44, 0.5, n=5)
    return m


def plinth():
    """Showroom pedestal 0.6 x 0.6 x 1.0 with a printed sample part on top."""
    m = MeshBuilder()
    m.box('plinth_white', -0.3, 0.3, 0.0, 1.0, -0.3, 0.3, skip=('ny',))
    m.box('teal', -0.3, 0.3, 0.9, 0.92, 0.3, 0.302, skip=('ny',))
    m.icosphere('sample_metal', 0.0, 1.13, 0.0, 0.13, 0.13, 0.13, subdiv=1)
    m.cylinder('sample_metal', 0.0, 0.0, 0.05, 1.0, 1.05, n=6)
    return m


def kitchen_counter():
    """Kitchenette 3.0 (x) x 0.62 (z) with upper cabinets; front +Z, back on the wall."""
    m = MeshBuilder()
    m.box('cabinet_white', -1.5, 1.5, 0.1, 0.88, -0.31, 0.29)
    m.box('metal_black', -1.48, 1.48, 0.0, 0.1, -0.31, 0.25, skip=('ny',))
    m.box('worktop', -1.5, 1.5, 0.88, 0.92, -0.31, 0.31)
    m.box('steel', 0.3, 0.8, 0.915, 0.93, -0.2, 0.15)                    # sink
    m.box('cabinet_white', -1.5, 1.5, 1.5, 2.2, -0.31, 0.04)             # upper cabinets
    m.box('steel', 1.5, 2.1, 0.0, 1.85, -0.31, 0.31, skip=('ny',))        # fridge
    for x in (-1.0, 0.0, 1.0):
        m.box('metal_black', x - 0.2, x + 0.2, 0.7, 0.72, 0.29, 0.31)
    return m


def reception_desk():
    """Reception counter 3.6 x 0.9, teal band; staff side -Z, visitors at +Z."""
    m = MeshBuilder()
    m.box('plinth_white', -1.8, 1.8, 0.0, 1.05, 0.05, 0.45, skip=('ny',))   # visitor counter
    m.box('worktop', -1.85, 1.85, 1.05, 1.1, 0.0, 0.5)
    m.box('teal', -1.8, 1.8, 0.18, 0.3, 0.45, 0.46, skip=('ny',))
    m.box('worktop', -1.8, 1.8, 0.72, 0.75, -0.45, 0.05)                    # staff desk
    m.box('plinth_white', -1.8, -1.7, 0.0, 0.72, -0.45, 0.05, skip=('ny',))
    m.box('plinth_white', 1.7, 1.8, 0.0, 0.72, -0.45, 0.05, skip=('ny',))
    m.box('screen_black', -0.9, -0.35, 0.77, 1.1, -0.2, -0.17)
    m.box('screen_black', 0.35, 0.9, 0.77, 1.1, -0.2, -0.17)
    return m


def lectern():
    m = MeshBuilder()
    m.box('wood', -0.3, 0.3, 0.0, 1.0, -0.25, 0.25, skip=('ny',))
    m.poly('wood', [(-0.32, 1.0, -0.28), (0.32, 1.0, -0.28), (0.32, 1.12, 0.28), (-0.32, 1.12, 0.28)], (0, 1, 0.2))
    return m


def bench():
    """Outdoor bench 1.8 m, wooden slats on concrete blocks."""
    m = MeshBuilder()
    m.box('concrete_precast', -0.85, -0.65, 0.0, 0.42, -0.22, 0.22, skip=('ny',))
    m.box('concrete_precast', 0.65, 0.85, 0.0, 0.42, -0.22, 0.22, skip=('ny',))
    m.box('wood', -0.9, 0.9, 0.42, 0.47, -0.24, 0.24)
    return m


def planter():
    """Square concrete planter with a small tree (1.6 x 1.6)."""
    m = MeshBuilder()
    m.box('concrete_precast', -0.8, 0.8, 0.0, 0.5, -0.8, 0.8, skip=('ny',))
    m.box('soil', -0.72, 0.72, 0.5, 0.501, -0.72, 0.72, skip=('ny',))
    m.cylinder('bark', 0.0, 0.0, 0.06, 0.5, 1.7, n=5)
    m.icosphere('foliage', 0.0, 2.2, 0.0, 0.8, 0.7, 0.8, subdiv=1)
    return m


def bike_rack():
    m = MeshBuilder()
    for x in (-1.2, -0.4, 0.4, 1.2):
        m.box('steel', x - 0.025, x + 0.025, 0.0, 0.8, -0.35, -0.3, skip=('ny',))
        m.box('steel', x - 0.025, x + 0.025, 0.0, 0.8, 0.3, 0.35, skip=('ny',))
        m.box('steel', x - 0.025, x + 0.025, 0.75, 0.8, -0.3, 0.3)
    return m


# ---------------------------------------------------------------------------
# site
# ---------------------------------------------------------------------------


def tree_round():
    """Deciduous tree ~8 m: hexagonal trunk, two faceted crown lobes."""
    m = MeshBuilder()
    m.cylinder('bark', 0.0, 0.0, 0.18, 0.0, 3.2, n=6, r_top=0.12)
    m.icosphere('foliage', 0.0, 5.2, 0.0, 2.6, 2.4, 2.6, subdiv=1)
    m.icosphere('foliage_dark', 0.9, 4.3, 0.6, 1.6, 1.4, 1.6, subdiv=0)
    return m


def tree_conifer():
    m = MeshBuilder()
    m.cylinder('bark', 0.0, 0.0, 0.16, 0.0, 1.6, n=6, r_top=0.12)
    m.cylinder('foliage_dark', 0.0, 0.0, 1.9, 1.4, 5.2, n=8, r_top=0.0, bottom=True)
    m.cylinder('foliage_dark', 0.0, 0.0, 1.4, 4.0, 8.0, n=8, r_top=0.0, bottom=True)
    return m


def car(paint):
    """Low-poly hatchback 4.2 x 1.8; front towards +Z."""
    m = MeshBuilder()
    hw = 0.88
    body = [(0.3, -2.1), (0.75, -2.1), (0.9, -1.6), (0.95, 1.5), (0.72, 2.1), (0.3, 2.1)]
    m.extrude_x(paint, body, -hw, hw)
    cabin = [(0.9, -1.55), (1.45, -1.3), (1.5, 0.35), (0.95, 1.35)]
    m.extrude_x(paint, cabin, -hw + 0.06, hw - 0.06)
    # windows: slightly proud dark panels on each cabin side, windscreen and rear window
    for s in (-1, 1):
        x = s * (hw - 0.055)
        m.poly('car_glass', [(x, 0.97, -1.45), (x, 1.40, -1.25), (x, 1.44, 0.3), (x, 0.99, 1.22)], (s, 0, 0))
    m.poly('car_glass', [(-hw + 0.1, 0.97, 1.33), (hw - 0.1, 0.97, 1.33), (hw - 0.1, 1.47, 0.37), (-hw + 0.1, 1.47, 0.37)],
           (0, 0.6, 0.5))
    m.poly('car_glass', [(-hw + 0.1, 0.93, -1.57), (hw - 0.1, 0.93, -1.57), (hw - 0.1, 1.42, -1.32), (-hw + 0.1, 1.42, -1.32)],
           (0, 0.4, -0.9))
    for z in (-1.35, 1.3):
        for s in (-1, 1):
            xa, xb = sorted((s * (hw + 0.01), s * (hw - 0.2)))
            m.cylinder_x('tyre', 0.0, 0.32, z, 0.32, xa, xb, n=8)
    m.box('light_white', -0.8, -0.5, 0.62, 0.75, 2.099, 2.101, skip=('ny',))
    m.box('light_white', 0.5, 0.8, 0.62, 0.75, 2.099, 2.101, skip=('ny',))
    m.box('light_red', -0.85, -0.55, 0.6, 0.72, -2.101, -2.099, skip=('ny',))
    m.box('light_red', 0.55, 0.85, 0.6, 0.72, -2.101, -2.099, skip=('ny',))
    return m


def lamp_post():
    m = MeshBuilder()
    m.cylinder('metal_dark', 0.0, 0.0, 0.07, 0.0, 6.0, n=6, r_top=0.05)
    m.box('metal_dark', -0.06, 0.06, 5.9, 6.0, -0.05, 0.9)
    m.box('metal_dark', -0.15, 0.15, 5.86, 5.98, 0.55, 1.1)
    m.quad_y('light_white', -0.12, 0.12, 0.6, 1.05, 5.855, up=False)
    return m


def bollard():
    m = MeshBuilder()
    m.cylinder('metal_dark', 0.0, 0.0, 0.09, 0.0, 0.9, n=6)
    m.box('light_white', -0.07, 0.07, 0.78, 0.84, -0.07, 0.07)
    return m


def solar_row(n=10):
    """A row of n tilted PV panels (1.0 x 1.7 each, portrait), 15 degrees to the south (+Z)."""
    m = MeshBuilder()
    w = 1.05
    L = n * w
    tilt = math.radians(15)
    depth = 1.7
    y_lo, y_hi = 0.3, 0.3 + depth * math.sin(tilt)
    z_lo, z_hi = depth / 2 * math.cos(tilt), -depth / 2 * math.cos(tilt)
    for i in range(n):
        x0 = -L / 2 + i * w + 0.02
        x1 = x0 + w - 0.04
        m.poly('solar', [(x0, y_lo + 0.04, z_lo), (x1, y_lo + 0.04, z_lo), (x1, y_hi + 0.04, z_hi), (x0, y_hi + 0.04, z_hi)],
               (0, 1, 0.3))
    m.poly('metal_grey', [(-L / 2, y_lo, z_lo), (L / 2, y_lo, z_lo), (L / 2, y_hi, z_hi), (-L / 2, y_hi, z_hi)], (0, -1, -0.3))
    for x in (-L / 2 + 0.2, 0.0, L / 2 - 0.2):
        m.box('metal_grey', x - 0.03, x + 0.03, 0.0, y_lo, z_lo - 0.1, z_lo - 0.04, skip=('ny',))
        m.box('metal_grey', x - 0.03, x + 0.03, 0.0, y_hi, z_hi + 0.04, z_hi + 0.1, skip=('ny',))
        m.box('concrete_precast', x - 0.2, x + 0.2, 0.0, 0.1, -0.9, 0.9, skip=('ny',))
    return m


def hvac_unit():
    """Rooftop air handling unit 4.0 x 2.0 x 1.6 with two fans."""
    m = MeshBuilder()
    m.box('hvac', -2.0, 2.0, 0.15, 1.6, -1.0, 1.0)
    m.box('metal_grey', -1.9, 1.9, 0.0, 0.15, -0.9, 0.9, skip=('ny',))
    for x in (-1.0, 1.0):
        m.cylinder('metal_dark', x, 0.0, 0.6, 1.6, 1.75, n=8)
        m.cylinder('metal_grey', x, 0.0, 0.15, 1.75, 1.8, n=6)
    m.box('metal_dark', 1.7, 1.9, 0.3, 1.5, -1.02, -1.0, skip=('ny',))
    return m
