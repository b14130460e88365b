// The kiosk's rules around a real visit session on a small synthetic world
// (no GL): the attract loop after the timeout, the reset it makes, the first
// touch, the admin gesture and PIN, lockdown and the statistics. The clock
// is the test's.
#include <gtest/gtest.h>

#include <filesystem>

#include <glm/gtc/matrix_transform.hpp>

#include "../session/test_world.h"

#include "kiosk/kiosk_controller.h"

namespace twin::kiosk {
namespace {

using twin::test::box;
using twin::test::boxExtent;

using engine::InputEvent;
constexpr glm::vec2 kViewport{1920, 1080};
const glm::vec3 kMachineCentre = test::kPrinterCentre;

// Two floors, a printer on the "lab" platform, two tours.
VisitContent world() {
    VisitContent content = test::labWorld({.upperFloor = true});
    for (const char* id : {"short", "attract"}) {
        Tour tour;
        tour.id = id;
        tour.title = {"Visite", "Visit"};
        tour.stops = {test::labStop(TourStop::TargetKind::Platform, 2.0f),
                      test::labStop(TourStop::TargetKind::Machine, 2.0f)};
        content.scene->tours.push_back(tour);
    }
    return content;
}

InputEvent pointer(InputEvent::Kind kind, glm::vec2 at, double time) {
    InputEvent e;
    e.kind = kind;
    e.position = at;
    e.time = time;
    return e;
}

struct Kiosk {
    VisitSession session{VisitSessionDesc{}};
    std::unique_ptr<KioskStats> stats;
    UnixSeconds wall = 1764842400;  // 2025-12-04T10:00:00Z
    KioskController controller;
    double now = 0.0;

    explicit Kiosk(std::string pinHash = "", std::unique_ptr<KioskStats> keep = nullptr)
        : stats(std::move(keep)), controller(settings(std::move(pinHash)), stats.get(), [this] { return wall; }) {
        session.setViewport(kViewport);
        EXPECT_TRUE(session.load(world(), nullptr));
        controller.begin(session, now);
    }
    static KioskSettings settings(std::string pinHash) {
        KioskSettings s;
        s.idleTimeoutSeconds = 60.0;
        s.attractTour = "attract";
        s.adminPinHash = std::move(pinHash);
        return s;
    }
    // Time passes: the session and the kiosk move on.
    void wait(double seconds) {
        const double step = 0.1;
        for (double t = 0; t < seconds - 1e-9; t += step) {
            now += step;
            wall = 1764842400 + UnixSeconds(now);
            session.advance(step);
            controller.advance(session, now);
        }
    }
    // A tap, routed as the shell routes it.
    std::vector<Route> tap(glm::vec2 at) {
        std::vector<Route> routes;
        for (auto kind : {InputEvent::Kind::MouseMove, InputEvent::Kind::MouseDown, InputEvent::Kind::MouseUp}) {
            InputEvent e = pointer(kind, at, now);
            Route route = controller.input(e, kViewport, session, now);
            if (route == Route::SessionAndPanels) session.handle(e, {});
            routes.push_back(route);
        }
        return routes;
    }
    // A finger's tap (XInput 2.2 touch events), routed the same way.
    std::vector<Route> fingerTap(glm::vec2 at, uint32_t finger = 1) {
        std::vector<Route> routes;
        for (auto kind : {InputEvent::Kind::TouchDown, InputEvent::Kind::TouchUp}) {
            InputEvent e = pointer(kind, at, now);
            e.finger = finger;
            Route route = controller.input(e, kViewport, session, now);
            if (route == Route::SessionAndPanels) session.handle(e, {});
            routes.push_back(route);
        }
        return routes;
    }
};

TEST(KioskController, StartsInTheAttractLoopPlayingTheAttractTour) {
    Kiosk k;
    EXPECT_EQ(k.controller.screen(), Screen::Attract);
    ASSERT_NE(k.session.tour(), nullptr);
    EXPECT_EQ(k.session.tour()->tour().id, "attract");
    EXPECT_TRUE(k.session.tour()->playing());
    // It plays on: no timeout in the attract loop.
    k.wait(120.0);
    EXPECT_EQ(k.controller.screen(), Screen::Attract);
}

TEST(KioskController, TheFirstTouchOpensHomeAndIsNotAPick) {
    Kiosk k;
    k.wait(1.0);
    auto routes = k.tap({960, 540});
    EXPECT_EQ(routes[1], Route::Nobody);  // the press that woke it
    EXPECT_EQ(routes[2], Route::Nobody);  // and its release
    EXPECT_EQ(k.controller.screen(), Screen::Home);
    EXPECT_EQ(k.session.tour(), nullptr);  // not a frozen tour frame
    EXPECT_EQ(k.tap({960, 540})[1], Route::PanelsOnly);
    k.controller.apply(command::Explore{}, k.session, k.now);
    EXPECT_EQ(k.controller.screen(), Screen::Visit);
    EXPECT_EQ(k.tap({960, 540})[1], Route::SessionAndPanels);
}

TEST(KioskController, AFingerIsATouchToo) {
    Kiosk k;
    k.wait(1.0);
    auto routes = k.fingerTap({960, 540});
    EXPECT_EQ(routes[0], Route::Nobody);  // the touch that woke it
    EXPECT_EQ(routes[1], Route::Nobody);  // and its lift
    EXPECT_EQ(k.controller.screen(), Screen::Home);
    EXPECT_EQ(k.fingerTap({960, 540})[0], Route::PanelsOnly);
    // Fingers keep the visit alive.
    k.wait(50.0);
    k.fingerTap({100, 100}, 7);
    k.wait(50.0);
    EXPECT_EQ(k.controller.screen(), Screen::Home);
    k.wait(15.0);
    EXPECT_EQ(k.controller.screen(), Screen::Attract);
}

TEST(KioskController, IdleTimeoutResetsTheWholeVisit) {
    Kiosk k;
    k.tap({960, 540});
    k.controller.apply(command::SetLanguage{Language::English}, k.session, k.now);
    k.controller.apply(command::SetLargeText{true}, k.session, k.now);
    k.controller.apply(command::SetHighContrast{true}, k.session, k.now);
    k.controller.apply(command::ChooseMachine{0}, k.session, k.now);
    k.session.apply(twin::command::ChooseFloor{1});
    k.session.apply(twin::command::TogglePlan{});
    k.session.apply(twin::command::ToggleAbout{});
    const glm::vec3 homeEye = k.session.orbit().eye();
    k.wait(59.0);
    EXPECT_EQ(k.controller.screen(), Screen::Visit);
    EXPECT_EQ(k.session.language(), Language::English);
    EXPECT_EQ(k.session.floor(), 1);
    k.wait(1.5);
    EXPECT_EQ(k.controller.screen(), Screen::Attract);
    EXPECT_EQ(k.session.language(), Language::French);
    EXPECT_TRUE(std::holds_alternative<std::monostate>(k.session.selection()) ||
                k.session.tour() != nullptr);  // only the attract tour's own cards
    EXPECT_EQ(k.session.floor(), -1);
    EXPECT_FALSE(k.session.planShown());
    EXPECT_FALSE(k.session.walking());
    ASSERT_NE(k.session.tour(), nullptr);
    EXPECT_EQ(k.session.tour()->tour().id, "attract");
    KioskView view = k.controller.view(k.now);
    EXPECT_FALSE(view.largeText);
    EXPECT_FALSE(view.highContrast);
    EXPECT_FALSE(k.session.frame().ui.aboutVisible);
    (void)homeEye;
}

TEST(KioskController, InputKeepsTheVisitAlive) {
    Kiosk k;
    k.tap({960, 540});
    k.controller.apply(command::Explore{}, k.session, k.now);
    for (int i = 0; i < 5; ++i) {
        k.wait(50.0);
        k.tap({900, 500});
    }
    EXPECT_EQ(k.controller.screen(), Screen::Visit);
    EXPECT_NEAR(k.controller.secondsUntilDue(k.now), 60.0, 0.2);
}

TEST(KioskController, WalkingIsResetToo) {
    Kiosk k;
    k.tap({960, 540});
    k.controller.apply(command::Explore{}, k.session, k.now);
    k.session.apply(twin::command::ToggleWalk{});
    k.wait(61.0);
    EXPECT_FALSE(k.session.walking());
    EXPECT_EQ(k.controller.screen(), Screen::Attract);
}

void fiveCornerTaps(Kiosk& k) {
    for (int i = 0; i < 5; ++i) {
        k.tap({1910, 10});
        k.wait(0.2);
    }
}

TEST(KioskController, CornerGestureThenRightPinOpensAdminAndExit) {
    auto hash = hashPin("2468", true);
    ASSERT_TRUE(hash);
    Kiosk k(*hash);
    fiveCornerTaps(k);
    EXPECT_EQ(k.controller.screen(), Screen::PinPad);
    for (char c : std::string("2468")) k.controller.apply(command::PinDigit{c}, k.session, k.now);
    EXPECT_EQ(k.controller.view(k.now).pinDigits, 4u);
    k.controller.apply(command::PinSubmit{}, k.session, k.now);
    EXPECT_EQ(k.controller.screen(), Screen::Admin);
    EXPECT_EQ(k.controller.view(k.now).pinDigits, 0u);
    EXPECT_FALSE(k.controller.exitRequested());
    k.controller.apply(command::AdminExit{}, k.session, k.now);
    EXPECT_TRUE(k.controller.exitRequested());
}

TEST(KioskController, FiveFingerTapsInTheCornerOpenThePinPad) {
    auto hash = hashPin("2468", true);
    ASSERT_TRUE(hash);
    Kiosk k(*hash);
    for (uint32_t i = 0; i < 5; ++i) {
        k.fingerTap({1910, 10}, i);
        k.wait(0.2);
    }
    EXPECT_EQ(k.controller.screen(), Screen::PinPad);
}

TEST(KioskController, WrongPinStaysLockedAndWaits) {
    auto hash = hashPin("2468", true);
    ASSERT_TRUE(hash);
    Kiosk k(*hash);
    fiveCornerTaps(k);
    for (char c : std::string("1111")) k.controller.apply(command::PinDigit{c}, k.session, k.now);
    k.controller.apply(command::PinSubmit{}, k.session, k.now);
    EXPECT_EQ(k.controller.screen(), Screen::PinPad);
    EXPECT_EQ(k.controller.view(k.now).pinMessage, PinMessage::Wrong);
    EXPECT_GT(k.controller.view(k.now).pinLockedSeconds, 0.0);
    // The right PIN at once is not even checked.
    for (char c : std::string("2468")) k.controller.apply(command::PinDigit{c}, k.session, k.now);
    k.controller.apply(command::PinSubmit{}, k.session, k.now);
    EXPECT_EQ(k.controller.screen(), Screen::PinPad);
    EXPECT_EQ(k.controller.view(k.now).pinMessage, PinMessage::Locked);
    // Admin commands do nothing outside the admin panel.
    k.controller.apply(command::AdminExit{}, k.session, k.now);
    EXPECT_FALSE(k.controller.exitRequested());
    k.controller.apply(command::PinCancel{}, k.session, k.now);
    EXPECT_EQ(k.controller.screen(), Screen::Home);
}

TEST(KioskController, NoPinSetNothingOpens) {
    Kiosk k;
    fiveCornerTaps(k);
    EXPECT_EQ(k.controller.screen(), Screen::PinPad);
    EXPECT_EQ(k.controller.view(k.now).pinMessage, PinMessage::NoPinSet);
    for (char c : std::string("0000")) k.controller.apply(command::PinDigit{c}, k.session, k.now);
    k.controller.apply(command::PinSubmit{}, k.session, k.now);
    EXPECT_EQ(k.controller.screen(), Screen::PinPad);
}

TEST(KioskController, ThePinPadTimesOutToo) {
    auto hash = hashPin("2468", true);
    ASSERT_TRUE(hash);
    Kiosk k(*hash);
    fiveCornerTaps(k);
    k.controller.apply(command::PinDigit{'2'}, k.session, k.now);
    k.wait(61.0);
    EXPECT_EQ(k.controller.screen(), Screen::Attract);
    EXPECT_EQ(k.controller.view(k.now).pinDigits, 0u);
}

TEST(KioskController, CloseEventsReachNobody) {
    Kiosk k;
    InputEvent close;
    close.kind = InputEvent::Kind::Close;
    EXPECT_EQ(k.controller.input(close, kViewport, k.session, 0.0), Route::Nobody);
    EXPECT_FALSE(k.controller.exitRequested());
}

TEST(KioskController, StatisticsOfAVisit) {
    auto file = std::filesystem::temp_directory_path() / ("twin-kiosk-controller-" + std::to_string(::getpid()) + ".sqlite");
    std::filesystem::remove(file);
    auto stats = KioskStats::open(file);
    ASSERT_TRUE(stats);
    Kiosk k("", std::move(stats).value());
    k.wait(5.0);
    k.tap({960, 540});  // a visitor at 10:00:05
    k.controller.apply(command::SetLanguage{Language::English}, k.session, k.now);
    k.controller.apply(command::ChooseTour{0}, k.session, k.now);
    k.wait(30.0);  // the short tour reaches its last stop
    k.tap({960, 540});
    k.session.apply(twin::command::EndTour{});
    k.session.apply(twin::command::OpenPlatformCard{0});
    k.wait(0.2);
    k.tap({960, 540});  // last touch at 10:00:35
    k.wait(61.0);       // back to the attract loop
    EXPECT_EQ(k.controller.screen(), Screen::Attract);
    Totals totals = k.stats->totals();
    EXPECT_EQ(totals.sessions, 1);
    EXPECT_NEAR(totals.sessionSeconds, 30.0, 1.5);
    EXPECT_EQ(totals.toursStarted, 1);
    EXPECT_EQ(totals.toursFinished, 1);
    EXPECT_EQ(totals.cardsOpened, 1);
    EXPECT_EQ(totals.english, 1);
    // The attract loop's own tour counts for nothing.
    k.wait(100.0);
    EXPECT_EQ(k.stats->totals().toursStarted, 1);
    std::filesystem::remove(file);
}

}  // namespace
}  // namespace twin::kiosk
