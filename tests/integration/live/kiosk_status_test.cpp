// A kiosk's status on a real broker (DESIGN.md section 4, docs/kiosk.md):
// `twin-tour --kiosk` under X (Xvfb in the test scripts) publishes a retained
// PREFIX/kiosks/{id}/status on connecting and then at its interval; killed
// (SIGKILL, as a crash), the broker publishes its Last Will, "online":
// false; closed from the admin panel or stopped by SIGTERM (systemd's stop),
// it says so itself.
#include <gtest/gtest.h>

#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <thread>

#include <nlohmann/json.hpp>

#include "feeds/mqtt_client.h"
#include "feeds/timestamp.h"
#include "test_broker.h"

extern char** environ;

namespace twin {
namespace {

using namespace std::chrono_literals;
using nlohmann::json;
using testing::TestBroker;

const char* const kTopic = "twin/v1/kiosks/it-kiosk/status";

std::filesystem::path scratch(const std::string& name) {
    const auto folder = std::filesystem::temp_directory_path() / ("twin-kiosk-status-" + std::to_string(::getpid()));
    std::filesystem::create_directories(folder);
    return folder / name;
}

// The kiosk, running in the background until killed or ended.
class KioskProcess {
public:
    explicit KioskProcess(std::vector<std::string> args) {
        args.insert(args.begin(), TWIN_TOUR_APP);
        std::vector<char*> argv;
        for (std::string& a : args) argv.push_back(a.data());
        argv.push_back(nullptr);
        std::vector<std::string> env;
        for (char** e = environ; e && *e; ++e) env.emplace_back(*e);
        env.push_back(std::string("TWIN_TOUR_CACHE_DIR=") + TWIN_MODEL_CACHE);
        std::vector<char*> envp;
        for (std::string& e : env) envp.push_back(e.data());
        envp.push_back(nullptr);
        if (::posix_spawn(&pid_, TWIN_TOUR_APP, nullptr, nullptr, argv.data(), envp.data()) != 0) pid_ = -1;
    }
    ~KioskProcess() {
        if (pid_ > 0) {
            ::kill(pid_, SIGKILL);
            ::waitpid(pid_, nullptr, 0);
        }
    }
    bool started() const { return pid_ > 0; }
    void kill() {
        ::kill(pid_, SIGKILL);
        ::waitpid(pid_, nullptr, 0);
        pid_ = -1;
    }
    void signal(int number) { ::kill(pid_, number); }
    // The exit code once it ended by itself within `timeout`; -1 otherwise.
    int wait(std::chrono::seconds timeout) {
        const auto end = std::chrono::steady_clock::now() + timeout;
        while (std::chrono::steady_clock::now() < end) {
            int status = 0;
            if (::waitpid(pid_, &status, WNOHANG) == pid_) {
                pid_ = -1;
                return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
            }
            std::this_thread::sleep_for(20ms);
        }
        return -1;
    }

private:
    pid_t pid_ = -1;
};

// A subscriber to the kiosk's status topic.
class StatusWatcher {
public:
    explicit StatusWatcher(const TestBroker& broker) {
        auto settings = feeds::parseBrokerUrl(broker.url());
        settings->topicPrefix = "twin/v1/kiosks/it-kiosk";  // subscribes to .../#
        auto client = feeds::MqttClient::start(*settings);
        if (client) client_ = std::move(client).value();
    }
    // The next status whose "online" is `online`, or a null json after `timeout`.
    json next(bool online, std::chrono::seconds timeout) {
        json found;
        testing::waitFor(
            [&] {
                for (feeds::MqttMessage& m : client_->takeMessages()) {
                    if (m.topic != kTopic) continue;
                    json doc = json::parse(m.payload, nullptr, false);
                    if (!doc.is_discarded() && doc.value("online", !online) == online && found.is_null()) found = doc;
                }
                return !found.is_null();
            },
            timeout);
        return found;
    }

private:
    std::unique_ptr<feeds::MqttClient> client_;
};

std::vector<std::string> kioskArgs(const TestBroker& broker) {
    return {TWIN_SCENE_FILE, "--kiosk", "--mqtt", broker.url(), "--kiosk-id", "it-kiosk",
            "--kiosk-status-interval", "1", "--kiosk-stats", scratch("stats.sqlite").string(),
            "--history", scratch("history-" + std::to_string(std::rand()) + ".sqlite").string()};
}

void expectRecent(const json& status) {
    ASSERT_TRUE(status["ts"].is_string()) << status;
    auto ts = feeds::parseTimestamp(status["ts"].get<std::string>());
    ASSERT_TRUE(ts) << status;
    const auto now = std::chrono::time_point_cast<feeds::Seconds>(std::chrono::system_clock::now());
    EXPECT_LE(std::chrono::abs(now - *ts), feeds::Seconds(120)) << status;
}

// Each test: a display and a real broker of its own.
class KioskStatus : public ::testing::Test {
protected:
    void SetUp() override {
        ASSERT_NE(std::getenv("DISPLAY"), nullptr) << "the kiosk needs an X display (Xvfb)";
        ASSERT_TRUE(broker.running()) << broker.error();
    }
    TestBroker broker;
};

TEST_F(KioskStatus, RetainedEverySecondAndTheLastWillSaysOffline) {
    KioskProcess app(kioskArgs(broker));
    ASSERT_TRUE(app.started());
    StatusWatcher watcher(broker);

    // Loading the building may take a while on a loaded machine.
    json first = watcher.next(true, 90s);
    ASSERT_FALSE(first.is_null()) << "no status from the kiosk";
    EXPECT_TRUE(first["uptime_s"].is_number_integer()) << first;
    EXPECT_TRUE(first["frame_ms"].is_null() || first["frame_ms"].get<double>() > 0.0) << first;
    EXPECT_GT(first["memory_mib"].get<int>(), 10) << first;
    EXPECT_LT(first["memory_mib"].get<int>(), 4096) << first;
    EXPECT_TRUE(first["last_input"].is_null()) << "nobody touched it: " << first;
    EXPECT_TRUE(first["source"] == "mqtt" || first["source"] == "replay") << first;
    EXPECT_EQ(first["version"], TWIN_TOUR_VERSION_TEXT);
    expectRecent(first);

    // Refreshed at its interval (1 s here), and the live feed is connected by now.
    json later;
    for (int i = 0; i < 10 && (later.is_null() || later["uptime_s"] <= first["uptime_s"]); ++i) later = watcher.next(true, 10s);
    ASSERT_FALSE(later.is_null());
    EXPECT_GT(later["uptime_s"].get<int>(), first["uptime_s"].get<int>()) << later;
    EXPECT_EQ(later["source"], "mqtt") << later;
    EXPECT_TRUE(later["frame_ms"].is_number()) << "the attract loop draws frames: " << later;

    // Retained: a subscriber arriving now gets it at once.
    {
        StatusWatcher newcomer(broker);
        json retained = newcomer.next(true, 10s);
        ASSERT_FALSE(retained.is_null()) << "the status is not retained";
    }

    // A crash: the broker notices within 1.5 keep-alives (5 s here) and
    // publishes the Last Will, retained.
    app.kill();
    json will = watcher.next(false, 20s);
    ASSERT_FALSE(will.is_null()) << "no Last Will after the kiosk was killed";
    EXPECT_EQ(will["version"], TWIN_TOUR_VERSION_TEXT);
    EXPECT_TRUE(will["last_input"].is_null()) << will;
    StatusWatcher newcomer(broker);
    EXPECT_FALSE(newcomer.next(false, 10s).is_null()) << "the Last Will is not retained";
}

TEST_F(KioskStatus, StoppedBySigtermItSaysOfflineItself) {
    KioskProcess app(kioskArgs(broker));
    ASSERT_TRUE(app.started());
    StatusWatcher watcher(broker);
    // Running, with frames drawn (the attract loop).
    json running;
    for (int i = 0; i < 20 && (running.is_null() || !running["frame_ms"].is_number()); ++i) running = watcher.next(true, 90s);
    ASSERT_FALSE(running.is_null()) << "no status from the kiosk";
    ASSERT_TRUE(running["frame_ms"].is_number()) << running;

    // systemd's stop: SIGTERM, then SIGKILL after a while. The kiosk ends
    // at once, with exit code 0, and says goodbye itself.
    app.signal(SIGTERM);
    EXPECT_EQ(app.wait(30s), 0) << "SIGTERM ends the kiosk cleanly";
    json last = watcher.next(false, 10s);
    ASSERT_FALSE(last.is_null()) << "no \"online\": false after SIGTERM";
    // Not the Last Will: that one was fixed at the start, with no frame time.
    EXPECT_TRUE(last["frame_ms"].is_number()) << last;
    expectRecent(last);
}

TEST_F(KioskStatus, ClosedFromTheAdminPanelItSaysOfflineItself) {
    std::vector<std::string> args = kioskArgs(broker);
    for (std::string a : {"--size", "1280x720", "--data-time", "2026-11-24T10:30:00Z", "--kiosk-pin-hash-file",
                          TWIN_KIOSK_PIN_HASH, "--play-input", TWIN_KIOSK_EXIT_RECORDING})
        args.push_back(a);
    KioskProcess app(args);
    ASSERT_TRUE(app.started());
    EXPECT_EQ(app.wait(150s), 0) << "the recording's gesture, PIN and \"exit\" end the kiosk";
    // What stays on the broker is the kiosk's own goodbye, not its Last Will
    // (the broker drops the Will on a clean disconnection): it knows the
    // visitor's last touch, the Will does not.
    StatusWatcher newcomer(broker);
    json last = newcomer.next(false, 10s);
    ASSERT_FALSE(last.is_null()) << "no retained \"online\": false after a clean exit";
    EXPECT_TRUE(last["last_input"].is_string()) << last;
    expectRecent(last);
}

}  // namespace
}  // namespace twin
