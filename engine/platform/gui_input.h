#pragma once
// Feeds input events to Dear ImGui (1.86: legacy KeysDown/MouseDown arrays),
// the same way for a window and for a recording played back headless, so the
// panels see exactly what the 3D view sees. Also makes the panels usable
// from the keyboard: Tab moves from panel to panel (1.86 wants Ctrl+Tab),
// arrows move from button to button, Space or Enter presses. Touch drives
// ImGui as a mouse: the first finger down is the pointer until it lifts (so
// buttons work by touch); other fingers are the 3D view's. After a lift the
// pointer leaves the window, so nothing stays hovered under a gone finger.
// It also tells, before ImGui sees an event, whether the panels will take it
// (takesPointer): a touch has no hover before its press, so ImGui's own
// answer (WantCaptureMouse, from the last frame's pointer) comes a frame late.
#include <cstdint>
#include <deque>
#include <optional>
#include <span>

#include <glm/glm.hpp>

#include "platform/input.h"

namespace engine {

class GuiInput {
public:
    // Needs the ImGui context to exist; sets its key map.
    GuiInput();

    // Queues `events` and hands ImGui this frame's share of them, with the
    // display size (window pixels), the framebuffer's pixels per window
    // pixel and the time since the last frame. A press and its release in
    // the same frame would be lost to ImGui 1.86 (it samples states once per
    // frame): the release then waits for the next frame.
    void newFrame(std::span<const InputEvent> events, glm::vec2 displaySize, glm::vec2 framebufferScale,
                  float deltaSeconds);
    // Events left for the next frame (the caller should draw one more).
    bool pending() const { return !queue_.empty(); }
    // Whether the panels take `event`, decided before ImGui sees it. A press
    // (a mouse button, a finger down) is theirs where a panel of the last
    // frame drawn lies at its position (panels stay put between frames), or
    // when a popup is open, or while ImGui holds a button pressed on a panel:
    // the answer ImGui gives once the press reaches it, but on the press's
    // own frame. Other events: ImGui's answer of the last frame.
    bool takesPointer(const InputEvent& event) const;

private:
    std::deque<InputEvent> queue_;
    std::optional<uint32_t> primaryFinger_;  // the finger that is ImGui's mouse
    bool liftPointer_ = false;               // a finger lifted last frame: no hover now
};

}  // namespace engine
