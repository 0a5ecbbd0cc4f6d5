#pragma once
// The server's registry: the core's Registry kept in memory, persisted through a Store, safe to
// use from the HTTP worker threads. A write is acknowledged only after the store has committed it;
// encoded snapshots are cached per revision so serving one costs no re-encoding.

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <shared_mutex>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

#include <nlohmann/json.hpp>

#include "auth/auth.hpp"
#include "registry/registry.hpp"
#include "search/matching.hpp"
#include "store/store.hpp"

namespace prd::server {

/// A snapshot as it is sent. Only the gzip form is kept: the JSON text of 100,000 municipalities
/// is 77 MB, which nearly every client (browsers, the sync client) never asks for uncompressed.
struct EncodedSnapshot {
    std::int64_t revision = 0;
    std::string gzip;  ///< the snapshot's JSON, gzip-compressed once
    std::size_t json_size = 0;
    /// The JSON text, decompressed anew on each call.
    std::string json() const;
};

/// A pushed change's base_revision meaning "the record as it is when the change is applied, as
/// long as it exists" (If-Match: *): decided under the write lock, so no other write comes between.
constexpr std::int64_t kAnyRevision = -1;

/// The answer to one pushed change. status: "applied", "conflict", "invalid" or "forbidden".
struct PushResult {
    std::string client_change_id;
    nlohmann::json json;  ///< the result item as the API answers it
};

/// The answer to a change of a dismissal list: the whole list after it, or why nothing changed.
struct DismissalResult {
    enum class Status { done, no_municipality, no_other, itself, not_dismissed };
    Status status = Status::done;
    DismissedSuggestions list;
};

/// A change an upstream made, to install here (a follower's pull); `updated_at` is kept as the
/// upstream wrote it.
struct UpstreamChange {
    Change change;
    std::string updated_at;
};

/// What a follower installs in one commit: the changes, and its bookkeeping stored with them.
struct UpstreamBatch {
    std::vector<UpstreamChange> changes;
    FollowerWrite write;
};

class RegistryService {
public:
    /// Loads the store; a store that was never written is seeded with `seed` first. Dismissal
    /// lists found inside public municipality records (where earlier servers kept them) are then
    /// moved to the store's private table, each record cleaned by an ordinary change so that
    /// syncing clients receive it; a second start finds nothing to move. Throws StoreError when
    /// the store cannot commit that.
    RegistryService(std::unique_ptr<Store> store, const Snapshot& seed);
    /// The same, with the seed made only when the store is empty (decoding the built-in registry
    /// costs time and memory a loaded server does not need).
    RegistryService(std::unique_ptr<Store> store, const std::function<Snapshot()>& seed);

    ~RegistryService();
    RegistryService(const RegistryService&) = delete;
    RegistryService& operator=(const RegistryService&) = delete;

    std::int64_t revision() const;

    /// Installs what other servers sharing the store committed since this one's revision. True
    /// when anything was installed. Readers wait only while the records are installed, not while
    /// the store is read.
    bool refresh();
    /// For a shared store: a thread that waits for other servers' commits (the store's
    /// notifications, or every `wait` at the latest) and refreshes. Nothing for a store of one server.
    void follow_store(std::chrono::milliseconds wait = std::chrono::milliseconds(1000));
    void stop_following();

    /// The public registry, encoded once per revision. The first caller after a write encodes the
    /// new revision outside the registry's lock (readers and writers go on meanwhile) and gets it;
    /// callers that come while it works get the previous revision at once instead of waiting. A
    /// snapshot names its revision, so a client that syncs from it then pulls what it lacks.
    std::shared_ptr<const EncodedSnapshot> snapshot() const;

    struct Counts {
        std::size_t municipalities = 0;
        std::size_t partnerships = 0;
        std::size_t announcements = 0;
        std::size_t proposals = 0;
    };
    Counts counts() const;

    /// True when the store was seeded during construction.
    bool seeded() const { return m_seeded; }
    /// How many municipality records the constructor cleaned of a dismissal list.
    std::size_t dismissals_moved() const { return m_dismissals_moved; }

    /// Changes after `since` that `principal` may see (proposals only for their two sides and moderators).
    Delta changes_since(std::int64_t since, std::size_t limit, const Principal& principal) const;

    /// Applies a batch in order, each change on its own: one may be applied while the next
    /// conflicts. A change whose client_change_id was applied before answers its remembered result.
    /// Throws StoreError when the store cannot commit; then nothing of the failed change is kept.
    std::vector<PushResult> push(const Principal& principal, const std::vector<Change>& changes, const std::string& now);

    /// Runs `plan` with the registry under the write lock, then applies the changes it returns in
    /// order (their client_change_id unused) and commits them to the store together: all of them,
    /// durably, or none, and then the result of the first that was not applied. Nothing when the
    /// plan returns no change. Throws StoreError when the store cannot commit; then nothing changed.
    /// For writes the server composes itself, such as a proposal's step and the partnership it signs.
    std::optional<ApplyResult> apply_together(const std::function<std::vector<Change>(const Registry&)>& plan,
                                              const std::string& now);

    /// Called under the write lock with the changes a caller's write (push, apply_together) applied,
    /// just before they are committed; what it returns is committed with them, in one transaction.
    /// A follower queues the write for its upstream this way. Set before serving.
    void set_local_write_hook(std::function<FollowerWrite(const std::vector<Change>& applied)> hook) {
        m_local_write_hook = std::move(hook);
    }

    /// Installs what an upstream holds: runs `plan` under the write lock, applies each of its
    /// changes based on the record as it is here (so none conflicts; the local write hook is not
    /// called) and commits those applied with the plan's bookkeeping in one transaction. Returns
    /// the changes that could not be applied here (invalid), with why. Throws StoreError when the
    /// store cannot commit; then nothing changed.
    std::vector<std::pair<Change, ApplyResult>> apply_from_upstream(const std::function<UpstreamBatch(const Registry&)>& plan);

    /// Runs `work` on the store under the write lock, so no write runs meanwhile.
    void exclusive(const std::function<void(Store&)>& work);

    /// One record as JSON, or null. Proposals only when the principal may see them.
    nlohmann::json record(RecordKind kind, const std::string& id, const Principal& principal) const;
    /// The partnerships a municipality is a party to, as JSON records.
    nlohmann::json partnerships_of(const std::string& municipality) const;
    /// The proposals the principal may see, newest first: those sent from or to their municipality.
    nlohmann::json proposals_for(const Principal& principal) const;

    /// The suggestions `municipality` hid or declined; an empty list when there are none. Private:
    /// the caller checks can_see_dismissals first.
    DismissedSuggestions dismissals(const std::string& municipality) const;
    /// Records that `municipality` dismissed `other` at `now` (UTC ISO-8601), replacing an earlier
    /// dismissal of it. Both must be in the registry. Durable when it answers `done`; throws
    /// StoreError when the store cannot commit, and then nothing changed.
    DismissalResult dismiss(const std::string& municipality, const std::string& other,
                            DismissedSuggestions::Reason reason, const std::string& now);
    /// Brings `other` back among `municipality`'s suggestions; `not_dismissed` when it was not
    /// dismissed. Durable and throwing like dismiss.
    DismissalResult restore(const std::string& municipality, const std::string& other);

    /// Runs `read` with the registry under a shared lock.
    template <typename F>
    auto read(F&& read) const {
        std::shared_lock lock(m_mutex);
        return read(m_registry);
    }

    Store& store() { return *m_store; }

    /// Runs `hook` each time a snapshot is being encoded, once its read of the store is under way,
    /// outside every lock of the service (tests hold the encoder there to see that nothing else
    /// waits for it). Set before serving.
    void before_encoding_snapshots(std::function<void()> hook);

private:
    /// Loads the registry from the store; with `check_bodies`, returns the public records whose
    /// stored text differs from what this build writes for them, with the text it writes.
    std::vector<StoredRecord> reload_from_store(bool check_bodies = false);
    void rewrite_outdated(const std::vector<StoredRecord>& outdated);
    /// Under the write lock, after the store's begin_write() said it holds `stored`: installs what
    /// other servers wrote since this registry's revision.
    void catch_up(std::int64_t stored);
    void install(const std::vector<StoredRecord>& records);
    std::size_t move_dismissals_to_private(const std::string& now);
    DismissedSuggestions load_dismissals(const std::string& municipality) const;

    std::unique_ptr<Store> m_store;
    mutable std::shared_mutex m_mutex;
    Registry m_registry;
    mutable std::mutex m_snapshot_mutex;  ///< guards the two below; never held with m_mutex
    mutable std::condition_variable m_snapshot_built;
    mutable std::shared_ptr<const EncodedSnapshot> m_snapshot;
    mutable bool m_snapshot_building = false;
    std::function<void()> m_before_encoding;
    std::function<FollowerWrite(const std::vector<Change>&)> m_local_write_hook;
    bool m_seeded = false;
    std::size_t m_dismissals_moved = 0;
    std::atomic<bool> m_following{false};
    std::thread m_follower;  ///< last: stopped before the rest is destroyed
};

/// Hands memory the allocator holds but does not use back to the system (glibc only; elsewhere nothing).
void release_free_memory();

/// The current UTC time as YYYY-MM-DDTHH:MM:SSZ.
std::string utc_now();

}  // namespace prd::server
