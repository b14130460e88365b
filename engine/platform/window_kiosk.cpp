// Window: what a kiosk needs beyond GLFW 3.3, which neither hides the cursor
// on demand nor holds off the screen saver on Linux (glfw issue 854): the
// X11 screen-saver extension (libXss), through GLFW's native X11 handles.
// Only this file knows X11.
#include "platform/window.h"

#include <GLFW/glfw3.h>
#include <X11/extensions/scrnsaver.h>

// GLFW's own X11 accessor (glfw3native.h would also pull in Xrandr's headers).
extern "C" Display* glfwGetX11Display(void);

#include "core/log.h"

namespace engine {

void Window::setCursorHidden(bool hidden) {
    glfwSetInputMode(window_, GLFW_CURSOR, hidden ? GLFW_CURSOR_HIDDEN : GLFW_CURSOR_NORMAL);
}

bool Window::holdOffScreenSaver(bool hold) {
    if (hold == screenSaverHeld_) return true;
    Display* display = glfwGetX11Display();
    if (!display) {
        log::warning("cannot hold off the screen saver: no X11 display");
        return false;
    }
    int eventBase = 0, errorBase = 0, major = 0, minor = 0;
    // XScreenSaverSuspend came with version 1.1 of the extension.
    if (!XScreenSaverQueryExtension(display, &eventBase, &errorBase) ||
        !XScreenSaverQueryVersion(display, &major, &minor) || major < 1 || (major == 1 && minor < 1)) {
        log::warning("cannot hold off the screen saver: the X server has no MIT-SCREEN-SAVER 1.1 extension");
        return false;
    }
    XScreenSaverSuspend(display, hold ? True : False);
    // DPMS blanking is reset by the server's screen-saver activity, which the
    // suspension stops; a reset now also wakes a screen already dimmed.
    if (hold) XResetScreenSaver(display);
    XFlush(display);
    screenSaverHeld_ = hold;
    log::info(hold ? "screen saver held off (XScreenSaverSuspend)" : "screen saver allowed again");
    return true;
}

}  // namespace engine
