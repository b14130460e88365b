// XInput 2.2 touch events on a GLFW window. GLFW 3.3 reads every event of its
// own X connection and drops the XInput ones it does not use (it only asks
// for raw motion), so touch events selected there would never reach us. A
// second connection to the same display selects them on GLFW's window: the
// server sends them on that connection alone, GLFW never sees them, and the
// pointer events the server would otherwise emulate from a touch are no
// longer sent to the window (XI 2.2: a window's touch client gets the touch,
// not its pointer clients), so nothing arrives twice.
#include "platform/window_touch.h"

#include <X11/Xlib.h>
#include <X11/extensions/XInput2.h>

#include <poll.h>
#include <sys/eventfd.h>
#include <unistd.h>

#include <algorithm>
#include <cmath>
#include <cstring>

// GLFW's own X11 accessor (glfw3native.h would also pull in Xrandr's headers).
extern "C" Display* glfwGetX11Display(void);

namespace engine {

struct TouchSource::State {
    Display* display = nullptr;
    int xiOpcode = 0;
    ~State() {
        if (display) XCloseDisplay(display);
    }
};

namespace {
// Errors of the selection request, caught while it is checked (Xlib's
// handler is per process; the previous one is put back at once).
int gSelectionError = 0;
int catchError(Display*, XErrorEvent* error) {
    gSelectionError = error->error_code;
    return 0;
}
// Window::wakeUp's own wake-up for waitWithGlfw (GLFW 3.3.8 wakes its wait
// through a pipe of its own, out of reach): one for the process.
int wakeDescriptor() {
    static const int fd = eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC);
    return fd;
}
}  // namespace

TouchSource::TouchSource(std::unique_ptr<State> state) : state_(std::move(state)) {}
TouchSource::~TouchSource() = default;

std::unique_ptr<TouchSource> TouchSource::open(unsigned long x11Window, std::string& whyNot) {
    Display* glfwDisplay = glfwGetX11Display();
    if (!glfwDisplay || !x11Window) {
        whyNot = "no X11 display";
        return nullptr;
    }
    auto state = std::make_unique<State>();
    state->display = XOpenDisplay(DisplayString(glfwDisplay));
    if (!state->display) {
        whyNot = std::string("cannot open a second connection to ") + DisplayString(glfwDisplay);
        return nullptr;
    }
    int event = 0, error = 0;
    if (!XQueryExtension(state->display, "XInputExtension", &state->xiOpcode, &event, &error)) {
        whyNot = "the X server has no XInput extension";
        return nullptr;
    }
    // Touch events came with XInput 2.2; a client must say it knows 2.2.
    int major = 2, minor = 2;
    if (XIQueryVersion(state->display, &major, &minor) != Success || major < 2 || (major == 2 && minor < 2)) {
        whyNot = "the X server's XInput is older than 2.2 (" + std::to_string(major) + "." + std::to_string(minor) + ")";
        return nullptr;
    }
    unsigned char bits[XIMaskLen(XI_LASTEVENT)];
    std::memset(bits, 0, sizeof bits);
    XIEventMask mask;
    mask.deviceid = XIAllMasterDevices;
    mask.mask_len = sizeof bits;
    mask.mask = bits;
    XISetMask(bits, XI_TouchBegin);  // the server wants all three together
    XISetMask(bits, XI_TouchUpdate);
    XISetMask(bits, XI_TouchEnd);
    XSync(state->display, False);
    gSelectionError = 0;
    auto previous = XSetErrorHandler(catchError);
    XISelectEvents(state->display, ::Window(x11Window), &mask, 1);
    XSync(state->display, False);
    XSetErrorHandler(previous);
    if (gSelectionError != 0) {
        char text[128] = {};
        XGetErrorText(state->display, gSelectionError, text, sizeof text);
        whyNot = std::string("the X server refused touch events on the window: ") + text;
        return nullptr;
    }
    return std::unique_ptr<TouchSource>(new TouchSource(std::move(state)));
}

void TouchSource::waitWithGlfw(double timeoutSeconds) {
    Display* glfwDisplay = glfwGetX11Display();
    // Events already read into either queue would not wake poll().
    if (!glfwDisplay || XPending(glfwDisplay) > 0 || XPending(state_->display) > 0) return;
    pollfd fds[3] = {{ConnectionNumber(glfwDisplay), POLLIN, 0},
                     {ConnectionNumber(state_->display), POLLIN, 0},
                     {wakeDescriptor(), POLLIN, 0}};
    const nfds_t count = fds[2].fd >= 0 ? 3 : 2;
    poll(fds, count, int(std::ceil(std::min(timeoutSeconds, 3600.0) * 1000.0)));
    if (count == 3 && (fds[2].revents & POLLIN)) {
        eventfd_t drained = 0;
        eventfd_read(fds[2].fd, &drained);
    }
}

void TouchSource::wake() {
    if (int fd = wakeDescriptor(); fd >= 0) eventfd_write(fd, 1);
}

void TouchSource::take(std::vector<InputEvent>& out) {
    Display* display = state_->display;
    while (XPending(display) > 0) {
        XEvent event;
        XNextEvent(display, &event);
        XGenericEventCookie* cookie = &event.xcookie;
        if (cookie->type != GenericEvent || cookie->extension != state_->xiOpcode || !XGetEventData(display, cookie))
            continue;
        if (cookie->evtype == XI_TouchBegin || cookie->evtype == XI_TouchUpdate || cookie->evtype == XI_TouchEnd) {
            const auto* touch = static_cast<const XIDeviceEvent*>(cookie->data);
            InputEvent e;
            e.kind = cookie->evtype == XI_TouchBegin    ? InputEvent::Kind::TouchDown
                     : cookie->evtype == XI_TouchUpdate ? InputEvent::Kind::TouchMove
                                                        : InputEvent::Kind::TouchUp;
            e.finger = uint32_t(touch->detail);  // the touch id, unique while it lasts
            e.position = {float(touch->event_x), float(touch->event_y)};  // relative to the window
            out.push_back(e);
        }
        XFreeEventData(display, cookie);
    }
}

}  // namespace engine
