// The core's sync client against the real server over HTTP: the same engine the browser will run,
// with this test as its host doing the I/O.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "running_server.hpp"
#include "sync/sync_client.hpp"

namespace prd {
namespace {

using Json = nlohmann::json;
constexpr const char* kKyiv = "UA80000000000093317";

HttpReply perform(int port, const HttpCall& call) {
    std::string request = call.method + " " + call.path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n";
    for (const auto& [name, value] : call.headers) request += name + ": " + value + "\r\n";
    if (!call.body.empty() || call.method == "POST") request += "Content-Length: " + std::to_string(call.body.size()) + "\r\n";
    request += "\r\n" + call.body;
    const auto raw = test::parse_response(test::send_raw(port, request));
    HttpReply reply{raw.status, raw.body, {}};
    for (const auto& [name, value] : raw.headers) reply.headers.emplace_back(name, value);
    return reply;
}

/// Runs the client's calls until it has nothing more to do. Returns how many calls it made.
int run(SyncClient& client, int port) {
    client.sync();
    int calls = 0;
    while (auto call = client.next_call()) {
        client.on_response(perform(port, *call));
        if (++calls > 1000) break;
    }
    return calls;
}

class SyncClientServerTest : public ::testing::Test {
protected:
    SyncClientServerTest() : m_server(m_dir, {}) {
        auto token = server::make_token(server::Role::editor, kKyiv, "test", "2026-11-29T00:00:00Z");
        m_server.registry().store().add_token(token.record);
        m_token = token.secret;
    }

    SyncClient client(const std::string& id) {
        SyncClient c(id);
        c.set_token(m_token);
        return c;
    }

    Json server_kyiv() {
        return Json::parse(test::http_get(m_server.port(), std::string("/api/v1/municipalities/") + kKyiv).body);
    }

    test::TempDir m_dir;
    test::RunningServer m_server;
    std::string m_token;
};

TEST_F(SyncClientServerTest, AFreshClientPullsTheWholeRegistryAndThenChecksInOneCall) {
    auto c = client("fresh");
    run(c, m_server.port());
    EXPECT_EQ(c.revision(), m_server.registry().revision());
    EXPECT_EQ(c.snapshot().municipalities.size(), m_server.registry().counts().municipalities);
    EXPECT_EQ(run(c, m_server.port()), 1) << "an up-to-date client needs one round trip";
}

TEST_F(SyncClientServerTest, ALocalEditReachesTheServer) {
    auto c = client("editor");
    run(c, m_server.port());
    auto kyiv = server_kyiv();
    kyiv["description"]["en"] = "Edited offline in the browser";
    c.stage_put(RecordKind::municipality, kyiv);
    run(c, m_server.port());
    EXPECT_TRUE(c.outbox().empty());
    EXPECT_EQ(server_kyiv()["description"]["en"], "Edited offline in the browser");
    EXPECT_EQ(c.revision(), m_server.registry().revision());
}

TEST_F(SyncClientServerTest, AConflictIsKeptForThePersonAndSettled) {
    auto first = client("first");
    auto second = client("second");
    run(first, m_server.port());
    run(second, m_server.port());
    auto kyiv = server_kyiv();
    kyiv["description"]["en"] = "first";
    first.stage_put(RecordKind::municipality, kyiv);
    kyiv["description"]["en"] = "second";
    second.stage_put(RecordKind::municipality, kyiv);
    run(first, m_server.port());
    run(second, m_server.port());
    ASSERT_EQ(second.conflicts().size(), 1u);
    EXPECT_EQ(second.conflicts()[0].theirs["description"]["en"], "first");
    EXPECT_EQ(server_kyiv()["description"]["en"], "first");

    ASSERT_TRUE(second.keep_mine(second.conflicts()[0].mine.client_change_id));
    run(second, m_server.port());
    EXPECT_TRUE(second.conflicts().empty());
    EXPECT_EQ(server_kyiv()["description"]["en"], "second");
}

TEST_F(SyncClientServerTest, APushWhoseAnswerWasLostIsNotAppliedTwice) {
    auto c = client("lossy");
    run(c, m_server.port());
    auto kyiv = server_kyiv();
    kyiv["description"]["en"] = "once";
    c.stage_put(RecordKind::municipality, kyiv);
    const auto before = m_server.registry().revision();

    c.sync();
    auto call = c.next_call();
    ASSERT_TRUE(call);
    ASSERT_EQ(call->method, "POST");
    perform(m_server.port(), *call);  // the server applies it, but the answer never arrives
    c.on_failure("connection reset");
    EXPECT_EQ(m_server.registry().revision(), before + 1);

    const auto saved = c.save_state();  // and the tab is closed and opened again
    auto resumed = client("lossy");
    resumed.load_state(saved);
    run(resumed, m_server.port());
    EXPECT_TRUE(resumed.outbox().empty());
    EXPECT_EQ(m_server.registry().revision(), before + 1) << "the retried change was applied a second time";
    EXPECT_EQ(server_kyiv()["description"]["en"], "once");
}

}  // namespace
}  // namespace prd
