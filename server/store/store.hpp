#pragma once
// Where the server keeps the registry between runs. The server talks only to this interface;
// SQLite (sqlite_store.hpp) is the embedded default.

#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <tuple>
#include <utility>
#include <vector>

#include "model/types.hpp"

namespace prd::server {

/// The store could not do what was asked; the message names the store and says why.
class StoreError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

/// The store cannot be reached now (its database is down or the connection broke): the server
/// answers 503 and tries again with the next request.
class StoreUnavailable : public StoreError {
public:
    using StoreError::StoreError;
};

/// One record as stored: its current JSON, or a tombstone.
struct StoredRecord {
    RecordKind kind = RecordKind::municipality;
    std::string id;
    std::int64_t revision = 0;
    bool removed = false;
    std::string json;  ///< the record in the public JSON format; empty when removed
};

/// An API token as stored: never the token itself, only its SHA-256.
struct TokenRecord {
    std::string id;        ///< short public handle, shown in logs and used to revoke
    std::string hash;      ///< sha256 hex of the secret token
    std::string role;      ///< "editor", "moderator" or "admin"
    std::string municipality;  ///< the municipality an editor speaks for; empty otherwise
    std::string label;     ///< who it was made for, free text
    std::string created_at;
    bool revoked = false;
    std::string last_used_at;  ///< UTC ISO-8601 to the minute; empty when never used
};

/// A one-time invitation: whoever presents its code gets their own token of this role. The code
/// itself is never stored, only its SHA-256, like a token's.
struct InvitationRecord {
    std::string id;            ///< short public handle ("inv_..."), used to list and revoke
    std::string hash;          ///< sha256 hex of the code
    std::string role;          ///< the role of the token it becomes
    std::string municipality;  ///< for editors
    std::string label;         ///< who it is for, free text
    std::string created_at;
    std::string expires_at;    ///< UTC ISO-8601; the code is refused from then on
    std::string created_by;    ///< the token id (or "cli") that made it
    std::string used_at;       ///< empty until the code is exchanged
    std::string token_id;      ///< the token it became
    bool revoked = false;
};

/// What became of an attempt to exchange an invitation's code for a token.
enum class RedeemStatus { redeemed, unknown, used, expired, revoked };

/// The answer given to one pushed change, remembered so a retried batch gets the same answer
/// without the change being applied twice.
struct ClientChangeResult {
    std::string key;   ///< principal id + "/" + the client's change id
    std::string json;  ///< the result item exactly as it was answered
};

/// A community's hidden or declined partner suggestions. Private: kept apart from the public
/// records, so no snapshot or change feed carries whom a community turned down.
struct StoredDismissals {
    std::string municipality;
    std::string json;  ///< the list as JSON; empty deletes the municipality's list
};

/// A local write a follower forwards to its upstream, and what became of it.
struct OutboxItem {
    std::int64_t seq = 0;  ///< the order of writing; given by the store
    std::string created_at;
    std::string principal;  ///< who wrote it here, as logged
    std::string token_id;   ///< their token here, so they find their own writes
    RecordKind kind = RecordKind::municipality;
    std::string record_id;
    /// For record changes: the record's upstream revision the write was based on (rebased by the
    /// store when an earlier write of the same record is applied upstream).
    std::int64_t base_revision = 0;
    std::string method;  ///< "POST"
    std::string path;    ///< /api/v1/changes: body is one change, sent as a batch of one; else the request as made
    std::string body;
    std::string state = "pending";  ///< pending, applied, conflict or refused
    int status = 0;                 ///< the upstream's HTTP status, once answered
    std::string result;             ///< the upstream's answer (JSON) to a conflict or refusal
    int attempts = 0;
    std::string last_attempt_at;
    std::string settled_at;
    std::int64_t upstream_revision = 0;  ///< applied record changes: the record's revision upstream
};

/// What a follower stores with a commit, in the same transaction.
struct FollowerWrite {
    std::vector<OutboxItem> outbox;  ///< local writes to forward
    std::vector<std::tuple<RecordKind, std::string, std::int64_t>> upstream_revisions;  ///< records' revisions upstream
    std::optional<std::int64_t> upstream_revision;  ///< the upstream revision the local copy is now complete up to
    bool empty() const { return outbox.empty() && upstream_revisions.empty() && !upstream_revision; }
};

/// Everything a store holds, for copying one store into another (`partnership migrate`).
struct StoreContents {
    std::int64_t revision = 0;
    std::vector<StoredRecord> records;  ///< tombstones included
    std::vector<ClientChangeResult> client_changes;
    std::vector<StoredDismissals> dismissals;
    std::vector<TokenRecord> tokens;
    std::vector<InvitationRecord> invitations;
    std::vector<OutboxItem> outbox;  ///< seq kept
    std::vector<std::tuple<RecordKind, std::string, std::int64_t>> upstream_revisions;
    std::int64_t upstream_revision = 0;
    std::vector<std::pair<std::string, std::string>> meta;  ///< ordered by key
};

class Store {
public:
    virtual ~Store() = default;

    /// A short name for logs and errors: "sqlite:DIR" or the database address without its password.
    virtual std::string describe() const = 0;

    /// True when other servers may write to this store too (PostgreSQL), so this one must learn
    /// of their writes (wait_for_change) and take its revision from the store (begin_write).
    virtual bool shared() const { return false; }

    /// Starts a write: until commit() or end_write(), no other server commits to this store (a
    /// row lock in a transaction). Returns the revision stored, which may be ahead of what this
    /// server holds when another server wrote; the caller then catches up with load_since()
    /// before it decides anything. A store used by one server only need not lock.
    virtual std::int64_t begin_write() { return revision(); }
    /// Ends a write begun with begin_write() that is not going to commit (rolls it back).
    virtual void end_write() {}

    /// The records written after `revision` (tombstones included), ordered by revision.
    virtual std::vector<StoredRecord> load_since(std::int64_t revision) = 0;

    /// Waits up to `timeout` for another server's commit; true when the stored revision may now
    /// differ from `known`. A store that is not shared just waits and answers false.
    virtual bool wait_for_change(std::int64_t known, std::chrono::milliseconds timeout);

    /// Takes one request from a rate-limit bucket kept in the store, so every server on it counts
    /// together: 0 when allowed, otherwise the whole seconds to wait. Nothing when the store keeps
    /// no buckets (the caller counts in memory).
    virtual std::optional<int> take_rate(const std::string& key, double burst, double per_second);

    /// Hands `sink` the stored JSON of every public record (municipalities, partnerships and
    /// announcements; no tombstone, no proposal) in one consistent read, announcements first, then
    /// municipalities, then partnerships, each kind ordered by id byte by byte, and returns the
    /// revision they are at. Writers go on meanwhile (the snapshot is built from this, so the
    /// registry in memory is never copied).
    virtual std::int64_t read_public(const std::function<void(RecordKind, std::string_view)>& sink) = 0;

    /// Everything held, in one consistent read.
    virtual StoreContents contents() = 0;
    /// Fills a store that was never written with `contents`, in one transaction. Throws StoreError
    /// when the store already holds something.
    virtual void fill(const StoreContents& contents) = 0;

    /// The registry revision of the last commit; 0 for a store that has never been written.
    virtual std::int64_t revision() = 0;

    /// Every stored record (tombstones included), ordered by kind and id.
    virtual std::vector<StoredRecord> load_all() = 0;

    /// Writes the records, the dismissal lists and the new registry revision in one transaction
    /// (the one begin_write() opened, if any). When it returns, the write is durable; when it
    /// throws, nothing of it was stored. A shared store refuses (StoreError) a revision lower than
    /// the one stored.
    virtual void commit(std::int64_t revision, const std::vector<StoredRecord>& records,
                        const std::vector<ClientChangeResult>& results = {},
                        const std::vector<StoredDismissals>& dismissals = {},
                        const FollowerWrite& follower = {}) = 0;

    // --- A follower's bookkeeping (see federation/follower.hpp).

    /// The outbox in order of writing: only the pending items, or all of them.
    virtual std::vector<OutboxItem> outbox_items(bool pending_only) = 0;
    /// Counts another failed attempt to send the item.
    virtual void note_outbox_attempt(std::int64_t seq, const std::string& at) = 0;
    /// Stores what became of an item (state, status, result, times). When it was applied upstream,
    /// also its record's upstream revision, and rebases the later pending changes of that record
    /// that were based on the same revision: in one transaction.
    virtual void settle_outbox(const OutboxItem& item) = 0;
    /// Every record's revision upstream, as last stored.
    virtual std::vector<std::tuple<RecordKind, std::string, std::int64_t>> upstream_revisions() = 0;
    /// The upstream revision the local copy is complete up to; 0 when it never pulled.
    virtual std::int64_t upstream_revision() = 0;
    virtual std::optional<std::string> meta(const std::string& key) = 0;
    virtual void set_meta(const std::string& key, const std::string& value) = 0;

    /// The remembered answer to a client change, if it was applied before.
    virtual std::optional<std::string> find_client_change(const std::string& key) = 0;

    /// The municipality's dismissal list as JSON, or nothing when it has none.
    virtual std::optional<std::string> find_dismissals(const std::string& municipality) = 0;

    virtual void add_token(const TokenRecord& token) = 0;
    virtual std::optional<TokenRecord> find_token_by_hash(const std::string& hash) = 0;
    /// Marks the token revoked; false when there is no token with that id.
    virtual bool revoke_token(const std::string& id) = 0;
    virtual std::vector<TokenRecord> list_tokens() = 0;
    virtual std::optional<TokenRecord> find_token(const std::string& id) = 0;
    /// Notes that the token was used at `at`; a cheap no-op when it was already noted for that minute.
    virtual void note_token_use(const std::string& id, const std::string& at) = 0;

    virtual void add_invitation(const InvitationRecord& invitation) = 0;
    virtual std::vector<InvitationRecord> list_invitations() = 0;
    virtual std::optional<InvitationRecord> find_invitation(const std::string& id) = 0;
    /// Marks an unused invitation revoked; false when there is none with that id, or it was used.
    virtual bool revoke_invitation(const std::string& id) = 0;
    /// In one transaction: finds the invitation whose code hashes to `hash`, and when it is unused,
    /// unrevoked and not expired at `now`, burns it and stores `token` with the invitation's role and
    /// municipality (and its label when the token has none), which it also sets in `token`.
    /// Anything else stores nothing.
    virtual RedeemStatus redeem_invitation(const std::string& hash, const std::string& now, TokenRecord& token) = 0;

    /// Writes a consistent copy of the whole store to `file` (which must not exist), safe while
    /// the server is writing. Throws StoreError when it cannot.
    virtual void backup_to(const std::string& file) = 0;
};

}  // namespace prd::server
