#pragma once
// Inside the scene file's reader (scene_file.cpp and the sections read in
// files of their own): the checks every section makes, each recording an
// issue with its JSON path and line. Not for use outside app/content.
#include <algorithm>
#include <cmath>
#include <filesystem>
#include <regex>
#include <set>
#include <string>

#include <glm/gtc/matrix_transform.hpp>
#include <nlohmann/json.hpp>

#include "content/json_locations.h"
#include "content/scene_file.h"

namespace twin::scene_reading {
using nlohmann::json;

inline const char* kindName(const json& v) {
    switch (v.type()) {
        case json::value_t::null: return "null";
        case json::value_t::boolean: return "a boolean";
        case json::value_t::string: return "a string";
        case json::value_t::array: return "an array";
        case json::value_t::object: return "an object";
        case json::value_t::discarded: return "nothing";
        default: return "a number";
    }
}


// Reads one section; every check records an issue and returns false when
// the value cannot be used.
class Reader {
public:
    Reader(SceneDescription& scene, const JsonLocations& locations) : scene_(scene), locations_(locations) {}

    void issue(const std::string& path, const std::string& message) {
        scene_.issues.push_back({scene_.file, locations_.line(path), path, message});
    }

    // Flags members that the format does not know (typos would be silently lost).
    void onlyKeys(const json& object, const std::string& path, std::initializer_list<const char*> known) {
        for (auto it = object.begin(); it != object.end(); ++it) {
            if (std::find_if(known.begin(), known.end(), [&](const char* k) { return it.key() == k; }) != known.end())
                continue;
            std::string list;
            for (const char* k : known) list += std::string(list.empty() ? "" : ", ") + k;
            issue(path + "/" + jsonPointerToken(it.key()), "unknown member \"" + it.key() + "\" (expected one of: " + list + ")");
        }
    }

    const json* member(const json& object, const char* key, const std::string& path, bool required,
                       json::value_t type, const char* expected) {
        auto it = object.find(key);
        if (it == object.end()) {
            if (required) issue(path + "/" + key, std::string("missing; expected ") + expected);
            return nullptr;
        }
        bool ok = it->type() == type || (type == json::value_t::number_float && it->is_number());
        if (!ok) {
            issue(path + "/" + key, std::string("expected ") + expected + ", found " + kindName(*it));
            return nullptr;
        }
        return &*it;
    }

    // Calls read(item, itemPath) for every element of `array` that is an
    // object (every section is a list of objects) and reports the others.
    // False when some element was not an object.
    template <typename Read>
    bool eachObject(const json& array, const std::string& path, Read&& read) {
        bool all = true;
        for (size_t i = 0; i < array.size(); ++i) {
            std::string itemPath = path + "/" + std::to_string(i);
            if (!array[i].is_object()) {
                issue(itemPath, std::string("expected an object, found ") + kindName(array[i]));
                all = false;
                continue;
            }
            read(array[i], itemPath);
        }
        return all;
    }

    // Appends the strings of `array` (node names) to `out`, reporting the
    // elements that are not strings; false when there were some.
    bool nameList(const json& array, const std::string& path, std::vector<std::string>& out) {
        bool all = true;
        for (size_t i = 0; i < array.size(); ++i) {
            if (array[i].is_string()) {
                out.push_back(array[i].get<std::string>());
            } else {
                issue(path + "/" + std::to_string(i), "expected a node name (string)");
                all = false;
            }
        }
        return all;
    }

    bool string(const json& o, const char* key, const std::string& path, bool required, std::string& out) {
        const json* v = member(o, key, path, required, json::value_t::string, "a string");
        if (!v) return !required;
        out = v->get<std::string>();
        if (required && out.empty()) {
            issue(path + "/" + key, "expected a non-empty string");
            return false;
        }
        return true;
    }

    bool number(const json& o, const char* key, const std::string& path, bool required, double minimum,
                double maximum, double& out) {
        const json* v = member(o, key, path, required, json::value_t::number_float, "a number");
        if (!v) return !required;
        double d = v->get<double>();
        if (!std::isfinite(d) || d < minimum || d > maximum) {
            issue(path + "/" + key, "expected a number between " + format(minimum) + " and " + format(maximum) +
                                        ", found " + format(d));
            return false;
        }
        out = d;
        return true;
    }

    bool localized(const json& o, const char* key, const std::string& path, bool required, LocalizedText& out) {
        const json* v = member(o, key, path, required, json::value_t::object, "{\"fr\": \"...\", \"en\": \"...\"}");
        if (!v) return !required;
        return localizedValue(*v, path + "/" + key, out);
    }

    bool localizedValue(const json& v, const std::string& path, LocalizedText& out) {
        if (!v.is_object()) {
            issue(path, std::string("expected {\"fr\": \"...\", \"en\": \"...\"}, found ") + kindName(v));
            return false;
        }
        bool ok = true;
        for (const char* language : {"fr", "en"}) {
            auto it = v.find(language);
            if (it == v.end() || !it->is_string() || it->get<std::string>().empty()) {
                issue(path + "/" + language, std::string("missing; every visitor-facing text needs French and English (\"") +
                                                 language + "\": a non-empty string)");
                ok = false;
            }
        }
        onlyKeys(v, path, {"fr", "en"});
        if (!ok) return false;
        out = {v["fr"].get<std::string>(), v["en"].get<std::string>()};
        return true;
    }

    bool localizedList(const json& o, const char* key, const std::string& path, std::vector<LocalizedText>& out) {
        const json* v = member(o, key, path, false, json::value_t::array, "an array of {\"fr\", \"en\"} texts");
        if (!v) return !o.contains(key);
        bool ok = true;
        for (size_t i = 0; i < v->size(); ++i) {
            LocalizedText text;
            if (localizedValue((*v)[i], path + "/" + key + "/" + std::to_string(i), text))
                out.push_back(text);
            else
                ok = false;
        }
        return ok;
    }

    bool vec3(const json& o, const char* key, const std::string& path, bool required, glm::vec3& out) {
        auto it = o.find(key);
        if (it == o.end()) {
            if (required) issue(path + "/" + key, "missing; expected [x, y, z]");
            return !required;
        }
        return point(*it, path + "/" + key, out);
    }

    // A value that must be [x, y, z] within 100 km of the origin.
    bool point(const json& v, const std::string& path, glm::vec3& out) {
        if (!v.is_array() || v.size() != 3 || !v[0].is_number() || !v[1].is_number() || !v[2].is_number()) {
            issue(path, "expected [x, y, z] (three numbers)");
            return false;
        }
        out = {v[0].get<float>(), v[1].get<float>(), v[2].get<float>()};
        if (!std::isfinite(out.x) || !std::isfinite(out.y) || !std::isfinite(out.z) || glm::length(out) > 1e5f) {
            issue(path, "expected coordinates within 100 km");
            return false;
        }
        return true;
    }

    bool id(const json& o, const std::string& path, std::set<std::string>& seen, std::string& out) {
        if (!string(o, "id", path, true, out)) return false;
        static const std::regex pattern("[a-z0-9][a-z0-9_-]{0,63}");
        if (!std::regex_match(out, pattern)) {
            issue(path + "/id", "expected an id of lower-case letters, digits, '-' or '_' (at most 64), found \"" + out + "\"");
            return false;
        }
        if (!seen.insert(out).second) {
            issue(path + "/id", "duplicate id \"" + out + "\"");
            return false;
        }
        return true;
    }

    // A path relative to the scene file that must stay in the asset root and exist.
    bool file(const json& o, const char* key, const std::string& path, bool required, std::filesystem::path& out) {
        std::string relative;
        if (!string(o, key, path, required, relative)) return false;
        if (relative.empty()) return true;
        std::filesystem::path resolved = (scene_.file.parent_path() / relative).lexically_normal();
        std::filesystem::path inside = resolved.lexically_relative(scene_.assetRoot);
        if (std::filesystem::path(relative).is_absolute() || inside.empty() || *inside.begin() == "..") {
            issue(path + "/" + key, "the path \"" + relative + "\" leaves the scene's folder tree (" +
                                        scene_.assetRoot.string() + "); use a path relative to the scene file inside it");
            return false;
        }
        std::error_code ec;
        if (!std::filesystem::is_regular_file(resolved, ec)) {
            issue(path + "/" + key, "the file \"" + relative + "\" does not exist (looked for " + resolved.string() + ")");
            return false;
        }
        out = resolved;
        return true;
    }

    bool transform(const json& o, const std::string& path, glm::mat4& out) {
        glm::vec3 position(0.0f), rotation(0.0f), scale(1.0f);
        bool ok = vec3(o, "position", path, false, position) & vec3(o, "rotationDegrees", path, false, rotation);
        if (auto it = o.find("scale"); it != o.end() && it->is_number()) {
            scale = glm::vec3(it->get<float>());
        } else {
            ok &= vec3(o, "scale", path, false, scale);
        }
        if (!(scale.x > 0.0f && scale.y > 0.0f && scale.z > 0.0f)) {
            issue(path + "/scale", "expected a positive scale");
            ok = false;
        }
        glm::mat4 t = glm::translate(glm::mat4(1.0f), position);
        t = glm::rotate(t, glm::radians(rotation.y), {0, 1, 0});
        t = glm::rotate(t, glm::radians(rotation.x), {1, 0, 0});
        t = glm::rotate(t, glm::radians(rotation.z), {0, 0, 1});
        out = glm::scale(t, scale);
        return ok;
    }

    // "link": {"url": "https://...", "kind": "contact"}. A bad link is
    // reported and left out; the platform or machine keeps everything else.
    void link(const json& o, const std::string& path, std::optional<SceneLink>& out) {
        const json* v = member(o, "link", path, false, json::value_t::object,
                               "{\"url\": \"https://...\", \"kind\": \"contact\", \"training\" or \"booking\"}");
        if (!v) return;
        const std::string linkPath = path + "/link";
        onlyKeys(*v, linkPath, {"url", "kind"});
        SceneLink result;
        std::string kind;
        if (!string(*v, "url", linkPath, true, result.url) | !string(*v, "kind", linkPath, true, kind)) return;
        if (std::string problem = linkProblem(result.url); !problem.empty()) {
            issue(linkPath + "/url", problem);
            return;
        }
        std::optional<LinkKind> parsed = linkKindFromName(kind);
        if (!parsed) {
            issue(linkPath + "/kind", "expected \"contact\", \"training\" or \"booking\", found \"" + kind + "\"");
            return;
        }
        result.kind = *parsed;
        out = result;
    }

    static std::string format(double d) {
        char text[32];
        std::snprintf(text, sizeof text, "%g", d);
        return text;
    }

    SceneDescription& scene_;
    const JsonLocations& locations_;
};

// The machines section (scene_machines.cpp): parts, safety, procedures, quiz.
// `declaredPlatforms`: the platform ids the file declares.
void readMachines(Reader& r, const json& doc, SceneDescription& scene, const std::set<std::string>& declaredPlatforms);

}  // namespace twin::scene_reading
