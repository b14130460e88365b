#include "content/scene_file.h"

#include <algorithm>
#include <cmath>
#include <regex>
#include <set>

#include <glm/gtc/matrix_transform.hpp>
#include <nlohmann/json.hpp>

#include "core/json_nesting.h"
#include "content/json_locations.h"
#include "content/scene_reader.h"
#include "core/file_util.h"
#include "scene/polygon.h"

namespace twin {
namespace {
using nlohmann::json;
using scene_reading::kindName;
using scene_reading::Reader;
using scene_reading::readMachines;

constexpr size_t kMaxSceneBytes = 16u << 20;  // a scene file is text, not data
constexpr int kMaxNesting = 64;
// Tour paths search routes over the waypoints (CameraPathDesc): their work
// grows with the square of the count.
constexpr size_t kMaxWaypoints = 256;
// libsodium's crypto_pwhash_STRBYTES: its argon2 strings are shorter.
constexpr size_t kMaxPinHashBytes = 128;

bool parseColour(const std::string& text, glm::vec3& out) {
    static const std::regex pattern("#[0-9A-Fa-f]{6}");
    if (!std::regex_match(text, pattern)) return false;
    unsigned value = unsigned(std::stoul(text.substr(1), nullptr, 16));
    glm::vec3 srgb(float((value >> 16) & 255) / 255.0f, float((value >> 8) & 255) / 255.0f, float(value & 255) / 255.0f);
    out = glm::pow(srgb, glm::vec3(2.2f));
    return true;
}

void readBuilding(Reader& r, const json& doc, SceneDescription& scene) {
    const json* building = r.member(doc, "building", "", true, json::value_t::object, "an object");
    if (!building) return;
    r.onlyKeys(*building, "/building", {"models", "floors", "roofNodes", "waypoints"});
    if (const json* waypoints = r.member(*building, "waypoints", "/building", false, json::value_t::array,
                                         "an array of [x, y, z] points")) {
        if (waypoints->size() > kMaxWaypoints) {
            r.issue("/building/waypoints", "expected at most " + std::to_string(kMaxWaypoints) + " waypoints, found " +
                                               std::to_string(waypoints->size()));
        } else {
            for (size_t i = 0; i < waypoints->size(); ++i) {
                glm::vec3 point;
                if (r.point((*waypoints)[i], "/building/waypoints/" + std::to_string(i), point))
                    scene.building.waypoints.push_back(point);
            }
        }
    }
    if (const json* roof = r.member(*building, "roofNodes", "/building", false, json::value_t::array,
                                    "an array of node names")) {
        r.nameList(*roof, "/building/roofNodes", scene.building.roofNodes);
    }
    if (const json* models = r.member(*building, "models", "/building", true, json::value_t::array, "an array of models")) {
        r.eachObject(*models, "/building/models", [&](const json& m, const std::string& path) {
            r.onlyKeys(m, path, {"file", "position", "rotationDegrees", "scale"});
            ModelPlacement placement;
            if (r.file(m, "file", path, true, placement.file) & r.transform(m, path, placement.transform))
                scene.building.models.push_back(placement);
        });
    }
    std::set<std::string> ids;
    if (const json* floors = r.member(*building, "floors", "/building", true, json::value_t::array, "an array of floors")) {
        r.eachObject(*floors, "/building/floors", [&](const json& f, const std::string& path) {
            r.onlyKeys(f, path, {"id", "name", "elevation", "height", "nodes"});
            Floor floor;
            double elevation = 0, height = 3;
            bool ok = r.id(f, path, ids, floor.id) & r.localized(f, "name", path, true, floor.name) &
                      r.number(f, "elevation", path, true, -100, 1000, elevation) &
                      r.number(f, "height", path, true, 2.0, 30.0, height);
            if (const json* nodes = r.member(f, "nodes", path, false, json::value_t::array, "an array of node names")) {
                ok &= r.nameList(*nodes, path + "/nodes", floor.nodes);
            }
            floor.elevation = float(elevation);
            floor.height = float(height);
            if (ok) scene.building.floors.push_back(floor);
        });
    }
}

void readPlatforms(Reader& r, const json& doc, SceneDescription& scene) {
    const json* platforms = r.member(doc, "platforms", "", true, json::value_t::array, "an array of platforms");
    if (!platforms) return;
    std::set<std::string> ids;
    r.eachObject(*platforms, "/platforms", [&](const json& p, const std::string& path) {
        r.onlyKeys(p, path, {"id", "name", "description", "floor", "footprint", "capacity", "colour", "services", "contact",
                       "link"});
        Platform platform;
        bool ok = r.id(p, path, ids, platform.id) & r.localized(p, "name", path, true, platform.name) &
                  r.localized(p, "description", path, true, platform.description) &
                  r.string(p, "floor", path, true, platform.floor) &
                  r.localizedList(p, "services", path, platform.services);
        if (!platform.floor.empty() &&
            std::none_of(scene.building.floors.begin(), scene.building.floors.end(),
                         [&](const Floor& f) { return f.id == platform.floor; })) {
            r.issue(path + "/floor", "unknown floor id \"" + platform.floor + "\"");
            ok = false;
        }
        if (const json* footprint = r.member(p, "footprint", path, true, json::value_t::array, "an array of [x, z] points")) {
            for (size_t k = 0; k < footprint->size(); ++k) {
                const json& point = (*footprint)[k];
                if (!point.is_array() || point.size() != 2 || !point[0].is_number() || !point[1].is_number()) {
                    r.issue(path + "/footprint/" + std::to_string(k), "expected a point [x, z] (two numbers)");
                    ok = false;
                    continue;
                }
                platform.footprint.push_back({point[0].get<float>(), point[1].get<float>()});
            }
            if (ok && platform.footprint.size() < 3) {
                r.issue(path + "/footprint", "a footprint polygon needs at least 3 points, found " +
                                                 std::to_string(platform.footprint.size()));
                ok = false;
            } else if (ok && std::abs(engine::signedPolygonArea(platform.footprint)) < 5e-4) {  // m²
                r.issue(path + "/footprint", "the footprint polygon has no area");
                ok = false;
            }
        } else {
            ok = false;
        }
        double capacity = 0;
        if (r.number(p, "capacity", path, true, 1, 10000, capacity)) {
            if (capacity != std::floor(capacity)) {
                r.issue(path + "/capacity", "expected a whole number of people");
                ok = false;
            }
            platform.capacity = int(capacity);
        } else {
            ok = false;
        }
        std::string colour;
        if (r.string(p, "colour", path, true, colour) && !parseColour(colour, platform.colour)) {
            r.issue(path + "/colour", "expected a colour \"#RRGGBB\", found \"" + colour + "\"");
            ok = false;
        }
        if (const json* contact = r.member(p, "contact", path, false, json::value_t::object, "an object")) {
            r.onlyKeys(*contact, path + "/contact", {"name", "email", "phone"});
            ok &= r.string(*contact, "name", path + "/contact", false, platform.contact.name) &
                  r.string(*contact, "email", path + "/contact", false, platform.contact.email) &
                  r.string(*contact, "phone", path + "/contact", false, platform.contact.phone);
        }
        r.link(p, path, platform.link);
        if (ok) scene.platforms.push_back(platform);
    });
}

void readTours(Reader& r, const json& doc, SceneDescription& scene, const std::set<std::string>& platforms,
               const std::set<std::string>& machines) {
    const json* tours = r.member(doc, "tours", "", false, json::value_t::array, "an array of tours");
    if (!tours) return;
    std::set<std::string> ids;
    r.eachObject(*tours, "/tours", [&](const json& t, const std::string& path) {
        r.onlyKeys(t, path, {"id", "title", "audience", "stops"});
        Tour tour;
        bool ok = r.id(t, path, ids, tour.id) & r.localized(t, "title", path, true, tour.title) &
                  r.string(t, "audience", path, true, tour.audience);
        if (!tour.audience.empty() && tour.audience != "companies" && tour.audience != "learners" &&
            tour.audience != "everyone") {
            r.issue(path + "/audience", "expected \"companies\", \"learners\" or \"everyone\", found \"" + tour.audience + "\"");
            ok = false;
        }
        const json* stops = r.member(t, "stops", path, true, json::value_t::array, "an array of stops");
        if (!stops) ok = false;
        if (stops) ok &= r.eachObject(*stops, path + "/stops", [&](const json& s, const std::string& sp) {
            r.onlyKeys(s, sp, {"target", "camera", "duration", "narration", "panels"});
            TourStop stop;
            double duration = 10;
            ok &= r.number(s, "duration", sp, true, 1, 600, duration) & r.localized(s, "narration", sp, true, stop.narration);
            stop.durationSeconds = float(duration);
            if (const json* target = r.member(s, "target", sp, true, json::value_t::object,
                                              "{\"platform\": id}, {\"machine\": id} or {\"point\": [x, y, z]}")) {
                r.onlyKeys(*target, sp + "/target", {"platform", "machine", "point"});
                if (target->size() != 1) {
                    r.issue(sp + "/target", "expected exactly one of \"platform\", \"machine\" or \"point\"");
                    ok = false;
                } else if (target->contains("platform")) {
                    stop.kind = TourStop::TargetKind::Platform;
                    if (r.string(*target, "platform", sp + "/target", true, stop.targetId) && !platforms.count(stop.targetId)) {
                        r.issue(sp + "/target/platform", "unknown platform id \"" + stop.targetId + "\"");
                        ok = false;
                    }
                } else if (target->contains("machine")) {
                    stop.kind = TourStop::TargetKind::Machine;
                    if (r.string(*target, "machine", sp + "/target", true, stop.targetId) && !machines.count(stop.targetId)) {
                        r.issue(sp + "/target/machine", "unknown machine id \"" + stop.targetId + "\"");
                        ok = false;
                    }
                } else {
                    stop.kind = TourStop::TargetKind::Point;
                    ok &= r.vec3(*target, "point", sp + "/target", true, stop.point);
                }
            } else {
                ok = false;
            }
            if (const json* camera = r.member(s, "camera", sp, false, json::value_t::object, "{\"eye\": [...], \"target\": [...]}")) {
                r.onlyKeys(*camera, sp + "/camera", {"eye", "target"});
                CameraViewpoint viewpoint;
                if (r.vec3(*camera, "eye", sp + "/camera", true, viewpoint.eye) &
                    r.vec3(*camera, "target", sp + "/camera", true, viewpoint.target))
                    stop.camera = viewpoint;
                else
                    ok = false;
            }
            if (const json* panels = r.member(s, "panels", sp, false, json::value_t::array, "an array of panel names")) {
                for (size_t p = 0; p < panels->size(); ++p) {
                    const json& panel = (*panels)[p];
                    std::string name = panel.is_string() ? panel.get<std::string>() : "";
                    size_t colon = name.find(':');
                    std::string kind = name.substr(0, colon), target = colon == std::string::npos ? "" : name.substr(colon + 1);
                    bool known = (kind == "platform" && platforms.count(target)) || (kind == "machine" && machines.count(target));
                    if (!known) {
                        r.issue(sp + "/panels/" + std::to_string(p),
                                "expected \"platform:ID\" or \"machine:ID\" naming a declared platform or machine");
                        ok = false;
                    } else {
                        stop.panels.push_back(name);
                    }
                }
            }
            tour.stops.push_back(stop);
        });
        if (stops && stops->empty()) {
            r.issue(path + "/stops", "a tour needs at least one stop");
            ok = false;
        }
        if (ok) scene.tours.push_back(tour);
    });
}

// trainingModules: each names the machines it uses (declared machine ids).
void readTraining(Reader& r, const json& doc, SceneDescription& scene, const std::set<std::string>& machines) {
    const json* modules = r.member(doc, "trainingModules", "", false, json::value_t::array, "an array of training modules");
    if (!modules) return;
    std::set<std::string> ids;
    r.eachObject(*modules, "/trainingModules", [&](const json& t, const std::string& path) {
        r.onlyKeys(t, path, {"id", "title", "hours", "prerequisites", "machines"});
        TrainingModule module;
        double hours = 0;
        bool ok = r.id(t, path, ids, module.id) & r.localized(t, "title", path, true, module.title) &
                  r.number(t, "hours", path, true, 0.5, 200, hours) &
                  r.localizedList(t, "prerequisites", path, module.prerequisites);
        module.hours = float(hours);
        if (const json* used = r.member(t, "machines", path, true, json::value_t::array, "an array of machine ids")) {
            if (used->empty()) {
                r.issue(path + "/machines", "expected at least one machine id");
                ok = false;
            }
            for (size_t i = 0; i < used->size(); ++i) {
                const json& v = (*used)[i];
                if (!v.is_string() || !machines.count(v.get<std::string>())) {
                    r.issue(path + "/machines/" + std::to_string(i),
                            v.is_string() ? "unknown machine id \"" + v.get<std::string>() + "\"" : "expected a machine id");
                    ok = false;
                } else {
                    module.machines.push_back(v.get<std::string>());
                }
            }
        } else {
            ok = false;
        }
        if (ok) scene.trainingModules.push_back(std::move(module));
    });
}

void readFeeds(Reader& r, const json& doc, SceneDescription& scene) {
    const json* feeds = r.member(doc, "feeds", "", false, json::value_t::object, "an object");
    if (!feeds) return;
    r.onlyKeys(*feeds, "/feeds", {"replay", "mqtt", "staleAfterSeconds"});
    r.file(*feeds, "replay", "/feeds", false, scene.feeds.replay);
    r.number(*feeds, "staleAfterSeconds", "/feeds", false, 1, 86400, scene.feeds.staleAfterSeconds);
    const json* mqtt = r.member(*feeds, "mqtt", "/feeds", false, json::value_t::object, "an object");
    if (!mqtt) return;
    r.onlyKeys(*mqtt, "/feeds/mqtt", {"url", "topicPrefix", "username", "credentials"});
    if (mqtt->contains("password"))
        r.issue("/feeds/mqtt/password", "secrets never go in the scene: name an environment variable or a file in \"credentials\"");
    if (r.string(*mqtt, "url", "/feeds/mqtt", true, scene.feeds.mqttUrl)) {
        static const std::regex url(R"(mqtts?://[A-Za-z0-9.\-\[\]:]+(:\d{1,5})?/?)");
        if (!std::regex_match(scene.feeds.mqttUrl, url))
            r.issue("/feeds/mqtt/url", "expected mqtt://HOST[:PORT] or mqtts://HOST[:PORT], found \"" + scene.feeds.mqttUrl + "\"");
    }
    r.string(*mqtt, "topicPrefix", "/feeds/mqtt", false, scene.feeds.topicPrefix);
    r.string(*mqtt, "username", "/feeds/mqtt", false, scene.feeds.username);
    if (const json* credentials = r.member(*mqtt, "credentials", "/feeds/mqtt", false, json::value_t::object,
                                           "{\"environment\": NAME} or {\"file\": PATH}")) {
        r.onlyKeys(*credentials, "/feeds/mqtt/credentials", {"environment", "file"});
        std::string file;
        r.string(*credentials, "environment", "/feeds/mqtt/credentials", false, scene.feeds.credentialsEnvironment);
        if (r.string(*credentials, "file", "/feeds/mqtt/credentials", false, file)) scene.feeds.credentialsFile = file;
    }
}

}  // namespace

bool isKioskId(std::string_view id) {
    auto alnum = [](char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'); };
    if (id.empty() || id.size() > 64 || !alnum(id[0])) return false;
    return std::all_of(id.begin(), id.end(), [&](char c) { return alnum(c) || c == '_' || c == '-'; });
}

namespace {

void readKiosk(Reader& r, const json& doc, SceneDescription& scene, const std::set<std::string>& tours) {
    const json* kiosk = r.member(doc, "kiosk", "", false, json::value_t::object, "an object");
    if (!kiosk) return;
    r.onlyKeys(*kiosk, "/kiosk", {"id", "status", "idleTimeoutSeconds", "attractTour", "language", "adminPinHash"});
    if (r.string(*kiosk, "id", "/kiosk", false, scene.kiosk.id) && !scene.kiosk.id.empty() && !isKioskId(scene.kiosk.id)) {
        r.issue("/kiosk/id", "expected 1 to 64 letters, digits, '_' or '-' (one MQTT topic level), found \"" +
                                 scene.kiosk.id.substr(0, 80) + "\"");
        scene.kiosk.id.clear();
    }
    if (const json* status = r.member(*kiosk, "status", "/kiosk", false, json::value_t::boolean, "a boolean"))
        scene.kiosk.status = status->get<bool>();
    r.number(*kiosk, "idleTimeoutSeconds", "/kiosk", false, 10, 3600, scene.kiosk.idleTimeoutSeconds);
    if (r.string(*kiosk, "attractTour", "/kiosk", false, scene.kiosk.attractTour) && !scene.kiosk.attractTour.empty() &&
        !tours.count(scene.kiosk.attractTour))
        r.issue("/kiosk/attractTour", "unknown tour id \"" + scene.kiosk.attractTour + "\"");
    if (r.string(*kiosk, "language", "/kiosk", false, scene.kiosk.language) && scene.kiosk.language != "fr" &&
        scene.kiosk.language != "en")
        r.issue("/kiosk/language", "expected \"fr\" or \"en\", found \"" + scene.kiosk.language + "\"");
    // Optional: absent, the kiosk has no admin PIN set. A PIN has so few
    // values that only a salted, deliberately slow hash keeps it secret
    // from whoever reads the scene file: an argon2 string as libsodium's
    // crypto_pwhash_str writes it. A plain digest is refused by name.
    std::string& pinHash = scene.kiosk.adminPinHash;
    constexpr std::string_view expectedHash =
        "a salted slow hash: the \"$argon2id$...\" string of libsodium's crypto_pwhash_str (or \"$argon2i$...\")";
    if (!r.string(*kiosk, "adminPinHash", "/kiosk", false, pinHash) || pinHash.empty()) return;
    const bool argon2 = pinHash.starts_with("$argon2id$") || pinHash.starts_with("$argon2i$");
    const bool printable = std::all_of(pinHash.begin(), pinHash.end(), [](char c) { return c > ' ' && c < 0x7f; });
    std::string problem;
    if (pinHash.starts_with("sha256:"))
        problem = "adminPinHash: an unsalted \"sha256:\" digest is refused (a PIN is found from it in moments); expected ";
    else if (!argon2 || !printable || pinHash.size() > kMaxPinHashBytes)
        problem = "adminPinHash: expected ";
    if (!problem.empty()) {
        r.issue("/kiosk/adminPinHash", problem + std::string(expectedHash) + " of at most " +
                                           std::to_string(kMaxPinHashBytes) + " characters, never the PIN itself");
        pinHash.clear();
    }
}

// Ids declared in a section, whether or not each entry is otherwise valid,
// so one bad platform does not also flag every machine that names it.
std::set<std::string> declaredIds(const json& doc, const char* section) {
    std::set<std::string> ids;
    auto it = doc.find(section);
    if (it == doc.end() || !it->is_array()) return ids;
    for (const json& entry : *it)
        if (entry.is_object() && entry.contains("id") && entry["id"].is_string()) ids.insert(entry["id"].get<std::string>());
    return ids;
}

}  // namespace

std::string SceneIssue::text() const {
    return file.string() + ":" + std::to_string(line) + ": " + (path.empty() ? "/" : path) + ": " + message;
}

std::optional<std::size_t> floorIndexAt(const std::vector<Floor>& floors, float y) {
    // A foot or a point computed on a slab's top may come out a hair below it.
    constexpr float kOnSlab = 0.01f;
    std::optional<std::size_t> best;
    for (std::size_t i = 0; i < floors.size(); ++i)
        if (floors[i].elevation - kOnSlab <= y && (!best || floors[i].elevation > floors[*best].elevation)) best = i;
    if (best && y >= floors[*best].elevation + floors[*best].height) return std::nullopt;
    return best;  // NaN compares false everywhere: nullopt
}

const Floor* SceneDescription::floor(const std::string& id) const {
    for (const Floor& f : building.floors)
        if (f.id == id) return &f;
    return nullptr;
}
const Platform* SceneDescription::platform(const std::string& id) const {
    for (const Platform& p : platforms)
        if (p.id == id) return &p;
    return nullptr;
}
const Machine* SceneDescription::machine(const std::string& id) const {
    for (const Machine& m : machines)
        if (m.id == id) return &m;
    return nullptr;
}
const Tour* SceneDescription::tour(const std::string& id) const {
    for (const Tour& t : tours)
        if (t.id == id) return &t;
    return nullptr;
}

std::vector<const TrainingModule*> SceneDescription::trainingFor(const std::string& machineId) const {
    std::vector<const TrainingModule*> found;
    for (const TrainingModule& module : trainingModules)
        if (std::find(module.machines.begin(), module.machines.end(), machineId) != module.machines.end())
            found.push_back(&module);
    return found;
}


SceneDescription loadSceneFile(const std::filesystem::path& file) {
    std::error_code ec;
    auto size = std::filesystem::file_size(file, ec);
    if (!ec && size > kMaxSceneBytes) {
        SceneDescription scene;
        scene.file = file;
        scene.issues.push_back({file, 1, "", "the file is " + std::to_string(size >> 20) + " MiB; a scene file may be at most 16 MiB"});
        return scene;
    }
    engine::Result<std::string> text = engine::readTextFile(file);
    if (!text) {
        SceneDescription scene;
        scene.file = file;
        scene.issues.push_back({file, 1, "", text.error()});
        return scene;
    }
    return parseSceneText(text.value(), file);
}

SceneDescription parseSceneText(std::string_view text, const std::filesystem::path& file) {
    SceneDescription scene;
    scene.file = file;
    std::filesystem::path folder = std::filesystem::absolute(file).parent_path();
    scene.assetRoot = folder;
    auto fail = [&](int line, const std::string& message) { scene.issues.push_back({file, line, "", message}); };
    if (text.size() > kMaxSceneBytes) {
        fail(1, "the text is larger than 16 MiB; not a scene file");
        return scene;
    }
    if (engine::jsonNestingDepth(text) > kMaxNesting) {
        fail(1, "brackets nested more than " + std::to_string(kMaxNesting) + " deep; not a scene file");
        return scene;
    }
    json doc;
    try {
        doc = json::parse(text);
    } catch (const json::out_of_range& e) {
        // e.g. a number too large for a double (found by the fuzzer).
        fail(1, std::string("not usable JSON: ") + e.what());
        return scene;
    } catch (const json::parse_error& e) {
        // Turn the byte offset into a line number.
        size_t byte = std::min<size_t>(e.byte, text.size());
        int line = 1 + int(std::count(text.begin(), text.begin() + std::ptrdiff_t(byte), '\n'));
        std::string what = e.what();
        fail(line, "not valid JSON: " + what.substr(what.find(':') == std::string::npos ? 0 : what.rfind(": ") + 2));
        return scene;
    }
    JsonLocations locations(text);
    Reader r(scene, locations);
    if (!doc.is_object()) {
        r.issue("", std::string("expected a JSON object, found ") + kindName(doc));
        return scene;
    }
    r.onlyKeys(doc, "", {"format", "assetRoot", "name", "about", "building", "platforms", "machines", "tours", "feeds",
                         "kiosk", "trainingModules"});
    std::string format;
    if (r.string(doc, "format", "", true, format) && format != "twin-tour-scene/1")
        r.issue("/format", "expected \"twin-tour-scene/1\", found \"" + format + "\"");
    std::string assetRoot;
    if (r.string(doc, "assetRoot", "", false, assetRoot) && !assetRoot.empty())
        scene.assetRoot = (folder / assetRoot).lexically_normal();
    scene.file = std::filesystem::absolute(file).lexically_normal();
    r.localized(doc, "name", "", true, scene.name);
    // Optional: {"text": {"fr", "en"}}, the About panel's text.
    if (const json* about = r.member(doc, "about", "", false, json::value_t::object, "an object")) {
        r.onlyKeys(*about, "/about", {"text"});
        r.localized(*about, "text", "/about", true, scene.about);
    }

    readBuilding(r, doc, scene);
    readPlatforms(r, doc, scene);
    std::set<std::string> platforms = declaredIds(doc, "platforms");
    readMachines(r, doc, scene, platforms);
    readTours(r, doc, scene, platforms, declaredIds(doc, "machines"));
    readTraining(r, doc, scene, declaredIds(doc, "machines"));
    readFeeds(r, doc, scene);
    readKiosk(r, doc, scene, declaredIds(doc, "tours"));
    std::stable_sort(scene.issues.begin(), scene.issues.end(),
                     [](const SceneIssue& a, const SceneIssue& b) { return a.line < b.line; });
    return scene;
}

}  // namespace twin
