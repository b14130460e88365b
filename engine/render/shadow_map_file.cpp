#include "render/shadow_map_file.h"

#include <cstdio>
#include <cstring>
#include <fstream>
#include <system_error>

#include <xxhash.h>

#include "core/file_util.h"

namespace engine {
namespace {
constexpr char kMagic[8] = {'T', 'W', 'S', 'H', 'A', 'D', 'O', 'W'};
constexpr uint32_t kVersion = 1;
// Shadow map files kept in a folder; older ones are removed. Each changed
// scene, sun or placement leaves one behind (8 MiB at 2048x2048).
constexpr size_t kKeptFiles = 3;

struct Header {
    char magic[8];
    uint32_t version;
    uint32_t width, height;
    uint32_t reserved;
    uint64_t key;
    uint64_t depthsHash;
};
static_assert(sizeof(Header) == 40);

std::string quoted(const std::filesystem::path& file) { return "\"" + file.string() + "\""; }
}  // namespace

std::filesystem::path shadowMapFileName(const std::filesystem::path& directory, uint64_t key) {
    char name[40];
    std::snprintf(name, sizeof name, "shadows-%016llx.depth", static_cast<unsigned long long>(key));
    return directory / name;
}

Result<ShadowMapImage> readShadowMapFile(const std::filesystem::path& file, uint64_t key, int width, int height) {
    std::error_code ec;
    const uintmax_t size = std::filesystem::file_size(file, ec);
    if (ec) return makeError("cannot read " + quoted(file) + ": " + ec.message());
    const uintmax_t expected = sizeof(Header) + uintmax_t(width) * uintmax_t(height) * sizeof(uint16_t);
    if (size != expected)
        return makeError(quoted(file) + ": " + std::to_string(size) + " bytes, expected " + std::to_string(expected) +
                         " (truncated or another size)");
    std::ifstream in(file, std::ios::binary);
    Header header{};
    if (!in.read(reinterpret_cast<char*>(&header), sizeof header)) return makeError("cannot read " + quoted(file));
    if (std::memcmp(header.magic, kMagic, sizeof kMagic) != 0 || header.version != kVersion)
        return makeError(quoted(file) + ": not a shadow map file of version " + std::to_string(kVersion));
    if (header.key != key || int64_t(header.width) != width || int64_t(header.height) != height)
        return makeError(quoted(file) + ": drawn for another scene or size");
    ShadowMapImage image;
    image.key = key;
    image.width = width;
    image.height = height;
    image.depths.resize(size_t(width) * size_t(height));
    if (!in.read(reinterpret_cast<char*>(image.depths.data()), std::streamsize(image.depths.size() * sizeof(uint16_t))))
        return makeError("cannot read " + quoted(file) + ": truncated");
    if (XXH3_64bits(image.depths.data(), image.depths.size() * sizeof(uint16_t)) != header.depthsHash)
        return makeError(quoted(file) + ": checksum mismatch (corrupt file)");
    return image;
}

Status writeShadowMapFile(const std::filesystem::path& file, const ShadowMapImage& image) {
    if (image.width <= 0 || image.height <= 0 || image.depths.size() != size_t(image.width) * size_t(image.height))
        return makeError("cannot write " + quoted(file) + ": the image's size does not match its depths");
    Header header{};
    std::memcpy(header.magic, kMagic, sizeof kMagic);
    header.version = kVersion;
    header.width = uint32_t(image.width);
    header.height = uint32_t(image.height);
    header.key = image.key;
    header.depthsHash = XXH3_64bits(image.depths.data(), image.depths.size() * sizeof(uint16_t));
    std::vector<uint8_t> bytes(sizeof header + image.depths.size() * sizeof(uint16_t));
    std::memcpy(bytes.data(), &header, sizeof header);
    std::memcpy(bytes.data() + sizeof header, image.depths.data(), image.depths.size() * sizeof(uint16_t));
    std::error_code ec;
    std::filesystem::create_directories(file.parent_path(), ec);
    Status written = writeFileAtomically(file, bytes);
    keepNewestFiles(file.parent_path(), "shadows-", ".depth", kKeptFiles);
    return written;
}

}  // namespace engine
