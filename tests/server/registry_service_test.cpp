// The registry service keeps dismissal lists out of public records: lists that earlier servers
// kept inside a municipality record are moved to the private table at startup, and a write that
// puts one back in a record is refused.
#include <gtest/gtest.h>

#include <sqlite3.h>

#include <nlohmann/json.hpp>

#include "api/api.hpp"
#include "api/registry_service.hpp"
#include "seed/default_registry.hpp"
#include "store/sqlite_store.hpp"
#include "old_schema.hpp"
#include "test_support.hpp"

namespace prd::server {
namespace {

using Json = nlohmann::json;

constexpr const char* kLviv = "UA46060250000025047";
constexpr const char* kPoznan = "PL-3088171";
constexpr const char* kDublin = "IE-2964574";

/// Leaves a data folder as a server from before the private table did: schema version 2, and
/// Lviv's public record carrying the list (one of whose entries cannot be read).
std::int64_t fill_the_old_way(const std::filesystem::path& dir) {
    Json lviv;
    std::int64_t revision = 0;
    {
        RegistryService seeded(std::make_unique<SqliteStore>(dir), default_snapshot());
        lviv = seeded.record(RecordKind::municipality, kLviv, Principal{});
        revision = seeded.revision() + 1;
    }
    lviv["dismissed_suggestions"] = {
        {"municipality", kLviv},
        {"entries",
         {{{"id", kPoznan}, {"reason", "declined"}, {"at", "2026-10-01T09:00:00Z"}},
          {{"id", kDublin}, {"reason", "hidden"}},
          {{"id", "PL-1"}, {"reason", "maybe"}}}}};
    lviv["revision"] = revision;
    {
        SqliteStore store(dir);
        store.commit(revision, {{RecordKind::municipality, kLviv, revision, false, lviv.dump()}});
    }
    sqlite3* db = nullptr;
    if (sqlite3_open((dir / "registry.sqlite3").c_str(), &db) != SQLITE_OK)
        throw std::runtime_error("cannot open the store");
    const int rc =
        sqlite3_exec(db, test::kBackToSchema2, nullptr, nullptr, nullptr);
    sqlite3_close(db);
    if (rc != SQLITE_OK) throw std::runtime_error("cannot make the store look old");
    return revision;
}

std::vector<std::string> ids(const DismissedSuggestions& list) {
    std::vector<std::string> out;
    for (const auto& entry : list.entries) out.push_back(entry.id);
    return out;
}

TEST(RegistryServiceMigration, MovesAListOutOfThePublicRecordWithARisingRevision) {
    test::TempDir dir;
    const auto old_revision = fill_the_old_way(dir.path());

    RegistryService service(std::make_unique<SqliteStore>(dir.path()), default_snapshot());
    EXPECT_EQ(service.dismissals_moved(), 1u);

    const auto list = service.dismissals(kLviv);
    EXPECT_EQ(ids(list), (std::vector<std::string>{kPoznan, kDublin})) << "the unreadable entry is left out";
    ASSERT_EQ(list.entries.size(), 2u);
    EXPECT_EQ(list.entries[0].reason, DismissedSuggestions::Reason::declined);
    EXPECT_EQ(list.entries[0].at, "2026-10-01T09:00:00Z");

    const auto lviv = service.record(RecordKind::municipality, kLviv, Principal{});
    EXPECT_FALSE(lviv.contains("dismissed_suggestions")) << lviv.dump();
    EXPECT_GT(lviv["revision"].get<std::int64_t>(), old_revision);
    EXPECT_EQ(service.snapshot()->json().find("dismissed_suggestions"), std::string::npos);

    // A client that synced before the move is sent the cleaned record.
    const auto delta = service.changes_since(old_revision, 100, Principal{});
    ASSERT_EQ(delta.entries.size(), 1u);
    EXPECT_EQ(delta.entries[0].id, kLviv);
    EXPECT_FALSE(delta.entries[0].record.contains("dismissed_suggestions"));
}

TEST(RegistryServiceMigration, ASecondStartMovesNothing) {
    test::TempDir dir;
    fill_the_old_way(dir.path());
    std::int64_t revision = 0;
    {
        RegistryService first(std::make_unique<SqliteStore>(dir.path()), default_snapshot());
        revision = first.revision();
    }
    RegistryService second(std::make_unique<SqliteStore>(dir.path()), default_snapshot());
    EXPECT_EQ(second.dismissals_moved(), 0u);
    EXPECT_EQ(second.revision(), revision);
    EXPECT_EQ(ids(second.dismissals(kLviv)), (std::vector<std::string>{kPoznan, kDublin}));
}

TEST(RegistryServiceMigration, NeitherTheSnapshotNorTheRecordShowTheListToAnyone) {
    test::TempDir dir;
    const auto old_revision = fill_the_old_way(dir.path());
    RegistryService service(std::make_unique<SqliteStore>(dir.path()), default_snapshot());
    const auto moderator = make_token(Role::moderator, "", "test", "2026-11-29T12:00:00Z");
    service.store().add_token(moderator.record);
    Api api(service);
    for (const std::string& authorization : {std::string(), "Bearer " + moderator.secret}) {
        for (const std::string& path :
             {std::string("/api/v1/snapshot"), std::string("/api/v1/municipalities/") + kLviv, std::string("/api/v1/changes")}) {
            ApiRequest request;
            request.path = path;
            request.query["since"] = std::to_string(old_revision - 1);
            if (!authorization.empty()) request.headers["Authorization"] = authorization;
            const auto response = api.handle(request);
            ASSERT_EQ(response.status, 200) << path;
            EXPECT_EQ(response.body.find("dismissed_suggestions"), std::string::npos) << path;
        }
    }
}

class PrivateFieldTest : public ::testing::Test {
protected:
    PrivateFieldTest()
        : m_service(std::make_unique<SqliteStore>(m_dir.path()), default_snapshot()),
          m_api(m_service, [] { return std::string("2026-11-29T12:00:00Z"); }) {
        auto token = make_token(Role::editor, kLviv, "test", "2026-11-29T12:00:00Z");
        m_service.store().add_token(token.record);
        m_token = token.secret;
    }

    Json lviv_with_list() {
        auto lviv = m_service.record(RecordKind::municipality, kLviv, Principal{});
        lviv["dismissed_suggestions"] = {{"municipality", kLviv},
                                         {"entries", {{{"id", kPoznan}, {"reason", "declined"}}}}};
        return lviv;
    }

    ApiResponse send(const std::string& method, const std::string& path, const Json& body,
                     std::map<std::string, std::string, CaseInsensitiveLess> headers = {}) {
        ApiRequest request;
        request.method = method;
        request.path = path;
        request.headers = std::move(headers);
        request.headers["Authorization"] = "Bearer " + m_token;
        request.body = body.dump();
        return m_api.handle(request);
    }

    test::TempDir m_dir;
    RegistryService m_service;
    Api m_api;
    std::string m_token;
};

TEST_F(PrivateFieldTest, APutWithTheListIsRefusedNamingTheFieldAndTheRule) {
    const auto before = m_service.revision();
    const auto lviv = lviv_with_list();
    const auto response = send("PUT", std::string("/api/v1/municipalities/") + kLviv, lviv,
                               {{"If-Match", "\"" + std::to_string(lviv["revision"].get<std::int64_t>()) + "\""}});
    EXPECT_EQ(response.status, 422) << response.body;
    const auto error = Json::parse(response.body)["error"];
    EXPECT_EQ(error["code"], "invalid");
    EXPECT_EQ(error["message"],
              std::string("dismissed_suggestions: kept privately; use /api/v1/municipalities/") + kLviv + "/dismissed");
    EXPECT_EQ(m_service.revision(), before);
    EXPECT_FALSE(m_service.record(RecordKind::municipality, kLviv, Principal{}).contains("dismissed_suggestions"));
}

TEST_F(PrivateFieldTest, ABatchWithTheListIsRefusedNamingTheField) {
    const auto lviv = lviv_with_list();
    const Json batch = {{"changes", {{{"client_change_id", "c1"}, {"kind", "municipality"}, {"op", "put"}, {"id", kLviv},
                                      {"base_revision", lviv["revision"]}, {"record", lviv}}}}};
    const auto response = send("POST", "/api/v1/changes", batch);
    ASSERT_EQ(response.status, 200) << response.body;
    const auto result = Json::parse(response.body)["results"][0];
    EXPECT_EQ(result["status"], "invalid");
    EXPECT_EQ(result["errors"][0]["field"], "dismissed_suggestions");
    EXPECT_NE(result["errors"][0]["message"].get<std::string>().find("/dismissed"), std::string::npos);
    EXPECT_FALSE(m_service.record(RecordKind::municipality, kLviv, Principal{}).contains("dismissed_suggestions"));
}

}  // namespace
}  // namespace prd::server
