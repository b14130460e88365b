#include "modes/check_mode.h"

#include <cstdio>

#include "modes/app_setup.h"
#include "content/scene_file.h"

namespace twin {

// --check: validates a scene file and the files it names, without GL.
int runCheck(const AppOptions& options) {
    std::filesystem::path input = inputFor(options, findDataDirectory());
    if (input.extension() != ".json") return fail("--check takes a scene file (.json), got \"" + input.string() + "\"");
    SceneDescription scene = loadSceneFile(input);
    for (const SceneIssue& issue : scene.issues) std::fprintf(stderr, "%s\n", issue.text().c_str());
    std::printf("%s: %zu platform(s), %zu machine(s), %zu tour(s), %zu problem(s)\n", input.string().c_str(),
                scene.platforms.size(), scene.machines.size(), scene.tours.size(), scene.issues.size());
    return scene.issues.empty() ? 0 : 1;
}

}  // namespace twin
