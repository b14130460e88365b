#include "ui/live_panels.h"

#include <imgui.h>

#include <algorithm>
#include <cfloat>
#include <cmath>
#include <cstdio>
#include <ctime>

#include "feeds/timestamp.h"
#include "ui/link_code.h"
#include "ui/touch_buttons.h"

namespace twin {
namespace {

using feeds::MachineState;
using feeds::OccupancyLevel;
using feeds::TimePoint;

constexpr ImU32 kTeal = IM_COL32(0, 163, 161, 255);

ImU32 toU32(glm::vec3 c, float alpha = 1.0f) {
    return IM_COL32(int(c.r * 255.0f + 0.5f), int(c.g * 255.0f + 0.5f), int(c.b * 255.0f + 0.5f), int(alpha * 255.0f));
}
ImVec4 toVec4(glm::vec3 c, float alpha = 1.0f) { return ImVec4(c.r, c.g, c.b, alpha); }

std::string str(Text text, Language language) { return std::string(tr(text, language)); }

std::tm localTime(TimePoint time) {
    std::time_t t = std::time_t(time.time_since_epoch().count());
    std::tm tm{};
    localtime_r(&t, &tm);
    return tm;
}

// Shortens `text` with an ellipsis to fit `width` pixels.
std::string fitText(const std::string& text, float width) {
    if (ImGui::CalcTextSize(text.c_str()).x <= width) return text;
    std::string cut = text;
    while (!cut.empty()) {
        // Drop whole UTF-8 characters.
        do cut.pop_back();
        while (!cut.empty() && (static_cast<unsigned char>(cut.back()) & 0xC0) == 0x80);
        if (!cut.empty()) cut.pop_back();
        std::string candidate = cut + "…";
        if (ImGui::CalcTextSize(candidate.c_str()).x <= width) return candidate;
    }
    return "…";
}

// A state's icon, drawn (the font has no such glyphs) so each state reads
// by its shape as well as its colour: running ▶, idle ‖, setup ◆,
// maintenance ✚, fault !, offline ×.
void drawStateGlyph(ImDrawList* draw, ImVec2 c, float r, MachineState state, ImU32 ink) {
    const float t = std::max(1.5f, r * 0.22f);
    switch (state) {
        case MachineState::Running:
            draw->AddTriangleFilled(ImVec2(c.x - r * 0.35f, c.y - r * 0.5f), ImVec2(c.x - r * 0.35f, c.y + r * 0.5f),
                                    ImVec2(c.x + r * 0.55f, c.y), ink);
            break;
        case MachineState::Idle:
            draw->AddRectFilled(ImVec2(c.x - r * 0.42f, c.y - r * 0.45f), ImVec2(c.x - r * 0.12f, c.y + r * 0.45f), ink);
            draw->AddRectFilled(ImVec2(c.x + r * 0.12f, c.y - r * 0.45f), ImVec2(c.x + r * 0.42f, c.y + r * 0.45f), ink);
            break;
        case MachineState::Setup:
            draw->AddQuadFilled(ImVec2(c.x, c.y - r * 0.55f), ImVec2(c.x + r * 0.55f, c.y), ImVec2(c.x, c.y + r * 0.55f),
                                ImVec2(c.x - r * 0.55f, c.y), ink);
            break;
        case MachineState::Maintenance:
            draw->AddRectFilled(ImVec2(c.x - r * 0.55f, c.y - t * 0.5f), ImVec2(c.x + r * 0.55f, c.y + t * 0.5f), ink);
            draw->AddRectFilled(ImVec2(c.x - t * 0.5f, c.y - r * 0.55f), ImVec2(c.x + t * 0.5f, c.y + r * 0.55f), ink);
            break;
        case MachineState::Fault:
            draw->AddRectFilled(ImVec2(c.x - t * 0.5f, c.y - r * 0.55f), ImVec2(c.x + t * 0.5f, c.y + r * 0.15f), ink);
            draw->AddCircleFilled(ImVec2(c.x, c.y + r * 0.42f), t * 0.6f, ink);
            break;
        case MachineState::Offline:
            draw->AddLine(ImVec2(c.x - r * 0.4f, c.y - r * 0.4f), ImVec2(c.x + r * 0.4f, c.y + r * 0.4f), ink, t);
            draw->AddLine(ImVec2(c.x - r * 0.4f, c.y + r * 0.4f), ImVec2(c.x + r * 0.4f, c.y - r * 0.4f), ink, t);
            break;
    }
}

// A round state badge: the state's colour, its glyph in dark ink; grey when
// the value is stale; a fault gets a second ring so it catches the eye.
void drawStateBadge(ImDrawList* draw, ImVec2 c, float r, MachineState state, bool stale, float alpha = 1.0f) {
    const glm::vec3 fill = stale ? glm::vec3(0.55f) : machineStateColour(state);
    draw->AddCircleFilled(c, r, toU32(fill, alpha), 24);
    draw->AddCircle(c, r, IM_COL32(20, 24, 30, int(230 * alpha)), 24, std::max(1.0f, r * 0.12f));
    if (state == MachineState::Fault && !stale)
        draw->AddCircle(c, r * 1.45f, toU32(fill, alpha), 24, std::max(2.0f, r * 0.2f));
    drawStateGlyph(draw, c, r, state, IM_COL32(20, 24, 30, int(255 * alpha)));
}

// An occupancy gauge: a bar filled to count/capacity in the level's colour,
// with the figures beside it (so colour is never the only cue).
void drawGauge(ImDrawList* draw, ImVec2 min, ImVec2 max, int count, int capacity, bool stale) {
    const OccupancyLevel level = feeds::occupancyLevel(count, capacity);
    draw->AddRectFilled(min, max, IM_COL32(255, 255, 255, 40), 3.0f);
    float ratio = capacity > 0 ? std::clamp(float(count) / float(capacity), 0.0f, 1.0f) : 0.0f;
    if (ratio > 0.0f) {
        glm::vec3 colour = stale ? glm::vec3(0.55f) : occupancyColour(level);
        draw->AddRectFilled(min, ImVec2(min.x + (max.x - min.x) * ratio, max.y), toU32(colour), 3.0f);
    }
    draw->AddRect(min, max, IM_COL32(255, 255, 255, 90), 3.0f);
}

// Hour marks under a chart of the day (8h, 12h, 16h, 20h); `xOf` places a
// time on the chart.
template <typename XOf>
void drawHourAxis(ImDrawList* draw, TimePoint day, float bottom, float scale, XOf xOf) {
    for (int hour = 8; hour <= 20; hour += 4) {
        const float x = xOf(day + feeds::Seconds(hour * 3600));
        char label[8];
        std::snprintf(label, sizeof label, "%dh", hour);
        draw->AddLine(ImVec2(x, bottom), ImVec2(x, bottom + 3.0f * scale), IM_COL32(255, 255, 255, 120));
        draw->AddText(ImVec2(x - 6.0f * scale, bottom + 3.0f * scale), IM_COL32(255, 255, 255, 120), label);
    }
}

int capacityOf(const Platform& platform, const feeds::Occupancy& occupancy) {
    return occupancy.capacity.value_or(platform.capacity);
}

std::string ageText(feeds::Seconds age, Language language) {
    return str(Text::StaleFor, language) + " " + feeds::formatAge(age);
}

}  // namespace

std::string formatTimeOfDay(TimePoint time) {
    std::tm tm = localTime(time);
    char text[16];
    std::snprintf(text, sizeof text, "%02d:%02d", tm.tm_hour, tm.tm_min);
    return text;
}

std::string formatDataClock(TimePoint time, Language language) {
    static const char* kDaysFr[] = {"dimanche", "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi"};
    static const char* kDaysEn[] = {"Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"};
    static const char* kMonthsFr[] = {"janv.", "févr.", "mars", "avr.", "mai", "juin",
                                      "juil.", "août", "sept.", "oct.", "nov.", "déc."};
    static const char* kMonthsEn[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    std::tm tm = localTime(time);
    char text[64];
    bool en = language == Language::English;
    std::snprintf(text, sizeof text, "%s %d %s %02d:%02d", en ? kDaysEn[tm.tm_wday] : kDaysFr[tm.tm_wday], tm.tm_mday,
                  en ? kMonthsEn[tm.tm_mon] : kMonthsFr[tm.tm_mon], tm.tm_hour, tm.tm_min);
    return text;
}

TimePoint startOfDay(TimePoint time) { return feeds::startOfLocalDay(time); }

std::string formatSince(TimePoint since, TimePoint now, Language language) {
    return startOfDay(since) == startOfDay(now) ? formatTimeOfDay(since) : formatDataClock(since, language);
}

void LivePanels::build(const LiveView& view, const LiveLayout& layout, Language language, float scale,
                       std::vector<UiCommand>& commands) {
    language_ = language;
    scale_ = scale;
    if (!view.scene || !view.state) return;
    drawBadges(view);
    // The legend stands at the foot of the right column, which ends above
    // it (its height is last frame's: auto-sized windows learn theirs late).
    LiveLayout column = layout;
    if (view.showLegend) column.bottom -= legendHeight_ + 12.0f * scale_;
    if (view.platform)
        buildPlatformCard(view, column, commands);
    else if (view.showPlatformColumn)
        buildPlatformList(view, column, commands);
    if (view.showLegend) buildLegend(view, layout);
}

// In the title bar: where the values come from and the data's time, with
// the slider that moves through the week (replay) or the last day (live).
void LivePanels::buildDataRow(const LiveView& view, Language language, float scale, std::vector<UiCommand>& commands,
                              bool controls, float maxWidth) {
    language_ = language;
    scale_ = scale;
    if (!view.scene || !view.state) return;
    ImGui::Separator();
    ImDrawList* draw = ImGui::GetWindowDrawList();
    // The connection: a dot whose shape and word say it, not only its colour.
    const std::string status = dataStatusText(view.connection, view.replayStandsIn, view.offlineSince, language_);
    ImU32 dot = kTeal;
    bool hollow = false;
    switch (view.connection) {
        case feeds::Connection::Replay: break;
        case feeds::Connection::Connected: dot = IM_COL32(0, 158, 115, 255); break;
        case feeds::Connection::Connecting:
            dot = IM_COL32(240, 228, 66, 255);
            hollow = true;
            break;
        case feeds::Connection::Offline:
            dot = IM_COL32(213, 94, 0, 255);
            hollow = true;
            break;
    }
    // Lost broker: orange whatever the retries say (they flip it between
    // connecting and offline); never reached: the replay's own dot.
    if (view.offlineSince) {
        dot = IM_COL32(213, 94, 0, 255);
        hollow = true;
    } else if (view.replayStandsIn) {
        dot = kTeal;
        hollow = true;
    }
    const float lineHeight = ImGui::GetTextLineHeight();
    ImVec2 at = ImGui::GetCursorScreenPos();
    ImVec2 centre(at.x + lineHeight * 0.4f, at.y + lineHeight * 0.5f);
    if (hollow)
        draw->AddCircle(centre, lineHeight * 0.3f, dot, 16, 2.5f * scale_);
    else
        draw->AddCircleFilled(centre, lineHeight * 0.3f, dot, 16);
    ImGui::Dummy(ImVec2(lineHeight * 0.8f, lineHeight));
    ImGui::SameLine();
    ImGui::TextUnformatted(status.c_str());
    ImGui::SameLine();
    ImGui::TextDisabled("·");
    ImGui::SameLine();
    ImGui::TextUnformatted(formatDataClock(view.clock, language_).c_str());

    // The slider: the data clock as seconds within the range.
    const auto [from, to] = view.range;
    if (controls && to > from) {
        int64_t value = std::clamp(view.clock, from, to).time_since_epoch().count();
        const int64_t low = from.time_since_epoch().count(), high = to.time_since_epoch().count();
        float sliderWidth = 240.0f * scale_;
        if (maxWidth > 0.0f) {
            const ImGuiStyle& style = ImGui::GetStyle();
            const float buttons = 3.0f * (ImGui::CalcTextSize("×600").x + 2.0f * style.FramePadding.x + style.ItemSpacing.x);
            sliderWidth = std::max(60.0f * scale_, std::min(sliderWidth, maxWidth - buttons));
        }
        ImGui::SetNextItemWidth(sliderWidth);
        if (ImGui::SliderScalar("##time", ImGuiDataType_S64, &value, &low, &high, "",
                                ImGuiSliderFlags_AlwaysClamp | ImGuiSliderFlags_NoInput))
            commands.push_back(command::SeekData{TimePoint(feeds::Seconds(value))});
        if (view.connection == feeds::Connection::Replay || view.replayStandsIn) {
            for (double speed : {1.0, 60.0, 600.0}) {
                ImGui::SameLine();
                char label[32];
                std::snprintf(label, sizeof label, "×%g##speed", speed);
                bool current = std::abs(view.replaySpeed - speed) < 1e-6;
                if (current) ImGui::PushStyleColor(ImGuiCol_Button, ImVec4(0.0f, 0.64f, 0.63f, 1.0f));
                if (smallButton(label)) commands.push_back(command::SetReplaySpeed{speed});
                if (current) ImGui::PopStyleColor();
            }
        } else if (view.viewingPast) {
            ImGui::SameLine();
            if (smallButton(str(Text::BackToNow, language_).c_str())) commands.push_back(command::BackToNow{});
        }
    }
}

// The right column, where the machine card also goes: as wide, from the
// column's top down to the help line.
void LivePanels::placeRightColumn(const LiveLayout& layout, float opacity) const {
    ImGuiIO& io = ImGui::GetIO();
    const float pad = 12.0f * scale_;
    const float width = layout.fullWidth ? io.DisplaySize.x - 2.0f * pad : std::min(420.0f * scale_, io.DisplaySize.x * 0.45f);
    ImGui::SetNextWindowPos(ImVec2(io.DisplaySize.x - pad, layout.rightTop), ImGuiCond_Always, ImVec2(1.0f, 0.0f));
    ImGui::SetNextWindowSize(ImVec2(width, std::max(120.0f, layout.bottom - layout.rightTop - pad)));
    ImGui::SetNextWindowBgAlpha(opacity);
}

// Right column: every platform (of the floor shown) with its occupancy,
// what happens there now and next, and its machines by state.
void LivePanels::buildPlatformList(const LiveView& view, const LiveLayout& layout, std::vector<UiCommand>& commands) {
    placeRightColumn(layout, 0.85f);
    ImGui::Begin(str(Text::LivePlatforms, language_).append("###platforms").c_str(), nullptr,
                 ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoCollapse | ImGuiWindowFlags_NoResize |
                     ImGuiWindowFlags_NoSavedSettings);
    const SceneDescription& scene = *view.scene;
    std::string floorId;
    if (view.selectedFloor >= 0 && size_t(view.selectedFloor) < scene.building.floors.size())
        floorId = scene.building.floors[size_t(view.selectedFloor)].id;
    const float line = ImGui::GetTextLineHeightWithSpacing();
    const float rowHeight = line * 3.0f + 6.0f * scale_;
    for (size_t i = 0; i < scene.platforms.size(); ++i) {
        const Platform& platform = scene.platforms[i];
        if (!floorId.empty() && platform.floor != floorId) continue;
        const feeds::PlatformLive* live = view.state->platform(platform.id);
        ImVec2 min = ImGui::GetCursorScreenPos();
        float rowWidth = ImGui::GetContentRegionAvail().x;
        if (ImGui::Selectable(("##platform" + std::to_string(i)).c_str(), false, 0, ImVec2(rowWidth, rowHeight)))
            commands.push_back(command::OpenPlatformCard{i});
        ImDrawList* draw = ImGui::GetWindowDrawList();
        const float gaugeWidth = 90.0f * scale_;
        const float figuresWidth = ImGui::CalcTextSize("000 / 000").x;
        // Line 1: name, then the gauge and figures on the right.
        std::string name = fitText(platform.name.in(language_), rowWidth - gaugeWidth - figuresWidth - 24.0f * scale_);
        draw->AddText(ImVec2(min.x, min.y + 2.0f * scale_), IM_COL32(255, 255, 255, 255), name.c_str());
        float gaugeX = min.x + rowWidth - gaugeWidth - figuresWidth - 8.0f * scale_;
        if (live && live->occupancy) {
            const feeds::Occupancy& o = *live->occupancy;
            int capacity = capacityOf(platform, o);
            bool stale = feeds::isStale(o.ts, view.clock, view.staleAfter);
            float gy = min.y + line * 0.5f - 5.0f * scale_ + 2.0f * scale_;
            drawGauge(draw, ImVec2(gaugeX, gy), ImVec2(gaugeX + gaugeWidth, gy + 10.0f * scale_), o.count, capacity, stale);
            char figures[32];
            std::snprintf(figures, sizeof figures, "%d / %d", o.count, capacity);
            float fw = ImGui::CalcTextSize(figures).x;
            draw->AddText(ImVec2(min.x + rowWidth - fw, min.y + 2.0f * scale_),
                          stale ? IM_COL32(160, 160, 160, 255) : IM_COL32(255, 255, 255, 255), figures);
        }
        // Line 2: the activity now, and the machines by state on the right.
        std::vector<std::pair<MachineState, int>> byState;
        std::vector<MachineState> freshStates;  // a chip is grey when all its machines' values are stale
        for (const Machine& machine : scene.machines) {
            if (machine.platform != platform.id) continue;
            const feeds::MachineLive* m = view.state->machine(machine.id);
            if (!m || !m->status) continue;
            if (!feeds::isStale(m->status->ts, view.clock, view.staleAfter)) freshStates.push_back(m->status->state);
            auto it = std::find_if(byState.begin(), byState.end(), [&](auto& p) { return p.first == m->status->state; });
            if (it == byState.end())
                byState.push_back({m->status->state, 1});
            else
                ++it->second;
        }
        std::sort(byState.begin(), byState.end());
        const float chipRadius = 7.0f * scale_;
        float chipsWidth = 0.0f;
        for (auto& [state, count] : byState)
            chipsWidth += chipRadius * 2.0f + ImGui::CalcTextSize(std::to_string(count).c_str()).x + 10.0f * scale_;
        float x = min.x + rowWidth - chipsWidth;
        float y2 = min.y + line + 2.0f * scale_;
        for (auto& [state, count] : byState) {
            const bool stale = std::find(freshStates.begin(), freshStates.end(), state) == freshStates.end();
            drawStateBadge(draw, ImVec2(x + chipRadius, y2 + line * 0.4f), chipRadius, state, stale);
            x += chipRadius * 2.0f + 3.0f * scale_;
            std::string n = std::to_string(count);
            draw->AddText(ImVec2(x, y2), IM_COL32(220, 220, 220, 255), n.c_str());
            x += ImGui::CalcTextSize(n.c_str()).x + 7.0f * scale_;
        }
        std::string activity;
        if (live && live->activity) {
            const feeds::Activity& a = live->activity->current;
            activity = a.kind == feeds::ActivityKind::Closed ? str(Text::Closed, language_)
                                                             : str(activityKindText(a.kind), language_) + " · " + a.title.in(language_);
        } else {
            activity = str(Text::NoData, language_);
        }
        activity = fitText(activity, rowWidth - chipsWidth - 10.0f * scale_);
        draw->AddText(ImVec2(min.x, y2), IM_COL32(170, 180, 190, 255), activity.c_str());
        // Line 3: what comes next, dimmer.
        if (live && live->activity && live->activity->next) {
            const feeds::Activity& n = *live->activity->next;
            std::string next = str(Text::Then, language_) + " " + formatTimeOfDay(n.start) + " · " +
                               (n.kind == feeds::ActivityKind::Closed ? str(Text::Closed, language_) : n.title.in(language_));
            next = fitText(next, rowWidth);
            draw->AddText(ImVec2(min.x, y2 + line), IM_COL32(130, 140, 150, 255), next.c_str());
        }
        ImGui::Separator();
    }
    ImGui::End();
}

// A platform's card: what it offers and for whom, how busy it is now and
// over the day, today's schedule and its machines.
void LivePanels::buildPlatformCard(const LiveView& view, const LiveLayout& layout, std::vector<UiCommand>& commands) {
    const Platform& platform = *view.platform;
    placeRightColumn(layout, 0.96f);  // nearly opaque: labels behind must not show through the chart
    bool open = true;
    ImGui::Begin((platform.name.in(language_) + "###platformcard").c_str(), &open,
                 ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoCollapse | ImGuiWindowFlags_NoResize |
                     ImGuiWindowFlags_NoSavedSettings);
    ImDrawList* draw = ImGui::GetWindowDrawList();
    const float contentWidth = ImGui::GetContentRegionAvail().x;
    const feeds::PlatformLive* live = view.state->platform(platform.id);
    // The phone's QR code: on a kiosk, seen without scrolling; else beside the contact.
    const bool touchFirst = minimumTouchHeight() > 0.0f;
    if (platform.link && touchFirst) buildLinkCode(*platform.link, language_, scale_);

    // Now: occupancy and activity.
    if (live && live->occupancy) {
        const feeds::Occupancy& o = *live->occupancy;
        const int capacity = capacityOf(platform, o);
        const bool stale = feeds::isStale(o.ts, view.clock, view.staleAfter);
        ImVec2 at = ImGui::GetCursorScreenPos();
        const float h = 14.0f * scale_;
        drawGauge(draw, ImVec2(at.x, at.y + 4.0f * scale_), ImVec2(at.x + contentWidth * 0.45f, at.y + 4.0f * scale_ + h),
                  o.count, capacity, stale);
        ImGui::Dummy(ImVec2(contentWidth * 0.45f, h + 8.0f * scale_));
        ImGui::SameLine();
        ImGui::Text("%d / %d %s", o.count, capacity, str(Text::People, language_).c_str());
        if (stale) ImGui::TextDisabled("%s", ageText(view.clock - o.ts, language_).c_str());
    } else {
        ImGui::TextDisabled("%s", str(Text::NoData, language_).c_str());
    }
    if (live && live->activity) {
        auto show = [&](Text heading, const feeds::Activity& a) {
            ImGui::TextColored(ImVec4(0.55f, 0.8f, 1.0f, 1.0f), "%s", str(heading, language_).c_str());
            ImGui::SameLine();
            if (a.kind == feeds::ActivityKind::Closed) {
                // Now: "closed since 19:30"; next: "12:30 · closed".
                if (heading == Text::Now)
                    ImGui::Text("%s %s %s", str(Text::Closed, language_).c_str(), str(Text::Since, language_).c_str(),
                                formatSince(a.start, view.clock, language_).c_str());
                else
                    ImGui::Text("%s · %s", formatTimeOfDay(a.start).c_str(), str(Text::Closed, language_).c_str());
                return;
            }
            ImGui::TextWrapped("%s–%s · %s · %s", formatTimeOfDay(a.start).c_str(), formatTimeOfDay(a.end).c_str(),
                               str(activityKindText(a.kind), language_).c_str(), a.title.in(language_).c_str());
        };
        show(Text::Now, live->activity->current);
        if (live->activity->next) show(Text::Then, *live->activity->next);
    }

    // The day's occupancy: an area chart from 6:00 to 22:00 with the
    // capacity line and the data clock marked.
    const TimePoint day = startOfDay(view.clock);
    const TimePoint chartFrom = day + feeds::Seconds(6 * 3600), chartTo = day + feeds::Seconds(22 * 3600);
    if (view.series.available) {
        ImGui::Spacing();
        ImGui::TextUnformatted(str(Text::OccupancyToday, language_).c_str());
        const auto& samples = view.series.occupancy;
        ImVec2 min = ImGui::GetCursorScreenPos();
        const float chartHeight = 70.0f * scale_;
        ImVec2 max(min.x + contentWidth, min.y + chartHeight);
        draw->AddRectFilled(min, max, IM_COL32(255, 255, 255, 18), 4.0f);
        const float span = float((chartTo - chartFrom).count());
        auto xOf = [&](TimePoint t) { return min.x + (max.x - min.x) * std::clamp(float((t - chartFrom).count()) / span, 0.0f, 1.0f); };
        const float top = float(std::max(1, platform.capacity));
        auto yOf = [&](int count) { return max.y - (max.y - min.y) * std::clamp(float(count) / (top * 1.25f), 0.0f, 1.0f); };
        for (int hour = 8; hour <= 20; hour += 4) {
            const float x = xOf(day + feeds::Seconds(hour * 3600));
            draw->AddLine(ImVec2(x, min.y), ImVec2(x, max.y), IM_COL32(255, 255, 255, 30));
        }
        drawHourAxis(draw, day, max.y, scale_, xOf);
        draw->AddLine(ImVec2(min.x, yOf(platform.capacity)), ImVec2(max.x, yOf(platform.capacity)),
                      IM_COL32(255, 255, 255, 110), 1.0f);
        // Steps: each value holds until the next.
        for (size_t s = 0; s < samples.size(); ++s) {
            TimePoint end = s + 1 < samples.size() ? samples[s + 1].time : std::min(view.clock, chartTo);
            float x0 = xOf(samples[s].time), x1 = xOf(end);
            if (x1 <= x0) continue;
            glm::vec3 colour = occupancyColour(feeds::occupancyLevel(samples[s].count, platform.capacity));
            draw->AddRectFilled(ImVec2(x0, yOf(samples[s].count)), ImVec2(x1, max.y), toU32(colour, 0.85f));
        }
        if (view.clock > chartFrom && view.clock < chartTo) {
            float x = xOf(view.clock);
            draw->AddLine(ImVec2(x, min.y), ImVec2(x, max.y), kTeal, 2.0f * scale_);
        }
        ImGui::Dummy(ImVec2(contentWidth, chartHeight + ImGui::GetTextLineHeight() + 4.0f * scale_));
    }

    // Today's schedule.
    if (view.series.available) {
        const auto& activities = view.series.schedule;
        if (!activities.empty()) {
            ImGui::Spacing();
            ImGui::TextUnformatted(str(Text::Schedule, language_).c_str());
            // The titles line up after the widest hours (digits differ in width).
            auto hours = [](const feeds::Activity& a) { return formatTimeOfDay(a.start) + "–" + formatTimeOfDay(a.end); };
            float hoursWidth = 0.0f;
            for (const feeds::Activity& a : activities)
                hoursWidth = std::max(hoursWidth, ImGui::CalcTextSize(hours(a).c_str()).x);
            for (const feeds::Activity& a : activities) {
                bool now = a.start <= view.clock && view.clock < a.end;
                ImGui::TextColored(now ? ImVec4(0.3f, 0.85f, 0.8f, 1.0f) : ImVec4(0.65f, 0.7f, 0.75f, 1.0f), "%s",
                                   hours(a).c_str());
                ImGui::SameLine(ImGui::GetStyle().WindowPadding.x + hoursWidth + 8.0f * scale_);
                ImGui::TextWrapped("%s%s", a.title.in(language_).c_str(),
                                   a.headcount ? (" (" + std::to_string(*a.headcount) + ")").c_str() : "");
            }
        }
    }

    // Its machines, each with its state; choosing one opens its card.
    bool anyMachine = false;
    for (size_t i = 0; i < view.scene->machines.size(); ++i) {
        const Machine& machine = view.scene->machines[i];
        if (machine.platform != platform.id) continue;
        if (!anyMachine) {
            ImGui::Spacing();
            ImGui::TextUnformatted(str(Text::Machines, language_).c_str());
            anyMachine = true;
        }
        const feeds::MachineLive* m = view.state->machine(machine.id);
        ImVec2 at = ImGui::GetCursorScreenPos();
        const float r = ImGui::GetTextLineHeight() * 0.42f;
        std::string label = "##machine" + std::to_string(i);
        if (ImGui::Selectable(label.c_str(), false, 0, ImVec2(contentWidth, ImGui::GetTextLineHeight())))
            commands.push_back(command::GoToMachine{i});
        std::string state = str(Text::StateUnknown, language_);
        if (m && m->status) {
            bool stale = feeds::isStale(m->status->ts, view.clock, view.staleAfter);
            drawStateBadge(draw, ImVec2(at.x + r, at.y + ImGui::GetTextLineHeight() * 0.5f), r, m->status->state, stale);
            state = str(machineStateText(m->status->state), language_);
        }
        std::string name = fitText(machine.name.in(language_), contentWidth * 0.62f);
        draw->AddText(ImVec2(at.x + r * 2.0f + 8.0f * scale_, at.y), IM_COL32(255, 255, 255, 255), name.c_str());
        float sw = ImGui::CalcTextSize(state.c_str()).x;
        draw->AddText(ImVec2(at.x + contentWidth - sw, at.y), IM_COL32(170, 180, 190, 255), state.c_str());
    }

    if (!platform.description.empty()) {
        ImGui::Spacing();
        ImGui::TextWrapped("%s", platform.description.in(language_).c_str());
    }
    if (!platform.services.empty()) {
        ImGui::Spacing();
        ImGui::TextColored(ImVec4(0.5f, 0.9f, 0.75f, 1.0f), "%s", str(Text::Services, language_).c_str());
        for (const LocalizedText& service : platform.services) {
            ImGui::Bullet();
            ImGui::TextWrapped("%s", service.in(language_).c_str());
        }
    }
    if (!platform.contact.name.empty() || !platform.contact.email.empty()) {
        ImGui::Spacing();
        ImGui::TextColored(ImVec4(0.55f, 0.8f, 1.0f, 1.0f), "%s", str(Text::Contact, language_).c_str());
        if (!platform.contact.name.empty()) ImGui::TextUnformatted(platform.contact.name.c_str());
        if (!platform.contact.email.empty()) ImGui::TextUnformatted(platform.contact.email.c_str());
        if (!platform.contact.phone.empty()) ImGui::TextUnformatted(platform.contact.phone.c_str());
    }
    if (platform.link && !touchFirst) buildLinkCode(*platform.link, language_, scale_);
    ImGui::End();
    if (!open) commands.push_back(command::ClosePlatformCard{});
}

void LivePanels::buildMachineSection(const LiveView& view, const Machine& machine, Language language, float scale,
                                     float width) {
    language_ = language;
    scale_ = scale;
    if (!view.state) return;
    ImDrawList* draw = ImGui::GetWindowDrawList();
    const feeds::MachineLive* m = view.state->machine(machine.id);
    ImGui::Spacing();
    if (!m || !m->status) {
        ImGui::TextDisabled("%s", str(Text::NoData, language_).c_str());
        return;
    }
    const feeds::MachineStatus& s = *m->status;
    const bool stale = feeds::isStale(s.ts, view.clock, view.staleAfter);
    const float line = ImGui::GetTextLineHeight();
    ImVec2 at = ImGui::GetCursorScreenPos();
    const float r = line * 0.6f;
    drawStateBadge(draw, ImVec2(at.x + r, at.y + r), r, s.state, stale);
    ImGui::Dummy(ImVec2(r * 2.0f, r * 2.0f));
    ImGui::SameLine();
    ImGui::BeginGroup();
    ImGui::TextUnformatted(str(machineStateText(s.state), language_).c_str());
    ImGui::SameLine();
    ImGui::TextDisabled("%s %s", str(Text::Since, language_).c_str(), formatSince(s.since, view.clock, language_).c_str());
    if (stale) ImGui::TextDisabled("%s", ageText(view.clock - s.ts, language_).c_str());
    ImGui::EndGroup();
    // Values in a column at 30 % of the card; a phone's bottom sheet is wider
    // than `width`, and the French labels need its room.
    const float valueAt = std::max(width, ImGui::GetWindowWidth()) * 0.3f;
    if (!s.job.empty()) {
        ImGui::TextDisabled("%s", str(Text::Job, language_).c_str());
        ImGui::SameLine(valueAt);
        ImGui::TextWrapped("%s", s.job.in(language_).c_str());
    }
    if (s.progress) {
        ImGui::TextDisabled("%s", str(Text::Progress, language_).c_str());
        ImGui::SameLine(valueAt);
        char label[16];
        std::snprintf(label, sizeof label, "%.0f %%", *s.progress * 100.0);
        ImGui::PushStyleColor(ImGuiCol_PlotHistogram, toVec4(machineStateColour(MachineState::Running)));
        ImGui::ProgressBar(float(*s.progress), ImVec2(-1.0f, 0.0f), label);
        ImGui::PopStyleColor();
    }
    // The day's states as a timeline, 6:00 to 22:00.
    if (view.series.available) {
        const TimePoint day = startOfDay(view.clock);
        const TimePoint from = day + feeds::Seconds(6 * 3600), to = day + feeds::Seconds(22 * 3600);
        const auto& spans = view.series.machineStates;
        ImGui::TextDisabled("%s", str(Text::StateToday, language_).c_str());
        ImVec2 min = ImGui::GetCursorScreenPos();
        const float barWidth = ImGui::GetContentRegionAvail().x;
        ImVec2 max(min.x + barWidth, min.y + 16.0f * scale_);
        draw->AddRectFilled(min, max, IM_COL32(255, 255, 255, 18), 3.0f);
        const float span = float((to - from).count());
        auto xOf = [&](TimePoint t) { return min.x + barWidth * std::clamp(float((t - from).count()) / span, 0.0f, 1.0f); };
        for (const feeds::StateSpan& sp : spans) {
            float x0 = xOf(sp.start), x1 = xOf(sp.end);
            if (x1 - x0 < 0.5f) continue;
            draw->AddRectFilled(ImVec2(x0, min.y), ImVec2(x1, max.y), toU32(machineStateColour(sp.state)));
            // The glyph where there is room, so spans read without colour.
            if (x1 - x0 > 16.0f * scale_)
                drawStateGlyph(draw, ImVec2((x0 + x1) * 0.5f, (min.y + max.y) * 0.5f), 6.0f * scale_, sp.state,
                               IM_COL32(20, 24, 30, 255));
        }
        drawHourAxis(draw, day, max.y, scale_, xOf);
        ImGui::Dummy(ImVec2(barWidth, max.y - min.y + line + 4.0f * scale_));
    }
}

// Bottom left: what the floor tints and the machine badges mean.
void LivePanels::buildLegend(const LiveView&, const LiveLayout& layout) {
    ImGuiIO& io = ImGui::GetIO();
    const float pad = 12.0f * scale_;
    const float width = layout.fullWidth ? io.DisplaySize.x - 2.0f * pad : std::min(420.0f * scale_, io.DisplaySize.x * 0.45f);
    ImGui::SetNextWindowPos(ImVec2(io.DisplaySize.x - pad, layout.bottom - pad), ImGuiCond_Always, ImVec2(1.0f, 1.0f));
    ImGui::SetNextWindowSizeConstraints(ImVec2(width, 0.0f), ImVec2(width, FLT_MAX));
    ImGui::SetNextWindowBgAlpha(0.85f);
    ImGui::Begin("##legend", nullptr,
                 ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoMove |
                     ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoNav);
    ImDrawList* draw = ImGui::GetWindowDrawList();
    const float line = ImGui::GetTextLineHeight();
    ImGui::TextDisabled("%s", str(Text::OccupancyLevels, language_).c_str());
    const std::pair<OccupancyLevel, Text> levels[] = {{OccupancyLevel::Low, Text::LevelLow},
                                                      {OccupancyLevel::Medium, Text::LevelMedium},
                                                      {OccupancyLevel::High, Text::LevelHigh}};
    int patternIndex = 0;
    for (auto [level, text] : levels) {
        ImVec2 at = ImGui::GetCursorScreenPos();
        ImVec2 max(at.x + line * 1.6f, at.y + line);
        draw->AddRectFilled(at, max, toU32(occupancyColour(level)), 2.0f);
        // The same patterns as on the floor: dots, stripes, crosshatch.
        ImU32 ink = IM_COL32(40, 30, 20, 200);
        draw->PushClipRect(at, max, true);
        if (patternIndex == 0) {
            for (float y = at.y + 3.0f; y < max.y; y += 6.0f)
                for (float x = at.x + 3.0f; x < max.x; x += 6.0f) draw->AddCircleFilled(ImVec2(x, y), 1.3f, ink);
        } else {
            for (float d = -line; d < line * 2.0f; d += 6.0f) {
                draw->AddLine(ImVec2(at.x + d, max.y), ImVec2(at.x + d + line, at.y), ink, 1.5f);
                if (patternIndex == 2) draw->AddLine(ImVec2(at.x + d, at.y), ImVec2(at.x + d + line, max.y), ink, 1.5f);
            }
        }
        draw->PopClipRect();
        ++patternIndex;
        ImGui::Dummy(ImVec2(line * 1.6f, line));
        ImGui::SameLine();
        ImGui::TextUnformatted(str(text, language_).c_str());
    }
    ImGui::TextDisabled("%s", str(Text::MachineStates, language_).c_str());
    int column = 0;
    for (MachineState state : feeds::kMachineStates) {
        if (column++ % 2) ImGui::SameLine(line * 10.0f);
        ImVec2 at = ImGui::GetCursorScreenPos();
        drawStateBadge(draw, ImVec2(at.x + line * 0.5f, at.y + line * 0.5f), line * 0.45f, state, false);
        ImGui::Dummy(ImVec2(line, line));
        ImGui::SameLine();
        ImGui::TextUnformatted(str(machineStateText(state), language_).c_str());
    }
    if (!ImGui::IsWindowAppearing()) legendHeight_ = ImGui::GetWindowSize().y;  // sized from its second frame
    ImGui::End();
}

// A badge above each machine shown: its state at a glance; stale values in
// grey; a fault is shown whatever the distance, ringed.
void LivePanels::drawBadges(const LiveView& view) {
    ImDrawList* draw = ImGui::GetBackgroundDrawList();
    const float r = 11.0f * scale_;
    std::vector<glm::vec2> placed;
    for (const MachineBadge& badge : view.badges) {
        if (badge.machine >= view.scene->machines.size()) continue;
        // Never piled up: a badge that would cover one already drawn (a
        // fault or a nearer machine) is left out.
        bool overlaps = std::any_of(placed.begin(), placed.end(),
                                    [&](glm::vec2 p) { return glm::length(p - badge.position) < 2.2f * r; });
        if (overlaps) continue;
        placed.push_back(badge.position);
        const feeds::MachineLive* m = view.state->machine(view.scene->machines[badge.machine].id);
        if (!m || !m->status) continue;
        bool stale = feeds::isStale(m->status->ts, view.clock, view.staleAfter);
        drawStateBadge(draw, ImVec2(badge.position.x, badge.position.y), r, m->status->state, stale, badge.opacity);
    }
}

}  // namespace twin
