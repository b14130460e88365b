#pragma once
// Input events, in the engine's own terms (no GLFW code outside
// engine/platform). Where the X server reports a touch screen through
// XInput 2.2, the window sends touch events (one finger id per contact);
// elsewhere a touch screen arrives as a left-button mouse, and gestures that
// need two fingers have keyboard or wheel equivalents.
#include <cstdint>
#include <optional>
#include <string_view>

#include <glm/glm.hpp>

namespace engine {

enum class MouseButton : uint8_t { Left = 0, Right = 1, Middle = 2 };

// The keys an application may use. Letters are the key's position on a US
// keyboard (GLFW's convention): Key::W is Z on an AZERTY keyboard.
enum class Key : uint16_t {
    Unknown = 0,
    Space, Apostrophe, Comma, Minus, Period, Slash, Semicolon, Equal,
    Num0, Num1, Num2, Num3, Num4, Num5, Num6, Num7, Num8, Num9,
    A, B, C, D, E, F, G, H, I, J, K, L, M, N, O, P, Q, R, S, T, U, V, W, X, Y, Z,
    Escape, Enter, Tab, Backspace, Insert, Delete, Right, Left, Down, Up, PageUp, PageDown, Home, End,
    F1, F2, F3, F4, F5, F6, F7, F8, F9, F10, F11, F12,
    KeypadEnter, KeypadAdd, KeypadSubtract,
    LeftShift, RightShift, LeftControl, RightControl, LeftAlt, RightAlt, LeftSuper, RightSuper,
    Count
};

// Modifier bits of InputEvent::modifiers.
namespace modifier {
constexpr uint8_t Shift = 1;
constexpr uint8_t Control = 2;
constexpr uint8_t Alt = 4;
constexpr uint8_t Super = 8;
}  // namespace modifier

struct InputEvent {
    enum class Kind : uint8_t {
        MouseMove, MouseDown, MouseUp, Scroll, KeyDown, KeyUp, Char, Close,
        // A finger touches, moves, lifts; a cancel ends a touch that is no
        // gesture of this window's (another client took it): forget it.
        TouchDown, TouchMove, TouchUp, TouchCancel
    };
    Kind kind = Kind::MouseMove;
    double time = 0.0;         // seconds since the input source started
    glm::vec2 position{0.0f};  // cursor or finger, in window pixels (mouse, scroll and touch events)
    glm::vec2 scroll{0.0f};
    MouseButton button = MouseButton::Left;
    Key key = Key::Unknown;
    uint8_t modifiers = 0;  // modifier:: bits
    uint32_t codepoint = 0;  // Char: a Unicode code point
    uint32_t finger = 0;     // touch events: the contact, unique while it is down
};

inline bool isTouch(InputEvent::Kind kind) {
    return kind == InputEvent::Kind::TouchDown || kind == InputEvent::Kind::TouchMove ||
           kind == InputEvent::Kind::TouchUp || kind == InputEvent::Kind::TouchCancel;
}

// Lower-case names ("a", "escape", "page-up", "keypad-enter"), as the input
// recording format writes them; keyNamed is the inverse (nullopt if unknown).
std::string_view keyName(Key key);
std::optional<Key> keyNamed(std::string_view name);

}  // namespace engine
