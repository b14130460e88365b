// libFuzzer target: the binary model file (the import cache) is untrusted;
// the reader must reject any corruption cleanly. The checksum is off so the
// fuzzer reaches the structural checks.
#include <cstddef>
#include <cstdint>
#include <span>

#include "assets/model_file.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    engine::ModelFileParseOptions options;
    options.verifyChecksum = false;
    auto parsed = engine::parseModelFile(std::span<const uint8_t>(data, size), "fuzz.tmdl", options);
    if (parsed) (void)parsed->model.computeBounds();
    return 0;
}
