#include "import/localized_names.hpp"

#include <gtest/gtest.h>

#include "i18n/official_languages.hpp"
#include "mo_builder.hpp"

namespace prd::import {
namespace {

// A few catalogues as GeoNames' have them (geonameid -> name).
LocalizedNames sample() {
    LocalizedNames names;
    const auto add = [&](const char* language, const test::Messages& messages) {
        names.catalogues.emplace(language, MoCatalog::parse(test::make_mo(messages)));
    };
    add("uk", {{"2867714", "Мюнхен"}, {"756135", "Варшава"}, {"1", "Roma"}});
    add("en", {{"2867714", "Munich"},
               {"756135", "Warsaw"},
               {"2886242", "Cologne"},
               {"3094802", "Krakow"},
               {"2638864", "St Andrews"},
               {"2643736", "Londonderry"},
               {"2745392", "Flushing"}});
    add("de", {{"2867714", "München"},
               {"756135", "Warschau"},
               {"2886242", "Köln"},
               {"2814270", "Wangen im Allgäu"},
               {"2660646", "Genf"},
               {"2658576", "Sitten"}});
    add("pl", {{"2867714", "Monachium"}, {"756135", "Warszawa"}, {"3094802", "Kraków"}});
    add("fr", {{"2660646", "Genève"}, {"2658576", "Sion"}, {"2785123", "Bruxelles (Uccle)"}});
    add("el", {{"734077", "Θεσσαλονίκη"}});
    add("ro", {{"665087", "Timișoara"}, {"618120", "Бэлць"}});
    add("sq", {{"3185728", "Durrësi"}});
    add("nl", {{"2745392", "Vlissingen"}});
    add("sr", {{"792680", "Beograd"},
               {"783814", "Зрењанин"},
               {"787657", "Niš"},
               {"789107", "Kraljevo"},
               {"3204674", "Bačka Palanka"},
               {"3194360", "Novi Sad"}});
    return names;
}

TEST(LocalizedNames, TheCitysOwnNameReplacesAnEnglishExonym) {
    const CityNames munich = localized_city_names(sample(), "2867714", "DE", "02", "Munich");
    EXPECT_EQ(munich.native, "München");
    EXPECT_EQ(munich.native_verdict, NameVerdict::taken);
    EXPECT_EQ(munich.en, "Munich");
    EXPECT_EQ(munich.uk, "Мюнхен");
    EXPECT_EQ(munich.others, (std::vector<std::string>{"Monachium"}));
    const CityNames warsaw = localized_city_names(sample(), "756135", "PL", "78", "Warsaw");
    EXPECT_EQ(warsaw.native, "Warszawa");
    EXPECT_EQ(warsaw.uk, "Варшава");
    EXPECT_EQ(warsaw.others, (std::vector<std::string>{"Warschau"}));
}

TEST(LocalizedNames, TheEnglishNameComesFromTheEnglishCatalogue) {
    const CityNames cologne = localized_city_names(sample(), "2886242", "DE", "07", "Köln");
    EXPECT_EQ(cologne.native, "Köln");
    EXPECT_EQ(cologne.native_verdict, NameVerdict::same);
    EXPECT_EQ(cologne.en, "Cologne");
    // A plainer spelling of the same name never replaces GeoNames' (Krakow for Kraków).
    const CityNames krakow = localized_city_names(sample(), "3094802", "PL", "77", "Kraków");
    EXPECT_EQ(krakow.en, "Kraków");
    EXPECT_EQ(krakow.en_verdict, NameVerdict::plainer);
    EXPECT_EQ(krakow.native, "Kraków");
}

TEST(LocalizedNames, TheRegionDecidesTheLanguageWhereRegionsDiffer) {
    // Geneva is in a French-speaking canton: Genève, not the German Genf.
    EXPECT_EQ(localized_city_names(sample(), "2660646", "CH", "GE", "Geneva").native, "Genève");
    // GeoNames' name that is one official language's (Sitten is German; Valais has two) stays.
    const CityNames sion = localized_city_names(sample(), "2658576", "CH", "VS", "Sitten");
    EXPECT_EQ(sion.native, "Sitten");
    EXPECT_EQ(sion.native_verdict, NameVerdict::same);
}

TEST(LocalizedNames, GeoNamesNameStaysWhereTheCatalogueIsWorse) {
    const auto verdict = [](const char* id, const char* country, const char* admin1, const char* name) {
        return localized_city_names(sample(), id, country, admin1, name).native_verdict;
    };
    EXPECT_EQ(verdict("2785123", "BE", "BRU", "Uccle"), NameVerdict::qualified);  // "Bruxelles (Uccle)"
    EXPECT_EQ(verdict("2814270", "DE", "01", "Wangen"), NameVerdict::longer_or_shorter);
    EXPECT_EQ(verdict("734077", "GR", "ESYE12", "Thessaloníki"), NameVerdict::script);  // Greek: no glyphs in the app
    EXPECT_EQ(verdict("618120", "MD", "", "Bălţi"), NameVerdict::script);     // Cyrillic for a Latin-script language
    EXPECT_EQ(verdict("3185728", "AL", "", "Durrës"), NameVerdict::no_name);  // Albanian gives definite forms
    EXPECT_EQ(verdict("999", "DE", "", "Nowhere"), NameVerdict::no_name);
    EXPECT_EQ(localized_city_names(sample(), "2785123", "BE", "BRU", "Uccle").native, "Uccle");
}

TEST(LocalizedNames, RomanianCommaBelowReplacesTheCedilla) {
    const CityNames timisoara = localized_city_names(sample(), "665087", "RO", "36", "Timi\u015Foara");  // ş
    EXPECT_EQ(timisoara.native, "Timișoara");
    EXPECT_EQ(timisoara.native_verdict, NameVerdict::taken);
}

TEST(LocalizedNames, WhereEnglishIsTheLanguageTheNativeNameIsTheEnglishOne) {
    const CityNames st_andrews = localized_city_names(sample(), "2638864", "GB", "SCT", "Saint Andrews");
    EXPECT_EQ(st_andrews.en, "St Andrews");
    EXPECT_EQ(st_andrews.native, "St Andrews");
}

TEST(LocalizedNames, TheExceptionsTableOverrulesACataloguesWrongName) {
    // en.mo's "Londonderry" is the other side of a contested name; GeoNames' Derry stays, in
    // names.native too, and Londonderry is left among the names to find it by.
    const CityNames derry = localized_city_names(sample(), "2643736", "GB", "NIR", "Derry");
    EXPECT_EQ(derry.en, "Derry");
    EXPECT_EQ(derry.en_verdict, NameVerdict::overruled);
    EXPECT_EQ(derry.native, "Derry");
    EXPECT_EQ(derry.others, (std::vector<std::string>{"Londonderry"}));
    // "Flushing" is an English exonym long out of use.
    const CityNames vlissingen = localized_city_names(sample(), "2745392", "NL", "10", "Vlissingen");
    EXPECT_EQ(vlissingen.en, "Vlissingen");
    EXPECT_EQ(vlissingen.native, "Vlissingen");
    EXPECT_EQ(vlissingen.others, (std::vector<std::string>{"Flushing"}));
    // An entry names the name: another city's, or another name of the same city, is judged as usual.
    EXPECT_EQ(localized_city_names(sample(), "2886242", "DE", "07", "Köln").en, "Cologne");
}

TEST(LocalizedNames, SerbianCitiesAreNamedInCyrillic) {
    // The catalogue's Latin Beograd gives way to GeoNames' Serbian Cyrillic spelling of it, not
    // to the Russian Белград; the Latin form is left to find it by.
    const CityNames belgrade =
        localized_city_names(sample(), "792680", "RS", "00", "Belgrade", {"Beograd", "Белград", "Београд", "Belgrad"});
    EXPECT_EQ(belgrade.native, "Београд");
    EXPECT_EQ(belgrade.native_verdict, NameVerdict::cyrillic);
    EXPECT_EQ(belgrade.en, "Belgrade");
    EXPECT_EQ(belgrade.others, (std::vector<std::string>{"Beograd"}));
    // GeoNames' name that is the catalogue's: Niš is written Ниш.
    EXPECT_EQ(localized_city_names(sample(), "787657", "RS", "00", "Niš", {"Nis", "Ниш"}).native, "Ниш");
    // Lj is one letter, Љ; a space or a hyphen stays.
    EXPECT_EQ(localized_city_names(sample(), "789107", "RS", "00", "Kraljevo", {"Кралево", "Краљево"}).native,
              "Краљево");
    EXPECT_EQ(localized_city_names(sample(), "3204674", "RS", "00", "Bačka Palanka", {"Бачка-Паланка", "Бачка Паланка"})
                  .native,
              "Бачка Паланка");
    // The catalogue's Cyrillic name needs nothing else.
    EXPECT_EQ(localized_city_names(sample(), "783814", "RS", "00", "Zrenjanin", {}).native, "Зрењанин");
    // Only a Russian or a Ukrainian spelling, or none: the Latin name stays, none is made up.
    EXPECT_EQ(localized_city_names(sample(), "789107", "RS", "00", "Kraljevo", {"Кралево"}).native, "Kraljevo");
    EXPECT_EQ(localized_city_names(sample(), "3194360", "RS", "00", "Novi Sad", {"Новий Сад"}).native, "Novi Sad");
    EXPECT_EQ(localized_city_names(sample(), "785615", "RS", "00", "Sremčica", {}).native, "Sremčica");
    // Elsewhere Serbian is not the first language of place names: Bosnia's Latin names stay.
    EXPECT_EQ(localized_city_names(sample(), "3204674", "BA", "SRP", "Bačka Palanka", {"Бачка Паланка"}).native,
              "Bačka Palanka");
}

TEST(LocalizedNames, AUkrainianNameMustBeCyrillic) {
    EXPECT_EQ(localized_city_names(sample(), "1", "IT", "07", "Rome").uk, "");  // "Roma" in uk.mo
}

TEST(OfficialLanguages, CountriesAndTheRegionsThatDiffer) {
    using Languages = std::vector<std::string_view>;
    EXPECT_EQ(place_name_languages("DE"), Languages{"de"});
    EXPECT_EQ(place_name_languages("PL", "78"), Languages{"pl"});
    EXPECT_EQ(place_name_languages("BE", "VLG"), Languages{"nl"});
    EXPECT_EQ(place_name_languages("BE", "WAL"), (Languages{"fr", "de"}));
    EXPECT_EQ(place_name_languages("BE"), (Languages{"nl", "fr", "de"}));
    EXPECT_EQ(place_name_languages("CH", "TI"), Languages{"it"});
    EXPECT_EQ(place_name_languages("CH", "ZH"), (Languages{"de", "fr", "it", "rm"}));
    EXPECT_EQ(place_name_languages("ES", "56"), (Languages{"ca", "es"}));
    EXPECT_EQ(place_name_languages("ES", "29"), Languages{"es"});
    EXPECT_EQ(place_name_languages("NO"), (Languages{"nb", "nn"}));
    EXPECT_TRUE(place_name_languages("US").empty());
}

}  // namespace
}  // namespace prd::import
