#pragma once
// Where the live values come from, put together: the replay week (the
// default, offline) or an MQTT broker with the SQLite history behind it.
// The main thread calls update() each frame; everything here runs on it
// (MQTT's network thread only fills the client's queue). No GL, no ImGui.
#include <chrono>
#include <functional>
#include <deque>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "feeds/live_state.h"
#include "feeds/message_source.h"
#include "feeds/payload.h"
#include "feeds/timeline.h"

namespace twin::feeds {

struct LiveFeedDesc {
    std::string mqttUrl;                   // empty: the scene's broker, else the replay
    std::filesystem::path historyFile;     // live mode: where values are kept (empty: none)
    std::optional<TimePoint> replayStart;  // replay: the data time to start at (default: now)
    // The replay's wall clock (default: steady_clock::now). A played-back
    // recording runs the replay on its own stepped clock, so the data seen
    // at each step is the same however fast the frames are drawn.
    std::function<std::chrono::steady_clock::time_point()> wallClock;
    double replaySpeed = 1.0;
    // Live messages from a source the caller holds (tests; a shell with a
    // transport of its own). When set, it takes the place of the broker the
    // URL names (openBroker): the URL is ignored, the replay week stands in
    // until the source says it is connected, and its messages go through
    // the same validation. Not owned: it must outlive the feed.
    MessageSource* messageSource = nullptr;
};

class LiveFeed {
public:
    // Never fails: what cannot be used (a missing replay file, a bad URL, an
    // unreadable history) becomes a line in takeProblems(), and the feed runs
    // with what remains.
    LiveFeed(const SceneDescription& scene, const LiveFeedDesc& desc);
    ~LiveFeed();
    LiveFeed(const LiveFeed&) = delete;
    LiveFeed& operator=(const LiveFeed&) = delete;

    // Takes what arrived and moves the replay on. True when something shown
    // changed: the state, the connection, or the clock's minute.
    bool update();
    // How long the app may sleep before update() can have news.
    std::chrono::milliseconds timeUntilNews() const;

    const LiveState& state() const { return state_; }
    TimePoint clock() const { return clock_; }  // the data's time: replay time or now
    Connection connection() const;
    // The replay week plays: none is configured, or the broker has not been
    // reached yet in this run (the scene's replay then stands in for it).
    bool isReplay() const;
    bool replayStandsIn() const { return standIn_; }  // a broker is configured but never reached
    // When the connection to the broker was lost, while it stays lost; the
    // last values stay shown, all stale.
    std::optional<TimePoint> offlineSince() const { return offlineSince_; }
    // Replay: never stale. Live: the scene's stale-after; while the broker
    // is lost, zero: nothing shown can be taken as current.
    Seconds staleAfter() const { return offlineSince_ ? Seconds(0) : staleAfter_; }
    uint64_t rejected() const { return rejected_; }
    const std::deque<std::string>& recentRejections() const { return recentRejections_; }  // newest last
    const Timeline* timeline() const;  // for charts: the replay week or the history; may be null
    std::vector<std::string> takeProblems();

    // The time slider. Replay: moves the data clock. Live: shows the history
    // at that time until followLive().
    void seek(TimePoint time);
    void followLive();
    bool viewingPast() const { return viewingPast_; }
    // What the slider spans: the replay week around the clock, or the last
    // day of history up to now.
    std::pair<TimePoint, TimePoint> slidableRange() const;
    void setReplaySpeed(double speed);
    double replaySpeed() const;
    // The speed the replay started at (LiveFeedDesc::replaySpeed): where the
    // next visitor of a kiosk finds it, whatever the last one chose.
    double startReplaySpeed() const { return startReplaySpeed_; }

    struct Sources;

private:
    void reject(const std::string& topic, const std::string& reason);
    void rebuildAt(TimePoint time);
    bool startReplay(const SceneDescription& scene, TimePoint start, double speed);
    void endStandIn();
    std::chrono::steady_clock::time_point wall() const {
        return wallClock_ ? wallClock_() : std::chrono::steady_clock::now();
    }

    std::function<std::chrono::steady_clock::time_point()> wallClock_;
    double startReplaySpeed_;
    std::unique_ptr<Sources> sources_;
    KnownIds ids_;
    std::string topicPrefix_;
    LiveState state_;
    TimePoint clock_{};
    Seconds staleAfter_{300};
    Seconds liveStaleAfter_{300};
    bool standIn_ = false;
    std::optional<TimePoint> offlineSince_;
    uint64_t rejected_ = 0;
    uint64_t droppedSeen_ = 0;
    std::deque<std::string> recentRejections_;
    std::vector<std::string> problems_;
    // The history could not be written (a full disk...): reported once, and
    // values are no longer saved; what it holds is still shown.
    bool historyFailed_ = false;
    void stopSavingHistory(const std::string& error);
    bool viewingPast_ = false;
    uint64_t shownRevision_ = 0;
    int64_t shownMinute_ = -1;
    Connection shownConnection_ = Connection::Replay;
    std::chrono::steady_clock::time_point lastPrune_ = std::chrono::steady_clock::now();
};

KnownIds knownIdsOf(const SceneDescription& scene);

// $XDG_STATE_HOME/twin-tour/history.sqlite, or ~/.local/state/twin-tour/...
std::filesystem::path defaultHistoryFile();

}  // namespace twin::feeds
