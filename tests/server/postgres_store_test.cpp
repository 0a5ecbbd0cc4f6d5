// What the PostgreSQL store does beyond the Store contract (store_contract_test.cpp): several
// servers on one database, and a database that goes away and comes back.

#include <gtest/gtest.h>

#include <libpq-fe.h>

#include <atomic>
#include <future>
#include <thread>

#include "postgres_fixture.hpp"
#include "store/postgres_connection.hpp"
#include "store/postgres_store.hpp"

namespace prd::server {
namespace {

using namespace std::chrono_literals;

/// Plain SQL on the test's database, to look at what the stores cannot tell.
class Sql {
public:
    explicit Sql(const std::string& uri) : m_conn(PQconnectdb(uri.c_str())) {
        if (PQstatus(m_conn) != CONNECTION_OK) throw std::runtime_error(PQerrorMessage(m_conn));
    }
    ~Sql() { PQfinish(m_conn); }
    /// The first column of the first row, as text; empty when there is none.
    std::string value(const char* sql) {
        PGresult* result = PQexec(m_conn, sql);
        const auto status = PQresultStatus(result);
        std::string text = status == PGRES_TUPLES_OK && PQntuples(result) > 0 ? PQgetvalue(result, 0, 0) : "";
        const std::string error =
            status == PGRES_TUPLES_OK || status == PGRES_COMMAND_OK ? "" : PQresultErrorMessage(result);
        PQclear(result);
        if (!error.empty()) throw std::runtime_error(error);
        return text;
    }

private:
    PGconn* m_conn;
};

class PostgresStoreTest : public ::testing::Test {
protected:
    void SetUp() override {
        std::string why;
        m_server = test::shared_postgres(&why);
        if (!m_server) GTEST_SKIP() << why;
        m_uri = m_server->create_database();
    }
    test::PostgresServer* m_server = nullptr;
    std::string m_uri;
};

StoredRecord partnership(std::string id, std::int64_t revision) {
    return {RecordKind::partnership, id, revision, false, R"({"id":")" + id + R"("})"};
}

TEST(PostgresAddress, ThePasswordIsLeftOutOfTheDescription) {
    EXPECT_EQ(without_password("postgres://prd:s3cret@db.example.org:5432/registry?sslmode=require"),
              "postgres://prd@db.example.org:5432/registry?sslmode=require");
    EXPECT_EQ(without_password("postgresql://prd@db/registry?password=s3cret&sslmode=verify-full"),
              "postgresql://prd@db/registry?sslmode=verify-full");
    EXPECT_EQ(without_password("postgresql:///registry?host=/run/postgresql"),
              "postgresql:///registry?host=/run/postgresql");
    EXPECT_EQ(without_password("host=/run/postgresql password='a b\\' c' dbname=registry"),
              "host=/run/postgresql dbname=registry");
}

TEST_F(PostgresStoreTest, DescribesItselfWithoutThePassword) {
    // Trust authentication ignores the password; the description must not show it anyway.
    const std::string with_password = "postgresql://prd:s3cret@" + m_uri.substr(std::string("postgresql://").size());
    PostgresStore store(with_password);
    EXPECT_EQ(store.describe(), "postgresql://prd@" + with_password.substr(with_password.find('@') + 1));
}

TEST_F(PostgresStoreTest, AnAddressItCannotUseIsAClearError) {
    EXPECT_THROW(PostgresStore("postgresql://[::1"), StoreError);
    EXPECT_THROW(PostgresStore("postgresql:///registry?host=/nonexistent-prd-socket-dir"), StoreUnavailable);
}

TEST_F(PostgresStoreTest, TwoServersOpeningANewDatabaseAtOnceMakeOneSchema) {
    auto open = [this] { return std::make_unique<PostgresStore>(m_uri); };
    auto first = std::async(std::launch::async, open);
    auto second = std::async(std::launch::async, open);
    EXPECT_EQ(first.get()->revision(), 0);
    EXPECT_EQ(second.get()->revision(), 0);
    Sql sql(m_uri);
    EXPECT_EQ(sql.value("SELECT count(*) FROM schema_version"), "1");
    EXPECT_EQ(sql.value("SELECT count(*) FROM meta WHERE key = 'revision'"), "1");
}

TEST_F(PostgresStoreTest, ASchemaFromTheFutureIsRefused) {
    { PostgresStore store(m_uri); }
    Sql(m_uri).value("UPDATE schema_version SET version = 99");
    try {
        PostgresStore store(m_uri);
        FAIL() << "opened a store with a newer schema";
    } catch (const StoreError& e) {
        EXPECT_NE(std::string(e.what()).find("newer than this server understands"), std::string::npos) << e.what();
    }
}

TEST_F(PostgresStoreTest, OneServersWriteHoldsOffAnothersUntilItCommits) {
    PostgresStore a(m_uri);
    PostgresStore b(m_uri);
    a.commit(5, {partnership("p-1", 5)});
    ASSERT_EQ(a.begin_write(), 5);

    std::atomic<bool> b_began{false};
    auto b_write = std::async(std::launch::async, [&] {
        const auto revision = b.begin_write();
        b_began = true;
        b.end_write();  // on the thread that began it, as the store requires
        return revision;
    });
    // Wait until b really waits for a's row lock (not a fixed sleep), then check it has not begun.
    Sql sql(m_uri);
    const auto deadline = std::chrono::steady_clock::now() + 30s;
    while (sql.value("SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() "
                     "AND wait_event_type = 'Lock'") == "0") {
        ASSERT_LT(std::chrono::steady_clock::now(), deadline) << "b never waited for the lock";
        ASSERT_FALSE(b_began) << "b began a write while a held the lock";
        std::this_thread::sleep_for(5ms);
    }
    EXPECT_FALSE(b_began);

    a.commit(6, {partnership("p-1", 6)});
    EXPECT_EQ(b_write.get(), 6) << "b sees what a committed before it decides anything";
    EXPECT_THROW(b.commit(5, {partnership("p-1", 5)}), StoreError) << "b may not go back behind a's write";
    EXPECT_EQ(b.begin_write(), 6);
    b.commit(7, {partnership("p-2", 7)});
    EXPECT_EQ(a.revision(), 7);
    EXPECT_EQ(a.load_since(6).size(), 1u);
}

TEST_F(PostgresStoreTest, AWriteCannotBeBegunTwiceOnOneThread) {
    PostgresStore store(m_uri);
    store.begin_write();
    EXPECT_THROW(store.begin_write(), StoreError);
    store.end_write();
    store.end_write();  // nothing under way: nothing to end
    EXPECT_EQ(store.begin_write(), 0);
    store.end_write();
}

TEST_F(PostgresStoreTest, WaitingWakesOnAnotherServersCommit) {
    PostgresStore a(m_uri);
    PostgresStore b(m_uri);
    EXPECT_FALSE(a.wait_for_change(0, 1ms)) << "nothing written yet";
    auto woke = std::async(std::launch::async, [&] { return a.wait_for_change(0, 60s); });
    b.commit(1, {partnership("p-1", 1)});
    EXPECT_TRUE(woke.get());
    EXPECT_EQ(a.load_since(0).size(), 1u);

    // Its own commit, which the caller knows of, does not wake it.
    EXPECT_FALSE(a.wait_for_change(1, 1ms));
    a.commit(2, {});
    EXPECT_FALSE(a.wait_for_change(2, 20ms));
    EXPECT_TRUE(a.wait_for_change(1, 60s)) << "a caller that knows only revision 1 is told at once";
}

TEST_F(PostgresStoreTest, ConnectionsCutByTheDatabaseAreMadeAgain) {
    PostgresStore store(m_uri);
    store.commit(3, {partnership("p-1", 3)});
    EXPECT_FALSE(store.wait_for_change(3, 1ms));  // listening now
    Sql sql(m_uri);
    sql.value(
        "SELECT count(pg_terminate_backend(pid, 10000)) FROM pg_stat_activity "
        "WHERE datname = current_database() AND pid <> pg_backend_pid()");
    EXPECT_TRUE(store.wait_for_change(3, 60s)) << "it was not listening for a while: commits may have been missed";
    EXPECT_EQ(store.revision(), 3);
    store.commit(4, {partnership("p-2", 4)});
    PostgresStore other(m_uri);
    other.commit(5, {partnership("p-3", 5)});
    EXPECT_TRUE(store.wait_for_change(4, 60s));
    EXPECT_EQ(store.load_since(4).size(), 1u);
}

TEST_F(PostgresStoreTest, ServersShareRateLimitBuckets) {
    PostgresStore a(m_uri);
    PostgresStore b(m_uri);
    EXPECT_EQ(a.take_rate("addr:203.0.113.9", 2, 0.1), 0);
    EXPECT_EQ(b.take_rate("addr:203.0.113.9", 2, 0.1), 0);
    EXPECT_GT(a.take_rate("addr:203.0.113.9", 2, 0.1).value_or(0), 0);
    EXPECT_GT(b.take_rate("addr:203.0.113.9", 2, 0.1).value_or(0), 0);
}

TEST_F(PostgresStoreTest, BucketsIdleForAnHourAreDeleted) {
    { PostgresStore store(m_uri); }
    Sql sql(m_uri);
    sql.value(
        "INSERT INTO rate_buckets (key, tokens, updated_at) VALUES ('old', 0, now() - interval '2 hours'), "
        "('recent', 0, now() - interval '10 minutes')");
    PostgresStore store(m_uri);
    EXPECT_EQ(store.take_rate("new", 5, 1), 0);
    EXPECT_EQ(sql.value("SELECT string_agg(key, ',' ORDER BY key) FROM rate_buckets"), "new,recent");
}

TEST_F(PostgresStoreTest, ALargeCommitIsOneTransaction) {
    PostgresStore store(m_uri);
    std::vector<StoredRecord> records;
    for (int i = 0; i < 3000; ++i) records.push_back(partnership("p-" + std::to_string(i), 1));
    records.push_back(partnership("p-10", 1));  // stored once, the later one winning
    store.commit(1, records);
    EXPECT_EQ(store.load_all().size(), 3000u);
    std::size_t read = 0;
    store.read_public([&](RecordKind, std::string_view) { ++read; });
    EXPECT_EQ(read, 3000u) << "read_public fetches the cursor to its end";
    // A commit that fails on its last row keeps none of the others.
    records.back().kind = RecordKind::municipality;
    records.back().id = "bad-\xff";  // not UTF-8: PostgreSQL refuses the row
    for (auto& record : records) record.revision = 2;
    EXPECT_THROW(store.commit(2, records), StoreError);
    EXPECT_EQ(store.revision(), 1);
    EXPECT_EQ(store.load_since(1).size(), 0u);
}

// It stops and starts a server of its own, so the shared one is never down for other tests.
TEST(PostgresStoreOutage, TheStoreIsUnavailableWhileTheDatabaseIsDownAndWorksWhenItIsBack) {
    std::string why;
    if (!test::shared_postgres(&why)) GTEST_SKIP() << why;
    test::PostgresServer server;
    const auto uri = server.create_database();
    PostgresStore store(uri);
    store.commit(1, {partnership("p-1", 1)});
    EXPECT_FALSE(store.wait_for_change(1, 1ms));

    server.stop();
    EXPECT_THROW(store.revision(), StoreUnavailable);
    EXPECT_THROW(store.load_all(), StoreUnavailable);
    EXPECT_THROW(store.begin_write(), StoreUnavailable);
    EXPECT_THROW(store.commit(2, {partnership("p-2", 2)}), StoreUnavailable);
    EXPECT_THROW(store.take_rate("addr:x", 2, 1), StoreUnavailable);
    EXPECT_FALSE(store.wait_for_change(1, 10ms)) << "waits out the timeout, does not throw";
    EXPECT_THROW(PostgresStore another(uri), StoreUnavailable);

    server.start();
    EXPECT_EQ(store.revision(), 1) << "the same store object works again, no restart";
    store.commit(2, {partnership("p-2", 2)});
    EXPECT_EQ(store.load_all().size(), 2u);
    EXPECT_TRUE(store.wait_for_change(2, 60s)) << "commits may have been missed while it was down";
    EXPECT_FALSE(store.wait_for_change(2, 10ms));
}

}  // namespace
}  // namespace prd::server
