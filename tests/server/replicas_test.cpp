// Two registry services on one PostgreSQL database behave as one server: the revision comes from
// the database, so none is handed out twice and none is out of order; a conditional write is
// decided on what the database holds, so writes to both at once lose no update and report their
// conflicts; each learns of the other's writes; rate limits and tokens count across both.
#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <set>
#include <thread>

#include <nlohmann/json.hpp>

#include "api/api.hpp"
#include "api/registry_service.hpp"
#include "postgres_fixture.hpp"
#include "seed/default_registry.hpp"
#include "store/postgres_store.hpp"

namespace prd::server {
namespace {

using Json = nlohmann::json;
using namespace std::chrono_literals;

constexpr const char* kLviv = "UA46060250000025047";
constexpr const char* kKyiv = "UA80000000000093317";
constexpr const char* kOdesa = "UA51100270000073549";

Principal moderator(const std::string& token_id) { return Principal{Role::moderator, "", token_id, "test"}; }

class ReplicasTest : public ::testing::Test {
protected:
    void SetUp() override {
        std::string why;
        auto* server = test::shared_postgres(&why);
        if (!server) GTEST_SKIP() << why;
        m_uri = server->create_database();
        m_a = std::make_unique<RegistryService>(std::make_unique<PostgresStore>(m_uri), default_snapshot());
        m_b = std::make_unique<RegistryService>(std::make_unique<PostgresStore>(m_uri), default_snapshot());
    }

    /// Edits a record as a client of `service` would: from the record it shows, with its revision
    /// as the base (after the service caught up with the database, when `fresh`: otherwise a write
    /// made through the other server meanwhile makes it a conflict). Returns the answer's status
    /// and revision.
    static std::pair<std::string, std::int64_t> edit(RegistryService& service, const std::string& id,
                                                     const std::string& text, const std::string& change_id,
                                                     bool fresh = true) {
        if (fresh) service.refresh();
        auto record = service.record(RecordKind::municipality, id, Principal{});
        record["contacts"]["person"] = text;
        const Change change{
            RecordKind::municipality, Change::Op::put, id, record["revision"].get<std::int64_t>(), record, change_id};
        const auto answer = service.push(moderator("tok_" + change_id.substr(0, 1)), {change}, "2026-11-30T12:00:00Z");
        return {answer.front().json.value("status", ""), answer.front().json.value("revision", std::int64_t{0})};
    }

    std::string m_uri;
    std::unique_ptr<RegistryService> m_a, m_b;
};

TEST_F(ReplicasTest, TheSecondServerLoadsWhatTheFirstSeeded) {
    EXPECT_TRUE(m_a->seeded());
    EXPECT_FALSE(m_b->seeded());
    EXPECT_EQ(m_a->revision(), m_b->revision());
    EXPECT_EQ(m_a->snapshot()->json(), m_b->snapshot()->json());
}

TEST_F(ReplicasTest, WritesToBothAtOnceGetDistinctRevisionsAndLoseNoUpdate) {
    const auto start = m_a->revision();
    std::vector<std::pair<std::string, std::int64_t>> answers_a, answers_b;
    std::atomic<bool> go{false};
    const auto writer = [&](RegistryService& service, const char* who, auto& answers) {
        while (!go) std::this_thread::yield();
        for (int i = 0; i < 40; ++i) {
            // Half the writes go to a record both edit (conflicts are expected there), half to one each.
            const std::string id = i % 2 ? kLviv : (who[0] == 'a' ? kKyiv : kOdesa);
            answers.push_back(edit(service, id, std::string(who) + std::to_string(i),
                                   std::string(who) + std::to_string(i), i % 4 == 1));
        }
    };
    std::thread a([&] { writer(*m_a, "a", answers_a); });
    std::thread b([&] { writer(*m_b, "b", answers_b); });
    go = true;
    a.join();
    b.join();

    std::set<std::int64_t> revisions;
    std::size_t applied = 0, conflicts = 0;
    for (const auto* answers : {&answers_a, &answers_b}) {
        for (const auto& [status, revision] : *answers) {
            if (status == "applied") {
                ++applied;
                EXPECT_TRUE(revisions.insert(revision).second) << "revision " << revision << " handed out twice";
            } else {
                EXPECT_EQ(status, "conflict");
                ++conflicts;
            }
        }
    }
    EXPECT_EQ(applied + conflicts, 80u);
    EXPECT_GE(applied, 40u) << "each server's own record takes every write";
    // One history: the applied writes are exactly the revisions after the start, without a gap.
    EXPECT_EQ(*revisions.begin(), start + 1);
    EXPECT_EQ(*revisions.rbegin(), start + static_cast<std::int64_t>(applied));
    // Both servers end up holding the same registry as the database.
    m_a->refresh();
    m_b->refresh();
    EXPECT_EQ(m_a->revision(), start + static_cast<std::int64_t>(applied));
    EXPECT_EQ(m_b->revision(), m_a->revision());
    EXPECT_EQ(m_a->record(RecordKind::municipality, kLviv, Principal{}),
              m_b->record(RecordKind::municipality, kLviv, Principal{}));
    EXPECT_EQ(m_a->snapshot()->json(), m_b->snapshot()->json());
}

TEST_F(ReplicasTest, AWriteBasedOnAnOldRevisionIsAConflictOnTheOtherServer) {
    // A client read Lviv from server b, then someone saved it through server a.
    auto seen = m_b->record(RecordKind::municipality, kLviv, Principal{});
    ASSERT_EQ(edit(*m_a, kLviv, "saved through a", "a1", false).first, "applied");
    // b has not heard of it yet, but decides on what the database holds.
    seen["contacts"]["person"] = "saved through b";
    const Change change{
        RecordKind::municipality, Change::Op::put, kLviv, seen["revision"].get<std::int64_t>(), seen, "b1"};
    const auto answer = m_b->push(moderator("tok_b"), {change}, "2026-11-30T12:00:00Z").front().json;
    EXPECT_EQ(answer["status"], "conflict") << answer.dump();
    EXPECT_EQ(answer["current"]["contacts"]["person"], "saved through a");
}

TEST_F(ReplicasTest, AClientSyncingFromBothInTurnSeesOneOrderedHistory) {
    const auto start = m_a->revision();
    for (int i = 0; i < 10; ++i) {
        ASSERT_EQ(edit(i % 2 ? *m_a : *m_b, i % 3 ? kLviv : kKyiv, "turn " + std::to_string(i), "t" + std::to_string(i))
                      .first,
                  "applied");
    }
    std::int64_t since = start;
    std::vector<std::int64_t> seen;
    for (int pull = 0; pull < 6 && since < start + 10; ++pull) {
        auto& service = pull % 2 ? *m_a : *m_b;
        service.refresh();
        const auto delta = service.changes_since(since, 3, Principal{});
        for (const auto& entry : delta.entries) {
            EXPECT_GT(entry.revision, since);
            seen.push_back(entry.revision);
        }
        since = delta.revision;
    }
    EXPECT_EQ(since, start + 10);
    EXPECT_TRUE(std::is_sorted(seen.begin(), seen.end()));
    // Lviv and Kyiv each appear once per pull at their latest revision: the last ones are the latest.
    EXPECT_EQ(seen.back(), start + 10);
}

TEST_F(ReplicasTest, EachServerLearnsOfTheOthersWritesByItself) {
    m_b->follow_store(200ms);
    const auto [status, revision] = edit(*m_a, kLviv, "news for b", "a1");
    ASSERT_EQ(status, "applied");
    const auto deadline = std::chrono::steady_clock::now() + 20s;
    while (m_b->revision() < revision && std::chrono::steady_clock::now() < deadline) std::this_thread::sleep_for(10ms);
    EXPECT_EQ(m_b->revision(), revision);
    EXPECT_EQ(m_b->record(RecordKind::municipality, kLviv, Principal{})["contacts"]["person"], "news for b");
    EXPECT_EQ(m_b->snapshot()->revision, revision);
    m_b->stop_following();
}

TEST_F(ReplicasTest, RateLimitsAndTokensCountAcrossServers) {
    const auto token = make_token(Role::moderator, "", "both", "2026-11-30T12:00:00Z");
    m_a->store().add_token(token.record);
    const Api api_a(*m_a, {}, WriteLimits{3, 0.001});
    const Api api_b(*m_b, {}, WriteLimits{3, 0.001});
    const auto dismiss = [&](const Api& api, const char* other) {
        ApiRequest request;
        request.method = "POST";
        request.path = std::string("/api/v1/municipalities/") + kLviv + "/dismissed";
        request.headers["Authorization"] = "Bearer " + token.secret;
        request.headers["Content-Type"] = "application/json";
        request.body = Json{{"id", other}, {"reason", "hidden"}}.dump();
        return api.handle(request).status;
    };
    // The token made through a is known to b; three writes through a spend the shared bucket.
    EXPECT_NE(dismiss(api_b, kKyiv), 401);
    EXPECT_NE(dismiss(api_a, kKyiv), 429);
    EXPECT_NE(dismiss(api_a, kKyiv), 429);
    EXPECT_EQ(dismiss(api_b, kKyiv), 429) << "b counts what a took";
    EXPECT_EQ(dismiss(api_a, kKyiv), 429);
}

}  // namespace
}  // namespace prd::server
