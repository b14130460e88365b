#pragma once
// A kiosk's rules around one visit session: the attract loop after an idle
// timeout (the visit reset for the next visitor), the home screen the first
// touch opens, the hidden admin gesture and PIN, lockdown, and the
// anonymous statistics. Fed the same input events and clock as the session
// (seconds since the visit was ready), so unit tests and recordings drive
// it. No GL, no ImGui.
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <variant>

#include <glm/glm.hpp>

#include "i18n/strings.h"
#include "kiosk/admin_gesture.h"
#include "kiosk/admin_pin.h"
#include "kiosk/idle_timer.h"
#include "kiosk/kiosk_stats.h"
#include "platform/input.h"
#include "session/visit_session.h"

namespace twin::kiosk {

enum class Screen { Attract, Home, Visit, PinPad, Admin };
std::string_view screenName(Screen screen);

struct KioskSettings {
    double idleTimeoutSeconds = 120.0;
    std::string attractTour;  // empty: the scene's first tour
    Language language = Language::French;
    std::string adminPinHash;  // empty: no PIN set, the admin panel cannot open
    float cornerPixels = 96.0f;  // the admin gesture's corner
    std::string dataSource;      // what the admin panel says about the live data
};

// What the kiosk's panels ask for.
namespace command {
struct Explore {};                                  // home: the free visit
struct ChooseTour { size_t tour = 0; };             // home: a guided tour
struct ChoosePlatform { size_t platform = 0; };
struct ChooseMachine { size_t machine = 0; };
struct SetLanguage { Language language; };
struct SetLargeText { bool on = false; };
struct SetHighContrast { bool on = false; };
struct GoHome {};                                   // the visit's "home" button
struct PinDigit { char digit = '0'; };
struct PinErase {};
struct PinSubmit {};
struct PinCancel {};
struct AdminExit {};
struct AdminRestartAttract {};
struct AdminSetDefaultLanguage { Language language; };
struct AdminClose {};
}  // namespace command
using KioskCommand =
    std::variant<command::Explore, command::ChooseTour, command::ChoosePlatform, command::ChooseMachine,
                 command::SetLanguage, command::SetLargeText, command::SetHighContrast, command::GoHome,
                 command::PinDigit, command::PinErase, command::PinSubmit, command::PinCancel, command::AdminExit,
                 command::AdminRestartAttract, command::AdminSetDefaultLanguage, command::AdminClose>;

enum class PinMessage { None, Wrong, Locked, NoPinSet };

// What the kiosk's panels show (plain data).
struct KioskView {
    Screen screen = Screen::Attract;
    bool largeText = false;
    bool highContrast = false;
    size_t pinDigits = 0;  // how many digits are typed (never which)
    PinMessage pinMessage = PinMessage::None;
    double pinLockedSeconds = 0;
    Language defaultLanguage = Language::French;
    Totals today;  // statistics since midnight UTC
    Totals allTime;
    bool statisticsKept = false;
    std::string dataSource;
    double idleSeconds = 0;
};

// Where an input event goes.
enum class Route { SessionAndPanels, PanelsOnly, Nobody };

class KioskController {
public:
    // `stats` may be null (no statistics kept); `wallClock` gives the
    // statistics' time (tests inject one).
    KioskController(KioskSettings settings, KioskStats* stats, std::function<UnixSeconds()> wallClock);

    Screen screen() const { return screen_; }
    // The visit is loaded: reset it and start the attract loop.
    void begin(VisitSession& session, double now);
    // An input event at `now`; says who else sees it.
    Route input(const engine::InputEvent& event, glm::vec2 viewport, VisitSession& session, double now);
    // What the kiosk's panels asked for.
    void apply(const KioskCommand& command, VisitSession& session, double now);
    // What the visit's panels asked for (counted in the statistics).
    void observe(const UiCommand& command, const VisitSession& session);
    // Time moves on: the idle timeout, the statistics of the visit.
    void advance(VisitSession& session, double now);
    // Seconds until advance() has something to do (the idle timeout).
    double secondsUntilDue(double now) const;
    // The admin asked to leave (the only way out).
    bool exitRequested() const { return exit_; }
    KioskView view(double now) const;
    const KioskSettings& settings() const { return settings_; }
    double idleSeconds(double now) const { return idle_.idleSeconds(now); }
    const PinGuard& pinGuard() const { return pin_; }

private:
    void enterAttract(VisitSession& session, double now);
    void leaveAttract(VisitSession& session, double now);
    void endVisitorSession(const VisitSession& session, double now);
    void submitPin(double now);
    void clearPin();

    KioskSettings settings_;
    KioskStats* stats_;
    std::function<UnixSeconds()> wallClock_;
    Screen screen_ = Screen::Attract;
    Screen beforePin_ = Screen::Home;
    IdleTimer idle_;
    AdminGesture gesture_;
    PinGuard pin_;
    std::string pinEntry_;
    PinMessage pinMessage_ = PinMessage::None;
    Language defaultLanguage_;
    bool largeText_ = false;
    bool highContrast_ = false;
    bool swallowRelease_ = false;  // the touch that ended the attract loop
    bool exit_ = false;
    bool begun_ = false;
    // The visitor's session, for the statistics.
    std::optional<UnixSeconds> sessionStart_;
    Selection lastSelection_;
    std::string tourCounted_;  // the tour whose start is counted
    bool tourFinishCounted_ = false;
};

}  // namespace twin::kiosk
