// The scene file's machines: parts (with their explode directions), safety,
// procedures and the explorer's quiz (docs/scene-format.md).
#include <algorithm>
#include <cmath>

#include "content/scene_reader.h"

namespace twin {
namespace scene_reading {
namespace {

constexpr std::pair<Pictogram, const char*> kPictograms[] = {
    {Pictogram::Glasses, "glasses"}, {Pictogram::Gloves, "gloves"}, {Pictogram::Mask, "mask"},
    {Pictogram::Hearing, "hearing"}, {Pictogram::Shoes, "shoes"},   {Pictogram::Laser, "laser"}};

// safety.pictograms: the protective equipment's pictograms, by name.
bool readPictograms(Reader& r, const json& safety, const std::string& path, std::vector<Pictogram>& out) {
    const json* list = r.member(safety, "pictograms", path, false, json::value_t::array, "an array of pictogram names");
    if (!list) return !safety.contains("pictograms");
    bool ok = true;
    for (size_t i = 0; i < list->size(); ++i) {
        const json& v = (*list)[i];
        const std::string itemPath = path + "/pictograms/" + std::to_string(i);
        std::optional<Pictogram> found;
        if (v.is_string())
            for (const auto& [kind, name] : kPictograms)
                if (v.get<std::string>() == name) found = kind;
        if (!found) {
            r.issue(itemPath, "expected one of glasses, gloves, mask, hearing, shoes, laser");
            ok = false;
        } else if (std::find(out.begin(), out.end(), *found) != out.end()) {
            r.issue(itemPath, std::string("\"") + pictogramName(*found) + "\" is listed twice");
            ok = false;
        } else {
            out.push_back(*found);
        }
    }
    return ok;
}

// procedures: titled steps, each naming parts the machine describes.
bool readProcedures(Reader& r, const json& m, const std::string& path, Machine& machine) {
    const json* list = r.member(m, "procedures", path, false, json::value_t::array, "an array of procedures");
    if (!list) return !m.contains("procedures");
    bool ok = true;
    ok &= r.eachObject(*list, path + "/procedures", [&](const json& p, const std::string& pp) {
        r.onlyKeys(p, pp, {"title", "steps"});
        Procedure procedure;
        bool good = r.localized(p, "title", pp, true, procedure.title);
        const json* steps = r.member(p, "steps", pp, true, json::value_t::array, "an array of steps");
        if (steps && steps->empty()) {
            r.issue(pp + "/steps", "expected at least one step");
            good = false;
        }
        if (steps)
            good &= r.eachObject(*steps, pp + "/steps", [&](const json& st, const std::string& sp) {
                r.onlyKeys(st, sp, {"text", "parts"});
                ProcedureStep step;
                bool stepOk = r.localized(st, "text", sp, true, step.text);
                if (const json* parts = r.member(st, "parts", sp, false, json::value_t::array, "an array of part names")) {
                    for (size_t i = 0; i < parts->size(); ++i) {
                        const json& v = (*parts)[i];
                        const std::string vp = sp + "/parts/" + std::to_string(i);
                        if (!v.is_string()) {
                            r.issue(vp, "expected a part's node name");
                            stepOk = false;
                            continue;
                        }
                        const std::string node = v.get<std::string>();
                        bool described = std::any_of(machine.parts.begin(), machine.parts.end(),
                                                     [&](const MachinePart& part) { return part.node == node; });
                        if (!described) {
                            r.issue(vp, "\"" + node + "\" is not one of this machine's parts (its \"parts\")");
                            stepOk = false;
                            continue;
                        }
                        step.parts.push_back(node);
                    }
                } else if (st.contains("parts")) {
                    stepOk = false;
                }
                if (stepOk)
                    procedure.steps.push_back(step);
                else
                    good = false;
            });
        if (good)
            machine.procedures.push_back(std::move(procedure));
        else
            ok = false;
    });
    return ok;
}

constexpr size_t kMaxQuizQuestions = 20;  // a short quiz: a few questions per machine

// quiz: questions of the machine explorer. Unlike other errors of a machine,
// a bad question costs only itself: it is reported (with the machine and the
// question named) and left out, the machine and its other questions stay.
void readQuiz(Reader& r, const json& m, const std::string& path, Machine& machine) {
    const json* list = r.member(m, "quiz", path, false, json::value_t::array, "an array of questions");
    if (!list) return;
    if (list->size() > kMaxQuizQuestions) {
        r.issue(path + "/quiz", "expected at most " + std::to_string(kMaxQuizQuestions) + " questions, found " +
                                    std::to_string(list->size()) + "; the first " + std::to_string(kMaxQuizQuestions) +
                                    " are kept");
    }
    const std::string who = machine.id.empty() ? "this machine" : "machine \"" + machine.id + "\"";
    for (size_t i = 0; i < std::min(list->size(), kMaxQuizQuestions); ++i) {
        const std::string qp = path + "/quiz/" + std::to_string(i);
        const size_t issuesBefore = r.scene_.issues.size();
        const json& q = (*list)[i];
        QuizQuestion question;
        bool ok = q.is_object();
        if (!ok) {
            r.issue(qp, std::string("expected an object, found ") + kindName(q));
        } else {
            r.onlyKeys(q, qp, {"kind", "prompt", "options", "answer", "explanation"});
            std::string kind;
            ok = r.string(q, "kind", qp, true, kind) & r.localized(q, "prompt", qp, true, question.prompt);
            if (kind == "choice") {
                question.kind = QuizQuestion::Kind::Choice;
                ok &= r.localized(q, "explanation", qp, true, question.explanation);
                if (const json* options = r.member(q, "options", qp, true, json::value_t::array,
                                                   "an array of 2 to 4 {\"fr\", \"en\"} answers")) {
                    if (options->size() < 2 || options->size() > 4) {
                        r.issue(qp + "/options", "expected 2 to 4 answers, found " + std::to_string(options->size()));
                        ok = false;
                    }
                    for (size_t o = 0; o < options->size(); ++o) {
                        LocalizedText option;
                        if (r.localizedValue((*options)[o], qp + "/options/" + std::to_string(o), option))
                            question.options.push_back(option);
                        else
                            ok = false;
                    }
                } else {
                    ok = false;
                }
                auto answer = q.find("answer");
                if (answer == q.end()) {
                    r.issue(qp + "/answer", "missing; expected the index of the right answer in \"options\" (from 0)");
                    ok = false;
                } else if (!answer->is_number_integer() || answer->get<int64_t>() < 0 ||
                           answer->get<int64_t>() >= int64_t(q.contains("options") && q["options"].is_array()
                                                                 ? q["options"].size() : 0)) {
                    r.issue(qp + "/answer", "expected the index of the right answer in \"options\" (from 0), found " +
                                                answer->dump());
                    ok = false;
                } else {
                    question.correct = int(answer->get<int64_t>());
                }
            } else if (kind == "part") {
                question.kind = QuizQuestion::Kind::Part;
                if (q.contains("options")) {
                    r.issue(qp + "/options", "a \"part\" question has no options: the learner points at the part");
                    ok = false;
                }
                ok &= r.localized(q, "explanation", qp, false, question.explanation);
                if (r.string(q, "answer", qp, true, question.part) && !question.part.empty()) {
                    bool described = std::any_of(machine.parts.begin(), machine.parts.end(),
                                                 [&](const MachinePart& part) { return part.node == question.part; });
                    if (!described) {
                        r.issue(qp + "/answer", "\"" + question.part +
                                                    "\" is not one of this machine's parts (its \"parts\"): the learner "
                                                    "could not point at it");
                        ok = false;
                    }
                } else {
                    ok = false;
                }
            } else if (!kind.empty()) {
                r.issue(qp + "/kind", "expected \"choice\" or \"part\", found \"" + kind + "\"");
                ok = false;
            }
        }
        // Name the machine and the question in what was found, so a long scene's report reads alone.
        for (size_t k = issuesBefore; k < r.scene_.issues.size(); ++k)
            r.scene_.issues[k].message = who + ", quiz question " + std::to_string(i + 1) + " (left out): " +
                                         r.scene_.issues[k].message;
        if (ok) machine.quiz.push_back(std::move(question));
    }
}

}  // namespace

void readMachines(Reader& r, const json& doc, SceneDescription& scene, const std::set<std::string>& declaredPlatforms) {
    const json* machines = r.member(doc, "machines", "", true, json::value_t::array, "an array of machines");
    if (!machines) return;
    std::set<std::string> ids;
    r.eachObject(*machines, "/machines", [&](const json& m, const std::string& path) {
        r.onlyKeys(m, path, {"id", "name", "category", "model", "transform", "platform", "specifications", "safety",
                             "training", "parts", "procedures", "link", "quiz", "animation"});
        Machine machine;
        bool ok = r.id(m, path, ids, machine.id) & r.localized(m, "name", path, true, machine.name) &
                  r.string(m, "category", path, true, machine.category) &
                  r.file(m, "model", path, true, machine.model.file) &
                  r.string(m, "platform", path, true, machine.platform) &
                  r.localizedList(m, "training", path, machine.trainingModules) &
                  r.string(m, "animation", path, false, machine.animation);
        if (const json* t = r.member(m, "transform", path, false, json::value_t::object, "an object")) {
            r.onlyKeys(*t, path + "/transform", {"position", "rotationDegrees", "scale"});
            ok &= r.transform(*t, path + "/transform", machine.model.transform);
        }
        if (!machine.platform.empty() && !declaredPlatforms.count(machine.platform)) {
            r.issue(path + "/platform", "unknown platform id \"" + machine.platform + "\"");
            ok = false;
        }
        if (const json* specs = r.member(m, "specifications", path, false, json::value_t::array, "an array")) {
            ok &= r.eachObject(*specs, path + "/specifications", [&](const json& s, const std::string& sp) {
                r.onlyKeys(s, sp, {"label", "value"});
                Specification spec;
                if (r.localized(s, "label", sp, true, spec.label) & r.localized(s, "value", sp, true, spec.value))
                    machine.specifications.push_back(spec);
                else
                    ok = false;
            });
        }
        if (const json* safety = r.member(m, "safety", path, false, json::value_t::object, "an object")) {
            r.onlyKeys(*safety, path + "/safety", {"rules", "protectiveEquipment", "pictograms"});
            ok &= r.localizedList(*safety, "rules", path + "/safety", machine.safetyRules) &
                  r.localizedList(*safety, "protectiveEquipment", path + "/safety", machine.protectiveEquipment) &
                  readPictograms(r, *safety, path + "/safety", machine.pictograms);
        }
        if (const json* parts = r.member(m, "parts", path, false, json::value_t::object, "an object: node name -> part")) {
            for (auto it = parts->begin(); it != parts->end(); ++it) {
                std::string pp = path + "/parts/" + jsonPointerToken(it.key());
                MachinePart part;
                part.node = it.key();
                if (!it->is_object()) {
                    r.issue(pp, "expected {\"label\": {...}, \"description\": {...}}");
                    ok = false;
                    continue;
                }
                r.onlyKeys(*it, pp, {"label", "description", "role", "explodeDirection"});
                bool partOk = r.localized(*it, "label", pp, true, part.label) &
                              r.localized(*it, "description", pp, false, part.description) &
                              r.localized(*it, "role", pp, false, part.role);
                if (it->contains("explodeDirection")) {
                    glm::vec3 direction{0.0f};
                    if (!r.vec3(*it, "explodeDirection", pp, false, direction)) {
                        partOk = false;
                    } else if (glm::length(direction) < 1e-6f) {
                        r.issue(pp + "/explodeDirection", "expected a direction, not [0, 0, 0]");
                        partOk = false;
                    } else {
                        part.explodeDirection = direction;
                    }
                }
                if (partOk)
                    machine.parts.push_back(part);
                else
                    ok = false;
            }
        }
        ok &= readProcedures(r, m, path, machine);  // after the parts: steps name them
        r.link(m, path, machine.link);
        readQuiz(r, m, path, machine);              // after the parts too: part questions name them
        if (ok) scene.machines.push_back(machine);
    });
}

}  // namespace scene_reading

const char* pictogramName(Pictogram pictogram) {
    for (const auto& [kind, name] : scene_reading::kPictograms)
        if (kind == pictogram) return name;
    return "?";
}

}  // namespace twin
