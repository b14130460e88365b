#!/usr/bin/python3
"""Compare twin-tour with the peer viewer f3d on public models.

For each model, both programs are started as whole processes that load the
model, render one frame offscreen and write a PNG, then exit. The script
measures each process's wall time and peak memory (max RSS of the process
tree), repeats the runs interleaved (twin, f3d, twin, ...) so that load noise
hits both alike, and prints Markdown tables with medians, the twin/f3d ratios
and the budgets of issue 12 (time <= 1/3 of f3d's with a warm import cache,
<= 1/2 on a first opening with a cold one; peak memory <= 1/2 of f3d's).

twin-tour is measured in two modes:
  warm: TWIN_TOUR_CACHE_DIR points at a directory filled by an untimed run
        first, so the import cache is hit (the normal case);
  cold: TWIN_TOUR_CACHE_DIR points at a fresh empty directory on every run,
        so the Assimp import runs in the child process each time.

Debian's /usr/bin/python3, standard library only. See bench/README.md.
"""

import argparse
import json
import os
import platform
import resource
import shutil
import signal
import socket
import statistics
import struct
import subprocess
import sys
import tempfile
import threading
import time
import zlib
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_MODELS_DIR = REPO_ROOT.parent / "shared" / "models"
DEFAULT_MODELS = [
    "gltf/Duck.glb",
    "gltf/DamagedHelmet/DamagedHelmet.glb",
    "gltf/CesiumMilkTruck.glb",
    "gltf/BoxTextured.glb",
    "obj/fuze/fuze.obj",
    "fbx/spider/spider.fbx",
    "stl/Spider_binary.stl",
    "dae/duck/duck.dae",
    "ply/Wuson.ply",
    "3ds/test1/test1.3ds",
    "ifc/AC14-FZK-Haus.ifc",
]
# --corpus: every file with one of these extensions under the model folder,
# outside broken/ (files meant to fail; some make assimp allocate for a
# minute before it gives up).
MODEL_EXTENSIONS = (".glb", ".gltf", ".obj", ".fbx", ".stl", ".3ds", ".dae",
                    ".ply", ".ifc", ".off")
TIME_BUDGET = 1.0 / 3.0    # twin wall time <= 1/3 of f3d's, import cache warm
COLD_TIME_BUDGET = 1.0 / 2.0  # ... <= 1/2 on a first opening (cold cache, the importer running)
MEMORY_BUDGET = 1.0 / 2.0  # twin peak memory <= 1/2 of f3d's
MIN_PNG_BYTES = 1024       # a PNG smaller than this counts as "no image"
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
GNU_TIME = "/usr/bin/time"
# f3d 1.3.1 prints these when it cannot read a format (for example IFC).
F3D_UNSUPPORTED_MARKERS = ("not a file of a supported file format",
                           "No file loaded")
# Variables that change what Mesa does; recorded with the machine.
MESA_ENV_VARS = ("LP_NUM_THREADS", "GALLIUM_DRIVER", "LIBGL_ALWAYS_SOFTWARE",
                 "MESA_LOADER_DRIVER_OVERRIDE", "MESA_GL_VERSION_OVERRIDE",
                 "EGL_PLATFORM", "vblank_mode")

TWIN, F3D = "twin", "f3d"
WARM, COLD, F3D_MODE = "warm", "cold", "-"


def log(message):
    """Progress goes to stderr so that stdout is only the Markdown report."""
    print(message, file=sys.stderr, flush=True)


# --------------------------------------------------------------------------
# Running one process and measuring it


class Runner:
    """Starts a command, waits for it with a timeout and measures it.

    Peak memory comes from GNU time's %M when /usr/bin/time exists (GNU time
    wait()s for the command and reports its ru_maxrss), else from the
    rusage that os.wait4() returns for the command itself. Both give the
    maximum RSS over the command and every descendant it reaped itself. The
    wait4 fallback has a floor: a process started by vfork+exec (what
    Python's subprocess does) inherits the peak RSS of the process that
    started it, here this Python script (see bench/README.md).
    """

    def __init__(self, use_gnu_time, sample_tree_s=0.0):
        self.use_gnu_time = use_gnu_time and os.access(GNU_TIME, os.X_OK)
        self.sample_tree_s = sample_tree_s
        self.method = ("GNU time %M (" + GNU_TIME + ")" if self.use_gnu_time
                       else "os.wait4() ru_maxrss")
        self._current_pgid = None
        self._lock = threading.Lock()

    def kill_current(self):
        """Kills the process group of the run in progress, if any."""
        with self._lock:
            if self._current_pgid is not None:
                try:
                    os.killpg(self._current_pgid, signal.SIGKILL)
                except ProcessLookupError:
                    pass

    def run(self, argv, env, timeout_s, scratch_dir):
        """Runs argv to completion (or timeout) and returns a dict with
        wall_s, maxrss_kib, cpu_s, exit_code, signal, timed_out, output
        (the tail of stdout+stderr) and stray (processes of its group still
        alive after it exited; they are killed)."""
        output_path = os.path.join(scratch_dir, "output.txt")
        rss_path = os.path.join(scratch_dir, "gnu-time.txt")
        full_argv = list(argv)
        if self.use_gnu_time:
            full_argv = [GNU_TIME, "-f", "%M", "-o", rss_path, "--"] + full_argv
        timed_out = threading.Event()
        with open(output_path, "wb") as output:
            start = time.perf_counter()
            try:
                proc = subprocess.Popen(full_argv, env=env, stdin=subprocess.DEVNULL,
                                        stdout=output, stderr=subprocess.STDOUT,
                                        start_new_session=True)
            except OSError as error:  # e.g. the binary is being rebuilt
                message = "cannot start %s: %s" % (full_argv[0], error)
                return {"wall_s": time.perf_counter() - start, "cpu_s": 0.0,
                        "maxrss_kib": None, "exit_code": 127, "signal": None,
                        "timed_out": False, "stray": 0, "output": message,
                        "output_full": message}
            with self._lock:
                self._current_pgid = proc.pid

            def on_timeout():
                timed_out.set()
                self.kill_current()

            timer = threading.Timer(timeout_s, on_timeout)
            timer.daemon = True  # never keeps the script alive on its own
            timer.start()
            sampler = None
            if self.sample_tree_s > 0:
                sampler = TreeRssSampler(proc.pid, self.sample_tree_s,
                                         skip_root=self.use_gnu_time)
                sampler.start()
            # Wait without reaping first, so that the timer can never signal a
            # process group whose id has been reused.
            os.waitid(os.P_PID, proc.pid, os.WEXITED | os.WNOWAIT)
            wall_s = time.perf_counter() - start
            timer.cancel()
            if sampler:
                sampler.stop()
            with self._lock:
                self._current_pgid = None
            # The leader has exited but is not reaped yet, so its process
            # group id is still ours: anything else left in it is a stray
            # (a descendant nobody waited for; its memory is not counted).
            stray = process_group_members(proc.pid, exclude=proc.pid)
            if timed_out.is_set():
                stray = []  # killed by the timeout, possibly still dying
            if stray:
                try:
                    os.killpg(proc.pid, signal.SIGKILL)
                except (ProcessLookupError, PermissionError):
                    pass
            _, status, usage = os.wait4(proc.pid, 0)
            proc.returncode = 0  # reaped here; keep Popen from waiting again

        result = {
            "wall_s": wall_s,
            "cpu_s": usage.ru_utime + usage.ru_stime,
            "maxrss_kib": usage.ru_maxrss,  # KiB on Linux
            "exit_code": None,
            "signal": None,
            "timed_out": timed_out.is_set(),
            "stray": len(stray),
        }
        if sampler:
            result["tree_rss_sum_peak_kib"] = sampler.peak_kib
        if os.WIFSIGNALED(status):
            result["signal"] = os.WTERMSIG(status)
        else:
            result["exit_code"] = os.WEXITSTATUS(status)
        if self.use_gnu_time:
            self._read_gnu_time(rss_path, result)
        with open(output_path, "rb") as output:
            text = output.read().decode("utf-8", "replace")
        result["output"] = text[-600:]
        result["output_full"] = text
        return result

    @staticmethod
    def _read_gnu_time(path, result):
        """GNU time writes 'Command terminated by signal N' or 'Command exited
        with non-zero status N' before the %M line; its own exit status cannot
        tell a signal from an exit code above 128, so read the file."""
        result["maxrss_kib"] = None
        try:
            lines = Path(path).read_text().strip().splitlines()
        except OSError:
            return  # GNU time itself was killed (timeout): keep wait4's status
        if not lines or not lines[-1].strip().isdigit():
            return
        result["maxrss_kib"] = int(lines[-1])
        result["signal"], result["exit_code"] = None, 0
        for line in lines[:-1]:
            if line.startswith("Command terminated by signal"):
                result["signal"], result["exit_code"] = int(line.split()[-1]), None
            elif line.startswith("Command exited with non-zero status"):
                result["exit_code"] = int(line.split()[-1])


class TreeRssSampler(threading.Thread):
    """Samples the sum of VmRSS over a live process tree every interval_s
    (opt-in, --sample-tree): ru_maxrss gives the largest single process,
    this shows what processes alive at the same time add up to. It can miss
    short peaks and costs a little CPU, so it is not the main figure."""

    PAGE_KIB = os.sysconf("SC_PAGE_SIZE") // 1024

    def __init__(self, root_pid, interval_s, skip_root):
        super().__init__(daemon=True)
        self.root_pid, self.interval_s, self.skip_root = root_pid, interval_s, skip_root
        self.peak_kib = 0
        self._stop_event = threading.Event()

    def run(self):
        while not self._stop_event.is_set():
            self.peak_kib = max(self.peak_kib, self._sample())
            self._stop_event.wait(self.interval_s)

    def stop(self):
        self._stop_event.set()
        self.join()

    def _sample(self):
        total = 0
        pending = [(self.root_pid, None)]  # (pid, executable of its parent)
        while pending:
            pid, parent_exe = pending.pop()
            try:
                exe = os.readlink("/proc/%d/exe" % pid)
                # A child that still runs its parent's executable is taken to
                # be between vfork/posix_spawn and exec, sharing the parent's
                # memory: not counted twice. (A fork() without exec would be
                # missed; neither program does that.)
                if exe != parent_exe and (pid != self.root_pid or not self.skip_root):
                    with open("/proc/%d/statm" % pid) as statm:
                        total += int(statm.read().split()[1]) * self.PAGE_KIB
                for task in os.listdir("/proc/%d/task" % pid):
                    with open("/proc/%d/task/%s/children" % (pid, task)) as children:
                        pending.extend((int(c), exe) for c in children.read().split())
            except (OSError, ValueError, IndexError):
                continue  # exited meanwhile
        return total


def process_group_members(pgid, exclude):
    """Pids of the live (non-zombie) processes in process group pgid."""
    members = []
    for entry in os.listdir("/proc"):
        if not entry.isdigit() or int(entry) == exclude:
            continue
        try:
            with open("/proc/%s/stat" % entry) as stat:
                fields = stat.read().rsplit(")", 1)[1].split()
        except (OSError, IndexError):
            continue
        # After the command name: state, ppid, pgrp, ...
        if int(fields[2]) == pgid and fields[0] != "Z":
            members.append(int(entry))
    return members


def inspect_png(path):
    """Returns (bytes, width, height, problem); problem is None for a PNG
    that exists, is larger than MIN_PNG_BYTES, has a valid header and is not
    one uniform colour ("blank image": nothing was drawn)."""
    try:
        with open(path, "rb") as image:
            data = image.read()
    except OSError:
        return 0, None, None, "no image"
    if len(data) < 33 or data[:8] != PNG_SIGNATURE or data[12:16] != b"IHDR":
        return len(data), None, None, "no image"
    width, height, depth, colour, _, _, interlace = struct.unpack(">IIBBBBB", data[16:29])
    if len(data) <= MIN_PNG_BYTES:
        return len(data), width, height, "no image"
    channels = {0: 1, 2: 3, 3: 1, 4: 2, 6: 4}.get(colour)
    if depth == 8 and channels and not interlace:
        try:
            if png_is_uniform(data, width, height, channels):
                return len(data), width, height, "blank image"
        except (zlib.error, struct.error, ValueError):
            return len(data), width, height, "no image"
    return len(data), width, height, None


def png_is_uniform(data, width, height, bpp):
    """True when every pixel of an 8-bit, non-interlaced PNG has the colour
    of the first one. Instead of undoing the PNG filters (slow in Python),
    each filtered row is compared with what each filter type turns a
    uniform row into."""
    chunks, pos = [], 8
    while pos + 8 <= len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        if kind == b"IDAT":
            chunks.append(data[pos + 8:pos + 8 + length])
        pos += 12 + length
    raw = zlib.decompress(b"".join(chunks))
    stride = width * bpp
    if len(raw) < height * (stride + 1):
        raise ValueError("truncated image data")
    colour = raw[1:1 + bpp]  # row 0, pixel 0: no filter has a predictor there
    half = bytes(c - c // 2 for c in colour)
    zeros = bytes(stride - bpp)
    expected_first = {0: colour * width, 1: colour + zeros, 2: colour * width,
                      3: colour + bytes((c - c // 2) & 0xFF for c in colour) * (width - 1),
                      4: colour + zeros}
    expected_rest = {0: colour * width, 1: colour + zeros, 2: bytes(stride),
                     3: half + zeros, 4: bytes(stride)}
    for row in range(height):
        start = row * (stride + 1)
        table = expected_first if row == 0 else expected_rest
        if raw[start + 1:start + 1 + stride] != table.get(raw[start]):
            return False
    return True


def classify(result, program, image_problem, expected_size):
    """One word (or a few) for a run: ok, timeout, crash (signal N), exit N,
    unsupported, no image, blank image, wrong size WxH."""
    if result["timed_out"]:
        return "timeout"
    if result["signal"] is not None:
        return "crash (signal %d)" % result["signal"]
    if program == F3D and any(marker in result["output_full"]
                              for marker in F3D_UNSUPPORTED_MARKERS):
        return "unsupported"
    if result["exit_code"]:
        return "exit %d" % result["exit_code"]
    if image_problem:
        return image_problem
    width, height = result["image_width"], result["image_height"]
    if (width, height) != expected_size:
        return "wrong size %dx%d" % (width, height)
    return "ok"


# --------------------------------------------------------------------------
# Xvfb for f3d


class Xvfb:
    """One Xvfb server for the whole run, on a free display number."""

    def __init__(self, log_dir):
        self.log_dir = log_dir
        self.proc = None
        self.display = None

    def start(self):
        xvfb = shutil.which("Xvfb")
        if not xvfb:
            raise RuntimeError("Xvfb not found")
        for number in range(90, 190):
            if (os.path.exists("/tmp/.X%d-lock" % number)
                    or os.path.exists("/tmp/.X11-unix/X%d" % number)):
                continue
            log_file = open(os.path.join(self.log_dir, "xvfb-%d.log" % number), "wb")
            proc = subprocess.Popen(
                [xvfb, ":%d" % number, "-screen", "0", "1920x1080x24",
                 "-nolisten", "tcp"],
                stdin=subprocess.DEVNULL, stdout=log_file, stderr=subprocess.STDOUT,
                start_new_session=True)
            log_file.close()
            if self._wait_ready(proc, number):
                self.proc, self.display = proc, ":%d" % number
                return self.display
            self._kill(proc)
        raise RuntimeError("could not start Xvfb on any display :90-:189")

    @staticmethod
    def _wait_ready(proc, number, timeout_s=15.0):
        path = "/tmp/.X11-unix/X%d" % number
        deadline = time.monotonic() + timeout_s
        while time.monotonic() < deadline:
            if proc.poll() is not None:
                return False  # display taken by someone else meanwhile
            if os.path.exists(path):
                with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as probe:
                    try:
                        probe.connect(path)
                        return True
                    except OSError:
                        pass
            time.sleep(0.05)
        return False

    @staticmethod
    def _kill(proc):
        if proc.poll() is None:
            proc.terminate()
            try:
                proc.wait(5)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()

    def stop(self):
        if self.proc is not None:
            self._kill(self.proc)
            self.proc = None


# --------------------------------------------------------------------------
# Machine description


def command_output(argv, env=None, timeout_s=10):
    try:
        done = subprocess.run(argv, env=env, capture_output=True, text=True,
                              timeout=timeout_s)
        return done.stdout + done.stderr
    except (OSError, subprocess.SubprocessError):
        return ""


# Asks Mesa for its renderer string through a surfaceless EGL context, the
# path twin-tour takes. Run in a child process: loading Mesa here would raise
# this script's own peak RSS, which the os.wait4 fallback inherits as a floor.
EGL_RENDERER_PROBE = r"""
import ctypes
egl = ctypes.CDLL("libEGL.so.1")
egl.eglGetProcAddress.restype = ctypes.c_void_p
egl.eglGetProcAddress.argtypes = [ctypes.c_char_p]
proc = lambda name, *types: ctypes.CFUNCTYPE(*types)(egl.eglGetProcAddress(name))
vp, i32 = ctypes.c_void_p, ctypes.c_int
get_display = proc(b"eglGetPlatformDisplayEXT", vp, ctypes.c_uint, vp, vp)
display = get_display(0x31DD, None, None)  # EGL_PLATFORM_SURFACELESS_MESA
egl.eglInitialize.argtypes = [vp, vp, vp]
egl.eglChooseConfig.argtypes = [vp, vp, ctypes.POINTER(vp), i32, ctypes.POINTER(i32)]
egl.eglCreateContext.restype = vp
egl.eglCreateContext.argtypes = [vp, vp, vp, vp]
egl.eglMakeCurrent.argtypes = [vp, vp, vp, vp]
assert egl.eglInitialize(display, None, None)
egl.eglBindAPI(0x30A2)  # EGL_OPENGL_API
config, count = vp(), i32()
egl.eglChooseConfig(display, (i32 * 3)(0x3040, 0x0008, 0x3038), ctypes.byref(config), 1,
                    ctypes.byref(count))
context = egl.eglCreateContext(display, config, None, (i32 * 5)(0x3098, 3, 0x30FB, 3, 0x3038))
assert egl.eglMakeCurrent(display, None, None, context)
print(proc(b"glGetString", ctypes.c_char_p, ctypes.c_uint)(0x1F01).decode())
"""


def describe_machine(display):
    info = {
        "nproc": len(os.sched_getaffinity(0)),
        "cpu_count": os.cpu_count(),
        "kernel": platform.release(),
    }
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                info["cpu"] = line.split(":", 1)[1].strip()
                break
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal"):
                info["mem_total_mib"] = int(line.split()[1]) // 1024
                break
    except OSError:
        pass
    try:
        info["debian"] = Path("/etc/debian_version").read_text().strip()
    except OSError:
        pass
    if shutil.which("dpkg-query"):
        versions = command_output(["dpkg-query", "-W", "-f", "${Package} ${Version}\\n",
                                   "libgl1-mesa-dri", "libegl-mesa0", "f3d"])
        info["packages"] = " ; ".join(v for v in versions.splitlines()
                                      if v and "no packages" not in v)
    info["mesa_env"] = {k: os.environ[k] for k in MESA_ENV_VARS if k in os.environ}
    probe_env = dict(os.environ)
    probe_env.pop("DISPLAY", None)
    renderer = command_output([sys.executable, "-c", EGL_RENDERER_PROBE],
                              env=probe_env).strip().splitlines()
    if renderer and "Error" not in renderer[-1]:
        info["egl_renderer"] = renderer[-1]
    if display and shutil.which("glxinfo"):
        env = dict(os.environ, DISPLAY=display)
        for line in command_output(["glxinfo", "-B"], env=env).splitlines():
            if "OpenGL renderer string" in line:
                info["glx_renderer"] = line.split(":", 1)[1].strip()
    return info


# --------------------------------------------------------------------------
# The benchmark


def median_or_none(values):
    return statistics.median(values) if values else None


def summarize(runs):
    """Aggregates the runs of one (model, program, mode) cell."""
    statuses = [run["status"] for run in runs]
    ok = [run for run in runs if run["status"] == "ok"]
    cell = {"runs": len(runs), "ok": len(ok), "status": "ok"}
    if not runs:
        cell["status"] = "not run"
    elif len(ok) < len(runs):
        failures = [s for s in statuses if s != "ok"]
        worst = max(set(failures), key=failures.count)
        cell["status"] = worst if len(failures) == len(runs) else \
            "%s in %d/%d" % (worst, len(failures), len(runs))
    walls = [run["wall_s"] for run in ok]
    rss = [run["maxrss_kib"] / 1024.0 for run in ok if run["maxrss_kib"] is not None]
    cell.update({
        "wall_s_median": median_or_none(walls),
        "wall_s_min": min(walls) if walls else None,
        "wall_s_max": max(walls) if walls else None,
        "maxrss_mib_median": median_or_none(rss),
        "maxrss_mib_min": min(rss) if rss else None,
        "maxrss_mib_max": max(rss) if rss else None,
        "cpu_s_median": median_or_none([run["cpu_s"] for run in ok]),
        "tree_rss_sum_mib_median": median_or_none(
            [run["tree_rss_sum_peak_kib"] / 1024.0 for run in ok
             if run.get("tree_rss_sum_peak_kib")]),
    })
    return cell


def fmt_time(cell):
    if cell["status"] != "ok":
        return cell["status"]
    return "%.3f s (%.3f-%.3f)" % (cell["wall_s_median"], cell["wall_s_min"],
                                   cell["wall_s_max"])


def fmt_mem(cell):
    if cell["status"] != "ok":
        return cell["status"]
    if cell["maxrss_mib_median"] is None:
        return "n/a"
    return "%.0f MiB (%.0f-%.0f)" % (cell["maxrss_mib_median"], cell["maxrss_mib_min"],
                                      cell["maxrss_mib_max"])


def ratio_verdict(twin_cell, f3d_cell, key, budget):
    """Returns (ratio or None, text) for one budget cell."""
    if twin_cell["status"] == "not run" or f3d_cell["status"] == "not run":
        return None, "n/a"
    if f3d_cell["status"] != "ok":
        text = "n/a (f3d: %s" % f3d_cell["status"]
        if twin_cell["status"] != "ok":
            text += "; twin: %s" % twin_cell["status"]
        return None, text + ")"
    if twin_cell["status"] != "ok":
        return None, "FAIL (twin: %s)" % twin_cell["status"]
    twin_value, f3d_value = twin_cell[key], f3d_cell[key]
    if twin_value is None or f3d_value is None or f3d_value <= 0:
        return None, "n/a"
    ratio = twin_value / f3d_value
    return ratio, "%.2f %s" % (ratio, "PASS" if ratio <= budget else "FAIL")


class Benchmark:
    def __init__(self, args, models, models_dir):
        self.args = args
        self.models = models            # list of (name, path)
        self.models_dir = models_dir
        self.width, self.height = args.size
        self.runner = Runner(use_gnu_time=not args.no_gnu_time,
                             sample_tree_s=args.sample_tree / 1000.0)
        self.tmp = Path(tempfile.mkdtemp(prefix="twin-bench-"))
        self.warm_cache = self.tmp / "cache-warm"
        self.warm_cache.mkdir()
        self.xvfb = Xvfb(str(self.tmp))
        self.display = None
        self.deadline = time.monotonic() + args.max_total
        self.records = []
        self.notes = []
        self.twin = Path(args.twin)
        self.f3d = shutil.which(args.f3d) or args.f3d
        self.have_twin = self.twin.is_file() and os.access(self.twin, os.X_OK)
        self.have_f3d = bool(shutil.which(self.f3d))

    # -- environment and commands --

    def twin_env(self, cache_dir):
        env = dict(os.environ)
        # twin-tour renders headless with EGL; make sure it does not find an X
        # server (the CI machine kind has none).
        for name in ("DISPLAY", "WAYLAND_DISPLAY"):
            env.pop(name, None)
        env["TWIN_TOUR_CACHE_DIR"] = str(cache_dir)
        return env

    def f3d_env(self):
        env = dict(os.environ)
        env.pop("WAYLAND_DISPLAY", None)
        if self.display:
            env["DISPLAY"] = self.display
        return env

    def twin_argv(self, model, png):
        return [str(self.twin), str(model), "--screenshot", str(png),
                "--size", "%dx%d" % (self.width, self.height)]

    def f3d_argv(self, model, png):
        return [self.f3d, "--dry-run", "--resolution",
                "%d,%d" % (self.width, self.height), "--output", str(png), str(model)]

    def commands_text(self):
        wrap = ""
        if self.runner.use_gnu_time:
            wrap = "%s -f %%M -o RSS.txt -- " % GNU_TIME
        return [
            "twin warm: env -u DISPLAY TWIN_TOUR_CACHE_DIR=%s %s%s" % (
                self.warm_cache, wrap,
                " ".join(self.twin_argv("MODEL", "OUT.png"))),
            "twin cold: env -u DISPLAY TWIN_TOUR_CACHE_DIR=<new empty dir per run> %s%s" % (
                wrap, " ".join(self.twin_argv("MODEL", "OUT.png"))),
            "f3d:       DISPLAY=%s %s%s" % (
                self.display or "(none)", wrap,
                " ".join(self.f3d_argv("MODEL", "OUT.png"))),
        ]

    # -- running --

    def time_left(self):
        return self.deadline - time.monotonic()

    def run_one(self, model_name, model_path, program, mode, rep, timed=True):
        """Runs one program once on one model; returns the record."""
        scratch = Path(tempfile.mkdtemp(prefix="run-", dir=self.tmp))
        png = scratch / "out.png"
        cache_dir = None
        if program == TWIN:
            if mode == COLD:
                cache_dir = scratch / "cache-cold"
                cache_dir.mkdir()
            else:
                cache_dir = self.warm_cache
            argv, env = self.twin_argv(model_path, png), self.twin_env(cache_dir)
        else:
            argv, env = self.f3d_argv(model_path, png), self.f3d_env()
        timeout_s = max(1.0, min(self.args.timeout, self.time_left()))
        result = self.runner.run(argv, env, timeout_s, str(scratch))
        size, width, height, problem = inspect_png(png)
        result.update({"image_bytes": size, "image_width": width,
                       "image_height": height})
        result["status"] = classify(result, program, problem, (self.width, self.height))
        if result["timed_out"] and timeout_s < self.args.timeout:
            result["status"] = "skipped (time budget)"
        if result["status"] == "ok" and self.args.keep_images and timed:
            keep = Path(self.args.keep_images)
            keep.mkdir(parents=True, exist_ok=True)
            label = "%s-%s" % (program, mode) if program == TWIN else program
            shutil.copyfile(png, keep / ("%s.%s.png" % (
                model_name.replace("/", "_"), label)))
        record = {
            "model": model_name, "program": program, "mode": mode, "rep": rep,
            "timed": timed, "status": result["status"],
            "wall_s": result["wall_s"], "cpu_s": result["cpu_s"],
            "maxrss_kib": result["maxrss_kib"], "exit_code": result["exit_code"],
            "signal": result["signal"], "stray_processes": result["stray"],
            "tree_rss_sum_peak_kib": result.get("tree_rss_sum_peak_kib"),
            "image_bytes": size, "image_width": width, "image_height": height,
            "argv": argv,
        }
        if result["status"] != "ok":
            record["output_tail"] = result["output"]
        if program == TWIN and mode == COLD:
            record["cold_cache_files"] = sum(1 for _ in cache_dir.rglob("*"))
        if result["stray"]:
            label = "twin %s" % mode if program == TWIN else program
            self.notes.append("%s on %s left processes running after it "
                              "exited (killed; their memory is not counted)"
                              % (label, model_name))
        shutil.rmtree(scratch, ignore_errors=True)
        return record

    def skipped(self, model_name, program, mode, rep, why):
        return {"model": model_name, "program": program, "mode": mode, "rep": rep,
                "timed": True, "status": why, "wall_s": None, "cpu_s": None,
                "maxrss_kib": None, "exit_code": None, "signal": None}

    def cells_for(self, model_name):
        cells = []
        if self.have_twin:
            cells += [(TWIN, WARM), (TWIN, COLD)]
        if self.have_f3d and self.display:
            cells.append((F3D, F3D_MODE))
        return cells

    def measure_model(self, model_name, model_path):
        cells = self.cells_for(model_name)
        # Untimed first runs: fill twin's warm cache, and bring both programs'
        # libraries and the model file into the page cache.
        given_up = set()  # cells that timed out once: not run again
        for program, mode in cells:
            if program == TWIN and mode == COLD:
                continue
            if self.time_left() <= 0:
                break
            record = self.run_one(model_name, model_path, program, mode, 0, timed=False)
            self.records.append(record)
            if record["status"] == "timeout":
                given_up.add((program, mode))
            log("  warm-up %-4s %-4s %-22s %.2f s" % (program, mode, record["status"],
                                                       record["wall_s"]))
        for rep in range(1, self.args.repeat + 1):
            order = [c for c in cells if c[0] == TWIN]
            # twin, f3d, twin: f3d sits between the two twin modes, whose
            # order alternates from one repetition to the next.
            if rep % 2 == 0:
                order.reverse()
            if (F3D, F3D_MODE) in cells:
                order.insert(1 if order else 0, (F3D, F3D_MODE))
            for program, mode in order:
                if self.time_left() <= 0:
                    record = self.skipped(model_name, program, mode, rep,
                                          "skipped (time budget)")
                elif (program, mode) in given_up:
                    record = self.skipped(model_name, program, mode, rep,
                                          "timeout")
                else:
                    record = self.run_one(model_name, model_path, program, mode, rep)
                    if record["status"] == "timeout":
                        given_up.add((program, mode))
                    log("  rep %d %-4s %-4s %-22s %.3f s %s MiB" % (
                        rep, program, mode, record["status"], record["wall_s"],
                        "%.0f" % (record["maxrss_kib"] / 1024)
                        if record["maxrss_kib"] is not None else "?"))
                self.records.append(record)

    def memory_floor(self):
        """Peak RSS the chosen method reports for /bin/true: the floor under
        every memory figure."""
        scratch = tempfile.mkdtemp(prefix="floor-", dir=self.tmp)
        result = self.runner.run(["/bin/true"], dict(os.environ), 10, scratch)
        return (result["maxrss_kib"] or 0) / 1024.0

    def run(self):
        if self.have_f3d:
            try:
                self.display = self.xvfb.start()
            except RuntimeError as error:
                self.notes.append("f3d not measured: %s" % error)
        if not self.have_twin:
            self.notes.append("twin-tour not found at %s: only f3d was measured"
                              % self.twin)
        if not self.have_f3d:
            self.notes.append("f3d not found (%s): only twin-tour was measured"
                              % self.args.f3d)
        self.machine = describe_machine(self.display)
        self.machine["loadavg_start"] = os.getloadavg()[0]
        twin_stamp = self.binary_stamp()
        self.floor_mib = self.memory_floor()
        self.started = time.strftime("%Y-%m-%d %H:%M:%S %z")
        for index, (name, path) in enumerate(self.models, 1):
            log("[%d/%d] %s" % (index, len(self.models), name))
            if not path.is_file():
                self.notes.append("%s: file not found (%s)" % (name, path))
                continue
            self.measure_model(name, path)
            if self.binary_stamp() != twin_stamp:
                self.notes.append("the twin-tour binary changed during the run "
                                  "(rebuilt?): its figures may mix two builds; "
                                  "run again")
                twin_stamp = self.binary_stamp()
            if self.have_twin:
                files = sum(1 for _ in self.warm_cache.rglob("*"))
                if files == 0:
                    self.notes.append("%s: the warm cache directory is still empty "
                                      "after the first run" % name)

        self.machine["loadavg_end"] = os.getloadavg()[0]

    def binary_stamp(self):
        try:
            info = self.twin.stat()
            return info.st_mtime_ns, info.st_size
        except OSError:
            return None

    def close(self):
        self.runner.kill_current()
        self.xvfb.stop()
        shutil.rmtree(self.tmp, ignore_errors=True)

    # -- report --

    def cell(self, model_name, program, mode):
        runs = [r for r in self.records if r["model"] == model_name
                and r["program"] == program and r["mode"] == mode and r["timed"]]
        if not runs:
            return summarize([])
        return summarize(runs)

    def report(self):
        out = []
        w, h = self.width, self.height
        out.append("## twin-tour vs f3d: %dx%d PNG, whole process, median of %d"
                   % (w, h, self.args.repeat))
        out.append("")
        out.append("Run %s. Budgets (DESIGN.md section 5): twin wall time <= 1/3 "
                   "of f3d's (ratio <= 0.33), twin peak memory <= 1/2 of f3d's "
                   "(ratio <= 0.50). Cells: median (min-max) over the repetitions; "
                   "peak memory is the max RSS of the process tree (%s)."
                   % (self.started, self.runner.method))
        out.append("")
        out.append("Machine: " + self.machine_text())
        out.append("")
        out.append("Commands (interleaved per repetition: twin, f3d, twin; "
                   "one untimed warm-up run of each first):")
        out.append("")
        out.append("```")
        out.extend(self.commands_text())
        out.append("```")
        out.append("")
        summary_rows = []
        for name, path in self.models:
            if not path.is_file():
                out.append("### %s\n\nfile not found: %s\n" % (name, path))
                continue
            size_kib = path.stat().st_size / 1024.0
            out.append("### %s (%.0f KiB)" % (name, size_kib))
            out.append("")
            sampled = self.args.sample_tree > 0
            out.append("| program | wall time (budget: twin/f3d <= 0.33 warm, 0.50 cold) "
                       "| peak memory, max RSS (budget: twin/f3d <= 0.50) |"
                       + (" summed RSS of the live tree, sampled |" if sampled else ""))
            out.append("|---|---|---|" + ("---|" if sampled else ""))
            f3d_cell = self.cell(name, F3D, F3D_MODE)
            twin_cells = {mode: self.cell(name, TWIN, mode) for mode in (WARM, COLD)}
            rows = [("f3d", f3d_cell)]
            rows += [("twin %s" % mode, twin_cells[mode]) for mode in (WARM, COLD)]
            for label, cell in rows:
                line = "| %s | %s | %s |" % (label, fmt_time(cell), fmt_mem(cell))
                if sampled:
                    tree = cell["tree_rss_sum_mib_median"]
                    line += " %s |" % ("%.0f MiB" % tree if tree else "n/a")
                out.append(line)
            summary = [name]
            for mode in (WARM, COLD):
                _, time_text = ratio_verdict(twin_cells[mode], f3d_cell, "wall_s_median",
                                             TIME_BUDGET if mode == WARM else COLD_TIME_BUDGET)
                _, mem_text = ratio_verdict(twin_cells[mode], f3d_cell,
                                            "maxrss_mib_median", MEMORY_BUDGET)
                out.append("| **twin %s / f3d** | %s | %s |%s" % (
                    mode, time_text, mem_text, " |" if sampled else ""))
                summary += [time_text, mem_text]
            out.append("")
            summary_rows.append(summary)
        out.append("### Summary: twin/f3d ratios")
        out.append("")
        out.append("| model | time warm (<= 0.33) | memory warm (<= 0.50) "
                   "| time cold (<= 0.50) | memory cold (<= 0.50) |")
        out.append("|---|---|---|---|---|")
        for row in summary_rows:
            out.append("| " + " | ".join(row) + " |")
        out.append("")
        if self.runner.use_gnu_time:
            out.append("Memory floor: GNU time reports %.1f MiB for /bin/true." % self.floor_mib)
        else:
            out.append("Memory floor: every peak-memory figure includes at least "
                       "%.1f MiB (what /bin/true reports when started by this "
                       "script: the script's own peak RSS, inherited at exec)."
                       % self.floor_mib)
        for note in dict.fromkeys(self.notes):
            out.append("")
            out.append("Note: " + note)
        return "\n".join(out) + "\n"

    def machine_text(self):
        m = self.machine
        parts = ["nproc %d" % m["nproc"]]
        if "cpu" in m:
            parts.append(m["cpu"])
        if "mem_total_mib" in m:
            parts.append("%d MiB RAM" % m["mem_total_mib"])
        parts.append("Linux " + m["kernel"])
        if "debian" in m:
            parts.append("Debian " + m["debian"])
        if m.get("packages"):
            parts.append(m["packages"])
        parts.append("renderer (EGL surfaceless, twin's path): %s"
                     % m.get("egl_renderer", "n/a"))
        parts.append("renderer (glxinfo -B on Xvfb, f3d's path): %s"
                     % m.get("glx_renderer", "n/a (glxinfo not installed)"))
        parts.append("1-min load average %.2f at start, %.2f at end (other work "
                     "on the machine shows here)" % (m["loadavg_start"],
                                                     m.get("loadavg_end", float("nan"))))
        if m["mesa_env"]:
            parts.append("env " + " ".join("%s=%s" % kv for kv in m["mesa_env"].items()))
        return "; ".join(parts)

    def json_data(self):
        cells = {}
        for name, path in self.models:
            cells[name] = {"f3d": self.cell(name, F3D, F3D_MODE),
                           "twin_warm": self.cell(name, TWIN, WARM),
                           "twin_cold": self.cell(name, TWIN, COLD)}
        return {
            "started": self.started,
            "settings": {"repeat": self.args.repeat, "timeout_s": self.args.timeout,
                         "max_total_s": self.args.max_total,
                         "size": [self.width, self.height],
                         "twin": str(self.twin), "f3d": self.f3d,
                         "models_dir": str(self.models_dir),
                         "memory_method": self.runner.method,
                         "memory_floor_mib": self.floor_mib,
                         "budgets": {"time_ratio": TIME_BUDGET,
                                     "cold_time_ratio": COLD_TIME_BUDGET,
                                     "memory_ratio": MEMORY_BUDGET}},
            "machine": self.machine,
            "commands": self.commands_text(),
            "summary": cells,
            "runs": self.records,
            "notes": list(dict.fromkeys(self.notes)),
        }


# --------------------------------------------------------------------------
# Self-test: how Linux reports ru_maxrss for process trees


def self_test():
    """Shows, on this machine, the facts the memory figures rely on."""
    tmp = tempfile.mkdtemp(prefix="twin-bench-selftest-")
    py = sys.executable
    hog = lambda mib: "%s -c \"x = b'a' * (%d << 20)\"" % (py, mib)
    cases = [
        ("/bin/true", ["/bin/true"]),
        ("a process that touches 100 MiB", ["sh", "-c", "exec " + hog(100)]),
        ("parent 100 MiB, child 150 MiB that the parent waits for",
         ["sh", "-c", "%s; exec %s" % (hog(150), hog(100))]),
        ("small parent, child 150 MiB that the parent waits for",
         ["sh", "-c", "%s; true" % hog(150)]),
        ("small parent, child 150 MiB that the parent never waits for",
         ["sh", "-c", "(%s &) ; sleep 1" % hog(150)]),
    ]
    print("| case | os.wait4 ru_maxrss | GNU time %M |")
    print("|---|---|---|")
    direct = Runner(use_gnu_time=False)
    gnu = Runner(use_gnu_time=True)
    for label, argv in cases:
        row = [label]
        for runner in (direct, gnu):
            if runner is gnu and not gnu.use_gnu_time:
                row.append("n/a (no %s)" % GNU_TIME)
                continue
            result = runner.run(argv, dict(os.environ), 30, tmp)
            row.append("%.1f MiB" % ((result["maxrss_kib"] or 0) / 1024.0))
        print("| " + " | ".join(row) + " |")
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024.0
    direct.run(["/bin/true"], dict(os.environ), 10, tmp)
    after = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024.0
    print()
    print("getrusage(RUSAGE_CHILDREN).ru_maxrss before and after one more "
          "/bin/true: %.1f -> %.1f MiB (a running maximum over every child "
          "ever reaped, so a per-run delta cannot be taken from it)." % (before, after))
    big = b"b" * (200 << 20)
    del big
    result = direct.run(["/bin/true"], dict(os.environ), 10, tmp)
    print("After this script itself touched 200 MiB, /bin/true started by it "
          "reports %.1f MiB through os.wait4 (inherited at exec from the "
          "starting process)." % ((result["maxrss_kib"] or 0) / 1024.0))
    if gnu.use_gnu_time:
        result = gnu.run(["/bin/true"], dict(os.environ), 10, tmp)
        print("GNU time started by the same script reports %.1f MiB for /bin/true."
              % ((result["maxrss_kib"] or 0) / 1024.0))
    shutil.rmtree(tmp, ignore_errors=True)


# --------------------------------------------------------------------------


def parse_size(text):
    try:
        width, height = (int(v) for v in text.lower().split("x"))
        if width > 0 and height > 0:
            return width, height
    except ValueError:
        pass
    raise argparse.ArgumentTypeError("expected WIDTHxHEIGHT, e.g. 1280x720")


def parse_args(argv):
    parser = argparse.ArgumentParser(
        description="Compare twin-tour with f3d: wall time and peak memory to "
                    "render a model to a PNG (see bench/README.md).")
    parser.add_argument("--twin", default=str(REPO_ROOT / "build" / "twin-tour"),
                        help="twin-tour binary (default: BUILD/twin-tour with BUILD "
                             "= build in the repository)")
    parser.add_argument("--f3d", default="f3d", help="f3d binary (default: f3d on PATH)")
    parser.add_argument("--models", default=str(DEFAULT_MODELS_DIR),
                        help="model folder (default: ../shared/models from the "
                             "repository root)")
    parser.add_argument("--model", action="append", default=[], metavar="FILE",
                        help="model to measure instead of the default set "
                             "(repeatable; relative paths are tried from the "
                             "current folder, then from --models)")
    parser.add_argument("--corpus", action="store_true",
                        help="measure every model of the model folder (outside "
                             "broken/) instead of the default set; --model adds more")
    parser.add_argument("--repeat", type=int, default=5, metavar="N",
                        help="timed repetitions per program and model (default 5)")
    parser.add_argument("--timeout", type=float, default=60.0, metavar="S",
                        help="limit for one run in seconds (default 60)")
    parser.add_argument("--max-total", type=float, default=1800.0, metavar="S",
                        help="limit for the whole benchmark in seconds; runs past "
                             "it are reported as skipped (default 1800)")
    parser.add_argument("--size", type=parse_size, default=(1280, 720),
                        help="image size (default 1280x720)")
    parser.add_argument("--json", metavar="FILE", help="also save every run's raw "
                        "numbers as JSON")
    parser.add_argument("--keep-images", metavar="DIR",
                        help="copy the PNGs written by the timed runs here")
    parser.add_argument("--no-gnu-time", action="store_true",
                        help="measure memory with os.wait4() even if "
                             "/usr/bin/time exists")
    parser.add_argument("--sample-tree", type=float, default=0.0, metavar="MS",
                        help="also sample the summed RSS of the live process tree "
                             "every MS milliseconds (off by default: it costs CPU "
                             "during the timed runs)")
    parser.add_argument("--self-test", action="store_true",
                        help="only show how this kernel reports peak memory "
                             "of process trees, then exit")
    args = parser.parse_args(argv)
    if args.repeat < 1:
        parser.error("--repeat must be at least 1")
    return args


def corpus_models(models_dir):
    """Every model file under models_dir, outside broken/, sorted by path."""
    found = []
    for path in sorted(models_dir.rglob("*")):
        relative = path.relative_to(models_dir)
        if path.is_file() and path.suffix.lower() in MODEL_EXTENSIONS and \
                relative.parts[0] != "broken":
            found.append((str(relative), path))
    return found


def resolve_models(args):
    models_dir = Path(args.models)
    models = corpus_models(models_dir) if args.corpus and models_dir.is_dir() else []
    if args.model:
        for given in args.model:
            path = Path(given)
            if not path.is_file() and not path.is_absolute() and \
                    (models_dir / given).is_file():
                path = models_dir / given
            path = path.resolve() if path.exists() else path
            try:
                name = str(path.relative_to(models_dir.resolve()))
            except ValueError:
                name = given
            models.append((name, path))
    elif not args.corpus:
        models = [(name, models_dir / name) for name in DEFAULT_MODELS]
    return models_dir, models


def main(argv):
    args = parse_args(argv)
    if args.self_test:
        self_test()
        return 0
    models_dir, models = resolve_models(args)
    if not args.model and not models_dir.is_dir():
        print("Model folder %s does not exist: nothing to measure." % models_dir)
        return 0

    def on_signal(number, _frame):
        raise SystemExit(128 + number)

    signal.signal(signal.SIGTERM, on_signal)
    signal.signal(signal.SIGHUP, on_signal)
    bench = Benchmark(args, models, models_dir)
    try:
        bench.run()
        report = bench.report()
        sys.stdout.write(report)
        sys.stdout.flush()
        if args.json:
            with open(args.json, "w") as out:
                json.dump(bench.json_data(), out, indent=1)
                out.write("\n")
            log("raw numbers written to %s" % args.json)
    finally:
        bench.close()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
