#!/usr/bin/python3
"""Generate the default scene file of the Twin tour, ``scenes/twin.json``.

Inputs (paths found from this script's location, so any working directory works):

- ``assets/src/building/layout.json``: floors, zones (footprints), machine spots
  (type, position, yaw) and camera viewpoints. Everything positional comes from
  here; the building may still change, so rerun this script after every change
  of the layout.
- ``assets/models/machines/machines_summary.json`` and the ``.glb`` files next to
  it: model file per machine type, named parts, bounds.
- ``assets/src/content/*.json``: every text a visitor reads (French first, English
  second) and the authored facts beside them (capacities, colours, contacts,
  specifications, tour stops and durations). Staff edit these files, not this
  script: ``assets/src/content/README.md`` says how.

Run with Debian's Python and its standard library only:

    /usr/bin/python3 assets/src/scene/make_twin_scene.py            # -> scenes/twin.json
    /usr/bin/python3 assets/src/scene/make_twin_scene.py --out F    # elsewhere

The output is deterministic (same inputs, same bytes). Problems that would make a
poor scene (a part name missing from a model, a text too long for a panel, a
character the kiosk font lacks, a tour naming an unknown stop) stop the script
with exit status 1; placement findings (a machine pushed back inside its zone, a
machine overlapping furniture or another machine) are printed as notes.

ADMIN PIN: no PIN, hashed or not, is in this script or the repository. The
scene gets ``kiosk.adminPinHash`` only when the environment variable
TWIN_KIOSK_ADMIN_PIN_HASH holds one: a salted slow hash, the "$argon2id$..."
string of libsodium's crypto_pwhash_str (README.md says how to make one).
Without it the scene has no admin PIN; a deployed kiosk's scene must get one.
"""

import argparse
import json
import math
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.dirname(HERE))  # assets/src: genlib, the generators' shared helpers
from genlib import REPO as ROOT  # noqa: E402
from genlib import GlbReader, box_transform, r3, typography  # noqa: E402
LAYOUT = os.path.join(ROOT, "assets", "src", "building", "layout.json")
MACHINES_DIR = os.path.join(ROOT, "assets", "models", "machines")
SUMMARY = os.path.join(MACHINES_DIR, "machines_summary.json")
BUILDING_GLB = os.path.join(ROOT, "assets", "models", "building", "twin_building.glb")
DEFAULT_OUT = os.path.join(ROOT, "scenes", "twin.json")
# The live-data replay (a week of occupancy, activities and machine states),
# from the repository root.
REPLAY_DATA = "assets/data/twin_week.json"

# The admin PIN's hash comes from here, never from the repository (see the docstring).
PIN_HASH_VARIABLE = "TWIN_KIOSK_ADMIN_PIN_HASH"
PIN_HASH_PREFIXES = ("$argon2id$", "$argon2i$")

# Limits for on-screen panels read at kiosk distance.
MAX_DESCRIPTION = 300
MAX_NARRATION = 280

# Characters the kiosk font is loaded with (app/ui/overlay.cpp): Latin-1, œ Œ Ÿ,
# dashes/quotes/ellipsis, narrow no-break space, euro sign.
GLYPH_RANGES = [(0x20, 0xFF), (0x152, 0x153), (0x178, 0x178), (0x2010, 0x2027),
                (0x202F, 0x202F), (0x20AC, 0x20AC)]


# ---------------------------------------------------------------------------
# Placement fixes (see README.md): the layout gives the spot; these small
# corrections per machine type are applied on top. Offsets are in the machine's
# own frame: +z = towards its front, +x = to its right seen from the front.
# ---------------------------------------------------------------------------
PLACEMENT_FIX = {
    # type: {"y": absolute height above the floor (None: keep the layout's),
    #        "forward": metres towards the front, "right": metres to the right}
    "fdm_printer": {"y": 0.75},      # on the workbenches (top at 0.75 m)
    "resin_printer": {"y": 0.75},
}
# Whatever the type, a machine whose bounds cross its zone's footprint is pushed
# back inside with this clearance (metres) to the wall.
WALL_CLEARANCE = 0.03

# ---------------------------------------------------------------------------
# Texts: the visitor-facing content is data, in assets/src/content/*.json
# (README.md there says how to edit it). French first, English second; plain
# spaces and straight apostrophes, the typography is applied below.
# ---------------------------------------------------------------------------
CONTENT_DIR = os.path.join(ROOT, "assets", "src", "content")


def T(fr, en):
    """A visitor-facing text, French first."""
    return {"fr": fr, "en": en}


def load_content(content_dir=CONTENT_DIR):
    """The content files, read as they are (checked where they are used)."""
    content = {}
    for kind in ("about", "platforms", "machines", "tours", "training", "quizzes"):
        path = os.path.join(content_dir, kind + ".json")
        with open(path, encoding="utf-8") as f:
            try:
                content[kind] = json.load(f)
            except json.JSONDecodeError as e:
                raise SystemExit("%s: not valid JSON: %s" % (os.path.relpath(path, os.getcwd()), e))
    return content


# Colours for zones the layout may add before texts are written for them.
SPARE_COLOURS = ["#BBBBBB", "#999999", "#DDDDDD", "#555555", "#C0C0A0", "#A0C0C0"]


def number_word(words, lang, n):
    """n as a word in the tour narration ("trois", "three"), the digits beyond the list."""
    table = words.get(lang, [])
    return table[n - 1] if 1 <= n <= len(table) else str(n)


def tour_point(name, ctx, problems, where):
    """A tour's point target named in tours.json."""
    points = {"entrance": ctx["entrance_point"], "buildingCentre": ctx["building_centre"]}
    if isinstance(name, list) and len(name) == 3:
        return name
    if name not in points:
        problems.error("%s: unknown point %r (expected one of %s or [x, y, z])" % (where, name, ", ".join(points)))
        return None
    return points[name]


# ---------------------------------------------------------------------------
# Tour waypoints (building.waypoints): where a tour camera may pass when the
# straight move between two stops would go through a wall. The app searches
# the shortest route over them (CameraPathDesc in app/tour/camera_path.h), so
# they mark the passages, not routes: both sides of every doorway (the camera
# crosses a door square on), corridor mouths, the stair flights' ends and
# landings, both sides of the main entrance.
# The layout gives the stairs and the entrance; it does not list the rooms'
# doors yet, so they are copied here from the walls' openings in
# assets/src/building/make_building.py (build_floor0/1/2): keep both in step.
# scenes/twin.json's tours are checked against the real geometry by
# tests/unit/tour/twin_tours_test.cpp (no move crosses a triangle).
# ---------------------------------------------------------------------------
EYE_HEIGHT = 1.65      # above the floor, as the layout's viewpoints
DOOR_STEP = 0.7        # from the wall's centre line to each side's waypoint
# (floor index, z of the wall's centre line, x of the opening's centre); every
# door is in a wall running along x.
DOORWAYS = [
    (0, 1.5, -12.0), (0, -1.5, -12.0), (0, 1.5, 12.0), (0, -1.5, 11.25),    # ground-floor platforms
    (1, 1.5, -23.5), (1, 1.5, -15.5), (1, 1.5, -7.5),                       # training rooms
    (1, -1.5, -23.5), (1, -1.5, -15.7), (1, -1.5, -7.7),                    # offices, meeting rooms
    (1, -9.0, 20.9), (1, -9.0, 26.9),                                       # incubator offices
    (2, 1.5, 8.8), (2, 1.5, 15.9), (2, -1.5, 8.5),                          # conference, meeting room 3
]
# (floor index, x, z): ends of the corridors where they open onto the central
# hall, and the hall in front of the stairs and lift.
OPENINGS = [
    (0, -6.0, 0.0), (0, 6.0, 0.0), (0, 0.0, 0.5),
    (1, -6.0, 0.0), (1, 6.0, -0.2), (1, 0.0, 0.5),
    (2, 6.0, 0.0), (2, 0.0, 0.5),
]
# In front of the entrance, clear of the canopy (whose edge is 4.5 m out).
ENTRANCE_APPROACH = 9.0


def tour_waypoints(layout, placed, problems):
    """building.waypoints: eye positions at doorways, corridor ends, stairs and the entrance."""
    elevation = [fl["elevation"] for fl in layout["floors"]]
    points = []
    for f, wall_z, x in DOORWAYS:
        for side in (-1, 1):
            points.append([x, elevation[f] + EYE_HEIGHT, wall_z + side * DOOR_STEP])
    for f, x, z in OPENINGS:
        points.append([x, elevation[f] + EYE_HEIGHT, z])
    # Each stair flight pair: the foot, both ends of the landing, the head.
    floor_ids = [fl["id"] for fl in layout["floors"]]
    for stair in layout.get("stairs", []):
        zs = [p[1] for p in stair["footprint"]]
        for below, start in sorted(stair["start"].items()):
            f = floor_ids.index(below)
            if f + 1 >= len(floor_ids) or floor_ids[f + 1] not in stair["arrival"]:
                continue
            arrival = stair["arrival"][floor_ids[f + 1]]
            # Flights climb from the start towards the far end of the stairwell.
            back = min(zs) if abs(min(zs) - start[2]) > abs(max(zs) - start[2]) else max(zs)
            climb = 1.0 if back > start[2] else -1.0
            risers = stair["risers"][below]
            rise = (elevation[f + 1] - elevation[f]) / risers
            half = risers // 2
            landing_y = elevation[f] + half * rise
            landing_edge = start[2] + climb * (half - 1) * stair["tread_m"]
            landing_z = (landing_edge + back) / 2
            points.append([start[0], elevation[f] + EYE_HEIGHT, start[2] - climb * DOOR_STEP])
            points.append([start[0], landing_y + EYE_HEIGHT, landing_z])
            points.append([arrival[0], landing_y + EYE_HEIGHT, landing_z])
            points.append([arrival[0], elevation[f + 1] + EYE_HEIGHT, arrival[2] - climb * DOOR_STEP])
    entrance = layout["entrance"]
    door, facing = entrance["position"], entrance["facing"]
    for out in (-1.5, 1.5, ENTRANCE_APPROACH):
        points.append([door[0] + facing[0] * out, door[1] + EYE_HEIGHT, door[2] + facing[2] * out])
    points = [r3(p) for p in points]
    for p in points:
        blocker = eye_blocked(p, placed)
        if blocker:
            problems.error("tour waypoint %r is inside %s's bounds" % (p, blocker))
    return points

# ---------------------------------------------------------------------------
# Small geometry helpers (matrices, bounds and the glTF reader: genlib)
# ---------------------------------------------------------------------------


def placement_matrix(position, yaw_deg):
    c, s = math.cos(math.radians(yaw_deg)), math.sin(math.radians(yaw_deg))
    # glm::rotate about +Y: x' = c x + s z, z' = -s x + c z
    return [[c, 0.0, s, position[0]], [0.0, 1.0, 0.0, position[1]], [-s, 0.0, c, position[2]], [0.0, 0.0, 0.0, 1.0]]


def point_in_polygon(p, poly):
    x, z = p
    inside = False
    for k in range(len(poly)):
        (x1, z1), (x2, z2) = poly[k], poly[(k + 1) % len(poly)]
        if (z1 > z) != (z2 > z) and x < x1 + (z - z1) * (x2 - x1) / (z2 - z1):
            inside = not inside
    return inside


def polygon_bbox(poly):
    xs, zs = [p[0] for p in poly], [p[1] for p in poly]
    return min(xs), max(xs), min(zs), max(zs)


# ---------------------------------------------------------------------------
# Text checks (the French typography itself: genlib.typography)
# ---------------------------------------------------------------------------


class Problems:
    def __init__(self):
        self.errors = []
        self.notes = []

    def error(self, msg):
        self.errors.append(msg)

    def note(self, msg):
        self.notes.append(msg)


def glyphs_ok(text):
    """Every character is in the kiosk font (a line break separates paragraphs)."""
    return all(ch == "\n" or any(lo <= ord(ch) <= hi for lo, hi in GLYPH_RANGES) for ch in text)


def finish_texts(obj, problems, path=""):
    """Apply typography to every {fr, en} text and check it; returns the new object."""
    if isinstance(obj, dict):
        if set(obj) == {"fr", "en"} and all(isinstance(v, str) for v in obj.values()):
            out = {"fr": typography(obj["fr"], "fr"), "en": typography(obj["en"], "en")}
            for lang in ("fr", "en"):
                s = out[lang]
                if not s.strip():
                    problems.error("%s/%s: empty text" % (path, lang))
                if not glyphs_ok(s):
                    bad = sorted({ch for ch in s if not glyphs_ok(ch)})
                    problems.error("%s/%s: characters missing from the kiosk font: %r" % (path, lang, bad))
                if "  " in s or s != s.strip():
                    problems.error("%s/%s: stray spaces in %r" % (path, lang, s))
                if lang == "en" and re.search(r" [:;?!]", s):
                    problems.error("%s/en: space before punctuation in %r" % (path, s))
                if lang == "fr" and re.search(r"[^\u00a0\u202f][:;?!](\s|$)", s) and not re.search(r"\w://", s):
                    problems.error("%s/fr: missing no-break space before : ; ? ! in %r" % (path, s))
                limit = MAX_NARRATION if path.endswith("/narration") else (
                    MAX_DESCRIPTION if path.endswith(("/description", "/role")) else None)
                if limit and len(s) > limit:
                    problems.error("%s/%s: %d characters, at most %d for a panel" % (path, lang, len(s), limit))
            return out
        return {k: finish_texts(v, problems, path + "/" + k) for k, v in obj.items()}
    if isinstance(obj, list):
        return [finish_texts(v, problems, "%s/%d" % (path, i)) for i, v in enumerate(obj)]
    return obj


# ---------------------------------------------------------------------------
# Scene
# ---------------------------------------------------------------------------


LINK_KINDS = ("contact", "training", "booking")
MAX_LINK = 100  # the app's limit too (app/content/scene_link.h): a QR code a phone reads at arm's length


def checked_link(link, where, problems):
    """A platform's or machine's link for its QR code, as the app validates it; None when bad."""
    url, kind = link.get("url", ""), link.get("kind", "")
    if not re.fullmatch(r"https?://[^\s/?#@:.][^\s]*", url) or len(url) > MAX_LINK or any(
            not "!" <= ch <= "~" for ch in url):
        problems.error("%s: link %r: expected an https:// address of printable ASCII, at most %d characters"
                       % (where, url, MAX_LINK))
        return None
    if kind not in LINK_KINDS:
        problems.error("%s: link kind %r: expected one of %s" % (where, kind, ", ".join(LINK_KINDS)))
        return None
    return {"url": url, "kind": kind}


def platform_id(zone_id):
    pid = zone_id[len("zone_"):] if zone_id.startswith("zone_") else zone_id
    return pid.replace("_", "-")


def seats_from_note(note):
    m = re.search(r"(\d+)\s+(?:learner\s+)?seats", note or "")
    return int(m.group(1)) if m else None


def rel(path_from_root):
    """Path as written in the scene (relative to scenes/, inside assetRoot '..')."""
    return "../" + path_from_root.replace(os.sep, "/")


def build(problems, layout_file=LAYOUT, content_dir=CONTENT_DIR):
    content_files = load_content(content_dir)
    platform_texts = content_files["platforms"]["platforms"]
    machine_texts = content_files["machines"]
    quiz_texts = content_files["quizzes"]
    for mtype in quiz_texts:
        if mtype not in machine_texts:
            problems.error("quizzes.json: %r is not a machine type of machines.json" % mtype)
    with open(layout_file, encoding="utf-8") as f:
        layout = json.load(f)
    with open(SUMMARY, encoding="utf-8") as f:
        summary = json.load(f)

    building_model = layout.get("model", "assets/models/building/twin_building.glb")
    building = GlbReader(os.path.join(ROOT, building_model))

    # Floors ------------------------------------------------------------------
    floors = []
    floor_elev = {}
    for fl in layout["floors"]:
        if fl["node"] not in building.names:
            problems.error("floor %s: node %r is not in the building model" % (fl["id"], fl["node"]))
        floors.append({"id": fl["id"], "name": T(fl["name_fr"], fl["name_en"]),
                       "elevation": fl["elevation"], "height": fl["height"], "nodes": [fl["node"]]})
        floor_elev[fl["id"]] = fl["elevation"]

    # Platforms ---------------------------------------------------------------
    platforms = []
    zone_by_pid = {}
    for zone in layout["zones"]:
        pid = platform_id(zone["id"])
        zone_by_pid[pid] = zone
        content = platform_texts.get(pid)
        if content is None:
            problems.note("zone %s has no authored text: using the layout's names and a generic description" % zone["id"])
            content = {"name": T(zone["name_fr"], zone["name_en"]),
                       "description": content_files["platforms"]["unnamedZone"]["description"],
                       "capacity": max(1, int(zone.get("area_m2", 20) / 10)),
                       "colour": SPARE_COLOURS[len(platforms) % len(SPARE_COLOURS)]}
        seats = seats_from_note(zone.get("note"))
        capacity = seats or content["capacity"]
        desc = T(content["description"]["fr"].format(seats=capacity), content["description"]["en"].format(seats=capacity))
        p = {"id": pid, "name": content["name"], "description": desc, "floor": zone["floor"],
             "footprint": [r3(pt) for pt in zone["footprint"]], "capacity": capacity, "colour": content["colour"]}
        if content.get("services"):
            p["services"] = content["services"]
        if content.get("contact"):
            p["contact"] = {"name": content["contact"]["name"], "email": content["contact"]["email"]}
        if content.get("link"):
            link = checked_link(content["link"], "platform %s" % pid, problems)
            if link:
                p["link"] = link
        platforms.append(p)
    for pid in platform_texts:
        if pid not in zone_by_pid:
            problems.note("authored platform %r has no zone in the layout any more (left out)" % pid)
    colours = [p["colour"].upper() for p in platforms]
    if len(set(colours)) != len(colours):
        problems.error("platform colours are not distinct")

    # Machines ----------------------------------------------------------------
    machines = []
    placed = []        # (machine id, type, zone, world bounds, placement matrix, gltf)
    counts = {}
    spots = [(zone, spot) for zone in layout["zones"] for spot in zone.get("machine_spots", [])]
    per_type_total = {}
    for _zone, spot in spots:
        per_type_total[spot["type"]] = per_type_total.get(spot["type"], 0) + 1
    models = {}
    for zone, spot in spots:
        mtype = spot["type"]
        content = machine_texts.get(mtype)
        if content is None:
            problems.error("machine spot %s: no authored content for type %r" % (spot["id"], mtype))
            continue
        if mtype not in summary:
            problems.error("machine spot %s: type %r is not in machines_summary.json" % (spot["id"], mtype))
            continue
        model_file = os.path.join(MACHINES_DIR, summary[mtype]["file"])
        if mtype not in models:
            models[mtype] = GlbReader(model_file)
        gl = models[mtype]
        counts[mtype] = counts.get(mtype, 0) + 1
        n = counts[mtype]
        mid = "%s-%d" % (content["idPrefix"], n)

        # placement: the layout's spot, the type's fix, then kept inside the zone
        fix = PLACEMENT_FIX.get(mtype, {})
        pos = list(spot["position"])
        elevation = zone.get("elevation", floor_elev.get(zone["floor"], 0.0))
        if fix.get("y") is not None:
            pos[1] = elevation + fix["y"]
        yaw = spot.get("yaw_deg", 0.0)
        fwd = fix.get("forward", 0.0)
        right = fix.get("right", 0.0)
        c, s = math.cos(math.radians(yaw)), math.sin(math.radians(yaw))
        pos[0] += s * fwd + c * right      # local +z -> (s, c); local +x -> (c, -s)
        pos[2] += c * fwd - s * right
        lo, hi = box_transform(placement_matrix(pos, yaw), *gl.bounds())
        x0, x1, z0, z1 = polygon_bbox(zone["footprint"])
        dx = max(0.0, (x0 + WALL_CLEARANCE) - lo[0]) - max(0.0, hi[0] - (x1 - WALL_CLEARANCE))
        dz = max(0.0, (z0 + WALL_CLEARANCE) - lo[2]) - max(0.0, hi[2] - (z1 - WALL_CLEARANCE))
        if abs(dx) > 1e-4 or abs(dz) > 1e-4:
            pos[0] += dx
            pos[2] += dz
            problems.note("%s (%s): pushed %.2f m in x, %.2f m in z to stay inside %s"
                          % (mid, spot["id"], dx, dz, zone["id"]))
        m = placement_matrix(pos, yaw)
        wb = box_transform(m, *gl.bounds())
        for corner in ((wb[0][0], wb[0][2]), (wb[1][0], wb[0][2]), (wb[0][0], wb[1][2]), (wb[1][0], wb[1][2])):
            if not point_in_polygon(corner, zone["footprint"]):
                problems.note("%s: a corner of its bounds %s is outside %s" % (mid, r3(corner), zone["id"]))
                break
        # Free space in front of the machine, up to the zone's edge.
        fx, fz = s, c
        front = min((x1 - wb[1][0]) / fx if fx > 1e-6 else float("inf"),
                    (wb[0][0] - x0) / -fx if fx < -1e-6 else float("inf"),
                    (z1 - wb[1][2]) / fz if fz > 1e-6 else float("inf"),
                    (wb[0][2] - z0) / -fz if fz < -1e-6 else float("inf"))
        if front < 0.8:
            problems.note("%s: only %.2f m free in front of it before the wall of %s" % (mid, front, zone["id"]))
        placed.append((mid, mtype, zone, wb, m, gl))

        name = content["name"]
        if per_type_total[mtype] > 1:
            name = T("%s n° %d" % (name["fr"], n), "%s No. %d" % (name["en"], n))
        parts = {}
        for node, part in content["parts"].items():
            if node not in summary[mtype]["parts"]:
                problems.error("%s: part %r is not in machines_summary.json" % (mtype, node))
            if node not in gl.names:
                problems.error("%s: part %r is not a node of %s" % (mtype, node, summary[mtype]["file"]))
            parts[node] = part
        if not 5 <= len(parts) <= 8:
            problems.error("%s: %d parts described, expected 5 to 8" % (mtype, len(parts)))
        machines.append({
            "id": mid,
            "name": name,
            "category": content["category"],
            "model": rel(os.path.relpath(model_file, ROOT)),
            "transform": {"position": r3(pos), "rotationDegrees": r3([0, yaw, 0])},
            "platform": platform_id(zone["id"]),
            "specifications": content["specifications"],
            "safety": {"rules": content["safetyRules"], "protectiveEquipment": content["protectiveEquipment"],
                       "pictograms": content.get("pictograms", [])},
            "parts": parts,
        })
        # The machine explorer's procedures: every step names described parts.
        for procedure in content.get("procedures", []):
            if not 4 <= len(procedure["steps"]) <= 8:
                problems.error("%s: procedure %r has %d steps, expected 4 to 8"
                               % (mtype, procedure["title"]["en"], len(procedure["steps"])))
            for step in procedure["steps"]:
                for node in step.get("parts", []):
                    if node not in parts:
                        problems.error("%s: procedure %r names %r, not one of its described parts"
                                       % (mtype, procedure["title"]["en"], node))
        if content.get("procedures"):
            machines[-1]["procedures"] = content["procedures"]
        if content.get("link"):
            link = checked_link(content["link"], "machine type %s" % mtype, problems)
            if link:
                machines[-1]["link"] = link
        quiz = quiz_texts.get(mtype, [])
        check_quiz(mtype, quiz, parts, problems)
        if quiz:
            machines[-1]["quiz"] = quiz

    check_overlaps(placed, building, problems)

    # Tours -------------------------------------------------------------------
    training_zones = [z for z in layout["zones"] if z["id"].startswith("zone_training")]
    ctx = {
        "training_rooms": len(training_zones),
        "training_seats": seats_from_note(training_zones[0].get("note")) if training_zones else 16,
        "entrance_point": r3([layout["entrance"]["position"][0], layout["entrance"].get("canopy_y", 4.0) - 1.0,
                              layout["entrance"]["position"][2]]),
        "building_centre": r3([(layout["building_bounds"]["x"][0] + layout["building_bounds"]["x"][1]) / 2,
                               4.0, (layout["building_bounds"]["z"][0] + layout["building_bounds"]["z"][1]) / 2]),
    }
    viewpoints = {}
    for zone in layout["zones"]:
        for vp in zone.get("viewpoints", []):
            viewpoints["%s/%s" % (zone["id"], vp["name"])] = vp
    for vp in layout.get("exterior_viewpoints", []):
        viewpoints["exterior/%s" % vp["name"]] = vp
    for key, vp in sorted(viewpoints.items()):
        blocker = eye_blocked(vp["eye"], placed)
        if blocker:
            problems.note("layout viewpoint %s: its eye is inside %s's bounds (the layout should move it)" % (key, blocker))
    machine_ids = {m["id"] for m in machines}
    platform_ids = {p["id"] for p in platforms}
    placed_by_id = {p[0]: p for p in placed}

    tour_texts = content_files["tours"]
    words = tour_texts.get("numberWords", {})
    out_tours = []
    for tour in tour_texts["tours"]:
        stops = []
        for k, stop in enumerate(tour["stops"]):
            where = "tour %s, stop %d" % (tour["id"], k + 1)
            if len(stop["target"]) != 1 or next(iter(stop["target"])) not in ("platform", "machine", "point"):
                problems.error("%s: target %r: expected one of platform, machine or point" % (where, stop["target"]))
                continue
            kind, what = next(iter(stop["target"].items()))
            if kind == "point":
                what = tour_point(what, ctx, problems, where)
                if what is None:
                    continue
            if kind == "platform" and what not in platform_ids:
                problems.error("%s: unknown platform %r" % (where, what))
                continue
            if kind == "machine" and what not in machine_ids:
                problems.error("%s: unknown machine %r" % (where, what))
                continue
            s = {"target": {kind: r3(what) if kind == "point" else what}}
            camera = stop_camera(camera_spec(stop.get("camera")), kind, what, viewpoints, placed_by_id, zone_by_pid,
                                 problems, where)
            if camera:
                s["camera"] = camera
            s["duration"] = stop["duration"]
            s["narration"] = {lang: text.format(rooms=number_word(words, lang, ctx["training_rooms"]),
                                                seats=ctx["training_seats"])
                              for lang, text in stop["narration"].items()}
            for panel in stop.get("panels", []):
                pk, pv = panel.split(":", 1)
                if (pk == "platform" and pv not in platform_ids) or (pk == "machine" and pv not in machine_ids):
                    problems.error("%s: panel %r names nothing" % (where, panel))
            if stop.get("panels"):
                s["panels"] = stop["panels"]
            stops.append(s)
        total = sum(s["duration"] for s in stops)
        dwell = tour.get("dwellSeconds", {"target": total, "tolerance": 0})
        want, tolerance = dwell["target"], dwell.get("tolerance", 0)
        if abs(total - want) > tolerance:
            problems.error("tour %s: its stops last %d s, expected %d s (± %d): change the durations, or the "
                           "target and the title if it names a length" % (tour["id"], total, want, tolerance))
        out_tours.append({"id": tour["id"], "title": tour["title"], "audience": tour["audience"], "stops": stops})

    tour_ids = [t["id"] for t in out_tours]
    if not os.path.isfile(os.path.join(ROOT, REPLAY_DATA)):
        problems.note("%s does not exist yet: the app will report feeds.replay until it does" % REPLAY_DATA)
    kiosk = {
        "idleTimeoutSeconds": 120,
        "attractTour": "discovery" if "discovery" in tour_ids else tour_ids[0],
        "language": "fr",
    }
    pin_hash = os.environ.get(PIN_HASH_VARIABLE, "").strip()
    if pin_hash:
        if not pin_hash.startswith(PIN_HASH_PREFIXES) or len(pin_hash) > 128 or any(
                not "!" <= ch <= "~" for ch in pin_hash):
            problems.error("%s: expected a salted slow hash, the \"$argon2id$...\" string of libsodium's "
                           "crypto_pwhash_str (at most 128 characters), never the PIN or a plain digest"
                           % PIN_HASH_VARIABLE)
        kiosk["adminPinHash"] = pin_hash
    scene = {
        "format": "twin-tour-scene/1",
        "assetRoot": "..",
        "name": content_files["about"]["name"],
        "about": {"text": content_files["about"]["text"]},
        "building": {"models": [{"file": rel(building_model)}], "floors": floors, "roofNodes": ["roof"],
                     "waypoints": tour_waypoints(layout, placed, problems)},
        "platforms": platforms,
        "machines": machines,
        "tours": out_tours,
        "trainingModules": training_modules(content_files["training"], machines, problems),
        # The replay data set is made by another script; the scene only points at it.
        "feeds": {"replay": rel(REPLAY_DATA), "staleAfterSeconds": 900},
        "kiosk": kiosk,
    }
    return finish_texts(scene, problems), placed


def training_modules(texts, machines, problems):
    """training.json's modules, their machine types turned into the ids of every machine of that type."""
    ids_by_type = {}
    for m in machines:
        ids_by_type.setdefault(m["model"].rsplit("/", 1)[-1].rsplit(".", 1)[0], []).append(m["id"])
    out = []
    for module in texts["modules"]:
        used = []
        for mtype in module["machines"]:
            if mtype not in ids_by_type:
                problems.error("training module %s: no machine of type %r in the building" % (module["id"], mtype))
            used += ids_by_type.get(mtype, [])
        if not 0.5 <= module["hours"] <= 200:
            problems.error("training module %s: %r hours, expected 0.5 to 200" % (module["id"], module["hours"]))
        out.append({"id": module["id"], "title": module["title"], "hours": module["hours"],
                    "prerequisites": module["prerequisites"], "machines": used})
    return out


def eye_blocked(eye, placed):
    """The machine whose bounds (plus a margin) hold the eye, if any."""
    for mid, _t, _z, (lo, hi), _m, _g in placed:
        if all(lo[i] - 0.3 <= eye[i] <= hi[i] + 0.3 for i in range(3)):
            return mid
    return None


def camera_spec(cam):
    """A stop's camera as written in tours.json -> the forms stop_camera takes."""
    if cam is None or isinstance(cam, str):
        return cam
    if isinstance(cam, list):
        return [camera_spec(c) for c in cam]
    if "front" in cam:
        return ("front", float(cam["front"]))
    if "part" in cam:
        return ("part", cam["part"])
    if "corner" in cam:
        return ("corner", cam["corner"], tuple(cam["side"]))
    return cam  # {"eye": [...], "target": [...]}


def stop_camera(cam, kind, what, viewpoints, placed_by_id, zone_by_pid, problems, where):
    """Resolve a stop's camera spec (see tours()) to {eye, target}, or None for automatic framing."""
    if cam is None:
        return None
    options = cam if isinstance(cam, list) else [cam]
    for opt in options:
        camera = None
        if isinstance(opt, dict):
            camera = {"eye": r3(opt["eye"]), "target": r3(opt["target"])}
        elif isinstance(opt, str):
            vp = viewpoints.get(opt)
            if vp is None:
                problems.note("%s: viewpoint %r is not in the layout" % (where, opt))
                continue
            camera = {"eye": r3(vp["eye"]), "target": r3(vp["target"])}
        elif opt[0] == "corner":
            zone = zone_by_pid.get(platform_id(opt[1]))
            if zone is None:
                problems.note("%s: zone %r is not in the layout" % (where, opt[1]))
                continue
            camera = corner_camera(zone, opt[2])
        elif kind == "machine":
            camera = machine_camera(placed_by_id[what], opt, problems, where)
        if camera is None:
            continue
        blocker = eye_blocked(camera["eye"], placed_by_id.values())
        if blocker:
            problems.note("%s: camera %r has its eye inside %s; trying the next option" % (where, opt, blocker))
            continue
        return camera
    if kind == "platform" and what in zone_by_pid:
        for corner in ((1, -1), (-1, -1), (1, 1), (-1, 1)):
            camera = corner_camera(zone_by_pid[what], corner)
            if not eye_blocked(camera["eye"], placed_by_id.values()):
                problems.note("%s: falling back to a corner view of %s" % (where, what))
                return camera
    problems.note("%s: no usable camera; automatic framing" % where)
    return None


def corner_camera(zone, corner, inset=1.2, height=2.6):
    """Eye near a corner of the zone's footprint (corner = (sx, sz), -1 = min, +1 = max), looking at its centre."""
    x0, x1, z0, z1 = polygon_bbox(zone["footprint"])
    ex = x0 + inset if corner[0] < 0 else x1 - inset
    ez = z0 + inset if corner[1] < 0 else z1 - inset
    elevation = zone.get("elevation", 0.0)
    return {"eye": r3([ex, elevation + height, ez]),
            "target": r3([(x0 + x1) / 2, elevation + 0.8, (z0 + z1) / 2])}


def machine_camera(placed, how, problems, where):
    """A camera in front of a machine (or one of its parts), kept inside the machine's zone."""
    mid, mtype, zone, wb, m, gl = placed
    yaw_fwd = [m[0][2], m[2][2]]          # world direction of the model's +z
    yaw_right = [m[0][0], m[2][0]]        # world direction of the model's +x
    elevation = zone.get("elevation", 0.0)
    if how[0] == "part":
        i = gl.index(how[1])
        lo, hi = box_transform(m, *gl.subtree_bounds(i))
        size = max(hi[0] - lo[0], hi[2] - lo[2], hi[1] - lo[1])
        dist = max(2.0, 2.6 * size)
        side = 0.35
    else:
        lo, hi = wb
        size = max(hi[0] - lo[0], hi[2] - lo[2], hi[1] - lo[1])
        dist = how[1] * max(1.5, 1.35 * size + 0.5)
        side = 0.45
    centre = [(lo[i] + hi[i]) / 2 for i in range(3)]
    target = [centre[0], lo[1] + 0.45 * (hi[1] - lo[1]), centre[2]]
    eye_y = elevation + min(3.0, max(1.6, hi[1] - elevation + 0.4))
    poly = zone["footprint"]
    # Back off from the wall: shorten the distance until the eye is inside the zone.
    for _ in range(40):
        ex = centre[0] + (yaw_fwd[0] + side * yaw_right[0]) * dist
        ez = centre[2] + (yaw_fwd[1] + side * yaw_right[1]) * dist
        inside = all(point_in_polygon((ex + a, ez + b), poly) for a in (-0.3, 0.3) for b in (-0.3, 0.3))
        if inside:
            break
        dist *= 0.92
    else:
        problems.note("%s: no camera position in front of %s inside %s" % (where, mid, zone["id"]))
    return {"eye": r3([ex, eye_y, ez]), "target": r3(target)}


def check_quiz(mtype, quiz, parts, problems):
    """The machine explorer's quiz (quizzes.json): 3 to 5 questions; a choice has
    2 to 4 answers and the index of the right one, a part question names a
    described part (the learner points at it)."""
    if not 3 <= len(quiz) <= 5:
        problems.error("quizzes.json: %s: %d questions, expected 3 to 5" % (mtype, len(quiz)))
    for i, q in enumerate(quiz):
        where = "quizzes.json: %s/%d" % (mtype, i)
        for member in ("kind", "prompt", "answer", "explanation"):
            if member not in q:
                problems.error("%s: missing %r" % (where, member))
        if q.get("kind") == "choice":
            options = q.get("options", [])
            if not 2 <= len(options) <= 4:
                problems.error("%s: %d answers, expected 2 to 4" % (where, len(options)))
            if not isinstance(q.get("answer"), int) or not 0 <= q["answer"] < len(options):
                problems.error("%s: answer %r is not the index of one of its answers" % (where, q.get("answer")))
        elif q.get("kind") == "part":
            if q.get("answer") not in parts:
                problems.error("%s: answer %r is not one of the parts described for %s" % (where, q.get("answer"), mtype))
        else:
            problems.error("%s: kind %r, expected \"choice\" or \"part\"" % (where, q.get("kind")))


def check_overlaps(placed, building, problems):
    """Notes for machines overlapping each other or the building's furniture (bounding boxes)."""
    def overlap(a, b, tol=0.02):
        return all(min(a[1][i], b[1][i]) - max(a[0][i], b[0][i]) > tol for i in range(3))

    for i in range(len(placed)):
        for j in range(i + 1, len(placed)):
            if overlap(placed[i][3], placed[j][3]):
                problems.note("%s and %s: bounding boxes overlap" % (placed[i][0], placed[j][0]))
    furniture = []
    for idx, node in enumerate(building.nodes):
        name = node.get("name", "")
        parent = building.parent.get(idx)
        if parent is None or not building.nodes[parent].get("name", "").startswith("zone_"):
            continue
        if name.startswith(("zone_", "sign_", "plaque_")):
            continue
        b = building.subtree_bounds(idx)
        if b is not None:
            furniture.append((name, b))
    for mid, _t, _z, wb, _m, _g in placed:
        for name, b in furniture:
            if overlap(wb, b):
                problems.note("%s overlaps the building's %s (bounding boxes)" % (mid, name))


def main():
    ap = argparse.ArgumentParser(description="Generate scenes/twin.json from the building layout and the machine models.")
    ap.add_argument("--out", default=DEFAULT_OUT, help="scene file to write (default: scenes/twin.json)")
    ap.add_argument("--layout", default=LAYOUT, help="building layout to read (default: assets/src/building/layout.json)")
    args = ap.parse_args()
    problems = Problems()
    try:
        scene, _placed = build(problems, args.layout)
    except (KeyError, TypeError, AttributeError) as e:
        # A member missing from, or of the wrong kind in, an edited content file.
        print("error: %s: %r; check the entry against assets/src/content/README.md" % (type(e).__name__, e),
              file=sys.stderr)
        print("%s not written" % args.out, file=sys.stderr)
        return 1
    for n in problems.notes:
        print("note: " + n)
    if problems.errors:
        for e in problems.errors:
            print("error: " + e, file=sys.stderr)
        print("%d problem(s); %s not written" % (len(problems.errors), args.out), file=sys.stderr)
        return 1
    out_dir = os.path.dirname(os.path.abspath(args.out))
    os.makedirs(out_dir, exist_ok=True)
    if os.path.abspath(args.out) != os.path.abspath(DEFAULT_OUT):
        print("note: paths are written relative to scenes/; %s must sit in a folder beside assets/" % args.out)
    text = json.dumps(scene, ensure_ascii=False, indent=1) + "\n"
    with open(args.out, "w", encoding="utf-8", newline="\n") as f:
        f.write(text)
    by_type = {}
    for mach in scene["machines"]:
        by_type[mach["model"].rsplit("/", 1)[-1]] = by_type.get(mach["model"].rsplit("/", 1)[-1], 0) + 1
    print("wrote %s: %d floors, %d platforms, %d machines (%s), %d tours (%s)" % (
        os.path.relpath(args.out, os.getcwd()), len(scene["building"]["floors"]), len(scene["platforms"]),
        len(scene["machines"]), ", ".join("%s ×%d" % kv for kv in sorted(by_type.items())),
        len(scene["tours"]), ", ".join("%s %d s" % (t["id"], sum(s["duration"] for s in t["stops"]))
                                       for t in scene["tours"])))
    return 0


if __name__ == "__main__":
    sys.exit(main())
