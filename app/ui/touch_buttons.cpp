#include "ui/touch_buttons.h"

#include <algorithm>

#include <imgui.h>

namespace twin {
namespace {
float gMinimumHeight = 0.0f;  // one UI per process, as ImGui's context
}  // namespace

void setMinimumTouchHeight(float pixels) { gMinimumHeight = std::max(0.0f, pixels); }
float minimumTouchHeight() { return gMinimumHeight; }

bool smallButton(const char* label) {
    if (gMinimumHeight <= 0.0f) return ImGui::SmallButton(label);
    return ImGui::Button(label, ImVec2(0.0f, std::max(gMinimumHeight, ImGui::GetFrameHeight())));
}

}  // namespace twin
