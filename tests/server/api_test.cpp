#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "api/api.hpp"
#include "seed/default_registry.hpp"
#include "store/sqlite_store.hpp"
#include "test_support.hpp"

namespace prd::server {
namespace {

class ApiTest : public ::testing::Test {
protected:
    ApiTest() : m_service(std::make_unique<SqliteStore>(m_dir.path()), default_snapshot()), m_api(m_service) {}

    ApiResponse get(const std::string& path, std::map<std::string, std::string, CaseInsensitiveLess> headers = {}) {
        ApiRequest request;
        request.path = path;
        request.headers = std::move(headers);
        return m_api.handle(request);
    }

    static std::string header(const ApiResponse& response, const std::string& name) {
        for (const auto& [n, v] : response.headers)
            if (n == name) return v;
        return {};
    }

    test::TempDir m_dir;
    RegistryService m_service;
    Api m_api;
};

TEST_F(ApiTest, HealthReportsTheRegistry) {
    const auto response = get("/api/v1/health");
    EXPECT_EQ(response.status, 200);
    const auto json = nlohmann::json::parse(response.body);
    EXPECT_EQ(json["status"], "ok");
    EXPECT_EQ(json["municipalities"], default_snapshot().municipalities.size());
    EXPECT_EQ(json["partnerships"], default_snapshot().partnerships.size());
}

TEST_F(ApiTest, SnapshotIsTheRegistryWithItsRevisionAsETag) {
    const auto response = get("/api/v1/snapshot");
    ASSERT_EQ(response.status, 200);
    const auto snapshot = snapshot_from_json(nlohmann::json::parse(response.body));
    EXPECT_EQ(snapshot.municipalities.size(), default_snapshot().municipalities.size());
    EXPECT_EQ(header(response, "ETag"), "\"" + std::to_string(snapshot.revision) + "\"");
}

TEST_F(ApiTest, SnapshotAnswers304WhenTheClientIsUpToDate) {
    const auto etag = header(get("/api/v1/snapshot"), "ETag");
    const auto response = get("/api/v1/snapshot", {{"if-none-match", etag}});
    EXPECT_EQ(response.status, 304);
    EXPECT_TRUE(response.body.empty());
    EXPECT_EQ(get("/api/v1/snapshot", {{"If-None-Match", "\"0\""}}).status, 200);
}

TEST_F(ApiTest, UnknownRoutesAndMethodsAnswerJsonErrors) {
    const auto missing = get("/api/v1/nothing-here");
    EXPECT_EQ(missing.status, 404);
    EXPECT_EQ(nlohmann::json::parse(missing.body)["error"]["code"], "not_found");

    ApiRequest post;
    post.method = "POST";
    post.path = "/api/v1/snapshot";
    const auto refused = m_api.handle(post);
    EXPECT_EQ(refused.status, 405);
    EXPECT_NE(nlohmann::json::parse(refused.body)["error"]["message"].get<std::string>().find("POST"), std::string::npos);
}

TEST_F(ApiTest, TheDataFolderIsSeededOnceAndThenLoaded) {
    EXPECT_TRUE(m_service.seeded());
    RegistryService reopened(std::make_unique<SqliteStore>(m_dir.path()), Snapshot{});
    EXPECT_FALSE(reopened.seeded());
    EXPECT_EQ(reopened.revision(), m_service.revision());
    EXPECT_EQ(reopened.snapshot()->json, m_service.snapshot()->json);
}

}  // namespace
}  // namespace prd::server
