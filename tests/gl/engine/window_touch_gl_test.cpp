// The window's touch source on a real X server (the test suite's Xvfb):
// XInput 2.2 touch events are selected on the window through the window's
// own second connection, and waiting for events still wakes. Xvfb has no
// touch device, so touch points themselves are tested through recordings
// (tests/playback) and the recogniser's unit tests.
#include "platform/window.h"

#include <gtest/gtest.h>
// After gtest: Xlib's macros (None, Status...) would break its headers.
#include <X11/Xlib.h>
#include <X11/extensions/XInput2.h>

#include <chrono>
#include <cstdlib>
#include <cstring>
#include <thread>

namespace {

int gError = 0;
int catchError(Display*, XErrorEvent* error) {
    gError = error->error_code;
    return 0;
}

// Asks for touch events on `window` from a connection of the test's own; the
// X error code (0: granted). XI 2.2 lets one client alone select them.
int selectTouchFromAnotherClient(unsigned long window) {
    Display* display = XOpenDisplay(nullptr);
    if (!display) return -1;
    int major = 2, minor = 2;
    XIQueryVersion(display, &major, &minor);
    unsigned char bits[XIMaskLen(XI_LASTEVENT)];
    std::memset(bits, 0, sizeof bits);
    XISetMask(bits, XI_TouchBegin);
    XISetMask(bits, XI_TouchUpdate);
    XISetMask(bits, XI_TouchEnd);
    XIEventMask mask{XIAllMasterDevices, int(sizeof bits), bits};
    XSync(display, False);
    gError = 0;
    auto previous = XSetErrorHandler(catchError);
    XISelectEvents(display, ::Window(window), &mask, 1);
    XSync(display, False);
    XSetErrorHandler(previous);
    XCloseDisplay(display);
    return gError;
}

engine::WindowDesc hiddenWindow(bool touch) {
    engine::WindowDesc desc;
    desc.width = 320;
    desc.height = 240;
    desc.hidden = true;
    desc.touch = touch;
    return desc;
}

TEST(WindowTouch, TouchEventsAreSelectedOnTheWindowAndHeldByIt) {
    if (!std::getenv("DISPLAY")) GTEST_SKIP() << "needs an X display (the test suite's Xvfb)";
    auto window = engine::Window::open(hiddenWindow(true));
    ASSERT_TRUE(window) << window.error();
    ASSERT_TRUE((*window)->touchInput());
    ASSERT_NE((*window)->x11Window(), 0u);
    // The window's touch connection holds the selection: another client is refused.
    EXPECT_EQ(selectTouchFromAnotherClient((*window)->x11Window()), BadAccess);
}

TEST(WindowTouch, WithoutTouchTheSelectionIsFree) {
    if (!std::getenv("DISPLAY")) GTEST_SKIP() << "needs an X display (the test suite's Xvfb)";
    auto window = engine::Window::open(hiddenWindow(false));
    ASSERT_TRUE(window) << window.error();
    EXPECT_FALSE((*window)->touchInput());
    EXPECT_EQ(selectTouchFromAnotherClient((*window)->x11Window()), 0);
}

TEST(WindowTouch, WaitingOnBothConnectionsStillWakesUp) {
    if (!std::getenv("DISPLAY")) GTEST_SKIP() << "needs an X display (the test suite's Xvfb)";
    auto window = engine::Window::open(hiddenWindow(true));
    ASSERT_TRUE(window) << window.error();
    ASSERT_TRUE((*window)->touchInput());
    (*window)->pollEvents(0.0);  // whatever the window's opening sent
    std::thread waker([] {
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
        engine::Window::wakeUp();
    });
    const auto start = std::chrono::steady_clock::now();
    (*window)->pollEvents(60.0);
    waker.join();
    // Woken long before the minute (the test's own timeout would end a hang).
    EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(30));
}

}  // namespace
