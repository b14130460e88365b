// The visit session without GL, a window or ImGui: a small synthetic world
// (a two-floor building, one machine on a platform, one tour), driven by
// input events, UI commands and a clock, as every mode drives it.
#include "session/visit_session.h"

#include <gtest/gtest.h>

#include <glm/gtc/matrix_transform.hpp>

#include "test_world.h"

#include "../bvh/test_geometry.h"

namespace twin {
namespace {

using twin::test::box;
using twin::test::boxExtent;

using engine::InputEvent;
using engine::Key;

constexpr glm::vec2 kViewport{800, 600};
const glm::vec3 kMachineCentre = test::kPrinterCentre;

// Floor 0 (a slab at y=0 and walls far away), floor 1 above, a roof; a
// printer on the "lab" platform; a tour with two stops.
VisitContent world() {
    VisitContent content = test::labWorld({.upperFloor = true, .roof = true});
    content.scene->about = {"Un bâtiment d'essai.", "A test building."};
    Tour tour;
    tour.id = "visit";
    tour.title = {"Visite", "Visit"};
    TourStop first = test::labStop(TourStop::TargetKind::Platform, 5.0f, {"Le labo", "The lab"});
    first.panels = {"platform:lab"};
    TourStop second = test::labStop(TourStop::TargetKind::Machine, 5.0f, {"L'imprimante", "The printer"});
    second.panels = {"machine:printer"};
    tour.stops = {first, second};
    content.scene->tours.push_back(tour);
    std::vector<engine::BvhTriangle> triangles;
    engine::test::addBox(triangles, {-10, -0.2f, -10}, {10, 0, 10}, buildingObjectOfTopNode(1));  // the ground floor's slab
    engine::test::addBox(triangles, kMachineCentre - glm::vec3(0.5f), kMachineCentre + glm::vec3(0.5f), kMachineObjectBase + 0);
    content.bvh = std::make_shared<const engine::TriangleBvh>(engine::TriangleBvh::build(triangles));
    return content;
}

VisitSessionDesc lookingAtTheMachine() {
    VisitSessionDesc desc;
    desc.start.eye = glm::vec3(0, 1.6f, 4);
    desc.start.target = kMachineCentre;
    return desc;
}

InputEvent pointer(InputEvent::Kind kind, glm::vec2 at, double time) {
    InputEvent e;
    e.kind = kind;
    e.position = at;
    e.time = time;
    return e;
}

InputEvent key(Key k, bool down = true) {
    InputEvent e;
    e.kind = down ? InputEvent::Kind::KeyDown : InputEvent::Kind::KeyUp;
    e.key = k;
    return e;
}

void tap(VisitSession& session, glm::vec2 at, double time = 1.0, UiCapture ui = {}) {
    session.handle(pointer(InputEvent::Kind::MouseMove, at, time), ui);
    session.handle(pointer(InputEvent::Kind::MouseDown, at, time), ui);
    session.handle(pointer(InputEvent::Kind::MouseUp, at, time + 0.1), ui);
}

// Advances in 60 Hz steps (the played-back clock).
void run(VisitSession& session, double seconds) {
    for (int i = 0; i < int(seconds * 60.0); ++i) session.advance(1.0 / 60.0);
}

struct Loaded {
    VisitSession session;
    explicit Loaded(const VisitSessionDesc& desc) : session(desc) {
        session.setViewport(kViewport);
        engine::Status status = session.load(world(), nullptr);
        EXPECT_TRUE(status) << status.error();
    }
};

glm::vec2 machinePixel(const VisitSession& session) {
    auto point = session.camera().project(kMachineCentre, kViewport);
    EXPECT_TRUE(point.has_value());
    return point ? point->pixel : glm::vec2(0.0f);
}

TEST(VisitSession, ATapOnAMachineSelectsItOutlinesItAndOpensItsCard) {
    Loaded v(lookingAtTheMachine());
    VisitSession& session = v.session;
    EXPECT_TRUE(std::holds_alternative<std::monostate>(session.selection()));
    glm::vec2 at = machinePixel(session);
    session.handle(pointer(InputEvent::Kind::MouseMove, at, 0.5), {});
    EXPECT_EQ(session.hoveredMachine(), MachineIndex{0});
    tap(session, at);
    ASSERT_TRUE(std::holds_alternative<MachineIndex>(session.selection()));
    VisitFrame frame = session.frame();
    ASSERT_FALSE(frame.scene.outlines.empty());
    EXPECT_EQ(frame.scene.outlines[0].machine, MachineIndex{0});
    ASSERT_NE(frame.ui.machine, nullptr);
    EXPECT_EQ(frame.ui.machine->id, "printer");
    ASSERT_NE(frame.ui.machinePlatform, nullptr);
    EXPECT_EQ(frame.ui.machinePlatform->id, "lab");
    // Escape closes the card first, then asks to leave.
    session.handle(key(Key::Escape), {});
    EXPECT_TRUE(std::holds_alternative<std::monostate>(session.selection()));
    EXPECT_FALSE(session.quitRequested());
    session.handle(key(Key::Escape), {});
    EXPECT_TRUE(session.quitRequested());
}

TEST(VisitSession, ADragOrALongPressIsNotATapAndPanelsKeepTheirClicks) {
    Loaded v(lookingAtTheMachine());
    VisitSession& session = v.session;
    glm::vec2 at = machinePixel(session);
    // Moved 20 px: a drag, which turns the view.
    session.handle(pointer(InputEvent::Kind::MouseDown, at, 1.0), {});
    session.handle(pointer(InputEvent::Kind::MouseMove, at + glm::vec2(20, 0), 1.05), {});
    session.handle(pointer(InputEvent::Kind::MouseUp, at + glm::vec2(20, 0), 1.1), {});
    EXPECT_TRUE(std::holds_alternative<std::monostate>(session.selection()));
    EXPECT_NE(session.orbit().goal().yawDegrees, session.orbit().pose().yawDegrees);
    run(session, 3.0);
    at = machinePixel(session);
    // Held a second: not a tap.
    session.handle(pointer(InputEvent::Kind::MouseDown, at, 5.0), {});
    session.handle(pointer(InputEvent::Kind::MouseUp, at, 6.0), {});
    EXPECT_TRUE(std::holds_alternative<std::monostate>(session.selection()));
    // Over a panel: the panel's click.
    tap(session, at, 7.0, UiCapture{true, false, false});
    EXPECT_TRUE(std::holds_alternative<std::monostate>(session.selection()));
    tap(session, at, 8.0);
    EXPECT_TRUE(std::holds_alternative<MachineIndex>(session.selection()));
}

TEST(VisitSession, AFloorCutsAwayWhatIsAboveAndItsPlanLooksStraightDown) {
    Loaded v(lookingAtTheMachine());
    VisitSession& session = v.session;
    session.apply(command::ChooseFloor{0});
    EXPECT_EQ(session.floor(), 0);
    VisitFrame frame = session.frame();
    // floor_1 (node 2) and the roof (node 3) are hidden, floor_0 is not.
    EXPECT_EQ(frame.scene.hiddenBuildingNodes, (std::vector<int32_t>{2, 3}));
    session.apply(command::TogglePlan{});
    EXPECT_TRUE(session.planShown());
    engine::Camera plan = session.camera();
    EXPECT_NEAR(glm::normalize(glm::vec3(glm::inverse(plan.view) * glm::vec4(0, 0, -1, 0))).y, -1.0f, 1e-4f);
    EXPECT_TRUE(session.frame().ui.plan);
    // A tap on the plan walks there, the whole building shown again.
    glm::vec2 centre = kViewport * 0.5f;
    tap(session, centre);
    EXPECT_TRUE(session.walking());
    EXPECT_FALSE(session.planShown());
    EXPECT_EQ(session.floor(), -1);
    EXPECT_TRUE(session.frame().scene.hiddenBuildingNodes.empty());
}

TEST(VisitSession, CommandsChangeTheLanguageThePanelsAndTheRendering) {
    Loaded v(lookingAtTheMachine());
    VisitSession& session = v.session;
    EXPECT_EQ(session.frame().ui.language, Language::French);
    session.apply(command::SetLanguage{Language::English});
    EXPECT_EQ(session.frame().ui.language, Language::English);
    session.apply(command::ToggleStatistics{});
    session.apply(command::ToggleAbout{});
    session.apply(command::SetRenderToggles{{false, true, false}});
    VisitFrame frame = session.frame();
    EXPECT_TRUE(frame.ui.statsVisible);
    EXPECT_TRUE(frame.ui.aboutVisible);
    EXPECT_FALSE(frame.scene.toggles.shadows);
    EXPECT_FALSE(frame.scene.toggles.ground);
    session.handle(key(Key::F1), {});
    EXPECT_FALSE(session.frame().ui.statsVisible);
    session.apply(command::GoToMachine{0});
    EXPECT_TRUE(std::holds_alternative<MachineIndex>(session.selection()));
    session.apply(command::OpenPlatformCard{0});
    EXPECT_EQ(std::get<PlatformIndex>(session.selection()), PlatformIndex{0});
    session.apply(command::ClosePlatformCard{});
    EXPECT_TRUE(std::holds_alternative<std::monostate>(session.selection()));
    // Names come in both languages, labels over what is in view.
    frame = session.frame();
    ASSERT_EQ(frame.ui.machineNames.size(), 1u);
    EXPECT_EQ(frame.ui.machineNames[0].in(Language::English), "Printer");
    EXPECT_EQ(frame.ui.about.in(Language::French), "Un bâtiment d'essai.");
    EXPECT_FALSE(frame.ui.labels.empty());
}

TEST(VisitSession, ATourPlaysOpensTheCardsOfItsStopsAndPausesWhenTheVisitorTakesOver) {
    Loaded v(lookingAtTheMachine());
    VisitSession& session = v.session;
    ASSERT_EQ(session.frame().ui.tours.size(), 1u);
    session.apply(command::StartTour{0});
    ASSERT_NE(session.tour(), nullptr);
    EXPECT_TRUE(session.tour()->playing());
    EXPECT_TRUE(session.animating());
    const glm::vec3 before = session.camera().position;
    run(session, 1.0);
    EXPECT_NE(session.camera().position, before);
    EXPECT_EQ(std::get<PlatformIndex>(session.selection()), PlatformIndex{0});  // the first stop's card
    VisitFrame frame = session.frame();
    EXPECT_TRUE(frame.ui.tour.active);
    EXPECT_EQ(frame.ui.tour.narration.en, "The lab");
    session.apply(command::NextStop{});
    run(session, 3.0);
    EXPECT_EQ(session.tour()->currentStop(), 1u);
    EXPECT_EQ(std::get<MachineIndex>(session.selection()), MachineIndex{0});
    // Taking the camera in hand pauses; Space plays on.
    session.handle(pointer(InputEvent::Kind::MouseDown, {100, 100}, 20.0), {});
    session.handle(pointer(InputEvent::Kind::MouseUp, {300, 100}, 20.5), {});
    EXPECT_FALSE(session.tour()->playing());
    session.handle(key(Key::Space), {});
    EXPECT_TRUE(session.tour()->playing());
    session.apply(command::EndTour{});
    EXPECT_EQ(session.tour(), nullptr);
    EXPECT_FALSE(session.frame().ui.tour.active);
}

// Entry points of the machine explorer: a tour stop showing a machine offers
// it (the panel's button sends ExploreMachine), which ends the tour.
TEST(VisitSession, ATourStopAtAMachineOffersItsExplorer) {
    Loaded v(lookingAtTheMachine());
    VisitSession& session = v.session;
    session.apply(command::StartTour{0});
    run(session, 1.0);
    EXPECT_EQ(session.frame().ui.tour.machine, -1);  // the lab: no machine
    session.apply(command::NextStop{});
    run(session, 3.0);
    ASSERT_EQ(session.tour()->currentStop(), 1u);
    EXPECT_EQ(session.frame().ui.tour.machine, 0);
    session.apply(command::ExploreMachine{size_t(session.frame().ui.tour.machine)});
    EXPECT_EQ(session.tour(), nullptr);
    EXPECT_EQ(session.exploredMachine(), std::optional<size_t>(0));
    // The go-to list's entry does the same from anywhere.
    session.apply(command::LeaveExplorer{});
    session.apply(command::CloseMachineCard{});
    session.apply(command::ExploreMachine{0});
    EXPECT_TRUE(session.exploring());
    EXPECT_TRUE(session.frame().ui.explorer.active);
}

TEST(VisitSession, WalkingMovesTheEyeWithTheKeysAndEscapeLeaves) {
    Loaded v(lookingAtTheMachine());
    VisitSession& session = v.session;
    session.apply(command::ToggleWalk{});
    ASSERT_TRUE(session.walking());
    run(session, 1.0);  // the eye settles at its height
    const glm::vec3 start = session.camera().position;
    EXPECT_NEAR(start.y, 1.65f, 0.1f);
    session.handle(key(Key::W), {});  // Z on an AZERTY keyboard: same key
    run(session, 1.0);
    session.handle(key(Key::W, false), {});
    const float walked = glm::length(glm::vec2(session.camera().position.x - start.x, session.camera().position.z - start.z));
    EXPECT_NEAR(walked, 1.4f, 0.2f);  // a visitor's pace
    EXPECT_FALSE(session.animating());
    session.handle(key(Key::Escape), {});
    EXPECT_FALSE(session.walking());
}

TEST(VisitSession, KeysInATextFieldOrWhileMovingThroughThePanelsStayThere) {
    Loaded v(lookingAtTheMachine());
    VisitSession& session = v.session;
    session.apply(command::GoToMachine{0});
    session.handle(key(Key::Escape), UiCapture{false, true, false});
    EXPECT_TRUE(std::holds_alternative<MachineIndex>(session.selection()));
    session.handle(key(Key::Escape), UiCapture{false, false, true});
    EXPECT_TRUE(std::holds_alternative<MachineIndex>(session.selection()));
    session.handle(key(Key::Escape), {});
    EXPECT_TRUE(std::holds_alternative<std::monostate>(session.selection()));
}

TEST(VisitSession, TheStartAppliesWhatIsValidAndNamesWhatIsNot) {
    VisitSessionDesc desc;
    desc.start.floor = "f9";
    desc.start.machine = "printer";
    desc.start.tour = "nowhere";
    VisitSession session(desc);
    session.setViewport(kViewport);
    engine::Status status = session.load(world(), nullptr);
    ASSERT_FALSE(status);
    EXPECT_EQ(status.error(), "unknown floor \"f9\" (the scene has: f0, f1)");
    EXPECT_TRUE(std::holds_alternative<MachineIndex>(session.selection()));
    EXPECT_EQ(session.tour(), nullptr);
}

TEST(VisitSession, ATourStartsPausedAtItsMomentForStills) {
    VisitSessionDesc desc;
    desc.start.tour = "visit";
    desc.start.tourTime = 7.5;
    desc.start.tourPaused = true;
    Loaded v(desc);
    VisitSession& session = v.session;
    ASSERT_NE(session.tour(), nullptr);
    EXPECT_FALSE(session.tour()->playing());
    EXPECT_EQ(session.frame().ui.tour.stop, int(session.tour()->currentStop()));
    EXPECT_NEAR(session.tour()->time(), 7.5, 1e-9);
}

TEST(VisitSession, NothingMovingNeedsNoFrame) {
    Loaded v(lookingAtTheMachine());
    VisitSession& session = v.session;
    for (int i = 0; i < 5; ++i) session.frame();
    run(session, 0.5);
    EXPECT_FALSE(session.needsFrame());
    EXPECT_GE(session.secondsUntilNews(), 1.0);
    session.handle(key(Key::Left), {});  // turns: the camera eases, frames are due
    EXPECT_TRUE(session.needsFrame());
    run(session, 0.1);
    EXPECT_TRUE(session.animating());
}

}  // namespace
}  // namespace twin

namespace twin {
namespace {

InputEvent finger(InputEvent::Kind kind, uint32_t id, glm::vec2 at, double time) {
    InputEvent e = pointer(kind, at, time);
    e.finger = id;
    return e;
}

TEST(VisitSession, ATouchTapSelectsAsAClickDoesButNotOnThePanels) {
    Loaded v(lookingAtTheMachine());
    VisitSession& session = v.session;
    const glm::vec2 at = machinePixel(session);
    // Pressed on a panel (the capture says so on the press): the whole
    // touch is the panels', whatever is said of the events after it.
    session.handle(finger(InputEvent::Kind::TouchDown, 1, at, 1.0), UiCapture{true, false, false});
    session.handle(finger(InputEvent::Kind::TouchUp, 1, at, 1.1), {});
    EXPECT_TRUE(std::holds_alternative<std::monostate>(session.selection()));
    session.handle(finger(InputEvent::Kind::TouchDown, 1, at, 2.0), {});
    session.handle(finger(InputEvent::Kind::TouchUp, 1, at, 2.1), {});
    ASSERT_TRUE(std::holds_alternative<MachineIndex>(session.selection()));
    EXPECT_EQ(std::get<MachineIndex>(session.selection()), MachineIndex{0});
}

TEST(VisitSession, OneFingerOrbitsAndCoastsTwoFingersZoomAndPan) {
    Loaded v(lookingAtTheMachine());
    VisitSession& session = v.session;
    run(session, 1.0);
    ASSERT_FALSE(session.animating());
    const float yaw = session.orbit().goal().yawDegrees;
    session.handle(finger(InputEvent::Kind::TouchDown, 1, {200, 300}, 1.0), {});
    for (int i = 1; i <= 10; ++i)
        session.handle(finger(InputEvent::Kind::TouchMove, 1, {200.0f + 20.0f * i, 300}, 1.0 + i / 60.0), {});
    session.handle(finger(InputEvent::Kind::TouchUp, 1, {400, 300}, 1.0 + 11 / 60.0), {});
    const float released = session.orbit().goal().yawDegrees;
    EXPECT_NE(released, yaw);
    // The view coasts on, then stops.
    EXPECT_TRUE(session.animating());
    run(session, 0.5);
    EXPECT_NE(session.orbit().goal().yawDegrees, released);
    run(session, 3.0);
    EXPECT_FALSE(session.animating());

    // Fingers apart: closer.
    const float distance = session.orbit().goal().distance;
    session.handle(finger(InputEvent::Kind::TouchDown, 1, {300, 300}, 10.0), {});
    session.handle(finger(InputEvent::Kind::TouchDown, 2, {500, 300}, 10.0), {});
    session.handle(finger(InputEvent::Kind::TouchMove, 1, {250, 300}, 10.1), {});
    session.handle(finger(InputEvent::Kind::TouchMove, 2, {550, 300}, 10.1), {});
    EXPECT_LT(session.orbit().goal().distance, distance * 0.8f);
    // Together: the target moves.
    const glm::vec3 target = session.orbit().goal().target;
    session.handle(finger(InputEvent::Kind::TouchMove, 1, {250, 400}, 10.2), {});
    session.handle(finger(InputEvent::Kind::TouchMove, 2, {550, 400}, 10.2), {});
    EXPECT_GT(glm::length(session.orbit().goal().target - target), 0.01f);
    session.handle(finger(InputEvent::Kind::TouchUp, 1, {250, 400}, 10.3), {});
    session.handle(finger(InputEvent::Kind::TouchUp, 2, {550, 400}, 10.3), {});
    EXPECT_TRUE(std::holds_alternative<std::monostate>(session.selection()));
}

}  // namespace
}  // namespace twin
