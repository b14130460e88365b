#pragma once
// Every value received live is kept in a SQLite file, so the charts and the
// time slider still have the past after a restart. Bounded: values older
// than the retention are pruned. Rows are read back through parseMessage, so
// a row damaged on disk is skipped, never trusted.
#include <filesystem>
#include <memory>

#include "core/result.h"
#include "feeds/payload.h"
#include "feeds/timeline.h"

struct sqlite3;

namespace twin::feeds {

class HistoryStore final : public Timeline {
public:
    // Opens or creates the file (and its folder). A file that is not a
    // history store gives an error that names it.
    static engine::Result<HistoryStore> open(const std::filesystem::path& file, KnownIds ids,
                                             Seconds retention = Seconds{30 * 24 * 3600});
    HistoryStore(HistoryStore&&) noexcept;
    HistoryStore& operator=(HistoryStore&&) noexcept;
    ~HistoryStore() override;

    engine::Status record(const Update& update);
    engine::Status prune(TimePoint now);  // drops values older than now - retention
    // Drops values recorded but not yet saved, and any error not yet
    // reported (after a failure the caller has reported: a full disk...).
    void discardUnsaved();
    // A save that failed in the background (the batch committed a second
    // after its last value) since the last record(); then no error.
    engine::Status takeCommitError();
    size_t size() const;                  // rows held

    void stateAt(TimePoint time, LiveState& state) const override;
    void forEachBetween(TimePoint from, TimePoint to, const std::function<void(const Update&)>& visit) const override;

private:
    HistoryStore() = default;
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace twin::feeds
