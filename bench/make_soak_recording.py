#!/usr/bin/env python3
"""Writes a kiosk day as an input recording (docs/input-recording.md) for bench/soak.sh.

The first visitor opens every tour, every platform's and machine's card, a
machine's explorer (exploded, cut, each tab) and the free visit once, in
French then in English: what a screen allocates the first time it is met
(glyphs, layouts, shader variants, the shadows of moving parts) is then in
the warm-up, and the header says when that visitor is done. Then visitors come
and go at random (a fixed seed: the same file every time): a
touch ends the attract loop, the home screen's buttons open a tour, a
platform's or a machine's card, or the free visit, sometimes after switching
the language; in the visit they tap the view (picking machines), drag it
round, turn the wheel, close cards with Escape and go back home; then they
walk away and the attract loop plays until the next one.

The places of the buttons are those of the kiosk at 1920x1080 (its goldens in
tests/playback/golden/kiosk_home_*.png), scaled to --size: play the file with
--ui-scale 1.75 * HEIGHT / 1080 so that the layout scales the same way.

    python3 bench/make_soak_recording.py --seconds 520 --size 640x360 --idle 15 > day.rec
"""
import argparse
import random
import sys

# Home screen, 1920x1080 with the kiosk's UI scale (1.75).
WAKE = (960, 700)
LANGUAGE = (941, 950)
EXPLORE = (418, 950)
TOURS = [(413, y) for y in (336, 452, 568)]
PLATFORMS = [(1018, y) for y in (315, 389, 556, 630, 705, 779, 853)]
MACHINES = [(1552, y) for y in (315, 389, 463, 537, 611, 685, 759, 833)]
HOME = (1800, 1020)  # "← Accueil", bottom right in the visit
# The first machine's card (FDM No. 1), opened from the home screen: its
# "Explore the machine" button, lower in French, where the top bar is wider.
EXPLORE_MACHINE = [(1518, 471), (1518, 174)]  # French, English
# In that machine's explorer: the explode and section sliders, then its tabs
# (parts, procedures, safety, training, quiz), as they lie with the panel
# scrolled to its top (a tab brought forward scrolls the tabs up: the wheel
# over the panel brings them back).
EXPLORER_SLIDERS = [(353, 491), (281, 567)]
EXPLORER_TABS = [(95, 898), (232, 898), (372, 898), (503, 898), (618, 898)]
EXPLORER_PANEL = (350, 700)
STEP = 1.0 / 60.0    # the playback's clock step


class Recording:
    def __init__(self, scale):
        self.scale = scale
        self.time = 0.0
        self.lines = []

    def at(self, seconds):
        self.time += seconds

    def emit(self, text):
        self.lines.append(f"{self.time:.3f} {text}")

    def point(self, p):
        return f"{p[0] * self.scale:.1f} {p[1] * self.scale:.1f}"

    def tap(self, p):
        self.emit(f"move {self.point(p)}")
        self.emit(f"down left {self.point(p)}")
        self.at(0.06)
        self.emit(f"up left {self.point(p)}")

    def drag(self, start, end, seconds, button="left"):
        self.emit(f"move {self.point(start)}")
        self.emit(f"down {button} {self.point(start)}")
        steps = max(2, int(seconds / STEP))
        for i in range(1, steps + 1):
            self.at(STEP)
            f = i / steps
            p = (start[0] + (end[0] - start[0]) * f, start[1] + (end[1] - start[1]) * f)
            self.emit(f"move {self.point(p)}")
        self.emit(f"up {button} {self.point(end)}")

    def key(self, name):
        self.emit(f"key-down {name}")
        self.at(0.05)
        self.emit(f"key-up {name}")

    def scroll(self, p, dy):
        self.emit(f"scroll 0 {dy} {self.point(p)}")


def view_point(rng):
    return (rng.uniform(150, 1650), rng.uniform(120, 900))


def first_visitor(rec, idle):
    """Every screen of the home screen once, and a machine's explorer, in
    both languages, then taps in the free visit. The explored machine plays
    its cycle: the first thing that moves makes the renderer keep the still
    casters' shadows apart (an 8 MiB map) and draw the rest every frame."""
    rec.tap(WAKE)
    rec.at(1.0)
    for language in range(2):
        for place in TOURS + PLATFORMS + MACHINES + [EXPLORE]:
            rec.tap(place)
            rec.at(1.0)
            rec.tap(HOME)
            rec.at(0.6)
        rec.tap(MACHINES[0])
        rec.at(1.5)
        rec.tap(EXPLORE_MACHINE[language])
        rec.at(1.5)
        for place in EXPLORER_SLIDERS:
            rec.tap(place)
            rec.at(1.0)
        for place in EXPLORER_TABS:
            rec.emit(f"move {rec.point(place)}")  # ImGui 1.86 presses a tab that was hovered first
            rec.at(0.2)
            rec.tap(place)
            rec.at(1.0)
            for _ in range(5):
                rec.scroll(EXPLORER_PANEL, 1)
                rec.at(0.05)
            rec.at(0.3)
        rec.tap(HOME)
        rec.at(0.6)
        if language == 0:
            rec.tap(LANGUAGE)
            rec.at(0.6)
    rec.tap(EXPLORE)
    rec.at(1.5)
    taps = random.Random(3)  # these points pick things in the free visit
    for _ in range(10):
        rec.tap(view_point(taps))
        rec.at(1.0)
    rec.tap(HOME)
    rec.at(idle + 2.0)  # walks away: the attract loop once more


def visitor(rec, rng, idle):
    rec.tap(WAKE)  # ends the attract loop: the home screen
    rec.at(rng.uniform(0.8, 2.0))
    if rng.random() < 0.4:
        rec.tap(LANGUAGE)
        rec.at(rng.uniform(0.5, 1.5))
    choice = rng.choice(["tour", "platform", "machine", "explore"])
    rec.tap({"tour": rng.choice(TOURS), "platform": rng.choice(PLATFORMS), "machine": rng.choice(MACHINES),
             "explore": EXPLORE}[choice])
    for _ in range(rng.randint(4, 12)):
        rec.at(rng.uniform(0.3, 2.5))
        action = rng.random()
        if action < 0.35:
            rec.tap(view_point(rng))
        elif action < 0.65:
            rec.drag(view_point(rng), view_point(rng), rng.uniform(0.3, 1.5),
                     rng.choice(["left", "left", "right"]))
        elif action < 0.75:
            p = view_point(rng)
            for _ in range(rng.randint(1, 5)):
                rec.scroll(p, rng.choice([-1, 1]))
                rec.at(0.05)
        elif action < 0.85:
            rec.key("escape")  # closes a card (the kiosk does not quit)
        elif action < 0.95:
            rec.tap(HOME)
            rec.at(rng.uniform(0.5, 1.5))
            rec.tap(rng.choice(PLATFORMS + MACHINES + TOURS + [EXPLORE, LANGUAGE]))
        else:
            rec.tap(LANGUAGE)  # on the home screen, if a visitor is there
    # Walks away: the idle timeout, then the attract loop plays a while.
    rec.at(idle + rng.uniform(3.0, 25.0))


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--seconds", type=float, required=True, help="length of the recording (its clock)")
    parser.add_argument("--size", default="640x360", help="the --size it is played at (16:9)")
    parser.add_argument("--idle", type=float, default=15.0, help="the --kiosk-idle-timeout it is played with")
    parser.add_argument("--seed", type=int, default=12)
    args = parser.parse_args()
    width, height = (int(v) for v in args.size.split("x"))
    if abs(width * 9 - height * 16) > 16:
        sys.exit("--size must be 16:9 (the button places are scaled from 1920x1080)")
    rng = random.Random(args.seed)
    rec = Recording(width / 1920.0)
    rec.at(2.0)  # the attract loop first, as at start
    first_visitor(rec, args.idle)
    first_done = rec.time
    while rec.time < args.seconds:
        visitor(rec, rng, args.idle)
    rec.emit("close")
    print("# bench/soak.sh: a kiosk day made by bench/make_soak_recording.py "
          f"--seconds {args.seconds:g} --size {args.size} --idle {args.idle:g} --seed {args.seed}")
    print(f"# every screen met by {first_done:.1f} s")
    print("\n".join(rec.lines))


if __name__ == "__main__":
    main()
