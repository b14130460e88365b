// Reading the tour aloud: the session tells a narrator what to say and when
// to stop. A recording narrator stands in for eSpeak (no audio in tests).
#include "session/narrator.h"

#include <gtest/gtest.h>

#include <glm/gtc/matrix_transform.hpp>

#include "session/visit_session.h"
#include "test_world.h"

namespace twin {
namespace {

using twin::test::box;
using twin::test::boxExtent;

// Writes down every call, in order: "speak fr: text" or "stop".
class RecordingNarrator : public Narrator {
public:
    void speak(const std::string& text, Language language) override {
        calls.push_back(std::string("speak ") + (language == Language::English ? "en" : "fr") + ": " + text);
    }
    void stop() override { calls.push_back("stop"); }
    std::vector<std::string> take() { return std::exchange(calls, {}); }
    std::vector<std::string> calls;
};

// One floor, a platform with a machine, a tour of two stops seen from fixed cameras.
VisitContent world() {
    VisitContent content = test::labWorld();
    Tour tour;
    tour.id = "visit";
    tour.title = {"Visite", "Visit"};
    TourStop first = test::labStop(TourStop::TargetKind::Platform, 5.0f, {"Voici le labo.", "Here is the lab."});
    first.camera = CameraViewpoint{{0, 1.6f, 6}, {0, 1, 0}};
    TourStop second = test::labStop(TourStop::TargetKind::Machine, 5.0f, {"Voici l'imprimante.", "Here is the printer."});
    second.camera = CameraViewpoint{{0, 1.6f, 1}, {0, 0.5f, -3}};
    tour.stops = {first, second};
    content.scene->tours.push_back(tour);
    return content;
}

void run(VisitSession& session, double seconds) {
    for (int i = 0; i < int(seconds * 60.0); ++i) session.advance(1.0 / 60.0);
}

struct Visit {
    RecordingNarrator narrator;
    VisitSession session{VisitSessionDesc{}};
    Visit() {
        session.setViewport({800, 600});
        engine::Status status = session.load(world(), nullptr);
        EXPECT_TRUE(status) << status.error();
        session.setNarrator(&narrator);
    }
};

using Calls = std::vector<std::string>;

TEST(VisitNarration, OffByDefaultNothingIsSpoken) {
    Visit v;
    v.session.apply(command::StartTour{0});
    run(v.session, 2.0);
    v.session.apply(command::NextStop{});
    run(v.session, 2.0);
    EXPECT_TRUE(v.narrator.calls.empty());
    EXPECT_FALSE(v.session.frame().ui.tour.readAloud);
}

TEST(VisitNarration, EachStopIsSpokenOnceInTheVisitsLanguage) {
    Visit v;
    v.session.apply(command::StartTour{0});
    v.session.apply(command::SetReadAloud{true});
    EXPECT_EQ(v.narrator.take(), Calls{"speak fr: Voici le labo."});
    EXPECT_TRUE(v.session.frame().ui.tour.readAloud);
    run(v.session, 2.0);  // the same stop: nothing more
    EXPECT_TRUE(v.narrator.calls.empty());
    v.session.apply(command::NextStop{});
    EXPECT_EQ(v.narrator.take(), (Calls{"stop", "speak fr: Voici l'imprimante."}));
    run(v.session, 2.0);
    EXPECT_TRUE(v.narrator.calls.empty());
}

TEST(VisitNarration, TheTourPlayingOnToTheNextStopSpeaksIt) {
    Visit v;
    v.session.apply(command::SetReadAloud{true});  // before the tour: nothing to say yet
    EXPECT_TRUE(v.narrator.calls.empty());
    v.session.apply(command::StartTour{0});
    EXPECT_EQ(v.narrator.take(), Calls{"speak fr: Voici le labo."});
    run(v.session, 15.0);  // the first stop's 5 s, the move, into the second
    EXPECT_EQ(v.narrator.take(), (Calls{"stop", "speak fr: Voici l'imprimante."}));
}

TEST(VisitNarration, SwitchingLanguageStopsAndSpeaksTheStopInTheNewLanguage) {
    Visit v;
    v.session.apply(command::StartTour{0});
    v.session.apply(command::SetReadAloud{true});
    v.narrator.take();
    v.session.apply(command::SetLanguage{Language::English});
    EXPECT_EQ(v.narrator.take(), (Calls{"stop", "speak en: Here is the lab."}));
}

TEST(VisitNarration, EndingTheTourOrTurningTheToggleOffStops) {
    Visit v;
    v.session.apply(command::StartTour{0});
    v.session.apply(command::SetReadAloud{true});
    v.narrator.take();
    v.session.apply(command::EndTour{});
    EXPECT_EQ(v.narrator.take(), Calls{"stop"});
    // Still on: the next tour is read from its first stop.
    v.session.apply(command::StartTour{0});
    EXPECT_EQ(v.narrator.take(), Calls{"speak fr: Voici le labo."});
    v.session.apply(command::SetReadAloud{false});
    EXPECT_EQ(v.narrator.take(), Calls{"stop"});
    run(v.session, 15.0);
    EXPECT_TRUE(v.narrator.calls.empty());
}

TEST(VisitNarration, TheLastStopPassedStops) {
    Visit v;
    v.session.apply(command::StartTour{0});
    v.session.apply(command::SetReadAloud{true});
    v.session.apply(command::NextStop{});
    v.narrator.take();
    v.session.apply(command::NextStop{});  // on the last stop: ends the tour once the camera settles
    run(v.session, 10.0);
    EXPECT_TRUE(v.session.tour() == nullptr || v.session.tour()->finished());
    EXPECT_EQ(v.narrator.take(), Calls{"stop"});
}

TEST(VisitNarration, TheIdleResetStopsAndTurnsTheToggleOff) {
    Visit v;
    v.session.apply(command::StartTour{0});
    v.session.apply(command::SetReadAloud{true});
    v.narrator.take();
    v.session.resetVisit(Language::French);
    EXPECT_EQ(v.narrator.take(), Calls{"stop"});
    EXPECT_FALSE(v.session.readingAloud());
    // The next visitor's tour is silent until they turn it on.
    v.session.apply(command::StartTour{0});
    run(v.session, 2.0);
    EXPECT_TRUE(v.narrator.calls.empty());
}

}  // namespace
}  // namespace twin
