// GET /api/v1/stats through the API: the core's figures of the current registry, one table or
// all, JSON or CSV, filtered; parameters named when bad; 304 until the registry changes.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "api/stats_routes.hpp"
#include "model/json_codec.hpp"
#include "seed/default_registry.hpp"
#include "stats/gap_stats.hpp"
#include "store/sqlite_store.hpp"
#include "test_support.hpp"

namespace prd::server {
namespace {

using Json = nlohmann::json;
constexpr const char* kPoznan = "PL-3088171";

class StatsRoutesTest : public ::testing::Test {
protected:
    StatsRoutesTest() : m_service(std::make_unique<SqliteStore>(m_dir.path()), default_snapshot()), m_api(m_service) {
        add_stats_routes(m_api, m_service);
    }

    ApiResponse get(std::map<std::string, std::string> query = {}, const std::string& if_none_match = {}) {
        ApiRequest request;
        request.path = "/api/v1/stats";
        request.query = std::move(query);
        if (!if_none_match.empty()) request.headers["If-None-Match"] = if_none_match;
        return m_api.handle(request);
    }

    static std::string header(const ApiResponse& response, const std::string& name) {
        for (const auto& [key, value] : response.headers)
            if (key == name) return value;
        return {};
    }

    stats::GapStats figures(const stats::Filter& filter = {}) {
        return m_service.read([&](const Registry& r) { return stats::compute(r, filter); });
    }

    /// Twins the first community without a foreign partner with Poznań, as an admin would.
    void twin_first_without() {
        const std::string community = figures().without_foreign_partner.front();
        Partnership p;
        p.id = "stats-test-twinning";
        p.kind = PartnershipKind::twinning;
        p.parties = {{community, ""}, {kPoznan, ""}};
        p.title.en = "A new twinning";
        p.signed_on = "2025-06-01";
        Change change{RecordKind::partnership, Change::Op::put, p.id, 0, to_json(p), "stats-test-1"};
        const auto results =
            m_service.push(Principal{Role::admin, "", "tok_test", "test"}, {change}, "2025-06-01T00:00:00Z");
        ASSERT_EQ(results.front().json.value("status", ""), "applied") << results.front().json;
    }

    test::TempDir m_dir;
    RegistryService m_service;
    Api m_api;
};

TEST_F(StatsRoutesTest, AnyoneReadsTheCoresFiguresOfTheCurrentRegistry) {
    const auto all = get();
    ASSERT_EQ(all.status, 200) << all.body;
    EXPECT_EQ(Json::parse(all.body), stats::to_json(figures()));
    const auto oblast = get({{"by", "oblast"}});
    ASSERT_EQ(oblast.status, 200);
    const Json body = Json::parse(oblast.body);
    EXPECT_EQ(body, stats::to_json(figures(), "oblast"));
    EXPECT_EQ(body.size(), 5u) << "the headline numbers and the one table";
    EXPECT_GT(body["hromadas"].get<std::size_t>(), 1400u);
}

TEST_F(StatsRoutesTest, BadParametersAreNamedWithTheirRule) {
    const auto by = get({{"by", "oblasts"}});
    EXPECT_EQ(by.status, 400);
    const std::string message = Json::parse(by.body)["error"]["message"];
    EXPECT_EQ(message.rfind("by:", 0), 0u) << message;
    for (const std::string_view table : stats::k_tables)
        EXPECT_NE(message.find(table), std::string::npos) << "the allowed values are listed: " << message;
    for (const auto& [name, value] : std::vector<std::pair<std::string, std::string>>{{"kind", "spaceship"},
                                                                                      {"partner_country", "Poland"},
                                                                                      {"years", "2022-2014"},
                                                                                      {"years", "last"},
                                                                                      {"format", "xlsx"},
                                                                                      {"lang", "fr"}}) {
        const auto response = get({{name, value}});
        EXPECT_EQ(response.status, 400) << name << "=" << value;
        EXPECT_EQ(Json::parse(response.body)["error"]["message"].get<std::string>().rfind(name + ":", 0), 0u)
            << response.body;
    }
    const auto csv_without_table = get({{"format", "csv"}});
    EXPECT_EQ(csv_without_table.status, 400);
    EXPECT_EQ(Json::parse(csv_without_table.body)["error"]["message"].get<std::string>().rfind("by:", 0), 0u);
}

TEST_F(StatsRoutesTest, OneTableAsCsvForSpreadsheets) {
    const auto csv = get({{"by", "without"}, {"format", "csv"}, {"lang", "en"}});
    ASSERT_EQ(csv.status, 200) << csv.body;
    EXPECT_EQ(csv.content_type, "text/csv; charset=utf-8");
    EXPECT_EQ(header(csv, "Content-Disposition"), "attachment; filename=\"stats-without.csv\"");
    EXPECT_EQ(csv.body, stats::to_csv(figures(), "without", "en"));
    EXPECT_EQ(csv.body.rfind("\xEF\xBB\xBFID,Name,Oblast,Population\r\n", 0), 0u);
    const auto uk = get({{"by", "oblast"}, {"format", "csv"}});
    EXPECT_EQ(uk.body.rfind("\xEF\xBB\xBFОбласть,", 0), 0u) << "Ukrainian unless lang=en";
    EXPECT_EQ(header(uk, "Content-Disposition"), "attachment; filename=\"stats-oblast.csv\"");
}

TEST_F(StatsRoutesTest, FiltersPickThePartnerships) {
    stats::Filter filter;
    filter.kinds = {PartnershipKind::twinning, PartnershipKind::memorandum};
    filter.partner_country = "PL";
    filter.year_from = 2000;
    filter.year_to = 2022;
    const auto response = get({{"kind", "twinning,memorandum"}, {"partner_country", "pl"}, {"years", "2000-2022"}});
    ASSERT_EQ(response.status, 200) << response.body;
    const Json body = Json::parse(response.body);
    EXPECT_EQ(body, stats::to_json(figures(filter)));
    EXPECT_GT(body["no_foreign_partner"], Json::parse(get().body)["no_foreign_partner"]);
}

TEST_F(StatsRoutesTest, AskedAgainTheAnswerIsNotModifiedUntilTheRegistryChanges) {
    const auto first = get({{"by", "oblast"}});
    const std::string tag = header(first, "ETag");
    ASSERT_FALSE(tag.empty());
    EXPECT_EQ(header(first, "Cache-Control"), "no-cache");
    const auto again = get({{"by", "oblast"}}, tag);
    EXPECT_EQ(again.status, 304);
    EXPECT_TRUE(again.body.empty());
    EXPECT_EQ(get({{"by", "kind"}}, tag).status, 200) << "another query is another representation";
    EXPECT_EQ(get({{"by", "oblast"}, {"kind", "twinning"}}, tag).status, 200);
    EXPECT_NE(header(get({{"by", "oblast"}, {"format", "csv"}}), "ETag"), tag);

    const std::size_t before = Json::parse(first.body)["no_foreign_partner"];
    const std::map<std::string, std::string> polish = {{"by", "oblast"}, {"partner_country", "PL"}};
    const std::size_t polish_before = Json::parse(get(polish).body)["no_foreign_partner"];
    twin_first_without();
    const auto changed = get({{"by", "oblast"}}, tag);
    ASSERT_EQ(changed.status, 200) << "a write makes a new revision";
    EXPECT_NE(header(changed, "ETag"), tag);
    EXPECT_EQ(Json::parse(changed.body)["no_foreign_partner"].get<std::size_t>(), before - 1)
        << "the cached figures follow the registry";
    EXPECT_EQ(Json::parse(get(polish).body)["no_foreign_partner"].get<std::size_t>(), polish_before - 1)
        << "and so do a filter's";
}

}  // namespace
}  // namespace prd::server
