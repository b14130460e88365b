// Reading the tour aloud: which stop's narration the narrator should be
// saying, if any. Called after every change (commands, time, a reset); it
// speaks when that changes and is silent otherwise, so a stop is said once.
#include "session/visit_session.h"

namespace twin {

void VisitSession::followNarration() {
    std::optional<SpokenStop> wanted;
    if (readAloud_ && tour_ && !tour_->finished())
        wanted = SpokenStop{tourRun_, tour_->currentStop(), language_};
    if (wanted == spoken_) return;
    // Another stop, another language, the tour over, the toggle off or a
    // reset: what was being said no longer fits.
    if (spoken_ && narrator_) narrator_->stop();
    spoken_ = wanted;
    if (!wanted || !narrator_) return;
    const std::string& text = tour_->narration(language_);
    if (!text.empty()) narrator_->speak(text, language_);
}

}  // namespace twin
