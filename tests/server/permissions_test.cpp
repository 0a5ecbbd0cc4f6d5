// Who may do what, route by route, for each kind of caller; and proposal privacy.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "api/api.hpp"
#include "api/proposal_routes.hpp"
#include "api/search_routes.hpp"
#include "seed/default_registry.hpp"
#include "store/sqlite_store.hpp"
#include "test_support.hpp"

namespace prd::server {
namespace {

using Json = nlohmann::json;

constexpr const char* kKyiv = "UA80000000000093317";
constexpr const char* kPoznan = "PL-3088171";
constexpr const char* kDublin = "IE-2964574";
constexpr const char* kProposalId = "0b6f8f3e-3c1a-4d7e-9a55-1f2e3d4c5b6a";

class PermissionsTest : public ::testing::Test {
protected:
    PermissionsTest()
        : m_service(std::make_unique<SqliteStore>(m_dir.path()), default_snapshot()),
          m_api(m_service, [] { return std::string("2026-11-29T12:00:00Z"); }) {
        m_tokens["kyiv"] = add_token(Role::editor, kKyiv);
        m_tokens["poznan"] = add_token(Role::editor, kPoznan);
        m_tokens["dublin"] = add_token(Role::editor, kDublin);
        m_tokens["moderator"] = add_token(Role::moderator, "");
        m_tokens["admin"] = add_token(Role::admin, "");
        m_tokens["anonymous"] = "";
        m_tokens["revoked"] = add_token(Role::moderator, "");
        m_service.store().revoke_token(m_revoked_id);
        add_proposal_routes(m_api, m_service);
    }

    std::string add_token(Role role, const std::string& municipality) {
        auto token = make_token(role, municipality, "test", "2026-11-29T12:00:00Z");
        m_service.store().add_token(token.record);
        m_revoked_id = token.record.id;
        return token.secret;
    }

    ApiResponse call(const std::string& who, const std::string& method, const std::string& path, const Json& body = nullptr,
                     std::map<std::string, std::string, CaseInsensitiveLess> headers = {}) {
        ApiRequest request;
        request.method = method;
        const auto q = path.find('?');
        request.path = path.substr(0, q);
        if (q != std::string::npos) {
            const auto query = path.substr(q + 1);
            const auto eq = query.find('=');
            request.query[query.substr(0, eq)] = query.substr(eq + 1);
        }
        if (!m_tokens.at(who).empty()) headers["Authorization"] = "Bearer " + m_tokens.at(who);
        request.headers = std::move(headers);
        if (!body.is_null()) request.body = body.dump();
        return m_api.handle(request);
    }

    Json kyiv_with_description(const std::string& text) {
        auto kyiv = Json::parse(call("anonymous", "GET", std::string("/api/v1/municipalities/") + kKyiv).body);
        kyiv["description"]["en"] = text;
        return kyiv;
    }

    std::string kyiv_revision() {
        return "\"" + std::to_string(Json::parse(call("anonymous", "GET", std::string("/api/v1/municipalities/") + kKyiv).body)["revision"].get<long long>()) + "\"";
    }

    static Json proposal() {
        return {{"id", kProposalId},
                {"from", kKyiv},
                {"to", kPoznan},
                {"kind", "memorandum"},
                {"areas", {"energy"}},
                {"sections", {{"introduction", {{"uk", "Пропонуємо співпрацю в енергетиці."}, {"en", "We propose cooperation on energy."}}}}}};
    }

    ApiResponse act(const std::string& who, const std::string& action, const std::string& change_id) {
        return call(who, "POST", std::string("/api/v1/proposals/") + kProposalId + "/actions",
                    Json{{"action", action}, {"change_id", change_id}});
    }

    test::TempDir m_dir;
    RegistryService m_service;
    Api m_api;
    std::map<std::string, std::string> m_tokens;
    std::string m_revoked_id;
};

TEST_F(PermissionsTest, EveryoneReadsThePublicRegistryButABadTokenIsRefused) {
    for (const auto* who : {"anonymous", "kyiv", "moderator", "admin"}) {
        EXPECT_EQ(call(who, "GET", "/api/v1/snapshot").status, 200) << who;
        EXPECT_EQ(call(who, "GET", std::string("/api/v1/municipalities/") + kKyiv).status, 200) << who;
        EXPECT_EQ(call(who, "GET", std::string("/api/v1/partnerships?municipality=") + kKyiv).status, 200) << who;
        EXPECT_EQ(call(who, "GET", "/api/v1/changes?since=0").status, 200) << who;
    }
    EXPECT_EQ(call("revoked", "GET", "/api/v1/snapshot").status, 401);
    ApiRequest garbage;
    garbage.path = "/api/v1/health";
    garbage.headers["Authorization"] = "Bearer prd_not-a-token";
    EXPECT_EQ(m_api.handle(garbage).status, 401);
    garbage.headers["Authorization"] = "Basic dXNlcjpwYXNz";
    EXPECT_EQ(m_api.handle(garbage).status, 401);
}

TEST_F(PermissionsTest, EveryReadRouteForEveryKindOfCaller) {
    add_search_routes(m_api, m_service);
    const std::vector<std::string> public_routes = {
        "/api/v1/health",
        "/api/v1/about",
        "/api/v1/metrics",
        "/api/v1/snapshot",
        "/api/v1/changes?since=0",
        std::string("/api/v1/municipalities/") + kKyiv,
        std::string("/api/v1/partnerships?municipality=") + kKyiv,
        "/api/v1/partnerships/seed-2022-brussels-declaration",
        "/api/v1/search?q=Kyiv",
        std::string("/api/v1/municipalities/") + kKyiv + "/matches",
    };
    for (const auto& route : public_routes) {
        for (const auto* who : {"anonymous", "kyiv", "poznan", "moderator", "admin"})
            EXPECT_EQ(call(who, "GET", route).status, 200) << who << " " << route;
        EXPECT_EQ(call("revoked", "GET", route).status, 401) << "revoked " << route;
    }
    for (const auto* who : {"kyiv", "poznan", "moderator", "admin"}) EXPECT_EQ(call(who, "GET", "/api/v1/proposals").status, 200) << who;
    EXPECT_EQ(call("anonymous", "GET", "/api/v1/proposals").status, 401);
    EXPECT_EQ(call("revoked", "GET", "/api/v1/proposals").status, 401);
}

TEST_F(PermissionsTest, OnlyKyivsEditorAndModeratorsEditKyiv) {
    const std::map<std::string, int> expected = {
        {"anonymous", 401}, {"poznan", 403}, {"kyiv", 200}, {"moderator", 200}, {"admin", 200}};
    for (const auto& [who, status] : expected) {
        const auto response = call(who, "PUT", std::string("/api/v1/municipalities/") + kKyiv,
                                   kyiv_with_description("edited by " + who), {{"If-Match", kyiv_revision()}});
        EXPECT_EQ(response.status, status) << who << ": " << response.body;
    }
}

TEST_F(PermissionsTest, AnEditorCannotVerifyItsOwnMunicipality) {
    auto kyiv = kyiv_with_description("x");
    kyiv["verified"] = true;
    const auto response = call("kyiv", "PUT", std::string("/api/v1/municipalities/") + kKyiv, kyiv, {{"If-Match", kyiv_revision()}});
    EXPECT_EQ(response.status, 403);
    EXPECT_NE(response.body.find("verified"), std::string::npos);
    EXPECT_EQ(call("moderator", "PUT", std::string("/api/v1/municipalities/") + kKyiv, kyiv, {{"If-Match", kyiv_revision()}}).status, 200);
}

TEST_F(PermissionsTest, AStaleRevisionAnswers412WithTheCurrentRecord) {
    const auto old = kyiv_revision();
    ASSERT_EQ(call("kyiv", "PUT", std::string("/api/v1/municipalities/") + kKyiv, kyiv_with_description("first"), {{"If-Match", old}}).status, 200);
    const auto stale = call("kyiv", "PUT", std::string("/api/v1/municipalities/") + kKyiv, kyiv_with_description("second"), {{"If-Match", old}});
    EXPECT_EQ(stale.status, 412);
    EXPECT_EQ(Json::parse(stale.body)["current"]["description"]["en"], "first");
    EXPECT_EQ(call("kyiv", "PUT", std::string("/api/v1/municipalities/") + kKyiv, kyiv_with_description("x")).status, 428);
}

TEST_F(PermissionsTest, OnlyModeratorsRecordPartnerships) {
    const Json partnership = {{"id", "kyiv-poznan-test"},
                              {"kind", "memorandum"},
                              {"status", "signed"},
                              {"parties", {{{"municipality", kKyiv}}, {{"municipality", kPoznan}}}},
                              {"title", {{"en", "Test memorandum"}}}};
    const auto batch = [&](const std::string& id) {
        return Json{{"changes", {{{"client_change_id", id}, {"kind", "partnership"}, {"op", "put"}, {"id", "kyiv-poznan-test"},
                                  {"base_revision", 0}, {"record", partnership}}}}};
    };
    EXPECT_EQ(call("anonymous", "POST", "/api/v1/changes", batch("a")).status, 401);
    const auto editor = Json::parse(call("kyiv", "POST", "/api/v1/changes", batch("b")).body);
    EXPECT_EQ(editor["results"][0]["status"], "forbidden");
    const auto moderator = Json::parse(call("moderator", "POST", "/api/v1/changes", batch("c")).body);
    EXPECT_EQ(moderator["results"][0]["status"], "applied");
}

TEST_F(PermissionsTest, AProposalExistsOnlyForItsTwoSidesAndModerators) {
    const std::string feed = "/api/v1/changes?since=" + std::to_string(m_service.revision());
    ASSERT_EQ(call("kyiv", "POST", "/api/v1/proposals", proposal()).status, 201);
    const std::string path = std::string("/api/v1/proposals/") + kProposalId;
    // A draft is the sender's alone: not the receiver's, not even a moderator's.
    EXPECT_EQ(call("kyiv", "GET", path).status, 200);
    for (const auto* who : {"poznan", "moderator", "admin", "dublin", "anonymous"})
        EXPECT_EQ(call(who, "GET", path).status, 404) << who;
    EXPECT_NE(call("kyiv", "GET", feed).body.find(kProposalId), std::string::npos);
    for (const auto* who : {"poznan", "moderator", "dublin", "anonymous"})
        EXPECT_EQ(call(who, "GET", feed).body.find(kProposalId), std::string::npos) << who;
    EXPECT_EQ(Json::parse(call("poznan", "GET", "/api/v1/proposals").body)["inbox"].size(), 0u);
    EXPECT_EQ(Json::parse(call("moderator", "GET", "/api/v1/proposals").body)["inbox"].size(), 0u);

    ASSERT_EQ(act("kyiv", "send", "send-1").status, 200);
    EXPECT_EQ(call("kyiv", "GET", path).status, 200);
    EXPECT_EQ(call("poznan", "GET", path).status, 200);
    EXPECT_EQ(call("moderator", "GET", path).status, 200);
    EXPECT_EQ(call("dublin", "GET", path).status, 404);
    EXPECT_EQ(call("anonymous", "GET", path).status, 404);

    EXPECT_EQ(call("anonymous", "GET", "/api/v1/snapshot").body.find(kProposalId), std::string::npos);
    EXPECT_EQ(call("moderator", "GET", "/api/v1/snapshot").body.find(kProposalId), std::string::npos);
    EXPECT_EQ(call("anonymous", "GET", feed).body.find(kProposalId), std::string::npos);
    EXPECT_EQ(call("dublin", "GET", feed).body.find(kProposalId), std::string::npos);
    EXPECT_NE(call("poznan", "GET", feed).body.find(kProposalId), std::string::npos);
    EXPECT_NE(call("moderator", "GET", feed).body.find(kProposalId), std::string::npos);

    const auto inbox = Json::parse(call("poznan", "GET", "/api/v1/proposals").body);
    ASSERT_EQ(inbox["inbox"].size(), 1u);
    EXPECT_EQ(inbox["outbox"].size(), 0u);
    EXPECT_EQ(Json::parse(call("kyiv", "GET", "/api/v1/proposals").body)["outbox"].size(), 1u);
    EXPECT_EQ(Json::parse(call("dublin", "GET", "/api/v1/proposals").body)["inbox"].size(), 0u);
    EXPECT_EQ(call("anonymous", "GET", "/api/v1/proposals").status, 401);
}

TEST_F(PermissionsTest, TheReceiverAnswersButDoesNotRewriteAndOthersCannotTouchIt) {
    ASSERT_EQ(call("kyiv", "POST", "/api/v1/proposals", proposal()).status, 201);
    ASSERT_EQ(act("kyiv", "send", "send-1").status, 200);
    const std::string path = std::string("/api/v1/proposals/") + kProposalId;
    EXPECT_EQ(call("dublin", "PATCH", path, Json{{"status", "accepted"}}).status, 404);
    const auto rewrite = call("poznan", "PATCH", path, Json{{"sections", {{"introduction", {{"en", "changed"}}}}}});
    EXPECT_EQ(rewrite.status, 403);
    const auto patched = call("poznan", "PATCH", path, Json{{"status", "accepted"}});
    EXPECT_EQ(patched.status, 422);
    EXPECT_EQ(Json::parse(patched.body)["error"]["message"],
              std::string("status: use POST /api/v1/proposals/") + kProposalId + "/actions");
    const auto answer = act("poznan", "accept", "accept-1");
    ASSERT_EQ(answer.status, 200) << answer.body;
    const auto history = Json::parse(answer.body)["history"];
    ASSERT_EQ(history.size(), 2u);
    EXPECT_EQ(history.back()["action"], "accept");
    EXPECT_EQ(history.back()["from"], "sent");
    EXPECT_EQ(history.back()["status"], "accepted");
    EXPECT_EQ(history.back()["municipality"], kPoznan);
    EXPECT_EQ(history.back()["role"], "editor");
    EXPECT_EQ(history.back()["at"], "2026-11-29T12:00:00Z");
}

TEST_F(PermissionsTest, AnEditorSendsProposalsOnlyFromItsOwnMunicipality) {
    auto forged = proposal();
    forged["from"] = kDublin;
    EXPECT_EQ(call("kyiv", "POST", "/api/v1/proposals", forged).status, 403);
    EXPECT_EQ(call("anonymous", "POST", "/api/v1/proposals", proposal()).status, 401);
}

}  // namespace
}  // namespace prd::server
