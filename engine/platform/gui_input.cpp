#include "platform/gui_input.h"

#include <imgui.h>
#include <imgui_internal.h>  // the windows of the last frame, for takesPointer

#include <array>
#include <cfloat>
#include <utility>

namespace engine {

GuiInput::GuiInput() {
    ImGuiIO& io = ImGui::GetIO();
    io.BackendPlatformName = "engine";
    io.ConfigFlags |= ImGuiConfigFlags_NavEnableKeyboard;
    const std::array<std::pair<ImGuiKey_, Key>, 21> map = {{
        {ImGuiKey_Tab, Key::Tab}, {ImGuiKey_LeftArrow, Key::Left}, {ImGuiKey_RightArrow, Key::Right},
        {ImGuiKey_UpArrow, Key::Up}, {ImGuiKey_DownArrow, Key::Down}, {ImGuiKey_PageUp, Key::PageUp},
        {ImGuiKey_PageDown, Key::PageDown}, {ImGuiKey_Home, Key::Home}, {ImGuiKey_End, Key::End},
        {ImGuiKey_Insert, Key::Insert}, {ImGuiKey_Delete, Key::Delete}, {ImGuiKey_Backspace, Key::Backspace},
        {ImGuiKey_Space, Key::Space}, {ImGuiKey_Enter, Key::Enter}, {ImGuiKey_Escape, Key::Escape},
        {ImGuiKey_KeyPadEnter, Key::KeypadEnter}, {ImGuiKey_A, Key::A}, {ImGuiKey_C, Key::C}, {ImGuiKey_V, Key::V},
        {ImGuiKey_X, Key::X}, {ImGuiKey_Y, Key::Y},
    }};
    for (const auto& [imguiKey, key] : map) io.KeyMap[imguiKey] = int(key);
    io.KeyMap[ImGuiKey_Z] = int(Key::Z);
}

namespace {
// Whether a window of the last frame drawn lies at `point`, as ImGui's
// hovered-window search sees it in the next NewFrame (1.86's
// FindHoveredWindow: active, shown, taking mouse input, its clipped outer
// rectangle grown by the touch padding, or the resize grips' reach).
bool windowAt(ImVec2 point) {
    const ImGuiContext& g = *ImGui::GetCurrentContext();
    for (const ImGuiWindow* window : g.Windows) {
        if (!window->Active || window->Hidden || (window->Flags & ImGuiWindowFlags_NoMouseInputs)) continue;
        ImRect bounds = window->OuterRectClipped;
        const bool fixedSize = window->Flags & (ImGuiWindowFlags_ChildWindow | ImGuiWindowFlags_NoResize |
                                                ImGuiWindowFlags_AlwaysAutoResize);
        bounds.Expand(fixedSize || !g.IO.ConfigWindowsResizeFromEdges ? g.Style.TouchExtraPadding
                                                                       : g.WindowsHoverPadding);
        if (bounds.Contains(point)) return true;
    }
    return false;
}
}  // namespace

bool GuiInput::takesPointer(const InputEvent& event) const {
    const ImGuiIO& io = ImGui::GetIO();
    if (event.kind != InputEvent::Kind::MouseDown && event.kind != InputEvent::Kind::TouchDown)
        return io.WantCaptureMouse;
    bool buttonHeld = false;
    for (bool down : io.MouseDown) buttonHeld = buttonHeld || down;
    return windowAt(ImVec2(event.position.x, event.position.y)) ||
           ImGui::IsPopupOpen("", ImGuiPopupFlags_AnyPopupId | ImGuiPopupFlags_AnyPopupLevel) ||
           (buttonHeld && io.WantCaptureMouse);
}

void GuiInput::newFrame(std::span<const InputEvent> events, glm::vec2 displaySize, glm::vec2 framebufferScale,
                        float deltaSeconds) {
    ImGuiIO& io = ImGui::GetIO();
    io.DisplaySize = ImVec2(displaySize.x, displaySize.y);
    io.DisplayFramebufferScale = ImVec2(framebufferScale.x, framebufferScale.y);
    io.DeltaTime = deltaSeconds > 0.0f ? deltaSeconds : 1.0f / 60.0f;
    queue_.insert(queue_.end(), events.begin(), events.end());
    if (std::exchange(liftPointer_, false) && !primaryFinger_) io.MousePos = ImVec2(-FLT_MAX, -FLT_MAX);

    std::array<bool, 3> pressedNow{};
    bool touchReleasedNow = false;
    std::array<bool, size_t(Key::Count)> keyPressedNow{};
    // Returns false for an event that must wait for the next frame.
    auto take = [&](const InputEvent& e) {
        switch (e.kind) {
            case InputEvent::Kind::MouseMove: io.MousePos = ImVec2(e.position.x, e.position.y); break;
            case InputEvent::Kind::MouseDown:
                io.MousePos = ImVec2(e.position.x, e.position.y);
                io.MouseDown[int(e.button)] = true;
                pressedNow[size_t(e.button)] = true;
                break;
            case InputEvent::Kind::MouseUp:
                if (pressedNow[size_t(e.button)]) return false;
                io.MousePos = ImVec2(e.position.x, e.position.y);
                io.MouseDown[int(e.button)] = false;
                break;
            case InputEvent::Kind::Scroll:
                io.MouseWheelH += e.scroll.x;
                io.MouseWheel += e.scroll.y;
                break;
            case InputEvent::Kind::KeyDown:
                io.KeysDown[int(e.key)] = true;
                keyPressedNow[size_t(e.key)] = true;
                break;
            case InputEvent::Kind::KeyUp:
                if (keyPressedNow[size_t(e.key)]) return false;
                io.KeysDown[int(e.key)] = false;
                break;
            case InputEvent::Kind::Char: io.AddInputCharacter(e.codepoint); break;
            case InputEvent::Kind::Close: break;
            case InputEvent::Kind::TouchDown:
                if (primaryFinger_) break;                   // a second finger: the 3D view's
                if (touchReleasedNow) return false;          // a new tap waits for the last one's frame
                primaryFinger_ = e.finger;
                io.MousePos = ImVec2(e.position.x, e.position.y);
                io.MouseDown[0] = true;
                pressedNow[0] = true;
                break;
            case InputEvent::Kind::TouchMove:
                if (primaryFinger_ == e.finger) io.MousePos = ImVec2(e.position.x, e.position.y);
                break;
            case InputEvent::Kind::TouchUp:
            case InputEvent::Kind::TouchCancel:
                if (primaryFinger_ != e.finger) break;
                if (pressedNow[0]) return false;
                // A cancelled touch must press nothing: the pointer leaves before the release.
                io.MousePos = e.kind == InputEvent::Kind::TouchUp ? ImVec2(e.position.x, e.position.y)
                                                                  : ImVec2(-FLT_MAX, -FLT_MAX);
                io.MouseDown[0] = false;
                primaryFinger_.reset();
                touchReleasedNow = true;
                liftPointer_ = true;
                break;
        }
        if (e.kind == InputEvent::Kind::KeyDown || e.kind == InputEvent::Kind::KeyUp ||
            e.kind == InputEvent::Kind::MouseDown) {
            io.KeyShift = e.modifiers & modifier::Shift;
            io.KeyCtrl = e.modifiers & modifier::Control;
            io.KeyAlt = e.modifiers & modifier::Alt;
            io.KeySuper = e.modifiers & modifier::Super;
        }
        return true;
    };
    while (!queue_.empty() && take(queue_.front())) queue_.pop_front();
    // Tab alone moves from panel to panel, as Ctrl+Tab does (1.86 keeps
    // plain Tab for text fields); Enter presses the focused button, as Space does.
    if (!io.WantTextInput && io.KeysDown[int(Key::Tab)]) io.KeyCtrl = true;
    if (!io.WantTextInput && (io.KeysDown[int(Key::Enter)] || io.KeysDown[int(Key::KeypadEnter)]))
        io.NavInputs[ImGuiNavInput_Activate] = 1.0f;
}

}  // namespace engine
