#!/usr/bin/env python3
"""The browser tests (tests/web/): Twin Tour's WebAssembly build in Debian's
chromium, headless, against a real mosquitto with a WebSockets listener.

    web_test.py --site build-web/site --out DIR [--compare image-compare
                --golden PNG] CASE

CASE is one of: ready, golden, deep_link, live. The harness serves the site on
a free 127.0.0.1 port (.wasm as application/wasm), starts mosquitto (a plain
and a WebSockets listener, free ports) and chromium on
index.html?report=/report&size=WxH[...]#deep-link; the page's test hook
(web/live/test_report.js) POSTs its reports to /report and takes the next
command from each answer. Everything started here is killed on exit, and
every wait has a timeout. Python's standard library only.

Exit status: 0 passed, 1 failed, 77 skipped (no site built, unless
TWIN_WEB_REQUIRED=1 makes that a failure: scripts/test.sh --web does).
"""
import argparse
import base64
import ctypes
import http.server
import json
import os
import queue
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import zlib
from datetime import datetime, timezone

SKIP = 77
READY_TIMEOUT_S = 120   # SwiftShader compiles every shader on the CPU
COMMAND_TIMEOUT_S = 60
WIDTH, HEIGHT = 1280, 720


class Failure(Exception):
    pass


def log(text):
    print(text, flush=True)


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_for_port(port, timeout_s, process=None):
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        if process is not None and process.poll() is not None:
            raise Failure(f"the process meant to listen on port {port} exited ({process.returncode})")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                return
        except OSError:
            time.sleep(0.05)
    raise Failure(f"nothing listens on 127.0.0.1:{port} after {timeout_s} s")


def die_with_parent():
    """Children get SIGKILL if this harness dies (a CTest timeout kills it hard)."""
    try:
        ctypes.CDLL("libc.so.6", use_errno=True).prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    except OSError:
        pass
    os.setsid()  # a process group of its own, killed whole at the end


class Processes:
    def __init__(self):
        self.started = []

    def start(self, args, log_file):
        process = subprocess.Popen(args, stdout=log_file, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
                                   preexec_fn=die_with_parent)
        self.started.append(process)
        return process

    def stop_all(self):
        for process in reversed(self.started):
            if process.poll() is None:
                try:
                    os.killpg(process.pid, signal.SIGTERM)
                except ProcessLookupError:
                    pass
        for process in reversed(self.started):
            try:
                process.wait(timeout=5)
            except subprocess.TimeoutExpired:
                try:
                    os.killpg(process.pid, signal.SIGKILL)
                except ProcessLookupError:
                    pass
                process.wait(timeout=5)


class Page:
    """The page's side of the /report protocol: reports in, commands out."""

    def __init__(self):
        self.reports = queue.Queue()
        self.commands = queue.Queue()
        self.errors = []
        self.lock = threading.Lock()

    # Called on the server's threads.
    def receive(self, report):
        if report.get("event") == "error":
            with self.lock:
                self.errors.append(f"{report.get('kind')}: {report.get('message')}")
            log(f"page error: {report.get('kind')}: {report.get('message')}")
            return {"next": "none"}
        self.reports.put(report)
        try:
            return self.commands.get(timeout=COMMAND_TIMEOUT_S)
        except queue.Empty:
            return {"next": "done"}

    # Called by the test.
    def expect(self, event, timeout_s=COMMAND_TIMEOUT_S):
        try:
            report = self.reports.get(timeout=timeout_s)
        except queue.Empty:
            raise Failure(f"no '{event}' report from the page within {timeout_s} s"
                          + (f"; page errors: {self.errors}" if self.errors else ""))
        if report.get("event") != event:
            raise Failure(f"expected a '{event}' report, got {json.dumps(report)[:300]}")
        return report

    def ask(self, command, event, timeout_s=COMMAND_TIMEOUT_S):
        self.commands.put(command)
        return self.expect(event, timeout_s)

    def state(self):
        return self.ask({"next": "state"}, "state")["state"]

    def screenshot(self, path):
        report = self.ask({"next": "screenshot"}, "screenshot")
        header, _, data = report["png"].partition(",")
        if header != "data:image/png;base64":
            raise Failure(f"the screenshot is not a PNG data URL ({header[:40]})")
        with open(path, "wb") as f:
            f.write(base64.b64decode(data))
        log(f"screenshot {report['width']}x{report['height']}: {path}")
        return report

    def wait_until(self, what, predicate, timeout_s):
        """Polls the page's state until predicate(state) holds."""
        deadline = time.monotonic() + timeout_s
        state = None
        while time.monotonic() < deadline:
            state = self.state()
            if predicate(state):
                return state
            self.ask({"next": "wait", "ms": 200}, "waited")
        raise Failure(f"{what}: not seen within {timeout_s} s; last state's live part: "
                      f"{json.dumps((state or {}).get('live'))[:1500]}")

    def done(self):
        self.commands.put({"next": "done"})


def serve(site, page):
    class Handler(http.server.SimpleHTTPRequestHandler):
        extensions_map = {**http.server.SimpleHTTPRequestHandler.extensions_map,
                          ".wasm": "application/wasm", ".js": "text/javascript", ".json": "application/json"}

        def __init__(self, *args, **kwargs):
            super().__init__(*args, directory=site, **kwargs)

        def log_message(self, *args):
            pass

        def end_headers(self):
            self.send_header("Cache-Control", "no-store")
            super().end_headers()

        def do_POST(self):
            if self.path != "/report":
                self.send_error(404)
                return
            length = int(self.headers.get("Content-Length", "0"))
            try:
                report = json.loads(self.rfile.read(length))
            except ValueError as e:
                self.send_error(400, f"not JSON: {e}")
                return
            answer = json.dumps(page.receive(report)).encode()
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(answer)))
            self.end_headers()
            self.wfile.write(answer)

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def start_broker(processes, work, ports=None):
    """mosquitto with a plain listener (mosquitto_pub) and a WebSockets one
    (the page), on free ports or on `ports` (tcp, ws) again; returns
    (tcp, ws, process)."""
    tcp, ws = ports or (free_port(), free_port())
    config = os.path.join(work, "mosquitto.conf")
    with open(config, "w") as f:
        f.write(f"per_listener_settings false\nallow_anonymous true\npersistence false\n"
                f"listener {tcp} 127.0.0.1\n"
                f"listener {ws} 127.0.0.1\nprotocol websockets\n")
    broker_log = open(os.path.join(work, "mosquitto.log"), "a")
    process = processes.start(["mosquitto", "-c", config, "-v"], broker_log)
    wait_for_port(tcp, 10, process)
    wait_for_port(ws, 10, process)
    log(f"mosquitto: mqtt on {tcp}, websockets on {ws}")
    return tcp, ws, process


def chromium_command():
    for name in ("chromium", "chromium-browser"):
        path = shutil.which(name)
        if path:
            return path
    raise Failure("chromium is not installed (bash scripts/deps.sh --web installs it)")


def open_page(processes, work, port, query="", fragment=""):
    url = f"http://127.0.0.1:{port}/index.html?report=/report&size={WIDTH}x{HEIGHT}{query}{fragment}"
    args = [chromium_command(), "--headless=new", "--enable-unsafe-swiftshader", "--use-angle=swiftshader",
            "--ignore-gpu-blocklist", f"--user-data-dir={os.path.join(work, 'chromium')}",
            # Headless chromium's window includes room for its toolbars: a
            # taller window holds the whole canvas, whose size ?size fixes.
            f"--window-size={WIDTH},{HEIGHT + 300}", "--force-device-scale-factor=1", "--no-first-run",
            "--no-default-browser-check", "--disable-extensions", "--disable-background-networking",
            "--disable-component-update", "--disable-sync", "--mute-audio", "--hide-scrollbars"]
    if os.geteuid() == 0:
        args.append("--no-sandbox")  # chromium refuses to run as root with its sandbox
    args.append(url)
    log(f"opening {url}")
    processes.start(args, open(os.path.join(work, "chromium.log"), "w"))
    return time.monotonic()


def check_no_page_errors(page):
    if page.errors:
        raise Failure("the page reported errors: " + "; ".join(page.errors[:5]))


def png_pixels(path):
    """(width, height, rows of RGBA bytes) of an 8-bit RGB or RGBA PNG (what chromium writes)."""
    with open(path, "rb") as f:
        data = f.read()
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        raise Failure(f"{path} is not a PNG")
    offset, idat, header = 8, b"", None
    while offset < len(data):
        length = int.from_bytes(data[offset:offset + 4], "big")
        kind, body = data[offset + 4:offset + 8], data[offset + 8:offset + 8 + length]
        if kind == b"IHDR":
            header = body
        elif kind == b"IDAT":
            idat += body
        offset += 12 + length
    width, height = int.from_bytes(header[0:4], "big"), int.from_bytes(header[4:8], "big")
    depth, colour, interlace = header[8], header[9], header[12]
    if depth != 8 or colour not in (2, 6) or interlace:
        raise Failure(f"{path}: a PNG this harness does not read (depth {depth}, colour type {colour})")
    channels = 4 if colour == 6 else 3
    raw = zlib.decompress(idat)
    stride = width * channels
    rows, previous = [], bytearray(stride)
    for y in range(height):
        kind = raw[y * (stride + 1)]
        row = bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
        for x in range(stride):
            a = row[x - channels] if x >= channels else 0
            b = previous[x]
            c = previous[x - channels] if x >= channels else 0
            if kind == 1:
                row[x] = (row[x] + a) & 255
            elif kind == 2:
                row[x] = (row[x] + b) & 255
            elif kind == 3:
                row[x] = (row[x] + (a + b) // 2) & 255
            elif kind == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                row[x] = (row[x] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
        rows.append(bytes(row))
        previous = row
    return width, height, channels, rows


def distinct_colours(path, step=4):
    """How many different colours a grid of every step-th pixel holds."""
    width, height, channels, rows = png_pixels(path)
    seen = set()
    for y in range(0, height, step):
        row = rows[y]
        for x in range(0, width, step):
            seen.add(row[x * channels:x * channels + 3])
    return len(seen)


def png_size(path):
    with open(path, "rb") as f:
        header = f.read(24)
    if header[:8] != b"\x89PNG\r\n\x1a\n":
        raise Failure(f"{path} is not a PNG")
    return int.from_bytes(header[16:20], "big"), int.from_bytes(header[20:24], "big")


# --------------------------------------------------------------------------
# The cases

def case_ready(args, page, processes, work, port):
    opened = open_page(processes, work, port)
    report = page.expect("ready", READY_TIMEOUT_S)
    seen = time.monotonic() - opened
    state = report["state"]
    if state.get("ready") is not True:
        raise Failure(f"the ready report's state is not ready: {json.dumps(state)[:500]}")
    for key in ("lang", "card", "tour", "live", "firstFrameMs", "frames", "frameMs"):
        if key not in state:
            raise Failure(f"twin_web_state() has no \"{key}\": {json.dumps(state)[:500]}")
    if state["lang"] != "fr":
        raise Failure(f"the default language is French, the page says {state['lang']}")
    if not isinstance(state["live"], dict) or state["live"].get("connection") != "replay":
        raise Failure(f"with no broker the replay week plays; live: {json.dumps(state['live'])[:300]}")
    page.ask({"next": "wait", "ms": 1000}, "waited")
    later = page.state()
    check_no_page_errors(page)
    log(f"[ figures ] ready {seen:.1f} s after chromium started; firstFrameMs {state['firstFrameMs']:.0f}; "
        f"frames {later['frames']}; frameMs {json.dumps(later['frameMs'])}")


def case_golden(args, page, processes, work, port):
    if not args.compare or not args.golden:
        raise Failure("--compare and --golden are needed")
    # ?still: no panels, no live data, nothing moving: the native renderer's
    # default view (twin-tour scenes/twin.json --size 1280x720).
    open_page(processes, work, port, "&still=1")
    page.expect("ready", READY_TIMEOUT_S)
    page.ask({"next": "wait", "ms": 500}, "waited")
    os.makedirs(args.out, exist_ok=True)
    actual = os.path.join(args.out, "default_view.png")
    diff = os.path.join(args.out, "default_view.diff.png")
    for stale in (actual, diff):
        if os.path.exists(stale):
            os.remove(stale)
    page.screenshot(actual)
    check_no_page_errors(page)
    if png_size(actual) != (WIDTH, HEIGHT):
        raise Failure(f"the canvas is {png_size(actual)}, expected {WIDTH}x{HEIGHT}")
    compare = subprocess.run([args.compare, actual, args.golden, diff, str(args.max_diff), str(args.mean_diff),
                              str(args.outliers_per_million)], capture_output=True, text=True, timeout=60)
    log((compare.stdout + compare.stderr).strip())
    if compare.returncode != 0:
        raise Failure(f"the web frame differs from the native golden {args.golden}: actual {actual}, "
                      f"difference {diff}")


def case_deep_link(args, page, processes, work, port):
    open_page(processes, work, port, fragment="#machine=fdm-1")
    state = page.expect("ready", READY_TIMEOUT_S)["state"]
    if state.get("card") != {"kind": "machine", "id": "fdm-1"}:
        raise Failure(f"#machine=fdm-1 should open fdm-1's card; card: {json.dumps(state.get('card'))}")
    page.ask({"next": "wait", "ms": 1500}, "waited")  # the camera's flight to the machine
    os.makedirs(args.out, exist_ok=True)
    shot = os.path.join(args.out, "deep_link_fdm-1.png")
    page.screenshot(shot)
    # A drawn building with a card over it holds thousands of colours; a
    # blank or cleared canvas one or two.
    colours = distinct_colours(shot)
    log(f"{colours} distinct colours in the screenshot")
    if colours < 200:
        raise Failure(f"the screenshot {shot} looks empty: {colours} colours")
    check_no_page_errors(page)


def publish(tcp_port, topic, payload):
    subprocess.run(["mosquitto_pub", "-h", "127.0.0.1", "-p", str(tcp_port), "-q", "1", "-r",
                    "-t", topic, "-m", payload], check=True, timeout=10)


def case_live(args, page, processes, work, port):
    tcp, ws, _ = start_broker(processes, work)
    open_page(processes, work, port, f"&broker=ws://127.0.0.1:{ws}")
    page.expect("ready", READY_TIMEOUT_S)
    started = time.monotonic()
    page.wait_until("the page connected to the broker",
                    lambda s: (s.get("live") or {}).get("connection") == "connected", 30)
    log(f"[ figures ] connected {time.monotonic() - started:.1f} s after ready")
    now = datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
    rejected_before = page.state()["live"].get("rejected", 0)
    # A bad message first: it is rejected and counted, and changes nothing.
    publish(tcp, "twin/v1/machines/fdm-1/state", '{"state": "exploded", "ts": "%s"}' % now)
    publish(tcp, "twin/v1/machines/fdm-1/state",
            '{"state": "fault", "job": "web test 42", "progress": 0.42, "ts": "%s"}' % now)
    publish(tcp, "twin/v1/platforms/additive/occupancy", '{"count": 17, "capacity": 20, "ts": "%s"}' % now)
    published = time.monotonic()

    def shows(state):
        live = state.get("live") or {}
        machine = (live.get("machines") or {}).get("fdm-1") or {}
        occupancy = ((live.get("platforms") or {}).get("additive") or {}).get("occupancy") or {}
        return machine.get("state") == "fault" and machine.get("job") == "web test 42" and \
            occupancy.get("count") == 17
    state = page.wait_until("the published values in the page's state", shows, 20)
    log(f"[ figures ] published values shown {time.monotonic() - published:.2f} s after mosquitto_pub")
    live = state["live"]
    machine = live["machines"]["fdm-1"]
    if machine.get("stale") is not False or abs(machine.get("progress", 0) - 0.42) > 1e-9:
        raise Failure(f"fdm-1 should be fresh with progress 0.42: {json.dumps(machine)}")
    if live.get("rejected", 0) < rejected_before + 1:
        raise Failure(f"the bad message (state \"exploded\") was not counted as rejected: {live.get('rejected')}")
    if live.get("source") not in (None, "mqtt"):
        raise Failure(f"the live source should be mqtt once connected, not {live.get('source')}")
    os.makedirs(args.out, exist_ok=True)
    page.screenshot(os.path.join(args.out, "live_fdm-1_fault.png"))
    check_no_page_errors(page)


def case_reconnect(args, page, processes, work, port):
    """The broker goes away: the last values stay, all stale, the state says
    offline since when; it comes back: the page reconnects by itself."""
    tcp, ws, broker = start_broker(processes, work)
    open_page(processes, work, port, f"&broker=ws://127.0.0.1:{ws}")
    page.expect("ready", READY_TIMEOUT_S)
    page.wait_until("connected", lambda s: (s.get("live") or {}).get("connection") == "connected", 30)
    now = datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
    publish(tcp, "twin/v1/machines/fdm-1/state", '{"state": "running", "job": "before", "ts": "%s"}' % now)

    def machine(state):
        return ((state.get("live") or {}).get("machines") or {}).get("fdm-1") or {}
    page.wait_until("fdm-1 running", lambda s: machine(s).get("job") == "before", 20)

    os.killpg(broker.pid, signal.SIGTERM)
    broker.wait(timeout=10)
    lost = time.monotonic()
    state = page.wait_until("the lost broker in the state",
                            lambda s: (s.get("live") or {}).get("connection") in ("offline", "connecting") and
                            (s.get("live") or {}).get("offline_since"), 20)
    log(f"[ figures ] broker loss seen {time.monotonic() - lost:.1f} s after it stopped")
    if machine(state).get("job") != "before" or machine(state).get("stale") is not True:
        raise Failure(f"while the broker is away fdm-1 keeps its last value, stale: {json.dumps(machine(state))}")

    time.sleep(3)  # a few attempts fail first: the back-off grows
    start_broker(processes, work, (tcp, ws))
    back = time.monotonic()
    page.wait_until("reconnected", lambda s: (s.get("live") or {}).get("connection") == "connected" and
                    not (s.get("live") or {}).get("offline_since"), 45)
    log(f"[ figures ] reconnected {time.monotonic() - back:.1f} s after the broker came back")
    now = datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
    publish(tcp, "twin/v1/machines/fdm-1/state", '{"state": "idle", "job": "after", "ts": "%s"}' % now)
    state = page.wait_until("the value published after the reconnection",
                            lambda s: machine(s).get("job") == "after", 20)
    if machine(state).get("stale") is not False:
        raise Failure(f"a value received after reconnecting is fresh: {json.dumps(machine(state))}")
    check_no_page_errors(page)


CASES = {"ready": case_ready, "reconnect": case_reconnect, "golden": case_golden, "deep_link": case_deep_link, "live": case_live}


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("case", choices=sorted(CASES))
    parser.add_argument("--site", required=True, help="the built site (build-web/site)")
    parser.add_argument("--out", required=True, help="where screenshots and diff images go")
    parser.add_argument("--compare", help="the image-compare program (tests/gl)")
    parser.add_argument("--golden", help="the baseline PNG (golden case)")
    parser.add_argument("--max-diff", type=int, default=24)
    parser.add_argument("--mean-diff", type=float, default=0.5)
    parser.add_argument("--outliers-per-million", type=float, default=100)
    parser.add_argument("--timeout", type=float, default=240, help="the whole case, seconds")
    args = parser.parse_args()

    if not os.path.isfile(os.path.join(args.site, "index.html")):
        message = f"no web build in {args.site}: run bash scripts/web.sh --build-only"
        if os.environ.get("TWIN_WEB_REQUIRED") == "1":
            log("FAIL: " + message)
            return 1
        log("SKIP: " + message)
        return SKIP

    processes = Processes()
    work = tempfile.mkdtemp(prefix="twin-web-test-")
    page = Page()
    server = serve(os.path.abspath(args.site), page)

    def on_timeout(*_):
        raise Failure(f"the case ran past {args.timeout} s")
    signal.signal(signal.SIGALRM, on_timeout)
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(1))
    signal.alarm(int(args.timeout))
    status = 1
    started = time.monotonic()
    try:
        CASES[args.case](args, page, processes, work, server.server_address[1])
        status = 0
        log(f"PASS web.{args.case} ({time.monotonic() - started:.1f} s)")
    except Failure as e:
        log(f"FAIL web.{args.case}: {e}")
    finally:
        signal.alarm(0)
        page.done()
        processes.stop_all()
        server.shutdown()
        if status != 0:
            for name in ("chromium.log", "mosquitto.log"):
                path = os.path.join(work, name)
                if os.path.exists(path):
                    with open(path, errors="replace") as f:
                        # chromium's complaints about the missing D-Bus say nothing here
                        lines = [l for l in f if "dbus" not in l and "zygote_communication" not in l]
                    tail = "".join(lines)[-3000:]
                    log(f"--- {name} (last lines) ---\n{tail}")
        shutil.rmtree(work, ignore_errors=True)
    return status


if __name__ == "__main__":
    sys.exit(main())
