#include "platform/window.h"

#include <GLFW/glfw3.h>

#include <algorithm>

#include "core/log.h"

namespace engine {
namespace {
std::string gLastGlfwError;
void onGlfwError(int, const char* description) { gLastGlfwError = description ? description : "unknown"; }

Window* self(GLFWwindow* w) { return static_cast<Window*>(glfwGetWindowUserPointer(w)); }
}  // namespace

Result<std::unique_ptr<Window>> Window::open(const WindowDesc& desc) {
    glfwSetErrorCallback(onGlfwError);
    if (!glfwInit())
        return makeError("cannot open a window: " + gLastGlfwError +
                         " (no display? use --screenshot for headless rendering)");
    glfwDefaultWindowHints();
    if (!desc.anyVersion) {
        glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
        glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 3);
        glfwWindowHint(GLFW_OPENGL_PROFILE, GLFW_OPENGL_CORE_PROFILE);
        glfwWindowHint(GLFW_OPENGL_FORWARD_COMPAT, GLFW_TRUE);
    }
    glfwWindowHint(GLFW_VISIBLE, desc.hidden ? GLFW_FALSE : GLFW_TRUE);
    glfwWindowHint(GLFW_SCALE_TO_MONITOR, GLFW_TRUE);
    // The renderer draws into its own targets: the window needs no depth buffer.
    glfwWindowHint(GLFW_DEPTH_BITS, 0);
    glfwWindowHint(GLFW_STENCIL_BITS, 0);
    GLFWmonitor* monitor = desc.fullscreen ? glfwGetPrimaryMonitor() : nullptr;
    int width = desc.width, height = desc.height;
    if (monitor) {
        const GLFWvidmode* mode = glfwGetVideoMode(monitor);
        width = mode->width;
        height = mode->height;
    }
    GLFWwindow* glfw = glfwCreateWindow(width, height, desc.title.c_str(), monitor, nullptr);
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
    return window;
}

Window::~Window() {
    if (window_) glfwDestroyWindow(window_);
    glfwTerminate();
}

void* Window::getProcAddress(const char* name) { return reinterpret_cast<void*>(glfwGetProcAddress(name)); }

std::vector<InputEvent> Window::pollEvents(double timeoutSeconds) {
    if (timeoutSeconds > 0)
        glfwWaitEventsTimeout(timeoutSeconds);
    else
        glfwPollEvents();
    std::vector<InputEvent> events;
    events.swap(pending_);
    return events;
}

void Window::wakeUp() { glfwPostEmptyEvent(); }

void Window::swapBuffers() { glfwSwapBuffers(window_); }
bool Window::shouldClose() const { return glfwWindowShouldClose(window_); }
void Window::requestClose(bool close) { glfwSetWindowShouldClose(window_, close ? GLFW_TRUE : GLFW_FALSE); }

glm::ivec2 Window::framebufferSize() const {
    glm::ivec2 size;
    glfwGetFramebufferSize(window_, &size.x, &size.y);
    return size;
}

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
    e.modifiers = mods;
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
    e.key = key;
    e.modifiers = mods;
    self(w)->pending_.push_back(e);
}

void Window::onChar(GLFWwindow* w, unsigned int codepoint) {
    InputEvent e;
    e.kind = InputEvent::Kind::Char;
    e.codepoint = codepoint;
    self(w)->pending_.push_back(e);
}

void Window::onClose(GLFWwindow* w) {
    InputEvent e;
    e.kind = InputEvent::Kind::Close;
    self(w)->pending_.push_back(e);
}

}  // namespace engine
