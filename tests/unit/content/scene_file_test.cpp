// The scene validator, error case by error case: each test breaks one thing
// in an otherwise valid scene and expects exactly that problem, with its
// JSON path and line, while the valid rest is kept.
#include "content/scene_file.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <fstream>
#include <vector>
#include <nlohmann/json.hpp>

#include "content/json_locations.h"

namespace twin {
namespace {
using nlohmann::json;

json text(const char* fr, const char* en) { return {{"fr", fr}, {"en", en}}; }

// The shape of libsodium's crypto_pwhash_str output (not the hash of any PIN).
const std::string kArgon2idHash =
    "$argon2id$v=19$m=65536,t=2,p=1$MTIzNDU2Nzg5MDEyMzQ1Ng$YWJjZGVmZ2hpamtsbW5vcHFyc3R1dnd4eXo0MjQyNDI";

class SceneFileTest : public ::testing::Test {
protected:
    void SetUp() override {
        root_ = std::filesystem::temp_directory_path() / ("twin_scene_test_" + std::to_string(::getpid()));
        std::filesystem::create_directories(root_ / "scenes");
        std::filesystem::create_directories(root_ / "assets");
        std::ofstream(root_ / "assets" / "building.glb") << "glb";
        std::ofstream(root_ / "assets" / "printer.glb") << "glb";
        std::ofstream(root_ / "assets" / "week.json") << "{}";
        doc_ = {
            {"format", "twin-tour-scene/1"},
            {"assetRoot", ".."},
            {"name", text("Twin", "Twin")},
            {"building",
             {{"models", {{{"file", "../assets/building.glb"}}}},
              {"floors", {{{"id", "floor-0"}, {"name", text("Rez-de-chaussée", "Ground floor")}, {"elevation", 0},
                           {"height", 5}, {"nodes", {"floor_0"}}}}},
              {"waypoints", {{5, 1.65, -0.7}, {5, 1.65, 0.7}}}}},
            {"platforms",
             {{{"id", "additive"},
               {"name", text("Fabrication additive", "Additive manufacturing")},
               {"description", text("Impression 3D", "3D printing")},
               {"floor", "floor-0"},
               {"footprint", {{0, 0}, {10, 0}, {10, 8}, {0, 8}}},
               {"capacity", 20},
               {"colour", "#00A3A1"},
               {"services", {text("Prototypage", "Prototyping")}},
               {"contact", {{"name", "Plateforme"}, {"email", "contact@example.org"}}}}}},
            {"machines",
             {{{"id", "fdm-1"},
               {"name", text("Imprimante FDM", "FDM printer")},
               {"category", "additive"},
               {"model", "../assets/printer.glb"},
               {"transform", {{"position", {1, 0.75, 2}}, {"rotationDegrees", {0, 90, 0}}}},
               {"platform", "additive"},
               {"specifications", {{{"label", text("Volume", "Volume")}, {"value", text("25 cm", "25 cm")}}}},
               {"safety", {{"rules", {text("Ne pas toucher la buse", "Do not touch the nozzle")}},
                           {"protectiveEquipment", {text("Lunettes", "Glasses")}}}},
               {"training", {text("Initiation", "Introduction")}},
               {"parts", {{"extruder_head", {{"label", text("Tête", "Head")}, {"description", text("Chaude", "Hot")}}}}}},
              {{"id", "fdm-2"},
               {"name", text("Imprimante FDM 2", "FDM printer 2")},
               {"category", "additive"},
               {"model", "../assets/printer.glb"},
               {"platform", "additive"}}}},
            {"tours",
             {{{"id", "discovery"},
               {"title", text("Découverte", "Discovery")},
               {"audience", "companies"},
               {"stops", {{{"target", {{"platform", "additive"}}}, {"duration", 20},
                           {"narration", text("Voici", "Here is")}, {"panels", {"platform:additive"}}},
                          {{"target", {{"machine", "fdm-1"}}}, {"duration", 15},
                           {"camera", {{"eye", {3, 2, 3}}, {"target", {1, 1, 2}}}},
                           {"narration", text("Une imprimante", "A printer")}}}}}}},
            {"feeds", {{"replay", "../assets/week.json"},
                       {"mqtt", {{"url", "mqtt://127.0.0.1:1883"}, {"topicPrefix", "twin/v1"},
                                 {"credentials", {{"environment", "TWIN_MQTT_PASSWORD"}}}}},
                       {"staleAfterSeconds", 300}}},
            {"kiosk", {{"idleTimeoutSeconds", 120}, {"attractTour", "discovery"}, {"language", "fr"},
                       {"adminPinHash", kArgon2idHash}}}};
    }
    void TearDown() override { std::filesystem::remove_all(root_); }

    SceneDescription load() {
        std::filesystem::path file = root_ / "scenes" / "scene.json";
        written_ = doc_.dump(2);
        std::ofstream(file) << written_;
        return loadSceneFile(file);
    }
    SceneDescription loadText(const std::string& content) {
        std::filesystem::path file = root_ / "scenes" / "scene.json";
        std::ofstream(file) << content;
        return loadSceneFile(file);
    }
    // Exactly one issue, at `path`, whose message contains `words`.
    void expectOneIssue(const SceneDescription& s, const std::string& path, const std::string& words) {
        ASSERT_EQ(s.issues.size(), 1u) << (s.issues.empty() ? "no issue" : s.issues[0].text() + " ... and more");
        EXPECT_EQ(s.issues[0].path, path) << s.issues[0].text();
        EXPECT_NE(s.issues[0].message.find(words), std::string::npos) << s.issues[0].text();
        EXPECT_EQ(s.issues[0].line, JsonLocations(written_).line(path)) << s.issues[0].text();
        EXPECT_NE(s.issues[0].text().find("scene.json:"), std::string::npos);
    }

    std::filesystem::path root_;
    json doc_;
    std::string written_;
};

TEST_F(SceneFileTest, AValidSceneHasNoIssueAndEverySection) {
    SceneDescription s = load();
    ASSERT_TRUE(s.issues.empty()) << s.issues[0].text();
    EXPECT_EQ(s.building.models.size(), 1u);
    ASSERT_EQ(s.building.floors.size(), 1u);
    EXPECT_EQ(s.building.floors[0].nodes, std::vector<std::string>{"floor_0"});
    ASSERT_EQ(s.platforms.size(), 1u);
    EXPECT_EQ(s.platforms[0].footprint.size(), 4u);
    EXPECT_EQ(s.platforms[0].capacity, 20);
    ASSERT_EQ(s.machines.size(), 2u);
    EXPECT_EQ(glm::vec3(s.machines[0].model.transform[3]), glm::vec3(1, 0.75f, 2));
    EXPECT_EQ(s.machines[0].parts.size(), 1u);
    EXPECT_EQ(s.machines[0].safetyRules[0].en, "Do not touch the nozzle");
    ASSERT_EQ(s.tours.size(), 1u);
    EXPECT_EQ(s.tours[0].stops.size(), 2u);
    EXPECT_TRUE(s.tours[0].stops[1].camera.has_value());
    EXPECT_EQ(s.feeds.mqttUrl, "mqtt://127.0.0.1:1883");
    EXPECT_EQ(s.feeds.replay, (root_ / "assets" / "week.json").lexically_normal());
    EXPECT_EQ(s.kiosk.attractTour, "discovery");
    EXPECT_NE(s.tour("discovery"), nullptr);
    ASSERT_EQ(s.building.waypoints.size(), 2u);
    EXPECT_EQ(s.building.waypoints[1], glm::vec3(5, 1.65f, 0.7f));
    ASSERT_NE(s.floor("floor-0"), nullptr);
    EXPECT_EQ(s.floor("floor-0")->height, 5.0f);
    EXPECT_EQ(s.floor("floor-9"), nullptr);
}

TEST_F(SceneFileTest, WaypointsAreOptional) {
    doc_["building"].erase("waypoints");
    SceneDescription s = load();
    EXPECT_TRUE(s.issues.empty()) << s.issues[0].text();
    EXPECT_TRUE(s.building.waypoints.empty());
}

TEST_F(SceneFileTest, WaypointThatIsNotAPointIsLeftOut) {
    doc_["building"]["waypoints"][1] = {5, "up", 0.7};
    SceneDescription s = load();
    expectOneIssue(s, "/building/waypoints/1", "[x, y, z]");
    ASSERT_EQ(s.building.waypoints.size(), 1u);
    EXPECT_EQ(s.building.waypoints[0], glm::vec3(5, 1.65f, -0.7f));
}

TEST_F(SceneFileTest, WaypointsMustBeAnArray) {
    doc_["building"]["waypoints"] = {{"door", {5, 1.65, 0}}};
    expectOneIssue(load(), "/building/waypoints", "an array of [x, y, z] points");
}

TEST_F(SceneFileTest, TooManyWaypoints) {
    // Tour paths search routes over them, at a cost growing with the square.
    doc_["building"]["waypoints"] = json::array();
    for (int i = 0; i < 257; ++i) doc_["building"]["waypoints"].push_back({i * 0.1, 1.65, 0});
    SceneDescription s = load();
    expectOneIssue(s, "/building/waypoints", "at most 256");
    EXPECT_TRUE(s.building.waypoints.empty());
}

TEST_F(SceneFileTest, RoofNodesMustBeNames) {
    doc_["building"]["roofNodes"] = {"roof", 3};
    SceneDescription s = load();
    expectOneIssue(s, "/building/roofNodes/1", "node name");
    EXPECT_EQ(s.building.roofNodes, std::vector<std::string>{"roof"});
}

TEST_F(SceneFileTest, WrongType) {
    doc_["platforms"][0]["capacity"] = "twenty";
    SceneDescription s = load();
    expectOneIssue(s, "/platforms/0/capacity", "expected a number, found a string");
    EXPECT_TRUE(s.platforms.empty());
    EXPECT_EQ(s.machines.size(), 2u);  // machines naming it are not flagged twice
}

TEST_F(SceneFileTest, UnknownPlatformIdLeavesThatMachineOut) {
    doc_["machines"][1]["platform"] = "nowhere";
    SceneDescription s = load();
    expectOneIssue(s, "/machines/1/platform", "unknown platform id \"nowhere\"");
    ASSERT_EQ(s.machines.size(), 1u);
    EXPECT_EQ(s.machines[0].id, "fdm-1");
}

TEST_F(SceneFileTest, MissingModelFile) {
    doc_["machines"][0]["model"] = "../assets/absent.glb";
    SceneDescription s = load();
    expectOneIssue(s, "/machines/0/model", "does not exist");
    EXPECT_EQ(s.machines.size(), 1u);
}

TEST_F(SceneFileTest, DuplicateId) {
    doc_["machines"][1]["id"] = "fdm-1";
    expectOneIssue(load(), "/machines/1/id", "duplicate id \"fdm-1\"");
}

TEST_F(SceneFileTest, PathLeavingTheSceneFolder) {
    doc_["building"]["models"][0]["file"] = "../../outside.glb";
    expectOneIssue(load(), "/building/models/0/file", "leaves the scene's folder tree");
}

TEST_F(SceneFileTest, AbsolutePathIsRefused) {
    doc_["building"]["models"][0]["file"] = "/etc/passwd";
    expectOneIssue(load(), "/building/models/0/file", "leaves the scene's folder tree");
}

TEST_F(SceneFileTest, PolygonWithFewerThanThreePoints) {
    doc_["platforms"][0]["footprint"] = json::array({{0, 0}, {1, 1}});
    expectOneIssue(load(), "/platforms/0/footprint", "at least 3 points");
}

TEST_F(SceneFileTest, PolygonWithoutArea) {
    doc_["platforms"][0]["footprint"] = json::array({{0, 0}, {1, 1}, {2, 2}});
    expectOneIssue(load(), "/platforms/0/footprint", "no area");
}

TEST_F(SceneFileTest, MissingTranslation) {
    doc_["platforms"][0]["name"].erase("en");
    expectOneIssue(load(), "/platforms/0/name/en", "French and English");
}

TEST_F(SceneFileTest, UnknownMemberCatchesTypos) {
    doc_["platforms"][0]["descripton"] = text("x", "y");
    SceneDescription s = load();
    expectOneIssue(s, "/platforms/0/descripton", "unknown member \"descripton\"");
    EXPECT_EQ(s.platforms.size(), 1u);  // a typo in an extra member does not drop the platform
}

TEST_F(SceneFileTest, BadColour) {
    doc_["platforms"][0]["colour"] = "teal";
    expectOneIssue(load(), "/platforms/0/colour", "#RRGGBB");
}

TEST_F(SceneFileTest, CapacityOutOfRange) {
    doc_["platforms"][0]["capacity"] = -3;
    expectOneIssue(load(), "/platforms/0/capacity", "between 1 and 10000");
}

TEST_F(SceneFileTest, UnknownFloor) {
    doc_["platforms"][0]["floor"] = "floor-9";
    expectOneIssue(load(), "/platforms/0/floor", "unknown floor id");
}

TEST_F(SceneFileTest, BadId) {
    doc_["machines"][1]["id"] = "Printer #2";
    expectOneIssue(load(), "/machines/1/id", "lower-case letters");
}

TEST_F(SceneFileTest, TourStopNamingAnUnknownMachine) {
    doc_["tours"][0]["stops"][1]["target"] = {{"machine", "ghost"}};
    SceneDescription s = load();
    expectOneIssue(s, "/tours/0/stops/1/target/machine", "unknown machine id \"ghost\"");
    EXPECT_TRUE(s.tours.empty());
}

TEST_F(SceneFileTest, TourStopWithTwoTargets) {
    doc_["tours"][0]["stops"][0]["target"] = {{"platform", "additive"}, {"machine", "fdm-1"}};
    expectOneIssue(load(), "/tours/0/stops/0/target", "exactly one");
}

TEST_F(SceneFileTest, TourStopDurationOutOfRange) {
    doc_["tours"][0]["stops"][0]["duration"] = 0;
    expectOneIssue(load(), "/tours/0/stops/0/duration", "between 1 and 600");
}

TEST_F(SceneFileTest, UnknownPanel) {
    doc_["tours"][0]["stops"][0]["panels"] = {"machine:ghost"};
    expectOneIssue(load(), "/tours/0/stops/0/panels/0", "platform:ID");
}

TEST_F(SceneFileTest, SecretsNeverInTheScene) {
    doc_["feeds"]["mqtt"]["password"] = "hunter2";
    SceneDescription s = load();
    ASSERT_GE(s.issues.size(), 1u);
    bool found = false;
    for (const SceneIssue& i : s.issues) found |= i.path == "/feeds/mqtt/password" && i.message.find("secrets") != std::string::npos;
    EXPECT_TRUE(found);
}

TEST_F(SceneFileTest, BadBrokerUrl) {
    doc_["feeds"]["mqtt"]["url"] = "http://broker";
    expectOneIssue(load(), "/feeds/mqtt/url", "mqtt://HOST");
}

TEST_F(SceneFileTest, KioskNamesAnUnknownTour) {
    doc_["kiosk"]["attractTour"] = "nope";
    expectOneIssue(load(), "/kiosk/attractTour", "unknown tour id");
}

TEST_F(SceneFileTest, KioskIdAndStatusSwitch) {
    SceneDescription plain = load();
    EXPECT_TRUE(plain.kiosk.id.empty());
    EXPECT_TRUE(plain.kiosk.status) << "published by default when a broker is configured";
    doc_["kiosk"]["id"] = "hall-1";
    doc_["kiosk"]["status"] = false;
    SceneDescription scene = load();
    EXPECT_TRUE(scene.issues.empty()) << (scene.issues.empty() ? "" : scene.issues[0].text());
    EXPECT_EQ(scene.kiosk.id, "hall-1");
    EXPECT_FALSE(scene.kiosk.status);
}

TEST_F(SceneFileTest, KioskIdMustBeOneTopicLevel) {
    doc_["kiosk"]["id"] = "hall/1";
    SceneDescription scene = load();
    expectOneIssue(scene, "/kiosk/id", "one MQTT topic level");
    EXPECT_TRUE(scene.kiosk.id.empty()) << "a bad id is dropped (the host name stands in)";
    doc_["kiosk"]["id"] = "hall-1";
    doc_["kiosk"]["status"] = "yes";
    expectOneIssue(load(), "/kiosk/status", "a boolean");
}

TEST_F(SceneFileTest, PinHashMustBeAHash) {
    doc_["kiosk"]["adminPinHash"] = "1234";
    expectOneIssue(load(), "/kiosk/adminPinHash", "never the PIN itself");
}

TEST_F(SceneFileTest, AboutTextIsOptionalAndRead) {
    EXPECT_TRUE(load().about.empty());
    doc_["about"] = {{"text", text("Twin est un bâtiment.\n\nMaquette illustrative.", "Twin is a building.\n\nAn illustrative model.")}};
    SceneDescription scene = load();
    EXPECT_TRUE(scene.issues.empty()) << (scene.issues.empty() ? "" : scene.issues[0].text());
    EXPECT_EQ(scene.about.fr, "Twin est un bâtiment.\n\nMaquette illustrative.");
    EXPECT_EQ(scene.about.en, "Twin is a building.\n\nAn illustrative model.");
}

TEST_F(SceneFileTest, AboutTextNeedsBothLanguages) {
    doc_["about"] = {{"text", {{"fr", "Twin est un bâtiment."}}}};
    expectOneIssue(load(), "/about/text/en", "French and English");
    doc_["about"] = {{"text", text("Twin", "Twin")}, {"links", json::array()}};
    expectOneIssue(load(), "/about/links", "unknown member");
}

TEST_F(SceneFileTest, PinHashIsOptional) {
    doc_["kiosk"].erase("adminPinHash");
    SceneDescription scene = load();
    EXPECT_TRUE(scene.issues.empty()) << (scene.issues.empty() ? "" : scene.issues[0].text());
    EXPECT_TRUE(scene.kiosk.adminPinHash.empty());
}

TEST_F(SceneFileTest, PinHashArgon2StringsAreKept) {
    EXPECT_EQ(load().kiosk.adminPinHash, kArgon2idHash);
    const std::string argon2i = "$argon2i$v=19$m=32768,t=4,p=1$c2FsdHNhbHRzYWx0$aGFzaGhhc2hoYXNoaGFzaA";
    doc_["kiosk"]["adminPinHash"] = argon2i;
    SceneDescription scene = load();
    EXPECT_TRUE(scene.issues.empty()) << (scene.issues.empty() ? "" : scene.issues[0].text());
    EXPECT_EQ(scene.kiosk.adminPinHash, argon2i);
}

TEST_F(SceneFileTest, UnsaltedSha256PinHashIsRefusedByName) {
    // What make_twin_scene.py used to write: SHA-256 of a 4-digit PIN.
    doc_["kiosk"]["adminPinHash"] = "sha256:" + std::string(64, 'a');
    SceneDescription scene = load();
    expectOneIssue(scene, "/kiosk/adminPinHash", "unsalted \"sha256:\"");
    const std::string message = scene.issues.at(0).message;
    EXPECT_NE(message.find("adminPinHash"), std::string::npos) << message;
    EXPECT_NE(message.find("salted slow hash"), std::string::npos) << message;
    EXPECT_NE(message.find("$argon2id$"), std::string::npos) << message;
    EXPECT_NE(message.find("crypto_pwhash_str"), std::string::npos) << message;
    EXPECT_TRUE(scene.kiosk.adminPinHash.empty());
}

TEST_F(SceneFileTest, PinHashOtherThanArgon2IsRefused) {
    for (const std::string& bad : std::vector<std::string>{"$2b$12$abcdefghijklmnopqrstuv", "argon2id$v=19$m=65536",
                                                            "$argon2d$v=19$m=65536", "$argon2id$ with spaces",
                                                            "$argon2id$" + std::string(200, 'a')}) {
        doc_["kiosk"]["adminPinHash"] = bad;
        SceneDescription scene = load();
        expectOneIssue(scene, "/kiosk/adminPinHash", "$argon2id$");
        EXPECT_TRUE(scene.kiosk.adminPinHash.empty()) << bad;
    }
}

TEST_F(SceneFileTest, WrongFormat) {
    doc_["format"] = "something-else";
    expectOneIssue(load(), "/format", "twin-tour-scene/1");
}

TEST_F(SceneFileTest, EveryErrorIsReportedAtOnce) {
    doc_["platforms"][0]["colour"] = "teal";
    doc_["machines"][0]["model"] = "../assets/absent.glb";
    doc_["tours"][0]["audience"] = "aliens";
    SceneDescription s = load();
    ASSERT_EQ(s.issues.size(), 3u);
    EXPECT_LT(s.issues[0].line, s.issues[1].line);  // in file order
    EXPECT_LT(s.issues[1].line, s.issues[2].line);
}

TEST_F(SceneFileTest, InvalidJsonGivesTheLine) {
    SceneDescription s = loadText("{\n  \"format\": \"twin-tour-scene/1\",\n  \"name\": oops\n}\n");
    ASSERT_EQ(s.issues.size(), 1u);
    EXPECT_EQ(s.issues[0].line, 3);
    EXPECT_NE(s.issues[0].message.find("not valid JSON"), std::string::npos);
}

TEST_F(SceneFileTest, HostileInputsEndCleanly) {
    EXPECT_FALSE(loadText("").issues.empty());
    EXPECT_FALSE(loadText("[1, 2, 3]").issues.empty());
    EXPECT_FALSE(loadText(std::string(100000, '[') + std::string(100000, ']')).issues.empty());
    EXPECT_FALSE(loadText("{\"format\": \"twin-tour-scene/1\", \"building\": 7}").issues.empty());
    // Found by the fuzzer: a number too large for a double used to escape as an exception.
    EXPECT_FALSE(loadText("1e31111111111111100000000058888227\"").issues.empty());
    EXPECT_FALSE(loadText("{\"name\": 1e400}").issues.empty());
    EXPECT_FALSE(loadSceneFile(root_ / "scenes" / "missing.json").issues.empty());
    EXPECT_FALSE(loadSceneFile(root_ / "scenes").issues.empty());  // a folder
}

TEST(JsonLocations, FindsTheLineOfEveryValue) {
    std::string text = "{\n  \"a\": 1,\n  \"b\": [\n    {\"c\": \"x/y\"},\n    2\n  ],\n  \"d/e\": {}\n}\n";
    JsonLocations l(text);
    EXPECT_EQ(l.line(""), 1);
    EXPECT_EQ(l.line("/a"), 2);
    EXPECT_EQ(l.line("/b"), 3);
    EXPECT_EQ(l.line("/b/0"), 4);
    EXPECT_EQ(l.line("/b/0/c"), 4);
    EXPECT_EQ(l.line("/b/1"), 5);
    EXPECT_EQ(l.line("/d~1e"), 7);
    EXPECT_EQ(l.line("/b/0/missing"), 4);  // closest parent
}

}  // namespace
}  // namespace twin

namespace twin {
namespace {

// The machine explorer's explode direction of a part: optional, a direction.
TEST_F(SceneFileTest, PartExplodeDirectionIsReadAndChecked) {
    doc_["machines"][0]["parts"]["extruder_head"]["explodeDirection"] = {0, 2, 0};
    SceneDescription s = load();
    ASSERT_TRUE(s.issues.empty()) << s.issues[0].text();
    ASSERT_EQ(s.machines[0].parts.size(), 1u);
    ASSERT_TRUE(s.machines[0].parts[0].explodeDirection);
    EXPECT_EQ(*s.machines[0].parts[0].explodeDirection, glm::vec3(0, 2, 0));

    doc_["machines"][0]["parts"]["extruder_head"]["explodeDirection"] = {0, 0, 0};
    s = load();
    expectOneIssue(s, "/machines/0/parts/extruder_head/explodeDirection", "not [0, 0, 0]");
    EXPECT_EQ(s.machines.size(), 1u);  // the machine with the bad part is left out

    doc_["machines"][0]["parts"]["extruder_head"]["explodeDirection"] = "up";
    s = load();
    expectOneIssue(s, "/machines/0/parts/extruder_head/explodeDirection", "expected [x, y, z]");
}

}  // namespace
}  // namespace twin

namespace twin {
namespace {

// The machine explorer's pictograms and procedures, validated with their JSON paths.
TEST_F(SceneFileTest, PictogramsAreKnownNamesListedOnce) {
    doc_["machines"][0]["safety"]["pictograms"] = {"glasses", "laser"};
    SceneDescription s = load();
    ASSERT_TRUE(s.issues.empty()) << s.issues[0].text();
    EXPECT_EQ(s.machines[0].pictograms, (std::vector<Pictogram>{Pictogram::Glasses, Pictogram::Laser}));
    doc_["machines"][0]["safety"]["pictograms"] = {"glasses", "helmet"};
    expectOneIssue(load(), "/machines/0/safety/pictograms/1", "expected one of glasses");
    doc_["machines"][0]["safety"]["pictograms"] = {"gloves", "gloves"};
    expectOneIssue(load(), "/machines/0/safety/pictograms/1", "listed twice");
}

TEST_F(SceneFileTest, ProcedureStepsNameTheMachinesParts) {
    json step = {{"text", text("Vérifier la buse.", "Check the nozzle.")}, {"parts", {"extruder_head"}}};
    doc_["machines"][0]["procedures"] = {{{"title", text("Démarrage", "Start-up")}, {"steps", {step}}}};
    SceneDescription s = load();
    ASSERT_TRUE(s.issues.empty()) << s.issues[0].text();
    ASSERT_EQ(s.machines[0].procedures.size(), 1u);
    ASSERT_EQ(s.machines[0].procedures[0].steps.size(), 1u);
    EXPECT_EQ(s.machines[0].procedures[0].steps[0].parts, std::vector<std::string>{"extruder_head"});

    doc_["machines"][0]["procedures"][0]["steps"][0]["parts"] = {"nozzle"};
    s = load();
    expectOneIssue(s, "/machines/0/procedures/0/steps/0/parts/0", "\"nozzle\" is not one of this machine's parts");
    EXPECT_EQ(s.machines.size(), 1u);  // that machine is left out, the other stays

    doc_["machines"][0]["procedures"][0]["steps"] = json::array();
    expectOneIssue(load(), "/machines/0/procedures/0/steps", "at least one step");
    doc_["machines"][0]["procedures"][0].erase("steps");
    expectOneIssue(load(), "/machines/0/procedures/0/steps", "missing");
    doc_["machines"][0]["procedures"] = "start";
    expectOneIssue(load(), "/machines/0/procedures", "expected an array of procedures");
}

TEST_F(SceneFileTest, PartRoleIsOptionalAndNeedsBothLanguages) {
    doc_["machines"][0]["parts"]["extruder_head"]["role"] = text("Construire la pièce.", "Builds the part.");
    SceneDescription s = load();
    ASSERT_TRUE(s.issues.empty()) << s.issues[0].text();
    EXPECT_EQ(s.machines[0].parts[0].role.en, "Builds the part.");
    doc_["machines"][0]["parts"]["extruder_head"]["role"] = {{"fr", "Construire."}};
    expectOneIssue(load(), "/machines/0/parts/extruder_head/role/en", "French and English");
}

TEST_F(SceneFileTest, TrainingModulesNameTheMachinesTheyUse) {
    doc_["trainingModules"] = {{{"id", "printing"},
                                {"title", text("Imprimer", "Printing")},
                                {"hours", 3.5},
                                {"prerequisites", {text("Aucun outil", "No tool")}},
                                {"machines", {"fdm-1", "fdm-2"}}},
                               {{"id", "upkeep"}, {"title", text("Entretien", "Upkeep")}, {"hours", 7}, {"machines", {"fdm-2"}}}};
    SceneDescription s = load();
    ASSERT_TRUE(s.issues.empty()) << s.issues[0].text();
    ASSERT_EQ(s.trainingModules.size(), 2u);
    EXPECT_EQ(s.trainingModules[0].hours, 3.5f);
    EXPECT_EQ(s.trainingModules[0].prerequisites.size(), 1u);
    EXPECT_TRUE(s.trainingModules[1].prerequisites.empty());
    ASSERT_EQ(s.trainingFor("fdm-1").size(), 1u);
    EXPECT_EQ(s.trainingFor("fdm-1")[0]->id, "printing");
    EXPECT_EQ(s.trainingFor("fdm-2").size(), 2u);
    EXPECT_TRUE(s.trainingFor("cnc-1").empty());

    doc_["trainingModules"][1]["machines"] = {"cnc-1"};
    s = load();
    expectOneIssue(s, "/trainingModules/1/machines/0", "unknown machine id \"cnc-1\"");
    EXPECT_EQ(s.trainingModules.size(), 1u);  // that module is left out, the other stays
    doc_["trainingModules"][1]["machines"] = json::array();
    expectOneIssue(load(), "/trainingModules/1/machines", "at least one machine");
    doc_["trainingModules"][1]["machines"] = {"fdm-1"};
    doc_["trainingModules"][1]["hours"] = 0;
    expectOneIssue(load(), "/trainingModules/1/hours", "between 0.5 and 200");
    doc_["trainingModules"][1]["hours"] = 7;
    doc_["trainingModules"][1]["id"] = "printing";
    expectOneIssue(load(), "/trainingModules/1/id", "duplicate id");
}

}  // namespace
}  // namespace twin

// Links for the visitor's phone (QR codes): read, and a bad one dropped alone.
namespace twin {
namespace {

TEST_F(SceneFileTest, PlatformAndMachineLinksAreRead) {
    doc_["platforms"][0]["link"] = {{"url", "https://www.mines-stetienne.fr/twin/contact/"}, {"kind", "contact"}};
    doc_["machines"][1]["link"] = {{"url", "http://example.org/formations?id=3"}, {"kind", "training"}};
    SceneDescription s = load();
    ASSERT_TRUE(s.issues.empty()) << s.issues[0].text();
    ASSERT_TRUE(s.platforms[0].link.has_value());
    EXPECT_EQ(s.platforms[0].link->url, "https://www.mines-stetienne.fr/twin/contact/");
    EXPECT_EQ(s.platforms[0].link->kind, LinkKind::Contact);
    EXPECT_FALSE(s.machines[0].link.has_value());
    ASSERT_TRUE(s.machines[1].link.has_value());
    EXPECT_EQ(s.machines[1].link->kind, LinkKind::Training);
}

TEST_F(SceneFileTest, ABadLinkIsLeftOutAndTheMachineKept) {
    doc_["machines"][0]["link"] = {{"url", "javascript:alert(1)"}, {"kind", "training"}};
    SceneDescription s = load();
    expectOneIssue(s, "/machines/0/link/url", "https://");
    ASSERT_EQ(s.machines.size(), 2u);
    EXPECT_FALSE(s.machines[0].link.has_value());
    EXPECT_EQ(s.machines[0].parts.size(), 1u);
}

TEST_F(SceneFileTest, ALinkWithSpacesIsLeftOut) {
    doc_["platforms"][0]["link"] = {{"url", "https://example.org/a page"}, {"kind", "booking"}};
    SceneDescription s = load();
    expectOneIssue(s, "/platforms/0/link/url", "without spaces");
    ASSERT_EQ(s.platforms.size(), 1u);
    EXPECT_FALSE(s.platforms[0].link.has_value());
}

TEST_F(SceneFileTest, ALinkOfAnUnknownKindIsLeftOut) {
    doc_["platforms"][0]["link"] = {{"url", "https://example.org/"}, {"kind", "shop"}};
    SceneDescription s = load();
    expectOneIssue(s, "/platforms/0/link/kind", "\"contact\", \"training\" or \"booking\"");
    EXPECT_FALSE(s.platforms[0].link.has_value());
}

TEST_F(SceneFileTest, ALinkThatIsNotAnObject) {
    doc_["platforms"][0]["link"] = "https://example.org/";
    SceneDescription s = load();
    expectOneIssue(s, "/platforms/0/link", "{\"url\"");
    EXPECT_EQ(s.platforms.size(), 1u);
}

// The quiz: a bad question is reported with the machine and the question
// named, and left out; the machine and its other questions stay.
TEST_F(SceneFileTest, QuizQuestionsAreReadAndABadOneIsLeftOutAlone) {
    json choice = {{"kind", "choice"},
                   {"prompt", text("Que portez-vous ?", "What do you wear?")},
                   {"options", {text("Des lunettes", "Glasses"), text("Rien", "Nothing")}},
                   {"answer", 0},
                   {"explanation", text("La buse projette.", "The nozzle spits.")}};
    json part = {{"kind", "part"}, {"prompt", text("Cliquez sur la tête.", "Click the head.")}, {"answer", "extruder_head"}};
    doc_["machines"][0]["quiz"] = {choice, part};
    SceneDescription s = load();
    ASSERT_TRUE(s.issues.empty()) << s.issues[0].text();
    ASSERT_EQ(s.machines[0].quiz.size(), 2u);
    EXPECT_EQ(s.machines[0].quiz[0].kind, QuizQuestion::Kind::Choice);
    EXPECT_EQ(s.machines[0].quiz[0].options.size(), 2u);
    EXPECT_EQ(s.machines[0].quiz[0].correct, 0);
    EXPECT_EQ(s.machines[0].quiz[0].explanation.en, "The nozzle spits.");
    EXPECT_EQ(s.machines[0].quiz[1].kind, QuizQuestion::Kind::Part);
    EXPECT_EQ(s.machines[0].quiz[1].part, "extruder_head");

    // A part question pointing at a part the machine does not describe.
    doc_["machines"][0]["quiz"][1]["answer"] = "nozzle";
    s = load();
    expectOneIssue(s, "/machines/0/quiz/1/answer", "\"nozzle\" is not one of this machine's parts");
    EXPECT_NE(s.issues[0].message.find("machine \"fdm-1\", quiz question 2"), std::string::npos) << s.issues[0].message;
    ASSERT_EQ(s.machines.size(), 2u);  // the machine stays...
    ASSERT_EQ(s.machines[0].quiz.size(), 1u);  // ...with its good question
    EXPECT_EQ(s.machines[0].quiz[0].kind, QuizQuestion::Kind::Choice);
    doc_["machines"][0]["quiz"][1]["answer"] = "extruder_head";

    auto broken = [&](const char* key, json value, const std::string& path, const std::string& words) {
        json saved = doc_["machines"][0]["quiz"][0];
        if (value.is_null())
            doc_["machines"][0]["quiz"][0].erase(key);
        else
            doc_["machines"][0]["quiz"][0][key] = value;
        SceneDescription b = load();
        expectOneIssue(b, path, words);
        EXPECT_EQ(b.machines[0].quiz.size(), 1u) << path;
        doc_["machines"][0]["quiz"][0] = saved;
    };
    broken("answer", 2, "/machines/0/quiz/0/answer", "index of the right answer");
    broken("answer", "0", "/machines/0/quiz/0/answer", "index of the right answer");
    broken("answer", nullptr, "/machines/0/quiz/0/answer", "missing");
    broken("options", json::array({text("Seule", "Alone")}), "/machines/0/quiz/0/options", "2 to 4 answers");
    broken("explanation", nullptr, "/machines/0/quiz/0/explanation", "missing");
    broken("kind", "open", "/machines/0/quiz/0/kind", "\"choice\" or \"part\"");
    broken("prompt", json{{"fr", "Seulement en français"}}, "/machines/0/quiz/0/prompt/en", "French and English");
    doc_["machines"][0]["quiz"] = {choice, 7};
    expectOneIssue(load(), "/machines/0/quiz/1", "expected an object");
}

}  // namespace
}  // namespace twin
