// The matcher and the twin-town importer on small inline data: what is matched, what is
// reported, and that nothing is guessed.

#include <gtest/gtest.h>

#include "import/draft.hpp"
#include "import/importers.hpp"

namespace prd::import {
namespace {

// Two lines of GeoNames' countryInfo.tsv, enough for the country names and languages used here.
constexpr const char* k_country_info =
    "#ISO\tISO3\tISO-Numeric\tfips\tCountry\tCapital\tArea(in sq km)\tPopulation\tContinent\ttld\tCurrencyCode\t"
    "CurrencyName\tPhone\tPostal Code Format\tPostal Code Regex\tLanguages\tgeonameid\tneighbours\tEquivalentFipsCode\n"
    "FR\tFRA\t250\tFR\tFrance\tParis\t547030\t66987244\tEU\t.fr\tEUR\tEuro\t33\t\t\tfr-FR,frp,br\t3017382\t\t\n"
    "UA\tUKR\t804\tUP\tUkraine\tKyiv\t603700\t44622516\tEU\t.ua\tUAH\tHryvnia\t380\t\t\tuk,ru-UA\t690791\t\t\n";

Municipality place(std::string id, std::string country, std::string en, double lat, double lon) {
    Municipality m;
    m.id = std::move(id);
    m.country = std::move(country);
    m.kind = m.country == "UA" ? MunicipalityKind::city_hromada : MunicipalityKind::foreign_municipality;
    m.names.en = std::move(en);
    m.names.uk = m.country == "UA" ? m.names.en + " (uk)" : "";
    m.location = GeoPoint{lat, lon};
    return m;
}

RegistryDraft sample() {
    RegistryDraft draft;
    // Two hromadas whose centres share the name Дунаївці, 15 km apart (a real case).
    Municipality a = place("UA68020050000040518", "UA", "Dunaievetska city hromada", 48.88665, 26.84768);
    Municipality b = place("UA68020170000033495", "UA", "Novodunaivetska settlement hromada", 49.02305, 26.84338);
    for (Municipality* m : {&a, &b}) {
        RegistryDraft::add_alias(*m, "Дунаївці");
        RegistryDraft::add_alias(*m, "Dunaivtsi");
        draft.municipalities[m->id] = *m;
    }
    draft.municipalities["FR-1"] = place("FR-1", "FR", "Clichy", 48.904, 2.306);
    draft.municipalities["FR-2"] = place("FR-2", "FR", "Saint-Ouen", 48.911, 2.334);
    draft.match_names["FR-2"] = {"Saint-Ouen-sur-Seine"};
    return draft;
}

TEST(Matcher, MatchesByNameCountryAndDistance) {
    const RegistryDraft draft = sample();
    const Matcher matcher(draft, false, 30);
    MatchResult r = matcher.match({{"Saint-Ouen-sur-Seine"}, "FR", GeoPoint{48.91, 2.33}});
    EXPECT_EQ(r.status, MatchResult::Status::matched);
    EXPECT_EQ(r.id, "FR-2");
    r = matcher.match({{"CLICHY"}, "FR", GeoPoint{48.9, 2.3}});
    EXPECT_EQ(r.id, "FR-1");
    // The same name in another country, or far from the source's point, is not a match.
    EXPECT_EQ(matcher.match({{"Clichy"}, "UA", GeoPoint{48.9, 2.3}}).status, MatchResult::Status::not_found);
    r = matcher.match({{"Clichy"}, "FR", GeoPoint{45.76, 4.84}});
    EXPECT_EQ(r.status, MatchResult::Status::too_far);
    EXPECT_NE(r.detail.find("FR-1"), std::string::npos);
    EXPECT_EQ(matcher.match({{"Clichy"}, "FR", std::nullopt}).status, MatchResult::Status::no_point);
}

TEST(Matcher, TwoPlacesOfOneNameAreAmbiguousUnlessThePointSitsOnOne) {
    const RegistryDraft draft = sample();
    const Matcher matcher(draft, false, 30);
    // On the town itself: the other Дунаївці is 15 km off, so the point settles it.
    MatchResult r = matcher.match({{"Dunaivtsi"}, "UA", GeoPoint{48.887, 26.848}});
    EXPECT_EQ(r.status, MatchResult::Status::matched);
    EXPECT_EQ(r.id, "UA68020050000040518");
    // Halfway between them: reported, never guessed.
    r = matcher.match({{"Дунаївці"}, "UA", GeoPoint{48.955, 26.845}});
    EXPECT_EQ(r.status, MatchResult::Status::ambiguous);
    EXPECT_NE(r.detail.find("UA68020050000040518"), std::string::npos);
    EXPECT_NE(r.detail.find("UA68020170000033495"), std::string::npos);
}

TEST(TwinTowns, MakesMatchedPairsAndReportsTheRest) {
    RegistryDraft draft = sample();
    const std::string tsv =
        "origincityLabel\torigincountry\toriginlat\toriginlong\toriginpopulation\tsistercityLabel\tdestinationlat\t"
        "destinationlong\tdestinationpopulation\tdestination_countryLabel\tdist\teu\n"
        "Clichy\tFrance\t48.904\t2.306\t60000\tDunaivtsi\t48.887\t26.848\t15000\tUkraine\t1800\tNon-EU\n"
        "Clichy\tFrance\t48.904\t2.306\t60000\tDunaivtsi\t48.955\t26.845\t15000\tUkraine\t1800\tNon-EU\n"
        "Tiny Village\tFrance\t45.0\t3.0\t\tDunaivtsi\t48.887\t26.848\t15000\tUkraine\t1800\tNon-EU\n"
        "Clichy\tFrance\t48.904\t2.306\t60000\tBlaj\t46.17\t23.92\t\tAustria-Hungary\t1400\tNon-EU\n"
        "Dunaivtsi\tUkraine\t48.887\t26.848\t15000\tClichy\t48.904\t2.306\t60000\tFrance\t1800\tEU\n";
    ImportReport report;
    import_twin_towns_wikidata(tsv, k_country_info, draft, report);
    EXPECT_EQ(report.rows_read, 5u);
    EXPECT_EQ(report.records_made, 1u);
    ASSERT_EQ(draft.partnerships.size(), 1u);
    const Partnership& p = draft.partnerships.begin()->second;
    EXPECT_EQ(p.id, "twin-fr-1-ua68020050000040518");
    EXPECT_EQ(p.kind, PartnershipKind::twinning);
    ASSERT_EQ(p.parties.size(), 2u);
    EXPECT_EQ(p.parties[0].municipality, "UA68020050000040518");  // the Ukrainian side first
    EXPECT_FALSE(p.source.empty());
    ASSERT_EQ(report.ambiguous.size(), 1u);
    EXPECT_EQ(report.ambiguous[0].line, 3u);
    ASSERT_EQ(report.rejected.size(), 2u);
    EXPECT_EQ(report.rejected[0].line, 4u);
    EXPECT_NE(report.rejected[0].reason.find("no municipality of that name"), std::string::npos);
    EXPECT_NE(report.rejected[0].detail.find("Tiny Village"), std::string::npos);
    EXPECT_EQ(report.rejected[1].reason, "unknown country");
    const std::string text = format_report(report);
    EXPECT_NE(text.find("5 rows read, 1 records made"), std::string::npos);
    EXPECT_NE(text.find("listed twice"), std::string::npos);  // the reversed pair on line 6
}

}  // namespace
}  // namespace prd::import
