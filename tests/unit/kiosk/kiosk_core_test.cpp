// Idle timer, the admin corner gesture, PIN hashing and the delay after
// wrong tries: each on a clock the test sets.
#include <gtest/gtest.h>

#include <cstdio>
#include <string>

#include "kiosk/admin_gesture.h"
#include "kiosk/admin_pin.h"
#include "kiosk/idle_timer.h"

namespace twin::kiosk {
namespace {

TEST(IdleTimer, ExpiresAfterTheTimeoutWithoutInput) {
    IdleTimer timer(120.0);
    timer.touch(10.0);
    EXPECT_FALSE(timer.expired(129.9));
    EXPECT_DOUBLE_EQ(timer.secondsLeft(100.0), 30.0);
    EXPECT_TRUE(timer.expired(130.0));
    EXPECT_DOUBLE_EQ(timer.secondsLeft(200.0), 0.0);
}

TEST(IdleTimer, InputStartsTheCountAgain) {
    IdleTimer timer(5.0);
    timer.touch(0.0);
    timer.touch(4.0);
    EXPECT_FALSE(timer.expired(8.0));
    EXPECT_TRUE(timer.expired(9.0));
    EXPECT_DOUBLE_EQ(timer.idleSeconds(9.0), 5.0);
}

constexpr glm::vec2 kScreen{1920, 1080};
const glm::vec2 kCorner{1900, 20};

TEST(AdminGesture, FiveTapsInTheCornerWithinThreeSeconds) {
    AdminGesture gesture(96.0f);
    for (int i = 0; i < 4; ++i) EXPECT_FALSE(gesture.tap(kCorner, kScreen, 10.0 + 0.5 * i));
    EXPECT_TRUE(gesture.tap(kCorner, kScreen, 12.0));
    // The count starts again after a completed gesture.
    EXPECT_FALSE(gesture.tap(kCorner, kScreen, 12.2));
}

TEST(AdminGesture, TooSlowDoesNotOpen) {
    AdminGesture gesture(96.0f);
    for (int i = 0; i < 5; ++i) EXPECT_FALSE(gesture.tap(kCorner, kScreen, 10.0 + 0.8 * i)) << i;  // 3.2 s
    // ...but the last five of a longer run do.
    EXPECT_TRUE(gesture.tap(kCorner, kScreen, 13.3));
}

TEST(AdminGesture, ATapElsewhereStartsTheCountAgain) {
    AdminGesture gesture(96.0f);
    for (int i = 0; i < 4; ++i) gesture.tap(kCorner, kScreen, 1.0 + 0.1 * i);
    EXPECT_FALSE(gesture.tap({960, 540}, kScreen, 1.5));
    EXPECT_FALSE(gesture.tap(kCorner, kScreen, 1.6));
    // Other corners do not count.
    AdminGesture other(96.0f);
    for (int i = 0; i < 5; ++i) EXPECT_FALSE(other.tap({10, 10}, kScreen, 1.0 + 0.1 * i));
    for (int i = 0; i < 5; ++i) EXPECT_FALSE(other.tap({1900, 1070}, kScreen, 2.0 + 0.1 * i));
}

TEST(AdminPin, FormatIsFourToTwelveDigits) {
    EXPECT_TRUE(checkPinFormat("1234"));
    EXPECT_TRUE(checkPinFormat("123456789012"));
    EXPECT_FALSE(checkPinFormat("123"));
    EXPECT_FALSE(checkPinFormat("1234567890123"));
    EXPECT_FALSE(checkPinFormat("12a4"));
    EXPECT_FALSE(checkPinFormat(""));
    // The error never repeats the PIN.
    EXPECT_EQ(checkPinFormat("98x7").error().find("98x7"), std::string::npos);
}

TEST(AdminPin, HashIsSaltedArgon2idAndVerifies) {
    auto a = hashPin("2468", true);
    auto b = hashPin("2468", true);
    ASSERT_TRUE(a) << a.error();
    ASSERT_TRUE(b);
    EXPECT_TRUE(a->starts_with("$argon2id$")) << *a;
    EXPECT_NE(*a, *b);  // salted: the same PIN hashes differently
    EXPECT_EQ(a->find("2468"), std::string::npos);
    PinGuard guard(*a);
    EXPECT_EQ(guard.check("2468", 0.0), PinGuard::Outcome::Accepted);
    EXPECT_FALSE(hashPin("12", true));
}

TEST(AdminPin, WrongTriesGetAGrowingDelay) {
    auto hash = hashPin("2468", true);
    ASSERT_TRUE(hash);
    PinGuard guard(*hash);
    EXPECT_EQ(guard.check("1111", 100.0), PinGuard::Outcome::Wrong);
    EXPECT_DOUBLE_EQ(guard.lockedFor(100.0), 1.0);
    // While locked, even the right PIN is not taken.
    EXPECT_EQ(guard.check("2468", 100.5), PinGuard::Outcome::Locked);
    EXPECT_EQ(guard.check("2222", 101.0), PinGuard::Outcome::Wrong);
    EXPECT_DOUBLE_EQ(guard.lockedFor(101.0), 2.0);
    EXPECT_EQ(guard.check("3333", 103.0), PinGuard::Outcome::Wrong);
    EXPECT_DOUBLE_EQ(guard.lockedFor(103.0), 4.0);
    EXPECT_EQ(guard.wrongTries(), 3);
    EXPECT_EQ(guard.check("2468", 107.0), PinGuard::Outcome::Accepted);
    EXPECT_EQ(guard.wrongTries(), 0);
    EXPECT_DOUBLE_EQ(guard.lockedFor(107.0), 0.0);
    EXPECT_DOUBLE_EQ(PinGuard::delayAfter(4), 8.0);
    EXPECT_DOUBLE_EQ(PinGuard::delayAfter(30), 300.0);  // at most five minutes
}

TEST(AdminPin, NoHashOpensNothing) {
    PinGuard guard("");
    EXPECT_FALSE(guard.pinSet());
    EXPECT_EQ(guard.check("0000", 0.0), PinGuard::Outcome::NoPinSet);
}

TEST(AdminPin, HashPinCommandPrintsTheSceneLineAndNeverThePin) {
    std::FILE* in = std::tmpfile();
    std::FILE* out = std::tmpfile();
    std::FILE* err = std::tmpfile();
    std::fputs("97531\n", in);
    std::rewind(in);
    EXPECT_EQ(runHashPin(in, out, err), 0);
    auto readAll = [](std::FILE* f) {
        std::rewind(f);
        std::string text;
        char buffer[512];
        while (size_t n = std::fread(buffer, 1, sizeof buffer, f)) text.append(buffer, n);
        return text;
    };
    const std::string printed = readAll(out), messages = readAll(err);
    EXPECT_TRUE(printed.starts_with("\"adminPinHash\": \"$argon2id$")) << printed;
    EXPECT_EQ(printed.find("97531"), std::string::npos);
    EXPECT_EQ(messages.find("97531"), std::string::npos);
    // The printed hash verifies.
    const size_t start = printed.find("$argon2id$"), end = printed.rfind('"');
    PinGuard guard(printed.substr(start, end - start));
    EXPECT_EQ(guard.check("97531", 0.0), PinGuard::Outcome::Accepted);
    std::fclose(in);
    std::fclose(out);
    std::fclose(err);
}

TEST(AdminPin, HashPinCommandRefusesABadPin) {
    std::FILE* in = std::tmpfile();
    std::FILE* out = std::tmpfile();
    std::FILE* err = std::tmpfile();
    std::fputs("12ab\n", in);
    std::rewind(in);
    EXPECT_EQ(runHashPin(in, out, err), 1);
    EXPECT_EQ(std::ftell(out), 0);
    std::fclose(in);
    std::fclose(out);
    std::fclose(err);
}

}  // namespace
}  // namespace twin::kiosk
