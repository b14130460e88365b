#pragma once
// The panels' small buttons, as tall as a finger needs where the shell asks
// for it (a kiosk: at least 48 px), else ImGui's small buttons. ImGui only.
namespace twin {

// 0: ordinary small buttons; else their least height in pixels.
void setMinimumTouchHeight(float pixels);
float minimumTouchHeight();
bool smallButton(const char* label);

}  // namespace twin
