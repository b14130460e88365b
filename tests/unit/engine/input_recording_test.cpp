// Input recordings: every event survives a round trip through the text
// format; bad lines are refused with the line and what was expected.
#include "platform/input_recording.h"

#include <gtest/gtest.h>

#include <fstream>

namespace engine {
namespace {

TEST(InputRecording, EveryKindOfEventSurvivesARoundTrip) {
    std::vector<InputEvent> events;
    auto add = [&](InputEvent e) { events.push_back(e); };
    InputEvent e;
    e.time = 0.25;
    e.kind = InputEvent::Kind::MouseMove;
    e.position = {640.5f, 360.0f};
    add(e);
    e.time = 0.5;
    e.kind = InputEvent::Kind::MouseDown;
    e.button = MouseButton::Right;
    e.modifiers = modifier::Shift | modifier::Control;
    add(e);
    e.kind = InputEvent::Kind::MouseUp;
    e.modifiers = 0;
    add(e);
    e = {};
    e.time = 1.0;
    e.kind = InputEvent::Kind::Scroll;
    e.scroll = {0.0f, -2.0f};
    e.position = {10, 20};
    add(e);
    e = {};
    e.time = 1.5;
    e.kind = InputEvent::Kind::KeyDown;
    e.key = Key::PageUp;
    e.modifiers = modifier::Alt;
    add(e);
    e.kind = InputEvent::Kind::KeyUp;
    e.key = Key::Escape;
    e.modifiers = 0;
    add(e);
    e = {};
    e.time = 2.0;
    e.kind = InputEvent::Kind::Char;
    e.codepoint = 0xE9;  // é
    add(e);
    e = {};
    e.time = 2.25;
    e.kind = InputEvent::Kind::TouchDown;
    e.finger = 7;
    e.position = {900.5f, 400.0f};
    add(e);
    e.kind = InputEvent::Kind::TouchMove;
    e.position = {950.0f, 410.5f};
    add(e);
    e.kind = InputEvent::Kind::TouchUp;
    add(e);
    e.kind = InputEvent::Kind::TouchDown;
    e.finger = 4000000000u;
    add(e);
    e.kind = InputEvent::Kind::TouchCancel;
    add(e);
    e = {};
    e.time = 2.5;
    e.kind = InputEvent::Kind::Close;
    add(e);

    std::string text = "# a comment\n\n";
    for (const InputEvent& event : events) text += formatInputEvent(event) + "\n";
    auto parsed = parseInputRecording(text, "round.trip");
    ASSERT_TRUE(parsed) << parsed.error();
    ASSERT_EQ(parsed->size(), events.size());
    for (size_t i = 0; i < events.size(); ++i) {
        const InputEvent& a = events[i];
        const InputEvent& b = (*parsed)[i];
        EXPECT_EQ(a.kind, b.kind) << i;
        EXPECT_NEAR(a.time, b.time, 1e-6) << i;
        EXPECT_EQ(a.position, b.position) << i;
        EXPECT_EQ(a.scroll, b.scroll) << i;
        EXPECT_EQ(a.button, b.button) << i;
        EXPECT_EQ(a.key, b.key) << i;
        EXPECT_EQ(a.modifiers, b.modifiers) << i;
        EXPECT_EQ(a.codepoint, b.codepoint) << i;
        EXPECT_EQ(a.finger, b.finger) << i;
    }
}

TEST(InputRecording, RecordingsWithoutTouchLinesStillRead) {
    // A recording of the format's first version, as tests/playback holds them.
    auto parsed = parseInputRecording("# v1\n0.5 move 560 350\n0.6 down left 560 350\n0.7 up left 560 350\n5 close\n",
                                      "v1.rec");
    ASSERT_TRUE(parsed) << parsed.error();
    ASSERT_EQ(parsed->size(), 4u);
    EXPECT_EQ((*parsed)[1].kind, InputEvent::Kind::MouseDown);
}

TEST(InputRecording, TouchLinesNameTheLineAndTheField) {
    struct Case {
        const char* text;
        const char* expected;
    };
    const Case cases[] = {
        {"0 touch-down 1 10\n", "rec:1: expected \"touch-down FINGER X Y\""},
        {"0 touch-down one 10 20\n", "rec:1: expected the finger id (field 3)"},
        {"0 touch-down -1 10 20\n", "rec:1: expected the finger id (field 3)"},
        {"0 touch-down 1.5 10 20\n", "rec:1: expected the finger id (field 3)"},
        {"0 touch-down 1 x 20\n", "rec:1: expected X (field 4)"},
        {"0 touch-down 1 10 1e9\n", "rec:1: expected Y (field 5)"},
        {"0 touch-down 1 10 20\n0.1 touch-down 1 10 20\n", "rec:2: expected a finger id (field 3) not already down"},
        {"0 touch-move 3 10 20\n", "rec:1: expected a finger id (field 3) that is down: finger 3"},
        {"0 touch-down 1 10 20\n0.1 touch-up 1 10 20\n0.2 touch-up 1 10 20\n",
         "rec:3: expected a finger id (field 3) that is down"},
        {"0 touch-down 1 10 20\n0.1 touch-cancel 1 10 20\n0.2 touch-move 1 10 20\n",
         "rec:3: expected a finger id (field 3) that is down"},
    };
    for (const Case& c : cases) {
        auto parsed = parseInputRecording(c.text, "rec");
        ASSERT_FALSE(parsed) << c.text;
        EXPECT_EQ(parsed.error().rfind(c.expected, 0), 0u) << parsed.error();
    }
    // A lifted finger's id may touch again.
    auto again = parseInputRecording("0 touch-down 1 10 20\n0.1 touch-up 1 10 20\n0.2 touch-down 1 5 5\n", "rec");
    EXPECT_TRUE(again) << again.error();
}

TEST(InputRecording, KeyNamesAreTheirOwnInverse) {
    for (int k = 1; k < int(Key::Count); ++k) {
        auto back = keyNamed(keyName(Key(k)));
        ASSERT_TRUE(back.has_value()) << keyName(Key(k));
        EXPECT_EQ(int(*back), k);
    }
    EXPECT_FALSE(keyNamed("unknown").has_value());
    EXPECT_FALSE(keyNamed("Escape").has_value());  // names are lower case
}

TEST(InputRecording, BadLinesNameTheLineAndWhatWasExpected) {
    struct Case {
        const char* text;
        const char* expected;
    };
    const Case cases[] = {
        {"0.1 move 10\n", "rec:1: expected \"move X Y\""},
        {"# fine\nsoon move 1 2\n", "rec:2: expected a time in seconds"},
        {"-1 move 1 2\n", "rec:1: expected a time in seconds"},
        {"nan move 1 2\n", "rec:1: expected a time in seconds"},
        {"2 move 1 2\n1 move 1 2\n", "rec:2: expected times that never decrease"},
        {"0 down thumb 1 2\n", "rec:1: expected a button (left, right or middle)"},
        {"0 down left 1 2 hyper\n", "rec:1: expected modifiers joined by '+'"},
        {"0 key-down escap\n", "rec:1: expected a key name"},
        {"0 char 7\n", "rec:1: expected \"char N\""},
        {"0 teleport 1 2\n", "rec:1: expected an event (move, down, up"},
        {"0 move 1e30 2\n", "rec:1: expected \"move X Y\""},
        {"0\n", "rec:1: expected an event after the time"},
        {"0 close now\n", "rec:1: expected nothing after \"close\""},
    };
    for (const Case& c : cases) {
        auto parsed = parseInputRecording(c.text, "rec");
        ASSERT_FALSE(parsed) << c.text;
        EXPECT_EQ(parsed.error().rfind(c.expected, 0), 0u) << parsed.error();
    }
}

TEST(InputRecording, AMissingFileIsAClearError) {
    auto parsed = readInputRecording("/nonexistent/recording.txt");
    ASSERT_FALSE(parsed);
    EXPECT_NE(parsed.error().find("/nonexistent/recording.txt"), std::string::npos);
}

TEST(InputRecording, WindowsLineEndsAndTabsAreAccepted) {
    auto parsed = parseInputRecording("0.0\tmove 1 2\r\n0.5 key-down a\r\n", "crlf");
    ASSERT_TRUE(parsed) << parsed.error();
    EXPECT_EQ(parsed->size(), 2u);
}

}  // namespace
}  // namespace engine
