#include "kiosk/kiosk_controller.h"

#include <algorithm>

#include "core/log.h"

namespace twin::kiosk {
namespace {
template <class... T>
struct Overloaded : T... {
    using T::operator()...;
};
template <class... T>
Overloaded(T...) -> Overloaded<T...>;

bool isPress(const engine::InputEvent& e) {
    using K = engine::InputEvent::Kind;
    return e.kind == K::MouseDown || e.kind == K::TouchDown || e.kind == K::KeyDown || e.kind == K::Scroll;
}
}  // namespace

std::string_view screenName(Screen screen) {
    switch (screen) {
        case Screen::Attract: return "attract";
        case Screen::Home: return "home";
        case Screen::Visit: return "visit";
        case Screen::PinPad: return "pin pad";
        case Screen::Admin: return "admin";
    }
    return "?";
}

KioskController::KioskController(KioskSettings settings, KioskStats* stats, std::function<UnixSeconds()> wallClock)
    : settings_(std::move(settings)),
      stats_(stats),
      wallClock_(std::move(wallClock)),
      idle_(settings_.idleTimeoutSeconds),
      gesture_(settings_.cornerPixels),
      pin_(settings_.adminPinHash),
      defaultLanguage_(settings_.language) {}

void KioskController::begin(VisitSession& session, double now) {
    begun_ = true;
    enterAttract(session, now);
}

void KioskController::enterAttract(VisitSession& session, double now) {
    screen_ = Screen::Attract;
    clearPin();
    largeText_ = highContrast_ = false;
    swallowRelease_ = false;
    session.resetVisit(defaultLanguage_);
    if (const SceneDescription* scene = session.scene(); scene && !scene->tours.empty()) {
        size_t tour = 0;
        for (size_t i = 0; i < scene->tours.size(); ++i)
            if (scene->tours[i].id == settings_.attractTour) tour = i;
        session.apply(UiCommand(twin::command::StartTour{tour}));
    }
    idle_.touch(now);
    lastSelection_ = session.selection();
    engine::log::info("kiosk: attract loop");
}

void KioskController::leaveAttract(VisitSession& session, double now) {
    screen_ = Screen::Home;
    session.apply(UiCommand(twin::command::EndTour{}));
    session.apply(UiCommand(twin::command::ResetView{}));
    sessionStart_ = wallClock_();
    tourCounted_.clear();
    tourFinishCounted_ = false;
    lastSelection_ = session.selection();
    idle_.touch(now);
    engine::log::info("kiosk: a visitor, home screen");
}

void KioskController::endVisitorSession(const VisitSession& session, double now) {
    if (!sessionStart_) return;
    // The visit ended with the last touch, not with the timeout.
    const UnixSeconds end = wallClock_() - UnixSeconds(idle_.idleSeconds(now));
    if (stats_) stats_->recordSession(*sessionStart_, std::max(end, *sessionStart_),
                                      session.language() == Language::English ? "en" : "fr");
    sessionStart_.reset();
}

Route KioskController::input(const engine::InputEvent& e, glm::vec2 viewport, VisitSession& session, double now) {
    using K = engine::InputEvent::Kind;
    if (e.kind == K::Close) return Route::Nobody;  // lockdown: the shell ignores it too
    const bool press = isPress(e);
    const bool moved = e.kind == K::MouseMove || e.kind == K::TouchMove;
    if (press || e.kind == K::Char || (moved && screen_ != Screen::Attract)) idle_.touch(now);
    if ((e.kind == K::MouseDown || e.kind == K::TouchDown) && gesture_.tap(e.position, viewport, now) && screen_ != Screen::PinPad &&
        screen_ != Screen::Admin) {
        if (screen_ == Screen::Attract) leaveAttract(session, now);
        beforePin_ = screen_;
        screen_ = Screen::PinPad;
        clearPin();
        if (!pin_.pinSet()) pinMessage_ = PinMessage::NoPinSet;
        swallowRelease_ = true;
        return Route::Nobody;
    }
    // (A swallowed finger's moves are harmless: who never saw it go down ignores them.)
    if (swallowRelease_ && (e.kind == K::MouseUp || e.kind == K::TouchUp || e.kind == K::TouchCancel)) {
        swallowRelease_ = false;
        return Route::Nobody;
    }
    switch (screen_) {
        case Screen::Attract:
            if (press) {
                leaveAttract(session, now);
                swallowRelease_ = e.kind == K::MouseDown || e.kind == K::TouchDown;
            }
            return Route::Nobody;
        case Screen::Visit: return Route::SessionAndPanels;
        default: return Route::PanelsOnly;
    }
}

void KioskController::clearPin() {
    std::fill(pinEntry_.begin(), pinEntry_.end(), '\0');
    pinEntry_.clear();
    pinMessage_ = PinMessage::None;
}

void KioskController::submitPin(double now) {
    const PinGuard::Outcome outcome = pin_.check(pinEntry_, now);
    std::fill(pinEntry_.begin(), pinEntry_.end(), '\0');
    pinEntry_.clear();
    switch (outcome) {
        case PinGuard::Outcome::Accepted:
            pinMessage_ = PinMessage::None;
            screen_ = Screen::Admin;
            engine::log::info("kiosk: admin panel opened");
            break;
        case PinGuard::Outcome::Wrong:
            pinMessage_ = PinMessage::Wrong;
            engine::log::warning("kiosk: wrong admin PIN (" + std::to_string(pin_.wrongTries()) + " in a row)");
            break;
        case PinGuard::Outcome::Locked: pinMessage_ = PinMessage::Locked; break;
        case PinGuard::Outcome::NoPinSet: pinMessage_ = PinMessage::NoPinSet; break;
    }
}

void KioskController::apply(const KioskCommand& command, VisitSession& session, double now) {
    idle_.touch(now);
    std::visit(Overloaded{
                   [&](const command::Explore&) { screen_ = Screen::Visit; },
                   [&](const command::ChooseTour& c) {
                       session.apply(UiCommand(twin::command::StartTour{c.tour}));
                       observe(UiCommand(twin::command::StartTour{c.tour}), session);
                       screen_ = Screen::Visit;
                   },
                   [&](const command::ChoosePlatform& c) {
                       session.apply(UiCommand(twin::command::OpenPlatformCard{c.platform}));
                       screen_ = Screen::Visit;
                   },
                   [&](const command::ChooseMachine& c) {
                       session.apply(UiCommand(twin::command::GoToMachine{c.machine}));
                       screen_ = Screen::Visit;
                   },
                   [&](const command::SetLanguage& c) { session.apply(UiCommand(twin::command::SetLanguage{c.language})); },
                   [&](const command::SetLargeText& c) { largeText_ = c.on; },
                   [&](const command::SetHighContrast& c) { highContrast_ = c.on; },
                   [&](const command::GoHome&) {
                       if (session.tour()) session.apply(UiCommand(twin::command::EndTour{}));
                       session.apply(UiCommand(twin::command::CloseMachineCard{}));
                       session.apply(UiCommand(twin::command::ClosePlatformCard{}));
                       if (session.walking()) session.apply(UiCommand(twin::command::ToggleWalk{}));
                       session.apply(UiCommand(twin::command::ResetView{}));
                       screen_ = Screen::Home;
                   },
                   [&](const command::PinDigit& c) {
                       if (screen_ != Screen::PinPad || c.digit < '0' || c.digit > '9') return;
                       if (pinMessage_ != PinMessage::NoPinSet) pinMessage_ = PinMessage::None;
                       if (pinEntry_.size() < 12) pinEntry_.push_back(c.digit);
                   },
                   [&](const command::PinErase&) {
                       if (!pinEntry_.empty()) {
                           pinEntry_.back() = '\0';
                           pinEntry_.pop_back();
                       }
                   },
                   [&](const command::PinSubmit&) {
                       if (screen_ == Screen::PinPad) submitPin(now);
                   },
                   [&](const command::PinCancel&) {
                       clearPin();
                       if (screen_ == Screen::PinPad) screen_ = beforePin_ == Screen::Visit ? Screen::Visit : Screen::Home;
                   },
                   [&](const command::AdminExit&) {
                       if (screen_ != Screen::Admin) return;
                       endVisitorSession(session, now);
                       exit_ = true;
                       engine::log::info("kiosk: closed from the admin panel");
                   },
                   [&](const command::AdminRestartAttract&) {
                       if (screen_ != Screen::Admin) return;
                       endVisitorSession(session, now);
                       enterAttract(session, now);
                   },
                   [&](const command::AdminSetDefaultLanguage& c) {
                       if (screen_ != Screen::Admin) return;
                       defaultLanguage_ = c.language;
                   },
                   [&](const command::AdminClose&) {
                       if (screen_ == Screen::Admin) screen_ = Screen::Home;
                   },
               },
               command);
}

void KioskController::observe(const UiCommand& command, const VisitSession& session) {
    const SceneDescription* scene = session.scene();
    if (const auto* start = std::get_if<twin::command::StartTour>(&command); start && scene &&
                                                                              start->tour < scene->tours.size()) {
        tourCounted_ = scene->tours[start->tour].id;
        tourFinishCounted_ = false;
        if (stats_ && sessionStart_) stats_->recordTourStarted(wallClock_(), tourCounted_);
    }
}

void KioskController::advance(VisitSession& session, double now) {
    if (!begun_) return;
    if (screen_ != Screen::Attract && idle_.expired(now)) {
        engine::log::info("kiosk: idle for " + std::to_string(int(idle_.timeout())) + " s, back to the attract loop");
        endVisitorSession(session, now);
        enterAttract(session, now);
        return;
    }
    if (screen_ == Screen::Attract || !sessionStart_) return;
    // The visit's statistics: a tour that reaches its last stop is finished;
    // a card the visitor opens (not one a tour opens) is counted.
    const TourPlayer* tour = session.tour();
    if (tour && !tourCounted_.empty() && tour->tour().id == tourCounted_ && !tourFinishCounted_ &&
        tour->stopCount() > 0 && tour->currentStop() + 1 == tour->stopCount() && !tour->moving()) {
        tourFinishCounted_ = true;
        if (stats_) stats_->recordTourFinished(wallClock_(), tourCounted_);
    }
    const Selection& selection = session.selection();
    if (!(selection == lastSelection_)) {
        lastSelection_ = selection;
        const SceneDescription* scene = session.scene();
        if (!tour && scene && stats_) {
            if (const auto* p = std::get_if<PlatformIndex>(&selection); p && p->value < scene->platforms.size())
                stats_->recordCardOpened(wallClock_(), "platform:" + scene->platforms[p->value].id);
            if (const auto* m = std::get_if<MachineIndex>(&selection); m && m->value < scene->machines.size())
                stats_->recordCardOpened(wallClock_(), "machine:" + scene->machines[m->value].id);
        }
    }
}

double KioskController::secondsUntilDue(double now) const {
    if (screen_ == Screen::Attract) return 1.0;
    // The PIN pad counts the delay down on screen.
    if (screen_ == Screen::PinPad && pin_.lockedFor(now) > 0) return 0.25;
    return std::max(0.05, idle_.secondsLeft(now));
}

KioskView KioskController::view(double now) const {
    KioskView v;
    v.screen = screen_;
    v.largeText = largeText_;
    v.highContrast = highContrast_;
    v.pinDigits = pinEntry_.size();
    v.pinMessage = pinMessage_;
    v.pinLockedSeconds = pin_.lockedFor(now);
    if (v.pinMessage == PinMessage::Wrong && v.pinLockedSeconds <= 0) v.pinMessage = PinMessage::Wrong;
    v.defaultLanguage = defaultLanguage_;
    v.dataSource = settings_.dataSource;
    v.idleSeconds = idle_.idleSeconds(now);
    if (stats_ && screen_ == Screen::Admin) {
        const UnixSeconds wall = wallClock_();
        v.today = stats_->totals(wall - wall % 86400);
        v.allTime = stats_->totals(0);
        v.statisticsKept = true;
    }
    return v;
}

}  // namespace twin::kiosk
