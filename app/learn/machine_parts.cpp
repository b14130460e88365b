#include "learn/machine_parts.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace twin::learn {

glm::vec3 explodeDirection(const engine::Aabb& part, const engine::Aabb& machine, const std::optional<glm::vec3>& given) {
    if (given && std::isfinite(given->x) && std::isfinite(given->y) && std::isfinite(given->z) &&
        glm::dot(*given, *given) > 1e-12f)
        return glm::normalize(*given);
    if (part.empty() || machine.empty()) return {0.0f, 1.0f, 0.0f};
    // Relative to the machine's size on each axis, so a tall narrow machine
    // spreads sideways as much as up.
    const glm::vec3 size = glm::max(machine.size(), glm::vec3(1e-4f));
    glm::vec3 d = (part.center() - machine.center()) / size;
    if (glm::length(d) < 0.02f) return {0.0f, 1.0f, 0.0f};
    return glm::normalize(d);
}

MachineShape machineShape(const Machine& machine, const engine::ModelExtent& extent) {
    MachineShape shape;
    shape.bounds = extent.bounds;
    shape.placementCount = extent.parts.size();
    for (size_t i = 0; i < machine.parts.size(); ++i) {
        PartShape part;
        part.scenePart = i;
        part.node = extent.nodeNamed(machine.parts[i].node);
        part.bounds = extent.nodeBounds(part.node);
        shape.parts.push_back(std::move(part));
    }
    // Each placement to the deepest named part above it: the part whose node
    // is nearest up the placement's chain of parents.
    for (size_t p = 0; p < extent.parts.size(); ++p) {
        int32_t node = extent.parts[p].node;
        size_t steps = 0;
        std::optional<size_t> owner;
        while (node >= 0 && size_t(node) < extent.nodes.size() && steps++ <= extent.nodes.size() && !owner) {
            for (size_t k = 0; k < shape.parts.size(); ++k)
                if (shape.parts[k].node == node) owner = k;
            int32_t parent = extent.nodes[size_t(node)].parent;
            node = parent < node ? parent : -1;
        }
        if (owner) shape.parts[*owner].placements.push_back(p);
    }
    for (PartShape& part : shape.parts) {
        const auto& given = machine.parts[part.scenePart].explodeDirection;
        part.explodeDirection = explodeDirection(part.bounds, shape.bounds, given);
    }
    return shape;
}

MachineShape movedShape(const MachineShape& machine, const engine::ModelExtent& extent,
                        const std::vector<glm::mat4>& placementMotion) {
    MachineShape moved = machine;
    std::vector<engine::Aabb> placed(extent.parts.size());
    moved.bounds = engine::Aabb();
    for (size_t p = 0; p < extent.parts.size(); ++p) {
        const auto& part = extent.parts[p];
        const glm::mat4 motion = p < placementMotion.size() ? placementMotion[p] : glm::mat4(1.0f);
        placed[p] = part.bounds.transformed(motion * part.transform);
        moved.bounds.expand(placed[p]);
    }
    // As machineShape: a part holds what lies under its node.
    for (PartShape& part : moved.parts) {
        if (part.node < 0) continue;
        part.bounds = engine::Aabb();
        for (size_t p = 0; p < extent.parts.size(); ++p)
            if (extent.parts[p].node >= 0 && extent.nodeUnder(extent.parts[p].node, part.node))
                part.bounds.expand(placed[p]);
    }
    return moved;
}

glm::vec3 explodeOffset(const PartShape& part, const MachineShape& machine, float amount) {
    if (!(amount > 0.0f) || machine.bounds.empty()) return glm::vec3(0.0f);
    amount = std::min(amount, 1.0f);
    const float radius = machine.bounds.radius();
    const float away = part.bounds.empty() ? 0.0f : glm::length(part.bounds.center() - machine.bounds.center());
    // Smooth start and end: the slider's ends are gentle, the middle moves.
    const float eased = amount * amount * (3.0f - 2.0f * amount);
    return part.explodeDirection * eased * (0.45f * radius + 0.8f * away);
}

std::vector<glm::mat4> explodeTransforms(const MachineShape& machine, float amount) {
    std::vector<glm::mat4> transforms(machine.placementCount, glm::mat4(1.0f));
    for (const PartShape& part : machine.parts) {
        const glm::vec3 offset = explodeOffset(part, machine, amount);
        for (size_t p : part.placements)
            if (p < transforms.size()) transforms[p][3] = glm::vec4(offset, 1.0f);
    }
    return transforms;
}

engine::Aabb explodedBounds(const PartShape& part, const MachineShape& machine, float amount) {
    engine::Aabb box = part.bounds;
    if (box.empty()) return box;
    const glm::vec3 offset = explodeOffset(part, machine, amount);
    box.min += offset;
    box.max += offset;
    return box;
}

engine::Aabb explodedMachineBounds(const MachineShape& machine, float amount) {
    engine::Aabb box = machine.bounds;
    for (const PartShape& part : machine.parts) box.expand(explodedBounds(part, machine, amount));
    return box;
}

std::optional<float> rayEntersBox(const engine::Aabb& box, const glm::vec3& origin, const glm::vec3& direction) {
    if (box.empty()) return std::nullopt;
    float near = 0.0f, far = std::numeric_limits<float>::max();
    for (int axis = 0; axis < 3; ++axis) {
        const float o = origin[axis], d = direction[axis];
        if (std::abs(d) < 1e-12f) {
            if (o < box.min[axis] || o > box.max[axis]) return std::nullopt;
            continue;
        }
        float t0 = (box.min[axis] - o) / d, t1 = (box.max[axis] - o) / d;
        if (t0 > t1) std::swap(t0, t1);
        near = std::max(near, t0);
        far = std::min(far, t1);
        if (near > far) return std::nullopt;
    }
    return near;
}

std::optional<size_t> pickPart(const MachineShape& machine, float amount, const glm::vec3& origin,
                               const glm::vec3& direction, float nestSlack) {
    struct Hit {
        size_t part;
        float distance;
        float volume;
    };
    std::vector<Hit> hits;
    for (size_t i = 0; i < machine.parts.size(); ++i) {
        const engine::Aabb box = explodedBounds(machine.parts[i], machine, amount);
        if (auto t = rayEntersBox(box, origin, direction)) {
            const glm::vec3 s = box.size();
            hits.push_back({i, *t, s.x * s.y * s.z});
        }
    }
    if (hits.empty()) return std::nullopt;
    float nearest = std::numeric_limits<float>::max();
    for (const Hit& h : hits) nearest = std::min(nearest, h.distance);
    const Hit* best = nullptr;
    for (const Hit& h : hits)
        if (h.distance <= nearest + nestSlack && (!best || h.volume < best->volume)) best = &h;
    return best->part;
}

}  // namespace twin::learn
