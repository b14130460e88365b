#!/usr/bin/python3
"""Write the replay data set: a typical week of the Twin building as live messages.

Usage:
    /usr/bin/python3 assets/src/data/make_week.py [--scene FILE] [--out FILE]

Defaults: reads scenes/twin.json, writes assets/data/twin_week.json (both found from
this script's location). Only the Python standard library is used; the output is the
same bytes on every run (fixed seed, fixed order). The format is the one documented in
app/feeds/replay_week.h: {"format": "twin-replay/1", "weekStart": ..., "events": [...]},
each event {"at": seconds from weekStart, "topic": without the "twin/v1" prefix,
"payload": as on MQTT without "ts"} (DESIGN.md section 4). One event a line.

The week is Monday 2026-11-23 00:00 UTC to the next Monday. Europe/Paris is on winter
time then (UTC+1): the schedule below is written in local time and stored in UTC.
Platform ids and capacities, machine ids, their platform and category come from the
scene; the schedule names ids and the script stops if the scene lacks one of them.

How the public figures drive the week (DESIGN.md section 7; the company names, course
titles and machine jobs are illustrative):
- About 2,000 learners a year, over about 45 working weeks, is about 44 learners a week.
  Courses take 8 to 15 people (drawn with the seed) and last 2 or 3 days, in half days
  09:00-12:30 and 13:30-17:00. Four courses a week give 46 learners on average (x 45
  weeks = about 2,000 a year; this week's draw: 44, i.e. 1,980) and about 110
  learner-days, i.e. two groups on site every half day: theory in the training rooms,
  hands-on on the platforms whose machines then run. The script prints these figures.
- About 50 companies supported a year, each project lasting about 6 weeks with one or
  two days a week on site: 50 x 6 / 45 = about 7 projects under way in any week. The
  week has 7 (additive, metal printing, resin, digital, machining and a start-up), with
  their meetings in the meeting rooms, and 3 visits of prospective companies shown
  round the reception/showroom (kind "demo").
- The incubator's founders (about a dozen at midday) work there every day; they have a
  founders' workshop on Thursday. The Twin team is in its offices; the stores receive
  material. Everyone lunches at the cafeteria (11:45-14:00); learners take their coffee
  breaks in the break area.
- One open-lab evening (Wednesday 17:30-20:30, makers and students on the machining
  platform) and one conference (Thursday afternoon, 35-46 people, kind "demo").
- The building is open 07:30-19:00 (Wednesday 20:30 for the open lab, Friday 18:00) and
  closed at night and at weekends: occupancy 0, activity kind "closed". Rooms and
  platforms with nothing booked while the building is open also say "closed" with the
  title "Available" (the contract has no kind for "open, nothing booked"); the break
  area, cafeteria and reception, open to all, say "open-lab". Offices and stores say
  "company-project" (their work is supporting the projects).
- Machines: FDM printers print during sessions and projects and for the team, with
  long prints started in the afternoon that run into the evening or night; the metal
  printer (LPBF) has two multi-hour builds, each after a 2-hour setup (powder loading,
  inerting) and followed by depowdering; the SLS printer has one overnight build; the
  robots, cobot, AMR and VR station run during the robotics and Industry 4.0 sessions
  and the digital projects; the racks run simulation batches and a nightly backup; the
  machining centre, laser cutter, electronics benches and scanner run for the machining
  projects, the machining course and the open lab. Machines are "offline" while the
  building is closed, except printers and racks ("idle" between jobs). 1 to 3 faults
  (drawn with the seed), each cleared after 20 to 90 minutes (the machine is then idle),
  and one planned maintenance (LPBF, Friday morning).

Messages:
- occupancy every 10 minutes while the building is open, and at every change (a session
  starts or ends, opening, closing); the count is the people expected plus noise
  (a few learners out of the room, people coming and going), never above the capacity.
- activity at every change, with "next" (what comes after, possibly next Monday) and
  "headcount" (people expected) where it makes sense.
- machine state at every change, with the job name in French and English
  ({"fr": ..., "en": ...}, DESIGN.md section 4; French written first, as French); while
  running, "progress" (0-1) every 10 to 15 minutes. A fault keeps the name of the job it
  stopped, with the reason.

All events are on whole minutes. The script checks what it writes against the payload
rules of app/feeds/payload.h (known ids, count within capacity, titles fr and en
non-empty, jobs a string or exactly fr and en, non-empty, kinds and states of the contract, progress 0-1, start before end, no two
messages on one topic at one time) and stops with exit status 1 if one fails.
"""

import argparse
import json
import os
import random
import sys
from datetime import datetime, timedelta, timezone

SEED = 20261123
FORMAT = "twin-replay/1"
WEEK_START = datetime(2026, 11, 23, tzinfo=timezone.utc)  # a Monday
UTC_OFFSET_HOURS = 1  # Europe/Paris, winter time
MINUTE = 60
HOUR = 3600
DAY = 24 * HOUR
WEEK = 7 * DAY
TICK = 10 * MINUTE

ACTIVITY_KINDS = {"training", "company-project", "demo", "open-lab", "closed"}
MACHINE_STATES = {"running", "idle", "setup", "maintenance", "fault", "offline"}
MAX_TEXT_BYTES = 400

MON, TUE, WED, THU, FRI, SAT, SUN = range(7)
WEEKDAYS = [MON, TUE, WED, THU, FRI]
# Building hours, local time.
OPENING = {MON: ("07:30", "19:00"), TUE: ("07:30", "19:00"), WED: ("07:30", "20:30"),
           THU: ("07:30", "19:00"), FRI: ("07:30", "18:00")}

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))  # assets/src
from genlib import REPO, typography  # noqa: E402  (shared with the other generators)


def fr(text):
    """French typography, as in the scene: no-break spaces before : and in numbers, curly apostrophes."""
    return typography(text, "fr")


def job_name(fr_text, en_text):
    """A machine's job, French first: (fr, en), written as {"fr": ..., "en": ...}."""
    return (fr_text, en_text)


def at(day, hhmm):
    """Seconds from weekStart (UTC) of local time `hhmm` on weekday `day` (0 = Monday)."""
    hours, minutes = (int(part) for part in hhmm.split(":"))
    return day * DAY + (hours - UTC_OFFSET_HOURS) * HOUR + minutes * MINUTE


def iso(seconds):
    return (WEEK_START + timedelta(seconds=seconds)).strftime("%Y-%m-%dT%H:%M:%SZ")


def round_minute(seconds):
    return int(round(seconds / MINUTE)) * MINUTE


def open_span(day):
    start, end = OPENING[day]
    return at(day, start), at(day, end)


def is_open(time):
    return any(open_span(day)[0] <= time < open_span(day)[1] for day in WEEKDAYS)


class Fail(Exception):
    pass


# ---------------------------------------------------------------------------
# The scene
# ---------------------------------------------------------------------------

class Scene:
    def __init__(self, path):
        with open(path, encoding="utf-8") as f:
            doc = json.load(f)
        self.capacity = {p["id"]: int(p["capacity"]) for p in doc["platforms"]}
        self.platforms = [p["id"] for p in doc["platforms"]]
        self.machines = [m["id"] for m in doc["machines"]]
        self.machine_platform = {m["id"]: m["platform"] for m in doc["machines"]}
        self.category = {m["id"]: m["category"] for m in doc["machines"]}

    def need(self, kind, ident):
        known = self.capacity if kind == "platform" else self.category
        if ident not in known:
            raise Fail(f"the schedule names {kind} \"{ident}\", which the scene does not have")
        return ident


# ---------------------------------------------------------------------------
# Activities and presence (who is where)
# ---------------------------------------------------------------------------

class Item:
    """Something booked on a platform: its activity span and the people present."""

    def __init__(self, platform, start, end, kind, title_fr, title_en, headcount=None, present=None,
                 staff=0, ramp_in=15 * MINUTE):
        self.platform = platform
        self.start, self.end = start, end
        self.kind = kind
        self.title = {"fr": fr(title_fr), "en": title_en}
        self.headcount = headcount
        # Spans with people in the room (a full-day course leaves for lunch).
        self.present = present if present is not None else [(start, end)]
        self.people = (headcount or 0) + staff
        self.ramp_in = ramp_in


class Week:
    def __init__(self, scene, rng):
        self.scene = scene
        self.rng = rng
        self.items = []
        self.courses = []  # (title, size, days)
        self.learner_days = 0
        self.companies = set()
        self.visits = 0

    def book(self, platform, day, start, end, kind, title_fr, title_en, headcount=None, present=None,
             staff=0, ramp_in=15 * MINUTE):
        self.scene.need("platform", platform)
        spans = None
        if present is not None:
            spans = [(at(day, a), at(day, b)) for a, b in present]
        item = Item(platform, at(day, start), at(day, end), kind, title_fr, title_en, headcount, spans, staff,
                    ramp_in)
        self.items.append(item)
        return item

    def course(self, title_fr, title_en, days):
        """days: [(day, morning platform, afternoon platform)]; one trainer with the group."""
        size = self.rng.randint(8, 15)
        self.courses.append((title_en, size, len(days)))
        self.learner_days += size * len(days)
        for day, morning, afternoon in days:
            if morning == afternoon:
                self.book(morning, day, "09:00", "17:00", "training", title_fr, title_en, size,
                          present=[("09:00", "12:30"), ("13:30", "17:00")], staff=1)
            else:
                self.book(morning, day, "09:00", "12:30", "training", title_fr, title_en, size, staff=1)
                self.book(afternoon, day, "13:30", "17:00", "training", title_fr, title_en, size, staff=1)
        return size

    def trainees_at(self, time):
        """Learners in a session at `time` (for coffee breaks and lunch)."""
        total = 0
        for item in self.items:
            if item.kind == "training" and item.start <= time < item.end:
                total += item.headcount or 0
        return total

    def learners_on_site(self, day):
        return self.trainees_at(at(day, "11:00"))


def default_activity(platform):
    """What a platform says while the building is open and nothing is booked."""
    if platform == "reception":
        return "open-lab", "Accueil et showroom", "Reception and showroom"
    if platform == "lounge":
        return "open-lab", "Espace détente ouvert à tous", "Break area, open to all"
    if platform == "cafeteria":
        return "open-lab", "Cafétéria ouverte", "Cafeteria open"
    if platform == "offices":
        return "company-project", "Équipe Twin : accompagnement des projets", "Twin team: project support"
    if platform == "logistics":
        return "company-project", "Magasin : matières et consommables", "Stores: materials and consumables"
    if platform == "incubator":
        return ("company-project", "Incubateur : jeunes entreprises accompagnées",
                "Incubator: start-ups at work")
    if platform in ("additive", "digital", "machining"):
        return "closed", "Disponible sur réservation", "Available for booking"
    return "closed", "Salle disponible", "Room available"


CLOSED = ("closed", "Bâtiment fermé", "Building closed")


def activity_segments(week, platform):
    """The platform's activities as contiguous segments covering one week, starting at
    the first opening; the last one (closed) runs to the next week's first opening."""
    booked = sorted((i for i in week.items if i.platform == platform), key=lambda i: i.start)
    for a, b in zip(booked, booked[1:]):
        if b.start < a.end:
            raise Fail(f"{platform}: \"{a.title['en']}\" and \"{b.title['en']}\" overlap")
    segments = []  # (start, end, kind, title, headcount)

    def add(start, end, kind, title, headcount=None):
        if end <= start:
            return
        last = segments[-1] if segments else None
        if last and last[2] == kind and last[3] == title and last[4] == headcount and last[1] == start:
            segments[-1] = (last[0], end, kind, title, headcount)
        else:
            segments.append((start, end, kind, title, headcount))

    kind, title_fr, title_en = default_activity(platform)
    free = {"fr": fr(title_fr), "en": title_en}
    closed = {"fr": CLOSED[1], "en": CLOSED[2]}
    for day in WEEKDAYS:
        open_at, close_at = open_span(day)
        cursor = open_at
        for item in booked:
            if item.start >= close_at or item.end <= open_at:
                continue
            if item.start < open_at or item.end > close_at:
                raise Fail(f"{platform}: \"{item.title['en']}\" is outside the building's hours")
            add(cursor, item.start, kind, free)
            add(item.start, item.end, item.kind, item.title, item.headcount)
            cursor = item.end
        add(cursor, close_at, kind, free)
        next_open = open_span(day + 1)[0] if day + 1 in OPENING else open_span(MON)[0] + WEEK
        add(close_at, next_open, "closed", closed)
    return segments


# ---------------------------------------------------------------------------
# Occupancy
# ---------------------------------------------------------------------------

def profile(points, day, time):
    """Piecewise-linear value of [(hh:mm, value)] on `day` at `time`; 0 outside."""
    times = [(at(day, hhmm), value) for hhmm, value in points]
    if time < times[0][0] or time >= times[-1][0]:
        return 0.0
    for (t0, v0), (t1, v1) in zip(times, times[1:]):
        if t0 <= time < t1:
            return v0 + (v1 - v0) * (time - t0) / (t1 - t0)
    return 0.0


def flow_people(week, platform, day, time):
    """People not in a booked group: staff, passers-by, breaks, lunch."""
    if platform == "reception":
        return (profile([("07:30", 1), ("08:00", 2), ("17:30", 2), ("19:00", 1), ("20:30", 1)], day, time)
                + profile([("08:30", 0), ("08:50", 7), ("09:10", 0)], day, time)
                + profile([("13:15", 0), ("13:30", 3), ("13:45", 0)], day, time))
    if platform == "lounge":
        breaks = 0.0
        for start, peak, end in (("10:25", "10:35", "10:55"), ("15:10", "15:20", "15:40")):
            breaks += profile([(start, 0), (peak, 0.55 * week.trainees_at(at(day, peak))), (end, 0)], day, time)
        return profile([("07:30", 0.5), ("09:00", 2.5), ("16:00", 2.5), ("18:00", 0.5), ("20:30", 0.5)],
                       day, time) + breaks
    if platform == "cafeteria":
        lunch = 0.5 * week.learners_on_site(day) + 8  # learners, founders, staff
        return (profile([("07:30", 0.5), ("08:30", 3), ("10:00", 1.5), ("16:00", 1.5), ("18:00", 0)], day, time)
                + profile([("11:45", 0), ("12:15", 0.6 * lunch), ("12:45", lunch), ("13:15", lunch),
                           ("13:40", 0.4 * lunch), ("14:00", 0)], day, time))
    if platform == "offices":
        return profile([("07:45", 0.5), ("08:30", 4.5), ("12:00", 4.5), ("12:30", 2), ("13:30", 2),
                        ("14:00", 4.5), ("17:30", 4), ("18:30", 0.5)], day, time)
    if platform == "logistics":
        return profile([("08:00", 1), ("09:00", 2), ("12:00", 2), ("13:30", 1), ("16:30", 1.5), ("17:00", 0)],
                       day, time)
    if platform == "incubator":
        return profile([("08:00", 1), ("09:00", 8), ("11:30", 12), ("12:15", 9), ("12:45", 4), ("13:45", 10),
                        ("16:00", 12), ("17:30", 8), ("18:45", 2), ("19:00", 0)], day, time)
    if platform in ("additive", "digital", "machining"):
        # The platform's engineers.
        return profile([("07:45", 1), ("08:30", 2), ("12:30", 2), ("12:45", 0.5), ("13:30", 2),
                        ("17:30", 2), ("18:15", 0)], day, time)
    return 0.0


def group_people(item, time, rng):
    """People of a booked group present at `time`: they come in over `ramp_in` before the
    start, leave over 10 minutes after the end, and a few are out of the room."""
    total = 0
    for start, end in item.present:
        if start - item.ramp_in <= time < start:
            total += int(item.people * (time - (start - item.ramp_in)) / item.ramp_in)
        elif start <= time < end:
            out = sum(1 for _ in range(item.people) if rng.random() < 0.04)
            total += item.people - out
        elif end <= time < end + 10 * MINUTE:
            total += int(item.people * (1 - (time - end) / (10 * MINUTE)))
    return total


def occupancy_events(week, platform, rng, events):
    capacity = week.scene.capacity[platform]
    booked = [i for i in week.items if i.platform == platform]
    for day in WEEKDAYS:
        open_at, close_at = open_span(day)
        times = set(range(open_at, close_at, TICK))
        for item in booked:  # every change
            for start, end in item.present:
                for t in (start, end):
                    if open_at <= t < close_at:
                        times.add(t)
        for time in sorted(times):
            flow = flow_people(week, platform, day, time)
            noisy = flow + rng.gauss(0, 0.3 + 0.08 * flow) if flow > 0 else 0.0
            count = max(0, int(round(noisy))) + sum(group_people(i, time, rng) for i in booked)
            events.append((time, f"platforms/{platform}/occupancy", {"count": min(capacity, count)}))
        events.append((close_at, f"platforms/{platform}/occupancy", {"count": 0}))


def activity_events(week, platform, events):
    segments = activity_segments(week, platform)

    def body(segment, shift=0):
        start, end, kind, title, headcount = segment
        value = {"title": title, "kind": kind, "start": iso(start + shift), "end": iso(end + shift)}
        if headcount is not None:
            value["headcount"] = headcount
        return value

    for index, segment in enumerate(segments):
        payload = body(segment)
        if index + 1 < len(segments):
            payload["next"] = body(segments[index + 1])
        else:
            payload["next"] = body(segments[0], WEEK)  # next Monday
        events.append((segment[0], f"platforms/{platform}/activity", payload))


# ---------------------------------------------------------------------------
# Machines
# ---------------------------------------------------------------------------

class Machines:
    def __init__(self, scene, rng):
        self.scene = scene
        self.rng = rng
        self.plan = {m: [] for m in scene.machines}  # [start, end, state, job, planned duration]

    def free(self, machine, start, end):
        return all(end <= s or start >= e for s, e, *_ in self.plan[machine])

    def add(self, machine, start, end, state, job):
        self.scene.need("machine", machine)
        if not self.free(machine, start, end):
            raise Fail(f"{machine}: \"{job[1]}\" overlaps another job")
        self.plan[machine].append([start, end, state, job, end - start])

    def job(self, machine, start, minutes, job, setup_minutes=0):
        """A job started at `start` (after its setup, if any); returns its end."""
        if setup_minutes:
            self.add(machine, start - setup_minutes * MINUTE, start, "setup", job)
        end = start + minutes * MINUTE
        self.add(machine, start, end, "running", job)
        return end

    def try_job(self, machine, start, minutes, job, setup_minutes=0):
        if self.free(machine, start - setup_minutes * MINUTE, start + minutes * MINUTE + 5 * MINUTE):
            return self.job(machine, start, minutes, job, setup_minutes)
        return None

    def cycles(self, machine, start, end, job_of, run=(20, 45), pause=(8, 20)):
        """Runs with short pauses between start and end (exercises, inspection cycles)."""
        time, n = start, 1
        while True:
            minutes = self.rng.randint(*run)
            if time + minutes * MINUTE > end:
                break
            self.job(machine, time, minutes, job_of(n))
            time += (minutes + self.rng.randint(*pause)) * MINUTE
            n += 1

    def stays_on(self, machine):
        return self.scene.category[machine] == "additive" or machine.startswith("rack-")


FDM_PARTS = [job_name("Clip de câble", "Cable clip"), job_name("Boîtier de capteur", "Sensor housing"),
             job_name("Gabarit de perçage", "Drilling jig"), job_name("Couvercle de boîtier", "Enclosure lid"),
             job_name("Bras de drone", "Drone arm"), job_name("Prototype de charnière", "Hinge prototype"),
             job_name("Montage de contrôle", "Fixture for inspection"),
             job_name("Démonstrateur d'engrenages", "Gear train demo"),
             job_name("Support de bobine", "Spool holder"), job_name("Prototype de poignée", "Handle prototype")]
FDM_MATERIALS = ["PLA", "PETG", "ABS", "PA12-CF", "TPU"]


def plan_machines(scene, rng):
    m = Machines(scene, rng)
    fdm = [f"fdm-{i}" for i in range(1, 9)]

    # Additive: course A hands-on (Monday and Tuesday afternoons).
    for day in (MON, TUE):
        for i, printer in enumerate(fdm[:4]):
            m.job(printer, at(day, "13:50") + 5 * MINUTE * i, rng.randint(80, 150),
                  job_name(f"Éprouvettes de traction PLA — groupe {i + 1 + 4 * (day == TUE)}",
                           f"Tensile specimens PLA — group {i + 1 + 4 * (day == TUE)}"), setup_minutes=10)
    m.job("resin-1", at(MON, "14:15"), 120, job_name("Pièce treillis de démonstration — résine",
                                                     "Lattice demo part — resin"))
    # Alpha Méca: gripper fingers.
    m.job("fdm-5", at(MON, "09:40"), 330, job_name("Doigt de préhenseur PA12-CF — v3", "Gripper finger PA12-CF — v3"),
          setup_minutes=15)
    m.job("fdm-6", at(MON, "10:00"), 390, job_name("Doigt de préhenseur PA12-CF — v3 symétrique",
                                                   "Gripper finger PA12-CF — v3 mirror"), setup_minutes=15)
    m.job("fdm-5", at(TUE, "09:30"), 360, job_name("Doigt de préhenseur PA12-CF — v4", "Gripper finger PA12-CF — v4"),
          setup_minutes=15)
    m.job("fdm-6", at(TUE, "16:10"), 840, job_name("Doigt de préhenseur PA12-CF — lot 1",
                                                   "Gripper finger PA12-CF — batch 1"), setup_minutes=20)
    m.job("sls-1", at(TUE, "10:30"), 900, job_name("Doigts de préhenseur Alpha Méca PA12 — fabrication 47",
                                                   "Alpha Méca gripper fingers PA12 — build 47"), setup_minutes=90)
    m.add("sls-1", at(WED, "09:00"), at(WED, "10:15"), "setup",
          job_name("Déballage et dépoudrage — fabrication 47", "Unpacking and depowdering — build 47"))
    # Hydro Valve: two metal builds, each with setup and depowdering; planned maintenance.
    m.job("lpbf-1", at(MON, "10:30"), 20 * 60 + 10, job_name("Corps de vanne 316L — fabrication 12",
                                                             "Valve body 316L — build 12"), setup_minutes=120)
    m.add("lpbf-1", at(TUE, "09:00"), at(TUE, "10:30"), "setup",
          job_name("Dépoudrage — fabrication 12", "Depowdering — build 12"))
    m.job("lpbf-1", at(WED, "11:30"), 26 * 60 + 20, job_name("Corps de vanne 316L — fabrication 13",
                                                             "Valve body 316L — build 13"), setup_minutes=120)
    m.add("lpbf-1", at(THU, "14:15"), at(THU, "15:45"), "setup",
          job_name("Dépoudrage — fabrication 13", "Depowdering — build 13"))
    m.add("lpbf-1", at(FRI, "08:30"), at(FRI, "11:45"), "maintenance",
          job_name("Maintenance planifiée — changement de filtre et étalonnage du laser",
                   "Planned maintenance — filter change and laser calibration"))
    # Médi-Log: surgical guides.
    m.job("resin-1", at(THU, "09:30"), 170, job_name("Guides chirurgicaux en résine — lot 1",
                                                     "Surgical guide resin — batch 1"), setup_minutes=15)
    m.job("resin-1", at(THU, "13:00"), 185, job_name("Guides chirurgicaux en résine — lot 2",
                                                     "Surgical guide resin — batch 2"), setup_minutes=10)

    # Digital: course B (robots) and C (Industry 4.0), projects Agri Drone and Textiles Loire.
    for day, start, end in ((MON, "13:45", "16:50"), (TUE, "13:45", "16:50"), (WED, "09:15", "12:20")):
        m.cycles("robot-cell-1", at(day, start), at(day, end),
                 lambda n: job_name(f"Palettisation — exercice {n}", f"Palletising — exercise {n}"))
        m.cycles("cobot-1", at(day, start) + 20 * MINUTE, at(day, end),
                 lambda n: job_name(f"Prise et dépose — exercice {n}", f"Pick and place — exercise {n}"),
                 run=(15, 35))
    for day, start, end in ((THU, "09:10", "12:20"), (FRI, "09:10", "12:20")):
        m.cycles("cobot-1", at(day, start), at(day, end),
                 lambda n: job_name(f"Contrôle par vision — rouleau de tissu {n}", f"Vision inspection — fabric roll {n}"),
                 run=(30, 80), pause=(5, 15))
        m.cycles("agv-1", at(day, start) + 30 * MINUTE, at(day, end),
                 lambda n: job_name(f"Navette de rouleaux de tissu — trajet {n}", f"Fabric roll shuttle — run {n}"),
                 run=(10, 20), pause=(20, 40))
    for day in (THU, FRI):
        m.job("vr-1", at(day, "13:45"), 100, job_name("Visite du jumeau numérique — ligne 2",
                                                      "Digital twin walkthrough — line 2"))
        m.job("rack-2", at(day, "14:00"), 150, job_name("TP tableau de bord IoT — flux de capteurs",
                                                        "IoT dashboard lab — sensor streams"))
        m.cycles("agv-1", at(day, "15:40"), at(day, "16:50"),
                 lambda n: job_name(f"Démonstration de routage de flotte — trajet {n}", f"Fleet routing demo — run {n}"),
                 run=(10, 20), pause=(5, 10))
    m.job("vr-1", at(TUE, "09:20"), 150, job_name("Revue du jumeau de la ligne d'assemblage — Agri Drone",
                                                  "Assembly line twin review — Agri Drone"))
    # Rack 1: simulation batches, some overnight; rack 2: the nightly backup.
    rack_jobs = [job_name("Simulation : débit de la ligne d'assemblage", "Simulation: assembly line throughput"),
                 job_name("Calage du jumeau numérique", "Digital twin calibration"),
                 job_name("Entraînement du modèle de vision", "Vision model training"),
                 job_name("Simulation : routage de la flotte d'AMR", "Simulation: AMR fleet routing"),
                 job_name("Optimisation topologique — équerre", "Topology optimisation — bracket")]
    run = 1
    for day in WEEKDAYS:
        time = at(day, "08:30") + rng.randint(0, 6) * 10 * MINUTE
        while time < at(day, "18:00"):
            long_night = time > at(day, "16:00") and day != FRI
            minutes = rng.randint(480, 660) if long_night else rng.randint(60, 240)
            rack_job = rng.choice(rack_jobs)
            m.job("rack-1", time, minutes, job_name(f"{rack_job[0]} — calcul {run}", f"{rack_job[1]} — run {run}"))
            run += 1
            time += (minutes + rng.randint(10, 90)) * MINUTE
    for day in range(7):
        m.job("rack-2", at(day, "02:00"), rng.randint(70, 100), job_name("Sauvegarde nocturne — historique des données",
                                                                          "Nightly backup — historian"))

    # Machining: Forez Outillage (inserts, scanning), Lumen (electronics), course D, open lab.
    for when, minutes, op_fr, op_en, setup in ((at(MON, "09:30"), 185, "op. 1", "op 1", 45),
                                               (at(MON, "14:00"), 150, "op. 2", "op 2", 30),
                                               (at(WED, "09:45"), 140, "op. 3", "op 3", 35),
                                               (at(WED, "14:00"), 125, "finition", "finishing", 20)):
        m.job("cnc-1", when, minutes, job_name(f"Insert de moule 1.2311 — {op_fr}", f"Mould insert 1.2311 — {op_en}"),
              setup_minutes=setup)
    for day in (THU, FRI):
        m.job("cnc-1", at(day, "14:15"), 130, job_name("Pièce de formation — rouet 5 axes",
                                                       "Training part — 5-axis impeller"), setup_minutes=30)
    m.job("scanner-1", at(TUE, "11:00"), 20, job_name("Numérisation de démonstration — visiteurs", "Demo scan — visitors"))
    m.job("scanner-1", at(FRI, "09:45"), 75, job_name("Numérisation de l'insert de moule — contrôle",
                                                      "Mould insert scan — inspection"))
    m.job("scanner-1", at(THU, "16:00"), 40, job_name("Numérisation du rouet — contrôle de la formation",
                                                      "Impeller scan — course check"))
    for day, start, end in ((TUE, "13:45", "17:15"), (THU, "09:15", "11:50")):
        m.cycles("electronics-1", at(day, start), at(day, end),
                 lambda n: job_name(f"Carte capteur rév. B — soudure {n}", f"Sensor board rev B — soldering {n}"),
                 run=(30, 60), pause=(10, 20))
        m.cycles("electronics-2", at(day, start) + 15 * MINUTE, at(day, end),
                 lambda n: job_name(f"Carte capteur rév. B — test {n}", f"Sensor board rev B — test {n}"),
                 run=(20, 45), pause=(10, 25))
    m.cycles("laser-1", at(TUE, "14:00"), at(TUE, "17:00"),
             lambda n: job_name(f"Boîtier de capteur en acrylique — jeu de panneaux {n}",
                                f"Sensor enclosure acrylic — panel set {n}"),
             run=(20, 40), pause=(15, 30))
    # Open lab, Wednesday evening.
    projects = [job_name("boîte en contreplaqué", "Plywood box"), job_name("abat-jour", "Lamp shade"),
                job_name("plaque gravée", "Name plate"), job_name("support de téléphone", "Phone stand"),
                job_name("puzzle", "Puzzle"), job_name("dessous-de-verre", "Coaster set")]
    m.cycles("laser-1", at(WED, "17:45"), at(WED, "20:15"),
             lambda n: job_name(f"Open lab — {projects[(n - 1) % 6][0]}", f"Open lab — {projects[(n - 1) % 6][1]}"),
             run=(15, 30), pause=(5, 15))
    for bench in ("electronics-1", "electronics-2", "electronics-3"):
        m.cycles(bench, at(WED, "17:50") + rng.randint(0, 3) * 5 * MINUTE, at(WED, "20:15"),
                 lambda n: job_name(f"Open lab — kit à souder {n}", f"Open lab — soldering kit {n}"),
                 run=(30, 60), pause=(5, 20))
    m.try_job("fdm-7", at(WED, "18:05"), 50, job_name("Open lab — porte-clés PLA", "Open lab — keychain PLA"),
              setup_minutes=10)
    # Founders and the team print on the free printers; prints started late run overnight.
    batch = 1
    for printer in fdm:
        for day in WEEKDAYS:
            time = at(day, "08:00") + rng.randint(0, 12) * 10 * MINUTE
            while time < at(day, "17:30"):
                late = time >= at(day, "15:30")
                minutes = rng.randint(360, 780) if late else rng.randint(60, 330)
                part, material = rng.choice(FDM_PARTS), rng.choice(FDM_MATERIALS)
                job = job_name(f"{part[0]} en {material} — lot {batch}", f"{part[1]} {material} — batch {batch}")
                if m.try_job(printer, time, minutes, job, setup_minutes=rng.choice([0, 10, 15])):
                    batch += 1
                    time += (minutes + rng.randint(20, 120)) * MINUTE
                else:
                    time += rng.randint(3, 9) * 10 * MINUTE
                if rng.random() < 0.25:
                    break  # this printer rests for the rest of the day
    for day in WEEKDAYS:  # AMR: material shuttles from the stores
        for hhmm in ("08:15", "10:45", "14:30", "16:40"):
            start = at(day, hhmm) + rng.randint(0, 3) * 5 * MINUTE
            m.try_job("agv-1", start, rng.randint(12, 25), job_name("Navette de matière — du magasin à la fabrication "
                                                                    "additive", "Material shuttle — stores to additive"))
    add_faults(m, rng)
    return m


FAULT_REASONS = {"fdm": job_name("buse bouchée", "nozzle clogged"),
                 "cobot": job_name("arrêt de protection", "protective stop"),
                 "laser": job_name("débit d'eau de refroidissement trop faible", "cooling water flow low"),
                 "electronics": job_name("défaut de l'aspiration des fumées", "fume extractor fault"),
                 "agv": job_name("obstacle sur le trajet", "obstacle blocking the route")}


def add_faults(m, rng):
    """1-3 faults: a running job stops; someone clears it after 20-90 minutes and the
    machine is idle. Only during opening hours, when the fault cannot hit a later job."""
    candidates = []
    for machine, plan in m.plan.items():
        kind = machine.split("-")[0]
        if kind not in FAULT_REASONS:
            continue
        plan.sort()
        for index, (start, end, state, job, _) in enumerate(plan):
            following = plan[index + 1][0] if index + 1 < len(plan) else WEEK
            if state == "running" and end - start >= 45 * MINUTE and is_open(start) and is_open(end):
                candidates.append((machine, plan[index], following))
    for machine, entry, following in rng.sample(candidates, rng.randint(1, 3)):
        start, end = entry[0], entry[1]
        fault_at = round_minute(start + (end - start) * rng.uniform(0.2, 0.7))
        cleared = fault_at + rng.randint(20, 90) * MINUTE
        if cleared > following or not is_open(cleared):
            cleared = min(following, fault_at + 20 * MINUTE)
        entry[1] = fault_at  # keeps its planned duration for the progress
        reason = FAULT_REASONS[machine.split("-")[0]]
        job = entry[3]
        m.plan[machine].append([fault_at, cleared, "fault", job_name(f"{job[0]} ({reason[0]})", f"{job[1]} ({reason[1]})"),
                                cleared - fault_at])
        m.plan[machine].sort()


def machine_events(m, machine, rng, events):
    topic = f"machines/{machine}/state"
    plan = sorted(m.plan[machine])
    for a, b in zip(plan, plan[1:]):
        if b[0] < a[1]:
            raise Fail(f"{machine}: \"{a[3][1]}\" and \"{b[3][1]}\" overlap")
    messages = []

    def rest(start, end):
        """Idle or offline between jobs, changing at opening and closing."""
        for t in sorted({start} | {t for day in WEEKDAYS for t in open_span(day) if start < t < end}):
            if t < end:
                messages.append((t, {"state": "idle" if m.stays_on(machine) or is_open(t) else "offline"}))

    rest(0, plan[0][0] if plan else WEEK)
    for index, (start, end, state, job, planned) in enumerate(plan):
        job = {"fr": fr(job[0]), "en": job[1]}
        payload = {"state": state, "job": job}
        if state == "running":
            payload["progress"] = 0.0
        messages.append((start, payload))
        if state == "running":
            time = start + rng.randint(10, 15) * MINUTE
            while time < end:
                messages.append((time, {"state": state, "job": job, "progress": round((time - start) / planned, 2)}))
                time += rng.randint(10, 15) * MINUTE
        rest(end, plan[index + 1][0] if index + 1 < len(plan) else WEEK)
    # Only changes (and progress): the week starts where it ended, as it plays in a loop.
    previous = messages[-1][1]
    for time, payload in messages:
        if payload != previous or "progress" in payload:
            events.append((time, topic, payload))
        previous = payload


# ---------------------------------------------------------------------------
# The week
# ---------------------------------------------------------------------------

def schedule(scene, rng):
    w = Week(scene, rng)
    # Courses (4 a week, see the docstring).
    w.course("Conception pour la fabrication additive", "Design for additive manufacturing",
             [(MON, "training-1", "additive"), (TUE, "training-1", "additive")])
    w.course("Programmation de robots industriels", "Industrial robot programming",
             [(MON, "training-2", "digital"), (TUE, "training-2", "digital"), (WED, "digital", "training-2")])
    w.course("Industrie 4.0 : capteurs, IoT et jumeau numérique", "Industry 4.0: sensors, IoT and digital twins",
             [(WED, "training-1", "training-1"), (THU, "training-1", "digital"), (FRI, "training-1", "digital")])
    w.course("Usinage 5 axes et FAO", "5-axis machining and CAM",
             [(THU, "training-3", "machining"), (FRI, "training-3", "machining")])

    # Company projects: the company's people and a Twin engineer.
    def project(platform, day, start, end, company, title_fr, title_en, people):
        w.companies.add(company)
        w.book(platform, day, start, end, "company-project", f"{company} : {title_fr}", f"{company}: {title_en}",
               people)

    project("additive", MON, "09:00", "12:30", "Alpha Méca", "pinces de préhension allégées",
            "lightweight gripper fingers", 3)
    project("additive", TUE, "09:00", "12:30", "Alpha Méca", "pinces de préhension allégées",
            "lightweight gripper fingers", 3)
    project("additive", WED, "09:00", "16:00", "Hydro Valve", "corps de vanne en inox (LPBF)",
            "stainless-steel valve bodies (LPBF)", 2)
    project("additive", THU, "09:00", "12:30", "Médi-Log", "guides chirurgicaux en résine",
            "resin surgical guides", 2)
    project("additive", FRI, "13:30", "16:30", "Alpha Méca", "contrôle et post-traitement",
            "inspection and post-processing", 2)
    project("digital", TUE, "09:00", "12:00", "Agri Drone", "jumeau numérique d’une ligne d’assemblage",
            "digital twin of an assembly line", 2)
    project("digital", THU, "09:00", "12:30", "Textiles Loire", "contrôle qualité par vision et cobot",
            "vision quality inspection with a cobot", 3)
    project("digital", FRI, "09:00", "12:30", "Textiles Loire", "contrôle qualité par vision et cobot",
            "vision quality inspection with a cobot", 3)
    project("machining", MON, "08:30", "17:00", "Forez Outillage", "inserts de moule usinés",
            "machined mould inserts", 2)
    project("machining", WED, "09:00", "16:30", "Forez Outillage", "inserts de moule usinés",
            "machined mould inserts", 2)
    project("machining", FRI, "09:30", "11:30", "Forez Outillage", "numérisation 3D des inserts",
            "3D scanning of the inserts", 2)
    project("machining", TUE, "13:30", "17:30", "Lumen", "prototype de capteur connecté",
            "connected sensor prototype", 3)
    project("machining", THU, "09:00", "12:00", "Lumen", "prototype de capteur connecté",
            "connected sensor prototype", 2)

    # Meetings (project reviews, steering committees, first contacts).
    meetings = [
        ("meeting-1", MON, "10:00", "11:30", "Revue de projet Alpha Méca", "Alpha Méca project review", 5),
        ("meeting-1", TUE, "14:00", "15:00", "Point d’avancement Hydro Valve", "Hydro Valve progress meeting", 4),
        ("meeting-1", WED, "10:00", "12:00", "Comité de pilotage Textiles Loire", "Textiles Loire steering committee",
         8),
        ("meeting-1", FRI, "10:00", "11:00", "Premier contact : PME du décolletage", "First meeting: bar-turning SME",
         4),
        ("meeting-2", MON, "14:00", "16:00", "Atelier besoins : Agri Drone", "Needs workshop: Agri Drone", 6),
        ("meeting-2", THU, "09:30", "10:30", "Point d’avancement Lumen", "Lumen progress meeting", 3),
        ("meeting-2", THU, "16:00", "17:00", "Bilan de visite : PME de la mécanique", "Visit debrief: mechanical SME",
         4),
        ("meeting-3", TUE, "10:00", "11:00", "Comité d’entrée de l’incubateur", "Incubator selection committee",
         6),
        ("meeting-3", WED, "14:30", "16:00", "Devis : Médi-Log série 2", "Quotation: Médi-Log series 2", 3),
        ("meeting-3", FRI, "14:00", "15:00", "Réunion d’équipe Twin", "Twin team meeting", 7),
    ]
    for room, day, start, end, title_fr, title_en, people in meetings:
        w.book(room, day, start, end, "company-project", title_fr, title_en, people, ramp_in=5 * MINUTE)

    # Visits of prospective companies at the showroom; a guide shows them round.
    for day, start, end, title_fr, title_en, people in (
            (TUE, "10:00", "11:30", "Visite : équipementier automobile", "Visit: automotive supplier", 6),
            (THU, "14:30", "15:30", "Visite : PME de la mécanique", "Visit: mechanical engineering SME", 4),
            (FRI, "10:30", "11:30", "Visite : délégation de la Région", "Visit: regional delegation", 8)):
        w.visits += 1
        w.book("reception", day, start, end, "demo", title_fr, title_en, people, staff=1, ramp_in=10 * MINUTE)

    w.book("conference", THU, "14:00", "17:00", "demo", "Conférence : l’IA au service de l’atelier",
           "Conference: AI on the shop floor", rng.randint(35, 46), staff=2, ramp_in=20 * MINUTE)
    w.book("machining", WED, "17:30", "20:30", "open-lab", "Open lab : makers et étudiants",
           "Open lab: makers and students", rng.randint(9, 13), staff=1)
    # The founders are already counted in the incubator's daily presence.
    w.book("incubator", THU, "16:00", "17:30", "training", "Atelier fondateurs : lever des fonds",
           "Founders’ workshop: raising funds", 11, present=[])
    return w


def build(scene):
    rng = random.Random(SEED)
    week = schedule(scene, rng)
    events = []
    for platform in scene.platforms:
        activity_events(week, platform, events)
        occupancy_events(week, platform, rng, events)
    machines = plan_machines(scene, rng)
    for machine in scene.machines:
        machine_events(machines, machine, rng, events)
    # One message per topic and time (the last planned wins), in time order.
    unique = {}
    for time, topic, payload in events:
        unique[(time, topic)] = payload
    order = {name: i for i, name in enumerate(scene.platforms + scene.machines)}
    events = sorted(((t, topic, p) for (t, topic), p in unique.items()),
                    key=lambda e: (e[0], order[e[1].split("/")[1]], e[1]))
    return week, machines, events


# ---------------------------------------------------------------------------
# Checks (the payload rules of app/feeds/payload.h) and output
# ---------------------------------------------------------------------------

def check_text(where, text):
    if not isinstance(text, str) or len(text.encode("utf-8")) > MAX_TEXT_BYTES:
        raise Fail(f"{where}: a text of at most {MAX_TEXT_BYTES} bytes was expected")


def check_activity(where, value):
    title = value.get("title", {})
    for language in ("fr", "en"):
        if not title.get(language):
            raise Fail(f"{where}: title.{language} is empty")
        check_text(where, title[language])
    if value["kind"] not in ACTIVITY_KINDS:
        raise Fail(f"{where}: kind \"{value['kind']}\" is not in the contract")
    if not value["start"] < value["end"]:
        raise Fail(f"{where}: start is not before end")
    if "headcount" in value and not 0 <= value["headcount"] <= 10000:
        raise Fail(f"{where}: headcount out of range")


def check(scene, events):
    seen = set()
    last = {}
    for index, (time, topic, payload) in enumerate(events):
        where = f"/events/{index} ({topic} at {iso(time)})"
        if not 0 <= time < WEEK or time % MINUTE:
            raise Fail(f"{where}: at must be a whole minute within the week")
        if (time, topic) in seen:
            raise Fail(f"{where}: a second message on the topic at the same time")
        seen.add((time, topic))
        parts = topic.split("/")
        if parts[0] == "platforms":
            scene.need("platform", parts[1])
            if parts[2] == "occupancy":
                count = payload["count"]
                capacity = scene.capacity[parts[1]]
                if not isinstance(count, int) or not 0 <= count <= capacity:
                    raise Fail(f"{where}: count {count} is not within 0..{capacity}")
            else:
                check_activity(where, payload)
                check_activity(where + " next", payload["next"])
                if not payload["start"] <= iso(time) < payload["end"]:
                    raise Fail(f"{where}: the activity is not under way at its time")
        else:
            scene.need("machine", parts[1])
            if payload["state"] not in MACHINE_STATES:
                raise Fail(f"{where}: state \"{payload['state']}\" is not in the contract")
            job = payload.get("job", "")
            if isinstance(job, dict):
                if set(job) != {"fr", "en"} or not all(isinstance(v, str) and v.strip() for v in job.values()):
                    raise Fail(f"{where}: a job is a string or exactly {{\"fr\", \"en\"}}, both non-empty")
                check_text(where, job["fr"])
                check_text(where, job["en"])
            else:
                check_text(where, job)
            if "progress" in payload and not 0.0 <= payload["progress"] <= 1.0:
                raise Fail(f"{where}: progress {payload['progress']} is not within 0..1")
        last[topic] = payload
        if len(json.dumps(payload, ensure_ascii=False).encode("utf-8")) > 16 * 1024 - 40:
            raise Fail(f"{where}: payload over 16 KiB")
    for machine, platform in scene.machine_platform.items():
        scene.need("platform", platform)
    for platform in scene.platforms:
        for what in ("occupancy", "activity"):
            if f"platforms/{platform}/{what}" not in last:
                raise Fail(f"platform {platform} has no {what} message")
        if last[f"platforms/{platform}/occupancy"]["count"] != 0 or \
                last[f"platforms/{platform}/activity"]["kind"] != "closed":
            raise Fail(f"platform {platform} does not end the week empty and closed")
    for machine in scene.machines:
        if f"machines/{machine}/state" not in last:
            raise Fail(f"machine {machine} has no state message")


def write(path, events):
    lines = [json.dumps({"at": t, "topic": topic, "payload": payload}, ensure_ascii=False,
                        separators=(",", ":")) for t, topic, payload in events]
    text = ('{"format":"' + FORMAT + '","weekStart":"' + iso(0) + '",'
            '"generator":"assets/src/data/make_week.py","events":[\n' + ",\n".join(lines) + "\n]}\n")
    os.makedirs(os.path.dirname(os.path.abspath(path)), exist_ok=True)
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write(text)
    return len(text.encode("utf-8"))


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--scene", default=os.path.join(REPO, "scenes", "twin.json"))
    parser.add_argument("--out", default=os.path.join(REPO, "assets", "data", "twin_week.json"))
    args = parser.parse_args()
    try:
        scene = Scene(args.scene)
        week, machines, events = build(scene)
        check(scene, events)
    except (Fail, OSError, KeyError, ValueError) as error:
        print(f"make_week.py: {error}", file=sys.stderr)
        return 1
    size = write(args.out, events)
    learners = sum(size for _, size, _ in week.courses)
    faults = sum(1 for plan in machines.plan.values() for entry in plan if entry[2] == "fault")
    print(f"{args.out}: {len(events)} events, {size / 1e6:.2f} MB")
    print(f"  {len(week.courses)} courses, {learners} learners ({learners * 45} a year over 45 weeks), "
          f"{week.learner_days} learner-days; {len(week.companies)} companies' projects, {week.visits} visits; "
          f"{faults} fault(s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
