#include "search/search_index.hpp"

#include <gtest/gtest.h>

#include "registry/registry.hpp"
#include "sample_registry.hpp"

namespace prd {
namespace {

class SearchIndexTest : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        s_registry = new Registry(test::sample_registry());
        s_index = new SearchIndex(SearchIndex::build(*s_registry));
    }
    static void TearDownTestSuite() {
        delete s_index;
        delete s_registry;
    }

    static SearchResponse search(const std::string& query, SearchFilters filters = {}, std::size_t limit = 10) {
        SearchRequest request;
        request.query = query;
        request.filters = std::move(filters);
        request.limit = limit;
        return s_index->search(request);
    }
    static std::string top(const std::string& query) {
        const auto response = search(query);
        return response.hits.empty() ? std::string("(nothing)") : response.hits.front().id;
    }
    static std::vector<std::string> ids(const SearchResponse& response) {
        std::vector<std::string> out;
        for (const auto& hit : response.hits) out.push_back(hit.id);
        return out;
    }

    static inline Registry* s_registry = nullptr;
    static inline SearchIndex* s_index = nullptr;
};

constexpr const char* k_kyiv = "UA80000000000093317";
constexpr const char* k_lviv = "UA46060250000025047";
constexpr const char* k_kharkiv = "UA63120270000028556";
constexpr const char* k_rivne = "UA56060470000086729";
constexpr const char* k_rivne_volyn = "UA07060330000052414";
constexpr const char* k_rivne_kirovohrad = "UA35060210000019042";
constexpr const char* k_mykolaiv = "UA48060150000071713";
constexpr const char* k_mykolaiv_lviv_oblast = "UA46100110000018989";
constexpr const char* k_bila_tserkva = "UA32020010000093088";
constexpr const char* k_poznan = "PL-3088171";
constexpr const char* k_krakow = "PL-3094802";

TEST_F(SearchIndexTest, IndexesEveryMunicipality) {
    EXPECT_EQ(s_index->size(), s_registry->municipalities().size());
    EXPECT_GT(s_index->token_count(), s_index->size());
    EXPECT_GT(s_index->memory_bytes(), 0u);
}

TEST_F(SearchIndexTest, ExactNameInEitherScript) {
    const auto latin = search("Kyiv");
    ASSERT_FALSE(latin.hits.empty());
    EXPECT_EQ(latin.hits[0].id, k_kyiv);
    EXPECT_EQ(latin.hits[0].match, MatchKind::exact);
    EXPECT_EQ(latin.hits[0].score, 100);
    const auto cyrillic = search("Київ");
    ASSERT_FALSE(cyrillic.hits.empty());
    EXPECT_EQ(cyrillic.hits[0].id, k_kyiv);
    EXPECT_EQ(cyrillic.hits[0].match, MatchKind::exact);
}

TEST_F(SearchIndexTest, CyrillicAndLatinQueriesFindTheSameRecords) {
    for (const auto& [cyrillic, latin] : std::vector<std::pair<std::string, std::string>>{
             {"Харків", "Kharkiv"}, {"Біла Церква", "Bila Tserkva"}, {"Миколаїв", "Mykolaiv"}, {"Рів", "Riv"}}) {
        EXPECT_EQ(ids(search(cyrillic)), ids(search(latin))) << cyrillic << " / " << latin;
    }
}

TEST_F(SearchIndexTest, TheHromadaIsFoundByItsCentre) {
    const auto response = search("Lviv ");
    ASSERT_FALSE(response.hits.empty());
    EXPECT_EQ(response.hits[0].id, k_lviv);
    EXPECT_EQ(response.hits[0].match, MatchKind::exact);
    EXPECT_EQ(response.hits[0].field, NameField::centre);
    // "Львів" and "Lviv" fold alike, so the index keeps the first of them.
    EXPECT_EQ(response.hits[0].matched_name, "Львів");
}

TEST_F(SearchIndexTest, PrefixAsYouType) {
    // Each keystroke of "Kharkiv": once the prefix is unambiguous enough, Kharkiv leads.
    for (const std::string typed : {"Kha", "Khar", "Khark", "Kharki", "Kharkiv"}) EXPECT_EQ(top(typed), k_kharkiv) << typed;
    const auto response = search("Pozn");
    ASSERT_FALSE(response.hits.empty());
    EXPECT_EQ(response.hits[0].id, k_poznan);
    EXPECT_EQ(response.hits[0].match, MatchKind::prefix);
}

TEST_F(SearchIndexTest, ATrailingSpaceEndsTheWord) {
    EXPECT_EQ(top("Pozn"), k_poznan);
    EXPECT_TRUE(search("Pozn ").hits.empty() || search("Pozn ").hits[0].match == MatchKind::fuzzy);
}

TEST_F(SearchIndexTest, WholeWordsInAnyOrder) {
    EXPECT_EQ(top("Tserkva Bila"), k_bila_tserkva);
    EXPECT_EQ(top("tserkva bil"), k_bila_tserkva);  // only the last word may be unfinished
    EXPECT_TRUE(search("tserk bila").hits.empty() || search("tserk bila").hits[0].match == MatchKind::fuzzy);
    const auto response = search("Bila Tserkva");
    ASSERT_FALSE(response.hits.empty());
    EXPECT_EQ(response.hits[0].match, MatchKind::exact);
    EXPECT_EQ(search("Tserkva Bila").hits[0].match, MatchKind::prefix);
}

TEST_F(SearchIndexTest, EveryWordMustMatch) {
    EXPECT_TRUE(search("Kharkiv Poznan").hits.empty());
}

TEST_F(SearchIndexTest, TyposWithinTheBudget) {
    EXPECT_EQ(top("Kharkvi"), k_kharkiv);     // transposition, 7 letters: one edit
    EXPECT_EQ(top("Pozanń"), k_poznan);
    EXPECT_EQ(top("Mykolajiv"), k_mykolaiv);  // 9 letters: two edits allowed
    const auto response = search("Kharkvi");
    EXPECT_EQ(response.hits[0].match, MatchKind::fuzzy);
    EXPECT_LT(response.hits[0].score, 60);
}

TEST_F(SearchIndexTest, NoTyposForShortWords) {
    // "Rym" is one edit from "Rim"/"Rym..." words but three letters get no typo budget.
    for (const auto& hit : search("Kyuv ").hits) EXPECT_NE(hit.match, MatchKind::exact);
    EXPECT_TRUE(search("Kyj ").hits.empty());
}

TEST_F(SearchIndexTest, RussianEraAndForeignSpellings) {
    EXPECT_EQ(top("Kharkov"), k_kharkiv);
    EXPECT_EQ(top("Charkiw"), k_kharkiv);
    EXPECT_EQ(top("Rovno"), k_rivne);
    EXPECT_EQ(top("Kiev"), k_kyiv);
    EXPECT_EQ(top("Lvov"), k_lviv);
    EXPECT_EQ(top("Lwów"), k_lviv);
    EXPECT_EQ(top("Nikolaev"), k_mykolaiv);
}

TEST_F(SearchIndexTest, AliasesRankBelowNamesButAreFound) {
    const auto response = search("Lemberg");
    ASSERT_FALSE(response.hits.empty());
    EXPECT_EQ(response.hits[0].id, k_lviv);
    EXPECT_EQ(response.hits[0].match, MatchKind::alias);
    EXPECT_EQ(response.hits[0].field, NameField::alias);
    EXPECT_EQ(response.hits[0].matched_name, "Lemberg");
    EXPECT_EQ(top("Krakau"), k_krakow);
}

TEST_F(SearchIndexTest, RankingExactThenPrefixThenAliasThenFuzzyThenPopulation) {
    // "Rivne": the city (252k) and two village hromadas whose centre is also Рівне (10k in
    // Kirovohrad oblast, 5.7k in Volyn): equal scores, so the larger comes first.
    const auto rivne = search("Rivne");
    ASSERT_GE(rivne.hits.size(), 3u);
    EXPECT_EQ(rivne.hits[0].id, k_rivne);
    EXPECT_EQ(rivne.hits[1].id, k_rivne_kirovohrad);
    EXPECT_EQ(rivne.hits[2].id, k_rivne_volyn);
    EXPECT_EQ(rivne.hits[0].score, rivne.hits[2].score);
    // Mykolaiv: both cities named so; the larger leads.
    const auto mykolaiv = search("Mykolaiv");
    ASSERT_GE(mykolaiv.hits.size(), 2u);
    EXPECT_EQ(mykolaiv.hits[0].id, k_mykolaiv);
    EXPECT_EQ(mykolaiv.hits[1].id, k_mykolaiv_lviv_oblast);
    // Scores never rise down the list, and tiers come in order.
    const auto mixed = search("Ri", {}, 50);
    for (std::size_t i = 1; i < mixed.hits.size(); ++i) EXPECT_GE(mixed.hits[i - 1].score, mixed.hits[i].score);
    auto tier = [](MatchKind k) { return static_cast<int>(k); };
    for (std::size_t i = 1; i < mixed.hits.size(); ++i)
        EXPECT_LE(tier(mixed.hits[i - 1].match), tier(mixed.hits[i].match)) << mixed.hits[i].id;
}

TEST_F(SearchIndexTest, EmptyQueryListsEverythingLargestFirst) {
    const auto response = search("", {}, 3);
    EXPECT_EQ(response.total, s_registry->municipalities().size());
    ASSERT_EQ(response.hits.size(), 3u);
    EXPECT_EQ(response.hits[0].id, "DE-2950159");  // Berlin, 3.4 M
    EXPECT_EQ(response.hits[0].match, MatchKind::none);
}

TEST_F(SearchIndexTest, FiltersCombine) {
    SearchFilters poland;
    poland.countries = {"PL"};
    const auto response = search("", poland, 100);
    EXPECT_EQ(response.total, 6u);
    for (const auto& hit : response.hits) EXPECT_EQ(hit.id.substr(0, 3), "PL-");

    SearchFilters big_ukrainian;
    big_ukrainian.countries = {"UA"};
    big_ukrainian.min_population = 1'000'000;
    EXPECT_EQ(ids(search("", big_ukrainian)), (std::vector<std::string>{k_kyiv, k_kharkiv, "UA51100270000073549"}));

    SearchFilters region;
    region.regions = {"Львівська область"};
    for (const auto& hit : search("", region, 100).hits) EXPECT_EQ(hit.id.substr(0, 4), "UA46");

    SearchFilters kinds;
    kinds.kinds = {MunicipalityKind::special_status_city};
    EXPECT_EQ(ids(search("", kinds)), (std::vector<std::string>{k_kyiv}));

    SearchFilters unknown;
    unknown.countries = {"XX"};
    EXPECT_EQ(search("", unknown).total, 0u);
}

TEST_F(SearchIndexTest, PartnershipFilters) {
    SearchFilters twinned;
    twinned.partnership_kinds = {PartnershipKind::twinning};
    const auto response = search("", twinned);
    EXPECT_EQ(response.total, 2u);  // Kyiv and Poznań

    // Kharkiv's only foreign project has ended, so it has no foreign partner; Kyiv and Lviv do.
    SearchFilters lonely;
    lonely.no_foreign_partner = true;
    lonely.countries = {"UA"};
    const auto lonely_ids = ids(search("", lonely, 200));
    EXPECT_NE(std::find(lonely_ids.begin(), lonely_ids.end(), k_kharkiv), lonely_ids.end());
    EXPECT_EQ(std::find(lonely_ids.begin(), lonely_ids.end(), k_kyiv), lonely_ids.end());
    EXPECT_EQ(std::find(lonely_ids.begin(), lonely_ids.end(), k_lviv), lonely_ids.end());
}

TEST_F(SearchIndexTest, HasAForeignPartnerIsTheOtherSideOfNone) {
    SearchFilters ukraine;
    ukraine.countries = {"UA"};
    SearchFilters twinned = ukraine;
    twinned.has_foreign_partner = true;
    SearchFilters lonely = ukraine;
    lonely.no_foreign_partner = true;
    const auto all = search("", ukraine, 200);
    const auto with = search("", twinned, 200);
    const auto without = search("", lonely, 200);
    EXPECT_EQ(with.total + without.total, all.total);
    const auto with_ids = ids(with);
    EXPECT_NE(std::find(with_ids.begin(), with_ids.end(), k_kyiv), with_ids.end());
    EXPECT_EQ(std::find(with_ids.begin(), with_ids.end(), k_kharkiv), with_ids.end());  // its project ended
    EXPECT_EQ(all.facets.has_foreign_partner, with.total);
    EXPECT_EQ(all.facets.no_foreign_partner, without.total);
}

TEST_F(SearchIndexTest, FacetsCountEachDimensionWithTheOtherFiltersApplied) {
    SearchFilters poland;
    poland.countries = {"PL"};
    const auto response = search("", poland, 0);
    // The country facet ignores the country filter, so every country still shows.
    std::size_t total = 0;
    for (const auto& c : response.facets.countries) total += c.count;
    EXPECT_EQ(total, s_registry->municipalities().size());
    EXPECT_EQ(response.facets.countries.front().value, "UA");
    // Other facets see only Polish records.
    ASSERT_EQ(response.facets.kinds.size(), 1u);
    EXPECT_EQ(response.facets.kinds[0].value, "foreign_municipality");
    EXPECT_EQ(response.facets.kinds[0].count, 6u);
    EXPECT_EQ(response.facets.partnership_kinds.size(), 3u);  // twinning, memorandum, project
}

TEST_F(SearchIndexTest, FacetsFollowTheQuery) {
    const auto response = search("Mykolaiv", {}, 0);
    std::size_t ua = 0;
    for (const auto& c : response.facets.countries)
        if (c.value == "UA") ua = c.count;
    EXPECT_EQ(ua, response.total);
    EXPECT_GE(response.facets.regions.size(), 2u);
}

TEST(SearchIndexSectors, NeedsOffersAndFrontline) {
    std::vector<Municipality> list = test::sample_municipalities();
    list[1].needs = {{Sector::energy, 1, ""}, {Sector::water, 2, ""}};
    list[1].extra["frontline"] = nlohmann::json{{"distance_to_russia_km", 28.5}};
    list[2].needs = {{Sector::energy, 2, ""}};
    list[2].offers = {{Sector::education, 1, ""}};
    list[3].extra["frontline"] = true;
    const SearchIndex index = SearchIndex::build(list, {});
    SearchRequest request;
    request.filters.needs = {Sector::energy};
    auto response = index.search(request);
    EXPECT_EQ(response.total, 2u);
    ASSERT_FALSE(response.facets.needs.empty());
    EXPECT_EQ(response.facets.needs[0].value, "energy");
    EXPECT_EQ(response.facets.needs[0].count, 2u);
    EXPECT_EQ(response.facets.frontline, 1u);  // of the two, only list[1] is frontline

    request.filters = {};
    request.filters.offers = {Sector::education};
    EXPECT_EQ(index.search(request).hits.at(0).id, list[2].id);

    request.filters = {};
    request.filters.frontline = true;
    EXPECT_EQ(index.search(request).total, 2u);

    SearchIndexOptions options;
    options.frontline = [](const Municipality& m) { return m.id == "PL-3088171"; };
    const SearchIndex hooked = SearchIndex::build(list, {}, options);
    const auto hooked_response = hooked.search(request);
    ASSERT_EQ(hooked_response.total, 1u);
    EXPECT_EQ(hooked_response.hits[0].id, "PL-3088171");
}

TEST(SearchIndexBorderBands, DistanceToTheBorderInBands) {
    std::vector<Municipality> list = test::sample_municipalities();
    list[1].extra["frontline"] = nlohmann::json{{"distance_to_russia_or_belarus_km", 12.0}};
    list[2].extra["frontline"] = nlohmann::json{{"distance_to_russia_or_belarus_km", 30.0}};  // a bound is "up to"
    list[3].extra["frontline"] = nlohmann::json{{"distance_to_russia_or_belarus_km", 64.5}};
    list[4].extra["frontline"] = nlohmann::json{{"distance_to_russia_or_belarus_km", 540.0}};
    const SearchIndex index = SearchIndex::build(list, {});
    SearchRequest request;
    request.limit = 100;
    request.filters.border_bands = {"0-30"};
    auto response = index.search(request);
    EXPECT_EQ(response.total, 2u);
    // The band facet ignores its own filter: every band still shows, nearest first.
    ASSERT_EQ(response.facets.border_bands.size(), 3u);
    EXPECT_EQ(response.facets.border_bands[0].value, "0-30");
    EXPECT_EQ(response.facets.border_bands[0].count, 2u);
    EXPECT_EQ(response.facets.border_bands[1].value, "30-100");
    EXPECT_EQ(response.facets.border_bands[1].count, 1u);
    EXPECT_EQ(response.facets.border_bands[2].value, "100+");
    EXPECT_EQ(response.facets.border_bands[2].count, 1u);

    request.filters.border_bands = {"30-100", "100+"};
    response = index.search(request);
    EXPECT_EQ(response.total, 2u);
    for (const auto& hit : response.hits) EXPECT_TRUE(hit.id == list[3].id || hit.id == list[4].id) << hit.id;

    request.filters.border_bands = {"far"};  // unknown: matches nothing, as an unknown country does
    EXPECT_EQ(index.search(request).total, 0u);
}

TEST_F(SearchIndexTest, OffsetPagesThroughResults) {
    const auto first = search("", {}, 5);
    SearchRequest request;
    request.offset = 5;
    request.limit = 5;
    const auto second = s_index->search(request);
    ASSERT_EQ(second.hits.size(), 5u);
    for (const auto& hit : second.hits)
        for (const auto& earlier : first.hits) EXPECT_NE(hit.id, earlier.id);
}

TEST_F(SearchIndexTest, OddInputIsHarmless) {
    for (const std::string& query : std::vector<std::string>{"", " ", "'", "---", "\xFF", "a", std::string(500, 'x'), "1 2 3 4 5 6 7 8 9 10"})
        EXPECT_NO_THROW(search(query)) << query;
}

TEST_F(SearchIndexTest, JsonCarriesWhatMatched) {
    const auto json = to_json(search("Lemberg"));
    EXPECT_EQ(json["hits"][0]["id"], k_lviv);
    EXPECT_EQ(json["hits"][0]["match"], "alias");
    EXPECT_EQ(json["hits"][0]["field"], "aliases");
    EXPECT_EQ(json["hits"][0]["matched_name"], "Lemberg");
    EXPECT_TRUE(json["facets"]["countries"].is_array());
}

}  // namespace
}  // namespace prd
