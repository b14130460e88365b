#pragma once
// Feeds a Window's input to Dear ImGui (GLFW backend). Without a window
// (headless), the caller sets ImGuiIO's display size and time itself.
namespace engine {

class Window;

class GuiInput {
public:
    explicit GuiInput(Window& window);
    ~GuiInput();
    GuiInput(const GuiInput&) = delete;
    GuiInput& operator=(const GuiInput&) = delete;
    void newFrame();
};

}  // namespace engine
