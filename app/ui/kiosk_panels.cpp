#include "ui/kiosk_panels.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <string>

#include <imgui.h>

#include "ui/touch_buttons.h"

namespace twin {
namespace {
using kiosk::KioskCommand;
namespace kc = kiosk::command;

// The kiosk's visitor-facing texts, in both languages.
const LocalizedText kTouchToExplore{"Touchez l'écran pour explorer", "Touch the screen to explore"};
const LocalizedText kWelcome{"Bienvenue à Twin", "Welcome to Twin"};
const LocalizedText kWelcomeLine{"Découvrez le bâtiment, ses plateformes et ses machines, en direct.",
                             "Discover the building, its platforms and its machines, live."};
const LocalizedText kTours{"Visites guidées", "Guided tours"};
const LocalizedText kPlatforms{"Plateformes", "Platforms"};
const LocalizedText kMachines{"Machines", "Machines"};
const LocalizedText kExplore{"Explorer librement", "Explore freely"};
const LocalizedText kOtherLanguage{"English", "Français"};
const LocalizedText kLargeText{"Texte agrandi", "Larger text"};
const LocalizedText kHighContrast{"Contraste élevé", "High contrast"};
const LocalizedText kHome{"Accueil", "Home"};
const LocalizedText kMinutes{"min", "min"};
const LocalizedText kPinTitle{"Code administrateur", "Administrator PIN"};
const LocalizedText kPinWrong{"Code incorrect.", "Wrong PIN."};
const LocalizedText kPinWait{"Nouvel essai possible dans %.0f s.", "Try again in %.0f s."};
const LocalizedText kPinNone{"Aucun code n'est défini (kiosk.adminPinHash).", "No PIN is set (kiosk.adminPinHash)."};
const LocalizedText kErase{"Effacer", "Erase"};
const LocalizedText kCancel{"Annuler", "Cancel"};
const LocalizedText kAdmin{"Administration du kiosque", "Kiosk administration"};
const LocalizedText kExit{"Quitter le kiosque", "Exit the kiosk"};
const LocalizedText kRestart{"Relancer la boucle d'accueil", "Restart the attract loop"};
const LocalizedText kDefaultLanguage{"Langue par défaut", "Default language"};
const LocalizedText kData{"Données", "Data"};
const LocalizedText kClose{"Fermer", "Close"};
const LocalizedText kStatistics{"Statistiques (anonymes)", "Statistics (anonymous)"};
const LocalizedText kToday{"Aujourd'hui", "Today"};
const LocalizedText kAllTime{"Depuis le début", "All time"};
const LocalizedText kVisits{"visites", "visits"};
const LocalizedText kMeanLength{"durée moyenne", "mean length"};
const LocalizedText kToursLine{"visites guidées commencées / finies", "tours started / finished"};
const LocalizedText kCards{"fiches ouvertes", "cards opened"};
const LocalizedText kNoStatistics{"Pas de statistiques (fichier indisponible).", "No statistics (file unavailable)."};

const char* kFontCandidates[] = {
    "/usr/share/fonts/opentype/inter/Inter-Regular.otf",
    "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
};
const ImWchar kGlyphRanges[] = {0x0020, 0x00FF, 0x0152, 0x0153, 0x0178, 0x0178, 0x2010, 0x2027, 0x202F, 0x202F,
                                0x20AC, 0x20AC, 0x2190, 0x2193, 0x2212, 0x2212, 0};

const ImGuiWindowFlags kPanel = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoSavedSettings |
                                ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoNav;

std::string connectionText(const UiView& view, Language l) {
    if (!view.liveData) return l == Language::English ? "no live data" : "pas de données en direct";
    switch (view.live.connection) {
        case feeds::Connection::Replay: return l == Language::English ? "replay of a typical week" : "rejeu d'une semaine type";
        case feeds::Connection::Connecting: return l == Language::English ? "MQTT: connecting" : "MQTT : connexion";
        case feeds::Connection::Connected: return l == Language::English ? "MQTT: connected" : "MQTT : connecté";
        case feeds::Connection::Offline: return l == Language::English ? "MQTT: offline" : "MQTT : hors ligne";
    }
    return "";
}

// A touch button `width` wide; a label too long for it (larger text, a long
// title) is wrapped onto more lines and the button grows to hold them.
// "##id" suffixes are kept. True when pressed.
bool touchButton(const char* label, float width, float height) {
    std::string text(label), id;
    if (size_t hash = text.find("##"); hash != std::string::npos) {
        id = text.substr(hash);
        text.resize(hash);
    }
    const float room = width - 2.0f * ImGui::GetStyle().FramePadding.x;
    std::string wrapped, line;
    int lines = 1;
    size_t start = 0;
    while (start <= text.size()) {
        size_t end = text.find_first_of(" \n", start);
        if (end == std::string::npos) end = text.size();
        const std::string word = text.substr(start, end - start);
        const std::string candidate = line.empty() ? word : line + " " + word;
        if (!line.empty() && ImGui::CalcTextSize(candidate.c_str()).x > room) {
            wrapped += line + "\n";
            ++lines;
            line = word;
        } else {
            line = candidate;
        }
        if (end < text.size() && text[end] == '\n') {
            wrapped += line + "\n";
            ++lines;
            line.clear();
        }
        start = end + 1;
    }
    wrapped += line;
    const float needed = lines * ImGui::GetTextLineHeight() + 2.0f * ImGui::GetStyle().FramePadding.y;
    return ImGui::Button((wrapped + id).c_str(), ImVec2(width, std::max(height, needed)));
}

// A toggle drawn as a large button that shows its state.
bool touchToggle(const std::string& label, bool on, float width, float height) {
    if (on) ImGui::PushStyleColor(ImGuiCol_Button, ImVec4(0.05f, 0.55f, 0.35f, 1.0f));
    const std::string text = std::string(on ? "\xE2\x80\xA2 " : "") + label;  // a bullet when on
    const bool pressed = ImGui::Button(text.c_str(), ImVec2(width, height));
    if (on) ImGui::PopStyleColor();
    return pressed;
}
}  // namespace

float KioskPanels::touchHeight() const { return std::max(48.0f, std::round(34.0f * scale_)); }

void KioskPanels::addFonts(float uiScale) {
    scale_ = uiScale;
    ImGuiIO& io = ImGui::GetIO();
    ImFontConfig config;
    config.OversampleH = 2;
    for (const char* candidate : kFontCandidates) {
        if (!std::filesystem::exists(candidate)) continue;
        large_ = io.Fonts->AddFontFromFileTTF(candidate, 24.0f * scale_, &config, kGlyphRanges);
        huge_ = io.Fonts->AddFontFromFileTTF(candidate, 38.0f * scale_, &config, kGlyphRanges);
        if (large_ && huge_) break;
    }
}

void KioskPanels::prepare(const kiosk::KioskView& kiosk) {
    ImGuiIO& io = ImGui::GetIO();
    io.FontGlobalScale = kiosk.largeText ? 1.3f : 1.0f;
    // The visit's own small buttons too are finger-sized on a kiosk.
    setMinimumTouchHeight(touchHeight());
    if (kiosk.highContrast != contrastApplied_) {
        // High contrast: opaque black panels, white text, yellow outlines.
        static ImVec4 saved[ImGuiCol_COUNT];
        ImVec4* c = ImGui::GetStyle().Colors;
        if (kiosk.highContrast) {
            std::copy(c, c + ImGuiCol_COUNT, saved);
            c[ImGuiCol_WindowBg] = ImVec4(0, 0, 0, 1);
            c[ImGuiCol_ChildBg] = ImVec4(0, 0, 0, 1);
            c[ImGuiCol_Text] = ImVec4(1, 1, 1, 1);
            c[ImGuiCol_TextDisabled] = ImVec4(0.9f, 0.9f, 0.9f, 1);
            c[ImGuiCol_Button] = ImVec4(0.0f, 0.0f, 0.0f, 1);
            c[ImGuiCol_ButtonHovered] = ImVec4(0.25f, 0.25f, 0.0f, 1);
            c[ImGuiCol_ButtonActive] = ImVec4(0.45f, 0.45f, 0.0f, 1);
            c[ImGuiCol_Border] = ImVec4(1.0f, 0.92f, 0.0f, 1);
            ImGui::GetStyle().FrameBorderSize = std::max(2.0f, 2.0f * scale_);
            ImGui::GetStyle().WindowBorderSize = std::max(2.0f, 2.0f * scale_);
        } else {
            std::copy(saved, saved + ImGuiCol_COUNT, c);
            ImGui::GetStyle().FrameBorderSize = 0.0f;
            ImGui::GetStyle().WindowBorderSize = 0.0f;
        }
        contrastApplied_ = kiosk.highContrast;
    }
}

void KioskPanels::build(const kiosk::KioskView& kiosk, const UiView& view, std::vector<UiCommand>& ui,
                        std::vector<KioskCommand>& out) {
    (void)ui;
    switch (kiosk.screen) {
        case kiosk::Screen::Attract: buildAttract(view); break;
        case kiosk::Screen::Home: buildHome(kiosk, view, out); break;
        case kiosk::Screen::Visit: buildHomeButton(view.language, out); break;
        case kiosk::Screen::PinPad: buildPinPad(kiosk, view.language, out); break;
        case kiosk::Screen::Admin: buildAdmin(kiosk, view, out); break;
    }
}

// The attract loop: a large bilingual invitation in the lower third, over
// the playing tour and the live data.
void KioskPanels::buildAttract(const UiView& view) {
    (void)view;
    const ImGuiIO& io = ImGui::GetIO();
    ImGui::SetNextWindowPos(ImVec2(io.DisplaySize.x * 0.5f, io.DisplaySize.y * 0.42f), ImGuiCond_Always,
                            ImVec2(0.5f, 0.5f));
    ImGui::SetNextWindowBgAlpha(0.82f);
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(40.0f * scale_, 24.0f * scale_));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowRounding, 18.0f * scale_);
    ImGui::Begin("##kiosk-attract", nullptr, kPanel | ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoInputs);
    // A gentle pulse so the screen reads as alive from across a hall.
    const float pulse = 0.80f + 0.20f * std::sin(float(ImGui::GetTime()) * 2.0f);
    auto centred = [](const char* text) {
        const float width = ImGui::CalcTextSize(text).x;
        const float avail = ImGui::GetContentRegionAvail().x;
        if (avail > width) ImGui::SetCursorPosX(ImGui::GetCursorPosX() + (avail - width) * 0.5f);
        ImGui::TextUnformatted(text);
    };
    if (huge_) ImGui::PushFont(huge_);
    ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(1.0f, 1.0f, 1.0f, pulse));
    centred(kTouchToExplore.fr.c_str());
    ImGui::PopStyleColor();
    if (huge_) ImGui::PopFont();
    if (large_) ImGui::PushFont(large_);
    ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(0.62f, 0.84f, 1.0f, 1.0f));
    centred(kTouchToExplore.en.c_str());
    ImGui::PopStyleColor();
    if (large_) ImGui::PopFont();
    ImGui::End();
    ImGui::PopStyleVar(2);
}

// The home screen: the tours, the platforms, the machines in three columns;
// free exploring, the language and the accessibility toggles along the
// bottom, in reach from a wheelchair.
void KioskPanels::buildHome(const kiosk::KioskView& kiosk, const UiView& view, std::vector<KioskCommand>& out) {
    const ImGuiIO& io = ImGui::GetIO();
    const Language l = view.language;
    const float margin = std::round(io.DisplaySize.y * 0.04f);
    const float touch = touchHeight();
    ImGui::SetNextWindowPos(ImVec2(margin, margin));
    ImGui::SetNextWindowSize(ImVec2(io.DisplaySize.x - 2 * margin, io.DisplaySize.y - 2 * margin));
    ImGui::SetNextWindowBgAlpha(kiosk.highContrast ? 1.0f : 0.90f);
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(28.0f * scale_, 20.0f * scale_));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowRounding, 14.0f * scale_);
    ImGui::Begin("##kiosk-home", nullptr, kPanel);
    if (large_) ImGui::PushFont(huge_ ? huge_ : large_);
    ImGui::TextUnformatted(kWelcome.in(l).c_str());
    if (large_) ImGui::PopFont();
    ImGui::TextWrapped("%s", kWelcomeLine.in(l).c_str());
    ImGui::Spacing();

    const ImGuiStyle& style = ImGui::GetStyle();
    const float bottomRow = touch * 1.25f + style.ItemSpacing.y * 2;
    const float columnsHeight = ImGui::GetContentRegionAvail().y - bottomRow - style.ItemSpacing.y;
    const float columnWidth = (ImGui::GetContentRegionAvail().x - 2 * style.ItemSpacing.x * 2) / 3.0f;
    // The tours' long titles get the widest column.
    auto column = [&](const char* id, const char* heading, float share, auto&& body) {
        ImGui::BeginChild(id, ImVec2(columnWidth * share, columnsHeight), false, ImGuiWindowFlags_NoNav);
        if (large_) ImGui::PushFont(large_);
        ImGui::TextUnformatted(heading);
        if (large_) ImGui::PopFont();
        ImGui::Separator();
        body(ImGui::GetContentRegionAvail().x - style.ScrollbarSize);
        ImGui::EndChild();
    };
    column("##tours", kTours.in(l).c_str(), 1.2f, [&](float width) {
        // Two lines (title, length): left-aligned, so both lines start together.
        ImGui::PushStyleVar(ImGuiStyleVar_ButtonTextAlign, ImVec2(0.0f, 0.5f));
        for (size_t i = 0; i < view.tours.size(); ++i) {
            char label[256];
            std::snprintf(label, sizeof label, "%s\n%.0f %s##tour%zu", view.tours[i].title.in(l).c_str(),
                          std::max(1.0f, std::ceil(view.tours[i].seconds / 60.0f - 0.25f))  /* as the tour list rounds */, kMinutes.in(l).c_str(), i);
            if (touchButton(label, width, touch * 1.7f)) out.push_back(kc::ChooseTour{i});
        }
        ImGui::PopStyleVar();
    });
    ImGui::SameLine(0, style.ItemSpacing.x * 2);
    column("##platforms", kPlatforms.in(l).c_str(), 0.9f, [&](float width) {
        for (size_t i = 0; i < view.platformNames.size(); ++i) {
            std::string label = view.platformNames[i].in(l) + "##platform" + std::to_string(i);
            if (touchButton(label.c_str(), width, touch)) out.push_back(kc::ChoosePlatform{i});
        }
    });
    ImGui::SameLine(0, style.ItemSpacing.x * 2);
    column("##machines", kMachines.in(l).c_str(), 0.9f, [&](float width) {
        for (size_t i = 0; i < view.machineNames.size(); ++i) {
            std::string label = view.machineNames[i].in(l) + "##machine" + std::to_string(i);
            if (touchButton(label.c_str(), width, touch)) out.push_back(kc::ChooseMachine{i});
        }
    });

    // The bottom row.
    ImGui::Spacing();
    const float rowWidth = ImGui::GetContentRegionAvail().x;
    const float small = (rowWidth - 3 * style.ItemSpacing.x * 2) / 5.0f;
    ImGui::PushStyleColor(ImGuiCol_Button, ImVec4(0.85f, 0.42f, 0.05f, 1.0f));
    ImGui::PushStyleColor(ImGuiCol_ButtonHovered, ImVec4(0.95f, 0.52f, 0.10f, 1.0f));
    if (large_) ImGui::PushFont(large_);
    if (touchButton(kExplore.in(l).c_str(), small * 2, touch * 1.25f)) out.push_back(kc::Explore{});
    if (large_) ImGui::PopFont();
    ImGui::PopStyleColor(2);
    ImGui::SameLine(0, style.ItemSpacing.x * 2);
    if (touchButton(kOtherLanguage.in(l).c_str(), small, touch * 1.25f))
        out.push_back(kc::SetLanguage{l == Language::French ? Language::English : Language::French});
    ImGui::SameLine(0, style.ItemSpacing.x * 2);
    if (touchToggle(kLargeText.in(l).c_str(), kiosk.largeText, small, touch * 1.25f))
        out.push_back(kc::SetLargeText{!kiosk.largeText});
    ImGui::SameLine(0, style.ItemSpacing.x * 2);
    if (touchToggle(kHighContrast.in(l).c_str(), kiosk.highContrast, small, touch * 1.25f))
        out.push_back(kc::SetHighContrast{!kiosk.highContrast});
    ImGui::End();
    ImGui::PopStyleVar(2);
}

void KioskPanels::buildHomeButton(Language l, std::vector<KioskCommand>& out) {
    const ImGuiIO& io = ImGui::GetIO();
    const float touch = touchHeight();
    const float margin = 12.0f * scale_;
    // Bottom right, under the live panels, clear of the tour list (left), the
    // tour player and the help line (centre).
    ImGui::SetNextWindowPos(ImVec2(io.DisplaySize.x - margin, io.DisplaySize.y - margin), ImGuiCond_Always,
                            ImVec2(1.0f, 1.0f));
    ImGui::SetNextWindowBgAlpha(0.0f);
    ImGui::Begin("##kiosk-home-button", nullptr, kPanel | ImGuiWindowFlags_AlwaysAutoResize);
    ImGui::PushStyleColor(ImGuiCol_Button, ImVec4(0.85f, 0.42f, 0.05f, 1.0f));
    ImGui::PushStyleColor(ImGuiCol_ButtonHovered, ImVec4(0.95f, 0.52f, 0.10f, 1.0f));
    if (large_) ImGui::PushFont(large_);
    const std::string label = std::string("\xE2\x86\x90 ") + kHome.in(l).c_str();  // ← Accueil
    if (ImGui::Button(label.c_str(), ImVec2(0, touch * 1.2f))) out.push_back(kc::GoHome{});
    if (large_) ImGui::PopFont();
    ImGui::PopStyleColor(2);
    ImGui::End();
}

void KioskPanels::buildPinPad(const kiosk::KioskView& kiosk, Language l, std::vector<KioskCommand>& out) {
    const ImGuiIO& io = ImGui::GetIO();
    const float key = std::round(touchHeight() * 1.8f);
    const ImGuiStyle& style = ImGui::GetStyle();
    ImGui::SetNextWindowPos(ImVec2(io.DisplaySize.x * 0.5f, io.DisplaySize.y * 0.5f), ImGuiCond_Always,
                            ImVec2(0.5f, 0.5f));
    ImGui::SetNextWindowBgAlpha(0.96f);
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(28.0f * scale_, 20.0f * scale_));
    ImGui::Begin("##kiosk-pin", nullptr, kPanel | ImGuiWindowFlags_AlwaysAutoResize);
    const float width = key * 3 + style.ItemSpacing.x * 2;
    if (large_) ImGui::PushFont(large_);
    ImGui::TextUnformatted(kPinTitle.in(l).c_str());
    // The digits typed, as dots (never the digits).
    std::string dots;
    for (size_t i = 0; i < kiosk.pinDigits; ++i) dots += "\xE2\x80\xA2 ";  // •
    if (dots.empty()) dots = " ";
    ImGui::PushStyleColor(ImGuiCol_FrameBg, ImVec4(0.0f, 0.0f, 0.0f, 0.6f));
    ImGui::BeginChild("##pin-dots", ImVec2(width, ImGui::GetTextLineHeight() * 2.0f), true,
                      ImGuiWindowFlags_NoNav | ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoScrollWithMouse);
    ImGui::TextUnformatted(dots.c_str());
    ImGui::EndChild();
    ImGui::PopStyleColor();
    if (large_) ImGui::PopFont();
    // The message line (always there, so the pad does not jump).
    std::string message = " ";
    char wait[96];
    switch (kiosk.pinMessage) {
        case kiosk::PinMessage::None: break;
        case kiosk::PinMessage::Wrong:
        case kiosk::PinMessage::Locked:
            message = kPinWrong.in(l).c_str();
            if (kiosk.pinLockedSeconds > 0) {
                std::snprintf(wait, sizeof wait, kPinWait.in(l).c_str(), std::ceil(kiosk.pinLockedSeconds));
                message += std::string(" ") + wait;
            }
            break;
        case kiosk::PinMessage::NoPinSet: message = kPinNone.in(l).c_str(); break;
    }
    ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(1.0f, 0.62f, 0.45f, 1.0f));
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + width);
    ImGui::TextWrapped("%s", message.c_str());
    ImGui::PopTextWrapPos();
    ImGui::PopStyleColor();
    const bool locked = kiosk.pinLockedSeconds > 0 || kiosk.pinMessage == kiosk::PinMessage::NoPinSet;
    if (large_) ImGui::PushFont(large_);
    ImGui::BeginDisabled(locked);
    const char* keys[12] = {"1", "2", "3", "4", "5", "6", "7", "8", "9", "\xE2\x86\x90", "0", "OK"};  // ← erase
    for (int i = 0; i < 12; ++i) {
        if (i % 3) ImGui::SameLine();
        std::string label = std::string(keys[i]) + "##key" + std::to_string(i);
        if (ImGui::Button(label.c_str(), ImVec2(key, key))) {
            if (i == 9)
                out.push_back(kc::PinErase{});
            else if (i == 11)
                out.push_back(kc::PinSubmit{});
            else
                out.push_back(kc::PinDigit{keys[i][0]});
        }
    }
    ImGui::EndDisabled();
    if (large_) ImGui::PopFont();
    ImGui::Spacing();
    if (ImGui::Button(kCancel.in(l).c_str(), ImVec2(width, touchHeight()))) out.push_back(kc::PinCancel{});
    ImGui::End();
    ImGui::PopStyleVar();
}

void KioskPanels::buildAdmin(const kiosk::KioskView& kiosk, const UiView& view, std::vector<KioskCommand>& out) {
    const ImGuiIO& io = ImGui::GetIO();
    const Language l = view.language;
    const float touch = touchHeight();
    ImGui::SetNextWindowPos(ImVec2(io.DisplaySize.x * 0.5f, io.DisplaySize.y * 0.5f), ImGuiCond_Always,
                            ImVec2(0.5f, 0.5f));
    ImGui::SetNextWindowBgAlpha(0.96f);
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(28.0f * scale_, 20.0f * scale_));
    ImGui::Begin("##kiosk-admin", nullptr, kPanel | ImGuiWindowFlags_AlwaysAutoResize);
    const float width = std::min(io.DisplaySize.x * 0.6f, 560.0f * scale_);
    if (large_) ImGui::PushFont(large_);
    ImGui::TextUnformatted(kAdmin.in(l).c_str());
    if (large_) ImGui::PopFont();
    ImGui::Separator();
    const float half = (width - ImGui::GetStyle().ItemSpacing.x) * 0.5f;
    ImGui::PushStyleColor(ImGuiCol_Button, ImVec4(0.70f, 0.12f, 0.12f, 1.0f));
    if (touchButton(kExit.in(l).c_str(), half, touch)) out.push_back(kc::AdminExit{});
    ImGui::PopStyleColor();
    ImGui::SameLine();
    if (touchButton(kRestart.in(l).c_str(), half, touch)) out.push_back(kc::AdminRestartAttract{});
    ImGui::TextUnformatted(kDefaultLanguage.in(l).c_str());
    if (touchToggle("Français", kiosk.defaultLanguage == Language::French, half, touch))
        out.push_back(kc::AdminSetDefaultLanguage{Language::French});
    ImGui::SameLine();
    if (touchToggle("English", kiosk.defaultLanguage == Language::English, half, touch))
        out.push_back(kc::AdminSetDefaultLanguage{Language::English});
    ImGui::Text("%s : %s", kData.in(l).c_str(), kiosk.dataSource.c_str());
    ImGui::TextDisabled("%s", connectionText(view, l).c_str());
    ImGui::Separator();
    ImGui::TextUnformatted(kStatistics.in(l).c_str());
    if (!kiosk.statisticsKept) {
        ImGui::TextDisabled("%s", kNoStatistics.in(l).c_str());
    } else {
        auto line = [&](const char* when, const kiosk::Totals& t) {
            ImGui::TextWrapped("%s : %d %s, %s %.0f s ; %s %d / %d ; %s %d ; FR %d, EN %d", when, t.sessions, kVisits.in(l).c_str(),
                        kMeanLength.in(l).c_str(), t.sessions ? t.sessionSeconds / t.sessions : 0.0, kToursLine.in(l).c_str(),
                        t.toursStarted, t.toursFinished, kCards.in(l).c_str(), t.cardsOpened, t.french, t.english);
        };
        ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + width);
        line(kToday.in(l).c_str(), kiosk.today);
        line(kAllTime.in(l).c_str(), kiosk.allTime);
        ImGui::PopTextWrapPos();
    }
    ImGui::Separator();
    if (touchButton(kClose.in(l).c_str(), width, touch)) out.push_back(kc::AdminClose{});
    ImGui::End();
    ImGui::PopStyleVar();
}

}  // namespace twin
