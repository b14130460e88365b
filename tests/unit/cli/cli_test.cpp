#include "cli/command_line.h"

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
                               "--platform", "--record-input", "--play-input", "--soak-report"})
        EXPECT_NE(help.find(option), std::string::npos) << option;
}

TEST(CommandLine, HelpKeepsItsSectionsAndProse) {
    std::string help = helpText();
    EXPECT_EQ(help.rfind("Usage: twin-tour [SCENE.json | MODEL] [options]\n", 0), 0u) << help;
    for (const char* text :
         {"\nChecking:\n", "\nRendering without a window:\n",
          "\nLive data (replay of a typical week by default, so it works offline):\n", "\nViewing:\n",
          "\nModels:\n", "  --size WxH             window or image size (default 1280x720)\n",
          "  --camera X,Y,Z[,TX,TY,TZ]\n                         eye position", "  -h, --help             this text\n",
          "Mouse: left drag turns", "Exit status: 0 on success", "2 for a bad command line"})
        EXPECT_NE(help.find(text), std::string::npos) << text;
}

// --- where CLI11 reads the command line, the edges it might have moved -------

TEST(CommandLine, UnknownOptionsAreNamed) {
    EXPECT_EQ(parse({"--frobnicate"}).error, "unknown option \"--frobnicate\" (see --help)");
    EXPECT_EQ(parse({"scene.json", "-x"}).error, "unknown option \"-x\" (see --help)");
    EXPECT_NE(parse({"--frobnicate=3"}).error.find("unknown option \"--frobnicate"), std::string::npos);
    // A mistake wins over --help, so a script's typo is not hidden by the help text.
    EXPECT_FALSE(parse({"--help", "--frobnicate"}).error.empty());
}

TEST(CommandLine, AMissingValueGivesTheOptionsOwnReason) {
    EXPECT_EQ(parse({"--screenshot"}).error, "--screenshot needs a PNG file name");
    EXPECT_EQ(parse({"--size"}).error, "--size needs WIDTHxHEIGHT, e.g. 1280x720");
    EXPECT_EQ(parse({"--lang"}).error, "--lang expects fr or en");
    EXPECT_EQ(parse({"--run-for"}).error, "--run-for expects a positive number of seconds");
    // An option's value is the argument after it, whatever it looks like (as
    // before CLI11): here "--size" is the file name and 320x200 the scene.
    ParseResult r = parse({"--screenshot", "--size", "320x200"});
    ASSERT_TRUE(r.error.empty()) << r.error;
    EXPECT_EQ(*r.options.screenshot, "--size");
    EXPECT_EQ(r.options.input, "320x200");
    EXPECT_EQ(parse({"--lang", "-x"}).error, "--lang expects fr or en");
    EXPECT_EQ(parse({"--record-input"}).error, "--record-input needs a file name to write the input events to");
    EXPECT_EQ(parse({"--play-input", ""}).error, "--play-input needs a recording made with --record-input");
}

TEST(CommandLine, BadNumbersAreRefused) {
    for (auto args : std::vector<std::vector<std::string>>{{"--bench-frames", "12x"},
                                                           {"--bench-frames", "1.5"},
                                                           {"--max-texture-size", "1e3"},
                                                           {"--run-for", "nan"},
                                                           {"--run-for", "0"},
                                                           {"--tour-time", "-1"},
                                                           {"--anim-time", "-0.5"},
                                                           {"--anim-time", "soon"},
                                                           {"--replay-speed", "fast"},
                                                           {"--pick", "1,-2"},
                                                           {"--walk", "1,2"},
                                                           {"--size", "320x200x3"},
                                                           {"--soak-report", "0"},
                                                           {"--soak-report", "ten"},
                                                           {"--orbit", "30,10,0"}}) {
        ParseResult r = parse(args);
        EXPECT_EQ(r.error.rfind(args[0] + " ", 0), 0u) << args[0] << " " << args[1] << ": " << r.error;
        EXPECT_EQ(r.error.find('\n'), std::string::npos);
    }
}

TEST(CommandLine, AnimTimePausesTheCyclesAtAMoment) {
    ParseResult r = parse({"--machine", "robot-cell-1", "--focus", "--anim-time", "3.5"});
    ASSERT_TRUE(r.error.empty()) << r.error;
    ASSERT_TRUE(r.options.animTime);
    EXPECT_DOUBLE_EQ(*r.options.animTime, 3.5);
    EXPECT_FALSE(parse({}).options.animTime);
}

TEST(CommandLine, NegativeNumbersAreValuesNotOptions) {
    ParseResult r = parse({"--orbit", "-30,-10", "--camera", "-1,2,-3", "--walk", "-5,0,3,-90", "--tour-time", "0"});
    ASSERT_TRUE(r.error.empty()) << r.error;
    EXPECT_FLOAT_EQ(r.options.orbit.yawDegrees, -30.0f);
    EXPECT_FLOAT_EQ(r.options.orbit.pitchDegrees, -10.0f);
    EXPECT_EQ(r.options.camera->eye, glm::vec3(-1, 2, -3));
    EXPECT_EQ(*r.options.walk, glm::vec4(-5, 0, 3, -90));
}

TEST(CommandLine, ValuesMayFollowAnEqualsSign) {
    ParseResult r = parse({"--size=320x200", "--lang=en", "--camera=-.5,1,2", "--orbit", "-.5,-1"});
    ASSERT_TRUE(r.error.empty()) << r.error;
    EXPECT_EQ(r.options.size, glm::ivec2(320, 200));
    EXPECT_EQ(r.options.language, "en");
    EXPECT_EQ(r.options.camera->eye, glm::vec3(-0.5f, 1, 2));
    EXPECT_FLOAT_EQ(r.options.orbit.yawDegrees, -0.5f);
}

TEST(CommandLine, ARepeatedOptionTakesItsLastValueEachOneChecked) {
    ParseResult r = parse({"--size", "320x200", "--size", "640x480", "--check", "--check", "-v", "-v"});
    ASSERT_TRUE(r.error.empty()) << r.error;
    EXPECT_EQ(r.options.size, glm::ivec2(640, 480));
    EXPECT_TRUE(r.options.check);
    EXPECT_TRUE(r.options.verbose);
    EXPECT_EQ(parse({"--size", "big", "--size", "640x480"}).error.rfind("--size expects", 0), 0u);
}

TEST(CommandLine, TheSceneMayComeAnywhereAndAfterDoubleDash) {
    EXPECT_EQ(parse({"--size", "320x200", "scene.json", "--check"}).options.input, "scene.json");
    ParseResult r = parse({"--check", "--", "-odd name.glb"});
    ASSERT_TRUE(r.error.empty()) << r.error;
    EXPECT_EQ(r.options.input, "-odd name.glb");
    EXPECT_TRUE(r.options.check);
    r = parse({"--", "--help"});
    ASSERT_TRUE(r.error.empty()) << r.error;
    EXPECT_EQ(r.options.input, "--help");
    EXPECT_FALSE(r.options.showHelp);
    EXPECT_EQ(parse({"a.glb", "--", "b.glb"}).error, "only one scene or model can be opened, got \"a.glb\" and \"b.glb\"");
}

TEST(CommandLine, HelpVersionAndShortFlags) {
    EXPECT_TRUE(parse({"-h"}).options.showHelp);
    EXPECT_TRUE(parse({"--help"}).options.showHelp);
    EXPECT_TRUE(parse({"--version"}).options.showVersion);
    ParseResult r = parse({"-vh"});
    ASSERT_TRUE(r.error.empty()) << r.error;
    EXPECT_TRUE(r.options.verbose);
    EXPECT_TRUE(r.options.showHelp);
}

TEST(CommandLine, RecordAndPlayInput) {
    ParseResult r = parse({"--record-input", "visit.log"});
    ASSERT_TRUE(r.error.empty()) << r.error;
    EXPECT_EQ(r.options.recordInput, "visit.log");
    EXPECT_TRUE(r.options.playInput.empty());
    r = parse({"--play-input", "visit.log", "--screenshot", "end.png"});
    ASSERT_TRUE(r.error.empty()) << r.error;
    EXPECT_EQ(r.options.playInput, "visit.log");
    EXPECT_EQ(*r.options.screenshot, "end.png");
    EXPECT_TRUE(r.options.recordInput.empty());
    EXPECT_EQ(r.options.soakReportFrames, 0);
    r = parse({"--play-input", "day.log", "--soak-report", "1000"});
    ASSERT_TRUE(r.error.empty()) << r.error;
    EXPECT_EQ(r.options.soakReportFrames, 1000);
}

TEST(CommandLine, EveryFlagSetsItsField) {
    ParseResult r = parse({"--check", "--plan", "--reduced-motion", "--overlay", "--bench", "--headless", "--fullscreen",
                           "--no-shadows", "--no-antialiasing", "--no-ground", "--full-resolution", "--no-cache",
                           "--bench-passes", "--bench-flat", "--bench-panels", "--bench-prepass"});
    ASSERT_TRUE(r.error.empty()) << r.error;
    const AppOptions& o = r.options;
    EXPECT_TRUE(o.check && o.plan && o.reducedMotion && o.overlay && o.bench && o.headless && o.fullscreen &&
                o.fullResolution && o.noCache);
    EXPECT_TRUE(o.benchPasses && o.benchFlat && o.benchPanels && o.benchPrepass);
    EXPECT_FALSE(o.shadows || o.antialiasing || o.ground);
    AppOptions defaults;
    EXPECT_TRUE(defaults.shadows && defaults.antialiasing && defaults.ground);
}


TEST(CommandLine, QuizQuestionAndResultsFile) {
    ParseResult r = parse({"--machine", "sls-1", "--focus", "--quiz", "3", "--quiz-results", "q.sqlite"});
    ASSERT_TRUE(r.error.empty()) << r.error;
    EXPECT_EQ(r.options.quizQuestion, 2);  // counted from 1 on the command line
    EXPECT_EQ(r.options.quizResults, "q.sqlite");
    EXPECT_EQ(parse({}).options.quizQuestion, -1);
    for (const char* bad : {"0", "1.5", "two", "1,2"}) {
        ParseResult b = parse({"--quiz", bad});
        EXPECT_NE(b.error.find("--quiz expects N"), std::string::npos) << bad << ": " << b.error;
    }
    EXPECT_NE(parse({"--quiz-results", ""}).error.find("--quiz-results needs"), std::string::npos);
}

}  // namespace
}  // namespace twin
