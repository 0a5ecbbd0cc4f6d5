// The push batch and its answer on the wire: what the server reads and the client reads back.

#include <gtest/gtest.h>

#include "sync/sync_protocol.hpp"

namespace prd {
namespace {

using nlohmann::json;

// Decodes `body` and returns the field the DecodeError names, or "(accepted)".
template <class Decode>
std::string refused_field(Decode decode, const char* body) {
    try {
        decode(json::parse(body));
    } catch (const DecodeError& error) {
        return error.field();
    }
    return "(accepted)";
}

TEST(SyncProtocol, PushRequestRoundTrips) {
    PushRequest request;
    Change put;
    put.client_change_id = "c-1";
    put.kind = RecordKind::municipality;
    put.id = "PL-3088171";
    put.base_revision = 4;
    put.record = {{"id", "PL-3088171"}};
    Change remove;
    remove.client_change_id = "c-2";
    remove.kind = RecordKind::partnership;
    remove.op = Change::Op::remove;
    remove.id = "kyiv-dublin-2022";
    remove.base_revision = 9;
    request.changes = {put, remove};

    const json encoded = to_json(request);
    EXPECT_EQ(encoded, json::parse(R"({"changes":[
        {"client_change_id":"c-1","kind":"municipality","op":"put","id":"PL-3088171","base_revision":4,
         "record":{"id":"PL-3088171"}},
        {"client_change_id":"c-2","kind":"partnership","op":"remove","id":"kyiv-dublin-2022","base_revision":9}]})"));
    const PushRequest decoded = push_request_from_json(encoded);
    ASSERT_EQ(decoded.changes.size(), 2u);
    EXPECT_EQ(decoded.changes[0].record, put.record);
    EXPECT_EQ(decoded.changes[1].op, Change::Op::remove);
    EXPECT_EQ(decoded.changes[1].kind, RecordKind::partnership);
    EXPECT_EQ(decoded.changes[1].base_revision, 9);
}

TEST(SyncProtocol, MalformedPushRequestNamesTheField) {
    EXPECT_EQ(refused_field(push_request_from_json, R"([])"), "");
    EXPECT_EQ(refused_field(push_request_from_json, R"({})"), "changes");
    EXPECT_EQ(refused_field(push_request_from_json, R"({"changes":[{"kind":"municipality","op":"put","id":"x","record":{}}]})"),
              "changes[0].client_change_id");
    EXPECT_EQ(refused_field(push_request_from_json,
                            R"({"changes":[{"client_change_id":"c","kind":"town","op":"put","id":"x","record":{}}]})"),
              "changes[0].kind");
    EXPECT_EQ(refused_field(push_request_from_json,
                            R"({"changes":[{"client_change_id":"c","kind":"municipality","op":"upsert","id":"x"}]})"),
              "changes[0].op");
    EXPECT_EQ(refused_field(push_request_from_json,
                            R"({"changes":[{"client_change_id":"c","kind":"municipality","op":"put","id":"x"}]})"),
              "changes[0].record");
    EXPECT_EQ(refused_field(push_request_from_json,
                            R"({"changes":[{"client_change_id":"c","kind":"municipality","op":"remove","id":"x","base_revision":-1}]})"),
              "changes[0].base_revision");
    EXPECT_EQ(refused_field(push_request_from_json,
                            R"({"changes":[{"client_change_id":"c","kind":"municipality","op":"remove","id":""}]})"),
              "changes[0].id");
}

TEST(SyncProtocol, PushResponseRoundTripsEveryStatus) {
    const json body = json::parse(R"({"revision":12,"results":[
        {"client_change_id":"a","status":"applied","revision":11},
        {"client_change_id":"b","status":"conflict","revision":7,"current":{"id":"PL-3088171"}},
        {"client_change_id":"c","status":"conflict","revision":0,"current":null},
        {"client_change_id":"d","status":"invalid","errors":[{"field":"population","rule":"must not be negative"}]},
        {"client_change_id":"e","status":"forbidden","message":"only a moderator can verify"}]})");
    const PushResponse response = push_response_from_json(body);
    EXPECT_EQ(response.revision, 12);
    ASSERT_EQ(response.results.size(), 5u);
    EXPECT_EQ(response.results[0].status, PushStatus::applied);
    EXPECT_EQ(response.results[0].revision, 11);
    EXPECT_EQ(response.results[1].status, PushStatus::conflict);
    EXPECT_EQ(response.results[1].current.at("id"), "PL-3088171");
    EXPECT_TRUE(response.results[2].current.is_null());
    EXPECT_EQ(response.results[3].errors, (ValidationErrors{{"population", "must not be negative"}}));
    EXPECT_EQ(response.results[4].status, PushStatus::forbidden);
    EXPECT_EQ(response.results[4].message, "only a moderator can verify");
    EXPECT_EQ(to_json(response), body);
}

TEST(SyncProtocol, PushResultFollowsTheRegistrysAnswer) {
    Change change;
    change.client_change_id = "c-9";
    ApplyResult conflict;
    conflict.status = ApplyResult::Status::conflict;
    conflict.revision = 3;
    conflict.current = {{"id", "x"}};
    const PushResult result = PushResult::from(change, conflict);
    EXPECT_EQ(result.client_change_id, "c-9");
    EXPECT_EQ(result.status, PushStatus::conflict);
    EXPECT_EQ(result.revision, 3);
    EXPECT_EQ(result.current, conflict.current);
}

TEST(SyncProtocol, MalformedPushResponseNamesTheField) {
    EXPECT_EQ(refused_field(push_response_from_json, R"({"results":[]})"), "revision");
    EXPECT_EQ(refused_field(push_response_from_json, R"({"revision":1,"results":[{"client_change_id":"a","status":"done"}]})"),
              "results[0].status");
    EXPECT_EQ(refused_field(push_response_from_json, R"({"revision":1,"results":[{"client_change_id":"a","status":"applied"}]})"),
              "results[0].revision");
    EXPECT_EQ(refused_field(push_response_from_json,
                            R"({"revision":1,"results":[{"client_change_id":"a","status":"invalid","errors":[{"field":"x"}]}]})"),
              "results[0].errors[0].rule");
}

TEST(SyncProtocol, ErrorBodiesAreReadOrShownAsSent) {
    const ApiError error = api_error_from_body(R"({"error":{"code":"rate_limited","message":"slow down"}})");
    EXPECT_EQ(error.code, "rate_limited");
    EXPECT_EQ(error.message, "slow down");
    EXPECT_EQ(api_error_from_body("<html>Bad Gateway</html>").message, "<html>Bad Gateway</html>");
    // A long body is cut at 200 bytes, never inside a UTF-8 character ("ї" is 2 bytes).
    const std::string long_body = std::string(199, 'a') + "їїї";
    EXPECT_EQ(api_error_from_body(long_body).message, std::string(199, 'a'));
    EXPECT_EQ(to_json(ApiError{"c", "m"}), json::parse(R"({"error":{"code":"c","message":"m"}})"));
}

TEST(SyncProtocol, ChangesPath) { EXPECT_EQ(changes_path("/api/v1", 42, 500), "/api/v1/changes?since=42&limit=500"); }

}  // namespace
}  // namespace prd
