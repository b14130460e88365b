#include <gtest/gtest.h>

#include "view/series_cache.h"

namespace twin {
namespace {

TEST(SeriesCache, ComputesOnlyWhenWhatTheSeriesDependsOnChanges) {
    SeriesCache<int> cache;
    struct {
        feeds::TimePoint clock = feeds::TimePoint(feeds::Seconds(1'800'000'000));
        uint64_t revision = 0;
    } view;
    int computed = 0;
    auto compute = [&] { return ++computed; };
    EXPECT_EQ(cache.get(nullptr, "additive", view.clock, view.revision, compute), 1);
    EXPECT_EQ(cache.get(nullptr, "additive", view.clock, view.revision, compute), 1);  // a redraw: nothing new
    view.clock += feeds::Seconds(30);                     // same minute
    EXPECT_EQ(cache.get(nullptr, "additive", view.clock, view.revision, compute), 1);
    view.clock += feeds::Seconds(60);                     // the next minute
    EXPECT_EQ(cache.get(nullptr, "additive", view.clock, view.revision, compute), 2);
    view.revision = 7;                                    // new data
    EXPECT_EQ(cache.get(nullptr, "additive", view.clock, view.revision, compute), 3);
    EXPECT_EQ(cache.get(nullptr, "digital", view.clock, view.revision, compute), 4);    // another platform
    EXPECT_EQ(computed, 4);
}

}  // namespace
}  // namespace twin
