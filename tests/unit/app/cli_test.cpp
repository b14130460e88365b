#include "cli.h"

#include <gtest/gtest.h>

namespace twin {
namespace {

ParseResult parse(std::vector<std::string> args) { return parseCommandLine(args); }

TEST(CommandLine, DefaultsOpenTheDefaultSceneInAWindow) {
    ParseResult r = parse({});
    EXPECT_TRUE(r.error.empty());
    EXPECT_TRUE(r.options.input.empty());
    EXPECT_FALSE(r.options.screenshot.has_value());
    EXPECT_EQ(r.options.size, glm::ivec2(1280, 720));
    EXPECT_EQ(r.options.language, "fr");
}

TEST(CommandLine, ScreenshotWithSizeAndCamera) {
    ParseResult r = parse({"model.glb", "--screenshot", "out.png", "--size", "320x200", "--camera", "1,2,3,0,0.5,0"});
    ASSERT_TRUE(r.error.empty()) << r.error;
    EXPECT_EQ(r.options.input, "model.glb");
    EXPECT_EQ(*r.options.screenshot, "out.png");
    EXPECT_EQ(r.options.size, glm::ivec2(320, 200));
    ASSERT_TRUE(r.options.camera.has_value());
    EXPECT_EQ(r.options.camera->eye, glm::vec3(1, 2, 3));
    EXPECT_EQ(*r.options.camera->target, glm::vec3(0, 0.5f, 0));
}

TEST(CommandLine, BadValuesGiveOneLineReasons) {
    for (auto args : std::vector<std::vector<std::string>>{{"--size", "big"},
                                                           {"--size", "10x10"},
                                                           {"--camera", "1,2"},
                                                           {"--camera", "1,2,x"},
                                                           {"--orbit", "1"},
                                                           {"--screenshot"},
                                                           {"--lang", "de"},
                                                           {"--bench-frames", "0"},
                                                           {"--frobnicate"},
                                                           {"a.glb", "b.glb"},
                                                           {"--mqtt", "http://broker"},
                                                           {"--mqtt"},
                                                           {"--data-time", "tuesday"},
                                                           {"--data-time", "2026-02-30T10:00:00Z"},
                                                           {"--replay-speed", "0"},
                                                           {"--replay-speed", "-2"},
                                                           {"--dump-state"},
                                                           {"--history"},
                                                           {"--platform"}}) {
        ParseResult r = parse(args);
        EXPECT_FALSE(r.error.empty()) << args[0];
        EXPECT_EQ(r.error.find('\n'), std::string::npos);
    }
}

TEST(CommandLine, LiveDataOptions) {
    ParseResult r = parse({"scene.json", "--headless", "--mqtt", "mqtt://127.0.0.1:1884", "--run-for", "2.5",
                           "--dump-state", "state.json", "--history", "h.sqlite", "--platform", "additive"});
    ASSERT_TRUE(r.error.empty()) << r.error;
    EXPECT_TRUE(r.options.headless);
    EXPECT_EQ(r.options.mqttUrl, "mqtt://127.0.0.1:1884");
    EXPECT_DOUBLE_EQ(r.options.runForSeconds, 2.5);
    EXPECT_EQ(r.options.dumpState, "state.json");
    EXPECT_EQ(r.options.historyFile, "h.sqlite");
    EXPECT_EQ(r.options.platform, "additive");

    r = parse({"--data-time", "2026-11-24T09:30:00Z", "--replay-speed", "60"});
    ASSERT_TRUE(r.error.empty()) << r.error;
    ASSERT_TRUE(r.options.dataTime.has_value());
    EXPECT_EQ(*r.options.dataTime, 1795512600);  // date -u -d 2026-11-24T09:30:00Z +%s
    EXPECT_DOUBLE_EQ(r.options.replaySpeed, 60.0);
}

TEST(CommandLine, HelpListsEveryOption) {
    std::string help = helpText();
    for (const char* option : {"--screenshot", "--size", "--camera", "--orbit", "--bench", "--help", "--no-cache",
                               "--cache-dir", "--max-texture-size", "--overlay", "--fullscreen", "--lang", "--mqtt",
                               "--headless", "--dump-state", "--data-time", "--replay-speed", "--history",
                               "--platform"})
        EXPECT_NE(help.find(option), std::string::npos) << option;
}

}  // namespace
}  // namespace twin
