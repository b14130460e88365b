#pragma once
// The machine explorer's panels (ImGui): the part tree with the selected
// part's description, the explode and section sliders, and the way back to
// the visit; plus the "Explore the machine" button of a machine's card. They
// draw the session's ExplorerView and return commands; they query nothing.
#include <vector>

#include "i18n/localized_text.h"
#include "session/ui_command.h"
#include "session/ui_view.h"

namespace twin {

// The explorer's panel, top left under the title bar (`top`, pixels).
void buildMachineExplorer(const UiView& view, Language language, float scale, float top, float bottom,
                          std::vector<UiCommand>& commands);

// The card's button that opens the explorer for `machine` (not shown while exploring).
void buildExploreButton(const UiView& view, size_t machine, Language language, std::vector<UiCommand>& commands);

}  // namespace twin
