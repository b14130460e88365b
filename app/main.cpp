// twin-tour: a 3D tour of the Twin building (Mines Saint-Étienne).
#include <chrono>
#include <cstdio>
#include <string>
#include <vector>

#include "cli/command_line.h"
#include "modes/run_app.h"

int main(int argc, char** argv) {
    const auto start = std::chrono::steady_clock::now();
    twin::ParseResult parsed = twin::parseCommandLine(std::vector<std::string>(argv + 1, argv + argc));
    if (!parsed.error.empty()) {
        std::fprintf(stderr, "twin-tour: %s\n", parsed.error.c_str());
        return 2;
    }
    return twin::runApp(parsed.options, start);
}
