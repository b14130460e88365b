#include "interactive_session.h"

#include <GLFW/glfw3.h>  // key and modifier codes only
#include <imgui.h>

#include <algorithm>
#include <array>
#include <cstdlib>
#include <mutex>
#include <optional>
#include <thread>

#include "app_setup.h"
#include "floor_plan.h"
#include "floor_view.h"
#include "labels.h"
#include "live_data_run.h"
#include "live_overlays.h"
#include "nav/walk_controller.h"
#include "render/adaptive_resolution.h"
#include "picking.h"
#include "tour_setup.h"
#include "core/log.h"
#include "gfx/device.h"
#include "gfx/gui_renderer.h"
#include "platform/gui_input.h"
#include "platform/window.h"
#include "ui/live_panels.h"
#include "ui/overlay.h"

namespace twin {
namespace {

constexpr float kWalkPadHeight = 200.0f;  // the overlay's walk arrows: three rows of 56 px and padding

// Interactive: a window, the orbit camera, the overlay; draws only when
// something changed, so an idle tour costs no frames.
class InteractiveSession {
public:
    explicit InteractiveSession(const AppOptions& options) : options_(options) {}

    int run() {
        engine::WindowDesc desc;
        desc.title = "Twin Tour";
        desc.width = options_.size.x;
        desc.height = options_.size.y;
        desc.fullscreen = options_.fullscreen;
        auto window = engine::Window::open(desc);
        if (!window) {
            // Say what the driver does offer: loadGl below names its version.
            desc.anyVersion = true;
            auto fallback = engine::Window::open(desc);
            // GLX right after a refused context sometimes refuses the next one
            // too (seen with Xvfb and Mesa): one more try.
            if (!fallback) fallback = engine::Window::open(desc);
            if (!fallback) return fail(window.error());
            window = std::move(fallback);
        }
        window_ = std::move(window).value();
        auto device = engine::gfx::loadGl(engine::Window::getProcAddress);
        if (!device) return fail(device.error());
        rendererName_ = device->renderer;
        std::filesystem::path data = findDataDirectory();
        auto renderer = engine::Renderer::create(rendererDescFor(inputFor(options_, data), data));
        if (!renderer) return fail(firstLine(renderer.error()) + "\n" + renderer.error());
        renderer_ = std::move(renderer).value();
        applyRenderOptions(*renderer_, options_);
        model_.toggles = {options_.shadows, options_.antialiasing, options_.ground};
        model_.reducedMotion = options_.reducedMotion;

        overlay_ = std::make_unique<Overlay>(window_->contentScale(), languageFromCode(options_.language));
        guiInput_ = std::make_unique<engine::GuiInput>(*window_);
        // Keyboard navigation needs the key map the platform backend fills in.
        ImGui::GetIO().ConfigFlags |= ImGuiConfigFlags_NavEnableKeyboard;
        guiRenderer_ = std::make_unique<engine::gfx::GuiRenderer>();

        startLoading(inputFor(options_, data));
        loop();
        if (loader_.joinable()) loader_.join();
        guiRenderer_.reset();
        guiInput_.reset();
        overlay_.reset();
        renderer_.reset();
        return 0;
    }

private:
    void startLoading(const std::filesystem::path& input) {
        model_.loading = true;
        loader_ = std::thread([this, input] {
            engine::IsolatedImporter importer(importDescFor(options_));
            LoadedContent content = loadContent(input, importer, true);
            std::lock_guard lock(loadedMutex_);
            loaded_ = std::move(content);
            loadDone_ = true;
            engine::Window::wakeUp();
        });
    }

    void takeLoadedContent() {
        std::lock_guard lock(loadedMutex_);
        if (!loadDone_ || !loaded_) return;
        loadDone_ = false;
        for (const std::string& e : loaded_->errors) engine::log::error(e);
        model_.loading = false;
        model_.title = loaded_->title;
        model_.errors = loaded_->errors;
        model_.warnings = loaded_->warnings;
        bvh_ = loaded_->bvh;
        // The overview never dips under the ground the scene stands on.
        labelAnchors_.clear();
        model_.walkAvailable = bvh_ && bvh_->triangleCount() > 0;
        shown_ = showContent(*renderer_, *loaded_);
        building_ = shown_.building;
        if (loaded_->scene) {
            scene_ = std::move(*loaded_->scene);
            model_.floors.clear();
            for (const Floor& floor : scene_->building.floors) model_.floors.push_back(floor.name);
            model_.tours.clear();
            glm::ivec2 size = window_->windowSize();
            framing_ = makeStopFraming(*scene_, shown_.models, float(size.x) / float(std::max(size.y, 1)));
            for (const Tour& tour : scene_->tours) {
                auto player = makeTourPlayer(*scene_, tour.id, framing_, options_.reducedMotion, std::nullopt, bvh_);
                model_.tours.push_back({tour.title, player ? float(player->totalDuration()) : 0.0f});
            }
            labelAnchors_ = labelAnchors(*scene_, shown_.models);
            model_.platformNames.clear();
            model_.machineNames.clear();
            for (const Platform& platform : scene_->platforms) model_.platformNames.push_back(platform.name);
            for (const Machine& machine : scene_->machines) model_.machineNames.push_back(machine.name);
            if (!options_.tour.empty()) startTour(options_.tour);
            feed_ = std::make_unique<feeds::LiveFeed>(*scene_, liveFeedDescFor(options_));
            takeFeedProblems();
            model_.liveData = true;
        }
        loaded_.reset();
        glm::ivec2 size = window_->windowSize();
        placeCamera(orbit_, options_, renderer_->sceneBounds(), float(size.x) / float(std::max(size.y, 1)));
        if (!renderer_->sceneBounds().empty()) orbit_.setMinEyeHeight(renderer_->sceneBounds().min.y + 0.3f);
        // --platform and --machine open their card and fly there from the overview.
        if (scene_) {
            for (size_t i = 0; i < scene_->platforms.size(); ++i)
                if (scene_->platforms[i].id == options_.platform) openPlatform(i);
            for (size_t i = 0; i < scene_->machines.size(); ++i)
                if (scene_->machines[i].id == options_.machine) selectMachine(i);
        }
        redrawFrames_ = 3;
    }

    void handle(const engine::InputEvent& e) {
        ImGuiIO& io = ImGui::GetIO();
        glm::vec2 viewport = glm::vec2(window_->windowSize());
        switch (e.kind) {
            case engine::InputEvent::Kind::MouseDown:
                // Taking the camera in hand pauses a playing tour.
                if (!io.WantCaptureMouse && tour_ && tour_->playing()) {
                    tour_->pause();
                    tourLeftByVisitor_ = true;
                }
                if (!io.WantCaptureMouse) {
                    pressPosition_ = e.position;
                    pressTime_ = Clock::now();
                    dragging_ = true;
                    panning_ = e.button != engine::MouseButton::Left || (e.modifiers & GLFW_MOD_SHIFT);
                    lastCursor_ = e.position;
                }
                break;
            case engine::InputEvent::Kind::MouseUp:
                // A short press that barely moved is a click (a touch tap), not a drag.
                if (dragging_ && e.button == engine::MouseButton::Left &&
                    glm::length(e.position - pressPosition_) < 6.0f && millisecondsSince(pressTime_) < 400.0) {
                    if (planMode_)
                        walkFromPlan(e.position);
                    else
                        pick(e.position);
                }
                dragging_ = false;
                break;
            case engine::InputEvent::Kind::MouseMove:
                if (dragging_ && walker_) {
                    glm::vec2 delta = e.position - lastCursor_;
                    walker_->turn(delta.x * 0.25f, -delta.y * 0.25f);
                    walkTarget_.reset();
                } else if (dragging_) {
                    glm::vec2 delta = e.position - lastCursor_;
                    if (panning_)
                        orbit_.pan(delta, viewport);
                    else
                        orbit_.rotate(delta);
                }
                lastCursor_ = e.position;
                if (!dragging_ && !io.WantCaptureMouse) hover(e.position);
                break;
            case engine::InputEvent::Kind::Scroll:
                if (!io.WantCaptureMouse) orbit_.zoom(e.scroll.y, e.position, viewport);
                break;
            case engine::InputEvent::Kind::KeyUp:
                if (walker_) handleWalkKey(e.key, false);
                break;
            case engine::InputEvent::Kind::KeyDown:
                // Only text fields keep keys from the 3D view (a clicked button
                // keeps ImGui's keyboard focus, which must not block shortcuts),
                // except while the visitor moves through the panels (Ctrl+Tab):
                // then arrows, Space and Esc work the focused widget.
                if (io.WantTextInput) break;
                if (io.NavVisible && (e.key == GLFW_KEY_UP || e.key == GLFW_KEY_DOWN || e.key == GLFW_KEY_LEFT ||
                                      e.key == GLFW_KEY_RIGHT || e.key == GLFW_KEY_SPACE || e.key == GLFW_KEY_ENTER ||
                                      e.key == GLFW_KEY_TAB || e.key == GLFW_KEY_ESCAPE))
                    break;
                if (tour_ && handleTourKey(e.key)) break;
                if (walker_ && handleWalkKey(e.key, true)) break;
                switch (e.key) {
                    case GLFW_KEY_LEFT: orbit_.rotate({-40.0f, 0.0f}); break;
                    case GLFW_KEY_RIGHT: orbit_.rotate({40.0f, 0.0f}); break;
                    case GLFW_KEY_UP: orbit_.rotate({0.0f, -30.0f}); break;
                    case GLFW_KEY_DOWN: orbit_.rotate({0.0f, 30.0f}); break;
                    case GLFW_KEY_PAGE_UP:
                    case GLFW_KEY_KP_ADD:
                    case GLFW_KEY_EQUAL: orbit_.zoom(1.0f, viewport * 0.5f, viewport); break;
                    case GLFW_KEY_PAGE_DOWN:
                    case GLFW_KEY_KP_SUBTRACT:
                    case GLFW_KEY_MINUS: orbit_.zoom(-1.0f, viewport * 0.5f, viewport); break;
                    case GLFW_KEY_F: resetView(); break;
                    case GLFW_KEY_F1: overlay_->toggleStats(); break;
                    case GLFW_KEY_ESCAPE:
                        if (model_.machine) {
                            model_.machine = nullptr;  // Esc closes the card first
                            refreshOutlines();
                        }
                        else
                            window_->requestClose(true);
                        break;
                    default: break;
                }
                break;
            default: break;
        }
    }

    // The machine under the cursor gets a light outline.
    void hover(glm::vec2 cursor) {
        if (!bvh_ || planMode_) return;
        glm::vec2 size = glm::vec2(window_->windowSize());
        auto hit = pickAt(*bvh_, currentCamera(size.x / std::max(size.y, 1.0f)), cursor, size, hiddenTopNodes_);
        std::optional<size_t> machine = hit ? machineOfHit(*hit) : std::nullopt;
        if (machine == hoveredMachine_) return;
        hoveredMachine_ = machine;
        refreshOutlines();
    }

    // Outlines: the selected machine in teal, the hovered one in white.
    void refreshOutlines() {
        std::vector<engine::Outline> outlines;
        auto itemOf = [&](size_t machine) -> std::optional<size_t> {
            if (machine >= shown_.machineSceneItems.size() || shown_.machineSceneItems[machine] == SIZE_MAX)
                return std::nullopt;
            return shown_.machineSceneItems[machine];
        };
        std::optional<size_t> selected;
        if (model_.machine && scene_) selected = size_t(model_.machine - scene_->machines.data());
        if (selected)
            if (auto item = itemOf(*selected)) outlines.push_back({*item, {0.0f, 0.64f, 0.63f, 1.0f}, 3.0f});
        if (hoveredMachine_ && hoveredMachine_ != selected)
            if (auto item = itemOf(*hoveredMachine_)) outlines.push_back({*item, {1.0f, 1.0f, 1.0f, 0.85f}, 2.0f});
        renderer_->setOutlines(std::move(outlines));
        redrawFrames_ = std::max(redrawFrames_, 2);
    }

    // The floor plan's camera in plan mode, else the orbit camera's.
    engine::Camera currentCamera(float aspect) const {
        if (planMode_) return floorPlanCamera(planFocus_, aspect);
        return cameraFor(orbit_, aspect, renderer_->sceneBounds());
    }

    // A tap on the plan walks there: the visitor appears at that point of
    // the floor, the whole building shown again.
    void walkFromPlan(glm::vec2 cursor) {
        if (!scene_ || model_.selectedFloor < 0 || !bvh_) return;
        glm::ivec2 size = window_->windowSize();
        float elevation = scene_->building.floors[size_t(model_.selectedFloor)].elevation;
        engine::Camera plan = currentCamera(float(size.x) / float(std::max(size.y, 1)));
        glm::vec3 point = planPointAt(plan, cursor, glm::vec2(size), elevation);
        if (!walker_) toggleWalk();
        if (!walker_) return;
        float yaw = walker_->yawDegrees();
        planMode_ = false;
        showFloor(-1);
        model_.selectedFloor = -1;
        walker_->teleport(point + glm::vec3(0.0f, 1.0f, 0.0f));
        walker_->setLook(yaw, 0.0f);
        updateWalk(0.0f);
    }

    // Casts a ray through the cursor: a machine opens its card and the camera
    // flies to it; anything else is turned to and becomes the pivot.
    void pick(glm::vec2 cursor) {
        if (!bvh_) return;
        glm::vec2 size = glm::vec2(window_->windowSize());
        engine::Camera camera = cameraFor(orbit_, size.x / std::max(size.y, 1.0f), renderer_->sceneBounds());
        auto hit = pickAt(*bvh_, camera, cursor, size, hiddenTopNodes_);
        if (!hit) return;
        if (auto machine = machineOfHit(*hit)) {
            selectMachine(*machine);
        } else if (walker_) {
            // A tap on a floor (a surface facing up) walks there.
            if (hit->normal.y > 0.7f) walkTarget_ = hit->point;
        } else {
            // Turn to look at the point from where the camera is (moving the
            // eye could take it through a wall); turning then pivots on it.
            orbit_.lookAt(engine::OrbitCamera::eyeOf(orbit_.goal()), hit->point, false);
        }
        redrawFrames_ = std::max(redrawFrames_, 2);
    }

    // While walking, a floor button is a lift: the visitor arrives on that
    // floor at the same place (pushed out of any wall there), the whole
    // building shown.
    void takeTheLift(size_t floor) {
        if (!scene_ || floor >= scene_->building.floors.size() || !walker_) return;
        glm::vec3 feet = walker_->feet();
        float yaw = walker_->yawDegrees();
        walker_->teleport(glm::vec3(feet.x, scene_->building.floors[floor].elevation + 1.0f, feet.z));
        walker_->setLook(yaw, 0.0f);
        model_.selectedFloor = -1;
        updateWalk(0.0f);
    }

    // Flies to a visitor's view inside the platform (the whole building shown).
    void goToPlatform(size_t index) {
        if (!scene_ || index >= scene_->platforms.size()) return;
        if (walker_) toggleWalk();
        if (tour_) endTour();
        showFloor(-1);
        model_.selectedFloor = -1;
        TourStop stop;
        stop.kind = TourStop::TargetKind::Platform;
        stop.targetId = scene_->platforms[index].id;
        glm::ivec2 size = window_->windowSize();
        CameraViewpoint view = makeStopFraming(*scene_, shown_.models, float(size.x) / float(std::max(size.y, 1)))(stop);
        orbit_.lookAt(view.eye, view.target, false);
        redrawFrames_ = std::max(redrawFrames_, 2);
    }

    void selectMachine(size_t index) {
        if (!scene_ || index >= scene_->machines.size()) return;
        const Machine& machine = scene_->machines[index];
        if (tour_ && tour_->playing()) {
            tour_->pause();
            tourLeftByVisitor_ = true;
        }
        model_.machine = &machine;
        model_.machinePlatform = scene_->platform(machine.platform);
        refreshOutlines();
        if (walker_) return;  // walking: the card opens, the visitor stays where they are
        glm::ivec2 size = window_->windowSize();
        if (auto view = machineViewpoint(*scene_, shown_.models, machine.id, float(size.x) / float(std::max(size.y, 1))))
            orbit_.lookAt(view->eye, view->target, false);
    }

    // Walk keys: W/Z or Up forward, S or Down back, A/Q and D strafe, Left and
    // Right turn (AZERTY and QWERTY both work); Esc returns to the overview.
    bool handleWalkKey(int key, bool down) {
        int slot = -1;
        switch (key) {
            case GLFW_KEY_W: case GLFW_KEY_Z: case GLFW_KEY_UP: slot = 0; break;
            case GLFW_KEY_S: case GLFW_KEY_DOWN: slot = 1; break;
            case GLFW_KEY_A: case GLFW_KEY_Q: slot = 2; break;
            case GLFW_KEY_D: slot = 3; break;
            case GLFW_KEY_LEFT: slot = 4; break;
            case GLFW_KEY_RIGHT: slot = 5; break;
            case GLFW_KEY_ESCAPE:
                if (down && !model_.machine) toggleWalk();
                return down && !model_.machine;
            default: return false;
        }
        walkKeys_[size_t(slot)] = down;
        if (down) walkTarget_.reset();
        return true;
    }

    // Enters walking at the first platform (the reception in the Twin scene),
    // or leaves it for the overview.
    void toggleWalk() {
        if (walker_) {
            walker_.reset();
            model_.walking = false;
            walkKeys_.fill(false);
            resetView();
            return;
        }
        if (!bvh_) return;
        if (tour_) endTour();
        showFloor(-1);
        model_.selectedFloor = -1;
        walker_.emplace(*bvh_);
        glm::vec3 start = orbit_.pose().target;
        if (scene_ && !scene_->platforms.empty()) {
            const Platform& first = scene_->platforms.front();
            glm::vec2 centre(0.0f);
            for (const glm::vec2& p : first.footprint) centre += p;
            centre /= float(first.footprint.size());
            float elevation = 0.0f;
            for (const Floor& floor : scene_->building.floors)
                if (floor.id == first.floor) elevation = floor.elevation;
            start = glm::vec3(centre.x, elevation + 1.0f, centre.y);
        }
        walker_->teleport(start);
        walker_->setLook(orbit_.pose().yawDegrees, 0.0f);
        model_.walking = true;
        updateWalk(0.0f);
    }

    // Moves the walker from the keys, the on-screen pad or towards a tapped
    // point, and puts the camera at its eyes.
    void updateWalk(float dt) {
        if (!walker_) return;
        constexpr float kWalkSpeed = 1.4f;      // metres per second, a visitor's pace
        constexpr float kTurnSpeed = 90.0f;     // degrees per second
        float forward = float(walkKeys_[0]) - float(walkKeys_[1]) + model_.walkPad.y;
        float strafe = float(walkKeys_[3]) - float(walkKeys_[2]);
        float turn = float(walkKeys_[5]) - float(walkKeys_[4]) + model_.walkPad.x;
        walker_->turn(turn * kTurnSpeed * dt, 0.0f);
        glm::vec3 step = (walker_->flatForward() * forward + walker_->right() * strafe) * kWalkSpeed * dt;
        if (walkTarget_) {
            glm::vec3 to = *walkTarget_ - walker_->feet();
            to.y = 0.0f;
            float distance = glm::length(to);
            if (distance < 0.3f) {
                walkTarget_.reset();
            } else {
                step = to / distance * std::min(distance, kWalkSpeed * 1.5f * dt);
                float yaw = glm::degrees(std::atan2(to.x, -to.z));
                walker_->setLook(yaw, walker_->pitchDegrees());
            }
        }
        glm::vec3 moved = walker_->move(step, dt);
        glm::vec3 eye = walker_->eye();
        orbit_.lookAt(eye, eye + walker_->forward() * 0.2f, true);
        bool active = glm::length(step) > 0.0f || turn != 0.0f || walkTarget_ || !walker_->eyeSettled();
        if (active || glm::length(moved) > 0.0f) redrawFrames_ = std::max(redrawFrames_, 1);
    }

    // Space plays or pauses, Left/Right go to the previous/next stop, Esc
    // ends the tour. Returns false for keys the tour does not use.
    bool handleTourKey(int key) {
        switch (key) {
            case GLFW_KEY_SPACE: resumeOrPauseTour(); return true;
            case GLFW_KEY_RIGHT: tour_->next(); return true;
            case GLFW_KEY_LEFT: tour_->previous(); return true;
            case GLFW_KEY_ESCAPE: endTour(); return true;
            default: return false;
        }
    }

    void startTour(const std::string& id) {
        if (!scene_) return;
        glm::ivec2 size = window_->windowSize();
        framing_ = makeStopFraming(*scene_, shown_.models, float(size.x) / float(std::max(size.y, 1)));
        // The tour starts with a move from where the camera is: no jump cut.
        CameraViewpoint from{orbit_.eye(), orbit_.pose().target};
        tour_ = makeTourPlayer(*scene_, id, framing_, model_.reducedMotion, from, bvh_);
        tourPanelsStop_ = SIZE_MAX;
        if (!tour_) {
            engine::log::error("unknown tour \"" + id + "\"");
            return;
        }
        if (walker_) toggleWalk();
        showFloor(-1);  // tours visit the whole building
        model_.selectedFloor = -1;
        tour_->play();
    }

    // Resuming after the visitor moved the camera glides back to the stop
    // (restarting its dwell) rather than cutting to it.
    void resumeOrPauseTour() {
        if (tour_->playing()) {
            tour_->pause();
            return;
        }
        if (tourLeftByVisitor_) tour_->goToStop(tour_->currentStop());
        tourLeftByVisitor_ = false;
        tour_->play();
    }

    void endTour() {
        tour_.reset();
        model_.tour = TourView{};
        redrawFrames_ = std::max(redrawFrames_, 2);
    }

    // Advances the tour and puts the camera where it says.
    void updateTour(float dt) {
        if (!tour_) return;
        tour_->update(dt);
        // A paused tour leaves the camera to the visitor.
        if (tour_->playing() || tour_->moving()) {
            CameraViewpoint view = tour_->viewpoint();
            orbit_.lookAt(view.eye, view.target, true);
        }
        model_.tour.active = true;
        model_.tour.paused = !tour_->playing();
        model_.tour.title = tour_->tour().title;
        model_.tour.stop = int(tour_->currentStop());
        model_.tour.stopCount = int(tour_->stopCount());
        model_.tour.progress = float(tour_->progress());
        model_.tour.narration = {tour_->narration(Language::French), tour_->narration(Language::English)};
        // Each stop opens the cards the scene names for it (without moving
        // the camera: the tour has it).
        if (scene_ && tour_->currentStop() != tourPanelsStop_) {
            tourPanelsStop_ = tour_->currentStop();
            StopPanels open = stopPanels(*scene_, tour_->panels());
            openPlatform_ = open.platform;
            model_.machine = open.machine ? &scene_->machines[*open.machine] : nullptr;
            model_.machinePlatform = model_.machine ? scene_->platform(model_.machine->platform) : nullptr;
            refreshOutlines();
        }
        if (tour_->playing() || tour_->moving()) redrawFrames_ = std::max(redrawFrames_, 1);
    }

    // Cuts the building away above `floor` (-1: shows it whole) and eases
    // the camera to a view from above of what is left.
    void showFloor(int floor) {
        if (!building_ || !scene_) return;
        FloorView view = floorCutAway(*building_, *scene_, floor);
        renderer_->setHiddenTopNodes(building_.get(), view.hiddenTopNodes);
        hiddenTopNodes_ = view.hiddenTopNodes;
        planFocus_ = view.focus;
        if (floor < 0) planMode_ = false;
        model_.plan = planMode_;
        glm::ivec2 size = window_->windowSize();
        float pitch = floor < 0 ? options_.orbit.pitchDegrees : -55.0f;
        orbit_.frame(view.focus, orbit_.pose().yawDegrees, pitch, float(size.x) / float(std::max(size.y, 1)), false);
        redrawFrames_ = std::max(redrawFrames_, 2);
    }

    void resetView() {
        glm::ivec2 size = window_->windowSize();
        orbit_.frame(renderer_->sceneBounds(), options_.orbit.yawDegrees, options_.orbit.pitchDegrees,
                     float(size.x) / float(std::max(size.y, 1)), false);
    }

    void takeFeedProblems() {
        for (std::string& problem : feed_->takeProblems()) {
            engine::log::warning(problem);
            model_.warnings.push_back(std::move(problem));
        }
    }

    // A platform's card opens (closing a machine's) and the camera flies there.
    void openPlatform(size_t index) {
        if (!scene_ || index >= scene_->platforms.size()) return;
        model_.machine = nullptr;
        refreshOutlines();
        openPlatform_ = index;
        goToPlatform(index);
    }

    // The live data of this frame: the floor tint (the floor shown and those
    // below), the badges above machines, and what the panels read.
    void prepareLiveView(float aspect) {
        if (!feed_ || !scene_) return;
        float maxElevation = 1e9f;
        if (model_.selectedFloor >= 0 && size_t(model_.selectedFloor) < scene_->building.floors.size())
            maxElevation = scene_->building.floors[size_t(model_.selectedFloor)].elevation;
        const uint64_t revision = feed_->state().revision();
        const int64_t minute = feed_->clock().time_since_epoch().count() / 60;  // staleness moves with time
        if (revision != heatmapRevision_ || maxElevation != heatmapElevation_ || minute != heatmapMinute_) {
            renderer_->setFloorOverlays(
                occupancyHeatmap(*scene_, feed_->state(), feed_->clock(), feed_->staleAfter(), maxElevation));
            heatmapRevision_ = revision;
            heatmapElevation_ = maxElevation;
            heatmapMinute_ = minute;
        }
        liveView_ = liveViewOf(*feed_, *scene_);
        liveView_.selectedFloor = model_.selectedFloor;
        liveView_.showLegend = model_.legendVisible;
        // While a tour plays, the list makes way for its subtitles; the cards its stops open stay.
        liveView_.showPlatformColumn = model_.machine == nullptr && !model_.tour.active;
        liveView_.platform = openPlatform_ && !model_.machine ? &scene_->platforms[*openPlatform_] : nullptr;
        model_.figures.rejectedMessages = feed_->isReplay() ? std::nullopt : std::optional<uint64_t>(feed_->rejected());
        model_.figures.recentRejections.assign(feed_->recentRejections().begin(), feed_->recentRejections().end());
        if (!planMode_ && !labelAnchors_.empty()) {
            engine::Camera camera = currentCamera(aspect);
            LabelView view;
            view.viewProjection = camera.projection * camera.view;
            view.eye = camera.position;
            view.viewport = glm::vec2(window_->windowSize());
            view.hideAboveElevation = maxElevation;
            liveView_.badges = machineBadges(*scene_, labelAnchors_, feed_->state(), view, bvh_.get(),
                                             hiddenFilter(hiddenTopNodes_), kBadgeAboveLabel * overlay_->scale());
        }
        model_.titleExtra = [this] { livePanels_.buildDataRow(liveView_, overlay_->language(), overlay_->scale()); };
        model_.machineLiveSection = [this](float width) {
            if (model_.machine)
                livePanels_.buildMachineSection(liveView_, *model_.machine, overlay_->language(), overlay_->scale(), width);
        };
    }

    void loop() {
        auto last = Clock::now();
        const auto started = Clock::now();
        auto lastShaderCheck = Clock::now();
        bool devReload = std::getenv("TWIN_TOUR_DEV") != nullptr;
        while (!window_->shouldClose()) {
            bool tourRunning = tour_ && (tour_->playing() || tour_->moving());
            bool walking = walker_ && (walkTarget_ || glm::length(model_.walkPad) > 0.0f ||
                                       std::find(walkKeys_.begin(), walkKeys_.end(), true) != walkKeys_.end());
            bool animating = redrawFrames_ > 0 || cameraMoving_ || model_.loading || tourRunning || walking;
            // Idle: sleep until an event (or a loader wake-up) arrives, or
            // until the live data can have news.
            double wait = animating ? 0.0 : 1.0;
            if (feed_) wait = std::min(wait, std::chrono::duration<double>(feed_->timeUntilNews()).count());
            if (options_.runForSeconds > 0) {
                double left = options_.runForSeconds - millisecondsSince(started) / 1000.0;
                if (left <= 0) break;
                wait = std::min(wait, left);
            }
            std::vector<engine::InputEvent> events = window_->pollEvents(wait);
            for (const engine::InputEvent& e : events) handle(e);
            if (!events.empty()) redrawFrames_ = std::max(redrawFrames_, 3);
            takeLoadedContent();
            if (feed_ && feed_->update()) {
                takeFeedProblems();
                redrawFrames_ = std::max(redrawFrames_, 1);
            }
            if (devReload && millisecondsSince(lastShaderCheck) > 1000) {
                lastShaderCheck = Clock::now();
                renderer_->reloadShadersIfChanged();
                redrawFrames_ = std::max(redrawFrames_, 1);
            }

            auto now = Clock::now();
            float dt = std::min(0.1f, std::chrono::duration<float>(now - last).count());
            last = now;
            updateTour(dt);
            updateWalk(dt);
            cameraMoving_ = orbit_.update(dt);
            if (!(redrawFrames_ > 0 || cameraMoving_ || model_.loading)) continue;
            redrawFrames_ = std::max(0, redrawFrames_ - 1);
            drawFrame();
        }
    }

    void drawFrame() {
        auto frameStart = Clock::now();
        glm::ivec2 framebuffer = window_->framebufferSize();
        if (framebuffer.x <= 0 || framebuffer.y <= 0) return;
        float aspect = float(framebuffer.x) / float(framebuffer.y);
        renderer_->setOutputWindow(framebuffer);
        // In motion, a lower resolution keeps the frame rate on a slow GPU;
        // the first frame at rest is full resolution again.
        const engine::Camera camera = currentCamera(aspect);
        const bool viewMoving = camera.view != lastView_ || camera.projection != lastProjection_;
        lastView_ = camera.view;
        lastProjection_ = camera.projection;
        const float scale = options_.fullResolution ? 1.0f : adaptiveResolution_.scaleFor(viewMoving);
        renderer_->options().resolutionScale = scale;
        engine::FrameStats stats = renderer_->render(camera);
        fillFigures(model_.figures, stats, *renderer_);
        model_.figures.renderer = rendererName_;
        model_.figures.frameMs = lastFrameMs_;

        model_.labels.clear();
        model_.youAreHere.reset();
        if (planMode_ && walker_) {
            // The visitor on the plan, and where they look.
            engine::Camera plan = currentCamera(aspect);
            glm::vec2 viewport(window_->windowSize());
            auto toScreen = [&](glm::vec3 p) {
                glm::vec4 c = plan.projection * plan.view * glm::vec4(p, 1.0f);
                return glm::vec2((c.x / c.w * 0.5f + 0.5f) * viewport.x, (0.5f - c.y / c.w * 0.5f) * viewport.y);
            };
            glm::vec2 at = toScreen(walker_->feet());
            glm::vec2 ahead = toScreen(walker_->feet() + walker_->flatForward());
            model_.youAreHere = at;
            if (glm::length(ahead - at) > 0.0f) model_.youAreFacing = glm::normalize(ahead - at);
        }
        if (!labelAnchors_.empty()) {
            engine::Camera camera = currentCamera(aspect);
            LabelView view;
            view.viewProjection = camera.projection * camera.view;
            view.eye = camera.position;
            view.viewport = glm::vec2(window_->windowSize());
            if (scene_ && model_.selectedFloor >= 0 && size_t(model_.selectedFloor) < scene_->building.floors.size())
                view.hideAboveElevation = scene_->building.floors[size_t(model_.selectedFloor)].elevation;
            // Seen from above, a plan shows every name: no fading behind walls.
            model_.labels = placeLabels(labelAnchors_, view, planMode_ ? nullptr : bvh_.get(), hiddenFilter(hiddenTopNodes_));
        }
        prepareLiveView(aspect);
        renderer_->bindOutput();
        guiRenderer_->newFrame();
        guiInput_->newFrame();
        {
            // Tab alone moves from panel to panel, as Ctrl+Tab does: in ImGui
            // 1.86 plain Tab only moves between text fields. Arrows then move
            // between the buttons of the panel, Space or Enter presses.
            ImGuiIO& io = ImGui::GetIO();
            if (!io.WantTextInput && io.KeysDown[GLFW_KEY_TAB]) io.KeyCtrl = true;
            // Enter presses the focused button, as Space does (1.86 keeps Enter for text).
            if (!io.WantTextInput && (io.KeysDown[GLFW_KEY_ENTER] || io.KeysDown[GLFW_KEY_KP_ENTER]))
                io.NavInputs[ImGuiNavInput_Activate] = 1.0f;
        }
        ImGui::NewFrame();
        model_.resetViewClicked = false;
        model_.togglesChanged = false;
        overlay_->build(model_);
        if (feed_ && scene_) {
            LiveLayout layout{overlay_->rightColumnTop(), overlay_->helpTop()};
            // Walking, the on-screen arrows take the bottom right corner.
            if (model_.walking) layout.bottom -= kWalkPadHeight * overlay_->scale();
            livePanels_.build(liveView_, layout, overlay_->language(), overlay_->scale());
        }
        ImGui::Render();
        guiRenderer_->render(ImGui::GetDrawData());
        window_->swapBuffers();

        if (model_.resetViewClicked) resetView();
        if (model_.zoomSteps != 0) {
            glm::vec2 viewport(window_->windowSize());
            orbit_.zoom(float(model_.zoomSteps), viewport * 0.5f, viewport);
        }
        if (model_.floorChanged) {
            if (tour_) endTour();
            if (walker_ && model_.selectedFloor >= 0)
                takeTheLift(size_t(model_.selectedFloor));
            else
                showFloor(model_.selectedFloor);
        }
        if (model_.startTour >= 0 && scene_ && size_t(model_.startTour) < scene_->tours.size())
            startTour(scene_->tours[size_t(model_.startTour)].id);
        if (model_.machineClosed) {
            model_.machine = nullptr;
            refreshOutlines();
        }
        if (model_.walkToggled) toggleWalk();
        if (feed_) {
            applyLiveRequests(liveView_, *feed_);
            if (liveView_.seekTo || liveView_.speed || liveView_.backToNow) redrawFrames_ = std::max(redrawFrames_, 2);
            if (liveView_.platformClosed) {
                openPlatform_.reset();
                redrawFrames_ = std::max(redrawFrames_, 2);
            }
            if (liveView_.openPlatform >= 0) openPlatform(size_t(liveView_.openPlatform));
            if (liveView_.openMachine >= 0) {
                if (walker_) toggleWalk();
                selectMachine(size_t(liveView_.openMachine));
            }
        }
        if (model_.goToPlatform >= 0) goToPlatform(size_t(model_.goToPlatform));
        if (model_.goToMachine >= 0) {
            if (walker_) toggleWalk();
            selectMachine(size_t(model_.goToMachine));
        }
        if (model_.planToggled && model_.selectedFloor >= 0) {
            planMode_ = !planMode_;
            model_.plan = planMode_;
            redrawFrames_ = std::max(redrawFrames_, 2);
        }
        if (tour_) {
            if (model_.tourPauseToggled) resumeOrPauseTour();
            if (model_.tourNext) tour_->next();
            if (model_.tourPrevious) tour_->previous();
            if (model_.tourEnd) endTour();
        }
        if (model_.togglesChanged) {
            renderer_->options().shadows = model_.toggles.shadows;
            renderer_->options().fxaa = model_.toggles.antialiasing;
            renderer_->options().ground = model_.toggles.ground;
            renderer_->invalidateShadows();
            redrawFrames_ = std::max(redrawFrames_, 2);
        }
        lastFrameMs_ = millisecondsSince(frameStart);
        if (viewMoving) adaptiveResolution_.recordMotionFrame(scale, lastFrameMs_);
        if (scale < 1.0f) redrawFrames_ = std::max(redrawFrames_, 1);  // so a sharp frame follows
        overlay_->recordFrameTime(float(lastFrameMs_));
    }

    const AppOptions& options_;
    std::unique_ptr<feeds::LiveFeed> feed_;
    LivePanels livePanels_;
    LiveView liveView_;
    std::optional<size_t> openPlatform_;
    size_t tourPanelsStop_ = SIZE_MAX;  // the stop whose cards are open
    uint64_t heatmapRevision_ = UINT64_MAX;
    float heatmapElevation_ = -1.0f;
    int64_t heatmapMinute_ = -1;
    engine::AdaptiveResolution adaptiveResolution_;
    glm::mat4 lastView_{0.0f}, lastProjection_{0.0f};
    std::unique_ptr<engine::Window> window_;
    std::unique_ptr<engine::Renderer> renderer_;
    std::unique_ptr<Overlay> overlay_;
    std::unique_ptr<engine::GuiInput> guiInput_;
    std::unique_ptr<engine::gfx::GuiRenderer> guiRenderer_;
    std::string rendererName_;
    std::shared_ptr<const engine::GpuModel> building_;
    ShownContent shown_;
    StopFraming framing_;
    std::optional<TourPlayer> tour_;
    std::shared_ptr<const engine::TriangleBvh> bvh_;
    std::vector<int32_t> hiddenTopNodes_;
    bool tourLeftByVisitor_ = false;
    std::optional<engine::WalkController> walker_;
    std::vector<LabelAnchor> labelAnchors_;
    bool planMode_ = false;
    std::optional<size_t> hoveredMachine_;
    engine::Aabb planFocus_;
    std::optional<glm::vec3> walkTarget_;  // a tapped floor point being walked to
    std::array<bool, 6> walkKeys_{};        // forward, back, strafe left, strafe right, turn left, turn right
    glm::vec2 pressPosition_{0.0f};
    Clock::time_point pressTime_;
    std::optional<SceneDescription> scene_;
    engine::OrbitCamera orbit_;
    OverlayModel model_;

    std::thread loader_;
    std::mutex loadedMutex_;
    std::optional<LoadedContent> loaded_;
    bool loadDone_ = false;

    bool dragging_ = false;
    bool panning_ = false;
    glm::vec2 lastCursor_{0.0f};
    bool cameraMoving_ = false;
    int redrawFrames_ = 3;
    double lastFrameMs_ = 0;
};

}  // namespace

int runInteractive(const AppOptions& options) { return InteractiveSession(options).run(); }

}  // namespace twin
