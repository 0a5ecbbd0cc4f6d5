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
    EXPECT_EQ(m_api.handle(post).status, 401);  // an anonymous write is refused before routing
    const auto token = make_token(Role::moderator, "", "test", "2026-11-29T12:00:00Z");
    m_service.store().add_token(token.record);
    post.headers["Authorization"] = "Bearer " + token.secret;
    const auto refused = m_api.handle(post);
    EXPECT_EQ(refused.status, 405);
    EXPECT_NE(nlohmann::json::parse(refused.body)["error"]["message"].get<std::string>().find("POST"), std::string::npos);
}

TEST_F(ApiTest, TheDataFolderIsSeededOnceAndThenLoaded) {
    EXPECT_TRUE(m_service.seeded());
    RegistryService reopened(std::make_unique<SqliteStore>(m_dir.path()), Snapshot{});
    EXPECT_FALSE(reopened.seeded());
    EXPECT_EQ(reopened.revision(), m_service.revision());
    EXPECT_EQ(reopened.snapshot()->json(), m_service.snapshot()->json());
}

TEST_F(ApiTest, SessionSaysWhoTheCallerIs) {
    const auto anonymous = get("/api/v1/session");
    ASSERT_EQ(anonymous.status, 200);
    EXPECT_EQ(nlohmann::json::parse(anonymous.body), (nlohmann::json{{"role", "anonymous"}}));
    EXPECT_EQ(header(anonymous, "Cache-Control"), "private, no-store");

    const auto editor = make_token(Role::editor, "UA80000000000093317", "Kyiv city council", "2026-11-29T12:00:00Z");
    const auto moderator = make_token(Role::moderator, "", "registry team", "2026-11-29T12:00:00Z");
    m_service.store().add_token(editor.record);
    m_service.store().add_token(moderator.record);

    const auto as_editor = get("/api/v1/session", {{"Authorization", "Bearer " + editor.secret}});
    ASSERT_EQ(as_editor.status, 200);
    EXPECT_EQ(nlohmann::json::parse(as_editor.body), (nlohmann::json{{"role", "editor"},
                                                                     {"municipality", "UA80000000000093317"},
                                                                     {"token_id", editor.record.id},
                                                                     {"label", "Kyiv city council"}}));
    const auto as_moderator = get("/api/v1/session", {{"Authorization", "Bearer " + moderator.secret}});
    ASSERT_EQ(as_moderator.status, 200);
    EXPECT_EQ(nlohmann::json::parse(as_moderator.body), (nlohmann::json{{"role", "moderator"},
                                                                        {"municipality", ""},
                                                                        {"token_id", moderator.record.id},
                                                                        {"label", "registry team"}}));
}

TEST_F(ApiTest, SessionRefusesABadOrRevokedTokenLikeEveryRoute) {
    const auto token = make_token(Role::editor, "UA80000000000093317", "revoked soon", "2026-11-29T12:00:00Z");
    m_service.store().add_token(token.record);
    m_service.store().revoke_token(token.record.id);
    for (const std::string& authorization :
         {"Bearer " + token.secret, std::string("Bearer prd_not-a-token"), std::string("Basic dXNlcjpwYXNz")}) {
        const auto response = get("/api/v1/session", {{"Authorization", authorization}});
        EXPECT_EQ(response.status, 401) << authorization;
        EXPECT_EQ(nlohmann::json::parse(response.body)["error"]["code"], "unauthorized") << authorization;
        EXPECT_EQ(header(response, "WWW-Authenticate"), "Bearer");
    }
}

}  // namespace
}  // namespace prd::server
