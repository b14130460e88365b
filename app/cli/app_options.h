#pragma once
// What twin-tour was asked to do, as read from its command line
// (cli/command_line.h). Plain data: no CLI11, no GL.
#include <cstdint>
#include <optional>
#include <string>

#include <glm/glm.hpp>

namespace twin {

struct CameraPlacement {
    glm::vec3 eye{0.0f};
    std::optional<glm::vec3> target;  // absent: the centre of the scene
};

struct OrbitPlacement {
    float yawDegrees = 35.0f;
    float pitchDegrees = -25.0f;
    float zoom = 1.0f;  // > 1 comes closer than the automatic framing
};

struct AppOptions {
    std::string input;                       // scene file or model; empty: the default scene
    std::optional<std::string> screenshot;   // PNG to write, headless
    glm::ivec2 size{1280, 720};
    std::optional<CameraPlacement> camera;
    OrbitPlacement orbit;
    std::string floor;                       // a floor id: cut away what is above it
    bool plan = false;                       // with --floor: the floor plan (top view)
    std::string tour;                        // a tour id: play it (or show its moment headless)
    std::string machine;                     // a machine id: frame it and open its card
    std::optional<glm::vec2> pick;           // headless: click this pixel (picks a machine)
    bool focus = false;                      // with machine: the machine explorer
    float explode = 0.0f;                    // with focus: exploded view, 0-1
    float section = 0.0f;                    // with focus: section plane depth, 0-1
    std::string part;                        // with focus: select that part (node name)
    int procedure = -1;                      // with focus: open that procedure (0-based)
    int step = 0;                            // ...at that step (0-based)
    std::string explorerTab;                 // with focus: parts, procedures, safety or training
    bool flipSection = false;                // with section: keep the side nearer the learner
    int quizQuestion = -1;                   // with focus: the quiz at that question (0-based)
    std::string quizResults;                 // the quiz results' SQLite file (empty: the default; none for stills)
    std::optional<glm::vec4> walk;           // headless: stand at x, y, z facing yaw (degrees), walking
    std::optional<double> tourTime;          // seconds into the tour (default: the first stop)
    std::optional<double> animTime;          // machines' working cycles paused this far in (seconds)
    bool reducedMotion = false;              // short transitions
    double runForSeconds = 0;                // > 0: close by itself after that long (scripts, tests)
    bool headless = false;                   // live data only: no window, no rendering
    std::string mqttUrl;                     // live data from this broker (empty: the scene's, else the replay)
    std::string dumpState;                   // JSON file written with the live state at the end
    std::optional<int64_t> dataTime;         // replay: start at this time (seconds since 1970, UTC)
    double replaySpeed = 1.0;                // replay: data seconds per real second
    std::string historyFile;                 // SQLite history of live values (empty: the default)
    std::string platform;                    // a platform id: frame it and open its card
    std::string recordInput;                 // write every input event, with its time, to this file
    std::string playInput;                   // replay the input events of this recording (window or headless)
    int soakReportFrames = 0;                // playback: draw every step, report memory and GL errors every N frames
    bool check = false;                      // validate the scene file and exit
    bool bench = false;
    int benchFrames = 120;
    bool benchPasses = false;                // --bench: time each pass (waits for the GPU between passes)
    bool benchFlat = false;                  // --bench: constant-colour surfaces (the raster floor)
    bool benchPanels = false;                // --bench: draw the panels and labels too, as the window does
    bool benchPrepass = false;               // --bench: opaque depth pre-pass (RenderOptions::depthPrepass)
    std::optional<int> benchDrawsPerFlush;   // --bench: RenderOptions::opaqueDrawsPerFlush
    bool benchFullDetail = false;            // --bench: no coarser levels of detail (RenderOptions::levelsOfDetail)
    bool noCache = false;
    std::string cacheDirectory;              // empty: the default cache folder
    int maxTextureSize = 1024;
    bool overlay = false;                    // stats overlay in screenshots
    bool fullscreen = false;
    bool shadows = true;
    bool antialiasing = true;
    bool ground = true;
    bool fullResolution = false;             // no lower resolution while the view moves
    std::string language = "fr";
    // Kiosk (docs/kiosk.md): each overrides the scene's `kiosk` section.
    bool kiosk = false;                      // full screen, touch first, attract loop, locked down
    std::optional<double> kioskIdleTimeout;  // seconds without input before the attract loop
    std::string monitor;                     // kiosk / --fullscreen: monitor index (0: primary) or name
    std::optional<float> uiScale;            // kiosk: UI scale (default from the screen's size)
    std::string kioskPinHashFile;            // a file holding the admin PIN's hash (else the scene's)
    std::string kioskStats;                  // the statistics' SQLite file (empty: the default)
    std::string kioskId;                     // names the kiosk in its status topic (else the scene's, the host's)
    double kioskStatusInterval = 60.0;       // seconds between two status messages
    bool kioskReport = false;                // print the statistics as CSV and exit
    std::string since;                       // --kiosk-report: from this date or time on
    bool hashPin = false;                    // read a PIN on stdin, print its scene line
    bool languageGiven = false;              // --lang was given (a kiosk's default language then)
    bool verbose = false;
    bool showHelp = false;
    bool showVersion = false;
};

}  // namespace twin
