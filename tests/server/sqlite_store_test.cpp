#include <gtest/gtest.h>

#include <sqlite3.h>

#include <fstream>

#include "store/sqlite_store.hpp"
#include "old_schema.hpp"
#include "test_support.hpp"

namespace prd::server {
namespace {

TEST(SqliteStore, ANewStoreIsEmptyAtRevisionZero) {
    test::TempDir dir;
    SqliteStore store(dir.path());
    EXPECT_EQ(store.revision(), 0);
    EXPECT_TRUE(store.load_all().empty());
}

TEST(SqliteStore, CommittedRecordsSurviveReopening) {
    test::TempDir dir;
    {
        SqliteStore store(dir.path());
        store.commit(7, {{RecordKind::municipality, "UA80000000000093317", 7, false, R"({"id":"UA80000000000093317"})"},
                         {RecordKind::partnership, "p-1", 5, false, R"({"id":"p-1"})"}});
        store.commit(8, {{RecordKind::partnership, "p-1", 8, true, ""}});
    }
    SqliteStore reopened(dir.path());
    EXPECT_EQ(reopened.revision(), 8);
    const auto records = reopened.load_all();
    ASSERT_EQ(records.size(), 2u);
    EXPECT_EQ(records[0].kind, RecordKind::municipality);
    EXPECT_EQ(records[0].json, R"({"id":"UA80000000000093317"})");
    EXPECT_EQ(records[1].id, "p-1");
    EXPECT_TRUE(records[1].removed);
    EXPECT_EQ(records[1].revision, 8);
}

TEST(SqliteStore, UsesWalAndRefusesASchemaFromTheFuture) {
    test::TempDir dir;
    { SqliteStore store(dir.path()); }
    sqlite3* db = nullptr;
    ASSERT_EQ(sqlite3_open((dir.path() / "registry.sqlite3").c_str(), &db), SQLITE_OK);
    sqlite3_stmt* stmt = nullptr;
    sqlite3_prepare_v2(db, "PRAGMA journal_mode", -1, &stmt, nullptr);
    ASSERT_EQ(sqlite3_step(stmt), SQLITE_ROW);
    EXPECT_STREQ(reinterpret_cast<const char*>(sqlite3_column_text(stmt, 0)), "wal");
    sqlite3_finalize(stmt);
    sqlite3_exec(db, "PRAGMA user_version=99", nullptr, nullptr, nullptr);
    sqlite3_close(db);
    try {
        SqliteStore store(dir.path());
        FAIL() << "opened a store with a newer schema";
    } catch (const StoreError& e) {
        EXPECT_NE(std::string(e.what()).find("newer than this server understands"), std::string::npos) << e.what();
    }
}

TEST(SqliteStore, DismissalListsAreKeptApartFromTheRecordsAndSurviveReopening) {
    test::TempDir dir;
    {
        SqliteStore store(dir.path());
        store.commit(4, {}, {},
                     {{"UA46060250000025047", R"({"entries":[{"id":"PL-3088171"}]})"}, {"PL-3088171", R"({"entries":[]})"}});
        store.commit(4, {}, {}, {{"PL-3088171", ""}});
    }
    SqliteStore reopened(dir.path());
    EXPECT_EQ(reopened.find_dismissals("UA46060250000025047"), R"({"entries":[{"id":"PL-3088171"}]})");
    EXPECT_EQ(reopened.find_dismissals("PL-3088171"), std::nullopt) << "an empty list deletes the row";
    EXPECT_TRUE(reopened.load_all().empty()) << "a dismissal list is not a public record";
    EXPECT_EQ(reopened.revision(), 4);
}

TEST(SqliteStore, AStoreFromBeforeTheDismissalTableIsUpgraded) {
    test::TempDir dir;
    { SqliteStore store(dir.path()); }
    sqlite3* db = nullptr;
    ASSERT_EQ(sqlite3_open((dir.path() / "registry.sqlite3").c_str(), &db), SQLITE_OK);
    ASSERT_EQ(sqlite3_exec(db, test::kBackToSchema2, nullptr, nullptr, nullptr),
              SQLITE_OK);
    sqlite3_close(db);
    SqliteStore upgraded(dir.path());
    upgraded.commit(1, {}, {}, {{"UA46060250000025047", "{}"}});
    EXPECT_EQ(upgraded.find_dismissals("UA46060250000025047"), "{}");
}

TEST(SqliteStore, AnUnwritableDataFolderIsAClearError) {
    test::TempDir dir;
    const auto file = dir.path() / "not-a-folder";
    { std::ofstream(file) << "x"; }
    EXPECT_THROW(SqliteStore store(file / "data"), StoreError);
}

}  // namespace
}  // namespace prd::server
