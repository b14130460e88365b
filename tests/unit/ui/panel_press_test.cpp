// A press on a panel button with no hover before it (a touch screen: the
// finger lands, nothing moved there first) is the panels' alone, decided on
// the press's own frame: the button works and the 3D view behind it does not
// take the press (which would pause a playing tour). A press on the 3D view
// still reaches it at once. The routing of the window loop (visit_runner),
// without GL: the real panels (Overlay), engine::GuiInput and the session.
#include <gtest/gtest.h>
#include <imgui.h>
#include <imgui_internal.h>

#include <vector>

#include "i18n/strings.h"
#include "platform/gui_input.h"
#include "session/visit_session.h"
#include "ui/overlay.h"

#include "../session/test_world.h"

namespace twin {
namespace {

using engine::InputEvent;
using twin::test::box;
using twin::test::boxExtent;

constexpr glm::vec2 kDisplay{1280, 720};

// One floor, a platform, a tour of two stops of 20 s.
VisitContent world() {
    VisitContent content = test::labWorld({.printer = false});
    Tour tour;
    tour.id = "visit";
    tour.title = {"Visite", "Visit"};
    TourStop stop = test::labStop(TourStop::TargetKind::Platform, 20.0f, {"Voici le labo.", "Here is the lab."});
    stop.camera = CameraViewpoint{{0, 1.6f, 6}, {0, 1, 0}};
    tour.stops = {stop, stop};
    content.scene->tours.push_back(tour);
    return content;
}

InputEvent mouse(InputEvent::Kind kind, glm::vec2 at) {
    InputEvent e;
    e.kind = kind;
    e.position = at;
    return e;
}

InputEvent finger(InputEvent::Kind kind, glm::vec2 at, double time) {
    InputEvent e = mouse(kind, at);
    e.finger = 7;
    e.time = time;
    return e;
}

class PanelTouchTest : public ::testing::Test {
protected:
    void SetUp() override {
        unsigned char* pixels = nullptr;
        int width = 0, height = 0;
        ImGui::GetIO().Fonts->GetTexDataAsRGBA32(&pixels, &width, &height);  // builds the font atlas
        session.setViewport(kDisplay);
        engine::Status status = session.load(world(), nullptr);
        ASSERT_TRUE(status) << status.error();
        session.apply(command::StartTour{0});
        ASSERT_TRUE(session.tour() && session.tour()->playing());
        // The panels lay auto-sized windows out over the first frames.
        for (int i = 0; i < 3; ++i) frame({});
    }

    // One turn of the window loop: the events to the session with the
    // panels' capture, then a frame of the panels and their commands.
    void frame(std::vector<InputEvent> events) {
        for (InputEvent& e : events) {
            e.time = clock;
            session.handle(e, overlay.capture(e, gui));
        }
        session.advance(1.0 / 60.0);
        clock += 1.0 / 60.0;
        gui.newFrame(events, kDisplay, {1, 1}, 1.0f / 60.0f);
        ImGui::NewFrame();
        std::vector<UiCommand> commands;
        overlay.build(session.frame().ui, commands);
        ImGui::Render();
        for (const UiCommand& c : commands) session.apply(c);
    }

    // The tour player's "Suivant" button, third of its bottom row.
    glm::vec2 nextButton() const {
        const ImGuiWindow* player = ImGui::FindWindowByName("##tourplayer");
        EXPECT_NE(player, nullptr);
        if (!player) return {};
        const ImGuiStyle& style = ImGui::GetStyle();
        auto width = [&](Text text) {
            return ImGui::CalcTextSize(std::string(tr(text, Language::French)).c_str()).x + 2.0f * style.FramePadding.x;
        };
        const float x = player->Pos.x + style.WindowPadding.x + width(Text::Previous) + style.ItemSpacing.x +
                        width(Text::Pause) + style.ItemSpacing.x + width(Text::Next) * 0.5f;
        const float y = player->Pos.y + player->Size.y - style.WindowPadding.y - ImGui::GetFrameHeight() * 0.5f;
        return {x, y};
    }

    Overlay overlay{1.0f};  // owns the ImGui context: first in, last out
    engine::GuiInput gui;
    VisitSession session{VisitSessionDesc{}};
    double clock = 1.0;
};

TEST_F(PanelTouchTest, AMousePressWithNoMoveBeforeItPressesTheButtonAndLeavesTheTourPlaying) {
    const glm::vec2 next = nextButton();
    ASSERT_EQ(session.tour()->currentStop(), 0u);
    // The pointer is elsewhere (over the 3D view) until the press.
    frame({mouse(InputEvent::Kind::MouseMove, kDisplay * 0.5f)});
    frame({mouse(InputEvent::Kind::MouseDown, next)});
    EXPECT_TRUE(session.tour()->playing()) << "the press reached the 3D view behind the button";
    frame({mouse(InputEvent::Kind::MouseUp, next)});
    frame({});
    EXPECT_TRUE(session.tour()->playing());
    // The button worked: the tour glides on to its second stop.
    for (int i = 0; i < 240; ++i) frame({});
    EXPECT_EQ(session.tour()->currentStop(), 1u);
}

TEST_F(PanelTouchTest, AQuickTapOfAFingerPressesTheButtonAndLeavesTheTourPlaying) {
    const glm::vec2 next = nextButton();
    // Down and up in one turn of the loop (a quick tap on a busy machine).
    frame({finger(InputEvent::Kind::TouchDown, next, clock), finger(InputEvent::Kind::TouchUp, next, clock + 0.05)});
    frame({});
    frame({});
    EXPECT_TRUE(session.tour()->playing()) << "the tap reached the 3D view behind the button";
    for (int i = 0; i < 240; ++i) frame({});
    EXPECT_EQ(session.tour()->currentStop(), 1u);
}

TEST_F(PanelTouchTest, ATouchHeldOverFramesOnTheButtonIsThePanelsToo) {
    const glm::vec2 next = nextButton();
    frame({finger(InputEvent::Kind::TouchDown, next, clock)});
    frame({finger(InputEvent::Kind::TouchUp, next, clock)});
    frame({});
    EXPECT_TRUE(session.tour()->playing());
    for (int i = 0; i < 240; ++i) frame({});
    EXPECT_EQ(session.tour()->currentStop(), 1u);
}

TEST_F(PanelTouchTest, APressOnTheViewPausesTheTourOnItsOwnFrame) {
    // The pointer was over the button in the last frame; the press is on the view.
    frame({mouse(InputEvent::Kind::MouseMove, nextButton())});
    frame({mouse(InputEvent::Kind::MouseMove, kDisplay * 0.5f), mouse(InputEvent::Kind::MouseDown, kDisplay * 0.5f)});
    EXPECT_FALSE(session.tour()->playing());
    frame({mouse(InputEvent::Kind::MouseUp, kDisplay * 0.5f)});
    EXPECT_EQ(session.tour()->currentStop(), 0u);
}

TEST_F(PanelTouchTest, AFingerDraggedOnTheViewPausesTheTour) {
    const glm::vec2 at = kDisplay * 0.5f;
    frame({finger(InputEvent::Kind::TouchDown, at, clock),
           finger(InputEvent::Kind::TouchMove, at + glm::vec2(60, 0), clock + 0.02)});
    EXPECT_FALSE(session.tour()->playing());
    frame({finger(InputEvent::Kind::TouchUp, at + glm::vec2(60, 0), clock)});
}

}  // namespace
}  // namespace twin
