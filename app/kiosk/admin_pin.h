#pragma once
// The admin PIN: stored only as a salted, deliberately slow hash (argon2id,
// libsodium's crypto_pwhash_str), checked with crypto_pwhash_str_verify,
// with a delay that doubles after each wrong try. The PIN itself is never
// logged nor kept. No GL.
#include <cstdio>
#include <optional>
#include <string>
#include <string_view>

#include "core/result.h"

namespace twin::kiosk {

// 4 to 12 digits; an error names what is wrong (never the PIN).
engine::Status checkPinFormat(std::string_view pin);

// The "$argon2id$..." string for `pin`. `fast`: libsodium's minimum costs,
// for tests only; otherwise its "interactive" costs (64 MiB, ~0.1-0.5 s).
engine::Result<std::string> hashPin(std::string_view pin, bool fast = false);

// `twin-tour --hash-pin`: reads a PIN from `in` (one line), prints the scene
// line to `out`, errors to `err`; returns the exit code.
int runHashPin(std::FILE* in, std::FILE* out, std::FILE* err);

class PinGuard {
public:
    enum class Outcome { Accepted, Wrong, Locked, NoPinSet };
    // `hash`: the scene's kiosk.adminPinHash (empty: no PIN set, nothing opens).
    explicit PinGuard(std::string hash) : hash_(std::move(hash)) {}
    bool pinSet() const { return !hash_.empty(); }
    // A try at `now` (seconds). While locked, the PIN is not even checked.
    Outcome check(std::string_view pin, double now);
    // Seconds before the next try is taken (0: now).
    double lockedFor(double now) const { return now < lockedUntil_ ? lockedUntil_ - now : 0.0; }
    int wrongTries() const { return wrong_; }
    // The delay after `wrongTries` wrong tries in a row: 1, 2, 4... s, at most 5 minutes.
    static double delayAfter(int wrongTries);

private:
    std::string hash_;
    int wrong_ = 0;
    double lockedUntil_ = 0.0;
};

}  // namespace twin::kiosk
