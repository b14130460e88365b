// Deep links of the browser version (app/web/deep_link.h): parsed, checked
// against a scene, every bad part left out with a message in both languages.
#include <gtest/gtest.h>

#include "web/deep_link.h"

namespace twin::web {
namespace {

SceneDescription smallScene() {
    SceneDescription scene;
    scene.machines.push_back({});
    scene.machines.back().id = "fdm-1";
    scene.platforms.push_back({});
    scene.platforms.back().id = "additive";
    scene.tours.push_back({});
    scene.tours.back().id = "discovery";
    return scene;
}

TEST(DeepLink, EmptyHashIsTheDefaultView) {
    EXPECT_TRUE(parseDeepLink("").link.empty());
    EXPECT_TRUE(parseDeepLink("#").link.empty());
    EXPECT_TRUE(parseDeepLink("#").problems.empty());
}

TEST(DeepLink, EachKeyAndTheirCombination) {
    EXPECT_EQ(parseDeepLink("#machine=fdm-1").link.machine, "fdm-1");
    EXPECT_EQ(parseDeepLink("#platform=additive").link.platform, "additive");
    ParsedDeepLink tour = parseDeepLink("#tour=discovery&t=40&lang=en");
    EXPECT_TRUE(tour.problems.empty());
    EXPECT_EQ(tour.link.tour, "discovery");
    ASSERT_TRUE(tour.link.tourTime);
    EXPECT_DOUBLE_EQ(*tour.link.tourTime, 40.0);
    ASSERT_TRUE(tour.link.language);
    EXPECT_EQ(*tour.link.language, Language::English);
    EXPECT_EQ(*parseDeepLink("lang=fr").link.language, Language::French);
    EXPECT_EQ(parseDeepLink("#machine=fdm%2D1").link.machine, "fdm-1");  // percent-decoded
}

TEST(DeepLink, MalformedPartsAreLeftOutWithAMessage) {
    struct Case {
        const char* hash;
        const char* inEnglish;  // part of the message
    };
    for (const Case& c : {Case{"#lang=de", "unknown language"}, Case{"#machine=", "is not an id"},
                          Case{"#machine=<script>", "is not an id"}, Case{"#tour=discovery&t=-3", "not a time"},
                          Case{"#tour=discovery&t=1e9", "not a time"}, Case{"#tour=discovery&t=nan", "not a time"},
                          Case{"#t=40", "only goes with tour"}, Case{"#colour=red", "ignored"}}) {
        ParsedDeepLink parsed = parseDeepLink(c.hash);
        ASSERT_EQ(parsed.problems.size(), 1u) << c.hash;
        EXPECT_NE(parsed.problems[0].en.find(c.inEnglish), std::string::npos) << c.hash << ": " << parsed.problems[0].en;
        EXPECT_FALSE(parsed.problems[0].fr.empty());
        EXPECT_TRUE(parsed.link.machine.empty() && !parsed.link.tourTime && !parsed.link.language) << c.hash;
    }
    EXPECT_EQ(parseDeepLink(std::string(3000, 'a')).problems.size(), 1u);
}

TEST(DeepLink, MachineWinsOverPlatform) {
    ParsedDeepLink parsed = parseDeepLink("#machine=fdm-1&platform=additive");
    EXPECT_EQ(parsed.link.machine, "fdm-1");
    EXPECT_TRUE(parsed.link.platform.empty());
    EXPECT_EQ(parsed.problems.size(), 1u);
}

TEST(DeepLink, IdsTheSceneLacksAreLeftOut) {
    const SceneDescription scene = smallScene();
    ParsedDeepLink known = parseDeepLink("#machine=fdm-1&tour=discovery&t=12.5");
    checkAgainstScene(known, scene);
    EXPECT_TRUE(known.problems.empty());
    EXPECT_EQ(known.link.machine, "fdm-1");
    EXPECT_EQ(known.link.tour, "discovery");

    ParsedDeepLink unknown = parseDeepLink("#machine=fdm-99&platform=nowhere&tour=moon&t=3&lang=en");
    checkAgainstScene(unknown, scene);
    EXPECT_TRUE(unknown.link.machine.empty());
    EXPECT_TRUE(unknown.link.tour.empty());
    EXPECT_FALSE(unknown.link.tourTime);
    EXPECT_EQ(*unknown.link.language, Language::English);  // what is valid stays
    ASSERT_GE(unknown.problems.size(), 2u);
    EXPECT_NE(unknown.problems[1].en.find("fdm-99"), std::string::npos);
}

}  // namespace
}  // namespace twin::web
