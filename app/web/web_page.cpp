#include "web/web_page.h"

#include <algorithm>

#include <emscripten.h>
#include <emscripten/html5.h>

namespace twin::web {
// Names are the program's own constants (no quoting needed); the browser
// keeps the returned text until the next call.
std::string locationHash() { return emscripten_run_script_string("window.location.hash || ''"); }

std::string queryParameter(const std::string& name) {
    const std::string script = "new URLSearchParams(window.location.search).get('" + name + "') || ''";
    return emscripten_run_script_string(script.c_str());
}

bool hasQueryParameter(const std::string& name) {
    const std::string script = "new URLSearchParams(window.location.search).has('" + name + "') ? '1' : ''";
    return *emscripten_run_script_string(script.c_str()) != '\0';
}

void showPageMessage(const std::string& text) {
    EM_ASM({ if (window.twinTourPage) window.twinTourPage.message(UTF8ToString($0)); }, text.c_str());
}

void showLoadingStage(const std::string& text) {
    EM_ASM({ if (window.twinTourPage) window.twinTourPage.stage(UTF8ToString($0)); }, text.c_str());
}

void signalReady() {
    EM_ASM({
        window.twinTourReady = true;
        if (window.twinTourPage) window.twinTourPage.ready();
        window.dispatchEvent(new Event('twintour-ready'));
    });
}

bool followCanvasSize() {
    double cssWidth = 0, cssHeight = 0;
    emscripten_get_element_css_size("#canvas", &cssWidth, &cssHeight);
    const double ratio = emscripten_get_device_pixel_ratio();
    const int width = std::clamp(int(cssWidth * ratio + 0.5), 1, 4096);
    const int height = std::clamp(int(cssHeight * ratio + 0.5), 1, 4096);
    int current[2] = {0, 0};
    emscripten_get_canvas_element_size("#canvas", &current[0], &current[1]);
    if (current[0] == width && current[1] == height) return false;
    // Through Emscripten's Browser object, so that its GLFW window follows.
    EM_ASM({ Browser.setCanvasSize($0, $1); }, width, height);
    return true;
}

}  // namespace twin::web
