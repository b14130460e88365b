#include "gfx/imgui_renderer.h"

#include <imgui.h>
#include <backends/imgui_impl_opengl3.h>

namespace engine::gfx {

ImGuiRenderer::ImGuiRenderer() { ready_ = ImGui_ImplOpenGL3_Init("#version 330 core"); }

ImGuiRenderer::~ImGuiRenderer() {
    if (ready_) ImGui_ImplOpenGL3_Shutdown();
}

void ImGuiRenderer::newFrame() { ImGui_ImplOpenGL3_NewFrame(); }

void ImGuiRenderer::render(ImDrawData* drawData) {
    if (drawData) ImGui_ImplOpenGL3_RenderDrawData(drawData);
}

}  // namespace engine::gfx
