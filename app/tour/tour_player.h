#pragma once
// TourPlayer: plays one guided tour (twin::Tour) as a camera timeline. No GL,
// no ImGui: the app reads viewpoint(), narration() and panels() each frame and
// hands the viewpoint to its camera (engine::OrbitCamera::lookAt(eye, target,
// true)).
//
// The timeline: stop 0's dwell (after an opening transition from
// TourPlayerDesc::startFrom when given), then for each next stop a transition
// and its dwell. A stop's dwell lasts exactly its durationSeconds, the camera
// resting on the stop's viewpoint; transitions follow CameraPath (eased,
// come to rest at each stop, detours around blocked moves). So
// totalDuration() = sum of dwells + sum of transitions.
// Everything is a function of the clock, so seek(t) gives the same view as
// playing up to t. next(), previous() and goToStop() glide to the stop in a
// short eased move (never a cut), then the tour clock resumes at the stop's
// arrival.
#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "content/scene_file.h"
#include "i18n/strings.h"
#include "tour/camera_path.h"

namespace twin {

struct TourPlayerDesc {
    // Transition timing between stops, obstacle test and detour waypoints.
    // The player keeps path.segmentBlocked for its glides: whatever it
    // refers to must outlive the player.
    CameraPathDesc path;
    // Moves asked for by next(), previous(), goToStop() and a replay: short.
    // They may turn faster than path.timing allows, as the visitor asked. A
    // jump that must detour (to another floor) takes up to 6 s.
    CameraTiming jumpTiming{4.0f, 90.0f, 1.0f, 2.5f, 6.0f};
    // For visitors who get queasy: every move (transition or jump) lasts
    // reducedMotionSeconds, whatever its length and turn.
    bool reducedMotion = false;
    float reducedMotionSeconds = 0.6f;
    // Where the camera is when the tour starts: an opening transition leads
    // from there to the first stop. Absent: the tour starts on the first stop.
    std::optional<CameraViewpoint> startFrom;
};

// The app's automatic framing for a stop without a camera (it knows the
// platforms' footprints and the machines' bounds; see tour_framing.h).
using StopFraming = std::function<CameraViewpoint(const TourStop& stop)>;

class TourPlayer {
public:
    TourPlayer() = default;  // no stops: finished, progress 1
    // Copies the tour, resolves each stop's viewpoint once (its camera, else
    // frame(stop); without `frame`, a view of stop.point from 5 m towards +Z,
    // 1.5 m up) and lays out the timeline. Starts paused at time 0.
    TourPlayer(Tour tour, const StopFraming& frame, const TourPlayerDesc& desc = {});

    // Runs the clock. When finished, starts over: a short move back to the
    // first stop, then its dwell.
    void play();
    void pause();
    void togglePause();
    bool playing() const { return playing_; }

    // Glides: the clock jumps to the destination's arrival at once and stands
    // still until the camera gets there (whether playing or not).
    // Glide to the next stop and dwell there from the start; on the last stop,
    // ends the tour (finished() turns true once the camera has settled).
    void next();
    // Glide to the stop before the current one (stop 0 stays stop 0 and
    // restarts its dwell).
    void previous();
    // Glide to stop `index` (clamped to the last stop) and dwell from the start.
    void goToStop(std::size_t index);
    // Sets the tour clock, clamped to [0, totalDuration()], and shows that
    // instant at once (for a scrubber, and tests); cancels a glide. NaN: 0.
    void seek(double seconds);
    // Advances a glide (even while paused: the visitor asked for it), then
    // the tour clock while playing. Negative or NaN dt counts as 0.
    void update(double dtSeconds);

    bool finished() const;
    // The stop shown or being travelled to (0 when there are no stops).
    std::size_t currentStop() const;
    std::size_t stopCount() const { return tour_.stops.size(); }
    // True while the camera travels (a transition or a glide).
    bool moving() const;
    // Seconds since the camera arrived at currentStop(); 0 while moving.
    double timeInStop() const;
    // The tour clock, 0..totalDuration().
    double time() const { return clock_; }
    // time() / totalDuration(), 0..1; 1 for a tour without stops.
    double progress() const;
    double totalDuration() const { return path_.duration(); }
    // On the tour clock: when the camera reaches stop `index` (< stopCount(),
    // else std::out_of_range), and how long the transition into it lasts (0
    // for the first stop unless startFrom).
    double arrivalSeconds(std::size_t index) const { return path_.arrivalSeconds(keyframeOf(index)); }
    double transitionSeconds(std::size_t index) const;

    // The camera's pose now.
    CameraViewpoint viewpoint() const;
    // The resting viewpoint of stop `index`.
    const CameraViewpoint& stopViewpoint(std::size_t index) const { return stopViews_.at(index); }
    // The current stop's narration in `language`, the other language when that
    // one is empty; "" without stops.
    const std::string& narration(Language language) const;
    // The panels the current stop opens ("platform:ID", "machine:ID").
    const std::vector<std::string>& panels() const;

    const Tour& tour() const { return tour_; }
    const CameraPath& path() const { return path_; }

private:
    struct Glide {
        CameraPath path;
        double elapsed = 0.0;
        std::size_t stop = 0;
    };

    std::size_t keyframeOf(std::size_t stop) const { return stop + (desc_.startFrom ? 1 : 0); }
    std::size_t stopAtClock() const;
    void glideTo(std::size_t stop, double clockAfter);

    Tour tour_;
    TourPlayerDesc desc_;
    std::vector<CameraViewpoint> stopViews_;
    CameraPath path_;
    double clock_ = 0.0;
    bool playing_ = false;
    std::optional<Glide> glide_;
};

}  // namespace twin
