#include "import/text.hpp"

#include <gtest/gtest.h>

#include "search/fold.hpp"

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

TEST(FoldName, AgreesWithSearchFoldingOnEveryLatinLetter) {
    // One table (prd::fold_latin_letter) for both: Þ is "th" and Ĳ is "ij" in each.
    for (const char* name : {"Þórshöfn", "\u0132muiden", "Straße", "Æbeltoft", "Œuilly", "Łódź", "Constanța"}) {
        EXPECT_EQ(fold_name(name), fold_for_search(name)) << name;
    }
    EXPECT_EQ(fold_name("Þingvellir"), "thingvellir");
    EXPECT_EQ(fold_name("\u0132muiden"), "ijmuiden");
}

TEST(FoldName, IllFormedUtf8IsNeverALetterOrASeparator) {
    EXPECT_EQ(fold_name("a\xC0\xAF"
                        "b"),
              "a\uFFFD\uFFFDb");                      // once "a b": C0 AF read as '/'
    EXPECT_EQ(fold_name("\xC3"), "\uFFFD");           // once "a": the byte read as Ã
    EXPECT_FALSE(is_latin_or_cyrillic("Krak\xF3w"));  // Latin-1, not UTF-8
    EXPECT_FALSE(is_foreign_alias_worthy("Krak\xC3\xB3w\xED\xA0\x80"));
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

TEST(AlternateNames, ForeignAliasesAreLatinOrCyrillicNamesPeopleType) {
    EXPECT_TRUE(is_foreign_alias_worthy("München"));
    EXPECT_TRUE(is_foreign_alias_worthy("Мюнхен"));
    EXPECT_TRUE(is_foreign_alias_worthy("Cracow"));
    EXPECT_FALSE(is_foreign_alias_worthy("慕尼黑"));        // another script
    EXPECT_FALSE(is_foreign_alias_worthy("MUC"));           // an airport code
    EXPECT_FALSE(is_foreign_alias_worthy("bu lu sai er"));  // a romanisation of Chinese
    EXPECT_FALSE(is_foreign_alias_worthy("Krakоv"));        // Latin with a Cyrillic о
    EXPECT_FALSE(is_foreign_alias_worthy("Мӱнхен"));        // Cyrillic of a non-Slavic language
    EXPECT_FALSE(is_foreign_alias_worthy("Lungsod ng München"));
    EXPECT_FALSE(is_foreign_alias_worthy(std::string(61, 'a').replace(0, 1, "A")));
}

TEST(AlternateNames, OneAliasPerFoldedFormCyrillicFirst) {
    // As GeoNames lists Munich's: ASCII before diacritics, Latin before Cyrillic before CJK.
    const std::vector<std::string> munich = {"MUC",       "Monachium", "Muenchen", "Munchen", "Munich",
                                             "München",   "mi wnik",   "Мюнхен",   "慕尼黑"};
    EXPECT_EQ(foreign_aliases({"Munich", "Munich"}, munich),
              (std::vector<std::string>{"Мюнхен", "Monachium", "Muenchen", "München"}));
    // Of spellings that fold alike, the Cyrillic one is kept; the Ukrainian form comes first.
    EXPECT_EQ(foreign_aliases({"Kraków", "Krakow"}, {"Cracow", "Krakov", "Kraków", "Краков", "Краків"}),
              (std::vector<std::string>{"Краків", "Краков", "Cracow"}));
    EXPECT_EQ(foreign_aliases({"Warsaw"}, {"Varsovie", "Warszawa", "Варшава"}, 2),
              (std::vector<std::string>{"Варшава", "Varsovie"}));
}

TEST(AlternateNames, NativeSpellingOnlyWithTheCountrysOwnLetters) {
    EXPECT_EQ(diacritic_form("Krakow", {"Krakau", "Kraków"}, "pl"), "Kraków");
    EXPECT_EQ(diacritic_form("Ukmerge", {"Ukmergė"}, "lt"), "Ukmergė");
    EXPECT_FALSE(diacritic_form("Munich", {"München", "Múnich"}, "de"));  // Spanish, not German
    EXPECT_FALSE(diacritic_form("Rybnik", {"Rybńik"}, "pl"));             // Silesian
    EXPECT_FALSE(diacritic_form("Kraków", {"Krakow"}, "pl"));             // already native
    EXPECT_FALSE(diacritic_form("Chisinau", {"Chişinău", "Chișinău"}, "ro"));
}

}  // namespace
}  // namespace prd::import
