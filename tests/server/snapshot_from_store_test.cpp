// The snapshot is made from the records' stored JSON, not from a copy of the registry: it must be
// byte for byte the registry's own encoding, and a store written by an earlier build (another JSON
// form of the same records) is brought to this build's form at start.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "api/registry_service.hpp"
#include "registry/record_json.hpp"
#include "seed/default_registry.hpp"
#include "store/sqlite_store.hpp"
#include "test_support.hpp"

namespace prd::server {
namespace {

constexpr const char* kLviv = "UA46060250000025047";

std::string encoded_in_memory(const RegistryService& service) {
    return service.read([](const Registry& registry) { return encode_snapshot(registry.snapshot()); });
}

Principal moderator() {
    Principal principal;
    principal.role = Role::moderator;
    principal.token_id = "tok_test";
    return principal;
}

TEST(SnapshotFromStore, IsTheRegistryEncodedAfterWritesAndRemovals) {
    test::TempDir dir;
    RegistryService service(std::make_unique<SqliteStore>(dir.path()), default_snapshot());
    EXPECT_EQ(service.snapshot()->json(), encoded_in_memory(service));

    auto lviv = service.record(RecordKind::municipality, kLviv, Principal{});
    lviv["contacts"]["person"] = "Олена Коваль";
    const auto partnership =
        service.read([](const Registry& registry) { return registry.partnerships().begin()->second; });
    const auto results = service.push(
        moderator(),
        {Change{RecordKind::municipality, Change::Op::put, kLviv, lviv["revision"].get<std::int64_t>(), lviv, "c1"},
         Change{RecordKind::partnership, Change::Op::remove, partnership.id, partnership.revision, nullptr, "c2"}},
        "2026-11-30T10:00:00Z");
    ASSERT_EQ(results.at(0).json["status"], "applied") << results.at(0).json.dump();
    ASSERT_EQ(results.at(1).json["status"], "applied") << results.at(1).json.dump();

    const auto snapshot = service.snapshot();
    EXPECT_EQ(snapshot->revision, service.revision());
    const auto text = snapshot->json();
    EXPECT_EQ(text, encoded_in_memory(service));
    EXPECT_NE(text.find("Олена Коваль"), std::string::npos);
    EXPECT_EQ(text.find("\"id\":\"" + partnership.id + "\""), std::string::npos) << "a removed record is not sent";
}

TEST(SnapshotFromStore, ATextWrittenByAnEarlierBuildIsRewrittenAtStartWithoutANewRevision) {
    test::TempDir dir;
    std::int64_t revision = 0;
    std::string lviv_text;
    {
        RegistryService service(std::make_unique<SqliteStore>(dir.path()), default_snapshot());
        revision = service.revision();
        lviv_text = service.record(RecordKind::municipality, kLviv, Principal{}).dump();
    }
    {
        // The same record in another JSON form (indented), as another build might have written it.
        SqliteStore store(dir.path());
        const auto record = nlohmann::json::parse(lviv_text);
        store.commit(revision, {{RecordKind::municipality, kLviv, record["revision"].get<std::int64_t>(), false,
                                 record.dump(2)}});
    }
    RegistryService service(std::make_unique<SqliteStore>(dir.path()), default_snapshot());
    EXPECT_EQ(service.revision(), revision);
    EXPECT_EQ(service.snapshot()->json(), encoded_in_memory(service));
    const auto stored = service.store().load_all();
    const auto lviv = std::find_if(stored.begin(), stored.end(), [](const StoredRecord& r) { return r.id == kLviv; });
    ASSERT_NE(lviv, stored.end());
    EXPECT_EQ(lviv->json, lviv_text);
    EXPECT_EQ(service.store().revision(), revision);
}

}  // namespace
}  // namespace prd::server
