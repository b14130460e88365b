#include "gfx/gui_renderer.h"

#include <imgui.h>
#include <backends/imgui_impl_opengl3.h>

namespace engine::gfx {

#ifdef __EMSCRIPTEN__
GuiRenderer::GuiRenderer() { ready_ = ImGui_ImplOpenGL3_Init("#version 300 es"); }
#else
GuiRenderer::GuiRenderer() { ready_ = ImGui_ImplOpenGL3_Init("#version 330 core"); }
#endif

GuiRenderer::~GuiRenderer() {
    if (ready_) ImGui_ImplOpenGL3_Shutdown();
}

void GuiRenderer::newFrame() { ImGui_ImplOpenGL3_NewFrame(); }

void GuiRenderer::render(ImDrawData* drawData) {
    if (drawData) ImGui_ImplOpenGL3_RenderDrawData(drawData);
}

}  // namespace engine::gfx
