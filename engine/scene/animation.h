#pragma once
// Node animations (translation, rotation, scale keys per node) and their
// sampling: linear for vectors, slerp for rotations, clamped outside the
// keys; a clip's time loops or clamps to its duration. Pure maths, no GL;
// the importer fills the clips, the model file stores them, applications
// turn a clip at a time into per-node transforms (animatedNodeMotion).
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include <glm/glm.hpp>
#include <glm/gtc/quaternion.hpp>

namespace engine {

struct VectorKey {
    float time = 0.0f;  // seconds from the clip's start
    glm::vec3 value{0.0f};
    bool operator==(const VectorKey&) const = default;
};
struct RotationKey {
    float time = 0.0f;
    glm::quat value{1.0f, 0.0f, 0.0f, 0.0f};  // w, x, y, z
    bool operator==(const RotationKey&) const = default;
};

// The keys of one node. An empty list leaves that part of the node's own
// (rest) transform as it is. Keys are sorted by time.
struct NodeChannel {
    int32_t node = -1;  // index into the model's nodes
    std::vector<VectorKey> positions;
    std::vector<RotationKey> rotations;
    std::vector<VectorKey> scales;
    bool operator==(const NodeChannel&) const = default;
};

struct AnimationClip {
    std::string name;
    float duration = 0.0f;  // seconds; 0: a still pose
    std::vector<NodeChannel> channels;
    bool operator==(const AnimationClip&) const = default;
};

// The value at `time`: linear between the two keys around it, the first
// key's before it, the last key's after it; `fallback` when there is no key.
glm::vec3 sampleKeys(std::span<const VectorKey> keys, float time, const glm::vec3& fallback);
// Same for rotations, by spherical interpolation along the shorter arc; the
// result is normalised.
glm::quat sampleKeys(std::span<const RotationKey> keys, float time, const glm::quat& fallback);

// A play time (any number of seconds, negative too) brought into a clip of
// `duration`: wrapped when looping, clamped otherwise; 0 for a clip of no
// length or a time that is not finite.
float clipTime(double seconds, float duration, bool loop);

// The local transform of every node at `time` (seconds into the clip, see
// clipTime): `restLocal` where the clip has no channel or no keys of a kind,
// translation * rotation * scale from the keys otherwise. Channels naming a
// node out of range are ignored.
std::vector<glm::mat4> animatedLocalTransforms(std::span<const glm::mat4> restLocal, const AnimationClip& clip,
                                               float time);

// Per node, the model-space motion that takes what the node holds from its
// rest place to where `clip` puts it at `time`: animatedWorld * inverse(restWorld).
// `parents[i]` comes before i (-1: a root). Identity for nodes that do not move.
std::vector<glm::mat4> animatedNodeMotion(std::span<const glm::mat4> restLocal, std::span<const int32_t> parents,
                                          const AnimationClip& clip, float time);

// Index of the clip called `name` in `clips`, or -1. An empty name picks the first clip (-1 if none).
int32_t findClip(std::span<const AnimationClip> clips, std::string_view name);

}  // namespace engine
