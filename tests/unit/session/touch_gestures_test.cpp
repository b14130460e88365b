// The touch gesture recogniser alone: touch events with their times, and
// advance() as the clock; no window, no touch screen.
#include "session/touch_gestures.h"

#include <gtest/gtest.h>

#include <cmath>

namespace twin {
namespace {

using engine::InputEvent;
using Kind = engine::InputEvent::Kind;

InputEvent touch(Kind kind, uint32_t finger, glm::vec2 at, double time) {
    InputEvent e;
    e.kind = kind;
    e.finger = finger;
    e.position = at;
    e.time = time;
    return e;
}

// Feeds events and advances, as the session does; keeps what came out.
struct Driver {
    TouchGestures gestures;
    std::vector<Gesture> out;
    explicit Driver(TouchGestureDesc desc = {}) : gestures(desc) {}
    void down(uint32_t f, glm::vec2 at, double t) { gestures.handle(touch(Kind::TouchDown, f, at, t), out); }
    void move(uint32_t f, glm::vec2 at, double t) { gestures.handle(touch(Kind::TouchMove, f, at, t), out); }
    void up(uint32_t f, glm::vec2 at, double t) { gestures.handle(touch(Kind::TouchUp, f, at, t), out); }
    void cancel(uint32_t f, glm::vec2 at, double t) { gestures.handle(touch(Kind::TouchCancel, f, at, t), out); }
    // A drag from `from` to `to` in 60 Hz moves over `seconds`, starting at `t`.
    void drag(uint32_t f, glm::vec2 from, glm::vec2 to, double t, double seconds) {
        const int steps = int(seconds * 60.0);
        for (int i = 1; i <= steps; ++i) move(f, glm::mix(from, to, float(i) / float(steps)), t + i / 60.0);
    }
    void advance(double seconds) {
        for (int i = 0; i < int(std::round(seconds * 60.0)); ++i) gestures.advance(1.0 / 60.0, out);
    }
    template <class G>
    std::vector<G> taken() {
        std::vector<G> found;
        for (const Gesture& g : out)
            if (auto* one = std::get_if<G>(&g)) found.push_back(*one);
        out.clear();
        return found;
    }
    glm::vec2 orbitTotal() {
        glm::vec2 sum(0.0f);
        for (const auto& o : taken<gesture::Orbit>()) sum += o.dragPixels;
        return sum;
    }
};

TEST(TouchGestures, AShortStillTouchIsATapWhereTheFingerLifts) {
    Driver d;
    d.down(1, {500, 300}, 1.0);
    d.move(1, {504, 303}, 1.05);  // 5 px: within the 10 px slop
    d.up(1, {506, 302}, 1.2);
    auto taps = d.taken<gesture::Tap>();
    ASSERT_EQ(taps.size(), 1u);
    EXPECT_EQ(taps[0].position, glm::vec2(506, 302));
    EXPECT_FALSE(d.gestures.fingersDown());
}

TEST(TouchGestures, ADragIsNoTapAndOrbitsByTheFingersWayIncludingTheSlop) {
    Driver d;
    d.down(1, {500, 300}, 1.0);
    d.move(1, {508, 300}, 1.02);  // within the slop: nothing yet
    EXPECT_TRUE(d.out.empty());
    d.move(1, {520, 300}, 1.04);  // past it: the whole way so far
    d.move(1, {530, 310}, 1.06);
    d.move(1, {506, 302}, 1.08);  // back near the start: still a drag
    d.up(1, {506, 302}, 1.5);     // held still before lifting: no inertia
    bool tapped = false;
    for (const Gesture& g : d.out) tapped = tapped || std::holds_alternative<gesture::Tap>(g);
    EXPECT_FALSE(tapped);
    EXPECT_EQ(d.orbitTotal(), glm::vec2(6, 2));
    EXPECT_FALSE(d.gestures.coasting());
}

TEST(TouchGestures, TheSlopGrowsWithTheUiScale) {
    TouchGestureDesc desc;
    desc.tapPixels = 17.5f;  // a kiosk at 1920x1080 (UI scale 1.75)
    Driver d(desc);
    d.down(1, {500, 300}, 1.0);
    d.move(1, {515, 300}, 1.05);
    d.up(1, {515, 300}, 1.1);
    EXPECT_EQ(d.taken<gesture::Tap>().size(), 1u);
}

TEST(TouchGestures, ALongPressIsNoTap) {
    Driver d;
    d.down(1, {500, 300}, 1.0);
    d.up(1, {500, 300}, 1.35);  // over 0.3 s
    EXPECT_TRUE(d.out.empty());
    d.down(1, {500, 300}, 2.0);
    d.up(1, {500, 300}, 2.29);
    EXPECT_EQ(d.taken<gesture::Tap>().size(), 1u);
}

TEST(TouchGestures, AFlickCoastsOnSlowingByHalfEachHalfLifeThenStops) {
    TouchGestureDesc desc;  // half-life 0.25 s, stops under 20 px/s
    Driver d(desc);
    d.down(1, {200, 300}, 1.0);
    d.drag(1, {200, 300}, {500, 300}, 1.0, 0.25);  // 1200 px/s to the right
    d.up(1, {500, 300}, 1.25 + 1.0 / 60.0);
    d.out.clear();
    ASSERT_TRUE(d.gestures.coasting());
    const float v0 = d.gestures.inertiaVelocity().x;
    EXPECT_NEAR(v0, 1200.0f, 60.0f);
    EXPECT_NEAR(d.gestures.inertiaVelocity().y, 0.0f, 1e-3f);
    d.advance(0.25);
    EXPECT_NEAR(d.gestures.inertiaVelocity().x, v0 * 0.5f, v0 * 0.01f);
    // The way coasted in a half-life: the integral of the decaying speed.
    const float expected = v0 * 0.25f / std::log(2.0f) * 0.5f;
    EXPECT_NEAR(d.orbitTotal().x, expected, expected * 0.01f);
    d.advance(0.25);
    EXPECT_NEAR(d.gestures.inertiaVelocity().x, v0 * 0.25f, v0 * 0.01f);
    // log2(1200 / 20) half-lives, about 1.5 s: still by then.
    d.advance(1.5);
    EXPECT_FALSE(d.gestures.coasting());
    d.out.clear();
    d.advance(1.0);
    EXPECT_TRUE(d.out.empty());
}

TEST(TouchGestures, ANewTouchStopsTheInertia) {
    Driver d;
    d.down(1, {200, 300}, 1.0);
    d.drag(1, {200, 300}, {500, 300}, 1.0, 0.25);
    d.up(1, {500, 300}, 1.27);
    d.advance(0.1);
    ASSERT_TRUE(d.gestures.coasting());
    d.down(2, {600, 300}, 1.4);
    EXPECT_FALSE(d.gestures.coasting());
    d.out.clear();
    d.advance(0.5);
    EXPECT_TRUE(d.out.empty());
    // ...and that touch, short and still, is a tap of its own.
    d.up(2, {600, 300}, 1.5);
    EXPECT_EQ(d.taken<gesture::Tap>().size(), 1u);
}

TEST(TouchGestures, TwoFingersApartZoomByTheRatioOfTheirDistance) {
    Driver d;
    d.down(1, {400, 300}, 1.0);
    d.down(2, {600, 300}, 1.02);  // 200 px apart, centre (500, 300)
    d.move(1, {350, 300}, 1.05);
    d.move(2, {650, 300}, 1.05);  // 300 px apart: 1.5 in all
    float ratio = 1.0f;
    for (const auto& p : d.taken<gesture::Pinch>()) {
        ratio *= p.ratio;
        EXPECT_NEAR(p.centre.y, 300.0f, 1e-3f);
    }
    EXPECT_NEAR(ratio, 1.5f, 1e-4f);
    d.up(1, {350, 300}, 1.2);
    d.up(2, {650, 300}, 1.2);
    EXPECT_TRUE(d.taken<gesture::Tap>().empty());
    EXPECT_TRUE(d.taken<gesture::Orbit>().empty());
    EXPECT_FALSE(d.gestures.coasting());  // a pinch leaves no inertia
}

TEST(TouchGestures, TwoFingersTogetherPanByTheirCentresWay) {
    Driver d;
    d.down(1, {400, 300}, 1.0);
    d.down(2, {600, 300}, 1.0);
    d.drag(1, {400, 300}, {440, 260}, 1.0, 0.1);
    d.drag(2, {600, 300}, {640, 260}, 1.0, 0.1);
    glm::vec2 pan(0.0f);
    for (const Gesture& g : d.out) {
        if (auto* p = std::get_if<gesture::Pan>(&g)) pan += p->dragPixels;
        // The fingers keep their distance: no zoom to speak of.
        if (auto* z = std::get_if<gesture::Pinch>(&g)) EXPECT_NEAR(z->ratio, 1.0f, 0.1f);
        EXPECT_FALSE(std::holds_alternative<gesture::Orbit>(g));
    }
    EXPECT_NEAR(pan.x, 40.0f, 1e-3f);
    EXPECT_NEAR(pan.y, -40.0f, 1e-3f);
}

TEST(TouchGestures, ASecondFingerTurnsAnOrbitIntoAPinchWithoutAJump) {
    Driver d;
    d.down(1, {400, 300}, 1.0);
    d.move(1, {430, 300}, 1.05);
    EXPECT_EQ(d.orbitTotal(), glm::vec2(30, 0));
    d.down(2, {630, 300}, 1.1);
    d.move(2, {730, 300}, 1.15);  // 200 -> 300 apart
    EXPECT_TRUE(d.taken<gesture::Orbit>().empty());
    d.move(2, {730, 300}, 1.2);
    d.up(2, {730, 300}, 1.3);
    d.up(1, {430, 300}, 1.3);
    EXPECT_FALSE(d.gestures.coasting());
}

TEST(TouchGestures, AFingerLiftedMidGestureEndsIt) {
    Driver d;
    d.down(1, {400, 300}, 1.0);
    d.down(2, {600, 300}, 1.0);
    d.move(2, {700, 300}, 1.05);
    ASSERT_FALSE(d.taken<gesture::Pinch>().empty());
    d.up(2, {700, 300}, 1.1);
    // The finger left behind neither orbits, pans nor zooms, nor taps when it lifts.
    d.move(1, {300, 250}, 1.15);
    d.move(1, {200, 200}, 1.2);
    d.up(1, {200, 200}, 1.25);
    EXPECT_TRUE(d.out.empty());
    EXPECT_FALSE(d.gestures.coasting());
    // The next touch starts afresh.
    d.down(1, {100, 100}, 2.0);
    d.up(1, {100, 100}, 2.1);
    EXPECT_EQ(d.taken<gesture::Tap>().size(), 1u);
}

TEST(TouchGestures, ACancelledTouchTapsNothingAndLeavesNoInertia) {
    Driver d;
    d.down(1, {400, 300}, 1.0);
    d.cancel(1, {400, 300}, 1.1);
    EXPECT_TRUE(d.out.empty());
    EXPECT_FALSE(d.gestures.fingersDown());
    d.down(1, {200, 300}, 2.0);
    d.drag(1, {200, 300}, {500, 300}, 2.0, 0.25);
    d.out.clear();
    d.cancel(1, {500, 300}, 2.27);
    EXPECT_FALSE(d.gestures.coasting());
    d.advance(0.5);
    EXPECT_TRUE(d.out.empty());
    // Events of a finger never seen down are nobody's.
    d.move(9, {1, 1}, 3.0);
    d.up(9, {1, 1}, 3.1);
    EXPECT_TRUE(d.out.empty());
}

TEST(TouchGestures, AbandonedFingersDoNothingUntilTheyLift) {
    Driver d;
    d.down(1, {400, 300}, 1.0);
    d.gestures.abandon();  // the panels took it
    d.move(1, {500, 300}, 1.05);
    d.up(1, {500, 300}, 1.1);
    EXPECT_TRUE(d.out.empty());
    d.down(1, {400, 300}, 2.0);
    d.up(1, {400, 300}, 2.1);
    EXPECT_EQ(d.taken<gesture::Tap>().size(), 1u);
}

}  // namespace
}  // namespace twin
