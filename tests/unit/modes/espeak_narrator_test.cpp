// The narration's voice: eSpeak NG opened at the first request, never at
// start, and a missing or wrong library reported once, without a crash.
#include "modes/espeak_narrator.h"

#include <dlfcn.h>
#include <gtest/gtest.h>

#include <chrono>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "core/log.h"

namespace twin {
namespace {

// Keeps the warnings the narrator's thread writes.
class Warnings {
public:
    Warnings() {
        engine::log::setSink([this](engine::log::Level level, std::string_view message) {
            if (level != engine::log::Level::Warning) return;
            std::lock_guard<std::mutex> lock(mutex_);
            lines_.emplace_back(message);
        });
    }
    ~Warnings() { engine::log::setSink({}); }
    std::vector<std::string> lines() {
        std::lock_guard<std::mutex> lock(mutex_);
        return lines_;
    }
    // The first warning, or empty after 10 s.
    std::string waitForOne() {
        for (int i = 0; i < 1000; ++i) {
            if (auto all = lines(); !all.empty()) return all.front();
            std::this_thread::sleep_for(std::chrono::milliseconds(10));
        }
        return {};
    }

private:
    std::mutex mutex_;
    std::vector<std::string> lines_;
};

bool espeakLoaded() {
    void* handle = dlopen(EspeakNarrator::kLibrary, RTLD_NOW | RTLD_NOLOAD);
    if (handle) dlclose(handle);
    return handle != nullptr;
}

TEST(EspeakNarrator, AMissingLibraryIsReportedOnceAndTheNarrationGoesOnSilently) {
    Warnings warnings;
    {
        EspeakNarrator narrator("libespeak-ng-not-installed.so.1");
        narrator.speak("Voici le labo.", Language::French);
        const std::string warning = warnings.waitForOne();
        EXPECT_NE(warning.find("read aloud"), std::string::npos) << warning;
        EXPECT_NE(warning.find("libespeak-ng-not-installed.so.1"), std::string::npos) << warning;
        EXPECT_NE(warning.find("on screen only"), std::string::npos) << warning;
        narrator.speak("Here is the lab.", Language::English);
        narrator.stop();
        narrator.speak("Voici l'imprimante.", Language::French);
    }
    EXPECT_EQ(warnings.lines().size(), 1u);
}

TEST(EspeakNarrator, ALibraryWithoutESpeaksFunctionsIsNamedWithWhatItLacks) {
    Warnings warnings;
    EspeakNarrator narrator("libm.so.6");
    narrator.speak("Voici le labo.", Language::French);
    const std::string warning = warnings.waitForOne();
    EXPECT_NE(warning.find("libm.so.6"), std::string::npos) << warning;
    EXPECT_NE(warning.find("lacks espeak_ng_GetStatusCodeMessage"), std::string::npos) << warning;
}

// Debian's library, as the app opens it: not loaded until something is to
// be said, then loaded (with or without a sound card: a CI machine has none
// and gets the warning that says so). A blank text keeps a desk quiet.
TEST(EspeakNarrator, DebiansLibraryIsOpenedAtTheFirstRequestOnly) {
    Warnings warnings;
    EspeakNarrator narrator;
    narrator.stop();
    ASSERT_FALSE(espeakLoaded()) << "libespeak-ng is linked or opened before anything is said";
    narrator.speak(" ", Language::French);
    bool loaded = false;
    for (int i = 0; i < 1000 && !loaded; ++i) {
        loaded = espeakLoaded();
        if (!loaded) std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    EXPECT_TRUE(loaded);
    for (const std::string& line : warnings.lines()) EXPECT_EQ(line.find("cannot be loaded"), std::string::npos) << line;
}

}  // namespace
}  // namespace twin
