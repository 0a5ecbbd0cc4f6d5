// GET and POST /api/v1/changes: paging, conflicts, idempotent retries, and clear errors.
#include <gtest/gtest.h>

#include <set>

#include <nlohmann/json.hpp>

#include "api/api.hpp"
#include "seed/default_registry.hpp"
#include "store/sqlite_store.hpp"
#include "test_support.hpp"

namespace prd::server {
namespace {

using Json = nlohmann::json;
constexpr const char* kKyiv = "UA80000000000093317";

class ChangesApiTest : public ::testing::Test {
protected:
    ChangesApiTest()
        : m_service(std::make_unique<SqliteStore>(m_dir.path()), default_snapshot()),
          m_api(m_service, [] { return std::string("2026-11-29T12:00:00Z"); }) {
        auto token = make_token(Role::moderator, "", "test", "2026-11-29T12:00:00Z");
        m_service.store().add_token(token.record);
        m_token = token.secret;
    }

    ApiResponse get(const std::string& path, std::map<std::string, std::string> query = {}) {
        ApiRequest request;
        request.path = path;
        request.query = std::move(query);
        return m_api.handle(request);
    }

    ApiResponse post(const std::string& body) {
        ApiRequest request;
        request.method = "POST";
        request.path = "/api/v1/changes";
        request.headers["Authorization"] = "Bearer " + m_token;
        request.body = body;
        return m_api.handle(request);
    }

    Json kyiv() { return Json::parse(get(std::string("/api/v1/municipalities/") + kKyiv).body); }

    Json put_kyiv(const std::string& client_id, std::int64_t base, const std::string& description) {
        auto record = kyiv();
        record["description"]["en"] = description;
        return {{"client_change_id", client_id}, {"kind", "municipality"}, {"op", "put"}, {"id", kKyiv},
                {"base_revision", base}, {"record", record}};
    }

    test::TempDir m_dir;
    RegistryService m_service;
    Api m_api;
    std::string m_token;
};

TEST_F(ChangesApiTest, AnUpToDateClientGetsAnEmptyAnswer) {
    const auto revision = m_service.revision();
    const auto answer = Json::parse(get("/api/v1/changes", {{"since", std::to_string(revision)}}).body);
    EXPECT_EQ(answer["revision"], revision);
    EXPECT_EQ(answer["more"], false);
    EXPECT_TRUE(answer["changes"].empty());
}

TEST_F(ChangesApiTest, PagesCoverEveryRecordOnce) {
    std::int64_t since = 0;
    std::set<std::string> seen;
    for (int page = 0; page < 1000; ++page) {
        const auto answer = Json::parse(get("/api/v1/changes", {{"since", std::to_string(since)}, {"limit", "1000"}}).body);
        for (const auto& change : answer["changes"]) EXPECT_TRUE(seen.insert(change["id"].get<std::string>()).second);
        since = answer["revision"].get<std::int64_t>();
        if (!answer["more"].get<bool>()) break;
    }
    const auto counts = m_service.counts();
    EXPECT_EQ(seen.size(), counts.municipalities + counts.partnerships + counts.announcements);
    EXPECT_EQ(since, m_service.revision());
}

TEST_F(ChangesApiTest, ABatchAppliesOneAndReportsTheOtherAsAConflict) {
    const auto base = kyiv()["revision"].get<std::int64_t>();
    const Json batch = {{"changes", {put_kyiv("c1", base, "first"), put_kyiv("c2", base, "second")}}};
    const auto answer = Json::parse(post(batch.dump()).body);
    ASSERT_EQ(answer["results"].size(), 2u);
    EXPECT_EQ(answer["results"][0]["status"], "applied");
    EXPECT_EQ(answer["results"][1]["status"], "conflict");
    EXPECT_EQ(answer["results"][1]["current"]["description"]["en"], "first");
    EXPECT_EQ(kyiv()["description"]["en"], "first");
}

TEST_F(ChangesApiTest, ARetriedBatchIsNotAppliedTwice) {
    const auto base = kyiv()["revision"].get<std::int64_t>();
    const Json batch = {{"changes", {put_kyiv("retry-1", base, "once")}}};
    const auto first = Json::parse(post(batch.dump()).body);
    const auto revision = m_service.revision();
    const auto again = Json::parse(post(batch.dump()).body);
    EXPECT_EQ(again["results"], first["results"]);
    EXPECT_EQ(m_service.revision(), revision);
}

TEST_F(ChangesApiTest, AcknowledgedChangesSurviveARestart) {
    const auto base = kyiv()["revision"].get<std::int64_t>();
    ASSERT_EQ(Json::parse(post(Json{{"changes", {put_kyiv("p1", base, "kept")}}}.dump()).body)["results"][0]["status"], "applied");
    RegistryService reopened(std::make_unique<SqliteStore>(m_dir.path()), Snapshot{});
    EXPECT_EQ(reopened.revision(), m_service.revision());
    EXPECT_EQ(reopened.record(RecordKind::municipality, kKyiv, Principal{})["description"]["en"], "kept");
}

TEST_F(ChangesApiTest, AnInvalidRecordNamesTheFieldAndNothingIsLost) {
    auto change = put_kyiv("bad", kyiv()["revision"].get<std::int64_t>(), "x");
    change["record"]["population"] = -5;
    const auto answer = Json::parse(post(Json{{"changes", {change}}}.dump()).body);
    EXPECT_EQ(answer["results"][0]["status"], "invalid");
    EXPECT_EQ(answer["results"][0]["errors"][0]["field"], "population");
    EXPECT_EQ(kyiv()["population"], 2952301);
}

TEST_F(ChangesApiTest, MalformedBatchesAreClear400s) {
    const std::vector<std::pair<std::string, std::string>> cases = {
        {"{not json", "body"},
        {"[1,2]", "body"},
        {R"({"changes": 3})", "changes"},
        {R"({"changes": [{"client_change_id": "x", "kind": "spaceship", "id": "a", "record": {}}]})", "changes[0].kind"},
        {R"({"changes": [{"client_change_id": "x", "kind": "municipality", "id": "a", "op": "merge"}]})", "changes[0].op"},
        {R"({"changes": [{"client_change_id": "x", "kind": "municipality", "id": "a"}]})", "changes[0].record"},
        {R"({"changes": [{"client_change_id": 5, "kind": "municipality", "id": "a"}]})", "changes[0].client_change_id"},
        {R"({"changes": [{"client_change_id": "x", "kind": "municipality", "id": "a", "base_revision": "7", "record": {}}]})",
         "changes[0].base_revision"},
    };
    for (const auto& [body, field] : cases) {
        const auto response = post(body);
        EXPECT_EQ(response.status, 400) << body;
        const auto message = Json::parse(response.body)["error"]["message"].get<std::string>();
        EXPECT_EQ(message.rfind(field + ":", 0), 0u) << message;
    }
    Json many = {{"changes", Json::array()}};
    for (int i = 0; i < 501; ++i) many["changes"].push_back(put_kyiv("m" + std::to_string(i), 0, "x"));
    EXPECT_EQ(post(many.dump()).status, 413);
    EXPECT_EQ(get("/api/v1/changes", {{"since", "-1"}}).status, 400);
    EXPECT_EQ(get("/api/v1/changes", {{"limit", "0"}}).status, 400);
}

}  // namespace
}  // namespace prd::server
