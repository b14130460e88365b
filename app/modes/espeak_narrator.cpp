#include "modes/espeak_narrator.h"

#include <espeak-ng/espeak_ng.h>
#include <espeak-ng/speak_lib.h>

#include "core/log.h"

namespace twin {
namespace {

std::string statusText(espeak_ng_STATUS status) {
    char text[256] = {};
    espeak_ng_GetStatusCodeMessage(status, text, sizeof text);
    return text;
}

// Loads the voices and checks that sound can be played: eSpeak's own
// asynchronous mode never reports a missing device (it only prints ALSA's
// complaints at every sentence), so a short silence is played through the
// synchronous mode first, which does. Then the asynchronous mode, whose
// espeak_Cancel cuts a sentence off at once. Empty, or what went wrong.
std::string startEspeak() {
    espeak_ng_InitializePath(nullptr);
    espeak_ng_ERROR_CONTEXT context = nullptr;
    espeak_ng_STATUS status = espeak_ng_Initialize(&context);
    if (status != ENS_OK) {
        espeak_ng_ClearErrorContext(&context);
        return "cannot load its voices (" + statusText(status) + ")";
    }
    status = espeak_ng_InitializeOutput(
        espeak_ng_OUTPUT_MODE(ENOUTPUT_MODE_SYNCHRONOUS | ENOUTPUT_MODE_SPEAK_AUDIO), 0, nullptr);
    if (status == ENS_OK) {
        const char silence[] = " ";
        status = espeak_ng_Synthesize(silence, sizeof silence, 0, POS_CHARACTER, 0, espeakCHARS_UTF8, nullptr,
                                      nullptr);
    }
    espeak_ng_Terminate();
    if (status != ENS_OK) return "no audio output (" + statusText(status) + ")";
    if (espeak_Initialize(AUDIO_OUTPUT_PLAYBACK, 0, nullptr, espeakINITIALIZE_DONT_EXIT) < 0)
        return "cannot start its audio output";
    return {};
}

}  // namespace

EspeakNarrator::~EspeakNarrator() {
    {
        std::lock_guard<std::mutex> lock(mutex_);
        quit_ = true;
    }
    wake_.notify_one();
    if (worker_.joinable()) worker_.join();
}

void EspeakNarrator::speak(const std::string& text, Language language) {
    if (text.empty()) return stop();
    post({text, language});
}

void EspeakNarrator::stop() { post({}); }

void EspeakNarrator::post(Request request) {
    {
        std::lock_guard<std::mutex> lock(mutex_);
        if (silent_ || quit_) return;
        // Nothing said yet and nothing to say: no thread, no eSpeak.
        if (!worker_.joinable() && request.text.empty()) return;
        pending_ = std::move(request);
        if (!worker_.joinable()) worker_ = std::thread([this] { run(); });
    }
    wake_.notify_one();
}

void EspeakNarrator::run() {
    const std::string problem = startEspeak();
    if (!problem.empty()) {
        // Once: every later request is dropped before it reaches this thread.
        engine::log::warning("read aloud: eSpeak NG " + problem + "; the narration stays on screen only");
        std::lock_guard<std::mutex> lock(mutex_);
        silent_ = true;
        return;
    }
    for (;;) {
        Request request;
        {
            std::unique_lock<std::mutex> lock(mutex_);
            wake_.wait(lock, [&] { return quit_ || pending_; });
            if (quit_) break;
            request = std::move(*pending_);
            pending_.reset();
        }
        espeak_Cancel();
        if (request.text.empty()) continue;
        espeak_SetVoiceByName(request.language == Language::English ? "en" : "fr");
        espeak_Synth(request.text.c_str(), request.text.size() + 1, 0, POS_CHARACTER, 0, espeakCHARS_UTF8, nullptr,
                     nullptr);
    }
    espeak_Cancel();
    espeak_Terminate();
}

}  // namespace twin
