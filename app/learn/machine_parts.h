#pragma once
// A machine's named parts as the explorer needs them: which placements of
// the machine's laid-out model each part owns, its bounds, the direction it
// moves out in an exploded view, and which part a ray meets. Model space
// throughout (the machine's own axes); the caller places it. No GL.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <glm/glm.hpp>

#include "content/scene_file.h"
#include "scene/bounds.h"
#include "scene/model_layout.h"

namespace twin::learn {

struct PartShape {
    size_t scenePart = 0;  // index into Machine::parts
    int32_t node = -1;     // node in the model (-1: the model has none of that name)
    engine::Aabb bounds;   // model space, as laid out (empty when the node holds no mesh)
    std::vector<size_t> placements;  // the layout's placements this part moves and outlines
    glm::vec3 explodeDirection{0.0f, 1.0f, 0.0f};  // unit, model space
};

struct MachineShape {
    std::vector<PartShape> parts;  // in the scene's order
    engine::Aabb bounds;           // the whole model
    size_t placementCount = 0;     // the layout's
};

// The direction a part moves out: the one given in the scene, else from the
// machine's centre to the part's (horizontal spread weighs as much as
// height: parts stacked on a column still fan out), else straight up for a
// part at the centre. Always unit length.
glm::vec3 explodeDirection(const engine::Aabb& part, const engine::Aabb& machine,
                           const std::optional<glm::vec3>& given = std::nullopt);

// Resolves `machine`'s parts against its model's extent. A placement goes to
// the deepest named part above its node, so a part inside another (a nozzle
// in a head) moves on its own.
MachineShape machineShape(const Machine& machine, const engine::ModelExtent& extent);

// `machine` with its parts' and its own bounds where `placementMotion` (one
// model-space transform per placement of the layout, e.g. an animation's;
// missing ones are identity) has moved them; directions and placements stay.
MachineShape movedShape(const MachineShape& machine, const engine::ModelExtent& extent,
                        const std::vector<glm::mat4>& placementMotion);

// How far a part moves out at `amount` (0: assembled, 1: fully exploded):
// grows with the machine's size and with the part's distance from its centre.
glm::vec3 explodeOffset(const PartShape& part, const MachineShape& machine, float amount);

// One model-space transform per placement of the layout (identity for
// placements no part owns), for SceneItemLook::placementTransforms.
std::vector<glm::mat4> explodeTransforms(const MachineShape& machine, float amount);

// A part's bounds where the exploded view puts it (model space).
engine::Aabb explodedBounds(const PartShape& part, const MachineShape& machine, float amount);

// The whole machine with its parts where the exploded view puts them (model space).
engine::Aabb explodedMachineBounds(const MachineShape& machine, float amount);

// The part a model-space ray meets first (its exploded box); where boxes
// nest, the smaller box the ray enters within `nestSlack` metres of the
// nearest wins (a part inside a casing can still be pointed at). nullopt:
// none.
std::optional<size_t> pickPart(const MachineShape& machine, float amount, const glm::vec3& origin,
                               const glm::vec3& direction, float nestSlack = 0.05f);

// Distance along the ray to where it enters `box` (0 when it starts inside), or nullopt.
std::optional<float> rayEntersBox(const engine::Aabb& box, const glm::vec3& origin, const glm::vec3& direction);

}  // namespace twin::learn
