#include "learn/quiz_progress.h"

#ifndef __EMSCRIPTEN__
#include <sqlite3.h>
#endif

#include <algorithm>
#include <cstdlib>

#include "core/file_util.h"

namespace twin::learn {
#ifdef __EMSCRIPTEN__
// The browser build has no SQLite: a visitor's results last for the visit.
QuizProgress::QuizProgress(const std::filesystem::path& file) : file_(file) {}
QuizProgress::~QuizProgress() = default;
bool QuizProgress::write(const std::string&, const QuizRecord*) { return false; }
#else
namespace {
constexpr const char* kSchema =
    "CREATE TABLE IF NOT EXISTS quiz_progress ("
    " machine TEXT PRIMARY KEY,"          // the scene's machine id
    " best_score INTEGER NOT NULL,"
    " last_score INTEGER NOT NULL,"
    " questions INTEGER NOT NULL,"        // of the last attempt
    " completed INTEGER NOT NULL,"        // 0 or 1
    " attempts INTEGER NOT NULL);";

// Closes a statement whatever path leaves the scope.
struct Statement {
    sqlite3_stmt* st = nullptr;
    ~Statement() { sqlite3_finalize(st); }
};
}  // namespace
#endif

std::filesystem::path defaultQuizProgressFile() {
    return engine::userStateDirectory() / "twin-tour" / "quiz-results.sqlite";
}

#ifndef __EMSCRIPTEN__
QuizProgress::QuizProgress(const std::filesystem::path& file) : file_(file) {
    if (file.empty()) return;
    std::error_code ec;
    if (file.has_parent_path()) std::filesystem::create_directories(file.parent_path(), ec);
    if (sqlite3_open_v2(file.c_str(), &db_, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_FULLMUTEX,
                        nullptr) != SQLITE_OK) {
        fail(std::string("cannot open it: ") + (db_ ? sqlite3_errmsg(db_) : "out of memory"));
        return;
    }
    sqlite3_busy_timeout(db_, 2000);
    char* message = nullptr;
    if (sqlite3_exec(db_, kSchema, nullptr, nullptr, &message) != SQLITE_OK) {
        std::string why = message ? message : sqlite3_errmsg(db_);
        sqlite3_free(message);
        fail("not usable: " + why);
        return;
    }
    load();
}

QuizProgress::~QuizProgress() { sqlite3_close_v2(db_); }

void QuizProgress::load() {
    Statement s;
    if (sqlite3_prepare_v2(db_, "SELECT machine, best_score, last_score, questions, completed, attempts FROM quiz_progress",
                           -1, &s.st, nullptr) != SQLITE_OK) {
        fail(std::string("cannot read it: ") + sqlite3_errmsg(db_));
        return;
    }
    int step;
    while ((step = sqlite3_step(s.st)) == SQLITE_ROW) {
        const unsigned char* machine = sqlite3_column_text(s.st, 0);
        if (!machine) continue;
        QuizRecord r;
        r.bestScore = std::max(0, sqlite3_column_int(s.st, 1));
        r.lastScore = std::max(0, sqlite3_column_int(s.st, 2));
        r.questions = std::max(0, sqlite3_column_int(s.st, 3));
        r.completed = sqlite3_column_int(s.st, 4) != 0;
        r.attempts = std::max(0, sqlite3_column_int(s.st, 5));
        records_[reinterpret_cast<const char*>(machine)] = r;
    }
    if (step != SQLITE_DONE) fail(std::string("cannot read it: ") + sqlite3_errmsg(db_));
}

// Memory only from now on; the first problem is the one told.
void QuizProgress::fail(const std::string& what) {
    if (problem_.empty()) problem_ = "quiz results \"" + file_.string() + "\": " + what + "; kept in memory only";
    sqlite3_close_v2(db_);
    db_ = nullptr;
}

#endif

std::string QuizProgress::takeProblem() {
    if (reported_ || problem_.empty()) return "";
    reported_ = true;
    return problem_;
}

QuizRecord QuizProgress::record(const std::string& machine) const {
    auto it = records_.find(machine);
    return it == records_.end() ? QuizRecord{} : it->second;
}

void QuizProgress::recordAttempt(const std::string& machine, int score, int questions) {
    QuizRecord& r = records_[machine];
    score = std::clamp(score, 0, std::max(0, questions));
    r.bestScore = r.attempts > 0 ? std::max(r.bestScore, score) : score;
    r.lastScore = score;
    r.questions = std::max(0, questions);
    r.completed = true;
    ++r.attempts;
    write(machine, &r);
}

void QuizProgress::reset(const std::string& machine) {
    records_.erase(machine);
    write(machine, nullptr);
}

#ifndef __EMSCRIPTEN__
// One row written (or deleted, `record` null); a failure leaves memory only.
bool QuizProgress::write(const std::string& machine, const QuizRecord* record) {
    if (!db_) return false;
    Statement s;
    const char* sql = record ? "INSERT OR REPLACE INTO quiz_progress(machine, best_score, last_score, questions, "
                               "completed, attempts) VALUES (?, ?, ?, ?, ?, ?)"
                             : "DELETE FROM quiz_progress WHERE machine = ?";
    if (sqlite3_prepare_v2(db_, sql, -1, &s.st, nullptr) != SQLITE_OK) {
        fail(std::string("cannot write it: ") + sqlite3_errmsg(db_));
        return false;
    }
    sqlite3_bind_text(s.st, 1, machine.c_str(), int(machine.size()), SQLITE_TRANSIENT);
    if (record) {
        sqlite3_bind_int(s.st, 2, record->bestScore);
        sqlite3_bind_int(s.st, 3, record->lastScore);
        sqlite3_bind_int(s.st, 4, record->questions);
        sqlite3_bind_int(s.st, 5, record->completed ? 1 : 0);
        sqlite3_bind_int(s.st, 6, record->attempts);
    }
    if (sqlite3_step(s.st) != SQLITE_DONE) {
        fail(std::string("cannot write it: ") + sqlite3_errmsg(db_));
        return false;
    }
    return true;
}

#endif

}  // namespace twin::learn
