#pragma once
// Reads the guided tour's narration aloud. The visit session says what to
// say and when to stop; a shell at the app's edge speaks (app/modes), and
// unit tests record the calls. No GL, no audio here.
#include <string>

#include "i18n/strings.h"

namespace twin {

class Narrator {
public:
    virtual ~Narrator() = default;
    // Starts saying `text` in `language`, cutting off what was being said.
    // Returns at once (speech goes on in the background); never throws.
    virtual void speak(const std::string& text, Language language) = 0;
    // Falls silent at once; nothing happens when nothing is being said.
    virtual void stop() = 0;
};

}  // namespace twin
