#include "app/names.hpp"

#include <gtest/gtest.h>

#include "app/countries.hpp"
#include "app/text_order.hpp"

namespace prd::web {
namespace {

Municipality poznan() {
    Municipality m;
    m.id = "PL-3088171";
    m.names = {"Познань", "Poznan", "Poznań"};
    return m;
}

TEST(Names, TheUiLanguageFirstAndTheNativeNameBeside) {
    EXPECT_EQ(display_name(poznan(), Lang::uk), "Познань");
    EXPECT_EQ(other_name(poznan(), Lang::uk), "Poznań");
    EXPECT_EQ(display_name(poznan(), Lang::en), "Poznan");
    EXPECT_EQ(other_name(poznan(), Lang::en), "Poznań");
}

TEST(Names, FallsBackToAnotherNameThenTheId) {
    Municipality m = poznan();
    m.names.uk.clear();
    EXPECT_EQ(display_name(m, Lang::uk), "Poznan");
    m.names = {};
    EXPECT_EQ(display_name(m, Lang::en), "PL-3088171");
    EXPECT_EQ(other_name(m, Lang::en), "");
}

TEST(Names, UkrainianPlacesAreTransliteratedForEnglishReaders) {
    EXPECT_EQ(place_name("Львівська область", Lang::en), "Lvivska oblast");
    EXPECT_EQ(place_name("Львівська область", Lang::uk), "Львівська область");
}

TEST(Formats, DatesAndNumbersPerLanguage) {
    EXPECT_EQ(format_date("2022-11-28", Lang::uk), "28.11.2022");
    EXPECT_EQ(format_date("2022-11-28", Lang::en), "28 Nov 2022");
    EXPECT_EQ(format_date("2022-01-05", Lang::en), "5 Jan 2022");
    EXPECT_EQ(format_date("", Lang::uk), "");
    EXPECT_EQ(format_date("2022-13-01", Lang::en), "2022-13-01");
    EXPECT_EQ(format_count(1234567, true), "1\u00A0234\u00A0567");
    EXPECT_EQ(format_count(1234567, false), "1,234,567");
}

TEST(Countries, NamedInBothLanguagesAndTheCodeOtherwise) {
    EXPECT_EQ(country_name("PL", Lang::uk), "Польща");
    EXPECT_EQ(country_name("PL", Lang::en), "Poland");
    EXPECT_EQ(country_name("QQ", Lang::en), "QQ");
}

}  // namespace
}  // namespace prd::web

namespace prd::web {
namespace {

TEST(Formats, TimeAgoForTheStatusLine) {
    const double at = *epoch_seconds("2026-11-30T09:15:00Z") * 1000.0;
    EXPECT_EQ(*epoch_seconds("1970-01-02T00:00:00Z"), 86400.0);
    EXPECT_EQ(time_ago("2026-11-30T09:14:30Z", at, Lang::en), "just now");
    EXPECT_EQ(time_ago("2026-11-30T09:05:00Z", at, Lang::uk), "10 хв тому");
    EXPECT_EQ(time_ago("2026-11-30T06:00:00Z", at, Lang::en), "3 h ago");
    EXPECT_EQ(time_ago("2026-11-28T06:00:00Z", at, Lang::uk), "28.11.2026");
    EXPECT_EQ(time_ago("yesterday", at, Lang::en), "");
    EXPECT_FALSE(epoch_seconds("2026-13-30T09:15:00Z"));
}

}  // namespace
}  // namespace prd::web
