#include "platform/imgui_platform.h"

#include <imgui.h>
#include <backends/imgui_impl_glfw.h>

#include "platform/window.h"

namespace engine {

// The backend chains to the callbacks the Window installed before it.
ImGuiPlatform::ImGuiPlatform(Window& window) { ImGui_ImplGlfw_InitForOpenGL(window.handle(), true); }
ImGuiPlatform::~ImGuiPlatform() { ImGui_ImplGlfw_Shutdown(); }
void ImGuiPlatform::newFrame() { ImGui_ImplGlfw_NewFrame(); }

}  // namespace engine
