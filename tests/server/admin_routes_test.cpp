// Onboarding by invitation and the token admin routes: a code works once, expired and revoked
// codes are refused, revocation ends access at once, secrets are never listed.
#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <iterator>
#include <map>

#include <nlohmann/json.hpp>

#include "api/admin_routes.hpp"
#include "auth/invitations.hpp"
#include "seed/default_registry.hpp"
#include "store/sqlite_store.hpp"
#include "test_support.hpp"

namespace prd::server {
namespace {

using Json = nlohmann::json;

constexpr const char* kLviv = "UA46060250000025047";

class AdminRoutesTest : public ::testing::Test {
protected:
    AdminRoutesTest()
        : m_service(std::make_unique<SqliteStore>(m_dir.path()), default_snapshot()),
          m_api(m_service, [this] { return m_now; }) {
        add_admin_routes(m_api, m_service, {"https://partners.example.org/"});
        m_admin = add_token(Role::admin, "");
        m_moderator = add_token(Role::moderator, "");
        m_editor = add_token(Role::editor, kLviv);
    }

    std::string add_token(Role role, const std::string& municipality) {
        auto token = make_token(role, municipality, "test", m_now);
        m_service.store().add_token(token.record);
        return token.secret;
    }

    ApiResponse call(const std::string& token, const std::string& method, const std::string& path, const Json& body = nullptr) {
        ApiRequest request;
        request.method = method;
        request.path = path;
        if (!token.empty()) request.headers["Authorization"] = "Bearer " + token;
        request.headers["Host"] = "hromada.example.org";
        if (!body.is_null()) request.body = body.dump();
        return m_api.handle(request);
    }

    static Json json(const ApiResponse& response) { return Json::parse(response.body); }

    /// Makes an invitation through the API and returns its code.
    std::string invite(const Json& body, const std::string& as = {}) {
        const auto response = call(as.empty() ? m_moderator : as, "POST", "/api/v1/admin/invitations", body);
        EXPECT_EQ(response.status, 201) << response.body;
        return json(response).value("code", "");
    }

    test::TempDir m_dir;
    std::string m_now = "2026-11-29T12:00:00Z";
    RegistryService m_service;
    Api m_api;
    std::string m_admin, m_moderator, m_editor;
};

TEST_F(AdminRoutesTest, AnInvitationBecomesItsUsersOwnTokenOnceAndOnlyOnce) {
    const auto made = call(m_moderator, "POST", "/api/v1/admin/invitations",
                           {{"municipality", kLviv}, {"role", "editor"}, {"days", 7}, {"label", "Olena, Lviv"}});
    ASSERT_EQ(made.status, 201) << made.body;
    const auto code = json(made)["code"].get<std::string>();
    EXPECT_EQ(json(made)["link"], "https://partners.example.org/#/join/" + code);
    EXPECT_EQ(json(made)["expires_at"], "2026-12-06T12:00:00Z");

    const auto accepted = call("", "POST", "/api/v1/invitations/" + code + "/accept");
    ASSERT_EQ(accepted.status, 201) << accepted.body;
    const auto token = json(accepted)["token"].get<std::string>();
    EXPECT_EQ(json(accepted)["role"], "editor");
    EXPECT_EQ(json(accepted)["municipality"], kLviv);
    EXPECT_EQ(json(accepted)["label"], "Olena, Lviv");

    const auto session = call(token, "GET", "/api/v1/session");
    EXPECT_EQ(json(session)["role"], "editor");
    EXPECT_EQ(json(session)["municipality"], kLviv);

    const auto again = call("", "POST", "/api/v1/invitations/" + code + "/accept");
    EXPECT_EQ(again.status, 401);
    EXPECT_EQ(json(again)["error"]["code"], "invitation_used");
    EXPECT_EQ(call("", "POST", "/api/v1/invitations/0123456789abcdef0123456789abcdef/accept").status, 401);
    EXPECT_EQ(call("", "POST", "/api/v1/invitations/not-a-code/accept").status, 401);
}

TEST_F(AdminRoutesTest, AnExpiredOrRevokedInvitationIsRefusedWithTheReason) {
    const auto expiring_made = call(m_moderator, "POST", "/api/v1/admin/invitations", {{"municipality", kLviv}, {"days", 1}});
    const auto expiring = json(expiring_made)["code"].get<std::string>();
    const auto made = call(m_moderator, "POST", "/api/v1/admin/invitations", {{"municipality", kLviv}});
    const auto withdrawn = json(made)["code"].get<std::string>();
    EXPECT_EQ(call(m_moderator, "DELETE", "/api/v1/admin/invitations/" + json(made)["id"].get<std::string>()).status, 200);

    m_now = "2026-11-30T12:00:00Z";  // a day later: the one-day invitation ends now
    const auto expired = call("", "POST", "/api/v1/invitations/" + expiring + "/accept");
    EXPECT_EQ(expired.status, 401);
    EXPECT_EQ(json(expired)["error"]["code"], "invitation_expired");
    EXPECT_NE(json(expired)["error"]["message"].get<std::string>().find("expired"), std::string::npos);
    const auto revoked = call("", "POST", "/api/v1/invitations/" + withdrawn + "/accept");
    EXPECT_EQ(revoked.status, 401);
    EXPECT_EQ(json(revoked)["error"]["code"], "invitation_revoked");

    const auto list = json(call(m_moderator, "GET", "/api/v1/admin/invitations"))["invitations"];
    ASSERT_EQ(list.size(), 2u);
    std::map<std::string, std::string> states;
    for (const auto& invitation : list) states[invitation["id"]] = invitation["state"];
    EXPECT_EQ(states[json(expiring_made)["id"]], "expired");
    EXPECT_EQ(states[json(made)["id"]], "revoked");
    EXPECT_EQ(list.dump().find(expiring), std::string::npos) << "a code is never listed";
}

TEST_F(AdminRoutesTest, RevokingATokenEndsItsAccessAtOnce) {
    const auto code = invite({{"municipality", kLviv}});
    const auto accepted = json(call("", "POST", "/api/v1/invitations/" + code + "/accept", {{"label", "my laptop"}}));
    const auto token = accepted["token"].get<std::string>();
    EXPECT_EQ(accepted["label"], "my laptop");
    ASSERT_EQ(call(token, "GET", "/api/v1/session").status, 200);

    const auto revoked = call(m_moderator, "DELETE", "/api/v1/admin/tokens/" + accepted["id"].get<std::string>());
    ASSERT_EQ(revoked.status, 200) << revoked.body;
    EXPECT_TRUE(json(revoked)["revoked"].get<bool>());
    EXPECT_EQ(call(token, "GET", "/api/v1/session").status, 401);
}

TEST_F(AdminRoutesTest, TokensAreListedWithTheirUseButNeverTheirSecrets) {
    m_now = "2026-11-29T12:05:30Z";
    call(m_editor, "GET", "/api/v1/session");
    const auto listed = call(m_admin, "GET", "/api/v1/admin/tokens");
    ASSERT_EQ(listed.status, 200);
    const auto tokens = json(listed)["tokens"];
    ASSERT_EQ(tokens.size(), 3u);
    for (const auto& token : tokens) {
        EXPECT_FALSE(token.contains("hash"));
        EXPECT_FALSE(token.contains("token"));
        EXPECT_TRUE(token.contains("created_at"));
    }
    const auto editor = std::find_if(tokens.begin(), tokens.end(), [](const Json& t) { return t["role"] == "editor"; });
    EXPECT_EQ((*editor)["municipality"], kLviv);
    EXPECT_EQ((*editor)["last_used_at"], "2026-11-29T12:05:30Z");
    EXPECT_EQ(listed.body.find(m_editor), std::string::npos);

    const auto created = call(m_admin, "POST", "/api/v1/admin/tokens", {{"role", "moderator"}, {"label", "Taras"}});
    ASSERT_EQ(created.status, 201) << created.body;
    EXPECT_EQ(json(created)["token"].get<std::string>().rfind("prd_", 0), 0u);
    EXPECT_EQ(json(call(m_admin, "GET", "/api/v1/admin/tokens")).dump().find(json(created)["token"].get<std::string>()),
              std::string::npos);
}

TEST_F(AdminRoutesTest, OnlyModeratorsAndAdminsManageAccessAndOnlyAdminsGiveOutMore) {
    EXPECT_EQ(call("", "GET", "/api/v1/admin/tokens").status, 401);
    EXPECT_EQ(call(m_editor, "GET", "/api/v1/admin/tokens").status, 403);
    EXPECT_EQ(call(m_editor, "POST", "/api/v1/admin/invitations", {{"municipality", kLviv}}).status, 403);
    EXPECT_EQ(call(m_moderator, "POST", "/api/v1/admin/invitations", {{"role", "admin"}}).status, 403);
    EXPECT_EQ(call(m_moderator, "POST", "/api/v1/admin/tokens", {{"role", "moderator"}}).status, 403);
    EXPECT_EQ(call(m_admin, "POST", "/api/v1/admin/invitations", {{"role", "moderator"}}).status, 201);

    const auto unknown = call(m_moderator, "POST", "/api/v1/admin/invitations", {{"municipality", "UA-nowhere"}});
    EXPECT_EQ(unknown.status, 422);
    EXPECT_NE(json(unknown)["error"]["message"].get<std::string>().find("municipality"), std::string::npos);
    EXPECT_EQ(call(m_moderator, "POST", "/api/v1/admin/invitations", {{"municipality", kLviv}, {"days", 365}}).status, 422);

    const auto admins = json(call(m_admin, "GET", "/api/v1/admin/tokens"))["tokens"];
    const auto admin = std::find_if(admins.begin(), admins.end(), [](const Json& t) { return t["role"] == "admin"; });
    EXPECT_EQ(call(m_moderator, "DELETE", "/api/v1/admin/tokens/" + (*admin)["id"].get<std::string>()).status, 403);
    EXPECT_EQ(call(m_moderator, "DELETE", "/api/v1/admin/tokens/tok_nothing").status, 404);
}

TEST(Invitations, ACodeIsStoredOnlyAsItsHashAndWorksAfterReopening) {
    test::TempDir dir;
    const auto invitation = make_invitation(Role::editor, kLviv, "", 7, "2026-11-29T12:00:00Z", "cli");
    { SqliteStore(dir.path()).add_invitation(invitation.record); }
    std::string file;
    {
        std::ifstream in(dir.path() / "registry.sqlite3", std::ios::binary);
        file.assign(std::istreambuf_iterator<char>(in), {});
    }
    EXPECT_EQ(file.find(invitation.code), std::string::npos);
    SqliteStore store(dir.path());
    const auto redeemed = redeem_invitation(store, invitation.code, "", "2026-11-30T00:00:00Z");
    EXPECT_EQ(redeemed.status, RedeemStatus::redeemed);
    EXPECT_EQ(redeemed.token.record.municipality, kLviv);
    EXPECT_EQ(store.find_invitation(invitation.record.id)->token_id, redeemed.token.record.id);
    EXPECT_EQ(add_days("2026-12-31T23:00:00Z", 1), "2027-01-01T23:00:00Z");
    EXPECT_THROW(add_days("yesterday", 1), std::invalid_argument);
}

}  // namespace
}  // namespace prd::server
