#pragma once
// The scene names parts by node; the models must have those nodes. Checked
// once the models are laid out (the scene file alone cannot tell). No GL.
#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "content/scene_file.h"
#include "scene/model_layout.h"

namespace twin::learn {

// One line per part whose node the machine's model lacks, naming the scene
// file, the JSON path, the node and the model file. Machines whose model
// could not be opened are left out (their error is reported already).
std::vector<std::string> missingPartNodes(const SceneDescription& scene,
                                          const std::map<std::filesystem::path, engine::ModelExtent>& models);

// One line per machine whose `animation` its model does not have, naming the
// scene file, the JSON path, the clip, the model file and the clips it has.
// Machines whose model could not be opened are left out.
std::vector<std::string> missingAnimations(const SceneDescription& scene,
                                           const std::map<std::filesystem::path, engine::ModelExtent>& models);

}  // namespace twin::learn
