#include "i18n/strings.h"

#include <gtest/gtest.h>

namespace twin {
namespace {

TEST(Strings, EveryTextExistsInBothLanguages) {
    for (int i = 0; i < int(Text::Count); ++i) {
        Text text = Text(i);
        EXPECT_NE(tr(text, Language::French), "?") << i;
        EXPECT_NE(tr(text, Language::English), "?") << i;
        EXPECT_FALSE(tr(text, Language::French).empty()) << i;
        EXPECT_FALSE(tr(text, Language::English).empty()) << i;
    }
    EXPECT_EQ(tr(Text::Loading, Language::French), "Chargement du modèle…");
    EXPECT_EQ(languageFromCode("en"), Language::English);
    EXPECT_EQ(languageFromCode("fr"), Language::French);
    EXPECT_EQ(languageFromCode(""), Language::French);
}

}  // namespace
}  // namespace twin
