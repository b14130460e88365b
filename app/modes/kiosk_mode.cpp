#include "modes/kiosk_mode.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <deque>
#include <fstream>
#include <functional>
#include <utility>

#include <unistd.h>

#include "modes/app_setup.h"
#include "content/scene_file.h"
#include "core/log.h"
#include "core/process_stats.h"
#include "feeds/mqtt_client.h"
#include "kiosk/kiosk_controller.h"
#include "kiosk/kiosk_status.h"
#include "modes/frame_painter.h"
#include "modes/visit_runner.h"
#include "platform/window.h"
#include "ui/kiosk_panels.h"

namespace twin {
namespace {

constexpr double kCursorHideSeconds = 3.0;  // the arrow goes after this long without input

// Seconds on the steady clock: the status's interval and the frame times'
// minute are real time, whatever clock the visit runs on.
double steadySeconds() {
    return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch()).count();
}

feeds::TimePoint utcNow() { return std::chrono::time_point_cast<feeds::Seconds>(std::chrono::system_clock::now()); }

// The kiosk's status topic and broker: --kiosk-id, else the scene's
// kiosk.id, else the host's name; the live feed's broker (--mqtt or the
// scene's, with its credentials and TLS). Null when there is none (a replay
// kiosk has nobody to tell) or the scene switches it off.
std::unique_ptr<kiosk::KioskStatusPublisher> startStatus(const AppOptions& options, const SceneDescription* scene,
                                                         const kiosk::KioskStatus& lastWill) {
    if (!scene) return nullptr;
    if (!scene->kiosk.status) {
        engine::log::info("kiosk status: off (kiosk.status is false)");
        return nullptr;
    }
    const std::string url = !options.mqttUrl.empty() ? options.mqttUrl : scene->feeds.mqttUrl;
    if (url.empty()) {
        engine::log::info("kiosk status: not published (no MQTT broker: --mqtt or feeds.mqtt)");
        return nullptr;
    }
    std::string id = !options.kioskId.empty() ? options.kioskId : scene->kiosk.id;
    if (id.empty()) {
        char host[256] = {};
        ::gethostname(host, sizeof host - 1);
        id = kiosk::kioskIdFromHostName(host);
    }
    auto broker = feeds::parseBrokerUrl(url);
    if (!broker) {
        engine::log::warning("kiosk status: not published: MQTT broker \"" + url + "\": " + broker.error());
        return nullptr;
    }
    if (auto credentials = feeds::readCredentials(scene->feeds, *broker); !credentials) {
        engine::log::warning("kiosk status: not published: " + credentials.error());
        return nullptr;
    }
    kiosk::StatusPublisherDesc desc;
    desc.broker = std::move(broker).value();
    desc.topic = kiosk::statusTopic(scene->feeds.topicPrefix, id);
    desc.intervalSeconds = options.kioskStatusInterval;
    auto publisher = kiosk::KioskStatusPublisher::start(std::move(desc), lastWill);
    if (!publisher) {
        engine::log::warning(publisher.error());
        return nullptr;
    }
    engine::log::info("kiosk status on " + kiosk::statusTopic(scene->feeds.topicPrefix, id) + " at " + url);
    return std::move(publisher).value();
}

kiosk::UnixSeconds wallNow() {
    return std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch()).count();
}

// The admin PIN's hash from a file: a --hash-pin line or the bare hash.
engine::Result<std::string> readPinHashFile(const std::string& file) {
    std::ifstream in(file);
    if (!in) return engine::makeError("--kiosk-pin-hash-file: cannot read \"" + file + "\"");
    std::string line, hash;
    while (std::getline(in, line)) {
        const size_t start = line.find("$argon2");
        if (start == std::string::npos) continue;
        const size_t end = line.find('"', start);
        hash = line.substr(start, end == std::string::npos ? std::string::npos : end - start);
        while (!hash.empty() && (hash.back() == '\r' || hash.back() == ' ')) hash.pop_back();
        break;
    }
    // The same rules as the scene's kiosk.adminPinHash.
    SceneDescription probe = parseSceneText(R"({"name":{"fr":"x","en":"x"},"kiosk":{"adminPinHash":")" + hash + "\"}}",
                                            "pin-hash-file.json");
    if (hash.empty() || probe.kiosk.adminPinHash.empty())
        return engine::makeError("--kiosk-pin-hash-file: \"" + file +
                                 "\" holds no valid \"$argon2id$...\" hash (make one with twin-tour --hash-pin)");
    return hash;
}

class KioskShell final : public VisitShell, public ExtraPanels {
public:
    KioskShell(const AppOptions& options, std::string pinHashOverride, std::unique_ptr<kiosk::KioskStats> stats)
        : options_(options), pinHashOverride_(std::move(pinHashOverride)), stats_(std::move(stats)) {}

    // ---- VisitShell
    void configureWindow(engine::WindowDesc& desc) override {
        desc.title = "Twin Tour";
        desc.decorated = false;
        // A played-back recording runs at its --size (goldens); else full screen.
        desc.fullscreen = options_.playInput.empty();
    }
    float uiScale(glm::vec2 windowSize, float contentScale) override {
        if (options_.uiScale) return *options_.uiScale;
        // Touch first: at 1920x1080 a button is about 60 px high; scaled with
        // the screen's height and never below its DPI factor.
        return std::max(1.75f * windowSize.y / 1080.0f, contentScale);
    }
    ExtraPanels* extraPanels() override { return this; }
    void windowOpened(engine::Window& window) override {
        window_ = &window;
        if (options_.playInput.empty()) window.holdOffScreenSaver(true);
    }
    void loaded(VisitSession& session, glm::vec2 viewport, double now) override {
        kiosk::KioskSettings settings;
        const SceneDescription* scene = session.scene();
        if (scene) {
            settings.idleTimeoutSeconds = scene->kiosk.idleTimeoutSeconds;
            settings.attractTour = scene->kiosk.attractTour;
            settings.language = languageFromCode(scene->kiosk.language);
            settings.adminPinHash = scene->kiosk.adminPinHash;
        }
        if (options_.kioskIdleTimeout) settings.idleTimeoutSeconds = *options_.kioskIdleTimeout;
        if (options_.languageGiven) settings.language = languageFromCode(options_.language);
        if (!pinHashOverride_.empty()) settings.adminPinHash = pinHashOverride_;
        settings.cornerPixels = std::max(64.0f, viewport.y * 0.08f);
        settings.dataSource = !options_.mqttUrl.empty() ? options_.mqttUrl
                              : scene && !scene->feeds.mqttUrl.empty() ? scene->feeds.mqttUrl
                                                                         : std::string("replay");
        if (settings.adminPinHash.empty())
            engine::log::warning("kiosk: no admin PIN is set (kiosk.adminPinHash): the admin panel cannot open");
        // The statistics' clock: the wall clock, or, for a played-back
        // recording, the recording's own clock from now on, so that a
        // recording of an hour gives the statistics of an hour, in seconds.
        std::function<kiosk::UnixSeconds()> statsClock = wallNow;
        if (!options_.playInput.empty())
            statsClock = [this, origin = wallNow() - kiosk::UnixSeconds(now)] { return origin + kiosk::UnixSeconds(now_); };
        controller_ = std::make_unique<kiosk::KioskController>(settings, stats_.get(), statsClock);
        controller_->begin(session, now);
        now_ = now;
        noteSource(session);
        kiosk::KioskStatus lastWill = status(false);
        lastWill.uptimeSeconds = 0;  // the Will is fixed now; what it knows is the start
        lastWill.frameMs.reset();
        status_ = startStatus(options_, scene, lastWill);
    }
    Route route(const engine::InputEvent& e, glm::vec2 viewport, VisitSession& session, double now) override {
        now_ = now;
        // The window says where the pointer is when it first lies over it
        // (the kiosk's window mapped under it): nobody moved it.
        const bool pointerFound = e.kind == engine::InputEvent::Kind::MouseMove && !std::exchange(pointerKnown_, true);
        if (pointerFound) return controller_ ? routeOf(controller_->input(e, viewport, session, now)) : Route::SessionAndPanels;
        lastInput_ = now;
        lastInputWall_ = utcNow();
        if (window_ && cursorHidden_ && e.kind != engine::InputEvent::Kind::Close) {
            window_->setCursorHidden(false);
            cursorHidden_ = false;
        }
        if (!controller_) return Route::SessionAndPanels;
        return routeOf(controller_->input(e, viewport, session, now));
    }
    static Route routeOf(kiosk::Route route) {
        switch (route) {
            case kiosk::Route::SessionAndPanels: return Route::SessionAndPanels;
            case kiosk::Route::PanelsOnly: return Route::PanelsOnly;
            case kiosk::Route::Nobody: return Route::Nobody;
        }
        return Route::Nobody;
    }
    bool lockedDown() const override { return true; }
    bool advance(VisitSession& session, double now) override {
        now_ = now;
        if (status_ && status_->due(steadySeconds())) {
            noteSource(session);
            status_->publish(steadySeconds(), status(true));
        }
        if (!controller_) return false;
        const kiosk::Screen before = controller_->screen();
        controller_->advance(session, now);
        const bool changed = controller_->screen() != before;
        if (changed) session.requestFrames(3);
        if (window_ && !cursorHidden_ && now - lastInput_ > kCursorHideSeconds) {
            window_->setCursorHidden(true);
            cursorHidden_ = true;
        }
        // The PIN pad's countdown.
        if (controller_->screen() == kiosk::Screen::PinPad && controller_->pinGuard().lockedFor(now) > 0)
            session.requestFrames(1);
        return changed;
    }
    void applied(const UiCommand& command, VisitSession& session) override {
        if (controller_) controller_->observe(command, session);
    }
    bool painted(VisitSession& session, double now, double frameMs) override {
        now_ = now;
        // The exit summary reads the last frames only: a kiosk runs for days.
        frameTimes_.push_back(frameMs);
        if (frameTimes_.size() > kSummaryFrames) frameTimes_.pop_front();
        lastMinute_.add(steadySeconds(), frameMs);
        if (!controller_) return false;
        const kiosk::Screen before = controller_->screen();
        const bool acted = !commands_.empty();
        for (const kiosk::KioskCommand& command : std::exchange(commands_, {})) {
            controller_->apply(command, session, now);
            session.requestFrames(3);
        }
        return acted || controller_->screen() != before;
    }
    double secondsUntilDue(double now) const override {
        double due = controller_ ? controller_->secondsUntilDue(now) : 1.0;
        if (!cursorHidden_) due = std::min(due, std::max(0.05, kCursorHideSeconds - (now - lastInput_)));
        if (status_) due = std::min(due, std::max(0.05, status_->secondsUntilDue(steadySeconds())));
        return due;
    }
    std::optional<int> exitCode() const override {
        if (controller_ && controller_->exitRequested()) return 0;
        return std::nullopt;
    }

    // ---- ExtraPanels
    void addFonts(float uiScale) override { panels_.addFonts(uiScale); }
    // The attract loop shows the tour and the live data; touching anywhere
    // ends it, so the visit's buttons are not drawn.
    void adjust(UiView& view) override {
        view.presenting = controller_ && controller_->screen() == kiosk::Screen::Attract;
    }
    bool visitPanelsShown() const override {
        const kiosk::Screen s = controller_ ? controller_->screen() : kiosk::Screen::Attract;
        return s == kiosk::Screen::Visit || s == kiosk::Screen::Attract;
    }
    void build(const UiView& view, std::vector<UiCommand>& commands) override {
        if (!controller_) return;
        panels_.build(controller_->view(now_), view, commands, commands_);
    }
    void prepare() override {
        if (controller_) panels_.prepare(controller_->view(now_));
    }

    ~KioskShell() override {
        // A clean exit says so; a crash leaves it to the Last Will.
        if (status_) status_->finish(status(false));
        // (the window, gone by now, let the screen saver go as it closed)
        if (frameTimes_.size() > 2) {
            std::vector<double> sorted(frameTimes_.begin() + 1, frameTimes_.end());
            std::sort(sorted.begin(), sorted.end());
            char line[160];
            std::snprintf(line, sizeof line, "kiosk: last %zu frames drawn, median %.2f ms, p95 %.2f ms", sorted.size(),
                          sorted[sorted.size() / 2], sorted[std::min(sorted.size() - 1, sorted.size() * 95 / 100)]);
            engine::log::info(line);
        }
    }

private:
    // What the status message says now.
    kiosk::KioskStatus status(bool online) {
        kiosk::KioskStatus s;
        s.online = online;
        s.uptimeSeconds = steadySeconds() - startedAt_;
        s.frameMs = lastMinute_.median(steadySeconds());
        s.memoryMib = double(engine::residentBytes()) / (1024.0 * 1024.0);
        s.lastInput = lastInputWall_;
        s.source = source_;
        s.version = TWIN_TOUR_VERSION;
        s.ts = utcNow();
        return s;
    }

    // (kept, not read at exit: the session is gone by the shell's destructor)
    void noteSource(const VisitSession& session) {
        const feeds::LiveFeed* feed = session.feed();
        source_ = feed && !feed->isReplay() ? "mqtt" : "replay";
    }

    const AppOptions& options_;
    const double startedAt_ = steadySeconds();
    std::string source_ = "replay";
    std::unique_ptr<kiosk::KioskStatusPublisher> status_;
    kiosk::FrameTimeWindow lastMinute_;
    std::optional<feeds::TimePoint> lastInputWall_;
    std::string pinHashOverride_;
    std::unique_ptr<kiosk::KioskStats> stats_;
    std::unique_ptr<kiosk::KioskController> controller_;
    KioskPanels panels_;
    std::vector<kiosk::KioskCommand> commands_;
    engine::Window* window_ = nullptr;
    bool cursorHidden_ = false;
    bool pointerKnown_ = false;  // the window has said where the pointer is
    double now_ = 0.0;
    double lastInput_ = 0.0;
    static constexpr size_t kSummaryFrames = 10000;
    std::deque<double> frameTimes_;
};

}  // namespace

int runKiosk(const AppOptions& options) {
    std::string pinHash;
    if (!options.kioskPinHashFile.empty()) {
        auto read = readPinHashFile(options.kioskPinHashFile);
        if (!read) return fail(read.error());
        pinHash = *read;
    }
    const std::filesystem::path statsFile =
        options.kioskStats.empty() ? kiosk::defaultStatsFile() : std::filesystem::path(options.kioskStats);
    auto stats = kiosk::KioskStats::open(statsFile);
    std::unique_ptr<kiosk::KioskStats> kept;
    if (stats)
        kept = std::move(stats).value();
    else
        engine::log::warning(stats.error() + "; the kiosk runs without statistics");
    KioskShell shell(options, pinHash, std::move(kept));
    return runWindow(options, &shell);
}

int runKioskReport(const AppOptions& options) {
    const std::filesystem::path statsFile =
        options.kioskStats.empty() ? kiosk::defaultStatsFile() : std::filesystem::path(options.kioskStats);
    return kiosk::runKioskReport(statsFile, options.since, stdout, stderr);
}

}  // namespace twin
