#pragma once
// A follower: an instance that keeps a copy of another instance (its upstream, normally the
// national one) and forwards its own users' writes there. It does not talk HTTP itself: the host
// gives it a function that makes one call (server/http/http_client.hpp), and tests give it one
// that fails on purpose.
//
// Pulling: the upstream's snapshot once, then its /changes deltas through the core's SyncClient
// (with back-off and jitter when the upstream is down). Each upstream record is installed in the
// local registry as a local write with a local revision, so local clients never see upstream
// revisions; the upstream revision reached is stored with the records it brought, in one commit,
// so a restart resumes from there.
//
// Forwarding: every local write (profile edits and other record changes, proposals, their steps
// and messages) is applied locally at once and, in the same commit, queued in the store's outbox;
// a worker sends the queue in order with the instance's token. Record changes carry a client
// change id, steps their change_id and messages their id, so a resend after a lost answer is not
// applied twice upstream. What the upstream refuses or answers with a conflict stays in the outbox
// with its answer (GET /api/v1/federation/outbox, `partnership status`); the record then shows the
// upstream's version again. What a follower may write is decided by the upstream's permissions
// for its token, never by the follower.

#include <chrono>
#include <condition_variable>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>

#include <nlohmann/json.hpp>

#include "api/api.hpp"
#include "sync/sync_client.hpp"

namespace prd::server {

struct FollowerOptions {
    std::string upstream_url;  ///< e.g. http://national.example.org:8080 (shown in status)
    std::string token;         ///< the instance's bearer token on the upstream
    std::chrono::milliseconds interval{2000};     ///< between pulls while all is well
    std::chrono::milliseconds first_retry{1000};  ///< after the first failure; doubles per failure
    std::chrono::milliseconds max_retry{60000};
};

/// Makes one call to the upstream: the answer, or nothing (and `error` set) when none came.
using UpstreamFetch = std::function<std::optional<HttpReply>(const HttpCall& call, std::string& error)>;

class Follower {
public:
    /// Hooks into `registry` (local writes queue their forwarding) and `api` (GET
    /// /api/v1/federation/outbox, the "upstream" part of /api/v1/about, metrics). Both must
    /// outlive the follower. Nothing is fetched until start() or sync_once().
    Follower(RegistryService& registry, Api& api, FollowerOptions options, UpstreamFetch fetch);
    ~Follower();
    Follower(const Follower&) = delete;
    Follower& operator=(const Follower&) = delete;

    /// Runs the worker thread: forward, pull, wait, again, until stop().
    void start();
    /// Stops the worker after the call it is making; the outbox stays as stored.
    void stop();

    /// One round now, on the caller's thread (the worker must not be running): forwards what is
    /// queued, then pulls until up to date. True when every call succeeded.
    bool sync_once();

    /// Upstream, lag (revisions, seconds), last error and outbox counts, as /api/v1/about shows them.
    nlohmann::json status() const;

private:
    struct Key {
        RecordKind kind;
        std::string id;
        bool operator<(const Key& other) const {
            return kind != other.kind ? kind < other.kind : id < other.id;
        }
    };

    bool forward();
    bool forward_changes(const std::vector<OutboxItem>& items);
    bool forward_request(const OutboxItem& item);
    bool retry_later(const std::vector<OutboxItem>& items, const std::optional<HttpReply>& reply, const std::string& error);
    void settle(const OutboxItem& item, const OutboxItem& settled);
    void refresh(RecordKind kind, const std::string& id);
    bool pull();
    bool pull_snapshot();
    void install(std::vector<DeltaEntry> entries, std::optional<std::int64_t> upstream_revision);
    std::optional<HttpReply> call(const std::string& method, const std::string& path, const std::string& body,
                                  std::string& error);
    void failed(std::string error);
    void succeeded();
    std::chrono::milliseconds next_wait();
    void run();
    void add_reports(Api& api);       ///< follower_report.cpp
    void add_outbox_route(Api& api);  ///< follower_report.cpp

    RegistryService& m_registry;
    FollowerOptions m_options;
    UpstreamFetch m_fetch;
    std::unique_ptr<SyncClient> m_client;

    mutable std::mutex m_mutex;  ///< guards everything below; taken inside the registry's lock, never around it
    std::map<Key, std::int64_t> m_upstream_revisions;  ///< each record's revision upstream, as last known
    std::int64_t m_applied = 0;    ///< the upstream revision the local copy is complete up to
    std::int64_t m_head = 0;       ///< the highest upstream revision heard of
    std::string m_caught_up_at;    ///< when the local copy was last known complete
    std::chrono::steady_clock::time_point m_caught_up{};
    std::string m_last_error;
    std::string m_last_error_at;
    std::uint64_t m_errors = 0;
    std::uint64_t m_forwarded = 0;
    int m_failures = 0;
    bool m_stopping = false;
    bool m_wake = false;
    std::condition_variable m_changed;
    std::thread m_thread;
};

}  // namespace prd::server
