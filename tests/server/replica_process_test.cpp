// Two `partnership serve` processes on one PostgreSQL database. One is killed with SIGKILL at
// random moments while a client streams writes to it: every write it acknowledged is served by
// the other and by itself after a restart. With the database stopped, writes get a clear 503 while
// reads go on from memory, and writes work again once it is back.
#include <gtest/gtest.h>

#include <signal.h>
#include <sys/wait.h>

#include <atomic>
#include <chrono>
#include <random>
#include <thread>

#include <nlohmann/json.hpp>

#include "auth/auth.hpp"
#include "postgres_fixture.hpp"
#include "server_process.hpp"
#include "store/postgres_store.hpp"
#include "store/sqlite_store.hpp"
#include "test_support.hpp"

namespace prd::test {
namespace {

using Json = nlohmann::json;
using namespace std::chrono_literals;

std::string post_change(int port, const std::string& token, const std::string& id) {
    const Json record = {{"id", id}, {"date", "2026-11-30"}, {"title", {{"en", "Write " + id}}}};
    const Json batch = {{"changes",
                         {{{"client_change_id", id},
                           {"kind", "announcement"},
                           {"op", "put"},
                           {"id", id},
                           {"base_revision", 0},
                           {"record", record}}}}};
    const auto body = batch.dump();
    return send_raw(port,
                    "POST /api/v1/changes HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\nAuthorization: Bearer " +
                        token + "\r\nContent-Type: application/json\r\nContent-Length: " + std::to_string(body.size()) +
                        "\r\n\r\n" + body);
}

std::int64_t health_revision(int port) {
    return Json::parse(http_get(port, "/api/v1/health").body)["revision"].get<std::int64_t>();
}

/// Waits until the server at `port` holds `revision` (it learns of other servers' writes by itself).
void wait_for_revision(int port, std::int64_t revision) {
    const auto deadline = std::chrono::steady_clock::now() + 30s;
    while (health_revision(port) < revision && std::chrono::steady_clock::now() < deadline)
        std::this_thread::sleep_for(20ms);
}

void stop(const ServerProcess& server) {
    ::kill(server.pid, SIGTERM);
    ::waitpid(server.pid, nullptr, 0);
}

std::string moderator_token(const std::string& uri) {
    const auto token = server::make_token(server::Role::moderator, "", "replica-test", "2026-11-30T12:00:00Z");
    server::PostgresStore(uri).add_token(token.record);
    return token.secret;
}

TEST(ReplicaProcesses, AReplicaKilledMidWriteLosesNothingItAcknowledged) {
    std::string why;
    auto* postgres = shared_postgres(&why);
    if (!postgres) GTEST_SKIP() << why;
    const auto uri = postgres->create_database();
    const auto token = moderator_token(uri);
    const auto other = start_serving({"--store", uri});
    const auto first_revision = health_revision(other.port);

    std::mt19937 random(20261130);
    std::vector<std::string> acknowledged;
    int next = 0;
    for (int round = 0; round < 4; ++round) {
        const auto victim = start_serving({"--store", uri});
        std::atomic<bool> done{false};
        std::thread writer([&] {
            while (!done) {
                const std::string id = "replica-" + std::to_string(next++);
                std::string reply;
                try {
                    reply = post_change(victim.port, token, id);
                } catch (...) {
                    return;  // the server is gone
                }
                const auto response = parse_response(reply);
                if (response.status != 200) continue;
                const auto answer = Json::parse(response.body, nullptr, false);
                if (!answer.is_discarded() && answer["results"][0]["status"] == "applied") acknowledged.push_back(id);
            }
        });
        std::this_thread::sleep_for(std::chrono::milliseconds(std::uniform_int_distribution<int>(100, 500)(random)));
        ::kill(victim.pid, SIGKILL);
        ::waitpid(victim.pid, nullptr, 0);
        done = true;
        writer.join();

        // The other replica serves every acknowledged write; so does a restarted one.
        const auto stored = server::PostgresStore(uri).revision();
        wait_for_revision(other.port, stored);
        const auto restarted = start_serving({"--store", uri});
        for (const int port : {other.port, restarted.port}) {
            const auto feed =
                http_get(port, "/api/v1/changes?since=" + std::to_string(first_revision) + "&limit=5000").body;
            for (const auto& id : acknowledged)
                EXPECT_NE(feed.find("\"" + id + "\""), std::string::npos) << id << " on " << port;
        }
        EXPECT_EQ(health_revision(restarted.port), stored);
        stop(restarted);
    }
    EXPECT_GT(acknowledged.size(), 10u) << "the writer should have had time to write";
    stop(other);
}

TEST(ReplicaProcesses, WithTheDatabaseDownWritesGet503AndReadsGoOn) {
    std::string why;
    if (!shared_postgres(&why)) GTEST_SKIP() << why;
    PostgresServer postgres;  // its own: stopping it must not disturb other tests
    const auto uri = postgres.create_database();
    const auto token = moderator_token(uri);
    const auto server = start_serving({"--store", uri});
    ASSERT_EQ(parse_response(post_change(server.port, token, "before")).status, 200);

    postgres.stop();
    const auto refused = parse_response(post_change(server.port, token, "while-down"));
    EXPECT_EQ(refused.status, 503) << refused.body;
    EXPECT_NE(refused.body.find("store_unavailable"), std::string::npos) << refused.body;
    EXPECT_EQ(refused.headers.count("retry-after"), 1u);
    EXPECT_EQ(http_get(server.port, "/api/v1/municipalities/UA46060250000025047").status, 200)
        << "reads are served from memory while the database is down";

    postgres.start();
    int status = 0;
    for (int attempt = 0; attempt < 50 && status != 200; ++attempt) {
        status = parse_response(post_change(server.port, token, "after-" + std::to_string(attempt))).status;
        if (status != 200) std::this_thread::sleep_for(100ms);
    }
    EXPECT_EQ(status, 200) << "writes work again once the database is back, without a restart";
    stop(server);
}

}  // namespace
}  // namespace prd::test

namespace prd::test {
namespace {

TEST(Migrate, ASelfHostedStoreMovesIntoPostgreSqlAndBackWhole) {
    std::string why;
    auto* postgres = shared_postgres(&why);
    if (!postgres) GTEST_SKIP() << why;
    TempDir dir;
    const auto data = dir.path() / "data";
    const std::string bin = PRD_SERVER_BIN;
    // A store with a token, an invitation and a removed record beside the registry.
    ASSERT_EQ(run_output(bin + " token create --data " + data.string() + " --role admin --label one 2>/dev/null").rfind("prd_", 0), 0u);
    run_output(bin + " invite create --data " + data.string() + " --role moderator --public-url https://x.example 2>/dev/null");
    {
        const auto server = start_server(data);
        const auto token = run_output(bin + " token create --data " + data.string() + " --role moderator 2>/dev/null");
        ASSERT_EQ(parse_response(post_change(server.port, token, "to-move")).status, 200);
        stop(server);
    }
    const auto uri = postgres->create_database();
    int status = -1;
    const auto copied = run_output(bin + " migrate --from sqlite:" + data.string() + " --to '" + uri + "' 2>&1", &status);
    EXPECT_EQ(status, 0) << copied;
    EXPECT_NE(copied.find("2 tokens, 1 invitations"), std::string::npos) << copied;

    // A second copy into the now full database is refused; nothing of it is lost.
    const auto again = run_output(bin + " migrate --from sqlite:" + data.string() + " --to '" + uri + "' 2>&1", &status);
    EXPECT_NE(status, 0);
    EXPECT_NE(again.find("already holds a registry"), std::string::npos) << again;

    // Served from PostgreSQL, it is the same registry; and it comes back to SQLite whole.
    const auto server = start_serving({"--store", uri});
    const auto feed =
        http_get(server.port, "/api/v1/changes?since=" + std::to_string(health_revision(server.port) - 1)).body;
    EXPECT_NE(feed.find("\"to-move\""), std::string::npos);
    stop(server);
    const auto back = dir.path() / "back";
    const auto returned = run_output(bin + " migrate --from '" + uri + "' --to sqlite:" + back.string() + " 2>&1", &status);
    EXPECT_EQ(status, 0) << returned;
    server::SqliteStore original(data), copy(back);
    const auto a = original.contents(), b = copy.contents();
    EXPECT_EQ(a.revision, b.revision);
    ASSERT_EQ(a.records.size(), b.records.size());
    for (std::size_t i = 0; i < a.records.size(); ++i) EXPECT_EQ(a.records[i].json, b.records[i].json) << a.records[i].id;
    EXPECT_EQ(a.tokens.size(), b.tokens.size());
    EXPECT_EQ(a.invitations.size(), b.invitations.size());
    EXPECT_EQ(a.client_changes.size(), b.client_changes.size());
}

}  // namespace
}  // namespace prd::test
