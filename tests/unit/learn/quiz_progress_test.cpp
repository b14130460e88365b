// Quiz results in a real SQLite file: kept across openings, per machine,
// reset one machine at a time; a corrupt or unwritable file is told once
// and the results live on in memory.
#include "learn/quiz_progress.h"

#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <fstream>

namespace twin::learn {
namespace {

class QuizProgressTest : public ::testing::Test {
protected:
    void SetUp() override {
        folder_ = std::filesystem::temp_directory_path() /
                  ("twin_quiz_progress_" + std::to_string(::getpid()) + "_" +
                   ::testing::UnitTest::GetInstance()->current_test_info()->name());
        std::filesystem::remove_all(folder_);
        std::filesystem::create_directories(folder_);
    }
    void TearDown() override {
        std::error_code ec;
        std::filesystem::permissions(folder_, std::filesystem::perms::owner_all, ec);
        std::filesystem::remove_all(folder_, ec);
    }
    std::filesystem::path folder_;
};

TEST_F(QuizProgressTest, BestLastAttemptsAndCompletionSurviveReopening) {
    const auto file = folder_ / "state" / "quiz-results.sqlite";  // the folder is created
    {
        QuizProgress progress(file);
        EXPECT_TRUE(progress.stored());
        EXPECT_EQ(progress.takeProblem(), "");
        EXPECT_EQ(progress.record("sls-1"), QuizRecord{});
        progress.recordAttempt("sls-1", 3, 5);
        progress.recordAttempt("sls-1", 2, 5);
        progress.recordAttempt("fdm-1", 4, 4);
    }
    QuizProgress reopened(file);
    EXPECT_EQ(reopened.record("sls-1"), (QuizRecord{3, 2, 5, true, 2}));
    EXPECT_EQ(reopened.record("fdm-1"), (QuizRecord{4, 4, 4, true, 1}));
    // A first attempt scoring 0 is still the best so far.
    reopened.recordAttempt("cnc-1", 0, 5);
    EXPECT_EQ(reopened.record("cnc-1"), (QuizRecord{0, 0, 5, true, 1}));
    // Scores outside 0..questions are clamped.
    reopened.recordAttempt("agv-1", 9, 4);
    EXPECT_EQ(reopened.record("agv-1").bestScore, 4);
}

TEST_F(QuizProgressTest, ResetForgetsOneMachineOnly) {
    const auto file = folder_ / "quiz.sqlite";
    {
        QuizProgress progress(file);
        progress.recordAttempt("sls-1", 3, 5);
        progress.recordAttempt("fdm-1", 1, 4);
        progress.reset("sls-1");
        EXPECT_EQ(progress.record("sls-1"), QuizRecord{});
    }
    QuizProgress reopened(file);
    EXPECT_EQ(reopened.record("sls-1"), QuizRecord{});
    EXPECT_EQ(reopened.record("fdm-1").attempts, 1);
}

TEST_F(QuizProgressTest, NothingButMachineIdsAndCountsIsStored) {
    const auto file = folder_ / "quiz.sqlite";
    { QuizProgress(file).recordAttempt("sls-1", 3, 5); }
    // The schema itself: one table, these columns.
    std::ifstream in(file, std::ios::binary);
    std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    EXPECT_NE(bytes.find("machine TEXT PRIMARY KEY"), std::string::npos);
    for (const char* personal : {"name", "answer", "time", "user"})
        EXPECT_EQ(bytes.find(std::string(" ") + personal + " "), std::string::npos) << personal;
}

TEST_F(QuizProgressTest, ACorruptFileIsToldOnceAndTheQuizGoesOnInMemory) {
    const auto file = folder_ / "quiz.sqlite";
    std::ofstream(file) << std::string(4096, 'x');  // not a database
    QuizProgress progress(file);
    EXPECT_FALSE(progress.stored());
    const std::string problem = progress.takeProblem();
    EXPECT_NE(problem.find(file.string()), std::string::npos) << problem;
    EXPECT_NE(problem.find("in memory"), std::string::npos) << problem;
    EXPECT_EQ(progress.takeProblem(), "");  // once
    progress.recordAttempt("sls-1", 2, 3);
    EXPECT_EQ(progress.record("sls-1"), (QuizRecord{2, 2, 3, true, 1}));
    progress.reset("sls-1");
    EXPECT_EQ(progress.record("sls-1"), QuizRecord{});
}

TEST_F(QuizProgressTest, AnUnwritableFolderIsToldOnce) {
    if (::geteuid() == 0) GTEST_SKIP() << "root writes anywhere";
    std::filesystem::permissions(folder_, std::filesystem::perms::owner_read | std::filesystem::perms::owner_exec);
    QuizProgress progress(folder_ / "quiz.sqlite");
    EXPECT_FALSE(progress.stored());
    EXPECT_NE(progress.takeProblem(), "");
    progress.recordAttempt("sls-1", 1, 3);
    EXPECT_EQ(progress.record("sls-1").attempts, 1);
    EXPECT_EQ(progress.takeProblem(), "");
}

TEST_F(QuizProgressTest, APathThatIsAFolderIsToldOnce) {
    std::filesystem::create_directories(folder_ / "quiz.sqlite");  // unusable whoever runs the test
    QuizProgress progress(folder_ / "quiz.sqlite");
    EXPECT_FALSE(progress.stored());
    EXPECT_NE(progress.takeProblem().find("quiz.sqlite"), std::string::npos);
    progress.recordAttempt("sls-1", 1, 3);
    EXPECT_EQ(progress.record("sls-1").attempts, 1);
    EXPECT_EQ(progress.takeProblem(), "");
}

TEST_F(QuizProgressTest, AFileMadeReadOnlyAfterOpeningFailsOnWriteOnce) {
    const auto file = folder_ / "quiz.sqlite";
    { QuizProgress(file).recordAttempt("fdm-1", 1, 4); }
    ::chmod(file.c_str(), 0444);
    if (::geteuid() == 0) GTEST_SKIP() << "root writes anywhere";
    QuizProgress progress(file);
    EXPECT_EQ(progress.record("fdm-1").attempts, 1);  // read all the same
    progress.recordAttempt("fdm-1", 4, 4);
    EXPECT_FALSE(progress.stored());
    EXPECT_NE(progress.takeProblem().find("cannot write"), std::string::npos);
    EXPECT_EQ(progress.record("fdm-1").attempts, 2);  // in memory
    progress.recordAttempt("fdm-1", 4, 4);
    EXPECT_EQ(progress.takeProblem(), "");
}

TEST_F(QuizProgressTest, WithoutAFileEverythingIsInMemory) {
    QuizProgress progress;
    EXPECT_FALSE(progress.stored());
    EXPECT_EQ(progress.takeProblem(), "");
    progress.recordAttempt("sls-1", 1, 2);
    EXPECT_EQ(progress.record("sls-1").lastScore, 1);
}

}  // namespace
}  // namespace twin::learn
