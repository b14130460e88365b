#include "kiosk/admin_pin.h"

#include <sodium.h>

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace twin::kiosk {
namespace {
bool sodiumReady() {
    static const bool ready = sodium_init() >= 0;
    return ready;
}
}  // namespace

engine::Status checkPinFormat(std::string_view pin) {
    if (pin.size() < 4 || pin.size() > 12) return engine::makeError("the PIN must have 4 to 12 digits");
    if (!std::all_of(pin.begin(), pin.end(), [](char c) { return c >= '0' && c <= '9'; }))
        return engine::makeError("the PIN must be digits only (0-9)");
    return {};
}

engine::Result<std::string> hashPin(std::string_view pin, bool fast) {
    if (engine::Status ok = checkPinFormat(pin); !ok) return engine::makeError(ok.error());
    if (!sodiumReady()) return engine::makeError("libsodium could not start");
    char out[crypto_pwhash_STRBYTES];
    const unsigned long long ops = fast ? crypto_pwhash_OPSLIMIT_MIN : crypto_pwhash_OPSLIMIT_INTERACTIVE;
    const size_t mem = fast ? crypto_pwhash_MEMLIMIT_MIN : crypto_pwhash_MEMLIMIT_INTERACTIVE;
    if (crypto_pwhash_str(out, pin.data(), pin.size(), ops, mem) != 0)
        return engine::makeError("hashing the PIN failed (out of memory?)");
    return std::string(out);
}

int runHashPin(std::FILE* in, std::FILE* out, std::FILE* err) {
    char line[64] = {};
    std::fputs("New admin PIN (4 to 12 digits), then Enter: ", err);
    std::fflush(err);
    if (!std::fgets(line, sizeof line, in)) {
        std::fputs("\ntwin-tour: --hash-pin: no PIN read on standard input\n", err);
        return 1;
    }
    std::string_view pin(line);
    while (!pin.empty() && (pin.back() == '\n' || pin.back() == '\r')) pin.remove_suffix(1);
    auto hash = hashPin(pin);
    sodium_memzero(line, sizeof line);
    if (!hash) {
        std::fprintf(err, "\ntwin-tour: --hash-pin: %s\n", hash.error().c_str());
        return 1;
    }
    std::fputs("\n", err);
    std::fprintf(out, "\"adminPinHash\": \"%s\"\n", hash->c_str());
    return 0;
}

double PinGuard::delayAfter(int wrongTries) {
    if (wrongTries <= 0) return 0.0;
    return std::min(300.0, std::pow(2.0, double(std::min(wrongTries, 20) - 1)));
}

PinGuard::Outcome PinGuard::check(std::string_view pin, double now) {
    if (hash_.empty()) return Outcome::NoPinSet;
    if (lockedFor(now) > 0.0) return Outcome::Locked;
    const bool right = checkPinFormat(pin) && sodiumReady() &&
                       crypto_pwhash_str_verify(hash_.c_str(), pin.data(), pin.size()) == 0;
    if (right) {
        wrong_ = 0;
        lockedUntil_ = 0.0;
        return Outcome::Accepted;
    }
    ++wrong_;
    lockedUntil_ = now + delayAfter(wrong_);
    return Outcome::Wrong;
}

}  // namespace twin::kiosk
