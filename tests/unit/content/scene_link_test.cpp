// A link's validation: what a QR code may carry to a visitor's phone.
#include "content/scene_link.h"

#include <gtest/gtest.h>

namespace twin {
namespace {

TEST(SceneLink, HttpsAndHttpAddressesAreAccepted) {
    EXPECT_EQ(linkProblem("https://www.mines-stetienne.fr/twin/formations/"), "");
    EXPECT_EQ(linkProblem("http://example.org"), "");
    EXPECT_EQ(linkProblem("https://example.org:8443/a?b=c#d"), "");
    EXPECT_EQ(linkProblem("https://example.org/%C3%A9t%C3%A9"), "");
}

TEST(SceneLink, OtherSchemesAreRefused) {
    for (const char* url : {"ftp://example.org/", "javascript:alert(1)", "www.example.org", "HTTPS://example.org",
                            "mailto:a@example.org", ""})
        EXPECT_NE(linkProblem(url).find("https://"), std::string::npos) << url;
}

TEST(SceneLink, AHostIsNeeded) {
    EXPECT_NE(linkProblem("https://"), "");
    EXPECT_NE(linkProblem("https:///path"), "");
    EXPECT_NE(linkProblem("https://user@evil.example/"), "");
}

TEST(SceneLink, SpacesControlAndNonAsciiCharactersAreRefused) {
    EXPECT_NE(linkProblem("https://example.org/a b").find("spaces"), std::string::npos);
    EXPECT_NE(linkProblem("https://example.org/a\tb"), "");
    EXPECT_NE(linkProblem(std::string("https://example.org/a\0b", 23)), "");
    EXPECT_NE(linkProblem("https://example.org/\x7f"), "");
    EXPECT_NE(linkProblem("https://example.org/été"), "");
}

TEST(SceneLink, LengthIsBounded) {
    const std::string base = "https://example.org/";
    EXPECT_EQ(linkProblem(base + std::string(kMaxLinkBytes - base.size(), 'a')), "");
    EXPECT_NE(linkProblem(base + std::string(kMaxLinkBytes - base.size() + 1, 'a')).find("at most 100"),
              std::string::npos);
}

TEST(SceneLink, KindsByNameAndTheirCaptionsInBothLanguages) {
    for (LinkKind kind : {LinkKind::Contact, LinkKind::Training, LinkKind::Booking}) {
        EXPECT_EQ(linkKindFromName(linkKindName(kind)), kind);
        EXPECT_FALSE(linkCaption(kind).fr.empty());
        EXPECT_FALSE(linkCaption(kind).en.empty());
        EXPECT_NE(linkCaption(kind).fr, linkCaption(kind).en);
    }
    EXPECT_EQ(linkKindFromName("Contact"), std::nullopt);
    EXPECT_EQ(linkCaption(LinkKind::Training).en, "Training catalogue");
}

}  // namespace
}  // namespace twin
