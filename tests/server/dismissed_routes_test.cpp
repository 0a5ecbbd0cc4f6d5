// GET, PUT and DELETE /api/v1/municipalities/{id}/dismissed: who may use them, what they answer,
// that the list stays out of public records, and that it survives a restart of the real server.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "api/dismissed_routes.hpp"
#include "api/search_routes.hpp"
#include "running_server.hpp"
#include "seed/default_registry.hpp"
#include "store/sqlite_store.hpp"
#include "test_support.hpp"

namespace prd::server {
namespace {

using Json = nlohmann::json;

constexpr const char* kLviv = "UA46060250000025047";
constexpr const char* kKyiv = "UA80000000000093317";
constexpr const char* kPoznan = "PL-3088171";
constexpr const char* kDublin = "IE-2964574";
constexpr const char* kNow = "2026-11-29T12:00:00Z";

const std::string kList = std::string("/api/v1/municipalities/") + kLviv + "/dismissed";

class DismissedRoutesTest : public ::testing::Test {
protected:
    DismissedRoutesTest()
        : m_service(std::make_unique<SqliteStore>(m_dir.path()), default_snapshot()),
          m_api(m_service, [] { return std::string(kNow); }) {
        add_search_routes(m_api, m_service);
        add_dismissed_routes(m_api, m_service);
        m_tokens["anonymous"] = "";
        m_tokens["lviv"] = add_token(Role::editor, kLviv);
        m_tokens["kyiv"] = add_token(Role::editor, kKyiv);
        m_tokens["moderator"] = add_token(Role::moderator, "");
        m_tokens["admin"] = add_token(Role::admin, "");
    }

    std::string add_token(Role role, const std::string& municipality) {
        auto token = make_token(role, municipality, "test", kNow);
        m_service.store().add_token(token.record);
        return token.secret;
    }

    ApiResponse call(const std::string& who, const std::string& method, const std::string& path,
                     const std::string& body = {}) {
        ApiRequest request;
        request.method = method;
        const auto q = path.find('?');
        request.path = path.substr(0, q);
        if (q != std::string::npos) {
            const auto eq = path.find('=', q);
            request.query[path.substr(q + 1, eq - q - 1)] = path.substr(eq + 1);
        }
        if (!m_tokens.at(who).empty()) request.headers["Authorization"] = "Bearer " + m_tokens.at(who);
        request.body = body;
        return m_api.handle(request);
    }

    ApiResponse dismiss(const std::string& who, const std::string& other, const std::string& reason) {
        return call(who, "PUT", kList + "/" + other, Json{{"reason", reason}}.dump());
    }

    std::vector<std::string> suggested(const std::string& who) {
        const auto response = call(who, "GET", std::string("/api/v1/municipalities/") + kLviv + "/matches?limit=20");
        std::vector<std::string> ids;
        EXPECT_EQ(response.status, 200) << response.body;
        const auto answer = Json::parse(response.body);
        for (const auto& s : answer.value("suggestions", Json::array())) ids.push_back(s["id"]);
        return ids;
    }

    test::TempDir m_dir;
    RegistryService m_service;
    Api m_api;
    std::map<std::string, std::string> m_tokens;
};

TEST_F(DismissedRoutesTest, TheCommunitysEditorAddsListsAndRemoves) {
    const auto first = dismiss("lviv", kPoznan, "declined");
    ASSERT_EQ(first.status, 200) << first.body;
    EXPECT_EQ(Json::parse(first.body),
              (Json{{"municipality", kLviv}, {"entries", {{{"id", kPoznan}, {"reason", "declined"}, {"at", kNow}}}}}));
    ASSERT_EQ(dismiss("lviv", kDublin, "hidden").status, 200);

    const auto listed = call("lviv", "GET", kList);
    ASSERT_EQ(listed.status, 200);
    const auto entries = Json::parse(listed.body)["entries"];
    ASSERT_EQ(entries.size(), 2u);
    EXPECT_EQ(entries[1], (Json{{"id", kDublin}, {"reason", "hidden"}, {"at", kNow}}));
    ASSERT_EQ(listed.headers.size(), 1u);
    EXPECT_EQ(listed.headers[0], std::make_pair(std::string("Cache-Control"), std::string("private, no-store")));

    const auto removed = call("lviv", "DELETE", kList + "/" + kPoznan);
    ASSERT_EQ(removed.status, 200) << removed.body;
    EXPECT_EQ(Json::parse(removed.body)["entries"], (Json{{{"id", kDublin}, {"reason", "hidden"}, {"at", kNow}}}));
    EXPECT_EQ(call("lviv", "DELETE", kList + "/" + kPoznan).status, 404) << "it is no longer dismissed";
}

TEST_F(DismissedRoutesTest, OnlyItsEditorsAndModeratorsMaySeeOrChangeThem) {
    ASSERT_EQ(dismiss("lviv", kPoznan, "declined").status, 200);
    const std::map<std::string, int> expected = {{"anonymous", 401}, {"kyiv", 403}, {"moderator", 200}, {"admin", 200}};
    for (const auto& [who, status] : expected) {
        const auto read = call(who, "GET", kList);
        EXPECT_EQ(read.status, status) << who;
        if (status != 200) {
            EXPECT_EQ(read.body.find(kPoznan), std::string::npos) << who << " saw " << read.body;
        }
        EXPECT_EQ(dismiss(who, kDublin, "hidden").status, status) << who;
        EXPECT_EQ(call(who, "DELETE", kList + "/" + kDublin).status, status) << who;
    }
    EXPECT_EQ(Json::parse(call("lviv", "GET", kList).body)["entries"].size(), 1u);
}

TEST_F(DismissedRoutesTest, BadRequestsSayWhatIsWrong) {
    const auto reason = dismiss("lviv", kPoznan, "maybe");
    EXPECT_EQ(reason.status, 422);
    EXPECT_EQ(Json::parse(reason.body)["error"]["message"], "reason: must be \"hidden\" or \"declined\"");
    EXPECT_EQ(call("lviv", "PUT", kList + "/" + kPoznan).status, 400) << "no body";
    EXPECT_EQ(call("lviv", "PUT", kList + "/" + kPoznan, "{not json").status, 400);
    EXPECT_EQ(dismiss("lviv", "PL-0000000", "hidden").status, 404) << "not a municipality in the registry";
    EXPECT_EQ(dismiss("lviv", kLviv, "hidden").status, 422) << "itself";
    EXPECT_EQ(call("moderator", "GET", "/api/v1/municipalities/UA00000000000000000/dismissed").status, 404);
    EXPECT_EQ(call("lviv", "POST", kList + "/" + kPoznan, "{}").status, 405);
    EXPECT_EQ(call("lviv", "GET", kList + "/" + kPoznan).status, 405);
    EXPECT_TRUE(Json::parse(call("lviv", "GET", kList).body)["entries"].empty()) << "nothing was stored";
}

TEST_F(DismissedRoutesTest, ADismissalChangesNoPublicRecord) {
    const auto revision = m_service.revision();
    const auto snapshot = m_service.snapshot()->json();
    ASSERT_EQ(dismiss("lviv", kPoznan, "declined").status, 200);
    EXPECT_EQ(m_service.revision(), revision);
    EXPECT_EQ(m_service.snapshot()->json(), snapshot);
    EXPECT_EQ(call("lviv", "GET", std::string("/api/v1/municipalities/") + kLviv).body.find("dismissed_suggestions"),
              std::string::npos);
}

TEST_F(DismissedRoutesTest, MatchesHideADismissedIdOnlyFromThoseWhoMaySeeTheList) {
    const std::string matches = std::string("/api/v1/municipalities/") + kLviv + "/matches?limit=20";
    const auto anonymous_before = call("anonymous", "GET", matches).body;
    const auto before = suggested("lviv");
    ASSERT_FALSE(before.empty());
    const std::string declined = before.front();
    ASSERT_EQ(dismiss("lviv", declined, "declined").status, 200);

    for (const auto* who : {"lviv", "moderator"}) {
        const auto after = suggested(who);
        EXPECT_EQ(std::find(after.begin(), after.end(), declined), after.end()) << who;
        EXPECT_FALSE(after.empty()) << who;
    }
    for (const auto* who : {"anonymous", "kyiv"}) {
        const auto after = suggested(who);
        EXPECT_EQ(after, before) << who << " would learn whom Lviv declined";
    }
    EXPECT_EQ(call("anonymous", "GET", matches).body, anonymous_before);
}

}  // namespace
}  // namespace prd::server

namespace prd::server {
namespace {

/// Sends one request with a JSON body over a socket, as the browser app would.
test::RawResponse send(int port, const std::string& method, const std::string& target, const std::string& token,
                       const std::string& body = {}) {
    const std::string head = method + " " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n" +
                             "Authorization: Bearer " + token + "\r\nContent-Type: application/json\r\n" +
                             "Content-Length: " + std::to_string(body.size()) + "\r\n\r\n";
    return test::parse_response(test::send_raw(port, head + body));
}

TEST(DismissedRoutesOverHttp, AListWrittenThroughTheServerSurvivesARestart) {
    test::TempDir dir;
    std::string token;
    {
        test::RunningServer server(dir, {});
        auto editor = make_token(Role::editor, kLviv, "test", kNow);
        server.registry().store().add_token(editor.record);
        token = editor.secret;
        EXPECT_EQ(send(server.port(), "PUT", kList + "/" + kPoznan, token, R"({"reason":"declined"})").status, 200);
        EXPECT_EQ(send(server.port(), "PUT", kList + "/" + kDublin, token, R"({"reason":"hidden"})").status, 200);
        const auto removed = send(server.port(), "DELETE", kList + "/" + kDublin, token);
        EXPECT_EQ(removed.status, 200) << removed.body;
    }
    test::RunningServer restarted(dir, {});
    const auto listed = send(restarted.port(), "GET", kList, token);
    ASSERT_EQ(listed.status, 200) << listed.body;
    const auto entries = Json::parse(listed.body)["entries"];
    ASSERT_EQ(entries.size(), 1u) << listed.body;
    EXPECT_EQ(entries[0]["id"], kPoznan);
    EXPECT_EQ(entries[0]["reason"], "declined");
    EXPECT_EQ(test::http_get(restarted.port(), kList).status, 401);
}

}  // namespace
}  // namespace prd::server
