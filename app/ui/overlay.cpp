#include "ui/overlay.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <filesystem>

#include <imgui.h>

#include "core/log.h"
#include "ui/machine_explorer.h"
#include "ui/link_code.h"
#include "ui/touch_buttons.h"

namespace twin {
namespace {
// Latin-1 plus what French typography uses beyond it: œ Œ Ÿ, dashes, curly
// quotes, ellipsis, narrow no-break space, euro sign.
const ImWchar kGlyphRanges[] = {0x0020, 0x00FF, 0x0152, 0x0153, 0x0178, 0x0178, 0x2010, 0x2027,
                                0x202F, 0x202F, 0x20AC, 0x20AC, 0x2190, 0x2193, 0x2212, 0x2212, 0};  // + arrows, minus

const char* kFontCandidates[] = {
    "/usr/share/fonts/opentype/inter/Inter-Regular.otf",
    "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
};

constexpr float kWalkPadHeight = 200.0f;  // the walk arrows: three rows of 56 px and padding

std::string megabytes(size_t bytes) {
    char text[32];
    std::snprintf(text, sizeof text, "%.0f MiB", double(bytes) / (1024.0 * 1024.0));
    return text;
}

void applyStyle(float scale) {
    ImGuiStyle& style = ImGui::GetStyle();
    ImGui::StyleColorsDark(&style);
    style.WindowRounding = 8.0f;
    style.FrameRounding = 5.0f;
    style.GrabRounding = 5.0f;
    style.WindowBorderSize = 0.0f;
    style.WindowPadding = ImVec2(14, 12);
    style.FramePadding = ImVec2(10, 6);
    style.ItemSpacing = ImVec2(10, 8);
    ImVec4* c = style.Colors;
    c[ImGuiCol_WindowBg] = ImVec4(0.09f, 0.11f, 0.14f, 0.88f);
    c[ImGuiCol_TitleBgActive] = ImVec4(0.11f, 0.30f, 0.52f, 1.0f);
    c[ImGuiCol_Button] = ImVec4(0.16f, 0.40f, 0.68f, 1.0f);
    c[ImGuiCol_ButtonHovered] = ImVec4(0.22f, 0.50f, 0.80f, 1.0f);
    c[ImGuiCol_CheckMark] = ImVec4(0.45f, 0.78f, 1.0f, 1.0f);
    c[ImGuiCol_PlotLines] = ImVec4(0.45f, 0.78f, 1.0f, 1.0f);
    style.ScaleAllSizes(scale);
}
}  // namespace

Overlay::Overlay(float uiScale) : scale_(std::max(1.0f, uiScale)) {
    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;  // a kiosk must start the same way every time
    ImFontConfig config;
    config.OversampleH = 2;
    ImFont* font = nullptr;
    for (const char* candidate : kFontCandidates) {
        if (!std::filesystem::exists(candidate)) continue;
        font = io.Fonts->AddFontFromFileTTF(candidate, 17.0f * scale_, &config, kGlyphRanges);
        // Subtitles are read from a few steps away: a larger size, rasterised
        // as such rather than scaled up (which blurs).
        if (font) subtitleFont_ = io.Fonts->AddFontFromFileTTF(candidate, 24.0f * scale_, &config, kGlyphRanges);
        if (font) break;
    }
    frenchGlyphs_ = font != nullptr;
    if (!font) {
        engine::log::warning(
            "no UI font with French accents found (install fonts-inter or fonts-dejavu-core); using ImGui's default");
        ImFontConfig fallback;
        fallback.SizePixels = 13.0f * scale_;
        io.Fonts->AddFontDefault(&fallback);
    }
    applyStyle(scale_);
}

Overlay::~Overlay() { ImGui::DestroyContext(); }

UiCapture Overlay::capture(const engine::InputEvent& event, const engine::GuiInput& input) const {
    const ImGuiIO& io = ImGui::GetIO();
    return {input.takesPointer(event), io.WantTextInput, io.NavVisible};
}

void Overlay::recordFrameTime(float ms) {
    frameTimes_.push_back(ms);
    if (frameTimes_.size() > 120) frameTimes_.erase(frameTimes_.begin());
}

void Overlay::nextButton(const char* label) {
    if (!compact_) {
        ImGui::SameLine();
        return;
    }
    const ImGuiStyle& style = ImGui::GetStyle();
    const float width = ImGui::CalcTextSize(label).x + 2.0f * style.FramePadding.x;
    const float right = ImGui::GetWindowPos().x + ImGui::GetWindowContentRegionMax().x;
    if (ImGui::GetItemRectMax().x + style.ItemSpacing.x + width <= right) ImGui::SameLine();
}

// The compact layout's bar: floors, tours, platforms, each a sheet that
// opens above it (pressed again, it closes).
void Overlay::buildSheetBar(const UiView& model) {
    ImGuiIO& io = ImGui::GetIO();
    const float pad = 12.0f * scale_;
    ImGui::SetNextWindowPos(ImVec2(pad, io.DisplaySize.y - pad), ImGuiCond_Always, ImVec2(0.0f, 1.0f));
    ImGui::SetNextWindowSize(ImVec2(io.DisplaySize.x - 2.0f * pad, 0.0f));
    ImGui::SetNextWindowBgAlpha(0.85f);
    ImGui::Begin("##sheets", nullptr, ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                                          ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoSavedSettings);
    struct Choice {
        Sheet sheet;
        LocalizedText label;
        bool shown;
    };
    const Choice choices[] = {
        {Sheet::Floors, {"Étages", "Floors"}, !model.floors.empty() && !model.tour.active},
        {Sheet::Tours, {"Visites", "Tours"}, !model.tours.empty() && !model.walking},
        {Sheet::Platforms, {"Plateformes", "Platforms"}, model.liveData},
    };
    int shown = 0;
    for (const Choice& c : choices) shown += c.shown ? 1 : 0;
    const float spacing = ImGui::GetStyle().ItemSpacing.x;
    const float width = (ImGui::GetContentRegionAvail().x - spacing * float(std::max(0, shown - 1))) / float(std::max(1, shown));
    bool first = true;
    for (const Choice& c : choices) {
        if (!c.shown) continue;
        if (!first) ImGui::SameLine();
        first = false;
        const bool open = sheet_ == c.sheet;
        if (open) ImGui::PushStyleColor(ImGuiCol_Button, ImVec4(0.0f, 0.64f, 0.63f, 1.0f));
        if (ImGui::Button(c.label.in(language_).c_str(), ImVec2(width, 0.0f))) sheet_ = open ? Sheet::None : c.sheet;
        if (open) ImGui::PopStyleColor();
    }
    sheetBottom_ = ImGui::GetWindowPos().y - pad;
    ImGui::End();
}

void Overlay::build(const UiView& model, std::vector<UiCommand>& commands) {
    ImGuiIO& io = ImGui::GetIO();
    const float pad = 12.0f * scale_;
    language_ = model.language;
    // A phone held upright: everything in one column, panels as bottom sheets.
    compact_ = io.DisplaySize.y > io.DisplaySize.x * 1.2f && io.DisplaySize.x < 720.0f * scale_;
    if (!compact_) sheet_ = Sheet::None;
    {
        // Panels stop above the help line (or the tour player, about as tall).
        // The tour player: a title, up to three lines of large subtitles, the
        // progress bar and its buttons.
        float lines = model.tour.active ? 9.0f : 1.0f;
        helpTop_ = io.DisplaySize.y - pad - ImGui::GetTextLineHeight() * lines - 2.0f * ImGui::GetStyle().WindowPadding.y;
    }
    drawLabels(model);
    if (model.youAreHere) {
        // "You are here": a disc with the view direction, on the plan.
        ImDrawList* draw = ImGui::GetBackgroundDrawList();
        ImVec2 at(model.youAreHere->x, model.youAreHere->y);
        glm::vec2 f = model.youAreFacing, side(-f.y, f.x);
        float r = 9.0f * scale_;
        draw->AddTriangleFilled(ImVec2(at.x + f.x * r * 2.4f, at.y + f.y * r * 2.4f),
                                ImVec2(at.x + side.x * r * 0.9f, at.y + side.y * r * 0.9f),
                                ImVec2(at.x - side.x * r * 0.9f, at.y - side.y * r * 0.9f), IM_COL32(230, 60, 40, 220));
        draw->AddCircleFilled(at, r, IM_COL32(230, 60, 40, 255));
        draw->AddCircle(at, r, IM_COL32(255, 255, 255, 255), 0, 2.0f * scale_);
        std::string here(tr(Text::YouAreHere, language_));
        draw->AddText(ImVec2(at.x + r * 1.6f, at.y - r * 2.2f), IM_COL32(255, 255, 255, 255), here.c_str());
    }
    // Title, top left. It has the keyboard focus at start; Ctrl+Tab goes
    // from panel to panel, arrows from button to button, Space presses.
    ImGui::SetNextWindowPos(ImVec2(pad, pad));
    if (compact_)
        ImGui::SetNextWindowSizeConstraints(ImVec2(io.DisplaySize.x - 2.0f * pad, 0.0f),
                                            ImVec2(io.DisplaySize.x - 2.0f * pad, FLT_MAX));
    ImGui::SetNextWindowBgAlpha(0.75f);
    ImGui::Begin("##title", nullptr,
                 ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoSavedSettings |
                     ImGuiWindowFlags_NoMove);
    ImGui::TextUnformatted("Twin Tour");
    if (!model.title.empty()) {
        ImGui::SameLine();
        ImGui::TextDisabled("·");
        ImGui::SameLine();
        ImGui::TextUnformatted(model.title.c_str());
    }
    // Presenting (a kiosk's attract loop), the bar shows what and when, no controls.
    if (!model.presenting) {
        if (smallButton(std::string(tr(Text::Language, language_)).c_str()))
            commands.push_back(command::SetLanguage{language_ == Language::French ? Language::English : Language::French});
        nextButton(std::string(tr(Text::ResetView, language_)).c_str());
        if (smallButton(std::string(tr(Text::ResetView, language_)).c_str())) commands.push_back(command::ResetView{});
        if (!model.walking) {
            // Zoom for touch screens, where there is no wheel (GLFW 3.3 has no pinch).
            nextButton(" + ");
            if (smallButton(" + ")) commands.push_back(command::Zoom{1});
            nextButton(" − ");
            if (smallButton(" − ")) commands.push_back(command::Zoom{-1});
        }
        nextButton(std::string(tr(Text::Statistics, language_)).c_str());
        if (smallButton(std::string(tr(Text::Statistics, language_)).c_str()))
            commands.push_back(command::ToggleStatistics{});
        nextButton(std::string(tr(Text::About, language_)).c_str());
        if (smallButton(std::string(tr(Text::About, language_)).c_str())) commands.push_back(command::ToggleAbout{});
        if (model.liveData) {
            nextButton(std::string(tr(Text::Legend, language_)).c_str());
            if (smallButton(std::string(tr(Text::Legend, language_)).c_str()))
                commands.push_back(command::ToggleLegend{});
        }
        if (model.walkAvailable) {
            nextButton(std::string(tr(model.walking ? Text::Overview : Text::Walk, language_)).c_str());
            ImGui::PushStyleColor(ImGuiCol_Button, ImVec4(0.0f, 0.55f, 0.54f, 1.0f));
            if (smallButton(std::string(tr(model.walking ? Text::Overview : Text::Walk, language_)).c_str()))
                commands.push_back(command::ToggleWalk{});
            ImGui::PopStyleColor();
        }
    }
    if (model.liveData)
        livePanels_.buildDataRow(model.live, language_, scale_, commands, !model.presenting,
                                 compact_ ? ImGui::GetContentRegionAvail().x : 0.0f);
    titleRight_ = ImGui::GetWindowPos().x + ImGui::GetWindowSize().x;
    titleBottom_ = ImGui::GetWindowPos().y + ImGui::GetWindowSize().y;
    ImGui::End();

    if (model.aboutVisible) buildAbout(model.about, commands);
    floorsBottom_ = titleBottom_;
    // Compact: one sheet at a time, and none while a card is open (a card is one).
    const bool cardOpen = model.machine || model.live.platform;
    if (compact_) {
        buildSheetBar(model);
        sheetTop_ = std::max(titleBottom_ + pad, io.DisplaySize.y * 0.45f);
    }
    const bool floorsShown = !compact_ || (sheet_ == Sheet::Floors && !cardOpen);
    const bool toursShown = !compact_ || (sheet_ == Sheet::Tours && !cardOpen);
    if (model.explorer.active)
        buildMachineExplorer(model, language_, scale_, titleBottom_ + pad, io.DisplaySize.y - 80.0f * scale_, commands);
    else if (!model.floors.empty() && !model.tour.active && floorsShown)
        buildFloors(model, commands);
    if (model.walking) buildWalkPad(model, commands);
    if (model.machine && !model.explorer.active) buildMachineCard(model, commands);  // the explorer has its own panel
    if (model.tour.active)
        buildTourPlayer(model, commands);
    else if (!model.tours.empty() && !model.walking && !model.explorer.active && toursShown)
        buildTourList(model, commands);

    if (model.statsVisible) buildStats(model, commands);
    buildMessages(model, commands);

    if (model.loading) {
        ImGui::SetNextWindowPos(ImVec2(io.DisplaySize.x * 0.5f, io.DisplaySize.y * 0.5f), ImGuiCond_Always,
                                ImVec2(0.5f, 0.5f));
        ImGui::Begin("##loading", nullptr,
                     ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoNav);
        ImGui::TextUnformatted(std::string(tr(Text::Loading, language_)).c_str());
        ImGui::End();
    }

    // Help line, bottom centre.
    std::string help(tr(model.plan ? Text::PlanHelp : model.walking ? Text::WalkHelp : Text::HelpText, language_));
    ImVec2 size = ImGui::CalcTextSize(help.c_str());
    ImGui::SetNextWindowPos(ImVec2(io.DisplaySize.x * 0.5f, io.DisplaySize.y - pad), ImGuiCond_Always,
                            ImVec2(0.5f, 1.0f));
    ImGui::SetNextWindowBgAlpha(0.55f);
    if (!model.tour.active && !compact_ && size.x + 40 * scale_ < io.DisplaySize.x) {
        ImGui::Begin("##help", nullptr,
                     ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoInputs |
                         ImGuiWindowFlags_NoNav);
        ImGui::TextUnformatted(help.c_str());
        ImGui::End();
    }
    if (model.liveData) {
        LiveLayout layout{rightColumnTop(model), helpTop_};
        // Walking, the on-screen arrows take the bottom right corner.
        if (model.walking) layout.bottom -= kWalkPadHeight * scale_;
        if (!compact_) {
            livePanels_.build(model.live, layout, language_, scale_, commands);
        } else {
            // The platforms and a platform's card as a bottom sheet.
            LiveLayout sheet{sheetTop_, sheetBottom_ + pad, true};
            LiveView live = model.live;
            live.showPlatformColumn = live.showPlatformColumn && sheet_ == Sheet::Platforms && !model.machine;
            livePanels_.build(live, sheet, language_, scale_, commands);
        }
    }
    // The title bar has the keyboard at start (panels created after it
    // would take it): Tab goes from panel to panel, arrows from button to
    // button, Space or Enter presses.
    if (!titleFocused_) {
        ImGui::SetWindowFocus("##title");
        titleFocused_ = true;
    }
}

float Overlay::rightColumnTop(const UiView& view) const {
    const ImGuiIO& io = ImGui::GetIO();
    const float pad = 12.0f * scale_;
    if (view.statsVisible) return io.DisplaySize.y * 0.5f;
    // On a narrow screen the title bar reaches the right column: start below it.
    const float columnWidth = std::min(420.0f * scale_, io.DisplaySize.x * 0.45f);
    if (titleRight_ + pad > io.DisplaySize.x - pad - columnWidth) return titleBottom_ + pad;
    return pad;
}

void Overlay::buildStats(const UiView& model, std::vector<UiCommand>& commands) {
    ImGuiIO& io = ImGui::GetIO();
    const float pad = 12.0f * scale_;
    // Top right; below the title bar when the screen is too narrow for both.
    float width = 300.0f * scale_;
    float top = io.DisplaySize.x - pad - width < titleRight_ + pad ? titleBottom_ + pad : pad;
    ImGui::SetNextWindowPos(ImVec2(io.DisplaySize.x - pad, top), ImGuiCond_Always, ImVec2(1.0f, 0.0f));
    ImGui::SetNextWindowSize(ImVec2(width, 0.0f));
    std::string title = std::string(tr(Text::Statistics, language_)) + "###stats";
    bool open = true;
    if (!ImGui::Begin(title.c_str(), &open, ImGuiWindowFlags_NoResize | ImGuiWindowFlags_NoMove)) {
        ImGui::End();
        if (!open) commands.push_back(command::ToggleStatistics{});
        return;
    }
    const FrameFigures& f = model.figures;
    auto row = [](std::string_view label, const std::string& value) {
        ImGui::TextDisabled("%.*s", int(label.size()), label.data());
        ImGui::SameLine(ImGui::GetWindowWidth() * 0.5f);
        ImGui::TextUnformatted(value.c_str());
    };
    char text[64];
    std::snprintf(text, sizeof text, "%.1f ms", f.frameMs);
    row(tr(Text::FrameTime, language_), text);
    if (!frameTimes_.empty())
        ImGui::PlotLines("##frametimes", frameTimes_.data(), int(frameTimes_.size()), 0, nullptr, 0.0f, 50.0f,
                         ImVec2(-1, 40.0f * scale_));
    std::snprintf(text, sizeof text, "%zu", f.triangles);
    row(tr(Text::Triangles, language_), text);
    std::snprintf(text, sizeof text, "%d", f.drawCalls);
    row(tr(Text::DrawCalls, language_), text);
    std::snprintf(text, sizeof text, "%d / %d", f.visibleInstances, f.visibleInstances + f.culledInstances);
    row("Instances", text);
    row(tr(Text::Memory, language_), megabytes(f.residentBytes));
    row(tr(Text::GpuMemory, language_), megabytes(f.gpuBytes));
    if (f.rejectedMessages) {
        row(tr(Text::Rejected, language_), std::to_string(*f.rejectedMessages));
        for (const std::string& reason : f.recentRejections) ImGui::TextDisabled("%s", reason.c_str());
    }
    ImGui::Separator();
    ImGui::TextDisabled("%s", f.renderer.c_str());
    RenderToggles toggles = model.toggles;
    bool changed = ImGui::Checkbox(std::string(tr(Text::Shadows, language_)).c_str(), &toggles.shadows);
    changed |= ImGui::Checkbox(std::string(tr(Text::Antialiasing, language_)).c_str(), &toggles.antialiasing);
    changed |= ImGui::Checkbox(std::string(tr(Text::Ground, language_)).c_str(), &toggles.ground);
    if (changed) commands.push_back(command::SetRenderToggles{toggles});
    ImGui::End();
    if (!open) commands.push_back(command::ToggleStatistics{});
}

// The floor selector: the whole building, or one floor with those above it
// cut away. Highest floor first, as in a lift.
void Overlay::buildFloors(const UiView& model, std::vector<UiCommand>& commands) {
    const float pad = 12.0f * scale_;
    ImGui::SetNextWindowPos(ImVec2(pad, titleBottom_ + pad));
    // As wide as the longest floor name, so full-width buttons are not clipped.
    float widest = ImGui::CalcTextSize(std::string(tr(Text::WholeBuilding, language_)).c_str()).x;
    for (const LocalizedText& name : model.floors)
        widest = std::max(widest, ImGui::CalcTextSize(name.in(language_).c_str()).x);
    ImGuiStyle& style = ImGui::GetStyle();
    ImGui::SetNextWindowSize(ImVec2(widest + 2.0f * (style.WindowPadding.x + style.FramePadding.x) + 4.0f, 0.0f));
    if (compact_) {
        ImGui::SetNextWindowPos(ImVec2(pad, sheetTop_));
        ImGui::SetNextWindowSize(ImVec2(ImGui::GetIO().DisplaySize.x - 2.0f * pad, 0.0f));
    }
    ImGui::SetNextWindowBgAlpha(0.8f);
    ImGui::Begin("##floors", nullptr, ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove);
    ImGui::TextDisabled("%s", std::string(tr(Text::Floors, language_)).c_str());
    auto choice = [&](const std::string& label, int index) {
        bool selected = model.selectedFloor == index;
        if (selected) ImGui::PushStyleColor(ImGuiCol_Button, ImVec4(0.0f, 0.64f, 0.63f, 1.0f));
        if (ImGui::Button(label.c_str(), ImVec2(-1.0f, 0.0f)) && !selected)
            commands.push_back(command::ChooseFloor{index});
        if (selected) ImGui::PopStyleColor();
    };
    choice(std::string(tr(Text::WholeBuilding, language_)) + "##all", -1);
    if (model.selectedFloor >= 0) {
        bool plan = model.plan;
        if (ImGui::Checkbox(std::string(tr(Text::FloorPlan, language_)).c_str(), &plan))
            commands.push_back(command::TogglePlan{});
    }
    for (int i = int(model.floors.size()) - 1; i >= 0; --i) {
        const LocalizedText& name = model.floors[size_t(i)];
        choice(name.in(language_) + "##floor" + std::to_string(i), i);
    }
    floorsBottom_ = ImGui::GetWindowPos().y + ImGui::GetWindowSize().y;
    ImGui::End();
}

// The tours of the scene, each with its length; choosing one starts it.
void Overlay::buildTourList(const UiView& model, std::vector<UiCommand>& commands) {
    const float pad = 12.0f * scale_;
    ImGui::SetNextWindowPos(ImVec2(pad, floorsBottom_ + pad));
    if (compact_) {
        const float width = ImGui::GetIO().DisplaySize.x - 2.0f * pad;
        ImGui::SetNextWindowPos(ImVec2(pad, sheetTop_));
        ImGui::SetNextWindowSizeConstraints(ImVec2(width, 0.0f), ImVec2(width, std::max(100.0f, sheetBottom_ - sheetTop_)));
    }
    ImGui::SetNextWindowBgAlpha(0.8f);
    ImGui::Begin("##tours", nullptr,
                 ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoMove);
    // "Go to": every platform, then every machine; choosing one flies there.
    if (!model.platformNames.empty()) {
        ImGui::SetNextItemWidth(-1.0f);
        if (ImGui::BeginCombo("##goto", std::string(tr(Text::GoTo, language_)).c_str())) {
            auto name = [&](const LocalizedText& t) { return t.in(language_); };
            for (size_t i = 0; i < model.platformNames.size(); ++i)
                if (ImGui::Selectable((name(model.platformNames[i]) + "##p" + std::to_string(i)).c_str()))
                    commands.push_back(command::GoToPlatform{i});
            ImGui::Separator();
            ImGui::TextDisabled("%s", std::string(tr(Text::Machines, language_)).c_str());
            // Each machine: fly there, or straight into its explorer.
            const float explore = ImGui::CalcTextSize(language_ == Language::French ? "Explorer" : "Explore").x +
                                  2.0f * ImGui::GetStyle().FramePadding.x + ImGui::GetStyle().ItemSpacing.x;
            for (size_t i = 0; i < model.machineNames.size(); ++i) {
                const float row = std::max(ImGui::GetContentRegionAvail().x - explore, 40.0f * scale_);
                if (ImGui::Selectable((name(model.machineNames[i]) + "##m" + std::to_string(i)).c_str(), false, 0,
                                      ImVec2(row, 0.0f)))
                    commands.push_back(command::GoToMachine{i});
                ImGui::SameLine();
                if (buildSmallExploreButton("gotoexplore" + std::to_string(i), language_)) {
                    commands.push_back(command::ExploreMachine{i});
                    ImGui::CloseCurrentPopup();
                }
            }
            ImGui::EndCombo();
        }
    }
    ImGui::TextDisabled("%s", std::string(tr(Text::GuidedTours, language_)).c_str());
    for (size_t i = 0; i < model.tours.size(); ++i) {
        const TourChoice& t = model.tours[i];
        char label[256];
        std::snprintf(label, sizeof label, "%s  (%.0f %s)##tour%zu",
                      t.title.in(language_).c_str(), std::ceil(t.seconds / 60.0f - 0.25f),  // 4 min 20 s reads "5 min", 4 min 5 s "4 min"
                      std::string(tr(Text::Minutes, language_)).c_str(), i);
        if (ImGui::Button(label)) commands.push_back(command::StartTour{i});
    }
    bool reduced = model.reducedMotion;
    if (ImGui::Checkbox(std::string(tr(Text::ReducedMotion, language_)).c_str(), &reduced))
        commands.push_back(command::SetReducedMotion{reduced});
    ImGui::End();
}

// While a tour plays: its narration as a subtitle, progress and controls,
// bottom centre, large enough to read at kiosk distance.
void Overlay::buildTourPlayer(const UiView& model, std::vector<UiCommand>& commands) {
    ImGuiIO& io = ImGui::GetIO();
    const TourView& tour = model.tour;
    const float pad = 12.0f * scale_;
    float width = std::min(io.DisplaySize.x - 2.0f * pad, 900.0f * scale_);
    // A kiosk's visit has its large "home" button bottom right: the controls
    // stay clear of it (the attract loop shows no controls and no button).
    if (minimumTouchHeight() > 0.0f && !model.presenting)
        width = std::min(width, io.DisplaySize.x - 2.0f * (pad + 130.0f * scale_));
    ImGui::SetNextWindowPos(ImVec2(io.DisplaySize.x * 0.5f, io.DisplaySize.y - pad), ImGuiCond_Always,
                            ImVec2(0.5f, 1.0f));
    ImGui::SetNextWindowSize(ImVec2(width, 0.0f));
    ImGui::SetNextWindowBgAlpha(0.88f);
    ImGui::Begin("##tourplayer", nullptr, ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove);
    const std::string& title = tour.title.in(language_);
    ImGui::TextDisabled("%s · %s %d / %d", title.c_str(), std::string(tr(Text::Stop, language_)).c_str(),
                        tour.stop + 1, tour.stopCount);
    if (subtitleFont_) ImGui::PushFont(subtitleFont_);
    ImGui::TextWrapped("%s", tour.narration.in(language_).c_str());
    if (subtitleFont_) ImGui::PopFont();
    ImGui::PushStyleColor(ImGuiCol_PlotHistogram, ImVec4(0.0f, 0.64f, 0.63f, 1.0f));
    ImGui::ProgressBar(tour.progress, ImVec2(-1.0f, 6.0f * scale_), "");
    ImGui::PopStyleColor();
    if (!model.presenting) {
        // On a kiosk as tall as a finger needs (the visit's own buttons are).
        const ImVec2 size(0.0f, std::max(minimumTouchHeight(), ImGui::GetFrameHeight()));
        if (ImGui::Button(std::string(tr(Text::Previous, language_)).c_str(), size))
            commands.push_back(command::PreviousStop{});
        ImGui::SameLine();
        if (ImGui::Button(std::string(tr(tour.paused ? Text::Play : Text::Pause, language_)).c_str(), size))
            commands.push_back(command::PlayPauseTour{});
        ImGui::SameLine();
        if (ImGui::Button(std::string(tr(Text::Next, language_)).c_str(), size)) commands.push_back(command::NextStop{});
        ImGui::SameLine();
        // A toggle, teal while on: the narration spoken in the visit's language.
        static const LocalizedText kReadAloud{"Lire à voix haute", "Read aloud"};
        if (tour.readAloud) ImGui::PushStyleColor(ImGuiCol_Button, ImVec4(0.0f, 0.55f, 0.54f, 1.0f));
        if (ImGui::Button((kReadAloud.in(language_) + "##readaloud").c_str(), size))
            commands.push_back(command::SetReadAloud{!tour.readAloud});
        if (tour.readAloud) ImGui::PopStyleColor();
        // A stop at a machine: its explorer (which ends the tour).
        if (tour.machine >= 0) {
            ImGui::SameLine();
            ImGui::PushStyleColor(ImGuiCol_Button, ImVec4(0.0f, 0.55f, 0.54f, 1.0f));
            if (ImGui::Button(language_ == Language::French ? "Explorer la machine##tourexplore"
                                                            : "Explore the machine##tourexplore", size))
                commands.push_back(command::ExploreMachine{size_t(tour.machine)});
            ImGui::PopStyleColor();
        }
        ImGui::SameLine(ImGui::GetWindowWidth() - ImGui::CalcTextSize(std::string(tr(Text::EndTour, language_)).c_str()).x -
                        2.0f * ImGui::GetStyle().FramePadding.x - ImGui::GetStyle().WindowPadding.x);
        if (ImGui::Button(std::string(tr(Text::EndTour, language_)).c_str(), size)) commands.push_back(command::EndTour{});
    }
    ImGui::End();
}

// A machine's card, for learners: what it is, its figures, its safety rules
// and protective equipment, what training does with it, its named parts.
void Overlay::buildMachineCard(const UiView& model, std::vector<UiCommand>& commands) {
    ImGuiIO& io = ImGui::GetIO();
    const Machine& m = *model.machine;
    auto text = [&](const LocalizedText& t) { return t.in(language_); };
    const float pad = 12.0f * scale_;
    float width = std::min(420.0f * scale_, io.DisplaySize.x * 0.45f);
    float top = rightColumnTop(model);
    ImGui::SetNextWindowPos(ImVec2(io.DisplaySize.x - pad, top), ImGuiCond_Always, ImVec2(1.0f, 0.0f));
    // Above the help line, or above the tour player while a tour plays.
    const float bottom = model.tour.active ? helpTop_ - pad : io.DisplaySize.y - 80.0f * scale_;
    ImGui::SetNextWindowSizeConstraints(ImVec2(width, 0.0f), ImVec2(width, bottom - top));
    if (compact_) {  // a bottom sheet
        const float sheetWidth = io.DisplaySize.x - 2.0f * pad;
        ImGui::SetNextWindowPos(ImVec2(pad, sheetTop_), ImGuiCond_Always, ImVec2(0.0f, 0.0f));
        ImGui::SetNextWindowSizeConstraints(ImVec2(sheetWidth, 0.0f),
                                            ImVec2(sheetWidth, std::max(100.0f, sheetBottom_ - sheetTop_)));
    }
    ImGui::SetNextWindowBgAlpha(0.92f);
    std::string title = text(m.name) + "###machine";
    bool open = true;
    if (ImGui::Begin(title.c_str(), &open, ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoCollapse |
                                               ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoSavedSettings)) {
        if (model.machinePlatform)
            // French puts a (narrow no-break) space before the colon, English none.
            ImGui::TextDisabled(language_ == Language::English ? "%s: %s" : "%s\u202F: %s",
                                std::string(tr(Text::Platform, language_)).c_str(),
                                text(model.machinePlatform->name).c_str());
        // The machine explorer, first: seen without scrolling.
        if (model.machineIndex >= 0) buildExploreButton(model, size_t(model.machineIndex), language_, commands);
        // The phone's QR code: on a kiosk, seen without scrolling; else after the training it leads to.
        const bool touchFirst = minimumTouchHeight() > 0.0f;
        if (m.link && touchFirst) buildLinkCode(*m.link, language_, scale_);
        if (model.liveData) livePanels_.buildMachineSection(model.live, m, language_, scale_, width);
        auto section = [&](Text heading, const std::vector<LocalizedText>& items, ImVec4 colour) {
            if (items.empty()) return;
            ImGui::Spacing();
            ImGui::PushStyleColor(ImGuiCol_Text, colour);
            ImGui::TextUnformatted(std::string(tr(heading, language_)).c_str());
            ImGui::PopStyleColor();
            for (const LocalizedText& item : items) {
                ImGui::Bullet();
                ImGui::TextWrapped("%s", text(item).c_str());
            }
        };
        if (!m.specifications.empty()) {
            ImGui::Spacing();
            ImGui::TextUnformatted(std::string(tr(Text::Specifications, language_)).c_str());
            // Values in a column at 45 % of the card (a phone's bottom sheet is
            // wider than `width`); a label too long for its column puts its
            // value under it rather than over it.
            const float valueAt = ImGui::GetWindowWidth() * 0.45f;
            for (const Specification& spec : m.specifications) {
                ImGui::TextDisabled("%s", text(spec.label).c_str());
                const bool fits =
                    ImGui::GetItemRectMax().x + ImGui::GetStyle().ItemSpacing.x <= ImGui::GetWindowPos().x + valueAt;
                if (fits) {
                    ImGui::SameLine(valueAt);
                    ImGui::TextWrapped("%s", text(spec.value).c_str());
                } else {
                    ImGui::Indent(valueAt * 0.25f);
                    ImGui::TextWrapped("%s", text(spec.value).c_str());
                    ImGui::Unindent(valueAt * 0.25f);
                }
            }
        }
        // Safety in amber, protective equipment in blue: colour plus a heading, never colour alone.
        section(Text::Safety, m.safetyRules, ImVec4(1.0f, 0.75f, 0.3f, 1.0f));
        section(Text::ProtectiveEquipment, m.protectiveEquipment, ImVec4(0.55f, 0.8f, 1.0f, 1.0f));
        // The scene's training modules that use it, with length and prerequisites
        // (a scene without modules may still list them on the machine, as plain texts).
        if (!model.machineTraining.empty()) {
            ImGui::Spacing();
            ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(0.5f, 0.9f, 0.75f, 1.0f));
            ImGui::TextUnformatted(std::string(tr(Text::Training, language_)).c_str());
            ImGui::PopStyleColor();
            buildTrainingList(model.machineTraining, language_);
        } else {
            section(Text::Training, m.trainingModules, ImVec4(0.5f, 0.9f, 0.75f, 1.0f));
        }
        if (m.link && !touchFirst) buildLinkCode(*m.link, language_, scale_);
        if (!m.parts.empty()) {
            ImGui::Spacing();
            if (ImGui::CollapsingHeader(std::string(tr(Text::Parts, language_)).c_str())) {
                for (const MachinePart& part : m.parts) {
                    ImGui::Bullet();
                    ImGui::TextWrapped("%s — %s", text(part.label).c_str(), text(part.description).c_str());
                }
            }
        }
    }
    ImGui::End();
    if (!open) commands.push_back(command::CloseMachineCard{});
}

// Names of platforms and machines in the 3D view, behind the panels: a
// dark plate with light text (readable on any background), machines in the
// brand teal; each label is skipped when it would overlap one already placed.
void Overlay::drawLabels(const UiView& model) {
    ImDrawList* draw = ImGui::GetBackgroundDrawList();
    std::vector<ImVec4> placed;  // x0, y0, x1, y1
    const float padX = 7.0f * scale_, padY = 3.0f * scale_;
    for (const ScreenLabel& label : model.labels) {
        const std::string& text = label.text.in(language_);
        ImVec2 size = ImGui::CalcTextSize(text.c_str());
        ImVec2 min(label.position.x - size.x * 0.5f - padX, label.position.y - size.y - 2.0f * padY);
        ImVec2 max(label.position.x + size.x * 0.5f + padX, label.position.y);
        bool overlaps = std::any_of(placed.begin(), placed.end(), [&](const ImVec4& r) {
            return min.x < r.z && max.x > r.x && min.y < r.w && max.y > r.y;
        });
        if (overlaps) continue;
        placed.push_back(ImVec4(min.x, min.y, max.x, max.y));
        int alpha = int(255.0f * label.opacity);
        ImU32 plate = label.machine ? IM_COL32(0, 110, 108, int(0.85f * float(alpha)))
                                    : IM_COL32(18, 24, 32, int(0.8f * float(alpha)));
        draw->AddRectFilled(min, max, plate, 5.0f * scale_);
        draw->AddText(ImVec2(min.x + padX, min.y + padY), IM_COL32(255, 255, 255, alpha), text.c_str());
    }
}

// On-screen arrows for walking on a touch screen: held, they walk or turn.
void Overlay::buildWalkPad(const UiView& model, std::vector<UiCommand>& commands) {
    ImGuiIO& io = ImGui::GetIO();
    const float pad = 12.0f * scale_;
    const float size = 56.0f * scale_;
    // Above the help line, bottom right; arrows in the large font.
    ImGui::SetNextWindowPos(ImVec2(io.DisplaySize.x - pad, io.DisplaySize.y - 80.0f * scale_), ImGuiCond_Always,
                            ImVec2(1.0f, 1.0f));
    ImGui::SetNextWindowBgAlpha(0.6f);
    ImGui::Begin("##walkpad", nullptr,
                 ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoMove);
    if (subtitleFont_) ImGui::PushFont(subtitleFont_);
    glm::vec2 held(0.0f);
    auto arrow = [&](const char* label, glm::vec2 direction) {
        ImGui::Button(label, ImVec2(size, size));
        if (ImGui::IsItemActive()) held += direction;
    };
    ImGui::Dummy(ImVec2(size, size));
    ImGui::SameLine();
    arrow("\u2191##forward", {0.0f, 1.0f});
    ImGui::Dummy(ImVec2(0, 0));
    arrow("\u2190##left", {-1.0f, 0.0f});
    ImGui::SameLine();
    arrow("\u2193##back", {0.0f, -1.0f});
    ImGui::SameLine();
    arrow("\u2192##right", {1.0f, 0.0f});
    if (subtitleFont_) ImGui::PopFont();
    ImGui::End();
    commands.push_back(command::HoldWalkPad{held});
}

void Overlay::buildAbout(const LocalizedText& about, std::vector<UiCommand>& commands) {
    ImGuiIO& io = ImGui::GetIO();
    ImGui::SetNextWindowPos(ImVec2(io.DisplaySize.x * 0.5f, io.DisplaySize.y * 0.5f), ImGuiCond_Always,
                            ImVec2(0.5f, 0.5f));
    ImGui::SetNextWindowSize(ImVec2(std::min(560.0f * scale_, io.DisplaySize.x - 40.0f), 0.0f));
    std::string title = std::string(tr(Text::About, language_)) + " — Twin Tour###about";
    bool open = true;
    if (ImGui::Begin(title.c_str(), &open, ImGuiWindowFlags_NoResize | ImGuiWindowFlags_NoMove |
                                               ImGuiWindowFlags_NoCollapse | ImGuiWindowFlags_NoSavedSettings)) {
        const std::string text = about.empty() ? std::string(tr(Text::AboutApp, language_)) : about.in(language_);
        ImGui::TextWrapped("%s", text.c_str());
        ImGui::Spacing();
        if (ImGui::Button(std::string(tr(Text::Close, language_)).c_str())) open = false;
    }
    ImGui::End();
    if (!open) commands.push_back(command::ToggleAbout{});
}

void Overlay::buildMessages(const UiView& model, std::vector<UiCommand>& commands) {
    if ((model.errors.empty() && model.warnings.empty()) || model.messagesDismissed) return;
    ImGuiIO& io = ImGui::GetIO();
    const float pad = 12.0f * scale_;
    ImGui::SetNextWindowPos(ImVec2(pad, io.DisplaySize.y - 60.0f * scale_), ImGuiCond_Always, ImVec2(0.0f, 1.0f));
    ImGui::SetNextWindowSizeConstraints(ImVec2(200 * scale_, 0), ImVec2(io.DisplaySize.x - 2 * pad, io.DisplaySize.y * 0.4f));
    ImGui::SetNextWindowBgAlpha(0.92f);
    ImGui::Begin("##messages", nullptr, ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_AlwaysAutoResize);
    for (const std::string& e : model.errors) {
        ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(1.0f, 0.55f, 0.45f, 1.0f));
        ImGui::TextWrapped("%s: %s", std::string(tr(Text::LoadFailed, language_)).c_str(), e.c_str());
        ImGui::PopStyleColor();
    }
    if (!model.warnings.empty()) {
        std::string header = std::string(tr(Text::Warnings, language_)) + " (" + std::to_string(model.warnings.size()) + ")";
        if (ImGui::CollapsingHeader(header.c_str()))
            for (const std::string& w : model.warnings) ImGui::BulletText("%s", w.c_str());
    }
    if (ImGui::Button(std::string(tr(Text::Close, language_)).c_str())) commands.push_back(command::DismissMessages{});
    ImGui::End();
}

}  // namespace twin
