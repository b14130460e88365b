#pragma once
// The scene names parts by node; the models must have those nodes. Checked
// once the models are laid out (the scene file alone cannot tell): by the
// visit (the explorer greys the missing ones out) and by --check. No GL.
#include <cstddef>
#include <filesystem>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "content/scene_file.h"
#include "scene/model_layout.h"

namespace twin::learn {

using ModelExtents = std::map<std::filesystem::path, engine::ModelExtent>;

// Every node name of machine `machine`'s model (any depth); empty when its
// model could not be opened. What a scene may name for that machine.
std::set<std::string> modelNodeNames(const Machine& machine, const ModelExtents& models);

// The line that reports a node the model lacks, the same for every field
// that names nodes: "FILE: JSONPATH: machine "ID", FIELD "NAME": its model
// MODEL has no node of that name". `jsonPath` is e.g.
// "/machines/3/procedures/0/steps/2/parts/0"; `field` what names it
// ("part", "step part", ...).
std::string missingNodeLine(const SceneDescription& scene, size_t machineIndex, const std::string& jsonPath,
                            const std::string& field, const std::string& node);

// One line per part (`parts`), per procedure step part and per quiz question
// pointing at a part whose node the machine's model lacks. Machines whose model could not be opened are left
// out (their error is reported already).
std::vector<std::string> missingPartNodes(const SceneDescription& scene, const ModelExtents& models);

// One line per machine whose `animation` its model does not have, naming the
// scene file, the JSON path, the clip, the model file and the clips it has.
// Machines whose model could not be opened are left out.
std::vector<std::string> missingAnimations(const SceneDescription& scene,
                                           const std::map<std::filesystem::path, engine::ModelExtent>& models);

}  // namespace twin::learn
