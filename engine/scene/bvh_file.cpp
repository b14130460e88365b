#include "scene/bvh_file.h"

#include <cstdio>
#include <cstring>
#include <fstream>
#include <system_error>
#include <vector>

#include "core/file_util.h"
#include "core/hasher.h"

namespace engine {
namespace {
constexpr char kMagic[8] = {'T', 'W', 'B', 'V', 'H', 'F', 'I', 'L'};
// Bumped when the build or the node layout changes: older files are then
// ignored (their key no longer matches either).
constexpr uint32_t kVersion = 1;
// BVH files kept in a folder; each changed scene leaves one (11 MiB for Twin).
constexpr size_t kKeptFiles = 3;
// Below this many triangles the build takes a few milliseconds: not kept.
constexpr size_t kKeptFromTriangles = 20000;

struct Header {
    char magic[8];
    uint32_t version;
    uint32_t depth;
    uint64_t key;
    uint64_t nodes, triangles, skipped;
    float boundsMin[3], boundsMax[3];
    uint64_t bodyHash;  // of the nodes, triangles and source indices that follow
};
static_assert(sizeof(Header) == 80);

std::string quoted(const std::filesystem::path& file) { return "\"" + file.string() + "\""; }

template <typename T>
std::span<const uint8_t> bytesOf(const std::vector<T>& v) {
    return {reinterpret_cast<const uint8_t*>(v.data()), v.size() * sizeof(T)};
}

// The checksum of what follows the header.
uint64_t bodyHash(const TriangleBvh::Parts& parts) {
    Hasher hasher;
    hasher.add(parts.nodes);
    hasher.add(parts.triangles);
    hasher.add(parts.sourceIndex);
    return hasher.digest();
}
}  // namespace

uint64_t bvhKey(std::span<const BvhTriangle> triangles, const TriangleBvhDesc& desc) {
    static_assert(sizeof(BvhTriangle) == 40, "no padding: the hash reads the triangles' bytes");
    Hasher hasher;
    const uint32_t settings[3] = {kVersion, desc.maxLeafTriangles, desc.binCount};
    hasher.add(settings, sizeof settings);
    hasher.add(triangles.data(), triangles.size_bytes());
    return hasher.digest();
}

std::filesystem::path bvhFileName(const std::filesystem::path& directory, uint64_t key) {
    char name[40];
    std::snprintf(name, sizeof name, "bvh-%016llx.bvh", static_cast<unsigned long long>(key));
    return directory / name;
}

Result<TriangleBvh> readBvhFile(const std::filesystem::path& file, const BvhFileCheck& check) {
    std::error_code ec;
    const uintmax_t size = std::filesystem::file_size(file, ec);
    if (ec) return makeError("cannot read " + quoted(file) + ": " + ec.message());
    std::ifstream in(file, std::ios::binary);
    Header header{};
    if (size < sizeof header || !in.read(reinterpret_cast<char*>(&header), sizeof header))
        return makeError(quoted(file) + ": truncated header");
    if (std::memcmp(header.magic, kMagic, sizeof kMagic) != 0 || header.version != kVersion)
        return makeError(quoted(file) + ": not a BVH file of version " + std::to_string(kVersion));
    if (check.key && header.key != *check.key) return makeError(quoted(file) + ": built from other triangles");
    // Sizes from the header are checked against the file's before anything
    // is allocated, so a forged count cannot ask for more memory than the file holds.
    const uintmax_t body = header.nodes * sizeof(TriangleBvh::Node) +
                           header.triangles * (sizeof(TriangleBvh::Packed) + sizeof(uint32_t));
    if (header.nodes > size || header.triangles > size || size != sizeof header + body)
        return makeError(quoted(file) + ": " + std::to_string(size) + " bytes, not what its header counts (truncated?)");
    TriangleBvh::Parts parts;
    parts.nodes.resize(size_t(header.nodes));
    parts.triangles.resize(size_t(header.triangles));
    parts.sourceIndex.resize(size_t(header.triangles));
    auto readInto = [&in](auto& v) {
        return bool(in.read(reinterpret_cast<char*>(v.data()), std::streamsize(v.size() * sizeof(v[0]))));
    };
    if (!readInto(parts.nodes) || !readInto(parts.triangles) || !readInto(parts.sourceIndex))
        return makeError("cannot read " + quoted(file) + ": truncated");
    if (check.checksum && bodyHash(parts) != header.bodyHash)
        return makeError(quoted(file) + ": checksum mismatch (corrupt file)");
    parts.skipped = header.skipped;
    parts.depth = header.depth;
    parts.bounds.min = glm::vec3(header.boundsMin[0], header.boundsMin[1], header.boundsMin[2]);
    parts.bounds.max = glm::vec3(header.boundsMax[0], header.boundsMax[1], header.boundsMax[2]);
    const size_t inputTriangles = check.inputTriangles.value_or(size_t(header.triangles + header.skipped));
    Result<TriangleBvh> bvh = TriangleBvh::fromParts(std::move(parts), inputTriangles);
    if (!bvh) return makeError(quoted(file) + ": " + bvh.error());
    return bvh;
}

Status writeBvhFile(const std::filesystem::path& file, uint64_t key, const TriangleBvh& bvh) {
    const TriangleBvh::Parts parts = bvh.parts();
    Header header{};
    std::memcpy(header.magic, kMagic, sizeof kMagic);
    header.version = kVersion;
    header.depth = parts.depth;
    header.key = key;
    header.nodes = parts.nodes.size();
    header.triangles = parts.triangles.size();
    header.skipped = parts.skipped;
    for (int i = 0; i < 3; ++i) header.boundsMin[i] = parts.bounds.min[i], header.boundsMax[i] = parts.bounds.max[i];
    header.bodyHash = bodyHash(parts);
    const std::span<const uint8_t> pieces[4] = {{reinterpret_cast<const uint8_t*>(&header), sizeof header},
                                                bytesOf(parts.nodes), bytesOf(parts.triangles),
                                                bytesOf(parts.sourceIndex)};
    std::error_code ec;
    std::filesystem::create_directories(file.parent_path(), ec);
    Status written = writeFileAtomically(file, std::span<const std::span<const uint8_t>>(pieces));
    keepNewestFiles(file.parent_path(), "bvh-", ".bvh", kKeptFiles);
    return written;
}

TriangleBvh loadOrBuildBvh(std::span<const BvhTriangle> triangles, const std::filesystem::path& directory,
                           std::string* problem, bool* fromFile) {
    if (fromFile) *fromFile = false;
    if (directory.empty() || triangles.size() < kKeptFromTriangles) return TriangleBvh::build(triangles);
    const uint64_t key = bvhKey(triangles);
    const std::filesystem::path file = bvhFileName(directory, key);
    std::error_code ec;
    if (std::filesystem::exists(file, ec)) {
        Result<TriangleBvh> read = readBvhFile(file, {key, triangles.size()});
        if (read) {
            if (fromFile) *fromFile = true;
            return std::move(read).value();
        }
        if (problem) *problem = read.error() + "; built again";
    }
    TriangleBvh bvh = TriangleBvh::build(triangles);
    if (Status written = writeBvhFile(file, key, bvh); !written && problem && problem->empty())
        *problem = written.error();
    return bvh;
}

}  // namespace engine
