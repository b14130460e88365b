// twin-tour in the browser: the visit session, the frame painter and the
// renderer of the native app, driven by the browser's animation frames
// (emscripten_set_main_loop) instead of a loop of our own. The page has put
// the scene, its converted models, the shaders and the font into the virtual
// file system before calling main (web/twin-tour-page.js). No threads: the
// content loads on the main thread, between two animation frames.
#include <emscripten.h>
#include <emscripten/html5.h>

#include <algorithm>
#include <chrono>
#include <deque>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/log.h"
#include "feeds/state_dump.h"
#include "feeds/timestamp.h"
#include "gfx/device.h"
#include "modes/app_setup.h"
#include "modes/frame_painter.h"
#include "platform/window.h"
#include "web/deep_link.h"
#include "web/web_content.h"
#include "web/web_page.h"

namespace twin::web {
namespace {

using WallClock = std::chrono::steady_clock;
const std::filesystem::path kDataDirectory = "/twin";  // where the page put shaders/, scenes/, assets/
const std::filesystem::path kSceneFile = kDataDirectory / "scenes" / "twin.json";
constexpr size_t kFrameTimesKept = 600;

struct WebApp {
    std::unique_ptr<engine::Window> window;
    std::unique_ptr<engine::Renderer> renderer;
    std::unique_ptr<FramePainter> painter;
    std::unique_ptr<VisitSession> session;
    std::optional<feeds::LiveFeedDesc> feed;
    std::string rendererName;
    float uiScale = 1.0f;
    // ?still: the view a native `twin-tour --screenshot` draws (no panels,
    // no live data, nothing moving), for comparing the two renderers.
    bool still = false;
    std::string broker;  // ?broker=ws://...: live data from the page's MQTT client
    int tick = 0;
    WallClock::time_point last{};
    WallClock::time_point readyAt{};
    int framesForEvents = 0;
    int framesUntilReady = -1;  // counting down the panels' first frames
    bool ready = false;
    double firstFrameMs = 0.0;  // from the page's navigation start (performance.now())
    size_t frames = 0;
    double lastDrawnAt = -1.0;  // performance.now() of the last frame drawn
    std::deque<double> frameTimes;  // between frames drawn one after the other (ms)
    std::vector<engine::InputEvent> guiEvents;
    std::string hash;
    std::string state;  // twin_web_state's last answer
};

WebApp* gApp = nullptr;

std::string joined(const std::vector<LocalizedText>& problems, Language language) {
    std::string text;
    for (const LocalizedText& problem : problems) text += (text.empty() ? "" : "\n") + problem.in(language);
    return text;
}

template <typename Items>
std::optional<size_t> indexOf(const Items& items, const std::string& id) {
    for (size_t i = 0; i < items.size(); ++i)
        if (items[i].id == id) return i;
    return std::nullopt;
}

// A new hash while the visit runs: the same links, applied as commands.
void followHash(WebApp& app) {
    const std::string hash = locationHash();
    if (hash == app.hash) return;
    app.hash = hash;
    VisitSession& session = *app.session;
    ParsedDeepLink parsed = parseDeepLink(hash);
    if (session.scene()) checkAgainstScene(parsed, *session.scene());
    const DeepLink& link = parsed.link;
    if (link.language) session.apply(command::SetLanguage{*link.language});
    if (session.scene()) {
        const SceneDescription& scene = *session.scene();
        if (auto machine = indexOf(scene.machines, link.machine)) session.apply(command::GoToMachine{*machine});
        else if (auto platform = indexOf(scene.platforms, link.platform)) session.apply(command::OpenPlatformCard{*platform});
        if (auto tour = indexOf(scene.tours, link.tour)) {
            session.apply(command::StartTour{*tour});
            if (link.tourTime) session.advance(*link.tourTime);
        }
    }
    showPageMessage(joined(parsed.problems, session.language()));
    session.requestFrames(3);
}

// Reads the content the page fetched and starts the visit, deep link and
// live data included.
void startVisit(WebApp& app) {
    const WallClock::time_point started = WallClock::now();
    LoadedContent content = loadConvertedContent(kSceneFile);
    for (const std::string& error : content.errors) engine::log::error(error);
    for (const std::string& warning : content.warnings) engine::log::warning(warning);

    app.hash = locationHash();
    ParsedDeepLink parsed = parseDeepLink(app.hash);
    if (content.scene) checkAgainstScene(parsed, *content.scene);
    VisitSessionDesc desc;
    desc.language = parsed.link.language.value_or(Language::French);
    desc.uiScale = app.uiScale;
    desc.start.machine = parsed.link.machine;
    desc.start.platform = parsed.link.platform;
    desc.start.tour = parsed.link.tour;
    desc.start.tourTime = parsed.link.tourTime;
    desc.start.tourPaused = app.still;
    // A remote visitor's quiz results last for the visit (no storage here).
    desc.quizProgress = std::make_shared<learn::QuizProgress>();
    app.session = std::make_unique<VisitSession>(desc);
    app.session->setViewport(glm::vec2(app.window->windowSize()));
    app.session->startLoading();

    if (!app.still && content.scene) {
        feeds::LiveFeedDesc feed;
        feed.mqttUrl = app.broker;  // empty: the replay week, as natively without a broker
        app.feed = feed;
    }
    app.painter->setShownContent(showContent(*app.renderer, content));
    engine::Status status = app.session->load(visitContentOf(content), app.feed ? &*app.feed : nullptr);
    if (!status) engine::log::error(status.error());

    std::vector<LocalizedText> problems = parsed.problems;
    if (!content.ok())
        problems.push_back({"La visite n'a pas pu être chargée : " + firstLine(content.errors.empty() ? "" : content.errors.front()),
                            "The visit could not be loaded: " + firstLine(content.errors.empty() ? "" : content.errors.front())});
    showPageMessage(joined(problems, desc.language));
    engine::log::info("visit loaded in " + std::to_string(int(millisecondsSince(started))) + " ms");
    app.readyAt = app.last = WallClock::now();
    app.framesForEvents = 3;
    app.framesUntilReady = 3;  // auto-sized panels settle on their second frame
}

void frame(WebApp& app) {
    ++app.tick;
    if (!app.session) {
        // The page shows this stage before the (blocking) load starts.
        if (app.tick == 1) {
            showLoadingStage("Préparation de la visite… / Preparing the visit…");
            return;
        }
        startVisit(app);
        return;
    }
    VisitSession& session = *app.session;
    std::vector<engine::InputEvent> events = app.window->pollEvents(0.0);
    if (followCanvasSize()) app.framesForEvents = std::max(app.framesForEvents, 2);
    const auto now = WallClock::now();
    double dt = std::chrono::duration<double>(now - app.last).count();
    app.last = now;
    if (app.still) dt = 0.0;
    const double sinceReady = std::chrono::duration<double>(now - app.readyAt).count();
    for (engine::InputEvent& e : events) {
        e.time = sinceReady;
        if (e.kind == engine::InputEvent::Kind::Close) continue;  // a page is closed by its tab
        session.handle(e, app.painter->capture(e));
        app.guiEvents.push_back(e);
    }
    followHash(app);
    session.advance(dt);
    for (std::string& problem : session.takeNewProblems()) (void)problem;

    if (!events.empty()) app.framesForEvents = 3;
    if (app.framesForEvents > 0) {
        --app.framesForEvents;
    } else if (!session.needsFrame() && !app.painter->eventsPending() && app.framesUntilReady < 0) {
        app.lastDrawnAt = -1.0;  // the next frame drawn does not follow this one
        return;
    }
    const glm::vec2 windowSize = glm::vec2(app.window->windowSize());
    if (windowSize.x <= 0 || windowSize.y <= 0) return;
    session.setViewport(windowSize);
    app.renderer->setOutputWindow(app.window->framebufferSize());
    VisitFrame visitFrame = session.frame();
    std::vector<UiCommand> commands = app.painter->paint(visitFrame, app.guiEvents, windowSize, float(dt));
    app.guiEvents.clear();
    for (const UiCommand& command : commands) session.apply(command);
    if (app.painter->lastResolutionScale() < 1.0f) session.requestFrames(1);

    const double drawnAt = emscripten_get_now();
    if (app.lastDrawnAt >= 0.0) {
        app.frameTimes.push_back(drawnAt - app.lastDrawnAt);
        if (app.frameTimes.size() > kFrameTimesKept) app.frameTimes.pop_front();
    }
    app.lastDrawnAt = drawnAt;
    ++app.frames;
    if (app.framesUntilReady > 0 && --app.framesUntilReady == 0) {
        app.framesUntilReady = -1;
        app.ready = true;
        app.firstFrameMs = drawnAt;
        engine::gfx::finish();
        const std::string glErrors = engine::gfx::takeErrors();
        if (!glErrors.empty()) engine::log::warning("WebGL reported errors: " + glErrors);
        signalReady();
    }
}

void onAnimationFrame() { frame(*gApp); }

}  // namespace

// twin_web_state(): what the page and its tests read (docs/web.md).
std::string stateJson(const WebApp& app) {
    nlohmann::json state;
    state["ready"] = app.ready;
    const VisitSession* session = app.session.get();
    state["lang"] = session && session->language() == Language::English ? "en" : "fr";
    state["card"] = nullptr;
    state["tour"] = nullptr;
    state["live"] = nullptr;
    if (session && session->scene()) {
        const SceneDescription& scene = *session->scene();
        if (const auto* machine = std::get_if<MachineIndex>(&session->selection()); machine && machine->value < scene.machines.size())
            state["card"] = {{"kind", "machine"}, {"id", scene.machines[machine->value].id}};
        if (const auto* platform = std::get_if<PlatformIndex>(&session->selection());
            platform && platform->value < scene.platforms.size())
            state["card"] = {{"kind", "platform"}, {"id", scene.platforms[platform->value].id}};
        if (const TourPlayer* tour = session->tour()) state["tour"] = {{"id", tour->tour().id}, {"t", tour->time()}};
        if (const feeds::LiveFeed* feed = session->feed()) {
            feeds::DumpContext context{feed->clock(), feed->connection(), feed->rejected(), feed->staleAfter()};
            nlohmann::json live = nlohmann::json::parse(feeds::dumpState(feed->state(), scene, context));
            live["source"] = feed->isReplay() ? "replay" : "mqtt";
            live["offline_since"] = feed->offlineSince() ? nlohmann::json(feeds::formatTimestamp(*feed->offlineSince()))
                                                         : nlohmann::json(nullptr);
            state["live"] = std::move(live);
        }
    }
    state["firstFrameMs"] = app.firstFrameMs;
    state["frames"] = app.frames;
    std::vector<double> sorted(app.frameTimes.begin(), app.frameTimes.end());
    std::sort(sorted.begin(), sorted.end());
    auto percentile = [&](double p) {
        return sorted.empty() ? 0.0 : sorted[std::min(sorted.size() - 1, size_t(p * double(sorted.size() - 1) + 0.5))];
    };
    state["frameMs"] = {{"median", percentile(0.5)}, {"p95", percentile(0.95)}, {"count", sorted.size()}};
    state["renderer"] = app.rendererName;
    return state.dump();
}

}  // namespace twin::web

extern "C" EMSCRIPTEN_KEEPALIVE const char* twin_web_state() {
    using twin::web::gApp;
    if (!gApp) return "{\"ready\":false}";
    gApp->state = twin::web::stateJson(*gApp);
    return gApp->state.c_str();
}

int main() {
    using namespace twin;
    using namespace twin::web;
    engine::log::setProgramName("twin-tour");
    static WebApp app;
    gApp = &app;
    app.still = hasQueryParameter("still");
    app.broker = queryParameter("broker");
    followCanvasSize();
    int width = 0, height = 0;
    emscripten_get_canvas_element_size("#canvas", &width, &height);

    engine::WindowDesc desc;
    desc.title = "Twin Tour";
    desc.width = std::max(1, width);
    desc.height = std::max(1, height);
    auto window = engine::Window::open(desc);
    if (!window) {
        showPageMessage("WebGL 2 : " + window.error());
        return 1;
    }
    app.window = std::move(window).value();
    app.uiScale = app.window->contentScale();
    auto device = engine::gfx::loadGl(engine::Window::getProcAddress);
    if (!device) {
        showPageMessage(device.error());
        return 1;
    }
    app.rendererName = device->renderer;
    showLoadingStage("Préparation du rendu… / Preparing the renderer…");
    auto renderer = engine::Renderer::create(rendererDescFor(kSceneFile, kDataDirectory));
    if (!renderer) {
        showPageMessage(firstLine(renderer.error()));
        engine::log::error(renderer.error());
        return 1;
    }
    app.renderer = std::move(renderer).value();
    FramePainterDesc paint;
    paint.panels = !app.still;
    paint.uiScale = app.uiScale;
    paint.adaptiveResolution = !app.still;
    paint.stableFigures = app.still;
    paint.rendererName = app.rendererName;
    app.painter = std::make_unique<FramePainter>(*app.renderer, paint);
    // The browser calls back at each animation frame; main returns and the
    // program lives on (EXIT_RUNTIME=0).
    emscripten_set_main_loop(onAnimationFrame, 0, false);
    return 0;
}
