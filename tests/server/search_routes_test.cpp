// GET /api/v1/search and /matches through the API, and a declined suggestion that stays gone for
// its community (and only for it).
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "api/search_routes.hpp"
#include "seed/default_registry.hpp"
#include "store/sqlite_store.hpp"
#include "test_support.hpp"

namespace prd::server {
namespace {

using Json = nlohmann::json;
constexpr const char* kLviv = "UA46060250000025047";

class SearchRoutesTest : public ::testing::Test {
protected:
    SearchRoutesTest() { open(); }

    void open() {
        m_api.reset();
        m_service.reset();
        m_service = std::make_unique<RegistryService>(std::make_unique<SqliteStore>(m_dir.path()), default_snapshot());
        m_api = std::make_unique<Api>(*m_service);
        add_search_routes(*m_api, *m_service);
    }

    ApiResponse get(const std::string& path, std::map<std::string, std::string> query = {},
                    const std::string& token = {}) {
        ApiRequest request;
        request.path = path;
        request.query = std::move(query);
        if (!token.empty()) request.headers["Authorization"] = "Bearer " + token;
        return m_api->handle(request);
    }

    std::vector<std::string> suggested(const std::string& token = {}) {
        const auto answer =
            Json::parse(get(std::string("/api/v1/municipalities/") + kLviv + "/matches", {{"limit", "20"}}, token).body);
        std::vector<std::string> ids;
        for (const auto& s : answer["suggestions"]) ids.push_back(s["id"]);
        return ids;
    }

    test::TempDir m_dir;
    std::unique_ptr<RegistryService> m_service;
    std::unique_ptr<Api> m_api;
};

TEST_F(SearchRoutesTest, AnOldSpellingFindsTheCommunity) {
    for (const char* query : {"Lemberg", "Lwów", "Львів", "lviv"}) {
        const auto answer = Json::parse(get("/api/v1/search", {{"q", query}, {"limit", "3"}}).body);
        ASSERT_FALSE(answer["hits"].empty()) << query;
        EXPECT_EQ(answer["hits"][0]["id"], kLviv) << query;
    }
}

TEST_F(SearchRoutesTest, FiltersAndBadParametersAreNamed) {
    const auto polish = Json::parse(get("/api/v1/search", {{"q", "Poz"}, {"country", "PL"}}).body);
    for (const auto& hit : polish["hits"]) EXPECT_EQ(hit["id"].get<std::string>().substr(0, 3), "PL-");
    for (const auto& [name, value] : std::vector<std::pair<std::string, std::string>>{
             {"kind", "spaceship"}, {"limit", "0"}, {"needs", "gold"}, {"frontline", "maybe"}, {"border_band", "far"},
             {"has_foreign_partner", "maybe"}}) {
        const auto response = get("/api/v1/search", {{"q", "a"}, {name, value}});
        EXPECT_EQ(response.status, 400) << name;
        EXPECT_EQ(Json::parse(response.body)["error"]["message"].get<std::string>().rfind(name + ":", 0), 0u) << response.body;
    }
    EXPECT_EQ(get("/api/v1/municipalities/UA00000000000000000/matches").status, 404);
}

TEST_F(SearchRoutesTest, BorderBandsAndForeignPartnersSplitTheHromadas) {
    const auto all = Json::parse(get("/api/v1/search", {{"country", "UA"}, {"limit", "1"}}).body);
    std::size_t in_bands = 0;
    for (const auto& band : all["facets"]["border_bands"]) in_bands += band["count"].get<std::size_t>();
    // Every imported hromada has its distance to the border; Kyiv's record comes from the seed agreements.
    EXPECT_EQ(in_bands, 1469u);
    EXPECT_EQ(all["total"].get<std::size_t>(), 1470u);
    const auto near = Json::parse(get("/api/v1/search", {{"country", "UA"}, {"border_band", "0-30"}}).body);
    EXPECT_GT(near["total"].get<std::size_t>(), 0u);
    EXPECT_LT(near["total"].get<std::size_t>(), all["total"].get<std::size_t>());
    const auto with = Json::parse(get("/api/v1/search", {{"country", "UA"}, {"has_foreign_partner", "1"}}).body);
    const auto without = Json::parse(get("/api/v1/search", {{"country", "UA"}, {"no_foreign_partner", "1"}}).body);
    EXPECT_EQ(with["total"].get<std::size_t>() + without["total"].get<std::size_t>(), all["total"].get<std::size_t>());
}

TEST_F(SearchRoutesTest, ADeclinedSuggestionStaysGoneForItsCommunityAfterARestart) {
    const auto before = suggested();
    ASSERT_FALSE(before.empty());
    const std::string declined = before.front();

    auto token = make_token(Role::editor, kLviv, "test", "2026-11-29T00:00:00Z");
    m_service->store().add_token(token.record);
    ASSERT_EQ(m_service->dismiss(kLviv, declined, DismissedSuggestions::Reason::declined, "2026-11-29T00:00:00Z").status,
              DismissalResult::Status::done);

    auto after = suggested(token.secret);
    EXPECT_EQ(std::find(after.begin(), after.end(), declined), after.end());
    EXPECT_EQ(suggested(), before) << "an anonymous caller would learn whom Lviv declined";
    open();  // the server restarts
    after = suggested(token.secret);
    EXPECT_EQ(std::find(after.begin(), after.end(), declined), after.end()) << declined << " came back";
    EXPECT_FALSE(after.empty());
    EXPECT_EQ(suggested(), before);
}

}  // namespace
}  // namespace prd::server
