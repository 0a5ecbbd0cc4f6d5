// The sync client driven against an in-process server built on the core's Registry: what a user
// would notice is whether their edits reach the server once, what they see locally, and whether a
// conflict or an interruption loses anything.

#include <gtest/gtest.h>

#include "fake_server.hpp"
#include "model/json_codec.hpp"
#include "sync/sync_client.hpp"

namespace prd {
namespace {

using test::FakeServer;
using test::run;
using test::foreign;

const char* const k_poznan = "PL-3088171";

class SyncClientTest : public ::testing::Test {
protected:
    FakeServer server;
    SyncClient client{"laptop", options()};

    static SyncOptions options() {
        SyncOptions options;
        options.pull_limit = 2;
        return options;
    }

    void SetUp() override { client.set_token("secret"); }

    // Five towns on the server, at revisions 1..5.
    void seed() {
        server.put(foreign(k_poznan, "Poznan"));
        server.put(foreign("IE-2964574", "Dublin"));
        server.put(foreign("DE-2867714", "Munich"));
        server.put(foreign("LT-593116", "Vilnius"));
        server.put(foreign("FR-2988507", "Paris"));
    }

    // Runs a whole sync; returns the number of calls.
    int sync_now() {
        client.sync();
        return run(client, server);
    }

    const Municipality* local(const std::string& id) {
        m_snapshot = client.snapshot();
        for (const Municipality& m : m_snapshot.municipalities) {
            if (m.id == id) return &m;
        }
        return nullptr;
    }

private:
    Snapshot m_snapshot;
};

TEST_F(SyncClientTest, InitialPullPagesUntilUpToDate) {
    seed();
    EXPECT_EQ(sync_now(), 3);  // 2 + 2 + 1 entries
    EXPECT_EQ(server.gets, 3);
    EXPECT_EQ(server.posts, 0);
    EXPECT_EQ(client.revision(), 5);
    EXPECT_EQ(client.phase(), SyncPhase::idle);
    const Snapshot snapshot = client.snapshot();
    ASSERT_EQ(snapshot.municipalities.size(), 5u);
    ASSERT_NE(local("DE-2867714"), nullptr);
    EXPECT_EQ(local("DE-2867714")->names.en, "Munich");
    EXPECT_EQ(local("DE-2867714")->revision, 3);
}

TEST_F(SyncClientTest, UpToDateCheckIsOneCallWithAnEmptyAnswer) {
    seed();
    sync_now();
    const int gets = server.gets;
    client.sync();
    const std::optional<HttpCall> call = client.next_call();
    ASSERT_TRUE(call);
    EXPECT_EQ(call->method, "GET");
    EXPECT_EQ(call->path, "/api/v1/changes?since=5&limit=2");
    const HttpReply reply = server.handle(*call);
    EXPECT_EQ(nlohmann::json::parse(reply.body),
              nlohmann::json::parse(R"({"since":5,"revision":5,"more":false,"changes":[]})"));
    client.on_response(reply);
    EXPECT_FALSE(client.next_call());
    EXPECT_EQ(server.gets, gets + 1);
    EXPECT_EQ(client.phase(), SyncPhase::idle);
}

TEST_F(SyncClientTest, NewRecordIsVisibleAtOnceAndAppliedOnPush) {
    seed();
    sync_now();
    const std::string id = client.stage_put(foreign("NL-2759794", "Amsterdam"));
    ASSERT_NE(local("NL-2759794"), nullptr);  // visible before any sync
    EXPECT_EQ(client.outbox().size(), 1u);

    sync_now();
    EXPECT_EQ(server.posts, 1);
    EXPECT_TRUE(client.outbox().empty());
    const Municipality* stored = server.registry.find_municipality("NL-2759794");
    ASSERT_NE(stored, nullptr);
    EXPECT_EQ(stored->revision, 6);
    ASSERT_NE(local("NL-2759794"), nullptr);
    EXPECT_EQ(local("NL-2759794")->revision, 6);
    EXPECT_EQ(local("NL-2759794")->updated_at, server.now);  // the pull after the push brought the server's copy
    EXPECT_EQ(client.revision(), 6);
    EXPECT_FALSE(client.last_error());
    EXPECT_FALSE(id.empty());
}

TEST_F(SyncClientTest, PushSendsTheTokenAndTheRecordsRevisionAsBase) {
    seed();
    sync_now();
    Municipality poznan = *local(k_poznan);
    poznan.population = 546859;
    const std::string id = client.stage_put(poznan);
    client.sync();
    const std::optional<HttpCall> call = client.next_call();
    ASSERT_TRUE(call);
    EXPECT_EQ(call->method, "POST");
    EXPECT_EQ(find_header(call->headers, "Authorization"), "Bearer secret");
    const PushRequest request = push_request_from_json(nlohmann::json::parse(call->body));
    ASSERT_EQ(request.changes.size(), 1u);
    EXPECT_EQ(request.changes[0].client_change_id, id);
    EXPECT_EQ(request.changes[0].base_revision, 1);
    client.on_response(server.handle(*call));
    run(client, server);
    EXPECT_EQ(server.registry.find_municipality(k_poznan)->population, 546859);
    EXPECT_EQ(local(k_poznan)->population, 546859);
}

TEST_F(SyncClientTest, ConflictIsKeptForTheUserAndKeepMineWins) {
    seed();
    sync_now();
    Municipality mine = *local(k_poznan);
    mine.names.native = "Poznań";
    const std::string id = client.stage_put(mine);
    Municipality theirs = *server.registry.find_municipality(k_poznan);
    theirs.population = 1;
    server.put(theirs);  // another editor got there first: revision 6

    sync_now();
    ASSERT_EQ(client.conflicts().size(), 1u);
    const SyncConflict& conflict = client.conflicts()[0];
    EXPECT_EQ(conflict.mine.client_change_id, id);
    EXPECT_EQ(conflict.server_revision, 6);
    EXPECT_EQ(conflict.theirs.at("population"), 1);
    EXPECT_TRUE(client.outbox().empty());
    EXPECT_EQ(local(k_poznan)->population, 1);  // the local copy shows the server's until the user settles
    EXPECT_EQ(server.registry.find_municipality(k_poznan)->names.native, "");

    ASSERT_TRUE(client.keep_mine(id));
    EXPECT_TRUE(client.conflicts().empty());
    ASSERT_EQ(client.outbox().size(), 1u);
    EXPECT_EQ(client.outbox()[0].change.base_revision, 6);
    EXPECT_NE(client.outbox()[0].change.client_change_id, id);
    sync_now();
    EXPECT_TRUE(client.conflicts().empty());
    EXPECT_TRUE(client.outbox().empty());
    EXPECT_EQ(server.registry.find_municipality(k_poznan)->names.native, "Poznań");
    EXPECT_EQ(local(k_poznan)->names.native, "Poznań");
}

TEST_F(SyncClientTest, ConflictSettledByTakingTheirsDropsMine) {
    seed();
    sync_now();
    Municipality mine = *local(k_poznan);
    mine.names.native = "Poznań";
    const std::string id = client.stage_put(mine);
    Municipality theirs = *server.registry.find_municipality(k_poznan);
    theirs.population = 1;
    server.put(theirs);
    sync_now();
    ASSERT_EQ(client.conflicts().size(), 1u);

    EXPECT_FALSE(client.take_theirs("no-such-change"));
    ASSERT_TRUE(client.take_theirs(id));
    EXPECT_TRUE(client.conflicts().empty());
    const int posts = server.posts;
    EXPECT_EQ(sync_now(), 1);  // nothing to push: one up-to-date check
    EXPECT_EQ(server.posts, posts);
    EXPECT_EQ(local(k_poznan)->population, 1);
    EXPECT_EQ(local(k_poznan)->names.native, "");
}

TEST_F(SyncClientTest, RetryAfterALostResponseIsNotAppliedTwice) {
    seed();
    sync_now();
    client.stage_put(foreign("NL-2759794", "Amsterdam"));
    client.sync();
    const std::optional<HttpCall> first = client.next_call();
    ASSERT_TRUE(first);
    server.handle(*first);  // the server applies it, but the answer never arrives
    const std::int64_t applied_at = server.registry.revision();
    client.on_failure("connection reset");
    EXPECT_EQ(client.retry_after_ms(), 1000);
    ASSERT_TRUE(client.last_error());
    EXPECT_EQ(client.last_error()->status, 0);
    EXPECT_EQ(client.last_error()->message, "connection reset");
    EXPECT_EQ(client.outbox().size(), 1u);

    const std::optional<HttpCall> retry = client.next_call();
    ASSERT_TRUE(retry);
    EXPECT_EQ(retry->body, first->body);  // the same change ids
    client.on_response(server.handle(*retry));
    EXPECT_EQ(server.registry.revision(), applied_at);
    EXPECT_EQ(client.retry_after_ms(), 0);
    run(client, server);
    EXPECT_TRUE(client.outbox().empty());
    EXPECT_TRUE(client.conflicts().empty());
    EXPECT_EQ(client.revision(), applied_at);
    EXPECT_EQ(local("NL-2759794")->revision, applied_at);
}

TEST_F(SyncClientTest, InterruptedPullResumesFromSavedState) {
    seed();
    server.put(foreign("ES-3117735", "Madrid"));
    client.sync();
    std::optional<HttpCall> call = client.next_call();
    ASSERT_TRUE(call);
    client.on_response(server.handle(*call));  // first page: revisions 1 and 2
    call = client.next_call();                 // the tab closes while the second page is on its way
    ASSERT_TRUE(call);
    const nlohmann::json saved = client.save_state();

    SyncClient resumed("laptop", options());
    resumed.load_state(saved);
    EXPECT_EQ(resumed.revision(), 2);
    EXPECT_TRUE(resumed.busy());
    EXPECT_EQ(resumed.snapshot().municipalities.size(), 2u);
    const std::optional<HttpCall> next = resumed.next_call();
    ASSERT_TRUE(next);
    EXPECT_EQ(next->path, "/api/v1/changes?since=2&limit=2");
    resumed.on_response(server.handle(*next));
    run(resumed, server);
    EXPECT_EQ(resumed.revision(), 6);
    EXPECT_EQ(resumed.snapshot().municipalities.size(), 6u);
    EXPECT_EQ(server.gets, 1 + 2);  // revisions 3-4 and 5-6: the acknowledged page was not fetched again
}

TEST_F(SyncClientTest, InterruptedPushResumesWithTheSameIds) {
    seed();
    sync_now();
    client.stage_put(foreign("NL-2759794", "Amsterdam"));
    client.stage_remove(RecordKind::municipality, "FR-2988507");
    client.sync();
    const std::optional<HttpCall> call = client.next_call();
    ASSERT_TRUE(call);
    server.handle(*call);  // applied on the server; the process is killed before the answer
    const std::int64_t applied_at = server.registry.revision();
    EXPECT_EQ(applied_at, 7);
    const nlohmann::json saved = client.save_state();

    SyncClient resumed("laptop", options());
    resumed.set_token("secret");
    resumed.load_state(nlohmann::json::parse(saved.dump()));  // through text, as IndexedDB would
    ASSERT_EQ(resumed.outbox().size(), 2u);
    EXPECT_TRUE(resumed.outbox()[0].sent);
    const std::optional<HttpCall> again = resumed.next_call();
    ASSERT_TRUE(again);
    EXPECT_EQ(again->body, call->body);
    resumed.on_response(server.handle(*again));
    run(resumed, server);
    EXPECT_EQ(server.registry.revision(), applied_at);
    EXPECT_TRUE(resumed.outbox().empty());
    EXPECT_TRUE(resumed.conflicts().empty());
    EXPECT_TRUE(resumed.rejected().empty());
    const Snapshot snapshot = resumed.snapshot();
    EXPECT_EQ(snapshot.municipalities.size(), 5u);  // Amsterdam in, Paris out
    EXPECT_EQ(server.registry.find_municipality("FR-2988507"), nullptr);

    // New changes made after resuming get ids that were never used.
    const std::string fresh = resumed.stage_put(foreign("BE-2800866", "Brussels"));
    EXPECT_EQ(fresh, "laptop-3");
}

TEST_F(SyncClientTest, ChangesStagedOfflineSurviveARestart) {
    client.stage_put(foreign("NL-2759794", "Amsterdam"));
    SyncClient restarted("laptop", options());
    restarted.set_token("secret");
    restarted.load_state(client.save_state());
    EXPECT_FALSE(restarted.busy());
    EXPECT_EQ(restarted.snapshot().municipalities.size(), 1u);
    restarted.sync();
    run(restarted, server);
    EXPECT_NE(server.registry.find_municipality("NL-2759794"), nullptr);
}

TEST_F(SyncClientTest, RateLimitHonoursRetryAfter) {
    seed();
    server.rate_limit_next = 7;
    client.sync();
    std::optional<HttpCall> call = client.next_call();
    ASSERT_TRUE(call);
    client.on_response(server.handle(*call));
    EXPECT_EQ(client.retry_after_ms(), 7000);
    ASSERT_TRUE(client.last_error());
    EXPECT_EQ(client.last_error()->status, 429);
    EXPECT_EQ(client.last_error()->code, "rate_limited");
    EXPECT_TRUE(client.busy());
    call = client.next_call();
    ASSERT_TRUE(call);
    EXPECT_EQ(call->path, "/api/v1/changes?since=0&limit=2");
    client.on_response(server.handle(*call));
    EXPECT_EQ(client.retry_after_ms(), 0);
    EXPECT_FALSE(client.last_error());
    run(client, server);
    EXPECT_EQ(client.revision(), 5);
}

TEST_F(SyncClientTest, BackoffDoublesAndIsCapped) {
    SyncOptions capped = options();
    capped.max_retry_ms = 5000;
    SyncClient offline("phone", capped);
    offline.sync();
    std::vector<std::int64_t> waits;
    for (int i = 0; i < 5; ++i) {
        ASSERT_TRUE(offline.next_call());
        EXPECT_FALSE(offline.next_call());  // one call at a time
        offline.on_failure("offline");
        waits.push_back(offline.retry_after_ms());
    }
    EXPECT_EQ(waits, (std::vector<std::int64_t>{1000, 2000, 4000, 5000, 5000}));
    ASSERT_TRUE(offline.next_call());
    offline.on_response(server.handle(HttpCall{"GET", "/api/v1/changes?since=0&limit=2", "", {}}));
    EXPECT_EQ(offline.retry_after_ms(), 0);
}

TEST_F(SyncClientTest, ServerErrorsAreRetriedAndMalformedAnswersNamed) {
    client.sync();
    ASSERT_TRUE(client.next_call());
    client.on_response({503, "", {}});
    EXPECT_EQ(client.retry_after_ms(), 1000);
    ASSERT_TRUE(client.next_call());
    client.on_response({200, R"({"since":0,"revision":3,"more":false,"changes":[{"kind":"town","id":"x"}]})", {}});
    ASSERT_TRUE(client.last_error());
    EXPECT_NE(client.last_error()->message.find("changes[0].kind"), std::string::npos) << client.last_error()->message;
    EXPECT_EQ(client.retry_after_ms(), 2000);
    EXPECT_EQ(client.revision(), 0);
}

TEST_F(SyncClientTest, InvalidChangeIsSurfacedWithFieldAndRule) {
    Municipality broken = foreign("NL-2759794", "Amsterdam");
    broken.population = -5;
    const std::string id = client.stage_put(broken);
    sync_now();
    ASSERT_EQ(client.rejected().size(), 1u);
    const RejectedChange& rejected = client.rejected()[0];
    EXPECT_EQ(rejected.change.client_change_id, id);
    EXPECT_EQ(rejected.status, PushStatus::invalid);
    ASSERT_EQ(rejected.errors.size(), 1u);
    EXPECT_EQ(rejected.errors[0].field, "population");
    EXPECT_EQ(rejected.errors[0].rule, "must not be negative");
    EXPECT_TRUE(client.outbox().empty());
    EXPECT_EQ(local("NL-2759794"), nullptr);
    EXPECT_EQ(server.registry.find_municipality("NL-2759794"), nullptr);

    const nlohmann::json saved = client.save_state();
    SyncClient restored("laptop");
    restored.load_state(saved);
    ASSERT_EQ(restored.rejected().size(), 1u);
    EXPECT_EQ(restored.rejected()[0].errors, rejected.errors);
    EXPECT_TRUE(restored.dismiss_rejected(id));
    EXPECT_TRUE(restored.rejected().empty());
}

TEST_F(SyncClientTest, RefusedTokenStopsUntilTheHostActs) {
    client.set_token("wrong");
    client.stage_put(foreign("NL-2759794", "Amsterdam"));
    sync_now();
    EXPECT_EQ(client.phase(), SyncPhase::stopped);
    ASSERT_TRUE(client.last_error());
    EXPECT_EQ(client.last_error()->status, 401);
    EXPECT_EQ(client.last_error()->code, "unauthorized");
    EXPECT_FALSE(client.next_call());
    EXPECT_EQ(client.outbox().size(), 1u);  // nothing is lost

    client.set_token("secret");
    sync_now();
    EXPECT_EQ(client.phase(), SyncPhase::idle);
    EXPECT_TRUE(client.outbox().empty());
    EXPECT_NE(server.registry.find_municipality("NL-2759794"), nullptr);
}

TEST_F(SyncClientTest, PulledRecordKeepsAPendingEditQueued) {
    seed();
    sync_now();
    client.sync();
    const std::optional<HttpCall> pull = client.next_call();  // nothing to push: straight to the pull
    ASSERT_TRUE(pull);
    Municipality mine = *local(k_poznan);
    mine.names.native = "Poznań";
    client.stage_put(mine);  // edited while the pull is under way
    Municipality theirs = *server.registry.find_municipality(k_poznan);
    theirs.population = 1;
    server.put(theirs);
    client.on_response(server.handle(*pull));
    EXPECT_FALSE(client.next_call());
    EXPECT_EQ(client.revision(), 6);
    EXPECT_EQ(client.mirror().record_revision(RecordKind::municipality, k_poznan), 6);
    ASSERT_EQ(client.outbox().size(), 1u);
    EXPECT_EQ(local(k_poznan)->names.native, "Poznań");  // my edit still shows

    sync_now();  // the server decides: it was based on revision 1
    EXPECT_EQ(client.conflicts().size(), 1u);
}

TEST_F(SyncClientTest, EditsOfOneRecordGoOutInOrder) {
    seed();
    sync_now();
    Municipality poznan = *local(k_poznan);
    poznan.population = 10;
    client.stage_put(poznan);
    poznan.population = 20;
    client.stage_put(poznan);
    EXPECT_EQ(client.outbox().size(), 1u);  // not sent yet: the second edit replaces the first

    client.sync();
    const std::optional<HttpCall> push = client.next_call();
    ASSERT_TRUE(push);
    poznan.population = 30;
    client.stage_put(poznan);  // the first is on its way: this one waits for it
    EXPECT_EQ(client.outbox().size(), 2u);
    client.on_response(server.handle(*push));
    ASSERT_EQ(client.outbox().size(), 1u);
    EXPECT_EQ(client.outbox()[0].change.base_revision, 6);
    run(client, server);
    EXPECT_TRUE(client.conflicts().empty());
    EXPECT_EQ(server.registry.find_municipality(k_poznan)->population, 30);
    EXPECT_EQ(server.registry.find_municipality(k_poznan)->revision, 7);
}

TEST_F(SyncClientTest, TooLargeBatchIsHalvedAndATooLargeChangeRejected) {
    for (const char* id : {"NL-1", "NL-2", "NL-3", "NL-4"}) client.stage_put(foreign(id, id));
    client.sync();
    std::vector<std::size_t> sizes;
    for (int i = 0; i < 3; ++i) {
        const std::optional<HttpCall> call = client.next_call();
        ASSERT_TRUE(call);
        sizes.push_back(push_request_from_json(nlohmann::json::parse(call->body)).changes.size());
        client.on_response({413, R"({"error":{"code":"too_large","message":"body too large"}})", {}});
    }
    EXPECT_EQ(sizes, (std::vector<std::size_t>{4, 2, 1}));
    ASSERT_EQ(client.rejected().size(), 1u);
    EXPECT_EQ(client.rejected()[0].change.id, "NL-1");
    EXPECT_EQ(client.rejected()[0].errors[0].field, "record");
    run(client, server);
    EXPECT_EQ(server.registry.municipalities().size(), 3u);
    EXPECT_TRUE(client.outbox().empty());
}

TEST_F(SyncClientTest, UnreadableStateIsRefusedAndLeavesTheClientAsItWas) {
    client.stage_put(foreign("NL-2759794", "Amsterdam"));
    nlohmann::json saved = client.save_state();
    saved["outbox"][0]["change"]["op"] = "upsert";
    SyncClient other("phone");
    other.stage_put(foreign("BE-2800866", "Brussels"));
    try {
        other.load_state(saved);
        FAIL() << "a malformed state was accepted";
    } catch (const DecodeError& error) {
        EXPECT_EQ(error.field(), "outbox[0].change.op");
    }
    ASSERT_EQ(other.outbox().size(), 1u);
    EXPECT_EQ(other.outbox()[0].change.id, "BE-2800866");

    saved = client.save_state();
    saved["records"] = nlohmann::json::array({{{"kind", "municipality"}, {"id", "X"}, {"revision", 1},
                                              {"record", {{"id", "X"}, {"population", "many"}}}}});
    try {
        other.load_state(saved);
        FAIL() << "a malformed record was accepted";
    } catch (const DecodeError& error) {
        EXPECT_EQ(error.field(), "records[0].record.population");
    }
}

TEST_F(SyncClientTest, StagingARecordThatDoesNotDecodeNamesTheField) {
    try {
        client.stage_put(RecordKind::municipality, {{"id", "NL-1"}, {"population", "many"}});
        FAIL() << "an undecodable record was queued";
    } catch (const DecodeError& error) {
        EXPECT_EQ(error.field(), "population");
    }
    EXPECT_THROW(client.stage_put(RecordKind::municipality, {{"names", {{"en", "Nowhere"}}}}), DecodeError);
    EXPECT_TRUE(client.outbox().empty());
}

TEST_F(SyncClientTest, HostSuppliedIdsAreUsed) {
    int n = 0;
    client.set_id_generator([&] { return "3f2b8c1e-6a7d-4e21-9b0c-00000000000" + std::to_string(++n); });
    EXPECT_EQ(client.stage_put(foreign("NL-1", "One")), "3f2b8c1e-6a7d-4e21-9b0c-000000000001");
    EXPECT_EQ(client.stage_remove(RecordKind::municipality, "NL-2"), "3f2b8c1e-6a7d-4e21-9b0c-000000000002");
}

TEST(SyncClientHost, HostWithItsOwnCopyPullsOnlyWhatIsNewAndHoldsNoSecondCopy) {
    FakeServer server;
    server.put(foreign(k_poznan, "Poznan"));
    server.put(foreign("IE-2964574", "Dublin"));
    SyncOptions options;
    options.mirror_public_records = false;
    SyncClient client("browser", options);
    std::vector<DeltaEntry> pulled;
    client.set_pull_listener([&](const DeltaEntry& entry) { pulled.push_back(entry); });
    client.start_from(2);  // the host loaded a snapshot at revision 2 itself

    server.put(foreign("DE-2867714", "Munich"));
    server.registry.apply(Change{RecordKind::municipality, Change::Op::remove, k_poznan, 1, nullptr, {}}, server.now);
    client.sync();
    EXPECT_EQ(run(client, server), 1);
    ASSERT_EQ(pulled.size(), 2u);  // Munich and Poznan's removal; not the two the host had
    EXPECT_EQ(pulled[0].id, "DE-2867714");
    EXPECT_EQ(pulled[1].id, k_poznan);
    EXPECT_TRUE(pulled[1].removed);
    EXPECT_EQ(client.revision(), 4);
    EXPECT_TRUE(client.mirror().records().empty());

    client.start_from(1);  // never backwards
    EXPECT_EQ(client.revision(), 4);
}

}  // namespace
}  // namespace prd
