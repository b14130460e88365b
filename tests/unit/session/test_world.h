#pragma once
// The synthetic building the session, panel and kiosk tests share: a ground
// floor "f0" (a slab at y = 0, 20 m square) with the "lab" platform on it
// and, unless left out, a printer whose 1 m body stands on the slab centred at
// kPrinterCentre. Each test adds its tours and what else it needs.
#include <glm/gtc/matrix_transform.hpp>

#include "session/visit_session.h"
#include "test_extents.h"

namespace twin::test {

inline const glm::vec3 kPrinterCentre{0.0f, 0.5f, -3.0f};

struct LabWorld {
    bool printer = true;
    bool upperFloor = false;  // "f1", a slab at y = 3
    bool roof = false;        // a "roof" node at y = 6, one of the building's roofNodes
};

inline VisitContent labWorld(LabWorld with = {}) {
    VisitContent content;
    content.title = "test";
    SceneDescription& scene = content.scene.emplace();
    scene.name = {"Essai", "Test"};
    scene.building.models.push_back({"building.glb", glm::mat4(1.0f)});
    scene.building.floors.push_back({"f0", {"Rez-de-chaussée", "Ground floor"}, 0.0f, 3.0f, {"floor_0"}});
    std::vector<std::pair<std::string, engine::Aabb>> buildingNodes{{"floor_0", box({-10, -0.2f, -10}, {10, 0, 10})}};
    float top = 3.0f;
    if (with.upperFloor) {
        scene.building.floors.push_back({"f1", {"Étage", "First floor"}, 3.0f, 3.0f, {"floor_1"}});
        buildingNodes.push_back({"floor_1", box({-10, 3, -10}, {10, 3.2f, 10})});
        top = 6.2f;
    }
    if (with.roof) {
        scene.building.roofNodes = {"roof"};
        buildingNodes.push_back({"roof", box({-10, 6, -10}, {10, 6.2f, 10})});
        top = 6.2f;
    }
    Platform lab;
    lab.id = "lab";
    lab.name = {"Labo", "Lab"};
    lab.floor = "f0";
    lab.footprint = {{-6, -1}, {6, -1}, {6, 5}, {-6, 5}};  // walking starts at its centre, clear of the printer
    lab.capacity = 10;
    scene.platforms.push_back(lab);
    if (with.printer) {
        Machine printer;
        printer.id = "printer";
        printer.name = {"Imprimante", "Printer"};
        printer.model = {"printer.glb", glm::translate(glm::mat4(1.0f), kPrinterCentre - glm::vec3(0, 0.5f, 0))};
        printer.platform = "lab";
        scene.machines.push_back(printer);
        content.models["printer.glb"] = boxExtent({{"body", box({-0.5f, 0, -0.5f}, {0.5f, 1, 0.5f})}});
    }
    content.buildingFile = "building.glb";
    content.models["building.glb"] = boxExtent(buildingNodes);
    content.sceneBounds = box({-10, -0.2f, -10}, {10, top, 10});
    return content;
}

// A stop at the lab (platform) or the printer (machine), `seconds` long.
inline TourStop labStop(TourStop::TargetKind kind, float seconds, LocalizedText narration = {}) {
    TourStop stop;
    stop.kind = kind;
    stop.targetId = kind == TourStop::TargetKind::Machine ? "printer" : "lab";
    stop.durationSeconds = seconds;
    stop.narration = std::move(narration);
    return stop;
}

}  // namespace twin::test
