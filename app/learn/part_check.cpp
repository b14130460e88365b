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
        // A part question whose answer the model lacks cannot be answered by pointing.
        for (size_t q = 0; q < machine.quiz.size(); ++q) {
            const QuizQuestion& question = machine.quiz[q];
            if (question.kind != QuizQuestion::Kind::Part || model->second.nodeNamed(question.part) >= 0) continue;
            problems.push_back(scene.file.string() + ": /machines/" + std::to_string(i) + "/quiz/" + std::to_string(q) +
                               "/answer: machine \"" + machine.id + "\", quiz question " + std::to_string(q + 1) +
                               ": its answer \"" + question.part + "\" is not a node of its model " +
                               machine.model.file.filename().string());
        }
    }
    return problems;
}

}  // namespace twin::learn
