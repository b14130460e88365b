// Opens every model file of the public corpus through IsolatedImporter and
// checks each one ends as the corpus README expects. Nothing here is
// specific to one file: more files may be added to the folder at any time;
// those the README does not list must simply end cleanly.
#include <algorithm>
#include <atomic>
#include <cctype>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <mutex>
#include <optional>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include <gtest/gtest.h>

#include "assets/isolated_importer.h"

namespace engine {
namespace {

namespace fs = std::filesystem;

enum class Expected { Load, Fail, Either };

const char* expectedName(Expected e) {
    switch (e) {
        case Expected::Load: return "should load";
        case Expected::Fail: return "should fail cleanly";
        case Expected::Either: return "fail cleanly or load";
    }
    return "?";
}

std::string lower(std::string s) {
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return char(std::tolower(c)); });
    return s;
}

std::string trim(const std::string& s) {
    const size_t begin = s.find_first_not_of(" \t\r");
    if (begin == std::string::npos) return "";
    const size_t end = s.find_last_not_of(" \t\r");
    return s.substr(begin, end - begin + 1);
}

std::vector<std::string> splitRow(const std::string& line) {
    std::vector<std::string> cells;
    std::string text = trim(line);
    if (!text.empty() && text.front() == '|') text.erase(0, 1);
    if (!text.empty() && text.back() == '|') text.pop_back();
    std::stringstream stream(text);
    std::string cell;
    while (std::getline(stream, cell, '|')) cells.push_back(trim(cell));
    return cells;
}

// "should load ...", "should fail cleanly ...", "should fail cleanly OR
// load ...". Only the words right after "fail cleanly" count: the notes that
// follow may say "or load" in another sense.
Expected classify(const std::string& text) {
    const std::string t = lower(text);
    if (t.rfind("should load", 0) == 0) return Expected::Load;
    const std::string fail = "should fail cleanly";
    if (t.rfind(fail, 0) == 0) {
        std::stringstream rest(t.substr(fail.size()));
        std::string first, second;
        rest >> first >> second;
        return (first == "or" && second.rfind("load", 0) == 0) ? Expected::Either : Expected::Fail;
    }
    return Expected::Either;  // unknown wording: it must at least end cleanly
}

// Rows of every Markdown table that has an "Expected" column and whose
// first cell is a backticked path: path -> expectation.
std::map<std::string, Expected> readExpectations(const fs::path& readme) {
    std::map<std::string, Expected> expectations;
    std::ifstream in(readme);
    std::string line;
    int expectedColumn = -1;
    bool inTable = false;
    while (std::getline(in, line)) {
        const std::string text = trim(line);
        if (text.empty() || text.front() != '|') {
            inTable = false;
            expectedColumn = -1;
            continue;
        }
        const std::vector<std::string> cells = splitRow(text);
        if (!inTable) {  // header row
            inTable = true;
            for (size_t i = 0; i < cells.size(); ++i)
                if (lower(cells[i]) == "expected") expectedColumn = int(i);
            continue;
        }
        if (expectedColumn < 0 || cells.size() <= size_t(expectedColumn) || cells.empty()) continue;
        const std::string& first = cells[0];
        if (first.size() < 3 || first.front() != '`' || first.back() != '`') continue;
        expectations[first.substr(1, first.size() - 2)] = classify(cells[size_t(expectedColumn)]);
    }
    return expectations;
}

bool isModelFile(const fs::path& p) {
    static const char* extensions[] = {".gltf", ".glb", ".obj", ".fbx", ".stl", ".ply", ".3ds", ".dae", ".ifc", ".off"};
    const std::string ext = lower(p.extension().string());
    return std::any_of(std::begin(extensions), std::end(extensions), [&](const char* e) { return ext == e; });
}

struct Row {
    std::string file;
    std::string expected;
    std::string outcome;
    double seconds;
    std::string detail;
};

TEST(Corpus, EveryModelEndsAsExpected) {
    const fs::path corpus = TWIN_CORPUS_DIR;
    if (!fs::is_directory(corpus)) GTEST_SKIP() << "the corpus folder " << corpus << " is absent; nothing to check";

    const std::map<std::string, Expected> expectations = readExpectations(corpus / "README.md");
    std::printf("[corpus] %zu files with an expectation in %s\n", expectations.size(),
                (corpus / "README.md").c_str());

    std::vector<fs::path> files;
    for (auto it = fs::recursive_directory_iterator(corpus); it != fs::recursive_directory_iterator(); ++it)
        if (it->is_regular_file() && isModelFile(it->path())) files.push_back(it->path());
    std::sort(files.begin(), files.end());
    ASSERT_FALSE(files.empty()) << "no model files in " << corpus;

    // Every listed model that exists must have been found by the walk.
    for (const auto& [relative, expected] : expectations) {
        const fs::path p = corpus / relative;
        if (!fs::exists(p)) {
            std::printf("[corpus] note: README lists %s, which is not in the folder\n", relative.c_str());
            continue;
        }
        if (isModelFile(p)) {
            EXPECT_NE(std::find(files.begin(), files.end(), p), files.end()) << relative;
        }
    }

    IsolatedImportDesc desc;
    desc.workerExecutable = TWIN_CORPUS_WORKER;
    desc.cacheDirectory.clear();  // no cache: every file really goes through Assimp
    desc.timeoutSeconds = 60.0;
    desc.memoryLimitBytes = 2ull << 30;
    IsolatedImporter importer(desc);

    // Two files at a time: each worker is its own process with its own
    // limits, and a hanging file then costs half as much wall time.
    struct FileResult {
        std::optional<Result<ImportOutcome>> outcome;
        double seconds = 0;
    };
    std::vector<FileResult> results(files.size());
    std::atomic<size_t> next{0};
    std::mutex printMutex;
    auto work = [&] {
        for (size_t i = next++; i < files.size(); i = next++) {
            const auto start = std::chrono::steady_clock::now();
            Result<ImportOutcome> outcome = importer.import(files[i]);
            results[i].seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
            std::lock_guard lock(printMutex);
            std::printf("[corpus] %6.2f s  %s: %s\n", results[i].seconds,
                        fs::relative(files[i], corpus).generic_string().c_str(),
                        outcome.ok() ? (std::to_string(outcome->model.triangleCount()) + " triangles").c_str()
                                     : outcome.error().c_str());
            std::fflush(stdout);
            results[i].outcome.emplace(std::move(outcome));
        }
    };
    const unsigned parallel = std::clamp(std::thread::hardware_concurrency(), 1u, 2u);
    std::vector<std::thread> threads;
    for (unsigned t = 0; t < parallel; ++t) threads.emplace_back(work);
    for (std::thread& t : threads) t.join();

    std::vector<Row> rows;
    for (size_t i = 0; i < files.size(); ++i) {
        const fs::path& file = files[i];
        const std::string relative = fs::relative(file, corpus).generic_string();
        const auto listed = expectations.find(relative);
        const Expected expected = listed == expectations.end() ? Expected::Either : listed->second;
        const Result<ImportOutcome>& outcome = *results[i].outcome;
        const double seconds = results[i].seconds;

        const bool loaded = outcome.ok() && outcome->model.triangleCount() > 0;
        const bool failedCleanly = !outcome.ok() && !outcome.error().empty() &&
                                   outcome.error().find(file.filename().string()) != std::string::npos;
        Row row{relative, listed == expectations.end() ? "not listed: end cleanly" : expectedName(expected),
                loaded ? "loaded" : failedCleanly ? "failed cleanly" : "BAD", seconds, ""};
        if (outcome.ok()) {
            row.detail = std::to_string(outcome->model.triangleCount()) + " triangles";
            if (!outcome->model.warnings.empty())
                row.detail += ", " + std::to_string(outcome->model.warnings.size()) + " warning(s): " +
                              outcome->model.warnings[0];
        } else {
            row.detail = outcome.error();
        }
        rows.push_back(row);

        switch (expected) {
            case Expected::Load: EXPECT_TRUE(loaded) << relative << ": " << row.detail; break;
            case Expected::Fail: EXPECT_TRUE(failedCleanly) << relative << ": " << row.detail; break;
            case Expected::Either:
                EXPECT_TRUE(loaded || failedCleanly) << relative << ": " << row.detail;
                break;
        }
        EXPECT_LT(seconds, desc.timeoutSeconds + 5.0) << relative;
    }

    std::printf("\n");
    for (const Row& r : rows)
        std::printf("[corpus] %-15s %6.2f s  %s  (%s)\n", r.outcome.c_str(), r.seconds, r.file.c_str(),
                    r.detail.c_str());
    std::printf("\n| file | expected | outcome | seconds |\n|---|---|---|---:|\n");
    for (const Row& r : rows)
        std::printf("| `%s` | %s | %s | %.2f |\n", r.file.c_str(), r.expected.c_str(), r.outcome.c_str(), r.seconds);
}

}  // namespace
}  // namespace engine
