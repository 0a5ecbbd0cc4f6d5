#include "import/text.hpp"

#include <gtest/gtest.h>

namespace prd::import {
namespace {

TEST(FoldName, IgnoresCaseDiacriticsApostrophesAndSeparators) {
    EXPECT_EQ(fold_name("Kraków"), "krakow");
    EXPECT_EQ(fold_name("ŁÓDŹ"), "lodz");
    EXPECT_EQ(fold_name("Straße"), "strasse");
    EXPECT_EQ(fold_name("Brașov"), "brasov");
    EXPECT_EQ(fold_name("Kamianets-Podilskyi"), "kamianets podilskyi");
    EXPECT_EQ(fold_name("Kam'ianets’"), "kamianets");
    EXPECT_EQ(fold_name("  Bila   Tserkva "), "bila tserkva");
    EXPECT_EQ(fold_name("ЛЬВІВ"), "львів");
    EXPECT_EQ(fold_name("Ґалаґан Єнакієве"), "ґалаґан єнакієве");
    EXPECT_EQ(fold_name("Lwów", true), "lwów");
}

TEST(Text, ParsesNumbersAsTheDatasetsWriteThem) {
    EXPECT_EQ(parse_integer("9361"), 9361);
    EXPECT_EQ(parse_integer("2.547e+09"), 2547000000LL);
    EXPECT_FALSE(parse_integer("NA"));
    EXPECT_FALSE(parse_integer("12.5"));
    EXPECT_DOUBLE_EQ(*parse_number(" 49.1927696 "), 49.1927696);
    EXPECT_FALSE(parse_number("49,19"));
}

TEST(Text, MeasuresDistanceOnTheSphere) {
    const GeoPoint kyiv{50.45466, 30.5238}, lviv{49.84195, 24.03159};
    EXPECT_NEAR(distance_km(kyiv, lviv), 469, 3);
    EXPECT_DOUBLE_EQ(distance_km(kyiv, kyiv), 0);
}

TEST(Text, TellsScripts) {
    EXPECT_TRUE(is_latin_or_cyrillic("Lwów-Київ"));
    EXPECT_FALSE(is_latin_or_cyrillic("キーウ"));
    EXPECT_TRUE(has_cyrillic("Kyiv Київ"));
    EXPECT_FALSE(has_cyrillic("Kyiv"));
}

}  // namespace
}  // namespace prd::import
