#pragma once
// The client side of the sync protocol as a state machine that does no I/O: it says which HTTP
// request to make next and is told what came back. The host performs the requests (httplib
// natively, fetch in the browser), waits retry_after_ms() before a retry, and stores save_state()
// wherever it keeps data (IndexedDB in the browser) so a sync resumes where it stopped.
//
// A sync pushes the outbox (local changes not yet acknowledged) and then pulls the server's
// changes since the mirror's revision until it is up to date. A client with nothing to push that is
// already up to date makes exactly one request.

#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "model/types.hpp"
#include "registry/registry.hpp"
#include "sync/sync_mirror.hpp"
#include "sync/sync_protocol.hpp"
#include "validation/validate.hpp"

namespace prd {

using HttpHeaders = std::vector<std::pair<std::string, std::string>>;

/// A request for the host to make. `path` includes the query; `body` is empty for GET.
struct HttpCall {
    std::string method;
    std::string path;
    std::string body;
    HttpHeaders headers;
};

/// What came back. Any status counts as a response; a connection that failed is on_failure().
struct HttpReply {
    int status = 0;
    std::string body;
    HttpHeaders headers;
};

/// The value of the first header named `name` (compared without regard to case).
std::optional<std::string> find_header(const HttpHeaders& headers, std::string_view name);

struct SyncOptions {
    std::string api_prefix = "/api/v1";
    std::size_t pull_limit = 500;        ///< entries per page of GET /changes
    std::size_t push_batch = 100;        ///< changes per POST /changes (halved after a 413)
    std::int64_t first_retry_ms = 1000;  ///< the wait after the first failure; doubles per failure
    std::int64_t max_retry_ms = 5 * 60 * 1000;
    /// False: the mirror keeps only proposals, and public records go to the pull listener alone
    /// (a host that keeps its own Registry, like the browser app, need not hold a second copy).
    bool mirror_public_records = true;
};

/// A local change waiting for the server. `sent` is set once it went out in a request: from then
/// on it keeps its content and client_change_id, so resending it cannot apply it twice.
struct PendingChange {
    Change change;
    bool sent = false;
};

/// A change the server refused because the record changed under it, kept for the user to settle.
struct SyncConflict {
    Change mine;
    std::int64_t server_revision = 0;  ///< the record's revision on the server (0: it does not exist)
    nlohmann::json theirs;             ///< the server's record, null when it does not exist
};

/// A change the server will never apply as it is (invalid or forbidden), kept to show the user.
struct RejectedChange {
    Change change;
    PushStatus status = PushStatus::invalid;
    ValidationErrors errors;  ///< invalid: the fields and rules; forbidden: one error with field ""
};

/// Why the last request failed. status 0: the network (no HTTP answer); 1: a malformed answer.
struct SyncError {
    int status = 0;
    std::string code;
    std::string message;
};

enum class SyncPhase {
    idle,     ///< nothing to do until sync() is called
    pushing,  ///< sending the outbox
    pulling,  ///< fetching changes since revision()
    stopped,  ///< a failure that retrying will not cure (e.g. 401/403): see last_error(); sync() restarts
};

class SyncClient {
public:
    /// Makes a unique client change id; the host's UUID generator in the browser.
    using IdGenerator = std::function<std::string()>;

    /// `client_id` must be unique per installation: without an IdGenerator, change ids are
    /// "<client_id>-<n>" with a counter kept in the saved state. Throws std::invalid_argument when
    /// it is empty.
    explicit SyncClient(std::string client_id, SyncOptions options = {});

    void set_id_generator(IdGenerator generator) { m_make_id = std::move(generator); }
    /// Called with every entry a pull brings, in the server's order, after the mirror took it
    /// (removals included, as entries with `removed` set).
    using PullListener = std::function<void(const DeltaEntry&)>;
    void set_pull_listener(PullListener listener) { m_on_pulled = std::move(listener); }
    /// The host already holds the server's records up to `revision` (a snapshot it loaded itself,
    /// or its own stored copy): pulls continue from there. Ignored while a sync runs or when the
    /// mirror is already further on.
    void start_from(std::int64_t revision);
    /// Sent as "Authorization: Bearer <token>" with every request (the feed carries private
    /// proposals only to their editors); empty sends none.
    void set_token(std::string token) { m_token = std::move(token); }

    // --- Local edits: queued in the outbox, visible at once in snapshot(); sent by the next sync.

    /// Queues `record` (a whole record of `kind`) to be stored; returns its client change id. An
    /// edit of a record whose earlier edit was not sent yet replaces that edit. Throws DecodeError
    /// naming the field when the record does not decode as `kind` or has no id.
    std::string stage_put(RecordKind kind, nlohmann::json record);
    std::string stage_put(const Municipality& record);
    std::string stage_put(const Partnership& record);
    std::string stage_put(const Proposal& record);
    std::string stage_put(const Announcement& record);
    /// Queues the removal of a record; returns its client change id.
    std::string stage_remove(RecordKind kind, std::string id);

    // --- The state machine.

    /// Starts a sync (push, then pull until up to date). While one runs, another follows it.
    void sync();
    /// The request to make now, or nothing when idle, stopped, or a request is still outstanding
    /// (each call must be answered by on_response or on_failure before the next is given). After
    /// a failure it is the same request again (same client change ids): wait retry_after_ms() first.
    std::optional<HttpCall> next_call();
    /// The answer to the outstanding call. 2xx is processed; 408, 429 and 5xx and malformed
    /// answers are retried with backoff (429 honours Retry-After in seconds); 413 halves the batch
    /// (a single change too large is rejected); 401, 403 and other 4xx stop (see last_error()).
    /// A reply with no call outstanding is ignored.
    void on_response(const HttpReply& reply);
    /// The outstanding call got no HTTP answer (network down, timeout): retried with backoff.
    void on_failure(std::string reason);
    /// How long the host should wait before making the call next_call() gives; 0 to go at once.
    std::int64_t retry_after_ms() const { return m_retry_after_ms; }

    SyncPhase phase() const { return m_phase; }
    bool busy() const { return m_phase == SyncPhase::pushing || m_phase == SyncPhase::pulling; }
    /// The failure of the last request, cleared by the next success.
    const std::optional<SyncError>& last_error() const { return m_last_error; }

    // --- What the UI reads.

    /// The server revision the local copy is complete up to.
    std::int64_t revision() const { return m_mirror.revision(); }
    const SyncMirror& mirror() const { return m_mirror; }
    const std::vector<PendingChange>& outbox() const { return m_outbox; }
    const std::vector<SyncConflict>& conflicts() const { return m_conflicts; }
    const std::vector<RejectedChange>& rejected() const { return m_rejected; }
    /// The public registry as this client sees it: the server's records with the outbox on top.
    Snapshot snapshot() const;
    /// The proposals this client may see, with the outbox on top.
    std::vector<Proposal> proposals() const;

    // --- Settling what the server refused. Each returns false when no such change is listed.

    /// Queues my change again, based on the server's revision, so it replaces theirs on the next
    /// sync (a removal of a record the server no longer has is simply dropped).
    bool keep_mine(std::string_view client_change_id);
    /// Drops my change; the server's record stays.
    bool take_theirs(std::string_view client_change_id);
    /// Forgets a rejected change once the user has seen it.
    bool dismiss_rejected(std::string_view client_change_id);

    // --- Resuming.

    /// Everything needed to continue after the page or process goes away: the mirror and its
    /// revision, the outbox, conflicts, rejected changes, the change id counter, and whether a
    /// sync was under way. Not the token or the id generator: the host sets those again.
    nlohmann::json save_state() const;
    /// Replaces this client's state with a saved one; a sync that was under way continues from
    /// the revision and outbox saved (already acknowledged pages are not fetched again). Throws
    /// DecodeError naming the field when the state is malformed; the client is then unchanged.
    void load_state(const nlohmann::json& state);

private:
    enum class InFlight { none, pull, push };

    SyncOptions m_options;
    std::string m_client_id;
    std::int64_t m_next_change_number = 1;
    IdGenerator m_make_id;
    PullListener m_on_pulled;
    std::string m_token;

    SyncMirror m_mirror;
    std::vector<PendingChange> m_outbox;
    std::vector<SyncConflict> m_conflicts;
    std::vector<RejectedChange> m_rejected;

    SyncPhase m_phase = SyncPhase::idle;
    bool m_again = false;  ///< sync() was called during a sync
    InFlight m_in_flight = InFlight::none;
    std::size_t m_batch_limit = 0;  ///< current push batch size (shrinks after 413)
    std::vector<std::size_t> m_batch;  ///< outbox positions of the batch being built
    int m_failures = 0;
    std::int64_t m_retry_after_ms = 0;
    std::optional<SyncError> m_last_error;

    std::string new_change_id();
    std::string stage(Change change);
    std::vector<std::size_t> sendable_batch() const;
    HttpCall make_call(std::string method, std::string path, std::string body) const;
    void handle_pull(const HttpReply& reply);
    void handle_push(const HttpReply& reply);
    void acknowledge(const PushResult& result);
    void reject_first_sendable(std::string rule);
    void succeeded();
    void retry_later(SyncError error, std::optional<std::int64_t> wait_ms = std::nullopt);
    void stop(SyncError error);
    std::vector<Change> pending_changes() const;
};

}  // namespace prd
