// The text version's small parts: escaping, the labels in both languages, numbers, place names,
// the language a request asks for, and how a name is marked with the language it is written in.
#include <gtest/gtest.h>

#include <algorithm>

#include "html/escape.hpp"
#include "html/labels.hpp"
#include "html/layout.hpp"
#include "html/places.hpp"
#include "html/text_version.hpp"

namespace prd::server::html {
namespace {

TEST(HtmlEscape, EveryCharacterThatCouldEndTextOrAnAttributeIsEscaped) {
    EXPECT_EQ(escape("<script>alert(\"x\")</script> & 'Co'"),
              "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;Co&#39;");
    EXPECT_EQ(escape("Łódź &amp; Київ"), "Łódź &amp;amp; Київ") << "UTF-8 passes, an entity is shown, not decoded";
    EXPECT_EQ(escape(std::string("a\0b\x01" "c\td\ne", 9)), "abc\td\ne") << "control characters HTML forbids are dropped";
}

TEST(HtmlEscape, UrlComponentsArePercentEncoded) {
    EXPECT_EQ(url_encode("UA46060250000025047"), "UA46060250000025047");
    EXPECT_EQ(url_encode("a b&c=d/e?\"<"), "a%20b%26c%3Dd%2Fe%3F%22%3C");
    EXPECT_EQ(url_encode("Львів"), "%D0%9B%D1%8C%D0%B2%D1%96%D0%B2");
    EXPECT_EQ(page_url("/registry/", Lang::en, {{"q", "Lemberg & Lwów"}, {"lang", "uk"}}),
              "/registry/?q=Lemberg%20%26%20Lw%C3%B3w&lang=en") << "the page's lang replaces the asked one";
}

TEST(HtmlLabels, EveryLabelHasBothLanguagesAndTheyDiffer) {
    for (int i = 0; i <= static_cast<int>(Label::col_ua_communities); ++i) {
        const auto label = static_cast<Label>(i);
        EXPECT_FALSE(text(label, Lang::uk).empty()) << i;
        EXPECT_FALSE(text(label, Lang::en).empty()) << i;
    }
    EXPECT_EQ(text(Label::nav_search, Lang::uk), "Пошук");
    EXPECT_EQ(text(Label::nav_search, Lang::en), "Search");
    EXPECT_EQ(format(Label::page_of, Lang::uk, "2", "7"), "Сторінка 2 з 7");
    EXPECT_EQ(format(Label::results_for, Lang::en, "Lemberg"), "Results for “Lemberg”");
}

TEST(HtmlLabels, NumbersAreWrittenTheWayEachLanguageWritesThem) {
    EXPECT_EQ(format_count(777234, Lang::uk), "777\u00a0234");
    EXPECT_EQ(format_count(777234, Lang::en), "777,234");
    EXPECT_EQ(format_count(1469, Lang::en), "1,469");
    EXPECT_EQ(format_count(12, Lang::uk), "12");
    EXPECT_EQ(format_decimal(311.4, Lang::uk), "311,4");
    EXPECT_EQ(format_share(1, 3, Lang::en), "33.3%");
    EXPECT_EQ(format_share(2, 3, Lang::uk), "66,7\u00a0%");
    EXPECT_EQ(format_share(0, 0, Lang::uk), "—");
}

TEST(HtmlPlaces, CountriesAndOblastsHaveNamesInBothLanguages) {
    EXPECT_EQ(country_name("PL", Lang::uk), "Польща");
    EXPECT_EQ(country_name("PL", Lang::en), "Poland");
    EXPECT_EQ(country_name("QQ", Lang::en), "QQ") << "an unknown code shows as it is";
    EXPECT_EQ(region_name("Львівська область", Lang::en), "Lviv Oblast");
    EXPECT_EQ(region_name("Львівська область", Lang::uk), "Львівська область");
    EXPECT_EQ(region_name("Львівський район", Lang::en), "Lvivskyi raion") << "official transliteration";
    EXPECT_EQ(region_name("Île-de-France", Lang::en), "Île-de-France");
}

TEST(HtmlPlaces, UkrainianNamesSortInTheUkrainianAlphabet) {
    std::vector<std::string> oblasts = {"Івано-Франківська", "Житомирська", "Київська", "Вінницька", "Закарпатська"};
    std::sort(oblasts.begin(), oblasts.end(),
              [](const auto& a, const auto& b) { return sort_key(a, Lang::uk) < sort_key(b, Lang::uk); });
    EXPECT_EQ(oblasts, (std::vector<std::string>{"Вінницька", "Житомирська", "Закарпатська", "Івано-Франківська", "Київська"}));
    EXPECT_LT(sort_key("Åland Islands", Lang::en), sort_key("Albania", Lang::en).substr(0, 2) + U"z");
}

TEST(HtmlPlaces, LatinLettersSortByTheCoresFoldingTable) {
    // Þ as "th" (Þórshöfn after Tartu, before Tours), Ĳ as "ij": the letters search folds them to.
    std::vector<std::string> towns = {"Tours", "Þórshöfn", "Tartu", "\u0132muiden", "Idrija"};
    std::sort(towns.begin(), towns.end(),
              [](const auto& a, const auto& b) { return sort_key(a, Lang::en) < sort_key(b, Lang::en); });
    EXPECT_EQ(towns, (std::vector<std::string>{"Idrija", "\u0132muiden", "Tartu", "Þórshöfn", "Tours"}));
    EXPECT_EQ(sort_key("\xC0\xAF", Lang::en), U"\uFFFD\uFFFD") << "an overlong '/' is not a slash";
}

TEST(HtmlNames, EachNameIsMarkedWithTheLanguageItIsWrittenIn) {
    Municipality warsaw;
    warsaw.id = "PL-756135";
    warsaw.country = "PL";
    warsaw.kind = MunicipalityKind::foreign_municipality;
    warsaw.names = {"Варшава", "Warsaw", "Warszawa"};
    warsaw.languages = {"pl"};
    std::string out;
    municipality_name(out, warsaw, Lang::uk);
    EXPECT_EQ(out, "Варшава (<span lang=\"pl\">Warszawa</span>)");
    out.clear();
    municipality_name(out, warsaw, Lang::en);
    EXPECT_EQ(out, "Warsaw (<span lang=\"pl\">Warszawa</span>)");

    Municipality wroclaw = warsaw;
    wroclaw.names = {"", "Wrocław", "Wrocław"};
    out.clear();
    municipality_name(out, wroclaw, Lang::uk);
    EXPECT_EQ(out, "<span lang=\"pl\">Wrocław</span>") << "no Ukrainian name: the Polish one, marked";
    out.clear();
    municipality_name(out, wroclaw, Lang::en);
    EXPECT_EQ(out, "<span lang=\"pl\">Wrocław</span>") << "an English name that is the Polish one is Polish";

    Municipality lviv;
    lviv.country = "UA";
    lviv.names = {"Львівська міська громада", "Lvivska city hromada", "Львівська міська громада"};
    out.clear();
    municipality_name(out, lviv, Lang::en);
    EXPECT_EQ(out, "Lvivska city hromada");
    out.clear();
    lviv.names.en.clear();
    municipality_name(out, lviv, Lang::en);
    EXPECT_EQ(out, "<span lang=\"uk\">Львівська міська громада</span>");
}

TEST(HtmlLanguage, TheLinkWinsThenAcceptLanguageThenUkrainian) {
    ApiRequest request;
    EXPECT_EQ(TextVersion::language(request), Lang::uk);
    request.headers["Accept-Language"] = "de-DE,de;q=0.9,en-US;q=0.8";
    EXPECT_EQ(TextVersion::language(request), Lang::en);
    request.headers["Accept-Language"] = "en;q=0.5, uk";
    EXPECT_EQ(TextVersion::language(request), Lang::uk);
    request.headers["Accept-Language"] = "fr";
    EXPECT_EQ(TextVersion::language(request), Lang::uk) << "neither: the registry's own language";
    request.headers["Accept-Language"] = "EN-gb";
    EXPECT_EQ(TextVersion::language(request), Lang::en);
    request.query["lang"] = "uk";
    EXPECT_EQ(TextVersion::language(request), Lang::uk);
    request.query["lang"] = "xx";
    EXPECT_EQ(TextVersion::language(request), Lang::en) << "an unknown ?lang= is ignored";
}

}  // namespace
}  // namespace prd::server::html
