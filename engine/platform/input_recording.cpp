#include "platform/input_recording.h"

#include <charconv>
#include <cmath>
#include <cstdio>
#include <set>
#include <system_error>

#include "core/file_util.h"

namespace engine {
namespace {

constexpr size_t kMaxRecordingBytes = 16u << 20;
constexpr double kMaxSeconds = 1e6;     // about 11 days
constexpr float kMaxCoordinate = 1e5f;  // pixels
constexpr double kMaxFinger = 4294967295.0;
constexpr size_t kMaxFingersDown = 20;  // two hands

std::vector<std::string_view> words(std::string_view line) {
    std::vector<std::string_view> out;
    size_t i = 0;
    while (i < line.size()) {
        while (i < line.size() && (line[i] == ' ' || line[i] == '\t' || line[i] == '\r')) ++i;
        size_t start = i;
        while (i < line.size() && line[i] != ' ' && line[i] != '\t' && line[i] != '\r') ++i;
        if (i > start) out.push_back(line.substr(start, i - start));
    }
    return out;
}

bool parseNumber(std::string_view text, double& out) {
    auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), out);
    return error == std::errc() && end == text.data() + text.size() && std::isfinite(out);
}

bool parseCoordinate(std::string_view text, float& out) {
    double value = 0;
    if (!parseNumber(text, value) || std::abs(value) > kMaxCoordinate) return false;
    out = float(value);
    return true;
}

bool parseModifiers(std::string_view text, uint8_t& out) {
    out = 0;
    while (!text.empty()) {
        size_t plus = text.find('+');
        std::string_view name = text.substr(0, plus);
        if (name == "shift") out |= modifier::Shift;
        else if (name == "control") out |= modifier::Control;
        else if (name == "alt") out |= modifier::Alt;
        else if (name == "super") out |= modifier::Super;
        else return false;
        if (plus == std::string_view::npos) break;
        text.remove_prefix(plus + 1);
    }
    return true;
}

std::string modifierText(uint8_t modifiers) {
    std::string text;
    auto add = [&](uint8_t bit, const char* name) {
        if (!(modifiers & bit)) return;
        if (!text.empty()) text += '+';
        text += name;
    };
    add(modifier::Shift, "shift");
    add(modifier::Control, "control");
    add(modifier::Alt, "alt");
    add(modifier::Super, "super");
    return text;
}

const char* buttonName(MouseButton button) {
    switch (button) {
        case MouseButton::Left: return "left";
        case MouseButton::Right: return "right";
        case MouseButton::Middle: return "middle";
    }
    return "left";
}

// Parses the words after the time into `event`; returns what was expected
// when they do not fit.
std::string parseEvent(const std::vector<std::string_view>& w, InputEvent& event) {
    const std::string_view kind = w[1];
    const size_t args = w.size() - 2;
    auto position = [&](size_t first) {
        return parseCoordinate(w[first], event.position.x) && parseCoordinate(w[first + 1], event.position.y);
    };
    if (kind == "move") {
        event.kind = InputEvent::Kind::MouseMove;
        if (args != 2 || !position(2)) return "\"move X Y\" with X and Y in pixels";
    } else if (kind == "down" || kind == "up") {
        event.kind = kind == "down" ? InputEvent::Kind::MouseDown : InputEvent::Kind::MouseUp;
        if (args < 3 || args > 4) return "\"" + std::string(kind) + " BUTTON X Y [MODIFIERS]\"";
        if (w[2] == "left") event.button = MouseButton::Left;
        else if (w[2] == "right") event.button = MouseButton::Right;
        else if (w[2] == "middle") event.button = MouseButton::Middle;
        else return "a button (left, right or middle), got \"" + std::string(w[2]) + "\"";
        if (!position(3)) return "X and Y in pixels after the button";
        if (args == 4 && !parseModifiers(w[5], event.modifiers))
            return "modifiers joined by '+' (shift, control, alt, super), got \"" + std::string(w[5]) + "\"";
    } else if (kind == "scroll") {
        event.kind = InputEvent::Kind::Scroll;
        if (args != 4 || !parseCoordinate(w[2], event.scroll.x) || !parseCoordinate(w[3], event.scroll.y) ||
            !position(4))
            return "\"scroll DX DY X Y\"";
    } else if (kind == "key-down" || kind == "key-up") {
        event.kind = kind == "key-down" ? InputEvent::Kind::KeyDown : InputEvent::Kind::KeyUp;
        if (args < 1 || args > 2) return "\"" + std::string(kind) + " KEY [MODIFIERS]\"";
        auto key = keyNamed(w[2]);
        if (!key) return "a key name (a, escape, page-up, ...), got \"" + std::string(w[2]) + "\"";
        event.key = *key;
        if (args == 2 && !parseModifiers(w[3], event.modifiers))
            return "modifiers joined by '+' (shift, control, alt, super), got \"" + std::string(w[3]) + "\"";
    } else if (kind == "char") {
        event.kind = InputEvent::Kind::Char;
        double code = 0;
        if (args != 1 || !parseNumber(w[2], code) || code < 32 || code > 0x10FFFF || code != std::floor(code))
            return "\"char N\" with N a printable Unicode code point";
        event.codepoint = uint32_t(code);
    } else if (kind == "touch-down" || kind == "touch-move" || kind == "touch-up" || kind == "touch-cancel") {
        event.kind = kind == "touch-down"   ? InputEvent::Kind::TouchDown
                     : kind == "touch-move" ? InputEvent::Kind::TouchMove
                     : kind == "touch-up"   ? InputEvent::Kind::TouchUp
                                            : InputEvent::Kind::TouchCancel;
        if (args != 3) return "\"" + std::string(kind) + " FINGER X Y\" (3 fields after the event)";
        double finger = 0;
        if (!parseNumber(w[2], finger) || finger < 0 || finger > kMaxFinger || finger != std::floor(finger))
            return "the finger id (field 3) as a whole number 0 to 4294967295, got \"" + std::string(w[2]) + "\"";
        event.finger = uint32_t(finger);
        if (!parseCoordinate(w[3], event.position.x))
            return "X (field 4) in pixels, got \"" + std::string(w[3]) + "\"";
        if (!parseCoordinate(w[4], event.position.y))
            return "Y (field 5) in pixels, got \"" + std::string(w[4]) + "\"";
    } else if (kind == "close") {
        event.kind = InputEvent::Kind::Close;
        if (args != 0) return "nothing after \"close\"";
    } else {
        return "an event (move, down, up, scroll, key-down, key-up, char, touch-down, touch-move, touch-up, "
               "touch-cancel, close), got \"" + std::string(kind) + "\"";
    }
    return {};
}

}  // namespace

std::string formatInputEvent(const InputEvent& e) {
    char head[48];
    std::snprintf(head, sizeof head, "%.3f ", e.time);
    char body[160];
    auto mods = [&] { return e.modifiers ? " " + modifierText(e.modifiers) : std::string(); };
    switch (e.kind) {
        case InputEvent::Kind::MouseMove:
            std::snprintf(body, sizeof body, "move %.1f %.1f", e.position.x, e.position.y);
            break;
        case InputEvent::Kind::MouseDown:
        case InputEvent::Kind::MouseUp:
            std::snprintf(body, sizeof body, "%s %s %.1f %.1f%s", e.kind == InputEvent::Kind::MouseDown ? "down" : "up",
                          buttonName(e.button), e.position.x, e.position.y, mods().c_str());
            break;
        case InputEvent::Kind::Scroll:
            std::snprintf(body, sizeof body, "scroll %g %g %.1f %.1f", e.scroll.x, e.scroll.y, e.position.x,
                          e.position.y);
            break;
        case InputEvent::Kind::KeyDown:
        case InputEvent::Kind::KeyUp:
            std::snprintf(body, sizeof body, "%s %s%s", e.kind == InputEvent::Kind::KeyDown ? "key-down" : "key-up",
                          std::string(keyName(e.key)).c_str(), mods().c_str());
            break;
        case InputEvent::Kind::Char: std::snprintf(body, sizeof body, "char %u", e.codepoint); break;
        case InputEvent::Kind::Close: std::snprintf(body, sizeof body, "close"); break;
        case InputEvent::Kind::TouchDown:
        case InputEvent::Kind::TouchMove:
        case InputEvent::Kind::TouchUp:
        case InputEvent::Kind::TouchCancel: {
            const char* name = e.kind == InputEvent::Kind::TouchDown   ? "touch-down"
                               : e.kind == InputEvent::Kind::TouchMove ? "touch-move"
                               : e.kind == InputEvent::Kind::TouchUp   ? "touch-up"
                                                                       : "touch-cancel";
            std::snprintf(body, sizeof body, "%s %u %.1f %.1f", name, e.finger, e.position.x, e.position.y);
            break;
        }
    }
    return std::string(head) + body;
}

Result<std::vector<InputEvent>> parseInputRecording(std::string_view text, const std::string& source) {
    std::vector<InputEvent> events;
    double lastTime = 0.0;
    size_t lineNumber = 0;
    std::set<uint32_t> fingersDown;  // a touch's lines must follow one another: down, moves, up or cancel
    while (!text.empty()) {
        ++lineNumber;
        size_t newline = text.find('\n');
        std::string_view line = text.substr(0, newline);
        text.remove_prefix(newline == std::string_view::npos ? text.size() : newline + 1);
        auto fail = [&](const std::string& expected) {
            return makeError(source + ":" + std::to_string(lineNumber) + ": expected " + expected);
        };
        std::vector<std::string_view> w = words(line);
        if (w.empty() || w[0].front() == '#') continue;
        InputEvent event;
        if (!parseNumber(w[0], event.time) || event.time < 0.0 || event.time > kMaxSeconds)
            return fail("a time in seconds (0 to 1000000) first, got \"" + std::string(w[0]) + "\"");
        if (event.time < lastTime)
            return fail("times that never decrease (" + std::string(w[0]) + " comes after " +
                        std::to_string(lastTime) + ")");
        if (w.size() < 2) return fail("an event after the time");
        if (std::string expected = parseEvent(w, event); !expected.empty()) return fail(expected);
        if (isTouch(event.kind)) {
            const std::string finger = std::to_string(event.finger);
            const bool down = fingersDown.count(event.finger) > 0;
            if (event.kind == InputEvent::Kind::TouchDown) {
                if (down) return fail("a finger id (field 3) not already down: finger " + finger + " is down");
                if (fingersDown.size() >= kMaxFingersDown)
                    return fail("at most " + std::to_string(kMaxFingersDown) + " fingers down at once");
                fingersDown.insert(event.finger);
            } else if (!down) {
                return fail("a finger id (field 3) that is down: finger " + finger + " has no touch-down before");
            } else if (event.kind != InputEvent::Kind::TouchMove) {
                fingersDown.erase(event.finger);
            }
        }
        lastTime = event.time;
        events.push_back(event);
    }
    return events;
}

Result<std::vector<InputEvent>> readInputRecording(const std::filesystem::path& file) {
    std::error_code error;
    const auto size = std::filesystem::file_size(file, error);
    if (error) return makeError("cannot read the input recording \"" + file.string() + "\": " + error.message());
    if (size > kMaxRecordingBytes)
        return makeError("the input recording \"" + file.string() + "\" is over 16 MiB");
    auto text = readTextFile(file);
    if (!text) return makeError(text.error());
    return parseInputRecording(*text, file.string());
}

}  // namespace engine
