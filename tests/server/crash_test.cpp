// The server process is killed with SIGKILL at random moments while a client streams writes;
// after each restart every write it acknowledged is there and the database passes its checks.
// A follower killed so while it forwards its writes upstream loses none and sends none twice.
#include <gtest/gtest.h>

#include <fcntl.h>
#include <signal.h>
#include <sqlite3.h>
#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <cstdio>
#include <random>
#include <thread>
#include <vector>

#include <nlohmann/json.hpp>

#include "server_process.hpp"
#include "test_support.hpp"

namespace prd::test {
namespace {

using Json = nlohmann::json;

std::string post(int port, const std::string& token, const std::string& body) {
    return send_raw(port, "POST /api/v1/changes HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\nAuthorization: Bearer " +
                              token + "\r\nContent-Type: application/json\r\nContent-Length: " + std::to_string(body.size()) +
                              "\r\n\r\n" + body);
}

TEST(CrashTest, EveryAcknowledgedWriteSurvivesSigkill) {
    TempDir dir;
    const auto data = dir.path() / "data";
    const std::string token = run_output(std::string(PRD_SERVER_BIN) + " token create --data " + data.string() +
                                         " --role moderator --label crash-test 2>/dev/null");
    ASSERT_EQ(token.rfind("prd_", 0), 0u) << token;

    std::int64_t first_revision = -1;  // the feed is read from here: the writes come after the registry
    std::mt19937 random(20221128);
    std::vector<std::string> acknowledged;
    int next = 0;
    for (int round = 0; round < 6; ++round) {
        const auto server = start_server(data);
        if (first_revision < 0)
            first_revision = Json::parse(http_get(server.port, "/api/v1/health").body)["revision"].get<std::int64_t>();
        std::atomic<bool> stop{false};
        std::thread writer([&] {
            while (!stop) {
                const std::string id = "crash-" + std::to_string(next++);
                const Json record = {{"id", id}, {"date", "2026-11-29"}, {"title", {{"en", "Write " + id}}}};
                const Json batch = {{"changes", {{{"client_change_id", id}, {"kind", "announcement"}, {"op", "put"},
                                                  {"id", id}, {"base_revision", 0}, {"record", record}}}}};
                std::string reply;
                try {
                    reply = post(server.port, token, batch.dump());
                } catch (...) {
                    return;  // the server is gone
                }
                const auto response = parse_response(reply);
                if (response.status != 200) continue;  // no answer: not acknowledged
                const auto answer = Json::parse(response.body, nullptr, false);
                if (!answer.is_discarded() && answer["results"][0]["status"] == "applied") acknowledged.push_back(id);
            }
        });
        std::this_thread::sleep_for(std::chrono::milliseconds(std::uniform_int_distribution<int>(50, 400)(random)));
        ::kill(server.pid, SIGKILL);
        ::waitpid(server.pid, nullptr, 0);
        stop = true;
        writer.join();

        // After the restart, every acknowledged write is there.
        const auto restarted = start_server(data);
        const auto feed = http_get(restarted.port, "/api/v1/changes?since=" + std::to_string(first_revision) + "&limit=5000");
        for (const auto& id : acknowledged) EXPECT_NE(feed.body.find("\"" + id + "\""), std::string::npos) << id;
        ::kill(restarted.pid, SIGTERM);
        int status = 0;
        ::waitpid(restarted.pid, &status, 0);
        EXPECT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0) << "SIGTERM should stop the server cleanly";
    }
    EXPECT_GT(acknowledged.size(), 10u) << "the writer should have had time to write";

    sqlite3* db = nullptr;
    ASSERT_EQ(sqlite3_open((data / "registry.sqlite3").c_str(), &db), SQLITE_OK);
    sqlite3_stmt* stmt = nullptr;
    sqlite3_prepare_v2(db, "PRAGMA integrity_check", -1, &stmt, nullptr);
    ASSERT_EQ(sqlite3_step(stmt), SQLITE_ROW);
    EXPECT_STREQ(reinterpret_cast<const char*>(sqlite3_column_text(stmt, 0)), "ok");
    sqlite3_finalize(stmt);
    sqlite3_close(db);
}

TEST(CrashTest, AFollowerKilledWhileForwardingLosesNothingAndSendsNothingTwice) {
    TempDir dir;
    const auto national_data = dir.path() / "national";
    const auto follower_data = dir.path() / "follower";
    const auto token = [](const std::filesystem::path& data, const char* role) {
        return run_output(std::string(PRD_SERVER_BIN) + " token create --data " + data.string() + " --role " + role +
                          " --label crash-test 2>/dev/null");
    };
    const std::string instance_token = token(national_data, "moderator");  // the follower's token upstream
    const std::string local_token = token(follower_data, "moderator");
    ASSERT_EQ(instance_token.rfind("prd_", 0), 0u);
    const auto national = start_server(national_data);
    const auto first_revision = Json::parse(http_get(national.port, "/api/v1/health").body)["revision"].get<std::int64_t>();
    const std::vector<std::string> follow = {"--upstream", "http://127.0.0.1:" + std::to_string(national.port),
                                             "--upstream-token", instance_token};

    std::mt19937 random(20261130);
    std::vector<std::string> acknowledged;
    int next = 0;
    for (int round = 0; round < 5; ++round) {
        const auto follower = start_server(follower_data, follow);
        std::atomic<bool> stop{false};
        std::thread writer([&] {
            while (!stop) {
                const std::string id = "forwarded-" + std::to_string(next++);
                const Json record = {{"id", id}, {"date", "2026-11-30"}, {"title", {{"en", "Written on the follower: " + id}}}};
                const Json batch = {{"changes", {{{"client_change_id", id}, {"kind", "announcement"}, {"op", "put"},
                                                  {"id", id}, {"base_revision", 0}, {"record", record}}}}};
                std::string reply;
                try {
                    reply = post(follower.port, local_token, batch.dump());
                } catch (...) {
                    return;
                }
                const auto response = parse_response(reply);
                if (response.status != 200) continue;
                const auto answer = Json::parse(response.body, nullptr, false);
                if (!answer.is_discarded() && answer["results"][0]["status"] == "applied") acknowledged.push_back(id);
                std::this_thread::sleep_for(std::chrono::milliseconds(50));  // under the follower's write limit
            }
        });
        std::this_thread::sleep_for(std::chrono::milliseconds(std::uniform_int_distribution<int>(300, 1500)(random)));
        ::kill(follower.pid, SIGKILL);
        ::waitpid(follower.pid, nullptr, 0);
        stop = true;
        writer.join();
    }
    ASSERT_GT(acknowledged.size(), 10u) << "the writer should have had time to write";

    // Restarted for good, the follower empties its outbox: every write arrives, none is refused or
    // answered with a conflict (which a second, unrecognised create of the same record would be).
    const auto follower = start_server(follower_data, follow);
    Json upstream;
    for (int i = 0; i < 600; ++i) {
        upstream = Json::parse(http_get(follower.port, "/api/v1/about").body)["upstream"];
        if (upstream["outbox"]["pending"] == 0 && upstream["revision"].get<std::int64_t>() > 0) break;
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
    EXPECT_EQ(upstream["outbox"], Json({{"pending", 0}, {"conflicts", 0}, {"refused", 0}})) << upstream.dump();
    const auto feed = http_get(national.port, "/api/v1/changes?since=" + std::to_string(first_revision) + "&limit=5000");
    for (const auto& id : acknowledged) EXPECT_NE(feed.body.find("\"" + id + "\""), std::string::npos) << id << " never arrived";
    // `partnership status` tells the same from the data folder and the running server.
    const auto status = Json::parse(run_output(std::string(PRD_SERVER_BIN) + " status --json --data " + follower_data.string() +
                                               " --url http://127.0.0.1:" + std::to_string(follower.port)),
                                    nullptr, false);
    ASSERT_TRUE(status.is_object());
    EXPECT_EQ(status["upstream"], follow[1]);
    EXPECT_EQ(status["outbox"], Json::array()) << "nothing waiting, refused or in conflict";
    EXPECT_EQ(status["live"]["lag"]["revisions"], 0) << status.dump();
    for (const auto pid : {follower.pid, national.pid}) {
        ::kill(pid, SIGTERM);
        ::waitpid(pid, nullptr, 0);
    }
}

}  // namespace
}  // namespace prd::test
