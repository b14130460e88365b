#include "learn/quiz.h"

namespace twin::learn {

const QuizQuestion* QuizRun::question() const { return finished() ? nullptr : &(*questions_)[current_]; }

bool QuizRun::awaitingPart() const {
    const QuizQuestion* q = question();
    return q && q->kind == QuizQuestion::Kind::Part && !answered_;
}

bool QuizRun::answerChoice(int option) {
    const QuizQuestion* q = question();
    if (!q || answered_ || q->kind != QuizQuestion::Kind::Choice || option < 0 || size_t(option) >= q->options.size())
        return false;
    chosenOption_ = option;
    settle(option == q->correct);
    return true;
}

bool QuizRun::answerPart(const std::string& node) {
    const QuizQuestion* q = question();
    if (!q || answered_ || q->kind != QuizQuestion::Kind::Part || node.empty()) return false;
    chosenPart_ = node;
    settle(node == q->part);
    return true;
}

void QuizRun::settle(bool correct) {
    answered_ = true;
    correct_ = correct;
    if (correct) ++score_;
}

bool QuizRun::next() {
    if (finished() || !answered_) return false;
    ++current_;
    answered_ = correct_ = false;
    chosenOption_ = -1;
    chosenPart_.clear();
    return true;
}

void QuizRun::restart() { *this = QuizRun(*questions_); }

}  // namespace twin::learn
