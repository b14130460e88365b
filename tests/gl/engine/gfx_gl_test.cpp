// Tests of the gfx layer that need a real GL context (headless EGL, llvmpipe).
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "gfx/buffer.h"
#include "gfx/device.h"
#include "gfx/gl_api.h"
#include "gfx/framebuffer.h"
#include "gfx/shader.h"
#include "gfx/texture.h"
#include "gl_test_context.h"

namespace engine::gfx {
namespace {

TEST(GfxGL, HandlesMoveAndLeaveTheSourceEmpty) {
    const float data[] = {1, 2, 3};
    Buffer a(BufferKind::Vertex, data, sizeof data);
    unsigned int id = a.id();
    ASSERT_NE(id, 0u);
    Buffer b(std::move(a));
    EXPECT_EQ(b.id(), id);
    EXPECT_EQ(a.id(), 0u);  // NOLINT: the moved-from state is part of the contract
    Buffer c;
    c = std::move(b);
    EXPECT_EQ(c.id(), id);
    EXPECT_FALSE(bool(b));
    EXPECT_EQ(takeErrors(), "");
}

TEST(GfxGL, ClearAndReadBackComeOutTopRowFirst) {
    Texture2D color(TextureDesc{8, 4, TextureFormat::Rgba8, TextureFilter::Nearest});
    Framebuffer target(&color, nullptr);
    ASSERT_TRUE(target.complete());
    bindFramebuffer(&target, 8, 4);
    clear({1.0f, 0.0f, 0.0f, 1.0f}, true, false);
    Image image = readPixels(&target, 8, 4);
    ASSERT_EQ(image.width, 8);
    ASSERT_EQ(image.height, 4);
    EXPECT_EQ(image.pixel(0, 0)[0], 255);
    EXPECT_EQ(image.pixel(7, 3)[1], 0);
    EXPECT_EQ(takeErrors(), "");
}

TEST(GfxGL, ShaderErrorsNameTheFileAndLine) {
    auto dir = std::filesystem::temp_directory_path() / ("twin_shader_test_" + std::to_string(::getpid()));
    std::filesystem::create_directories(dir);
    std::ofstream(dir / "ok.vert") << "void main() { gl_Position = vec4(0.0); }\n";
    std::ofstream(dir / "helpers.glsl") << "float helper() { return 1.0; }\n";
    std::ofstream(dir / "broken.frag") << "#include \"helpers.glsl\"\nout vec4 color;\nvoid main() {\n"
                                          "    color = vec4(undefinedThing, 1.0);\n}\n";
    Result<ShaderProgram> program = ShaderProgram::fromFiles({dir / "ok.vert", dir / "broken.frag", {}});
    ASSERT_FALSE(program.ok());
    EXPECT_NE(program.error().find("broken.frag:4:"), std::string::npos) << program.error();

    std::ofstream(dir / "good.frag") << "#include \"helpers.glsl\"\nout vec4 color;\nvoid main() { color = vec4(helper()); }\n";
    Result<ShaderProgram> good = ShaderProgram::fromFiles({dir / "ok.vert", dir / "good.frag", {}});
    EXPECT_TRUE(good.ok()) << good.error();

    Result<ShaderProgram> missing = ShaderProgram::fromFiles({dir / "ok.vert", dir / "absent.frag", {}});
    ASSERT_FALSE(missing.ok());
    EXPECT_NE(missing.error().find("absent.frag"), std::string::npos);
    std::filesystem::remove_all(dir);
}

TEST(GfxGL, MipChainUploadsEveryLevel) {
    std::vector<uint8_t> level0(4 * 4 * 4, 200), level1(2 * 2 * 4, 100), level2(4, 50);
    TextureDesc desc{4, 4, TextureFormat::Srgb8Alpha8, TextureFilter::Trilinear, TextureWrap::Repeat, 4.0f};
    Texture2D texture(desc, {level0.data(), level1.data(), level2.data()});
    EXPECT_TRUE(bool(texture));
    EXPECT_EQ(texture.byteSize(), size_t(64 + 16 + 4));
    EXPECT_EQ(takeErrors(), "");
}

// A chain whose sizes are not powers of two, read back level by level, and
// allocated once for all its levels (immutable storage: level by level,
// Mesa kept two copies of each texture).
TEST(GfxGL, MipChainIsStoredOnceAndReadsBackLevelByLevel) {
    const int sizes[3][2] = {{5, 3}, {2, 1}, {1, 1}};
    std::vector<std::vector<uint8_t>> levels;
    for (int l = 0; l < 3; ++l) {
        std::vector<uint8_t> pixels(size_t(sizes[l][0] * sizes[l][1] * 4));
        for (size_t i = 0; i < pixels.size(); ++i) pixels[i] = uint8_t(37 * l + 11 * i);
        levels.push_back(pixels);
    }
    TextureDesc desc{5, 3, TextureFormat::Rgba8, TextureFilter::Trilinear, TextureWrap::Repeat, 1.0f};
    Texture2D texture(desc, {levels[0].data(), levels[1].data(), levels[2].data()});
    ASSERT_TRUE(bool(texture));
    glBindTexture(GL_TEXTURE_2D, texture.id());
    GLint immutable = GL_FALSE;
    glGetTexParameteriv(GL_TEXTURE_2D, GL_TEXTURE_IMMUTABLE_FORMAT, &immutable);
    EXPECT_EQ(immutable, GL_TRUE);
    glPixelStorei(GL_PACK_ALIGNMENT, 1);
    for (int l = 0; l < 3; ++l) {
        std::vector<uint8_t> read(levels[size_t(l)].size(), 0);
        glGetTexImage(GL_TEXTURE_2D, l, GL_RGBA, GL_UNSIGNED_BYTE, read.data());
        EXPECT_EQ(read, levels[size_t(l)]) << "level " << l;
    }
    glBindTexture(GL_TEXTURE_2D, 0);
    EXPECT_EQ(takeErrors(), "");
}

}  // namespace
}  // namespace engine::gfx

int main(int argc, char** argv) {
    ::testing::InitGoogleTest(&argc, argv);
    ::testing::AddGlobalTestEnvironment(new engine::testing::GlEnvironment);
    return RUN_ALL_TESTS();
}
