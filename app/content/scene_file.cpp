#include "content/scene_file.h"

#include <glm/gtc/matrix_transform.hpp>
#include <nlohmann/json.hpp>

#include "core/file_util.h"

namespace twin {
namespace {
using nlohmann::json;

struct Context {
    SceneDescription& scene;
    std::filesystem::path assetRoot;
    void issue(const std::string& path, const std::string& message) {
        scene.issues.push_back({scene.file.string() + ": " + path, message});
    }
};

bool readVec3(Context& c, const json& object, const char* key, const std::string& path, glm::vec3& out) {
    if (!object.contains(key)) return true;
    const json& v = object[key];
    if (!v.is_array() || v.size() != 3 || !v[0].is_number() || !v[1].is_number() || !v[2].is_number()) {
        c.issue(path + "/" + key, "expected an array of 3 numbers");
        return false;
    }
    out = {v[0].get<float>(), v[1].get<float>(), v[2].get<float>()};
    return true;
}

// True when `path` stays inside `root` once normalised (no escape by "..").
bool inside(const std::filesystem::path& root, const std::filesystem::path& path) {
    std::filesystem::path relative = path.lexically_normal().lexically_relative(root.lexically_normal());
    return !relative.empty() && *relative.begin() != "..";
}
}  // namespace

SceneDescription loadSceneFile(const std::filesystem::path& file) {
    SceneDescription scene;
    scene.file = file;
    Context c{scene, {}};
    engine::Result<std::string> text = engine::readTextFile(file);
    if (!text) {
        scene.issues.push_back({file.string(), text.error()});
        return scene;
    }
    json doc;
    try {
        doc = json::parse(text.value());
    } catch (const json::parse_error& e) {
        scene.issues.push_back({file.string(), std::string("not valid JSON: ") + e.what()});
        return scene;
    }
    if (!doc.is_object()) {
        c.issue("/", "expected a JSON object");
        return scene;
    }
    std::filesystem::path folder = std::filesystem::absolute(file).parent_path();
    c.assetRoot = folder;
    if (doc.contains("assetRoot")) {
        if (!doc["assetRoot"].is_string())
            c.issue("/assetRoot", "expected a folder path (string) relative to the scene file");
        else
            c.assetRoot = (folder / doc["assetRoot"].get<std::string>()).lexically_normal();
    }
    if (doc.contains("name")) {
        const json& n = doc["name"];
        if (n.is_object() && n.value("fr", json()).is_string() && n.value("en", json()).is_string())
            scene.name = {n["fr"].get<std::string>(), n["en"].get<std::string>()};
        else
            c.issue("/name", "expected {\"fr\": \"...\", \"en\": \"...\"}");
    }
    if (!doc.contains("building") || !doc["building"].is_object()) {
        c.issue("/building", "expected an object with a \"models\" array");
        return scene;
    }
    const json& models = doc["building"].value("models", json());
    if (!models.is_array()) {
        c.issue("/building/models", "expected an array of models");
        return scene;
    }
    for (size_t i = 0; i < models.size(); ++i) {
        std::string path = "/building/models/" + std::to_string(i);
        const json& m = models[i];
        if (!m.is_object() || !m.contains("file") || !m["file"].is_string()) {
            c.issue(path, "expected an object with a \"file\" string");
            continue;
        }
        std::filesystem::path resolved = (folder / m["file"].get<std::string>()).lexically_normal();
        if (!inside(c.assetRoot, resolved)) {
            c.issue(path + "/file", "the path leaves the scene's folder tree (" + c.assetRoot.string() + ")");
            continue;
        }
        glm::vec3 position(0.0f), rotation(0.0f), scale(1.0f);
        bool ok = readVec3(c, m, "position", path, position) & readVec3(c, m, "rotationDegrees", path, rotation) &
                  readVec3(c, m, "scale", path, scale);
        if (!ok) continue;
        glm::mat4 t = glm::translate(glm::mat4(1.0f), position);
        t = glm::rotate(t, glm::radians(rotation.y), {0, 1, 0});
        t = glm::rotate(t, glm::radians(rotation.x), {1, 0, 0});
        t = glm::rotate(t, glm::radians(rotation.z), {0, 0, 1});
        t = glm::scale(t, scale);
        scene.models.push_back({resolved, t});
    }
    return scene;
}

}  // namespace twin
