#pragma once
// A 64-bit hash (XXH3) built up piece by piece: the names of cache files
// (baked light, kept shadow maps) and the keys they depend on. Add fields
// one by one rather than whole structs, whose padding is not part of them.
#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

#include <xxhash.h>

namespace engine {

class Hasher {
public:
    Hasher() { XXH3_64bits_reset(state_); }
    ~Hasher() { XXH3_freeState(state_); }
    Hasher(const Hasher&) = delete;
    Hasher& operator=(const Hasher&) = delete;

    void add(const void* data, size_t bytes) { XXH3_64bits_update(state_, data, bytes); }
    template <class T>
    void add(const std::vector<T>& v) { add(v.data(), v.size() * sizeof(T)); }
    void add(std::string_view text) { add(text.data(), text.size()); }
    uint64_t digest() const { return XXH3_64bits_digest(state_); }

private:
    XXH3_state_t* state_ = XXH3_createState();
};

}  // namespace engine
