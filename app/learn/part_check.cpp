#include "learn/part_check.h"

namespace twin::learn {

std::vector<std::string> missingPartNodes(const SceneDescription& scene,
                                          const std::map<std::filesystem::path, engine::ModelExtent>& models) {
    std::vector<std::string> problems;
    for (size_t i = 0; i < scene.machines.size(); ++i) {
        const Machine& machine = scene.machines[i];
        auto model = models.find(machine.model.file);
        if (model == models.end()) continue;
        for (const MachinePart& part : machine.parts) {
            if (model->second.nodeNamed(part.node) >= 0) continue;
            // JSON pointer escapes: ~ as ~0, / as ~1.
            std::string token;
            for (char c : part.node) token += c == '~' ? std::string("~0") : c == '/' ? std::string("~1") : std::string(1, c);
            problems.push_back(scene.file.string() + ": /machines/" + std::to_string(i) + "/parts/" + token +
                               ": machine \"" + machine.id + "\": its model " + machine.model.file.filename().string() +
                               " has no node named \"" + part.node + "\"");
        }
    }
    return problems;
}

std::vector<std::string> missingAnimations(const SceneDescription& scene,
                                           const std::map<std::filesystem::path, engine::ModelExtent>& models) {
    std::vector<std::string> problems;
    for (size_t i = 0; i < scene.machines.size(); ++i) {
        const Machine& machine = scene.machines[i];
        if (machine.animation.empty()) continue;
        auto model = models.find(machine.model.file);
        if (model == models.end()) continue;
        const auto& clips = model->second.animations;
        if (engine::findClip(clips, machine.animation) >= 0) continue;
        std::string known;
        for (const engine::AnimationClip& clip : clips) known += (known.empty() ? "\"" : ", \"") + clip.name + "\"";
        problems.push_back(scene.file.string() + ": /machines/" + std::to_string(i) + "/animation: machine \"" +
                           machine.id + "\": its model " + machine.model.file.filename().string() +
                           " has no animation named \"" + machine.animation + "\" (" +
                           (known.empty() ? std::string("it has none") : "it has " + known) + ")");
    }
    return problems;
}

}  // namespace twin::learn
