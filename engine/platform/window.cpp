#include "platform/window.h"

#include <GLFW/glfw3.h>

#include <algorithm>

#include "core/log.h"
#include "platform/gl_driver_pin.h"
#include "platform/window_touch.h"

#ifdef __EMSCRIPTEN__
// In the browser the window is the page's canvas (Emscripten's GLFW over
// WebGL 2); touch comes from the page's touch events (window_touch_web.cpp).
#include <emscripten.h>
#include <emscripten/html5.h>
#else
// GLFW's own X11 accessors (glfw3native.h would also pull in Xrandr's headers).
extern "C" unsigned long glfwGetX11Window(GLFWwindow* window);
extern "C" struct _XDisplay* glfwGetX11Display(void);
#endif

namespace engine {
namespace {
std::string gLastGlfwError;
void onGlfwError(int, const char* description) { gLastGlfwError = description ? description : "unknown"; }

Window* self(GLFWwindow* w) { return static_cast<Window*>(glfwGetWindowUserPointer(w)); }

Key keyOf(int glfwKey) {
    if (glfwKey >= GLFW_KEY_A && glfwKey <= GLFW_KEY_Z) return Key(int(Key::A) + glfwKey - GLFW_KEY_A);
    if (glfwKey >= GLFW_KEY_0 && glfwKey <= GLFW_KEY_9) return Key(int(Key::Num0) + glfwKey - GLFW_KEY_0);
    if (glfwKey >= GLFW_KEY_F1 && glfwKey <= GLFW_KEY_F12) return Key(int(Key::F1) + glfwKey - GLFW_KEY_F1);
    switch (glfwKey) {
        case GLFW_KEY_SPACE: return Key::Space;
        case GLFW_KEY_APOSTROPHE: return Key::Apostrophe;
        case GLFW_KEY_COMMA: return Key::Comma;
        case GLFW_KEY_MINUS: return Key::Minus;
        case GLFW_KEY_PERIOD: return Key::Period;
        case GLFW_KEY_SLASH: return Key::Slash;
        case GLFW_KEY_SEMICOLON: return Key::Semicolon;
        case GLFW_KEY_EQUAL: return Key::Equal;
        case GLFW_KEY_ESCAPE: return Key::Escape;
        case GLFW_KEY_ENTER: return Key::Enter;
        case GLFW_KEY_TAB: return Key::Tab;
        case GLFW_KEY_BACKSPACE: return Key::Backspace;
        case GLFW_KEY_INSERT: return Key::Insert;
        case GLFW_KEY_DELETE: return Key::Delete;
        case GLFW_KEY_RIGHT: return Key::Right;
        case GLFW_KEY_LEFT: return Key::Left;
        case GLFW_KEY_DOWN: return Key::Down;
        case GLFW_KEY_UP: return Key::Up;
        case GLFW_KEY_PAGE_UP: return Key::PageUp;
        case GLFW_KEY_PAGE_DOWN: return Key::PageDown;
        case GLFW_KEY_HOME: return Key::Home;
        case GLFW_KEY_END: return Key::End;
        case GLFW_KEY_KP_ENTER: return Key::KeypadEnter;
        case GLFW_KEY_KP_ADD: return Key::KeypadAdd;
        case GLFW_KEY_KP_SUBTRACT: return Key::KeypadSubtract;
        case GLFW_KEY_LEFT_SHIFT: return Key::LeftShift;
        case GLFW_KEY_RIGHT_SHIFT: return Key::RightShift;
        case GLFW_KEY_LEFT_CONTROL: return Key::LeftControl;
        case GLFW_KEY_RIGHT_CONTROL: return Key::RightControl;
        case GLFW_KEY_LEFT_ALT: return Key::LeftAlt;
        case GLFW_KEY_RIGHT_ALT: return Key::RightAlt;
        case GLFW_KEY_LEFT_SUPER: return Key::LeftSuper;
        case GLFW_KEY_RIGHT_SUPER: return Key::RightSuper;
        default: return Key::Unknown;
    }
}

uint8_t modifiersOf(int mods) {
    uint8_t out = 0;
    if (mods & GLFW_MOD_SHIFT) out |= modifier::Shift;
    if (mods & GLFW_MOD_CONTROL) out |= modifier::Control;
    if (mods & GLFW_MOD_ALT) out |= modifier::Alt;
    if (mods & GLFW_MOD_SUPER) out |= modifier::Super;
    return out;
}
}  // namespace

// The monitor by index (0: the primary) or name; the primary when not found
// (logged with the monitors there are).
static GLFWmonitor* monitorNamed(const std::string& wanted) {
    GLFWmonitor* primary = glfwGetPrimaryMonitor();
    if (wanted.empty()) return primary;
    int count = 0;
    GLFWmonitor** monitors = glfwGetMonitors(&count);
    std::string known;
    for (int i = 0; i < count; ++i) {
        const char* name = glfwGetMonitorName(monitors[i]);
        if (wanted == std::to_string(i) || (name && wanted == name)) return monitors[i];
        known += (known.empty() ? "" : ", ") + std::to_string(i) + " " + (name ? name : "?");
    }
    log::warning("no monitor \"" + wanted + "\" (there are: " + known + "); using the primary one");
    return primary;
}

Result<std::unique_ptr<Window>> Window::open(const WindowDesc& desc) {
    glfwSetErrorCallback(onGlfwError);
    if (!glfwInit())
        return makeError("cannot open a window: " + gLastGlfwError +
                         " (no display? use --screenshot for headless rendering)");
    glfwDefaultWindowHints();
#ifdef __EMSCRIPTEN__
    // WebGL 2 (OpenGL ES 3.0); the renderer draws into its own targets.
    glfwWindowHint(GLFW_CLIENT_API, GLFW_OPENGL_ES_API);
    glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
    glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 0);
#else
    if (!desc.anyVersion) {
        glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
        glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 3);
        glfwWindowHint(GLFW_OPENGL_PROFILE, GLFW_OPENGL_CORE_PROFILE);
        glfwWindowHint(GLFW_OPENGL_FORWARD_COMPAT, GLFW_TRUE);
    }
#endif
    glfwWindowHint(GLFW_VISIBLE, desc.hidden ? GLFW_FALSE : GLFW_TRUE);
#ifndef __EMSCRIPTEN__
    glfwWindowHint(GLFW_SCALE_TO_MONITOR, GLFW_TRUE);
#endif
    // The renderer draws into its own targets: the window needs no depth buffer.
    glfwWindowHint(GLFW_DEPTH_BITS, 0);
    glfwWindowHint(GLFW_STENCIL_BITS, 0);
    GLFWmonitor* monitor = desc.fullscreen ? monitorNamed(desc.monitor) : nullptr;
    glfwWindowHint(GLFW_DECORATED, desc.decorated ? GLFW_TRUE : GLFW_FALSE);
    int width = desc.width, height = desc.height;
    if (monitor) {
        const GLFWvidmode* mode = glfwGetVideoMode(monitor);
        width = mode->width;
        height = mode->height;
    }
    GLFWwindow* glfw = glfwCreateWindow(width, height, desc.title.c_str(), monitor, nullptr);
#ifndef __EMSCRIPTEN__
    keepGlDriverLoaded();  // the context loaded it; glfwTerminate would unload it
#endif
    if (!glfw) {
        std::string reason = gLastGlfwError;
        glfwTerminate();
        return makeError("cannot create a window with an OpenGL 3.3 core context: " + reason);
    }
    std::unique_ptr<Window> window(new Window());
    window->window_ = glfw;
    glfwSetWindowUserPointer(glfw, window.get());
    glfwMakeContextCurrent(glfw);
    glfwSwapInterval(desc.vsync ? 1 : 0);
    glfwSetCursorPosCallback(glfw, onCursor);
    glfwSetMouseButtonCallback(glfw, onButton);
    glfwSetScrollCallback(glfw, onScroll);
    glfwSetKeyCallback(glfw, onKey);
    glfwSetCharCallback(glfw, onChar);
    glfwSetWindowCloseCallback(glfw, onClose);
#ifdef __EMSCRIPTEN__
    // Emscripten's GLFW turns the first finger into the mouse; the page's
    // touch events come as touches instead (all fingers, as XInput's do).
    EM_ASM({
        const canvas = Module["canvas"];
        canvas.removeEventListener("touchmove", GLFW.onMousemove, true);
        canvas.removeEventListener("touchstart", GLFW.onMouseButtonDown, true);
        canvas.removeEventListener("touchcancel", GLFW.onMouseButtonUp, true);
        canvas.removeEventListener("touchend", GLFW.onMouseButtonUp, true);
    });
#endif
    if (desc.touch) {
        std::string whyNot;
        window->touch_ = TouchSource::open(window->x11Window(), whyNot);
#ifdef __EMSCRIPTEN__
        if (window->touch_)
            log::info("touch: the page's touch events on the canvas");
#else
        if (window->touch_)
            log::info("touch: XInput 2.2 touch events selected on the window");
#endif
        else
            log::info("touch: " + whyNot + "; a touch screen works as a mouse");
    }
    return window;
}

Window::~Window() {
#ifndef __EMSCRIPTEN__  // no screen saver to hold off in a page (window_kiosk.cpp is not built there)
    if (screenSaverHeld_) holdOffScreenSaver(false);
#endif
    touch_.reset();  // its connection goes before the window it watches
    if (window_) glfwDestroyWindow(window_);
    glfwTerminate();
}

void* Window::getProcAddress(const char* name) { return reinterpret_cast<void*>(glfwGetProcAddress(name)); }

std::vector<InputEvent> Window::pollEvents(double timeoutSeconds) {
    if (!touch_) {
        if (timeoutSeconds > 0)
            glfwWaitEventsTimeout(timeoutSeconds);
        else
            glfwPollEvents();
    } else {
        if (timeoutSeconds > 0) touch_->waitWithGlfw(timeoutSeconds);
        glfwPollEvents();
        touch_->take(pending_);
    }
    std::vector<InputEvent> events;
    events.swap(pending_);
    return events;
}

#ifdef __EMSCRIPTEN__
unsigned long Window::x11Window() const { return 0; }
#else
unsigned long Window::x11Window() const { return glfwGetX11Display() ? glfwGetX11Window(window_) : 0; }
#endif

void Window::wakeUp() {
    glfwPostEmptyEvent();
    TouchSource::wake();  // a wait on the touch connection too
}

void Window::swapBuffers() { glfwSwapBuffers(window_); }
bool Window::shouldClose() const { return glfwWindowShouldClose(window_); }
void Window::requestClose(bool close) { glfwSetWindowShouldClose(window_, close ? GLFW_TRUE : GLFW_FALSE); }

glm::ivec2 Window::framebufferSize() const {
    glm::ivec2 size;
    glfwGetFramebufferSize(window_, &size.x, &size.y);
    return size;
}

#ifdef __EMSCRIPTEN__
// In the browser, window pixels are the canvas's device pixels (the mouse
// arrives in them) and the UI scale is the device pixel ratio: the layout of
// a HiDPI screen natively.
glm::ivec2 Window::windowSize() const { return framebufferSize(); }

float Window::contentScale() const { return std::max(1.0f, float(emscripten_get_device_pixel_ratio())); }
#else
glm::ivec2 Window::windowSize() const {
    glm::ivec2 size;
    glfwGetWindowSize(window_, &size.x, &size.y);
    return size;
}

float Window::contentScale() const {
    float x = 1.0f, y = 1.0f;
    glfwGetWindowContentScale(window_, &x, &y);
    return std::max(1.0f, std::max(x, y));
}
#endif

void Window::onCursor(GLFWwindow* w, double x, double y) {
    InputEvent e;
    e.kind = InputEvent::Kind::MouseMove;
    e.position = {float(x), float(y)};
    self(w)->pending_.push_back(e);
}

void Window::onButton(GLFWwindow* w, int button, int action, int mods) {
    if (button > 2) return;
    InputEvent e;
    e.kind = action == GLFW_PRESS ? InputEvent::Kind::MouseDown : InputEvent::Kind::MouseUp;
    e.button = MouseButton(button);
    e.modifiers = modifiersOf(mods);
    double x = 0, y = 0;
    glfwGetCursorPos(w, &x, &y);
    e.position = {float(x), float(y)};
    self(w)->pending_.push_back(e);
}

void Window::onScroll(GLFWwindow* w, double dx, double dy) {
    InputEvent e;
    e.kind = InputEvent::Kind::Scroll;
    e.scroll = {float(dx), float(dy)};
    double x = 0, y = 0;
    glfwGetCursorPos(w, &x, &y);
    e.position = {float(x), float(y)};
    self(w)->pending_.push_back(e);
}

void Window::onKey(GLFWwindow* w, int key, int, int action, int mods) {
    if (action == GLFW_REPEAT) action = GLFW_PRESS;
    InputEvent e;
    e.kind = action == GLFW_PRESS ? InputEvent::Kind::KeyDown : InputEvent::Kind::KeyUp;
    e.key = keyOf(key);
    e.modifiers = modifiersOf(mods);
    if (e.key == Key::Unknown) return;
    self(w)->pending_.push_back(e);
}

void Window::onChar(GLFWwindow* w, unsigned int codepoint) {
    InputEvent e;
    e.kind = InputEvent::Kind::Char;
    e.codepoint = codepoint;
    self(w)->pending_.push_back(e);
}

void Window::onClose(GLFWwindow* w) {
    // The application decides (a kiosk refuses): it calls requestClose.
    glfwSetWindowShouldClose(w, GLFW_FALSE);
    InputEvent e;
    e.kind = InputEvent::Kind::Close;
    self(w)->pending_.push_back(e);
}

}  // namespace engine
