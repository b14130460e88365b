#include "cli.h"

#include <charconv>
#include <sstream>

#include "argument_reader.h"
#include "feeds/timestamp.h"

namespace twin {
namespace {

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

}  // namespace

ParseResult parseCommandLine(const std::vector<std::string>& args) {
    ParseResult result;
    AppOptions& o = result.options;
    auto fail = [&](const std::string& message) {
        result.error = message;
        return result;
    };
    for (ArgumentReader reader(args); reader.next();) {
        const std::string& a = reader.current();
        auto value = [&](std::string& out) { return reader.value(out); };
        std::string v;
        if (a == "--help" || a == "-h") {
            o.showHelp = true;
        } else if (a == "--version") {
            o.showVersion = true;
        } else if (a == "--screenshot") {
            if (!value(v)) return fail("--screenshot needs a PNG file name");
            o.screenshot = v;
        } else if (a == "--size") {
            if (!value(v)) return fail("--size needs WIDTHxHEIGHT, e.g. 1280x720");
            size_t x = v.find('x');
            int w = 0, h = 0;
            if (x == std::string::npos || !parseInt(v.substr(0, x), w) || !parseInt(v.substr(x + 1), h) || w < 16 ||
                h < 16 || w > 8192 || h > 8192)
                return fail("--size expects WIDTHxHEIGHT between 16 and 8192, got \"" + v + "\"");
            o.size = {w, h};
        } else if (a == "--camera") {
            if (!value(v)) return fail("--camera needs EYE_X,EYE_Y,EYE_Z[,TARGET_X,TARGET_Y,TARGET_Z]");
            std::vector<float> f;
            if (!parseFloats(v, f) || (f.size() != 3 && f.size() != 6))
                return fail("--camera expects 3 or 6 comma-separated numbers (eye[,target]), got \"" + v + "\"");
            CameraPlacement c;
            c.eye = {f[0], f[1], f[2]};
            if (f.size() == 6) c.target = glm::vec3(f[3], f[4], f[5]);
            o.camera = c;
        } else if (a == "--orbit") {
            if (!value(v)) return fail("--orbit needs YAW,PITCH[,ZOOM] in degrees");
            std::vector<float> f;
            if (!parseFloats(v, f) || f.size() < 2 || f.size() > 3 || (f.size() == 3 && f[2] <= 0.0f))
                return fail("--orbit expects YAW,PITCH[,ZOOM] (degrees, zoom > 0), got \"" + v + "\"");
            o.orbit = {f[0], f[1], f.size() == 3 ? f[2] : 1.0f};
        } else if (a == "--run-for") {
            std::vector<float> f;
            if (!value(v) || !parseFloats(v, f) || f.size() != 1 || f[0] <= 0.0f || f[0] > 1e6f)
                return fail("--run-for expects a positive number of seconds");
            o.runForSeconds = f[0];
        } else if (a == "--headless") {
            o.headless = true;
        } else if (a == "--mqtt") {
            if (!value(v) || (v.rfind("mqtt://", 0) != 0 && v.rfind("mqtts://", 0) != 0))
                return fail("--mqtt expects a broker URL mqtt://HOST[:PORT] or mqtts://HOST[:PORT]");
            o.mqttUrl = v;
        } else if (a == "--dump-state") {
            if (!value(v) || v.empty()) return fail("--dump-state needs a JSON file name");
            o.dumpState = v;
        } else if (a == "--data-time") {
            if (!value(v)) return fail("--data-time needs a time, e.g. 2026-11-24T09:30:00Z");
            auto time = feeds::parseTimestamp(v);
            if (!time) return fail("--data-time expects an ISO 8601 time such as 2026-11-24T09:30:00Z, got \"" + v + "\"");
            o.dataTime = time->time_since_epoch().count();
        } else if (a == "--replay-speed") {
            std::vector<float> f;
            if (!value(v) || !parseFloats(v, f) || f.size() != 1 || f[0] <= 0.0f || f[0] > 1e6f)
                return fail("--replay-speed expects a positive factor (1 is real time, 60 is a minute a second)");
            o.replaySpeed = f[0];
        } else if (a == "--history") {
            if (!value(v) || v.empty()) return fail("--history needs a SQLite file name");
            o.historyFile = v;
        } else if (a == "--platform") {
            if (!value(v) || v.empty()) return fail("--platform needs a platform id of the scene (e.g. additive)");
            o.platform = v;
        } else if (a == "--check") {
            o.check = true;
        } else if (a == "--floor") {
            if (!value(v) || v.empty()) return fail("--floor needs a floor id of the scene (e.g. floor_1)");
            o.floor = v;
        } else if (a == "--plan") {
            o.plan = true;
        } else if (a == "--tour") {
            if (!value(v) || v.empty()) return fail("--tour needs a tour id of the scene (e.g. discovery)");
            o.tour = v;
        } else if (a == "--machine") {
            if (!value(v) || v.empty()) return fail("--machine needs a machine id of the scene (e.g. lpbf-1)");
            o.machine = v;
        } else if (a == "--pick") {
            std::vector<float> f;
            if (!value(v) || !parseFloats(v, f) || f.size() != 2 || f[0] < 0.0f || f[1] < 0.0f)
                return fail("--pick expects X,Y in pixels from the top left");
            o.pick = glm::vec2(f[0], f[1]);
        } else if (a == "--walk") {
            std::vector<float> f;
            if (!value(v) || !parseFloats(v, f) || (f.size() != 3 && f.size() != 4))
                return fail("--walk expects X,Y,Z[,YAW]: where to stand (the floor below is found) and where to face");
            o.walk = glm::vec4(f[0], f[1], f[2], f.size() == 4 ? f[3] : 0.0f);
        } else if (a == "--tour-time") {
            std::vector<float> f;
            if (!value(v) || !parseFloats(v, f) || f.size() != 1 || f[0] < 0.0f)
                return fail("--tour-time expects a number of seconds >= 0");
            o.tourTime = f[0];
        } else if (a == "--reduced-motion") {
            o.reducedMotion = true;
        } else if (a == "--bench") {
            o.bench = true;
        } else if (a == "--bench-frames") {
            if (!value(v) || !parseInt(v, o.benchFrames) || o.benchFrames < 1 || o.benchFrames > 100000)
                return fail("--bench-frames expects a number of frames between 1 and 100000");
        } else if (a == "--no-cache") {
            o.noCache = true;
        } else if (a == "--cache-dir") {
            if (!value(v)) return fail("--cache-dir needs a folder");
            o.cacheDirectory = v;
        } else if (a == "--max-texture-size") {
            if (!value(v) || !parseInt(v, o.maxTextureSize) || o.maxTextureSize < 16 || o.maxTextureSize > 16384)
                return fail("--max-texture-size expects a size in pixels between 16 and 16384");
        } else if (a == "--overlay") {
            o.overlay = true;
        } else if (a == "--fullscreen") {
            o.fullscreen = true;
        } else if (a == "--no-shadows") {
            o.shadows = false;
        } else if (a == "--no-antialiasing") {
            o.antialiasing = false;
        } else if (a == "--no-ground") {
            o.ground = false;
        } else if (a == "--full-resolution") {
            o.fullResolution = true;
        } else if (a == "--lang") {
            if (!value(v) || (v != "fr" && v != "en")) return fail("--lang expects fr or en");
            o.language = v;
        } else if (a == "--verbose" || a == "-v") {
            o.verbose = true;
        } else if (!a.empty() && a[0] == '-') {
            return fail("unknown option \"" + a + "\" (see --help)");
        } else if (o.input.empty()) {
            o.input = a;
        } else {
            return fail("only one scene or model can be opened, got \"" + o.input + "\" and \"" + a + "\"");
        }
    }
    return result;
}

std::string helpText() {
    return R"(Usage: twin-tour [SCENE.json | MODEL] [options]

Opens the Twin building's scene (scenes/twin.json by default) or any 3D model
that Assimp reads (glTF/GLB, OBJ, FBX, STL, PLY, 3DS, COLLADA, IFC...).

Checking:
  --check                validate the scene file (all its errors, with file, line and
                         JSON path, on stderr) without opening a window; exit 0 or 1

Rendering without a window:
  --screenshot OUT.png   render one frame headless (no display needed), write it, exit
  --size WxH             window or image size (default 1280x720)
  --camera X,Y,Z[,TX,TY,TZ]
                         eye position and target in scene units (default: frame it all)
  --orbit YAW,PITCH[,ZOOM]
                         viewpoint around the framed scene, degrees (default 35,-25,1)
  --floor ID             show one floor of the scene, the floors above it cut away
  --plan                 with --floor: the floor plan, seen from straight above
  --machine ID           frame that machine of the scene and open its card
  --pick X,Y             headless: click that pixel, as a visitor would (a machine opens its card)
  --walk X,Y,Z[,YAW]     headless: the view of a visitor standing there (eyes at 1.65 m), facing YAW degrees
  --tour ID              play that guided tour of the scene (headless: show one moment of it)
  --tour-time SECONDS    the moment of the tour to show (default: its first stop)
  --reduced-motion       short camera transitions
  --platform ID          frame that platform of the scene and open its card
  --overlay              include the statistics overlay in the screenshot
  --bench                print load time, first-frame time and frame-time median/p95
                         over a fixed orbit, headless
  --bench-frames N       frames in the --bench orbit (default 120)

Live data (replay of a typical week by default, so it works offline):
  --mqtt URL             live values from this MQTT broker (mqtt://HOST[:PORT], mqtts://...)
                         instead of the scene's broker or the replay
  --data-time TIME       replay: start the data clock at this ISO 8601 time
                         (default: now, mapped onto the typical week)
  --replay-speed X       replay: data seconds per real second (default 1)
  --history FILE         SQLite file keeping live values for the charts
                         (default $XDG_STATE_HOME/twin-tour/history.sqlite)
  --headless             no window: run the live data only (with --run-for)
  --dump-state FILE      at the end, write the live state as JSON (with --headless)

Viewing:
  --fullscreen           fill the primary screen
  --run-for SECONDS      close by itself after that long (scripts and tests)
  --lang fr|en           language of the interface (default fr)
  --no-shadows, --no-antialiasing, --no-ground
                         switch render features off
  --full-resolution      keep full resolution while the view moves (by default a slow
                         GPU shades moving frames at a lower resolution, never below half)

Models:
  --no-cache             import again even if the model is in the cache
  --cache-dir DIR        where imported models are cached
                         (default $XDG_CACHE_HOME/twin-tour/models or ~/.cache/twin-tour/models)
  --max-texture-size N   textures larger than N pixels are scaled down (default 1024)

  -v, --verbose          more messages
  -h, --help             this text
  --version              the version

Mouse: left drag turns, right or middle drag (or Shift + left) pans, the wheel
zooms towards the cursor. Keys: arrows turn, Page Up/Down or +/- zoom,
F frames everything, F1 statistics, Esc closes the window.

Exit status: 0 on success; 1 when the scene, the model or the display cannot be
opened (one line on stderr says why); 2 for a bad command line.
)";
}

}  // namespace twin
