#pragma once
// What the window's loop (visit_runner.cpp) and the bench
// (bench_runner.cpp) share: a visit opened in a shell, and how it opens.
#include <future>
#include <memory>
#include <optional>
#include <string>

#include <glm/glm.hpp>

#include "cli/app_options.h"
#include "content/content_loader.h"
#include "core/result.h"
#include "feeds/live_feed.h"
#include "modes/frame_painter.h"
#include "modes/visit_runner.h"
#include "platform/headless_context.h"
#include "platform/window.h"
#include "render/renderer.h"
#include "session/narrator.h"
#include "session/visit_session.h"

namespace twin {

// A visit opened in a shell: its platform, renderer, session and painter.
struct Visit {
    std::unique_ptr<engine::Window> window;           // a window...
    std::unique_ptr<engine::HeadlessContext> context;  // ...or an offscreen image
    glm::ivec2 offscreenSize{0};
    std::string rendererName;
    std::unique_ptr<engine::Renderer> renderer;
    std::unique_ptr<Narrator> narrator;  // in a window: the tour read aloud (outlives the session)
    std::unique_ptr<VisitSession> session;
    std::unique_ptr<FramePainter> painter;
    std::future<LoadedContent> loading;
    std::optional<feeds::LiveFeedDesc> feed;  // the live data to open with the scene
    // A played-back recording's clock, seconds from the visit's start: the
    // replay of live data follows it too, so each step shows the same data
    // however long its frame took to draw.
    std::shared_ptr<double> playClock = std::make_shared<double>(0.0);

    glm::vec2 windowSize() const { return window ? glm::vec2(window->windowSize()) : glm::vec2(offscreenSize); }
    void bindOutput() {
        if (window)
            renderer->setOutputWindow(window->framebufferSize());
        else if (renderer->outputSize() != offscreenSize)
            renderer->setOutputOffscreen(offscreenSize);
    }
    ~Visit() {
        // GL objects die before the context.
        painter.reset();
        renderer.reset();
        if (loading.valid()) loading.wait();
    }
};

// Opens the platform and starts loading the content beside it (reading or
// importing needs no GL: it runs on the other core while the context starts
// and the shaders compile).
engine::Status openVisit(const AppOptions& options, bool headless, Visit& visit, VisitShell* shell = nullptr);

// Hands loaded content to the renderer and the session. An error (an
// unknown floor, tour...) is returned; what is valid is shown all the same.
engine::Status takeContent(Visit& visit);

}  // namespace twin
