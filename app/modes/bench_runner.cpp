// --bench: the frame path timed along the tour (or a turn around the
// scene), through the same visit, renderer and painter as the window.
#include <algorithm>
#include <cstdio>
#include <numeric>
#include <vector>

#include "core/process_stats.h"
#include "modes/app_setup.h"
#include "modes/visit.h"

namespace twin {
namespace {
constexpr double kBenchFrameSeconds = 1.0 / 30.0;  // the bench's clock: a frame at 30 Hz
}  // namespace

int runBench(const AppOptions& options, Clock::time_point processStart) {
    Visit visit;
    if (engine::Status opened = openVisit(options, true, visit); !opened) return fail(opened.error());
    const double loadStartMs = millisecondsSince(processStart);
    auto loadStart = Clock::now();
    if (engine::Status status = takeContent(visit); !status) return fail(status.error());
    const double loadMs = millisecondsSince(loadStart) + loadStartMs;
    VisitSession& session = *visit.session;
    visit.bindOutput();
    FramePainterDesc paint;
    paint.panels = options.benchPanels;
    paint.adaptiveResolution = !options.fullResolution;
    paint.alwaysInMotion = true;
    paint.rendererName = visit.rendererName;
    FramePainter painter(*visit.renderer, paint);
    // (the Visit's painter stays unused: the bench times the scene alone,
    // or with the panels under --bench-panels; it shows the same content,
    // running machines moved by their cycles)
    painter.setShownContent(visit.painter->shownContent());
    visit.renderer->options().timePasses = options.benchPasses;
    visit.renderer->options().flatShading = options.benchFlat;
    visit.renderer->options().depthPrepass = options.benchPrepass;
    visit.renderer->options().levelsOfDetail = !options.benchFullDetail;
    if (options.benchDrawsPerFlush) visit.renderer->options().opaqueDrawsPerFlush = *options.benchDrawsPerFlush;

    auto firstStart = Clock::now();
    {
        VisitFrame frame = session.frame();
        painter.paint(frame, {}, visit.windowSize(), 0.0f);
    }
    visit.renderer->finish();
    double firstFrameMs = millisecondsSince(firstStart);
    const engine::PassTimes firstPasses = painter.lastPassTimes(), firstPassesCpu = painter.lastPassCpuTimes();
    double startToFirstFrameMs = millisecondsSince(processStart);

    // A fixed path: the tour sampled evenly from start to end with --tour,
    // else one full turn around the framed scene. Every frame of the path
    // moves the view: the bench shades them as the window would
    // (--full-resolution: all at full resolution).
    std::vector<double> frames;
    std::vector<float> scales;
    engine::FrameStats stats;
    const TourPlayer* tour = session.tour();
    std::optional<TourPlayer> path;
    if (tour) path = *tour;
    engine::CameraPose start = session.orbit().pose();
    std::vector<engine::PassTimes> passes, passesCpu;
    std::vector<double> panelTimes, panelCpuTimes;
    std::vector<double> frameCpu;
    std::vector<double> pathSeconds;  // where on the tour each frame is
    const double cpuStart = engine::cpuSeconds();
    for (int i = 0; i < options.benchFrames; ++i) {
        if (path) {
            path->seek(path->totalDuration() * double(i) / double(std::max(1, options.benchFrames - 1)));
            pathSeconds.push_back(path->totalDuration() * double(i) / double(std::max(1, options.benchFrames - 1)));
            CameraViewpoint view = path->viewpoint();
            session.placeCamera(view.eye, view.target);
        } else {
            engine::CameraPose pose = start;
            pose.yawDegrees += 360.0f * float(i) / float(options.benchFrames);
            session.placeCamera(engine::OrbitCamera::eyeOf(pose), pose.target);
        }
        // The session's clock moves a frame's time on, as in the window: the
        // running machines' cycles turn (and their shadows are redrawn).
        session.advance(kBenchFrameSeconds);
        auto t = Clock::now();
        const double cpuBefore = engine::cpuSeconds();
        VisitFrame frame = session.frame();
        painter.paint(frame, {}, visit.windowSize(), 0.0f);
        visit.renderer->finish();
        frames.push_back(millisecondsSince(t));
        frameCpu.push_back((engine::cpuSeconds() - cpuBefore) * 1000.0);
        scales.push_back(painter.lastResolutionScale());
        passes.push_back(painter.lastPassTimes());
        panelTimes.push_back(painter.lastPanelsMs());
        passesCpu.push_back(painter.lastPassCpuTimes());
        panelCpuTimes.push_back(painter.lastPanelsCpuMs());
    }
    const double cpuMsPerFrame = (engine::cpuSeconds() - cpuStart) * 1000.0 / double(options.benchFrames);
    std::vector<double> sortedCpu = frameCpu;
    std::sort(sortedCpu.begin(), sortedCpu.end());
    stats.triangles = painter.figures().triangles;
    stats.drawCalls = painter.figures().drawCalls;
    stats.coarserInstances = painter.figures().coarserInstances;
    stats.surfaceChanges = painter.figures().surfaceChanges;
    std::vector<float> sortedScales = scales;
    std::sort(sortedScales.begin(), sortedScales.end());
    std::vector<double> sorted = frames;
    std::sort(sorted.begin(), sorted.end());
    auto percentile = [&](double p) { return sorted[std::min(sorted.size() - 1, size_t(p * double(sorted.size() - 1) + 0.5))]; };
    std::printf("scene: %s\n", session.scene() ? session.scene()->name.fr.c_str() : inputFor(options, findDataDirectory()).filename().c_str());
    std::printf("camera path: %s\n", path ? ("tour " + options.tour).c_str() : "one turn around the scene");
    std::printf("renderer: %s\n", visit.rendererName.c_str());
    std::printf("size: %dx%d, shadows %s, anti-aliasing %s, surfaces %s, panels %s, depth pre-pass %s, levels of detail %s, "
                "opaque pass flushed every %s draws\n",
                options.size.x, options.size.y, options.shadows ? "on" : "off",
                !options.antialiasing ? "off" : options.fullResolution ? "on" : "on at rest (none of these frames)",
                options.benchFlat ? "constant colour (--bench-flat)" : "PBR", options.benchPanels ? "on" : "off",
                options.benchPrepass ? "on" : "off", options.benchFullDetail ? "off" : "on",
                visit.renderer->options().opaqueDrawsPerFlush > 0
                    ? std::to_string(visit.renderer->options().opaqueDrawsPerFlush).c_str()
                    : "no");
    std::printf("load: %.1f ms\n", loadMs);
    std::printf("first frame: %.1f ms (process start to first frame: %.1f ms)\n", firstFrameMs, startToFirstFrameMs);
    std::printf("frames: %d, median %.2f ms, p95 %.2f ms, min %.2f ms, max %.2f ms\n", options.benchFrames,
                percentile(0.5), percentile(0.95), sorted.front(), sorted.back());
    // On an idle machine with as many cores as llvmpipe threads, CPU time
    // over the thread count approaches the wall-clock frame time.
    std::printf("CPU time (all threads): mean %.2f ms a frame, median %.2f, p95 %.2f\n", cpuMsPerFrame,
                sortedCpu[sortedCpu.size() / 2], sortedCpu[std::min(sortedCpu.size() - 1, size_t(0.95 * double(sortedCpu.size() - 1) + 0.5))]);
    std::printf("resolution in motion: median scale %.2f, min %.2f (%s)\n", sortedScales[sortedScales.size() / 2],
                sortedScales.front(), options.fullResolution ? "--full-resolution" : "adaptive");
    if (!pathSeconds.empty()) {
        // Where the p95 comes from: the slowest frames and their moment of the tour.
        std::vector<size_t> slowest(frames.size());
        std::iota(slowest.begin(), slowest.end(), size_t(0));
        std::sort(slowest.begin(), slowest.end(), [&](size_t a, size_t b) { return frames[a] > frames[b]; });
        std::printf("slowest frames (tour time: ms):");
        for (size_t k = 0; k < std::min<size_t>(6, slowest.size()); ++k)
            std::printf(" %.0f s: %.1f%s", pathSeconds[slowest[k]], frames[slowest[k]], k + 1 < 6 ? "," : "");
        std::printf("\n");
    }
    std::printf("triangles: %zu (%d instances by a coarser level of detail), draw calls: %d, surface changes: %d\n",
                stats.triangles, stats.coarserInstances, stats.drawCalls, stats.surfaceChanges);
    std::printf("peak memory: %.1f MiB (resident after the frames: %.1f MiB)\n",
                double(engine::peakResidentBytes()) / (1024.0 * 1024.0), double(engine::residentBytes()) / (1024.0 * 1024.0));
    if (options.benchPasses) {
        // Medians per pass; the frames above were slowed by the waits.
        auto median = [](std::vector<double> v) {
            std::sort(v.begin(), v.end());
            return v.empty() ? 0.0 : v[v.size() / 2];
        };
        auto column = [&](const std::vector<engine::PassTimes>& source, double engine::PassTimes::*field) {
            std::vector<double> v;
            for (const engine::PassTimes& p : source) v.push_back(p.*field);
            return median(v);
        };
        const struct {
            const char* name;
            double engine::PassTimes::*field;
        } columns[] = {{"shadow", &engine::PassTimes::shadow},     {"opaque", &engine::PassTimes::opaque},
                       {"ground", &engine::PassTimes::ground},     {"sky", &engine::PassTimes::sky},
                       {"overlays", &engine::PassTimes::overlays}, {"transparent", &engine::PassTimes::transparent},
                       {"ghosts", &engine::PassTimes::ghosts},     {"outlines", &engine::PassTimes::outlines},
                       {"post (FXAA/upscale/blit)", &engine::PassTimes::post}};
        std::printf("passes (median ms, GPU waited for after each):  wall     CPU (all threads)   first frame: wall, CPU\n");
        for (const auto& c : columns)
            std::printf("  %-26s %7.2f %7.2f             %7.2f %7.2f\n", c.name, column(passes, c.field),
                        column(passesCpu, c.field), firstPasses.*c.field, firstPassesCpu.*c.field);
        std::printf("  %-26s %7.2f %7.2f\n", "panels and labels", median(panelTimes), median(panelCpuTimes));
    }
    return 0;
}

}  // namespace twin
