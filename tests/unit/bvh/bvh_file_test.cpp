// The picking BVH kept between runs: read back, it answers as the one built;
// a file built from other triangles, cut short, damaged or forged is refused
// with a message naming it, and the BVH is then built again.
#include "scene/bvh_file.h"

#include <gtest/gtest.h>

#include <cstring>
#include <fstream>
#include <limits>
#include <unistd.h>

#include "test_geometry.h"

namespace engine {
namespace {

constexpr float kInf = std::numeric_limits<float>::infinity();

class BvhFile : public ::testing::Test {
protected:
    void SetUp() override {
        dir_ = std::filesystem::temp_directory_path() /
               ("bvh-file-test-" + std::to_string(::getpid()) + "-" +
                ::testing::UnitTest::GetInstance()->current_test_info()->name());
        std::filesystem::remove_all(dir_);
    }
    void TearDown() override { std::filesystem::remove_all(dir_); }

    // Enough triangles to be kept (20,000 and more).
    const std::vector<BvhTriangle> soup_ = test::makeTriangleSoup(24000, 30.0f, 1.0f, 77);
    std::filesystem::path dir_;
};

std::vector<char> bytesOf(const std::filesystem::path& file) {
    std::ifstream in(file, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

void writeBytes(const std::filesystem::path& file, const std::vector<char>& bytes) {
    std::ofstream(file, std::ios::binary | std::ios::trunc).write(bytes.data(), std::streamsize(bytes.size()));
}

TEST_F(BvhFile, ReadBackItAnswersAsTheOneBuilt) {
    const uint64_t key = bvhKey(soup_);
    const std::filesystem::path file = bvhFileName(dir_, key);
    const TriangleBvh built = TriangleBvh::build(soup_);
    ASSERT_TRUE(writeBvhFile(file, key, built).ok());
    Result<TriangleBvh> read = readBvhFile(file, {key, soup_.size()});
    ASSERT_TRUE(read.ok()) << read.error();
    EXPECT_EQ(read->nodeCount(), built.nodeCount());
    EXPECT_EQ(read->depth(), built.depth());
    EXPECT_EQ(read->triangleCount(), built.triangleCount());
    test::TestRandom random(5);
    int hits = 0;
    for (int i = 0; i < 500; ++i) {
        const Ray ray{random.inBox(glm::vec3(-35.0f), glm::vec3(35.0f)), random.direction()};
        std::optional<RayHit> a = built.raycast(ray, kInf), b = read->raycast(ray, kInf);
        ASSERT_EQ(a.has_value(), b.has_value()) << "ray " << i;
        if (!a) continue;
        ++hits;
        EXPECT_EQ(a->triangleIndex, b->triangleIndex);
        EXPECT_EQ(a->distance, b->distance);
    }
    EXPECT_GT(hits, 50);
}

TEST_F(BvhFile, IsKeptOnceAndReadAfterwards) {
    bool fromFile = true;
    std::string problem;
    TriangleBvh first = loadOrBuildBvh(soup_, dir_, &problem, &fromFile);
    EXPECT_FALSE(fromFile);
    EXPECT_EQ(problem, "");
    EXPECT_TRUE(std::filesystem::exists(bvhFileName(dir_, bvhKey(soup_))));
    TriangleBvh second = loadOrBuildBvh(soup_, dir_, &problem, &fromFile);
    EXPECT_TRUE(fromFile);
    EXPECT_EQ(problem, "");
    EXPECT_EQ(second.nodeCount(), first.nodeCount());
    // Other triangles (one moved): another key, another file.
    std::vector<BvhTriangle> moved = soup_;
    moved[100].v0.x += 0.5f;
    EXPECT_NE(bvhKey(moved), bvhKey(soup_));
    loadOrBuildBvh(moved, dir_, &problem, &fromFile);
    EXPECT_FALSE(fromFile);
}

TEST_F(BvhFile, SmallSetsAreBuiltNotKept) {
    const std::vector<BvhTriangle> few = test::makeTriangleSoup(500, 10.0f, 1.0f, 3);
    bool fromFile = true;
    TriangleBvh bvh = loadOrBuildBvh(few, dir_, nullptr, &fromFile);
    EXPECT_FALSE(fromFile);
    EXPECT_EQ(bvh.triangleCount(), few.size());
    EXPECT_FALSE(std::filesystem::exists(dir_));
}

TEST_F(BvhFile, DamagedFilesAreRefusedAndTheBvhBuiltAgain) {
    const uint64_t key = bvhKey(soup_);
    const std::filesystem::path file = bvhFileName(dir_, key);
    ASSERT_TRUE(writeBvhFile(file, key, TriangleBvh::build(soup_)).ok());
    const std::vector<char> good = bytesOf(file);

    std::vector<char> cut(good.begin(), good.end() - 1000);
    writeBytes(file, cut);
    Result<TriangleBvh> read = readBvhFile(file, {key, soup_.size()});
    ASSERT_FALSE(read.ok());
    EXPECT_NE(read.error().find(file.string()), std::string::npos) << read.error();
    EXPECT_NE(read.error().find("truncated"), std::string::npos) << read.error();

    std::vector<char> flipped = good;
    flipped[good.size() / 2] ^= 0x40;
    writeBytes(file, flipped);
    read = readBvhFile(file, {key, soup_.size()});
    ASSERT_FALSE(read.ok());
    EXPECT_NE(read.error().find("checksum"), std::string::npos) << read.error();

    // A header counting far more nodes than the file holds asks for nothing.
    std::vector<char> forged = good;
    const uint64_t huge = uint64_t(1) << 60;
    std::memcpy(forged.data() + 24, &huge, sizeof huge);  // the node count
    writeBytes(file, forged);
    read = readBvhFile(file, {key, soup_.size()});
    ASSERT_FALSE(read.ok());
    EXPECT_NE(read.error().find("header counts"), std::string::npos) << read.error();

    EXPECT_FALSE(readBvhFile(file, {key + 1, soup_.size()}).ok());
    writeBytes(file, {'n', 'o', 'p', 'e'});
    EXPECT_FALSE(readBvhFile(file, {key, soup_.size()}).ok());

    // The loader says what was wrong, builds again and keeps a good file.
    writeBytes(file, flipped);
    std::string problem;
    bool fromFile = true;
    TriangleBvh again = loadOrBuildBvh(soup_, dir_, &problem, &fromFile);
    EXPECT_FALSE(fromFile);
    EXPECT_NE(problem.find("checksum"), std::string::npos) << problem;
    EXPECT_EQ(again.triangleCount(), soup_.size());
    EXPECT_TRUE(readBvhFile(file, {key, soup_.size()}).ok());
}

// Parts that pass the checksum but do not make a tree the queries can walk.
TEST(BvhParts, OnlyAWalkableTreeIsAccepted) {
    const std::vector<BvhTriangle> soup = test::makeTriangleSoup(300, 10.0f, 1.0f, 11);
    const TriangleBvh::Parts good = TriangleBvh::build(soup).parts();
    ASSERT_TRUE(TriangleBvh::fromParts(good, soup.size()).ok());
    ASSERT_GT(good.nodes.size(), 5u);
    ASSERT_EQ(good.nodes[0].count, 0u);

    auto refused = [&](TriangleBvh::Parts parts, const std::string& why) {
        Result<TriangleBvh> bvh = TriangleBvh::fromParts(std::move(parts), soup.size());
        EXPECT_FALSE(bvh.ok()) << "accepted: " << why;
        if (!bvh.ok()) {
            EXPECT_FALSE(bvh.error().empty());
        }
    };
    TriangleBvh::Parts loop = good;
    loop.nodes[0].first = 0;  // the root its own child
    refused(loop, "a loop");
    TriangleBvh::Parts shared = good;
    const uint32_t inner = good.nodes[good.nodes[0].first].count == 0 ? good.nodes[0].first : good.nodes[0].first + 1;
    ASSERT_EQ(good.nodes[inner].count, 0u);
    shared.nodes[inner].first = good.nodes[0].first;  // children shared with the root
    refused(shared, "a shared child");
    TriangleBvh::Parts past = good;
    past.nodes[0].first = uint32_t(good.nodes.size() - 1);
    refused(past, "children past the end");
    TriangleBvh::Parts leaf = good;
    for (TriangleBvh::Node& node : leaf.nodes)
        if (node.count > 0) node.first = uint32_t(good.triangles.size());
    refused(leaf, "leaves past the triangles");
    TriangleBvh::Parts source = good;
    source.sourceIndex[0] = uint32_t(soup.size());
    refused(source, "a source index past the input");
    TriangleBvh::Parts depth = good;
    depth.depth += 1;
    refused(depth, "a wrong depth");
    TriangleBvh::Parts nan = good;
    nan.triangles[0].edge1.x = std::numeric_limits<float>::quiet_NaN();
    refused(nan, "a NaN");
    EXPECT_FALSE(TriangleBvh::fromParts(good, soup.size() + 1).ok());  // other input
}

}  // namespace
}  // namespace engine
