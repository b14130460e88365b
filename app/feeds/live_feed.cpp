#include "feeds/live_feed.h"

#include <cstdlib>

#include "core/file_util.h"
#include "core/log.h"
#include "feeds/history_store.h"
#include "feeds/replay_clock.h"
#include "feeds/replay_week.h"

namespace twin::feeds {
namespace {

using Steady = std::chrono::steady_clock;

constexpr size_t kRecentRejections = 8;
// A flood of bad messages must not flood the log as well: the first ones are
// logged, then one line every kRejectionLogEvery.
constexpr uint64_t kRejectionsLoggedInFull = 20;
constexpr uint64_t kRejectionLogEvery = 1000;

TimePoint systemNow() { return std::chrono::time_point_cast<Seconds>(std::chrono::system_clock::now()); }

int64_t minuteOf(TimePoint time) { return time.time_since_epoch().count() / 60; }

}  // namespace

struct LiveFeed::Sources {
    // Replay
    std::optional<ReplayWeek> week;
    std::optional<ReplayClock> replayClock;
    // Live: the messages come from `messages`, which is `broker` or the
    // caller's source (LiveFeedDesc::messageSource).
    MessageSource* messages = nullptr;
    std::unique_ptr<MessageSource> broker;
    std::optional<HistoryStore> history;
};

KnownIds knownIdsOf(const SceneDescription& scene) {
    KnownIds ids;
    for (const Platform& p : scene.platforms) ids.platforms.insert(p.id);
    for (const Machine& m : scene.machines) ids.machines.insert(m.id);
    return ids;
}

std::filesystem::path defaultHistoryFile() {
    return engine::userStateDirectory() / "twin-tour" / "history.sqlite";
}

LiveFeed::LiveFeed(const SceneDescription& scene, const LiveFeedDesc& desc)
    : wallClock_(desc.wallClock),
      startReplaySpeed_(desc.replaySpeed),
      sources_(std::make_unique<Sources>()),
      ids_(knownIdsOf(scene)),
      topicPrefix_(scene.feeds.topicPrefix),
      staleAfter_(Seconds(int64_t(scene.feeds.staleAfterSeconds))),
      liveStaleAfter_(staleAfter_) {
    const std::string url = desc.mqttUrl.empty() ? scene.feeds.mqttUrl : desc.mqttUrl;
    if (!url.empty() || desc.messageSource) {
        clock_ = systemNow();
        // Until the broker is first reached, the replay week stands in (a
        // kiosk started without network still shows a living building); the
        // data bar says so.
        if (!scene.feeds.replay.empty()) {
            standIn_ = startReplay(scene, desc.replayStart.value_or(clock_), desc.replaySpeed);
            if (!standIn_) {
                sources_->replayClock.reset();
                staleAfter_ = liveStaleAfter_;
                clock_ = systemNow();
            }
        }
        if (!desc.historyFile.empty()) {
            auto history = HistoryStore::open(desc.historyFile, ids_);
            if (history) {
                sources_->history.emplace(std::move(history.value()));
                // The last known values, shown stale with their age until fresh ones come.
                if (!standIn_) sources_->history->stateAt(clock_, state_);
            } else {
                problems_.push_back(history.error());
            }
        }
        if (desc.messageSource) {
            sources_->messages = desc.messageSource;
        } else {
            auto broker = openBroker(url, scene.feeds, topicPrefix_);
            if (!broker) {
                problems_.push_back(broker.error());
                return;
            }
            sources_->broker = std::move(broker.value());
            sources_->messages = sources_->broker.get();
        }
        sources_->messages->listenTo(topicPrefix_);
        engine::log::info("live data from " + (desc.messageSource ? std::string("the caller's source") : url) +
                          ", topics " + topicPrefix_ + "/#");
        return;
    }
    clock_ = desc.replayStart.value_or(systemNow());
    if (scene.feeds.replay.empty()) {
        sources_->replayClock.emplace(clock_, wall(), desc.replaySpeed);
        staleAfter_ = Seconds(int64_t(100) * 365 * 24 * 3600);
        problems_.push_back(scene.file.string() + ": no live data: the scene names no replay data set and no broker");
        return;
    }
    startReplay(scene, clock_, desc.replaySpeed);
}

// Plays the scene's replay week from `start`; false (and a problem) when it
// cannot be read. The clock runs even then, so the data bar shows a time.
bool LiveFeed::startReplay(const SceneDescription& scene, TimePoint start, double speed) {
    clock_ = start;
    sources_->replayClock.emplace(clock_, wall(), speed);
    // A recorded week is complete: a value holds until the next one (a closed
    // building sends nothing all night), so nothing in it is ever stale.
    staleAfter_ = Seconds(int64_t(100) * 365 * 24 * 3600);
    auto week = ReplayWeek::load(scene.feeds.replay, ids_);
    if (!week) {
        problems_.push_back(week.error());
        return false;
    }
    for (const std::string& problem : week->problems()) engine::log::warning(problem);
    sources_->week.emplace(std::move(week.value()));
    rebuildAt(clock_);
    return true;
}

// The broker is reached for the first time: the replay gives way to the
// live values (the history's last known ones, then what arrives).
void LiveFeed::endStandIn() {
    standIn_ = false;
    sources_->week.reset();
    sources_->replayClock.reset();
    staleAfter_ = liveStaleAfter_;
    viewingPast_ = false;
    clock_ = systemNow();
    state_.clear();
    if (sources_->history) sources_->history->stateAt(clock_, state_);
    engine::log::info("live data: the broker is reached; the typical week gives way to the live values");
}

LiveFeed::~LiveFeed() = default;

bool LiveFeed::isReplay() const { return sources_->replayClock.has_value(); }

Connection LiveFeed::connection() const {
    if (sources_->messages) return sources_->messages->connection();
    return sources_->replayClock ? Connection::Replay : Connection::Offline;
}

const Timeline* LiveFeed::timeline() const {
    if (sources_->week) return &*sources_->week;
    if (sources_->history) return &*sources_->history;
    return nullptr;
}

void LiveFeed::rebuildAt(TimePoint time) {
    state_.clear();
    if (const Timeline* past = timeline()) past->stateAt(time, state_);
}

void LiveFeed::reject(const std::string& topic, const std::string& reason) {
    ++rejected_;
    std::string line = topic + ": " + reason;
    if (rejected_ <= kRejectionsLoggedInFull) {
        engine::log::warning("rejected live message " + line);
    } else if (rejected_ % kRejectionLogEvery == 0) {
        engine::log::warning(std::to_string(rejected_) + " live messages rejected so far; latest " + line);
    }
    recentRejections_.push_back(std::move(line));
    if (recentRejections_.size() > kRecentRejections) recentRejections_.pop_front();
}

bool LiveFeed::update() {
    if (sources_->messages) {
        const Connection connection = sources_->messages->connection();
        if (connection == Connection::Connected) {
            if (standIn_) endStandIn();
            offlineSince_.reset();
        } else if (connection == Connection::Offline && !standIn_ && !offlineSince_) {
            // Lost after having been reached (attempts to come back flip it
            // between connecting and offline: the first loss is kept).
            offlineSince_ = systemNow();
        }
    }
    if (sources_->replayClock) {
        const TimePoint now = sources_->replayClock->now(wall());
        if (sources_->week) {
            // Small steps forward apply what happened in between; a jump
            // (the slider, a loop) rebuilds the state at the new time.
            if (now >= clock_ && now - clock_ <= Seconds(3600))
                sources_->week->forEachBetween(clock_, now, [&](const Update& u) { state_.apply(u); });
            else
                rebuildAt(now);
        }
        clock_ = now;
    }
    if (sources_->messages) {
        if (!viewingPast_ && !standIn_) clock_ = systemNow();
        // Messages the bounded queue had to drop (a flood) are rejected too.
        if (const uint64_t dropped = sources_->messages->dropped(); dropped > droppedSeen_) {
            rejected_ += dropped - droppedSeen_;
            droppedSeen_ = dropped;
        }
        const std::string kioskTopics = topicPrefix_ + "/kiosks/";
        for (MqttMessage& message : sources_->messages->takeMessages()) {
            // Kiosks' status messages share the prefix: part of the contract,
            // not live values, so neither shown nor rejected.
            if (message.topic.starts_with(kioskTopics)) continue;
            if (message.oversize) {
                reject(message.topic, "message too large (payload over 16 KiB or topic over 512 bytes)");
                continue;
            }
            auto parsed = parseMessage(topicPrefix_, message.topic, message.payload, ids_, systemNow());
            if (!parsed) {
                reject(message.topic, parsed.error());
                continue;
            }
            if (sources_->history && !historyFailed_) {
                if (auto recorded = sources_->history->record(*parsed); !recorded) stopSavingHistory(recorded.error());
            }
            if (!viewingPast_ && !standIn_) state_.apply(*parsed);
        }
        // The last batch is saved a second after its last value: a failure
        // then shows here, with no value to follow it.
        if (sources_->history && !historyFailed_) {
            if (auto saved = sources_->history->takeCommitError(); !saved) stopSavingHistory(saved.error());
        }
        // A kiosk runs for weeks: the history is trimmed hourly, not only at start.
        if (sources_->history && !historyFailed_ && Steady::now() - lastPrune_ > std::chrono::hours(1)) {
            lastPrune_ = Steady::now();
            if (auto pruned = sources_->history->prune(systemNow()); !pruned) stopSavingHistory(pruned.error());
        }
    }
    const Connection connection = this->connection();
    const bool changed = state_.revision() != shownRevision_ || minuteOf(clock_) != shownMinute_ ||
                         connection != shownConnection_;
    shownRevision_ = state_.revision();
    shownMinute_ = minuteOf(clock_);
    shownConnection_ = connection;
    return changed;
}

std::chrono::milliseconds LiveFeed::timeUntilNews() const {
    using std::chrono::milliseconds;
    if (sources_->messages) return milliseconds(250);  // the queue is polled; cheap
    if (!sources_->replayClock || sources_->replayClock->paused()) return milliseconds(60'000);
    // The clock shows minutes, and replay events are at least a minute apart
    // in data time, so waking at the next data minute is enough.
    const double dataSecondsLeft = 60.0 - double(clock_.time_since_epoch().count() % 60);
    const double wallSeconds = dataSecondsLeft / sources_->replayClock->speed();
    return milliseconds(std::max<int64_t>(20, int64_t(wallSeconds * 1000.0)));
}

void LiveFeed::stopSavingHistory(const std::string& error) {
    historyFailed_ = true;
    sources_->history->discardUnsaved();
    problems_.push_back(error + "; live values are no longer saved in the history (the app goes on without it)");
}

std::vector<std::string> LiveFeed::takeProblems() { return std::exchange(problems_, {}); }

void LiveFeed::seek(TimePoint time) {
    if (sources_->replayClock) {
        sources_->replayClock->seek(time, wall());
        clock_ = time;
        rebuildAt(time);
        return;
    }
    viewingPast_ = true;
    clock_ = std::min(time, systemNow());
    rebuildAt(clock_);
}

void LiveFeed::followLive() {
    if (!viewingPast_) return;
    viewingPast_ = false;
    clock_ = systemNow();
    rebuildAt(clock_);  // the history holds everything received, up to now
}

std::pair<TimePoint, TimePoint> LiveFeed::slidableRange() const {
    if (sources_->week) {
        const TimePoint start = sources_->week->weekStart();
        const auto weeks = std::chrono::floor<std::chrono::weeks>(clock_ - start);
        const TimePoint from = start + std::chrono::duration_cast<Seconds>(weeks);
        return {from, from + kWeek};
    }
    const TimePoint now = systemNow();
    return {now - Seconds(24 * 3600), now};
}

void LiveFeed::setReplaySpeed(double speed) {
    if (sources_->replayClock) sources_->replayClock->setSpeed(speed, wall());
}

double LiveFeed::replaySpeed() const { return sources_->replayClock ? sources_->replayClock->speed() : 1.0; }

}  // namespace twin::feeds
