// A write followed by a snapshot being encoded must not stall anyone else: reads, writes and other
// snapshot readers go on while the new revision is compressed.
#include <gtest/gtest.h>

#include <future>

#include <nlohmann/json.hpp>

#include "api/index_cache.hpp"
#include "api/registry_service.hpp"
#include "seed/default_registry.hpp"
#include "store/sqlite_store.hpp"
#include "test_support.hpp"

namespace prd::server {
namespace {

constexpr const char* kKyiv = "UA80000000000093317";

TEST(SnapshotStall, ReadersAndWritersGoOnWhileASnapshotIsEncoded) {
    test::TempDir dir;
    RegistryService service(std::make_unique<SqliteStore>(dir.path()), default_snapshot());
    const auto before = service.snapshot();

    std::promise<void> entered, release;
    auto released = release.get_future().share();
    bool first = true;
    service.before_encoding_snapshots([&] {
        if (first) {
            first = false;
            entered.set_value();
            released.wait();  // the encoder of the new revision is stuck here until the test is done
        }
    });

    Principal moderator{Role::moderator, "", "tok_test", "test"};
    const auto edit = [&](const std::string& text) {
        auto kyiv = service.record(RecordKind::municipality, kKyiv, moderator);
        kyiv["description"]["en"] = text;
        const Change change{
            RecordKind::municipality, Change::Op::put, kKyiv, kyiv["revision"].get<std::int64_t>(), kyiv, {}};
        return service.push(moderator, {change}, "2026-12-01T10:00:00Z").front().json.value("status", "");
    };
    ASSERT_EQ(edit("first"), "applied");
    auto encoder = std::async(std::launch::async, [&] { return service.snapshot(); });
    entered.get_future().wait();

    auto others = std::async(std::launch::async, [&] {
        const auto revision = service.revision();
        const auto delta = service.changes_since(revision - 1, 10, Principal{});
        const auto snapshot = service.snapshot();  // the previous revision, at once
        const auto status = edit("second");
        return std::tuple{delta.entries.size(), snapshot->revision, status};
    });
    const bool answered = others.wait_for(std::chrono::seconds(20)) == std::future_status::ready;
    release.set_value();
    ASSERT_TRUE(answered) << "a reader or a writer waited for the snapshot being encoded";
    const auto [entries, revision, status] = others.get();
    EXPECT_EQ(entries, 1u);
    EXPECT_EQ(revision, before->revision);
    EXPECT_EQ(status, "applied");
    EXPECT_EQ(encoder.get()->revision, before->revision + 1);
    EXPECT_EQ(service.snapshot()->revision, service.revision());
}

TEST(SnapshotStall, SearchesGoOnWithThePreviousIndexWhileTheNewOneIsBuilt) {
    test::TempDir dir;
    RegistryService service(std::make_unique<SqliteStore>(dir.path()), default_snapshot());
    IndexCache cache(service);
    const auto before = cache.current();
    std::promise<void> entered, release;
    auto released = release.get_future().share();
    bool first = true;
    cache.before_indexing([&] {
        if (first) {
            first = false;
            entered.set_value();
            released.wait();
        }
    });
    Principal moderator{Role::moderator, "", "tok_test", "test"};
    auto kyiv = service.record(RecordKind::municipality, kKyiv, moderator);
    kyiv["description"]["en"] = "edited";
    const Change change{
        RecordKind::municipality, Change::Op::put, kKyiv, kyiv["revision"].get<std::int64_t>(), kyiv, {}};
    ASSERT_EQ(service.push(moderator, {change}, "2026-12-01T10:00:00Z").front().json.value("status", ""), "applied");
    auto builder = std::async(std::launch::async, [&] { return cache.current(); });
    entered.get_future().wait();
    auto other = std::async(std::launch::async, [&] { return cache.current(); });
    const bool answered = other.wait_for(std::chrono::seconds(20)) == std::future_status::ready;
    release.set_value();
    ASSERT_TRUE(answered) << "a search waited for the index being built";
    EXPECT_EQ(other.get(), before);
    EXPECT_NE(builder.get(), before);
}

}  // namespace
}  // namespace prd::server
