// VisitSession: describing the frame for the renderer and the panels.
#include "session/visit_session.h"

#include <algorithm>

#include "feeds/timestamp.h"
#include "render/renderer.h"
#include "view/floor_cut_away.h"
#include "view/floor_plan.h"
#include "view/live_overlays.h"
#include "view/picking.h"

namespace twin {
namespace {
constexpr glm::vec4 kSelectedColour{0.0f, 0.64f, 0.63f, 1.0f};
constexpr glm::vec4 kHoverColour{1.0f, 1.0f, 1.0f, 0.85f};
}  // namespace

VisitFrame VisitSession::frame() {
    redrawFrames_ = std::max(0, redrawFrames_ - 1);
    VisitFrame frame;
    frame.scene.camera = camera();
    frame.scene.hiddenBuildingNodes = hiddenTopNodes_;
    frame.scene.toggles = toggles_;
    // Outlines: the selected machine in teal, the hovered one in white.
    std::optional<size_t> selected = selectedMachine();
    if (selected) frame.scene.outlines.push_back({MachineIndex{*selected}, kSelectedColour, 3.0f, {}});
    if (hovered_ && hovered_->value != selected) frame.scene.outlines.push_back({*hovered_, kHoverColour, 2.0f, {}});
    // The floor tint (the floor shown and those below) follows the data,
    // the floor and the minute (staleness moves with time).
    if (feed_ && scene()) {
        const float maxElevation = floorElevationShown();
        const uint64_t revision = feed_->state().revision();
        const int64_t minute = feed_->clock().time_since_epoch().count() / 60;
        // (losing the broker makes everything stale at once)
        const bool stale = feed_->offlineSince().has_value();
        if (revision != heatmapRevision_ || maxElevation != heatmapElevation_ || minute != heatmapMinute_ ||
            stale != heatmapAllStale_) {
            heatmapAllStale_ = stale;
            heatmap_ = occupancyHeatmap(*scene(), feed_->state(), feed_->clock(), feed_->staleAfter(), maxElevation);
            heatmapRevision_ = revision;
            heatmapElevation_ = maxElevation;
            heatmapMinute_ = minute;
        }
        frame.scene.floorOverlays = &heatmap_;
    }
    frame.ui = describeUi(frame.scene.camera);
    describeExplorer(frame);
    describeCycles(frame);
    return frame;
}

UiView VisitSession::describeUi(const engine::Camera& camera) {
    UiView ui;
    const SceneDescription* s = scene();
    ui.language = language_;
    ui.title = content_.title;
    ui.loading = loading_;
    ui.errors = content_.errors;
    ui.warnings = content_.warnings;
    ui.messagesDismissed = messagesDismissed_;
    ui.figures = figures_;
    ui.statsVisible = statsVisible_;
    ui.aboutVisible = aboutVisible_;
    ui.toggles = toggles_;
    ui.selectedFloor = floor_;
    ui.plan = plan_;
    ui.reducedMotion = reducedMotion_;
    ui.walkAvailable = content_.bvh && content_.bvh->triangleCount() > 0;
    ui.walking = walker_.has_value();
    ui.legendVisible = legendVisible_;
    if (s) {
        ui.about = s->about;
        for (const Floor& floor : s->building.floors) ui.floors.push_back(floor.name);
        for (const Platform& platform : s->platforms) ui.platformNames.push_back(platform.name);
        for (const Machine& machine : s->machines) ui.machineNames.push_back(machine.name);
        ui.tours = tourChoices_;
        if (auto m = selectedMachine()) {
            ui.machine = &s->machines[*m];
            ui.machineIndex = int(*m);
            ui.machinePlatform = s->platform(ui.machine->platform);
            ui.machineTraining = s->trainingFor(ui.machine->id);
        }
    }
    if (tour_) {
        ui.tour.active = true;
        ui.tour.paused = !tour_->playing();
        ui.tour.title = tour_->tour().title;
        ui.tour.stop = int(tour_->currentStop());
        ui.tour.stopCount = int(tour_->stopCount());
        ui.tour.progress = float(tour_->progress());
        ui.tour.narration = {tour_->narration(Language::French), tour_->narration(Language::English)};
        ui.tour.readAloud = readAloud_;
        // A stop at a machine offers its explorer.
        const std::vector<TourStop>& stops = tour_->tour().stops;
        if (s && tour_->currentStop() < stops.size() && stops[tour_->currentStop()].kind == TourStop::TargetKind::Machine)
            for (size_t i = 0; i < s->machines.size(); ++i)
                if (s->machines[i].id == stops[tour_->currentStop()].targetId) ui.tour.machine = int(i);
    }
    if (plan_ && walker_) {
        // The visitor on the plan, and where they look.
        auto at = camera.project(walker_->feet(), viewport_);
        auto ahead = camera.project(walker_->feet() + walker_->flatForward(), viewport_);
        if (at) {
            ui.youAreHere = at->pixel;
            if (ahead && glm::length(ahead->pixel - at->pixel) > 0.0f)
                ui.youAreFacing = glm::normalize(ahead->pixel - at->pixel);
        }
    }
    LabelCamera labelCamera;
    labelCamera.camera = camera;
    labelCamera.viewport = viewport_;
    labelCamera.hideAboveElevation = floorElevationShown();
    const engine::ObjectFilter hidden = hiddenFilter(hiddenTopNodes_);
    if (!labelAnchors_.empty())
        // Seen from above, a plan shows every name: no fading behind walls.
        ui.labels = placeLabels(labelAnchors_, labelCamera, plan_ ? nullptr : content_.bvh.get(), hidden);
    if (feed_ && s) {
        ui.liveData = true;
        LiveView& live = ui.live;
        live.scene = s;
        live.state = &feed_->state();
        live.clock = feed_->clock();
        live.connection = feed_->connection();
        live.replayStandsIn = feed_->replayStandsIn();
        live.offlineSince = feed_->offlineSince();
        live.staleAfter = feed_->staleAfter();
        live.viewingPast = feed_->viewingPast();
        live.range = feed_->slidableRange();
        live.replaySpeed = feed_->replaySpeed();
        live.rejected = feed_->rejected();
        live.selectedFloor = floor_;
        live.showLegend = legendVisible_;
        // While a tour plays, the list makes way for its subtitles; the cards its stops open stay.
        live.showPlatformColumn = !selectedMachine() && !tour_;
        if (auto p = selectedPlatform()) live.platform = &s->platforms[*p];
        ui.figures.rejectedMessages = feed_->isReplay() ? std::nullopt : std::optional<uint64_t>(feed_->rejected());
        ui.figures.recentRejections.assign(feed_->recentRejections().begin(), feed_->recentRejections().end());
        if (!plan_) {
            labelCamera.maxMachineDistance = LabelCamera{}.maxMachineDistance;
            live.badges = machineBadges(*s, labelAnchors_, feed_->state(), labelCamera, content_.bvh.get(), hidden,
                                        kBadgeAboveLabel * desc_.uiScale);
        }
        // The open cards' series for the day, 6:00 to 22:00 (to now).
        const feeds::Timeline* timeline = feed_->timeline();
        live.series.available = timeline != nullptr;
        if (timeline) {
            const uint64_t revision = feed_->state().revision();
            const feeds::TimePoint day = feeds::startOfLocalDay(live.clock);
            const feeds::TimePoint from = day + feeds::Seconds(6 * 3600), to = day + feeds::Seconds(22 * 3600);
            if (live.platform) {
                const std::string& id = live.platform->id;
                live.series.occupancy = occupancyToday_.get(timeline, id, live.clock, revision, [&] {
                    return feeds::occupancyOver(*timeline, id, from, std::min(live.clock, to));
                });
                live.series.schedule = scheduleToday_.get(timeline, id, live.clock, revision, [&] {
                    return feeds::activitiesOver(*timeline, id, day, day + feeds::Seconds(24 * 3600));
                });
            }
            if (ui.machine) {
                const std::string& id = ui.machine->id;
                live.series.machineStates = statesToday_.get(timeline, id, live.clock, revision, [&] {
                    return feeds::machineStatesOver(*timeline, id, from, std::min(live.clock, to));
                });
            }
        }
    }
    return ui;
}

}  // namespace twin
