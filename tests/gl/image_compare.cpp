// image-compare ACTUAL EXPECTED DIFF_OUT MAX_DIFF MEAN_DIFF
// Compares two PNGs per pixel (RGB); fails when the largest channel
// difference exceeds MAX_DIFF (0-255) or the mean exceeds MEAN_DIFF. On
// failure it writes an amplified difference image to DIFF_OUT.
#include <cstdio>
#include <cstdlib>

#include "core/image.h"

int main(int argc, char** argv) {
    if (argc != 6) {
        std::fprintf(stderr, "usage: image-compare ACTUAL EXPECTED DIFF_OUT MAX_DIFF MEAN_DIFF\n");
        return 2;
    }
    auto actual = engine::readImage(argv[1]);
    if (!actual) {
        std::fprintf(stderr, "%s\n", actual.error().c_str());
        return 1;
    }
    auto expected = engine::readImage(argv[2]);
    if (!expected) {
        std::fprintf(stderr, "%s\n", expected.error().c_str());
        return 1;
    }
    int maxAllowed = std::atoi(argv[4]);
    double meanAllowed = std::atof(argv[5]);
    auto diff = engine::compareImages(actual.value(), expected.value());
    if (!diff) {
        std::fprintf(stderr, "%s\n", diff.error().c_str());
        return 1;
    }
    bool pass = diff->maxDifference <= maxAllowed && diff->meanDifference <= meanAllowed;
    std::printf("%s: max difference %d (allowed %d) at (%d, %d), mean %.4f (allowed %.4f)\n", pass ? "PASS" : "FAIL",
                diff->maxDifference, maxAllowed, diff->worstX, diff->worstY, diff->meanDifference, meanAllowed);
    if (!pass) {
        auto written = engine::writePng(diff->diff, argv[3]);
        if (written) std::printf("difference image: %s\n", argv[3]);
    }
    return pass ? 0 : 1;
}
