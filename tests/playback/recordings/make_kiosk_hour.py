#!/usr/bin/env python3
"""Writes kiosk_hour.rec: one hour of a kiosk at 1920x1080 (docs/kiosk.md,
"An accelerated hour"), played back on the stepped clock in well under a
minute. Ten visitors, each woken from the attract loop, then choices on the
home screen (a guided tour, a platform's or a machine's card, English), a
few turns of the wheel, and gone: the kiosk's idle timeout (run it with
--kiosk-idle-timeout 60) brings the attract loop back between them.

    python3 tests/playback/recordings/make_kiosk_hour.py > tests/playback/recordings/kiosk_hour.rec
"""

WAKE = (960.0, 700.0)          # anywhere: the touch that ends the attract loop
TOUR_1 = (413.0, 336.0)        # home screen: "Découvrir Twin en 5 minutes"
PLATFORM_2 = (1018.0, 389.0)   # "Fabrication additive"
MACHINE_2 = (1552.0, 389.0)    # "Imprimante 3D FDM n° 2"
ENGLISH = (941.0, 950.0)
FREELY = (418.0, 950.0)        # "Explorer librement"

# (start second, language switch, what is chosen, seconds of wheel turns after it)
VISITS = [
    (30, False, TOUR_1, 0),
    (330, True, PLATFORM_2, 40),
    (640, False, MACHINE_2, 25),
    (950, True, TOUR_1, 0),
    (1260, False, PLATFORM_2, 90),
    (1580, False, FREELY, 120),
    (1900, True, MACHINE_2, 10),
    (2210, False, TOUR_1, 30),
    (2820, True, PLATFORM_2, 0),
    (3300, False, MACHINE_2, 60),
]


def tap(lines, t, xy):
    lines.append(f"{t:.3f} down left {xy[0]:.1f} {xy[1]:.1f}")
    lines.append(f"{t + 0.02:.3f} up left {xy[0]:.1f} {xy[1]:.1f}")


def main():
    lines = ["# One hour of a kiosk, ten visitors (made by make_kiosk_hour.py; docs/kiosk.md).",
             "# 1920x1080, run with --kiosk-idle-timeout 60."]
    for start, english, choice, browse in VISITS:
        t = float(start)
        tap(lines, t, WAKE)
        t += 2.0
        if english:
            tap(lines, t, ENGLISH)
            t += 2.0
        tap(lines, t, choice)
        t += 5.0
        # Looking around: a turn of the wheel every 10 s (input, no pick).
        while browse > 0:
            lines.append(f"{t:.3f} scroll 0.0 1.0 960.0 540.0")
            t += 10.0
            browse -= 10
    lines.append("3600.000 move 960.0 540.0")
    print("\n".join(lines))


if __name__ == "__main__":
    main()
