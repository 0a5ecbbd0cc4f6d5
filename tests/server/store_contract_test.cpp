// What the server relies on from a Store, checked against every implementation alike. What one
// store does alone is tested beside it: sqlite_store_test.cpp (its file), postgres_store_test.cpp
// (several servers on one database).

#include <gtest/gtest.h>

#include <sstream>

#include "model/json_codec.hpp"
#include "postgres_fixture.hpp"
#include "store/postgres_store.hpp"
#include "store/sqlite_store.hpp"
#include "test_support.hpp"

namespace prd::server {
namespace {

enum class StoreKind { sqlite, postgres };

// Names the test's parameter in test names: Stores/StoreContract.Something/Postgres.
void PrintTo(StoreKind kind, std::ostream* out) { *out << (kind == StoreKind::sqlite ? "Sqlite" : "Postgres"); }

class StoreContract : public ::testing::TestWithParam<StoreKind> {
protected:
    void SetUp() override {
        if (GetParam() != StoreKind::postgres) return;
        std::string why;
        m_server = test::shared_postgres(&why);
        if (!m_server) GTEST_SKIP() << why;
    }
    /// The store in one of two places (0 or 1), each empty until written.
    std::unique_ptr<Store> open(int which = 0) {
        if (GetParam() == StoreKind::sqlite) return std::make_unique<SqliteStore>(m_dirs[which].path());
        if (m_uris[which].empty()) m_uris[which] = m_server->create_database();
        return std::make_unique<PostgresStore>(m_uris[which]);
    }
    bool shared() const { return GetParam() == StoreKind::postgres; }

private:
    test::TempDir m_dirs[2];
    test::PostgresServer* m_server = nullptr;
    std::string m_uris[2];
};

INSTANTIATE_TEST_SUITE_P(Stores, StoreContract, ::testing::Values(StoreKind::sqlite, StoreKind::postgres));

StoredRecord record(RecordKind kind, std::string id, std::int64_t revision, bool removed = false) {
    return {kind, id, revision, removed, removed ? "" : R"({"id":")" + id + R"("})"};
}

TokenRecord token(std::string id, std::string created_at, std::string role = "editor") {
    return {id, "hash-" + id, role, role == "editor" ? "UA46060250000025047" : "", "for " + id, created_at, false, ""};
}

InvitationRecord invitation(std::string id, std::string expires_at) {
    InvitationRecord i;
    i.id = id;
    i.hash = "code-" + id;
    i.role = "editor";
    i.municipality = "UA80000000000093317";
    i.label = "Kyiv office";
    i.created_at = "2025-03-01T10:00:00Z";
    i.expires_at = expires_at;
    i.created_by = "cli";
    return i;
}

OutboxItem queued(std::string record_id, std::int64_t base_revision, std::string body) {
    OutboxItem item;
    item.created_at = "2025-03-01T10:00:00Z";
    item.principal = "token:tok_a";
    item.token_id = "tok_a";
    item.kind = RecordKind::partnership;
    item.record_id = record_id;
    item.base_revision = base_revision;
    item.method = "POST";
    item.path = "/api/v1/changes";
    item.body = body;
    return item;
}

/// Everything in `c`, one line per row, so that two stores' contents compare with a readable diff.
std::string dump(const StoreContents& c) {
    std::ostringstream out;
    out << "revision " << c.revision << " upstream " << c.upstream_revision << "\n";
    for (const auto& r : c.records)
        out << "record " << static_cast<int>(r.kind) << " " << r.id << " " << r.revision << " " << r.removed << " "
            << r.json << "\n";
    for (const auto& r : c.client_changes) out << "change " << r.key << " " << r.json << "\n";
    for (const auto& d : c.dismissals) out << "dismissals " << d.municipality << " " << d.json << "\n";
    for (const auto& t : c.tokens)
        out << "token " << t.id << " " << t.hash << " " << t.role << " " << t.municipality << " " << t.label << " "
            << t.created_at << " " << t.revoked << " " << t.last_used_at << "\n";
    for (const auto& i : c.invitations)
        out << "invitation " << i.id << " " << i.hash << " " << i.role << " " << i.municipality << " " << i.label << " "
            << i.created_at << " " << i.expires_at << " " << i.created_by << " " << i.used_at << " " << i.token_id
            << " " << i.revoked << "\n";
    for (const auto& o : c.outbox)
        out << "outbox " << o.seq << " " << o.created_at << " " << o.principal << " " << o.token_id << " "
            << static_cast<int>(o.kind) << " " << o.record_id << " " << o.base_revision << " " << o.method << " "
            << o.path << " " << o.body << " " << o.state << " " << o.status << " " << o.result << " " << o.attempts
            << " " << o.last_attempt_at << " " << o.settled_at << " " << o.upstream_revision << "\n";
    for (const auto& [kind, id, revision] : c.upstream_revisions)
        out << "upstream " << static_cast<int>(kind) << " " << id << " " << revision << "\n";
    for (const auto& [key, value] : c.meta) out << "meta " << key << " " << value << "\n";
    return out.str();
}

/// A store holding some of everything a server keeps.
void write_some_of_everything(Store& store) {
    FollowerWrite follower;
    follower.outbox = {queued("p-1", 3, R"({"change":1})"), queued("p-2", 0, R"({"change":2})")};
    follower.upstream_revisions = {{RecordKind::partnership, "p-1", 3}, {RecordKind::municipality, "UA1", 2}};
    follower.upstream_revision = 12;
    store.commit(5,
                 {record(RecordKind::municipality, "UA80000000000093317", 4), record(RecordKind::partnership, "p-1", 5),
                  record(RecordKind::partnership, "p-gone", 5, true)},
                 {{"tok_a/c-1", R"({"status":"applied"})"}}, {{"UA46060250000025047", R"({"entries":[]})"}}, follower);
    store.add_token(token("tok_b", "2025-03-02T00:00:00Z", "admin"));
    store.add_token(token("tok_a", "2025-03-01T00:00:00Z"));
    store.note_token_use("tok_a", "2025-03-03T08:30:12Z");
    store.add_invitation(invitation("inv_1", "2025-04-01T00:00:00Z"));
    store.set_meta("instance_name", "Львів — тест");
    store.note_outbox_attempt(1, "2025-03-01T10:05:00Z");
}

TEST_P(StoreContract, ANewStoreIsEmptyAtRevisionZero) {
    auto store = open();
    EXPECT_EQ(store->revision(), 0);
    EXPECT_TRUE(store->load_all().empty());
    EXPECT_TRUE(store->load_since(0).empty());
    EXPECT_EQ(store->upstream_revision(), 0);
    EXPECT_EQ(store->meta("instance_name"), std::nullopt);
    EXPECT_EQ(store->shared(), shared());
    EXPECT_FALSE(store->describe().empty());
}

TEST_P(StoreContract, CommittedRecordsAndTombstonesSurviveReopening) {
    {
        auto store = open();
        store->commit(
            7, {record(RecordKind::municipality, "UA80000000000093317", 7), record(RecordKind::partnership, "p-1", 5)});
        store->commit(8, {record(RecordKind::partnership, "p-1", 8, true)});
    }
    auto reopened = open();
    EXPECT_EQ(reopened->revision(), 8);
    const auto records = reopened->load_all();
    ASSERT_EQ(records.size(), 2u);
    EXPECT_EQ(records[0].kind, RecordKind::municipality);
    EXPECT_EQ(records[0].json, R"({"id":"UA80000000000093317"})");
    EXPECT_FALSE(records[0].removed);
    EXPECT_EQ(records[1].id, "p-1");
    EXPECT_TRUE(records[1].removed);
    EXPECT_EQ(records[1].revision, 8);
    EXPECT_EQ(records[1].json, "");
}

TEST_P(StoreContract, LoadSinceGivesLaterWritesInRevisionOrder) {
    auto store = open();
    store->commit(3, {record(RecordKind::partnership, "p-b", 3), record(RecordKind::partnership, "p-a", 3),
                      record(RecordKind::municipality, "UA2", 2)});
    store->commit(4, {record(RecordKind::municipality, "UA1", 4)});
    store->commit(5, {record(RecordKind::partnership, "p-b", 5, true)});
    const auto since = store->load_since(2);
    ASSERT_EQ(since.size(), 3u);
    EXPECT_EQ(since[0].id, "p-a");
    EXPECT_EQ(since[1].id, "UA1");
    EXPECT_EQ(since[2].id, "p-b");
    EXPECT_TRUE(since[2].removed) << "a tombstone is a change too";
    EXPECT_TRUE(store->load_since(5).empty());
    EXPECT_EQ(store->load_since(0).size(), 4u);
}

TEST_P(StoreContract, DismissalListsAreKeptApartAndAnEmptyListDeletesOne) {
    auto store = open();
    store->commit(4, {}, {}, {{"UA46060250000025047", R"({"entries":[{"id":"PL-3088171"}]})"}, {"PL-3088171", "{}"}});
    store->commit(4, {}, {}, {{"PL-3088171", ""}, {"UA46060250000025047", R"({"entries":[]})"}});
    EXPECT_EQ(store->find_dismissals("UA46060250000025047"), R"({"entries":[]})");
    EXPECT_EQ(store->find_dismissals("PL-3088171"), std::nullopt);
    EXPECT_TRUE(store->load_all().empty()) << "a dismissal list is not a public record";
    EXPECT_EQ(store->revision(), 4);
}

TEST_P(StoreContract, AnsweredChangesAreRememberedAndReplaced) {
    auto store = open();
    store->commit(1, {record(RecordKind::partnership, "p-1", 1)}, {{"tok_a/c-1", R"({"status":"applied"})"}});
    store->commit(2, {}, {{"tok_a/c-1", R"({"status":"conflict"})"}, {"tok_b/c-1", "{}"}});
    EXPECT_EQ(store->find_client_change("tok_a/c-1"), R"({"status":"conflict"})");
    EXPECT_EQ(store->find_client_change("tok_b/c-1"), "{}");
    EXPECT_EQ(store->find_client_change("tok_c/c-1"), std::nullopt);
}

TEST_P(StoreContract, TokensAreFoundListedAndRevoked) {
    auto store = open();
    store->add_token(token("tok_b", "2025-03-02T00:00:00Z", "admin"));
    store->add_token(token("tok_a", "2025-03-01T00:00:00Z"));
    EXPECT_THROW(store->add_token(token("tok_a", "2025-03-05T00:00:00Z")), StoreError) << "ids are never reused";
    const auto found = store->find_token_by_hash("hash-tok_a");
    ASSERT_TRUE(found);
    EXPECT_EQ(found->id, "tok_a");
    EXPECT_EQ(found->role, "editor");
    EXPECT_EQ(found->municipality, "UA46060250000025047");
    EXPECT_EQ(found->label, "for tok_a");
    EXPECT_FALSE(found->revoked);
    EXPECT_EQ(store->find_token_by_hash("hash-nobody"), std::nullopt);
    const auto list = store->list_tokens();
    ASSERT_EQ(list.size(), 2u);
    EXPECT_EQ(list[0].id, "tok_a") << "oldest first";
    EXPECT_TRUE(store->revoke_token("tok_b"));
    EXPECT_FALSE(store->revoke_token("tok_nobody"));
    EXPECT_TRUE(store->find_token("tok_b")->revoked);
    EXPECT_EQ(store->find_token("tok_nobody"), std::nullopt);
}

TEST_P(StoreContract, ATokensUseIsNotedOnceAMinute) {
    auto store = open();
    store->add_token(token("tok_a", "2025-03-01T00:00:00Z"));
    store->note_token_use("tok_a", "2025-03-03T08:30:12Z");
    store->note_token_use("tok_a", "2025-03-03T08:30:59Z");
    EXPECT_EQ(store->find_token("tok_a")->last_used_at, "2025-03-03T08:30:12Z");
    store->note_token_use("tok_a", "2025-03-03T08:31:01Z");
    EXPECT_EQ(store->find_token("tok_a")->last_used_at, "2025-03-03T08:31:01Z");
    store->note_token_use("tok_nobody", "2025-03-03T08:31:01Z");  // nothing to note, no error
}

TEST_P(StoreContract, AnInvitationIsRedeemedOnceAndOnlyInTime) {
    auto store = open();
    store->add_invitation(invitation("inv_1", "2025-04-01T00:00:00Z"));
    store->add_invitation(invitation("inv_2", "2025-03-02T00:00:00Z"));
    store->add_invitation(invitation("inv_3", "2025-04-01T00:00:00Z"));
    EXPECT_TRUE(store->revoke_invitation("inv_3"));
    EXPECT_FALSE(store->revoke_invitation("inv_nobody"));

    TokenRecord made{"tok_new", "hash-new", "", "", "", "2025-03-10T00:00:00Z", false, ""};
    EXPECT_EQ(store->redeem_invitation("code-nobody", "2025-03-10T00:00:00Z", made), RedeemStatus::unknown);
    EXPECT_EQ(store->redeem_invitation("code-inv_2", "2025-03-10T00:00:00Z", made), RedeemStatus::expired);
    EXPECT_EQ(store->redeem_invitation("code-inv_3", "2025-03-10T00:00:00Z", made), RedeemStatus::revoked);
    EXPECT_EQ(store->find_token("tok_new"), std::nullopt) << "a refused code stores nothing";

    made.label = "";
    EXPECT_EQ(store->redeem_invitation("code-inv_1", "2025-03-10T00:00:00Z", made), RedeemStatus::redeemed);
    EXPECT_EQ(made.role, "editor");
    EXPECT_EQ(made.municipality, "UA80000000000093317");
    EXPECT_EQ(made.label, "Kyiv office") << "a token without a label takes the invitation's";
    const auto stored = store->find_token_by_hash("hash-new");
    ASSERT_TRUE(stored);
    EXPECT_EQ(stored->role, "editor");
    EXPECT_EQ(stored->municipality, "UA80000000000093317");
    const auto used = store->find_invitation("inv_1");
    EXPECT_EQ(used->used_at, "2025-03-10T00:00:00Z");
    EXPECT_EQ(used->token_id, "tok_new");

    TokenRecord again{"tok_again", "hash-again", "", "", "", "2025-03-10T00:00:00Z", false, ""};
    EXPECT_EQ(store->redeem_invitation("code-inv_1", "2025-03-10T00:01:00Z", again), RedeemStatus::used);
    EXPECT_EQ(store->find_token("tok_again"), std::nullopt);
    EXPECT_FALSE(store->revoke_invitation("inv_1")) << "a used invitation is not revoked";
    const auto list = store->list_invitations();
    ASSERT_EQ(list.size(), 3u);
    EXPECT_EQ(list[0].id, "inv_1");
    EXPECT_TRUE(list[2].revoked);
}

TEST_P(StoreContract, AFollowersOutboxIsSettledAndLaterEditsRebased) {
    auto store = open();
    FollowerWrite follower;
    follower.outbox = {queued("p-1", 3, "first"), queued("p-1", 3, "second"), queued("p-2", 3, "other record")};
    follower.upstream_revisions = {{RecordKind::partnership, "p-1", 3}};
    follower.upstream_revision = 20;
    store->commit(6, {record(RecordKind::partnership, "p-1", 6)}, {}, {}, follower);
    EXPECT_EQ(store->upstream_revision(), 20);
    auto pending = store->outbox_items(true);
    ASSERT_EQ(pending.size(), 3u);
    EXPECT_EQ(pending[0].body, "first");
    EXPECT_LT(pending[0].seq, pending[1].seq);
    EXPECT_EQ(pending[0].state, "pending");

    store->note_outbox_attempt(pending[0].seq, "2025-03-01T10:05:00Z");
    auto first = store->outbox_items(true)[0];
    EXPECT_EQ(first.attempts, 1);
    EXPECT_EQ(first.last_attempt_at, "2025-03-01T10:05:00Z");

    first.state = "applied";
    first.status = 200;
    first.attempts = 2;
    first.settled_at = "2025-03-01T10:06:00Z";
    first.upstream_revision = 21;
    store->settle_outbox(first);
    pending = store->outbox_items(true);
    ASSERT_EQ(pending.size(), 2u);
    EXPECT_EQ(pending[0].body, "second");
    EXPECT_EQ(pending[0].base_revision, 21) << "made on top of the first, which is revision 21 upstream now";
    EXPECT_EQ(pending[1].base_revision, 3) << "another record is not rebased";
    const auto all = store->outbox_items(false);
    ASSERT_EQ(all.size(), 3u);
    EXPECT_EQ(all[0].state, "applied");
    EXPECT_EQ(all[0].status, 200);
    EXPECT_EQ(all[0].settled_at, "2025-03-01T10:06:00Z");
    const auto upstream = store->upstream_revisions();
    ASSERT_EQ(upstream.size(), 1u);
    EXPECT_EQ(upstream[0], std::make_tuple(RecordKind::partnership, std::string("p-1"), std::int64_t{21}));
}

TEST_P(StoreContract, ThePublicRecordsAreReadByKindAndIdWithTheirRevision) {
    auto store = open();
    store->commit(4, {record(RecordKind::partnership, "p-b", 4), record(RecordKind::municipality, "UA2", 2),
                      record(RecordKind::partnership, "p-a", 3), record(RecordKind::proposal, "pr-1", 3),
                      record(RecordKind::announcement, "an-1", 4), record(RecordKind::municipality, "UA10", 4),
                      record(RecordKind::partnership, "p-gone", 4, true)});
    std::vector<std::string> read;
    const auto revision = store->read_public([&](RecordKind kind, std::string_view json) {
        read.push_back(std::string(to_string(kind)) + " " + std::string(json));
    });
    EXPECT_EQ(revision, 4);
    const std::vector<std::string> expected{R"(announcement {"id":"an-1"})", R"(municipality {"id":"UA10"})",
                                            R"(municipality {"id":"UA2"})", R"(partnership {"id":"p-a"})",
                                            R"(partnership {"id":"p-b"})"};
    EXPECT_EQ(read, expected) << "no proposal, no tombstone; ids in byte order";
}

TEST_P(StoreContract, MetaIsStoredAndReplaced) {
    auto store = open();
    store->set_meta("instance_name", "first");
    store->set_meta("instance_name", "Чернігів");
    EXPECT_EQ(store->meta("instance_name"), "Чернігів");
    EXPECT_EQ(store->meta("nothing"), std::nullopt);
}

TEST_P(StoreContract, ContentsFilledIntoAnEmptyStoreAreTheSame) {
    auto from = open(0);
    write_some_of_everything(*from);
    const auto contents = from->contents();
    EXPECT_EQ(contents.revision, 5);
    EXPECT_EQ(contents.records.size(), 3u);
    EXPECT_EQ(contents.outbox.size(), 2u);
    EXPECT_EQ(contents.upstream_revision, 12);
    ASSERT_EQ(contents.meta.size(), 1u);

    auto to = open(1);
    to->fill(contents);
    EXPECT_EQ(dump(to->contents()), dump(contents));
    EXPECT_EQ(to->revision(), 5);
    EXPECT_EQ(to->find_token_by_hash("hash-tok_a")->last_used_at, "2025-03-03T08:30:12Z");

    // New outbox items come after the ones copied.
    FollowerWrite follower;
    follower.outbox = {queued("p-3", 0, "after the copy")};
    to->commit(6, {}, {}, {}, follower);
    const auto items = to->outbox_items(false);
    ASSERT_EQ(items.size(), 3u);
    EXPECT_GT(items[2].seq, items[1].seq);
    EXPECT_EQ(items[2].body, "after the copy");
}

TEST_P(StoreContract, FillRefusesAStoreThatHoldsAnything) {
    auto from = open(0);
    write_some_of_everything(*from);
    const auto contents = from->contents();
    EXPECT_THROW(from->fill(contents), StoreError);
    auto to = open(1);
    to->add_token(token("tok_only", "2025-03-01T00:00:00Z"));
    EXPECT_THROW(to->fill(contents), StoreError) << "a token alone is something";
    EXPECT_EQ(to->revision(), 0) << "nothing of the refused copy stored";
    EXPECT_TRUE(to->load_all().empty());
}

TEST_P(StoreContract, AFillThatFailsHalfwayStoresNothing) {
    StoreContents contents;
    contents.revision = 3;
    contents.records = {record(RecordKind::partnership, "p-1", 3)};
    contents.tokens = {token("tok_a", "2025-03-01T00:00:00Z"), token("tok_a", "2025-03-02T00:00:00Z")};
    auto store = open();
    try {
        store->fill(contents);
        FAIL() << "filled a store with two tokens of one id";
    } catch (const StoreUnavailable& e) {
        FAIL() << "a refused row is not an unavailable store: " << e.what();
    } catch (const StoreError&) {
    }
    EXPECT_EQ(store->revision(), 0);
    EXPECT_TRUE(store->load_all().empty());
    EXPECT_TRUE(store->list_tokens().empty());
}

TEST_P(StoreContract, BeginWriteGivesTheStoredRevisionAndLetsTheWriterReadMeanwhile) {
    auto store = open();
    store->commit(5, {record(RecordKind::partnership, "p-1", 5)}, {{"tok_a/c-1", "{}"}},
                  {{"UA46060250000025047", R"({"entries":[]})"}});
    EXPECT_EQ(store->begin_write(), 5);
    // What the service looks up between beginning a write and committing it.
    EXPECT_EQ(store->find_client_change("tok_a/c-1"), "{}");
    EXPECT_EQ(store->find_dismissals("UA46060250000025047"), R"({"entries":[]})");
    EXPECT_EQ(store->meta("nothing"), std::nullopt);
    EXPECT_EQ(store->revision(), 5);
    store->commit(6, {record(RecordKind::partnership, "p-1", 6, true)});
    EXPECT_EQ(store->revision(), 6);

    EXPECT_EQ(store->begin_write(), 6);
    store->end_write();
    EXPECT_EQ(store->revision(), 6);
    store->commit(7, {});
    EXPECT_EQ(store->revision(), 7) << "a write ended without committing leaves the store writable";
}

TEST_P(StoreContract, ASharedStoreRefusesARevisionBelowTheStoredOne) {
    if (!shared()) GTEST_SKIP() << "only a store shared by several servers checks revisions";
    auto store = open();
    store->commit(5, {record(RecordKind::partnership, "p-1", 5)});
    EXPECT_THROW(store->commit(4, {record(RecordKind::partnership, "p-1", 4, true)}), StoreError);
    EXPECT_EQ(store->revision(), 5);
    EXPECT_FALSE(store->load_all()[0].removed) << "nothing of the refused commit stored";
    EXPECT_EQ(store->begin_write(), 5);
    EXPECT_THROW(store->commit(3, {}), StoreError);
    store->commit(5, {});  // the same revision again is fine (a dismissal list changes no record)
    EXPECT_EQ(store->revision(), 5);
}

TEST_P(StoreContract, RateLimitBucketsAreKeptOnlyByASharedStore) {
    auto store = open();
    const auto first = store->take_rate("write:tok_a", 2, 0.1);
    if (!shared()) {
        EXPECT_EQ(first, std::nullopt) << "the server counts in memory";
        return;
    }
    EXPECT_EQ(first, 0);
    EXPECT_EQ(store->take_rate("write:tok_a", 2, 0.1), 0);
    const auto wait = store->take_rate("write:tok_a", 2, 0.1);
    ASSERT_TRUE(wait);
    // One request regains in 10 s; a slow machine may already have regained a second of it.
    EXPECT_GE(*wait, 9);
    EXPECT_LE(*wait, 10);
    EXPECT_EQ(store->take_rate("write:tok_b", 2, 0.1), 0) << "another key has its own bucket";
}

TEST_P(StoreContract, ABackupIsAnSqliteStoreFileHoldingEverything) {
    auto store = open();
    write_some_of_everything(*store);
    test::TempDir dir;
    const auto file = dir.path() / "backup.sqlite3";
    store->backup_to(file.string());
    EXPECT_NO_THROW(SqliteStore::check_file(file));
    EXPECT_THROW(store->backup_to(file.string()), StoreError) << "a backup never overwrites";

    const auto restored_dir = dir.path() / "restored";
    std::filesystem::create_directories(restored_dir);
    std::filesystem::copy_file(file, restored_dir / "registry.sqlite3");
    SqliteStore restored(restored_dir);
    EXPECT_EQ(dump(restored.contents()), dump(store->contents()));
}

TEST_P(StoreContract, WaitingWithoutChangesAnswersFalse) {
    auto store = open();
    store->commit(1, {});
    EXPECT_FALSE(store->wait_for_change(1, std::chrono::milliseconds(20)));
}

}  // namespace
}  // namespace prd::server
