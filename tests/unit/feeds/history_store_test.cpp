// HistoryStore: values go to a SQLite file and come back through
// parseMessage; the file survives close and reopen, is pruned to the
// retention, and anything odd on disk or in the location is an error that
// names the file, or a row that is skipped.
#include "feeds/history_store.h"

#include <sqlite3.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <fstream>
#include <iterator>
#include <string>
#include <thread>
#include <vector>

#include <gtest/gtest.h>

#include "core/split_mix.h"
#include "feeds/timestamp.h"

namespace twin::feeds {
namespace {
namespace fs = std::filesystem;
using namespace std::chrono_literals;

// A fresh folder per test, removed with everything in it.
class TempFolder {
public:
    TempFolder() {
        static std::atomic<int> counter{0};
        path_ = fs::temp_directory_path() /
                ("twin-history-test-" + std::to_string(::getpid()) + "-" + std::to_string(counter++));
        fs::remove_all(path_);
        fs::create_directories(path_);
    }
    ~TempFolder() {
        std::error_code ec;
        fs::permissions(path_, fs::perms::owner_all, fs::perm_options::add, ec);
        fs::remove_all(path_, ec);
    }
    const fs::path& path() const { return path_; }

private:
    fs::path path_;
};

// A second connection to the file, as another program (or a damaged disk) would see it.
class RawDatabase {
public:
    explicit RawDatabase(const fs::path& file) {
        EXPECT_EQ(sqlite3_open_v2(file.c_str(), &db_, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr), SQLITE_OK);
    }
    ~RawDatabase() { sqlite3_close_v2(db_); }
    void exec(const std::string& sql) {
        char* message = nullptr;
        EXPECT_EQ(sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, &message), SQLITE_OK)
            << sql << ": " << (message ? message : "");
        sqlite3_free(message);
    }
    std::string query(const std::string& sql) {
        sqlite3_stmt* statement = nullptr;
        std::string result = "(error)";
        if (sqlite3_prepare_v2(db_, sql.c_str(), -1, &statement, nullptr) == SQLITE_OK &&
            sqlite3_step(statement) == SQLITE_ROW) {
            const auto* text = sqlite3_column_text(statement, 0);
            result = text ? reinterpret_cast<const char*>(text) : "(null)";
        }
        sqlite3_finalize(statement);
        return result;
    }

private:
    sqlite3* db_ = nullptr;
};

// A failed Status shows its message.
testing::AssertionResult ok(const engine::Status& status) {
    if (status) return testing::AssertionSuccess();
    return testing::AssertionFailure() << status.error();
}

KnownIds testIds() { return {{"additive", "robotics"}, {"cobot", "printer"}}; }

// Recent, so that pruning at open (by the real clock) keeps it.
const TimePoint kBase = std::chrono::floor<Seconds>(std::chrono::system_clock::now()) - 1h;

Update occupancy(const std::string& platform, int count, TimePoint ts, std::optional<int> capacity = std::nullopt) {
    return OccupancyUpdate{platform, Occupancy{count, capacity, ts}};
}

Update machine(const std::string& id, MachineState state, TimePoint ts, LocalizedText job = {},
               std::optional<double> progress = std::nullopt) {
    return MachineUpdate{id, MachineStatus{state, std::move(job), progress, ts, ts}};
}

// A job named by one string, in both languages (as the contract's plain form).
Update machine(const std::string& id, MachineState state, TimePoint ts, const std::string& job,
               std::optional<double> progress = std::nullopt) {
    return machine(id, state, ts, LocalizedText{job, job}, progress);
}

Update activity(TimePoint ts) {
    ActivityReport report;
    report.current = {{"Formation fabrication additive", "Additive manufacturing training"},
                      ActivityKind::Training, ts - 30min, ts + 90min, 12};
    report.next = Activity{{"Laboratoire ouvert", "Open lab"}, ActivityKind::OpenLab, ts + 2h, ts + 4h, std::nullopt};
    report.ts = ts;
    return ActivityUpdate{"additive", report};
}

HistoryStore openStore(const fs::path& file, Seconds retention = Seconds{30 * 24 * 3600}) {
    engine::Result<HistoryStore> store = HistoryStore::open(file, testIds(), retention);
    if (!store) ADD_FAILURE() << store.error();
    EXPECT_TRUE(store.ok());
    return std::move(store).value();
}

std::vector<Update> allBetween(const HistoryStore& store, TimePoint from, TimePoint to) {
    std::vector<Update> updates;
    store.forEachBetween(from, to, [&](const Update& update) { updates.push_back(update); });
    return updates;
}

std::vector<TimePoint> timestampsOf(const std::vector<Update>& updates) {
    std::vector<TimePoint> times;
    for (const Update& update : updates) times.push_back(timestampOf(update));
    return times;
}

std::optional<int> countAt(const HistoryStore& store, TimePoint time, const std::string& platform = "additive") {
    LiveState state;
    store.stateAt(time, state);
    const PlatformLive* live = state.platform(platform);
    if (!live || !live->occupancy) return std::nullopt;
    return live->occupancy->count;
}

void writeFile(const fs::path& file, const std::string& bytes) {
    std::ofstream out(file, std::ios::binary);
    out << bytes;
}

std::string readFile(const fs::path& file) {
    std::ifstream in(file, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

TEST(HistoryStoreTest, RoundTripsTheThreeKindsOfUpdate) {
    TempFolder folder;
    HistoryStore store = openStore(folder.path() / "history.db");
    ASSERT_TRUE(ok(store.record(occupancy("additive", 12, kBase, 20))));
    ASSERT_TRUE(ok(store.record(occupancy("robotics", 3, kBase + 1s))));
    ASSERT_TRUE(ok(store.record(activity(kBase + 2s))));
    ASSERT_TRUE(ok(store.record(machine("cobot", MachineState::Running, kBase + 3s, "bracket batch 7", 0.42))));
    ASSERT_TRUE(ok(store.record(machine("printer", MachineState::Fault, kBase + 4s))));
    EXPECT_EQ(store.size(), 5u);

    const std::vector<Update> back = allBetween(store, kBase - 1s, kBase + 4s);
    ASSERT_EQ(back.size(), 5u);

    const auto& full = std::get<OccupancyUpdate>(back[0]);
    EXPECT_EQ(full.platform, "additive");
    EXPECT_EQ(full.value.count, 12);
    EXPECT_EQ(full.value.capacity, 20);
    EXPECT_EQ(full.value.ts, kBase);
    const auto& bare = std::get<OccupancyUpdate>(back[1]);
    EXPECT_EQ(bare.platform, "robotics");
    EXPECT_EQ(bare.value.count, 3);
    EXPECT_FALSE(bare.value.capacity);

    const auto& report = std::get<ActivityUpdate>(back[2]);
    EXPECT_EQ(report.platform, "additive");
    EXPECT_EQ(report.value.ts, kBase + 2s);
    EXPECT_EQ(report.value.current.title.fr, "Formation fabrication additive");
    EXPECT_EQ(report.value.current.title.en, "Additive manufacturing training");
    EXPECT_EQ(report.value.current.kind, ActivityKind::Training);
    EXPECT_EQ(report.value.current.start, kBase + 2s - 30min);
    EXPECT_EQ(report.value.current.end, kBase + 2s + 90min);
    EXPECT_EQ(report.value.current.headcount, 12);
    ASSERT_TRUE(report.value.next);
    EXPECT_EQ(report.value.next->title.en, "Open lab");
    EXPECT_EQ(report.value.next->kind, ActivityKind::OpenLab);
    EXPECT_EQ(report.value.next->start, kBase + 2s + 2h);
    EXPECT_EQ(report.value.next->end, kBase + 2s + 4h);
    EXPECT_FALSE(report.value.next->headcount);

    const auto& running = std::get<MachineUpdate>(back[3]);
    EXPECT_EQ(running.machine, "cobot");
    EXPECT_EQ(running.value.state, MachineState::Running);
    EXPECT_EQ(running.value.job.fr, "bracket batch 7");
    EXPECT_EQ(running.value.job.en, "bracket batch 7");
    ASSERT_TRUE(running.value.progress);
    EXPECT_DOUBLE_EQ(*running.value.progress, 0.42);
    EXPECT_EQ(running.value.ts, kBase + 3s);
    const auto& fault = std::get<MachineUpdate>(back[4]);
    EXPECT_EQ(fault.machine, "printer");
    EXPECT_EQ(fault.value.state, MachineState::Fault);
    EXPECT_TRUE(fault.value.job.empty());
    EXPECT_FALSE(fault.value.progress);

    // The same values through stateAt.
    LiveState state;
    store.stateAt(kBase + 10s, state);
    ASSERT_TRUE(state.platform("additive") && state.platform("additive")->occupancy && state.platform("additive")->activity);
    EXPECT_EQ(state.platform("additive")->occupancy->count, 12);
    EXPECT_EQ(state.platform("additive")->activity->current.title.fr, "Formation fabrication additive");
    ASSERT_TRUE(state.platform("robotics") && state.platform("robotics")->occupancy);
    EXPECT_EQ(state.platform("robotics")->occupancy->count, 3);
    ASSERT_TRUE(state.machine("cobot") && state.machine("cobot")->status);
    EXPECT_EQ(state.machine("cobot")->status->job.en, "bracket batch 7");
    ASSERT_TRUE(state.machine("printer") && state.machine("printer")->status);
    EXPECT_EQ(state.machine("printer")->status->state, MachineState::Fault);
}

TEST(HistoryStoreTest, KeepsValuesAcrossCloseAndReopen) {
    TempFolder folder;
    const fs::path file = folder.path() / "nested" / "folders" / "history.db";  // created on open
    {
        HistoryStore store = openStore(file);
        ASSERT_TRUE(ok(store.record(occupancy("additive", 7, kBase))));
        ASSERT_TRUE(ok(store.record(machine("cobot", MachineState::Setup, kBase + 5s, "fixture"))));
    }
    {
        // On disk once the store is gone, in a WAL-mode file of schema version 1.
        RawDatabase raw(file);
        EXPECT_EQ(raw.query("SELECT count(*) FROM history_values"), "2");
        EXPECT_EQ(raw.query("PRAGMA journal_mode"), "wal");
        EXPECT_EQ(raw.query("PRAGMA user_version"), "1");
    }
    HistoryStore store = openStore(file);
    EXPECT_EQ(store.size(), 2u);
    EXPECT_EQ(countAt(store, kBase + 10s), 7);
    LiveState state;
    store.stateAt(kBase + 10s, state);
    ASSERT_TRUE(state.machine("cobot") && state.machine("cobot")->status);
    EXPECT_EQ(state.machine("cobot")->status->state, MachineState::Setup);
    EXPECT_EQ(state.machine("cobot")->status->job.fr, "fixture");
    // And it goes on recording after the reopen.
    ASSERT_TRUE(ok(store.record(occupancy("additive", 8, kBase + 20s))));
    EXPECT_EQ(store.size(), 3u);
    EXPECT_EQ(countAt(store, kBase + 20s), 8);
}

TEST(HistoryStoreTest, CommitsRecordedValuesWithinSecondsWhileOpen) {
    // A kiosk may lose power at any moment: a value must reach the file
    // without waiting for the store to close or for more values.
    TempFolder folder;
    const fs::path file = folder.path() / "history.db";
    HistoryStore store = openStore(file);
    ASSERT_TRUE(ok(store.record(occupancy("additive", 4, kBase))));
    RawDatabase raw(file);
    const auto deadline = std::chrono::steady_clock::now() + 10s;
    std::string rows;
    while ((rows = raw.query("SELECT count(*) FROM history_values")) != "1" &&
           std::chrono::steady_clock::now() < deadline)
        std::this_thread::sleep_for(20ms);
    EXPECT_EQ(rows, "1");
}

TEST(HistoryStoreTest, ASaveThatFailsInTheBackgroundIsToldWithNoValueAfterIt) {
    // The last values of a burst are saved a second later by the writer
    // thread; when that fails (a full disk, made here with RLIMIT_FSIZE on
    // this test's process) the failure must come out without waiting for a
    // value that may never come.
    TempFolder folder;
    const fs::path file = folder.path() / "history.db";
    HistoryStore store = openStore(file);
    auto previousHandler = std::signal(SIGXFSZ, SIG_IGN);
    rlimit previous{};
    ASSERT_EQ(getrlimit(RLIMIT_FSIZE, &previous), 0);
    const rlimit low{48 * 1024, previous.rlim_max};
    ASSERT_EQ(setrlimit(RLIMIT_FSIZE, &low), 0);
    bool toldByRecord = false;
    for (int i = 0; i < 600 && !toldByRecord; ++i)
        toldByRecord = !store.record(occupancy("additive", i % 40, kBase + Seconds(i))).ok();
    std::string told;
    const auto deadline = std::chrono::steady_clock::now() + 10s;
    while (!toldByRecord && told.empty() && std::chrono::steady_clock::now() < deadline) {
        if (engine::Status saved = store.takeCommitError(); !saved) told = saved.error();
        std::this_thread::sleep_for(20ms);
    }
    store.discardUnsaved();
    setrlimit(RLIMIT_FSIZE, &previous);
    std::signal(SIGXFSZ, previousHandler);
    ASSERT_FALSE(toldByRecord) << "600 values took over a second: the batch was saved by record()";
    EXPECT_NE(told.find("cannot save the last"), std::string::npos) << told;
    EXPECT_TRUE(ok(store.takeCommitError())) << "told once";
}

TEST(HistoryStoreTest, PrunesValuesOlderThanTheRetentionAtOpen) {
    TempFolder folder;
    const fs::path file = folder.path() / "history.db";
    const TimePoint now = std::chrono::floor<Seconds>(std::chrono::system_clock::now());
    {
        HistoryStore store = openStore(file, Seconds{24 * 3600});
        ASSERT_TRUE(ok(store.record(occupancy("additive", 1, now - Seconds{3 * 24 * 3600}))));
        ASSERT_TRUE(ok(store.record(occupancy("additive", 2, now - Seconds{2 * 24 * 3600}))));
        ASSERT_TRUE(ok(store.record(occupancy("additive", 3, now - 1h))));
        EXPECT_EQ(store.size(), 3u);  // record keeps whatever it is given
    }
    HistoryStore store = openStore(file, Seconds{24 * 3600});
    EXPECT_EQ(store.size(), 1u);
    EXPECT_EQ(timestampsOf(allBetween(store, now - Seconds{7 * 24 * 3600}, now)), std::vector<TimePoint>{now - 1h});
    EXPECT_EQ(countAt(store, now - Seconds{2 * 24 * 3600}), std::nullopt);
}

TEST(HistoryStoreTest, PruneDropsOnlyValuesOlderThanNowMinusTheRetention) {
    TempFolder folder;
    HistoryStore store = openStore(folder.path() / "history.db", 60s);
    const TimePoint now = std::chrono::floor<Seconds>(std::chrono::system_clock::now());
    for (Seconds age : {100s, 50s, 10s}) ASSERT_TRUE(ok(store.record(occupancy("additive", int(age.count()), now - age))));
    ASSERT_TRUE(ok(store.prune(now)));  // drops before now - 60 s
    EXPECT_EQ(timestampsOf(allBetween(store, now - 1h, now)), (std::vector<TimePoint>{now - 50s, now - 10s}));
    ASSERT_TRUE(ok(store.prune(now + 50s)));  // now - 10 s is the limit itself: kept
    EXPECT_EQ(timestampsOf(allBetween(store, now - 1h, now)), std::vector<TimePoint>{now - 10s});
    ASSERT_TRUE(ok(store.prune(now + 51s)));
    EXPECT_EQ(store.size(), 0u);
    EXPECT_EQ(countAt(store, now), std::nullopt);
}

TEST(HistoryStoreTest, StateAtTakesTheLatestValueAtOrBeforeTheTimeWhateverTheRecordingOrder) {
    TempFolder folder;
    HistoryStore store = openStore(folder.path() / "history.db");
    // Retained messages and replays arrive out of order.
    for (int second : {30, 10, 20}) ASSERT_TRUE(ok(store.record(occupancy("additive", second, kBase + Seconds{second}))));
    ASSERT_TRUE(ok(store.record(machine("cobot", MachineState::Idle, kBase + 15s))));
    ASSERT_TRUE(ok(store.record(machine("cobot", MachineState::Running, kBase + 5s))));
    ASSERT_TRUE(ok(store.record(occupancy("robotics", 9, kBase + 25s))));

    EXPECT_EQ(countAt(store, kBase + 9s), std::nullopt);
    EXPECT_EQ(countAt(store, kBase + 10s), 10);  // at the time itself
    EXPECT_EQ(countAt(store, kBase + 25s), 20);
    EXPECT_EQ(countAt(store, kBase + 30s), 30);
    EXPECT_EQ(countAt(store, kBase + 1h), 30);
    EXPECT_EQ(countAt(store, kBase + 24s, "robotics"), std::nullopt);
    EXPECT_EQ(countAt(store, kBase + 25s, "robotics"), 9);

    LiveState state;
    store.stateAt(kBase + 12s, state);
    ASSERT_TRUE(state.machine("cobot") && state.machine("cobot")->status);
    EXPECT_EQ(state.machine("cobot")->status->state, MachineState::Running);
    EXPECT_EQ(state.machine("cobot")->status->ts, kBase + 5s);
    EXPECT_EQ(state.platform("robotics"), nullptr);
    state.clear();
    store.stateAt(kBase + 15s, state);
    EXPECT_EQ(state.machine("cobot")->status->state, MachineState::Idle);

    // Two values in the same second: the one recorded last wins.
    ASSERT_TRUE(ok(store.record(occupancy("additive", 41, kBase + 40s))));
    ASSERT_TRUE(ok(store.record(occupancy("additive", 42, kBase + 40s))));
    EXPECT_EQ(countAt(store, kBase + 40s), 42);
}

TEST(HistoryStoreTest, ForEachBetweenExcludesFromIncludesToAndGoesOldestFirst) {
    TempFolder folder;
    HistoryStore store = openStore(folder.path() / "history.db");
    for (int second : {4, 1, 5, 3, 2}) ASSERT_TRUE(ok(store.record(occupancy("additive", second, kBase + Seconds{second}))));
    ASSERT_TRUE(ok(store.record(machine("cobot", MachineState::Idle, kBase + 3s))));  // same second, recorded later

    const std::vector<Update> between = allBetween(store, kBase + 1s, kBase + 4s);
    EXPECT_EQ(timestampsOf(between), (std::vector<TimePoint>{kBase + 2s, kBase + 3s, kBase + 3s, kBase + 4s}));
    ASSERT_EQ(between.size(), 4u);
    EXPECT_TRUE(std::holds_alternative<OccupancyUpdate>(between[1]));
    EXPECT_TRUE(std::holds_alternative<MachineUpdate>(between[2]));

    EXPECT_EQ(allBetween(store, kBase + 5s, kBase + 1h).size(), 0u);
    EXPECT_EQ(allBetween(store, kBase + 4s, kBase + 4s).size(), 0u);
    EXPECT_EQ(allBetween(store, kBase + 4s, kBase + 1s).size(), 0u);  // reversed range
    EXPECT_EQ(allBetween(store, kBase, kBase + 5s).size(), 6u);

    // `visit` may use the store (it is not called with the store locked).
    size_t visited = 0;
    store.forEachBetween(kBase, kBase + 5s, [&](const Update&) {
        EXPECT_EQ(store.size(), 6u);
        ++visited;
    });
    EXPECT_EQ(visited, 6u);
}

TEST(HistoryStoreTest, ForEachBetweenVisitsManyValuesOfOneSecondEachOnceInOrder) {
    // More values in one second than forEachBetween reads at a time.
    TempFolder folder;
    HistoryStore store = openStore(folder.path() / "history.db");
    constexpr int kSameSecond = 1300;
    ASSERT_TRUE(ok(store.record(occupancy("robotics", 1, kBase + 9s))));
    for (int i = 0; i < kSameSecond; ++i) ASSERT_TRUE(ok(store.record(occupancy("additive", i, kBase + 10s))));
    ASSERT_TRUE(ok(store.record(occupancy("robotics", 2, kBase + 11s))));
    ASSERT_TRUE(ok(store.record(occupancy("robotics", 3, kBase + 12s))));

    std::vector<int> counts;
    std::vector<TimePoint> times;
    store.forEachBetween(kBase + 9s, kBase + 11s, [&](const Update& update) {
        counts.push_back(std::get<OccupancyUpdate>(update).value.count);
        times.push_back(timestampOf(update));
    });
    ASSERT_EQ(counts.size(), size_t(kSameSecond + 1));
    for (int i = 0; i < kSameSecond; ++i) ASSERT_EQ(counts[i], i) << "at " << i;
    EXPECT_EQ(counts.back(), 2);
    EXPECT_EQ(times.back(), kBase + 11s);
}

TEST(HistoryStoreTest, KeepsBilingualJobsAndReadsOlderPlainOnes) {
    TempFolder folder;
    const fs::path file = folder.path() / "history.db";
    {
        HistoryStore store = openStore(file);
        ASSERT_TRUE(ok(store.record(machine("cobot", MachineState::Running, kBase + 1s,
                                            LocalizedText{"Support de capteur — lot 7", "Sensor bracket — batch 7"}, 0.25))));
        ASSERT_TRUE(ok(store.record(machine("printer", MachineState::Setup, kBase + 2s, "fixture"))));
    }
    {
        RawDatabase raw(file);
        // One name is stored as the plain string older versions wrote; two as an object.
        EXPECT_EQ(raw.query("SELECT payload FROM history_values WHERE topic = 'machines/printer/state'"),
                  R"({"state":"setup","job":"fixture","ts":")" + formatTimestamp(kBase + 2s) + "\"}");
        EXPECT_NE(raw.query("SELECT payload FROM history_values WHERE topic = 'machines/cobot/state'")
                      .find(R"("job":{"fr":"Support de capteur — lot 7","en":"Sensor bracket — batch 7"})"),
                  std::string::npos);
        // A row exactly as a version before bilingual jobs wrote it.
        const std::string ts = std::to_string((kBase + 3s).time_since_epoch().count());
        raw.exec("INSERT INTO history_values VALUES (" + ts + ", 'machines/cobot/state', "
                 "'{\"state\":\"running\",\"job\":\"Old job name\",\"progress\":0.5,\"ts\":\"" +
                 formatTimestamp(kBase + 3s) + "\"}')");
    }
    HistoryStore store = openStore(file);
    EXPECT_EQ(store.size(), 3u);
    LiveState state;
    store.stateAt(kBase + 1s, state);
    ASSERT_TRUE(state.machine("cobot") && state.machine("cobot")->status);
    EXPECT_EQ(state.machine("cobot")->status->job.fr, "Support de capteur — lot 7");
    EXPECT_EQ(state.machine("cobot")->status->job.en, "Sensor bracket — batch 7");
    store.stateAt(kBase + 3s, state);
    ASSERT_TRUE(state.machine("cobot")->status);
    EXPECT_EQ(state.machine("cobot")->status->job.fr, "Old job name");
    EXPECT_EQ(state.machine("cobot")->status->job.en, "Old job name");
    ASSERT_TRUE(state.machine("printer") && state.machine("printer")->status);
    EXPECT_EQ(state.machine("printer")->status->job.fr, "fixture");
}

TEST(HistoryStoreTest, SkipsDamagedRowsAndLoadsTheOthers) {
    TempFolder folder;
    const fs::path file = folder.path() / "history.db";
    {
        HistoryStore store = openStore(file);
        for (int second = 1; second <= 6; ++second)
            ASSERT_TRUE(ok(store.record(occupancy("additive", second, kBase + Seconds{second}))));
        ASSERT_TRUE(ok(store.record(machine("cobot", MachineState::Running, kBase + 3s))));
    }
    {
        RawDatabase raw(file);
        const auto at = [](int second) { return std::to_string((kBase + Seconds{second}).time_since_epoch().count()); };
        raw.exec("UPDATE history_values SET payload = '{\"count\": \x01garbage' WHERE ts = " + at(2));
        raw.exec("UPDATE history_values SET payload = '{\"count\": -5, \"ts\": \"x\"}' WHERE ts = " + at(6));
        raw.exec("UPDATE history_values SET ts = ts + 1 WHERE ts = " + at(4));  // no longer its payload's time
        raw.exec("UPDATE history_values SET topic = 'machines/unknown/state' WHERE topic LIKE 'machines/%'");
        raw.exec("INSERT INTO history_values VALUES (" + at(5) + ", 'platforms/additive/occupancy', '')");
    }
    HistoryStore store = openStore(file);
    EXPECT_EQ(store.size(), 8u);  // damaged rows are still there, only never trusted
    std::vector<int> counts;
    store.forEachBetween(kBase, kBase + 1h,
                         [&](const Update& update) { counts.push_back(std::get<OccupancyUpdate>(update).value.count); });
    EXPECT_EQ(counts, (std::vector<int>{1, 3, 5}));
    // The latest value that reads back stands in for a damaged later one.
    EXPECT_EQ(countAt(store, kBase + 2s), 1);
    EXPECT_EQ(countAt(store, kBase + 1h), 5);
    LiveState state;
    store.stateAt(kBase + 1h, state);
    EXPECT_TRUE(state.machines().empty());
}

TEST(HistoryStoreTest, RefusesAFileThatIsNotADatabaseAndLeavesItAlone) {
    TempFolder folder;
    const fs::path file = folder.path() / "notes.db";
    engine::SplitMix64 random(7);
    std::string bytes(8192, '\0');
    for (char& byte : bytes) byte = static_cast<char>(random.next() & 0xff);
    writeFile(file, bytes);

    engine::Result<HistoryStore> store = HistoryStore::open(file, testIds());
    ASSERT_FALSE(store.ok());
    EXPECT_NE(store.error().find(file.string()), std::string::npos) << store.error();
    EXPECT_NE(store.error().find("not a history store"), std::string::npos) << store.error();
    EXPECT_NE(store.error().find("not a database"), std::string::npos) << store.error();
    EXPECT_EQ(readFile(file), bytes);

    // A text file too.
    writeFile(file, "SQLite format 3 is what this file says, but it is only text.\n");
    store = HistoryStore::open(file, testIds());
    ASSERT_FALSE(store.ok());
    EXPECT_NE(store.error().find(file.string()), std::string::npos) << store.error();
}

TEST(HistoryStoreTest, RefusesAnotherDatabaseOrAnotherSchemaVersion) {
    TempFolder folder;
    const fs::path other = folder.path() / "other.db";
    RawDatabase(other).exec("CREATE TABLE visitors (name TEXT)");
    engine::Result<HistoryStore> store = HistoryStore::open(other, testIds());
    ASSERT_FALSE(store.ok());
    EXPECT_NE(store.error().find(other.string()), std::string::npos) << store.error();
    EXPECT_NE(store.error().find("not a Twin Tour history store"), std::string::npos) << store.error();

    const fs::path future = folder.path() / "future.db";
    { HistoryStore created = openStore(future); }
    RawDatabase(future).exec("PRAGMA user_version = 7");
    store = HistoryStore::open(future, testIds());
    ASSERT_FALSE(store.ok());
    EXPECT_NE(store.error().find(future.string()), std::string::npos) << store.error();
    EXPECT_NE(store.error().find("version 7"), std::string::npos) << store.error();

    // The right version number on a database without the history table.
    const fs::path pretender = folder.path() / "pretender.db";
    RawDatabase(pretender).exec("CREATE TABLE visitors (name TEXT); PRAGMA user_version = 1");
    store = HistoryStore::open(pretender, testIds());
    ASSERT_FALSE(store.ok());
    EXPECT_NE(store.error().find(pretender.string()), std::string::npos) << store.error();
    EXPECT_NE(store.error().find("history_values"), std::string::npos) << store.error();
}

TEST(HistoryStoreTest, ReportsAFolderItCannotCreate) {
    TempFolder folder;
    // A file is in the way, which stops root too.
    writeFile(folder.path() / "plain", "a file, not a folder");
    const fs::path underFile = folder.path() / "plain" / "history" / "history.db";
    engine::Result<HistoryStore> store = HistoryStore::open(underFile, testIds());
    ASSERT_FALSE(store.ok());
    EXPECT_NE(store.error().find(underFile.string()), std::string::npos) << store.error();
    EXPECT_NE(store.error().find("cannot create its folder"), std::string::npos) << store.error();

    // The file's name is a folder.
    fs::create_directories(folder.path() / "taken.db");
    store = HistoryStore::open(folder.path() / "taken.db", testIds());
    ASSERT_FALSE(store.ok());
    EXPECT_NE(store.error().find("taken.db"), std::string::npos) << store.error();
    EXPECT_NE(store.error().find("folder"), std::string::npos) << store.error();
}

// The error of opening `file` without the right to write; "" when it opens.
// Root may write anywhere, so as root the open runs in a child process that
// has become "nobody"; nullopt when that is not possible.
std::optional<std::string> openErrorWithoutWriteAccess(const fs::path& file) {
    if (::geteuid() != 0) {
        engine::Result<HistoryStore> store = HistoryStore::open(file, testIds());
        return store ? std::string() : store.error();
    }
    int channel[2];
    if (::pipe(channel) != 0) return std::nullopt;
    const pid_t child = ::fork();
    if (child < 0) return std::nullopt;
    if (child == 0) {
        ::close(channel[0]);
        std::string message = "\x01";  // could not become nobody
        constexpr uid_t kNobody = 65534;
        if (::setgid(kNobody) == 0 && ::setuid(kNobody) == 0) {
            engine::Result<HistoryStore> store = HistoryStore::open(file, testIds());
            message = store ? std::string() : store.error();
        }
        const ssize_t written = ::write(channel[1], message.data(), message.size());
        ::_exit(written == ssize_t(message.size()) ? 0 : 1);
    }
    ::close(channel[1]);
    std::string message;
    char buffer[512];
    for (ssize_t got; (got = ::read(channel[0], buffer, sizeof buffer)) > 0;) message.append(buffer, size_t(got));
    ::close(channel[0]);
    int status = 0;
    ::waitpid(child, &status, 0);
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0 || message == "\x01") return std::nullopt;
    return message;
}

TEST(HistoryStoreTest, ReportsAReadOnlyFileOrFolder) {
    TempFolder folder;
    const fs::path readOnly = folder.path() / "read-only.db";
    { HistoryStore created = openStore(readOnly); }
    fs::permissions(readOnly, fs::perms::owner_read | fs::perms::group_read | fs::perms::others_read);
    const fs::path lockedFolder = folder.path() / "locked";
    fs::create_directories(lockedFolder);
    fs::permissions(lockedFolder, fs::perms::owner_read | fs::perms::owner_exec | fs::perms::group_read |
                                      fs::perms::group_exec | fs::perms::others_read | fs::perms::others_exec);

    const std::optional<std::string> fileError = openErrorWithoutWriteAccess(readOnly);
    const std::optional<std::string> folderError = openErrorWithoutWriteAccess(lockedFolder / "history.db");
    fs::permissions(lockedFolder, fs::perms::owner_all);  // so that it can be removed
    if (!fileError || !folderError) GTEST_SKIP() << "cannot drop root's right to write anywhere";

    EXPECT_NE(fileError->find(readOnly.string()), std::string::npos) << *fileError;
    EXPECT_NE(fileError->find("read-only"), std::string::npos) << *fileError;
    EXPECT_NE(folderError->find((lockedFolder / "history.db").string()), std::string::npos) << *folderError;
    EXPECT_NE(folderError->find("cannot open or create it"), std::string::npos) << *folderError;
    EXPECT_FALSE(fs::exists(lockedFolder / "history.db"));
}

TEST(HistoryStoreTest, RefusesANonPositiveRetention) {
    TempFolder folder;
    engine::Result<HistoryStore> store = HistoryStore::open(folder.path() / "history.db", testIds(), Seconds{0});
    ASSERT_FALSE(store.ok());
    EXPECT_NE(store.error().find("retention"), std::string::npos) << store.error();
}

TEST(HistoryStoreTest, TakesAFloodOfTenThousandValues) {
    TempFolder folder;
    const fs::path file = folder.path() / "history.db";
    constexpr int kFlood = 10000;
    std::vector<Update> updates;
    for (int i = 0; i < kFlood; ++i) {
        const TimePoint ts = kBase + Seconds{i / 10};
        updates.push_back(i % 2 ? occupancy(i % 4 == 1 ? "additive" : "robotics", i % 50, ts, 60)
                                : machine(i % 4 == 0 ? "cobot" : "printer", MachineState::Running, ts, "job", 0.5));
    }
    double seconds = 0.0;
    {
        HistoryStore store = openStore(file);
        const auto start = std::chrono::steady_clock::now();
        for (const Update& update : updates) ASSERT_TRUE(ok(store.record(update)));
        seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        EXPECT_EQ(store.size(), size_t(kFlood));
    }
    std::printf("[ figures  ] %d records in %.1f ms (%.1f us each)\n", kFlood, seconds * 1e3, seconds * 1e6 / kFlood);
    HistoryStore store = openStore(file);
    EXPECT_EQ(store.size(), size_t(kFlood));
    const auto start = std::chrono::steady_clock::now();
    EXPECT_EQ(allBetween(store, kBase - 1s, kBase + 1h).size(), size_t(kFlood));
    const double readSeconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    std::printf("[ figures  ] forEachBetween over %d values: %.1f ms\n", kFlood, readSeconds * 1e3);
}

TEST(HistoryStoreTest, AMovedFromStoreReportsErrorsInsteadOfCrashing) {
    TempFolder folder;
    HistoryStore store = openStore(folder.path() / "history.db");
    ASSERT_TRUE(ok(store.record(occupancy("additive", 1, kBase))));
    HistoryStore moved = std::move(store);
    EXPECT_EQ(moved.size(), 1u);
    EXPECT_FALSE(store.record(occupancy("additive", 2, kBase)));  // NOLINT(bugprone-use-after-move)
    EXPECT_FALSE(store.prune(kBase));
    EXPECT_EQ(store.size(), 0u);
    EXPECT_EQ(allBetween(store, kBase - 1s, kBase).size(), 0u);
}

}  // namespace
}  // namespace twin::feeds
