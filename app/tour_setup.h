#pragma once
// Builds guided-tour players for the loaded scene: the automatic framing of
// stops without a camera (platform footprints, machine bounds) and the
// player of a tour by id. No GL.
#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <string>

#include "content/scene_file.h"
#include "render/gpu_model.h"
#include "tour/tour_player.h"

namespace twin {

using ModelsByFile = std::map<std::filesystem::path, std::shared_ptr<const engine::GpuModel>>;

// The framing of a stop with no camera: inside a platform at eye height, or
// a 3/4 view of a machine that fits it in a view of `aspect`.
StopFraming makeStopFraming(const SceneDescription& scene, const ModelsByFile& models, float aspect);

// The viewpoint that frames machine `id` (3/4 view from its front), or
// nullopt when the scene has no such machine.
std::optional<CameraViewpoint> machineViewpoint(const SceneDescription& scene, const ModelsByFile& models,
                                                const std::string& id, float aspect);

// A player for the tour `id` of the scene, or nullopt when there is none.
// With `startFrom`, the tour opens with a move from that viewpoint.
std::optional<TourPlayer> makeTourPlayer(const SceneDescription& scene, const std::string& id,
                                         const StopFraming& framing, bool reducedMotion,
                                         std::optional<CameraViewpoint> startFrom = std::nullopt);

}  // namespace twin
