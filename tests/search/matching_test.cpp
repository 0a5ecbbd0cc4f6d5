#include "search/matching.hpp"

#include <gtest/gtest.h>

#include "model/json_codec.hpp"
#include "registry/registry.hpp"
#include "sample_registry.hpp"

namespace prd {
namespace {

constexpr const char* k_kharkiv = "UA63120270000028556";
constexpr const char* k_dergachi = "UA63120070000018741";  // a neighbour in Kharkiv raion
constexpr const char* k_lviv = "UA46060250000025047";
constexpr const char* k_wroclaw = "PL-3081368";
constexpr const char* k_krakow = "PL-3094802";
constexpr const char* k_gdansk = "PL-3099434";
constexpr const char* k_poznan = "PL-3088171";
constexpr const char* k_berlin = "DE-2950159";
constexpr const char* k_brno = "CZ-3078610";
constexpr const char* k_village = "DE-2800001";

Partnership tie(std::string id, PartnershipStatus status, std::string a, std::string b) {
    Partnership p;
    p.id = std::move(id);
    p.kind = PartnershipKind::memorandum;
    p.status = status;
    p.parties = {{std::move(a), ""}, {std::move(b), ""}};
    p.title.en = p.id;
    return p;
}

// Kharkiv needs energy (most urgent) and water, and offers education. Around it: foreign cities
// that fit to different degrees, one that is a current partner, one closed to partners, one that
// partners Kharkiv's neighbour Dergachi.
Registry matching_registry() {
    Snapshot s;
    s.revision = 1;
    Municipality kharkiv = test::hromada(k_kharkiv, "Харківська", MunicipalityKind::city_hromada, "Харків", "Харківська",
                                         "Харківський", 1421125, 49.9923, 36.231, {});
    kharkiv.needs = {{Sector::energy, 1, ""}, {Sector::water, 2, ""}};
    kharkiv.offers = {{Sector::education, 2, ""}};
    s.municipalities.push_back(kharkiv);
    s.municipalities.push_back(test::hromada(k_dergachi, "Дергачівська", MunicipalityKind::city_hromada, "Дергачі",
                                             "Харківська", "Харківський", 42823, 50.1073, 36.1206, {}));
    s.municipalities.push_back(test::hromada(k_lviv, "Львівська", MunicipalityKind::city_hromada, "Львів", "Львівська",
                                             "Львівський", 777234, 49.842, 24.0316, {}));
    auto city = [](const char* id, const char* native, const char* uk, std::int64_t population, double lat, double lon) {
        return test::foreign_city(id, native, native, uk, "", population, lat, lon);
    };
    Municipality wroclaw = city(k_wroclaw, "Wrocław", "Вроцлав", 634893, 51.10286, 17.03006);
    wroclaw.offers = {{Sector::energy, 1, ""}, {Sector::water, 2, ""}};
    wroclaw.needs = {{Sector::education, 2, ""}};
    Municipality krakow = city(k_krakow, "Kraków", "Краків", 755050, 50.06143, 19.93658);
    krakow.offers = {{Sector::energy, 1, ""}, {Sector::water, 1, ""}};
    Municipality gdansk = city(k_gdansk, "Gdańsk", "Гданськ", 461865, 54.35227, 18.64912);
    gdansk.offers = {{Sector::energy, 1, ""}};
    gdansk.open_to_partners = false;
    Municipality poznan = city(k_poznan, "Poznań", "Познань", 570352, 52.40692, 16.92993);
    poznan.offers = {{Sector::energy, 1, ""}};
    Municipality berlin = city(k_berlin, "Berlin", "Берлін", 3426354, 52.52437, 13.41053);
    berlin.offers = {{Sector::water, 3, ""}};
    Municipality brno = city(k_brno, "Brno", "Брно", 379466, 49.19522, 16.60796);
    Municipality village = city(k_village, "Kleinstadt", "Кляйнштадт", 2000, 50.0, 10.0);
    village.offers = wroclaw.offers;
    village.needs = wroclaw.needs;
    for (auto* m : {&wroclaw, &krakow, &gdansk, &poznan, &berlin, &brno, &village}) s.municipalities.push_back(*m);
    s.partnerships = {
        tie("kharkiv-krakow", PartnershipStatus::signed_, k_kharkiv, k_krakow),
        tie("dergachi-brno", PartnershipStatus::active, k_dergachi, k_brno),
        tie("kharkiv-berlin-old", PartnershipStatus::ended, k_kharkiv, k_berlin),
    };
    return Registry::from_snapshot(s);
}

std::vector<std::string> ids(const std::vector<PartnerSuggestion>& list) {
    std::vector<std::string> out;
    for (const auto& s : list) out.push_back(s.id);
    return out;
}

const PartnerSuggestion* find(const std::vector<PartnerSuggestion>& list, const std::string& id) {
    for (const auto& s : list)
        if (s.id == id) return &s;
    return nullptr;
}

TEST(Matching, NeedsAgainstOffersBothWaysLead) {
    const Registry registry = matching_registry();
    const auto list = suggest_partners(registry, k_kharkiv);
    ASSERT_FALSE(list.empty());
    EXPECT_EQ(list[0].id, k_wroclaw);
    EXPECT_EQ(list[0].they_offer_we_need, (std::vector<Sector>{Sector::energy, Sector::water}));
    EXPECT_EQ(list[0].we_offer_they_need, (std::vector<Sector>{Sector::education}));
    EXPECT_GT(list[0].components.needs_covered, 0.8);
    EXPECT_GT(list[0].components.offers_wanted, 0.8);
    for (std::size_t i = 1; i < list.size(); ++i) EXPECT_GE(list[i - 1].score, list[i].score);
}

TEST(Matching, NeverCurrentPartnersClosedOnesOrItself) {
    const Registry registry = matching_registry();
    const auto list = ids(suggest_partners(registry, k_kharkiv));
    EXPECT_EQ(std::count(list.begin(), list.end(), k_krakow), 0);   // signed partner
    EXPECT_EQ(std::count(list.begin(), list.end(), k_gdansk), 0);   // not open to partners
    EXPECT_EQ(std::count(list.begin(), list.end(), k_kharkiv), 0);
    EXPECT_EQ(std::count(list.begin(), list.end(), k_berlin), 1);   // that partnership ended
}

TEST(Matching, CrossBorderByDefaultDomesticOnRequest) {
    const Registry registry = matching_registry();
    for (const auto& id : ids(suggest_partners(registry, k_kharkiv))) EXPECT_NE(id.substr(0, 2), "UA");
    MatchOptions domestic;
    domestic.scope = MatchOptions::Scope::domestic;
    const auto list = ids(suggest_partners(registry, k_kharkiv, domestic));
    EXPECT_EQ(list, (std::vector<std::string>{k_lviv, k_dergachi}));  // Lviv: more similar in size
    // A foreign city is offered Ukrainian partners.
    for (const auto& id : ids(suggest_partners(registry, k_wroclaw))) EXPECT_EQ(id.substr(0, 2), "UA");
    EXPECT_EQ(suggest_partners(registry, k_wroclaw).at(0).id, k_kharkiv);
}

TEST(Matching, SimilarSizeBreaksAnEvenSectorMatch) {
    const Registry registry = matching_registry();
    const auto list = suggest_partners(registry, k_kharkiv);
    const auto* wroclaw = find(list, k_wroclaw);
    const auto* village = find(list, k_village);
    ASSERT_TRUE(wroclaw && village);
    EXPECT_DOUBLE_EQ(wroclaw->components.needs_covered, village->components.needs_covered);
    EXPECT_GT(wroclaw->components.size, village->components.size);
    EXPECT_GT(wroclaw->score, village->score);
}

TEST(Matching, FavoursPartnersOfNeighbours) {
    const Registry registry = matching_registry();
    const auto list = suggest_partners(registry, k_kharkiv);
    const auto* brno = find(list, k_brno);
    ASSERT_NE(brno, nullptr);
    EXPECT_EQ(brno->components.network, 1);
    EXPECT_EQ(brno->via, k_dergachi);
    EXPECT_NE(brno->reason.en.find("neighbour Derhachi"), std::string::npos) << brno->reason.en;
    EXPECT_NE(brno->reason.uk.find("Дергачі"), std::string::npos) << brno->reason.uk;
    EXPECT_EQ(find(list, k_wroclaw)->components.network, 0);
}

TEST(Matching, ReasonsInBothLanguages) {
    const Registry registry = matching_registry();
    const auto top = suggest_partners(registry, k_kharkiv).at(0);
    EXPECT_EQ(top.reason.en, "Offers what you need: energy and energy efficiency, water supply and sanitation; "
                             "Needs what you offer: education");
    EXPECT_EQ(top.reason.uk, "Пропонує те, чого ви потребуєте: енергетика та енергоефективність, водопостачання та "
                             "водовідведення; Потребує того, що ви пропонуєте: освіта");
}

TEST(Matching, CountryAndDistancePreferences) {
    const Registry registry = matching_registry();
    MatchOptions options;
    options.preferred_countries = {"DE"};
    const auto list = suggest_partners(registry, k_kharkiv, options);
    EXPECT_EQ(find(list, k_berlin)->components.country, 1);
    EXPECT_EQ(find(list, k_wroclaw)->components.country, 0);
    EXPECT_NE(find(list, k_berlin)->reason.en.find("preferred country"), std::string::npos);

    MatchOptions near;
    near.max_distance_km = 1200;
    for (const auto& s : suggest_partners(registry, k_kharkiv, near)) {
        ASSERT_TRUE(s.distance_km.has_value());
        EXPECT_LE(*s.distance_km, 1200);
    }
    near.prefer_near = true;
    near.max_distance_km.reset();
    const auto by_distance = suggest_partners(registry, k_kharkiv, near);
    EXPECT_GT(find(by_distance, k_wroclaw)->components.distance, find(by_distance, k_village)->components.distance);
}

TEST(Matching, DismissedSuggestionsStayGone) {
    const Registry registry = matching_registry();
    DismissedSuggestions dismissed;
    dismissed.municipality = k_kharkiv;
    dismissed.dismiss(k_wroclaw, DismissedSuggestions::Reason::declined, "2025-01-02T03:04:05Z");
    dismissed.dismiss(k_poznan, DismissedSuggestions::Reason::hidden);
    // Through storage and back, as the host will keep it.
    const DismissedSuggestions stored = dismissed_suggestions_from_json(nlohmann::json::parse(to_json(dismissed).dump()));
    EXPECT_EQ(stored, dismissed);
    const auto list = ids(suggest_partners(registry, k_kharkiv, {}, stored));
    EXPECT_EQ(std::count(list.begin(), list.end(), k_wroclaw), 0);
    EXPECT_EQ(std::count(list.begin(), list.end(), k_poznan), 0);

    DismissedSuggestions restored = stored;
    EXPECT_TRUE(restored.restore(k_wroclaw));
    EXPECT_FALSE(restored.restore(k_wroclaw));
    EXPECT_EQ(suggest_partners(registry, k_kharkiv, {}, restored).at(0).id, k_wroclaw);
}

TEST(Matching, DismissingTwiceKeepsOneEntry) {
    DismissedSuggestions d;
    d.dismiss("PL-1", DismissedSuggestions::Reason::hidden);
    d.dismiss("PL-1", DismissedSuggestions::Reason::declined);
    ASSERT_EQ(d.entries.size(), 1u);
    EXPECT_EQ(d.entries[0].reason, DismissedSuggestions::Reason::declined);
}

TEST(Matching, BadDismissedJsonNamesTheField) {
    try {
        dismissed_suggestions_from_json({{"entries", {{{"id", "PL-1"}, {"reason", "maybe"}}}}});
        FAIL();
    } catch (const DecodeError& e) {
        EXPECT_EQ(e.field(), "entries[0].reason");
    }
    EXPECT_THROW(dismissed_suggestions_from_json({{"entries", {{{"reason", "hidden"}}}}}), DecodeError);
    EXPECT_THROW(dismissed_suggestions_from_json(nlohmann::json::array()), DecodeError);
}

TEST(Matching, LimitAndUnknownId) {
    const Registry registry = matching_registry();
    MatchOptions options;
    options.limit = 2;
    EXPECT_EQ(suggest_partners(registry, k_kharkiv, options).size(), 2u);
    EXPECT_THROW(suggest_partners(registry, "UA00000000000000000"), std::invalid_argument);
}

TEST(Matching, JsonCarriesComponentsAndReasons) {
    const Registry registry = matching_registry();
    const auto json = to_json(suggest_partners(registry, k_kharkiv).at(0));
    EXPECT_EQ(json["id"], k_wroclaw);
    EXPECT_TRUE(json["components"].contains("needs_covered"));
    EXPECT_EQ(json["they_offer_we_need"][0], "energy");
    EXPECT_FALSE(json["reason"]["uk"].get<std::string>().empty());
}

}  // namespace
}  // namespace prd
