#include "learn/part_check.h"

namespace twin::learn {
namespace {

// A JSON pointer token: ~ as ~0, / as ~1.
std::string pointerToken(const std::string& name) {
    std::string token;
    for (char c : name) token += c == '~' ? std::string("~0") : c == '/' ? std::string("~1") : std::string(1, c);
    return token;
}

}  // namespace

std::set<std::string> modelNodeNames(const Machine& machine, const ModelExtents& models) {
    std::set<std::string> names;
    auto model = models.find(machine.model.file);
    if (model == models.end()) return names;
    for (const engine::ModelExtent::Node& node : model->second.nodes) names.insert(node.name);
    return names;
}

std::string missingNodeLine(const SceneDescription& scene, size_t machineIndex, const std::string& jsonPath,
                            const std::string& field, const std::string& node) {
    const Machine& machine = scene.machines[machineIndex];
    return scene.file.string() + ": " + jsonPath + ": machine \"" + machine.id + "\", " + field + " \"" + node +
           "\": its model " + machine.model.file.filename().string() + " has no node of that name";
}

std::vector<std::string> missingPartNodes(const SceneDescription& scene, const ModelExtents& models) {
    std::vector<std::string> problems;
    for (size_t i = 0; i < scene.machines.size(); ++i) {
        const Machine& machine = scene.machines[i];
        if (!models.count(machine.model.file)) continue;
        const std::set<std::string> names = modelNodeNames(machine, models);
        const std::string base = "/machines/" + std::to_string(i);
        for (const MachinePart& part : machine.parts)
            if (!names.count(part.node))
                problems.push_back(missingNodeLine(scene, i, base + "/parts/" + pointerToken(part.node), "part", part.node));
        for (size_t p = 0; p < machine.procedures.size(); ++p) {
            const Procedure& procedure = machine.procedures[p];
            for (size_t s = 0; s < procedure.steps.size(); ++s)
                for (size_t k = 0; k < procedure.steps[s].parts.size(); ++k) {
                    const std::string& node = procedure.steps[s].parts[k];
                    if (names.count(node)) continue;
                    problems.push_back(missingNodeLine(scene, i,
                                                       base + "/procedures/" + std::to_string(p) + "/steps/" +
                                                           std::to_string(s) + "/parts/" + std::to_string(k),
                                                       "step part", node));
                }
        }
        // A part question whose answer the model lacks cannot be answered by pointing.
        for (size_t q = 0; q < machine.quiz.size(); ++q) {
            const QuizQuestion& question = machine.quiz[q];
            if (question.kind == QuizQuestion::Kind::Part && !names.count(question.part))
                problems.push_back(missingNodeLine(scene, i, base + "/quiz/" + std::to_string(q) + "/answer",
                                                   "quiz answer", question.part));
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
