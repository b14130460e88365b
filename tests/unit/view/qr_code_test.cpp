// The QR code module: the modules libqrcodegencpp gives for a link, checked
// against what ISO 18004 fixes whatever the data (finder patterns, timing,
// the dark module), sizes by version, and errors.
#include "view/qr_code.h"

#include <gtest/gtest.h>

#include "content/scene_link.h"

namespace twin {
namespace {

TEST(QrCode, AShortLinkIsAVersionOneCode) {
    auto code = encodeQrCode("https://a.fr");  // 12 bytes: version 1 holds 14 at level M
    ASSERT_TRUE(code) << code.error();
    EXPECT_EQ(code->size, 21);
    EXPECT_EQ(code->dark.size(), 21u * 21u);
}

TEST(QrCode, FinderPatternsTimingAndTheDarkModuleAreWhereTheStandardPutsThem) {
    auto code = encodeQrCode("https://www.mines-stetienne.fr/twin/formations/impression-3d-fdm/");
    ASSERT_TRUE(code) << code.error();
    const int n = code->size;
    EXPECT_EQ((n - 17) % 4, 0);
    // The three finder patterns: dark ring, light ring, dark 3x3 centre, light separator.
    for (auto [ox, oy] : {std::pair{0, 0}, std::pair{n - 7, 0}, std::pair{0, n - 7}}) {
        EXPECT_TRUE(code->at(ox, oy));
        EXPECT_TRUE(code->at(ox + 6, oy + 6));
        EXPECT_FALSE(code->at(ox + 1, oy + 1));
        EXPECT_TRUE(code->at(ox + 3, oy + 3));
    }
    EXPECT_FALSE(code->at(7, 7));      // separator
    EXPECT_TRUE(code->at(8, 6));       // timing pattern: dark on even columns
    EXPECT_FALSE(code->at(9, 6));
    const int version = (n - 17) / 4;
    EXPECT_TRUE(code->at(8, 4 * version + 9));  // the "dark module"
}

TEST(QrCode, TheLongestLinkASceneMayHoldFitsAVersionSixCode) {
    // kMaxLinkBytes is chosen so that a phone reads the code from arm's length.
    auto code = encodeQrCode(std::string(kMaxLinkBytes, 'a'), 6);
    ASSERT_TRUE(code) << code.error();
    EXPECT_EQ(code->size, 41);
}

TEST(QrCode, TextTooLongForTheVersionIsAnError) {
    auto tooLong = encodeQrCode(std::string(107, 'a'), 6);  // version 6 holds 106 bytes at level M
    ASSERT_FALSE(tooLong);
    EXPECT_NE(tooLong.error().find("107 bytes"), std::string::npos) << tooLong.error();
    EXPECT_FALSE(encodeQrCode(std::string(3000, 'a')));  // more than version 40 holds
}

TEST(QrCode, NothingToEncodeIsAnError) { EXPECT_FALSE(encodeQrCode("")); }

TEST(QrCode, TheSameTextGivesTheSameModules) {
    auto a = encodeQrCode("https://example.org/");
    auto b = encodeQrCode("https://example.org/");
    auto c = encodeQrCode("https://example.org/x");
    ASSERT_TRUE(a && b && c);
    EXPECT_EQ(a->dark, b->dark);
    EXPECT_NE(a->dark, c->dark);
}

}  // namespace
}  // namespace twin
