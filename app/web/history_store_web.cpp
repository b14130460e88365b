// The browser keeps no history of live values (no SQLite there, and a
// visit from afar needs only what arrives while it is open): open() says so,
// and the live feed runs without it, as it does natively when the file
// cannot be opened.
#include "feeds/history_store.h"

namespace twin::feeds {

struct HistoryStore::Impl {};

engine::Result<HistoryStore> HistoryStore::open(const std::filesystem::path& file, KnownIds, Seconds) {
    return engine::makeError("no history of live values in the browser (\"" + file.string() + "\" not opened)");
}
HistoryStore::HistoryStore(HistoryStore&&) noexcept = default;
HistoryStore& HistoryStore::operator=(HistoryStore&&) noexcept = default;
HistoryStore::~HistoryStore() = default;
engine::Status HistoryStore::record(const Update&) { return {}; }
engine::Status HistoryStore::prune(TimePoint) { return {}; }
void HistoryStore::discardUnsaved() {}
engine::Status HistoryStore::takeCommitError() { return {}; }
size_t HistoryStore::size() const { return 0; }
void HistoryStore::stateAt(TimePoint, LiveState&) const {}
void HistoryStore::forEachBetween(TimePoint, TimePoint, const std::function<void(const Update&)>&) const {}

}  // namespace twin::feeds
