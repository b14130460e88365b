#pragma once
// In-process model import through Assimp (the only code that sees Assimp
// types). Debian's Assimp 5.2.5 can crash or allocate without bound on some
// files, so applications open untrusted files with IsolatedImporter, which
// runs this in a worker process; call it directly only in that worker,
// tools and tests.
#include <filesystem>
#include <functional>
#include <string_view>
#include <vector>

#include "assets/import_settings.h"
#include "assets/model_file.h"
#include "core/result.h"
#include "scene/model.h"

namespace engine {

// Optional observer of an import.
struct ImportTrace {
    // Called when the import enters a stage: "assimp" (Assimp reads and
    // post-processes), "converting", "textures". The worker forwards it to
    // its parent so a crash can be attributed.
    std::function<void(std::string_view stage)> onStage;
    // Filled with every file the import opened (through Assimp or for a
    // texture) or looked for and did not find; the main file included.
    std::vector<FileDependency> dependencies;
};

// Imports any format Assimp 5.2 reads (glTF/GLB, OBJ+MTL, FBX, STL, PLY,
// 3DS, COLLADA, IFC, OFF, ...) into a ModelData:
// - triangles only (points and lines dropped), identical vertices joined,
//   smooth normals where missing, UVs with v = 0 at the top of the image
//   (see texture_decode.h), tangents as glTF defines them: xyz along +u,
//   cross(normal, xyz) * w towards the top of the image (the file's own
//   tangents when it has them, generated otherwise);
// - the node hierarchy kept as is (parents before children, nodes[0] the
//   root); a mesh referenced by many nodes stays one mesh;
// - node animations (translation, rotation, scale keys) as AnimationClips,
//   times in seconds; bone and morph animations are not read;
// - materials mapped onto glTF metallic-roughness (older formats: diffuse
//   -> base colour, shininess -> roughness, opacity < 1 -> Blend); only the
//   materials and textures the meshes use are kept;
// - a mesh with vertex colours and no base colour texture gets its own copy
//   of its material whose base colour is the mean vertex colour (glTF
//   multiplies it in, other formats replace the diffuse colour with it);
// - textures (embedded or external, paths resolved as resolveTexturePath
//   does) decoded to RGBA8, at most settings.maxTextureSize per side, with
//   mips, one TextureData per source and colour space. A missing or
//   undecodable texture becomes a placeholder plus a warning in
//   ModelData::warnings naming the model, the texture and the reason.
// Errors (unreadable file, Assimp's message, no triangles, counts above
// the settings' limits, out of memory) read `cannot open "FILE": REASON`.
Result<ModelData> importWithAssimp(const std::filesystem::path& file, const ImportSettings& settings,
                                   ImportTrace* trace = nullptr);

}  // namespace engine
