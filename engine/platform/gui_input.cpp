#include "platform/gui_input.h"

#include <imgui.h>
#include <backends/imgui_impl_glfw.h>

#include "platform/window.h"

namespace engine {

// The backend chains to the callbacks the Window installed before it.
GuiInput::GuiInput(Window& window) { ImGui_ImplGlfw_InitForOpenGL(window.handle(), true); }
GuiInput::~GuiInput() { ImGui_ImplGlfw_Shutdown(); }
void GuiInput::newFrame() { ImGui_ImplGlfw_NewFrame(); }

}  // namespace engine
