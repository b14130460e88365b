#include "platform/input.h"

#include <array>

namespace engine {
namespace {

constexpr std::array<std::string_view, size_t(Key::Count)> kKeyNames = {
    "unknown",
    "space", "apostrophe", "comma", "minus", "period", "slash", "semicolon", "equal",
    "0", "1", "2", "3", "4", "5", "6", "7", "8", "9",
    "a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k", "l", "m", "n", "o", "p", "q", "r", "s", "t", "u", "v",
    "w", "x", "y", "z",
    "escape", "enter", "tab", "backspace", "insert", "delete", "right", "left", "down", "up", "page-up",
    "page-down", "home", "end",
    "f1", "f2", "f3", "f4", "f5", "f6", "f7", "f8", "f9", "f10", "f11", "f12",
    "keypad-enter", "keypad-add", "keypad-subtract",
    "left-shift", "right-shift", "left-control", "right-control", "left-alt", "right-alt", "left-super",
    "right-super",
};

}  // namespace

std::string_view keyName(Key key) {
    size_t index = size_t(key);
    return index < kKeyNames.size() ? kKeyNames[index] : kKeyNames[0];
}

std::optional<Key> keyNamed(std::string_view name) {
    for (size_t i = 1; i < kKeyNames.size(); ++i)
        if (kKeyNames[i] == name) return Key(i);
    return std::nullopt;
}

}  // namespace engine
