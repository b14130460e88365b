#!/usr/bin/env python3
"""The kiosk's systemd watchdog, seen from systemd's side.

Listens on a notification socket of its own (a unix datagram socket, as
systemd's NOTIFY_SOCKET), starts twin-tour in a window with NOTIFY_SOCKET and
WATCHDOG_USEC set, and checks: READY=1 once the visit is loaded, with a
STATUS= line; WATCHDOG=1 pings at least every WatchdogSec/2 while the loop
turns, also when it is idle; no ping while the process is stopped (SIGSTOP,
as a hung loop); pings again once it runs on (SIGCONT).

usage: watchdog_test.py APP MODEL OUT_DIR   (needs a display: DISPLAY)
"""
import os
import signal
import socket
import subprocess
import sys
import tempfile
import time

WATCHDOG_SEC = 2.0


def main():
    app, model, out = sys.argv[1:4]
    os.makedirs(out, exist_ok=True)
    folder = tempfile.mkdtemp(prefix="notify-", dir=out)
    path = os.path.join(folder, "notify.sock")
    sock = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
    sock.bind(path)
    env = dict(os.environ)
    env.update(NOTIFY_SOCKET=path, WATCHDOG_USEC=str(int(WATCHDOG_SEC * 1e6)),
               TWIN_TOUR_CACHE_DIR=os.path.join(out, "cache"),
               XDG_STATE_HOME=os.path.join(out, "state"))
    env.pop("WATCHDOG_PID", None)
    log = open(os.path.join(out, "app.log"), "w")
    app_process = subprocess.Popen([app, model, "--size", "320x240", "--run-for", "120"], env=env,
                                   stdout=log, stderr=subprocess.STDOUT)
    failures = []

    def receive(until):
        """Messages (time, text) until the given time."""
        got = []
        while True:
            left = until - time.monotonic()
            if left <= 0:
                return got
            sock.settimeout(left)
            try:
                data = sock.recv(4096)
            except socket.timeout:
                return got
            got.append((time.monotonic(), data.decode("utf-8", "replace")))

    try:
        # 1. READY=1 once loaded (a cold import on a busy machine: give it time).
        ready = None
        statuses = []
        deadline = time.monotonic() + 90
        while ready is None and time.monotonic() < deadline:
            for t, text in receive(min(deadline, time.monotonic() + 1)):
                if text.startswith("STATUS=") or "\nSTATUS=" in text:
                    statuses.append(text)
                if "READY=1" in text.split("\n"):
                    ready = t
            if app_process.poll() is not None:
                break
        print("status lines:", statuses)
        if ready is None:
            failures.append("no READY=1 (app exit code %s)" % app_process.poll())
            return
        if not any("STATUS=" in s for s in statuses):
            failures.append("no STATUS= line")

        # 2. Pings while the loop turns (the view settles, then idles).
        watch = 4 * WATCHDOG_SEC
        pings = [t for t, text in receive(time.monotonic() + watch) if text == "WATCHDOG=1"]
        gaps = [b - a for a, b in zip(pings, pings[1:])]
        print("pings in %.0f s: %d, longest gap %.2f s" % (watch, len(pings), max(gaps, default=0)))
        if len(pings) < 3:
            failures.append("too few WATCHDOG=1 pings: %d in %.0f s" % (len(pings), watch))
        if gaps and max(gaps) > WATCHDOG_SEC / 2 + 0.25:
            failures.append("a gap of %.2f s between pings (WatchdogSec/2 is %.2f s)" % (max(gaps), WATCHDOG_SEC / 2))

        # 3. A stopped loop sends nothing.
        os.kill(app_process.pid, signal.SIGSTOP)
        time.sleep(0.2)
        receive(time.monotonic() + 0.05)  # what was sent before the stop
        stopped = [text for _, text in receive(time.monotonic() + 2 * WATCHDOG_SEC)]
        print("messages while stopped:", stopped)
        if any("WATCHDOG=1" in text for text in stopped):
            failures.append("pings while the process was stopped")

        # 4. And pings again once it runs on.
        os.kill(app_process.pid, signal.SIGCONT)
        again = [text for _, text in receive(time.monotonic() + WATCHDOG_SEC)]
        if not any("WATCHDOG=1" in text for text in again):
            failures.append("no ping after SIGCONT")
    finally:
        if app_process.poll() is None:
            app_process.send_signal(signal.SIGCONT)
            app_process.terminate()
            try:
                app_process.wait(10)
            except subprocess.TimeoutExpired:
                app_process.kill()
                app_process.wait()
        log.close()
        sock.close()
        os.unlink(path)
        if failures:
            print(open(os.path.join(out, "app.log")).read())
            for f in failures:
                print("FAIL:", f)
            sys.exit(1)
    print("watchdog pings seen, and seen to stop")


if __name__ == "__main__":
    main()
