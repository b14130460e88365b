#pragma once
// Scene files (scenes/*.json): the building, its platforms, machines, tours,
// live feeds and kiosk settings. Parsed and validated strictly: every problem
// is reported at once with file, line, JSON path and what was expected, and
// what is valid is kept (a machine with an error is left out, the rest
// opens). docs/scene-format.md describes the format. No GL.
#include <cstddef>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include <glm/glm.hpp>

#include "content/scene_link.h"
#include "i18n/localized_text.h"

namespace twin {


struct ModelPlacement {
    std::filesystem::path file;  // resolved, inside the scene's asset root
    glm::mat4 transform{1.0f};
};

struct Floor {
    std::string id;
    LocalizedText name;
    float elevation = 0.0f;  // metres, top of the slab
    float height = 3.0f;     // floor to ceiling
    std::vector<std::string> nodes;  // building model nodes that belong to it
};

struct Building {
    std::vector<ModelPlacement> models;
    std::vector<Floor> floors;
    std::vector<std::string> roofNodes;  // hidden whenever one floor is shown cut away
    // Eye positions a tour camera may pass on its way from room to room
    // (both sides of each doorway, corridor ends, stair landings, outside
    // the entrance): used only when the straight move is blocked.
    std::vector<glm::vec3> waypoints;
};

// Floor assignment, by height only (floors carry no outline): the index in
// `floors` of the floor a point at height `y` is on, i.e. the floor with the
// highest elevation at or below y (a point on a slab's top belongs to the
// floor that slab carries; 1 cm of rounding below it still counts), as long
// as y is below that floor's elevation + height. nullopt below the lowest
// floor (under ground), above the top floor's ceiling (over the roof), for a
// point inside a gap between a floor's height and the next floor, and for NaN.
// Floors may be listed in any order.
std::optional<std::size_t> floorIndexAt(const std::vector<Floor>& floors, float y);

struct Contact {
    std::string name;
    std::string email;
    std::string phone;
};

struct Platform {
    std::string id;
    LocalizedText name;
    LocalizedText description;
    std::string floor;
    std::vector<glm::vec2> footprint;  // (x, z) in metres, at least 3 points
    int capacity = 0;                  // people
    glm::vec3 colour{0.5f};            // linear 0-1, from "#RRGGBB"
    std::vector<LocalizedText> services;
    Contact contact;
    std::optional<SceneLink> link;  // for the visitor's phone (QR code)
};

struct MachinePart {
    std::string node;  // node name in the machine's model
    LocalizedText label;
    LocalizedText description;  // what it is
    std::optional<glm::vec3> explodeDirection;  // model space; absent: from the assembly
    LocalizedText role;         // what it does in the machine's work (may be empty)
};

// Protective equipment the project draws as a pictogram (the machine explorer).
enum class Pictogram { Glasses, Gloves, Mask, Hearing, Shoes, Laser };
// Its name in scene files ("glasses", "gloves", "mask", "hearing", "shoes", "laser").
const char* pictogramName(Pictogram pictogram);

// One step of a procedure: what to do, and the parts (node names) it is about.
struct ProcedureStep {
    LocalizedText text;
    std::vector<std::string> parts;
};

// A procedure on a machine (start-up, safety check, changing material, shut-down...).
struct Procedure {
    LocalizedText title;
    std::vector<ProcedureStep> steps;
};

// A quiz question of the machine explorer: either a choice among 2 to 4
// answers, or a part of the machine to point at (in 3D or in the part list).
struct QuizQuestion {
    enum class Kind { Choice, Part };
    Kind kind = Kind::Choice;
    LocalizedText prompt;
    std::vector<LocalizedText> options;  // Choice: 2 to 4
    int correct = 0;                     // Choice: index into options
    std::string part;                    // Part: node name of one of the machine's described parts
    LocalizedText explanation;           // shown once answered (required for Choice; may be empty for Part)
};

struct Specification {
    LocalizedText label;
    LocalizedText value;
};

struct Machine {
    std::string id;
    LocalizedText name;
    std::string category;
    ModelPlacement model;
    std::string platform;
    std::vector<Specification> specifications;
    std::vector<LocalizedText> safetyRules;
    std::vector<LocalizedText> protectiveEquipment;
    std::vector<Pictogram> pictograms;  // the protective equipment, drawn
    std::vector<LocalizedText> trainingModules;
    std::vector<MachinePart> parts;
    std::vector<Procedure> procedures;
    std::optional<SceneLink> link;  // for the visitor's phone (QR code)
    std::vector<QuizQuestion> quiz;  // the valid questions (a bad one is left out, the machine kept)
    // The model's animation clip played while the machine runs; empty: the
    // model's first clip (a model without clips stands still).
    std::string animation;
};

// A training module of the building (top-level `trainingModules`): the
// machine cards list those that use the machine.
struct TrainingModule {
    std::string id;
    LocalizedText title;
    float hours = 0.0f;
    std::vector<LocalizedText> prerequisites;  // empty: none
    std::vector<std::string> machines;         // machine ids
};

struct CameraViewpoint {
    glm::vec3 eye{0.0f};
    glm::vec3 target{0.0f};
};

struct TourStop {
    enum class TargetKind { Platform, Machine, Point };
    TargetKind kind = TargetKind::Point;
    std::string targetId;    // platform or machine id
    glm::vec3 point{0.0f};   // for TargetKind::Point
    std::optional<CameraViewpoint> camera;  // absent: an automatic framing
    float durationSeconds = 10.0f;
    LocalizedText narration;
    std::vector<std::string> panels;  // e.g. "platform:additive", "machine:cnc-1"
};

struct Tour {
    std::string id;
    LocalizedText title;
    std::string audience;  // companies, learners, everyone
    std::vector<TourStop> stops;
};

struct Feeds {
    std::filesystem::path replay;  // resolved; empty: none
    std::string mqttUrl;           // empty: replay only
    std::string topicPrefix = "twin/v1";
    std::string credentialsEnvironment;          // name of a variable holding the secret
    std::filesystem::path credentialsFile;       // or a file holding it
    std::string username;
    double staleAfterSeconds = 300.0;
};

struct Kiosk {
    // Names the kiosk in its status topic, PREFIX/kiosks/{id}/status (empty:
    // the host's name); a topic-safe slug (isKioskId).
    std::string id;
    bool status = true;  // publish that status (when a broker is configured)
    double idleTimeoutSeconds = 120.0;
    std::string attractTour;
    std::string language = "fr";
    // Salted slow hash of the admin PIN, as libsodium's crypto_pwhash_str
    // writes it ("$argon2id$v=19$m=...,t=...,p=...$salt$hash"); empty: none set.
    std::string adminPinHash;
};

// A kiosk id fits in one MQTT topic level: 1 to 64 of A-Z a-z 0-9 _ -,
// beginning with a letter or digit (no '/', '+', '#', spaces).
bool isKioskId(std::string_view id);

struct SceneIssue {
    std::filesystem::path file;
    int line = 1;
    std::string path;     // JSON pointer, "" for the whole document
    std::string message;  // what is wrong and what was expected
    std::string text() const;  // "file:line: /path: message"
};

struct SceneDescription {
    std::filesystem::path file;
    std::filesystem::path assetRoot;
    LocalizedText name;
    // The About panel's text (paragraphs separated by a blank line); empty
    // when the scene has none.
    LocalizedText about;
    Building building;
    std::vector<Platform> platforms;
    std::vector<Machine> machines;
    std::vector<Tour> tours;
    std::vector<TrainingModule> trainingModules;
    Feeds feeds;
    Kiosk kiosk;
    std::vector<SceneIssue> issues;  // every problem found

    const Floor* floor(const std::string& id) const;
    const Platform* platform(const std::string& id) const;
    const Machine* machine(const std::string& id) const;
    const Tour* tour(const std::string& id) const;
    // The training modules that use machine `id`, in the scene's order.
    std::vector<const TrainingModule*> trainingFor(const std::string& machineId) const;
};

// Reads and validates a scene file. Never throws, whatever the input.
SceneDescription loadSceneFile(const std::filesystem::path& file);

// Validates scene text as if read from `file` (paths resolve against its
// folder). Never throws, whatever the text.
SceneDescription parseSceneText(std::string_view text, const std::filesystem::path& file);

}  // namespace twin
