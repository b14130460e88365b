#pragma once
// The tour's narration read aloud with eSpeak NG (Debian's libespeak-ng):
// a speech synthesiser in the process, French and English voices, no daemon
// to run on a kiosk. Everything eSpeak does happens on one thread of its
// own, started at the first request, so the frame loop never waits for it;
// the library itself is loaded then too. Without it, or without an audio
// device (a CI machine, a kiosk with its speakers unplugged), it says so
// once in the log and stays silent.
#include <condition_variable>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>

#include "session/narrator.h"

namespace twin {

class EspeakNarrator final : public Narrator {
public:
    static constexpr const char* kLibrary = "libespeak-ng.so.1";  // Debian's libespeak-ng1
    explicit EspeakNarrator(std::string library = kLibrary);
    ~EspeakNarrator() override;  // falls silent and waits for its thread
    EspeakNarrator(const EspeakNarrator&) = delete;
    EspeakNarrator& operator=(const EspeakNarrator&) = delete;

    void speak(const std::string& text, Language language) override;
    void stop() override;

private:
    struct Request {
        std::string text;  // empty: stop
        Language language = Language::French;
    };
    void post(Request request);
    void run();

    std::mutex mutex_;
    std::condition_variable wake_;
    std::optional<Request> pending_;  // only the latest request matters
    bool quit_ = false;
    bool silent_ = false;  // no audio or no voice: requests are dropped
    const std::string library_;
    std::thread worker_;
};

}  // namespace twin
