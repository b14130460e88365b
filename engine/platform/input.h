#pragma once
// Input events collected from the window between two frames. Touch screens
// arrive as a left-button mouse on most kiosk drivers; gestures that need two
// fingers have keyboard/mouse-wheel equivalents.
#include <vector>

#include <glm/glm.hpp>

namespace engine {

enum class MouseButton { Left = 0, Right = 1, Middle = 2 };

struct InputEvent {
    enum class Kind { MouseMove, MouseDown, MouseUp, Scroll, KeyDown, KeyUp, Char, Resize, Close };
    Kind kind = Kind::MouseMove;
    glm::vec2 position{0.0f};  // cursor, in window pixels (for mouse events)
    glm::vec2 scroll{0.0f};
    MouseButton button = MouseButton::Left;
    int key = 0;        // GLFW key code
    int modifiers = 0;  // GLFW modifier bits
    unsigned int codepoint = 0;
};

}  // namespace engine
