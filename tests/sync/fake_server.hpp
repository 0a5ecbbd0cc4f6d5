#pragma once
// An in-process stand-in for the sync server: it answers the client's HttpCalls with the same core
// code the real server runs (Registry::apply, Registry::changes_since and the sync_protocol codec),
// without sockets, so the client's state machine can be driven step by step and interrupted at will.

#include <cstdint>
#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "../core/fixtures.hpp"  // foreign(): a minimal valid foreign municipality
#include "model/json_codec.hpp"
#include "registry/registry.hpp"
#include "sync/sync_client.hpp"
#include "sync/sync_protocol.hpp"

namespace prd::test {

class FakeServer {
public:
    Registry registry;
    std::string now = "2024-05-01T12:00:00Z";
    std::string token = "secret";  ///< POST needs "Bearer <token>"
    int gets = 0;
    int posts = 0;
    std::optional<int> rate_limit_next;  ///< answer the next call 429 with Retry-After: this many seconds

    /// Stores `record` as another writer would, bypassing any client.
    std::int64_t put(const Municipality& record) {
        Change change;
        change.kind = RecordKind::municipality;
        change.id = record.id;
        const Municipality* existing = registry.find_municipality(record.id);
        change.base_revision = existing ? existing->revision : 0;
        change.record = to_json(record);
        const ApplyResult result = registry.apply(change, now);
        return result.revision;
    }

    HttpReply handle(const HttpCall& call) {
        if (rate_limit_next) {
            HttpReply reply = error(429, "rate_limited", "too many requests");
            reply.headers.emplace_back("Retry-After", std::to_string(*rate_limit_next));
            rate_limit_next.reset();
            return reply;
        }
        const std::string prefix = "/api/v1/changes";
        if (call.method == "GET" && call.path.rfind(prefix + "?", 0) == 0) return get_changes(call.path.substr(prefix.size() + 1));
        if (call.method == "POST" && call.path == prefix) return post_changes(call);
        return error(404, "not_found", "no such route " + call.path);
    }

private:
    static HttpReply error(int status, const std::string& code, const std::string& message) {
        return {status, to_json(ApiError{code, message}).dump(), {{"Content-Type", "application/json"}}};
    }

    static std::int64_t query_number(const std::string& query, const std::string& key, std::int64_t fallback) {
        const std::string needle = key + "=";
        std::size_t at = query.rfind(needle, 0) == 0 ? 0 : query.find("&" + needle);
        if (at == std::string::npos) return fallback;
        if (at != 0) at += 1;
        return std::stoll(query.substr(at + needle.size()));
    }

    HttpReply get_changes(const std::string& query) {
        ++gets;
        const std::int64_t since = query_number(query, "since", 0);
        const std::int64_t limit = query_number(query, "limit", 1000);
        const Delta delta = registry.changes_since(since, static_cast<std::size_t>(limit));
        return {200, to_json(delta).dump(), {{"Content-Type", "application/json"}}};
    }

    HttpReply post_changes(const HttpCall& call) {
        ++posts;
        if (find_header(call.headers, "authorization") != "Bearer " + token) return error(401, "unauthorized", "a token is needed");
        PushRequest request;
        try {
            request = push_request_from_json(nlohmann::json::parse(call.body));
        } catch (const DecodeError& e) {
            return error(400, "bad_request", e.what());
        }
        PushResponse response;
        for (const PushItem& item : request.changes) response.results.push_back(PushResult::from(item, registry.apply(item, now)));
        response.revision = registry.revision();
        return {200, to_json(response).dump(), {{"Content-Type", "application/json"}}};
    }
};

/// Answers the client's calls until it has nothing more to ask; returns how many calls it made.
/// A client that keeps failing stops the loop after `max_calls`.
inline int run(SyncClient& client, FakeServer& server, int max_calls = 100) {
    int calls = 0;
    while (calls < max_calls) {
        std::optional<HttpCall> call = client.next_call();
        if (!call) break;
        ++calls;
        client.on_response(server.handle(*call));
    }
    return calls;
}

}  // namespace prd::test
