#include "tour_setup.h"

#include <cmath>

#include "tour/tour_framing.h"

namespace twin {

StopFraming makeStopFraming(const SceneDescription& scene, const ModelsByFile& models, float aspect) {
    return [&scene, &models, aspect](const TourStop& stop) -> CameraViewpoint {
        if (stop.kind == TourStop::TargetKind::Platform) {
            if (const Platform* platform = scene.platform(stop.targetId)) {
                RoomFramingDesc room;
                room.footprint = platform->footprint;
                for (const Floor& floor : scene.building.floors) {
                    if (floor.id != platform->floor) continue;
                    room.floorElevation = floor.elevation;
                    room.ceilingHeight = floor.height;
                }
                return frameRoom(room);
            }
        }
        if (stop.kind == TourStop::TargetKind::Machine) {
            const Machine* machine = scene.machine(stop.targetId);
            auto model = machine ? models.find(machine->model.file) : models.end();
            if (model != models.end() && model->second) {
                const glm::mat4& t = machine->model.transform;
                engine::Aabb bounds = model->second->bounds().transformed(t);
                MachineFramingDesc frame;
                frame.boundsMin = bounds.min;
                frame.boundsMax = bounds.max;
                // The machine's front (+Z) after its placement.
                frame.yawDegrees = float(std::atan2(t[2][0], t[2][2]) * 180.0 / M_PI);
                frame.aspect = aspect;
                // The floor of its platform: a printer on a table must not
                // lift the eye by the table's height.
                if (const Platform* platform = scene.platform(machine->platform))
                    for (const Floor& floor : scene.building.floors)
                        if (floor.id == platform->floor) frame.floorElevation = floor.elevation;
                return frameMachine(frame);
            }
        }
        CameraViewpoint view;
        view.target = stop.point;
        view.eye = stop.point + glm::vec3(0.0f, 1.5f, 5.0f);
        return view;
    };
}

std::optional<CameraViewpoint> machineViewpoint(const SceneDescription& scene, const ModelsByFile& models,
                                                const std::string& id, float aspect) {
    if (!scene.machine(id)) return std::nullopt;
    TourStop stop;
    stop.kind = TourStop::TargetKind::Machine;
    stop.targetId = id;
    return makeStopFraming(scene, models, aspect)(stop);
}

std::optional<TourPlayer> makeTourPlayer(const SceneDescription& scene, const std::string& id,
                                         const StopFraming& framing, bool reducedMotion,
                                         std::optional<CameraViewpoint> startFrom) {
    const Tour* tour = scene.tour(id);
    if (!tour) return std::nullopt;
    TourPlayerDesc desc;
    desc.reducedMotion = reducedMotion;
    desc.startFrom = startFrom;
    return TourPlayer(*tour, framing, desc);
}

}  // namespace twin
