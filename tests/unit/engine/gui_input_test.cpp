// GuiInput feeds ImGui from engine events (no window, no GL): a click whose
// press and release fall in one frame still reaches the panels, and Tab and
// Enter work the panels as Ctrl+Tab and Space do.
#include "platform/gui_input.h"

#include <gtest/gtest.h>
#include <imgui.h>

namespace engine {
namespace {

class GuiInputTest : public ::testing::Test {
protected:
    void SetUp() override {
        ImGui::CreateContext();
        ImGui::GetIO().IniFilename = nullptr;  // no imgui.ini left behind
        unsigned char* pixels = nullptr;
        int width = 0, height = 0;
        ImGui::GetIO().Fonts->GetTexDataAsRGBA32(&pixels, &width, &height);  // builds the font atlas
    }
    void TearDown() override { ImGui::DestroyContext(); }

    // One frame with a button at the top left; true when it was pressed.
    bool frame(GuiInput& input, std::vector<InputEvent> events) {
        input.newFrame(events, {400, 300}, {1, 1}, 1.0f / 60.0f);
        ImGui::NewFrame();
        ImGui::SetNextWindowPos(ImVec2(0, 0));
        ImGui::Begin("panel", nullptr, ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_AlwaysAutoResize);
        bool pressed = ImGui::Button("press me", ImVec2(100, 40));
        ImGui::End();
        ImGui::Render();
        return pressed;
    }
};

InputEvent mouse(InputEvent::Kind kind, glm::vec2 at) {
    InputEvent e;
    e.kind = kind;
    e.position = at;
    return e;
}

TEST_F(GuiInputTest, APressAndReleaseInOneFrameIsStillAClick) {
    GuiInput input;
    const glm::vec2 onButton(40, 20);
    // Auto-sized windows take their size in the first frame: two frames first.
    EXPECT_FALSE(frame(input, {mouse(InputEvent::Kind::MouseMove, onButton)}));
    EXPECT_FALSE(frame(input, {}));
    // Both in one frame: ImGui sees the press now...
    EXPECT_FALSE(frame(input, {mouse(InputEvent::Kind::MouseDown, onButton), mouse(InputEvent::Kind::MouseUp, onButton)}));
    EXPECT_TRUE(input.pending());
    // ...and the release, hence the click, in the next frame.
    EXPECT_TRUE(frame(input, {}));
    EXPECT_FALSE(input.pending());
}

TEST_F(GuiInputTest, WheelAndPositionReachImGui) {
    GuiInput input;
    InputEvent scroll = mouse(InputEvent::Kind::Scroll, {5, 6});
    scroll.scroll = {0, 2};
    input.newFrame(std::vector<InputEvent>{mouse(InputEvent::Kind::MouseMove, {5, 6}), scroll}, {400, 300}, {1, 1},
                   0.016f);
    EXPECT_FLOAT_EQ(ImGui::GetIO().MouseWheel, 2.0f);
    EXPECT_FLOAT_EQ(ImGui::GetIO().MousePos.x, 5.0f);
    EXPECT_FLOAT_EQ(ImGui::GetIO().DisplaySize.x, 400.0f);
}

TEST_F(GuiInputTest, TabMovesBetweenPanelsAndEnterPresses) {
    GuiInput input;
    InputEvent tab;
    tab.kind = InputEvent::Kind::KeyDown;
    tab.key = Key::Tab;
    input.newFrame(std::vector<InputEvent>{tab}, {400, 300}, {1, 1}, 0.016f);
    EXPECT_TRUE(ImGui::GetIO().KeyCtrl);  // Ctrl+Tab is ImGui 1.86's window switch
    InputEvent enter;
    enter.kind = InputEvent::Kind::KeyDown;
    enter.key = Key::Enter;
    InputEvent tabUp = tab;
    tabUp.kind = InputEvent::Kind::KeyUp;
    input.newFrame(std::vector<InputEvent>{tabUp, enter}, {400, 300}, {1, 1}, 0.016f);
    EXPECT_FALSE(ImGui::GetIO().KeysDown[int(Key::Tab)]);
    EXPECT_EQ(ImGui::GetIO().NavInputs[ImGuiNavInput_Activate], 1.0f);
}

}  // namespace
}  // namespace engine

namespace engine {
namespace {

InputEvent keyEvent(Key key, bool down) {
    InputEvent e;
    e.kind = down ? InputEvent::Kind::KeyDown : InputEvent::Kind::KeyUp;
    e.key = key;
    return e;
}

TEST_F(GuiInputTest, ArrowsShowTheKeyboardAndEnterPressesTheButton) {
    GuiInput input;
    auto buttons = [&](std::vector<InputEvent> events) {
        input.newFrame(events, {400, 300}, {1, 1}, 1.0f / 60.0f);
        ImGui::NewFrame();
        ImGui::Begin("keys", nullptr, ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_AlwaysAutoResize);
        bool first = ImGui::Button("first");
        bool second = ImGui::Button("second");
        ImGui::End();
        ImGui::SetWindowFocus("keys");
        ImGui::Render();
        return std::make_pair(first, second);
    };
    buttons({});
    buttons({});
    buttons({keyEvent(Key::Down, true)});
    buttons({keyEvent(Key::Down, false)});
    EXPECT_TRUE(ImGui::GetIO().NavVisible);
    bool pressed = false;
    for (auto events : {std::vector<InputEvent>{keyEvent(Key::Enter, true)}, std::vector<InputEvent>{},
                        std::vector<InputEvent>{keyEvent(Key::Enter, false)}, std::vector<InputEvent>{}}) {
        auto [first, second] = buttons(events);
        pressed = pressed || first || second;
    }
    EXPECT_TRUE(pressed);
}

}  // namespace
}  // namespace engine

namespace engine {
namespace {

InputEvent touch(InputEvent::Kind kind, uint32_t finger, glm::vec2 at) {
    InputEvent e;
    e.kind = kind;
    e.finger = finger;
    e.position = at;
    return e;
}

TEST_F(GuiInputTest, ATapOfTheFirstFingerPressesAButton) {
    GuiInput input;
    const glm::vec2 onButton(40, 20);
    EXPECT_FALSE(frame(input, {}));
    EXPECT_FALSE(frame(input, {}));
    // No hover before: the finger lands and lifts in one frame.
    EXPECT_FALSE(frame(input, {touch(InputEvent::Kind::TouchDown, 3, onButton),
                               touch(InputEvent::Kind::TouchUp, 3, onButton)}));
    EXPECT_TRUE(frame(input, {}));
    // The lifted finger hovers nothing any more.
    frame(input, {});
    EXPECT_LT(ImGui::GetIO().MousePos.x, -1e30f);
    EXPECT_FALSE(ImGui::GetIO().WantCaptureMouse);
}

TEST_F(GuiInputTest, OnlyTheFirstFingerIsTheMouseAndACancelPressesNothing) {
    GuiInput input;
    const glm::vec2 onButton(40, 20), away(300, 250);
    frame(input, {});
    frame(input, {});
    // Finger 1 away from the button, finger 2 on it: finger 2 is not the mouse.
    EXPECT_FALSE(frame(input, {touch(InputEvent::Kind::TouchDown, 1, away),
                               touch(InputEvent::Kind::TouchDown, 2, onButton)}));
    EXPECT_FLOAT_EQ(ImGui::GetIO().MousePos.x, away.x);
    EXPECT_FALSE(frame(input, {touch(InputEvent::Kind::TouchUp, 2, onButton)}));
    EXPECT_TRUE(ImGui::GetIO().MouseDown[0]);
    EXPECT_FALSE(frame(input, {touch(InputEvent::Kind::TouchUp, 1, away)}));
    EXPECT_FALSE(ImGui::GetIO().MouseDown[0]);
    // On the button, then cancelled: no click.
    EXPECT_FALSE(frame(input, {touch(InputEvent::Kind::TouchDown, 5, onButton)}));
    EXPECT_FALSE(frame(input, {touch(InputEvent::Kind::TouchCancel, 5, onButton)}));
    EXPECT_FALSE(frame(input, {}));
    // The same, lifted: a click.
    EXPECT_FALSE(frame(input, {touch(InputEvent::Kind::TouchDown, 6, onButton)}));
    EXPECT_TRUE(frame(input, {touch(InputEvent::Kind::TouchUp, 6, onButton)}));
}

// Whether the panels take a press is known before ImGui sees it, from the
// panels of the last frame at the press's position: a press with no hover
// before it (a touch) is theirs on its own frame, one elsewhere is not, even
// while the last frame's pointer hovered a panel.
TEST_F(GuiInputTest, APressIsThePanelsWhereAPanelLiesUnderIt) {
    GuiInput input;
    const glm::vec2 onButton(40, 20), away(300, 250);
    frame(input, {});
    frame(input, {});
    EXPECT_FALSE(ImGui::GetIO().WantCaptureMouse);  // nothing hovered yet
    EXPECT_TRUE(input.takesPointer(mouse(InputEvent::Kind::MouseDown, onButton)));
    EXPECT_TRUE(input.takesPointer(touch(InputEvent::Kind::TouchDown, 1, onButton)));
    EXPECT_FALSE(input.takesPointer(mouse(InputEvent::Kind::MouseDown, away)));
    EXPECT_FALSE(input.takesPointer(touch(InputEvent::Kind::TouchDown, 1, away)));
    // The pointer over the panel: a press away from it is still not theirs;
    // other events keep ImGui's answer of the last frame.
    frame(input, {mouse(InputEvent::Kind::MouseMove, onButton)});
    EXPECT_TRUE(ImGui::GetIO().WantCaptureMouse);
    EXPECT_FALSE(input.takesPointer(mouse(InputEvent::Kind::MouseDown, away)));
    EXPECT_TRUE(input.takesPointer(mouse(InputEvent::Kind::MouseMove, away)));
}

TEST_F(GuiInputTest, AnOpenPopupTakesEveryPress) {
    GuiInput input;
    const glm::vec2 away(300, 250);
    input.newFrame({}, {400, 300}, {1, 1}, 1.0f / 60.0f);
    ImGui::NewFrame();
    ImGui::OpenPopup("menu");
    if (ImGui::BeginPopup("menu")) {
        ImGui::TextUnformatted("item");
        ImGui::EndPopup();
    }
    ImGui::Render();
    // (ImGui closes a popup on a press outside it, and keeps that press.)
    EXPECT_TRUE(input.takesPointer(mouse(InputEvent::Kind::MouseDown, away)));
}

}  // namespace
}  // namespace engine
