#pragma once
// Feeds a Window's input to Dear ImGui (GLFW backend). Without a window
// (headless), the caller sets ImGuiIO's display size and time itself.
namespace engine {

class Window;

class ImGuiPlatform {
public:
    explicit ImGuiPlatform(Window& window);
    ~ImGuiPlatform();
    ImGuiPlatform(const ImGuiPlatform&) = delete;
    ImGuiPlatform& operator=(const ImGuiPlatform&) = delete;
    void newFrame();
};

}  // namespace engine
