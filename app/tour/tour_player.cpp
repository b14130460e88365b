#include "tour/tour_player.h"

#include <algorithm>
#include <cmath>

namespace twin {
namespace {
const std::string kNoText;
const std::vector<std::string> kNoPanels;

CameraViewpoint fallbackView(const TourStop& stop) {
    return {stop.point + glm::vec3(0.0f, 1.5f, 5.0f), stop.point};
}

CameraTiming fixedTiming(float seconds) {
    CameraTiming timing;
    timing.minSeconds = timing.maxSeconds = timing.maxDetourSeconds = std::max(0.0f, seconds);
    return timing;
}
}  // namespace

TourPlayer::TourPlayer(Tour tour, const StopFraming& frame, const TourPlayerDesc& desc)
    : tour_(std::move(tour)), desc_(desc) {
    if (desc_.reducedMotion) {
        desc_.path.timing = fixedTiming(desc_.reducedMotionSeconds);
        desc_.jumpTiming = fixedTiming(desc_.reducedMotionSeconds);
    }
    std::vector<CameraKeyframe> keyframes;
    if (desc_.startFrom) keyframes.push_back({*desc_.startFrom, 0.0, -1.0, {}});
    for (const TourStop& stop : tour_.stops) {
        CameraViewpoint view = stop.camera ? *stop.camera : frame ? frame(stop) : fallbackView(stop);
        stopViews_.push_back(view);
        keyframes.push_back({view, std::max(0.0, double(stop.durationSeconds)), -1.0, {}});
    }
    path_ = CameraPath(std::move(keyframes), desc_.path);
}

void TourPlayer::play() {
    if (tour_.stops.empty()) return;
    if (finished()) glideTo(0, arrivalSeconds(0));
    playing_ = true;
}

void TourPlayer::pause() { playing_ = false; }

void TourPlayer::togglePause() {
    if (playing_)
        pause();
    else
        play();
}

void TourPlayer::next() {
    if (tour_.stops.empty()) return;
    std::size_t stop = currentStop();
    if (stop + 1 < tour_.stops.size())
        glideTo(stop + 1, arrivalSeconds(stop + 1));
    else
        glideTo(stop, totalDuration());
}

void TourPlayer::previous() {
    if (tour_.stops.empty()) return;
    std::size_t stop = currentStop();
    goToStop(stop > 0 ? stop - 1 : 0);
}

void TourPlayer::goToStop(std::size_t index) {
    if (tour_.stops.empty()) return;
    index = std::min(index, tour_.stops.size() - 1);
    glideTo(index, arrivalSeconds(index));
}

void TourPlayer::glideTo(std::size_t stop, double clockAfter) {
    CameraPathDesc desc = desc_.path;
    desc.timing = desc_.jumpTiming;
    // Starts from wherever the camera is, mid-transition or mid-glide included.
    Glide glide;
    glide.path = CameraPath({{viewpoint(), 0.0, -1.0, {}}, {stopViews_[stop], 0.0, -1.0, {}}}, desc);
    glide.stop = stop;
    // The clock (and so progress()) moves to the destination at once; it runs
    // again once the camera has arrived.
    clock_ = clockAfter;
    glide_.reset();
    // A glide with nothing to move is no glide.
    if (glide.path.duration() > 0.0) glide_ = std::move(glide);
    if (finished()) playing_ = false;
}

void TourPlayer::seek(double seconds) {
    glide_.reset();
    if (!std::isfinite(seconds)) seconds = 0.0;
    clock_ = std::clamp(seconds, 0.0, totalDuration());
}

void TourPlayer::update(double dt) {
    if (!std::isfinite(dt) || dt < 0.0) dt = 0.0;
    if (glide_) {
        glide_->elapsed += dt;
        double overshoot = glide_->elapsed - glide_->path.duration();
        if (overshoot < 0.0) return;
        glide_.reset();
        dt = overshoot;
    }
    if (playing_) clock_ = std::min(clock_ + dt, totalDuration());
    if (finished()) playing_ = false;
}

bool TourPlayer::finished() const { return !glide_ && clock_ >= totalDuration(); }

std::size_t TourPlayer::stopAtClock() const {
    // The first stop whose dwell ends after the clock; the last one at the end.
    for (std::size_t i = 0; i < tour_.stops.size(); ++i)
        if (clock_ < path_.departureSeconds(keyframeOf(i))) return i;
    return tour_.stops.empty() ? 0 : tour_.stops.size() - 1;
}

std::size_t TourPlayer::currentStop() const { return glide_ ? glide_->stop : stopAtClock(); }

bool TourPlayer::moving() const {
    if (glide_) return true;
    if (tour_.stops.empty()) return false;
    return clock_ < arrivalSeconds(stopAtClock());
}

double TourPlayer::timeInStop() const {
    if (glide_ || tour_.stops.empty()) return 0.0;
    return std::max(0.0, clock_ - arrivalSeconds(stopAtClock()));
}

double TourPlayer::progress() const {
    double total = totalDuration();
    if (total <= 0.0) return finished() ? 1.0 : 0.0;
    return std::clamp(clock_ / total, 0.0, 1.0);
}

double TourPlayer::transitionSeconds(std::size_t index) const {
    std::size_t key = keyframeOf(index);
    return key == 0 ? 0.0 : path_.arrivalSeconds(key) - path_.departureSeconds(key - 1);
}

CameraViewpoint TourPlayer::viewpoint() const {
    if (glide_) return glide_->path.sample(glide_->elapsed);
    if (tour_.stops.empty()) return desc_.startFrom.value_or(CameraViewpoint{});
    return path_.sample(clock_);
}

const std::string& TourPlayer::narration(Language language) const {
    if (tour_.stops.empty()) return kNoText;
    const LocalizedText& text = tour_.stops[currentStop()].narration;
    const std::string& wanted = language == Language::English ? text.en : text.fr;
    const std::string& other = language == Language::English ? text.fr : text.en;
    return wanted.empty() ? other : wanted;
}

const std::vector<std::string>& TourPlayer::panels() const {
    if (tour_.stops.empty()) return kNoPanels;
    return tour_.stops[currentStop()].panels;
}

}  // namespace twin
