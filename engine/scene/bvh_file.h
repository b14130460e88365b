#pragma once
// A picking BVH kept on disk between runs, beside the import cache: the
// Twin scene's 173,000 triangles took 50-100 ms to build at every start, on
// the start's critical path; reading them back takes 15-20 ms. The file is named after a hash of
// the triangles it was built from, and checked as any outside input: a
// header, a checksum of the rest, then a tree TriangleBvh::fromParts accepts.
#include <cstdint>
#include <filesystem>
#include <optional>
#include <span>

#include "core/result.h"
#include "scene/triangle_bvh.h"

namespace engine {

// What the BVH of `triangles` built with `desc` is kept under.
uint64_t bvhKey(std::span<const BvhTriangle> triangles, const TriangleBvhDesc& desc = {});

// The file's name for `key` in `directory`.
std::filesystem::path bvhFileName(const std::filesystem::path& directory, uint64_t key);

// What a file read must match. Unset: anything (the fuzzer's way in, with
// the checksum off so that it reaches the tree's checks).
struct BvhFileCheck {
    std::optional<uint64_t> key;
    std::optional<size_t> inputTriangles;  // triangles the BVH was built over
    bool checksum = true;
};

// Reads `file`. The error names the file and what did not match.
Result<TriangleBvh> readBvhFile(const std::filesystem::path& file, const BvhFileCheck& check);

// Writes `bvh` to `file` (atomically), then keeps only the newest few BVH
// files of its folder.
Status writeBvhFile(const std::filesystem::path& file, uint64_t key, const TriangleBvh& bvh);

// The BVH of `triangles`: read from `directory` when a previous run kept it,
// else built and kept there (an empty directory, or fewer than 20,000
// triangles, which build in a few milliseconds: built, not kept). A file
// that cannot be read or written is reported once through `problem` and
// the BVH is built; nothing is lost.
TriangleBvh loadOrBuildBvh(std::span<const BvhTriangle> triangles, const std::filesystem::path& directory,
                           std::string* problem = nullptr, bool* fromFile = nullptr);

}  // namespace engine
