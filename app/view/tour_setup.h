#pragma once
// Builds guided-tour players for the loaded scene: the automatic framing of
// stops without a camera (platform footprints, machine bounds) and the
// player of a tour by id. No GL.
#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>

#include <glm/glm.hpp>

#include "content/scene_file.h"
#include "scene/model_layout.h"
#include "scene/triangle_bvh.h"
#include "tour/tour_player.h"

namespace twin {

// Where each model file's meshes are (no GPU needed), by file.
using ModelExtents = std::map<std::filesystem::path, engine::ModelExtent>;

// The framing of a stop with no camera: inside a platform at eye height, or
// a 3/4 view of a machine that fits it in a view of `aspect`.
StopFraming makeStopFraming(const SceneDescription& scene, const ModelExtents& models, float aspect);

// The viewpoint that frames machine `id` (3/4 view from its front), or
// nullopt when the scene has no such machine.
std::optional<CameraViewpoint> machineViewpoint(const SceneDescription& scene, const ModelExtents& models,
                                                const std::string& id, float aspect);

// The cards a tour stop opens: its "panels" ("platform:ID", "machine:ID")
// as indices into the scene. Unknown ids and other kinds are ignored (the
// scene file's validation reports them).
struct StopPanels {
    std::optional<size_t> platform;
    std::optional<size_t> machine;
};
StopPanels stopPanels(const SceneDescription& scene, const std::vector<std::string>& panels);

// How close (metres) a tour camera may pass to the building away from its
// stops: more than the camera's near plane, so a door frame never fills the
// view as the camera goes by, and less than half a 1 m door.
constexpr float kTourWallClearance = 0.2f;

// The obstacle test of tour camera paths (CameraPathDesc::segmentBlocked):
// true when the straight move from `from` to `to` crosses a triangle of
// `obstacles`, or comes closer than `clearance` to one once `clearance` away
// from both ends (a stop's eye may stand nearer than that to a machine). The
// function shares ownership of the BVH. A null BVH blocks nothing.
std::function<bool(glm::vec3 from, glm::vec3 to)> tourSegmentTest(std::shared_ptr<const engine::TriangleBvh> obstacles,
                                                                 float clearance = kTourWallClearance);

// A player for the tour `id` of the scene, or nullopt when there is none.
// With `startFrom`, the tour opens with a move from that viewpoint. With
// `obstacles` (the building and machines), moves that would cross them
// detour through the scene's building waypoints (see CameraPathDesc); the
// player keeps the BVH alive for its glides.
std::optional<TourPlayer> makeTourPlayer(const SceneDescription& scene, const std::string& id,
                                         const StopFraming& framing, bool reducedMotion,
                                         std::optional<CameraViewpoint> startFrom = std::nullopt,
                                         std::shared_ptr<const engine::TriangleBvh> obstacles = nullptr);

}  // namespace twin
