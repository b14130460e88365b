#include "assets/model_file.h"

#include <algorithm>
#include <bit>
#include <cerrno>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <memory>
#include <string>
#include <system_error>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <xxhash.h>

#include "core/file_util.h"

namespace engine {

static_assert(std::endian::native == std::endian::little, "the model file is little-endian and copied as is");

namespace {

constexpr char kMagic[8] = {'T', 'W', 'T', 'M', 'O', 'D', 'E', 'L'};
constexpr uint32_t kSectionHeaderSize = 16;
// Guards against absurd values before anything is allocated.
constexpr uint32_t kMaxStringLength = 1u << 20;
constexpr uint32_t kMaxTextureSide = 32768;

constexpr uint32_t fourcc(const char (&s)[5]) {
    return uint32_t(uint8_t(s[0])) | uint32_t(uint8_t(s[1])) << 8 | uint32_t(uint8_t(s[2])) << 16 |
           uint32_t(uint8_t(s[3])) << 24;
}

struct SectionInfo {
    uint32_t tag;
    const char* name;
};
// The payload holds exactly these sections, in this order.
constexpr SectionInfo kSections[] = {
    {fourcc("INFO"), "INFO"}, {fourcc("DEPS"), "DEPS"}, {fourcc("TEXS"), "TEXS"},
    {fourcc("MATS"), "MATS"}, {fourcc("MESH"), "MESH"}, {fourcc("NODE"), "NODE"},
    {fourcc("ANIM"), "ANIM"},
};
constexpr uint32_t kSectionCount = sizeof(kSections) / sizeof(kSections[0]);

uint32_t mipLevelCount(uint32_t width, uint32_t height) {
    uint32_t levels = 1;
    uint32_t side = std::max(width, height);
    while (side > 1) {
        side >>= 1;
        ++levels;
    }
    return levels;
}

// ---------------------------------------------------------------- writing

// The file as a list of pieces: small fields are copied into `small`, large
// blobs (pixels, vertices, indices) stay where the model holds them. So a
// model with 89 MiB of textures is written without an 89 MiB copy (which
// cost the worker as much memory again, and 100 ms of page faults).
class Writer {
public:
    std::vector<uint8_t> small;
    size_t total = 0;  // bytes so far

    void raw(const void* data, size_t size) {
        if (size == 0) return;
        const auto* p = static_cast<const uint8_t*>(data);
        if (size >= kBorrowedBytes) {
            pieces_.push_back({0, p, size});
        } else {
            if (pieces_.empty() || pieces_.back().borrowed) pieces_.push_back({small.size(), nullptr, 0});
            small.insert(small.end(), p, p + size);
            pieces_.back().size += size;
        }
        total += size;
    }
    template <typename T>
    void pod(const T& value) {
        raw(&value, sizeof(T));
    }
    void u8(uint8_t v) { pod(v); }
    void u32(uint32_t v) { pod(v); }
    void i32(int32_t v) { pod(v); }
    void u64(uint64_t v) { pod(v); }
    void i64(int64_t v) { pod(v); }
    void f32(float v) { pod(v); }
    void str(std::string_view s) {
        // Longer strings are cut: they are names and messages only.
        uint32_t length = uint32_t(std::min<size_t>(s.size(), kMaxStringLength));
        u32(length);
        raw(s.data(), length);
    }

    // Section header with the byte size patched in by endSection().
    struct SectionStart {
        size_t smallAt;  // where the size field lies in `small`
        size_t totalAt;  // and in the file
    };
    SectionStart beginSection(uint32_t tag, uint32_t count) {
        u32(tag);
        u32(count);
        SectionStart at{small.size(), total};
        u64(0);
        return at;
    }
    void endSection(SectionStart at) {
        uint64_t size = total - (at.totalAt + 8);
        std::memcpy(small.data() + at.smallAt, &size, sizeof(size));
    }
    // The file's bytes, in order.
    std::vector<std::span<const uint8_t>> spans() const {
        std::vector<std::span<const uint8_t>> out;
        out.reserve(pieces_.size());
        for (const Piece& piece : pieces_)
            out.emplace_back(piece.borrowed ? piece.borrowed : small.data() + piece.offset, piece.size);
        return out;
    }

private:
    static constexpr size_t kBorrowedBytes = 4096;
    struct Piece {
        size_t offset;            // in small, where not borrowed
        const uint8_t* borrowed;  // the model's memory, or null
        size_t size;
    };
    std::vector<Piece> pieces_;
};

// ---------------------------------------------------------------- reading

struct ParseError {
    std::string message;
};

// Bounded cursor over untrusted bytes: every read checks what is left and
// throws ParseError (caught in parseModelFile) naming the field.
class Reader {
public:
    Reader(const uint8_t* data, size_t size) : data_(data), left_(size) {}

    size_t left() const { return left_; }
    const uint8_t* position() const { return data_; }

    void need(uint64_t size, const std::string& field) const {
        if (size > left_)
            throw ParseError{field + " needs " + std::to_string(size) + " bytes but only " +
                             std::to_string(left_) + " remain (truncated or corrupt)"};
    }
    const uint8_t* take(uint64_t size, const std::string& field) {
        need(size, field);
        const uint8_t* p = data_;
        data_ += size;
        left_ -= size;
        return p;
    }
    template <typename T>
    T pod(const std::string& field) {
        T value;
        std::memcpy(&value, take(sizeof(T), field), sizeof(T));
        return value;
    }
    uint8_t u8(const std::string& f) { return pod<uint8_t>(f); }
    uint32_t u32(const std::string& f) { return pod<uint32_t>(f); }
    int32_t i32(const std::string& f) { return pod<int32_t>(f); }
    uint64_t u64(const std::string& f) { return pod<uint64_t>(f); }
    int64_t i64(const std::string& f) { return pod<int64_t>(f); }
    float f32(const std::string& f) {
        float v = pod<float>(f);
        if (!std::isfinite(v)) throw ParseError{f + " is not a finite number"};
        return v;
    }
    std::string str(const std::string& field) {
        uint32_t length = u32(field + " length");
        if (length > kMaxStringLength)
            throw ParseError{field + " length " + std::to_string(length) + " is absurd"};
        const uint8_t* p = take(length, field);
        return std::string(reinterpret_cast<const char*>(p), length);
    }
    // Checks that `count` items of at least `minItemSize` bytes can fit
    // before anything is allocated for them.
    void checkCount(uint64_t count, uint64_t minItemSize, const std::string& field) const {
        if (minItemSize > 0 && count > left_ / minItemSize)
            throw ParseError{field + " " + std::to_string(count) + " cannot fit in the " +
                             std::to_string(left_) + " bytes left"};
    }

private:
    const uint8_t* data_;
    size_t left_;
};

std::string indexed(const char* array, size_t index) {
    return std::string(array) + "[" + std::to_string(index) + "]";
}

// Reads one section header and returns a reader limited to its body.
Reader openSection(Reader& payload, const SectionInfo& info, uint32_t& count) {
    std::string name = std::string("section ") + info.name;
    uint32_t tag = payload.u32(name + " tag");
    if (tag != info.tag) throw ParseError{name + " expected here, found another tag (corrupt)"};
    count = payload.u32(name + " count");
    uint64_t size = payload.u64(name + " size");
    const uint8_t* body = payload.take(size, name + " body");
    return Reader(body, size_t(size));
}

void closeSection(const Reader& section, const SectionInfo& info) {
    if (section.left() != 0)
        throw ParseError{std::string("section ") + info.name + " has " + std::to_string(section.left()) +
                         " unexpected bytes at its end"};
}

void parseInfo(Reader& r, uint32_t count, ModelData& model) {
    model.sourceName = r.str("sourceName");
    r.checkCount(count, 4, "warning count");
    model.warnings.reserve(count);
    for (uint32_t i = 0; i < count; ++i) model.warnings.push_back(r.str(indexed("warnings", i)));
}

void parseDependencies(Reader& r, uint32_t count, std::vector<FileDependency>& out) {
    r.checkCount(count, 4 + 1 + 8 + 8, "dependency count");
    out.resize(count);
    for (uint32_t i = 0; i < count; ++i) {
        std::string field = indexed("dependencies", i);
        FileDependency& dep = out[i];
        dep.path = r.str(field + ".path");
        uint8_t exists = r.u8(field + ".exists");
        if (exists > 1) throw ParseError{field + ".exists is " + std::to_string(exists) + ", not 0 or 1"};
        dep.exists = exists == 1;
        dep.size = r.u64(field + ".size");
        dep.mtimeNs = r.i64(field + ".mtime");
    }
}

void parseTextures(Reader& r, uint32_t count, ModelData& model) {
    r.checkCount(count, 4 + 4 + 4 + 4 + 4, "texture count");
    model.textures.resize(count);
    for (uint32_t i = 0; i < count; ++i) {
        std::string field = indexed("textures", i);
        TextureData& tex = model.textures[i];
        tex.name = r.str(field + ".name");
        tex.width = r.u32(field + ".width");
        tex.height = r.u32(field + ".height");
        if (tex.width == 0 || tex.height == 0 || tex.width > kMaxTextureSide || tex.height > kMaxTextureSide)
            throw ParseError{field + " size " + std::to_string(tex.width) + "x" + std::to_string(tex.height) +
                             " is out of range (1 to " + std::to_string(kMaxTextureSide) + ")"};
        uint8_t srgb = r.u8(field + ".srgb");
        uint8_t placeholder = r.u8(field + ".placeholder");
        uint8_t mipCount = r.u8(field + ".mipCount");
        r.u8(field + ".reserved");
        if (srgb > 1 || placeholder > 1) throw ParseError{field + " has a flag that is neither 0 nor 1"};
        tex.srgb = srgb == 1;
        tex.placeholder = placeholder == 1;
        uint32_t fullChain = mipLevelCount(tex.width, tex.height);
        if (mipCount == 0 || mipCount > fullChain)
            throw ParseError{field + ".mipCount " + std::to_string(mipCount) + " does not fit a " +
                             std::to_string(tex.width) + "x" + std::to_string(tex.height) + " texture (1 to " +
                             std::to_string(fullChain) + ")"};
        tex.mips.resize(mipCount);
        for (uint32_t level = 0; level < mipCount; ++level) {
            uint64_t w = std::max<uint32_t>(1, tex.width >> level);
            uint64_t h = std::max<uint32_t>(1, tex.height >> level);
            uint64_t size = w * h * 4;
            const uint8_t* p = r.take(size, field + ".mips[" + std::to_string(level) + "]");
            tex.mips[level].assign(p, p + size);
        }
    }
}

int32_t readTextureIndex(Reader& r, const std::string& field, size_t textureCount) {
    int32_t index = r.i32(field);
    if (index != kNoTexture && (index < 0 || size_t(index) >= textureCount))
        throw ParseError{field + " " + std::to_string(index) + " is out of range (" + std::to_string(textureCount) +
                         " textures)"};
    return index;
}

void parseMaterials(Reader& r, uint32_t count, ModelData& model) {
    r.checkCount(count, 4 + 12 * 4 + 4 + 5 * 4, "material count");
    model.materials.resize(count);
    const size_t textureCount = model.textures.size();
    for (uint32_t i = 0; i < count; ++i) {
        std::string field = indexed("materials", i);
        MaterialData& m = model.materials[i];
        m.name = r.str(field + ".name");
        for (int c = 0; c < 4; ++c) m.baseColorFactor[c] = r.f32(field + ".baseColorFactor");
        m.metallicFactor = r.f32(field + ".metallicFactor");
        m.roughnessFactor = r.f32(field + ".roughnessFactor");
        for (int c = 0; c < 3; ++c) m.emissiveFactor[c] = r.f32(field + ".emissiveFactor");
        m.normalScale = r.f32(field + ".normalScale");
        m.occlusionStrength = r.f32(field + ".occlusionStrength");
        m.alphaCutoff = r.f32(field + ".alphaCutoff");
        uint8_t alphaMode = r.u8(field + ".alphaMode");
        if (alphaMode > uint8_t(AlphaMode::Blend))
            throw ParseError{field + ".alphaMode " + std::to_string(alphaMode) + " is not 0, 1 or 2"};
        m.alphaMode = AlphaMode(alphaMode);
        uint8_t doubleSided = r.u8(field + ".doubleSided");
        if (doubleSided > 1) throw ParseError{field + ".doubleSided is neither 0 nor 1"};
        m.doubleSided = doubleSided == 1;
        r.u8(field + ".reserved");
        r.u8(field + ".reserved");
        m.baseColorTexture = readTextureIndex(r, field + ".baseColorTexture", textureCount);
        m.metallicRoughnessTexture = readTextureIndex(r, field + ".metallicRoughnessTexture", textureCount);
        m.normalTexture = readTextureIndex(r, field + ".normalTexture", textureCount);
        m.occlusionTexture = readTextureIndex(r, field + ".occlusionTexture", textureCount);
        m.emissiveTexture = readTextureIndex(r, field + ".emissiveTexture", textureCount);
    }
}

void parseMeshes(Reader& r, uint32_t count, ModelData& model) {
    r.checkCount(count, 4 + 4 + 6 * 4 + 4 + 4, "mesh count");
    model.meshes.resize(count);
    const size_t materialCount = model.materials.size();
    for (uint32_t i = 0; i < count; ++i) {
        std::string field = indexed("meshes", i);
        MeshData& mesh = model.meshes[i];
        mesh.name = r.str(field + ".name");
        mesh.materialIndex = r.u32(field + ".materialIndex");
        if (mesh.materialIndex >= materialCount)
            throw ParseError{field + ".materialIndex " + std::to_string(mesh.materialIndex) + " is out of range (" +
                             std::to_string(materialCount) + " materials)"};
        // The empty box uses +-FLT_MAX, which is finite, so f32() accepts it.
        for (int c = 0; c < 3; ++c) mesh.bounds.min[c] = r.f32(field + ".bounds.min");
        for (int c = 0; c < 3; ++c) mesh.bounds.max[c] = r.f32(field + ".bounds.max");
        uint32_t vertexCount = r.u32(field + ".vertexCount");
        uint32_t indexCount = r.u32(field + ".indexCount");
        if (indexCount % 3 != 0)
            throw ParseError{field + ".indexCount " + std::to_string(indexCount) + " is not a multiple of 3"};
        const uint64_t vertexBytes = uint64_t(vertexCount) * sizeof(Vertex);
        const uint64_t indexBytes = uint64_t(indexCount) * sizeof(uint32_t);
        r.need(vertexBytes + indexBytes, field + " vertex and index data");
        const uint8_t* vertices = r.take(vertexBytes, field + ".vertices");
        const uint8_t* indices = r.take(indexBytes, field + ".indices");
        mesh.vertices.resize(vertexCount);
        if (vertexBytes) std::memcpy(mesh.vertices.data(), vertices, vertexBytes);
        mesh.indices.resize(indexCount);
        if (indexBytes) std::memcpy(mesh.indices.data(), indices, indexBytes);
        // One pass over the indices; an out-of-range index would make the
        // GPU read outside the vertex buffer.
        uint32_t maxIndex = 0;
        for (uint32_t index : mesh.indices) maxIndex = std::max(maxIndex, index);
        if (indexCount > 0 && maxIndex >= vertexCount)
            throw ParseError{field + ".indices holds " + std::to_string(maxIndex) + ", out of range (" +
                             std::to_string(vertexCount) + " vertices)"};
    }
}

void parseNodes(Reader& r, uint32_t count, ModelData& model) {
    r.checkCount(count, 4 + 4 + 16 * 4 + 4, "node count");
    model.nodes.resize(count);
    const size_t meshCount = model.meshes.size();
    for (uint32_t i = 0; i < count; ++i) {
        std::string field = indexed("nodes", i);
        NodeData& node = model.nodes[i];
        node.name = r.str(field + ".name");
        node.parent = r.i32(field + ".parent");
        // Parents come before children: this also rules out cycles.
        if (node.parent < -1 || (node.parent >= 0 && uint32_t(node.parent) >= i))
            throw ParseError{field + ".parent " + std::to_string(node.parent) + " is not a node before it"};
        for (int c = 0; c < 4; ++c)
            for (int row = 0; row < 4; ++row) node.localTransform[c][row] = r.f32(field + ".localTransform");
        uint32_t meshRefs = r.u32(field + ".meshCount");
        r.checkCount(meshRefs, 4, field + ".meshCount");
        node.meshes.resize(meshRefs);
        for (uint32_t k = 0; k < meshRefs; ++k) {
            node.meshes[k] = r.u32(field + ".meshes");
            if (node.meshes[k] >= meshCount)
                throw ParseError{field + ".meshes[" + std::to_string(k) + "] " + std::to_string(node.meshes[k]) +
                                 " is out of range (" + std::to_string(meshCount) + " meshes)"};
        }
    }
}

// Keys: a count, then (time, value) items; times finite and in order.
template <typename Key, int Components>
void parseKeys(Reader& r, std::vector<Key>& keys, const std::string& field) {
    uint32_t count = r.u32(field + " count");
    r.checkCount(count, 4 + Components * 4, field + " count");
    keys.resize(count);
    for (uint32_t k = 0; k < count; ++k) {
        const std::string item = field + "[" + std::to_string(k) + "]";
        keys[k].time = r.f32(item + ".time");
        if (k > 0 && keys[k].time < keys[k - 1].time)
            throw ParseError{item + ".time goes back in time (keys must be in order)"};
        float v[Components];
        for (int c = 0; c < Components; ++c) v[c] = r.f32(item + ".value");
        if constexpr (Components == 4)
            keys[k].value = glm::quat(v[0], v[1], v[2], v[3]);
        else
            keys[k].value = glm::vec3(v[0], v[1], v[2]);
    }
}

void parseAnimations(Reader& r, uint32_t count, ModelData& model) {
    r.checkCount(count, 4 + 4 + 4, "animation count");
    model.animations.resize(count);
    const size_t nodeCount = model.nodes.size();
    for (uint32_t i = 0; i < count; ++i) {
        std::string field = indexed("animations", i);
        AnimationClip& clip = model.animations[i];
        clip.name = r.str(field + ".name");
        clip.duration = r.f32(field + ".duration");
        if (clip.duration < 0.0f) throw ParseError{field + ".duration is negative"};
        uint32_t channels = r.u32(field + ".channelCount");
        r.checkCount(channels, 4 + 3 * 4, field + ".channelCount");
        clip.channels.resize(channels);
        for (uint32_t c = 0; c < channels; ++c) {
            std::string ch = field + ".channels[" + std::to_string(c) + "]";
            NodeChannel& channel = clip.channels[c];
            channel.node = r.i32(ch + ".node");
            if (channel.node < 0 || size_t(channel.node) >= nodeCount)
                throw ParseError{ch + ".node " + std::to_string(channel.node) + " is out of range (" +
                                 std::to_string(nodeCount) + " nodes)"};
            parseKeys<VectorKey, 3>(r, channel.positions, ch + ".positions");
            parseKeys<RotationKey, 4>(r, channel.rotations, ch + ".rotations");
            parseKeys<VectorKey, 3>(r, channel.scales, ch + ".scales");
        }
    }
}

std::string inQuotes(const std::filesystem::path& p) { return "\"" + p.string() + "\""; }

}  // namespace

// ---------------------------------------------------------------- public

FileDependency describeFile(const std::filesystem::path& file) {
    FileDependency dep;
    std::error_code ec;
    std::filesystem::path absolute = std::filesystem::absolute(file, ec);
    dep.path = (ec ? file : absolute).lexically_normal().string();
    struct stat st {};
    if (::stat(dep.path.c_str(), &st) != 0 || !S_ISREG(st.st_mode)) {
        dep.exists = false;
        return dep;
    }
    dep.exists = true;
    dep.size = uint64_t(st.st_size);
    dep.mtimeNs = int64_t(st.st_mtim.tv_sec) * 1'000'000'000 + int64_t(st.st_mtim.tv_nsec);
    return dep;
}

bool dependenciesUnchanged(const std::vector<FileDependency>& dependencies, std::string* reason) {
    for (const FileDependency& dep : dependencies) {
        FileDependency now = describeFile(dep.path);
        if (now.exists != dep.exists) {
            if (reason) *reason = "\"" + dep.path + "\" " + (dep.exists ? "disappeared" : "appeared");
            return false;
        }
        if (dep.exists && (now.size != dep.size || now.mtimeNs != dep.mtimeNs)) {
            if (reason) *reason = "\"" + dep.path + "\" changed";
            return false;
        }
    }
    return true;
}

namespace {

// The whole file in `w`: header (its payload size and hash filled in) and
// sections. Large blobs are the model's own memory: `w` lives no longer
// than `model`.
void encodeInto(Writer& w, const ModelData& model, const std::vector<FileDependency>& dependencies) {

    // Header; payload size and hash are patched in at the end.
    w.raw(kMagic, sizeof(kMagic));
    w.u32(kModelFileVersion);
    w.u32(uint32_t(kModelFileHeaderSize));
    w.u64(0);
    w.u64(0);
    w.u32(kSectionCount);
    w.u32(0);

    Writer::SectionStart at = w.beginSection(fourcc("INFO"), uint32_t(model.warnings.size()));
    w.str(model.sourceName);
    for (const std::string& warning : model.warnings) w.str(warning);
    w.endSection(at);

    at = w.beginSection(fourcc("DEPS"), uint32_t(dependencies.size()));
    for (const FileDependency& dep : dependencies) {
        w.str(dep.path);
        w.u8(dep.exists ? 1 : 0);
        w.u64(dep.size);
        w.i64(dep.mtimeNs);
    }
    w.endSection(at);

    at = w.beginSection(fourcc("TEXS"), uint32_t(model.textures.size()));
    for (const TextureData& tex : model.textures) {
        w.str(tex.name);
        w.u32(tex.width);
        w.u32(tex.height);
        w.u8(tex.srgb ? 1 : 0);
        w.u8(tex.placeholder ? 1 : 0);
        w.u8(uint8_t(std::min<size_t>(tex.mips.size(), 255)));
        w.u8(0);
        for (size_t level = 0; level < tex.mips.size() && level < 255; ++level)
            w.raw(tex.mips[level].data(), tex.mips[level].size());
    }
    w.endSection(at);

    at = w.beginSection(fourcc("MATS"), uint32_t(model.materials.size()));
    for (const MaterialData& m : model.materials) {
        w.str(m.name);
        for (int c = 0; c < 4; ++c) w.f32(m.baseColorFactor[c]);
        w.f32(m.metallicFactor);
        w.f32(m.roughnessFactor);
        for (int c = 0; c < 3; ++c) w.f32(m.emissiveFactor[c]);
        w.f32(m.normalScale);
        w.f32(m.occlusionStrength);
        w.f32(m.alphaCutoff);
        w.u8(uint8_t(m.alphaMode));
        w.u8(m.doubleSided ? 1 : 0);
        w.u8(0);
        w.u8(0);
        w.i32(m.baseColorTexture);
        w.i32(m.metallicRoughnessTexture);
        w.i32(m.normalTexture);
        w.i32(m.occlusionTexture);
        w.i32(m.emissiveTexture);
    }
    w.endSection(at);

    at = w.beginSection(fourcc("MESH"), uint32_t(model.meshes.size()));
    for (const MeshData& mesh : model.meshes) {
        w.str(mesh.name);
        w.u32(mesh.materialIndex);
        for (int c = 0; c < 3; ++c) w.f32(mesh.bounds.min[c]);
        for (int c = 0; c < 3; ++c) w.f32(mesh.bounds.max[c]);
        w.u32(uint32_t(mesh.vertices.size()));
        w.u32(uint32_t(mesh.indices.size()));
        w.raw(mesh.vertices.data(), mesh.vertices.size() * sizeof(Vertex));
        w.raw(mesh.indices.data(), mesh.indices.size() * sizeof(uint32_t));
    }
    w.endSection(at);

    at = w.beginSection(fourcc("NODE"), uint32_t(model.nodes.size()));
    for (const NodeData& node : model.nodes) {
        w.str(node.name);
        w.i32(node.parent);
        for (int c = 0; c < 4; ++c)
            for (int row = 0; row < 4; ++row) w.f32(node.localTransform[c][row]);
        w.u32(uint32_t(node.meshes.size()));
        w.raw(node.meshes.data(), node.meshes.size() * sizeof(uint32_t));
    }
    w.endSection(at);

    at = w.beginSection(fourcc("ANIM"), uint32_t(model.animations.size()));
    for (const AnimationClip& clip : model.animations) {
        w.str(clip.name);
        w.f32(clip.duration);
        w.u32(uint32_t(clip.channels.size()));
        for (const NodeChannel& channel : clip.channels) {
            w.i32(channel.node);
            auto vectors = [&](const std::vector<VectorKey>& keys) {
                w.u32(uint32_t(keys.size()));
                for (const VectorKey& k : keys) {
                    w.f32(k.time);
                    for (int c = 0; c < 3; ++c) w.f32(k.value[c]);
                }
            };
            vectors(channel.positions);
            w.u32(uint32_t(channel.rotations.size()));
            for (const RotationKey& k : channel.rotations) {
                w.f32(k.time);
                w.f32(k.value.w);
                w.f32(k.value.x);
                w.f32(k.value.y);
                w.f32(k.value.z);
            }
            vectors(channel.scales);
        }
    }
    w.endSection(at);

    // The header is the start of the first piece (small fields only).
    const uint64_t payloadSize = w.total - kModelFileHeaderSize;
    XXH3_state_t* state = XXH3_createState();
    if (!state) throw std::bad_alloc();
    XXH3_64bits_reset(state);
    size_t offset = 0;
    for (std::span<const uint8_t> piece : w.spans()) {
        const size_t skip = offset < kModelFileHeaderSize ? std::min(piece.size(), kModelFileHeaderSize - offset) : 0;
        XXH3_64bits_update(state, piece.data() + skip, piece.size() - skip);
        offset += piece.size();
    }
    const uint64_t payloadHash = XXH3_64bits_digest(state);
    XXH3_freeState(state);
    std::memcpy(w.small.data() + 16, &payloadSize, 8);
    std::memcpy(w.small.data() + 24, &payloadHash, 8);
}

}  // namespace

std::vector<uint8_t> encodeModelFile(const ModelData& model, const std::vector<FileDependency>& dependencies) {
    Writer w;
    encodeInto(w, model, dependencies);
    std::vector<uint8_t> bytes;
    bytes.reserve(w.total);
    for (std::span<const uint8_t> piece : w.spans()) bytes.insert(bytes.end(), piece.begin(), piece.end());
    return bytes;
}

Status writeModelFile(const ModelData& model, const std::filesystem::path& file,
                      const std::vector<FileDependency>& dependencies) {
    Writer w;
    try {
        encodeInto(w, model, dependencies);
    } catch (const std::bad_alloc&) {
        return makeError("cannot write " + inQuotes(file) + ": ran out of memory while encoding the model");
    }
    return writeFileAtomically(file, w.spans());
}

Result<ModelFileContents> parseModelFile(std::span<const uint8_t> bytes, std::string_view fileName,
                                         ModelFileParseOptions options) {
    const std::string prefix = "\"" + std::string(fileName) + "\": ";
    try {
        if (bytes.size() < kModelFileHeaderSize)
            return makeError(prefix + "not a model file (only " + std::to_string(bytes.size()) + " bytes)");
        if (std::memcmp(bytes.data(), kMagic, sizeof(kMagic)) != 0)
            return makeError(prefix + "not a model file (wrong magic)");
        Reader header(bytes.data() + sizeof(kMagic), kModelFileHeaderSize - sizeof(kMagic));
        uint32_t version = header.u32("version");
        if (version != kModelFileVersion)
            return makeError(prefix + "model file version " + std::to_string(version) + ", expected " +
                             std::to_string(kModelFileVersion));
        uint32_t headerSize = header.u32("header size");
        uint64_t payloadSize = header.u64("payload size");
        uint64_t payloadHash = header.u64("payload hash");
        uint32_t sectionCount = header.u32("section count");
        uint32_t reserved = header.u32("reserved");
        if (headerSize != kModelFileHeaderSize) return makeError(prefix + "header size field is wrong (corrupt)");
        if (payloadSize != bytes.size() - kModelFileHeaderSize)
            return makeError(prefix + "payload size field says " + std::to_string(payloadSize) + " bytes, file has " +
                             std::to_string(bytes.size() - kModelFileHeaderSize) + " (truncated or corrupt)");
        if (sectionCount != kSectionCount || reserved != 0)
            return makeError(prefix + "section count or reserved field is wrong (corrupt)");
        const uint8_t* payload = bytes.data() + kModelFileHeaderSize;
        if (options.verifyChecksum && XXH3_64bits(payload, payloadSize) != payloadHash)
            return makeError(prefix + "checksum mismatch (corrupt file)");

        ModelFileContents contents;
        Reader r(payload, size_t(payloadSize));
        using Parser = void (*)(Reader&, uint32_t, ModelFileContents&);
        const Parser parsers[kSectionCount] = {
            [](Reader& s, uint32_t n, ModelFileContents& c) { parseInfo(s, n, c.model); },
            [](Reader& s, uint32_t n, ModelFileContents& c) { parseDependencies(s, n, c.dependencies); },
            [](Reader& s, uint32_t n, ModelFileContents& c) { parseTextures(s, n, c.model); },
            [](Reader& s, uint32_t n, ModelFileContents& c) { parseMaterials(s, n, c.model); },
            [](Reader& s, uint32_t n, ModelFileContents& c) { parseMeshes(s, n, c.model); },
            [](Reader& s, uint32_t n, ModelFileContents& c) { parseNodes(s, n, c.model); },
            [](Reader& s, uint32_t n, ModelFileContents& c) { parseAnimations(s, n, c.model); },
        };
        for (uint32_t s = 0; s < kSectionCount; ++s) {
            uint32_t count = 0;
            Reader section = openSection(r, kSections[s], count);
            parsers[s](section, count, contents);
            closeSection(section, kSections[s]);
        }
        if (r.left() != 0) return makeError(prefix + "unexpected bytes after the last section (corrupt)");
        return contents;
    } catch (const ParseError& e) {
        return makeError(prefix + "corrupt model file: " + e.message);
    } catch (const std::bad_alloc&) {
        return makeError(prefix + "ran out of memory while reading the model file");
    } catch (const std::length_error&) {
        return makeError(prefix + "corrupt model file: a size is absurd");
    }
}

Result<ModelFileContents> readModelFileContents(const std::filesystem::path& file) {
    int fd = ::open(file.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) return makeError("cannot read " + inQuotes(file) + ": " + std::strerror(errno));
    struct stat st {};
    if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
        ::close(fd);
        return makeError("cannot read " + inQuotes(file) + ": not a regular file");
    }
    // Not a vector: its zero-filling of a large file (tens of MiB of
    // textures) is as much work as the read that overwrites it.
    const size_t size = size_t(st.st_size);
    std::unique_ptr<uint8_t[]> bytes;
    try {
        bytes.reset(new uint8_t[std::max<size_t>(size, 1)]);
    } catch (const std::exception&) {
        ::close(fd);
        return makeError("cannot read " + inQuotes(file) + ": ran out of memory for " + std::to_string(st.st_size) +
                         " bytes");
    }
    size_t done = 0;
    while (done < size) {
        ssize_t n = ::read(fd, bytes.get() + done, size - done);
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) {
            std::string reason = std::strerror(errno);
            ::close(fd);
            return makeError("cannot read " + inQuotes(file) + ": " + reason);
        }
        if (n == 0) break;  // shrank while reading: the parser reports the truncation
        done += size_t(n);
    }
    ::close(fd);
    return parseModelFile(std::span<const uint8_t>(bytes.get(), done), file.string());
}

Result<ModelData> readModelFile(const std::filesystem::path& file) {
    Result<ModelFileContents> contents = readModelFileContents(file);
    if (!contents) return makeError(contents.error());
    return std::move(contents.value().model);
}

}  // namespace engine
