// Authentication before everything else, and conditional requests as RFC 9110 defines them.
#include <gtest/gtest.h>

#include <atomic>
#include <thread>
#include <vector>

#include <nlohmann/json.hpp>

#include "api/api.hpp"
#include "api/conditional.hpp"
#include "seed/default_registry.hpp"
#include "store/sqlite_store.hpp"
#include "test_support.hpp"

namespace prd::server {
namespace {

using Json = nlohmann::json;
using Headers = std::map<std::string, std::string, CaseInsensitiveLess>;
constexpr const char* kKyiv = "UA80000000000093317";

class ConditionalTest : public ::testing::Test {
protected:
    ConditionalTest() : m_service(std::make_unique<SqliteStore>(m_dir.path()), default_snapshot()), m_api(m_service) {
        auto token = make_token(Role::moderator, "", "test", "2026-11-29T12:00:00Z");
        m_service.store().add_token(token.record);
        m_moderator = "Bearer " + token.secret;
    }

    ApiResponse call(const std::string& method, const std::string& path, Headers headers = {}, std::string body = {}) {
        ApiRequest request;
        request.method = method;
        request.path = path;
        request.headers = std::move(headers);
        request.body = std::move(body);
        return m_api.handle(request);
    }

    static std::string header(const ApiResponse& response, const std::string& name) {
        for (const auto& [n, v] : response.headers)
            if (n == name) return v;
        return {};
    }

    std::string kyiv_path() const { return std::string("/api/v1/municipalities/") + kKyiv; }
    Json kyiv() { return Json::parse(call("GET", kyiv_path()).body); }
    std::string kyiv_revision() { return std::to_string(kyiv()["revision"].get<std::int64_t>()); }

    test::TempDir m_dir;
    RegistryService m_service;
    Api m_api;
    std::string m_moderator;
};

TEST_F(ConditionalTest, AnonymousWritesAre401BeforeAnythingElseIsLookedAt) {
    // Without If-Match (was 428), with a broken body (was 400), on routes that do not exist (was 404).
    EXPECT_EQ(call("PUT", kyiv_path()).status, 401);
    EXPECT_EQ(call("PUT", kyiv_path(), {{"If-Match", "\"1\""}}, "{not json").status, 401);
    EXPECT_EQ(call("PUT", kyiv_path(), {{"If-Match", "nonsense"}}).status, 401);
    EXPECT_EQ(call("POST", "/api/v1/changes", {}, "[]").status, 401);
    EXPECT_EQ(call("DELETE", kyiv_path() + "/dismissed/UA46060250000025047").status, 401);
    EXPECT_EQ(call("POST", "/api/v1/no-such-route").status, 401);
    const auto response = call("PATCH", "/api/v1/proposals/x", {}, "{}");
    EXPECT_EQ(response.status, 401);
    EXPECT_EQ(header(response, "WWW-Authenticate"), "Bearer");
    // A caller with a token still gets the precise answers.
    EXPECT_EQ(call("PUT", kyiv_path(), {{"Authorization", m_moderator}}).status, 428);
}

TEST_F(ConditionalTest, IfNoneMatchUsesWeakComparisonListsAndStar) {
    const auto first = call("GET", "/api/v1/snapshot");
    const auto tag = header(first, "ETag");
    ASSERT_FALSE(tag.empty());
    for (const std::string& value :
         {tag, "W/" + tag, "\"0\", " + tag, "\"0\",W/" + tag + " , \"1\"", std::string("*")}) {
        const auto response = call("GET", "/api/v1/snapshot", {{"If-None-Match", value}});
        EXPECT_EQ(response.status, 304) << value;
        EXPECT_EQ(header(response, "ETag"), tag) << value;
        EXPECT_EQ(header(response, "Vary"), "Accept-Encoding") << value;
    }
    for (const char* value : {"\"0\"", "W/\"0\", \"1\"", "garbage"})
        EXPECT_EQ(call("GET", "/api/v1/snapshot", {{"If-None-Match", value}}).status, 200) << value;
}

TEST_F(ConditionalTest, GzipAndIdentityHaveDistinctTagsAndEitherIsUpToDate) {
    const auto plain = call("GET", "/api/v1/snapshot");
    const auto zipped = call("GET", "/api/v1/snapshot", {{"Accept-Encoding", "gzip"}});
    ASSERT_EQ(header(zipped, "Content-Encoding"), "gzip");
    EXPECT_NE(header(plain, "ETag"), header(zipped, "ETag"));
    EXPECT_EQ(header(plain, "Vary"), "Accept-Encoding");
    EXPECT_EQ(header(zipped, "Vary"), "Accept-Encoding");
    const auto revalidated =
        call("GET", "/api/v1/snapshot", {{"Accept-Encoding", "gzip"}, {"If-None-Match", header(plain, "ETag")}});
    EXPECT_EQ(revalidated.status, 304);
    EXPECT_EQ(header(revalidated, "ETag"), header(zipped, "ETag"));
}

TEST_F(ConditionalTest, IfMatchUsesStrongComparison) {
    auto body = kyiv();
    body["description"]["en"] = "weak";
    const Headers weak = {{"Authorization", m_moderator}, {"If-Match", "W/\"" + kyiv_revision() + "\""}};
    EXPECT_EQ(call("PUT", kyiv_path(), weak, body.dump()).status, 412);
    const Headers listed = {{"Authorization", m_moderator}, {"If-Match", "\"1\", \"" + kyiv_revision() + "\""}};
    EXPECT_EQ(call("PUT", kyiv_path(), listed, body.dump()).status, 200);
    body = kyiv();
    body["description"]["en"] = "any";
    EXPECT_EQ(call("PUT", kyiv_path(), {{"Authorization", m_moderator}, {"If-Match", "*"}}, body.dump()).status, 200);
    EXPECT_EQ(kyiv()["description"]["en"], "any");
    EXPECT_EQ(call("PUT", kyiv_path(), {{"Authorization", m_moderator}, {"If-Match", "\"1"}}, body.dump()).status, 400);
    EXPECT_EQ(
        call("PUT", "/api/v1/municipalities/XX0", {{"Authorization", m_moderator}, {"If-Match", "*"}}, body.dump())
            .status,
        412);
}

TEST_F(ConditionalTest, IfMatchAnyNeverFailsForAnotherWriteComingBetween) {
    // `*` asks only that the record exists: writers racing on one record all succeed (the bench
    // found some of four such writers refused with 412 when the check and the write were apart).
    const auto body = kyiv().dump();
    std::atomic<int> refused{0};
    std::vector<std::thread> writers;
    for (int w = 0; w < 4; ++w) {
        writers.emplace_back([&] {
            for (int i = 0; i < 12; ++i) {  // 48 writes: within the token's burst of 60
                const auto status =
                    call("PUT", kyiv_path(), {{"Authorization", m_moderator}, {"If-Match", "*"}}, body).status;
                if (status != 200) ++refused;
            }
        });
    }
    for (auto& writer : writers) writer.join();
    EXPECT_EQ(refused.load(), 0);
}

TEST(EntityTags, ParsedAsTheStandardWritesThem) {
    const auto list = parse_tag_list(" W/\"a\" ,\"b\",, \"\"");
    ASSERT_TRUE(list);
    ASSERT_EQ(list->tags.size(), 3u);
    EXPECT_TRUE(list->tags[0].weak);
    EXPECT_EQ(list->tags[1].opaque, "b");
    EXPECT_EQ(list->tags[2].opaque, "");
    EXPECT_TRUE(parse_tag_list("*")->any);
    for (const char* bad : {"", "a", "\"a", "\"a\" \"b\"", "w/\"a\"", "*, \"a\"", "\"a b\""})
        EXPECT_FALSE(parse_tag_list(bad)) << bad;
    EXPECT_EQ(strong_revision("\"42\""), 42);
    EXPECT_FALSE(strong_revision("W/\"42\""));
    EXPECT_FALSE(strong_revision("\"4x\""));
    EXPECT_TRUE(if_match_passes("\"7\"", EntityTag{false, "7"}));
    EXPECT_FALSE(if_match_passes("\"7\"", EntityTag{true, "7"}));
    EXPECT_FALSE(if_match_passes("*", std::nullopt));
}

}  // namespace
}  // namespace prd::server
