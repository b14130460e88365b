// A run through a quiz: one answer per question, the score, the end, again.
#include "learn/quiz.h"

#include <gtest/gtest.h>

namespace twin::learn {
namespace {

std::vector<QuizQuestion> questions() {
    QuizQuestion choice;
    choice.kind = QuizQuestion::Kind::Choice;
    choice.prompt = {"Quoi ?", "What?"};
    choice.options = {{"A", "A"}, {"B", "B"}, {"C", "C"}};
    choice.correct = 2;
    QuizQuestion part;
    part.kind = QuizQuestion::Kind::Part;
    part.prompt = {"Où ?", "Where?"};
    part.part = "door";
    return {choice, part, choice};
}

TEST(QuizRun, ScoresOneAnswerPerQuestionAndFinishes) {
    const auto qs = questions();
    QuizRun run(qs);
    EXPECT_EQ(run.questionCount(), 3u);
    EXPECT_FALSE(run.awaitingPart());
    EXPECT_FALSE(run.next());                // not answered yet
    EXPECT_FALSE(run.answerPart("door"));   // a choice question
    EXPECT_FALSE(run.answerChoice(3));      // no such option
    EXPECT_TRUE(run.answerChoice(2));
    EXPECT_TRUE(run.answered());
    EXPECT_TRUE(run.correct());
    EXPECT_EQ(run.chosenOption(), 2);
    EXPECT_FALSE(run.answerChoice(0));      // one answer per question
    EXPECT_EQ(run.score(), 1);
    EXPECT_TRUE(run.next());

    EXPECT_TRUE(run.awaitingPart());
    EXPECT_FALSE(run.answerChoice(0));
    EXPECT_FALSE(run.answerPart(""));
    EXPECT_TRUE(run.answerPart("lid"));
    EXPECT_FALSE(run.correct());
    EXPECT_EQ(run.chosenPart(), "lid");
    EXPECT_FALSE(run.awaitingPart());
    EXPECT_EQ(run.score(), 1);
    EXPECT_TRUE(run.next());
    EXPECT_TRUE(run.chosenPart().empty());

    EXPECT_TRUE(run.answerChoice(0));
    EXPECT_FALSE(run.correct());
    EXPECT_FALSE(run.finished());
    EXPECT_TRUE(run.next());
    EXPECT_TRUE(run.finished());
    EXPECT_EQ(run.question(), nullptr);
    EXPECT_EQ(run.score(), 1);
    EXPECT_FALSE(run.next());
    EXPECT_FALSE(run.answerChoice(2));

    run.restart();
    EXPECT_EQ(run.current(), 0u);
    EXPECT_EQ(run.score(), 0);
    EXPECT_FALSE(run.answered());
}

TEST(QuizRun, RightPartScores) {
    const auto qs = questions();
    QuizRun run(qs);
    run.answerChoice(0);
    run.next();
    EXPECT_TRUE(run.answerPart("door"));
    EXPECT_TRUE(run.correct());
    EXPECT_EQ(run.score(), 1);
}

TEST(QuizRun, AnEmptyQuizIsFinishedAtOnce) {
    const std::vector<QuizQuestion> none;
    QuizRun run(none);
    EXPECT_TRUE(run.finished());
    EXPECT_FALSE(run.awaitingPart());
    EXPECT_FALSE(run.answerChoice(0));
}

}  // namespace
}  // namespace twin::learn
