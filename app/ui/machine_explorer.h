#pragma once
// The machine explorer's panels (ImGui): the part tree with the selected
// part's description, the explode and section sliders, and the way back to
// the visit; plus the "Explore the machine" button of a machine's card. They
// draw the session's ExplorerView and return commands; they query nothing.
#include <string>
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

// A small "Explore" button (a tour stop, a go-to entry); true when pressed.
// `id` tells the buttons of one window apart.
bool buildSmallExploreButton(const std::string& id, Language language);

// Training modules, each with its length and prerequisites (the card, the explorer).
void buildTrainingList(const std::vector<const TrainingModule*>& modules, Language language);

// "7 h", "3,5 h" in French.
std::string trainingLength(float hours, Language language);

}  // namespace twin
