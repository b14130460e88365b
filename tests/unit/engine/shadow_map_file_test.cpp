// The shadow map kept between runs: what is read back is what was written,
// and a file drawn for something else, cut short or damaged is refused with
// a message naming it, never read as shadows.
#include <gtest/gtest.h>

#include <fstream>
#include <thread>
#include <unistd.h>

#include "render/shadow_map_file.h"

namespace engine {
namespace {

class ShadowMapFile : public ::testing::Test {
protected:
    void SetUp() override {
        dir_ = std::filesystem::temp_directory_path() /
               ("shadow-map-file-test-" + std::to_string(::getpid()) + "-" +
                ::testing::UnitTest::GetInstance()->current_test_info()->name());
        std::filesystem::remove_all(dir_);
    }
    void TearDown() override { std::filesystem::remove_all(dir_); }

    static ShadowMapImage ramp(uint64_t key, int width, int height) {
        ShadowMapImage image{key, width, height, {}};
        for (int i = 0; i < width * height; ++i) image.depths.push_back(uint16_t(i * 37));
        return image;
    }
    std::filesystem::path dir_;
};

TEST_F(ShadowMapFile, ReadsBackWhatWasWritten) {
    const ShadowMapImage image = ramp(0x1234, 16, 8);
    const std::filesystem::path file = shadowMapFileName(dir_, image.key);
    ASSERT_TRUE(writeShadowMapFile(file, image).ok());
    Result<ShadowMapImage> read = readShadowMapFile(file, 0x1234, 16, 8);
    ASSERT_TRUE(read.ok()) << read.error();
    EXPECT_EQ(read->depths, image.depths);
    EXPECT_EQ(file.filename(), "shadows-0000000000001234.depth");
}

TEST_F(ShadowMapFile, RefusesAnotherKeyOrSize) {
    const ShadowMapImage image = ramp(7, 16, 8);
    const std::filesystem::path file = shadowMapFileName(dir_, 7);
    ASSERT_TRUE(writeShadowMapFile(file, image).ok());
    Result<ShadowMapImage> otherKey = readShadowMapFile(file, 8, 16, 8);
    ASSERT_FALSE(otherKey.ok());
    EXPECT_NE(otherKey.error().find(file.string()), std::string::npos) << otherKey.error();
    EXPECT_NE(otherKey.error().find("another scene or size"), std::string::npos) << otherKey.error();
    Result<ShadowMapImage> otherSize = readShadowMapFile(file, 7, 8, 16);  // same byte count, other shape
    ASSERT_FALSE(otherSize.ok());
    EXPECT_NE(otherSize.error().find("another scene or size"), std::string::npos) << otherSize.error();
}

TEST_F(ShadowMapFile, RefusesATruncatedOrDamagedFile) {
    const ShadowMapImage image = ramp(9, 16, 8);
    const std::filesystem::path file = shadowMapFileName(dir_, 9);
    ASSERT_TRUE(writeShadowMapFile(file, image).ok());
    const auto size = std::filesystem::file_size(file);

    {  // one depth changed in the middle
        std::fstream f(file, std::ios::in | std::ios::out | std::ios::binary);
        f.seekp(std::streamoff(size / 2));
        f.put('\x55');
    }
    Result<ShadowMapImage> damaged = readShadowMapFile(file, 9, 16, 8);
    ASSERT_FALSE(damaged.ok());
    EXPECT_NE(damaged.error().find("checksum"), std::string::npos) << damaged.error();

    std::filesystem::resize_file(file, size - 10);
    Result<ShadowMapImage> truncated = readShadowMapFile(file, 9, 16, 8);
    ASSERT_FALSE(truncated.ok());
    EXPECT_NE(truncated.error().find("truncated"), std::string::npos) << truncated.error();

    Result<ShadowMapImage> absent = readShadowMapFile(dir_ / "none.depth", 9, 16, 8);
    ASSERT_FALSE(absent.ok());
    EXPECT_NE(absent.error().find("none.depth"), std::string::npos) << absent.error();
}

TEST_F(ShadowMapFile, RefusesToWriteDepthsThatDoNotFitTheSize) {
    ShadowMapImage image = ramp(3, 16, 8);
    image.depths.pop_back();
    EXPECT_FALSE(writeShadowMapFile(shadowMapFileName(dir_, 3), image).ok());
    EXPECT_FALSE(std::filesystem::exists(shadowMapFileName(dir_, 3)));
}

TEST_F(ShadowMapFile, KeepsOnlyTheNewestFewFiles) {
    for (uint64_t key = 1; key <= 5; ++key) {
        ASSERT_TRUE(writeShadowMapFile(shadowMapFileName(dir_, key), ramp(key, 4, 4)).ok());
        std::this_thread::sleep_for(std::chrono::milliseconds(15));  // distinct modification times
    }
    std::ofstream(dir_ / "other-file.depth") << "not ours";
    EXPECT_FALSE(std::filesystem::exists(shadowMapFileName(dir_, 1)));
    EXPECT_FALSE(std::filesystem::exists(shadowMapFileName(dir_, 2)));
    for (uint64_t key = 3; key <= 5; ++key) EXPECT_TRUE(std::filesystem::exists(shadowMapFileName(dir_, key))) << key;
    EXPECT_TRUE(std::filesystem::exists(dir_ / "other-file.depth"));
}

}  // namespace
}  // namespace engine
