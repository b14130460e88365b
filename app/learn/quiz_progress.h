#pragma once
// Quiz results per machine, kept on this computer: best and last score,
// whether the quiz was taken to its end, how many times. Nothing personal:
// no name, no answer, no time; only machine ids and counts. In a SQLite file
// beside the kiosk statistics and the live history; when that file cannot be
// used (corrupt, read-only, full disk) the problem is reported once and the
// results live on in memory. No GL.
#include <filesystem>
#include <map>
#include <string>

struct sqlite3;

namespace twin::learn {

// $XDG_STATE_HOME/twin-tour/quiz-results.sqlite, or ~/.local/state/twin-tour/...
std::filesystem::path defaultQuizProgressFile();

struct QuizRecord {
    int bestScore = 0;
    int lastScore = 0;
    int questions = 0;       // of the last attempt
    bool completed = false;  // taken to its end at least once
    int attempts = 0;        // taken to the end
    bool operator==(const QuizRecord&) const = default;
};

class QuizProgress {
public:
    // `file` empty: memory only. Otherwise opens (creates) it; any problem
    // leaves memory only and is told by takeProblem().
    explicit QuizProgress(const std::filesystem::path& file = {});
    ~QuizProgress();
    QuizProgress(const QuizProgress&) = delete;
    QuizProgress& operator=(const QuizProgress&) = delete;

    // What is known of `machine` (an id); all zero when nothing.
    QuizRecord record(const std::string& machine) const;
    // An attempt taken to its end: `score` right answers of `questions`.
    void recordAttempt(const std::string& machine, int score, int questions);
    // Forgets `machine`'s results (the others stay).
    void reset(const std::string& machine);
    // Results are written to the file (false: memory only).
    bool stored() const { return db_ != nullptr; }
    // The file's problem, naming it, the first time it is asked; then "".
    std::string takeProblem();

private:
    void load();
    void fail(const std::string& what);
    bool write(const std::string& machine, const QuizRecord* record);
    std::filesystem::path file_;
    sqlite3* db_ = nullptr;
    std::map<std::string, QuizRecord> records_;
    std::string problem_;
    bool reported_ = false;
};

}  // namespace twin::learn
