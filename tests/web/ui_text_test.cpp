#include "app/ui_text.hpp"

#include <set>
#include <string>

#include <gtest/gtest.h>

namespace prd::web {
namespace {

TEST(UiText, EveryLabelExistsInBothLanguages) {
    for (int i = 0; i < static_cast<int>(Text::count_); ++i) {
        const auto id = static_cast<Text>(i);
        const std::string uk = tr(id, Lang::uk);
        const std::string en = tr(id, Lang::en);
        EXPECT_FALSE(uk.empty()) << "label " << i << " has no Ukrainian text";
        EXPECT_FALSE(en.empty()) << "label " << i << " has no English text";
    }
}

// A label left untranslated shows English in the Ukrainian UI; a few are the same by nature.
TEST(UiText, UkrainianLabelsAreWrittenInUkrainian) {
    for (int i = 0; i < static_cast<int>(Text::count_); ++i) {
        const std::string uk = tr(static_cast<Text>(i), Lang::uk);
        bool cyrillic = false;
        for (std::size_t p = 0; p + 1 < uk.size(); ++p) {
            const auto lead = static_cast<unsigned char>(uk[p]);
            if (lead == 0xD0 || lead == 0xD1 || lead == 0xD2) cyrillic = true;
        }
        EXPECT_TRUE(cyrillic) << "label " << i << " is not in Ukrainian: " << uk;
    }
}

TEST(UiText, AllTextsListsBothLanguagesOfEveryLabel) {
    EXPECT_EQ(all_texts().size(), 2 * static_cast<std::size_t>(Text::count_));
}

TEST(UiText, BorderBandsHaveLabelsAndAnUnknownOne) {
    EXPECT_EQ(border_band_text("0-30"), Text::border_0_30);
    EXPECT_EQ(border_band_text("30-100"), Text::border_30_100);
    EXPECT_EQ(border_band_text("100+"), Text::border_100);
    EXPECT_EQ(border_band_text("unknown"), Text::dash_unknown);
    EXPECT_STREQ(tr(border_band_text("100+"), Lang::uk), "понад 100 км");
}

}  // namespace
}  // namespace prd::web
