#include "tour_app.h"

#include <GLFW/glfw3.h>  // key and modifier codes only
#include <imgui.h>

#include <malloc.h>

#include <algorithm>
#include <atomic>
#include <cstdio>
#include <mutex>
#include <optional>
#include <thread>

#include "app_setup.h"
#include "core/log.h"
#include "core/process_stats.h"
#include "gfx/device.h"
#include "gfx/imgui_renderer.h"
#include "platform/headless_context.h"
#include "platform/imgui_platform.h"
#include "platform/window.h"
#include "content/scene_file.h"
#include "ui/overlay.h"

namespace twin {
namespace {
using Clock = std::chrono::steady_clock;

double millisecondsSince(Clock::time_point start) {
    return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

// With --verbose, how long each start-up phase took and the memory after it.
void logPhase(const char* phase, Clock::time_point since) {
    char text[160];
    std::snprintf(text, sizeof text, "%-18s %7.1f ms, resident %6.1f MiB", phase, millisecondsSince(since),
                  double(engine::residentBytes()) / (1024.0 * 1024.0));
    engine::log::debug(text);
}

int fail(const std::string& reason) {
    std::fprintf(stderr, "twin-tour: %s\n", reason.c_str());
    return 1;
}

// First line of a possibly multi-line message, for one-line failures.
std::string firstLine(const std::string& text) { return text.substr(0, text.find('\n')); }

void fillFigures(FrameFigures& f, const engine::FrameStats& stats, const engine::Renderer& renderer) {
    f.triangles = stats.triangles;
    f.drawCalls = stats.drawCalls;
    f.visibleInstances = stats.visibleInstances;
    f.culledInstances = stats.culledInstances;
    f.residentBytes = engine::residentBytes();
    f.gpuBytes = renderer.gpuBytes();
}

// Everything a headless run needs: context, GL, renderer, content.
struct HeadlessSession {
    std::unique_ptr<engine::HeadlessContext> context;
    engine::gfx::DeviceInfo device;
    std::unique_ptr<engine::Renderer> renderer;
    LoadedContent content;
    double loadMs = 0;
};

std::optional<HeadlessSession> openHeadless(const AppOptions& options, std::string& error) {
    HeadlessSession s;
    auto phaseStart = Clock::now();
    auto context = engine::HeadlessContext::create();
    if (!context) {
        error = context.error();
        return std::nullopt;
    }
    s.context = std::move(context).value();
    auto device = engine::gfx::loadGl(engine::HeadlessContext::getProcAddress);
    if (!device) {
        error = device.error();
        return std::nullopt;
    }
    s.device = device.value();
    logPhase("GL context", phaseStart);
    std::filesystem::path data = findDataDirectory();
    std::filesystem::path input = inputFor(options, data);
    auto renderer = engine::Renderer::create(rendererDescFor(input, data));
    if (!renderer) {
        error = renderer.error();
        return std::nullopt;
    }
    s.renderer = std::move(renderer).value();
    applyRenderOptions(*s.renderer, options);
    logPhase("shaders", phaseStart);

    auto loadStart = Clock::now();
    engine::IsolatedImporter importer(importDescFor(options));
    s.content = loadContent(input, importer);
    if (!s.content.ok()) {
        // Nothing to show: the run fails with one line saying why.
        error = s.content.errors.empty() ? "cannot open \"" + input.string() + "\": nothing to show"
                                         : firstLine(s.content.errors.front());
        return std::nullopt;
    }
    for (const std::string& e : s.content.errors) engine::log::error(e);
    for (const std::string& w : s.content.warnings) engine::log::warning(w);
    showContent(*s.renderer, s.content);
    for (LoadedModel& m : s.content.models) m.data = {};  // the GPU holds it now
    // The shader compiler and the model's CPU copy leave freed heap behind:
    // hand it back before the frame allocates its targets.
    malloc_trim(0);
    s.loadMs = millisecondsSince(loadStart);
    logPhase("content", phaseStart);
    return s;
}

void drawOverlayHeadless(Overlay& overlay, engine::gfx::ImGuiRenderer& imgui, OverlayModel& model, glm::ivec2 size) {
    ImGuiIO& io = ImGui::GetIO();
    io.DisplaySize = ImVec2(float(size.x), float(size.y));
    io.DeltaTime = 1.0f / 60.0f;
    imgui.newFrame();
    ImGui::NewFrame();
    overlay.build(model);
    ImGui::Render();
    imgui.render(ImGui::GetDrawData());
}

int runScreenshot(const AppOptions& options) {
    std::string error;
    auto session = openHeadless(options, error);
    if (!session) return fail(error);
    engine::Renderer& renderer = *session->renderer;
    float aspect = float(options.size.x) / float(options.size.y);
    engine::OrbitCamera orbit;
    placeCamera(orbit, options, renderer.sceneBounds(), aspect);
    renderer.setOutputOffscreen(options.size);
    auto phaseStart = Clock::now();
    engine::FrameStats stats = renderer.render(cameraFor(orbit, aspect, renderer.sceneBounds()));
    renderer.finish();
    logPhase("first frame", phaseStart);
    if (options.overlay) {
        Overlay overlay(1.0f, languageFromCode(options.language));
        overlay.setStatsVisible(true);
        engine::gfx::ImGuiRenderer imgui;
        OverlayModel model;
        model.title = session->content.title;
        model.errors = session->content.errors;
        model.warnings = session->content.warnings;
        fillFigures(model.figures, stats, renderer);
        model.figures.residentBytes = 0;  // varies from run to run: keep images comparable
        model.figures.frameMs = 0;
        // Only the first word: the full string carries versions that change.
        model.figures.renderer = session->device.renderer.substr(0, session->device.renderer.find(' '));
        renderer.bindOutput();
        // Two frames: ImGui lays out auto-sized windows on the first.
        drawOverlayHeadless(overlay, imgui, model, options.size);
        renderer.render(cameraFor(orbit, aspect, renderer.sceneBounds()));
        renderer.bindOutput();
        drawOverlayHeadless(overlay, imgui, model, options.size);
    }
    std::string glErrors = engine::gfx::takeErrors();
    if (!glErrors.empty()) engine::log::warning("OpenGL reported errors: " + glErrors);
    engine::Status written = renderer.writeOutputPng(*options.screenshot);
    if (!written) return fail(written.error());
    logPhase("PNG written", phaseStart);
    return 0;
}

// --check: validates a scene file and the files it names, without GL.
int runCheck(const AppOptions& options) {
    std::filesystem::path input = inputFor(options, findDataDirectory());
    if (input.extension() != ".json") return fail("--check takes a scene file (.json), got \"" + input.string() + "\"");
    SceneDescription scene = loadSceneFile(input);
    for (const SceneIssue& issue : scene.issues) std::fprintf(stderr, "%s\n", issue.text().c_str());
    std::printf("%s: %zu platform(s), %zu machine(s), %zu tour(s), %zu problem(s)\n", input.string().c_str(),
                scene.platforms.size(), scene.machines.size(), scene.tours.size(), scene.issues.size());
    return scene.issues.empty() ? 0 : 1;
}

int runBench(const AppOptions& options, Clock::time_point processStart) {
    std::string error;
    auto session = openHeadless(options, error);
    if (!session) return fail(error);
    engine::Renderer& renderer = *session->renderer;
    float aspect = float(options.size.x) / float(options.size.y);
    engine::OrbitCamera orbit;
    placeCamera(orbit, options, renderer.sceneBounds(), aspect);
    renderer.setOutputOffscreen(options.size);

    auto firstStart = Clock::now();
    renderer.render(cameraFor(orbit, aspect, renderer.sceneBounds()));
    renderer.finish();
    double firstFrameMs = millisecondsSince(firstStart);
    double startToFirstFrameMs = millisecondsSince(processStart);

    // A fixed path: one full turn around the framed scene.
    std::vector<double> frames;
    engine::FrameStats stats;
    engine::CameraPose start = orbit.pose();
    for (int i = 0; i < options.benchFrames; ++i) {
        engine::CameraPose pose = start;
        pose.yawDegrees += 360.0f * float(i) / float(options.benchFrames);
        orbit.lookAt(engine::OrbitCamera::eyeOf(pose), pose.target, true);
        auto t = Clock::now();
        stats = renderer.render(cameraFor(orbit, aspect, renderer.sceneBounds()));
        renderer.finish();
        frames.push_back(millisecondsSince(t));
    }
    std::vector<double> sorted = frames;
    std::sort(sorted.begin(), sorted.end());
    auto percentile = [&](double p) { return sorted[std::min(sorted.size() - 1, size_t(p * double(sorted.size() - 1) + 0.5))]; };
    double importMs = 0;
    bool allCached = true;
    for (const LoadedModel& m : session->content.models) {
        importMs += m.seconds * 1000.0;
        allCached = allCached && m.fromCache;
    }
    std::printf("scene: %s\n", session->content.title.c_str());
    std::printf("renderer: %s\n", session->device.renderer.c_str());
    std::printf("size: %dx%d, shadows %s, anti-aliasing %s\n", options.size.x, options.size.y,
                options.shadows ? "on" : "off", options.antialiasing ? "on" : "off");
    std::printf("load: %.1f ms (import %.1f ms, %s)\n", session->loadMs, importMs,
                allCached ? "from cache" : "imported");
    std::printf("first frame: %.1f ms (process start to first frame: %.1f ms)\n", firstFrameMs, startToFirstFrameMs);
    std::printf("frames: %d, median %.2f ms, p95 %.2f ms, min %.2f ms, max %.2f ms\n", options.benchFrames,
                percentile(0.5), percentile(0.95), sorted.front(), sorted.back());
    std::printf("triangles: %zu, draw calls: %d\n", stats.triangles, stats.drawCalls);
    std::printf("peak memory: %.1f MiB\n", double(engine::peakResidentBytes()) / (1024.0 * 1024.0));
    return 0;
}

// Interactive: a window, the orbit camera, the overlay; draws only when
// something changed, so an idle tour costs no frames.
class InteractiveSession {
public:
    explicit InteractiveSession(const AppOptions& options) : options_(options) {}

    int run() {
        engine::WindowDesc desc;
        desc.title = "Twin Tour";
        desc.width = options_.size.x;
        desc.height = options_.size.y;
        desc.fullscreen = options_.fullscreen;
        auto window = engine::Window::open(desc);
        if (!window) return fail(window.error());
        window_ = std::move(window).value();
        auto device = engine::gfx::loadGl(engine::Window::getProcAddress);
        if (!device) return fail(device.error());
        rendererName_ = device->renderer;
        std::filesystem::path data = findDataDirectory();
        auto renderer = engine::Renderer::create(rendererDescFor(inputFor(options_, data), data));
        if (!renderer) return fail(firstLine(renderer.error()) + "\n" + renderer.error());
        renderer_ = std::move(renderer).value();
        applyRenderOptions(*renderer_, options_);
        model_.toggles = {options_.shadows, options_.antialiasing, options_.ground};

        overlay_ = std::make_unique<Overlay>(window_->contentScale(), languageFromCode(options_.language));
        imguiPlatform_ = std::make_unique<engine::ImGuiPlatform>(*window_);
        // Keyboard navigation needs the key map the platform backend fills in.
        ImGui::GetIO().ConfigFlags |= ImGuiConfigFlags_NavEnableKeyboard;
        imguiRenderer_ = std::make_unique<engine::gfx::ImGuiRenderer>();

        startLoading(inputFor(options_, data));
        loop();
        if (loader_.joinable()) loader_.join();
        imguiRenderer_.reset();
        imguiPlatform_.reset();
        overlay_.reset();
        renderer_.reset();
        return 0;
    }

private:
    void startLoading(const std::filesystem::path& input) {
        model_.loading = true;
        loader_ = std::thread([this, input] {
            engine::IsolatedImporter importer(importDescFor(options_));
            LoadedContent content = loadContent(input, importer);
            std::lock_guard lock(loadedMutex_);
            loaded_ = std::move(content);
            loadDone_ = true;
            engine::Window::wakeUp();
        });
    }

    void takeLoadedContent() {
        std::lock_guard lock(loadedMutex_);
        if (!loadDone_ || !loaded_) return;
        loadDone_ = false;
        for (const std::string& e : loaded_->errors) engine::log::error(e);
        model_.loading = false;
        model_.title = loaded_->title;
        model_.errors = loaded_->errors;
        model_.warnings = loaded_->warnings;
        showContent(*renderer_, *loaded_);
        loaded_.reset();
        glm::ivec2 size = window_->windowSize();
        placeCamera(orbit_, options_, renderer_->sceneBounds(), float(size.x) / float(std::max(size.y, 1)));
        redrawFrames_ = 3;
    }

    void handle(const engine::InputEvent& e) {
        ImGuiIO& io = ImGui::GetIO();
        glm::vec2 viewport = glm::vec2(window_->windowSize());
        switch (e.kind) {
            case engine::InputEvent::Kind::MouseDown:
                if (!io.WantCaptureMouse) {
                    dragging_ = true;
                    panning_ = e.button != engine::MouseButton::Left || (e.modifiers & GLFW_MOD_SHIFT);
                    lastCursor_ = e.position;
                }
                break;
            case engine::InputEvent::Kind::MouseUp: dragging_ = false; break;
            case engine::InputEvent::Kind::MouseMove:
                if (dragging_) {
                    glm::vec2 delta = e.position - lastCursor_;
                    if (panning_)
                        orbit_.pan(delta, viewport);
                    else
                        orbit_.rotate(delta);
                }
                lastCursor_ = e.position;
                break;
            case engine::InputEvent::Kind::Scroll:
                if (!io.WantCaptureMouse) orbit_.zoom(e.scroll.y, e.position, viewport);
                break;
            case engine::InputEvent::Kind::KeyDown:
                if (io.WantCaptureKeyboard) break;
                switch (e.key) {
                    case GLFW_KEY_LEFT: orbit_.rotate({-40.0f, 0.0f}); break;
                    case GLFW_KEY_RIGHT: orbit_.rotate({40.0f, 0.0f}); break;
                    case GLFW_KEY_UP: orbit_.rotate({0.0f, -30.0f}); break;
                    case GLFW_KEY_DOWN: orbit_.rotate({0.0f, 30.0f}); break;
                    case GLFW_KEY_PAGE_UP:
                    case GLFW_KEY_KP_ADD:
                    case GLFW_KEY_EQUAL: orbit_.zoom(1.0f, viewport * 0.5f, viewport); break;
                    case GLFW_KEY_PAGE_DOWN:
                    case GLFW_KEY_KP_SUBTRACT:
                    case GLFW_KEY_MINUS: orbit_.zoom(-1.0f, viewport * 0.5f, viewport); break;
                    case GLFW_KEY_F: resetView(); break;
                    case GLFW_KEY_F1: overlay_->toggleStats(); break;
                    case GLFW_KEY_ESCAPE: window_->requestClose(true); break;
                    default: break;
                }
                break;
            default: break;
        }
    }

    void resetView() {
        glm::ivec2 size = window_->windowSize();
        orbit_.frame(renderer_->sceneBounds(), options_.orbit.yawDegrees, options_.orbit.pitchDegrees,
                     float(size.x) / float(std::max(size.y, 1)), false);
    }

    void loop() {
        auto last = Clock::now();
        const auto started = Clock::now();
        auto lastShaderCheck = Clock::now();
        bool devReload = std::getenv("TWIN_TOUR_DEV") != nullptr;
        while (!window_->shouldClose()) {
            bool animating = redrawFrames_ > 0 || cameraMoving_ || model_.loading;
            // Idle: sleep until an event (or a loader wake-up) arrives.
            double wait = animating ? 0.0 : 1.0;
            if (options_.runForSeconds > 0) {
                double left = options_.runForSeconds - millisecondsSince(started) / 1000.0;
                if (left <= 0) break;
                wait = std::min(wait, left);
            }
            std::vector<engine::InputEvent> events = window_->pollEvents(wait);
            for (const engine::InputEvent& e : events) handle(e);
            if (!events.empty()) redrawFrames_ = std::max(redrawFrames_, 3);
            takeLoadedContent();
            if (devReload && millisecondsSince(lastShaderCheck) > 1000) {
                lastShaderCheck = Clock::now();
                renderer_->reloadShadersIfChanged();
                redrawFrames_ = std::max(redrawFrames_, 1);
            }

            auto now = Clock::now();
            float dt = std::min(0.1f, std::chrono::duration<float>(now - last).count());
            last = now;
            cameraMoving_ = orbit_.update(dt);
            if (!(redrawFrames_ > 0 || cameraMoving_ || model_.loading)) continue;
            redrawFrames_ = std::max(0, redrawFrames_ - 1);
            drawFrame();
        }
    }

    void drawFrame() {
        auto frameStart = Clock::now();
        glm::ivec2 framebuffer = window_->framebufferSize();
        if (framebuffer.x <= 0 || framebuffer.y <= 0) return;
        float aspect = float(framebuffer.x) / float(framebuffer.y);
        renderer_->setOutputWindow(framebuffer);
        engine::FrameStats stats = renderer_->render(cameraFor(orbit_, aspect, renderer_->sceneBounds()));
        fillFigures(model_.figures, stats, *renderer_);
        model_.figures.renderer = rendererName_;
        model_.figures.frameMs = lastFrameMs_;

        renderer_->bindOutput();
        imguiRenderer_->newFrame();
        imguiPlatform_->newFrame();
        ImGui::NewFrame();
        model_.resetViewClicked = false;
        model_.togglesChanged = false;
        overlay_->build(model_);
        ImGui::Render();
        imguiRenderer_->render(ImGui::GetDrawData());
        window_->swapBuffers();

        if (model_.resetViewClicked) resetView();
        if (model_.togglesChanged) {
            renderer_->options().shadows = model_.toggles.shadows;
            renderer_->options().fxaa = model_.toggles.antialiasing;
            renderer_->options().ground = model_.toggles.ground;
            renderer_->invalidateShadows();
            redrawFrames_ = std::max(redrawFrames_, 2);
        }
        lastFrameMs_ = millisecondsSince(frameStart);
        overlay_->recordFrameTime(float(lastFrameMs_));
    }

    const AppOptions& options_;
    std::unique_ptr<engine::Window> window_;
    std::unique_ptr<engine::Renderer> renderer_;
    std::unique_ptr<Overlay> overlay_;
    std::unique_ptr<engine::ImGuiPlatform> imguiPlatform_;
    std::unique_ptr<engine::gfx::ImGuiRenderer> imguiRenderer_;
    std::string rendererName_;
    engine::OrbitCamera orbit_;
    OverlayModel model_;

    std::thread loader_;
    std::mutex loadedMutex_;
    std::optional<LoadedContent> loaded_;
    bool loadDone_ = false;

    bool dragging_ = false;
    bool panning_ = false;
    glm::vec2 lastCursor_{0.0f};
    bool cameraMoving_ = false;
    int redrawFrames_ = 3;
    double lastFrameMs_ = 0;
};

}  // namespace

int runApp(const AppOptions& options, Clock::time_point processStart) {
    engine::log::setProgramName("twin-tour");
    if (options.verbose) engine::log::setMinimumLevel(engine::log::Level::Debug);
    if (options.showHelp) {
        std::fputs(helpText().c_str(), stdout);
        return 0;
    }
    if (options.showVersion) {
        std::puts("twin-tour " TWIN_TOUR_VERSION);
        return 0;
    }
    if (options.check) return runCheck(options);
    if (options.screenshot) return runScreenshot(options);
    if (options.bench) return runBench(options, processStart);
    return InteractiveSession(options).run();
}

}  // namespace twin
