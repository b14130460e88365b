#include "ui/link_code.h"

#include <cmath>
#include <map>
#include <string>

#include <imgui.h>

#include "ui/touch_buttons.h"
#include "view/qr_code.h"

namespace twin {
namespace {

const LocalizedText kOnYourPhone{"Sur votre téléphone", "On your phone"};
const LocalizedText kScanHint{"Scannez ce code avec l'appareil photo de votre téléphone pour ouvrir la page.",
                              "Scan this code with your phone's camera to open the page."};

// Encoded once per link: a card is drawn every frame it is open.
const QrMatrix* codeFor(const std::string& url) {
    static std::map<std::string, QrMatrix> cache;  // one UI per process; a scene has a few dozen links
    auto it = cache.find(url);
    if (it == cache.end()) {
        engine::Result<QrMatrix> encoded = encodeQrCode(url);
        if (!encoded) return nullptr;
        it = cache.emplace(url, std::move(encoded).value()).first;
    }
    return &it->second;
}

// The code at the cursor, about `side` pixels square with its quiet zone:
// every module the same whole number of pixels, on whole-pixel positions,
// dark runs of a row merged into one rectangle (no seams, fewer vertices).
float drawCode(const QrMatrix& code, float side) {
    const int modules = code.size + 2 * kQrQuietZoneModules;
    const float pixel = std::max(1.0f, std::floor(side / float(modules)));
    const float full = pixel * float(modules);
    const ImVec2 cursor = ImGui::GetCursorScreenPos();
    const ImVec2 origin(std::round(cursor.x), std::round(cursor.y));
    ImDrawList* draw = ImGui::GetWindowDrawList();
    draw->AddRectFilled(origin, ImVec2(origin.x + full, origin.y + full), IM_COL32(255, 255, 255, 255));
    const float inset = pixel * float(kQrQuietZoneModules);
    for (int y = 0; y < code.size; ++y) {
        int x = 0;
        while (x < code.size) {
            if (!code.at(x, y)) {
                ++x;
                continue;
            }
            const int start = x;
            while (x < code.size && code.at(x, y)) ++x;
            const ImVec2 a(origin.x + inset + pixel * float(start), origin.y + inset + pixel * float(y));
            draw->AddRectFilled(a, ImVec2(a.x + pixel * float(x - start), a.y + pixel), IM_COL32(0, 0, 0, 255));
        }
    }
    ImGui::Dummy(ImVec2(full + (origin.x - cursor.x), full + (origin.y - cursor.y)));
    return full;
}

// The caption, wrapped to the code's width so it reads as the code's label.
void captionUnder(const std::string& caption, float width) {
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + width);
    ImGui::TextWrapped("%s", caption.c_str());
    ImGui::PopTextWrapPos();
}

// The address as a person reads it: without "https://" and "www.".
std::string shownAddress(const std::string& url) {
    std::string shown = url.substr(url.find("://") + 3);
    if (shown.rfind("www.", 0) == 0) shown.erase(0, 4);
    return shown;
}

// The code with its caption under it, and beside them the hint and the address.
void codeBesideHint(const QrMatrix& code, const std::string& caption, const std::string& url, Language language,
                    float side, float gap) {
    ImGui::BeginGroup();
    captionUnder(caption, drawCode(code, side));
    ImGui::EndGroup();
    ImGui::SameLine(0.0f, gap);
    ImGui::BeginGroup();
    ImGui::PushTextWrapPos(ImGui::GetContentRegionMax().x);
    ImGui::TextWrapped("%s", kScanHint.in(language).c_str());
    ImGui::TextDisabled("%s", shownAddress(url).c_str());
    ImGui::PopTextWrapPos();
    ImGui::EndGroup();
}

}  // namespace

void buildLinkCode(const SceneLink& link, Language language, float scale) {
    const QrMatrix* code = codeFor(link.url);
    if (!code) return;
    const std::string caption = linkCaption(link.kind).in(language);
    const ImVec4 heading(0.55f, 0.8f, 1.0f, 1.0f);
    ImGui::Spacing();
    if (minimumTouchHeight() > 0.0f) {
        // A kiosk: large, beside a line saying what to do with it.
        const float side = 140.0f * scale;
        ImGui::TextColored(heading, "%s", kOnYourPhone.in(language).c_str());
        codeBesideHint(*code, caption, link.url, language, side, 16.0f * scale);
        return;
    }
    // A desktop: the visitor opens it when they want it on their phone.
    if (ImGui::CollapsingHeader((kOnYourPhone.in(language) + "###phone").c_str()))
        codeBesideHint(*code, caption, link.url, language, 140.0f * scale, 12.0f * scale);
}

}  // namespace twin
