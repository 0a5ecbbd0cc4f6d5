#include "stats/gap_stats.hpp"

#include <numeric>
#include <set>
#include <stdexcept>

#include <gtest/gtest.h>

#include "fixtures.hpp"
#include "registry/registry.hpp"
#include "search/search_index.hpp"

namespace prd::stats {
namespace {

using Json = nlohmann::json;

// Six hromadas in two oblasts, three foreign cities, and partnerships chosen so that each table
// has a known answer:
//   A (Lviv oblast, 60 km)  twinned with PL1 (2019), signs the open declaration with PL1 and DE1 (2022),
//                           cooperates with C at home (2021)
//   B (Lviv oblast, 10 km)  only an ended twinning with DE1 (2015): without a foreign partner
//   C (Sumy oblast, 150 km) and D (Sumy oblast, distance unknown): one undated, active agreement with PL1
//   E (Sumy oblast, 200 km) no partnership at all; its name would be a spreadsheet formula
//   F (Lviv oblast, 25 km)  a proposed memorandum with PL2, which answered a call for partners
constexpr const char* k_a = "UA46000000000000001";
constexpr const char* k_b = "UA46000000000000002";
constexpr const char* k_c = "UA59000000000000003";
constexpr const char* k_d = "UA59000000000000004";
constexpr const char* k_e = "UA59000000000000005";
constexpr const char* k_f = "UA46000000000000006";
constexpr const char* k_formula = "=cmd|' /C calc'!A0";

Municipality hromada(const std::string& id, const std::string& name, const std::string& oblast,
                     std::optional<double> km) {
    Municipality m;
    m.id = id;
    m.kind = MunicipalityKind::village_hromada;
    m.country = "UA";
    m.region = oblast;
    m.names = {name, name, name};
    if (km) m.extra["frontline"] = {{"distance_to_russia_or_belarus_km", *km}, {"distance_to_russia_km", *km}};
    return m;
}

Partnership partnership(const std::string& id, PartnershipKind kind, PartnershipStatus status, const std::string& date,
                        const std::vector<std::string>& parties) {
    Partnership p;
    p.id = id;
    p.kind = kind;
    p.status = status;
    p.signed_on = date;
    p.title = {"Угода " + id, "Agreement " + id};
    for (const auto& party : parties)
        p.parties.push_back({party, kind == PartnershipKind::joint_declaration ? date : ""});
    return p;
}

Registry sample() {
    Snapshot s;
    s.revision = 7;
    const std::string lviv = "Львівська область", sumy = "Сумська область";
    s.municipalities = {hromada(k_a, "А", lviv, 60),           hromada(k_b, "Б", lviv, 10),
                        hromada(k_c, "В", sumy, 150),          hromada(k_d, "Г", sumy, std::nullopt),
                        hromada(k_e, k_formula, sumy, 200),    hromada(k_f, "Е", lviv, 25),
                        test::foreign("PL-1000001", "Lublin"), test::foreign("PL-1000002", "Rzeszow"),
                        test::foreign("DE-2000001", "Halle")};
    s.municipalities[4].population = 1234;
    using K = PartnershipKind;
    using S = PartnershipStatus;
    s.partnerships = {
        partnership("a-pl1", K::twinning, S::signed_, "2019-05-01", {k_a, "PL-1000001"}),
        partnership("b-de1", K::twinning, S::ended, "2015-03-01", {k_b, "DE-2000001"}),
        partnership("cd-pl1", K::cooperation_agreement, S::active, "", {k_c, k_d, "PL-1000001"}),
        partnership("a-c", K::inter_municipal_cooperation, S::signed_, "2021-01-10", {k_a, k_c}),
        partnership("declaration", K::joint_declaration, S::signed_, "2022-11-28", {k_a, "PL-1000001", "DE-2000001"}),
        partnership("f-pl2", K::memorandum, S::proposed, "2024-02-01", {k_f, "PL-1000002"}),
    };
    s.partnerships[4].open_to_join = true;
    Announcement call;
    call.id = "call-1";
    call.date = "2023-05-01";
    call.title = {"Шукаємо партнера", "Looking for a partner"};
    call.tags = {"call_for_partners"};
    call.links = {{"municipality", k_f}, {"partnership", "f-pl2"}, {"partnership", "no-such-partnership"}};
    Announcement news = call;
    news.id = "news-1";
    news.tags = {"news"};
    s.announcements = {call, news};
    return Registry::from_snapshot(s);
}

std::vector<std::pair<std::string, std::size_t>> counts(const std::vector<CountRow>& rows) {
    std::vector<std::pair<std::string, std::size_t>> out;
    for (const auto& row : rows) out.emplace_back(row.key, row.partnerships);
    return out;
}

using Counts = std::vector<std::pair<std::string, std::size_t>>;

TEST(GapStats, OnlyAPartnershipInForceWithAForeignCityCounts) {
    const Registry registry = sample();
    const auto partners = foreign_partner_counts(registry);
    EXPECT_EQ(partners.size(), 6u) << "every Ukrainian community, and only those";
    EXPECT_EQ(partners.at(k_a), 2) << "PL1 twice (twinning, declaration) and DE1: two distinct cities";
    EXPECT_EQ(partners.at(k_b), 0) << "an ended twinning leaves B without";
    EXPECT_EQ(partners.at(k_c), 1) << "the home cooperation with A is not foreign";
    EXPECT_EQ(partners.at(k_d), 1) << "two Ukrainian parties and one Polish: both have PL1";
    EXPECT_EQ(partners.at(k_e), 0);
    EXPECT_EQ(partners.at(k_f), 0) << "a proposal is not a partner yet";

    const GapStats stats = compute(registry);
    EXPECT_EQ(stats.revision, 7);
    EXPECT_EQ(stats.hromadas, 6u);
    EXPECT_EQ(stats.no_foreign_partner, 3u);
    EXPECT_EQ(stats.without_foreign_partner, (std::vector<std::string>{k_b, k_f, k_e})) << "sorted by id";
    ASSERT_EQ(stats.without_details.size(), 3u);
    EXPECT_EQ(stats.without_details[2].name.uk, k_formula);
    EXPECT_EQ(stats.without_details[2].population, 1234);
    EXPECT_DOUBLE_EQ(share_without(stats), 0.5);
}

TEST(GapStats, TablesByOblastAndBorderBand) {
    const GapStats stats = compute(sample());
    ASSERT_EQ(stats.by_oblast.size(), 2u);
    EXPECT_EQ(stats.by_oblast[0].oblast, "Львівська область");
    EXPECT_EQ(stats.by_oblast[0].hromadas, 3u);
    EXPECT_EQ(stats.by_oblast[0].without_foreign_partner, 2u);
    EXPECT_EQ(stats.by_oblast[1].oblast, "Сумська область");
    EXPECT_EQ(stats.by_oblast[1].hromadas, 3u);
    EXPECT_EQ(stats.by_oblast[1].without_foreign_partner, 1u);

    std::vector<std::tuple<std::string, std::size_t, std::size_t>> bands;
    for (const auto& row : stats.frontline) bands.emplace_back(row.band, row.hromadas, row.without_foreign_partner);
    const decltype(bands) expected = {{"0-30", 2, 2}, {"30-100", 1, 0}, {"100+", 2, 1}, {"unknown", 1, 0}};
    EXPECT_EQ(bands, expected);
}

TEST(GapStats, TheUnknownBandIsListedOnlyWhenSomeCommunityIsInIt) {
    Snapshot s = sample().snapshot();
    for (auto& m : s.municipalities)
        if (m.id == k_d) m.extra["frontline"] = {{"distance_to_russia_or_belarus_km", 100.0}};
    const GapStats stats = compute(Registry::from_snapshot(s));
    ASSERT_EQ(stats.frontline.size(), 3u);
    EXPECT_EQ(stats.frontline[1].band, "30-100");
    EXPECT_EQ(stats.frontline[1].hromadas, 2u) << "100 km is still in 30-100";
}

TEST(GapStats, BorderBandsAgreeWithTheSearchIndex) {
    const Registry registry = sample();
    const GapStats stats = compute(registry);
    const SearchIndex index = SearchIndex::build(registry);
    SearchRequest request;
    request.limit = 0;
    request.want_facets = true;
    request.filters.countries = {"UA"};
    const auto facets = index.search(request).facets.border_bands;
    for (const BandRow& row : stats.frontline) {
        std::size_t searched = 0;
        for (const auto& facet : facets)
            if (facet.value == row.band) searched = facet.count;
        if (row.band != "unknown") EXPECT_EQ(searched, row.hromadas) << row.band;
    }
    EXPECT_EQ(border_band(*registry.find_municipality(k_d)), "unknown");
    EXPECT_EQ(border_band(*registry.find_municipality(k_f)), "0-30");
    EXPECT_EQ(border_distance_km(*registry.find_municipality(k_c)), 150.0);
    EXPECT_FALSE(border_distance_km(*registry.find_municipality("PL-1000001")).has_value());
}

TEST(GapStats, SignedPartnershipsByYearKindAndCountry) {
    const GapStats stats = compute(sample());
    EXPECT_EQ(counts(stats.by_year), (Counts{{"2015", 1}, {"2019", 1}, {"2021", 1}, {"2022", 1}}))
        << "the ended twinning counts (it was signed); the proposal does not";
    EXPECT_EQ(stats.undated, 1u);
    EXPECT_EQ(counts(stats.by_kind), (Counts{{"twinning", 2},
                                             {"memorandum", 0},
                                             {"friendly_relations", 0},
                                             {"cooperation_agreement", 1},
                                             {"project_partnership", 0},
                                             {"inter_municipal_cooperation", 1},
                                             {"joint_declaration", 1}}));
    EXPECT_EQ(counts(stats.by_partner_country), (Counts{{"PL", 3}, {"DE", 2}}))
        << "the agreement of two Ukrainian communities with one Polish city counts once for PL";
}

TEST(GapStats, OpenDeclarationsThenCallsWithWhoJoinedOrAnswered) {
    const GapStats stats = compute(sample());
    ASSERT_EQ(stats.open.size(), 2u);
    EXPECT_EQ(stats.open[0].kind, "declaration");
    EXPECT_EQ(stats.open[0].id, "declaration");
    EXPECT_EQ(stats.open[0].date, "2022-11-28");
    EXPECT_EQ(stats.open[0].joined, 3u);
    EXPECT_EQ(stats.open[1].kind, "call");
    EXPECT_EQ(stats.open[1].id, "call-1");
    EXPECT_EQ(stats.open[1].title.en, "Looking for a partner");
    EXPECT_EQ(stats.open[1].date, "2023-05-01");
    EXPECT_EQ(stats.open[1].joined, 2u) << "the two parties of the partnership the call links to";
}

TEST(GapStats, FiltersPickThePartnershipsThatCount) {
    const Registry registry = sample();
    Filter twinnings;
    twinnings.kinds = {PartnershipKind::twinning};
    GapStats stats = compute(registry, twinnings);
    EXPECT_EQ(stats.no_foreign_partner, 5u) << "only A's twinning counts";
    EXPECT_EQ(counts(stats.by_year), (Counts{{"2015", 1}, {"2019", 1}}));
    EXPECT_EQ(stats.undated, 0u);
    EXPECT_EQ(stats.by_kind.size(), 7u) << "every kind is still listed";
    EXPECT_EQ(stats.by_kind[3].partnerships, 0u);
    EXPECT_EQ(counts(stats.by_partner_country), (Counts{{"DE", 1}, {"PL", 1}})) << "a tie lists by code";
    ASSERT_EQ(stats.open.size(), 1u) << "the declaration is no twinning; the call is listed whatever the filter";
    EXPECT_EQ(stats.open[0].kind, "call");

    Filter german;
    german.partner_country = "DE";
    stats = compute(registry, german);
    EXPECT_EQ(stats.without_foreign_partner.size(), 5u) << "only A signed with a German city and still has it";
    EXPECT_EQ(counts(stats.by_partner_country), (Counts{{"DE", 2}, {"PL", 1}}));

    Filter years;
    years.year_from = 2019;
    years.year_to = 2021;
    stats = compute(registry, years);
    EXPECT_EQ(counts(stats.by_year), (Counts{{"2019", 1}, {"2021", 1}}));
    EXPECT_EQ(stats.undated, 0u) << "with a range set, undated partnerships are left out";
    EXPECT_EQ(foreign_partner_counts(registry, years).at(k_c), 0) << "C's only foreign agreement is undated";
    years.year_to = 0;
    EXPECT_EQ(counts(compute(registry, years).by_year), (Counts{{"2019", 1}, {"2021", 1}, {"2022", 1}}));

    EXPECT_TRUE(in_force(*registry.find_partnership("cd-pl1"), registry, {}));
    EXPECT_FALSE(in_force(*registry.find_partnership("b-de1"), registry, {}));
    EXPECT_FALSE(in_force(*registry.find_partnership("f-pl2"), registry, {}));
}

TEST(GapStats, FilterValuesAreReadOrRefusedWithTheRule) {
    Filter f;
    EXPECT_EQ(read_kinds("twinning,memorandum", f), "");
    EXPECT_EQ(f.kinds, (std::vector<PartnershipKind>{PartnershipKind::twinning, PartnershipKind::memorandum}));
    EXPECT_NE(read_kinds("spaceship", f).find("\"spaceship\""), std::string::npos);
    EXPECT_NE(read_kinds("twinning,", f), "");
    EXPECT_EQ(read_partner_country("pl", f), "");
    EXPECT_EQ(f.partner_country, "PL");
    EXPECT_NE(read_partner_country("UA", f), "");
    EXPECT_NE(read_partner_country("POL", f), "");
    EXPECT_EQ(read_years("2014-2022", f), "");
    EXPECT_EQ(std::pair(f.year_from, f.year_to), std::pair(2014, 2022));
    EXPECT_EQ(read_years("2014-", f), "");
    EXPECT_EQ(std::pair(f.year_from, f.year_to), std::pair(2014, 0));
    EXPECT_EQ(read_years("-2021", f), "");
    EXPECT_EQ(std::pair(f.year_from, f.year_to), std::pair(0, 2021));
    for (const char* bad : {"2022-2014", "2014", "14-22", "-", "2014-2022x", "abcd-2020", "+2014-2015"})
        EXPECT_NE(read_years(bad, f), "") << bad;
    EXPECT_TRUE(is_table("oblast"));
    EXPECT_FALSE(is_table("oblasts"));
    EXPECT_EQ(table_choices(), "oblast, frontline, year, kind, country, open or without");
}

TEST(GapStats, JsonHasEveryTableOrTheOneAskedFor) {
    const GapStats stats = compute(sample());
    const Json all = to_json(stats);
    std::set<std::string> keys;
    for (const auto& [key, value] : all.items()) keys.insert(key);
    EXPECT_EQ(keys, (std::set<std::string>{"revision", "hromadas", "no_foreign_partner", "share_without", "by_oblast",
                                           "frontline", "by_year", "undated", "by_kind", "by_partner_country", "open",
                                           "without_foreign_partner"}));
    EXPECT_EQ(all["by_oblast"][0],
              (Json{{"oblast", "Львівська область"}, {"hromadas", 3}, {"without_foreign_partner", 2}}));
    EXPECT_EQ(all["frontline"][3], (Json{{"band", "unknown"}, {"hromadas", 1}, {"without_foreign_partner", 0}}));
    EXPECT_EQ(all["by_year"][0], (Json{{"year", "2015"}, {"partnerships", 1}}));
    EXPECT_EQ(all["by_kind"][0], (Json{{"kind", "twinning"}, {"partnerships", 2}}));
    EXPECT_EQ(all["by_partner_country"][0], (Json{{"country", "PL"}, {"partnerships", 3}}));
    EXPECT_EQ(all["open"][1], (Json{{"kind", "call"},
                                    {"id", "call-1"},
                                    {"title", {{"uk", "Шукаємо партнера"}, {"en", "Looking for a partner"}}},
                                    {"date", "2023-05-01"},
                                    {"joined", 2}}));
    EXPECT_EQ(all["without_foreign_partner"], (Json{k_b, k_f, k_e}));
    EXPECT_EQ(all["share_without"], 0.5);

    const Json oblast = to_json(stats, "oblast");
    EXPECT_EQ(oblast.size(), 5u);
    EXPECT_EQ(oblast["by_oblast"], all["by_oblast"]);
    EXPECT_EQ(oblast["hromadas"], 6);
    const Json year = to_json(stats, "year");
    EXPECT_EQ(year["undated"], 1) << "the undated partnerships belong to the year table";
    EXPECT_EQ(to_json(stats, "without")["without_foreign_partner"], all["without_foreign_partner"]);
    EXPECT_THROW(to_json(stats, "oblasts"), std::invalid_argument);
}

TEST(GapStats, CsvHasABomCrlfAHeaderInTheLanguageAndNoFormulas) {
    const GapStats stats = compute(sample());
    const std::string oblast = to_csv(stats, "oblast", "en");
    EXPECT_EQ(oblast,
              "\xEF\xBB\xBFOblast,Hromadas,Without a foreign partner\r\nLviv Oblast,3,2\r\nSumy Oblast,3,1\r\n");
    EXPECT_EQ(to_csv(stats, "oblast", "uk"),
              "\xEF\xBB\xBFОбласть,Громад,Без іноземного партнера\r\nЛьвівська область,3,2\r\nСумська область,3,1\r\n");

    const std::string without = to_csv(stats, "without", "en");
    EXPECT_EQ(without.rfind("\xEF\xBB\xBFID,Name,Oblast,Population\r\n", 0), 0u) << without;
    EXPECT_NE(without.find(std::string(k_e) + ",'=cmd|' /C calc'!A0,Sumy Oblast,1234\r\n"), std::string::npos)
        << without;
    EXPECT_NE(without.find(std::string(k_b) + ",Б,Lviv Oblast,\r\n"), std::string::npos) << without;

    for (const std::string_view table : k_tables) {
        for (const char* lang : {"uk", "en"}) {
            const std::string csv = to_csv(stats, table, lang);
            EXPECT_EQ(csv.rfind("\xEF\xBB\xBF", 0), 0u) << table;
            for (std::size_t at = csv.find('\n'); at != std::string::npos; at = csv.find('\n', at + 1))
                EXPECT_EQ(csv[at - 1], '\r') << table << " " << lang << ": every line ends with CRLF";
            EXPECT_EQ(csv.back(), '\n');
        }
    }
    EXPECT_EQ(to_csv(stats, "year", "en"),
              "\xEF\xBB\xBFYear,Partnerships\r\n2015,1\r\n2019,1\r\n2021,1\r\n2022,1\r\nundated,1\r\n");
    EXPECT_NE(to_csv(stats, "country", "uk").find("PL,Польща,3\r\n"), std::string::npos);
    EXPECT_NE(to_csv(stats, "kind", "en").find("twinning,Twinning,2\r\n"), std::string::npos);
    EXPECT_NE(to_csv(stats, "frontline", "en").find("within 30 km,2,2\r\n"), std::string::npos);
    EXPECT_NE(to_csv(stats, "open", "en").find("Call for partners,call-1,Looking for a partner,2023-05-01,2\r\n"),
              std::string::npos);
    EXPECT_THROW(to_csv(stats, "nope", "en"), std::invalid_argument);
}

TEST(GapStats, TheDefaultRegistryAddsUp) {
    const Registry& registry = test::default_registry();
    const GapStats stats = compute(registry);
    std::size_t ukrainian = 0;
    for (const auto& [id, m] : registry.municipalities()) ukrainian += is_ukrainian_community(m);
    EXPECT_EQ(stats.hromadas, ukrainian);
    EXPECT_GT(stats.hromadas, 1400u);
    const auto sum = [](const auto& rows) {
        return std::accumulate(rows.begin(), rows.end(), std::size_t{0},
                               [](std::size_t total, const auto& row) { return total + row.hromadas; });
    };
    EXPECT_EQ(sum(stats.by_oblast), stats.hromadas);
    EXPECT_EQ(sum(stats.frontline), stats.hromadas);
    EXPECT_EQ(stats.without_foreign_partner.size(), stats.no_foreign_partner);
    EXPECT_GT(stats.no_foreign_partner, 0u);
    EXPECT_LT(stats.no_foreign_partner, stats.hromadas);

    // The search's "no foreign partner" filter finds the same communities.
    const SearchIndex index = SearchIndex::build(registry);
    SearchRequest request;
    request.limit = 0;
    request.filters.countries = {"UA"};
    request.filters.no_foreign_partner = true;
    EXPECT_EQ(index.search(request).total, stats.no_foreign_partner);
}

}  // namespace
}  // namespace prd::stats
