#!/usr/bin/env python3
"""An accelerated hour of the kiosk (docs/kiosk.md): plays kiosk_hour.rec
(ten visitors over one hour) through the real kiosk window on the stepped
clock, then reads `twin-tour --kiosk-report` and checks what the hour's
statistics say: ten visits, four in English, the tours and cards they
opened. Prints the CSV.

    check_kiosk_hour.py APP SCENE RECORDING OUT_DIR [extra kiosk arguments...]
"""
import csv
import io
import os
import subprocess
import sys


def main():
    app, scene, recording, out_dir = sys.argv[1:5]
    extra = sys.argv[5:]
    os.makedirs(out_dir, exist_ok=True)
    stats = os.path.join(out_dir, "kiosk_hour.sqlite")
    for suffix in ("", "-wal", "-shm", "-journal"):
        if os.path.exists(stats + suffix):
            os.remove(stats + suffix)
    run = subprocess.run([app, scene, "--kiosk", "--size", "1920x1080", "--kiosk-idle-timeout", "60",
                          "--kiosk-stats", stats, "--play-input", recording] + extra,
                         capture_output=True, text=True, timeout=880)
    if run.returncode != 0:
        sys.exit(f"the kiosk exited with {run.returncode}:\n{run.stderr}")
    report = subprocess.run([app, "--kiosk-report", "--kiosk-stats", stats], capture_output=True, text=True, timeout=60)
    if report.returncode != 0:
        sys.exit(f"--kiosk-report exited with {report.returncode}:\n{report.stderr}")
    print(report.stdout, end="")
    rows = list(csv.DictReader(io.StringIO(report.stdout)))
    total = lambda column: sum(float(r[column]) for r in rows)
    problems = []
    if not 1 <= len(rows) <= 2:
        problems.append(f"expected the hour in one or two UTC hour rows, found {len(rows)}")
    expected = {"sessions": 10, "sessions_en": 4, "sessions_fr": 6, "tours_started": 3, "tours_finished": 0,
                "cards_opened": 6}
    for column, value in expected.items():
        if total(column) != value:
            problems.append(f"{column}: expected {value}, found {total(column):g}")
    # Each visit lasts from its first touch to its last: 2 to 130 s here.
    mean = total("session_seconds_total") / max(1.0, total("sessions"))
    if not 2 <= mean <= 130:
        problems.append(f"mean session length {mean:.1f} s, expected 2 to 130 s")
    if problems:
        sys.exit("\n".join(problems) + "\n--- kiosk log:\n" + run.stderr[-4000:])


if __name__ == "__main__":
    main()
