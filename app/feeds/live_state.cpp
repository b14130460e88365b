#include "feeds/live_state.h"

namespace twin::feeds {
namespace {

// Field by field equality, so that a repeated message (same values, same
// ts) does not count as a change and the panels are not redrawn for it.
bool same(const LocalizedText& a, const LocalizedText& b) { return a.fr == b.fr && a.en == b.en; }

bool same(const Occupancy& a, const Occupancy& b) {
    return a.count == b.count && a.capacity == b.capacity && a.ts == b.ts;
}

bool same(const Activity& a, const Activity& b) {
    return same(a.title, b.title) && a.kind == b.kind && a.start == b.start && a.end == b.end &&
           a.headcount == b.headcount;
}

bool same(const ActivityReport& a, const ActivityReport& b) {
    if (!same(a.current, b.current) || a.ts != b.ts || a.next.has_value() != b.next.has_value()) return false;
    return !a.next || same(*a.next, *b.next);
}

bool same(const MachineStatus& a, const MachineStatus& b) {
    return a.state == b.state && a.job.fr == b.job.fr && a.job.en == b.job.en && a.progress == b.progress &&
           a.ts == b.ts && a.since == b.since;
}

// Stores `value` in `held` unless what is held is newer; true when the
// held value changed. Equal timestamps: the later message wins.
template <typename Value>
bool keepNewer(std::optional<Value>& held, Value value) {
    if (held && value.ts < held->ts) return false;
    if (held && same(*held, value)) return false;
    held = std::move(value);
    return true;
}

}  // namespace

std::string_view toString(Connection connection) {
    switch (connection) {
        case Connection::Replay: return "replay";
        case Connection::Connecting: return "connecting";
        case Connection::Connected: return "connected";
        case Connection::Offline: return "offline";
    }
    return "offline";
}

void LiveState::apply(const Update& update) {
    bool changed = false;
    if (const auto* occupancy = std::get_if<OccupancyUpdate>(&update)) {
        changed = keepNewer(platforms_[occupancy->platform].occupancy, occupancy->value);
    } else if (const auto* activity = std::get_if<ActivityUpdate>(&update)) {
        changed = keepNewer(platforms_[activity->platform].activity, activity->value);
    } else if (const auto* machine = std::get_if<MachineUpdate>(&update)) {
        std::optional<MachineStatus>& held = machines_[machine->machine].status;
        MachineStatus value = machine->value;
        // The state began when it was first reported, not with this message.
        value.since = held && held->state == value.state ? held->since : value.ts;
        changed = keepNewer(held, std::move(value));
    }
    if (changed) ++revision_;
}

void LiveState::clear() {
    if (platforms_.empty() && machines_.empty()) return;
    platforms_.clear();
    machines_.clear();
    ++revision_;
}

const PlatformLive* LiveState::platform(std::string_view id) const {
    auto it = platforms_.find(id);
    return it == platforms_.end() ? nullptr : &it->second;
}

const MachineLive* LiveState::machine(std::string_view id) const {
    auto it = machines_.find(id);
    return it == machines_.end() ? nullptr : &it->second;
}

}  // namespace twin::feeds
