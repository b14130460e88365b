#pragma once
// Touch points for a GLFW window under X11 (GLFW 3.3 has no touch API, glfw
// issue 42): XInput 2.2 touch events, selected on the window's X id through
// a second connection to the same display. Private to engine/platform; the
// window hands its events out with the others.
#include <memory>
#include <string>
#include <vector>

#include "platform/input.h"

namespace engine {

class TouchSource {
public:
    // Selects touch events on the X window `x11Window` of the display GLFW
    // opened. Null, with `whyNot` set, where there is no X11 display, no
    // XInput 2.2, or the server refuses the selection.
    static std::unique_ptr<TouchSource> open(unsigned long x11Window, std::string& whyNot);
    ~TouchSource();
    TouchSource(const TouchSource&) = delete;
    TouchSource& operator=(const TouchSource&) = delete;

    // Waits up to `timeoutSeconds` for an event on GLFW's connection or this
    // one, or for wake(). (GLFW's own wait watches only its connection and
    // its private pipe for glfwPostEmptyEvent, which this cannot see.)
    void waitWithGlfw(double timeoutSeconds);
    // Ends a waitWithGlfw (any thread).
    static void wake();
    // Reads what has arrived and appends it as Touch* events (window pixels).
    void take(std::vector<InputEvent>& out);

private:
    struct State;
    explicit TouchSource(std::unique_ptr<State> state);
    std::unique_ptr<State> state_;
};

}  // namespace engine
