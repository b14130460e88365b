#pragma once
// Draws Dear ImGui's frame with its OpenGL3 backend (which calls GL, so it
// lives in gfx). The caller owns the ImGui context.
struct ImDrawData;

namespace engine::gfx {

class GuiRenderer {
public:
    GuiRenderer();
    ~GuiRenderer();
    GuiRenderer(const GuiRenderer&) = delete;
    GuiRenderer& operator=(const GuiRenderer&) = delete;

    bool ready() const { return ready_; }
    void newFrame();
    void render(ImDrawData* drawData);

private:
    bool ready_ = false;
};

}  // namespace engine::gfx
