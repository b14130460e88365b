#pragma once
// An on-screen window with a GL 3.3 core context (GLFW).
#include <memory>
#include <string>
#include <vector>

#include <glm/glm.hpp>

#include "core/result.h"
#include "platform/input.h"

struct GLFWwindow;

namespace engine {

struct WindowDesc {
    std::string title = "engine";
    int width = 1280;
    int height = 720;
    bool fullscreen = false;
    // With fullscreen: the monitor, by index (0: the primary) or name; empty: the primary.
    std::string monitor;
    bool decorated = true;  // title bar and borders
    bool hidden = false;
    bool vsync = true;
    // Whatever context the driver gives instead of 3.3 core, so that a caller
    // whose 3.3 request failed can report what there is.
    bool anyVersion = false;
    // Touch events where the X server reports a touch screen (XInput 2.2);
    // off, or where that fails (logged once), a touch screen is a mouse.
    bool touch = true;
};

class TouchSource;

class Window {
public:
    // Opens the window and makes its context current. Errors say why (no
    // display, no GL 3.3...).
    static Result<std::unique_ptr<Window>> open(const WindowDesc& desc);
    ~Window();
    Window(const Window&) = delete;
    Window& operator=(const Window&) = delete;

    // Waits for events up to `timeoutSeconds` (0: just poll) and returns them.
    std::vector<InputEvent> pollEvents(double timeoutSeconds);
    void swapBuffers();
    bool shouldClose() const;
    void requestClose(bool close);

    glm::ivec2 framebufferSize() const;
    glm::ivec2 windowSize() const;
    float contentScale() const;  // HiDPI factor, 1 on ordinary screens

    // Kiosk helpers (window_kiosk.cpp). The pointer's arrow shown or not
    // (input still arrives).
    void setCursorHidden(bool hidden);
    // Holds off screen blanking and power saving (X11's screen-saver
    // extension, XScreenSaverSuspend) while `hold`; false where there is no
    // X11 display or no extension (the reason is logged once).
    bool holdOffScreenSaver(bool hold);

    // Whether touch events are selected on the window (XInput 2.2): then a
    // touch arrives as Touch* events and not as the pointer.
    bool touchInput() const { return touch_ != nullptr; }
    // The window's X11 id (0 without X11), for tests and native extensions.
    unsigned long x11Window() const;

    static void* getProcAddress(const char* name);
    // Wakes a pollEvents() that is waiting; callable from any thread.
    static void wakeUp();

private:
    Window() = default;
    static void onCursor(GLFWwindow*, double, double);
    static void onButton(GLFWwindow*, int, int, int);
    static void onScroll(GLFWwindow*, double, double);
    static void onKey(GLFWwindow*, int, int, int, int);
    static void onChar(GLFWwindow*, unsigned int);
    static void onClose(GLFWwindow*);

    GLFWwindow* window_ = nullptr;
    std::unique_ptr<TouchSource> touch_;
    bool screenSaverHeld_ = false;
    std::vector<InputEvent> pending_;
};

}  // namespace engine
