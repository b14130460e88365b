#include "scene/animation.h"

#include <algorithm>
#include <cmath>

#include <glm/gtc/matrix_transform.hpp>

namespace engine {
namespace {

// Index of the first key after `time` (keys sorted by time).
template <typename Key>
size_t keyAfter(std::span<const Key> keys, float time) {
    auto it = std::upper_bound(keys.begin(), keys.end(), time, [](float t, const Key& k) { return t < k.time; });
    return size_t(it - keys.begin());
}

template <typename Key, typename Value, typename Mix>
Value sample(std::span<const Key> keys, float time, const Value& fallback, Mix mix) {
    if (keys.empty()) return fallback;
    if (!std::isfinite(time) || time <= keys.front().time) return keys.front().value;
    if (time >= keys.back().time) return keys.back().value;
    const size_t next = keyAfter(keys, time);  // 1 .. size-1 here
    const Key& a = keys[next - 1];
    const Key& b = keys[next];
    const float span = b.time - a.time;
    const float f = span > 0.0f ? std::clamp((time - a.time) / span, 0.0f, 1.0f) : 1.0f;
    return mix(a.value, b.value, f);
}

// Splits a rest transform into translation, rotation and scale (no shear).
void decompose(const glm::mat4& m, glm::vec3& t, glm::quat& r, glm::vec3& s) {
    t = glm::vec3(m[3]);
    s = glm::vec3(glm::length(glm::vec3(m[0])), glm::length(glm::vec3(m[1])), glm::length(glm::vec3(m[2])));
    if (glm::determinant(glm::mat3(m)) < 0.0f) s.x = -s.x;
    glm::mat3 rotation(1.0f);
    for (int c = 0; c < 3; ++c)
        if (s[c] != 0.0f) rotation[c] = glm::vec3(m[c]) / s[c];
    r = glm::normalize(glm::quat_cast(rotation));
}

}  // namespace

glm::vec3 sampleKeys(std::span<const VectorKey> keys, float time, const glm::vec3& fallback) {
    return sample(keys, time, fallback, [](const glm::vec3& a, const glm::vec3& b, float f) { return glm::mix(a, b, f); });
}

glm::quat sampleKeys(std::span<const RotationKey> keys, float time, const glm::quat& fallback) {
    glm::quat q = sample(keys, time, fallback, [](glm::quat a, glm::quat b, float f) {
        if (glm::dot(a, b) < 0.0f) b = -b;  // the shorter way round
        return glm::slerp(a, b, f);
    });
    const float length = glm::length(q);
    return length > 0.0f && std::isfinite(length) ? q / length : glm::quat(1.0f, 0.0f, 0.0f, 0.0f);
}

float clipTime(double seconds, float duration, bool loop) {
    if (!(duration > 0.0f) || !std::isfinite(seconds) || !std::isfinite(duration)) return 0.0f;
    if (!loop) return float(std::clamp(seconds, 0.0, double(duration)));
    double wrapped = std::fmod(seconds, double(duration));
    if (wrapped < 0.0) wrapped += duration;
    return float(wrapped);
}

std::vector<glm::mat4> animatedLocalTransforms(std::span<const glm::mat4> restLocal, const AnimationClip& clip,
                                               float time) {
    std::vector<glm::mat4> local(restLocal.begin(), restLocal.end());
    for (const NodeChannel& channel : clip.channels) {
        if (channel.node < 0 || size_t(channel.node) >= local.size()) continue;
        glm::vec3 t, s;
        glm::quat r;
        decompose(restLocal[size_t(channel.node)], t, r, s);
        t = sampleKeys(channel.positions, time, t);
        r = sampleKeys(channel.rotations, time, r);
        s = sampleKeys(channel.scales, time, s);
        local[size_t(channel.node)] =
            glm::translate(glm::mat4(1.0f), t) * glm::mat4_cast(r) * glm::scale(glm::mat4(1.0f), s);
    }
    return local;
}

std::vector<glm::mat4> animatedNodeMotion(std::span<const glm::mat4> restLocal, std::span<const int32_t> parents,
                                          const AnimationClip& clip, float time) {
    const size_t count = restLocal.size();
    std::vector<glm::mat4> motion(count, glm::mat4(1.0f));
    if (clip.channels.empty() || parents.size() != count) return motion;
    const std::vector<glm::mat4> local = animatedLocalTransforms(restLocal, clip, time);
    std::vector<glm::mat4> rest(count), moved(count);
    std::vector<bool> changed(count, false);
    for (size_t i = 0; i < count; ++i) {
        const int32_t parent = parents[i];
        const bool hasParent = parent >= 0 && size_t(parent) < i;  // parents first; a bad index is a root
        rest[i] = hasParent ? rest[size_t(parent)] * restLocal[i] : restLocal[i];
        moved[i] = hasParent ? moved[size_t(parent)] * local[i] : local[i];
        changed[i] = local[i] != restLocal[i] || (hasParent && changed[size_t(parent)]);
        if (!changed[i]) continue;
        // A rest transform that cannot be undone (a zero scale) holds nothing visible: left still.
        if (std::abs(glm::determinant(glm::mat3(rest[i]))) < 1e-12f) continue;
        motion[i] = moved[i] * glm::inverse(rest[i]);
    }
    return motion;
}

int32_t findClip(std::span<const AnimationClip> clips, std::string_view name) {
    if (name.empty()) return clips.empty() ? -1 : 0;
    for (size_t i = 0; i < clips.size(); ++i)
        if (clips[i].name == name) return int32_t(i);
    return -1;
}

}  // namespace engine
