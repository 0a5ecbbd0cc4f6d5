// The server process is killed with SIGKILL at random moments while a client streams writes;
// after each restart every write it acknowledged is there and the database passes its checks.
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

#include <nlohmann/json.hpp>

#include "test_support.hpp"

namespace prd::test {
namespace {

using Json = nlohmann::json;

/// Runs a command and returns its standard output.
std::string run_output(const std::string& command) {
    std::string out;
    if (FILE* pipe = ::popen(command.c_str(), "r")) {
        char buffer[256];
        while (std::fgets(buffer, sizeof buffer, pipe)) out += buffer;
        ::pclose(pipe);
    }
    while (!out.empty() && (out.back() == '\n' || out.back() == '\r')) out.pop_back();
    return out;
}

struct ServerProcess {
    pid_t pid = -1;
    int port = 0;
};

/// Starts `partnership serve` on a free port and waits for its "listening on" line.
ServerProcess start_server(const std::filesystem::path& data) {
    int out[2];
    if (::pipe(out) != 0) throw std::runtime_error("pipe failed");
    const pid_t pid = ::fork();
    if (pid == 0) {
        ::dup2(out[1], STDOUT_FILENO);
        const int devnull = ::open("/dev/null", O_WRONLY);
        ::dup2(devnull, STDERR_FILENO);
        ::close(out[0]);
        ::execl(PRD_SERVER_BIN, PRD_SERVER_BIN, "serve", "--data", data.c_str(), "--listen", "127.0.0.1:0", "--web", "",
                static_cast<char*>(nullptr));
        ::_exit(127);
    }
    ::close(out[1]);
    std::string line;
    char c;
    while (::read(out[0], &c, 1) == 1 && c != '\n') line += c;
    ::close(out[0]);
    const auto colon = line.rfind(':');
    if (line.rfind("listening on ", 0) != 0 || colon == std::string::npos) throw std::runtime_error("server did not start: " + line);
    return {pid, std::stoi(line.substr(colon + 1))};
}

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

}  // namespace
}  // namespace prd::test
