#pragma once
// SplitMix64: a small, fast pseudo-random generator that gives the same
// sequence on every platform, for tests and benchmarks that must be
// repeatable (std:: distributions differ between standard libraries).
#include <cmath>
#include <cstdint>

#include <glm/glm.hpp>

namespace engine {

class SplitMix64 {
public:
    explicit SplitMix64(uint64_t seed) : state_(seed) {}

    uint64_t next() {
        uint64_t z = (state_ += 0x9E3779B97F4A7C15ull);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
        return z ^ (z >> 31);
    }
    // Uniform in [lo, hi), from 24 random bits.
    float uniform(float lo, float hi) { return lo + (hi - lo) * float(next() >> 40) * (1.0f / 16777216.0f); }
    // Uniform in [0, n) for n > 0.
    int below(int n) { return int(next() % uint64_t(n)); }
    glm::vec3 inBox(glm::vec3 lo, glm::vec3 hi) { return {uniform(lo.x, hi.x), uniform(lo.y, hi.y), uniform(lo.z, hi.z)}; }
    // Uniform on the unit sphere (rejection from the cube).
    glm::vec3 direction() {
        for (;;) {
            glm::vec3 v = inBox(glm::vec3(-1.0f), glm::vec3(1.0f));
            float lengthSq = glm::dot(v, v);
            if (lengthSq > 1e-4f && lengthSq <= 1.0f) return v / std::sqrt(lengthSq);
        }
    }

private:
    uint64_t state_;
};

}  // namespace engine
