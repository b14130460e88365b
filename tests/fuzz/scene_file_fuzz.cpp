// libFuzzer target: the scene parser and validator must end cleanly on any
// text (no crash, no hang, bounded memory).
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "content/scene_file.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    std::string_view text(reinterpret_cast<const char*>(data), size);
    twin::SceneDescription scene = twin::parseSceneText(text, "/nonexistent/fuzz/scene.json");
    for (const twin::SceneIssue& issue : scene.issues) (void)issue.text();
    return 0;
}
