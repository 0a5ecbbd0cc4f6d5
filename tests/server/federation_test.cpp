// A national instance and a follower, both real servers on loopback in this process: the follower
// serves the national registry, takes in later edits, forwards its editors' writes exactly once
// (through an outage, a lost answer and a restart), and keeps what the upstream refuses.
#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <mutex>
#include <set>
#include <thread>

#include <nlohmann/json.hpp>

#include "api/admin_routes.hpp"
#include "api/proposal_routes.hpp"
#include "federation/follower.hpp"
#include "http/http_client.hpp"
#include "http/http_server.hpp"
#include "seed/default_registry.hpp"
#include "store/sqlite_store.hpp"
#include "test_support.hpp"

namespace prd::server {
namespace {

using Json = nlohmann::json;

constexpr const char* kLviv = "UA46060250000025047";
constexpr const char* kKyiv = "UA80000000000093317";

/// One instance: its data folder, registry, API and a real HTTP server that can be stopped and
/// started again (on a new port), as an outage does.
class Instance {
public:
    explicit Instance(const std::filesystem::path& data)
        : m_service(std::make_unique<SqliteStore>(data), default_snapshot()), m_api(m_service) {
        add_proposal_routes(m_api, m_service);
        add_admin_routes(m_api, m_service);
    }
    ~Instance() { stop(); }

    void start() {
        HttpOptions http;
        http.port = 0;
        http.threads = 8;
        m_server = std::make_unique<HttpServer>(m_api, http);
        m_port = m_server->bind();
        m_thread = std::thread([this] { m_server->serve(); });
    }
    void stop() {
        if (!m_server) return;
        m_server->stop();
        m_thread.join();
        m_server.reset();
    }
    std::string url() const { return "http://127.0.0.1:" + std::to_string(m_port); }

    std::string token(Role role, const std::string& municipality = {}) {
        auto token = make_token(role, municipality, "test", utc_now());
        m_service.store().add_token(token.record);
        return token.secret;
    }

    ApiResponse call(const std::string& token, const std::string& method, const std::string& path, const Json& body = nullptr,
                     const std::string& if_match = {}) {
        ApiRequest request;
        request.method = method;
        request.path = path;
        if (!token.empty()) request.headers["Authorization"] = "Bearer " + token;
        if (!if_match.empty()) request.headers["If-Match"] = if_match;
        if (!body.is_null()) request.body = body.dump();
        return m_api.handle(request);
    }

    Json municipality(const std::string& id) {
        return Json::parse(call("", "GET", std::string("/api/v1/municipalities/") + id).body);
    }

    /// PUTs the municipality with its English description changed, based on its current revision.
    ApiResponse describe(const std::string& token, const std::string& id, const std::string& text) {
        auto record = municipality(id);
        record["description"]["en"] = text;
        return call(token, "PUT", std::string("/api/v1/municipalities/") + id, record,
                    "\"" + std::to_string(record["revision"].get<std::int64_t>()) + "\"");
    }

    RegistryService& registry() { return m_service; }
    Api& api() { return m_api; }

private:
    RegistryService m_service;
    Api m_api;
    std::unique_ptr<HttpServer> m_server;
    std::thread m_thread;
    int m_port = 0;
};

/// The follower's line to the national instance, which a test can cut or make lose one answer.
struct Line {
    std::mutex mutex;
    std::string url;
    bool down = false;
    bool lose_next_post_answer = false;
    int posts = 0;  ///< POSTs the upstream answered (whether or not the answer was then dropped)

    UpstreamFetch fetch() {
        return [this](const HttpCall& call, std::string& error) -> std::optional<HttpReply> {
            std::string target;
            {
                std::lock_guard lock(mutex);
                if (down) {
                    error = "connection refused (the test cut the line)";
                    return std::nullopt;
                }
                target = url;
            }
            auto reply = http_fetch(target, call, error);
            std::lock_guard lock(mutex);
            if (reply && call.method == "POST") ++posts;
            if (reply && call.method == "POST" && lose_next_post_answer) {
                lose_next_post_answer = false;
                error = "the answer was lost (the test dropped it)";
                return std::nullopt;
            }
            return reply;
        };
    }
};

class FederationTest : public ::testing::Test {
protected:
    FederationTest() : m_national(m_dir.path() / "national") {
        m_national.start();
        m_line.url = m_national.url();
        m_instance_token = m_national.token(Role::editor, kLviv);  // what Lviv's server may write upstream
        m_national_moderator = m_national.token(Role::moderator);
        open_follower();
    }

    void open_follower() {
        m_follower_follower.reset();
        m_follower = std::make_unique<Instance>(m_dir.path() / "follower");
        FollowerOptions options;
        options.upstream_url = m_national.url();
        options.token = m_instance_token;
        m_follower_follower = std::make_unique<Follower>(m_follower->registry(), m_follower->api(), options, m_line.fetch());
        m_follower->start();
    }

    void close_follower() {
        m_follower_follower.reset();
        m_follower.reset();
    }

    Json outbox(const std::string& token) {
        return Json::parse(m_follower->call(token, "GET", "/api/v1/federation/outbox").body);
    }

    test::TempDir m_dir;
    Instance m_national;
    Line m_line;
    std::string m_instance_token, m_national_moderator;
    std::unique_ptr<Instance> m_follower;
    std::unique_ptr<Follower> m_follower_follower;
};

TEST_F(FederationTest, TheFollowerServesTheNationalRegistryAndItsLaterEdits) {
    // The national registry has moved on from the built-in one the follower was seeded with.
    ASSERT_EQ(m_national.describe(m_national_moderator, kKyiv, "Capital, edited nationally").status, 200);
    ASSERT_TRUE(m_follower_follower->sync_once());

    const auto national = Json::parse(m_national.call("", "GET", "/api/v1/snapshot").body);
    const auto follower = Json::parse(m_follower->call("", "GET", "/api/v1/snapshot").body);
    std::set<std::string> national_ids, follower_ids;
    for (const auto& m : national["municipalities"]) national_ids.insert(m["id"]);
    for (const auto& m : follower["municipalities"]) follower_ids.insert(m["id"]);
    EXPECT_EQ(follower_ids, national_ids);
    EXPECT_EQ(follower["partnerships"].size(), national["partnerships"].size());
    EXPECT_EQ(m_follower->municipality(kKyiv)["description"]["en"], "Capital, edited nationally");

    // A moderator's later edit upstream arrives through the follower's own HTTP server.
    ASSERT_EQ(m_national.describe(m_national_moderator, kKyiv, "Edited again").status, 200);
    ASSERT_TRUE(m_follower_follower->sync_once());
    const auto served = test::http_get(std::stoi(m_follower->url().substr(m_follower->url().rfind(':') + 1)),
                                       std::string("/api/v1/municipalities/") + kKyiv);
    EXPECT_EQ(Json::parse(served.body)["description"]["en"], "Edited again");

    const auto about = Json::parse(m_follower->call("", "GET", "/api/v1/about").body)["upstream"];
    EXPECT_EQ(about["url"], m_national.url());
    EXPECT_EQ(about["lag"]["revisions"], 0);
    EXPECT_EQ(about["revision"], m_national.registry().revision());
    const auto metrics = m_follower->call("", "GET", "/api/v1/metrics").body;
    EXPECT_NE(metrics.find("partnership_upstream_lag_revisions 0"), std::string::npos) << metrics;
    EXPECT_NE(metrics.find("partnership_outbox_pending 0"), std::string::npos);
}

TEST_F(FederationTest, AnEditorsEditReachesTheUpstreamExactlyOnceThroughAnOutageALostAnswerAndARestart) {
    ASSERT_TRUE(m_follower_follower->sync_once());
    const auto editor = m_follower->token(Role::editor, kLviv);
    const auto before = m_national.registry().revision();

    // The national server is down: the follower keeps serving and accepts the edit at once.
    m_national.stop();
    const auto local = m_follower->describe(editor, kLviv, "Edited in Lviv during the outage");
    ASSERT_EQ(local.status, 200) << local.body;
    EXPECT_EQ(m_follower->municipality(kLviv)["description"]["en"], "Edited in Lviv during the outage");
    m_line.url = "http://127.0.0.1:1";  // nobody listens there
    EXPECT_FALSE(m_follower_follower->sync_once());
    auto about = m_follower_follower->status();
    EXPECT_EQ(about["outbox"]["pending"], 1);
    EXPECT_FALSE(about["last_error"].is_null());

    // Back, but the answer to the forwarded edit is lost on the way: the upstream applied it.
    m_national.start();
    m_line.url = m_national.url();
    m_line.lose_next_post_answer = true;
    EXPECT_FALSE(m_follower_follower->sync_once());
    EXPECT_EQ(m_national.municipality(kLviv)["description"]["en"], "Edited in Lviv during the outage");
    EXPECT_EQ(m_follower_follower->status()["outbox"]["pending"], 1);

    // The follower restarts (its outbox is in its store) and sends the edit again.
    close_follower();
    open_follower();
    ASSERT_TRUE(m_follower_follower->sync_once());
    EXPECT_EQ(m_follower_follower->status()["outbox"]["pending"], 0);
    const auto national = m_national.municipality(kLviv);
    EXPECT_EQ(national["description"]["en"], "Edited in Lviv during the outage");
    EXPECT_EQ(m_national.registry().revision(), before + 1) << "applied upstream exactly once";
    EXPECT_EQ(national["revision"].get<std::int64_t>(), before + 1);
    EXPECT_EQ(m_follower->municipality(kLviv)["description"]["en"], "Edited in Lviv during the outage");
    EXPECT_EQ(m_line.posts, 2) << "sent once, and once more after the lost answer";
}

TEST_F(FederationTest, WhatTheUpstreamRefusesIsKeptAndShown) {
    ASSERT_TRUE(m_follower_follower->sync_once());
    // A moderator of the follower edits Kyiv; upstream, the follower's token speaks for Lviv only.
    const auto moderator = m_follower->token(Role::moderator);
    ASSERT_EQ(m_follower->describe(moderator, kKyiv, "Kyiv as Lviv's server sees it").status, 200);
    ASSERT_TRUE(m_follower_follower->sync_once());

    const auto listed = outbox(moderator)["items"];
    ASSERT_EQ(listed.size(), 1u) << listed.dump();
    EXPECT_EQ(listed[0]["state"], "refused");
    EXPECT_EQ(listed[0]["id"], kKyiv);
    EXPECT_EQ(listed[0]["answer"]["status"], "forbidden");
    EXPECT_EQ(listed[0]["change"]["record"]["description"]["en"], "Kyiv as Lviv's server sees it") << "the edit is not lost";
    EXPECT_EQ(m_follower_follower->status()["outbox"]["refused"], 1);
    EXPECT_NE(m_national.municipality(kKyiv)["description"]["en"], "Kyiv as Lviv's server sees it");
    EXPECT_EQ(m_follower->municipality(kKyiv)["description"], m_national.municipality(kKyiv)["description"])
        << "the follower shows the upstream's record again";
    EXPECT_EQ(m_follower->call("", "GET", "/api/v1/federation/outbox").status, 401);
}

TEST_F(FederationTest, ARevokedInstanceTokenHoldsTheOutboxInsteadOfRefusingIt) {
    ASSERT_TRUE(m_follower_follower->sync_once());
    const auto editor = m_follower->token(Role::editor, kLviv);
    ASSERT_EQ(m_follower->describe(editor, kLviv, "Written while the token was revoked").status, 200);
    const auto tokens = Json::parse(m_national.call(m_national_moderator, "GET", "/api/v1/admin/tokens").body)["tokens"];
    std::string instance_token_id;
    for (const auto& token : tokens)
        if (token["municipality"] == kLviv) instance_token_id = token["id"];
    ASSERT_EQ(m_national.call(m_national_moderator, "DELETE", "/api/v1/admin/tokens/" + instance_token_id).status, 200);

    EXPECT_FALSE(m_follower_follower->sync_once());
    const auto status = m_follower_follower->status();
    EXPECT_EQ(status["outbox"], Json({{"pending", 1}, {"conflicts", 0}, {"refused", 0}}));
    EXPECT_NE(status["last_error"]["message"].get<std::string>().find("401"), std::string::npos) << status.dump();
}

TEST_F(FederationTest, AnEditMadeOnBothSidesIsReportedAsAConflict) {
    ASSERT_TRUE(m_follower_follower->sync_once());
    const auto editor = m_follower->token(Role::editor, kLviv);
    ASSERT_EQ(m_national.describe(m_national_moderator, kLviv, "National moderator's words").status, 200);
    ASSERT_EQ(m_follower->describe(editor, kLviv, "Lviv editor's words").status, 200);
    ASSERT_TRUE(m_follower_follower->sync_once());

    const auto listed = outbox(editor)["items"];
    ASSERT_EQ(listed.size(), 1u);
    EXPECT_EQ(listed[0]["state"], "conflict");
    EXPECT_EQ(listed[0]["answer"]["current"]["description"]["en"], "National moderator's words");
    EXPECT_EQ(listed[0]["change"]["record"]["description"]["en"], "Lviv editor's words");
    EXPECT_EQ(m_national.municipality(kLviv)["description"]["en"], "National moderator's words");
    EXPECT_EQ(m_follower->municipality(kLviv)["description"]["en"], "National moderator's words");
}

TEST_F(FederationTest, ProposalsTheirStepsAndMessagesAreForwarded) {
    ASSERT_TRUE(m_follower_follower->sync_once());
    const auto editor = m_follower->token(Role::editor, kLviv);
    const std::string id = "5d6c1f0e-7b2a-4c3d-9e8f-0a1b2c3d4e5f";
    const Json proposal{{"id", id},
                        {"from", kLviv},
                        {"to", kKyiv},
                        {"kind", "memorandum"},
                        {"areas", {"energy"}},
                        {"sections", {{"introduction", {{"uk", "Пропонуємо співпрацю."}, {"en", "We propose cooperation."}}}}}};
    ASSERT_EQ(m_follower->call(editor, "POST", "/api/v1/proposals", proposal).status, 201);
    const Json send{{"action", "send"}, {"change_id", "send-1"}};
    ASSERT_EQ(m_follower->call(editor, "POST", "/api/v1/proposals/" + id + "/actions", send).status, 200);
    const Json message{{"id", "11111111-2222-4333-8444-555555555555"}, {"text", "Добрий день!"}};
    ASSERT_EQ(m_follower->call(editor, "POST", "/api/v1/proposals/" + id + "/messages", message).status, 201);
    m_line.lose_next_post_answer = true;  // the proposal itself reaches the upstream, its answer does not
    EXPECT_FALSE(m_follower_follower->sync_once());
    ASSERT_TRUE(m_follower_follower->sync_once());

    const auto national = Json::parse(m_national.call(m_national_moderator, "GET", "/api/v1/proposals/" + id).body);
    EXPECT_EQ(national["status"], "sent");
    ASSERT_EQ(national["messages"].size(), 1u);
    EXPECT_EQ(national["messages"][0]["text"], "Добрий день!");
    EXPECT_EQ(m_follower_follower->status()["outbox"], Json({{"pending", 0}, {"conflicts", 0}, {"refused", 0}}));
    const auto local = Json::parse(m_follower->call(editor, "GET", "/api/v1/proposals/" + id).body);
    EXPECT_EQ(local["history"], national["history"]) << "the follower shows the proposal as the upstream stamped it";
}

TEST_F(FederationTest, TheWorkerFollowsOnItsOwnAndResumesFromItsStoredRevision) {
    ASSERT_TRUE(m_follower_follower->sync_once());
    close_follower();
    ASSERT_EQ(m_national.describe(m_national_moderator, kKyiv, "While the follower was off").status, 200);
    open_follower();
    EXPECT_GT(m_follower_follower->status()["revision"].get<std::int64_t>(), 0) << "resumes, no second snapshot";
    m_follower_follower->start();
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(20);
    while (m_follower->municipality(kKyiv)["description"]["en"] != "While the follower was off" &&
           std::chrono::steady_clock::now() < deadline)
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
    EXPECT_EQ(m_follower->municipality(kKyiv)["description"]["en"], "While the follower was off");
    m_follower_follower->stop();
}

}  // namespace
}  // namespace prd::server
