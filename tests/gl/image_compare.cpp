// image-compare ACTUAL EXPECTED DIFF_OUT MAX_DIFF MEAN_DIFF [MAX_OUTLIERS_PER_MILLION]
// Compares two PNGs per pixel (RGB); fails when more than
// MAX_OUTLIERS_PER_MILLION pixels in a million (default 100, so 30 of a
// 640x480 image) have a channel differing by more than MAX_DIFF (0-255), or
// when the mean difference exceeds MEAN_DIFF. The few outliers allowed
// absorb llvmpipe's rounding on other CPUs (its code generation follows the
// CPU's vector units), seen on edge pixels only. On failure it writes an
// amplified difference image to DIFF_OUT.
#include <cstdio>
#include <cstdlib>

#include "core/image.h"

int main(int argc, char** argv) {
    if (argc != 6 && argc != 7) {
        std::fprintf(stderr, "usage: image-compare ACTUAL EXPECTED DIFF_OUT MAX_DIFF MEAN_DIFF [MAX_OUTLIERS_PER_MILLION]\n");
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
    double outliersPerMillion = argc == 7 ? std::atof(argv[6]) : 100.0;
    auto diff = engine::compareImages(actual.value(), expected.value(), maxAllowed);
    if (!diff) {
        std::fprintf(stderr, "%s\n", diff.error().c_str());
        return 1;
    }
    const double pixels = double(actual->width) * actual->height;
    const int outliersAllowed = int(pixels * outliersPerMillion / 1e6);
    bool pass = diff->pixelsOverThreshold <= outliersAllowed && diff->meanDifference <= meanAllowed;
    std::printf("%s: %d pixels differ by more than %d (allowed %d); max difference %d at (%d, %d), mean %.4f (allowed %.4f)\n",
                pass ? "PASS" : "FAIL", diff->pixelsOverThreshold, maxAllowed, outliersAllowed, diff->maxDifference,
                diff->worstX, diff->worstY, diff->meanDifference, meanAllowed);
    if (!pass) {
        auto written = engine::writePng(diff->diff, argv[3]);
        if (written) std::printf("difference image: %s\n", argv[3]);
    }
    return pass ? 0 : 1;
}
