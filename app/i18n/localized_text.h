#pragma once
// A visitor-facing text in both languages of the app.
#include <string>

#include "i18n/strings.h"

namespace twin {

struct LocalizedText {
    std::string fr;
    std::string en;
    bool empty() const { return fr.empty() && en.empty(); }
    // The text in `language`.
    const std::string& in(Language language) const { return language == Language::English ? en : fr; }
    bool operator==(const LocalizedText&) const = default;
};

}  // namespace twin
