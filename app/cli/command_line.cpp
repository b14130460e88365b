#include "cli/command_line.h"

#include <charconv>
#include <cmath>
#include <sstream>

#include "cli/command_line_parser.h"
#include "content/scene_file.h"
#include "feeds/timestamp.h"

namespace twin {
namespace {

// Comma-separated finite numbers, each all of its part ("1,2.5,-3").
bool parseFloats(const std::string& text, std::vector<float>& out) {
    std::stringstream in(text);
    std::string part;
    while (std::getline(in, part, ',')) {
        try {
            size_t used = 0;
            float value = std::stof(part, &used);
            if (used != part.size() || !std::isfinite(value)) return false;
            out.push_back(value);
        } catch (...) {
            return false;
        }
    }
    return true;
}

bool parseInt(const std::string& text, int& out) {
    auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), out);
    return ec == std::errc() && end == text.data() + text.size();
}

// A value that only has to be there: "--history" followed by nothing or "".
auto nonEmpty(std::string& target, std::string reason) {
    return [&target, reason = std::move(reason)](const std::string& v) -> std::string {
        if (v.empty()) return reason;
        target = v;
        return {};
    };
}

auto setTrue(bool& target) {
    return [&target] { target = true; };
}

// Every option of twin-tour, in the order and groups of the help, storing into `o`.
void describeOptions(cli::CommandLineParser& p, AppOptions& o) {
    p.group("Checking");
    p.flag("--check",
           "validate the scene file (all its errors, with file, line and\n"
           "JSON path, on stderr) without opening a window; exit 0 or 1",
           setTrue(o.check));

    p.group("Rendering without a window");
    p.value("--screenshot", "OUT.png", "render one frame headless (no display needed), write it, exit",
            "--screenshot needs a PNG file name", [&o](const std::string& v) -> std::string {
                o.screenshot = v;
                return {};
            });
    p.value("--size", "WxH", "window or image size (default 1280x720)", "--size needs WIDTHxHEIGHT, e.g. 1280x720",
            [&o](const std::string& v) -> std::string {
                size_t x = v.find('x');
                int w = 0, h = 0;
                if (x == std::string::npos || !parseInt(v.substr(0, x), w) || !parseInt(v.substr(x + 1), h) ||
                    w < 16 || h < 16 || w > 8192 || h > 8192)
                    return "--size expects WIDTHxHEIGHT between 16 and 8192, got \"" + v + "\"";
                o.size = {w, h};
                return {};
            });
    p.value("--camera", "X,Y,Z[,TX,TY,TZ]", "eye position and target in scene units (default: frame it all)",
            "--camera needs EYE_X,EYE_Y,EYE_Z[,TARGET_X,TARGET_Y,TARGET_Z]",
            [&o](const std::string& v) -> std::string {
                std::vector<float> f;
                if (!parseFloats(v, f) || (f.size() != 3 && f.size() != 6))
                    return "--camera expects 3 or 6 comma-separated numbers (eye[,target]), got \"" + v + "\"";
                CameraPlacement c;
                c.eye = {f[0], f[1], f[2]};
                if (f.size() == 6) c.target = glm::vec3(f[3], f[4], f[5]);
                o.camera = c;
                return {};
            });
    p.value("--orbit", "YAW,PITCH[,ZOOM]", "viewpoint around the framed scene, degrees (default 35,-25,1)",
            "--orbit needs YAW,PITCH[,ZOOM] in degrees", [&o](const std::string& v) -> std::string {
                std::vector<float> f;
                if (!parseFloats(v, f) || f.size() < 2 || f.size() > 3 || (f.size() == 3 && f[2] <= 0.0f))
                    return "--orbit expects YAW,PITCH[,ZOOM] (degrees, zoom > 0), got \"" + v + "\"";
                o.orbit = {f[0], f[1], f.size() == 3 ? f[2] : 1.0f};
                return {};
            });
    p.value("--floor", "ID", "show one floor of the scene, the floors above it cut away",
            "--floor needs a floor id of the scene (e.g. floor_1)",
            nonEmpty(o.floor, "--floor needs a floor id of the scene (e.g. floor_1)"));
    p.flag("--plan", "with --floor: the floor plan, seen from straight above", setTrue(o.plan));
    p.value("--machine", "ID", "frame that machine of the scene and open its card",
            "--machine needs a machine id of the scene (e.g. lpbf-1)",
            nonEmpty(o.machine, "--machine needs a machine id of the scene (e.g. lpbf-1)"));
    p.flag("--focus", "with --machine: the machine explorer (the machine alone, its parts)", setTrue(o.focus));
    auto fraction = [](const char* option, float& out) {
        return [option, &out](const std::string& v) -> std::string {
            std::vector<float> f;
            if (!parseFloats(v, f) || f.size() != 1 || !(f[0] >= 0.0f && f[0] <= 1.0f))
                return std::string(option) + " expects a number from 0 to 1, got \"" + v + "\"";
            out = f[0];
            return {};
        };
    };
    p.value("--explode", "0-1", "with --focus: the machine taken apart that much", "--explode expects a number from 0 to 1",
            fraction("--explode", o.explode));
    p.value("--section", "0-1", "with --focus: cut that much of the machine's depth away, from the front",
            "--section expects a number from 0 to 1", fraction("--section", o.section));
    const std::string procedureReason = "--procedure expects N[,STEP]: a procedure and a step, counted from 1";
    p.value("--procedure", "N[,STEP]", "with --focus: open the machine's procedure N at that step (from 1)",
            procedureReason, [&o, procedureReason](const std::string& v) -> std::string {
                std::vector<float> f;
                if (!parseFloats(v, f) || f.empty() || f.size() > 2 || f[0] < 1.0f || (f.size() == 2 && f[1] < 1.0f) ||
                    f[0] != std::floor(f[0]) || (f.size() == 2 && f[1] != std::floor(f[1])))
                    return procedureReason + ", got \"" + v + "\"";
                o.procedure = int(f[0]) - 1;
                o.step = f.size() == 2 ? int(f[1]) - 1 : 0;
                return {};
            });
    const std::string tabReason = "--tab expects parts, procedures, safety or training";
    p.value("--tab", "NAME", "with --focus: show that tab of the explorer (parts, procedures, safety, training)",
            tabReason, [&o, tabReason](const std::string& v) -> std::string {
                if (v != "parts" && v != "procedures" && v != "safety" && v != "training")
                    return tabReason + ", got \"" + v + "\"";
                o.explorerTab = v;
                return {};
            });
    p.flag("--flip-section", "with --section: keep the side of the cut nearer the learner", setTrue(o.flipSection));
    const std::string quizReason = "--quiz expects N: a question of the machine's quiz, counted from 1";
    p.value("--quiz", "N", "with --focus: the quiz's tab at question N (from 1)", quizReason,
            [&o, quizReason](const std::string& v) -> std::string {
                std::vector<float> f;
                if (!parseFloats(v, f) || f.size() != 1 || f[0] < 1.0f || f[0] != std::floor(f[0]) || f[0] > 1000.0f)
                    return quizReason + ", got \"" + v + "\"";
                o.quizQuestion = int(f[0]) - 1;
                return {};
            });
    p.value("--quiz-results", "FILE",
            "SQLite file of the quiz results per machine\n"
            "(default $XDG_STATE_HOME/twin-tour/quiz-results.sqlite; stills keep none)",
            "--quiz-results needs a SQLite file name",
            nonEmpty(o.quizResults, "--quiz-results needs a SQLite file name"));
    p.value("--part", "NODE", "with --focus: select that part of the machine (its node name)",
            "--part needs a part's node name (e.g. extruder_head)",
            nonEmpty(o.part, "--part needs a part's node name (e.g. extruder_head)"));
    const std::string pickReason = "--pick expects X,Y in pixels from the top left";
    p.value("--pick", "X,Y", "headless: click that pixel, as a visitor would (a machine opens its card)", pickReason,
            [&o, pickReason](const std::string& v) -> std::string {
                std::vector<float> f;
                if (!parseFloats(v, f) || f.size() != 2 || f[0] < 0.0f || f[1] < 0.0f) return pickReason;
                o.pick = glm::vec2(f[0], f[1]);
                return {};
            });
    const std::string walkReason =
        "--walk expects X,Y,Z[,YAW]: where to stand (the floor below is found) and where to face";
    p.value("--walk", "X,Y,Z[,YAW]",
            "headless: the view of a visitor standing there (eyes at 1.65 m), facing YAW degrees", walkReason,
            [&o, walkReason](const std::string& v) -> std::string {
                std::vector<float> f;
                if (!parseFloats(v, f) || (f.size() != 3 && f.size() != 4)) return walkReason;
                o.walk = glm::vec4(f[0], f[1], f[2], f.size() == 4 ? f[3] : 0.0f);
                return {};
            });
    p.value("--tour", "ID", "play that guided tour of the scene (headless: show one moment of it)",
            "--tour needs a tour id of the scene (e.g. discovery)",
            nonEmpty(o.tour, "--tour needs a tour id of the scene (e.g. discovery)"));
    const std::string tourTimeReason = "--tour-time expects a number of seconds >= 0";
    p.value("--tour-time", "SECONDS", "the moment of the tour to show (default: its first stop)", tourTimeReason,
            [&o, tourTimeReason](const std::string& v) -> std::string {
                std::vector<float> f;
                if (!parseFloats(v, f) || f.size() != 1 || f[0] < 0.0f) return tourTimeReason;
                o.tourTime = f[0];
                return {};
            });
    const std::string animTimeReason = "--anim-time expects a number of seconds >= 0";
    p.value("--anim-time", "SECONDS",
            "the machines' working cycles paused at that moment (running machines; with --focus, the explored one)",
            animTimeReason, [&o, animTimeReason](const std::string& v) -> std::string {
                std::vector<float> f;
                if (!parseFloats(v, f) || f.size() != 1 || !(f[0] >= 0.0f)) return animTimeReason;
                o.animTime = f[0];
                return {};
            });
    p.flag("--reduced-motion", "short camera transitions", setTrue(o.reducedMotion));
    p.value("--platform", "ID",
            "frame that platform of the scene and open its card\n"
            "(a live card: a screenshot shows it with --overlay and --data-time)",
            "--platform needs a platform id of the scene (e.g. additive)",
            nonEmpty(o.platform, "--platform needs a platform id of the scene (e.g. additive)"));
    p.flag("--overlay", "draw the panels (menus, cards, statistics) in the screenshot", setTrue(o.overlay));
    p.flag("--bench",
           "print load time, first-frame time and frame-time median/p95\n"
           "over a fixed orbit (or --tour), headless; the clock moves 1/30 s\n"
           "a frame, so machines running by --data-time or --mqtt move",
           setTrue(o.bench));
    const std::string benchFramesReason = "--bench-frames expects a number of frames between 1 and 100000";
    p.value("--bench-frames", "N", "frames in the --bench orbit (default 120)", benchFramesReason,
            [&o, benchFramesReason](const std::string& v) -> std::string {
                int frames = 0;
                if (!parseInt(v, frames) || frames < 1 || frames > 100000) return benchFramesReason;
                o.benchFrames = frames;
                return {};
            });
    p.flag("--bench-passes",
           "--bench: also time each pass (shadow, opaque, ..., panels),\n"
           "waiting for the GPU between passes (slower frames)",
           setTrue(o.benchPasses));
    p.flag("--bench-flat", "--bench: every surface one constant colour (the raster floor)", setTrue(o.benchFlat));
    p.flag("--bench-panels", "--bench: draw the panels and labels too, as the window does", setTrue(o.benchPanels));
    p.flag("--bench-prepass", "--bench: a depth pre-pass before the opaque shading", setTrue(o.benchPrepass));
    const std::string perFlushReason = "--bench-draws-per-flush expects a number of draws between 0 and 100000";
    p.value("--bench-draws-per-flush", "N", "--bench: flush the opaque pass after every N draws (default 0: never)",
            perFlushReason, [&o, perFlushReason](const std::string& v) -> std::string {
                int draws = 0;
                if (!parseInt(v, draws) || draws < 0 || draws > 100000) return perFlushReason;
                o.benchDrawsPerFlush = draws;
                return {};
            });
    p.flag("--bench-full-detail", "--bench: every mesh drawn whole, however far (no coarser levels)",
           setTrue(o.benchFullDetail));

    p.group("Live data (replay of a typical week by default, so it works offline)");
    const std::string mqttReason = "--mqtt expects a broker URL mqtt://HOST[:PORT] or mqtts://HOST[:PORT]";
    p.value("--mqtt", "URL",
            "live values from this MQTT broker (mqtt://HOST[:PORT], mqtts://...)\n"
            "instead of the scene's broker or the replay",
            mqttReason, [&o, mqttReason](const std::string& v) -> std::string {
                if (v.rfind("mqtt://", 0) != 0 && v.rfind("mqtts://", 0) != 0) return mqttReason;
                o.mqttUrl = v;
                return {};
            });
    p.value("--data-time", "TIME",
            "replay: start the data clock at this ISO 8601 time\n"
            "(default: now, mapped onto the typical week)",
            "--data-time needs a time, e.g. 2026-11-24T09:30:00Z", [&o](const std::string& v) -> std::string {
                auto time = feeds::parseTimestamp(v);
                if (!time) return "--data-time expects an ISO 8601 time such as 2026-11-24T09:30:00Z, got \"" + v + "\"";
                o.dataTime = time->time_since_epoch().count();
                return {};
            });
    const std::string replaySpeedReason =
        "--replay-speed expects a positive factor (1 is real time, 60 is a minute a second)";
    p.value("--replay-speed", "X", "replay: data seconds per real second (default 1)", replaySpeedReason,
            [&o, replaySpeedReason](const std::string& v) -> std::string {
                std::vector<float> f;
                if (!parseFloats(v, f) || f.size() != 1 || f[0] <= 0.0f || f[0] > 1e6f) return replaySpeedReason;
                o.replaySpeed = f[0];
                return {};
            });
    p.value("--history", "FILE",
            "SQLite file keeping live values for the charts\n"
            "(default $XDG_STATE_HOME/twin-tour/history.sqlite)",
            "--history needs a SQLite file name", nonEmpty(o.historyFile, "--history needs a SQLite file name"));
    p.flag("--headless", "no window: run the live data only (with --run-for)", setTrue(o.headless));
    p.value("--dump-state", "FILE", "at the end, write the live state as JSON (with --headless)",
            "--dump-state needs a JSON file name", nonEmpty(o.dumpState, "--dump-state needs a JSON file name"));

    p.group("Viewing");
    p.flag("--fullscreen", "fill the primary screen", setTrue(o.fullscreen));
    const std::string runForReason = "--run-for expects a positive number of seconds";
    p.value("--run-for", "SECONDS", "close by itself after that long (scripts and tests)", runForReason,
            [&o, runForReason](const std::string& v) -> std::string {
                std::vector<float> f;
                if (!parseFloats(v, f) || f.size() != 1 || f[0] <= 0.0f || f[0] > 1e6f) return runForReason;
                o.runForSeconds = f[0];
                return {};
            });
    p.value("--lang", "fr|en", "language of the interface (default fr)", "--lang expects fr or en",
            [&o](const std::string& v) -> std::string {
                if (v != "fr" && v != "en") return "--lang expects fr or en";
                o.language = v;
                o.languageGiven = true;
                return {};
            });
    p.flag("--no-shadows", "switch the shadows off", [&o] { o.shadows = false; });
    p.flag("--no-antialiasing", "switch antialiasing off", [&o] { o.antialiasing = false; });
    p.flag("--no-ground", "switch the ground off", [&o] { o.ground = false; });
    p.flag("--full-resolution",
           "keep full resolution while the view moves (by default a slow\n"
           "GPU shades moving frames above 1280x720 at a lower resolution,\n"
           "never below 70 %)",
           setTrue(o.fullResolution));

    p.group("Kiosk (a touchscreen left alone; docs/kiosk.md)");
    p.flag("--kiosk",
           "full screen, touch first, attract loop after the idle timeout,\n"
           "locked down: only the admin panel (hidden gesture + PIN) exits",
           setTrue(o.kiosk));
    const std::string idleReason = "--kiosk-idle-timeout expects a number of seconds between 1 and 86400";
    p.value("--kiosk-idle-timeout", "SECONDS", "back to the attract loop after that long (default: the scene's)",
            idleReason, [&o, idleReason](const std::string& v) -> std::string {
                std::vector<float> f;
                if (!parseFloats(v, f) || f.size() != 1 || f[0] < 1.0f || f[0] > 86400.0f) return idleReason;
                o.kioskIdleTimeout = f[0];
                return {};
            });
    p.value("--monitor", "N|NAME", "the monitor to fill (0: the primary; or its name, e.g. HDMI-1)",
            "--monitor needs a monitor index or name", nonEmpty(o.monitor, "--monitor needs a monitor index or name"));
    const std::string scaleReason = "--ui-scale expects a factor between 0.5 and 4";
    p.value("--ui-scale", "X", "kiosk: size of the interface (default: from the screen's size and DPI)", scaleReason,
            [&o, scaleReason](const std::string& v) -> std::string {
                std::vector<float> f;
                if (!parseFloats(v, f) || f.size() != 1 || f[0] < 0.5f || f[0] > 4.0f) return scaleReason;
                o.uiScale = f[0];
                return {};
            });
    p.value("--kiosk-pin-hash-file", "FILE", "the admin PIN's hash (a --hash-pin line or the bare hash)",
            "--kiosk-pin-hash-file needs a file name",
            nonEmpty(o.kioskPinHashFile, "--kiosk-pin-hash-file needs a file name"));
    p.value("--kiosk-stats", "FILE",
            "SQLite file of the anonymous statistics\n"
            "(default $XDG_STATE_HOME/twin-tour/kiosk-stats.sqlite)",
            "--kiosk-stats needs a SQLite file name", nonEmpty(o.kioskStats, "--kiosk-stats needs a SQLite file name"));
    const std::string idReason =
        "--kiosk-id expects 1 to 64 letters, digits, '_' or '-' (it is one level of the status topic)";
    p.value("--kiosk-id", "ID", "this kiosk's name in PREFIX/kiosks/ID/status (default: the scene's, else the host name)",
            idReason, [&o, idReason](const std::string& v) -> std::string {
                if (!isKioskId(v)) return idReason + ", found \"" + v.substr(0, 80) + "\"";
                o.kioskId = v;
                return {};
            });
    const std::string intervalReason = "--kiosk-status-interval expects a number of seconds between 0.5 and 3600";
    p.value("--kiosk-status-interval", "SECONDS", "how often the kiosk's status is published (default 60; tests)",
            intervalReason, [&o, intervalReason](const std::string& v) -> std::string {
                std::vector<float> f;
                if (!parseFloats(v, f) || f.size() != 1 || f[0] < 0.5f || f[0] > 3600.0f) return intervalReason;
                o.kioskStatusInterval = f[0];
                return {};
            });
    p.flag("--kiosk-report", "print the kiosk's statistics per hour as CSV, then exit", setTrue(o.kioskReport));
    p.value("--since", "DATE", "--kiosk-report: from that date (2026-12-04) or time on",
            "--since needs a date such as 2026-12-04", nonEmpty(o.since, "--since needs a date such as 2026-12-04"));
    p.flag("--hash-pin", "read a new admin PIN on stdin, print the scene line for it", setTrue(o.hashPin));

    p.group("Recorded input (tests and demos)");
    p.value("--record-input", "FILE", "write every input event, with its time, to FILE",
            "--record-input needs a file name to write the input events to",
            nonEmpty(o.recordInput, "--record-input needs a file name to write the input events to"));
    p.value("--play-input", "FILE",
            "replay the input events recorded in FILE, in a window or headless;\n"
            "with --screenshot OUT.png, capture the state they end in",
            "--play-input needs a recording made with --record-input",
            nonEmpty(o.playInput, "--play-input needs a recording made with --record-input"));
    const std::string soakReason = "--soak-report expects a number of frames between 1 and 1000000";
    p.value("--soak-report", "N",
            "with --play-input: draw every step of the recording and print, every N\n"
            "frames, the resident memory and any OpenGL error (bench/soak.sh)",
            soakReason, [&o, soakReason](const std::string& v) -> std::string {
                int frames = 0;
                if (!parseInt(v, frames) || frames < 1 || frames > 1000000) return soakReason;
                o.soakReportFrames = frames;
                return {};
            });

    p.group("Models");
    p.flag("--no-cache", "import again even if the model is in the cache", setTrue(o.noCache));
    p.value("--cache-dir", "DIR",
            "where imported models are cached\n"
            "(default $XDG_CACHE_HOME/twin-tour/models or ~/.cache/twin-tour/models)",
            "--cache-dir needs a folder", [&o](const std::string& v) -> std::string {
                o.cacheDirectory = v;
                return {};
            });
    const std::string textureReason = "--max-texture-size expects a size in pixels between 16 and 16384";
    p.value("--max-texture-size", "N", "textures larger than N pixels are scaled down (default 1024)", textureReason,
            [&o, textureReason](const std::string& v) -> std::string {
                int size = 0;
                if (!parseInt(v, size) || size < 16 || size > 16384) return textureReason;
                o.maxTextureSize = size;
                return {};
            });

    p.group("Other");
    p.flag("-v,--verbose", "more messages", setTrue(o.verbose));
    p.flag("-h,--help", "this text", setTrue(o.showHelp));
    p.flag("--version", "the version", setTrue(o.showVersion));
}

cli::CommandLineText text() {
    return {
        .usage = "twin-tour [SCENE.json | MODEL] [options]",
        .description = "Opens the Twin building's scene (scenes/twin.json by default) or any 3D model\n"
                       "that Assimp reads (glTF/GLB, OBJ, FBX, STL, PLY, 3DS, COLLADA, IFC...).\n",
        .footer = "Mouse: left drag turns, right or middle drag (or Shift + left) pans, the wheel\n"
                  "zooms towards the cursor. Keys: arrows turn, Page Up/Down or +/- zoom,\n"
                  "F frames everything, F1 statistics, Esc closes the window.\n"
                  "\n"
                  "Exit status: 0 on success; 1 when the scene, the model or the display cannot be\n"
                  "opened (one line on stderr says why); 2 for a bad command line.\n",
        .descriptionColumn = 25,
    };
}

}  // namespace

ParseResult parseCommandLine(const std::vector<std::string>& arguments) {
    ParseResult result;
    cli::CommandLineParser parser(text());
    describeOptions(parser, result.options);
    std::vector<std::string> inputs;
    parser.positionals(inputs);
    result.error = parser.parse(arguments);
    if (result.error.empty() && inputs.size() > 1)
        result.error = "only one scene or model can be opened, got \"" + inputs[0] + "\" and \"" + inputs[1] + "\"";
    if (result.error.empty() && !inputs.empty()) result.options.input = inputs[0];
    return result;
}

std::string helpText() {
    AppOptions unused;
    cli::CommandLineParser parser(text());
    describeOptions(parser, unused);
    return parser.help();
}

}  // namespace twin
