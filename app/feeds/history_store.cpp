#include "feeds/history_store.h"

#include <sqlite3.h>

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <limits>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <system_error>
#include <thread>
#include <utility>
#include <vector>

#include "core/log.h"

namespace twin::feeds {
namespace {
namespace fs = std::filesystem;
using engine::makeError;
using engine::Status;
using SteadyClock = std::chrono::steady_clock;

// Version 1: one table of values. STRICT, so a value of the wrong type is
// refused on the way in; rows are still validated on the way out.
constexpr int kSchemaVersion = 1;
constexpr const char* kCreateSchema = R"sql(
BEGIN IMMEDIATE;
CREATE TABLE history_values (
    ts INTEGER NOT NULL,   -- seconds since 1970-01-01 UTC
    topic TEXT NOT NULL,   -- topicSuffixOf: "platforms/additive/occupancy"
    payload TEXT NOT NULL  -- payloadOf: the message as published
) STRICT;
CREATE INDEX history_values_by_topic ON history_values (topic, ts);  -- latest per topic at or before t
CREATE INDEX history_values_by_time ON history_values (ts);          -- between t1 and t2, oldest first
PRAGMA user_version = 1;
COMMIT;
)sql";

// Values are written in batches, one transaction a second or every
// kMaxBatchRows values: a commit per value writes three pages (the table and
// two indexes) to the journal for each value and cannot keep up with a
// flood. A power cut loses at most the open batch; WAL keeps the file
// consistent whatever happens.
constexpr auto kCommitInterval = std::chrono::seconds(1);
constexpr int kMaxBatchRows = 2048;
// forEachBetween reads this many rows at a time, so memory stays bounded
// whatever the range, and `visit` runs without the store locked.
constexpr int kReadChunkRows = 512;
// Payloads are at most 16 KiB; SQLite refuses to load anything longer than
// this instead of allocating whatever a damaged file claims.
constexpr int kMaxValueBytes = 1 << 20;
constexpr int kBusyTimeoutMs = 1000;       // another process writing the same file
constexpr int kJournalSizeLimit = 4 << 20; // the WAL file is cut back to this after a checkpoint

// Rows are re-read through parseMessage as if they had arrived on this
// prefix, with a receiver clock past any timestamp parseTimestamp accepts
// (4-digit years), so a stored value is never "in the future".
constexpr std::string_view kTopicPrefix = "history";
const TimePoint kFarFuture{std::chrono::sys_days{std::chrono::year{10000} / 1 / 1}};

std::string quoted(const fs::path& path) { return "\"" + path.string() + "\""; }

int64_t secondsOf(TimePoint time) { return time.time_since_epoch().count(); }

struct ConnectionCloser {
    void operator()(sqlite3* db) const { sqlite3_close_v2(db); }
};
struct StatementFinalizer {
    void operator()(sqlite3_stmt* statement) const { sqlite3_finalize(statement); }
};
using Statement = std::unique_ptr<sqlite3_stmt, StatementFinalizer>;

// Leaves a prepared statement ready for its next use on every way out of a scope.
class Rewind {
public:
    explicit Rewind(const Statement& statement) : statement_(statement.get()) {}
    ~Rewind() {
        sqlite3_reset(statement_);
        sqlite3_clear_bindings(statement_);
    }
    Rewind(const Rewind&) = delete;
    Rewind& operator=(const Rewind&) = delete;

private:
    sqlite3_stmt* statement_;
};

void bindText(const Statement& statement, int index, std::string_view text) {
    sqlite3_bind_text(statement.get(), index, text.data(), static_cast<int>(text.size()), SQLITE_TRANSIENT);
}

std::string_view textColumn(const Statement& statement, int column) {
    const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(statement.get(), column));
    if (!text) return {};
    return {text, static_cast<size_t>(sqlite3_column_bytes(statement.get(), column))};
}

}  // namespace

struct HistoryStore::Impl {
    Impl(fs::path file, KnownIds ids, Seconds retention)
        : file_(std::move(file)), ids_(std::move(ids)), retention_(retention) {}
    ~Impl();

    Status open();
    Status record(const Update& update);
    Status prune(TimePoint now);
    void discardUnsaved();
    Status takeCommitError();
    size_t size();
    void stateAt(TimePoint time, LiveState& state);
    void forEachBetween(TimePoint from, TimePoint to, const std::function<void(const Update&)>& visit);

private:
    engine::Error failPlain(std::string_view what) const {
        return makeError("history file " + quoted(file_) + ": " + std::string(what));
    }
    // The error of the last SQLite call on the connection, with what was being done.
    engine::Error fail(std::string_view what) const {
        return failPlain(std::string(what) + ": " + sqlite3_errmsg(db_.get()));
    }
    bool exec(const char* sql) { return sqlite3_exec(db_.get(), sql, nullptr, nullptr, nullptr) == SQLITE_OK; }
    std::optional<std::string> queryText(const char* sql);
    Status prepare(Statement& statement, const char* sql);

    // With mutex_ held.
    Status commitLocked();
    Status pruneLocked(TimePoint now);
    std::optional<Update> readRow(int64_t rowid, int64_t ts);
    void warnUnreadable(std::string_view what);
    void runCommitter();

    fs::path file_;
    KnownIds ids_;
    Seconds retention_;
    std::unique_ptr<sqlite3, ConnectionCloser> db_;  // declared before the statements: closed after them
    Statement insert_, prune_, count_, nextTopic_, latestKeys_, sameSecondKeys_, laterKeys_, rowById_;

    // The connection is used by the caller's thread and by the committer.
    std::mutex mutex_;
    std::condition_variable wake_;
    SteadyClock::time_point batchStarted_{};
    int batchRows_ = 0;
    std::string committerError_;  // a failed background commit, until record() or takeCommitError() reports it
    bool stopping_ = false;
    bool warnedDamaged_ = false;  // warn once, not on every move of the time slider
    bool warnedUnreadable_ = false;
    std::thread committer_;
};

HistoryStore::Impl::~Impl() {
    {
        std::lock_guard lock(mutex_);
        stopping_ = true;
    }
    wake_.notify_all();
    if (committer_.joinable()) committer_.join();
    if (!committerError_.empty()) engine::log::error(committerError_);  // never reported: said now
    if (db_) {
        if (Status status = commitLocked(); !status) engine::log::error(status.error());
    }
    // The statements, then the connection, close as members; closing the last
    // connection checkpoints the WAL into the database file.
}

std::optional<std::string> HistoryStore::Impl::queryText(const char* sql) {
    Statement statement;
    if (!prepare(statement, sql)) return std::nullopt;
    if (sqlite3_step(statement.get()) != SQLITE_ROW) return std::nullopt;
    return std::string(textColumn(statement, 0));
}

Status HistoryStore::Impl::prepare(Statement& statement, const char* sql) {
    sqlite3_stmt* raw = nullptr;
    const int rc = sqlite3_prepare_v3(db_.get(), sql, -1, SQLITE_PREPARE_PERSISTENT, &raw, nullptr);
    statement.reset(raw);
    if (rc != SQLITE_OK) return fail("its tables are not those of a history store");
    return {};
}

Status HistoryStore::Impl::open() {
    if (file_.empty()) return makeError("history file: no file name given");
    if (retention_ <= Seconds{0}) return failPlain("the retention must be positive");

    std::error_code ec;
    const fs::path folder = file_.parent_path();
    if (!folder.empty()) {
        fs::create_directories(folder, ec);
        if (ec) return failPlain("cannot create its folder " + quoted(folder) + ": " + ec.message());
    }
    if (fs::is_directory(file_, ec)) return failPlain("it is a folder, not a file");

    // Absolute, so that a name beginning with "file:" is never read as a URI
    // (Debian's SQLite accepts URIs everywhere).
    const fs::path absolute = fs::absolute(file_, ec);
    if (ec) return failPlain("cannot resolve its path: " + ec.message());
    sqlite3* db = nullptr;
    const int rc = sqlite3_open_v2(absolute.c_str(), &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX,
                                   nullptr);
    db_.reset(db);
    if (!db) return failPlain(std::string("cannot open or create it: ") + sqlite3_errstr(rc));
    if (rc != SQLITE_OK) return fail("cannot open or create it");
    sqlite3_extended_result_codes(db, 1);
    sqlite3_busy_timeout(db, kBusyTimeoutMs);
    sqlite3_limit(db, SQLITE_LIMIT_LENGTH, kMaxValueBytes);
    // SQLite quietly opens a file it may not write read-only; the history must write.
    if (sqlite3_db_readonly(db, "main") == 1) return failPlain("it is read-only (the history needs to write to it)");

    // The first read of the file: this is where a file that is not SQLite shows.
    const std::optional<std::string> version = queryText("PRAGMA user_version");
    if (!version) return fail("not a history store");
    const bool fresh = *version == "0";
    if (fresh) {
        const std::optional<std::string> objects = queryText("SELECT count(*) FROM sqlite_master");
        if (!objects) return fail("cannot read its schema");
        if (*objects != "0") return failPlain("a SQLite database, but not a Twin Tour history store (no schema version)");
    } else if (*version != std::to_string(kSchemaVersion)) {
        return failPlain("history store version " + *version + ", but this build reads version " +
                         std::to_string(kSchemaVersion));
    }

    // WAL with synchronous=NORMAL: a commit is one append, and a power cut
    // loses at most the last commits, never the file's consistency.
    const std::optional<std::string> journal = queryText("PRAGMA journal_mode = WAL");
    if (!journal) return fail("cannot set its journal mode");
    if (*journal != "wal") {
        engine::log::warning("history file " + quoted(file_) + ": write-ahead logging is not available there, using the " +
                             *journal + " journal");
    }
    const std::string settings =
        "PRAGMA synchronous = NORMAL; PRAGMA journal_size_limit = " + std::to_string(kJournalSizeLimit) + ";";
    if (!exec(settings.c_str())) return fail("cannot configure it");
    if (fresh && !exec(kCreateSchema)) {
        Status status = fail("cannot create the history table");
        if (!sqlite3_get_autocommit(db)) exec("ROLLBACK");
        return status;
    }

    const std::pair<Statement*, const char*> statements[] = {
        {&insert_, "INSERT INTO history_values (ts, topic, payload) VALUES (?1, ?2, ?3)"},
        {&prune_, "DELETE FROM history_values WHERE ts < ?1"},
        {&count_, "SELECT count(*) FROM history_values"},
        // Distinct topics one by one, each a seek in the topic index. The type
        // test keeps a hand-made non-text topic from repeating for ever.
        {&nextTopic_,
         "SELECT topic FROM history_values WHERE topic > ?1 AND typeof(topic) = 'text' ORDER BY topic LIMIT 1"},
        {&latestKeys_, "SELECT rowid, ts FROM history_values WHERE topic = ?1 AND ts <= ?2 ORDER BY ts DESC, rowid DESC"},
        // Paging by (ts, rowid) in two steps: the rest of one second, then the
        // seconds after it. A row value (ts, rowid) > (?, ?) would not seek
        // on the rowid and would rescan a second that holds many values.
        {&sameSecondKeys_, "SELECT rowid, ts FROM history_values WHERE ts = ?1 AND rowid > ?2 ORDER BY rowid"},
        {&laterKeys_, "SELECT rowid, ts FROM history_values WHERE ts > ?1 AND ts <= ?2 ORDER BY ts, rowid"},
        {&rowById_, "SELECT topic, payload FROM history_values WHERE rowid = ?1"},
    };
    for (const auto& [statement, sql] : statements) {
        if (Status status = prepare(*statement, sql); !status) return status;
    }

    if (Status status = pruneLocked(std::chrono::floor<Seconds>(std::chrono::system_clock::now())); !status)
        return status;

    try {
        committer_ = std::thread([this] { runCommitter(); });
    } catch (const std::system_error& error) {
        return failPlain(std::string("cannot start its writer thread: ") + error.what());
    }
    return {};
}

// Commits an open batch once it is kCommitInterval old, so values reach the
// disk within about a second even when no other value follows them.
void HistoryStore::Impl::runCommitter() {
    std::unique_lock lock(mutex_);
    while (!stopping_) {
        if (sqlite3_get_autocommit(db_.get())) {
            wake_.wait(lock);
            continue;
        }
        const SteadyClock::time_point due = batchStarted_ + kCommitInterval;
        if (SteadyClock::now() < due) {
            wake_.wait_until(lock, due);
            continue;
        }
        if (Status status = commitLocked(); !status) committerError_ = status.error();
    }
}

Status HistoryStore::Impl::commitLocked() {
    if (sqlite3_get_autocommit(db_.get())) return {};
    const int rows = batchRows_;
    batchRows_ = 0;
    if (exec("COMMIT")) return {};
    Status status = fail("cannot save the last " + std::to_string(rows) + " values");
    if (!sqlite3_get_autocommit(db_.get())) exec("ROLLBACK");
    batchStarted_ = SteadyClock::now();  // no retry before the next interval
    return status;
}

Status HistoryStore::Impl::record(const Update& update) {
    const std::string topic = topicSuffixOf(update);
    const std::string payload = payloadOf(update);
    const int64_t ts = secondsOf(timestampOf(update));

    std::lock_guard lock(mutex_);
    if (sqlite3_get_autocommit(db_.get())) {
        if (!exec("BEGIN")) return fail("cannot start writing");
        batchStarted_ = SteadyClock::now();
        batchRows_ = 0;
        wake_.notify_one();
    }
    {
        Rewind rewind(insert_);
        sqlite3_bind_int64(insert_.get(), 1, ts);
        bindText(insert_, 2, topic);
        bindText(insert_, 3, payload);
        if (sqlite3_step(insert_.get()) != SQLITE_DONE) return fail("cannot record a value of " + topic);
    }
    ++batchRows_;
    Status status;
    if (batchRows_ >= kMaxBatchRows || SteadyClock::now() - batchStarted_ >= kCommitInterval) status = commitLocked();
    if (status && !committerError_.empty()) status = makeError(std::exchange(committerError_, {}));
    return status;
}

Status HistoryStore::Impl::takeCommitError() {
    std::lock_guard lock(mutex_);
    if (committerError_.empty()) return {};
    return makeError(std::exchange(committerError_, {}));
}

Status HistoryStore::Impl::pruneLocked(TimePoint now) {
    int64_t cutoff = 0;
    if (__builtin_sub_overflow(secondsOf(now), retention_.count(), &cutoff)) cutoff = std::numeric_limits<int64_t>::min();
    Rewind rewind(prune_);
    sqlite3_bind_int64(prune_.get(), 1, cutoff);
    if (sqlite3_step(prune_.get()) != SQLITE_DONE) return fail("cannot drop old values");
    return {};
}

Status HistoryStore::Impl::prune(TimePoint now) {
    std::lock_guard lock(mutex_);
    Status status = pruneLocked(now);
    Status committed = commitLocked();
    return status ? committed : status;
}

void HistoryStore::Impl::discardUnsaved() {
    std::lock_guard lock(mutex_);
    if (!sqlite3_get_autocommit(db_.get())) exec("ROLLBACK");
    batchRows_ = 0;
    committerError_.clear();
}

size_t HistoryStore::Impl::size() {
    std::lock_guard lock(mutex_);
    Rewind rewind(count_);
    if (sqlite3_step(count_.get()) != SQLITE_ROW) {
        warnUnreadable("cannot count its values");
        return 0;
    }
    return static_cast<size_t>(sqlite3_column_int64(count_.get(), 0));
}

void HistoryStore::Impl::warnUnreadable(std::string_view what) {
    if (warnedUnreadable_) return;
    warnedUnreadable_ = true;
    engine::log::warning(fail(what).message);
}

// The row's value, or nothing when it does not read back as the value it
// claims to be: damaged, too long, an id the scene no longer has, or a
// payload whose timestamp is not the row's.
std::optional<Update> HistoryStore::Impl::readRow(int64_t rowid, int64_t ts) {
    Rewind rewind(rowById_);
    sqlite3_bind_int64(rowById_.get(), 1, rowid);
    const int rc = sqlite3_step(rowById_.get());
    std::string reason;
    std::string topic;
    if (rc == SQLITE_ROW) {
        topic = textColumn(rowById_, 0);
        const std::string_view payload = textColumn(rowById_, 1);
        engine::Result<Update> update =
            parseMessage(kTopicPrefix, std::string(kTopicPrefix) + "/" + topic, payload, ids_, kFarFuture);
        if (update && secondsOf(timestampOf(*update)) == ts) return std::move(update).value();
        reason = update ? "its timestamp is not the row's" : update.error();
    } else {
        reason = sqlite3_errmsg(db_.get());
    }
    if (!warnedDamaged_) {
        warnedDamaged_ = true;
        engine::log::warning("history file " + quoted(file_) + ": skipped a value that does not read back (row " +
                             std::to_string(rowid) + (topic.empty() ? "" : ", " + topic) + "): " + reason);
    }
    return std::nullopt;
}

void HistoryStore::Impl::stateAt(TimePoint time, LiveState& state) {
    std::lock_guard lock(mutex_);
    std::string topic;  // "" comes before every topic
    for (;;) {
        {
            Rewind rewind(nextTopic_);
            bindText(nextTopic_, 1, topic);
            const int rc = sqlite3_step(nextTopic_.get());
            if (rc != SQLITE_ROW) {
                if (rc != SQLITE_DONE) warnUnreadable("cannot read its topics");
                return;
            }
            topic = textColumn(nextTopic_, 0);
        }
        // Newest first; a value that does not read back gives way to the one before it.
        Rewind rewind(latestKeys_);
        bindText(latestKeys_, 1, topic);
        sqlite3_bind_int64(latestKeys_.get(), 2, secondsOf(time));
        int rc = SQLITE_DONE;
        while ((rc = sqlite3_step(latestKeys_.get())) == SQLITE_ROW) {
            std::optional<Update> update =
                readRow(sqlite3_column_int64(latestKeys_.get(), 0), sqlite3_column_int64(latestKeys_.get(), 1));
            if (update) {
                state.apply(*update);
                break;
            }
        }
        if (rc != SQLITE_ROW && rc != SQLITE_DONE) warnUnreadable("cannot read the values of " + topic);
    }
}

void HistoryStore::Impl::forEachBetween(TimePoint from, TimePoint to,
                                        const std::function<void(const Update&)>& visit) {
    if (to <= from) return;
    const int64_t end = secondsOf(to);
    // Where the last chunk stopped; INT64_MAX: nothing left of `from`'s
    // second, which is excluded.
    int64_t lastTs = secondsOf(from);
    int64_t lastRowid = std::numeric_limits<int64_t>::max();
    std::vector<Update> chunk;
    chunk.reserve(kReadChunkRows);
    for (;;) {
        chunk.clear();
        int keys = 0;
        bool failed = false;
        {
            std::lock_guard lock(mutex_);
            const auto readKeys = [&](const Statement& statement) {
                int rc = SQLITE_DONE;
                while (keys < kReadChunkRows && (rc = sqlite3_step(statement.get())) == SQLITE_ROW) {
                    ++keys;
                    lastRowid = sqlite3_column_int64(statement.get(), 0);
                    lastTs = sqlite3_column_int64(statement.get(), 1);
                    if (std::optional<Update> update = readRow(lastRowid, lastTs)) chunk.push_back(std::move(*update));
                }
                if (rc != SQLITE_ROW && rc != SQLITE_DONE) {
                    warnUnreadable("cannot read its values");
                    failed = true;
                }
            };
            {
                Rewind rewind(sameSecondKeys_);
                sqlite3_bind_int64(sameSecondKeys_.get(), 1, lastTs);
                sqlite3_bind_int64(sameSecondKeys_.get(), 2, lastRowid);
                readKeys(sameSecondKeys_);
            }
            if (keys < kReadChunkRows && !failed) {
                Rewind rewind(laterKeys_);
                sqlite3_bind_int64(laterKeys_.get(), 1, lastTs);
                sqlite3_bind_int64(laterKeys_.get(), 2, end);
                readKeys(laterKeys_);
            }
        }
        // Unlocked, so `visit` may use the store.
        for (const Update& update : chunk) visit(update);
        if (keys < kReadChunkRows || failed) return;
    }
}

engine::Result<HistoryStore> HistoryStore::open(const std::filesystem::path& file, KnownIds ids, Seconds retention) {
    auto impl = std::make_unique<Impl>(file, std::move(ids), retention);
    if (Status status = impl->open(); !status) return makeError(status.error());
    HistoryStore store;
    store.impl_ = std::move(impl);
    return store;
}

HistoryStore::HistoryStore(HistoryStore&&) noexcept = default;
HistoryStore& HistoryStore::operator=(HistoryStore&&) noexcept = default;
HistoryStore::~HistoryStore() = default;

engine::Status HistoryStore::record(const Update& update) {
    if (!impl_) return makeError("history store: used after being moved from");
    return impl_->record(update);
}

engine::Status HistoryStore::prune(TimePoint now) {
    if (!impl_) return makeError("history store: used after being moved from");
    return impl_->prune(now);
}

void HistoryStore::discardUnsaved() {
    if (impl_) impl_->discardUnsaved();
}

engine::Status HistoryStore::takeCommitError() {
    if (!impl_) return {};
    return impl_->takeCommitError();
}

size_t HistoryStore::size() const { return impl_ ? impl_->size() : 0; }

void HistoryStore::stateAt(TimePoint time, LiveState& state) const {
    if (impl_) impl_->stateAt(time, state);
}

void HistoryStore::forEachBetween(TimePoint from, TimePoint to,
                                  const std::function<void(const Update&)>& visit) const {
    if (impl_) impl_->forEachBetween(from, to, visit);
}

}  // namespace twin::feeds
