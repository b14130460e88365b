// Floor overlays (Renderer::setFloorOverlays): what the pixels must hold,
// measured on small renders seen straight from above through an orthographic
// camera (one pixel = 10/64 m), FXAA off so pixels are exact. Headless EGL,
// llvmpipe. The golden image floor_overlays shows the look.
#include <gtest/gtest.h>

#include <cmath>

#include <glm/gtc/matrix_transform.hpp>

#include "gfx/device.h"
#include "render/renderer.h"

namespace engine {
namespace {

constexpr glm::ivec2 kSize{64, 48};

// One flat box: a floor slab whose top is at y = 0, or a block on it.
ModelData boxModel(glm::vec3 low, glm::vec3 high) {
    ModelData model;
    MeshData mesh;
    for (int i = 0; i < 8; ++i) {
        Vertex v;
        v.position = glm::vec3((i & 1) ? high.x : low.x, (i & 2) ? high.y : low.y, (i & 4) ? high.z : low.z);
        v.normal = glm::normalize(v.position - (low + high) * 0.5f);
        mesh.vertices.push_back(v);
        mesh.bounds.expand(v.position);
    }
    // Counter-clockwise seen from outside.
    mesh.indices = {0, 1, 5, 0, 5, 4, 2, 6, 7, 2, 7, 3, 0, 4, 6, 0, 6, 2, 1, 3, 7, 1, 7, 5, 0, 2, 3, 0, 3, 1, 4, 5, 7, 4, 7, 6};
    model.meshes.push_back(mesh);
    model.materials.push_back(MaterialData{});
    model.nodes.push_back(NodeData{"root", -1, glm::mat4(1.0f), {0}});
    return model;
}

std::vector<glm::vec2> rectangle(glm::vec2 low, glm::vec2 high) {
    return {low, {high.x, low.y}, high, {low.x, high.y}};
}

float luminance(const uint8_t* p) { return 0.2126f * p[0] + 0.7152f * p[1] + 0.0722f * p[2]; }

int srgbByte(float linear) {
    float c = std::clamp(linear, 0.0f, 1.0f);
    float encoded = c <= 0.0031308f ? c * 12.92f : 1.055f * std::pow(c, 1.0f / 2.4f) - 0.055f;
    return int(std::lround(encoded * 255.0f));
}

class FloorOverlayGL : public ::testing::Test {
protected:
    void SetUp() override {
        auto renderer = Renderer::create({std::filesystem::path(TWIN_SHADER_DIR)});
        ASSERT_TRUE(renderer.ok()) << renderer.error();
        renderer_ = std::move(renderer).value();
        renderer_->setOutputOffscreen(kSize);
        renderer_->options().fxaa = false;
        renderer_->options().shadows = false;
        renderer_->options().ground = false;
        // Straight down on the origin, x to the right, -z up the image; 10 m across.
        camera_.view = glm::lookAt(glm::vec3(0, 20, 0), glm::vec3(0, 0, 0), glm::vec3(0, 0, -1));
        camera_.projection = glm::ortho(-5.0f, 5.0f, -3.75f, 3.75f, 1.0f, 60.0f);
        camera_.position = glm::vec3(0, 20, 0);
    }
    Image render(FrameStats* stats = nullptr) {
        FrameStats s = renderer_->render(camera_);
        if (stats) *stats = s;
        return renderer_->readOutput();
    }
    // The pixel over world (x, z) on the floor.
    static glm::ivec2 pixelAt(float x, float z) {
        return {int((x + 5.0f) / 10.0f * float(kSize.x)), int((z + 3.75f) / 7.5f * float(kSize.y))};
    }
    std::unique_ptr<Renderer> renderer_;
    Camera camera_;
};

TEST_F(FloorOverlayGL, NoOverlaysAddNoDraw) {
    FrameStats before;
    render(&before);
    EXPECT_EQ(before.overlayTriangles, 0u);
    renderer_->setFloorOverlays({FloorOverlay{rectangle({-1, -1}, {1, 1})}});
    FrameStats with;
    render(&with);
    EXPECT_EQ(with.drawCalls, before.drawCalls + 1);
    renderer_->setFloorOverlays({});
    FrameStats after;
    render(&after);
    EXPECT_EQ(after.drawCalls, before.drawCalls);
    EXPECT_EQ(after.overlayTriangles, 0u);
    EXPECT_EQ(gfx::takeErrors(), "");
}

TEST_F(FloorOverlayGL, CountsTrianglesAndSkipsDegenerateOutlines) {
    FloorOverlay square{rectangle({-1, -1}, {1, 1})};
    square.border = false;
    FloorOverlay bordered = square;
    bordered.border = true;
    FloorOverlay lShape{{{0, 0}, {2, 0}, {2, 1}, {1, 1}, {1, 2}, {0, 2}}};
    lShape.border = false;
    const float nan = std::nanf("");
    FloorOverlay twoPoints{{{0, 0}, {1, 0}}};
    FloorOverlay flat{{{0, 0}, {1, 0}, {2, 0}}};
    FloorOverlay notFinite{{{0, 0}, {nan, 0}, {1, 1}}};
    FloorOverlay noHeight{rectangle({-1, -1}, {1, 1})};
    noHeight.height = nan;
    FloorOverlay badNumbers{rectangle({-1, -1}, {1, 1})};
    badNumbers.colour = glm::vec4(nan, -3.0f, 40.0f, nan);
    badNumbers.patternScale = nan;
    badNumbers.pattern = OverlayPattern(77);
    badNumbers.border = false;

    FrameStats stats;
    renderer_->setFloorOverlays({square});
    render(&stats);
    EXPECT_EQ(stats.overlayTriangles, 2u);
    renderer_->setFloorOverlays({bordered});
    render(&stats);
    EXPECT_EQ(stats.overlayTriangles, 2u + 4 * 2);  // a strip of two triangles along each side
    renderer_->setFloorOverlays({square, lShape, twoPoints, flat, notFinite, noHeight, badNumbers});
    render(&stats);
    EXPECT_EQ(stats.overlayTriangles, 2u + 4 + 2);  // the square, the L, the bad numbers clamped
    renderer_->setFloorOverlays({twoPoints, flat, notFinite});
    render(&stats);
    EXPECT_EQ(stats.overlayTriangles, 0u);
    EXPECT_EQ(gfx::takeErrors(), "");
}

TEST_F(FloorOverlayGL, OpaqueOverlayShowsTheColourAskedFor) {
    // Not lit, not tone-mapped: the sRGB encoding of the linear colour, as a
    // UI swatch of it shows, even with the sun and exposure changed.
    renderer_->lighting().exposure = 2.5f;
    FloorOverlay overlay{rectangle({-4, -3}, {4, 3})};
    overlay.colour = glm::vec4(0.05f, 0.4f, 0.8f, 1.0f);
    overlay.border = false;
    renderer_->setFloorOverlays({overlay});
    Image image = render();
    glm::ivec2 p = pixelAt(0.3f, -0.2f);
    const uint8_t* pixel = image.pixel(p.x, p.y);
    EXPECT_NEAR(pixel[0], srgbByte(0.05f), 1);
    EXPECT_NEAR(pixel[1], srgbByte(0.4f), 1);
    EXPECT_NEAR(pixel[2], srgbByte(0.8f), 1);
    EXPECT_EQ(gfx::takeErrors(), "");
}

TEST_F(FloorOverlayGL, TranslucentOverlayBlendsOverWhatIsBelow) {
    // Over the sky here (no floor): the overlay comes after it, so it shows.
    glm::ivec2 p = pixelAt(1.0f, 1.0f);
    Image bare = render();
    FloorOverlay overlay{rectangle({-4, -3}, {4, 3})};
    overlay.colour = glm::vec4(1.0f, 0.2f, 0.0f, 0.4f);
    overlay.border = false;
    renderer_->setFloorOverlays({overlay});
    Image tinted = render();
    const int expected[3] = {srgbByte(1.0f), srgbByte(0.2f), srgbByte(0.0f)};
    for (int c = 0; c < 3; ++c)
        EXPECT_NEAR(tinted.pixel(p.x, p.y)[c], 0.4f * expected[c] + 0.6f * bare.pixel(p.x, p.y)[c], 2.0f) << c;
}

TEST_F(FloorOverlayGL, LiesOnItsFloorAndHidesBehindWhatStandsOnIt) {
    // A floor slab with its top exactly at the overlay's height, and a block
    // standing on it in the middle, seen at a grazing angle where depth
    // precision is worst.
    auto floor = std::make_shared<GpuModel>(boxModel({-30, -0.3f, -30}, {30, 0, 30}));
    auto block = std::make_shared<GpuModel>(boxModel({-2, 0, -0.5f}, {2, 3, 0.5f}));
    renderer_->setScene({SceneModel{floor, glm::mat4(1.0f), true, {}, {}}, SceneModel{block, glm::mat4(1.0f), true, {}, {}}});
    FloorOverlay overlay{rectangle({-25, -25}, {25, 25})};
    overlay.colour = glm::vec4(0.0f, 0.0f, 1.0f, 1.0f);
    overlay.border = false;
    renderer_->setFloorOverlays({overlay});
    camera_.position = glm::vec3(0, 1.2f, 12);
    camera_.view = glm::lookAt(camera_.position, glm::vec3(0, 1.2f, 0), glm::vec3(0, 1, 0));
    camera_.projection = glm::perspective(glm::radians(50.0f), 64.0f / 48.0f, 0.1f, 200.0f);
    Image image = render();
    int overlayPixels = 0, floorPixels = 0;
    const int blue = srgbByte(1.0f);
    // Rows below the block, where the floor is seen at a grazing angle: all
    // overlay, none of the floor's grey.
    for (int y = 28; y < kSize.y; ++y)
        for (int x = 0; x < kSize.x; ++x) {
            const uint8_t* p = image.pixel(x, y);
            bool isOverlay = p[0] <= 1 && p[1] <= 1 && p[2] >= blue - 1;
            overlayPixels += isOverlay;
            floorPixels += !isOverlay;
        }
    EXPECT_EQ(floorPixels, 0) << overlayPixels << " overlay pixels";
    // The block's front face, rows 16 to 27 in the middle, hides the overlay
    // beyond it (which would show from row 24 down), though the overlay is
    // drawn after the block.
    for (int y = 18; y <= 26; ++y) {
        const uint8_t* p = image.pixel(kSize.x / 2, y);
        EXPECT_FALSE(p[0] <= 1 && p[1] <= 1) << "row " << y;
    }
    EXPECT_EQ(gfx::takeErrors(), "");
}

TEST_F(FloorOverlayGL, BorderIsOpaqueAlongTheOutline) {
    FloorOverlay overlay{rectangle({-3, -2}, {3, 2})};
    overlay.colour = glm::vec4(0.9f, 0.6f, 0.1f, 0.3f);
    overlay.border = true;
    renderer_->setFloorOverlays({overlay});
    Image image = render();
    const int expected[3] = {srgbByte(0.9f), srgbByte(0.6f), srgbByte(0.1f)};
    auto isOpaqueColour = [&](glm::ivec2 p) {
        const uint8_t* pixel = image.pixel(p.x, p.y);
        for (int c = 0; c < 3; ++c)
            if (std::abs(pixel[c] - expected[c]) > 2) return false;
        return true;
    };
    // The first pixel inside each side is the colour itself; the middle is not.
    EXPECT_TRUE(isOpaqueColour(pixelAt(-3.0f + 0.08f, 0.0f)));
    EXPECT_TRUE(isOpaqueColour(pixelAt(3.0f - 0.08f, 0.0f)));
    EXPECT_TRUE(isOpaqueColour(pixelAt(0.0f, -2.0f + 0.08f)));
    EXPECT_TRUE(isOpaqueColour(pixelAt(0.0f, 2.0f - 0.08f)));
    EXPECT_FALSE(isOpaqueColour(pixelAt(0.0f, 0.0f)));
    EXPECT_FALSE(isOpaqueColour(pixelAt(-3.0f + 0.7f, 0.0f)));
    // Outside the outline, nothing.
    renderer_->setFloorOverlays({});
    Image bare = render();
    glm::ivec2 outside = pixelAt(-3.4f, 0.0f);
    for (int c = 0; c < 3; ++c) EXPECT_EQ(image.pixel(outside.x, outside.y)[c], bare.pixel(outside.x, outside.y)[c]);
}

TEST_F(FloorOverlayGL, PatternsReadWithoutColour) {
    // One light and one dark colour; each pattern seen with about 6.4 pixels a
    // period. In lightness alone, the patterns must show and the solid fill must not.
    for (glm::vec4 colour : {glm::vec4(0.9f, 0.85f, 0.2f, 0.7f), glm::vec4(0.05f, 0.02f, 0.2f, 0.7f)}) {
        float range[4] = {};
        for (int pattern = 0; pattern < 4; ++pattern) {
            FloorOverlay overlay{rectangle({-4, -3}, {4, 3})};
            overlay.colour = colour;
            overlay.pattern = OverlayPattern(pattern);
            overlay.patternScale = 1.0f;
            overlay.border = false;
            renderer_->setFloorOverlays({overlay});
            Image image = render();
            float low = 255.0f, high = 0.0f;
            for (int y = 10; y < 38; ++y)
                for (int x = 12; x < 52; ++x) {
                    low = std::min(low, luminance(image.pixel(x, y)));
                    high = std::max(high, luminance(image.pixel(x, y)));
                }
            range[pattern] = high - low;
        }
        EXPECT_LT(range[int(OverlayPattern::Solid)], 2.0f);
        for (OverlayPattern p : {OverlayPattern::Stripes, OverlayPattern::Dots, OverlayPattern::Crosshatch})
            EXPECT_GT(range[int(p)], 60.0f) << "pattern " << int(p) << " colour " << colour.r;
    }
}

TEST_F(FloorOverlayGL, DistantPatternsFadeToAnEvenTint) {
    // Stripes 5 cm apart seen at 15 cm a pixel: unfiltered, they would alias
    // into bands; filtered, the area is one even tint.
    FloorOverlay overlay{rectangle({-4, -3}, {4, 3})};
    overlay.colour = glm::vec4(0.9f, 0.85f, 0.2f, 0.7f);
    overlay.pattern = OverlayPattern::Stripes;
    overlay.patternScale = 0.05f;
    overlay.border = false;
    renderer_->setFloorOverlays({overlay});
    Image image = render();
    float low = 255.0f, high = 0.0f;
    for (int y = 10; y < 38; ++y)
        for (int x = 12; x < 52; ++x) {
            low = std::min(low, luminance(image.pixel(x, y)));
            high = std::max(high, luminance(image.pixel(x, y)));
        }
    EXPECT_LT(high - low, 4.0f);
}

}  // namespace
}  // namespace engine
