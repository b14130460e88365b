#include "ui/machine_explorer.h"

#include <string>

#include <imgui.h>

namespace twin {
namespace {

// The explorer's own words, in both languages.
const LocalizedText kExplore{"Explorer la machine", "Explore the machine"};
const LocalizedText kExplorerTitle{"Explorer", "Explore"};
const LocalizedText kBack{"Retour à la visite", "Back to the visit"};
const LocalizedText kParts{"Pièces", "Parts"};
const LocalizedText kPartsHelp{"Survolez ou touchez une pièce, ici ou sur la machine.",
                               "Hover or tap a part, here or on the machine."};
const LocalizedText kNotInModel{"(absente de la maquette)", "(not in the model)"};
const LocalizedText kExplode{"Vue éclatée", "Exploded view"};
const LocalizedText kSection{"Coupe", "Section"};
const LocalizedText kNoPart{"Aucune pièce choisie.", "No part selected."};
const LocalizedText kSafety{"Sécurité", "Safety"};
const LocalizedText kSafetyRules{"Règles", "Rules"};
const LocalizedText kEquipment{"Équipements de protection", "Protective equipment"};

std::string in(const LocalizedText& text, Language language) { return text.in(language); }

}  // namespace

void buildExploreButton(const UiView& view, size_t machine, Language language, std::vector<UiCommand>& commands) {
    if (view.explorer.active) return;
    ImGui::Spacing();
    ImGui::PushStyleColor(ImGuiCol_Button, ImVec4(0.0f, 0.55f, 0.54f, 1.0f));
    if (ImGui::Button((in(kExplore, language) + "##explore").c_str(), ImVec2(-1.0f, 0.0f)))
        commands.push_back(command::ExploreMachine{machine});
    ImGui::PopStyleColor();
}

void buildMachineExplorer(const UiView& view, Language language, float scale, float top, float bottom,
                          std::vector<UiCommand>& commands) {
    const ExplorerView& e = view.explorer;
    if (!e.active || !e.machine) return;
    const Machine& m = *e.machine;
    ImGuiIO& io = ImGui::GetIO();
    const float pad = 12.0f * scale;
    const float width = std::min(360.0f * scale, io.DisplaySize.x * 0.34f);
    ImGui::SetNextWindowPos(ImVec2(pad, top), ImGuiCond_Always);
    ImGui::SetNextWindowSizeConstraints(ImVec2(width, 0.0f), ImVec2(width, std::max(bottom - top, 100.0f)));
    ImGui::SetNextWindowBgAlpha(0.92f);
    const std::string title = in(kExplorerTitle, language) + " · " + in(m.name, language) + "###explorer";
    if (ImGui::Begin(title.c_str(), nullptr,
                     ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoCollapse | ImGuiWindowFlags_AlwaysAutoResize |
                         ImGuiWindowFlags_NoSavedSettings)) {
        if (ImGui::Button((std::string("\u2190 ") + in(kBack, language) + "##leave").c_str()))
            commands.push_back(command::LeaveExplorer{});

        // Sliders: what each does and its value, inside the slider (one line each).
        auto slider = [&](const LocalizedText& label, const char* id, float value, auto make) {
            ImGui::Spacing();
            ImGui::SetNextItemWidth(-1.0f);
            std::string format;
            for (char c : in(label, language)) format += c == '%' ? std::string("%%") : std::string(1, c);
            format += " · %.0f %%";
            float percent = value * 100.0f;
            if (ImGui::SliderFloat(id, &percent, 0.0f, 100.0f, format.c_str(), ImGuiSliderFlags_AlwaysClamp))
                commands.push_back(make(percent / 100.0f));
        };
        slider(kExplode, "##explode", e.explode, [](float v) -> UiCommand { return command::SetExplode{v}; });
        slider(kSection, "##section", e.section, [](float v) -> UiCommand { return command::SetSection{v}; });

        ImGui::Spacing();
        ImGui::Separator();
        if (e.selectedPart >= 0 && size_t(e.selectedPart) < m.parts.size()) {
            const MachinePart& part = m.parts[size_t(e.selectedPart)];
            ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(1.0f, 0.72f, 0.3f, 1.0f));
            ImGui::TextWrapped("%s", in(part.label, language).c_str());
            ImGui::PopStyleColor();
            if (!part.description.fr.empty() || !part.description.en.empty())
                ImGui::TextWrapped("%s", in(part.description, language).c_str());
        } else {
            ImGui::TextDisabled("%s", in(kNoPart, language).c_str());
        }
        // Safety, folded: the card's rules and equipment, which the explorer's panel replaces.
        if (!m.safetyRules.empty() || !m.protectiveEquipment.empty()) {
            ImGui::Spacing();
            if (ImGui::CollapsingHeader((in(kSafety, language) + "##safety").c_str())) {
                auto list = [&](const LocalizedText& heading, const std::vector<LocalizedText>& items, ImVec4 colour) {
                    if (items.empty()) return;
                    ImGui::PushStyleColor(ImGuiCol_Text, colour);
                    ImGui::TextUnformatted(in(heading, language).c_str());
                    ImGui::PopStyleColor();
                    for (const LocalizedText& item : items) {
                        ImGui::Bullet();
                        ImGui::TextWrapped("%s", in(item, language).c_str());
                    }
                };
                list(kSafetyRules, m.safetyRules, ImVec4(1.0f, 0.75f, 0.3f, 1.0f));
                list(kEquipment, m.protectiveEquipment, ImVec4(0.55f, 0.8f, 1.0f, 1.0f));
            }
        }
        ImGui::Spacing();
        ImGui::Separator();
        ImGui::TextUnformatted(in(kParts, language).c_str());
        ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
        ImGui::TextWrapped("%s", in(kPartsHelp, language).c_str());
        ImGui::PopStyleColor();
        int hovered = -1;
        for (size_t i = 0; i < m.parts.size(); ++i) {
            const bool found = i < e.partFound.size() && e.partFound[i];
            std::string label = in(m.parts[i].label, language);
            if (!found) label += " " + in(kNotInModel, language);
            label += "##part" + std::to_string(i);
            const bool selected = int(i) == e.selectedPart;
            const bool lit = int(i) == e.hoveredPart;
            if (lit && !selected) ImGui::PushStyleColor(ImGuiCol_Header, ImVec4(1.0f, 1.0f, 1.0f, 0.18f));
            if (!found) ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
            if (ImGui::Selectable(label.c_str(), selected || lit))
                commands.push_back(command::SelectPart{selected ? -1 : int(i)});
            if (!found) ImGui::PopStyleColor();
            if (lit && !selected) ImGui::PopStyleColor();
            if (ImGui::IsItemHovered()) hovered = int(i);
        }
        // The tree's hover lights the part in 3D too; leaving the tree hands hover back to the 3D view.
        if (hovered >= 0 && hovered != e.hoveredPart) commands.push_back(command::HoverPart{hovered});
        if (hovered < 0 && ImGui::IsWindowHovered(ImGuiHoveredFlags_AllowWhenBlockedByActiveItem) && e.hoveredPart >= 0)
            commands.push_back(command::HoverPart{-1});

    }
    ImGui::End();
}

}  // namespace twin
