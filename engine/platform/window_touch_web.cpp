// Touch points in the browser: the page's touch events on the canvas
// (Emscripten's HTML5 API), in the window's pixels (the canvas's device
// pixels), one finger id per contact, as XInput 2.2 gives them natively.
#include <emscripten/html5.h>

#include "platform/window_touch.h"

namespace engine {

struct TouchSource::State {
    std::vector<InputEvent> pending;
};

namespace {

// CSS pixels of the canvas to its device pixels.
glm::vec2 canvasScale() {
    double cssWidth = 0, cssHeight = 0;
    emscripten_get_element_css_size("#canvas", &cssWidth, &cssHeight);
    int width = 0, height = 0;
    emscripten_get_canvas_element_size("#canvas", &width, &height);
    if (cssWidth <= 0 || cssHeight <= 0) return glm::vec2(1.0f);
    return {float(width / cssWidth), float(height / cssHeight)};
}

EM_BOOL onTouch(int type, const EmscriptenTouchEvent* event, void* user) {
    auto* pending = static_cast<std::vector<InputEvent>*>(user);
    InputEvent::Kind kind = InputEvent::Kind::TouchMove;
    if (type == EMSCRIPTEN_EVENT_TOUCHSTART) kind = InputEvent::Kind::TouchDown;
    if (type == EMSCRIPTEN_EVENT_TOUCHEND) kind = InputEvent::Kind::TouchUp;
    if (type == EMSCRIPTEN_EVENT_TOUCHCANCEL) kind = InputEvent::Kind::TouchCancel;
    const glm::vec2 scale = canvasScale();
    for (int i = 0; i < event->numTouches; ++i) {
        const EmscriptenTouchPoint& touch = event->touches[i];
        if (!touch.isChanged) continue;  // only the fingers this event is about
        InputEvent e;
        e.kind = kind;
        e.finger = uint32_t(touch.identifier);
        e.position = glm::vec2(float(touch.targetX), float(touch.targetY)) * scale;
        pending->push_back(e);
    }
    return EM_TRUE;  // no emulated mouse events, no page scrolling or zooming
}

}  // namespace

std::unique_ptr<TouchSource> TouchSource::open(unsigned long, std::string& whyNot) {
    auto state = std::make_unique<State>();
    void* user = &state->pending;
    if (emscripten_set_touchstart_callback("#canvas", user, EM_TRUE, onTouch) != EMSCRIPTEN_RESULT_SUCCESS) {
        whyNot = "the page gives no touch events";
        return nullptr;
    }
    emscripten_set_touchmove_callback("#canvas", user, EM_TRUE, onTouch);
    emscripten_set_touchend_callback("#canvas", user, EM_TRUE, onTouch);
    emscripten_set_touchcancel_callback("#canvas", user, EM_TRUE, onTouch);
    return std::unique_ptr<TouchSource>(new TouchSource(std::move(state)));
}

TouchSource::TouchSource(std::unique_ptr<State> state) : state_(std::move(state)) {}

TouchSource::~TouchSource() {
    emscripten_set_touchstart_callback("#canvas", nullptr, EM_TRUE, nullptr);
    emscripten_set_touchmove_callback("#canvas", nullptr, EM_TRUE, nullptr);
    emscripten_set_touchend_callback("#canvas", nullptr, EM_TRUE, nullptr);
    emscripten_set_touchcancel_callback("#canvas", nullptr, EM_TRUE, nullptr);
}

// The browser's event loop runs between frames: nothing to wait on.
void TouchSource::waitWithGlfw(double) {}
void TouchSource::wake() {}

void TouchSource::take(std::vector<InputEvent>& out) {
    out.insert(out.end(), state_->pending.begin(), state_->pending.end());
    state_->pending.clear();
}

}  // namespace engine
