#include "assets/assimp_importer.h"

#include <algorithm>
#include <atomic>
#include <cmath>
#include <cstring>
#include <fstream>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <system_error>
#include <thread>
#include <unordered_map>

#include <assimp/DefaultIOSystem.h>
#include <assimp/GltfMaterial.h>
#include <assimp/Importer.hpp>
#include <assimp/config.h>
#include <assimp/material.h>
#include <assimp/postprocess.h>
#include <assimp/scene.h>

#include "assets/model_file_check.h"
#include "assets/texture_decode.h"
#include "assets/texture_path.h"

namespace engine {
namespace {

namespace fs = std::filesystem;

// Texture files above this are refused unread (no real texture is this big).
constexpr uint64_t kMaxTextureFileBytes = uint64_t(256) << 20;

std::string inQuotes(std::string_view s) { return "\"" + std::string(s) + "\""; }

// Keeps the dependency list: one entry per path, first sighting wins.
class DependencyRecorder {
public:
    explicit DependencyRecorder(std::vector<FileDependency>* out) : out_(out) {}

    void record(const fs::path& file) {
        if (!out_) return;
        FileDependency dep = describeFile(file);
        if (seen_.insert(dep.path).second) out_->push_back(std::move(dep));
    }

private:
    std::vector<FileDependency>* out_;
    std::set<std::string> seen_;
};

// Assimp opens every file (the model, .mtl, .bin, ...) through this, so the
// cache learns what the import depended on.
class RecordingIOSystem : public Assimp::DefaultIOSystem {
public:
    explicit RecordingIOSystem(DependencyRecorder& recorder) : recorder_(recorder) {}

    Assimp::IOStream* Open(const char* file, const char* mode) override {
        Assimp::IOStream* stream = Assimp::DefaultIOSystem::Open(file, mode);
        const bool reading = mode == nullptr || std::strchr(mode, 'w') == nullptr;
        if (file && reading) recorder_.record(file);
        return stream;
    }

private:
    DependencyRecorder& recorder_;
};

// aiMatrix4x4 is row-major: a1..a4 is the first row and the translation
// sits in a4, b4, c4. glm is column-major (m[column][row]), so each glm
// column is one Assimp column.
glm::mat4 toGlm(const aiMatrix4x4& m) {
    return glm::mat4(m.a1, m.b1, m.c1, m.d1,   // column 0
                     m.a2, m.b2, m.c2, m.d2,   // column 1
                     m.a3, m.b3, m.c3, m.d3,   // column 2
                     m.a4, m.b4, m.c4, m.d4);  // column 3: translation
}

glm::vec3 finiteOr(const glm::vec3& v, const glm::vec3& fallback) {
    return (std::isfinite(v.x) && std::isfinite(v.y) && std::isfinite(v.z)) ? v : fallback;
}

// Any unit vector orthogonal to n, for meshes without UVs.
glm::vec3 anyTangent(const glm::vec3& n) {
    glm::vec3 axis = std::abs(n.y) < 0.99f ? glm::vec3(0, 1, 0) : glm::vec3(1, 0, 0);
    return glm::normalize(glm::cross(axis, n));
}

// A boolean property, whatever its storage: glTF 5.2 stores a 1-byte C++
// bool as a buffer (Get<int> misreads it), other formats an int.
bool readFlag(const aiMaterial& material, const char* key, unsigned type, unsigned index) {
    const aiMaterialProperty* property = nullptr;
    if (aiGetMaterialProperty(&material, key, type, index, &property) != AI_SUCCESS || !property || !property->mData)
        return false;
    if (property->mType == aiPTI_Float && property->mDataLength >= sizeof(float)) {
        float value = 0.0f;
        std::memcpy(&value, property->mData, sizeof(value));
        return value != 0.0f;
    }
    for (unsigned i = 0; i < property->mDataLength && i < 8; ++i)
        if (property->mData[i] != 0) return true;
    return false;
}

std::optional<std::string> texturePath(const aiMaterial* material, aiTextureType type) {
    if (material->GetTextureCount(type) == 0) return std::nullopt;
    aiString path;
    if (material->GetTexture(type, 0, &path) != AI_SUCCESS || path.length == 0) return std::nullopt;
    return std::string(path.C_Str(), path.length);
}

class SceneConverter {
public:
    SceneConverter(const fs::path& file, const ImportSettings& settings, const aiScene& scene,
                   DependencyRecorder& recorder, ImportTrace* trace)
        : file_(file), settings_(settings), scene_(scene), recorder_(recorder), trace_(trace) {}

    Result<ModelData> convert() {
        model_.sourceName = file_.string();
        stage("converting");
        if (auto error = convertMeshes()) return makeError(*error);
        if (auto error = convertNodes()) return makeError(*error);
        convertAnimations();
        if (model_.triangleCount() == 0) return fail("the file holds no triangles to show");
        stage("textures");
        if (auto error = convertMaterials()) return makeError(*error);
        decodeTextures();
        return std::move(model_);
    }

private:
    std::string prefix() const { return cannotOpenPrefix(file_); }
    Error fail(const std::string& reason) const { return makeError(prefix() + reason); }
    void stage(std::string_view name) {
        if (trace_ && trace_->onStage) trace_->onStage(name);
    }
    void warn(const std::string& message) { model_.warnings.push_back(inQuotes(file_.string()) + ": " + message); }

    // aiMesh -> MeshData; meshes without triangles are dropped (meshMap_ -1).
    std::optional<std::string> convertMeshes() {
        uint64_t triangles = 0, vertices = 0;
        meshMap_.assign(scene_.mNumMeshes, -1);
        for (unsigned m = 0; m < scene_.mNumMeshes; ++m) {
            const aiMesh* mesh = scene_.mMeshes[m];
            if (!mesh || !mesh->mVertices || mesh->mNumVertices == 0 || !mesh->mFaces) continue;
            triangles += mesh->mNumFaces;
            vertices += mesh->mNumVertices;
            if (triangles > settings_.maxTriangles)
                return prefix() + "more than " + std::to_string(settings_.maxTriangles) +
                       " triangles, which is beyond what this viewer accepts";
            if (vertices > settings_.maxVertices)
                return prefix() + "more than " + std::to_string(settings_.maxVertices) +
                       " vertices, which is beyond what this viewer accepts";

            MeshData out;
            out.name = mesh->mName.C_Str();
            out.indices.reserve(size_t(mesh->mNumFaces) * 3);
            for (unsigned f = 0; f < mesh->mNumFaces; ++f) {
                const aiFace& face = mesh->mFaces[f];
                if (face.mNumIndices != 3 || !face.mIndices) continue;
                const unsigned* idx = face.mIndices;
                if (idx[0] >= mesh->mNumVertices || idx[1] >= mesh->mNumVertices || idx[2] >= mesh->mNumVertices)
                    continue;
                out.indices.insert(out.indices.end(), idx, idx + 3);
            }
            if (out.indices.empty()) continue;

            out.vertices.resize(mesh->mNumVertices);
            const aiVector3D* uvs = mesh->mTextureCoords[0];
            for (unsigned v = 0; v < mesh->mNumVertices; ++v) {
                Vertex& vertex = out.vertices[v];
                const aiVector3D& p = mesh->mVertices[v];
                vertex.position = finiteOr(glm::vec3(p.x, p.y, p.z), glm::vec3(0.0f));
                glm::vec3 n(0, 1, 0);
                if (mesh->mNormals) {
                    const aiVector3D& a = mesh->mNormals[v];
                    n = finiteOr(glm::vec3(a.x, a.y, a.z), glm::vec3(0.0f));
                    const float length = glm::length(n);
                    n = length > 1e-12f ? n / length : glm::vec3(0, 1, 0);
                }
                vertex.normal = n;
                if (uvs) {
                    const glm::vec2 uv(uvs[v].x, uvs[v].y);
                    vertex.uv = (std::isfinite(uv.x) && std::isfinite(uv.y)) ? uv : glm::vec2(0.0f);
                }
                out.bounds.expand(vertex.position);
            }
            setTangents(*mesh, out);
            out.materialIndex = mesh->mMaterialIndex;  // remapped in convertMaterials()
            meshMap_[m] = int32_t(model_.meshes.size());
            meshSource_.push_back(m);
            model_.meshes.push_back(std::move(out));
        }
        if (model_.meshes.empty()) return prefix() + "the file holds no triangles to show";
        return std::nullopt;
    }

    // Tangents in glTF's convention: xyz along +u, and the bitangent
    // cross(normal, tangent) * w pointing to the top of the image (normal
    // maps store +Y up). Tangents stored in the file (glTF TANGENT, FBX
    // binormals) are kept; others are computed here, not by Assimp's
    // CalcTangentSpace, whose bitangent follows +v of the already flipped
    // UVs (towards the bottom of the image) while the stored ones point up.
    static void setTangents(const aiMesh& mesh, MeshData& out) {
        std::vector<Vertex>& vertices = out.vertices;
        std::vector<glm::vec3> tangents(vertices.size(), glm::vec3(0.0f));
        std::vector<glm::vec3> bitangents(vertices.size(), glm::vec3(0.0f));
        if (mesh.mTangents && mesh.mBitangents) {
            for (size_t v = 0; v < vertices.size(); ++v) {
                const aiVector3D& t = mesh.mTangents[v];
                const aiVector3D& b = mesh.mBitangents[v];
                tangents[v] = finiteOr(glm::vec3(t.x, t.y, t.z), glm::vec3(0.0f));
                bitangents[v] = finiteOr(glm::vec3(b.x, b.y, b.z), glm::vec3(0.0f));
            }
        } else if (mesh.mTextureCoords[0]) {
            // Sum of the triangles' UV gradients (area weighted).
            const std::vector<uint32_t>& idx = out.indices;
            for (size_t i = 0; i + 2 < idx.size(); i += 3) {
                const Vertex& a = vertices[idx[i]];
                const Vertex& b = vertices[idx[i + 1]];
                const Vertex& c = vertices[idx[i + 2]];
                const glm::vec3 e1 = b.position - a.position, e2 = c.position - a.position;
                const glm::vec2 d1 = b.uv - a.uv, d2 = c.uv - a.uv;
                const float det = d1.x * d2.y - d2.x * d1.y;
                if (!(std::abs(det) > 1e-20f)) continue;  // no UV area: no direction
                const float r = 1.0f / det;
                const glm::vec3 alongU = (e1 * d2.y - e2 * d1.y) * r;
                // -d/dv: v grows downwards in the image (see texture_decode.h).
                const glm::vec3 imageUp = -(e2 * d1.x - e1 * d2.x) * r;
                if (!std::isfinite(alongU.x + alongU.y + alongU.z + imageUp.x + imageUp.y + imageUp.z)) continue;
                const float area = glm::length(glm::cross(e1, e2));
                const float lu = glm::length(alongU), lv = glm::length(imageUp);
                if (!(lu > 1e-30f && lv > 1e-30f)) continue;
                for (size_t k = 0; k < 3; ++k) {
                    tangents[idx[i + k]] += alongU * (area / lu);
                    bitangents[idx[i + k]] += imageUp * (area / lv);
                }
            }
        }
        for (size_t v = 0; v < vertices.size(); ++v) {
            const glm::vec3 n = vertices[v].normal;
            // Gram-Schmidt against the final normal.
            glm::vec3 t = tangents[v] - n * glm::dot(n, tangents[v]);
            const float length = glm::length(t);
            t = length > 1e-12f ? t / length : anyTangent(n);
            const float w = glm::dot(glm::cross(n, t), bitangents[v]) < 0.0f ? -1.0f : 1.0f;
            vertices[v].tangent = glm::vec4(t, w);
        }
    }

    // Depth-first with an explicit stack (files can nest thousands deep);
    // children are pushed in reverse so they keep their order.
    std::optional<std::string> convertNodes() {
        if (!scene_.mRootNode) return prefix() + "the file has no scene graph";
        struct Pending {
            const aiNode* node;
            int32_t parent;
        };
        std::vector<Pending> stack{{scene_.mRootNode, -1}};
        while (!stack.empty()) {
            const Pending pending = stack.back();
            stack.pop_back();
            if (model_.nodes.size() >= settings_.maxNodes)
                return prefix() + "more than " + std::to_string(settings_.maxNodes) +
                       " nodes, which is beyond what this viewer accepts";
            const aiNode* node = pending.node;
            const int32_t index = int32_t(model_.nodes.size());
            NodeData out;
            out.name = node->mName.C_Str();
            out.parent = pending.parent;
            out.localTransform = toGlm(node->mTransformation);
            for (int c = 0; c < 4; ++c)
                for (int r = 0; r < 4; ++r)
                    if (!std::isfinite(out.localTransform[c][r])) out.localTransform = glm::mat4(1.0f);
            for (unsigned k = 0; k < node->mNumMeshes && node->mMeshes; ++k) {
                const unsigned m = node->mMeshes[k];
                if (m < meshMap_.size() && meshMap_[m] >= 0) out.meshes.push_back(uint32_t(meshMap_[m]));
            }
            model_.nodes.push_back(std::move(out));
            for (unsigned c = node->mNumChildren; c-- > 0;)
                if (node->mChildren && node->mChildren[c]) stack.push_back({node->mChildren[c], index});
        }
        return std::nullopt;
    }

    // ------------------------------------------------------------ animations

    // aiAnimation -> AnimationClip: node channels only (no bones, no morph
    // targets), times from ticks to seconds, keys with non-finite values
    // dropped, keys sorted, channels naming no node skipped with a warning.
    void convertAnimations() {
        constexpr size_t kMaxKeys = 4'000'000;  // all clips together: beyond it the file is absurd
        std::map<std::string, int32_t> nodeIndex;
        for (size_t i = 0; i < model_.nodes.size(); ++i) nodeIndex.emplace(model_.nodes[i].name, int32_t(i));
        size_t keys = 0;
        for (unsigned a = 0; a < scene_.mNumAnimations && scene_.mAnimations; ++a) {
            const aiAnimation* animation = scene_.mAnimations[a];
            if (!animation) continue;
            AnimationClip clip;
            clip.name = animation->mName.C_Str();
            if (clip.name.empty()) clip.name = "animation " + std::to_string(a);
            const double tps = animation->mTicksPerSecond > 0.0 && std::isfinite(animation->mTicksPerSecond)
                                   ? animation->mTicksPerSecond
                                   : 25.0;  // Assimp's convention for "not given"
            double duration = std::isfinite(animation->mDuration) ? std::max(0.0, animation->mDuration / tps) : 0.0;
            for (unsigned c = 0; c < animation->mNumChannels && animation->mChannels; ++c) {
                const aiNodeAnim* source = animation->mChannels[c];
                if (!source) continue;
                auto node = nodeIndex.find(source->mNodeName.C_Str());
                if (node == nodeIndex.end()) {
                    warn("animation " + inQuotes(clip.name) + " moves node " + inQuotes(source->mNodeName.C_Str()) +
                         ", which the model does not have; ignored");
                    continue;
                }
                keys += source->mNumPositionKeys + source->mNumRotationKeys + source->mNumScalingKeys;
                if (keys > kMaxKeys) {
                    warn("animations hold more than " + std::to_string(kMaxKeys) + " keys; the rest are ignored");
                    if (!clip.channels.empty()) model_.animations.push_back(std::move(clip));
                    return;
                }
                NodeChannel channel;
                channel.node = node->second;
                auto seconds = [&](double ticks) { return float(ticks / tps); };
                for (unsigned k = 0; k < source->mNumPositionKeys && source->mPositionKeys; ++k) {
                    const aiVectorKey& key = source->mPositionKeys[k];
                    glm::vec3 v(key.mValue.x, key.mValue.y, key.mValue.z);
                    if (std::isfinite(key.mTime) && std::isfinite(v.x + v.y + v.z))
                        channel.positions.push_back({seconds(key.mTime), v});
                }
                for (unsigned k = 0; k < source->mNumRotationKeys && source->mRotationKeys; ++k) {
                    const aiQuatKey& key = source->mRotationKeys[k];
                    glm::quat q(key.mValue.w, key.mValue.x, key.mValue.y, key.mValue.z);
                    const float length = glm::length(q);
                    if (std::isfinite(key.mTime) && std::isfinite(length) && length > 0.0f)
                        channel.rotations.push_back({seconds(key.mTime), q / length});
                }
                for (unsigned k = 0; k < source->mNumScalingKeys && source->mScalingKeys; ++k) {
                    const aiVectorKey& key = source->mScalingKeys[k];
                    glm::vec3 v(key.mValue.x, key.mValue.y, key.mValue.z);
                    if (std::isfinite(key.mTime) && std::isfinite(v.x + v.y + v.z))
                        channel.scales.push_back({seconds(key.mTime), v});
                }
                auto byTime = [](const auto& x, const auto& y) { return x.time < y.time; };
                std::stable_sort(channel.positions.begin(), channel.positions.end(), byTime);
                std::stable_sort(channel.rotations.begin(), channel.rotations.end(), byTime);
                std::stable_sort(channel.scales.begin(), channel.scales.end(), byTime);
                for (const auto* list : {&channel.positions, &channel.scales})
                    if (!list->empty()) duration = std::max(duration, double(list->back().time));
                if (!channel.rotations.empty()) duration = std::max(duration, double(channel.rotations.back().time));
                if (!channel.positions.empty() || !channel.rotations.empty() || !channel.scales.empty())
                    clip.channels.push_back(std::move(channel));
            }
            clip.duration = float(duration);
            if (!clip.channels.empty()) model_.animations.push_back(std::move(clip));
        }
    }

    // ------------------------------------------------------------ materials

    std::optional<std::string> convertMaterials() {
        // Materials used by the kept meshes, in their original order.
        std::map<unsigned, uint32_t> remap;
        for (const MeshData& mesh : model_.meshes) remap[mesh.materialIndex] = 0;
        for (auto& [source, target] : remap) {
            target = uint32_t(model_.materials.size());
            if (source < scene_.mNumMaterials && scene_.mMaterials[source])
                model_.materials.push_back(convertMaterial(*scene_.mMaterials[source]));
            else
                model_.materials.push_back(defaultMaterial());
        }
        for (size_t i = 0; i < model_.meshes.size(); ++i) {
            MeshData& mesh = model_.meshes[i];
            mesh.materialIndex = remap[mesh.materialIndex];
            applyVertexColors(i);
        }
        return std::nullopt;
    }

    static MaterialData defaultMaterial() {
        MaterialData m;
        m.name = "default";
        m.baseColorFactor = glm::vec4(0.8f, 0.8f, 0.8f, 1.0f);
        return m;
    }

    MaterialData convertMaterial(const aiMaterial& source) {
        MaterialData m;
        aiString name;
        if (source.Get(AI_MATKEY_NAME, name) == AI_SUCCESS) m.name = name.C_Str();
        aiString alphaMode;
        const bool gltf = source.Get(AI_MATKEY_GLTF_ALPHAMODE, alphaMode) == AI_SUCCESS;
        m.doubleSided = readFlag(source, AI_MATKEY_TWOSIDED);
        aiColor3D emissive(0, 0, 0);
        if (source.Get(AI_MATKEY_COLOR_EMISSIVE, emissive) == AI_SUCCESS)
            m.emissiveFactor = finiteOr(glm::vec3(emissive.r, emissive.g, emissive.b), glm::vec3(0.0f));
        if (gltf)
            convertGltfFactors(source, alphaMode, m);
        else
            convertClassicFactors(source, m);

        // Base colour: glTF 5.2 fills both BASE_COLOR and DIFFUSE; older
        // formats only DIFFUSE.
        const aiTextureType baseType =
            texturePath(&source, aiTextureType_BASE_COLOR) ? aiTextureType_BASE_COLOR : aiTextureType_DIFFUSE;
        if (auto p = texturePath(&source, baseType)) {
            m.baseColorTexture = loadSlot(source, baseType, *p, true);
            // A black diffuse colour with a texture is an exporter habit
            // (3DS, FBX), not a request for a black surface.
            if (!gltf && glm::vec3(m.baseColorFactor) == glm::vec3(0.0f))
                m.baseColorFactor = glm::vec4(1.0f, 1.0f, 1.0f, m.baseColorFactor.a);
        }
        if (gltf) {
            // Assimp 5.2 reports glTF's metallicRoughnessTexture as
            // aiTextureType_UNKNOWN #0 and its occlusionTexture as LIGHTMAP.
            if (auto p = texturePath(&source, aiTextureType_UNKNOWN))
                m.metallicRoughnessTexture = loadSlot(source, aiTextureType_UNKNOWN, *p, false);
            if (auto p = texturePath(&source, aiTextureType_LIGHTMAP))
                m.occlusionTexture = loadSlot(source, aiTextureType_LIGHTMAP, *p, false);
            float strength = 1.0f;
            if (source.Get(AI_MATKEY_GLTF_TEXTURE_STRENGTH(aiTextureType_LIGHTMAP, 0), strength) == AI_SUCCESS &&
                std::isfinite(strength))
                m.occlusionStrength = strength;
        } else if (auto p = texturePath(&source, aiTextureType_AMBIENT_OCCLUSION)) {
            m.occlusionTexture = loadSlot(source, aiTextureType_AMBIENT_OCCLUSION, *p, false);
        }
        if (auto p = texturePath(&source, aiTextureType_NORMALS)) {
            m.normalTexture = loadSlot(source, aiTextureType_NORMALS, *p, false);
            float scale = 1.0f;
            if (source.Get(AI_MATKEY_GLTF_TEXTURE_SCALE(aiTextureType_NORMALS, 0), scale) == AI_SUCCESS &&
                std::isfinite(scale))
                m.normalScale = scale;
        }
        if (auto p = texturePath(&source, aiTextureType_EMISSIVE)) {
            m.emissiveTexture = loadSlot(source, aiTextureType_EMISSIVE, *p, true);
            // glTF multiplies the texture by the factor; a classic emissive
            // map with no colour would otherwise stay dark.
            if (!gltf && m.emissiveFactor == glm::vec3(0.0f)) m.emissiveFactor = glm::vec3(1.0f);
        }
        return m;
    }

    void convertGltfFactors(const aiMaterial& source, const aiString& alphaMode, MaterialData& m) {
        aiColor4D base(1, 1, 1, 1);
        if (source.Get(AI_MATKEY_BASE_COLOR, base) == AI_SUCCESS ||
            source.Get(AI_MATKEY_COLOR_DIFFUSE, base) == AI_SUCCESS)
            m.baseColorFactor = glm::clamp(glm::vec4(base.r, base.g, base.b, base.a), 0.0f, 1.0f);
        float value = 0.0f;
        m.metallicFactor = 1.0f;  // glTF's defaults
        m.roughnessFactor = 1.0f;
        if (source.Get(AI_MATKEY_METALLIC_FACTOR, value) == AI_SUCCESS) m.metallicFactor = std::clamp(value, 0.0f, 1.0f);
        if (source.Get(AI_MATKEY_ROUGHNESS_FACTOR, value) == AI_SUCCESS)
            m.roughnessFactor = std::clamp(value, 0.0f, 1.0f);
        const std::string mode = alphaMode.C_Str();
        m.alphaMode = mode == "MASK" ? AlphaMode::Mask : mode == "BLEND" ? AlphaMode::Blend : AlphaMode::Opaque;
        if (source.Get(AI_MATKEY_GLTF_ALPHACUTOFF, value) == AI_SUCCESS && std::isfinite(value))
            m.alphaCutoff = value;
    }

    void convertClassicFactors(const aiMaterial& source, MaterialData& m) {
        aiColor4D diffuse(0.8f, 0.8f, 0.8f, 1.0f);
        if (source.Get(AI_MATKEY_BASE_COLOR, diffuse) != AI_SUCCESS) source.Get(AI_MATKEY_COLOR_DIFFUSE, diffuse);
        m.baseColorFactor = glm::clamp(glm::vec4(diffuse.r, diffuse.g, diffuse.b, 1.0f), 0.0f, 1.0f);
        if (!std::isfinite(m.baseColorFactor.r + m.baseColorFactor.g + m.baseColorFactor.b))
            m.baseColorFactor = glm::vec4(0.8f, 0.8f, 0.8f, 1.0f);
        float opacity = 1.0f;
        if (source.Get(AI_MATKEY_OPACITY, opacity) == AI_SUCCESS && std::isfinite(opacity)) {
            // Opacity 0 is almost always an exporter's mistake (an inverted
            // "Tr"); showing nothing would hide the model, so keep it opaque.
            if (opacity <= 0.0f) {
                warn("material " + inQuotes(m.name) +
                     " says it is fully transparent (often an inverted \"Tr\"); shown opaque");
            } else if (opacity < 1.0f) {
                m.baseColorFactor.a = opacity;
                m.alphaMode = AlphaMode::Blend;
            }
        }
        m.metallicFactor = 0.0f;
        // Blinn-Phong exponent -> roughness, the usual sqrt(2 / (n + 2)).
        float shininess = 0.0f;
        float strength = 1.0f;
        source.Get(AI_MATKEY_SHININESS_STRENGTH, strength);
        aiColor3D specular(1, 1, 1);
        const bool hasSpecular = source.Get(AI_MATKEY_COLOR_SPECULAR, specular) == AI_SUCCESS;
        const bool noHighlight = strength <= 0.0f || (hasSpecular && specular.IsBlack());
        if (source.Get(AI_MATKEY_SHININESS, shininess) == AI_SUCCESS && std::isfinite(shininess) && !noHighlight)
            m.roughnessFactor = std::clamp(std::sqrt(2.0f / (std::max(shininess, 0.0f) + 2.0f)), 0.05f, 1.0f);
        else if (noHighlight)
            m.roughnessFactor = 1.0f;
    }

    // A mesh with vertex colours and no base colour texture: its own copy of
    // the material carrying the mean vertex colour (the Vertex format has no
    // colour, and PLY/STL files often colour the whole mesh this way).
    void applyVertexColors(size_t meshIndex) {
        MeshData& mesh = model_.meshes[meshIndex];
        const aiMesh* source = scene_.mMeshes[meshSource_[meshIndex]];
        if (!source->mColors[0] || source->mNumVertices == 0) return;
        const MaterialData& original = model_.materials[mesh.materialIndex];
        if (original.baseColorTexture != kNoTexture) return;
        glm::dvec4 sum(0.0);
        for (unsigned v = 0; v < source->mNumVertices; ++v) {
            const aiColor4D& c = source->mColors[0][v];
            glm::dvec4 color(c.r, c.g, c.b, c.a);
            if (std::isfinite(color.r + color.g + color.b + color.a)) sum += glm::clamp(color, 0.0, 1.0);
        }
        const glm::vec4 mean = glm::vec4(sum / double(source->mNumVertices));
        MaterialData copy = original;
        copy.name = original.name + " (vertex colours of " + mesh.name + ")";
        aiString alphaMode;
        const aiMaterial* sourceMaterial =
            source->mMaterialIndex < scene_.mNumMaterials ? scene_.mMaterials[source->mMaterialIndex] : nullptr;
        const bool gltf = sourceMaterial && sourceMaterial->Get(AI_MATKEY_GLTF_ALPHAMODE, alphaMode) == AI_SUCCESS;
        if (gltf) {
            copy.baseColorFactor *= mean;
        } else {
            copy.baseColorFactor = glm::vec4(glm::vec3(mean), original.baseColorFactor.a * mean.a);
            if (copy.baseColorFactor.a < 0.999f) copy.alphaMode = AlphaMode::Blend;
        }
        mesh.materialIndex = uint32_t(model_.materials.size());
        model_.materials.push_back(std::move(copy));
    }

    // ------------------------------------------------------------ textures

    // One material texture slot. Vertex carries UV set 0 only: a texture
    // mapped through another set is shown with set 0, and said so.
    int32_t loadSlot(const aiMaterial& material, aiTextureType type, const std::string& reference, bool srgb) {
        int uvSet = 0;
        if (material.Get(AI_MATKEY_UVWSRC(type, 0), uvSet) == AI_SUCCESS && uvSet != 0) {
            aiString name;
            material.Get(AI_MATKEY_NAME, name);
            warn("texture " + inQuotes(reference) + " of material " + inQuotes(name.C_Str()) + " uses UV set " +
                 std::to_string(uvSet) + "; shown with UV set 0");
        }
        return loadTexture(reference, srgb);
    }

    int32_t addTexture(const std::string& key, TextureData texture) {
        const int32_t index = int32_t(model_.textures.size());
        textureIndex_[key] = index;
        model_.textures.push_back(std::move(texture));
        return index;
    }

    int32_t placeholder(const std::string& key, const std::string& reference, bool srgb, const std::string& reason) {
        warn("texture " + inQuotes(reference) + " " + reason + "; using a placeholder");
        return addTexture(key, makePlaceholderTexture(reference, srgb));
    }

    // Loads (once per source and colour space) and returns the texture index.
    int32_t loadTexture(const std::string& reference, bool srgb) {
        const std::string space = srgb ? "|srgb" : "|linear";
        if (model_.textures.size() >= settings_.maxTextures) {
            const std::string key = "limit" + space;
            if (auto it = textureIndex_.find(key); it != textureIndex_.end()) return it->second;
            return placeholder(key, reference, srgb,
                               "is beyond the limit of " + std::to_string(settings_.maxTextures) + " textures");
        }

        // Embedded: "*N", or (FBX) a file name matching an embedded texture.
        const auto [embedded, embeddedIndex] = scene_.GetEmbeddedTextureAndIndex(reference.c_str());
        if (embedded) {
            const std::string key = "embedded:" + std::to_string(embeddedIndex) + space;
            if (auto it = textureIndex_.find(key); it != textureIndex_.end()) return it->second;
            std::string name = embedded->mFilename.length > 0 ? std::string(embedded->mFilename.C_Str())
                                                                : "embedded #" + std::to_string(embeddedIndex);
            return addJob(key, DecodeJob{0, name, srgb, embedded, {}});
        }
        if (!reference.empty() && reference[0] == '*') {
            const std::string key = "missing:" + reference + space;
            if (auto it = textureIndex_.find(key); it != textureIndex_.end()) return it->second;
            return placeholder(key, reference, srgb, "names an embedded texture the file does not hold");
        }

        const fs::path folder = file_.parent_path();
        std::optional<fs::path> resolved = resolveTexturePath(folder, reference);
        if (!resolved) {
            const std::string key = "missing:" + reference + space;
            if (auto it = textureIndex_.find(key); it != textureIndex_.end()) return it->second;
            // Recorded as absent so a cache entry goes stale when it appears.
            std::string normal = reference;
            std::replace(normal.begin(), normal.end(), '\\', '/');
            if (normal.size() <= 4096) recorder_.record(folder / fs::path(normal));
            return placeholder(key, reference, srgb, "was not found");
        }
        const std::string key = "file:" + resolved->string() + space;
        if (auto it = textureIndex_.find(key); it != textureIndex_.end()) return it->second;
        recorder_.record(*resolved);
        return addJob(key, DecodeJob{0, reference, srgb, nullptr, *resolved});
    }

    // A texture to decode once every material is known; its slot holds a
    // placeholder until then.
    struct DecodeJob {
        int32_t index;
        std::string name;          // the reference, for messages
        bool srgb;
        const aiTexture* embedded;  // or
        fs::path file;
    };

    int32_t addJob(const std::string& key, DecodeJob job) {
        job.index = addTexture(key, makePlaceholderTexture(job.name, job.srgb));
        jobs_.push_back(std::move(job));
        return jobs_.back().index;
    }

    Result<TextureData> runJob(const DecodeJob& job) const {
        try {
            if (job.embedded) return decodeEmbedded(*job.embedded, job.name, job.srgb);
            std::string reason;
            std::vector<uint8_t> bytes = readFile(job.file, reason);
            if (!reason.empty()) return makeError("could not be read (" + reason + ")");
            return decodeTexture(bytes, job.name, job.srgb, settings_.maxTextureSize);
        } catch (const std::bad_alloc&) {
            return makeError("ran out of memory");
        }
    }

    // Decodes every texture, a few at a time: decoding (JPEG above all) is
    // most of an import's time, and textures are independent.
    void decodeTextures() {
        std::vector<std::optional<Result<TextureData>>> results(jobs_.size());
        std::atomic<size_t> next{0};
        auto work = [&] {
            for (size_t i = next++; i < jobs_.size(); i = next++) results[i].emplace(runJob(jobs_[i]));
        };
        const size_t threads = std::min<size_t>(jobs_.size(), std::clamp(std::thread::hardware_concurrency(), 1u, 4u));
        std::vector<std::thread> pool;
        try {
            for (size_t t = 1; t < threads; ++t) pool.emplace_back(work);
        } catch (const std::system_error&) {
            // No more threads: this one does the rest.
        }
        work();
        for (std::thread& thread : pool) thread.join();
        for (size_t i = 0; i < jobs_.size(); ++i) {
            Result<TextureData>& result = *results[i];
            if (result.ok()) {
                model_.textures[size_t(jobs_[i].index)] = std::move(result.value());
            } else {
                const std::string& why = result.error();
                warn("texture " + inQuotes(jobs_[i].name) + " " +
                     (why.rfind("could not", 0) == 0 ? why : "could not be decoded (" + why + ")") +
                     "; using a placeholder");
            }
        }
    }

    Result<TextureData> decodeEmbedded(const aiTexture& texture, const std::string& name, bool srgb) const {
        if (!texture.pcData) return makeError("no data");
        if (texture.mHeight == 0) {
            // Compressed: mWidth is the byte size of a PNG, JPEG, ... file.
            const auto* bytes = reinterpret_cast<const uint8_t*>(texture.pcData);
            return decodeTexture(std::span<const uint8_t>(bytes, texture.mWidth), name, srgb, settings_.maxTextureSize);
        }
        // Raw ARGB8888 texels (aiTexel is stored b, g, r, a).
        const uint64_t count = uint64_t(texture.mWidth) * texture.mHeight;
        if (count > kMaxDecodedPixels) return makeError("the image is too large");
        std::vector<uint8_t> rgba(size_t(count) * 4);
        for (uint64_t i = 0; i < count; ++i) {
            const aiTexel& t = texture.pcData[i];
            rgba[i * 4 + 0] = t.r;
            rgba[i * 4 + 1] = t.g;
            rgba[i * 4 + 2] = t.b;
            rgba[i * 4 + 3] = t.a;
        }
        return textureFromRgba(std::move(rgba), texture.mWidth, texture.mHeight, name, srgb, settings_.maxTextureSize);
    }

    static std::vector<uint8_t> readFile(const fs::path& path, std::string& reason) {
        std::error_code ec;
        const uintmax_t size = fs::file_size(path, ec);
        if (ec) {
            reason = ec.message();
            return {};
        }
        if (size > kMaxTextureFileBytes) {
            reason = "the file is " + std::to_string(size >> 20) + " MiB, too large for a texture";
            return {};
        }
        std::ifstream in(path, std::ios::binary);
        std::vector<uint8_t> bytes(static_cast<size_t>(size));
        if (!in || !in.read(reinterpret_cast<char*>(bytes.data()), std::streamsize(size))) {
            reason = "read error";
            return {};
        }
        return bytes;
    }

    const fs::path& file_;
    const ImportSettings& settings_;
    const aiScene& scene_;
    DependencyRecorder& recorder_;
    ImportTrace* trace_;
    ModelData model_;
    std::vector<int32_t> meshMap_;      // aiScene mesh -> model mesh, -1 if dropped
    std::vector<unsigned> meshSource_;  // model mesh -> aiScene mesh
    std::unordered_map<std::string, int32_t> textureIndex_;
    std::vector<DecodeJob> jobs_;
};

}  // namespace

Result<ModelData> importWithAssimp(const fs::path& file, const ImportSettings& settings, ImportTrace* trace) {
    const std::string prefix = cannotOpenPrefix(file);
    try {
        if (Status checked = checkModelFile(file); !checked) return makeError(checked.error());

        DependencyRecorder recorder(trace ? &trace->dependencies : nullptr);
        Assimp::Importer importer;
        importer.SetIOHandler(new RecordingIOSystem(recorder));  // the importer owns it
        // Points and lines are dropped; degenerate triangles removed (but
        // not by area: small valid triangles in metre-scale CAD survive).
        importer.SetPropertyInteger(AI_CONFIG_PP_SBP_REMOVE, aiPrimitiveType_POINT | aiPrimitiveType_LINE);
        importer.SetPropertyInteger(AI_CONFIG_PP_FD_REMOVE, 1);
        importer.SetPropertyInteger(AI_CONFIG_PP_FD_CHECKAREA, 0);
        // Normals generated for files without them keep edges sharper than
        // 80 degrees hard (CAD exports), instead of Assimp's 175.
        importer.SetPropertyFloat(AI_CONFIG_PP_GSN_MAX_SMOOTHING_ANGLE, 80.0f);
        // Only what the viewer uses: fewer vertex streams also let
        // JoinIdenticalVertices merge more.
        // Node animations are kept (machines' working cycles).
        importer.SetPropertyInteger(AI_CONFIG_PP_RVC_FLAGS,
                                    aiComponent_BONEWEIGHTS | aiComponent_CAMERAS | aiComponent_LIGHTS);
        // FBX pivot helper nodes folded into one transform per node.
        importer.SetPropertyBool(AI_CONFIG_IMPORT_FBX_PRESERVE_PIVOTS, false);

        // No PreTransformVertices or OptimizeGraph: the hierarchy, node
        // names and instancing are kept. No FixInfacingNormals: it flips
        // thin and open geometry wrongly. No CalcTangentSpace: see
        // setTangents().
        const unsigned flags = aiProcess_Triangulate | aiProcess_JoinIdenticalVertices | aiProcess_GenSmoothNormals |
                               aiProcess_SortByPType | aiProcess_ValidateDataStructure |
                               aiProcess_FindDegenerates | aiProcess_FindInvalidData | aiProcess_ImproveCacheLocality |
                               aiProcess_FindInstances | aiProcess_RemoveComponent | aiProcess_FlipUVs;
        if (trace && trace->onStage) trace->onStage("assimp");
        const aiScene* scene = importer.ReadFile(file.string(), flags);
        if (!scene) {
            std::string message = importer.GetErrorString();
            while (!message.empty() && (message.back() == '\n' || message.back() == '\r' || message.back() == ' '))
                message.pop_back();
            if (message.find("bad_alloc") != std::string::npos)
                return makeError(prefix + "ran out of memory while importing");
            return makeError(prefix + "Assimp: " + (message.empty() ? "unknown error" : message));
        }
        if (scene->mFlags & AI_SCENE_FLAGS_INCOMPLETE) return makeError(prefix + "the file holds no complete scene");
        if (scene->mNumMeshes == 0 || !scene->mMeshes)
            return makeError(prefix + "the file holds no triangles to show");
        SceneConverter converter(file, settings, *scene, recorder, trace);
        return converter.convert();
    } catch (const std::bad_alloc&) {
        return makeError(prefix + "ran out of memory while importing");
    } catch (const std::exception& e) {
        return makeError(prefix + "import failed (" + e.what() + ")");
    } catch (...) {
        return makeError(prefix + "import failed (unknown exception)");
    }
}

}  // namespace engine
