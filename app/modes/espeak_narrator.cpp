#include "modes/espeak_narrator.h"

#include <dlfcn.h>
#include <espeak-ng/espeak_ng.h>
#include <espeak-ng/speak_lib.h>

#include <type_traits>

#include "core/log.h"

namespace twin {
namespace {

// eSpeak NG and what it pulls in (PulseAudio, ALSA, libsndfile and its
// codecs: about 20 libraries) are loaded at the first request, not at start:
// linked, they cost every run about 3 ms and 4 MiB of resident memory, and
// most runs never speak. Each pointer has the type of its declaration in
// eSpeak's own headers.
struct EspeakLibrary {
    decltype(&espeak_ng_GetStatusCodeMessage) statusMessage = nullptr;
    decltype(&espeak_ng_InitializePath) initializePath = nullptr;
    decltype(&espeak_ng_Initialize) initialize = nullptr;
    decltype(&espeak_ng_ClearErrorContext) clearErrorContext = nullptr;
    decltype(&espeak_ng_InitializeOutput) initializeOutput = nullptr;
    decltype(&espeak_ng_Synthesize) synthesize = nullptr;
    decltype(&espeak_ng_Terminate) terminateNg = nullptr;
    decltype(&espeak_Initialize) initializePlayback = nullptr;
    decltype(&espeak_SetVoiceByName) setVoiceByName = nullptr;
    decltype(&espeak_Synth) synth = nullptr;
    decltype(&espeak_Cancel) cancel = nullptr;
    decltype(&espeak_Terminate) terminate = nullptr;
};

// Empty, or what went wrong. The library stays loaded for the process's
// life: eSpeak's audio threads may outlive a dlclose.
std::string loadEspeak(const std::string& soname, EspeakLibrary& lib) {
    void* handle = dlopen(soname.c_str(), RTLD_NOW | RTLD_LOCAL | RTLD_NODELETE);
    if (!handle) {
        const char* why = dlerror();
        return "cannot be loaded (" + std::string(why ? why : soname) + ")";
    }
    std::string missing;
    auto find = [&](auto& function, const char* name) {
        function = reinterpret_cast<std::remove_reference_t<decltype(function)>>(dlsym(handle, name));
        if (!function) missing += (missing.empty() ? "" : ", ") + std::string(name);
    };
    find(lib.statusMessage, "espeak_ng_GetStatusCodeMessage");
    find(lib.initializePath, "espeak_ng_InitializePath");
    find(lib.initialize, "espeak_ng_Initialize");
    find(lib.clearErrorContext, "espeak_ng_ClearErrorContext");
    find(lib.initializeOutput, "espeak_ng_InitializeOutput");
    find(lib.synthesize, "espeak_ng_Synthesize");
    find(lib.terminateNg, "espeak_ng_Terminate");
    find(lib.initializePlayback, "espeak_Initialize");
    find(lib.setVoiceByName, "espeak_SetVoiceByName");
    find(lib.synth, "espeak_Synth");
    find(lib.cancel, "espeak_Cancel");
    find(lib.terminate, "espeak_Terminate");
    if (!missing.empty()) return "(" + soname + ") lacks " + missing;
    return {};
}

std::string statusText(const EspeakLibrary& lib, espeak_ng_STATUS status) {
    char text[256] = {};
    lib.statusMessage(status, text, sizeof text);
    return text;
}

// Loads the voices and checks that sound can be played: eSpeak's own
// asynchronous mode never reports a missing device (it only prints ALSA's
// complaints at every sentence), so a short silence is played through the
// synchronous mode first, which does. Then the asynchronous mode, whose
// espeak_Cancel cuts a sentence off at once. Empty, or what went wrong.
std::string startEspeak(const EspeakLibrary& lib) {
    lib.initializePath(nullptr);
    espeak_ng_ERROR_CONTEXT context = nullptr;
    espeak_ng_STATUS status = lib.initialize(&context);
    if (status != ENS_OK) {
        lib.clearErrorContext(&context);
        return "cannot load its voices (" + statusText(lib, status) + ")";
    }
    status = lib.initializeOutput(espeak_ng_OUTPUT_MODE(ENOUTPUT_MODE_SYNCHRONOUS | ENOUTPUT_MODE_SPEAK_AUDIO), 0,
                                  nullptr);
    if (status == ENS_OK) {
        const char silence[] = " ";
        status = lib.synthesize(silence, sizeof silence, 0, POS_CHARACTER, 0, espeakCHARS_UTF8, nullptr, nullptr);
    }
    lib.terminateNg();
    if (status != ENS_OK) return "no audio output (" + statusText(lib, status) + ")";
    if (lib.initializePlayback(AUDIO_OUTPUT_PLAYBACK, 0, nullptr, espeakINITIALIZE_DONT_EXIT) < 0)
        return "cannot start its audio output";
    return {};
}

}  // namespace

EspeakNarrator::EspeakNarrator(std::string library) : library_(std::move(library)) {}

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
    EspeakLibrary lib;
    std::string problem = loadEspeak(library_, lib);
    if (problem.empty()) problem = startEspeak(lib);
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
        lib.cancel();
        if (request.text.empty()) continue;
        lib.setVoiceByName(request.language == Language::English ? "en" : "fr");
        lib.synth(request.text.c_str(), request.text.size() + 1, 0, POS_CHARACTER, 0, espeakCHARS_UTF8, nullptr,
                  nullptr);
    }
    lib.cancel();
    lib.terminate();
}

}  // namespace twin
