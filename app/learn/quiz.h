#pragma once
// One run through a machine's quiz: which question is shown, what the
// learner answered, whether it was right, the score. Pure logic over the
// scene's questions; no GL, no storage (quiz_progress.h keeps the results).
#include <cstddef>
#include <string>
#include <vector>

#include "content/scene_file.h"

namespace twin::learn {

class QuizRun {
public:
    // A run over `questions` (kept by reference: the scene outlives the run).
    explicit QuizRun(const std::vector<QuizQuestion>& questions) : questions_(&questions) {}

    size_t questionCount() const { return questions_->size(); }
    // The question shown (== questionCount() once finished).
    size_t current() const { return current_; }
    const QuizQuestion* question() const;  // nullptr once finished
    bool answered() const { return answered_; }
    bool correct() const { return correct_; }
    int chosenOption() const { return chosenOption_; }        // -1: none (or a part question)
    const std::string& chosenPart() const { return chosenPart_; }  // node name; empty: none
    int score() const { return score_; }
    bool finished() const { return current_ >= questions_->size(); }
    // The current question wants a part pointed at and has no answer yet.
    bool awaitingPart() const;

    // Answers the current choice question with option `option`. Returns
    // false (and changes nothing) when there is no such question or option,
    // or it is answered already: one answer per question.
    bool answerChoice(int option);
    // Answers the current part question with the part whose node is `node`.
    // Same rules as answerChoice.
    bool answerPart(const std::string& node);
    // On to the next question once this one is answered; false otherwise.
    bool next();
    // From the first question again, score 0.
    void restart();

private:
    void settle(bool correct);
    const std::vector<QuizQuestion>* questions_;
    size_t current_ = 0;
    bool answered_ = false;
    bool correct_ = false;
    int chosenOption_ = -1;
    std::string chosenPart_;
    int score_ = 0;
};

}  // namespace twin::learn
